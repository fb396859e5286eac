//! The simulated X's endpoints.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::Engine as _;
use serde_json::{json, Value};
use sha2::Digest;

use super::{XPost, XState, CLIENT_ID, OWNER, OWNER_ID};
use crate::lock;
use crate::social::{merge_raw, Net, SocialHandle, Write};

type S = State<SocialHandle>;
type Q = Query<HashMap<String, String>>;

/// The X routes.
pub(crate) fn routes() -> Router<SocialHandle> {
    Router::new()
        .route("/x/2/users/me", get(me))
        .route("/x/2/users/{id}/mentions", get(mentions))
        .route("/x/2/users/{id}/tweets", get(own_posts))
        .route("/x/2/tweets/search/recent", get(search))
        .route("/x/2/tweets", post(create))
        .route("/x/2/dm_conversations/with/{id}/messages", post(dm))
        .route("/x/2/dm_conversations/with/{id}/dm_events", get(dm_events))
        .route("/x/i/oauth2/authorize", get(authorize))
        .route("/x/2/oauth2/token", post(token))
        .route(
            "/x/2/tweets/search/stream/rules",
            get(super::stream::rules).post(super::stream::change_rules),
        )
        .route("/x/2/tweets/search/stream", get(super::stream::stream))
}

fn limited(x: &XState, mut r: Response) -> Response {
    let used = {
        let mut c = lock(&x.calls);
        *c += 1;
        *c
    };
    let reset = x.start + (x.elapsed() / 900 + 1) * 900;
    for (k, v) in [
        ("x-rate-limit-limit", "450".to_string()),
        (
            "x-rate-limit-remaining",
            450u64.saturating_sub(used % 450).to_string(),
        ),
        ("x-rate-limit-reset", reset.to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&v) {
            r.headers_mut().insert(k, v);
        }
    }
    r
}

fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    (status, Json(json!({"title": title, "detail": detail, "type": "about:blank", "status": status.as_u16()}))).into_response()
}

fn refused(x: &XState, headers: &HeaderMap) -> Option<Response> {
    let t = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if lock(&x.tokens).contains(t) {
        return None;
    }
    Some(problem(
        StatusCode::UNAUTHORIZED,
        "Unauthorized",
        "Unauthorized",
    ))
}

pub(super) fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

pub(super) fn post_json(x: &XState, p: &XPost) -> Value {
    let mut v = json!({"id": p.id, "text": p.text, "created_at": rfc3339(x.created(p)), "author_id": p.author_id,
        "conversation_id": p.reply_to.clone().unwrap_or_else(|| p.id.clone()), "lang": "en", "edit_history_tweet_ids": [p.id],
        "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0}});
    if let Some(r) = &p.reply_to {
        v["referenced_tweets"] = json!([{"type": "replied_to", "id": r}]);
    }
    merge_raw(v, p.raw.as_ref())
}

fn id_after(a: &str, b: &str) -> bool {
    (a.len(), a) > (b.len(), b)
}

/// A page of posts newest first after `since_id`, with the authors expanded.
fn page(x: &XState, mut posts: Vec<XPost>, q: &HashMap<String, String>) -> Response {
    if let Some(s) = q.get("since_id") {
        posts.retain(|p| id_after(&p.id, s));
    }
    posts.sort_by(|a, b| (b.id.len(), &b.id).cmp(&(a.id.len(), &a.id)));
    let size: usize = q
        .get("max_results")
        .and_then(|m| m.parse().ok())
        .unwrap_or(10)
        .clamp(5, 100);
    let token = q.get("next_token").or(q.get("pagination_token"));
    let from: usize = token
        .and_then(|t| t.strip_prefix("n").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let chosen: Vec<&XPost> = posts.iter().skip(from).take(size).collect();
    let users: Vec<Value> = chosen.iter().map(|p| user_json(p)).collect();
    let data: Vec<Value> = chosen.iter().map(|p| post_json(x, p)).collect();
    let mut meta = json!({"result_count": data.len()});
    if let (Some(first), Some(last)) = (chosen.first(), chosen.last()) {
        meta["newest_id"] = json!(first.id);
        meta["oldest_id"] = json!(last.id);
    }
    if from + size < posts.len() {
        meta["next_token"] = json!(format!("n{}", from + size));
    }
    let mut v = json!({"meta": meta});
    if !data.is_empty() {
        v["data"] = json!(data);
        v["includes"] = json!({"users": users});
    }
    limited(x, Json(v).into_response())
}

/// The author of `p` as `includes.users` carries it.
pub(super) fn user_json(p: &XPost) -> Value {
    merge_raw(
        json!({"id": p.author_id, "username": p.username, "name": p.name, "verified": p.verified, "public_metrics": {"followers_count": p.followers}}),
        p.raw.as_ref().and_then(|r| r.get("user")),
    )
}

fn mentions_owner(p: &XPost) -> bool {
    p.text.to_lowercase().contains(&format!("@{OWNER}"))
}

async fn me(State(h): S, headers: HeaderMap) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    limited(
        x,
        Json(json!({"data": {"id": OWNER_ID, "username": OWNER, "name": "Brightside Coffee"}}))
            .into_response(),
    )
}

async fn mentions(
    State(h): S,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    if id != OWNER_ID {
        return problem(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "You can only read your own mentions.",
        );
    }
    let posts = x
        .visible()
        .into_iter()
        .filter(|p| p.author_id != OWNER_ID && mentions_owner(p))
        .collect();
    page(x, posts, &q)
}

async fn own_posts(
    State(h): S,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(q): Q,
) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    let posts = x
        .visible()
        .into_iter()
        .filter(|p| p.author_id == id)
        .collect();
    page(x, posts, &q)
}

async fn search(State(h): S, headers: HeaderMap, Query(q): Q) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    // "(Brightside OR \"Brightside Coffee\") -is:retweet": the words inside the parentheses.
    let query = q.get("query").cloned().unwrap_or_default();
    let inner = query
        .split(')')
        .next()
        .unwrap_or_default()
        .trim_start_matches('(');
    let words: Vec<String> = inner
        .split(" OR ")
        .map(|w| w.trim().trim_matches('"').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let posts = x
        .visible()
        .into_iter()
        .filter(|p| {
            p.author_id != OWNER_ID && words.iter().any(|w| p.text.to_lowercase().contains(w))
        })
        .collect();
    page(x, posts, &q)
}

async fn create(State(h): S, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    let text = body["text"].as_str().unwrap_or_default().to_string();
    let target = body["reply"]["in_reply_to_tweet_id"]
        .as_str()
        .map(str::to_string);
    if let Some(t) = &target {
        let ok = x.visible().iter().any(|p| &p.id == t && mentions_owner(p));
        if !ok {
            h.record_write(Write {
                net: Net::X,
                path: "/2/tweets".into(),
                idempotency_key: None,
                proxy: None,
                body: json!({"text": text, "in_reply_to": t}),
                accepted: false,
            });
            // The body X sends (fixtures/x/error_403_reply_not_allowed_response.json).
            return limited(x, problem(StatusCode::FORBIDDEN, "Forbidden", "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to."));
        }
    }
    let n = x.seq();
    let p = x.push(XPost {
        id: format!("{}", 1_950_000_000_000_000_000u64 + n),
        author_id: OWNER_ID.into(),
        username: OWNER.into(),
        name: "Brightside Coffee".into(),
        followers: 5_000,
        verified: false,
        text: text.clone(),
        reply_to: target.clone(),
        offset_secs: x.elapsed(),
        backdate_secs: 0,
        emitted: true,
        raw: None,
    });
    h.record_write(Write {
        net: Net::X,
        path: "/2/tweets".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"text": text, "in_reply_to": target, "id": p.id}),
        accepted: true,
    });
    limited(
        x,
        (
            StatusCode::CREATED,
            Json(json!({"data": {"id": p.id, "text": text}})),
        )
            .into_response(),
    )
}

async fn dm(
    State(h): S,
    headers: HeaderMap,
    Path(to): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    let text = body["text"].as_str().unwrap_or_default().to_string();
    let known = x.visible().iter().any(|p| p.author_id == to);
    h.record_write(Write {
        net: Net::X,
        path: "/2/dm_conversations/messages".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"to": to, "text": text}),
        accepted: known,
    });
    if !known {
        return limited(
            x,
            problem(
                StatusCode::BAD_REQUEST,
                "Invalid Request",
                "One or more parameters to your request was invalid.",
            ),
        );
    }
    let n = x.seq();
    let event = format!("{}", 1_960_000_000_000_000_000u64 + n);
    lock(&x.dms).push((to.clone(), text, event.clone(), x.start + x.elapsed()));
    limited(x, (StatusCode::CREATED, Json(json!({"data": {"dm_conversation_id": format!("{OWNER_ID}-{to}"), "dm_event_id": event}}))).into_response())
}

async fn dm_events(State(h): S, headers: HeaderMap, Path(with): Path<String>) -> Response {
    let x = h.x();
    if let Some(r) = refused(x, &headers) {
        return r;
    }
    let data: Vec<Value> = lock(&x.dms)
        .iter()
        .rev()
        .filter(|(to, ..)| *to == with)
        .map(|(_, text, id, at)| json!({"id": id, "event_type": "MessageCreate", "text": text, "sender_id": OWNER_ID, "created_at": rfc3339(*at)}))
        .collect();
    limited(
        x,
        Json(json!({"data": data, "meta": {"result_count": data.len()}})).into_response(),
    )
}

async fn authorize(State(h): S, Query(q): Q) -> Response {
    let x = h.x();
    if q.get("client_id").map(String::as_str) != Some(CLIENT_ID)
        || q.get("code_challenge_method").map(String::as_str) != Some("S256")
    {
        return (
            StatusCode::BAD_REQUEST,
            "Something went wrong: invalid client or PKCE",
        )
            .into_response();
    }
    let code = format!("simxcode{}", x.seq());
    lock(&x.codes).insert(
        code.clone(),
        q.get("code_challenge").cloned().unwrap_or_default(),
    );
    let Ok(mut to) = url::Url::parse(
        q.get("redirect_uri")
            .map(String::as_str)
            .unwrap_or_default(),
    ) else {
        return (StatusCode::BAD_REQUEST, "bad redirect_uri").into_response();
    };
    to.query_pairs_mut()
        .append_pair(
            "state",
            q.get("state").map(String::as_str).unwrap_or_default(),
        )
        .append_pair("code", &code);
    Redirect::to(to.as_str()).into_response()
}

async fn token(State(h): S, Form(f): Form<HashMap<String, String>>) -> Response {
    let x = h.x();
    let bad = || {
        (StatusCode::BAD_REQUEST, Json(json!({"error": "invalid_request", "error_description": "Value passed for the token was invalid."}))).into_response()
    };
    if f.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
        return bad();
    }
    let first = match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let Some(challenge) =
                lock(&x.codes).remove(f.get("code").map(String::as_str).unwrap_or_default())
            else {
                return bad();
            };
            let got =
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(
                    f.get("code_verifier")
                        .cloned()
                        .unwrap_or_default()
                        .as_bytes(),
                ));
            if got != challenge {
                return bad();
            }
            true
        }
        Some("refresh_token")
            if lock(&x.refresh).contains(
                f.get("refresh_token")
                    .map(String::as_str)
                    .unwrap_or_default(),
            ) =>
        {
            false
        }
        _ => return bad(),
    };
    let access = format!("simx-{}", x.seq());
    lock(&x.tokens).insert(access.clone());
    let mut v = json!({"token_type": "bearer", "expires_in": 7200, "access_token": access, "scope": "tweet.read users.read tweet.write dm.read dm.write offline.access"});
    if first {
        let r = format!("simxrefresh-{}", x.seq());
        lock(&x.refresh).insert(r.clone());
        v["refresh_token"] = json!(r);
    }
    Json(v).into_response()
}
