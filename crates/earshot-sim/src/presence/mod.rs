//! The networks where the business has a presence of its own: its Facebook Page, its Instagram
//! business account (Graph API, under `/graph/v19.0`) and its Google Business Profile reviews
//! and its YouTube channel (under `/google`, Google's own layout), shaped like the fixtures in `fixtures/{facebook,instagram,google_business}`.
//!
//! - Graph: `GET /{page}/feed`, `/{page}/tagged`, `/{post}/comments` (with `filter=stream`,
//!   `order`, `limit`, `after` paging), `/?ids=`, `/{ig}/media`, `/{ig}/tags`,
//!   `/{media}/comments` (with `replies` nested), `/{comment}/replies`, `/{ig}?fields=…`
//!   (username, business discovery); `POST /{object}/comments`, `/{comment}/replies`,
//!   `/me/messages` (private replies: one per comment, #10900 after), `/{comment}` (hide);
//!   Facebook Login for Devices (`/device/login`, `/device/login_status`, approved at the second
//!   poll) and `GET /me/accounts`. Every answer carries `x-app-usage`; an unknown token gets the
//!   #190 error, as Meta answers.
//! - Google: `/o/oauth2/v2/auth` (approves at once and redirects), `POST /token` (PKCE S256,
//!   refresh), `GET /v1/accounts`, `/v1/accounts/{a}/locations`,
//!   `/v4/accounts/{a}/locations/{l}/reviews` (`pageSize`, `pageToken`), `PUT` and `DELETE
//!   …/reviews/{r}/reply`.
//!
//! Items appear at their scripted offset, or at once through `POST /_sim/post` with `net`
//! `facebook`, `instagram` or `google_reviews`; `raw` fields are merged into the item's JSON as
//! they are, as a hostile or broken server would send them. Writes are recorded with the other
//! networks' (`GET /_sim/writes`).

pub(crate) mod google;
mod graph;
mod graph_writes;
mod script;
mod youtube;

pub(crate) use google::routes as google_routes;
pub(crate) use graph::routes as graph_routes;
pub use script::script;
pub(crate) use youtube::routes as youtube_routes;

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, RwLock};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lock;

/// The simulated Page's id.
pub const PAGE_ID: &str = "104000000000001";
/// The Page's name.
pub const PAGE_NAME: &str = "Brightside Coffee";
/// The Page's token (what `/me/accounts` hands out).
pub const PAGE_TOKEN: &str = "EAAsimPageTokenBrightside";
/// The app token the device login takes (`{app-id}|{client-token}`).
pub const APP_TOKEN: &str = "1234567890|simclienttoken";
/// The Instagram business account's id.
pub const IG_ID: &str = "17841400000000001";
/// Its username.
pub const IG_USERNAME: &str = "brightsidecoffee";
/// The Google Business Profile account.
pub const GOOGLE_ACCOUNT: &str = "accounts/108000000000000000001";
/// The OAuth client id the simulated Google accepts.
pub const GOOGLE_CLIENT_ID: &str = "sim-client.apps.googleusercontent.com";
/// A refresh token the simulated Google knows from a login made before the simulator started
/// (for runs that put a login in the keychain themselves, like the crash trial).
pub const GOOGLE_REFRESH_TOKEN: &str = "1//sim-refresh-standing";
/// The owner's YouTube channel.
pub const YT_CHANNEL: &str = "UCbrightsideCoffeeSim01";
/// The location's id and title.
pub const LOCATION: (&str, &str) = ("4000000000000000001", "Brightside Coffee — Division St");

/// Which of the three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Where {
    /// The Page.
    Facebook,
    /// The Instagram account.
    Instagram,
    /// Google reviews.
    GoogleReviews,
    /// The YouTube channel (comments on its videos) and other channels' videos (tags).
    Youtube,
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A post on the Page (the Page's own or a visitor's), or the account's own media.
    Post,
    /// A comment or a reply (with `parent`).
    Comment,
    /// A post or media by someone else that tags the business.
    Tag,
    /// A review.
    Review,
}

/// One post, comment, media or review.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Where.
    pub at: Where,
    /// What.
    pub kind: ItemKind,
    /// Its id.
    pub id: String,
    /// The post or media a comment is on.
    pub post: Option<String>,
    /// The comment a reply answers.
    pub parent: Option<String>,
    /// The author's id.
    pub author_id: String,
    /// The author's name or username.
    pub author: String,
    /// Followers (Instagram business discovery; `None`: a personal account).
    pub followers: Option<i64>,
    /// Text.
    pub text: String,
    /// Stars, for a review.
    pub rating: Option<u8>,
    /// Seconds after start when it appears.
    pub offset_secs: i64,
    /// How long before start it was written (items present at start).
    pub backdate_secs: i64,
    /// Seconds after start when the author edited it (a review), if they did.
    pub edited_secs: Option<i64>,
    /// The text after the edit.
    pub edited_text: Option<String>,
    /// Stars after the edit.
    pub edited_rating: Option<u8>,
    /// Fields merged into its JSON as they are.
    pub raw: Option<Value>,
    /// When it was injected (milliseconds since start).
    pub emitted_ms: Option<u128>,
}

pub(crate) struct Presence {
    items: RwLock<Vec<Item>>,
    start: i64,
    started: Instant,
    reveal_all: bool,
    next: Mutex<u64>,
    hidden: Mutex<HashSet<String>>,
    private_replied: Mutex<HashSet<String>>,
    replies: Mutex<HashMap<String, (String, i64)>>,
    device_polls: Mutex<HashMap<String, u32>>,
    google_codes: Mutex<HashMap<String, String>>,
    google_tokens: Mutex<HashSet<String>>,
    /// Whose sign-in a code, refresh or access token is (the `login_hint`; the business's
    /// mailbox unless another was named): what `tokeninfo` and the mail servers see.
    google_emails: Mutex<HashMap<String, String>>,
    refresh_tokens: Mutex<HashSet<String>>,
    calls: Mutex<Vec<Instant>>,
    page_token_expired: Mutex<bool>,
    youtube_quota_out: Mutex<bool>,
}

impl Presence {
    pub(crate) fn new(seed: u64, reveal_all: bool, start: i64, started: Instant) -> Presence {
        Presence {
            items: RwLock::new(script::script(seed)),
            start,
            started,
            reveal_all,
            next: Mutex::new(0),
            hidden: Mutex::new(HashSet::new()),
            private_replied: Mutex::new(HashSet::new()),
            replies: Mutex::new(HashMap::new()),
            device_polls: Mutex::new(HashMap::new()),
            google_codes: Mutex::new(HashMap::new()),
            google_tokens: Mutex::new(HashSet::new()),
            google_emails: Mutex::new(HashMap::new()),
            refresh_tokens: Mutex::new(HashSet::from([GOOGLE_REFRESH_TOKEN.to_string()])),
            calls: Mutex::new(Vec::new()),
            page_token_expired: Mutex::new(false),
            youtube_quota_out: Mutex::new(false),
        }
    }

    fn elapsed(&self) -> i64 {
        self.started.elapsed().as_secs() as i64
    }

    fn now(&self) -> i64 {
        self.start + self.elapsed()
    }

    /// The items visible now.
    fn visible(&self, at: Where) -> Vec<Item> {
        let e = self.elapsed();
        self.items
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter(|i| {
                i.at == at && (self.reveal_all || i.offset_secs <= e || i.emitted_ms.is_some())
            })
            .cloned()
            .collect()
    }

    /// When it was written. With everything revealed at once, the script is laid out before
    /// the start (in order), so nothing is dated in the future.
    fn created(&self, i: &Item) -> i64 {
        self.start + self.shift(i.offset_secs, i.emitted_ms.is_some()) - i.backdate_secs
    }

    fn shift(&self, offset: i64, injected: bool) -> i64 {
        if self.reveal_all && !injected {
            offset - script::SPAN
        } else {
            offset
        }
    }

    /// When the item last changed: its edit, once that time has come.
    fn edited(&self, i: &Item) -> Option<i64> {
        let at = i.edited_secs?;
        (self.reveal_all || at <= self.elapsed()).then_some(self.start + self.shift(at, false))
    }

    /// The address an access token was issued for, while it is valid.
    pub(crate) fn bearer_email(&self, token: &str) -> Option<String> {
        if !lock(&self.google_tokens).contains(token) {
            return None;
        }
        Some(
            lock(&self.google_emails)
                .get(token)
                .cloned()
                .unwrap_or_else(|| crate::mail::MAIL_USER.to_string()),
        )
    }

    fn seq(&self) -> u64 {
        let mut n = lock(&self.next);
        *n += 1;
        *n
    }

    fn push(&self, item: Item) -> Item {
        self.items
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .push(item.clone());
        item
    }

    /// `x-app-usage` (calls in the last minute as a share of a budget of 200) and
    /// `x-business-use-case-usage` (the Page's share, by Page id, as Meta sends it).
    fn usage(&self) -> (String, String) {
        let mut calls = lock(&self.calls);
        let now = Instant::now();
        calls.retain(|t| now.duration_since(*t).as_secs() < 60);
        calls.push(now);
        let pct = (calls.len() * 100 / 200).min(100);
        let app = format!(
            r#"{{"call_count":{pct},"total_cputime":{},"total_time":{}}}"#,
            pct / 2,
            pct / 2
        );
        let page = format!(
            r#"{{"{PAGE_ID}":[{{"type":"pages","call_count":{pct},"total_cputime":{},"total_time":{},"estimated_time_to_regain_access":0}}]}}"#,
            pct / 2,
            pct / 2
        );
        (app, page)
    }

    /// What listening to the Page, the Instagram account and the reviews must store: every
    /// visible comment, visitor post, tag and review that is not the business's own, as
    /// (channel, external id).
    pub(crate) fn truth(&self) -> std::collections::BTreeSet<(String, String)> {
        [Where::Facebook, Where::Instagram, Where::GoogleReviews]
            .into_iter()
            .flat_map(|w| self.visible(w))
            .filter(|i| i.author_id != PAGE_ID && i.author_id != IG_ID)
            .map(|i| {
                let channel = match i.at {
                    Where::Facebook => "facebook",
                    Where::Instagram => "instagram",
                    Where::GoogleReviews => "google_reviews",
                    Where::Youtube => "youtube",
                };
                (channel.to_string(), i.id)
            })
            .collect()
    }

    /// What listening to the YouTube channel must store: every visible comment and reply not
    /// the channel's own, and every other channel's video found by search.
    pub(crate) fn youtube_truth(&self) -> std::collections::BTreeSet<(String, String)> {
        self.visible(Where::Youtube)
            .into_iter()
            .filter(|i| i.author_id != YT_CHANNEL)
            .map(|i| ("youtube".to_string(), i.id))
            .collect()
    }

    pub(crate) fn items(&self) -> Vec<Item> {
        self.items.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub(crate) fn delete(&self, id: &str) {
        self.items
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|i| i.id != id);
    }

    pub(crate) fn private_replied_elsewhere(&self, comment: &str) {
        lock(&self.private_replied).insert(comment.to_string());
    }

    pub(crate) fn set_youtube_quota_out(&self, out: bool) {
        *lock(&self.youtube_quota_out) = out;
    }

    pub(crate) fn set_page_token_expired(&self, expired: bool) {
        *lock(&self.page_token_expired) = expired;
    }

    /// A new item now (`/_sim/post`).
    pub(crate) fn inject(&self, p: &InjectItem) -> Item {
        let seq = self.seq();
        let at = p.at;
        let kind = p.kind.unwrap_or(match at {
            Where::GoogleReviews => ItemKind::Review,
            _ => ItemKind::Comment,
        });
        let id = match (at, kind) {
            (Where::Facebook, ItemKind::Comment) => {
                let post = p
                    .post
                    .clone()
                    .unwrap_or_else(|| script::FB_POST.to_string());
                format!(
                    "{}_{}",
                    post.rsplit('_').next().unwrap_or(&post),
                    990_000_000 + seq
                )
            }
            (Where::Facebook, _) => format!("{PAGE_ID}_{}", 880_000_000 + seq),
            (Where::Instagram, _) => format!("178{:014}", 500_000 + seq),
            (Where::GoogleReviews, _) => format!("sim-review-{seq}"),
            (Where::Youtube, ItemKind::Comment) => format!("UgzSim{seq:08}AaABAg"),
            (Where::Youtube, _) => format!("vidSim{seq:05}"),
        };
        let post = match (at, kind) {
            (Where::Facebook, ItemKind::Comment) => Some(
                p.post
                    .clone()
                    .unwrap_or_else(|| script::FB_POST.to_string()),
            ),
            (Where::Instagram, ItemKind::Comment) => Some(
                p.post
                    .clone()
                    .unwrap_or_else(|| script::IG_MEDIA.to_string()),
            ),
            (Where::Youtube, ItemKind::Comment) => Some(
                p.post
                    .clone()
                    .unwrap_or_else(|| script::YT_VIDEO.to_string()),
            ),
            _ => None,
        };
        self.push(Item {
            at,
            kind,
            id,
            post,
            parent: p.parent.clone(),
            author_id: format!("{}", 7_000_000_000u64 + seq),
            author: p.handle.clone().unwrap_or_else(|| "Visitor".into()),
            followers: p.followers,
            text: p.text.clone(),
            rating: p.rating,
            offset_secs: self.elapsed(),
            backdate_secs: 0,
            edited_secs: None,
            edited_text: None,
            edited_rating: None,
            raw: p.raw.clone(),
            emitted_ms: Some(self.started.elapsed().as_millis()),
        })
    }
}

/// What `/_sim/post` takes for these networks.
#[derive(Debug, Clone, Deserialize)]
pub struct InjectItem {
    /// Where.
    #[serde(rename = "net")]
    pub at: Where,
    /// What (default: a comment, or a review on Google).
    #[serde(default)]
    pub kind: Option<ItemKind>,
    /// The author's name or username.
    #[serde(default)]
    pub handle: Option<String>,
    /// Text.
    pub text: String,
    /// Followers.
    #[serde(default)]
    pub followers: Option<i64>,
    /// Stars.
    #[serde(default)]
    pub rating: Option<u8>,
    /// The post or media it comments on (default: the scripted announcement).
    #[serde(default)]
    pub post: Option<String>,
    /// The comment it replies to.
    #[serde(default)]
    pub parent: Option<String>,
    /// Fields merged into the JSON as they are.
    #[serde(default)]
    pub raw: Option<Value>,
}

/// Merges `raw` over an item's JSON as it is (objects into objects).
fn merge(v: Value, raw: &Option<Value>) -> Value {
    crate::social::merge_raw(v, raw.as_ref())
}

/// Graph times: `2024-05-14T07:20:32+0000`.
fn graph_time(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S+0000")
        .to_string()
}
