//! The bad-input zoo: inputs crafted as a hostile or unlucky user would make them, generated
//! here rather than committed. Each would have caught a finding of the robustness review:
//! exports that grow without bound, evidence that spans a whole document, infinite figures,
//! a .docx zip bomb, a PDF with a hundred thousand pages. Time is measured by the scaling
//! benchmark (`./dev bench --scaling`), not here.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use assessment_lens::analysis::{analyse, file_to_text, to_csv, MAX_INPUT_BYTES};

/// The longest evidence any item may carry: a paragraph, never a document.
const MAX_EVIDENCE: usize = 2_000;

fn shapes() -> Vec<(&'static str, String)> {
    let rows: String = (0..3000).map(|i| format!("Ward {i} spend rose from {} to {} million\n", i % 97, i % 89 + 3)).collect();
    vec![
        ("table rows without full stops", rows),
        ("trends without stops", "from 1 to 2 ".repeat(8000)),
        ("comparisons without stops", "12.5% compared with the England average of 10.2% and ".repeat(2000)),
        ("waits without stops", "median wait 150 days against a target of 28 days and ".repeat(2000)),
        ("one long sentence of praise and shortfalls", "staff were effective but delays remained and ".repeat(3000)),
    ]
}

#[test]
fn evidence_is_at_most_a_paragraph_and_csv_at_most_ten_times_the_input() {
    for (name, text) in shapes() {
        let r = analyse(&text);
        let items = r.metrics.iter().map(|m| m.span).chain(r.gaps.iter().chain(&r.strengths).map(|g| g.span));
        for (s, e) in items.chain(r.findings.iter().map(|f| f.span)) {
            assert!(e - s <= MAX_EVIDENCE, "{name}: evidence of {} bytes", e - s);
        }
        let csv = to_csv(&[(&r, &text)]);
        assert!(csv.len() <= 10 * text.len(), "{name}: {} bytes of CSV from {}", csv.len(), text.len());
    }
}

#[test]
fn a_long_sentence_that_is_cut_says_so() {
    let text = "staff were effective but delays remained and ".repeat(3000);
    let r = analyse(&text);
    assert!(r.warnings.iter().any(|w| w.contains("cut")), "{:?}", r.warnings);
}

#[test]
fn figures_stop_at_the_cap_and_say_so() {
    // 1.7 million trends in 20 MB took 8 s and 1.4 GB before the cap.
    let r = analyse(&"from 1 to 2 ".repeat(12_000));
    assert_eq!(r.metrics.len(), assessment_lens::analysis::MAX_FIGURES);
    assert!(r.warnings.iter().any(|w| w.contains("figures") && w.contains("the rest left out")), "{:?}", r.warnings);
    // Under the cap: no warning.
    let r = analyse(&"from 1 to 2 ".repeat(100));
    assert!(r.metrics.len() < assessment_lens::analysis::MAX_FIGURES);
    assert!(!r.warnings.iter().any(|w| w.contains("the rest left out")), "{:?}", r.warnings);
}

#[test]
fn finding_sentences_stop_at_the_cap_and_say_so() {
    let r = analyse(&"Staff were effective and delays remained in the service. ".repeat(6_000));
    assert_eq!(r.findings.len(), assessment_lens::analysis::MAX_FINDINGS);
    assert!(r.warnings.iter().any(|w| w.contains("finding sentences") && w.contains("were classed")), "{:?}", r.warnings);
}

#[test]
fn figures_are_always_finite() {
    let huge = "9".repeat(400);
    let text = format!(
        "The council spent £{huge} compared with the England average of £{huge}. The rate was {huge}% against the England average of 5%. Waits rose from {huge} to 3 days."
    );
    let r = analyse(&text);
    for m in &r.metrics {
        assert!(m.value.is_finite() && m.comparator.as_ref().is_none_or(|c| c.value.is_finite()), "{m:?}");
    }
    let json = serde_json::to_string(&r).expect("JSON");
    assert!(!json.contains("null,\"unit\""), "a value became null: {json}");
}

/// A .docx whose document.xml inflates from a small zip to far more text than one document may hold.
fn zip_bomb() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).expect("entry");
    zip.write_all(b"<w:document><w:body>").expect("write");
    let para = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "a".repeat(4000));
    for _ in 0..(MAX_INPUT_BYTES / 4000 + 100) {
        zip.write_all(para.as_bytes()).expect("write");
    }
    zip.write_all(b"</w:body></w:document>").expect("write");
    zip.finish().expect("finish");
    buf.into_inner()
}

#[test]
fn a_docx_zip_bomb_is_refused_in_words() {
    let bomb = zip_bomb();
    assert!(bomb.len() < 1_000_000, "the bomb should be small: {}", bomb.len());
    let e = file_to_text("bomb.docx", &bomb).unwrap_err().to_string();
    assert!(e.contains("limit"), "{e}");
}

/// A valid PDF whose page tree claims `pages` pages (all sharing one empty page object).
fn many_pages_pdf(pages: usize) -> Vec<u8> {
    let kids: String = (0..pages).map(|_| "3 0 R ").collect();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>"),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

#[test]
fn a_pdf_of_a_hundred_thousand_pages_is_refused_in_words() {
    let has_pdfjs = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/pdfjs-dist")).is_dir();
    assert!(has_pdfjs, "this test needs pdf.js: run `npm ci` (./dev test does)");
    let dir = std::env::temp_dir().join(format!("lens-zoo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("pages.pdf");
    std::fs::write(&path, many_pages_pdf(100_000)).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_lens")).arg("analyse").arg(&path).stdin(Stdio::null()).output().expect("lens");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let e = v[0]["error"].as_str().unwrap_or_default();
    assert!(e.contains("100,000 pages") && e.contains("2,000"), "{v}");
}
