//! A Facebook Page through the Graph API, polled (webhooks need a public HTTPS address, which a
//! desktop does not have).
//!
//! Each poll reads the Page's newest posts (`GET /{page}/feed`, one call): a post by someone
//! else is a visitor post. A post's `updated_time` moves when someone comments, so comments
//! (`GET /{post}/comments?filter=stream&order=reverse_chronological`) are read only for posts
//! that changed since the last look, back to that post's own cursor. Posts that have left the
//! first page are still followed for 30 days, checked together in one `?ids=` call at most
//! once an hour: busy and recent posts are read every poll, old and quiet ones rarely. Posts
//! that tag the Page come from `GET /{page}/tagged`. Near the rate budget (`x-app-usage`,
//! `x-business-use-case-usage`) the poll slows down.
//!
//! Mentions of the Page inside other people's comments reach apps only by webhook; Earshot
//! cannot hear those.

pub mod login;
pub mod parse;
pub mod reply;
pub mod wire;

pub use reply::{hide, send};

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::graph::{self, Graph, List};
use super::{Batch, BatchFuture, ChannelError, Connector, Context};
use crate::model::{Kind, Mention, SourceSpec};
use parse::PostRef;
use wire::{Comment, Post, Updated};

/// Seconds between polls when the source says nothing.
pub const DEFAULT_INTERVAL: u64 = 120;
/// How far back the first poll looks.
const FIRST_LOOKBACK: i64 = 7 * 86_400;
/// How long a post is followed after its last activity.
const FOLLOW_FOR: i64 = 30 * 86_400;
/// How often posts off the first page are checked.
const OLD_POST_EVERY: i64 = 3600;
/// Posts followed at most.
const MAX_FOLLOWED: usize = 200;
/// Comment pages read per post per poll.
const MAX_PAGES: usize = 10;

/// Where a Page source is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// Visitor posts and tags older than this are already in.
    pub since: i64,
    /// The posts followed, by id.
    pub posts: BTreeMap<String, Followed>,
    /// When posts off the first page were last checked.
    pub old_checked: i64,
}

/// One followed post.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Followed {
    /// `updated_time` when its comments were last read.
    pub updated: i64,
    /// The newest comment seen.
    pub newest: i64,
    /// The start of its text (for context beside its comments).
    #[serde(default)]
    pub text: String,
    /// Its address.
    #[serde(default)]
    pub url: Option<String>,
    /// When its comments were last read (this computer's clock).
    #[serde(default)]
    pub checked: i64,
}

impl Followed {
    /// Whether its comments need reading: it changed since they were last read, or they were
    /// read within the second of its last change (Graph times are whole seconds, so another
    /// comment of that second may have come after the read).
    fn due(&self, updated: i64) -> bool {
        self.updated == 0 || updated > self.updated || self.checked <= self.updated + 1
    }
}

/// The Page connector.
pub struct Facebook {
    spec: SourceSpec,
    page_id: String,
    ctx: Context,
}

impl Facebook {
    /// A connector for a logged-in Page source (`account` is the Page id).
    pub fn new(spec: &SourceSpec, ctx: Context) -> Result<Facebook, ChannelError> {
        let page_id = page_of(spec)?;
        Ok(Facebook {
            spec: spec.clone(),
            page_id,
            ctx,
        })
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.ctx.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_else(|| Cursor {
                since: now - FIRST_LOOKBACK,
                ..Cursor::default()
            });
        let mut g = Graph::for_source(&self.spec, &self.ctx).await?;
        let page = self.page_id.clone();
        let feed: List<Post> = g
            .get(
                &format!("{page}/feed"),
                &[
                    ("fields", "id,message,created_time,updated_time,permalink_url,from{id,name},comments.summary(true).limit(0),reactions.summary(true).limit(0),shares"),
                    ("limit", "25"),
                ],
            )
            .await?;
        let mut mentions = Vec::new();
        let mut due: Vec<(String, i64)> = Vec::new();
        let mut newest_post = cur.since;
        for p in &feed.data {
            let Some(id) = p.id.clone() else { continue };
            let created = p
                .created_time
                .as_deref()
                .and_then(graph::parse_time)
                .unwrap_or(now);
            let updated = p
                .updated_time
                .as_deref()
                .and_then(graph::parse_time)
                .unwrap_or(created);
            if created >= cur.since {
                if let Some(m) = parse::post_to_mention(p, &page, Kind::Post, now) {
                    mentions.push(m);
                }
                newest_post = newest_post.max(created);
            }
            if now - updated > FOLLOW_FOR {
                continue;
            }
            let f = cur.posts.entry(id.clone()).or_insert_with(|| Followed {
                updated: 0,
                newest: cur.since,
                text: graph::snippet(p.message.as_deref().unwrap_or_default()).unwrap_or_default(),
                url: p.permalink_url.clone(),
                checked: 0,
            });
            if f.due(updated) {
                due.push((id, updated));
            }
        }
        // Followed posts that left the first page: one `?ids=` call an hour.
        let on_page: std::collections::HashSet<&str> =
            feed.data.iter().filter_map(|p| p.id.as_deref()).collect();
        let off: Vec<String> = cur
            .posts
            .keys()
            .filter(|k| !on_page.contains(k.as_str()))
            .cloned()
            .collect();
        if !off.is_empty() && now - cur.old_checked >= OLD_POST_EVERY {
            for chunk in off.chunks(50) {
                let ids = chunk.join(",");
                let got: BTreeMap<String, Updated> = g
                    .get("", &[("ids", ids.as_str()), ("fields", "updated_time")])
                    .await?;
                for (id, u) in got {
                    let updated = u
                        .updated_time
                        .as_deref()
                        .and_then(graph::parse_time)
                        .unwrap_or(0);
                    if cur.posts.get(&id).is_some_and(|f| f.due(updated)) {
                        due.push((id, updated));
                    }
                }
            }
            cur.old_checked = now;
        }
        drop(on_page);
        for (id, updated) in due {
            let f = cur.posts.get(&id).cloned().unwrap_or_default();
            let post = PostRef {
                id: id.clone(),
                text: f.text.clone(),
                url: f.url.clone(),
            };
            let (got, newest) = self.comments(&mut g, &post, f.newest, now).await?;
            mentions.extend(got);
            if let Some(e) = cur.posts.get_mut(&id) {
                e.updated = updated;
                e.newest = e.newest.max(newest);
                e.checked = now;
            }
        }
        // Posts that tag the Page.
        let tagged: List<Post> = g
            .get(
                &format!("{page}/tagged"),
                &[
                    (
                        "fields",
                        "id,message,created_time,permalink_url,from{id,name}",
                    ),
                    ("limit", "25"),
                ],
            )
            .await?;
        for p in &tagged.data {
            let created = p
                .created_time
                .as_deref()
                .and_then(graph::parse_time)
                .unwrap_or(now);
            if created >= cur.since {
                if let Some(m) = parse::post_to_mention(p, &page, Kind::Tag, now) {
                    newest_post = newest_post.max(created);
                    mentions.push(m);
                }
            }
        }
        cur.since = newest_post;
        // Forget posts quiet for longer than they are followed, and the oldest beyond the cap.
        cur.posts
            .retain(|_, f| now - f.updated.max(f.newest) <= FOLLOW_FOR);
        while cur.posts.len() > MAX_FOLLOWED {
            let oldest = cur
                .posts
                .iter()
                .min_by_key(|(_, f)| f.updated.max(f.newest))
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => cur.posts.remove(&k),
                None => break,
            };
        }
        Ok(finish(&self.spec, mentions, &cur, &g, now))
    }

    /// A post's comments newer than `since` (newest first, paged), and the newest time seen.
    async fn comments(
        &self,
        g: &mut Graph,
        post: &PostRef,
        since: i64,
        now: i64,
    ) -> Result<(Vec<Mention>, i64), ChannelError> {
        let mut out = Vec::new();
        let mut newest = since;
        let mut path = format!("{}/comments", post.id);
        let mut query: Vec<(&str, &str)> = vec![
            ("filter", "stream"),
            ("order", "reverse_chronological"),
            ("fields", "id,message,created_time,from{id,name},parent{id},permalink_url,like_count,comment_count,is_hidden"),
            ("limit", "50"),
        ];
        for _ in 0..MAX_PAGES {
            let list: List<Comment> = g.get(&path, &query).await?;
            let mut older = false;
            for c in &list.data {
                let t = c
                    .created_time
                    .as_deref()
                    .and_then(graph::parse_time)
                    .unwrap_or(now);
                if t < since {
                    older = true;
                    continue;
                }
                newest = newest.max(t);
                if let Some(m) = parse::comment_to_mention(c, post, &self.page_id, now) {
                    out.push(m);
                }
            }
            match list.paging.and_then(|p| p.next) {
                Some(next) if !older && !list.data.is_empty() => {
                    path = next;
                    query.clear();
                }
                _ => break,
            }
        }
        Ok((out, newest))
    }
}

/// The batch with its cursor, its cost and, near the budget or the login's end, a slower pace
/// and a warning.
pub(crate) fn finish<C: Serialize>(
    spec: &SourceSpec,
    mentions: Vec<Mention>,
    cur: &C,
    g: &Graph,
    now: i64,
) -> Batch {
    let interval = spec
        .interval_secs
        .map(u64::from)
        .unwrap_or(DEFAULT_INTERVAL);
    let near_limit = g
        .usage
        .percent
        .is_some_and(|p| p >= graph::BUDGET_SLOW_DOWN);
    Batch {
        mentions,
        cursor: serde_json::to_string(cur).ok(),
        wait: near_limit.then(|| Duration::from_secs(interval * 4)),
        polled: false,
        limited: None,
        detail: g.usage.describe(),
        warning: graph::expiry_warning(g.label, &g.token, now),
    }
}

/// The Page id of a source.
pub fn page_of(spec: &SourceSpec) -> Result<String, ChannelError> {
    spec.account
        .clone()
        .filter(|a| !a.trim().is_empty())
        .ok_or_else(|| {
            ChannelError::Unauthorized(format!(
                "log in to {} to listen and reply",
                graph::network_label(spec.kind)
            ))
        })
}

impl Connector for Facebook {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.poll(cursor))
    }
}
