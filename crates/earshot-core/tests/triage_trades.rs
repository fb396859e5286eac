//! What a repairer, a plumber or an app's owner hears when a thing does not work. Out of order
//! is a complaint in each language ("en panne", "fuori uso", "außer Betrieb": the French and
//! Spanish ones read as nothing, or as praise of "fidélité", before). And the writer's own thing
//! broken, in a post that asks the business to come or to mend it, is work asked for, not a
//! complaint ("My washing machine is broken, can you come on Tuesday?" was one at urgency 58, in
//! all six languages); unless the post says the business had a hand in it, that it came so, or
//! that it is broken again or already. The appliances' own verbs (cooling, draining, charging)
//! came from the twentieth day's blind set `w`. `earshot classify` is what is tested.

mod triage_common;

use earshot_core::triage::classify;
use triage_common::{misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const OUT_OF_ORDER: &[(&str, &str, &str, bool)] = &[
    ("The card machine at the till is out of order again", "en", "negative", true),
    ("La web de reservas está caída desde anoche", "es", "negative", true),
    ("La máquina de café está estropeada desde el lunes", "es", "negative", true),
    ("L'appli de la carte fidélité est en panne depuis ce matin", "fr", "negative", true),
    ("Le distributeur de billets est hors service depuis lundi", "fr", "negative", true),
    ("Der Fahrkartenautomat ist seit Montag außer Betrieb", "de", "negative", true),
    ("La lavatrice della lavanderia è fuori uso da una settimana", "it", "negative", true),
    ("O site das reservas está fora do ar desde ontem", "pt", "negative", true),
];

/// The writer's own thing broken, and the business asked to come or mend it.
const ASKED: &[(&str, &str)] = &[
    (
        "My washing machine is broken, can you come on Tuesday?",
        "en",
    ),
    (
        "Our boiler has stopped working, do you do emergency call-outs?",
        "en",
    ),
    ("My laptop won't start, do you repair Dell laptops?", "en"),
    ("Mi lavadora no funciona, ¿podéis venir el martes?", "es"),
    ("Nuestra caldera está averiada, ¿hacéis urgencias?", "es"),
    (
        "Ma machine à laver est en panne, vous pouvez passer mardi ?",
        "fr",
    ),
    (
        "Notre chaudière ne marche plus, vous faites les dépannages le dimanche ?",
        "fr",
    ),
    (
        "Meine Waschmaschine ist kaputt, können Sie am Dienstag vorbeikommen?",
        "de",
    ),
    (
        "Unsere Heizung funktioniert nicht, machen Sie auch Notdienst?",
        "de",
    ),
    (
        "La mia lavatrice non funziona, potete venire martedì?",
        "it",
    ),
    ("La nostra caldaia è guasta, fate interventi urgenti?", "it"),
    (
        "A minha máquina de lavar está avariada, podem vir na terça?",
        "pt",
    ),
    (
        "O nosso esquentador não funciona, fazem serviço de urgência?",
        "pt",
    ),
    // What an appliance does, not done: cooling, heating, draining, charging; a cracked screen.
    (
        "My freezer has stopped cooling, when could someone come round?",
        "en",
    ),
    (
        "My fridge doesn't work anymore, can you come and look at it?",
        "en",
    ),
    (
        "The screen on my tablet is cracked, do you replace screens?",
        "en",
    ),
    ("Mi calentador no calienta, ¿tenéis hueco mañana?", "es"),
    (
        "Mon ballon d'eau chaude ne chauffe plus, vous passez le week-end ?",
        "fr",
    ),
    (
        "Meine Waschmaschine pumpt nicht mehr ab, haben Sie diese Woche noch Zeit?",
        "de",
    ),
    ("Il mio forno non scalda, potete passare venerdì?", "it"),
    (
        "O meu telemóvel não carrega, fazem reparações no próprio dia?",
        "pt",
    ),
];

/// The business's hand in it, the thing come so, or the fault back: complaints still.
#[rustfmt::skip]
const THEIRS: &[(&str, &str, &str, bool)] = &[
    ("The washing machine you repaired last week is broken again, can you come back?", "en", "negative", true),
    ("My new sofa arrived broken, can you send a replacement?", "en", "negative", true),
    ("My order arrived broken, what should I do?", "en", "negative", true),
    ("The boiler you installed has stopped working, can someone come?", "en", "negative", true),
    ("La lavadora que nos reparasteis vuelve a no funcionar, ¿podéis venir?", "es", "negative", true),
    ("La chaudière que vous avez installée est encore en panne, vous pouvez repasser ?", "fr", "negative", true),
    ("Die Waschmaschine, die Sie repariert haben, ist schon wieder kaputt, können Sie nochmal kommen?", "de", "negative", true),
    ("My washing machine is broken and nobody has called me back", "en", "negative", true),
    // Soon after the business had it: picked up, and already not working.
    ("Collected my car from you on Saturday and it already won't start, what did you do?", "en", "negative", true),
];

#[test]
fn out_of_order_is_a_complaint_in_each_language() {
    none_wrong(&misreads(OUT_OF_ORDER));
}

#[test]
fn the_writers_own_broken_thing_asks_for_work() {
    let wrong: Vec<String> = ASKED
        .iter()
        .filter_map(|(text, lang)| {
            let got = classify(text, None);
            let asks = matches!(got.intent, "question" | "lead");
            let right = got.language == Some(*lang) && !got.complaint && asks;
            (!right).then(|| {
                format!(
                    "{text}\n  got {:?} {} {} complaint={} [{}]",
                    got.language,
                    got.sentiment,
                    got.intent,
                    got.complaint,
                    got.reasons.join(" | ")
                )
            })
        })
        .collect();
    none_wrong(&wrong);
}

#[test]
fn a_fault_of_the_business_stays_a_complaint() {
    none_wrong(&misreads(THEIRS));
}
