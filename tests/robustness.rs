//! `analyse` takes any text without panicking, and its spans always slice the input on
//! char boundaries.
#![cfg(not(target_arch = "wasm32"))]

use assessment_lens::analysis::{analyse, decode, file_to_text};
use proptest::prelude::*;

mod common;

/// No panic; `Report::spans()` lists every span in the report, each inside the input on char
/// boundaries and selecting some visible text.
fn check(input: &str) {
    common::check_spans("input", input, &analyse(input), true);
}

/// Lines that look like report structure, so random documents reach the extractors.
const PIECES: &[&str] = &[
    "Score: 3",
    "Score 2",
    "## Score: 4",
    "Indicative score:",
    "3 - Evidence shows a good standard",
    "Assessing needs",
    "Safeguarding",
    "Supporting people to lead healthier lives",
    "Local authority rating and score",
    "Good",
    "Requires improvement",
    "---",
    "# ",
    "**",
    "é",
    "£",
    "’",
    "\u{a0}",
    "\r",
    "",
    "Assessment published: 1 May 2025",
    "| Safeguarding | 1 |",
    "Good: Evidence shows",
    "•",
    "\u{f0b7} ",
    "Local authority indicative rating",
    "Judgement\tGrade",
    "Judgement",
    "Grade",
    "Requires improvement to be good",
    "Overall effectiveness",
    "The impact of leaders on social work      Good",
    "1. Children who need help and protection",
    "2.1 Adoption performance Good",
    "\u{c}",
    "Page 2 of 9",
    "hyphen-",
    "ated",
    "AGENDA",
    "1.   Apologies for Absence",
    " 3 - 10",
    "PRESENT:",
    "AGREED that",
    "ﬁ",
    "board1",
    "co?production",
    "e.g.",
    "£1.4M",
    "24.64%",
    "Inspection of Anytown local authority children's services",
    "judged inadequate in 2019",
    "é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’é’ waiting time of 150 days",
    "a target of 28 days",
    "Financial facts",
    "its total budget would be £256,608,000",
    "2.59%, compared to the England average of 4.30%",
    "(47.83% compared to 36.83%, SACE, June 2024)",
    "from 702 in August 2020 to 531 in July 2021",
    "What needs to improve?",
    "Ofsted also identified the following areas for improvement:-",
    " Quality was variable",
    "a) That",
    "ranked the 14th most deprived",
    "85% of assessments were completed within 28 days",
    "There was no defined plan",
    "Despite challenges, staff were good",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text(s in "\\PC{0,400}") {
        check(&s);
    }

    #[test]
    fn report_shaped_text(parts in proptest::collection::vec((0..PIECES.len(), "[ a-zé£:1-5\u{2019}]{0,6}"), 0..60)) {
        let mut s = String::new();
        for (i, noise) in parts {
            s.push_str(PIECES[i]);
            s.push_str(&noise);
            s.push('\n');
        }
        check(&s);
    }

    #[test]
    fn any_bytes_named_docx_read_or_refuse(bytes in proptest::collection::vec(any::<u8>(), 0..600), zip in any::<bool>()) {
        let mut b = if zip { b"PK\x03\x04".to_vec() } else { Vec::new() };
        b.extend(bytes);
        if let Ok(d) = file_to_text("x.docx", &b) {
            check(&d.text);
        }
    }

    /// Text that is already UTF-8 comes back unchanged (so "decode or refuse" is not "refuse").
    #[test]
    fn utf8_text_decodes_to_itself(s in "\\PC{0,200}[a-z]\\PC{0,200}") {
        let d = decode(s.as_bytes()).expect("UTF-8 text decodes");
        prop_assert_eq!(d.text, s);
    }

    #[test]
    fn any_bytes_decode_or_refuse(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(d) = decode(&bytes) {
            check(&d.text);
        }
    }
}

#[test]
fn every_prefix_of_a_word_document_reads_or_refuses() {
    let bytes = include_bytes!("fixtures/docx/ofsted-middlesbrough-2023.docx");
    // The whole document reads, so a reader that refused everything would not pass.
    let whole = file_to_text("whole.docx", bytes).expect("the whole document reads");
    check(&whole.text);
    assert_eq!(analyse(&whole.text).judgements.len(), 5, "the whole document's judgements");
    for cut in (0..bytes.len()).step_by(97) {
        if let Ok(d) = file_to_text("cut.docx", &bytes[..cut]) {
            check(&d.text);
        }
    }
}

#[test]
fn truncated_reports_never_panic() {
    let text = include_str!("fixtures/reports/cqc-middlesbrough-2025.txt");
    for cut in (0..text.len()).step_by(997) {
        let mut end = cut;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        check(&text[..end]);
    }
}

#[test]
fn empty_text_gets_a_warning() {
    let r = analyse("   \n");
    assert!(r.warnings.iter().any(|w| w.contains("empty")));
}

/// Inputs the fuzzer once crashed on (`tests/fixtures/fuzz/`), kept as regressions.
#[test]
fn fuzz_regressions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        let text = match std::str::from_utf8(&bytes) {
            Ok(s) => s.to_string(),
            Err(_) => match decode(&bytes) {
                Ok(d) => d.text,
                Err(_) => continue,
            },
        };
        check(&text);
        n += 1;
    }
    assert!(n >= 1);
}
