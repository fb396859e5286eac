//! Adding a source the way an owner does it from the app: a source that listens to what another
//! already listens to is refused, and a new one can be tried once before it is saved ("found 12
//! posts, 3 name your business").

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use super::Engine;
use crate::channels::connector_for;
use crate::error::EngineError;
use crate::model::{Source, SourceSpec};

/// How long a check may wait for its one fetch (a stream has nothing to show until someone
/// posts: it is then reported as listening).
const CHECK_FOR: Duration = Duration::from_secs(15);

/// What one fetch of a source found, before it is saved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct SourceCheck {
    /// Posts the fetch brought.
    pub found: u32,
    /// Of those, posts that name the business (its terms).
    pub matching: u32,
    /// A few of them (the matching ones first), cut to a line.
    pub examples: Vec<String>,
    /// What to tell the owner beside the numbers.
    pub note: Option<String>,
}

/// Whether two sources listen to the same thing (the same feed, the same search on the same
/// server, the same account's stream).
fn same_target(a: &SourceSpec, b: &SourceSpec) -> bool {
    let norm = |v: &Option<String>| {
        v.as_deref()
            .map(|s| s.trim().trim_end_matches('/').to_lowercase())
            .unwrap_or_default()
    };
    let words = |q: &[String]| {
        let mut w: Vec<String> = q
            .iter()
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        w.sort();
        w.dedup();
        w
    };
    a.kind == b.kind
        && norm(&a.url) == norm(&b.url)
        && norm(&a.base_url) == norm(&b.base_url)
        && norm(&a.account) == norm(&b.account)
        && words(&a.queries) == words(&b.queries)
}

fn line(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 90 {
        format!("{}…", one.chars().take(89).collect::<String>())
    } else {
        one
    }
}

impl Engine {
    /// Refuses a source that listens to what another source (of another name) already does.
    pub(super) async fn refuse_duplicate(&self, spec: &SourceSpec) -> Result<(), EngineError> {
        let existing = self.sources().await?;
        if let Some(other) = existing
            .iter()
            .find(|s| s.spec.name != spec.name && same_target(&s.spec, spec))
        {
            return Err(EngineError::Invalid(format!(
                "“{}” already listens to this; change that one instead",
                other.spec.name
            )));
        }
        Ok(())
    }

    /// Fetches once from a source that is not saved yet and says what it found.
    pub async fn check_source(&self, spec: SourceSpec) -> Result<SourceCheck, EngineError> {
        self.refuse_duplicate(&spec).await?;
        let p = &self.parts;
        let profile = p.triager.profile();
        let mut connector = connector_for(&spec, &p.triager.business(), &p.ctx)?;
        let batch = match tokio::time::timeout(CHECK_FOR, connector.next_batch(None)).await {
            Ok(b) => b?,
            Err(_) => {
                return Ok(SourceCheck {
                    found: 0,
                    matching: 0,
                    examples: Vec::new(),
                    note: Some(
                        "Connected; nothing arrived in 15 seconds. It listens for new posts from now on."
                            .into(),
                    ),
                })
            }
        };
        let mut named: Vec<String> = Vec::new();
        let mut other: Vec<String> = Vec::new();
        for m in &batch.mentions {
            let text = m.title.clone().unwrap_or_else(|| m.text.clone());
            let matched = !profile
                .matcher
                .matches(&format!(
                    "{}\n{}",
                    m.full_text(),
                    m.url.as_deref().unwrap_or("")
                ))
                .is_empty();
            if matched {
                named.push(line(&text));
            } else {
                other.push(line(&text));
            }
        }
        let require = spec.require_match.unwrap_or(true);
        let note = match (batch.mentions.len(), named.len()) {
            (0, _) => Some("It answered, with nothing in it yet.".into()),
            (_, 0) if require => Some(
                "None of these names your business, so none would be kept: add words to listen \
                 for, or keep every post."
                    .into(),
            ),
            _ => None,
        };
        let matching = named.len() as u32;
        named.extend(other);
        named.truncate(3);
        Ok(SourceCheck {
            found: batch.mentions.len() as u32,
            matching,
            examples: named,
            note,
        })
    }

    /// Saves a source the owner made or changed in the app: refused when another already listens
    /// to the same thing; otherwise as [`Engine::add_source`].
    pub async fn save_source(&self, spec: SourceSpec) -> Result<Source, EngineError> {
        if spec.name.trim().is_empty() {
            return Err(EngineError::Invalid("give the source a name".into()));
        }
        self.refuse_duplicate(&spec).await?;
        self.add_source(spec).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceKind;

    #[test]
    fn the_same_feed_or_search_is_the_same_target_whatever_its_name_or_spelling() {
        let feed = |name: &str, url: &str| SourceSpec {
            url: Some(url.into()),
            ..SourceSpec::new(SourceKind::Rss, name)
        };
        assert!(same_target(
            &feed("A", "https://example.com/feed/"),
            &feed("B", "https://EXAMPLE.com/feed")
        ));
        assert!(!same_target(
            &feed("A", "https://example.com/feed"),
            &feed("B", "https://example.com/other")
        ));
        let hn = |q: &[&str]| SourceSpec {
            queries: q.iter().map(|s| s.to_string()).collect(),
            ..SourceSpec::new(SourceKind::Hackernews, "HN")
        };
        assert!(same_target(&hn(&[]), &hn(&[" "])), "two empty searches");
        assert!(same_target(&hn(&["b", "A"]), &hn(&["a", "b"])));
        assert!(!same_target(&hn(&["a"]), &hn(&["b"])));
        assert_eq!(line(&"word ".repeat(40)).chars().count(), 90);
    }
}
