//! Commands the UI invokes: DTO in, engine call, DTO out. Errors reach the UI as
//! `{code, message}`; the UI branches on `code`, never on the message.

use earshot_core::model::{Business, Mention, Reply, Source, SourceKind, SourceSpec, Status};
use earshot_core::store::{Correction, Counts, MentionPage, MentionQuery, StoreError};
use serde::Serialize;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::AppState;

/// An error as the UI sees it.
#[derive(Debug, Serialize)]
pub struct CmdError {
    code: &'static str,
    message: String,
}

impl From<StoreError> for CmdError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotFound(_) => "not_found",
            StoreError::Invalid(_) => "invalid",
            _ => "storage",
        };
        CmdError {
            code,
            message: e.to_string(),
        }
    }
}

type Result<T> = std::result::Result<T, CmdError>;

#[tauri::command]
pub async fn list_mentions(state: State<'_, AppState>, query: MentionQuery) -> Result<MentionPage> {
    Ok(state.engine.list(query).await?)
}

#[tauri::command]
pub async fn get_mention(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine.mention(id).await?)
}

#[tauri::command]
pub async fn mark_read(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine.mark_read(id).await?)
}

#[tauri::command]
pub async fn set_status(state: State<'_, AppState>, id: i64, status: Status) -> Result<Mention> {
    Ok(state.engine.set_status(id, status).await?)
}

/// The owner's one-click correction: urgent / not urgent, or another intent. Learned from at once.
#[tauri::command]
pub async fn correct_mention(
    state: State<'_, AppState>,
    id: i64,
    correction: Correction,
) -> Result<Mention> {
    Ok(state.engine.correct(id, correction).await?)
}

#[tauri::command]
pub async fn counts(state: State<'_, AppState>) -> Result<Counts> {
    Ok(state.engine.counts().await?)
}

#[tauri::command]
pub async fn get_business(state: State<'_, AppState>) -> Result<Option<Business>> {
    Ok(state.engine.business().await?)
}

#[tauri::command]
pub async fn save_business(state: State<'_, AppState>, business: Business) -> Result<()> {
    Ok(state.engine.set_business(business).await?)
}

/// First run: saves the business and adds the sources that need no account — Hacker News for
/// the business name, and any feed addresses the owner pasted (Google Alerts, review sites).
#[tauri::command]
pub async fn complete_onboarding(
    state: State<'_, AppState>,
    business: Business,
    feeds: Vec<String>,
) -> Result<Vec<Source>> {
    state.engine.set_business(business.clone()).await?;
    let hn = SourceSpec {
        kind: SourceKind::Hackernews,
        name: "Hacker News".into(),
        url: None,
        queries: vec![business.name.trim().to_string()],
        base_url: None,
        account: None,
        interval_secs: None,
        require_match: None,
    };
    state.engine.add_source(hn).await?;
    for (i, url) in feeds
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .enumerate()
    {
        let name = feed_name(url, i);
        let spec = SourceSpec {
            kind: SourceKind::Rss,
            name,
            url: Some(url.to_string()),
            queries: vec![],
            base_url: None,
            account: None,
            interval_secs: None,
            require_match: None,
        };
        state.engine.add_source(spec).await?;
    }
    Ok(state.engine.sources().await?)
}

fn feed_name(url: &str, i: usize) -> String {
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    match host.as_deref() {
        Some(h) if h.ends_with("google.com") => format!("Google Alert {}", i + 1),
        Some(h) => format!("Feed: {h}"),
        None => format!("Feed {}", i + 1),
    }
}

#[tauri::command]
pub async fn list_sources(state: State<'_, AppState>) -> Result<Vec<Source>> {
    Ok(state.engine.sources().await?)
}

#[tauri::command]
pub async fn add_source(state: State<'_, AppState>, spec: SourceSpec) -> Result<Source> {
    Ok(state.engine.add_source(spec).await?)
}

#[tauri::command]
pub async fn remove_source(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.engine.remove_source(id).await?)
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
        alerts_paused: state.engine.alerts_paused(),
        urgent_threshold: state.engine.alert_policy().urgent_threshold,
        data_file: state.engine.db().path().display().to_string(),
    })
}

#[tauri::command]
pub async fn set_alerts_paused(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    paused: bool,
) -> Result<()> {
    state.engine.set_alerts_paused(paused);
    crate::tray::set_paused(&app, paused);
    Ok(())
}

/// Opens a mention's original in the system browser. Only the stored http(s) link of a stored
/// mention can be opened, so hostile content cannot make the app open anything else.
#[tauri::command]
pub async fn open_original(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<()> {
    let m = state.engine.mention(id).await?;
    let url = m
        .url
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .ok_or(CmdError {
            code: "no_link",
            message: "this mention has no web link".into(),
        })?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| CmdError {
            code: "open_failed",
            message: e.to_string(),
        })
}

/// How a mention can be answered (`null`: only on the site).
#[tauri::command]
pub async fn reply_rules(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<earshot_core::channels::ReplyRules>> {
    Ok(state.engine.reply_rules(id).await?)
}

/// The replies written to a mention, with their outbox state.
#[tauri::command]
pub async fn list_replies(state: State<'_, AppState>, id: i64) -> Result<Vec<Reply>> {
    Ok(state.engine.replies(id).await?)
}

/// Queues a public reply or a private message; progress arrives as `reply_updated` events.
#[tauri::command]
pub async fn send_reply(
    state: State<'_, AppState>,
    id: i64,
    body: String,
    private: bool,
) -> Result<Reply> {
    Ok(state.engine.reply(id, &body, private).await?)
}

/// Tries a failed reply again (never posts twice: the same idempotency key goes with it).
#[tauri::command]
pub async fn retry_reply(state: State<'_, AppState>, reply_id: i64) -> Result<Reply> {
    Ok(state.engine.send(reply_id).await?)
}

/// A Mastodon login in progress: the page to finish it on.
#[derive(Debug, Serialize)]
pub struct LoginStarted {
    flow: u64,
    authorize_url: String,
}

/// Begins a Mastodon login and opens the instance's authorization page in the system browser.
/// The result arrives as a `login_finished` event.
#[tauri::command]
pub async fn begin_mastodon_login(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    name: String,
    instance: String,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state.engine.begin_mastodon_login(&name, &instance).await?;
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
    Ok(state.engine.finish_login(flow, &pasted)?)
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
        .engine
        .login_bluesky(&name, &handle, &app_password, None)
        .await?)
}

/// Forgets a source's login.
#[tauri::command]
pub async fn logout(state: State<'_, AppState>, id: i64) -> Result<Source> {
    Ok(state.engine.logout(id).await?)
}
