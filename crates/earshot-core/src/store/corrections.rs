//! The owner's corrections of triage, kept so what they taught survives a restart.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Result, Store};
use crate::model::{Intent, Mention};

/// One correction by the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum Correction {
    /// Urgent (true) or not urgent (false).
    Urgent(bool),
    /// This intent.
    Intent(Intent),
}

/// A correction as stored, with what it was about.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCorrection {
    /// The correction.
    pub correction: Correction,
    /// The intent triage had given, for intent corrections.
    pub was: Option<Intent>,
    /// The mention's channel.
    pub channel: String,
    /// The mention's author.
    pub author: String,
    /// The mention's text.
    pub text: String,
}

impl Store {
    /// Records the owner's correction of a mention: the call is kept on the mention and the
    /// lesson in `corrections` (with the text, so the lesson outlives the mention).
    pub fn record_correction(&mut self, id: i64, c: &Correction, now: i64) -> Result<Mention> {
        let m = self.mention(id)?;
        let tx = self.conn.transaction()?;
        let (kind, value, was) = match c {
            Correction::Urgent(u) => {
                tx.execute(
                    "UPDATE mentions SET owner_urgent = ?2 WHERE id = ?1",
                    params![id, u],
                )?;
                ("urgent", u.to_string(), None)
            }
            Correction::Intent(i) => {
                tx.execute(
                    "UPDATE mentions SET owner_intent = ?2 WHERE id = ?1",
                    params![id, i.as_str()],
                )?;
                (
                    "intent",
                    i.as_str().to_string(),
                    Some(m.triage.intent.as_str()),
                )
            }
        };
        tx.execute(
            "INSERT INTO corrections (mention_id, kind, value, was, channel, author, text, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, kind, value, was, m.channel.as_str(), m.author.handle, m.full_text(), now],
        )?;
        tx.commit()?;
        self.mention(id)
    }

    /// Every correction, oldest first, to rebuild what the owner taught.
    pub fn corrections(&self) -> Result<Vec<StoredCorrection>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, value, was, channel, author, text FROM corrections ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, value, was, channel, author, text) = row?;
            let correction = match kind.as_str() {
                "urgent" => Correction::Urgent(value == "true"),
                _ => match Intent::parse(&value) {
                    Some(i) => Correction::Intent(i),
                    None => continue, // an intent a later build removed: skip, keep the rest
                },
            };
            out.push(StoredCorrection {
                correction,
                was: was.as_deref().and_then(Intent::parse),
                channel,
                author,
                text,
            });
        }
        Ok(out)
    }
}
