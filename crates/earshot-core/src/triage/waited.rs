//! A wait measured in hours, days, weeks or months: "been waiting 3 weeks", "waiting for over an
//! hour", "waiting two days". "Been waiting for this video!" is excitement, and no cue phrase
//! can list every length; a wait with its length is a complaint. English: the other languages'
//! cues say it in words ("llevo esperando", "warte seit", "j'attends depuis").

/// Words between "waiting" and the length: "for", "over", "almost"…
#[rustfmt::skip]
const BEFORE_LENGTH: &[&str] = &[
    "for", "over", "almost", "nearly", "about", "like", "more", "than", "literally", "since",
];

/// A length without digits.
#[rustfmt::skip]
const LENGTH: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "few", "many", "multiple", "half",
];

/// Units of a wait.
#[rustfmt::skip]
const UNIT: &[&str] = &[
    "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week",
    "weeks", "month", "months",
];

/// The byte range of a measured wait in a folded post ("waiting 3 weeks"), or None.
pub(super) fn measured_wait(folded: &str) -> Option<(usize, usize)> {
    let at = folded.find("waiting")?;
    let mut words = super::cues::word_spans(&folded[at..])
        .into_iter()
        .map(|(s, e)| (at + s, at + e));
    let (start, _) = words.next()?;
    for (s, e) in words.take(6) {
        let w = &folded[s..e];
        if UNIT.contains(&w) {
            return Some((start, e));
        }
        let counts = w.bytes().all(|b| b.is_ascii_digit()) || LENGTH.contains(&w);
        if !(counts || BEFORE_LENGTH.contains(&w)) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_with_its_length() {
        let cases = [
            (
                "been waiting 3 weeks for my refund",
                Some("waiting 3 weeks"),
            ),
            (
                "waiting for over an hour now",
                Some("waiting for over an hour"),
            ),
            ("we've been waiting two days", Some("waiting two days")),
            ("been waiting for this video!", None),
            ("waiting for the bus", None),
            ("waiting", None),
        ];
        for (post, want) in cases {
            let f = crate::matcher::fold(post);
            assert_eq!(measured_wait(&f).map(|(s, e)| &f[s..e]), want, "{post}");
        }
    }
}
