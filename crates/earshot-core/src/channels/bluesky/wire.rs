//! Bluesky's JSON as the AppView, the PDS and the chat service send it (fixtures under
//! `fixtures/bluesky`).

use serde::{Deserialize, Serialize};

/// A logged-in session, as kept in the keychain.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// The account's DID.
    pub did: String,
    /// Its handle.
    pub handle: String,
    /// Short-lived token for calls.
    #[serde(rename = "accessJwt")]
    pub access_jwt: String,
    /// Long-lived token that renews the access token.
    #[serde(rename = "refreshJwt")]
    pub refresh_jwt: String,
    /// The PDS the session belongs to (from the account's DID document at login); sessions
    /// saved before Earshot remembered it go to the configured or default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pds: Option<String>,
}

/// An author as the AppView shows them.
#[derive(Debug, Clone, Deserialize)]
pub struct ProfileView {
    /// DID.
    pub did: String,
    /// Handle.
    pub handle: String,
    /// Display name.
    #[serde(default, rename = "displayName")]
    pub display_name: Option<String>,
    /// Followers (detailed views only).
    #[serde(default, rename = "followersCount")]
    pub followers_count: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Profiles {
    pub(super) profiles: Vec<ProfileView>,
}

/// A post as search returns it.
#[derive(Debug, Deserialize)]
pub struct PostView {
    pub(super) uri: String,
    pub(super) cid: String,
    pub(super) author: ProfileView,
    pub(super) record: serde_json::Value,
    #[serde(default, rename = "replyCount")]
    pub(super) reply_count: Option<i64>,
    #[serde(default, rename = "repostCount")]
    pub(super) repost_count: Option<i64>,
    #[serde(default, rename = "likeCount")]
    pub(super) like_count: Option<i64>,
    #[serde(default, rename = "indexedAt")]
    pub(super) indexed_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct SearchPosts {
    pub(super) posts: Vec<PostView>,
}

/// A notification.
#[derive(Debug, Deserialize)]
pub struct NotificationView {
    pub(super) uri: String,
    pub(super) cid: String,
    pub(super) author: ProfileView,
    pub(super) reason: String,
    pub(super) record: serde_json::Value,
    #[serde(rename = "indexedAt")]
    pub(super) indexed_at: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct Notifications {
    pub(super) notifications: Vec<NotificationView>,
}

/// An XRPC error body.
#[derive(Debug, Deserialize)]
pub(super) struct XrpcError {
    #[serde(default)]
    pub(super) error: String,
    #[serde(default)]
    pub(super) message: Option<String>,
}

/// A DID document, as far as Earshot reads it: where the account's PDS is.
#[derive(Debug, Deserialize)]
pub(super) struct DidDocument {
    #[serde(default)]
    pub(super) service: Vec<DidService>,
}

#[derive(Debug, Deserialize)]
pub(super) struct DidService {
    pub(super) id: String,
    #[serde(rename = "serviceEndpoint")]
    pub(super) endpoint: serde_json::Value,
}

#[derive(Debug, Deserialize)]
pub(super) struct Resolved {
    pub(super) did: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct Created {
    pub(super) uri: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct ConvoResponse {
    pub(super) convo: Convo,
}

#[derive(Debug, Deserialize)]
pub(super) struct Convo {
    pub(super) id: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct MessageView {
    pub(super) id: String,
    #[serde(default)]
    pub(super) text: Option<String>,
    #[serde(default)]
    pub(super) sender: Option<MessageSender>,
    #[serde(default, rename = "sentAt")]
    pub(super) sent_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct MessageSender {
    pub(super) did: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct Messages {
    #[serde(default)]
    pub(super) messages: Vec<serde_json::Value>,
}
