//! The open documents: kind badge, authority, date and rating; select, rename, remove.

use leptos::prelude::*;

use std::sync::Arc;

use super::{use_lens, Document, View};
use crate::analysis::format::long_date;
use crate::analysis::{Grade, Kind, Report};

fn badge(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::CqcLaAssessment => ("badge cqc", "CQC"),
        Kind::OfstedIlacs => ("badge ofsted", "Ofsted"),
        Kind::AreaSend => ("badge send", "SEND"),
        Kind::Jtai => ("badge jtai", "JTAI"),
        Kind::CommitteePapers => ("badge papers", "Papers"),
        Kind::Unknown => ("badge unknown", "Other"),
    }
}

/// The rating a document states: CQC's overall rating, Ofsted's overall effectiveness, or an
/// Area SEND inspection's outcome.
fn headline_grade(r: &Report) -> Option<Grade> {
    r.overall.as_ref().map(|o| o.rating).or_else(|| {
        r.judgements.iter().find(|j| j.area.to_lowercase().contains("overall") || j.area == "Inspection outcome").map(|j| j.grade)
    })
}

/// When: the publication or meeting date, else the period as written.
fn when(r: &Report) -> Option<String> {
    r.published.as_deref().or_else(|| r.meeting.as_ref().and_then(|m| m.date.as_deref())).map(long_date).or_else(|| r.period.clone())
}

#[component]
pub fn DocumentList() -> impl IntoView {
    let lens = use_lens();
    let editing = RwSignal::new(None::<u32>);
    let count = Memo::new(move |_| lens.docs.with(|d| d.len()));
    view! {
        <ul class="doclist" data-testid="doclist" aria-label="Open documents">
            <For each=move || lens.docs.get() key=|d| (d.id, Arc::as_ptr(d) as usize) let:doc>
                <DocEntry doc=doc editing=editing/>
            </For>
        </ul>
        {move || (count.get() >= 2).then(|| view! {
            <button type="button" class="compare-toggle" data-testid="compare"
                aria-pressed=move || (lens.view.get() == View::Compare).to_string()
                on:click=move |_| lens.view.update(|v| *v = if *v == View::Compare { View::Document } else { View::Compare })>
                {move || format!("Compare all {} documents", count.get())}
            </button>
        })}
    }
}

/// One open document: select it, rename it in place, or remove it.
#[component]
fn DocEntry(doc: Arc<Document>, editing: RwSignal<Option<u32>>) -> impl IntoView {
    let lens = use_lens();
    let id = doc.id;
    let (class, label) = badge(doc.report.kind);
    let rating = headline_grade(&doc.report);
    let when = when(&doc.report);
    let who = doc.report.authority.clone();
    let name = doc.name.clone();
    let is_selected = move || lens.selected.get() == Some(id);
    let select = move |_| {
        lens.selected.set(Some(id));
        lens.view.set(View::Document);
        lens.active.set(None);
    };
    view! {
        <li class="doc" class:selected=is_selected data-testid="doc-entry">
            <button type="button" class="doc-select" aria-pressed=move || is_selected().to_string() on:click=select>
                <span class=class>{label}</span>
                <span class="doc-name" data-testid="doc-name">{name.clone()}</span>
                <span class="doc-meta">
                    {who.map(|w| view! { <span>{w}</span> })}
                    {when.map(|w| view! { <span>{w}</span> })}
                    {rating.map(|r| view! { <span data-testid="doc-rating">{r.as_str()}</span> })}
                </span>
            </button>
            <span class="doc-actions">
                {let name = name.clone(); move || if editing.get() == Some(id) {
                    view! { <RenameField id=id name=name.clone() editing=editing/> }.into_any()
                } else {
                    view! {
                        <button type="button" class="small" data-testid="rename" aria-label=format!("Rename {name}")
                            on:click=move |_| editing.set(Some(id))>"Rename"</button>
                    }.into_any()
                }}
                <button type="button" class="small" data-testid="remove" aria-label=format!("Remove {name}")
                    on:click=move |_| lens.remove(id)>"Remove"</button>
            </span>
        </li>
    }
}

/// The name as an input, focused and selected; Enter or leaving it renames, Escape cancels.
#[component]
fn RenameField(id: u32, name: String, editing: RwSignal<Option<u32>>) -> impl IntoView {
    let lens = use_lens();
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let commit = move |value: String| {
        if !value.trim().is_empty() {
            lens.rename(id, value.trim().to_string());
        }
        editing.set(None);
    };
    view! {
        <input type="text" class="rename" aria-label="New name" data-testid="rename-input" value=name node_ref=field
            on:keydown=move |ev| match ev.key().as_str() {
                "Enter" => commit(event_target_value(&ev)),
                "Escape" => editing.set(None),
                _ => {}
            }
            on:blur=move |ev| commit(event_target_value(&ev))/>
    }
}
