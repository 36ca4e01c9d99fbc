//! The findings classifier: its benchmark and its training, on the sentences labelled by
//! reading in `tests/fixtures/findings/labelled.jsonl` (mixed sentences count as the side
//! they lean to). Usage:
//!
//!   cargo run --release --example findings                 the embedded model on the test documents
//!   cargo run --release --example findings -- eval dev     … on another part (train, dev, test, all)
//!   cargo run --release --example findings -- rules test   the first round's rules, for comparison
//!   cargo run --release --example findings -- train        retrain on train + dev, rewrite the weights
//!   cargo run --release --example findings -- tune         train on train, score on dev, for a grid
//!   cargo run --release --example findings -- cv [EPOCHS RATE L2 MIN_COUNT PRUNE]   five folds of train+dev, by document
//!   cargo run --release --example findings -- speed        microseconds per sentence
//!   cargo run --release --example findings -- dump train,dev   each sentence's features, tab-separated
//!   cargo run --release --example findings -- features < lines.txt   any sentences' features (experiments outside the crate)
//!   cargo run --release --example findings -- agreement     a second reader against the first (test documents)
//!   cargo run --release --example findings -- agreement extra   … on 160 sentences of the later draws' CQC and committee text
//!
//! Prints the confusion matrix (rows: the reader's label; columns: the classifier's), each
//! class's precision and recall, and the agreement. `./dev findings` runs the first form.

use std::path::PathBuf;

use assessment_lens::analysis::classify::{classify_scored_in, classify_under, features, features_in, Model, TrainOptions, CLASSES};
use assessment_lens::analysis::{classify, Class};

struct Example {
    /// From the first draw (`labelled.jsonl`), the one whose test part the figures are on.
    first: bool,
    text: String,
    doc: String,
    split: String,
    label: Class,
    /// The analyser's section heading over the sentence (`headings.tsv`), when it found one.
    heading: Option<String>,
}

impl Example {
    /// The heading the model sees; `NO_HEADINGS=1` hides it (to measure what the headings add).
    fn heading(&self) -> Option<&str> {
        self.heading.as_deref().filter(|_| std::env::var_os("NO_HEADINGS").is_none())
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The class a labelled row counts as: its label, or for a mixed sentence the side it leans to.
fn label_of(v: &serde_json::Value) -> Class {
    let label = match v["label"].as_str() {
        Some("mixed") => v["lean"].as_str().unwrap_or("neutral"),
        Some(l) => l,
        None => "neutral",
    };
    match label {
        "strength" => Class::Strength,
        "gap" => Class::Gap,
        _ => Class::Neutral,
    }
}

fn read_jsonl(name: &str) -> Vec<serde_json::Value> {
    let path = root().join("tests/fixtures/findings").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// The labelled files: the first draw (all three parts), then the later draws of training
/// sentences (training and development documents only).
const LABELLED: [&str; 5] =
    ["labelled.jsonl", "labelled-extra.jsonl", "labelled-extra2.jsonl", "labelled-extra3.jsonl", "labelled-extra4.jsonl"];

/// Every labelled sentence of `LABELLED`.
fn load() -> Vec<Example> {
    let headings = headings();
    LABELLED.iter().flat_map(|name| load_one(name, &headings)).collect()
}

/// `headings.tsv` (made by `scripts/finding-headings.py`): each labelled sentence's heading as
/// the analyser reads it, the same the page gives the classifier.
fn headings() -> std::collections::HashMap<String, String> {
    let path = root().join("tests/fixtures/findings/headings.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run scripts/finding-headings.py)", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, h)| !h.is_empty())
        .map(|(i, h)| (i.to_string(), h.to_string()))
        .collect()
}

fn load_one(name: &str, headings: &std::collections::HashMap<String, String>) -> Vec<Example> {
    let path = root().join("tests/fixtures/findings").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            let label = label_of(&v);
            Example {
                first: name == LABELLED[0],
                text: v["text"].as_str().unwrap_or_default().to_string(),
                doc: v["doc"].as_str().unwrap_or_default().to_string(),
                split: v["split"].as_str().unwrap_or_default().to_string(),
                label,
                heading: v["id"].as_str().and_then(|i| headings.get(i)).cloned(),
            }
        })
        .collect()
}

fn part<'e>(all: &'e [Example], split: &str) -> Vec<&'e Example> {
    all.iter().filter(|e| split == "all" || split.split(',').any(|s| s == e.split)).collect()
}

fn idx(c: Class) -> usize {
    CLASSES.iter().position(|k| *k == c).unwrap_or(2)
}

/// The confusion matrix of `predict` on `examples`, printed; returns the agreement.
fn score(name: &str, examples: &[&Example], predict: impl Fn(&Example) -> Class, quiet: bool) -> f64 {
    let mut m = [[0usize; 3]; 3];
    for e in examples {
        m[idx(e.label)][idx(predict(e))] += 1;
    }
    let n = examples.len().max(1);
    let agree = (0..3).map(|k| m[k][k]).sum::<usize>() as f64 / n as f64;
    if quiet {
        return agree;
    }
    println!("{name}: {} sentences", examples.len());
    println!("{:>18} {:>9} {:>9} {:>9}", "reader \\ classifier", "strength", "gap", "neutral");
    for (k, c) in CLASSES.iter().enumerate() {
        println!("{:>18} {:>9} {:>9} {:>9}", c.as_str(), m[k][0], m[k][1], m[k][2]);
    }
    for (k, c) in CLASSES.iter().enumerate() {
        let predicted: usize = (0..3).map(|r| m[r][k]).sum();
        let actual: usize = m[k].iter().sum();
        let p = m[k][k] as f64 / predicted.max(1) as f64;
        let r = m[k][k] as f64 / actual.max(1) as f64;
        println!("{:>9}: precision {p:.2} ({}/{predicted}), recall {r:.2} ({}/{actual})", c.as_str(), m[k][k], m[k][k]);
    }
    println!("agreement {:.1}% ({}/{})", 100.0 * agree, (0..3).map(|k| m[k][k]).sum::<usize>(), examples.len());
    agree
}

/// Of `(confidence, class given, reader's label)` rows: how many are given `class` at
/// confidence `t` or above, and their precision and recall.
fn at_confidence(rows: &[(f32, Class, Class)], class: Class, t: f32) -> (usize, f64, f64) {
    let shown: Vec<_> = rows.iter().filter(|(c, k, _)| *k == class && *c >= t).collect();
    let right = shown.iter().filter(|(_, k, l)| k == l).count();
    let all = rows.iter().filter(|(_, _, l)| *l == class).count();
    (shown.len(), right as f64 / shown.len().max(1) as f64, right as f64 / all.max(1) as f64)
}

fn train_on(all: &[Example], split: &str, opts: TrainOptions) -> Model {
    let ex: Vec<(&str, Option<&str>, Class)> = part(all, split).iter().map(|e| (e.text.as_str(), e.heading(), e.label)).collect();
    Model::train_in(&ex, opts)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let all = load();
    let cmd = args.first().map(String::as_str).unwrap_or("eval");
    let split = args.get(1).map(String::as_str).unwrap_or(if cmd == "tune" { "dev" } else { "test" });
    match cmd {
        "eval" => {
            let examples = part(&all, split);
            score(&format!("embedded model, {split} documents"), &examples, |e| classify_scored_in(&e.text, e.heading()).class, false);
            // The page lists findings at this confidence or above first, the rest behind "show more".
            let t = assessment_lens::analysis::classify::CONFIDENT;
            let rows: Vec<(f32, Class, Class)> = examples
                .iter()
                .map(|e| {
                    let c = classify_scored_in(&e.text, e.heading());
                    (c.confidence, c.class, e.label)
                })
                .collect();
            for class in [Class::Gap, Class::Strength] {
                let (shown, p, r) = at_confidence(&rows, class, t);
                println!("{} listed first (confidence ≥ {t}): {shown}, precision {p:.2}, recall {r:.2}", class.as_str());
            }
        }
        "rules" => {
            let m = Model::from_tsv("r:strength\t1\t0\t0\nr:gap\t0\t1\t0\nr:neutral\t0\t0\t1\n");
            score(
                &format!("first-round rules, {split} documents"),
                &part(&all, split),
                |e| classify_under(&m, &e.text, e.heading()).class,
                false,
            );
        }
        "train" => {
            let opts = TrainOptions::default();
            let m = train_on(&all, "train,dev", opts);
            let n = part(&all, "train,dev").len();
            let header = format!(
                "Findings classifier weights: feature, then strength / gap / neutral.\n\
                 Made by `cargo run --release --example findings -- train` from {n} labelled sentences\n\
                 (tests/fixtures/findings/labelled*.jsonl, train and dev documents; the test documents are not used).\n\
                 Options: {opts:?}. Do not edit by hand.",
            );
            let path = root().join("src/analysis/classify/weights.tsv");
            std::fs::write(&path, m.to_tsv(&header)).expect("write the weights");
            println!("{} features written to {}", m.len(), path.display());
            score(
                "the new model on its own training sentences",
                &part(&all, "train,dev"),
                |e| classify_under(&m, &e.text, e.heading()).class,
                false,
            );
        }
        "tune" => {
            let dev = part(&all, split);
            for epochs in [10, 30] {
                for rate in [0.05, 0.1] {
                    for l2 in [1e-4, 1e-3, 1e-2] {
                        for min_count in [1, 3] {
                            let opts = TrainOptions { epochs, rate, l2, min_count, ..TrainOptions::default() };
                            let m = train_on(&all, "train", opts);
                            let a = score("", &dev, |e| classify_under(&m, &e.text, e.heading()).class, true);
                            println!("{opts:?}: {:.1}% on {split} ({} features)", 100.0 * a, m.len());
                        }
                    }
                }
            }
            let m = train_on(&all, "train", TrainOptions::default());
            score(
                &format!("default options, trained on train, {split} documents"),
                &dev,
                |e| classify_under(&m, &e.text, e.heading()).class,
                false,
            );
            let misses: Vec<_> = dev.iter().filter(|e| classify_under(&m, &e.text, e.heading()).class != e.label).take(60).collect();
            for e in misses {
                let c = classify_under(&m, &e.text, e.heading());
                let f = features(&e.text);
                println!(
                    "- reader {} / model {} ({:.2}, {:?}): {}  [{} features]",
                    e.label.as_str(),
                    c.class.as_str(),
                    c.confidence,
                    c.cue,
                    e.text,
                    f.len()
                );
            }
        }
        "cv" => {
            // Five folds of the training and development documents, by document.
            let pool = part(&all, "train,dev");
            let fold = |e: &Example| e.doc.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32)) % 5;
            let num = |i: usize, d: f32| args.get(i).and_then(|a| a.parse::<f32>().ok()).unwrap_or(d);
            let d = TrainOptions::default();
            let opts = TrainOptions {
                epochs: num(1, d.epochs as f32) as usize,
                rate: num(2, d.rate),
                l2: num(3, d.l2),
                min_count: num(4, d.min_count as f32) as usize,
                prune: num(5, d.prune),
                class_weight: [1.0, num(6, 1.0), num(7, 1.0)],
            };
            let mut m3 = [[0usize; 3]; 3];
            // The same, on the first draw's sentences only (comparable with the figures made
            // before the later draws were labelled).
            let (mut first_n, mut first_agree) = (0usize, 0usize);
            let mut confident: Vec<(f32, Class, Class)> = Vec::new();
            let mut size = 0;
            for f in 0..5 {
                let train: Vec<(&str, Option<&str>, Class)> =
                    pool.iter().filter(|e| fold(e) != f).map(|e| (e.text.as_str(), e.heading(), e.label)).collect();
                let m = Model::train_in(&train, opts);
                size += m.len();
                for e in pool.iter().filter(|e| fold(e) == f) {
                    let c = classify_under(&m, &e.text, e.heading());
                    m3[idx(e.label)][idx(c.class)] += 1;
                    if e.first {
                        first_n += 1;
                        first_agree += usize::from(c.class == e.label);
                    }
                    confident.push((c.confidence, c.class, e.label));
                    if std::env::var_os("SHOW").is_some() && c.class != e.label {
                        println!("- {} {} → {} ({:.2}, {:?}): {}", e.doc, e.label.as_str(), c.class.as_str(), c.confidence, c.cue, e.text);
                    }
                }
            }
            let n: usize = m3.iter().flatten().sum();
            let agree = (0..3).map(|k| m3[k][k]).sum::<usize>();
            let pr = |k: usize| {
                (
                    m3[k][k] as f64 / (0..3).map(|r| m3[r][k]).sum::<usize>().max(1) as f64,
                    m3[k][k] as f64 / m3[k].iter().sum::<usize>().max(1) as f64,
                )
            };
            for t in [0.5f32, 0.6, 0.7, 0.8, 0.9] {
                for class in [Class::Gap, Class::Strength] {
                    let (shown, p, r) = at_confidence(&confident, class, t);
                    println!("  {} shown at confidence ≥ {t:.1}: {shown} (precision {p:.2}, recall {r:.2})", class.as_str());
                }
            }
            println!("5-fold by document, {n} sentences, {opts:?}: agreement {:.1}%; gap P/R {:.2}/{:.2}; strength P/R {:.2}/{:.2}; neutral P/R {:.2}/{:.2}; {m3:?}",
                100.0 * agree as f64 / n as f64, pr(1).0, pr(1).1, pr(0).0, pr(0).1, pr(2).0, pr(2).1);
            println!(
                "  of them the first draw's {first_n}: agreement {:.1}%; {} features a model",
                100.0 * first_agree as f64 / first_n.max(1) as f64,
                size / 5
            );
        }
        "agreement" => {
            // A second reader labelled every sentence blind, under the same rubric: how far the
            // first reader's labels are a target a careful reader reaches.
            // `agreement extra`: 160 sentences of the later draws' CQC and committee text, labelled
            // again blind, against their labels (are the later draws labelled as the first?).
            let extra = split == "extra";
            let second: std::collections::HashMap<String, Class> =
                read_jsonl(if extra { "second-reader-extra.jsonl" } else { "second-reader.jsonl" })
                    .iter()
                    .map(|v| (v["id"].as_str().unwrap_or_default().to_string(), label_of(v)))
                    .collect();
            let first: Vec<serde_json::Value> =
                if extra { LABELLED[1..].iter().flat_map(|f| read_jsonl(f)).collect() } else { read_jsonl("labelled.jsonl") };
            let rows: Vec<&serde_json::Value> = first
                .iter()
                .filter(|v| {
                    if extra {
                        second.contains_key(v["id"].as_str().unwrap_or_default())
                    } else {
                        split == "all" || split.split(',').any(|s| Some(s) == v["split"].as_str())
                    }
                })
                .collect();
            let examples: Vec<Example> = rows
                .iter()
                .map(|v| Example {
                    first: true,
                    text: v["id"].as_str().unwrap_or_default().to_string(),
                    doc: String::new(),
                    split: String::new(),
                    label: label_of(v),
                    heading: None,
                })
                .collect();
            let refs: Vec<&Example> = examples.iter().collect();
            // `score` predicts from the example's text; here the text is the id, looked up.
            score(
                &format!("second reader against the first, {split} documents"),
                &refs,
                |e| second.get(&e.text).copied().unwrap_or(Class::Neutral),
                false,
            );
        }
        "dump" => {
            // One line a sentence: split, draw (first / later), document, label, then its features,
            // tab-separated (for trying other learners on the same features outside this crate).
            for e in part(&all, split) {
                let draw = if e.first { "first" } else { "later" };
                println!("{}\t{draw}\t{}\t{}\t{}", e.split, e.doc, e.label.as_str(), features_in(&e.text, e.heading()).join("\t"));
            }
        }
        "features" => {
            // Each line of standard input's features, tab-separated (for experiments outside this crate).
            for line in std::io::stdin().lines().map_while(Result::ok) {
                println!("{}", features(&line).join("\t"));
            }
        }
        "speed" => {
            // Where the time of one classification goes, over every labelled sentence, ten times.
            let texts: Vec<&str> = all.iter().map(|e| e.text.as_str()).collect();
            let time = |name: &str, f: &dyn Fn(&str)| {
                let t = std::time::Instant::now();
                for _ in 0..10 {
                    texts.iter().for_each(|s| f(s));
                }
                println!("{name}: {:.1} µs a sentence", t.elapsed().as_secs_f64() * 1e6 / (10 * texts.len()) as f64);
            };
            time("features", &|s| {
                let _ = std::hint::black_box(features(s));
            });
            time("probabilities", &|s| {
                let _ = std::hint::black_box(assessment_lens::analysis::classify::model().probabilities(&features(s)));
            });
            time("classify (with the words that decided)", &|s| {
                let _ = std::hint::black_box(classify(s));
            });
        }
        other => {
            eprintln!("unknown command {other}: eval | rules | train | tune");
            std::process::exit(2);
        }
    }
}
