//! `earshot login mastodon|bluesky` and `earshot logout`: the desktop app's logins, for a
//! headless machine. The token or session goes to the system keychain, the source in the data
//! folder's database names the account, and `earshot watch` then listens with it.

use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use earshot_core::alerts::Silent;
use earshot_core::clock::Clock;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::Source;
use earshot_core::secrets::{Keychain, Secrets};
use earshot_core::store::db::Db;

/// The networks `earshot login` signs in to.
#[derive(Subcommand)]
pub enum Network {
    /// Mastodon: prints an address to open in a browser, then waits for the browser to come
    /// back to Earshot, or for the code pasted on standard input.
    Mastodon {
        /// The instance, e.g. https://mastodon.social.
        #[arg(long)]
        instance: String,
        /// The source to log in (created when there is none of that name).
        #[arg(long, default_value = "")]
        source: String,
    },
    /// Bluesky: reads an app password (Bluesky → Settings → Privacy and security → App
    /// passwords) from standard input; it is used once and not kept.
    Bluesky {
        /// Your handle, e.g. brightside.bsky.social.
        #[arg(long)]
        handle: String,
        /// The source to log in (created when there is none of that name).
        #[arg(long, default_value = "")]
        source: String,
        /// Another server than Bluesky's (the simulator, a self-hosted PDS).
        #[arg(long)]
        server: Option<String>,
    },
}

/// An engine on the data folder that keeps secrets in the system keychain, after checking the
/// keychain answers: a login that could not be kept would be lost when the command ends.
async fn engine(data_dir: Option<PathBuf>) -> Result<(Engine, Secrets)> {
    let secrets = Secrets::new(Keychain);
    if let Err(e) = secrets.check().await {
        bail!(
            "{e}. Earshot keeps logins only in the system keychain (the Secret Service on Linux: \
             GNOME Keyring or KWallet, unlocked in your session). Without one, `earshot watch` \
             listens without accounts: hashtags and public streams, no mentions of your account \
             and no replies."
        );
    }
    let dir = earshot_core::data_dir(data_dir);
    let db =
        Db::open(&dir).with_context(|| format!("opening the database in {}", dir.display()))?;
    let engine = Engine::with_secrets(db, Arc::new(Silent), Clock::system(), secrets.clone());
    Ok((engine, secrets))
}

fn done(source: &Source) {
    eprintln!(
        "earshot: logged in as {}; source {:?} listens with the account (its login is in the \
         system keychain). In a config file, keep `name = {:?}` on that source.",
        source.spec.account.as_deref().unwrap_or("?"),
        source.spec.name,
        source.spec.name
    );
}

/// Runs `earshot login NETWORK`.
pub async fn login(network: Network, data_dir: Option<PathBuf>) -> Result<()> {
    let (engine, _) = engine(data_dir).await?;
    let result = match network {
        Network::Bluesky {
            handle,
            source,
            server,
        } => {
            eprintln!("earshot: app password for {handle} (read from standard input):");
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the app password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            if password.is_empty() {
                bail!("no app password on standard input");
            }
            engine
                .login_bluesky(&source, &handle, password, server)
                .await
                .map_err(anyhow::Error::from)
        }
        Network::Mastodon { instance, source } => mastodon(&engine, &source, &instance).await,
    };
    engine.shutdown();
    done(&result?);
    Ok(())
}

/// A Mastodon login: the browser comes back to Earshot's loopback address, or the owner pastes
/// the code (or the whole address the browser shows) on standard input.
async fn mastodon(engine: &Engine, source: &str, instance: &str) -> Result<Source> {
    let mut events = engine.subscribe();
    let (flow, url) = engine.begin_mastodon_login(source, instance).await?;
    eprintln!(
        "earshot: open this address in a browser and approve Earshot:\n\n  {url}\n\n\
         If the browser cannot come back to this computer, paste the code it shows here."
    );
    let (tx, mut pasted) = tokio::sync::mpsc::unbounded_channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            if !line.trim().is_empty() && tx.send(line).is_err() {
                break;
            }
        }
    });
    loop {
        tokio::select! {
            Some(line) = pasted.recv() => {
                if let Err(e) = engine.finish_login(flow, &line) {
                    eprintln!("earshot: {e}");
                }
            }
            ev = events.recv() => match ev {
                Ok(EngineEvent::LoginFinished { source: Some(s), .. }) => return Ok(s),
                Ok(EngineEvent::LoginFinished { error, .. }) => {
                    bail!("the login did not finish: {}", error.unwrap_or_default())
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(tokio::sync::broadcast::error::RecvError::Closed) => bail!("the engine stopped"),
            }
        }
    }
}

/// Runs `earshot logout --source NAME`: the login leaves the keychain; the source keeps
/// listening without it.
pub async fn logout(source: &str, data_dir: Option<PathBuf>) -> Result<()> {
    let (engine, _) = engine(data_dir).await?;
    let found = engine
        .sources()
        .await?
        .into_iter()
        .find(|s| s.spec.name == source)
        .with_context(|| format!("no source named {source:?}"))?;
    let after = engine.logout(found.id).await;
    engine.shutdown();
    let after = after?;
    eprintln!(
        "earshot: logged out; source {:?} listens without an account",
        after.spec.name
    );
    Ok(())
}
