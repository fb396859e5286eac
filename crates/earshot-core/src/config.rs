//! The `earshot watch` configuration file (TOML): the business, its sources, alert settings.
//!
//! ```toml
//! [business]
//! name = "Brightside Coffee"
//! terms = ["@brightsidecoffee", "#brightsidecoffee", "brightside.coffee"]
//! exclusions = ["brightside of life"]
//!
//! [[source]]
//! kind = "hackernews"
//! name = "Hacker News"
//!
//! [[source]]
//! kind = "rss"
//! name = "Google Alert"
//! url = "https://www.google.com/alerts/feeds/…"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::alerts::AlertPolicy;
use crate::model::{Business, SourceSpec};

/// A whole configuration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// What to listen for.
    pub business: Business,
    /// Where to listen.
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceSpec>,
    /// When to interrupt the owner.
    #[serde(default)]
    pub alerts: AlertPolicy,
    /// First-response targets and business hours.
    #[serde(default)]
    pub targets: crate::work::targets::Targets,
    /// The negative-spike alarm.
    #[serde(default)]
    pub spike: crate::work::SpikePolicy,
}

/// A configuration that cannot be used, saying where and why.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("reading config {}: {source}", .path.display())]
    Read {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The TOML does not parse, or names something Earshot does not know.
    #[error(transparent)]
    Toml(#[from] toml::de::Error),
    /// It parses but cannot work.
    #[error("{0}")]
    Invalid(String),
    /// One of the above, in this file.
    #[error("in config {}: {source}", .path.display())]
    In {
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong in it.
        source: Box<ConfigError>,
    },
}

impl Config {
    /// Parses TOML, checking what parsing alone cannot.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let bad = |why: String| Err(ConfigError::Invalid(why));
        let c: Config = toml::from_str(text)?;
        if c.business.name.trim().is_empty() {
            return bad("[business] name must not be empty".into());
        }
        if let Err(e) = c.targets.schedule() {
            return bad(format!("[targets]: {e}"));
        }
        let mut names = std::collections::HashSet::new();
        for s in &c.sources {
            if s.name.trim().is_empty() {
                return bad("every [[source]] needs a name".into());
            }
            if !names.insert(s.name.as_str()) {
                return bad(format!(
                    "two sources are named {:?}; names must be unique",
                    s.name
                ));
            }
        }
        Ok(c)
    }

    /// Reads and parses a file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text).map_err(|e| ConfigError::In {
            path: path.to_path_buf(),
            source: Box::new(e),
        })
    }

    /// As TOML text.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_parses_and_round_trips() {
        let text = r#"
            [business]
            name = "Brightside Coffee"
            terms = ["@brightsidecoffee"]

            [[source]]
            kind = "hackernews"
            name = "HN"
            base_url = "http://127.0.0.1:9/hn"

            [[source]]
            kind = "rss"
            name = "Reviews"
            url = "http://127.0.0.1:9/rss/reviews.xml"
            require_match = false
        "#;
        let c = Config::parse(text).unwrap();
        assert_eq!(c.sources.len(), 2);
        assert_eq!(c.sources[1].require_match, Some(false));
        assert_eq!(Config::parse(&c.to_toml()).unwrap(), c);
    }

    #[test]
    fn bad_configs_say_what_is_wrong() {
        let e = Config::parse("[business]\nname = \"\"")
            .unwrap_err()
            .to_string();
        assert!(e.contains("name must not be empty"), "{e}");
        let e =
            Config::parse("[business]\nname = \"x\"\n[[source]]\nkind = \"myspace\"\nname = \"m\"")
                .unwrap_err()
                .to_string();
        assert!(e.contains("myspace"), "{e}");
        let e = Config::parse("[business]\nname = \"x\"\n[[source]]\nkind = \"rss\"\nname = \"a\"\n[[source]]\nkind = \"rss\"\nname = \"a\"").unwrap_err().to_string();
        assert!(e.contains("unique"), "{e}");
    }
}
