//! The offline demo: signing in to the simulator's Mastodon and Bluesky accounts
//! ([`sign_in_to_simulator`]) and its Facebook Page, Instagram account and Google Business
//! Profile ([`sign_in_to_pages`]) the way an owner signs in to real ones, so replies work in the
//! demo too. The logins run their whole flows (app registration, PKCE, the loopback callback,
//! the device code); only the browser is replaced by an HTTP client that follows the
//! simulator's redirect, and the simulator approves device codes by itself. Use with an engine whose secrets are
//! in memory ([`crate::engine::Engine::new`]).

use std::time::Duration;

use crate::engine::Engine;
use crate::events::EngineEvent;

/// Why the demo could not sign in (it goes on watching without the accounts).
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The named network's login failed; the reason is in words.
    #[error("{network}: {reason}")]
    Login {
        /// "Mastodon", "Bluesky", "Facebook", "Google", "YouTube", "Reddit" or "X".
        network: &'static str,
        /// What went wrong.
        reason: String,
    },
}

fn failed(network: &'static str) -> impl Fn(String) -> DemoError {
    move |reason| DemoError::Login { network, reason }
}

/// Signs in to the simulator at `base` (`/mastodon` and `/bsky` under it), updating the sources
/// named `mastodon_source` and `bluesky_source`.
pub async fn sign_in_to_simulator(
    engine: &Engine,
    base: &str,
    (mastodon_source, bluesky_source): (&str, &str),
    (bsky_handle, bsky_app_password): (&str, &str),
) -> Result<(), DemoError> {
    engine
        .login_bluesky(
            bluesky_source,
            bsky_handle,
            bsky_app_password,
            Some(format!("{base}/bsky")),
        )
        .await
        .map_err(|e| failed("Bluesky")(e.to_string()))?;
    let mut events = engine.subscribe();
    let (_flow, url) = engine
        .begin_mastodon_login(mastodon_source, &format!("{base}/mastodon"))
        .await
        .map_err(|e| failed("Mastodon")(e.to_string()))?;
    // The "browser": the simulator approves at once and redirects to Earshot's loopback address.
    reqwest::Client::new()
        .get(&url)
        .send()
        .await
        .map_err(|e| failed("Mastodon")(format!("authorization: {e}")))?;
    let wait = async {
        loop {
            match events.recv().await {
                Ok(EngineEvent::LoginFinished { error: Some(e), .. }) => {
                    return Err(failed("Mastodon")(e))
                }
                Ok(EngineEvent::LoginFinished {
                    source: Some(_), ..
                }) => return Ok(()),
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => return Err(failed("Mastodon")(e.to_string())),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait)
        .await
        .map_err(|_| failed("Mastodon")("the login did not finish".into()))?
}

/// The "browser" of a loopback login: follows the authorization address (the simulator approves
/// at once and redirects to Earshot's loopback address) and waits until the login made a source
/// of `kind`.
async fn browse_and_wait(
    mut events: tokio::sync::broadcast::Receiver<EngineEvent>,
    url: &str,
    kind: crate::model::SourceKind,
    network: &'static str,
) -> Result<crate::model::Source, DemoError> {
    reqwest::Client::new()
        .get(url)
        .send()
        .await
        .map_err(|e| failed(network)(format!("authorization: {e}")))?;
    let wait = async {
        loop {
            match events.recv().await {
                Ok(EngineEvent::LoginFinished { error: Some(e), .. }) => {
                    return Err(failed(network)(e))
                }
                Ok(EngineEvent::LoginFinished {
                    source: Some(s), ..
                }) if s.spec.kind == kind => return Ok(s),
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => return Err(failed(network)(e.to_string())),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait)
        .await
        .map_err(|_| failed(network)("the login did not finish".into()))?
}

/// The simulator's Reddit app (an installed app's client id).
pub const SIM_REDDIT_CLIENT: &str = "simRedditClient";

/// Signs in to the simulator's Reddit on the source named `source` (its subreddits and terms
/// are kept), as an owner logs in to theirs.
pub async fn sign_in_to_reddit(engine: &Engine, base: &str, source: &str) -> Result<(), DemoError> {
    let events = engine.subscribe();
    let (_flow, url) = engine
        .begin_reddit_login(source, SIM_REDDIT_CLIENT, Some(format!("{base}/reddit")))
        .await
        .map_err(|e| failed("Reddit")(e.to_string()))?;
    browse_and_wait(events, &url, crate::model::SourceKind::Reddit, "Reddit").await?;
    Ok(())
}

/// The simulated mail provider's login for the business's inbox (`earshot_sim::mail`).
pub const SIM_MAIL_USER: &str = "hello@brightside.coffee";
/// Its password.
pub const SIM_MAIL_PASSWORD: &str = "sim-mail-password";

/// Adds the simulator's inbox (its IMAP and SMTP servers), as an owner adds theirs.
pub async fn sign_in_to_email(engine: &Engine, imap: &str, smtp: &str) -> Result<(), DemoError> {
    engine
        .add_email(SIM_MAIL_USER, SIM_MAIL_PASSWORD, imap, smtp)
        .await
        .map_err(|e| failed("email")(e.to_string()))?;
    Ok(())
}

/// Signs in to a mailbox through the simulated Google (OAuth, then XOAUTH2 on `imap` and
/// `smtp`) as an owner of a Gmail account without an app password does; returns its source.
pub async fn sign_in_to_email_with_google(
    engine: &Engine,
    base: &str,
    address: &str,
    imap: &str,
    smtp: &str,
) -> Result<crate::model::Source, DemoError> {
    let events = engine.subscribe();
    let sign_in = crate::channels::email::oauth::MailSignIn {
        address: address.into(),
        client_id: SIM_GOOGLE_CLIENT.into(),
        imap: Some(imap.into()),
        smtp: Some(smtp.into()),
        base: Some(format!("{base}/google")),
        ..Default::default()
    };
    let (_flow, url) = engine
        .begin_email_login(&sign_in)
        .await
        .map_err(|e| failed("email")(e.to_string()))?;
    browse_and_wait(events, &url, crate::model::SourceKind::Email, "email").await
}

/// The simulator's X app (a native app's client id).
pub const SIM_X_CLIENT: &str = "simXClientId";
/// The simulator's X app's bearer token (App-Only: the filtered stream).
pub const SIM_X_APP_BEARER: &str = "simXAppBearerToken";

/// Gives the signed-in X source the app's bearer token, so it streams (the simulated plan has
/// the filtered stream).
pub async fn stream_x(engine: &Engine) -> Result<(), DemoError> {
    let sources = engine
        .sources()
        .await
        .map_err(|e| failed("X")(e.to_string()))?;
    let x = sources
        .iter()
        .find(|s| s.spec.kind == crate::model::SourceKind::X && s.spec.account.is_some())
        .ok_or_else(|| failed("X")("no X source is signed in".into()))?;
    engine
        .set_x_app_token(x.id, SIM_X_APP_BEARER)
        .await
        .map_err(|e| failed("X")(e.to_string()))?;
    Ok(())
}

/// Signs in to the simulator's X with the owner's app (PKCE in the "browser"), and has the
/// source poll every `interval_secs`.
pub async fn sign_in_to_x(
    engine: &Engine,
    base: &str,
    interval_secs: u32,
) -> Result<(), DemoError> {
    let events = engine.subscribe();
    let (_flow, url) = engine
        .begin_x_login(SIM_X_CLIENT, Some(10_000), Some(format!("{base}/x")))
        .await
        .map_err(|e| failed("X")(e.to_string()))?;
    let s = browse_and_wait(events, &url, crate::model::SourceKind::X, "X").await?;
    engine
        .add_source(crate::model::SourceSpec {
            interval_secs: Some(interval_secs),
            ..s.spec
        })
        .await
        .map_err(|e| failed("X")(e.to_string()))?;
    Ok(())
}

/// How often the demo's Page, Instagram and reviews sources poll the simulator.
pub const DEMO_INTERVAL_SECS: u32 = 5;

/// The simulator's Facebook app (`{app-id}|{client-token}`) and Google OAuth client.
pub const SIM_APP: &str = "1234567890|simclienttoken";
/// The simulator's Google OAuth client id.
pub const SIM_GOOGLE_CLIENT: &str = "sim-client.apps.googleusercontent.com";

/// Signs in to the simulator's Facebook Page (with its Instagram account) and Google Business
/// Profile the way an owner does (the device code approved, the Page chosen; the OAuth
/// redirect followed), and has the sources poll every `interval_secs`.
pub async fn sign_in_to_pages(
    engine: &Engine,
    base: &str,
    interval_secs: u32,
) -> Result<(), DemoError> {
    let (flow, _code) = engine
        .begin_facebook_login(SIM_APP, Some(format!("{base}/graph")))
        .await
        .map_err(|e| failed("Facebook")(e.to_string()))?;
    let pages = engine
        .facebook_pages(flow)
        .await
        .map_err(|e| failed("Facebook")(e.to_string()))?;
    let page = pages.first().map(|p| p.id.clone()).unwrap_or_default();
    let sources = engine
        .choose_facebook_page(flow, &page, true)
        .await
        .map_err(|e| failed("Facebook")(e.to_string()))?;
    let events = engine.subscribe();
    let (_flow, url) = engine
        .begin_google_login("", SIM_GOOGLE_CLIENT, None, Some(format!("{base}/google")))
        .await
        .map_err(|e| failed("Google")(e.to_string()))?;
    let google = browse_and_wait(
        events,
        &url,
        crate::model::SourceKind::GoogleReviews,
        "Google",
    )
    .await?;
    let events = engine.subscribe();
    let (_flow, url) = engine
        .begin_youtube_login("", SIM_GOOGLE_CLIENT, None, Some(format!("{base}/google")))
        .await
        .map_err(|e| failed("YouTube")(e.to_string()))?;
    let youtube =
        browse_and_wait(events, &url, crate::model::SourceKind::Youtube, "YouTube").await?;
    for s in sources.into_iter().chain([google, youtube]) {
        let spec = crate::model::SourceSpec {
            interval_secs: Some(interval_secs),
            ..s.spec
        };
        engine
            .add_source(spec)
            .await
            .map_err(|e| failed("Facebook")(e.to_string()))?;
    }
    Ok(())
}
