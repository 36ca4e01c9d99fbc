//! Showing an item's exact words. On a wide screen they are marked and centred in a pane beside
//! the results, in place of the text box (which keeps its text; "Back to the text box" brings it
//! back); on a narrow one the Source view opens at them, with a button back to the item. Focus
//! stays on the item that was clicked.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::results::source::{centre_in, SourceText};
use super::results::Tab;
use super::{use_lens, Document, Lens};
use crate::analysis::Span;

/// The width from which the results sit beside the documents panel (`.layout` in main.css).
const WIDE: &str = "(min-width: 901px)";

fn wide() -> bool {
    web_sys::window().and_then(|w| w.match_media(WIDE).ok().flatten()).is_some_and(|m| m.matches())
}

/// Show `span`'s words: beside the list on a wide screen, in the Source view on a narrow one.
pub fn show(lens: Lens, span: Span) {
    lens.active.set(Some(span));
    lens.active_doc.set(lens.selected.get_untracked());
    if wide() {
        lens.beside.set(true);
        return;
    }
    let from = lens.tab.get_untracked();
    if from != Tab::Source {
        lens.back.set(Some(from));
        let clicked = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        lens.back_focus.set_value(clicked);
    }
    lens.tab.set(Tab::Source);
}

/// The evidence beside the results (wide screens), over the text box while it is open.
#[component]
pub fn EvidencePane() -> impl IntoView {
    let lens = use_lens();
    let mark = NodeRef::<html::Mark>::new();
    let boxed = NodeRef::<html::Pre>::new();
    // Another document closes it (unless the evidence was asked for in that document).
    Effect::new(move |before: Option<Option<u32>>| {
        let now = lens.selected.get();
        if before.is_some_and(|b| b != now) && lens.active_doc.get_untracked() != now {
            lens.beside.set(false);
        }
        now
    });
    // Centre the words whenever they change or the pane opens.
    Effect::new(move |_| {
        if lens.beside.get() && lens.active.get().is_some() {
            if let (Some(m), Some(b)) = (mark.get(), boxed.get()) {
                centre_in(&b, &m);
            }
        }
    });
    let close = move || lens.beside.set(false);
    let pane = move || {
        let doc: Arc<Document> = lens.current.get()?;
        lens.beside.get().then(|| {
            let name = doc.name.clone();
            view! {
                <div class="evidence-pane" data-testid="evidence-pane" role="region" aria-label="Evidence in the text"
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                    <p class="pane-head">
                        <span class="hint">"The words in " <strong>{name}</strong></span>
                        <button type="button" class="small" data-testid="evidence-close" on:click=move |_| close()>"Back to the text box"</button>
                    </p>
                    <SourceText doc=doc mark_testid="pane-evidence" mark=mark boxed=boxed/>
                </div>
            }
        })
    };
    view! { {pane} }
}

/// In the Source view reached from an item (narrow screens): back to the item's view, with
/// focus on the item.
#[component]
pub fn BackToItem() -> impl IntoView {
    let lens = use_lens();
    move || {
        lens.back.get().map(|tab| {
            let back = move |_| {
                lens.back.set(None);
                lens.tab.set(tab);
                // Once the item's view is shown again (a hidden button takes no focus).
                request_animation_frame(move || {
                    if let Some(el) = lens.back_focus.get_value() {
                        let _ = el.focus();
                        let opts = web_sys::ScrollIntoViewOptions::new();
                        opts.set_block(web_sys::ScrollLogicalPosition::Center);
                        el.scroll_into_view_with_scroll_into_view_options(&opts);
                    }
                });
            };
            view! {
                <p class="pane-head">
                    <button type="button" class="small" data-testid="source-back" on:click=back>{format!("\u{2190} Back to {}", tab.name())}</button>
                </p>
            }
        })
    }
}
