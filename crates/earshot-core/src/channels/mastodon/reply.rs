//! Replies: `POST /api/v1/statuses` with the outbox's idempotency key, and the instance's limits.

use serde::Deserialize;

use super::instance_url;
use super::parse::malformed;
use super::wire::Instance;
use crate::channels::{check_status, network_error, ChannelError, Context, Draft, Sent};
use crate::model::{Mention, SourceKind, SourceSpec};
use crate::secrets;

#[derive(Debug, Deserialize)]
pub(super) struct Posted {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    uri: Option<String>,
}

/// The token of a logged-in Mastodon source.
pub(super) async fn token_for(spec: &SourceSpec, ctx: &Context) -> Result<String, ChannelError> {
    let acct = spec.account.as_deref().ok_or_else(|| {
        ChannelError::Unauthorized("log in to this Mastodon instance to reply".into())
    })?;
    ctx.secrets
        .get(&secrets::key_for(SourceKind::Mastodon, acct))
        .await
        .map_err(ChannelError::from)?
        .ok_or_else(|| {
            ChannelError::Unauthorized(format!("no login for {acct} in the keychain: log in again"))
        })
}

/// The body of `POST /api/v1/statuses` for a reply: public (`in_reply_to_id`) or private
/// (`visibility=direct`, which reaches only the accounts the text mentions).
pub fn reply_body(target: &Mention, text: &str, private: bool) -> serde_json::Value {
    let mut body = serde_json::json!({
        "status": text,
        "in_reply_to_id": target.external_id,
        "visibility": if private { "direct" } else { "public" },
    });
    if let Some(lang) = &target.lang {
        body["language"] = serde_json::Value::String(lang.clone());
    }
    body
}

/// Posts a reply with the outbox's idempotency key (the server refuses a second copy for an hour).
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let instance = instance_url(spec)?;
    let token = token_for(spec, &ctx).await?;
    let url = format!(
        "{}/api/v1/statuses",
        instance.as_str().trim_end_matches('/')
    );
    let resp = ctx
        .http
        .post(url)
        .bearer_auth(token)
        .header("Idempotency-Key", draft.idempotency_key)
        .json(&reply_body(draft.target, draft.body, draft.private))
        .send()
        .await
        .map_err(network_error)?;
    let status = resp.status();
    if status.as_u16() == 422 {
        let body = resp.bytes().await.unwrap_or_default();
        let why = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string))
            .unwrap_or_else(|| "the instance refused the post".into());
        return Err(ChannelError::Refused(why));
    }
    let resp = check_status(resp, "posting", ctx.clock.now())?;
    let body = resp.bytes().await.map_err(network_error)?;
    let p: Posted = serde_json::from_slice(&body).map_err(|e| malformed("posted status", e))?;
    Ok(Sent {
        remote_id: p.id,
        remote_url: p.url.or(p.uri),
    })
}

/// The instance's settings (length limit, streaming address).
pub async fn instance_info(spec: &SourceSpec, ctx: &Context) -> Result<Instance, ChannelError> {
    let instance = instance_url(spec)?;
    let url = format!(
        "{}/api/v2/instance",
        instance.as_str().trim_end_matches('/')
    );
    let resp = ctx.http.get(url).send().await.map_err(network_error)?;
    let resp = check_status(resp, "the instance", ctx.clock.now())?;
    let body = resp.bytes().await.map_err(network_error)?;
    serde_json::from_slice(&body).map_err(|e| malformed("instance", e))
}
