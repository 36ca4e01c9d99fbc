//! The "In England" card beside an Ofsted report's judgements: the national distribution of
//! latest overall grades, where this report's grade sits, the council's ILACS history and its
//! statistical neighbours (the core's [`context`](crate::analysis::context)), each dated and
//! sourced; and "Compare with my neighbours". Distributions and neighbours, never a ranking.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::context::{context_for, missing_note, England, Inspection, AREAS};
use crate::analysis::Grade;
use crate::app::{use_lens, Document, View};

/// "as at 31 March 2025 (Ofsted official statistics)": beside every official figure.
fn dated(e: &England) -> String {
    format!("as at {} (Ofsted official statistics)", e.as_at)
}

fn cell(g: Option<Grade>) -> impl IntoView {
    match g {
        Some(g) => view! { <td class=format!("cell s{}", g.rank())>{g.as_str()}</td> }.into_any(),
        None => view! { <td>"\u{2014}"</td> }.into_any(),
    }
}

#[component]
pub fn InEngland(doc: Arc<Document>) -> impl IntoView {
    let lens = use_lens();
    let Some(e) = context_for(&doc.report) else {
        return missing_note(&doc.report)
            .map(|note| {
                view! {
                    <div class="card england" data-testid="in-england">
                        <h3>"In England"</h3>
                        <p data-testid="england-missing">{note}</p>
                    </div>
                }
            })
            .into_any();
    };
    let total: usize = e.distribution.iter().map(|(_, n)| n).sum::<usize>() + e.without_grade;
    let this = e.report_grade.map(|g| g.rank());
    let official = e.council.latest.as_ref().and_then(Inspection::overall).map(|g| g.rank());
    let bars = e
        .distribution
        .iter()
        .map(|(g, n)| {
            let share = 100.0 * *n as f64 / total.max(1) as f64;
            let mut marks = Vec::new();
            if this == Some(g.rank()) {
                marks.push("this report");
            }
            if official == Some(g.rank()) {
                marks.push("this council's latest official grade");
            }
            let mark = (!marks.is_empty()).then(|| format!(" \u{2190} {}", marks.join("; ")));
            view! {
                <li data-testid="england-grade" class:here=!marks.is_empty()>
                    <span class="dist-label">{g.as_str()}</span>
                    // An SVG bar: its width is an attribute (the page's CSP allows no inline styles).
                    <svg class=format!("dist-bar s{}", g.rank()) viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect class="fill" x="0" y="0" height="10" width=format!("{share:.1}")></rect>
                    </svg>
                    <span class="dist-count">{format!("{n} of {total}")}</span>
                    {mark.map(|m| view! { <strong class="dist-here">{m}</strong> })}
                </li>
            }
        })
        .collect_view();
    let history = e
        .council
        .history
        .iter()
        .chain(e.council.visits.iter().filter(|v| v.theme.is_some()))
        .map(|h| {
            let kind = match &h.theme {
                Some(t) => format!("{} ({t})", h.kind),
                None => h.kind.clone(),
            };
            view! { <tr data-testid="england-history-row"><td>{h.inspected.clone()}</td><td>{kind}</td>{cell(h.overall())}</tr> }
        })
        .collect_view();
    let code = e.council.code.clone();
    let compare = move |_| {
        lens.neighbours_of.set(Some(code.clone()));
        lens.view.set(View::Compare);
    };
    let when = dated(&e);
    view! {
        <div class="card england" data-testid="in-england">
            <h3>"In England"</h3>
            <p data-testid="england-note">{e.note.clone()}</p>
            <p class="hint">{format!("Latest overall effectiveness of the {total} English councils, {when}.")}</p>
            <ul class="dist">{bars}</ul>
            <details data-testid="england-history">
                <summary>{format!("{}'s ILACS inspections since 2018 ({})", e.council.name, e.council.history.len())}</summary>
                <table class="grades"><thead><tr><th scope="col">"Inspected"</th><th scope="col">"Type"</th><th scope="col">"Overall"</th></tr></thead>
                <tbody>{history}</tbody></table>
            </details>
            <h4>{format!("Statistical neighbours of {} (DfE 2025)", e.council.name)}</h4>
            {neighbour_table(&e, None)}
            <p class="buttons"><button type="button" class="small" data-testid="compare-neighbours" on:click=compare>"Compare with my neighbours"</button></p>
            <p class="hint">{format!("Grades {when}; neighbours: DfE children's services statistical neighbour model 2025. Crown copyright, Open Government Licence v3.0. Councils are listed by the model's closeness, not by grade.")}</p>
        </div>
    }
    .into_any()
}

/// In Compare: the official grades of a council's neighbours, beside the documents loaded.
#[component]
pub fn NeighboursCompared(code: String, docs: Vec<Arc<Document>>) -> impl IntoView {
    let lens = use_lens();
    let Some(e) = crate::analysis::context::england(&code, None) else { return ().into_any() };
    let when = dated(&e);
    view! {
        <div class="card table-wrap" data-testid="neighbours-compared" tabindex="0" role="region" aria-label="Statistical neighbours">
            <h3>{format!("{} and its statistical neighbours: official grades {when}", e.council.name)}</h3>
            {neighbour_table(&e, Some(&docs))}
            <p class="buttons"><button type="button" class="small" data-testid="neighbours-close" on:click=move |_| lens.neighbours_of.set(None)>"Hide the neighbours"</button></p>
        </div>
    }
    .into_any()
}

/// The council (when comparing) and its ten neighbours: latest official date and grades, and
/// either their 2024-25 visit themes (the card) or the documents loaded of each (Compare).
fn neighbour_table(e: &England, loaded: Option<&[Arc<Document>]>) -> impl IntoView {
    let this = loaded.map(|_| (e.council, "this council".to_string()));
    let rows = this
        .into_iter()
        .chain(e.neighbours.iter().map(|n| (n.council, n.closeness.clone())))
        .map(|(c, close)| {
            let l = c.latest.as_ref();
            let last = match loaded {
                Some(docs) => docs
                    .iter()
                    .filter(|d| d.report.authority.as_deref().and_then(crate::analysis::context::council).is_some_and(|x| x.code == c.code))
                    .map(|d| d.name.clone())
                    .collect::<Vec<_>>(),
                None => c.visits.iter().filter_map(|v| v.theme.clone()).collect(),
            };
            view! {
                <tr data-testid=if loaded.is_some() { "neighbours-compared-row" } else { "neighbour-row" }>
                    <th scope="row">{c.name.clone()}<span class="hint">{close}</span></th>
                    <td>{l.map(|l| l.inspected.clone()).unwrap_or_default()}</td>
                    {(0..AREAS.len()).map(|k| cell(l.and_then(|l| l.grades[k]))).collect_view()}
                    <td class="hint">{last.join("; ")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Statistical neighbours">
            <table class="grades compare-table" data-testid="neighbours">
                <thead><tr><th scope="col">"Council"</th><th scope="col">"Inspected"</th>
                    {AREAS.iter().map(|a| view! { <th scope="col">{*a}</th> }).collect_view()}
                    <th scope="col">{if loaded.is_some() { "Loaded here" } else { "Visits 2024-25" }}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
