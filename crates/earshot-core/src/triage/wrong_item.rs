//! The wrong thing sent or served: "Ordered a latte, got a cold americano", "Pedí una talla M y
//! me llegó una XL", "Comprei um tênis 40 e chegou 38". No phrase of the complaint lists says it;
//! the order and what came instead do. Read on folded text (`matcher::fold`), in each modelled
//! language. Earshot's own lists.

/// Words that tell of an order or a purchase (folded: "pedí" and "commandé" lose their accents).
#[rustfmt::skip]
const ORDERED: &[&str] = &[
    "ordered", "bought", "purchased", "pedi", "compre", "pedimos", "encargue", "commande",
    "commandee", "commandes", "achete", "bestellt", "gekauft", "ordinato", "ordinata", "comprato",
    "comprata", "chiesto", "comprei", "encomendei",
];

/// Words that tell of a request, which the wrong thing can break only by coming with what it
/// was asked without ("Asked for no onions, got extra onions").
const ASKED: &[&str] = &["asked", "requested", "demande", "gebeten"];

/// The words the cue pass looks for (`cues.rs`).
pub(super) const ORDER: [&[&str]; 2] = [ORDERED, ASKED];

/// What came, said before the thing that came ("got a", "me llegó una", "chegou 38"); the
/// longest phrase first where one ends another.
#[rustfmt::skip]
const CAME: &[&[&str]] = &[
    &["on", "m'a", "servi"], &["on", "m'a", "donne"], &["on", "m'a", "apporte"],
    &["on", "m'a", "envoye"], &["on", "nous", "a", "servi"], &["mi", "e", "arrivata"],
    &["mi", "e", "arrivato"], &["mi", "hanno", "portato"], &["mi", "hanno", "dato"],
    &["mi", "hanno", "mandato"], &["mi", "hanno", "servito"], &["geliefert", "wurde"],
    &["was", "sent"], &["were", "sent"], &["they", "sent"], &["sent", "me"], &["gave", "me"],
    &["was", "given"], &["were", "given"], &["brought", "me"], &["brought", "out"],
    &["was", "served"], &["were", "served"], &["served", "me"], &["me", "llego"],
    &["me", "trajeron"], &["me", "dieron"], &["me", "mandaron"], &["me", "enviaron"],
    &["me", "sirvieron"], &["me", "deram"], &["me", "mandaram"], &["me", "entregaram"],
    &["me", "enviaram"], &["got"], &["received"], &["recieved"], &["delivered"], &["llego"],
    &["trajeron"], &["recibi"], &["vino"], &["recu"], &["servi"], &["kam"], &["kamen"], &["bekam"],
    &["erhielt"], &["arrivata"], &["arrivato"], &["arrivati"], &["ricevuto"], &["ricevuta"],
    &["portato"], &["chegou"], &["veio"], &["recebi"], &["entregaram"], &["trouxeram"],
    &["mandaram"],
];

/// German puts what came before its verb ("eine M bestellt und eine XL bekommen").
#[rustfmt::skip]
const CAME_LAST: &[&str] = &[
    "bekommen", "erhalten", "geliefert", "geschickt", "zugeschickt", "serviert", "gebracht",
];

/// Words a thing that came starts with: an article, "another", "wrong".
#[rustfmt::skip]
const THING: &[&str] = &[
    "a", "an", "one", "some", "another", "two", "wrong", "un", "una", "uno", "unos", "unas", "otro",
    "otra", "une", "des", "autre", "ein", "eine", "einen", "einer", "eins", "andere", "anderes",
    "anderen", "falsche", "falschen", "falsches", "um", "uma", "uns", "umas", "outro", "outra",
    "altro", "altra", "un'altra",
];

/// What comes after an order and is not the thing ordered: a message, a discount, a time
/// ("got a text", "received a discount code", "llegó un día tarde", "got a lot of compliments").
#[rustfmt::skip]
const NOT_A_THING: &[&str] = &[
    "text", "email", "e-mail", "mail", "message", "notification", "call", "confirmation", "receipt",
    "invoice", "tracking", "update", "reply", "response", "answer", "discount", "free", "voucher",
    "coupon", "code", "refund", "lot", "bit", "few", "little", "day", "week", "month", "hour",
    "minute", "days", "weeks", "months", "hours", "minutes", "correo", "mensaje", "llamada",
    "confirmacion", "notificacion", "descuento", "dia", "dias", "semana", "semanas", "mes", "meses",
    "hora", "horas", "minutos", "poco", "appel", "remise", "jour", "jours", "semaine", "semaines",
    "mois", "heure", "heures", "peu", "nachricht", "anruf", "bestatigung", "rabatt", "tag", "tage",
    "tagen", "woche", "wochen", "monat", "stunde", "stunden", "messaggio", "chiamata", "conferma",
    "sconto", "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "ora", "ore", "minuti",
    "mensagem", "ligacao", "confirmacao", "desconto",
];

/// Where an order and what came instead of it stand in a folded post: the byte ranges of the
/// order word and of what came ("ordered" … "got"), to quote as the complaint's reason. None
/// when the post tells of no such thing ("Ordered on Monday, got it today").
/// Given where the cue pass found [`ORDER`]'s words (on a word boundary or not).
pub(super) fn wrong_item(
    folded: &str,
    ordered: &[(usize, usize, usize)],
) -> Option<((usize, usize), (usize, usize))> {
    // Most posts stop here.
    if ordered.is_empty() {
        return None;
    }
    let words = super::cues::word_spans(folded);
    let text = |i: usize| words.get(i).map_or("", |&(s, e)| &folded[s..e]);
    let (at, _) = words
        .iter()
        .enumerate()
        .find(|&(i, _)| ORDERED.contains(&text(i)) || ASKED.contains(&text(i)))?;
    // Only an order has a thing that came instead; a request can come with what it refused.
    let ordered = ORDERED.contains(&text(at));
    for i in (at + 1..(at + 14).min(words.len())).filter(|_| ordered) {
        if let Some(n) = CAME
            .iter()
            .find(|phrase| phrase.iter().enumerate().all(|(k, w)| text(i + k) == *w))
            .map(|p| p.len())
        {
            if thing(&text, i + n) || flavour_swapped(&text, at, i, i + n) {
                return Some((words[at], (words[i].0, words[i + n - 1].1)));
            }
        }
        // "… bestellt und eine XL bekommen": an article after "und" and before the verb.
        if CAME_LAST.contains(&text(i)) {
            let and = (at + 1..i).find(|&k| matches!(text(k), "und" | "aber" | "doch"));
            if and.is_some_and(|k| k + 1 < i && THING.contains(&text(k + 1))) {
                return Some((words[at], words[i]));
            }
        }
    }
    without_then_with(&text, &words, at)
        .or_else(|| allergen_served(&text, &words, at).filter(|_| ordered))
        .or_else(|| {
            let punctuated = |a: usize, b: usize| folded[a..b].contains([',', ';', '.', '!']);
            meat_in_meatless(&text, punctuated, &words, at)
                .filter(|_| ordered && !folded.contains('?'))
        })
}

/// An order without meat, and meat in it: "Ordered a vegetarian pizza and there was ham on it",
/// "Vegetarische Pizza bestellt und da war Schinken drauf". Quoted as the kind ordered and the
/// meat ("vegetarian … ham"). A question asks what is in it; "and a chicken korma" is another
/// dish.
fn meat_in_meatless<'a>(
    text: &impl Fn(usize) -> &'a str,
    punctuated: impl Fn(usize, usize) -> bool,
    words: &[(usize, usize)],
    at: usize,
) -> Option<((usize, usize), (usize, usize))> {
    #[rustfmt::skip]
    const MEATLESS: &[&str] = &[
        "vegetarian", "vegan", "veggie", "vegetariana", "vegetariano", "vegana", "vegano",
        "vegetarienne", "vegetarien", "vegetalienne", "vegetalien", "vegetarische",
        "vegetarischen", "vegetarisches", "vegetarisch", "vegane", "veganen", "veganes",
    ];
    #[rustfmt::skip]
    const MEAT: &[&str] = &[
        "ham", "bacon", "chicken", "meat", "beef", "pork", "sausage", "pepperoni", "salami",
        "chorizo", "prosciutto", "jamon", "pollo", "carne", "jambon", "poulet", "viande",
        "lardons", "boeuf", "porc", "schinken", "speck", "hahnchen", "fleisch", "wurst",
        "hackfleisch", "fiambre", "presunto", "frango", "porco", "salsicha", "salsiccia",
        "tocino", "anchoas", "anchovies", "acciughe", "sardellen", "anchois", "tuna", "atun",
        "thon", "thunfisch", "tonno", "atum",
    ];
    let from = at.saturating_sub(3);
    let kind = (from..(at + 5).min(words.len())).find(|&k| MEATLESS.contains(&text(k)))?;
    let meat = (kind + 1..(kind + 16).min(words.len())).find(|&k| MEAT.contains(&text(k)))?;
    // In one clause: "the vegetarian lasagne, my husband had the chicken" is two plates.
    if punctuated(words[kind].1, words[meat].0) {
        return None;
    }
    // A second dish ordered beside it: "a vegan curry and a chicken korma".
    const AND: &[&str] = &["and", "y", "et", "und", "e", "or", "o", "ou", "oder"];
    let beside = (meat.saturating_sub(2)..meat).any(|k| k > kind && AND.contains(&text(k)));
    (!beside).then(|| (words[kind], words[meat]))
}

/// An order, and the writer allergic to what it held: "Ordered a vegan burger and it came with
/// cheese on it. I'm allergic to dairy". Quoted as the order and the allergy. Thanks for an
/// order that was safe read as praise, which no cue overrules.
fn allergen_served<'a>(
    text: &impl Fn(usize) -> &'a str,
    words: &[(usize, usize)],
    at: usize,
) -> Option<((usize, usize), (usize, usize))> {
    #[rustfmt::skip]
    const ALLERGIC: &[&str] = &[
        "allergic", "alergico", "alergica", "allergique", "allergisch", "allergico", "allergica",
    ];
    let allergic = (at + 2..(at + 24).min(words.len())).find(|&k| ALLERGIC.contains(&text(k)))?;
    Some((words[at], words[allergic]))
}

/// Asked for without something, and it came with it: "Pedi sem cebola e veio cheio de cebola",
/// "ordered a burger without onions and it came with onions". Quoted as the request and what
/// came ("sem cebola … cebola"), or the ordinary kind ("sin gluten … pan normal"). The thing
/// again after another "without" is no wrong thing ("sin gluten … todo sin gluten").
fn without_then_with<'a>(
    text: &impl Fn(usize) -> &'a str,
    words: &[(usize, usize)],
    at: usize,
) -> Option<((usize, usize), (usize, usize))> {
    const WITHOUT: &[&str] = &["without", "no", "sin", "sans", "ohne", "senza", "sem"];
    const ARTICLE: &[&str] = &[
        "the", "any", "el", "la", "los", "las", "le", "les", "de", "d'", "die", "der", "das", "il",
        "lo", "o", "a", "os", "as",
    ];
    let end = (at + 8).min(words.len());
    let k = (at + 1..end).find(|&k| WITHOUT.contains(&text(k)))?;
    let x = (k + 1..k + 3).find(|&j| !ARTICLE.contains(&text(j)))?;
    let thing = text(x);
    if thing.len() < 3 {
        return None;
    }
    // Or the ordinary kind of what it was asked without ("sin gluten … pan normal").
    const ORDINARY: &[&str] = &[
        "normal", "normales", "normale", "normali", "normais", "regular",
    ];
    let ordinary = (x + 2..(x + 12).min(words.len())).find(|&j| ORDINARY.contains(&text(j)));
    if let Some(j) = ordinary {
        return Some(((words[k].0, words[x].1), words[j]));
    }
    let again = (x + 2..(x + 14).min(words.len())).find(|&j| text(j) == thing)?;
    let without_again = (again.saturating_sub(2)..again).any(|j| WITHOUT.contains(&text(j)));
    (!without_again).then(|| ((words[k].0, words[x].1), words[again]))
}

/// "Instead", folded, as each language says it ("au lieu", "em vez", "en su lugar": their last
/// word).
#[rustfmt::skip]
pub(super) const INSTEAD: &[&str] = &[
    "instead", "invece", "statt", "anstatt", "stattdessen", "lieu", "lugar", "vez", "inves",
];

/// Whether the words from `i` name a thing that came: an article or a number, or any words with
/// "instead" within six, and no message, discount, time or gift.
fn thing<'a>(text: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let first = text(i);
    // "Ordered tea, got cold coffee instead", "… mi hanno portato acqua invece del vino".
    let instead = || (i..i + 6).any(|k| INSTEAD.contains(&text(k)));
    let starts = THING.contains(&first)
        || (first == "the" && matches!(text(i + 1), "wrong" | "incorrect"))
        || (!first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()))
        || instead();
    starts
        && !NOT_A_THING.contains(&text(i + 1))
        && !NOT_A_THING.contains(&first)
        && !(i..i + 7).any(|k| GIFT.contains(&text(k)))
}

/// Whether what came at `came` is the order's kind with another "de" ("Pedi um bolo de
/// chocolate e entregaram de morango", "una pizza de jamón y me trajeron de atún"); not a time
/// or a manner ("chegou de manhã", "de novo").
fn flavour_swapped<'a>(text: &impl Fn(usize) -> &'a str, at: usize, i: usize, came: usize) -> bool {
    #[rustfmt::skip]
    const NOT_A_KIND: &[&str] = &[
        "manha", "manana", "tarde", "noche", "noite", "madrugada", "mattina", "sera", "pomeriggio",
        "novo", "nuevo", "nuovo", "volta", "vuelta", "repente", "imediato", "inmediato", "ritardo",
        "atraso", "retraso", "casa", "graca", "gracia", "regalo", "presente", "brinde", "bici",
    ];
    let de = text(came);
    let kind = text(came + 1);
    matches!(de, "de" | "di")
        && kind.chars().count() >= 3
        && !NOT_A_KIND.contains(&kind)
        && !NOT_A_THING.contains(&kind)
        && (at + 1..i).any(|k| text(k) == de && text(k + 1).len() >= 3 && text(k + 1) != kind)
}

/// A thing given besides the order is a gift ("me trajeron un postre de regalo", "they gave me
/// a free cookie").
#[rustfmt::skip]
const GIFT: &[&str] = &[
    "free", "complimentary", "bonus", "gift", "regalo", "gratis", "cortesia", "offert", "offerte",
    "cadeau", "gratuit", "gratuite", "geschenkt", "kostenlos", "omaggio", "brinde", "extra", "upgrade", "upgraded",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(post: &str) -> Option<String> {
        let f = crate::matcher::fold(post);
        let ordered = super::super::cues::cue_sets().raw(&f).ordered;
        wrong_item(&f, &ordered).map(|((a, b), (c, d))| format!("{} … {}", &f[a..b], &f[c..d]))
    }

    #[test]
    fn the_wrong_thing_came() {
        let cases = [
            (
                "Ordered a latte, got a cold americano",
                Some("ordered … got"),
            ),
            (
                "Ordered a blue jacket and received a red one",
                Some("ordered … received"),
            ),
            (
                "Pedí una talla M y me llegó una XL",
                Some("pedi … me llego"),
            ),
            (
                "J'ai commandé un M et j'ai reçu un XL",
                Some("commande … recu"),
            ),
            (
                "Ich habe eine M bestellt und eine XL bekommen",
                Some("bestellt … bekommen"),
            ),
            (
                "Ho ordinato una taglia S e mi è arrivata una L",
                Some("ordinato … mi e arrivata"),
            ),
            ("Comprei um tênis 40 e chegou 38", Some("comprei … chegou")),
            (
                "Ordered tea, got cold coffee instead",
                Some("ordered … got"),
            ),
            // What came is the order itself, a message or a time.
            ("Ordered on Monday, got it today, thanks", None),
            (
                "Ordered a pizza and got a text saying it's on the way",
                None,
            ),
            ("Ordered online and received a discount code", None),
            ("Pedí el lunes y me llegó un día tarde", None),
            ("Ich habe am Montag bestellt und heute bekommen", None),
            ("Comprei ontem e chegou hoje", None),
            ("I got a new phone", None),
            ("Pedí el menú y me trajeron un postre de regalo", None),
            // The same kind with another flavour.
            (
                "Pedi um bolo de chocolate e entregaram de morango",
                Some("pedi … entregaram"),
            ),
            (
                "Pedi um bolo de chocolate e chegou de manhã, perfeito",
                None,
            ),
            // Asked for without something, and it came with it.
            (
                "Pedi sem cebola e veio cheio de cebola de novo",
                Some("sem cebola … cebola"),
            ),
            (
                "Ordered a burger without onions and it came covered in onions",
                Some("without onions … onions"),
            ),
            (
                "Pedí una pizza sin gluten y todo sin gluten, perfecto",
                None,
            ),
            (
                "Pedí el menú sin gluten y me trajeron pan normal",
                Some("sin gluten … normal"),
            ),
            // Asked for without it, and it came with it.
            (
                "Asked for no onions, got extra onions. Every single time",
                Some("no onions … onions"),
            ),
            ("Asked for a table by the window and got one, thanks", None),
            // An order that held what the writer is allergic to.
            (
                "Ordered a vegan burger and it came with cheese on it. I'm allergic to dairy.",
                Some("ordered … allergic"),
            ),
            // Meat in what was ordered without it; not a second plate, nor a question.
            (
                "Vegetarische Pizza bestellt und da war Schinken drauf",
                Some("vegetarische … schinken"),
            ),
            (
                "Ordered a vegan curry and a chicken korma, both lovely",
                None,
            ),
            (
                "Ordered the veggie lasagne, my husband had the chicken",
                None,
            ),
            ("I ordered a vegetarian pizza, does it come with ham?", None),
        ];
        for (post, want) in cases {
            assert_eq!(quoted(post).as_deref(), want, "{post}");
        }
    }
}
