//! The tray icon: the unread-urgent count (title next to the icon where the platform shows one,
//! and the tooltip), and a menu: Open, Pause alerts, Quit.

use tauri::menu::{CheckMenuItem, Menu, MenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

const TRAY_ID: &str = "earshot";

/// Holds the menu item whose check mark mirrors the pause state.
struct PauseItem<R: Runtime>(CheckMenuItem<R>);

/// Creates the tray icon and its menu.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Earshot", true, None::<&str>)?;
    let pause = CheckMenuItem::with_id(app, "pause", "Pause alerts", true, false, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &pause, &quit])?;
    app.manage(PauseItem(pause));
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Earshot")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => {
                crate::show_main(app);
            }
            "pause" => {
                let state = app.state::<AppState>();
                let paused = !state.engine().alerts_paused();
                state.engine().set_alerts_paused(paused);
                set_paused(app, paused);
            }
            "quit" => {
                crate::team::quit(&app.state::<AppState>());
                app.exit(0);
            }
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                crate::show_main(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Shows the unread-urgent count.
pub fn set_count<R: Runtime>(app: &AppHandle<R>, unread_urgent: u32) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let tooltip = match unread_urgent {
            0 => "Earshot — nothing urgent".to_string(),
            1 => "Earshot — 1 urgent mention unread".to_string(),
            n => format!("Earshot — {n} urgent mentions unread"),
        };
        let _ = tray.set_tooltip(Some(&tooltip));
        let _ = tray.set_title(if unread_urgent == 0 {
            None
        } else {
            Some(unread_urgent.to_string())
        });
    }
}

/// Mirrors the pause state in the menu.
pub fn set_paused<R: Runtime>(app: &AppHandle<R>, paused: bool) {
    if let Some(item) = app.try_state::<PauseItem<R>>() {
        let _ = item.0.set_checked(paused);
    }
}
