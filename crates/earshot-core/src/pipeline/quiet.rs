//! What a source's silence means: a busy source gone quiet is worth a warning, and a quiet
//! source is polled less often — a mention after a long silence is seen a little later, and a
//! day of silence costs a quarter of the requests (each poll wakes the machine).

use std::time::Duration;

/// The polling of a source that has found nothing new for this long (seconds) is stretched…
const SLOWER_AFTER: i64 = 15 * 60;
/// …and after this long, stretched again.
const SLOWEST_AFTER: i64 = 60 * 60;
/// A stretched pace waits at most this long, unless the owner asked for longer.
const SLOWEST: Duration = Duration::from_secs(10 * 60);

/// A source's news over time: when it last had some, and how busy it used to be.
#[derive(Debug, Default)]
pub(super) struct Quiet {
    /// When the source was first heard from (its first batch, with news or not).
    began: Option<i64>,
    first: Option<i64>,
    last: Option<i64>,
    batches: u32,
}

/// A source needs this many batches with news before its silence means something.
const BUSY_BATCHES: u32 = 5;
/// And it must be quiet at least this long (seconds)…
const QUIET_AT_LEAST: i64 = 6 * 3600;
/// …and this many times its usual gap between news.
const QUIET_GAPS: i64 = 8;

impl Quiet {
    /// One batch with `mentions` new mentions, at `now`.
    pub(super) fn saw(&mut self, mentions: usize, now: i64) {
        self.began.get_or_insert(now);
        if mentions > 0 {
            self.first.get_or_insert(now);
            self.last = Some(now);
            self.batches += 1;
        }
    }

    /// "no new items for 9 hours" when it is unusually quiet.
    pub(super) fn warning(&self, now: i64) -> Option<String> {
        let (first, last) = (self.first?, self.last?);
        if self.batches < BUSY_BATCHES {
            return None;
        }
        let gap = (last - first) / i64::from(self.batches - 1).max(1);
        let quiet = now - last;
        (quiet >= QUIET_AT_LEAST.max(QUIET_GAPS * gap)).then(|| {
            format!(
                "no new items for {} hours — it used to be busy",
                quiet / 3600
            )
        })
    }

    /// The wait before the next poll of a source polled every `every`: twice as long once it
    /// has found nothing for a quarter of an hour, four times after an hour, never past ten
    /// minutes (or `every`, when the owner chose longer). New mentions bring back `every` at
    /// once. With the stretched wait comes the line its health shows.
    pub(super) fn pace(&self, every: Duration, now: i64) -> (Duration, Option<String>) {
        let Some(since) = self.last.or(self.began) else {
            return (every, None);
        };
        let (times, for_over) = match now - since {
            q if q >= SLOWEST_AFTER => (4, "an hour"),
            q if q >= SLOWER_AFTER => (2, "15 min"),
            _ => (1, ""),
        };
        let wait = every.saturating_mul(times).min(SLOWEST.max(every));
        if wait <= every {
            return (every, None);
        }
        // The same words for as long as the pace holds: the health is saved when its news
        // changes, not at every poll.
        let note = format!(
            "nothing new for over {for_over}: checking every {} instead of {}",
            span(wait.as_secs()),
            span(every.as_secs())
        );
        (wait, Some(note))
    }
}

/// "45 s", "90 s", "4 min" (a stretched wait is at most ten minutes, or the owner's interval).
fn span(secs: u64) -> String {
    if secs < 120 {
        format!("{secs} s")
    } else {
        format!("{} min", secs / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_source_gone_quiet_warns_and_a_quiet_one_does_not() {
        let mut q = Quiet::default();
        // News every ten minutes for an hour…
        for i in 0..6 {
            q.saw(3, i * 600);
        }
        q.saw(0, 3_600);
        assert_eq!(
            q.warning(3_000 + 5 * 3600),
            None,
            "five hours is not yet unusual"
        );
        assert_eq!(
            q.warning(3_000 + 7 * 3600).as_deref(),
            Some("no new items for 7 hours — it used to be busy")
        );
        q.saw(1, 3_000 + 7 * 3600);
        assert_eq!(q.warning(3_000 + 7 * 3600 + 60), None, "news again");
        // A source that has only ever said little is allowed its silence.
        let mut rare = Quiet::default();
        rare.saw(1, 0);
        rare.saw(1, 86_400);
        assert_eq!(rare.warning(30 * 86_400), None);
    }

    #[test]
    fn a_quiet_source_is_polled_less_often_and_news_brings_the_pace_back() {
        let every = Duration::from_secs(120);
        let mut q = Quiet::default();
        assert_eq!(q.pace(every, 0), (every, None), "never polled yet");
        q.saw(0, 1_000);
        assert_eq!(
            q.pace(every, 1_000 + 14 * 60).0,
            every,
            "14 min is not quiet"
        );
        let (wait, note) = q.pace(every, 1_000 + 15 * 60);
        assert_eq!(wait, Duration::from_secs(240));
        assert_eq!(
            note.as_deref(),
            Some("nothing new for over 15 min: checking every 4 min instead of 2 min")
        );
        assert_eq!(
            q.pace(every, 1_000 + 40 * 60).1,
            note,
            "the same words while the pace holds (the health is saved when its news changes)"
        );
        let (wait, note) = q.pace(every, 1_000 + 3 * 3600 + 30 * 60);
        assert_eq!(wait, Duration::from_secs(480), "four times after an hour");
        assert_eq!(
            note.as_deref(),
            Some("nothing new for over an hour: checking every 8 min instead of 2 min")
        );
        // News: the next poll comes at the owner's pace again.
        q.saw(2, 20_000);
        assert_eq!(q.pace(every, 20_030), (every, None));
        assert_eq!(q.pace(every, 20_000 + 15 * 60).0, Duration::from_secs(240));
    }

    #[test]
    fn a_stretched_pace_stays_within_ten_minutes_unless_the_owner_chose_longer() {
        let mut q = Quiet::default();
        q.saw(0, 0);
        let day = 86_400;
        // Mastodon's 30 s: 2 min after an hour.
        assert_eq!(
            q.pace(Duration::from_secs(30), day).0,
            Duration::from_secs(120)
        );
        // 5 min would be 20: held at 10.
        assert_eq!(
            q.pace(Duration::from_secs(300), day).0,
            Duration::from_secs(600)
        );
        // The owner's 15 min is already slower than any stretch: left alone, and no note.
        let fifteen = Duration::from_secs(900);
        assert_eq!(q.pace(fifteen, day), (fifteen, None));
    }
}
