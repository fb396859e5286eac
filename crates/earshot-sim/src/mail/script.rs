//! The demo's customer mail to Brightside Coffee: the shapes of the messages in
//! `fixtures/email` (plain text; multipart/alternative; HTML with an attachment; an automatic
//! reply) with the business's own words. Times are seconds after the simulator starts; negative
//! ones were already in the inbox.

/// A plain-text message.
pub(crate) fn message(from: &str, subject: &str, id: &str, at: i64, text: &str) -> String {
    format!(
        "Return-Path: <{addr}>\nDate: {date}\nFrom: {from}\nTo: Brightside Coffee <{to}>\nSubject: {subject}\nMessage-ID: {id}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}\n",
        addr = from.rsplit_once('<').map(|(_, a)| a.trim_end_matches('>')).unwrap_or(from),
        date = date(at),
        to = super::MAIL_USER,
    )
}

fn date(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .unwrap_or_default()
        .to_rfc2822()
}

/// `(seconds after start, message)` for the demo.
pub(crate) fn script(seed: u64, start: i64) -> Vec<(i64, String)> {
    let id = |n: &str| format!("<{n}.{seed}.{start}@mail.example.com>");
    let to = super::MAIL_USER;
    vec![
        (
            -7_200,
            message(
                "Sam Ortiz <sam.ortiz@example.com>",
                "Gift card balance",
                &id("giftcard"),
                start - 7_200,
                "Hi! How can I check the balance on a Brightside gift card I got for my birthday?\n\nThanks,\nSam",
            ),
        ),
        (
            5,
            message(
                "Nora Bell <nora.bell@example.com>",
                "Charged twice this morning",
                &id("charged-twice"),
                start + 5,
                "Hello,\n\nI bought one oat latte at your Alder Street shop at 8:10 this morning and my card was charged twice ($5.40 each). This is the second time this month. Please refund the extra charge today — I am really disappointed.\n\nNora Bell",
            ),
        ),
        (
            18,
            format!(
                "Date: {date}\nFrom: Tom Becker <tom.becker@example.org>\nTo: {to}\nSubject: Coffee for an office event?\nMessage-ID: {mid}\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"=_alt_brightside\"\n\n--=_alt_brightside\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\nHi Brightside team,\n\nDo you cater coffee for office events? We are 40 people and would like a=\n coffee cart on Friday the 12th. What would it cost?\n\nTom\n\n--=_alt_brightside\nContent-Type: text/html; charset=\"utf-8\"\n\n<html><body><p>Hi Brightside team,</p><p>Do you cater coffee for office events? We are 40 people and would like a coffee cart on Friday the 12th. What would it cost?</p><p>Tom</p></body></html>\n\n--=_alt_brightside--\n",
                date = date(start + 18),
                mid = id("catering"),
            ),
        ),
        (
            30,
            format!(
                "Date: {date}\nFrom: Brightside Alder St <alder@brightside.coffee>\nTo: {to}\nSubject: Automatic reply: Out of office\nMessage-ID: {mid}\nAuto-Submitted: auto-replied\nContent-Type: text/plain; charset=utf-8\n\nI am out of the office until Monday.\n",
                date = date(start + 30),
                mid = id("ooo"),
            ),
        ),
        (
            42,
            format!(
                "Date: {date}\nFrom: Priya Natarajan <priya@example.net>\nTo: {to}\nSubject: Thank you!\nMessage-ID: {mid}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"=_mixed_brightside\"\n\n--=_mixed_brightside\nContent-Type: text/html; charset=\"utf-8\"\n\n<html><body><p>The barista at Alder Street remembered my order <b>and</b> my dog's name. Best coffee in Portland!</p><p><img src=\"https://tracker.example.net/open.gif\" alt=\"\"></p></body></html>\n\n--=_mixed_brightside\nContent-Type: image/jpeg; name=\"latte.jpg\"\nContent-Disposition: attachment; filename=\"latte.jpg\"\nContent-Transfer-Encoding: base64\n\n/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////\n--=_mixed_brightside--\n",
                date = date(start + 42),
                mid = id("thanks"),
            ),
        ),
    ]
}
