//! The Facebook Page, the Instagram account and the Google reviews against the simulator:
//! signing in the way an owner does (device code, Page chooser, Google OAuth), hearing every
//! comment, tag and review once, answering publicly and privately exactly once even when the
//! answer is lost on the way back, hiding a comment, and surviving each network's faults
//! (429 with and without Retry-After, an expired token, 5xx, truncated JSON) with nothing lost
//! and nothing posted or stored twice.

use std::collections::BTreeSet;

use earshot_core::engine::EngineEvent;
use earshot_core::model::{Health, Kind, ReplyState};
use earshot_sim::{Fault, FaultSpec, Net};

mod common;
use common::live::settled;
use common::pages::{accepted, health, mention, rig, stored, truth, until_stored};
use common::wait_for;

const ANGRY: &str = "700000000000001_800000000000002";
const IG_QUESTION: &str = "17800000000000002";
const ONE_STAR: &str = "sim-review-onestar";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_comment_tag_and_review_is_heard_once_with_its_kind_and_stars() {
    let mut r = rig().await;
    let want = truth(&r.sim);
    assert!(want.len() > 20, "the script has plenty: {}", want.len());
    until_stored(&mut r, &want, "the Page, Instagram and reviews").await;
    assert_eq!(stored(&r.engine).await, want);

    // The Graph sources say how much of Meta's rate budget they use.
    let healths = health(&mut r, "the sources' health", |h| {
        matches!(h, Health::Ok { .. })
    })
    .await;
    assert!(
        healths.iter().any(
            |h| matches!(h, Health::Ok { detail: Some(d), .. } if d.starts_with("rate budget"))
        ),
        "{healths:?}"
    );

    let angry = mention(&r.engine, ANGRY).await;
    assert_eq!(angry.remote.kind, Some(Kind::Comment));
    assert_eq!(angry.author.handle, "Greg Hanley");
    assert!(angry
        .remote
        .post_text
        .as_deref()
        .unwrap_or_default()
        .starts_with("Our autumn menu"));
    let one = mention(&r.engine, ONE_STAR).await;
    assert_eq!(one.remote.rating, Some(1));
    assert!(
        one.triage
            .reasons
            .iter()
            .any(|x| x.starts_with("1-star review")),
        "{:?}",
        one.triage.reasons
    );
    let praise = mention(&r.engine, "sim-review-old5").await;
    assert!(one.triage.urgency > praise.triage.urgency);
    assert!(
        one.triage.urgency >= 60,
        "a one-star review is urgent: {}",
        one.triage.urgency
    );
    // A comment answered privately in Meta Business Suite: Facebook's refusal, in words.
    let other = mention(&r.engine, "700000000000001_800000000000001").await;
    r.sim.social.private_reply_elsewhere(&other.external_id);
    let refused = r
        .engine
        .reply(other.id, "Thanks Maria!", true)
        .await
        .unwrap();
    let refused = settled(&mut r.rx, refused.id).await;
    assert_eq!(refused.state, ReplyState::Failed);
    assert!(
        refused
            .error
            .unwrap_or_default()
            .contains("already has its private reply"),
        "the reason in words"
    );

    let q = mention(&r.engine, IG_QUESTION).await;
    assert_eq!(
        q.author.followers,
        Some(1_250),
        "business discovery gives reach"
    );
    let swan = mention(&r.engine, "17800000000000001").await;
    assert_eq!(swan.author.followers, None);
    assert!(
        swan.triage
            .reasons
            .iter()
            .any(|x| x.starts_with("reach unknown")),
        "{:?}",
        swan.triage.reasons
    );
    let tag = mention(&r.engine, "5100000000004_700000000000009").await;
    assert_eq!(tag.remote.kind, Some(Kind::Tag));

    // A new comment arrives on the next poll, once; the Page's own replies never do.
    let c = r.sim.social.inject_presence(
        &serde_json::from_value(serde_json::json!({
            "net": "facebook", "handle": "Ivy", "text": "Is the Division St café open on Monday?"
        }))
        .unwrap(),
    );
    let mut want = want;
    want.insert(("facebook".into(), c.id.clone()));
    until_stored(&mut r, &want, "the new comment").await;
    assert_eq!(stored(&r.engine).await, want);
    let ids = r.alerts.mention_ids();
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "no mention announced twice"
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answered_publicly_and_privately_exactly_once_on_each_network() {
    let mut r = rig().await;
    let want = truth(&r.sim);
    until_stored(&mut r, &want, "everything").await;
    let angry = mention(&r.engine, ANGRY).await;

    let public = r
        .engine
        .reply(angry.id, "So sorry, Greg. We have messaged you.", false)
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, public.id).await.state, ReplyState::Sent);
    let private = r
        .engine
        .reply(
            angry.id,
            "Please send us your order time and we'll refund it.",
            true,
        )
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, private.id).await.state, ReplyState::Sent);
    // Facebook allows one private reply per comment; a second is refused in words, before
    // anything is sent.
    let again = r
        .engine
        .reply(angry.id, "One more thing", true)
        .await
        .unwrap_err();
    assert!(
        again.to_string().contains("one private reply per comment"),
        "{again}"
    );
    assert_eq!(
        accepted(&r.sim, Net::Facebook, "/comments", "object", ANGRY),
        1
    );
    assert_eq!(
        accepted(&r.sim, Net::Facebook, "/me/messages", "comment_id", ANGRY),
        1
    );

    let q = mention(&r.engine, IG_QUESTION).await;
    let public = r
        .engine
        .reply(q.id, "Yes! Oat milk at every shop.", false)
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, public.id).await.state, ReplyState::Sent);
    let private = r
        .engine
        .reply(q.id, "Here is this week's menu.", true)
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, private.id).await.state, ReplyState::Sent);
    assert_eq!(
        accepted(&r.sim, Net::Instagram, "/replies", "object", IG_QUESTION),
        1
    );
    assert_eq!(
        accepted(
            &r.sim,
            Net::Instagram,
            "/me/messages",
            "comment_id",
            IG_QUESTION
        ),
        1
    );

    let one = mention(&r.engine, ONE_STAR).await;
    assert!(
        r.engine.reply(one.id, "private?", true).await.is_err(),
        "Google takes public replies only"
    );
    let reply = r
        .engine
        .reply(
            one.id,
            "Derek, we're sorry. The double charge is refunded.",
            false,
        )
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, reply.id).await.state, ReplyState::Sent);
    assert_eq!(
        accepted(&r.sim, Net::GoogleReviews, "/reply", "review", ONE_STAR),
        1
    );
    let after = r.engine.delete_review_reply(one.id).await.unwrap();
    assert_eq!(after.remote.owner_reply, None);
    // The reviewer deletes the review: the owner hears of it as an event of its own.
    r.sim.social.delete_presence_item(ONE_STAR);
    r.engine.poll_now();
    let gone = wait_for(&mut r.rx, "the deleted review", |e| match e {
        EngineEvent::MentionsAdded { mentions } => mentions
            .iter()
            .find(|m| m.external_id == format!("{ONE_STAR}@deleted"))
            .cloned(),
        _ => None,
    })
    .await;
    assert_eq!(gone.remote.kind, Some(Kind::DeletedReview));
    assert_eq!(
        gone.text,
        "Derek W. deleted their ★☆☆☆☆ review of Brightside Coffee — Division St."
    );
    assert!(
        gone.triage.urgency < 60,
        "good news is not urgent: {}",
        gone.triage.urgency
    );
    let deletes = r
        .sim
        .social
        .writes()
        .iter()
        .filter(|w| w.body["method"] == "DELETE" && w.accepted)
        .count();
    assert_eq!(deletes, 1);

    // Hiding is a write on the network and shows on the mention.
    let hidden = r.engine.hide(angry.id, true).await.unwrap();
    assert!(hidden.remote.hidden);
    let hides = r
        .sim
        .social
        .writes()
        .iter()
        .filter(|w| w.body["hidden"] == true && w.body["object"] == ANGRY)
        .count();
    assert_eq!(hides, 1);
    assert!(
        r.engine.hide(one.id, true).await.is_err(),
        "a review cannot be hidden"
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_whose_answer_is_lost_is_retried_without_posting_twice() {
    let mut r = rig().await;
    let want = truth(&r.sim);
    until_stored(&mut r, &want, "everything").await;
    let angry = mention(&r.engine, ANGRY).await;
    for private in [false, true] {
        // The network takes the write, then the connection drops before the answer.
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
                angry.id,
                if private {
                    "Sent you a message"
                } else {
                    "We're on it"
                },
                private,
            )
            .await
            .unwrap();
        let failed = settled(&mut r.rx, first.id).await;
        assert_eq!(
            failed.state,
            ReplyState::Failed,
            "the lost answer is a failure to look at"
        );
        let retried = r.engine.send(first.id).await.unwrap();
        assert_eq!(retried.state, ReplyState::Sent, "{:?}", retried.error);
    }
    assert_eq!(
        accepted(&r.sim, Net::Facebook, "/comments", "object", ANGRY),
        1,
        "one public reply"
    );
    assert_eq!(
        accepted(&r.sim, Net::Facebook, "/me/messages", "comment_id", ANGRY),
        1,
        "one private reply"
    );
    r.engine.shutdown();
}

/// Each network under `fault` (set after the first poll): the health says `says`, nothing new
/// is half-stored, and once it clears (and, for a refused login, the owner logs in again)
/// everything arrives exactly once.
async fn survives(fault: FaultSpec, says: &str) {
    let mut r = rig().await;
    let mut want = truth(&r.sim);
    until_stored(&mut r, &want, "everything").await;
    health(&mut r, "first polls", |h| matches!(h, Health::Ok { .. })).await;
    for (net, text) in [
        ("facebook", "Still waiting for my refund"),
        ("instagram", "Love this place"),
        ("google_reviews", "Two stars, slow service"),
    ] {
        let item = r.sim.social.inject_presence(
            &serde_json::from_value(serde_json::json!({"net": net, "text": text, "rating": 2}))
                .unwrap(),
        );
        want.insert((net.to_string(), item.id));
    }
    for t in ["facebook", "instagram", "google"] {
        r.sim.faults.set(t, fault).unwrap();
    }
    r.engine.poll_now();
    let seen = health(&mut r, "the fault reported", |h| {
        !matches!(h, Health::Ok { .. } | Health::Idle)
    })
    .await;
    for h in &seen {
        let text = common::health_words(h);
        assert!(
            text.contains(says),
            "{:?}: \"{text}\", not \"{says}\"",
            fault.kind
        );
    }
    for t in ["facebook", "instagram", "google"] {
        r.sim.faults.set(t, FaultSpec::new(Fault::None)).unwrap();
    }
    if fault.kind == Fault::Unauthorized {
        earshot_core::demo::sign_in_to_pages(&r.engine, &r.sim.base_url, 1)
            .await
            .unwrap();
    }
    r.engine.poll_now();
    until_stored(&mut r, &want, "everything after the fault").await;
    assert_eq!(
        stored(&r.engine).await,
        want,
        "{:?}: all stored, once each",
        fault.kind
    );
    let ids = r.alerts.mention_ids();
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        ids.len(),
        "no mention announced twice"
    );
    r.engine.shutdown();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_with_retry_after() {
    survives(
        FaultSpec {
            retry_after: Some(1),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_without_retry_after() {
    survives(
        FaultSpec {
            retry_after: Some(0),
            ..FaultSpec::new(Fault::RateLimit)
        },
        "rate limited",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_tokens_ask_for_a_login() {
    survives(FaultSpec::new(Fault::Unauthorized), "log in").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors() {
    survives(FaultSpec::new(Fault::ServerError), "http 500").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_json() {
    survives(FaultSpec::new(Fault::Truncated), "malformed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_page_token_says_so_in_words() {
    let mut r = rig().await;
    let want = truth(&r.sim);
    until_stored(&mut r, &want, "everything").await;
    r.sim.social.expire_page_token(true);
    r.engine.poll_now();
    let reason = wait_for(&mut r.rx, "the Page's login refused", |e| match e {
        EngineEvent::SourceHealth {
            health: Health::NeedsLogin { reason, .. },
            ..
        } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(
        reason.contains("expired") && reason.contains("log in again"),
        "{reason}"
    );
    r.engine.shutdown();
}
