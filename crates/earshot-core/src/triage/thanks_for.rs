//! Thanks for what went wrong: "Gracias por perder mi traje", "Merci d'avoir perdu mon costume",
//! "Danke, dass ihr meinen Anzug verloren habt", "Grazie per aver perso il mio vestito". The
//! thanks are sarcasm, however warm the words around them ("de verdad, todo un detalle"). Read on
//! folded text (`matcher::fold`), in each modelled language; a phrase list cannot say it where
//! the loss comes at the clause's end. Earshot's own lists.

use super::cues::{word_spans, Folded};

/// Thanks, word by word.
#[rustfmt::skip]
const THANKS: &[&[&str]] = &[
    &["thanks", "for"], &["thank", "you", "for"], &["gracias", "por"], &["merci", "d'avoir"],
    &["merci", "de", "m'avoir"], &["merci", "de", "nous", "avoir"], &["danke", "dass"],
    &["grazie", "per"], &["grazie", "di"], &["obrigado", "por"], &["obrigada", "por"],
    &["merci", "pour"], &["danke", "fur"], &["obrigado", "pela"], &["obrigada", "pela"],
    &["obrigado", "pelo"], &["obrigada", "pelo"], &["danke", "furs"],
];

/// The first word of each of [`THANKS`]: most posts have none, and stop there.
const THANKS_WORDS: &[&str] = &["thank", "gracias", "merci", "danke", "grazie", "obrigad"];

/// What went wrong, as it follows thanks: losing, breaking, ruining, forgetting, cancelling.
#[rustfmt::skip]
const HARM: &[&str] = &[
    "losing", "ruining", "wasting", "breaking", "damaging", "forgetting", "cancelling",
    "canceling", "cancelled", "canceled", "cancelado", "cancelada", "annullato", "annullata",
    "overcharging", "scratching", "perder", "perderme", "arruinar", "arruinarme",
    "romper", "estropear", "estropearme", "olvidar", "olvidaros", "cancelar", "cancelarme",
    "perdido", "roto", "estropeado", "arruinado", "olvidado", "perdu", "perdue", "perdus",
    "casse", "cassee", "abime", "abimee", "ruine", "ruinee", "gache", "gachee", "oublie",
    "oubliee", "annule", "annulee", "verloren", "kaputt", "ruiniert", "vergessen", "beschadigt",
    "zerkratzt", "storniert", "versaut", "zerstort", "perso", "persa", "rotto", "rotta",
    "rovinato", "rovinata", "dimenticato", "dimenticata", "cancellato", "cancellata",
    "danneggiato", "danneggiata", "graffiato", "perderem", "estragar", "estragarem",
    "estragado", "estragada", "partir", "partirem", "esquecer", "esquecerem", "cancelarem",
];

/// A word that undoes the harm before it is named: thanks for not losing it, for finding
/// what was lost, for fixing what was broken.
const NOT: &[&str] = &[
    "not", "never", "no", "nunca", "ne", "pas", "jamais", "nicht", "nichts", "nie", "non", "mai",
    "nao", "nada", "nulla", "niente", "rien",
];

/// How the words of finding what was lost begin ("found", "retrouvé", "ritrovato"); a word of
/// mending ([`super::words::MENDING`]) undoes the harm too.
#[rustfmt::skip]
const FOUND: &[&str] = &[
    "found", "find", "recover", "encontr", "recuper", "retrouv", "gefunden", "ritrov", "trovat",
    "achad",
];

/// How many words after the thanks the harm may stand.
const WITHIN: usize = 14;

/// Thanks for what went wrong in a post, quoted as it spells them ("gracias por perder",
/// "danke, dass … verloren"); or for a complaint's pair of words that starts at byte `pair`
/// (`broken.rs`: "Thanks for sweeping the chimney, and for the soot all over our sofa").
pub(super) fn harm_thanked(post: &Folded, pair: Option<usize>) -> Option<String> {
    let ((a, b), (c, d)) = placed(post.as_str(), pair)?;
    Some(if post.as_str()[b..c].trim().is_empty() {
        post.own(a, d)
    } else {
        format!("{} … {}", post.own(a, b), post.own(c, d))
    })
}

/// Where thanks and the harm they thank for stand in a folded post (byte ranges).
fn placed(folded: &str, pair: Option<usize>) -> Option<((usize, usize), (usize, usize))> {
    if !THANKS_WORDS.iter().any(|w| folded.contains(w)) {
        return None;
    }
    let words = word_spans(folded);
    let text = |i: usize| words.get(i).map_or("", |&(s, e)| &folded[s..e]);
    (0..words.len()).find_map(|i| {
        let said = THANKS
            .iter()
            .find(|t| t.iter().enumerate().all(|(k, w)| text(i + k) == *w))?;
        let from = i + said.len();
        for k in from..(from + WITHIN).min(words.len()) {
            let w = text(k);
            let ended = k > from && folded[words[k - 1].1..words[k].0].contains(['.', '!', '?']);
            let undone =
                super::words::MENDING.contains(&w) || FOUND.iter().any(|u| w.starts_with(u));
            if ended || NOT.contains(&w) || undone {
                return None;
            }
            if HARM.contains(&w) || pair == Some(words[k].0) {
                return Some(((words[i].0, words[from - 1].1), words[k]));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::harm_thanked;
    use crate::triage::cues::Folded;

    fn quoted(post: &str) -> Option<String> {
        harm_thanked(&Folded::new(post), None)
    }

    #[test]
    fn thanks_for_the_harm_is_found_and_thanks_for_undoing_it_is_not() {
        let cases = [
            (
                "Gracias por perder mi traje, de verdad",
                Some("gracias por perder"),
            ),
            (
                "Merci d'avoir perdu mon costume",
                Some("merci d'avoir perdu"),
            ),
            (
                "Danke, dass ihr meinen Anzug verloren habt",
                Some("danke, dass … verloren"),
            ),
            (
                "Grazie per aver perso il mio vestito",
                Some("grazie per … perso"),
            ),
            (
                "Obrigado por perderem o meu fato",
                Some("obrigado por perderem"),
            ),
            ("Thanks for losing my suit", Some("thanks for losing")),
            ("Thanks for finding my lost wallet", None),
            ("Merci d'avoir retrouvé mon sac perdu", None),
            ("Danke, dass ihr nichts vergessen habt", None),
            ("Grazie per aver riparato la lavatrice rotta", None),
            (
                "Thanks for the quick reply. Losing my patience elsewhere",
                None,
            ),
            ("Gracias por todo, el traje quedó perfecto", None),
        ];
        for (post, want) in cases {
            assert_eq!(quoted(post).as_deref(), want, "{post}");
        }
    }
}
