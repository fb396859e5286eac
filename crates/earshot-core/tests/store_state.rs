//! The store's state of sources and mentions as the owner changes it: pausing a source, a reply
//! sent (on both engines).

use earshot_core::model::Status;
use earshot_core::store::Store;

mod common;
use common::postgres::on_both;
use common::{mention, spec};

#[test]
fn a_paused_source_keeps_its_cursor_and_a_missing_one_is_not_found() {
    let mut s = Store::open_in_memory().unwrap();
    let src = s.upsert_source(&spec("HN"), 0).unwrap();
    s.store_batch(Some(src), &[mention("1", "a", 1, 1)], Some("c1"))
        .unwrap();
    assert!(s.source(src).unwrap().enabled, "a new source listens");
    s.set_source_enabled(src, false).unwrap();
    let paused = s.source(src).unwrap();
    assert!(!paused.enabled, "paused");
    assert_eq!(
        paused.cursor.as_deref(),
        Some("c1"),
        "pausing keeps the cursor"
    );
    s.set_source_enabled(src, true).unwrap();
    assert!(s.source(src).unwrap().enabled, "resumed");
    assert!(
        s.set_source_enabled(src + 100, false).is_err(),
        "no such source: an error, not a silent no-op"
    );
}

#[test]
fn a_sent_reply_opens_a_new_mention_and_marks_it_read_keeping_a_done_one_done() {
    on_both("sent_reply", |s| {
        let stored = s
            .store_batch(
                None,
                &[
                    mention("1", "where is my order", 80, 1),
                    mention("2", "thanks", 10, 2),
                ],
                None,
            )
            .unwrap();
        let (new_one, done_one) = (stored[0].id, stored[1].id);
        s.set_status(done_one, Status::Done, 5).unwrap();
        for (i, id) in [new_one, done_one].into_iter().enumerate() {
            let r = s
                .queue_reply(id, false, "On its way!", &format!("k{i}"), 10)
                .unwrap();
            s.reply_sent(r.id, "remote", None, 20).unwrap();
        }
        let answered = s.mention(new_one).unwrap();
        assert_eq!(answered.status, Status::Open, "answered, not yet done");
        assert!(answered.read, "read once answered");
        assert_eq!(answered.work.first_response_at, Some(20));
        assert!(
            answered.work.sent_public && !answered.work.sent_private,
            "the row can mark it replied publicly"
        );
        let dm = s
            .queue_reply(done_one, true, "DM'd you", "k-dm", 30)
            .unwrap();
        let unsent = s.mention(done_one).unwrap().work;
        assert!(!unsent.sent_private, "queued is not sent");
        s.reply_sent(dm.id, "remote-dm", None, 31).unwrap();
        assert!(
            s.mention(done_one).unwrap().work.sent_private,
            "a private reply sent is marked"
        );
        assert_eq!(
            s.mention(done_one).unwrap().status,
            Status::Done,
            "a reply does not reopen what was done"
        );
        let c = s.counts(60).unwrap();
        assert_eq!((c.new, c.open, c.done), (0, 1, 1), "the badges follow");
    });
}

#[test]
fn a_batch_whose_parts_stop_before_their_end_keeps_nothing_and_not_its_cursor() {
    use earshot_core::store::Part;
    let mut s = Store::open_in_memory().unwrap();
    let src = s.upsert_source(&spec("HN"), 0).unwrap();
    s.store_batch(Some(src), &[mention("1", "a", 1, 1)], Some("c1"))
        .unwrap();
    let before = s.counts(50).unwrap();
    // Triage failed after the first part: the producer stops without `Done`.
    let stopped = s.store_parts(
        Some(src),
        [Part::Chunk(vec![
            mention("2", "b", 90, 2),
            mention("3", "c", 10, 3),
        ])],
        Some("c2"),
    );
    assert!(stopped.is_err(), "a batch without its end is an error");
    assert_eq!(s.source(src).unwrap().cursor.as_deref(), Some("c1"));
    assert_eq!(s.counts(50).unwrap(), before, "the badges did not move");
    // The same parts with their end: both kept, each counted once under its urgency.
    let kept = s
        .store_parts(
            Some(src),
            [
                Part::Chunk(vec![mention("2", "b", 90, 2)]),
                Part::Chunk(vec![mention("3", "c", 10, 3)]),
                Part::Done,
            ],
            Some("c2"),
        )
        .unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(s.source(src).unwrap().cursor.as_deref(), Some("c2"));
    let after = s.counts(50).unwrap();
    assert_eq!((after.new, after.total), (before.new + 2, before.total + 2));
    assert_eq!(
        after.unread_urgent,
        before.unread_urgent + 1,
        "the urgency-90 one"
    );
}
