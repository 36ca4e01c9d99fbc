//! The Source tab (the full text, with the evidence last clicked highlighted and scrolled into
//! view) and the Outline tab (the document's headings, each one click from its place).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::{evidence_link, use_lens, Tab};
use crate::analysis::format::plural;
use crate::analysis::Span;
use crate::app::Document;

/// The text in three parts around a span that slices it: before, the evidence, after.
fn split_at_span(text: &str, span: Option<Span>) -> Option<(&str, &str, &str)> {
    let (s, e) = span.filter(|(s, e)| s < e)?;
    Some((text.get(..s)?, text.get(s..e)?, text.get(e..)?))
}

#[component]
pub fn SourceView(doc: Arc<Document>) -> impl IntoView {
    let lens = use_lens();
    let mark = NodeRef::<html::Mark>::new();
    // Scroll the evidence into view when it, or the Source tab, is shown.
    Effect::new(move |_| {
        if lens.tab.get() == Tab::Source && lens.active.get().is_some() {
            if let Some(el) = mark.get() {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    let text = move || match split_at_span(&doc.text, lens.active.get()) {
        Some((before, evidence, after)) => view! {
            {before.to_string()}<mark node_ref=mark data-testid="active-evidence">{evidence.to_string()}</mark>{after.to_string()}
        }
        .into_any(),
        None => doc.text.clone().into_any(),
    };
    view! {
        <div class="card source" data-testid="source">
            <pre class="source-text" tabindex="0" aria-label="Report text">{text}</pre>
        </div>
    }
}

#[component]
pub fn Outline(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let sections = &doc.report.sections;
    (!sections.is_empty()).then(|| {
        view! {
            <details class="card outline" data-testid="outline">
                <summary>{format!("Document outline ({})", plural(sections.len(), "heading", "headings"))}</summary>
                <ul>
                    {sections.iter().map(|s| view! {
                        <li class=format!("lvl-{}", s.level.clamp(1, 6)) data-testid="outline-item">{evidence_link(s.title.clone(), s.span, on_evidence)}</li>
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}
