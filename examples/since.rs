//! The "since last time" benchmark: the follow-through of an earlier report's stated gaps,
//! against statuses labelled by reading both reports (`tests/fixtures/since/`, see its README).
//!
//!   cargo run --release --example since            the test series (see tests/fixtures/since/README.md)
//!   cargo run --release --example since -- dev     the series the matching was developed on
//!   cargo run --release --example since -- all     both; add `show` to print each disagreement
//!   cargo run --release --example since -- dump dev   each item's closeness measures and label (TSV)
//!   cargo run --release --example since -- cv         the decision left one development series out at a time
//!   cargo run --release --example since -- train      fit the decision to the development series, rewrite its weights
//!   cargo run --release --example since -- agreement  a second reader against the first (the second development file)
//!   cargo run --release --example since -- terms < lines.txt   each line as the matcher's terms
//!   cargo run --release --example since -- quotes [PARTS]   is the sentence a reader quoted shown (evidence, or among the next closest)?
//!
//! Prints the confusion matrix (rows: the reader's status; columns: the analyser's) and the
//! agreement. `tests/since.rs` keeps a floor under it.

#[path = "../tests/support/since_gold.rs"]
mod since_gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let part = args.iter().find(|a| *a != "show" && *a != "dump").map(String::as_str).unwrap_or("test");
    let show = args.iter().any(|a| a == "show");
    // The decision: fitted to the development series (never the test ones).
    const TRAIN: &str = "dev,dev2,dev3";
    const C: f32 = 3.0;
    if args.first().is_some_and(|a| a == "terms") {
        // Each line of standard input as the matcher's terms (for experiments outside the crate).
        for line in std::io::stdin().lines().map_while(Result::ok) {
            println!("{}", assessment_lens::analysis::since::terms(&line).join(" "));
        }
        return;
    }
    if args.first().is_some_and(|a| a == "quotes") {
        // Where the sentence a reader quoted stands among what the analyser shows.
        let part = args.get(1).map(String::as_str).unwrap_or("dev,dev2,dev3");
        let (first, listed, n) = since_gold::quotes_found(part);
        let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
        println!(
            "{part}: of {n} items whose reader quoted a later sentence, the analyser shows it as its evidence for {first} ({:.0}%), \
             as its evidence or among the {} next closest it lists for {listed} ({:.0}%)",
            pct(first),
            assessment_lens::analysis::since::ALSO,
            pct(listed)
        );
        return;
    }
    if args.first().is_some_and(|a| a == "cv") {
        let rows = since_gold::rows(TRAIN);
        for c in [0.3, 1.0, 3.0, 10.0] {
            let (agree, n) = since_gold::cross_validate(&rows, c);
            println!("leave one series out, C = {c}: {:.1}% ({agree}/{n})", 100.0 * agree as f64 / n.max(1) as f64);
        }
        return;
    }
    if args.first().is_some_and(|a| a == "train") {
        let rows = since_gold::rows(TRAIN);
        let w = since_gold::fit(&rows, C);
        let note = format!("{} items of the development series {TRAIN}, C = {C}", rows.len());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/since_decision.rs");
        std::fs::write(path, since_gold::decision_source(&w, &note)).expect("write the decision");
        println!("wrote {path} ({note})");
        return;
    }
    if args.first().is_some_and(|a| a == "agreement") {
        println!("{}", since_gold::reader_agreement("labels-5.jsonl", "second-reader-5.jsonl"));
        return;
    }
    if args.iter().any(|a| a == "dump") {
        let part = args.iter().find(|a| *a != "dump").map(String::as_str).unwrap_or("dev");
        print!("{}", since_gold::dump(part));
        return;
    }
    let score = since_gold::score(part, show);
    println!("{}", score.render());
}
