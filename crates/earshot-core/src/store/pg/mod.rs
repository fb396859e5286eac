//! The store on PostgreSQL: the team's shared queue, with the same meaning as the SQLite store
//! for every method of [`MentionStore`](super::MentionStore).
//!
//! - The tables are the SQLite store's in PostgreSQL types (`team::schema`, step 2), keyed the
//!   same way: a re-delivered post is stored once, an edit updates it in place.
//! - Search: `tsv` holds FTS5's folded tokens with their positions, written by Earshot
//!   (`search::pg_tsvector`), so a query (`SearchQuery::pg_tsquery`: phrases, the last token a
//!   prefix) matches exactly what the SQLite search matches; a GIN index answers it.
//! - Pages are keyset pages with the same cursors; counts come from the same kind of tally.
//! - A desktop that listens as a team member ([`PgStore::listen_as`]) stores a source's batch
//!   and cursor only while it holds that source's lease (checked and locked in the same
//!   transaction), so a desktop that slept through losing its lease cannot move a cursor back.
//!
//! Blocking, like [`Store`](super::Store): run it on the blocking pool, never on the runtime.

mod authors;
mod clock;
mod move_in;
mod outbox;
mod read;
mod sources;
mod work;
mod write;

pub use move_in::MovedIn;
pub use outbox::CLAIM_FOR;

use std::cell::RefCell;

use postgres::Row;

use super::{Result, StoreError};
use crate::model::{
    Author, Channel, Engagement, Intent, Mention, OwnerCalls, Sentiment, Status, Triage, Work,
};
use crate::team::{schema, TeamAddress};

/// The blocking client, closed off the async runtime: closing it waits on its own runtime, which
/// panics on a runtime thread, and the last handle to a store can be dropped on one.
struct Conn(Option<postgres::Client>);

impl std::ops::Deref for Conn {
    type Target = postgres::Client;
    fn deref(&self) -> &postgres::Client {
        self.0
            .as_ref()
            .expect("the client is there until the store is dropped")
    }
}

impl std::ops::DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut postgres::Client {
        self.0
            .as_mut()
            .expect("the client is there until the store is dropped")
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        let Some(client) = self.0.take() else {
            return;
        };
        if tokio::runtime::Handle::try_current().is_ok() {
            let _ = std::thread::Builder::new()
                .name("earshot-pg-close".into())
                .spawn(move || drop(client));
        }
    }
}

/// A connection to the team's store.
pub struct PgStore {
    db: RefCell<Conn>,
    /// The member this desktop listens as; `None` stores without lease checks (one engine alone
    /// on the database, as the store tests and benchmarks run it).
    member: Option<i64>,
    /// How a search finds its page (see [`PgStore::list`]).
    search_probe: usize,
    search_few: usize,
}

impl PgStore {
    /// Connects (with the password already in `address`) and brings the schema up to date.
    pub fn open(address: &TeamAddress) -> Result<PgStore> {
        let mut db = address.connect_blocking().map_err(team_error)?;
        schema::migrate(&mut db).map_err(team_error)?;
        Ok(PgStore {
            db: RefCell::new(Conn(Some(db))),
            member: None,
            search_probe: super::search::PROBE,
            search_few: super::search::FEW,
        })
    }

    /// From now on, a batch from a source is stored only while `member` holds its lease, and
    /// what this connection writes is announced as `member`'s (so this desktop can tell its own
    /// changes from the others').
    pub fn listen_as(&mut self, member: i64) -> Result<()> {
        self.db.borrow_mut().execute(
            "SELECT set_config('earshot.member', $1, false)",
            &[&member.to_string()],
        )?;
        self.member = Some(member);
        Ok(())
    }

    /// The lease key of a source in the team database.
    pub fn lease_key(source_id: i64) -> String {
        format!("source:{source_id}")
    }
}

fn team_error(e: crate::team::TeamError) -> StoreError {
    match e {
        crate::team::TeamError::Db(e) => StoreError::Postgres(e),
        other => StoreError::Invalid(other.to_string()),
    }
}

/// The columns [`row_to_mention`] reads, in the SQLite store's order.
const COLUMNS: &str = "id, channel, external_id, source_id, url, title, author_handle, \
    author_name, author_url, author_followers, author_karma, text, html, created_at, fetched_at, \
    reply_to, thread_root, lang, likes, reposts, replies, matched_terms, urgency, sentiment, \
    reasons, status, read, mood, intent, complaint, needs_reply, velocity, owner_urgent, \
    owner_intent, remote, assignee, snooze_until, first_response_at, done_at, due_at, at_risk, \
    (SELECT coalesce(json_agg(tag ORDER BY tag), '[]')::text FROM mention_tags t \
     WHERE t.mention_id = mentions.id), \
    (SELECT count(*) FROM notes n WHERE n.mention_id = mentions.id), \
    EXISTS (SELECT 1 FROM outbox o WHERE o.mention_id = mentions.id AND o.state = 'sent' \
     AND NOT o.private), \
    EXISTS (SELECT 1 FROM outbox o WHERE o.mention_id = mentions.id AND o.state = 'sent' \
     AND o.private)";

fn json_list(s: Option<String>) -> Vec<String> {
    s.and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn row_to_mention(r: &Row) -> Result<Mention> {
    let channel: String = r.try_get(1)?;
    Ok(Mention {
        id: r.try_get(0)?,
        channel: Channel::parse(&channel)
            .ok_or_else(|| StoreError::Invalid(format!("unknown channel {channel}")))?,
        external_id: r.try_get(2)?,
        source_id: r.try_get(3)?,
        url: r.try_get(4)?,
        title: r.try_get(5)?,
        author: Author {
            handle: r.try_get(6)?,
            display_name: r.try_get(7)?,
            profile_url: r.try_get(8)?,
            followers: r.try_get(9)?,
            karma: r.try_get(10)?,
        },
        text: r.try_get(11)?,
        html: r.try_get(12)?,
        created_at: r.try_get(13)?,
        fetched_at: r.try_get(14)?,
        reply_to: r.try_get(15)?,
        thread_root: r.try_get(16)?,
        lang: r.try_get(17)?,
        remote: r
            .try_get::<_, Option<String>>(34)?
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default(),
        engagement: Engagement {
            likes: r.try_get(18)?,
            reposts: r.try_get(19)?,
            replies: r.try_get(20)?,
            velocity: r.try_get(31)?,
        },
        matched_terms: json_list(r.try_get(21)?),
        triage: Triage {
            urgency: r.try_get::<_, i32>(22)?.clamp(0, 100) as u8,
            sentiment: r.try_get::<_, f64>(23)? as f32,
            reasons: json_list(r.try_get(24)?),
            mood: Sentiment::parse(r.try_get(27)?).unwrap_or_default(),
            intent: Intent::parse(r.try_get(28)?).unwrap_or_default(),
            complaint: r.try_get(29)?,
            needs_reply: r.try_get(30)?,
        },
        owner: OwnerCalls {
            urgent: r.try_get(32)?,
            intent: r.try_get::<_, Option<&str>>(33)?.and_then(Intent::parse),
        },
        status: Status::parse(r.try_get(25)?).unwrap_or_default(),
        read: r.try_get(26)?,
        work: Work {
            assignee: r.try_get(35)?,
            snooze_until: r.try_get(36)?,
            first_response_at: r.try_get(37)?,
            done_at: r.try_get(38)?,
            due_at: r.try_get(39)?,
            at_risk: r.try_get(40)?,
            tags: json_list(r.try_get(41)?),
            notes: r.try_get::<_, i64>(42)?.clamp(0, i64::from(u32::MAX)) as u32,
            sent_public: r.try_get(43)?,
            sent_private: r.try_get(44)?,
        },
    })
}
