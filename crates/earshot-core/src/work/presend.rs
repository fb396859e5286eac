//! The check a reply passes before it goes out: personal data in a public reply, a hostile or
//! shouting tone, and a public answer into an angry thread. It warns; the owner decides.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Mention, Sentiment};

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub enum WarningKind {
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A payment card number.
    Card,
    /// An order, account, booking or similar number.
    Reference,
    /// A street address.
    Address,
    /// Mostly capital letters.
    Shouting,
    /// Words that read as hostile or dismissive.
    Hostile,
}

/// One thing worth a second look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Warning {
    /// What it is.
    pub kind: WarningKind,
    /// The words that raised it, as written.
    pub excerpt: String,
    /// What to tell the owner.
    pub message: String,
}

/// The outcome of the check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../../../ui/src/lib/bindings/")]
pub struct Check {
    /// Things to look at again.
    pub warnings: Vec<Warning>,
    /// A public reply into an angry thread: ask for a second confirmation.
    pub confirm_angry: bool,
}

struct Patterns {
    email: Regex,
    digits: Regex,
    reference: Regex,
    address: Regex,
    hostile: Regex,
    handle_or_link: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        email: Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
            .expect("static regex"),
        digits: Regex::new(r"\+?\(?\d[\d ().-]{6,}\d").expect("static regex"),
        reference: Regex::new(
            r"(?i)\b(?:order|account|acct|invoice|booking|reservation|confirmation|ticket|card|member(?:ship)?|customer|policy|tracking|iban)\s*(?:no\.?|number|num|id|#)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)",
        )
        .expect("static regex"),
        // Capitalised names and suffixes, so "a 5 minute drive" is not an address.
        address: Regex::new(
            r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Square|Sq|Highway|Hwy)\b\.?",
        )
        .expect("static regex"),
        hostile: Regex::new(
            r"(?i)\b(?:your (?:own )?fault|not our (?:problem|fault)|calm down|you(?:'re| are) wrong|stupid|idiot(?:ic)?|moron|liar|shut up|ridiculous|pathetic|deal with it|learn to read|read the (?:sign|menu|website|terms)|get over it|nobody cares|don'?t care|damn|crap|wtf|f+u+c+k\w*|shit\w*)\b",
        )
        .expect("static regex"),
        handle_or_link: Regex::new(r"https?://\S+|(?:^|\s)@[\w.-]+(?:@[\w.-]+)?").expect("static regex"),
    })
}

fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Two or more words in capitals (6 letters or more) ending in two or more `!`/`?`, or three or
/// more such words in a row: the part of `text` that shouts. "OK, THANKS!" does not.
fn shouted_run(text: &str) -> Option<&str> {
    static RUN: OnceLock<Regex> = OnceLock::new();
    let re = RUN.get_or_init(|| {
        Regex::new(r"\b\p{Lu}{2,}(?:[\s,]+\p{Lu}{2,})+\b\s*([!?]{2,})?").expect("a valid pattern")
    });
    re.captures_iter(text).find_map(|c| {
        let run = c.get(0)?;
        let words = run
            .as_str()
            .split([' ', ',', '\t', '\n'])
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        let letters = run.as_str().chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 6 && (c.get(1).is_some() || words >= 3)).then(|| run.as_str().trim_end())
    })
}

fn warn(kind: WarningKind, excerpt: &str, message: &str) -> Warning {
    Warning {
        kind,
        excerpt: excerpt.trim().to_string(),
        message: message.to_string(),
    }
}

/// Checks a reply to `mention` before it is sent. Personal data only matters in public; tone
/// matters everywhere.
pub fn check(body: &str, private: bool, mention: &Mention, urgent_threshold: u8) -> Check {
    let p = patterns();
    let mut warnings = Vec::new();
    // Handles (`@ann@mastodon.social`) and links look like addresses and numbers; leave them out.
    let plain = p.handle_or_link.replace_all(body, " ");
    if !private {
        for m in p.email.find_iter(&plain) {
            warnings.push(warn(
                WarningKind::Email,
                m.as_str(),
                "An e-mail address in a public reply can be read by anyone. Send it privately.",
            ));
        }
        // Numbers: a card number wins over "card 4111…", a reference keyword over a phone.
        let refs: Vec<(std::ops::Range<usize>, &str)> = p
            .reference
            .captures_iter(&plain)
            .filter_map(|c| Some((c.get(1)?.range(), c.get(0)?.as_str())))
            .filter(|(r, _)| {
                plain[r.clone()]
                    .chars()
                    .filter(char::is_ascii_digit)
                    .count()
                    >= 4
            })
            .collect();
        let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
            a.start < b.end && b.start < a.end
        };
        let mut cards = Vec::new();
        for m in p.digits.find_iter(&plain) {
            let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
            if (13..=19).contains(&digits.len()) && luhn(&digits) {
                cards.push(m.range());
                warnings.push(warn(
                    WarningKind::Card,
                    m.as_str(),
                    "This looks like a payment card number. Never post one; ask for it on a secure channel.",
                ));
            } else if (9..=15).contains(&digits.len())
                && !refs.iter().any(|(r, _)| overlaps(r, &m.range()))
            {
                warnings.push(warn(
                    WarningKind::Phone,
                    m.as_str(),
                    "A phone number in a public reply can be read by anyone. Send it privately.",
                ));
            }
        }
        for (r, whole) in &refs {
            if !cards.iter().any(|c| overlaps(c, r)) {
                warnings.push(warn(
                    WarningKind::Reference,
                    whole,
                    "An order or account number in public helps strangers impersonate your customer. Send it privately.",
                ));
            }
        }
        for m in p.address.find_iter(&plain) {
            warnings.push(warn(
                WarningKind::Address,
                m.as_str(),
                "A street address in a public reply can be read by anyone. Send it privately.",
            ));
        }
    }
    let letters: Vec<char> = plain.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 12 && upper * 10 >= letters.len() * 7 {
        warnings.push(warn(
            WarningKind::Shouting,
            &body.chars().take(40).collect::<String>(),
            "Mostly capital letters reads as shouting.",
        ));
    } else if let Some(run) = shouted_run(&plain) {
        // A short burst in capitals with a volley of marks ("SO SORRY!!!") shouts too.
        warnings.push(warn(
            WarningKind::Shouting,
            run,
            "Words in capitals with a row of exclamation marks read as shouting.",
        ));
    }
    for m in p.hostile.find_iter(&plain) {
        warnings.push(warn(
            WarningKind::Hostile,
            m.as_str(),
            "This can read as hostile or dismissive to an upset customer.",
        ));
    }
    let t = &mention.triage;
    let angry = t.mood == Sentiment::Negative
        && (t.complaint || t.urgency >= urgent_threshold || t.sentiment <= -0.5);
    Check {
        warnings,
        confirm_angry: !private && angry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Channel, Triage};

    fn calm() -> Mention {
        Mention::new(Channel::Bluesky, "x", "Where do I find the menu?")
    }

    fn angry() -> Mention {
        let mut m = Mention::new(Channel::Bluesky, "y", "Worst coffee ever, I want a refund");
        m.triage = Triage {
            urgency: 80,
            sentiment: -0.8,
            mood: Sentiment::Negative,
            complaint: true,
            ..Triage::default()
        };
        m
    }

    fn kinds(body: &str, private: bool) -> Vec<WarningKind> {
        check(body, private, &calm(), 60)
            .warnings
            .iter()
            .map(|w| w.kind)
            .collect()
    }

    #[test]
    fn a_table_of_replies() {
        use WarningKind::*;
        let cases: &[(&str, bool, &[WarningKind])] = &[
            ("Thanks so much, see you soon!", false, &[]),
            ("Sorry about that — we'll make it right.", false, &[]),
            (
                "Email us at help@brightside.coffee and we'll sort it",
                false,
                &[Email],
            ),
            (
                "Email us at help@brightside.coffee and we'll sort it",
                true,
                &[],
            ),
            ("Hi @ann@mastodon.social, we're on it", false, &[]),
            (
                "See https://brightside.coffee/menu?id=123456789 for details",
                false,
                &[],
            ),
            ("Call us on +1 (415) 555-0132 any time", false, &[Phone]),
            ("Call 0161 496 0000", false, &[Phone]),
            ("We open on 2026-11-22 at 9", false, &[]),
            ("Your order #A12345 is on its way", false, &[Reference]),
            ("Found it: order number 88231977", false, &[Reference]),
            ("Account 55512345 has been refunded", true, &[]),
            ("The card 4111 1111 1111 1111 was declined", false, &[Card]),
            ("It is a 5 minute drive from the station", false, &[]),
            (
                "Your order number 123456789012 shipped",
                false,
                &[Reference],
            ),
            ("Is 4111 1111 1111 1111 yours?", false, &[Card]),
            ("Drop it at 221B Baker Street tomorrow", false, &[Address]),
            ("Come to 12 Harbour Rd, we're open", false, &[Address]),
            ("We have 3 new roasts this week", false, &[]),
            ("WE ARE SORRY BUT THAT IS THE POLICY", true, &[Shouting]),
            ("OK, THANKS!", false, &[]),
            ("SO SORRY!!! We will fix it today.", false, &[Shouting]),
            ("We are VERY VERY SORRY about that", false, &[Shouting]),
            ("Our new blend is from the UK and the US!!", false, &[]),
            ("Sorry!!! We will fix it today.", false, &[]),
            (
                "That's not our problem, read the sign",
                false,
                &[Hostile, Hostile],
            ),
            ("Calm down, it was a mistake", true, &[Hostile]),
            ("We are sorry your latte was terrible", false, &[]),
        ];
        for (body, private, want) in cases {
            assert_eq!(
                kinds(body, *private),
                *want,
                "{body:?} (private: {private})"
            );
        }
    }

    #[test]
    fn a_public_reply_to_an_angry_thread_asks_twice_a_private_one_does_not() {
        assert!(check("Sorry, we'll fix it", false, &angry(), 60).confirm_angry);
        assert!(!check("Sorry, we'll fix it", true, &angry(), 60).confirm_angry);
        assert!(!check("Sorry, we'll fix it", false, &calm(), 60).confirm_angry);
    }

    #[test]
    fn warnings_quote_what_raised_them() {
        let c = check("Write to help@brightside.coffee", false, &calm(), 60);
        assert_eq!(c.warnings[0].excerpt, "help@brightside.coffee");
        assert!(c.warnings[0].message.contains("privately"));
    }
}
