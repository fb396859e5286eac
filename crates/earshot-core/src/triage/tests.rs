//! Tests of `triage/mod.rs`.

use super::*;
use crate::model::{Author, Channel, OwnerCalls};

fn mention(text: &str, followers: Option<i64>) -> Mention {
    let mut m = Mention::new(Channel::Hackernews, "1", text);
    m.created_at = 1_000_000;
    m.author = Author {
        handle: "a".into(),
        followers,
        ..Author::default()
    };
    m
}

#[test]
fn the_shipped_model_loads() {
    assert!(
        !model().is_empty(),
        "data/sentiment.model is missing or empty"
    );
}

#[test]
fn a_complaint_outranks_praise_and_says_why() {
    let rules = Rules::default();
    let angry = triage(
        &mention("Worst service ever, still waiting for my refund", None),
        &rules,
        1_000_000,
    );
    let happy = triage(
        &mention("Lovely coffee, great staff", None),
        &rules,
        1_000_000,
    );
    assert!(
        angry.urgency >= 60,
        "a refund complaint is urgent: {angry:?}"
    );
    assert_eq!(angry.intent, Intent::Complaint);
    assert!(angry.complaint && angry.needs_reply);
    assert_eq!(angry.mood, Sentiment::Negative);
    assert!(happy.urgency < 20, "praise is not urgent: {happy:?}");
    assert_eq!(happy.intent, Intent::Praise);
    assert!(!happy.needs_reply);
    assert!(
        angry.reasons.iter().any(|r| r.contains("'refund'")),
        "{:?}",
        angry.reasons
    );
    // Its tone's word is said once, among the complaint's own.
    assert!(
        angry.reasons.iter().any(|r| r.contains("'worst'")),
        "{:?}",
        angry.reasons
    );
    assert!(
        !angry.reasons.iter().any(|r| r.starts_with("negative: ")),
        "{:?}",
        angry.reasons
    );
    assert!(
        happy.reasons.iter().any(|r| r.starts_with("positive: ")),
        "{:?}",
        happy.reasons
    );
}

#[test]
fn reach_raises_urgency_and_is_explained() {
    let rules = Rules::default();
    let small = triage(
        &mention("my order never arrived", Some(50)),
        &rules,
        1_000_000,
    );
    let big = triage(
        &mention("my order never arrived", Some(2_100_000)),
        &rules,
        1_000_000,
    );
    assert!(big.urgency > small.urgency + 15, "{big:?} vs {small:?}");
    assert!(
        big.reasons
            .contains(&"author has 2.1M followers".to_string()),
        "{:?}",
        big.reasons
    );
}

#[test]
fn a_post_the_network_addresses_to_the_business_is_addressed_without_a_handle_term() {
    // A reply under the business's post, or a quote of it: no @handle in the text.
    let rules = Rules::default();
    let plain = mention("the oat milk was off again", None);
    let mut reply = plain.clone();
    reply.remote.to_owner = true;
    let (plain, reply) = (
        triage(&plain, &rules, 1_000_000),
        triage(&reply, &rules, 1_000_000),
    );
    assert!(
        reply.reasons.contains(&"addressed to you".to_string()),
        "{:?}",
        reply.reasons
    );
    assert!(!plain.reasons.contains(&"addressed to you".to_string()));
    assert!(reply.urgency > plain.urgency, "{reply:?} vs {plain:?}");
}

#[test]
fn questions_and_leads_are_told_apart() {
    let q = triage(
        &mention("How do I change my booking?", None),
        &Rules::default(),
        1_000_000,
    );
    assert_eq!(q.intent, Intent::Question, "{q:?}");
    assert!(q.needs_reply);
    assert!(
        q.reasons.iter().any(|r| r.starts_with("asks for help")),
        "{:?}",
        q.reasons
    );
    assert!(q.urgency >= 20);
    let lead = triage(
        &mention(
            "How much is a bag of your house blend? Do you ship to Canada?",
            None,
        ),
        &Rules::default(),
        1_000_000,
    );
    assert_eq!(lead.intent, Intent::Lead, "{lead:?}");
    assert!(lead.needs_reply);
    let other = triage(
        &mention("Walked past the new cafe on Main St today", None),
        &Rules::default(),
        1_000_000,
    );
    assert_eq!(other.intent, Intent::Other, "{other:?}");
    assert!(!other.needs_reply);
}

#[test]
fn velocity_means_going_viral() {
    let mut m = mention("this cafe, huh", None);
    let calm = triage(&m, &Rules::default(), 1_000_000);
    m.engagement.velocity = Some(40.0);
    let hot = triage(&m, &Rules::default(), 1_000_000);
    assert!(hot.urgency >= calm.urgency + 25, "{hot:?} vs {calm:?}");
    assert!(
        hot.reasons
            .iter()
            .any(|r| r.starts_with("going viral: 40 ")),
        "{:?}",
        hot.reasons
    );
}

#[test]
fn old_posts_are_less_urgent() {
    let m = mention("terrible, I want a refund", None);
    let fresh = triage(&m, &Rules::default(), 1_000_000);
    let old = triage(&m, &Rules::default(), 1_000_000 + 5 * 86_400);
    assert!(old.urgency < fresh.urgency);
    assert!(old.reasons.iter().any(|r| r.contains("days ago")));
}

#[test]
fn the_owners_call_wins_and_says_so() {
    let mut m = mention("terrible, I want a refund", None);
    m.owner = OwnerCalls {
        urgent: Some(false),
        intent: Some(Intent::Other),
    };
    let t = triage(&m, &Rules::default(), 1_000_000);
    assert!(t.urgency < 60, "{t:?}");
    assert_eq!(t.intent, Intent::Other);
    assert!(!t.needs_reply && !t.complaint);
    assert_eq!(t.reasons[0], "you marked this not urgent");
}

#[test]
fn classify_gives_the_contract_fields() {
    let c = classify(
        "@airline my bag is lost and nobody answers the phone",
        Some(120),
    );
    assert_eq!(
        (c.sentiment, c.intent, c.complaint, c.needs_reply),
        ("negative", "complaint", true, true)
    );
    let j = serde_json::to_value(&c).expect("serialises");
    for k in [
        "sentiment",
        "intent",
        "complaint",
        "needs_reply",
        "urgency",
        "reasons",
    ] {
        assert!(j.get(k).is_some(), "{k} missing from {j}");
    }
}

#[test]
fn human_counts_read_naturally() {
    assert_eq!(human_count(950), "950");
    assert_eq!(human_count(2_100), "2.1k");
    assert_eq!(human_count(48_000), "48k");
    assert_eq!(human_count(2_100_000), "2.1M");
}

#[test]
fn french_and_italian_elisions_are_read_as_the_word_they_elide_into() {
    let norms = |text: &str, lang: &str| -> Vec<(String, bool)> {
        text::analyse_in(text, Some(lang))
            .tokens
            .into_iter()
            .map(|t| (t.norm, t.negated))
            .collect()
    };
    let fr = norms(
        "Merci pour l'accueil mais je n'ai jamais reçu ma commande",
        "fr",
    );
    assert!(fr.iter().any(|(w, _)| w == "accueil"), "{fr:?}");
    assert!(
        !fr.iter().any(|(w, _)| w == "laccueil" || w == "nai"),
        "{fr:?}"
    );
    // "n'" is the negation "ne": what follows it is negated.
    assert!(fr.contains(&("reçu".to_string(), true)), "{fr:?}");
    let it = norms("Ho aspettato un'ora dell'ordine", "it");
    let words: Vec<&str> = it.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["ho", "aspettato", "ora", "ordine"]);
    // Elsewhere an apostrophe is dropped as before ("don't" → "dont"), and "aujourd'hui" is one word.
    assert_eq!(norms("I don't know", "en")[1].0, "dont");
    assert_eq!(norms("aujourd'hui", "fr")[0].0, "aujourdhui");
}

#[test]
fn an_english_lexicon_word_that_is_a_plain_word_of_the_post_s_language_has_no_valence() {
    let neg = |text: &str, lang: &str| {
        super::vader::vader(&text::analyse_in(text, Some(lang)), |_, _| {}).neg
    };
    // German "die" (the) and "war" (was), Spanish "sin" (without), French "pain" (bread).
    assert_eq!(
        neg("Die Torte war lecker und die Bedienung freundlich", "de"),
        0.0
    );
    assert_eq!(neg("Un café sin azúcar para mí", "es"), 0.0);
    assert_eq!(neg("Le pain est encore chaud", "fr"), 0.0);
    // In English they keep theirs.
    assert!(neg("I could die of shame", "en") > 0.0);
    assert!(neg("the pain is back", "en") > 0.0);
}
