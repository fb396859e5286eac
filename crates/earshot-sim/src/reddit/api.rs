//! The simulated Reddit's endpoints: listings, the account, OAuth, and the writes.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use serde_json::{json, Value};

use super::{RedditItem, RedditState, ACCOUNT, CLIENT_ID};
use crate::lock;
use crate::social::{merge_raw, Net, SocialHandle, Write};

type S = State<SocialHandle>;
type Q = Query<HashMap<String, String>>;

fn with_budget(r: &RedditState, mut resp: Response) -> Response {
    let (used, window) = {
        let mut c = lock(&r.calls);
        let window = r.started.elapsed().as_secs() / 600;
        if c.1 != window {
            *c = (0, window);
        }
        c.0 += 1;
        *c
    };
    let reset = 600 - r.started.elapsed().as_secs() % 600;
    let _ = window;
    for (k, v) in [
        ("x-ratelimit-used", used.to_string()),
        (
            "x-ratelimit-remaining",
            format!("{}.0", 600u64.saturating_sub(used)),
        ),
        ("x-ratelimit-reset", reset.to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&v) {
            resp.headers_mut().insert(k, v);
        }
    }
    resp
}

fn authorized(r: &RedditState, headers: &HeaderMap) -> bool {
    let t = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("bearer ")
                .or_else(|| v.strip_prefix("Bearer "))
        })
        .unwrap_or("");
    lock(&r.tokens).contains(t)
}

/// Logged-out reads go through `.json`; logged-in ones need the bearer token.
fn may_read(r: &RedditState, headers: &HeaderMap, json_suffix: bool) -> Option<Response> {
    if json_suffix || authorized(r, headers) {
        return None;
    }
    Some(with_budget(
        r,
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "Unauthorized", "error": 401})),
        )
            .into_response(),
    ))
}

fn thing(r: &RedditState, i: &RedditItem, all: &[RedditItem]) -> Value {
    let created = r.created(i) as f64;
    let base = json!({"id": i.id, "name": i.fullname(), "author": i.author, "created_utc": created, "created": created, "subreddit": i.subreddit,
        "subreddit_name_prefixed": format!("r/{}", i.subreddit), "score": 1});
    let mut v = base;
    match i.kind.as_str() {
        "t3" => {
            v["title"] = json!(i.title.clone().unwrap_or_default());
            v["selftext"] = json!(i.body);
            v["is_self"] = json!(true);
            v["permalink"] = json!(format!("/r/{}/comments/{}/brightside/", i.subreddit, i.id));
            v["url"] = json!(format!(
                "https://www.reddit.com/r/{}/comments/{}/brightside/",
                i.subreddit, i.id
            ));
            v["num_comments"] = json!(all
                .iter()
                .filter(|c| c.kind == "t1" && c.parent.as_deref() == Some(i.fullname().as_str()))
                .count());
        }
        "t1" => {
            let post = root_post(i, all);
            v["body"] = json!(i.body);
            v["parent_id"] = json!(i.parent);
            v["link_id"] = json!(post.as_ref().map(|p| p.fullname()).or(i.parent.clone()));
            v["link_title"] = json!(post
                .as_ref()
                .and_then(|p| p.title.clone())
                .unwrap_or_else(|| "A post".into()));
            let pid = post
                .as_ref()
                .map(|p| p.id.clone())
                .unwrap_or_else(|| "1coffee".into());
            v["permalink"] = json!(format!(
                "/r/{}/comments/{pid}/brightside/{}/",
                i.subreddit, i.id
            ));
            v["context"] = json!(format!(
                "/r/{}/comments/{pid}/brightside/{}/?context=3",
                i.subreddit, i.id
            ));
        }
        _ => {
            v["body"] = json!(i.body);
            v["subject"] = json!(i.title.clone().unwrap_or_default());
            v["dest"] = json!(if i.author == ACCOUNT {
                i.parent.clone().unwrap_or_default()
            } else {
                ACCOUNT.to_string()
            });
            v["was_comment"] = json!(false);
            v["context"] = json!("");
        }
    }
    if let Some(t) = &i.inbox {
        v["type"] = json!(t);
        v["new"] = json!(true);
    }
    json!({"kind": i.kind, "data": merge_raw(v, i.raw.as_ref())})
}

fn root_post(i: &RedditItem, all: &[RedditItem]) -> Option<RedditItem> {
    let mut at = i.parent.clone();
    for _ in 0..20 {
        let p = all.iter().find(|x| Some(x.fullname()) == at)?;
        if p.kind == "t3" {
            return Some(p.clone());
        }
        at = p.parent.clone();
    }
    None
}

/// A listing page of `items` (newest first), `after` and `limit` honoured.
fn listing(
    r: &RedditState,
    mut items: Vec<RedditItem>,
    all: &[RedditItem],
    q: &HashMap<String, String>,
) -> Response {
    items.sort_by_key(|i| std::cmp::Reverse((r.created(i), i.id.clone())));
    let limit: usize = q
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(25)
        .clamp(1, 100);
    let from = q
        .get("after")
        .and_then(|a| items.iter().position(|i| &i.fullname() == a).map(|p| p + 1))
        .unwrap_or(0);
    let page: Vec<&RedditItem> = items.iter().skip(from).take(limit).collect();
    let after = (from + limit < items.len())
        .then(|| page.last().map(|i| i.fullname()))
        .flatten();
    let children: Vec<Value> = page.iter().map(|i| thing(r, i, all)).collect();
    with_budget(r, Json(json!({"kind": "Listing", "data": {"after": after, "dist": children.len(), "modhash": "", "geo_filter": "", "children": children, "before": null}})).into_response())
}

pub(super) async fn subreddit(
    State(h): S,
    headers: HeaderMap,
    Path((sub, listing_name)): Path<(String, String)>,
    Query(q): Q,
) -> Response {
    let r = h.reddit();
    let json_suffix = listing_name.ends_with(".json");
    if let Some(refused) = may_read(r, &headers, json_suffix) {
        return refused;
    }
    let all = r.visible();
    let kind = match listing_name.trim_end_matches(".json") {
        "new" => "t3",
        "comments" => "t1",
        _ => return with_budget(r, StatusCode::NOT_FOUND.into_response()),
    };
    let items = all
        .iter()
        // `/r/a+b/new` reads several subreddits at once, as Reddit does.
        .filter(|i| i.kind == kind && sub.split('+').any(|s| i.subreddit.eq_ignore_ascii_case(s)))
        .cloned()
        .collect();
    listing(r, items, &all, &q)
}

pub(super) async fn search(
    State(h): S,
    headers: HeaderMap,
    uri: axum::http::Uri,
    Query(q): Q,
) -> Response {
    let r = h.reddit();
    if let Some(refused) = may_read(r, &headers, uri.path().ends_with(".json")) {
        return refused;
    }
    let all = r.visible();
    let words = q.get("q").cloned().unwrap_or_default().to_lowercase();
    // Reddit's search finds posts, not comments.
    let items = all
        .iter()
        .filter(|i| {
            i.kind == "t3"
                && format!("{} {}", i.title.clone().unwrap_or_default(), i.body)
                    .to_lowercase()
                    .contains(&words)
        })
        .cloned()
        .collect();
    listing(r, items, &all, &q)
}

pub(super) async fn message(
    State(h): S,
    headers: HeaderMap,
    Path(which): Path<String>,
    Query(q): Q,
) -> Response {
    let r = h.reddit();
    if !authorized(r, &headers) {
        return with_budget(
            r,
            (
                StatusCode::UNAUTHORIZED,
                Json(json!({"message": "Unauthorized", "error": 401})),
            )
                .into_response(),
        );
    }
    let all = r.visible();
    let owned: HashSet<String> = all
        .iter()
        .filter(|i| i.author == ACCOUNT)
        .map(|i| i.fullname())
        .collect();
    let items: Vec<RedditItem> = match which.as_str() {
        "inbox" | "unread" => all
            .iter()
            .filter(|i| {
                i.author != ACCOUNT
                    && (i.inbox.is_some() || i.parent.as_ref().is_some_and(|p| owned.contains(p)))
            })
            .map(|i| RedditItem {
                inbox: i.inbox.clone().or_else(|| Some("comment_reply".into())),
                ..i.clone()
            })
            .collect(),
        "sent" => all
            .iter()
            .filter(|i| i.kind == "t4" && i.author == ACCOUNT)
            .cloned()
            .collect(),
        _ => return with_budget(r, StatusCode::NOT_FOUND.into_response()),
    };
    listing(r, items, &all, &q)
}

pub(super) async fn user(
    State(h): S,
    headers: HeaderMap,
    Path((name, what)): Path<(String, String)>,
    Query(q): Q,
) -> Response {
    let r = h.reddit();
    let json_suffix = what.ends_with(".json");
    if let Some(refused) = may_read(r, &headers, json_suffix) {
        return refused;
    }
    let all = r.visible();
    match what.trim_end_matches(".json") {
        "about" => {
            // Karma grows with the name: the script's voices differ in reach.
            let karma = name.bytes().map(u64::from).sum::<u64>() * 37 % 9_000 + 40;
            with_budget(r, Json(json!({"kind": "t2", "data": {"name": name, "link_karma": karma / 3, "comment_karma": karma - karma / 3, "total_karma": karma}})).into_response())
        }
        "comments" => {
            let items = all
                .iter()
                .filter(|i| i.kind == "t1" && i.author == name)
                .cloned()
                .collect();
            listing(r, items, &all, &q)
        }
        _ => with_budget(r, StatusCode::NOT_FOUND.into_response()),
    }
}

pub(super) async fn me(State(h): S, headers: HeaderMap) -> Response {
    let r = h.reddit();
    if !authorized(r, &headers) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "Unauthorized", "error": 401})),
        )
            .into_response();
    }
    with_budget(
        r,
        Json(json!({"name": ACCOUNT, "id": "simowner", "total_karma": 1200})).into_response(),
    )
}

pub(super) async fn authorize(State(h): S, Query(q): Q) -> Response {
    let r = h.reddit();
    if q.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
        return (StatusCode::BAD_REQUEST, "invalid client id").into_response();
    }
    let code = format!("simcode{}", r.seq());
    lock(&r.codes).insert(code.clone());
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

pub(super) async fn access_token(
    State(h): S,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let r = h.reddit();
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    use base64::Engine as _;
    let want = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:"))
    );
    if basic != want {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "Unauthorized", "error": 401})),
        )
            .into_response();
    }
    let ok = match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            lock(&r.codes).remove(f.get("code").map(String::as_str).unwrap_or_default())
        }
        Some("refresh_token") => lock(&r.refresh).contains(
            f.get("refresh_token")
                .map(String::as_str)
                .unwrap_or_default(),
        ),
        _ => false,
    };
    if !ok {
        return Json(json!({"error": "invalid_grant"})).into_response();
    }
    let token = format!("simreddit-{}", r.seq());
    lock(&r.tokens).insert(token.clone());
    let mut v = json!({"access_token": token, "token_type": "bearer", "expires_in": 86400, "scope": "identity read history submit privatemessages"});
    if f.get("grant_type").map(String::as_str) == Some("authorization_code") {
        let refresh = format!("simrefresh-{}", r.seq());
        lock(&r.refresh).insert(refresh.clone());
        v["refresh_token"] = json!(refresh);
    }
    Json(v).into_response()
}

fn api_errors(errors: Value) -> Value {
    json!({"json": {"errors": errors}})
}

pub(super) async fn comment(
    State(h): S,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let r = h.reddit();
    if !authorized(r, &headers) {
        return with_budget(
            r,
            (
                StatusCode::UNAUTHORIZED,
                Json(json!({"message": "Unauthorized", "error": 401})),
            )
                .into_response(),
        );
    }
    let thing_id = f.get("thing_id").cloned().unwrap_or_default();
    let text = f.get("text").cloned().unwrap_or_default();
    let all = r.visible();
    let Some(parent) = all.iter().find(|i| i.fullname() == thing_id).cloned() else {
        h.record_write(Write {
            net: Net::Reddit,
            path: "/api/comment".into(),
            idempotency_key: None,
            proxy: None,
            body: json!({"thing_id": thing_id, "text": text}),
            accepted: false,
        });
        return with_budget(
            r,
            Json(api_errors(json!([[
                "DELETED_COMMENT",
                "that comment has been deleted",
                "parent"
            ]])))
            .into_response(),
        );
    };
    let item = RedditItem {
        kind: "t1".into(),
        id: format!("own{:05}", r.seq()),
        subreddit: parent.subreddit.clone(),
        author: ACCOUNT.into(),
        title: None,
        body: text.clone(),
        parent: Some(thing_id.clone()),
        offset_secs: r.elapsed(),
        backdate_secs: 0,
        inbox: None,
        raw: None,
        emitted: true,
    };
    r.items
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .push(item.clone());
    h.record_write(Write {
        net: Net::Reddit,
        path: "/api/comment".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"thing_id": thing_id, "text": text, "id": item.fullname()}),
        accepted: true,
    });
    let all = r.visible();
    with_budget(
        r,
        Json(json!({"json": {"errors": [], "data": {"things": [thing(r, &item, &all)]}}}))
            .into_response(),
    )
}

pub(super) async fn compose(
    State(h): S,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let r = h.reddit();
    if !authorized(r, &headers) {
        return with_budget(
            r,
            (
                StatusCode::UNAUTHORIZED,
                Json(json!({"message": "Unauthorized", "error": 401})),
            )
                .into_response(),
        );
    }
    let to = f.get("to").cloned().unwrap_or_default();
    let text = f.get("text").cloned().unwrap_or_default();
    let subject = f.get("subject").cloned().unwrap_or_default();
    let known = r.visible().iter().any(|i| i.author == to);
    h.record_write(Write {
        net: Net::Reddit,
        path: "/api/compose".into(),
        idempotency_key: None,
        proxy: None,
        body: json!({"to": to, "subject": subject, "text": text}),
        accepted: known,
    });
    if !known {
        return with_budget(
            r,
            Json(api_errors(json!([[
                "USER_DOESNT_EXIST",
                "that user doesn't exist",
                "to"
            ]])))
            .into_response(),
        );
    }
    let item = RedditItem {
        kind: "t4".into(),
        id: format!("own{:05}", r.seq()),
        subreddit: String::new(),
        author: ACCOUNT.into(),
        title: Some(subject),
        body: text,
        parent: Some(to),
        offset_secs: r.elapsed(),
        backdate_secs: 0,
        inbox: None,
        raw: None,
        emitted: true,
    };
    r.items
        .write()
        .unwrap_or_else(|p| p.into_inner())
        .push(item);
    with_budget(r, Json(api_errors(json!([]))).into_response())
}
