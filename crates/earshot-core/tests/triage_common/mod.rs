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
