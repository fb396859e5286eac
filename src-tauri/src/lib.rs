//! Earshot's desktop shell: a thin Tauri layer over `earshot-core`.
//!
//! - `commands`: DTO in, engine call, DTO out.
//! - `events`: engine events become frontend events (`engine`) and tray updates.
//! - `tray`: icon with the unread-urgent count, menu Open / Pause alerts / Quit.
//! - `notify`: the desktop [`Notifier`](earshot_core::alerts::Notifier) (notify-rust) whose
//!   "Open" action brings the window to the mention.
//! - `startup`: what happens around the engine's start: one Earshot per data folder, start at
//!   login, and the window that offers a way out when the database cannot be opened.
//!
//! Flags: `--demo` (or `EARSHOT_DEMO=1`) starts the built-in simulator and watches it;
//! `--data-dir DIR` (or `EARSHOT_DATA_DIR`) picks the data folder; `--hidden` starts in the tray
//! (what start-at-login uses); `--quit-on-close` quits with the window (the demo a first run
//! opens). The demo's simulator listens on a port the kernel picks (or `EARSHOT_SIM_PORT`) and
//! names its address in the data folder's [`SIM_URL_FILE`] (tests post to it).

mod commands;
mod events;
pub mod ipc;
mod notify;
mod pages;
mod startup;
mod team;
mod tray;

use std::path::PathBuf;
use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::Engine;
use earshot_core::store::db::Db;
use tauri::{AppHandle, Manager, Runtime};

/// What the shell keeps for the lifetime of the app.
pub struct AppState {
    /// The engine in use: replaced when this desktop joins or leaves a team.
    engine: std::sync::RwLock<Engine>,
    /// Bumped at each replacement: an older engine's event forwarder stops at once (it holds
    /// that engine, and with it the engine's database connections).
    generation: tokio::sync::watch::Sender<u64>,
    /// The team this desktop listens with, when it is on one.
    pub team: tokio::sync::Mutex<Option<team::Session>>,
    /// The simulator, when running in demo mode (kept alive here).
    pub _sim: Option<earshot_sim::Sim>,
    pub demo: bool,
    /// The data folder (exports fall back to it when there is no Downloads folder).
    pub data_dir: std::path::PathBuf,
    /// Closing the window quits (the demo opened from a first run) instead of listening on in
    /// the tray.
    pub quit_on_close: bool,
    /// How the app was started (what a replacement engine is opened with).
    pub opts: Options,
}

impl AppState {
    /// The engine in use.
    pub fn engine(&self) -> Engine {
        self.engine
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Which engine is in use, and word when another replaces it.
    pub fn generation(&self) -> tokio::sync::watch::Receiver<u64> {
        self.generation.subscribe()
    }

    /// Puts `engine` in use, with its team session; returns the new generation.
    pub async fn replace(&self, engine: Engine, session: Option<team::Session>) -> u64 {
        *self.engine.write().unwrap_or_else(|p| p.into_inner()) = engine;
        *self.team.lock().await = session;
        self.generation.send_modify(|g| *g += 1);
        *self.generation.borrow()
    }
}

/// Command-line options the app understands.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub demo: bool,
    pub data_dir: Option<PathBuf>,
    pub sim_port: u16,
    /// Start in the tray without showing the window (start at login).
    pub hidden: bool,
    /// Quit when the window closes (`--quit-on-close`: the demo opened from a first run).
    pub quit_on_close: bool,
}

impl Options {
    /// Reads the process arguments and environment.
    pub fn from_env() -> Options {
        let mut o = Options {
            demo: std::env::var("EARSHOT_DEMO").is_ok_and(|v| v == "1" || v == "true"),
            data_dir: None,
            sim_port: std::env::var("EARSHOT_SIM_PORT")
                .ok()
                .and_then(|p| p.parse().ok())
                .unwrap_or(0),
            hidden: false,
            quit_on_close: false,
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--demo" => o.demo = true,
                "--hidden" => o.hidden = true,
                startup::QUIT_ON_CLOSE => o.quit_on_close = true,
                "--data-dir" => o.data_dir = args.next().map(PathBuf::from),
                s if s.starts_with("--data-dir=") => {
                    o.data_dir = Some(PathBuf::from(&s["--data-dir=".len()..]))
                }
                _ => {}
            }
        }
        o
    }

    /// The data folder: the one asked for, else the OS app-data folder the `earshot` command
    /// uses too. Earlier builds of the app kept it under the bundle identifier: a database there
    /// is still used when the shared folder has none.
    fn data_dir<R: Runtime>(&self, app: &AppHandle<R>) -> PathBuf {
        if let Some(d) = earshot_core::data_dir_override(self.data_dir.clone()) {
            return d;
        }
        let shared = earshot_core::data_dir(None);
        let has_db = |d: &std::path::Path| d.join(earshot_core::store::db::DB_FILE).is_file();
        match app.path().app_data_dir() {
            Ok(legacy) if !has_db(&shared) && has_db(&legacy) => legacy,
            _ => shared,
        }
    }
}

/// An engine on this desktop's database, not started: the team's when the data folder says it
/// is on one (`team.json`, the password from the keychain), else its own file.
pub(crate) async fn open_engine<R: Runtime>(
    app: &AppHandle<R>,
    opts: &Options,
    dir: &std::path::Path,
) -> anyhow::Result<(Engine, Option<team::Opened>)> {
    let notifier = Arc::new(notify::DesktopNotifier::new(app.clone()));
    // The demo signs in to the simulator: those tokens stay in memory. Real ones go to the keychain.
    if opts.demo {
        return Ok((Engine::new(Db::open(dir)?, notifier, Clock::system()), None));
    }
    let secrets = earshot_core::secrets::Secrets::new(earshot_core::secrets::Keychain);
    let (db, opened) = match team::open(dir, &secrets).await? {
        Some((db, o)) => (db, Some(o)),
        None => (Db::open(dir)?, None),
    };
    Ok((
        Engine::with_secrets(db, notifier, Clock::system(), secrets),
        opened,
    ))
}

/// The file in the data folder that holds the running demo simulator's address, written once it
/// listens. A port picked beforehand and handed over could be taken by another process before
/// the simulator binds it (CI saw "Address already in use" once); the kernel's own pick cannot.
pub const SIM_URL_FILE: &str = "demo-simulator.url";

async fn start_engine<R: Runtime>(
    app: &AppHandle<R>,
    opts: &Options,
    dir: PathBuf,
) -> anyhow::Result<AppState> {
    let (engine, opened) = open_engine(app, opts, &dir).await?;
    let mut sim = None;
    if opts.demo {
        let s = earshot_sim::Sim::start(earshot_sim::SimOptions {
            port: opts.sim_port,
            ..earshot_sim::SimOptions::default()
        })
        .await?;
        if let Err(e) = std::fs::write(dir.join(SIM_URL_FILE), &s.base_url) {
            tracing::warn!(error = %e, "could not write the demo simulator's address");
        }
        // The demo signs in to the simulated Mastodon a moment after it starts listening: its
        // instance streams to that first, logged-out moment too (as before Mastodon 4.2), so
        // the demo opens without a passing "streaming needs a login" banner.
        s.social.allow_anonymous_streaming(true);
        engine
            .apply_config(&Config::parse(&s.config_toml())?)
            .await?;
        sim = Some(s);
    }
    engine.start().await?;
    if let Some(s) = &sim {
        use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_HANDLE};
        if let Err(e) = earshot_core::demo::sign_in_to_simulator(
            &engine,
            &s.base_url,
            ("Mastodon (simulated)", "Bluesky (simulated)"),
            (BSKY_HANDLE, BSKY_APP_PASSWORD),
        )
        .await
        {
            tracing::warn!(error = %e, "demo sign-in failed");
        }
        if let Err(e) = earshot_core::demo::sign_in_to_pages(
            &engine,
            &s.base_url,
            earshot_core::demo::DEMO_INTERVAL_SECS,
        )
        .await
        {
            tracing::warn!(error = %e, "demo sign-in to the Page and reviews failed");
        }
        if let Err(e) =
            earshot_core::demo::sign_in_to_reddit(&engine, &s.base_url, "Reddit (simulated)").await
        {
            tracing::warn!(error = %e, "demo sign-in to Reddit failed");
        }
        if let Err(e) =
            earshot_core::demo::sign_in_to_email(&engine, &s.imap_url, &s.smtp_url).await
        {
            tracing::warn!(error = %e, "demo sign-in to the email inbox failed");
        }
        if let Err(e) = earshot_core::demo::sign_in_to_x(
            &engine,
            &s.base_url,
            earshot_core::demo::DEMO_INTERVAL_SECS,
        )
        .await
        {
            tracing::warn!(error = %e, "demo sign-in to X failed");
        }
        if let Err(e) = earshot_core::demo::stream_x(&engine).await {
            tracing::warn!(error = %e, "demo: X's filtered stream could not be set up");
        }
    }
    let session = match opened {
        Some(o) => Some(o.listen(&engine).await?),
        None => None,
    };
    tracing::info!(data = %dir.display(), demo = opts.demo, team = session.is_some(), "Earshot started");
    Ok(AppState {
        engine: std::sync::RwLock::new(engine),
        generation: tokio::sync::watch::Sender::new(0),
        team: tokio::sync::Mutex::new(session),
        _sim: sim,
        demo: opts.demo,
        data_dir: dir,
        quit_on_close: opts.quit_on_close,
        opts: opts.clone(),
    })
}

/// Wires a started engine into the shell: its state for the commands, the tray, and the events
/// that reach the window and the tray count.
fn attach_engine<R: Runtime>(handle: &AppHandle<R>, state: AppState) -> tauri::Result<()> {
    let engine = state.engine();
    let rx = engine.subscribe();
    let generation = state.generation();
    handle.manage(state);
    if handle.try_state::<Desktop<R>>().is_some_and(|d| d.tray) {
        tray::create(handle)?;
    }
    events::forward(handle.clone(), engine.clone(), rx, generation);
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        if let Ok(c) = engine.counts().await {
            tray::set_count(&handle, c.unread_urgent);
        }
    });
    Ok(())
}

/// What the shell does on a desktop and not under the smoke test's mock runtime.
pub struct Desktop<R: Runtime> {
    /// Shows the tray icon and its menu.
    pub tray: bool,
    /// Tunes the web view once it exists (WebKitGTK's cache and compositing on Linux).
    pub tune: fn(&AppHandle<R>),
}

impl<R: Runtime> Clone for Desktop<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Runtime> Copy for Desktop<R> {}

/// The app on any Tauri runtime: the engine started in `setup` (or the Recovery window when it
/// cannot start), the window's close button hiding it, and every command. `run` adds what only
/// the installed app has (one instance per data folder, start at login) and runs it on the real
/// runtime; the smoke test builds it on Tauri's mock runtime.
pub fn app<R: Runtime>(
    builder: tauri::Builder<R>,
    opts: Options,
    desktop: Desktop<R>,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .manage(notify::PendingOpen::default())
        .setup(move |app| {
            let handle = app.handle().clone();
            handle.manage(desktop);
            let dir = opts.data_dir(&handle);
            let started = tauri::async_runtime::block_on(start_engine(&handle, &opts, dir.clone()));
            (desktop.tune)(&handle);
            match started {
                Ok(state) => attach_engine(&handle, state)?,
                // Never a silent exit: the window says what happened and offers a way out,
                // even when Earshot was started hidden at login.
                Err(e) => {
                    eprintln!("earshot: could not start: {e:#}");
                    app.manage(startup::Startup::failed(&e, dir, opts.clone()));
                    show_main(&handle);
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Destroyed = event {
                if let Some(pending) = window.app_handle().try_state::<notify::PendingOpen>() {
                    pending.window_closed();
                }
            }
        })
        .invoke_handler(ipc::handler())
}

/// What the app does with the last window closed: when the engine is listening, it stays in
/// the tray. The window is not hidden but closed, so its web view and WebKit's web process are
/// released (the memory of a tray app); `show_main` makes it again. An exit asked for with a
/// code (Quit in the tray, the system's end of session) still exits.
pub fn on_run_event<R: Runtime>(app: &AppHandle<R>, event: tauri::RunEvent) {
    match event {
        tauri::RunEvent::ExitRequested {
            code: None, api, ..
        } if app
            .try_state::<AppState>()
            .is_some_and(|s| !s.quit_on_close) =>
        {
            api.prevent_exit();
            tracing::info!("window closed: listening on in the tray");
        }
        // The Dock icon clicked while the window is closed (macOS) opens it again.
        #[cfg(target_os = "macos")]
        tauri::RunEvent::Reopen {
            has_visible_windows: false,
            ..
        } => {
            show_main(app);
        }
        _ => {}
    }
}

/// Runs the desktop app.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("EARSHOT_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    // Without accelerated compositing the window needs no OpenGL: GDK is told so before it
    // starts (and before any thread), so the app process does not load the GL driver (with
    // Mesa's software one, about 20 MiB of LLVM) for a tray app.
    #[cfg(target_os = "linux")]
    if !compositing() && std::env::var_os("GDK_GL").is_none() {
        std::env::set_var("GDK_GL", "disable");
    }
    // The name people see for the app where the desktop asks GLib (the tray item's title, which
    // would otherwise be the binary's name, "earshot-app").
    #[cfg(target_os = "linux")]
    webkit2gtk::glib::set_application_name("Earshot");
    // The engine and the commands run on Earshot's listening runtime (one worker), not on
    // Tauri's default (a worker per core): a tray app wakes as little as it can.
    let runtime = match earshot_core::listening_runtime() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("earshot: could not start the async runtime: {e}");
            std::process::exit(1);
        }
    };
    tauri::async_runtime::set(runtime.handle().clone());
    let opts = Options::from_env();
    let mut context = tauri::generate_context!();
    // Started at login: no window is made (nothing flashes, and no web view is kept for a
    // window nobody looks at); the tray's Open makes it.
    if opts.hidden {
        for w in &mut context.config_mut().app.windows {
            w.create = false;
        }
    }
    let builder = tauri::Builder::default()
        // First: a second launch on the same data folder hands over to the running one here,
        // before anything else starts.
        .plugin(startup::single_instance(&opts))
        .plugin(startup::autostart());
    let desktop = Desktop {
        tray: true,
        tune: lighten_webview,
    };
    let result = app(builder, opts, desktop)
        .build(context)
        .map(|built| built.run(on_run_event));
    if let Err(e) = result {
        eprintln!("earshot: {e}");
        std::process::exit(1);
    }
}

/// Keeps the web view light: an inbox is a document, so WebKit's document-viewer cache model
/// (small memory caches), and no accelerated compositing, which in software rendering holds
/// about 130 MiB of layers for a page that is a scrolling list. `EARSHOT_WEBVIEW_COMPOSITING=1`
/// turns compositing back on.
fn lighten_webview(app: &tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    if let Some(w) = app.get_webview_window("main") {
        let compositing = compositing();
        let result = w.with_webview(move |wv| {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = wv.inner();
            if let Some(ctx) = view.context() {
                ctx.set_cache_model(CacheModel::DocumentViewer);
            }
            if !compositing {
                if let Some(settings) = WebViewExt::settings(&view) {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            }
        });
        if let Err(e) = result {
            tracing::warn!(error = %e, "could not tune the web view");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// Whether the web view composites with the GPU: off unless `EARSHOT_WEBVIEW_COMPOSITING=1`.
#[cfg(target_os = "linux")]
fn compositing() -> bool {
    std::env::var_os("EARSHOT_WEBVIEW_COMPOSITING").is_some_and(|v| v == "1")
}

/// Brings the main window forward, making it again (from the configuration, tuned as at start)
/// when it was closed to the tray or never made. Says whether it was made now: a new window's
/// page is still loading and hears no event yet.
pub(crate) fn show_main<R: Runtime>(app: &AppHandle<R>) -> bool {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
        return false;
    }
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") else {
        return false;
    };
    let built = tauri::WebviewWindowBuilder::from_config(app, config)
        .and_then(|b| b.visible(true).focused(true).build());
    match built {
        Ok(_) => {
            if let Some(desktop) = app.try_state::<Desktop<R>>() {
                (desktop.tune)(app);
            }
            true
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not open the window");
            false
        }
    }
}
