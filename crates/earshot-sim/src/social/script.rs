//! The scripted conversation: openings for each network, then seeded filler.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{did_for, Net, SocialPost, HASHTAG};

pub(super) const M_OPENING: &[(&str, &str, i64, &str, i64, i64, bool)] = &[
    ("jess_brews", "Jess", 850, "@brightsidecoffee my order #1234 arrived with the bag split open and beans all over the box. Not happy.", 0, 15 * 60, true),
    ("morningperson", "Morning Person", 120, "Loving the new #brightsidecoffee seasonal blend, my morning is saved ☕", 0, 2 * 3600, false),
    ("oatlatte", "Oat Latte", 64, "Hey @brightsidecoffee do you have oat milk at the Division St café?", 20, 0, true),
    ("foodcritic", "The Food Critic", 182_000, "Three weeks and still no refund from #brightsidecoffee. Support never answers. Avoid.", 40, 0, false),
];
/// Handle, name, followers, text, offset, backdate, addressed to the owner, replies to the
/// owner's post.
pub(super) type BskyOpening = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    i64,
    i64,
    bool,
    bool,
);
pub(super) const B_OPENING: &[BskyOpening] = &[
    (
        "dana.bsky.social",
        "Dana",
        2_300,
        "@brightsidecoffee.bsky.social the app charged me twice for one order, please fix this!",
        0,
        10 * 60,
        true,
        false,
    ),
    (
        "pdxeats.bsky.social",
        "PDX Eats",
        540,
        "Best flat white in Portland is at Brightside Coffee, no contest.",
        0,
        3600,
        false,
        false,
    ),
    (
        "curious.bsky.social",
        "Curious",
        210,
        "Will the new café have a drive-through?",
        30,
        0,
        true,
        true,
    ),
    (
        "bigvoice.bsky.social",
        "Big Voice",
        96_000,
        "Brightside Coffee customer service is a joke. Two hours on hold and nobody picked up.",
        60,
        0,
        false,
        false,
    ),
];
pub(super) const FILLER: &[&str] = &[
    "Had a great cortado at Brightside Coffee this morning.",
    "Brightside Coffee cold brew is the best thing about summer.",
    "Brightside Coffee got my order wrong again, disappointing.",
    "Is Brightside Coffee open on Sundays?",
    "Working from Brightside Coffee today, decent wifi.",
];
pub(super) const NAMES: &[&str] = &[
    "ana", "dev", "quiet", "bean", "mochi", "walker", "tealeaf", "fika",
];

/// The scripted posts of both networks for a seed.
pub fn script(seed: u64, count: Option<usize>) -> Vec<SocialPost> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x50c1a1);
    let mut out = Vec::new();
    let cap = count.unwrap_or(usize::MAX);
    let mid_base: u64 = 113_000_000_000_000_000 + rng.gen_range(0..1_000_000_000);
    let mut m = 0usize;
    for (handle, name, followers, text, offset, backdate, to_owner) in M_OPENING.iter().copied() {
        if m >= cap {
            break;
        }
        out.push(SocialPost {
            net: Net::Mastodon,
            id: (mid_base + m as u64 * 1000).to_string(),
            handle: handle.into(),
            author_id: format!("{}", 1000 + m),
            display_name: name.into(),
            followers,
            text: text.into(),
            offset_secs: offset,
            backdate_secs: backdate,
            to_owner,
            reply_to_owner_post: false,
            time_us: 0,
            emitted_ms: None,
            raw: None,
        });
        m += 1;
    }
    let mut b = 0usize;
    for (handle, name, followers, text, offset, backdate, to_owner, reply) in
        B_OPENING.iter().copied()
    {
        if b >= cap {
            break;
        }
        out.push(SocialPost {
            net: Net::Bluesky,
            id: format!("3lsim{seed:04}{b:04}"),
            handle: handle.into(),
            author_id: did_for(handle),
            display_name: name.into(),
            followers,
            text: text.into(),
            offset_secs: offset,
            backdate_secs: backdate,
            to_owner,
            reply_to_owner_post: reply,
            time_us: 0,
            emitted_ms: None,
            raw: None,
        });
        b += 1;
    }
    let per_net = count.unwrap_or(12);
    let mut offset = 90 + rng.gen_range(0..20);
    while m < per_net || b < per_net {
        let text = FILLER.choose(&mut rng).copied().unwrap_or(FILLER[0]);
        let name = NAMES.choose(&mut rng).copied().unwrap_or("anon");
        let followers = rng.gen_range(5..3_000);
        if m < per_net {
            out.push(SocialPost {
                net: Net::Mastodon,
                id: (mid_base + m as u64 * 1000).to_string(),
                handle: format!("{name}{m}"),
                author_id: format!("{}", 1000 + m),
                display_name: name.into(),
                followers,
                text: format!("{text} #{HASHTAG}"),
                offset_secs: offset,
                backdate_secs: 0,
                to_owner: false,
                reply_to_owner_post: false,
                time_us: 0,
                emitted_ms: None,
                raw: None,
            });
            m += 1;
        }
        if b < per_net {
            let handle = format!("{name}{b}.bsky.social");
            out.push(SocialPost {
                net: Net::Bluesky,
                id: format!("3lsim{seed:04}{b:04}"),
                author_id: did_for(&handle),
                handle,
                display_name: name.into(),
                followers,
                text: text.into(),
                offset_secs: offset + 7,
                backdate_secs: 0,
                to_owner: false,
                reply_to_owner_post: false,
                time_us: 0,
                emitted_ms: None,
                raw: None,
            });
            b += 1;
        }
        offset += rng.gen_range(30..90);
    }
    // Announce in time order; posts present at start first.
    out.sort_by_key(|p| (p.offset_secs, -p.backdate_secs));
    out
}
