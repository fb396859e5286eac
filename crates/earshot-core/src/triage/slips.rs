//! What was wrong before the business came into it: the writer's own slip that the business
//! caught ("The florist spotted that I'd written the wrong name on the card and rewrote it", "La
//! fleuriste a remarqué que j'avais mis le mauvais prénom"), and the trouble the writer came in
//! with and left without ("Came in with a dead phone and no hope. Walked out with every photo
//! back", "Sono entrata con il telefono morto … Sono uscita con tutte le foto"); and how the
//! writer's party was, seen by the business ("saw my son getting restless and brought him
//! crayons"). The wrong name is the writer's and the dead phone why they came: neither is the
//! business's doing, and told so they are thanks. Their bad words are set aside, the complaint
//! cues inside them dropped, and the post is relief (`reading.rs`) unless it says something bad
//! besides. Trouble the writer left with too ("came in with a headache, left with a migraine"),
//! or a bill, is what that post is about: nothing of it is set aside. Read on folded tokens.
//! Earshot's own lists.

use super::super::put_right::{self, WITHOUT};
use super::super::text::{folded, Analysed, Role, Token};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Noticing, in the forms the business's noticing takes (third person, or a subject checked in
/// [`by_business`]), folded.
#[rustfmt::skip]
const NOTICED: &[&str] = &[
    "spotted", "noticed", "caught", "realised", "realized", "saw", "cuenta", "noto", "notaron",
    "vio", "vieron", "remarque", "remarquee", "repere", "reperee", "apercu", "apercue", "vu",
    "vue", "gemerkt", "bemerkt", "gesehen", "accorta", "accorto", "accorti", "notato", "notata",
    "visto", "vista",
    "reparou", "repararam", "notou", "notaram", "viu", "viram", "percebeu", "perceberam",
];

/// The writer, or the writer's own past tense, right after the noticing and its "that": "I'd",
/// "yo había", "j'avais", "dass ich", "che avevo", "que eu tinha", folded.
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "id", "ive", "we", "wed", "weve", "yo", "me", "nos", "habia", "habiamos", "je", "avais",
    "avions", "etais", "etions", "on", "nous", "ich", "wir", "avevo", "avevamo", "ero",
    "eravamo", "io", "eu", "tinha", "tinhamos", "my", "our", "mi", "mis", "mon", "ma", "mes",
    "notre", "mein", "meine", "meinen", "meinem", "unser", "unsere", "unseren", "mio", "mia",
    "miei", "mie", "nostro", "nostra", "meu", "minha", "nosso", "nossa", "nuestro", "nuestra",
];

/// What ends the telling of the slip or the state before the clause does: "saw my son getting
/// restless *and* brought him crayons".
const AND: &[&str] = &[
    "and", "but", "y", "pero", "et", "mais", "und", "aber", "e", "ed", "ma", "mas",
];

/// One, of the writer's party ("one of our team", "uno de nuestro equipo"), folded.
#[rustfmt::skip]
const ONE: &[&str] = &[
    "one", "uno", "una", "un", "une", "einer", "eine", "um", "uma",
];

/// A condition of one of the writer's party that the business saw and made room for ("noticed
/// one of our team is deaf and put every question on the screen"), folded: no fault of anyone.
#[rustfmt::skip]
const CONDITION: &[&str] = &[
    "deaf", "blind", "autistic", "sordo", "sorda", "ciego", "ciega", "sourd", "sourde", "aveugle",
    "autiste", "gehorlos", "taub", "autistisch", "cieco", "cieca", "surdo", "surda", "cego",
    "cega", "autista",
];

/// "That", between the noticing and the writer.
const THAT: &[&str] = &["that", "de", "que", "dass", "che"];

/// Wrong, mistaken and forgotten: the slip's own words, which no lexicon need know; and a fraud
/// stopped in time ("Betrugs-SMS"), folded.
#[rustfmt::skip]
const WRONG: &[&str] = &[
    "wrong", "mistake", "forgotten", "forgot", "typo", "mal", "equivocado", "equivocada",
    "error", "olvidado", "olvidada", "mauvais", "mauvaise", "erreur", "oublie", "oubliee",
    "falsch", "falsche", "falschen", "falscher", "falsches", "fehler", "vergessen",
    "sbagliato", "sbagliata", "sbagliati", "errore", "dimenticato", "dimenticata", "errado",
    "errada", "erro", "esquecido", "esquecida", "scam", "fraud", "estafa", "fraude", "arnaque",
    "betrug", "betrugs", "truffa", "burla",
];

/// Coming in with the trouble: the arrival, and "with" within two words after it (or before
/// it in its clause, as German puts "mit einem toten Handy reingekommen"), folded.
#[rustfmt::skip]
const ARRIVED: &[&str] = &[
    "came", "walked", "arrived", "turned", "showed", "entre", "entramos", "llegue", "llegamos",
    "vine", "vinimos", "arrive", "arrivee", "arrives", "arrivees", "entree", "entres",
    "entrees", "venu", "venue", "venus", "venues", "reingekommen", "hereingekommen",
    "gekommen", "angekommen", "reingegangen", "hingegangen", "kam", "kamen", "entrata",
    "entrato", "entrati", "entrate", "arrivata", "arrivato", "arrivati", "venuta", "venuto",
    "venuti", "entrei", "cheguei", "chegamos", "vim", "viemos",
];

/// Leaving: "walked out with", "salí con", "je suis repartie avec", "mit … rausgegangen",
/// "sono uscita con", "saí com", folded.
#[rustfmt::skip]
const LEFT: &[&str] = &[
    "left", "out", "home", "sali", "salimos", "fui", "fuimos", "reparti", "repartie",
    "repartis", "reparties", "ressorti", "ressortie", "ressortis", "sorti", "sortie", "sortis",
    "rausgegangen", "rausgekommen", "herausgekommen", "gegangen", "ging", "gingen", "uscita",
    "uscito", "usciti", "uscite", "andata", "andato", "sai", "saimos",
];

/// Just in time, folded, word by word: what was stopped before it did harm.
#[rustfmt::skip]
const IN_TIME: &[&[&str]] = &[
    &["just", "in", "time"], &["nick", "of", "time"], &["justo", "a", "tiempo"],
    &["juste", "a", "temps"], &["gerade", "noch"], &["appena", "in", "tempo"],
    &["mesmo", "a", "tempo"],
];

/// Stopping it, folded: "stopped the transfer", "paró", "a bloqué", "gestoppt", "ha bloccato",
/// "travou".
#[rustfmt::skip]
const STOPPED: &[&str] = &[
    "stopped", "blocked", "cancelled", "canceled", "caught", "prevented", "froze", "paro",
    "pararon", "bloqueo", "bloquearon", "detuvo", "cancelo", "bloque", "arrete", "annule",
    "gestoppt", "blockiert", "storniert", "verhindert", "aufgehalten", "bloccato", "fermato",
    "annullato", "travou", "travaram", "bloqueou", "cancelou", "parou",
];

/// Harm the business stopped just in time ("spotted a scam text on my mum's phone and stopped
/// the transfer just in time", "hat die Überweisung gerade noch gestoppt"): the clause up to the
/// stopping, when one of [`STOPPED`] stands within eight words before [`IN_TIME`] or three after.
fn averted(tokens: &[Token], words: &[String]) -> Option<(usize, usize)> {
    let at = (0..words.len()).find(|&i| {
        IN_TIME.iter().any(|p| {
            p.iter()
                .enumerate()
                .all(|(k, w)| words.get(i + k).is_some_and(|x| x == w))
        })
    })?;
    let stop = (at.saturating_sub(8)..words.len().min(at + 4))
        .find(|&k| STOPPED.contains(&words[k].as_str()))?;
    let from = clause_start(tokens, stop.min(at));
    Some((from, stop.max(at)))
}

/// A bill or a sum left with ("walked out with a £200 bill"): no relief, folded.
#[rustfmt::skip]
const BILL: &[&str] = &[
    "bill", "invoice", "pounds", "quid", "euros", "dollars", "factura", "facture", "rechnung",
    "conto", "fattura", "fatura",
];

/// "With", in each language.
const WITH: &[&str] = &["with", "con", "avec", "mit", "com"];

/// Whether a token says something bad: a bad word not negated, praise negated
/// ([`put_right::bad`]), or a negation.
fn bad(t: &Token) -> bool {
    t.role == Role::Negation || put_right::bad(t)
}

/// Whether the noticing at `i` (one of [`NOTICED`]) was the business's, by its forms' subject:
/// not "I noticed", "me di cuenta", "j'ai remarqué", "ich habe gemerkt", "mi sono accorta".
fn by_business(words: &[String], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map_or("", |j| words[j].as_str());
    let near = |list: &[&str]| (1..=3).any(|k| list.contains(&before(k)));
    match words[i].as_str() {
        "cuenta" => matches!(before(1), "dio" | "dieron"),
        "remarque" | "remarquee" | "repere" | "reperee" | "apercu" | "apercue" | "vu" | "vue" => {
            matches!(before(1), "a" | "ont" | "est") || matches!(before(2), "a" | "ont" | "est")
        }
        "gemerkt" | "bemerkt" | "gesehen" => near(&["hat"]),
        "accorta" | "accorto" | "accorti" => near(&["si"]),
        "notato" | "notata" | "visto" | "vista" => near(&["ha", "hanno"]),
        _ => !near(&["i", "we", "yo"]),
    }
}

/// Where the clause that holds token `i` ends (exclusive), at most `most` words on.
fn clause_end(tokens: &[Token], i: usize, most: usize) -> usize {
    (i..tokens.len().min(i + most))
        .find(|&k| tokens[k].clause_end)
        .map_or(tokens.len().min(i + most), |k| k + 1)
}

/// Where the clause that holds token `i` starts.
fn clause_start(tokens: &[Token], i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| tokens[k].clause_end)
        .map_or(0, |k| k + 1)
}

/// The writer's slips the business caught, and the states of the writer's party it saw: for
/// each, the span of tokens that tells it, from the writer to "and" or the clause's end.
fn slips(tokens: &[Token], words: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if tokens[i].negated || !NOTICED.contains(&words[i].as_str()) || !by_business(words, i) {
            continue;
        }
        // "hat gemerkt, dass ich": the comma after the noticing is no end.
        let mut k = i + 1;
        while k < tokens.len() && k <= i + 3 && THAT.contains(&words[k].as_str()) {
            k += 1;
        }
        // "Noticed one of our team is deaf": one of the writer's party, two words on.
        let reach = if ONE.contains(&words.get(k).map_or("", String::as_str)) {
            4
        } else {
            2
        };
        let writer =
            (k..tokens.len().min(k + reach)).find(|&j| WRITER.contains(&words[j].as_str()));
        if let Some(from) = writer.filter(|&j| j == k || !tokens[j - 1].clause_end) {
            let end = clause_end(tokens, from, 10);
            // As written: Italian "è" (is) folds to "e" (and).
            let and = (from + 1..end).find(|&j| AND.contains(&tokens[j].norm.as_str()));
            out.push((from, and.unwrap_or(end)));
        }
    }
    out
}

/// Whether a clause (`from..to`) has one of `verbs` with "with" near it: right after (two words
/// at most), or anywhere before it in the clause.
fn with_verb(words: &[String], from: usize, to: usize, verbs: &[&str]) -> bool {
    let next = |i: usize| words.get(i + 1).map_or("", String::as_str);
    (from..to).any(|i| {
        // English arrives "in" or "up": "came in with", "turned up with", not "came with".
        let phrasal = matches!(words[i].as_str(), "came" | "walked" | "turned" | "showed");
        verbs.contains(&words[i].as_str())
            && (!phrasal || matches!(next(i), "in" | "up" | "into"))
            && (from..to.min(i + 3)).any(|k| WITH.contains(&words[k].as_str()))
    })
}

/// The trouble the writer came in with, when the post tells of leaving after it: the arrival's
/// clause, and whether the rest says nothing bad nor names a bill ([`BILL`]).
fn came_in(tokens: &[Token], words: &[String]) -> Option<((usize, usize), bool)> {
    let arrived = (0..tokens.len()).find(|&i| ARRIVED.contains(&words[i].as_str()))?;
    let from = clause_start(tokens, arrived);
    let mut to = clause_end(tokens, arrived, 16);
    if !with_verb(words, from, to, ARRIVED) {
        return None;
    }
    // Leaving told in the same clause: "Cheguei com o portátil avariado e saí com ele a
    // funcionar". The arrival ends at the word before it.
    if let Some(and) = (arrived + 1..to)
        .find(|&k| AND.contains(&words[k].as_str()) && with_verb(words, k + 1, to, LEFT))
    {
        to = and;
    }
    let mut k = to;
    let left = loop {
        if k >= tokens.len() {
            return None;
        }
        let end = clause_end(tokens, k, 16);
        if with_verb(words, k, end, LEFT) {
            break k;
        }
        k = end;
    };
    let rest = &tokens[left..];
    let bill = |t: &Token| BILL.contains(&folded(t).as_ref());
    Some(((from, to), !rest.iter().any(|t| bad(t) || bill(t))))
}

/// Sets aside the bad words of the writer's own slips and states the business caught, of the
/// trouble the writer came in with and left without, and of harm stopped just in time; drops
/// the complaint cues inside them. Relief when a bad word was set aside and the post says
/// nothing bad besides.
pub(in crate::triage) fn undone(a: &mut Analysed, complaint: &mut Vec<String>) {
    // Most posts have neither a noticing nor an arrival, and stop here, before they are folded.
    static OPENERS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| NOTICED.iter().chain(ARRIVED).copied().collect());
    // A harm stopped in time ends on "time" ([`IN_TIME`]), or opens on "gerade".
    let in_time = |t: &Token| {
        matches!(
            t.norm.as_str(),
            "time" | "tiempo" | "temps" | "tempo" | "gerade"
        )
    };
    let opens = |t: &Token| in_time(t) || openers.contains(folded(t).as_ref());
    if !a.tokens.iter().any(opens) {
        return;
    }
    let words: Vec<String> = a.tokens.iter().map(|t| folded(t).into_owned()).collect();
    let mut spans = slips(&a.tokens, &words);
    let came = came_in(&a.tokens, &words);
    // Trouble left with too, or a bill: the post is about them, and nothing is set aside.
    spans.extend(came.filter(|&(_, plain)| plain).map(|(span, _)| span));
    spans.extend(averted(&a.tokens, &words));
    if spans.is_empty() {
        return;
    }
    let mut told = Vec::new();
    let mut set = false;
    for &(from, to) in &spans {
        for (t, w) in a.tokens[from..to].iter_mut().zip(&words[from..to]) {
            // A fault said in one word is the trouble too ("avariado", `own_fault.rs`).
            let fault = WRONG.contains(&w.as_str()) || super::FAULT.contains(&w.as_str());
            if bad(t) || fault || CONDITION.contains(&w.as_str()) {
                t.negated = false;
                t.set_aside();
                set = true;
            }
        }
        told.push(format!(" {} ", words[from..to].join(" ")));
    }
    // A cue said outside them too stays: it tells something of its own.
    let outside: Vec<&str> = (0..words.len())
        .filter(|&k| !spans.iter().any(|&(from, to)| (from..to).contains(&k)))
        .map(|k| words[k].as_str())
        .collect();
    let outside = format!(" {} ", outside.join(" "));
    complaint.retain(|w| {
        let cue = format!(" {} ", crate::matcher::fold(w));
        !told.iter().any(|t| t.contains(&cue)) || outside.contains(&cue)
    });
    // A negation of the business's gift is none: "without us asking", "sans qu'on demande rien".
    let gift = |k: usize| (k.saturating_sub(3)..=k).any(|j| WITHOUT.contains(&words[j].as_str()));
    let left = (0..a.tokens.len()).any(|k| {
        let t = &a.tokens[k];
        !t.aside && bad(t) && !(t.role == Role::Negation && gift(k))
    });
    if set && !left {
        a.relief = true;
    }
}

#[cfg(test)]
mod tests {
    use crate::triage::text::analyse_in;

    /// The words set aside in `text`, the complaint cues of `cues` kept, and whether it is relief.
    fn undone(text: &str, lang: &str, cues: &[&str]) -> (Vec<String>, Vec<String>, bool) {
        let mut a = analyse_in(text, Some(lang));
        let before: Vec<bool> = a.tokens.iter().map(|t| t.aside).collect();
        let mut kept: Vec<String> = cues.iter().map(|c| c.to_string()).collect();
        super::undone(&mut a, &mut kept);
        let aside = a
            .tokens
            .iter()
            .zip(before)
            .filter(|(t, was)| t.aside && !was);
        (aside.map(|(t, _)| t.norm.clone()).collect(), kept, a.relief)
    }

    #[test]
    fn a_slip_of_the_writers_that_the_business_caught_is_relief() {
        // (post, language, its complaint cue)
        let cases = [
            (
                "The baker noticed that I had put the wrong date on the order form",
                "en",
                "wrong",
            ),
            (
                "El farmacéutico se dio cuenta de que yo había escrito mal la dosis",
                "es",
                "mal",
            ),
            (
                "Le libraire a remarqué que j'avais commandé le mauvais tome",
                "fr",
                "mauvais",
            ),
            (
                "Der Optiker hat gemerkt, dass ich die falsche Stärke angegeben hatte",
                "de",
                "die falsche",
            ),
            (
                "Il sarto si è accorto che avevo dato le misure sbagliate",
                "it",
                "sbagliate",
            ),
            // One of the writer's party, seen by the business.
            (
                "The coach noticed one of our group was deaf and wrote everything down",
                "en",
                "deaf",
            ),
        ];
        for (text, lang, cue) in cases {
            let (aside, kept, relief) = undone(text, lang, &[cue]);
            assert!(!aside.is_empty(), "{text}");
            assert!(kept.is_empty(), "{text}: {kept:?}");
            assert!(relief, "{text}");
        }
    }

    #[test]
    fn a_slip_the_writer_noticed_or_the_business_made_stays() {
        let cases = [
            ("I noticed that I had been charged the wrong price", "en"),
            ("Me di cuenta de que me habían cobrado mal", "es"),
            ("J'ai remarqué que j'avais reçu le mauvais colis", "fr"),
            (
                "Ich habe gemerkt, dass ich die falsche Größe bekommen habe",
                "de",
            ),
            ("Nobody noticed that I had the wrong room key", "en"),
        ];
        for (text, lang) in cases {
            let (aside, kept, relief) = undone(text, lang, &["wrong"]);
            assert!(aside.is_empty() && !relief, "{text}: {aside:?}");
            assert_eq!(kept, ["wrong"], "{text}");
        }
    }

    #[test]
    fn harm_stopped_just_in_time_is_relief() {
        for (text, lang) in [
            (
                "The bank spotted a scam email and stopped the payment just in time",
                "en",
            ),
            (
                "Die Bank hat die Betrugs-Überweisung gerade noch gestoppt",
                "de",
            ),
        ] {
            let (aside, _, relief) = undone(text, lang, &[]);
            assert!(!aside.is_empty() && relief, "{text}: {aside:?}");
        }
        // Just in time, nothing stopped; stopped in time, and harm told after it.
        let (aside, _, _) = undone("The cake arrived just in time, a bit squashed", "en", &[]);
        assert!(aside.is_empty(), "{aside:?}");
        let (_, _, relief) = undone(
            "They stopped the scam payment just in time but lost my card details",
            "en",
            &[],
        );
        assert!(!relief);
    }

    #[test]
    fn trouble_the_writer_came_in_with_and_left_without_is_relief() {
        let cases = [
            (
                "Came in with a cracked screen and a bad mood. Walked out with a phone like new.",
                "en",
            ),
            (
                "Llegué con el portátil roto y sin esperanza, y salí con él funcionando",
                "es",
            ),
            (
                "Mit einem kaputten Reißverschluss gekommen, mit einer neuen Jacke gegangen",
                "de",
            ),
        ];
        for (text, lang) in cases {
            let (aside, _, relief) = undone(text, lang, &[]);
            assert!(!aside.is_empty() && relief, "{text}: {aside:?}");
        }
        // Left with something bad, or a bill: nothing is set aside, and no relief.
        for text in [
            "Came in with a sore tooth, left with a sore tooth and a headache",
            "Came in with a cracked screen, walked out with a £200 bill",
        ] {
            let (aside, _, relief) = undone(text, "en", &[]);
            assert!(aside.is_empty() && !relief, "{text}: {aside:?}");
        }
        // Left as it came, in one clause: the cue said again outside stays.
        let (aside, kept, relief) = undone(
            "Sono arrivato con la macchina rotta e sono uscito con la macchina rotta",
            "it",
            &["rotta"],
        );
        assert!(
            aside.is_empty() && !relief && kept == ["rotta"],
            "{aside:?} {kept:?}"
        );
        // No leaving told: nothing is set aside.
        let (aside, _, relief) = undone(
            "Came in with a cracked screen and it is still cracked",
            "en",
            &[],
        );
        assert!(aside.is_empty() && !relief);
    }
}
