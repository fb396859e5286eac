//! A request's courtesy is no praise: "por favor enviad la próxima factura a la nueva dirección",
//! "per favore aggiornate la mia scheda", "merci de mettre à jour mon dossier". The lexicons
//! value "favor", "favore" and "merci" as praise, which they are in "gracias por el favor" and
//! "merci pour tout"; asking politely, they are the form of the request. A post whose only
//! praise is that courtesy reads as plain, and as the request it is. English "please" is left
//! as it reads: in English tweets it is as often a plea ("can you please marry me").

use super::reading::Reading;
use super::text::Token;
use super::vader;
use crate::model::{Intent, Sentiment};

/// French pronouns between "merci de" and its verb ("merci de me rappeler").
const CLITICS: &[&str] = &[
    "me", "m", "nous", "le", "la", "les", "l", "lui", "leur", "y", "en",
];

/// Words that end as infinitives do but are none, after "merci de" ("merci de votre accueil"),
/// and the two verbs of thanks for what was done ("merci d'avoir appelé").
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "avoir", "être", "etre", "votre", "notre", "vôtre", "nôtre", "autre", "entre", "contre",
    "super", "premier", "dernier", "hier", "cher", "chère", "chere",
];

/// English verbs a request opens with after "please" ("please leave the flowers with the
/// porter"); a plea is no request of these ("please marry me", "please come back").
#[rustfmt::skip]
const REQUESTS_EN: &[&str] = &[
    "leave", "send", "update", "call", "ring", "keep", "put", "hold", "deliver", "bring", "note",
    "add", "cancel", "change", "book", "reserve", "drop", "charge", "bill", "forward", "email",
    "text", "post", "confirm", "invoice", "arrange", "remove", "move", "contact", "knock", "use",
];

/// Telling the business there is no hurry, in each language (as tokens are folded).
#[rustfmt::skip]
const NO_RUSH: &[&[&str]] = &[
    &["no", "rush"], &["no", "hurry"], &["take", "your", "time"], &["sin", "prisa"],
    &["no", "hay", "prisa"], &["sin", "prisas"], &["rien", "ne", "presse"],
    &["pas", "de", "presse"], &["keine", "eile"], &["keine", "hektik"], &["nessuna", "fretta"],
    &["senza", "fretta"], &["sem", "pressa"], &["não", "há", "pressa"], &["nao", "ha", "pressa"],
];

/// The index of the courtesy word of a request in `lang`: "favor" of "por favor", "favore" of
/// "per favore", "merci" of "merci de" and a verb other than "avoir" or "être" ("merci d'avoir
/// appelé" is thanks).
fn courtesy(tokens: &[Token], lang: &str) -> Option<usize> {
    let after = |i: usize, first: &str, word: &str| {
        i > 0 && tokens[i - 1].norm == first && tokens[i].norm == word
    };
    (0..tokens.len()).find(|&i| match lang {
        "es" | "pt" => after(i, "por", "favor"),
        "it" => after(i, "per", "favore"),
        "en" => {
            tokens[i].norm == "please"
                && (i == 0 || tokens[i - 1].clause_end)
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| REQUESTS_EN.contains(&t.norm.as_str()))
        }
        "fr" if tokens[i].norm == "merci" => {
            // "d'" is dropped by the tokenizer: "merci d'envoyer" reads "merci envoyer".
            let verb = tokens[i + 1..]
                .iter()
                .find(|t| t.norm != "de" && !CLITICS.contains(&t.norm.as_str()))
                .map(|t| t.norm.as_str());
            verb.is_some_and(|v| {
                let infinitive = ["er", "ir", "re"].iter().any(|e| v.ends_with(e));
                infinitive && !NOT_VERBS.contains(&v)
            }) && !tokens[i].clause_end
        }
        _ => false,
    })
}

/// Whether the post tells the business there is no hurry, with no other word of feeling and no
/// turn: "No rush with the curtains, we're away until the 20th anyway", "Rien ne presse pour
/// les rideaux". Not "No rush, but it's been three weeks".
fn no_rush(r: &Reading) -> bool {
    let tokens = &r.analysed.tokens;
    let said = (0..tokens.len()).any(|i| {
        NO_RUSH.iter().any(|p| {
            tokens.len() >= i + p.len()
                && p.iter().enumerate().all(|(k, w)| tokens[i + k].norm == *w)
        })
    });
    // Every post passes here: the lexicon is looked up only in one that says it.
    if !said {
        return false;
    }
    let felt = tokens.iter().any(|t| {
        vader::valence_of(t).is_some() && !NO_RUSH.iter().any(|p| p.contains(&t.norm.as_str()))
    });
    !felt
        && r.analysed.turns.is_empty()
        && r.complaint_cues.is_empty()
        && r.grave.is_empty()
        && r.sarcasm.is_empty()
}

/// A post that tells the business there is no hurry, read as the plain notice it is.
fn unhurried(r: Reading) -> Reading {
    let mut probs = r.probs;
    let best = super::reading::argmax(&probs);
    probs.swap(1, best);
    let intent = if matches!(r.intent, Intent::Complaint | Intent::Praise) {
        Intent::Other
    } else {
        r.intent
    };
    Reading {
        probs,
        mood: Sentiment::Neutral,
        intent,
        complaint: false,
        complaint_words: Vec::new(),
        drivers: Vec::new(),
        ..r
    }
}

/// A positive reading whose only word of praise is a request's courtesy, read as a plain
/// request; any other reading as it was.
pub(super) fn plain(r: Reading) -> Reading {
    if no_rush(&r) {
        return unhurried(r);
    }
    let Some(lang) = r.lang else {
        return r;
    };
    if r.mood != Sentiment::Positive || r.complaint || !r.sarcasm.is_empty() {
        return r;
    }
    let tokens = &r.analysed.tokens;
    let Some(at) = courtesy(tokens, lang) else {
        return r;
    };
    let other_praise = tokens
        .iter()
        .enumerate()
        .any(|(i, t)| i != at && vader::valence_of(t).is_some_and(|v| (v > 0.0) != t.negated))
        || r.drivers.iter().any(|d| d != &tokens[at].norm);
    if other_praise {
        return r;
    }
    let mut probs = r.probs;
    probs.swap(1, 2);
    let intent = if r.lead_cues.is_empty() {
        Intent::Question
    } else {
        Intent::Lead
    };
    Reading {
        probs,
        mood: Sentiment::Neutral,
        intent,
        needs_reply: true,
        drivers: Vec::new(),
        ..r
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Intent, Sentiment};
    use crate::triage::read;

    #[test]
    fn a_request_s_courtesy_is_no_praise() {
        for text in [
            "Nos hemos mudado, por favor enviad la próxima factura a la nueva dirección",
            "Mon nouveau numéro est le 0612 448 210, merci de mettre à jour mon dossier",
            "Nous avons déménagé, merci d'envoyer la prochaine facture à notre nouvelle adresse",
            "Ci siamo trasferiti, per favore mandate la prossima fattura al nuovo indirizzo",
            "Mudámos de casa, por favor enviem a próxima fatura para a nova morada",
        ] {
            let r = read(text);
            assert_eq!(r.mood, Sentiment::Neutral, "{text}: {:?}", r.drivers);
            assert_ne!(r.intent, Intent::Praise, "{text}");
        }
    }

    #[test]
    fn thanks_and_praise_beside_a_courtesy_stay_praise() {
        for text in [
            "Merci d'avoir retrouvé mes lunettes, vous êtes formidables",
            "Merci de votre accueil, à bientôt",
            "Por favor, no cambiéis nunca, el mejor café del barrio",
            "Per favore non chiudete mai, la pizza più buona della città",
        ] {
            let r = read(text);
            assert_eq!(r.mood, Sentiment::Positive, "{text}: {:?}", r.drivers);
        }
    }
}
