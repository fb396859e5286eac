//! Where a post turns: "good food, but…". What follows the last "but" is what its writer wants
//! heard, so a complaint there is the post's, whatever praise came first.

use super::linear::LinearModel;
use super::reading::{read_in, Reading};
use super::vader;
use crate::model::Sentiment;

/// "Buena comida pero el servicio lentísimo", "Das Essen war gut, aber der Service war sehr
/// langsam": praise, then a complaint after the turn. VADER weighs the words after a "but" 1.5
/// times and those before it half, but the model's praise words ("buena", learned from tweets
/// full of "muy buena") outweigh that. So where a post that does not read as a negative complaint
/// has a bad word or a complaint cue after its last turn, the part after the turn is read alone,
/// in the post's language; when that reads negative or as a complaint, so does the post, with
/// that part's words.
///
/// The other way round, a complaint made of tone alone, or a neutral reading, and then praise
/// with no bad word after the turn ("Service was a bit slow but the food was worth it", "Didn't
/// expect much but the pasta blew me away") reads as the praise, when the
/// part after the turn read alone is praise without a complaint. A complaint cue before the turn
/// keeps the complaint ("Still waiting for my refund, but thanks for the quick reply"), unless the
/// post says after the turn that there is nothing to complain of, or that the fault was mended.
pub(super) fn turned(model: &LinearModel, text: &str, whole: Reading) -> Reading {
    let Some(&turn) = whole.analysed.turns.last() else {
        return whole;
    };
    if opens(&whole.analysed.tokens, turn) {
        return whole;
    }
    // The sentiment words' valences where they stand, bad ones below zero; a negated one as VADER
    // weighs it ("não fez milagres" is a mild criticism).
    let valences = |from: usize, to: usize| {
        whole.analysed.tokens[from..to].iter().filter_map(|t| {
            vader::valence_of(t).filter(|v| *v != 0.0).map(|v| {
                if t.negated {
                    v * vader::N_SCALAR
                } else {
                    v
                }
            })
        })
    };
    let n = whole.analysed.tokens.len();
    let bad_after = valences(turn + 1, n).any(|v| v < 0.0);
    let good_after = valences(turn + 1, n).any(|v| v > 0.0);
    // One mild criticism before the turn ("a bit slow", "pricey"), not "terrible", nor a pity
    // and a slow waiter ("Peccato per il servizio lento, il cibo però era ottimo").
    // A post that says after its turn that its writer has nothing to complain of, or that the
    // fault was put right without a fuss, answers a complaint cue before its turn, and one bad
    // word of any weight ("arrived half an hour late but still piping hot, no complaints";
    // "arrived broken but they sent a new one, no questions asked"; French "retard" is VADER's
    // English slur).
    let nothing_to_complain = whole.analysed.tokens[turn + 1..]
        .iter()
        .any(|t| !t.negated && super::idioms::nothing_to_complain(&t.norm));
    // So does a repair after the turn ("Our wifi was down all week but the shop sorted it in an
    // hour"), where nothing bad follows it.
    let mended_after = whole.analysed.tokens[turn + 1..]
        .iter()
        .any(|t| !t.negated && super::words::repairs(&super::signals::folded(t)));
    // So does praise of "this" one after a grievance with another business ("Another shop said
    // it was impossible, but this tailor took in my dress the day before").
    let elsewhere = elsewhere(&whole.analysed.tokens, turn);
    let mut bad_before = valences(0, turn).filter(|v| *v < 0.0);
    let mild_before = elsewhere
        || bad_before
            .next()
            .is_none_or(|v| v > -2.0 || nothing_to_complain)
            && bad_before.next().is_none();
    let turns_good = whole.mood != Sentiment::Positive
        && mild_before
        && (good_after || mended_after || elsewhere)
        && !bad_after
        && (whole.complaint_cues.is_empty() || nothing_to_complain || mended_after || elsewhere)
        && whole.grave.is_empty()
        && whole.sarcasm.is_empty();
    // Praise after a strong complaint ("The service was terrible but the food was great"):
    // VADER's weights make it praise, but the owner must hear what was terrible. Where the part
    // before the turn, read alone, is a negative complaint, so is the post, with its words.
    // Not one softened ("Un po' caro ma vale ogni centesimo").
    let tokens = &whole.analysed.tokens[..turn];
    let strong_before = tokens.iter().enumerate().any(|(i, t)| {
        let softened = i > 0 && tokens[i - 1].role == super::text::Role::BoostDown;
        !t.negated && !softened && vader::valence_of(t).is_some_and(|v| v <= -2.0)
    });
    if whole.mood == Sentiment::Positive
        && strong_before
        && !nothing_to_complain
        && !mended_after
        && !elsewhere
        && whole.sarcasm.is_empty()
    {
        let head = before_last(text, &whole.analysed.tokens[turn].norm)
            .map(|head| read_in(model, head, whole.lang))
            .filter(|head| head.complaint && head.mood == Sentiment::Negative);
        if let Some(head) = head {
            return as_part_reads(whole, head);
        }
    }
    // The English complaint model has read the whole post: a negative reading it did not call a
    // complaint stays one.
    let learned = matches!(whole.lang, None | Some("en"));
    if !turns_good
        && (whole.mood == Sentiment::Negative && (whole.complaint || learned)
            || !bad_after && whole.complaint_cues.is_empty())
    {
        return whole;
    }
    let Some(rest) = after_last(text, &whole.analysed.tokens[turn].norm) else {
        return whole;
    };
    let mut tail = read_in(model, rest, whole.lang);
    if elsewhere && turns_good && tail.mood == Sentiment::Neutral {
        // What this one did where another would not is praise, however plainly told ("but this
        // tailor did it in a day").
        let best = super::reading::argmax(&tail.probs);
        tail.probs.swap(2, best);
        tail.mood = Sentiment::Positive;
    }
    let keeps = if turns_good {
        // A repair read alone may be plain ("the shop sorted it in an hour").
        let settled =
            tail.mood == Sentiment::Positive || (mended_after && tail.mood == Sentiment::Neutral);
        !(settled && !tail.complaint && tail.complaint_cues.is_empty())
    } else {
        !tail.complaint && tail.mood != Sentiment::Negative
    };
    if keeps {
        return whole;
    }
    as_part_reads(whole, tail)
}

/// Another, as a post opens on another business: "Another shop", "Otra tienda", "Une autre
/// boutique", "Ein anderer Laden", "Un altro negozio", "Outra loja" (as tokens are written).
#[rustfmt::skip]
const ANOTHER: &[&str] = &[
    "another", "other", "otra", "otro", "autre", "anderer", "andere", "anderes", "altro", "altra",
    "outra", "outro",
];

/// This one, right after the turn: "but this tailor", "pero esta modista", "mais cette
/// couturière", "aber diese Schneiderin", "ma questa sarta", "mas esta costureira".
#[rustfmt::skip]
const THIS: &[&str] = &[
    "this", "these", "esta", "este", "estos", "estas", "cette", "ce", "cet", "ces", "diese",
    "dieser", "dieses", "questa", "questo", "questi", "queste", "essa", "esse",
];

/// Whether the post opens on another business (within its first two words) and turns at
/// `turn` to "this" one.
fn elsewhere(tokens: &[super::text::Token], turn: usize) -> bool {
    let another = tokens
        .iter()
        .take(2.min(turn))
        .any(|t| ANOTHER.contains(&t.norm.as_str()));
    another
        && tokens
            .get(turn + 1)
            .is_some_and(|t| THIS.contains(&t.norm.as_str()))
}

/// Whether the turn at `turn` opens the post, its phrase all that comes before it ("Peccato che
/// la pioggia abbia rovinato il mercatino", "Lástima que…"): it follows nothing, and what it
/// says is the whole post's to read, with the sadness it starts with.
fn opens(tokens: &[super::text::Token], turn: usize) -> bool {
    if turn > 1 {
        return false;
    }
    let phrase: Vec<&str> = tokens[..=turn].iter().map(|t| t.norm.as_str()).collect();
    let phrase = phrase.join(" ");
    super::words::CONTRASTS
        .iter()
        .any(|(_, said)| said.contains(&phrase.as_str()))
}

/// The whole post read as one part of it reads (its mood, complaint and their words), keeping
/// what the whole says of its language, questions, offers, abuse and sarcasm.
fn as_part_reads(whole: Reading, part: Reading) -> Reading {
    Reading {
        analysed: whole.analysed,
        lang: whole.lang,
        help_cues: whole.help_cues,
        lead_cues: whole.lead_cues,
        abusive: whole.abusive,
        abuse_words: whole.abuse_words,
        sarcasm: whole.sarcasm,
        ..part
    }
}

/// The byte span of the last place where `word` (folded, as a token) stands as a word of its own.
fn last_word(text: &str, word: &str) -> Option<(usize, usize)> {
    let mut last = None;
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            if text[s..i]
                .chars()
                .flat_map(char::to_lowercase)
                .eq(word.chars())
            {
                last = Some((s, i));
            }
        }
    }
    last
}

/// The text after the last place where `word` stands ([`last_word`]), when anything follows it.
fn after_last<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    last_word(text, word)
        .map(|(_, end)| &text[end..])
        .filter(|rest| rest.chars().any(char::is_alphanumeric))
}

/// The text before the last place where `word` stands ([`last_word`]), when anything precedes it.
fn before_last<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    last_word(text, word)
        .map(|(start, _)| &text[..start])
        .filter(|head| head.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::super::reading::read_with;

    #[test]
    fn a_turn_that_opens_the_post_follows_nothing() {
        // The sadness it opens with is the post's: sympathy, not a complaint read from the rest.
        let model = super::super::model();
        for text in [
            "Peccato che la grandine abbia rovinato la sagra del paese",
            "Peccato che il nostro barbiere si trasferisca, ci mancherà",
        ] {
            let r = read_with(model, text);
            assert!(!r.complaint, "{text}");
            assert_eq!(r.mood, crate::model::Sentiment::Negative, "{text}");
        }
        // A turn after praise still turns to what follows it.
        let r = read_with(
            model,
            "La pizza era buona, peccato che il cameriere fosse scortese",
        );
        assert!(r.complaint);
    }
}
