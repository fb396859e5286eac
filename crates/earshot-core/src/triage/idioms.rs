//! Praise said through a negation: "can't get enough of", "couldn't be happier", "never
//! disappoints", "no me canso de", "je ne m'en lasse pas", "nichts zu meckern", "non mi stanco
//! mai", "não me canso". Word by word each reads as a complaint (a negation, "tired",
//! "complain", "disappoints"); whole, each is praise. The tokenizer makes each one token, named
//! as the post writes it, with a valence of its own and no negation reaching past it.
//! Earshot's own list.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::text::{Role, Token};

/// Each idiom: its words as the tokenizer writes them (lower case, no apostrophes, French
/// elided pronouns dropped: "m'en" is "en"), `|` between the forms one word may take, `…` for up
/// to four words of anything ("can't recommend them enough"), `$` for the end of a clause or of
/// the post (a last word needs nothing after it); and its valence, on VADER's scale.
#[rustfmt::skip]
const IDIOMS: &[(&str, f64)] = &[
    // English. "Can't get enough sleep" is no praise: "of" or the clause's end must follow.
    ("cant|cannot|couldnt get|getting enough of|$", 2.5),
    ("can|could not get|getting enough of|$", 2.5),
    ("couldnt be|feel happier", 3.0),
    ("couldnt have been happier", 3.0),
    ("couldnt|cannot be easier|simpler|quicker|smoother", 2.5),
    ("could not be easier|simpler|quicker|smoother", 2.5),
    ("could not be|feel happier", 3.0),
    ("could not have been happier", 3.0),
    ("couldnt|cannot|cant be more happy|pleased|satisfied|impressed|grateful|thankful", 3.0),
    ("could|can not be more happy|pleased|satisfied|impressed|grateful|thankful", 3.0),
    ("cant|cannot|couldnt recommend … enough", 3.0),
    ("can|could not recommend … enough", 3.0),
    ("cant|cannot|couldnt thank … enough", 2.5),
    ("cant|cannot|couldnt say enough good|nice|great things", 2.5),
    ("couldnt ask for more|better", 2.5),
    ("couldnt ask for a better", 2.5),
    ("couldnt have asked for more|better", 2.5),
    ("couldnt have asked for a better", 2.5),
    ("could not ask for more|better", 2.5),
    ("could not ask for a better", 2.5),
    ("could not have asked for more|better", 2.5),
    ("could not have asked for a better", 2.5),
    ("never disappoints|disappoint", 2.0),
    ("never lets|let me|us down", 2.0),
    ("never been disappointed", 2.0),
    ("never had a bad", 2.0),
    ("didnt|doesnt|dont disappoint", 2.0),
    ("did|does|do not disappoint", 2.0),
    ("wont be disappointed", 2.0),
    ("will not be disappointed", 2.0),
    ("wont regret it", 2.0),
    ("will not regret it", 2.0),
    ("second to none", 2.5),
    ("cant|cannot|couldnt fault", 2.5),
    ("can|could not fault", 2.5),
    ("shout out|outs to|for", 1.8),
    ("blew|blows me|us away", 2.5),
    ("worked|works|work|working wonders|miracles", 2.5),
    ("refuse|refuses to go|eat|shop anywhere else", 2.5),
    ("wouldnt|wont|never go|eat|shop anywhere else", 2.5),
    ("never had|eaten|tasted such good|great|amazing|delicious", 2.5),
    ("never had|eaten|tasted a|anything better", 2.5),
    ("nothing but good|great|praise|love", 2.5),
    ("never gets|get old", 2.5),
    ("never looked|felt|tasted|been better", 2.5),
    // Harm that did not come to pass: the movers' and couriers' praise.
    ("nothing broken|damaged|scratched|missing|lost", 2.0),
    ("nothing was|got|arrived broken|damaged|scratched|missing|lost", 2.0),
    ("not a|one single thing|item|box|piece|one broken|damaged|scratched|missing", 2.0),
    ("not one thing|item|box|piece broken|damaged|scratched|missing", 2.0),
    ("not a|one scratch|mark|dent|crack", 2.0),
    ("without a scratch|mark|dent|crack", 2.0),
    ("none of … was|were|got broken|damaged|scratched|missing", 2.0),
    // Nothing charged, nothing felt, nothing too much: the mechanic's, the dentist's, the hosts'.
    ("didnt|wouldnt charge me|us a penny|cent|thing", 2.0),
    ("didnt|wouldnt charge me|us anything|extra", 2.0),
    ("did|would not charge me|us a penny|cent|thing", 2.0),
    ("did|would not charge me|us anything|extra", 2.0),
    ("didnt|did not feel|hurt a thing|bit", 2.0),
    ("nothing … too much trouble", 2.5),
    ("found|spotted|diagnosed the fault|leak", 1.0),
    ("saved|save me|us a fortune", 2.0),
    // Mended: "as good as new", "took the pain away", and in each language.
    ("good as new", 2.0),
    ("not a|one single complaint", 2.0),
    ("took|takes the|my pain away", 2.0),
    ("cant|cannot believe how quick|quickly|fast|good|great|easy|friendly|helpful|cheap", 2.5),
    // "Not bad": the model's "bad" and "at all" outweigh the negation ("It was not bad at all"
    // read as a complaint).
    ("not bad at all", 2.0),
    ("not|wasnt|isnt|werent|arent|aint bad", 1.5),
    ("not too|that|so bad", 1.0),
    // "Was a hit at the party"; not "took a hit".
    ("was|were|is|be a hit|smash", 2.0),
    ("a big|huge|real hit", 2.0),
    // "10/10": ten is the one number the tokenizer keeps (`text.rs`); "nota 10" is a mark in
    // Portuguese and Spanish.
    ("10 10", 2.5),
    ("nota 10|dez|diez|mil", 2.5),
    ("servicio|atención|atencion|trato de diez $", 2.5),
    // Spanish ("no me canso de decir que…" is no praise: see `SAYING`).
    ("no|nunca me canso|cansaré|cansare", 2.5),
    ("nunca|no decepciona|decepcionan|defrauda|defraudan", 2.0),
    ("nunca me decepciona|decepcionan|defrauda|defraudan|falla|fallan", 2.0),
    ("nunca falla|fallan", 2.0),
    ("nada que reclamar|objetar|reprochar", 1.5),
    ("sin quejas", 1.5),
    ("no está|esta|estuvo|estaba|es|fue|era nada mal", 2.0),
    ("no está|esta|estuvo|estaba|es|fue|era mal", 1.5),
    ("nada mal", 1.5),
    ("nunca había|habia|he comido|probado|visto … tan bueno|buena|buenos|buenas|rico|rica", 2.5),
    ("nunca había|habia|he comido|probado|visto … tan bien", 2.5),
    ("siempre un|una placer|gusto|delicia", 2.5),
    ("fue|es|ha sido un sueño|sueno", 2.5),
    ("como nuevo|nueva $", 2.0),
    ("hizo|hicieron milagros", 2.5),
    ("todo solucionado|resuelto|arreglado $", 2.0),
    ("me quitó|quito|quitaron el dolor", 2.0),
    ("no me|nos cobró|cobro|cobraron nada|la|el", 2.0),
    ("no me|nos dolió|dolio nada", 2.0),
    ("sin dolor", 1.5),
    ("más|mas fácil|facil|sencillo imposible", 2.5),
    ("nada les|le parecía|parecia demasiado", 2.0),
    ("encontró|encontro|encontraron la avería|averia", 1.0),
    ("fue|es|era un encanto", 2.5),
    ("vale|valió|valio|valen cada euro|céntimo|centimo|peso|centavo", 2.5),
    ("podría|podria estar más|mas contento|contenta|contentos|feliz|felices|satisfecho|satisfecha|satisfechos", 3.0),
    // French.
    ("je ne en lasse|lasserai pas|jamais", 2.5),
    ("on ne en lasse|lassera pas|jamais", 2.5),
    ("ne me lasse|lasserai pas|jamais", 2.5),
    ("rien à|a redire|reprocher", 1.5),
    ("aucun reproche", 1.5),
    ("jamais mangé|mange|goûté|goute … aussi|si bon|bonne|bons|bonnes", 2.5),
    // "Pas mal de problèmes" is a lot of them: the clause must end.
    // "Toujours" leans negative in the training tweets ("toujours pas"); "always a pleasure"
    // does not (nor "sempre", "siempre", "immer" before one, in the other languages).
    ("toujours un|une plaisir|régal|regal|bonheur", 2.5),
    ("était|etait|est un rêve|reve", 2.5),
    ("a été|ete un rêve|reve", 2.5),
    ("comme neuf|neuve $", 2.0),
    ("a|ont fait des miracles", 2.5),
    ("tout est réglé|regle|résolu|resolu $", 2.0),
    ("ne a|ont rien fait payer", 2.0),
    ("ne a|ont rien facturé|facture", 2.0),
    ("ne ai rien senti $", 2.0),
    ("sans douleur", 1.5),
    ("ne peut|pouvait pas faire plus simple|facile|rapide", 2.5),
    ("trouvé|trouve la panne", 1.0),
    ("pas mal du tout", 2.0),
    ("pas mal $", 1.5),
    ("pas si|trop mal $", 1.0),
    ("ne déçoit|decoit|déçoivent|decoivent jamais|pas", 2.0),
    ("jamais déçu|décu|decu|déçue|decue|déçus|decus", 2.0),
    ("jamais été|ete déçu|décu|decu|déçue|decue|déçus|decus", 2.0),
    ("pas être|etre plus satisfait|satisfaite|content|contente|heureux|heureuse|ravi|ravie", 3.0),
    // German.
    ("nicht genug … bekommen|kriegen", 2.5),
    ("krieg|kriege|bekomme nicht genug", 2.5),
    ("nichts zu meckern|bemängeln|bemangeln|beanstanden|beklagen", 1.5),
    ("nichts auszusetzen", 1.5),
    ("keine beschwerden", 1.5),
    ("gar nicht schlecht|übel|ubel", 2.0),
    ("nicht schlecht|übel|ubel", 1.5),
    ("enttäuscht|enttauscht|enttäuschen|enttauschen nie|niemals", 2.0),
    ("nie|niemals enttäuscht|enttauscht", 2.0),
    ("immer ein|eine vergnügen|vergnugen|genuss|freude", 2.5),
    ("war|ist|einfach ein traum", 2.5),
    ("wie neu $", 2.0),
    ("einfacher|schneller gehts|geht nicht", 2.5),
    ("nicht zufriedener|glücklicher|glucklicher sein", 3.0),
    ("hat|haben|wurde|ist alles … geklärt|geklart|erledigt|gelöst|gelost", 2.0),
    ("hat|haben wunder gewirkt", 2.5),
    // Italian.
    ("non mi stanco|stancherò|stanchero", 2.5),
    ("non me ne stanco|stancherò|stanchero", 2.5),
    ("niente|nulla da dire|ridire|eccepire", 1.5),
    ("non delude|deludono mai", 2.0),
    ("niente|nulla|mica male", 1.5),
    ("non è|e|era|fu|sembra male", 1.5),
    ("non male", 1.5),
    ("mai mangiato|assaggiato … così|cosi buono|buona|buoni|buone", 2.5),
    ("sempre un|una piacere|delizia|gioia", 2.5),
    ("è|e|era|stato un sogno", 2.5),
    ("come nuovo|nuova $", 2.0),
    ("tolto il dolore", 2.0),
    ("più|piu facile|semplice|veloce di così|cosi non si può|puo", 2.5),
    ("vale|valeva|valgono ogni centesimo|euro", 2.5),
    ("mai deluso|delusa|delusi|deluse", 2.0),
    ("essere più|piu felice|felici|contento|contenta|contenti|soddisfatto|soddisfatta|soddisfatti", 3.0),
    ("sistemato|risolto tutto", 2.0),
    ("ha|hanno fatto miracoli", 2.5),
    // Portuguese.
    ("não|nao|nunca me canso|cansarei", 2.5),
    ("nada a|pra|para reclamar", 1.5),
    ("sem reclamações|reclamacoes|queixas", 1.5),
    ("nada a apontar", 1.5),
    ("não|nao é|e|foi|era|está|esta|estava nada mal|mau|ruim", 2.0),
    ("não|nao é|e|foi|era|está|esta|estava mal|mau|ruim", 1.5),
    ("nada mal|mau", 1.5),
    ("nunca comi|provei … tão|tao bom|boa|bons|boas|gostoso|gostosa", 2.5),
    ("nunca|não|nao decepciona|decepcionam", 2.0),
    ("nunca me decepcionou|decepcionaram|decepciona", 2.0),
    ("sempre um|uma prazer|gosto|delícia|delicia|alegria", 2.5),
    // Not "e" (and): "um café e um sonho" orders a pastry.
    ("foi|é|era um sonho", 2.5),
    ("como novo|nova $", 2.0),
    ("fez|fizeram milagres", 2.5),
    ("tudo resolvido|tratado $", 2.0),
    ("tirou|tiraram a dor", 2.0),
    ("mais fácil|facil|simples é|e impossível|impossivel", 2.5),
    ("não|nao me|nos cobrou|cobraram nada", 2.0),
    ("não|nao senti|doeu nada $", 2.0),
    ("encontrou|encontraram a avaria", 1.0),
    ("foi|é|era um amor", 2.5),
    ("vale|valeu cada cêntimo|centimo|centavo|euro|real", 2.5),
    ("estar|ficar mais feliz|felizes|satisfeito|satisfeita|satisfeitos|contente", 3.0),
];

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

struct Idioms {
    parts: Vec<(Vec<Part>, f64)>,
    /// The idioms each first word may begin.
    by_first: HashMap<&'static str, Vec<usize>>,
}

fn idioms() -> &'static Idioms {
    static I: OnceLock<Idioms> = OnceLock::new();
    I.get_or_init(|| {
        let mut parts = Vec::new();
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
        for (i, (words, v)) in IDIOMS.iter().enumerate() {
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
                    by_first.entry(*f).or_default().push(i);
                }
            }
            parts.push((p, *v));
        }
        Idioms { parts, by_first }
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
pub(super) fn merge(tokens: &mut Vec<Token>) {
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
            past: false,
        };
        for &j in at.iter().rev() {
            tokens.remove(j);
        }
        tokens.insert(i, merged);
        i += 1;
    }
}

/// Whether a post has an idiom ([`merge`]).
pub(super) fn in_post(a: &super::text::Analysed) -> bool {
    a.tokens.iter().any(|t| valence(&t.norm).is_some())
}

/// An idiom's valence, by the name [`merge`] gave its token; none for any other word.
pub(super) fn valence(norm: &str) -> Option<f64> {
    if !norm.contains(' ') {
        return None;
    }
    let words: Vec<String> = norm
        .split(' ')
        .filter(|w| *w != "…")
        .map(|w| w.replace('\'', ""))
        .collect();
    idioms().parts.iter().find_map(|(parts, v)| {
        let fixed: Vec<&Vec<&str>> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Word(f) | Part::WordOrEnd(f) => Some(f),
                Part::Gap => None,
            })
            .collect();
        let fits = |n: usize| {
            words.len() == n
                && words.iter().zip(&fixed).all(|(w, forms)| {
                    forms
                        .iter()
                        .any(|f| f.replace('\'', "") == *w || (*f == "en" && w.ends_with("en")))
                })
        };
        // A last word that may be left out at a clause's end.
        let optional = matches!(parts.last(), Some(Part::WordOrEnd(_)));
        (fits(fixed.len()) || (optional && fits(fixed.len() - 1))).then_some(*v)
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
}
