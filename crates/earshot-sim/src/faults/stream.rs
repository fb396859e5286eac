//! Stream faults: frames sent twice, swapped in pairs, or cut in the middle.

use super::Fault;

/// Sends stream frames as the target's fault says: each twice, swapped in pairs, or cut in
/// the middle of one (after which the stream must close). A frame held back to be swapped goes
/// out after the next one, or after [`HOLD`] when no next one comes: late, never lost.
pub(crate) struct StreamFaults {
    held: Option<String>,
    /// How a frame goes on the wire (text, or Jetstream's compressed binary).
    framing: Box<dyn FnMut(String) -> axum::extract::ws::Message + Send>,
}

/// The longest a frame is held back for an out-of-order swap.
pub(crate) const HOLD: std::time::Duration = std::time::Duration::from_millis(200);

/// What happened to a frame.
pub(crate) enum Sent {
    /// Carry on.
    Ok,
    /// The socket failed or the fault cut the stream: stop.
    Closed,
}

impl StreamFaults {
    pub(crate) fn new() -> StreamFaults {
        StreamFaults::framed(axum::extract::ws::Message::text)
    }

    /// Frames go on the wire as `framing` makes them.
    pub(crate) fn framed(
        framing: impl FnMut(String) -> axum::extract::ws::Message + Send + 'static,
    ) -> StreamFaults {
        StreamFaults {
            held: None,
            framing: Box::new(framing),
        }
    }

    /// Whether a frame is waiting to be swapped with the next one.
    pub(crate) fn holding(&self) -> bool {
        self.held.is_some()
    }

    /// Sends the frame held back, if any (no next frame came within [`HOLD`]).
    pub(crate) async fn flush(&mut self, socket: &mut axum::extract::ws::WebSocket) -> Sent {
        let Some(f) = self.held.take() else {
            return Sent::Ok;
        };
        let msg = (self.framing)(f);
        if socket.send(msg).await.is_err() {
            return Sent::Closed;
        }
        Sent::Ok
    }

    pub(crate) async fn send(
        &mut self,
        socket: &mut axum::extract::ws::WebSocket,
        fault: Fault,
        frame: String,
    ) -> Sent {
        use axum::extract::ws::Message;
        let frames: Vec<String> = match fault {
            Fault::Duplicate => vec![frame.clone(), frame],
            Fault::OutOfOrder => match self.held.take() {
                Some(prev) => vec![frame, prev],
                None => {
                    self.held = Some(frame);
                    return Sent::Ok;
                }
            },
            Fault::StreamCut => {
                let mut cut = frame.len() / 2;
                while !frame.is_char_boundary(cut) {
                    cut -= 1;
                }
                let _ = socket.send((self.framing)(frame[..cut].to_string())).await;
                let _ = socket.send(Message::Close(None)).await;
                return Sent::Closed;
            }
            _ => self.held.take().into_iter().chain([frame]).collect(),
        };
        for f in frames {
            let msg = (self.framing)(f);
            if socket.send(msg).await.is_err() {
                return Sent::Closed;
            }
        }
        Sent::Ok
    }
}
