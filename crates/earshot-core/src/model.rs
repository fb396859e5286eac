//! The domain: a [`Mention`] of the business found on a [`Channel`], the [`Author`] who wrote it,
//! the [`Triage`] that ranks it, and the [`Source`]s and [`Business`] profile that say where to
//! look and what to look for. These types are also the DTOs the desktop UI receives (TypeScript
//! types are generated from them by ts-rs), so timestamps are unix seconds as plain numbers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where to write the generated TypeScript types, relative to this crate.
pub const TS_EXPORT_DIR: &str = "../../../ui/src/lib/bindings/";

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
}

impl Channel {
    /// The stable name stored in SQLite and printed by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Hackernews => "hackernews",
            Channel::Rss => "rss",
            Channel::Mastodon => "mastodon",
            Channel::Bluesky => "bluesky",
        }
    }

    /// Parses the stored name; `None` for a name this build does not know.
    pub fn parse(s: &str) -> Option<Channel> {
        match s {
            "hackernews" => Some(Channel::Hackernews),
            "rss" => Some(Channel::Rss),
            "mastodon" => Some(Channel::Mastodon),
            "bluesky" => Some(Channel::Bluesky),
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
}

impl Remote {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == Remote::default()
    }
}

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
}

/// The business being watched for: its name and the terms people use for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Business {
    /// The business's name; always a watch term.
    pub name: String,
    /// Further terms: handles (`@name`), hashtags (`#name`), domains, keywords.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Phrases whose occurrences do not count ("brightside of life").
    #[serde(default)]
    pub exclusions: Vec<String>,
}

/// The kinds of source this build can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum SourceKind {
    /// Hacker News via Algolia search.
    Hackernews,
    /// An RSS or Atom feed.
    Rss,
    /// A Mastodon instance: hashtag timelines, and with a login mentions and search.
    Mastodon,
    /// Bluesky: Jetstream, and with a login notifications and search.
    Bluesky,
}

impl SourceKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Hackernews => "hackernews",
            SourceKind::Rss => "rss",
            SourceKind::Mastodon => "mastodon",
            SourceKind::Bluesky => "bluesky",
        }
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "hackernews" => Some(SourceKind::Hackernews),
            "rss" => Some(SourceKind::Rss),
            "mastodon" => Some(SourceKind::Mastodon),
            "bluesky" => Some(SourceKind::Bluesky),
            _ => None,
        }
    }
}

/// A configured channel instance: what to fetch, how often, and from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct SourceSpec {
    /// Which connector runs it.
    pub kind: SourceKind,
    /// A unique name for people ("Hacker News", "Google Alert: Brightside").
    pub name: String,
    /// Feed address (rss).
    #[serde(default)]
    pub url: Option<String>,
    /// Search queries (hackernews; mastodon and bluesky catch-up search); hashtags to follow
    /// (mastodon, without `#`). Derived from the business profile when empty.
    #[serde(default)]
    pub queries: Vec<String>,
    /// The instance (mastodon, required), or another server to talk to instead of the real
    /// network (the simulator).
    #[serde(default)]
    pub base_url: Option<String>,
    /// The account logged in on this source (`name@instance` on Mastodon, the handle on
    /// Bluesky). Its token lives in the OS keychain, never here.
    #[serde(default)]
    pub account: Option<String>,
    /// Seconds between polls.
    #[serde(default)]
    pub interval_secs: Option<u32>,
    /// Keep only items that match a watch term. Defaults to true; set false for a feed that is
    /// entirely about the business (its own review feed).
    #[serde(default)]
    pub require_match: Option<bool>,
    /// Bluesky: the account's PDS (default: the one its DID document names, found at login).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub pds: Option<String>,
    /// Bluesky: the AppView for profiles, search and handle resolution (default: Bluesky's
    /// public one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub appview: Option<String>,
    /// Bluesky: the Jetstream address (default: one of Bluesky's public instances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub jetstream: Option<String>,
    /// Bluesky: the PLC directory that `did:plc` documents come from (default:
    /// plc.directory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub plc: Option<String>,
}

impl SourceSpec {
    /// A source of `kind` named `name`, everything else left to its defaults.
    pub fn new(kind: SourceKind, name: impl Into<String>) -> SourceSpec {
        SourceSpec {
            kind,
            name: name.into(),
            url: None,
            queries: Vec::new(),
            base_url: None,
            account: None,
            interval_secs: None,
            require_match: None,
            pds: None,
            appview: None,
            jetstream: None,
            plc: None,
        }
    }
}

/// A source as stored, with its cursor and health.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Source {
    /// Row id.
    #[ts(type = "number")]
    pub id: i64,
    /// What it is.
    pub spec: SourceSpec,
    /// Whether it runs.
    pub enabled: bool,
    /// Where the next poll resumes (opaque to everything but its connector).
    pub cursor: Option<String>,
    /// How it is doing.
    pub health: Health,
}

/// Why the desktop app could not open its database, for the window that offers a way out
/// (restore the newest good backup, show the data folder, quit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct StartupProblem {
    /// `damaged` (damaged, or not an Earshot database), `newer` (written by a newer Earshot)
    /// or `other`.
    pub code: String,
    /// What happened, for people (names the file).
    pub message: String,
    /// The data folder.
    pub data_dir: String,
    /// How many daily backups the data folder holds.
    pub backups: u32,
}

/// A source's health, as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(tag = "state", rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Health {
    /// Not polled yet.
    #[default]
    Idle,
    /// The last poll worked.
    Ok {
        /// When (unix seconds).
        #[ts(type = "number")]
        at: i64,
    },
    /// The last poll failed; retrying with backoff.
    Error {
        /// What went wrong, for people.
        reason: String,
        /// When (unix seconds).
        #[ts(type = "number")]
        at: i64,
        /// When the next try is due (unix seconds).
        #[ts(type = "number")]
        retry_at: i64,
    },
    /// The network refused the login (expired or revoked token, changed password): the source
    /// stops until the owner logs in again, instead of retrying forever.
    NeedsLogin {
        /// What the network said, for people.
        reason: String,
        /// When (unix seconds).
        #[ts(type = "number")]
        at: i64,
    },
    /// The last check worked, with less than the owner asked for (say, listening without the
    /// account because the system keychain cannot be reached); `reason` says what is missing.
    Limited {
        /// What is missing and why, for people.
        reason: String,
        /// When (unix seconds).
        #[ts(type = "number")]
        at: i64,
    },
    /// The network asked us to wait.
    RateLimited {
        /// Until when (unix seconds).
        #[ts(type = "number")]
        until: i64,
    },
}

/// A unix timestamp as RFC 3339 UTC ("2026-11-22T13:21:00Z").
pub fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
