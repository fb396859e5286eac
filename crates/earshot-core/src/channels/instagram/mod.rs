//! An Instagram business or creator account linked to a Facebook Page, through the Graph API
//! with the Page's token, polled.
//!
//! Each poll reads the account's newest media (`GET /{ig-user}/media`, one call) and reads the
//! comments (with their replies) only of media whose `comments_count` changed; media that left
//! the first page are checked together once an hour (`?ids=`), for 30 days. Media that tag the
//! account come from `GET /{ig-user}/tags`. The author's follower count comes from business
//! discovery, which answers only for business and creator accounts: for anyone else reach is
//! unknown and triage says so rather than guessing.
//!
//! @mentions in other people's captions and comments reach apps only by webhook (a public HTTPS
//! address a desktop does not have): Earshot hears tags, not those.

pub mod parse;
pub mod wire;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::facebook::{finish, page_of, reply::private_reply};
use super::graph::{self, Graph, List};
use super::{Batch, BatchFuture, ChannelError, Connector, Context, Draft, Sent};
use crate::model::{Kind, Mention, SourceSpec};
use wire::{Discovery, IgComment, Media};

const FIRST_LOOKBACK: i64 = 7 * 86_400;
const FOLLOW_FOR: i64 = 30 * 86_400;
const OLD_MEDIA_EVERY: i64 = 3600;
const MAX_FOLLOWED: usize = 200;
const MAX_PAGES: usize = 10;

/// Where an Instagram source is.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cursor {
    /// Tags older than this are in.
    pub since: i64,
    /// Media followed: the comment count last read, and its caption's start.
    pub media: BTreeMap<String, FollowedMedia>,
    /// When media off the first page were last checked.
    pub old_checked: i64,
}

/// One followed medium.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct FollowedMedia {
    /// `comments_count` when its comments were last read.
    pub count: i64,
    /// When it was posted or last had a new comment.
    pub active: i64,
    /// Caption.
    #[serde(default)]
    pub caption: Option<String>,
    /// Address.
    #[serde(default)]
    pub permalink: Option<String>,
}

/// The Instagram connector.
pub struct Instagram {
    spec: SourceSpec,
    ig_id: String,
    ctx: Context,
    username: Option<String>,
    /// Followers by username (`None`: not a business or creator account).
    reach: HashMap<String, Option<i64>>,
}

impl Instagram {
    /// A connector for a logged-in source (`account` is the Instagram account id).
    pub fn new(spec: &SourceSpec, ctx: Context) -> Result<Instagram, ChannelError> {
        Ok(Instagram {
            ig_id: page_of(spec)?,
            spec: spec.clone(),
            ctx,
            username: None,
            reach: HashMap::new(),
        })
    }

    async fn poll(&mut self, cursor: Option<&str>) -> Result<Batch, ChannelError> {
        let now = self.ctx.clock.now();
        let mut cur: Cursor = cursor
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_else(|| Cursor {
                since: now - FIRST_LOOKBACK,
                ..Cursor::default()
            });
        let mut g = Graph::for_source(&self.spec, &self.ctx).await?;
        let ig = self.ig_id.clone();
        if self.username.is_none() {
            self.username = Some(own_username(&mut g, &self.spec).await?);
        }
        let own = self.username.clone().unwrap_or_default();
        let media: List<Media> = g
            .get(
                &format!("{ig}/media"),
                &[
                    (
                        "fields",
                        "id,caption,comments_count,like_count,permalink,timestamp",
                    ),
                    ("limit", "25"),
                ],
            )
            .await?;
        let mut due: Vec<(Media, i64)> = Vec::new();
        for md in &media.data {
            let Some(id) = md.id.clone() else { continue };
            let posted = md
                .timestamp
                .as_deref()
                .and_then(graph::parse_time)
                .unwrap_or(now);
            let count = md.comments_count.unwrap_or(0);
            let f = cur.media.entry(id).or_insert_with(|| FollowedMedia {
                count: 0,
                active: posted,
                caption: md.caption.clone(),
                permalink: md.permalink.clone(),
            });
            if now - f.active > FOLLOW_FOR && count == f.count {
                continue;
            }
            if count != f.count {
                due.push((md.clone(), count));
            }
        }
        let on_page: std::collections::HashSet<String> =
            media.data.iter().filter_map(|m| m.id.clone()).collect();
        let off: Vec<String> = cur
            .media
            .keys()
            .filter(|k| !on_page.contains(*k))
            .cloned()
            .collect();
        if !off.is_empty() && now - cur.old_checked >= OLD_MEDIA_EVERY {
            for chunk in off.chunks(50) {
                let ids = chunk.join(",");
                let got: BTreeMap<String, Media> = g
                    .get(
                        "",
                        &[
                            ("ids", ids.as_str()),
                            ("fields", "id,caption,comments_count,permalink"),
                        ],
                    )
                    .await?;
                for (id, md) in got {
                    let count = md.comments_count.unwrap_or(0);
                    if cur.media.get(&id).is_some_and(|f| f.count != count) {
                        due.push((md, count));
                    }
                }
            }
            cur.old_checked = now;
        }
        let mut mentions = Vec::new();
        for (md, count) in due {
            let got = self.comments(&mut g, &md, &own, now).await?;
            if let Some(f) = md.id.as_ref().and_then(|id| cur.media.get_mut(id)) {
                f.count = count;
                f.active = got
                    .iter()
                    .map(|m| m.created_at)
                    .max()
                    .unwrap_or(f.active)
                    .max(f.active);
            }
            mentions.extend(got);
        }
        let tags: List<Media> = g
            .get(
                &format!("{ig}/tags"),
                &[
                    (
                        "fields",
                        "id,caption,comments_count,like_count,permalink,timestamp,username",
                    ),
                    ("limit", "25"),
                ],
            )
            .await?;
        let mut newest = cur.since;
        for md in &tags.data {
            if let Some(m) = parse::tag_mention(md, now).filter(|m| m.created_at >= cur.since) {
                newest = newest.max(m.created_at);
                mentions.push(m);
            }
        }
        cur.since = newest;
        for m in &mut mentions {
            m.author.followers = self.followers(&mut g, &m.author.handle).await;
        }
        cur.media.retain(|_, f| now - f.active <= FOLLOW_FOR);
        while cur.media.len() > MAX_FOLLOWED {
            let oldest = cur
                .media
                .iter()
                .min_by_key(|(_, f)| f.active)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => cur.media.remove(&k),
                None => break,
            };
        }
        Ok(finish(&self.spec, mentions, &cur, &g, now))
    }

    async fn comments(
        &self,
        g: &mut Graph,
        md: &Media,
        own: &str,
        now: i64,
    ) -> Result<Vec<Mention>, ChannelError> {
        let Some(id) = md.id.clone() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        let mut path = format!("{id}/comments");
        let mut query: Vec<(&str, &str)> = vec![
            ("fields", "id,text,timestamp,username,from{id,username},like_count,hidden,replies{id,text,timestamp,username,from{id,username},like_count,hidden}"),
            ("limit", "50"),
        ];
        for _ in 0..MAX_PAGES {
            let list: List<IgComment> = g.get(&path, &query).await?;
            for c in &list.data {
                out.extend(parse::comment_mentions(c, md, own, now));
            }
            match list.paging.and_then(|p| p.next) {
                Some(next) if !list.data.is_empty() => {
                    path = next;
                    query.clear();
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// Followers through business discovery, cached; `None` for personal accounts or when
    /// Instagram will not say.
    async fn followers(&mut self, g: &mut Graph, username: &str) -> Option<i64> {
        if username.is_empty() || username == "Instagram user" {
            return None;
        }
        if let Some(known) = self.reach.get(username) {
            return *known;
        }
        let field = format!("business_discovery.username({username}){{followers_count}}");
        let got = match g
            .get::<Discovery>(&self.ig_id.clone(), &[("fields", field.as_str())])
            .await
        {
            Ok(d) => d.business_discovery.and_then(|b| b.followers_count),
            Err(_) => None,
        };
        self.reach.insert(username.to_string(), got);
        got
    }
}

impl Connector for Instagram {
    fn next_batch<'a>(&'a mut self, cursor: Option<&'a str>) -> BatchFuture<'a> {
        Box::pin(self.poll(cursor))
    }
}

/// Answers an Instagram comment: publicly (`POST /{comment}/replies`, to the thread's first
/// comment: Instagram threads are two deep) or privately (one private reply per comment).
pub async fn send(
    spec: &SourceSpec,
    ctx: Context,
    draft: &Draft<'_>,
) -> Result<Sent, ChannelError> {
    let mut g = Graph::for_source(spec, &ctx).await?;
    let m = draft.target;
    if m.remote.kind == Some(Kind::Tag) {
        return Err(ChannelError::Refused(
            "Instagram does not let apps comment on posts that only tag the account: open it on Instagram to answer".into(),
        ));
    }
    if draft.private {
        return private_reply(&mut g, draft).await;
    }
    let object = match m.remote.kind {
        Some(Kind::Reply) => m.reply_to.clone().unwrap_or_else(|| m.external_id.clone()),
        _ => m.external_id.clone(),
    };
    if draft.retry {
        let list: List<IgComment> = g
            .get(
                &format!("{object}/replies"),
                &[("fields", "id,text,timestamp,username")],
            )
            .await?;
        let own = own_username(&mut g, spec).await?;
        if let Some(id) = list.data.into_iter().find_map(|c| {
            let t = c
                .timestamp
                .as_deref()
                .and_then(graph::parse_time)
                .unwrap_or(0);
            (c.username.as_deref() == Some(own.as_str())
                && c.text.as_deref() == Some(draft.body)
                && t >= draft.queued_at - 60)
                .then_some(c.id)
                .flatten()
        }) {
            return Ok(Sent {
                remote_id: id,
                remote_url: m.url.clone(),
            });
        }
    }
    #[derive(Deserialize)]
    struct Created {
        id: String,
    }
    let c: Created = g
        .post(&format!("{object}/replies"), &[("message", draft.body)])
        .await?;
    Ok(Sent {
        remote_id: c.id,
        remote_url: m.url.clone(),
    })
}

async fn own_username(g: &mut Graph, spec: &SourceSpec) -> Result<String, ChannelError> {
    #[derive(Deserialize)]
    struct Me {
        #[serde(default)]
        username: Option<String>,
    }
    let ig = page_of(spec)?;
    let me: Me = g.get(&ig, &[("fields", "username")]).await?;
    Ok(me.username.unwrap_or_default())
}
