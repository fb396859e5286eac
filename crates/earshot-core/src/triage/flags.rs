//! The yes/no models' flags on a post — abuse and irony, and the complaint model's probability
//! — with the words that drove each.

use super::linear::{self, Feature, LinearModel, Origin, Signals};
use super::naming::name_strongest;
use super::reading::LEARNED_BESIDE_LEXICON;
use super::signals::signals;
use super::text::{self, Analysed};
use super::words::{HARSH_NOT_ABUSIVE, PERSONS};
use scare::scare_quoted;

#[path = "scare.rs"]
mod scare;
#[path = "who_needs.rs"]
mod who_needs;

/// Probability of the ironic class at or above which mixed praise and complaint reads as
/// sarcasm. Lower thresholds flip more praise that was meant: on general English tweets
/// (held out) 0.9 costs 0.001 of macro-recall, 0.75 costs 0.005, 0.6 costs 0.012.
const IRONY_P: f32 = 0.9;

/// The words that make an English post read as ironic to the shipped irony model, or nothing
/// when it does not.
pub(super) fn ironic_words(a: &Analysed, s: &Signals, feats: &[Feature]) -> Vec<String> {
    if s.lang != Some("en") {
        return Vec::new();
    }
    let (p, mut words) = flag_of(super::irony_model(), feats);
    if p < IRONY_P {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    name_strongest(a, &mut words, &mut out, 2, f32::MIN_POSITIVE, s.lang);
    if out.is_empty() {
        out.push("ironic".to_string());
    }
    out
}

/// Cries of delight that open a post on their own ("Génial, …", "Toll, …"), folded.
#[rustfmt::skip]
const CRIES: &[&str] = &[
    "great", "brilliant", "fantastic", "wonderful", "perfect", "lovely", "superb", "awesome",
    "amazing", "genial", "estupendo", "perfecto", "fantastico", "maravilloso", "super",
    "parfait", "magnifique", "formidable", "toll", "klasse", "prima", "wunderbar",
    "perfekt", "herrlich", "fantastisch", "perfetto", "ottimo", "splendido", "meraviglioso",
    "otimo", "perfeito", "maravilha", "excelente", "impressive", "impresionante",
    "impressionnant", "beeindruckend", "notevole", "impressionante",
];

/// "Another" right after a cry ("Ottimo, un altro ordine arrivato a metà"), folded; not "again"
/// alone ("Super, encore merci", "Ótimo, mais tarde passo aí").
#[rustfmt::skip]
const ANOTHER: &[&str] = &[
    "another", "otro", "otra", "encore un", "encore une", "schon wieder", "wieder ein",
    "wieder eine", "noch ein", "noch eine", "altro", "altra", "mais um", "mais uma",
];

/// "Again", folded: a complaint's trouble come back.
#[rustfmt::skip]
const AGAIN: &[&str] = &[
    "again", "otra vez", "de nuevo", "encore", "a nouveau", "wieder", "di nuovo", "ancora",
    "outra vez", "de novo", "vuelto a", "volvio a", "vuelve a", "volvieron a", "voltou a",
    "voltaram a",
];

/// Paying for it after a cry ("Toll, für eine Grundreinigung zu zahlen und …", "Great, paying for
/// …"), folded: the delight is in the price, as in "love paying" (`cue_lists.rs`).
#[rustfmt::skip]
const PAYING: &[&str] = &[
    "paying for", "pagar por", "payer pour", "zu zahlen", "zu bezahlen", "pagare per",
];

/// What the writer booked or ordered, and what they got instead, folded: after a cry, the order
/// is described ("Fantastic, booked a quiet room and got the one above the nightclub", "Super,
/// ein ruhiges Zimmer gebucht und das über dem Nachtclub bekommen"), and what came decides.
#[rustfmt::skip]
const BOOKED: &[&str] = &[
    "booked", "ordered", "reserved", "reserve", "reservee", "pedi", "pedimos", "reservamos",
    "commande", "gebucht", "bestellt", "reserviert", "prenotato", "prenotata", "ordinato",
    "reservei", "encomendei",
];
#[rustfmt::skip]
const GOT: &[&str] = &[
    "got", "gave", "given", "dieron", "dio", "donne", "bekommen", "bekam", "gegeben", "dato",
    "dati", "deram", "deram-me", "deu",
];

/// Where, in `tokens`, what came after a booking or an order ([`BOOKED`], [`GOT`]) starts.
fn got_instead(tokens: &[text::Token]) -> Option<usize> {
    let folded: Vec<String> = tokens
        .iter()
        .map(|t| crate::matcher::fold(&t.norm))
        .collect();
    let booked = folded.iter().position(|w| BOOKED.contains(&w.as_str()))?;
    let got = folded[booked + 1..]
        .iter()
        .position(|w| GOT.contains(&w.as_str()))?;
    Some(booked + 1 + got)
}

/// Love or thanks, folded, as a post opens on them: "Loving our…", "Me encanta", "J'adore",
/// "Ich liebe", "Thanks for the…", "Danke für das…".
#[rustfmt::skip]
const LOVING: &[&str] = &[
    "loving", "love", "lovin", "encanta", "encantan", "adore", "liebe", "lieben", "adoro", "amo",
    "thanks", "thank", "gracias", "merci", "danke", "grazie", "obrigado", "obrigada",
];

/// Love or thanks that open the post, for a claim in scare quotes right after them, with no
/// other praise: "Loving our 'quiet room', right above the nightclub's speakers", "Thanks for
/// the 'priority' boarding, we were the last ones on". The love word and the claim; not "Love
/// the 'secret' garden, so peaceful".
fn loved_claim(a: &Analysed, text: &str) -> Option<Vec<String>> {
    let fold = |t: &text::Token| crate::matcher::fold(&t.norm);
    let love = a.tokens.iter().take(2).position(|t| {
        let t = fold(t);
        t.split(' ').any(|w| LOVING.contains(&w))
    })?;
    let claim = scare_quoted(text)?;
    let at = claim.as_ptr() as usize - text.as_ptr() as usize;
    let claimed = crate::matcher::fold(claim);
    let praise = a.tokens.iter().enumerate().any(|(k, t)| {
        let valence = super::vader::valence_of(t).map(|v| if t.negated { -v } else { v });
        k != love && valence.is_some_and(|v| v > 0.0) && !claimed.contains(&fold(t))
    });
    (at < 40 && !praise).then(|| vec![a.tokens[love].norm.clone(), claim.to_string()])
}

/// A cry of delight alone in the post's first clause, then a bad word and no other praise:
/// "Génial, 5 euros pour un café tiède", "Toll, 5 Euro für einen lauwarmen Kaffee"; or then
/// "another" ("Ottimo, un altro ordine arrivato a metà", "Klasse, schon wieder…"), or paying
/// for it ([`PAYING`]), or what was booked with praise and what came without ([`got_instead`]).
/// Not a post that turns ("Lovely, but the room was cold" is both), nor thanks ("Thanks, sorry
/// for the late reply").
///
/// Or the same cry alone in the post's last clause, after a bad word, or a complaint cue
/// (`cued`) said to come again: "The room was tiny and noisy. Wonderful.", "Pedido otra vez
/// tarde, genial". Not after praise, nor after a cue alone ("My refund came through, perfect"),
/// nor "again" alone ("See you again soon, great!").
///
/// Or a cry at either end and a claim in scare quotes in the post's `text` (`scare.rs`):
/// "Great, the 'waterproof' boots let water in at the first puddle": the claim follows the cry,
/// as what the complaint is about.
///
/// Or a cry at each end ("Genial, la tintorería me ha vuelto a perder un botón. Maravilloso"):
/// what lies between decides, with no praise in it and a bad word, a complaint cue, "again" or
/// "another".
///
/// Or a question no one answers yes to, which opens the post (`who_needs.rs`): "Who needs a
/// working shower anyway?" is the cry, the thing asked after its claim.
pub(super) fn lone_cry(a: &Analysed, cued: bool, text: &str) -> Vec<String> {
    let Some(first) = a.tokens.first() else {
        return Vec::new();
    };
    // "Who needs a working shower anyway?": the question is the cry, the thing the claim.
    if let Some(asked) = who_needs::asked(a, text) {
        return asked;
    }
    let valence =
        |t: &text::Token| super::vader::valence_of(t).map(|v| if t.negated { -v } else { v });
    let praise = |ts: &[text::Token]| ts.iter().any(|t| valence(t).is_some_and(|v| v > 0.0));
    let bad = |ts: &[text::Token]| ts.iter().any(|t| valence(t).is_some_and(|v| v < 0.0));
    let is_cry = |t: &text::Token| CRIES.contains(&crate::matcher::fold(&t.norm).as_str());
    let opens = first.clause_end && is_cry(first);
    let last = last_alone(a).filter(|t| is_cry(t) && a.turns.is_empty());
    // A claim in scare quotes beside the cry ("Great, the 'waterproof' boots let water in"):
    // whatever the words between, the cry is sarcasm.
    if let Some(cry) = opens.then_some(first).or(last) {
        if let Some(claim) = scare_quoted(text) {
            return vec![cry.norm.clone(), claim.to_string()];
        }
    }
    if let Some(loved) = loved_claim(a, text) {
        return loved;
    }
    if let Some(last) = last {
        let n = a.tokens.len();
        if opens {
            let middle = &a.tokens[1..n - 1];
            let trouble = cued || says(middle, ANOTHER.iter().chain(AGAIN)) || bad(middle);
            return if !praise(middle) && trouble {
                vec![first.norm.clone()]
            } else {
                Vec::new()
            };
        }
        let rest = &a.tokens[..n - 1];
        let trouble = cued && says(rest, AGAIN.iter()) || bad(rest);
        if !praise(rest) && trouble {
            return vec![last.norm.clone()];
        }
    }
    if let Some(paid) = love_to_pay(a).or_else(|| charged_kindly(a)) {
        return paid;
    }
    let rest = &a.tokens[1..];
    if !opens || !a.turns.is_empty() {
        return Vec::new();
    }
    // Only after a cry: folding every word is not for every post.
    let got = got_instead(rest);
    if praise(&rest[got.unwrap_or(0)..]) {
        return Vec::new();
    }
    let next = &rest[..rest.len().min(3)];
    // What was booked was praised, what came is not ("booked a quiet room and got …"); not
    // "ordered at 9 and got it by noon".
    let swapped = got.is_some_and(|g| praise(&rest[..g]));
    let trouble = swapped || says(rest, PAYING.iter()) || bad(rest);
    if says(next, ANOTHER.iter()) || trouble {
        vec![first.norm.clone()]
    } else {
        Vec::new()
    }
}

/// "Ich liebe es, dem Fitnessstudio jeden Monat Geld … zu zahlen": German puts the paying of
/// "love paying" (`cue_lists.rs`) at the end of the clause after "Ich liebe es,", out of a
/// phrase's reach. The two, as a reason names them.
fn love_to_pay(a: &Analysed) -> Option<Vec<String>> {
    let t = &a.tokens;
    if t.len() < 5 || !t[2].clause_end || !says(&t[..3], ["ich liebe es"].iter()) {
        return None;
    }
    let end = (3..t.len())
        .find(|&k| t[k].clause_end)
        .map_or(t.len(), |k| k + 1);
    says(&t[3..end], PAYING.iter()).then(|| vec!["ich liebe es … zu zahlen".to_string()])
}

/// A kindness that opens the post, folded: "Nice touch", "Todo un detalle", "Charmante
/// attention", "Nette Geste", "Bel pensiero", "Que simpático".
#[rustfmt::skip]
const KINDNESS: &[&str] = &[
    "nice touch", "lovely touch", "nice gesture", "todo un detalle", "que detalle",
    "menudo detalle", "charmante attention", "quelle delicatesse", "quelle attention",
    "jolie attention", "nette geste", "schone geste", "bel pensiero", "gentile pensiero",
    "che pensiero gentile", "que simpatico", "que simpatica", "que amoroso", "bonito gesto",
];

/// A charge, as it follows the kindness: "charging me 50p", "cobrarme", "me facturer".
#[rustfmt::skip]
const CHARGING: &[&str] = &[
    "charging", "charge", "charged", "cobrarme", "cobrarnos", "cobrar", "cobrarle", "facturer",
    "payer", "berechnen", "berechnet", "verlangen", "kassieren", "pagare", "addebitarmi",
    "cobrarem", "cobraram",
];

/// "Nice touch, charging me 50p for the bag", "Todo un detalle cobrarme 50 céntimos por la
/// bolsa": a kindness that opens the post (in its first three words), and a charge within eight
/// words after it (German puts it last: "Nette Geste, mir 50 Cent … zu berechnen"), is sarcasm;
/// not a charge denied ("Nice touch, no charge for the kids' drinks"). The two, as a reason names
/// them.
fn charged_kindly(a: &Analysed) -> Option<Vec<String>> {
    #[rustfmt::skip]
    const FIRST: &[&str] = &[
        "nice", "lovely", "todo", "que", "menudo", "charmante", "quelle", "jolie", "nette",
        "schone", "bel", "gentile", "che", "bonito",
    ];
    let t = &a.tokens;
    // The first word, or an idiom's ("todo un detalle" is one token).
    let first = |w: &str| FIRST.contains(&w.split(' ').next().unwrap_or(""));
    if t.len() < 3 || !first(&text::folded(&t[0])) {
        return None;
    }
    let kind = (1..=3).find(|&n| n < t.len() && says(&t[..n], KINDNESS.iter()))?;
    let charge = t[kind..t.len().min(kind + 8)]
        .iter()
        .find(|w| !w.negated && CHARGING.contains(&text::folded(w).as_ref()))?;
    let opening: Vec<&str> = t[..kind].iter().map(|w| w.norm.as_str()).collect();
    Some(vec![format!("{} … {}", opening.join(" "), charge.norm)])
}

/// Whether the words of `tokens`, folded, hold one of `phrases` (each one or more whole words).
pub(super) fn says<'a>(
    tokens: &[text::Token],
    mut phrases: impl Iterator<Item = &'a &'a str>,
) -> bool {
    let words: Vec<String> = tokens
        .iter()
        .map(|t| crate::matcher::fold(&t.norm))
        .collect();
    let words = format!(" {} ", words.join(" "));
    phrases.any(|w| words.contains(&format!(" {w} ")))
}

/// A post that ends on a cry of praise, a clause of its own ("My boiler broke and @quickplumb
/// came within the hour, lifesavers!"): what went wrong before it was the writer's trouble, and
/// the business the rescue. Only a strong word (VADER 2.5 or more: "lifesavers") that is not one
/// of sarcasm's cries ("Cold pizza, brilliant.": [`lone_cry`]), never after a grave cue, and not
/// after a complaint cue either (the caller asks that none is found).
pub(super) fn closing_cry(a: &Analysed, grave: &[(super::Grave, String)]) -> bool {
    grave.is_empty()
        && last_alone(a).is_some_and(|t| {
            !t.negated
                && !CRIES.contains(&crate::matcher::fold(&t.norm).as_str())
                && super::vader::valence_of(t).is_some_and(|v| v >= 2.5)
        })
}

/// The post's last word when it is a clause of its own, after at least two words ("…, within the
/// hour, lifesavers!", "…late again. Brilliant.").
fn last_alone(a: &Analysed) -> Option<&text::Token> {
    let n = a.tokens.len();
    (n >= 3 && a.tokens[n - 2].clause_end).then(|| &a.tokens[n - 1])
}

/// The words of praise in a post's text ("great" of "great job guys"), the strongest first, at
/// most two: read only for what a post says after the wrong thing came (`wrong_item.rs`).
pub(super) fn praise_in(text: &str, lang: Option<&str>) -> Vec<String> {
    let a = text::analyse_in(text, lang);
    let mut praise: Vec<(f64, &str)> = a
        .tokens
        .iter()
        .filter_map(|t| {
            let v = super::vader::valence_of(t)?;
            (v > 0.0 && !t.negated).then_some((v, t.norm.as_str()))
        })
        .collect();
    praise.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut out: Vec<String> = Vec::new();
    for (_, w) in praise {
        if out.len() < 2 && !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Probability of the abusive class (among not/abusive) at or above which the learned model alone
/// flags a post. Chosen for precision: a business's mentions are mostly not offensive, and a
/// wrong "abusive" hides a customer's real complaint ("The coffee is bad" read as abusive at 0.5).
/// On offensive tweets held out, the learned model alone: 0.5 gives precision 0.61 / recall 0.62,
/// 0.8 gives 0.72 / 0.34 (BENCHMARKS.md); the insult list adds what it knows in every language.
const ABUSE_P: f32 = 0.8;

/// Whether a post reads as abusive to `model` (the abuse model: outputs not, abusive, unused),
/// with the words that made it so.
pub fn abuse_with(model: &LinearModel, text: &str) -> (bool, Vec<String>) {
    let (a, s, found) = signals(text);
    let feats = linear::feature_list(&a, &s);
    abuse_of(model, &a, &s, &feats, !found.sympathy.is_empty())
}

/// The probability a yes/no model (abuse, irony: outputs no, yes, and a third that is never a
/// label) gives "yes", and each word's lift towards it, from a post's [`linear::feature_list`].
pub(super) fn flag_of(model: &LinearModel, feats: &[Feature]) -> (f32, Vec<(f32, usize)>) {
    let mut logits = [0f32; 3];
    let mut words: Vec<(f32, usize)> = Vec::new();
    for &(h, v, origin) in feats {
        let w = model.weights_of(h);
        for k in 0..3 {
            logits[k] += v * w[k];
        }
        if let Origin::Word(i) = origin {
            words.push(((w[1] - w[0]) * v, i));
        }
    }
    let p = linear::softmax(logits);
    (p[1] / (p[0] + p[1]).max(f32::MIN_POSITIVE), words)
}

/// The probability a yes/no model gives "yes" for a post (cross-validation scores with it).
pub fn flag_with(model: &LinearModel, text: &str) -> f32 {
    let (a, s, _) = signals(text);
    flag_of(model, &linear::feature_list(&a, &s)).0
}

/// [`abuse_with`] of a post already read, told whether it holds sympathy.
pub(super) fn abuse_of(
    model: &LinearModel,
    a: &Analysed,
    s: &Signals,
    feats: &[Feature],
    sympathetic: bool,
) -> (bool, Vec<String>) {
    let (p, mut words) = flag_of(model, feats);
    // An insult in any language the model did not learn ("connards", "stronzi") counts too.
    let mut out: Vec<String> = Vec::new();
    for t in &a.tokens {
        if text::is_insult(&t.norm) && !out.contains(&t.norm) && out.len() < 3 {
            out.push(t.norm.clone());
        }
    }
    // The learned model read English tweets: elsewhere (or when the language cannot be told)
    // only the insult list speaks.
    let english = s.lang == Some("en");
    let harsh = || {
        let strongest = words
            .iter()
            .filter(|&&(_, i)| !text::is_function_word(&a.tokens[i].norm))
            .max_by(|x, y| x.0.total_cmp(&y.0));
        let person = a.tokens.iter().any(|t| PERSONS.contains(&t.norm.as_str()));
        !person
            && strongest
                .is_some_and(|&(_, i)| HARSH_NOT_ABUSIVE.contains(&a.tokens[i].norm.as_str()))
    };
    // Sympathy is no abuse, whatever words of hurt it holds ("Such a shame the florist hurt her
    // back, hope she's back soon" read "abusive: 'shes', 'soon'").
    let learned = english && p >= ABUSE_P && !harsh() && !sympathetic;
    if out.is_empty() && !learned {
        return (false, Vec::new());
    }
    if !english {
        return (true, out);
    }
    // Beside an insult of the list, the model's other words are mostly the topics of the
    // tweets it read ("abusive: 'shit', 'woman', 'said'").
    let min_lift = if out.is_empty() {
        0.1
    } else {
        LEARNED_BESIDE_LEXICON
    };
    name_strongest(a, &mut words, &mut out, 3, min_lift, s.lang);
    (true, out)
}

/// Whether a post is insults and nothing else ("Sois unos idiotas de mierda", "Siete degli
/// stronzi"): no word but the insults and function words. "…and your coffee is shit" says what
/// was wrong, and is a complaint besides.
pub(super) fn only_insults(a: &Analysed) -> bool {
    a.tokens.iter().any(|t| text::is_insult(&t.norm))
        && a.tokens.iter().all(|t| {
            text::is_insult(&t.norm)
                || text::is_function_word(&t.norm)
                || t.norm.starts_with('_')
                || !t.norm.chars().any(char::is_alphabetic)
        })
}

/// Whether a post that ends by asking first tells of a fault in a clause of its own, with a
/// negation or a turn ("the invoice lists two cleanings but you only came once, could you
/// correct it?", "seit gestern kein warmes Wasser, könnte sich das jemand ansehen?"): a polite
/// complaint, which the pull of plain questions towards neutral must not reach. Not the writer's
/// own lack ("I don't have a car, do you deliver?", "Ich habe keinen Drucker, könnt ihr…").
pub(super) fn told_before_asking(a: &Analysed) -> bool {
    const HAVE: &[&str] = &[
        "have", "tengo", "tenemos", "ai", "avons", "habe", "haben", "ho", "abbiamo", "tenho",
        "temos",
    ];
    // Every post passes here; most do not end by asking.
    if !a.ends_with_question {
        return false;
    }
    let n = a.tokens.len();
    let Some(end) = a.tokens[..n.saturating_sub(1)]
        .iter()
        .rposition(|t| t.clause_end)
    else {
        return false;
    };
    let has = |i: usize| {
        a.tokens
            .get(i)
            .is_some_and(|t| HAVE.contains(&t.norm.as_str()))
    };
    let fault = |i: usize, t: &text::Token| {
        a.turns.contains(&i)
            || t.role == text::Role::Negation && !has(i + 1) && !(i > 0 && has(i - 1))
    };
    a.tokens[..=end]
        .iter()
        .enumerate()
        .any(|(i, t)| fault(i, t))
}
