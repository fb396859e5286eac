//! What the thirty-seventh day's blind sets taught, each beside a post that must not be read
//! the same way. The writer's own bad luck, nobody's doing and no complaint: a fall on the ice
//! at home, a pet gone missing, work that keeps the writer from a party, tears at a first
//! parting; each beside one that is the business's doing. A place shut until a date or for its
//! stocktaking, and something kept for some, which are news; a door found shut, which is not. A
//! repair that did not hold, a pet given back with a cut it did not have, a car's aerial or
//! mirror torn off, staff who came drunk, "who decided", a fault excused as meant. A fear
//! remembered and cared for, or eased until it stopped, a distress grown out of (and a fear
//! ended by a harm, which is none of these), an errand run for the writer, a picture somehow
//! taken; keys the writer locked in. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // A fall on the ice at home; one in the business's car park.
    ("Slipped on the ice in our driveway and cracked a rib, no yoga for a while", "en", "negative", false),
    ("Slipped on the ice in your car park this morning, nobody had gritted it", "en", "negative", true),
    // A pet gone missing; one lost from the cattery.
    ("Il nostro cane è sparito da ieri sera, non verrò al corso", "it", "negative", false),
    ("Our cat went missing from your cattery", "en", "negative", true),
    // Work that keeps the writer from a party; tears at a first parting.
    ("Je travaille samedi, je vais rater la soirée de lancement, dommage", "fr", "negative", false),
    ("Hoje deixei a minha filha na creche pela primeira vez e chorei no carro", "pt", "negative", false),
    // Shut until a date, for stocktaking, kept for some; a door found shut.
    ("Closed on Tuesdays until the end of March for staff training", "en", "neutral", false),
    ("Cerrado el lunes por inventario", "es", "neutral", false),
    ("The terrace is for diners only; anyone just having drinks can use the bar", "en", "neutral", false),
    ("Closed again at 2pm on a Saturday, third time this month", "en", "negative", true),
    // A repair that did not hold; one that did.
    ("Two weeks after the plumber fixed the boiler it's leaking again", "en", "negative", true),
    ("The garage fixed the brakes and the car runs again like new", "en", "positive", false),
    // Given back with a cut; torn off; drunk; who decided.
    ("The groomer sent our dog back with a cut on his ear he didn't have this morning", "en", "negative", true),
    ("The valet snapped off my aerial and said nothing", "en", "negative", true),
    ("Der Parkservice hat mir den Spiegel abgebrochen", "de", "negative", true),
    ("The DJ turned up drunk at my sister's wedding", "en", "negative", true),
    ("Who decided to stop selling the sourdough?", "en", "negative", true),
    // A fear remembered; an errand; somehow.
    ("The florist remembered I was anxious about the colours and sent me photos first", "en", "positive", false),
    ("El dueño de la tienda fue al almacén a buscarme otra talla", "es", "positive", false),
    ("The photographer somehow managed to get the baby smiling", "en", "positive", false),
    // A fear eased until it stopped, a distress grown out of; a fear ended by a harm.
    ("The groomer kept our anxious puppy on her lap until he stopped trembling", "en", "positive", false),
    ("In a term the dance teacher took her from crying at the door to running in", "en", "positive", false),
    ("Our dog was nervous until the groomer cut his ear", "en", "negative", true),
    // Keys locked in by the writer; a fault excused as meant.
    ("Me he dejado las llaves dentro del coche en la gasolinera, esperando a mi hermano", "es", "negative", false),
    ("The florist says it's meant to look wild but half the roses are dead", "en", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Two weeks after the plumber fixed the boiler it's leaking again", "complaint: 'weeks after … again'", ""),
    ("The valet snapped off my aerial and said nothing", "complaint: 'snapped … aerial'", ""),
    ("El dueño de la tienda fue al almacén a buscarme otra talla", "positive: 'dueño tienda'", "complaint"),
    ("Slipped on the ice in our driveway and cracked a rib, no yoga for a while", "negative: 'slipped on the ice", "health"),
];

#[test]
fn what_the_thirty_seventh_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_seventh_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
