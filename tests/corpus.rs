//! The hand-checked gold values of the corpus (copied into `fixtures/gold`), checked natively
//! so a fresh clone needs nothing outside the repository. `../shared/tools/check-gold` checks
//! the same files through the CLI.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use assessment_lens::analysis::{analyse_named, Kind, Origin, Report, Verdict};
use serde_json::Value;

mod common;

fn load(name: &str) -> (String, Report, Value) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(root.join(format!("reports/{name}.txt"))).unwrap();
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(root.join(format!("gold/{name}.json"))).unwrap()).unwrap();
    let report = analyse_named(name, &text);
    (text, report, gold)
}

/// The corpus documents with gold values: `fixtures/gold/<name>.json` beside
/// `fixtures/reports/<name>.txt`. Subfolders (the wider corpora's gold, checked by
/// `./dev gold` on `../shared/corpus`) are not read here.
fn names() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    v.sort();
    assert_eq!(v.len(), 8, "the eight corpus documents with gold values: {v:?}");
    v
}

#[test]
fn kinds_match_gold() {
    for name in names() {
        let (_, r, gold) = load(&name);
        let want: Kind = serde_json::from_value(gold["kind"].clone()).unwrap();
        assert_eq!(r.kind, want, "{name}: {}", r.kind_reason);
    }
}

#[test]
fn cqc_ratings_scores_and_computed_rating_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (_, r, gold) = load(&name);
        let Some(qs) = gold["quality_statements"].as_object() else { continue };
        checked += 1;
        assert_eq!(r.authority.as_deref(), gold["authority"].as_str(), "{name}: authority");
        assert_eq!(r.published.as_deref(), gold["published"].as_str(), "{name}: published");
        assert_eq!(r.overall.as_ref().map(|o| o.rating.as_str()), gold["overall_rating"].as_str(), "{name}: overall");
        assert_eq!(r.scores.len(), qs.len(), "{name}: number of statements");
        for (statement, score) in qs {
            let got = r.scores.iter().find(|s| &s.statement == statement).map(|s| s.score as u64);
            assert_eq!(got, score.as_u64(), "{name}: {statement}");
        }
        let c = r.computed_rating.as_ref().expect("computed rating");
        let g = &gold["computed_rating"];
        assert!((c.percent - g["percent"].as_f64().unwrap()).abs() < 0.051, "{name}: percent {}", c.percent);
        assert_eq!(c.rating.map(|g| g.as_str()), g["rating"].as_str(), "{name}: computed rating");
        let next = c.to_next.as_ref().expect("to_next");
        assert_eq!(next.rating.as_str(), g["to_next"]["rating"].as_str().unwrap(), "{name}: next band");
        assert_eq!(next.statements_up as u64, g["to_next"]["statements_up"].as_u64().unwrap(), "{name}: statements up");
    }
    assert_eq!(checked, 3, "the three CQC reports");
}

#[test]
fn ofsted_authority_and_dates_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (_, r, gold) = load(&name);
        if r.kind != Kind::OfstedIlacs {
            continue;
        }
        assert_eq!(r.authority.as_deref(), gold["authority"].as_str(), "{name}");
        assert_eq!(r.period.as_deref(), gold["inspection_dates"].as_str(), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 4, "the four Ofsted reports");
}

/// Every span of every corpus and variant report — not only scores and ratings — is listed by
/// `Report::spans()`, slices the input on char boundaries and selects visible text.
#[test]
fn every_span_slices_the_input() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for dir in ["reports", "variants"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let r = analyse_named(&name, &text);
            common::check_spans(&name, &text, &r, true);
            checked += r.spans().len();
        }
    }
    assert!(checked > 1000, "only {checked} spans checked");
}

#[test]
fn ofsted_judgements_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (text, r, gold) = load(&name);
        let Some(want) = gold["judgements"].as_object() else { continue };
        assert_eq!(r.judgements.len(), want.len(), "{name}: {:?}", r.judgements);
        for (area, grade) in want {
            let got = r.judgements.iter().find(|j| j.area.to_lowercase() == area.to_lowercase());
            let got = got.unwrap_or_else(|| panic!("{name}: no judgement for {area}"));
            assert_eq!(got.grade.as_str(), grade.as_str().unwrap(), "{name}: {area}");
            let (s, e) = got.span;
            assert!(text[s..e].to_lowercase().contains(&got.grade.as_str().to_lowercase()), "{name}: evidence {:?}", &text[s..e]);
            checked += 1;
        }
    }
    assert_eq!(checked, 20, "five judgements in each of the four Ofsted reports");
}

#[test]
fn committee_papers_meeting_matches_gold() {
    let (_, r, gold) = load("scrutiny-middlesbrough-children-2021-09");
    let m = r.meeting.expect("a meeting");
    assert_eq!(m.body.as_deref(), gold["meeting"].as_str());
    assert_eq!(m.date.as_deref(), gold["meeting_date"].as_str());
    assert_eq!(r.authority.as_deref(), gold["authority"].as_str());
    assert_eq!(m.items.len(), 10);
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (a - b).abs() <= 0.0051)
}

#[test]
fn financial_facts_and_population_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (_, r, gold) = load(&name);
        if let Some(want) = gold["financial"].as_object() {
            let got = serde_json::to_value(r.financial.as_ref().expect("financial facts")).unwrap();
            for (k, v) in want {
                match v {
                    Value::String(s) => assert_eq!(got[k].as_str(), Some(s.as_str()), "{name}: {k}"),
                    Value::Null => {}
                    v => assert!(close(got[k].as_f64(), v.as_f64()), "{name}: {k}: {} vs {v}", got[k]),
                }
                checked += 1;
            }
        }
        if let Some(p) = gold["population"].as_u64() {
            assert_eq!(r.population, Some(p), "{name}: population");
        }
    }
    assert_eq!(checked, 27);
}

#[test]
fn comparisons_and_verdicts_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (_, r, gold) = load(&name);
        let Some(want) = gold["comparisons"].as_array() else { continue };
        for c in want {
            let local = c["local"].as_f64();
            let comp = c["comparator"].as_f64();
            let hit = r
                .metrics
                .iter()
                .find(|m| close(m.comparator.as_ref().map(|x| x.value), comp) && (local.is_none() || close(Some(m.value), local)));
            let hit = hit.unwrap_or_else(|| panic!("{name}: no comparison {local:?} vs {comp:?}"));
            match c["judgement"].as_str() {
                Some(j @ ("better" | "worse" | "similar")) => {
                    assert_eq!(hit.judgement.map(|v| v.as_str()), Some(j), "{name}: {local:?} vs {comp:?}")
                }
                Some(d) => {
                    assert_eq!(hit.direction.map(|v| v.as_str()), Some(d), "{name}: {local:?} vs {comp:?}");
                    assert_ne!(hit.judgement, Some(Verdict::Similar));
                }
                None => {}
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 41);
}

#[test]
fn trends_match_gold() {
    let (_, r, gold) = load("scrutiny-middlesbrough-children-2021-09");
    let mut checked = 0;
    for t in gold["trends"].as_array().unwrap() {
        let hit = r
            .metrics
            .iter()
            .find(|m| close(Some(m.value), t["to"].as_f64()) && close(m.previous.as_ref().map(|p| p.value), t["from"].as_f64()));
        let hit = hit.expect("trend found");
        assert_eq!(hit.as_of.as_deref(), t["to_date"].as_str());
        assert_eq!(hit.previous.as_ref().unwrap().as_of.as_deref(), t["from_date"].as_str());
        checked += 1;
    }
    assert!(checked >= 1, "no trends in the gold file");
}

fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let kept: String = s.chars().map(|c| if c.is_alphanumeric() || "%£.' ".contains(c) { c } else { ' ' }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn stated_gaps_match_gold() {
    let mut checked = 0;
    for name in names() {
        let (_, r, gold) = load(&name);
        let stated: Vec<String> = r.gaps.iter().filter(|g| g.origin == Origin::StatedList).map(|g| norm(&g.text)).collect();
        for key in ["what_needs_to_improve", "what_needs_to_improve_prefixes", "areas_for_improvement_prefixes"] {
            for item in gold[key].as_array().into_iter().flatten() {
                let p: String = norm(item.as_str().unwrap()).chars().take(40).collect();
                assert!(stated.iter().any(|s| s.starts_with(&p)), "{name}: stated gap '{p}' in {stated:#?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 21);
}

#[test]
fn findings_classifier_reaches_eighty_percent_on_the_labelled_summary() {
    // The first round's rules were written from this summary and scored 96% on it (and 59% on
    // held-out sentences); the trained model scores 42/51 here and 77% held out
    // (`./dev findings`). This is a floor against regressions, not the measure.
    let (_, r, gold) = load("cqc-middlesbrough-2025");
    let found: Vec<(String, &str)> = r.findings.iter().map(|f| (norm(&f.text), f.class.as_str())).collect();
    let (mut right, mut total) = (0, 0);
    for s in gold["summary_sentences"].as_array().unwrap() {
        let label = s["label"].as_str().unwrap();
        if label == "neutral" {
            continue;
        }
        total += 1;
        let p: String = norm(s["text"].as_str().unwrap()).chars().take(50).collect();
        if found.iter().find(|(t, _)| t.starts_with(&p)).is_some_and(|(_, c)| *c == label) {
            right += 1;
        }
    }
    assert!(total >= 20, "only {total} labelled sentences read from the gold file");
    assert!(right * 100 >= total * 80, "{right}/{total}");
}
