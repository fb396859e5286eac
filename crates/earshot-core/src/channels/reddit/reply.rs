//! Answering on Reddit: a comment under the post or comment (`POST /api/comment`), or a private
//! message to the author (`POST /api/compose`). Reddit has no idempotency key: a retry first
//! looks at the account's own newest comments (or sent messages) for the same text since the
//! reply was written.

use super::client::Client;
use super::parse::SITE;
use super::wire::{ApiAnswer, Listing};
use crate::channels::{ChannelError, Context, Draft, Sent};
use crate::model::SourceSpec;

fn refused(a: &ApiAnswer) -> Option<ChannelError> {
    let words: Vec<String> = a
        .json
        .errors
        .iter()
        .map(|e| {
            let code = e.first().and_then(|v| v.as_str()).unwrap_or("ERROR");
            let why = e.get(1).and_then(|v| v.as_str()).unwrap_or("refused");
            format!("{why} ({code})")
        })
        .collect();
    (!words.is_empty()).then(|| ChannelError::Refused(format!("Reddit: {}", words.join("; "))))
}

fn answer(body: &[u8]) -> Result<ApiAnswer, ChannelError> {
    serde_json::from_slice(body).map_err(|e| ChannelError::Malformed(format!("Reddit answer: {e}")))
}

/// Sends a reply.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let me = spec
        .account
        .clone()
        .ok_or_else(|| ChannelError::Unauthorized("log in to Reddit to reply".into()))?;
    let mut c = Client::new(spec, ctx);
    let m = draft.target;
    let author = m.remote.author_id.clone().unwrap_or_default();
    if draft.private {
        if author.is_empty() || author == "[deleted]" {
            return Err(ChannelError::Refused(
                "the author's account is gone: no one to message".into(),
            ));
        }
        if draft.retry {
            let body = c.get("/message/sent", &[("limit", "25")]).await?;
            let sent: Listing = serde_json::from_slice(&body).unwrap_or_default();
            if let Some(t) = sent.data.children.iter().find(|t| {
                t.data.dest.as_deref() == Some(author.as_str())
                    && t.data.body.as_deref() == Some(draft.body)
                    && t.data.created_utc.unwrap_or(0.0) as i64 >= draft.queued_at - 60
            }) {
                return Ok(Sent {
                    remote_id: t.data.name.clone().unwrap_or_default(),
                    remote_url: None,
                });
            }
        }
        let subject = m
            .title
            .clone()
            .map(|t| format!("Re: {}", t.trim_start_matches("Re: ")))
            .unwrap_or_else(|| "About your post".into());
        let subject: String = subject.chars().take(100).collect();
        let body = c
            .post(
                "/api/compose",
                &[
                    ("api_type", "json"),
                    ("to", author.as_str()),
                    ("subject", subject.as_str()),
                    ("text", draft.body),
                ],
            )
            .await?;
        let a = answer(&body)?;
        if let Some(e) = refused(&a) {
            return Err(e);
        }
        return Ok(Sent {
            remote_id: format!("message-to:{author}:{}", draft.idempotency_key),
            remote_url: None,
        });
    }
    if draft.retry {
        let body = c
            .get(
                &format!("/user/{me}/comments"),
                &[("limit", "25"), ("sort", "new")],
            )
            .await?;
        let mine: Listing = serde_json::from_slice(&body).unwrap_or_default();
        if let Some(t) = mine.data.children.iter().find(|t| {
            t.data.parent_id.as_deref() == Some(m.external_id.as_str())
                && t.data.body.as_deref() == Some(draft.body)
                && t.data.created_utc.unwrap_or(0.0) as i64 >= draft.queued_at - 60
        }) {
            return Ok(Sent {
                remote_id: t.data.name.clone().unwrap_or_default(),
                remote_url: t.data.permalink.as_ref().map(|p| format!("{SITE}{p}")),
            });
        }
    }
    let body = c
        .post(
            "/api/comment",
            &[
                ("api_type", "json"),
                ("thing_id", m.external_id.as_str()),
                ("text", draft.body),
            ],
        )
        .await?;
    let a = answer(&body)?;
    if let Some(e) = refused(&a) {
        return Err(e);
    }
    let made = a
        .json
        .data
        .and_then(|d| d.things.into_iter().next())
        .map(|t| t.data)
        .unwrap_or_default();
    Ok(Sent {
        remote_id: made
            .name
            .or(made.id.map(|i| format!("t1_{i}")))
            .unwrap_or_default(),
        remote_url: made.permalink.map(|p| format!("{SITE}{p}")),
    })
}
