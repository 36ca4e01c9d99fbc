//! The pure core: `analyse(&str) -> Report`.
//!
//! Public types come first; the work is done in private modules by concern:
//! - `text`: lines with byte offsets into the original input, matching helpers, dates;
//! - `kind`: which kind of document this is, with a confidence and a reason;
//! - `meta`: authority, publication date, period;
//! - `cqc`: CQC overall rating, quality-statement scores and the recomputed rating;
//! - `intake`: files to text — one format sniff (text, HTML, .docx, PDF), decoding, Word and
//!   HTML to text, and the contract of the PDF bridge (js/pdf-text.js);
//! - `export`: CSV and Markdown renderings of a `Report` (JSON is serde);
//! - `context`: Ofsted's official ILACS outcomes and the DfE's statistical neighbours, embedded;
//! - `since`: two or more reports of one council lined up in time (grades over time, the
//!   follow-through of the earlier report's stated gaps).
//!
//! Invariants: nothing here does I/O or panics on any input; every `span` is
//! `[start, end)` in UTF-8 byte offsets into the text exactly as given, on char boundaries;
//! a value absent from the text is `None` / absent, never guessed.

mod area;
mod blocks;
pub mod classify;
pub mod context;
mod cqc;
mod export;
pub mod format;
mod framework;
mod gaps;
mod intake;
mod kind;
mod meta;
mod metrics;
mod numbers;
mod ofsted;
mod papers;
mod pipeline;
pub mod priorities;
mod provider;
pub mod since;
mod text;
mod types;

pub use classify::{classify, classify_scored, Classed};
pub use cqc::{band_for_percent, rating_for_scores, score_label, statement_names, Band, BANDS_TEXT, THEMES};
pub use export::{
    england_to_markdown, since_to_csv, since_to_json, since_to_markdown, to_action_plan_csv, to_csv, to_markdown, to_summary_csv,
    to_summary_markdown, BOM,
};
pub use gaps::MAX_FINDINGS;
pub use intake::{
    decode, docx_to_text, file_to_text, html_to_text, pdf_problem, pdf_text, sniff, DecodeError, Decoded, Format, MAX_INPUT_BYTES,
};
pub use metrics::MAX_FIGURES;
pub use pipeline::{analyse, analyse_named};
pub use since::{series, since, Since};
pub use types::*;
