//! The middleware every request passes through: it records the request and, when its target
//! has a fault, answers as a failing network does.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{target_of, Fault, Faults};

const PAGING: [&str; 7] = [
    "page", "max_id", "min_id", "since_id", "cursor", "offset", "until",
];

/// The middleware: records the request and applies its target's fault.
pub async fn layer(
    State(faults): State<std::sync::Arc<Faults>>,
    mut req: Request,
    next: Next,
) -> Response {
    let method = req.method().clone();
    let uri = req.uri().clone();
    let target = target_of(&method, uri.path());
    let upgrade = req.headers().contains_key(header::UPGRADE);
    let spec = if target.is_empty() {
        None
    } else {
        faults.take(target)
    };
    // Stream-only faults leave plain requests alone (and the reverse), and do not count.
    let spec = spec.filter(|s| s.kind != Fault::StreamCut || upgrade);
    faults.record(&method, &uri, target, spec.map(|s| s.kind));
    let Some(spec) = spec else {
        return next.run(req).await;
    };
    match spec.kind {
        Fault::None | Fault::StreamCut => next.run(req).await,
        Fault::ServerError => {
            (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error").into_response()
        }
        Fault::BadGateway => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        )
            .into_response(),
        Fault::Unavailable => {
            (StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable").into_response()
        }
        // `rate_limit:0` leaves Retry-After out, as many servers do.
        Fault::RateLimit => {
            let mut r = (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::CONTENT_TYPE, "application/json")],
                unauthorized_or_limited_body(target, false),
            )
                .into_response();
            let secs = spec.retry_after.unwrap_or(2);
            if secs > 0 {
                if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            r
        }
        // Meta answers an expired token with 400 and #190.
        Fault::Unauthorized => (
            if matches!(target, "facebook" | "instagram") {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::UNAUTHORIZED
            },
            [(header::CONTENT_TYPE, "application/json")],
            unauthorized_or_limited_body(target, true),
        )
            .into_response(),
        Fault::Slow => {
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(1_500))).await;
            next.run(req).await
        }
        Fault::Timeout => {
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(120_000))).await;
            cut_connection()
        }
        Fault::DropAfterAccept => {
            let _ = next.run(req).await;
            cut_connection()
        }
        Fault::AcceptThenHang => {
            let _ = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(spec.delay_ms.unwrap_or(120_000))).await;
            cut_connection()
        }
        Fault::RepeatPages => {
            let kept: Vec<(String, String)> =
                url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .into_owned()
                    .filter(|(k, _)| !PAGING.contains(&k.as_str()))
                    .collect();
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish();
            let pq = if query.is_empty() {
                uri.path().to_string()
            } else {
                format!("{}?{query}", uri.path())
            };
            if let Ok(u) = pq.parse::<Uri>() {
                *req.uri_mut() = u;
            }
            next.run(req).await
        }
        Fault::Malformed | Fault::Truncated | Fault::Duplicate | Fault::OutOfOrder => {
            if upgrade {
                return next.run(req).await;
            }
            // A conditional request must get a body to spoil.
            req.headers_mut().remove(header::IF_NONE_MATCH);
            req.headers_mut().remove(header::IF_MODIFIED_SINCE);
            let resp = next.run(req).await;
            let (mut parts, body) = resp.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, 64 << 20).await else {
                return cut_connection();
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let out = match spec.kind {
                Fault::Malformed => "}{ <html> this is not what you asked for <<<".to_string(),
                Fault::Truncated => {
                    let mut cut = text.len() / 2;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text[..cut].to_string()
                }
                Fault::Duplicate => reshape(&text, true),
                _ => reshape(&text, false),
            };
            parts.headers.remove(header::CONTENT_LENGTH);
            if let Ok(v) = HeaderValue::from_str(&out.len().to_string()) {
                parts.headers.insert(header::CONTENT_LENGTH, v);
            }
            Response::from_parts(parts, Body::from(out))
        }
    }
}

fn unauthorized_or_limited_body(target: &str, unauthorized: bool) -> String {
    match (target, unauthorized) {
        ("bluesky", true) => {
            r#"{"error":"ExpiredToken","message":"Token has expired"}"#.to_string()
        }
        ("bluesky", false) => {
            r#"{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}"#.to_string()
        }
        ("facebook" | "instagram", true) => r#"{"error":{"message":"Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"H2il2t5bn4e"}}"#.to_string(),
        ("facebook" | "instagram", false) => r#"{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","is_transient":true,"code":4,"fbtrace_id":"AMTYxCNbXwURwZO2BD5TYrz"}}"#.to_string(),
        ("google", true) => r#"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED"}}"#.to_string(),
        ("google", false) => r#"{"error":{"code":429,"message":"Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'.","status":"RESOURCE_EXHAUSTED"}}"#.to_string(),
        ("reddit", true) => r#"{"message": "Unauthorized", "error": 401}"#.to_string(),
        ("reddit", false) => r#"{"message": "Too Many Requests", "error": 429}"#.to_string(),
        (_, true) => r#"{"error":"The access token is invalid"}"#.to_string(),
        (_, false) => r#"{"error":"Too many requests"}"#.to_string(),
    }
}

/// A response whose body fails at once: the client sees the connection drop, not an answer.
fn cut_connection() -> Response {
    let stream = futures_util::stream::once(async {
        Err::<axum::body::Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "connection dropped by the simulator",
        ))
    });
    Response::new(Body::from_stream(stream))
}

/// Doubles (`dup`) or reverses the items of a list body: a JSON array (top level or under a
/// list key) or the `<item>`/`<entry>` elements of a feed.
pub(super) fn reshape(text: &str, dup: bool) -> String {
    let apply = |items: &mut Vec<serde_json::Value>| {
        if dup {
            let copy = items.clone();
            let mut out = Vec::with_capacity(items.len() * 2);
            for (a, b) in items.drain(..).zip(copy) {
                out.push(a);
                out.push(b);
            }
            *items = out;
        } else {
            items.reverse();
        }
    };
    if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(text) {
        if let Some(items) = v.as_array_mut() {
            apply(items);
        } else if let Some(obj) = v.as_object_mut() {
            for key in [
                "data",
                "reviews",
                "hits",
                "posts",
                "notifications",
                "statuses",
                "feed",
                "profiles",
            ] {
                if let Some(items) = obj.get_mut(key).and_then(|x| x.as_array_mut()) {
                    apply(items);
                }
            }
        }
        return v.to_string();
    }
    for tag in ["item", "entry"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let Some(first) = text.find(&open) else {
            continue;
        };
        let Some(last) = text.rfind(&close) else {
            continue;
        };
        let end = last + close.len();
        let mut items: Vec<&str> = Vec::new();
        let mut rest = &text[first..end];
        while let Some(s) = rest.find(&open) {
            let Some(e) = rest[s..].find(&close) else {
                break;
            };
            items.push(&rest[s..s + e + close.len()]);
            rest = &rest[s + e + close.len()..];
        }
        let body: Vec<&str> = if dup {
            items.iter().flat_map(|i| [*i, *i]).collect()
        } else {
            items.iter().rev().copied().collect()
        };
        return format!("{}{}{}", &text[..first], body.join("\n"), &text[end..]);
    }
    text.to_string()
}
