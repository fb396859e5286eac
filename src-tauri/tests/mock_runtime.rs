//! The shell on Tauri's mock runtime: the same `app()` the desktop runs, built without a window
//! system, its commands invoked as the UI invokes them. It shows the engine starts in `setup`,
//! the commands reach it through the shared handler, and errors arrive as `{code, message}`.

use earshot_app_lib::{app, Desktop, Options};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

fn headless() -> Desktop<MockRuntime> {
    Desktop {
        tray: false,
        tune: |_| {},
    }
}

fn start(dir: &std::path::Path) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let opts = Options {
        data_dir: Some(dir.to_path_buf()),
        ..Options::default()
    };
    let mut app = app(mock_builder(), opts, headless())
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    // One turn of the event loop runs `setup`, which starts the engine. (`run_return` would
    // block until the app exits; one turn, not a loop, is what is wanted here.)
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a window");
    (app, window)
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin on Linux and macOS (http://tauri.localhost on Windows).
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: tauri::test::INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

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
