//! The scripted story the simulator tells: posts about a demo business, "Brightside Coffee",
//! appearing over time on each simulated source. A fixed opening (praise, a question, an angry
//! complaint from a high-karma author, a post that only shares a word with the name, a post
//! carrying hostile markup) followed by seeded filler, all deterministic for a given seed.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// The simulated business.
pub const BUSINESS: &str = "Brightside Coffee";

/// Which simulated source serves a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Feed {
    /// Hacker News (Algolia API).
    Hackernews,
    /// A Google Alerts Atom feed.
    Alerts,
    /// A review site's RSS 2.0 feed.
    Reviews,
}

impl Feed {
    /// The channel the engine files it under.
    pub fn channel(self) -> &'static str {
        match self {
            Feed::Hackernews => "hackernews",
            Feed::Alerts | Feed::Reviews => "rss",
        }
    }
    /// Every feed.
    pub const ALL: [Feed; 3] = [Feed::Hackernews, Feed::Alerts, Feed::Reviews];
}

/// One post the simulator will serve.
#[derive(Debug, Clone, Serialize)]
pub struct SimPost {
    /// The engine's channel name.
    pub channel: &'static str,
    /// The simulated source.
    pub feed: Feed,
    /// The id the network gives it.
    pub external_id: String,
    /// Author handle.
    pub author: String,
    /// Hacker News karma of the author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub karma: Option<i64>,
    /// Title, for stories, articles and reviews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body as plain text (the server escapes or wraps it as each API does).
    pub text: String,
    /// Raw HTML appended after the escaped text (to test sanitising), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_html: Option<String>,
    /// Link to the original (articles, reviews).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Seconds after the simulator starts when it appears.
    pub offset_secs: i64,
    /// For posts present at start: how long before start it was published.
    pub backdate_secs: i64,
    /// Whether it is a comment (HN) rather than a story.
    pub is_comment: bool,
}

impl SimPost {
    /// Publication time given the simulator's start.
    pub fn created_at(&self, start: i64) -> i64 {
        start + self.offset_secs - self.backdate_secs
    }
}

struct Opening {
    feed: Feed,
    author: &'static str,
    karma: Option<i64>,
    title: Option<&'static str>,
    text: &'static str,
    raw_html: Option<&'static str>,
    link: Option<&'static str>,
    offset: i64,
    backdate: i64,
    comment: bool,
}

const OPENING: &[Opening] = &[
    Opening { feed: Feed::Hackernews, author: "kestrel", karma: Some(48_200), title: None,
        text: "Brightside Coffee charged me twice for my subscription and support has ignored three emails. Worst customer service I've had this year. I want a refund.",
        raw_html: None, link: None, offset: 0, backdate: 20 * 60, comment: true },
    Opening { feed: Feed::Hackernews, author: "roastmaster", karma: Some(3_400), title: Some("Brightside Coffee open-sources its roast profile logger"),
        text: "We built this to log bean temperature curves on our roasters. Happy to answer questions.",
        raw_html: None, link: None, offset: 0, backdate: 5 * 3600, comment: false },
    Opening { feed: Feed::Hackernews, author: "mapleleaf", karma: Some(210), title: None,
        text: "Does anyone know if Brightside ships to Canada? Their site doesn't say.",
        raw_html: None, link: None, offset: 0, backdate: 2 * 3600, comment: true },
    Opening { feed: Feed::Hackernews, author: "kernelhacker", karma: Some(9_800), title: None,
        text: "Always look on the brightside of life, as they say. Anyway, the scheduler patch landed.",
        raw_html: None, link: None, offset: 0, backdate: 3 * 3600, comment: true },
    Opening { feed: Feed::Hackernews, author: "xss_tester", karma: Some(15), title: None,
        text: "Tried the new Brightside espresso blend <script>window.__earshotPwned = 1</script> <img src=x onerror=\"window.__earshotPwned = 2\"> pretty good!",
        raw_html: Some("<img src=x onerror=\"window.__earshotPwned = 3\"><script>window.__earshotPwned = 4</script>"),
        link: None, offset: 0, backdate: 50 * 60, comment: true },
    Opening { feed: Feed::Alerts, author: "", karma: None, title: Some("Brightside Coffee named among the best new roasters in Portland"),
        text: "Brightside Coffee, the roastery on SE Division, took third place for its washed Ethiopian and its friendly staff.",
        raw_html: None, link: Some("https://news.example.com/2026/best-new-roasters"), offset: 0, backdate: 8 * 3600, comment: false },
    Opening { feed: Feed::Alerts, author: "", karma: None, title: Some("Customers complain of delayed Brightside Coffee orders"),
        text: "Several subscribers said their Brightside Coffee deliveries were weeks late and refunds slow to arrive.",
        raw_html: None, link: Some("https://localpaper.example.org/business/brightside-delays"), offset: 0, backdate: 90 * 60, comment: false },
    Opening { feed: Feed::Reviews, author: "Maya R.", karma: None, title: Some("★★★★★ Best flat white in town"),
        text: "Lovely staff, great coffee, and the pastries are excellent. Will be back!",
        raw_html: None, link: Some("https://reviews.example.com/brightside-coffee/r/1001"), offset: 0, backdate: 26 * 3600, comment: false },
    Opening { feed: Feed::Reviews, author: "Tom K.", karma: None, title: Some("★☆☆☆☆ Rude staff, cold food"),
        text: "Waited 40 minutes, the barista was rude and the sandwich was cold. Terrible. Never again.",
        raw_html: None, link: Some("https://reviews.example.com/brightside-coffee/r/1002"), offset: 0, backdate: 4 * 3600, comment: false },
    Opening { feed: Feed::Reviews, author: "Priya S.", karma: None, title: Some("★★★☆☆ Nice beans, slow service"),
        text: "Good beans but the line was slow. How do I sign up for the loyalty card?",
        raw_html: None, link: Some("https://reviews.example.com/brightside-coffee/r/1003"), offset: 30, backdate: 0, comment: false },
    Opening { feed: Feed::Hackernews, author: "sysadmin_sam", karma: Some(1_250), title: None,
        text: "Is the Brightside app down for anyone else? I can't log in to reorder and nobody answers the support chat.",
        raw_html: None, link: None, offset: 45, backdate: 0, comment: true },
    Opening { feed: Feed::Alerts, author: "", karma: None, title: Some("Brightside Coffee opens a second café"),
        text: "The Portland roaster Brightside Coffee will open its second location next month.",
        raw_html: None, link: Some("https://news.example.com/2026/brightside-second-cafe"), offset: 75, backdate: 0, comment: false },
    // Customers write in their own language: a Spanish and a French complaint.
    Opening { feed: Feed::Hackernews, author: "lucia_m", karma: Some(1_900), title: None,
        text: "Llevo tres semanas esperando el reembolso de mi pedido de Brightside Coffee y nadie contesta los correos. Pésimo servicio.",
        raw_html: None, link: None, offset: 0, backdate: 35 * 60, comment: true },
    Opening { feed: Feed::Hackernews, author: "camille_r", karma: Some(2_300), title: None,
        text: "Brightside Coffee m'a facturé deux fois ma commande et je ne suis toujours pas remboursée après dix jours. Personne ne répond au support, c'est inadmissible.",
        raw_html: None, link: None, offset: 0, backdate: 55 * 60, comment: true },
    Opening { feed: Feed::Hackernews, author: "latte_larry", karma: Some(88), title: None,
        text: "My Brightside order never arrived. Still waiting after two weeks, this is unacceptable.",
        raw_html: None, link: None, offset: 100, backdate: 0, comment: true },
];

const FILLER_PRAISE: &[&str] = &[
    "Had a great cortado at Brightside Coffee this morning.",
    "Brightside Coffee's cold brew is the best thing about summer.",
    "Shout-out to the Brightside team for remembering my order.",
    "The new Brightside Coffee single origin is excellent.",
];
const FILLER_NEUTRAL: &[&str] = &[
    "Brightside Coffee is on my list for the next trip to Portland.",
    "Working from Brightside Coffee today, decent wifi.",
    "Anyone compared Brightside Coffee beans with the supermarket brands?",
    "Brightside Coffee changed their cup sizes, noticed?",
];
const FILLER_NEGATIVE: &[&str] = &[
    "Brightside Coffee got my order wrong again, disappointing.",
    "Why is Brightside Coffee so expensive now? Not worth it.",
    "Brightside Coffee website keeps timing out at checkout.",
];
const FILLER_AUTHORS: &[&str] = &[
    "ana_k",
    "devdan",
    "quietcoder",
    "bean_nerd",
    "mochi",
    "pdxwalker",
    "tealeaf",
    "fika_fan",
];
const REVIEWERS: &[&str] = &["Jo P.", "Sam W.", "Lee C.", "Ari M.", "Noor H."];

/// Every post the simulator serves for `seed`, each source capped at `count` posts when given.
pub fn script(seed: u64, count: Option<usize>) -> Vec<SimPost> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let hn_base: u64 = 41_000_000 + rng.gen_range(0..1_000_000);
    let per_feed_default = 20;
    let mut posts = Vec::new();
    for feed in Feed::ALL {
        let cap = count.unwrap_or(usize::MAX);
        let mut n = 0usize;
        let push = |posts: &mut Vec<SimPost>, mut p: SimPost, n: &mut usize| {
            p.external_id = match feed {
                Feed::Hackernews => (hn_base + *n as u64 * 17).to_string(),
                Feed::Alerts => format!(
                    "tag:google.com,2013:googlealerts/feed:{}",
                    1_000_000_007u64
                        .wrapping_mul(seed ^ 0x5eed)
                        .wrapping_add(*n as u64)
                ),
                Feed::Reviews => format!("review-{seed}-{n}"),
            };
            posts.push(p);
            *n += 1;
        };
        for o in OPENING.iter().filter(|o| o.feed == feed) {
            if n >= cap {
                break;
            }
            let p = SimPost {
                channel: feed.channel(),
                feed,
                external_id: String::new(),
                author: o.author.to_string(),
                karma: o.karma,
                title: o.title.map(str::to_string),
                text: o.text.to_string(),
                raw_html: o.raw_html.map(str::to_string),
                link: o.link.map(str::to_string),
                offset_secs: o.offset,
                backdate_secs: o.backdate,
                is_comment: o.comment,
            };
            push(&mut posts, p, &mut n);
        }
        let filler = count.unwrap_or(n + per_feed_default).saturating_sub(n);
        let mut offset = 120 + rng.gen_range(0..30);
        for i in 0..filler {
            let pool = match rng.gen_range(0..10) {
                0..=4 => FILLER_PRAISE,
                5..=7 => FILLER_NEUTRAL,
                _ => FILLER_NEGATIVE,
            };
            let text = pool
                .choose(&mut rng)
                .copied()
                .unwrap_or(FILLER_PRAISE[0])
                .to_string();
            let (author, title, link) = match feed {
                Feed::Hackernews => (
                    FILLER_AUTHORS
                        .choose(&mut rng)
                        .copied()
                        .unwrap_or("anon")
                        .to_string(),
                    None,
                    None,
                ),
                Feed::Alerts => (
                    String::new(),
                    Some(format!("Brightside Coffee in the news ({})", i + 1)),
                    Some(format!(
                        "https://news.example.com/2026/brightside-{seed}-{i}"
                    )),
                ),
                Feed::Reviews => {
                    let stars = rng.gen_range(1..=5);
                    let t = format!(
                        "{}{} {}",
                        "★".repeat(stars),
                        "☆".repeat(5 - stars),
                        text.split_whitespace()
                            .take(4)
                            .collect::<Vec<_>>()
                            .join(" ")
                    );
                    (
                        REVIEWERS
                            .choose(&mut rng)
                            .copied()
                            .unwrap_or("Guest")
                            .to_string(),
                        Some(t),
                        Some(format!(
                            "https://reviews.example.com/brightside-coffee/r/{}",
                            2000 + i
                        )),
                    )
                }
            };
            let p = SimPost {
                channel: feed.channel(),
                feed,
                external_id: String::new(),
                author,
                karma: (feed == Feed::Hackernews).then(|| rng.gen_range(1..5_000)),
                title,
                text,
                raw_html: None,
                link,
                offset_secs: offset,
                backdate_secs: 0,
                is_comment: feed == Feed::Hackernews,
            };
            push(&mut posts, p, &mut n);
            offset += rng.gen_range(30..90);
        }
    }
    posts
}

/// What `earshot watch` on the simulator's config must store from the polled sources (Hacker
/// News, the Google Alert, the reviews): every scripted post but the one only an exclusion
/// ("brightside of life") matches, as (channel, external id).
pub fn polled_truth(
    seed: u64,
    count: Option<usize>,
) -> std::collections::BTreeSet<(String, String)> {
    script(seed, count)
        .into_iter()
        .filter(|p| !p.text.to_lowercase().contains("brightside of life"))
        .map(|p| (p.channel.to_string(), p.external_id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_deterministic_for_a_seed_and_differs_across_seeds() {
        let ids = |s| {
            script(s, None)
                .into_iter()
                .map(|p| (p.external_id, p.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(7), ids(7));
        assert_ne!(ids(7), ids(8));
    }

    #[test]
    fn count_caps_every_source_and_ids_are_unique() {
        let posts = script(1, Some(5));
        for f in Feed::ALL {
            assert_eq!(posts.iter().filter(|p| p.feed == f).count(), 5, "{f:?}");
        }
        let mut ids: Vec<_> = posts
            .iter()
            .map(|p| (p.channel, p.external_id.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 15);
    }
}
