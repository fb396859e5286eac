//! What the thirty-eighth day's blind sets taught, each beside a post that must not be read the
//! same way. The writer's own bad luck, no complaint: a journey called off before the
//! business's event, a child woken with a fever, a day lost to fog, a mishap owned as the
//! writer's kind; beside a flight called off that keeps the writer from their own event, and a
//! fog that lifted. Complaints no single word tells: a promise put off at every call (and
//! lovely staff at every call, which is none), a promise and then another thing used, a claim
//! sold in scare quotes, a thing forgotten entirely, a thing broken then billed, a charge
//! doubled without a word, a penalty passed on. Care shown: one of the writer's party seen
//! and made room for, nerves met with calm (and nerves shouted at, which are a complaint), a
//! job done while the writer shopped, a child inspired, a room that sang along. `earshot
//! classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // A journey called off before the business's event; one before the writer's own.
    ("My train was cancelled, so I'll miss the launch party at your shop. Gutted.", "en", "negative", false),
    ("My flight was cancelled so I'll miss my nephew's christening, sort it out", "en", "negative", true),
    // A child woken with a fever; a day lost to fog; a fog that lifted; a mishap owned.
    ("Mon fils s'est réveillé avec de la fièvre, donc pas de piscine aujourd'hui, dommage.", "fr", "negative", false),
    ("The fog never lifted at the viewpoint, so no photos of the valley", "en", "negative", false),
    ("Dropped my phone in the canal on the way to the station. Classic me.", "en", "negative", false),
    // Put off at every call; lovely at every call.
    ("The joiner still says 'end of the month' every time I ring, and that was in April", "en", "negative", true),
    ("Every time I call, the girls on reception are lovely", "en", "positive", false),
    // A promise then another thing; scare quotes; forgotten entirely; broken then billed.
    ("The hairdresser promised a trim, then cut off ten centimetres", "en", "negative", true),
    ("The gallery sold us a 'signed' print whose signature is printed on", "en", "negative", true),
    ("The roofer forgot the flashing entirely and now the chimney breast is wet", "en", "negative", true),
    ("The decorator smashed our lamp and then charged us for the drop cloths", "en", "negative", true),
    ("Our broadband provider doubled the bill without warning", "en", "negative", true),
    ("Unser Steuerberater hat die Frist verpasst, und jetzt sollen wir das selbst zahlen", "de", "negative", true),
    ("Há dois meses que espero a fatura corrigida", "pt", "negative", true),
    // Asked, not complained of: how long a job takes; who the club lets in.
    ("Quanto tempo demora a fazer uma chave suplente?", "pt", "neutral", false),
    ("Pueden los no socios usar la piscina del club en agosto?", "es", "neutral", false),
    // Care shown; nerves shouted at.
    ("The usher noticed one of our group was blind and walked her to her seat", "en", "positive", false),
    ("My nervous dog was shouted at by your groomer", "en", "negative", true),
    ("Our son was bullied at school; a year of boxing at your gym and he walks tall", "en", "positive", false),
    ("The whole bar sang along with the birthday girl", "en", "positive", false),
    ("Now my daughter wants to be a vet, thank you for the farm visit", "en", "positive", false),
    ("The butcher boned the lamb shoulder while we did the rest of the shopping", "en", "positive", false),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("The gallery sold us a 'signed' print whose signature is printed on", "complaint: 'sold … signed'", ""),
    ("The joiner still says 'end of the month' every time I ring, and that was in April", "complaint: 'every time i ring'", ""),
    ("Every time I call, the girls on reception are lovely", "positive: 'lovely'", "complaint"),
    ("Quanto tempo demora a fazer uma chave suplente?", "asks for help: 'quanto tempo demora a'", "complaint"),
];

#[test]
fn what_the_thirty_eighth_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_eighth_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
