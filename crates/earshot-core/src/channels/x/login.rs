//! Logging in to X: OAuth 2.0 with PKCE for a native app, in the owner's browser, coming back to
//! Earshot's loopback address (registered with the owner's X app as
//! `http://127.0.0.1:65011/callback`). `offline.access` brings a refresh token. The tokens and
//! the account's id go to the keychain under its username.

use oauth2::{PkceCodeChallenge, PkceCodeVerifier};
use serde::Deserialize;

use super::{api, XToken};
use crate::channels::{network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// X's authorization page.
pub const AUTH_URL: &str = "https://x.com/i/oauth2/authorize";
/// The loopback port registered with the owner's app.
pub const REDIRECT_PORT: u16 = 65011;
/// Reading posts and users, posting, direct messages, and a refresh token.
pub const SCOPES: &str = "tweet.read users.read tweet.write dm.read dm.write offline.access";

/// An X login in progress.
pub struct XLogin {
    spec: SourceSpec,
    verifier: PkceCodeVerifier,
    callback: crate::channels::oauth::Callback,
    /// Where to send the owner.
    pub authorize_url: String,
}

impl XLogin {
    /// Prepares the authorization address for the source's client id.
    pub async fn begin(spec: &SourceSpec) -> Result<XLogin, ChannelError> {
        let client_id = spec
            .client_id
            .clone()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| {
                ChannelError::Config("set your X app's client id first (see the README)".into())
            })?;
        let port = if spec.base_url.is_some() {
            0
        } else {
            REDIRECT_PORT
        };
        let callback = crate::channels::oauth::Callback::bind(port).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let auth = match &spec.base_url {
            Some(b) => format!("{}/i/oauth2/authorize", b.trim_end_matches('/')),
            None => AUTH_URL.into(),
        };
        let mut url = url::Url::parse(&auth).map_err(|e| ChannelError::Config(e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &client_id)
            .append_pair("redirect_uri", callback.redirect())
            .append_pair("scope", SCOPES)
            .append_pair("state", callback.state())
            .append_pair("code_challenge", challenge.as_str())
            .append_pair("code_challenge_method", "S256");
        Ok(XLogin {
            spec: spec.clone(),
            verifier,
            callback,
            authorize_url: url.to_string(),
        })
    }

    /// Waits for the browser to come back with the code.
    pub async fn wait_for_code(&mut self) -> Result<String, ChannelError> {
        self.callback.wait().await
    }

    /// Exchanges the code, asks who the account is, keeps the login in the keychain; returns the
    /// username.
    pub async fn finish(self, ctx: &Context, code: &str) -> Result<String, ChannelError> {
        let base = api(&self.spec);
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        let a = crate::channels::oauth::CodeExchange {
            url: &format!("{base}/2/oauth2/token"),
            callback: &self.callback,
            verifier: &self.verifier,
            client_id: &client_id,
            secret: None,
            what: "X refused the code",
        }
        .run(ctx, code)
        .await?;
        let resp = ctx
            .http
            .get(format!("{base}/2/users/me"))
            .bearer_auth(&a.access_token)
            .send()
            .await
            .map_err(network_error)?;
        #[derive(Deserialize)]
        struct Me {
            id: String,
            username: String,
        }
        let me: super::wire::One<Me> =
            serde_json::from_slice(&resp.bytes().await.map_err(network_error)?)
                .map_err(|e| ChannelError::Malformed(format!("X account: {e}")))?;
        let token = XToken {
            access_token: a.access_token,
            expires_at: ctx.clock.now() + a.expires_in.unwrap_or(7200),
            refresh_token: a.refresh_token,
            user_id: me.data.id,
        };
        ctx.secrets
            .set(
                &secrets::key_for(SourceKind::X, &me.data.username),
                serde_json::to_string(&token).unwrap_or_default(),
            )
            .await
            .map_err(ChannelError::from)?;
        Ok(me.data.username)
    }
}
