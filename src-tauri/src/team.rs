//! Settings → "Share with a team": joining a team's database (the first desktop brings its
//! inbox), leaving it, and who listens for which source. The engine is replaced in place, so
//! the window stays open and reloads (`engine-resync`); the team's password goes to the
//! keychain, the address without it to `team.json` in the data folder.

use std::path::Path;

use anyhow::Context;
use earshot_core::engine::Engine;
use earshot_core::membership::{self, password_key, Membership};
use earshot_core::model::{SourceListener, TeamLook, TeamStatus};
use earshot_core::pipeline::team::Listening;
use earshot_core::secrets::{Keychain, Secrets};
use earshot_core::store::db::{Db, DB_FILE};
use earshot_core::store::pg::PgStore;
use earshot_core::team::lease::{self, Timing};
use earshot_core::team::members::{self, Member};
use earshot_core::team::TeamAddress;
use tauri::{AppHandle, Emitter, Runtime, State};

use crate::commands::CmdError;
use crate::AppState;

/// A team's database joined at start; the engine on it does not listen yet.
pub struct Opened {
    membership: Membership,
    address: TeamAddress,
    member: Member,
}

impl Opened {
    /// Starts listening as this desktop's member (the engine is started).
    pub async fn listen(self, engine: &Engine) -> anyhow::Result<Session> {
        let listening = engine
            .listen_as_team(self.address.clone(), self.member.id, Timing::default())
            .await?;
        Ok(Session {
            membership: self.membership,
            address: self.address,
            member: self.member,
            listening,
        })
    }
}

/// This desktop on its team: listening, holding the leases of the sources it hears.
pub struct Session {
    pub membership: Membership,
    address: TeamAddress,
    pub member: Member,
    listening: Listening,
}

impl Session {
    /// Gives this desktop's sources back to the team (the others take them at once).
    pub async fn stop(self) {
        self.listening.stop().await;
    }
}

/// Before Earshot quits: stops listening and gives this desktop's sources back to the team at
/// once (the others take them now, not when the leases run out).
pub fn quit(state: &AppState) {
    state.engine().shutdown();
    let session = tauri::async_runtime::block_on(async { state.team.lock().await.take() });
    if let Some(s) = session {
        // A database out of reach is not waited on: the leases run out by themselves.
        let stopped = std::time::Duration::from_secs(3);
        let _ = tauri::async_runtime::block_on(tokio::time::timeout(stopped, s.stop()));
    }
}

/// The team this data folder is on, joined (its store and this desktop's member), or `None`.
pub async fn open(dir: &Path, secrets: &Secrets) -> anyhow::Result<Option<(Db, Opened)>> {
    let Some(membership) = Membership::load(dir)? else {
        return Ok(None);
    };
    let address = TeamAddress::parse(&membership.address)?;
    // A server that takes this computer without a password (on it, or trusting its address)
    // needs no keychain; any other says why it refused.
    let (password, keychain) = match secrets.get(&password_key(&address)).await {
        Ok(p) => (p, None),
        Err(e) => (None, Some(e)),
    };
    let address = address.with_password(password.as_deref());
    let joined = membership::join(&address, &membership.name, dir, false)
        .await
        .map_err(|e| match &keychain {
            Some(k) => anyhow::Error::new(e).context(format!(
                "the team database's password could not be read from the keychain ({k})"
            )),
            None => anyhow::Error::new(e),
        })
        .with_context(|| {
            format!(
                "this computer is on the team at {address} ({} in the data folder), which cannot be reached",
                membership::TEAM_FILE
            )
        })?;
    Ok(Some((
        joined.db,
        Opened {
            membership,
            address,
            member: joined.member,
        },
    )))
}

fn team_error(e: impl std::fmt::Display) -> CmdError {
    CmdError::new("team", e.to_string())
}

/// An address typed in Settings, with the password typed beside it (or the one in the address).
fn address(text: &str, password: Option<&str>) -> Result<TeamAddress, CmdError> {
    let a = TeamAddress::parse(text).map_err(team_error)?;
    Ok(match password.filter(|p| !p.is_empty()) {
        Some(p) => a.with_password(Some(p)),
        None => a,
    })
}

/// This desktop's team, who is on it and who listens for each source.
#[tauri::command]
pub async fn team_status(state: State<'_, AppState>) -> Result<TeamStatus, CmdError> {
    let own_file = state.data_dir.join(DB_FILE).display().to_string();
    let team = state.team.lock().await;
    let Some(session) = team.as_ref() else {
        return Ok(TeamStatus {
            address: None,
            name: None,
            members: Vec::new(),
            sources: Vec::new(),
            own_file,
        });
    };
    let db = session.address.connect().await.map_err(team_error)?;
    let mut names: Vec<String> = members::list(&db)
        .await
        .map_err(team_error)?
        .into_iter()
        .map(|m| m.name)
        .collect();
    names.dedup();
    let leases = lease::listeners(&db).await.map_err(team_error)?;
    let engine = state.engine();
    let mut sources = Vec::new();
    for s in engine.sources().await? {
        let key = PgStore::lease_key(s.id);
        let holder = leases
            .iter()
            .find(|l| l.source == key && l.expires_in > 0.0);
        sources.push(SourceListener {
            source_id: s.id,
            source: s.spec.name.clone(),
            listener: holder.map(|l| l.name.clone()),
            here: holder.is_some_and(|l| l.member == session.member.id),
            can_listen_here: engine.can_listen(&s.spec).await,
        });
    }
    Ok(TeamStatus {
        address: Some(session.membership.address.clone()),
        name: Some(session.member.name.clone()),
        members: names,
        sources,
        own_file,
    })
}

/// What is at a team's address: whether it already has an inbox, and who is on it.
#[tauri::command]
pub async fn look_at_team(address: String, password: Option<String>) -> Result<TeamLook, CmdError> {
    let a = self::address(&address, password.as_deref())?;
    let found = membership::look(&a).await.map_err(team_error)?;
    Ok(TeamLook {
        address: a.to_string(),
        mentions: found.mentions,
        members: found.members,
        encrypted: !a.is_local(),
    })
}

/// Joins the team at `address` as `name`; with `bring_inbox` (only into a team database without
/// an inbox) this desktop's mentions, sources, replies and settings move in, and the file stays
/// as it was. The engine moves onto the team's database; the window reloads.
#[tauri::command]
pub async fn join_team<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    address: String,
    password: Option<String>,
    name: String,
    bring_inbox: bool,
) -> Result<TeamStatus, CmdError> {
    if state.demo {
        return Err(team_error("the demo cannot join a team"));
    }
    if state.team.lock().await.is_some() {
        return Err(team_error(
            "this desktop is on a team already: leave it first",
        ));
    }
    let a = self::address(&address, password.as_deref())?;
    let dir = state.data_dir.clone();
    // Nothing is stored while the inbox moves.
    let solo = state.engine();
    solo.shutdown();
    let joined = async {
        drop(membership::join(&a, &name, &dir, bring_inbox).await?);
        if let Some(p) = a.password() {
            Secrets::new(Keychain)
                .set(&password_key(&a), p.to_string())
                .await
                .context("keeping the team database's password in the system keychain")?;
        }
        Membership {
            address: a.to_string(),
            name: name.trim().to_string(),
            joined_at: chrono::Utc::now().timestamp(),
        }
        .save(&dir)?;
        replace_engine(&app, &state).await
    }
    .await;
    if let Err(e) = joined {
        let _ = Membership::remove(&dir);
        if let Err(again) = solo.start().await {
            tracing::warn!(error = %again, "could not start listening again after a failed join");
        }
        return Err(team_error(format!("{e:#}")));
    }
    tracing::info!(team = %a, "joined the team");
    team_status(state).await
}

/// Leaves the team: this desktop works alone again on its own file (as it was when it joined);
/// the team keeps the shared inbox.
#[tauri::command]
pub async fn leave_team<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<TeamStatus, CmdError> {
    let Some(address) = state.team.lock().await.as_ref().map(|s| s.address.clone()) else {
        return Err(team_error("this desktop is not on a team"));
    };
    Membership::remove(&state.data_dir).map_err(team_error)?;
    if let Err(e) = Secrets::new(Keychain).delete(&password_key(&address)).await {
        tracing::warn!(error = %e, "the team's password stays in the keychain");
    }
    replace_engine(&app, &state)
        .await
        .map_err(|e| team_error(format!("{e:#}")))?;
    team_status(state).await
}

/// Tells the team this person began (`open`) or stopped writing a reply to a mention: the
/// others show "Ana is replying…". Nothing to tell on a desktop of one's own.
#[tauri::command]
pub async fn set_composing(
    state: State<'_, AppState>,
    mention_id: i64,
    open: bool,
) -> Result<(), CmdError> {
    let team = state.team.lock().await;
    if let Some(s) = team.as_ref() {
        s.listening
            .composing(mention_id, open, &s.member.name)
            .await
            .map_err(team_error)?;
    }
    Ok(())
}

/// Stops the engine in use (giving its sources back to the team) and starts one on the
/// database the data folder names now; the window reloads.
async fn replace_engine<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> anyhow::Result<()> {
    state.engine().shutdown();
    let old = state.team.lock().await.take();
    if let Some(s) = old {
        s.stop().await;
    }
    let (engine, opened) = crate::open_engine(app, &state.opts, &state.data_dir).await?;
    engine.start().await?;
    let session = match opened {
        Some(o) => Some(o.listen(&engine).await?),
        None => None,
    };
    let rx = engine.subscribe();
    state.replace(engine.clone(), session).await;
    crate::events::forward(app.clone(), engine.clone(), rx, state.generation());
    let _ = app.emit(crate::events::RESYNC_EVENT, ());
    if let Ok(c) = engine.counts().await {
        crate::tray::set_count(app, c.unread_urgent);
    }
    Ok(())
}
