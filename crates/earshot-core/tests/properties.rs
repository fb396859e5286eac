//! Property tests: whatever a network or a user sends — arbitrary bytes, arbitrary JSON, the
//! networks' real bodies cut or corrupted anywhere — every channel parser and the config loader
//! return a value or a clear error, and never panic.

use earshot_core::channels::bluesky::jetstream;
use earshot_core::channels::{
    bluesky, email, facebook, google_reviews, graph, hackernews, instagram, mastodon,
    parse_retry_after, reddit, rss, x, youtube,
};
use earshot_core::config::Config;
use earshot_core::model::Kind;
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::fixture;

const NOW: i64 = 1_800_000_000;

/// Runs every parser over `body`; each error must say something.
fn every_parser(body: &[u8]) {
    fn said<T, E: std::fmt::Display>(r: Result<T, E>) {
        if let Err(e) = r {
            assert!(
                !e.to_string().trim().is_empty(),
                "an error says what went wrong"
            );
        }
    }
    said(hackernews::parse_search(body, NOW));
    said(rss::parse_feed(body, NOW));
    said(mastodon::parse_statuses(body));
    said(mastodon::parse_notifications(body));
    said(mastodon::parse_search(body));
    said(mastodon::parse_tag_feed(body, "mastodon.example", NOW));
    said(bluesky::parse_search(body, NOW));
    said(bluesky::parse_notifications(body, NOW));
    let post = facebook::parse::PostRef {
        id: "1_2".into(),
        text: "A post".into(),
        url: None,
    };
    said(facebook::parse::parse_comments(body, &post, "1", NOW));
    said(facebook::parse::parse_posts(body, "1", Kind::Post, NOW));
    let media = instagram::wire::Media::default();
    said(instagram::parse::parse_comments(body, &media, "own", NOW));
    said(instagram::parse::parse_tags(body, NOW));
    said(google_reviews::parse::parse_reviews(
        body,
        "accounts/1/locations/2",
        "Shop",
        NOW,
    ));
    said(reddit::parse::parse_listing(body, false, NOW));
    said(youtube::parse::parse_threads(body, "UCown", NOW));
    said(youtube::parse::parse_search(body, NOW));
    said(x::parse::parse_posts(body, "1", true, NOW));
    // Mail is bytes from anyone: parsed, skipped or refused with a reason.
    said(email::parse::parse_message(
        body,
        "hello@brightside.test",
        NOW,
    ));
    // Error bodies and rate-limit headers of any shape are read or ignored, never a panic.
    let _ = graph::error_from(400, body, graph::Usage::default(), "Facebook");
    let _ = google_reviews::error_from(429, body, None, "Google");
    if let Ok(text) = std::str::from_utf8(body) {
        let _ = graph::Usage::parse(text);
    }
    if let Ok(text) = std::str::from_utf8(body) {
        said(mastodon::parse_ws_frame(text));
        if let Ok(e) = jetstream::parse(text) {
            let _ = bluesky::event_to_mention(&e, NOW);
        } else {
            said(jetstream::parse(text));
        }
        if let Ok(v) = serde_json::from_str::<Value>(text) {
            said(mastodon::parse_event("update", &v));
            said(mastodon::parse_event("notification", &v));
        }
        let _ = parse_retry_after(text, NOW);
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        // The names the parsers look for, so objects get past the first field.
        prop_oneof![
            Just("id"),
            Just("hits"),
            Just("posts"),
            Just("notifications"),
            Just("content"),
            Just("account"),
            Just("record"),
            Just("commit"),
            Just("did"),
            Just("time_us"),
            Just("created_at"),
            Just("objectID"),
            Just("event"),
            Just("payload"),
            Just("uri"),
            Just("data"),
            Just("reviews"),
            Just("message"),
            Just("from"),
            Just("starRating"),
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("hits".to_string()),
                    Just("posts".to_string()),
                    Just("notifications".to_string()),
                    Just("account".to_string()),
                    Just("status".to_string()),
                    Just("record".to_string()),
                    Just("commit".to_string()),
                    Just("text".to_string()),
                    Just("author".to_string()),
                    Just("did".to_string()),
                    Just("kind".to_string()),
                    Just("time_us".to_string()),
                    Just("created_at".to_string()),
                    Just("createdAt".to_string()),
                    Just("indexedAt".to_string()),
                    Just("type".to_string()),
                    Just("reason".to_string()),
                    Just("uri".to_string()),
                    Just("url".to_string()),
                    Just("data".to_string()),
                    Just("reviews".to_string()),
                    Just("message".to_string()),
                    Just("from".to_string()),
                    Just("replies".to_string()),
                    Just("reviewer".to_string()),
                    Just("permalink_url".to_string()),
                    Just("created_time".to_string()),
                    Just("timestamp".to_string()),
                    Just("error".to_string()),
                    Just("children".to_string()),
                    Just("created_utc".to_string()),
                    Just("body".to_string()),
                    ".{0,12}",
                ],
                inner,
                0..8,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn real_bodies() -> Vec<Vec<u8>> {
    vec![
        fixture("hackernews", "search_response_official_doc_example.json"),
        fixture("hackernews", "search_by_date_comment_hit.json"),
        fixture("mastodon", "timelines_tag_response.json"),
        fixture("mastodon", "notifications_mentions_response.json"),
        fixture("mastodon", "search_v2_response.json"),
        fixture("mastodon", "streaming_ws_update_event.json"),
        fixture("bluesky", "searchPosts_response.json"),
        fixture("bluesky", "listNotifications_mention_reply.json"),
        fixture("bluesky", "jetstream_v1_events.jsonl"),
        fixture("rss", "google_alerts_atom_sample.xml"),
        fixture("rss", "rss_2.0_example_1.xml"),
        fixture("rss", "atom_spec_1.xml"),
        fixture(
            "facebook",
            "me_posts_fields_comments_v19_response_trimmed.json",
        ),
        fixture(
            "facebook",
            "post_comments_list_stream_summary_v11_response_trimmed.json",
        ),
        fixture(
            "facebook",
            "page_feed_with_comments_reactions_summary_v10_response_trimmed.json",
        ),
        fixture("facebook", "error_190_463_expired_token_doc_example.json"),
        fixture("instagram", "ig_media_comments_response_v11.json"),
        fixture(
            "instagram",
            "ig_comment_with_replies_user_media_restfb.json",
        ),
        fixture("instagram", "ig_user_tags_response_trimmed.json"),
        fixture("google_business", "reviews_list_response_assembled.json"),
        fixture(
            "reddit",
            "r_subreddit_comments_listing_t1_2023_trimmed.json",
        ),
        fixture("reddit", "message_inbox_listing_t1_t4_2025_trimmed.json"),
        fixture("reddit", "api_comment_reply_response.json"),
        fixture("email", "plain_text_message.eml"),
        fixture("email", "multipart_alternative_message.eml"),
        fixture("email", "html_inline_image_and_attachment.eml"),
        fixture("email", "mailing_list_html.eml"),
        fixture("youtube", "commentThreads_list_response_trimmed.json"),
        fixture(
            "youtube",
            "search_list_videos_by_keywords_response_trimmed.json",
        ),
        fixture("youtube", "error_403_quotaExceeded_response.json"),
        fixture("x", "search_recent_response_with_expansions.json"),
        fixture("x", "tweets_lookup_with_fields_response.json"),
        fixture("x", "error_403_reply_not_allowed_response.json"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..2048)) {
        every_parser(&body);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,600}") {
        every_parser(text.as_bytes());
    }

    #[test]
    fn arbitrary_json_never_panics(v in any_json()) {
        every_parser(v.to_string().as_bytes());
    }

    #[test]
    fn real_bodies_cut_or_corrupted_anywhere_never_panic(
        which in 0usize..12,
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    ) {
        let bodies = real_bodies();
        let mut body = bodies[which % bodies.len()].clone();
        for (at, byte) in flips {
            let i = at.index(body.len());
            body[i] = byte;
        }
        let end = cut.index(body.len() + 1);
        every_parser(&body[..end]);
        for line in body.split(|b| *b == b'\n') {
            every_parser(line);
        }
    }

    #[test]
    fn configs_of_any_shape_load_or_say_why(text in "(\\[business\\]|\\[\\[source\\]\\]|name = \"[a-z ]{0,8}\"|kind = \"[a-z]{0,10}\"|url = \".{0,20}\"|terms = \\[.{0,20}\\]|interval_secs = -?[0-9]{0,12}|[\\[\\]=\"\n a-z_0-9]{0,10}|\n){0,24}") {
        match Config::parse(&text) {
            Ok(c) => { let _ = c.to_toml(); }
            Err(e) => {
                let msg = format!("{e:#}");
                prop_assert!(!msg.trim().is_empty(), "a refused config says why");
            }
        }
    }

    #[test]
    fn config_files_of_arbitrary_bytes_are_refused_with_the_file_named(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("earshot.toml");
        std::fs::write(&path, &body).unwrap();
        if let Err(e) = Config::load(&path) {
            let msg = format!("{e:#}");
            prop_assert!(msg.contains("earshot.toml"), "names the file: {}", msg);
        }
        prop_assert_eq!(std::fs::read(&path).unwrap(), body, "the file is never rewritten");
    }
}

// --- search: the Rust matcher agrees with FTS5 -----------------------------------------------

/// Words with case, accents, inner punctuation, digits, emoji and other scripts.
const VOCAB: &[&str] = &[
    "coffee",
    "Coffee",
    "COFFEES",
    "café",
    "CAFÉ",
    "cafe",
    "crème",
    "brûlée",
    "Brightside",
    "brightside.coffee",
    "@brightsidecoffee",
    "#coffee",
    "refund",
    "refunds",
    "re-fund",
    "don't",
    "naïve",
    "Ångström",
    "straße",
    "ø",
    "łódź",
    "v1.2",
    "42",
    "x",
    "☕",
    "🤬",
    "東京",
    "カフェ",
    "हैलो",
    "ελληνικά",
    "Ελληνικά",
    "e\u{301}",
    "ﬁne",
    "fine",
    "—",
    "...",
    "(",
    "\"",
    "'",
];

fn doc() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..12).prop_map(|w| w.join(" "))
}

fn typed() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(VOCAB).prop_flat_map(|w| {
            let n = w.chars().count();
            (Just(w), 1..=n.max(1)).prop_map(|(w, k)| w.chars().take(k).collect::<String>())
        }),
        1..3,
    )
    .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The rows the matcher accepts are exactly the rows FTS5 finds, so a search walking the
    /// inbox index returns what a search through the FTS index would.
    #[test]
    fn the_search_matcher_agrees_with_fts5(docs in prop::collection::vec((doc(), doc()), 1..12), q in typed()) {
        use earshot_core::store::{fts_query, search::SearchQuery};
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        // The tokenizer the store declares for mentions_fts.
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2')").unwrap();
        for (i, (title, text)) in docs.iter().enumerate() {
            conn.execute("INSERT INTO t (rowid, title, text) VALUES (?1, ?2, ?3)", rusqlite::params![i as i64, title, text]).unwrap();
        }
        let (Some(fq), Some(sq)) = (fts_query(&q), SearchQuery::parse(&q)) else {
            return Ok(());
        };
        let mut st = conn.prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid").unwrap();
        let fts: Vec<i64> = st.query_map([&fq], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        let ours: Vec<i64> = docs.iter().enumerate()
            .filter(|(_, (title, text))| sq.matches(&[Some(title), Some(text)]))
            .map(|(i, _)| i as i64)
            .collect();
        prop_assert_eq!(ours, fts, "query {:?} as {:?} over {:?}", q, fq, docs);
    }
}
