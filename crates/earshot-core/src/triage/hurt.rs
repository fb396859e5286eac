//! The writer's own sprain (read from `mishap.rs`): "Sprained my ankle ten minutes into my own
//! stag do, so I watched the rest from the café", "Me torcí el tobillo", "je me suis tordu la
//! cheville", "den Knöchel verstaucht", "mi sono storto la caviglia", "torci o tornozelo"; and
//! a plan undone by a stay in hospital ("We'd planned a picnic at the cider farm for Gran's
//! birthday, and she was taken into hospital that morning"). Bad luck, nothing the business
//! did. Not where the post names a hazard (a wet floor, a loose step), a meal, the business or a
//! cause: a complaint may lie there. Read on folded text. Earshot's own rules.

use super::super::super::super::cues::{word_spans, Folded};
use super::super::sentence;
use super::theirs;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Sprained or twisted, folded, as the words begin.
#[rustfmt::skip]
const SPRAINED: &[&str] = &[
    "sprain", "twisted", "torci", "esguince", "tordu", "foule", "entorse", "verstaucht",
    "verdreht", "umgeknickt", "storto", "storta", "slogat",
];

/// A joint, folded.
#[rustfmt::skip]
const JOINT: &[&str] = &[
    "ankle", "knee", "wrist", "tobillo", "rodilla", "muneca", "cheville", "genou", "poignet",
    "knochel", "knie", "handgelenk", "caviglia", "ginocchio", "polso", "tornozelo", "joelho",
    "pulso",
];

/// The writer, before the sprain in its sentence or right after it, folded: "my", "me", "mir",
/// "mi", "je".
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "my", "me", "mir", "mich", "ich", "hab", "habe", "je", "mi", "torci",
];

/// A hazard someone left, folded, as the words begin: the sprain may be the business's doing.
#[rustfmt::skip]
const HAZARD: &[&str] = &[
    "wet", "slippery", "floor", "step", "stair", "hole", "loose", "uneven", "pothole", "mojad",
    "resbal", "suelo", "escalon", "escaler", "agujero", "bache", "mouill", "glissant", "sol ",
    "marche", "escalier", "trou", "nass", "rutschig", "boden", "stufe", "treppe", "loch",
    "bagnat", "scivol", "pavimento", "gradin", "scalin", "buca", "molhad", "escorreg", "chao",
    "degrau", "escada", "buraco",
];

/// The sentence that tells the writer's own sprain; or None.
pub(super) fn sprained(folded: &Folded) -> Option<String> {
    static FIND: OnceLock<(AhoCorasick, AhoCorasick)> = OnceLock::new();
    let (find, hazard) = FIND.get_or_init(|| {
        let compile = |l: &[&str]| AhoCorasick::new(l).expect("static list compiles");
        (compile(SPRAINED), compile(HAZARD))
    });
    let text = folded.as_str();
    // Most posts stop here, after one pass.
    find.find(text)?;
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let sprain = |k: usize| SPRAINED.iter().any(|s| word(k).starts_with(s));
    let at = (0..spans.len())
        .find(|&i| sprain(i) && (i.saturating_sub(4)..i + 5).any(|k| JOINT.contains(&word(k))))?;
    let (from, to) = sentence(text, &spans, at);
    let writer = (0..(at + 2).min(spans.len()))
        .filter(|&k| spans[k].0 >= from)
        .any(|k| WRITER.contains(&word(k)));
    if !writer || theirs(text, &spans) || hazard.is_match(text) {
        return None;
    }
    Some(folded.own(from, to))
}

/// Planned or booked, folded.
#[rustfmt::skip]
const PLANNED: &[&str] = &[
    "planned", "booked", "organised", "organized", "planeado", "planeamos", "reservado",
    "reservamos", "organizado", "prevu", "reserve", "organise", "geplant", "gebucht",
    "organisiert", "organizzato", "prenotato", "programmato", "marcado", "marcamos",
];

/// Taken into hospital, folded, as it stands inside the text.
#[rustfmt::skip]
const HOSPITAL: &[&str] = &[
    "into hospital", "to hospital", "in hospital", "ingresaron", "ingresada", "ingresado",
    "hospitalise", "ins krankenhaus", "ricoverata", "ricoverato", "ricoverati", "internada",
    "internado", "internaram",
];

/// A cause a stay in hospital may have had at the business, folded: after a meal (whole
/// words), a poisoning or an allergy (as the words begin).
const AFTER: &[&str] = &[
    "after", "despues", "tras", "apres", "nach", "dopo", "depois", "ate",
];
#[rustfmt::skip]
const ILL_FROM: &[&str] = &[
    "poison", "intoxic", "vergift", "avvelen", "allerg", "eating", "comid", "mange", "gegessen",
    "mangiat", "comeu",
];

/// The sentence that tells a plan undone by a stay in hospital, a plan told before it; or None.
pub(super) fn in_hospital(folded: &Folded) -> Option<String> {
    static FIND: OnceLock<AhoCorasick> = OnceLock::new();
    let find = FIND.get_or_init(|| AhoCorasick::new(HOSPITAL).expect("static list compiles"));
    let text = folded.as_str();
    // Most posts stop here, after one pass.
    let at = find.find(text)?.start();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let planned = (0..spans.len()).find(|&k| PLANNED.contains(&word(k)) && spans[k].1 <= at)?;
    let from =
        |k: usize| AFTER.contains(&word(k)) || ILL_FROM.iter().any(|f| word(k).starts_with(f));
    if theirs(text, &spans) || (0..spans.len()).any(from) {
        return None;
    }
    let (start, _) = sentence(text, &spans, planned);
    let end = text[at..]
        .find(['.', '!', '?'])
        .map_or(text.len(), |e| at + e);
    Some(folded.own(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    #[test]
    fn the_writers_own_sprain_is_told_and_one_on_a_hazard_is_not() {
        let told = [
            "Twisted my knee on the first run of the morning, so I spent the day by the fire.",
            "Me hice un esguince de tobillo en el primer partido y me tocó mirar.",
            "Je me suis foulé le poignet au deuxième cours, dommage.",
            "Hab mir beim Aufwärmen das Knie verdreht und musste zuschauen.",
        ];
        for post in told {
            assert!(sprained(&Folded::new(post)).is_some(), "{post}");
        }
        let not = [
            "Sprained my ankle on your wet floor and nobody came to help.",
            "Twisted my ankle on a loose step by the entrance.",
            "Sprained my wrist because the instructor let go of the rope.",
            "The plot twist at the end had my knee bouncing.",
        ];
        for post in not {
            assert!(sprained(&Folded::new(post)).is_none(), "{post}");
        }
    }

    #[rustfmt::skip]
    #[test]
    fn a_plan_undone_by_a_stay_in_hospital_is_told_and_one_after_a_meal_is_not() {
        let told = [
            "We'd booked the boat trip for Saturday, and Dad was rushed into hospital on Friday night.",
            "Teníamos reservado el spa para las dos y a mi madre la ingresaron esa mañana.",
            "Wir hatten den Ausflug gebucht, und Opa kam in der Nacht ins Krankenhaus.",
        ];
        for post in told {
            assert!(in_hospital(&Folded::new(post)).is_some(), "{post}");
        }
        let not = [
            "We'd booked your tasting menu and my wife ended up in hospital after the oysters.",
            "My son was taken to hospital with food poisoning, we had booked the buffet.",
            "Dad was taken into hospital, so we booked a table for when he's home.",
        ];
        for post in not {
            assert!(in_hospital(&Folded::new(post)).is_none(), "{post}");
        }
    }
}
