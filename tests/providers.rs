//! Inspections of care providers (`tests/fixtures/providers/`, see its README): 47 real texts
//! of CQC's and Ofsted's reports on care homes, home care agencies, children's homes, a
//! fostering agency and residential special schools, 2010–2025, each labelled by reading.
//! Split by document, once, into a development part (the rules were written from it) and a
//! test part (run to report the figure). The test prints both parts' figures and holds them to
//! floors: what is read must be right, and what is not read must be said in a warning.

use assessment_lens::analysis::{analyse_named, Kind, Report};
use serde_json::Value;

fn dir() -> String {
    format!("{}/tests/fixtures/providers", env!("CARGO_MANIFEST_DIR"))
}

/// A grade as the gold writes it, on one scale ("requires improvement to be good" is Ofsted's
/// name for CQC's "requires improvement").
fn grade(s: &str) -> String {
    s.trim().to_lowercase().replace("requires improvement to be good", "requires improvement")
}

/// The words that tell a judgement's area whatever its wording.
fn area_key(s: &str) -> String {
    let s = s.to_lowercase().replace('\u{2019}', "'");
    for k in ["experiences and progress", "helped and protected", "leaders and managers", "residential experience"] {
        if s.contains(k) {
            return k.to_string();
        }
    }
    s.chars().take(25).collect()
}

#[derive(Default, Debug)]
struct Tally {
    reports: usize,
    kind: usize,
    named: (usize, usize),
    overall: (usize, usize),
    ratings: (usize, usize),
    /// Inspection dates as the reader wrote them (or the start of them: "13 February 2025" of
    /// "13 February 2025 assessment"), and the previous rating.
    dates: (usize, usize),
    previous: (usize, usize),
    /// A value read that the reader's differs from.
    wrong: Vec<String>,
    /// Something missed with no warning.
    silent: Vec<String>,
}

fn score(part: &str) -> Tally {
    let gold = std::fs::read_to_string(format!("{}/gold.jsonl", dir())).expect("gold.jsonl");
    let mut t = Tally::default();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: Value = serde_json::from_str(line).expect("a JSON line");
        if g["part"] != part {
            continue;
        }
        let file = g["file"].as_str().unwrap_or_default();
        let text = std::fs::read_to_string(format!("{}/{file}", dir())).expect("fixture");
        let r: Report = analyse_named(file, &text);
        t.reports += 1;
        let mut missed = Vec::new();
        if r.kind == Kind::ProviderInspection {
            t.kind += 1;
        } else {
            missed.push(format!("kind {}", r.kind.as_str()));
        }
        let service = r.provider.as_ref().and_then(|p| p.service.clone());
        if let Some(want) = g["service"].as_str() {
            t.named.1 += 1;
            match &service {
                // A children's home by its reference number: "Children's home SC045408".
                Some(s) if s.eq_ignore_ascii_case(want) || s.ends_with(&format!(" {want}")) => t.named.0 += 1,
                Some(s) => t.wrong.push(format!("{file}: service {s:?}, the reader's {want:?}")),
                None => missed.push("service".into()),
            }
        }
        if let Some(want) = g["overall"].as_str() {
            t.overall.1 += 1;
            match &r.overall {
                Some(o) if grade(o.rating.as_str()) == grade(want) => t.overall.0 += 1,
                Some(o) => t.wrong.push(format!("{file}: overall {}, the reader's {want}", o.rating)),
                None => missed.push("overall".into()),
            }
        }
        let ratings = g["ratings"].as_object().cloned().unwrap_or_default();
        for (area, want) in &ratings {
            let Some(want) = want.as_str() else { continue };
            t.ratings.1 += 1;
            match r.judgements.iter().find(|j| area_key(&j.area) == area_key(area)) {
                Some(j) if grade(j.grade.as_str()) == grade(want) => t.ratings.0 += 1,
                Some(j) => t.wrong.push(format!("{file}: {area} {}, the reader's {want}", j.grade)),
                None => missed.push(area.clone()),
            }
        }
        // A rating read that the reader did not list is invented.
        for j in &r.judgements {
            if !ratings.keys().any(|a| area_key(a) == area_key(&j.area)) {
                t.wrong.push(format!("{file}: {} {} is not in the reader's list", j.area, j.grade));
            }
        }
        if let Some(want) = g["period"].as_str() {
            t.dates.1 += 1;
            let want = want.to_lowercase();
            if r.period.as_deref().is_some_and(|p| !p.is_empty() && want.starts_with(&p.to_lowercase())) {
                t.dates.0 += 1;
            }
        }
        // A previous grade the reader wrote (not Ofsted's interim outcomes, which are no grade).
        if let Some(want) = g["previous"].as_str().filter(|p| !p.to_lowercase().contains("effectiveness")) {
            t.previous.1 += 1;
            if r.previous_grade.as_ref().is_some_and(|p| grade(&want.to_lowercase()).starts_with(&grade(p.grade.as_str()))) {
                t.previous.0 += 1;
            }
        }
        if !missed.is_empty() && r.warnings.is_empty() {
            t.silent.push(format!("{file}: {}", missed.join(", ")));
        }
    }
    t
}

fn show(part: &str, t: &Tally) {
    println!(
        "{part}: {} texts; kind {}/{}, service named {}/{}, overall rating {}/{}, key questions and judgements {}/{}, dates {}/{}, previous rating {}/{}; wrong {}, missed without a warning {}",
        t.reports,
        t.kind,
        t.reports,
        t.named.0,
        t.named.1,
        t.overall.0,
        t.overall.1,
        t.ratings.0,
        t.ratings.1,
        t.dates.0,
        t.dates.1,
        t.previous.0,
        t.previous.1,
        t.wrong.len(),
        t.silent.len()
    );
    for w in t.wrong.iter().chain(&t.silent) {
        println!("  {w}");
    }
}

#[test]
fn development_part() {
    let t = score("dev");
    show("development", &t);
    assert_eq!(t.reports, 33);
    assert!(t.wrong.is_empty() && t.silent.is_empty(), "{t:#?}");
    assert!(t.kind >= 32 && t.named.0 >= 23 && t.overall.0 >= 16 && t.ratings.0 >= 23, "{t:#?}");
    assert!(t.dates.0 >= 26 && t.previous.0 >= 5, "{t:#?}");
}

#[test]
fn test_part() {
    let t = score("test");
    show("test", &t);
    assert_eq!(t.reports, 14);
    assert!(t.wrong.is_empty() && t.silent.is_empty(), "{t:#?}");
    assert!(t.kind >= 11 && t.named.0 >= 8 && t.overall.0 >= 5 && t.ratings.0 >= 6, "{t:#?}");
    assert!(t.dates.0 >= 11 && t.previous.0 >= 3, "{t:#?}");
}

/// The shapes the rules were written for, one real text each.
#[test]
fn each_shape_read_whole() {
    let read = |f: &str| analyse_named(f, &std::fs::read_to_string(format!("{}/{f}", dir())).expect("fixture"));
    // CQC's website: the name above "Overall: …", the provider, the visit's date.
    let r = read("cqc-acorn-nursing-home-2023.txt");
    let p = r.provider.as_ref().expect("provider");
    assert_eq!(
        (p.service.as_deref(), p.registered_provider.as_deref(), r.overall.as_ref().map(|o| o.rating.as_str())),
        (Some("Acorn Nursing Home"), Some("Regency Healthcare Limited"), Some("Requires improvement"))
    );
    assert_eq!(r.period.as_deref(), Some("20 June 2023"));
    // Ofsted's run-on paragraph, and the grades inside wrapped headings.
    for f in ["ofsted-childrens-home-sc067561-2017.txt", "ofsted-childrens-home-sc463558-2016.txt"] {
        let r = read(f);
        assert_eq!(r.judgements.len(), 3, "{f}: {:?}", r.judgements);
        assert_eq!(r.framework.map(|f| f.as_str()), Some("SCCIF"));
    }
    // A 2024 assessment page whose rating is only in its summary.
    let r = read("cqc-location-1-15308763036-2024.txt");
    assert_eq!(r.overall.as_ref().map(|o| o.rating.as_str()), Some("Inadequate"));
    assert_eq!(r.framework.map(|f| f.as_str()), Some("CQC provider 2024"));
}
