//! A word of what the business said or took, and soon after it a word of what it did instead:
//! "Uns wurde ein Tisch am Fenster versprochen, stattdessen saßen wir neben der Toilette", "mi ha
//! fatto pagare un pezzo che non ha mai cambiato", "Paguei pelo plano anual e o app continua
//! pedindo para assinar". No phrase of the complaint lists says it; the two words, a few apart, do.
//! Read on folded text (`matcher::fold`), in each modelled language. Earshot's own lists.

use std::sync::OnceLock;

use super::wrong_item::INSTEAD;

#[path = "broken_pairs.rs"]
mod pairs;
#[path = "broken_pairs_late.rs"]
mod pairs_late;
#[path = "broken_pairs_more.rs"]
mod pairs_more;
#[path = "broken_sold_as.rs"]
mod sold_as;
use pairs::PAIRS;
use pairs_late::LATE_PAIRS;
use pairs_more::MORE_PAIRS;

/// How many pairs there are, in the three lists.
const COUNT: usize = PAIRS.len() + MORE_PAIRS.len() + LATE_PAIRS.len();

/// Every pair: the first list's, then the second's, then the third's.
fn all_pairs() -> impl Iterator<Item = &'static Pair> {
    PAIRS.iter().chain(MORE_PAIRS).chain(LATE_PAIRS)
}

/// Two words that make a complaint when the second follows the first closely enough.
struct Pair {
    /// The business's promise, its charge or the writer's payment.
    first: &'static [&'static str],
    /// What broke it; two words where one alone says something else ("immer noch").
    then: &'static [&'static str],
    /// How many words after the first the second may stand.
    within: usize,
    /// Words that, right before the first, make it a promise kept ("as promised").
    not_after: &'static [&'static str],
    /// Words that, right after the first, make it another verb ("nos subieron de categoría":
    /// upgraded, not raised).
    not_next: &'static [&'static str],
    /// Words one of which must stand right before the first ("but now"), when there are any.
    only_after: &'static [&'static str],
    /// Whether a relative word must stand between the two: a part "that" was never replaced,
    /// not "charged a fair price, never pushy".
    relative: bool,
    /// Words one of which must stand between the two, when there are any: "charged a full
    /// consultation *when* the nurse only clipped the claws".
    via: &'static [&'static str],
    /// Whether the two must stand in one clause: "instead of the blond I asked for", not
    /// "Instead of flowers, we asked guests to donate".
    one_clause: bool,
    /// Whether the post must name two different prices ("Facture de 300 euros pour un devis
    /// annoncé à 120"; not "the bill matched the quote").
    prices: bool,
    /// Whether a number must follow each of the two closely, and the two numbers differ: "booked
    /// the room for 6 … gave us a room for 4", not "booked for 4 at 8pm, gave us a great table".
    counts: bool,
    /// Words within three after the second that undo the pair ("renewed without any problems").
    unless_then: &'static [&'static str],
    /// Whether a question undoes the pair ("Are the showers heated or cold in winter?").
    told: bool,
    /// Whether a turn ("but", "pero", "aber") must stand between the two: "nut-free, but the
    /// dessert came with almonds", not "gluten-free cake with almonds, delicious".
    turned: bool,
    /// Whether a word of the writer's own ("our", "nuestras", "nos") must stand between the two:
    /// "sold our seats to another family", not "passed the leftovers to another charity".
    ours: bool,
    /// Whether a negation between the two undoes the pair: "prices haven't gone up in years".
    unnegated: bool,
    /// How many words before the first (back to an "and") a negation undoes the pair: "not a
    /// speck of mud on the carpet".
    clear_before: usize,
}

/// A pair with no condition but its words' order and distance.
const PLAIN: Pair = Pair {
    first: &[],
    then: &[],
    within: 8,
    not_after: &[],
    not_next: &[],
    only_after: &[],
    relative: false,
    via: &[],
    one_clause: false,
    prices: false,
    counts: false,
    unless_then: &[],
    told: false,
    turned: false,
    ours: false,
    unnegated: false,
    clear_before: 0,
};

/// The writer's own, folded: "our", "my" and their forms in each language.
#[rustfmt::skip]
const OURS: &[&str] = &[
    "our", "my", "nuestra", "nuestras", "nuestro", "nuestros", "mi", "mis", "nos", "mes", "notre",
    "mon", "ma", "unsere", "unseren", "unser", "meine", "meinen", "mein", "nostri", "nostre",
    "nostro", "nostra", "miei", "mie", "mio", "mia", "nossos", "nossas", "nosso", "nossa", "meus",
    "minhas", "meu", "minha", "ci",
];

/// The writer's reserving, folded: what was reserved was the writer's.
#[rustfmt::skip]
const RESERVED: &[&str] = &[
    "reserved", "booked", "reservamos", "reserve", "reserves", "reservees", "reservierten",
    "reserviert", "prenotato", "prenotati", "prenotate", "reservaram", "reservei",
];

/// Relative words, folded: what a charge was for ("que nunca cambió", "qu'il n'a jamais").
#[rustfmt::skip]
const RELATIVE: &[&str] = &[
    "that", "which", "que", "qu'il", "qu'ils", "qu'on", "qu'elle", "das", "den", "die",
    "der", "was", "che", "quale",
];

/// A turn, folded.
const TURNS: &[&str] = &["but", "yet", "pero", "mais", "aber", "doch", "ma", "mas"];

/// Words right after the second that make it praise: "paid a bit more but still worth it",
/// "pagué más pero sigue mereciendo la pena".
#[rustfmt::skip]
const WORTH_IT: &[&str] = &[
    "worth", "cheaper", "good", "great", "better", "happy", "love", "vale", "merece", "mereciendo",
    "vaut", "lohnt", "lohnenswert", "conviene", "mejor", "melhor", "meglio", "barato",
    "barata", "cheap", "gunstig", "gunstiger",
];

/// Every pair's first words, pair after pair: the cue pass looks for them (`cues.rs`).
pub(super) fn first_words() -> impl Iterator<Item = &'static str> {
    all_pairs().flat_map(|p| p.first.iter().copied())
}

/// Where the first word and what broke it stand in a folded post (byte ranges), to quote as the
/// complaint's reason ("versprochen … stattdessen", "pagare … mai", "paguei … continua"), given
/// where the cue pass found [`first_words`]; or a thing sold as a claim the post quotes in doubt
/// ("sold … 'victorian'", `broken_sold_as.rs`).
pub(super) fn broken(
    folded: &str,
    firsts: &[(usize, usize, usize)],
) -> Option<((usize, usize), (usize, usize))> {
    paired(folded, firsts).or_else(|| sold_as::sold_as(folded))
}

/// [`broken`]'s pairs.
fn paired(
    folded: &str,
    firsts: &[(usize, usize, usize)],
) -> Option<((usize, usize), (usize, usize))> {
    // The pair of each first word.
    static PAIR_OF: OnceLock<Vec<usize>> = OnceLock::new();
    let pair_of = PAIR_OF.get_or_init(|| {
        let pairs = all_pairs().enumerate();
        pairs
            .flat_map(|(i, p)| p.first.iter().map(move |_| i))
            .collect()
    });
    // Most posts stop here: no first word stands whole ("came" in "became" is none). The others
    // read only the pairs whose first word they have.
    let mut present = [false; COUNT];
    for &(start, end, pattern) in firsts {
        present[pair_of[pattern]] |= super::cues::whole(folded, start, end);
    }
    if !present.contains(&true) {
        return None;
    }
    let found = super::cues::Words::new(folded);
    let words = &found.spans;
    let text = |i: usize| found.text(i);
    let is = |i: usize, phrase: &str| found.is(i, phrase);
    let candidates = all_pairs().zip(present).filter(|(_, here)| *here);
    candidates.map(|(p, _)| p).find_map(|p| {
        // Where the first stands, and how many words it has ("asked for just": three).
        let (at, said) = (0..words.len()).find_map(|i| {
            let before = i.checked_sub(1).map(text);
            let said = p.first.iter().find(|f| is(i, f))?.split(' ').count();
            (!before.is_some_and(|w| p.not_after.contains(&w))
                && !p.not_next.contains(&text(i + said))
                && (p.only_after.is_empty() || before.is_some_and(|w| p.only_after.contains(&w))))
            .then_some((i, said))
        })?;
        // Where the second stands, and how many words it has ("immer noch": two).
        // A turned pair's second stands after the turn ("sin frutos secos pero … almendras").
        let from = match p.turned {
            true => (at + said..words.len()).find(|&k| TURNS.contains(&text(k)))?,
            false => at + said,
        };
        let (then, last) = (from..(at + p.within).min(words.len())).find_map(|k| {
            let phrase = p.then.iter().find(|w| is(k, w))?;
            Some((k, phrase.split(' ').count()))
        })?;
        let related = (!p.relative || (at + said..then).any(|k| RELATIVE.contains(&text(k))))
            && (p.via.is_empty() || (at + said..then).any(|k| p.via.contains(&text(k))));
        // Or what the writer had reserved, told before ("the sunbeds we reserved were given to
        // other guests", "las tumbonas que reservamos se las dieron a otros").
        let reserved = || (at.saturating_sub(8)..at).any(|k| RESERVED.contains(&text(k)));
        // Or "us" right before the first ("ci blocca il passo carrabile").
        let us = at > 0 && OURS.contains(&text(at - 1));
        let owned =
            !p.ours || (at + said..then).any(|k| OURS.contains(&text(k))) || us || reserved();
        // "Sin ninguna" that ends its clause is none at all, not "sin ningún problema".
        let none = |k: usize| {
            NONE.contains(&text(k)) && {
                let end = words.get(k + 1).map_or(folded.len(), |w| w.0);
                k + 1 >= words.len() || folded[words[k].1..end].contains([',', '.', ';', '!'])
            }
        };
        let praise = (then + last..then + last + 3)
            .any(|k| WORTH_IT.contains(&text(k)) || p.unless_then.contains(&text(k)) && !none(k));
        let between = &folded[words[at + said - 1].1..words[then].0];
        let clause = !p.one_clause || !between.contains([',', '.', ';', '!', '?']);
        // "Au lieu", "en lugar", "em vez" are quoted whole.
        let from = match at.checked_sub(1).map(text) {
            Some("au" | "en" | "em") if INSTEAD.contains(&text(at)) => at - 1,
            _ => at,
        };
        let first = (words[from].0, words[at + said - 1].1);
        let priced = !p.prices || two_prices(folded);
        let counted = !p.counts || {
            let number = |k: usize| count_at(k, text);
            // The booking's number between it and the second, or before it where German puts
            // it ("einen Tisch für sechs reserviert, gedeckt war für vier").
            let booked = (at + said..then.min(at + said + 6))
                .chain((at.saturating_sub(6)..at).rev())
                .find_map(number);
            let given = (then + last..then + last + 6).find_map(number);
            matches!((booked, given), (Some(a), Some(b)) if a != b)
        };
        let asked = p.told && folded.contains('?');
        let negation = |k: usize| {
            let w = text(k).replace('\'', "");
            super::words::NEGATIONS.contains(&w.as_str())
        };
        // Before the first, back to an "and" ("no puso ninguna sábana y hay hollín": the
        // negation is of what came before).
        let mut before = (at.saturating_sub(p.clear_before)..at)
            .rev()
            .take_while(|&k| !["and", "y", "e", "et", "und", "ed"].contains(&text(k)));
        // Cleared away, unless not: "thanks for clearing the sawdust off the rug".
        let cleared = (at.saturating_sub(3)..at).find(|&k| CLEARED.contains(&text(k)));
        let cleared = cleared.is_some_and(|c| !(c.saturating_sub(3)..c).any(negation));
        let denied = p.unnegated && (at + said..then).any(negation) || before.any(negation);
        let denied = denied || cleared;
        (related && owned && clause && priced && counted && !praise && !asked && !denied)
            .then(|| (first, (words[then].0, words[then + last - 1].1)))
    })
}

/// None, folded: after "without" at a clause's end, what came was none of what was asked for.
#[rustfmt::skip]
const NONE: &[&str] = &[
    "any", "ningun", "ninguna", "aucun", "aucune", "nessuno", "nessuna", "nenhum", "nenhuma",
];

/// Clearing away, folded: within three words before a pair's first, what it names was taken
/// away ("clearing the sawdust off the rug", "quitar el barro de la alfombra").
#[rustfmt::skip]
const CLEARED: &[&str] = &[
    "clearing", "cleared", "cleaning", "cleaned", "removing", "removed", "hoovering", "hoovered",
    "vacuuming", "vacuumed", "wiping", "wiped", "limpiar", "limpiaron", "quitar", "quitaron",
    "recoger", "recogieron", "aspirar", "nettoyer", "nettoye", "enlever", "enleve", "ramasser",
    "aspirer", "entfernen", "entfernt", "wegmachen", "weggemacht", "aufsaugen", "pulire",
    "pulito", "togliere", "tolto", "aspirare", "limpar", "limparam", "tirar", "tiraram",
];

/// The number the word at `k` is: its digits, or a number word from two to twelve after "for",
/// "para", "pour", "für", "per" ("for six", "per sei"; folded). Not "one" or "un", which are as
/// often an article, nor a number word alone ("due to", French "neuf" as new).
fn count_at<'t>(k: usize, text: impl Fn(usize) -> &'t str) -> Option<u32> {
    #[rustfmt::skip]
    const WORDS: &[(&str, u32)] = &[
        ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("dos", 2),
        ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8),
        ("nueve", 9), ("diez", 10), ("doce", 12), ("deux", 2), ("trois", 3), ("quatre", 4),
        ("cinq", 5), ("sept", 7), ("huit", 8), ("dix", 10), ("onze", 11), ("douze", 12),
        ("zwei", 2), ("drei", 3), ("vier", 4), ("funf", 5), ("sechs", 6), ("sieben", 7),
        ("acht", 8), ("neun", 9), ("zehn", 10), ("elf", 11), ("zwolf", 12), ("due", 2),
        ("tre", 3), ("quattro", 4), ("cinque", 5), ("sei", 6), ("sette", 7), ("otto", 8),
        ("nove", 9), ("dieci", 10), ("undici", 11), ("dodici", 12), ("duas", 2), ("dois", 2),
        ("quatro", 4), ("sete", 7), ("oito", 8), ("dez", 10), ("doze", 12),
    ];
    const FOR: &[&str] = &["for", "para", "pour", "fur", "für", "per"];
    let w = text(k);
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    let after_for = k > 0 && FOR.contains(&text(k - 1));
    after_for
        .then(|| WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v))
        .flatten()
}

/// Whether a post names two different numbers ("300 euros … 120").
fn two_prices(folded: &str) -> bool {
    let mut numbers = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty());
    let Some(one) = numbers.next() else {
        return false;
    };
    numbers.any(|n| n != one)
}

#[cfg(test)]
#[path = "broken_tests.rs"]
mod tests;
