//! The page: Leptos components that call the core and render its `Report`s. No analysis
//! logic lives here.
//!
//! State: the open documents (name, text, report), the selected one, and the view. Text
//! comes from pasting (debounced re-analysis of the selected document), dropped files and the
//! file picker (`input.rs`). The selected document is shown by `results/`; two or more can
//! be compared (`compare.rs`) and exported (`exports.rs`).
//!
//! Analysis of anything the user brings (typing, files, kept documents) runs off the main
//! thread, one document at a time (`engine.rs`); the example is analysed on the page.
//!
//! Rendering follows the data: `Lens::current` is a memo of the selected document compared by
//! pointer, so renaming, adding or removing another document leaves the report view (and its
//! filters) alone; only a different selected document, or a new analysis of it, re-renders it.

use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::analysis::{analyse_named, Report, Span};

mod api;
mod choice;
mod compare;
mod doclist;
mod download;
mod engine;
mod evidence;
mod exports;
mod help;
mod input;
mod results;
mod since;
mod storage;

pub use download::safe_file_stem;
pub use engine::{analyse_in_worker, decode as decode_report, encode as encode_report};

/// The example shown on first load: a real CQC assessment (Open Government Licence v3.0).
pub const EXAMPLE: &str = include_str!("../../tests/fixtures/reports/cqc-middlesbrough-2025.txt");
pub const EXAMPLE_NAME: &str = "Example: Middlesbrough CQC assessment (2025)";

/// How long typing must pause before the text is analysed again.
const DEBOUNCE_MS: u32 = 250;

/// One open document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: u32,
    pub name: String,
    pub text: String,
    pub report: Report,
}

/// The longest text the text box shows (bytes). Chromium's layout of a text box holding
/// megabytes holds the page for most of a second per megabyte, and no real report comes near
/// it (the largest in the corpus is 300 KB); a longer document is shown in the Source view,
/// around its evidence, and typing in the box starts a new document.
pub const TEXTAREA_MAX: usize = 1_000_000;

impl Document {
    /// Too long for the text box: see [`TEXTAREA_MAX`].
    pub fn too_long_to_edit(&self) -> bool {
        self.text.len() > TEXTAREA_MAX
    }

    /// Analysed here, on the page: only for the example and empty documents.
    fn new(id: u32, name: &str, text: String) -> Self {
        let report = analyse_named(name, &text);
        Document { id, name: name.to_string(), text, report }
    }

    fn with_report(id: u32, name: &str, text: String, mut report: Report, notes: Vec<String>) -> Self {
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
    /// Two or more reports of one council lined up in time.
    Since,
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
    /// The document `active` was asked for in (selecting another one closes the evidence pane).
    pub active_doc: RwSignal<Option<u32>>,
    /// On a wide screen, the evidence is shown beside the results, in place of the text box.
    pub beside: RwSignal<bool>,
    /// On a narrow screen, the tab an item's evidence was asked from (the Source view offers
    /// the way back to it) and the control that asked, to give focus back to.
    pub back: RwSignal<Option<results::Tab>>,
    pub back_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// Messages about files that could not be read, and progress while reading.
    pub notices: RwSignal<Vec<String>>,
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// While a PDF is read: its name, the page done and the page count.
    pub pages: RwSignal<Option<(String, usize, usize)>>,
    /// Files are being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// The analysis under way (`engine.rs`).
    pub busy: RwSignal<engine::Busy>,
    /// Compare also shows this council's statistical neighbours (its ONS code), when asked.
    pub neighbours_of: RwSignal<Option<String>>,
    /// Since last time: the statuses a reader changed after checking, by the two reports'
    /// texts (`since::text_key`) and the item; used by the counts and exports, and kept on the
    /// device with the documents when the user keeps them (`storage.rs`).
    pub since_checks: RwSignal<std::collections::HashMap<(u64, u64, usize), crate::analysis::since::Status>>,
    /// The last document removed or cleared, to put back ("Undo").
    pub undo: RwSignal<Option<Arc<Undo>>>,
    next_id: StoredValue<u32>,
}

/// A document taken away, and where it was: "Undo" puts it back.
pub struct Undo {
    /// "Removed" or "Cleared".
    pub verb: &'static str,
    pub doc: Arc<Document>,
    pub index: usize,
}

/// The name of a text pasted or typed, until its report says whose it is.
pub const PASTED: &str = "pasted text";

/// A pasted text's name once its report says whose it is: "Barnsley — Ofsted (pasted)".
fn pasted_name(report: &Report) -> Option<String> {
    let who = report.subject()?;
    Some(format!("{who} \u{2014} {} (pasted)", report.kind.short()))
}

impl Lens {
    /// Add a document analysed on the page (the example, or an empty one) and select it.
    pub fn add(&self, name: &str, text: String) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.insert(Document::new(id, name, text), true)
    }

    /// Add a document whose text was typed or pasted and is on its way to the worker: its
    /// report is the empty text's until the worker's arrives (analysing megabytes here would
    /// hold the page).
    pub fn add_typed(&self, name: &str, text: String) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let report = analyse_named(name, "");
        self.insert(Document { id, name: name.to_string(), text, report }, true)
    }

    /// Add a document analysed elsewhere (the worker); `select` makes it the selected one.
    pub fn add_report(&self, name: &str, text: String, report: Report, notes: Vec<String>, select: bool) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.insert(Document::with_report(id, name, text, report, notes), select)
    }

    fn insert(&self, doc: Document, select: bool) -> u32 {
        let id = doc.id;
        self.docs.update(|d| d.push(Arc::new(doc)));
        if select || self.selected.get_untracked().is_none() {
            self.selected.set(Some(id));
        }
        id
    }

    pub fn remove(&self, id: u32) {
        self.take_away(id, "Removed");
    }

    /// Take a document away, keeping it for "Undo" (`verb` says how: "Removed", "Cleared").
    fn take_away(&self, id: u32, verb: &'static str) {
        let found = self.docs.with_untracked(|d| d.iter().position(|x| x.id == id).map(|i| (i, d[i].clone())));
        if let Some((index, doc)) = found {
            self.undo.set(Some(Arc::new(Undo { verb, doc, index })));
        }
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

    /// Replace a document's text and its report (analysed by the worker).
    pub fn set_report(&self, id: u32, text: String, mut report: Report) {
        self.docs.update(|d| {
            if let Some(x) = d.iter_mut().find(|x| x.id == id) {
                // Editing the example makes it the user's own text; a pasted text is named
                // after its council and kind once its report says whose it is.
                let name = if x.name == EXAMPLE_NAME || x.name == PASTED {
                    pasted_name(&report).unwrap_or_else(|| PASTED.to_string())
                } else {
                    x.name.clone()
                };
                report.source = name.clone();
                *x = Arc::new(Document { id, name, text, report });
            }
        });
    }

    /// Clear the text box: the selected document is taken away (kept for "Undo") and none is
    /// selected, so what is typed next is a new document.
    pub fn clear_text(&self, id: u32) {
        engine::supersede(engine::Key::Typing(id));
        self.take_away(id, "Cleared");
        self.selected.set(None);
    }

    /// Put back the document last removed or cleared, where it was, and select it.
    pub fn undo(&self) -> Option<u32> {
        let u = self.undo.get_untracked()?;
        self.undo.set(None);
        let id = u.doc.id;
        if self.docs.with_untracked(|d| d.iter().any(|x| x.id == id)) {
            return Some(id);
        }
        self.docs.update(|d| {
            let at = u.index.min(d.len());
            d.insert(at, u.doc.clone());
        });
        self.selected.set(Some(id));
        self.view.set(View::Document);
        Some(id)
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
        active_doc: RwSignal::new(None),
        beside: RwSignal::new(false),
        back: RwSignal::new(None),
        back_focus: StoredValue::new_local(None),
        notices: RwSignal::new(Vec::new()),
        progress: RwSignal::new(None),
        pages: RwSignal::new(None),
        dragging: RwSignal::new(false),
        busy: RwSignal::new(engine::Busy::default()),
        undo: RwSignal::new(None),
        neighbours_of: RwSignal::new(None),
        since_checks: RwSignal::new(std::collections::HashMap::new()),
        next_id: StoredValue::new(1),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lens = new_lens();
    provide_context(lens);
    engine::attach(lens.busy);
    // Kept documents come back (analysed in the worker, in order); otherwise the example is shown.
    if !storage::start(lens) {
        lens.add(EXAMPLE_NAME, EXAMPLE.to_string());
    }
    api::install();
    input::listen_for_drops(lens);

    let textarea = NodeRef::<Textarea>::new();
    let (typing, set_typing) = signal(false);
    let busy = Signal::derive(move || typing.get() || lens.busy.with(|b| b.name.is_some() || b.waiting > 0));
    // Evidence: its words marked and centred beside the list, or in the Source view.
    let show_evidence = Callback::new(move |span: Span| evidence::show(lens, span));

    view! {
        <a class="skip" href="#results-heading">"Skip to results"</a>
        <header class="top">
            <h1>"Assessment Lens"</h1>
            <p class="tagline">
                "Scores, metrics and gaps from social-care inspection reports. "
                <strong>"Analysed in your browser: nothing you paste or drop leaves this device."</strong>
            </p>
            <help::Help/>
        </header>
        <input::DropOverlay/>
        <main class="layout">
            <InputPanel textarea=textarea set_busy=set_typing/>
            <ResultsPanel busy=busy on_evidence=show_evidence/>
        </main>
        <footer class="foot">
            "Assessment Lens reads text only; it makes no network requests. Example report: Care Quality Commission, Open Government Licence v3.0."
        </footer>
    }
}

/// The documents, the controls to get them in, and the selected one's text; typing analyses
/// the text again (in the worker) once it pauses (`busy` meanwhile). Newer typing supersedes
/// an analysis still running for the same document, and only the newest text's report is kept.
#[component]
fn InputPanel(textarea: NodeRef<Textarea>, set_busy: WriteSignal<bool>) -> impl IntoView {
    let lens = use_lens();
    let pending = StoredValue::new_local(None::<Timeout>);
    // Each edit's number: a report applies only if no edit came after its text.
    let edits = StoredValue::new(0u64);
    // What the text area holds: the document (id) and the length of its text, and whether the
    // text is in it, as last set here or typed by the user. Kept rather than read back: reading
    // megabytes out of the DOM to compare them would hold the page.
    let holds = StoredValue::new(None::<(u32, usize, bool)>);
    // The selected document's text, set into the text area when it holds something else. A
    // document too long for it (dropped or opened, see TEXTAREA_MAX) leaves it empty with a
    // note; megabytes the user pasted stay where they put them (the text area's CSS
    // containment keeps them from being laid out again as the results change).
    Effect::new(move |_| {
        let Some(el) = textarea.get() else { return };
        let doc = lens.current.get();
        let now = doc.as_ref().map(|d| (d.id, d.text.len()));
        if holds.get_value().map(|(id, len, _)| (id, len)) == now && now.is_some() {
            return;
        }
        match doc {
            Some(d) if d.too_long_to_edit() => {
                holds.set_value(Some((d.id, d.text.len(), false)));
                el.set_value("");
                el.set_placeholder(&format!(
                    "\u{201c}{}\u{201d} is {:.1} MB, too long to show here and keep the page quick: its text is in the Source view, \
                     and each item's evidence opens beside the list. Paste or type here to start a new document.",
                    d.name,
                    d.text.len() as f64 / 1e6
                ));
            }
            Some(d) => {
                holds.set_value(Some((d.id, d.text.len(), true)));
                el.set_placeholder("");
                el.set_value(&d.text);
            }
            None => {
                holds.set_value(None);
                el.set_placeholder("");
                el.set_value("");
            }
        }
    });
    let analyse_later = move |value: String| {
        let edit = edits.get_value() + 1;
        edits.set_value(edit);
        // A new document for text typed with none open (empty, so analysed at once), or over a
        // document too long for the text box (which is not in it, so not being edited).
        let in_box = holds.get_value().filter(|h| h.2).map(|h| h.0);
        let editing = lens.current.with_untracked(|d| d.as_ref().filter(|d| in_box == Some(d.id) || !d.too_long_to_edit()).map(|d| d.id));
        // The text area holds the typed text whichever document it belongs to: recorded first,
        // so adding a document does not set the text area back.
        let id = editing.unwrap_or_else(|| {
            let next = lens.next_id.get_value();
            holds.set_value(Some((next, value.len(), true)));
            lens.add_typed(PASTED, value.clone())
        });
        holds.set_value(Some((id, value.len(), true)));
        let key = engine::Key::Typing(id);
        engine::supersede(key);
        set_busy.set(true);
        let analyse = move || {
            spawn_local(async move {
                let name = lens.docs.with_untracked(|d| d.iter().find(|x| x.id == id).map(|x| x.name.clone())).unwrap_or_default();
                // Editing the example makes it the user's own text.
                let name = if name == EXAMPLE_NAME { PASTED.to_string() } else { name };
                let outcome = engine::analyse(key, name, value.clone()).await;
                if edits.get_value() != edit {
                    return; // a newer edit is on its way
                }
                match outcome {
                    engine::Outcome::Done(report) => lens.set_report(id, value, *report),
                    engine::Outcome::Stopped => {}
                    engine::Outcome::Failed(e) => lens.notices.update(|n| n.push(format!("The text could not be analysed: {e}."))),
                }
                set_busy.set(false);
            });
        };
        pending.update_value(|p| *p = Some(Timeout::new(DEBOUNCE_MS, analyse)));
    };
    view! {
        <section class="panel input" aria-labelledby="input-heading">
            <h2 id="input-heading">"Documents"</h2>
            <doclist::DocumentList/>
            <input::Buttons textarea=textarea/>
            <storage::KeepControls/>
            <label for="report-text" class="hint">
                "Paste a CQC local authority assessment, an Ofsted children's services inspection, a care provider's inspection report or committee papers, or drop files anywhere on the page (.pdf, .docx, .txt, .md, .html). Results update as you type."
            </label>
            <evidence::EvidencePane/>
            <textarea
                id="report-text"
                class:behind=move || lens.beside.get()
                data-testid="report-text"
                node_ref=textarea
                spellcheck="false"
                on:input=move |ev| analyse_later(event_target_value(&ev))
            ></textarea>
            <p class="hint" data-testid="source-name">
                {move || lens.current.with(|d| d.as_ref().map(|d| d.name.clone())).unwrap_or_else(|| PASTED.into())}
                " · " {move || lens.current.with(|d| match d {
                    Some(d) if d.too_long_to_edit() => format!("{:.1} MB", d.text.len() as f64 / 1e6),
                    Some(d) => format!("{} words", d.text.split_whitespace().count()),
                    None => "0 words".to_string(),
                })}
            </p>
        </section>
    }
}

/// Notices, exports, and the selected document's report or the comparison.
#[component]
fn ResultsPanel(busy: Signal<bool>, on_evidence: Callback<Span>) -> impl IntoView {
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
                (View::Since, _) => view! { <since::SinceView/> }.into_any(),
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
