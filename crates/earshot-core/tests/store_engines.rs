//! The two engines side by side: the team database (PostgreSQL) must answer every view as the
//! SQLite store does.

use earshot_core::model::{Channel, Mention, Status};
use earshot_core::store::{MentionQuery, MentionStore, Order, Store};

mod common;
use common::mention;

/// The team database answers as the SQLite store does: after the same batches, edits, statuses,
/// reads and re-triage, every view (searches with phrases, prefixes, accents and emoji, filters,
/// both orders) pages through the same mentions in the same order, and the counts agree.
#[test]
fn both_engines_return_the_same_pages_and_counts() {
    let Some(mut pg) = common::postgres::store("engines_agree") else {
        return;
    };
    let mut sqlite = Store::open_in_memory().unwrap();
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
        "it's",
    ];
    let batch: Vec<Mention> = (0..600)
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
    let both: [&mut dyn MentionStore; 2] = [&mut sqlite, &mut pg];
    for s in both {
        s.store_batch(None, &batch[..300], None).unwrap();
        // The second batch re-delivers an edited post of the first.
        let mut edited = batch[300..].to_vec();
        let mut again = batch[7].clone();
        again.text = "cold brew refund".into();
        again.engagement.likes = Some(3);
        edited.push(again);
        s.store_batch(None, &edited, None).unwrap();
        for id in [5, 50, 500] {
            s.set_status(id, Status::Done, 10).unwrap();
        }
        s.set_status(60, Status::Ignored, 10).unwrap();
        s.set_status(61, Status::Open, 10).unwrap();
        s.mark_read(70).unwrap();
        let mut t = s.mention(80).unwrap().triage;
        t.urgency = 99;
        assert_eq!(s.set_triage(&[(80, t, None)]).unwrap(), vec![80]);
    }
    let walk = |s: &dyn MentionStore, q: &MentionQuery| {
        let mut ids = Vec::new();
        let mut after = None;
        loop {
            let page = s.list(&MentionQuery { after, ..q.clone() }).unwrap();
            ids.extend(page.mentions.iter().map(|m| (m.id, m.external_id.clone())));
            match page.next {
                Some(n) => after = Some(n),
                None => return ids,
            }
        }
    };
    let mut found = 0;
    for search in [
        None,
        Some("coffee"),
        Some("cafe bru"),
        Some("brightside.coffee"),
        Some("refund late"),
        Some("cold brew"),
        Some("it's"),
        Some("🤬"),
        Some("co"),
        Some("zzz"),
    ] {
        for order in [Order::Urgent, Order::Newest] {
            for (channel, min_urgency, status) in [
                (None, None, None),
                (Some(Channel::Rss), None, None),
                (None, Some(60), None),
                (None, None, Some(Status::Done)),
            ] {
                let q = MentionQuery {
                    search: search.map(str::to_string),
                    order,
                    channel,
                    min_urgency,
                    status,
                    limit: Some(37),
                    ..Default::default()
                };
                let want = walk(&sqlite, &q);
                // Each of the team store's ways to find a search's page: as shipped, sorting
                // the GIN hits, walking the view's index, probing the view's first rows.
                for (probe, few) in [(2_000, 6_000), (0, 1_000_000), (0, 0), (60, 1_000_000)] {
                    pg.set_search_paths(probe, few);
                    assert_eq!(
                        walk(&pg, &q),
                        want,
                        "the same view on both engines (probe {probe}, few {few}): {q:?}"
                    );
                }
                found += want.len();
            }
        }
    }
    assert!(found > 5_000, "the views hold rows ({found})");
    for threshold in [0, 40, 60, 90] {
        assert_eq!(
            pg.counts(threshold).unwrap(),
            sqlite.counts(threshold).unwrap(),
            "counts at urgency {threshold}"
        );
    }
}

/// The team store's counts come from a tally kept per statement; after a bulk change of
/// thousands of rows, single changes and deletes, it must still equal counting the rows.
#[test]
fn the_team_tally_matches_the_rows_after_bulk_changes_and_deletes() {
    let Some(address) = common::postgres::fresh_blocking("tally") else {
        return;
    };
    let mut pg = earshot_core::store::pg::PgStore::open(&address).unwrap();
    let batch: Vec<Mention> = (0..3_000)
        .map(|i: usize| {
            mention(
                &i.to_string(),
                "where is my order",
                (i * 37 % 101) as u8,
                i as i64,
            )
        })
        .collect();
    pg.store_batch(None, &batch, None).unwrap();
    let mut db = address.connect_blocking().unwrap();
    db.batch_execute(
        "UPDATE mentions SET status = 'done', read = true WHERE id % 3 = 0; \
         UPDATE mentions SET read = true WHERE id % 5 = 0; \
         UPDATE mentions SET urgency = 95 WHERE id % 11 = 0",
    )
    .unwrap();
    pg.set_status(1, Status::Ignored, 5).unwrap();
    pg.set_status(3, Status::Open, 5).unwrap();
    pg.mark_read(2).unwrap();
    db.batch_execute("DELETE FROM mentions WHERE id % 13 = 0")
        .unwrap();
    for t in [0u8, 50, 60, 95] {
        let mut direct = |sql: &str| -> u32 {
            let n: i64 = db.query_one(sql, &[&i32::from(t)]).unwrap().get(0);
            n as u32
        };
        let c = pg.counts(t).unwrap();
        assert_eq!(
            (c.total, c.new, c.open, c.done, c.ignored, c.unread_urgent),
            (
                direct("SELECT count(*) FROM mentions WHERE $1 >= 0"),
                direct("SELECT count(*) FROM mentions WHERE status = 'new' AND $1 >= 0"),
                direct("SELECT count(*) FROM mentions WHERE status = 'open' AND $1 >= 0"),
                direct("SELECT count(*) FROM mentions WHERE status = 'done' AND $1 >= 0"),
                direct("SELECT count(*) FROM mentions WHERE status = 'ignored' AND $1 >= 0"),
                direct(
                    "SELECT count(*) FROM mentions WHERE urgency >= $1 AND NOT read \
                     AND status IN ('new', 'open')"
                ),
            ),
            "the tally at urgency {t}"
        );
    }
}
