//! Reddit, polled: new posts and comments in the subreddits the owner chose (`r/name` in the
//! source's queries), search results for the business's terms (posts only: Reddit's search does
//! not search comments), and — logged in — the owner's inbox (u/ mentions, replies to their posts
//! and comments, private messages). The subreddits are read together (`/r/a+b/new` and
//! `/r/a+b/comments`: two requests a poll however many are named). Each listing keeps its own
//! cursor (the newest time seen, and the ids already delivered from that second) and is paged
//! back to it. Reach is the author's karma (`/user/{name}/about`), on its own scale.
//! Near the end of the rate budget (`x-ratelimit-remaining`) the next poll waits for the reset.

pub mod client;
pub mod login;
pub mod parse;
pub mod reply;
pub mod wire;

pub use reply::send;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Batch, BatchFuture, ChannelError, Connector, Context};
use crate::model::{Business, Mention, SourceSpec};
use client::Client;

/// Seconds between polls when the source says nothing.
pub const DEFAULT_INTERVAL: u64 = 120;
/// The longest comment or message (characters).
pub const MAX_CHARS: u32 = 10_000;
const FIRST_LOOKBACK: i64 = 3 * 86_400;
const MAX_PAGES: usize = 5;
/// Karma looked up per poll at most (each is a call).
const KARMA_PER_POLL: usize = 30;

/// Where a Reddit source is: the newest time seen per listing.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// By listing (`/r/coffee/new`, `/search?q=…`, `/message/inbox`).
    pub newest: BTreeMap<String, i64>,
    /// By listing, the ids already delivered at that newest second: a listing read again gives
    /// them again (the newest second is read inclusively, so posts of the same second are not
    /// missed), and a quiet poll should hand the engine nothing, not a re-delivery to look up.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub at_newest: BTreeMap<String, Vec<String>>,
}

/// One listing read each poll: its cursor key, path, query, and whether it is the owner's inbox.
type Listing = (String, String, Vec<(String, String)>, bool);

/// The Reddit connector.
pub struct Reddit {
    spec: SourceSpec,
    client: Client,
    terms: Vec<String>,
    karma: HashMap<String, Option<i64>>,
    now: crate::clock::Clock,
    /// The business's words, lower-cased: karma is looked up only for posts that name it (a
    /// busy subreddit's other comments would spend the budget).
    words: Vec<String>,
}

/// The subreddits (`r/name` entries) and search terms (the rest) of a source.
pub fn split_queries(spec: &SourceSpec) -> (Vec<String>, Vec<String>) {
    let (subs, terms): (Vec<_>, Vec<_>) = spec
        .queries
        .iter()
        .map(|q| q.trim())
        .filter(|q| !q.is_empty())
        .partition(|q| q.starts_with("r/") || q.starts_with("/r/"));
    (
        subs.into_iter()
            .map(|s| {
                s.trim_start_matches('/')
                    .trim_start_matches("r/")
                    .to_string()
            })
            .filter(|s| !s.is_empty())
            .collect(),
        terms.into_iter().map(str::to_string).collect(),
    )
}

impl Reddit {
    /// A connector for `spec` (logged in when it names an account).
    pub fn new(
        spec: &SourceSpec,
        business: &Business,
        ctx: Context,
    ) -> Result<Reddit, ChannelError> {
        let (subs, mut terms) = split_queries(spec);
        if terms.is_empty() && !business.name.trim().is_empty() {
            terms.push(business.name.clone());
        }
        if subs.is_empty() && terms.is_empty() && spec.account.is_none() {
            return Err(ChannelError::Config(
                "name a subreddit (r/name) or a search term, or log in for your inbox".into(),
            ));
        }
        let words = std::iter::once(business.name.as_str())
            .chain(business.terms.iter().map(String::as_str))
            .map(|t| t.trim_start_matches(['@', '#']).to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        Ok(Reddit {
            words,
            now: ctx.clock.clone(),
            client: Client::new(spec, ctx),
            spec: spec.clone(),
            terms,
            karma: HashMap::new(),
        })
    }

    fn listings(&self) -> Vec<Listing> {
        let (subs, _) = split_queries(&self.spec);
        let mut out = Vec::new();
        if !subs.is_empty() {
            // Every subreddit in one request per listing (`/r/a+b/new`, as Reddit reads a
            // combined subreddit): a poll's cost does not grow with the subreddits named.
            let all = subs.join("+");
            for listing in ["new", "comments"] {
                let path = format!("/r/{all}/{listing}");
                out.push((path.clone(), path, Vec::new(), false));
            }
        }
        for t in &self.terms {
            let q = vec![
                ("q".to_string(), t.clone()),
                ("sort".into(), "new".into()),
                ("t".into(), "week".into()),
                ("type".into(), "link".into()),
            ];
            out.push((format!("/search?q={t}"), "/search".into(), q, false));
        }
        if self.client.logged_in() {
            out.push((
                "/message/inbox".into(),
                "/message/inbox".into(),
                Vec::new(),
                true,
            ));
        }
        out
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.now.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        let mut mentions: Vec<Mention> = Vec::new();
        for (key, path, query, to_owner) in self.listings() {
            let floor = cur
                .newest
                .get(&key)
                .copied()
                .or_else(|| earlier_floor(&cur, &key))
                .unwrap_or(now - FIRST_LOOKBACK);
            let seen = cur.at_newest.get(&key).cloned().unwrap_or_default();
            let mut newest = floor;
            let start = mentions.len();
            let mut after: Option<String> = None;
            'pages: for _ in 0..MAX_PAGES {
                let mut q: Vec<(&str, &str)> = query
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                q.push(("limit", "100"));
                if let Some(a) = &after {
                    q.push(("after", a.as_str()));
                }
                let body = self.client.get(&path, &q).await?;
                let (page, next) = parse::parse_listing(&body, to_owner, now)?;
                let mut older = false;
                for m in page {
                    if m.created_at < floor {
                        older = true;
                        continue;
                    }
                    if m.created_at == floor && seen.contains(&m.external_id) {
                        continue;
                    }
                    newest = newest.max(m.created_at);
                    mentions.push(m);
                }
                match next {
                    Some(n) if !older => after = Some(n),
                    _ => break 'pages,
                }
            }
            cur.newest.insert(key.clone(), newest);
            let at_newest = super::ids_at_newest(
                floor,
                seen,
                newest,
                mentions[start..]
                    .iter()
                    .map(|m| (m.external_id.as_str(), m.created_at)),
            );
            cur.at_newest.insert(key, at_newest);
        }
        // Keys of listings no longer read (one subreddit a request, before they were combined).
        let keys: Vec<String> = self.listings().into_iter().map(|l| l.0).collect();
        cur.newest.retain(|k, _| keys.contains(k));
        cur.at_newest.retain(|k, _| keys.contains(k));
        let mut looked = 0;
        for m in &mut mentions {
            let name = m.remote.author_id.clone().unwrap_or_default();
            if name.is_empty() || name == "[deleted]" {
                continue;
            }
            let text = m.full_text().to_lowercase();
            if !m.remote.to_owner && !self.words.iter().any(|w| text.contains(w.as_str())) {
                continue;
            }
            if !self.karma.contains_key(&name) {
                if looked >= KARMA_PER_POLL {
                    continue;
                }
                looked += 1;
                let k = match self.client.get(&format!("/user/{name}/about"), &[]).await {
                    Ok(body) => serde_json::from_slice::<wire::About>(&body)
                        .ok()
                        .and_then(|a| {
                            a.data
                                .total_karma
                                .or(match (a.data.link_karma, a.data.comment_karma) {
                                    (None, None) => None,
                                    (l, c) => Some(l.unwrap_or(0) + c.unwrap_or(0)),
                                })
                        }),
                    Err(ChannelError::RateLimited { .. }) => break,
                    Err(_) => None,
                };
                self.karma.insert(name.clone(), k);
            }
            m.author.karma = self.karma.get(&name).copied().flatten();
        }
        Ok(Batch {
            mentions,
            cursor: serde_json::to_string(&cur).ok(),
            wait: self.client.budget.wait(),
            polled: false,
            limited: None,
            detail: self.client.budget.describe(),
            warning: None,
        })
    }
}

/// For a combined listing (`/r/a+b/new`) without a cursor of its own, the oldest of its
/// subreddits' cursors from when each was read alone, so nothing between is missed.
fn earlier_floor(cur: &Cursor, key: &str) -> Option<i64> {
    let rest = key.strip_prefix("/r/")?;
    let (subs, listing) = rest.rsplit_once('/')?;
    subs.split('+')
        .map(|s| cur.newest.get(&format!("/r/{s}/{listing}")).copied())
        .collect::<Option<Vec<i64>>>()?
        .into_iter()
        .min()
}

impl Connector for Reddit {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.poll(cursor))
    }
}
