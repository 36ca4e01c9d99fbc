//! The Overview tab: the priorities, the rating recomputed from the scores, the scores by theme, Ofsted
//! grades, the financial card, the meeting, and counts linking to the other tabs.

use std::sync::Arc;

use leptos::prelude::*;

use super::figures::FinancialCard;
use super::meeting::MeetingView;
use super::{rating_class, use_lens, Tab};
use crate::analysis::format::{figure, plural};
use crate::analysis::{statement_names, ComputedRating, Grade, Judgement, Kind, Origin, Overall, Regulator, Score, Span, Unit, THEMES};
use crate::app::Document;

#[component]
pub fn Overview(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let financial = doc.report.financial.clone();
    view! {
        <super::priorities::Priorities doc=doc.clone() on_evidence=on_evidence/>
        <Computed doc=doc.clone()/>
        <Scores doc=doc.clone() on_evidence=on_evidence/>
        <Judgements doc=doc.clone() on_evidence=on_evidence/>
        <super::england::InEngland doc=doc.clone()/>
        {financial.map(|f| view! { <FinancialCard financial=f on_evidence=on_evidence testid_prefix="overview-"/> })}
        <MeetingView doc=doc.clone() on_evidence=on_evidence/>
        <OverviewCounts doc=doc/>
    }
}

use crate::analysis::BANDS_TEXT as BANDS;

#[component]
fn Computed(doc: Arc<Document>) -> impl IntoView {
    let r = &doc.report;
    let Some(c) = r.computed_rating.as_ref() else { return not_computed(r.scores.len()).into_any() };
    view! {
        <div class="card computed" data-testid="computed">
            <h3>"Rating recomputed from the scores"</h3>
            <p class="big">
                <span data-testid="computed-percent">{figure(c.percent, Unit::Percent)}</span>
                " (" {c.total} " of " {c.max} ") → " {band(c)}
            </p>
            <p data-testid="to-next">{to_next(c)}</p>
            {agreement(r.overall.as_ref(), c.rating).map(|a| view! { <p class="hint">{a}</p> })}
            <p class="hint">{BANDS}</p>
        </div>
    }
    .into_any()
}

/// Some statements scored but not all nine: say why there is no recomputed rating.
fn not_computed(scored: usize) -> impl IntoView {
    (scored > 0).then(|| {
        view! {
            <div class="card computed" data-testid="computed">
                <h3>"Rating recomputed from the scores"</h3>
                <p>{format!("Not possible: only {scored} of the 9 quality statements are scored in this text.")}</p>
            </div>
        }
    })
}

fn band(c: &ComputedRating) -> AnyView {
    match (c.rating, c.between) {
        (Some(r), _) => view! { <span class=rating_class(r) data-testid="computed-rating">{r.as_str()}</span> }.into_any(),
        (None, Some((a, b))) => {
            view! { <span class="rating" data-testid="computed-rating">{format!("Between {a} and {b}")}</span> }.into_any()
        }
        (None, None) => ().into_any(),
    }
}

fn to_next(c: &ComputedRating) -> String {
    match &c.to_next {
        Some(n) => {
            format!(
                "{} would have to rise by one to reach {}.",
                plural(n.statements_up as usize, "statement score", "statement scores"),
                n.rating
            )
        }
        None => "This is the top band.".to_string(),
    }
}

fn agreement(stated: Option<&Overall>, computed: Option<Grade>) -> Option<String> {
    let stated = stated?.rating;
    Some(if computed == Some(stated) {
        "It agrees with the stated rating.".to_string()
    } else {
        format!("It differs from the stated rating ({stated}).")
    })
}

#[component]
fn Scores(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let r = &doc.report;
    if r.scores.is_empty() {
        return (r.kind == Kind::CqcLaAssessment)
            .then(|| view! { <p class="card" data-testid="no-scores">"No quality-statement scores were found in this text."</p> })
            .into_any();
    }
    let themes = THEMES.iter().filter_map(|theme| {
        let rows: Vec<&Score> =
            statement_names().filter(|(t, _)| t == theme).filter_map(|(_, name)| r.scores.iter().find(|s| s.statement == name)).collect();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="theme">
                    <h4>{*theme}</h4>
                    <ul class="scores">{rows.into_iter().map(|s| score_row(s, on_evidence)).collect_view()}</ul>
                </section>
            }
        })
    });
    view! {
        <div class="card" data-testid="scores">
            <h3>"Quality statement scores"</h3>
            {themes.collect_view()}
        </div>
    }
    .into_any()
}

fn score_row(s: &Score, on_evidence: Callback<Span>) -> impl IntoView {
    let span = s.span;
    let pct = u32::from(s.score) * 25;
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
}

#[component]
fn Judgements(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let r = &doc.report;
    if !matches!(r.kind, Kind::OfstedIlacs | Kind::ProviderInspection) {
        return ().into_any();
    }
    // A CQC provider's five key questions; Ofsted's judgements of a council or a provider.
    let cqc = r.provider.as_ref().is_some_and(|p| p.regulator == Regulator::Cqc);
    let (title, column) = if cqc { ("CQC ratings", "Key question") } else { ("Ofsted judgements", "Judgement") };
    if r.judgements.is_empty() {
        let why = match r.visit_type {
            Some(v) if v.is_letter() => format!("This is a {v} letter: such visits give no grades."),
            _ if cqc => "No key question's rating was found in this text.".to_string(),
            _ => "No judgements were found in this text.".to_string(),
        };
        return view! { <div class="card" data-testid="judgements-none"><h3>{title}</h3><p>{why}</p></div> }.into_any();
    }
    view! {
        <div class="card" data-testid="judgements">
            <h3>{title}</h3>
            <table class="grades">
                <thead><tr><th scope="col">{column}</th><th scope="col">{if cqc { "Rating" } else { "Grade" }}</th></tr></thead>
                <tbody>{r.judgements.iter().map(|j| judgement_row(j, on_evidence)).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn judgement_row(j: &Judgement, on_evidence: Callback<Span>) -> impl IntoView {
    let span = j.span;
    // The grade as a position on the scale, so the table reads without colour.
    let steps = usize::from(j.grade.rank());
    // A sub-judgement is indented under its parent; the LSCB's own judgement is named as such.
    let class = if j.parent.is_some() { "sub-judgement" } else { "" };
    let whose = j.is_lscb().then_some("Local Safeguarding Children Board: ");
    view! {
        <tr data-testid="judgement-row" class=class>
            <th scope="row">
                <button type="button" class="link" title="Show these words in the text" on:click=move |_| on_evidence.run(span)>
                    {whose}{j.area.clone()}
                </button>
            </th>
            <td>
                <span class=rating_class(j.grade) data-testid="grade">{j.grade.as_str()}</span>
                <span class="steps" aria-hidden="true">{"●".repeat(steps)}{"○".repeat(4 - steps)}</span>
                // CQC's score of the key question out of 100 (its assessments from 2024).
                {j.score.map(|n| view! { <span class="hint" data-testid="kq-score">{format!(" {n} of 100")}</span> })}
                // The report's own text gives the same grade again: the table was read right.
                {j.restated.map(|at| view! {
                    <button type="button" class="link restated" data-testid="restated"
                        title="The report's text gives the same grade here: show it"
                        on:click=move |_| on_evidence.run(at)>"✓ said again in the text"</button>
                })}
            </td>
        </tr>
    }
}

/// How many gaps, strengths and worse-than-comparator figures, with links to their views.
#[component]
fn OverviewCounts(doc: Arc<Document>) -> impl IntoView {
    let tab = use_lens().tab;
    let r = &doc.report;
    let worse = r.metrics.iter().filter(|m| m.is_worse()).count();
    let stated = r.gaps.iter().filter(|g| g.origin == Origin::StatedList).count();
    let link = move |to: Tab, text: String| view! { <button type="button" class="link" on:click=move |_| tab.set(to)>{text}</button> };
    view! {
        <div class="card counts" data-testid="overview-counts">
            <h3>"At a glance"</h3>
            <ul>
                <li>{link(Tab::Gaps, plural(r.gaps.len(), "gap", "gaps"))}{format!(" ({stated} stated in the report's own lists)")}</li>
                <li>{link(Tab::Figures, format!("{} worse than their comparator or target", plural(worse, "figure", "figures")))}</li>
                <li>{link(Tab::Strengths, plural(r.strengths.len(), "strength", "strengths"))}</li>
            </ul>
        </div>
    }
}
