//! Rendering a `Report`: summary, recomputed rating, warnings, and scores by theme.

use leptos::prelude::*;

use crate::analysis::{statement_names, Kind, Report, Span, THEMES};

/// "2025-02-21" as "21 February 2025".
fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ];
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
pub fn ReportView(report: Report, on_evidence: Callback<Span>) -> impl IntoView {
    if report.warnings.iter().any(|w| w.contains("empty")) && report.scores.is_empty() {
        return view! {
            <p class="empty" data-testid="empty">"Paste a report on the left, or load the example, to see its rating and scores."</p>
        }
        .into_any();
    }
    let r = report;
    view! {
        <Summary report=r.clone() on_evidence=on_evidence/>
        <Warnings warnings=r.warnings.clone()/>
        <Computed report=r.clone()/>
        <Scores report=r.clone() on_evidence=on_evidence/>
        <Judgements report=r.clone() on_evidence=on_evidence/>
        <MeetingView report=r.clone() on_evidence=on_evidence/>
        <Outline report=r on_evidence=on_evidence/>
    }
    .into_any()
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
    let themes = THEMES.iter().filter_map(|theme| {
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
                                <span class="bar" aria-hidden="true"><span class="fill" style=format!("width:{pct}%")></span></span>
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
    }).collect_view();
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
                    let indent = format!("margin-left:{}rem", (s.level.saturating_sub(1)) as f32 * 0.9);
                    view! {
                        <li style=indent data-testid="outline-item">
                            <button type="button" class="link" on:click=move |_| on_evidence.run(span)>{s.title.clone()}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
    .into_any()
}
