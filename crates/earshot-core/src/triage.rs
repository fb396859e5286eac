//! Triage, first version: how urgent a mention is, 0–100, and why.
//!
//! [`triage`] is a pure function of the mention, the [`Rules`] and `now`. It combines
//! - sentiment from the VADER lexicon (Hutto & Gilbert 2014, MIT; `data/VADER-LICENSE.txt`) with
//!   VADER's negation, booster, all-caps, "but" and exclamation rules and its emoji descriptions;
//! - complaint cues ("refund", "still waiting") and help-request cues ("how do I", "anyone know");
//! - whether the post addresses the business directly (its @handle matched);
//! - the author's reach (followers, or karma where that is all a network has), on a log scale;
//! - age: a post days old is less urgent than one from this morning.
//!
//! Each signal that contributes becomes a reason, strongest first.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::matcher::fold;
use crate::model::{Mention, Triage};

const LEXICON: &str = include_str!("../data/vader_lexicon.txt");
const EMOJI: &str = include_str!("../data/emoji_utf8_lexicon.txt");

/// What the owner can tune about triage.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Urgency at or above which a mention counts as urgent (alerts, tray count).
    pub urgent_threshold: u8,
    /// The business's own handles, folded ("@brightsidecoffee"): a match means "addressed to you".
    pub own_handles: Vec<String>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            urgent_threshold: 60,
            own_handles: Vec::new(),
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

const COMPLAINT_CUES: &[&str] = &[
    "refund",
    "cancel",
    "cancelled",
    "canceled",
    "broken",
    "still waiting",
    "never arrived",
    "never received",
    "worst",
    "terrible",
    "awful",
    "rude",
    "scam",
    "charged twice",
    "overcharged",
    "disappointed",
    "disappointing",
    "unacceptable",
    "complaint",
    "food poisoning",
    "got sick",
    "cold food",
    "waited",
    "no response",
    "ignored",
    "ripped off",
    "rip off",
    "money back",
    "not working",
    "doesn't work",
    "does not work",
    "stopped working",
    "lost my",
    "missing",
    "wrong order",
    "never again",
    "avoid",
];

const HELP_CUES: &[&str] = &[
    "how do i",
    "how can i",
    "how to",
    "anyone know",
    "does anyone",
    "can anyone",
    "can you help",
    "can someone",
    "need help",
    "help me",
    "please help",
    "is there a way",
    "where can i",
    "what time",
    "are you open",
    "do you have",
    "do you ship",
    "any way to",
    "who do i contact",
    "can't log in",
    "cannot log in",
    "can't login",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
    "without", "aint", "isnt", "wasnt", "arent", "werent", "dont", "doesnt", "didnt", "cant",
    "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt",
];

const BOOSTERS_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerably",
    "decidedly",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fabulously",
    "flipping",
    "fully",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "totally",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utterly",
    "very",
];

const BOOSTERS_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "kinda",
    "less",
    "little",
    "marginally",
    "occasionally",
    "partly",
    "scarcely",
    "slightly",
    "somewhat",
    "sorta",
];

const B_INCR: f64 = 0.293;
const C_INCR: f64 = 0.733;
const N_SCALAR: f64 = -0.74;

struct Lexicons {
    valence: HashMap<String, f64>,
    emoji: HashMap<char, String>,
    complaint: AhoCorasick,
    help: AhoCorasick,
}

fn lexicons() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        let valence = LEXICON
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\t');
                let word = f.next()?;
                let v: f64 = f.next()?.parse().ok()?;
                Some((word.to_string(), v))
            })
            .collect();
        let emoji = EMOJI
            .lines()
            .filter_map(|l| {
                let (e, desc) = l.split_once('\t')?;
                let mut chars = e.chars();
                let c = chars.next()?;
                // Only single-code-point emoji; sequences are rare in the lexicon's use here.
                chars.next().is_none().then(|| (c, desc.to_string()))
            })
            .collect();
        let build = |cues: &[&str]| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(cues)
                .expect("static cue lists compile")
        };
        Lexicons {
            valence,
            emoji,
            complaint: build(COMPLAINT_CUES),
            help: build(HELP_CUES),
        }
    })
}

/// Sentiment of `text` as VADER's compound score, -1.0 to 1.0, with the words that drove it.
pub fn sentiment(text: &str) -> (f64, Vec<String>) {
    let lex = lexicons();
    // Emoji become their descriptions, as VADER does.
    let mut expanded = String::with_capacity(text.len());
    for c in text.chars() {
        match lex.emoji.get(&c) {
            Some(desc) => {
                expanded.push(' ');
                expanded.push_str(desc);
                expanded.push(' ');
            }
            None => expanded.push(c),
        }
    }
    let raw: Vec<&str> = expanded.split_whitespace().collect();
    let tokens: Vec<String> = raw
        .iter()
        .map(|t| {
            let trimmed = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            if trimmed.len() <= 1 && lex.valence.contains_key(&t.to_lowercase()) {
                t.to_string() // emoticons such as ":(" are lexicon entries of their own
            } else {
                trimmed.to_string()
            }
        })
        .filter(|t| !t.is_empty())
        .collect();
    let any_lower = tokens.iter().any(|t| t.chars().any(char::is_lowercase));
    let lower: Vec<String> = tokens
        .iter()
        .map(|t| t.to_lowercase().replace('\'', ""))
        .collect();

    let mut scores = Vec::with_capacity(tokens.len());
    let mut drivers: Vec<(f64, String)> = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        let key = tok.to_lowercase();
        let Some(&base) = lex.valence.get(&key).or_else(|| lex.valence.get(&lower[i])) else {
            scores.push(0.0);
            continue;
        };
        let mut v = base;
        if any_lower
            && tok.len() > 1
            && tok.chars().all(|c| !c.is_lowercase())
            && tok.chars().any(char::is_alphabetic)
        {
            v += C_INCR * v.signum();
        }
        for back in 1..=3usize {
            let Some(j) = i.checked_sub(back) else { break };
            let prev = lower[j].as_str();
            let scale = match back {
                1 => 1.0,
                2 => 0.95,
                _ => 0.9,
            };
            if BOOSTERS_UP.contains(&prev) {
                v += B_INCR * v.signum() * scale;
            } else if BOOSTERS_DOWN.contains(&prev) {
                v -= B_INCR * v.signum() * scale;
            }
            if NEGATIONS.contains(&prev) {
                v *= N_SCALAR;
            }
        }
        drivers.push((v, tok.to_lowercase()));
        scores.push(v);
    }
    // "but" shifts weight to what follows it.
    if let Some(b) = lower.iter().position(|t| t == "but") {
        for (i, s) in scores.iter_mut().enumerate() {
            if i < b {
                *s *= 0.5;
            } else if i > b {
                *s *= 1.5;
            }
        }
    }
    let mut sum: f64 = scores.iter().sum();
    let bangs = text.matches('!').count().min(4) as f64;
    if sum != 0.0 {
        sum += sum.signum() * bangs * 0.292;
    }
    let compound = if sum == 0.0 {
        0.0
    } else {
        sum / (sum * sum + 15.0).sqrt()
    };
    drivers.sort_by(|a, b| a.0.abs().total_cmp(&b.0.abs()).reverse());
    let sign = compound.signum();
    let words = drivers
        .into_iter()
        .filter(|(v, _)| v.signum() == sign)
        .map(|(_, w)| w)
        .fold(Vec::new(), |mut acc, w| {
            if !acc.contains(&w) && acc.len() < 3 {
                acc.push(w);
            }
            acc
        });
    (compound.clamp(-1.0, 1.0), words)
}

fn cues(ac: &AhoCorasick, folded: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for m in ac.find_iter(folded) {
        let before = folded[..m.start()].chars().next_back();
        let after = folded[m.end()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let cue = folded[m.start()..m.end()].to_string();
        if !found.contains(&cue) {
            found.push(cue);
        }
    }
    found
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

/// Ranks one mention. Pure: the same mention, rules and `now` always give the same result.
pub fn triage(m: &Mention, rules: &Rules, now: i64) -> Triage {
    let lex = lexicons();
    let text = m.full_text();
    let folded = fold(&text);
    let (compound, drivers) = sentiment(&text);
    let mut parts: Vec<(f64, String)> = Vec::new();

    if compound <= -0.05 {
        let w = 45.0 * (-compound).powf(0.8);
        let why = if drivers.is_empty() {
            "negative tone".to_string()
        } else {
            format!("negative: {}", quoted(&drivers))
        };
        parts.push((w, why));
    }
    let complaint = cues(&lex.complaint, &folded);
    if !complaint.is_empty() {
        parts.push((
            22.0 + 4.0 * (complaint.len().min(3) as f64 - 1.0),
            format!(
                "complaint: {}",
                quoted(&complaint[..complaint.len().min(3)])
            ),
        ));
    }
    let help = cues(&lex.help, &folded);
    if !help.is_empty() {
        parts.push((
            20.0,
            format!("asks for help: {}", quoted(&help[..help.len().min(3)])),
        ));
    } else if text.trim_end().ends_with('?') {
        parts.push((10.0, "asks a question".to_string()));
    }
    let addressed = rules
        .own_handles
        .iter()
        .any(|h| m.matched_terms.iter().any(|t| fold(t) == *h));
    if addressed {
        parts.push((10.0, "addressed to you".to_string()));
    }
    if let Some(f) = m.author.followers.filter(|f| *f >= 1_000) {
        // 1k → 5, 10k → 11, 100k → 17, 1M → 23, 10M → 29 (capped 28).
        let w = (5.0 + 6.0 * (f as f64 / 1_000.0).log10()).min(28.0);
        parts.push((w, format!("author has {} followers", human_count(f))));
    } else if let Some(k) = m.author.karma.filter(|k| *k >= 1_000) {
        let w = (4.0 + 8.0 * (k as f64 / 1_000.0).log10()).min(20.0);
        parts.push((w, format!("author has {} karma", human_count(k))));
    }

    let mut score: f64 = parts.iter().map(|(w, _)| *w).sum();
    if compound >= 0.5 && complaint.is_empty() && help.is_empty() {
        score *= 0.5; // praise from a big account is worth seeing, not an emergency
    }
    let age_h = (now - m.created_at) as f64 / 3600.0;
    let mut reasons: Vec<(f64, String)> = parts;
    if age_h > 48.0 && score > 0.0 {
        score *= 0.6;
        reasons.push((0.0, format!("posted {} days ago", (age_h / 24.0).floor())));
    }
    if compound >= 0.5 {
        reasons.push((0.0, format!("positive: {}", quoted(&drivers))));
    }
    reasons.sort_by(|a, b| b.0.total_cmp(&a.0));
    Triage {
        urgency: score.round().clamp(0.0, 100.0) as u8,
        sentiment: compound as f32,
        reasons: reasons.into_iter().map(|(_, r)| r).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Channel};

    fn mention(text: &str, followers: Option<i64>) -> Mention {
        let mut m = Mention::new(Channel::Hackernews, "1", text);
        m.created_at = 1_000_000;
        m.author = Author {
            handle: "a".into(),
            followers,
            ..Author::default()
        };
        m
    }

    #[test]
    fn vader_rules_move_sentiment_the_expected_way() {
        let (good, _) = sentiment("The coffee is good");
        let (very, _) = sentiment("The coffee is very good");
        let (not_good, _) = sentiment("The coffee is not good");
        let (caps, _) = sentiment("The coffee is GOOD");
        let (bang, _) = sentiment("The coffee is good!!!");
        assert!(good > 0.3, "good is positive: {good}");
        assert!(very > good, "a booster raises intensity: {very} vs {good}");
        assert!(not_good < 0.0, "negation flips: {not_good}");
        assert!(caps > good, "caps emphasise: {caps}");
        assert!(bang > good, "exclamation marks emphasise: {bang}");
        let (emoji, _) = sentiment("coffee 😠");
        assert!(emoji < 0.0, "an angry face is negative: {emoji}");
    }

    #[test]
    fn a_complaint_outranks_praise_and_says_why() {
        let rules = Rules::default();
        let angry = triage(
            &mention("Worst service ever, still waiting for my refund", None),
            &rules,
            1_000_000,
        );
        let happy = triage(
            &mention("Lovely coffee, great staff", None),
            &rules,
            1_000_000,
        );
        assert!(
            angry.urgency >= 60,
            "a refund complaint is urgent: {angry:?}"
        );
        assert!(happy.urgency < 20, "praise is not urgent: {happy:?}");
        assert!(
            angry.reasons.iter().any(|r| r.contains("'refund'")),
            "{:?}",
            angry.reasons
        );
        assert!(
            angry
                .reasons
                .iter()
                .any(|r| r.starts_with("negative: ") && r.contains("'worst'")),
            "{:?}",
            angry.reasons
        );
    }

    #[test]
    fn reach_raises_urgency_and_is_explained() {
        let rules = Rules::default();
        let small = triage(
            &mention("my order never arrived", Some(50)),
            &rules,
            1_000_000,
        );
        let big = triage(
            &mention("my order never arrived", Some(2_100_000)),
            &rules,
            1_000_000,
        );
        assert!(big.urgency > small.urgency + 15, "{big:?} vs {small:?}");
        assert!(
            big.reasons
                .contains(&"author has 2.1M followers".to_string()),
            "{:?}",
            big.reasons
        );
    }

    #[test]
    fn a_help_request_is_flagged() {
        let t = triage(
            &mention("How do I change my booking?", None),
            &Rules::default(),
            1_000_000,
        );
        assert!(
            t.reasons.iter().any(|r| r.starts_with("asks for help")),
            "{:?}",
            t.reasons
        );
        assert!(t.urgency >= 20);
    }

    #[test]
    fn old_posts_are_less_urgent() {
        let m = mention("terrible, I want a refund", None);
        let fresh = triage(&m, &Rules::default(), 1_000_000);
        let old = triage(&m, &Rules::default(), 1_000_000 + 5 * 86_400);
        assert!(old.urgency < fresh.urgency);
        assert!(old.reasons.iter().any(|r| r.contains("days ago")));
    }

    #[test]
    fn human_counts_read_naturally() {
        assert_eq!(human_count(950), "950");
        assert_eq!(human_count(2_100), "2.1k");
        assert_eq!(human_count(48_000), "48k");
        assert_eq!(human_count(2_100_000), "2.1M");
    }
}
