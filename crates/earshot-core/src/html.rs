//! Post content is hostile. HTML from a network is either sanitised with ammonia (kept for
//! display as `Mention::html`) or turned into plain text; nothing a network sends is ever used as
//! markup unsanitised.

use std::collections::HashSet;

/// Sanitised HTML: ammonia's safe default tag set, links forced to `rel="noopener noreferrer"`.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// Plain text from HTML: paragraphs and line breaks become newlines, scripts and styles vanish
/// with their content, entities are decoded. The result is text, to be rendered as text.
pub fn to_text(html: &str) -> String {
    let marked = html
        .replace("<p>", "\n\n")
        .replace("<P>", "\n\n")
        .replace("</p>", "\n\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n");
    let stripped = ammonia::Builder::empty()
        .clean_content_tags(HashSet::from(["script", "style", "template"]))
        .clean(&marked)
        .to_string();
    let decoded = html_escape::decode_html_entities(&stripped);
    tidy(&decoded)
}

/// Collapses runs of blank lines and trims each line's trailing space.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line.trim_start_matches(['\u{a0}']));
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed_from_html() {
        let s = sanitize(
            r#"<p>hi<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a></p>"#,
        );
        assert!(!s.contains("script"), "{s}");
        assert!(!s.contains("onerror"), "{s}");
        assert!(!s.contains("javascript:"), "{s}");
    }

    #[test]
    fn text_keeps_paragraphs_and_decodes_entities() {
        assert_eq!(
            to_text("It&#x27;s <i>good</i><p>Second &amp; last"),
            "It's good\n\nSecond & last"
        );
        assert_eq!(to_text("a<script>evil()</script>b"), "ab");
    }

    #[test]
    fn escaped_markup_becomes_literal_text() {
        assert_eq!(
            to_text("&lt;script&gt;x&lt;/script&gt;"),
            "<script>x</script>"
        );
    }
}
