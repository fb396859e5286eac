//! Cue phrases: the words people use when they complain, ask for help or want to buy. Matched on
//! folded text, on word boundaries; the earlier a cue stands in its list, the stronger it is.

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::cue_lists::{
    HELP_CUES, LEAD_CUES, OWN_PLAN_CUES, SARCASM_CUES, SUGGESTION_CUES, SYMPATHY_CUES,
    TOWN_NEWS_CUES,
};
use super::farewell::{DEATH_CUES, LOSS_CUES};
use super::own_excuse::{MORE_OWN_PLAN_CUES, OWN_LATENESS_CUES};

/// The compiled cue lists, and the word lists that other readers look for before they split a
/// post into words ([`Raw`]): one automaton, so that a post is searched once for all of them.
/// Each list is a range of the automaton's patterns, in [`Placed`]'s order, then [`Raw`]'s
/// ([`Cues::found`] gives them apart).
pub struct Cues {
    all: AhoCorasick,
    /// Where each list's patterns start in [`Cues::all`], and the end of the last.
    starts: [usize; LISTS + 1],
}

/// How many cue lists there are, and how many lists in all.
const CUE_LISTS: usize = 5;
const LISTS: usize = CUE_LISTS + 6;

/// Matches of one list, in the order the automaton finds them: (start, end, pattern counted from
/// the list's first), on a word boundary or not.
pub(super) type Hits = Vec<(usize, usize, usize)>;

/// Every match in a post of the lists other readers look for themselves, each as if its list
/// were searched alone.
pub(super) struct Raw {
    /// The first words of `broken.rs`'s pairs.
    pub broken: Hits,
    /// `waited.rs`'s words, group after group.
    pub waited: Hits,
    /// `wrong_item.rs`'s words of ordering and asking.
    pub ordered: Hits,
    /// `farewell.rs`'s closings and words of sadness.
    pub closing: Hits,
    pub sadness: Hits,
    /// `supposed.rs`'s "what should I do if".
    pub supposing: Hits,
}

/// A post's cues of each list, as [`placed`] finds them in a list searched alone (each cue's
/// rank counted from its list's first pattern), and what the other readers look for.
pub(super) struct Placed {
    /// Complaint cues, then the grave ones (ranks from [`Cues::grave_from`] on are
    /// `grave.rs`'s).
    pub complaint: Vec<Cue>,
    /// Help-request cues, suggestions, then the writer's own change of plan (ranks from
    /// [`Cues::own_plan_from`] on).
    pub help: Vec<Cue>,
    /// Purchase cues.
    pub lead: Vec<Cue>,
    /// Sarcasm marks.
    pub sarcasm: Vec<Cue>,
    /// Sympathy and losses, then the town's news (ranks from [`Cues::news_from`] on).
    pub sympathy: Vec<Cue>,
    pub raw: Raw,
}

impl Cues {
    /// The first pattern of the complaint list that is a grave cue ([`super::grave::Grave::of`]
    /// counts from it).
    pub fn grave_from(&self) -> usize {
        super::complaint_cues::COUNT
    }

    /// The first pattern of the sympathy list that is the town's news.
    pub fn news_from(&self) -> usize {
        SYMPATHY_CUES.len() + LOSS_CUES.len() + DEATH_CUES.len()
    }

    /// The first pattern of the help list that is the writer's own change of plan.
    pub fn own_plan_from(&self) -> usize {
        HELP_CUES.len() + SUGGESTION_CUES.len()
    }

    /// The help list's cues as the post says them, in three: help requests and suggestions, the
    /// writer's own change of plan, and the writer's own lateness told after it
    /// ([`OWN_LATENESS_CUES`], which only keeps a lateness cue from reading as a complaint).
    pub(super) fn help_parts(&self, help: Vec<Cue>) -> [Vec<String>; 3] {
        let plan = self.own_plan_from();
        let late = plan + OWN_PLAN_CUES.len() + MORE_OWN_PLAN_CUES.len();
        let mut parts: [Vec<String>; 3] = Default::default();
        for c in help {
            parts[usize::from(c.rank >= plan) + usize::from(c.rank >= late)].push(c.said);
        }
        parts
    }

    /// Every list's cues in a post, in one pass over it.
    pub(super) fn found(&self, text: &Folded) -> Placed {
        let (cues, raw) = self.hits(text.as_str());
        let [complaint, help, lead, sarcasm, sympathy] =
            cues.map(|l| placed(&on_boundaries(&l, text.as_str()), text));
        Placed {
            complaint,
            help,
            lead,
            sarcasm,
            sympathy,
            raw,
        }
    }

    /// Every match in a folded post, each list's apart: the cue lists', then [`Raw`].
    fn hits(&self, folded: &str) -> ([Hits; CUE_LISTS], Raw) {
        let mut lists: [Hits; LISTS] = Default::default();
        for m in self.all.find_overlapping_iter(folded) {
            let pattern = m.pattern().as_usize();
            let list = self.starts[1..].partition_point(|&s| s <= pattern);
            lists[list].push((m.start(), m.end(), pattern - self.starts[list]));
        }
        let [complaint, help, lead, sarcasm, sympathy, rest @ ..] = lists;
        let [broken, waited, ordered, closing, sadness, supposing] = rest;
        let raw = Raw {
            broken,
            waited,
            ordered,
            closing,
            sadness,
            supposing,
        };
        ([complaint, help, lead, sarcasm, sympathy], raw)
    }

    /// [`Raw`] alone, for a reader tried by itself.
    #[cfg(test)]
    pub(super) fn raw(&self, folded: &str) -> Raw {
        self.hits(folded).1
    }

    /// The complaint cues (grave ones too) in a post, strongest first, as [`placed`] says them.
    pub fn complaint_cues(&self, text: &Folded) -> Vec<String> {
        self.found(text)
            .complaint
            .into_iter()
            .map(|c| c.said)
            .collect()
    }
}

/// The cue lists, compiled once.
pub fn cue_sets() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let complaint: Vec<&str> = super::complaint_cues::all()
            .chain(super::grave::all())
            .collect();
        let lists: [Vec<&str>; LISTS] = [
            complaint,
            [
                HELP_CUES,
                SUGGESTION_CUES,
                OWN_PLAN_CUES,
                MORE_OWN_PLAN_CUES,
                OWN_LATENESS_CUES,
            ]
            .concat(),
            LEAD_CUES.to_vec(),
            SARCASM_CUES.to_vec(),
            [SYMPATHY_CUES, LOSS_CUES, DEATH_CUES, TOWN_NEWS_CUES].concat(),
            super::broken::first_words().collect(),
            super::waited::WORDS.concat(),
            super::wrong_item::ORDER.concat(),
            super::farewell::CLOSING.to_vec(),
            super::farewell::SADNESS.to_vec(),
            super::supposed::SUPPOSING.to_vec(),
        ];
        let mut starts = [0; LISTS + 1];
        for (i, l) in lists.iter().enumerate() {
            starts[i + 1] = starts[i] + l.len();
        }
        let all = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(lists.concat())
            .expect("static cue lists compile");
        Cues { all, starts }
    })
}

/// Whether a word (as the tokenizer writes it) is a word of some cue phrase: a stretched word
/// that is one reads as it ("againnn" → "again" for "never again").
pub fn cue_word(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let lists = [
                HELP_CUES,
                SUGGESTION_CUES,
                LEAD_CUES,
                OWN_PLAN_CUES,
                MORE_OWN_PLAN_CUES,
                OWN_LATENESS_CUES,
                SARCASM_CUES,
                SYMPATHY_CUES,
                TOWN_NEWS_CUES,
                LOSS_CUES,
                DEATH_CUES,
            ];
            lists
                .iter()
                .flat_map(|l| l.iter().copied())
                .chain(super::complaint_cues::all())
                .chain(super::grave::all())
                .flat_map(|cue| cue.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.len() > 1)
                .map(str::to_string)
                .collect()
        })
        .contains(crate::matcher::fold(word).as_str())
}

/// A post's text folded for cue matching (`matcher::fold`: lower case, no accents), with where
/// each folded byte came from, so that a cue is quoted as the post wrote it ("personne ne
/// répond", not "personne ne repond").
pub struct Folded<'a> {
    text: &'a str,
    folded: String,
}

impl<'a> Folded<'a> {
    /// Folds `text` as the matcher does.
    pub fn new(text: &'a str) -> Folded<'a> {
        Folded {
            text,
            folded: crate::matcher::fold(text),
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The post's own words for the folded bytes `start..end`, in lower case. An ASCII post
    /// folds byte for byte; another is walked a char at a time (only for a cue found, never
    /// for every post), each char folded alone as `matcher::fold` folds it in the whole
    /// (`matcher::fold_char`).
    pub(super) fn own(&self, start: usize, end: usize) -> String {
        let plain = || self.folded[start..end].to_string();
        if self.text.is_ascii() {
            return plain();
        }
        let (mut at, mut from, mut to) = (0, None, None);
        let mut one = String::new();
        for (i, c) in self.text.char_indices() {
            one.clear();
            one.extend(crate::matcher::fold_char(c));
            let next = at + one.len();
            if from.is_none() && start < next {
                from = Some(i);
            }
            if end <= next {
                to = Some(i + c.len_utf8());
                break;
            }
            at = next;
        }
        match (from, to) {
            (Some(a), Some(b)) if a < b => self.text[a..b].to_lowercase(),
            _ => plain(),
        }
    }
}

/// A cue found in a post: its rank, where it stands in the folded text and how the post says it.
pub(super) struct Cue {
    /// The index of its pattern in the list.
    pub rank: usize,
    /// The folded bytes `start..end` it covers (its first place in the post).
    pub start: usize,
    pub end: usize,
    /// In the post's own spelling.
    pub said: String,
}

/// The matches of one list that stand on word boundaries.
pub(super) fn on_boundaries(hits: &[(usize, usize, usize)], folded: &str) -> Hits {
    let on = |&&(start, end, _): &&(usize, usize, usize)| {
        whole(folded, start, end) && !decimals(folded.as_bytes(), start)
    };
    hits.iter().filter(on).copied().collect()
}

/// Whether the bytes `start..end` of a folded post stand as whole words: no letter or digit
/// right before or after them ("came" in "became" does not).
pub(super) fn whole(folded: &str, start: usize, end: usize) -> bool {
    let before = folded[..start].chars().next_back();
    let after = folded[end..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric))
}

/// The cues of one list's matches on word boundaries, strongest (earliest in their list) first,
/// each in the post's own spelling. A cue inside a longer one found at the same place is the
/// longer one's ("still waiting", not also "waiting"); a longer cue that is not on a word
/// boundary hides nothing ("lost my" in "lost mysteriously" leaves "lost"); a cue said twice is
/// one.
pub(super) fn placed(on_boundaries: &[(usize, usize, usize)], text: &Folded) -> Vec<Cue> {
    let mut found: Vec<Cue> = Vec::new();
    for &(start, end, rank) in on_boundaries {
        let inside = on_boundaries
            .iter()
            .any(|&(s, e, _)| s <= start && end <= e && e - s > end - start);
        if inside {
            continue;
        }
        let said = text.own(start, end);
        if !found.iter().any(|c| c.said == said) {
            found.push(Cue {
                rank,
                start,
                end,
                said,
            });
        }
    }
    found.sort_by_key(|c| c.rank);
    found
}

/// Whether a cue that starts with a digit at `start` is the fraction of a number ("2 stars" of
/// "rated 4.2 stars", "4,1 estrellas").
fn decimals(folded: &[u8], start: usize) -> bool {
    folded.get(start).is_some_and(u8::is_ascii_digit)
        && start >= 2
        && matches!(folded[start - 1], b'.' | b',')
        && folded[start - 2].is_ascii_digit()
}

/// The words of a folded text as byte ranges: letters, digits and the apostrophes inside them.
pub(super) fn word_spans(folded: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        let inside = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(trimmed(folded, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(trimmed(folded, s, folded.len()));
    }
    out
}

/// A folded text's words ([`word_spans`]) read by their index: what the readers of word pairs
/// and phrases share (`broken.rs`, `chase.rs`, `that_was.rs`).
pub(super) struct Words<'t> {
    folded: &'t str,
    /// Each word's byte range.
    pub(super) spans: Vec<(usize, usize)>,
}

impl<'t> Words<'t> {
    pub(super) fn new(folded: &'t str) -> Self {
        let spans = word_spans(folded);
        Self { folded, spans }
    }

    /// The word at `i`, or "" past the last.
    pub(super) fn text(&self, i: usize) -> &'t str {
        self.spans.get(i).map_or("", |&(s, e)| &self.folded[s..e])
    }

    /// Whether the words of `phrase`, a space between each, stand from `i` on.
    pub(super) fn is(&self, i: usize, phrase: &str) -> bool {
        phrase
            .split(' ')
            .enumerate()
            .all(|(k, w)| self.text(i + k) == w)
    }
}

/// A word's range without the apostrophes it ends with ("un'" of "'un'").
fn trimmed(folded: &str, start: usize, end: usize) -> (usize, usize) {
    (
        start,
        start + folded[start..end].trim_end_matches('\'').len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_quoted_as_the_post_spells_them() {
        let c = cue_sets();
        let text = "Je suis DÉÇU : personne ne répond, toujours pas remboursé";
        let f = Folded::new(text);
        assert_eq!(
            f.as_str(),
            crate::matcher::fold(text),
            "the same folding as the matcher"
        );
        let found = c.complaint_cues(&f);
        assert!(found.contains(&"déçu".to_string()), "{found:?}");
        assert!(
            found.contains(&"personne ne répond".to_string()),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .all(|w| !w.contains("repond") && !w.contains("decu")),
            "{found:?}"
        );
        // A plain ASCII post keeps its words (lower case).
        let f = Folded::new("Still WAITING for my refund");
        assert_eq!(c.complaint_cues(&f), vec!["refund", "still waiting"]);
        // A longer cue off a word boundary hides no shorter one ("lost my" in "lost mysteriously").
        let f = Folded::new("the parcel got lost mysteriously");
        assert_eq!(c.complaint_cues(&f), vec!["lost"]);
    }

    #[test]
    fn word_spans_keep_inner_apostrophes() {
        let f = "on m'a servi 'un' café";
        let w: Vec<&str> = word_spans(f).into_iter().map(|(s, e)| &f[s..e]).collect();
        assert_eq!(w, ["on", "m'a", "servi", "un", "café"]);
    }
}
