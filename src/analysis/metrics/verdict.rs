//! The report's own verdict on a figure ("better than", "worse than", "in line with") and its
//! degree ("slightly", "significantly").

use super::super::Verdict;
use super::word_at;

const VERDICTS: &[(&str, Verdict)] = &[
    ("positive variation", Verdict::Better),
    ("more positive", Verdict::Better),
    ("more negative", Verdict::Worse),
    ("in line with", Verdict::Similar),
    ("similar to", Verdict::Similar),
    ("the same as", Verdict::Similar),
    ("comparable", Verdict::Similar),
    ("better", Verdict::Better),
    ("worse", Verdict::Worse),
    ("poorer", Verdict::Worse),
    ("negative", Verdict::Worse),
    ("positive", Verdict::Better),
];

pub(super) const DEGREES: &[&str] =
    &["slightly", "somewhat", "significantly", "much", "considerably", "marginally", "far", "substantially", "broadly"];

/// A verdict and the degree word before it.
pub(super) struct Judged {
    pub verdict: Verdict,
    pub degree: Option<String>,
}

/// The report's own verdict in `window` (the nearest to its end), with its degree.
pub(super) fn verdict(window: &str) -> Option<Judged> {
    let l = window.to_ascii_lowercase();
    let (at, v) =
        VERDICTS.iter().filter_map(|(w, v)| l.rfind(w).filter(|&i| word_at(&l, i, w)).map(|i| (i, *v))).max_by_key(|(i, _)| *i)?;
    let before: Vec<&str> = l[..at].split_whitespace().rev().take(2).collect();
    let degree = before.iter().find(|w| DEGREES.contains(w)).map(|w| w.to_string());
    Some(Judged { verdict: v, degree })
}
