//! A place of the writer's past gone (read from `mishap.rs`): "Went back to the tea room where
//! Mum and I always had scones, and it's a phone shop now", "Volví al salón de té donde … siempre
//! …, y ahora es una tienda de móviles", "und jetzt ist da ein Handyladen". A sadness, and
//! nothing the place failed to do. It takes the return, a "where … always" of what the writer
//! did there, and what it is now, in that order. Read on folded text. Earshot's own rule.

use super::super::super::super::cues::{word_spans, Folded};
use super::theirs;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Went back, folded.
#[rustfmt::skip]
const RETURNED: &[&str] = &[
    "back", "returned", "volvi", "volvimos", "regrese", "retourne", "retournee", "retournes",
    "wieder", "zuruck", "tornata", "tornato", "tornati", "tornate", "voltei", "voltamos",
];

/// Where, folded.
const WHERE: &[&str] = &["where", "donde", "ou", "wo", "dove", "onde"];

/// Always, folded.
const ALWAYS: &[&str] = &["always", "siempre", "toujours", "immer", "sempre"];

/// What it is now, folded, as it stands in the text; English "now" only after "it's" or "is"
/// ([`now_is`]).
#[rustfmt::skip]
const NOW_IS: &[&str] = &[
    "ahora es", "ahora hay", "c'est devenu", "est devenu", "c'est maintenant", "jetzt ist",
    "ist jetzt", "adesso e", "adesso c'e", "ora e un", "ora e una", "ora c'e", "agora e",
    "agora ha", "now",
];

/// Whether the post tells what the place is now at byte `at` of `text`, where [`NOW_IS`] was
/// found: English "now" within four words after "it's" or "is" ("it's a phone shop now", "is
/// now a bank"), not "and now the prices have doubled".
fn now_is(text: &str, spans: &[(usize, usize)], at: usize) -> bool {
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let Some(k) = spans.iter().position(|&(s, _)| s == at) else {
        return false;
    };
    word(k) != "now" || (k.saturating_sub(4)..k).any(|j| matches!(word(j), "it's" | "its" | "is"))
}

/// The sentence that tells a place of the writer's past gone; or None. Not where the post names
/// the business or a cause ("your new owners"): a complaint may lie there.
pub(super) fn gone(folded: &Folded) -> Option<String> {
    static FIND: OnceLock<AhoCorasick> = OnceLock::new();
    let find = FIND.get_or_init(|| AhoCorasick::new(NOW_IS).expect("static list compiles"));
    let text = folded.as_str();
    // Most posts stop here, after one pass.
    let nows: Vec<usize> = find.find_iter(text).map(|m| m.start()).collect();
    if nows.is_empty() {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let back = (0..spans.len()).find(|&k| RETURNED.contains(&word(k)))?;
    let always = (back + 1..spans.len()).find(|&k| ALWAYS.contains(&word(k)))?;
    let relative = (back + 1..always).any(|k| WHERE.contains(&word(k)));
    let now = nows
        .into_iter()
        .find(|&at| at > spans[always].1 && now_is(text, &spans, at))?;
    if !relative || theirs(text, &spans) {
        return None;
    }
    let end = text[now..]
        .find(['.', '!', '?'])
        .map_or(text.len(), |e| now + e);
    Some(folded.own(spans[back].0, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rustfmt::skip]
    #[test]
    fn a_place_of_the_past_gone_is_told_and_prices_now_are_not() {
        let told = [
            "Went back to the bakery where Dad always bought our bread, and it's a vape shop now.",
            "Volvimos a la plaza donde siempre cenábamos los domingos y ahora es un parking.",
            "Je suis retourné au bistrot où on fêtait toujours nos anniversaires, c'est devenu une banque.",
            "Sono tornato al bar dove facevamo sempre colazione e adesso è un'agenzia.",
        ];
        for post in told {
            assert!(gone(&Folded::new(post)).is_some(), "{post}");
        }
        let not = [
            "Went back to the café where we always sat and now the prices have doubled.",
            "Went back to the pub where we always ate, and your new owners ruined it, it's a bar now.",
            "Went back to the cafe and it's a vape shop now.",
            "We always loved the old place where we met, and it's still there now.",
        ];
        for post in not {
            assert!(gone(&Folded::new(post)).is_none(), "{post}");
        }
    }
}
