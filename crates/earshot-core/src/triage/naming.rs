//! How a reason names a word of the post: with the negation it stands under ("never answers",
//! "no refund", "don't like"), never as a single letter.

use super::text::{self, Analysed};

/// The negation a negated token is under, and how many tokens back it stands.
pub(super) fn negation_before(a: &Analysed, i: usize) -> Option<(&str, usize)> {
    a.tokens[..i]
        .iter()
        .rev()
        .enumerate()
        .find(|(_, n)| text::is_negation(&n.norm))
        .map(|(k, n)| (n.norm.as_str(), k + 1))
}

/// A single letter ("u" of "u.u"): never a reason.
pub(super) fn letter(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// Whether a negated token stands close behind its negation with nothing but function words
/// between ("no me gustó", "not very good"), as a reason that names the two together needs.
pub(super) fn negation_reaches(a: &Analysed, i: usize) -> bool {
    if a.tokens[i].past {
        return super::decline::named(a, i).is_some();
    }
    negation_before(a, i).is_some_and(|(_, back)| {
        back <= 3
            && a.tokens[i + 1 - back..i]
                .iter()
                .all(|t| text::is_function_word(&t.norm))
    })
}

/// A token as a reason names it, in the post's own words: with its negation when it is negated
/// ("never answers", "no refund", "nunca contesta").
pub(super) fn shown(a: &Analysed, i: usize) -> String {
    let t = &a.tokens[i];
    if let Some(past) = super::decline::named(a, i) {
        return past;
    }
    match negation_before(a, i).filter(|_| t.negated && negation_reaches(a, i)) {
        Some((neg, _)) => format!("{} {}", contracted(neg), t.norm),
        // The mark "10/10", which the tokenizer split in two.
        None if t.norm == "10 10" => "10/10".to_string(),
        None => t.norm.clone(),
    }
}

/// An English negation as it is written, with the apostrophe the tokenizer dropped ("couldnt"
/// → "couldn't", "dont" → "don't"); any other word as it is.
pub(super) fn contracted(w: &str) -> String {
    if w.len() > 3 && w.ends_with("nt") && w.is_ascii() && text::is_negation(w) {
        let (head, t) = w.split_at(w.len() - 1);
        return format!("{head}'{t}");
    }
    w.to_string()
}
