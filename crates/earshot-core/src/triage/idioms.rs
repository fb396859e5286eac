//! Praise said in a set phrase, read as one token. Some say it through a negation: "can't get
//! enough of", "couldn't be happier", "never disappoints", "no me canso de", "nichts zu
//! meckern", "não me canso"; word by word each reads as a complaint (a negation, "tired",
//! "complain"), whole it is praise. Others say more together than apart: "blew me away", "took
//! the time to", "s'est surpassée". The tokenizer makes each one token, named as the post writes
//! it, with a valence of its own ([`super::idiom_list::IDIOMS`]). A negation before an idiom
//! turns it where the idiom has none of its own ("nobody took the time to explain"); one with its
//! own is not turned again.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::idiom_list::IDIOMS;
use super::idiom_list_more::MORE_IDIOMS;
use super::text::{negates_in, Role, Token};

/// Words of saying or waiting right after an idiom: "no me canso de decir que son unos
/// estafadores" is said again and again, "je ne me lasse pas d'attendre" is a wait, not enjoyed.
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "decir", "decirlo", "repetir", "repetirlo", "dizer", "dire", "répéter", "repeter", "ripetere",
    "ripeterlo", "dirlo", "sagen", "wiederholen", "say", "saying", "telling", "esperar",
    "esperando", "aguardar", "attendre", "aspettare", "warten", "wait", "waiting",
];

/// How many words of anything `…` stands for, at most.
const GAP: usize = 4;

/// One word of an idiom: the forms it may take, or a gap, or the clause's end.
enum Part {
    Word(Vec<&'static str>),
    Gap,
    /// `$` as one of a last word's forms: that word may be left out where the clause ends.
    WordOrEnd(Vec<&'static str>),
}

/// The idioms of both lists, as [`merge`] finds them in the tokens and as [`valence`] knows the
/// tokens it made.
struct Idioms {
    /// Each idiom's parts, and its valence.
    parts: Vec<(Vec<Part>, f64)>,
    /// The idioms each first word may begin.
    by_first: HashMap<&'static str, Vec<usize>>,
    /// Each idiom's words without its gaps, every form without apostrophes as [`valence`]
    /// compares them, and whether its last word may be left out.
    named: Vec<(Vec<Vec<String>>, bool)>,
    /// The idioms each of those first forms may begin, and those whose first word is any word
    /// ending in "en".
    named_by_first: HashMap<String, Vec<usize>>,
    any_first: Vec<usize>,
}

fn idioms() -> &'static Idioms {
    static I: OnceLock<Idioms> = OnceLock::new();
    I.get_or_init(|| {
        let mut all = Idioms {
            parts: Vec::new(),
            by_first: HashMap::default(),
            named: Vec::new(),
            named_by_first: HashMap::default(),
            any_first: Vec::new(),
        };
        for (i, (words, v)) in IDIOMS.iter().chain(MORE_IDIOMS).enumerate() {
            let p: Vec<Part> = words
                .split(' ')
                .map(|w| {
                    let forms: Vec<&str> = w.split('|').filter(|f| *f != "$").collect();
                    match w {
                        "…" => Part::Gap,
                        _ if w.split('|').any(|f| f == "$") => Part::WordOrEnd(forms),
                        _ => Part::Word(forms),
                    }
                })
                .collect();
            if let Some(Part::Word(first)) = p.first() {
                for f in first {
                    all.by_first.entry(*f).or_default().push(i);
                }
            }
            let fixed: Vec<Vec<String>> = p
                .iter()
                .filter_map(|p| match p {
                    Part::Word(f) | Part::WordOrEnd(f) => Some(f),
                    Part::Gap => None,
                })
                .map(|forms| forms.iter().map(|f| f.replace('\'', "")).collect())
                .collect();
            match fixed.first() {
                Some(first) if !first.iter().any(|f| f == "en") => {
                    for f in first {
                        all.named_by_first.entry(f.clone()).or_default().push(i);
                    }
                }
                _ => all.any_first.push(i),
            }
            let optional = matches!(p.last(), Some(Part::WordOrEnd(_)));
            all.named.push((fixed, optional));
            all.parts.push((p, *v));
        }
        all
    })
}

/// Where an idiom's words stand when it begins at token `at`: the tokens it is made of (a gap's
/// tokens are not), all in one clause.
fn matched(tokens: &[Token], at: usize, parts: &[Part]) -> Option<Vec<usize>> {
    fn go(tokens: &[Token], at: usize, parts: &[Part], out: &mut Vec<usize>) -> bool {
        let Some((part, rest)) = parts.split_first() else {
            return true;
        };
        // The clause (or the post) ended before `at`, after the idiom's first word.
        let ended = at >= tokens.len() || (!out.is_empty() && tokens[at - 1].clause_end);
        match part {
            Part::Gap => {
                !ended
                    && (0..=GAP).any(|skip| {
                        at + skip < tokens.len()
                            && !tokens[at..at + skip].iter().any(|t| t.clause_end)
                            && go(tokens, at + skip, rest, out)
                    })
            }
            Part::Word(forms) | Part::WordOrEnd(forms) => {
                if !ended && forms.contains(&tokens[at].norm.as_str()) {
                    out.push(at);
                    if go(tokens, at + 1, rest, out) {
                        return true;
                    }
                    out.pop();
                }
                matches!(part, Part::WordOrEnd(_)) && rest.is_empty() && ended
            }
        }
    }
    let mut out = Vec::new();
    go(tokens, at, parts, &mut out).then_some(out)
}

/// A word of an idiom as a reason names it ([`super::naming::contracted`]); French "en" after
/// "ne" is "m'en" after "je", "s'en" otherwise.
fn spoken(words: &[&str], i: usize) -> String {
    let w = words[i];
    if w == "en" && i > 0 && words[i - 1] == "ne" {
        return if words.first() == Some(&"je") {
            "m'en"
        } else {
            "s'en"
        }
        .to_string();
    }
    super::naming::contracted(w)
}

/// Makes each idiom in `tokens` one token, at its first word's place, named as the post writes
/// it ("couldn't be happier"; a gap is "…"). A gap's words stay, after it.
pub(super) fn merge(tokens: &mut Vec<Token>, lang: Option<&str>) {
    let all = idioms();
    let mut i = 0;
    while i < tokens.len() {
        let Some(candidates) = all.by_first.get(tokens[i].norm.as_str()) else {
            i += 1;
            continue;
        };
        // Most candidates fail at their second word ("a" of "a été un rêve" is mostly an
        // article): told before the matcher's search is set up.
        let second = |k: &&usize| match all.parts[**k].0.get(1) {
            Some(Part::Word(forms)) => {
                !tokens[i].clause_end
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| forms.contains(&t.norm.as_str()))
            }
            _ => true,
        };
        let found = candidates.iter().filter(second).find_map(|&k| {
            let at = matched(tokens, i, &all.parts[k].0)?;
            let last = *at.last()?;
            // A negation in a gap undoes the idiom ("hat sich nicht die Zeit genommen").
            let negation = |t: &Token| t.role == Role::Negation && negates_in(&t.norm, lang);
            if (i..last).any(|j| !at.contains(&j) && negation(&tokens[j])) {
                return None;
            }
            let said = tokens[last + 1..]
                .iter()
                .take(2)
                .any(|t| SAYING.contains(&t.norm.as_str()));
            (!said).then_some(at)
        });
        let Some(at) = found else {
            i += 1;
            continue;
        };
        let words: Vec<&str> = at.iter().map(|&j| tokens[j].norm.as_str()).collect();
        let mut name: Vec<String> = (0..words.len()).map(|w| spoken(&words, w)).collect();
        // A gap that held words is named "…".
        if let Some(g) = at.windows(2).position(|w| w[1] > w[0] + 1) {
            name.insert(g + 1, "…".to_string());
        }
        let last = *at.last().unwrap_or(&i);
        let merged = Token {
            norm: name.join(" "),
            caps: at.iter().all(|&j| tokens[j].caps),
            clause_end: tokens[last].clause_end,
            negated: false,
            role: Role::Plain,
            name: false,
            false_friend: false,
            aside: false,
            past: false,
        };
        for &j in at.iter().rev() {
            tokens.remove(j);
        }
        tokens.insert(i, merged);
        i += 1;
    }
}

/// Whether a post has an idiom ([`merge`]) that no negation reaches.
pub(super) fn in_post(a: &super::text::Analysed) -> bool {
    a.tokens
        .iter()
        .any(|t| !t.negated && valence(&t.norm).is_some())
}

/// Whether a token is an idiom with a negation of its own ("couldn't be happier", "pas mal du
/// tout"), which a negation before it does not turn again.
pub(super) fn negates_itself(norm: &str) -> bool {
    valence(norm).is_some() && norm.split(' ').any(super::text::is_negation)
}

/// Whether a token is an idiom that says its writer has nothing to complain of ("no
/// complaints", "sin quejas", "rien à redire", "nichts zu meckern", "niente da dire", "nada a
/// apontar"), or that a fault was put right without a fuss ("no questions asked", "sans
/// discuter", "ohne Diskussion", "senza fare storie").
pub(super) fn nothing_to_complain(norm: &str) -> bool {
    #[rustfmt::skip]
    const COMPLAINING: &[&str] = &[
        "complaint", "complaints", "fault", "quejas", "reclamar", "objetar", "reprochar",
        "redire", "reprocher", "reproche", "meckern", "bemängeln", "bemangeln", "beanstanden",
        "beklagen", "auszusetzen", "beschwerden", "dire", "ridire", "eccepire", "apontar",
        "reclamações", "reclamacoes", "queixas", "questions", "quibble", "quibbles", "fuss",
        "hassle", "pega", "pegas", "rechistar", "discuter", "broncher", "rechigner", "sourciller",
        "aber", "diskussion", "diskussionen", "diskutieren", "murren", "rückfragen",
        "ruckfragen", "storie", "domande", "ciglio", "entraves", "perguntas", "pestanejar",
    ];
    norm.split(' ').any(|w| COMPLAINING.contains(&w)) && valence(norm).is_some()
}

/// An idiom's valence, by the name [`merge`] gave its token; none for any other word.
/// The idioms among `tokens`, each as its token is named; one that ends on "with" reaches what
/// it says came with, up to its clause's end ("ni uno de … volvió con una mancha": a complaint
/// cue inside that is the idiom's, not a complaint). A gap's words stand after the idiom's token,
/// so each place the idiom's last word may have stood is tried.
pub(super) fn said(tokens: &[Token]) -> Vec<String> {
    const WITH: &[&str] = &["with", "con", "avec", "mit", "com"];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if valence(&t.norm).is_none() {
            continue;
        }
        out.push(t.norm.clone());
        let last = t.norm.rsplit(' ').next().unwrap_or_default();
        if !WITH.contains(&last) || t.clause_end {
            continue;
        }
        let gap = if t.norm.contains('…') { GAP } else { 0 };
        for from in i + 1..(i + 2 + gap).min(tokens.len()) {
            let mut with = last.to_string();
            for t in tokens[from..].iter().take(4) {
                with.push(' ');
                with.push_str(&t.norm);
                if t.clause_end {
                    break;
                }
            }
            out.push(with);
        }
    }
    out
}

pub(super) fn valence(norm: &str) -> Option<f64> {
    if !norm.contains(' ') {
        return None;
    }
    let words: Vec<String> = norm
        .split(' ')
        .filter(|w| *w != "…")
        .map(|w| w.replace('\'', ""))
        .collect();
    let all = idioms();
    // Only the idioms the first word may begin, in the list's order (the first that fits wins).
    let candidates: Vec<usize> = match words.first() {
        Some(first) => {
            let mut c = all.named_by_first.get(first).cloned().unwrap_or_default();
            c.extend(&all.any_first);
            c.sort_unstable();
            c.dedup();
            c
        }
        None => (0..all.named.len()).collect(),
    };
    candidates.into_iter().find_map(|i| {
        let (fixed, optional) = &all.named[i];
        let v = all.parts[i].1;
        let fits = |len: usize| {
            words.len() == len
                && words.iter().zip(fixed).all(|(w, forms)| {
                    forms
                        .iter()
                        .any(|f| f == w || (f == "en" && w.ends_with("en")))
                })
        };
        (fits(fixed.len()) || (*optional && fits(fixed.len() - 1))).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::analyse_in;

    fn norms(text: &str, lang: &str) -> Vec<String> {
        analyse_in(text, Some(lang))
            .tokens
            .into_iter()
            .map(|t| t.norm)
            .collect()
    }

    // The tokenizer splits a word at a hyphen ("guardou-me" is "guardou", "me"): a form with
    // one could never match.
    #[test]
    fn no_idiom_form_has_a_hyphen() {
        for (words, _) in super::IDIOMS.iter().chain(super::MORE_IDIOMS) {
            assert!(!words.contains('-'), "{words}");
        }
    }

    #[test]
    fn an_idiom_is_one_token_named_as_written() {
        assert_eq!(
            norms("I couldn't be happier with @Cycle", "en"),
            ["i", "couldn't be happier", "with", "_at"]
        );
        assert_eq!(
            norms("Can't recommend @PawsSpa enough!", "en"),
            ["can't recommend … enough", "_at"]
        );
        assert_eq!(
            norms("On ne s'en lasse pas", "fr"),
            ["on ne s'en lasse pas"]
        );
        assert_eq!(
            norms("Ich kann nicht genug von eurem Kuchen bekommen", "de"),
            [
                "ich",
                "kann",
                "nicht genug … bekommen",
                "von",
                "eurem",
                "kuchen"
            ]
        );
    }

    #[test]
    fn what_only_looks_like_one_is_left_alone() {
        let merged = |text: &str, lang: &str| norms(text, lang).iter().any(|n| n.contains(' '));
        assert!(merged("I cannot get enough of your croissants", "en"));
        assert!(merged("Love it, can't get enough!", "en"));
        // Sleep is no praise; nor is a recommendation refused, nor a disappointment like never before.
        assert!(!merged("I can't get enough sleep with your music", "en"));
        assert!(!merged("I can't recommend this place, rude staff", "en"));
        assert!(!merged("Wir waren noch nie so enttäuscht", "de"));
        assert!(!merged("Never been so disappointed", "en"));
        // Nor said over and over, nor across a clause's end.
        assert!(!merged(
            "No me canso de decir que son unos estafadores",
            "es"
        ));
        assert!(!merged("I can't. Get enough rest", "en"));
    }

    #[test]
    fn an_idiom_has_its_valence_and_negates_nothing_after_it() {
        let a = analyse_in("Can't get enough of the good coffee", Some("en"));
        assert_eq!(super::valence(&a.tokens[0].norm), Some(2.5));
        assert!(a.tokens.iter().all(|t| !t.negated), "{:?}", a.tokens);
        assert_eq!(super::valence("good"), None);
    }

    #[test]
    fn a_negation_turns_an_idiom_without_one_of_its_own() {
        // (post, language, the idiom's token, whether it reads negated)
        let cases = [
            (
                "Nobody took the time to explain",
                "en",
                "took the time to",
                true,
            ),
            (
                "She took the time to explain",
                "en",
                "took the time to",
                false,
            ),
            ("Não fez milagres, mas relaxei", "pt", "fez milagres", true),
            (
                "Il ne peut pas faire plus simple",
                "fr",
                "ne peut pas faire plus simple",
                false,
            ),
        ];
        for (text, lang, idiom, negated) in cases {
            let a = analyse_in(text, Some(lang));
            let t = a.tokens.iter().find(|t| t.norm == idiom);
            assert_eq!(
                t.map(|t| t.negated),
                Some(negated),
                "{text}: {:?}",
                a.tokens
            );
        }
        // A negation in a gap undoes the idiom: no token of it.
        let a = analyse_in("Er hat sich nicht die Zeit genommen", Some("de"));
        assert!(
            a.tokens.iter().all(|t| super::valence(&t.norm).is_none()),
            "{:?}",
            a.tokens
        );
    }

    #[test]
    fn an_idiom_of_nothing_to_complain_of_is_told_from_other_praise() {
        let last = |text: &str, lang: &str| norms(text, lang).last().cloned().unwrap_or_default();
        assert!(super::nothing_to_complain(&last(
            "Arrived late but still hot, no complaints",
            "en"
        )));
        assert!(super::nothing_to_complain(&last(
            "Un poco tarde, pero nada que reprochar",
            "es"
        )));
        assert!(!super::nothing_to_complain(&last(
            "Can't recommend them enough",
            "en"
        )));
        assert!(!super::nothing_to_complain("complaints"));
    }
}
