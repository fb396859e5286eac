//! `earshot watch --demo`: the built-in simulated network heard within the first minute, every
//! network the demo signs in to included.

use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
use common::{lines, Killed, BIN};

/// Runs `earshot watch --demo --jsonl` until `done` holds for the rows printed (failing after
/// the first minute); returns them.
fn demo_rows_until(done: impl Fn(&[serde_json::Value]) -> bool) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let mut watch = Killed(
        Command::new(BIN)
            .args(["watch", "--demo", "--jsonl", "--data-dir"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let rx = lines(&mut watch.0);
    let started = std::time::Instant::now();
    let mut rows: Vec<serde_json::Value> = Vec::new();
    while !done(&rows) {
        let left = Duration::from_secs(60).saturating_sub(started.elapsed());
        let line = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("within the first minute; got {rows:?}"));
        rows.push(serde_json::from_str(&line).unwrap());
    }
    rows
}

fn has_text(rows: &[serde_json::Value], text: &str) -> bool {
    rows.iter()
        .any(|r| r["text"].as_str().unwrap_or("").contains(text))
}

#[test]
fn the_demo_hears_x_reddit_youtube_and_email_within_a_minute() {
    let want = ["x", "reddit", "youtube", "email"];
    // The inbox's double-charge complaint arrives 5 s in.
    let rows = demo_rows_until(|rows| {
        want.iter().all(|c| rows.iter().any(|r| r["channel"] == *c))
            && has_text(rows, "charged twice ($5.40 each)")
    });
    let mail = rows
        .iter()
        .find(|r| has_text(std::slice::from_ref(r), "charged twice ($5.40 each)"))
        .unwrap();
    assert_eq!(mail["channel"], "email");
    assert_eq!(mail["title"], "Charged twice this morning");
    assert!(mail["urgency"].as_u64() >= Some(50), "{mail}");
    assert!(
        !rows
            .iter()
            .any(|r| r["title"] == "Automatic reply: Out of office"),
        "an automatic reply is not a mention"
    );
}

/// `earshot watch --demo --jsonl`: the Page, Instagram and Google reviews are heard within the
/// first minute, and a one-star review ranks above praise with its stars in its reasons.
#[test]
fn the_demo_hears_the_page_instagram_and_reviews_within_a_minute() {
    let want = ["facebook", "instagram", "google_reviews"];
    // The script's one-star review comes 8 s in, the praise at 30 s, the angry comment at 5 s.
    let rows = demo_rows_until(|rows| {
        want.iter().all(|c| rows.iter().any(|r| r["channel"] == *c))
            && has_text(rows, "charged my card twice")
            && has_text(rows, "Great pastries")
    });
    let find = |text: &str| {
        rows.iter()
            .find(|r| r["text"].as_str().unwrap_or("").contains(text))
            .unwrap()
            .clone()
    };
    let one = find("charged my card twice");
    let praise = find("Great pastries");
    assert_eq!(one["channel"], "google_reviews");
    assert!(
        one["urgency"].as_u64() > praise["urgency"].as_u64(),
        "{one} above {praise}"
    );
    assert!(
        one["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("1-star review")),
        "{one}"
    );
}
