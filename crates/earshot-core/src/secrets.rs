//! Secrets — access tokens, sessions, app registrations — live in the OS keychain (macOS
//! Keychain, Windows Credential Manager, the Secret Service on Linux) through the keyring crate,
//! never in SQLite, the config file or logs. Tests and the offline demo use [`MemorySecrets`].
//!
//! Keys name what a secret opens (`mastodon:owner@example.social`), never the secret itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The keychain service name Earshot's entries are filed under.
pub const SERVICE: &str = "app.earshot.Earshot";

/// Why a secret could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// The platform keychain is missing or refused (no Secret Service running, locked...).
    #[error("the system keychain is not available: {0}")]
    Unavailable(String),
}

/// Where secrets are kept.
pub trait SecretStore: Send + Sync {
    /// The secret under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, SecretError>;
    /// Saves (or replaces) the secret under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), SecretError>;
    /// Forgets the secret under `key` (no error when there was none).
    fn delete(&self, key: &str) -> Result<(), SecretError>;
}

/// The OS keychain.
#[derive(Debug, Default, Clone, Copy)]
pub struct Keychain;

impl Keychain {
    fn entry(key: &str) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(SERVICE, key).map_err(unavailable)
    }
}

fn unavailable(e: keyring::Error) -> SecretError {
    // keyring's errors describe the platform failure, never the secret.
    SecretError::Unavailable(e.to_string())
}

impl Keychain {
    /// Whether the system keychain answers (a look-up of an entry no one writes).
    pub fn check(&self) -> Result<(), SecretError> {
        self.get("earshot:probe").map(|_| ())
    }
}

impl SecretStore for Keychain {
    fn get(&self, key: &str) -> Result<Option<String>, SecretError> {
        match Keychain::entry(key)?.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SecretError> {
        Keychain::entry(key)?
            .set_password(value)
            .map_err(unavailable)
    }
    fn delete(&self, key: &str) -> Result<(), SecretError> {
        match Keychain::entry(key)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }
}

/// Secrets in memory only, gone when the process ends: tests and the simulated demo.
#[derive(Debug, Default, Clone)]
pub struct MemorySecrets {
    map: Arc<Mutex<HashMap<String, String>>>,
}

impl MemorySecrets {
    /// An empty store.
    pub fn new() -> MemorySecrets {
        MemorySecrets::default()
    }
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, String>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl SecretStore for MemorySecrets {
    fn get(&self, key: &str) -> Result<Option<String>, SecretError> {
        Ok(self.map().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SecretError> {
        self.map().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), SecretError> {
        self.map().remove(key);
        Ok(())
    }
}

/// A shared handle whose calls run off the async runtime (keychains block on IPC).
#[derive(Clone)]
pub struct Secrets(Arc<dyn SecretStore>);

impl Secrets {
    /// Wraps a store.
    pub fn new(store: impl SecretStore + 'static) -> Secrets {
        Secrets(Arc::new(store))
    }

    /// Reads a secret.
    pub async fn get(&self, key: &str) -> Result<Option<String>, SecretError> {
        let (s, k) = (self.0.clone(), key.to_string());
        tokio::task::spawn_blocking(move || s.get(&k))
            .await
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
    }

    /// Writes a secret.
    pub async fn set(&self, key: &str, value: String) -> Result<(), SecretError> {
        let (s, k) = (self.0.clone(), key.to_string());
        tokio::task::spawn_blocking(move || s.set(&k, &value))
            .await
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
    }

    /// Whether the store answers at all (a keychain may be missing or locked).
    pub async fn check(&self) -> Result<(), SecretError> {
        self.get("earshot:probe").await.map(|_| ())
    }

    /// Deletes a secret.
    pub async fn delete(&self, key: &str) -> Result<(), SecretError> {
        let (s, k) = (self.0.clone(), key.to_string());
        tokio::task::spawn_blocking(move || s.delete(&k))
            .await
            .map_err(|e| SecretError::Unavailable(e.to_string()))?
    }
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets(..)")
    }
}

/// What a source with an account says when the keychain cannot be reached: it goes on with what
/// it can hear without the login instead of stopping, and asks again after `wait` seconds.
pub fn listening_without(acct: &str, e: &SecretError, wait: i64) -> String {
    let again = match wait {
        ..=59 => format!("{wait} s"),
        60..=119 => "a minute".to_string(),
        _ => format!("{} minutes", wait / 60),
    };
    format!(
        "listening without the account {acct} until the keychain answers: {e}; it is asked again \
         in {again}"
    )
}

/// How long a source that found the keychain unavailable first listens without its account
/// before it asks the keychain again; each failure after that doubles the wait.
pub const KEYCHAIN_AGAIN_SECS: i64 = 60;

/// The longest wait between two questions to a keychain that keeps failing. A locked keyring
/// answers a read with an unlock prompt: an owner who dismissed it is asked at most twice an hour,
/// not every minute.
pub const KEYCHAIN_AGAIN_CAP_SECS: i64 = 30 * 60;

/// When a source whose keychain failed asks it again (a keyring restarting, one unlocked only
/// after the app started): until then it listens without its account, and then picks the account
/// up again by itself, with no restart and no new login. The wait doubles with each failure, from
/// [`KEYCHAIN_AGAIN_SECS`] up to [`KEYCHAIN_AGAIN_CAP_SECS`], and starts again once it answers.
#[derive(Debug, Default, Clone, Copy)]
pub struct AskAgain {
    next: Option<i64>,
    misses: u32,
}

impl AskAgain {
    /// Whether the keychain may be asked at `now`.
    pub fn due(&self, now: i64) -> bool {
        self.next.is_none_or(|at| now >= at)
    }

    /// The keychain failed at `now`: returns how many seconds until it is asked again.
    pub fn failed(&mut self, now: i64) -> i64 {
        let wait = KEYCHAIN_AGAIN_SECS
            .saturating_mul(1 << self.misses.min(16))
            .min(KEYCHAIN_AGAIN_CAP_SECS);
        self.misses = self.misses.saturating_add(1);
        self.next = Some(now.saturating_add(wait));
        wait
    }

    /// The keychain answered.
    pub fn answered(&mut self) {
        *self = AskAgain::default();
    }
}

/// The key a source's credentials are filed under.
pub fn key_for(kind: crate::model::SourceKind, account: &str) -> String {
    format!("{}:{account}", kind.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_secrets_round_trip_and_forget() {
        let s = Secrets::new(MemorySecrets::new());
        assert_eq!(s.get("k").await.unwrap(), None);
        s.set("k", "v".into()).await.unwrap();
        assert_eq!(s.get("k").await.unwrap().as_deref(), Some("v"));
        s.delete("k").await.unwrap();
        s.delete("k").await.unwrap();
        assert_eq!(s.get("k").await.unwrap(), None);
    }

    #[test]
    fn a_failing_keychain_is_asked_again_less_and_less_often_until_it_answers() {
        let mut a = AskAgain::default();
        assert!(a.due(0));
        let mut now = 0;
        let mut waits = vec![];
        for _ in 0..8 {
            let w = a.failed(now);
            assert!(!a.due(now + w - 1), "asked again before its wait is over");
            now += w;
            assert!(a.due(now));
            waits.push(w / 60);
        }
        assert_eq!(waits, [1, 2, 4, 8, 16, 30, 30, 30]);
        a.answered();
        assert!(a.due(now));
        assert_eq!(
            a.failed(now),
            KEYCHAIN_AGAIN_SECS,
            "an answer starts the waits again"
        );
        let e = SecretError::Unavailable("locked".into());
        assert!(listening_without("me", &e, 60).ends_with("asked again in a minute"));
        assert!(listening_without("me", &e, 1800).ends_with("asked again in 30 minutes"));
    }
}
