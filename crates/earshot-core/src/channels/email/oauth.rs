//! Signing in to a mailbox with OAuth instead of a password: Gmail and Microsoft 365 /
//! Outlook.com accounts where no app password can be made (Google Workspace domains that forbid
//! them, Microsoft accounts since basic authentication was turned off). The owner signs in in
//! the browser (installed-app OAuth with PKCE, coming back to a loopback address, the owner's
//! own OAuth client as for the other Google logins); IMAP and SMTP then authenticate with
//! SASL XOAUTH2. The access token and its refresh token live in the keychain where the
//! password would, and are renewed when the token runs out or the server refuses it.

use oauth2::{PkceCodeChallenge, PkceCodeVerifier};
use serde::{Deserialize, Serialize};

use super::{server, Credential, MailSecret};
use crate::channels::oauth::{Callback, Kept, TokenAnswer};
use crate::channels::{ChannelError, Context};
use crate::model::{SourceKind, SourceSpec};

/// Who runs the mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// Gmail and Google Workspace.
    #[default]
    Google,
    /// Outlook.com, Hotmail and Microsoft 365.
    Microsoft,
}

impl Provider {
    /// The provider an address's domain belongs to, when it is one of the well-known ones (a
    /// Workspace or Microsoft 365 domain of the business's own is chosen by the owner).
    pub fn for_address(address: &str) -> Option<Provider> {
        let domain = address.rsplit('@').next()?.to_ascii_lowercase();
        match domain.as_str() {
            "gmail.com" | "googlemail.com" => Some(Provider::Google),
            "outlook.com" | "hotmail.com" | "live.com" | "msn.com" => Some(Provider::Microsoft),
            d if d.starts_with("hotmail.")
                || d.starts_with("outlook.")
                || d.starts_with("live.") =>
            {
                Some(Provider::Microsoft)
            }
            _ => None,
        }
    }

    /// The provider's name for people.
    pub fn label(self) -> &'static str {
        match self {
            Provider::Google => "Google",
            Provider::Microsoft => "Microsoft",
        }
    }

    fn auth_url(self) -> &'static str {
        match self {
            Provider::Google => "https://accounts.google.com/o/oauth2/v2/auth",
            Provider::Microsoft => "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
        }
    }

    fn token_url(self) -> &'static str {
        match self {
            Provider::Google => "https://oauth2.googleapis.com/token",
            Provider::Microsoft => "https://login.microsoftonline.com/common/oauth2/v2.0/token",
        }
    }

    /// The scopes that open IMAP and SMTP (Google has one for all of Gmail's protocols).
    pub fn scope(self) -> &'static str {
        match self {
            Provider::Google => "https://mail.google.com/",
            Provider::Microsoft => {
                "https://outlook.office.com/IMAP.AccessAsUser.All \
                 https://outlook.office.com/SMTP.Send offline_access"
            }
        }
    }

    /// The provider's IMAP and SMTP servers.
    pub fn servers(self) -> (&'static str, &'static str) {
        match self {
            Provider::Google => ("imaps://imap.gmail.com", "smtps://smtp.gmail.com"),
            Provider::Microsoft => (
                "imaps://outlook.office365.com",
                "smtp://smtp.office365.com:587",
            ),
        }
    }
}

/// An OAuth login kept for a mailbox (inside [`MailSecret`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MailToken {
    /// Whose login it is.
    pub provider: Provider,
    /// The owner's OAuth client.
    pub client_id: String,
    /// Its secret, for clients the provider issued one (Google's "Desktop app" clients).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// Where it is renewed.
    pub token_url: String,
    /// The access token.
    pub access_token: String,
    /// When it ends (unix seconds).
    pub expires_at: i64,
    /// The refresh token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

impl Kept for MailSecret {
    fn expires_at(&self) -> i64 {
        self.oauth.as_ref().map_or(i64::MAX, |o| o.expires_at)
    }

    fn refresh_token(&self) -> Option<&str> {
        self.oauth.as_ref().and_then(|o| o.refresh_token.as_deref())
    }

    fn renewed(&self, a: TokenAnswer, now: i64) -> MailSecret {
        let mut s = self.clone();
        if let Some(o) = s.oauth.as_mut() {
            o.access_token = a.access_token;
            o.expires_at = now + a.expires_in.unwrap_or(3600);
            if a.refresh_token.is_some() {
                o.refresh_token = a.refresh_token;
            }
        }
        s
    }
}

/// What the owner chose to sign in with.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MailSignIn {
    /// The mailbox's address.
    pub address: String,
    /// Its provider.
    pub provider: Provider,
    /// The owner's OAuth client id.
    pub client_id: String,
    /// Its secret, when the provider issued one.
    #[serde(default)]
    pub client_secret: Option<String>,
    /// The IMAP server, when not the provider's usual one.
    #[serde(default)]
    pub imap: Option<String>,
    /// The SMTP server, when not the provider's usual one.
    #[serde(default)]
    pub smtp: Option<String>,
    /// The sign-in server's base address instead of the provider's (the simulator).
    #[serde(default)]
    pub base: Option<String>,
}

/// A mailbox sign-in under way.
pub struct MailLogin {
    spec: SourceSpec,
    token: MailToken,
    verifier: PkceCodeVerifier,
    callback: Callback,
    /// Where to send the owner.
    pub authorize_url: String,
}

impl MailLogin {
    /// Prepares the provider's authorization address (with the address as `login_hint`, so the
    /// right account is offered) and binds the loopback listener.
    pub async fn begin(s: &MailSignIn) -> Result<MailLogin, ChannelError> {
        let address = s.address.trim();
        if !address.contains('@') {
            return Err(ChannelError::Config(format!(
                "{address:?} is not an email address"
            )));
        }
        let client_id = s.client_id.trim();
        if client_id.is_empty() {
            return Err(ChannelError::Config(format!(
                "set your {} OAuth client id first (the README says how to make one)",
                s.provider.label()
            )));
        }
        let given = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
        let (imap, smtp) = s.provider.servers();
        let spec = SourceSpec {
            account: Some(address.to_string()),
            imap: Some(given(&s.imap).unwrap_or_else(|| imap.to_string())),
            smtp: Some(given(&s.smtp).unwrap_or_else(|| smtp.to_string())),
            require_match: Some(false),
            ..SourceSpec::new(SourceKind::Email, format!("Email ({address})"))
        };
        // Both addresses are checked now, not after the browser came back.
        super::servers(&spec)?;
        server::Server::parse(spec.smtp.as_deref().unwrap_or_default(), "smtp")?;
        let base = given(&s.base).map(|b| b.trim_end_matches('/').to_string());
        let (auth, token_url) = match &base {
            Some(b) => (format!("{b}/o/oauth2/v2/auth"), format!("{b}/token")),
            None => (
                s.provider.auth_url().to_string(),
                s.provider.token_url().to_string(),
            ),
        };
        let callback = Callback::bind(0).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut url = url::Url::parse(&auth).map_err(|e| ChannelError::Config(e.to_string()))?;
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("client_id", client_id)
                .append_pair("redirect_uri", callback.redirect())
                .append_pair("response_type", "code")
                .append_pair("scope", s.provider.scope())
                .append_pair("login_hint", address)
                .append_pair("code_challenge", challenge.as_str())
                .append_pair("code_challenge_method", "S256")
                .append_pair("state", callback.state());
            if s.provider == Provider::Google {
                q.append_pair("access_type", "offline")
                    .append_pair("prompt", "consent");
            }
        }
        Ok(MailLogin {
            spec,
            token: MailToken {
                provider: s.provider,
                client_id: client_id.to_string(),
                client_secret: given(&s.client_secret).map(|v| v.trim().to_string()),
                token_url,
                ..MailToken::default()
            },
            verifier,
            callback,
            authorize_url: url.to_string(),
        })
    }

    /// The source the login makes.
    pub fn spec(&self) -> &SourceSpec {
        &self.spec
    }

    /// Waits for the browser to come back with the code.
    pub async fn wait_for_code(&mut self) -> Result<String, ChannelError> {
        self.callback.wait().await
    }

    /// Exchanges the code, opens the mailbox with the token on both servers, keeps the login in
    /// the keychain and returns the address (twice: the account and its name).
    pub async fn finish(self, ctx: &Context, code: &str) -> Result<(String, String), ChannelError> {
        let what = format!("{} refused the code", self.token.provider.label());
        let a = crate::channels::oauth::CodeExchange {
            url: &self.token.token_url,
            callback: &self.callback,
            verifier: &self.verifier,
            client_id: &self.token.client_id,
            secret: self.token.client_secret.as_deref(),
            what: &what,
        }
        .run(ctx, code)
        .await?;
        if a.refresh_token.is_none() {
            return Err(ChannelError::Unauthorized(format!(
                "{} gave no refresh token, so the inbox would stop within the hour: sign in again",
                self.token.provider.label()
            )));
        }
        let secret = MailSecret {
            oauth: Some(MailToken {
                access_token: a.access_token,
                expires_at: ctx.clock.now() + a.expires_in.unwrap_or(3600),
                refresh_token: a.refresh_token,
                ..self.token
            }),
            ..MailSecret::default()
        };
        let address = self.spec.account.clone().unwrap_or_default();
        super::check(&self.spec, &secret.credential()).await?;
        super::save_secret(&self.spec, ctx, &secret).await?;
        Ok((address.clone(), address))
    }
}

/// SASL XOAUTH2 for IMAP's AUTHENTICATE: the token first; an empty answer to the error the
/// server then sends as a challenge (Gmail's JSON), after which it says NO.
pub(super) struct XOAuth2<'a> {
    pub user: &'a str,
    pub token: &'a str,
    pub sent: bool,
}

impl async_imap::Authenticator for XOAuth2<'_> {
    type Response = String;

    fn process(&mut self, _challenge: &[u8]) -> String {
        if std::mem::replace(&mut self.sent, true) {
            String::new()
        } else {
            format!("user={}\x01auth=Bearer {}\x01\x01", self.user, self.token)
        }
    }
}

/// Whether a failed login with `cred` may work with a renewed token.
pub(super) fn renewable(cred: &Credential, e: &ChannelError) -> bool {
    matches!(cred, Credential::Bearer(_)) && matches!(e, ChannelError::Unauthorized(_))
}

/// The SMTP mechanism for a credential.
pub(super) fn mechanism(cred: &Credential) -> lettre::transport::smtp::authentication::Mechanism {
    use lettre::transport::smtp::authentication::Mechanism;
    match cred {
        Credential::Password(_) => Mechanism::Plain,
        Credential::Bearer(_) => Mechanism::Xoauth2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_domains_have_their_provider() {
        assert_eq!(
            Provider::for_address("ana@gmail.com"),
            Some(Provider::Google)
        );
        assert_eq!(
            Provider::for_address("ana@Hotmail.co.uk"),
            Some(Provider::Microsoft)
        );
        assert_eq!(Provider::for_address("ana@brightside.coffee"), None);
    }

    #[test]
    fn a_password_login_in_the_keychain_still_reads_and_never_expires() {
        let s: MailSecret = serde_json::from_str(r#"{"password":"pw"}"#).unwrap();
        assert_eq!(s.expires_at(), i64::MAX);
        assert!(matches!(s.credential(), Credential::Password(p) if p == "pw"));
    }

    #[test]
    fn a_renewal_keeps_the_refresh_token_when_none_comes_back() {
        let s = MailSecret {
            oauth: Some(MailToken {
                access_token: "old".into(),
                expires_at: 10,
                refresh_token: Some("r".into()),
                ..MailToken::default()
            }),
            ..MailSecret::default()
        };
        let a: TokenAnswer =
            serde_json::from_str(r#"{"access_token":"new","expires_in":3599}"#).unwrap();
        let r = s.renewed(a, 1000);
        assert_eq!(r.expires_at(), 4599);
        assert_eq!(r.refresh_token(), Some("r"));
        assert!(matches!(r.credential(), Credential::Bearer(t) if t == "new"));
    }

    #[test]
    fn the_sasl_answer_is_the_token_then_empty() {
        use async_imap::Authenticator;
        let mut a = XOAuth2 {
            user: "ana@gmail.com",
            token: "ya29.x",
            sent: false,
        };
        assert_eq!(
            a.process(b""),
            "user=ana@gmail.com\x01auth=Bearer ya29.x\x01\x01"
        );
        assert_eq!(a.process(b"{\"status\":\"400\"}"), "");
    }
}
