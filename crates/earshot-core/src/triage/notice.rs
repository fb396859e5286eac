//! A notice that a place is shut for its works or its holidays: "The bakery is closed all next
//! week for renovation", "cerrado por vacaciones", "wegen Umbau geschlossen", "chiuso per ferie".
//! The word "closed" there is news of the hours, not the writer's grievance at a door found shut
//! ("Closed again at 3pm on a Saturday"). It is set aside, so the learned model reads it as a
//! word of its own, and the lexicon gives it no valence.

use super::text::Analysed;

/// Shut, in the six languages, as tokens are written (lower case, accents kept).
#[rustfmt::skip]
const CLOSED: &[&str] = &[
    "closed", "closes", "closing", "shut", "cerrado", "cerrada", "cerrados", "cierra", "cierran",
    "fermé", "fermée", "fermés", "ferme", "fermeture", "geschlossen", "schließt", "chiuso",
    "chiusa", "chiusi", "chiude", "fechado", "fechada", "fechados", "fecha",
];

/// Works and holidays: why a place shuts through nobody's fault.
#[rustfmt::skip]
const WHY: &[&str] = &[
    "refurbishment", "renovation", "renovations", "refit", "works", "holiday", "holidays",
    "reformas", "obras", "vacaciones", "travaux", "vacances", "congés", "umbau", "renovierung",
    "betriebsferien", "urlaub", "lavori", "ristrutturazione", "ferie", "férias", "remodelação",
];

/// Sets aside each word of [`CLOSED`] that has a word of [`WHY`] within six words of it, in
/// one sentence.
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
        if (from..to).any(|k| WHY.contains(&a.tokens[k].norm.as_str())) {
            a.tokens[i].set_aside();
        }
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
        assert!(aside("Closed at 3pm. The holiday park next door was open", "en").is_empty());
    }
}
