//! The parsers against the real bodies in `fixtures/bluesky`, and the reply helpers.

use super::*;
use crate::model::SourceKind;

fn fixture(name: &str) -> Vec<u8> {
    crate::channels::fixture("bluesky", name)
}

#[test]
fn search_results_become_mentions() {
    let ms = parse_search(&fixture("searchPosts_response.json"), 0).unwrap();
    assert_eq!(ms.len(), 1);
    let m = &ms[0];
    assert_eq!(
        m.external_id,
        "at://did:plc:d3zpokjdspr22chfrc427eis/app.bsky.feed.post/3ju4p6u2i3a2g"
    );
    assert_eq!(m.author.handle, "@luy.gay");
    assert_eq!(
        m.remote.author_id.as_deref(),
        Some("did:plc:d3zpokjdspr22chfrc427eis")
    );
    assert!(m.remote.cid.as_deref().unwrap().starts_with("bafyrei"));
    assert_eq!(m.engagement.replies, Some(8));
    assert_eq!(
        m.url.as_deref(),
        Some("https://bsky.app/profile/luy.gay/post/3ju4p6u2i3a2g")
    );
}

#[test]
fn a_reply_notification_keeps_its_thread_refs() {
    let (ms, newest) =
        parse_notifications(&fixture("listNotifications_mention_reply.json"), 0).unwrap();
    assert_eq!(newest.as_deref(), Some("2023-10-04T18:10:32.705Z"));
    let m = &ms[0];
    assert!(m.remote.to_owner);
    assert_eq!(
        m.thread_root.as_deref(),
        Some("at://did:plc:n5o2wksggcs653t3seg5eu6b/app.bsky.feed.post/3kawzppdvec2y")
    );
    assert_eq!(
        m.remote.root_cid.as_deref(),
        Some("bafyreib7a5laemjbk64j4ldwwdjgeyn2ev3elyl2pjeo52wvnthginnjem")
    );
    assert_eq!(m.created_at, 1_696_443_032);
    // A reply to it takes the thread's root as root and the post as parent.
    let body = reply_record(
        "did:plc:me",
        m,
        "thanks",
        "3l2222222222a",
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    assert_eq!(
        body["record"]["reply"]["root"]["uri"],
        m.thread_root.clone().unwrap().as_str()
    );
    assert_eq!(
        body["record"]["reply"]["parent"]["uri"],
        m.external_id.as_str()
    );
    assert_eq!(
        body["record"]["reply"]["parent"]["cid"],
        m.remote.cid.clone().unwrap().as_str()
    );
    assert_eq!(body["rkey"], "3l2222222222a");
    assert!(parse_notifications(b"{\"notifications\":[{}]}", 0).is_err());
}

#[test]
fn a_top_level_post_is_its_own_root() {
    let ms = parse_search(&fixture("searchPosts_response.json"), 0).unwrap();
    let body = reply_record("did:plc:me", &ms[0], "hi", "k", "t").unwrap();
    assert_eq!(
        body["record"]["reply"]["root"],
        body["record"]["reply"]["parent"]
    );
}

#[test]
fn profiles_parse() {
    let p: ProfileView = serde_json::from_slice(&fixture("getProfile_response.json")).unwrap();
    assert_eq!(p.followers_count, Some(4945));
    assert_eq!(author_of(&p).handle, "@shinyakato.dev");
}

#[test]
fn jetstream_replies_become_mentions_with_refs() {
    let text = String::from_utf8(fixture("jetstream_v1_events.jsonl")).unwrap();
    let line = text.lines().find(|l| l.contains("\"reply\"")).unwrap();
    let e = jetstream::parse(line).unwrap();
    let m = event_to_mention(&e, 0).unwrap();
    assert_eq!(
        m.external_id,
        format!(
            "at://{}/app.bsky.feed.post/{}",
            e.did,
            e.commit.as_ref().unwrap().rkey
        )
    );
    assert!(m.reply_to.is_some() && m.thread_root.is_some() && m.remote.root_cid.is_some());
    assert_eq!(m.remote.cid.as_deref(), e.commit.as_ref().unwrap().cid);
}

#[test]
fn facets_count_utf8_bytes() {
    let text = "☕ hi @ann.bsky.social, see https://example.com/x";
    let f = facets(text, Some(("@ann.bsky.social", "did:plc:ann")));
    assert_eq!(f.len(), 2);
    let start = "☕ hi ".len();
    assert_eq!(f[0]["index"]["byteStart"], start);
    assert_eq!(f[0]["index"]["byteEnd"], start + "@ann.bsky.social".len());
    assert_eq!(f[0]["features"][0]["did"], "did:plc:ann");
    assert_eq!(
        &text[f[1]["index"]["byteStart"].as_u64().unwrap() as usize
            ..f[1]["index"]["byteEnd"].as_u64().unwrap() as usize],
        "https://example.com/x"
    );
}

#[test]
fn record_keys_are_13_sortable_characters() {
    let a = tid(1_700_000_000_000_000, 5);
    let b = tid(1_700_000_000_000_001, 0);
    assert_eq!(a.len(), 13);
    assert!(a < b);
    assert!(a
        .chars()
        .all(|c| "234567abcdefghijklmnopqrstuvwxyz".contains(c)));
}

#[test]
fn length_is_graphemes() {
    assert_eq!(count_graphemes("👨‍👩‍👧 é"), 3);
    assert_eq!(count_graphemes(&"e\u{301}".repeat(300)), 300);
}

#[test]
fn service_addresses_are_named_separately_or_all_under_base_url() {
    let mut spec = SourceSpec::new(SourceKind::Bluesky, "Bluesky");
    let public = Endpoints::for_spec(&spec).unwrap();
    assert_eq!(public.pds, None, "found from the DID document at login");
    assert_eq!(public.appview, APPVIEW);
    assert_eq!(public.jetstream, JETSTREAM);
    spec.jetstream = Some("wss://jetstream.example.net".into());
    spec.pds = Some("https://pds.example.com/".into());
    let named = Endpoints::for_spec(&spec).unwrap();
    assert_eq!(named.jetstream, "wss://jetstream.example.net/subscribe");
    assert_eq!(named.pds.as_deref(), Some("https://pds.example.com"));
    spec.jetstream = Some("ftp://nowhere".into());
    assert!(
        Endpoints::for_spec(&spec).is_err(),
        "a non-WebSocket Jetstream is refused"
    );
    spec.jetstream = None;
    spec.base_url = Some("http://127.0.0.1:9/bsky".into());
    let sim = Endpoints::for_spec(&spec).unwrap();
    assert_eq!(sim.jetstream, "ws://127.0.0.1:9/bsky/subscribe");
    assert_eq!(sim.pds.as_deref(), Some("http://127.0.0.1:9/bsky"));
}

#[test]
fn the_stream_s_cost_is_said_in_bytes_per_hour_and_share_of_uncompressed() {
    assert_eq!(
        super::describe_traffic(1_000, 2_000, 30.0),
        None,
        "half a minute is too short for a rate"
    );
    assert_eq!(
        super::describe_traffic(2_000_000, 5_000_000, 3_600.0).as_deref(),
        Some("stream: 2.0 MB/h received, 40% of uncompressed")
    );
    assert_eq!(
        super::describe_traffic(600_000, 600_000, 60.0).as_deref(),
        Some("stream: 36.0 MB/h received, uncompressed"),
        "a service that ignores compress=true says so"
    );
}
