//! A failure days running, or again this week: "the dog walker forgot our dog for the second
//! day running", "zwei Tage hintereinander zu spät". The count says it happened again, not that
//! it went wrong: "Two days in a row we've had your croissants for breakfast" is a regular's
//! praise. So a cue of days running (`service_cues.rs`) stands only beside a word of what went
//! wrong. A call made again and again ("every time I call", `more_cues.rs`) is a chase where
//! something is still so ("the shop still says 'next week'"), and a regular's where staff are
//! lovely each time.

use super::vader;

/// What marks a cue of days running, folded.
#[rustfmt::skip]
const RUNNING: &[&str] = &[
    "running", "in a row", "seguido", "seguidos", "seguidas", "de suite", "in folge",
    "hintereinander", "di fila", "time this week", "time this month", "vez esta semana",
    "vez este mes", "fois cette semaine", "fois ce mois", "mal diese woche", "mal in dieser woche",
    "volta questa settimana", "volta questo mese",
];

/// What went wrong, folded, beside the lexicon's bad words: forgotten, missed, late, closed,
/// not come ("didn't", "no", "kein" negate what happened).
#[rustfmt::skip]
const WENT_WRONG: &[&str] = &[
    "forgot", "forgotten", "missed", "skipped", "salto", "saltaron", "saute", "ausgelassen",
    "saltato", "saltou", "late", "cancelled", "canceled", "closed", "didnt", "not", "no", "never",
    "nobody", "olvido", "olvidaron", "olvidado", "olvidada", "tarde", "retraso", "cancelo",
    "cancelaron", "cancelado", "cancelada", "cerrado", "cerrada", "nadie", "nunca", "oublie",
    "oubliee", "oublies", "retard", "annule", "annulee", "ferme", "fermee", "pas", "personne",
    "jamais", "vergessen", "verspatet", "spat", "abgesagt", "geschlossen", "nicht", "kein", "keine",
    "niemand", "nie", "dimenticato", "dimenticata", "dimenticati", "ritardo", "disdetto",
    "annullato", "annullata", "chiuso", "chiusa", "non", "nessuno", "mai", "esqueceu", "esqueceram",
    "esquecido", "esquecida", "desmarcou", "desmarcaram", "atraso", "atrasado", "atrasada",
    "fechado", "fechada", "nao", "ninguem",
];

/// What marks a cue of a call made again and again ("every time I call", "à chaque appel"),
/// folded: lovely staff may answer each call too.
#[rustfmt::skip]
const CALLING: &[&str] = &[
    "time i call", "time i ring", "time i phone", "que llamo", "que llamamos", "chaque appel",
    "que j'appelle", "jedem anruf", "ich anrufe", "che chiamo", "che telefono", "que ligo",
    "que telefono",
];

/// The complaint cues found, without those of days running where nothing went wrong, nor
/// those of calls made again where nothing went wrong and nothing is "still" so.
pub(super) fn failures_only(cues: impl Iterator<Item = String>, folded: &str) -> Vec<String> {
    let mut cues: Vec<String> = cues.collect();
    let running = |c: &String| RUNNING.iter().any(|r| c.contains(r));
    let calling = |c: &String| CALLING.iter().any(|r| c.contains(r));
    if !cues.iter().any(|c| running(c) || calling(c)) {
        return cues;
    }
    let wrong = went_wrong(folded);
    if !wrong {
        cues.retain(|c| !running(c));
    }
    // "Still" ([`super::words::STILL`], whose unaccented forms a folded post's words match):
    // what the calls did not change ("the shop still says 'next week'").
    if !wrong && !words(folded).any(|w| super::words::STILL.contains(&w)) {
        cues.retain(|c| !calling(c));
    }
    cues
}

/// The words of a folded post.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a folded post has a word of what went wrong ([`WENT_WRONG`], or a bad word of the
/// lexicon).
fn went_wrong(folded: &str) -> bool {
    words(folded).any(|w| WENT_WRONG.contains(&w) || vader::valence(w).is_some_and(|v| v < 0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_running_are_a_complaint_only_beside_what_went_wrong() {
        let cases = [
            (
                "the dog walker forgot our dog for the second day running",
                true,
            ),
            ("the bin men skipped our street two days in a row", true),
            ("der bus kam zwei tage hintereinander nicht", true),
            (
                "two days in a row we've had your croissants for breakfast",
                false,
            ),
            ("zwei tage hintereinander hier gegessen, so lecker", false),
        ];
        for (text, kept) in cases {
            let cue = [
                "two days in a row",
                "second day running",
                "zwei tage hintereinander",
            ]
            .into_iter()
            .find(|c| text.contains(c))
            .unwrap_or_default()
            .to_string();
            let found = failures_only([cue.clone(), "refund".to_string()].into_iter(), text);
            assert_eq!(found.contains(&cue), kept, "{text}");
            assert!(found.contains(&"refund".to_string()), "{text}");
        }
    }
}
