//! `earshot report` and `earshot export --csv`: the dashboard's figures and the mentions with
//! their response times, for scripts and spreadsheets.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use chrono::{NaiveDate, TimeZone};
use earshot_core::alerts::Silent;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::store::db::Db;
use earshot_core::work::report::Report;

/// Opens the engine over an existing data folder without starting any source.
async fn engine(data_dir: Option<PathBuf>) -> Result<Engine> {
    let dir = earshot_core::data_dir(data_dir);
    if !dir.join(earshot_core::store::db::DB_FILE).exists() {
        anyhow::bail!("no Earshot database in {}", dir.display());
    }
    let db =
        Db::open(&dir).with_context(|| format!("opening the database in {}", dir.display()))?;
    let engine = Engine::new(db, Arc::new(Silent), Clock::system());
    engine.load_settings().await?;
    Ok(engine)
}

/// A date as the owner writes it: "2026-11-01" (midnight in the business's time zone),
/// RFC 3339, or "7d" (that many days before `now`).
pub fn parse_when(s: &str, zone: chrono_tz::Tz, now: i64) -> Result<i64> {
    let s = s.trim();
    if let Some(days) = s.strip_suffix('d').and_then(|d| d.parse::<i64>().ok()) {
        return Ok(now - days * 86_400);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.timestamp());
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        if let Some(t) = zone.from_local_datetime(&midnight).earliest() {
            return Ok(t.timestamp());
        }
    }
    anyhow::bail!(
        "{s:?} is not a date: write 2026-11-01, 2026-11-01T09:00:00Z or 7d (seven days ago)"
    )
}

/// "No end" for a range (year 2969).
const OPEN_END: i64 = 31_536_000_000;

async fn range(engine: &Engine, since: &str, until: Option<&str>) -> Result<(i64, i64)> {
    let zone = engine
        .targets()
        .schedule()
        .map_err(anyhow::Error::msg)?
        .zone();
    let now = chrono::Utc::now().timestamp();
    let since = parse_when(since, zone, now)?;
    let until = match until {
        Some(u) => parse_when(u, zone, now)?,
        // Open-ended: a post stamped a little in the future (a skewed clock) still counts.
        None => OPEN_END,
    };
    if until <= since {
        anyhow::bail!("--until must be after --since");
    }
    Ok((since, until))
}

pub async fn report(
    data_dir: Option<PathBuf>,
    since: &str,
    until: Option<&str>,
    json: bool,
    csv: bool,
) -> Result<()> {
    let engine = engine(data_dir).await?;
    let (since, until) = range(&engine, since, until).await?;
    let r = engine.report(since, until).await?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
    } else if csv {
        write!(out, "{}", earshot_core::work::report::report_csv(&r)?)?;
    } else {
        write!(out, "{}", human(&r))?;
    }
    Ok(())
}

pub async fn export_csv(data_dir: Option<PathBuf>, since: &str, until: Option<&str>) -> Result<()> {
    let engine = engine(data_dir).await?;
    let (since, until) = range(&engine, since, until).await?;
    let text = engine.mentions_csv(since, until).await?;
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

fn duration(secs: Option<i64>) -> String {
    match secs {
        None => "–".into(),
        Some(s) if s < 60 => format!("{s} s"),
        Some(s) if s < 3_600 => format!("{} min", (s + 30) / 60),
        Some(s) => format!("{:.1} h", s as f64 / 3_600.0),
    }
}

/// The report as a person reads it.
fn human(r: &Report) -> String {
    let mut s = String::new();
    let line = |s: &mut String, k: &str, v: String| s.push_str(&format!("{k:<28}{v}\n"));
    line(
        &mut s,
        "Range",
        format!(
            "{} → {} ({})",
            earshot_core::model::rfc3339(r.since),
            if r.until >= OPEN_END {
                "now".to_string()
            } else {
                earshot_core::model::rfc3339(r.until)
            },
            r.time_zone
        ),
    );
    line(
        &mut s,
        "Mentions",
        format!("{} ({} waiting)", r.mentions, r.waiting),
    );
    line(
        &mut s,
        "First response",
        format!(
            "median {}, p90 {} ({} answered)",
            duration(r.first_response.median_secs),
            duration(r.first_response.p90_secs),
            r.first_response.count
        ),
    );
    line(
        &mut s,
        "Resolution",
        format!(
            "median {}, p90 {} ({} done)",
            duration(r.resolution.median_secs),
            duration(r.resolution.p90_secs),
            r.resolution.count
        ),
    );
    line(
        &mut s,
        "Within target",
        r.within_target
            .map(|x| format!("{:.0}%", x * 100.0))
            .unwrap_or_else(|| "– (nothing came due)".into()),
    );
    for t in &r.tiers {
        line(
            &mut s,
            &format!("  {} ({} min)", t.tier.as_str(), t.target_mins),
            format!("{} met, {} missed", t.met, t.missed),
        );
    }
    let list = |v: &[earshot_core::work::report::Tally]| {
        v.iter()
            .map(|t| format!("{} {}", t.name, t.n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    line(&mut s, "Intents", list(&r.intents));
    line(&mut s, "Complaints mention", list(&r.complaint_reasons));
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut busiest: Vec<(usize, usize, u32)> = r
        .busiest
        .iter()
        .enumerate()
        .flat_map(|(d, hs)| hs.iter().enumerate().map(move |(h, n)| (d, h, *n)))
        .filter(|x| x.2 > 0)
        .collect();
    busiest.sort_by_key(|x| std::cmp::Reverse(x.2));
    line(
        &mut s,
        "Busiest hours",
        busiest
            .iter()
            .take(3)
            .map(|(d, h, n)| format!("{} {h:02}:00 ({n})", DAYS[*d]))
            .collect::<Vec<_>>()
            .join(", "),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_the_business_time_zone() {
        let tokyo: chrono_tz::Tz = "Asia/Tokyo".parse().unwrap();
        assert_eq!(
            parse_when("2026-11-01", tokyo, 0).unwrap(),
            chrono::DateTime::parse_from_rfc3339("2026-10-31T15:00:00Z")
                .unwrap()
                .timestamp()
        );
        assert_eq!(
            parse_when("7d", tokyo, 1_000_000).unwrap(),
            1_000_000 - 7 * 86_400
        );
        assert_eq!(
            parse_when("2026-11-01T00:00:00Z", tokyo, 0).unwrap(),
            1_793_491_200
        );
        let e = parse_when("last tuesday", tokyo, 0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("last tuesday"), "{e}");
    }
}
