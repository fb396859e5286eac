//! A real mail provider for the email tests: Dovecot (IMAP with IDLE, LMTP delivery, a Sent
//! folder) and Postfix (SMTP submission, SASL through Dovecot) on 127.0.0.1, started by
//! `interop/mail/mailservers.py` in a temporary folder and stopped when dropped.

use std::process::Command;

use earshot_core::channels::email::reply::submit;
use earshot_core::channels::email::server::{self, Server, Session};
use earshot_core::channels::email::Credential;
use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Mention};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_core::store::db::Db;
use futures_util::TryStreamExt;
use tokio::sync::broadcast::Receiver;

use super::{wait_for, Recorder};

/// The business's inbox.
pub const OWNER: &str = "hello@brightside.test";
pub const OWNER_PW: &str = "owner-secret-7";
/// A customer on another domain of the same provider.
pub const CUSTOMER: &str = "rita@example.test";
pub const CUSTOMER_PW: &str = "customer-secret-9";

pub struct MailServers {
    dir: tempfile::TempDir,
    pub imap: u16,
    pub smtp: u16,
}

fn script() -> String {
    format!(
        "{}/../../interop/mail/mailservers.py",
        env!("CARGO_MANIFEST_DIR")
    )
}

impl Drop for MailServers {
    fn drop(&mut self) {
        let _ = Command::new("python3")
            .args([&script(), "stop", &self.dir.path().display().to_string()])
            .status();
    }
}

/// Starts the servers; `None` (the test says it is skipped) where they cannot run, unless
/// `EARSHOT_REQUIRE_INTEROP` is set (`./dev test`), which makes that a failure.
pub fn start() -> Option<MailServers> {
    start_with(None)
}

/// Starts the servers; with `tokeninfo` they also take XOAUTH2 tokens that URL vouches for.
pub fn start_with(tokeninfo: Option<&str>) -> Option<MailServers> {
    let have = |b: &str| std::path::Path::new(b).exists();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !(have("/usr/sbin/dovecot") && have("/usr/sbin/postfix") && root) {
        if std::env::var_os("EARSHOT_REQUIRE_INTEROP").is_some() {
            panic!("EARSHOT_REQUIRE_INTEROP is set but Dovecot and Postfix cannot run here (install dovecot-imapd, dovecot-lmtpd and postfix; run as root)");
        }
        eprintln!("skipped: no Dovecot and Postfix here (or not root); `./dev test` installs them");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![script(), "start".into(), dir.path().display().to_string()];
    if let Some(url) = tokeninfo {
        args.extend(["--tokeninfo".into(), url.to_string()]);
    }
    args.extend([
        format!("{OWNER}:{OWNER_PW}"),
        format!("{CUSTOMER}:{CUSTOMER_PW}"),
    ]);
    let out = Command::new("python3")
        .args(&args)
        .output()
        .expect("python3 runs the mail servers script");
    assert!(
        out.status.success(),
        "the mail servers did not start: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    Some(MailServers {
        dir,
        imap: info["imap"].as_u64().unwrap() as u16,
        smtp: info["smtp"].as_u64().unwrap() as u16,
    })
}

impl MailServers {
    pub fn imap_url(&self) -> String {
        format!("imap://127.0.0.1:{}", self.imap)
    }
    pub fn smtp_url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.smtp)
    }
    fn imap_server(&self) -> Server {
        Server::parse(&self.imap_url(), "imap").unwrap()
    }
    /// The servers' folder (their configuration and logs).
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// The folder where Dovecot keeps `user`'s mail.
    pub fn maildir(&self, user: &str) -> std::path::PathBuf {
        let (local, domain) = user.split_once('@').unwrap();
        self.dir.path().join("mail").join(domain).join(local)
    }

    /// The customer writes to the business (through Postfix, delivered to Dovecot).
    pub async fn customer_writes(&self, raw: &str) {
        let smtp = Server::parse(&self.smtp_url(), "smtp").unwrap();
        submit(
            &smtp,
            CUSTOMER,
            &Credential::Password(CUSTOMER_PW.into()),
            CUSTOMER,
            OWNER,
            raw.replace('\n', "\r\n").as_bytes(),
        )
        .await
        .expect("Postfix takes the customer's mail");
    }

    pub async fn session(&self, user: &str, password: &str) -> Session {
        server::login(
            &self.imap_server(),
            user,
            &Credential::Password(password.into()),
        )
        .await
        .unwrap()
    }

    /// Every message in `folder` of `user`'s mailbox: its bytes and flags.
    pub async fn folder(
        &self,
        user: &str,
        password: &str,
        folder: &str,
    ) -> Vec<(String, Vec<String>)> {
        let mut s = self.session(user, password).await;
        let mb = s.examine(folder).await.unwrap();
        if mb.exists == 0 {
            return Vec::new();
        }
        let fetched: Vec<_> = s
            .fetch("1:*", "(FLAGS BODY.PEEK[])")
            .await
            .unwrap()
            .try_collect()
            .await
            .unwrap();
        let out = fetched
            .iter()
            .map(|f| {
                (
                    String::from_utf8_lossy(f.body().unwrap_or_default()).into_owned(),
                    f.flags().map(|fl| format!("{fl:?}")).collect(),
                )
            })
            .collect();
        let _ = s.logout().await;
        out
    }
}

/// A customer's message, as their mail program would write it.
pub fn complaint(id: &str, subject: &str, body: &str) -> String {
    format!(
        "From: Rita Vance <{CUSTOMER}>\nTo: Brightside Coffee <{OWNER}>\nSubject: {subject}\nMessage-ID: <{id}>\nDate: {}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}\n",
        chrono::Utc::now().to_rfc2822()
    )
}

pub struct Rig {
    pub engine: Engine,
    pub rx: Receiver<EngineEvent>,
    pub secrets: Secrets,
    pub dir: tempfile::TempDir,
}

pub async fn engine_on(dir: tempfile::TempDir, secrets: Secrets) -> Rig {
    let engine = Engine::with_secrets(
        Db::open(dir.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        secrets.clone(),
    );
    let rx = engine.subscribe();
    engine.start().await.unwrap();
    Rig {
        engine,
        rx,
        secrets,
        dir,
    }
}

/// An engine on a fresh database with the owner's inbox added and listening.
pub async fn rig(m: &MailServers) -> Rig {
    let mut r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    r.engine
        .add_email(OWNER, OWNER_PW, &m.imap_url(), &m.smtp_url())
        .await
        .expect("the inbox opens with its password");
    listening(&mut r.rx).await;
    r
}

/// Waits until a mention with this Message-ID is stored.
pub async fn heard(rx: &mut Receiver<EngineEvent>, id: &str) -> Mention {
    wait_for(rx, &format!("the email {id}"), |e| match e {
        EngineEvent::MentionsAdded { mentions } => {
            mentions.iter().find(|m| m.external_id == id).cloned()
        }
        _ => None,
    })
    .await
}

pub async fn emails(engine: &Engine) -> Vec<Mention> {
    super::on_channel(engine, Channel::Email).await
}

/// Waits until the email source is listening (its first IDLE has begun).
pub async fn listening(rx: &mut Receiver<EngineEvent>) {
    wait_for(rx, "the inbox to be read", |e| match e {
        EngineEvent::SourceHealth { health, .. } => {
            matches!(health, earshot_core::model::Health::Ok { .. }).then_some(())
        }
        _ => None,
    })
    .await
}
