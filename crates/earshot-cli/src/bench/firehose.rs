//! Jetstream-shaped events per second through parse → match.

use std::time::Instant;

use super::synthetic::{business, pick, post_text, CLOSERS, FILLER, OPENERS};
use super::{rate_figure, Figure, RUNS};
use anyhow::Result;
use earshot_core::channels::bluesky::jetstream;
use earshot_core::matcher::Matcher;
use earshot_core::triage::linear::SplitMix;
use serde_json::json;

/// Jetstream frames in the real shape: posts (some replies, some naming the business), likes,
/// reposts, deletes, identity and account events.
pub(super) fn firehose_frames(n: usize) -> Vec<String> {
    let mut rng = SplitMix(23);
    (0..n)
        .map(|i| {
            let did = format!("did:plc:{:024x}", rng.next_u64() as u128 * 7919);
            let t = 1_779_719_009_000_000i64 + i as i64 * 40;
            match rng.next_u64() % 100 {
                0..=29 => {
                    let text = if rng.next_u64().is_multiple_of(50) {
                        post_text(&mut rng)
                    } else {
                        format!("{} {} {}", pick(&mut rng, OPENERS), pick(&mut rng, FILLER), pick(&mut rng, CLOSERS))
                    };
                    json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpaqkn2z", "operation": "create",
                        "collection": "app.bsky.feed.post", "rkey": format!("3mm{i:010}"), "record": {"$type": "app.bsky.feed.post",
                        "createdAt": "2026-05-25T14:23:28.757Z", "langs": ["en"], "text": text}, "cid": "bafyreicl7rzkxdrm4zz2ehbx52kuk3mvfow6p3gzfys72r5grvskxoswy4"}}).to_string()
                }
                30..=79 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojp7vgo2g", "operation": "create",
                    "collection": "app.bsky.feed.like", "rkey": "3mmoojp7etg2g", "record": {"$type": "app.bsky.feed.like", "createdAt": "2026-05-25T14:23:28.778Z",
                    "subject": {"cid": "bafyreiaxf7tgbfydx3465sckitq6v564thxe2wwydbi7cwxbxvgssje3em", "uri": "at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j"}},
                    "cid": "bafyreidqpc7si3dbimffi64lz3xsx2qt45ip7rpna2qpslcddp23itjjzm"}}).to_string(),
                80..=91 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpbi5e2i", "operation": "create",
                    "collection": "app.bsky.feed.repost", "rkey": "3mmoojpbade2i", "record": {"$type": "app.bsky.feed.repost", "createdAt": "2026-05-25T14:23:27.388Z",
                    "subject": {"cid": "bafyreiaxf7tgbfydx3465sckitq6v564thxe2wwydbi7cwxbxvgssje3em", "uri": "at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j"}},
                    "cid": "bafyreidqpc7si3dbimffi64lz3xsx2qt45ip7rpna2qpslcddp23itjjzm"}}).to_string(),
                92..=96 => json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "3mmoojpc", "operation": "delete",
                    "collection": "app.bsky.feed.post", "rkey": "3mmoojp4cd223"}}).to_string(),
                97..=98 => json!({"did": did, "time_us": t, "kind": "identity", "identity": {"did": did, "handle": "someone.bsky.social", "seq": 123, "time": "2026-05-25T14:23:30.000Z"}}).to_string(),
                _ => json!({"did": did, "time_us": t, "kind": "account", "account": {"active": true, "did": did, "seq": 124, "time": "2026-05-25T14:23:30.000Z"}}).to_string(),
            }
        })
        .collect()
}

pub(super) fn firehose(n: usize) -> Result<Figure> {
    let frames = firehose_frames(n);
    // 50 watch terms: the business's own plus 46 more of the kind owners add.
    let mut b = business();
    b.terms.extend((0..46).map(|i| {
        format!(
            "{} {}",
            pick(
                &mut SplitMix(i),
                &["brightside", "bright side", "brightsidecafe"]
            ),
            i
        )
    }));
    b.terms.truncate(49);
    let matcher = Matcher::new(&b);
    let rates = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut matched = 0usize;
            for f in &frames {
                let Ok(e) = jetstream::parse(f) else { continue };
                if let Some(text) = e.post_text() {
                    matched += usize::from(!matcher.matches(text).is_empty());
                }
            }
            std::hint::black_box(matched);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    Ok(rate_figure(
        "firehose (parse + match 50 terms)",
        "events/s",
        rates,
    ))
}

// --- storage --------------------------------------------------------------------------------
