//! Saved work, only when the user asks: "Keep my documents on this device" stores the open
//! documents' names and texts in the browser's localStorage (through `gloo-storage`), with
//! the statuses the user changed in Since last time; reloading restores them (analysed in the
//! worker, in order); "Forget all" removes them. A
//! full store gets a message, and nothing on screen is lost.
//!
//! Tabs stay in step through `storage` events: while keeping, another tab's change to the
//! kept list is applied here (documents with the same text are reused, not re-analysed); a
//! tab that starts keeping merges what is already kept; "Forget all" (or keeping switched
//! off) in one tab switches keeping off in every tab, so no later change writes the documents
//! back. Nothing is written while kept documents are still being brought in, and nothing when
//! the open documents already match what is kept, so two tabs never echo each other.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

use super::engine::{self, Outcome};
use super::{input, Lens};
use crate::analysis::format::plural;

const KEEP: &str = "assessment-lens:keep";
const DOCS: &str = "assessment-lens:documents";
/// The statuses a reader changed in Since last time, kept with the documents.
const CHECKS: &str = "assessment-lens:since-checks";

/// One kept check: the two reports' text keys (hex), the item and the reader's status.
type StoredCheck = (String, String, usize, crate::analysis::since::Status);

fn load_checks(lens: Lens) {
    let list = LocalStorage::get::<Vec<StoredCheck>>(CHECKS).unwrap_or_default();
    let parsed =
        list.into_iter().filter_map(|(e, l, k, st)| Some(((u64::from_str_radix(&e, 16).ok()?, u64::from_str_radix(&l, 16).ok()?, k), st)));
    lens.since_checks.update(|m| m.extend(parsed));
}

fn save_checks(lens: Lens) -> Result<(), String> {
    let mut list: Vec<StoredCheck> =
        lens.since_checks.with(|m| m.iter().map(|((e, l, k), st)| (format!("{e:x}"), format!("{l:x}"), *k, *st)).collect());
    if list.is_empty() {
        LocalStorage::delete(CHECKS);
        return Ok(());
    }
    list.sort_by(|a, b| (&a.0, &a.1, a.2).cmp(&(&b.0, &b.1, b.2)));
    LocalStorage::set(CHECKS, list)
        .map_err(|_| "your browser's storage for this page is full, so your checked statuses were not saved".to_string())
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Stored {
    name: String,
    text: String,
}

/// Keeping's state, shared by the controls and the tab-sync listener.
#[derive(Clone, Copy)]
struct Keeper {
    on: RwSignal<bool>,
    /// Kept documents are being brought in: don't write a partial list.
    hold: RwSignal<bool>,
    /// Bumped by each sync; an older sync still running stops.
    sync: StoredValue<u64>,
    status: RwSignal<String>,
}

fn keeping() -> bool {
    LocalStorage::raw().get_item(KEEP).ok().flatten().as_deref() == Some("1")
}

fn kept() -> Vec<Stored> {
    LocalStorage::get::<Vec<Stored>>(DOCS).unwrap_or_default()
}

fn parse(raw: &str) -> Vec<Stored> {
    serde_json::from_str(raw).unwrap_or_default()
}

fn save(docs: &[Stored]) -> Result<(), String> {
    const FULL: &str = "your browser's storage for this page is full, so the documents were not saved; they are still open here";
    LocalStorage::set(DOCS, docs).map_err(|_| FULL.to_string())?;
    if !keeping() {
        LocalStorage::raw().set_item(KEEP, "1").map_err(|_| FULL.to_string())?;
    }
    Ok(())
}

fn forget() {
    LocalStorage::delete(DOCS);
    LocalStorage::delete(CHECKS);
    LocalStorage::delete(KEEP);
}

/// The same documents, in any order.
fn same(a: &[Stored], b: &[Stored]) -> bool {
    let mut a: Vec<&Stored> = a.iter().collect();
    let mut b: Vec<&Stored> = b.iter().collect();
    a.sort();
    b.sort();
    a == b
}

fn open_docs(lens: Lens) -> Vec<Stored> {
    lens.docs.with_untracked(|d| d.iter().map(|x| Stored { name: x.name.clone(), text: x.text.clone() }).collect())
}

/// Bring the open documents in step with `list`: documents already open with the same text
/// are reused (renamed if need be), the rest analysed in the worker and added in order;
/// unless `merge`, open documents not in `list` are closed.
fn sync_to(lens: Lens, k: Keeper, list: Vec<Stored>, merge: bool) {
    let run = k.sync.get_value() + 1;
    k.sync.set_value(run);
    k.hold.set(true);
    spawn_local(async move {
        let mut matched: Vec<u32> = Vec::new();
        for s in list {
            if k.sync.get_value() != run {
                return;
            }
            let found = lens.docs.with_untracked(|d| {
                d.iter()
                    .filter(|x| !matched.contains(&x.id) && x.text == s.text)
                    .min_by_key(|x| x.name != s.name)
                    .map(|x| (x.id, x.name == s.name))
            });
            match found {
                Some((id, same_name)) => {
                    if !same_name {
                        lens.rename(id, s.name.clone());
                    }
                    matched.push(id);
                }
                None => {
                    if let Outcome::Done(report) = engine::analyse(input::job_key(), s.name.clone(), s.text.clone()).await {
                        if k.sync.get_value() != run {
                            return;
                        }
                        matched.push(lens.add_report(&s.name, s.text, *report, Vec::new(), false));
                    }
                }
            }
        }
        if !merge {
            let gone: Vec<u32> = lens.docs.with_untracked(|d| d.iter().map(|x| x.id).filter(|id| !matched.contains(id)).collect());
            for id in gone {
                lens.remove(id);
            }
        }
        k.hold.set(false);
    });
}

/// Restore kept documents, save while keeping, and follow other tabs. Returns whether kept
/// documents are being restored (else the page shows the example).
pub fn start(lens: Lens) -> bool {
    let k = Keeper {
        on: RwSignal::new(keeping()),
        hold: RwSignal::new(false),
        sync: StoredValue::new(0),
        status: RwSignal::new(String::new()),
    };
    provide_context(k);
    let list = if k.on.get_untracked() { kept() } else { Vec::new() };
    if k.on.get_untracked() {
        load_checks(lens);
    }
    // While keeping, the reader's checked statuses are kept too.
    Effect::new(move |_| {
        lens.since_checks.track();
        if k.on.get() {
            if let Err(e) = save_checks(lens) {
                k.status.set(format!("Not saved: {e}."));
            }
        }
    });
    let restoring = !list.is_empty();
    if restoring {
        sync_to(lens, k, list, true);
    }
    // While keeping, save whenever the documents change (unless they already match).
    Effect::new(move |_| {
        lens.docs.track();
        if !k.on.get() || k.hold.get() {
            return;
        }
        let docs = open_docs(lens);
        let result = if same(&docs, &kept()) && keeping() { Ok(()) } else { save(&docs) };
        match result {
            Ok(()) => k.status.set(format!("{} kept on this device", plural(docs.len(), "document", "documents"))),
            Err(e) => k.status.set(format!("Not saved: {e}.")),
        }
    });
    let forgotten_elsewhere = move || {
        k.sync.update_value(|s| *s += 1);
        k.hold.set(false);
        if k.on.get_untracked() {
            k.on.set(false);
            k.status.set("Forgotten in another tab: nothing is kept on this device; your open documents stay here.".into());
        }
    };
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let value = ev.new_value();
        match ev.key().as_deref() {
            // localStorage.clear() in another tab.
            None => forgotten_elsewhere(),
            Some(KEEP) if value.as_deref() == Some("1") => {
                if !k.on.get_untracked() {
                    k.on.set(true);
                    sync_to(lens, k, kept(), true);
                }
            }
            Some(KEEP) => forgotten_elsewhere(),
            Some(DOCS) => match value {
                None => forgotten_elsewhere(),
                Some(raw) if k.on.get_untracked() => {
                    let list = parse(&raw);
                    if !same(&list, &open_docs(lens)) {
                        sync_to(lens, k, list, false);
                    }
                }
                Some(_) => {}
            },
            Some(_) => {}
        }
    });
    restoring
}

#[component]
pub fn KeepControls() -> impl IntoView {
    let lens = super::use_lens();
    let k = expect_context::<Keeper>();
    view! {
        <div class="keep">
            <label>
                <input type="checkbox" data-testid="keep" prop:checked=move || k.on.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        if on {
                            // Another tab may keep documents already: keep those too.
                            let list = if keeping() { kept() } else { Vec::new() };
                            if !list.is_empty() {
                                sync_to(lens, k, list, true);
                            }
                        } else {
                            forget();
                            k.status.set("Nothing is kept on this device.".into());
                        }
                        k.on.set(on);
                    }/>
                " Keep my documents on this device"
            </label>
            <button type="button" class="small" data-testid="forget" on:click=move |_| {
                k.sync.update_value(|s| *s += 1);
                k.hold.set(false);
                forget();
                k.on.set(false);
                k.status.set("Forgotten: nothing is kept on this device.".into());
            }>"Forget all"</button>
            <span class="hint" role="status" data-testid="keep-status">{move || k.status.get()}</span>
        </div>
    }
}
