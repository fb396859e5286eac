//! The simulated Mastodon's streaming: the WebSocket and the server-sent-event streams, and
//! its refusal to stream without a token (Mastodon 4.2 and later).

use std::collections::HashMap;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::control::SocialHandle;
use super::mastodon::{has_tag, m_notification, m_status, unauthorized_m};
use super::{Net, Open, Social, SocialPost, S};
use crate::faults::{Sent, StreamFaults};
use crate::lock;

pub(super) fn stream_refused() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, "streaming is down").into_response()
}

/// Mastodon 4.2+'s streaming server without an access token.
pub(super) fn streaming_needs_token() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": "Missing access token"})),
    )
        .into_response()
}

impl Social {
    /// Whether this request may open a stream: a valid token, or an instance from before 4.2.
    fn may_stream(&self, headers: &HeaderMap) -> bool {
        *lock(&self.anonymous_streaming) || self.authorized(headers)
    }
}

pub(super) async fn m_ws(State(h): S, headers: HeaderMap, ws: WebSocketUpgrade) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if *lock(&h.0.no_websocket) {
        return (
            StatusCode::BAD_REQUEST,
            "WebSocket upgrades are not passed through",
        )
            .into_response();
    }
    if !h.0.may_stream(&headers) {
        return streaming_needs_token();
    }
    let authed = h.0.authorized(&headers);
    ws.on_upgrade(move |socket| m_ws_run(h, socket, authed))
}

pub(super) async fn m_ws_run(h: SocialHandle, mut socket: WebSocket, authed: bool) {
    let s = h.0.clone();
    let _open = Open::new(&s, Net::Mastodon);
    let mut announce = s.announce.subscribe();
    let mut kick = s.kick.subscribe();
    let mut tags: Vec<String> = Vec::new();
    let mut notifications = false;
    let mut faulty = StreamFaults::new();
    loop {
        // Messages from the client first: a subscription that has arrived is in force before
        // the next post is announced, as on a real server.
        tokio::select! {
            biased;
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(t))) => {
                    let v: Value = serde_json::from_str(t.as_str()).unwrap_or(Value::Null);
                    if v["type"] == "subscribe" {
                        match v["stream"].as_str() {
                            Some("hashtag") => if let Some(t) = v["tag"].as_str() { tags.push(t.to_lowercase()) },
                            Some("user:notification") if authed => notifications = true,
                            Some("user:notification") => {
                                let _ = socket.send(Message::text(json!({"error": "Missing access token", "status": 401}).to_string())).await;
                            }
                            _ => {}
                        }
                    }
                }
                Some(Ok(_)) => {}
                _ => return,
            },
            i = announce.recv() => {
                let Ok(i) = i else { continue };
                let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                if p.net != Net::Mastodon { continue }
                if let Some(tag) = tags.iter().find(|t| has_tag(&p, t)) {
                    let frame = json!({"stream": ["hashtag", tag], "event": "update", "payload": m_status(&s, &p).to_string()});
                    if let Sent::Closed = faulty.send(&mut socket, s.stream_fault(Net::Mastodon), frame.to_string()).await { return }
                }
                if notifications && p.to_owner {
                    let frame = json!({"stream": ["user:notification"], "event": "notification", "payload": m_notification(&s, &p).to_string()});
                    if let Sent::Closed = faulty.send(&mut socket, s.stream_fault(Net::Mastodon), frame.to_string()).await { return }
                }
            }
            k = kick.recv() => if k == Ok(Net::Mastodon) { let _ = socket.send(Message::Close(None)).await; return },
            _ = tokio::time::sleep(crate::faults::HOLD), if faulty.holding() => {
                if let Sent::Closed = faulty.flush(&mut socket).await { return }
            }
        }
    }
}

pub(super) fn sse_stream(
    h: SocialHandle,
    filter: impl Fn(&SocialPost) -> Option<(&'static str, Value)> + Send + 'static,
) -> impl futures_util::Stream<Item = Result<Event, std::convert::Infallible>> {
    let s = h.0.clone();
    let announce = s.announce.subscribe();
    let kick = s.kick.subscribe();
    let open = Open::new(&s, Net::Mastodon);
    futures_util::stream::unfold(
        (announce, kick, s, filter, open),
        |(mut announce, mut kick, s, filter, open)| async move {
            loop {
                tokio::select! {
                    i = announce.recv() => {
                        let Ok(i) = i else { continue };
                        let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                        if let Some((event, payload)) = filter(&p) {
                            let ev = Event::default().event(event).data(payload.to_string());
                            return Some((Ok(ev), (announce, kick, s, filter, open)));
                        }
                    }
                    k = kick.recv() => if k == Ok(Net::Mastodon) { return None },
                }
            }
        },
    )
}

pub(super) async fn m_sse_tag(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if *lock(&h.0.hashtags_need_login) && !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    if !h.0.may_stream(&headers) {
        return streaming_needs_token();
    }
    let tag = q.get("tag").cloned().unwrap_or_default().to_lowercase();
    let s = h.0.clone();
    Sse::new(sse_stream(h, move |p| {
        (p.net == Net::Mastodon && has_tag(p, &tag)).then(|| ("update", m_status(&s, p)))
    }))
    .keep_alive(KeepAlive::default())
    .into_response()
}

pub(super) async fn m_sse_user(State(h): S, headers: HeaderMap) -> Response {
    if lock(&h.0.down).contains(&Net::Mastodon) {
        return stream_refused();
    }
    if !h.0.authorized(&headers) {
        return unauthorized_m();
    }
    let s = h.0.clone();
    Sse::new(sse_stream(h, move |p| {
        (p.net == Net::Mastodon && p.to_owner).then(|| ("notification", m_notification(&s, p)))
    }))
    .keep_alive(KeepAlive::default())
    .into_response()
}
