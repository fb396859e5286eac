//! Logins against the simulator: a pasted code, a renewed session, no keychain, a keychain failing
//! for a moment, and the account's own PDS found from its DID document.

use std::collections::HashMap;
use std::sync::Arc;

use earshot_core::clock::Clock;
use earshot_core::config::Config;
use earshot_core::engine::{Engine, EngineEvent};
use earshot_core::model::{ReplyState, SourceKind};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_core::store::db::Db;
use earshot_sim::social::{BSKY_APP_PASSWORD, BSKY_DID, BSKY_HANDLE};
use earshot_sim::Net;

mod common;
use common::live::*;
use common::{wait_for, Recorder};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_code_completes_a_mastodon_login() {
    let mut s = setup(false).await;
    let (flow, url) = s
        .engine
        .begin_mastodon_login("Pasted", &format!("{}/mastodon", s.sim.base_url))
        .await
        .unwrap();
    assert!(
        url.contains("code_challenge_method=S256") && url.contains("code_challenge="),
        "{url}"
    );
    // The browser could not reach the loopback address; the owner copies where it landed.
    let resp = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(&url)
        .send()
        .await
        .unwrap();
    let landed = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(
        s.engine.finish_login(flow, "").is_err(),
        "an empty paste is refused"
    );
    s.engine.finish_login(flow, &landed).unwrap();
    let source = wait_for(&mut s.rx, "the login", |e| match e {
        EngineEvent::LoginFinished { source, error } => Some((source.clone(), error.clone())),
        _ => None,
    })
    .await;
    let source = source
        .0
        .unwrap_or_else(|| panic!("login failed: {:?}", source.1));
    assert_eq!(source.spec.name, "Pasted");
    assert!(source
        .spec
        .account
        .as_deref()
        .unwrap()
        .starts_with("brightsidecoffee@"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_bluesky_session_is_renewed_once_and_saved() {
    let mut s = setup(true).await;
    let key = earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE);
    let before = earshot_core::secrets::SecretStore::get(&s.secrets, &key)
        .unwrap()
        .unwrap();
    s.sim.social.expire_bluesky_sessions();
    let (_, m) = post_and_wait(
        &mut s,
        Net::Bluesky,
        "late.bsky.social",
        "Brightside Coffee, are you hiring?",
        false,
    )
    .await;
    let r = s
        .engine
        .reply(m.id, "We are! Drop by the café.", false)
        .await
        .unwrap();
    let done = settled(&mut s.rx, r.id).await;
    assert_eq!(done.state, ReplyState::Sent, "{:?}", done.error);
    let after = earshot_core::secrets::SecretStore::get(&s.secrets, &key)
        .unwrap()
        .unwrap();
    assert_ne!(
        before, after,
        "the renewed session replaced the old one in the keychain"
    );
    let accepted = s
        .sim
        .social
        .writes()
        .iter()
        .filter(|w| w.path == "com.atproto.repo.createRecord" && w.accepted)
        .count();
    assert_eq!(accepted, 1, "the renewed session posted exactly once");
}

/// A keychain that cannot be reached (no Secret Service, a locked one): every call fails.
struct NoKeychain;
impl earshot_core::secrets::SecretStore for NoKeychain {
    fn get(&self, _: &str) -> Result<Option<String>, earshot_core::secrets::SecretError> {
        Err(earshot_core::secrets::SecretError::Unavailable(
            "no Secret Service on the session bus".into(),
        ))
    }
    fn set(&self, k: &str, _: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.get(k).map(|_| ())
    }
    fn delete(&self, k: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.get(k).map(|_| ())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logged_in_source_without_a_keychain_listens_without_the_account_and_says_so() {
    let sim = sim_with(3).await;
    // Hashtags stream without a login here (an instance before 4.2), so what is heard without
    // the account arrives as it is posted.
    sim.social.allow_anonymous_streaming(true);
    let tmp = tempfile::tempdir().unwrap();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        Secrets::new(NoKeychain),
    );
    // Both networks' sources name an account, as after a login on a machine whose keychain
    // has since gone away.
    let toml = sim
        .config_toml()
        .replace(
            "name = \"Mastodon (simulated)\"\n",
            "name = \"Mastodon (simulated)\"\naccount = \"brightside\"\n",
        )
        .replace(
            "name = \"Bluesky (simulated)\"\n",
            &format!("name = \"Bluesky (simulated)\"\naccount = \"{BSKY_HANDLE}\"\n"),
        );
    engine
        .apply_config(&Config::parse(&toml).unwrap())
        .await
        .unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    let sources = engine.sources().await.unwrap();
    let id_of = |k: SourceKind| sources.iter().find(|s| s.spec.kind == k).unwrap().id;
    let (masto, bsky) = (id_of(SourceKind::Mastodon), id_of(SourceKind::Bluesky));

    let mut limited = std::collections::HashSet::new();
    wait_for(
        &mut rx,
        "both sources to say they listen without the account",
        |e| {
            if let EngineEvent::SourceHealth { source_id, health } = e {
                assert!(
                    !matches!(health, earshot_core::model::Health::NeedsLogin { .. }),
                    "a missing keychain must not stop the source: {health:?}"
                );
                if let earshot_core::model::Health::Limited { reason, .. } = health {
                    assert!(reason.contains("keychain"), "{reason}");
                    limited.insert(*source_id);
                }
            }
            (limited.contains(&masto) && limited.contains(&bsky)).then_some(())
        },
    )
    .await;

    // What can be heard without the account still is: the hashtag stream and Jetstream.
    let tagged = sim.social.inject(
        Net::Mastodon,
        "tagfan",
        "#brightsidecoffee the new roast is lovely",
        10,
        false,
    );
    let streamed = sim.social.inject(
        Net::Bluesky,
        "someone.bsky.social",
        "Brightside Coffee forgot my order twice",
        10,
        false,
    );
    let mut seen = HashMap::new();
    wait_added(
        &mut rx,
        &[tagged.external_id(), streamed.external_id()],
        &mut seen,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bluesky_login_finds_the_account_s_own_pds_from_its_did_document() {
    let sim = sim_with(3).await;
    let tmp = tempfile::tempdir().unwrap();
    let secrets = MemorySecrets::new();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        Secrets::new(secrets.clone()),
    );
    // Each service named on its own, as against the real network; no PDS: it is found.
    let base = &sim.base_url;
    let ws = base.replacen("http://", "ws://", 1);
    let toml = sim.config_toml().replace(
        &format!("base_url = \"{base}/bsky\"\n"),
        &format!(
            "appview = \"{base}/bsky\"\njetstream = \"{ws}/bsky/subscribe\"\nplc = \"{base}/plc\"\n"
        ),
    );
    let cfg = Config::parse(&toml).unwrap();
    let bsky = cfg
        .sources
        .iter()
        .find(|s| s.kind == SourceKind::Bluesky)
        .unwrap();
    assert!(bsky.base_url.is_none() && bsky.pds.is_none(), "{bsky:?}");
    engine.apply_config(&cfg).await.unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();

    let source = engine
        .login_bluesky("Bluesky (simulated)", BSKY_HANDLE, BSKY_APP_PASSWORD, None)
        .await
        .expect("logs in at the PDS its DID document names");
    assert_eq!(
        source.spec.plc.as_deref(),
        Some(format!("{base}/plc").as_str())
    );
    let session: serde_json::Value = serde_json::from_str(
        &earshot_core::secrets::SecretStore::get(
            &secrets,
            &earshot_core::secrets::key_for(SourceKind::Bluesky, BSKY_HANDLE),
        )
        .unwrap()
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        session["pds"],
        format!("{base}/bsky").as_str(),
        "the session remembers its PDS"
    );
    let paths: Vec<String> = sim.faults.requests().into_iter().map(|r| r.path).collect();
    let at = |p: &str| paths.iter().position(|x| x == p);
    let (resolve, doc, login) = (
        at("/bsky/xrpc/com.atproto.identity.resolveHandle"),
        at(&format!("/plc/{BSKY_DID}")),
        at("/bsky/xrpc/com.atproto.server.createSession"),
    );
    assert!(
        resolve < doc && doc < login && resolve.is_some(),
        "handle → DID → DID document → PDS, in that order: {paths:?}"
    );

    // Logged in on its own PDS: the owner's mentions come through its notifications.
    let curious = sim
        .social
        .posts()
        .into_iter()
        .find(|p| p.handle == "curious.bsky.social")
        .unwrap();
    let mut seen = HashMap::new();
    let m = wait_added(&mut rx, &[curious.external_id()], &mut seen)
        .await
        .remove(0);
    assert!(
        m.remote.to_owner,
        "a reply to the business's post is addressed to it, found through its resolved handle"
    );
}

/// A keychain whose next `fail` reads of the inbox's login fail (a Secret Service restarting, a
/// keyring still being unlocked at login), and every read while `down` (a keyring not yet
/// unlocked when the app started); otherwise it answers from memory, and it keeps what is
/// written.
#[derive(Clone, Default)]
struct StutteringKeychain {
    inner: MemorySecrets,
    fail: Arc<std::sync::atomic::AtomicUsize>,
    down: Arc<std::sync::atomic::AtomicBool>,
}
impl earshot_core::secrets::SecretStore for StutteringKeychain {
    fn get(&self, k: &str) -> Result<Option<String>, earshot_core::secrets::SecretError> {
        use std::sync::atomic::Ordering::SeqCst;
        if self.down.load(SeqCst) {
            return Err(earshot_core::secrets::SecretError::Unavailable(
                "the keyring is locked".into(),
            ));
        }
        if k.starts_with("email:")
            && self
                .fail
                .fetch_update(SeqCst, SeqCst, |n| n.checked_sub(1))
                .is_ok()
        {
            return Err(earshot_core::secrets::SecretError::Unavailable(
                "the Secret Service left the bus during the call".into(),
            ));
        }
        self.inner.get(k)
    }
    fn set(&self, k: &str, v: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.inner.set(k, v)
    }
    fn delete(&self, k: &str) -> Result<(), earshot_core::secrets::SecretError> {
        self.inner.delete(k)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keychain_failing_for_a_moment_is_tried_again_not_taken_for_a_lost_login() {
    use earshot_core::model::Health;
    let sim = sim_with(3).await;
    let tmp = tempfile::tempdir().unwrap();
    let keychain = StutteringKeychain::default();
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::system(),
        Secrets::new(keychain.clone()),
    );
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    // The inbox's first read of its login fails; the keychain is back for the next.
    keychain.fail.store(1, std::sync::atomic::Ordering::SeqCst);
    earshot_core::demo::sign_in_to_email(&engine, &sim.imap_url, &sim.smtp_url)
        .await
        .unwrap();
    let reason = wait_for(
        &mut rx,
        "the inbox to say the keychain failed",
        |e| match e {
            EngineEvent::SourceHealth { health, .. } => {
                assert!(
                    !matches!(health, Health::NeedsLogin { .. }),
                    "a keychain that failed once is no reason to ask for a login: {health:?}"
                );
                match health {
                    Health::Error {
                        reason,
                        retry_at,
                        at,
                    } => Some((reason.clone(), retry_at - at)),
                    _ => None,
                }
            }
            _ => None,
        },
    )
    .await;
    assert!(reason.0.contains("keychain is not available"), "{reason:?}");
    assert!(reason.1 > 0, "a time to try again is given: {reason:?}");
    assert_eq!(keychain.fail.load(std::sync::atomic::Ordering::SeqCst), 0);

    // Tried again, the login is read and the inbox is heard: the scripted mail and a new one.
    let new =
        sim.social
            .mail()
            .inject_text("Ada", "Opening hours", "Is Brightside open on Sunday?");
    let want = mail_ids(&sim);
    assert!(want.contains(&new.message_id));
    let mut seen = HashMap::new();
    wait_for_mail(&mut rx, &want, &mut seen).await;
}

/// Waits for the mail `ids`, failing at once should the inbox be parked waiting for a login.
async fn wait_for_mail(
    rx: &mut tokio::sync::broadcast::Receiver<EngineEvent>,
    ids: &[String],
    seen: &mut HashMap<String, usize>,
) {
    while !ids.iter().all(|id| seen.contains_key(id)) {
        let ms = wait_for(rx, &format!("mail {ids:?}"), |e| match e {
            EngineEvent::MentionsAdded { mentions } => Some(mentions.clone()),
            EngineEvent::SourceHealth { health, .. } => {
                assert!(
                    !matches!(health, earshot_core::model::Health::NeedsLogin { .. }),
                    "{health:?}"
                );
                None
            }
            _ => None,
        })
        .await;
        for m in ms {
            *seen.entry(m.external_id).or_default() += 1;
        }
    }
    assert!(seen.values().all(|n| *n == 1), "each heard once: {seen:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sources_that_found_the_keychain_locked_take_their_accounts_back_when_it_opens() {
    use earshot_core::model::Health;
    use std::sync::atomic::{AtomicI64, Ordering::SeqCst};
    let sim = sim_with(3).await;
    sim.social.allow_anonymous_streaming(true);
    let tmp = tempfile::tempdir().unwrap();
    let keychain = StutteringKeychain::default();
    let clock = Arc::new(AtomicI64::new(chrono::Utc::now().timestamp()));
    let engine = Engine::with_secrets(
        Db::open(tmp.path()).unwrap(),
        Arc::new(Recorder::default()),
        Clock::manual(clock.clone()),
        Secrets::new(keychain.clone()),
    );
    engine
        .apply_config(&Config::parse(&sim.config_toml()).unwrap())
        .await
        .unwrap();
    let mut rx = engine.subscribe();
    engine.start().await.unwrap();
    // The logins are written; the sources they restart cannot read them back.
    keychain.down.store(true, SeqCst);
    sign_in_to_sim(&engine, &sim).await;
    let sources = engine.sources().await.unwrap();
    let id_of = |k: SourceKind| sources.iter().find(|s| s.spec.kind == k).unwrap().id;
    let (masto, bsky) = (id_of(SourceKind::Mastodon), id_of(SourceKind::Bluesky));
    let mut limited = std::collections::HashSet::new();
    wait_for(&mut rx, "both sources to listen without the account", |e| {
        if let EngineEvent::SourceHealth {
            source_id,
            health: Health::Limited { reason, .. },
        } = e
        {
            assert!(reason.contains("asked again"), "{reason}");
            limited.insert(*source_id);
        }
        (limited.contains(&masto) && limited.contains(&bsky)).then_some(())
    })
    .await;

    // The keyring opens. A minute on, each source asks again at its next batch (a post on each
    // network wakes the streams) and listens with its account: a mention of the owner that
    // carries no hashtag is heard only through the account's notifications.
    keychain.down.store(false, SeqCst);
    clock.fetch_add(earshot_core::secrets::KEYCHAIN_AGAIN_SECS + 1, SeqCst);
    let woke = [
        sim.social.inject(
            Net::Mastodon,
            "tagfan",
            "#brightsidecoffee flat white of the week",
            10,
            false,
        ),
        sim.social.inject(
            Net::Bluesky,
            "someone.bsky.social",
            "Brightside Coffee has the best scones",
            10,
            false,
        ),
    ];
    let (mut ok, mut seen) = (std::collections::HashSet::new(), HashMap::new());
    wait_for(&mut rx, "both sources to listen with the account", |e| {
        match e {
            EngineEvent::SourceHealth {
                source_id,
                health: Health::Ok { .. },
            } => {
                ok.insert(*source_id);
            }
            EngineEvent::MentionsAdded { mentions } => {
                for m in mentions {
                    *seen.entry(m.external_id.clone()).or_insert(0) += 1;
                }
            }
            _ => {}
        }
        (ok.contains(&masto) && ok.contains(&bsky)).then_some(())
    })
    .await;
    let to_owner = sim.social.inject(
        Net::Mastodon,
        "regular",
        "@brightsidecoffee are you open on the bank holiday?",
        10,
        true,
    );
    let mut ids: Vec<String> = woke.iter().map(|p| p.external_id()).collect();
    ids.push(to_owner.external_id());
    wait_added(&mut rx, &ids, &mut seen).await;
}
