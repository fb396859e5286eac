//! `earshot bench`: the figures the product promises, measured on this machine.

use anyhow::Result;
use clap::Subcommand;
use std::path::PathBuf;

/// Which benchmark.
#[derive(Subcommand)]
pub enum Which {
    /// Triage quality on a labelled CSV: accuracy, per-class precision/recall/F1, confusion.
    Triage {
        /// The CSV (airline_sentiment/sentiment/label/complaint column and a text column).
        #[arg(long)]
        csv: PathBuf,
        /// Name of the label column, when it is not one of the usual ones.
        #[arg(long)]
        label_column: Option<String>,
    },
}

/// Runs one benchmark.
pub fn run(_rt: &tokio::runtime::Runtime, which: Which, _json: bool) -> Result<()> {
    match which {
        Which::Triage { csv, label_column } => {
            print!("{}", crate::learn::evaluate(&csv, label_column.as_deref())?);
            Ok(())
        }
    }
}
