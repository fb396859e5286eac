//! Watch-term matching: which of the business's terms a text mentions.
//!
//! Terms and text are folded the same way (Unicode NFKD, combining marks dropped, lowercased), so
//! "Café Brûlé" matches "cafe brule". All terms and exclusions go into one Aho-Corasick automaton;
//! a hit counts only on word boundaries, and only when it does not lie inside an exclusion hit, so
//! "always look on the brightside of life" is excluded while "Brightside Coffee was great — always
//! look on the brightside of life" still matches.

use aho_corasick::{AhoCorasick, MatchKind};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::model::Business;

/// Folds text for matching: compatibility decomposition, no accents, lowercase, and a curly
/// apostrophe is a straight one (phones type "won’t", the cues say "won't").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // NFKD leaves ASCII as it is: only case to fold. Most posts take this path.
        return s.to_ascii_lowercase();
    }
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(straight)
        .flat_map(char::to_lowercase)
        .collect()
}

/// One char as [`fold`] folds it inside a text.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c)
        .nfkd()
        .filter(|d| !is_combining_mark(*d))
        .map(straight)
        .flat_map(char::to_lowercase)
}

/// A curly or modifier apostrophe as a straight one.
fn straight(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
        c => c,
    }
}

/// A compiled set of watch terms and exclusions.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern: the term as the owner wrote it, or `None` for an exclusion.
    labels: Vec<Option<String>>,
}

impl Matcher {
    /// Compiles the business name, its terms and its exclusions.
    pub fn new(business: &Business) -> Matcher {
        let mut patterns = Vec::new();
        let mut labels = Vec::new();
        let terms = std::iter::once(&business.name).chain(business.terms.iter());
        for term in terms {
            let folded = fold(term.trim());
            if folded.is_empty() || labels.contains(&Some(term.trim().to_string())) {
                continue;
            }
            patterns.push(folded);
            labels.push(Some(term.trim().to_string()));
        }
        for ex in &business.exclusions {
            let folded = fold(ex.trim());
            if !folded.is_empty() {
                patterns.push(folded);
                labels.push(None);
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            // Standard match kind is what overlapping search needs; it cannot fail for plain
            // string patterns, but a failure would only mean "match nothing", never a panic.
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        Matcher { automaton, labels }
    }

    /// The terms (as the owner wrote them, in configuration order) that `text` mentions.
    pub fn matches(&self, text: &str) -> Vec<String> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let hay = fold(text);
        let mut term_hits: Vec<(usize, usize, usize)> = Vec::new();
        let mut excluded: Vec<(usize, usize)> = Vec::new();
        for m in ac.find_overlapping_iter(&hay) {
            if !on_word_boundaries(&hay, m.start(), m.end()) {
                continue;
            }
            match &self.labels[m.pattern().as_usize()] {
                Some(_) => term_hits.push((m.pattern().as_usize(), m.start(), m.end())),
                None => excluded.push((m.start(), m.end())),
            }
        }
        let mut found: Vec<usize> = term_hits
            .into_iter()
            .filter(|(_, s, e)| !excluded.iter().any(|(xs, xe)| xs <= s && e <= xe))
            .map(|(p, _, _)| p)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .filter_map(|p| self.labels[p].clone())
            .collect()
    }
}

fn on_word_boundaries(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    let first = hay[start..end].chars().next();
    let last = hay[start..end].chars().next_back();
    // A boundary is needed only where the term itself starts or ends with a word character:
    // "@brightside" may follow anything, "brightside" may not follow a letter.
    let ok_before = match (before, first) {
        (Some(b), Some(f)) if is_word(f) => !is_word(b),
        _ => true,
    };
    let ok_after = match (after, last) {
        (Some(a), Some(l)) if is_word(l) => !is_word(a),
        _ => true,
    };
    ok_before && ok_after
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn business() -> Business {
        Business {
            name: "Brightside Coffee".into(),
            terms: vec![
                "Brightside".into(),
                "@brightsidecoffee".into(),
                "#BrightsideCoffee".into(),
                "brightside.coffee".into(),
                "Café Brûlé".into(),
            ],
            exclusions: vec!["brightside of life".into()],
        }
    }

    #[test]
    fn terms_match_case_and_accent_insensitively() {
        let m = Matcher::new(&business());
        assert_eq!(m.matches("loved CAFE BRULE today"), vec!["Café Brûlé"]);
        assert_eq!(
            m.matches("BRIGHTSIDE COFFEE rocks"),
            vec!["Brightside Coffee", "Brightside"]
        );
    }

    #[test]
    fn terms_match_only_on_word_boundaries() {
        let m = Matcher::new(&business());
        assert!(
            m.matches("brightsides are nice").is_empty(),
            "plural is another word"
        );
        assert!(m.matches("thebrightside").is_empty());
        assert_eq!(
            m.matches("see brightside.coffee/menu"),
            vec!["Brightside", "brightside.coffee"]
        );
    }

    #[test]
    fn handles_and_hashtags_match_with_their_sigils() {
        let m = Matcher::new(&business());
        assert_eq!(
            m.matches("hey @BrightsideCoffee!"),
            vec!["@brightsidecoffee"]
        );
        assert_eq!(
            m.matches("#brightsidecoffee forever"),
            vec!["#BrightsideCoffee"]
        );
    }

    #[test]
    fn an_exclusion_hides_only_the_occurrences_inside_it() {
        let m = Matcher::new(&business());
        assert!(m
            .matches("always look on the Brightside of life")
            .is_empty());
        assert_eq!(
            m.matches("Brightside was shut; look on the brightside of life"),
            vec!["Brightside"]
        );
    }

    #[test]
    fn an_empty_business_matches_nothing() {
        let m = Matcher::new(&Business::default());
        assert!(m.matches("anything").is_empty());
    }
}
