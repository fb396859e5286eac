//! The team's outbox on a real PostgreSQL: desktops racing for the same reply send it once,
//! desktops sending together take different replies, and a reply left `sending` by a killed
//! desktop is settled by another once its claim runs out.

mod common;

use std::sync::{Arc, Barrier};

use common::mention;
use common::postgres::fresh_blocking;
use earshot_core::model::ReplyState;
use earshot_core::store::pg::PgStore;
use earshot_core::store::Part;
use earshot_core::team::TeamAddress;

/// A team database with `desktops` members, each with its own store, and `mentions` mentions.
fn desktops(name: &str, desktops: usize, mentions: usize) -> Option<(TeamAddress, Vec<PgStore>)> {
    let address = fresh_blocking(name)?;
    let mut first = PgStore::open(&address).unwrap();
    let batch: Vec<_> = (0..mentions)
        .map(|i| mention(&i.to_string(), "where is my order?", 80, i as i64))
        .collect();
    first.store_batch(None, &batch, None).unwrap();
    let mut db = address.connect_blocking().unwrap();
    let mut stores = vec![first];
    stores.extend((1..desktops).map(|_| PgStore::open(&address).unwrap()));
    for (i, s) in stores.iter_mut().enumerate() {
        let id: i64 = db
            .query_one(
                "INSERT INTO team_members (name, desktop) VALUES ($1, $2) RETURNING id",
                &[&format!("Member {i}"), &format!("desktop-{i}")],
            )
            .unwrap()
            .get(0);
        s.listen_as(id).unwrap();
    }
    Some((address, stores))
}

#[test]
fn two_desktops_racing_for_the_same_reply_send_it_once_in_500_trials() {
    let Some((address, mut stores)) = desktops("reply_race", 2, 500) else {
        return;
    };
    let b = stores.pop().unwrap();
    let mut a = stores.pop().unwrap();
    let replies: Vec<i64> = (1..=500)
        .map(|m| {
            a.queue_reply(m, false, "On its way!", &format!("key-{m}"), 10)
                .unwrap()
                .id
        })
        .collect();
    let start = Arc::new(Barrier::new(2));
    let race = |mut s: PgStore, start: Arc<Barrier>, replies: Vec<i64>| {
        std::thread::spawn(move || {
            let mut won = Vec::new();
            for id in replies {
                start.wait();
                if let Some(r) = s.claim_reply(id, 20).unwrap() {
                    // "Sent": the network accepted it.
                    s.reply_sent(r.id, &format!("remote-{id}"), None, 21)
                        .unwrap();
                    won.push(id);
                }
            }
            won
        })
    };
    let ta = race(a, start.clone(), replies.clone());
    let tb = race(b, start, replies.clone());
    let (won_a, won_b) = (ta.join().unwrap(), tb.join().unwrap());
    let mut all: Vec<i64> = won_a.iter().chain(&won_b).copied().collect();
    all.sort_unstable();
    assert_eq!(all, replies, "every reply sent once: none twice, none lost");
    eprintln!("first desktop won {}, second {}", won_a.len(), won_b.len());
    let check = PgStore::open(&address).unwrap();
    let sent = check.replies_in(ReplyState::Sent).unwrap();
    assert_eq!(sent.len(), 500);
    assert!(
        sent.iter().all(|r| r.attempts == 1),
        "no reply was claimed a second time"
    );
    let mut db = address.connect_blocking().unwrap();
    let senders: i64 = db
        .query_one(
            "SELECT count(DISTINCT sent_by) FROM outbox WHERE sent_by IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(senders >= 1, "each reply records who sent it");
    // And says so by name, where the inbox shows the replies.
    let by_a: std::collections::BTreeSet<i64> = won_a.iter().copied().collect();
    for r in &sent {
        let who = if by_a.contains(&r.id) {
            "Member 0"
        } else {
            "Member 1"
        };
        assert_eq!(r.sent_by.as_deref(), Some(who), "reply {}", r.id);
    }
}

#[test]
fn desktops_sending_together_take_different_replies() {
    let Some((_, stores)) = desktops("reply_queue", 3, 300) else {
        return;
    };
    let mut stores = stores;
    for m in 1..=300 {
        stores[0]
            .queue_reply(m, m % 2 == 0, "Thanks!", &format!("q-{m}"), 10)
            .unwrap();
    }
    let threads: Vec<_> = stores
        .into_iter()
        .map(|mut s| {
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                while let Some(r) = s.claim_next(20).unwrap() {
                    mine.push(r.id);
                }
                mine
            })
        })
        .collect();
    let mut all: Vec<i64> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    all.sort_unstable();
    assert_eq!(
        all,
        (1..=300).collect::<Vec<_>>(),
        "each taken by one desktop"
    );
}

#[test]
fn a_reply_a_killed_desktop_was_sending_is_settled_by_another_once_its_claim_runs_out() {
    let Some((address, mut stores)) = desktops("reply_killed", 2, 1) else {
        return;
    };
    let mut b = stores.pop().unwrap();
    let mut a = stores.pop().unwrap();
    let r = a.queue_reply(1, false, "Sorry!", "k-1", 10).unwrap();
    assert!(a.claim_reply(r.id, 11).unwrap().is_some());
    // The first desktop dies here, mid-send.
    drop(a);
    assert!(
        b.interrupted_replies().unwrap().is_empty(),
        "not while its claim lasts: it may still be sending"
    );
    assert!(
        b.claim_reply(r.id, 12).unwrap().is_none(),
        "nor can it be claimed"
    );
    address
        .connect_blocking()
        .unwrap()
        .execute(
            "UPDATE outbox SET claimed_until = now() - interval '1 second'",
            &[],
        )
        .unwrap();
    let left: Vec<i64> = b
        .interrupted_replies()
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(left, vec![r.id], "the claim ran out: the others settle it");
    // Settled as an interrupted send is: failed, then looked for on the network before it is
    // sent again.
    b.reply_failed(r.id, "interrupted while sending", 13)
        .unwrap();
    let again = b.claim_reply(r.id, 14).unwrap().expect("claimable again");
    assert_eq!(again.attempts, 2);
}

#[test]
fn a_batch_whose_parts_stop_before_their_end_keeps_nothing_on_the_team_store() {
    let Some((_, mut stores)) = desktops("parts", 1, 0) else {
        return;
    };
    let s = &mut stores[0];
    let stopped = s.store_parts(None, [Part::Chunk(vec![mention("2", "b", 90, 2)])], None);
    assert!(stopped.is_err(), "a batch without its end is an error");
    assert_eq!(
        s.counts(0).unwrap().total,
        0,
        "nothing kept, nothing counted"
    );
    let kept = s
        .store_parts(
            None,
            [
                Part::Chunk(vec![mention("2", "b", 90, 2)]),
                Part::Chunk(vec![mention("3", "c", 10, 3)]),
                Part::Done,
            ],
            None,
        )
        .unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(s.counts(50).unwrap().unread_urgent, 1);
}
