//! Getting results out: JSON (the contract), CSV (one row per item) and a Markdown summary,
//! for the selected document or all; copy to the clipboard; print.

use leptos::prelude::*;

use super::{download, use_lens};
use crate::analysis::{to_csv, to_markdown, Report};

fn json(reports: &[&Report]) -> String {
    serde_json::to_string_pretty(reports).unwrap_or_else(|_| "[]".into())
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let lens = use_lens();
    let (scope, set_scope) = signal(String::from("selected"));
    let (copied, set_copied) = signal(String::new());
    // The documents an export covers, and its text in a format.
    let render = move |format: &str| -> (String, String) {
        let docs = if scope.get_untracked() == "all" { lens.docs.get_untracked() } else { lens.current().into_iter().collect() };
        let stem = if docs.len() == 1 {
            docs[0]
                .report
                .authority
                .clone()
                .unwrap_or_else(|| docs[0].name.clone())
                .to_lowercase()
                .replace(|c: char| !c.is_alphanumeric(), "-")
        } else {
            "assessment-lens".to_string()
        };
        let reports: Vec<&Report> = docs.iter().map(|d| &d.report).collect();
        let body = match format {
            "json" => json(&reports),
            "csv" => to_csv(&docs.iter().map(|d| (&d.report, d.text.as_str())).collect::<Vec<_>>()),
            _ => docs.iter().map(|d| to_markdown(&d.report)).collect::<Vec<_>>().join("\n"),
        };
        (format!("{stem}.{format}"), body)
    };
    let save = move |format: &'static str, mime: &'static str| {
        let (name, body) = render(format);
        download::text_file(&name, mime, &body);
    };
    let copy = move |_| {
        let (_, body) = render("md");
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&body);
            set_copied.set("Summary copied".into());
        }
    };
    view! {
        <div class="exports" data-testid="exports" role="group" aria-label="Export">
            <label>"Export "
                <select data-testid="export-scope" on:change=move |ev| set_scope.set(event_target_value(&ev))>
                    <option value="selected">"this document"</option>
                    <option value="all">"all documents"</option>
                </select>
            </label>
            <button type="button" class="small" data-testid="export-json" on:click=move |_| save("json", "application/json")>"JSON"</button>
            <button type="button" class="small" data-testid="export-csv" on:click=move |_| save("csv", "text/csv")>"CSV"</button>
            <button type="button" class="small" data-testid="export-md" on:click=move |_| save("md", "text/markdown")>"Markdown"</button>
            <button type="button" class="small" data-testid="copy-summary" on:click=copy>"Copy summary"</button>
            <button type="button" class="small" data-testid="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
            <span class="hint" role="status">{move || copied.get()}</span>
        </div>
    }
}
