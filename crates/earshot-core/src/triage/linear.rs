//! The learned part of triage: a multinomial logistic regression over hashed features — word
//! unigrams and bigrams (negation-marked), character n-grams, and the lexicon's scores — small
//! enough to ship inside the binary and fast enough for hundreds of thousands of posts a second.
//!
//! The shipped weights (`data/sentiment.model`) are trained by `earshot train` from a labelled
//! CSV; the README says from which data and under which license. Training is deterministic: the
//! same data and options give the same bytes.

use super::text::Analysed;
use super::vader::Vader;

/// Sentiment classes, in the order the model's outputs use.
pub const CLASSES: [&str; 3] = ["negative", "neutral", "positive"];

/// Everything about a post the model reads, beyond its tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signals {
    /// VADER's reading.
    pub vader: Vader,
    /// Complaint cues found ("refund", "still waiting").
    pub complaint_cues: usize,
    /// Help-request cues found ("how do i").
    pub help_cues: usize,
    /// Purchase-intent cues found ("how much", "do you ship").
    pub lead_cues: usize,
    /// The post's language (ISO 639-1), when it can be told.
    pub lang: Option<&'static str>,
}

/// Where a feature came from, so a prediction can be explained in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The word at this token index.
    Word(usize),
    /// The two words starting at this token index.
    Bigram(usize),
    /// Anything else: character n-grams, lexicon scores, punctuation.
    Other,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

fn finish(h: u64) -> u64 {
    // A final mix so that the low bits used as the index depend on every input byte.
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^ (x >> 33)
}

/// Calls `f(hash, value, origin)` for every feature of a post. Hashes are full 64-bit; the model
/// masks them to its size.
pub fn features(a: &Analysed, s: &Signals, mut f: impl FnMut(u64, f32, Origin)) {
    let toks = &a.tokens;
    // Sparse text features share one scale so that long posts do not shout.
    let n_sparse = toks.len() * 2 + 1;
    let scale = 1.0 / (n_sparse as f32).sqrt();
    for (i, t) in toks.iter().enumerate() {
        // A negated word, a word set aside (not at its usual work here: German "die", the
        // "wrong" of a fault the mechanic explained) and a plain word are three features.
        let tag: &[u8] = match (t.negated, t.aside) {
            (true, _) => b"n",
            (false, true) => b"f",
            (false, false) => b"w",
        };
        let h = fnv(fnv(FNV_OFFSET, tag), t.norm.as_bytes());
        f(finish(h), scale, Origin::Word(i));
        if let Some(next) = toks.get(i + 1) {
            // Two words set aside together ("no funciona" of the writer's own washing machine,
            // `own_fault.rs`) are a pair of their own too.
            let pair: &[u8] = if t.aside && next.aside { b"B" } else { b"b" };
            let h = fnv(fnv(fnv(FNV_OFFSET, pair), t.norm.as_bytes()), b" ");
            f(
                finish(fnv(h, next.norm.as_bytes())),
                scale,
                Origin::Bigram(i),
            );
        }
        // Character 4-grams of longer words catch spelling variants and word families, in every
        // language (byte windows of the UTF-8 form: the same word always gives the same ones).
        let bytes = t.norm.as_bytes();
        if bytes.len() >= 6 {
            let cscale = scale * 0.5;
            for w in bytes.windows(4) {
                f(finish(fnv(fnv(FNV_OFFSET, b"c"), w)), cscale, Origin::Other);
            }
        }
    }
    if toks.is_empty() {
        f(finish(fnv(FNV_OFFSET, b"_empty")), 1.0, Origin::Other);
    }
    let mut dense = |name: &[u8], v: f64| {
        if v != 0.0 {
            f(finish(fnv(FNV_OFFSET, name)), v as f32, Origin::Other);
        }
    };
    dense(b"_bias", 1.0);
    dense(b"_vader_compound", s.vader.compound);
    // Earshot's own words and VADER's apart from the machine-translated ones, which the model
    // learns to trust less.
    dense(
        b"_vader_pos",
        (s.vader.pos - s.vader.pos_translated).ln_1p(),
    );
    dense(
        b"_vader_neg",
        (s.vader.neg - s.vader.neg_translated).ln_1p(),
    );
    dense(b"_translated_pos", s.vader.pos_translated.ln_1p());
    dense(b"_translated_neg", s.vader.neg_translated.ln_1p());
    dense(b"_bangs", a.bangs.min(3) as f64 / 3.0);
    dense(b"_question", f64::from(u8::from(a.questions > 0)));
    dense(b"_ends_question", f64::from(u8::from(a.ends_with_question)));
    dense(b"_caps", f64::from(u8::from(toks.iter().any(|t| t.caps))));
    dense(b"_complaint_cues", s.complaint_cues.min(3) as f64);
    dense(b"_help_cues", s.help_cues.min(2) as f64);
    dense(b"_lead_cues", s.lead_cues.min(2) as f64);
    // Each language's own balance of classes (tweets in Spanish lean otherwise than in English).
    if let Some(l) = s.lang {
        f(
            finish(fnv(fnv(FNV_OFFSET, b"_lang_"), l.as_bytes())),
            1.0,
            Origin::Other,
        );
    }
}

/// A post's features, each as its hash, its value and where it came from ([`features`]).
pub type Feature = (u64, f32, Origin);

/// [`features`] gathered once, for every model that reads the same post.
pub fn feature_list(a: &Analysed, s: &Signals) -> Vec<Feature> {
    let mut out = Vec::with_capacity(a.tokens.len() * 4 + 24);
    features(a, s, |h, v, origin| out.push((h, v, origin)));
    out
}

fn dense_count(a: &Analysed, s: &Signals) -> usize {
    let bare = Analysed {
        tokens: Vec::new(),
        ..a.clone()
    };
    // The "_empty" marker of a token-less post is not among a real post's features.
    feature_list(&bare, s).len() - 1
}

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a model file, or one this build cannot read.
    #[error("not an Earshot triage model: {0}")]
    Format(String),
}

const MAGIC: &[u8; 4] = b"ESM1";

/// Hashed linear weights for [`CLASSES`], held as half floats (the file's precision): the
/// shipped sentiment model's table is 6 MiB in memory instead of 12, for every hour the app runs.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    bits: u32,
    weights: Vec<u16>,
}

const K: usize = CLASSES.len();

impl LinearModel {
    /// An all-zero model with `2^bits` feature buckets.
    pub fn zeros(bits: u32) -> LinearModel {
        LinearModel {
            bits,
            weights: vec![0; (1usize << bits) * K],
        }
    }

    /// Whether this is the stand-in for a model that could not be read (`zeros(8)`: the lexicon
    /// reads alone). Cheap: a real model has a larger table.
    pub fn is_empty(&self) -> bool {
        self.bits <= 8 && self.weights.iter().all(|w| w & 0x7fff == 0)
    }

    fn slot(&self, h: u64) -> usize {
        (h as usize & ((1usize << self.bits) - 1)) * K
    }

    /// The weights of one feature, per class.
    pub fn weights_of(&self, h: u64) -> [f32; K] {
        let s = self.slot(h);
        [
            half_value(self.weights[s]),
            half_value(self.weights[s + 1]),
            half_value(self.weights[s + 2]),
        ]
    }

    /// Class probabilities for a post.
    pub fn predict(&self, a: &Analysed, s: &Signals) -> [f32; K] {
        let mut logits = [0f32; K];
        features(a, s, |h, v, _| {
            let w = self.weights_of(h);
            for c in 0..K {
                logits[c] += v * w[c];
            }
        });
        softmax(logits)
    }

    /// Serialises the model: a header, then each non-zero bucket as index and weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        let nonzero: Vec<usize> = (0..1usize << self.bits)
            .filter(|i| {
                self.weights[i * K..i * K + K]
                    .iter()
                    .any(|w| w & 0x7fff != 0)
            })
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for i in nonzero {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            for w in &self.weights[i * K..i * K + K] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`LinearModel::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<LinearModel, ModelError> {
        let bad = |why: &str| ModelError::Format(why.to_string());
        let rest = b.strip_prefix(MAGIC).ok_or_else(|| bad("wrong magic"))?;
        let u32_at = |b: &[u8], at: usize| -> Result<u32, ModelError> {
            b.get(at..at + 4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
                .ok_or_else(|| bad("truncated"))
        };
        let bits = u32_at(rest, 0)?;
        if !(8..=24).contains(&bits) {
            return Err(bad("feature table size out of range"));
        }
        let n = u32_at(rest, 4)? as usize;
        let mut m = LinearModel::zeros(bits);
        let entry = 4 + 2 * K;
        let body = &rest[8..];
        if body.len() != n * entry {
            return Err(bad("truncated"));
        }
        for e in body.chunks_exact(entry) {
            let i = u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize;
            if i >= 1usize << bits {
                return Err(bad("bucket out of range"));
            }
            for c in 0..K {
                let h = u16::from_le_bytes([e[4 + 2 * c], e[5 + 2 * c]]);
                m.weights[i * K + c] = h;
            }
        }
        Ok(m)
    }
}

/// Softmax of logits.
pub fn softmax(logits: [f32; K]) -> [f32; K] {
    let max = logits.iter().copied().fold(f32::MIN, f32::max);
    let mut e = logits.map(|l| (l - max).exp());
    let sum: f32 = e.iter().sum();
    for v in &mut e {
        *v /= sum;
    }
    e
}

// Weights are stored as IEEE half floats: the model file is a quarter of its f32 size and the
// rounding (three significant digits) does not change a prediction measurably.
fn half_bits(v: f32) -> u16 {
    let x = v.to_bits();
    let sign = ((x >> 16) & 0x8000) as u16;
    let exp = ((x >> 23) & 0xff) as i32 - 127 + 15;
    let mant = x & 0x7f_ffff;
    if exp <= 0 {
        return sign; // too small for a half: zero
    }
    if exp >= 31 {
        return sign | 0x7bff; // clamp to the largest half
    }
    let rounded = (mant + 0x1000) >> 13;
    if rounded == 0x400 {
        // Rounding carried into the exponent.
        if exp + 1 >= 31 {
            return sign | 0x7bff;
        }
        return sign | (((exp + 1) as u16) << 10);
    }
    sign | ((exp as u16) << 10) | rounded as u16
}

fn half_value(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1f);
    let mant = u32::from(h & 0x3ff);
    if exp == 0 {
        return f32::from_bits(sign); // zero (subnormals are never written)
    }
    f32::from_bits(sign | ((exp + 127 - 15) << 23) | (mant << 13))
}

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// log2 of the number of feature buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad learning rate.
    pub rate: f32,
    /// L2 penalty on touched weights.
    pub l2: f32,
    /// 1.0 weighs classes so each counts as much in total (the data's skew is not the world's);
    /// 0.0 trusts the data's class balance.
    pub balance: f32,
    /// Share of examples, each epoch, seen without their words — only the lexicon and
    /// punctuation — so the model learns to trust the lexicon where the words are new to it
    /// (another domain, another business).
    pub word_dropout: f32,
    /// Seed for the shuffling.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 18,
            epochs: 8,
            rate: 0.15,
            l2: 1e-4,
            balance: 1.0,
            word_dropout: 0.5,
            seed: 7,
        }
    }
}

/// One labelled example: its features (as the model's hashes) and its class.
pub struct Example {
    feats: Vec<(u64, f32)>,
    /// Where the lexicon and punctuation features start (the words' features come first).
    dense_from: usize,
    label: usize,
}

impl Example {
    /// Precomputes an example's features.
    pub fn new(a: &Analysed, s: &Signals, label: usize) -> Example {
        let mut feats = Vec::with_capacity(a.tokens.len() * 4 + 12);
        features(a, s, |h, v, _| feats.push((h, v)));
        let dense_from = feats.len() - dense_count(a, s);
        Example {
            feats,
            dense_from,
            label,
        }
    }

    /// The class.
    pub fn label(&self) -> usize {
        self.label
    }
}

/// A small deterministic generator (splitmix64) for shuffling.
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains a model on `examples` (multinomial logistic regression, AdaGrad, L2).
pub fn train(examples: &[&Example], opts: &TrainOptions) -> LinearModel {
    let slots = 1usize << opts.bits;
    let slot = |h: u64| (h as usize & (slots - 1)) * K;
    let mut weights = vec![0f32; slots * K];
    let mut g2 = vec![1e-6f32; weights.len()];
    let mut counts = [0usize; K];
    for e in examples {
        counts[e.label] += 1;
    }
    let n = examples.len().max(1) as f32;
    let class_weight: [f32; K] = std::array::from_fn(|c| {
        let fair = n / (K as f32 * counts[c].max(1) as f32);
        fair.powf(opts.balance)
    });
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(opts.seed);
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = examples[i];
            let drop = (rng.next_u64() % 10_000) as f32 / 10_000.0 < opts.word_dropout;
            let feats = if drop {
                &e.feats[e.dense_from..]
            } else {
                &e.feats[..]
            };
            let mut logits = [0f32; K];
            for &(h, v) in feats {
                let s = slot(h);
                for c in 0..K {
                    logits[c] += v * weights[s + c];
                }
            }
            let p = softmax(logits);
            let cw = class_weight[e.label];
            for &(h, v) in feats {
                let s = slot(h);
                for c in 0..K {
                    let y = if c == e.label { 1.0 } else { 0.0 };
                    let g = cw * (p[c] - y) * v + opts.l2 * weights[s + c];
                    g2[s + c] += g * g;
                    weights[s + c] -= opts.rate * g / g2[s + c].sqrt();
                }
            }
        }
    }
    LinearModel {
        bits: opts.bits,
        weights: weights.into_iter().map(half_bits).collect(),
    }
}

/// A confusion matrix with the figures people read off it.
#[derive(Debug, Clone, PartialEq)]
pub struct Confusion {
    /// Class names.
    pub classes: Vec<String>,
    /// `matrix[truth][predicted]`.
    pub matrix: Vec<Vec<usize>>,
}

impl Confusion {
    /// An empty matrix over `classes`.
    pub fn new(classes: &[&str]) -> Confusion {
        Confusion {
            classes: classes.iter().map(|c| c.to_string()).collect(),
            matrix: vec![vec![0; classes.len()]; classes.len()],
        }
    }
    /// Counts one prediction.
    pub fn add(&mut self, truth: usize, predicted: usize) {
        self.matrix[truth][predicted] += 1;
    }
    /// Number of examples.
    pub fn total(&self) -> usize {
        self.matrix.iter().flatten().sum()
    }
    /// Share predicted correctly.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..self.classes.len()).map(|i| self.matrix[i][i]).sum();
        right as f64 / self.total().max(1) as f64
    }
    /// Precision, recall and F1 of one class.
    pub fn prf(&self, c: usize) -> (f64, f64, f64) {
        let tp = self.matrix[c][c] as f64;
        let predicted: usize = self.matrix.iter().map(|row| row[c]).sum();
        let actual: usize = self.matrix[c].iter().sum();
        let p = if predicted == 0 {
            0.0
        } else {
            tp / predicted as f64
        };
        let r = if actual == 0 { 0.0 } else { tp / actual as f64 };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    /// Mean F1 over classes.
    pub fn macro_f1(&self) -> f64 {
        (0..self.classes.len()).map(|c| self.prf(c).2).sum::<f64>() / self.classes.len() as f64
    }
    /// Mean recall over classes.
    pub fn macro_recall(&self) -> f64 {
        (0..self.classes.len()).map(|c| self.prf(c).1).sum::<f64>() / self.classes.len() as f64
    }
    /// Adds another matrix over the same classes.
    pub fn merge(&mut self, other: &Confusion) {
        for (a, b) in self.matrix.iter_mut().zip(&other.matrix) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }
    /// A table for people: accuracy, per-class P/R/F1, the matrix.
    pub fn report(&self) -> String {
        let mut s = format!(
            "examples {}  accuracy {:.3}  macro-F1 {:.3}  macro-recall {:.3}\n",
            self.total(),
            self.accuracy(),
            self.macro_f1(),
            self.macro_recall()
        );
        s.push_str(&format!(
            "{:<12} {:>9} {:>9} {:>9} {:>8}\n",
            "class", "precision", "recall", "F1", "support"
        ));
        for (c, name) in self.classes.iter().enumerate() {
            let (p, r, f) = self.prf(c);
            let support: usize = self.matrix[c].iter().sum();
            s.push_str(&format!(
                "{name:<12} {p:>9.3} {r:>9.3} {f:>9.3} {support:>8}\n"
            ));
        }
        s.push_str("confusion (rows: truth, columns: predicted)\n");
        s.push_str(&format!("{:<12}", ""));
        for name in &self.classes {
            s.push_str(&format!(" {name:>10}"));
        }
        s.push('\n');
        for (c, name) in self.classes.iter().enumerate() {
            s.push_str(&format!("{name:<12}"));
            for v in &self.matrix[c] {
                s.push_str(&format!(" {v:>10}"));
            }
            s.push('\n');
        }
        s
    }
}

#[cfg(test)]
#[path = "linear_tests.rs"]
mod tests;
