//! Brightside Coffee's Page, Instagram and reviews: what is there at start, and what arrives in
//! the first minute (an angry Facebook comment, an Instagram question, a one-star review, an
//! edited review), then seeded filler every few minutes.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{Item, ItemKind, Where, IG_ID, PAGE_ID, PAGE_NAME};

/// The Page's announcement the scripted comments are on.
pub const FB_POST: &str = "104000000000001_700000000000001";
/// The account's media the scripted comments are on.
pub const IG_MEDIA: &str = "17900000000000001";
/// The angry Facebook comment (arrives 5 s after start).
pub const ANGRY_COMMENT: &str = "700000000000001_800000000000002";
/// The owner's video the scripted YouTube comments are on.
pub const YT_VIDEO: &str = "bsVideo0001";
/// The one-star review (arrives 8 s after start).
pub const ONE_STAR: &str = "sim-review-onestar";

#[allow(clippy::too_many_arguments)]
fn item(
    at: Where,
    kind: ItemKind,
    id: &str,
    post: Option<&str>,
    author: (&str, &str),
    text: &str,
    offset: i64,
    backdate: i64,
) -> Item {
    Item {
        at,
        kind,
        id: id.into(),
        post: post.map(str::to_string),
        parent: None,
        author_id: author.0.into(),
        author: author.1.into(),
        followers: None,
        text: text.into(),
        rating: None,
        offset_secs: offset,
        backdate_secs: backdate,
        edited_secs: None,
        edited_text: None,
        edited_rating: None,
        raw: None,
        emitted_ms: None,
    }
}

fn review(id: &str, author: &str, stars: u8, text: &str, offset: i64, backdate: i64) -> Item {
    Item {
        rating: Some(stars),
        ..item(
            Where::GoogleReviews,
            ItemKind::Review,
            id,
            None,
            (id, author),
            text,
            offset,
            backdate,
        )
    }
}

const FILLER_FB: &[&str] = &[
    "Brightside's cinnamon roll is the best thing in Portland.",
    "Is the Division St café open on Sunday mornings?",
    "My oat latte was lukewarm again today, third time this month.",
    "Thank you for the free refill, made my day!",
];
const FILLER_IG: &[&str] = &[
    "😍😍😍",
    "What beans are you using this week?",
    "Best latte art in town",
    "Why is the line always so long?",
];
const FILLER_REVIEWS: &[(&str, u8)] = &[
    ("Cosy place, friendly staff, great pastries.", 5),
    ("Coffee is good but the wifi never works.", 3),
    ("Waited 25 minutes for two drinks. Not coming back.", 1),
    ("Solid espresso, a bit pricey.", 4),
];

/// Longer than the script: with everything revealed at once, it is dated this much earlier.
pub const SPAN: i64 = 8 * 3600;

/// Everything, deterministic for a seed.
pub fn script(seed: u64) -> Vec<Item> {
    let fb = Where::Facebook;
    let ig = Where::Instagram;
    let page = (PAGE_ID, PAGE_NAME);
    let mut out = vec![
        item(fb, ItemKind::Post, FB_POST, None, page, "Our autumn menu is here: pumpkin oat latte, maple scone and the new Ethiopia single origin. Come say hi!", 0, 2 * 86_400),
        item(fb, ItemKind::Comment, "700000000000001_800000000000001", Some(FB_POST), ("5100000000001", "Maria Lopez"), "The maple scone is incredible, thank you!", 0, 86_400),
        item(fb, ItemKind::Comment, ANGRY_COMMENT, Some(FB_POST), ("5100000000002", "Greg Hanley"), "Waited 40 minutes for a cold latte at Division St this morning and nobody even said sorry. Really disappointed, Brightside.", 5, 0),
        item(fb, ItemKind::Post, "104000000000001_700000000000002", None, ("5100000000003", "Priya N."), "Hi Brightside Coffee! Do you cater office breakfasts for about 30 people? Need it for next Friday.", 15, 0),
        item(fb, ItemKind::Tag, "5100000000004_700000000000009", None, ("5100000000004", "Sam Ortiz"), "Sunday study session at Brightside Coffee with the best cold brew ☕", 35, 0),
        item(ig, ItemKind::Post, IG_MEDIA, None, (IG_ID, "brightsidecoffee"), "Latte art Friday ☕ What should we pour next?", 0, 86_400),
        item(ig, ItemKind::Comment, "17800000000000001", Some(IG_MEDIA), ("17840000000000011", "latte.lover"), "A swan please!! 🦢", 0, 3600),
        item(ig, ItemKind::Comment, "17800000000000002", Some(IG_MEDIA), ("17840000000000012", "pdx.maya"), "@brightsidecoffee do you have oat milk at the Division St shop? Can't find it on the menu", 10, 0),
        item(ig, ItemKind::Tag, "17900000000000009", None, ("17840000000000013", "portland.eats"), "Morning fuel from @brightsidecoffee, the maple scone is a must", 40, 0),
        review("sim-review-old5", "Ana Petrova", 5, "Lovely baristas and the best flat white on the east side.", 0, 10 * 86_400),
        review(ONE_STAR, "Derek W.", 1, "Cold coffee, a rude barista, and they charged my card twice. One star is generous.", 8, 0),
        review("sim-review-praise", "Lena K.", 4, "Great pastries and quick service, it gets loud at lunch.", 30, 0),
    ];
    let yt = Where::Youtube;
    let channel = (super::YT_CHANNEL, "Brightside Coffee");
    out.extend([
        item(yt, ItemKind::Post, YT_VIDEO, None, channel, "How we roast: a morning at Brightside Coffee", 0, 3 * 86_400),
        item(yt, ItemKind::Comment, "UgzBsPraise01AaABAg", Some(YT_VIDEO), ("UCfanSim0001", "Roast Nerd"), "Loved seeing the roaster in action!", 0, 2 * 86_400),
        item(yt, ItemKind::Comment, "UgzBsComplain1AaABAg", Some(YT_VIDEO), ("UCangrySim002", "Dan Moreno"), "Nice video, but my online order from Brightside never arrived and nobody answers email.", 25, 0),
        item(yt, ItemKind::Tag, "vidReview0001", None, ("UCfoodieSim03", "PDX Coffee Crawl"), "Brightside Coffee review: worth the hype?", 40, 0),
    ]);
    // A review written before start, changed in the first minute: three stars to two.
    out.push(Item {
        edited_secs: Some(50),
        edited_text: Some(
            "Update: the same burnt taste three visits in a row. Two stars now.".into(),
        ),
        edited_rating: Some(2),
        ..review(
            "sim-review-edited",
            "Tom B.",
            3,
            "Coffee tasted a bit burnt today.",
            0,
            5 * 86_400,
        )
    });
    if let Some(c) = out.iter_mut().find(|i| i.id == "17800000000000002") {
        c.followers = Some(1_250);
    }
    if let Some(c) = out.iter_mut().find(|i| i.id == "17900000000000009") {
        c.followers = Some(48_000);
    }
    if let Some(c) = out.iter_mut().find(|i| i.id == "vidReview0001") {
        c.followers = Some(85_000);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7072_6573);
    for n in 0..30u64 {
        let offset = 120 + n as i64 * 240 + rng.gen_range(0..60);
        match n % 3 {
            0 => out.push(item(
                fb,
                ItemKind::Comment,
                &format!("700000000000001_81{:013}", n),
                Some(FB_POST),
                (&format!("52{:011}", n), "Portland local"),
                FILLER_FB.choose(&mut rng).copied().unwrap_or_default(),
                offset,
                0,
            )),
            1 => out.push(item(
                ig,
                ItemKind::Comment,
                &format!("178100{:011}", n),
                Some(IG_MEDIA),
                (&format!("178500{:011}", n), "pdx.coffee.fan"),
                FILLER_IG.choose(&mut rng).copied().unwrap_or_default(),
                offset,
                0,
            )),
            _ => {
                let (t, s) = FILLER_REVIEWS
                    .choose(&mut rng)
                    .copied()
                    .unwrap_or(("Fine.", 3));
                out.push(review(
                    &format!("sim-review-f{n}"),
                    "Google user",
                    s,
                    t,
                    offset,
                    0,
                ));
            }
        }
    }
    out
}
