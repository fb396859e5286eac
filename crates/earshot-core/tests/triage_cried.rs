//! What the eighteenth day's blind set (`q` of `data/business/heldout.csv`, 57 of 72 read right
//! at its one reading) showed, in posts of its own: a cry of delight at each end of a mishap
//! ("Genial, … Maravilloso"), asked for one thing and came out with another, a wait told with
//! "esperamos", "esperei", "aspettato", no confirmation had yet, a fair price when the business
//! could have taken advantage, and a dog's tail. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const TOLD: &[(&str, &str, &str, bool)] = &[
    // A cry at each end, and a mishap or "again" between: sarcasm. Not praise at each end of
    // good news.
    ("Brilliant, the laundrette shrank another jumper. Wonderful", "en", "negative", true),
    ("Genial, el taller me ha vuelto a rayar el coche. Estupendo", "es", "negative", true),
    ("Parfait, la poste a encore égaré un colis. Magnifique", "fr", "negative", true),
    ("Ottimo, il corriere ha perso un altro pacco. Splendido", "it", "negative", true),
    ("Perfeito, a oficina riscou mais um carro. Maravilha", "pt", "negative", true),
    ("Perfect, the florist had the white roses after all. Wonderful", "en", "positive", false),
    // Asked for one thing, came out with another; not with exactly what was asked.
    ("Asked for a light trim and came out with a buzz cut", "en", "negative", true),
    ("Pedí solo las puntas y salí con el pelo por los hombros", "es", "negative", true),
    ("J'avais demandé des mèches discrètes et je suis repartie avec les cheveux jaunes", "fr", "negative", true),
    ("Avevo chiesto solo una spuntatina e mi ritrovo con i capelli cortissimi", "it", "negative", true),
    ("Pedi só para aparar as pontas e saí com o cabelo curtíssimo", "pt", "negative", true),
    ("Asked for a bob and came out with exactly what I wanted", "en", "positive", false),
    // A wait with its length, in the words of those who waited.
    ("Esperamos 40 minutos a que el camarero nos tomara nota", "es", "negative", true),
    ("Esperei 45 minutos pela conta", "pt", "negative", true),
    ("Abbiamo aspettato 40 minuti per il primo", "it", "negative", true),
    // No confirmation had yet.
    ("Booked the cottage for August two weeks ago and haven't had a confirmation", "en", "negative", true),
    ("Sent my CV last month and still no confirmation that you got it", "en", "negative", true),
    // A fair price where the business could have taken advantage; not where it did.
    ("Boiler broke on Christmas Eve and the engineer didn't take advantage of us", "en", "positive", false),
    ("Le dépanneur n'a pas profité de la situation alors qu'on était coincés sur l'autoroute", "fr", "positive", false),
    ("El de la grúa no se aprovechó de la situación aunque estábamos tirados en la autopista", "es", "positive", false),
    ("Il carrozziere non ha approfittato della situazione", "it", "positive", false),
    ("O reboque não se aproveitou da situação", "pt", "positive", false),
    ("Der Abschleppdienst hat unsere Notlage nicht ausgenutzt", "de", "positive", false),
    ("They took advantage of my mum and charged her triple", "en", "negative", true),
    // The writer's dog and its tail.
    ("Unsere alte Hündin wird beim Tierarzt so lieb behandelt, sie wedelt jedes Mal mit dem Schwanz", "de", "positive", false),
    ("La mia cagna adora la toelettatrice, grazie", "it", "positive", false),
];

#[test]
fn the_eighteenth_days_cases_read_as_told() {
    none_wrong(&misreads(TOLD));
}

#[test]
fn the_reasons_name_the_cry_and_what_was_asked_for() {
    none_wrong(&misquoted(&[
        (
            "Genial, el taller me ha vuelto a rayar el coche. Estupendo",
            "sarcastic: 'genial'",
            "positive",
        ),
        (
            "Asked for a light trim and came out with a buzz cut",
            "asked … came out with",
            "",
        ),
    ]));
}
