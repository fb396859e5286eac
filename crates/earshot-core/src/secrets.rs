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
/// it can hear without the login instead of stopping.
pub fn listening_without(acct: &str, e: &SecretError) -> String {
    format!(
        "listening without the account {acct} until the keychain answers: {e}; it is asked again \
         every {KEYCHAIN_AGAIN_SECS} s"
    )
}

/// How long a source that found the keychain unavailable listens without its account before it
/// asks the keychain again.
pub const KEYCHAIN_AGAIN_SECS: i64 = 60;

/// When a source whose keychain failed asks it again (a keyring restarting, one unlocked only
/// after the app started): until then it listens without its account, and then picks the account
/// up again by itself, with no restart and no new login.
#[derive(Debug, Default, Clone, Copy)]
pub struct AskAgain(Option<i64>);

impl AskAgain {
    /// Whether the keychain may be asked at `now`.
    pub fn due(&self, now: i64) -> bool {
        self.0.is_none_or(|at| now >= at)
    }

    /// The keychain failed at `now`.
    pub fn failed(&mut self, now: i64) {
        self.0 = Some(now.saturating_add(KEYCHAIN_AGAIN_SECS));
    }

    /// The keychain answered.
    pub fn answered(&mut self) {
        self.0 = None;
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
}
