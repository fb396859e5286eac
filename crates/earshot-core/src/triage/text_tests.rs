//! Tests of `text.rs`.

use super::*;

fn norms(text: &str) -> Vec<String> {
    analyse(text).tokens.into_iter().map(|t| t.norm).collect()
}

#[test]
fn tokens_fold_links_handles_numbers_and_elongation() {
    assert_eq!(
        norms("@united Sooooo late!!! See https://t.co/x I'm on flight 1234 😡 :("),
        ["_at", "so", "late", "see", "_url", "im", "on", "flight", "_num", "😡", ":("]
    );
    // A stretch is read as the word it stretches where that is a word Earshot knows; a word
    // no list knows keeps two letters, and a word with a double letter keeps it.
    assert_eq!(
        norms("terribleeee baaad goooood everrrr yessss"),
        ["terrible", "bad", "good", "everr", "yes"]
    );
}

#[test]
fn a_negation_of_one_language_is_a_plain_word_in_another() {
    let negated = |text: &str, lang: Option<&str>| -> Vec<String> {
        analyse_in(text, lang)
            .tokens
            .into_iter()
            .filter(|t| t.negated)
            .map(|t| t.norm)
            .collect()
    };
    // Portuguese "no" is "in the"; Spanish "no" negates.
    assert!(negated("Comprei no site e chegou bem", Some("pt")).is_empty());
    assert_eq!(negated("No llegó bien", Some("es")), ["llegó", "bien"]);
    // Italian "ne" is "of it"; its "non" negates.
    assert_eq!(
        negated("Ne ho due e non funzionano", Some("it")),
        ["funzionano"]
    );
    // French "ne" negates.
    assert_eq!(
        negated("Je ne suis pas content", Some("fr")),
        ["suis", "content"]
    );
}

#[test]
fn a_post_turns_at_its_own_language_s_but_and_a_negation_stops_there() {
    let turns = |text: &str, lang: Option<&str>| -> Vec<String> {
        let a = analyse_in(text, lang);
        a.turns.iter().map(|&i| a.tokens[i].norm.clone()).collect()
    };
    // French "mais" turns; Portuguese "mais" is "more".
    assert_eq!(turns("Bon mais trop cher", Some("fr")), ["mais"]);
    assert!(turns("Quero mais café", Some("pt")).is_empty());
    // Italian "ma" turns; French "ma" is "my".
    assert_eq!(turns("Buono ma caro", Some("it")), ["ma"]);
    assert!(turns("Ma commande est arrivée", Some("fr")).is_empty());
    // Two words, one turn; and "sin embargo" (however) negates nothing.
    let a = analyse_in(
        "Buena pizza sin embargo el camarero fue grosero",
        Some("es"),
    );
    assert_eq!(a.turns.len(), 1);
    assert!(a.tokens.iter().all(|t| !t.negated));
    // "Not cheap but good": "good" is not negated.
    let a = analyse("not cheap but good");
    let negated: Vec<&str> = a
        .tokens
        .iter()
        .filter(|t| t.negated)
        .map(|t| t.norm.as_str())
        .collect();
    assert_eq!(negated, ["cheap"]);
}

#[test]
fn negation_scope_ends_at_punctuation() {
    let a = analyse("not good at all. great now");
    let flags: Vec<(String, bool)> = a.tokens.into_iter().map(|t| (t.norm, t.negated)).collect();
    assert_eq!(
        flags,
        [
            ("not".into(), false),
            ("good".into(), true),
            ("at".into(), true),
            ("all".into(), true),
            ("great".into(), false),
            ("now".into(), false)
        ]
    );
}
