//! Working the queue through the engine on a real SQLite file: statuses, snooze, tags, helpers,
//! notes and saved replies (targets.rs has the response clock, the spike alarm and the figures).

use earshot_core::model::Status;
use earshot_core::store::work::{Action, SavedReply};
use earshot_core::store::MentionQuery;

mod common;
use common::queue::*;

#[tokio::test]
async fn snoozed_mentions_leave_the_queue_and_come_back_new_and_unread() {
    let s = setup().await;
    let m = &s
        .ingest(vec![post("a", "ann", "brightside is fine", NOW - 60)])
        .await[0];
    s.engine.mark_read(m.id).await.unwrap();
    let err = s
        .engine
        .apply(vec![m.id], Action::Snooze { until: NOW - 1 })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("future"), "{err}");
    s.engine
        .apply(vec![m.id], Action::Snooze { until: NOW + 3_600 })
        .await
        .unwrap();
    assert!(
        s.ids(MentionQuery::default()).await.is_empty(),
        "snoozed is out of the default view"
    );
    assert_eq!(
        s.engine.counts().await.unwrap().snoozed,
        1,
        "the snoozed mention is counted where the owner can find it"
    );
    s.advance(3_599);
    s.engine.tick().await;
    assert_eq!(s.find("a").await.status, Status::Snoozed);
    s.advance(1);
    s.engine.tick().await;
    let back = s.find("a").await;
    assert_eq!(
        (back.status, back.read, back.work.snooze_until),
        (Status::New, false, None)
    );
}

#[tokio::test]
async fn tags_helpers_notes_and_bulk_actions_filter_and_persist() {
    let s = setup().await;
    let ms = s
        .ingest(vec![
            post("a", "ann", "brightside one", NOW - 30),
            post("b", "bob", "brightside two", NOW - 20),
            post("c", "cy", "brightside three", NOW - 10),
        ])
        .await;
    let ids: Vec<i64> = ms.iter().map(|m| m.id).collect();
    s.engine
        .apply(
            ids[..2].to_vec(),
            Action::Tag {
                tag: "#Refund ".into(),
            },
        )
        .await
        .unwrap();
    s.engine
        .apply(
            vec![ids[1]],
            Action::Assign {
                assignee: Some("Sam".into()),
            },
        )
        .await
        .unwrap();
    let tagged = s
        .ids(MentionQuery {
            tag: Some("refund".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(tagged, vec!["b", "a"]);
    let sams = s
        .ids(MentionQuery {
            assignee: Some("Sam".into()),
            ..Default::default()
        })
        .await;
    assert_eq!(sams, vec!["b"]);
    let nobody = s
        .ids(MentionQuery {
            assignee: Some(String::new()),
            ..Default::default()
        })
        .await;
    assert_eq!(nobody.len(), 2, "the unassigned ones, and only those");
    assert_eq!(s.find("a").await.work.tags, vec!["refund"]);

    // Bulk: all or nothing — one unknown id changes none.
    let err = s
        .engine
        .apply(
            vec![ids[0], 999_999],
            Action::Status {
                status: Status::Done,
            },
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("999999"), "{err}");
    assert_eq!(s.find("a").await.status, Status::New);
    s.engine
        .apply(
            ids.clone(),
            Action::Status {
                status: Status::Done,
            },
        )
        .await
        .unwrap();
    let c = s.engine.counts().await.unwrap();
    assert_eq!((c.done, c.new), (3, 0), "all three done, none left new");
    assert!(s.find("a").await.work.done_at.is_some());
    assert!(s
        .ids(MentionQuery {
            todo: true,
            ..Default::default()
        })
        .await
        .is_empty());

    s.engine
        .apply(
            vec![ids[2]],
            Action::Status {
                status: Status::Ignored,
            },
        )
        .await
        .unwrap();
    assert_eq!(s.ids(MentionQuery::default()).await, vec!["b", "a"]);

    let note = s
        .engine
        .add_note(ids[0], Some("Sam".into()), "  called her back  ".into())
        .await
        .unwrap();
    assert_eq!(note.body, "called her back");
    assert!(s.engine.add_note(ids[0], None, "   ".into()).await.is_err());
    assert_eq!(s.find("a").await.work.notes, 1);
    s.engine.delete_note(ids[0], note.id).await.unwrap();
    assert!(
        s.engine.notes(ids[0]).await.unwrap().is_empty(),
        "the deleted note is gone"
    );
}

#[tokio::test]
async fn saved_replies_start_with_sensible_answers_and_keep_names_unique() {
    let s = setup().await;
    let seeded = s.engine.saved_replies().await.unwrap();
    assert!(
        seeded.len() >= 4,
        "a new install has saved replies to start from"
    );
    assert!(seeded.iter().any(|r| r.body.contains("{author}")));
    let mine = s
        .engine
        .save_reply(SavedReply {
            id: 0,
            name: "Opening hours".into(),
            body: "We open at {time}, {author}!".into(),
            uses: 0,
        })
        .await
        .unwrap();
    let dup = s
        .engine
        .save_reply(SavedReply {
            id: 0,
            name: "opening HOURS".into(),
            ..mine.clone()
        })
        .await
        .unwrap_err();
    assert!(dup.to_string().contains("already exists"), "{dup}");
    s.engine.used_saved_reply(mine.id).await.unwrap();
    s.engine.used_saved_reply(mine.id).await.unwrap();
    let list = s.engine.saved_replies().await.unwrap();
    assert_eq!(list[0].name, "Opening hours", "most used first");
    assert_eq!(list[0].uses, 2, "each use counted");
    s.engine.delete_saved_reply(mine.id).await.unwrap();
    assert_eq!(
        s.engine.saved_replies().await.unwrap().len(),
        seeded.len(),
        "deleting one leaves the others"
    );
}

#[tokio::test]
async fn a_batch_longer_than_a_part_is_stored_whole_once_with_a_repeat_as_its_last_delivery() {
    use earshot_core::pipeline::ingest::PART;
    let s = setup().await;
    let n = PART * 2 + 50;
    let mut posts: Vec<_> = (0..n)
        .map(|i| {
            post(
                &format!("p{i}"),
                "ann",
                "brightside latte",
                NOW - 600 + i as i64,
            )
        })
        .collect();
    // The first post delivered again in the last part, edited: the later delivery is kept.
    posts.push(post("p0", "ann", "brightside latte (edited)", NOW - 600));
    let mut events = s.engine.subscribe();
    s.engine
        .ingest(
            &s.source,
            earshot_core::channels::Batch {
                mentions: posts,
                cursor: Some("after".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let added = common::wait_for(&mut events, "the new mentions", |e| match e {
        earshot_core::engine::EngineEvent::MentionsAdded { mentions } => Some(mentions.clone()),
        _ => None,
    })
    .await;
    assert_eq!(added.len(), n, "each post once, in one announcement");
    assert_eq!(s.engine.counts().await.unwrap().total as usize, n);
    assert_eq!(s.find("p0").await.text, "brightside latte (edited)");
    let src = s.engine.sources().await.unwrap();
    assert_eq!(src[0].cursor.as_deref(), Some("after"));
}
