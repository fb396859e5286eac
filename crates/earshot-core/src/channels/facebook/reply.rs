//! Answering on a Page: a public comment reply (`POST /{comment}/comments`), a private reply
//! through Messenger (`POST /{page}/messages` with `recipient.comment_id`, once per comment and
//! within seven days), and hiding a comment (`POST /{comment}` with `is_hidden`).
//!
//! The Graph API has no idempotency key. A retry of a public reply first looks for the Page's
//! comment with the same text written since the reply was queued; a retry of a private reply
//! that Meta refuses with #10900 ("Activity already replied to") had landed the first time.

use super::page_of;
use super::wire::{Comment, Created, SentMessage, Success};
use crate::channels::graph::{self, Graph, List, ALREADY_REPLIED};
use crate::channels::{ChannelError, Context, Draft, Sent};
use crate::model::{Kind, Mention, SourceSpec};

/// How long after a comment Meta accepts its private reply.
pub const PRIVATE_REPLY_WINDOW_SECS: u32 = 7 * 86_400;

/// Where a public reply to `m` goes: a comment's own thread, a reply's parent comment (Facebook
/// threads are two deep), or the post itself.
pub fn reply_object(m: &Mention) -> String {
    match m.remote.kind {
        Some(Kind::Reply) => m.reply_to.clone().unwrap_or_else(|| m.external_id.clone()),
        _ => m.external_id.clone(),
    }
}

/// Sends a reply on Facebook or Instagram-through-Facebook's rules.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let page = page_of(spec)?;
    let mut g = Graph::for_source(spec, &ctx).await?;
    let m = draft.target;
    if draft.private {
        return private_reply(&mut g, draft).await;
    }
    let object = reply_object(m);
    if draft.retry {
        if let Some(found) = find_own(&mut g, &object, &page, draft).await? {
            return Ok(found);
        }
    }
    let c: Created = g
        .post(&format!("{object}/comments"), &[("message", draft.body)])
        .await?;
    Ok(Sent {
        remote_url: m.url.clone(),
        remote_id: c.id,
    })
}

/// A private reply to a comment (Facebook and Instagram alike): one per comment, within the
/// window.
pub async fn private_reply(g: &mut Graph, draft: &Draft<'_>) -> Result<Sent, ChannelError> {
    let m = draft.target;
    let body = serde_json::json!({
        // A visitor post takes its private reply by post id; a comment by comment id.
        "recipient": if m.remote.kind == Some(Kind::Post) {
            serde_json::json!({"post_id": m.external_id})
        } else {
            serde_json::json!({"comment_id": m.external_id})
        },
        "message": {"text": draft.body},
    });
    // `me` is the Page for a Page token, on Facebook and on Instagram through Facebook Login.
    match g.post_json::<SentMessage>("me/messages", &body).await {
        Ok(s) => Ok(Sent {
            remote_id: s.message_id,
            remote_url: None,
        }),
        Err(ChannelError::Refused(why)) if why.contains(&format!("#{ALREADY_REPLIED}")) => {
            if draft.retry {
                // Our earlier attempt landed and its answer was lost.
                Ok(Sent {
                    remote_id: format!("private-reply:{}", m.external_id),
                    remote_url: None,
                })
            } else {
                Err(ChannelError::Refused(format!(
                    "this comment already has its private reply ({} allows one per comment)",
                    g.label
                )))
            }
        }
        Err(e) => Err(e),
    }
}

/// The Page's comment under `object` with the draft's text, written since it was queued.
async fn find_own(
    g: &mut Graph,
    object: &str,
    page: &str,
    draft: &Draft<'_>,
) -> Result<Option<Sent>, ChannelError> {
    let list: List<Comment> = g
        .get(
            &format!("{object}/comments"),
            &[
                ("filter", "stream"),
                ("order", "reverse_chronological"),
                ("fields", "id,message,created_time,from{id,name}"),
                ("limit", "50"),
            ],
        )
        .await?;
    Ok(list.data.into_iter().find_map(|c| {
        let mine = c.from.as_ref().and_then(|f| f.id.as_deref()) == Some(page);
        let t = c
            .created_time
            .as_deref()
            .and_then(graph::parse_time)
            .unwrap_or(0);
        (mine && c.message.as_deref() == Some(draft.body) && t >= draft.queued_at - 60)
            .then_some(c.id)
            .flatten()
            .map(|id| Sent {
                remote_id: id,
                remote_url: draft.target.url.clone(),
            })
    }))
}

/// Hides (or shows again) a comment on the Page.
pub async fn hide(
    spec: &SourceSpec,
    ctx: &Context,
    m: &Mention,
    hidden: bool,
) -> Result<(), ChannelError> {
    let mut g = Graph::for_source(spec, ctx).await?;
    let field = if spec.kind == crate::model::SourceKind::Instagram {
        "hide"
    } else {
        "is_hidden"
    };
    let flag = if hidden { "true" } else { "false" };
    let ok: Success = g.post(&m.external_id, &[(field, flag)]).await?;
    if ok.success {
        Ok(())
    } else {
        Err(ChannelError::Refused(format!(
            "{} did not {} the comment",
            g.label,
            if hidden { "hide" } else { "show" }
        )))
    }
}
