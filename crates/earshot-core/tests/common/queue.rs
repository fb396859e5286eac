//! The owner's queue on a manual clock: an engine on a temporary SQLite database,
//! mentions ingested as a network would deliver them, and the recording notifier.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use earshot_core::channels::Batch;
use earshot_core::clock::Clock;
use earshot_core::engine::Engine;
use earshot_core::model::{
    Author, Business, Channel, Mention, Source, SourceKind, SourceSpec, Status,
};
use earshot_core::store::db::Db;
use earshot_core::store::MentionQuery;
use earshot_core::work::targets::{BusinessHours, Targets};

use super::Recorder;

pub const NOW: i64 = 1_795_000_000;

pub struct Setup {
    pub engine: Engine,
    pub source: Source,
    pub clock: Arc<AtomicI64>,
    pub alerts: Arc<Recorder>,
    pub _dir: tempfile::TempDir,
}

pub async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicI64::new(NOW));
    let alerts = Arc::new(Recorder::default());
    let engine = Engine::new(
        Db::open(dir.path()).unwrap(),
        alerts.clone(),
        Clock::manual(clock.clone()),
    );
    engine
        .set_business(Business {
            name: "Brightside".into(),
            terms: vec!["brightside".into()],
            exclusions: vec![],
        })
        .await
        .unwrap();
    engine.start().await.unwrap();
    engine
        .set_targets(Targets {
            hours: BusinessHours::always(),
            low_below: 0,
            ..Targets::default()
        })
        .await
        .unwrap();
    let source = engine
        .add_source(SourceSpec {
            url: Some("http://127.0.0.1:9/never.xml".into()),
            interval_secs: Some(86_400),
            require_match: Some(false),
            ..SourceSpec::new(SourceKind::Rss, "feed")
        })
        .await
        .unwrap();
    alerts.take();
    Setup {
        engine,
        source,
        clock,
        alerts,
        _dir: dir,
    }
}

pub fn post(id: &str, author: &str, text: &str, posted: i64) -> Mention {
    let mut m = Mention::new(Channel::Rss, id, text);
    m.created_at = posted;
    m.author = Author {
        handle: author.into(),
        ..Author::default()
    };
    m
}

impl Setup {
    pub async fn ingest(&self, posts: Vec<Mention>) -> Vec<Mention> {
        self.engine
            .ingest(
                &self.source,
                Batch {
                    mentions: posts.clone(),
                    ..Batch::default()
                },
            )
            .await
            .unwrap();
        let mut out = Vec::new();
        for p in posts {
            out.push(self.find(&p.external_id).await);
        }
        out
    }

    pub async fn find(&self, external_id: &str) -> Mention {
        for status in [None, Some(Status::Snoozed), Some(Status::Ignored)] {
            let page = self
                .engine
                .list(MentionQuery {
                    status,
                    limit: Some(500),
                    ..MentionQuery::default()
                })
                .await
                .unwrap();
            if let Some(m) = page
                .mentions
                .into_iter()
                .find(|m| m.external_id == external_id)
            {
                return m;
            }
        }
        panic!("{external_id} not stored")
    }

    pub async fn ids(&self, q: MentionQuery) -> Vec<String> {
        let page = self
            .engine
            .list(MentionQuery {
                limit: Some(500),
                ..q
            })
            .await
            .unwrap();
        page.mentions.into_iter().map(|m| m.external_id).collect()
    }

    pub fn advance(&self, secs: i64) {
        self.clock.fetch_add(secs, Ordering::SeqCst);
    }
}
