//! Logging in to Reddit as an installed app: the authorization-code flow in the owner's browser
//! with `duration=permanent` (a refresh token), coming back to Earshot's loopback address. Reddit
//! matches the redirect address exactly, so the owner registers
//! `http://127.0.0.1:65010/callback` with their app (reddit.com/prefs/apps → "installed app"); its
//! client id goes on the source. The tokens go to the keychain under the account's name.

use super::client::{www, RedditToken};
use crate::channels::{network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// The loopback port Reddit is told to send the browser back to.
pub const REDIRECT_PORT: u16 = 65010;
/// What Earshot asks for: who you are, reading, your history (to look before sending again),
/// commenting and private messages.
pub const SCOPES: &str = "identity read history submit privatemessages";

/// A Reddit login in progress.
pub struct RedditLogin {
    spec: SourceSpec,
    callback: crate::channels::oauth::Callback,
    /// Where to send the owner.
    pub authorize_url: String,
}

impl RedditLogin {
    /// Prepares the authorization address for `spec`'s client id, binding the loopback address
    /// (a free port when talking to another server than Reddit, such as the simulator).
    pub async fn begin(spec: &SourceSpec) -> Result<RedditLogin, ChannelError> {
        let client_id = spec
            .client_id
            .clone()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| {
                ChannelError::Config(
                    "set your Reddit app's client id first (see the README)".into(),
                )
            })?;
        let port = if spec.base_url.is_some() {
            0
        } else {
            REDIRECT_PORT
        };
        let callback = crate::channels::oauth::Callback::bind(port).await?;
        let mut url = url::Url::parse(&format!("{}/api/v1/authorize", www(spec)))
            .map_err(|e| ChannelError::Config(e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("client_id", &client_id)
            .append_pair("response_type", "code")
            .append_pair("state", callback.state())
            .append_pair("redirect_uri", callback.redirect())
            .append_pair("duration", "permanent")
            .append_pair("scope", SCOPES);
        Ok(RedditLogin {
            spec: spec.clone(),
            callback,
            authorize_url: url.to_string(),
        })
    }

    /// Waits for the browser to come back with the code.
    pub async fn wait_for_code(&mut self) -> Result<String, ChannelError> {
        self.callback.wait().await
    }

    /// Exchanges the code, asks who the account is, keeps the tokens in the keychain; returns
    /// the username.
    pub async fn finish(self, ctx: &Context, code: &str) -> Result<String, ChannelError> {
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        let a = crate::channels::oauth::token_request(
            ctx,
            &format!("{}/api/v1/access_token", www(&self.spec)),
            &[
                ("grant_type", "authorization_code"),
                ("code", code.trim()),
                ("redirect_uri", self.callback.redirect()),
            ],
            Some(client_id.as_str()),
            "Reddit refused the code",
        )
        .await?;
        let token = RedditToken {
            access_token: a.access_token,
            expires_at: ctx.clock.now() + a.expires_in.unwrap_or(3600),
            refresh_token: a.refresh_token,
        };
        let api = self
            .spec
            .base_url
            .as_deref()
            .unwrap_or(super::client::OAUTH_BASE)
            .trim_end_matches('/')
            .to_string();
        let resp = ctx
            .http
            .get(format!("{api}/api/v1/me"))
            .bearer_auth(&token.access_token)
            .send()
            .await
            .map_err(network_error)?;
        #[derive(serde::Deserialize)]
        struct Me {
            name: String,
        }
        let me: Me = serde_json::from_slice(&resp.bytes().await.map_err(network_error)?)
            .map_err(|e| ChannelError::Malformed(format!("Reddit account: {e}")))?;
        ctx.secrets
            .set(
                &secrets::key_for(SourceKind::Reddit, &me.name),
                serde_json::to_string(&token).unwrap_or_default(),
            )
            .await
            .map_err(ChannelError::from)?;
        Ok(me.name)
    }
}
