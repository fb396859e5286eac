//! What the triage case tables share.

/// Fails listing every post read wrong, not only the first.
pub fn none_wrong(wrong: &[String]) {
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// How a post reads, when that is not the language (empty: too short to tell), sentiment and
/// complaint given; None when it reads as given.
#[allow(dead_code)] // Not every case table reads whole days.
pub fn misread(text: &str, lang: &str, sentiment: &str, complaint: bool) -> Option<String> {
    let got = earshot_core::triage::classify(text, None);
    let lang = (!lang.is_empty()).then_some(lang);
    let right = got.language == lang && got.sentiment == sentiment && got.complaint == complaint;
    (!right).then(|| {
        format!(
            "{text}\n  got {:?} {} complaint={} urgency={} [{}]",
            got.language,
            got.sentiment,
            got.complaint,
            got.urgency,
            got.reasons.join(" | ")
        )
    })
}

/// The posts of case tables of (post, language, sentiment, complaint) that read otherwise, each
/// with how it reads ([`misread`]).
#[allow(dead_code)] // Not every case table reads whole days.
pub fn misreads<'a>(
    rows: impl IntoIterator<Item = &'a (&'a str, &'a str, &'a str, bool)>,
) -> Vec<String> {
    rows.into_iter()
        .filter_map(|(text, lang, sentiment, complaint)| misread(text, lang, sentiment, *complaint))
        .collect()
}

/// The posts of a table of (post, a reason that must be given, a reason that must not — empty
/// for none) whose reasons miss the first or give the second, each with the reasons it got.
#[allow(dead_code)] // Not every case table pins quotes.
pub fn misquoted(table: &[(&str, &str, &str)]) -> Vec<String> {
    table
        .iter()
        .filter_map(|(text, given, not_given)| {
            let reasons = earshot_core::triage::classify(text, None)
                .reasons
                .join(" | ");
            let extra = !not_given.is_empty() && reasons.contains(not_given);
            (!reasons.contains(given) || extra).then(|| format!("{text}\n  reasons [{reasons}]"))
        })
        .collect()
}

/// The rows of a day's table that the sentiment model does not learn from as they stand here:
/// missing from `data/business/posts.csv` (the README's training command reads it), or there
/// with another language, sentiment or complaint. A day's posts are added to both.
#[allow(dead_code)] // Not every case table reads whole days.
pub fn not_in_training<'a>(
    rows: impl IntoIterator<Item = &'a (&'a str, &'a str, &'a str, bool)>,
) -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/business/posts.csv");
    let mut csv = csv::Reader::from_path(path).expect("data/business/posts.csv");
    let known: std::collections::HashMap<String, String> = csv
        .records()
        .map(|r| {
            let r = r.expect("a row of posts.csv");
            (r[0].to_string(), format!("{},{},{}", &r[1], &r[2], &r[3]))
        })
        .collect();
    rows.into_iter()
        .filter_map(|(text, lang, sentiment, complaint)| {
            let row = format!("{lang},{sentiment},{complaint}");
            (known.get(*text) != Some(&row)).then(|| format!("\"{text}\",{row},<this file>"))
        })
        .collect()
}
