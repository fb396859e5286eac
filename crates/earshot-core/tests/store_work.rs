//! The owner's side of the queue in the store, on both engines: actions on several mentions at
//! once (all or none), notes, saved replies; and, on the team database, assignment to members.

use earshot_core::model::Status;
use earshot_core::store::work::{Action, SavedReply};
use earshot_core::store::{MentionQuery, StoreError};

mod common;
use common::mention;
use common::postgres::on_both;

#[test]
fn actions_apply_to_every_mention_or_to_none() {
    on_both("work_actions", |s| {
        let ids: Vec<i64> = s
            .store_batch(
                None,
                &(0..4)
                    .map(|i| mention(&i.to_string(), "where is my order", 70, i))
                    .collect::<Vec<_>>(),
                None,
            )
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        let tagged = s
            .apply(
                &ids[..3],
                &Action::Tag {
                    tag: "#Refund ".into(),
                },
                5,
            )
            .unwrap();
        assert!(
            tagged.iter().all(|m| m.work.tags == ["refund"]),
            "normalised"
        );
        s.apply(
            &ids[..1],
            &Action::Untag {
                tag: "refund".into(),
            },
            5,
        )
        .unwrap();
        let refund = s
            .list(&MentionQuery {
                tag: Some("refund".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(refund.mentions.len(), 2, "the tag filter sees the rest");
        let missing = s.apply(&[ids[1], 999_999], &Action::Answered, 6);
        assert!(
            matches!(missing, Err(StoreError::NotFound(_))),
            "{missing:?}"
        );
        assert_eq!(
            s.mention(ids[1]).unwrap().status,
            Status::New,
            "all or none: the known one was not changed"
        );
        let snoozed = s
            .apply(&ids[2..], &Action::Snooze { until: 100 }, 7)
            .unwrap();
        assert!(snoozed
            .iter()
            .all(|m| m.status == Status::Snoozed && m.work.snooze_until == Some(100)));
        assert!(
            s.apply(&ids[..1], &Action::Snooze { until: 7 }, 7).is_err(),
            "a snooze ends in the future"
        );
        let answered = s.apply(&ids[1..2], &Action::Answered, 8).unwrap();
        assert_eq!(
            (
                answered[0].status,
                answered[0].work.first_response_at,
                answered[0].work.done_at
            ),
            (Status::Done, Some(8), Some(8))
        );
        let unassigned = s
            .apply(&ids, &Action::Assign { assignee: None }, 9)
            .unwrap();
        assert!(unassigned.iter().all(|m| m.work.assignee.is_none()));
        let c = s.counts(50).unwrap();
        assert_eq!((c.new, c.done, c.snoozed), (1, 1, 2), "the badges follow");
    });
}

#[test]
fn notes_are_kept_per_mention_and_an_empty_one_is_refused() {
    on_both("work_notes", |s| {
        let id = s
            .store_batch(None, &[mention("1", "cold coffee", 40, 1)], None)
            .unwrap()[0]
            .id;
        assert!(s.add_note(id, Some("Ana"), "   ", 1).is_err());
        let first = s
            .add_note(id, Some(" Ana "), "  Called her back ", 2)
            .unwrap();
        s.add_note(id, None, "Refund sent", 3).unwrap();
        let notes = s.notes(id).unwrap();
        assert_eq!(
            notes
                .iter()
                .map(|n| (n.author.as_deref(), n.body.as_str()))
                .collect::<Vec<_>>(),
            [(Some("Ana"), "Called her back"), (None, "Refund sent")]
        );
        assert_eq!(s.mention(id).unwrap().work.notes, 2, "the row counts them");
        s.delete_note(first.id).unwrap();
        assert_eq!(s.notes(id).unwrap().len(), 1);
        assert!(s.delete_note(first.id).is_err(), "gone is gone");
        assert!(
            s.add_note(999_999, None, "x", 4).is_err(),
            "no such mention"
        );
    });
}

#[test]
fn saved_replies_start_with_five_and_keep_their_names_unique() {
    on_both("work_saved", |s| {
        let start = s.saved_replies().unwrap();
        assert_eq!(start.len(), 5, "the starting set");
        let mine = s
            .save_reply(
                &SavedReply {
                    id: 0,
                    name: "Opening hours".into(),
                    body: "We open at {time}.".into(),
                    uses: 0,
                },
                10,
            )
            .unwrap();
        let clash = s.save_reply(
            &SavedReply {
                id: 0,
                name: "opening HOURS".into(),
                body: "x".into(),
                uses: 0,
            },
            11,
        );
        assert!(clash.is_err(), "names are unique whatever their case");
        s.used_saved_reply(mine.id).unwrap();
        assert_eq!(
            s.saved_replies().unwrap()[0].name,
            "Opening hours",
            "the most used first"
        );
        let renamed = s
            .save_reply(
                &SavedReply {
                    name: "Hours".into(),
                    ..mine.clone()
                },
                12,
            )
            .unwrap();
        assert_eq!((renamed.id, renamed.uses), (mine.id, 1));
        s.delete_saved_reply(mine.id).unwrap();
        assert_eq!(s.saved_replies().unwrap().len(), 5);
    });
}

#[test]
fn on_the_team_database_a_mention_is_assigned_to_a_member() {
    let Some(address) = common::postgres::fresh_blocking("work_assign") else {
        return;
    };
    let mut s = earshot_core::store::pg::PgStore::open(&address).unwrap();
    let id = s
        .store_batch(None, &[mention("1", "broken cup", 70, 1)], None)
        .unwrap()[0]
        .id;
    address
        .connect_blocking()
        .unwrap()
        .execute(
            "INSERT INTO team_members (name, desktop) VALUES ('Ana', 'desk-1')",
            &[],
        )
        .unwrap();
    let given = s
        .apply(
            &[id],
            &Action::Assign {
                assignee: Some(" Ana ".into()),
            },
            1,
        )
        .unwrap();
    assert_eq!(given[0].work.assignee.as_deref(), Some("Ana"));
    let e = s
        .apply(
            &[id],
            &Action::Assign {
                assignee: Some("Bob".into()),
            },
            2,
        )
        .unwrap_err();
    assert!(e.to_string().contains("not on the team"), "{e}");
    assert_eq!(
        s.mention(id).unwrap().work.assignee.as_deref(),
        Some("Ana"),
        "a refused assignment changes nothing"
    );
}
