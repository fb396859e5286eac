//! Signing in to Google for the reviews: OAuth 2 for installed apps, the authorization-code flow
//! with PKCE (S256) in the owner's browser, coming back to a loopback address Earshot binds (the
//! same way as Mastodon's login). `access_type=offline` brings a refresh token; both go to the
//! keychain. Then Earshot asks which Business Profile account the login manages.
//!
//! The client id is the owner's (Google approves Business Profile API access per project; the
//! README says how), set on the source.

use oauth2::{PkceCodeChallenge, PkceCodeVerifier};
use serde::Deserialize;

use super::{error_from, token_url, GoogleToken};
use crate::channels::{network_error, ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};
use crate::secrets;

/// Managing the Business Profile (reading reviews and replying).
pub const SCOPE: &str = "https://www.googleapis.com/auth/business.manage";
/// Managing the owner's YouTube channel's comments (reading and replying).
pub const YOUTUBE_SCOPE: &str = "https://www.googleapis.com/auth/youtube.force-ssl";
/// Google's authorization page.
pub const AUTH_URL: &str = "https://accounts.google.com/o/oauth2/v2/auth";
/// The Account Management API.
pub const ACCOUNTS_BASE: &str = "https://mybusinessaccountmanagement.googleapis.com";

/// A Google login in progress.
pub struct GoogleLogin {
    spec: SourceSpec,
    verifier: PkceCodeVerifier,
    callback: crate::channels::oauth::Callback,
    client_secret: Option<String>,
    /// Where to send the owner.
    pub authorize_url: String,
}

#[derive(Debug, Deserialize)]
struct Accounts {
    #[serde(default)]
    accounts: Vec<Account>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Account {
    name: String,
    #[serde(default)]
    account_name: Option<String>,
}

impl GoogleLogin {
    /// Prepares the authorization address for `spec`'s client id (and the simulator's
    /// addresses when `base_url` is set), binding the loopback listener now.
    pub async fn begin(
        spec: &SourceSpec,
        client_secret: Option<String>,
    ) -> Result<GoogleLogin, ChannelError> {
        let client_id = spec
            .client_id
            .clone()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| {
                ChannelError::Config("set the Google OAuth client id first (see the README)".into())
            })?;
        let callback = crate::channels::oauth::Callback::bind(0).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let auth = match &spec.base_url {
            Some(b) => format!("{}/o/oauth2/v2/auth", b.trim_end_matches('/')),
            None => AUTH_URL.into(),
        };
        let mut url = url::Url::parse(&auth).map_err(|e| ChannelError::Config(e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("client_id", &client_id)
            .append_pair("redirect_uri", callback.redirect())
            .append_pair("response_type", "code")
            .append_pair(
                "scope",
                if spec.kind == SourceKind::Youtube {
                    YOUTUBE_SCOPE
                } else {
                    SCOPE
                },
            )
            .append_pair("access_type", "offline")
            .append_pair("prompt", "consent")
            .append_pair("code_challenge", challenge.as_str())
            .append_pair("code_challenge_method", "S256")
            .append_pair("state", callback.state());
        Ok(GoogleLogin {
            spec: spec.clone(),
            verifier,
            callback,
            client_secret,
            authorize_url: url.to_string(),
        })
    }

    /// Waits for the browser to come back with the code.
    pub async fn wait_for_code(&mut self) -> Result<String, ChannelError> {
        self.callback.wait().await
    }

    /// Exchanges the code, finds the Business Profile account, keeps the tokens in the keychain
    /// and returns the account (`accounts/{id}`) and its name.
    pub async fn finish(self, ctx: &Context, code: &str) -> Result<(String, String), ChannelError> {
        let client_id = self.spec.client_id.clone().unwrap_or_default();
        let a = crate::channels::oauth::CodeExchange {
            url: &token_url(&self.spec),
            callback: &self.callback,
            verifier: &self.verifier,
            client_id: &client_id,
            secret: self.client_secret.as_deref(),
            what: "Google refused the code",
        }
        .run(ctx, code)
        .await?;
        let token = GoogleToken {
            access_token: a.access_token,
            expires_at: ctx.clock.now() + a.expires_in.unwrap_or(3600),
            refresh_token: a.refresh_token,
            client_secret: self.client_secret.clone(),
        };
        let (account, label) = if self.spec.kind == SourceKind::Youtube {
            own_channel(&self.spec, ctx, &token.access_token).await?
        } else {
            business_account(&self.spec, ctx, &token.access_token).await?
        };
        ctx.secrets
            .set(
                &secrets::key_for(self.spec.kind, &account),
                serde_json::to_string(&token).unwrap_or_default(),
            )
            .await
            .map_err(ChannelError::from)?;
        Ok((account, label))
    }
}

/// The YouTube channel the login owns: its id and name.
async fn own_channel(
    spec: &SourceSpec,
    ctx: &Context,
    token: &str,
) -> Result<(String, String), ChannelError> {
    let api = super::base(spec, crate::channels::youtube::API_BASE);
    let resp = ctx
        .http
        .get(format!("{api}/youtube/v3/channels"))
        .query(&[("part", "id,snippet"), ("mine", "true")])
        .bearer_auth(token)
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    if status != 200 {
        return Err(error_from(status, &body, None, "your YouTube channel"));
    }
    let list: crate::channels::youtube::wire::ListResponse<
        crate::channels::youtube::wire::ChannelItem,
    > = serde_json::from_slice(&body)
        .map_err(|e| ChannelError::Malformed(format!("YouTube channel: {e}")))?;
    let c =
        list.items.into_iter().next().ok_or_else(|| {
            ChannelError::Refused("this Google login has no YouTube channel".into())
        })?;
    let id = c.id.unwrap_or_default();
    let title = c
        .snippet
        .and_then(|s| s.title)
        .unwrap_or_else(|| id.clone());
    Ok((id, title))
}

/// The Business Profile account the login manages: `accounts/{id}` and its name.
async fn business_account(
    spec: &SourceSpec,
    ctx: &Context,
    token: &str,
) -> Result<(String, String), ChannelError> {
    let accounts_base = spec
        .base_url
        .as_deref()
        .unwrap_or(ACCOUNTS_BASE)
        .trim_end_matches('/')
        .to_string();
    let resp = ctx
        .http
        .get(format!("{accounts_base}/v1/accounts"))
        .bearer_auth(token)
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    if status != 200 {
        return Err(error_from(
            status,
            &body,
            None,
            "the Business Profile accounts",
        ));
    }
    let list: Accounts = serde_json::from_slice(&body)
        .map_err(|e| ChannelError::Malformed(format!("Google accounts: {e}")))?;
    let account = list.accounts.into_iter().next().ok_or_else(|| {
        ChannelError::Refused("this Google login manages no Business Profile".into())
    })?;
    let label = account.account_name.unwrap_or_else(|| account.name.clone());
    Ok((account.name, label))
}
