//! A notice that a place is shut for its works or its holidays: "The bakery is closed all next
//! week for renovation", "cerrado por vacaciones", "wegen Umbau geschlossen", "chiuso per ferie".
//! The word "closed" there is news of the hours, not the writer's grievance at a door found shut
//! ("Closed again at 3pm on a Saturday"). It is set aside, so the learned model reads it as a
//! word of its own, and the lexicon gives it no valence.
//!
//! And a post that opens as a notice ("Heads up:", "Aviso:", "Hinweis:", "Avviso:") tells the
//! customers something, a road shut or new hours; it is no grievance unless it says one.

use super::reading::{argmax, Reading};
use super::text::Analysed;
use crate::model::{Intent, Sentiment};

/// Shut, in the six languages, as tokens are written (lower case, accents kept).
#[rustfmt::skip]
const CLOSED: &[&str] = &[
    "closed", "closes", "closing", "shut", "cerrado", "cerrada", "cerrados", "cerradas", "cierra",
    "cierran", "fermé", "fermée", "fermés", "fermées", "ferme", "fermeture", "geschlossen",
    "schließt", "chiuso", "chiusa", "chiusi", "chiuse", "chiude", "fechado", "fechada", "fechados",
    "fechadas", "fecha",
];

/// Works and holidays: why a place shuts through nobody's fault.
#[rustfmt::skip]
const WHY: &[&str] = &[
    "refurbishment", "renovation", "renovations", "refit", "works", "holiday", "holidays",
    "reformas", "obras", "vacaciones", "travaux", "vacances", "congés", "umbau", "renovierung",
    "betriebsferien", "urlaub", "lavori", "ristrutturazione", "ferie", "férias", "remodelação",
    "stocktaking", "stocktake", "inventario", "inventaire", "inventur", "inventário",
];

/// Whether "until" and a day or a month (`that_was.rs`, folded) follow word `i` closely in its
/// clause: "closed on Wednesdays until the end of January", "cerradas hasta finales de enero".
/// Not "until further notice", as often shut by sad news ("the owner is in hospital").
fn until_date(a: &Analysed, i: usize) -> bool {
    let n = a.tokens.len();
    let clause = |k: usize| (i..k).all(|j| !a.tokens[j].clause_end);
    let when = |k: usize| {
        let w = crate::matcher::fold(&a.tokens[k].norm);
        let w = w
            .strip_suffix('s')
            .filter(|_| w.ends_with("days"))
            .unwrap_or(&w);
        super::chase::that_was::WHEN.contains(&w)
    };
    (i + 1..n.min(i + 7)).any(|u| {
        super::words::UNTIL.contains(&a.tokens[u].norm.as_str())
            && clause(u)
            && (u + 1..n.min(u + 6)).any(|k| clause(k) && when(k))
    })
}

/// Sets aside each word of [`CLOSED`] that has a word of [`WHY`] within six words of it, in
/// one sentence, or a date it is shut until ([`until_date`]).
pub(super) fn closed_for_works(a: &mut Analysed) {
    let n = a.tokens.len();
    for i in 0..n {
        if !CLOSED.contains(&a.tokens[i].norm.as_str()) {
            continue;
        }
        let from = (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| a.tokens[k].clause_end)
            .map_or(i.saturating_sub(6), |k| k + 1);
        let to = (i..n.min(i + 7))
            .find(|&k| a.tokens[k].clause_end)
            .map_or(n.min(i + 7), |k| k + 1);
        if (from..to).any(|k| WHY.contains(&a.tokens[k].norm.as_str())) || until_date(a, i) {
            a.tokens[i].set_aside();
        }
    }
}

/// A public holiday, as tokens are written; English "holiday" only after "bank" or "public".
#[rustfmt::skip]
const HOLIDAY: &[&str] = &[
    "festivo", "festivos", "férié", "fériés", "feiertag", "feiertags", "feiertage", "feiertagen",
    "feriado", "feriados", "festività",
];

/// What gives the holiday as the cause of a change, a few words before it: "because of the bank
/// holiday", "por el festivo", "à cause du jour férié", "wegen des Feiertags", "per via del
/// giorno festivo", "por causa do feriado".
const CAUSE: &[&str] = &[
    "because", "due", "owing", "por", "cause", "wegen", "via", "causa",
];

/// Sets aside a public holiday given as the cause of a change ("Bins will be collected a day
/// later next week because of the bank holiday"): news of the hours, as [`closed_for_works`]'s,
/// not a day off the writer looks forward to.
pub(super) fn holiday_cause(a: &mut Analysed) {
    let n = a.tokens.len();
    for i in 0..n {
        let w = a.tokens[i].norm.as_str();
        let bank = i > 0 && matches!(a.tokens[i - 1].norm.as_str(), "bank" | "public");
        if !(HOLIDAY.contains(&w) || bank && matches!(w, "holiday" | "holidays")) {
            continue;
        }
        let caused = (i.saturating_sub(5)..i)
            .rev()
            .take_while(|&k| !a.tokens[k].clause_end)
            .any(|k| CAUSE.contains(&a.tokens[k].norm.as_str()));
        if caused {
            a.tokens[i].set_aside();
            if bank {
                a.tokens[i - 1].set_aside();
            }
        }
    }
}

/// Moved to a new address: "has moved to 14 Church Lane", "se ha mudado a", "a déménagé au",
/// "ist … umgezogen", "si è trasferita in", "mudou-se para" (as tokens are written). Not "moved
/// my appointment", "mudou o código" (changed): English needs "to" right after, Portuguese "se",
/// and Spanish and Italian "se" or "si" two words before ("se ha mudado", "si è trasferita").
fn moved(tokens: &[super::text::Token]) -> bool {
    let at = |i: usize, w: &str| tokens.get(i).is_some_and(|t| t.norm == w);
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| match t.norm.as_str() {
            "déménagé" | "umgezogen" | "déménageons" | "mudámos" => true,
            "moved" => {
                at(i + 1, "to")
                    || i > 1 && (at(i - 1, "weve") || at(i - 2, "we") && at(i - 1, "have"))
            }
            "déménage" => i > 0 && at(i - 1, "on"),
            "mudamos" => i > 0 && at(i - 1, "nos"),
            "mudou" | "mudaram" => at(i + 1, "se"),
            "mudado" | "trasladado" => i > 1 && at(i - 2, "se"),
            "trasferito" | "trasferita" | "trasferiti" => {
                i > 1 && (at(i - 2, "si") || at(i - 2, "ci"))
            }
            _ => false,
        })
}

/// Kept for some ("for hotel guests only", "reservado a", "réservé aux", "nur für", "riservato
/// agli", "só para"), as tokens are written.
#[rustfmt::skip]
const ONLY: &[&str] = &[
    "only", "reserved", "reservado", "reservada", "reservados", "reservadas", "solo", "sólo",
    "réservé", "réservée", "réservés", "réservées", "nur", "riservato", "riservata", "riservati",
    "riservate", "só", "apenas", "exclusivamente",
];

/// Others may use something else: "can use", "pueden usar", "peuvent utiliser", "können …
/// nutzen", "può usare", "podem usar" (the modal, then the verb within a few words).
#[rustfmt::skip]
const MAY: &[&str] = &[
    "can", "may", "puede", "pueden", "podéis", "peut", "peuvent", "pouvez", "kann", "können",
    "könnt", "può", "possono", "potete", "pode", "podem",
];
#[rustfmt::skip]
const USE: &[&str] = &[
    "use", "usar", "utilizar", "utiliser", "nutzen", "benutzen", "usare", "utilizzare",
];

/// Something kept for some, and what the others may use instead ("Parking at the back is for
/// hotel guests only; day visitors can use the council car park"): a rule of the house told.
fn kept_for(tokens: &[super::text::Token]) -> bool {
    // Every post passes here: one lookup of the modal words first.
    static MODAL: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let modal = MODAL.get_or_init(|| MAY.iter().copied().collect());
    let is = |i: usize, list: &[&str]| list.contains(&tokens[i].norm.as_str());
    let n = tokens.len();
    let may = |i: usize| modal.contains(tokens[i].norm.as_str());
    (0..n).any(|i| may(i) && (i + 1..n.min(i + 8)).any(|k| is(k, USE)))
        && (0..n).any(|i| is(i, ONLY))
}

/// What opens a notice, as tokens are folded: "Heads up:", "FYI:", "Aviso:", "Info :",
/// "Hinweis:", "Avviso:". Not a warning ("Achtung:", "Atención:"), which is as often one
/// customer warning others off.
#[rustfmt::skip]
const HEADS_UP: &[&[&str]] = &[
    &["heads", "up"], &["psa"], &["fyi"], &["notice"], &["reminder"], &["aviso"],
    &["recordatorio"], &["info"], &["infos"], &["rappel"], &["hinweis"], &["avviso"],
    &["promemoria"], &["lembrete"],
];

/// A notice ([`HEADS_UP`] and a colon or comma), or a post that tells of a place shut for its
/// works or until a date ([`closed_for_works`]), moved ([`moved`]), a change for a holiday
/// ([`holiday_cause`]) or something kept for some ([`kept_for`]), read as a complaint or as
/// negative from its topic words alone ("Avviso: la strada … è chiusa per un mese per i
/// lavori": "complaint: 'davanti'"; "Les halles sont fermées pour travaux jusqu'en mars":
/// "gare" of the tweets about strikes), with no complaint cue, no bad word, nothing grave,
/// abusive or sarcastic: read as plain news. Any other reading as it was.
pub(super) fn heads_up(r: Reading) -> Reading {
    let tokens = &r.analysed.tokens;
    let first: Vec<String> = tokens
        .iter()
        .take(2)
        .map(|t| crate::matcher::fold(&t.norm))
        .collect();
    let opens = HEADS_UP.iter().any(|words| {
        words.len() < tokens.len()
            && words.iter().zip(&first).all(|(w, t)| t == w)
            && tokens[words.len() - 1].clause_end
    }) || tokens.iter().any(|t| {
        let w = t.norm.as_str();
        t.aside && (CLOSED.contains(&w) || HOLIDAY.contains(&w) || w.starts_with("holiday"))
    }) || moved(tokens)
        || kept_for(tokens);
    // Most posts are no notice and stop here, before their words are looked up.
    if !opens || r.mood == Sentiment::Positive {
        return r;
    }
    let plain = r.complaint_cues.is_empty()
        && r.grave.is_empty()
        && r.sarcasm.is_empty()
        && !r.abusive
        && !tokens.iter().any(super::put_right::bad);
    if !plain {
        return r;
    }
    let mut probs = r.probs;
    let best = argmax(&probs);
    probs.swap(best, 1);
    let intent = if !r.lead_cues.is_empty() {
        Intent::Lead
    } else if !r.help_cues.is_empty() || r.analysed.questions > 0 {
        Intent::Question
    } else {
        Intent::Other
    };
    Reading {
        probs,
        mood: Sentiment::Neutral,
        intent,
        complaint: false,
        needs_reply: intent != Intent::Other,
        complaint_words: Vec::new(),
        drivers: Vec::new(),
        ..r
    }
}

#[cfg(test)]
mod tests {
    use crate::triage::text::aside_words as aside;

    #[test]
    fn shut_for_works_or_holidays_is_news_and_a_door_found_shut_is_not() {
        assert_eq!(
            aside("Closed for two weeks for renovation", "en"),
            ["closed"]
        );
        assert_eq!(
            aside("La pastelería está cerrada por vacaciones", "es"),
            ["cerrada"]
        );
        assert_eq!(
            aside("Wegen Umbau bis Montag geschlossen", "de"),
            ["geschlossen"]
        );
        assert!(aside("Closed again at 3pm on a Saturday", "en").is_empty());
        assert_eq!(
            aside("Las pistas están cerradas hasta finales de enero", "es"),
            ["cerradas"]
        );
        assert_eq!(aside("Fermé lundi pour inventaire", "fr"), ["fermé"]);
        // "jusqu'" is kept as a word of its own by the tokenizer.
        assert_eq!(
            aside("La piscine est fermée jusqu'en mars", "fr"),
            ["fermée"]
        );
        assert!(aside(
            "Closed until further notice, the owner is in hospital",
            "en"
        )
        .is_empty());
        assert!(aside("Closed at 3pm. The holiday park next door was open", "en").is_empty());
    }

    #[test]
    fn a_place_moved_is_told_and_a_thing_moved_or_changed_is_not() {
        use crate::triage::text::analyse_in;
        let moved = |text: &str, lang: &str| super::moved(&analyse_in(text, Some(lang)).tokens);
        assert!(moved("The dog groomer has moved to 14 Church Lane", "en"));
        assert!(moved("La tienda se ha trasladado a la plaza", "es"));
        assert!(moved("Der Hofladen ist in die Scheune umgezogen", "de"));
        assert!(moved("A loja mudou-se para a Rua Nova", "pt"));
        assert!(moved("We've moved to the old post office", "en"));
        assert!(moved("On déménage au 5 rue Haute", "fr"));
        assert!(moved("Mudámos para a Rua Nova", "pt"));
        assert!(moved("Ci siamo trasferiti in via Roma", "it"));
        assert!(!moved("We moved the party to Friday and nobody came", "en"));
        assert!(!moved("You have moved my booking again", "en"));
        assert!(!moved("They moved my appointment three times", "en"));
        assert!(!moved(
            "A empresa mudou o código do portão sem avisar",
            "pt"
        ));
        assert!(!moved("Me han trasladado la cita al martes", "es"));
    }

    #[test]
    fn something_kept_for_some_with_what_others_may_use_is_told() {
        use crate::triage::text::analyse_in;
        let kept = |text: &str, lang: &str| super::kept_for(&analyse_in(text, Some(lang)).tokens);
        assert!(kept(
            "The sauna is for members only; guests can use the steam room",
            "en"
        ));
        assert!(kept(
            "Der Hof ist nur für Anwohner, Gäste können den Parkplatz nutzen",
            "de"
        ));
        assert!(!kept("Members only, and nobody told us", "en"));
        assert!(!kept("You can use the voucher any day", "en"));
    }

    #[test]
    fn a_notice_is_news_unless_it_tells_a_grievance() {
        use crate::triage::reading::read;
        // Each read as a complaint from its topic words before ("complaint: 'davanti'").
        for text in [
            "Avviso: il parcheggio davanti al mercato è chiuso per tre settimane per il cantiere",
            "Hinweis: Die Brücke zum Hofladen ist zwei Wochen gesperrt, bitte übers Dorf fahren.",
            "Aviso: a rua da farmácia está cortada esta semana, o acesso é pela praça.",
        ] {
            let news = read(text);
            assert!(!news.complaint, "{text}: {news:?}");
            assert_eq!(news.mood, crate::model::Sentiment::Neutral, "{text}");
        }
        for grievance in [
            "Heads up: the shop charged me twice and nobody answers the phone",
            "Aviso: llevo tres semanas esperando mi reembolso",
        ] {
            assert!(read(grievance).complaint, "{grievance}");
        }
    }
}
