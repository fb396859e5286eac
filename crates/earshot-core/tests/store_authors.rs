//! A mention's conversation and its author in the store, on both engines: the thread, the same
//! person across networks, the replies they were sent, their reach as it changed.

use earshot_core::model::{Channel, Mention};

mod common;
use common::mention;
use common::postgres::on_both;

fn by(id: &str, handle: &str, channel: Channel, followers: i64, at: i64) -> Mention {
    let mut m = mention(id, "hello Brightside", 30, at);
    m.channel = channel;
    m.author.handle = handle.into();
    m.author.followers = Some(followers);
    m
}

#[test]
fn an_author_is_one_person_across_networks_with_their_replies_and_reach() {
    on_both("authors", |s| {
        let stored = s
            .store_batch(
                None,
                &[
                    by("m1", "@ann@mastodon.social", Channel::Mastodon, 100, 1),
                    by("b1", "ann.bsky.social", Channel::Bluesky, 40, 2),
                    by("m2", "@Ann@mastodon.social", Channel::Mastodon, 100, 3),
                    by("m3", "@ann@mastodon.social", Channel::Mastodon, 150, 4),
                    by("x1", "bob", Channel::X, 9, 5),
                ],
                None,
            )
            .unwrap();
        let first = stored[0].id;
        let r = s
            .queue_reply(stored[1].id, false, "Thanks!", "k1", 6)
            .unwrap();
        s.reply_sent(r.id, "remote", None, 7).unwrap();
        let h = s.author_history(first).unwrap();
        assert_eq!(h.total, 3, "the other three of ann's, not bob's");
        assert_eq!(
            h.mentions
                .iter()
                .map(|m| m.external_id.as_str())
                .collect::<Vec<_>>(),
            ["m3", "m2", "b1"],
            "newest first"
        );
        assert_eq!(h.replies.len(), 1, "the reply sent to her on Bluesky");
        assert_eq!(
            h.reach
                .iter()
                .map(|p| (p.channel, p.followers))
                .collect::<Vec<_>>(),
            [
                (Channel::Bluesky, 40),
                (Channel::Mastodon, 100),
                (Channel::Mastodon, 150)
            ],
            "one point per change per channel"
        );
        let m = s.set_author_reach(first, Some(175), Some("Ann")).unwrap();
        assert_eq!(
            (m.author.followers, m.author.display_name.as_deref()),
            (Some(175), Some("Ann"))
        );
        assert!(s.author_history(999_999).is_err());
    });
}

#[test]
fn a_thread_holds_the_root_and_its_replies_in_order() {
    on_both("threads", |s| {
        let mut root = mention("r", "is the shop open?", 40, 1);
        root.channel = Channel::Reddit;
        let mut reply = mention("c1", "yes until 6", 10, 2);
        reply.channel = Channel::Reddit;
        reply.thread_root = Some("r".into());
        reply.reply_to = Some("r".into());
        let mut other = mention("c9", "elsewhere", 10, 3);
        other.channel = Channel::Reddit;
        other.thread_root = Some("z".into());
        let stored = s.store_batch(None, &[root, reply, other], None).unwrap();
        let thread: Vec<String> = s
            .thread(stored[1].id)
            .unwrap()
            .into_iter()
            .map(|m| m.external_id)
            .collect();
        assert_eq!(thread, ["r", "c1"]);
    });
}
