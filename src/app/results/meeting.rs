//! Committee papers: the meeting, its agenda, decisions and the documents in the pack.

use std::sync::Arc;

use leptos::prelude::*;

use super::evidence_link;
use crate::analysis::format::long_date;
use crate::analysis::{AgendaItem, Decision, Meeting, PackDocument, Span};
use crate::app::Document;

#[component]
pub fn MeetingView(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let Some(m) = doc.report.meeting.as_ref() else { return ().into_any() };
    view! {
        <div class="card meeting" data-testid="meeting">
            <h3 data-testid="meeting-body">{m.body.clone().unwrap_or_else(|| "Meeting".into())}</h3>
            <dl class="facts">
                {m.date.as_deref().map(|d| view! { <dt>"Date"</dt><dd data-testid="meeting-date">{long_date(d)}</dd> })}
                {m.venue.clone().map(|v| view! { <dt>"Venue"</dt><dd>{v}</dd> })}
                {m.present.clone().map(|v| view! { <dt>"Present"</dt><dd>{v}</dd> })}
                {m.apologies.clone().map(|v| view! { <dt>"Apologies"</dt><dd>{v}</dd> })}
            </dl>
            {agenda(m, on_evidence)}
            {decisions(m, on_evidence)}
            {pack(m, on_evidence)}
        </div>
    }
    .into_any()
}

fn agenda(m: &Meeting, on_evidence: Callback<Span>) -> impl IntoView {
    let item = move |i: &AgendaItem| {
        view! {
            <li data-testid="agenda-item" value=i.number.clone()>
                {evidence_link(i.title.clone(), i.span, on_evidence)}
                {i.pages.clone().map(|p| view! { <span class="hint">" · pages " {p}</span> })}
            </li>
        }
    };
    (!m.items.is_empty()).then(|| view! { <h4>"Agenda"</h4><ol class="agenda">{m.items.iter().map(item).collect_view()}</ol> })
}

fn decisions(m: &Meeting, on_evidence: Callback<Span>) -> impl IntoView {
    let item = move |d: &Decision| view! { <li data-testid="decision">{evidence_link(d.text.clone(), d.span, on_evidence)}</li> };
    (!m.decisions.is_empty())
        .then(|| view! { <h4>"Decisions"</h4><ul class="decisions">{m.decisions.iter().map(item).collect_view()}</ul> })
}

fn pack(m: &Meeting, on_evidence: Callback<Span>) -> impl IntoView {
    let item = move |d: &PackDocument| view! { <li data-testid="pack-document">{evidence_link(d.title.clone(), d.span, on_evidence)}</li> };
    (!m.documents.is_empty()).then(|| view! { <h4>"Documents in the pack"</h4><ul>{m.documents.iter().map(item).collect_view()}</ul> })
}
