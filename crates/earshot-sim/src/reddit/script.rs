//! Brightside Coffee on Reddit: a "has anyone tried…?" post in r/Portland, a complaint in the
//! comments of r/Coffee, a u/ mention and a private message in the owner's inbox, then filler.

use super::{RedditItem, ACCOUNT};

/// The subreddit the scripted posts are in.
pub const SUBREDDIT: &str = "Portland";
/// The scripted complaint (arrives 12 s after start).
pub const COMPLAINT: &str = "t1_kbrcompl";

#[allow(clippy::too_many_arguments)]
fn item(
    kind: &str,
    id: &str,
    sub: &str,
    author: &str,
    title: Option<&str>,
    body: &str,
    parent: Option<&str>,
    offset: i64,
    backdate: i64,
    inbox: Option<&str>,
) -> RedditItem {
    RedditItem {
        kind: kind.into(),
        id: id.into(),
        subreddit: sub.into(),
        author: author.into(),
        title: title.map(str::to_string),
        body: body.into(),
        parent: parent.map(str::to_string),
        offset_secs: offset,
        backdate_secs: backdate,
        inbox: inbox.map(str::to_string),
        raw: None,
        emitted: false,
    }
}

/// Everything, deterministic for a seed.
pub fn script(seed: u64) -> Vec<RedditItem> {
    let mut out = vec![
        item("t3", "1brpost", SUBREDDIT, "pdx_newbie", Some("Has anyone tried Brightside Coffee on Division?"), "Thinking of going this weekend. Is Brightside Coffee worth it or overpriced?", None, 0, 6 * 3600, None),
        item("t1", "kbrpra1", SUBREDDIT, "latte_larry", None, "Brightside Coffee has the best cold brew in the city, go!", Some("t3_1brpost"), 0, 5 * 3600, None),
        item("t1", "kbrcompl", SUBREDDIT, "grumpy_gus", None, "Brightside Coffee charged me twice last week and never answered my email. Disappointed.", Some("t3_1brpost"), 12, 0, None),
        item("t3", "1coffee", "Coffee", "roast_ranger", Some("Best beans to order online?"), "Looking for a roaster that ships. Recommendations?", None, 0, 3 * 3600, None),
        item("t1", "kbrment", "Coffee", "bean_counter", None, &format!("u/{ACCOUNT} do you ship beans outside Oregon?"), Some("t3_1coffee"), 20, 0, Some("username_mention")),
        item("t4", "2brmsg", "", "wholesale_wendy", Some("Wholesale"), "Hi! Could Brightside Coffee supply our office of 40 people? What would that cost?", None, 45, 0, Some("message")),
    ];
    let filler = [
        "Brightside's oat latte is my Monday fuel",
        "Anyone know if Brightside Coffee has wifi that works?",
        "Tried Brightside today. Meh, the espresso was sour.",
        "The pastries at Brightside are underrated",
    ];
    for n in 0..20u64 {
        let pick = ((seed ^ 0x9e37).wrapping_mul(n + 1) % filler.len() as u64) as usize;
        out.push(item(
            "t1",
            &format!("kbrf{n:03}"),
            SUBREDDIT,
            &format!("pdx_user_{n}"),
            None,
            filler[pick],
            Some("t3_1brpost"),
            120 + n as i64 * 300,
            0,
            None,
        ));
    }
    out
}
