//! The "since last time" benchmark: the follow-through of an earlier report's stated gaps,
//! against statuses labelled by reading both reports (`tests/fixtures/since/`, see its README).
//!
//!   cargo run --release --example since            the test series (St Helens, Stoke-on-Trent)
//!   cargo run --release --example since -- dev     the series the matching was developed on
//!   cargo run --release --example since -- all     both; add `show` to print each disagreement
//!
//! Prints the confusion matrix (rows: the reader's status; columns: the analyser's) and the
//! agreement. `tests/since.rs` keeps a floor under it.

#[path = "../tests/support/since_gold.rs"]
mod since_gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let part = args.iter().find(|a| *a != "show").map(String::as_str).unwrap_or("test");
    let show = args.iter().any(|a| a == "show");
    let score = since_gold::score(part, show);
    println!("{}", score.render());
}
