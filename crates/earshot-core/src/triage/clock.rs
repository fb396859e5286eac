//! A wait told by the clock: "Ordered at 7, the food came at 8:15", "Pedimos a las 7 y la comida
//! llegó a las 8 y cuarto", "Commandé à 19 h, les plats sont arrivés à 20 h 15", "Ordinato alle
//! 19, il cibo è arrivato alle 20:15". No word of complaint is in them; the two times are. Read on
//! folded text (`matcher::fold`), in each modelled language. Earshot's own lists.

use super::cues::word_spans;

/// What the customer did at the first time: ordered, booked, arrived. Folded.
#[rustfmt::skip]
const ASKED: &[&str] = &[
    "ordered", "booked", "arrived", "pedimos", "pedi", "reservamos", "reserve", "llegamos",
    "commande", "commandee", "commandes", "arrives", "bestellt", "gebucht", "reserviert",
    "angekommen", "ordinato", "ordinata", "ordinati", "prenotato", "prenotata", "arrivati",
    "encomendei", "encomendamos", "reservei", "chegamos",
];

/// An appointment, which stands for the first deed as [`ASKED`] does, and further from its
/// time: "tenía cita a las 2", "rendez-vous à 14 h", "Termin um 14 Uhr". Folded.
#[rustfmt::skip]
const APPOINTMENT: &[&str] = &[
    "appointment", "cita", "rendez", "termin", "appuntamento", "l'appuntamento", "marcacao",
];

/// What the business did at the second time: came, served, seated, delivered. Folded.
#[rustfmt::skip]
const CAME: &[&str] = &[
    "came", "arrived", "served", "seated", "delivered", "turned", "showed", "llego", "llegaron",
    "sirvieron", "trajeron", "sentaron", "entregaron", "arrive", "arrivee", "arrives",
    "arrivees", "servi", "servis", "livre", "livree", "kam", "kamen", "serviert", "gebracht",
    "geliefert", "arrivato", "arrivata", "arrivati", "servito", "serviti", "portato",
    "consegnato", "chegou", "chegaram", "serviram", "trouxeram", "entregaram",
    // Seen at an appointment: "no me atendieron hasta las 3", "on ne m'a prise qu'à 14 h 45".
    "seen", "atendieron", "atendio", "pris", "prise", "dran", "presa", "preso", "atenderam",
    "atendeu",
];

/// Words right before a time: "at", "a las", "à", "um", "alle", "às", "for" (booked for 8),
/// "until" (not seated until 8:30).
#[rustfmt::skip]
const AT: &[&str] = &[
    "at", "for", "around", "las", "la", "a", "um", "gegen", "alle", "all'", "le", "per", "as",
    "pour", "vers", "para", "fur", "until", "till", "hasta", "jusqu'a", "bis", "ate",
    "qu'a",
];

/// Quarters and halves after an hour: "8 y cuarto", "8 et demie", "8 e mezza", "8 e meia".
#[rustfmt::skip]
const PAST_HOUR: &[(&str, u32)] = &[
    ("cuarto", 15), ("media", 30), ("quart", 15), ("demie", 30), ("quarto", 15), ("mezza", 30),
    ("meia", 30),
];

/// Words after a number that make it a count, not an hour: "booked for 4 people", "for 2 hours".
#[rustfmt::skip]
const COUNTED: &[&str] = &[
    "people", "guests", "persons", "adults", "kids", "children", "pax", "nights", "hours",
    "minutes", "days", "weeks", "personas", "comensales", "noches", "horas", "minutos", "dias",
    "personnes", "couverts", "nuits", "heures", "jours", "personen", "leute", "nachte",
    "stunden", "minuten", "tage", "persone", "notti", "ore", "minuti", "giorni", "pessoas",
    "noites", "semanas", "semaines", "wochen", "settimane",
];

/// The least wait, in minutes, that the clock makes a complaint of.
const LATE_MINUTES: u32 = 45;

/// How many words the verb may stand before its time ("ordered at 7", "pedimos a las 7"), or
/// after it ("um 19 Uhr bestellt").
const NEAR: usize = 4;

/// Where the first deed and its time, and the second deed and its later time, stand in a
/// folded post (byte ranges), when the second is at least [`LATE_MINUTES`] after the first.
pub(super) fn late(folded: &str) -> Option<((usize, usize), (usize, usize))> {
    // Two times need two runs of digits; most posts have none.
    let runs = folded
        .as_bytes()
        .windows(2)
        .filter(|w| w[1].is_ascii_digit() && !w[0].is_ascii_digit())
        .count()
        + usize::from(folded.starts_with(|c: char| c.is_ascii_digit()));
    if runs < 2 {
        return None;
    }
    let words = word_spans(folded);
    let word = |i: usize| words.get(i).map_or("", |&(s, e)| &folded[s..e]);
    let times: Vec<(usize, usize, u32)> = (1..words.len())
        .filter(|&i| AT.contains(&word(i - 1)))
        .filter_map(|i| time_at(folded, &words, i).map(|(end, minutes)| (i, end, minutes)))
        .collect();
    // The deed's words, and words that may stand further before its time ("marcação para a
    // pedicure às 14h").
    let deed = |list: &[&str], far: &[&str], start: usize, end: usize| {
        let before = (start.saturating_sub(NEAR + 3)..start).find(|&k| {
            let w = word(k);
            far.contains(&w) || (start - k <= NEAR && list.contains(&w))
        });
        let after = (end + 1..=end + NEAR).find(|&k| {
            let w = word(k);
            list.contains(&w) || far.contains(&w)
        });
        before.map(|k| (k, end)).or(after.map(|k| (start - 1, k)))
    };
    for (n, &(s1, e1, t1)) in times.iter().enumerate() {
        let Some((a, b)) = deed(ASKED, APPOINTMENT, s1, e1) else {
            continue;
        };
        for &(s2, e2, t2) in &times[n + 1..] {
            let Some((c, d)) = deed(CAME, &[], s2, e2) else {
                continue;
            };
            // "Ordered at 11, came at 1": the afternoon.
            let t2 = if t2 < t1 && t1 < 12 * 60 {
                t2 + 12 * 60
            } else {
                t2
            };
            if c > b && t2 >= t1 + LATE_MINUTES && t2 - t1 <= 12 * 60 {
                let a = a.min(s1 - 1);
                return Some(((words[a].0, words[b].1), (words[c].0, words[d].1)));
            }
        }
    }
    None
}

/// The time of day starting at word `i`, as the index of its last word and minutes after
/// midnight: "7", "8:15", "8.15", "19h", "20h15", "20 h 15", "19 uhr", "7pm", "8 y cuarto".
fn time_at(folded: &str, words: &[(usize, usize)], i: usize) -> Option<(usize, u32)> {
    let word = |k: usize| words.get(k).map(|&(s, e)| &folded[s..e]);
    let w = word(i)?;
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let hour: u32 = w[..digits].parse().ok()?;
    let rest = &w[digits..];
    let minutes = |m: &str| {
        (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
            .then(|| m.parse::<u32>().ok())
            .flatten()
            .filter(|m| *m < 60)
    };
    let (end, hour, minute) = match rest {
        "" => {
            // What stands between this word and the next: ":" or "." before minutes.
            let gap = words
                .get(i + 1)
                .map(|&(s, _)| &folded[words[i].1..s])
                .unwrap_or("");
            match word(i + 1) {
                Some(m) if (gap == ":" || gap == ".") && minutes(m).is_some() => {
                    (i + 1, hour, minutes(m)?)
                }
                Some("h") => match word(i + 2).and_then(minutes) {
                    Some(m) => (i + 2, hour, m),
                    None => (i + 1, hour, 0),
                },
                Some("uhr" | "am") => (i + 1, hour, 0),
                Some("pm") if hour < 12 => (i + 1, hour + 12, 0),
                Some(c) if COUNTED.contains(&c) => return None,
                Some("y" | "et" | "e") => {
                    match word(i + 2).and_then(|q| PAST_HOUR.iter().find(|(p, _)| *p == q)) {
                        Some((_, m)) => (i + 2, hour, *m),
                        None => (i, hour, 0),
                    }
                }
                _ => (i, hour, 0),
            }
        }
        "h" | "uhr" | "am" => (i, hour, 0),
        "pm" if hour < 12 => (i, hour + 12, 0),
        r => (i, hour, minutes(r.strip_prefix('h')?)?),
    };
    (hour <= 24).then_some((end, hour * 60 + minute))
}

#[cfg(test)]
mod tests {
    use super::late;

    fn quoted(text: &str) -> Option<String> {
        let folded = crate::matcher::fold(text);
        late(&folded).map(|((a, b), (c, d))| format!("{} … {}", &folded[a..b], &folded[c..d]))
    }

    #[test]
    fn a_wait_told_by_the_clock() {
        assert_eq!(
            quoted("Ordered at 7, the food came at 8:15").as_deref(),
            Some("ordered at 7 … came at 8:15")
        );
        assert_eq!(
            quoted("Pedimos a las 7 y la comida llegó a las 8 y cuarto").as_deref(),
            Some("pedimos a las 7 … llego a las 8 y cuarto")
        );
        assert_eq!(
            quoted("Commandé à 19 h, les plats sont arrivés à 20 h 15").as_deref(),
            Some("commande a 19 h … arrives a 20 h 15")
        );
        assert_eq!(
            quoted("Um 19 Uhr bestellt, das Essen kam um 20.30").as_deref(),
            Some("um 19 uhr bestellt … kam um 20.30")
        );
        assert_eq!(
            quoted("Ordinato alle 19, il cibo è arrivato alle 20:15").as_deref(),
            Some("ordinato alle 19 … arrivato alle 20:15")
        );
        assert_eq!(
            quoted("Pedimos às 19h e a comida chegou às 20h15").as_deref(),
            Some("pedimos as 19h … chegou as 20h15")
        );
        assert_eq!(
            quoted("We arrived at 7 and weren't seated until 8:30").as_deref(),
            Some("arrived at 7 … seated until 8:30")
        );
        assert_eq!(
            quoted("Booked for 11, seated at 1pm").as_deref(),
            Some("booked for 11 … seated at 1pm")
        );
    }

    #[test]
    fn a_short_wait_or_no_deeds_is_none() {
        // Twenty minutes is service, not a wait.
        assert_eq!(quoted("Ordered at 7, the food came at 7:20"), None);
        // Times without the deeds: opening hours.
        assert_eq!(quoted("Open from 9 to 17 at the weekend"), None);
        assert_eq!(quoted("We open at 9 and close at 17"), None);
        // The first deed after the second: no order of events.
        assert_eq!(quoted("Came at 9, ordered at 10"), None);
        // Counts, not times.
        assert_eq!(quoted("Ordered 2 pizzas, 3 came"), None);
        assert_eq!(quoted("Booked for 4 people, the food came at 9"), None);
        assert_eq!(quoted("Booked for 2 nights, arrived at 10"), None);
    }
}
