//! The `earshot` command as a user runs it: sim → print-config → watch --jsonl → export, checked
//! against the simulator's own ground truth (`sim --dump`).

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
use common::{lines, Killed, BIN};

fn ids(jsonl: impl IntoIterator<Item = String>) -> BTreeSet<(String, String)> {
    jsonl
        .into_iter()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(&l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"));
            (
                v["channel"].as_str().unwrap().to_string(),
                v["external_id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn watch_stores_every_relevant_simulated_post_once_and_export_prints_them() {
    let dump = Command::new(BIN)
        .args(["sim", "--dump", "--seed", "3", "--count", "6"])
        .output()
        .unwrap();
    assert!(dump.status.success(), "the simulator dumps its script");
    let dump_lines: Vec<String> = String::from_utf8(dump.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let open_networks = |l: &&String| {
        !["facebook", "instagram", "google_reviews", "youtube"]
            .iter()
            .any(|c| l.contains(&format!("\"channel\":\"{c}\"")))
    };
    assert_eq!(
        dump_lines.iter().filter(open_networks).count(),
        30,
        "6 posts for each of 5 sources"
    );
    assert!(
        dump_lines.len() > 60,
        "and the Page's, Instagram's and Google's script"
    );
    // The polled sources (Hacker News, RSS): everything but the post that only says
    // "brightside of life" (an exclusion) is relevant. (Without a login, Bluesky and Mastodon
    // see only what is posted while they listen, and hashtags: their own tests cover them.)
    let polled =
        |l: &String| l.contains("\"channel\":\"hackernews\"") || l.contains("\"channel\":\"rss\"");
    let expected: BTreeSet<_> = ids(dump_lines
        .iter()
        .filter(|l| polled(l) && !l.contains("brightside of life"))
        .cloned());
    assert_eq!(
        expected.len(),
        17,
        "the polled posts of this seed that match the business"
    );

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
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let port = base.rsplit(':').next().unwrap();

    let dir = tempfile::tempdir().unwrap();
    let config = Command::new(BIN)
        .args(["sim", "--print-config", "--port", port])
        .output()
        .unwrap();
    assert!(config.status.success(), "the simulator prints a config");
    let config_path = dir.path().join("earshot.toml");
    std::fs::write(&config_path, &config.stdout).unwrap();
    let data = dir.path().join("data");

    let mut watch = Killed(
        Command::new(BIN)
            .args(["watch", "--config"])
            .arg(&config_path)
            .arg("--data-dir")
            .arg(&data)
            .arg("--jsonl")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let rx = lines(&mut watch.0);
    let mut seen = Vec::new();
    // The Mastodon hashtag timeline's posts arrive on their own schedule: wait for them too.
    let tagged: BTreeSet<_> = ids(dump_lines
        .iter()
        .filter(|l| l.contains("\"channel\":\"mastodon\"") && l.contains("#brightsidecoffee"))
        .cloned());
    assert!(
        !tagged.is_empty(),
        "the script has hashtag posts on Mastodon"
    );
    let mut others = Vec::new();
    while ids(seen.clone()).len() < expected.len() || !tagged.is_subset(&ids(others.clone())) {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(l) if polled(&l) => seen.push(l),
            Ok(l) => others.push(l),
            Err(_) => panic!(
                "watch printed only {} of {} mentions",
                seen.len(),
                expected.len()
            ),
        }
    }
    assert_eq!(
        ids(seen.clone()),
        expected,
        "watch --jsonl printed exactly the relevant posts"
    );
    assert_eq!(seen.len(), expected.len(), "each once");
    let first: serde_json::Value = serde_json::from_str(&seen[0]).unwrap();
    for field in [
        "channel",
        "external_id",
        "url",
        "author",
        "text",
        "created_at",
        "urgency",
        "reasons",
        "matched_terms",
    ] {
        assert!(first.get(field).is_some(), "jsonl has {field}: {first}");
    }
    drop(watch);

    let export = Command::new(BIN)
        .args(["export", "--jsonl", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let exported: Vec<String> = String::from_utf8(export.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let all = ids(exported.clone());
    assert!(
        tagged.is_subset(&all),
        "the Mastodon hashtag timeline's posts are stored too"
    );
    let exported: Vec<String> = exported.into_iter().filter(polled).collect();
    assert_eq!(
        exported.len(),
        expected.len(),
        "every stored mention exported once"
    );
    assert_eq!(
        ids(exported.clone()),
        expected,
        "exactly the posts that match, no more"
    );

    // The same mentions as CSV, and the figures as JSON, over everything stored.
    let csv = Command::new(BIN)
        .args(["export", "--csv", "--since", "36500d", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    assert!(reader
        .headers()
        .unwrap()
        .iter()
        .any(|h| h == "first_response_secs"));
    assert_eq!(
        reader.records().count(),
        all.len(),
        "one CSV row per stored mention"
    );
    let report = Command::new(BIN)
        .args(["report", "--since", "36500d", "--json", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(r["mentions"].as_u64(), Some(all.len() as u64));
    assert_eq!(r["busiest"].as_array().map(Vec::len), Some(7));
    let volume: u64 = r["volume"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["n"].as_u64().unwrap())
        .sum();
    assert_eq!(
        volume,
        all.len() as u64,
        "volume per day and channel adds up"
    );
}

#[test]
fn killed_at_random_moments_watch_loses_and_duplicates_nothing() {
    // Under `./dev test` the keyring is a throwaway one: it is killed too, twice.
    let keychain_kills = if std::env::var_os("EARSHOT_THROWAWAY_KEYRING").is_some() {
        2
    } else {
        0
    };
    let out = Command::new(BIN)
        .args([
            "trial", "crash", "--kills", "6", "--count", "20", "--seed", "5", "--json",
        ])
        .args(["--keychain-kills", &keychain_kills.to_string()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["name"], "crash");
    assert_eq!(v["kills"], 6);
    assert_eq!(v["keychain_kills"], keychain_kills);
    assert_eq!(v["lost"], 0, "{v}");
    assert_eq!(v["duplicated"], 0, "{v}");
    assert_eq!(v["integrity"], "ok");
    assert_eq!(v["cursors_ahead"], 0);
    assert!(
        v["posts_during_kills"].as_u64().unwrap() > 0,
        "posts kept coming: {v}"
    );
    assert!(v["stored"].as_u64() >= v["expected"].as_u64());
}

#[test]
fn replies_through_failures_post_once_and_end_sent_or_failed() {
    let out = Command::new(BIN)
        .args([
            "trial", "replies", "--trials", "30", "--seed", "2", "--json",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["trials"], 30);
    assert_eq!(v["posted_twice"], 0, "{v}");
    assert_eq!(v["never_posted"], 0, "{v}");
    assert_eq!(v["left_unsettled"], 0, "{v}");
    let faults = v["faults"].as_object().unwrap();
    assert!(faults.len() >= 5, "most kinds of trouble were tried: {v}");
    assert!(v["failed_then_sent_on_retry"].as_u64().unwrap() > 0);
}

#[cfg(unix)]
#[test]
fn files_are_private_backups_restore_and_damage_is_named_not_overwritten() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let run = |args: &[&str], data: &std::path::Path| {
        Command::new(BIN)
            .args(args)
            .arg("--data-dir")
            .arg(data)
            .output()
            .unwrap()
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // A real database, made by the product: the simulator's polled posts, stored by watch.
    let mut sim = Killed(
        Command::new(BIN)
            .args(["sim", "--all-now", "--seed", "4", "--count", "5"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = lines(&mut sim.0)
        .recv_timeout(Duration::from_secs(20))
        .unwrap();
    let port = base.rsplit(':').next().unwrap().to_string();
    let config = Command::new(BIN)
        .args(["sim", "--print-config", "--port", &port])
        .output()
        .unwrap();
    let config_path = tmp.path().join("earshot.toml");
    std::fs::write(&config_path, &config.stdout).unwrap();
    let mut watch = Killed(
        Command::new(BIN)
            .args(["watch", "--jsonl", "--config"])
            .arg(&config_path)
            .arg("--data-dir")
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    lines(&mut watch.0)
        .recv_timeout(Duration::from_secs(30))
        .expect("a mention is stored");
    let db = data.join("earshot.sqlite3");
    assert_eq!(mode(&data), 0o700, "the data folder is the owner's");
    for f in [
        "earshot.sqlite3",
        "earshot.sqlite3-wal",
        "earshot.sqlite3-shm",
    ] {
        assert_eq!(
            mode(&data.join(f)),
            0o600,
            "{f} is readable by the owner only"
        );
    }
    drop(watch);
    let before = run(&["export", "--jsonl"], &data);
    assert!(before.status.success(), "export works before the backup");
    assert!(
        !before.stdout.is_empty(),
        "and has mentions to compare with"
    );

    // A backup, taken while nothing else runs, is private and whole.
    let out = run(&["backup"], &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let backup = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(backup.starts_with(data.join("backups")));
    assert_eq!(
        mode(&backup),
        0o600,
        "a backup is readable by the owner only"
    );

    // The database is damaged: every command says which file and what to do, and leaves it be.
    let damaged = b"this is no database at all, just the remains of a bad disk".repeat(100);
    std::fs::write(&db, &damaged).unwrap();
    for f in ["earshot.sqlite3-wal", "earshot.sqlite3-shm"] {
        let _ = std::fs::remove_file(data.join(f));
    }
    for args in [&["export", "--jsonl"][..], &["report", "--json"][..]] {
        let out = run(args, &data);
        assert!(!out.status.success(), "{args:?} refuses a damaged database");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("earshot.sqlite3") && err.contains("earshot restore"),
            "{args:?} names the file and the way out: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        damaged,
        "the damaged file is not overwritten"
    );

    // A damaged backup is refused; the whole one restores what was there.
    let bad = tmp.path().join("bad-backup.sqlite3");
    std::fs::write(&bad, &damaged[..2000]).unwrap();
    let out = run(&["restore", "--from", bad.to_str().unwrap()], &data);
    assert!(!out.status.success(), "a damaged backup is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-backup.sqlite3"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        damaged,
        "a refused restore changes nothing"
    );
    let out = run(&["restore", "--from", backup.to_str().unwrap()], &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kept: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced file is kept");
    assert_eq!(
        std::fs::read(kept[0].path()).unwrap(),
        damaged,
        "the replaced file is kept as it was"
    );
    assert_eq!(
        mode(&db),
        0o600,
        "the restored database is the owner's only"
    );
    let after = run(&["export", "--jsonl"], &data);
    assert!(after.status.success(), "the restored database opens");
    assert_eq!(after.stdout, before.stdout, "everything is back");
}

#[test]
fn bad_input_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["export", "--jsonl", "--data-dir"])
        .arg(dir.path().join("nothing"))
        .output()
        .unwrap();
    assert!(!out.status.success(), "restoring from nothing is an error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Earshot database"));

    let cfg = dir.path().join("bad.toml");
    std::fs::write(
        &cfg,
        "[business]\nname = \"x\"\n[[source]]\nkind = \"myspace\"\nname = \"m\"\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["watch", "--config"])
        .arg(&cfg)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "a folder is not a backup");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml") && err.contains("myspace"),
        "says which file and what: {err}"
    );
}
