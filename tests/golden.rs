//! Golden snapshots: every text in `fixtures/reports` and `fixtures/variants` is analysed and
//! rendered one line per item (score, judgement, metric, gap, finding, section, warning, …) into
//! `fixtures/expected/<dir>/<name>.golden`, so a change shows as a readable diff of the items it moved.
//! One `#[test]` per fixture, named after it; `every_fixture_has_a_test_and_a_snapshot` fails
//! when a fixture file has no test here, or a snapshot has no fixture.
//!
//! After an intended change, rewrite the snapshots and review the diff:
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test --test golden
//! git diff tests/fixtures/expected
//! ```
//!
//! How to read a snapshot: free text is quoted (Rust escapes: `\n` is a line break in the
//! input); `-` is "absent"; optional fields of a metric are shown only when present; evidence
//! is the text its span selects, shortened past 100 characters to its start and end with its
//! length and a hash of the whole, so every character of it is still pinned down.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::path::Path;

use assessment_lens::analysis::{analyse_named, Report, Span};

/// One test per fixture, `name: "dir/stem"`, and the list of them all.
macro_rules! golden {
    ($($test:ident: $fixture:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($fixture);
            }
        )*
        const FIXTURES: &[&str] = &[$($fixture),*];
    };
}

golden! {
    cqc_hartlepool_2025: "reports/cqc-hartlepool-2025",
    cqc_middlesbrough_2025: "reports/cqc-middlesbrough-2025",
    cqc_stockton_on_tees_2025: "reports/cqc-stockton-on-tees-2025",
    ofsted_barnsley_2023_layout: "reports/ofsted-barnsley-2023-layout",
    ofsted_barnsley_2023: "reports/ofsted-barnsley-2023",
    ofsted_croydon_2024: "reports/ofsted-croydon-2024",
    ofsted_middlesbrough_2023: "reports/ofsted-middlesbrough-2023",
    ofsted_westminster_2025: "reports/ofsted-westminster-2025",
    scrutiny_middlesbrough_children_2021_09: "reports/scrutiny-middlesbrough-children-2021-09",
    between_bands: "variants/between-bands",
    crlf_repeated_scores: "variants/crlf-repeated-scores",
    meaning_line_only: "variants/meaning-line-only",
    metrics_comparisons: "variants/metrics-comparisons",
    metrics_demographics: "variants/metrics-demographics",
    metrics_financial_plain: "variants/metrics-financial-plain",
    metrics_trends_and_counts: "variants/metrics-trends-and-counts",
    metrics_waiting: "variants/metrics-waiting",
    not_a_report: "variants/not-a-report",
    ofsted_2026_four_judgements: "variants/ofsted-2026-four-judgements",
    ofsted_focused_visit: "variants/ofsted-focused-visit",
    ofsted_heading_disagrees: "variants/ofsted-heading-disagrees",
    ofsted_monitoring_visit: "variants/ofsted-monitoring-visit",
    ofsted_sif_2015_runon: "variants/ofsted-sif-2015-runon",
    ofsted_sif_2016_wrapped: "variants/ofsted-sif-2016-wrapped",
    ofsted_sif_2014_layout: "variants/ofsted-sif-2014-layout",
    ofsted_ilacs_2019_layout: "variants/ofsted-ilacs-2019-layout",
    ofsted_ilacs_2019_wrapped_grade: "variants/ofsted-ilacs-2019-wrapped-grade",
    ofsted_sif_number_alone: "variants/ofsted-sif-number-alone",
    partial_four_statements: "variants/partial-four-statements",
    pilot_2023_indicative: "variants/pilot-2023-indicative",
    papers_cabinet_on_ofsted: "variants/papers-cabinet-on-ofsted",
    papers_minutes_on_cqc: "variants/papers-minutes-on-cqc",
    papers_board_report_on_cqc: "variants/papers-board-report-on-cqc",
    score_without_colon: "variants/score-without-colon",
    stated_differs_from_scores: "variants/stated-differs-from-scores",
    stated_lists_ofsted: "variants/stated-lists-ofsted",
    stated_lists_papers: "variants/stated-lists-papers",
}

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Reads `fixtures/<dir/stem>.txt`, analyses it as the CLI would name it, and renders it.
fn render_fixture(fixture: &str) -> String {
    let path = Path::new(ROOT).join(format!("{fixture}.txt"));
    let input = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let stem = fixture.rsplit('/').next().unwrap_or(fixture).to_string();
    let report = analyse_named(&format!("{stem}.txt"), &input);
    render(&report, &input)
}

/// Compares the fixture's rendering with its snapshot; on a difference, fails with a unified
/// diff of the lines that changed (or rewrites the snapshot under `UPDATE_EXPECT=1`).
fn check(fixture: &str) {
    let got = render_fixture(fixture);
    let path = Path::new(ROOT).join(format!("expected/{fixture}.golden"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} — create it with UPDATE_EXPECT=1 cargo test --test golden", path.display()));
    if want != got {
        let diff = similar::TextDiff::from_lines(&want, &got);
        let expected = format!("tests/fixtures/expected/{fixture}.golden");
        let diff = diff.unified_diff().context_radius(2).header(&expected, "analysed now").to_string();
        panic!(
            "{fixture}: the report differs from its snapshot (- snapshot, + now).\n\
             If the change is intended: UPDATE_EXPECT=1 cargo test --test golden, then review git diff.\n\n{diff}"
        );
    }
}

#[test]
fn every_fixture_has_a_test_and_a_snapshot() {
    let listed = |dir: &str, ext: &str| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(dir))
            .unwrap_or_else(|e| panic!("fixtures/{dir}: {e}"))
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let mut on_disk: Vec<String> =
        ["reports", "variants"].iter().flat_map(|d| listed(d, "txt").into_iter().map(move |s| format!("{d}/{s}"))).collect();
    on_disk.sort();
    let mut tested: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    tested.sort();
    let untested: Vec<&String> = on_disk.iter().filter(|f| !tested.contains(f)).collect();
    assert!(untested.is_empty(), "fixtures without a test — add a line to `golden!` in tests/golden.rs: {untested:?}");
    let missing: Vec<&String> = tested.iter().filter(|f| !on_disk.contains(f)).collect();
    assert!(missing.is_empty(), "tests whose fixture file is gone: {missing:?}");
    let mut snapshots: Vec<String> = ["reports", "variants"]
        .iter()
        .flat_map(|d| listed(&format!("expected/{d}"), "golden").into_iter().map(move |s| format!("{d}/{s}")))
        .collect();
    snapshots.sort();
    let stale: Vec<&String> = snapshots.iter().filter(|s| !tested.contains(s)).collect();
    assert!(stale.is_empty(), "snapshots without a fixture (delete them): {stale:?}");
    let others: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("expected"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "reports" && n != "variants")
        .collect();
    assert!(others.is_empty(), "files in fixtures/expected that no test reads: {others:?}");
    assert!(FIXTURES.len() >= 30, "fixtures missing: {}", FIXTURES.len());
}

// ---- rendering -------------------------------------------------------------------------------

/// Free text, quoted and escaped so it stays on one line.
fn q(s: &str) -> String {
    format!("{s:?}")
}

fn opt_q(s: Option<&str>) -> String {
    s.map_or_else(|| "-".to_string(), q)
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// FNV-1a, 32 bits: pins the whole of a shortened evidence text.
fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// The text a span selects: in full up to 100 characters, else its start and end, its length
/// in characters and a hash of the whole.
fn ev(input: &str, (s, e): Span) -> String {
    let Some(text) = input.get(s..e) else { return format!("<span {s}..{e} does not slice the input>") };
    let n = text.chars().count();
    if n <= 100 {
        return q(text);
    }
    let head: String = text.chars().take(60).collect();
    let tail: String = text.chars().skip(n - 25).collect();
    format!("{}…{} ({n} chars #{:08x})", q(&head), q(&tail), fnv(text))
}

/// The report, one line per item, in a fixed order.
fn render(r: &Report, input: &str) -> String {
    let mut o = String::new();
    macro_rules! out { ($($t:tt)*) => {{ let _ = writeln!(o, $($t)*); }} }

    out!("kind: {}", serde_json::to_value(r.kind).unwrap().as_str().unwrap());
    out!("framework: {}", opt(r.framework));
    out!("authority: {}", opt_q(r.authority.as_deref()));
    out!("published: {}", opt_q(r.published.as_deref()));
    out!("period: {}", opt_q(r.period.as_deref()));
    match &r.overall {
        Some(ov) => out!("overall: {}{} | {}", ov.rating, if ov.indicative { " (indicative)" } else { "" }, ev(input, ov.span)),
        None => out!("overall: -"),
    }
    match &r.computed_rating {
        Some(c) => {
            let between = c.between.map_or_else(|| "-".to_string(), |(a, b)| format!("{a} .. {b}"));
            let next = c.to_next.as_ref().map_or_else(|| "-".to_string(), |t| format!("{} (+{})", t.rating, t.statements_up));
            let prev = c.to_previous.as_ref().map_or_else(|| "-".to_string(), |t| format!("{} (-{})", t.rating, t.statements_down));
            out!(
                "computed_rating: {}% {} between={between} total={}/{} to_next={next} to_previous={prev}",
                c.percent,
                opt(c.rating),
                c.total,
                c.max
            );
        }
        None => out!("computed_rating: -"),
    }
    out!("visit_type: {}", opt(r.visit_type));
    out!("lead_inspector: {}", opt_q(r.lead_inspector.as_deref()));
    match &r.previous_grade {
        Some(p) => out!("previous_grade: {} in {} | {}", p.grade, opt(p.year), ev(input, p.span)),
        None => out!("previous_grade: -"),
    }
    out!("population: {}", opt(r.population));
    match &r.financial {
        Some(f) => {
            out!("financial:");
            let money = [
                ("total_budget_estimated", f.total_budget_estimated),
                ("total_budget_actual", f.total_budget_actual),
                ("total_variance", f.total_variance),
                ("asc_budget_estimated", f.asc_budget_estimated),
                ("asc_spend_actual", f.asc_spend_actual),
                ("asc_variance", f.asc_variance),
                ("asc_share_percent", f.asc_share_percent),
                ("precept_percent", f.precept_percent),
            ];
            for (k, v) in money {
                out!("  {k}: {}", opt(v));
            }
            out!("  long_term_support_people: {}", opt(f.long_term_support_people));
            out!("  short_term_support_people: {}", opt(f.short_term_support_people));
            out!("  support_period: {}", opt_q(f.support_period.as_deref()));
        }
        None => out!("financial: -"),
    }
    match &r.meeting {
        Some(m) => {
            out!("meeting:");
            out!("  body: {}", opt_q(m.body.as_deref()));
            out!("  date: {}", opt_q(m.date.as_deref()));
            out!("  venue: {}", opt_q(m.venue.as_deref()));
            out!("  present: {}", opt_q(m.present.as_deref()));
            out!("  apologies: {}", opt_q(m.apologies.as_deref()));
            out!("  items ({}):", m.items.len());
            for i in &m.items {
                out!("    {} {} pages={}", q(&i.number), q(&i.title), opt_q(i.pages.as_deref()));
            }
            out!("  decisions ({}):", m.decisions.len());
            for d in &m.decisions {
                out!("    {}", ev(input, d.span));
            }
            out!("  documents ({}):", m.documents.len());
            for d in &m.documents {
                out!("    {}", q(&d.title));
            }
        }
        None => out!("meeting: -"),
    }

    out!("\nscores ({}):", r.scores.len());
    for s in &r.scores {
        let ind = if s.indicative { " (indicative)" } else { "" };
        out!("  {} | {} | {}{ind} {} | {}", q(&s.theme), q(&s.statement), s.score, q(&s.label), ev(input, s.span));
    }

    out!("\njudgements ({}):", r.judgements.len());
    for j in &r.judgements {
        let under = j.parent.as_deref().map_or_else(String::new, |p| format!(" (under {})", q(p)));
        let scope = if j.is_lscb() { " [LSCB]" } else { "" };
        out!("  {}{under}{scope} | {} | {}", q(&j.area), j.grade, ev(input, j.span));
        if let Some(at) = j.restated {
            out!("    said again: {}", ev(input, at));
        }
    }

    out!("\nmetrics ({}):", r.metrics.len());
    for m in &r.metrics {
        let mut l = format!("  {} {} {} {}", m.kind, q(&m.label), m.value, m.unit);
        if let Some(a) = &m.as_of {
            let _ = write!(l, " as_of={}", q(a));
        }
        if let Some(c) = &m.comparator {
            let _ = write!(l, " vs={} {}", q(&c.label), c.value);
        }
        if let Some(p) = &m.previous {
            let _ = write!(l, " previous={} ({})", p.value, opt_q(p.as_of.as_deref()));
        }
        if let Some(d) = m.direction {
            let _ = write!(l, " direction={d}");
        }
        if let Some(v) = m.judgement {
            let _ = write!(l, " verdict={v}");
        }
        if let Some(d) = &m.degree {
            let _ = write!(l, " degree={}", q(d));
        }
        if let Some(s) = &m.source {
            let _ = write!(l, " source={}", q(s));
        }
        out!("{l} | {}", ev(input, m.span));
    }

    out!("\ngaps ({}):", r.gaps.len());
    for g in &r.gaps {
        out!("  {} | {} | {}", g.origin, opt_q(g.section.as_deref()), q(&g.text));
    }
    out!("\nstrengths: {}", r.strengths.len());

    out!("\npriorities ({}):", r.priorities.len());
    for p in &r.priorities {
        out!("  {} | {} | {}", p.origin, q(&p.theme), q(&p.text));
    }

    out!("\nfindings ({}):", r.findings.len());
    for f in &r.findings {
        let text: String = f.text.chars().take(100).collect();
        out!("  {} [{}] {}", f.class, f.cue.as_deref().unwrap_or("-"), q(&text));
    }

    out!("\noutline ({}):", r.sections.len());
    for s in &r.sections {
        out!("  {} {}", "#".repeat(s.level as usize), q(&s.title));
    }

    out!("\nwarnings ({}):", r.warnings.len());
    for w in &r.warnings {
        out!("  {}", q(w));
    }
    o
}
