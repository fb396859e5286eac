//! The email inbox against a real provider started for the test (Dovecot and Postfix on
//! 127.0.0.1): mail arrives through IDLE as it lands, is answered once with a threaded reply
//! that reaches the customer's mailbox and is filed in Sent, a retry after a lost answer sends
//! nothing twice, a renumbered folder (new UIDVALIDITY) loses and repeats nothing, hostile HTML
//! arrives as text with its attachments listed, and a wrong password is refused before anything
//! is saved.

use earshot_core::channels::email;
use earshot_core::channels::Draft;
use earshot_core::clock::Clock;
use earshot_core::engine::EngineEvent;
use earshot_core::error::EngineError;
use earshot_core::model::{ReplyState, SourceKind};
use earshot_core::secrets::{MemorySecrets, Secrets};

mod common;
use common::live::settled;
use common::mail::{
    self, complaint, emails, engine_on, heard, rig, Rig, CUSTOMER, CUSTOMER_PW, OWNER, OWNER_PW,
};
use common::wait_for;

#[tokio::test]
async fn mail_arrives_as_it_lands_and_is_answered_once_threaded_and_filed_in_sent() {
    let Some(m) = mail::start() else { return };
    let mut r = rig(&m).await;
    m.customer_writes(&complaint(
        "c1@example.test",
        "Charged twice",
        "You charged my card twice for one latte this morning. I want a refund today.",
    ))
    .await;
    let got = heard(&mut r.rx, "<c1@example.test>").await;
    assert_eq!(got.title.as_deref(), Some("Charged twice"));
    assert_eq!(got.author.handle, CUSTOMER);
    assert_eq!(got.author.display_name.as_deref(), Some("Rita Vance"));
    assert!(
        got.triage.urgency > 0,
        "a complaint is ranked: {:?}",
        got.triage
    );
    let rules = r.engine.reply_rules(got.id).await.unwrap().unwrap();
    assert!(
        rules.private && !rules.public,
        "email is answered privately: {rules:?}"
    );

    let reply = r
        .engine
        .reply(
            got.id,
            "Rita, we are sorry: the second charge is refunded today.",
            true,
        )
        .await
        .unwrap();
    let done = settled(&mut r.rx, reply.id).await;
    assert_eq!(done.state, ReplyState::Sent, "{done:?}");

    let inbox = m.folder(CUSTOMER, CUSTOMER_PW, "INBOX").await;
    assert_eq!(
        inbox.len(),
        1,
        "exactly one reply reached the customer: {inbox:?}"
    );
    let (raw, _) = &inbox[0];
    assert!(raw.contains("In-Reply-To: <c1@example.test>"), "{raw}");
    assert!(raw.contains("References: <c1@example.test>"), "{raw}");
    assert!(raw.contains("Subject: Re: Charged twice"), "{raw}");
    assert!(
        raw.contains("> You charged my card twice"),
        "the original is quoted: {raw}"
    );
    let sent = m.folder(OWNER, OWNER_PW, "Sent").await;
    assert_eq!(sent.len(), 1, "the reply is filed in Sent once: {sent:?}");
    let id = done.remote_id.clone().unwrap();
    assert!(
        sent[0].0.contains(&format!("Message-ID: {id}")),
        "{}",
        sent[0].0
    );
    let owner_inbox = m.folder(OWNER, OWNER_PW, "INBOX").await;
    assert!(
        owner_inbox[0].1.iter().any(|f| f.contains("Answered")),
        "{:?}",
        owner_inbox[0].1
    );

    // A retry after a lost answer (the outbox could not record it) finds the reply in Sent.
    let spec = r
        .engine
        .sources()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.spec.kind == SourceKind::Email)
        .unwrap()
        .spec;
    let target = r.engine.mention(got.id).await.unwrap();
    let ctx = earshot_core::channels::Context {
        http: earshot_core::channels::http_client(),
        clock: Clock::system(),
        secrets: r.secrets.clone(),
    };
    let again = email::send(
        &spec,
        ctx,
        &Draft {
            target: &target,
            body: "Rita, we are sorry: the second charge is refunded today.",
            private: true,
            idempotency_key: &reply_key(&r, reply.id).await,
            queued_at: 0,
            retry: true,
        },
    )
    .await
    .unwrap();
    assert_eq!(again.remote_id, id);
    assert_eq!(
        m.folder(CUSTOMER, CUSTOMER_PW, "INBOX").await.len(),
        1,
        "not sent twice"
    );
}

/// The outbox key of a reply (what its Message-ID is made from).
async fn reply_key(r: &Rig, reply_id: i64) -> String {
    r.engine
        .db()
        .read(move |s| s.reply(reply_id))
        .await
        .unwrap()
        .idempotency_key
}

#[tokio::test]
async fn a_renumbered_inbox_loses_and_repeats_nothing() {
    let Some(m) = mail::start() else { return };
    let mut r = rig(&m).await;
    m.customer_writes(&complaint(
        "a1@example.test",
        "Opening hours",
        "Are you open on Sunday?",
    ))
    .await;
    heard(&mut r.rx, "<a1@example.test>").await;
    r.engine.shutdown();
    let Rig { dir, secrets, .. } = r;

    // While Earshot is closed the provider rebuilds the folder's index: every message gets a
    // new UID and the folder a new UIDVALIDITY. A new message lands meanwhile.
    let md = m.maildir(OWNER);
    for f in std::fs::read_dir(&md).unwrap().flatten() {
        let name = f.file_name().to_string_lossy().into_owned();
        if name.starts_with("dovecot-uidlist") || name.starts_with("dovecot.index") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    m.customer_writes(&complaint(
        "a2@example.test",
        "Still waiting",
        "No answer about Sunday?",
    ))
    .await;

    let mut r = engine_on(dir, secrets).await;
    let stored = wait_for(&mut r.rx, "the new message", |e| match e {
        EngineEvent::MentionsAdded { mentions } => Some(mentions.clone()),
        _ => None,
    })
    .await;
    // The whole folder was read again by date; only the new message was news.
    let news: Vec<&str> = stored.iter().map(|m| m.external_id.as_str()).collect();
    assert_eq!(news, ["<a2@example.test>"]);
    // (The source's health follows the batch it reports on.)
    wait_for(&mut r.rx, "the renumbering noticed", |e| match e {
        EngineEvent::SourceHealth {
            health:
                earshot_core::model::Health::Ok {
                    detail: Some(d), ..
                },
            ..
        } => d.contains("renumbered").then_some(()),
        _ => None,
    })
    .await;
    let stored = emails(&r.engine).await;
    let ids: Vec<&str> = stored.iter().map(|m| m.external_id.as_str()).collect();
    assert_eq!(stored.len(), 2, "each message once: {ids:?}");
    assert!(ids.contains(&"<a1@example.test>") && ids.contains(&"<a2@example.test>"));
}

#[tokio::test]
async fn hostile_html_arrives_as_text_with_attachments_listed() {
    let Some(m) = mail::start() else { return };
    let mut r = rig(&m).await;
    let raw = format!(
        "From: Mallory <{CUSTOMER}>\nTo: {OWNER}\nSubject: Invoice\nMessage-ID: <h1@example.test>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b1\n\n--b1\nContent-Type: text/html; charset=utf-8\n\n<p onclick=\"steal()\">Please <b>pay</b> now</p><img src=\"https://tracker.example/pixel.gif\"><script>alert(1)</script>\n--b1\nContent-Type: application/pdf; name=\"invoice.pdf\"\nContent-Disposition: attachment; filename=\"invoice.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcfs\n--b1--\n"
    );
    m.customer_writes(&raw).await;
    let got = heard(&mut r.rx, "<h1@example.test>").await;
    assert!(
        got.text.contains("Please pay now") || got.text.contains("Please pay  now"),
        "{:?}",
        got.text
    );
    for bad in ["<", "tracker.example", "alert(1)", "steal"] {
        assert!(!got.text.contains(bad), "{bad:?} in {:?}", got.text);
    }
    assert!(got.html.is_none());
    assert_eq!(
        got.remote.attachments.len(),
        1,
        "{:?}",
        got.remote.attachments
    );
    assert_eq!(got.remote.attachments[0].name, "invoice.pdf");
    assert_eq!(got.remote.attachments[0].size, 12);
}

#[tokio::test]
async fn a_wrong_password_is_refused_before_anything_is_saved() {
    let Some(m) = mail::start() else { return };
    let r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    let err = r
        .engine
        .add_email(OWNER, "not-the-password", &m.imap_url(), &m.smtp_url())
        .await
        .unwrap_err();
    let words = err.to_string();
    assert!(words.contains("refused the login"), "{words}");
    assert!(
        !words.contains("not-the-password"),
        "the password is never in an error: {words}"
    );
    assert!(matches!(err, EngineError::Login(_)), "{err:?}");
    assert!(r
        .engine
        .sources()
        .await
        .unwrap()
        .iter()
        .all(|s| s.spec.kind != SourceKind::Email));
    assert_eq!(
        r.secrets.get(&format!("email:{OWNER}")).await.unwrap(),
        None
    );
}

/// The simulated provider (what the demo, trials and benchmarks use where Dovecot and Postfix
/// are not installed) behaves as the real one does for Earshot: its mail is heard once each,
/// its automatic reply is not a mention, and a reply refused for now (451) is sent once later.
#[tokio::test]
async fn the_simulated_provider_is_heard_and_answered_like_a_real_one() {
    use earshot_sim::{Fault, FaultSpec, Net, Reveal, Sim, SimOptions};
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        ..SimOptions::default()
    })
    .await
    .unwrap();
    let mut r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    earshot_core::demo::sign_in_to_email(&r.engine, &sim.imap_url, &sim.smtp_url)
        .await
        .expect("the simulated inbox opens");
    let truth = sim.social.mail().truth();
    let want: Vec<String> = truth.iter().map(|(_, id)| id.clone()).collect();
    common::live::wait_added(&mut r.rx, &want, &mut Default::default()).await;
    let stored = emails(&r.engine).await;
    assert_eq!(
        stored.len(),
        truth.len(),
        "each once, the automatic reply left out"
    );
    assert_eq!(truth.len(), sim.social.mail().folder(false).len() - 1);

    let complaint = stored
        .iter()
        .find(|m| m.title.as_deref() == Some("Charged twice this morning"))
        .unwrap();
    sim.faults
        .set(
            "replies",
            FaultSpec {
                times: Some(1),
                ..FaultSpec::new(Fault::Unavailable)
            },
        )
        .unwrap();
    let reply = r
        .engine
        .reply(
            complaint.id,
            "Nora, the second charge is refunded today.",
            true,
        )
        .await
        .unwrap();
    let first = settled(&mut r.rx, reply.id).await;
    assert_ne!(
        first.state,
        ReplyState::Sent,
        "451 is not a send: {first:?}"
    );
    let again = r.engine.send(reply.id).await.unwrap();
    let done = match again.state {
        ReplyState::Sent => again,
        _ => settled(&mut r.rx, reply.id).await,
    };
    assert_eq!(done.state, ReplyState::Sent, "{done:?}");
    let writes: Vec<_> = sim
        .social
        .writes()
        .into_iter()
        .filter(|w| w.net == Net::Email && w.accepted)
        .collect();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(
        writes[0].body["text"],
        "Nora, the second charge is refunded today."
    );
    assert_eq!(
        writes[0].body["in_reply_to"],
        complaint.external_id.as_str()
    );
    assert_eq!(sim.social.mail().folder(true).len(), 1, "filed in Sent");
}

/// The provider's faults: a login it cannot take now (`NO [UNAVAILABLE]`) is a wait, not a
/// refused password; a restart drops the connection and Earshot logs in again and hears what
/// came meanwhile; a password changed elsewhere stops the source until the owner adds it again.
#[tokio::test]
async fn the_provider_s_faults_are_waited_out_or_said() {
    use earshot_core::model::Health;
    use earshot_sim::{Fault, FaultSpec, Reveal, Sim, SimOptions};
    let sim = Sim::start(SimOptions {
        reveal: Reveal::All,
        ..SimOptions::default()
    })
    .await
    .unwrap();
    let mut r = engine_on(
        tempfile::tempdir().unwrap(),
        Secrets::new(MemorySecrets::new()),
    )
    .await;
    sim.faults
        .set(
            "email",
            FaultSpec {
                times: Some(1),
                ..FaultSpec::new(Fault::Unavailable)
            },
        )
        .unwrap();
    let busy = earshot_core::demo::sign_in_to_email(&r.engine, &sim.imap_url, &sim.smtp_url)
        .await
        .unwrap_err()
        .to_string();
    assert!(busy.contains("cannot log in just now"), "{busy}");
    assert!(
        !busy.contains("refused the login"),
        "not a wrong password: {busy}"
    );
    earshot_core::demo::sign_in_to_email(&r.engine, &sim.imap_url, &sim.smtp_url)
        .await
        .expect("the second try gets in");
    let want = common::live::mail_ids(&sim);
    common::live::wait_added(&mut r.rx, &want, &mut Default::default()).await;

    // The provider restarts; a message lands while Earshot logs in again.
    sim.social.mail().drop_connections();
    let m = sim.social.mail().inject_text(
        "Ivy Park",
        "Lost card",
        "I left my card at the Alder St counter.",
    );
    heard(&mut r.rx, &m.message_id).await;

    // The password changed elsewhere: the next login is refused and the source waits for the owner.
    sim.faults
        .set("email", FaultSpec::new(Fault::Unauthorized))
        .unwrap();
    sim.social.mail().drop_connections();
    wait_for(&mut r.rx, "the login refused", |e| match e {
        EngineEvent::SourceHealth {
            health: Health::NeedsLogin { reason, .. },
            ..
        } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert_eq!(
        emails(&r.engine).await.len(),
        want.len() + 1,
        "nothing lost or doubled"
    );
}
