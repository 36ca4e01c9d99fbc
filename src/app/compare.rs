//! Comparing the open documents: a heatmap of quality-statement scores (statements ×
//! councils, colour and number), Ofsted grades side by side, area inspections (Area SEND
//! outcome, JTAI theme, inspectorates, how much each must improve) side by side, financial
//! facts side by side, and the figures the documents share (the same England comparator).

use std::sync::Arc;

use leptos::prelude::*;

use super::{use_lens, Document};
use crate::analysis::format::{figure, group, money, plural};
use crate::analysis::{statement_names, ComputedRating, Financial, Kind, Metric, Origin, Unit};

fn short_name(d: &Document) -> String {
    d.report.authority.clone().unwrap_or_else(|| d.name.clone())
}

/// A value or a dash when the document does not state it.
fn or_dash<T>(v: Option<T>, show: impl Fn(T) -> String) -> String {
    v.map(show).unwrap_or_else(|| "—".into())
}

fn percent(p: f64) -> String {
    figure(p, Unit::Percent)
}

fn people(n: u64) -> String {
    group(n as i64)
}

/// "61.1% Requires improvement", or "38.9% between Inadequate and Requires improvement".
fn recomputed(c: &ComputedRating) -> String {
    let percent = figure(c.percent, Unit::Percent);
    match (c.rating, c.between) {
        (Some(r), _) => format!("{percent} {r}"),
        (None, Some((a, b))) => format!("{percent} between {a} and {b}"),
        (None, None) => percent,
    }
}

#[component]
pub fn CompareView() -> impl IntoView {
    let lens = use_lens();
    // Drawn again when a document is added, renamed or removed.
    move || lens.docs.with(|docs| comparison(docs))
}

fn comparison(docs: &[Arc<Document>]) -> impl IntoView {
    let cqc: Vec<Arc<Document>> = docs.iter().filter(|d| !d.report.scores.is_empty()).cloned().collect();
    let ofsted: Vec<Arc<Document>> =
        docs.iter().filter(|d| d.report.kind == Kind::OfstedIlacs && !d.report.judgements.is_empty()).cloned().collect();
    let fin: Vec<Arc<Document>> = docs.iter().filter(|d| d.report.financial.is_some()).cloned().collect();
    let areas: Vec<Arc<Document>> = docs.iter().filter(|d| matches!(d.report.kind, Kind::AreaSend | Kind::Jtai)).cloned().collect();

    view! {
        <div data-testid="compare-view">
            <h2 class="compare-title">{format!("Comparing {}", plural(docs.len(), "document", "documents"))}</h2>
            {(!cqc.is_empty()).then(|| heatmap(&cqc))}
            {(!ofsted.is_empty()).then(|| grades(&ofsted))}
            {(!areas.is_empty()).then(|| area_inspections(&areas))}
            {(!fin.is_empty()).then(|| finance(&fin))}
            {shared(docs)}
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
                        {docs.iter().map(|d| view! { <td>{or_dash(d.report.computed_rating.as_ref(), recomputed)}</td> }).collect_view()}
                    </tr>
                    <tr>
                        <th scope="row">"Stated rating"</th>
                        {docs.iter().map(|d| view! { <td data-testid="compare-rating">{or_dash(d.report.overall.as_ref(), |o| o.rating.to_string())}</td> }).collect_view()}
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
                            {docs.iter().map(|d| view! { <td>{or_dash(d.report.judgements.iter().find(|j| j.area.eq_ignore_ascii_case(&a)), |j| j.grade.to_string())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// How many of the report's own what-must-improve items sit under a list whose title starts
/// with `list` ("areas for priority action", "areas for improvement" / "what needs to improve").
fn stated_count(d: &Document, lists: &[&str]) -> usize {
    d.report
        .gaps
        .iter()
        .filter(|g| g.origin == Origin::StatedList)
        .filter(|g| g.section.as_deref().is_some_and(|s| lists.iter().any(|l| s.to_ascii_lowercase().starts_with(l))))
        .count()
}

/// Area SEND reports and JTAI letters side by side: what each is, its outcome or theme, who
/// inspected, and how many items each list of what must improve holds.
fn area_inspections(docs: &[Arc<Document>]) -> impl IntoView {
    type Get = fn(&Document) -> String;
    let rows: [(&str, Get); 7] = [
        ("Inspection", |d| if d.report.kind == Kind::AreaSend { "Area SEND".into() } else { "JTAI".into() }),
        ("Dates", |d| or_dash(d.report.period.as_deref(), str::to_string)),
        ("Outcome", |d| or_dash(d.report.judgements.iter().find(|j| j.area == "Inspection outcome"), |j| j.grade.to_string())),
        ("Theme", |d| or_dash(d.report.theme.as_deref(), str::to_string)),
        ("Inspectorates", |d| if d.report.agencies.is_empty() { "—".into() } else { d.report.agencies.join(", ") }),
        ("Areas for priority action", |d| stated_count(d, &["areas for priority action", "area for priority action"]).to_string()),
        ("Areas for improvement", |d| stated_count(d, &["areas for improvement", "what needs to improve"]).to_string()),
    ];
    view! {
        <div class="card table-wrap" data-testid="compare-area" tabindex="0" role="region" aria-label="Area inspections">
            <h3>"Area inspections"</h3>
            <table class="grades">
                <thead><tr><th scope="col">""</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, get)| view! {
                        <tr data-testid="compare-area-row">
                            <th scope="row">{name}</th>
                            {docs.iter().map(|d| view! { <td>{get(d)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">"Area SEND outcomes: positive / inconsistent experiences and outcomes, or widespread and/or systemic failings. JTAI letters carry no grade."</p>
        </div>
    }
}

fn finance(docs: &[Arc<Document>]) -> impl IntoView {
    type Get = fn(&Financial) -> String;
    let rows: [(&str, Get); 8] = [
        ("Total budget, estimated", |f| or_dash(f.total_budget_estimated, money)),
        ("Total budget, actual", |f| or_dash(f.total_budget_actual, money)),
        ("Adult social care, estimated", |f| or_dash(f.asc_budget_estimated, money)),
        ("Adult social care, actual", |f| or_dash(f.asc_spend_actual, money)),
        ("Share spent on adult social care", |f| or_dash(f.asc_share_percent, percent)),
        ("Adult social care precept", |f| or_dash(f.precept_percent, percent)),
        ("People in long-term support", |f| or_dash(f.long_term_support_people, people)),
        ("People in short-term support", |f| or_dash(f.short_term_support_people, people)),
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

/// A shared figure's cell: the figure and the report's verdict on it (or its direction).
fn shared_cell(m: &Metric) -> String {
    let cell = figure(m.value, m.unit);
    match (m.judgement, m.direction) {
        (Some(v), _) => format!("{cell} ({v})"),
        (None, Some(d)) => format!("{cell} ({d})"),
        (None, None) => cell,
    }
}

/// One measure across the documents: its label, the England figure and unit, and a cell per document.
struct SharedRow {
    label: String,
    england: f64,
    unit: Unit,
    cells: Vec<Option<String>>,
}

/// Figures compared with the same England figure in two or more documents.
fn shared(docs: &[Arc<Document>]) -> impl IntoView {
    let mut rows: Vec<SharedRow> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for m in &d.report.metrics {
            let Some(c) = m.comparator.as_ref().filter(|_| !m.has_target()) else { continue };
            let i = rows.iter().position(|r| (r.england - c.value).abs() < 1e-9).unwrap_or_else(|| {
                rows.push(SharedRow { label: m.label.clone(), england: c.value, unit: m.unit, cells: vec![None; docs.len()] });
                rows.len() - 1
            });
            rows[i].cells[di].get_or_insert_with(|| shared_cell(m));
        }
    }
    rows.retain(|r| r.cells.iter().filter(|c| c.is_some()).count() >= 2);
    (!rows.is_empty()).then(|| view! {
        <div class="card table-wrap" data-testid="compare-shared" tabindex="0" role="region" aria-label="Figures the documents share">
            <h3>"Figures the documents share"</h3>
            <p class="hint">"Figures set against the same England figure in two or more documents."</p>
            <table class="metrics-table">
                <thead><tr><th scope="col">"Measure"</th><th scope="col">"England"</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-testid="shared-row">
                            <th scope="row">{r.label}</th>
                            <td>{figure(r.england, r.unit)}</td>
                            {r.cells.into_iter().map(|c| view! { <td>{c.unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}
