//! `earshot trial replies`: replies sent through failures. Each trial writes a reply (public or
//! private, on Mastodon, Bluesky, a Facebook Page, Instagram, a Google review, Reddit, YouTube,
//! X or by email) while the simulator drops the connection after accepting it, answers 5xx,
//! hangs, or while Earshot is killed between sending and recording; then the owner retries what
//! failed. The simulator must see each reply posted at most once, and every reply must end
//! visibly as sent or failed, never silently lost.
//!
//! Email meets every trouble but the two where the server took the message and the client never
//! heard (dropped after accepting, killed while sending): SMTP has no way to ask whether a
//! message landed, so a retry sends it again (with the same Message-ID). Those draws are made
//! again for email, and the figure counts them.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use earshot_core::alerts::Silent;
use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{Channel, Mention, ReplyState};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;
use earshot_core::triage::linear::SplitMix;
use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_HANDLE};
use earshot_sim::{Fault, FaultSpec, Net, Reveal, Sim, SimOptions};
use serde_json::json;

use crate::bench::Figure;

/// How a trial goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Trouble {
    None,
    DropAfterAccept,
    ServerError,
    Unavailable,
    Hang,
    KilledWhileSending,
}

const TROUBLES: [Trouble; 6] = [
    Trouble::None,
    Trouble::DropAfterAccept,
    Trouble::ServerError,
    Trouble::Unavailable,
    Trouble::Hang,
    Trouble::KilledWhileSending,
];

/// What the trials found.
pub struct Outcome {
    pub trials: usize,
    pub by_trouble: BTreeMap<String, usize>,
    pub sent_first_try: usize,
    pub failed_then_sent: usize,
    pub posted_twice: usize,
    pub never_posted: usize,
    pub left_unsettled: usize,
    /// On a team: replies sent, by the desktop that sent them.
    pub won_by: BTreeMap<String, i64>,
    pub seconds: f64,
}

async fn answerable(engine: &Engine) -> Result<Vec<Mention>> {
    let all = engine
        .list(MentionQuery {
            limit: Some(500),
            ..Default::default()
        })
        .await?
        .mentions;
    Ok(all
        .into_iter()
        .filter(|m| {
            matches!(
                m.channel,
                Channel::Mastodon
                    | Channel::Bluesky
                    | Channel::Facebook
                    | Channel::Instagram
                    | Channel::GoogleReviews
                    | Channel::Reddit
                    | Channel::Youtube
                    | Channel::X
                    | Channel::Email
            )
        })
        // X answers only posts that mention the account.
        .filter(|m| m.channel != Channel::X || earshot_core::channels::x::can_reply(m))
        // Posts that only tag the business are answered on the site.
        .filter(|m| m.remote.kind != Some(earshot_core::model::Kind::Tag))
        .filter(|m| m.author.handle != earshot_sim::social::DM_CLOSED_HANDLE)
        .collect())
}

/// Runs `trials` randomised reply trials.
pub async fn run(trials: usize, seed: u64, team: Option<&str>, faults: bool) -> Result<Outcome> {
    let started = Instant::now();
    let sim = Sim::start(SimOptions {
        seed,
        count: Some(4),
        reveal: Reveal::All,
        ..SimOptions::default()
    })
    .await?;
    let dir = tempfile::tempdir()?;
    let secrets = Secrets::new(MemorySecrets::new());
    // A hang is given up on after 1.5 s (30 s in the app) to keep the trials short.
    let desktop = |db: Db| {
        Engine::with_secrets(db, Arc::new(Silent), Clock::system(), secrets.clone())
            .with_http_timeout(Duration::from_millis(1_500))
    };
    let (engine, other) = match team {
        None => (desktop(Db::open(dir.path())?), None),
        Some(server) => {
            let t = Team::join(server, dir.path()).await?;
            let a = desktop(t.dbs.0);
            let b = desktop(t.dbs.1);
            (a, Some((b, t.address, t.members)))
        }
    };
    let mut cfg = Config::parse(&sim.config_toml())?;
    cfg.sources.retain(|s| {
        matches!(
            s.kind,
            earshot_core::model::SourceKind::Mastodon
                | earshot_core::model::SourceKind::Bluesky
                | earshot_core::model::SourceKind::Reddit
        )
    });
    engine.apply_config(&cfg).await?;
    let mut events = engine.subscribe();
    engine.start().await?;
    // On a team the first desktop listens for every source; the second only sends.
    let listening = match &other {
        Some((_, address, members)) => Some(
            engine
                .listen_as_team(address.clone(), members.0, Default::default())
                .await?,
        ),
        None => None,
    };
    let racer = other.as_ref().map(|o| o.0.clone());
    earshot_core::demo::sign_in_to_simulator(
        &engine,
        &sim.base_url,
        ("Mastodon (simulated)", "Bluesky (simulated)"),
        (BSKY_HANDLE, BSKY_APP_PASSWORD),
    )
    .await
    .map_err(|e| anyhow!("signing in to the simulator: {e}"))?;
    earshot_core::demo::sign_in_to_pages(&engine, &sim.base_url, 1)
        .await
        .map_err(|e| anyhow!("signing in to the simulator's Page and reviews: {e}"))?;
    earshot_core::demo::sign_in_to_reddit(&engine, &sim.base_url, "Reddit (simulated)")
        .await
        .map_err(|e| anyhow!("signing in to the simulator's Reddit: {e}"))?;
    earshot_core::demo::sign_in_to_x(&engine, &sim.base_url, 1)
        .await
        .map_err(|e| anyhow!("signing in to the simulator's X: {e}"))?;
    earshot_core::demo::sign_in_to_email(&engine, &sim.imap_url, &sim.smtp_url)
        .await
        .map_err(|e| anyhow!("adding the simulator's inbox: {e}"))?;
    for (net, handle) in [
        (Net::Mastodon, "trialist"),
        (Net::Bluesky, "trialist.bsky.social"),
    ] {
        sim.social.inject(
            net,
            handle,
            "@brightsidecoffee my order at Brightside never came, can you help?",
            120,
            true,
        );
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let targets = loop {
        let t = answerable(&engine).await?;
        let nets = |c| t.iter().any(|m| m.channel == c);
        if [
            Channel::Mastodon,
            Channel::Bluesky,
            Channel::Facebook,
            Channel::Instagram,
            Channel::GoogleReviews,
            Channel::Reddit,
            Channel::Youtube,
            Channel::X,
            Channel::Email,
        ]
        .into_iter()
        .all(nets)
        {
            break t;
        }
        // Look again when the engine next stores something.
        let added = tokio::time::timeout_at(deadline.into(), async {
            loop {
                match events.recv().await {
                    Ok(EngineEvent::MentionsAdded { .. }) => return true,
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(_) => return false,
                }
            }
        })
        .await;
        if !matches!(added, Ok(true)) {
            let have: std::collections::BTreeSet<&str> =
                t.iter().map(|m| m.channel.as_str()).collect();
            bail!("mentions to answer on every network did not arrive from the simulator (only {have:?})");
        }
    };

    let mut rng = SplitMix(seed ^ 0x7e91);
    // Facebook and Instagram take one private reply per comment: each comment gets at most one.
    let mut answered_privately = std::collections::BTreeSet::new();
    let mut by_trouble: BTreeMap<String, usize> = BTreeMap::new();
    let mut bodies = Vec::with_capacity(trials);
    let (mut sent_first_try, mut failed_then_sent, mut left_unsettled) = (0, 0, 0);
    for i in 0..trials {
        let m = &targets[(rng.next_u64() % targets.len() as u64) as usize];
        let rules = earshot_core::channels::reply_rules(m.channel, None);
        let once = matches!(m.channel, Channel::Facebook | Channel::Instagram);
        let private = rng.next_u64().is_multiple_of(2)
            && rules.is_some_and(|r| r.private)
            && !(once && answered_privately.contains(&m.id));
        if private && once {
            answered_privately.insert(m.id);
        }
        let troubles = if faults {
            &TROUBLES[..]
        } else {
            &TROUBLES[..1]
        };
        let mut trouble = troubles[(rng.next_u64() % troubles.len() as u64) as usize];
        // SMTP cannot say whether a message it took landed (see the top of this file).
        while m.channel == Channel::Email
            && matches!(
                trouble,
                Trouble::DropAfterAccept | Trouble::KilledWhileSending
            )
        {
            *by_trouble.entry("EmailRedrawn".into()).or_default() += 1;
            trouble = troubles[(rng.next_u64() % troubles.len() as u64) as usize];
        }
        // On a team a reply left sending by a killed desktop waits for its claim (two minutes)
        // to run out before another settles it: `tests/team_outbox.rs` covers that.
        while racer.is_some() && trouble == Trouble::KilledWhileSending {
            trouble = troubles[(rng.next_u64() % troubles.len() as u64) as usize];
        }
        *by_trouble.entry(format!("{trouble:?}")).or_default() += 1;
        let body = format!("Trial {i}: sorry about that, we are on it.");
        let fault = match trouble {
            Trouble::None => Fault::None,
            Trouble::DropAfterAccept => Fault::DropAfterAccept,
            Trouble::ServerError => Fault::ServerError,
            Trouble::Unavailable => Fault::Unavailable,
            Trouble::Hang => Fault::Timeout,
            Trouble::KilledWhileSending => Fault::AcceptThenHang,
        };
        sim.faults
            .set(
                "replies",
                FaultSpec {
                    times: Some(1),
                    delay_ms: Some(3_000),
                    ..FaultSpec::new(fault)
                },
            )
            .map_err(anyhow::Error::msg)?;
        let key = earshot_core::engine::idempotency_key(m.channel);
        let (mid, text, now) = (m.id, body.clone(), Clock::system().now());
        let queued = engine
            .db()
            .write(move |s| s.queue_reply(mid, private, &text, &key, now))
            .await?;
        let first = if trouble == Trouble::KilledWhileSending {
            // Earshot dies after the network took the reply and before it recorded the answer:
            // the send is dropped mid-flight, and the restart's outbox recovery runs.
            let writes_before = sim.social.writes().len();
            let e = engine.clone();
            let id = queued.id;
            let send = tokio::spawn(async move { e.send(id).await });
            let deadline = Instant::now() + Duration::from_secs(10);
            while sim.social.writes().len() == writes_before {
                if Instant::now() > deadline {
                    bail!("trial {i}: the reply never reached the simulator");
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            send.abort();
            let _ = send.await;
            engine.resume_outbox().await?;
            let id = queued.id;
            engine.db().read(move |s| s.reply(id)).await?
        } else {
            race(&engine, racer.as_ref(), queued.id).await?
        };
        match first.state {
            ReplyState::Sent => sent_first_try += 1,
            ReplyState::Failed => {
                // The owner sees the failure and presses Retry.
                sim.faults
                    .set("replies", FaultSpec::new(Fault::None))
                    .map_err(anyhow::Error::msg)?;
                let again = race(&engine, racer.as_ref(), queued.id).await?;
                if again.state == ReplyState::Sent {
                    failed_then_sent += 1;
                } else {
                    eprintln!(
                        "earshot: trial {i} ({} {}): the retry ended {:?}: {}",
                        m.channel.as_str(),
                        if private { "private" } else { "public" },
                        again.state,
                        again.error.as_deref().unwrap_or("")
                    );
                    left_unsettled += 1;
                }
            }
            _ => left_unsettled += 1,
        }
        bodies.push(body);
    }
    sim.faults
        .set("replies", FaultSpec::new(Fault::None))
        .map_err(anyhow::Error::msg)?;

    // What the networks actually posted, per trial.
    let mut posted: BTreeMap<String, usize> = BTreeMap::new();
    for w in sim.social.writes().into_iter().filter(|w| w.accepted) {
        let text = w.body["status"]
            .as_str()
            .or_else(|| w.body["record"]["text"].as_str())
            .or_else(|| w.body["message"]["text"].as_str())
            // The Page and Instagram (replies, private replies) and Google (review replies).
            .or_else(|| w.body["message"].as_str())
            .or_else(|| w.body["text"].as_str())
            .or_else(|| w.body["comment"].as_str())
            .unwrap_or("");
        if let Some(at) = text.find("Trial ") {
            *posted.entry(text[at..].to_string()).or_default() += 1;
        }
    }
    let posted_twice = posted.values().filter(|n| **n > 1).count();
    let never_posted = bodies.iter().filter(|b| !posted.contains_key(*b)).count();
    // Which desktop won the races (each reply records who sent it).
    let mut won_by = BTreeMap::new();
    if let Some((_, address, _)) = &other {
        let db = address.connect().await?;
        for r in db
            .query(
                "SELECT m.name, count(*) FROM outbox o JOIN team_members m ON m.id = o.sent_by \
                 WHERE o.state = 'sent' GROUP BY m.name",
                &[],
            )
            .await?
        {
            won_by.insert(r.get::<_, String>(0), r.get::<_, i64>(1));
        }
    }
    if let Some(l) = listening {
        l.stop().await;
    }
    engine.shutdown();
    if let (Some(server), Some((other, _, _))) = (team, other) {
        other.shutdown();
        drop((engine, other));
        let server = server.to_string();
        let dropped = tokio::task::spawn_blocking(move || -> Result<()> {
            let mut admin = earshot_core::team::TeamAddress::parse(&server)?.connect_blocking()?;
            admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS earshot_bench_trial_replies_{} WITH (FORCE)",
                std::process::id()
            ))?;
            Ok(())
        })
        .await?;
        if let Err(e) = dropped {
            eprintln!("earshot: the trial's database was left behind: {e:#}");
        }
    }
    Ok(Outcome {
        trials,
        by_trouble,
        sent_first_try,
        failed_then_sent,
        posted_twice,
        never_posted,
        left_unsettled,
        won_by,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Sends a reply from this desktop, and at the same moment from the other with `racer`; the
/// reply as it ended.
async fn race(
    engine: &Engine,
    racer: Option<&Engine>,
    id: i64,
) -> Result<earshot_core::model::Reply> {
    let Some(other) = racer else {
        return Ok(engine.send(id).await?);
    };
    let (a, b) = tokio::join!(engine.send(id), other.send(id));
    a?;
    b?;
    Ok(engine.db().read(move |s| s.reply(id)).await?)
}

/// Two desktops on a fresh team database: Ana's and Ben's stores.
struct Team {
    address: earshot_core::team::TeamAddress,
    members: (i64, i64),
    dbs: (Db, Db),
}

impl Team {
    async fn join(server: &str, dir: &std::path::Path) -> Result<Team> {
        use earshot_core::team::{members, schema};
        let s = server.to_string();
        let address = tokio::task::spawn_blocking(move || -> Result<_> {
            // Its own database, so that trials can run side by side; dropped at the end.
            let name = format!("trial_replies_{}", std::process::id());
            let address = crate::bench::scratch(&s, &name, true)?;
            schema::migrate(&mut address.connect_blocking()?)?;
            Ok(address)
        })
        .await??;
        let db = address.connect().await?;
        let ana = members::join(&db, "Ana", "trial-desk-ana").await?.id;
        let ben = members::join(&db, "Ben", "trial-desk-ben").await?.id;
        let (a, d) = (address.clone(), dir.to_path_buf());
        let dbs = tokio::task::spawn_blocking(move || -> Result<_> {
            Ok((
                Db::open_team(&a, Some(ana), &d.join("ana"))?,
                Db::open_team(&a, Some(ben), &d.join("ben"))?,
            ))
        })
        .await??;
        Ok(Team {
            address,
            members: (ana, ben),
            dbs,
        })
    }
}

/// The trials as a figure; an error when a reply was posted twice or left unsettled.
pub async fn bench(trials: usize, seed: u64, team: Option<&str>, faults: bool) -> Result<Figure> {
    let o = run(trials.max(1), seed, team, faults)
        .await
        .context("reply trials")?;
    let mut fields = serde_json::Map::new();
    for (k, v) in [
        ("trials", json!(o.trials)),
        ("faults", json!(o.by_trouble)),
        ("sent_first_try", json!(o.sent_first_try)),
        ("failed_then_sent_on_retry", json!(o.failed_then_sent)),
        ("posted_twice", json!(o.posted_twice)),
        ("never_posted", json!(o.never_posted)),
        ("left_unsettled", json!(o.left_unsettled)),
        ("team", json!(team.is_some())),
        ("sent_by", json!(o.won_by)),
        ("seconds", json!((o.seconds * 10.0).round() / 10.0)),
    ] {
        fields.insert(k.into(), v);
    }
    let text = format!(
        "{}{} trials: {} sent at once, {} failed visibly then sent on retry, {} posted twice, {} never posted, {} unsettled ({:.0} s; {:?}{})",
        if team.is_some() { "two desktops racing, " } else { "" },
        o.trials, o.sent_first_try, o.failed_then_sent, o.posted_twice, o.never_posted,
        o.left_unsettled, o.seconds, o.by_trouble,
        if o.won_by.is_empty() { String::new() } else { format!("; sent by {:?}", o.won_by) }
    );
    let fig = Figure {
        name: "replies".into(),
        unit: "replies",
        fields,
        text,
    };
    if o.posted_twice > 0 || o.never_posted > 0 || o.left_unsettled > 0 {
        crate::bench::print(&[fig], false);
        bail!(
            "the reply trials failed: {} posted twice, {} never posted, {} unsettled",
            o.posted_twice,
            o.never_posted,
            o.left_unsettled
        );
    }
    Ok(fig)
}
