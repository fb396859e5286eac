//! Sources (with their cursor and health), the business profile and settings.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::{Result, Store, StoreError};
use crate::model::{Business, Health, Source, SourceSpec};

impl Store {
    /// Adds a source, or updates the spec of the source with the same name (keeping its cursor).
    pub fn upsert_source(&mut self, spec: &SourceSpec, now: i64) -> Result<i64> {
        let json = serde_json::to_string(spec)?;
        let id = self.conn.query_row(
            "INSERT INTO sources (name, kind, spec, created_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, spec = excluded.spec RETURNING id",
            params![spec.name, spec.kind.as_str(), json, now],
            |r| r.get(0),
        )?;
        Ok(id)
    }

    /// Pauses or resumes a source: a paused one is kept with its mentions and cursor, and is not
    /// listened to when the engine starts.
    pub fn set_source_enabled(&mut self, id: i64, enabled: bool) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE sources SET enabled = ?2 WHERE id = ?1",
            params![id, enabled],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound(format!("source {id}")));
        }
        Ok(())
    }

    /// All sources.
    pub fn sources(&self) -> Result<Vec<Source>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, spec, enabled, cursor, health FROM sources ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, spec, enabled, cursor, health) = row?;
            out.push(Source {
                id,
                spec: serde_json::from_str(&spec)?,
                enabled,
                cursor,
                health: serde_json::from_str(&health).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// One source.
    pub fn source(&self, id: i64) -> Result<Source> {
        self.sources()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("source {id}")))
    }

    /// Removes a source; its mentions stay.
    pub fn remove_source(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM sources WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NotFound(format!("source {id}")));
        }
        Ok(())
    }

    /// Records a source's health.
    pub fn set_health(&mut self, id: i64, health: &Health) -> Result<()> {
        self.conn.execute(
            "UPDATE sources SET health = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(health)?],
        )?;
        Ok(())
    }

    /// The business profile, if one was saved.
    pub fn business(&self) -> Result<Option<Business>> {
        self.setting("business")
    }

    /// Saves the business profile.
    pub fn set_business(&mut self, b: &Business) -> Result<()> {
        if b.name.trim().is_empty() {
            return Err(StoreError::Invalid("the business needs a name".into()));
        }
        self.set_setting("business", b)
    }

    /// A JSON setting.
    pub fn setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        self.setting_json(key)?
            .map(|s| serde_json::from_str(&s).map_err(StoreError::from))
            .transpose()
    }

    /// Saves a JSON setting.
    pub fn set_setting<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        self.set_setting_json(key, &serde_json::to_string(value)?)
    }

    /// A setting's JSON text.
    pub fn setting_json(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Saves a setting's JSON text.
    pub fn set_setting_json(&mut self, key: &str, json: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, json],
        )?;
        Ok(())
    }
}
