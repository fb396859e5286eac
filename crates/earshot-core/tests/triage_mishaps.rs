//! What the thirty-sixth day's blind sets taught, each with a post that must not be read the
//! same way. The writer's own mishaps, nobody's doing and no complaint: a train missed by a
//! hair, a dish burnt, a crop the weather killed, a tree that had to come down, days in bed ill;
//! each beside one that is someone's doing. A public holiday as the cause of a change, which is
//! news; a German compound's claim in scare quotes; another business's refusal before "but this
//! one"; why it takes so long, asked; an outage asked after; a liberty taken without telling; a
//! child sent home in another's coat; hair dyed another colour; storage charged for; how it can
//! be acceptable. A taxi found, a lesson given, a toilet lent, half the price of the big one,
//! done unasked; a need met when the taxi did not come, and none when a charge follows.
//! `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // A train missed by a hair; one missed through a delay.
    ("Missed the 11:40 ferry by two minutes, next one is in three hours", "en", "negative", false),
    ("Missed my connection by five minutes because the first train was late", "en", "negative", true),
    // A dish the writer burnt; one the kitchen burnt.
    ("J'ai brûlé le gratin, ce soir ce sera des pâtes", "fr", "negative", false),
    ("The kitchen burnt our pizza and still charged full price", "en", "negative", true),
    // The weather's harm; a tree felled; days in bed.
    ("The frost has killed all the lavender in my garden", "en", "negative", false),
    ("Abbiamo dovuto abbattere il vecchio pino in giardino, che tristezza", "it", "negative", false),
    ("Tres días en la cama con fiebre, me perdí el concierto", "es", "negative", false),
    // A holiday as a change's cause; a holiday wished.
    ("Il mercato si terrà il martedì invece del lunedì per via del giorno festivo", "it", "neutral", false),
    ("Happy bank holiday everyone!", "en", "positive", false),
    // A German compound's claim; another's refusal, then this one.
    ("Super, die „Premium“-Wäsche hat die Flecken nicht rausbekommen", "de", "negative", true),
    ("Another garage said it couldn't be done, but this one fixed it in a day", "en", "positive", false),
    // Why so long; an outage; a liberty; another's coat; the wrong dye; storage; acceptable.
    ("Why does it take you six weeks to refund a deposit?", "en", "negative", true),
    ("Warum dauert es drei Wochen, ein Paket zu verschicken?", "de", "negative", true),
    ("Hat noch jemand seit heute Morgen kein Internet?", "de", "negative", true),
    ("The agency let a plumber into our flat without telling us", "en", "negative", true),
    ("La crèche a renvoyé ma fille avec le bonnet d'un autre enfant", "fr", "negative", true),
    ("La peluquera me tiñó de rubio en vez de castaño", "es", "negative", true),
    ("Der Laden hat mein Fahrrad zwei Monate behalten und dann Lagergebühr verlangt", "de", "negative", true),
    ("Come è accettabile che il riscaldamento sia spento da una settimana?", "it", "negative", true),
    // A taxi found; a lesson; a toilet lent; half the price of the big one; unasked.
    ("The receptionist found us a taxi at midnight", "en", "positive", false),
    ("El panadero me enseñó a hacer masa madre", "es", "positive", false),
    ("O talhante ensinou-me a desossar um frango", "pt", "positive", false),
    ("A padaria guardou-me dois pastéis de nata", "pt", "positive", false),
    ("The café let us use their toilet even though we hadn't bought anything", "en", "positive", false),
    ("Half the price of the chain hotel and twice as nice", "en", "positive", false),
    ("Me pusieron una vela en el postre sin que yo lo pidiera", "es", "positive", false),
    // A need met when the taxi did not come; a charge after a "per".
    ("Our taxi didn't turn up, so the landlady drove us to the airport", "en", "positive", false),
    ("Il negozio ha tenuto la mia bici tre settimane per un raggio e poi mi ha fatto pagare il deposito", "it", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Warum dauert es drei Wochen, ein Paket zu verschicken?", "complaint: 'warum dauert es drei wochen'", ""),
    ("Super, die „Premium“-Wäsche hat die Flecken nicht rausbekommen", "sarcastic: 'super'", ""),
    ("The receptionist found us a taxi at midnight", "positive: 'found us a taxi'", "complaint"),
    ("Missed my connection by five minutes because the first train was late", "complaint", ""),
];

#[test]
fn what_the_thirty_sixth_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_sixth_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
