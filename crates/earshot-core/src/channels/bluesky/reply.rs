//! Replies (`createRecord` with strong refs, facets and a TID record key) and private messages
//! (the chat service, through the PDS's `atproto-proxy`).

use serde::Deserialize;
use serde_json::json;

use super::parse::{malformed, post_url};
use super::wire::{ConvoResponse, Created, MessageView, Messages};
use super::xrpc::Client;
use super::CHAT_PROXY;
use crate::channels::{ChannelError, Context, Draft, Sent};
use crate::model::{Mention, SourceSpec};

/// with UTF-8 byte offsets as the protocol counts them.
pub fn facets(text: &str, mention: Option<(&str, &str)>) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        let word = word.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']);
        let (start, end) = (offset, offset + word.len());
        if let Some((handle, did)) = mention {
            if word
                .strip_prefix('@')
                .is_some_and(|h| h.eq_ignore_ascii_case(handle.trim_start_matches('@')))
            {
                out.push(json!({
                    "index": {"byteStart": start, "byteEnd": end},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}]
                }));
            }
        }
        if (word.starts_with("https://") || word.starts_with("http://"))
            && url::Url::parse(word).is_ok()
        {
            out.push(json!({
                "index": {"byteStart": start, "byteEnd": end},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": word}]
            }));
        }
        offset += piece.len();
    }
    out
}

/// The body of `createRecord` for a public reply to `target`: the parent is the target; the root
/// is the target's own root when it is itself a reply.
pub fn reply_record(
    repo_did: &str,
    target: &Mention,
    text: &str,
    rkey: &str,
    created_at: &str,
) -> Result<serde_json::Value, ChannelError> {
    let parent_cid = target.remote.cid.as_deref().ok_or_else(|| {
        ChannelError::Config("this post's content id is unknown, so it cannot be answered".into())
    })?;
    let parent = json!({"uri": target.external_id, "cid": parent_cid});
    let root = match (&target.thread_root, &target.remote.root_cid) {
        (Some(uri), Some(cid)) => json!({"uri": uri, "cid": cid}),
        _ => parent.clone(),
    };
    let handle = target.author.handle.trim_start_matches('@');
    let mention = target.remote.author_id.as_deref().map(|did| (handle, did));
    let mut record = json!({
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": created_at,
        "reply": {"root": root, "parent": parent},
    });
    let f = facets(text, mention);
    if !f.is_empty() {
        record["facets"] = serde_json::Value::Array(f);
    }
    Ok(json!({
        "repo": repo_did,
        "collection": "app.bsky.feed.post",
        "rkey": rkey,
        "record": record,
    }))
}

/// A message this account already sent in the conversation with exactly this text, at or after
/// `since` (unix seconds): chat has no idempotency key, so a retry looks before sending again.
pub(super) fn already_sent(
    body: &[u8],
    me: &str,
    text: &str,
    since: i64,
) -> Result<Option<String>, ChannelError> {
    let page: Messages = serde_json::from_slice(body).map_err(|e| malformed("messages", e))?;
    Ok(page
        .messages
        .into_iter()
        // Deleted messages and other kinds have other shapes: skip them.
        .filter_map(|m| serde_json::from_value::<MessageView>(m).ok())
        .find(|m| {
            m.sender.as_ref().is_some_and(|s| s.did == me)
                && m.text.as_deref() == Some(text)
                && m.sent_at
                    .as_deref()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                    .is_some_and(|t| t.timestamp() >= since - 5)
        })
        .map(|m| m.id))
}

/// Sends a reply (public post or private message).
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let mut client = Client::new(spec, ctx)?;
    let session = client
        .session()
        .await?
        .cloned()
        .ok_or_else(|| ChannelError::Unauthorized("log in to Bluesky to reply".into()))?;
    let target = draft.target;
    if draft.private {
        let did = target
            .remote
            .author_id
            .as_deref()
            .ok_or_else(|| ChannelError::Config("the author's account id is unknown".into()))?;
        let body = client
            .call(
                "chat.bsky.convo.getConvoForMembers",
                &[("members", did)],
                None,
                Some(CHAT_PROXY),
            )
            .await
            .map_err(|e| match e {
                ChannelError::Refused(why) => ChannelError::Refused(format!(
                    "{} does not accept messages from you ({why})",
                    target.author.handle
                )),
                other => other,
            })?;
        let convo: ConvoResponse =
            serde_json::from_slice(&body).map_err(|e| malformed("conversation", e))?;
        let recent = client
            .call(
                "chat.bsky.convo.getMessages",
                &[("convoId", convo.convo.id.as_str()), ("limit", "30")],
                None,
                Some(CHAT_PROXY),
            )
            .await?;
        if let Some(id) = already_sent(&recent, &session.did, draft.body, draft.queued_at)? {
            return Ok(Sent {
                remote_id: id,
                remote_url: None,
            });
        }
        let body = client
            .call(
                "chat.bsky.convo.sendMessage",
                &[],
                Some(&json!({"convoId": convo.convo.id, "message": {"text": draft.body}})),
                Some(CHAT_PROXY),
            )
            .await?;
        let msg: MessageView =
            serde_json::from_slice(&body).map_err(|e| malformed("message", e))?;
        return Ok(Sent {
            remote_id: msg.id,
            remote_url: None,
        });
    }
    let created_at = crate::model::rfc3339(client.ctx.clock.now());
    let rec = reply_record(
        &session.did,
        target,
        draft.body,
        draft.idempotency_key,
        &created_at,
    )?;
    let uri = match client
        .call("com.atproto.repo.createRecord", &[], Some(&rec), None)
        .await
    {
        Ok(body) => {
            serde_json::from_slice::<Created>(&body)
                .map_err(|e| malformed("created record", e))?
                .uri
        }
        // The record key is the idempotency key: "already exists" means an earlier attempt
        // landed, and that post is this reply.
        Err(ChannelError::Refused(why)) if why.to_lowercase().contains("already exist") => {
            format!(
                "at://{}/app.bsky.feed.post/{}",
                session.did, draft.idempotency_key
            )
        }
        // Anything else after sending — a lost answer, a timeout, or the reference PDS's bare
        // 500 to a record key that is taken — is settled by looking: the post is there under
        // its key, or it is not.
        Err(e) => match posted(&mut client, &session.did, draft.idempotency_key).await {
            Some(uri) => {
                tracing::info!(error = %e, "the reply was already posted; settled by reading it back");
                uri
            }
            None => return Err(e),
        },
    };
    Ok(Sent {
        remote_url: Some(post_url(&session.handle, &uri)),
        remote_id: uri,
    })
}

/// The reply post under record key `rkey` in `did`'s repository, when it exists
/// (`com.atproto.repo.getRecord`); `None` when it does not or the answer cannot be had.
pub(super) async fn posted(client: &mut Client, did: &str, rkey: &str) -> Option<String> {
    let query = [
        ("repo", did),
        ("collection", "app.bsky.feed.post"),
        ("rkey", rkey),
    ];
    let body = client
        .call("com.atproto.repo.getRecord", &query, None, None)
        .await
        .ok()?;
    #[derive(Deserialize)]
    struct Found {
        uri: String,
    }
    serde_json::from_slice::<Found>(&body).ok().map(|f| f.uri)
}

/// A record key (TID): microseconds since the epoch and a clock id, base32-sortable, 13
/// characters. Used as the outbox's idempotency key for Bluesky posts.
pub fn tid(micros: u64, clock_id: u16) -> String {
    const ALPHABET: &[u8] = b"234567abcdefghijklmnopqrstuvwxyz";
    let v = ((micros & ((1 << 53) - 1)) << 10) | u64::from(clock_id & 0x3ff);
    (0..13)
        .rev()
        .map(|i| ALPHABET[((v >> (i * 5)) & 31) as usize] as char)
        .collect()
}

/// How Bluesky counts a post's length: graphemes.
pub fn count_graphemes(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).count()
}
