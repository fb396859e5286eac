//! The simulated Bluesky: Jetstream, XRPC (sessions, profiles, notifications, search, records),
//! chat and a PLC directory.

use std::sync::Arc;
use std::time::Duration;

use crate::faults::Fault;
use std::collections::{HashMap, HashSet};

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::control::SocialHandle;
use super::mastodon_stream::stream_refused;
use super::{
    did_for, iso, owner_post_uri, Net, Open, Social, SocialPost, Write, BSKY_APP_PASSWORD,
    BSKY_DID, BSKY_HANDLE, DM_CLOSED_HANDLE, OWNER_POST_CID, S,
};
use crate::faults::{Sent, StreamFaults};
use crate::lock;

/// How Bluesky refuses a call: 400 ExpiredToken for an access token past its time, 401 otherwise.
pub(super) fn xrpc_unauthorized(s: &Social, headers: &HeaderMap) -> Response {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if lock(&s.expired).contains(token) {
        xrpc_err(StatusCode::BAD_REQUEST, "ExpiredToken", "Token has expired")
    } else {
        xrpc_err(
            StatusCode::UNAUTHORIZED,
            "AuthenticationRequired",
            "Authentication Required",
        )
    }
}

pub(super) fn xrpc_err(status: StatusCode, error: &str, message: &str) -> Response {
    (status, Json(json!({"error": error, "message": message}))).into_response()
}

// ---- Bluesky ----

pub(super) fn b_record(s: &Social, p: &SocialPost) -> Value {
    let mut rec = json!({
        "$type": "app.bsky.feed.post", "createdAt": iso(s.created_at(p)), "langs": ["en"], "text": p.text
    });
    let mention = format!("@{BSKY_HANDLE}");
    if let Some(start) = p.text.find(&mention) {
        rec["facets"] = json!([{
            "$type": "app.bsky.richtext.facet",
            "index": {"byteStart": start, "byteEnd": start + mention.len()},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": BSKY_DID}]
        }]);
    }
    if p.reply_to_owner_post {
        let r = json!({"uri": owner_post_uri(), "cid": OWNER_POST_CID});
        rec["reply"] = json!({"root": r, "parent": r});
    }
    super::merge_raw(rec, p.raw.as_ref().and_then(|r| r.get("record")))
}

/// The author as post views carry it, with any raw profile fields.
fn b_author(p: &SocialPost) -> Value {
    let a = json!({"did": p.author_id, "handle": p.handle, "displayName": p.display_name, "labels": []});
    super::merge_raw(a, p.raw.as_ref().and_then(|r| r.get("profile")))
}

pub(super) fn b_frame(s: &Social, p: &SocialPost) -> Value {
    json!({
        "did": p.author_id, "time_us": p.time_us, "kind": "commit",
        "commit": {"rev": format!("3lrev{}", p.id), "operation": "create", "collection": "app.bsky.feed.post",
                   "rkey": p.id, "record": b_record(s, p), "cid": p.cid()}
    })
}

pub(super) fn b_profile(p: &SocialPost) -> Value {
    let profile = json!({
        "did": p.author_id, "handle": p.handle, "displayName": p.display_name,
        "avatar": "https://cdn.bsky.invalid/avatar.jpg", "followersCount": p.followers,
        "followsCount": 100, "postsCount": 321, "indexedAt": "2024-01-01T00:00:00.000Z", "labels": []
    });
    super::merge_raw(profile, p.raw.as_ref().and_then(|r| r.get("profile")))
}

pub(super) fn b_post_view(s: &Social, p: &SocialPost) -> Value {
    json!({
        "uri": p.external_id(), "cid": p.cid(),
        "author": b_author(p),
        "record": b_record(s, p), "replyCount": 0, "repostCount": 0, "likeCount": 0,
        "indexedAt": iso(s.created_at(p)), "labels": []
    })
}

/// Real Jetstream frames (the fixture's likes, reposts, other posts, identity events) sent as
/// background noise that must not match.
pub(super) fn noise() -> Vec<String> {
    include_str!("../../../../fixtures/bluesky/jetstream_v1_events.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) async fn b_jetstream(
    State(h): S,
    Query(q): Query<HashMap<String, String>>,
    ws: WebSocketUpgrade,
) -> Response {
    if lock(&h.0.down).contains(&Net::Bluesky) {
        return stream_refused();
    }
    let cursor: Option<i64> = q.get("cursor").and_then(|c| c.parse().ok());
    let compress = q.get("compress").is_some_and(|v| v == "true");
    ws.on_upgrade(move |socket| b_jetstream_run(h, socket, cursor, compress))
}

/// Jetstream's dictionary for `compress=true` (the real one; provenance in fixtures/SOURCES.md).
const DICTIONARY: &[u8] = include_bytes!("../../../../fixtures/bluesky/jetstream_zstd_dictionary");

/// How frames go on the wire, as Jetstream sends them: JSON text, or with `compress=true` one
/// binary zstd frame per event, made with the published dictionary. Counts what it sends.
fn framing(s: Arc<Social>, compress: bool) -> impl FnMut(String) -> Message + Send + 'static {
    let mut zstd = compress
        .then(|| zstd::bulk::Compressor::with_dictionary(3, DICTIONARY).ok())
        .flatten();
    move |json: String| {
        let msg = match zstd.as_mut().and_then(|z| z.compress(json.as_bytes()).ok()) {
            Some(packed) => Message::binary(packed),
            None => Message::text(json.clone()),
        };
        let wire = match &msg {
            Message::Binary(b) => b.len(),
            _ => json.len(),
        };
        s.traffic.send_modify(|t| {
            t.wire_bytes += wire as u64;
            t.json_bytes += json.len() as u64;
            t.frames += 1;
        });
        msg
    }
}

/// An unrelated post from somewhere on the network, shaped like the captured post in the
/// fixture (a reply, with its strong refs) but with its own author, keys, content ids and a
/// sentence of everyday words: random where the network's are random, so compression is
/// measured on bytes like the network's rather than on one post repeated.
fn firehose_post(template: &Value, rng: &mut impl rand::Rng) -> String {
    const WORDS: [&str; 64] = [
        "the", "a", "and", "to", "of", "in", "is", "it", "you", "that", "this", "for", "on",
        "with", "was", "just", "so", "my", "me", "but", "not", "today", "time", "new", "love",
        "good", "really", "people", "think", "know", "day", "night", "week", "game", "music",
        "book", "coffee", "rain", "work", "home", "city", "train", "friends", "morning", "photo",
        "art", "cat", "dog", "news", "show", "season", "finally", "again", "still", "never",
        "always", "tonight", "weekend", "little", "big", "best", "worst", "why", "what",
    ];
    const B32: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut id =
        |n: usize| -> String { (0..n).map(|_| B32[rng.gen_range(0..32)] as char).collect() };
    let did = format!("did:plc:{}", id(24));
    let rkey = format!("3l{}", id(11));
    let cid = format!("bafyrei{}", id(52));
    let mut e = template.clone();
    e["did"] = json!(did);
    e["time_us"] = json!(chrono::Utc::now().timestamp_micros());
    e["commit"]["rev"] = json!(format!("3l{}", id(11)));
    e["commit"]["rkey"] = json!(rkey);
    e["commit"]["cid"] = json!(cid);
    let n = rng.gen_range(6..30);
    let text: Vec<&str> = (0..n)
        .map(|_| WORDS[rng.gen_range(0..WORDS.len())])
        .collect();
    e["commit"]["record"]["text"] = json!(text.join(" "));
    e["commit"]["record"]["createdAt"] = json!(chrono::Utc::now().to_rfc3339());
    e.to_string()
}

/// The captured post in the fixture, the firehose's template.
fn firehose_template() -> Option<Value> {
    noise()
        .into_iter()
        .filter_map(|l| serde_json::from_str::<Value>(&l).ok())
        .find(|v| v["commit"]["collection"] == "app.bsky.feed.post")
}

pub(super) async fn b_jetstream_run(
    h: SocialHandle,
    mut socket: WebSocket,
    cursor: Option<i64>,
    compress: bool,
) {
    let s = h.0.clone();
    let _open = Open::new(&s, Net::Bluesky);
    let mut announce = s.announce.subscribe();
    let mut kick = s.kick.subscribe();
    let mut sent_up_to = cursor.unwrap_or(i64::MAX);
    let mut faulty = StreamFaults::framed(framing(s.clone(), compress));
    let rate = *lock(&s.firehose);
    let template = firehose_template().filter(|_| rate > 0);
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(u64::from(rate));
    let mut firehose = tokio::time::interval(Duration::from_secs_f64(1.0 / f64::from(rate.max(1))));
    firehose.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    if cursor.is_some() {
        let mut replay = s.visible(Net::Bluesky);
        replay.retain(|p| p.time_us > sent_up_to);
        replay.sort_by_key(|p| p.time_us);
        for p in replay {
            sent_up_to = sent_up_to.max(p.time_us);
            let fault = s.stream_fault(Net::Bluesky);
            if let Sent::Closed = faulty
                .send(&mut socket, fault, b_frame(&s, &p).to_string())
                .await
            {
                return;
            }
        }
    }
    for n in noise() {
        if let Sent::Closed = faulty.send(&mut socket, Fault::None, n).await {
            return;
        }
    }
    loop {
        tokio::select! {
            i = announce.recv() => {
                let Ok(i) = i else { continue };
                let Some(p) = s.posts.read().unwrap_or_else(|p| p.into_inner()).get(i).cloned() else { continue };
                if p.net != Net::Bluesky || (cursor.is_some() && p.time_us <= sent_up_to && p.emitted_ms.is_none()) { continue }
                let fault = s.stream_fault(Net::Bluesky);
                if let Sent::Closed = faulty.send(&mut socket, fault, b_frame(&s, &p).to_string()).await { return }
            }
            k = kick.recv() => if k == Ok(Net::Bluesky) { let _ = socket.send(Message::Close(None)).await; return },
            msg = socket.recv() => if !matches!(msg, Some(Ok(_))) { return },
            _ = tokio::time::sleep(crate::faults::HOLD), if faulty.holding() => {
                if let Sent::Closed = faulty.flush(&mut socket).await { return }
            }
            _ = firehose.tick(), if template.is_some() => {
                // The rate set when the connection opened; 0 since then quiets the stream.
                if *lock(&s.firehose) == 0 { continue }
                let Some(t) = template.as_ref() else { continue };
                if let Sent::Closed = faulty.send(&mut socket, Fault::None, firehose_post(t, &mut rng)).await { return }
            }
        }
    }
}

pub(super) async fn b_create_session(State(h): S, Json(b): Json<Value>) -> Response {
    let id = b["identifier"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches('@');
    let pw = b["password"].as_str().unwrap_or("");
    if (id != BSKY_HANDLE && id != BSKY_DID) || pw != BSKY_APP_PASSWORD {
        return xrpc_err(
            StatusCode::UNAUTHORIZED,
            "AuthenticationRequired",
            "Invalid identifier or password",
        );
    }
    let access = h.0.new_token("bsky-access");
    let refresh = h.0.new_token("bsky-refresh");
    Json(json!({"did": BSKY_DID, "handle": BSKY_HANDLE, "email": "owner@brightside.example", "accessJwt": access, "refreshJwt": refresh, "active": true})).into_response()
}

pub(super) async fn b_refresh(State(h): S, headers: HeaderMap) -> Response {
    if !h.0.authorized(&headers) {
        return xrpc_err(StatusCode::BAD_REQUEST, "ExpiredToken", "Token has expired");
    }
    let access = h.0.new_token("bsky-access");
    let refresh = h.0.new_token("bsky-refresh");
    Json(json!({"did": BSKY_DID, "handle": BSKY_HANDLE, "accessJwt": access, "refreshJwt": refresh, "active": true})).into_response()
}

pub(super) async fn b_resolve_handle(
    State(h): S,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let handle = q.get("handle").map(String::as_str).unwrap_or("");
    if handle == BSKY_HANDLE {
        return Json(json!({"did": BSKY_DID})).into_response();
    }
    match h
        .posts()
        .iter()
        .find(|p| p.net == Net::Bluesky && p.handle == handle)
    {
        Some(p) => Json(json!({"did": p.author_id})).into_response(),
        None => xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "Unable to resolve handle",
        ),
    }
}

pub(super) async fn b_profiles(State(h): S, uri: axum::http::Uri) -> Json<Value> {
    let wanted: Vec<String> = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .filter(|(k, _)| k == "actors")
        .map(|(_, v)| v.into_owned())
        .collect();
    let posts = h.posts();
    let mut seen = HashSet::new();
    let profiles: Vec<Value> = wanted
        .iter()
        .take(25)
        .filter_map(|a| {
            // The author as of their latest post: follower counts change.
            posts
                .iter()
                .rfind(|p| p.net == Net::Bluesky && (&p.author_id == a || &p.handle == a))
        })
        .filter(|p| seen.insert(p.author_id.clone()))
        .map(b_profile)
        .collect();
    Json(json!({"profiles": profiles}))
}

pub(super) async fn b_notifications(State(h): S, headers: HeaderMap) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Bluesky)
        .into_iter()
        .filter(|p| p.to_owner)
        .collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.time_us));
    let notes: Vec<Value> = posts
        .iter()
        .take(50)
        .map(|p| json!({
            "uri": p.external_id(), "cid": p.cid(),
            "author": b_author(p),
            "reason": if p.reply_to_owner_post { "reply" } else { "mention" },
            "record": b_record(s, p), "isRead": false, "indexedAt": iso(s.created_at(p)), "labels": []
        }))
        .collect();
    Json(json!({"notifications": notes})).into_response()
}

pub(super) async fn b_search(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let query = q.get("q").cloned().unwrap_or_default().to_lowercase();
    let since = q
        .get("since")
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|d| d.timestamp());
    let mut posts: Vec<SocialPost> = s
        .visible(Net::Bluesky)
        .into_iter()
        .filter(|p| !query.is_empty() && p.text.to_lowercase().contains(&query))
        .filter(|p| since.is_none_or(|t| s.created_at(p) >= t))
        .collect();
    posts.sort_by_key(|p| std::cmp::Reverse(p.time_us));
    let views: Vec<Value> = posts.iter().take(50).map(|p| b_post_view(s, p)).collect();
    Json(json!({"posts": views, "hitsTotal": views.len()})).into_response()
}

pub(super) async fn b_create_record(
    State(h): S,
    headers: HeaderMap,
    Json(b): Json<Value>,
) -> Response {
    let s = &h.0;
    let rec = |accepted| Write {
        net: Net::Bluesky,
        path: "com.atproto.repo.createRecord".into(),
        idempotency_key: None,
        proxy: None,
        body: b.clone(),
        accepted,
    };
    if !s.authorized(&headers) {
        s.record(rec(false));
        return xrpc_unauthorized(s, &headers);
    }
    let rkey = b["rkey"].as_str().unwrap_or("").to_string();
    if rkey.is_empty() {
        s.record(rec(false));
        return xrpc_err(StatusCode::BAD_REQUEST, "InvalidRequest", "Invalid rkey");
    }
    if !lock(&s.rkeys).insert(rkey.clone()) {
        // What the reference PDS answers to a record key that is taken: a bare 500, not an
        // "already exists" (seen against @atproto/pds).
        s.record(rec(false));
        return xrpc_err(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "Internal Server Error",
        );
    }
    lock(&s.records).insert(rkey.clone(), b["record"].clone());
    s.record(rec(true));
    let repo = b["repo"].as_str().unwrap_or(BSKY_DID);
    Json(json!({"uri": format!("at://{repo}/app.bsky.feed.post/{rkey}"), "cid": format!("bafyreireply{}", rkey), "validationStatus": "valid"})).into_response()
}

/// A PLC directory's `GET /{did}`: the owner's DID document, its PDS being this simulator's
/// Bluesky. Shaped like plc.directory's answer.
pub(super) async fn plc_document(State(h): S, Path(did): Path<String>) -> Response {
    if did != BSKY_DID {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": format!("DID not registered: {did}")})),
        )
            .into_response();
    }
    let base = lock(&h.0.base).clone();
    Json(json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": BSKY_DID,
        "alsoKnownAs": [format!("at://{BSKY_HANDLE}")],
        "verificationMethod": [{
            "id": format!("{BSKY_DID}#atproto"), "type": "Multikey", "controller": BSKY_DID,
            "publicKeyMultibase": "zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF"
        }],
        "service": [{
            "id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
            "serviceEndpoint": format!("{base}/bsky")
        }]
    }))
    .into_response()
}

/// `com.atproto.repo.getRecord`: a post this simulated repository holds, or 400 RecordNotFound.
pub(super) async fn b_get_record(
    State(h): S,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (repo, rkey) = (
        q.get("repo").cloned().unwrap_or_default(),
        q.get("rkey").cloned().unwrap_or_default(),
    );
    let uri = format!("at://{repo}/app.bsky.feed.post/{rkey}");
    match lock(&h.0.records).get(&rkey) {
        Some(value) if repo == BSKY_DID || repo == BSKY_HANDLE => Json(json!({
            "uri": uri, "cid": format!("bafyreireply{rkey}"), "value": value
        }))
        .into_response(),
        _ => xrpc_err(
            StatusCode::BAD_REQUEST,
            "RecordNotFound",
            &format!("Could not locate record: {uri}"),
        ),
    }
}

pub(super) async fn b_convo(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    if headers.get("atproto-proxy").and_then(|v| v.to_str().ok())
        != Some("did:web:api.bsky.chat#bsky_chat")
    {
        return xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "chat requests must be proxied to the chat service",
        );
    }
    let member = q.get("members").cloned().unwrap_or_default();
    if member == did_for(DM_CLOSED_HANDLE) {
        return xrpc_err(
            StatusCode::BAD_REQUEST,
            "InvalidRequest",
            "recipient has disabled incoming messages",
        );
    }
    Json(json!({"convo": {"id": format!("convo-{}", &member[member.len().saturating_sub(8)..]), "rev": "1", "members": [{"did": BSKY_DID}, {"did": member}], "muted": false, "unreadCount": 0}})).into_response()
}

pub(super) async fn b_send_message(
    State(h): S,
    headers: HeaderMap,
    Json(b): Json<Value>,
) -> Response {
    let s = &h.0;
    let proxy = headers
        .get("atproto-proxy")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let ok = s.authorized(&headers) && proxy.as_deref() == Some("did:web:api.bsky.chat#bsky_chat");
    s.record(Write {
        net: Net::Bluesky,
        path: "chat.bsky.convo.sendMessage".into(),
        idempotency_key: None,
        proxy,
        body: b.clone(),
        accepted: ok,
    });
    if !ok {
        return xrpc_err(StatusCode::BAD_REQUEST, "InvalidRequest", "not allowed");
    }
    let id = s.new_token("msg");
    let view = json!({"$type": "chat.bsky.convo.defs#messageView", "id": id, "rev": "2", "text": b["message"]["text"], "sender": {"did": BSKY_DID}, "sentAt": iso(chrono::Utc::now().timestamp())});
    let convo = b["convoId"].as_str().unwrap_or("").to_string();
    lock(&s.messages)
        .entry(convo)
        .or_default()
        .push(view.clone());
    Json(view).into_response()
}

pub(super) async fn b_messages(
    State(h): S,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let s = &h.0;
    if !s.authorized(&headers) {
        return xrpc_unauthorized(s, &headers);
    }
    let convo = q.get("convoId").cloned().unwrap_or_default();
    let limit: usize = q.get("limit").and_then(|l| l.parse().ok()).unwrap_or(50);
    // Newest first, as the chat service lists them.
    let messages: Vec<Value> = lock(&s.messages)
        .get(&convo)
        .map(|v| v.iter().rev().take(limit).cloned().collect())
        .unwrap_or_default();
    Json(json!({"messages": messages})).into_response()
}
