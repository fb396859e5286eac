//! Reaching the owner's mail servers: addresses (`imaps://`, `imap://`, `smtps://`, `smtp://`),
//! TLS (rustls with the Mozilla roots), STARTTLS, and an IMAP login with a password. A password
//! never goes over an unencrypted connection except to this computer's own addresses (a local bridge such as
//! Proton Mail Bridge, or the test servers).

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

use crate::channels::ChannelError;

/// How long a connection and its greeting may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// How a server is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (993, 465).
    Tls,
    /// A plain connection upgraded with STARTTLS (143, 587); plain only on loopback.
    StartTls,
}

/// A mail server's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    /// Host name or address.
    pub host: String,
    /// Port.
    pub port: u16,
    /// TLS or STARTTLS.
    pub security: Security,
}

impl Server {
    /// Parses `imaps://host[:port]`, `imap://…`, `smtps://…` or `smtp://…` (`what` is "imap" or
    /// "smtp").
    pub fn parse(url: &str, what: &str) -> Result<Server, ChannelError> {
        let bad = |why: &str| {
            ChannelError::Config(format!(
                "the {} server address {url:?} {why}",
                what.to_uppercase()
            ))
        };
        let u = url::Url::parse(url.trim()).map_err(|_| {
            bad(&format!(
                "is not an address like {what}s://{what}.example.com"
            ))
        })?;
        let (security, default_port) = match (what, u.scheme()) {
            ("imap", "imaps") => (Security::Tls, 993),
            ("imap", "imap") => (Security::StartTls, 143),
            ("smtp", "smtps") => (Security::Tls, 465),
            ("smtp", "smtp") => (Security::StartTls, 587),
            _ => return Err(bad(&format!("must start with {what}s:// or {what}://"))),
        };
        let host = u
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("has no host"))?
            .trim_matches(|c| c == '[' || c == ']')
            .to_string();
        Ok(Server {
            host,
            port: u.port().unwrap_or(default_port),
            security,
        })
    }

    /// Whether the server is this computer (where a plain connection is allowed).
    pub fn is_loopback(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|a| a.is_loopback())
    }
}

/// A connection, plain or TLS, as the IMAP client takes it.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Io for T {}

/// A connection to a mail server.
pub type Conn = Box<dyn Io>;
/// A logged-in IMAP session.
pub type Session = async_imap::Session<Conn>;

pub(crate) fn io_error(host: &str, e: impl std::fmt::Display) -> ChannelError {
    ChannelError::Network(format!("mail server {host}: {e}"))
}

async fn tls<S: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug + 'static>(
    host: &str,
    stream: S,
) -> Result<Conn, ChannelError> {
    let name = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|_| ChannelError::Config(format!("{host:?} is not a host name")))?;
    let s = tokio_rustls::TlsConnector::from(crate::tls::client_config())
        .connect(name, stream)
        .await
        .map_err(|e| io_error(host, format!("TLS: {e}")))?;
    Ok(Box::new(s))
}

async fn within<T>(
    host: &str,
    f: impl std::future::Future<Output = Result<T, ChannelError>>,
) -> Result<T, ChannelError> {
    tokio::time::timeout(CONNECT_TIMEOUT, f)
        .await
        .map_err(|_| ChannelError::Network(format!("mail server {host}: timed out")))?
}

/// Connects to an IMAP server (TLS or STARTTLS) and reads its greeting.
pub async fn connect(server: &Server) -> Result<async_imap::Client<Conn>, ChannelError> {
    let host = server.host.as_str();
    within(host, async {
        let tcp = TcpStream::connect((host, server.port))
            .await
            .map_err(|e| io_error(host, format!("could not connect ({e})")))?;
        let _ = tcp.set_nodelay(true);
        match server.security {
            Security::Tls => {
                let mut c = async_imap::Client::new(tls(host, tcp).await?);
                greeting(host, &mut c).await?;
                Ok(c)
            }
            Security::StartTls => {
                let mut c = async_imap::Client::new(Box::new(tcp) as Conn);
                greeting(host, &mut c).await?;
                if c.run_command_and_check_ok("STARTTLS", None).await.is_ok() {
                    let inner = c.into_inner();
                    Ok(async_imap::Client::new(tls(host, inner).await?))
                } else if server.is_loopback() {
                    Ok(c)
                } else {
                    Err(ChannelError::Config(format!(
                        "{host} offers no encryption (STARTTLS): Earshot will not send your \
                         password in the clear — use its imaps:// address"
                    )))
                }
            }
        }
    })
    .await
}

async fn greeting(host: &str, c: &mut async_imap::Client<Conn>) -> Result<(), ChannelError> {
    match c.read_response().await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(io_error(host, "closed the connection before greeting")),
        Err(e) => Err(io_error(host, e)),
    }
}

/// Logs in with the inbox's password (or app password), or its OAuth token (XOAUTH2).
pub async fn login(
    server: &Server,
    user: &str,
    cred: &super::Credential,
) -> Result<Session, ChannelError> {
    let client = connect(server).await?;
    let host = server.host.as_str();
    within(host, async {
        let r = match cred {
            super::Credential::Password(pw) => client.login(user, pw).await,
            super::Credential::Bearer(token) => {
                let sasl = super::oauth::XOAuth2 {
                    user,
                    token,
                    sent: false,
                };
                client.authenticate("XOAUTH2", sasl).await
            }
        };
        r.map_err(|(e, _)| match e {
            // RFC 5530's codes for a server that cannot take the login now: try later.
            async_imap::error::Error::No(why)
                if ["[UNAVAILABLE]", "[INUSE]", "[SERVERBUG]", "[LIMIT]"]
                    .iter()
                    .any(|c| why.contains(c)) =>
            {
                io_error(host, format!("cannot log in just now: {}", why.trim()))
            }
            async_imap::error::Error::No(why) | async_imap::error::Error::Bad(why) => {
                ChannelError::Unauthorized(format!(
                    "{host} refused the login for {user}: {}",
                    why.trim()
                ))
            }
            e => io_error(host, e),
        })
    })
    .await
}

/// The name of the folder sent mail is kept in: the one marked `\Sent`, else a usual name.
pub async fn sent_folder(session: &mut Session) -> Result<Option<String>, ChannelError> {
    use futures_util::TryStreamExt;
    let names: Vec<async_imap::types::Name> = session
        .list(Some(""), Some("*"))
        .await
        .map_err(|e| io_error("IMAP", e))?
        .try_collect()
        .await
        .map_err(|e| io_error("IMAP", e))?;
    let marked = names.iter().find(|n| {
        n.attributes().iter().any(|a| {
            matches!(a, async_imap::types::NameAttribute::Sent)
                || matches!(a, async_imap::types::NameAttribute::Extension(x) if x.eq_ignore_ascii_case("\\Sent"))
        })
    });
    if let Some(n) = marked {
        return Ok(Some(n.name().to_string()));
    }
    const USUAL: [&str; 5] = [
        "Sent",
        "Sent Items",
        "Sent Messages",
        "INBOX.Sent",
        "INBOX/Sent",
    ];
    Ok(USUAL
        .iter()
        .find(|u| names.iter().any(|n| n.name().eq_ignore_ascii_case(u)))
        .map(|u| u.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_with_their_default_ports() {
        let s = Server::parse("imaps://imap.example.com", "imap").unwrap();
        assert_eq!(
            (s.host.as_str(), s.port, s.security),
            ("imap.example.com", 993, Security::Tls)
        );
        let s = Server::parse("smtp://127.0.0.1:2525", "smtp").unwrap();
        assert_eq!((s.port, s.security), (2525, Security::StartTls));
        assert!(s.is_loopback());
        assert!(!Server::parse("smtp://mail.example.com", "smtp")
            .unwrap()
            .is_loopback());
        assert!(Server::parse("https://imap.example.com", "imap").is_err());
        assert!(Server::parse("imap.example.com", "imap").is_err());
        assert!(Server::parse("smtps://", "smtp").is_err());
    }
}
