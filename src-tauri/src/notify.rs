//! Desktop notifications through the OS notification service (notify-rust: D-Bus
//! org.freedesktop.Notifications on Linux). Where the platform supports actions, "Open" brings
//! the window to that mention.

use earshot_core::alerts::{Alert, Loudness, Notifier, NotifyError};
use tauri::{AppHandle, Emitter, Runtime};

/// The frontend event asking the UI to open a mention.
pub const OPEN_MENTION: &str = "open-mention";

/// What a notification asks the window to do with its mention.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct OpenMention {
    /// The mention.
    pub id: i64,
    /// Open the reply box on it (the notification's Reply).
    pub reply: bool,
}

/// A mention to open once the window's page is listening: a notification clicked while the
/// window was closed to the tray (it is made anew) or while its page was still loading leaves it
/// here, as such a page would not hear the event. The page says it listens by taking it.
#[derive(Default)]
pub struct PendingOpen(std::sync::Mutex<Pending>);

#[derive(Default)]
pub struct Pending {
    open: Option<OpenMention>,
    /// The window's page has taken what was pending, so it listens for the event.
    listening: bool,
}

impl PendingOpen {
    /// The window is gone: its page listens no more.
    pub fn window_closed(&self) {
        if let Ok(mut p) = self.0.lock() {
            p.listening = false;
        }
    }
}

/// The mention a notification asked to open before the window's page was listening, once; from
/// now on the page hears the event.
#[tauri::command]
pub fn take_pending_open(pending: tauri::State<'_, PendingOpen>) -> Option<OpenMention> {
    let mut p = pending.0.lock().ok()?;
    p.listening = true;
    p.open.take()
}

/// Brings the window to a mention: by event to a page that listens, or left for the page that
/// is loading.
pub fn open_mention<R: Runtime>(app: &AppHandle<R>, open: OpenMention) {
    use tauri::Manager;
    let made = crate::show_main(app);
    if let Some(pending) = app.try_state::<PendingOpen>() {
        if let Ok(mut p) = pending.0.lock() {
            if made || !p.listening {
                p.listening = false;
                p.open = Some(open);
                return;
            }
        }
    }
    let _ = app.emit(OPEN_MENTION, open);
}

/// What a notification's button does. Open and Reply bring the window; Snooze and Done are
/// done from the notification, without it.
fn on_action<R: Runtime>(app: &AppHandle<R>, id: i64, action: &str) {
    use earshot_core::store::work::Action;
    use tauri::Manager;
    let queue_action = match action {
        "default" | "open" => return open_mention(app, OpenMention { id, reply: false }),
        "reply" => return open_mention(app, OpenMention { id, reply: true }),
        "snooze" => Action::Snooze {
            until: chrono::Utc::now().timestamp() + 3600,
        },
        "done" => Action::Status {
            status: earshot_core::model::Status::Done,
        },
        _ => return,
    };
    let Some(state) = app.try_state::<crate::AppState>() else {
        return;
    };
    let engine = state.engine().clone();
    // This is the notification's own thread, not the runtime's: it may wait for the answer.
    if let Err(e) = tauri::async_runtime::block_on(engine.apply(vec![id], queue_action)) {
        tracing::warn!(error = %e, action, "a notification's action failed");
    }
}

/// Shows alerts as desktop notifications.
pub struct DesktopNotifier<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> DesktopNotifier<R> {
    pub fn new(app: AppHandle<R>) -> Self {
        DesktopNotifier { app }
    }
}

/// Whether the notification server reads markup in bodies (asked once). Where it does, post
/// text is escaped so a hostile post cannot style itself or load a remote image there.
#[cfg(all(unix, not(target_os = "macos")))]
fn body_markup() -> bool {
    static MARKUP: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *MARKUP.get_or_init(|| {
        notify_rust::get_capabilities()
            .map(|c| c.iter().any(|c| c == "body-markup"))
            // Unknown: escape, as most Linux servers read markup.
            .unwrap_or(true)
    })
}

/// Escapes the characters notification markup gives meaning to.
fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl<R: Runtime> Notifier for DesktopNotifier<R> {
    fn notify(&self, alert: &Alert) -> Result<(), NotifyError> {
        let mut n = notify_rust::Notification::new();
        #[cfg(all(unix, not(target_os = "macos")))]
        let body = if body_markup() {
            escape_markup(&alert.body)
        } else {
            alert.body.clone()
        };
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let body = {
            let _ = escape_markup;
            alert.body.clone()
        };
        // The summary is plain text by the specification; the body is where markup is read.
        n.appname("Earshot").summary(&alert.summary).body(&body);
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            n.urgency(match alert.loudness {
                Loudness::Critical => notify_rust::Urgency::Critical,
                Loudness::Normal => notify_rust::Urgency::Normal,
            });
            // The click on the notification opens it; the buttons say what they do.
            n.action("default", "Open")
                .action("reply", "Reply")
                .action("snooze", "Snooze 1 h")
                .action("done", "Done");
            n.hint(notify_rust::Hint::Category("im.received".into()));
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let _ = alert.loudness;
        let handle = n.show().map_err(|e| NotifyError(e.to_string()))?;
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let app = self.app.clone();
            let id = alert.mention_id;
            // Waiting for the click blocks, so each notification gets its own short-lived thread.
            std::thread::spawn(move || {
                handle.wait_for_action(|action| on_action(&app, id, action));
            });
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            let _ = (handle, &self.app);
        }
        Ok(())
    }
}
