//! The offline demo: signing in to the simulator's Mastodon and Bluesky accounts the way an
//! owner signs in to real ones, so replies work in the demo too. The Mastodon login runs the
//! whole OAuth flow (app registration, PKCE, the loopback callback); only the browser is replaced
//! by an HTTP client that follows the simulator's redirect. Use with an engine whose secrets are
//! in memory ([`crate::engine::Engine::new`]).

use std::time::Duration;

use crate::engine::Engine;
use crate::events::EngineEvent;

/// Signs in to the simulator at `base` (`/mastodon` and `/bsky` under it), updating the sources
/// named `mastodon_source` and `bluesky_source`.
pub async fn sign_in_to_simulator(
    engine: &Engine,
    base: &str,
    (mastodon_source, bluesky_source): (&str, &str),
    (bsky_handle, bsky_app_password): (&str, &str),
) -> Result<(), String> {
    engine
        .login_bluesky(
            bluesky_source,
            bsky_handle,
            bsky_app_password,
            Some(format!("{base}/bsky")),
        )
        .await
        .map_err(|e| format!("Bluesky: {e}"))?;
    let mut events = engine.subscribe();
    let (_flow, url) = engine
        .begin_mastodon_login(mastodon_source, &format!("{base}/mastodon"))
        .await
        .map_err(|e| format!("Mastodon: {e}"))?;
    // The "browser": the simulator approves at once and redirects to Earshot's loopback address.
    reqwest::Client::new()
        .get(&url)
        .send()
        .await
        .map_err(|e| format!("Mastodon authorization: {e}"))?;
    let wait = async {
        loop {
            match events.recv().await {
                Ok(EngineEvent::LoginFinished { error: Some(e), .. }) => {
                    return Err(format!("Mastodon: {e}"))
                }
                Ok(EngineEvent::LoginFinished {
                    source: Some(_), ..
                }) => return Ok(()),
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => return Err(e.to_string()),
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(30), wait)
        .await
        .map_err(|_| "Mastodon: the login did not finish".to_string())?
}
