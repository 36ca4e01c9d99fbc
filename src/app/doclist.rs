//! The open documents: kind badge, authority, date and rating; select, rename, remove.

use leptos::prelude::*;

use super::{use_lens, View};
use crate::analysis::Kind;

fn badge(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::CqcLaAssessment => ("badge cqc", "CQC"),
        Kind::OfstedIlacs => ("badge ofsted", "Ofsted"),
        Kind::CommitteePapers => ("badge papers", "Papers"),
        Kind::Unknown => ("badge unknown", "Other"),
    }
}

#[component]
pub fn DocumentList() -> impl IntoView {
    let lens = use_lens();
    let editing = RwSignal::new(None::<u32>);
    view! {
        <ul class="doclist" data-testid="doclist" aria-label="Open documents">
            <For each=move || lens.docs.get() key=|d| (d.id, std::sync::Arc::as_ptr(d) as usize) let:doc>
                {
                    let id = doc.id;
                    let (class, label) = badge(doc.report.kind);
                    let rating = doc.report.overall.as_ref().map(|o| o.rating.clone()).or_else(|| {
                        doc.report.judgements.iter().find(|j| j.area.to_lowercase().contains("overall")).map(|j| j.grade.clone())
                    });
                    let when = doc.report.published.clone().or_else(|| doc.report.meeting.as_ref().and_then(|m| m.date.clone())).or_else(|| doc.report.period.clone());
                    let who = doc.report.authority.clone();
                    let name = doc.name.clone();
                    let name_for_input = name.clone();
                    view! {
                        <li class="doc" class:selected=move || lens.selected.get() == Some(id) data-testid="doc-entry">
                            <button type="button" class="doc-select" aria-pressed=move || (lens.selected.get() == Some(id)).to_string()
                                on:click=move |_| { lens.selected.set(Some(id)); lens.view.set(View::Document); lens.active.set(None); }>
                                <span class=class>{label}</span>
                                <span class="doc-name" data-testid="doc-name">{name.clone()}</span>
                                <span class="doc-meta">
                                    {who.map(|w| view! { <span>{w}</span> })}
                                    {when.map(|w| view! { <span>{w}</span> })}
                                    {rating.map(|r| view! { <span data-testid="doc-rating">{r}</span> })}
                                </span>
                            </button>
                            <span class="doc-actions">
                                {move || if editing.get() == Some(id) {
                                    let value = name_for_input.clone();
                                    let field = NodeRef::<leptos::html::Input>::new();
                                    Effect::new(move |_| if let Some(el) = field.get() { let _ = el.focus(); el.select(); });
                                    view! {
                                        <input type="text" class="rename" aria-label="New name" data-testid="rename-input" value=value node_ref=field
                                            on:keydown=move |ev| {
                                                let key = ev.key();
                                                if key == "Enter" {
                                                    let v = event_target_value(&ev);
                                                    if !v.trim().is_empty() { lens.rename(id, v.trim().to_string()); }
                                                    editing.set(None);
                                                } else if key == "Escape" {
                                                    editing.set(None);
                                                }
                                            }
                                            on:blur=move |ev| {
                                                let v = event_target_value(&ev);
                                                if !v.trim().is_empty() { lens.rename(id, v.trim().to_string()); }
                                                editing.set(None);
                                            }/>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="small" data-testid="rename" aria-label=format!("Rename {}", name_for_input)
                                            on:click=move |_| editing.set(Some(id))>"Rename"</button>
                                    }.into_any()
                                }}
                                <button type="button" class="small" data-testid="remove" aria-label=format!("Remove {}", name)
                                    on:click=move |_| lens.remove(id)>"Remove"</button>
                            </span>
                        </li>
                    }
                }
            </For>
        </ul>
        {move || (lens.docs.with(|d| d.len()) >= 2).then(|| view! {
            <button type="button" class="compare-toggle" data-testid="compare"
                aria-pressed=move || (lens.view.get() == View::Compare).to_string()
                on:click=move |_| lens.view.update(|v| *v = if *v == View::Compare { View::Document } else { View::Compare })>
                {move || format!("Compare all {} documents", lens.docs.with(|d| d.len()))}
            </button>
        })}
    }
}
