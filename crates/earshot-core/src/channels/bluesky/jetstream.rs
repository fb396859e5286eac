//! Bluesky Jetstream events (`wantedCollections=app.bsky.feed.post`), as JSON text frames:
//! parsing borrows from the frame, so a firehose costs one pass and no copies until a post
//! matches. The live connector (WebSocket, cursor, profiles) builds on this.

use serde::Deserialize;

/// One Jetstream frame; only what Earshot reads.
#[derive(Debug, Deserialize)]
pub struct Event<'a> {
    /// The author's DID.
    #[serde(borrow)]
    pub did: &'a str,
    /// Microseconds since the epoch: the resume cursor.
    pub time_us: i64,
    /// "commit", "identity" or "account".
    #[serde(borrow)]
    pub kind: &'a str,
    /// For commits: what changed.
    #[serde(default, borrow)]
    pub commit: Option<Commit<'a>>,
}

/// A repository change.
#[derive(Debug, Deserialize)]
pub struct Commit<'a> {
    /// "create", "update" or "delete".
    #[serde(borrow)]
    pub operation: &'a str,
    /// The record's collection ("app.bsky.feed.post").
    #[serde(borrow)]
    pub collection: &'a str,
    /// The record key.
    #[serde(borrow)]
    pub rkey: &'a str,
    /// The record, for creates and updates.
    #[serde(default, borrow)]
    pub record: Option<PostRecord<'a>>,
    /// The record's content id, for creates and updates.
    #[serde(default, borrow)]
    pub cid: Option<&'a str>,
}

/// The fields of a post record Earshot reads (other collections parse to empty ones).
#[derive(Debug, Deserialize, Default)]
pub struct PostRecord<'a> {
    /// The post's text (may contain JSON escapes, hence `Cow`).
    #[serde(default, borrow)]
    pub text: Option<std::borrow::Cow<'a, str>>,
    /// Declared languages.
    #[serde(default, borrow)]
    pub langs: Vec<&'a str>,
    /// When the author's client says it was written (RFC 3339).
    #[serde(default, rename = "createdAt", borrow)]
    pub created_at: Option<&'a str>,
    /// Where it sits in a thread, when it is a reply.
    #[serde(default, borrow)]
    pub reply: Option<ReplyRefs<'a>>,
    /// Rich-text facets (mentions, links, tags).
    #[serde(default, borrow)]
    pub facets: Vec<Facet<'a>>,
    /// What the post embeds; a quote embeds another post's strong ref.
    #[serde(default, borrow)]
    pub embed: Option<Embed<'a>>,
}

/// An embed; only the quoted record is read (`app.bsky.embed.record`, and the record of
/// `app.bsky.embed.recordWithMedia`, one level further down).
#[derive(Debug, Deserialize, Default)]
pub struct Embed<'a> {
    /// The quoted record (or, with media, `{record: {uri, cid}}`).
    #[serde(default, borrow)]
    pub record: Option<EmbedRecord<'a>>,
}

/// The record of an embed.
#[derive(Debug, Deserialize, Default)]
pub struct EmbedRecord<'a> {
    /// The quoted post, for `app.bsky.embed.record`.
    #[serde(default, borrow)]
    pub uri: Option<&'a str>,
    /// The strong ref one level down, for `app.bsky.embed.recordWithMedia`.
    #[serde(default, borrow)]
    pub record: Option<StrongRef<'a>>,
}

impl Embed<'_> {
    /// The uri of the post this one quotes, if it quotes one.
    pub fn quoted(&self) -> Option<&str> {
        let r = self.record.as_ref()?;
        r.uri.or_else(|| r.record.map(|s| s.uri))
    }
}

/// A strong reference: a record's uri and content id.
#[derive(Debug, Deserialize, Clone, Copy)]
pub struct StrongRef<'a> {
    /// `at://did/collection/rkey`.
    #[serde(borrow)]
    pub uri: &'a str,
    /// Content id.
    #[serde(borrow)]
    pub cid: &'a str,
}

/// A reply's thread position.
#[derive(Debug, Deserialize)]
pub struct ReplyRefs<'a> {
    /// The thread's first post.
    #[serde(borrow)]
    pub root: StrongRef<'a>,
    /// The post answered.
    #[serde(borrow)]
    pub parent: StrongRef<'a>,
}

/// A rich-text facet; only mention features are read.
#[derive(Debug, Deserialize)]
pub struct Facet<'a> {
    /// What the byte range is.
    #[serde(default, borrow)]
    pub features: Vec<Feature<'a>>,
}

/// One facet feature.
#[derive(Debug, Deserialize)]
pub struct Feature<'a> {
    /// `app.bsky.richtext.facet#mention` and friends.
    #[serde(rename = "$type", default, borrow)]
    pub kind: Option<&'a str>,
    /// The mentioned account, for mentions.
    #[serde(default, borrow)]
    pub did: Option<&'a str>,
}

impl PostRecord<'_> {
    /// Whether the post mentions `did`, answers one of its posts, or quotes one.
    pub fn addresses(&self, did: &str) -> bool {
        let mentions = self
            .facets
            .iter()
            .flat_map(|f| &f.features)
            .any(|f| f.kind == Some("app.bsky.richtext.facet#mention") && f.did == Some(did));
        let replies = self
            .reply
            .as_ref()
            .is_some_and(|r| did_of(r.parent.uri) == Some(did) || did_of(r.root.uri) == Some(did));
        let quotes = self
            .embed
            .as_ref()
            .and_then(Embed::quoted)
            .is_some_and(|uri| did_of(uri) == Some(did));
        mentions || replies || quotes
    }
}

/// The DID of an `at://did/collection/rkey` uri.
pub fn did_of(uri: &str) -> Option<&str> {
    uri.strip_prefix("at://")?.split('/').next()
}

/// Parses one frame; `Err` carries a clear reason for a frame that is not a Jetstream event.
pub fn parse(frame: &str) -> Result<Event<'_>, String> {
    serde_json::from_str(frame).map_err(|e| format!("not a Jetstream event: {e}"))
}

impl Event<'_> {
    /// The text of a created or updated post, if this event is one.
    pub fn post_text(&self) -> Option<&str> {
        let c = self.commit.as_ref()?;
        if c.collection != "app.bsky.feed.post" || c.operation == "delete" {
            return None;
        }
        c.record.as_ref()?.text.as_deref()
    }
}

/// Jetstream's zstd dictionary for `compress=true`, as the service publishes it (provenance in
/// `fixtures/SOURCES.md`).
pub static DICTIONARY: &[u8] =
    include_bytes!("../../../../../fixtures/bluesky/jetstream_zstd_dictionary");

/// The largest frame Earshot inflates: far above any post, so a hostile or broken frame cannot
/// make it allocate without bound.
const MAX_FRAME: usize = 1 << 20;

/// Inflates `compress=true` frames: each binary WebSocket message is one zstd frame made with
/// [`DICTIONARY`]. One buffer is reused for every frame.
pub struct Inflater {
    zstd: zstd::bulk::Decompressor<'static>,
    buf: Vec<u8>,
}

impl Inflater {
    /// An inflater with Jetstream's dictionary loaded.
    pub fn new() -> std::io::Result<Inflater> {
        Ok(Inflater {
            zstd: zstd::bulk::Decompressor::with_dictionary(DICTIONARY)?,
            buf: Vec::with_capacity(16 * 1024),
        })
    }

    /// The JSON text of one compressed frame.
    pub fn frame(&mut self, compressed: &[u8]) -> Result<&str, String> {
        self.buf.clear();
        if self.buf.capacity() < MAX_FRAME {
            // The bulk API writes only into capacity it is given; it grows once, then is reused.
            self.buf.reserve(MAX_FRAME);
        }
        self.zstd
            .decompress_to_buffer(compressed, &mut self.buf)
            .map_err(|e| format!("not a Jetstream zstd frame: {e}"))?;
        std::str::from_utf8(&self.buf).map_err(|e| format!("frame is not UTF-8: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_frames_parse_and_only_posts_have_text() {
        let frames = String::from_utf8(crate::channels::fixture(
            "bluesky",
            "jetstream_v1_events.jsonl",
        ))
        .expect("the fixture is UTF-8");
        let mut posts = 0;
        for line in frames.lines().filter(|l| !l.trim().is_empty()) {
            let e = parse(line).expect("fixture frames parse");
            assert!(e.time_us > 0 && e.did.starts_with("did:"));
            if e.post_text().is_some() {
                posts += 1;
                assert_eq!(
                    e.commit.as_ref().map(|c| c.collection),
                    Some("app.bsky.feed.post")
                );
            }
        }
        assert!(posts >= 1);
        assert!(parse("{\"did\":1}").is_err());
        assert!(parse("not json").is_err());
    }

    #[test]
    fn a_compressed_frame_inflates_with_the_dictionary_and_garbage_is_an_error() {
        let frame = crate::channels::fixture("bluesky", "jetstream_v1_events.jsonl");
        let first = String::from_utf8(frame)
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_string();
        let mut zstd = zstd::bulk::Compressor::with_dictionary(3, DICTIONARY).unwrap();
        let packed = zstd.compress(first.as_bytes()).unwrap();
        assert!(
            packed.len() < first.len(),
            "the dictionary makes a frame smaller"
        );
        let mut inflater = Inflater::new().unwrap();
        assert_eq!(
            inflater.frame(&packed).unwrap(),
            first,
            "the same JSON comes back"
        );
        assert!(
            parse(inflater.frame(&packed).unwrap()).is_ok(),
            "and parses"
        );
        assert!(
            inflater.frame(b"not zstd at all").is_err(),
            "garbage is an error, not a panic"
        );
        assert!(
            inflater.frame(&packed[..packed.len() / 2]).is_err(),
            "so is a cut frame"
        );
    }

    #[test]
    fn a_quote_of_the_business_s_post_addresses_the_business() {
        let owner = "did:plc:brightsideowner";
        let quote = |embed: &str| {
            format!(
                r#"{{"did":"did:plc:someone","time_us":1732900000000000,"kind":"commit","commit":{{"rev":"3l","operation":"create","collection":"app.bsky.feed.post","rkey":"3lq","record":{{"$type":"app.bsky.feed.post","text":"this.","createdAt":"2026-11-30T09:00:00Z","embed":{embed}}},"cid":"bafy"}}}}"#
            )
        };
        let plain = quote(&format!(
            r#"{{"$type":"app.bsky.embed.record","record":{{"uri":"at://{owner}/app.bsky.feed.post/3abc","cid":"bafyq"}}}}"#
        ));
        let with_media = quote(&format!(
            r#"{{"$type":"app.bsky.embed.recordWithMedia","record":{{"record":{{"uri":"at://{owner}/app.bsky.feed.post/3abc","cid":"bafyq"}}}},"media":{{"$type":"app.bsky.embed.images","images":[]}}}}"#
        ));
        let other = quote(
            r#"{"$type":"app.bsky.embed.record","record":{"uri":"at://did:plc:other/app.bsky.feed.post/3x","cid":"b"}}"#,
        );
        for (frame, addressed) in [(plain, true), (with_media, true), (other, false)] {
            let e = parse(&frame).expect("a quote post parses");
            let rec = e.commit.as_ref().and_then(|c| c.record.as_ref()).unwrap();
            assert_eq!(rec.addresses(owner), addressed, "{frame}");
        }
    }
}
