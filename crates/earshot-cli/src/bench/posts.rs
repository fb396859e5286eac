//! Posts read wholly right: for a labelled CSV that gives each post's language, sentiment and
//! complaint (`data/business/heldout.csv`), the share where all three read as labelled: what an
//! owner sees of a post, not one measure of it.

use std::path::Path;

use anyhow::{bail, Context, Result};
use earshot_core::triage;

/// "posts read wholly right …: N of M", with each misread post, when the CSV has `text`,
/// `language`, `sentiment` and `complaint` columns; None when it lacks one. With a `set` column,
/// the same count for each set too, in the order the sets first appear (a set written after a
/// change is that change's honest figure).
pub fn wholly_right(path: &Path) -> Result<Option<String>> {
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("opening {}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(t), Some(l), Some(s), Some(c)) = (
        col("text"),
        col("language"),
        col("sentiment"),
        col("complaint"),
    ) else {
        return Ok(None);
    };
    let set = col("set");
    let (mut right, mut rows, mut misread) = (0, 0, String::new());
    // (set, right, rows), in the order the sets first appear.
    let mut sets: Vec<(String, usize, usize)> = Vec::new();
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        let field = |i: usize| rec.get(i).unwrap_or_default().trim();
        let complaint = match field(c).to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "complaint" => true,
            "false" | "0" | "no" | "" => false,
            other => bail!("{}: row {}: complaint {other:?}", path.display(), n + 2),
        };
        let got = triage::classify(field(t), None);
        let lang = Some(field(l)).filter(|l| !l.is_empty());
        rows += 1;
        let ok = got.language == lang && got.sentiment == field(s) && got.complaint == complaint;
        if let Some(i) = set {
            let name = field(i);
            let at = match sets.iter().position(|(n, _, _)| n == name) {
                Some(at) => at,
                None => {
                    sets.push((name.to_string(), 0, 0));
                    sets.len() - 1
                }
            };
            sets[at].1 += usize::from(ok);
            sets[at].2 += 1;
        }
        if ok {
            right += 1;
        } else {
            misread.push_str(&format!(
                "  {}\n    read {} {} complaint={} [{}]\n",
                field(t),
                got.language.unwrap_or("-"),
                got.sentiment,
                got.complaint,
                got.reasons.join(" | ")
            ));
        }
    }
    let share = right as f64 / rows.max(1) as f64;
    let per_set: String = sets
        .iter()
        .map(|(name, right, rows)| format!("  set {name:?}: {right} of {rows}\n"))
        .collect();
    Ok(Some(format!(
        "\nposts read wholly right (language, sentiment and complaint): {right} of {rows} \
         ({share:.3})\n{per_set}{misread}"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Thank you so much, the staff were lovely and the cake was delicious!";

    /// `wholly_right` of a CSV with `body`, in a folder of its own.
    fn read(body: &str) -> Result<Option<String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("posts.csv");
        std::fs::write(&path, body).unwrap();
        wholly_right(&path)
    }

    #[test]
    fn counts_a_post_right_only_when_language_sentiment_and_complaint_all_are() {
        let out = read(&format!(
            "text,language,sentiment,complaint\n\"{TEXT}\",en,positive,false\n\
             \"{TEXT}\",en,negative,false\n\"{TEXT}\",fr,positive,false\n"
        ))
        .unwrap()
        .unwrap();
        assert!(out.contains("1 of 3"), "{out}");
        assert!(!out.contains("  set "), "{out}");
        assert!(read("text,sentiment\nhello,neutral\n").unwrap().is_none());
        assert!(read("text,language,sentiment,complaint\nhi,en,neutral,maybe\n").is_err());
    }

    #[test]
    fn counts_each_set_in_the_order_it_first_appears() {
        let out = read(&format!(
            "text,language,sentiment,complaint,set\n\"{TEXT}\",en,positive,false,b\n\
             \"{TEXT}\",en,negative,false,a\n\"{TEXT}\",en,positive,false,a\n"
        ))
        .unwrap()
        .unwrap();
        assert!(out.contains("2 of 3"), "{out}");
        assert!(
            out.contains("  set \"b\": 1 of 1\n  set \"a\": 1 of 2\n"),
            "{out}"
        );
    }
}
