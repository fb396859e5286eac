//! Search inside an inbox view, in the view's order, at any size.
//!
//! FTS5 finds the hits quickly, but a view is sorted by urgency or time, and sorting every hit of
//! a common word (half a million at 1M mentions) costs hundreds of milliseconds; even reading all
//! of a prefix's doclists costs tens. So a search finds its page in up to three steps:
//!
//! 1. **probe**: the first [`PROBE`] rows of the view are checked in order with
//!    [`SearchQuery::matches`], a Rust matcher with FTS5's tokenising rules (`unicode61
//!    remove_diacritics 2`). A common word fills the page here and FTS5 is never asked.
//! 2. **few hits**: FTS5 is asked for at most [`FEW`] + 1 hits; if that is all of them, the page
//!    is those rows, filtered and sorted (a few thousand primary-key reads).
//! 3. **many hits**: the whole view is walked in order, each row checked by the same matcher
//!    (registered as the SQL function `earshot_search`); with more than [`FEW`] hits in the
//!    rows, a page of 50 is found within about 50 × rows / FEW rows.
//!
//! Every path returns the same rows in the same order, with the same cursors; a property test
//! holds the matcher to FTS5's answers.

use std::sync::Arc;

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// How many rows of a view are checked before FTS5 is asked: a word in more than about one row
/// in 40 fills a page of 50 here, without reading its whole doclist.
pub const PROBE: usize = 2_000;

/// Above this many FTS hits, the view's index is walked instead of sorting the hits.
pub const FEW: usize = 6_000;

/// What a person typed, as FTS5 reads it: every word must appear (a word with inner
/// punctuation, like `brightside.coffee`, as a phrase), and the last one may be a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Each word's folded tokens, in order.
    phrases: Vec<Vec<String>>,
}

/// FTS5's `unicode61` token characters are letters, numbers and private-use characters; the rest
/// (marks included) separate tokens.
fn is_token_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() && !is_combining_mark(c)) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Folds one character as `remove_diacritics 2` does: lowercase, and Latin letters lose their
/// accents.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let latin = matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}');
    for l in c.to_lowercase() {
        if latin {
            out.extend(std::iter::once(l).nfd().filter(|m| !is_combining_mark(*m)));
        } else {
            out.push(l);
        }
    }
}

/// The folded tokens of `text`, in order.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !is_token_char(c))
        .filter(|t| !t.is_empty())
        .map(|t| {
            let mut s = String::with_capacity(t.len());
            t.chars().for_each(|c| fold_char(c, &mut s));
            s
        })
}

/// The words of a search as [`crate::store::fts_query`] quotes them.
pub(crate) fn words(input: &str) -> impl Iterator<Item = &str> {
    input
        .split(|c: char| {
            !c.is_alphanumeric() && c != '\'' && c != '@' && c != '#' && c != '.' && c != '-'
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

impl SearchQuery {
    /// The query for what was typed; `None` when nothing searchable is left.
    pub fn parse(input: &str) -> Option<SearchQuery> {
        let phrases: Vec<Vec<String>> = words(input)
            .map(|w| tokens(w).collect::<Vec<_>>())
            .filter(|p| !p.is_empty())
            .collect();
        (!phrases.is_empty()).then_some(SearchQuery { phrases })
    }

    /// Whether one of `columns` holds every word (each word's tokens side by side in one
    /// column; the very last token may be a prefix), as the FTS5 query would say.
    pub fn matches(&self, columns: &[Option<&str>]) -> bool {
        let docs: Vec<Vec<String>> = columns
            .iter()
            .flatten()
            .map(|c| tokens(c).collect())
            .collect();
        let last = self.phrases.len() - 1;
        self.phrases
            .iter()
            .enumerate()
            .all(|(i, p)| docs.iter().any(|d| phrase_in(d, p, i == last)))
    }
}

/// Whether `phrase` occurs in `doc` as consecutive tokens; with `prefix`, its last token need
/// only begin a token.
fn phrase_in(doc: &[String], phrase: &[String], prefix: bool) -> bool {
    if phrase.len() > doc.len() {
        return false;
    }
    let n = phrase.len();
    doc.windows(n).any(|w| {
        w.iter().zip(phrase).enumerate().all(|(k, (d, p))| {
            if prefix && k == n - 1 {
                d.starts_with(p.as_str())
            } else {
                d == p
            }
        })
    })
}

/// Registers `earshot_search(query, title, text, author_handle, author_name)` on `conn`; the
/// parsed query is kept for the statement's life (SQLite auxiliary data).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "earshot_search",
        5,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let q: Arc<Option<SearchQuery>> = ctx.get_or_create_aux(0, |v| {
                v.as_str()
                    .map(SearchQuery::parse)
                    .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))
            })?;
            let Some(q) = q.as_ref() else {
                return Ok(false);
            };
            let cols: Vec<Option<&str>> = (1..5)
                .map(|i| ctx.get_raw(i).as_str_or_null().ok().flatten())
                .collect();
            Ok(q.matches(&cols))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(q: &str, text: &str) -> bool {
        SearchQuery::parse(q).unwrap().matches(&[Some(text)])
    }

    #[test]
    fn words_fold_case_and_accents_and_the_last_is_a_prefix() {
        assert!(m("cafe", "Best CAFÉ in town"));
        assert!(m("brule", "crème brûlée"));
        assert!(m("refu", "I want a refund"));
        assert!(m("refund please", "please refund"), "words in any order");
        assert!(!m("refund please", "refund"), "every word");
        assert!(!m("fund", "refund"));
        assert!(m("brightside.coffee", "visit brightside.coffee today"));
        assert!(!m("brightside.coffee", "brightside makes coffee"));
        assert!(SearchQuery::parse("  ..  ").is_none());
    }

    #[test]
    fn every_word_may_be_in_a_different_column() {
        let q = SearchQuery::parse("maya flat").unwrap();
        assert!(q.matches(&[Some("Best flat white"), None, Some("Maya R."), None]));
        assert!(!q.matches(&[Some("Best white"), None, Some("Maya R."), None]));
    }
}
