//! The system keychain for real, through the same backend the desktop app and `earshot` use
//! ([`Keychain`]): a Secret Service on the session bus on Linux. `./dev test` runs this under a
//! private bus with GNOME Keyring unlocked by a test password, and sets
//! `EARSHOT_REQUIRE_KEYCHAIN=1` so that a missing keychain fails instead of skipping.

use earshot_core::secrets::{Keychain, SecretError, SecretStore, Secrets};

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
fn a_login_is_stored_read_replaced_and_deleted_in_the_system_keychain() {
    if !secret_service() {
        return;
    }
    // Through the async handle the engine uses (each call on the blocking pool).
    let rt = tokio::runtime::Runtime::new().unwrap();
    let keychain = Secrets::new(Keychain);
    let key = format!("mastodon:tester{}@example.social", std::process::id());
    // A session as Bluesky's login leaves it: JSON, with characters a naive store would mangle.
    let session = r#"{"accessJwt":"eyJ0eXAi.ü€✓","refreshJwt":"r\"q","handle":"café.bsky.social"}"#;
    rt.block_on(async {
        keychain.set(&key, session.to_string()).await.unwrap();
        assert_eq!(
            keychain.get(&key).await.unwrap().as_deref(),
            Some(session),
            "read back byte for byte"
        );
        keychain.set(&key, "renewed".into()).await.unwrap();
        assert_eq!(
            keychain.get(&key).await.unwrap().as_deref(),
            Some("renewed"),
            "a renewal replaces it"
        );
        keychain.delete(&key).await.unwrap();
        assert_eq!(keychain.get(&key).await.unwrap(), None, "deleted");
        keychain
            .delete(&key)
            .await
            .expect("deleting twice is not an error");
    });
}

#[test]
fn an_unreachable_keychain_is_reported_as_unavailable_without_the_secret() {
    // A session bus address where nothing listens, for a child process only (this process's
    // environment is shared by the other tests).
    if std::env::var_os("EARSHOT_KEYCHAIN_CHILD").is_some() {
        let err = Keychain
            .set("bluesky:someone", "top-secret-value")
            .unwrap_err();
        let SecretError::Unavailable(why) = &err;
        assert!(!why.contains("top-secret-value"), "{why}");
        assert!(
            err.to_string()
                .starts_with("the system keychain is not available"),
            "{err}"
        );
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "an_unreachable_keychain_is_reported_as_unavailable_without_the_secret",
            "--nocapture",
        ])
        .env("EARSHOT_KEYCHAIN_CHILD", "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/earshot-test-bus",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
