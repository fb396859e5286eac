//! A pest the business rid the writer of: "We'd had mice in the kitchen for months. One visit
//! from your man and not a single sign of them since", "ni rastro de ellos desde entonces",
//! "seitdem keine Spur mehr von ihnen", "da allora nemmeno una traccia". The pest is a health
//! cue (`grave.rs`); gone since, it is what the post thanks for (`need_met.rs`). Not "ni rastro
//! del técnico": after the words of "no trace", only "since" and "of them" may stand. Read on
//! folded words, in each modelled language. Earshot's own lists.

/// Pests, folded, whole words.
#[rustfmt::skip]
const PESTS: &[&str] = &[
    "mice", "mouse", "rats", "cockroaches", "roaches", "bedbugs", "fleas", "ants", "wasps",
    "moths", "ratones", "raton", "ratas", "cucarachas", "chinches", "pulgas", "hormigas",
    "avispas", "polillas", "souris", "cafards", "blattes", "punaises", "puces", "fourmis",
    "guepes", "mites", "mause", "ratten", "kakerlaken", "schaben", "wanzen", "flohe", "ameisen",
    "wespen", "motten", "topi", "topo", "ratti", "scarafaggi", "blatte", "cimici", "pulci",
    "formiche", "vespe", "tarme", "ratos", "ratazanas", "baratas", "percevejos", "formigas",
    "vespas", "tracas",
];

/// No trace left, word by word.
#[rustfmt::skip]
const NO_TRACE: &[&[&str]] = &[
    &["not", "a", "sign"], &["not", "a", "single", "sign"], &["no", "sign"], &["not", "a", "trace"],
    &["ni", "rastro"], &["ni", "una", "senal"], &["plus", "aucune", "trace"],
    &["aucune", "trace"], &["keine", "spur"], &["nemmeno", "una", "traccia"],
    &["neanche", "una", "traccia"], &["nessuna", "traccia"], &["nem", "sinal"], &["nem", "rasto"],
    &["nem", "rastro"],
];

/// What may stand after the words of no trace, to the clause's end: since then, and of them.
#[rustfmt::skip]
const SINCE: &[&str] = &[
    "since", "then", "of", "them", "it", "desde", "entonces", "de", "ellos", "ellas", "depuis",
    "d'eux", "d'elles", "eux", "elles", "seitdem", "mehr", "von", "ihnen", "da", "allora", "di",
    "loro", "entao", "deles", "delas",
];

/// Whether a folded word is a pest's.
pub(super) fn pest(word: &str) -> bool {
    PESTS.contains(&word)
}

/// Whether a folded post tells a pest gone: [`gone`] on its words.
pub(super) fn told(folded: &str) -> bool {
    let spans = super::super::cues::word_spans(folded);
    let words: Vec<&str> = spans.iter().map(|&(s, e)| &folded[s..e]).collect();
    let ends: Vec<bool> = (0..spans.len())
        .map(|i| {
            let next = spans.get(i + 1).map_or(folded.len(), |n| n.0);
            folded[spans[i].1..next].contains(['.', ',', ';', ':', '!', '?'])
        })
        .collect();
    gone(&words, &ends).is_some()
}

/// The words of no trace after a pest, in a post of folded `words`, where `ends[i]` tells
/// whether a clause ends after word `i`: the first of them and the last, or None.
pub(in crate::triage) fn gone(words: &[&str], ends: &[bool]) -> Option<(usize, usize)> {
    let pest = words.iter().position(|w| pest(w))?;
    (pest + 1..words.len()).find_map(|i| {
        let said = NO_TRACE.iter().find(|p| {
            p.iter()
                .enumerate()
                .all(|(k, w)| words.get(i + k) == Some(w))
        })?;
        let last = i + said.len() - 1;
        let mut after = (last + 1..words.len()).take_while(|&k| !ends[k - 1]);
        let only_since = after.all(|k| SINCE.contains(&words[k]));
        only_since.then_some((i, last))
    })
}
