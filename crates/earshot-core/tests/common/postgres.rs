//! A fresh database on the test PostgreSQL: a throwaway cluster on 127.0.0.1 that `./dev test`
//! starts and names in `EARSHOT_TEST_POSTGRES`.

use earshot_core::store::pg::PgStore;
use earshot_core::store::{MentionStore, Store};
use earshot_core::team::TeamAddress;

/// A new, empty database for one test; `None` (the test says it is skipped) where there is no
/// test PostgreSQL, unless `EARSHOT_REQUIRE_INTEROP` is set (`./dev test`), which makes that a
/// failure. Blocking: from async code use [`fresh`].
pub fn fresh_blocking(name: &str) -> Option<TeamAddress> {
    let base = match std::env::var("EARSHOT_TEST_POSTGRES") {
        Ok(b) => b.trim_end_matches('/').to_string(),
        Err(_) if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() => {
            panic!("EARSHOT_REQUIRE_INTEROP is set without EARSHOT_TEST_POSTGRES")
        }
        Err(_) => {
            eprintln!("skipped on PostgreSQL: no test PostgreSQL here; `./dev test` starts one");
            return None;
        }
    };
    let mut admin = TeamAddress::parse(&format!("{base}/postgres"))
        .expect("the test PostgreSQL's address")
        .connect_blocking()
        .expect("the test PostgreSQL answers");
    let db = format!("earshot_{name}_{}", std::process::id());
    // DROP and CREATE DATABASE cannot share a transaction: two statements.
    for sql in [
        format!("DROP DATABASE IF EXISTS {db}"),
        format!("CREATE DATABASE {db}"),
    ] {
        admin.batch_execute(&sql).expect(&sql);
    }
    Some(TeamAddress::parse(&format!("{base}/{db}")).expect("the test database's address"))
}

/// [`fresh_blocking`] from async code.
pub async fn fresh(name: &str) -> Option<TeamAddress> {
    let name = name.to_string();
    tokio::task::spawn_blocking(move || fresh_blocking(&name))
        .await
        .unwrap()
}

/// A team store on a fresh database (see [`fresh_blocking`]).
pub fn store(name: &str) -> Option<PgStore> {
    fresh_blocking(name).map(|a| PgStore::open(&a).expect("the team store opens"))
}

/// Runs `case` on a new SQLite file, then on a new team database where the test PostgreSQL is
/// there (`./dev test` starts one and requires it).
pub fn on_both(name: &str, case: impl Fn(&mut dyn MentionStore)) {
    let dir = tempfile::tempdir().unwrap();
    let mut sqlite = Store::open(&dir.path().join("earshot.sqlite3")).unwrap();
    case(&mut sqlite);
    if let Some(mut pg) = store(name) {
        case(&mut pg);
    }
}

/// A desktop's store on the team database at `address`, listening as `member` (none: one engine
/// alone, no lease checks), with its own data folder (keep it alive with the store).
pub async fn team_store(
    address: &TeamAddress,
    member: Option<i64>,
) -> (earshot_core::store::db::Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (a, d) = (address.clone(), dir.path().to_path_buf());
    let db =
        tokio::task::spawn_blocking(move || earshot_core::store::db::Db::open_team(&a, member, &d))
            .await
            .unwrap()
            .unwrap();
    assert!(db.is_team());
    (db, dir)
}
