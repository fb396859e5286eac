//! Commands for the networks where the business has a page of its own: Facebook Login for
//! Devices and the Page chooser, Google's sign-in for the reviews, hiding a comment and
//! deleting a review reply.

use earshot_core::channels::facebook::login::{DeviceCode, Page};
use earshot_core::model::{Mention, Source};
use serde::Serialize;
use tauri::{Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::{CmdError, LoginStarted};
use crate::AppState;

type Result<T> = std::result::Result<T, CmdError>;

/// A Facebook login waiting for the owner to enter the code.
#[derive(Debug, Serialize)]
pub struct FacebookCode {
    flow: u64,
    #[serde(flatten)]
    code: DeviceCode,
}

fn open<R: Runtime>(app: &tauri::AppHandle<R>, url: &str) {
    if url.starts_with("https://") || url.starts_with("http://") {
        if let Err(e) = app.opener().open_url(url.to_string(), None::<&str>) {
            // The UI shows the address to open by hand.
            tracing::warn!(error = %e, "could not open the browser");
        }
    }
}

/// Asks Facebook for a device code with the app `app_id` (`{app-id}|{client-token}`) and opens
/// the address to enter it at.
#[tauri::command]
pub async fn begin_facebook_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    app_id: String,
) -> Result<FacebookCode> {
    let (flow, code) = state.engine().begin_facebook_login(&app_id, None).await?;
    open(&app, &code.verification_uri);
    Ok(FacebookCode { flow, code })
}

/// Waits until the owner approved the code; the Pages they manage.
#[tauri::command]
pub async fn facebook_pages(state: State<'_, AppState>, flow: u64) -> Result<Vec<Page>> {
    Ok(state.engine().facebook_pages(flow).await?)
}

/// Listens to the chosen Page, and with `instagram` to its Instagram account.
#[tauri::command]
pub async fn choose_facebook_page(
    state: State<'_, AppState>,
    flow: u64,
    page_id: String,
    instagram: bool,
) -> Result<Vec<Source>> {
    Ok(state
        .engine()
        .choose_facebook_page(flow, &page_id, instagram)
        .await?)
}

/// Opens Google's sign-in for the reviews with the owner's OAuth client; the result arrives as
/// a `login_finished` event (or a pasted code through `finish_mastodon_login`).
#[tauri::command]
pub async fn begin_google_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    client_id: String,
    client_secret: Option<String>,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state
        .engine()
        .begin_google_login("", &client_id, client_secret, None)
        .await?;
    open(&app, &authorize_url);
    Ok(LoginStarted::new(flow, authorize_url))
}

/// The owner's choice when signing in to a mailbox in the browser.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSignIn {
    address: String,
    /// "google" or "microsoft".
    provider: String,
    client_id: String,
    #[serde(default)]
    client_secret: Option<String>,
    #[serde(default)]
    imap: Option<String>,
    #[serde(default)]
    smtp: Option<String>,
}

/// Opens Google's or Microsoft's sign-in for a mailbox without an app password (XOAUTH2); the
/// inbox is added when the login comes back (a `login_finished` event).
#[tauri::command]
pub async fn begin_email_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    sign_in: EmailSignIn,
) -> Result<LoginStarted> {
    use earshot_core::channels::email::oauth::{MailSignIn, Provider};
    let provider = match sign_in.provider.as_str() {
        "microsoft" => Provider::Microsoft,
        _ => Provider::Google,
    };
    let (flow, authorize_url) = state
        .engine()
        .begin_email_login(&MailSignIn {
            address: sign_in.address,
            provider,
            client_id: sign_in.client_id,
            client_secret: sign_in.client_secret.filter(|s| !s.trim().is_empty()),
            imap: sign_in.imap,
            smtp: sign_in.smtp,
            base: None,
        })
        .await?;
    open(&app, &authorize_url);
    Ok(LoginStarted::new(flow, authorize_url))
}

/// Opens Google's sign-in for the owner's YouTube channel (the reviews' OAuth client can serve
/// both); the result arrives as a `login_finished` event.
#[tauri::command]
pub async fn begin_youtube_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    client_id: String,
    client_secret: Option<String>,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state
        .engine()
        .begin_youtube_login("", &client_id, client_secret, None)
        .await?;
    open(&app, &authorize_url);
    Ok(LoginStarted::new(flow, authorize_url))
}

/// Opens X's authorization page for the owner's own app, with the monthly read cap; the result
/// arrives as a `login_finished` event.
#[tauri::command]
pub async fn begin_x_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    client_id: String,
    monthly_cap: Option<u32>,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state
        .engine()
        .begin_x_login(&client_id, monthly_cap, None)
        .await?;
    open(&app, &authorize_url);
    Ok(LoginStarted::new(flow, authorize_url))
}

/// Gives the X source the app's bearer token (its filtered stream); empty goes back to polling.
#[tauri::command]
pub async fn set_x_app_token(
    state: State<'_, AppState>,
    source_id: i64,
    token: String,
) -> Result<Source> {
    Ok(state.engine().set_x_app_token(source_id, &token).await?)
}

/// Opens Reddit's authorization page for the owner's installed app on the source named `name`
/// (its subreddits and words are kept); the result arrives as a `login_finished` event.
#[tauri::command]
pub async fn begin_reddit_login<R: Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
    client_id: String,
) -> Result<LoginStarted> {
    let (flow, authorize_url) = state
        .engine()
        .begin_reddit_login(&name, &client_id, None)
        .await?;
    open(&app, &authorize_url);
    Ok(LoginStarted::new(flow, authorize_url))
}

/// Hides a Facebook or Instagram comment on the network, or shows it again.
#[tauri::command]
pub async fn hide_comment(state: State<'_, AppState>, id: i64, hidden: bool) -> Result<Mention> {
    Ok(state.engine().hide(id, hidden).await?)
}

/// Deletes the owner's reply to a Google review.
#[tauri::command]
pub async fn delete_review_reply(state: State<'_, AppState>, id: i64) -> Result<Mention> {
    Ok(state.engine().delete_review_reply(id).await?)
}
