//! Replies as the outbox keeps them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Channel;

/// Where a reply is on its way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum ReplyState {
    /// Written, not yet sent.
    Queued,
    /// Being sent now.
    Sending,
    /// The network accepted it.
    Sent,
    /// The network refused it, or it could not be reached; `error` says why.
    Failed,
}

impl ReplyState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyState::Queued => "queued",
            ReplyState::Sending => "sending",
            ReplyState::Sent => "sent",
            ReplyState::Failed => "failed",
        }
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<ReplyState> {
        match s {
            "queued" => Some(ReplyState::Queued),
            "sending" => Some(ReplyState::Sending),
            "sent" => Some(ReplyState::Sent),
            "failed" => Some(ReplyState::Failed),
            _ => None,
        }
    }
}

/// One reply in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Reply {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// The mention it answers.
    #[ts(type = "number")]
    pub mention_id: i64,
    /// The network it goes out on.
    pub channel: Channel,
    /// A private message rather than a public reply.
    pub private: bool,
    /// The text as written.
    pub body: String,
    /// Sent once: the key the network (or Earshot) uses to refuse a second copy.
    pub idempotency_key: String,
    /// Where it is.
    pub state: ReplyState,
    /// The network's id for it, once sent.
    pub remote_id: Option<String>,
    /// A link to it, once sent.
    pub remote_url: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
    /// When it was written (unix seconds).
    #[ts(type = "number")]
    pub created_at: i64,
    /// When its state last changed (unix seconds).
    #[ts(type = "number")]
    pub updated_at: i64,
    /// How many times sending began (a retry is any after the first).
    #[serde(default)]
    pub attempts: u32,
    /// On a team: who sent it (or is sending it). `null` on a desktop of one's own.
    #[serde(default)]
    pub sent_by: Option<String>,
}
