//! Hashtags spelled out as words before a post is read: "#NeverAgain" is "never again",
//! "#WorstServiceEver" "worst service ever", "#nuncamás" "nunca mas". A hashtag is one token
//! to the tokenizer and one word to the cue matcher, so a complaint said only in a hashtag
//! went unheard. Split where a word in capitals begins or at an underscore, when one of its
//! words is a lexicon word or a negation; a hashtag in one case is spelled out only when it is a
//! complaint phrase without its spaces.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// Complaint hashtags that are no cue phrase of their own ("#customerservicefail").
#[rustfmt::skip]
const PHRASES: &[&str] = &[
    "worst service ever", "worst service", "bad service", "customer service fail", "epic fail",
    "not impressed", "pesimo servicio", "mal servicio", "pesima atencion", "que verguenza",
    "mauvais service", "service nul", "schlechter service", "servizio pessimo",
    "pessimo servizio", "pessimo atendimento", "pessimo servico", "que vergonha",
];

/// The post with its hashtags spelled out, or the post itself when none needs it.
pub fn spelled_out(text: &str) -> Cow<'_, str> {
    if !text.contains('#') {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut rest = text;
    let mut at = 0;
    while let Some(i) = rest.find('#') {
        let start = at + i + 1;
        let tag_len = text[start..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(text.len() - start);
        let tag = &text[start..start + tag_len];
        if let Some(words) = words_of(tag) {
            out.push_str(&text[copied..start]);
            out.push_str(&words);
            copied = start + tag_len;
        }
        at = start + tag_len;
        rest = &text[at..];
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// A hashtag's words, when it has more than one: at its capitals ("NeverAgain") or underscores,
/// or a complaint phrase's ("neveragain").
fn words_of(tag: &str) -> Option<String> {
    if tag.chars().count() < 4 {
        return None;
    }
    let mut words = String::with_capacity(tag.len() + 4);
    let mut split = false;
    let mut run = 0;
    let mut prev_lower = false;
    for c in tag.chars() {
        if c == '_' {
            if !words.ends_with(' ') && !words.is_empty() {
                words.push(' ');
                split = true;
            }
            run = 0;
            prev_lower = false;
            continue;
        }
        // A word in capitals begins after two lower-case letters or more ("iPhone" is one).
        if c.is_uppercase() && prev_lower && run >= 2 {
            words.push(' ');
            split = true;
            run = 0;
        }
        words.push(c);
        run += 1;
        prev_lower = c.is_lowercase();
    }
    // A topic ("#MasterChefBR", "#VideoShowAoVivo") stays one word, as the models learned it;
    // a hashtag with a word of feeling or a negation in it is read as its words.
    let felt = |w: &str| {
        let w = w.to_lowercase();
        super::vader::valence(&w).is_some() || super::text::is_negation(&w)
    };
    if split {
        return words
            .split(' ')
            .any(felt)
            .then(|| words.trim_end().to_string());
    }
    let folded = crate::matcher::fold(tag);
    phrases().get(folded.as_str()).map(|p| (*p).to_string())
}

/// Each multi-word complaint cue and [`PHRASES`] entry, keyed by its letters without spaces,
/// apostrophes or hyphens.
fn phrases() -> &'static HashMap<String, &'static str> {
    static P: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    P.get_or_init(|| {
        super::complaint_cues::all()
            .chain(super::grave::all())
            .chain(PHRASES.iter().copied())
            .filter(|p| p.contains(' '))
            .map(|p| (p.replace([' ', '\'', '-'], ""), p))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_spelled_out_at_capitals_underscores_and_known_phrases() {
        for (text, spelled) in [
            ("@bellacafe #NeverAgain", "@bellacafe #Never Again"),
            (
                "waited an hour #WorstServiceEver!",
                "waited an hour #Worst Service Ever!",
            ),
            ("pedido tarde #nuncamás", "pedido tarde #nunca mas"),
            ("#never_again", "#never again"),
            ("#SoGood", "#So Good"),
            ("#customerservicefail #fail", "#customer service fail #fail"),
        ] {
            assert_eq!(spelled_out(text), spelled, "{text}");
        }
        // A name, a topic, a word and a product keep their hashtag whole: a name without a word
        // of feeling in it ("#BellaCafe" is spelled out: "bella" is Italian praise).
        for text in [
            "#bellacafe is the best",
            "#RosaCafe",
            "#MasterChefBR",
            "#iPhone",
            "#fail",
            "no tags at all",
            "#",
        ] {
            assert!(
                matches!(spelled_out(text), Cow::Borrowed(_)),
                "{text}: {}",
                spelled_out(text)
            );
        }
    }
}
