//! A wish written on what was ordered is no praise of the business: "the cake said Happy
//! Birthday Tom", "auf der Torte stand Alles Gute Tom", "o bolo dizia Parabéns Tiago". The
//! lexicons value "happy", "gute" and "parabéns" as praise, which they are when the writer
//! says them; quoted from the icing or the card, they are the order's words, and what the
//! writer thinks of them is said around them. Earshot's own lists.

use super::text::{Analysed, Token};

/// Words of writing, as tokens are written: what follows is what stood on the thing.
#[rustfmt::skip]
const WRITING: &[&str] = &[
    "said", "says", "read", "reads", "written", "wrote", "ponía", "ponia", "decía", "decia",
    "escrito", "écrit", "ecrit", "stand", "steht", "geschrieben", "scritto", "dizia", "diz",
];

/// The words of a wish for a day, in each language, as tokens are written.
#[rustfmt::skip]
const WISH: &[&str] = &[
    "happy", "birthday", "merry", "christmas", "congratulations", "congrats", "anniversary",
    "retirement", "best", "wishes", "feliz", "cumpleaños", "felicidades", "aniversario",
    "navidad", "enhorabuena", "joyeux", "joyeuse", "bon", "bonne", "anniversaire", "fête",
    "noël", "félicitations", "alles", "gute", "liebe", "herzlichen", "glückwunsch", "zum",
    "geburtstag", "frohe", "weihnachten", "buon", "buona", "compleanno", "auguri", "tanti",
    "natale", "parabéns", "parabens", "aniversário", "boas", "festas",
];

/// Sets aside a wish quoted right after a word of writing ("said Happy Birthday", "c'era
/// scritto Buon compleanno"), up to the end of its clause or of the wish.
pub(super) fn quoted_wish(a: &mut Analysed) {
    let tokens: &mut [Token] = &mut a.tokens;
    let mut i = 0;
    while i + 1 < tokens.len() {
        let writing = WRITING.contains(&tokens[i].norm.as_str()) && !tokens[i].clause_end;
        i += 1;
        if !writing || !WISH.contains(&tokens[i].norm.as_str()) {
            continue;
        }
        while i < tokens.len() && WISH.contains(&tokens[i].norm.as_str()) {
            tokens[i].set_aside();
            i += 1;
            if tokens[i - 1].clause_end {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::triage::text::analyse_in;

    /// The words of `text` set aside as a quoted wish.
    fn aside(text: &str, lang: &str) -> Vec<String> {
        let mut a = analyse_in(text, Some(lang));
        super::quoted_wish(&mut a);
        a.tokens
            .into_iter()
            .filter(|t| t.aside)
            .map(|t| t.norm)
            .collect()
    }

    #[test]
    fn a_wish_written_on_the_order_is_set_aside_and_the_writers_own_is_not() {
        let quoted = "The card read Merry Christmas Grandma, and we'd asked for a blank one";
        assert_eq!(aside(quoted, "en"), ["merry", "christmas"]);
        let quoted = "Auf dem Kuchen stand Frohe Weihnachten statt Alles Gute zum Geburtstag";
        assert_eq!(aside(quoted, "de"), ["frohe", "weihnachten"]);
        assert!(aside("Happy birthday to the best barista in town!", "en").is_empty());
        let spoken = "She said happy birthday to my son, so kind";
        assert_eq!(aside(spoken, "en"), ["happy", "birthday"]);
    }
}
