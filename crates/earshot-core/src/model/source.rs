//! The business, the sources that listen for it, their health, and why Earshot could not start.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// A Facebook Page (its token from Facebook Login for Devices).
    Facebook,
    /// An Instagram business or creator account linked to a Page.
    Instagram,
    /// The reviews of a Google Business Profile account's locations.
    #[serde(rename = "google_reviews")]
    #[ts(rename = "google_reviews")]
    GoogleReviews,
    /// Reddit: subreddits (`r/name` in the queries), search, and with a login the inbox.
    Reddit,
    /// YouTube: the owner's channel (a Google login) and searches for the business.
    Youtube,
    /// X: mentions of the owner's account and recent search (the owner's own API access).
    X,
    /// An email inbox: IMAP (IDLE) to hear, SMTP to answer.
    Email,
}

impl SourceKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Hackernews => "hackernews",
            SourceKind::Rss => "rss",
            SourceKind::Mastodon => "mastodon",
            SourceKind::Bluesky => "bluesky",
            SourceKind::Facebook => "facebook",
            SourceKind::Instagram => "instagram",
            SourceKind::GoogleReviews => "google_reviews",
            SourceKind::Reddit => "reddit",
            SourceKind::Youtube => "youtube",
            SourceKind::X => "x",
            SourceKind::Email => "email",
        }
    }
    /// Parses the stored name.
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s {
            "hackernews" => Some(SourceKind::Hackernews),
            "rss" => Some(SourceKind::Rss),
            "mastodon" => Some(SourceKind::Mastodon),
            "bluesky" => Some(SourceKind::Bluesky),
            "facebook" => Some(SourceKind::Facebook),
            "instagram" => Some(SourceKind::Instagram),
            "google_reviews" => Some(SourceKind::GoogleReviews),
            "reddit" => Some(SourceKind::Reddit),
            "youtube" => Some(SourceKind::Youtube),
            "x" => Some(SourceKind::X),
            "email" => Some(SourceKind::Email),
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
    /// Facebook and Instagram: the app (`{app-id}|{client-token}`) for Facebook Login for
    /// Devices; Google reviews: the OAuth client id. Not a secret: apps ship them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_id: Option<String>,
    /// X: the most posts to read in a calendar month (X bills reads); polling pauses there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub monthly_cap: Option<u32>,
    /// Email: the IMAP server, `imaps://host:993` (TLS) or `imap://host:143` (STARTTLS; plain
    /// only on this computer's own addresses, for a local bridge).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub imap: Option<String>,
    /// Email: the SMTP server for replies, `smtps://host:465` (TLS) or `smtp://host:587`
    /// (STARTTLS; plain only on this computer's own addresses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub smtp: Option<String>,
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
            client_id: None,
            monthly_cap: None,
            imap: None,
            smtp: None,
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
    /// `damaged` (damaged, or not an Earshot database), `newer` (written by a newer Earshot),
    /// `team` (this computer is on a team whose database cannot be reached) or `other`.
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
        /// What it costs, for people (a stream's bytes per hour and compression).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        detail: Option<String>,
        /// Working, but the owner should act soon: a login that ends in days, a source that
        /// used to be busy and has gone quiet. The banner shows it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        warning: Option<String>,
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
