//! "Since last time": series found, grades lined up across frameworks, the follow-through of
//! the earlier report's gaps against statuses labelled by reading, exports, and `lens since`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/since_gold.rs"]
mod since_gold;

use std::process::Command;

use assessment_lens::analysis::since::{council_key, series, since, Change, Status};
use assessment_lens::analysis::{analyse_named, since_to_csv, since_to_markdown, Report};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn report(rel: &str) -> Report {
    let path = format!("{FIXTURES}/{rel}");
    let name = rel.rsplit('/').next().unwrap_or(rel);
    analyse_named(name, &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn middlesbrough() -> (Report, Report) {
    (report("since/ofsted-middlesbrough-2020.txt"), report("reports/ofsted-middlesbrough-2023.txt"))
}

#[test]
fn series_are_one_council_and_kind_at_different_dates() {
    let (a, b) = middlesbrough();
    let other = report("reports/ofsted-barnsley-2023.txt");
    let cqc = report("reports/cqc-middlesbrough-2025.txt");
    // Any order in; each series oldest first. Another council, and Middlesbrough's CQC
    // assessment (another kind), stay out.
    let groups = series(&[&b, &other, &cqc, &a]);
    assert_eq!(groups, vec![vec![3, 0]]);
    // The same report twice is not a series (no second date).
    assert!(series(&[&b, &b]).is_empty());
    assert_eq!(council_key("Middlesbrough Borough Council"), council_key("MIDDLESBROUGH COUNCIL"));
}

#[test]
fn grades_line_up_across_the_2018_and_2023_ilacs_wordings() {
    let (a, b) = middlesbrough();
    let s = since(&[&b, &a]);
    assert_eq!(s.docs.iter().map(|d| d.date.clone().unwrap_or_default()).collect::<Vec<_>>(), ["2019-12-06", "2023-03-24"]);
    let row = |area: &str| s.grades.iter().find(|r| r.area.starts_with(area)).unwrap_or_else(|| panic!("{area}: {:?}", s.grades));
    let overall = row("Overall effectiveness");
    assert_eq!(
        overall.cells.iter().map(|c| c.as_ref().map(|c| c.text.as_str())).collect::<Vec<_>>(),
        [Some("Inadequate"), Some("Requires improvement to be good")]
    );
    assert_eq!(overall.change, Some(Change::Up));
    // 2020's "children in care and care leavers" and 2023's "children in care" share a row;
    // 2023's separate care leavers' judgement has no 2020 grade, so no change.
    assert_eq!(row("Children in care").change, Some(Change::Up));
    assert_eq!(row("Care leavers").change, None);
    assert_eq!(
        row("The impact of leaders").cells[0].as_ref().map(|c| c.area.as_str()),
        Some("The impact of leaders on social work practice with children and families")
    );
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn earlier_gaps_are_followed_through_with_their_evidence() {
    let (a, b) = middlesbrough();
    let s = since(&[&a, &b]);
    assert_eq!(s.follow_through.len(), 15, "every stated item of 2020's list");
    let item = |w: &str| s.follow_through.iter().find(|f| f.text.contains(w)).unwrap_or_else(|| panic!("{w}"));
    let life = item("life-story work");
    assert_eq!(life.status, Status::Recurs);
    let ev = life.evidence.as_ref().expect("the later words");
    assert!(ev.text.contains("Life-story work is not being completed routinely"), "{}", ev.text);
    assert!(ev.shared.contains(&"lifestory".to_string()), "{:?}", ev.shared);
    // The spans slice each report's own text.
    let later_text = std::fs::read_to_string(format!("{FIXTURES}/reports/ofsted-middlesbrough-2023.txt")).unwrap();
    assert!(later_text[ev.span.0..ev.span.1].contains("Life-story work"));
    let earlier_text = std::fs::read_to_string(format!("{FIXTURES}/since/ofsted-middlesbrough-2020.txt")).unwrap();
    assert!(earlier_text[life.span.0..life.span.1].contains("life-story"));
    assert_eq!(item("permanence planning").status, Status::Improved);
    // New in 2023: its own list's items no 2020 item matches.
    assert!(s.new_gaps.iter().any(|g| g.text.contains("private fostering")), "{:?}", s.new_gaps);
    assert!(s.about_last.iter().any(|q| q.text.starts_with("Since the last inspection in 2019")));
}

#[test]
fn exports_carry_one_row_per_earlier_gap() {
    let (a, b) = middlesbrough();
    let s = since(&[&a, &b]);
    let csv = since_to_csv(&s);
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("council,earlier_report,later_report,row,section,earlier_gap,status,similarity"));
    assert_eq!(lines.iter().filter(|l| l.contains(",earlier gap,")).count(), 15);
    assert_eq!(lines.iter().filter(|l| l.contains(",new gap,")).count(), s.new_gaps.len());
    let md = since_to_markdown(&s);
    assert!(md.contains("| Overall effectiveness | Inadequate | Requires improvement to be good | ▲ up |"), "{md}");
    let (r, i, n) = s.counts();
    assert!(md.contains(&format!("{r} recur, {i} improved, {n} not mentioned.")));
}

#[test]
fn each_item_lists_the_next_closest_later_sentences() {
    let (a, b) = middlesbrough();
    let s = since(&[&a, &b]);
    let with_also = s.follow_through.iter().filter(|f| !f.also.is_empty()).count();
    assert!(with_also * 2 > s.follow_through.len(), "{with_also} of {}", s.follow_through.len());
    for f in &s.follow_through {
        assert!(f.also.len() <= assessment_lens::analysis::since::ALSO);
        // Closest first, never the evidence again, only the later list's items and classed findings.
        assert!(f.also.windows(2).all(|w| w[0].similarity >= w[1].similarity), "{:?}", f.also);
        assert!(f.also.iter().all(|m| f.evidence.as_ref().is_none_or(|e| e.span != m.span)), "{:?}", f.also);
        assert!(f.also.iter().all(|m| m.similarity >= 0.1 && m.class != Some(assessment_lens::analysis::Class::Neutral)));
    }
}

#[test]
fn a_readers_check_changes_the_counts_and_the_exports() {
    let (a, b) = middlesbrough();
    let mut s = since(&[&a, &b]);
    let before = s.counts();
    let k = s.follow_through.iter().position(|f| f.status == Status::Improved).expect("an improved item");
    // The same status as the analyser's is no change.
    s.check(k, Some(Status::Improved));
    assert_eq!((s.checked(), s.counts()), (0, before));
    s.check(k, Some(Status::Recurs));
    assert_eq!(s.checked(), 1);
    assert_eq!(s.counts(), (before.0 + 1, before.1 - 1, before.2));
    assert_eq!(s.follow_through[k].given(), Status::Recurs);
    assert_eq!(s.follow_through[k].status, Status::Improved, "the analyser's status is kept");
    let csv = since_to_csv(&s);
    let row = csv.lines().filter(|l| l.contains(",earlier gap,")).nth(k).expect("the row");
    assert!(row.contains(",Recurs,") && row.contains(",reader,Improved,"), "{row}");
    let md = since_to_markdown(&s);
    assert!(md.contains("| Recurs (checked; the analyser said improved) |"), "{md}");
    assert!(md.contains("changed 1;"), "{md}");
    // Clearing it gives the analyser's back; out of range does nothing.
    s.check(k, None);
    s.check(999, Some(Status::Recurs));
    assert_eq!((s.checked(), s.counts()), (0, before));
}

#[test]
fn reports_of_different_councils_are_lined_up_with_a_warning() {
    let a = report("reports/ofsted-barnsley-2023.txt");
    let b = report("reports/ofsted-croydon-2024.txt");
    let s = since(&[&a, &b]);
    assert!(s.warnings.iter().any(|w| w.contains("different councils")), "{:?}", s.warnings);
    let one = since(&[&a]);
    assert!(one.follow_through.is_empty() && one.warnings.iter().any(|w| w.contains("two reports")));
    let none = since(&[]);
    assert!(none.grades.is_empty());
}

#[test]
fn lens_since_prints_json_csv_and_markdown() {
    let lens = env!("CARGO_BIN_EXE_lens");
    let (later, earlier) =
        (format!("{FIXTURES}/reports/ofsted-middlesbrough-2023.txt"), format!("{FIXTURES}/since/ofsted-middlesbrough-2020.txt"));
    let out = Command::new(lens).args(["since", &later, &earlier]).output().expect("lens runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The contract's shape (docs/CONTRACT.md, "Since last time").
    assert_eq!(v["authority"], "Middlesbrough");
    assert_eq!(v["earlier"]["source"], "ofsted-middlesbrough-2020.txt");
    assert_eq!(v["later"]["kind"], "ofsted_ilacs");
    assert_eq!(v["items"].as_array().map(Vec::len), Some(15));
    let item = &v["items"][10];
    assert!(["recurs", "improved", "not_mentioned"].contains(&item["status"].as_str().unwrap_or_default()));
    assert!(item["earlier_span"].is_array() && item["similarity"].is_number() && item["later_evidence"]["text"].is_string(), "{item}");
    assert_eq!(v["grades"][0]["earlier_grade"], "Inadequate");
    assert_eq!(v["grades"][0]["later_grade"], "Requires improvement to be good");
    assert_eq!(v["grades"][0]["change"], "up");
    let leavers = v["grades"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["later_area"] == "The experiences and progress of care leavers")
        .expect("care leavers");
    assert!(leavers["change"].is_null() && leavers["earlier_grade"].is_null());
    assert!(v["new_gaps"][0]["span"].is_array());
    assert!(v["on_last_inspection"][0]["text"].as_str().is_some_and(|t| t.starts_with("Since the last inspection")));
    assert!(v["warnings"].as_array().is_some_and(Vec::is_empty));
    let csv = Command::new(lens).args(["since", "--format", "csv", &earlier, &later]).output().unwrap();
    assert!(String::from_utf8_lossy(&csv.stdout).contains(",earlier gap,"));
    let md = Command::new(lens).args(["since", "--format=md", &earlier, &later]).output().unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.starts_with("# Since last time: Middlesbrough"));
    // The statuses come with how they are made and how far a reader agrees.
    assert!(md.contains("about six statuses in ten agree with a careful reader"), "{md}");
    // Usage errors: one file; the summary format.
    let one = Command::new(lens).args(["since", &later]).output().unwrap();
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("since needs two reports"));
    let bad = Command::new(lens).args(["since", "--format", "summary", &earlier, &later]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// Floors under the agreement with the statuses labelled by reading (the README gives the
/// figures; `cargo run --release --example since -- all` prints them).
#[test]
fn follow_through_agrees_with_the_reader_at_least_as_well_as_measured() {
    // The series the decision was fitted to (in-sample; left one series out, 68.1%).
    let dev = since_gold::score("dev,dev2,dev3", false);
    assert_eq!(dev.n(), 320, "{}", dev.render());
    assert!(dev.rate() >= 0.68, "{}", dev.render());
    // The held-out series, never used to fit or choose anything.
    let test = since_gold::score("test", false);
    assert_eq!(test.n(), 34, "{}", test.render());
    assert!(test.rate() >= 0.60, "{}", test.render());
}

#[test]
fn the_sentence_a_reader_quoted_is_more_often_among_the_next_closest_than_shown_first() {
    // Measured on the development series: shown first for 54 of 248 items, shown or listed
    // next for 124 (examples/since.rs `quotes`).
    let (first, listed, n) = since_gold::quotes_found("dev,dev2,dev3");
    assert_eq!(n, 248);
    assert!(first >= 50 && listed >= 120 && listed > 2 * first, "{first} / {listed} of {n}");
}

#[test]
fn a_second_reader_agrees_with_the_first() {
    // The benchmark's labels are a target careful readers reach (second development file, read
    // again blind).
    let report = since_gold::reader_agreement("labels-5.jsonl", "second-reader-5.jsonl");
    assert!(report.starts_with("two readers agree on 91 of 92 items"), "{report}");
}

#[test]
fn the_decision_is_what_its_training_gives() {
    // `cargo run --release --example since -- train` wrote src/analysis/since_decision.rs from
    // these rows; fitting them again gives the same weights (to two decimals).
    let rows = since_gold::rows("dev,dev2,dev3");
    let w = since_gold::fit(&rows, 3.0);
    for (got, want) in w.iter().flatten().zip(assessment_lens::analysis::since::DECISION.iter().flatten()) {
        assert!((got - want).abs() < 0.01, "refitted {w:?}\nembedded {:?}", assessment_lens::analysis::since::DECISION);
    }
}
