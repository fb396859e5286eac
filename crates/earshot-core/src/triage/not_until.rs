//! Negations that deny nothing. One tells what a dish is made without: "¿Tenéis masa sin
//! gluten?". One tells a time: "our train isn't until 4", "no sale hasta las 4", "non parte fino
//! alle 16"; so does the "not" after "until" that Italian and Spanish put in ("finché non ha
//! capito", "hasta que no llegó"). French "ne … que" restricts: "notre train n'est qu'à 16 h", "il
//! n'y a que deux serveurs". Read as negations, the learned model took them for a bad word
//! ("negative tone"), and the complaint model took the post for a complaint.

use super::text::{Role, Token};
use super::words::UNTIL;

/// What a timetable says between a negation and its end of time: a departure, an opening.
#[rustfmt::skip]
const TIMETABLE: &[&str] = &[
    "leave", "leaves", "go", "goes", "start", "starts", "open", "opens", "depart", "departs",
    "sale", "salen", "empieza", "empiezan", "abre", "abren", "parte", "partono", "inizia",
    "iniziano", "apre", "aprono",
];

/// Without, before what a dish is made without: "sin gluten", "sans lactose", "senza glutine".
const WITHOUT: &[&str] = &["sin", "sans", "senza", "sem", "ohne"];

/// What a dish is made without, as tokens are written.
#[rustfmt::skip]
const LEFT_OUT: &[&str] = &[
    "gluten", "glutine", "glúten", "lactosa", "lactose", "lattosio", "laktose", "azúcar", "sucre",
    "zucchero", "açúcar", "zucker", "huevo", "oeuf", "œuf", "uova", "ovo", "frutos", "noix",
    "nüsse", "frutta", "carne", "viande", "fleisch", "alcohol", "alcool", "alkohol", "álcool",
];

/// Who a "non-" leaves out, as tokens are written: "los no socios", "i non residenti", "os não
/// sócios" name a group of people, and deny nothing.
#[rustfmt::skip]
const NON_MEMBERS: &[&str] = &[
    "socios", "socio", "socias", "miembros", "residentes", "clientes", "fumadores", "abonados",
    "soci", "socie", "membri", "residenti", "clienti", "fumatori", "iscritti", "abbonati",
    "sócios", "sócias", "membros", "assinantes", "membres", "adhérents", "résidents",
];

/// French words that complete "ne" as a negation ("ne … pas"). One of them between "ne" and
/// "que" makes "que" the start of a clause ("je ne pense pas que").
#[rustfmt::skip]
const FR_NEGATIONS: &[&str] = &[
    "pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère", "point", "ni",
];

/// Makes plain, and sets aside as a word of its own (the learned model reads "no" as a bad
/// word), each negation followed by a word of [`UNTIL`] within three words of its clause, with
/// nothing between them but a word of [`TIMETABLE`]; each right after "finché" or "hasta que";
/// each before what a dish is made without or a group it leaves out ([`NON_MEMBERS`]); in
/// French, each "ne" that a "que" follows ([`restricts`]).
pub(super) fn unnegate(tokens: &mut [Token], lang: Option<&str>) {
    let n = tokens.len();
    for i in 0..n {
        if tokens[i].role != Role::Negation {
            continue;
        }
        // "Isn't until 4", "doesn't leave until 4": a timetable. Not "wasn't ready till 8",
        // "didn't arrive until 9", a delay.
        let until = (i + 1..n.min(i + 4))
            .take_while(|&k| !tokens[k - 1].clause_end)
            .find(|&k| UNTIL.contains(&tokens[k].norm.as_str()))
            .is_some_and(|k| (i + 1..k).all(|b| TIMETABLE.contains(&tokens[b].norm.as_str())));
        // "¿Tenéis masa sin gluten?": what is left out, which denies nothing bad.
        let next = |list: &[&str]| {
            tokens
                .get(i + 1)
                .is_some_and(|t| list.contains(&t.norm.as_str()))
        };
        let left_out = WITHOUT.contains(&tokens[i].norm.as_str()) && next(LEFT_OUT)
            || matches!(tokens[i].norm.as_str(), "no" | "non" | "não" | "nao") && next(NON_MEMBERS);
        // "Finché non ha capito", "hasta que no llegó": until, whose "not" denies nothing.
        let expletive = i > 0 && matches!(tokens[i - 1].norm.as_str(), "finché" | "finche")
            || i > 1 && tokens[i - 2].norm == "hasta" && tokens[i - 1].norm == "que";
        if until || left_out || expletive {
            tokens[i].role = Role::Plain;
            tokens[i].set_aside();
        }
    }
    if lang == Some("fr") {
        for k in 1..n {
            if tokens[k].norm == "que" {
                let (before, after) = tokens.split_at_mut(k);
                restricts(before, after.get(1).map_or("", |t| t.norm.as_str()));
            }
        }
    }
}

/// What follows "ne … que" when it tells a shortfall, which is a complaint's: "vous n'êtes
/// venus qu'une fois", "je n'ai reçu que la moitié".
#[rustfmt::skip]
const COUNTS: &[&str] = &[
    "un", "une", "deux", "trois", "quatre", "cinq", "moitié", "moitie", "partie", "seul", "seule",
    "la",
];

/// The writer's own buying right before "que": "je n'ai acheté qu'une bougie" is how little the
/// writer bought, no shortfall of the business's.
const BOUGHT: &[&str] = &["acheté", "commandé", "pris", "demandé", "dépensé", "payé"];

/// For a French "que" or "qu'" after `tokens`, with `next` the word after it (in any case):
/// makes plain, and sets aside, a "ne" among the three words before it in its clause, with no
/// word that completes a negation between them. Not before a count ("n'êtes venus qu'une fois"),
/// unless the writer's buying is counted ([`BOUGHT`]).
pub(super) fn restricts(tokens: &mut [Token], next: &str) {
    let n = tokens.len();
    let bought = tokens
        .last()
        .is_some_and(|t| BOUGHT.contains(&t.norm.as_str()));
    let count = !bought && COUNTS.iter().any(|c| c.eq_ignore_ascii_case(next));
    if count || !bought && next.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return;
    }
    for j in (n.saturating_sub(3)..n).rev() {
        let t = &tokens[j];
        if t.clause_end || FR_NEGATIONS.contains(&t.norm.as_str()) {
            return;
        }
        if t.norm == "ne" && t.role == Role::Negation {
            tokens[j].role = Role::Plain;
            tokens[j].set_aside();
            return;
        }
    }
}

/// Whether a complaint cue stands right after Italian "finché" ("until"), whose "non" denies
/// nothing: "non ci ha fatto pagare finché non è arrivata la carta nuova" tells when, not that
/// something never came. On folded text, as the cue pass finds cues.
pub(super) fn expletive(folded: &str, cue: &str) -> bool {
    // Most posts have no "finché": no cue is folded for them.
    if !folded.contains("finche") {
        return false;
    }
    let cue = crate::matcher::fold(cue);
    let after_until = |at: usize| folded[..at].trim_end().ends_with("finche");
    let mut found = folded.match_indices(cue.as_str()).peekable();
    found.peek().is_some() && found.all(|(at, _)| after_until(at))
}

#[cfg(test)]
mod tests {
    use crate::triage::text::{analyse_in, Role};

    /// The words of `text` read as negations.
    fn negations(text: &str, lang: &str) -> Vec<String> {
        let a = analyse_in(text, Some(lang));
        a.tokens
            .iter()
            .filter(|t| t.role == Role::Negation)
            .map(|t| t.norm.clone())
            .collect()
    }

    #[test]
    fn a_time_or_a_restriction_negates_nothing() {
        for (text, lang) in [
            ("Our train isn't until 4", "en"),
            ("We don't leave till Sunday", "en"),
            ("Nuestro tren no sale hasta las 4", "es"),
            ("Il treno non parte fino alle 16", "it"),
            ("Notre train n'est qu'à 16 h", "fr"),
            ("Il ne reste que des places au fond", "fr"),
            ("¿Tenéis masa sin gluten?", "es"),
            ("Avete l'impasto senza glutine?", "it"),
            ("¿Pueden los no socios aparcar en el club?", "es"),
            ("I non residenti pagano il parcheggio?", "it"),
        ] {
            assert!(negations(text, lang).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_negation_beside_them_still_negates() {
        // (post, language, the negations left)
        #[rustfmt::skip]
        let cases: [(&str, &str, &[&str]); 7] = [
            ("Not happy. We waited until 9", "en", &["not"]),
            ("Los no socios no pueden reservar pista", "es", &["no"]),
            ("Booked for 7, table wasn't ready till 8", "en", &["wasnt"]),
            ("Je ne pense pas que ce soit normal", "fr", &["ne", "pas"]),
            ("Il n'a jamais dit qu'il viendrait", "fr", &["ne", "jamais"]),
            ("Vous n'êtes venus qu'une fois", "fr", &["ne"]),
            ("No me gustó, y encima hasta las 11 esperando", "es", &["no"]),
        ];
        for (text, lang, left) in cases {
            assert_eq!(negations(text, lang), left, "{text}");
        }
    }
}
