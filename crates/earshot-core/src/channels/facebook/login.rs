//! Facebook Login for Devices: Earshot shows a short code and an address, the owner approves on
//! any device, and Earshot polls until Facebook says yes. Then the owner picks a Page
//! (`GET /me/accounts`); the Page's token (long-lived when the user's token is) goes to the
//! keychain with the date Meta's data access ends, and the Page's linked Instagram business
//! account can be listened to with the same token.
//!
//! The app id is the owner's or Earshot's (`{app-id}|{client-token}`), set on the source.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::channels::graph::{self, StoredToken, GRAPH_VERSION};
use crate::channels::{network_error, ChannelError, Context};
use crate::model::SourceKind;
use crate::secrets;

/// What Earshot asks for: reading and answering Page comments, private replies, Instagram
/// comments and messages.
pub const SCOPES: &str = "pages_show_list,pages_read_engagement,pages_read_user_content,pages_manage_engagement,pages_messaging,instagram_basic,instagram_manage_comments,instagram_manage_messages,business_management";

/// What to show the owner.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct DeviceCode {
    /// Type this at the address.
    pub user_code: String,
    /// Where (facebook.com/device).
    pub verification_uri: String,
    /// Seconds until the code stops working.
    #[ts(type = "number")]
    pub expires_in: u64,
    /// Seconds between polls.
    #[ts(type = "number")]
    pub interval: u64,
    /// The code Earshot polls with (not for people).
    #[serde(skip_serializing, default)]
    #[ts(skip)]
    pub code: String,
}

/// A Page the owner manages.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, ts_rs::TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Page {
    /// The Page id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its linked Instagram business or creator account: id and username.
    pub instagram: Option<(String, String)>,
    /// The Page's token (never shown, never serialised).
    #[serde(skip)]
    #[ts(skip)]
    pub token: String,
}

#[derive(Debug, Deserialize)]
struct Approved {
    access_token: String,
    #[serde(default)]
    expires_in: Option<i64>,
    #[serde(default)]
    data_access_expiration_time: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct AccountsPage {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    access_token: Option<String>,
    #[serde(default)]
    instagram_business_account: Option<IgRef>,
}

#[derive(Debug, Deserialize)]
struct IgRef {
    id: String,
    #[serde(default)]
    username: Option<String>,
}

fn root(base: Option<&str>) -> String {
    format!(
        "{}/{GRAPH_VERSION}",
        base.unwrap_or(graph::GRAPH_BASE).trim_end_matches('/')
    )
}

/// Asks Facebook for a device code.
pub async fn begin(
    ctx: &Context,
    base: Option<&str>,
    app: &str,
) -> Result<DeviceCode, ChannelError> {
    let resp = ctx
        .http
        .post(format!("{}/device/login", root(base)))
        .form(&[("access_token", app), ("scope", SCOPES)])
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    if status != 200 {
        return Err(graph::error_from(
            status,
            &body,
            Default::default(),
            "Facebook",
        ));
    }
    serde_json::from_slice(&body)
        .map_err(|e| ChannelError::Malformed(format!("Facebook device login: {e}")))
}

/// The user's token and when its data access ends, once the owner approved.
pub struct UserToken {
    token: String,
    expires_at: Option<i64>,
}

/// Polls until the owner approves, the code expires, or `deadline` (unix seconds) passes.
pub async fn wait(
    ctx: &Context,
    base: Option<&str>,
    app: &str,
    code: &DeviceCode,
) -> Result<UserToken, ChannelError> {
    let mut every = Duration::from_secs(code.interval.clamp(1, 60));
    let deadline = ctx.clock.now() + code.expires_in as i64;
    loop {
        let resp = ctx
            .http
            .post(format!("{}/device/login_status", root(base)))
            .form(&[("access_token", app), ("code", code.code.as_str())])
            .send()
            .await
            .map_err(network_error)?;
        let status = resp.status().as_u16();
        let body = resp.bytes().await.map_err(network_error)?;
        if status == 200 {
            let a: Approved = serde_json::from_slice(&body)
                .map_err(|e| ChannelError::Malformed(format!("Facebook device login: {e}")))?;
            let now = ctx.clock.now();
            let expires_at = a
                .data_access_expiration_time
                .filter(|t| *t > 0)
                .or(a.expires_in.filter(|s| *s > 0).map(|s| now + s));
            return Ok(UserToken {
                token: a.access_token,
                expires_at,
            });
        }
        let sub = serde_json::from_slice::<graph::ErrorBody>(&body)
            .ok()
            .and_then(|b| b.error.error_subcode);
        match sub {
            Some(1_349_174) => {}
            Some(1_349_172) => every += Duration::from_secs(5),
            Some(1_349_152) => {
                return Err(ChannelError::Refused(
                    "the code expired before it was approved: start again".into(),
                ))
            }
            _ => {
                return Err(graph::error_from(
                    status,
                    &body,
                    Default::default(),
                    "Facebook",
                ))
            }
        }
        if ctx.clock.now() >= deadline {
            return Err(ChannelError::Refused(
                "the code expired before it was approved: start again".into(),
            ));
        }
        tokio::time::sleep(every).await;
    }
}

/// The Pages the owner manages, with their tokens.
pub async fn pages(
    ctx: &Context,
    base: Option<&str>,
    user: &UserToken,
) -> Result<Vec<Page>, ChannelError> {
    let resp = ctx
        .http
        .get(format!("{}/me/accounts", root(base)))
        .query(&[(
            "fields",
            "id,name,access_token,tasks,instagram_business_account{id,username}",
        )])
        .bearer_auth(&user.token)
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(network_error)?;
    if status != 200 {
        return Err(graph::error_from(
            status,
            &body,
            Default::default(),
            "Facebook",
        ));
    }
    let list: graph::List<AccountsPage> = serde_json::from_slice(&body)
        .map_err(|e| ChannelError::Malformed(format!("Facebook Pages: {e}")))?;
    Ok(list
        .data
        .into_iter()
        .filter_map(|p| {
            Some(Page {
                name: p.name.unwrap_or_else(|| p.id.clone()),
                instagram: p
                    .instagram_business_account
                    .map(|i| (i.id.clone(), i.username.unwrap_or(i.id))),
                token: p.access_token?,
                id: p.id,
            })
        })
        .collect())
}

/// Keeps a Page's token (and its Instagram account's, the same token) in the keychain, with
/// the user token's end date.
pub async fn save(ctx: &Context, page: &Page, user: &UserToken) -> Result<(), ChannelError> {
    let stored = serde_json::to_string(&StoredToken {
        token: page.token.clone(),
        expires_at: user.expires_at,
    })
    .unwrap_or_default();
    ctx.secrets
        .set(
            &secrets::key_for(SourceKind::Facebook, &page.id),
            stored.clone(),
        )
        .await
        .map_err(ChannelError::from)?;
    if let Some((ig, _)) = &page.instagram {
        ctx.secrets
            .set(&secrets::key_for(SourceKind::Instagram, ig), stored)
            .await
            .map_err(ChannelError::from)?;
    }
    Ok(())
}
