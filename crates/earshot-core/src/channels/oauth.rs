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

/// The code of a PKCE authorization (installed-app OAuth, the browser back on `callback`)
/// exchanged at `url` for tokens; `secret` for clients the network issued one.
pub struct CodeExchange<'a> {
    /// The token endpoint.
    pub url: &'a str,
    /// Where the browser came back.
    pub callback: &'a Callback,
    /// The PKCE verifier of the authorization.
    pub verifier: &'a oauth2::PkceCodeVerifier,
    /// The owner's OAuth client.
    pub client_id: &'a str,
    /// Its secret, when it has one.
    pub secret: Option<&'a str>,
    /// Who refuses, in the owner's words ("Google refused the code").
    pub what: &'a str,
}

impl CodeExchange<'_> {
    /// Exchanges `code` (as pasted or as the browser brought it).
    pub async fn run(&self, ctx: &Context, code: &str) -> Result<TokenAnswer, ChannelError> {
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code.trim()),
            ("redirect_uri", self.callback.redirect()),
            ("client_id", self.client_id),
            ("code_verifier", self.verifier.secret().as_str()),
        ];
        if let Some(s) = self.secret {
            form.push(("client_secret", s));
        }
        token_request(ctx, self.url, &form, None, self.what).await
    }
}

/// A login kept in the keychain: its access token, when it ends, and its refresh token.
pub trait Kept: serde::Serialize + serde::de::DeserializeOwned + Clone + Default {
    /// When it stops working (unix seconds).
    fn expires_at(&self) -> i64;
    /// The refresh token, when there is one.
    fn refresh_token(&self) -> Option<&str>;
    /// The login after a renewal answered `a` at `now` (a network may or may not send a new
    /// refresh token).
    fn renewed(&self, a: TokenAnswer, now: i64) -> Self;
}

/// How a network renews a login: its token endpoint, the form's fields beyond the refresh
/// token, and the user of HTTP basic authentication when it wants one.
pub struct Renewal {
    /// The token endpoint.
    pub url: String,
    /// Further fields (`client_id`, `client_secret`).
    pub extra: Vec<(&'static str, String)>,
    /// Basic authentication's user (the client id), with an empty password.
    pub basic: Option<String>,
}

/// The login under `key`, read from the keychain once and kept in `cache`, renewed with its
/// refresh token when it has run out (or when `renew`: the network refused it) and written back.
pub async fn kept_login<T: Kept>(
    ctx: &Context,
    key: &str,
    cache: &mut Option<T>,
    renew: bool,
    network: &str,
    renewal: impl FnOnce(&T) -> Renewal,
) -> Result<T, ChannelError> {
    if cache.is_none() {
        let v = ctx
            .secrets
            .get(key)
            .await
            .map_err(ChannelError::from)?
            .ok_or_else(|| {
                ChannelError::Unauthorized(format!(
                    "no {network} login in the keychain: log in again"
                ))
            })?;
        *cache = Some(serde_json::from_str(&v).map_err(|_| {
            ChannelError::Unauthorized(format!(
                "the {network} login in the keychain is unreadable: log in again"
            ))
        })?);
    }
    let t = cache.clone().unwrap_or_default();
    if !renew && t.expires_at() > ctx.clock.now() + 60 {
        return Ok(t);
    }
    let refresh = t.refresh_token().map(str::to_string).ok_or_else(|| {
        ChannelError::Unauthorized(format!("the {network} login has expired — log in again"))
    })?;
    let r = renewal(&t);
    let mut form = vec![
        ("grant_type", "refresh_token".to_string()),
        ("refresh_token", refresh),
    ];
    form.extend(r.extra);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let what = format!("{network} ended the login");
    let a = token_request(ctx, &r.url, &form, r.basic.as_deref(), &what).await?;
    let fresh = t.renewed(a, ctx.clock.now());
    // The renewed login goes back to the keychain; were that to fail, this one still works
    // until it ends, and the next start renews again.
    let _ = ctx
        .secrets
        .set(key, serde_json::to_string(&fresh).unwrap_or_default())
        .await;
    *cache = Some(fresh.clone());
    Ok(fresh)
}

/// Where the browser comes back: the loopback listener, its address and the `state` the
/// authorization carries (a request without it is answered and ignored).
pub struct Callback {
    listener: Option<TcpListener>,
    state: oauth2::CsrfToken,
    redirect: String,
}

impl Callback {
    /// Binds the loopback address (`port` 0: any free one) with a fresh `state`.
    pub async fn bind(port: u16) -> Result<Callback, ChannelError> {
        let (listener, redirect) = bind_callback(port).await?;
        Ok(Callback {
            listener: Some(listener),
            state: oauth2::CsrfToken::new_random(),
            redirect,
        })
    }

    /// `http://127.0.0.1:PORT/callback`.
    pub fn redirect(&self) -> &str {
        &self.redirect
    }

    /// The `state` to send with the authorization.
    pub fn state(&self) -> &str {
        self.state.secret()
    }

    /// Waits for the browser to come back with the code.
    pub async fn wait(&mut self) -> Result<String, ChannelError> {
        let listener = self
            .listener
            .take()
            .ok_or_else(|| ChannelError::Config("this login is no longer waiting".into()))?;
        super::mastodon::login::wait_for_callback(listener, self.state.secret().clone()).await
    }
}
