//! Saved work, only when the user asks: "Keep my documents on this device" stores the open
//! documents' names and texts in the browser's localStorage; reloading restores them;
//! "Forget all" removes them. A full store gets a message, and nothing on screen is lost.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::use_lens;
use crate::analysis::format::plural;

const KEEP: &str = "assessment-lens:keep";
const DOCS: &str = "assessment-lens:documents";

#[derive(Serialize, Deserialize)]
struct Stored {
    name: String,
    text: String,
}

fn store() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn keeping() -> bool {
    store().and_then(|s| s.get_item(KEEP).ok().flatten()).as_deref() == Some("1")
}

/// The kept documents, if the user chose to keep them.
pub fn restore() -> Vec<(String, String)> {
    if !keeping() {
        return Vec::new();
    }
    let raw = store().and_then(|s| s.get_item(DOCS).ok().flatten()).unwrap_or_default();
    serde_json::from_str::<Vec<Stored>>(&raw).map(|v| v.into_iter().map(|d| (d.name, d.text)).collect()).unwrap_or_default()
}

fn save(docs: &[(String, String)]) -> Result<(), String> {
    let s = store().ok_or("this browser does not allow saving on this device")?;
    let list: Vec<Stored> = docs.iter().map(|(n, t)| Stored { name: n.clone(), text: t.clone() }).collect();
    let json = serde_json::to_string(&list).map_err(|e| e.to_string())?;
    let full = |_| "your browser's storage for this page is full, so the documents were not saved; they are still open here".to_string();
    s.set_item(DOCS, &json).map_err(full)?;
    s.set_item(KEEP, "1").map_err(full)
}

fn forget() {
    if let Some(s) = store() {
        let _ = s.remove_item(DOCS);
        let _ = s.remove_item(KEEP);
    }
}

#[component]
pub fn KeepControls() -> impl IntoView {
    let lens = use_lens();
    let keep = RwSignal::new(keeping());
    let (status, set_status) = signal(String::new());
    // While keeping, save whenever the documents change.
    Effect::new(move |_| {
        let docs: Vec<(String, String)> = lens.docs.with(|d| d.iter().map(|x| (x.name.clone(), x.text.clone())).collect());
        if keep.get() {
            match save(&docs) {
                Ok(()) => set_status.set(format!("{} kept on this device", plural(docs.len(), "document", "documents"))),
                Err(e) => set_status.set(format!("Not saved: {e}.")),
            }
        }
    });
    view! {
        <div class="keep">
            <label>
                <input type="checkbox" data-testid="keep" prop:checked=move || keep.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if !on { forget(); set_status.set("Nothing is kept on this device.".into()); }
                        keep.set(on);
                    }/>
                " Keep my documents on this device"
            </label>
            <button type="button" class="small" data-testid="forget" on:click=move |_| {
                forget();
                keep.set(false);
                set_status.set("Forgotten: nothing is kept on this device.".into());
            }>"Forget all"</button>
            <span class="hint" role="status" data-testid="keep-status">{move || status.get()}</span>
        </div>
    }
}
