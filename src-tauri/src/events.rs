//! Engine events become frontend events and tray updates. The UI never polls.

use earshot_core::engine::{Engine, EngineEvent};
use tauri::Emitter;
use tokio::sync::broadcast::{error::RecvError, Receiver};

/// The frontend event name carrying an [`EngineEvent`].
pub const ENGINE_EVENT: &str = "engine";
/// The frontend event that says events were missed: reload.
pub const RESYNC_EVENT: &str = "engine-resync";

/// Forwards engine events to the webview until the engine stops, or another engine takes its
/// place (`generation` changes): then it ends at once, letting the old engine go.
pub fn forward<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    engine: Engine,
    mut rx: Receiver<EngineEvent>,
    mut generation: tokio::sync::watch::Receiver<u64>,
) {
    let mine = *generation.borrow_and_update();
    tauri::async_runtime::spawn(async move {
        loop {
            let received = tokio::select! {
                r = rx.recv() => r,
                changed = generation.changed() => {
                    if changed.is_err() || *generation.borrow() != mine {
                        break;
                    }
                    continue;
                }
            };
            match received {
                Ok(ev) => {
                    if let EngineEvent::Counts { counts } = &ev {
                        crate::tray::set_count(&app, counts.unread_urgent);
                    }
                    if let Err(e) = app.emit(ENGINE_EVENT, &ev) {
                        tracing::warn!(error = %e, "could not send an event to the window");
                    }
                }
                Err(RecvError::Lagged(n)) => {
                    // The UI missed events: tell it to reload rather than show a stale inbox.
                    tracing::warn!(skipped = n, "event stream lagged");
                    let _ = app.emit(RESYNC_EVENT, ());
                    if let Ok(c) = engine.counts().await {
                        crate::tray::set_count(&app, c.unread_urgent);
                    }
                }
                Err(RecvError::Closed) => break,
            }
        }
    });
}
