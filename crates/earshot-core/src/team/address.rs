//! The team database's connection string, and connecting with it.
//!
//! Only the URL form (`postgres://user@host:port/db?…`) is taken: it is what managed PostgreSQL
//! services hand out, and it can be shown and stored without its password. An address shows
//! and stores itself without the password; [`TeamAddress::password`] gives it to the keychain,
//! and [`TeamAddress::with_password`] puts the keychain's back on a stored address, so it never
//! reaches the settings file, a log or an error message.
//!
//! A server on this computer (a loopback address or a Unix socket) is reached without TLS; any
//! other is reached only over TLS with its certificate checked against the Mozilla roots
//! (`sslmode=prefer`, the default, becomes `require`; `disable` is refused).

use std::net::IpAddr;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

use futures_util::{Stream, StreamExt};
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::{AsyncMessage, Client, Config, NoTls};

use super::{Result, TeamError};

/// What a connection says besides answers: notifications and notices.
pub type Messages =
    Pin<Box<dyn Stream<Item = std::result::Result<AsyncMessage, tokio_postgres::Error>> + Send>>;

/// A parsed team database address.
#[derive(Clone)]
pub struct TeamAddress {
    config: Config,
    /// The URL without its password: what is stored and shown.
    shown: String,
    password: Option<String>,
    local: bool,
}

impl std::fmt::Debug for TeamAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TeamAddress({})", self.shown)
    }
}

impl std::fmt::Display for TeamAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

fn is_local(host: &Host) -> bool {
    match host {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            name.eq_ignore_ascii_case("localhost")
                || name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }
}

impl TeamAddress {
    /// Parses a `postgres://` or `postgresql://` URL. The error never repeats the password.
    pub fn parse(text: &str) -> Result<TeamAddress> {
        let text = text.trim();
        let mut url = url::Url::parse(text).map_err(|e| {
            TeamError::BadAddress(format!("not a URL ({e}); it starts postgres://"))
        })?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(TeamError::BadAddress(format!(
                "it starts {}://, not postgres://",
                url.scheme()
            )));
        }
        // libpq's certificate files are not read: say so rather than "invalid connection string".
        if let Some((key, _)) = url
            .query_pairs()
            .find(|(k, _)| matches!(k.as_ref(), "sslrootcert" | "sslcert" | "sslkey"))
        {
            return Err(TeamError::BadAddress(format!(
                "{key} is not supported: Earshot checks the server's certificate against the \
                 public certificate authorities (Mozilla's list), and does not log in with a \
                 client certificate"
            )));
        }
        let password = url.password().map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8()
                .map_or_else(|_| p.to_string(), |d| d.into_owned())
        });
        // Cannot fail on a URL with a host; one without a host has no password either.
        let _ = url.set_password(None);
        let shown = url.to_string();
        let mut config =
            Config::from_str(&shown).map_err(|e| TeamError::BadAddress(e.to_string()))?;
        if let Some(p) = &password {
            config.password(p.as_str());
        }
        if config.get_hosts().is_empty() {
            return Err(TeamError::BadAddress(
                "it names no server (postgres://user@host/database)".into(),
            ));
        }
        if config.get_user().is_none() {
            return Err(TeamError::BadAddress(
                "it names no user (postgres://user@host/database)".into(),
            ));
        }
        let local = config.get_hosts().iter().all(is_local)
            && config.get_hostaddrs().iter().all(|ip| ip.is_loopback());
        if !local {
            match config.get_ssl_mode() {
                SslMode::Disable => {
                    let host = match &config.get_hosts()[0] {
                        Host::Tcp(h) => h.clone(),
                        Host::Unix(p) => p.display().to_string(),
                    };
                    return Err(TeamError::NeedsTls { host });
                }
                _ => {
                    config.ssl_mode(SslMode::Require);
                }
            }
        }
        config
            .application_name("earshot")
            .connect_timeout(Duration::from_secs(10))
            // A desktop that went to sleep holds its connection open on the server until the
            // keepalives give up; leases do not depend on it, but its backend goes sooner.
            .keepalives_idle(Duration::from_secs(60));
        Ok(TeamAddress {
            config,
            shown,
            password,
            local,
        })
    }

    /// Whether the server is on this computer (reached without TLS).
    pub fn is_local(&self) -> bool {
        self.local
    }

    /// The password the address carried, for the keychain.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The same address with `password` (from the keychain) to connect with.
    pub fn with_password(mut self, password: Option<&str>) -> TeamAddress {
        if let Some(p) = password {
            self.config.password(p);
        }
        self.password = password.map(str::to_string);
        self
    }

    /// The same server and login, another database on it.
    pub fn with_database(&self, name: &str) -> TeamAddress {
        let mut a = self.clone();
        a.config.dbname(name);
        if let Ok(mut url) = url::Url::parse(&a.shown) {
            url.set_path(name);
            a.shown = url.to_string();
        }
        a
    }

    /// Connects, returning the client and what the server says besides answers (notifications);
    /// the caller must poll the messages for the client to make progress.
    pub async fn open(&self) -> Result<(Client, Messages)> {
        if self.local {
            let (client, mut conn) = self.config.connect(NoTls).await?;
            let messages = futures_util::stream::poll_fn(move |cx| conn.poll_message(cx));
            Ok((client, Box::pin(messages)))
        } else {
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(
                (*crate::tls::client_config()).clone(),
            );
            let (client, mut conn) = self.config.connect(tls).await?;
            let messages = futures_util::stream::poll_fn(move |cx| conn.poll_message(cx));
            Ok((client, Box::pin(messages)))
        }
    }

    /// Connects with the blocking client (the store runs on the blocking pool, as SQLite does).
    /// Must not be called on the async runtime.
    pub fn connect_blocking(&self) -> Result<postgres::Client> {
        let config = postgres::Config::from(self.config.clone());
        Ok(if self.local {
            config.connect(NoTls)?
        } else {
            config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(
                (*crate::tls::client_config()).clone(),
            ))?
        })
    }

    /// Connects for queries: the connection runs on its own task until the client is dropped.
    pub async fn connect(&self) -> Result<Client> {
        let (client, mut messages) = self.open().await?;
        tokio::spawn(async move {
            while let Some(m) = messages.next().await {
                match m {
                    Ok(AsyncMessage::Notice(n)) => tracing::debug!(notice = %n, "team database"),
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(error = %e, "team database connection ended");
                        break;
                    }
                }
            }
        });
        Ok(client)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_on_another_computer_is_reached_over_tls_only() {
        let a = TeamAddress::parse("postgres://ana@db.example.com/cafe").unwrap();
        assert!(!a.is_local());
        assert_eq!(
            a.config.get_ssl_mode(),
            SslMode::Require,
            "prefer becomes require"
        );
        let e =
            TeamAddress::parse("postgres://ana@db.example.com/cafe?sslmode=disable").unwrap_err();
        assert!(
            matches!(e, TeamError::NeedsTls { ref host } if host == "db.example.com"),
            "{e}"
        );
    }

    #[test]
    fn a_server_on_this_computer_needs_no_tls() {
        for url in [
            "postgres://ana@localhost/cafe",
            "postgresql://ana@127.0.0.1:5433/cafe?sslmode=disable",
            "postgres://ana@[::1]/cafe",
            "postgresql:///cafe?host=/run/postgresql&user=ana",
        ] {
            let a = TeamAddress::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(a.is_local(), "{url} is on this computer");
        }
    }

    #[test]
    fn the_password_is_taken_out_of_what_is_stored_and_shown() {
        let a = TeamAddress::parse("postgres://ana:s%40cret-7@db.example.com:5432/cafe").unwrap();
        assert_eq!(a.password(), Some("s@cret-7"), "decoded for the keychain");
        let shown = a.to_string();
        assert_eq!(shown, "postgres://ana@db.example.com:5432/cafe");
        let other = a.clone().with_database("bench");
        assert_eq!(
            other.to_string(),
            "postgres://ana@db.example.com:5432/bench"
        );
        assert_eq!(other.config.get_dbname(), Some("bench"));
        assert_eq!(other.password(), Some("s@cret-7"), "the login comes along");
        assert!(!format!("{a:?}").contains("cret"), "Debug never shows it");
        let e = TeamAddress::parse("mysql://ana:hunter2@db/cafe")
            .unwrap_err()
            .to_string();
        assert!(!e.contains("hunter2"), "errors never repeat it: {e}");
    }

    #[test]
    fn certificate_files_are_refused_in_words() {
        for key in ["sslrootcert", "sslcert", "sslkey"] {
            let e = TeamAddress::parse(&format!(
                "postgres://a:pw@db.example.com/x?{key}=/tmp/f.pem"
            ))
            .unwrap_err()
            .to_string();
            assert!(e.contains(key) && e.contains("not supported"), "{e}");
            assert!(!e.contains("pw"), "{e}");
        }
    }

    #[test]
    fn an_address_without_a_user_or_server_is_refused_with_what_is_missing() {
        let e = TeamAddress::parse("postgres://db.example.com/cafe").unwrap_err();
        assert!(e.to_string().contains("no user"), "{e}");
        let e = TeamAddress::parse("not a url").unwrap_err();
        assert!(e.to_string().contains("postgres://"), "{e}");
    }
}
