//! YouTube, polled through the Data API v3 with the owner's Google login: the comments and
//! replies on the owner's channel (`commentThreads.list` with `allThreadsRelatedToChannelId`,
//! newest first, back to the cursor; 1 quota unit a page), and new videos that name the business
//! (`search.list`, 100 units: at most every two hours and only while the day's quota allows).
//! Reach is the commenter's subscriber count (`channels.list`, 50 channels a unit). The quota
//! used today is kept with the cursor and shown in the source's health.

pub mod parse;
pub mod wire;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::google_reviews::{base, Google};
use super::{Batch, BatchFuture, ChannelError, Connector, Context, Draft, Sent};
use crate::model::{Business, Kind, Mention, SourceSpec};
use wire::{ChannelItem, Comment, ListResponse, Video};

/// Google's APIs.
pub const API_BASE: &str = "https://www.googleapis.com";
/// Seconds between polls when the source says nothing.
pub const DEFAULT_INTERVAL: u64 = 300;
/// The daily quota of a Cloud project unless Google raised it.
pub const DAILY_QUOTA: u32 = 10_000;
/// The longest comment (characters).
pub const MAX_CHARS: u32 = 10_000;
const SEARCH_EVERY: i64 = 2 * 3600;
const SEARCH_COST: u32 = 100;
const FIRST_LOOKBACK: i64 = 7 * 86_400;
const MAX_PAGES: usize = 5;

/// Where a YouTube source is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// The newest comment time seen.
    pub comments: i64,
    /// The newest video found by search.
    pub videos: i64,
    /// When search last ran.
    pub searched: i64,
    /// The quota day (`YYYY-MM-DD`, Pacific time as Google counts it) and the units used.
    pub day: String,
    /// Units used that day.
    pub used: u32,
}

/// The YouTube connector.
pub struct Youtube {
    spec: SourceSpec,
    google: Google,
    terms: Vec<String>,
    clock: crate::clock::Clock,
    subscribers: HashMap<String, Option<i64>>,
    titles: HashMap<String, String>,
}

fn quota_day(now: i64) -> String {
    // Google resets the quota at midnight Pacific time (UTC-8; an hour off in summer).
    chrono::DateTime::from_timestamp(now - 8 * 3600, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

impl Youtube {
    /// A connector for a logged-in source (`account` is the owner's channel id).
    pub fn new(
        spec: &SourceSpec,
        business: &Business,
        ctx: Context,
    ) -> Result<Youtube, ChannelError> {
        let mut terms: Vec<String> = spec.queries.clone();
        if terms.is_empty() && !business.name.trim().is_empty() {
            terms.push(business.name.clone());
        }
        Ok(Youtube {
            clock: ctx.clock.clone(),
            google: Google::new(spec, ctx)?,
            spec: spec.clone(),
            terms,
            subscribers: HashMap::new(),
            titles: HashMap::new(),
        })
    }

    fn api(&self) -> String {
        format!("{}/youtube/v3", base(&self.spec, API_BASE))
    }

    async fn get(
        &mut self,
        path: &str,
        query: Vec<(&'static str, String)>,
        cur: &mut Cursor,
        cost: u32,
    ) -> Result<Vec<u8>, ChannelError> {
        let url = format!("{}/{path}", self.api());
        let body = self
            .google
            .call("YouTube", |h| h.get(&url).query(&query))
            .await?;
        cur.used += cost;
        Ok(body)
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.clock.now();
        let own = self.spec.account.clone().unwrap_or_default();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_else(|| Cursor {
                comments: now - FIRST_LOOKBACK,
                videos: now - FIRST_LOOKBACK,
                ..Cursor::default()
            });
        let today = quota_day(now);
        if cur.day != today {
            cur.day = today;
            cur.used = 0;
        }
        let mut mentions: Vec<Mention> = Vec::new();
        let mut newest = cur.comments;
        let mut page: Option<String> = None;
        'pages: for _ in 0..MAX_PAGES {
            let mut q = vec![
                ("part", "snippet,replies".to_string()),
                ("allThreadsRelatedToChannelId", own.clone()),
                ("order", "time".into()),
                ("maxResults", "100".into()),
                ("textFormat", "plainText".into()),
            ];
            if let Some(p) = &page {
                q.push(("pageToken", p.clone()));
            }
            let body = self.get("commentThreads", q, &mut cur, 1).await?;
            let (got, next) = parse::parse_threads(&body, &own, now)?;
            let mut older = false;
            for m in got {
                // Threads come newest first by their latest activity; replies may be older.
                if m.created_at < cur.comments {
                    if m.remote.kind == Some(Kind::Comment) {
                        older = true;
                    }
                    continue;
                }
                newest = newest.max(m.created_at);
                mentions.push(m);
            }
            match next {
                Some(n) if !older => page = Some(n),
                _ => break 'pages,
            }
        }
        cur.comments = newest;
        // Search costs 100 units: every two hours, while the day's quota has room.
        if !self.terms.is_empty()
            && now - cur.searched >= SEARCH_EVERY
            && cur.used + SEARCH_COST <= DAILY_QUOTA * 8 / 10
        {
            let q = vec![
                ("part", "snippet".to_string()),
                ("q", self.terms.join("|")),
                ("type", "video".into()),
                ("order", "date".into()),
                ("maxResults", "50".into()),
                ("publishedAfter", crate::model::rfc3339(cur.videos)),
            ];
            let body = self.get("search", q, &mut cur, SEARCH_COST).await?;
            for m in parse::parse_search(&body, now)? {
                if m.remote.author_id.as_deref() == Some(own.as_str()) {
                    continue;
                }
                cur.videos = cur.videos.max(m.created_at);
                mentions.push(m);
            }
            cur.searched = now;
        }
        self.enrich(&mut mentions, &mut cur).await;
        Ok(Batch {
            mentions,
            cursor: serde_json::to_string(&cur).ok(),
            wait: None,
            polled: false,
            limited: None,
            detail: Some(format!("quota used today: {} of {DAILY_QUOTA} units", cur.used)),
            warning: (cur.used >= DAILY_QUOTA * 8 / 10).then(|| "YouTube's daily quota is nearly used: searching for new videos waits until tomorrow".to_string()),
        })
    }

    /// Subscriber counts of the commenters and the titles of the videos they comment on (one
    /// unit per 50 of each); what cannot be read stays unknown.
    async fn enrich(&mut self, mentions: &mut [Mention], cur: &mut Cursor) {
        let authors: Vec<String> = mentions
            .iter()
            .filter_map(|m| m.remote.author_id.clone())
            .filter(|a| !self.subscribers.contains_key(a))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for chunk in authors.chunks(50) {
            let q = vec![("part", "statistics".to_string()), ("id", chunk.join(","))];
            let Ok(body) = self.get("channels", q, cur, 1).await else {
                break;
            };
            let list: ListResponse<ChannelItem> = serde_json::from_slice(&body).unwrap_or_default();
            let mut got: BTreeMap<String, Option<i64>> =
                chunk.iter().map(|a| (a.clone(), None)).collect();
            for c in list.items {
                let n = c
                    .statistics
                    .filter(|s| s.hidden_subscriber_count != Some(true))
                    .and_then(|s| s.subscriber_count)
                    .and_then(|n| n.parse().ok());
                if let Some(id) = c.id {
                    got.insert(id, n);
                }
            }
            self.subscribers.extend(got);
        }
        let videos: Vec<String> = mentions
            .iter()
            .filter(|m| m.remote.kind != Some(Kind::Post))
            .filter_map(|m| m.remote.post_id.clone())
            .filter(|v| !self.titles.contains_key(v))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for chunk in videos.chunks(50) {
            let q = vec![("part", "snippet".to_string()), ("id", chunk.join(","))];
            let Ok(body) = self.get("videos", q, cur, 1).await else {
                break;
            };
            let list: ListResponse<Video> = serde_json::from_slice(&body).unwrap_or_default();
            for v in list.items {
                if let (Some(id), Some(t)) = (v.id, v.snippet.title) {
                    self.titles.insert(id, crate::html::to_text(&t));
                }
            }
        }
        for m in mentions.iter_mut() {
            if let Some(a) = &m.remote.author_id {
                m.author.followers = self.subscribers.get(a).copied().flatten();
            }
            if let Some(v) = &m.remote.post_id {
                m.remote.post_text = self.titles.get(v).cloned();
            }
        }
    }
}

impl Connector for Youtube {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.poll(cursor))
    }
}

/// Answers a comment (a reply in its thread, which is two deep) or a video found by search (a
/// new comment on it). No idempotency key: a retry first reads the thread for the owner's reply
/// with the same text since it was written.
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    if draft.private {
        return Err(ChannelError::Refused(
            "YouTube has no private messages: answer publicly".into(),
        ));
    }
    let own = spec.account.clone().unwrap_or_default();
    let api = format!("{}/youtube/v3", base(spec, API_BASE));
    let mut g = Google::new(spec, ctx)?;
    let m = draft.target;
    if m.remote.kind == Some(Kind::Post) {
        if draft.retry {
            let url = format!("{api}/commentThreads");
            let q = [
                ("part", "snippet"),
                ("videoId", m.external_id.as_str()),
                ("maxResults", "100"),
                ("order", "time"),
                ("textFormat", "plainText"),
            ];
            let body = g.call("YouTube", |h| h.get(&url).query(&q)).await?;
            let list: ListResponse<wire::CommentThread> =
                serde_json::from_slice(&body).unwrap_or_default();
            if let Some(t) = list.items.into_iter().find(|t| {
                t.snippet
                    .top_level_comment
                    .as_ref()
                    .is_some_and(|c| is_mine(c, &own, draft))
            }) {
                return Ok(Sent {
                    remote_id: t.id.unwrap_or_default(),
                    remote_url: m.url.clone(),
                });
            }
        }
        let body = serde_json::json!({"snippet": {"videoId": m.external_id, "topLevelComment": {"snippet": {"textOriginal": draft.body}}}});
        let url = format!("{api}/commentThreads?part=snippet");
        let answer = g.call("YouTube", |h| h.post(&url).json(&body)).await?;
        let id = serde_json::from_slice::<serde_json::Value>(&answer)
            .ok()
            .and_then(|v| v["id"].as_str().map(str::to_string))
            .unwrap_or_default();
        return Ok(Sent {
            remote_url: m.url.clone(),
            remote_id: id,
        });
    }
    let parent = m
        .thread_root
        .clone()
        .unwrap_or_else(|| m.external_id.clone());
    if draft.retry {
        let url = format!("{api}/comments");
        let q = [
            ("part", "snippet"),
            ("parentId", parent.as_str()),
            ("maxResults", "100"),
            ("textFormat", "plainText"),
        ];
        let body = g.call("YouTube", |h| h.get(&url).query(&q)).await?;
        let list: ListResponse<Comment> = serde_json::from_slice(&body).unwrap_or_default();
        if let Some(c) = list.items.into_iter().find(|c| is_mine(c, &own, draft)) {
            return Ok(Sent {
                remote_id: c.id.unwrap_or_default(),
                remote_url: m.url.clone(),
            });
        }
    }
    let body = serde_json::json!({"snippet": {"parentId": parent, "textOriginal": draft.body}});
    let url = format!("{api}/comments?part=snippet");
    let answer = g.call("YouTube", |h| h.post(&url).json(&body)).await?;
    let c: Comment = serde_json::from_slice(&answer)
        .map_err(|e| ChannelError::Malformed(format!("YouTube comment: {e}")))?;
    Ok(Sent {
        remote_id: c.id.unwrap_or_default(),
        remote_url: m.url.clone(),
    })
}

/// Whether `c` is the owner's comment with the draft's text, written since it was queued.
fn is_mine(c: &Comment, own: &str, draft: &Draft<'_>) -> bool {
    let s = &c.snippet;
    let t = s
        .published_at
        .as_deref()
        .and_then(|p| chrono::DateTime::parse_from_rfc3339(p).ok())
        .map(|d| d.timestamp())
        .unwrap_or(0);
    s.author_channel_id
        .as_ref()
        .and_then(|a| a.value.as_deref())
        == Some(own)
        && s.text_original.as_deref() == Some(draft.body)
        && t >= draft.queued_at - 60
}
