//! `earshot trial`: the reliability trials. Unlike the benchmarks they do not measure speed; they
//! break things on purpose (kill `earshot watch`, drop and stall the network under replies) and
//! check that nothing is lost, duplicated or left in an unknown state. RELIABILITY.md has the
//! results.

mod crash;
mod replies;
mod team;

use anyhow::Result;
use clap::Subcommand;

/// Which trial.
#[derive(Subcommand)]
pub enum Which {
    /// `earshot watch` killed with SIGKILL at random moments and restarted while posts keep
    /// arriving; then every post must be stored exactly once, the database intact.
    Crash {
        /// How many times to kill it.
        #[arg(long, default_value_t = 50)]
        kills: usize,
        /// Scripted posts per simulated source.
        #[arg(long, default_value_t = 60)]
        count: usize,
        /// The simulator's seed (and the kill moments').
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also kill the Secret Service (the process owning org.freedesktop.secrets on the
        /// session bus) this many times, at random moments of a watch's life. Only on a bus
        /// with a throwaway keyring (`./dev keyring`, which sets EARSHOT_THROWAWAY_KEYRING).
        #[arg(long, default_value_t = 0)]
        keychain_kills: usize,
    },
    /// Replies sent through dropped connections, 5xx, hangs and kills, then retried: each must
    /// be posted at most once and end visibly sent or failed.
    Replies {
        /// How many replies to try.
        #[arg(long, default_value_t = 1_000)]
        trials: usize,
        /// Seed for the choice of faults.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Two desktops on a team's PostgreSQL server (postgres://user:password@host/any; the
        /// trial makes its own database, `earshot_bench_trial_replies_PID`, and drops it at the
        /// end) send every reply and every retry at the same moment.
        #[arg(long)]
        team: Option<String>,
        /// No network troubles: only the race (with --team).
        #[arg(long)]
        no_faults: bool,
    },
    /// Two or three `earshot watch --team` desktops on one PostgreSQL database; the one
    /// listening for the most sources killed with SIGKILL at random moments and restarted:
    /// another must take its sources over, every post stored once, each source polled by one.
    Team {
        /// A PostgreSQL server (postgres://user:password@host/any); the trial makes its own
        /// database there, `earshot_bench_trial_team`.
        #[arg(long)]
        db: String,
        /// How many desktops.
        #[arg(long, default_value_t = 3)]
        engines: usize,
        /// How many times to kill the listening one.
        #[arg(long, default_value_t = 20)]
        kills: usize,
        /// Scripted posts per simulated source.
        #[arg(long, default_value_t = 60)]
        count: usize,
        /// The simulator's seed (and the kill moments').
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// How long a hold on a source lasts unless renewed (15 in the app).
        #[arg(long, default_value_t = 2)]
        lease_secs: u64,
    },
}

/// Runs one trial and prints its figure.
pub fn run(rt: &tokio::runtime::Runtime, which: Which, json: bool) -> Result<()> {
    let figure = match which {
        Which::Crash {
            kills,
            count,
            seed,
            keychain_kills,
        } => rt.block_on(crash::bench(kills, count, seed, keychain_kills))?,
        Which::Replies {
            trials,
            seed,
            team,
            no_faults,
        } => rt.block_on(replies::bench(trials, seed, team.as_deref(), !no_faults))?,
        Which::Team {
            db,
            engines,
            kills,
            count,
            seed,
            lease_secs,
        } => rt.block_on(team::bench(&db, engines, kills, count, seed, lease_secs))?,
    };
    crate::bench::print(&[figure], json);
    Ok(())
}
