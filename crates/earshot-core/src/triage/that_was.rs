//! A promise of speed, and the day it is now: "You promised a call back within the hour. That
//! was on Tuesday.", "Dropped my boots off on Monday for your 'while you wait' heel service.
//! It's Friday.", "Vous m'aviez promis un rappel dans l'heure. C'était mardi." The last sentence
//! names only a day; beside the promise, or another day, it tells how long the writer has
//! waited, as a wait with its length does (`waited.rs`). Read on folded text. Earshot's own
//! lists.

use super::super::cues::Words;

/// How the last sentence opens: "that was", "it's", "today is", in each language, folded.
#[rustfmt::skip]
const NOW: &[&str] = &[
    "that was", "it's", "its", "it is", "today is", "now it's", "eso fue", "fue el", "hoy es",
    "ya es", "estamos a", "c'etait", "on est", "nous sommes", "das war", "heute ist", "jetzt ist",
    "era", "e stato", "oggi e", "siamo a", "isso foi", "foi na", "foi no", "hoje e", "ja e",
    "estamos na",
];

/// The days and months the last sentence may name, folded.
#[rustfmt::skip]
pub(in crate::triage) const WHEN: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
    "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
    "sabato", "domenica", "segunda", "terca", "quarta", "quinta", "sexta", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "enero", "febrero", "marzo", "abril", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout",
    "septembre", "octobre", "novembre", "decembre", "januar", "februar", "marz", "juni", "juli",
    "oktober", "dezember", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio",
    "settembre", "ottobre", "dicembre", "janeiro", "fevereiro", "marco", "maio", "junho", "julho",
    "setembro", "outubro", "novembro", "dezembro",
];

/// A promise, or a speed sold, before it, folded.
#[rustfmt::skip]
const PROMISED: &[&str] = &[
    "promised", "promise", "prometisteis", "prometieron", "prometio", "promis",
    "versprochen", "promesso", "prometeram", "prometeu", "within the hour", "same day",
    "same-day", "next-day", "next day", "24 hours", "24 horas", "24 heures", "24 ore", "24h",
    "while you wait", "en el momento", "minute", "sofort", "in giornata", "na hora", "express",
    "urgente", "dans l'heure", "innerhalb einer stunde", "entro un'ora", "dentro de uma hora",
    "en menos de una hora",
];

/// Where the promise (or the first day named) and the last sentence stand in a folded post
/// (byte ranges), when its last sentence names only the day it is or was.
pub(in crate::triage) fn said(folded: &str) -> Option<((usize, usize), (usize, usize))> {
    let body = folded.trim_end_matches(|c: char| !c.is_alphanumeric());
    let last_start = body.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    // Most posts stop here: their last sentence opens no "that was", "it's", "hoy es".
    let opening = body[last_start..].trim_start();
    if !NOW.iter().any(|p| opening.starts_with(p)) {
        return None;
    }
    let found = Words::new(folded);
    let words = &found.spans;
    let last: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].0 >= last_start)
        .collect();
    let first = *last.first()?;
    if first == 0 || last.len() > 5 {
        return None;
    }
    let text = |i: usize| found.text(i);
    let is = |i: usize, phrase: &str| found.is(i, phrase);
    NOW.iter().find(|p| is(first, p))?;
    let day = last.iter().copied().find(|&i| WHEN.contains(&text(i)))?;
    let before = 0..first;
    let promise = before.clone().find_map(|i| {
        let p = PROMISED.iter().find(|p| is(i, p))?;
        Some((words[i].0, words[i + p.split(' ').count() - 1].1))
    });
    let other_day = || {
        let d = before
            .clone()
            .find(|&i| WHEN.contains(&text(i)) && text(i) != text(day))?;
        Some(words[d])
    };
    let span = promise.or_else(other_day)?;
    Some((span, (words[first].0, words[*last.last()?].1)))
}

#[cfg(test)]
mod tests {
    use super::said;

    fn quoted(text: &str) -> Option<String> {
        let f = crate::matcher::fold(text);
        said(&f).map(|((a, b), (c, d))| format!("{} … {}", &f[a..b], &f[c..d]))
    }

    #[test]
    fn a_promise_then_only_the_day_it_is_is_a_wait() {
        let cases = [
            (
                "You promised a call back within the hour. That was on Tuesday.",
                Some("promised … that was on tuesday"),
            ),
            (
                "Abgegeben am Montag. Heute ist Freitag.",
                Some("montag … heute ist freitag"),
            ),
            ("It's Friday!", None),
            ("Lovely week with you all. It's Friday!", None),
            (
                "Same-day service, as promised. It's Friday, so cake all round!",
                None,
            ),
            ("We open again on Monday. It's our first week back.", None),
        ];
        for (post, want) in cases {
            assert_eq!(quoted(post).as_deref(), want, "{post}");
        }
    }
}
