//! The page: Leptos components that call the core and render its `Report`s. No analysis
//! logic lives here.
//!
//! State: the open documents (name, text, report), the selected one, and the view. Text
//! comes from pasting (debounced re-analysis of the selected document), dropped files and the
//! file picker (`input.rs`). The selected document is shown by `results/`; two or more can
//! be compared (`compare.rs`) and exported (`exports.rs`).
//!
//! Rendering follows the data: `Lens::current` is a memo of the selected document compared by
//! pointer, so renaming, adding or removing another document leaves the report view (and its
//! filters) alone; only a different selected document, or a new analysis of it, re-renders it.

use std::sync::Arc;
use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::analysis::{analyse_named, Report, Span};

mod api;
mod choice;
mod compare;
mod doclist;
mod download;
mod evidence;
mod exports;
mod input;
mod results;
mod storage;

/// The example shown on first load: a real CQC assessment (Open Government Licence v3.0).
pub const EXAMPLE: &str = include_str!("../../tests/fixtures/reports/cqc-middlesbrough-2025.txt");
pub const EXAMPLE_NAME: &str = "Example: Middlesbrough CQC assessment (2025)";

/// How long typing must pause before the text is analysed again.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// One open document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: u32,
    pub name: String,
    pub text: String,
    pub report: Report,
}

impl Document {
    fn new(id: u32, name: &str, text: String, notes: Vec<String>) -> Self {
        let mut report = analyse_named(name, &text);
        for (i, n) in notes.into_iter().enumerate() {
            report.warnings.insert(i, n);
        }
        Document { id, name: name.to_string(), text, report }
    }
}

/// What the results column shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Document,
    Compare,
}

/// Shared state, provided as context to the components.
#[derive(Clone, Copy)]
pub struct Lens {
    pub docs: RwSignal<Vec<Arc<Document>>>,
    pub selected: RwSignal<Option<u32>>,
    /// The selected document; changes only when it is a different `Arc` (see the module doc).
    pub current: Memo<Option<Arc<Document>>>,
    pub view: RwSignal<View>,
    pub tab: RwSignal<results::Tab>,
    /// The evidence last asked for, in the selected document.
    pub active: RwSignal<Option<Span>>,
    /// Messages about files that could not be read, and progress while reading.
    pub notices: RwSignal<Vec<String>>,
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// While a PDF is read: its name, the page done and the page count.
    pub pages: RwSignal<Option<(String, usize, usize)>>,
    /// Files are being dragged over the page.
    pub dragging: RwSignal<bool>,
    next_id: StoredValue<u32>,
}

impl Lens {
    pub fn add(&self, name: &str, text: String, notes: Vec<String>) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let doc = Arc::new(Document::new(id, name, text, notes));
        self.docs.update(|d| d.push(doc));
        self.selected.set(Some(id));
        id
    }

    pub fn remove(&self, id: u32) {
        self.docs.update(|d| d.retain(|x| x.id != id));
        if self.selected.get_untracked() == Some(id) {
            self.selected.set(self.docs.with_untracked(|d| d.last().map(|x| x.id)));
        }
        if self.docs.with_untracked(|d| d.len()) < 2 {
            self.view.set(View::Document);
        }
    }

    pub fn rename(&self, id: u32, name: String) {
        self.docs.update(|d| {
            if let Some(x) = d.iter_mut().find(|x| x.id == id) {
                let mut doc = (**x).clone();
                doc.name = name.clone();
                doc.report.source = name;
                *x = Arc::new(doc);
            }
        });
    }

    /// Replace a document's text and analyse it again.
    pub fn set_text(&self, id: u32, text: String) {
        self.docs.update(|d| {
            if let Some(x) = d.iter_mut().find(|x| x.id == id) {
                // Editing the example makes it the user's own text.
                let name = if x.name == EXAMPLE_NAME { "pasted text".to_string() } else { x.name.clone() };
                *x = Arc::new(Document::new(id, &name, text, Vec::new()));
            }
        });
    }
}

/// The page's state; every component lives inside `App`, which provides it.
pub fn use_lens() -> Lens {
    expect_context::<Lens>()
}

/// The selection changed unless it is the same `Arc`: a rename elsewhere in the list rebuilds
/// the list but not this document.
fn changed_document(a: Option<&Option<Arc<Document>>>, b: Option<&Option<Arc<Document>>>) -> bool {
    match (a, b) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

fn new_lens() -> Lens {
    let docs = RwSignal::new(Vec::<Arc<Document>>::new());
    let selected = RwSignal::new(None::<u32>);
    let current = Memo::new_with_compare(
        move |_| {
            let id = selected.get()?;
            docs.with(|d| d.iter().find(|x| x.id == id).cloned())
        },
        changed_document,
    );
    Lens {
        docs,
        selected,
        current,
        view: RwSignal::new(View::Document),
        tab: RwSignal::new(results::Tab::Overview),
        active: RwSignal::new(None),
        notices: RwSignal::new(Vec::new()),
        progress: RwSignal::new(None),
        pages: RwSignal::new(None),
        dragging: RwSignal::new(false),
        next_id: StoredValue::new(1),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lens = new_lens();
    provide_context(lens);
    // Kept documents come back; otherwise the example is shown.
    let kept = storage::restore();
    if kept.is_empty() {
        lens.add(EXAMPLE_NAME, EXAMPLE.to_string(), Vec::new());
    } else {
        for (name, text) in kept {
            lens.add(&name, text, Vec::new());
        }
    }
    api::install();
    input::listen_for_drops(lens);

    let textarea = NodeRef::<Textarea>::new();
    let (busy, set_busy) = signal(false);
    // Evidence: select the words in the text area and remember them for the Source view.
    let show_evidence = Callback::new(move |span: Span| {
        lens.active.set(Some(span));
        if let (Some(el), Some(doc)) = (textarea.get_untracked(), lens.current.get_untracked()) {
            evidence::select(&el, &doc.text, span);
        }
    });

    view! {
        <a class="skip" href="#results-heading">"Skip to results"</a>
        <header class="top">
            <h1>"Assessment Lens"</h1>
            <p class="tagline">
                "Scores, metrics and gaps from social-care inspection reports. "
                <strong>"Analysed in your browser: nothing you paste or drop leaves this device."</strong>
            </p>
        </header>
        <input::DropOverlay/>
        <main class="layout">
            <InputPanel textarea=textarea set_busy=set_busy/>
            <ResultsPanel busy=busy on_evidence=show_evidence/>
        </main>
        <footer class="foot">
            "Assessment Lens reads text only; it makes no network requests. Example report: Care Quality Commission, Open Government Licence v3.0."
        </footer>
    }
}

/// The documents, the controls to get them in, and the selected one's text; typing analyses
/// the text again once it pauses (`busy` meanwhile).
#[component]
fn InputPanel(textarea: NodeRef<Textarea>, set_busy: WriteSignal<bool>) -> impl IntoView {
    let lens = use_lens();
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The text area's value: the selected document's text, replaced when the selection changes.
    let shown_text = Memo::new(move |_| lens.current.with(|d| d.as_ref().map(|d| d.text.clone()).unwrap_or_default()));
    let analyse_later = move |value: String| {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        set_busy.set(true);
        let analyse = move || {
            match lens.selected.get_untracked() {
                Some(id) => lens.set_text(id, value),
                None => {
                    lens.add("pasted text", value, Vec::new());
                }
            }
            set_busy.set(false);
        };
        pending.set_value(set_timeout_with_handle(analyse, DEBOUNCE).ok());
    };
    view! {
        <section class="panel input" aria-labelledby="input-heading">
            <h2 id="input-heading">"Documents"</h2>
            <doclist::DocumentList/>
            <input::Buttons textarea=textarea/>
            <storage::KeepControls/>
            <label for="report-text" class="hint">
                "Paste a CQC local authority assessment, an Ofsted children's services inspection or committee papers, or drop files anywhere on the page (.pdf, .docx, .txt, .md, .html). Results update as you type."
            </label>
            <textarea
                id="report-text"
                data-testid="report-text"
                node_ref=textarea
                spellcheck="false"
                prop:value=move || shown_text.get()
                on:input=move |ev| analyse_later(event_target_value(&ev))
            ></textarea>
            <p class="hint" data-testid="source-name">
                {move || lens.current.with(|d| d.as_ref().map(|d| d.name.clone())).unwrap_or_else(|| "pasted text".into())}
                " · " {move || shown_text.with(|t| t.split_whitespace().count())} " words"
            </p>
        </section>
    }
}

/// Notices, exports, and the selected document's report or the comparison.
#[component]
fn ResultsPanel(busy: ReadSignal<bool>, on_evidence: Callback<Span>) -> impl IntoView {
    let lens = use_lens();
    // Setting the view to what it already is must not re-render the results.
    let shown = Memo::new(move |_| lens.view.get());
    view! {
        <section class="panel results" aria-labelledby="results-heading" aria-live="polite"
            aria-busy=move || busy.get().to_string() data-testid="results">
            <h2 id="results-heading" class="visually-hidden">"Results"</h2>
            <input::Notices/>
            <exports::ExportBar/>
            {move || match (shown.get(), lens.current.get()) {
                (View::Compare, _) => view! { <compare::CompareView/> }.into_any(),
                (View::Document, Some(doc)) => view! { <results::ReportView doc=doc on_evidence=on_evidence/> }.into_any(),
                (View::Document, None) => view! { <p class="empty" data-testid="empty">{results::EMPTY}</p> }.into_any(),
            }}
        </section>
    }
}

/// The action plan CSV of a document, with evidence from its text.
fn action_plan(doc: &Document) -> String {
    crate::analysis::to_action_plan_csv(&doc.report, &doc.text)
}
