//! The one intake path, through the CLI: HTML pages read as their visible text, files whose
//! name and bytes disagree refused in words.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn lens(file: &std::path::Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_lens")).arg("analyse").arg(file).output().expect("run lens");
    (out.status.code().unwrap_or(-1), serde_json::from_slice(&out.stdout).expect("JSON on stdout"))
}

fn temp(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lens-intake-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write");
    p
}

#[test]
fn an_html_page_is_read_as_its_text() {
    let html = b"<!DOCTYPE html><html><head><title>x</title><script>var a = '<h1>no</h1>';</script></head><body>\
<h1>Anytown Council</h1><p>Inspection of Anytown local authority children&rsquo;s services</p>\
<table><tr><th>Judgement</th><th>Grade</th></tr><tr><td>Overall effectiveness</td><td>Good</td></tr></table></body></html>";
    let (code, v) = lens(&temp("page.html", html));
    assert_eq!(code, 0);
    let r = &v[0];
    // Read as text, the authority was "<html><body><h1>Anytown Council".
    assert_eq!(r["authority"], "Anytown", "{r:#}");
    assert_eq!(r["kind"], "ofsted_ilacs", "{r:#}");
    assert_eq!(r["judgements"][0]["grade"], "Good", "{r:#}");
    // Without the .html name the bytes still say HTML.
    let (_, v) = lens(&temp("page.txt", html));
    assert_eq!(v[0]["authority"], "Anytown");
}

#[test]
fn a_web_page_saved_as_pdf_gets_a_clear_error() {
    let (code, v) = lens(&temp("report.pdf", b"<!DOCTYPE html><html><body><h1>Report not found</h1></body></html>"));
    assert_eq!(code, 1);
    let e = v[0]["error"].as_str().expect("an error entry");
    assert!(e.contains("not a PDF") && e.contains("web page"), "{e}");
    assert!(v[0].get("judgements").is_none());
}
