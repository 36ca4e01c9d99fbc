//! Analysis off the main thread: the core's `analyse_named` runs in a Web Worker that loads
//! this same wasm module (`analysis-worker-<hash>.js`, written by `scripts/post-build.mjs` and
//! named in the page's `<meta name="analysis-worker">`; the
//! module's `main` mounts nothing where there is no window, and `analyseInWorker` in
//! `src/main.rs` calls [`analyse_in_worker`]). One document at a time: jobs wait in a
//! queue; the report crosses back as JSON bytes in a transferred buffer (one copy into wasm
//! memory and `serde_json` there: a 20 MB text's report is ~80 MB of JSON, and reading it
//! through `serde-wasm-bindgen`, object by object, held the page for seconds).
//!
//! A wasm call can't be interrupted, so stopping a job (Cancel, or a newer text for the same
//! document superseding it) terminates the worker; the next job starts a fresh one. Where no
//! worker can run — the one-file build opened from `file://`, or a page without the worker
//! script (the in-browser tests), or a worker that fails to load its wasm — jobs run on the main thread, after a pause that lets the
//! page paint, and the page says so.

use std::cell::RefCell;
use std::collections::VecDeque;

use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use crate::analysis::{analyse_named, Report};

/// Who asked for an analysis: typing supersedes the same document's earlier typing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Key {
    /// The text typed or pasted into document `id`.
    Typing(u32),
    /// A file or a kept document, numbered by the caller.
    Other(u64),
}

/// How a job ended.
#[derive(Debug)]
pub enum Outcome {
    Done(Box<Report>),
    /// Cancelled, or superseded by a newer text.
    Stopped,
    /// The analysis itself failed (a trap in the worker); in words.
    Failed(String),
}

/// What the page shows while analysing.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Busy {
    /// The document being analysed now.
    pub name: Option<String>,
    /// Jobs waiting after it.
    pub waiting: usize,
    /// The analysis runs on the page itself (no worker could start).
    pub on_page: bool,
    /// The worker has answered and the page is reading its report back.
    pub reading: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Try a worker; the first job finds out.
    Unknown,
    Worker,
    /// No worker here: analyse on the main thread.
    Page,
}

struct Job {
    key: Key,
    name: String,
    text: String,
    tx: oneshot::Sender<Outcome>,
}

struct Running {
    id: u64,
    key: Key,
    name: String,
    /// Kept so a job can be run again on the page if the worker turns out unable to start.
    text: String,
    tx: oneshot::Sender<Outcome>,
}

type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;
type OnError = Closure<dyn FnMut(web_sys::Event)>;

struct Engine {
    mode: Mode,
    worker: Option<(web_sys::Worker, OnMessage, OnError)>,
    /// The worker said its wasm is loaded.
    ready: bool,
    running: Option<Running>,
    queue: VecDeque<Job>,
    next_id: u64,
    /// The running job's report arrived and is being read back.
    reading: bool,
    busy: Option<RwSignal<Busy>>,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine {
        mode: if served_over_http() { Mode::Unknown } else { Mode::Page },
        worker: None,
        ready: false,
        running: None,
        queue: VecDeque::new(),
        next_id: 1,
        reading: false,
        busy: None,
    });
}

fn served_over_http() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p.starts_with("http"))
}

/// The worker's entry (exported from `src/main.rs` as `analyseInWorker`): one report as a JS value.
pub fn analyse_in_worker(name: &str, text: &str) -> JsValue {
    encode(&analyse_named(name, text))
}

/// A report as the JS value that crosses from the worker: its JSON in a `Uint8Array`.
pub fn encode(report: &Report) -> JsValue {
    let bytes = serde_json::to_vec(report).unwrap_or_default();
    js_sys::Uint8Array::from(bytes.as_slice()).into()
}

/// The report a worker sent.
pub fn decode(value: JsValue) -> Result<Report, String> {
    let bytes = value.dyn_into::<js_sys::Uint8Array>().map_err(|_| "the worker sent no report".to_string())?.to_vec();
    serde_json::from_slice(&bytes).map_err(|e| format!("the report could not be read back ({e})"))
}

/// Show the engine's state in this signal (the last page mounted wins).
pub fn attach(busy: RwSignal<Busy>) {
    ENGINE.with_borrow_mut(|e| e.busy = Some(busy));
    publish();
}

/// Analyse `text` in the worker, after the jobs already waiting. A job with the same
/// `Key::Typing` still waiting or running is superseded (it ends `Stopped`).
pub async fn analyse(key: Key, name: String, text: String) -> Outcome {
    let (tx, rx) = oneshot::channel();
    if matches!(key, Key::Typing(_)) {
        supersede(key);
    }
    ENGINE.with_borrow_mut(|e| e.queue.push_back(Job { key, name, text, tx }));
    pump();
    rx.await.unwrap_or(Outcome::Stopped)
}

/// Stop the running and waiting jobs for `key` (their callers get `Stopped`).
pub fn supersede(key: Key) {
    let stop = ENGINE.with_borrow_mut(|e| {
        e.queue.retain(|j| j.key != key);
        e.running.as_ref().is_some_and(|r| r.key == key)
    });
    if stop {
        stop_running();
    }
    publish();
}

/// Cancel: stop the running job and drop every waiting one.
pub fn cancel_all() {
    ENGINE.with_borrow_mut(|e| e.queue.clear());
    stop_running();
}

fn stop_running() {
    ENGINE.with_borrow_mut(|e| {
        // Dropping the sender ends the caller's wait with `Stopped`.
        e.running = None;
        if e.mode != Mode::Page {
            kill(e);
        }
    });
    pump();
}

fn kill(e: &mut Engine) {
    if let Some((w, _, _)) = e.worker.take() {
        w.terminate();
    }
    e.ready = false;
}

fn publish() {
    let (busy, state) = ENGINE.with_borrow(|e| {
        let state = Busy {
            name: e.running.as_ref().map(|r| r.name.clone()),
            waiting: e.queue.len(),
            on_page: e.mode == Mode::Page,
            reading: e.reading,
        };
        (e.busy, state)
    });
    if let Some(b) = busy {
        if b.try_get_untracked().is_some_and(|s| s != state) {
            b.set(state);
        }
    }
}

/// Start the next job if none is running.
fn pump() {
    let next = ENGINE.with_borrow_mut(|e| {
        if e.running.is_some() {
            return None;
        }
        let job = e.queue.pop_front()?;
        let id = e.next_id;
        e.next_id += 1;
        e.running = Some(Running { id, key: job.key, name: job.name, text: job.text, tx: job.tx });
        Some((id, e.mode))
    });
    publish();
    let Some((id, mode)) = next else { return };
    if mode == Mode::Page || !post(id) {
        ENGINE.with_borrow_mut(|e| e.mode = Mode::Page);
        publish();
        run_on_page(id);
    }
}

/// Send the running job to the worker, starting one if needed; false if no worker can start.
fn post(id: u64) -> bool {
    let Some(worker) = ENGINE.with_borrow_mut(|e| {
        if e.worker.is_none() {
            e.worker = start_worker();
        }
        e.worker.as_ref().map(|(w, _, _)| w.clone())
    }) else {
        return false;
    };
    let msg = js_sys::Object::new();
    ENGINE.with_borrow(|e| {
        if let Some(r) = &e.running {
            let _ = js_sys::Reflect::set(&msg, &"id".into(), &JsValue::from_f64(id as f64));
            let _ = js_sys::Reflect::set(&msg, &"name".into(), &JsValue::from_str(&r.name));
            let _ = js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&r.text));
        }
    });
    worker.post_message(&msg).is_ok()
}

fn start_worker() -> Option<(web_sys::Worker, OnMessage, OnError)> {
    // The build names its worker script (scripts/post-build.mjs); without one, no worker.
    let doc = web_sys::window()?.document()?;
    let script = doc.query_selector("meta[name=analysis-worker]").ok()??.get_attribute("content")?;
    let url = web_sys::Url::new_with_base(&script, &doc.base_uri().ok()??).ok()?.href();
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        spawn_local(on_message(ev.data()));
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        let msg = ev.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
        spawn_local(async move { worker_failed(msg) });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some((worker, on_message, on_error))
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

async fn on_message(data: JsValue) {
    if field(&data, "ready").is_truthy() {
        ENGINE.with_borrow_mut(|e| {
            e.ready = true;
            e.mode = Mode::Worker;
        });
        return;
    }
    if let Some(why) = field(&data, "failed").as_string() {
        worker_failed(why);
        return;
    }
    let id = field(&data, "id").as_f64().unwrap_or(-1.0) as u64;
    if !ENGINE.with_borrow(|e| e.running.as_ref().is_some_and(|r| r.id == id)) {
        return;
    }
    // Say the analysis is done and the report is being read (a big one takes a while), let
    // the page paint, then read it.
    ENGINE.with_borrow_mut(|e| e.reading = true);
    publish();
    gloo_timers::future::TimeoutFuture::new(0).await;
    let Some(running) = ENGINE.with_borrow_mut(|e| {
        e.reading = false;
        if e.running.as_ref().is_some_and(|r| r.id == id) {
            e.running.take()
        } else {
            None
        }
    }) else {
        publish();
        return;
    };
    let outcome = match field(&data, "error").as_string() {
        Some(err) => {
            // A trap leaves the wasm instance unusable: the next job gets a fresh worker.
            ENGINE.with_borrow_mut(kill);
            Outcome::Failed(format!("the analysis stopped ({err})"))
        }
        None => match decode(field(&data, "report")) {
            Ok(r) => Outcome::Done(Box::new(r)),
            Err(_) => {
                // A report JSON can't carry (a non-finite number): analyse it here instead.
                let id = running.id;
                ENGINE.with_borrow_mut(|e| e.running = Some(running));
                run_on_page(id);
                return;
            }
        },
    };
    // Let the page breathe between reading a big report and showing it: two tasks, not one.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let _ = running.tx.send(outcome);
    pump();
}

/// The worker failed: before it was ready, no worker can run here, so the job runs on the
/// page; after, the job failed.
fn worker_failed(why: String) {
    let (ready, running) = ENGINE.with_borrow_mut(|e| {
        let ready = e.ready;
        kill(e);
        if !ready {
            e.mode = Mode::Page;
        }
        (ready, e.running.as_ref().map(|r| r.id))
    });
    publish();
    match (ready, running) {
        (false, Some(id)) => run_on_page(id),
        (true, Some(_)) => {
            if let Some(r) = ENGINE.with_borrow_mut(|e| e.running.take()) {
                let why = if why.is_empty() { "the worker stopped".to_string() } else { why };
                let _ = r.tx.send(Outcome::Failed(format!("the analysis stopped ({why})")));
            }
            pump();
        }
        _ => {}
    }
}

/// Run job `id` on the main thread once the page has painted, unless it was stopped by then.
fn run_on_page(id: u64) {
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(30).await;
        let job = ENGINE.with_borrow_mut(|e| if e.running.as_ref().is_some_and(|r| r.id == id) { e.running.take() } else { None });
        if let Some(r) = job {
            let report = analyse_named(&r.name, &r.text);
            let _ = r.tx.send(Outcome::Done(Box::new(report)));
        }
        pump();
    });
}
