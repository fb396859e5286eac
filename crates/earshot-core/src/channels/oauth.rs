//! What the browser logins share (Google, Reddit, X; Mastodon's goes through the `oauth2`
//! crate): the loopback address the browser comes back to, and the token endpoint's
//! form-encoded exchange (a code, or a refresh token) with its answer.

use serde::Deserialize;
use tokio::net::TcpListener;

use super::{network_error, ChannelError, Context};

/// What a token endpoint answers.
#[derive(Debug, Deserialize)]
pub struct TokenAnswer {
    /// The access token.
    pub access_token: String,
    /// Seconds it lasts.
    #[serde(default)]
    pub expires_in: Option<i64>,
    /// Given with offline access (or on every exchange, by some networks).
    #[serde(default)]
    pub refresh_token: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct OAuthError {
    #[serde(default)]
    error: String,
    #[serde(default)]
    error_description: Option<String>,
}

/// Binds the loopback address the browser comes back to (`port` 0: any free one) and returns
/// it with its redirect address (`http://127.0.0.1:PORT/callback`).
pub async fn bind_callback(port: u16) -> Result<(TcpListener, String), ChannelError> {
    let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| {
        ChannelError::Network(format!(
            "could not open the login callback on 127.0.0.1:{port} (is another login waiting?): {e}"
        ))
    })?;
    let port = listener
        .local_addr()
        .map_err(|e| ChannelError::Network(e.to_string()))?
        .port();
    Ok((listener, format!("http://127.0.0.1:{port}/callback")))
}

/// POSTs `form` to a token endpoint (with HTTP basic authentication as `basic` and an empty
/// password, when the network wants it). A refusal is a login to make again, in `what`'s words:
/// "Reddit ended the login — log in again (invalid_grant)".
pub async fn token_request(
    ctx: &Context,
    url: &str,
    form: &[(&str, &str)],
    basic: Option<&str>,
    what: &str,
) -> Result<TokenAnswer, ChannelError> {
    let mut req = ctx.http.post(url).form(form);
    if let Some(user) = basic {
        req = req.basic_auth(user, Some(""));
    }
    let resp = req.send().await.map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    if status >= 500 {
        return Err(ChannelError::Http {
            status,
            what: format!("{what} (the sign-in server)"),
        });
    }
    let answer = serde_json::from_slice::<TokenAnswer>(&body)
        .ok()
        .filter(|_| status == 200);
    answer.ok_or_else(|| {
        let e: OAuthError = serde_json::from_slice(&body).unwrap_or_default();
        let why = e
            .error_description
            .filter(|d| !d.is_empty())
            .or((!e.error.is_empty()).then_some(e.error))
            .unwrap_or_else(|| format!("HTTP {status}"));
        ChannelError::Unauthorized(format!("{what} — log in again ({why})"))
    })
}
