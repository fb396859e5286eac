//! Desktop notifications through the OS notification service (notify-rust: D-Bus
//! org.freedesktop.Notifications on Linux). Where the platform supports actions, "Open" brings
//! the window to that mention.

use earshot_core::alerts::{Alert, Loudness, Notifier, NotifyError};
use tauri::{AppHandle, Emitter, Runtime};

/// The frontend event asking the UI to open a mention.
pub const OPEN_MENTION: &str = "open-mention";

/// A mention to open once the window's page has loaded: a notification's click that had to make
/// the window anew (it was closed to the tray) leaves it here, as the new page hears no event yet.
#[derive(Default)]
pub struct PendingOpen(std::sync::Mutex<Option<i64>>);

/// The mention a notification asked to open before the window's page was there, once.
#[tauri::command]
pub fn take_pending_open(pending: tauri::State<'_, PendingOpen>) -> Option<i64> {
    pending.0.lock().ok().and_then(|mut p| p.take())
}

/// Brings the window to mention `id`: by event to a page that is there, or left for the page
/// that a closed window's re-opening loads.
pub fn open_mention<R: Runtime>(app: &AppHandle<R>, id: i64) {
    use tauri::Manager;
    if crate::show_main(app) {
        if let Some(pending) = app.try_state::<PendingOpen>() {
            if let Ok(mut p) = pending.0.lock() {
                *p = Some(id);
            }
        }
    } else {
        let _ = app.emit(OPEN_MENTION, id);
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
            n.action("default", "Open").action("open", "Open");
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
                handle.wait_for_action(|action| {
                    if action == "default" || action == "open" {
                        open_mention(&app, id);
                    }
                });
            });
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            let _ = (handle, &self.app);
        }
        Ok(())
    }
}
