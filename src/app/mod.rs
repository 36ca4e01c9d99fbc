//! The page: Leptos components that call the core and render its `Report`. No analysis
//! logic lives here.

use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::analysis::{analyse, Span};

mod download;
mod evidence;
mod results;

thread_local! {
    /// The text the current report was made from, for evidence in exports.
    static ANALYSED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The action plan CSV of a report, with evidence from the text it was made from.
fn action_plan(r: &crate::analysis::Report) -> String {
    ANALYSED.with(|t| crate::analysis::to_action_plan_csv(r, &t.borrow()))
}

/// The example shown on first load: a real CQC assessment (Open Government Licence v3.0).
pub const EXAMPLE: &str = include_str!("../../tests/fixtures/reports/cqc-middlesbrough-2025.txt");
pub const EXAMPLE_NAME: &str = "Example: Middlesbrough Council, CQC assessment (2025)";

/// How long typing must pause before the text is analysed again.
const DEBOUNCE: Duration = Duration::from_millis(250);

#[component]
pub fn App() -> impl IntoView {
    // What the text area holds, and what was last analysed (debounced behind it).
    let (text, set_text) = signal(EXAMPLE.to_string());
    let (analysed, set_analysed) = signal(EXAMPLE.to_string());
    let (source, set_source) = signal(EXAMPLE_NAME.to_string());
    let report = Memo::new(move |_| {
        analysed.with(|t| {
            ANALYSED.with(|a| a.replace(t.clone()));
            analyse(t)
        })
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // True while typing has changed the text and the analysis has not caught up.
    let (busy, set_busy) = signal(false);
    let textarea = NodeRef::<Textarea>::new();

    let schedule = move |value: String| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        set_busy.set(true);
        let handle = set_timeout_with_handle(
            move || {
                set_analysed.set(value);
                set_busy.set(false);
            },
            DEBOUNCE,
        )
        .ok();
        pending.set_value(handle);
    };
    let replace = move |value: &str, name: &str| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        set_text.set(value.to_string());
        set_analysed.set(value.to_string());
        set_source.set(name.to_string());
        set_busy.set(false);
    };
    let show_evidence = Callback::new(move |span: Span| {
        if let Some(el) = textarea.get() {
            analysed.with(|t| evidence::select(&el, t, span));
        }
    });

    view! {
        <header class="top">
            <h1>"Assessment Lens"</h1>
            <p class="tagline">
                "Scores, metrics and gaps from social-care inspection reports. "
                <strong>"Analysed in your browser: nothing you paste leaves this device."</strong>
            </p>
        </header>
        <main class="layout">
            <section class="panel input" aria-labelledby="input-heading">
                <h2 id="input-heading">"Report text"</h2>
                <label for="report-text" class="hint">
                    "Paste a CQC local authority assessment, an Ofsted children's services inspection or committee papers. Results update as you type."
                </label>
                <div class="buttons">
                    <button type="button" data-testid="load-example" on:click=move |_| replace(EXAMPLE, EXAMPLE_NAME)>
                        "Load example"
                    </button>
                    <button type="button" data-testid="clear" on:click=move |_| {
                        replace("", "pasted text");
                        if let Some(el) = textarea.get() {
                            let _ = el.focus();
                        }
                    }>"Clear"</button>
                </div>
                <textarea
                    id="report-text"
                    data-testid="report-text"
                    node_ref=textarea
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        set_text.set(v.clone());
                        set_source.set("pasted text".into());
                        schedule(v);
                    }
                ></textarea>
                <p class="hint" data-testid="source-name">
                    {move || source.get()} " · " {move || text.with(|t| t.split_whitespace().count())} " words"
                </p>
            </section>
            <section class="panel results" aria-labelledby="results-heading" aria-live="polite"
                aria-busy=move || busy.get().to_string() data-testid="results">
                <h2 id="results-heading" class="visually-hidden">"Results"</h2>
                {move || view! { <results::ReportView report=report.get() on_evidence=show_evidence/> }}
            </section>
        </main>
        <footer class="foot">
            "Assessment Lens reads text only; it makes no network requests. Example report: Care Quality Commission, Open Government Licence v3.0."
        </footer>
    }
}
