//! `earshot login` / `logout` and `watch` with an account, as a user runs them on a headless
//! machine: against the simulator, with the real system keychain (a Secret Service on the
//! session bus: `./dev test` starts GNOME Keyring) and without one.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use earshot_core::secrets::{key_for, Keychain, SecretStore};
use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_HANDLE};
use earshot_sim::{Net, Reveal, Sim, SimOptions};

const BIN: &str = env!("CARGO_BIN_EXE_earshot");
/// A session bus address where nothing answers: no keychain.
const NO_BUS: &str = "unix:path=/nonexistent/earshot-test-bus";

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Everything a child prints, stdout and stderr, line by line as it comes.
fn output_lines(child: &mut Child) -> mpsc::Receiver<(bool, String)> {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().expect("piped stdout");
    let err = child.stderr.take().expect("piped stderr");
    for (is_out, pipe) in [
        (true, Box::new(out) as Box<dyn std::io::Read + Send>),
        (false, Box::new(err)),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if tx.send((is_out, line)).is_err() {
                    break;
                }
            }
        });
    }
    rx
}

/// Waits for a line that satisfies `want`, keeping every line seen in `log`.
fn wait_line(
    rx: &mpsc::Receiver<(bool, String)>,
    log: &mut Vec<String>,
    what: &str,
    want: impl Fn(bool, &str) -> bool,
) {
    loop {
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok((is_out, line)) => {
                let hit = want(is_out, &line);
                log.push(line);
                if hit {
                    return;
                }
            }
            Err(_) => panic!(
                "timed out waiting for {what}; output so far:\n{}",
                log.join("\n")
            ),
        }
    }
}

struct Setup {
    rt: tokio::runtime::Runtime,
    sim: Sim,
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let sim = rt
            .block_on(Sim::start(SimOptions {
                reveal: Reveal::All,
                count: Some(3),
                ..SimOptions::default()
            }))
            .unwrap();
        Setup {
            rt,
            sim,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> std::path::PathBuf {
        self.dir.path().join("data")
    }

    /// The simulator's watch config with `account` on the Bluesky source when given.
    fn config(&self, account: Option<&str>) -> std::path::PathBuf {
        let mut toml = self.sim.config_toml();
        if let Some(a) = account {
            toml = toml.replace(
                "name = \"Bluesky (simulated)\"\n",
                &format!("name = \"Bluesky (simulated)\"\naccount = \"{a}\"\n"),
            );
            assert!(toml.contains("account ="), "the config names the account");
        }
        let path = self.dir.path().join("earshot.toml");
        std::fs::write(&path, toml).unwrap();
        path
    }

    fn login_bluesky(&self, bus: Option<&str>) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.args(["login", "bluesky", "--handle", BSKY_HANDLE, "--source"])
            .arg("Bluesky (simulated)")
            .arg("--server")
            .arg(format!("{}/bsky", self.sim.base_url))
            .arg("--data-dir")
            .arg(self.data())
            .env("EARSHOT_LOG", "trace")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(b) = bus {
            cmd.env("DBUS_SESSION_BUS_ADDRESS", b);
        }
        let mut child = cmd.spawn().unwrap();
        writeln!(child.stdin.take().unwrap(), "{BSKY_APP_PASSWORD}").unwrap();
        child.wait_with_output().unwrap()
    }

    fn watch(&self, config: &std::path::Path, bus: Option<&str>) -> Killed {
        let mut cmd = Command::new(BIN);
        cmd.args(["watch", "--jsonl", "--config"])
            .arg(config)
            .arg("--data-dir")
            .arg(self.data())
            .env("EARSHOT_LOG", "trace")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(b) = bus {
            cmd.env("DBUS_SESSION_BUS_ADDRESS", b);
        }
        Killed(cmd.spawn().unwrap())
    }

    fn post(&self, text: &str) {
        let _g = self.rt.enter();
        self.sim
            .social
            .inject(Net::Bluesky, "customer.bsky.social", text, 120, false);
    }
}

/// Whether this machine has a Secret Service to test against. Under `./dev test`
/// (`EARSHOT_REQUIRE_KEYCHAIN=1`) it must: a missing one fails the test instead of skipping it.
fn secret_service() -> bool {
    match Keychain.check() {
        Ok(()) => true,
        Err(e) if std::env::var_os("EARSHOT_REQUIRE_KEYCHAIN").is_some() => {
            panic!("EARSHOT_REQUIRE_KEYCHAIN is set but the keychain answered: {e}")
        }
        Err(e) => {
            eprintln!(
                "skipped: no Secret Service on this session bus ({e}); `./dev test` starts one"
            );
            false
        }
    }
}

#[test]
fn without_a_keychain_login_says_so_and_watch_listens_without_the_account() {
    let s = Setup::new();
    let out = s.login_bluesky(Some(NO_BUS));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.status.success(),
        "a login that cannot be kept fails: {said}"
    );
    assert!(
        said.contains("keychain is not available") && said.contains("listens without accounts"),
        "the owner is told why and what still works: {said}"
    );
    assert!(
        !said.contains(BSKY_APP_PASSWORD),
        "the password is never printed"
    );
    assert!(
        said.contains(" DEBUG ") && !said.contains('\u{1b}'),
        "logs written to a pipe or file carry no colour codes: {said:?}"
    );

    // A configured account with no keychain: the public stream is still heard, and the source
    // says what it is missing, instead of stopping with "log in again".
    let config = s.config(Some(BSKY_HANDLE));
    let mut watch = s.watch(&config, Some(NO_BUS));
    let rx = output_lines(&mut watch.0);
    let mut log = Vec::new();
    wait_line(
        &rx,
        &mut log,
        "the source to say it listens without the account",
        |out, l| {
            !out && l.contains("Bluesky (simulated)") && l.contains("listening without the account")
        },
    );
    s.post("Brightside Coffee, my flat white was cold again");
    wait_line(&rx, &mut log, "the streamed post", |out, l| {
        out && l.contains("\"channel\":\"bluesky\"") && l.contains("flat white was cold")
    });
    assert!(
        !log.iter().any(|l| l.contains("stopped until you log in")),
        "the source did not stop for a login: {log:#?}"
    );
}

#[test]
fn a_headless_login_keeps_its_secrets_in_the_keychain_and_out_of_every_log() {
    if !secret_service() {
        return;
    }
    let s = Setup::new();
    let key = key_for(earshot_core::model::SourceKind::Bluesky, BSKY_HANDLE);
    let _ = Keychain.delete(&key);
    let out = s.login_bluesky(None);
    let mut printed = vec![
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ];
    assert!(out.status.success(), "login works: {printed:?}");
    assert!(
        printed[1].contains(&format!("logged in as {BSKY_HANDLE}")),
        "{printed:?}"
    );
    let session: serde_json::Value = serde_json::from_str(
        &Keychain
            .get(&key)
            .unwrap()
            .expect("the session is in the system keychain"),
    )
    .unwrap();

    // The config names no account: the login made on this data folder is kept.
    let config = s.config(None);
    let mut watch = s.watch(&config, None);
    let rx = output_lines(&mut watch.0);
    let mut log = Vec::new();
    wait_line(&rx, &mut log, "watch to start", |out, l| {
        !out && l.contains("watching")
    });
    // Posts made before Earshot listened come only through the logged-in search catch-up:
    // hearing one proves the session from the keychain works.
    wait_line(
        &rx,
        &mut log,
        "a Bluesky post found by the logged-in search",
        |out, l| out && l.contains("\"channel\":\"bluesky\""),
    );
    drop(watch);
    printed.extend(log);

    let logout = Command::new(BIN)
        .args(["logout", "--source", "Bluesky (simulated)", "--data-dir"])
        .arg(s.data())
        .env("EARSHOT_LOG", "trace")
        .output()
        .unwrap();
    printed.push(String::from_utf8_lossy(&logout.stdout).into_owned());
    printed.push(String::from_utf8_lossy(&logout.stderr).into_owned());
    assert!(logout.status.success(), "{printed:?}");
    assert_eq!(
        Keychain.get(&key).unwrap(),
        None,
        "logout deletes the login"
    );

    // Everything Earshot printed at its most verbose, and every file it wrote.
    let mut secrets = vec![BSKY_APP_PASSWORD.to_string()];
    for k in ["accessJwt", "refreshJwt"] {
        secrets.push(session[k].as_str().expect("a session token").to_string());
    }
    let all = printed.join("\n");
    for secret in &secrets {
        assert!(
            !all.contains(secret.as_str()),
            "a secret reached the output or logs"
        );
    }
    let mut dirs = vec![s.data()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            for secret in &secrets {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "a secret leaked into {}",
                    p.display()
                );
            }
        }
    }
}

#[test]
fn a_headless_mastodon_login_finishes_with_the_code_pasted_on_standard_input() {
    if !secret_service() {
        return;
    }
    let s = Setup::new();
    let mut login = Killed(
        Command::new(BIN)
            .args([
                "login",
                "mastodon",
                "--source",
                "Mastodon (simulated)",
                "--instance",
            ])
            .arg(format!("{}/mastodon", s.sim.base_url))
            .arg("--data-dir")
            .arg(s.data())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut stdin = login.0.stdin.take().unwrap();
    let rx = output_lines(&mut login.0);
    let mut log = Vec::new();
    wait_line(&rx, &mut log, "the address to approve", |out, l| {
        !out && l.trim_start().starts_with("http")
    });
    let url = log.last().unwrap().trim().to_string();
    assert!(url.contains("code_challenge_method=S256"), "{url}");
    // The browser approves, but cannot come back to this machine: the owner pastes where it
    // landed.
    let landed = s.rt.block_on(async {
        let resp = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(&url)
            .send()
            .await
            .unwrap();
        resp.headers()["location"].to_str().unwrap().to_string()
    });
    writeln!(stdin, "{landed}").unwrap();
    wait_line(&rx, &mut log, "the login to finish", |out, l| {
        !out && l.contains("logged in as brightsidecoffee@")
    });
    let status = login.0.wait().unwrap();
    assert!(status.success(), "{log:#?}");
    let acct = log
        .iter()
        .find_map(|l| l.split("logged in as ").nth(1))
        .and_then(|rest| rest.split(';').next())
        .unwrap()
        .to_string();
    let key = key_for(earshot_core::model::SourceKind::Mastodon, &acct);
    let token = Keychain
        .get(&key)
        .unwrap()
        .expect("the token is in the keychain");
    assert!(
        !log.join("\n").contains(&token),
        "the token is never printed"
    );
    Keychain.delete(&key).unwrap();
}
