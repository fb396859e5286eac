//! Settings → "Share with a team" through the shell's commands, on Tauri's mock runtime and a
//! real PostgreSQL (`./dev test` starts one): the running app looks at a new team database,
//! joins it bringing its inbox (the engine is replaced in place, on the team's database), says
//! who listens for its sources, and leaves again, back on its own file.

mod shell;

use earshot_core::model::{Channel, Mention};
use earshot_core::store::db::DB_FILE;
use earshot_core::store::Store;
use earshot_core::team::TeamAddress;
use serde_json::json;
use shell::{invoke, start};

/// A fresh database on the test PostgreSQL, or `None` to skip.
fn team_db(name: &str) -> Option<String> {
    let base = match std::env::var("EARSHOT_TEST_POSTGRES") {
        Ok(b) => b.trim_end_matches('/').to_string(),
        Err(_) if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() => {
            panic!("EARSHOT_REQUIRE_INTEROP is set without EARSHOT_TEST_POSTGRES")
        }
        Err(_) => {
            eprintln!("skipped: no test PostgreSQL here; `./dev test` starts one");
            return None;
        }
    };
    let mut admin = TeamAddress::parse(&format!("{base}/postgres"))
        .unwrap()
        .connect_blocking()
        .unwrap();
    let db = format!("earshot_{name}_{}", std::process::id());
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    Some(format!("{base}/{db}"))
}

#[test]
fn the_app_joins_a_team_bringing_its_inbox_and_leaves_it_again() {
    let Some(url) = team_db("app_join") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    {
        let mut solo = Store::open(&dir.path().join(DB_FILE)).unwrap();
        let heard: Vec<Mention> = (0..30)
            .map(|i| {
                let mut m = Mention::new(
                    Channel::Hackernews,
                    i.to_string(),
                    format!("Brightside latte {i}"),
                );
                m.created_at = 1_800_000_000 + i;
                m
            })
            .collect();
        solo.store_batch(None, &heard, None).unwrap();
    }
    let (_app, w) = start(dir.path());
    invoke(
        &w,
        "complete_onboarding",
        json!({ "business": { "name": "Brightside Coffee", "terms": ["Brightside"], "exclusions": [] },
                "sources": [{ "kind": "rss", "name": "Reviews", "url": "http://127.0.0.1:9/feed.xml", "queries": [],
                              "base_url": null, "account": null, "interval_secs": 3600, "require_match": null }] }),
    )
    .expect("onboarding completes");
    let alone = invoke(&w, "team_status", json!({})).unwrap();
    assert_eq!(alone["address"], serde_json::Value::Null);

    let err = invoke(
        &w,
        "look_at_team",
        json!({ "address": "postgres://earshot@db.example.com/team?sslmode=disable", "password": null }),
    )
    .expect_err("a remote server without TLS is refused");
    assert_eq!(err["code"], "team", "{err}");
    assert!(err["message"].as_str().unwrap().contains("TLS"), "{err}");

    let look = invoke(
        &w,
        "look_at_team",
        json!({ "address": url, "password": null }),
    )
    .unwrap();
    assert_eq!(look["mentions"], 0, "{look}");
    assert_eq!(look["encrypted"], false, "the server is on this computer");

    let joined = invoke(
        &w,
        "join_team",
        json!({ "address": url, "password": null, "name": "Ana", "bringInbox": true }),
    )
    .expect("joins");
    assert_eq!(joined["name"], "Ana");
    assert_eq!(joined["members"], json!(["Ana"]));
    assert_eq!(joined["sources"][0]["source"], "Reviews");
    assert_eq!(joined["sources"][0]["can_listen_here"], true);
    assert!(dir.path().join("team.json").is_file());

    // The engine in use is on the team's database, with the inbox brought in.
    let page = invoke(&w, "list_mentions", json!({ "query": { "limit": 100 } })).unwrap();
    assert_eq!(page["mentions"].as_array().unwrap().len(), 30);
    let mut team = TeamAddress::parse(&url)
        .unwrap()
        .connect_blocking()
        .unwrap();
    let n: i64 = team
        .query_one("SELECT count(*) FROM mentions", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 30);
    // A mention done on the team is done for everyone, not in this computer's file.
    let id = page["mentions"][0]["id"].clone();
    invoke(&w, "set_status", json!({ "id": id, "status": "done" })).unwrap();
    let done: i64 = team
        .query_one("SELECT count(*) FROM mentions WHERE status = 'done'", &[])
        .unwrap()
        .get(0);
    assert_eq!(done, 1);
    let helpers = invoke(&w, "list_helpers", json!({})).unwrap();
    assert_eq!(
        helpers,
        json!(["Ana"]),
        "work is given to the team's members"
    );

    let err = invoke(
        &w,
        "join_team",
        json!({ "address": url, "password": null, "name": "Ana", "bringInbox": false }),
    )
    .expect_err("one team at a time");
    assert_eq!(err["code"], "team");

    let left = invoke(&w, "leave_team", json!({})).unwrap();
    assert_eq!(left["address"], serde_json::Value::Null);
    assert!(!dir.path().join("team.json").exists());
    let mine = invoke(
        &w,
        "list_mentions",
        json!({ "query": { "status": "done" } }),
    )
    .unwrap();
    assert_eq!(
        mine["mentions"].as_array().unwrap().len(),
        0,
        "back on this computer's own file, as it was when it joined"
    );
    let all = invoke(&w, "list_mentions", json!({ "query": { "limit": 100 } })).unwrap();
    assert_eq!(all["mentions"].as_array().unwrap().len(), 30);
    // The team engine is gone with its connections (none left open on the server).
    let db = url.rsplit('/').next().unwrap().to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let open: i64 = team
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 \
                 AND application_name = 'earshot' AND pid <> pg_backend_pid()",
                &[&db],
            )
            .unwrap()
            .get(0);
        if open == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the team engine's {open} connection(s) stay open after leaving"
        );
        // Polling the server's view of its connections until they are gone.
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
