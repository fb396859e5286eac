//! A wait measured in hours, days, weeks or months: "been waiting 3 weeks", "waiting for over an
//! hour", "waiting two days", "tardó tres semanas", "a pris trois semaines", "warte seit 3
//! Wochen", "aspetto da due settimane", "demorou 10 dias", "chegou uma semana depois", "trois
//! semaines que j'attends". "Been waiting for this video!" is excitement, and no cue phrase can
//! list every length; a wait with its length is a complaint.

/// Words that lead a wait: waiting, taking. English "waiting" may be followed by a unit alone
/// ("waiting hours"); the others need a length ("attendu mes commandes" is no wait). "Since"
/// leads none: "cliente depuis 3 mois", "llevo 3 meses en el gimnasio" are no wait. French
/// "pris" and "mis" lead one after "a" or "ont" ("la livraison a pris trois semaines", "elle a
/// mis neuf jours"; not "j'ai pris trois jours de congé"). English "took" and Italian "ci sono
/// voluti" lead one after what the writer did ("paid for express shipping and it took 9 days",
/// "ho pagato la spedizione express e ci sono voluti dieci giorni"; not "it took 3 days to
/// build").
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "waiting", "esperando", "tardo", "j'attends", "tardaron", "tardado", "attends", "attendu",
    "pris", "mis", "warte", "warten", "gedauert", "dauerte", "aspetto", "aspettando", "atteso",
    "messo", "aguardando", "demorou", "demoraram", "took", "voluti", "esperamos", "espere",
    "esperei", "esperaron", "esperaram", "aspettato", "aspettati",
];

/// Words between the lead and the length: "for", "over", "almost", "más de", "plus de"…
#[rustfmt::skip]
const BEFORE_LENGTH: &[&str] = &[
    "for", "over", "almost", "nearly", "about", "like", "more", "than", "literally", "since",
    "mas", "de", "casi", "ya", "plus", "presque", "deja", "uber", "fast", "schon", "piu", "di",
    "quasi", "gia", "da", "mais", "quase", "ja", "me", "ci", "a", "seit", "depuis", "ha",
];

/// A length without digits.
#[rustfmt::skip]
const LENGTH: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "few", "many", "multiple", "half", "un", "una", "dos", "tres", "cuatro", "cinco",
    "seis", "siete", "ocho", "diez", "varias", "varios", "une", "deux", "trois", "quatre", "cinq",
    "sept", "huit", "dix", "plusieurs", "quelques", "ein", "eine", "einer", "zwei", "drei",
    "vier", "funf", "sechs", "sieben", "zehn", "mehrere", "due", "tre", "quattro", "cinque",
    "sei", "sette", "otto", "dieci", "diverse", "diversi", "um", "uma", "dois", "duas", "quatro",
    "sete", "oito", "dez", "vinte", "trinta", "eleven", "twelve", "fifteen", "twenty", "nueve",
    "quince", "veinte", "neuf", "quinze", "vingt", "acht", "neun", "elf", "zwolf", "zwanzig",
    "nove", "quindici", "venti",
];

/// Lengths of days too short for a parcel to be called late after them ("arrived after two
/// days"; "after two weeks" is late).
#[rustfmt::skip]
const SHORT: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "few", "half", "un", "una", "dos", "tres", "cuatro",
    "une", "deux", "trois", "quatre", "ein", "eine", "einer", "zwei", "drei", "vier", "due",
    "tre", "quattro", "um", "uma", "dois", "duas", "quatro", "1", "2", "3", "4",
];

/// Units of a wait that, counted past [`SHORT`], make a parcel late (not hours: "arrived after
/// five hours" is a flight's, not a parcel's); weeks and months whatever the count.
#[rustfmt::skip]
const DAYS: &[&str] = &[
    "day", "days", "dia", "dias", "jour", "jours", "tag", "tage", "tagen", "giorno", "giorni",
];
#[rustfmt::skip]
const WEEKS: &[&str] = &[
    "week", "weeks", "month", "months", "semana", "semanas", "mes", "meses", "semaine",
    "semaines", "mois", "woche", "wochen", "monat", "monate", "monaten", "settimana", "settimane",
    "mese", "mesi",
];

/// Units of a wait.
#[rustfmt::skip]
const UNIT: &[&str] = &[
    "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week",
    "weeks", "month", "months", "minutos", "hora", "horas", "dia", "dias", "semana", "semanas",
    "mes", "meses", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "minuten",
    "stunde", "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten",
    "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane", "mese", "mesi",
];

/// Nothing come of the time gone by: "3 weeks and nothing", "un mes y nada".
#[rustfmt::skip]
const NOTHING: &[&str] = &["nothing", "nada", "rien", "nichts", "niente", "nulla"];

/// Words between the length and "nothing": "and", "still".
#[rustfmt::skip]
const BEFORE_NOTHING: &[&str] = &[
    "and", "still", "y", "todavia", "aun", "et", "toujours", "und", "immer", "noch", "e",
    "ancora", "ainda", "ja",
];

/// Words after "nothing" that still end its clause: "nothing yet", "nada de mi pedido".
#[rustfmt::skip]
const AFTER_NOTHING: &[&str] = &[
    "yet", "from", "back", "de", "du", "von", "dal", "dalla", "del", "do", "da",
];

/// What the writer did and waits on since: ordered, paid, asked, wrote ("pedí", "commandé",
/// "bestellt", "ordinato", "paguei"), folded.
#[rustfmt::skip]
const DONE: &[&str] = &[
    "ordered", "paid", "booked", "asked", "emailed", "called", "wrote", "sent", "returned",
    "requested", "bought", "purchased", "submitted", "reported", "messaged", "contacted",
    "pedi", "compre", "pague", "reserve", "escribi", "llame", "envie", "devolvi", "solicite",
    "encargue", "pedimos", "compramos", "pagamos", "reservamos", "escribimos", "llamamos",
    "commande", "commandee", "paye", "ecrit", "envoye", "demande", "appele", "renvoye",
    "achete", "contacte", "bestellt", "bezahlt", "gebucht", "geschrieben", "angerufen",
    "geschickt", "zuruckgeschickt", "gekauft", "reklamiert", "ordinato", "pagato", "prenotato",
    "scritto", "chiamato", "mandato", "inviato", "comprato", "chiesto", "restituito", "paguei",
    "comprei", "encomendei", "reservei", "escrevi", "liguei", "enviei", "solicitei",
];

/// Words that make a length a time gone by, before it ("hace un mes", "il y a", "vor drei
/// Wochen", "há 15 dias", "faz 15 dias", "it's been", "ça fait", "sono due settimane") or after
/// it ("3 weeks ago", "due settimane fa").
#[rustfmt::skip]
const AGO_BEFORE: &[&str] = &["hace", "a", "vor", "ha", "faz", "been", "fait", "sono", "seit"];
const AGO_AFTER: &[&str] = &["ago", "fa"];

/// A delivery that came, before a length ("arrived a week later", "chegou uma semana depois"),
/// folded. Not "came": "came back two weeks later" is a return.
#[rustfmt::skip]
const ARRIVED: &[&str] = &[
    "arrived", "delivered", "received", "llego", "llegaron", "entregaron", "recibi", "arrive",
    "arrivee", "livre", "livree", "recu", "recue", "kam", "geliefert", "erhalten", "arrivato",
    "arrivata", "consegnato", "consegnata", "ricevuto", "chegou", "chegaram", "entregue",
    "entregaram", "recebi",
];

/// Before a length: after it ("au bout de neuf jours", "nach neun Tagen", "dopo nove giorni"),
/// with the word before "de" where one is needed ("después de", "al cabo de").
const AFTER: &[&str] = &["after", "apres", "nach", "dopo", "passados", "apos"];
const BEFORE_DE: &[&str] = &["bout", "despues", "cabo"];

/// After a length: later than it should have been ("later", "después", "plus tard", "später").
#[rustfmt::skip]
const LATER: &[&str] = &["later", "late", "despues", "tard", "spater", "dopo", "depois"];

/// The words the cue pass looks for (`cues.rs`), group after group.
pub(super) const WORDS: [&[&str]; 7] = [LEADS, NOTHING, DONE, ARRIVED, QUEUE, WITHOUT, UNIT];

/// The byte range of a measured wait in a folded post ("waiting 3 weeks", "3 semanas e nada"),
/// or None, given where the cue pass found [`WORDS`].
pub(super) fn measured_wait(
    folded: &str,
    found: &[(usize, usize, usize)],
) -> Option<(usize, usize)> {
    // Most posts have no lead, "nothing" or deed, or no unit: the cue pass tells, before the
    // words are split.
    let (mut led, mut nothing, mut done, mut arrived, mut after, mut unit) =
        (false, false, false, false, false, false);
    // Where each group's patterns end.
    const ENDS: [usize; 5] = {
        let leads = LEADS.len();
        let nothing = leads + NOTHING.len();
        let done = nothing + DONE.len();
        let arrived = done + ARRIVED.len();
        [
            leads,
            nothing,
            done,
            arrived,
            arrived + QUEUE.len() + WITHOUT.len(),
        ]
    };
    for &(start, end, pattern) in found {
        match pattern {
            p if p < ENDS[0] => led = true,
            p if p < ENDS[1] => nothing = true,
            p if p < ENDS[2] => done = true,
            p if p < ENDS[3] => arrived = true,
            // "line" of "online", "sin" of "since": only whole words.
            p if p < ENDS[4] => after |= whole(folded, start, end),
            _ => unit = true,
        }
    }
    // Every wait has its unit ("weeks", "dias").
    if !(unit && (led || nothing || done || arrived || after)) {
        return None;
    }
    let words = super::cues::word_spans(folded);
    let found = if led {
        led_wait(folded, &words).or_else(|| gedauert(folded, &words))
    } else {
        None
    };
    let found = found.or_else(|| then_nothing(folded, &words));
    let found = if done || led {
        found.or_else(|| done_since(folded, &words))
    } else {
        found
    };
    let found = if arrived {
        found.or_else(|| came_late(folded, &words))
    } else {
        found
    };
    if after {
        found.or_else(|| queued_or_without(folded, &words))
    } else {
        found
    }
}

/// Whether the wait found at `span` is only a time gone by since the writer did something, in a
/// post that praises and finds nothing bad: "I bought it 2 weeks ago and it's great" says how long
/// it has been good. A real wait ("waiting 3 weeks") stays one whatever follows it.
pub(super) fn praised_since(folded: &str, span: (usize, usize), a: &super::text::Analysed) -> bool {
    let words = super::cues::word_spans(folded);
    if done_since(folded, &words) != Some(span) {
        return false;
    }
    let (mut good, mut bad) = (false, false);
    for t in &a.tokens {
        match super::vader::valence_of(t) {
            Some(v) if (v > 0.0) != t.negated => good = true,
            Some(_) => bad = true,
            None => {}
        }
    }
    good && !bad
}

/// Whether `folded[start..end]` is a whole word.
fn whole(folded: &str, start: usize, end: usize) -> bool {
    let b = folded.as_bytes();
    let letter = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    };
    (start == 0 || !letter(start - 1)) && !letter(end)
}

/// A delivery that came a length of time late: "arrived a week later", "chegou uma semana
/// depois", "kam drei Tage später"; or after a long length: "colis reçu au bout de neuf jours",
/// "kam nach drei Wochen" (not "arrived after two days"). The arrival is within three words
/// before the length, or before "after".
fn came_late(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    let word = |i: usize| words.get(i).map(|&(s, e)| &folded[s..e]);
    lengths(folded, words).find_map(|u| {
        let mut from = u - 1;
        let end = if word(u + 1).is_some_and(|w| LATER.contains(&w)) {
            u + 1
        } else {
            let unit = word(u)?;
            let long =
                WEEKS.contains(&unit) || (DAYS.contains(&unit) && !SHORT.contains(&word(from)?));
            from = match from.checked_sub(1).and_then(word) {
                Some(w) if long && AFTER.contains(&w) => from - 1,
                // "después de", "al cabo de", "au bout de" (with its "au").
                Some("de")
                    if long
                        && from > 1
                        && word(from - 2).is_some_and(|w| BEFORE_DE.contains(&w)) =>
                {
                    from - 2 - usize::from(word(from - 2) == Some("bout"))
                }
                _ => return None,
            };
            u
        };
        let arrived = (from.saturating_sub(3)..from)
            .rev()
            .find(|&i| word(i).is_some_and(|w| ARRIVED.contains(&w)))?;
        Some((words[arrived].0, words[end].1))
    })
}

/// Where a length and its unit stand ("3 semanas", "two weeks"): the unit's word index.
fn lengths<'a>(folded: &'a str, words: &'a [(usize, usize)]) -> impl Iterator<Item = usize> + 'a {
    let word = |i: usize| &folded[words[i].0..words[i].1];
    (1..words.len()).filter(move |&u| {
        let length = word(u - 1);
        UNIT.contains(&word(u))
            && (length.bytes().all(|b| b.is_ascii_digit()) || LENGTH.contains(&length))
    })
}

/// Why, folded, as a question opens: "why", "por qué", "pourquoi", "warum", "perché", "porque".
#[rustfmt::skip]
const WHY: &[&str] = &["why", "porque", "pourquoi", "warum", "wieso", "weshalb", "perche"];

/// Taking a length, folded: "does it take", "tarda", "faut-il", "braucht", "ci mette", "demora".
#[rustfmt::skip]
const TAKE: &[&str] = &[
    "take", "takes", "taking", "tarda", "tardan", "tardais", "faut", "prend", "prennent",
    "braucht", "brauchen", "braucht's", "dauert", "mette", "mettono", "demora", "demoram",
];

/// A question why something takes a length ("Why does it take your shop three weeks to order a
/// single part?", "¿Por qué tarda tres semanas?", "Warum braucht euer Laden drei Wochen?"): the
/// wait told as a reproach. From "why" to the length's unit, all before the question mark; or
/// None.
pub(super) fn why_so_long(folded: &str) -> Option<(usize, usize)> {
    if !folded.contains('?') {
        return None;
    }
    let words = super::cues::word_spans(folded);
    let word = |i: usize| &folded[words[i].0..words[i].1];
    let why = (0..words.len()).find(|&i| {
        WHY.contains(&word(i))
            || word(i) == "por" && words.get(i + 1).is_some_and(|_| word(i + 1) == "que")
    })?;
    let asked = folded[words[why].0..].find('?')? + words[why].0;
    let inside = |i: usize| i > why && words[i].1 <= asked;
    let take = (0..words.len()).any(|i| inside(i) && TAKE.contains(&word(i)));
    let unit = lengths(folded, &words).find(|&u| inside(u - 1))?;
    take.then(|| (words[why].0, words[unit].1))
}

/// After a wait's unit: a queue ("duas horas na fila", "an hour in the queue"), the words
/// between first.
const QUEUE: &[&str] = &["fila", "cola", "coda", "queue", "line", "schlange", "file"];
const BEFORE_QUEUE: &[&str] = &["na", "en", "in", "dans", "de", "the", "la", "der", "a"];

/// What the writer has been without, after a length ("llevo tres semanas sin internet", "three
/// weeks without hot water"); not "without a single problem".
const WITHOUT: &[&str] = &["without", "sin", "sans", "ohne", "senza", "sem"];
#[rustfmt::skip]
const TROUBLE: &[&str] = &[
    "problem", "problems", "issue", "issues", "complaint", "complaints", "problema", "problemas",
    "queja", "quejas", "probleme", "problemes", "souci", "soucis", "probleme", "beschwerden",
    "problemi", "reclamacoes", "single", "any", "once", "ever", "rushing", "hurrying",
];

/// A length spent in a queue or without something: the length to the queue, or to "without"
/// and the word after it.
fn queued_or_without(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    let word = |i: usize| words.get(i).map(|&(s, e)| &folded[s..e]);
    lengths(folded, words).find_map(|u| {
        let mut q = u + 1;
        while q < u + 3 && word(q).is_some_and(|w| BEFORE_QUEUE.contains(&w)) {
            q += 1;
        }
        if q > u + 1 && word(q).is_some_and(|w| QUEUE.contains(&w)) {
            return Some((words[u - 1].0, words[q].1));
        }
        let lacking = word(u + 1).is_some_and(|w| WITHOUT.contains(&w))
            && word(u + 2).is_some()
            && !(u + 2..u + 5).any(|i| word(i).is_some_and(|w| TROUBLE.contains(&w)));
        lacking.then(|| (words[u - 1].0, words[u + 2].1))
    })
}

/// A length of time with nothing come of it: "(faz) 3 semanas e nada", "two weeks and still
/// nothing.", "seit 3 Wochen nichts". "Nothing" must end its clause: "3 years and nothing to
/// complain about" is praise, "nada de que quejarse" too.
fn then_nothing(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    let word = |i: usize| words.get(i).map(|&(s, e)| &folded[s..e]);
    lengths(folded, words).find_map(|u| {
        let mut i = u + 1;
        while word(i).is_some_and(|w| BEFORE_NOTHING.contains(&w)) && i < u + 4 {
            i += 1;
        }
        if !word(i).is_some_and(|w| NOTHING.contains(&w)) {
            return None;
        }
        let end = words[i].1;
        let rest = folded[end..].trim_start();
        let clause_ends = match rest.chars().next() {
            None => true,
            Some(c) if !c.is_alphanumeric() => true,
            _ => {
                word(i + 1).is_some_and(|w| AFTER_NOTHING.contains(&w))
                    && !word(i + 2).is_some_and(|w| matches!(w, "que" | "quoi" | "dire" | "fare"))
            }
        };
        clause_ends.then_some((words[u - 1].0, end))
    })
}

/// What the writer did a length of time ago: "ordered 3 weeks ago", "pedí hace un mes", "faz 15
/// dias que paguei", "ça fait trois semaines que j'ai commandé", "vor zwei Wochen bestellt",
/// "ho ordinato due settimane fa". The doing is within four words of the time gone by, either
/// side ("hace un mes que pedí", "paguei faz 15 dias"). Years are no wait ("bought 2 years ago").
fn done_since(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    let word = |i: usize| words.get(i).map(|&(s, e)| &folded[s..e]);
    lengths(folded, words).find_map(|u| {
        // "il y a", "más de", "over": the words between the marker and the length.
        let mut b = u - 1;
        while b > 0 && b + 3 > u && word(b - 1).is_some_and(|w| BEFORE_LENGTH.contains(&w)) {
            if word(b - 1).is_some_and(|w| AGO_BEFORE.contains(&w)) {
                break;
            }
            b -= 1;
        }
        // French "a" only as "il y a" ("paid a 2 day fee" is no time gone by).
        let before = b > 0
            && word(b - 1).is_some_and(|w| AGO_BEFORE.contains(&w))
            && (word(b - 1) != Some("a") || b > 1 && word(b - 2) == Some("y"));
        let after = word(u + 1).is_some_and(|w| AGO_AFTER.contains(&w));
        // The length, "que" and the wait: "trois semaines que j'attends", "due settimane che
        // aspetto" (the wait is found below, as a deed after the time).
        let then_wait = word(u + 1).is_some_and(|w| matches!(w, "que" | "che"))
            && (u + 2..u + 4).any(|i| {
                word(i)
                    .is_some_and(|w| LEADS.contains(&w) && !matches!(w, "pris" | "mis" | "messo"))
            });
        if !(before || after || then_wait) {
            return None;
        }
        let from = if before { b - 1 } else { u - 1 };
        let to = if after { u + 1 } else { u };
        // A deed, or the wait itself after its length ("seit drei Wochen warte ich"; not
        // "pris", "messo": "il y a deux jours j'ai pris un café").
        let done = |i: usize| {
            word(i).is_some_and(|w| {
                DONE.contains(&w) || LEADS.contains(&w) && !matches!(w, "pris" | "mis" | "messo")
            })
        };
        let earlier = (from.saturating_sub(4)..from).rev().find(|&i| done(i));
        let later = (to + 1..to + 5).find(|&i| done(i));
        match (earlier, later) {
            (Some(d), _) => Some((words[d].0, words[to].1)),
            (None, Some(d)) => Some((words[from].0, words[d].1)),
            _ => None,
        }
    })
}

/// A wait after its lead: "waiting 3 weeks", "tardó tres semanas".
fn led_wait(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    words.iter().enumerate().find_map(|(i, &(start, end))| {
        let lead = &folded[start..end];
        let taken = |w: &&(usize, usize)| matches!(&folded[w.0..w.1], "a" | "ont");
        let word_at = |k: usize| &folded[words[k].0..words[k].1];
        let done_before = || {
            words[i.saturating_sub(10)..i]
                .iter()
                .any(|&(s, e)| DONE.contains(&&folded[s..e]))
        };
        if !LEADS.contains(&lead)
            || (matches!(lead, "pris" | "mis") && !words[..i].last().is_some_and(|w| taken(&w)))
            || (lead == "took" && !done_before())
            || (lead == "voluti" && !(i > 1 && word_at(i - 1) == "sono" && done_before()))
        {
            return None;
        }
        let mut counted = lead == "waiting";
        for &(s, e) in words[i + 1..].iter().take(6) {
            let w = &folded[s..e];
            if UNIT.contains(&w) && counted {
                return Some((start, e));
            }
            let length = w.bytes().all(|b| b.is_ascii_digit()) || LENGTH.contains(&w);
            counted |= length;
            if !(length || BEFORE_LENGTH.contains(&w)) {
                return None;
            }
        }
        None
    })
}

/// A wait before its verb, as German says it after what the writer did, as "took" is read:
/// "Expressversand bezahlt, hat neun Tage gedauert" (not "die Reparatur hat zwei Tage gedauert").
fn gedauert(folded: &str, words: &[(usize, usize)]) -> Option<(usize, usize)> {
    let word = |i: usize| &folded[words[i].0..words[i].1];
    (2..words.len()).find_map(|i| {
        let (length, unit) = (word(i - 2), word(i - 1));
        let counted = length.bytes().all(|b| b.is_ascii_digit()) || LENGTH.contains(&length);
        let done = (i.saturating_sub(12)..i - 2).any(|d| DONE.contains(&word(d)));
        (word(i) == "gedauert" && UNIT.contains(&unit) && counted && done)
            .then(|| (words[i - 2].0, words[i].1))
    })
}

#[cfg(test)]
#[path = "waited_tests.rs"]
mod tests;
