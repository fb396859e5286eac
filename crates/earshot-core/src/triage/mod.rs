//! Triage: what a mention is and how urgent it is, 0–100, with the reasons in words.
//!
//! [`read`] looks at text alone: the tokenizer and VADER's lexicon rules ([`text`]), complaint,
//! help and purchase cues, and a learned linear model ([`linear`], weights shipped inside the
//! binary) give sentiment, intent, `complaint` and `needs_reply`. [`triage`] adds what is known
//! about the mention — whether it addresses the business, the author's reach, engagement velocity,
//! age, the owner's own corrections ([`personal`]) — and turns it all into urgency and reasons,
//! strongest first. Both are pure functions of their inputs.

mod broken;
mod chase;
mod clock;
mod complaint_cues;
mod courtesy;
mod cue_lists;
pub mod cues;
mod decline;
mod dread;
mod farewell;
mod flags;
pub mod grave;
mod hashtags;
mod idiom_list;
mod idiom_list_more;
mod idioms;
pub mod lang;
mod lexicons;
pub mod linear;
mod lone_words;
mod more_cues;
mod naming;
mod need_met;
mod not_until;
mod notice;
mod own_excuse;
mod own_fault;
mod pair_words;
pub mod personal;
mod put_right;
mod reading;
mod repeat;
mod service_cues;
mod signals;
mod stretch;
mod supposed;
pub mod text;
mod thanks_for;
mod turn;
pub mod vader;
mod waited;
mod words;
mod written;
mod wrong_item;

pub use flags::{abuse_with, flag_with};
pub use grave::Grave;
pub use reading::{read, read_with, Reading};
pub use signals::{signals, training_example, Found};

use std::sync::{Arc, OnceLock};

use crate::matcher::fold;
use crate::model::{Intent, Mention, Sentiment, Triage};
use linear::LinearModel;
use personal::Personal;

const MODEL: &[u8] = include_bytes!("../../data/sentiment.model");
const ABUSE_MODEL: &[u8] = include_bytes!("../../data/abuse.model");
const IRONY_MODEL: &[u8] = include_bytes!("../../data/irony.model");
const COMPLAINT_MODEL: &[u8] = include_bytes!("../../data/complaint.model");

/// Bumped when triage changes in a way that re-ranks stored mentions.
const TRIAGE_REVISION: u32 = 35;

/// Identifies this build's triage: stored mentions ranked by another are re-ranked at start.
pub fn revision() -> String {
    format!(
        "{TRIAGE_REVISION}-{}-{}-{}-{}",
        MODEL.len(),
        ABUSE_MODEL.len(),
        IRONY_MODEL.len(),
        COMPLAINT_MODEL.len()
    )
}

/// What the owner can tune about triage, and what they have taught it.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Urgency at or above which a mention counts as urgent (alerts, tray count).
    pub urgent_threshold: u8,
    /// The business's own handles, folded ("@brightsidecoffee"): a match means "addressed to you".
    pub own_handles: Vec<String>,
    /// What the owner's corrections taught.
    pub personal: Arc<Personal>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            urgent_threshold: 60,
            own_handles: Vec::new(),
            personal: Arc::new(Personal::new()),
        }
    }
}

impl Rules {
    /// Rules for a business: its handle terms count as addressing it.
    pub fn for_business(b: &crate::model::Business) -> Rules {
        Rules {
            own_handles: b
                .terms
                .iter()
                .filter(|t| t.starts_with('@'))
                .map(|t| fold(t))
                .collect(),
            ..Rules::default()
        }
    }
}

/// A model shipped inside the binary, read once. A damaged model file (a build problem, never
/// user input) gives the empty model, and `without` says in the log what triage does then.
fn shipped(
    cell: &'static OnceLock<LinearModel>,
    bytes: &[u8],
    what: &str,
    without: &str,
) -> &'static LinearModel {
    cell.get_or_init(|| {
        LinearModel::from_bytes(bytes).unwrap_or_else(|e| {
            tracing::error!(error = %e, "the shipped {what} model is unreadable; {without}");
            LinearModel::zeros(8)
        })
    })
}

/// The shipped sentiment model; unreadable, the lexicon reads alone.
pub fn model() -> &'static LinearModel {
    static M: OnceLock<LinearModel> = OnceLock::new();
    shipped(&M, MODEL, "triage", "using the lexicon only")
}

/// The shipped abuse model (trained on offensive tweets; outputs not, abusive, and a third
/// that is never a label). Unreadable, it flags nothing.
pub fn abuse_model() -> &'static LinearModel {
    static M: OnceLock<LinearModel> = OnceLock::new();
    shipped(&M, ABUSE_MODEL, "abuse", "abuse is not flagged")
}

/// The shipped irony model (trained on English tweets labelled ironic or not; outputs not,
/// ironic, and a third that is never a label). Unreadable, only the sarcasm cues speak.
pub fn irony_model() -> &'static LinearModel {
    static M: OnceLock<LinearModel> = OnceLock::new();
    shipped(&M, IRONY_MODEL, "irony", "only cues mark sarcasm")
}

/// The shipped complaint model (trained on English tweets to brands labelled complaint or not;
/// outputs not, complaint, and a third that is never a label). Unreadable, the sentiment model's
/// negative reading and the cues decide alone.
pub fn complaint_model() -> &'static LinearModel {
    static M: OnceLock<LinearModel> = OnceLock::new();
    shipped(
        &M,
        COMPLAINT_MODEL,
        "complaint",
        "complaints are read from tone and cues",
    )
}

/// Formats a count the way people read reach: 950, 12k, 2.1M.
pub fn human_count(n: i64) -> String {
    let n = n.max(0) as f64;
    if n >= 1_000_000.0 {
        let v = n / 1_000_000.0;
        if v >= 10.0 {
            format!("{v:.0}M")
        } else {
            format!("{v:.1}M")
        }
    } else if n >= 1_000.0 {
        let v = n / 1_000.0;
        if v >= 10.0 {
            format!("{v:.0}k")
        } else {
            format!("{v:.1}k")
        }
    } else {
        format!("{n:.0}")
    }
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Interactions (replies and reposts) per minute at or above which a post is going viral.
pub const VIRAL_PER_MINUTE: f64 = 1.0;

/// The weight of a grave complaint's line ("health or safety: 'food poisoning'").
const GRAVE_WEIGHT: f64 = 50.0;

/// Ranks one mention. Pure: the same mention, rules and `now` always give the same result.
pub fn triage(m: &Mention, rules: &Rules, now: i64) -> Triage {
    triage_read(m, rules, now).0
}

/// [`triage`], and the post's language as triage read it (ISO 639-1; None when it cannot be
/// told): ingest keeps it for mentions whose network did not say.
pub fn triage_and_language(m: &Mention, rules: &Rules, now: i64) -> (Triage, Option<&'static str>) {
    let (t, r) = triage_read(m, rules, now);
    (t, r.lang)
}

/// [`triage`], with the reading of the text it was based on.
fn triage_read(m: &Mention, rules: &Rules, now: i64) -> (Triage, Reading) {
    let text = m.full_text();
    let r = read(&text);
    let mut parts: Vec<(f64, String)> = Vec::new();
    let neg = f64::from(r.probs[0]);

    // The tone: its weight, and its words when the model can name them. A neutral reading that
    // leans negative counts too, but only with words to name ("leans negative: 'x'"), or as part
    // of a complaint.
    let leans = r.mood == Sentiment::Neutral && neg >= f64::from(reading::LEANS_NEGATIVE);
    let tone_w = if r.mood == Sentiment::Negative || leans {
        45.0 * neg.powf(1.5)
    } else {
        0.0
    };
    // Where the model names no word, an insult is what it read ("Siete degli stronzi").
    let named = if r.drivers.is_empty() {
        &r.abuse_words
    } else {
        &r.drivers
    };
    // Beside a complaint's own words, the tone names only lexicon words ("negative: 'geht',
    // 'telefon'" adds nothing to "complaint: 'niemand geht ans telefon'"), and nothing when the
    // complaint already says them all ("negative: 'froid'" beside "complaint: 'arrivé froid'").
    let complaint_has_words = !(r.complaint_words.is_empty() && r.grave.is_empty());
    let named: Vec<String> = if r.complaint && complaint_has_words {
        let last = |w: &String| w.rsplit(' ').next().unwrap_or(w).to_string();
        let lexical: Vec<String> = named
            .iter()
            .filter(|w| vader::ends_in_lexicon_word(w))
            .cloned()
            .collect();
        let said = |w: &String| {
            let w = last(w);
            r.complaint_words
                .iter()
                .chain(r.grave.iter().map(|(_, g)| g))
                .any(|c| c.split(' ').any(|part| part == w))
        };
        if lexical.iter().all(said) {
            Vec::new()
        } else if r.grave.is_empty() {
            lexical
        } else {
            // Beside a grave line, each word once ("health or safety: 'mouldy'", not again in
            // "negative: 'not impressed', 'mouldy'").
            lexical.into_iter().filter(|w| !said(w)).collect()
        }
    } else {
        named.clone()
    };
    let tone_words = (tone_w > 0.0 && !named.is_empty()).then(|| quoted(&named));
    let tone_label = if leans { "leans negative" } else { "negative" };
    if !r.grave.is_empty() {
        // Grave: each kind on its own line, weighing more than any tone (45 at most), so it
        // comes first; the complaint's other cues, or else the tone's other words, beside it.
        for kind in [Grave::Health, Grave::Legal, Grave::Discrimination] {
            // Overlapping cues say it once ("a rat" and "rat in the": 'a rat').
            let mut words: Vec<String> = Vec::new();
            for (_, w) in r.grave.iter().filter(|(k, _)| *k == kind) {
                let shares = |o: &String| o.split(' ').any(|p| w.split(' ').any(|q| p == q));
                if words.len() < 3 && !words.iter().any(shares) {
                    words.push(w.clone());
                }
            }
            if !words.is_empty() {
                parts.push((
                    GRAVE_WEIGHT,
                    format!("{}: {}", kind.label(), quoted(&words)),
                ));
            }
        }
        if !r.complaint_words.is_empty() {
            parts.push((tone_w, format!("complaint: {}", quoted(&r.complaint_words))));
        } else if let Some(tone) = tone_words {
            parts.push((tone_w, format!("{tone_label}: {tone}")));
        }
    } else if r.complaint {
        let n = r.complaint_cues.len().min(3);
        let w = 16.0 + 4.0 * n as f64;
        let own = (!r.complaint_words.is_empty()).then(|| quoted(&r.complaint_words));
        match (tone_words, own) {
            (Some(tone), Some(own)) if tone != own => {
                parts.push((tone_w, format!("{tone_label}: {tone}")));
                parts.push((w, format!("complaint: {own}")));
            }
            // One set of words says it once: the complaint's own ("complaint: 'reembolso',
            // 'nadie contesta'"), also when the tone names the same ("not impressed"), or the
            // tone's where it has none (a language without the complaint model: "complaint:
            // 'non buono'", not a bare "complaint").
            (_, Some(words)) | (Some(words), None) => {
                parts.push((tone_w + w, format!("complaint: {words}")))
            }
            (None, None) => parts.push((tone_w + w, "complaint: negative tone".to_string())),
        }
    } else if let Some(tone) = tone_words {
        parts.push((tone_w, format!("{tone_label}: {tone}")));
    } else if r.mood == Sentiment::Negative {
        parts.push((tone_w, "negative tone".to_string()));
    }
    // A suggestion ("would be nice if") is named apart, and weighs as a question.
    let (suggests, help): (Vec<String>, Vec<String>) = r
        .help_cues
        .iter()
        .cloned()
        .partition(|c| cue_lists::SUGGESTION_CUES.contains(&crate::matcher::fold(c).as_str()));
    if !help.is_empty() {
        parts.push((
            20.0,
            format!("asks for help: {}", quoted(&help[..help.len().min(3)])),
        ));
    } else if r.analysed.questions > 0 {
        parts.push((10.0, "asks a question".to_string()));
    }
    if !suggests.is_empty() {
        parts.push((10.0, format!("suggests: {}", quoted(&suggests[..1]))));
    }
    if r.intent == Intent::Lead {
        parts.push((
            15.0,
            format!(
                "wants to buy: {}",
                quoted(&r.lead_cues[..r.lead_cues.len().min(3)])
            ),
        ));
    }
    // Named by one of the business's handles, or addressed by the network itself: a mention
    // notification, a reply to or quote of the business's post, a mention by DID.
    let addressed = m.remote.to_owner
        || rules
            .own_handles
            .iter()
            .any(|h| m.matched_terms.iter().any(|t| fold(t) == *h));
    if addressed {
        parts.push((10.0, "addressed to you".to_string()));
    }
    // A review's stars say what its words may not: one or two stars need an answer.
    let low_stars = m.remote.rating.filter(|r| *r <= 2);
    if let Some(stars) = m.remote.rating {
        let w = match stars {
            1 => 50.0,
            2 => 40.0,
            3 => 12.0,
            _ => 0.0,
        };
        let line = crate::channels::google_reviews::parse::star_line(stars);
        parts.push((w, format!("{stars}-star review {line}")));
    }
    // Said once: "thanks for nothing" is the complaint's cue and the sarcasm's.
    let said = |w: &String| r.complaint_words.contains(w);
    if !r.sarcasm.is_empty() && r.mood == Sentiment::Negative && !said(&r.sarcasm[0]) {
        parts.push((6.0, format!("sarcastic: {}", quoted(&r.sarcasm[..1]))));
    }
    if r.abusive {
        let why = if r.abuse_words.is_empty() {
            "abusive language".to_string()
        } else {
            format!("abusive: {}", quoted(&r.abuse_words))
        };
        parts.push((20.0, why));
    }
    if m.remote.verified {
        parts.push((6.0, "verified account".to_string()));
    }
    match m.remote.kind {
        Some(crate::model::Kind::EditedReview) => {
            parts.push((8.0, "the reviewer changed their review".to_string()))
        }
        Some(crate::model::Kind::DeletedReview) => {
            parts.push((0.0, "the reviewer deleted their review".to_string()))
        }
        _ => {}
    }
    if let Some(f) = m.author.followers.filter(|f| *f >= 1_000) {
        // 1k → 5, 10k → 11, 100k → 17, 1M → 23, 10M → 29 (capped 28).
        let w = (5.0 + 6.0 * (f as f64 / 1_000.0).log10()).min(28.0);
        parts.push((w, format!("author has {} followers", human_count(f))));
    } else if let Some(k) = m.author.karma.filter(|k| *k >= 1_000) {
        let w = (4.0 + 8.0 * (k as f64 / 1_000.0).log10()).min(20.0);
        parts.push((w, format!("author has {} karma", human_count(k))));
    }
    if let Some(v) = m.engagement.velocity.filter(|v| *v >= VIRAL_PER_MINUTE) {
        let w = (10.0 + 8.0 * v.log2()).min(30.0);
        parts.push((
            w,
            format!(
                "going viral: {} replies and reposts a minute",
                human_rate(v)
            ),
        ));
    }

    let mut score: f64 = parts.iter().map(|(w, _)| *w).sum();
    if r.mood == Sentiment::Positive
        && !r.complaint
        && r.help_cues.is_empty()
        && r.intent != Intent::Lead
    {
        score *= 0.5; // praise from a big account is worth seeing, not an emergency
    }
    if let Some(stars) = low_stars {
        // Urgent by default, whatever the words.
        score = score.max(f64::from(rules.urgent_threshold) + f64::from(2 - stars.min(2)) * 10.0);
    }
    if !r.grave.is_empty() {
        // As urgent as a one-star review, whatever the reach or the tone.
        score = score.max(f64::from(rules.urgent_threshold) + 10.0);
    }
    let mut reasons: Vec<(f64, String)> = parts;
    if m.channel == crate::model::Channel::Instagram && m.author.followers.is_none() {
        reasons.push((
            0.0,
            "reach unknown: Instagram tells follower counts only for business and creator accounts"
                .to_string(),
        ));
    }
    let age_h = (now - m.created_at) as f64 / 3600.0;
    if age_h > 48.0 && score > 0.0 {
        score *= 0.6;
        reasons.push((0.0, format!("posted {} days ago", (age_h / 24.0).floor())));
    }
    if let Some(l) = r.lang.filter(|l| !lang::MODELLED.contains(l)) {
        reasons.push((
            0.5,
            format!(
                "written in {}: Earshot has no tone model for it, so its tone is a guess",
                lang::name(l)
            ),
        ));
    }
    if r.mood == Sentiment::Positive {
        let why = if r.drivers.is_empty() {
            "positive tone".to_string()
        } else {
            format!("positive: {}", quoted(&r.drivers))
        };
        reasons.push((0.0, why));
    }

    let mut intent = r.intent;
    let feats = (rules.personal.lessons() > 0)
        .then(|| personal::features(&r.analysed, &m.author.handle, m.channel.as_str()));
    if let Some(feats) = &feats {
        if let Some(shift) = rules.personal.urgency_shift(feats) {
            score += f64::from(shift);
            let why = if shift > 0.0 {
                "you marked similar posts urgent"
            } else {
                "you marked similar posts not urgent"
            };
            reasons.push((f64::from(shift.abs()), why.to_string()));
        }
        if let Some(pref) = rules.personal.intent_preference(feats, intent) {
            intent = pref;
            reasons.push((5.0, format!("you filed similar posts as {}", pref.as_str())));
        }
    }
    if let Some(owner) = m.owner.intent {
        intent = owner;
    }
    let mut urgency = score.round().clamp(0.0, 100.0) as u8;
    match m.owner.urgent {
        Some(true) => {
            urgency = urgency.max(rules.urgent_threshold.max(1));
            reasons.push((1000.0, "you marked this urgent".to_string()));
        }
        Some(false) => {
            urgency = urgency.min(rules.urgent_threshold.saturating_sub(1).min(20));
            reasons.push((1000.0, "you marked this not urgent".to_string()));
        }
        None => {}
    }
    reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
    let complaint =
        r.complaint && intent == Intent::Complaint || m.owner.intent == Some(Intent::Complaint);
    let needs_reply = if m.owner.intent.is_some() || intent != r.intent {
        matches!(intent, Intent::Complaint | Intent::Question | Intent::Lead)
    } else {
        r.needs_reply
    };
    let t = Triage {
        urgency,
        sentiment: r.score(),
        mood: r.mood,
        intent,
        complaint,
        needs_reply,
        reasons: reasons.into_iter().map(|(_, r)| r).collect(),
    };
    (t, r)
}

fn human_rate(v: f64) -> String {
    if v >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The `earshot classify` answer for one post.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Classification {
    /// "negative", "neutral" or "positive".
    pub sentiment: &'static str,
    /// "complaint", "question", "praise", "lead" or "other".
    pub intent: &'static str,
    /// Whether it is a complaint.
    pub complaint: bool,
    /// Whether it wants an answer.
    pub needs_reply: bool,
    /// 0–100.
    pub urgency: u8,
    /// Why, strongest first.
    pub reasons: Vec<String>,
    /// Offensive or abusive.
    pub abusive: bool,
    /// The language (ISO 639-1), or null when it cannot be told.
    pub language: Option<&'static str>,
}

/// Classifies a bare post the way [`triage`] would rank it as a fresh mention, without any
/// business profile or owner history: what `earshot classify` prints.
pub fn classify(text: &str, followers: Option<i64>) -> Classification {
    let mut m = Mention::new(crate::model::Channel::Rss, "", text);
    m.author.followers = followers;
    let (t, r) = triage_read(&m, &Rules::default(), 0);
    Classification {
        abusive: r.abusive,
        language: r.lang,
        sentiment: t.mood.as_str(),
        intent: t.intent.as_str(),
        complaint: t.complaint,
        needs_reply: t.needs_reply,
        urgency: t.urgency,
        reasons: t.reasons,
    }
}

#[cfg(test)]
mod tests;
