//! A mention, the author who wrote it, its triage and the owner's work on it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A network Earshot can watch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Channel {
    /// Hacker News stories and comments (Algolia search API).
    Hackernews,
    /// Any RSS or Atom feed: Google Alerts, review sites, tag feeds.
    Rss,
    /// Any Mastodon instance (REST, streaming).
    Mastodon,
    /// Bluesky (Jetstream, XRPC).
    Bluesky,
    /// A Facebook Page: comments, visitor posts, tags (Graph API).
    Facebook,
    /// An Instagram business or creator account: comments, tags (Graph API).
    Instagram,
    /// Google Business Profile reviews.
    #[serde(rename = "google_reviews")]
    #[ts(rename = "google_reviews")]
    GoogleReviews,
    /// Reddit: subreddits, search, the owner's inbox.
    Reddit,
    /// YouTube: comments on the owner's channel, videos that name the business.
    Youtube,
    /// X: mentions of the owner's account and recent search.
    X,
    /// An email inbox (IMAP, SMTP).
    Email,
}

impl Channel {
    /// Every channel this build knows.
    pub const ALL: [Channel; 11] = [
        Channel::Hackernews,
        Channel::Rss,
        Channel::Mastodon,
        Channel::Bluesky,
        Channel::Facebook,
        Channel::Instagram,
        Channel::GoogleReviews,
        Channel::Reddit,
        Channel::Youtube,
        Channel::X,
        Channel::Email,
    ];
}

impl Channel {
    /// The stable name stored in SQLite and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Hackernews => "hackernews",
            Channel::Rss => "rss",
            Channel::Mastodon => "mastodon",
            Channel::Bluesky => "bluesky",
            Channel::Facebook => "facebook",
            Channel::Instagram => "instagram",
            Channel::GoogleReviews => "google_reviews",
            Channel::Reddit => "reddit",
            Channel::Youtube => "youtube",
            Channel::X => "x",
            Channel::Email => "email",
        }
    }

    /// Parses the stored name; `None` for a name this build does not know.
    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "hackernews" => Some(Channel::Hackernews),
            "rss" => Some(Channel::Rss),
            "mastodon" => Some(Channel::Mastodon),
            "bluesky" => Some(Channel::Bluesky),
            "facebook" => Some(Channel::Facebook),
            "instagram" => Some(Channel::Instagram),
            "google_reviews" => Some(Channel::GoogleReviews),
            "reddit" => Some(Channel::Reddit),
            "youtube" => Some(Channel::Youtube),
            "x" => Some(Channel::X),
            "email" => Some(Channel::Email),
            _ => None,
        }
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Hackernews => "Hacker News",
            Channel::Rss => "RSS",
            Channel::Mastodon => "Mastodon",
            Channel::Bluesky => "Bluesky",
            Channel::Facebook => "Facebook",
            Channel::Instagram => "Instagram",
            Channel::GoogleReviews => "Google reviews",
            Channel::Reddit => "Reddit",
            Channel::Youtube => "YouTube",
            Channel::X => "X",
            Channel::Email => "Email",
        }
    }
}

/// Who wrote a mention, with their reach when the network tells it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Author {
    /// The handle or user name on the network ("pg", "@ann@mastodon.social").
    pub handle: String,
    /// The display name, when it differs from the handle.
    pub display_name: Option<String>,
    /// A link to the author's profile.
    pub profile_url: Option<String>,
    /// Follower count, when the network reports it.
    #[ts(type = "number | null")]
    pub followers: Option<i64>,
    /// Karma (Hacker News), a weaker proxy for reach.
    #[ts(type = "number | null")]
    pub karma: Option<i64>,
}

/// Engagement counts as last seen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Engagement {
    /// Likes, favourites, points.
    #[ts(type = "number | null")]
    pub likes: Option<i64>,
    /// Reposts, boosts, retweets.
    #[ts(type = "number | null")]
    pub reposts: Option<i64>,
    /// Replies or comments.
    #[ts(type = "number | null")]
    pub replies: Option<i64>,
    /// Replies and reposts per minute, measured between two sightings (or since posting).
    #[serde(default)]
    pub velocity: Option<f64>,
}

/// Where the owner is with a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Status {
    /// Not looked at yet.
    #[default]
    New,
    /// Being worked on.
    Open,
    /// Put aside until a time; it comes back as new.
    Snoozed,
    /// Handled.
    Done,
    /// Not worth handling (spam, off-topic); out of every queue and target.
    Ignored,
}

impl Status {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Open => "open",
            Status::Snoozed => "snoozed",
            Status::Done => "done",
            Status::Ignored => "ignored",
        }
    }
    /// Whether it still waits for the owner (new or open): the queue, and the response clock.
    pub fn awaiting(self) -> bool {
        matches!(self, Status::New | Status::Open)
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "new" => Some(Status::New),
            "open" => Some(Status::Open),
            "snoozed" => Some(Status::Snoozed),
            "done" => Some(Status::Done),
            "ignored" => Some(Status::Ignored),
            _ => None,
        }
    }
}

/// The tone of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Sentiment {
    /// Unhappy, angry, disappointed.
    Negative,
    /// Neither.
    #[default]
    Neutral,
    /// Happy, grateful, enthusiastic.
    Positive,
}

/// What the author wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Intent {
    /// Something went wrong and they say so.
    Complaint,
    /// A question or a request for help.
    Question,
    /// Thanks, compliments, recommendations.
    Praise,
    /// Wants to buy: prices, availability, delivery.
    Lead,
    /// Anything else: news, passing remarks.
    #[default]
    Other,
}

impl Sentiment {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Positive => "positive",
        }
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Sentiment> {
        match s {
            "negative" => Some(Sentiment::Negative),
            "neutral" => Some(Sentiment::Neutral),
            "positive" => Some(Sentiment::Positive),
            _ => None,
        }
    }
}

impl Intent {
    /// Every intent, in a stable order.
    pub const ALL: [Intent; 5] = [
        Intent::Complaint,
        Intent::Question,
        Intent::Praise,
        Intent::Lead,
        Intent::Other,
    ];
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Complaint => "complaint",
            Intent::Question => "question",
            Intent::Praise => "praise",
            Intent::Lead => "lead",
            Intent::Other => "other",
        }
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<Intent> {
        Intent::ALL.into_iter().find(|i| i.as_str() == s)
    }
    /// Position in [`Intent::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How urgent a mention is, what it is, and why. Produced by [`crate::triage::triage`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Triage {
    /// 0 (ignore) to 100 (answer now).
    pub urgency: u8,
    /// Sentiment score, -1.0 (negative) to 1.0 (positive).
    pub sentiment: f32,
    /// The sentiment class.
    #[serde(default)]
    pub mood: Sentiment,
    /// What the author wants.
    #[serde(default)]
    pub intent: Intent,
    /// Whether it is a complaint (an expectation broken), whatever else it also is.
    #[serde(default)]
    pub complaint: bool,
    /// Whether someone should answer it.
    #[serde(default)]
    pub needs_reply: bool,
    /// Human-readable reasons, strongest first.
    pub reasons: Vec<String>,
}

/// What the owner said about a mention, overriding triage. Each call also teaches triage about
/// similar posts (see [`crate::triage::personal`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct OwnerCalls {
    /// Marked urgent (true) or not urgent (false).
    pub urgent: Option<bool>,
    /// The intent the owner set.
    pub intent: Option<Intent>,
}

/// A post, comment, article or review that talks about the business, as Earshot stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Mention {
    /// Row id in the local database (0 before it is stored).
    #[ts(type = "number")]
    pub id: i64,
    /// The network it came from.
    pub channel: Channel,
    /// The network's own id for it; with `channel`, the key that makes re-delivery harmless.
    pub external_id: String,
    /// The configured source that found it.
    #[ts(type = "number | null")]
    pub source_id: Option<i64>,
    /// Link to the original.
    pub url: Option<String>,
    /// Title of a story or article, when it has one.
    pub title: Option<String>,
    /// Who wrote it.
    pub author: Author,
    /// Plain text (HTML converted to text); render as text.
    pub text: String,
    /// Sanitised HTML, when the source gives HTML.
    pub html: Option<String>,
    /// When it was posted (unix seconds).
    #[ts(type = "number")]
    pub created_at: i64,
    /// When Earshot fetched it (unix seconds).
    #[ts(type = "number")]
    pub fetched_at: i64,
    /// The external id of the post it answers.
    pub reply_to: Option<String>,
    /// The external id of the thread's first post.
    pub thread_root: Option<String>,
    /// Language code, when the network reports it.
    pub lang: Option<String>,
    /// What answering it on its network needs.
    #[serde(default)]
    pub remote: Remote,
    /// Engagement counts.
    pub engagement: Engagement,
    /// The watch terms that matched, as the owner wrote them.
    pub matched_terms: Vec<String>,
    /// Urgency and reasons.
    pub triage: Triage,
    /// The owner's corrections of the triage.
    #[serde(default)]
    pub owner: OwnerCalls,
    /// Where the owner is with it.
    pub status: Status,
    /// Whether the owner has opened it.
    pub read: bool,
    /// The queue's bookkeeping: tags, helper, snooze, response clock.
    #[serde(default)]
    pub work: Work,
}

/// How a mention is being worked: what the queue and the response-time targets know of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Work {
    /// The owner's tags, sorted.
    pub tags: Vec<String>,
    /// The helper it is assigned to.
    pub assignee: Option<String>,
    /// When a snoozed mention comes back (unix seconds).
    #[ts(type = "number | null")]
    pub snooze_until: Option<i64>,
    /// When it was first answered, by a reply sent or marked answered (unix seconds).
    #[ts(type = "number | null")]
    pub first_response_at: Option<i64>,
    /// When it was last marked done (unix seconds).
    #[ts(type = "number | null")]
    pub done_at: Option<i64>,
    /// When the first-response target falls due (unix seconds).
    #[ts(type = "number | null")]
    pub due_at: Option<i64>,
    /// Close to or past its target while still unanswered: it rises in the urgent-first view.
    pub at_risk: bool,
    /// How many internal notes it has.
    pub notes: u32,
    /// A public reply to it was sent from Earshot.
    #[serde(default)]
    pub sent_public: bool,
    /// A private reply (direct message, email) to it was sent from Earshot.
    #[serde(default)]
    pub sent_private: bool,
}

impl Mention {
    /// A mention as a channel parser produces it: not yet matched, triaged or stored.
    pub fn new(
        channel: Channel,
        external_id: impl Into<String>,
        text: impl Into<String>,
    ) -> Mention {
        Mention {
            id: 0,
            channel,
            external_id: external_id.into(),
            source_id: None,
            url: None,
            title: None,
            author: Author::default(),
            text: text.into(),
            html: None,
            created_at: 0,
            fetched_at: 0,
            reply_to: None,
            thread_root: None,
            lang: None,
            remote: Remote::default(),
            engagement: Engagement::default(),
            matched_terms: Vec::new(),
            triage: Triage::default(),
            owner: OwnerCalls::default(),
            status: Status::New,
            read: false,
            work: Work::default(),
        }
    }

    /// Title and text together, the way matching and triage read a mention.
    pub fn full_text(&self) -> String {
        match &self.title {
            Some(t) if !t.is_empty() => format!("{t}\n{}", self.text),
            _ => self.text.clone(),
        }
    }
}

/// The network's own references a reply needs, beyond the external id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Remote {
    /// Content id of the post (Bluesky strong refs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<String>,
    /// Content id of the thread's first post (Bluesky), with `Mention::thread_root` its uri.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_cid: Option<String>,
    /// The author's stable id: a DID (Bluesky), an account id (Mastodon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    /// Whether it was addressed to the owner's account (a mention or reply notification).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub to_owner: bool,
    /// What it is on its network, where the network has several kinds (a comment, a reply to
    /// one, a review, a tag, a visitor post).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The star rating of a review, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// The network's id of the post it belongs to (a comment's post, a reply's comment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// The start of that post's text, for context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_text: Option<String>,
    /// The owner's reply already on the network (a review's reply).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_reply: Option<String>,
    /// Hidden on the network (a Facebook or Instagram comment the owner hid).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// The author's account is verified (X).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verified: bool,
    /// Files attached to an email, listed and never opened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message: its name and size, for the owner to see (Earshot never opens
/// it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Attachment {
    /// The file name the sender gave.
    pub name: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
}

/// What a mention is on its network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Kind {
    /// A post of its own (a visitor post on a Page).
    Post,
    /// A comment on a post.
    Comment,
    /// A reply to a comment.
    Reply,
    /// A review with a star rating.
    Review,
    /// A review the reviewer changed after writing it.
    EditedReview,
    /// A review that was there and is gone.
    DeletedReview,
    /// A post that tags the business.
    Tag,
    /// A private message.
    Message,
}

impl Kind {
    /// A word for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Comment => "comment",
            Kind::Reply => "reply",
            Kind::Review => "review",
            Kind::EditedReview => "edited review",
            Kind::DeletedReview => "deleted review",
            Kind::Tag => "tag",
            Kind::Message => "private message",
        }
    }
}

impl Remote {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == Remote::default()
    }
}
