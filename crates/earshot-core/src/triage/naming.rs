//! How a reason names a word of the post: with the negation it stands under ("never answers",
//! "no refund", "don't like"), never as a single letter; and which words a yes/no model's reason
//! names; and when a sentiment word boosts the next instead ("pretty good").

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
    // Looked for only under a negation: most words are under none.
    let negation = (t.negated && negation_reaches(a, i)).then(|| negation_before(a, i));
    match negation.flatten() {
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

/// Adds to `out` (up to `max` in all) the words that lift a yes/no model most, strongest first,
/// each lifting at least `min_lift`; never a function word, a word with digits ("2nd") or a
/// name (in a language that capitalises names only).
pub(super) fn name_strongest(
    a: &Analysed,
    words: &mut [(f32, usize)],
    out: &mut Vec<String>,
    max: usize,
    min_lift: f32,
    lang: Option<&str>,
) {
    let names = names_marked(lang);
    words.sort_by(|x, y| y.0.total_cmp(&x.0));
    for &(lift, i) in words.iter() {
        let t = &a.tokens[i];
        let w = &t.norm;
        if out.len() >= max || lift < min_lift {
            break;
        }
        let counting = w.bytes().any(|b| b.is_ascii_digit());
        // A word under a negation that does not reach it is neither the word ("like" in "not
        // durable like Yao Ming") nor its negation.
        let unreached = t.negated && !negation_reaches(a, i);
        if !w.starts_with('_')
            && !text::is_function_word(w)
            && !counting
            && !letter(w)
            && !unreached
            && (!names || !t.name)
        {
            let w = shown(a, i);
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
}

/// Whether a capital inside a sentence marks a name in this language (German capitalises
/// every noun: "Erstattung" is a reason there).
pub(super) fn names_marked(lang: Option<&str>) -> bool {
    lang != Some("de")
}

/// Whether a word that is a sentiment word of its own works here as a booster of the next one:
/// "pretty good", "damn good", "real nice".
pub(super) fn boosting(a: &Analysed, i: usize) -> bool {
    matches!(
        a.tokens[i].norm.as_str(),
        "pretty" | "damn" | "real" | "super"
    ) && a
        .tokens
        .get(i + 1)
        .and_then(super::vader::valence_of)
        .is_some_and(|v| v != 0.0)
}
