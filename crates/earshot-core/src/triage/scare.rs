//! A word in scare quotes: "the 'waterproof' boots", « imperméables », „wasserdichten“. The
//! writer quotes the business's own claim to doubt it; beside a cry of delight that opens or
//! closes the post, the cry is sarcasm (`flags::lone_cry`). Only one to three words, starting in
//! lower case or as a German compound's first part („Express“-Kasse): a name ("the 'Big
//! Breakfast'") or a sentence quoted ("she said 'no problem at all, see you Monday'") is no claim
//! doubted, nor is a message cited ("they wrote 'happy birthday'"). Earshot's own rule.

/// Quote marks, opening and closing.
const MARKS: &[(char, char)] = &[
    ('\'', '\''),
    ('"', '"'),
    ('‘', '’'),
    ('“', '”'),
    ('«', '»'),
    ('»', '«'),
    ('„', '“'),
    ('„', '”'),
    ('‚', '‘'),
];

/// Words of writing or saying, folded: what follows them in quotes is a message cited ("they
/// wrote 'happy birthday' on the cake"), not a claim doubted.
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "wrote", "written", "writes", "said", "says", "saying", "reads", "read", "called", "named",
    "labelled", "labeled", "sign", "escribieron", "escribio", "escrito", "pone", "ponia", "dice",
    "decia", "dijo", "dijeron", "llamado", "ecrit", "ecrite", "ecrivent", "marque", "dit",
    "disait", "appele", "geschrieben", "schrieb", "schrieben", "steht", "stand", "sagt", "sagte",
    "sagten", "heißt", "heisst", "scritto", "scritta", "scrivono", "diceva", "detto", "chiamato",
    "escreveram", "escreveu", "diz", "dizia", "disse", "disseram", "chamado",
];

/// The longest quote, in characters, taken for a claim.
const LONGEST: usize = 30;

/// The first one to three words a post puts in scare quotes, if any.
pub(super) fn scare_quoted(text: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let opens_here = |k: usize| k == 0 || !chars[k - 1].1.is_alphanumeric();
    chars.iter().enumerate().find_map(|(k, &(at, c))| {
        let &(_, close) = MARKS.iter().find(|m| m.0 == c)?;
        if !opens_here(k) {
            return None;
        }
        let from = at + c.len_utf8();
        let (end, _) = chars[k + 1..]
            .iter()
            .take(LONGEST + 2)
            .find(|&&(_, d)| d == close)?;
        let inside = text[from..*end].trim();
        let after = text[*end + close.len_utf8()..].chars().next();
        let words = inside.split_whitespace().count();
        let plain = inside
            .chars()
            .all(|d| d.is_alphabetic() || d == '-' || d == ' ' || d == '\'');
        // A German compound's quoted first part is capitalised as nouns are: „Express“-Kasse.
        let compound = text[*end + close.len_utf8()..].starts_with('-');
        let lower = inside.chars().next().is_some_and(char::is_lowercase) || compound;
        let long = inside.chars().filter(|d| d.is_alphabetic()).count() >= 3;
        let cited = text[..at]
            .split(|d: char| !d.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(2)
            .any(|w| SAYING.contains(&crate::matcher::fold(w).as_str()));
        let claim = plain && lower && long && (1..=3).contains(&words);
        (claim && !cited && !after.is_some_and(char::is_alphanumeric)).then_some(inside)
    })
}

#[cfg(test)]
mod tests {
    use super::scare_quoted;

    #[test]
    fn a_claim_in_quotes_is_found_and_an_apostrophe_a_name_or_a_sentence_are_not() {
        for (text, want) in [
            (
                "Lovely, the 'organic' eggs came from the cash and carry",
                Some("organic"),
            ),
            (
                "Toll, die „frischen“ Brötchen waren von gestern",
                Some("frischen"),
            ),
            (
                "Génial, le « fait maison » sort d'un sachet",
                Some("fait maison"),
            ),
            ("Ottimo, il pane “fresco” era di ieri", Some("fresco")),
            (
                "Notevole, la camera 'appena ristrutturata'",
                Some("appena ristrutturata"),
            ),
            (
                "O quarto 'acabado de renovar' tinha bolor",
                Some("acabado de renovar"),
            ),
            ("Ótimo, o \"rápido\" demorou uma semana", Some("rápido")),
            (
                "Super, die „Premium“-Reinigung hat nichts gebracht",
                Some("Premium"),
            ),
            ("Wir waren im „Adler“ essen", None),
            ("J'ai pris l'eau gazeuse et l'addition", None),
            ("We had the 'Big Breakfast' and loved it", None),
            ("She said 'no problem at all, see you on Monday'", None),
            ("The kids' menu and the dogs' bowls", None),
            ("Rock 'n' roll night was great", None),
            ("Perfect, they wrote 'happy birthday' on the plate", None),
            ("Genial, en la tarta pone 'felicidades' como pedí", None),
        ] {
            assert_eq!(scare_quoted(text), want, "{text}");
        }
    }
}
