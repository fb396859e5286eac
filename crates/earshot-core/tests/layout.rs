//! The core's layout holds: the top-level modules import each other without a circle, no stage
//! knows the façade, and no Rust file in the workspace grows past what reads well in one sitting.
//!
//! "Imports" are the `crate::<module>` paths in a module's code (comments and test modules
//! aside): what it needs in order to compile.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Files longer than this say at their top why they read best whole.
const LONGEST: usize = 560;
/// The stages the façade composes: none of them may reach back for it.
const STAGES: [&str; 9] = [
    "accounts", "alerts", "channels", "events", "outbox", "pipeline", "secrets", "store", "work",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module a file belongs to at the top (`store/view.rs` → `store`, `alerts.rs` → `alerts`).
fn top_module(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without comments, test modules and test files.
fn code(file: &Path) -> String {
    let name = file.file_name().unwrap().to_string_lossy();
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(file).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| top_module(f)).collect();
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let from = top_module(f);
        if from == "lib" {
            continue;
        }
        let code = code(f);
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let to: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if to != from && modules.contains(&to) {
                g.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    g
}

/// A circle through `start`, if there is one.
fn circle(g: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        g: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        let at = path.last().unwrap().clone();
        for next in g.get(&at).into_iter().flatten() {
            if next == start {
                let mut c = path.clone();
                c.push(start.to_string());
                return Some(c);
            }
            if !path.contains(next) {
                path.push(next.clone());
                if let Some(c) = walk(g, start, path) {
                    return Some(c);
                }
                path.pop();
            }
        }
        None
    }
    walk(g, start, &mut vec![start.to_string()])
}

#[test]
fn the_core_has_no_import_circle() {
    let g = graph();
    for m in g.keys() {
        if let Some(c) = circle(&g, m) {
            panic!(
                "modules import each other in a circle: {} (each must be able to change alone)",
                c.join(" → ")
            );
        }
    }
    // The graph is printed for DEVELOPMENT.md: `cargo test -p earshot-core --test layout -- --nocapture`.
    for (from, to) in &g {
        println!(
            "{from:9} → {}",
            to.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
}

#[test]
fn no_stage_imports_the_facade() {
    let g = graph();
    for stage in STAGES {
        let uses = g.get(stage).cloned().unwrap_or_default();
        assert!(
            !uses.contains("engine") && !uses.contains("demo"),
            "{stage} imports the façade ({uses:?}): a stage gets what it needs when the façade \
             builds it"
        );
    }
}

#[test]
fn every_file_reads_in_one_sitting() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "crates/earshot-core/src",
        "crates/earshot-core/tests",
        "crates/earshot-sim/src",
        "crates/earshot-cli/src",
        "crates/earshot-cli/tests",
        "src-tauri/src",
        "src-tauri/tests",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let n = text.lines().count();
            // A file may be longer when it says at its top why it reads best whole.
            let says_why = text
                .lines()
                .take(12)
                .any(|l| l.contains("reads best whole"));
            (n > LONGEST && !says_why).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these, or say at the top why each reads best whole: {long:?}"
    );
}
