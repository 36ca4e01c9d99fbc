//! Fuzz `decode` and `analyse`: no input may panic, and every span must slice the input on
//! char boundaries. Run: `cargo +nightly fuzz run analyse` (from the repository root).
#![no_main]

use assessment_lens::analysis::{analyse, decode, Report};
use libfuzzer_sys::fuzz_target;

fn spans(r: &Report) -> Vec<(usize, usize)> {
    let mut v: Vec<_> = r.scores.iter().map(|s| s.span).collect();
    v.extend(r.overall.iter().map(|o| o.span));
    v.extend(r.judgements.iter().map(|j| j.span));
    v.extend(r.metrics.iter().map(|m| m.span));
    v.extend(r.gaps.iter().chain(&r.strengths).map(|g| g.span));
    v.extend(r.findings.iter().map(|f| f.span));
    v.extend(r.sections.iter().map(|s| s.span));
    v.extend(r.previous_grade.iter().map(|p| p.span));
    if let Some(m) = &r.meeting {
        v.extend(m.items.iter().map(|i| i.span));
        v.extend(m.decisions.iter().map(|d| d.span));
        v.extend(m.documents.iter().map(|d| d.span));
    }
    v
}

fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => match decode(data) {
            Ok(d) => d.text,
            Err(_) => return,
        },
    };
    let r = analyse(&text);
    for (s, e) in spans(&r) {
        assert!(s <= e && e <= text.len(), "span {s}..{e} outside the input");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} splits a char");
    }
});
