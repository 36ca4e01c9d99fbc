//! Comparing the open documents: a heatmap of quality-statement scores (statements ×
//! councils, colour and number), Ofsted grades side by side, financial facts side by side,
//! and the figures the documents share (the same England comparator).

use std::sync::Arc;

use leptos::prelude::*;

use super::{use_lens, Document};
use crate::analysis::{statement_names, Kind};

fn short_name(d: &Document) -> String {
    d.report.authority.clone().unwrap_or_else(|| d.name.clone())
}

fn money(v: Option<f64>) -> String {
    v.map(|v| format!("£{:.2}m", v / 1e6)).unwrap_or_else(|| "—".into())
}

#[component]
pub fn CompareView() -> impl IntoView {
    let lens = use_lens();
    let docs: Vec<Arc<Document>> = lens.docs.get_untracked();
    let cqc: Vec<Arc<Document>> = docs.iter().filter(|d| !d.report.scores.is_empty()).cloned().collect();
    let ofsted: Vec<Arc<Document>> =
        docs.iter().filter(|d| d.report.kind == Kind::OfstedIlacs && !d.report.judgements.is_empty()).cloned().collect();
    let fin: Vec<Arc<Document>> = docs.iter().filter(|d| d.report.financial.is_some()).cloned().collect();

    view! {
        <div data-testid="compare-view">
            <h2 class="compare-title">{format!("Comparing {} documents", docs.len())}</h2>
            {(cqc.len() >= 1).then(|| heatmap(&cqc))}
            {(ofsted.len() >= 1).then(|| grades(&ofsted))}
            {(fin.len() >= 1).then(|| finance(&fin))}
            {shared(&docs)}
        </div>
    }
}

fn heatmap(docs: &[Arc<Document>]) -> impl IntoView {
    let names: Vec<String> = docs.iter().map(|d| short_name(d)).collect();
    view! {
        <div class="card table-wrap" data-testid="heatmap" tabindex="0" role="region" aria-label="Quality statement scores">
            <h3>"Quality statement scores"</h3>
            <table class="heatmap">
                <thead><tr><th scope="col">"Statement"</th>{names.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {statement_names().map(|(_, st)| view! {
                        <tr data-testid="heatmap-row">
                            <th scope="row">{st}</th>
                            {docs.iter().map(|d| match d.report.scores.iter().find(|s| s.statement == st) {
                                Some(s) => view! { <td class=format!("cell s{}", s.score) title=s.label.clone()>{s.score}</td> }.into_any(),
                                None => view! { <td class="cell" title="not scored in this text">"—"</td> }.into_any(),
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                    <tr>
                        <th scope="row">"Recomputed"</th>
                        {docs.iter().map(|d| view! { <td>{d.report.computed_rating.as_ref().map(|c| format!("{}% {}", c.percent, c.rating.clone().unwrap_or_default())).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                    </tr>
                    <tr>
                        <th scope="row">"Stated rating"</th>
                        {docs.iter().map(|d| view! { <td data-testid="compare-rating">{d.report.overall.as_ref().map(|o| o.rating.clone()).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                    </tr>
                </tbody>
            </table>
            <p class="hint">"1 significant shortfalls · 2 some shortfalls · 3 good standard · 4 exceptional standard"</p>
        </div>
    }
}

fn grades(docs: &[Arc<Document>]) -> impl IntoView {
    let mut areas: Vec<String> = Vec::new();
    for d in docs {
        for j in &d.report.judgements {
            if !areas.iter().any(|a| a.eq_ignore_ascii_case(&j.area)) {
                areas.push(j.area.clone());
            }
        }
    }
    view! {
        <div class="card table-wrap" data-testid="compare-grades" tabindex="0" role="region" aria-label="Ofsted judgements">
            <h3>"Ofsted judgements"</h3>
            <table class="grades">
                <thead><tr><th scope="col">"Judgement"</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {areas.into_iter().map(|a| view! {
                        <tr>
                            <th scope="row">{a.clone()}</th>
                            {docs.iter().map(|d| view! { <td>{d.report.judgements.iter().find(|j| j.area.eq_ignore_ascii_case(&a)).map(|j| j.grade.clone()).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn finance(docs: &[Arc<Document>]) -> impl IntoView {
    type Get = fn(&crate::analysis::Financial) -> String;
    let rows: [(&str, Get); 8] = [
        ("Total budget, estimated", |f| money(f.total_budget_estimated)),
        ("Total budget, actual", |f| money(f.total_budget_actual)),
        ("Adult social care, estimated", |f| money(f.asc_budget_estimated)),
        ("Adult social care, actual", |f| money(f.asc_spend_actual)),
        ("Share spent on adult social care", |f| f.asc_share_percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())),
        ("Adult social care precept", |f| f.precept_percent.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into())),
        ("People in long-term support", |f| f.long_term_support_people.map(|p| p.to_string()).unwrap_or_else(|| "—".into())),
        ("People in short-term support", |f| f.short_term_support_people.map(|p| p.to_string()).unwrap_or_else(|| "—".into())),
    ];
    view! {
        <div class="card table-wrap" data-testid="compare-financial" tabindex="0" role="region" aria-label="Financial facts">
            <h3>"Financial facts"</h3>
            <table class="money">
                <thead><tr><th scope="col">""</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, get)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {docs.iter().map(|d| view! { <td>{d.report.financial.as_ref().map(get).unwrap_or_default()}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Figures compared with the same England figure in two or more documents.
fn shared(docs: &[Arc<Document>]) -> impl IntoView {
    let mut rows: Vec<(String, f64, Vec<Option<String>>)> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for m in &d.report.metrics {
            let Some(c) = m.comparator.as_ref().filter(|c| c.label != "target") else { continue };
            let cell = format!("{}{}", m.value, if m.unit == "percent" { "%" } else { "" });
            let cell = match m.judgement.as_deref().or(m.direction.as_deref()) {
                Some(v) => format!("{cell} ({v})"),
                None => cell,
            };
            match rows.iter_mut().find(|(_, v, _)| (v - c.value).abs() < 1e-9) {
                Some((_, _, cells)) => {
                    if cells[di].is_none() {
                        cells[di] = Some(cell);
                    }
                }
                None => {
                    let mut cells = vec![None; docs.len()];
                    cells[di] = Some(cell);
                    rows.push((m.label.clone(), c.value, cells));
                }
            }
        }
    }
    rows.retain(|(_, _, cells)| cells.iter().filter(|c| c.is_some()).count() >= 2);
    (!rows.is_empty()).then(|| view! {
        <div class="card table-wrap" data-testid="compare-shared" tabindex="0" role="region" aria-label="Figures the documents share">
            <h3>"Figures the documents share"</h3>
            <p class="hint">"Figures set against the same England figure in two or more documents."</p>
            <table class="metrics-table">
                <thead><tr><th scope="col">"Measure"</th><th scope="col">"England"</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, england, cells)| view! {
                        <tr data-testid="shared-row">
                            <th scope="row">{label}</th>
                            <td>{format!("{england}")}</td>
                            {cells.into_iter().map(|c| view! { <td>{c.unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}
