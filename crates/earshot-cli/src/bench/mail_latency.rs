//! Mail delivered to the provider → the Notifier called: the email inbox's IDLE path. With
//! Dovecot and Postfix installed (and root), a real Dovecot started for the run takes each
//! message over LMTP (how Postfix hands mail to it) and Earshot hears it through IMAP IDLE;
//! without them, the simulator's provider stands in and the figure says so.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use earshot_core::clock::Clock;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::store::db::Db;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use super::latency::Stopwatch;
use super::{latency_figure, Figure};

const OWNER: &str = "hello@brightside.test";
const OWNER_PW: &str = "bench-mail-password";

fn script() -> String {
    format!(
        "{}/../../interop/mail/mailservers.py",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A Dovecot and Postfix started for the run; stopped when dropped.
struct RealMail {
    dir: std::path::PathBuf,
    imap: u16,
    smtp: u16,
    lmtp: u16,
}

impl RealMail {
    fn start() -> Option<RealMail> {
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        let have = ["/usr/sbin/dovecot", "/usr/sbin/postfix"]
            .iter()
            .all(|p| std::path::Path::new(p).exists());
        if !(root && have && std::path::Path::new(&script()).exists()) {
            return None;
        }
        let dir = std::env::temp_dir().join(format!("earshot-bench-mail-{}", std::process::id()));
        let out = std::process::Command::new("python3")
            .arg(script())
            .arg("start")
            .arg(&dir)
            .arg(format!("{OWNER}:{OWNER_PW}"))
            .output()
            .ok()?;
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let port = |k: &str| v[k].as_u64().map(|p| p as u16);
        Some(RealMail {
            dir,
            imap: port("imap")?,
            smtp: port("smtp")?,
            lmtp: port("lmtp")?,
        })
    }
}

impl Drop for RealMail {
    fn drop(&mut self) {
        let _ = std::process::Command::new("python3")
            .arg(script())
            .arg("stop")
            .arg(&self.dir)
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Delivers one message to `to` over LMTP (RFC 2033), as an MTA hands mail to Dovecot.
async fn lmtp_deliver(port: u16, to: &str, raw: &str) -> Result<()> {
    let s = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let (r, mut w) = s.into_split();
    let mut r = BufReader::new(r);
    let mut expect = async |code: &str| -> Result<()> {
        loop {
            let mut line = String::new();
            anyhow::ensure!(r.read_line(&mut line).await? > 0, "LMTP closed");
            anyhow::ensure!(line.starts_with(code), "LMTP said {line:?}, not {code}");
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(());
            }
        }
    };
    expect("220").await?;
    for (cmd, code) in [
        ("LHLO bench.earshot\r\n".to_string(), "250"),
        ("MAIL FROM:<customer@example.test>\r\n".into(), "250"),
        (format!("RCPT TO:<{to}>\r\n"), "250"),
        ("DATA\r\n".into(), "354"),
    ] {
        w.write_all(cmd.as_bytes()).await?;
        expect(code).await?;
    }
    let body = raw
        .replace("\r\n", "\n")
        .replace('\n', "\r\n")
        .replace("\r\n.", "\r\n..");
    w.write_all(format!("{body}\r\n.\r\n").as_bytes()).await?;
    expect("250").await?;
    w.write_all(b"QUIT\r\n").await?;
    Ok(())
}

fn complaint(i: usize) -> String {
    format!(
        "From: Customer {i} <customer{i}@example.test>\nTo: {OWNER}\nSubject: Order {i} is late\nMessage-ID: <bench-{i}-{}@example.test>\nDate: {}\nContent-Type: text/plain; charset=utf-8\n\nMy order {i} is an hour late and nobody answers the phone.\n",
        std::process::id(),
        chrono::Utc::now().to_rfc2822()
    )
}

/// The IDLE path through Dovecot (when it can run here) and through the simulated provider
/// (Earshot's own share: the simulator announces new mail at once).
pub(super) async fn email_latency(n: usize) -> Result<Vec<Figure>> {
    let mut out = Vec::new();
    if let Some(real) = RealMail::start() {
        out.push(one_provider(n, Some(real)).await?);
    }
    out.push(one_provider(n, None).await?);
    Ok(out)
}

/// `n` messages, one at a time: delivered → notified.
async fn one_provider(n: usize, real: Option<RealMail>) -> Result<Figure> {
    let sim = match real {
        Some(_) => None,
        None => Some(
            earshot_sim::Sim::start(earshot_sim::SimOptions {
                reveal: earshot_sim::Reveal::All,
                count: Some(0),
                ..Default::default()
            })
            .await?,
        ),
    };
    let dir = tempfile::tempdir()?;
    let watch = Arc::new(Stopwatch::default());
    let engine = Engine::new(Db::open(dir.path())?, watch.clone(), Clock::system());
    let mut cfg = earshot_core::config::Config::parse(
        "[business]\nname = \"Brightside Coffee\"\nterms = [\"Brightside\"]\n",
    )?;
    cfg.alerts.notify_min = 0;
    cfg.alerts.burst_max = u32::MAX;
    cfg.alerts.urgent_burst_max = u32::MAX;
    engine.apply_config(&cfg).await?;
    let mut events = engine.subscribe();
    engine.start().await?;
    match (&real, &sim) {
        (Some(m), _) => engine
            .add_email(
                OWNER,
                OWNER_PW,
                &format!("imap://127.0.0.1:{}", m.imap),
                &format!("smtp://127.0.0.1:{}", m.smtp),
            )
            .await
            .context("the inbox on Dovecot")?,
        (None, Some(s)) => engine
            .add_email(
                earshot_core::demo::SIM_MAIL_USER,
                earshot_core::demo::SIM_MAIL_PASSWORD,
                &s.imap_url,
                &s.smtp_url,
            )
            .await
            .context("the simulated inbox")?,
        (None, None) => unreachable!("one of the two providers runs"),
    };
    // Listening: the source has reported once (its first IDLE follows at once).
    tokio::time::timeout(Duration::from_secs(30), async {
        while !matches!(
            events.recv().await,
            Ok(EngineEvent::SourceHealth { .. }) | Err(_)
        ) {}
    })
    .await
    .context("the inbox never reported")?;
    let count = |w: &Stopwatch| w.calls.lock().unwrap_or_else(|p| p.into_inner()).len();
    let mut ms = Vec::new();
    // One warm-up message, not timed (the first IDLE may still be starting).
    for i in 0..=n {
        let before = count(&watch);
        let raw = complaint(i);
        let at = Instant::now();
        match (&real, &sim) {
            (Some(m), _) => lmtp_deliver(m.lmtp, OWNER, &raw).await?,
            (None, Some(s)) => {
                s.social.mail().inject(raw.as_bytes());
            }
            (None, None) => unreachable!(),
        }
        tokio::time::timeout(Duration::from_secs(30), async {
            loop {
                let notified = watch.wake.notified();
                if count(&watch) > before {
                    return;
                }
                notified.await;
            }
        })
        .await
        .context("a delivered message was not notified within 30 s")?;
        if i > 0 {
            ms.push(at.elapsed().as_secs_f64() * 1000.0);
        }
    }
    engine.shutdown();
    ms.sort_by(f64::total_cmp);
    let provider = if real.is_some() {
        "Dovecot"
    } else {
        "the simulated provider"
    };
    Ok(latency_figure(
        format!("latency email (IMAP IDLE): delivered to {provider} → notify n={n}"),
        &ms,
    ))
}
