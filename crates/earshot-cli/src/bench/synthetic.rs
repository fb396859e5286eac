//! Seeded synthetic data for the benchmarks: posts that read like mentions of a coffee shop, in
//! varied lengths, from many authors with varied reach.

use earshot_core::model::{Author, Business, Channel, Engagement, Mention};
use earshot_core::triage::linear::SplitMix;

/// Word banks the posts are built from.
pub const OPENERS: &[&str] = &[
    "Just tried",
    "Anyone else think",
    "Honestly",
    "PSA:",
    "Shoutout to",
    "Can't believe",
    "Wow,",
    "Update on",
    "Still waiting on",
    "Thinking about",
    "Why is",
    "Loving",
    "So disappointed with",
    "Quick question about",
    "Reminder that",
];
pub const MIDDLES: &[&str] = &[
    "the new seasonal menu",
    "my order from last week",
    "the flat white",
    "their customer service",
    "the app update",
    "the delivery time",
    "the loyalty card",
    "the staff at the Main St shop",
    "the price increase",
    "the oat milk latte",
    "the refund I asked for",
    "the weekend brunch",
    "the opening hours",
    "the wifi",
    "the new pastry chef",
];
pub const CLOSERS: &[&str] = &[
    "and it was great!",
    "and I want my money back.",
    "is anyone else having this problem?",
    "10/10 would recommend",
    "worst experience ever, never again",
    "not sure how I feel about it.",
    "how do I get a refund?",
    "absolutely love it ❤️",
    "been on hold for an hour",
    "do you ship to Canada?",
    "meh.",
    "thanks for sorting it so quickly",
    "",
    "this is the third time this month",
    "see the thread below",
];
pub const FILLER: &[&str] = &[
    "I mean",
    "to be fair",
    "the line was long",
    "my friend said the same",
    "it was raining",
    "on my way to work",
    "after the gym",
    "with the kids",
    "tbh",
    "lol",
];
pub const BRANDS: &[&str] = &[
    "Brightside Coffee",
    "@brightsidecoffee",
    "#brightside",
    "brightside.coffee",
];

/// One of `from`, chosen by `rng`.
pub fn pick<'a>(rng: &mut SplitMix, from: &[&'a str]) -> &'a str {
    from[(rng.next_u64() % from.len() as u64) as usize]
}

/// Realistic synthetic post text: varied lengths, most naming the business.
pub fn post_text(rng: &mut SplitMix) -> String {
    let mut s = format!(
        "{} {} {}",
        pick(rng, OPENERS),
        pick(rng, MIDDLES),
        pick(rng, BRANDS)
    );
    for _ in 0..(rng.next_u64() % 5) {
        s.push_str(", ");
        s.push_str(pick(rng, FILLER));
    }
    s.push(' ');
    s.push_str(pick(rng, CLOSERS));
    if rng.next_u64().is_multiple_of(4) {
        s.push_str(&format!(" {} {}", pick(rng, MIDDLES), pick(rng, CLOSERS)));
    }
    s
}

/// N synthetic mentions from a seed: varied channels, authors, reach, times.
pub fn synthetic_mentions(seed: u64, n: usize, start_at: usize) -> Vec<Mention> {
    let mut rng = SplitMix(seed ^ start_at as u64);
    (start_at..start_at + n)
        .map(|i| {
            let channel = if i % 3 == 0 {
                Channel::Rss
            } else {
                Channel::Hackernews
            };
            let mut m = Mention::new(channel, format!("syn-{i}"), post_text(&mut rng));
            m.created_at = 1_700_000_000 + i as i64 * 37;
            m.fetched_at = m.created_at + 60;
            let author = rng.next_u64() % 20_000;
            m.author = Author {
                handle: format!("user{author}"),
                display_name: author.is_multiple_of(2).then(|| format!("User {author}")),
                profile_url: None,
                followers: (!author.is_multiple_of(3))
                    .then_some((author * author % 2_500_000) as i64),
                karma: None,
            };
            m.url = Some(format!("https://example.com/post/{i}"));
            if i % 7 == 0 {
                m.title = Some(format!("Review: {}", pick(&mut rng, MIDDLES)));
            }
            m.engagement = Engagement {
                likes: Some((rng.next_u64() % 50) as i64),
                reposts: None,
                replies: Some((rng.next_u64() % 10) as i64),
                velocity: None,
            };
            m
        })
        .collect()
}

pub fn business() -> Business {
    Business {
        name: "Brightside Coffee".into(),
        terms: vec![
            "@brightsidecoffee".into(),
            "#brightside".into(),
            "brightside.coffee".into(),
        ],
        exclusions: vec!["brightside of life".into()],
    }
}
