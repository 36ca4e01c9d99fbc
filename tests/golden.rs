//! Data-driven golden tests: every text in `fixtures/reports` and `fixtures/variants` is
//! analysed and compared with `fixtures/expected/<name>.json`. Evidence is written as the text
//! it points at, so the files read as what a user would see.
//!
//! After an intended change: `UPDATE_EXPECT=1 cargo test --test golden`, then review the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use assessment_lens::analysis::{analyse_named, Report, Span};
use serde_json::{json, Value};

fn evidence(input: &str, span: Span) -> Value {
    json!(input.get(span.0..span.1).unwrap_or("<span does not slice the input>"))
}

/// The parts of a report the golden files pin down, with evidence as text.
fn projection(r: &Report, input: &str) -> Value {
    json!({
        "kind": r.kind,
        "authority": r.authority,
        "published": r.published,
        "period": r.period,
        "overall": r.overall.as_ref().map(|o| json!({
            "rating": o.rating, "indicative": o.indicative, "evidence": evidence(input, o.span)
        })),
        "scores": r.scores.iter().map(|s| json!({
            "theme": s.theme, "statement": s.statement, "score": s.score, "label": s.label,
            "indicative": s.indicative, "evidence": evidence(input, s.span)
        })).collect::<Vec<_>>(),
        "computed_rating": r.computed_rating,
        "judgements": r.judgements.iter().map(|j| json!({
            "area": j.area, "grade": j.grade, "evidence": evidence(input, j.span)
        })).collect::<Vec<_>>(),
        "visit_type": r.visit_type,
        "lead_inspector": r.lead_inspector,
        "previous_grade": r.previous_grade.as_ref().map(|p| json!({
            "grade": p.grade, "year": p.year, "evidence": evidence(input, p.span)
        })),
        "meeting": r.meeting.as_ref().map(|m| json!({
            "body": m.body, "date": m.date, "venue": m.venue, "present": m.present, "apologies": m.apologies,
            "items": m.items.iter().map(|i| json!({ "number": i.number, "title": i.title, "pages": i.pages })).collect::<Vec<_>>(),
            "decisions": m.decisions.iter().map(|d| evidence(input, d.span)).collect::<Vec<_>>(),
            "documents": m.documents.iter().map(|d| d.title.clone()).collect::<Vec<_>>(),
        })),
        "financial": r.financial.as_ref().map(|f| json!({
            "total_budget_estimated": f.total_budget_estimated, "total_budget_actual": f.total_budget_actual,
            "total_variance": f.total_variance, "asc_budget_estimated": f.asc_budget_estimated,
            "asc_spend_actual": f.asc_spend_actual, "asc_variance": f.asc_variance, "asc_share_percent": f.asc_share_percent,
            "precept_percent": f.precept_percent, "long_term_support_people": f.long_term_support_people,
            "short_term_support_people": f.short_term_support_people, "support_period": f.support_period,
        })),
        "population": r.population,
        "metrics": r.metrics.iter().map(|m| {
            let comparator = m.comparator.as_ref().map(|c| format!("{} {}", c.label, c.value));
            let previous = m.previous.as_ref().map(|p| format!("{} ({})", p.value, p.as_of.as_deref().unwrap_or("-")));
            json!({
                "kind": m.kind, "label": m.label, "value": m.value, "unit": m.unit, "as_of": m.as_of,
                "comparator": comparator, "previous": previous, "direction": m.direction, "judgement": m.judgement,
                "degree": m.degree, "source": m.source, "evidence": evidence(input, m.span),
            })
        }).collect::<Vec<_>>(),
        "gaps": r.gaps.iter().map(|g| format!("{} | {} | {}", g.origin, g.section.as_deref().unwrap_or("-"), g.text)).collect::<Vec<_>>(),
        "strengths": r.strengths.len(),
        "findings": r.findings.iter().map(|f| {
            let text: String = f.text.chars().take(100).collect();
            format!("{} [{}] {}", f.class, f.cue.as_deref().unwrap_or("-"), text)
        }).collect::<Vec<_>>(),
        "outline": r.sections.iter().map(|s| format!("{} {}", "#".repeat(s.level as usize), s.title)).collect::<Vec<_>>(),
        "warnings": r.warnings,
    })
}

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in ["reports", "variants"] {
        for e in std::fs::read_dir(root.join(dir)).expect("fixtures directory") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn golden_outputs_match() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected");
    let mut failures = Vec::new();
    let files = inputs();
    assert!(files.len() >= 16, "fixtures missing: found {}", files.len());
    for path in files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let input = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let report = analyse_named(&format!("{name}.txt"), &input);
        let got = serde_json::to_string_pretty(&projection(&report, &input)).unwrap() + "\n";
        let want_path = expected_dir.join(format!("{name}.json"));
        if update {
            std::fs::write(&want_path, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&want_path) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{name}: output differs from {}\n--- expected\n{want}\n--- got\n{got}", want_path.display())),
            Err(_) => failures.push(format!("{name}: no expected file {} (run with UPDATE_EXPECT=1)", want_path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
