//! Amends the business made for a fault, told after it: "Our delivery was late last week and
//! tonight the driver brought a free dessert and a note saying sorry", "La semana pasada el
//! pedido llegó tarde y hoy el repartidor nos ha traído un postre gratis y una nota pidiendo
//! perdón. No tenían por qué, qué detalle". The fault's words ("llegó tarde", "en retard") read
//! as a complaint; the post thanks the business for making up for it. Amends are something given
//! free with an apology, or with "they didn't have to" ("no tenían por qué", "ils n'étaient pas
//! obligés", "non erano tenuti"), told after the fault and with nothing bad after them: "…but the
//! dessert was stale", "a free coffee doesn't make up for an hour's wait" are complaints still.
//! A gift alone makes amends for the writer's own miss ("I got stuck in traffic and missed my
//! lesson, and the school let me rebook it for free").

use crate::triage::put_right::bad;
use crate::triage::reading::Reading;
use crate::triage::text::{folded, Role, Token};

/// Given free, folded ("Gratis-Dessert" is read as its parts).
#[rustfmt::skip]
const GIFT: &[&str] = &[
    "free", "complimentary", "gratis", "gratuito", "gratuita", "regalo", "regalado", "regalada",
    "obsequio", "cortesia", "offert", "offerte", "offerts", "offertes", "gratuit", "gratuite",
    "cadeau", "kostenlos", "kostenlose", "kostenlosen", "kostenloses", "kostenloser", "umsonst",
    "geschenkt", "omaggio", "regalato", "regalata", "offerto", "offerta", "offerti", "gratuiti",
    "gratuite", "gratuitos", "gratuitas", "gratuits", "oferecida", "oferecido", "oferecidos",
    "oferecidas", "oferta", "borla", "gratuitement", "gratuitamente",
];

/// An apology, folded.
#[rustfmt::skip]
const SORRY: &[&str] = &[
    "sorry", "apology", "apologies", "apologised", "apologized", "apologising", "apologizing",
    "apologise", "apologize", "perdon", "disculpa", "disculpas", "disculparse", "disculpandose",
    "excuser", "excuses", "excusez", "excusant", "excuse", "excusee", "entschuldigung",
    "entschuldigt", "entschuldigte", "entschuldigen", "scusarsi", "scuse", "scusa", "scusandosi",
    "desculpa", "desculpas", "desculpar",
];

/// What one is bound to do, folded: negated, the business did more than it had to ("didn't have
/// to", "no tenían por qué", "pas obligés", "nicht machen müssen", "non erano tenuti", "não
/// tinham de").
#[rustfmt::skip]
const BOUND: &[&str] = &[
    "have", "need", "tenian", "tenia", "obliges", "oblige", "obligee", "obligees", "obligeait",
    "obligeaient", "mussen", "gemusst", "notig", "tenuti", "tenuto", "tenuta", "dovevano", "doveva",
    "tinham", "tinha", "precisavam", "precisava",
];

/// How far before a word of [`BOUND`] its negation may stand ("n'étaient pas obligés").
const BOUND_REACH: usize = 3;

/// Whether the `i`th token is a word of [`BOUND`] with a negation just before it.
fn needless(tokens: &[Token], i: usize) -> bool {
    BOUND.contains(&folded(&tokens[i]).as_ref())
        && tokens[i.saturating_sub(BOUND_REACH)..i]
            .iter()
            .any(|t| t.role == Role::Negation)
}

/// Whether a post read badly tells amends made after a fault; the words that name them then
/// ("gratis … perdón"), which [`super::met`] reads as praise.
pub(super) fn amends(r: &Reading) -> Option<String> {
    let tokens = &r.analysed.tokens;
    let words: Vec<_> = tokens.iter().map(folded).collect();
    let found = |list: &[&str]| {
        (0..tokens.len()).find(|&i| !tokens[i].negated && list.contains(&words[i].as_ref()))
    };
    let gift = found(GIFT)?;
    let sorry = found(SORRY);
    let bound = (0..tokens.len()).find(|&i| needless(tokens, i));
    // Or the writer's own miss before the gift ("I got stuck in traffic and missed my lesson, and
    // the school let me rebook it for free"): the gift alone makes up for it.
    let own_miss = (0..gift).any(|i| {
        let before = |w: &str| tokens[i.saturating_sub(6)..i].iter().any(|t| t.norm == w);
        match words[i].as_ref() {
            "perdi" => true,
            "missed" => before("i"),
            "rate" | "ratee" => before("ai"),
            "verpasst" => before("habe") || before("hab"),
            "perso" | "persa" => before("ho"),
            _ => false,
        }
    });
    let from = match sorry.or(bound) {
        Some(second) => gift.min(second),
        None if own_miss => gift,
        None => return None,
    };
    // The fault, told before the amends: a complaint's cue, a bad word, or a reading of the
    // whole as a complaint or negative ("avait oublié mon rendez-vous" has no word of the
    // lexicon), which, with nothing bad after the amends, is what came before them.
    let cue_before = r.complaint_cues.iter().any(|c| {
        let last = c.rsplit(' ').next().unwrap_or(c);
        words[..from].iter().any(|w| w == last)
    });
    let fault = cue_before
        || tokens[..from].iter().any(bad)
        || r.complaint
        || r.mood == crate::model::Sentiment::Negative;
    // After them nothing bad, no complaint's cue and no negation but "they didn't have to"'s.
    // Whether the `i`th word's clause says they did not have to.
    let spared = |i: usize| {
        let start = (0..i)
            .rev()
            .find(|&k| tokens[k].clause_end)
            .map_or(0, |k| k + 1);
        let end = (i..tokens.len())
            .find(|&k| tokens[k].clause_end)
            .unwrap_or(tokens.len() - 1);
        (start..=end).any(|k| needless(tokens, k))
    };
    // The apology's own word is no bad one ("sorry" is −0.3 to VADER), nor Spanish "no" of "no
    // tenían por qué".
    let plain = (from..tokens.len()).all(|i| {
        let t = &tokens[i];
        let negation = t.role == Role::Negation || t.negated;
        let harsh = bad(t) && !t.negated && !SORRY.contains(&words[i].as_ref());
        !((negation || harsh) && !spared(i) || harsh && t.role != Role::Negation)
    });
    let cue_after = r.complaint_cues.iter().any(|c| {
        let last = c.rsplit(' ').next().unwrap_or(c);
        words[from..].iter().any(|w| w == last)
    });
    let named = match sorry {
        Some(s) => {
            let (a, b) = (gift.min(s), gift.max(s));
            format!("{} … {}", tokens[a].norm, tokens[b].norm)
        }
        None => tokens[gift].norm.clone(),
    };
    (fault && plain && !cue_after).then_some(named)
}

#[cfg(test)]
mod tests {
    use crate::model::Sentiment;
    use crate::triage::reading::read;

    /// (post, amends read): each read as praise without a complaint, or left as it was read.
    #[rustfmt::skip]
    const CASES: &[(&str, bool)] = &[
        ("The cake came a day late for the party, and this morning the baker dropped round a \
          free box of cupcakes to apologise. Such a kind gesture.", true),
        ("El taller tardó dos semanas más de lo prometido y al recoger el coche nos lo dieron \
          lavado gratis con una disculpa. No tenían que hacerlo.", true),
        ("Le coiffeur avait oublié mon rendez-vous la dernière fois, aujourd'hui il m'a offert \
          le brushing en s'excusant. Rien ne l'y obligeait, merci.", true),
        ("Die Pizza war letzten Freitag kalt, heute gab es eine kostenlose Pizza und eine \
          Entschuldigung vom Chef. Hätte er nicht machen müssen.", true),
        // A gift and an apology that do not make up for it, or something bad after them.
        ("The delivery was two hours late, they said sorry and gave us a free drink, but the \
          food was stone cold.", false),
        ("Una hora de espera y nos ofrecieron un café gratis como disculpa. Un café no arregla \
          una hora perdida.", false),
        ("Free coffee and a sorry don't make up for a cancelled booking.", false),
    ];

    #[test]
    fn amends_after_a_fault_are_praise_and_no_complaint() {
        let mut wrong = Vec::new();
        for &(text, made) in CASES {
            let r = read(text);
            let praise = r.mood == Sentiment::Positive && !r.complaint;
            if praise != made {
                wrong.push(format!(
                    "{text}: {:?} complaint={} {:?}",
                    r.mood, r.complaint, r.drivers
                ));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
