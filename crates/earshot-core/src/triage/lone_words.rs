//! A post of a word or two of feeling and nothing else ("Alles bestens", "Ein herrlicher
//! Morgen", "Terrible"): the lexicon's word is its meaning. The model's weights for a lone word
//! beside it are topic ("morgen" is tomorrow's complaints in German tweets, "alles" carries a
//! mood from German tweets), learned from a couple of thousand tweets a language. Mild approval
//! of two things or more and nothing else ("Starter fine, main fine") is lukewarm: neutral.

use super::text::{is_function_word, is_negation, Analysed};
use super::vader::Vader;

/// Moves the reading to the side the post's words of feeling take, where they all take one
/// side, the post has at most two words besides function words and no question, and the model
/// read it otherwise: from neutral always; from the other side only without a complaint cue
/// (`cued`) and without a negation ("I really wish I didn't have to…": the model reads
/// negations the lexicon's single words do not).
pub(super) fn as_the_words_say(probs: &mut [f32; 3], a: &Analysed, vader: &Vader, cued: bool) {
    if !cued && lukewarm(a) {
        let read_as = super::reading::argmax(probs);
        probs.swap(read_as, 1);
        return;
    }
    if (vader.pos > 0.0) == (vader.neg > 0.0) || !terse(a) {
        return;
    }
    let side = if vader.pos > 0.0 { 2 } else { 0 };
    let read_as = super::reading::argmax(probs);
    if read_as != side && (read_as == 1 || !cued && !negates(a)) {
        probs.swap(read_as, side);
    }
}

/// At most two words besides function words, and no question.
fn terse(a: &Analysed) -> bool {
    let words = a.tokens.iter().filter(|t| !is_function_word(&t.norm));
    !a.ends_with_question && words.count() <= 2
}

/// Whether a post has a negation.
fn negates(a: &Analysed) -> bool {
    a.tokens.iter().any(|t| t.negated || is_negation(&t.norm))
}

/// Words of mild approval, folded: "fine", "bien", "correct", "okay", "discreto", "razoável".
#[rustfmt::skip]
const LUKEWARM: &[&str] = &[
    "fine", "ok", "okay", "alright", "decent", "bien", "correcto", "correcta", "correct",
    "correcte", "passable", "ordentlich", "discreto", "discreta", "razoavel", "aceptable",
    "acceptable", "accettabile", "aceitavel",
];

/// A post whose only words of feeling are mild approval said of two things or more, and no
/// negation ("Starter fine, main fine, dessert fine", "Entrée correcte, plat correct"): it is
/// lukewarm, neither praise nor complaint.
fn lukewarm(a: &Analysed) -> bool {
    let mild = |t: &&super::text::Token| LUKEWARM.contains(&super::text::folded(t).as_ref());
    // Most posts stop here, with fewer than two words of mild approval.
    if a.tokens.iter().filter(mild).nth(1).is_none() {
        return false;
    }
    a.tokens.iter().all(|t| {
        mild(&t) || !(t.negated || is_negation(&t.norm) || super::vader::valence_of(t).is_some())
    })
}
