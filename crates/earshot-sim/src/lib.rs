//! A local fake of the networks Earshot watches, for tests, benchmarks and the offline demo.
//!
//! [`Sim::start`] binds a loopback port and serves, shaped exactly like the real APIs (see
//! the repository's `fixtures/`):
//! - `GET /hn/api/v1/search_by_date` and `GET /hn/api/v1/users/:name` — Algolia's Hacker News API;
//! - `GET /rss/alerts.xml` — a Google Alerts Atom feed, links wrapped in `google.com/url?…`;
//! - `GET /rss/reviews.xml` — a review site's RSS 2.0 feed, with ETag / 304.
//!
//! Posts come from [`script::script`], deterministic for a seed, and become visible at their
//! offset after start ([`Reveal::Timed`]) or all at once ([`Reveal::All`], for tests).
//! Control endpoints for tests: `POST /_sim/fault?target=hn|alerts|reviews&kind=…` injects a
//! fault, `GET /_sim/requests` lists the requests received.

#![deny(missing_docs)]

pub mod faults;
pub mod mail;
pub mod presence;
pub mod reddit;
pub mod script;
pub mod social;
pub mod x;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub use faults::{Fault, FaultSpec, Faults, RequestRecord};
pub use script::{polled_truth, script, Feed, SimPost, BUSINESS};
pub use social::{Net, SocialHandle, SocialPost, Write};

/// When posts become visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Each post at its offset after start (the demo).
    Timed,
    /// Everything at once (tests).
    All,
}

/// How to run the simulator.
#[derive(Debug, Clone)]
pub struct SimOptions {
    /// Seed for the script.
    pub seed: u64,
    /// Posts per source, if capped.
    pub count: Option<usize>,
    /// When posts appear.
    pub reveal: Reveal,
    /// Port to bind on 127.0.0.1 (0 picks a free one).
    pub port: u16,
    /// Unrelated posts per second on every Jetstream connection (0: none).
    pub firehose: u32,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            seed: 1,
            count: None,
            reveal: Reveal::Timed,
            port: 0,
            firehose: 0,
        }
    }
}

struct SimState {
    posts: Vec<SimPost>,
    start: i64,
    started: std::time::Instant,
    reveal: Reveal,
}

impl SimState {
    fn now(&self) -> i64 {
        self.start + self.started.elapsed().as_secs() as i64
    }

    fn visible(&self, feed: Feed) -> impl Iterator<Item = &SimPost> {
        let elapsed = self.started.elapsed().as_secs() as i64;
        self.posts.iter().filter(move |p| {
            p.feed == feed && (self.reveal == Reveal::All || p.offset_secs <= elapsed)
        })
    }
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A running simulator.
pub struct Sim {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The bound address.
    pub addr: SocketAddr,
    /// The simulated Mastodon and Bluesky (inject posts, drop streams, read writes).
    pub social: SocialHandle,
    /// The faults in force and the requests received.
    pub faults: Arc<Faults>,
    /// The mail provider's IMAP server, `imap://127.0.0.1:PORT`.
    pub imap_url: String,
    /// Its SMTP submission server, `smtp://127.0.0.1:PORT`.
    pub smtp_url: String,
    task: tokio::task::JoinHandle<()>,
    mail_tasks: [tokio::task::JoinHandle<()>; 2],
}

impl Drop for Sim {
    fn drop(&mut self) {
        self.task.abort();
        for t in &self.mail_tasks {
            t.abort();
        }
    }
}

impl Sim {
    /// Binds and starts serving in the background on the current tokio runtime.
    pub async fn start(opts: SimOptions) -> std::io::Result<Sim> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", opts.port)).await?;
        let addr = listener.local_addr()?;
        let start = chrono::Utc::now().timestamp();
        let started = std::time::Instant::now();
        let social = SocialHandle::new(
            opts.seed,
            opts.count,
            opts.reveal == Reveal::All,
            start,
            started,
        );
        social.set_base(&format!("http://{addr}"));
        social.set_firehose(opts.firehose);
        let faults = Arc::new(Faults::new(started));
        social.set_faults(faults.clone());
        let state = Arc::new(SimState {
            posts: script(opts.seed, opts.count),
            start,
            started,
            reveal: opts.reveal,
        });
        let app = router(state, faults.clone())
            .merge(social::routes(social.clone()))
            .layer(axum::middleware::from_fn_with_state(
                faults.clone(),
                faults::layer,
            ));
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "simulator stopped");
            }
        });
        let imap = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let smtp = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let (imap_url, smtp_url) = (
            format!("imap://{}", imap.local_addr()?),
            format!("smtp://{}", smtp.local_addr()?),
        );
        let mail_tasks = [
            tokio::spawn(mail::serve_imap(imap, social.clone(), faults.clone())),
            tokio::spawn(mail::serve_smtp(smtp, social.clone(), faults.clone())),
        ];
        Ok(Sim {
            base_url: format!("http://{addr}"),
            addr,
            social,
            faults,
            imap_url,
            smtp_url,
            task,
            mail_tasks,
        })
    }

    /// A ready `earshot watch` config (TOML) pointing every simulated source at this simulator.
    pub fn config_toml(&self) -> String {
        config_toml(&self.base_url)
    }
}

/// A ready `earshot watch` config (TOML) for a simulator at `base_url`.
pub fn config_toml(base_url: &str) -> String {
    format!(
        r##"# Earshot watching the built-in simulator at {base_url}
[business]
name = "{BUSINESS}"
terms = ["Brightside", "@brightsidecoffee", "@brightsidecoffee.bsky.social", "#brightsidecoffee", "brightside.coffee"]
exclusions = ["brightside of life"]

# Response-time targets (minutes of business time). The simulated shop never closes; a real one
# would write its hours, e.g. days = ["09:00-17:00", …, "closed", "closed"] and its time zone.
[targets]
urgent_mins = 15
normal_mins = 60
low_mins = 1440

[targets.hours]
time_zone = "UTC"
days = ["00:00-24:00", "00:00-24:00", "00:00-24:00", "00:00-24:00", "00:00-24:00", "00:00-24:00", "00:00-24:00"]

# The simulated networks pack a busy day into the demo's first minutes: every urgent mention
# gets its own notification here (a real owner keeps the default: 8 every two minutes, the rest
# as one summary).
[alerts]
urgent_burst_max = 40

[[source]]
kind = "hackernews"
name = "Hacker News (simulated)"
base_url = "{base_url}/hn"
queries = ["Brightside"]
interval_secs = 5

[[source]]
kind = "rss"
name = "Google Alert (simulated)"
url = "{base_url}/rss/alerts.xml"
interval_secs = 5

[[source]]
kind = "rss"
name = "Reviews (simulated)"
url = "{base_url}/rss/reviews.xml"
interval_secs = 5
require_match = false

[[source]]
kind = "mastodon"
name = "Mastodon (simulated)"
base_url = "{base_url}/mastodon"
queries = ["#brightsidecoffee"]
interval_secs = 30

[[source]]
kind = "bluesky"
name = "Bluesky (simulated)"
base_url = "{base_url}/bsky"
interval_secs = 30

# Subreddits (r/name) and search terms; logged out it reads the public listings, and the demo
# logs in for the inbox and replies.
[[source]]
kind = "reddit"
name = "Reddit (simulated)"
base_url = "{base_url}/reddit"
queries = ["r/Portland", "r/Coffee", "Brightside Coffee"]
client_id = "simRedditClient"
interval_secs = 5
"##
    )
}

fn router(state: Arc<SimState>, faults: Arc<Faults>) -> Router {
    let control = Router::new()
        .route("/_sim/fault", post(set_fault))
        .route("/_sim/requests", get(requests))
        .with_state(faults);
    Router::new()
        .route("/", get(index))
        .route("/hn/api/v1/search_by_date", get(hn_search))
        .route("/hn/api/v1/users/{name}", get(hn_user))
        .route("/rss/alerts.xml", get(alerts_feed))
        .route("/rss/reviews.xml", get(reviews_feed))
        .with_state(state)
        .merge(control)
}

async fn index() -> Json<serde_json::Value> {
    Json(json!({
        "simulator": "earshot-sim",
        "endpoints": ["/hn/api/v1/search_by_date", "/hn/api/v1/users/:name", "/rss/alerts.xml", "/rss/reviews.xml",
            "/mastodon/api/v2/instance", "/mastodon/api/v1/timelines/tag/:tag", "/mastodon/api/v1/notifications", "/mastodon/api/v2/search",
            "/mastodon/api/v1/apps", "/mastodon/oauth/authorize", "/mastodon/oauth/token", "/mastodon/api/v1/statuses", "/mastodon/api/v1/streaming",
            "/bsky/subscribe", "/bsky/xrpc/…", "/_sim/fault", "/_sim/requests", "/_sim/post", "/_sim/stream", "/_sim/writes", "/_sim/social"]
    }))
}

#[derive(Deserialize)]
struct FaultParams {
    target: String,
    #[serde(flatten)]
    spec: FaultSpec,
}

async fn set_fault(State(f): State<Arc<Faults>>, Query(p): Query<FaultParams>) -> Response {
    match f.set(&p.target, p.spec) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    }
}

async fn requests(State(f): State<Arc<Faults>>) -> Json<Vec<RequestRecord>> {
    Json(f.requests())
}

fn escape(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

#[derive(Deserialize)]
struct HnParams {
    #[serde(default)]
    query: String,
    #[serde(default, rename = "numericFilters")]
    numeric_filters: Option<String>,
    #[serde(default, rename = "hitsPerPage")]
    hits_per_page: Option<usize>,
    #[serde(default)]
    page: Option<usize>,
}

fn since_filter(f: &str) -> Option<(i64, bool)> {
    let rest = f.trim().strip_prefix("created_at_i")?;
    if let Some(v) = rest.strip_prefix(">=") {
        return Some((v.trim().parse().ok()?, true));
    }
    Some((rest.strip_prefix('>')?.trim().parse().ok()?, false))
}

async fn hn_search(
    State(s): State<Arc<SimState>>,
    Query(p): Query<HnParams>,
    uri: axum::http::Uri,
) -> Response {
    let words: Vec<String> = p.query.split_whitespace().map(str::to_lowercase).collect();
    let since = p.numeric_filters.as_deref().and_then(since_filter);
    let mut hits: Vec<&SimPost> = s
        .visible(Feed::Hackernews)
        .filter(|post| {
            let hay =
                format!("{} {}", post.title.as_deref().unwrap_or(""), post.text).to_lowercase();
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .filter(|post| match since {
            Some((t, true)) => post.created_at(s.start) >= t,
            Some((t, false)) => post.created_at(s.start) > t,
            None => true,
        })
        .collect();
    hits.sort_by_key(|post| std::cmp::Reverse(post.created_at(s.start)));
    let per = p.hits_per_page.unwrap_or(20).clamp(1, 1000);
    let page = p.page.unwrap_or(0);
    let nb_hits = hits.len();
    let nb_pages = nb_hits.div_ceil(per);
    let hits: Vec<serde_json::Value> = hits
        .into_iter()
        .skip(page * per)
        .take(per)
        .map(|post| hn_hit(post, s.start))
        .collect();
    let body = json!({
        "hits": hits,
        "nbHits": nb_hits,
        "page": page,
        "nbPages": nb_pages,
        "hitsPerPage": per,
        "exhaustiveNbHits": true,
        "query": p.query,
        "params": uri.query().unwrap_or(""),
        "processingTimeMS": 1
    });
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}

fn hn_hit(post: &SimPost, start: i64) -> serde_json::Value {
    let created = post.created_at(start);
    let id: i64 = post.external_id.parse().unwrap_or_default();
    let mut html = escape(&post.text);
    if let Some(raw) = &post.raw_html {
        html.push_str("<p>");
        html.push_str(raw);
    }
    let story_id = id - 1000;
    if post.is_comment {
        json!({
            "created_at": iso(created), "title": null, "url": null, "author": post.author,
            "points": null, "story_text": null, "comment_text": html, "num_comments": null,
            "story_id": story_id, "story_title": "Ask HN: Favourite local coffee roasters?", "story_url": null,
            "parent_id": story_id, "created_at_i": created,
            "_tags": ["comment", format!("author_{}", post.author), format!("story_{story_id}")],
            "objectID": post.external_id,
            "_highlightResult": {"author": {"value": post.author, "matchLevel": "none", "matchedWords": []}}
        })
    } else {
        json!({
            "created_at": iso(created), "title": post.title, "url": "https://brightside.coffee/blog/roast-logger",
            "author": post.author, "points": 42, "story_text": html, "comment_text": null, "num_comments": 7,
            "story_id": null, "story_title": null, "story_url": null, "parent_id": null, "created_at_i": created,
            "_tags": ["story", format!("author_{}", post.author), format!("story_{}", post.external_id)],
            "objectID": post.external_id,
            "_highlightResult": {"title": {"value": post.title, "matchLevel": "none", "matchedWords": []}}
        })
    }
}

async fn hn_user(State(s): State<Arc<SimState>>, Path(name): Path<String>) -> Response {
    match s.posts.iter().find(|p| p.feed == Feed::Hackernews && p.author == name) {
        Some(p) => Json(json!({
            "username": name, "about": "", "karma": p.karma.unwrap_or(1),
            "created_at": iso(s.start - 5 * 365 * 86_400), "avg": null, "delay": null, "submitted": 12,
            "updated_at": iso(s.now()), "submission_count": 3, "comment_count": 9,
            "created_at_i": s.start - 5 * 365 * 86_400, "objectID": name
        }))
        .into_response(),
        None => (StatusCode::NOT_FOUND, Json(json!({"status": 404, "error": "Not Found"}))).into_response(),
    }
}

fn etag_for<'a>(posts: impl Iterator<Item = &'a SimPost>) -> String {
    let ids: Vec<&str> = posts.map(|p| p.external_id.as_str()).collect();
    // FNV-1a over the visible ids: changes exactly when the feed's content does.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in ids.join(",").bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("\"{h:016x}\"")
}

fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag)
}

/// Serves one simulated feed: visible posts newest first, an ETag over them, 304 when the
/// client already has this version, and the source's fault applied.
fn serve_feed(
    s: &SimState,
    feed: Feed,
    headers: &HeaderMap,
    content_type: &'static str,
    render: impl FnOnce(&[&SimPost]) -> String,
) -> Response {
    let mut posts: Vec<&SimPost> = s.visible(feed).collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.created_at(s.start)));
    let etag = etag_for(posts.iter().copied());
    if not_modified(headers, &etag) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let mut r = ([(header::CONTENT_TYPE, content_type)], render(&posts)).into_response();
    if let Ok(v) = etag.parse() {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

async fn alerts_feed(State(s): State<Arc<SimState>>, headers: HeaderMap) -> Response {
    serve_feed(
        &s,
        Feed::Alerts,
        &headers,
        "application/atom+xml; charset=utf-8",
        |posts| {
            let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:idx=\"urn:atom-extension:indexing\">\n  <id>tag:google.com,2005:reader/user/00000000000000000000/state/com.google/alerts/1</id>\n  <title>Google Alert - Brightside Coffee</title>\n",
        );
            xml.push_str(&format!("  <link href=\"https://www.google.com/alerts/feeds/0/1\" rel=\"self\"></link>\n  <updated>{}</updated>\n", iso(s.now())));
            for p in posts.iter().copied() {
                let link = p.link.as_deref().unwrap_or("https://example.com/");
                let wrapped = format!(
                    "https://www.google.com/url?rct=j&sa=t&url={link}&ct=ga&cd=CAIyGjE&usg=AFQjCNE"
                );
                let highlighted = escape(&p.text).replace(BUSINESS, &format!("<b>{BUSINESS}</b>"));
                xml.push_str(&format!(
                "  <entry>\n    <id>{}</id>\n    <title type=\"html\">{}</title>\n    <link href=\"{}\"></link>\n    <published>{}</published>\n    <updated>{}</updated>\n    <content type=\"html\">{}</content>\n    <author>\n      <name></name>\n    </author>\n  </entry>\n",
                p.external_id,
                escape(&escape(p.title.as_deref().unwrap_or(""))),
                escape(&wrapped),
                iso(p.created_at(s.start)),
                iso(p.created_at(s.start)),
                escape(&highlighted),
            ));
            }
            xml.push_str("</feed>\n");
            xml
        },
    )
}

async fn reviews_feed(State(s): State<Arc<SimState>>, headers: HeaderMap) -> Response {
    serve_feed(
        &s,
        Feed::Reviews,
        &headers,
        "application/rss+xml; charset=utf-8",
        |posts| {
            let rfc2822 = |t: i64| {
                chrono::DateTime::from_timestamp(t, 0)
                    .unwrap_or_default()
                    .to_rfc2822()
            };
            let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n  <channel>\n    <title>Reviews of {BUSINESS}</title>\n    <description>Latest customer reviews</description>\n    <link>https://reviews.example.com/brightside-coffee</link>\n    <lastBuildDate>{}</lastBuildDate>\n    <ttl>5</ttl>\n",
            rfc2822(s.now())
        );
            for p in posts.iter().copied() {
                xml.push_str(&format!(
                "    <item>\n      <title>{}</title>\n      <description>{}</description>\n      <link>{}</link>\n      <guid isPermaLink=\"false\">{}</guid>\n      <dc:creator>{}</dc:creator>\n      <pubDate>{}</pubDate>\n    </item>\n",
                escape(p.title.as_deref().unwrap_or("")),
                escape(&escape(&p.text)),
                escape(p.link.as_deref().unwrap_or("")),
                escape(&p.external_id),
                escape(&p.author),
                rfc2822(p.created_at(s.start)),
            ));
            }
            xml.push_str("  </channel>\n</rss>\n");
            xml
        },
    )
}
