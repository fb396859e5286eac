//! The shell on Tauri's mock runtime, for the tests: the app started on a data folder, and a
//! command invoked as the UI invokes it.

use earshot_app_lib::{app, Desktop, Options};
use serde_json::Value;
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

pub fn start(dir: &std::path::Path) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
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

pub fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
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
