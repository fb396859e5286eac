//! Praise of how things were: "Used to be my favourite place, not anymore", "Antes era mi bar
//! favorito", "Früher war es besser", "Prima era il mio bar preferito". The praise after such a
//! marker, to the end of its clause or the post's turn, is what the place no longer is: it reads
//! as under a negation ("I used to hate sushi, but…" reads the other way too). Earshot's own
//! lists; "era" alone is no marker ("era buonissimo" praises last night's dinner).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::text::Analysed;

/// The markers, as the tokenizer writes them (lower case; French "c'était" is "était").
#[rustfmt::skip]
const MARKERS: &[&[&str]] = &[
    &["used", "to"], &["use", "to"],
    &["antes", "era"], &["antes", "eran"], &["antes", "estaba"], &["antes", "me"], &["solía"],
    &["solia"], &["solían"], &["solian"],
    &["avant", "était"], &["avant", "etait"], &["autrefois"],
    &["früher", "war"], &["früher", "waren"], &["fruher", "war"], &["war", "früher"],
    &["war", "mal"], &["waren", "mal"],
    &["prima", "era"], &["prima", "erano"], &["una", "volta", "era"], &["un", "tempo", "era"],
    &["antes", "eram"], &["antigamente"], &["já", "foi"], &["ja", "foi"], &["costumava"],
];

/// Words that, ending a post, say the praise before them is over: "…, not any more", "ya no",
/// "plus maintenant", "jetzt nicht mehr", "ora non più", "agora já não".
#[rustfmt::skip]
const NO_LONGER: &[&[&str]] = &[
    &["not", "any", "more"], &["not", "anymore"], &["no", "longer"], &["ya", "no"],
    &["plus", "maintenant"], &["nicht", "mehr"], &["non", "più"], &["non", "piu"],
    &["já", "não"], &["ja", "nao"],
];

/// Plain verbs of being in the past, markers only in a post that ends in [`NO_LONGER`]: "Esta era
/// mi panadería favorita, ya no" ("era buonissimo" alone praises last night's dinner).
#[rustfmt::skip]
const PLAIN_PAST: &[&[&str]] = &[
    &["was"], &["era"], &["était"], &["etait"], &["war"],
];

/// Whether the post's last words (after any emoji) are one of [`NO_LONGER`].
fn ends_no_longer(a: &Analysed) -> bool {
    let words = a
        .tokens
        .iter()
        .rposition(|t| t.norm.chars().any(char::is_alphabetic))
        .map_or(0, |i| i + 1);
    NO_LONGER.iter().any(|m| {
        words >= m.len()
            && m.iter()
                .zip(&a.tokens[words - m.len()..words])
                .all(|(w, t)| t.norm == *w)
    })
}

/// The markers of this post: [`MARKERS`], and [`PLAIN_PAST`] where it ends in [`NO_LONGER`].
fn markers(plain: bool) -> impl Iterator<Item = &'static &'static [&'static str]> {
    let plain: &'static [&'static [&'static str]] = if plain { PLAIN_PAST } else { &[] };
    MARKERS.iter().chain(plain)
}

/// Marks the words after each marker, to the end of its clause or the next turn, as negated
/// (a word already negated is read plainly again: "used to not be bad").
pub(super) fn mark(a: &mut Analysed) {
    // Most posts have no marker's first word: one hash lookup a token tells.
    static FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let first = FIRST.get_or_init(|| MARKERS.iter().map(|m| m[0]).collect());
    let plain = ends_no_longer(a);
    let first_word = |t: &super::text::Token| {
        first.contains(t.norm.as_str()) || plain && PLAIN_PAST.iter().any(|m| t.norm == m[0])
    };
    if !a.tokens.iter().any(first_word) {
        return;
    }
    let mut i = 0;
    while i < a.tokens.len() {
        let found = markers(plain).find(|m| {
            a.tokens.len() >= i + m.len()
                && m.iter().zip(&a.tokens[i..]).all(|(w, t)| t.norm == *w)
                && !a.tokens[i..i + m.len() - 1].iter().any(|t| t.clause_end)
        });
        let Some(marker) = found else {
            i += 1;
            continue;
        };
        let last = i + marker.len() - 1;
        let mut j = last + 1;
        if !a.tokens[last].clause_end {
            while j < a.tokens.len() && !a.turns.contains(&j) {
                a.tokens[j].negated = !a.tokens[j].negated;
                a.tokens[j].past = true;
                j += 1;
                if a.tokens[j - 1].clause_end {
                    break;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Whether the post praises how things were ("Used to be my favourite place"): a word of praise
/// after a marker, read plainly there ("used to not be bad" praises nothing); or a marker and an
/// ending in [`NO_LONGER`], which say it in so many words ("Esta era mi cafetería de siempre, ya
/// no").
pub(super) fn praised_before(a: &Analysed) -> bool {
    a.tokens
        .iter()
        .any(|t| t.past && t.negated && super::vader::valence_of(t).is_some_and(|v| v > 0.0))
        || (a.tokens.iter().any(|t| t.past) && ends_no_longer(a))
}

/// For a word of praise of how things were, the words from its marker to it, as a reason names
/// them ("used to love", "antes era mi bar favorito"), when at most three words stand between,
/// all but one of them function words; otherwise None, and it is not named.
pub(super) fn named(a: &Analysed, i: usize) -> Option<String> {
    if !a.tokens[i].past {
        return None;
    }
    let plain = ends_no_longer(a);
    let start = (i.saturating_sub(6)..i).find(|&k| {
        markers(plain).any(|m| {
            a.tokens.len() >= k + m.len()
                && k + m.len() <= i
                && m.iter().zip(&a.tokens[k..]).all(|(w, t)| t.norm == *w)
                && a.tokens[k + m.len()..i]
                    .iter()
                    .filter(|t| !super::text::is_function_word(&t.norm))
                    .count()
                    <= 1
                && i - (k + m.len()) <= 3
        })
    })?;
    let words: Vec<&str> = a.tokens[start..=i]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    // The tokenizer drops French "c'" ("c'était" is "était"); the reason says it as written.
    let named = words.join(" ");
    Some(match named.strip_prefix("avant ") {
        Some(rest) if rest.starts_with("était") || rest.starts_with("etait") => {
            format!("avant c'{rest}")
        }
        _ => named,
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::analyse_in;

    fn negated(text: &str, lang: &str) -> Vec<String> {
        let a = analyse_in(text, Some(lang));
        a.tokens
            .iter()
            .filter(|t| t.negated)
            .map(|t| t.norm.clone())
            .collect()
    }

    #[test]
    fn praise_of_how_things_were_reads_as_negated() {
        assert_eq!(
            negated("Used to be my favourite place, now it's awful", "en"),
            ["be", "my", "favourite", "place"]
        );
        assert_eq!(
            negated(
                "I used to love this place but the new owners ruined it",
                "en"
            ),
            ["love", "this", "place"]
        );
        assert_eq!(
            negated(
                "Antes era mi bar favorito, ahora el servicio es lentísimo",
                "es"
            ),
            ["mi", "bar", "favorito"]
        );
        assert_eq!(negated("Früher war es besser", "de"), ["es", "besser"]);
        assert_eq!(negated("Avant c'était bon", "fr"), ["bon"]);
        assert_eq!(negated("Prima era buonissimo", "it"), ["buonissimo"]);
        // Past praise with no marker, and "prima" as "first", stay praise.
        assert!(negated("Era buonissimo, grazie", "it").is_empty());
        assert!(negated("La prima volta qui, fantastico", "it").is_empty());
    }

    #[test]
    fn a_plain_past_marks_praise_only_where_the_post_ends_it() {
        assert_eq!(
            negated("Esta era mi panadería favorita, ya no", "es"),
            ["mi", "panadería", "favorita"]
        );
        assert_eq!(
            negated(
                "Das war mal meine Lieblingsbäckerei, jetzt nicht mehr",
                "de"
            ),
            ["meine", "lieblingsbäckerei", "mehr"]
        );
        // An emoji after the ending still ends the post ("più" and "😞" are the "non"'s).
        assert_eq!(
            negated("Era la mia panetteria preferita, ora non più 😞", "it")[..4],
            ["la", "mia", "panetteria", "preferita"]
        );
        // Without the ending, "era" is last night's dinner; "ya no" inside the post is no ending.
        assert!(negated("Era mi panadería favorita y lo sigue siendo", "es").is_empty());
        assert!(negated("Era muy amable, ya no trabaja aquí?", "es")
            .iter()
            .all(|w| w != "amable"));
        let a = analyse_in("Esta era mi panadería favorita, ya no", Some("es"));
        assert!(super::praised_before(&a));
        assert_eq!(
            super::named(&a, 4).as_deref(),
            Some("era mi panadería favorita")
        );
    }

    #[test]
    fn a_reason_names_the_praise_with_its_marker() {
        let a = analyse_in("Used to love this place", Some("en"));
        assert_eq!(super::named(&a, 2).as_deref(), Some("used to love"));
        let a = analyse_in("It used to be my favourite place", Some("en"));
        assert_eq!(
            super::named(&a, 5).as_deref(),
            Some("used to be my favourite")
        );
        let a = analyse_in("Used to be loved by all the critics in town", Some("en"));
        assert_eq!(
            super::named(&a, 7),
            None,
            "'critics' is far from its marker"
        );
        let a = analyse_in("Avant c'était bon", Some("fr"));
        assert_eq!(super::named(&a, 2).as_deref(), Some("avant c'était bon"));
    }
}
