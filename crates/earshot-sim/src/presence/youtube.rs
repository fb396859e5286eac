//! The simulated YouTube Data API v3 under `/google/youtube/v3` (Google's own address layout),
//! signed in through the simulated Google: comment threads of the owner's channel with their
//! replies (newest activity first, `pageToken` paging), comments by parent, search for videos,
//! channels (statistics, `mine=true`), videos, and the writes `comments.insert` and
//! `commentThreads.insert`. A quota error (403 `quotaExceeded`) comes through the faults.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::{merge, Item, ItemKind, Presence, Where, YT_CHANNEL};
use crate::lock;
use crate::social::{Net, SocialHandle, Write};

type S = State<SocialHandle>;
type Q = Query<HashMap<String, String>>;

/// The YouTube routes.
pub(crate) fn routes() -> Router<SocialHandle> {
    Router::new()
        .route(
            "/google/youtube/v3/commentThreads",
            get(threads).post(insert_thread),
        )
        .route(
            "/google/youtube/v3/comments",
            get(comments).post(insert_reply),
        )
        .route("/google/youtube/v3/search", get(search))
        .route("/google/youtube/v3/channels", get(channels))
        .route("/google/youtube/v3/videos", get(videos))
}

fn refused(p: &Presence, headers: &HeaderMap) -> Option<Response> {
    if *lock(&p.youtube_quota_out) {
        // As Google answers a project whose daily quota is used up.
        return Some((StatusCode::FORBIDDEN, Json(json!({"error": {"code": 403, "message": "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "errors": [{"message": "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "domain": "youtube.quota", "reason": "quotaExceeded"}]}}))).into_response());
    }
    let t = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if lock(&p.google_tokens).contains(t) {
        return None;
    }
    Some((StatusCode::UNAUTHORIZED, Json(json!({"error": {"code": 401, "message": "Request had invalid authentication credentials.", "errors": [{"message": "Invalid Credentials", "domain": "global", "reason": "authError"}], "status": "UNAUTHENTICATED"}}))).into_response())
}

fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn comment(p: &Presence, c: &Item) -> Value {
    let mut snippet = json!({
        "videoId": c.post, "textDisplay": html_escape::encode_text(&c.text), "textOriginal": c.text,
        "authorDisplayName": c.author, "authorProfileImageUrl": "https://yt3.ggpht.com/sim=s48",
        "authorChannelUrl": format!("http://www.youtube.com/channel/{}", c.author_id),
        "authorChannelId": {"value": c.author_id}, "canRate": true, "viewerRating": "none", "likeCount": 0,
        "publishedAt": rfc3339(p.created(c)), "updatedAt": rfc3339(p.created(c)),
    });
    if let Some(parent) = &c.parent {
        snippet["parentId"] = json!(parent);
    }
    merge(
        json!({"kind": "youtube#comment", "etag": "sim", "id": c.id, "snippet": snippet}),
        &c.raw,
    )
}

fn visible(p: &Presence) -> Vec<Item> {
    p.visible(Where::Youtube)
}

fn page(items: Vec<Value>, q: &HashMap<String, String>, kind: &str) -> Response {
    let size: usize = q
        .get("maxResults")
        .and_then(|m| m.parse().ok())
        .unwrap_or(20)
        .clamp(1, 100);
    let from: usize = q
        .get("pageToken")
        .and_then(|t| t.strip_prefix("p").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let total = items.len();
    let data: Vec<Value> = items.into_iter().skip(from).take(size).collect();
    let mut v = json!({"kind": kind, "pageInfo": {"totalResults": total, "resultsPerPage": size}, "items": data});
    if from + size < total {
        v["nextPageToken"] = json!(format!("p{}", from + size));
    }
    Json(v).into_response()
}

async fn threads(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let video = q.get("videoId").cloned();
    if video.is_none()
        && q.get("allThreadsRelatedToChannelId").map(String::as_str) != Some(YT_CHANNEL)
    {
        return (StatusCode::FORBIDDEN, Json(json!({"error": {"code": 403, "message": "The comment thread could not be retrieved: the channel is not yours.", "errors": [{"reason": "forbidden"}]}}))).into_response();
    }
    let all = visible(p);
    let mut tops: Vec<&Item> = all
        .iter()
        .filter(|i| i.kind == ItemKind::Comment && i.parent.is_none())
        .filter(|i| video.is_none() || i.post == video)
        .collect();
    let activity = |t: &Item| {
        all.iter()
            .filter(|r| r.parent.as_deref() == Some(t.id.as_str()))
            .map(|r| p.created(r))
            .chain([p.created(t)])
            .max()
            .unwrap_or(0)
    };
    tops.sort_by_key(|t| std::cmp::Reverse((activity(t), t.id.clone())));
    let items: Vec<Value> = tops
        .iter()
        .map(|t| {
            let replies: Vec<Value> = all.iter().filter(|r| r.parent.as_deref() == Some(t.id.as_str())).map(|r| comment(p, r)).collect();
            let mut v = json!({"kind": "youtube#commentThread", "etag": "sim", "id": t.id, "snippet": {
                "channelId": YT_CHANNEL, "videoId": t.post, "topLevelComment": comment(p, t), "canReply": true,
                "totalReplyCount": replies.len(), "isPublic": true}});
            if !replies.is_empty() {
                v["replies"] = json!({"comments": replies});
            }
            v
        })
        .collect();
    page(items, &q, "youtube#commentThreadListResponse")
}

async fn comments(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let parent = q.get("parentId").cloned().unwrap_or_default();
    let items = visible(p)
        .iter()
        .filter(|r| r.parent.as_deref() == Some(parent.as_str()))
        .map(|r| comment(p, r))
        .collect();
    page(items, &q, "youtube#commentListResponse")
}

async fn search(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let words: Vec<String> = q
        .get("q")
        .cloned()
        .unwrap_or_default()
        .split('|')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<Item> = visible(p)
        .into_iter()
        .filter(|i| {
            i.kind == ItemKind::Tag && words.iter().any(|w| i.text.to_lowercase().contains(w))
        })
        .collect();
    found.sort_by_key(|i| std::cmp::Reverse(p.created(i)));
    let items = found
        .iter()
        .map(|v| merge(json!({"kind": "youtube#searchResult", "etag": "sim", "id": {"kind": "youtube#video", "videoId": v.id}, "snippet": {
            "publishedAt": rfc3339(p.created(v)), "channelId": v.author_id, "title": html_escape::encode_text(&v.text),
            "description": "", "channelTitle": v.author, "liveBroadcastContent": "none"}}), &v.raw))
        .collect();
    page(items, &q, "youtube#searchListResponse")
}

async fn channels(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    if q.get("mine").map(String::as_str) == Some("true") {
        return Json(json!({"kind": "youtube#channelListResponse", "items": [{"kind": "youtube#channel", "id": YT_CHANNEL, "snippet": {"title": "Brightside Coffee"}}]})).into_response();
    }
    let all = visible(p);
    let items: Vec<Value> = q
        .get("id")
        .map(|ids| ids.split(',').map(str::to_string).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|id| {
            let who = all.iter().find(|i| i.author_id == id)?;
            let subs = who.followers.unwrap_or(12 + who.author.len() as i64 * 7);
            Some(json!({"kind": "youtube#channel", "id": id, "statistics": {"viewCount": "1000", "subscriberCount": subs.to_string(), "hiddenSubscriberCount": false, "videoCount": "3"}}))
        })
        .collect();
    Json(json!({"kind": "youtube#channelListResponse", "items": items})).into_response()
}

async fn videos(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let all = visible(p);
    let items: Vec<Value> = q
        .get("id")
        .map(|ids| ids.split(',').map(str::to_string).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|id| {
            let v = all.iter().find(|i| i.id == id && matches!(i.kind, ItemKind::Post | ItemKind::Tag))?;
            Some(json!({"kind": "youtube#video", "id": id, "snippet": {"publishedAt": rfc3339(p.created(v)), "channelId": v.author_id, "title": html_escape::encode_text(&v.text), "channelTitle": v.author}}))
        })
        .collect();
    Json(json!({"kind": "youtube#videoListResponse", "items": items})).into_response()
}

fn own(p: &Presence, post: Option<String>, parent: Option<String>, text: &str) -> Item {
    let n = p.seq();
    let item = Item {
        at: Where::Youtube,
        kind: ItemKind::Comment,
        id: format!("UgzOwn{n:06}AaABAg"),
        post,
        parent,
        author_id: YT_CHANNEL.into(),
        author: "Brightside Coffee".into(),
        followers: None,
        text: text.into(),
        rating: None,
        offset_secs: p.elapsed(),
        backdate_secs: 0,
        edited_secs: None,
        edited_text: None,
        edited_rating: None,
        raw: None,
        emitted_ms: Some(0),
    };
    p.push(item)
}

async fn insert_reply(State(h): S, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let v: Value = serde_json::from_slice(&body).unwrap_or_default();
    let parent = v["snippet"]["parentId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let text = v["snippet"]["textOriginal"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let Some(top) = visible(p)
        .into_iter()
        .find(|i| i.id == parent && i.kind == ItemKind::Comment && i.parent.is_none())
    else {
        h.record_write(Write {
            net: Net::Youtube,
            path: "/comments".into(),
            idempotency_key: None,
            proxy: None,
            body: json!({"parentId": parent, "text": text}),
            accepted: false,
        });
        return (StatusCode::NOT_FOUND, Json(json!({"error": {"code": 404, "message": "The comment identified by the request's parentId parameter could not be found.", "errors": [{"reason": "parentCommentNotFound"}]}}))).into_response();
    };
    let item = own(p, top.post.clone(), Some(parent.clone()), &text);
    h.record_write(Write {
        net: Net::Youtube,
        path: "/comments".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"parentId": parent, "text": text, "id": item.id}),
        accepted: true,
    });
    Json(comment(p, &item)).into_response()
}

async fn insert_thread(State(h): S, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let p = h.presence();
    if let Some(r) = refused(p, &headers) {
        return r;
    }
    let v: Value = serde_json::from_slice(&body).unwrap_or_default();
    let video = v["snippet"]["videoId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let text = v["snippet"]["topLevelComment"]["snippet"]["textOriginal"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let item = own(p, Some(video.clone()), None, &text);
    h.record_write(Write {
        net: Net::Youtube,
        path: "/commentThreads".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"videoId": video, "text": text, "id": item.id}),
        accepted: true,
    });
    Json(json!({"kind": "youtube#commentThread", "id": item.id, "snippet": {"videoId": video, "topLevelComment": comment(p, &item)}})).into_response()
}
