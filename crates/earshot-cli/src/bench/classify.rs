//! Posts per second through triage on one core.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use super::synthetic::post_text;
use super::{rate_figure, Figure, RUNS};
use earshot_core::triage::linear::SplitMix;

pub(super) fn classify(n: usize, csv: Option<&Path>) -> Result<Figure> {
    let mut rng = SplitMix(11);
    let texts = match csv {
        Some(path) => csv_texts(path)?,
        None => Vec::new(),
    };
    let posts: Vec<(String, Option<i64>)> = (0..n)
        .map(|i| {
            let text = if texts.is_empty() {
                post_text(&mut rng)
            } else {
                texts[i % texts.len()].clone()
            };
            (text, (i % 3 != 0).then_some((i * 37 % 90_000) as i64))
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
    let name = match csv {
        Some(path) => format!("classify {}", path.display()),
        None => "classify".to_string(),
    };
    Ok(rate_figure(&name, "posts/s", rates))
}

/// The `text` column of a CSV.
fn csv_texts(path: &Path) -> Result<Vec<String>> {
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("opening {}", path.display()))?;
    let Some(t) = rdr.headers()?.iter().position(|h| h.trim() == "text") else {
        bail!("{}: no text column", path.display());
    };
    let mut texts = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        texts.push(rec.get(t).unwrap_or_default().to_string());
    }
    if texts.is_empty() {
        bail!("{}: no posts", path.display());
    }
    Ok(texts)
}

// --- ingest ---------------------------------------------------------------------------------
