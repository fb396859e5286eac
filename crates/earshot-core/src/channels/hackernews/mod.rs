//! Hacker News through the Algolia search API.
//!
//! `GET {base}/api/v1/search_by_date?query=…&tags=(story,comment)&numericFilters=created_at_i>=C`
//! returns newest first; the cursor is the newest `created_at_i` seen. Using `>=` re-reads the
//! posts of that one second, so a post published in the same second as the last one fetched is
//! never skipped; the cursor also keeps the ids already delivered from that second, which are
//! dropped when read again (a quiet poll hands the engine nothing to look up). Author karma
//! (`GET {base}/api/v1/users/:name`) stands in for reach and is cached per author.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{check_status, network_error, Batch, BatchFuture, ChannelError, Connector};
use crate::clock::Clock;
use crate::html;
use crate::model::{Author, Channel, Engagement, Mention, SourceSpec};

/// The real API.
pub const DEFAULT_BASE: &str = "https://hn.algolia.com";
/// How far back the very first poll looks.
const FIRST_POLL_LOOKBACK: i64 = 7 * 86_400;
/// Pages fetched per query per poll (100 hits each).
const MAX_PAGES: u32 = 5;

/// An Algolia search response.
#[derive(Debug, Deserialize)]
pub struct SearchResponse {
    /// The hits, newest first for `search_by_date`.
    pub hits: Vec<Hit>,
    /// How many pages there are.
    #[serde(default, rename = "nbPages")]
    pub nb_pages: u32,
}

/// One story or comment.
#[derive(Debug, Deserialize)]
pub struct Hit {
    #[serde(rename = "objectID")]
    object_id: String,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    created_at_i: Option<i64>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    points: Option<i64>,
    #[serde(default)]
    story_text: Option<String>,
    #[serde(default)]
    comment_text: Option<String>,
    #[serde(default)]
    num_comments: Option<i64>,
    #[serde(default)]
    story_id: Option<i64>,
    #[serde(default)]
    story_title: Option<String>,
    #[serde(default)]
    parent_id: Option<i64>,
    #[serde(default, rename = "_tags")]
    tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct UserResponse {
    #[serde(default)]
    karma: Option<i64>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    created_at_i: i64,
    /// The ids delivered at `created_at_i`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    at_newest: Vec<String>,
}

/// Parses a search response body into mentions (fetched at `now`).
pub fn parse_search(body: &[u8], now: i64) -> Result<(Vec<Mention>, u32), ChannelError> {
    let resp: SearchResponse = serde_json::from_slice(body)
        .map_err(|e| ChannelError::Malformed(format!("Hacker News search: {e}")))?;
    let pages = resp.nb_pages;
    let mentions = resp
        .hits
        .into_iter()
        .filter_map(|h| hit_to_mention(h, now))
        .collect();
    Ok((mentions, pages))
}

fn hit_to_mention(h: Hit, now: i64) -> Option<Mention> {
    if h.object_id.is_empty() {
        return None;
    }
    let created_at = h
        .created_at_i
        .or_else(|| {
            h.created_at
                .as_deref()
                .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                .map(|d| d.timestamp())
        })
        .unwrap_or(now);
    let is_comment = h.tags.iter().any(|t| t == "comment") || h.comment_text.is_some();
    let body_html = if is_comment {
        h.comment_text.clone()
    } else {
        h.story_text.clone()
    };
    let mut m = Mention::new(
        Channel::Hackernews,
        h.object_id.clone(),
        body_html.as_deref().map(html::to_text).unwrap_or_default(),
    );
    m.html = body_html.as_deref().map(html::sanitize);
    m.url = Some(format!(
        "https://news.ycombinator.com/item?id={}",
        h.object_id
    ));
    if is_comment {
        m.title = h.story_title.map(|t| format!("Re: {t}"));
        m.reply_to = h.parent_id.map(|p| p.to_string());
        m.thread_root = h.story_id.map(|s| s.to_string());
    } else {
        m.title = h.title;
        if m.text.is_empty() {
            if let Some(u) = &h.url {
                m.text = u.clone();
            }
        }
        m.engagement = Engagement {
            likes: h.points,
            reposts: None,
            replies: h.num_comments,
            velocity: None,
        };
    }
    let handle = h.author.unwrap_or_else(|| "unknown".into());
    m.author = Author {
        profile_url: Some(format!("https://news.ycombinator.com/user?id={handle}")),
        handle,
        ..Author::default()
    };
    m.created_at = created_at;
    m.fetched_at = now;
    Some(m)
}

/// The Hacker News connector.
pub struct HackerNews {
    http: reqwest::Client,
    base: String,
    queries: Vec<String>,
    clock: Clock,
    karma: HashMap<String, Option<i64>>,
}

impl HackerNews {
    /// A connector for `spec`; searches the business name when the spec names no queries.
    pub fn new(
        spec: &SourceSpec,
        business_name: &str,
        http: reqwest::Client,
        clock: Clock,
    ) -> Result<Self, ChannelError> {
        let mut queries: Vec<String> = spec
            .queries
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty())
            .collect();
        if queries.is_empty() && !business_name.trim().is_empty() {
            queries.push(business_name.trim().to_string());
        }
        if queries.is_empty() {
            return Err(ChannelError::Config(
                "Hacker News needs a query or a business name".into(),
            ));
        }
        let base = spec
            .base_url
            .clone()
            .unwrap_or_else(|| DEFAULT_BASE.to_string());
        url::Url::parse(&base)
            .map_err(|e| ChannelError::Config(format!("base_url {base:?}: {e}")))?;
        Ok(HackerNews {
            http,
            base: base.trim_end_matches('/').to_string(),
            queries,
            clock,
            karma: HashMap::new(),
        })
    }

    async fn search(
        &self,
        query: &str,
        since: i64,
        page: u32,
    ) -> Result<(Vec<Mention>, u32), ChannelError> {
        let url = format!("{}/api/v1/search_by_date", self.base);
        let resp = self
            .http
            .get(&url)
            .query(&[
                ("query", query),
                ("tags", "(story,comment)"),
                ("numericFilters", &format!("created_at_i>={since}")),
                ("hitsPerPage", "100"),
                ("page", &page.to_string()),
            ])
            .send()
            .await
            .map_err(network_error)?;
        let resp = check_status(resp, "Hacker News search", self.clock.now())?;
        let body = resp.bytes().await.map_err(network_error)?;
        parse_search(&body, self.clock.now())
    }

    async fn karma_of(&mut self, handle: &str) -> Option<i64> {
        if let Some(k) = self.karma.get(handle) {
            return *k;
        }
        let url = format!("{}/api/v1/users/{}", self.base, urlencode(handle));
        let k = async {
            let resp = self.http.get(&url).send().await.ok()?;
            if !resp.status().is_success() {
                return None;
            }
            resp.json::<UserResponse>().await.ok()?.karma
        }
        .await;
        // Cache failures too: karma is a nicety, not worth a request per poll.
        self.karma.insert(handle.to_string(), k);
        k
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl Connector for HackerNews {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(async move {
            let now = self.clock.now();
            let (since, seen) = match cursor {
                Some(c) => {
                    let c = serde_json::from_str::<Cursor>(c).map_err(|e| {
                        ChannelError::Config(format!("saved cursor unreadable: {e}"))
                    })?;
                    (c.created_at_i, c.at_newest)
                }
                None => (now - FIRST_POLL_LOOKBACK, Vec::new()),
            };
            let mut all: Vec<Mention> = Vec::new();
            for q in self.queries.clone() {
                let mut page = 0;
                loop {
                    let (hits, pages) = self.search(&q, since, page).await?;
                    all.extend(hits);
                    page += 1;
                    if page >= pages.min(MAX_PAGES) {
                        break;
                    }
                }
            }
            all.sort_by(|a, b| a.external_id.cmp(&b.external_id));
            all.dedup_by(|a, b| a.external_id == b.external_id);
            all.retain(|m| !(m.created_at <= since && seen.contains(&m.external_id)));
            for m in &mut all {
                m.author.karma = self.karma_of(&m.author.handle.clone()).await;
            }
            let newest = all
                .iter()
                .map(|m| m.created_at)
                .max()
                .unwrap_or(since)
                .max(since);
            let at_newest = super::ids_at_newest(
                since,
                seen,
                newest,
                all.iter().map(|m| (m.external_id.as_str(), m.created_at)),
            );
            let cursor = serde_json::to_string(&Cursor {
                created_at_i: newest,
                at_newest,
            })
            .ok();
            Ok(Batch {
                mentions: all,
                cursor,
                wait: None,
                ..Batch::default()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        super::super::fixture("hackernews", name)
    }

    #[test]
    fn a_comment_hit_parses_with_its_story_and_plain_text() {
        let (ms, pages) = parse_search(&fixture("search_by_date_comment_hit.json"), 1).unwrap();
        assert_eq!(pages, 34);
        assert_eq!(ms.len(), 1);
        let m = &ms[0];
        assert_eq!(m.external_id, "23737785");
        assert_eq!(m.author.handle, "gas9S9zw3P9c");
        assert_eq!(m.created_at, 1593945870);
        assert_eq!(m.thread_root.as_deref(), Some("23737460"));
        assert_eq!(
            m.title.as_deref(),
            Some("Re: Ask HN: Who Earns a Living of Betting?")
        );
        assert!(
            m.text.starts_with("Not myself, but I know someone"),
            "{}",
            m.text
        );
        assert!(
            m.text.contains("It's not that different from \"gambling\""),
            "entities decoded: {}",
            m.text
        );
        assert_eq!(
            m.url.as_deref(),
            Some("https://news.ycombinator.com/item?id=23737785")
        );
    }

    #[test]
    fn a_story_hit_without_timestamp_parses_with_points_and_comments() {
        let (ms, _) =
            parse_search(&fixture("search_response_official_doc_example.json"), 42).unwrap();
        let m = &ms[0];
        assert_eq!(m.title.as_deref(), Some("Y Combinator"));
        assert_eq!(m.engagement.likes, Some(57));
        assert_eq!(m.engagement.replies, Some(2));
        assert_eq!(
            m.created_at, 42,
            "no created_at at all: falls back to fetch time"
        );
        assert_eq!(m.text, "http://ycombinator.com");
    }

    #[test]
    fn garbage_is_a_malformed_error_not_a_panic() {
        for body in [
            &b"{\"hits\": 7"[..],
            b"<html>",
            b"",
            b"{\"hits\":[{\"objectID\":5}]}",
        ] {
            assert!(
                matches!(parse_search(body, 0), Err(ChannelError::Malformed(_))),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
