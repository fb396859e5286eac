//! Which language a post is written in: whatlang's trigram detector, limited to the languages
//! people write to a business in and reported only when it is sure. Triage has language-specific
//! negation and boosters ([`super::text`]) and learned weights for [`MODELLED`]; a post in
//! another language says so in its reasons instead of reading as neutral.

use whatlang::{Detector, Lang};

/// Languages the shipped model learned from (ISO 639-1).
pub const MODELLED: &[&str] = &["en", "es", "fr", "de", "it", "pt"];

/// The ISO 639-1 code of a post's language, or None when the text is too short or mixed to
/// tell. Links, @handles and #hashtags are left out of the guess.
pub fn detect(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !(w.starts_with('@') || w.starts_with('#') || w.contains("://")))
        .collect();
    let letters = words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic());
    if letters.count() < 12 {
        return None;
    }
    if plainly_english(&words) {
        return Some("en");
    }
    let info = detector().detect(&words.join(" "))?;
    // whatlang's confidence is relative to the runner-up: Spanish beside Catalan and Portuguese
    // scores low while right; below this it is a guess.
    if info.confidence() < 0.15 {
        return None;
    }
    code(info.lang())
}

/// Words only English uses, and often: a post of plain letters with enough of them is English
/// without asking the detector (a tenth of the cost of triage otherwise, for most posts).
const ENGLISH: &[&str] = &[
    "the", "and", "to", "is", "for", "you", "my", "of", "was", "this", "that", "with", "have",
    "not", "are", "be", "at", "your", "we", "but", "just", "can", "get", "what", "they", "will",
    "from", "has", "been", "our", "its", "it's", "i'm", "don't", "can't", "would", "about",
    "there", "their", "when", "how", "why", "who", "still", "after", "never", "again", "all",
];

fn plainly_english(words: &[&str]) -> bool {
    if !words.iter().all(|w| w.is_ascii()) {
        return false;
    }
    let (mut n, mut hits) = (0usize, 0usize);
    let parts = words
        .iter()
        .flat_map(|w| w.split(|c: char| !(c.is_ascii_alphabetic() || c == '\'')))
        .filter(|p| !p.is_empty());
    for w in parts {
        n += 1;
        hits += usize::from(ENGLISH.iter().any(|e| e.eq_ignore_ascii_case(w)));
    }
    hits >= 2 && hits * 5 >= n
}

fn detector() -> &'static Detector {
    static D: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
    D.get_or_init(|| {
        Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Spa,
            Lang::Fra,
            Lang::Deu,
            Lang::Ita,
            Lang::Por,
            Lang::Nld,
            Lang::Swe,
            Lang::Dan,
            Lang::Nob,
            Lang::Pol,
            Lang::Tur,
            Lang::Rus,
            Lang::Ukr,
            Lang::Ara,
            Lang::Hin,
            Lang::Jpn,
            Lang::Cmn,
            Lang::Kor,
            Lang::Ell,
            Lang::Heb,
            Lang::Cat,
            Lang::Ron,
            Lang::Ces,
            Lang::Hun,
            Lang::Fin,
            Lang::Ind,
            Lang::Vie,
            Lang::Tha,
        ])
    })
}

fn code(l: Lang) -> Option<&'static str> {
    Some(match l {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Cmn => "zh",
        Lang::Kor => "ko",
        Lang::Ell => "el",
        Lang::Heb => "he",
        Lang::Cat => "ca",
        Lang::Ron => "ro",
        Lang::Ces => "cs",
        Lang::Hun => "hu",
        Lang::Fin => "fi",
        Lang::Ind => "id",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        _ => return None,
    })
}

/// The language's name in English, for reasons ("written in Dutch").
pub fn name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "sv" => "Swedish",
        "da" => "Danish",
        "nb" => "Norwegian",
        "pl" => "Polish",
        "tr" => "Turkish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        "hi" => "Hindi",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ko" => "Korean",
        "el" => "Greek",
        "he" => "Hebrew",
        "ca" => "Catalan",
        "ro" => "Romanian",
        "cs" => "Czech",
        "hu" => "Hungarian",
        "fi" => "Finnish",
        "id" => "Indonesian",
        "vi" => "Vietnamese",
        "th" => "Thai",
        _ => "another language",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_languages_of_customers_are_told_apart_and_short_posts_are_not_guessed() {
        let cases = [
            (
                "Llevo tres semanas esperando mi reembolso y nadie me contesta",
                Some("es"),
            ),
            (
                "Toujours pas remboursé après trois semaines, personne ne répond",
                Some("fr"),
            ),
            (
                "Seit drei Wochen warte ich auf meine Erstattung und niemand antwortet",
                Some("de"),
            ),
            (
                "Aspetto il rimborso da tre settimane e nessuno risponde",
                Some("it"),
            ),
            (
                "Estou esperando meu reembolso há três semanas e ninguém responde",
                Some("pt"),
            ),
            (
                "Still waiting for my refund after three weeks and nobody answers",
                Some("en"),
            ),
            ("@brightside ok", None),
            ("👍👍", None),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{text}");
        }
    }
}
