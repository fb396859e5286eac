//! What the sentiment model learning the business posts (`data/business/posts.csv`) would
//! otherwise have moved: sarcasm named where the model already reads the post negative, insults
//! alone, Italian "un po'", a strong complaint before "but", a cry of praise that ends a post
//! (and sarcasm's cry that ends one), a friend who is a lawyer. Each with a post that must not
//! be read the same way.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    ("Génial, 5 euros pour un café tiède", "fr", "negative", true),
    ("Waited an hour for a cold pizza. Brilliant.", "en", "negative", true),
    ("Vous êtes des connards", "fr", "negative", false),
    ("Un po' caro ma vale ogni centesimo", "it", "positive", false),
    ("Un po' lento il servizio", "it", "negative", true),
    ("The service was terrible but the food was great", "en", "negative", true),
    ("The food was terrible but the staff were lovely", "en", "negative", true),
    ("A bit pricey but the food was great", "en", "positive", false),
    ("I was terrified of the dentist but she was amazing", "en", "positive", false),
    ("My boiler broke and @quickplumb came within the hour, lifesavers!", "en", "positive", false),
    ("Roof leaking all night, the roofer came at 7am and fixed it, lifesaver", "en", "positive", false),
    ("The heating broke in January and nobody came for a week. Superb", "en", "negative", true),
    ("Order arrived late again. Brilliant.", "en", "negative", true),
    ("The room was tiny and noisy. Wonderful.", "en", "negative", true),
    ("Pedido otra vez tarde, genial", "es", "negative", true),
    ("See you again soon, great!", "en", "positive", false),
    ("My refund came through, perfect", "en", "positive", false),
    ("My lawyer friend says you're the best in town", "en", "positive", false),
    ("My lawyer will be in touch about this", "en", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Génial, 5 euros pour un café tiède", "sarcastic: 'génial'", "positive"),
    ("Vous êtes des connards", "abusive: 'connards'", ""),
    ("Order arrived late again. Brilliant.", "sarcastic: 'brilliant'", "positive"),
    ("Pedido otra vez tarde, genial", "sarcastic: 'genial'", "positive"),
    ("My refund came through, perfect", "positive: 'perfect'", "sarcastic"),
    ("The service was terrible but the food was great", "complaint: 'terrible'", "positive"),
    ("My boiler broke and @quickplumb came within the hour, lifesavers!", "positive: 'lifesavers'", "complaint"),
    ("My lawyer friend says you're the best in town", "positive: 'best'", "legal threat"),
    ("My lawyer will be in touch about this", "legal threat or report: 'my lawyer'", ""),
];

#[test]
fn cries_turns_insults_and_friends_read_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn cries_turns_insults_and_friends_are_quoted() {
    none_wrong(&misquoted(QUOTED));
}
