//! A thing sold as what the post quotes in doubt: "The antique shop sold us a 'Victorian' chest
//! of drawers with an IKEA sticker inside the top drawer", "nos vendieron una cómoda
//! 'victoriana'", "nous a vendu une commode « victorienne »", "hat uns eine 'viktorianische'
//! Kommode verkauft". The quote marks say the writer doubts what they were sold as: a complaint
//! no word of the post tells. Read on folded text (curly apostrophes made straight). Earshot's
//! own rule.

use super::super::cues::word_spans;

/// Sold, folded.
#[rustfmt::skip]
const SOLD: &[&str] = &[
    "sold", "vendieron", "vendio", "vendu", "vendue", "vendus", "verkauft", "venduto", "venduta",
    "venduti", "vendeu", "venderam",
];

/// Marks that open a quote, folded: straight, curly and French.
const OPEN: &[char] = &['\'', '"', '«', '“', '„'];

/// Marks that close one.
const CLOSE: &[char] = &['\'', '"', '»', '”', '“'];

/// How many words a doubted claim may have ("'hand-made'": two).
const CLAIM: usize = 3;

/// The word of selling and the quoted claim beside it, within four words in its clause (German
/// puts "verkauft" after the thing), as byte ranges of `folded`; or None. A quote opens right
/// before the claim's first word and closes right after its last.
pub(super) fn sold_as(folded: &str) -> Option<((usize, usize), (usize, usize))> {
    // Most posts sell nothing, or quote nothing, and stop here.
    let selling = ["sold", "vend", "verkauft"]
        .iter()
        .any(|s| folded.contains(s));
    if !selling || !folded.contains(OPEN) {
        return None;
    }
    let words = word_spans(folded);
    let text = |k: usize| &folded[words[k].0..words[k].1];
    let gap = |a: usize, b: usize| &folded[words[a].1..words[b].0];
    let opens = |k: usize| {
        let before = k
            .checked_sub(1)
            .map_or(&folded[..words[k].0], |j| &folded[words[j].1..words[k].0]);
        before.trim_end().ends_with(OPEN)
    };
    let closes = |k: usize| {
        let end = words.get(k + 1).map_or(folded.len(), |w| w.0);
        folded[words[k].1..end].trim_start().starts_with(CLOSE)
    };
    let sold = (0..words.len()).find(|&i| SOLD.contains(&text(i)))?;
    let near = sold.saturating_sub(4)..(sold + 5).min(words.len());
    near.filter(|&k| k != sold && opens(k)).find_map(|k| {
        let last = (k..(k + CLAIM).min(words.len())).find(|&j| closes(j))?;
        // In one clause with the word of selling.
        let (a, b) = if k < sold { (last, sold) } else { (sold, k) };
        let apart = a == b || !gap(a, b).contains([',', '.', ';', '!', '?']);
        apart.then_some((words[sold], (words[k].0, words[last].1)))
    })
}

#[cfg(test)]
mod tests {
    use super::sold_as;

    /// The claim `sold_as` finds, as the post says it.
    fn claim(text: &str) -> Option<String> {
        let folded = crate::matcher::fold(text);
        sold_as(&folded).map(|(_, (a, b))| folded[a..b].to_string())
    }

    #[test]
    fn a_claim_sold_in_quotes_is_doubted() {
        let cases = [
            (
                "The antique shop sold us a 'Victorian' chest of drawers with an IKEA sticker",
                Some("victorian"),
            ),
            (
                "L'antiquaire nous a vendu une commode « victorienne » avec un autocollant",
                Some("victorienne"),
            ),
            (
                "Der Laden hat uns eine 'viktorianische' Kommode verkauft",
                Some("viktorianische"),
            ),
            (
                "They sold us a “hand made” rug with a factory label",
                Some("hand made"),
            ),
            // No quote, or one beyond the clause.
            ("They sold us a Victorian chest and it's lovely", None),
            ("Sold out by noon. The 'special' was worth it", None),
            ("The shops' prices are fair and they sold me a lamp", None),
        ];
        for (text, want) in cases {
            assert_eq!(claim(text).as_deref(), want, "{text}");
        }
    }
}
