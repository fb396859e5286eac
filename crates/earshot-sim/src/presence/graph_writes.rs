//! The Graph API's writes on the simulated Page and Instagram account: comment replies,
//! Instagram replies, private replies (one per comment, within seven days), hiding, and the
//! device login.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::graph::{check, error, no_object, num, ok, token, visible_all, USER_TOKEN};
use super::{Item, ItemKind, Where, APP_TOKEN, IG_ID, IG_USERNAME, PAGE_ID, PAGE_NAME};
use crate::lock;
use crate::social::{Net, SocialHandle, Write};

type S = State<SocialHandle>;
type Q = Query<HashMap<String, String>>;

fn form_or_json(body: &[u8]) -> HashMap<String, Value> {
    if let Ok(Value::Object(o)) = serde_json::from_slice::<Value>(body) {
        return o.into_iter().collect();
    }
    url::form_urlencoded::parse(body)
        .into_owned()
        .map(|(k, v)| (k, Value::String(v)))
        .collect()
}

pub(super) async fn post_object(
    State(h): S,
    headers: HeaderMap,
    Path(a): Path<String>,
    Query(q): Q,
    body: axum::body::Bytes,
) -> Response {
    let p = h.presence();
    let mut f = form_or_json(&body);
    for (k, v) in &q {
        f.entry(k.clone()).or_insert(Value::String(v.clone()));
    }
    if let Some(r) = check(p, &token(&headers, &q)) {
        return r;
    }
    let Some(item) = visible_all(p)
        .into_iter()
        .find(|i| i.id == a && i.kind == ItemKind::Comment)
    else {
        return no_object(&a);
    };
    let flag = f
        .get("is_hidden")
        .or_else(|| f.get("hide"))
        .and_then(|v| v.as_str().map(|s| s == "true").or(v.as_bool()));
    let Some(hide) = flag else {
        return error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) Param is_hidden must be a boolean",
        );
    };
    if hide {
        lock(&p.hidden).insert(a.clone());
    } else {
        lock(&p.hidden).remove(&a);
    }
    h.record_write(Write {
        net: if item.at == Where::Instagram {
            Net::Instagram
        } else {
            Net::Facebook
        },
        path: format!("/{a}"),
        idempotency_key: None,
        proxy: None,
        body: json!({ "object": a, "hidden": hide }),
        accepted: true,
    });
    ok(p, json!({"success": true}))
}

pub(super) async fn post_edge(
    State(h): S,
    headers: HeaderMap,
    Path((a, edge)): Path<(String, String)>,
    Query(q): Q,
    body: axum::body::Bytes,
) -> Response {
    let p = h.presence();
    let f = form_or_json(&body);
    let field = |k: &str| {
        f.get(k)
            .and_then(|v| v.as_str().map(str::to_string))
            .or_else(|| q.get(k).cloned())
            .unwrap_or_default()
    };
    if a == "device" {
        if field("access_token") != APP_TOKEN {
            return error(
                StatusCode::BAD_REQUEST,
                190,
                None,
                "Invalid OAuth access token - Cannot parse access token",
            );
        }
        return match edge.as_str() {
            "login" => {
                let code = format!("simdevicecode{}", p.seq());
                lock(&p.device_polls).insert(code.clone(), 0);
                ok(
                    p,
                    json!({"code": code, "user_code": "BRIGHT42", "verification_uri": "https://www.facebook.com/device", "expires_in": 420, "interval": 1}),
                )
            }
            "login_status" => {
                let code = field("code");
                let mut polls = lock(&p.device_polls);
                let Some(n) = polls.get_mut(&code) else {
                    return error(
                        StatusCode::BAD_REQUEST,
                        31,
                        Some(1_349_152),
                        "The session has expired",
                    );
                };
                *n += 1;
                if *n < 2 {
                    return (StatusCode::BAD_REQUEST, Json(json!({"error":{"message":"This request requires the user to take a pending action","code":31,"error_subcode":1349174,"error_user_title":"Device Login Authorization Pending","error_user_msg":"User has not yet authorized your application. Continue polling."}}))).into_response();
                }
                ok(
                    p,
                    json!({"access_token": USER_TOKEN, "data_access_expiration_time": p.now() + 90 * 86_400, "expires_in": 5_183_944}),
                )
            }
            _ => no_object(&a),
        };
    }
    if let Some(r) = check(p, &token(&headers, &q)) {
        return r;
    }
    let all = visible_all(p);
    if a == "me" && edge == "messages" {
        // A comment by `comment_id`, or a visitor post by `post_id`.
        let recipient = f.get("recipient");
        let by_post = recipient.and_then(|r| r.get("post_id")).is_some();
        let comment = recipient
            .and_then(|r| r.get("comment_id").or_else(|| r.get("post_id")))
            .and_then(|c| c.as_str())
            .unwrap_or_default()
            .to_string();
        let text = f
            .get("message")
            .and_then(|m| m.get("text"))
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_string();
        let Some(target) = all.iter().find(|i| {
            i.id == comment
                && if by_post {
                    i.kind == ItemKind::Post && i.author_id != PAGE_ID
                } else {
                    i.kind == ItemKind::Comment
                }
        }) else {
            return error(
                StatusCode::BAD_REQUEST,
                100,
                Some(2_018_292),
                "(#100) Invalid comment_id parameter",
            );
        };
        let net = if target.at == Where::Instagram {
            Net::Instagram
        } else {
            Net::Facebook
        };
        if p.now() - p.created(target) > 7 * 86_400 {
            return error(
                StatusCode::BAD_REQUEST,
                10,
                Some(2_018_278),
                "(#10) This message is sent outside of allowed window.",
            );
        }
        let first = lock(&p.private_replied).insert(comment.clone());
        h.record_write(Write {
            net,
            path: "/me/messages".into(),
            idempotency_key: None,
            proxy: None,
            body: json!({"comment_id": comment, "text": text}),
            accepted: first,
        });
        if !first {
            return error(
                StatusCode::BAD_REQUEST,
                10900,
                None,
                "(#10900) Activity already replied to",
            );
        }
        return ok(
            p,
            json!({"recipient_id": target.author_id, "message_id": format!("m_sim{}", p.seq())}),
        );
    }
    let Some(target) = all.iter().find(|i| i.id == a).cloned() else {
        return no_object(&a);
    };
    let message = field("message");
    if message.trim().is_empty() {
        return error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) The parameter message is required",
        );
    }
    let (net, id, author) = match (target.at, edge.as_str()) {
        (Where::Facebook, "comments") => (
            Net::Facebook,
            format!(
                "{}_{}",
                num(target.post.as_deref().unwrap_or(&target.id)),
                960_000_000_000u64 + p.seq()
            ),
            (PAGE_ID, PAGE_NAME),
        ),
        (Where::Instagram, "replies") if target.kind == ItemKind::Comment => (
            Net::Instagram,
            format!("178{:014}", 900_000 + p.seq()),
            (IG_ID, IG_USERNAME),
        ),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                100,
                None,
                "(#100) Unsupported post request",
            )
        }
    };
    let (post, parent) = match target.kind {
        ItemKind::Comment => (target.post.clone(), Some(target.id.clone())),
        _ => (Some(target.id.clone()), None),
    };
    p.push(Item {
        at: target.at,
        kind: ItemKind::Comment,
        id: id.clone(),
        post,
        parent,
        author_id: author.0.into(),
        author: author.1.into(),
        followers: None,
        text: message.clone(),
        rating: None,
        offset_secs: p.elapsed(),
        backdate_secs: 0,
        edited_secs: None,
        edited_text: None,
        edited_rating: None,
        raw: None,
        // Written now: dated now, whatever the script's layout.
        emitted_ms: Some(0),
    });
    h.record_write(Write {
        net,
        path: format!("/{a}/{edge}"),
        idempotency_key: None,
        proxy: None,
        body: json!({"object": a, "message": message, "id": id}),
        accepted: true,
    });
    ok(p, json!({ "id": id }))
}
