//! Logging in to the networks that need it for mentions and replies.
//!
//! Mastodon: the app registers itself with the instance (`POST /api/v1/apps`), then OAuth 2's
//! authorization-code flow with PKCE (S256) runs in the owner's browser and comes back to a
//! loopback address Earshot binds (`http://127.0.0.1:PORT/callback`). Where the browser cannot
//! reach that address, the owner pastes the code, or the whole address it landed on. The token
//! goes to the keychain; the source keeps only the account's name.
//!
//! Bluesky: an app password, exchanged once for a session (`createSession`) that is then renewed,
//! never re-created (see [`crate::channels::bluesky`]).

use std::time::Duration;

use oauth2::basic::BasicClient;
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse, TokenUrl,
};
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::channels::mastodon::{full_handle, instance_url};
use crate::channels::{check_status, network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// What Earshot asks a Mastodon instance for: reading mentions, search and timelines, and
/// posting replies.
pub const MASTODON_SCOPES: &str = "read write:statuses";
/// How long a login waits for the browser.
pub const LOGIN_TIMEOUT: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Deserialize)]
struct App {
    client_id: String,
    client_secret: String,
}

#[derive(Debug, Deserialize)]
struct Me {
    acct: String,
}

/// A Mastodon login in progress.
pub struct MastodonLogin {
    instance: url::Url,
    client_id: String,
    client_secret: String,
    redirect: String,
    verifier: Option<PkceCodeVerifier>,
    state: CsrfToken,
    listener: Option<TcpListener>,
    /// Where to send the owner: the instance's authorization page.
    pub authorize_url: String,
}

impl std::fmt::Debug for MastodonLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MastodonLogin({})", self.instance)
    }
}

fn no_redirects() -> reqwest::Client {
    // The token exchange must not follow redirects (the oauth2 crate's advice against SSRF).
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_default()
}

impl MastodonLogin {
    /// Registers Earshot with the instance and prepares the authorization address. The loopback
    /// listener is bound now, so its port is in the registered redirect address.
    pub async fn begin(ctx: &Context, instance: &str) -> Result<MastodonLogin, ChannelError> {
        let spec = SourceSpec {
            base_url: Some(instance.to_string()),
            ..SourceSpec::new(SourceKind::Mastodon, "")
        };
        let instance = instance_url(&spec)?;
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.map_err(|e| {
            ChannelError::Network(format!("could not open the login callback: {e}"))
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| ChannelError::Network(e.to_string()))?
            .port();
        let redirect = format!("http://127.0.0.1:{port}/callback");
        let base = instance.as_str().trim_end_matches('/').to_string();
        let resp = ctx
            .http
            .post(format!("{base}/api/v1/apps"))
            .form(&[
                ("client_name", "Earshot"),
                ("redirect_uris", redirect.as_str()),
                ("scopes", MASTODON_SCOPES),
                ("website", "https://earshot.app"),
            ])
            .send()
            .await
            .map_err(network_error)?;
        let resp = check_status(resp, "app registration", ctx.clock.now())?;
        let app: App = serde_json::from_slice(&resp.bytes().await.map_err(network_error)?)
            .map_err(|e| ChannelError::Malformed(format!("Mastodon app registration: {e}")))?;
        let client = oauth_client(&base, &app.client_id, &app.client_secret, &redirect)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut req = client.authorize_url(CsrfToken::new_random);
        for s in MASTODON_SCOPES.split(' ') {
            req = req.add_scope(Scope::new(s.to_string()));
        }
        let (url, state) = req.set_pkce_challenge(challenge).url();
        Ok(MastodonLogin {
            instance,
            client_id: app.client_id,
            client_secret: app.client_secret,
            redirect,
            verifier: Some(verifier),
            state,
            listener: Some(listener),
            authorize_url: url.to_string(),
        })
    }

    /// Waits for the browser to come back to the loopback address; returns the code. Requests
    /// with a wrong `state` are answered and ignored.
    pub async fn wait_for_code(&mut self) -> Result<String, ChannelError> {
        let listener = self
            .listener
            .take()
            .ok_or_else(|| ChannelError::Config("this login is no longer waiting".into()))?;
        wait_for_callback(listener, self.state.secret().clone()).await
    }

    /// Exchanges the code for a token, asks the instance who it belongs to and keeps the token
    /// in the keychain. Returns the account (`name@instance`).
    pub async fn finish(mut self, ctx: &Context, code: &str) -> Result<String, ChannelError> {
        let base = self.instance.as_str().trim_end_matches('/').to_string();
        let client = oauth_client(&base, &self.client_id, &self.client_secret, &self.redirect)?;
        let verifier = self
            .verifier
            .take()
            .ok_or_else(|| ChannelError::Config("this login has already been used".into()))?;
        let http = no_redirects();
        let token = client
            .exchange_code(AuthorizationCode::new(code.trim().to_string()))
            .set_pkce_verifier(verifier)
            .request_async(&http)
            .await
            .map_err(|e| {
                ChannelError::Unauthorized(format!(
                    "the instance refused the code ({})",
                    oauth_error(&e)
                ))
            })?;
        let token = token.access_token().secret().clone();
        let resp = ctx
            .http
            .get(format!("{base}/api/v1/accounts/verify_credentials"))
            .bearer_auth(&token)
            .send()
            .await
            .map_err(network_error)?;
        let resp = check_status(resp, "the account check", ctx.clock.now())?;
        let me: Me = serde_json::from_slice(&resp.bytes().await.map_err(network_error)?)
            .map_err(|e| ChannelError::Malformed(format!("Mastodon account: {e}")))?;
        let host = self.instance.host_str().unwrap_or_default();
        let acct = full_handle(&me.acct, host)
            .trim_start_matches('@')
            .to_string();
        ctx.secrets
            .set(&secrets::key_for(SourceKind::Mastodon, &acct), token)
            .await
            .map_err(ChannelError::from)?;
        Ok(acct)
    }

    /// The instance's address.
    pub fn instance(&self) -> &url::Url {
        &self.instance
    }
}

/// Answers the browser on the loopback listener until it comes back with the code for
/// `expected` state (or an error); other requests are answered and ignored. Mastodon's and
/// Google's logins both end here.
pub(crate) async fn wait_for_callback(
    listener: TcpListener,
    expected: String,
) -> Result<String, ChannelError> {
    let wait = async move {
        loop {
            let (mut sock, _) = listener
                .accept()
                .await
                .map_err(|e| ChannelError::Network(e.to_string()))?;
            let mut buf = vec![0u8; 8192];
            let mut n = 0;
            while n < buf.len() {
                match sock.read(&mut buf[n..]).await {
                    Ok(0) | Err(_) => break,
                    Ok(k) => n += k,
                }
                if buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
            let head = String::from_utf8_lossy(&buf[..n]);
            let target = head
                .lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or("/");
            let got = callback_params(target);
            let (status, page, result) = match got {
                Some((Some(code), state, _)) if state.as_deref() == Some(expected.as_str()) => (
                    "200 OK",
                    "Earshot is connected. You can close this tab.",
                    Some(Ok(code)),
                ),
                Some((None, state, Some(err))) if state.as_deref() == Some(expected.as_str()) => (
                    "200 OK",
                    "Access was not granted. You can close this tab.",
                    Some(Err(ChannelError::Unauthorized(format!(
                        "the sign-in page said: {err}"
                    )))),
                ),
                _ => ("404 Not Found", "Not the Earshot login callback.", None),
            };
            let body =
                format!("<!doctype html><meta charset=utf-8><title>Earshot</title><p>{page}</p>");
            let reply = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nContent-Security-Policy: default-src 'none'\r\n\r\n{body}",
                    body.len()
                );
            let _ = sock.write_all(reply.as_bytes()).await;
            let _ = sock.shutdown().await;
            if let Some(r) = result {
                return r;
            }
        }
    };
    tokio::time::timeout(LOGIN_TIMEOUT, wait)
        .await
        .map_err(|_| ChannelError::Unauthorized("the login was not completed in time".into()))?
}

fn oauth_error<E: std::error::Error>(e: &E) -> String {
    // The error's Display names the kind of failure; it never carries the code or secret.
    let mut s = e.to_string();
    if let Some(src) = e.source() {
        s.push_str(&format!(": {src}"));
    }
    s.chars().take(300).collect()
}

type Client = oauth2::Client<
    oauth2::basic::BasicErrorResponse,
    oauth2::basic::BasicTokenResponse,
    oauth2::basic::BasicTokenIntrospectionResponse,
    oauth2::StandardRevocableToken,
    oauth2::basic::BasicRevocationErrorResponse,
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

fn oauth_client(
    base: &str,
    id: &str,
    secret: &str,
    redirect: &str,
) -> Result<Client, ChannelError> {
    let bad = |e: url::ParseError| ChannelError::Config(format!("OAuth address: {e}"));
    Ok(BasicClient::new(ClientId::new(id.to_string()))
        .set_client_secret(ClientSecret::new(secret.to_string()))
        .set_auth_type(oauth2::AuthType::RequestBody)
        .set_auth_uri(AuthUrl::new(format!("{base}/oauth/authorize")).map_err(bad)?)
        .set_token_uri(TokenUrl::new(format!("{base}/oauth/token")).map_err(bad)?)
        .set_redirect_uri(RedirectUrl::new(redirect.to_string()).map_err(bad)?))
}

/// `code`, `state` and `error` from a callback target (`/callback?code=…&state=…`).
fn callback_params(target: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
    let u = url::Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    if u.path() != "/callback" {
        return None;
    }
    let get = |k: &str| {
        u.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
    };
    Some((get("code"), get("state"), get("error")))
}

/// The code in what the owner pasted: the bare code, or the whole address the browser landed on.
pub fn code_from_paste(pasted: &str) -> Option<String> {
    let p = pasted.trim();
    if p.is_empty() {
        return None;
    }
    if p.contains("://") || p.starts_with('/') {
        let u = url::Url::parse(p)
            .or_else(|_| url::Url::parse(&format!("http://127.0.0.1{p}")))
            .ok()?;
        return u
            .query_pairs()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v.into_owned());
    }
    (!p.contains(char::is_whitespace)).then(|| p.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_code_or_address_gives_the_code() {
        assert_eq!(code_from_paste(" abc123 ").as_deref(), Some("abc123"));
        assert_eq!(
            code_from_paste("http://127.0.0.1:4711/callback?code=xyz&state=s").as_deref(),
            Some("xyz")
        );
        assert_eq!(
            code_from_paste("/callback?state=s&code=q").as_deref(),
            Some("q")
        );
        assert_eq!(code_from_paste(""), None);
        assert_eq!(code_from_paste("two words"), None);
    }

    #[test]
    fn the_callback_is_read_only_on_its_path() {
        assert_eq!(
            callback_params("/callback?code=c&state=s"),
            Some((Some("c".into()), Some("s".into()), None))
        );
        assert_eq!(callback_params("/favicon.ico"), None);
        assert_eq!(
            callback_params("/callback?error=access_denied&state=s"),
            Some((None, Some("s".into()), Some("access_denied".into())))
        );
    }
}
