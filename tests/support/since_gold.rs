//! Shared by `examples/since.rs` and `tests/since.rs`: the labelled follow-through statuses
//! (`tests/fixtures/since/labels-*.jsonl`) and the analyser's, compared.

use std::path::PathBuf;

use assessment_lens::analysis::analyse_named;
use assessment_lens::analysis::since::{decide_with, since, Closeness, Status, DECISION_FEATURES};

/// Which labelled file is which part, fixed once (2026-12-07) by series: the first two files'
/// four series to develop on, the last two files' five series (labelled after the matching was
/// written, never used to tune it) to report.
pub const PARTS: [(&str, &str); 6] = [
    ("dev", "labels-1.jsonl"),
    ("dev", "labels-2.jsonl"),
    ("test", "labels-3.jsonl"),
    ("test", "labels-4.jsonl"),
    ("dev2", "labels-5.jsonl"),
    ("dev3", "labels-6.jsonl"),
];

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

/// Each labelled item's closeness measures beside its label, tab-separated (for trying other
/// decisions outside the crate).
#[allow(dead_code)] // used by examples/since.rs
pub fn dump(part: &str) -> String {
    let mut out = String::from("part\tseries\titem\tlabel\tstated\tgap\tstrength\tgap3\tstrength3\tboard\tanalyser\n");
    for_each(part, |p, name, item, lab, _, f| {
        let Some(f) = f else { return };
        let x = f.closeness.features().map(|v| format!("{v:.3}")).join("\t");
        out += &format!("{p}\t{name}\t{item}\t{}\t{x}\t{}\n", lab.as_str(), f.status.as_str());
    });
    out
}

/// The labelled items of `part`: series, closeness, the reader's status.
pub fn rows(part: &str) -> Vec<(String, Closeness, Status)> {
    let mut out = Vec::new();
    for_each(part, |_, name, _, lab, _, f| out.extend(f.map(|f| (name.to_string(), f.closeness, lab))));
    out
}

type Weights = [[f32; DECISION_FEATURES + 1]; 3];

/// A multinomial logistic regression of the statuses on the closeness measures: full-batch
/// gradient descent on the mean cross-entropy plus an L2 penalty (not on the bias) of
/// `1 / (2 c n)`, as scikit-learn's `LogisticRegression(C = c)`. Deterministic.
pub fn fit(rows: &[(String, Closeness, Status)], c: f32) -> Weights {
    let n = rows.len().max(1) as f32;
    let lambda = 1.0 / (c * n);
    let xs: Vec<([f32; DECISION_FEATURES + 1], usize)> = rows
        .iter()
        .map(|(_, cl, st)| {
            let f = cl.features();
            let mut x = [1.0; DECISION_FEATURES + 1];
            x[..DECISION_FEATURES].copy_from_slice(&f);
            (x, STATUSES.iter().position(|s| s == st).unwrap_or(2))
        })
        .collect();
    let mut w: Weights = [[0.0; DECISION_FEATURES + 1]; 3];
    for _ in 0..30_000 {
        let mut grad: Weights = [[0.0; DECISION_FEATURES + 1]; 3];
        for (x, y) in &xs {
            let s: Vec<f32> = w.iter().map(|row| row.iter().zip(x).map(|(a, b)| a * b).sum()).collect();
            let m = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let e: Vec<f32> = s.iter().map(|v| (v - m).exp()).collect();
            let z: f32 = e.iter().sum();
            for k in 0..3 {
                let d = e[k] / z - f32::from(u8::from(k == *y));
                for j in 0..=DECISION_FEATURES {
                    grad[k][j] += d * x[j] / n;
                }
            }
        }
        for k in 0..3 {
            for j in 0..=DECISION_FEATURES {
                let penalty = if j < DECISION_FEATURES { lambda * w[k][j] } else { 0.0 };
                w[k][j] -= 0.5 * (grad[k][j] + penalty);
            }
        }
    }
    w
}

/// Leave one series out: each series scored by weights fitted to the others. Returns (agreed, n).
#[allow(dead_code)] // used by examples/since.rs
pub fn cross_validate(rows: &[(String, Closeness, Status)], c: f32) -> (usize, usize) {
    let mut names: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    names.sort();
    names.dedup();
    let mut agree = 0;
    for name in names {
        let train: Vec<(String, Closeness, Status)> = rows.iter().filter(|r| &r.0 != name).cloned().collect();
        let w = fit(&train, c);
        agree += rows.iter().filter(|r| &r.0 == name && decide_with(&w, &r.1) == r.2).count();
    }
    (agree, rows.len())
}

/// The Rust source of `src/analysis/since_decision.rs` for weights `w`.
#[allow(dead_code)] // used by examples/since.rs
pub fn decision_source(w: &Weights, note: &str) -> String {
    let mut s = format!(
        "//! The since-last-time decision's weights. Do not edit by hand: made by\n//! `cargo run --release --example since -- train` ({note}).\n\n\
         /// Rows: recurs, improved, not mentioned; columns: stated, gap, strength, gap3, strength3, board, bias.\n\
         pub const DECISION: [[f32; 7]; 3] = [\n"
    );
    for row in w {
        s += &format!("    [{}],\n", row.iter().map(|v| format!("{v:.4}")).collect::<Vec<_>>().join(", "));
    }
    s + "];\n"
}

/// Calls `each` for every labelled item, series by series, with what the analyser made of it
/// (`None` when it does not list the item).
fn for_each(part: &str, mut each: impl FnMut(&str, &str, i64, Status, &str, Option<&assessment_lens::analysis::since::FollowThrough>)) {
    for (p, file) in PARTS {
        if part != "all" && !part.split(',').any(|x| x == p) {
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
            for lab in labels.iter().filter(|x| x["series"].as_str() == Some(&name)) {
                let item = of.iter().find(|i| i["item"] == lab["item"]).and_then(|i| i["text"].as_str()).unwrap_or_default();
                let f = s.follow_through.iter().find(|f| f.text == item);
                let (status, evidence) =
                    (status_of(lab["status"].as_str().unwrap_or_default()), lab["evidence"].as_str().unwrap_or_default());
                each(p, &name, lab["item"].as_i64().unwrap_or(-1), status, evidence, f);
            }
        }
    }
}

/// Of the labelled items whose reader quoted a later sentence: how many the analyser shows
/// as its evidence, how many among its evidence and the next closest it lists (`also`), and
/// how many there are. A quote is found in a sentence when their words agree (a reader may
/// quote part of one).
#[allow(dead_code)] // used by examples/since.rs
pub fn quotes_found(part: &str) -> (usize, usize, usize) {
    let key = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (mut first, mut listed, mut n) = (0, 0, 0);
    for_each(part, |_, _, _, want, evidence, f| {
        let (Some(f), q) = (f, key(evidence)) else { return };
        if want == Status::NotMentioned || q.len() < 20 {
            return;
        }
        n += 1;
        let holds = |m: &assessment_lens::analysis::since::Match| {
            let t = key(&m.text);
            t.contains(&q) || q.contains(&t)
        };
        let shown = f.evidence.as_ref().is_some_and(holds);
        first += usize::from(shown);
        listed += usize::from(shown || f.also.iter().any(holds));
    });
    (first, listed, n)
}

/// Two readers' statuses for the same items (`first`, `second`: files of this folder), as
/// "agreed/n (rate)" with the disagreements.
pub fn reader_agreement(first: &str, second: &str) -> String {
    let key = |v: &serde_json::Value| (v["series"].as_str().unwrap_or_default().to_string(), v["item"].as_i64().unwrap_or(-1));
    let other: std::collections::HashMap<(String, i64), String> =
        jsonl(second).iter().map(|v| (key(v), v["status"].as_str().unwrap_or_default().to_string())).collect();
    let (mut agree, mut n, mut out) = (0, 0, String::new());
    for v in jsonl(first) {
        let Some(b) = other.get(&key(&v)) else { continue };
        let a = v["status"].as_str().unwrap_or_default();
        n += 1;
        if a == b {
            agree += 1;
        } else {
            out += &format!("  {} #{}: {a} / {b}\n", key(&v).0, key(&v).1);
        }
    }
    format!("two readers agree on {agree} of {n} items ({:.1}%)\n{out}", 100.0 * agree as f64 / n.max(1) as f64)
}

pub fn score(part: &str, show: bool) -> Score {
    let idx = |s: Status| STATUSES.iter().position(|x| *x == s).unwrap_or(2);
    let mut out = Score { part: part.to_string(), matrix: [[0; 3]; 3], unmatched: 0, series: Vec::new() };
    for_each(part, |_, name, item, want, _, f| {
        if out.series.last().is_none_or(|s| s.0 != name) {
            out.series.push((name.to_string(), 0, 0));
        }
        let Some(f) = f else {
            out.unmatched += 1;
            return;
        };
        out.matrix[idx(want)][idx(f.status)] += 1;
        let Some(series) = out.series.last_mut() else { return };
        series.2 += 1;
        if want == f.status {
            series.1 += 1;
        } else if show {
            let ev = f.evidence.as_ref();
            println!(
                "{name} #{item}: reader {} / analyser {} ({:.2} {:?}) — {}\n    later: {}",
                want.as_str(),
                f.status.as_str(),
                ev.map_or(0.0, |m| m.similarity),
                ev.map(|m| m.shared.clone()).unwrap_or_default(),
                f.text,
                ev.map(|m| m.text.as_str()).unwrap_or("")
            );
        }
    });
    out
}
