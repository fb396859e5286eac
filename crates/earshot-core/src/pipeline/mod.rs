//! The way a mention travels, one stage per file:
//!
//! ```text
//! scheduler (one task per source: connector → batch, backoff, health)
//!   → ingest (match → triage → due time → store with the cursor → events → alerts)
//! learn (the owner's corrections → the personal model → re-rank)
//! ```
//!
//! The stages hold only what they need — the store handle, the clock, the event sender, and the
//! shared [`Triager`], [`DueClock`](crate::work::due::DueClock) and
//! [`AlertDesk`](crate::alerts::AlertDesk) — and the [`Engine`](crate::engine::Engine) façade
//! builds them; none of them knows the façade.

pub mod ingest;
pub mod learn;
mod quiet;
pub mod scheduler;
pub mod team;

use std::sync::{Arc, Mutex};

use crate::lock;
use crate::matcher::Matcher;
use crate::model::Business;
use crate::triage::personal::Personal;
use crate::triage::Rules;

/// The business as the pipeline uses it: its watch terms compiled, and its triage rules.
pub struct Profile {
    /// The business.
    pub business: Business,
    /// Its names, handles and keywords, compiled.
    pub matcher: Matcher,
    /// Triage rules for it, with what the owner taught.
    pub rules: Rules,
}

/// The current [`Profile`] and what the owner taught, swapped as a whole when either changes.
pub struct Triager {
    profile: Mutex<Arc<Profile>>,
    personal: Mutex<Arc<Personal>>,
}

impl Default for Triager {
    fn default() -> Self {
        let business = Business::default();
        Triager {
            profile: Mutex::new(Arc::new(Profile {
                matcher: Matcher::new(&business),
                rules: Rules::for_business(&business),
                business,
            })),
            personal: Mutex::new(Arc::new(Personal::new())),
        }
    }
}

impl Triager {
    /// The profile now.
    pub fn profile(&self) -> Arc<Profile> {
        lock(&self.profile).clone()
    }

    /// The business now.
    pub fn business(&self) -> Business {
        lock(&self.profile).business.clone()
    }

    /// What the owner has taught.
    pub fn personal(&self) -> Arc<Personal> {
        lock(&self.personal).clone()
    }

    /// Installs a business (its terms and rules, with what was taught).
    pub fn install(&self, business: Business) {
        let rules = Rules {
            personal: self.personal(),
            ..Rules::for_business(&business)
        };
        *lock(&self.profile) = Arc::new(Profile {
            matcher: Matcher::new(&business),
            rules,
            business,
        });
    }

    /// Replaces what was taught and rebuilds the rules with it.
    pub fn teach(&self, personal: Personal) {
        *lock(&self.personal) = Arc::new(personal);
        self.install(self.business());
    }
}
