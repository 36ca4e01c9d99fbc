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

/// How much of a long document the Source view shows at once (bytes).
const SOURCE_WINDOW: usize = 100_000;

/// The byte range of `text` to show: `size` bytes centred on the span (or from the start),
/// on character boundaries and within the text.
fn source_window(text: &str, span: Option<Span>, size: usize) -> (usize, usize) {
    let centre = span.map(|(s, e)| (s + e) / 2).unwrap_or(0).min(text.len());
    let mut from = centre.saturating_sub(size / 2);
    let mut to = (from + size).min(text.len());
    from = to.saturating_sub(size).min(from);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

/// Scroll `container` (a scroll box) so `mark` sits in the middle of the part of the box the
/// window shows (all of it, unless the box runs past the window's edge), without scrolling the
/// page.
pub fn centre_in(container: &web_sys::HtmlElement, mark: &web_sys::HtmlElement) {
    let (c, m) = (container.get_bounding_client_rect(), mark.get_bounding_client_rect());
    let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(c.bottom());
    let (top, bottom) = (c.top().max(0.0), c.bottom().min(window_height));
    let (top, bottom) = if bottom - top > 40.0 { (top, bottom) } else { (c.top(), c.bottom()) };
    let middle = (top + bottom) / 2.0;
    let delta = m.top() + m.height().min(bottom - top) / 2.0 - middle;
    container.set_scroll_top(container.scroll_top() + delta.round() as i32);
}

/// A document's text in a scroll box, the evidence last clicked marked (`mark_testid`); a
/// document too long to lay out whole is shown a window at a time, around the evidence, with a
/// note saying which part. `mark` and `boxed` are set to the marked words and the scroll box.
#[component]
pub fn SourceText(doc: Arc<Document>, mark_testid: &'static str, mark: NodeRef<html::Mark>, boxed: NodeRef<html::Pre>) -> impl IntoView {
    let lens = use_lens();
    // A document too long for the text box is shown a window at a time, around the evidence:
    // laying out megabytes would hold the page as the text box would.
    let window = {
        let doc = doc.clone();
        Memo::new(move |_| {
            let active = lens.active.get();
            if doc.too_long_to_edit() {
                source_window(&doc.text, active, SOURCE_WINDOW)
            } else {
                (0, doc.text.len())
            }
        })
    };
    let text = {
        let doc = doc.clone();
        move || {
            let (from, to) = window.get();
            let shown = &doc.text[from..to];
            let span = lens.active.get().filter(|(s, e)| *s >= from && *e <= to).map(|(s, e)| (s - from, e - from));
            match split_at_span(shown, span) {
                Some((before, evidence, after)) => view! {
                    {before.to_string()}<mark node_ref=mark data-testid=mark_testid>{evidence.to_string()}</mark>{after.to_string()}
                }
                .into_any(),
                None => shown.to_string().into_any(),
            }
        }
    };
    let note = {
        let doc = doc.clone();
        move || {
            doc.too_long_to_edit().then(|| {
                let (from, to) = window.get();
                let total = doc.text.len();
                view! {
                    <p class="hint" data-testid="source-window">
                        {format!(
                            "This document is {:.1} MB: shown here is the part around the evidence you last clicked, bytes {}\u{2013}{} of {} ({:.0}%\u{2013}{:.0}% of the way through).",
                            total as f64 / 1e6, from, to, total, 100.0 * from as f64 / total as f64, 100.0 * to as f64 / total as f64
                        )}
                    </p>
                }
            })
        }
    };
    view! {
        {note}
        <pre class="source-text" node_ref=boxed tabindex="0" aria-label="Report text">{text}</pre>
    }
}

/// The Source tab: the whole text, the evidence last clicked marked and centred. Reached from
/// an item on a narrow screen, it offers the way back to the item.
#[component]
pub fn SourceView(doc: Arc<Document>) -> impl IntoView {
    let lens = use_lens();
    let mark = NodeRef::<html::Mark>::new();
    let boxed = NodeRef::<html::Pre>::new();
    // Centre the evidence when it, or the Source tab, is shown.
    Effect::new(move |_| {
        if lens.tab.get() == Tab::Source && lens.active.get().is_some() {
            if let (Some(m), Some(b)) = (mark.get(), boxed.get()) {
                centre_in(&b, &m);
                // The box itself into view (the page scrolls on a narrow screen).
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                b.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });
    view! {
        <div class="card source" data-testid="source">
            <p class="print-only">"The report\u{2019}s own text is not printed here: print the report itself for it."</p>
            <crate::app::evidence::BackToItem/>
            <SourceText doc=doc mark_testid="active-evidence" mark=mark boxed=boxed/>
        </div>
    }
}

#[component]
pub fn Outline(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let sections = &doc.report.sections;
    (!sections.is_empty()).then(|| {
        view! {
            <details class="card outline" open data-testid="outline">
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
