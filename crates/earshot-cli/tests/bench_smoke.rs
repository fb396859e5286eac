//! Small runs of every benchmark, so they cannot rot: each completes and its `--json` output
//! parses with the promised fields. No timing is asserted here; `earshot bench` prints figures.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_earshot");

fn bench(args: &[&str]) -> Vec<serde_json::Value> {
    let out = Command::new(BIN)
        .arg("bench")
        .args(args)
        .arg("--json")
        .output()
        .expect("earshot runs");
    assert!(
        out.status.success(),
        "bench {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let figures: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect();
    assert!(!figures.is_empty(), "bench {args:?} printed nothing");
    for f in &figures {
        assert!(f["name"].is_string() && f["unit"].is_string(), "{f}");
        assert!(
            f["value"].is_number()
                || (f["p50"].is_number() && f["p95"].is_number() && f["max"].is_number()),
            "{f}"
        );
    }
    figures
}

#[test]
fn classify_firehose_and_storage_print_rates() {
    assert!(
        bench(&["classify", "--n", "2000"])[0]["value"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    assert!(
        bench(&["firehose", "--n", "5000"])[0]["value"]
            .as_f64()
            .unwrap()
            > 0.0
    );
    assert!(
        bench(&["storage", "--n", "2000"])[0]["value"]
            .as_f64()
            .unwrap()
            > 100.0
    );
}

#[test]
fn classify_reads_a_csv_of_real_posts_or_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("posts.csv");
    std::fs::write(
        &csv,
        "text,sentiment\n\"Llevo tres semanas esperando el reembolso\",negative\nlove it,positive\n",
    )
    .unwrap();
    let f = bench(&["classify", "--n", "500", "--csv", csv.to_str().unwrap()]);
    assert!(f[0]["value"].as_f64().unwrap() > 0.0);
    assert!(
        f[0]["name"].as_str().unwrap().contains("posts.csv"),
        "{}",
        f[0]
    );
    // A CSV without a text column is an error that names the file, never synthetic posts.
    std::fs::write(&csv, "body,sentiment\nhello,neutral\n").unwrap();
    let bad = Command::new(BIN)
        .args(["bench", "classify", "--csv", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("posts.csv") && err.contains("no text column"),
        "{err}"
    );
}

#[test]
fn ingest_prints_a_ratio_to_the_bare_insert() {
    let f = bench(&["ingest", "--n", "2000"]);
    let r = f[0]["ratio"].as_f64().expect("ratio");
    assert!(r > 0.0 && r < 10.0, "{r}");
}

#[test]
fn query_times_every_inbox_query_and_search() {
    let f = bench(&["query", "--rows", "3000"]);
    let names: Vec<&str> = f.iter().filter_map(|x| x["name"].as_str()).collect();
    for want in [
        "urgent-first",
        "newest-first",
        "page 20 by cursor",
        "count badges",
        "author history",
        "search rare word",
    ] {
        assert!(
            names.iter().any(|n| n.contains(want)),
            "{want} missing from {names:?}"
        );
    }
}

#[test]
fn bench_triage_reports_per_class_figures_on_a_labelled_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("dev.csv");
    let mut f = std::fs::File::create(&csv).unwrap();
    writeln!(f, "airline_sentiment,text").unwrap();
    for (l, t) in [
        (
            "negative",
            "@acme my bag is lost and nobody answers, terrible",
        ),
        (
            "negative",
            "@acme worst service, still waiting for a refund",
        ),
        ("positive", "@acme thank you, the crew was wonderful"),
        ("neutral", "@acme what time does the shop open on Sunday"),
    ] {
        writeln!(f, "{l},\"{t}\"").unwrap();
    }
    drop(f);
    let out = Command::new(BIN)
        .args(["bench", "triage", "--csv"])
        .arg(&csv)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "accuracy",
        "negative",
        "precision",
        "recall",
        "confusion",
        "negative vs rest: F1",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    let bad = Command::new(BIN)
        .args(["bench", "triage", "--csv", "/nonexistent.csv"])
        .output()
        .unwrap();
    assert!(
        !bad.status.success(),
        "a missing CSV is an error, not an empty result"
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("/nonexistent.csv"));
}

#[test]
fn classify_keeps_one_line_per_input_line() {
    let mut child = Command::new(BIN)
        .arg("classify")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"text\":\"refund now, this is awful\"}\n{broken\n{\"text\":\"love it\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "one JSON line per input line, the broken one included"
    );
    assert_eq!(lines[0]["intent"], "complaint");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["sentiment"], "positive");
}

#[test]
fn latency_times_every_streamed_post() {
    let figures = bench(&[
        "latency",
        "--n",
        "20",
        "--rate",
        "200",
        "--poll-secs",
        "1",
        "--poll-n",
        "2",
    ]);
    let all = figures
        .iter()
        .find(|f| {
            f["name"]
                .as_str()
                .unwrap()
                .starts_with("latency stream→notify")
        })
        .expect("the overall figure");
    assert_eq!(all["unit"], "ms");
    assert!(all["p50"].as_f64().unwrap() <= all["max"].as_f64().unwrap());
    assert!(figures
        .iter()
        .any(|f| f["name"].as_str().unwrap().contains("bluesky")));
    assert!(figures
        .iter()
        .any(|f| f["name"].as_str().unwrap().contains("mastodon (WebSocket)")));
    let polled = figures
        .iter()
        .find(|f| {
            f["name"]
                .as_str()
                .unwrap()
                .contains("without an account (polling every 1 s)")
        })
        .expect("the polling path is reported beside the streams");
    assert!(polled["p50"].as_f64().unwrap() <= polled["max"].as_f64().unwrap());
    // The email inbox's IDLE path: through the simulated provider always, and through a real
    // Dovecot where one can run (`./dev test` installs it).
    let email: Vec<&serde_json::Value> = figures
        .iter()
        .filter(|f| {
            f["name"]
                .as_str()
                .unwrap()
                .starts_with("latency email (IMAP IDLE)")
        })
        .collect();
    assert!(email
        .iter()
        .any(|f| f["name"].as_str().unwrap().contains("simulated provider")));
    if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() {
        assert!(
            email
                .iter()
                .any(|f| f["name"].as_str().unwrap().contains("Dovecot")),
            "{email:?}"
        );
    }
    for f in email {
        assert!(f["p50"].as_f64().unwrap() <= f["max"].as_f64().unwrap());
    }
}

#[test]
fn day_prints_bytes_compression_cpu_and_wakeups_of_a_watching_process() {
    let figures = bench(&[
        "day",
        "--minutes",
        "0.1",
        "--rate",
        "100",
        "--settle-secs",
        "0",
        "--idle-minutes",
        "0.05",
    ]);
    let value = |name: &str| {
        figures
            .iter()
            .find(|f| f["name"].as_str().is_some_and(|n| n.contains(name)))
            .and_then(|f| f["value"].as_f64())
            .unwrap_or_else(|| panic!("a figure named *{name}*: {figures:?}"))
    };
    assert!(
        value("bytes_per_hour_compressed") > 0.0,
        "the stream carried bytes"
    );
    let ratio = value("compression_ratio");
    assert!(
        ratio > 0.0 && ratio < 0.8,
        "zstd with Jetstream's dictionary makes the stream smaller: {ratio}"
    );
    assert!(
        value("cpu_seconds_per_hour") > 0.0,
        "the process did some work"
    );
    assert!(value("wakeups_per_minute") > 0.0, "and woke up to do it");
    // The quiet and the long-quiet windows each say what woke the process and what it asked.
    for name in [
        "day_quiet_wakeups_per_minute",
        "day_quiet_requests_per_minute",
        "day_idle_wakeups_per_minute",
        "day_idle_cpu_seconds_per_hour",
        "day_idle_requests_per_minute",
    ] {
        assert!(value(name) >= 0.0, "{name}");
    }
}

#[test]
fn the_team_benchmarks_run_on_postgres_beside_sqlite() {
    let server = match std::env::var("EARSHOT_TEST_POSTGRES") {
        Ok(s) => format!("{}/postgres", s.trim_end_matches('/')),
        Err(_) if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() => {
            panic!("EARSHOT_REQUIRE_INTEROP is set without EARSHOT_TEST_POSTGRES")
        }
        Err(_) => {
            eprintln!("skipped: no test PostgreSQL here; `./dev test` starts one");
            return;
        }
    };
    let names = |f: &[serde_json::Value]| -> Vec<String> {
        f.iter()
            .filter_map(|x| x["name"].as_str().map(str::to_string))
            .collect()
    };
    let ingest = names(&bench(&["ingest", "--n", "1000", "--db", &server]));
    for want in ["store ingest n=1000 sqlite", "store ingest n=1000 postgres"] {
        assert!(
            ingest.iter().any(|n| n == want),
            "{want} missing: {ingest:?}"
        );
    }
    let query = names(&bench(&["query", "--rows", "2000", "--db", &server]));
    for want in [
        "postgres page urgent-first",
        "postgres search rare word",
        "postgres count badges",
    ] {
        assert!(
            query.iter().any(|n| n.contains(want)),
            "{want} missing: {query:?}"
        );
    }
    let fanout = bench(&["fanout", "--db", &server, "--n", "20"]);
    assert!(fanout[0]["p95"].as_f64().unwrap() >= 0.0);
    // And through two desktops' engines: one's action, the other's window event.
    assert!(
        fanout[1]["name"].as_str().unwrap().contains("window event"),
        "{:?}",
        fanout[1]
    );
    assert!(fanout[1]["p95"].as_f64().unwrap() > 0.0);
}
