//! A mishap the business put right, told in order with "and" rather than "but": "Our washing
//! machine broke on Saturday and the repair man came the same day and fixed it", "Ma chaîne a
//! cassé en allant au travail et le vélociste l'a réparée pendant que j'attendais". What went
//! wrong is why the writer came; the repair is what they tell. The tone model reads the mishap's
//! words ("broke", "cassé") and the post as a complaint; read so, the owner would hear a
//! thank-you as a grievance. A post that turns on "but" is `turn.rs`'s. So is help out of
//! hours told with the mishap that called for it: "The plumber came out on a Sunday night when
//! our boiler broke down".

use super::reading::Reading;
use super::signals::folded;
use super::text::{Role, Token};
use super::vader;
use crate::model::{Intent, Sentiment};

/// A repair done, folded: past forms only ("they promised to fix it" is no repair, nor "still
/// not fixed", which is negated).
#[rustfmt::skip]
const DONE: &[&str] = &[
    "fixed", "repaired", "replaced", "mended", "sorted", "resolved", "solved",
    "arreglaron", "arreglo", "arreglado", "arreglada", "repararon", "reparo", "reparado",
    "reparada", "reemplazaron", "sustituyeron", "cambiaron", "resolvieron", "solucionaron",
    "soluciono",
    "repare", "reparee", "repares", "remplace", "remplacee", "regle", "resolu",
    "repariert", "ersetzt", "getauscht", "ausgetauscht", "behoben", "gelost",
    "riparato", "riparata", "sostituito", "sostituita", "sistemato", "sistemata", "risolto",
    "consertaram", "consertou", "consertado", "consertada", "arranjaram", "arranjou",
    "repararam", "reparou", "trocaram", "trocou", "substituiu", "substituiram", "resolveram",
    "resolveu",
];

/// A new one, given in place of what broke: "trajeron uno nuevo", "fait livrer un neuf",
/// "einen neuen geliefert" (folded), a word of giving ([`GIVEN`]) within three words before it or
/// two after.
#[rustfmt::skip]
const NEW_ONE: &[&str] = &[
    "new", "nuevo", "nueva", "neuf", "neuve", "neuen", "neue", "neues", "nuovo", "nuova", "novo",
    "nova",
];
#[rustfmt::skip]
const GIVEN: &[&str] = &[
    "delivered", "brought", "sent", "gave", "trajeron", "mandaron", "enviaron", "dieron", "livrer",
    "livre", "apporte", "envoye", "donne", "geliefert", "gebracht", "geschickt", "gegeben",
    "portato", "mandato", "dato", "consegnato", "trouxeram", "mandaram", "enviaram", "deram",
];

/// Having or being, as tokens are: what describes the new one rather than gives it.
#[rustfmt::skip]
const HAS_IS: &[&str] = &[
    "has", "is", "was", "had", "tiene", "tenía", "es", "era", "está", "estaba", "a", "avait",
    "est", "était", "hat", "hatte", "ist", "war", "ha", "aveva", "è", "tem", "tinha", "é",
];

/// Moved, folded: English "moved" only with "us" or "me" after it ("they moved my appointment"
/// is no repair); the Italian forms name whom ("spostati").
const MOVED: &[&str] = &["moved", "spostati", "spostato", "spostata"];

/// What links the mishap to the repair told after it: "and", "then".
#[rustfmt::skip]
const LINKS: &[&str] = &[
    "and", "then", "y", "luego", "et", "puis", "und", "dann", "e", "ed", "poi",
];

/// "Without", whose negation is the business's gift ("without charging me", "sem cobrar"), and
/// the "nothing" that may follow it ("sin cobrarme nada"), not alone ("and nothing works").
pub(super) const WITHOUT: &[&str] = &["without", "sin", "sans", "ohne", "senza", "sem"];
pub(super) const NOTHING: &[&str] = &["nada", "nothing", "rien", "nichts", "niente", "nulla"];

/// A charge, folded, whose negation is a gift ("at no charge", "no extra cost").
const CHARGE: &[&str] = &[
    "charge", "extra", "cost", "cargo", "coste", "costo", "custo",
];

/// "While", before the writer's wait for the repair.
const WHILE: &[&str] = &[
    "while", "mientras", "pendant", "während", "mentre", "enquanto",
];

/// Words after the link that say the writer mended it, or had to ("I had to fix it myself").
/// Not "mismo", "même", "stesso": "el mismo día" is the business's speed.
#[rustfmt::skip]
const NOT_THEIRS: &[&str] = &[
    "myself", "ourselves", "had", "tuve", "tuvimos", "selbst", "musste", "mussten", "dovuto",
    "tive", "tivemos",
    // In the end, after a wait: "they fixed it eventually, after three weeks".
    "eventually", "finally", "after", "finalmente", "despues", "enfin", "apres", "endlich",
    "schliesslich", "nach", "dopo", "depois",
];

/// What befell a thing, strong words of the lexicon that judge nobody: "the boiler died".
#[rustfmt::skip]
const BEFELL: &[&str] = &[
    "died", "dead", "dies", "broke", "broken", "burst", "crashed", "smashed", "snapped",
    "cracked", "flooded", "leaking", "leaked", "exploded", "stolen",
];

/// A plant's death, folded, which befalls it as "died" befalls a boiler: only in a post that
/// names a plant ([`PLANTS`]), not a person's ("è morto il vecchio calzolaio").
#[rustfmt::skip]
const WILTED: &[&str] = &[
    "murio", "muerto", "muerta", "mort", "morte", "morts", "mortes", "eingegangen", "morto",
    "morta", "morti", "morreu", "morreram",
];

/// Trees and plants, folded, in the six languages: what a garden centre sells and replaces.
#[rustfmt::skip]
const PLANTS: &[&str] = &[
    "tree", "plant", "hedge", "shrub", "bush", "arbol", "planta", "seto", "arbusto", "manzano",
    "arbre", "plante", "haie", "arbuste", "pommier", "baum", "pflanze", "hecke", "strauch",
    "apfelbaum", "albero", "pianta", "siepe", "melo", "arvore", "sebe", "macieira", "limonero",
    "citronnier", "limone", "limoeiro", "olivo", "olivier", "oliveira",
];

/// Whether the post tells a mishap and then its repair by the business, with nothing bad after
/// the link; the repair's word then.
fn repair_after_mishap(r: &Reading) -> Option<&Token> {
    let tokens = &r.analysed.tokens;
    // An idiom's token starts with its first word ("replaced … in minutes").
    let done_word = |t: &Token| DONE.contains(&folded(t).split(' ').next().unwrap_or_default());
    let given = |k: &Token| GIVEN.contains(&folded(k).as_ref());
    // Not the new one described ("und das neue hat eine feuchte Ecke", "the new one is worse"):
    // a verb of having or being right after it, or after "one".
    let described = |i: usize| {
        let at = |k: usize| tokens.get(k).map_or("", |t| t.norm.as_str());
        let next = if matches!(at(i + 1), "one" | "uno" | "una") {
            i + 2
        } else {
            i + 1
        };
        HAS_IS.contains(&at(next))
    };
    let new_one = |i: usize| {
        NEW_ONE.contains(&folded(&tokens[i]).as_ref())
            && !described(i)
            && tokens[i.saturating_sub(3)..(i + 3).min(tokens.len())]
                .iter()
                .any(given)
    };
    // Moved to a better room: "they'd moved us to a quiet suite", "ci hanno spostati".
    let moved = |i: usize| {
        let us = tokens
            .get(i + 1)
            .is_some_and(|t| ["us", "me"].contains(&t.norm.as_str()));
        MOVED.contains(&folded(&tokens[i]).as_ref()) && (tokens[i].norm != "moved" || us)
    };
    let done = (0..tokens.len())
        .rev()
        .find(|&i| !tokens[i].negated && (done_word(&tokens[i]) || new_one(i) || moved(i)))?;
    // The link nearest before the repair: "and", or the end of a clause ("Boiler died on
    // Sunday. The plumber came within the hour and fixed it" links at "and").
    let link = tokens[..done]
        .iter()
        .rposition(|t| LINKS.contains(&t.norm.as_str()) || t.clause_end)?;
    let after = &tokens[link + 1..];
    // The mishap: a bad word or a complaint cue before the link, or a reading of the whole as a
    // complaint or negative ("se nos rompió la lavadora" has no word of the lexicon).
    // The link's own word belongs to the mishap when the clause ends there ("è morto, ci ha
    // riparato").
    let mishap = r.complaint
        || r.mood == Sentiment::Negative
        || !r.complaint_cues.is_empty()
        || tokens[..=link].iter().any(bad);
    // A cue after the link is a complaint there, but not a wait "while I waited" ("während ich
    // gewartet habe").
    let cue_after = r.complaint_cues.iter().any(|c| {
        let last = c.rsplit(' ').next().unwrap_or(c);
        after.iter().enumerate().any(|(i, t)| {
            let waiting = after[i.saturating_sub(3)..i]
                .iter()
                .any(|w| WHILE.contains(&w.norm.as_str()));
            folded(t) == last && !waiting
        })
    });
    // A negation after the link says what was not done ("and it doesn't heat"), but not
    // "without" ("sin cobrarme nada"); a negated word of praise is a bad word.
    let without = |t: &Token| WITHOUT.contains(&t.norm.as_str());
    // Nor is "after" inside what "without" gives ("ohne nach dem Kassenbon zu fragen").
    let spoilt = after.iter().enumerate().any(|(i, t)| {
        let free = || {
            after
                .get(i + 1)
                .is_some_and(|n| CHARGE.contains(&folded(n).as_ref()))
        };
        let given = without(t)
            || NOTHING.contains(&t.norm.as_str())
                && after[i.saturating_sub(3)..i].iter().any(without)
            || free();
        let negates = t.role == Role::Negation && !given;
        let gift = after[..i].iter().any(without);
        bad(t) && !given || negates || NOT_THEIRS.contains(&folded(t).as_ref()) && !gift
    });
    // The repair is the last thing told ("they replaced it and now the battery dies" goes on),
    // and the mishap was no worse than a mishap ("Terrible service. They fixed it" is a
    // complaint, as `turn.rs` keeps one before "but").
    let went_on = tokens[done + 1..]
        .iter()
        .any(|t| LINKS.contains(&t.norm.as_str()));
    let plant = tokens.iter().any(|t| PLANTS.contains(&folded(t).as_ref()));
    let befell = |t: &Token| {
        let w = folded(t);
        BEFELL.contains(&w.as_ref()) || plant && WILTED.contains(&w.as_ref())
    };
    let strong = tokens[..=link]
        .iter()
        .filter(|t| !befell(t))
        .any(|t| !t.negated && vader::valence_of(t).is_some_and(|v| v <= -2.0));
    (mishap && !cue_after && !spoilt && !went_on && !strong).then_some(&tokens[done])
}

/// A bad word of the lexicon, or a word of praise negated.
pub(super) fn bad(t: &Token) -> bool {
    vader::valence_of(t).is_some_and(|v| (v < 0.0) != t.negated)
}

/// "When", before the mishap that brought the business out.
const WHEN: &[&str] = &["when", "cuando", "quand", "als", "quando"];

/// Whether the post praises help given in a mishap, told in a "when" clause that holds every
/// bad word and complaint cue of the post: "The plumber came out on a Sunday night when our
/// boiler broke down", "Le plombier est venu un dimanche soir quand notre chaudière est tombée en
/// panne". The idiom of praise then ("came out on a sunday").
fn help_in_mishap(r: &Reading) -> Option<&Token> {
    let tokens = &r.analysed.tokens;
    let praise =
        |t: &Token| !t.negated && super::idioms::valence(&t.norm).is_some_and(|v| v >= 2.0);
    let help = tokens.iter().position(praise)?;
    let when = tokens[help + 1..]
        .iter()
        .position(|t| WHEN.contains(&t.norm.as_str()))?
        + help
        + 1;
    // The mishap's clause: from "when" to the end, with no link after it ("…and nobody else
    // would come" goes on), no negation, and nothing bad before it.
    let clause = &tokens[when + 1..];
    let cues_inside = r.complaint_cues.iter().all(|c| {
        let last = c.rsplit(' ').next().unwrap_or(c);
        clause.iter().any(|t| folded(t) == last)
    });
    let quiet_before = !tokens[..when].iter().any(bad);
    let plain = !clause
        .iter()
        .any(|t| LINKS.contains(&t.norm.as_str()) || t.role == Role::Negation);
    (cues_inside && quiet_before && plain).then_some(&tokens[help])
}

/// The reading of a post that tells a mishap and then its repair by the business: praise, named
/// by the repair's word ("positive: 'fixed'"), and no complaint. Any other reading as it was.
pub(super) fn put_right(r: Reading) -> Reading {
    if !open_to_praise(&r) {
        return r;
    }
    let told = repair_after_mishap(&r).or_else(|| help_in_mishap(&r));
    let Some(word) = told.map(|t| t.norm.clone()) else {
        return r;
    };
    praised(r, word)
}

/// Whether a rule of praise told in order may read `r` again: it reads badly, with nothing grave,
/// no sarcasm, no question and no turn ("but" is `turn.rs`'s), and mourns no one (its reasons
/// are a death or sorrow told, `reading.rs`: "in hospital, so the shop stays shut. Awful news").
pub(super) fn open_to_praise(r: &Reading) -> bool {
    let read_badly = r.mood != Sentiment::Positive || r.complaint;
    read_badly
        && !super::farewell::mourns(&r.drivers)
        && r.grave.is_empty()
        && r.sarcasm.is_empty()
        && r.analysed.questions == 0
        && r.analysed.turns.is_empty()
}

/// `r` read as praise, named by `word` ("positive: 'fixed'"), with no complaint: what the
/// business did well is what the post tells (a repair here, a need met in `need_met.rs`).
pub(super) fn praised(r: Reading, word: String) -> Reading {
    // Positive takes the place of the strongest class.
    let mut probs = r.probs;
    let best = (0..3).fold(2, |b, k| if probs[k] > probs[b] { k } else { b });
    probs.swap(best, 2);
    let intent = if r.lead_cues.is_empty() {
        Intent::Praise
    } else {
        Intent::Lead
    };
    Reading {
        probs,
        mood: Sentiment::Positive,
        intent,
        complaint: false,
        needs_reply: intent == Intent::Lead,
        complaint_words: Vec::new(),
        // What it tells is done: no help asked for ("ouvert" of "a ouvert plus tôt").
        help_cues: Vec::new(),
        drivers: vec![word],
        ..r
    }
}

#[cfg(test)]
#[path = "put_right_tests.rs"]
pub(super) mod tests;
