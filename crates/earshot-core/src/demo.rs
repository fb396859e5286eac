//! The offline demo: signing in to the simulator's Mastodon and Bluesky accounts the way an
//! owner signs in to real ones, so replies work in the demo too. The Mastodon login runs the
//! whole OAuth flow (app registration, PKCE, the loopback callback); only the browser is replaced
//! by an HTTP client that follows the simulator's redirect. Use with an engine whose secrets are
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
        /// "Mastodon" or "Bluesky".
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
