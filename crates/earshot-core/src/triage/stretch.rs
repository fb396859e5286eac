//! Stretched words ("neverrr", "sooo", "terribleeee"): read as the word they stretch, by the
//! tokenizer and by the cue phrases alike.

use std::borrow::Cow;

/// A stretched word squashed to two letters a stretch ("terribleeee" → "terriblee", "sooo" →
/// "soo") is read as the word it stretches when only the one-letter form is a word Earshot knows
/// ("terrible", "so"); "goood" is "good" already, and a word no list knows keeps its two letters.
/// `stretches` are the bytes of each squashed stretch's second letter in `norm`.
pub(super) fn unstretch(norm: &mut String, stretches: &[usize]) {
    if known(norm) {
        return;
    }
    let mut single = norm.clone();
    for &at in stretches.iter().rev() {
        single.remove(at);
    }
    if known(&single) {
        *norm = single;
    }
}

/// A word of a lexicon, a function word, one that negates or boosts, or a word of a cue phrase
/// ("again" of "never again", "nothing" of "still nothing").
fn known(norm: &str) -> bool {
    use super::text::{is_stop_word, role_of, Role};
    role_of(norm) != Role::Plain
        || is_stop_word(norm)
        || super::vader::valence(norm).is_some()
        || super::cues::cue_word(norm)
}

/// The post with each stretched word written as the word the tokenizer reads ("neverrr
/// againnn" → "never again", "STILLLL" → "STILL"), so that cue phrases find it as they find the
/// plain word. The post itself when nothing in it is stretched (almost every post: one pass
/// over its bytes).
pub fn destretched(text: &str) -> Cow<'_, str> {
    if !stretched(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(char::is_whitespace) {
        // A link or a handle is a name, not words ("www.", "@heyyycafe").
        let name = piece.starts_with('@') || piece.starts_with("www.") || piece.contains("://");
        if name || !stretched(piece) {
            out.push_str(piece);
            continue;
        }
        let mut rest = piece;
        while let Some(start) = rest.find(char::is_alphabetic) {
            out.push_str(&rest[..start]);
            let len = rest[start..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len() - start);
            out.push_str(&word_as_read(&rest[start..start + len]));
            rest = &rest[start + len..];
        }
        out.push_str(rest);
    }
    Cow::Owned(out)
}

/// Whether a text has three of one letter in a row.
fn stretched(text: &str) -> bool {
    let (mut prev, mut run) = ('\0', 0);
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c == prev && c.is_alphabetic() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            (prev, run) = (c, 0);
        }
    }
    false
}

/// One word, each stretch squashed as [`unstretch`] does, its letters' case kept.
fn word_as_read(word: &str) -> Cow<'_, str> {
    if !stretched(word) {
        return Cow::Borrowed(word);
    }
    let squash = |keep: usize| -> String {
        let (mut out, mut prev, mut run) = (String::with_capacity(word.len()), '\0', 0);
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let low = c.to_lowercase().next().unwrap_or(c);
            if low == prev {
                run += 1;
            } else {
                (prev, run) = (low, 0);
            }
            // The whole run's length decides: a double letter that is not a stretch stays.
            let run_len = run
                + 1
                + chars[i + 1..]
                    .iter()
                    .take_while(|n| n.to_lowercase().next() == Some(low))
                    .count();
            if run_len < 3 || run < keep {
                out.push(c);
            }
        }
        out
    };
    let two = squash(2);
    if known(&two.to_lowercase()) {
        return Cow::Owned(two);
    }
    let one = squash(1);
    Cow::Owned(if known(&one.to_lowercase()) { one } else { two })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretched_words_are_written_as_the_words_they_stretch() {
        assert_eq!(
            destretched("neverrr againnn, STILLLL nothinggg!!!"),
            "never again, STILL nothing!!!"
        );
        // Known with two letters, known with one, and a word no list knows keeps two.
        assert_eq!(destretched("goooood sooo zorrrrk"), "good so zorrk");
        // Double letters that are no stretch stay; a post with none is itself.
        assert_eq!(destretched("Schifffahrt kaffee"), "Schiffahrt kaffee");
        assert!(matches!(destretched("still waiting"), Cow::Borrowed(_)));
        // Links and handles are names: "www" stays, and so does a handle's stretch.
        assert_eq!(
            destretched("sooo slow www.bellacafe.com https://www.x.com @heyyycafe"),
            "so slow www.bellacafe.com https://www.x.com @heyyycafe"
        );
        assert!(matches!(destretched("ok!!! 😡😡😡"), Cow::Borrowed(_)));
    }
}
