//! Getting results out: JSON (the contract), CSV (one row per item), a summary table (one row
//! per report) and Markdown, for the selected document or all; copy a short summary to the
//! clipboard; print.

use leptos::prelude::*;

use std::sync::Arc;

use super::choice::{Choice, Choosable};
use super::{download, use_lens, Document};
use crate::analysis::{to_csv, to_markdown, to_summary_csv, to_summary_markdown, Report};

fn json(reports: &[&Report]) -> String {
    serde_json::to_string_pretty(reports).unwrap_or_else(|_| "[]".into())
}

/// Which documents an export covers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Selected,
    All,
}

impl Choosable for Scope {
    fn value(&self) -> String {
        match self {
            Scope::Selected => "selected".into(),
            Scope::All => "all".into(),
        }
    }

    fn label(&self) -> String {
        match self {
            Scope::Selected => "this document".into(),
            Scope::All => "all documents".into(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    /// One row per report (council, kind, dates, ratings, scores, judgements, counts).
    Summary,
    Markdown,
    /// The short Markdown summary ("Copy summary").
    Short,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv | Format::Summary => "csv",
            Format::Markdown | Format::Short => "md",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv | Format::Summary => "text/csv",
            Format::Markdown | Format::Short => "text/markdown",
        }
    }

    fn render(self, docs: &[Arc<Document>]) -> String {
        match self {
            Format::Json => json(&docs.iter().map(|d| &d.report).collect::<Vec<_>>()),
            Format::Csv => to_csv(&docs.iter().map(|d| (&d.report, d.text.as_str())).collect::<Vec<_>>()),
            Format::Summary => to_summary_csv(&docs.iter().map(|d| &d.report).collect::<Vec<_>>()),
            Format::Markdown => docs.iter().map(|d| to_markdown(&d.report)).collect::<Vec<_>>().join("\n"),
            Format::Short => docs.iter().map(|d| to_summary_markdown(&d.report)).collect::<Vec<_>>().join("\n"),
        }
    }
}

/// A file name stem: the council (or document) for one document, the app's name for several.
fn stem(docs: &[Arc<Document>]) -> String {
    match docs {
        [d] => super::safe_file_stem(d.report.subject().unwrap_or(&d.name)),
        _ => "assessment-lens".to_string(),
    }
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let lens = use_lens();
    let (scope, set_scope) = signal(Scope::Selected);
    let (copied, set_copied) = signal(String::new());
    // The documents an export covers, and its file name and text in a format.
    let render = move |format: Format| -> (String, String) {
        let docs = match scope.get_untracked() {
            Scope::All => lens.docs.get_untracked(),
            Scope::Selected => lens.current.get_untracked().into_iter().collect(),
        };
        let suffix = if format == Format::Summary { "-summary" } else { "" };
        (format!("{}{suffix}.{}", stem(&docs), format.extension()), format.render(&docs))
    };
    let save = move |format: Format| {
        let (name, body) = render(format);
        download::text_file(&name, format.mime(), &body);
    };
    let copy = move |_| {
        let (_, body) = render(Format::Short);
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&body);
            set_copied.set("Summary copied".into());
        }
    };
    view! {
        <div class="exports" data-testid="exports" role="group" aria-label="Export">
            <Choice label="Export " testid="export-scope" options=vec![Scope::Selected, Scope::All] set=set_scope/>
            <button type="button" class="small" data-testid="export-json" on:click=move |_| save(Format::Json)>"JSON"</button>
            <button type="button" class="small" data-testid="export-csv" on:click=move |_| save(Format::Csv)>"CSV"</button>
            <button type="button" class="small" data-testid="export-summary" title="One row per report: council, kind, dates, ratings, scores, judgements" on:click=move |_| save(Format::Summary)>"Summary table (CSV)"</button>
            <button type="button" class="small" data-testid="export-md" on:click=move |_| save(Format::Markdown)>"Markdown"</button>
            <button type="button" class="small" data-testid="copy-summary" on:click=copy>"Copy summary"</button>
            <button type="button" class="small" data-testid="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
            <span class="hint" role="status">{move || copied.get()}</span>
        </div>
    }
}
