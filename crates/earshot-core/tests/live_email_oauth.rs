//! Mailboxes signed in to with OAuth (Gmail and Microsoft accounts without an app password):
//! the browser sign-in, then SASL XOAUTH2 on IMAP and SMTP. Against real Dovecot and Postfix
//! that check each token with the (simulated) Google's tokeninfo endpoint, as Gmail checks its
//! own; and against the simulated provider, where a token revoked mid-listening is renewed with
//! the refresh token without the owner doing anything.

use earshot_core::channels::email::MailSecret;
use earshot_core::engine::EngineEvent;
use earshot_core::model::{ReplyState, SourceKind};
use earshot_core::secrets::{MemorySecrets, Secrets};
use earshot_sim::{Net, Sim};

mod common;
use common::live::settled;
use common::mail::{self, complaint, engine_on, heard, listening, CUSTOMER, CUSTOMER_PW, OWNER};
use common::wait_for;

async fn sim() -> Sim {
    common::live::sim_revealing(None).await
}

/// What the keychain holds for `address`.
async fn kept(secrets: &Secrets, address: &str) -> MailSecret {
    let raw = secrets
        .get(&earshot_core::secrets::key_for(SourceKind::Email, address))
        .await
        .unwrap()
        .expect("the login is in the keychain");
    serde_json::from_str(&raw).unwrap()
}

#[tokio::test]
async fn a_gmail_style_inbox_on_real_servers_signs_in_with_oauth_hears_and_answers() {
    let sim = sim().await;
    let tokeninfo = format!("{}/google/oauth2/v3/tokeninfo?access_token=", sim.base_url);
    let Some(m) = mail::start_with(Some(&tokeninfo)) else {
        return;
    };
    let mut r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    let source = earshot_core::demo::sign_in_to_email_with_google(
        &r.engine,
        &sim.base_url,
        OWNER,
        &m.imap_url(),
        &m.smtp_url(),
    )
    .await
    .expect("the sign-in opens the inbox on both servers");
    assert_eq!(source.spec.account.as_deref(), Some(OWNER));
    let secret = kept(&r.secrets, OWNER).await;
    assert!(secret.password.is_empty(), "no password kept");
    let token = secret.oauth.expect("an OAuth login kept");
    assert!(token.refresh_token.is_some() && token.access_token.starts_with("ya29."));
    listening(&mut r.rx).await;

    m.customer_writes(&complaint(
        "oauth1@example.test",
        "Cold brew was warm",
        "The cold brew I picked up was warm and flat.",
    ))
    .await;
    let heard = heard(&mut r.rx, "<oauth1@example.test>").await;
    let reply = r
        .engine
        .reply(heard.id, "Sorry Rita, the next one is on us.", true)
        .await
        .unwrap();
    let done = settled(&mut r.rx, reply.id).await;
    assert_eq!(
        done.state,
        ReplyState::Sent,
        "sent through XOAUTH2: {done:?}"
    );
    let inbox = m.folder(CUSTOMER, CUSTOMER_PW, "INBOX").await;
    assert_eq!(inbox.len(), 1, "one reply reached the customer");
    assert!(inbox[0].0.contains("In-Reply-To: <oauth1@example.test>"));
    let log = std::fs::read_to_string(m.dir().join("dovecot.log")).unwrap();
    assert!(
        log.contains(&format!("user=<{OWNER}>, method=XOAUTH2")),
        "Dovecot saw XOAUTH2 logins"
    );
    assert!(!log.contains(&token.access_token), "no token in the log");
}

#[tokio::test]
async fn a_token_revoked_while_listening_is_renewed_and_nothing_is_missed() {
    let sim = sim().await;
    let mut r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    earshot_core::demo::sign_in_to_email_with_google(
        &r.engine,
        &sim.base_url,
        earshot_core::demo::SIM_MAIL_USER,
        &sim.imap_url,
        &sim.smtp_url,
    )
    .await
    .expect("the simulated Gmail signs in");
    let want: Vec<String> = sim
        .social
        .mail()
        .truth()
        .iter()
        .map(|(_, id)| id.clone())
        .collect();
    common::live::wait_added(&mut r.rx, &want, &mut Default::default()).await;
    let before = kept(&r.secrets, earshot_core::demo::SIM_MAIL_USER)
        .await
        .oauth
        .unwrap();

    // Google ends the access token (a password change elsewhere does this) and the provider
    // drops the connection: Earshot must renew and log in again by itself.
    sim.social.revoke_google_access();
    sim.social.mail().drop_connections();
    sim.social.mail().inject_text(
        "Ines Park",
        "Late order",
        "My order from this morning never arrived.",
    );
    let late = wait_for(
        &mut r.rx,
        "the mail sent while the token was revoked",
        |e| match e {
            EngineEvent::MentionsAdded { mentions } => mentions
                .iter()
                .find(|m| m.title.as_deref() == Some("Late order"))
                .cloned(),
            _ => None,
        },
    )
    .await;
    let after = kept(&r.secrets, earshot_core::demo::SIM_MAIL_USER)
        .await
        .oauth
        .unwrap();
    assert_ne!(after.access_token, before.access_token, "renewed");
    assert_eq!(after.refresh_token, before.refresh_token);

    let reply = r
        .engine
        .reply(late.id, "Ines, a courier is on the way.", true)
        .await
        .unwrap();
    assert_eq!(settled(&mut r.rx, reply.id).await.state, ReplyState::Sent);
    let writes: Vec<_> = sim
        .social
        .writes()
        .into_iter()
        .filter(|w| w.net == Net::Email && w.accepted)
        .collect();
    assert_eq!(writes.len(), 1, "{writes:?}");
}

#[tokio::test]
async fn a_sign_in_for_another_account_is_refused_and_nothing_is_kept() {
    let sim = sim().await;
    let r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    // The owner signs in as someone else: the provider refuses the token for this mailbox.
    let err = earshot_core::demo::sign_in_to_email_with_google(
        &r.engine,
        &sim.base_url,
        "someone.else@brightside.coffee",
        &sim.imap_url,
        &sim.smtp_url,
    )
    .await
    .expect_err("the mailbox refuses another account's token");
    assert!(err.to_string().contains("refused"), "{err}");
    assert!(r
        .secrets
        .get(&earshot_core::secrets::key_for(
            SourceKind::Email,
            "someone.else@brightside.coffee"
        ))
        .await
        .unwrap()
        .is_none());
    assert!(r.engine.sources().await.unwrap().is_empty());
}
