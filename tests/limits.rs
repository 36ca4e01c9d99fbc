//! Limits on every file through the CLI: size checked before reading, a time limit per file,
//! exports bounded by the input.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Stdio};
use std::time::Instant;

fn lens(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lens")).args(args).stdin(Stdio::null()).output().expect("run lens");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/reports/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
#[cfg(target_os = "linux")]
fn an_endless_file_is_refused_without_reading_it_all() {
    let t = Instant::now();
    let (code, out, _) = lens(&["analyse", "/dev/zero"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v[0]["error"].as_str().is_some_and(|e| e.contains("limit")), "{v}");
    // Reading 20 MB and stopping is quick; reading /dev/zero whole never ends.
    assert!(t.elapsed().as_secs() < 30);
}

#[test]
fn a_file_past_its_time_gets_an_error_entry_and_the_next_file_still_runs() {
    let (code, out, err) = lens(&["analyse", "--timeout", "0.000001", &fixture("cqc-middlesbrough-2025.txt")]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v[0]["error"].as_str().is_some_and(|e| e.contains("longer than")), "{v}");
    let (code, out, _) = lens(&["analyse", "--timeout=30", &fixture("ofsted-croydon-2024.txt")]);
    assert_eq!(code, 0);
    assert!(out.contains("\"kind\": \"ofsted_ilacs\""));
}

#[test]
fn bad_timeouts_are_usage_errors() {
    for bad in ["0", "-1", "soon", "inf", "NaN"] {
        let (code, _, err) = lens(&["analyse", "--timeout", bad, &fixture("ofsted-croydon-2024.txt")]);
        assert_eq!(code, 2, "--timeout {bad}");
        assert!(err.contains("--timeout"), "{err}");
    }
    let (code, _, _) = lens(&["analyse", &fixture("ofsted-croydon-2024.txt"), "--timeout"]);
    assert_eq!(code, 2);
}

#[test]
fn a_csv_is_never_much_bigger_than_its_input() {
    for name in ["cqc-middlesbrough-2025.txt", "scrutiny-middlesbrough-children-2021-09.txt", "ofsted-croydon-2024.txt"] {
        let path = fixture(name);
        let input = std::fs::metadata(&path).expect("fixture").len() as usize;
        let (code, out, _) = lens(&["analyse", "--format", "csv", &path]);
        assert_eq!(code, 0);
        assert!(out.len() < 10 * input, "{name}: {} bytes of CSV from {input}", out.len());
    }
}
