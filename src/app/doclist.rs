//! The open documents: kind badge, authority, date and rating; select, rename, remove (with
//! Undo). The list grows with the documents and, from nine, groups them by kind, each kind
//! folding; the selected one is scrolled into view.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use super::{use_lens, Document, View};
use crate::analysis::format::{long_date, plural};
use crate::analysis::{Grade, Kind, Report};

fn badge(kind: Kind) -> (&'static str, &'static str) {
    (super::results::summary::kind_class(kind), kind.short())
}

/// The rating a document states: CQC's overall rating, Ofsted's overall effectiveness, or an
/// Area SEND inspection's outcome.
fn headline_grade(r: &Report) -> Option<Grade> {
    r.overall
        .as_ref()
        .map(|o| o.rating)
        .or_else(|| r.judgements.iter().find(|j| j.area.to_lowercase().contains("overall") || j.is_area_outcome()).map(|j| j.grade))
}

/// When: the publication or meeting date, else the period as written.
fn when(r: &Report) -> Option<String> {
    r.published.as_deref().or_else(|| r.meeting.as_ref().and_then(|m| m.date.as_deref())).map(long_date).or_else(|| r.period.clone())
}

/// From how many documents the list groups them by kind, each kind folding with its count.
const GROUP_FROM: usize = 9;

/// Give focus to a control of a document's entry (`selector` inside it), once it is drawn.
fn focus_entry(list: NodeRef<html::Div>, id: u32, selector: &'static str) {
    request_animation_frame(move || {
        let found = list.get_untracked().and_then(|l| l.query_selector(&format!("[data-doc='{id}'] {selector}")).ok().flatten());
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn DocumentList() -> impl IntoView {
    let lens = use_lens();
    let editing = RwSignal::new(None::<u32>);
    let list = NodeRef::<html::Div>::new();
    let undo_button = NodeRef::<html::Button>::new();
    let count = Memo::new(move |_| lens.docs.with(|d| d.len()));
    // The kinds present, in the order first loaded (for the grouped list).
    let kinds = Memo::new(move |_| {
        lens.docs.with(|d| {
            let mut ks: Vec<Kind> = Vec::new();
            for x in d {
                if !ks.contains(&x.report.kind) {
                    ks.push(x.report.kind);
                }
            }
            ks
        })
    });
    let entries = move |kind: Option<Kind>| {
        let of_kind = move || lens.docs.get().into_iter().filter(move |d| kind.is_none_or(|k| d.report.kind == k)).collect::<Vec<_>>();
        view! {
            <ul class="docs">
                <For each=of_kind key=|d| (d.id, Arc::as_ptr(d) as usize) let:doc>
                    <DocEntry doc=doc editing=editing list=list undo_button=undo_button/>
                </For>
            </ul>
        }
    };
    let body = move || {
        if count.get() < GROUP_FROM {
            return entries(None).into_any();
        }
        kinds
            .get()
            .into_iter()
            .map(|k| {
                let n = move || lens.docs.with(|d| d.iter().filter(|x| x.report.kind == k).count());
                view! {
                    <details class="doc-group" open data-testid="doc-group">
                        <summary>{move || format!("{} ({})", k.short(), n())}</summary>
                        {entries(Some(k))}
                    </details>
                }
            })
            .collect_view()
            .into_any()
    };
    // The selected document is scrolled into view in the list (its kind unfolded).
    Effect::new(move |_| {
        let Some(id) = lens.selected.get() else { return };
        request_animation_frame(move || {
            let Some(el) = list.get_untracked().and_then(|l| l.query_selector(&format!("[data-doc='{id}']")).ok().flatten()) else {
                return;
            };
            if let Some(group) = el.closest("details").ok().flatten() {
                let _ = group.set_attribute("open", "");
            }
            // Within the list's own scroll box only: the page stays where the user is (an item
            // clicked in "Since last time" selects its report without the page jumping up).
            let Some(boxed) = list.get_untracked() else { return };
            let (b, r) = (boxed.get_bounding_client_rect(), el.get_bounding_client_rect());
            if r.top() < b.top() {
                boxed.set_scroll_top(boxed.scroll_top() - (b.top() - r.top()).ceil() as i32);
            } else if r.bottom() > b.bottom() {
                boxed.set_scroll_top(boxed.scroll_top() + (r.bottom() - b.bottom()).ceil() as i32);
            }
        });
    });
    let undo = move |_| {
        if let Some(id) = lens.undo() {
            focus_entry(list, id, ".doc-select");
        }
    };
    view! {
        <div class="doclist" node_ref=list data-testid="doclist" role="group" aria-label="Open documents">{body}</div>
        {move || lens.undo.get().map(|u| view! {
            <p class="undo-notice" role="status" data-testid="undo-notice">
                {format!("{} \u{201c}{}\u{201d}. ", u.verb, u.doc.name)}
                <button type="button" class="small" data-testid="undo" node_ref=undo_button on:click=undo>"Undo"</button>
                " "
                <button type="button" class="small" data-testid="undo-dismiss" aria-label="Dismiss" on:click=move |_| lens.undo.set(None)>"\u{00d7}"</button>
            </p>
        })}
        {move || (count.get() >= 2).then(|| view! {
            <button type="button" class="compare-toggle" data-testid="compare"
                aria-pressed=move || (lens.view.get() == View::Compare).to_string()
                on:click=move |_| lens.view.update(|v| *v = if *v == View::Compare { View::Document } else { View::Compare })>
                {move || format!("Compare all {} documents", count.get())}
            </button>
        })}
        {move || {
            let groups = lens.docs.with(|d| super::since::series_of(d));
            (!groups.is_empty()).then(|| {
                let name = if groups.len() == 1 { super::since::series_name(&groups[0]) } else { plural(groups.len(), "council", "councils") };
                view! {
                    <button type="button" class="compare-toggle" data-testid="since"
                        aria-pressed=move || (lens.view.get() == View::Since).to_string()
                        on:click=move |_| lens.view.update(|v| *v = if *v == View::Since { View::Document } else { View::Since })>
                        {format!("Since last time: {name}")}
                    </button>
                }
            })
        }}
    }
}

/// One open document: select it, rename it in place, or remove it.
#[component]
fn DocEntry(
    doc: Arc<Document>,
    editing: RwSignal<Option<u32>>,
    list: NodeRef<html::Div>,
    undo_button: NodeRef<html::Button>,
) -> impl IntoView {
    let lens = use_lens();
    let id = doc.id;
    let (class, label) = badge(doc.report.kind);
    let rating = headline_grade(&doc.report);
    let when = when(&doc.report);
    let who = doc.report.subject().map(str::to_string);
    let name = doc.name.clone();
    let is_selected = move || lens.selected.get() == Some(id);
    let select = move |_| {
        lens.selected.set(Some(id));
        lens.view.set(View::Document);
        lens.active.set(None);
    };
    view! {
        <li class="doc" class:selected=is_selected data-testid="doc-entry" data-doc=id>
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
                    view! { <RenameField id=id name=name.clone() editing=editing list=list/> }.into_any()
                } else {
                    view! {
                        <button type="button" class="small" data-testid="rename" aria-label=format!("Rename {name}")
                            on:click=move |_| editing.set(Some(id))>"Rename"</button>
                    }.into_any()
                }}
                <button type="button" class="small" data-testid="remove" aria-label=format!("Remove {name}")
                    on:click=move |_| {
                        lens.remove(id);
                        // Focus on the way back.
                        request_animation_frame(move || {
                            if let Some(b) = undo_button.get_untracked() {
                                let _ = b.focus();
                            }
                        });
                    }>"Remove"</button>
            </span>
        </li>
    }
}

/// The name as an input, focused and selected; Enter or leaving it renames, Escape cancels.
#[component]
fn RenameField(id: u32, name: String, editing: RwSignal<Option<u32>>, list: NodeRef<html::Div>) -> impl IntoView {
    let lens = use_lens();
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
            el.select();
        }
    });
    // Leaving the field (Enter, Escape or a click elsewhere) ends the edit once; focus goes
    // back to the entry's Rename button, unless the user moved it elsewhere.
    let commit = move |value: Option<String>, refocus: bool| {
        if editing.get_untracked() != Some(id) {
            return;
        }
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            lens.rename(id, v.trim().to_string());
        }
        editing.set(None);
        if refocus {
            focus_entry(list, id, "[data-testid=rename]");
        }
    };
    view! {
        <input type="text" class="rename" aria-label="New name" data-testid="rename-input" value=name node_ref=field
            on:keydown=move |ev| match ev.key().as_str() {
                "Enter" => commit(Some(event_target_value(&ev)), true),
                "Escape" => commit(None, true),
                _ => {}
            }
            on:blur=move |ev| commit(Some(event_target_value(&ev)), false)/>
    }
}
