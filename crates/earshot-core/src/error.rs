//! The façade's error: what went wrong, typed, with a [`ErrorCode`] the UI acts on (a "Log in
//! again" button, "retry at 14:05") without ever reading the message.

use serde::Serialize;
use ts_rs::TS;

use crate::accounts::LoginError;
use crate::channels::ChannelError;
use crate::store::StoreError;

/// What the UI can do about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum ErrorCode {
    /// The thing asked for is not there (any more).
    NotFound,
    /// The request cannot be done as asked; the message says why.
    Invalid,
    /// The database failed.
    Storage,
    /// The network refused the login: log in again.
    NeedsLogin,
    /// The network asked us to wait: try again at `retry_at`.
    RateLimited,
    /// The network understood and said no, with its reason.
    Refused,
    /// The network could not be reached or answered oddly: try again later.
    Unreachable,
}

impl ErrorCode {
    /// The code as the UI receives it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::Invalid => "invalid",
            ErrorCode::Storage => "storage",
            ErrorCode::NeedsLogin => "needs_login",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Refused => "refused",
            ErrorCode::Unreachable => "unreachable",
        }
    }
}

/// An error from the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The store failed or refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A network failed or refused.
    #[error(transparent)]
    Network(#[from] ChannelError),
    /// A login could not go on.
    #[error(transparent)]
    Login(#[from] LoginError),
    /// A request the owner can put right, said in words meant for them.
    #[error("{0}")]
    Invalid(String),
    /// A file the owner asked for could not be written.
    #[error("could not write {}: {source}", .path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl EngineError {
    /// What the UI can do about it.
    pub fn code(&self) -> ErrorCode {
        match self {
            EngineError::Store(StoreError::NotFound(_)) => ErrorCode::NotFound,
            EngineError::Store(StoreError::Invalid(_)) | EngineError::Invalid(_) => {
                ErrorCode::Invalid
            }
            EngineError::Store(_) => ErrorCode::Storage,
            EngineError::Network(c) | EngineError::Login(LoginError::Channel(c)) => channel_code(c),
            EngineError::Login(LoginError::Unknown(_)) => ErrorCode::NotFound,
            EngineError::Login(LoginError::NoCode) => ErrorCode::Invalid,
            EngineError::Login(LoginError::Keychain(_)) | EngineError::Write { .. } => {
                ErrorCode::Storage
            }
        }
    }

    /// For [`ErrorCode::RateLimited`]: when to try again (unix seconds), if the network said.
    pub fn retry_at(&self, now: i64) -> Option<i64> {
        match self {
            EngineError::Network(ChannelError::RateLimited {
                retry_after: Some(d),
            })
            | EngineError::Login(LoginError::Channel(ChannelError::RateLimited {
                retry_after: Some(d),
            })) => Some(now + d.as_secs() as i64),
            _ => None,
        }
    }

    /// A request the engine refuses, in words.
    pub fn invalid(why: impl Into<String>) -> EngineError {
        EngineError::Invalid(why.into())
    }
}

fn channel_code(c: &ChannelError) -> ErrorCode {
    match c {
        ChannelError::Unauthorized(_) => ErrorCode::NeedsLogin,
        ChannelError::RateLimited { .. } => ErrorCode::RateLimited,
        ChannelError::Refused(_) => ErrorCode::Refused,
        ChannelError::Config(_) => ErrorCode::Invalid,
        ChannelError::Keychain(_) => ErrorCode::Storage,
        ChannelError::Network(_) | ChannelError::Http { .. } | ChannelError::Malformed(_) => {
            ErrorCode::Unreachable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn network_errors_carry_a_code_the_ui_acts_on() {
        let e = EngineError::from(ChannelError::Unauthorized("token expired".into()));
        assert_eq!(
            e.code(),
            ErrorCode::NeedsLogin,
            "a refused login asks for a new one"
        );
        let e = EngineError::from(ChannelError::RateLimited {
            retry_after: Some(Duration::from_secs(300)),
        });
        assert_eq!(e.code(), ErrorCode::RateLimited);
        assert_eq!(
            e.retry_at(1_000),
            Some(1_300),
            "the wait the network asked for"
        );
        let e = EngineError::from(LoginError::Channel(ChannelError::Unauthorized(
            "bad".into(),
        )));
        assert_eq!(
            e.code(),
            ErrorCode::NeedsLogin,
            "a refused app password is a login problem"
        );
        assert_eq!(
            EngineError::from(StoreError::NotFound("mention 3".into())).code(),
            ErrorCode::NotFound
        );
        assert_eq!(EngineError::invalid("empty").code(), ErrorCode::Invalid);
    }
}
