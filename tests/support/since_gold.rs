//! Shared by `examples/since.rs` and `tests/since.rs`: the labelled follow-through statuses
//! (`tests/fixtures/since/labels-*.jsonl`) and the analyser's, compared.

use std::path::PathBuf;

use assessment_lens::analysis::analyse_named;
use assessment_lens::analysis::since::{since, Status};

/// Which labelled file is which part, fixed once (2026-12-07) by series: the first two files'
/// four series to develop on, the last two files' five series (labelled after the matching was
/// written, never used to tune it) to report.
pub const PARTS: [(&str, &str); 4] =
    [("dev", "labels-1.jsonl"), ("dev", "labels-2.jsonl"), ("test", "labels-3.jsonl"), ("test", "labels-4.jsonl")];

const STATUSES: [Status; 3] = [Status::Recurs, Status::Improved, Status::NotMentioned];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn text_of(name: &str) -> String {
    for dir in ["tests/fixtures/since", "tests/fixtures/reports", "tests/fixtures/wide/text"] {
        if let Ok(t) = std::fs::read_to_string(root().join(dir).join(name)) {
            return t;
        }
    }
    panic!("{name}: not in tests/fixtures")
}

fn jsonl(name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/since").join(name)).expect("labelled file");
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("JSON line")).collect()
}

fn status_of(s: &str) -> Status {
    match s {
        "recurs" => Status::Recurs,
        "improved" => Status::Improved,
        _ => Status::NotMentioned,
    }
}

pub struct Score {
    pub part: String,
    pub matrix: [[usize; 3]; 3],
    /// Labelled items the analyser did not list (its stated gaps changed).
    pub unmatched: usize,
    pub series: Vec<(String, usize, usize)>,
}

impl Score {
    pub fn n(&self) -> usize {
        self.matrix.iter().flatten().sum()
    }
    pub fn agree(&self) -> usize {
        (0..3).map(|k| self.matrix[k][k]).sum()
    }
    pub fn rate(&self) -> f64 {
        self.agree() as f64 / self.n().max(1) as f64
    }
    pub fn render(&self) -> String {
        let mut s = format!("since-last-time benchmark, {} series:\n", self.part);
        for (name, agree, n) in &self.series {
            s += &format!("  {name}: {agree}/{n}\n");
        }
        s += "  reader \\ analyser   recurs improved not_mentioned\n";
        for (k, st) in STATUSES.iter().enumerate() {
            s += &format!("  {:<18} {:>6} {:>8} {:>13}\n", st.as_str(), self.matrix[k][0], self.matrix[k][1], self.matrix[k][2]);
        }
        s += &format!(
            "  agreement {:.1}% ({}/{}); {} labelled items not listed by the analyser",
            100.0 * self.rate(),
            self.agree(),
            self.n(),
            self.unmatched
        );
        s
    }
}

pub fn score(part: &str, show: bool) -> Score {
    let idx = |s: Status| STATUSES.iter().position(|x| *x == s).unwrap_or(2);
    let mut out = Score { part: part.to_string(), matrix: [[0; 3]; 3], unmatched: 0, series: Vec::new() };
    for (p, file) in PARTS {
        if part != "all" && part != p {
            continue;
        }
        let path = root().join("tests/fixtures/since").join(file);
        if !path.exists() {
            continue;
        }
        let labels = jsonl(file);
        let items = jsonl(&file.replace("labels", "items"));
        let mut names: Vec<String> = labels.iter().filter_map(|l| l["series"].as_str().map(String::from)).collect();
        names.dedup();
        for name in names {
            let of: Vec<&serde_json::Value> = items.iter().filter(|i| i["series"].as_str() == Some(&name)).collect();
            let (Some(e), Some(l)) = (of.first().and_then(|i| i["earlier"].as_str()), of.first().and_then(|i| i["later"].as_str())) else {
                continue;
            };
            let (earlier, later) = (analyse_named(e, &text_of(e)), analyse_named(l, &text_of(l)));
            let s = since(&[&later, &earlier]);
            let (mut agree, mut n) = (0, 0);
            for lab in labels.iter().filter(|x| x["series"].as_str() == Some(&name)) {
                let item = of.iter().find(|i| i["item"] == lab["item"]).and_then(|i| i["text"].as_str()).unwrap_or_default();
                let Some(f) = s.follow_through.iter().find(|f| f.text == item) else {
                    out.unmatched += 1;
                    continue;
                };
                let want = status_of(lab["status"].as_str().unwrap_or_default());
                out.matrix[idx(want)][idx(f.status)] += 1;
                n += 1;
                if want == f.status {
                    agree += 1;
                } else if show {
                    let ev = f.evidence.as_ref();
                    println!(
                        "{name} #{}: reader {} / analyser {} ({:.2} {:?}) — {}\n    later: {}",
                        lab["item"],
                        want.as_str(),
                        f.status.as_str(),
                        ev.map_or(0.0, |m| m.similarity),
                        ev.map(|m| m.shared.clone()).unwrap_or_default(),
                        item,
                        ev.map(|m| m.text.as_str()).unwrap_or("")
                    );
                }
            }
            out.series.push((name, agree, n));
        }
    }
    out
}
