//! The store against real SQLite files and, for what both engines do ([`MentionStore`]), a real
//! PostgreSQL team database: each such case runs on both.

use earshot_core::model::{Channel, Mention, Status};
use earshot_core::store::{MentionQuery, Order, Store};

mod common;
use common::postgres::on_both;
use common::{mention, spec};

#[test]
fn a_redelivered_post_is_stored_once_and_an_edit_updates_it_in_place() {
    on_both("a_redelivered_post_is_stored_once_and_an", |s| {
        let fresh = s
            .store_batch(None, &[mention("1", "hello Brightside", 10, 100)], None)
            .unwrap();
        assert_eq!(fresh.len(), 1, "a new post is new");
        let id = fresh[0].id;
        s.set_status(id, Status::Open, 0).unwrap();
        let again = s
            .store_batch(None, &[mention("1", "hello Brightside", 10, 100)], None)
            .unwrap();
        assert!(again.is_empty(), "a re-delivered post is not new");
        s.store_batch(
            None,
            &[mention("1", "hello Brightside (edited)", 10, 100)],
            None,
        )
        .unwrap();
        let page = s.list(&MentionQuery::default()).unwrap();
        assert_eq!(page.mentions.len(), 1, "still one row");
        assert_eq!(page.mentions[0].text, "hello Brightside (edited)");
        assert_eq!(
            page.mentions[0].status,
            Status::Open,
            "the owner's status survives an edit"
        );
    });
}

#[test]
fn the_cursor_is_saved_with_the_batch() {
    on_both("the_cursor_is_saved_with_the_batch", |s| {
        let src = s.upsert_source(&spec("HN"), 0).unwrap();
        s.store_batch(
            Some(src),
            &[mention("1", "a", 1, 1)],
            Some("{\"created_at_i\":1}"),
        )
        .unwrap();
        assert_eq!(
            s.source(src).unwrap().cursor.as_deref(),
            Some("{\"created_at_i\":1}")
        );
        assert_eq!(
            s.upsert_source(&spec("HN"), 5).unwrap(),
            src,
            "re-adding by name keeps the source and cursor"
        );
        assert!(
            s.source(src).unwrap().cursor.is_some(),
            "the cursor survives re-adding the source"
        );
    });
}

#[test]
fn full_text_search_finds_a_stored_mention_by_word_prefix_author_and_accent() {
    on_both("full_text_search_finds_a_stored_mention_", |s| {
        s.store_batch(
            None,
            &[
                mention("1", "The café refund never came", 50, 1),
                mention("2", "lovely latte", 5, 2),
            ],
            None,
        )
        .unwrap();
        let find = |q: &str| {
            s.list(&MentionQuery {
                search: Some(q.into()),
                ..Default::default()
            })
            .unwrap()
            .mentions
            .into_iter()
            .map(|m| m.external_id)
            .collect::<Vec<_>>()
        };
        assert_eq!(find("refund"), vec!["1"]);
        assert_eq!(find("ref"), vec!["1"], "the last word is a prefix");
        assert_eq!(find("cafe"), vec!["1"], "accents folded");
        assert_eq!(find("author2"), vec!["2"], "author handles are indexed");
        assert!(
            find("\"; DROP TABLE mentions; --").is_empty(),
            "hostile input is just words"
        );
        assert!(find("***").is_empty());
    });
}

#[test]
fn pages_follow_the_keyset_cursor_without_gaps_or_repeats() {
    on_both("pages_follow_the_keyset_cursor_without_g", |s| {
        let batch: Vec<Mention> = (0..23)
            .map(|i| mention(&i.to_string(), "x", (i % 5) as u8 * 20, 1000 + i))
            .collect();
        s.store_batch(None, &batch, None).unwrap();
        for order in [Order::Urgent, Order::Newest] {
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let page = s
                    .list(&MentionQuery {
                        order,
                        limit: Some(5),
                        after: after.clone(),
                        ..Default::default()
                    })
                    .unwrap();
                seen.extend(
                    page.mentions
                        .iter()
                        .map(|m| (m.triage.urgency, m.created_at)),
                );
                match page.next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            assert_eq!(seen.len(), 23, "{order:?}");
            let mut sorted = seen.clone();
            match order {
                Order::Urgent => sorted.sort_by(|a, b| b.cmp(a)),
                Order::Newest => sorted.sort_by_key(|m| std::cmp::Reverse(m.1)),
            }
            assert_eq!(seen, sorted, "{order:?} is in order across pages");
        }
        assert!(
            s.list(&MentionQuery {
                after: Some("nonsense".into()),
                ..Default::default()
            })
            .is_err(),
            "a bad cursor is an error, not a panic"
        );
    });
}

#[test]
fn filters_combine() {
    on_both("filters_combine", |s| {
        let mut rss = mention("r", "feed item", 90, 5);
        rss.channel = Channel::Rss;
        s.store_batch(
            None,
            &[mention("1", "a", 90, 1), mention("2", "b", 10, 2), rss],
            None,
        )
        .unwrap();
        let q = MentionQuery {
            channel: Some(Channel::Hackernews),
            min_urgency: Some(60),
            ..Default::default()
        };
        let ids: Vec<_> = s
            .list(&q)
            .unwrap()
            .mentions
            .into_iter()
            .map(|m| m.external_id)
            .collect();
        assert_eq!(ids, vec!["1"]);
        let done = s
            .list(&MentionQuery {
                status: Some(Status::Done),
                ..Default::default()
            })
            .unwrap();
        assert!(done.mentions.is_empty(), "nothing is done yet");
    });
}

#[test]
fn counts_track_unread_urgent() {
    on_both("counts_track_unread_urgent", |s| {
        let fresh = s
            .store_batch(
                None,
                &[
                    mention("1", "a", 90, 1),
                    mention("2", "b", 70, 2),
                    mention("3", "c", 10, 3),
                ],
                None,
            )
            .unwrap();
        assert_eq!(
            s.counts(60).unwrap().unread_urgent,
            2,
            "both urgent mentions count as unread"
        );
        s.mark_read(fresh[0].id).unwrap();
        s.set_status(fresh[1].id, Status::Done, 0).unwrap();
        let c = s.counts(60).unwrap();
        assert_eq!(
            (c.unread_urgent, c.total, c.new, c.done),
            (0, 3, 2, 1),
            "opening one and finishing another move the counts"
        );
    });
}

#[test]
fn migrations_apply_to_an_empty_and_to_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("earshot.sqlite3");
    {
        let mut s = Store::open(&path).unwrap();
        assert!(
            s.schema_version().unwrap() >= 1,
            "a new database is migrated"
        );
        s.store_batch(None, &[mention("1", "kept across reopen", 1, 1)], None)
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.list(&MentionQuery::default()).unwrap().mentions.len(),
        1,
        "data survives reopening"
    );
    let ok: String = s
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // A database from a newer Earshot is refused with a clear error instead of being damaged.
    s.connection()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    drop(s);
    let err = Store::open(&path)
        .err()
        .expect("newer schema refused")
        .to_string();
    assert!(err.contains("newer than this Earshot"), "{err}");
}

/// The badge counts come from a tally (kept by `store_batch` for new mentions and by triggers for
/// changes); after any mix of inserts, re-deliveries, status, read and re-triage changes it must
/// equal counting the rows. The search index, kept the same way, must match the rows too.
#[test]
fn the_count_tally_and_search_index_always_match_the_rows() {
    let mut s = Store::open_in_memory().unwrap();
    let direct = |s: &Store, t: u8| -> (u32, u32, u32, u32, u32) {
        let q = |sql: &str| -> u32 {
            s.connection()
                .query_row(sql, [t], |r| r.get::<_, u32>(0))
                .unwrap()
        };
        (
            q("SELECT count(*) FROM mentions WHERE ?1 >= 0"),
            q("SELECT count(*) FROM mentions WHERE status = 'new' AND ?1 >= 0"),
            q("SELECT count(*) FROM mentions WHERE status = 'open' AND ?1 >= 0"),
            q("SELECT count(*) FROM mentions WHERE status = 'done' AND ?1 >= 0"),
            q("SELECT count(*) FROM mentions WHERE urgency >= ?1 AND read = 0 AND status != 'done'"),
        )
    };
    let mut rng = 7u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    // One batch with the same post twice (the second an edit, re-triaged) and a known post whose
    // counts changed but not its words.
    let mut ids: Vec<i64> = s
        .store_batch(None, &[mention("a", "first words", 90, 1)], None)
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    let mut liked = mention("a", "first words", 95, 1);
    liked.engagement.likes = Some(40);
    let twice = [
        mention("b", "before the edit", 80, 2),
        liked,
        mention("b", "after the edit", 10, 2),
    ];
    ids.extend(
        s.store_batch(None, &twice, None)
            .unwrap()
            .into_iter()
            .map(|m| m.id),
    );
    assert_eq!(
        ids.len(),
        2,
        "the post sent twice in one batch is stored once"
    );
    assert_eq!(s.mention(ids[1]).unwrap().text, "after the edit");
    assert_eq!(
        s.mention(ids[0]).unwrap().engagement.likes,
        Some(40),
        "a re-delivery updates the counts in place"
    );
    for round in 0..40 {
        let batch: Vec<Mention> = (0..10)
            .map(|i| {
                let k = next() % 300; // repeats: re-deliveries update in place
                mention(
                    &k.to_string(),
                    &format!("text {k} {round} {i}"),
                    (next() % 101) as u8,
                    k as i64,
                )
            })
            .collect();
        ids.extend(
            s.store_batch(None, &batch, None)
                .unwrap()
                .into_iter()
                .map(|m| m.id),
        );
        for _ in 0..5 {
            let id = ids[(next() % ids.len() as u64) as usize];
            match next() % 3 {
                0 => {
                    s.mark_read(id).unwrap();
                }
                1 => {
                    let st = [Status::New, Status::Open, Status::Done][(next() % 3) as usize];
                    s.set_status(id, st, 0).unwrap();
                }
                _ => {
                    let mut t = s.mention(id).unwrap().triage;
                    t.urgency = (next() % 101) as u8;
                    s.set_triage(&[(id, t, None)]).unwrap();
                }
            }
        }
        for t in [0, 40, 60, 100] {
            let c = s.counts(t).unwrap();
            assert_eq!(
                (c.total, c.new, c.open, c.done, c.unread_urgent),
                direct(&s, t),
                "round {round}, threshold {t}"
            );
        }
        // FTS5 compares its index with the mentions table (rank 1: the content table too).
        s.connection()
            .execute(
                "INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap_or_else(|e| panic!("round {round}: search index out of step: {e}"));
    }
}

/// A word in thousands of mentions: pages hold exactly the matches, in order, each once.
#[test]
fn searching_a_common_word_pages_through_exactly_its_matches() {
    on_both("searching_a_common_word_pages_through_ex", |s| {
        let batch: Vec<Mention> = (0..2_600)
            .map(|i| {
                let text = if i % 5 == 0 {
                    format!("tea number {i}")
                } else {
                    format!("coffee number {i}")
                };
                mention(&i.to_string(), &text, (i * 37 % 101) as u8, i as i64)
            })
            .collect();
        s.store_batch(None, &batch, None).unwrap();
        for order in [Order::Urgent, Order::Newest] {
            let mut seen = std::collections::HashSet::new();
            let mut after = None;
            let mut last: Option<(u8, i64)> = None;
            loop {
                let page = s
                    .list(&MentionQuery {
                        search: Some("coffee".into()),
                        order,
                        after: after.clone(),
                        limit: Some(200),
                        ..Default::default()
                    })
                    .unwrap();
                for m in &page.mentions {
                    assert!(m.text.starts_with("coffee"), "{}", m.text);
                    assert!(seen.insert(m.id), "{} twice", m.id);
                    let key = match order {
                        Order::Urgent => (m.triage.urgency, m.created_at),
                        Order::Newest => (0, m.created_at),
                    };
                    assert!(
                        last.is_none_or(|l| l >= key),
                        "{order:?} order broken at {}",
                        m.id
                    );
                    last = Some(key);
                }
                match page.next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            assert_eq!(seen.len(), 2_080, "{order:?}: every coffee mention once");
        }
    });
}

/// A search probing the view first, sorting its few hits, or walking the view's index returns the
/// same rows in the same order, page by page, under every filter.
#[test]
fn both_search_paths_return_the_same_pages() {
    let words = [
        "coffee",
        "Café",
        "refund",
        "brûlée",
        "brightside.coffee",
        "tea",
        "late",
        "cold",
        "🤬",
    ];
    let mut s = Store::open_in_memory().unwrap();
    let batch: Vec<Mention> = (0..900)
        .map(|i: usize| {
            let text = (0..4)
                .map(|k| words[(i * 7 + k * 3 + i / 5) % words.len()])
                .collect::<Vec<_>>()
                .join(" ");
            let mut m = mention(&i.to_string(), &text, (i * 37 % 101) as u8, (i / 3) as i64);
            if i.is_multiple_of(4) {
                m.channel = Channel::Rss;
            }
            m
        })
        .collect();
    s.store_batch(None, &batch, None).unwrap();
    s.set_status(5, Status::Done, 0).unwrap();
    let mut queries = Vec::new();
    for search in [
        "coffee",
        "cafe bru",
        "brightside.coffee",
        "refund late",
        "tea",
        "🤬",
        "zzz",
    ] {
        for order in [Order::Urgent, Order::Newest] {
            for (channel, min_urgency) in
                [(None, None), (Some(Channel::Rss), None), (None, Some(60))]
            {
                queries.push(MentionQuery {
                    search: Some(search.into()),
                    order,
                    channel,
                    min_urgency,
                    limit: Some(37),
                    ..Default::default()
                });
            }
        }
    }
    let walk = |s: &Store, q: &MentionQuery| {
        let mut ids = Vec::new();
        let mut after = None;
        loop {
            let page = s.list(&MentionQuery { after, ..q.clone() }).unwrap();
            ids.extend(page.mentions.iter().map(|m| m.id));
            match page.next {
                Some(n) => after = Some(n),
                None => return ids,
            }
        }
    };
    let mut found = 0;
    for q in &queries {
        s.set_search_paths(0, 1_000_000);
        let sorted = walk(&s, q);
        s.set_search_paths(0, 0);
        let walked = walk(&s, q);
        assert_eq!(
            sorted, walked,
            "sorting the hits vs walking the view: {q:?}"
        );
        s.set_search_paths(60, 1_000_000);
        let probed = walk(&s, q);
        assert_eq!(sorted, probed, "probing first: {q:?}");
        found += sorted.len();
    }
    assert!(found > 1_000, "the queries find rows ({found})");
}

/// `ids` narrows a view to the mentions just announced, with the view's filters and order.
#[test]
fn a_view_says_which_announced_mentions_belong_in_it() {
    on_both("a_view_says_which_announced_mentions_bel", |s| {
        let batch: Vec<Mention> = (0..10)
            .map(|i| mention(&i.to_string(), "coffee", (i * 10) as u8, i as i64))
            .collect();
        s.store_batch(None, &batch, None).unwrap();
        let page = s
            .list(&MentionQuery {
                ids: Some(vec![2, 5, 9, 999]),
                min_urgency: Some(40),
                ..Default::default()
            })
            .unwrap();
        let ids: Vec<i64> = page.mentions.iter().map(|m| m.id).collect();
        assert_eq!(ids, vec![9, 5], "urgent first, only those at least 40");
        let err = s
            .list(&MentionQuery {
                ids: Some((0..501).collect()),
                ..Default::default()
            })
            .unwrap_err();
        assert!(err.to_string().contains("at most 500"), "{err}");
    });
}
