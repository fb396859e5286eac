//! The outbox: a reply is written down before it is sent, with its idempotency key, and moves
//! queued → sending → sent | failed. A retry carries the same key, so the network refuses a
//! second copy; a reply interrupted by a stop is marked failed for the owner to retry. The
//! rows live in the store (`store/outbox.rs`); each network's `send` is in its channel folder
//! (`channels::send_reply` picks it).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rand::Rng;

use crate::alerts::AlertDesk;
use crate::channels::{reply_rules, send_reply, Context, Draft, ReplyRules};
use crate::clock::Clock;
use crate::events::{EngineEvent, Events};
use crate::lock;
use crate::model::{Channel, Mention, Reply, ReplyState, Source, Status};
use crate::store::db::Db;
use crate::store::work::Action;
use crate::store::StoreError;

/// The outbox stage.
pub struct Outbox {
    db: Db,
    clock: Clock,
    events: Events,
    ctx: Context,
    alerts: Arc<AlertDesk>,
    /// Each Mastodon instance's length limit, asked once.
    mastodon_limits: Mutex<HashMap<String, usize>>,
}

impl Outbox {
    /// The outbox over these parts.
    pub fn new(
        db: Db,
        clock: Clock,
        events: Events,
        ctx: Context,
        alerts: Arc<AlertDesk>,
    ) -> Outbox {
        Outbox {
            db,
            clock,
            events,
            ctx,
            alerts,
            mastodon_limits: Mutex::new(HashMap::new()),
        }
    }

    async fn mention(&self, id: i64) -> Result<Mention, StoreError> {
        self.db.read(move |s| s.mention(id)).await
    }

    async fn source_of(&self, m: &Mention) -> Result<Source, StoreError> {
        let id = m.source_id.ok_or_else(|| {
            StoreError::Invalid("this mention's source was removed; answer it on the site".into())
        })?;
        self.db.read(move |s| s.source(id)).await
    }

    /// How a mention can be answered: public and private, and the length limit as its network
    /// counts it. `None` when its channel cannot be answered from Earshot.
    pub async fn reply_rules(&self, mention_id: i64) -> Result<Option<ReplyRules>, StoreError> {
        let m = self.mention(mention_id).await?;
        let mut limit = None;
        if m.channel == Channel::Mastodon {
            if let Ok(src) = self.source_of(&m).await {
                let key = src.spec.base_url.clone().unwrap_or_default();
                let cached = lock(&self.mastodon_limits).get(&key).copied();
                limit = match cached {
                    Some(l) => Some(l),
                    None => {
                        match crate::channels::mastodon::instance_info(&src.spec, &self.ctx).await {
                            Ok(info) => {
                                let l = info.max_characters();
                                lock(&self.mastodon_limits).insert(key, l);
                                Some(l)
                            }
                            Err(_) => None,
                        }
                    }
                };
            }
        }
        let mut rules = reply_rules(m.channel, limit);
        if let Some(r) = rules.as_mut() {
            if m.channel == Channel::X && !crate::channels::x::can_reply(&m) {
                r.elsewhere = Some(crate::channels::x::REPLY_NOT_ALLOWED);
            }
        }
        Ok(rules)
    }

    /// The replies written to a mention, oldest first.
    pub async fn replies(&self, mention_id: i64) -> Result<Vec<Reply>, StoreError> {
        self.db.read(move |s| s.replies(mention_id)).await
    }

    /// Writes a reply to the outbox and sends it. The returned reply is `queued`; its progress
    /// arrives as [`EngineEvent::ReplyUpdated`]. Refuses text the channel would refuse.
    pub async fn reply(
        self: &Arc<Self>,
        mention_id: i64,
        body: &str,
        private: bool,
    ) -> Result<Reply, StoreError> {
        let m = self.mention(mention_id).await?;
        let rules = self.reply_rules(mention_id).await?.ok_or_else(|| {
            StoreError::Invalid(format!(
                "{} has no way to reply from Earshot: open the original to answer",
                m.channel.label()
            ))
        })?;
        let body = addressed(&m, body.trim());
        if body.trim().is_empty() {
            return Err(StoreError::Invalid("the reply is empty".into()));
        }
        if let (false, Some(why)) = (private, rules.elsewhere) {
            return Err(StoreError::Invalid(why.to_string()));
        }
        if (private && !rules.private) || (!private && !rules.public) {
            return Err(StoreError::Invalid(format!(
                "{} does not take {} replies",
                m.channel.label(),
                if private { "private" } else { "public" }
            )));
        }
        let len = rules.length(&body);
        if len > rules.limit as usize {
            return Err(StoreError::Invalid(format!(
                "the reply is {len} long; {} allows {}",
                m.channel.label(),
                rules.limit
            )));
        }
        if private && matches!(m.channel, Channel::Facebook | Channel::Instagram) {
            let earlier = self.replies(mention_id).await?;
            if earlier
                .iter()
                .any(|r| r.private && r.state != ReplyState::Failed)
            {
                return Err(StoreError::Invalid(format!(
                    "{} allows one private reply per comment, and this comment has had it",
                    m.channel.label()
                )));
            }
        }
        let src = self.source_of(&m).await?;
        if src.spec.account.is_none() {
            return Err(StoreError::Invalid(format!(
                "log in to {} on the source \"{}\" to reply",
                m.channel.label(),
                src.spec.name
            )));
        }
        let now = self.clock.now();
        let key = idempotency_key(m.channel);
        let r = self
            .db
            .write(move |s| s.queue_reply(mention_id, private, &body, &key, now))
            .await?;
        self.events
            .emit(EngineEvent::ReplyUpdated { reply: r.clone() });
        let me = self.clone();
        let id = r.id;
        tokio::spawn(async move { me.send(id).await });
        Ok(r)
    }

    /// After a restart: replies still queued are sent; a reply that was being sent when Earshot
    /// stopped is marked failed, saying so, for the owner to retry (a retry carries the same
    /// idempotency key, so the network refuses a second copy).
    pub async fn resume(self: &Arc<Self>) -> Result<(), StoreError> {
        let now = self.clock.now();
        let interrupted = self
            .db
            .write(move |s| {
                let mut out = Vec::new();
                // On a team's database, only those whose sender's claim ran out: another
                // desktop may be sending the rest right now.
                for r in s.interrupted_replies()? {
                    out.push(s.reply_failed(
                        r.id,
                        "Earshot stopped while sending this; it may not have been posted. Retry is safe: it cannot post twice.",
                        now,
                    )?);
                }
                Ok(out)
            })
            .await?;
        for r in interrupted {
            self.events.emit(EngineEvent::ReplyUpdated { reply: r });
        }
        let queued = self.db.read(|s| s.replies_in(ReplyState::Queued)).await?;
        for r in queued {
            let me = self.clone();
            tokio::spawn(async move { me.send(r.id).await });
        }
        Ok(())
    }

    /// Sends (or retries) one outbox reply, unless it is already sending or sent. Returns it as
    /// it ended.
    pub async fn send(&self, reply_id: i64) -> Result<Reply, StoreError> {
        let now = self.clock.now();
        let Some(r) = self.db.write(move |s| s.claim_reply(reply_id, now)).await? else {
            return self.db.read(move |s| s.reply(reply_id)).await;
        };
        self.events
            .emit(EngineEvent::ReplyUpdated { reply: r.clone() });
        let outcome = async {
            let m = self
                .mention(r.mention_id)
                .await
                .map_err(|e| e.to_string())?;
            let src = self.source_of(&m).await.map_err(|e| e.to_string())?;
            let draft = Draft {
                target: &m,
                body: &r.body,
                private: r.private,
                idempotency_key: &r.idempotency_key,
                queued_at: r.created_at,
                retry: r.attempts > 1,
            };
            send_reply(&src.spec, &self.ctx, &draft)
                .await
                .map_err(|e| e.to_string())
        }
        .await;
        let now = self.clock.now();
        let done = match outcome {
            Ok(sent) => {
                self.db
                    .write(move |s| {
                        s.reply_sent(reply_id, &sent.remote_id, sent.remote_url.as_deref(), now)
                    })
                    .await?
            }
            Err(why) => {
                tracing::warn!(reply = reply_id, error = %why, "reply not sent");
                self.db
                    .write(move |s| s.reply_failed(reply_id, &why, now))
                    .await?
            }
        };
        self.events.emit(EngineEvent::ReplyUpdated {
            reply: done.clone(),
        });
        // A sent reply is the mention's first response; a failed one puts a mention the owner
        // already marked done back in the queue, so the failure cannot go unseen.
        match self.mention(done.mention_id).await {
            Ok(m) if done.state == ReplyState::Failed && m.status == Status::Done => {
                let reopen = Action::Status {
                    status: Status::Open,
                };
                let now = self.clock.now();
                let id = m.id;
                if let Ok(changed) = self.db.write(move |s| s.apply(&[id], &reopen, now)).await {
                    for m in changed {
                        self.events.updated(m);
                    }
                    self.events
                        .counts(&self.db, self.alerts.urgent_threshold())
                        .await;
                }
            }
            Ok(m) => self.events.updated(m),
            Err(_) => {}
        }
        Ok(done)
    }
}

/// The reply text with the author addressed where the channel needs it: Mastodon delivers a
/// reply (and a direct message) only to the accounts its text mentions.
fn addressed(m: &Mention, body: &str) -> String {
    if m.channel != Channel::Mastodon {
        return body.to_string();
    }
    let handle = m.author.handle.trim_start_matches('@');
    let short = handle.split('@').next().unwrap_or(handle);
    let lower = body.to_lowercase();
    if lower.contains(&format!("@{}", handle.to_lowercase())) {
        return body.to_string();
    }
    // "@name" alone may already address them (local form).
    if lower
        .split_whitespace()
        .any(|w| w.trim_end_matches([',', '.', ':']) == format!("@{}", short.to_lowercase()))
    {
        return body.to_string();
    }
    format!("@{handle} {body}")
}

/// A new outbox key for a reply on `channel` (a Bluesky record key, else 128 random bits).
pub fn idempotency_key(channel: Channel) -> String {
    let mut rng = rand::thread_rng();
    match channel {
        Channel::Bluesky => {
            let micros = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_micros() as u64)
                .unwrap_or_default();
            crate::channels::bluesky::tid(micros, rng.gen_range(0..1024))
        }
        _ => format!("{:032x}", rng.gen::<u128>()),
    }
}
