//! "In England": every Ofsted report of the corpus placed against the official record, and
//! `lens context`.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use assessment_lens::analysis::context::{context_for, missing_note, Relation};
use assessment_lens::analysis::{analyse_named, Kind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Every Ofsted children's services report in the fixtures (2012–2025, every framework) finds
/// its council in the official files, and each is placed: in the record (same grade), older
/// than it (before ILACS), or newer; none disagrees with it.
#[test]
fn every_ofsted_report_of_the_fixtures_finds_its_council() {
    let mut n = 0;
    let mut relations = std::collections::BTreeMap::new();
    for dir in ["wide/text", "reports", "since"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{FIXTURES}/{dir}")).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with("ofsted-"))) {
            let r = analyse_named(&p.to_string_lossy(), &std::fs::read_to_string(&p).unwrap());
            assert_eq!(r.kind, Kind::OfstedIlacs, "{}", p.display());
            let c = context_for(&r).unwrap_or_else(|| panic!("{}: council {:?} not in the official files", p.display(), r.authority));
            assert_ne!(c.relation, Relation::Disagrees, "{}: {}", p.display(), c.note);
            *relations.entry(format!("{:?}", c.relation)).or_insert(0) += 1;
            n += 1;
        }
    }
    assert!(n >= 60, "{n} reports");
    assert!(relations.get("InRecord").copied().unwrap_or(0) >= 20, "{relations:?}");
}

/// A report whose council is not in the record (merged, renamed, or unread) is said to be
/// so, not left without its card in silence; other kinds and placed reports have no such note.
#[test]
fn a_report_not_set_beside_the_record_says_why() {
    let text = std::fs::read_to_string(format!("{FIXTURES}/reports/ofsted-middlesbrough-2023.txt")).unwrap();
    let mut r = analyse_named("ofsted-middlesbrough-2023.txt", &text);
    assert_eq!(missing_note(&r), None, "Middlesbrough is in the record");
    r.authority = Some("Borsetshire County Council".into());
    let note = missing_note(&r).expect("a note for a council not in the record");
    assert!(note.contains("Borsetshire County Council") && note.contains("not one of the councils"), "{note}");
    r.authority = None;
    assert!(missing_note(&r).expect("a note for an unread council").contains("could not be read"));
    r.kind = Kind::CqcLaAssessment;
    assert_eq!(missing_note(&r), None, "only Ofsted reports of children's services are set beside the record");
}

#[test]
fn lens_context_prints_a_council_in_england() {
    let lens = env!("CARGO_BIN_EXE_lens");
    let out = Command::new(lens).args(["context", "Middlesbrough Borough Council"]).output().expect("lens runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["council"]["name"], "Middlesbrough");
    assert_eq!(v["as_at"], "31 March 2025");
    assert_eq!(v["neighbours"].as_array().map(Vec::len), Some(10));
    let md = Command::new(lens).args(["context", "--format", "md", "Bristol, City of"]).output().unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.starts_with("# Bristol in England"), "{md}");
    assert!(md.contains("as at 31 March 2025 (Ofsted official statistics)"), "{md}");
    assert!(md.contains("| Statistical neighbour |"), "{md}");
    let unknown = Command::new(lens).args(["context", "Atlantis"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no council called"));
}

/// The embedded figures are exactly what the script makes from the CSVs in the repo.
#[test]
fn the_embedded_figures_are_made_from_the_csvs() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("python3")
        .args([&format!("{root}/scripts/make-context-data.py"), "--check"])
        .output()
        .expect("python3 runs (scripts/setup.sh installs it)");
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
