//! Streaming: one WebSocket (`/api/v1/streaming`), server-sent events as the fallback.

use std::pin::Pin;
use std::time::Duration;

use futures_util::{SinkExt, Stream, StreamExt};

use super::parse::{parse_event, parse_ws_frame, StreamEvent};
use super::{urlencode, Mastodon};
use crate::channels::{check_status, network_error, ChannelError};

pub(super) type Events = Pin<Box<dyn Stream<Item = Result<StreamEvent, ChannelError>> + Send>>;

impl Mastodon {
    fn streaming_base(&self) -> String {
        self.info
            .as_ref()
            .and_then(|i| i.configuration.urls.streaming.clone())
            .unwrap_or_else(|| self.instance.as_str().trim_end_matches('/').to_string())
            .trim_end_matches('/')
            .to_string()
    }

    pub(super) async fn connect(&self) -> Result<Events, ChannelError> {
        match self.connect_ws().await {
            Ok(e) => Ok(e),
            Err(ws_err) => {
                tracing::info!(instance = %self.host, error = %ws_err, "WebSocket streaming refused; trying server-sent events");
                match self.connect_sse().await {
                    // Both refused for want of a login: say so, not just the last refusal.
                    Err(ChannelError::Unauthorized(sse)) => {
                        if let ChannelError::Unauthorized(ws) = &ws_err {
                            Err(ChannelError::Unauthorized(format!("{ws}; {sse}")))
                        } else {
                            Err(ChannelError::Unauthorized(sse))
                        }
                    }
                    other => other,
                }
            }
        }
    }

    /// What this source hears less of than configured, for its health.
    pub(super) fn limits(&self) -> Option<String> {
        let polling = self
            .stream_needs_login
            .filter(|_| self.events.is_none())
            .map(|_| {
                format!(
                    "polling every {} s — streaming on {} needs a login",
                    self.poll_every.as_secs(),
                    self.host
                )
            });
        match (&self.limited, polling) {
            (Some(k), Some(p)) => Some(format!("{k}; {p}")),
            (Some(k), None) => Some(k.clone()),
            (None, p) => p,
        }
    }

    async fn connect_ws(&self) -> Result<Events, ChannelError> {
        use tokio_tungstenite::tungstenite::client::IntoClientRequest;
        use tokio_tungstenite::tungstenite::Message;
        let base = self.streaming_base();
        let ws_url = match base.split_once("://") {
            Some(("https", rest)) => format!("wss://{rest}/api/v1/streaming"),
            Some(("http", rest)) => format!("ws://{rest}/api/v1/streaming"),
            _ => format!("{base}/api/v1/streaming"),
        };
        let mut req = ws_url
            .into_client_request()
            .map_err(|e| ChannelError::Config(format!("streaming address: {e}")))?;
        if let Some(t) = &self.token {
            let v = format!("Bearer {t}")
                .parse()
                .map_err(|_| ChannelError::Unauthorized("the stored token is not usable".into()))?;
            req.headers_mut().insert("Authorization", v);
        }
        let (mut ws, _) = tokio_tungstenite::connect_async(req)
            .await
            .map_err(|e| match &e {
                tokio_tungstenite::tungstenite::Error::Http(r)
                    if matches!(r.status().as_u16(), 401 | 403) =>
                {
                    ChannelError::Unauthorized(format!(
                        "streaming at {}: {}",
                        self.host,
                        ws_error(&e)
                    ))
                }
                _ => ChannelError::Network(format!("streaming at {}: {}", self.host, ws_error(&e))),
            })?;
        let mut subs = Vec::new();
        if self.token.is_some() {
            subs.push(serde_json::json!({"type": "subscribe", "stream": "user:notification"}));
        }
        for tag in &self.tags {
            subs.push(serde_json::json!({"type": "subscribe", "stream": "hashtag", "tag": tag}));
        }
        for s in subs {
            ws.send(Message::text(s.to_string()))
                .await
                .map_err(|e| ChannelError::Network(format!("streaming: {}", ws_error(&e))))?;
        }
        Ok(Box::pin(ws.filter_map(|msg| async move {
            match msg {
                Ok(Message::Text(t)) => Some(parse_ws_frame(t.as_str())),
                Ok(Message::Close(_)) => None,
                Ok(_) => None,
                Err(e) => Some(Err(ChannelError::Network(format!(
                    "stream broke: {}",
                    ws_error(&e)
                )))),
            }
        })))
    }

    async fn connect_sse(&self) -> Result<Events, ChannelError> {
        use eventsource_stream::Eventsource;
        // The instance gives its streaming address as ws(s)://; server-sent events are HTTP.
        let base = self.streaming_base();
        let base = match base.split_once("://") {
            Some(("wss", rest)) => format!("https://{rest}"),
            Some(("ws", rest)) => format!("http://{rest}"),
            _ => base,
        };
        let mut paths = Vec::new();
        if self.token.is_some() {
            paths.push("/api/v1/streaming/user/notification".to_string());
        }
        for tag in &self.tags {
            paths.push(format!("/api/v1/streaming/hashtag?tag={}", urlencode(tag)));
        }
        let mut streams = Vec::new();
        for p in paths {
            let mut req = self
                .ctx
                .http
                .get(format!("{base}{p}"))
                .header("Accept", "text/event-stream")
                .timeout(Duration::from_secs(365 * 86_400));
            if let Some(t) = &self.token {
                req = req.bearer_auth(t);
            }
            let resp = req.send().await.map_err(network_error)?;
            let resp = check_status(resp, "the event stream", self.ctx.clock.now())?;
            let events = resp
                .bytes_stream()
                .eventsource()
                .filter_map(|ev| async move {
                    match ev {
                        Ok(ev) if ev.event == "update" || ev.event == "notification" => {
                            Some(parse_event(&ev.event, &serde_json::Value::String(ev.data)))
                        }
                        Ok(_) => None,
                        Err(e) => Some(Err(ChannelError::Network(format!(
                            "event stream broke: {e}"
                        )))),
                    }
                });
            streams.push(Box::pin(events) as Events);
        }
        Ok(Box::pin(futures_util::stream::select_all(streams)))
    }
}

pub(super) fn ws_error(e: &tokio_tungstenite::tungstenite::Error) -> String {
    use tokio_tungstenite::tungstenite::Error;
    match e {
        // The handshake's HTTP response; never print its body or the request (it has the token).
        Error::Http(resp) => format!("HTTP {}", resp.status().as_u16()),
        other => other.to_string(),
    }
}
