//! `earshot trial crash`: `earshot watch` against the simulator (every network, the Page,
//! Instagram, the reviews and the email inbox logged in through the OS keychain), killed with SIGKILL at random
//! moments and restarted on the same data folder while posts keep arriving; at the end the
//! database must hold every post exactly once, pass `PRAGMA integrity_check`, and keep no
//! cursor ahead of what it stored. With `--keychain-kills` the Secret Service the logins are read
//! from is killed too, as a keyring daemon that crashes or restarts is: the logins must be read
//! again, not taken for lost.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use earshot_core::store::db::DB_FILE;
use earshot_core::triage::linear::SplitMix;
use earshot_sim::{Net, Reveal, Sim, SimOptions};
use serde_json::json;

use crate::bench::Figure;

type Key = (String, String);

/// What a crash run found.
pub struct Outcome {
    pub kills: usize,
    pub keychain_kills: usize,
    pub expected: usize,
    pub stored: usize,
    pub lost: Vec<Key>,
    pub duplicated: usize,
    pub integrity: String,
    pub cursor_ahead: Vec<String>,
    pub injected: usize,
    pub seconds: f64,
}

struct Watch(Child);
impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_watch(exe: &Path, config: &Path, data: &Path) -> Result<Watch> {
    Command::new(exe)
        .arg("watch")
        .arg("--config")
        .arg(config)
        .arg("--data-dir")
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(Watch)
        .context("starting earshot watch")
}

/// The stored (channel, external id) pairs, one per row.
fn stored(data: &Path) -> Result<Vec<Key>> {
    let conn = rusqlite::Connection::open_with_flags(
        data.join(DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let mut stmt = conn.prepare("SELECT channel, external_id FROM mentions")?;
    let rows: Vec<Key> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Whether the Mastodon and Bluesky sources have both saved a cursor.
fn streams_started(data: &Path) -> bool {
    let Ok(conn) = rusqlite::Connection::open_with_flags(
        data.join(DB_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    ) else {
        return false;
    };
    conn.query_row(
        "SELECT COUNT(*) FROM sources WHERE kind IN ('mastodon', 'bluesky') AND cursor IS NOT NULL",
        [],
        |r| r.get::<_, i64>(0),
    )
    .is_ok_and(|n| n == 2)
}

/// The simulator's Page, Instagram and Google logins put in the OS keychain for the trial's
/// `earshot watch` runs, and taken out again at the end.
pub(super) struct PageLogins {
    keys: Vec<String>,
    config: String,
}

impl PageLogins {
    async fn put(base: &str, imap: &str, smtp: &str) -> Result<PageLogins> {
        use earshot_core::model::SourceKind;
        use earshot_core::secrets::{key_for, Keychain, Secrets};
        use earshot_sim::presence::{
            GOOGLE_ACCOUNT, GOOGLE_REFRESH_TOKEN, IG_ID, PAGE_ID, PAGE_TOKEN,
        };
        let secrets = Secrets::new(Keychain);
        let page = json!({"token": PAGE_TOKEN}).to_string();
        let google =
            json!({"access_token": "", "expires_at": 0, "refresh_token": GOOGLE_REFRESH_TOKEN})
                .to_string();
        let mut keys = Vec::new();
        for (kind, account, value) in [
            (SourceKind::Facebook, PAGE_ID, page.clone()),
            (SourceKind::Instagram, IG_ID, page),
            (SourceKind::GoogleReviews, GOOGLE_ACCOUNT, google),
            (
                SourceKind::Email,
                earshot_core::demo::SIM_MAIL_USER,
                json!({"password": earshot_core::demo::SIM_MAIL_PASSWORD}).to_string(),
            ),
        ] {
            let key = key_for(kind, account);
            secrets
                .set(&key, value)
                .await
                .context("putting the simulator's logins in the keychain")?;
            keys.push(key);
        }
        let app = earshot_core::demo::SIM_APP;
        let client = earshot_core::demo::SIM_GOOGLE_CLIENT;
        let config = format!(
            r#"
[[source]]
kind = "facebook"
name = "Facebook (simulated)"
base_url = "{base}/graph"
account = "{PAGE_ID}"
client_id = "{app}"
interval_secs = 1

[[source]]
kind = "instagram"
name = "Instagram (simulated)"
base_url = "{base}/graph"
account = "{IG_ID}"
client_id = "{app}"
interval_secs = 1

[[source]]
kind = "google_reviews"
name = "Google reviews (simulated)"
base_url = "{base}/google"
account = "{GOOGLE_ACCOUNT}"
client_id = "{client}"
interval_secs = 1

[[source]]
kind = "email"
name = "Email (simulated)"
account = "{mail}"
imap = "{imap}"
smtp = "{smtp}"
require_match = false
"#,
            mail = earshot_core::demo::SIM_MAIL_USER,
        );
        Ok(PageLogins { keys, config })
    }

    pub(super) async fn forget(&self) {
        let secrets = earshot_core::secrets::Secrets::new(earshot_core::secrets::Keychain);
        for k in &self.keys {
            let _ = secrets.delete(k).await;
        }
    }
}

/// What must be stored from the simulator's script: every polled post (but the one only an
/// exclusion matches), the Page's, Instagram's, the reviews' and the inbox's with `logins`, and
/// the newest page of the scripted hashtag posts on Mastodon.
pub(super) fn expected_posts(sim: &Sim, seed: u64, count: usize, logins: bool) -> BTreeSet<Key> {
    let mut expected: BTreeSet<Key> = earshot_sim::polled_truth(seed, Some(count));
    if logins {
        expected.extend(sim.social.presence_truth());
        expected.extend(sim.social.mail().truth());
    }
    // A first look at a hashtag takes its newest page (40), not its whole history.
    let mut tagged: Vec<_> = earshot_sim::social::script(seed, Some(count))
        .into_iter()
        .filter(|p| p.net == Net::Mastodon && p.text.contains("#brightsidecoffee"))
        .map(|p| p.external_id())
        .collect();
    tagged.sort_by_key(|id| (id.len(), id.clone()));
    let first_page = tagged.len().saturating_sub(40);
    expected.extend(
        tagged
            .into_iter()
            .skip(first_page)
            .map(|id| ("mastodon".to_string(), id)),
    );
    expected
}

/// The simulator, a folder with a config polling every second, and the Page's, Instagram's,
/// the reviews' and the inbox's logins when there is a keychain.
pub(super) struct Stage {
    pub sim: Sim,
    pub dir: tempfile::TempDir,
    pub config: std::path::PathBuf,
    pub logins: Option<PageLogins>,
}

impl Stage {
    pub(super) async fn set(seed: u64, count: usize) -> Result<Stage> {
        let sim = Sim::start(SimOptions {
            seed,
            count: Some(count),
            reveal: Reveal::All,
            ..SimOptions::default()
        })
        .await?;
        let dir = tempfile::tempdir()?;
        let config = dir.path().join("earshot.toml");
        // Poll often, so kills land in the middle of polls as well as of streams and startup.
        std::fs::write(
            &config,
            sim.config_toml()
                .replace("interval_secs = 5", "interval_secs = 1"),
        )?;
        // The Page, its Instagram account and the reviews, logged in as an owner would have been:
        // their tokens in the keychain `earshot watch` reads, their sources in the config.
        // Without a keychain (no Secret Service here) the trial runs without them, saying so; the
        // test command always has one (EARSHOT_REQUIRE_KEYCHAIN).
        let logins = match PageLogins::put(&sim.base_url, &sim.imap_url, &sim.smtp_url).await {
            Ok(l) => Some(l),
            Err(e) if std::env::var_os("EARSHOT_REQUIRE_KEYCHAIN").is_none() => {
                eprintln!(
                    "earshot: the crash trial runs without the Page, Instagram and reviews: {e:#}"
                );
                None
            }
            Err(e) => return Err(e),
        };
        if let Some(l) = &logins {
            std::fs::OpenOptions::new()
                .append(true)
                .open(&config)
                .and_then(|mut f| std::io::Write::write_all(&mut f, l.config.as_bytes()))?;
        }
        Ok(Stage {
            sim,
            dir,
            config,
            logins,
        })
    }
}

/// Posts arriving on the streamed networks (and, with the logins, on the Page and in the inbox)
/// every 40 ms until stopped.
pub(super) struct Injector {
    stop: Arc<AtomicBool>,
    log: Arc<Mutex<Vec<Key>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Injector {
    pub(super) fn start(sim: &Sim, pages: bool) -> Injector {
        let injected: Arc<Mutex<Vec<Key>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (social, log, stopping) = (sim.social.clone(), injected.clone(), stop.clone());
        let task = tokio::spawn(async move {
            let stop = stopping;
            let mut i = 0u64;
            while !stop.load(Ordering::SeqCst) {
                if pages && i % 6 == 1 {
                    // Mail to the business, heard through IDLE.
                    let m = social.mail().inject_text(
                        &format!("Crash {i}"),
                        &format!("Order {i}"),
                        "Is my Brightside order ready?",
                    );
                    log.lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(("email".to_string(), m.message_id));
                    i += 1;
                    tokio::time::sleep(Duration::from_millis(40)).await;
                    continue;
                }
                if pages && i % 3 == 2 {
                    // A comment on the Page, heard on its next poll.
                    let item = social.inject_presence(&earshot_sim::presence::InjectItem {
                        at: earshot_sim::presence::Where::Facebook,
                        kind: None,
                        handle: Some(format!("Crash {i}")),
                        text: format!("comment {i}: is Brightside open late tonight?"),
                        followers: None,
                        rating: None,
                        post: None,
                        parent: None,
                        raw: None,
                    });
                    log.lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(("facebook".to_string(), item.id));
                    i += 1;
                    tokio::time::sleep(Duration::from_millis(40)).await;
                    continue;
                }
                let (net, text, ch) = if i.is_multiple_of(2) {
                    (
                        Net::Mastodon,
                        format!("post {i}: the cold brew at Brightside is back #brightsidecoffee"),
                        "mastodon",
                    )
                } else {
                    (
                        Net::Bluesky,
                        format!("post {i}: Brightside Coffee lost my order again"),
                        "bluesky",
                    )
                };
                let p = social.inject(net, &format!("crash{i}"), &text, 50, false);
                log.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((ch.to_string(), p.external_id()));
                i += 1;
                tokio::time::sleep(Duration::from_millis(40)).await;
            }
        });
        Injector {
            stop,
            log: injected,
            task,
        }
    }

    /// Stops the posts; what was posted.
    pub(super) async fn stop(self) -> Result<Vec<Key>> {
        self.stop.store(true, Ordering::SeqCst);
        self.task.await?;
        Ok(self.log.lock().unwrap_or_else(|p| p.into_inner()).clone())
    }
}

/// The Secret Service's name on the session bus.
const SECRETS: &str = "org.freedesktop.secrets";

/// Kills the process owning the Secret Service on the session bus with SIGKILL (started first
/// when it is not running, so each call kills one); the bus starts it again when next asked.
async fn kill_keychain(bus: &zbus::Connection) -> Result<()> {
    let dbus = zbus::fdo::DBusProxy::new(bus).await?;
    let name = zbus::names::BusName::try_from(SECRETS)?;
    dbus.start_service_by_name(SECRETS.try_into()?, 0)
        .await
        .context("starting the Secret Service")?;
    let pid = dbus
        .get_connection_unix_process_id(name)
        .await
        .context("finding the Secret Service's process")?;
    let status = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .context("running kill")?;
    if !status.success() {
        bail!("could not kill the Secret Service (process {pid})");
    }
    Ok(())
}

/// Runs the crash trial: `kills` SIGKILLs of `earshot watch` (and `keychain_kills` of the Secret
/// Service), `count` scripted posts per simulated source.
pub async fn run(kills: usize, count: usize, seed: u64, keychain_kills: usize) -> Result<Outcome> {
    let exe = std::env::current_exe().context("finding the earshot executable")?;
    let bus = if keychain_kills > 0 {
        if std::env::var_os("EARSHOT_THROWAWAY_KEYRING").is_none() {
            bail!(
                "--keychain-kills kills the Secret Service on this session bus: run it where the \
                 keyring is a throwaway one (./dev keyring earshot trial crash ...)"
            );
        }
        Some(
            zbus::Connection::session()
                .await
                .context("the session bus")?,
        )
    } else {
        None
    };
    let Stage {
        sim,
        dir,
        config,
        logins,
    } = Stage::set(seed, count).await?;
    let data = dir.path().join("data");
    let started = Instant::now();
    let mut expected = expected_posts(&sim, seed, count, logins.is_some());
    let mut injector = None;
    let mut rng = SplitMix(seed ^ 0xc4a5);
    // The watches whose life the keychain dies in: spread over the run.
    let keychain_at: BTreeSet<usize> = (0..keychain_kills.min(kills))
        .map(|j| j * kills / keychain_kills.min(kills).max(1))
        .collect();
    for k in 0..kills {
        let watch = spawn_watch(&exe, &config, &data)?;
        if k == 0 {
            // Without a login, Bluesky starts listening from now, and a hashtag's first look
            // takes its newest page: posts begin once both have saved where they start.
            let deadline = Instant::now() + Duration::from_secs(30);
            while !streams_started(&data) {
                if Instant::now() > deadline {
                    bail!("earshot watch never started listening to the simulated networks");
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            injector = Some(Injector::start(&sim, logins.is_some()));
        }
        // The kill lands at a random moment: during startup, a poll, a stream batch or idle.
        let mut at = 50 + rng.next_u64() % 1_450;
        if let (Some(bus), true) = (&bus, keychain_at.contains(&k)) {
            // The keychain dies first, at a random moment of this watch's life: while it reads
            // its logins at startup, or while it listens.
            let before = rng.next_u64() % at;
            tokio::time::sleep(Duration::from_millis(before)).await;
            kill_keychain(bus).await?;
            at -= before;
        }
        tokio::time::sleep(Duration::from_millis(at)).await;
        drop(watch);
    }
    let injected = match injector {
        Some(i) => i.stop().await?,
        None => Vec::new(),
    };
    expected.extend(injected.iter().cloned());

    // A last run, left to catch up, then stopped.
    let watch = spawn_watch(&exe, &config, &data)?;
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let have: BTreeSet<Key> = match stored(&data) {
            Ok(rows) => rows.into_iter().collect(),
            Err(_) => BTreeSet::new(),
        };
        if expected.is_subset(&have) || Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(watch);

    if let Some(l) = &logins {
        l.forget().await;
    }
    let rows = stored(&data)?;
    let n = rows.len();
    let have: BTreeSet<Key> = rows.iter().cloned().collect();
    let lost: Vec<Key> = expected.difference(&have).cloned().collect();
    let conn = rusqlite::Connection::open(data.join(DB_FILE))?;
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    // Hacker News' cursor is the newest created_at_i it stored: never beyond the stored posts.
    let mut cursor_ahead = Vec::new();
    let newest_hn: Option<i64> = conn.query_row(
        "SELECT MAX(created_at) FROM mentions WHERE channel = 'hackernews'",
        [],
        |r| r.get(0),
    )?;
    let cursors: BTreeMap<String, Option<String>> = conn
        .prepare("SELECT kind, cursor FROM sources")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(Some(c)) = cursors.get("hackernews") {
        let at = serde_json::from_str::<serde_json::Value>(c)?["created_at_i"].as_i64();
        if at > newest_hn {
            cursor_ahead.push(format!(
                "hackernews cursor {c} beyond newest stored {newest_hn:?}"
            ));
        }
    }
    Ok(Outcome {
        kills,
        keychain_kills: keychain_at.len(),
        expected: expected.len(),
        stored: n,
        lost,
        duplicated: n - have.len(),
        integrity,
        cursor_ahead,
        injected: injected.len(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The crash trial as a figure; an error when anything was lost, duplicated or corrupt.
pub async fn bench(kills: usize, count: usize, seed: u64, keychain_kills: usize) -> Result<Figure> {
    let o = run(kills.max(1), count.max(1), seed, keychain_kills).await?;
    let mut fields = serde_json::Map::new();
    for (k, v) in [
        ("kills", json!(o.kills)),
        ("keychain_kills", json!(o.keychain_kills)),
        ("expected", json!(o.expected)),
        ("stored", json!(o.stored)),
        ("lost", json!(o.lost.len())),
        ("duplicated", json!(o.duplicated)),
        ("integrity", json!(o.integrity)),
        ("cursors_ahead", json!(o.cursor_ahead.len())),
        ("posts_during_kills", json!(o.injected)),
        ("seconds", json!((o.seconds * 10.0).round() / 10.0)),
    ] {
        fields.insert(k.into(), v);
    }
    let text = format!(
        "{} kills ({} of the keychain): {} of {} posts stored, {} lost, {} duplicated, integrity {}, {} cursors ahead ({} posted during the kills, {:.0} s)",
        o.kills, o.keychain_kills, o.stored, o.expected, o.lost.len(), o.duplicated, o.integrity,
        o.cursor_ahead.len(), o.injected, o.seconds
    );
    let fig = Figure {
        name: "crash".into(),
        unit: "posts",
        fields,
        text,
    };
    if !o.lost.is_empty() || o.duplicated > 0 || o.integrity != "ok" || !o.cursor_ahead.is_empty() {
        crate::bench::print(&[fig], false);
        bail!(
            "the crash trial failed: lost {:?}, {} duplicated, integrity {}, {:?}",
            o.lost.iter().take(10).collect::<Vec<_>>(),
            o.duplicated,
            o.integrity,
            o.cursor_ahead
        );
    }
    Ok(fig)
}
