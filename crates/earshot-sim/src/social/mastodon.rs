//! The simulated Mastodon instance: REST, OAuth and posting.

use std::collections::HashMap;

use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{esc, iso, Net, Social, SocialPost, Write, MASTODON_ACCOUNT, S};
use crate::lock;

pub(super) fn unauthorized_m() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "The access token is invalid"})),
    )
        .into_response()
}

pub(super) fn m_account(s: &Social, p: &SocialPost) -> Value {
    let host = host_of(&lock(&s.base));
    let account = json!({
        "id": p.author_id, "username": p.handle, "acct": p.handle, "display_name": p.display_name,
        "locked": false, "bot": false, "discoverable": true, "group": false,
        "created_at": "2024-01-01T00:00:00.000Z", "note": "",
        "url": format!("http://{host}/@{}", p.handle),
        "avatar": format!("http://{host}/avatars/original/missing.png"),
        "followers_count": p.followers, "following_count": 10, "statuses_count": 42,
        "emojis": [], "fields": []
    });
    super::merge_raw(account, p.raw.as_ref().and_then(|r| r.get("account")))
}

pub(super) fn host_of(base: &str) -> String {
    base.split("://")
        .nth(1)
        .unwrap_or("127.0.0.1")
        .trim_end_matches('/')
        .to_string()
}

pub(super) fn m_status(s: &Social, p: &SocialPost) -> Value {
    let host = host_of(&lock(&s.base));
    let mut html = String::from("<p>");
    for word in p.text.split(' ') {
        if let Some(tag) = word.strip_prefix('#') {
            html.push_str(&format!("<a href=\"http://{host}/tags/{0}\" class=\"mention hashtag\" rel=\"tag\">#<span>{0}</span></a> ", esc(tag)));
        } else if word == format!("@{MASTODON_ACCOUNT}") {
            html.push_str(&format!("<span class=\"h-card\"><a href=\"http://{host}/@{MASTODON_ACCOUNT}\" class=\"u-url mention\">@<span>{MASTODON_ACCOUNT}</span></a></span> "));
        } else {
            html.push_str(&esc(word));
            html.push(' ');
        }
    }
    html = html.trim_end().to_string();
    html.push_str("</p>");
    let status = json!({
        "id": p.id, "created_at": iso(s.created_at(p)), "in_reply_to_id": null, "in_reply_to_account_id": null,
        "sensitive": false, "spoiler_text": "", "visibility": "public", "language": "en",
        "uri": format!("http://{host}/users/{}/statuses/{}", p.handle, p.id),
        "url": format!("http://{host}/@{}/{}", p.handle, p.id),
        "replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "quotes_count": 0,
        "edited_at": null, "content": html, "reblog": null,
        "application": {"name": "Web", "website": null},
        "account": m_account(s, p), "media_attachments": [], "mentions": [], "tags": [], "emojis": [],
        "card": null, "poll": null
    });
    super::merge_raw(status, p.raw.as_ref())
}

pub(super) fn m_notification(s: &Social, p: &SocialPost) -> Value {
    json!({
        "id": p.id, "type": "mention", "created_at": iso(s.created_at(p)),
        "group_key": format!("ungrouped-{}", p.id), "account": m_account(s, p), "status": m_status(s, p)
    })
}

pub(super) fn has_tag(p: &SocialPost, tag: &str) -> bool {
    p.text
        .to_lowercase()
        .contains(&format!("#{}", tag.to_lowercase()))
}

pub(super) fn newer(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

#[derive(Deserialize, Default)]
pub(super) struct Paging {
    #[serde(default)]
    min_id: Option<String>,
    #[serde(default)]
    since_id: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    q: Option<String>,
}

/// The page after `min_id` (oldest-first selection, served newest first), or the newest page.
pub(super) fn page(mut posts: Vec<SocialPost>, p: &Paging) -> Vec<SocialPost> {
    let limit = p.limit.unwrap_or(20).clamp(1, 40);
    posts.sort_by(|a, b| (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)));
    let after = p.min_id.as_deref().or(p.since_id.as_deref());
    let mut sel: Vec<SocialPost> = match (after, p.min_id.is_some()) {
        (Some(a), true) => posts
            .into_iter()
            .filter(|x| newer(&x.id, a))
            .take(limit)
            .collect(),
        (Some(a), false) => {
            let v: Vec<_> = posts.into_iter().filter(|x| newer(&x.id, a)).collect();
            let skip = v.len().saturating_sub(limit);
            v.into_iter().skip(skip).collect()
        }
        (None, _) => {
            let skip = posts.len().saturating_sub(limit);
            posts.into_iter().skip(skip).collect()
        }
    };
    sel.reverse();
    sel
}

pub(super) async fn m_instance(State(h): S) -> Json<Value> {
    let base = lock(&h.0.base).clone();
    let tags = if *lock(&h.0.hashtags_need_login) {
        "authenticated"
    } else {
        "public"
    };
    Json(json!({
        "domain": host_of(&base), "title": "Simulated Mastodon", "version": "4.4.0",
        "source_url": "https://github.com/mastodon/mastodon", "description": "Earshot's simulated instance",
        "configuration": {
            "urls": {"streaming": format!("{}/mastodon", base.replace("http://", "ws://"))},
            "statuses": {"max_characters": 500, "max_media_attachments": 4, "characters_reserved_per_url": 23},
            "timelines_access": {"live_feeds": {"local": "public", "remote": "public"}, "hashtag_feeds": {"local": tags, "remote": tags}}
        }
    }))
}

pub(super) async fn m_tag(
    State(h): S,
    headers: HeaderMap,
    Path(tag): Path<String>,
    Query(p): Query<Paging>,
) -> Response {
    let s = &h.0;
    if *lock(&s.hashtags_need_login) && !s.authorized(&headers) {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"error": "This method requires an authenticated user"})),
        )
            .into_response();
    }
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| has_tag(x, &tag))
        .collect();
    Json(Value::Array(
        page(posts, &p).iter().map(|x| m_status(s, x)).collect(),
    ))
    .into_response()
}

/// The public RSS feed of a hashtag (`/tags/:tag.rss`), as Mastodon serves it: newest first,
/// each item's link and guid the status's address, its description the status HTML.
pub(super) async fn m_tag_rss(State(h): S, Path(file): Path<String>) -> Response {
    let s = &h.0;
    let Some(tag) = file.strip_suffix(".rss") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let base = lock(&s.base).clone();
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| has_tag(x, tag))
        .collect();
    posts.sort_by(|a, b| (b.id.len(), &b.id).cmp(&(a.id.len(), &a.id)));
    let rfc2822 = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .unwrap_or_default()
            .to_rfc2822()
    };
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">\n  <channel>\n    <title>#{}</title>\n    <description>Public posts tagged #{}</description>\n    <link>{base}/tags/{}</link>\n",
        esc(tag), esc(tag), esc(tag)
    );
    for p in posts.iter().take(20) {
        let link = format!("{base}/@{}/{}", p.handle, p.id);
        let html = m_status(s, p)["content"].as_str().unwrap_or("").to_string();
        xml.push_str(&format!(
            "    <item>\n      <guid isPermaLink=\"true\">{link}</guid>\n      <link>{link}</link>\n      <pubDate>{}</pubDate>\n      <description>{}</description>\n    </item>\n",
            rfc2822(s.created_at(p)),
            esc(&html)
        ));
    }
    xml.push_str("  </channel>\n</rss>\n");
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/rss+xml; charset=utf-8",
        )],
        xml,
    )
        .into_response()
}

pub(super) async fn m_notifications(
    State(h): S,
    headers: HeaderMap,
    Query(p): Query<Paging>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return unauthorized_m();
    }
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| x.to_owner)
        .collect();
    Json(Value::Array(
        page(posts, &p)
            .iter()
            .map(|x| m_notification(s, x))
            .collect(),
    ))
    .into_response()
}

pub(super) async fn m_search(State(h): S, headers: HeaderMap, Query(p): Query<Paging>) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return unauthorized_m();
    }
    let q = p.q.clone().unwrap_or_default().to_lowercase();
    let posts = s
        .visible(Net::Mastodon)
        .into_iter()
        .filter(|x| !q.is_empty() && x.text.to_lowercase().contains(&q))
        .collect();
    let statuses: Vec<Value> = page(posts, &p).iter().map(|x| m_status(s, x)).collect();
    Json(json!({"accounts": [], "statuses": statuses, "hashtags": []})).into_response()
}

pub(super) async fn m_apps(State(h): S, Form(f): Form<HashMap<String, String>>) -> Json<Value> {
    let id = h.0.new_token("client");
    let secret = h.0.new_token("secret");
    Json(json!({
        "id": "1", "name": f.get("client_name").cloned().unwrap_or_default(),
        "website": f.get("website"), "scopes": f.get("scopes").map(|s| s.split(' ').collect::<Vec<_>>()),
        "redirect_uri": f.get("redirect_uris"), "redirect_uris": [f.get("redirect_uris")],
        "client_id": id, "client_secret": secret, "vapid_key": ""
    }))
}

pub(super) async fn m_authorize(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let (Some(redirect), Some(challenge)) = (q.get("redirect_uri"), q.get("code_challenge")) else {
        return (
            StatusCode::BAD_REQUEST,
            "redirect_uri and code_challenge are required",
        )
            .into_response();
    };
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return (StatusCode::BAD_REQUEST, "only S256 PKCE is accepted").into_response();
    }
    let code = h.0.new_token("code");
    lock(&h.0.codes).insert(code.clone(), (challenge.clone(), redirect.clone()));
    let state = q.get("state").cloned().unwrap_or_default();
    let sep = if redirect.contains('?') { '&' } else { '?' };
    Redirect::to(&format!(
        "{redirect}{sep}code={code}&state={}",
        urlenc(&state)
    ))
    .into_response()
}

pub(super) fn urlenc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(super) async fn m_token(State(h): S, Form(f): Form<HashMap<String, String>>) -> Response {
    let code = f.get("code").cloned().unwrap_or_default();
    let Some((challenge, redirect)) = lock(&h.0.codes).remove(&code) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_grant", "error_description": "unknown or used code"})),
        )
            .into_response();
    };
    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
    if pkce_s256(&verifier) != challenge || f.get("redirect_uri") != Some(&redirect) {
        return (
            StatusCode::BAD_REQUEST,
            Json(
                json!({"error": "invalid_grant", "error_description": "PKCE verification failed"}),
            ),
        )
            .into_response();
    }
    let token = h.0.new_token("mastodon-token");
    Json(json!({"access_token": token, "token_type": "Bearer", "scope": "read write:statuses", "created_at": chrono::Utc::now().timestamp()})).into_response()
}

/// BASE64URL(SHA-256(verifier)) without padding.
pub(super) fn pkce_s256(verifier: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()))
}

pub(super) async fn m_me(State(h): S, headers: HeaderMap) -> Response {
    if !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    Json(json!({"id": "1", "username": MASTODON_ACCOUNT, "acct": MASTODON_ACCOUNT, "display_name": "Brightside Coffee", "followers_count": 1200, "url": ""})).into_response()
}

pub(super) async fn m_post(State(h): S, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let s = &h.0;
    let value: Value = serde_json::from_slice(&body).unwrap_or_else(|_| {
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(&body).into_owned().collect();
        json!(form)
    });
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if !s.authorized(&headers) {
        s.record(Write {
            net: Net::Mastodon,
            path: "/api/v1/statuses".into(),
            idempotency_key: key,
            proxy: None,
            body: value,
            accepted: false,
        });
        return unauthorized_m();
    }
    if let Some(prev) = key
        .as_ref()
        .and_then(|k| lock(&s.idempotent).get(k).cloned())
    {
        s.record(Write {
            net: Net::Mastodon,
            path: "/api/v1/statuses".into(),
            idempotency_key: key,
            proxy: None,
            body: value,
            accepted: false,
        });
        return Json(prev).into_response();
    }
    let text = value
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    if text.trim().is_empty() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({"error": "Validation failed: Text can't be blank"})),
        )
            .into_response();
    }
    let mut n = lock(&s.next_id);
    *n += 1;
    let id = (115_000_000_000_000_000u64 + *n).to_string();
    drop(n);
    let host = host_of(&lock(&s.base));
    let visibility = value
        .get("visibility")
        .and_then(Value::as_str)
        .unwrap_or("public")
        .to_string();
    let resp = json!({
        "id": id, "created_at": iso(chrono::Utc::now().timestamp()),
        "in_reply_to_id": value.get("in_reply_to_id"), "in_reply_to_account_id": null,
        "sensitive": false, "spoiler_text": "", "visibility": visibility, "language": "en",
        "uri": format!("http://{host}/users/{MASTODON_ACCOUNT}/statuses/{id}"),
        "url": format!("http://{host}/@{MASTODON_ACCOUNT}/{id}"),
        "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
        "content": format!("<p>{}</p>", esc(&text)), "reblog": null,
        "account": {"id": "1", "username": MASTODON_ACCOUNT, "acct": MASTODON_ACCOUNT, "display_name": "Brightside Coffee", "followers_count": 1200},
        "media_attachments": [], "mentions": [], "tags": [], "emojis": []
    });
    if let Some(k) = &key {
        lock(&s.idempotent).insert(k.clone(), resp.clone());
    }
    s.record(Write {
        net: Net::Mastodon,
        path: "/api/v1/statuses".into(),
        idempotency_key: key,
        proxy: None,
        body: value,
        accepted: true,
    });
    Json(resp).into_response()
}
