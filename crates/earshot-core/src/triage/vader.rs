//! VADER's sentiment rules (Hutto & Gilbert 2014, MIT; `data/VADER-LICENSE.txt`) and the
//! lexicons they read: VADER's English words and emoji, and Earshot's own words for English,
//! Spanish, French, German, Italian and Portuguese ([`super::lexicons`]).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::lexicons::{forms, translated, EMOJI_VALENCE, OWN_VALENCE};
use super::text::{Analysed, Role, Token};

const LEXICON: &str = include_str!("../../data/vader_lexicon.txt");
const EMOJI: &str = include_str!("../../data/emoji_utf8_lexicon.txt");

const B_INCR: f64 = 0.293;
const C_INCR: f64 = 0.733;
pub(super) const N_SCALAR: f64 = -0.74;

struct Lexicon {
    valence: HashMap<String, f64>,
    /// An emoji's valence: the sum of its description's words, as VADER reads them.
    emoji: HashMap<String, f64>,
    /// Earshot's own words and the translated ones ([`super::lexicons`]), with the languages
    /// each belongs to (a bit per [`OWN_LANGS`] entry).
    own: HashMap<String, Own>,
}

struct Own {
    valence: f64,
    langs: u8,
    /// From the machine-translated list, not Earshot's own: no clue to a post's language.
    translated: bool,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut valence: HashMap<String, f64> = HashMap::default();
        for l in LEXICON.lines() {
            let mut f = l.split('\t');
            let (Some(word), Some(v)) = (f.next(), f.next()) else {
                continue;
            };
            let Ok(v) = v.parse::<f64>() else { continue };
            valence.insert(word.to_string(), v);
            // The tokenizer drops apostrophes; let "can't stand"-style keys match too.
            if word.contains('\'') {
                valence.entry(word.replace('\'', "")).or_insert(v);
            }
        }
        let mut emoji: HashMap<String, f64> = EMOJI
            .lines()
            .filter_map(|l| {
                let (e, desc) = l.split_once('\t')?;
                let v: f64 = desc
                    .split_whitespace()
                    .filter_map(|w| valence.get(&w.to_lowercase()))
                    .sum();
                (v != 0.0).then(|| (e.to_string(), v))
            })
            .collect();
        for (e, v) in EMOJI_VALENCE {
            emoji.insert((*e).to_string(), *v);
        }
        let mut own: HashMap<String, Own> = HashMap::default();
        for (lang, words) in OWN_VALENCE {
            let bit = own_bit(lang);
            for (entry, v) in *words {
                for w in forms(lang, entry) {
                    // A word two languages share ("triste") keeps its first valence.
                    own.entry(w)
                        .or_insert(Own {
                            valence: *v,
                            langs: 0,
                            translated: false,
                        })
                        .langs |= bit;
                }
            }
        }
        // Below Earshot's own words and VADER's; never a negation, booster or function word
        // ("no" is AFINN's −1, "plus" its +3). The words as listed first, then their other forms
        // ("aburrida", "herrlicher") where no word of the language is already that form.
        let listed: Vec<_> = translated().collect();
        for pass in 0..2 {
            for &(lang, word, v) in &listed {
                let words = if pass == 0 {
                    vec![word.to_string()]
                } else {
                    super::lexicons::translated_forms(lang, word)
                };
                for w in words {
                    // A form another word of the language already is keeps that word's valence.
                    let taken =
                        |o: &Own| !o.translated || (pass == 1 && o.langs & own_bit(lang) != 0);
                    if valence.contains_key(&w)
                        || super::text::is_function_word(&w)
                        || own.get(&w).is_some_and(taken)
                    {
                        continue;
                    }
                    own.entry(w)
                        .or_insert(Own {
                            valence: v,
                            langs: 0,
                            translated: true,
                        })
                        .langs |= own_bit(lang);
                }
            }
        }
        Lexicon {
            valence,
            emoji,
            own,
        }
    })
}

/// The languages with a lexicon of Earshot's own.
const OWN_LANGS: [&str; 6] = ["en", "es", "fr", "de", "it", "pt"];

fn own_bit(lang: &str) -> u8 {
    OWN_LANGS
        .iter()
        .position(|l| *l == lang)
        .map_or(0, |i| 1 << i)
}

/// The one language whose own lexicon has this word, when only one has it and VADER's English
/// lexicon does not ("impoli", "maleducada"; not "triste" or "terrible"): a clue to the post's
/// language as good as a function word.
pub(super) fn own_language(norm: &str) -> Option<&'static str> {
    let lex = lexicon();
    let own = lex.own.get(norm)?;
    if own.translated || own.langs.count_ones() != 1 || lex.valence.contains_key(norm) {
        return None;
    }
    OWN_LANGS.get(own.langs.trailing_zeros() as usize).copied()
}

/// Whether a word's valence comes from the machine-translated list.
fn translated_word(norm: &str) -> bool {
    let lex = lexicon();
    !lex.valence.contains_key(norm)
        && !lex.emoji.contains_key(norm)
        && lex.own.get(norm).is_some_and(|o| o.translated)
}

/// Whether a token is an emoji or another sign with no letter or digit in it.
pub(super) fn is_emoji(norm: &str) -> bool {
    !norm.is_empty() && !norm.chars().any(char::is_alphanumeric)
}

/// Whether a word has its valence only from another language's own lexicon than `lang`: French
/// "sale" (dirty) in a Spanish post, Spanish "malo" in an English one. A post whose language
/// cannot be told reads every lexicon.
pub(super) fn foreign(norm: &str, lang: Option<&str>) -> bool {
    let Some(lang) = lang else { return false };
    let lex = lexicon();
    match lex.own.get(norm) {
        Some(own) => {
            own.langs & own_bit(lang) == 0
                && !lex.valence.contains_key(norm)
                && !lex.emoji.contains_key(norm)
        }
        None => false,
    }
}

/// VADER's reading of a post.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Vader {
    /// Normalised compound score, -1.0 to 1.0.
    pub compound: f64,
    /// Sum of positive word valences (after the rules).
    pub pos: f64,
    /// Sum of negative word valences, as a positive number.
    pub neg: f64,
    /// The part of `pos` from machine-translated words ([`super::lexicons::translated`]).
    pub pos_translated: f64,
    /// The part of `neg` from machine-translated words.
    pub neg_translated: f64,
}

/// A token's lexicon valence before context rules, if it has one.
pub fn valence(norm: &str) -> Option<f64> {
    let lex = lexicon();
    lex.valence
        .get(norm)
        .or_else(|| lex.emoji.get(norm))
        .copied()
        .or_else(|| lex.own.get(norm).map(|o| o.valence))
        .or_else(|| super::idioms::valence(norm))
}

/// Whether a reason's phrase ends in a lexicon word: "bueno" of "no bueno", "rude".
pub fn ends_in_lexicon_word(phrase: &str) -> bool {
    phrase.rsplit(' ').next().and_then(valence).is_some()
}

/// A token's valence in its post's language: none for a false friend ("die" in German) or a word
/// of another language's lexicon.
pub fn valence_of(t: &Token) -> Option<f64> {
    if t.false_friend {
        return None;
    }
    valence(&t.norm)
}

/// Scores a tokenized post with VADER's rules; `scores` receives each token's final valence.
pub fn vader(a: &Analysed, mut each: impl FnMut(usize, f64)) -> Vader {
    let tokens = &a.tokens;
    let any_lower = tokens.iter().any(|t| !t.caps);
    // "But", in the post's language: the first turn.
    let but = a.turns.first().copied();
    let (mut sum, mut pos, mut neg) = (0.0, 0.0, 0.0);
    let (mut pos_tr, mut neg_tr) = (0.0, 0.0);
    for (i, tok) in tokens.iter().enumerate() {
        let Some(base) = valence_of(tok) else {
            continue;
        };
        let mut v = base;
        if any_lower && tok.caps {
            v += C_INCR * v.signum();
        }
        // An idiom carries its own negation ("n'est pas mal du tout"), and an emoji says the
        // writer's feeling whatever it follows ("ora non più 😞").
        let mut negated = super::idioms::valence(&tok.norm).is_some() || is_emoji(&tok.norm);
        for back in 1..=3usize {
            let Some(j) = i.checked_sub(back) else { break };
            // A negation or booster reaches no further than its clause ("Plus jamais, serveur
            // impoli" is not "never rude").
            if tokens[j].clause_end {
                break;
            }
            let scale = match back {
                1 => 1.0,
                2 => 0.95,
                _ => 0.9,
            };
            match tokens[j].role {
                Role::BoostUp => v += B_INCR * v.signum() * scale,
                Role::BoostDown => v -= B_INCR * v.signum() * scale,
                // Once: French "ne … pas", Spanish "no … nunca" are one negation, not two.
                Role::Negation if !negated => {
                    v *= N_SCALAR;
                    negated = true;
                }
                Role::Negation | Role::Plain => {}
            }
        }
        if tok.past {
            // "Used to be my favourite": what the place no longer is.
            v *= N_SCALAR;
        }
        if let Some(b) = but {
            if i < b {
                v *= 0.5;
            } else if i > b {
                v *= 1.5;
            }
        }
        each(i, v);
        sum += v;
        let tr = translated_word(&tok.norm);
        if v > 0.0 {
            pos += v;
            if tr {
                pos_tr += v;
            }
        } else {
            neg -= v;
            if tr {
                neg_tr -= v;
            }
        }
    }
    if sum != 0.0 {
        sum += sum.signum() * a.bangs.min(4) as f64 * 0.292;
    }
    let compound = if sum == 0.0 {
        0.0
    } else {
        sum / (sum * sum + 15.0).sqrt()
    };
    Vader {
        compound: compound.clamp(-1.0, 1.0),
        pos,
        neg,
        pos_translated: pos_tr,
        neg_translated: neg_tr,
    }
}

/// Whether a dampener ("slightly", "poco", "etwas") directly precedes a sentiment word.
pub(super) fn dampened(a: &Analysed) -> bool {
    a.tokens
        .windows(2)
        .any(|w| w[0].role == Role::BoostDown && valence_of(&w[1]).is_some_and(|v| v != 0.0))
}

/// Which way a booster ("really", "muy", "sehr") directly before a sentiment word leans, or one
/// a function word away ("sehr zu empfehlen", as VADER reaches back up to three words): -1 or 1.
pub(super) fn boosted(a: &Analysed) -> Option<f64> {
    let sign = |t: &Token| {
        let v = valence_of(t)?;
        let v = if t.negated { -v } else { v };
        (v != 0.0).then_some(v.signum())
    };
    a.tokens
        .windows(2)
        .find_map(|w| (w[0].role == Role::BoostUp).then(|| sign(&w[1])).flatten())
        .or_else(|| {
            a.tokens.windows(3).find_map(|w| {
                (w[0].role == Role::BoostUp
                    && w[1].role == Role::Plain
                    && !w[0].clause_end
                    && super::text::is_stop_word(&w[1].norm))
                .then(|| sign(&w[2]))
                .flatten()
            })
        })
}

/// Which way the first negated sentiment word leans where it stands ("no está bueno": -1).
pub(super) fn negated(a: &Analysed) -> Option<f64> {
    a.tokens.iter().find_map(|t| {
        let v = valence_of(t).filter(|_| t.negated)?;
        (v != 0.0).then_some(-v.signum())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::text::{analyse, analyse_in};

    fn compound(text: &str) -> f64 {
        vader(&analyse(text), |_, _| {}).compound
    }

    #[test]
    fn an_emoji_is_never_negated() {
        // "Non più 😞": the sad face is the writer's, not what the negation denies.
        let a = analyse_in(
            "Era la mia panetteria preferita, ora non più 😞",
            Some("it"),
        );
        assert!(a.tokens.iter().any(|t| t.norm == "😞" && !t.negated));
        let mut sad = 0.0;
        vader(&analyse_in("non più 😞", Some("it")), |i, v| {
            if i == 2 {
                sad = v;
            }
        });
        assert!(sad < 0.0, "{sad}");
        // A word after the negation is still negated.
        let mut happy = 0.0;
        vader(&analyse_in("not happy 😞", Some("en")), |i, v| {
            if i == 1 {
                happy = v;
            }
        });
        assert!(happy < 0.0, "{happy}");
    }

    #[test]
    fn translated_words_count_in_their_own_language_below_earshot_s_own() {
        let read = |t: &str, lang: &str| {
            let a = analyse_in(t, Some(lang));
            let v = vader(&a, |_, _| {});
            (v.pos, v.neg, v.pos_translated, v.neg_translated)
        };
        // "aburrido" is only in the translated list; "aburrida" is its form, read as well.
        let (_, neg, _, neg_tr) = read("fue aburrido", "es");
        assert!(neg > 0.0 && neg == neg_tr, "{neg} {neg_tr}");
        assert!(read("fue aburrida", "es").3 > 0.0);
        // Not in another language's post, and no clue to a post's language.
        assert_eq!(read("aburrido", "en"), (0.0, 0.0, 0.0, 0.0));
        assert_eq!(own_language("aburrido"), None);
        // Earshot's own word keeps its own valence ("pésimo" −3.2, AFINN's would be −2.25).
        assert_eq!(valence("pésimo"), Some(-3.2));
        assert_eq!(read("pésimo", "es").3, 0.0);
        // Left out: mistranslations, help, a noun's look-alike form, negations and weak words.
        for w in "prix subito esperando negro ayuda torta plus claro".split(' ') {
            assert_eq!(valence(w), None, "{w}");
        }
    }

    #[test]
    fn a_booster_reaches_over_a_function_word() {
        let de = |t: &str| boosted(&analyse_in(t, Some("de")));
        assert_eq!(de("Alles super, sehr zu empfehlen"), Some(1.0));
        assert_eq!(de("sehr schlecht"), Some(-1.0));
        // Not over a word that is not a function word, nor across a clause's end.
        assert_eq!(de("sehr lange Wartezeit, gut"), None);
        assert_eq!(de("sehr, zu gut"), None);
    }

    #[test]
    fn vader_rules_move_sentiment_the_expected_way() {
        let good = compound("The coffee is good");
        assert!(good > 0.3, "good is positive: {good}");
        assert!(compound("The coffee is very good") > good, "boosters raise");
        assert!(compound("The coffee is not good") < 0.0, "negation flips");
        assert!(
            compound("Never again, rude staff") < 0.0,
            "a negation stops at its clause's end"
        );
        let bon = |t: &str| vader(&analyse_in(t, Some("fr")), |_, _| {}).compound;
        assert!(
            bon("Le café n'est pas bon") < 0.0,
            "'ne … pas' negates once"
        );
        assert!(compound("The coffee is GOOD") > good, "caps emphasise");
        assert!(compound("The coffee is good!!!") > good, "! emphasises");
        assert!(compound("coffee 😠") < 0.0, "an angry face is negative");
        assert!(compound("meh :(") < 0.0, "a sad emoticon is negative");
        assert!(
            compound("the food was good but the service was awful") < 0.0,
            "what follows 'but' weighs more"
        );
    }

    #[test]
    fn a_language_s_own_words_count_in_its_posts_in_every_form_and_nowhere_else() {
        let neg = |text: &str, lang: &str| vader(&analyse_in(text, Some(lang)), |_, _| {}).neg;
        // Every form of an adjective: "maleducado" is listed once, as "maleducad*".
        assert!(neg("La camarera fue muy maleducada", "es") > 2.0);
        assert!(neg("Unfreundliches Personal", "de") > 2.0);
        assert!(neg("Camerieri scortesi", "it") > 2.0);
        // French "sale" (dirty) is Spanish "goes out"; Spanish "malo" means nothing in English.
        assert!(neg("Le serveur est lent", "fr") > 1.0);
        assert_eq!(neg("El tren lent sale a las 8", "es"), 0.0);
        assert_eq!(neg("Malo is my cat", "en"), 0.0);
        // A post whose language cannot be told reads every lexicon.
        assert!(vader(&analyse("pésimo"), |_, _| {}).neg > 2.0);
    }
}
