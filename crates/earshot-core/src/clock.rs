//! Time is passed in, never read directly by logic that tests need to pin down.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A source of "now" in unix seconds: the system clock, or a settable one for tests.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> i64 + Send + Sync>);

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock(Arc::new(|| chrono::Utc::now().timestamp()))
    }

    /// A clock that reads `cell`, which the test moves.
    pub fn manual(cell: Arc<AtomicI64>) -> Clock {
        Clock(Arc::new(move || cell.load(Ordering::SeqCst)))
    }

    /// The current time in unix seconds.
    pub fn now(&self) -> i64 {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}
