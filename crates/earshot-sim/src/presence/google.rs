//! The simulated Google: OAuth for installed apps and the Business Profile reviews.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, put};
use axum::{Form, Json, Router};
use base64::Engine as _;
use serde_json::{json, Value};
use sha2::Digest;

use super::{merge, Item, Presence, Where, GOOGLE_ACCOUNT, GOOGLE_CLIENT_ID, LOCATION};
use crate::lock;
use crate::social::{Net, SocialHandle, Write};

type S = State<SocialHandle>;

/// The Google routes.
pub(crate) fn routes() -> Router<SocialHandle> {
    Router::new()
        .route("/google/o/oauth2/v2/auth", get(authorize))
        .route("/google/token", post(token))
        .route("/google/oauth2/v3/tokeninfo", get(tokeninfo))
        .route("/google/v1/accounts", get(accounts))
        .route("/google/v1/accounts/{a}/locations", get(locations))
        .route(
            "/google/v4/accounts/{a}/locations/{l}/reviews",
            get(reviews),
        )
        .route(
            "/google/v4/accounts/{a}/locations/{l}/reviews/{r}/reply",
            put(put_reply).delete(delete_reply),
        )
}

fn gerror(status: StatusCode, state: &str, message: &str) -> Response {
    (
        status,
        Json(json!({"error": {"code": status.as_u16(), "message": message, "status": state}})),
    )
        .into_response()
}

fn authorized(p: &Presence, headers: &HeaderMap) -> Option<Response> {
    let t = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if lock(&p.google_tokens).contains(t) {
        None
    } else {
        Some(gerror(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."))
    }
}

async fn authorize(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = h.presence();
    if q.get("client_id").map(String::as_str) != Some(GOOGLE_CLIENT_ID) {
        return (
            StatusCode::BAD_REQUEST,
            "Error 401: invalid_client. The OAuth client was not found.",
        )
            .into_response();
    }
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return (
            StatusCode::BAD_REQUEST,
            "Error 400: invalid_request. code_challenge_method must be S256 here.",
        )
            .into_response();
    }
    let code = format!("4/sim-code-{}", p.seq());
    if let Some(hint) = q.get("login_hint").filter(|h| h.contains('@')) {
        lock(&p.google_emails).insert(code.clone(), hint.clone());
    }
    lock(&p.google_codes).insert(
        code.clone(),
        q.get("code_challenge").cloned().unwrap_or_default(),
    );
    let mut to = match url::Url::parse(
        q.get("redirect_uri")
            .map(String::as_str)
            .unwrap_or_default(),
    ) {
        Ok(u) => u,
        Err(_) => {
            return (StatusCode::BAD_REQUEST, "Error 400: redirect_uri_mismatch").into_response()
        }
    };
    to.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair(
            "state",
            q.get("state").map(String::as_str).unwrap_or_default(),
        )
        .append_pair(
            "scope",
            q.get("scope")
                .map(String::as_str)
                .unwrap_or("https://www.googleapis.com/auth/business.manage"),
        );
    Redirect::to(to.as_str()).into_response()
}

fn oauth_error(e: &str, d: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": e, "error_description": d})),
    )
        .into_response()
}

async fn token(State(h): S, Form(f): Form<HashMap<String, String>>) -> Response {
    let p = h.presence();
    let access = format!("ya29.sim-{}", p.seq());
    match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let code = f.get("code").cloned().unwrap_or_default();
            let Some(challenge) = lock(&p.google_codes).remove(&code) else {
                return oauth_error("invalid_grant", "Malformed auth code.");
            };
            let verifier = f.get("code_verifier").cloned().unwrap_or_default();
            let got = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(sha2::Sha256::digest(verifier.as_bytes()));
            if got != challenge {
                return oauth_error("invalid_grant", "Invalid code verifier.");
            }
            let refresh = format!("1//sim-refresh-{}", p.seq());
            lock(&p.refresh_tokens).insert(refresh.clone());
            lock(&p.google_tokens).insert(access.clone());
            let mut emails = lock(&p.google_emails);
            if let Some(e) = emails.remove(&code) {
                emails.insert(refresh.clone(), e.clone());
                emails.insert(access.clone(), e);
            }
            Json(json!({"access_token": access, "expires_in": 3599, "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/business.manage", "refresh_token": refresh})).into_response()
        }
        Some("refresh_token") => {
            if !lock(&p.refresh_tokens).contains(
                f.get("refresh_token")
                    .map(String::as_str)
                    .unwrap_or_default(),
            ) {
                return oauth_error("invalid_grant", "Token has been expired or revoked.");
            }
            lock(&p.google_tokens).insert(access.clone());
            let refresh = f.get("refresh_token").cloned().unwrap_or_default();
            let mut emails = lock(&p.google_emails);
            if let Some(e) = emails.get(&refresh).cloned() {
                emails.insert(access.clone(), e);
            }
            Json(json!({"access_token": access, "expires_in": 3599, "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/business.manage"})).into_response()
        }
        _ => oauth_error("unsupported_grant_type", "Invalid grant_type."),
    }
}

/// Google's tokeninfo endpoint (what Dovecot's oauth2 passdb asks, as it asks Google's).
async fn tokeninfo(State(h): S, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = h.presence();
    let token = q.get("access_token").map(String::as_str).unwrap_or("");
    let Some(email) = p.bearer_email(token) else {
        return oauth_error("invalid_token", "Invalid Value");
    };
    let exp = chrono::Utc::now().timestamp() + 3599;
    Json(json!({
        "azp": GOOGLE_CLIENT_ID, "aud": GOOGLE_CLIENT_ID, "sub": "110000000000000000001",
        "scope": "https://mail.google.com/", "exp": exp.to_string(), "expires_in": "3599",
        "email": email, "email_verified": "true", "access_type": "offline"
    }))
    .into_response()
}

/// Revokes every access token issued (refresh tokens keep working): a client must renew.
pub(crate) fn revoke_access(p: &Presence) {
    lock(&p.google_tokens).clear();
}

async fn accounts(State(h): S, headers: HeaderMap) -> Response {
    if let Some(r) = authorized(h.presence(), &headers) {
        return r;
    }
    Json(json!({"accounts": [{"name": GOOGLE_ACCOUNT, "accountName": "Brightside Coffee", "type": "PERSONAL", "verificationState": "VERIFIED"}]})).into_response()
}

async fn locations(State(h): S, headers: HeaderMap, Path(a): Path<String>) -> Response {
    if let Some(r) = authorized(h.presence(), &headers) {
        return r;
    }
    if format!("accounts/{a}") != GOOGLE_ACCOUNT {
        return gerror(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Requested entity was not found.",
        );
    }
    Json(json!({"locations": [{"name": format!("locations/{}", LOCATION.0), "title": LOCATION.1}]}))
        .into_response()
}

fn rfc3339(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

fn stars(n: u8) -> &'static str {
    [
        "STAR_RATING_UNSPECIFIED",
        "ONE",
        "TWO",
        "THREE",
        "FOUR",
        "FIVE",
    ][n.min(5) as usize]
}

fn review_json(p: &Presence, r: &Item, name: &str) -> Value {
    let edited = p.edited(r);
    let (text, rating) = match edited {
        Some(_) => (
            r.edited_text.clone().unwrap_or(r.text.clone()),
            r.edited_rating.or(r.rating),
        ),
        None => (r.text.clone(), r.rating),
    };
    let mut v = json!({
        "name": format!("{name}/reviews/{}", r.id),
        "reviewId": r.id,
        "reviewer": {"profilePhotoUrl": "https://lh3.googleusercontent.com/a/sim-photo", "displayName": r.author, "isAnonymous": false},
        "starRating": stars(rating.unwrap_or(0)),
        "createTime": rfc3339(p.created(r)),
        "updateTime": rfc3339(edited.unwrap_or(p.created(r))),
    });
    if !text.is_empty() {
        v["comment"] = json!(text);
    }
    if let Some((reply, at)) = lock(&p.replies).get(&r.id) {
        v["reviewReply"] = json!({"comment": reply, "updateTime": rfc3339(*at)});
    }
    merge(v, &r.raw)
}

async fn reviews(
    State(h): S,
    headers: HeaderMap,
    Path((a, l)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = h.presence();
    if let Some(r) = authorized(p, &headers) {
        return r;
    }
    if l != LOCATION.0 {
        return gerror(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Requested entity was not found.",
        );
    }
    let name = format!("accounts/{a}/locations/{l}");
    let mut all = p.visible(Where::GoogleReviews);
    all.sort_by_key(|r| std::cmp::Reverse((p.edited(r).unwrap_or(p.created(r)), r.id.clone())));
    let size: usize = q
        .get("pageSize")
        .and_then(|s| s.parse().ok())
        .unwrap_or(50)
        .clamp(1, 50);
    let from: usize = q
        .get("pageToken")
        .and_then(|t| t.strip_prefix("page").and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    let total = all.len();
    let sum: u32 = all
        .iter()
        .map(|r| {
            u32::from(
                r.edited_rating
                    .filter(|_| p.edited(r).is_some())
                    .or(r.rating)
                    .unwrap_or(0),
            )
        })
        .sum();
    let items: Vec<Value> = all
        .iter()
        .skip(from)
        .take(size)
        .map(|r| review_json(p, r, &name))
        .collect();
    let mut v = json!({"reviews": items, "averageRating": if total > 0 { f64::from(sum) / total as f64 } else { 0.0 }, "totalReviewCount": total});
    if from + size < total {
        v["nextPageToken"] = json!(format!("page{}", from + size));
    }
    Json(v).into_response()
}

async fn put_reply(
    State(h): S,
    headers: HeaderMap,
    Path((a, l, r)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let p = h.presence();
    if let Some(e) = authorized(p, &headers) {
        return e;
    }
    let comment = serde_json::from_slice::<Value>(&body).ok().and_then(|v| {
        v.get("comment")
            .and_then(|c| c.as_str())
            .map(str::to_string)
    });
    let Some(comment) = comment.filter(|c| !c.trim().is_empty()) else {
        return gerror(
            StatusCode::BAD_REQUEST,
            "INVALID_ARGUMENT",
            "Request contains an invalid argument.",
        );
    };
    if !p.visible(Where::GoogleReviews).iter().any(|x| x.id == r) {
        return gerror(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Requested entity was not found.",
        );
    }
    let now = p.now();
    // Writing the same reply again changes nothing: not a new write.
    let before = lock(&p.replies).insert(r.clone(), (comment.clone(), now));
    let new = before.map(|(c, _)| c) != Some(comment.clone());
    h.record_write(Write {
        net: Net::GoogleReviews,
        path: format!("/v4/accounts/{a}/locations/{l}/reviews/{r}/reply"),
        idempotency_key: None,
        proxy: None,
        body: json!({"review": r, "comment": comment, "method": "PUT"}),
        accepted: new,
    });
    Json(json!({"comment": comment, "updateTime": rfc3339(now)})).into_response()
}

async fn delete_reply(
    State(h): S,
    headers: HeaderMap,
    Path((a, l, r)): Path<(String, String, String)>,
) -> Response {
    let p = h.presence();
    if let Some(e) = authorized(p, &headers) {
        return e;
    }
    let had = lock(&p.replies).remove(&r).is_some();
    h.record_write(Write {
        net: Net::GoogleReviews,
        path: format!("/v4/accounts/{a}/locations/{l}/reviews/{r}/reply"),
        idempotency_key: None,
        proxy: None,
        body: json!({"review": r, "method": "DELETE"}),
        accepted: had,
    });
    if !had {
        return gerror(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Requested entity was not found.",
        );
    }
    Json(json!({})).into_response()
}
