//! `earshot watch --team` as two desktops would run it, on one PostgreSQL database against the
//! simulator: the first listens for every source, the second for none; the first is killed
//! (`kill -9`, nothing released) and the second takes every source over when the leases run out.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod common;
use common::{lines, Killed, BIN};
use earshot_core::team::TeamAddress;

/// The test PostgreSQL server (`./dev test` starts one), or `None` to skip.
fn test_server() -> Option<String> {
    match std::env::var("EARSHOT_TEST_POSTGRES") {
        Ok(b) => Some(b.trim_end_matches('/').to_string()),
        Err(_) if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() => {
            panic!("EARSHOT_REQUIRE_INTEROP is set without EARSHOT_TEST_POSTGRES")
        }
        Err(_) => {
            eprintln!("skipped: no test PostgreSQL here; `./dev test` starts one");
            None
        }
    }
}

/// A fresh database on the test PostgreSQL, or `None` to skip.
fn team_db(name: &str) -> Option<String> {
    let base = test_server()?;
    let mut admin = TeamAddress::parse(&format!("{base}/postgres"))
        .unwrap()
        .connect_blocking()
        .unwrap();
    let db = format!("earshot_{name}_{}", std::process::id());
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    Some(format!("{base}/{db}"))
}

/// A child's stderr, line by line.
fn stderr_lines(child: &mut Child) -> mpsc::Receiver<String> {
    let err = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (at most a minute) until `want` lines satisfying `pick` have come; returns them.
fn wait_for(rx: &mpsc::Receiver<String>, want: usize, pick: impl Fn(&str) -> bool) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut got = Vec::new();
    while got.len() < want {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) if pick(&l) => got.push(l),
            Ok(_) => {}
            Err(e) => panic!("only {got:?} of {want} lines came: {e}"),
        }
    }
    got
}

fn desktop(config: &std::path::Path, data: &std::path::Path, url: &str, name: &str) -> Killed {
    Killed(
        Command::new(BIN)
            .args(["watch", "--config"])
            .arg(config)
            .arg("--data-dir")
            .arg(data)
            .args(["--team", url, "--name", name, "--lease-secs", "2"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// (holder's name, sources held), by name.
fn holders(url: &str) -> Vec<(String, i64)> {
    TeamAddress::parse(url)
        .unwrap()
        .connect_blocking()
        .unwrap()
        .query(
            "SELECT m.name, count(*) FROM source_leases l JOIN team_members m ON m.id = l.holder \
             GROUP BY m.name ORDER BY m.name",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
}

#[test]
fn a_killed_desktops_sources_are_taken_over_by_the_other_and_nothing_is_stored_twice() {
    let Some(url) = team_db("cli_team") else {
        return;
    };
    let mut sim = Killed(
        Command::new(BIN)
            .args(["sim", "--all-now", "--seed", "3", "--count", "6"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = lines(&mut sim.0)
        .recv_timeout(Duration::from_secs(20))
        .expect("the sim prints its base URL first");
    let port = base.rsplit(':').next().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let config = Command::new(BIN)
        .args(["sim", "--print-config", "--port", &port])
        .output()
        .unwrap();
    let config_path = dir.path().join("earshot.toml");
    std::fs::write(&config_path, &config.stdout).unwrap();

    let mut ana = desktop(&config_path, &dir.path().join("ana"), &url, "Ana");
    let ana_says = stderr_lines(&mut ana.0);
    // `watch` prints each mention once it is stored: what either desktop stored.
    let ana_stored = lines(&mut ana.0);
    let watching = wait_for(&ana_says, 1, |l| l.contains(" source(s)"));
    let n: usize = watching[0]
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("how many sources");
    assert!(n >= 3, "{watching:?}");
    wait_for(&ana_says, n, |l| l.starts_with("earshot: listening for "));
    assert_eq!(holders(&url), vec![("Ana".to_string(), n as i64)]);

    let mut ben = desktop(&config_path, &dir.path().join("ben"), &url, "Ben");
    let ben_says = stderr_lines(&mut ben.0);
    let ben_stored = lines(&mut ben.0);
    wait_for(&ben_says, 1, |l| l.contains("listening as Ben"));
    assert_eq!(
        holders(&url),
        vec![("Ana".to_string(), n as i64)],
        "each source has one listener: the second desktop waits"
    );

    let killed = Instant::now();
    ana.0.kill().unwrap();
    ana.0.wait().unwrap();
    wait_for(&ben_says, n, |l| l.starts_with("earshot: listening for "));
    eprintln!(
        "took every source over {:?} after the kill",
        killed.elapsed()
    );
    assert_eq!(holders(&url), vec![("Ben".to_string(), n as i64)]);
    // The sources were heard: by Ana before the kill (her output, read to its end now that she
    // is gone), or else by Ben after it. Counting before either had stored a mention found none
    // (CI, 2026-12-05).
    if ana_stored.iter().count() == 0 {
        ben_stored
            .recv_timeout(Duration::from_secs(60))
            .expect("Ben stores what the sources say");
    }
    let mut db = TeamAddress::parse(&url)
        .unwrap()
        .connect_blocking()
        .unwrap();
    let row = db
        .query_one(
            "SELECT count(*), count(DISTINCT (channel, external_id)) FROM mentions",
            &[],
        )
        .unwrap();
    let (all, distinct): (i64, i64) = (row.get(0), row.get(1));
    assert!(all > 0, "the sources were heard");
    assert_eq!(all, distinct, "nothing stored twice");
    drop(ben);
}

/// `earshot trial ARGS --json`, which must succeed: its figure.
fn trial(args: &[&str]) -> serde_json::Value {
    let out = Command::new(BIN)
        .arg("trial")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(text.trim()).unwrap()
}

#[test]
fn three_desktops_killed_twenty_times_lose_nothing_and_poll_each_source_once() {
    let Some(base) = test_server() else {
        return;
    };
    // The trial makes its own database on the server.
    let server = format!("{base}/postgres");
    let v = trial(&[
        "team",
        "--db",
        &server,
        "--engines",
        "3",
        "--kills",
        "20",
        "--count",
        "20",
        "--seed",
        "4",
    ]);
    assert_eq!(v["name"], "team");
    assert_eq!(
        (v["engines"].as_u64(), v["kills"].as_u64()),
        (Some(3), Some(20))
    );
    assert_eq!(v["lost"], 0, "{v}");
    assert_eq!(v["duplicated"], 0, "{v}");
    assert_eq!(v["cursor_ahead"], false, "{v}");
    assert!(v["posts_during_kills"].as_u64().unwrap() > 0, "{v}");
    assert!(v["stored"].as_u64() >= v["expected"].as_u64(), "{v}");
    // Leases of 2 s: a takeover within a few seconds, far inside the 30 s.
    assert!(v["takeover_max_s"].as_f64().unwrap() < 10.0, "{v}");
    // The request log: one desktop's worth of polls (three desktops each polling would ask
    // about 3 times per interval).
    let per = v["polls_per_interval"].as_f64().unwrap();
    assert!(per > 0.5 && per <= 1.5, "{v}");
}

/// `earshot trial replies --team`: two desktops on one database send each reply (and each
/// retry) at the same moment.
fn racing(args: &[&str]) -> Option<serde_json::Value> {
    let base = test_server()?;
    let server = format!("{base}/postgres");
    let v = trial(&[&["replies", "--team", &server], args].concat());
    assert_eq!(v["team"], true);
    assert_eq!(v["posted_twice"], 0, "{v}");
    assert_eq!(v["never_posted"], 0, "{v}");
    assert_eq!(v["left_unsettled"], 0, "{v}");
    Some(v)
}

#[test]
fn two_desktops_racing_on_500_replies_post_none_twice() {
    let Some(v) = racing(&["--trials", "500", "--no-faults", "--seed", "3"]) else {
        return;
    };
    assert_eq!(v["trials"], 500);
    assert_eq!(v["sent_first_try"], 500, "{v}");
    // Each reply records who sent it, and both desktops won races.
    let by = v["sent_by"].as_object().unwrap();
    let total: i64 = by.values().map(|n| n.as_i64().unwrap()).sum();
    assert_eq!(total, 500, "{v}");
    assert!(by.len() == 2, "both desktops sent some: {v}");
}

#[test]
fn two_desktops_racing_through_network_failures_post_none_twice() {
    let Some(v) = racing(&["--trials", "40", "--seed", "6"]) else {
        return;
    };
    let failed = v["failed_then_sent_on_retry"].as_u64().unwrap();
    assert!(
        failed > 0,
        "some failed and were retried, racing again: {v}"
    );
}
