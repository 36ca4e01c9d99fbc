//! The Priorities card at the top of Overview: the short list to act on (see
//! `analysis::priorities`), grouped by theme, each one click from its words.

use std::sync::Arc;

use leptos::prelude::*;

use super::items::origin_label;
use crate::analysis::priorities::{by_theme, MAX_DERIVED};
use crate::analysis::{Origin, Priority, Span};
use crate::app::Document;

/// How many priorities the card shows before "Show all".
const SHOWN: usize = MAX_DERIVED;

#[component]
pub fn Priorities(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let total = doc.report.priorities.len();
    if total == 0 {
        return view! {
            <section class="card priorities" data-testid="priorities">
                <h3>"Priorities"</h3>
                <p class="muted">"Nothing to act on was found: no list of improvements, no low score or grade, no figure worse than its comparator, no clear shortfall."</p>
            </section>
        }
        .into_any();
    }
    let stated = doc.report.priorities.iter().filter(|p| p.origin == Origin::StatedList).count();
    let (all, set_all) = signal(false);
    let groups = move || {
        let n = if all.get() { total } else { SHOWN.max(1).min(total) };
        // Numbered through the groups, as in the action plan.
        let mut start = 1;
        by_theme(&doc.report.priorities[..n])
            .into_iter()
            .map(|(theme, items)| {
                let first = start;
                start += items.len();
                view! {
                    <div class="group" data-testid="priority-group">
                        <h4>{theme.to_string()}</h4>
                        <ol class="items" start=first>{items.into_iter().map(|p| row(p, on_evidence)).collect_view()}</ol>
                    </div>
                }
            })
            .collect_view()
    };
    let intro = if stated > 0 {
        format!("The report's own list first ({stated}), then what its grades, figures and findings add.")
    } else {
        "What the report's scores, grades, figures and clearest findings say needs to improve.".to_string()
    };
    view! {
        <section class="card priorities" data-testid="priorities">
            <h3>"Priorities"</h3>
            <p class="muted">{intro}</p>
            {groups}
            {move || (!all.get() && total > SHOWN).then(|| view! {
                <p class="more"><button type="button" data-testid="priorities-all" on:click=move |_| set_all.set(true)>{format!("Show all {total}")}</button></p>
            })}
        </section>
    }
    .into_any()
}

fn row(p: &Priority, on_evidence: Callback<Span>) -> impl IntoView {
    let span = p.span;
    view! {
        <li data-testid="priority" data-origin=p.origin.as_str()>
            <span class=format!("origin o-{}", p.origin)>{origin_label(p.origin)}</span>
            <button type="button" class="link item-text" title="Show these words in the text" on:click=move |_| on_evidence.run(span)>{p.text.clone()}</button>
            {p.agency.clone().map(|a| view! { <span class="cue" data-testid="priority-agency">" — for " {a}</span> })}
        </li>
    }
}
