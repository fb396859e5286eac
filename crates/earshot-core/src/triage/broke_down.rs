//! The writer's car broken down on the way, and the business never reached (read from
//! `mishap.rs`): "then the car broke down on the motorway and we never made it", "el coche se
//! averió en la autopista y no llegamos", "la voiture est tombée en panne … on n'est jamais
//! arrivés", "das Auto ist auf der Autobahn liegen geblieben … nie angekommen", "la macchina si
//! è rotta in autostrada". Not a car the business had a hand in (a garage's repair, a hire car,
//! a taxi), nor a post that names the business or a cause. Read on folded text. Earshot's own
//! rule.

use super::super::super::super::cues::{word_spans, Folded};
use super::super::sentence;
use super::theirs;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// The writer's car, folded.
#[rustfmt::skip]
const CAR: &[&str] = &[
    "car", "van", "coche", "voiture", "auto", "wagen", "macchina", "carro", "carrinha",
];

/// Broken down, folded, one word each ("broke" only before "down").
#[rustfmt::skip]
const BROKE: &[&str] = &[
    "broke", "averio", "panne", "geblieben", "liegengeblieben", "rotta", "rotto", "guastata",
    "guastato", "avariou",
];

/// Never arrived, folded, as they stand inside the text.
#[rustfmt::skip]
const NEVER_ARRIVED: &[&str] = &[
    "never made it", "didn't make it", "didnt make it", "never got there", "no llegamos",
    "nunca llegamos", "jamais arrive", "pas arrive", "nie angekommen", "nicht angekommen",
    "mai arrivati", "mai arrivate", "non siamo arrivati", "nunca chegamos", "nunca la chegamos",
    "nao chegamos",
];

/// A hand the business may have had in the car, folded: a repair, a hire, a taxi.
#[rustfmt::skip]
const HANDLED: &[&str] = &[
    "garage", "mechanic", "serviced", "service", "repaired", "fixed", "hire", "hired", "rental",
    "rented", "taxi", "cab", "taller", "mecanico", "revision", "alquiler", "alquilado",
    "garagiste", "reparee", "location", "loue", "louee", "werkstatt", "repariert", "inspektion",
    "mietwagen", "gemietet", "officina", "meccanico", "tagliando", "riparata", "noleggio",
    "noleggiata", "oficina", "revisao", "arranjado", "aluguer", "alugado",
];

/// The sentence that tells the writer's car broken down (within three words before it or seven
/// after, "se nos averió el coche") before the words that say they never arrived; or None.
pub(super) fn broke_down(folded: &Folded) -> Option<String> {
    static FIND: OnceLock<AhoCorasick> = OnceLock::new();
    let find = FIND.get_or_init(|| AhoCorasick::new(NEVER_ARRIVED).expect("static list compiles"));
    let text = folded.as_str();
    // Most posts stop here, after one pass.
    let arrived = find.find(text)?.start();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let broke =
        |k: usize| BROKE.contains(&word(k)) && (word(k) != "broke" || word(k + 1) == "down");
    let car = (0..spans.len()).find(|&i| {
        let near = i.saturating_sub(3)..i + 8;
        CAR.contains(&word(i)) && near.into_iter().any(|k| broke(k) && spans[k].1 <= arrived)
    })?;
    if theirs(text, &spans) || (0..spans.len()).any(|k| HANDLED.contains(&word(k))) {
        return None;
    }
    let (from, to) = sentence(text, &spans, car);
    Some(folded.own(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    #[test]
    fn a_breakdown_that_kept_the_writer_away_is_told_and_one_after_a_repair_is_not() {
        let told = [
            "The car broke down on the ring road and we never made it to the quiz.",
            "Se nos averió el coche a medio camino y al final no llegamos a la cata.",
            "Notre voiture est tombée en panne près de Lyon, nous ne sommes jamais arrivés au concert.",
            "Unser Auto ist kurz vor Köln liegen geblieben, wir sind nie angekommen.",
            "La macchina si è rotta a metà strada e non siamo arrivati in tempo.",
            "O carro avariou a meio do caminho e nunca chegámos ao jantar.",
        ];
        for post in told {
            let folded = Folded::new(post);
            assert!(broke_down(&folded).is_some(), "{post}");
        }
        let not = [
            // The business's repair, a hire car, the business named, no arrival missed.
            "Your garage serviced the car on Friday and it broke down on the motorway, we never made it.",
            "The hire car broke down twice and we never made it to the coast.",
            "The car broke down outside your shop, so we never made it inside.",
            "The car broke down on the way home, but we made it to the wedding first.",
            "We never made it to the show, the car was fine but the traffic was awful.",
        ];
        for post in not {
            let folded = Folded::new(post);
            assert!(broke_down(&folded).is_none(), "{post}");
        }
    }
}
