//! The shell on Tauri's mock runtime: the same `app()` the desktop runs, built without a window
//! system, its commands invoked as the UI invokes them. It shows the engine starts in `setup`,
//! the commands reach it through the shared handler, and errors arrive as `{code, message}`.

mod shell;

use serde_json::json;
use shell::{invoke, start};

#[test]
fn the_commands_reach_the_engine_and_errors_carry_their_code() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = start(dir.path());

    let info = invoke(&w, "app_info", json!({})).expect("app_info answers");
    assert_eq!(info["demo"], false);
    assert!(
        info["data_file"]
            .as_str()
            .unwrap()
            .starts_with(dir.path().to_str().unwrap()),
        "the engine opened the data folder it was given: {info}"
    );

    let business =
        json!({ "name": "Brightside Coffee", "terms": ["Brightside"], "exclusions": [] });
    let sources = invoke(
        &w,
        "complete_onboarding",
        json!({ "business": business, "sources": [
            { "kind": "hackernews", "name": "Hacker News", "url": null, "queries": ["Brightside Coffee"],
              "base_url": null, "account": null, "interval_secs": null, "require_match": null },
            { "kind": "rss", "name": "", "url": "https://www.google.com/alerts/feeds/1/2", "queries": [],
              "base_url": null, "account": null, "interval_secs": null, "require_match": null },
        ] }),
    )
    .expect("onboarding completes");
    let names: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["spec"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "Hacker News and the feed: {names:?}");
    assert!(
        names.contains(&"Google Alert 1"),
        "a Google Alert is named as one: {names:?}"
    );

    let counts = invoke(&w, "counts", json!({})).expect("counts answer");
    assert_eq!(counts["total"], 0, "nothing heard yet");

    // When to be notified: checked, kept, used.
    let mut policy = invoke(&w, "get_alert_policy", json!({})).unwrap();
    policy["quiet_hours"] = json!([7, 7]);
    let err = invoke(&w, "set_alert_policy", json!({ "policy": policy })).unwrap_err();
    assert_eq!(err["code"], "invalid", "{err}");
    policy["quiet_hours"] = json!([22, 7]);
    policy["notify_min"] = json!(55);
    invoke(&w, "set_alert_policy", json!({ "policy": policy })).unwrap();
    let kept = invoke(&w, "get_alert_policy", json!({})).unwrap();
    assert_eq!(
        (kept["notify_min"].clone(), kept["quiet_hours"].clone()),
        (json!(55), json!([22, 7]))
    );

    // The UI branches on the code, never on the words.
    let err = invoke(&w, "get_mention", json!({ "id": 424242 })).expect_err("no such mention");
    assert_eq!(err["code"], "not_found", "{err}");
    let err = invoke(
        &w,
        "add_source",
        json!({ "spec": { "kind": "mastodon", "name": "M" } }),
    )
    .expect_err("a Mastodon source needs its instance");
    assert_eq!(err["code"], "invalid", "{err}");
}
