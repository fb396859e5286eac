//! The writer's own loss: "Lost my wallet somewhere between the bakery and the bus stop,
//! gutted", "He perdido la cartera en algún sitio", "Heute Morgen irgendwo mein Portemonnaie
//! verloren". Lost by the writer, somewhere: bad luck, nobody's fault, so no complaint whatever
//! words of anger stand beside it ("qué rabia"). Not what a business lost ("the courier lost my
//! parcel somewhere"), nor anything said after a "but". And the writer's other mishaps
//! (`mishap.rs`). Read on folded text. Earshot's own rules.

use super::super::cues::{word_spans, Folded};

#[path = "mishap.rs"]
mod mishap;
pub(super) use mishap::mishap;

/// Somewhere, folded.
#[rustfmt::skip]
const SOMEWHERE: &[&str] = &[
    "somewhere", "algun sitio", "algun lado", "alguna parte", "quelque part", "irgendwo",
    "qualche parte", "algures", "algum lado", "algum sitio", "alguma parte",
];

/// Lost, folded; the Spanish and Portuguese first persons say who lost it themselves.
const LOST: &[&str] = &["lost", "perdido", "perdu", "verloren", "perso"];
const LOST_MYSELF: &[&str] = &["perdi", "perdimos", "perdemos"];

/// The writer, right before "lost": "I lost", "he perdido", "j'ai perdu", "ho perso".
#[rustfmt::skip]
const MINE: &[&str] = &[
    "i", "ive", "i've", "we", "we've", "weve", "he", "hemos", "j'ai", "avons", "habe", "hab",
    "ho", "abbiamo",
];

/// The writer's own thing, before German "verloren" with no one else's "hat" ("mein
/// Portemonnaie verloren", not "hat mein Paket verloren").
const MY: &[&str] = &["mein", "meine", "meinen", "unser", "unsere", "unseren"];

/// A turn, folded: what follows it is told apart.
const BUT: &[&str] = &["but", "pero", "mais", "aber", "ma", "mas"];

/// The sentence that tells the writer's own loss, as the post says it, up to a "but"; or None.
pub(super) fn own_loss(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !SOMEWHERE.iter().any(|s| text.contains(s)) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let ends = |k: usize| sentence_ends(text, &spans, k);
    let lost = (0..spans.len()).find(|&i| {
        let before = |n: usize| (i.saturating_sub(n)..i).map(word);
        let first = i == 0 || ends(i - 1);
        LOST_MYSELF.contains(&word(i))
            || LOST.contains(&word(i))
                && (first
                    || i > 0 && MINE.contains(&word(i - 1))
                    || word(i) == "verloren"
                        && before(5).any(|w| MY.contains(&w))
                        && !before(8).any(|w| w == "hat" || w == "hatte"))
    })?;
    let span = sentence(text, &spans, lost);
    let somewhere = SOMEWHERE.iter().any(|s| text[span.0..span.1].contains(s));
    somewhere.then(|| folded.own(span.0, span.1))
}

/// Whether the word after `k` of a folded text's `spans` starts a new sentence.
pub(super) fn sentence_ends(text: &str, spans: &[(usize, usize)], k: usize) -> bool {
    let end = spans.get(k + 1).map_or(text.len(), |w| w.0);
    text[spans[k].1..end].contains(['.', '!', '?'])
}

/// The bytes of the sentence around word `at`, up to a "but".
pub(super) fn sentence(text: &str, spans: &[(usize, usize)], at: usize) -> (usize, usize) {
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let ends = |k: usize| sentence_ends(text, spans, k);
    let start = (0..at).rev().find(|&k| ends(k)).map_or(0, |k| k + 1);
    let end = (at..spans.len())
        .find(|&k| ends(k) || BUT.contains(&word(k + 1)))
        .unwrap_or(spans.len() - 1);
    (spans[start].0, spans[end].1)
}

/// The writer's own bad luck: a loss somewhere ([`own_loss`]) or a [`mishap`].
pub(super) fn own_bad_luck(folded: &Folded) -> Option<String> {
    own_loss(folded).or_else(|| mishap(folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    // As the post says it, lower case (`Folded::own`).
    #[test]
    fn the_writers_own_loss_somewhere_is_told_up_to_a_but() {
        let cases = [
            (
                "Lost my scarf somewhere on the tram, gutted.",
                Some("lost my scarf somewhere on the tram, gutted"),
            ),
            (
                "Perdí el paraguas en algún sitio. Qué rabia",
                Some("perdí el paraguas en algún sitio"),
            ),
            (
                "Heute irgendwo meinen Schal verloren",
                Some("heute irgendwo meinen schal verloren"),
            ),
            (
                "I lost my hat somewhere but the bar staff kept it for me",
                Some("i lost my hat somewhere"),
            ),
            ("The courier lost my parcel somewhere", None),
            ("Die Post hat mein Paket irgendwo verloren", None),
            ("Lost my wallet in your shop and nobody helped", None),
        ];
        for (text, told) in cases {
            assert_eq!(own_loss(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }
}
