//! The Graph API of the simulated Page and Instagram account.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use super::graph_writes as writes;
use super::{
    graph_time, merge, Item, ItemKind, Presence, Where, IG_ID, IG_USERNAME, PAGE_ID, PAGE_NAME,
    PAGE_TOKEN,
};
use crate::lock;
use crate::social::SocialHandle;

type S = State<SocialHandle>;
type Q = Query<HashMap<String, String>>;

pub(super) const USER_TOKEN: &str = "EAAsimUserTokenOwner";

/// The Graph routes.
pub(crate) fn routes() -> Router<SocialHandle> {
    Router::new()
        .route("/graph/v19.0/", get(ids))
        .route("/graph/v19.0/{a}", get(object).post(writes::post_object))
        .route("/graph/v19.0/{a}/{edge}", get(edge).post(writes::post_edge))
}

pub(super) fn token(headers: &HeaderMap, q: &HashMap<String, String>) -> String {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("OAuth "))
        })
        .map(str::to_string)
        .or_else(|| q.get("access_token").cloned())
        .unwrap_or_default()
}

pub(super) fn error(
    status: StatusCode,
    code: i64,
    subcode: Option<i64>,
    message: &str,
) -> Response {
    let mut e = json!({"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AsimTrace0001"});
    if let Some(s) = subcode {
        e["error_subcode"] = json!(s);
    }
    (status, Json(json!({ "error": e }))).into_response()
}

pub(super) fn ok(p: &Presence, v: Value) -> Response {
    let mut r = Json(v).into_response();
    let (app, page) = p.usage();
    for (name, value) in [("x-app-usage", app), ("x-business-use-case-usage", page)] {
        if let Ok(h) = HeaderValue::from_str(&value) {
            r.headers_mut().insert(name, h);
        }
    }
    r
}

/// The Page token check: #190 as Meta answers an invalid or expired one.
pub(super) fn check(p: &Presence, t: &str) -> Option<Response> {
    if t == PAGE_TOKEN && !*lock(&p.page_token_expired) {
        return None;
    }
    if t == PAGE_TOKEN {
        return Some(error(StatusCode::BAD_REQUEST, 190, Some(463), "Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST."));
    }
    Some(error(
        StatusCode::BAD_REQUEST,
        190,
        None,
        "Invalid OAuth access token - Cannot parse access token",
    ))
}

pub(super) fn no_object(id: &str) -> Response {
    error(StatusCode::BAD_REQUEST, 100, Some(33), &format!("Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api"))
}

pub(super) fn num(id: &str) -> &str {
    id.rsplit('_').next().unwrap_or(id)
}

pub(super) fn visible_all(p: &Presence) -> Vec<Item> {
    let mut v = p.visible(Where::Facebook);
    v.extend(p.visible(Where::Instagram));
    v
}

fn fb_comment(p: &Presence, c: &Item, all: &[Item]) -> Value {
    let post = c.post.clone().unwrap_or_default();
    let permalink = match &c.parent {
        Some(parent) => format!(
            "https://www.facebook.com/{PAGE_ID}/posts/{}/?comment_id={}&reply_comment_id={}",
            num(&post),
            num(parent),
            num(&c.id)
        ),
        None => format!(
            "https://www.facebook.com/{PAGE_ID}/posts/{}/?comment_id={}",
            num(&post),
            num(&c.id)
        ),
    };
    let mut v = json!({
        "id": c.id,
        "message": c.text,
        "created_time": graph_time(p.created(c)),
        "from": {"id": c.author_id, "name": c.author},
        "permalink_url": permalink,
        "like_count": 0,
        "comment_count": all.iter().filter(|x| x.parent.as_deref() == Some(c.id.as_str())).count(),
        "is_hidden": lock(&p.hidden).contains(&c.id),
    });
    if let Some(parent) = &c.parent {
        v["parent"] = json!({"id": parent});
    }
    merge(v, &c.raw)
}

fn fb_post(p: &Presence, post: &Item, all: &[Item]) -> Value {
    let comments: Vec<&Item> = all
        .iter()
        .filter(|c| c.kind == ItemKind::Comment && c.post.as_deref() == Some(post.id.as_str()))
        .collect();
    let updated = comments
        .iter()
        .map(|c| p.created(c))
        .chain([p.created(post)])
        .max()
        .unwrap_or(0);
    merge(
        json!({
            "id": post.id,
            "message": post.text,
            "created_time": graph_time(p.created(post)),
            "updated_time": graph_time(updated),
            "permalink_url": format!("https://www.facebook.com/{}/posts/{}/", post.id.split('_').next().unwrap_or(PAGE_ID), num(&post.id)),
            "from": {"id": post.author_id, "name": post.author},
            "comments": {"data": [], "summary": {"order": "chronological", "total_count": comments.len(), "can_comment": true}},
            "reactions": {"data": [], "summary": {"total_count": 3, "viewer_reaction": "NONE"}},
            "shares": {"count": 0},
        }),
        &post.raw,
    )
}

fn ig_comment(p: &Presence, c: &Item, all: &[Item], nested: bool) -> Value {
    let mut v = json!({
        "id": c.id,
        "text": c.text,
        "timestamp": graph_time(p.created(c)),
        "username": c.author,
        "from": {"id": c.author_id, "username": c.author},
        "like_count": 0,
        "hidden": lock(&p.hidden).contains(&c.id),
    });
    if nested {
        let replies: Vec<Value> = all
            .iter()
            .filter(|r| r.parent.as_deref() == Some(c.id.as_str()))
            .map(|r| ig_comment(p, r, all, false))
            .collect();
        v["replies"] = json!({ "data": replies });
    }
    merge(v, &c.raw)
}

fn ig_media(p: &Presence, m: &Item, all: &[Item]) -> Value {
    let count = all
        .iter()
        .filter(|c| c.kind == ItemKind::Comment && c.post.as_deref() == Some(m.id.as_str()))
        .count();
    let mut v = json!({
        "id": m.id,
        "caption": m.text,
        "comments_count": count,
        "like_count": 12,
        "media_type": "IMAGE",
        "media_url": format!("https://scontent.cdninstagram.com/sim/{}.jpg", m.id),
        "permalink": format!("https://www.instagram.com/p/{}/", m.id),
        "timestamp": graph_time(p.created(m)),
    });
    if m.kind == ItemKind::Tag {
        v["username"] = json!(m.author);
    }
    merge(v, &m.raw)
}

/// A page of `items` (newest first unless `chronological`), with Graph paging.
fn page(h: &SocialHandle, path: &str, q: &HashMap<String, String>, items: Vec<Value>) -> Value {
    let limit: usize = q
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(25)
        .clamp(1, 100);
    let from: usize = q
        .get("after")
        .and_then(|a| a.strip_prefix("off").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let total = items.len();
    let data: Vec<Value> = items.into_iter().skip(from).take(limit).collect();
    let mut v = json!({ "data": data });
    if total > 0 {
        let mut paging = json!({"cursors": {"before": format!("off{from}"), "after": format!("off{}", from + limit)}});
        if from + limit < total {
            let mut pairs: Vec<(String, String)> = q
                .iter()
                .filter(|(k, _)| k.as_str() != "after")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            pairs.push(("after".into(), format!("off{}", from + limit)));
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            paging["next"] = json!(format!("{}/graph/v19.0/{path}?{query}", h.base()));
        }
        v["paging"] = paging;
    }
    v
}

async fn ids(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let p = h.presence();
    if let Some(r) = check(p, &token(&headers, &q)) {
        return r;
    }
    let all = visible_all(p);
    let mut out = serde_json::Map::new();
    for id in q
        .get("ids")
        .map(|s| s.split(',').collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let Some(item) = all.iter().find(|i| i.id == id) else {
            return no_object(id);
        };
        let v = match (item.at, item.kind) {
            (Where::Facebook, ItemKind::Comment) => fb_comment(p, item, &all),
            (Where::Facebook, _) => fb_post(p, item, &all),
            (_, ItemKind::Comment) => ig_comment(p, item, &all, false),
            _ => ig_media(p, item, &all),
        };
        out.insert(id.to_string(), v);
    }
    ok(p, Value::Object(out))
}

async fn object(
    State(h): S,
    headers: HeaderMap,
    Path(a): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = h.presence();
    if let Some(r) = check(p, &token(&headers, &q)) {
        return r;
    }
    let fields = q.get("fields").cloned().unwrap_or_default();
    match a.as_str() {
        IG_ID => {
            if let Some(rest) = fields.strip_prefix("business_discovery.username(") {
                let name = rest.split(')').next().unwrap_or_default();
                let known = visible_all(p)
                    .into_iter()
                    .find(|i| i.author == name && i.followers.is_some());
                return match known {
                    Some(i) => ok(
                        p,
                        json!({"business_discovery": {"followers_count": i.followers, "username": name, "id": i.author_id}, "id": IG_ID}),
                    ),
                    None => error(
                        StatusCode::BAD_REQUEST,
                        110,
                        Some(2207013),
                        "Invalid user id",
                    ),
                };
            }
            ok(p, json!({"id": IG_ID, "username": IG_USERNAME}))
        }
        PAGE_ID => ok(p, json!({"id": PAGE_ID, "name": PAGE_NAME})),
        _ => {
            let all = visible_all(p);
            match all.iter().find(|i| i.id == a) {
                Some(i) if i.at == Where::Facebook && i.kind == ItemKind::Comment => {
                    ok(p, fb_comment(p, i, &all))
                }
                Some(i) if i.at == Where::Facebook => ok(p, fb_post(p, i, &all)),
                Some(i) if i.kind == ItemKind::Comment => ok(p, ig_comment(p, i, &all, true)),
                Some(i) => ok(p, ig_media(p, i, &all)),
                None => no_object(&a),
            }
        }
    }
}

async fn edge(
    State(h): S,
    headers: HeaderMap,
    Path((a, edge)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = h.presence();
    let t = token(&headers, &q);
    if a == "me" && edge == "accounts" {
        if t != USER_TOKEN {
            return error(
                StatusCode::BAD_REQUEST,
                190,
                None,
                "Invalid OAuth access token - Cannot parse access token",
            );
        }
        return ok(
            p,
            json!({"data": [{"access_token": PAGE_TOKEN, "category": "Coffee Shop", "name": PAGE_NAME, "id": PAGE_ID, "tasks": ["ANALYZE", "ADVERTISE", "MESSAGING", "MODERATE", "CREATE_CONTENT", "MANAGE"], "instagram_business_account": {"id": IG_ID, "username": IG_USERNAME}}], "paging": {"cursors": {"before": "before", "after": "after"}}}),
        );
    }
    if let Some(r) = check(p, &t) {
        return r;
    }
    let all = visible_all(p);
    fn newest_first<'a>(p: &Presence, mut v: Vec<&'a Item>) -> Vec<&'a Item> {
        v.sort_by_key(|i| std::cmp::Reverse((p.created(i), i.id.clone())));
        v
    }
    let path = format!("{a}/{edge}");
    let list: Vec<Value> = match (a.as_str(), edge.as_str()) {
        (PAGE_ID, "feed") => newest_first(
            p,
            all.iter()
                .filter(|i| i.at == Where::Facebook && i.kind == ItemKind::Post)
                .collect(),
        )
        .into_iter()
        .map(|i| fb_post(p, i, &all))
        .collect(),
        (PAGE_ID, "tagged") => newest_first(
            p,
            all.iter()
                .filter(|i| i.at == Where::Facebook && i.kind == ItemKind::Tag)
                .collect(),
        )
        .into_iter()
        .map(|i| fb_post(p, i, &all))
        .collect(),
        (IG_ID, "media") => newest_first(
            p,
            all.iter()
                .filter(|i| i.at == Where::Instagram && i.kind == ItemKind::Post)
                .collect(),
        )
        .into_iter()
        .map(|i| ig_media(p, i, &all))
        .collect(),
        (IG_ID, "tags") => newest_first(
            p,
            all.iter()
                .filter(|i| i.at == Where::Instagram && i.kind == ItemKind::Tag)
                .collect(),
        )
        .into_iter()
        .map(|i| ig_media(p, i, &all))
        .collect(),
        (_, "comments") | (_, "replies") => {
            let Some(target) = all.iter().find(|i| i.id == a) else {
                return no_object(&a);
            };
            let ig = target.at == Where::Instagram;
            let mut v: Vec<&Item> = all
                .iter()
                .filter(|c| c.kind == ItemKind::Comment && c.at == target.at)
                .filter(|c| match target.kind {
                    // Instagram lists top-level comments with their replies nested; Facebook's
                    // `filter=stream` lists every comment on the post.
                    ItemKind::Comment => c.parent.as_deref() == Some(a.as_str()),
                    _ if ig => c.post.as_deref() == Some(a.as_str()) && c.parent.is_none(),
                    _ => c.post.as_deref() == Some(a.as_str()),
                })
                .collect();
            v.sort_by_key(|i| (p.created(i), i.id.clone()));
            if q.get("order").map(String::as_str) == Some("reverse_chronological") {
                v.reverse();
            }
            v.into_iter()
                .map(|c| {
                    if ig {
                        ig_comment(p, c, &all, edge == "comments")
                    } else {
                        fb_comment(p, c, &all)
                    }
                })
                .collect()
        }
        _ => return no_object(&a),
    };
    ok(p, page(&h, &path, &q, list))
}
