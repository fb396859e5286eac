//! The first desktop of a team moves its solo database into the team's (real PostgreSQL):
//! every mention, view, count, search, tag, note, reply, source cursor, setting, saved reply and
//! correction arrives; the SQLite file is left as it was; a team database that already has an
//! inbox is refused and left alone.

use earshot_core::model::{Intent, ReplyState, SourceKind, SourceSpec, Status};
use earshot_core::store::db::DB_FILE;
use earshot_core::store::pg::PgStore;
use earshot_core::store::work::{Action, SavedReply};
use earshot_core::store::{Correction, MentionQuery, MentionStore, Order, Store};

mod common;
use common::mention;

/// A solo database a business has used for a while.
fn used_solo(dir: &std::path::Path) -> Store {
    let mut s = Store::open(&dir.join(DB_FILE)).unwrap();
    let spec = SourceSpec {
        url: Some("https://example.org/feed.xml".into()),
        ..SourceSpec::new(SourceKind::Rss, "Reviews")
    };
    let source = s.upsert_source(&spec, 5).unwrap();
    let words = ["refund", "Café", "cold brew", "late order", "thank you"];
    let batch: Vec<_> = (0..450)
        .map(|i: usize| {
            mention(
                &i.to_string(),
                &format!("{} at Brightside {i}", words[i % words.len()]),
                (i * 37 % 101) as u8,
                i as i64,
            )
        })
        .collect();
    s.store_batch(Some(source), &batch, Some(r#"{"etag":"abc"}"#))
        .unwrap();
    s.set_status(3, Status::Done, 100).unwrap();
    s.set_status(4, Status::Ignored, 100).unwrap();
    s.mark_read(5).unwrap();
    s.apply(
        &[6, 7],
        &Action::Tag {
            tag: "refund".into(),
        },
        100,
    )
    .unwrap();
    s.add_note(6, Some("Ana"), "Called them back", 101).unwrap();
    let r = s.queue_reply(8, false, "So sorry!", "key-8", 102).unwrap();
    s.claim_reply(r.id, 102).unwrap();
    s.reply_sent(r.id, "remote-8", Some("https://example.org/r/8"), 103)
        .unwrap();
    s.save_reply(
        &SavedReply {
            id: 0,
            name: "Opening hours".into(),
            body: "We open at 7.".into(),
            uses: 0,
        },
        104,
    )
    .unwrap();
    s.record_correction(9, &Correction::Intent(Intent::Complaint), 105)
        .unwrap();
    s.set_setting_json("queue", r#"{"target_minutes":30}"#)
        .unwrap();
    s
}

fn every_page(s: &dyn MentionStore, q: &MentionQuery) -> Vec<(i64, String, String)> {
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let page = s.list(&MentionQuery { after, ..q.clone() }).unwrap();
        out.extend(
            page.mentions
                .iter()
                .map(|m| (m.id, m.external_id.clone(), format!("{:?}", m.status))),
        );
        match page.next {
            Some(n) => after = Some(n),
            None => return out,
        }
    }
}

#[test]
fn a_solo_database_moves_into_the_team_with_nothing_lost() {
    let Some(address) = common::postgres::fresh_blocking("move_in") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let solo = used_solo(dir.path());
    let file = dir.path().join(DB_FILE);
    let before = std::fs::read(&file).unwrap();

    let mut team = PgStore::open(&address).unwrap();
    let moved = team.move_in(&file).unwrap();
    assert_eq!(moved.rows("mentions"), 450);
    assert_eq!(moved.rows("sources"), 1);
    assert_eq!(moved.rows("outbox"), 1);
    assert_eq!(moved.rows("notes"), 1);
    assert_eq!(moved.rows("mention_tags"), 2);
    assert_eq!(moved.rows("corrections"), 1);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file is kept as it was"
    );

    // Every view pages through the same mentions, and the counts agree.
    for q in [
        MentionQuery::default(),
        MentionQuery {
            order: Order::Newest,
            ..Default::default()
        },
        MentionQuery {
            search: Some("cafe".into()),
            ..Default::default()
        },
        MentionQuery {
            search: Some("cold bre".into()),
            order: Order::Newest,
            ..Default::default()
        },
        MentionQuery {
            tag: Some("refund".into()),
            ..Default::default()
        },
    ] {
        let want = every_page(&solo, &q);
        assert!(!want.is_empty(), "{q:?}");
        assert_eq!(every_page(&team, &q), want, "{q:?}");
    }
    assert_eq!(team.counts(60).unwrap(), solo.counts(60).unwrap());

    // The work and the listening state came along.
    assert_eq!(team.notes(6).unwrap(), solo.notes(6).unwrap());
    assert_eq!(team.mention(7).unwrap().work, solo.mention(7).unwrap().work);
    let sent = team.replies(8).unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].state, ReplyState::Sent);
    assert_eq!(sent[0].remote_id.as_deref(), Some("remote-8"));
    assert_eq!(
        team.mention(8).unwrap().work.first_response_at,
        solo.mention(8).unwrap().work.first_response_at
    );
    let src = &team.sources().unwrap()[0];
    assert_eq!(src.cursor.as_deref(), Some(r#"{"etag":"abc"}"#));
    assert_eq!(src.spec, solo.sources().unwrap()[0].spec);
    assert_eq!(team.saved_replies().unwrap(), solo.saved_replies().unwrap());
    assert_eq!(team.corrections().unwrap(), solo.corrections().unwrap());
    assert_eq!(
        team.setting_json("queue").unwrap().as_deref(),
        Some(r#"{"target_minutes":30}"#)
    );

    // New rows take new ids after the moved ones.
    let added = team
        .store_batch(Some(src.id), &[mention("new", "a new one", 10, 999)], None)
        .unwrap();
    assert_eq!(added[0].id, 451);
    let note = team.add_note(9, Some("Ben"), "On it", 200).unwrap();
    assert_eq!(note.id, 2);
}

#[test]
fn a_team_database_with_an_inbox_is_not_moved_into() {
    let Some(address) = common::postgres::fresh_blocking("move_in_taken") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    drop(used_solo(dir.path()));
    let mut team = PgStore::open(&address).unwrap();
    team.store_batch(None, &[mention("theirs", "the team's own", 10, 1)], None)
        .unwrap();
    let e = team.move_in(&dir.path().join(DB_FILE)).unwrap_err();
    assert!(e.to_string().contains("already has an inbox"), "{e}");
    assert_eq!(
        team.list(&MentionQuery::default()).unwrap().mentions.len(),
        1
    );
    assert_eq!(
        team.saved_replies().unwrap().len(),
        5,
        "the team's saved replies are left alone"
    );
}

/// Settings → "Share with a team", as the app does it: look first, then join; the first
/// desktop brings its inbox, the second joins the team's and keeps its own file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_desktop_brings_its_inbox_and_the_second_joins_it() {
    use earshot_core::membership::{join, look, Membership};
    let Some(address) = common::postgres::fresh("join_desktops").await else {
        return;
    };
    let (ana_dir, ben_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    drop(used_solo(ana_dir.path()));
    drop(used_solo(ben_dir.path()));

    let empty = look(&address).await.unwrap();
    assert_eq!((empty.mentions, empty.members.len()), (0, 0));
    let ana = join(&address, "Ana", ana_dir.path(), true).await.unwrap();
    assert_eq!(ana.moved.as_ref().unwrap().rows("mentions"), 450);
    assert_eq!(ana.member.name, "Ana");
    let kept = Membership {
        address: address.to_string(),
        name: "Ana".into(),
        joined_at: 7,
    };
    kept.save(ana_dir.path()).unwrap();
    assert_eq!(Membership::load(ana_dir.path()).unwrap(), Some(kept));
    assert!(!address.to_string().contains("password"));

    let found = look(&address).await.unwrap();
    assert_eq!(found.mentions, 450);
    assert_eq!(found.members, vec!["Ana".to_string()]);
    // Ben's own inbox cannot be poured into Ana's: he joins the team's as it is.
    let refused = join(&address, "Ben", ben_dir.path(), true).await;
    assert!(
        refused
            .as_ref()
            .err()
            .unwrap()
            .to_string()
            .contains("already has an inbox"),
        "{:?}",
        refused.err()
    );
    let ben = join(&address, "Ben", ben_dir.path(), false).await.unwrap();
    assert!(ben.moved.is_none());
    let seen = ben
        .db
        .read(|s| s.list(&MentionQuery::default()))
        .await
        .unwrap();
    assert_eq!(
        seen.mentions.len(),
        50,
        "Ben sees the team's inbox (a first page)"
    );
    assert_eq!(
        look(&address).await.unwrap().members,
        vec!["Ana".to_string(), "Ben".to_string()]
    );
    // A second join from the same desktop is the same member.
    let again = join(&address, "Ben", ben_dir.path(), false).await.unwrap();
    assert_eq!(again.member.id, ben.member.id);
    assert_eq!(Membership::load(ben_dir.path()).unwrap(), None);
}
