//! X's filtered stream (`/2/tweets/search/stream` and its `/rules`), as the fixtures show it:
//! rules added and deleted in batches, each post matching a rule sent as one JSON line with its
//! author expanded and `matching_rules`, a `\r\n` keep-alive every 20 seconds. Only the app's
//! bearer token (OAuth 2.0 App-Only) is taken; a plan without the stream gets X's 403
//! `client-not-enrolled`.

use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::api::{post_json, user_json};
use super::{XPost, XState, APP_BEARER, OWNER_ID};
use crate::lock;
use crate::social::{Net, SocialHandle};

type S = State<SocialHandle>;

fn app_only(x: &XState, headers: &HeaderMap) -> Option<Response> {
    let t = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if t != APP_BEARER {
        return Some(
            (
                StatusCode::FORBIDDEN,
                Json(json!({"title": "Unsupported Authentication", "detail": "Authenticating with OAuth 2.0 User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].", "type": "https://api.twitter.com/2/problems/unsupported-authentication", "status": 403})),
            )
                .into_response(),
        );
    }
    if !*lock(&x.stream_allowed) {
        return Some((StatusCode::FORBIDDEN, Json(json!({"client_id": "30000000", "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.", "registration_url": "https://developer.twitter.com/en/docs/projects/overview", "title": "Client Forbidden", "required_enrollment": "Appropriate Level of API Access", "reason": "client-not-enrolled", "type": "https://api.twitter.com/2/problems/client-forbidden"}))).into_response());
    }
    None
}

/// Whether a rule's value matches a post: its `OR`ed words and phrases (any), `-is:retweet`
/// ignored (the simulator has no reposts).
fn rule_matches(value: &str, text: &str) -> bool {
    let text = text.to_lowercase();
    let inner = value.replace("-is:retweet", "");
    inner
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(" OR ")
        .map(|w| w.trim().trim_matches('"').to_lowercase())
        .filter(|w| !w.is_empty())
        .any(|w| text.contains(&w))
}

pub(crate) async fn rules(State(h): S, headers: HeaderMap) -> Response {
    let x = h.x();
    if let Some(r) = app_only(x, &headers) {
        return r;
    }
    let data: Vec<Value> = lock(&x.rules)
        .iter()
        .map(|(id, value, tag)| json!({"id": id, "value": value, "tag": tag}))
        .collect();
    let mut v = json!({"meta": {"sent": super::api::rfc3339(x.start + x.elapsed()), "result_count": data.len()}});
    if !data.is_empty() {
        v["data"] = json!(data);
    }
    Json(v).into_response()
}

pub(crate) async fn change_rules(
    State(h): S,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let x = h.x();
    if let Some(r) = app_only(x, &headers) {
        return r;
    }
    let mut rules = lock(&x.rules);
    let mut created = Vec::new();
    for add in body["add"].as_array().into_iter().flatten() {
        let value = add["value"].as_str().unwrap_or_default().to_string();
        if value.is_empty() || value.len() > 1024 {
            return (StatusCode::BAD_REQUEST, Json(json!({"title": "Invalid Request", "detail": "One or more parameters to your request was invalid.", "type": "https://api.twitter.com/2/problems/invalid-request"}))).into_response();
        }
        let id = format!("{}", 1_273_026_480_692_322_304u64 + x.seq());
        let tag = add["tag"].as_str().unwrap_or_default().to_string();
        created.push(json!({"id": id, "value": value, "tag": tag}));
        rules.push((id, value, tag));
    }
    let mut deleted = 0;
    for id in body["delete"]["ids"].as_array().into_iter().flatten() {
        let before = rules.len();
        rules.retain(|(i, _, _)| Some(i.as_str()) != id.as_str());
        deleted += before - rules.len();
    }
    let mut summary =
        json!({"created": created.len(), "not_created": 0, "valid": created.len(), "invalid": 0});
    if deleted > 0 || body.get("delete").is_some() {
        summary = json!({"deleted": deleted, "not_deleted": 0});
    }
    let mut v =
        json!({"meta": {"sent": super::api::rfc3339(x.start + x.elapsed()), "summary": summary}});
    if !created.is_empty() {
        v["data"] = json!(created);
    }
    Json(v).into_response()
}

/// One stream message for a post, when it matches a rule.
fn message(x: &XState, p: &XPost) -> Option<String> {
    if p.author_id == OWNER_ID {
        return None;
    }
    let matching: Vec<Value> = lock(&x.rules)
        .iter()
        .filter(|(_, value, _)| rule_matches(value, &p.text))
        .map(|(id, _, tag)| json!({"id": id, "tag": tag}))
        .collect();
    if matching.is_empty() {
        return None;
    }
    let v = json!({"data": post_json(x, p), "includes": {"users": [user_json(p)]}, "matching_rules": matching});
    Some(format!("{v}\r\n"))
}

pub(crate) async fn stream(State(h): S, headers: HeaderMap) -> Response {
    let x = h.x();
    if let Some(r) = app_only(x, &headers) {
        return r;
    }
    if h.stream_down(Net::X) {
        return (StatusCode::SERVICE_UNAVAILABLE, Json(json!({"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank", "status": 503}))).into_response();
    }
    let seen = x.posts.read().unwrap_or_else(|p| p.into_inner()).len();
    let posted = x.posted.subscribe();
    let kicks = h.kicks();
    let guard = h.open_stream(Net::X);
    let body = futures_util::stream::unfold(
        (h, seen, posted, kicks, guard),
        |(h, mut seen, mut posted, mut kicks, guard)| async move {
            loop {
                let x = h.x();
                let fresh: Vec<XPost> = {
                    let posts = x.posts.read().unwrap_or_else(|p| p.into_inner());
                    let v = posts[seen.min(posts.len())..].to_vec();
                    seen = posts.len();
                    v
                };
                let out: String = fresh.iter().filter_map(|p| message(x, p)).collect();
                if !out.is_empty() {
                    return Some((
                        Ok::<_, std::convert::Infallible>(out),
                        (h, seen, posted, kicks, guard),
                    ));
                }
                tokio::select! {
                    _ = posted.changed() => {}
                    k = kicks.recv() => if k == Ok(Net::X) { return None },
                    _ = tokio::time::sleep(Duration::from_secs(20)) => {
                        return Some((Ok("\r\n".to_string()), (h, seen, posted, kicks, guard)));
                    }
                }
            }
        },
    );
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        Body::from_stream(body),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::rule_matches;

    #[test]
    fn rules_match_their_words_and_phrases() {
        assert!(rule_matches(
            "(Brightside OR \"oat latte\") -is:retweet",
            "Love the OAT LATTE"
        ));
        assert!(rule_matches(
            "@brightsidecoffee -is:retweet",
            "hey @BrightsideCoffee"
        ));
        assert!(!rule_matches("(Brightside) -is:retweet", "another shop"));
    }
}
