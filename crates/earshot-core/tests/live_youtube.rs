//! YouTube against the simulator, signed in with the owner's Google login: comments and replies
//! on the channel's videos and other channels' videos that name the business, heard once with
//! subscriber counts and the video's title; a reply sent once even when its answer is lost; and
//! a used-up daily quota waited out with nothing lost.

use std::collections::BTreeSet;

use earshot_core::engine::EngineEvent;
use earshot_core::model::{Channel, Health, Kind, ReplyState};
use earshot_sim::{Fault, FaultSpec, Net};

mod common;
use common::live::settled;
use common::pages::{accepted, all, rig, Rig};
use common::wait_for;

const COMPLAINT: &str = "UgzBsComplain1AaABAg";
const VIDEO: &str = "vidReview0001";

async fn youtube(r: &Rig) -> BTreeSet<String> {
    let ids: Vec<String> = all(&r.engine)
        .await
        .into_iter()
        .filter(|m| m.channel == Channel::Youtube)
        .map(|m| m.external_id)
        .collect();
    let set: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(set.len(), ids.len(), "no mention stored twice");
    set
}

async fn until(r: &mut Rig, want: &BTreeSet<String>, what: &str) {
    while !youtube(r).await.is_superset(want) {
        wait_for(&mut r.rx, what, |e| {
            matches!(e, EngineEvent::MentionsAdded { .. }).then_some(())
        })
        .await;
    }
}

fn truth(r: &Rig) -> BTreeSet<String> {
    r.sim
        .social
        .youtube_truth()
        .into_iter()
        .map(|(_, id)| id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comments_and_videos_are_heard_once_and_a_reply_is_sent_once() {
    let mut r = rig().await;
    let want = truth(&r);
    assert!(want.contains(COMPLAINT) && want.contains(VIDEO));
    until(&mut r, &want, "the channel's comments and the found video").await;
    assert_eq!(youtube(&r).await, want);
    let ms = all(&r.engine).await;
    let complaint = ms.iter().find(|m| m.external_id == COMPLAINT).unwrap();
    assert_eq!(complaint.remote.kind, Some(Kind::Comment));
    assert_eq!(
        complaint.remote.post_text.as_deref(),
        Some("How we roast: a morning at Brightside Coffee")
    );
    assert!(complaint.author.followers.is_some(), "subscribers as reach");
    let video = ms.iter().find(|m| m.external_id == VIDEO).unwrap();
    assert_eq!(video.remote.kind, Some(Kind::Post));
    assert_eq!(video.author.followers, Some(85_000));
    // The health arrives after the mentions it reports on.
    let yt = r
        .engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.spec.kind == earshot_core::model::SourceKind::Youtube)
        .unwrap()
        .id;
    let detail = wait_for(&mut r.rx, "the YouTube source's health", |e| match e {
        EngineEvent::SourceHealth {
            source_id,
            health: Health::Ok {
                detail: Some(d), ..
            },
        } if *source_id == yt => Some(d.clone()),
        _ => None,
    })
    .await;
    assert!(detail.starts_with("quota used today:"), "{detail}");

    // A private reply does not exist on YouTube: refused before anything is sent.
    assert!(r.engine.reply(complaint.id, "psst", true).await.is_err());
    r.sim
        .faults
        .set(
            "replies",
            FaultSpec {
                times: Some(1),
                ..FaultSpec::new(Fault::DropAfterAccept)
            },
        )
        .unwrap();
    let first = r
        .engine
        .reply(
            complaint.id,
            "Dan, so sorry: we've re-sent your order today.",
            false,
        )
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, first.id).await.state, ReplyState::Failed);
    assert_eq!(
        r.engine.send(first.id).await.unwrap().state,
        ReplyState::Sent
    );
    assert_eq!(
        accepted(&r.sim, Net::Youtube, "/comments", "parentId", COMPLAINT),
        1,
        "one reply"
    );
    // A video found by search gets a new comment.
    let on_video = r
        .engine
        .reply(video.id, "Thanks for the visit!", false)
        .await
        .unwrap();
    assert_eq!(
        settled(&mut r.rx, on_video.id).await.state,
        ReplyState::Sent
    );
    assert_eq!(
        accepted(&r.sim, Net::Youtube, "/commentThreads", "videoId", VIDEO),
        1
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_used_up_quota_is_waited_out_and_nothing_is_lost() {
    let mut r = rig().await;
    let mut want = truth(&r);
    until(&mut r, &want, "a first poll").await;
    r.sim.social.youtube_quota_out(true);
    let c = r.sim.social.inject_presence(&serde_json::from_value(serde_json::json!({
        "net": "youtube", "handle": "Quota Quinn", "text": "Is the Brightside subscription box back?"
    })).unwrap());
    want.insert(c.id.clone());
    r.engine.poll_now();
    wait_for(&mut r.rx, "the quota to be reported", |e| {
        matches!(
            e,
            EngineEvent::SourceHealth {
                health: Health::RateLimited { .. },
                ..
            }
        )
        .then_some(())
    })
    .await;
    r.sim.social.youtube_quota_out(false);
    r.engine.poll_now();
    until(&mut r, &want, "the comment made while the quota was out").await;
    assert_eq!(youtube(&r).await, want);
    r.engine.shutdown();
}
