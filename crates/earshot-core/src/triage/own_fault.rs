//! The writer's own thing broken, in a post that asks the business to come or to mend it: "My
//! washing machine is broken, can you come on Tuesday?", "Meine Heizung funktioniert nicht,
//! machen Sie auch Notdienst?", "A minha máquina de lavar está avariada, podem vir na terça?".
//! To a plumber, a repairer or a garage that is a customer asking for work, no complaint: the
//! fault is what the writer wants mended, not what the business did. Not when the post says the
//! business had a hand in it ("the boiler you installed", "que vous avez installée"), that it
//! came so ("arrived broken", "my new sofa"), or that it is back ("broken again"): those are the
//! complaints they read as. Read on folded tokens. Earshot's own lists.
//!
//! And a mishap the writer says is not the business's fault ("not your fault at all, but we
//! missed the whole ending", "no es culpa vuestra", "überhaupt nicht eure Schuld"): sad, perhaps,
//! but no complaint, unless something is still owed (money back, a wait ended, an answer) or the
//! post names something grave.

use super::reading::Reading;
use super::text::{Analysed, Token};
use crate::model::Intent;

#[path = "slips.rs"]
mod slips;
pub(super) use slips::undone;

/// The writer's own, in each language: "my", "our", and their forms.
#[rustfmt::skip]
const MINE: &[&str] = &[
    "my", "our", "mi", "mis", "nuestra", "nuestro", "nuestras", "nuestros", "mon", "ma", "mes",
    "notre", "nos", "mein", "meine", "meinen", "meinem", "unser", "unsere", "unseren",
    "unserem", "mia", "mio", "miei", "mie", "nostra", "nostro", "nostri", "nostre", "minha",
    "meu", "minhas", "meus", "nossa", "nosso", "nossas", "nossos",
];

/// A fault said in one word.
#[rustfmt::skip]
const FAULT: &[&str] = &[
    "broken", "broke", "leaking", "leaks", "blocked", "clogged", "faulty", "stopped", "cracked",
    "buckled", "roto", "rota", "averiado", "averiada", "estropeado", "estropeada", "atascado",
    "atascada", "gotea", "rajada", "rajado", "dejado", "panne", "casse", "cassee", "fuit",
    "bouche", "bouchee", "fissure", "fissuree", "lache", "kaputt", "defekt", "undicht",
    "verstopft", "tropft", "aufgegeben", "guasto", "guasta", "rotto", "rotta", "intasato",
    "intasata", "gocciola", "crepato", "crepata", "avariado", "avariada", "estragado",
    "estragada", "entupido", "entupida", "pinga", "avariou", "estragou", "parou", "rachou",
    "rachado", "rachada",
];

/// A thing's working, which is a fault when negated ("won't start", "no funciona").
#[rustfmt::skip]
const WORKING: &[&str] = &[
    "work", "works", "working", "start", "starts", "turn", "cool", "cooling", "heat", "heating",
    "drain", "draining", "flush", "charge", "charging", "funciona", "arranca", "enciende",
    "enfria", "calienta", "desagua", "carga", "marche", "fonctionne", "demarre", "refroidit",
    "chauffe", "vidange", "allume", "funktioniert", "geht", "springt", "kuhlt", "heizt",
    "pumpt", "ladt", "funziona", "parte", "accende", "raffredda", "scalda", "scarica", "carica",
    "liga", "pega", "arrefece", "aquece", "escoa", "carrega",
];

/// The fault back, or soon after the business's work, anywhere in the post ("broken again",
/// "vuelve a", "schon wieder", "already won't turn on").
#[rustfmt::skip]
const AGAIN: &[&str] = &[
    "again", "still", "already", "otra", "vuelve", "sigue", "encore", "toujours", "deja",
    "wieder", "immer", "schon", "ancora", "gia", "novamente",
];

/// Before the fault, what makes it the business's or a fault come so: its hand in the thing
/// ("you installed", "que nos reparasteis"), the thing delivered, ordered or new ("my new
/// sofa"). After it, they are what the writer asks for ("do you fit new motors?").
#[rustfmt::skip]
const HAND: &[&str] = &[
    "new", "arrived", "came", "delivered", "order", "parcel", "package", "repaired", "fixed",
    "installed", "serviced", "fitted", "replaced", "sold", "nuevo", "nueva", "llego",
    "pedido", "paquete", "reparado", "reparasteis", "reparaste", "instalado", "instalasteis",
    "arreglado", "arreglasteis", "vendisteis", "neuf", "neuve", "nouveau", "nouvelle",
    "arrive", "arrivee", "livre", "livree", "commande", "colis", "repare", "reparee",
    "installe", "installee", "vendu", "neu", "neue", "neuen", "angekommen", "geliefert",
    "bestellung", "paket", "repariert", "installiert", "eingebaut", "verkauft", "nuovo",
    "nuova", "arrivato", "arrivata", "consegnato", "ordine", "pacco", "riparato", "riparata",
    "installato", "installata", "venduto", "novo", "nova", "chegou", "entregue", "encomenda",
    "reparada", "instalada", "arranjado", "vendido", "you", "your", "vous", "votre", "ihr",
    "sie", "voi", "vostro", "vostra", "voces", "picked", "collected", "recogi", "recupere",
    "abgeholt", "ritirato", "ritirata", "levantei",
];

/// Whether the token at `i` says a fault: a fault word, or a working verb negated, before it
/// ("won't start") or right after ("funktioniert nicht", "springt nicht an"). `words` are the
/// tokens folded.
fn fault(tokens: &[Token], words: &[String], i: usize) -> bool {
    let w = words[i].as_str();
    let negation = |t: &Token| t.role == super::text::Role::Negation;
    let denied =
        tokens[i].negated || !tokens[i].clause_end && tokens[i + 1..].iter().take(2).any(negation);
    FAULT.contains(&w) || denied && WORKING.contains(&w)
}

/// Sets aside the writer's own thing's fault in a post that asks ("my washing machine is
/// broken", "mi lavadora no funciona"): the fault's words and its negation, from the writer's
/// "my" to the fault. Gives back their folded words, so that cues made of them are dropped.
pub(super) fn own_fault(a: &mut Analysed) -> Vec<String> {
    if !a.ends_with_question {
        return Vec::new();
    }
    let words: Vec<String> = a
        .tokens
        .iter()
        .map(|t| crate::matcher::fold(&t.norm))
        .collect();
    let listed = |list: &[&str], w: &String| list.contains(&w.as_str());
    if words.iter().any(|w| listed(AGAIN, w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let n = a.tokens.len();
    for i in 0..n {
        if !listed(MINE, &words[i]) || a.tokens[i].clause_end {
            continue;
        }
        // Up to eight words on, within the clause.
        let mut end = None;
        for j in i + 1..(i + 9).min(n) {
            if fault(&a.tokens, &words, j) {
                end = Some(j);
            }
            if a.tokens[j].clause_end {
                break;
            }
        }
        let Some(mut end) = end else { continue };
        // The negation after the verb ("funktioniert nicht") is the fault's too.
        while end + 1 < n
            && !a.tokens[end].clause_end
            && a.tokens[end + 1].role == super::text::Role::Negation
        {
            end += 1;
        }
        if words[..end].iter().any(|w| listed(HAND, w)) {
            continue;
        }
        for (t, w) in a.tokens[i + 1..=end].iter_mut().zip(&words[i + 1..=end]) {
            let bad = super::vader::valence_of(t).is_some_and(|v| v < 0.0);
            let said = listed(FAULT, w) || listed(WORKING, w);
            if bad || said || t.role == super::text::Role::Negation {
                // A word of its own to the models, not "not working" learned from tweets.
                t.negated = false;
                t.set_aside();
                out.push(w.clone());
            }
        }
    }
    out
}

/// Whether a cue as the post wrote it says the fault set aside ("no funciona" of "funciona").
pub(super) fn inside(cue: &str, own: &[String]) -> bool {
    let cue = crate::matcher::fold(cue);
    !own.is_empty()
        && cue
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| own.iter().any(|o| o == w) && (FAULT.contains(&w) || WORKING.contains(&w)))
}

/// Fault, in each language, and the business's, second person, as tokens are folded.
#[rustfmt::skip]
const BLAME: &[&str] = &["fault", "culpa", "faute", "schuld", "colpa"];
#[rustfmt::skip]
const YOURS: &[&str] = &[
    "your", "yours", "vuestra", "vuestro", "suya", "votre", "vous", "eure", "euer", "ihre",
    "vostra", "vostro", "vossa", "vosso", "sua", "tua",
];

/// What the business still owes whoever is at fault, as folded words start: money back, a wait
/// ended, an answer ("I know it's not your fault, but I've been waiting three weeks for my
/// refund" stays a complaint).
#[rustfmt::skip]
const OWED: &[&str] = &[
    "refund", "reembols", "rembours", "erstatt", "rimbors", "wait", "esper", "attend", "wart",
    "aspett", "charg", "cobr", "factur", "berechn", "addebit", "repl", "answer", "respu",
    "repon", "antwort", "rispo", "respost",
];

/// `r` without its complaint when the post says, under a negation, that the fault is not the
/// business's ("it's not your fault", "ce n'est pas du tout votre faute", "non è colpa vostra"),
/// and says nothing the business still owes ([`OWED`]), names nothing grave and mocks nothing.
/// Any other reading as it was.
pub(super) fn not_theirs(r: Reading) -> Reading {
    if !r.complaint || !r.grave.is_empty() || !r.sarcasm.is_empty() {
        return r;
    }
    let tokens = &r.analysed.tokens;
    let fold = |t: &Token| crate::matcher::fold(&t.norm);
    let cleared = tokens.iter().enumerate().any(|(i, t)| {
        let near = &tokens[i.saturating_sub(2)..(i + 2).min(tokens.len())];
        t.negated
            && BLAME.contains(&fold(t).as_str())
            && near.iter().any(|n| YOURS.contains(&fold(n).as_str()))
    });
    let owed = || {
        tokens
            .iter()
            .any(|t| OWED.iter().any(|o| fold(t).starts_with(o)))
    };
    if !cleared || owed() {
        return r;
    }
    let intent = if !r.help_cues.is_empty() || r.analysed.questions > 0 {
        Intent::Question
    } else {
        Intent::Other
    };
    Reading {
        intent,
        complaint: false,
        needs_reply: intent == Intent::Question,
        complaint_words: Vec::new(),
        ..r
    }
}

#[cfg(test)]
mod tests {
    use crate::triage::text::analyse_in;

    /// The words of `text` set aside as the writer's own fault.
    fn aside(text: &str, lang: &str) -> Vec<String> {
        let mut a = analyse_in(text, Some(lang));
        super::own_fault(&mut a)
    }

    #[test]
    fn the_writers_own_fault_in_a_request_is_set_aside() {
        let asked = [
            (
                "My laptop won't start, do you repair Dell laptops?",
                "en",
                "start",
            ),
            (
                "Mi horno no enciende, ¿tenéis técnico esta semana?",
                "es",
                "enciende",
            ),
            (
                "Mon évier est bouché, vous intervenez le samedi ?",
                "fr",
                "bouche",
            ),
            (
                "Unser Abfluss ist verstopft, haben Sie morgen Zeit?",
                "de",
                "verstopft",
            ),
            (
                "Il mio scaldabagno perde e non si accende, venite anche di sera?",
                "it",
                "accende",
            ),
            ("O meu carro não pega, fazem reboque?", "pt", "pega"),
        ];
        for (text, lang, word) in asked {
            assert!(aside(text, lang).iter().any(|w| w == word), "{text}");
        }
        let complaints = [
            (
                "The dishwasher you installed won't start, can you come?",
                "en",
            ),
            ("My new kettle is broken, can I return it?", "en"),
            ("Mi horno vuelve a no encender, ¿podéis venir?", "es"),
            ("Mon colis est arrivé cassé, je fais quoi ?", "fr"),
            ("Meine Heizung ist schon wieder kaputt, kommen Sie?", "de"),
            ("My laptop won't start.", "en"),
        ];
        for (text, lang) in complaints {
            assert!(aside(text, lang).is_empty(), "{text}");
        }
    }
}
