//! Commands the UI invokes: DTO in, engine call, DTO out. Errors reach the UI as
//! `{code, message}`; the UI branches on `code`, never on the message.

use earshot_core::alerts::AlertPolicy;
use earshot_core::error::EngineError;
use earshot_core::model::{Business, Mention, Reply, Source, SourceSpec, Status};
use earshot_core::store::{Correction, Counts, MentionPage, MentionQuery, StoreError};
use serde::Serialize;
use tauri::{Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// An error as the UI sees it: the engine's [`ErrorCode`] (or one of the shell's own:
/// `no_link`, `open_failed`, `unavailable`), the message to show, and for `rate_limited` when
/// to try again.
#[derive(Debug, Serialize)]
pub struct CmdError {
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_at: Option<i64>,
}

impl CmdError {
    /// An error with its code for the UI to branch on.
    pub fn new(code: &'static str, message: impl Into<String>) -> CmdError {
        CmdError {
            code,
            message: message.into(),
            retry_at: None,
        }
    }
}

impl From<EngineError> for CmdError {
    fn from(e: EngineError) -> Self {
        CmdError {
            code: e.code().as_str(),
            message: e.to_string(),
            retry_at: e.retry_at(chrono::Utc::now().timestamp()),
        }
    }
}

impl From<StoreError> for CmdError {
    fn from(e: StoreError) -> Self {
        EngineError::from(e).into()
    }
}

type Result<T> = std::result::Result<T, CmdError>;

#[tauri::command]
pub async fn list_mentions(state: State<'_, AppState>, query: MentionQuery) -> Result<MentionPage> {
    Ok(state.engine().list(query).await?)
}

#[tauri::command]
pub async fn get_mention(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine().mention(id).await?)
}

#[tauri::command]
pub async fn mark_read(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine().mark_read(id).await?)
}

#[tauri::command]
pub async fn set_status(state: State<'_, AppState>, id: i64, status: Status) -> Result<Mention> {
    Ok(state.engine().set_status(id, status).await?)
}

/// The owner's one-click correction: urgent / not urgent, or another intent. Learned from at once.
#[tauri::command]
pub async fn correct_mention(
    state: State<'_, AppState>,
    id: i64,
    correction: Correction,
) -> Result<Mention> {
    Ok(state.engine().correct(id, correction).await?)
}

#[tauri::command]
pub async fn counts(state: State<'_, AppState>) -> Result<Counts> {
    Ok(state.engine().counts().await?)
}

#[tauri::command]
pub async fn get_business(state: State<'_, AppState>) -> Result<Option<Business>> {
    Ok(state.engine().business().await?)
}

#[tauri::command]
pub async fn save_business(state: State<'_, AppState>, business: Business) -> Result<()> {
    Ok(state.engine().set_business(business).await?)
}

/// First run: the business and the sources that need no account (see
/// [`earshot_core::engine::Engine::complete_onboarding`]).
#[tauri::command]
pub async fn complete_onboarding(
    state: State<'_, AppState>,
    business: Business,
    sources: Vec<SourceSpec>,
) -> Result<Vec<Source>> {
    Ok(state
        .engine()
        .complete_onboarding(business, sources)
        .await?)
}

#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> Result<Vec<Source>> {
    Ok(state.engine().sources().await?)
}

/// Adds or changes a source from the app (one listening to what another does is refused).
#[tauri::command]
pub async fn add_source(state: State<'_, AppState>, spec: SourceSpec) -> Result<Source> {
    Ok(state.engine().save_source(spec).await?)
}

/// Fetches once from a source not saved yet, and says what it found.
#[tauri::command]
pub async fn check_source(
    state: State<'_, AppState>,
    spec: SourceSpec,
) -> Result<earshot_core::engine::SourceCheck> {
    Ok(state.engine().check_source(spec).await?)
}

/// Polls every source this computer listens to now, whatever its pace (a quiet source's polls
/// slow down: Settings' "Check now").
#[tauri::command]
pub fn check_now(state: State<'_, AppState>) {
    state.engine().poll_now();
}

#[tauri::command]
pub async fn remove_source(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.engine().remove_source(id).await?)
}

/// What the UI needs to know about the running app.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    demo: bool,
    alerts_paused: bool,
    urgent_threshold: u8,
    data_file: String,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    Ok(AppInfo {
        demo: state.demo,
        alerts_paused: state.engine().alerts_paused(),
        urgent_threshold: state.engine().alert_policy().urgent_threshold,
        data_file: state.engine().db().path().display().to_string(),
    })
}

/// When to be notified (on a team: this person's own).
#[tauri::command]
pub async fn get_alert_policy(state: State<'_, AppState>) -> Result<AlertPolicy> {
    Ok(state.engine().alert_policy())
}

#[tauri::command]
pub async fn set_alert_policy(
    state: State<'_, AppState>,
    policy: AlertPolicy,
) -> Result<AlertPolicy> {
    let engine = state.engine();
    engine.set_alert_policy(policy).await?;
    Ok(engine.alert_policy())
}

#[tauri::command]
pub async fn set_alerts_paused<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    paused: bool,
) -> Result<()> {
    state.engine().set_alerts_paused(paused);
    crate::tray::set_paused(&app, paused);
    Ok(())
}

/// Opens a mention's original in the system browser. Only the stored http(s) link of a stored
/// mention can be opened, so hostile content cannot make the app open anything else.
#[tauri::command]
pub async fn open_original<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<()> {
    let m = state.engine().mention(id).await?;
    let url = m
        .url
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .ok_or(CmdError::new("no_link", "this mention has no web link"))?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| CmdError::new("open_failed", e.to_string()))
}

/// How a mention can be answered (`null`: only on the site).
#[tauri::command]
pub async fn reply_rules(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<earshot_core::channels::ReplyRules>> {
    Ok(state.engine().reply_rules(id).await?)
}

/// The replies written to a mention, with their outbox state.
#[tauri::command]
pub async fn list_replies(state: State<'_, AppState>, id: i64) -> Result<Vec<Reply>> {
    Ok(state.engine().replies(id).await?)
}

/// Queues a public reply or a private message; progress arrives as `reply_updated` events.
#[tauri::command]
pub async fn send_reply(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    private: bool,
) -> Result<Reply> {
    Ok(state.engine().reply(id, &body, private).await?)
}

/// Tries a failed reply again (never posts twice: the same idempotency key goes with it).
#[tauri::command]
pub async fn retry_reply(state: State<'_, AppState>, reply_id: i64) -> Result<Reply> {
    Ok(state.engine().send(reply_id).await?)
}

/// A login in progress (Mastodon, Google): the page to finish it on.
#[derive(Debug, Serialize)]
pub struct LoginStarted {
    flow: u64,
    authorize_url: String,
}

impl LoginStarted {
    /// A login `flow` waiting at `authorize_url`.
    pub fn new(flow: u64, authorize_url: String) -> LoginStarted {
        LoginStarted {
            flow,
            authorize_url,
        }
    }
}

/// Begins a Mastodon login and opens the instance's authorization page in the system browser.
/// The result arrives as a `login_finished` event.
#[tauri::command]
pub async fn begin_mastodon_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
    instance: String,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state
        .engine()
        .begin_mastodon_login(&name, &instance)
        .await?;
    if authorize_url.starts_with("https://") || authorize_url.starts_with("http://") {
        if let Err(e) = app.opener().open_url(authorize_url.clone(), None::<&str>) {
            // The UI shows the address to open by hand.
            tracing::warn!(error = %e, "could not open the browser");
        }
    }
    Ok(LoginStarted {
        flow,
        authorize_url,
    })
}

/// Finishes a Mastodon login with a pasted code (or the address the browser landed on).
#[tauri::command]
pub async fn finish_mastodon_login(
    state: State<'_, AppState>,
    flow: u64,
    pasted: String,
) -> Result<()> {
    Ok(state.engine().finish_login(flow, &pasted)?)
}

/// Logs in to Bluesky with an app password (used once, never stored).
#[tauri::command]
pub async fn login_bluesky(
    state: State<'_, AppState>,
    name: String,
    handle: String,
    app_password: String,
) -> Result<Source> {
    Ok(state
        .engine()
        .login_bluesky(&name, &handle, &app_password, None)
        .await?)
}

/// Adds an email inbox: the password is tried on its IMAP and SMTP servers, then kept in the
/// keychain (never in the database or the logs).
#[tauri::command]
pub async fn add_email(
    state: State<'_, AppState>,
    address: String,
    password: String,
    imap: String,
    smtp: String,
) -> Result<Source> {
    Ok(state
        .engine()
        .add_email(&address, &password, &imap, &smtp)
        .await?)
}

/// Forgets a source's login.
#[tauri::command]
pub async fn logout(state: State<'_, AppState>, id: i64) -> Result<Source> {
    Ok(state.engine().logout(id).await?)
}

// ---- The queue: actions, notes, saved replies, helpers, targets, figures ----

use earshot_core::store::work::{Action, AuthorHistory, Note, SavedReply};
use earshot_core::work::presend::Check;
use earshot_core::work::report::Report;
use earshot_core::work::targets::Targets;

/// One action on one or more mentions (all or none).
#[tauri::command]
pub async fn apply_action(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    action: Action,
) -> Result<Vec<Mention>> {
    Ok(state.engine().apply(ids, action).await?)
}

#[tauri::command]
pub async fn list_notes(state: State<'_, AppState>, id: i64) -> Result<Vec<Note>> {
    Ok(state.engine().notes(id).await?)
}

#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    id: i64,
    author: Option<String>,
    body: String,
) -> Result<Note> {
    Ok(state.engine().add_note(id, author, body).await?)
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: i64, note_id: i64) -> Result<()> {
    Ok(state.engine().delete_note(id, note_id).await?)
}

#[tauri::command]
pub async fn list_saved_replies(state: State<'_, AppState>) -> Result<Vec<SavedReply>> {
    Ok(state.engine().saved_replies().await?)
}

#[tauri::command]
pub async fn save_saved_reply(state: State<'_, AppState>, reply: SavedReply) -> Result<SavedReply> {
    Ok(state.engine().save_reply(reply).await?)
}

#[tauri::command]
pub async fn delete_saved_reply(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.engine().delete_saved_reply(id).await?)
}

#[tauri::command]
pub async fn used_saved_reply(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.engine().used_saved_reply(id).await?)
}

#[tauri::command]
pub async fn list_helpers(state: State<'_, AppState>) -> Result<Vec<String>> {
    Ok(state.engine().helpers().await?)
}

#[tauri::command]
pub async fn set_helpers(state: State<'_, AppState>, names: Vec<String>) -> Result<Vec<String>> {
    Ok(state.engine().set_helpers(names).await?)
}

#[tauri::command]
pub async fn get_targets(state: State<'_, AppState>) -> Result<Targets> {
    Ok(state.engine().targets())
}

#[tauri::command]
pub async fn set_targets(state: State<'_, AppState>, targets: Targets) -> Result<Targets> {
    Ok(state.engine().set_targets(targets).await?)
}

#[tauri::command]
pub async fn get_thread(state: State<'_, AppState>, id: i64) -> Result<Vec<Mention>> {
    Ok(state.engine().thread(id).await?)
}

#[tauri::command]
pub async fn author_history(state: State<'_, AppState>, id: i64) -> Result<AuthorHistory> {
    Ok(state.engine().author_history(id).await?)
}

/// The author's reach as the network gives it now (the author panel's Refresh).
#[tauri::command]
pub async fn refresh_author(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine().refresh_author(id).await?)
}

/// The pre-send check: personal data, tone, an angry thread.
#[tauri::command]
pub async fn check_reply(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    private: bool,
) -> Result<Check> {
    Ok(state.engine().check_reply(id, body, private).await?)
}

#[tauri::command]
pub async fn get_report(state: State<'_, AppState>, since: i64, until: i64) -> Result<Report> {
    Ok(state.engine().report(since, until).await?)
}

/// Writes the mentions and the figures of a range as two CSV files in the Downloads folder (the
/// data folder when there is none); returns their paths.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    since: i64,
    until: i64,
) -> Result<Vec<String>> {
    use tauri::Manager;
    let dir = app
        .path()
        .download_dir()
        .ok()
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| state.data_dir.clone());
    let saved = state.engine().export_csv(since, until, &dir).await?;
    Ok(saved.iter().map(|p| p.display().to_string()).collect())
}

/// Shows an exported file in the system's file manager. Only Earshot's own exports (a CSV that
/// exists, in the downloads or data folder) are shown.
#[tauri::command]
pub async fn reveal_export<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<()> {
    use tauri::Manager;
    let p = std::path::PathBuf::from(&path);
    let folders = [app.path().download_dir().ok(), Some(state.data_dir.clone())];
    let ours = p.extension().is_some_and(|e| e == "csv")
        && p.is_file()
        && p.parent()
            .is_some_and(|dir| folders.iter().flatten().any(|f| f.as_path() == dir));
    if !ours {
        return Err(CmdError::new(
            "invalid",
            "only a file Earshot exported can be shown",
        ));
    }
    app.opener()
        .reveal_item_in_dir(&p)
        .map_err(|e| CmdError::new("unavailable", format!("could not open the folder: {e}")))
}
