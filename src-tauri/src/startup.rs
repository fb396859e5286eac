//! Around the engine's start: one Earshot per data folder (a second launch shows the running
//! window), start at login (hidden in the tray), and the window that says why the database
//! could not be opened and offers a way out — restore the newest good backup, show the data
//! folder, or quit. The damaged file is never deleted.

use std::path::PathBuf;
use std::sync::Mutex;

use earshot_core::model::StartupProblem;
use earshot_core::store::StoreError;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::ManagerExt;
use tauri_plugin_opener::OpenerExt;

use crate::commands::CmdError;
use crate::Options;

/// The argument start-at-login launches Earshot with.
pub const HIDDEN: &str = "--hidden";

/// A second launch on the same data folder shows and focuses the running window and exits
/// instead of starting a second engine on the same database. The default folder shares the
/// app's own name; another folder (`--data-dir`) gets a name of its own, so two folders can be
/// open at once (tests, a second business).
pub fn single_instance(opts: &Options) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut plugin =
        tauri_plugin_single_instance::Builder::<tauri::Wry>::new().callback(|app, argv, _cwd| {
            tracing::info!(?argv, "Earshot was launched again: showing this window");
            crate::show_main(app);
        });
    if let Some(dir) = earshot_core::data_dir_override(opts.data_dir.clone()) {
        plugin = plugin.dbus_id(instance_id(&dir));
    }
    plugin.build()
}

/// A D-Bus-safe name for the instance that owns `dir` (every element starts with a letter).
fn instance_id(dir: &std::path::Path) -> String {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    // FNV-1a: stable across builds, so two versions of Earshot agree on the name.
    let hash = dir
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("app.earshot.desktop.folder_{hash:016x}")
}

/// Start at login: an entry that launches Earshot hidden in the tray (the owner turns it on in
/// Settings).
pub fn autostart<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new()
        .app_name("Earshot")
        .arg(HIDDEN)
        .build()
}

/// Why the engine did not start, while the owner decides what to do.
pub struct Startup {
    problem: Mutex<Option<StartupProblem>>,
    dir: PathBuf,
    opts: Options,
}

impl Startup {
    /// The state of an app whose engine could not start with `error`.
    pub fn failed(error: &anyhow::Error, dir: PathBuf, opts: Options) -> Startup {
        let on_team = dir.join(earshot_core::membership::TEAM_FILE).is_file();
        let code = match error.downcast_ref::<StoreError>() {
            Some(StoreError::Damaged { .. }) => "damaged",
            Some(StoreError::Newer { .. }) => "newer",
            _ if on_team => "team",
            _ => "other",
        };
        let problem = StartupProblem {
            code: code.into(),
            message: format!("{error:#}"),
            data_dir: dir.display().to_string(),
            backups: earshot_core::store::backup::list(&dir).len() as u32,
        };
        Startup {
            problem: Mutex::new(Some(problem)),
            dir,
            opts,
        }
    }
}

/// Why Earshot could not start, or nothing when it is running.
#[tauri::command]
pub fn startup_problem<R: Runtime>(app: AppHandle<R>) -> Option<StartupProblem> {
    let startup = app.try_state::<Startup>()?;
    let problem = startup.problem.lock().unwrap_or_else(|p| p.into_inner());
    problem.clone()
}

/// What a restore did, for the owner.
#[derive(Serialize)]
pub struct Restored {
    from: String,
    kept: Option<String>,
}

/// Restores the newest backup that passes the check (the file it replaces is kept beside it),
/// then starts the engine on it. The window reloads into the inbox.
#[tauri::command]
pub async fn restore_newest_backup<R: Runtime>(
    app: AppHandle<R>,
    startup: State<'_, Startup>,
) -> Result<Restored, CmdError> {
    let dir = startup.dir.clone();
    let now = chrono::Utc::now().timestamp();
    let (from, kept) = tauri::async_runtime::spawn_blocking(move || {
        earshot_core::store::backup::restore_newest_good(&dir, now)
    })
    .await
    .map_err(|e| CmdError::new("storage", e.to_string()))??;
    tracing::info!(from = %from.display(), "restored the newest good backup");
    let state = crate::start_engine(&app, &startup.opts, startup.dir.clone())
        .await
        .map_err(|e| CmdError::new("storage", format!("{e:#}")))?;
    crate::attach_engine(&app, state).map_err(|e| CmdError::new("storage", e.to_string()))?;
    *startup.problem.lock().unwrap_or_else(|p| p.into_inner()) = None;
    Ok(Restored {
        from: from.display().to_string(),
        kept: kept.map(|k| k.display().to_string()),
    })
}

/// When the team's database cannot be reached at start: leave the team on this computer and
/// work alone on its own file (as it was when it joined). The window reloads into the inbox.
#[tauri::command]
pub async fn work_alone<R: Runtime>(
    app: AppHandle<R>,
    startup: State<'_, Startup>,
) -> Result<(), CmdError> {
    earshot_core::membership::Membership::remove(&startup.dir)
        .map_err(|e| CmdError::new("team", e.to_string()))?;
    tracing::info!("left the team: working alone on this computer's own database");
    let state = crate::start_engine(&app, &startup.opts, startup.dir.clone())
        .await
        .map_err(|e| CmdError::new("storage", format!("{e:#}")))?;
    crate::attach_engine(&app, state).map_err(|e| CmdError::new("storage", e.to_string()))?;
    *startup.problem.lock().unwrap_or_else(|p| p.into_inner()) = None;
    Ok(())
}

/// Opens the data folder in the file manager.
#[tauri::command]
pub fn show_data_folder<R: Runtime>(
    app: AppHandle<R>,
    startup: State<'_, Startup>,
) -> Result<(), CmdError> {
    app.opener()
        .open_path(startup.dir.display().to_string(), None::<&str>)
        .map_err(|e| CmdError::new("unavailable", e.to_string()))
}

/// Quits Earshot.
#[tauri::command]
pub fn quit<R: Runtime>(app: AppHandle<R>) {
    if let Some(state) = app.try_state::<crate::AppState>() {
        crate::team::quit(&state);
    }
    app.exit(0);
}

/// Whether Earshot starts at login.
#[tauri::command]
pub fn get_autostart<R: Runtime>(app: AppHandle<R>) -> Result<bool, CmdError> {
    app.autolaunch()
        .is_enabled()
        .map_err(|e| CmdError::new("unavailable", e.to_string()))
}

/// Turns start at login on or off; returns the new setting.
#[tauri::command]
pub fn set_autostart<R: Runtime>(app: AppHandle<R>, enabled: bool) -> Result<bool, CmdError> {
    let launch = app.autolaunch();
    let done = if enabled {
        launch.enable()
    } else {
        launch.disable()
    };
    done.and_then(|()| launch.is_enabled())
        .map_err(|e| CmdError::new("unavailable", e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_well_formed_instance_name() {
        let a = instance_id(std::path::Path::new("/tmp/earshot-a"));
        let b = instance_id(std::path::Path::new("/tmp/earshot-b"));
        assert_ne!(a, b, "two folders, two running Earshots");
        assert_eq!(a, instance_id(std::path::Path::new("/tmp/earshot-a")));
        for element in a.split('.') {
            assert!(
                element
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic()),
                "a D-Bus name element starts with a letter: {a}"
            );
        }
    }
}

/// The flag of a demo opened from the first run: its window's close quits it (it has nothing to
/// listen for in the tray).
pub const QUIT_ON_CLOSE: &str = "--quit-on-close";

/// How the demo beside a first run is started: this same program on the built-in simulated
/// networks, in a data folder of its own (the owner's is not touched), quitting with its window.
pub fn demo_command(exe: &std::path::Path, dir: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(exe);
    c.arg("--demo")
        .arg(QUIT_ON_CLOSE)
        .arg("--data-dir")
        .arg(dir)
        .stdin(std::process::Stdio::null());
    c
}

/// "Try the demo" on the first run: opens the demo in a window of its own beside this one. A
/// second click shows the demo already open (one Earshot per data folder).
#[tauri::command]
pub async fn try_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, crate::AppState>,
) -> Result<(), CmdError> {
    if state.demo {
        return Err(CmdError::new("invalid", "this is the demo already"));
    }
    let unavailable = |e: &dyn std::fmt::Display| {
        CmdError::new("unavailable", format!("could not open the demo: {e}"))
    };
    let exe = std::env::current_exe().map_err(|e| unavailable(&e))?;
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| unavailable(&e))?
        .join("demo");
    std::fs::create_dir_all(&dir).map_err(|e| unavailable(&e))?;
    let mut child = demo_command(&exe, &dir)
        .spawn()
        .map_err(|e| unavailable(&e))?;
    tracing::info!(pid = child.id(), dir = %dir.display(), "the demo was opened beside the first run");
    // Reaped when it quits, so it leaves no zombie behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod demo_tests {
    #[test]
    fn the_demo_runs_in_its_own_folder_and_quits_with_its_window() {
        let c = super::demo_command("/opt/earshot/earshot-app".as_ref(), "/c/demo".as_ref());
        let args: Vec<_> = c
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args, ["--demo", "--quit-on-close", "--data-dir", "/c/demo"]);
        assert_eq!(c.get_program(), "/opt/earshot/earshot-app");
    }
}
