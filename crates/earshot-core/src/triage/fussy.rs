//! The ways of one of the writer's party, which the business met (read from `dread.rs`): a
//! refusal of anyone else ("Our old cat won't eat for anyone, but the cattery sent us a photo
//! every evening of her clearing her bowl", "no come con nadie, pero", "frisst bei niemandem,
//! aber"), and a limit remembered ("The greengrocer remembers my dad can't manage hard fruit any
//! more and picks out the softest pears for him"), and the writer's own ("I can't read music, so
//! the choir leader recorded my part on my phone"). The refusal and the limit are the party's,
//! not a harm; what the business did is the post. Earshot's own rules.

use super::super::text::{Analysed, Role};
use super::{settle, ENDS, OURS};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The ways of the writer's party that the business met ([`won_over`], [`limit_remembered`],
/// [`own_limit`], [`party_limit`]); whether there were any.
pub(super) fn party(a: &mut Analysed) -> bool {
    won_over(a) | limit_remembered(a) | own_limit(a) | party_limit(a)
}

/// Anyone or no one, as tokens are (lower case, accents kept).
#[rustfmt::skip]
const NOBODY: &[&str] = &[
    "anyone", "anybody", "nadie", "personne", "niemand", "niemandem", "niemanden", "nessuno",
    "ninguém", "ninguem",
];

/// A turn, right after the no one (lower case).
const TURN: &[&str] = &["but", "pero", "mais", "aber", "ma", "mas"];

/// Sets aside a refusal of one of the writer's party ("my", "our" within six words before "no
/// one", a negation between, and a "but" right after); whether there was one. Not a refusal
/// the business met badly ("won't trust anyone with his car, but the garage scratched it"):
/// its bad words stay, and relief needs none.
fn won_over(a: &mut Analysed) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let nobody = SET.get_or_init(|| NOBODY.iter().copied().collect());
    let n = a.tokens.len();
    let word = |k: usize| a.tokens[k].norm.as_str();
    // One lookup a token, and most posts stop.
    let Some(k) = (0..n).find(|&k| {
        nobody.contains(word(k)) && (k + 1..n.min(k + 3)).any(|j| TURN.contains(&word(j)))
    }) else {
        return false;
    };
    let Some(ours) = (k.saturating_sub(6)..k).find(|&j| OURS.contains(&word(j))) else {
        return false;
    };
    // German's no one negates itself ("frisst bei niemandem").
    let negated =
        word(k).starts_with("niemand") || (ours..k).any(|j| a.tokens[j].role == Role::Negation);
    negated && settle(a, std::iter::once(ours..k + 1).collect(), false)
}

/// Remembered, in the present or the past, as tokens are (German "weiß" only before "noch").
#[rustfmt::skip]
const REMEMBERS: &[&str] = &[
    "remembers", "remembered", "acuerda", "acordó", "acordo", "recuerda", "recordó", "souvient",
    "souvenu", "souvenue", "rappelle", "weiß", "weiss", "wusste", "erinnert", "ricorda",
    "ricordato", "ricordata", "lembra", "lembrou",
];

/// Sets aside a limit of one of the writer's party that someone of the business remembers
/// ("remembers my dad can't manage hard fruit any more", "se souvient que mon père n'arrive
/// plus", "weiß noch, dass mein Vater kein hartes Obst mehr essen kann"): from "remembers" to
/// the end of its clause (an "and", a "but"), when "my" or "our" stands within five words after
/// it and a negation within six after that. Whether there was one.
fn limit_remembered(a: &mut Analysed) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let remembers = SET.get_or_init(|| REMEMBERS.iter().copied().collect());
    let n = a.tokens.len();
    let word = |k: usize| a.tokens.get(k).map_or("", |t| t.norm.as_str());
    let Some(at) = (0..n).find(|&k| {
        remembers.contains(word(k)) && (!word(k).starts_with("wei") || word(k + 1) == "noch")
    }) else {
        return false;
    };
    let end = (at + 1..n).find(|&k| ENDS.contains(&word(k))).unwrap_or(n);
    let Some(ours) = (at + 1..end.min(at + 6)).find(|&k| OURS.contains(&word(k))) else {
        return false;
    };
    let negated = (ours + 1..end.min(ours + 7)).any(|k| a.tokens[k].role == Role::Negation);
    negated && settle(a, std::iter::once(at..end).collect(), false)
}

/// A skill, as tokens are: reading music, swimming, driving, speaking a language, skating.
#[rustfmt::skip]
const SKILL: &[&str] = &[
    "read", "swim", "drive", "speak", "sing", "dance", "skate", "ski", "knit", "sew", "leer",
    "nadar", "conducir", "hablar", "cantar", "bailar", "patinar", "esquiar", "coser", "lire",
    "nager", "conduire", "parler", "chanter", "danser", "patiner", "skier", "coudre", "lesen",
    "schwimmen", "fahren", "sprechen", "singen", "tanzen", "leggere", "nuotare", "guidare",
    "parlare", "ballare", "pattinare", "sciare", "cucire", "ler", "conduzir", "falar", "dançar",
    "patinar", "costurar",
];

/// The writer, as tokens are: "I", "je", "ich", "yo", "io", "eu", or a verb of knowing in the
/// first person ("sé", "sais", "so", "sei").
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "je", "ich", "yo", "io", "eu", "sé", "sais", "so", "sei",
];

/// So, as tokens are: what the business did about it follows.
const SO: &[&str] = &[
    "so", "así", "asi", "alors", "donc", "also", "così", "cosi", "isso",
];

/// Sets aside the writer's own lack of a skill, told before what the business did about it ("I
/// can't read music, so", "No sé leer partituras, así que", "Ich kann keine Noten lesen, also",
/// "Não sei ler música, por isso"): a negation within four words before the skill, and "so"
/// within four after it, in one clause; the span is the post's start to "so".
/// Not "I can't get through on the phone, so": getting through is no skill; nor a post with a
/// negation after "so". Whether there was one.
fn own_limit(a: &mut Analysed) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let skills = SET.get_or_init(|| SKILL.iter().copied().collect());
    let n = a.tokens.len();
    let word = |k: usize| a.tokens[k].norm.as_str();
    let Some(k) = (0..n.min(8)).find(|&k| skills.contains(word(k))) else {
        return false;
    };
    // The writer's own, not their party's ("Mein Vater kann nicht mehr Auto fahren" is a need
    // the business met: `need_met.rs`).
    let mine = (0..k).any(|j| WRITER.contains(&word(j)));
    let negated = mine && (k.saturating_sub(4)..k).any(|j| a.tokens[j].role == Role::Negation);
    let so = (k + 1..n.min(k + 5)).find(|&j| SO.contains(&word(j)));
    match so {
        // What follows is what was done, with no negation ("so I rely on your bus, which never
        // comes" is a complaint).
        Some(j)
            if negated
                && !(k..j - 1).any(|i| a.tokens[i].clause_end)
                && !(j..n).any(|i| a.tokens[i].role == Role::Negation) =>
        {
            settle(a, std::iter::once(0..j).collect(), false)
        }
        _ => false,
    }
}

/// Hating, as tokens are: what one of the writer's party cannot bear.
#[rustfmt::skip]
const HATES: &[&str] = &[
    "hates", "odia", "déteste", "deteste", "hasst", "detesta",
];

/// Without, as tokens are: a negation after it is how the thing was done ("without once holding
/// him", "sans jamais le tenir", "sem nunca lhe pegar").
#[rustfmt::skip]
const WITHOUT: &[&str] = &["without", "sin", "sans", "ohne", "senza", "sem"];

/// Sets aside what one of the writer's party cannot bear, told before what the business did
/// about it ("My son is autistic and hates being touched, so the surf instructor taught him
/// entirely by showing"): "my" or "our" among the post's first three words, "hates" before "so"
/// in the post's first fifteen, and no negation after "so" but one that says how ("without
/// once holding him"). The span is the post's start to "so". Whether there was one.
fn party_limit(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    let word = |k: usize| a.tokens[k].norm.as_str();
    if !(0..n.min(3)).any(|k| OURS.contains(&word(k))) {
        return false;
    }
    let Some(hates) = (0..n.min(15)).find(|&k| HATES.contains(&word(k))) else {
        return false;
    };
    let Some(so) = (hates + 1..n.min(15)).find(|&k| SO.contains(&word(k))) else {
        return false;
    };
    let how = |i: usize| (i.saturating_sub(2)..=i).any(|k| WITHOUT.contains(&word(k)));
    let negated = (so..n).any(|i| a.tokens[i].role == Role::Negation && !how(i));
    !negated && settle(a, std::iter::once(0..so).collect(), false)
}

#[cfg(test)]
mod tests {
    use crate::triage::text::analyse_in;

    /// Whether `word` of `text` is set aside, as the post is analysed.
    fn aside(text: &str, lang: &str, word: &str) -> bool {
        let a = analyse_in(text, Some(lang));
        a.tokens.iter().any(|t| t.norm == word && t.aside)
    }

    #[test]
    fn a_refusal_of_anyone_is_set_aside_only_when_the_writers_own_and_turned() {
        assert!(aside(
            "Our old cat won't eat for anyone, but the cattery managed",
            "en",
            "wont"
        ));
        assert!(aside(
            "Unsere alte Katze frisst bei niemandem, aber dort schon",
            "de",
            "niemandem"
        ));
        // Nobody of the business's, and no turn.
        assert!(!aside(
            "Nobody answered the phone, but I kept trying",
            "en",
            "nobody"
        ));
        assert!(!aside(
            "My dad won't trust anyone with his car",
            "en",
            "wont"
        ));
    }

    #[test]
    fn a_limit_remembered_is_set_aside_to_its_clause_end() {
        let post = "The baker remembers my son can't have sesame and never forgets";
        assert!(aside(post, "en", "cant"));
        assert!(!aside(post, "en", "forgets"));
        // No one of the writer's, or no negation.
        assert!(!aside(
            "She remembers the order can't be late",
            "en",
            "cant"
        ));
        assert!(!aside("He remembered my name and my usual", "en", "name"));
    }

    #[test]
    fn the_writers_own_lack_of_a_skill_is_set_aside_when_plain_after() {
        assert!(aside(
            "Non so leggere la musica, così la maestra mi ha aiutata",
            "it",
            "leggere"
        ));
        // No skill, or a negation after "so".
        assert!(!aside(
            "I can't get through on the phone, so I'm writing here",
            "en",
            "cant"
        ));
        assert!(!aside(
            "I can't drive, so I rely on your bus, which never comes",
            "en",
            "cant"
        ));
    }

    #[test]
    fn what_one_of_the_party_cannot_bear_is_set_aside_when_met_plainly() {
        let met = "Mi hijo odia el ruido, así que el peluquero usó tijeras sin la máquina";
        assert!(aside(met, "es", "odia"));
        let not = "My son hates the dentist, so your receptionist never phoned back";
        assert!(!aside(not, "en", "hates"));
    }
}
