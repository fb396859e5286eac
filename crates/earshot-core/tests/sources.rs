//! Sources made in the app: tried once before they are saved (against the simulator's feeds),
//! and one listening to what another already does is refused.

use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::error::EngineError;
use earshot_core::model::{Business, SourceKind, SourceSpec};
use earshot_core::store::db::Db;

mod common;
use common::Recorder;

fn feed(name: &str, url: &str) -> SourceSpec {
    SourceSpec {
        url: Some(url.into()),
        interval_secs: Some(86_400),
        ..SourceSpec::new(SourceKind::Rss, name)
    }
}

#[tokio::test]
async fn a_feed_is_checked_before_it_is_saved_and_the_same_feed_twice_is_refused() {
    let sim = common::live::sim_revealing(None).await;
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
    );
    engine
        .set_business(Business {
            name: "Brightside Coffee".into(),
            terms: vec!["brightside".into()],
            exclusions: vec![],
        })
        .await
        .unwrap();
    engine.start().await.unwrap();

    let url = format!("{}/rss/alerts.xml", sim.base_url);
    let check = engine.check_source(feed("Alerts", &url)).await.unwrap();
    assert!(check.found > 0, "{check:?}");
    assert!(
        check.matching > 0 && check.matching <= check.found,
        "{check:?}"
    );
    assert!(!check.examples.is_empty() && check.examples.len() <= 3);
    assert!(
        engine.sources().await.unwrap().is_empty(),
        "a check saves nothing"
    );

    engine.save_source(feed("Alerts", &url)).await.unwrap();
    // The same feed under another name (spelled with a trailing slash): refused, and said.
    let err = engine
        .save_source(feed("Alerts again", &format!("{url}/")))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, EngineError::Invalid(m) if m.contains("“Alerts” already listens")),
        "{err}"
    );
    // Changing the saved one (same name) is not a duplicate.
    let mut changed = feed("Alerts", &url);
    changed.interval_secs = Some(1_800);
    let saved = engine.save_source(changed).await.unwrap();
    assert_eq!(saved.spec.interval_secs, Some(1_800));
    assert_eq!(engine.sources().await.unwrap().len(), 1);

    // A feed that does not answer is an error, not an empty success.
    let dead = engine
        .check_source(feed("Dead", "http://127.0.0.1:9/feed.xml"))
        .await;
    assert!(dead.is_err(), "{dead:?}");
}

#[tokio::test]
async fn first_run_saves_nothing_when_one_chosen_source_is_bad_and_names_what_it_adds() {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
    );
    engine.start().await.unwrap();
    let business = Business {
        name: "Brightside Coffee".into(),
        terms: vec![],
        exclusions: vec![],
    };
    let hn = SourceSpec {
        queries: vec!["Brightside Coffee".into()],
        ..SourceSpec::new(SourceKind::Hackernews, "Hacker News")
    };
    let bad = feed("", "not a url");
    let refused = engine
        .complete_onboarding(business.clone(), vec![hn.clone(), bad])
        .await;
    assert!(refused.is_err());
    assert!(engine.business().await.unwrap().is_none(), "nothing saved");
    assert!(engine.sources().await.unwrap().is_empty());
    let mastodon = SourceSpec {
        base_url: Some("https://mastodon.social".into()),
        queries: vec!["#brightsidecoffee".into()],
        ..SourceSpec::new(SourceKind::Mastodon, "")
    };
    let sources = engine
        .complete_onboarding(
            business,
            vec![
                hn,
                mastodon,
                feed("", "https://www.google.com/alerts/feeds/1/2"),
            ],
        )
        .await
        .unwrap();
    let names: Vec<&str> = sources.iter().map(|s| s.spec.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Mastodon"), "{names:?}");
    assert!(
        names.contains(&"Google Alert 1"),
        "the feed is named after what it is: {names:?}"
    );
}
