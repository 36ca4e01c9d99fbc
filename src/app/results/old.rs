//! Rendering a `Report`: summary, recomputed rating, warnings, and scores by theme.

use leptos::prelude::*;

use std::sync::Arc;

use wasm_bindgen::JsCast;

use super::{use_lens, Document};
use crate::analysis::{statement_names, Financial, Kind, Metric, Report, Span, THEMES};

/// "2025-02-21" as "21 February 2025".
fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [y, m @ 1..=12, d] => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        _ => iso.to_string(),
    }
}

fn visit_label(v: &str) -> String {
    match v {
        "full" => "Full inspection".to_string(),
        other => {
            let mut c = other.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        }
    }
}

/// Grades as a position on the scale, so the table reads without colour.
fn grade_steps(grade: &str) -> u8 {
    match grade {
        "Outstanding" => 4,
        "Good" => 3,
        "Requires improvement to be good" | "Requires improvement" => 2,
        "Inadequate" => 1,
        _ => 0,
    }
}

fn rating_class(rating: &str) -> &'static str {
    match rating {
        "Outstanding" => "rating outstanding",
        "Good" => "rating good",
        "Requires improvement" | "Requires improvement to be good" => "rating ri",
        "Inadequate" => "rating inadequate",
        _ => "rating",
    }
}

#[component]
pub fn ReportView(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let report = doc.report.clone();
    if doc.text.trim().is_empty() {
        return view! {
            <p class="empty" data-testid="empty">"Paste a report on the left, drop files here, or load the example, to see its rating and scores."</p>
        }
        .into_any();
    }
    let r = report;
    let tab = use_lens().tab;
    let tabs = [
        (Tab::Overview, "Overview".to_string()),
        (Tab::Figures, format!("Figures ({})", r.metrics.len())),
        (Tab::Gaps, format!("Gaps ({})", r.gaps.len())),
        (Tab::Strengths, format!("Strengths ({})", r.strengths.len())),
        (Tab::Source, "Source".to_string()),
        (Tab::Outline, "Outline".to_string()),
    ];
    let panel = move |t: Tab| move || tab.get() != t;
    let order: Vec<Tab> = tabs.iter().map(|t| t.0).collect();
    // Arrow keys move between tabs, as in any tab list.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = order.iter().position(|t| *t == tab.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => Some((i + 1) % order.len()),
            "ArrowLeft" => Some((i + order.len() - 1) % order.len()),
            "Home" => Some(0),
            "End" => Some(order.len() - 1),
            _ => None,
        };
        if let Some(n) = next {
            ev.prevent_default();
            tab.set(order[n]);
            if let Some(el) =
                web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("tab-{}", order[n].id())))
            {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    view! {
        <Summary report=r.clone() on_evidence=on_evidence/>
        <Warnings warnings=r.warnings.clone()/>
        <div class="tabs" role="tablist" aria-label="Views of this report" on:keydown=on_key>
            {tabs.into_iter().map(|(t, label)| view! {
                <button type="button" role="tab" id=format!("tab-{}", t.id()) aria-controls=format!("panel-{}", t.id())
                    aria-selected=move || (tab.get() == t).to_string() tabindex=move || if tab.get() == t { "0" } else { "-1" }
                    data-testid=format!("tab-{}", t.id())
                    on:click=move |_| tab.set(t)>{label}</button>
            }).collect_view()}
        </div>
        <div role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" hidden=panel(Tab::Overview)>
            <Computed report=r.clone()/>
            <Scores report=r.clone() on_evidence=on_evidence/>
            <Judgements report=r.clone() on_evidence=on_evidence/>
            <FinancialCard report=r.clone() on_evidence=on_evidence testid_prefix="overview-"/>
            <MeetingView report=r.clone() on_evidence=on_evidence/>
            <OverviewCounts report=r.clone() on_tab=Callback::new(move |t| tab.set(t))/>
        </div>
        <div role="tabpanel" id="panel-figures" aria-labelledby="tab-figures" hidden=panel(Tab::Figures)>
            <FinancialCard report=r.clone() on_evidence=on_evidence testid_prefix=""/>
            <MetricsTable report=r.clone() on_evidence=on_evidence/>
            {r.metrics.is_empty().then(|| view! { <p class="card">"No figures were found in this text."</p> })}
        </div>
        <div role="tabpanel" id="panel-gaps" aria-labelledby="tab-gaps" hidden=panel(Tab::Gaps)>
            <GapsView doc=doc.clone() on_evidence=on_evidence/>
        </div>
        <div role="tabpanel" id="panel-strengths" aria-labelledby="tab-strengths" hidden=panel(Tab::Strengths)>
            <ItemsByGroup items=r.strengths.clone() testid="strength" empty="No strengths were found in this text." on_evidence=on_evidence/>
        </div>
        <div role="tabpanel" id="panel-source" aria-labelledby="tab-source" hidden=panel(Tab::Source)>
            <SourceView doc=doc.clone()/>
        </div>
        <div role="tabpanel" id="panel-outline" aria-labelledby="tab-outline" hidden=panel(Tab::Outline)>
            <Outline report=r on_evidence=on_evidence/>
        </div>
    }
    .into_any()
}

/// The full text, with the evidence last clicked highlighted and scrolled into view.
#[component]
fn SourceView(doc: Arc<Document>) -> impl IntoView {
    let lens = use_lens();
    let text = doc.text.clone();
    Effect::new(move |_| {
        if lens.active.get().is_some() && lens.tab.get() == Tab::Source {
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("active-evidence")) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    view! {
        <div class="card source" data-testid="source">
            {move || {
                let (s, e) = lens.active.get().filter(|(s, e)| s <= e && text.get(*s..*e).is_some()).unwrap_or((0, 0));
                if e == 0 {
                    view! { <pre class="source-text" tabindex="0" aria-label="Report text">{text.clone()}</pre> }.into_any()
                } else {
                    view! {
                        <pre class="source-text" tabindex="0" aria-label="Report text">{text[..s].to_string()}<mark id="active-evidence" data-testid="active-evidence">{text[s..e].to_string()}</mark>{text[e..].to_string()}</pre>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

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
}

/// How many gaps, strengths and worse-than-comparator figures, with links to their views.
#[component]
fn OverviewCounts(report: Report, on_tab: Callback<Tab>) -> impl IntoView {
    let worse = report.metrics.iter().filter(|m| m.is_worse()).count();
    let stated = report.gaps.iter().filter(|g| g.origin == "stated_list").count();
    view! {
        <div class="card counts" data-testid="overview-counts">
            <h3>"At a glance"</h3>
            <ul>
                <li><button type="button" class="link" on:click=move |_| on_tab.run(Tab::Gaps)>{format!("{} gaps", report.gaps.len())}</button>
                    {format!(" ({stated} stated in the report's own lists)")}</li>
                <li><button type="button" class="link" on:click=move |_| on_tab.run(Tab::Figures)>{format!("{worse} figures worse than their comparator or target")}</button></li>
                <li><button type="button" class="link" on:click=move |_| on_tab.run(Tab::Strengths)>{format!("{} strengths", report.strengths.len())}</button></li>
            </ul>
        </div>
    }
}

fn origin_label(origin: &str) -> &'static str {
    match origin {
        "stated_list" => "Stated in the report",
        "score" => "Score",
        "judgement" => "Judgement",
        "comparison" => "Comparison",
        "finance" => "Finance",
        "waiting" => "Waiting",
        "finding" => "Finding",
        _ => "Other",
    }
}

/// Items grouped by their section, each with its origin and one click to its words.
#[component]
fn ItemsByGroup(
    items: Vec<crate::analysis::Item>,
    testid: &'static str,
    empty: &'static str,
    on_evidence: Callback<Span>,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="card">{empty}</p> }.into_any();
    }
    let mut groups: Vec<(String, Vec<crate::analysis::Item>)> = Vec::new();
    for it in items {
        let key = it.section.clone().unwrap_or_else(|| origin_label(&it.origin).to_string());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(it),
            None => groups.push((key, vec![it])),
        }
    }
    view! {
        <div class="groups">
            {groups.into_iter().map(|(title, items)| view! {
                <section class="card group">
                    <h4>{title}</h4>
                    <ul class="items">
                        {items.into_iter().map(|it| {
                            let span = it.span;
                            let origin = it.origin.clone();
                            view! {
                                <li data-testid=testid data-origin=origin.clone()>
                                    <span class=format!("origin o-{origin}")>{origin_label(&origin)}</span>
                                    <button type="button" class="link item-text" title="Show these words in the text" on:click=move |_| on_evidence.run(span)>{it.text.clone()}</button>
                                    {it.cue.clone().map(|c| view! { <span class="cue">" — cue: “" {c} "”"</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </div>
    }
    .into_any()
}

#[component]
fn GapsView(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let report = doc.report.clone();
    let (origin, set_origin) = signal(String::from("all"));
    let gaps = StoredValue::new(report.gaps.clone());
    let name = format!("{}-action-plan.csv", report.authority.clone().unwrap_or_else(|| "report".into()).to_lowercase().replace(' ', "-"));
    let stored_doc = StoredValue::new(doc.clone());
    view! {
        <div class="controls">
            <Choice label="Show " testid="gaps-filter" options=GAP_FILTERS.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect() on_change=Callback::new(move |v| set_origin.set(v))/>
            <button type="button" data-testid="export-action-plan" on:click=move |_| {
                stored_doc.with_value(|d| super::download::text_file(&name, "text/csv", &super::action_plan(d)));
            }>"Download action plan (CSV)"</button>
        </div>
        {move || {
            let o = origin.get();
            let items: Vec<_> = gaps.with_value(|g| g.iter().filter(|i| o == "all" || i.origin == o).cloned().collect());
            view! { <ItemsByGroup items=items testid="gap" empty="No gaps of this kind." on_evidence=on_evidence/> }
        }}
    }
}

#[component]
fn Summary(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    let kind_class = match report.kind {
        Kind::CqcLaAssessment => "badge cqc",
        Kind::OfstedIlacs => "badge ofsted",
        Kind::CommitteePapers => "badge papers",
        Kind::Unknown => "badge unknown",
    };
    let overall = report.overall.clone().map(|o| {
        let span = o.span;
        let label = if o.indicative { "Overall rating (indicative)" } else { "Overall rating" };
        view! {
            <div class="overall">
                <span class="label">{label}</span>
                <button type="button" class=rating_class(&o.rating) data-testid="overall-rating"
                    title="Show these words in the text" on:click=move |_| on_evidence.run(span)>
                    {o.rating.clone()}
                </button>
            </div>
        }
    });
    view! {
        <div class="card summary" data-testid="summary">
            <p><span class=kind_class data-testid="kind" title=report.kind_reason.clone()>{report.kind.title()}</span></p>
            <h3 data-testid="authority">{report.authority.clone().unwrap_or_else(|| "Council not stated".into())}</h3>
            <dl class="facts">
                {report.published.clone().map(|p| view! { <dt>"Published"</dt><dd data-testid="published"><time datetime=p.clone()>{long_date(&p)}</time></dd> })}
                {report.period.clone().map(|p| view! { <dt>"Period"</dt><dd data-testid="period">{p}</dd> })}
                {report.visit_type.clone().map(|v| view! { <dt>"Visit"</dt><dd data-testid="visit-type">{visit_label(&v)}</dd> })}
                {report.lead_inspector.clone().map(|v| view! { <dt>"Lead inspector"</dt><dd>{v}</dd> })}
                {report.previous_grade.clone().map(|p| {
                    let span = p.span;
                    let text = match p.year { Some(y) => format!("{} ({y})", p.grade), None => p.grade.clone() };
                    view! {
                        <dt>"Previous grade"</dt>
                        <dd><button type="button" class="link" data-testid="previous-grade" on:click=move |_| on_evidence.run(span)>{text}</button></dd>
                    }
                })}
            </dl>
            {overall}
        </div>
    }
}

#[component]
fn Warnings(warnings: Vec<String>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="card warnings" role="status" data-testid="warnings">
                <h3>"Please note"</h3>
                <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

#[component]
fn Computed(report: Report) -> impl IntoView {
    let Some(c) = report.computed_rating.clone() else {
        return (!report.scores.is_empty())
            .then(|| {
                view! {
                    <div class="card computed" data-testid="computed">
                        <h3>"Rating recomputed from the scores"</h3>
                        <p>{format!("Not possible: only {} of the 9 quality statements are scored in this text.", report.scores.len())}</p>
                    </div>
                }
            })
            .into_any();
    };
    let band = match (&c.rating, &c.between) {
        (Some(r), _) => view! { <span class=rating_class(r) data-testid="computed-rating">{r.clone()}</span> }.into_any(),
        (None, Some((a, b))) => view! {
            <span class="rating" data-testid="computed-rating">{format!("Between {a} and {b}")}</span>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let next = match &c.to_next {
        Some(n) => format!(
            "{} statement score{} would have to rise by one to reach {}.",
            n.statements_up,
            if n.statements_up == 1 { "" } else { "s" },
            n.rating
        ),
        None => "This is the top band.".to_string(),
    };
    let agrees = match (&report.overall, &c.rating) {
        (Some(o), Some(r)) if &o.rating == r => Some("It agrees with the stated rating.".to_string()),
        (Some(o), _) => Some(format!("It differs from the stated rating ({}).", o.rating)),
        _ => None,
    };
    view! {
        <div class="card computed" data-testid="computed">
            <h3>"Rating recomputed from the scores"</h3>
            <p class="big">
                <span data-testid="computed-percent">{format!("{}%", c.percent)}</span>
                " (" {c.total} " of " {c.max} ") → " {band}
            </p>
            <p data-testid="to-next">{next}</p>
            {agrees.map(|a| view! { <p class="hint">{a}</p> })}
            <p class="hint">"CQC bands: 25–38% Inadequate · 39–62% Requires improvement · 63–87% Good · 88%+ Outstanding; scores 1–4 count 25/50/75/100%."</p>
        </div>
    }
    .into_any()
}

#[component]
fn Scores(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    if report.scores.is_empty() {
        return (report.kind == Kind::CqcLaAssessment)
            .then(|| view! { <p class="card" data-testid="no-scores">"No quality-statement scores were found in this text."</p> })
            .into_any();
    }
    let themes = THEMES
        .iter()
        .filter_map(|theme| {
            let rows: Vec<_> = statement_names()
                .filter(|(t, _)| t == theme)
                .filter_map(|(_, name)| report.scores.iter().find(|s| s.statement == name).cloned())
                .collect();
            if rows.is_empty() {
                return None;
            }
            Some(view! {
                <section class="theme">
                    <h4>{*theme}</h4>
                    <ul class="scores">
                        {rows.into_iter().map(|s| {
                            let span = s.span;
                            let pct = s.score as u32 * 25;
                            view! {
                                <li class=format!("score s{}", s.score) data-testid="score-row">
                                    <button type="button" class="link statement" title="Show these words in the text"
                                        on:click=move |_| on_evidence.run(span) data-testid="statement">
                                        {s.statement.clone()}
                                    </button>
                                    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                        <rect class="track" x="0" y="0" width="100" height="10" rx="5"></rect>
                                        <rect class="fill" x="0" y="0" width=pct.to_string() height="10" rx="5"></rect>
                                    </svg>
                                    <span class="meaning" data-testid="score-meaning">
                                        <strong>{s.score}</strong> " — " {s.label.clone()}
                                        {s.indicative.then_some(" (indicative)")}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        })
        .collect_view();
    view! {
        <div class="card" data-testid="scores">
            <h3>"Quality statement scores"</h3>
            {themes}
        </div>
    }
    .into_any()
}

#[component]
fn Judgements(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    if report.kind != Kind::OfstedIlacs {
        return ().into_any();
    }
    if report.judgements.is_empty() {
        let why = match report.visit_type.as_deref() {
            Some(v @ ("focused visit" | "monitoring visit")) => format!("This is a {v} letter: such visits give no grades."),
            _ => "No judgements were found in this text.".to_string(),
        };
        return view! { <div class="card" data-testid="judgements-none"><h3>"Ofsted judgements"</h3><p>{why}</p></div> }.into_any();
    }
    view! {
        <div class="card" data-testid="judgements">
            <h3>"Ofsted judgements"</h3>
            <table class="grades">
                <thead><tr><th scope="col">"Judgement"</th><th scope="col">"Grade"</th></tr></thead>
                <tbody>
                    {report.judgements.iter().map(|j| {
                        let span = j.span;
                        let steps = grade_steps(&j.grade);
                        view! {
                            <tr data-testid="judgement-row">
                                <th scope="row">
                                    <button type="button" class="link" title="Show these words in the text" on:click=move |_| on_evidence.run(span)>
                                        {j.area.clone()}
                                    </button>
                                </th>
                                <td>
                                    <span class=rating_class(&j.grade) data-testid="grade">{j.grade.clone()}</span>
                                    <span class="steps" aria-hidden="true">{"●".repeat(steps as usize)}{"○".repeat(4 - steps as usize)}</span>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn MeetingView(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    let Some(m) = report.meeting.clone() else { return ().into_any() };
    view! {
        <div class="card meeting" data-testid="meeting">
            <h3 data-testid="meeting-body">{m.body.clone().unwrap_or_else(|| "Meeting".into())}</h3>
            <dl class="facts">
                {m.date.clone().map(|d| view! { <dt>"Date"</dt><dd data-testid="meeting-date">{long_date(&d)}</dd> })}
                {m.venue.clone().map(|v| view! { <dt>"Venue"</dt><dd>{v}</dd> })}
                {m.present.clone().map(|v| view! { <dt>"Present"</dt><dd>{v}</dd> })}
                {m.apologies.clone().map(|v| view! { <dt>"Apologies"</dt><dd>{v}</dd> })}
            </dl>
            {(!m.items.is_empty()).then(|| view! {
                <h4>"Agenda"</h4>
                <ol class="agenda">
                    {m.items.iter().map(|i| {
                        let span = i.span;
                        view! {
                            <li data-testid="agenda-item" value=i.number.clone()>
                                <button type="button" class="link" on:click=move |_| on_evidence.run(span)>{i.title.clone()}</button>
                                {i.pages.clone().map(|p| view! { <span class="hint">" · pages " {p}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            })}
            {(!m.decisions.is_empty()).then(|| view! {
                <h4>"Decisions"</h4>
                <ul class="decisions">
                    {m.decisions.iter().map(|d| {
                        let span = d.span;
                        view! {
                            <li data-testid="decision">
                                <button type="button" class="link" on:click=move |_| on_evidence.run(span)>{d.text.clone()}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!m.documents.is_empty()).then(|| view! {
                <h4>"Documents in the pack"</h4>
                <ul>
                    {m.documents.iter().map(|d| {
                        let span = d.span;
                        view! { <li data-testid="pack-document"><button type="button" class="link" on:click=move |_| on_evidence.run(span)>{d.title.clone()}</button></li> }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

#[component]
fn Outline(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    if report.sections.is_empty() {
        return ().into_any();
    }
    let count = report.sections.len();
    view! {
        <details class="card outline" data-testid="outline">
            <summary>{format!("Document outline ({count} headings)")}</summary>
            <ul>
                {report.sections.iter().map(|s| {
                    let span = s.span;
                    let indent = format!("lvl-{}", s.level.clamp(1, 6));
                    view! {
                        <li class=indent data-testid="outline-item">
                            <button type="button" class="link" on:click=move |_| on_evidence.run(span)>{s.title.clone()}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
    .into_any()
}

/// "£256,608,000" as "£256.6m"; smaller sums in thousands.
fn money(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}£{:.2}m", a / 1e6)
    } else if a >= 1e3 {
        format!("{sign}£{:.0}k", a / 1e3)
    } else {
        format!("{sign}£{a:.0}")
    }
}

/// A figure with its unit, as a reader writes it.
fn figure(v: f64, unit: &str) -> String {
    let n = if v.fract() == 0.0 { group(v as i64) } else { format!("{v}") };
    match unit {
        "percent" => format!("{v}%"),
        "gbp" => money(v),
        "days" => format!("{n} days"),
        "weeks" => format!("{n} weeks"),
        _ => n,
    }
}

fn group(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[component]
fn FinancialCard(report: Report, on_evidence: Callback<Span>, testid_prefix: &'static str) -> impl IntoView {
    let Some(f) = report.financial.clone() else { return ().into_any() };
    let row = |name: &'static str, est: Option<f64>, act: Option<f64>, var: Option<f64>, testid: String| {
        let var = var.or_else(|| est.zip(act).map(|(e, a)| a - e));
        (est.is_some() || act.is_some()).then(|| {
            let (var_text, class) = match var {
                Some(v) if v > 0.0 => (format!("+{} over budget", money(v)), "over"),
                Some(v) if v < 0.0 => (format!("{} under budget", money(v)), "under"),
                Some(_) => ("on budget".to_string(), ""),
                None => (String::new(), ""),
            };
            view! {
                <tr data-testid=testid>
                    <th scope="row">{name}</th>
                    <td>{est.map(money)}</td>
                    <td>{act.map(money)}</td>
                    <td class=class>{var_text}</td>
                </tr>
            }
        })
    };
    let Financial {
        total_budget_estimated, total_budget_actual, total_variance, asc_budget_estimated, asc_spend_actual, asc_variance, ..
    } = f.clone();
    let span = f.span;
    view! {
        <div class="card financial" data-testid=format!("{testid_prefix}financial")>
            <h3>"Financial facts"</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Budget and spend">
            <table class="money">
                <thead><tr><th scope="col">"Budget"</th><th scope="col">"Estimated"</th><th scope="col">"Actual"</th><th scope="col">"Variance"</th></tr></thead>
                <tbody>
                    {row("Total budget", total_budget_estimated, total_budget_actual, total_variance, format!("{testid_prefix}fin-total"))}
                    {row("Adult social care", asc_budget_estimated, asc_spend_actual, asc_variance, format!("{testid_prefix}fin-asc"))}
                </tbody>
            </table>
            </div>
            <ul class="facts-list">
                {f.asc_share_percent.map(|p| view! { <li>{format!("{p}% of the budget spent on adult social care")}</li> })}
                {f.precept_percent.map(|p| view! { <li>{format!("Adult social care precept: {p}%")}</li> })}
                {f.long_term_support_people.map(|n| view! { <li>{format!("{} people in long-term support", group(n as i64))}</li> })}
                {f.short_term_support_people.map(|n| view! { <li>{format!("{} people in short-term support", group(n as i64))}</li> })}
                {f.support_period.clone().map(|p| view! { <li>{format!("Support figures for {p}")}</li> })}
            </ul>
            {span.map(|sp| view! { <button type="button" class="link" on:click=move |_| on_evidence.run(sp)>"Show in text"</button> })}
        </div>
    }
    .into_any()
}

/// Two bars: the figure and what it is compared with (or its earlier value).
fn bars(m: &Metric) -> Option<AnyView> {
    let other = m.comparator.as_ref().map(|c| c.value).or_else(|| m.previous.as_ref().map(|p| p.value))?;
    let max = m.value.max(other);
    if max <= 0.0 {
        return None;
    }
    let w = |v: f64| format!("{:.1}", (v / max * 100.0).max(1.0));
    let class = if m.is_worse() { "bar-local worse" } else { "bar-local" };
    Some(
        view! {
            <svg class="bars" viewBox="0 0 100 18" preserveAspectRatio="none" aria-hidden="true" role="img">
                <rect class=class x="0" y="1" height="7" width=w(m.value)></rect>
                <rect class="bar-other" x="0" y="10" height="7" width=w(other)></rect>
            </svg>
        }
        .into_any(),
    )
}

const METRIC_FILTERS: &[(&str, &str)] = &[
    ("all", "all figures"),
    ("worse", "worse than comparator or target"),
    ("target", "with a target"),
    ("comparison", "comparisons"),
    ("trend", "trends"),
    ("waiting", "waits"),
    ("count", "counts"),
    ("demographic", "demographics"),
];

const GAP_FILTERS: &[(&str, &str)] = &[
    ("all", "all gaps"),
    ("stated_list", "stated in the report"),
    ("score", "from scores"),
    ("judgement", "from judgements"),
    ("comparison", "from comparisons"),
    ("finance", "from spending"),
    ("waiting", "from waits"),
    ("finding", "from findings"),
];

/// A labelled drop-down of (value, label) options.
#[component]
fn Choice(label: &'static str, testid: &'static str, options: Vec<(String, String)>, on_change: Callback<String>) -> impl IntoView {
    view! {
        <label>{label}
            <select data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </label>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum SortBy {
    Document,
    Measure,
    Value,
    Gap,
}

#[component]
fn MetricsTable(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    if report.metrics.is_empty() {
        return ().into_any();
    }
    let metrics = StoredValue::new(report.metrics.clone());
    let (filter, set_filter) = signal(String::from("all"));
    let (source, set_source) = signal(String::from("all"));
    let (sort, set_sort) = signal(SortBy::Document);
    let mut names: Vec<String> = report.metrics.iter().filter_map(|m| m.source.clone()).collect();
    names.sort();
    names.dedup();
    let sources: Vec<(String, String)> =
        std::iter::once(("all".to_string(), "any source".to_string())).chain(names.into_iter().map(|n| (n.clone(), n))).collect();

    let rows = move || {
        let f = filter.get();
        let src = source.get();
        let mut list: Vec<Metric> = metrics.with_value(|ms| {
            ms.iter()
                .filter(|m| match f.as_str() {
                    "worse" => m.is_worse(),
                    "target" => m.has_target(),
                    "all" => true,
                    kind => m.kind == kind,
                })
                .filter(|m| src == "all" || m.source.as_deref() == Some(src.as_str()))
                .cloned()
                .collect()
        });
        match sort.get() {
            SortBy::Document => {}
            SortBy::Measure => list.sort_by(|a, b| a.label.to_lowercase().cmp(&b.label.to_lowercase())),
            SortBy::Value => list.sort_by(|a, b| b.value.total_cmp(&a.value)),
            SortBy::Gap => list.sort_by(|a, b| {
                let gap = |m: &Metric| m.comparator.as_ref().map(|c| (m.value - c.value).abs()).unwrap_or(-1.0);
                gap(b).total_cmp(&gap(a))
            }),
        }
        list
    };
    let count = move || rows().len();
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
                <Choice label="Show " testid="metrics-filter" options=METRIC_FILTERS.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect() on_change=Callback::new(move |v| set_filter.set(v))/>
                <Choice label=" from " testid="metrics-source" options=sources on_change=Callback::new(move |v| set_source.set(v))/>
                <span class="hint" data-testid="metrics-count" aria-live="polite">{move || format!("{} shown", count())}</span>
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
                        {move || rows().into_iter().map(|m| {
                            let span = m.span;
                            let compared = m.comparator.as_ref().map(|c| format!("{} {}", c.label, figure(c.value, &m.unit)))
                                .or_else(|| m.previous.as_ref().map(|p| format!("was {}{}", figure(p.value, &m.unit), p.as_of.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())))
                                .unwrap_or_default();
                            let verdict = match (&m.judgement, &m.degree, &m.direction) {
                                (Some(j), Some(d), _) => format!("{d} {j}"),
                                (Some(j), None, _) => j.clone(),
                                (None, _, Some(d)) if m.comparator.is_some() || m.previous.is_some() => d.clone(),
                                _ => String::new(),
                            };
                            let source = match (&m.source, &m.as_of) {
                                (Some(s), Some(d)) => format!("{s}, {d}"),
                                (Some(s), None) => s.clone(),
                                (None, Some(d)) => d.clone(),
                                _ => String::new(),
                            };
                            let worse = m.is_worse();
                            view! {
                                <tr data-testid="metric-row" class:worse=worse>
                                    <th scope="row"><button type="button" class="link" on:click=move |_| on_evidence.run(span)>{m.label.clone()}</button></th>
                                    <td data-testid="metric-value">{figure(m.value, &m.unit)}</td>
                                    <td>{compared}</td>
                                    <td>{bars(&m)}</td>
                                    <td data-testid="metric-verdict">{verdict}{worse.then_some(" ▼")}</td>
                                    <td class="hint">{source}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}
