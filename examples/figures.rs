//! The figures benchmark: the analyser's figures against a reviewed set made by reading.
//!
//! `tests/fixtures/figures/reviewed.jsonl` holds 156 figures the analyser took from the CQC
//! assessments, the committee papers and area inspection letters in `tests/fixtures/`, each
//! reviewed by a reader who saw the sentence and the number but not the analyser's label
//! (`tests/fixtures/figures/README.md`): whether it is a real figure, the label a person would
//! write, the value, comparator, previous value, target and the report's verdict.
//!
//!     cargo run --release --example figures          # the table of rates
//!     cargo run --release --example figures -- show  # every disagreement
//!
//! A figure is matched to its review by document, evidence sentence and value; figures the
//! analyser finds now that were not reviewed are counted apart.

use std::collections::HashMap;
use std::path::PathBuf;

use assessment_lens::analysis::{analyse, Metric};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where a reviewed document's text is kept.
fn text_of(doc: &str) -> Option<String> {
    ["tests/fixtures/reports", "tests/fixtures/variants", "tests/fixtures/wide/area-text", "tests/fixtures/wide/text"]
        .iter()
        .map(|d| root().join(d).join(doc))
        .find(|p| p.exists())
        .and_then(|p| std::fs::read_to_string(p).ok())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that carry no meaning in a label.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "to", "for", "and", "or", "with", "by", "on", "at", "who", "were", "was", "is", "are", "that", "their",
    "from", "as", "this", "it", "its", "had", "has", "have", "be", "been", "which", "than", "all",
];

fn words(label: &str) -> Vec<String> {
    let mut out: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .map(|w| if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_string() } else { w })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How far two labels name the same thing: Dice's coefficient over their content words.
pub fn label_similarity(a: &str, b: &str) -> f64 {
    let (x, y) = (words(a), words(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let common = x.iter().filter(|w| y.contains(w)).count();
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Labels agree from this similarity.
const AGREE: f64 = 0.5;

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-6 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn num(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

#[derive(Default)]
pub struct Tally {
    pub n: usize,
    pub right: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.right += usize::from(ok);
    }
    pub fn share(&self) -> f64 {
        self.right as f64 / self.n.max(1) as f64
    }
    fn rate(&self) -> String {
        format!("{:.1}% ({}/{})", 100.0 * self.right as f64 / self.n.max(1) as f64, self.right, self.n)
    }
}

/// The benchmark's figures.
#[derive(Default)]
pub struct Figures {
    pub reviewed: usize,
    pub found: usize,
    pub missing: usize,
    /// Of those no longer found, the real figures (a lost figure, not a false one gone).
    pub missing_real: usize,
    /// Of the real ones no longer found, those now given at the value the reader reads.
    pub now_at_readers_value: usize,
    pub unreviewed: usize,
    pub false_figures: Tally,
    pub label: Tally,
    pub similarity: f64,
    pub value: Tally,
    pub comparator: Tally,
    pub target: Tally,
    pub verdict: Tally,
    pub verdict_words: Tally,
}

/// Run the benchmark; `show` prints each disagreement.
pub fn run(show: bool) -> Figures {
    let path = root().join("tests/fixtures/figures/reviewed.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let reviews: Vec<serde_json::Value> =
        text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let mut by_doc: HashMap<String, Vec<&serde_json::Value>> = HashMap::new();
    for r in &reviews {
        by_doc.entry(r["doc"].as_str().unwrap_or_default().to_string()).or_default().push(r);
    }
    let mut docs: Vec<&String> = by_doc.keys().collect();
    docs.sort();
    let mut f = Figures { reviewed: reviews.len(), ..Figures::default() };
    for doc in docs {
        let Some(input) = text_of(doc) else {
            eprintln!("{doc}: text not found");
            continue;
        };
        let report = analyse(&input);
        let mut seen = vec![false; by_doc[doc].len()];
        for m in &report.metrics {
            let evidence = squash(input.get(m.span.0..m.span.1).unwrap_or_default());
            let hit = by_doc[doc].iter().enumerate().find(|(k, r)| {
                !seen[*k] && r["evidence"].as_str() == Some(evidence.as_str()) && same(num(&r["extracted_value"]), Some(m.value))
            });
            let Some((k, r)) = hit else {
                f.unreviewed += 1;
                if show {
                    println!("unreviewed {doc}: {} = {} ({evidence})", m.label, m.value);
                }
                continue;
            };
            seen[k] = true;
            f.found += 1;
            let real = r["real"].as_bool().unwrap_or(true);
            f.false_figures.add(!real);
            if !real {
                if show {
                    println!("FALSE {doc}: {} = {}: {}", m.label, m.value, r["note"].as_str().unwrap_or_default());
                }
                continue;
            }
            judge(m, r, show, doc, &mut f);
        }
        for (k, r) in by_doc[doc].iter().enumerate().filter(|(k, _)| !seen[*k]) {
            f.missing += 1;
            // A real figure reviewed at a value the analyser no longer gives (a trend's earlier
            // value, "down from 22 days to 18 days") is not lost when the analyser now gives the
            // value the reader reads, in the same sentence.
            let at_readers_value = report.metrics.iter().any(|m| {
                squash(input.get(m.span.0..m.span.1).unwrap_or_default()) == r["evidence"].as_str().unwrap_or_default()
                    && same(num(&r["value"]), Some(m.value))
            });
            if r["real"].as_bool().unwrap_or(true) && at_readers_value {
                f.now_at_readers_value += 1;
            } else if r["real"].as_bool().unwrap_or(true) {
                f.missing_real += 1;
            }
            if show {
                println!("no longer found {doc} #{k}: {} ({})", r["extracted_value"], r["evidence"].as_str().unwrap_or_default());
            }
        }
    }
    f
}

/// The held-out figures: every figure a reader listed in documents the figure rules were not
/// written from (`tests/fixtures/figures/heldout/`), against what the analyser gives.
#[derive(Default)]
pub struct HeldOut {
    pub docs: usize,
    /// Of the reader's figures, how many the analyser gives (same sentence, same value).
    pub found: Tally,
    /// Of the analyser's figures, how many the reader listed (the rest: not a figure to the
    /// reader, or one the reader left out by the task's rules).
    pub listed: Tally,
    /// Of the matched ones, as in `Figures`.
    pub label: Tally,
    pub similarity: f64,
    pub value: Tally,
    pub comparator: Tally,
    pub target: Tally,
    pub verdict: Tally,
    pub verdict_words: Tally,
}

fn word_set(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The reader's sentence and the analyser's are one: most of the shorter one's words are in the
/// longer (readers joined list lead-ins and dropped page numbers; the analyser cuts at lines).
fn same_sentence(a: &str, b: &str) -> bool {
    let (x, y) = (word_set(a), word_set(b));
    let (small, big) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    !small.is_empty() && small.iter().filter(|w| big.contains(*w)).count() as f64 >= 0.6 * small.len() as f64
}

/// Run the held-out benchmark; `show` prints each miss and disagreement.
pub fn run_heldout(show: bool) -> HeldOut {
    run_listed("heldout", HELDOUT_DOCS, show)
}

/// The same over the development documents (`tests/fixtures/figures/dev/`): the rules for
/// plainly stated figures were written from these.
pub fn run_dev(show: bool) -> HeldOut {
    run_listed(
        "dev",
        &[
            "ofsted-hampshire-2014.txt",
            "ofsted-derbyshire-2014.txt",
            "ofsted-sheffield-2014.txt",
            "ofsted-hartlepool-2014.txt",
            "send-north-yorkshire-2024.txt",
            "send-sandwell-2023.txt",
            "send-bury-2024.txt",
            "send-wiltshire-2024.txt",
            "ofsted-kingston-upon-thames-2025.txt",
            "ofsted-st-helens-2023.txt",
        ],
        show,
    )
}

fn run_listed(folder: &str, listed_docs: &[&str], show: bool) -> HeldOut {
    let dir = root().join("tests/fixtures/figures").join(folder);
    let mut gold: Vec<serde_json::Value> = Vec::new();
    let mut names: Vec<std::path::PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    names.sort();
    for p in names.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        gold.extend(text.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| serde_json::from_str(l).ok()));
    }
    // Documents read: every one named in a task's list, including those with no figures.
    let mut docs: Vec<String> = listed_docs.iter().map(|d| d.to_string()).collect();
    for g in &gold {
        let d = g["doc"].as_str().unwrap_or_default().to_string();
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    let mut h = HeldOut { docs: docs.len(), ..HeldOut::default() };
    let mut f = Figures::default();
    for doc in &docs {
        let Some(input) = text_of(doc) else {
            eprintln!("{doc}: text not found");
            continue;
        };
        let report = analyse(&input);
        let listed: Vec<&serde_json::Value> = gold.iter().filter(|g| g["doc"].as_str() == Some(doc.as_str())).collect();
        let mut taken = vec![false; listed.len()];
        for m in &report.metrics {
            let evidence = squash(input.get(m.span.0..m.span.1).unwrap_or_default());
            let hit = listed.iter().enumerate().find(|(k, g)| {
                !taken[*k] && same(num(&g["value"]), Some(m.value)) && same_sentence(g["evidence"].as_str().unwrap_or_default(), &evidence)
            });
            h.listed.add(hit.is_some());
            match hit {
                Some((k, g)) => {
                    taken[k] = true;
                    judge(m, g, show, doc, &mut f);
                }
                None if show => println!("NOT LISTED {doc}: {} = {} ({evidence})", m.label, m.value),
                None => {}
            }
        }
        for (k, g) in listed.iter().enumerate() {
            h.found.add(taken[k]);
            if show && !taken[k] {
                println!("MISSED {doc}: {} = {} ({})", g["label"], g["value"], g["evidence"].as_str().unwrap_or_default());
            }
        }
    }
    h.label = f.label;
    h.similarity = f.similarity;
    h.value = f.value;
    h.comparator = f.comparator;
    h.target = f.target;
    h.verdict = f.verdict;
    h.verdict_words = f.verdict_words;
    h
}

/// The documents the held-out readers were given (some state no figures).
const HELDOUT_DOCS: &[&str] = &[
    "ofsted-doncaster-2015.txt",
    "ofsted-swindon-2014.txt",
    "ofsted-cornwall-2016.txt",
    "ofsted-stoke-on-trent-2015.txt",
    "ofsted-torbay-2016.txt",
    "ofsted-bury-2016.txt",
    "ofsted-wigan-2017.txt",
    "send-bolton-2024.txt",
    "send-darlington-2025.txt",
    "send-dorset-2024.txt",
    "send-east-sussex-2025.txt",
    "send-hertfordshire-2023.txt",
    "send-milton-keynes-2024.txt",
    "send-newham-2024.txt",
    "send-plymouth-2023.txt",
    "send-richmond-upon-thames-2023.txt",
    "send-warrington-2023.txt",
    "jtai-central-bedfordshire-2016.txt",
    "jtai-cheshire-east-2022.txt",
    "jtai-haringey-2018.txt",
    "jtai-hertfordshire-2024.txt",
    "jtai-hounslow-2017.txt",
    "ofsted-sunderland-2025.txt",
    "ofsted-bolton-2023.txt",
    "ofsted-knowsley-2017.txt",
];

#[allow(dead_code)]
fn main() {
    let part = std::env::args().nth(1);
    if matches!(part.as_deref(), Some("heldout") | Some("dev")) {
        let show = std::env::args().nth(2).as_deref() == Some("show");
        let h = if part.as_deref() == Some("dev") { run_dev(show) } else { run_heldout(show) };
        println!(
            "{} figures: {} documents{}, every figure listed by reading",
            part.as_deref().unwrap_or_default(),
            h.docs,
            if part.as_deref() == Some("dev") {
                " the rules for stated figures were written from"
            } else {
                " the figure rules were not written from"
            }
        );
        println!("  the reader's figures the analyser gives (same sentence, same value): {}", h.found.rate());
        println!("  the analyser's figures the reader listed:                           {}", h.listed.rate());
        println!("  of those matched:");
        print_matched([&h.label, &h.value, &h.comparator, &h.target, &h.verdict, &h.verdict_words], h.similarity);
        return;
    }
    let show = std::env::args().nth(1).as_deref() == Some("show");
    let f = run(show);
    println!(
        "figures benchmark: {} reviewed figures, {} found again, {} no longer found ({} of them real figures lost; {} real ones now given at the value the reader reads instead), {} found but not reviewed",
        f.reviewed, f.found, f.missing, f.missing_real, f.now_at_readers_value, f.unreviewed
    );
    println!("  false figures (not a figure the report states): {}", f.false_figures.rate());
    println!("  of the real ones:");
    print_matched([&f.label, &f.value, &f.comparator, &f.target, &f.verdict, &f.verdict_words], f.similarity);
}

/// The rates of the matched figures: label, value, comparator, target, verdict, verdict in words.
fn print_matched(t: [&Tally; 6], similarity: f64) {
    let [label, value, comparator, target, verdict, words] = t;
    println!(
        "    label agrees with the reader's (content-word Dice ≥ {AGREE}): {}; mean similarity {:.2}",
        label.rate(),
        similarity / label.n.max(1) as f64
    );
    println!("    value as the reader reads it:                  {}", value.rate());
    println!("    comparator (England etc.) as the reader's:     {}", comparator.rate());
    println!("    target as the reader's:                        {}", target.rate());
    println!("    verdict as the reader's:                       {}", verdict.rate());
    println!("    verdict, where the reader's is the report's words: {}", words.rate());
}

/// Score one real figure against its review: label, value, comparator, target, verdict.
fn judge(m: &Metric, r: &serde_json::Value, show: bool, doc: &str, f: &mut Figures) {
    let reader = r["label"].as_str().unwrap_or_default();
    let sim = label_similarity(&m.label, reader);
    f.similarity += sim;
    f.label.add(sim >= AGREE);
    let value_ok = same(Some(m.value), num(&r["value"]));
    f.value.add(value_ok);
    let (comp, tgt) = match &m.comparator {
        Some(c) if m.has_target() => (None, Some(c.value)),
        Some(c) => (Some(c.value), None),
        None => (None, None),
    };
    let comp_ok = same(comp, num(&r["comparator_value"]));
    f.comparator.add(comp_ok);
    let target_ok = same(tgt, num(&r["target_value"]));
    f.target.add(target_ok);
    let said = m.judgement.map(|v| v.as_str());
    let verdict_ok = said == r["verdict"].as_str();
    f.verdict.add(verdict_ok);
    if r["verdict_from"].as_str() != Some("direction") {
        f.verdict_words.add(verdict_ok);
    }
    if show && (sim < AGREE || !value_ok || !comp_ok || !target_ok || !verdict_ok) {
        println!(
            "{doc}: “{}” {} {:?} vs reader “{reader}” {} {} {} {}",
            m.label, m.value, said, r["value"], r["comparator_value"], r["target_value"], r["verdict"]
        );
    }
}
