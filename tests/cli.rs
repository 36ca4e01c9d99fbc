//! The `lens` CLI: the contract's JSON, error entries and exit codes, other formats.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const LENS: &str = env!("CARGO_BIN_EXE_lens");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child =
        Command::new(LENS).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("lens runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&out.stdout).expect("stdout is JSON").as_array().expect("an array").clone()
}

/// Every top-level field of the contract's `Report`.
const CONTRACT_FIELDS: &[&str] = &[
    "source",
    "kind",
    "authority",
    "published",
    "period",
    "overall",
    "scores",
    "computed_rating",
    "judgements",
    "financial",
    "population",
    "metrics",
    "gaps",
    "strengths",
    "findings",
    "warnings",
];

#[test]
fn json_has_every_contract_field_and_one_report_per_file() {
    let a = format!("{FIXTURES}/reports/cqc-hartlepool-2025.txt");
    let b = format!("{FIXTURES}/reports/ofsted-croydon-2024.txt");
    let out = run(&["analyse", "--format", "json", &a, &b], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let reports = json(&out);
    assert_eq!(reports.len(), 2);
    for r in &reports {
        for f in CONTRACT_FIELDS {
            assert!(r.get(*f).is_some(), "missing field {f}");
        }
    }
    assert_eq!(reports[0]["source"], "cqc-hartlepool-2025.txt");
    assert_eq!(reports[0]["overall"]["rating"], "Good");
    assert_eq!(reports[0]["scores"].as_array().unwrap().len(), 9);
    assert_eq!(reports[1]["kind"], "ofsted_ilacs");
}

#[test]
fn unreadable_files_get_an_error_entry_and_exit_1() {
    let dir = std::env::temp_dir().join(format!("lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    let binary = dir.join("image.png");
    std::fs::write(&empty, b"").unwrap();
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    let good = format!("{FIXTURES}/variants/score-without-colon.txt");
    let out = run(&["analyse", "/no/such/file.txt", empty.to_str().unwrap(), binary.to_str().unwrap(), &good], None);
    assert_eq!(out.status.code(), Some(1));
    let reports = json(&out);
    assert_eq!(reports.len(), 4);
    assert_eq!(reports[0]["source"], "file.txt");
    assert!(reports[0]["error"].as_str().unwrap().contains("could not read"));
    assert_eq!(reports[1]["error"], "the file is empty");
    assert!(reports[2]["error"].as_str().unwrap().contains("not text"));
    assert_eq!(reports[3]["overall"]["rating"], "Requires improvement");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt") && !stderr.contains("panicked"), "{stderr}");
}

#[test]
fn standard_input_and_latin1() {
    let out = run(&["analyse", "-"], Some(b"Anytown Council: local authority assessment\n\nAssessment published: 1 May 2025\n\nLocal authority rating and score\n\nAnytown Council\n\nGood\n\nCare provision, integration and continuity\n\nScore: 3 \x96 Evidence shows a good standard\n"));
    assert_eq!(out.status.code(), Some(0));
    let r = &json(&out)[0];
    assert_eq!(r["source"], "standard input");
    assert_eq!(r["scores"][0]["score"], 3);
    assert!(r["warnings"][0].as_str().unwrap().contains("Windows-1252"));
}

#[test]
fn usage_errors_exit_2_with_usage() {
    for args in
        [&[][..], &["analyse"][..], &["frobnicate", "x"][..], &["analyse", "--format", "xml", "x"][..], &["analyse", "--bogus", "x"][..]]
    {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: lens analyse"), "{args:?}");
        assert!(out.stdout.is_empty());
    }
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--format"));
}

#[test]
fn csv_and_markdown() {
    let f = format!("{FIXTURES}/reports/cqc-middlesbrough-2025.txt");
    let csv = run(&["analyse", "--format=csv", &f], None);
    assert_eq!(csv.status.code(), Some(0));
    let text = String::from_utf8(csv.stdout).unwrap();
    // A byte-order mark for Excel, then the header: the document's columns, then the item's.
    let text = text.strip_prefix('\u{feff}').expect("a CSV opens with a byte-order mark");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("source,council,report_kind,framework,date,item,label,value,unit,comparator,comparator_value,verdict,section,evidence")
    );
    let doc = "cqc-middlesbrough-2025.txt,Middlesbrough Council,cqc_la_assessment,CQC 2024,2025-02-21";
    assert_eq!(text.lines().filter(|l| l.starts_with(&format!("{doc},score,"))).count(), 9);
    assert!(text.lines().any(|l| l.starts_with(&format!("{doc},gap,score,Assessing needs scored 2"))));
    assert!(text.contains(&format!(
        "{doc},score,Assessing needs,2,score,,,Evidence shows some shortfalls,How the local authority works with people,Assessing needs Score: 2"
    )));
    // A figure's value and its comparator's value are numbers, their unit and label apart.
    assert!(text.contains(&format!("{doc},metric,accessing training,2.59,percent,England average,4.3,worse,,")));

    let md = run(&["analyse", "--format", "md", &f], None);
    assert_eq!(md.status.code(), Some(0), "{}", String::from_utf8_lossy(&md.stderr));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# Middlesbrough Council\n"));
    assert!(md.contains("- Overall rating: **Requires improvement**"));
    assert!(md.contains("| Leadership | Learning, improvement and innovation | 2 | Evidence shows some shortfalls |"));
}

#[test]
fn summary_is_one_row_per_report_with_a_column_per_statement_and_judgement() {
    let files: Vec<String> = ["cqc-middlesbrough-2025.txt", "ofsted-westminster-2025.txt", "cqc-hartlepool-2025.txt"]
        .iter()
        .map(|f| format!("{FIXTURES}/reports/{f}"))
        .collect();
    let args: Vec<&str> = ["analyse", "--format", "summary"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "a header and a row per report");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header[..8], ["source", "council", "report_kind", "framework", "visit", "date", "period", "overall_rating"]);
    assert_eq!(header.iter().filter(|h| h.starts_with("score: ") || h.starts_with("\"score: ")).count(), 9);
    assert!(lines[0].contains("judgement: Overall effectiveness"));
    assert!(lines[0].ends_with("gaps,strengths,figures,priorities,warnings"));
    assert!(lines[1].starts_with(
        "cqc-middlesbrough-2025.txt,Middlesbrough Council,cqc_la_assessment,CQC 2024,,2025-02-21,,Requires improvement,2,3,2,2,3,3,3,2,2,"
    ));
    assert!(lines[2].starts_with("ofsted-westminster-2025.txt,Westminster,ofsted_ilacs,"));
    assert!(lines[2].contains(",Outstanding,"));
    assert!(lines[3]
        .starts_with("cqc-hartlepool-2025.txt,Hartlepool Borough Council,cqc_la_assessment,CQC 2024,,2025-05-14,,Good,3,3,2,2,3,3,3,3,3,"));
}

#[test]
fn word_documents_read_like_their_text() {
    let docx = format!("{FIXTURES}/docx/ofsted-middlesbrough-2023.docx");
    let txt = format!("{FIXTURES}/reports/ofsted-middlesbrough-2023.txt");
    let out = run(&["analyse", &docx, &txt], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let r = json(&out);
    assert_eq!(r[0]["judgements"].as_array().unwrap().len(), 5);
    let grades =
        |x: &Value| x["judgements"].as_array().unwrap().iter().map(|j| (j["area"].clone(), j["grade"].clone())).collect::<Vec<_>>();
    assert_eq!(grades(&r[0]), grades(&r[1]));
    let stated = |x: &Value| {
        x["gaps"].as_array().unwrap().iter().filter(|g| g["origin"] == "stated_list").map(|g| g["text"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(stated(&r[0]), stated(&r[1]));
    assert_eq!(stated(&r[0]).len(), 6);

    let cqc = run(&["analyse", &format!("{FIXTURES}/docx/cqc-hartlepool-2025.docx")], None);
    let c = &json(&cqc)[0];
    assert_eq!(c["overall"]["rating"], "Good");
    assert_eq!(c["computed_rating"]["percent"], 69.4);
    assert_eq!(c["financial"]["asc_spend_actual"], 42048000.0);
}

#[test]
fn bad_word_and_pdf_files_get_a_clear_error() {
    let names = ["truncated.docx", "encrypted.docx", "not-really.docx", "empty.docx"];
    let paths: Vec<String> = names.iter().map(|n| format!("{FIXTURES}/docx/{n}")).collect();
    let dir = std::env::temp_dir().join(format!("lens-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    let mut args = vec!["analyse"];
    args.extend(paths.iter().map(String::as_str));
    args.push(pdf.to_str().unwrap());
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let r = json(&out);
    let errors: Vec<&str> = r.iter().map(|x| x["error"].as_str().unwrap()).collect();
    assert!(errors[0].contains("damaged or incomplete"), "{errors:?}");
    assert!(errors[1].contains("password-protected"));
    assert!(errors[2].contains("not a Word"));
    assert_eq!(errors[3], "the file is empty");
    assert!(errors[4].contains("not a valid PDF"), "{}", errors[4]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// The CLI reads PDFs with pdf.js under Node. Without them a PDF test would check nothing, so
/// it fails and says what to install.
fn require_node_and_pdfjs() {
    let root = env!("CARGO_MANIFEST_DIR");
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.as_ref().is_ok_and(|o| o.status.success()),
        "Node.js is not on the PATH ({}): the CLI reads PDFs with pdf.js under Node. \
         Run `./dev test` (it installs Node and pdf.js), or install Node and run `npm ci` in {root}.",
        node.as_ref().map_or_else(|e| e.to_string(), |o| String::from_utf8_lossy(&o.stderr).into_owned())
    );
    assert!(
        std::path::Path::new(root).join("node_modules/pdfjs-dist/package.json").is_file(),
        "pdf.js is not installed ({root}/node_modules/pdfjs-dist is missing): run `npm ci` in {root}, or `./dev test`."
    );
}

/// The three real Ofsted PDFs give the judgements and "What needs to improve?" items of their
/// text versions. Needs Node and `npm ci` (pdf.js), which `./dev test` sets up; fails without them.
#[test]
fn real_pdfs_read_like_their_text() {
    require_node_and_pdfjs();
    let entries = std::fs::read_dir(format!("{FIXTURES}/pdf")).unwrap();
    let mut n = 0;
    for e in entries {
        let pdf = e.unwrap().path();
        let name = pdf.file_stem().unwrap().to_string_lossy().into_owned();
        let txt = format!("{FIXTURES}/reports/{name}.txt");
        let out = run(&["analyse", pdf.to_str().unwrap(), &txt], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let r = json(&out);
        let grades = |x: &Value| {
            x["judgements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|j| (j["area"].as_str().unwrap().to_string(), j["grade"].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(grades(&r[1]).len(), 5, "{name}: the text version's five judgements");
        assert_eq!(grades(&r[0]), grades(&r[1]), "{name}");
        let stated = |x: &Value| {
            x["gaps"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| g["origin"] == "stated_list")
                .map(|g| g["text"].as_str().unwrap().replace('\u{2019}', "'"))
                .collect::<Vec<_>>()
        };
        assert!(!stated(&r[1]).is_empty(), "{name}: the text version has no stated list");
        assert_eq!(stated(&r[0]), stated(&r[1]), "{name}");
        n += 1;
    }
    assert_eq!(n, 3);
}
