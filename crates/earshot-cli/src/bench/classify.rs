//! Posts per second through triage on one core.

use std::time::Instant;

use super::synthetic::post_text;
use super::{rate_figure, Figure, RUNS};
use earshot_core::triage::linear::SplitMix;

pub(super) fn classify(n: usize) -> Figure {
    let mut rng = SplitMix(11);
    let posts: Vec<(String, Option<i64>)> = (0..n)
        .map(|i| {
            (
                post_text(&mut rng),
                (i % 3 != 0).then_some((i * 37 % 90_000) as i64),
            )
        })
        .collect();
    let _warm = earshot_core::triage::classify("warm up the lexicon and model", None);
    let rates = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let mut urgent = 0usize;
            for (text, followers) in &posts {
                urgent +=
                    usize::from(earshot_core::triage::classify(text, *followers).urgency >= 60);
            }
            std::hint::black_box(urgent);
            n as f64 / t.elapsed().as_secs_f64()
        })
        .collect();
    rate_figure("classify", "posts/s", rates)
}

// --- ingest ---------------------------------------------------------------------------------
