//! `earshot watch`: listen to the configured sources (or the demo's simulator), alone or as
//! one desktop of a team, and print what is stored.

use super::*;

/// Runs until Ctrl-C.
pub(crate) async fn watch(
    config: Option<PathBuf>,
    demo: bool,
    data_dir: Option<PathBuf>,
    jsonl: bool,
    team: Option<team::Joining>,
) -> Result<()> {
    let dir = earshot_core::data_dir(data_dir);
    let (db, member) = match &team {
        None => (
            Db::open(&dir).with_context(|| format!("opening the database in {}", dir.display()))?,
            None,
        ),
        Some(j) => {
            let (db, address, member) = team::join(&j.url, &j.name, &dir).await?;
            (db, Some((address, member, j.lease)))
        }
    };
    // The demo's logins are to the simulator: they stay in memory. Real ones go to the keychain.
    let engine = if demo {
        Engine::new(db, Arc::new(Silent), Clock::system())
    } else {
        Engine::with_secrets(
            db,
            Arc::new(Silent),
            Clock::system(),
            earshot_core::secrets::Secrets::new(earshot_core::secrets::Keychain),
        )
    };
    let mut _sim = None;
    let cfg = if demo {
        let sim = Sim::start(SimOptions::default())
            .await
            .context("starting the simulator")?;
        // As in the desktop demo: streaming also for the moment before the demo signs in.
        sim.social.allow_anonymous_streaming(true);
        let cfg = Config::parse(&sim.config_toml())?;
        eprintln!("earshot: demo mode, simulator at {}", sim.base_url);
        _sim = Some(sim);
        cfg
    } else {
        Config::load(
            config
                .as_deref()
                .context("--config is required without --demo")?,
        )?
    };
    engine.apply_config(&cfg).await?;
    let mut events = engine.subscribe();
    engine.start().await?;
    if let Some(sim) = &_sim {
        sign_in_to(&engine, sim).await;
    }
    let listening = match member {
        None => None,
        Some((address, member, lease)) => {
            eprintln!(
                "earshot: listening as {} for the team at {address}",
                member.name
            );
            let l = engine
                .listen_as_team(address, member.id, team::timing(lease))
                .await?;
            tokio::spawn(team::say_changes(engine.clone(), l.changes()));
            Some(l)
        }
    };
    eprintln!(
        "earshot: watching {} source(s), data in {}",
        cfg.sources.len(),
        dir.display()
    );
    let names: std::collections::HashMap<i64, String> = engine
        .sources()
        .await?
        .into_iter()
        .map(|s| (s.id, s.spec.name))
        .collect();
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            ev = events.recv() => match ev {
                Ok(EngineEvent::MentionsAdded { mentions }) => {
                    let mut out = std::io::stdout().lock();
                    for m in &mentions {
                        if jsonl {
                            writeln!(out, "{}", jsonl_line(m))?;
                        } else {
                            writeln!(out, "[{:>3}] {} · {} · {}", m.triage.urgency, m.channel.label(), m.author.handle,
                                m.full_text().lines().next().unwrap_or(""))?;
                        }
                    }
                    out.flush()?;
                }
                Ok(EngineEvent::SourceHealth { source_id, health }) => {
                    let name = names.get(&source_id).map(String::as_str).unwrap_or("?");
                    match health {
                        Health::Error { reason, .. } => eprintln!("earshot: source {name:?} failed: {reason}"),
                        Health::NeedsLogin { reason, .. } => eprintln!("earshot: source {name:?} stopped until you log in again: {reason}"),
                        Health::Limited { reason, .. } => eprintln!("earshot: source {name:?} is working, {reason}"),
                        Health::RateLimited { until } => eprintln!("earshot: source {name:?} rate limited until {}", chrono_rfc3339(until)),
                        _ => {}
                    }
                }
                Ok(_) => {}
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => eprintln!("earshot: {n} events skipped (output too slow)"),
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    }
    // A desktop that quits hands its sources to the others at once.
    if let Some(l) = listening {
        l.stop().await;
    }
    engine.shutdown();
    Ok(())
}
