//! The response-time targets as one swappable clock: every stage that needs a due time (the
//! pipeline for new mentions, re-ranking, the queue clock, the figures) reads the same one.

use std::sync::{Arc, Mutex};

use super::targets::{BusinessHours, Schedule, TargetError, Targets};
use crate::lock;

/// Targets and their compiled business-hours clock, swapped as one.
pub struct Clockwork {
    /// The targets as the owner set them.
    pub targets: Targets,
    /// Their business hours, compiled.
    pub schedule: Schedule,
}

impl Clockwork {
    /// Compiles targets; refuses hours that do not parse.
    pub fn new(targets: Targets) -> Result<Clockwork, TargetError> {
        let schedule = targets.schedule()?;
        Ok(Clockwork { targets, schedule })
    }

    /// The due time of a mention posted at `created` with this urgency.
    pub fn due(&self, created: i64, urgency: u8, urgent_threshold: u8) -> i64 {
        let tier = self.targets.tier(urgency, urgent_threshold);
        self.schedule.due(created, self.targets.target_secs(tier))
    }
}

/// The current [`Clockwork`], shared.
pub struct DueClock {
    current: Mutex<Arc<Clockwork>>,
}

impl Default for DueClock {
    fn default() -> Self {
        let c = Clockwork::new(Targets::default()).unwrap_or_else(|_| {
            // The default hours name a time zone; a system without the zone database falls
            // back to hours that are always open rather than refusing to start.
            Clockwork::new(Targets {
                hours: BusinessHours::always(),
                ..Default::default()
            })
            .expect("always-open hours are valid")
        });
        DueClock {
            current: Mutex::new(Arc::new(c)),
        }
    }
}

impl DueClock {
    /// The clock now (targets and schedule together).
    pub fn current(&self) -> Arc<Clockwork> {
        lock(&self.current).clone()
    }

    /// The targets now.
    pub fn targets(&self) -> Targets {
        lock(&self.current).targets.clone()
    }

    /// Installs new targets (not saved: the caller saves them).
    pub fn install(&self, t: Targets) -> Result<(), TargetError> {
        let c = Clockwork::new(t)?;
        *lock(&self.current) = Arc::new(c);
        Ok(())
    }

    /// Due time for a mention posted at `created` with this urgency, on the current targets.
    pub fn due(&self, created: i64, urgency: u8, urgent_threshold: u8) -> i64 {
        lock(&self.current).due(created, urgency, urgent_threshold)
    }
}
