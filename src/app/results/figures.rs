//! The Figures tab: the financial card, and the table of figures with their comparators,
//! verdicts and sources — filtered by kind and source, sorted by a column, with bars.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::format::{figure, group, signed_money};
use crate::analysis::{Financial, Metric, MetricKind, Span, Unit};
use crate::app::choice::{Choice, Choosable};
use crate::app::Document;

#[component]
pub fn Figures(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let financial = doc.report.financial.clone();
    let none = doc.report.metrics.is_empty();
    view! {
        {financial.map(|f| view! { <FinancialCard financial=f on_evidence=on_evidence testid_prefix=""/> })}
        {(!none).then(|| view! { <MetricsTable doc=doc on_evidence=on_evidence/> })}
        {none.then(|| view! { <p class="card">"No figures were found in this text."</p> })}
    }
}

// ---- The financial card

/// One budget line: estimated, actual and the difference.
struct Budget {
    name: &'static str,
    estimated: Option<f64>,
    actual: Option<f64>,
    /// As the report states it; otherwise actual minus estimated.
    variance: Option<f64>,
    testid: String,
}

/// "+£3.83m over budget", "−£404k under budget", with the class that colours it.
fn variance_text(v: Option<f64>) -> (String, &'static str) {
    match v {
        Some(v) if v > 0.0 => (format!("{} over budget", signed_money(v)), "over"),
        Some(v) if v < 0.0 => (format!("{} under budget", signed_money(v)), "under"),
        Some(_) => ("on budget".to_string(), ""),
        None => (String::new(), ""),
    }
}

fn budget_row(b: Budget) -> Option<impl IntoView> {
    if b.estimated.is_none() && b.actual.is_none() {
        return None;
    }
    let variance = b.variance.or_else(|| b.estimated.zip(b.actual).map(|(e, a)| a - e));
    let (text, class) = variance_text(variance);
    let money = |v: Option<f64>| v.map(crate::analysis::format::money);
    Some(view! {
        <tr data-testid=b.testid>
            <th scope="row">{b.name}</th>
            <td>{money(b.estimated)}</td>
            <td>{money(b.actual)}</td>
            <td class=class>{text}</td>
        </tr>
    })
}

/// The other financial facts, one line each.
fn facts(f: &Financial) -> impl IntoView {
    let percent = |p: f64| figure(p, Unit::Percent);
    let people = |n: u64| group(n as i64);
    view! {
        <ul class="facts-list">
            {f.asc_share_percent.map(|p| view! { <li>{format!("{} of the budget spent on adult social care", percent(p))}</li> })}
            {f.precept_percent.map(|p| view! { <li>{format!("Adult social care precept: {}", percent(p))}</li> })}
            {f.long_term_support_people.map(|n| view! { <li>{format!("{} people in long-term support", people(n))}</li> })}
            {f.short_term_support_people.map(|n| view! { <li>{format!("{} people in short-term support", people(n))}</li> })}
            {f.support_period.clone().map(|p| view! { <li>{format!("Support figures for {p}")}</li> })}
        </ul>
    }
}

#[component]
pub fn FinancialCard(financial: Financial, on_evidence: Callback<Span>, testid_prefix: &'static str) -> impl IntoView {
    let f = financial;
    let total = Budget {
        name: "Total budget",
        estimated: f.total_budget_estimated,
        actual: f.total_budget_actual,
        variance: f.total_variance,
        testid: format!("{testid_prefix}fin-total"),
    };
    let asc = Budget {
        name: "Adult social care",
        estimated: f.asc_budget_estimated,
        actual: f.asc_spend_actual,
        variance: f.asc_variance,
        testid: format!("{testid_prefix}fin-asc"),
    };
    view! {
        <div class="card financial" data-testid=format!("{testid_prefix}financial")>
            <h3>"Financial facts"</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Budget and spend">
            <table class="money">
                <thead><tr><th scope="col">"Budget"</th><th scope="col">"Estimated"</th><th scope="col">"Actual"</th><th scope="col">"Variance"</th></tr></thead>
                <tbody>{budget_row(total)}{budget_row(asc)}</tbody>
            </table>
            </div>
            {facts(&f)}
            {f.span.map(|sp| view! { <button type="button" class="link" on:click=move |_| on_evidence.run(sp)>"Show in text"</button> })}
        </div>
    }
}

// ---- The figures table: filters and sorting

/// Which figures the table shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MetricFilter {
    All,
    /// Worse than the comparator, or over the target.
    Worse,
    WithTarget,
    Kind(MetricKind),
}

impl MetricFilter {
    const CHOICES: [MetricFilter; 8] = [
        MetricFilter::All,
        MetricFilter::Worse,
        MetricFilter::WithTarget,
        MetricFilter::Kind(MetricKind::Comparison),
        MetricFilter::Kind(MetricKind::Trend),
        MetricFilter::Kind(MetricKind::Waiting),
        MetricFilter::Kind(MetricKind::Count),
        MetricFilter::Kind(MetricKind::Demographic),
    ];

    fn keeps(self, m: &Metric) -> bool {
        match self {
            MetricFilter::All => true,
            MetricFilter::Worse => m.is_worse(),
            MetricFilter::WithTarget => m.has_target(),
            MetricFilter::Kind(k) => m.kind == k,
        }
    }
}

impl Choosable for MetricFilter {
    fn value(&self) -> String {
        match self {
            MetricFilter::All => "all".into(),
            MetricFilter::Worse => "worse".into(),
            MetricFilter::WithTarget => "target".into(),
            MetricFilter::Kind(k) => k.as_str().into(),
        }
    }

    fn label(&self) -> String {
        let words = match self {
            MetricFilter::All => "all figures",
            MetricFilter::Worse => "worse than comparator or target",
            MetricFilter::WithTarget => "with a target",
            MetricFilter::Kind(MetricKind::Comparison) => "comparisons",
            MetricFilter::Kind(MetricKind::Trend) => "trends",
            MetricFilter::Kind(MetricKind::Waiting) => "waits",
            MetricFilter::Kind(MetricKind::Count) => "counts",
            MetricFilter::Kind(MetricKind::Demographic) => "demographics",
        };
        words.into()
    }
}

/// Figures from any source, or from the one named.
#[derive(Clone, PartialEq, Eq)]
enum SourceFilter {
    Any,
    Named(String),
}

impl SourceFilter {
    /// "any source" and every source the figures name, alphabetically.
    fn choices(metrics: &[Metric]) -> Vec<SourceFilter> {
        let mut names: Vec<&str> = metrics.iter().filter_map(|m| m.source.as_deref()).collect();
        names.sort_unstable();
        names.dedup();
        std::iter::once(SourceFilter::Any).chain(names.into_iter().map(|n| SourceFilter::Named(n.to_string()))).collect()
    }

    fn keeps(&self, m: &Metric) -> bool {
        match self {
            SourceFilter::Any => true,
            SourceFilter::Named(n) => m.source.as_deref() == Some(n.as_str()),
        }
    }
}

impl Choosable for SourceFilter {
    fn value(&self) -> String {
        match self {
            SourceFilter::Any => String::new(),
            SourceFilter::Named(n) => n.clone(),
        }
    }

    fn label(&self) -> String {
        match self {
            SourceFilter::Any => "any source".into(),
            SourceFilter::Named(n) => n.clone(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Document,
    Measure,
    Value,
    Gap,
}

/// How far a figure lies from its comparator; figures without one sort last.
fn distance(m: &Metric) -> f64 {
    m.comparator.as_ref().map(|c| (m.value - c.value).abs()).unwrap_or(-1.0)
}

/// The positions of the figures shown, in the order shown.
fn shown(metrics: &[Metric], filter: MetricFilter, source: &SourceFilter, sort: SortBy) -> Vec<usize> {
    let mut list: Vec<usize> = (0..metrics.len()).filter(|&i| filter.keeps(&metrics[i]) && source.keeps(&metrics[i])).collect();
    match sort {
        SortBy::Document => {}
        SortBy::Measure => list.sort_by_cached_key(|&i| metrics[i].label.to_lowercase()),
        SortBy::Value => list.sort_by(|&a, &b| metrics[b].value.total_cmp(&metrics[a].value)),
        SortBy::Gap => list.sort_by(|&a, &b| distance(&metrics[b]).total_cmp(&distance(&metrics[a]))),
    }
    list
}

#[component]
fn MetricsTable(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let (filter, set_filter) = signal(MetricFilter::All);
    let (source, set_source) = signal(SourceFilter::Any);
    let (sort, set_sort) = signal(SortBy::Document);
    let sources = SourceFilter::choices(&doc.report.metrics);
    let rows = {
        let doc = doc.clone();
        Memo::new(move |_| source.with(|s| shown(&doc.report.metrics, filter.get(), s, sort.get())))
    };
    // The first rows, then more on request (see ITEMS_PER_PAGE): thousands of rows at once
    // would hold the page while they are laid out; more only adds rows.
    let (limit, set_limit) = signal(super::items::ITEMS_PER_PAGE);
    let total = Signal::derive(move || rows.with(|r| r.len()));
    let shown_count = Signal::derive(move || limit.get().min(total.get()));
    let header = move |label: &'static str, key: SortBy, testid: &'static str| {
        view! {
            <th scope="col" aria-sort=move || if sort.get() == key { "descending" } else { "none" }>
                <button type="button" class="sort" data-testid=testid on:click=move |_| set_sort.set(key)>{label}</button>
            </th>
        }
    };
    view! {
        <div class="card metrics" data-testid="metrics">
            <h3>"Figures"</h3>
            <div class="controls">
                <Choice label="Show " testid="metrics-filter" options=MetricFilter::CHOICES.to_vec() set=set_filter/>
                <Choice label=" from " testid="metrics-source" options=sources set=set_source/>
                <span class="hint" data-testid="metrics-count" aria-live="polite">{move || format!("{} shown", rows.with(|r| r.len()))}</span>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Figures table">
                <table class="metrics-table" data-testid="metrics-table">
                    <thead>
                        <tr>
                            {header("Measure", SortBy::Measure, "sort-measure")}
                            {header("Value", SortBy::Value, "sort-value")}
                            {header("Compared with", SortBy::Gap, "sort-gap")}
                            <th scope="col">"Bars"</th>
                            <th scope="col">"Verdict"</th>
                            <th scope="col">"Source"</th>
                        </tr>
                    </thead>
                    <tbody>
                        // Keyed by the figure: "Show more" adds rows, a new sort moves them.
                        <For
                            each=move || rows.with(|r| r.iter().take(limit.get()).copied().collect::<Vec<_>>())
                            key=|i| *i
                            children=move |i| metric_row(&doc.report.metrics[i], on_evidence)
                        />
                    </tbody>
                </table>
            </div>
            <super::items::ShowMore shown=shown_count total=total set_limit=set_limit testid="metrics-more".to_string()/>
        </div>
    }
}

// ---- The figures table: one row

/// What the figure is compared with: "England average 4.3%", or "was 702 (August 2020)".
fn compared(m: &Metric) -> String {
    if let Some(c) = &m.comparator {
        return format!("{} {}", c.label, figure(c.value, m.unit));
    }
    let Some(p) = &m.previous else { return String::new() };
    match &p.as_of {
        Some(d) => format!("was {} ({d})", figure(p.value, m.unit)),
        None => format!("was {}", figure(p.value, m.unit)),
    }
}

/// The report's verdict with its degree ("slightly better"), else the plain direction.
fn verdict(m: &Metric) -> String {
    match (m.judgement, &m.degree, m.direction) {
        (Some(j), Some(d), _) => format!("{d} {j}"),
        (Some(j), None, _) => j.to_string(),
        (None, _, Some(d)) if m.comparator.is_some() || m.previous.is_some() => d.to_string(),
        _ => String::new(),
    }
}

/// "Skills for Care, 2023/24": where and when the figure is from.
fn source(m: &Metric) -> String {
    match (&m.source, &m.as_of) {
        (Some(s), Some(d)) => format!("{s}, {d}"),
        (Some(s), None) => s.clone(),
        (None, Some(d)) => d.clone(),
        (None, None) => String::new(),
    }
}

/// Two bars: the figure and what it is compared with (or its earlier value).
fn bars(m: &Metric) -> Option<impl IntoView> {
    let other = m.comparator.as_ref().map(|c| c.value).or_else(|| m.previous.as_ref().map(|p| p.value))?;
    let max = m.value.max(other);
    if max <= 0.0 {
        return None;
    }
    let w = |v: f64| format!("{:.1}", (v / max * 100.0).max(1.0));
    let class = if m.is_worse() { "bar-local worse" } else { "bar-local" };
    Some(view! {
        <svg class="bars" viewBox="0 0 100 18" preserveAspectRatio="none" aria-hidden="true" role="img">
            <rect class=class x="0" y="1" height="7" width=w(m.value)></rect>
            <rect class="bar-other" x="0" y="10" height="7" width=w(other)></rect>
        </svg>
    })
}

fn metric_row(m: &Metric, on_evidence: Callback<Span>) -> impl IntoView {
    let span = m.span;
    let worse = m.is_worse();
    view! {
        <tr data-testid="metric-row" class:worse=worse>
            <th scope="row"><button type="button" class="link" on:click=move |_| on_evidence.run(span)>{m.label.clone()}</button></th>
            <td data-testid="metric-value" data-label="Value" data-value=m.value.to_string()>{figure(m.value, m.unit)}</td>
            <td data-label="Compared with">{compared(m)}</td>
            <td data-label="Bars" class="bars-cell">{bars(m)}</td>
            <td data-testid="metric-verdict" data-label="Verdict">{verdict(m)}{worse.then_some(" ▼")}</td>
            <td class="hint" data-label="Source">{source(m)}</td>
        </tr>
    }
}
