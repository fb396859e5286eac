//! `earshot classify`, `earshot train` and `earshot bench triage`: triage on bare posts, training
//! the shipped sentiment model, and measuring it on a labelled CSV.

use std::io::{BufRead, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use earshot_core::triage::linear::{self, Confusion, Example, SplitMix, TrainOptions, CLASSES};
use earshot_core::triage::{self, classify};

/// `earshot train` options; each one left out keeps [`TrainOptions::default`].
#[derive(clap::Args, Debug, Default)]
pub struct Tuning {
    /// log2 of the feature table size.
    #[arg(long)]
    bits: Option<u32>,
    /// Passes over the data.
    #[arg(long)]
    epochs: Option<usize>,
    /// Learning rate.
    #[arg(long)]
    rate: Option<f32>,
    /// L2 penalty.
    #[arg(long)]
    l2: Option<f32>,
    /// Class balancing, 0 (none) to 1 (full).
    #[arg(long)]
    balance: Option<f32>,
    /// Share of examples seen without their words, to lean on the lexicon out of domain.
    #[arg(long)]
    word_dropout: Option<f32>,
}

impl Tuning {
    /// The options: defaults with these overrides.
    pub fn options(&self) -> TrainOptions {
        let d = TrainOptions::default();
        TrainOptions {
            bits: self.bits.unwrap_or(d.bits),
            epochs: self.epochs.unwrap_or(d.epochs),
            rate: self.rate.unwrap_or(d.rate),
            l2: self.l2.unwrap_or(d.l2),
            balance: self.balance.unwrap_or(d.balance),
            word_dropout: self.word_dropout.unwrap_or(d.word_dropout),
            seed: d.seed,
        }
    }
}

/// Reads JSON lines on stdin, writes one classification (or `{"error": …}`) per line, in order.
pub fn classify_stream(input: impl BufRead, mut out: impl Write) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Post {
        text: String,
        #[serde(default)]
        author_followers: Option<serde_json::Value>,
    }
    let mut line = Vec::new();
    let mut input = input;
    loop {
        line.clear();
        // Bytes, not String lines: a line that is not UTF-8 is an error on its line, not the end.
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = match std::str::from_utf8(&line) {
            Ok(t) => t,
            Err(_) => {
                writeln!(out, r#"{{"error":"line is not valid UTF-8"}}"#)?;
                continue;
            }
        };
        let answer = match serde_json::from_str::<Post>(text.trim_end_matches(['\n', '\r'])) {
            Ok(p) => {
                let followers = p.author_followers.as_ref().and_then(|v| {
                    v.as_i64()
                        .or_else(|| v.as_f64().map(|f| f as i64))
                        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
                });
                serde_json::to_string(&classify(&p.text, followers))?
            }
            Err(e) => serde_json::json!({ "error": format!("not a post: {e}") }).to_string(),
        };
        out.write_all(answer.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// What a labelled CSV holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    /// negative / neutral / positive.
    Sentiment,
    /// complaint / not complaint.
    Complaint,
    /// offensive (1) / not (0), in a column named `offensive`.
    Abuse,
    /// ironic (1) / not (0), in a column named `irony`.
    Irony,
}

/// Rows of (text, label) from a labelled CSV. The label column is the first of
/// `airline_sentiment`, `sentiment`, `label`, `complaint` (or `label_column`); the text column is
/// `text` or `tweet`.
pub fn read_labelled(
    path: &Path,
    label_column: Option<&str>,
) -> Result<(Task, Vec<(String, usize)>)> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("opening {}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let find = |names: &[&str]| {
        names.iter().find_map(|n| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(n))
        })
    };
    let label_idx = match label_column {
        Some(c) => find(&[c]),
        None => find(&[
            "airline_sentiment",
            "sentiment",
            "label",
            "complaint",
            "offensive",
            "irony",
        ]),
    }
    .with_context(|| {
        format!(
            "{}: no label column (airline_sentiment, sentiment, label or complaint)",
            path.display()
        )
    })?;
    let text_idx = find(&["text", "tweet"])
        .with_context(|| format!("{}: no text column (text or tweet)", path.display()))?;
    let mut rows = Vec::new();
    let mut task = None;
    for (n, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), n + 2))?;
        let (Some(label), Some(text)) = (rec.get(label_idx), rec.get(text_idx)) else {
            bail!("{}: row {} is missing a column", path.display(), n + 2);
        };
        let label = label.trim().to_ascii_lowercase();
        let column = headers.get(label_idx).map(str::trim).unwrap_or_default();
        let flag = if column.eq_ignore_ascii_case("offensive") {
            Some(Task::Abuse)
        } else if column.eq_ignore_ascii_case("irony") {
            Some(Task::Irony)
        } else {
            None
        };
        let parsed = match label.as_str() {
            "1" | "offensive" | "irony" | "true" if flag.is_some() => flag.map(|t| (t, 1)),
            "0" | "not" | "false" if flag.is_some() => flag.map(|t| (t, 0)),
            "negative" | "neg" => Some((Task::Sentiment, 0)),
            "neutral" | "neu" => Some((Task::Sentiment, 1)),
            "positive" | "pos" => Some((Task::Sentiment, 2)),
            "complaint" | "1" | "true" | "yes" => Some((Task::Complaint, 1)),
            "not complaint" | "not_complaint" | "non-complaint" | "0" | "false" | "no" => {
                Some((Task::Complaint, 0))
            }
            _ => None,
        };
        let Some((t, l)) = parsed else {
            bail!("{}: row {}: unknown label {label:?}", path.display(), n + 2);
        };
        if *task.get_or_insert(t) != t {
            bail!(
                "{}: row {} mixes sentiment and complaint labels",
                path.display(),
                n + 2
            );
        }
        rows.push((text.to_string(), l));
    }
    let task = task.with_context(|| format!("{}: no rows", path.display()))?;
    Ok((task, rows))
}

/// Scores of a sentiment evaluation.
pub struct SentimentScores {
    /// Three classes.
    pub three: Confusion,
    /// Negative against the rest.
    pub negative: Confusion,
    /// `complaint` (as the product decides it) against "negative" labels.
    pub complaint: Confusion,
}

fn score_sentiment(
    rows: &[(String, usize)],
    read: impl Fn(&str) -> triage::Reading,
) -> SentimentScores {
    let mut s = SentimentScores {
        three: Confusion::new(&CLASSES),
        negative: Confusion::new(&["rest", "negative"]),
        complaint: Confusion::new(&["not", "complaint"]),
    };
    for (text, label) in rows {
        let r = read(text);
        let predicted = r.mood as usize;
        s.three.add(*label, predicted);
        s.negative
            .add(usize::from(*label == 0), usize::from(predicted == 0));
        s.complaint
            .add(usize::from(*label == 0), usize::from(r.complaint));
    }
    s
}

/// A yes/no model (abuse, irony) on held-out rows: `three` holds no/yes (the third class
/// unused), `negative` the yes class against the rest.
fn score_flag(rows: &[(String, usize)], hit: impl Fn(&str) -> bool) -> SentimentScores {
    let mut s = SentimentScores {
        three: Confusion::new(&["no", "yes"]),
        negative: Confusion::new(&["no", "yes"]),
        complaint: Confusion::new(&["not", "complaint"]),
    };
    for (text, label) in rows {
        let hit = usize::from(hit(text));
        s.three.add(*label, hit);
        s.negative.add(*label, hit);
    }
    s
}

/// `earshot bench triage --csv FILE`: the shipped triage on a labelled CSV.
pub fn evaluate(path: &Path, label_column: Option<&str>) -> Result<String> {
    let (task, rows) = read_labelled(path, label_column)?;
    let mut out = format!("triage on {} ({} rows)\n", path.display(), rows.len());
    match task {
        Task::Sentiment => {
            let s = score_sentiment(&rows, triage::read);
            out.push_str("\nsentiment, three classes\n");
            out.push_str(&s.three.report());
            out.push_str(&format!(
                "\nnegative vs rest: F1 {:.3}\n",
                s.negative.prf(1).2
            ));
            out.push_str(&s.negative.report());
            out.push_str("\n`complaint` against the negative labels\n");
            out.push_str(&s.complaint.report());
        }
        Task::Abuse => {
            let mut c = Confusion::new(&["not", "abusive"]);
            for (text, label) in &rows {
                c.add(*label, usize::from(triage::read(text).abusive));
            }
            out.push_str("\nabusive vs not\n");
            out.push_str(&c.report());
        }
        Task::Complaint => {
            let mut c = Confusion::new(&["not", "complaint"]);
            for (text, label) in &rows {
                c.add(*label, usize::from(triage::read(text).complaint));
            }
            out.push_str("\ncomplaint vs not\n");
            out.push_str(&c.report());
        }
        Task::Irony => {
            let mut c = Confusion::new(&["not", "sarcastic"]);
            for (text, label) in &rows {
                c.add(*label, usize::from(!triage::read(text).sarcasm.is_empty()));
            }
            out.push_str("\nsarcastic (what the reasons say) vs ironic labels\n");
            out.push_str(&c.report());
        }
    }
    Ok(out)
}

/// `earshot train`: cross-validates, then trains on every row of every CSV and writes the model.
/// The folds are drawn from all the sets together; the figures are reported per set, so a model
/// that learns one domain at the cost of another shows it.
pub fn train(
    csvs: &[std::path::PathBuf],
    heldout: &[std::path::PathBuf],
    out_path: Option<&Path>,
    folds: usize,
    opts: &TrainOptions,
) -> Result<String> {
    let mut rows: Vec<(String, usize)> = Vec::new();
    let mut set_of: Vec<usize> = Vec::new();
    let mut task = None;
    for (k, csv) in csvs.iter().enumerate() {
        let (t, r) = read_labelled(csv, None)?;
        if *task.get_or_insert(t) != t {
            bail!(
                "{}: one model learns one task: sentiment, abuse, irony or complaint",
                csv.display()
            );
        }
        set_of.extend(std::iter::repeat_n(k, r.len()));
        rows.extend(r);
    }
    let examples: Vec<Example> = rows
        .iter()
        .map(|(t, l)| triage::training_example(t, *l))
        .collect();
    let names: Vec<String> = csvs.iter().map(|c| c.display().to_string()).collect();
    let mut report = format!(
        "training on {} rows of {} (bits {}, epochs {}, rate {}, l2 {}, balance {}, word dropout {}, seed {})\n",
        rows.len(),
        names.join(", "),
        opts.bits,
        opts.epochs,
        opts.rate,
        opts.l2,
        opts.balance,
        opts.word_dropout,
        opts.seed
    );
    if folds >= 2 {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        SplitMix(opts.seed ^ 0x5eed).shuffle(&mut order);
        let mut per_set: Vec<Option<SentimentScores>> = (0..csvs.len()).map(|_| None).collect();
        for k in 0..folds {
            let in_fold = |pos: usize| pos % folds == k;
            let train_set: Vec<&Example> = order
                .iter()
                .enumerate()
                .filter(|(pos, _)| !in_fold(*pos))
                .map(|(_, i)| &examples[*i])
                .collect();
            let model = linear::train(&train_set, opts);
            for (set, total) in per_set.iter_mut().enumerate() {
                let held_rows: Vec<(String, usize)> = order
                    .iter()
                    .enumerate()
                    .filter(|(pos, i)| in_fold(*pos) && set_of[**i] == set)
                    .map(|(_, i)| rows[*i].clone())
                    .collect();
                let s = if task == Some(Task::Abuse) {
                    score_flag(&held_rows, |t| triage::abuse_with(&model, t).0)
                } else if matches!(task, Some(Task::Irony | Task::Complaint)) {
                    score_flag(&held_rows, |t| triage::flag_with(&model, t) >= 0.5)
                } else {
                    score_sentiment(&held_rows, |t| triage::read_with(&model, t))
                };
                match total {
                    None => *total = Some(s),
                    Some(t) => {
                        t.three.merge(&s.three);
                        t.negative.merge(&s.negative);
                        t.complaint.merge(&s.complaint);
                    }
                }
            }
        }
        let last = if task == Some(Task::Abuse) {
            "abuse F1"
        } else if task == Some(Task::Irony) {
            "irony F1"
        } else if task == Some(Task::Complaint) {
            "complaint F1"
        } else {
            "neg F1"
        };
        report.push_str(&format!(
            "\n{folds}-fold cross-validation, per set\n{:<44} {:>6} {:>9} {:>9} {:>9} {:>9}\n",
            "set", "rows", "accuracy", "macro-R", "macro-F1", last
        ));
        for (name, t) in names.iter().zip(per_set.iter().flatten()) {
            report.push_str(&format!(
                "{:<44} {:>6} {:>9.3} {:>9.3} {:>9.3} {:>9.3}\n",
                name,
                t.three.total(),
                t.three.accuracy(),
                t.three.macro_recall(),
                t.three.macro_f1(),
                t.negative.prf(1).2
            ));
        }
    }
    let all: Vec<&Example> = examples.iter().collect();
    let model = linear::train(&all, opts);
    if !heldout.is_empty() {
        report.push_str(&format!(
            "\nthe trained model on held-out files\n{:<44} {:>6} {:>9} {:>9} {:>9} {:>9}\n",
            "set", "rows", "accuracy", "macro-R", "macro-F1", "yes F1"
        ));
    }
    for path in heldout {
        let (t, rows) = read_labelled(path, None)?;
        if Some(t) != task {
            bail!("{}: not labelled for this model's task", path.display());
        }
        let s = match t {
            Task::Abuse => score_flag(&rows, |x| triage::abuse_with(&model, x).0),
            Task::Irony | Task::Complaint => {
                score_flag(&rows, |x| triage::flag_with(&model, x) >= 0.5)
            }
            _ => score_sentiment(&rows, |x| triage::read_with(&model, x)),
        };
        report.push_str(&format!(
            "{:<44} {:>6} {:>9.3} {:>9.3} {:>9.3} {:>9.3}\n",
            path.display().to_string(),
            s.three.total(),
            s.three.accuracy(),
            s.three.macro_recall(),
            s.three.macro_f1(),
            s.negative.prf(1).2
        ));
    }
    if let Some(p) = out_path {
        let bytes = model.to_bytes();
        std::fs::write(p, &bytes).with_context(|| format!("writing {}", p.display()))?;
        report.push_str(&format!(
            "\nwrote {} ({} bytes)\n",
            p.display(),
            bytes.len()
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `body` to `dir/name` and answers its path.
    fn csv_in(dir: &Path, name: &str, body: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, body).expect("write");
        p
    }

    #[test]
    fn classify_answers_every_line_in_order_even_bad_ones() {
        let mut input =
            b"{\"text\":\"my refund never came, terrible\",\"author_followers\":20000}\nnot json\n"
                .to_vec();
        input.extend_from_slice(
            b"\xff\xfe\n{\"text\":\"love it\",\"lang\":\"en\",\"extra\":1}\n{\"nope\":1}",
        );
        let mut out = Vec::new();
        classify_stream(&input[..], &mut out).expect("runs");
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0]["sentiment"], "negative");
        assert_eq!(lines[0]["complaint"], true);
        assert!(lines[1]["error"].is_string());
        assert!(lines[2]["error"].is_string());
        assert_eq!(lines[3]["sentiment"], "positive");
        assert!(lines[4]["error"].is_string());
    }

    #[test]
    fn a_flag_column_names_its_task_and_a_mixed_file_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let at = |name: &str, body: &str| csv_in(dir.path(), name, body);
        let irony = at(
            "irony.csv",
            "text,irony\n\"great, another delay\",1\nnice day,0\n",
        );
        let (task, rows) = read_labelled(&irony, None).expect("reads");
        assert_eq!(task, Task::Irony);
        assert_eq!(rows[0].1, 1);
        let offensive = at("off.csv", "text,offensive\nyou idiots,1\n");
        assert_eq!(
            read_labelled(&offensive, None).expect("reads").0,
            Task::Abuse
        );
        let sentiment = at("s.csv", "text,sentiment\nok,neutral\n");
        let err = train(&[irony, sentiment], &[], None, 0, &TrainOptions::default())
            .expect_err("one model learns one task");
        assert!(
            err.to_string()
                .contains("sentiment, abuse, irony or complaint"),
            "{err}"
        );
    }

    #[test]
    fn held_out_files_are_scored_by_the_model_just_trained_and_must_share_its_task() {
        let dir = tempfile::tempdir().expect("temp dir");
        let at = |name: &str, body: &str| csv_in(dir.path(), name, body);
        let mut rows = String::from("text,sentiment\n");
        for _ in 0..20 {
            rows.push_str("wonderful friendly staff,positive\nterrible rude staff,negative\n");
        }
        let train_csv = at("train.csv", &rows);
        let held = at(
            "held.csv",
            "text,sentiment\nwonderful staff,positive\nterrible staff,negative\n",
        );
        let opts = TrainOptions {
            bits: 12,
            ..TrainOptions::default()
        };
        let report = train(
            std::slice::from_ref(&train_csv),
            std::slice::from_ref(&held),
            None,
            0,
            &opts,
        )
        .expect("trains");
        let line = report
            .lines()
            .find(|l| l.starts_with(&held.display().to_string()))
            .unwrap_or_else(|| panic!("a line for the held-out file: {report}"));
        let figures: Vec<&str> = line.split_whitespace().skip(1).collect();
        assert_eq!(figures[0], "2", "{line}");
        assert_eq!(figures[1], "1.000", "both held-out rows right: {line}");
        let flags = at("flags.csv", "text,irony\nnice,0\n");
        let err = train(&[train_csv], &[flags], None, 0, &opts).expect_err("another task");
        assert!(
            err.to_string()
                .contains("not labelled for this model's task"),
            "{err}"
        );
    }
}
