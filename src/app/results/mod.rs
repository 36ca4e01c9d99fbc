//! Rendering one document's `Report`: its summary and warnings, then tabs, each a module:
//! - `overview`: recomputed rating, scores by theme, Ofsted grades, counts (with `summary` and
//!   `meeting`, the parts shown above the tabs and for committee papers);
//! - `figures`: the financial card and the sortable, filterable figures table;
//! - `items`: gaps and strengths grouped by section;
//! - `priorities`: the Priorities card at the top of Overview;
//! - `source`: the full text with the evidence last clicked, and the outline.
//!
//! Children get the `Arc<Document>` (cheap to clone) or just the part they show, never a copy
//! of the whole `Report`.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::{use_lens, Document};
use crate::analysis::{Grade, Report, Span};

pub(crate) mod england;
mod figures;
mod items;
mod meeting;
mod overview;
mod priorities;
pub(crate) mod source;
pub(crate) mod summary;

/// What the page says when there is no text to analyse.
pub const EMPTY: &str = "Paste a report on the left, drop files here, or load the example, to see its rating and scores.";

/// The views of one report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Overview,
    Figures,
    Gaps,
    Strengths,
    Source,
    Outline,
}

impl Tab {
    const ALL: [Tab; 6] = [Tab::Overview, Tab::Figures, Tab::Gaps, Tab::Strengths, Tab::Source, Tab::Outline];

    fn id(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Figures => "figures",
            Tab::Gaps => "gaps",
            Tab::Strengths => "strengths",
            Tab::Source => "source",
            Tab::Outline => "outline",
        }
    }

    /// The tab's name, as a button names it ("Back to Gaps").
    pub fn name(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Figures => "Figures",
            Tab::Gaps => "Gaps",
            Tab::Strengths => "Strengths",
            Tab::Source => "Source",
            Tab::Outline => "Outline",
        }
    }

    /// The tab's name, with how many items it holds where that helps.
    fn label(self, r: &Report) -> String {
        match self {
            Tab::Overview | Tab::Source | Tab::Outline => self.name().into(),
            Tab::Figures => format!("Figures ({})", r.metrics.len()),
            Tab::Gaps => format!("Gaps ({})", r.gaps.len()),
            Tab::Strengths => format!("Strengths ({})", r.strengths.len()),
        }
    }
}

/// A grade's colour, from its place on the scale.
fn rating_class(grade: Grade) -> &'static str {
    match grade.rank() {
        4 => "rating outstanding",
        3 => "rating good",
        2 => "rating ri",
        _ => "rating inadequate",
    }
}

#[component]
pub fn ReportView(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    if doc.text.trim().is_empty() {
        return view! { <p class="empty" data-testid="empty">{EMPTY}</p> }.into_any();
    }
    let tab = use_lens().tab;
    let r = &doc.report;
    let labels: Vec<(Tab, String)> = Tab::ALL.iter().map(|t| (*t, t.label(r))).collect();
    view! {
        <summary::Summary doc=doc.clone() on_evidence=on_evidence/>
        <summary::Warnings warnings=r.warnings.clone()/>
        <TabList labels=labels/>
        {panel(tab, Tab::Overview, { let doc = doc.clone(); move || view! { <overview::Overview doc=doc.clone() on_evidence=on_evidence/> } })}
        {panel(tab, Tab::Figures, { let doc = doc.clone(); move || view! { <figures::Figures doc=doc.clone() on_evidence=on_evidence/> } })}
        {panel(tab, Tab::Gaps, { let doc = doc.clone(); move || view! { <items::GapsView doc=doc.clone() on_evidence=on_evidence/> } })}
        {panel(tab, Tab::Strengths, { let doc = doc.clone(); move || view! {
            <items::ItemsByGroup items=doc.report.strengths.clone() testid="strength" empty="No strengths were found in this text." on_evidence=on_evidence/>
        } })}
        {panel(tab, Tab::Source, { let doc = doc.clone(); move || view! { <source::SourceView doc=doc.clone()/> } })}
        {panel(tab, Tab::Outline, { let doc = doc.clone(); move || view! { <source::Outline doc=doc.clone() on_evidence=on_evidence/> } })}
    }
    .into_any()
}

/// A tab's panel, hidden unless its tab is chosen. Its content is made when the tab is first
/// chosen and kept afterwards (with its filters and sort): a huge report's tens of thousands of
/// gaps, findings and sections are not rendered until asked for.
fn panel<V: IntoView + 'static>(chosen: RwSignal<Tab>, tab: Tab, content: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    let seen = Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || chosen.get() == tab);
    view! {
        <div role="tabpanel" id=format!("panel-{}", tab.id()) aria-labelledby=format!("tab-{}", tab.id()) hidden=move || chosen.get() != tab>
            {move || seen.get().then(&content)}
        </div>
    }
}

/// A button showing one item's words in the text.
fn evidence_link(text: String, span: Span, on_evidence: Callback<Span>) -> impl IntoView {
    view! { <button type="button" class="link" on:click=move |_| on_evidence.run(span)>{text}</button> }
}

/// The tab a key moves to from tab `i` of `n`, as in any tab list.
fn key_step(key: &str, i: usize, n: usize) -> Option<usize> {
    match key {
        "ArrowRight" => Some((i + 1) % n),
        "ArrowLeft" => Some((i + n - 1) % n),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// The tab buttons; arrow keys, Home and End move between them.
#[component]
fn TabList(labels: Vec<(Tab, String)>) -> impl IntoView {
    let chosen = use_lens().tab;
    let buttons: Vec<(Tab, NodeRef<html::Button>)> = labels.iter().map(|(t, _)| (*t, NodeRef::new())).collect();
    let order = buttons.clone();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = order.iter().position(|(t, _)| *t == chosen.get_untracked()).unwrap_or(0);
        let Some((t, button)) = key_step(&ev.key(), i, order.len()).and_then(|n| order.get(n)) else { return };
        ev.prevent_default();
        chosen.set(*t);
        if let Some(el) = button.get_untracked() {
            let _ = el.focus();
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Views of this report" on:keydown=on_key>
            {labels.into_iter().zip(buttons).map(|((t, label), (_, button))| view! {
                <button type="button" role="tab" id=format!("tab-{}", t.id()) aria-controls=format!("panel-{}", t.id()) node_ref=button
                    aria-selected=move || (chosen.get() == t).to_string() tabindex=move || if chosen.get() == t { "0" } else { "-1" }
                    data-testid=format!("tab-{}", t.id())
                    on:click=move |_| chosen.set(t)>{label}</button>
            }).collect_view()}
        </div>
    }
}
