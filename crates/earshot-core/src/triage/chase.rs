//! A chase for news of something stuck since a day: "my tracking has said out for delivery since
//! Monday, is there any news?", "el seguimiento dice «en reparto» desde el lunes, ¿sabéis
//! algo?", "die Sendungsverfolgung zeigt seit Montag …, gibt es etwas Neues?". A day after
//! "since" is no complaint ("open since Monday!"), nor is asking for news ("any news on the
//! summer menu?"); asked together, they are a wait, as a wait with its length is
//! (`waited.rs`). Read on folded text. Earshot's own lists.

use super::cues::Words;

/// "Since", folded.
const SINCE: &[&str] = &["since", "desde", "depuis", "seit", "da", "dal", "dalla"];

/// A day or a week, folded: what "since" counts from.
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "week", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "ayer",
    "semana", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    "semaine", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "gestern", "woche", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "ieri",
    "settimana", "segunda", "terca", "quarta", "quinta", "sexta", "ontem",
];

/// Asking for news, folded.
#[rustfmt::skip]
const NEWS: &[&str] = &[
    "any news", "any update", "any updates", "an update", "sabeis algo", "sabe algo",
    "saben algo", "alguna novedad", "hay novedades", "alguna noticia", "hay noticias",
    "des nouvelles", "du nouveau", "etwas neues", "neuigkeiten", "novita", "aggiornamenti",
    "alguma novidade", "novidades", "alguma noticia",
];

#[path = "that_was.rs"]
pub(super) mod that_was;

/// Where "since" and its day, and the request for news, stand in a folded post that asks (byte
/// ranges): "desde el lunes" and "sabeis algo"; or a promise of speed and the day it is now
/// (`that_was.rs`).
pub(super) fn chased(folded: &str) -> Option<((usize, usize), (usize, usize))> {
    that_was::said(folded).or_else(|| asked(folded))
}

/// [`chased`]'s "since" and request for news.
fn asked(folded: &str) -> Option<((usize, usize), (usize, usize))> {
    if !folded.contains('?') {
        return None;
    }
    let found = Words::new(folded);
    let words = &found.spans;
    let text = |i: usize| found.text(i);
    let is = |i: usize, phrase: &str| found.is(i, phrase);
    // "Since" and its day up to two words on ("desde el lunes", "since last Monday"), looked for
    // first: few posts have one.
    let since = (0..words.len()).find_map(|i| {
        if !SINCE.contains(&text(i)) {
            return None;
        }
        let day = (i + 1..(i + 4).min(words.len())).find(|&k| DAYS.contains(&text(k)))?;
        Some((words[i].0, words[day].1))
    })?;
    // A request for news.
    let news = (0..words.len()).find_map(|i| {
        let phrase = NEWS.iter().find(|p| is(i, p))?;
        Some((words[i].0, words[i + phrase.split(' ').count() - 1].1))
    })?;
    Some((since, news))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Option<String> {
        let f = crate::matcher::fold(text);
        chased(&f).map(|((a, b), (c, d))| format!("{} … {}", &f[a..b], &f[c..d]))
    }

    #[test]
    fn a_day_since_and_a_request_for_news_are_a_chase() {
        let cases = [
            (
                "Hi, my tracking has said out for delivery since Monday, is there any news?",
                Some("since monday … any news"),
            ),
            (
                "Hola, el seguimiento dice \"en reparto\" desde el lunes, ¿sabéis algo?",
                Some("desde el lunes … sabeis algo"),
            ),
            (
                "Hallo, die Sendungsverfolgung zeigt seit Montag \"in Zustellung\", gibt es etwas Neues?",
                Some("seit montag … etwas neues"),
            ),
            (
                "Olá, o rastreio diz \"em distribuição\" desde segunda-feira, há alguma novidade?",
                Some("desde segunda … alguma novidade"),
            ),
            // News asked for alone, a day alone, or no question.
            ("Any news on the summer menu?", None),
            ("Open since Monday, come and see us!", None),
            ("Since Monday we have had no news, and we are fine with it.", None),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text).as_deref(), want, "{text}");
        }
    }
}
