//! A question no one is meant to answer yes to: "Who needs a working shower after a ten-hour drive
//! anyway? Certainly not the guests in room 12", "¿Quién necesita una ducha que funcione…? Los
//! huéspedes de la 12 no", "Wer braucht schon eine funktionierende Dusche?". The writer says the
//! thing was missing by asking who would miss it; the thing is what the complaint is about. Only a
//! question that opens the post, with "anyway" in it ("schon", "de toute façon") or a "no" after
//! it, and no praise after it; not "Who needs dessert when the starters are this good?", whose
//! "when" makes it praise. Earshot's own rule, read by `flags::lone_cry`.

use super::super::text::{analyse_in, is_function_word, is_negation, Analysed, Token};

/// How the question opens, as the tokenizer writes it ("qui a besoin", "chi ha bisogno").
#[rustfmt::skip]
const WHO_NEEDS: &[&[&str]] = &[
    &["who", "needs"], &["quién", "necesita"], &["quien", "necesita"],
    &["qui", "a", "besoin"], &["wer", "braucht"], &["chi", "ha", "bisogno"],
    &["quem", "precisa"],
];

/// "Anyway" and its kin in the question, which make it rhetorical whatever follows.
#[rustfmt::skip]
const ANYWAY: &[&str] = &[
    "anyway", "anyways", "anyhow", "schon", "façon", "facon", "comunque", "igualmente", "afinal",
    "total",
];

/// German articles, after which the thing needed stands.
const ARTICLES: &[&str] = &["ein", "eine", "einen", "einer"];

/// Articles the tokenizer keeps as words, never the thing ("une douche").
#[rustfmt::skip]
const ANY_ARTICLE: &[&str] = &[
    "a", "an", "the", "un", "una", "uno", "une", "le", "la", "les", "ein", "eine", "einen", "der",
    "die", "das", "um", "uma", "o", "os", "as", "il", "lo", "gli",
];

/// "When", which makes the question praise ("who needs Paris when you have this bakery?").
const WHEN: &[&str] = &["when", "cuando", "quand", "wenn", "quando"];

/// The opening as written and the thing asked after ("who needs", "working shower"), when the
/// post opens with such a question.
pub(super) fn asked(a: &Analysed, text: &str) -> Option<Vec<String>> {
    let opener = WHO_NEEDS.iter().find(|w| {
        w.len() <= a.tokens.len() && w.iter().zip(&a.tokens).all(|(w, t)| t.norm == *w)
    })?;
    let mark = text.find('?')?;
    let (question, answer) = (&text[..mark], &text[mark + 1..]);
    // The opening sentence is the question ("Who needs sleep. Anyway, is the bar open?" is not).
    if question.contains(['.', '!']) {
        return None;
    }
    // French and Italian elide into the thing's article ("d'une douche").
    let lang = match opener[0] {
        "qui" => Some("fr"),
        "chi" => Some("it"),
        _ => None,
    };
    let q = analyse_in(question, lang);
    let said = |w: &[&str], t: &Token| w.contains(&t.norm.as_str());
    if q.tokens.iter().any(|t| said(WHEN, t)) {
        return None;
    }
    // Praise after it, not "certainly" (VADER 1.4) of "Certainly not the guests in room 12".
    let ans = analyse_in(answer, lang);
    let praise = ans
        .tokens
        .iter()
        .any(|t| super::super::vader::valence_of(t).is_some_and(|v| v >= 1.5) && !t.negated);
    let rhetorical =
        q.tokens.iter().any(|t| said(ANYWAY, t)) || ans.tokens.iter().any(|t| is_negation(&t.norm));
    if praise || !rhetorical {
        return None;
    }
    // The thing: the first words of substance after the opening, two at most and side by side
    // ("working shower", "ducha"); in German after its article, where a place or a time may
    // come first ("… nach zehn Stunden schon eine funktionierende Dusche").
    let rest = q.tokens.get(opener.len()..)?;
    let rest = match opener[0] {
        "wer" => rest
            .iter()
            .position(|t| ARTICLES.contains(&t.norm.as_str()))
            .map_or(rest, |k| &rest[k + 1..]),
        _ => rest,
    };
    let content = |t: &Token| {
        !is_function_word(&t.norm)
            && !said(ANYWAY, t)
            && !said(ANY_ARTICLE, t)
            && t.norm.chars().any(char::is_alphabetic)
            && !t.norm.chars().any(|c| c.is_ascii_digit())
    };
    let at: Vec<usize> = (0..rest.len()).filter(|&i| content(&rest[i])).collect();
    let from = *at.first()?;
    let to = at
        .get(1)
        .copied()
        .filter(|&k| k == from + 1)
        .unwrap_or(from);
    let thing: Vec<&str> = rest[from..=to].iter().map(|t| t.norm.as_str()).collect();
    Some(vec![opener.join(" "), thing.join(" ")])
}

#[cfg(test)]
mod tests {
    use super::super::super::text::analyse;
    use super::asked;

    fn read(text: &str) -> Option<Vec<String>> {
        asked(&analyse(text), text)
    }

    #[test]
    fn a_question_no_one_answers_yes_to_names_what_was_missing() {
        let got = read("Who needs hot water in a hotel anyway? Not the guests on floor 3");
        assert_eq!(got, Some(vec!["who needs".into(), "hot water".into()]));
        let got = read("Wer braucht schon eine saubere Toilette im Restaurant?");
        assert_eq!(got.map(|g| g[1].clone()), Some("saubere toilette".into()));
        let got = read("¿Quién necesita calefacción en enero? Nosotros no, por lo visto.");
        assert_eq!(got.map(|g| g[1].clone()), Some("calefacción".into()));
    }

    #[test]
    fn praise_an_open_question_and_an_offer_are_none() {
        for text in [
            "Who needs dessert when the starters are this good?",
            "Who needs a haircut before Christmas? We still have slots on Friday",
            "Who needs a lift to the market on Saturday? I can take two",
            "Who needs a holiday anyway? Not us, this spa is the best in town",
            "Need a plumber? Who needs one at 3am anyway",
            "Who needs sleep. Anyway, is the bar open late?",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
