//! Tests of the fault injection.

use super::layer::reshape;
use super::*;

#[test]
fn flags_parse_with_their_arguments_and_refuse_nonsense() {
    let (t, s) = parse_flag("hn=rate_limit:7").unwrap();
    assert_eq!(
        (t.as_str(), s.kind, s.retry_after),
        ("hn", Fault::RateLimit, Some(7))
    );
    let (_, s) = parse_flag("bluesky=slow:250").unwrap();
    assert_eq!((s.kind, s.delay_ms), (Fault::Slow, Some(250)));
    assert!(parse_flag("hn")
        .unwrap_err()
        .to_string()
        .contains("TARGET=FAULT"));
    assert!(parse_flag("myspace=malformed")
        .unwrap_err()
        .to_string()
        .contains("unknown fault target"));
    assert!(parse_flag("hn=exploded")
        .unwrap_err()
        .to_string()
        .contains("unknown fault"));
    assert!(parse_flag("hn=malformed:3")
        .unwrap_err()
        .to_string()
        .contains("no argument"));
    for f in Fault::ALL {
        assert_eq!(f.name().parse::<Fault>(), Ok(f));
    }
}

#[test]
fn lists_and_feeds_are_doubled_or_reversed() {
    assert_eq!(
        reshape(r#"{"hits":[1,2],"n":2}"#, true),
        r#"{"hits":[1,1,2,2],"n":2}"#
    );
    assert_eq!(reshape("[1,2,3]", false), "[3,2,1]");
    let xml = "<rss><channel><t/><item>a</item>\n<item>b</item></channel></rss>";
    assert_eq!(
        reshape(xml, false),
        "<rss><channel><t/><item>b</item>\n<item>a</item></channel></rss>"
    );
    assert_eq!(reshape(xml, true).matches("<item>a</item>").count(), 2);
}

#[test]
fn requests_are_told_apart_by_target() {
    assert_eq!(target_of(&Method::GET, "/hn/api/v1/search_by_date"), "hn");
    assert_eq!(
        target_of(&Method::POST, "/mastodon/api/v1/statuses"),
        "replies"
    );
    assert_eq!(
        target_of(&Method::GET, "/mastodon/api/v1/statuses"),
        "mastodon"
    );
    assert_eq!(
        target_of(&Method::POST, "/bsky/xrpc/com.atproto.repo.createRecord"),
        "replies"
    );
    assert_eq!(target_of(&Method::GET, "/bsky/subscribe"), "bluesky");
    assert_eq!(target_of(&Method::GET, "/_sim/requests"), "");
}
