//! Benchmark: the core's time on a set of reports, against `wc -w` on the same text, in one
//! run (so both figures share the machine's state). Usage:
//!   cargo run --release --example bench [-- FILE... ]     (default: tests/fixtures/reports)
//! Prints per-file and total times and the ratio core / wc.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use assessment_lens::analysis::analyse_named;

const ROUNDS: u32 = 20;

fn best_of<F: FnMut()>(rounds: u32, mut f: F) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reports");
        files = std::fs::read_dir(dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
        files.sort();
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).expect("UTF-8 text")))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let words: usize = texts.iter().map(|(_, t)| t.split_whitespace().count()).sum();

    println!("{:<48} {:>9} {:>9}", "file", "bytes", "core");
    for (name, text) in &texts {
        let t = best_of(ROUNDS, || {
            std::hint::black_box(analyse_named(name, std::hint::black_box(text)));
        });
        println!("{name:<48} {:>9} {:>7.2}ms", text.len(), t.as_secs_f64() * 1e3);
    }
    let core = best_of(ROUNDS, || {
        for (name, text) in &texts {
            std::hint::black_box(analyse_named(name, text));
        }
    });
    let wc = best_of(ROUNDS, || {
        let out = Command::new("wc").arg("-w").args(&files).output().expect("wc runs");
        assert!(out.status.success());
    });
    println!("total: {} files, {bytes} bytes, {words} words", texts.len());
    println!(
        "core (analyse, all files, best of {ROUNDS}): {:.2} ms = {:.1} MB/s",
        core.as_secs_f64() * 1e3,
        bytes as f64 / core.as_secs_f64() / 1e6
    );
    println!("wc -w (same files, one process, best of {ROUNDS}): {:.2} ms", wc.as_secs_f64() * 1e3);
    println!("ratio core / wc -w: {:.2}", core.as_secs_f64() / wc.as_secs_f64());
}
