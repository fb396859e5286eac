//! RSS 2.0 and Atom feeds (feed-rs): Google Alerts, review sites, Mastodon tag RSS, YouTube
//! channel feeds.
//!
//! Conditional GET: the cursor keeps the feed's ETag and Last-Modified, and a 304 costs nothing.
//! Items are keyed by their id/guid, else their link. Google Alerts wraps every link in
//! `https://www.google.com/url?…&url=<real link>`; the real link is unwrapped.

use serde::{Deserialize, Serialize};

use super::{check_status, network_error, Batch, BatchFuture, ChannelError, Connector};
use crate::clock::Clock;
use crate::html;
use crate::model::{Author, Channel, Mention, SourceSpec};

#[derive(Debug, Default, Serialize, Deserialize)]
struct Cursor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_modified: Option<String>,
}

/// Returns the link a Google redirect (`google.com/url?…&url=…` or `q=…`) points at, or the link
/// itself.
pub fn unwrap_google_link(link: &str) -> String {
    let Ok(u) = url::Url::parse(link) else {
        return link.to_string();
    };
    let is_google = u
        .host_str()
        .is_some_and(|h| h == "google.com" || h.ends_with(".google.com"));
    if is_google && u.path() == "/url" {
        if let Some((_, v)) = u.query_pairs().find(|(k, _)| k == "url" || k == "q") {
            if v.starts_with("http://") || v.starts_with("https://") {
                return v.into_owned();
            }
        }
    }
    link.to_string()
}

/// Parses a feed body into mentions (fetched at `now`).
pub fn parse_feed(body: &[u8], now: i64) -> Result<Vec<Mention>, ChannelError> {
    let feed =
        feed_rs::parser::parse(body).map_err(|e| ChannelError::Malformed(format!("feed: {e}")))?;
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| html::to_text(&t.content))
        .filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(feed.entries.len());
    for e in feed.entries {
        let link = e.links.first().map(|l| unwrap_google_link(&l.href));
        let external_id = if !e.id.trim().is_empty() {
            e.id.clone()
        } else if let Some(l) = &link {
            l.clone()
        } else {
            continue;
        };
        let body_html = e
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
            .or_else(|| {
                e.media
                    .iter()
                    .find_map(|m| m.description.as_ref().map(|d| d.content.clone()))
            });
        let title = e
            .title
            .as_ref()
            .map(|t| html::to_text(&t.content))
            .filter(|t| !t.is_empty());
        let mut m = Mention::new(
            Channel::Rss,
            external_id,
            body_html.as_deref().map(html::to_text).unwrap_or_default(),
        );
        m.html = body_html.as_deref().map(html::sanitize);
        m.title = title;
        m.url = link.clone();
        // feed-rs names an author with no name "unknown"; a site name says more.
        let person = e
            .authors
            .iter()
            .find(|p| !p.name.trim().is_empty() && p.name != "unknown");
        let site = link
            .as_deref()
            .and_then(|l| url::Url::parse(l).ok())
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            });
        m.author = Author {
            handle: person
                .map(|p| p.name.trim().to_string())
                .or_else(|| site.clone())
                .or_else(|| feed_title.clone())
                .unwrap_or_else(|| "unknown".into()),
            display_name: person.and(site.clone()).or_else(|| feed_title.clone()),
            profile_url: person.and_then(|p| p.uri.clone()),
            ..Author::default()
        };
        m.created_at = e
            .published
            .or(e.updated)
            .map(|d| d.timestamp())
            .unwrap_or(now);
        m.fetched_at = now;
        out.push(m);
    }
    Ok(out)
}

/// The feed connector.
pub struct Feed {
    http: reqwest::Client,
    url: String,
    clock: Clock,
}

impl Feed {
    /// A connector for the feed at `spec.url`.
    pub fn new(
        spec: &SourceSpec,
        http: reqwest::Client,
        clock: Clock,
    ) -> Result<Self, ChannelError> {
        let url = spec
            .url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| ChannelError::Config("a feed needs a url".into()))?;
        let parsed = url::Url::parse(url.trim())
            .map_err(|e| ChannelError::Config(format!("feed url {url:?}: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ChannelError::Config(format!(
                "feed url must be http or https, not {}",
                parsed.scheme()
            )));
        }
        Ok(Feed {
            http,
            url: url.trim().to_string(),
            clock,
        })
    }
}

impl Connector for Feed {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(async move {
            let prev: Cursor = cursor
                .and_then(|c| serde_json::from_str(c).ok())
                .unwrap_or_default();
            let mut req = self.http.get(&self.url);
            if let Some(etag) = &prev.etag {
                req = req.header(reqwest::header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &prev.last_modified {
                req = req.header(reqwest::header::IF_MODIFIED_SINCE, lm);
            }
            let resp = req.send().await.map_err(network_error)?;
            let resp = check_status(resp, "feed", self.clock.now())?;
            if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Batch::default());
            }
            let header = |name| {
                resp.headers()
                    .get(name)
                    .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                    .map(str::to_string)
            };
            let next = Cursor {
                etag: header(reqwest::header::ETAG),
                last_modified: header(reqwest::header::LAST_MODIFIED),
            };
            let body = resp.bytes().await.map_err(network_error)?;
            let mentions = parse_feed(&body, self.clock.now())?;
            Ok(Batch {
                mentions,
                cursor: serde_json::to_string(&next).ok(),
                wait: None,
                ..Batch::default()
            })
        })
    }
}

/// A name for a feed source the owner pasted (the `i`th): Google Alerts by number, other feeds
/// by their site.
pub fn feed_name(url: &str, i: usize) -> String {
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string));
    match host.as_deref() {
        Some(h) if h.ends_with("google.com") => format!("Google Alert {}", i + 1),
        Some(h) => format!("Feed: {h}"),
        None => format!("Feed {}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        super::super::fixture("rss", name)
    }

    #[test]
    fn google_alerts_links_are_unwrapped_and_html_becomes_text() {
        let ms = parse_feed(&fixture("google_alerts_atom_sample.xml"), 0).unwrap();
        assert_eq!(ms.len(), 1);
        let m = &ms[0];
        assert_eq!(
            m.external_id,
            "tag:google.com,2013:googlealerts/feed:12501224780620368192"
        );
        assert_eq!(
            m.url.as_deref(),
            Some("https://www.theconcordinsider.com/2021/06/04/this-week-in-concord-history-502/")
        );
        assert_eq!(m.title.as_deref(), Some("This week in Concord history"));
        assert!(m.text.contains("Philip Dick"), "{}", m.text);
        assert!(!m.text.contains("<b>"), "tags stripped: {}", m.text);
        assert_eq!(
            m.author.handle, "theconcordinsider.com",
            "empty author name falls back to the site"
        );
        assert_eq!(m.created_at, 1622816775);
    }

    #[test]
    fn rss_2_items_parse_with_guid_and_date() {
        let ms = parse_feed(&fixture("rss_2.0_example_1.xml"), 0).unwrap();
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].external_id, "7bd204c6-1655-4c27-aeee-53f933c5395f");
        assert_eq!(
            ms[0].url.as_deref(),
            Some("http://www.example.com/blog/post/1")
        );
        assert_eq!(
            ms[0].text,
            "Here is some text containing an interesting description."
        );
        assert_eq!(ms[0].created_at, 1252254000);
    }

    #[test]
    fn every_fixture_feed_parses_without_error() {
        for f in [
            "atom_example_reddit.xml",
            "atom_mediarss_youtube_1.xml",
            "atom_spec_1.xml",
            "rss_2.0_reddit.xml",
        ] {
            let ms = parse_feed(&fixture(f), 0).unwrap_or_else(|e| panic!("{f}: {e}"));
            assert!(!ms.is_empty(), "{f} has entries");
            assert!(
                ms.iter()
                    .all(|m| !m.external_id.is_empty() && !m.author.handle.is_empty()),
                "{f}"
            );
        }
    }

    #[test]
    fn youtube_media_descriptions_are_the_text() {
        let ms = parse_feed(&fixture("atom_mediarss_youtube_1.xml"), 0).unwrap();
        assert!(
            ms.iter().any(|m| !m.text.is_empty()),
            "media:description used as the body"
        );
    }

    #[test]
    fn the_reddit_atom_feed_matches_feed_rs_reference_parse() {
        let ms = parse_feed(&fixture("atom_example_reddit.xml"), 0).unwrap();
        let reference: serde_json::Value =
            serde_json::from_slice(&fixture("atom_example_reddit.feed-rs.serde.json")).unwrap();
        let ids: Vec<&str> = reference["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        let ours: Vec<&str> = ms.iter().map(|m| m.external_id.as_str()).collect();
        assert_eq!(ours, ids);
    }

    #[test]
    fn truncated_xml_is_malformed() {
        let body = fixture("rss_2.0_example_1.xml");
        let cut = &body[..body.len() / 2];
        assert!(matches!(
            parse_feed(cut, 0),
            Err(ChannelError::Malformed(_))
        ));
        assert!(matches!(
            parse_feed(b"{\"json\": true}", 0),
            Err(ChannelError::Malformed(_))
        ));
    }

    #[test]
    fn non_google_links_are_left_alone() {
        assert_eq!(
            unwrap_google_link("https://example.com/url?url=https://x.y"),
            "https://example.com/url?url=https://x.y"
        );
        assert_eq!(
            unwrap_google_link("https://www.google.com/url?q=https://a.b/c&sa=U"),
            "https://a.b/c"
        );
    }
}
