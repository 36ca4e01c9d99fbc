//! Above the tabs: what the document is, whose, when, its stated rating; and the warnings.

use std::sync::Arc;

use leptos::prelude::*;

use super::rating_class;
use crate::analysis::format::{capitalise, long_date};
use crate::analysis::{Kind, Overall, PreviousGrade, Provider, Span, VisitType};
use crate::app::Document;

/// A kind's badge: its colour class.
pub(crate) fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::CqcLaAssessment => "badge cqc",
        Kind::OfstedIlacs => "badge ofsted",
        Kind::AreaSend => "badge send",
        Kind::Jtai => "badge jtai",
        Kind::ProviderInspection => "badge provider",
        Kind::CommitteePapers => "badge papers",
        Kind::Unknown => "badge unknown",
    }
}

fn visit_label(visit: VisitType) -> String {
    match visit {
        VisitType::Full => "Full inspection".to_string(),
        other => capitalise(other.as_str()),
    }
}

#[component]
pub fn Summary(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let r = &doc.report;
    view! {
        <div class="card summary" data-testid="summary">
            <p><span class=kind_class(r.kind) data-testid="kind" title=r.kind_reason.clone()>{r.kind.title()}</span></p>
            <h3 data-testid="authority">{r.subject().map(str::to_string).unwrap_or_else(|| not_named(r.kind).into())}</h3>
            <dl class="facts">
                {r.published.clone().map(|p| view! { <dt>"Published"</dt><dd data-testid="published"><time datetime=p.clone()>{long_date(&p)}</time></dd> })}
                {r.period.clone().map(|p| view! { <dt>"Period"</dt><dd data-testid="period">{p}</dd> })}
                {r.framework.map(|f| view! { <dt>"Framework"</dt><dd data-testid="framework">{f.as_str()}</dd> })}
                {r.theme.clone().map(|t| view! { <dt>"Theme"</dt><dd data-testid="theme">{capitalise(&t)}</dd> })}
                {(!r.agencies.is_empty()).then(|| view! { <dt>"Inspected by"</dt><dd data-testid="agencies">{r.agencies.join(", ")}</dd> })}
                {r.previous_period.clone().map(|p| view! { <dt>"Previous inspection"</dt><dd data-testid="previous-period">{p}</dd> })}
                {r.provider.as_ref().map(provider_facts)}
                {r.visit_type.map(|v| view! { <dt>"Visit"</dt><dd data-testid="visit-type">{visit_label(v)}</dd> })}
                {r.lead_inspector.clone().map(|v| view! { <dt>"Lead inspector"</dt><dd>{v}</dd> })}
                {r.previous_grade.as_ref().map(|p| previous_grade(p, on_evidence))}
            </dl>
            {r.overall.as_ref().map(|o| overall(o, on_evidence))}
            {r.judgements.iter().find(|j| j.is_area_outcome()).map(|j| {
                let span = j.span;
                view! {
                    <p class="outcome">{format!("{}: ", j.area)}
                        <button type="button" class=super::rating_class(j.grade) data-testid="outcome"
                            title="Show the outcome's words in the text" on:click=move |_| on_evidence.run(span)>{j.grade.as_str()}</button>
                    </p>
                }
            })}
        </div>
    }
}

/// Whose name the heading lacks.
fn not_named(kind: Kind) -> &'static str {
    if kind == Kind::ProviderInspection {
        "Service not named"
    } else {
        "Council not stated"
    }
}

/// A provider's inspection: what the service is, who runs it, who inspected it.
fn provider_facts(p: &Provider) -> impl IntoView {
    view! {
        <dt>"Inspected by"</dt><dd data-testid="regulator">{p.regulator.as_str()}</dd>
        {p.service_type.clone().map(|t| view! { <dt>"Service"</dt><dd data-testid="service-type">{t}</dd> })}
        {p.registered_provider.clone().map(|t| view! { <dt>"Run by"</dt><dd data-testid="registered-provider">{t}</dd> })}
        {p.reference.clone().map(|t| view! { <dt>"Reference"</dt><dd>{t}</dd> })}
    }
}

fn previous_grade(p: &PreviousGrade, on_evidence: Callback<Span>) -> impl IntoView {
    let span = p.span;
    let text = match p.year {
        Some(y) => format!("{} ({y})", p.grade),
        None => p.grade.to_string(),
    };
    view! {
        <dt>"Previous grade"</dt>
        <dd><button type="button" class="link" data-testid="previous-grade" on:click=move |_| on_evidence.run(span)>{text}</button></dd>
    }
}

fn overall(o: &Overall, on_evidence: Callback<Span>) -> impl IntoView {
    let span = o.span;
    let label = if o.indicative { "Overall rating (indicative)" } else { "Overall rating" };
    view! {
        <div class="overall">
            <span class="label">{label}</span>
            <button type="button" class=rating_class(o.rating) data-testid="overall-rating"
                title="Show these words in the text" on:click=move |_| on_evidence.run(span)>
                {o.rating.as_str()}
            </button>
        </div>
    }
}

#[component]
pub fn Warnings(warnings: Vec<String>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="card warnings" role="status" data-testid="warnings">
                <h3>"Please note"</h3>
                <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
