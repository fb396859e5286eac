//! The façade's part for the networks where the business has a page of its own: their logins
//! (Facebook Login for Devices and the Page chooser; Google's OAuth) and the moderation the
//! owner does there (hiding a comment, taking back a review reply).

use super::Engine;
use crate::accounts::PendingLoopback;
use crate::channels::facebook::login::{DeviceCode, Page};
use crate::channels::{facebook, google_reviews, ChannelError};
use crate::error::EngineError;
use crate::events::EngineEvent;
use crate::model::{Channel, Mention, Source, SourceKind, SourceSpec};

/// What a Google sign-in needs.
struct GoogleSignIn<'a> {
    name: &'a str,
    client_id: &'a str,
    client_secret: Option<String>,
    base: Option<String>,
}

impl Engine {
    /// Begins Facebook Login for Devices with the app `app` (`{app-id}|{client-token}`;
    /// `base`: another Graph server, such as the simulator). Show the owner the code and the
    /// address, then call [`Engine::facebook_pages`].
    pub async fn begin_facebook_login(
        &self,
        app: &str,
        base: Option<String>,
    ) -> Result<(u64, DeviceCode), EngineError> {
        Ok(self.parts.accounts.begin_facebook(app.trim(), base).await?)
    }

    /// Waits until the owner approved the code; the Pages they manage.
    pub async fn facebook_pages(&self, flow: u64) -> Result<Vec<Page>, EngineError> {
        Ok(self.parts.accounts.facebook_pages(flow).await?)
    }

    /// Listens to the chosen Page (and, with `instagram`, its linked Instagram account): the
    /// tokens go to the keychain and the sources are created or updated and started.
    pub async fn choose_facebook_page(
        &self,
        flow: u64,
        page_id: &str,
        instagram: bool,
    ) -> Result<Vec<Source>, EngineError> {
        let (page, base, app) = self
            .parts
            .accounts
            .choose_facebook_page(flow, page_id)
            .await?;
        let mut out = vec![
            self.add_logged_in(SourceSpec {
                account: Some(page.id.clone()),
                base_url: base.clone(),
                client_id: Some(app.clone()),
                ..SourceSpec::new(SourceKind::Facebook, format!("Facebook ({})", page.name))
            })
            .await?,
        ];
        if let (true, Some((ig, username))) = (instagram, &page.instagram) {
            out.push(
                self.add_logged_in(SourceSpec {
                    account: Some(ig.clone()),
                    base_url: base,
                    client_id: Some(app),
                    ..SourceSpec::new(SourceKind::Instagram, format!("Instagram (@{username})"))
                })
                .await?,
            );
        }
        for s in &out {
            self.parts.events.emit(EngineEvent::LoginFinished {
                source: Some(s.clone()),
                error: None,
            });
        }
        Ok(out)
    }

    /// Begins a Google login for the reviews with the owner's OAuth client (`client_secret`
    /// for clients Google issued one; `base`: the simulator). Returns the login id and the
    /// address to open; the login ends as a Mastodon one does ([`EngineEvent::LoginFinished`],
    /// or a pasted code through [`Engine::finish_login`]).
    pub async fn begin_google_login(
        &self,
        name: &str,
        client_id: &str,
        client_secret: Option<String>,
        base: Option<String>,
    ) -> Result<(u64, String), EngineError> {
        let login = GoogleSignIn {
            name,
            client_id,
            client_secret,
            base,
        };
        self.begin_google_for(SourceKind::GoogleReviews, login)
            .await
    }

    /// Begins a Google login for the owner's YouTube channel (the same OAuth client can serve
    /// both; YouTube's scope is asked for). Ends as [`Engine::begin_google_login`] does.
    pub async fn begin_youtube_login(
        &self,
        name: &str,
        client_id: &str,
        client_secret: Option<String>,
        base: Option<String>,
    ) -> Result<(u64, String), EngineError> {
        let login = GoogleSignIn {
            name,
            client_id,
            client_secret,
            base,
        };
        self.begin_google_for(SourceKind::Youtube, login).await
    }

    async fn begin_google_for(
        &self,
        kind: SourceKind,
        l: GoogleSignIn<'_>,
    ) -> Result<(u64, String), EngineError> {
        let spec = SourceSpec {
            client_id: Some(l.client_id.trim().to_string()),
            base_url: l.base,
            ..SourceSpec::new(kind, l.name.trim())
        };
        let (flow, url, pending) = self
            .parts
            .accounts
            .begin_google(&spec, l.client_secret.filter(|s| !s.trim().is_empty()))
            .await?;
        let network = if kind == SourceKind::Youtube {
            "YouTube"
        } else {
            "Google reviews"
        };
        self.finish_in_background(pending, spec, network);
        Ok((flow, url))
    }

    /// Begins a Reddit login with the owner's installed app (`client_id`; `base`: the
    /// simulator) for the source named `name` (its subreddits and terms are kept). Ends as a
    /// Mastodon login does.
    pub async fn begin_reddit_login(
        &self,
        name: &str,
        client_id: &str,
        base: Option<String>,
    ) -> Result<(u64, String), EngineError> {
        let spec = SourceSpec {
            client_id: Some(client_id.trim().to_string()),
            base_url: base,
            ..SourceSpec::new(SourceKind::Reddit, name.trim())
        };
        let (flow, url, pending) = self.parts.accounts.begin_reddit(&spec).await?;
        self.finish_in_background(pending, spec, "Reddit");
        Ok((flow, url))
    }

    /// Begins an X login with the owner's own app (`client_id`; `base`: the simulator); the
    /// source "X (@name)" is made with the monthly read cap given. Ends as a Mastodon login does.
    pub async fn begin_x_login(
        &self,
        client_id: &str,
        monthly_cap: Option<u32>,
        base: Option<String>,
    ) -> Result<(u64, String), EngineError> {
        let spec = SourceSpec {
            client_id: Some(client_id.trim().to_string()),
            base_url: base,
            monthly_cap,
            ..SourceSpec::new(SourceKind::X, "")
        };
        let (flow, url, pending) = self.parts.accounts.begin_x(&spec).await?;
        self.finish_in_background(pending, spec, "X");
        Ok((flow, url))
    }

    /// Gives an X source the app's bearer token (from the developer portal; plans with the
    /// filtered stream) so it streams instead of polling; an empty token goes back to polling.
    /// The token is checked against X before it is kept in the keychain.
    pub async fn set_x_app_token(
        &self,
        source_id: i64,
        token: &str,
    ) -> Result<Source, EngineError> {
        use crate::channels::x::stream;
        let src = self.parts.db.read(move |s| s.source(source_id)).await?;
        let account = match (&src.spec.kind, &src.spec.account) {
            (SourceKind::X, Some(a)) => a.clone(),
            _ => {
                return Err(EngineError::Invalid(
                    "log in to X on this source first".into(),
                ))
            }
        };
        let key = stream::app_key(&account);
        let token = token.trim();
        let ctx = &self.parts.ctx;
        if token.is_empty() {
            ctx.secrets
                .delete(&key)
                .await
                .map_err(|e| EngineError::Invalid(e.to_string()))?;
        } else {
            let base = src
                .spec
                .base_url
                .clone()
                .unwrap_or_else(|| crate::channels::x::API_BASE.to_string());
            stream::check_bearer(ctx, base.trim_end_matches('/'), token).await?;
            ctx.secrets
                .set(&key, token.to_string())
                .await
                .map_err(|e| EngineError::Invalid(e.to_string()))?;
        }
        // The source starts again, reading the keychain anew.
        self.add_source(src.spec).await
    }

    /// Waits for a browser login in the background; then creates or updates `spec`'s source
    /// (named "{network} ({account})" when it has no name) and says so in `LoginFinished`.
    pub(super) fn finish_in_background(
        &self,
        pending: PendingLoopback,
        spec: SourceSpec,
        network: &'static str,
    ) {
        let engine = self.clone();
        tokio::spawn(async move {
            let outcome = match pending.finish().await {
                Ok((account, label)) => {
                    let mut spec = spec;
                    if spec.name.is_empty() {
                        spec.name = format!("{network} ({label})");
                    }
                    spec.account = Some(account);
                    engine.add_logged_in(spec).await.map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            };
            engine.parts.events.emit(match outcome {
                Ok(source) => EngineEvent::LoginFinished {
                    source: Some(source),
                    error: None,
                },
                Err(e) => EngineEvent::LoginFinished {
                    source: None,
                    error: Some(e),
                },
            });
        });
    }

    async fn source_for(&self, m: &Mention) -> Result<Source, EngineError> {
        let id = m.source_id.ok_or_else(|| {
            EngineError::Invalid("this mention's source was removed; do this on the site".into())
        })?;
        Ok(self.parts.db.read(move |s| s.source(id)).await?)
    }

    /// Hides a Facebook or Instagram comment on the network (owners do this with spam and
    /// abuse), or shows it again.
    pub async fn hide(&self, mention_id: i64, hidden: bool) -> Result<Mention, EngineError> {
        let m = self.mention(mention_id).await?;
        if !matches!(m.channel, Channel::Facebook | Channel::Instagram)
            || m.remote.kind.is_some_and(|k| {
                !matches!(k, crate::model::Kind::Comment | crate::model::Kind::Reply)
            })
        {
            return Err(EngineError::Invalid(format!(
                "only Facebook and Instagram comments can be hidden; this is a {} {}",
                m.channel.label(),
                m.remote.kind.map(|k| k.label()).unwrap_or("post")
            )));
        }
        let src = self.source_for(&m).await?;
        facebook::hide(&src.spec, &self.parts.ctx, &m, hidden).await?;
        let mut remote = m.remote.clone();
        remote.hidden = hidden;
        let changed = self
            .parts
            .db
            .write(move |s| s.set_remote(mention_id, &remote))
            .await?;
        self.parts.events.updated(changed.clone());
        Ok(changed)
    }

    /// Deletes the owner's reply to a Google review.
    pub async fn delete_review_reply(&self, mention_id: i64) -> Result<Mention, EngineError> {
        let m = self.mention(mention_id).await?;
        if m.channel != Channel::GoogleReviews {
            return Err(EngineError::Invalid(
                "only a Google review's reply can be deleted here".into(),
            ));
        }
        let src = self.source_for(&m).await?;
        google_reviews::Google::new(&src.spec, self.parts.ctx.clone())?
            .delete_reply(&m)
            .await
            .map_err(|e: ChannelError| EngineError::from(e))?;
        let mut remote = m.remote.clone();
        remote.owner_reply = None;
        let changed = self
            .parts
            .db
            .write(move |s| s.set_remote(mention_id, &remote))
            .await?;
        self.parts.events.updated(changed.clone());
        Ok(changed)
    }
}
