//! Getting documents in: buttons, the file picker, dropping files anywhere on the page, and
//! turning file bytes into text through the core's one intake path (`sniff`, then
//! `file_to_text` for text, HTML and .docx; PDFs read by pdf.js in `js/pdf-text.js`).
//! Files are read one after another (files dropped during a read join the queue; earlier
//! messages stay), each analysed in the worker (`engine.rs`), with progress and a Cancel
//! button that stops the PDF being read, the analysis running and the files still waiting.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

use wasm_bindgen::prelude::*;

use super::engine::{self, Key, Outcome};
use super::{use_lens, Lens, EXAMPLE, EXAMPLE_NAME};
use crate::analysis::{file_to_text, pdf_problem, pdf_text, sniff, DecodeError, Decoded, Format, MAX_INPUT_BYTES};

#[wasm_bindgen(module = "/js/pdf-text.js")]
extern "C" {
    /// js/pdf-text.js: pdf.js (shipped beside the app, parsing in its own worker) reads the
    /// PDF page by page; `on_page(i, n)` reports progress.
    #[wasm_bindgen(catch, js_name = pdfToTextInBrowser)]
    async fn pdf_to_text_in_browser(
        data: js_sys::Uint8Array,
        on_page: &js_sys::Function,
        signal: &web_sys::AbortSignal,
    ) -> Result<JsValue, JsValue>;
}

/// Files waiting to be read, how many of this run are done, and what stops the PDF being read.
struct Reading {
    queue: VecDeque<Picked>,
    done: usize,
    /// A file is being read or analysed.
    in_hand: bool,
    active: bool,
    abort: Option<web_sys::AbortController>,
}

thread_local! {
    static READING: RefCell<Reading> = const { RefCell::new(Reading { queue: VecDeque::new(), done: 0, in_hand: false, active: false, abort: None }) };
    /// Bumped by Cancel: a read that started before it ends without adding its document.
    static RUN: Cell<u64> = const { Cell::new(0) };
    static NEXT_JOB: Cell<u64> = const { Cell::new(1) };
}

/// A number for an engine job no one else uses.
pub fn job_key() -> Key {
    NEXT_JOB.with(|n| {
        let k = n.get();
        n.set(k + 1);
        Key::Other(k)
    })
}

/// A PDF's text through pdf.js, with a notice of the page being read; the core holds the
/// result to the limits of any document and words any problem.
async fn read_pdf(lens: Lens, name: &str, bytes: Vec<u8>) -> Result<Decoded, String> {
    let who = name.to_string();
    let on_page = Closure::<dyn Fn(u32, u32)>::new(move |i: u32, n: u32| lens.pages.set(Some((who.clone(), i as usize, n as usize))));
    let data = js_sys::Uint8Array::from(bytes.as_slice());
    let controller = web_sys::AbortController::new().map_err(|_| "the PDF reader could not start".to_string())?;
    READING.with_borrow_mut(|r| r.abort = Some(controller.clone()));
    let result = pdf_to_text_in_browser(data, on_page.as_ref().unchecked_ref(), &controller.signal()).await;
    READING.with_borrow_mut(|r| r.abort = None);
    lens.pages.set(None);
    drop(on_page);
    match result {
        Ok(text) => pdf_text(text.as_string().unwrap_or_default()).map_err(|e| e.to_string()),
        Err(e) => Err(pdf_problem(e.as_string().as_deref())),
    }
}

/// One file picked or dropped.
struct Picked {
    name: String,
    file: web_sys::File,
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<Picked> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).map(|file| Picked { name: file.name(), file }).collect()
}

/// Wait for the browser to paint before the next file.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

const ACCEPTED: &[&str] = &[".txt", ".md", ".markdown", ".text", ".html", ".htm", ".csv", ".docx", ".pdf"];

/// A file's text and any notes about it. The core tells the format from the bytes and the
/// name (`sniff`) and reads text, HTML and .docx; PDFs go through pdf.js.
async fn read_one(lens: Lens, p: &Picked) -> Result<(String, Vec<String>), String> {
    if p.file.size() as usize > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge { bytes: p.file.size() as usize }.to_string());
    }
    let file = gloo_file::File::from(p.file.clone());
    let bytes = gloo_file::futures::read_as_bytes(&file).await.map_err(|_| "the file could not be read".to_string())?;
    let format = sniff(&p.name, &bytes).map_err(|e| e.to_string())?;
    let decoded = match format {
        Format::Pdf => read_pdf(lens, &p.name, bytes).await?,
        Format::Text | Format::Html | Format::Docx => file_to_text(&p.name, &bytes).map_err(|e| e.to_string())?,
    };
    let mut notes: Vec<String> = decoded.warning.into_iter().collect();
    let lower = p.name.to_ascii_lowercase();
    if format == Format::Text && !ACCEPTED.iter().any(|e| lower.ends_with(e)) {
        notes.push(format!("{} is not a .txt, .md, .html, .docx or .pdf file; it was read as text.", p.name));
    }
    Ok((decoded.text, notes))
}

/// Queue files to read; one run reads them one after another, adding each as a document.
/// Bad files get a notice naming them; notices from earlier drops stay until dismissed.
fn read_files(lens: Lens, files: Vec<Picked>) {
    if files.is_empty() {
        return;
    }
    let start = READING.with_borrow_mut(|r| {
        r.queue.extend(files);
        let start = !r.active;
        r.active = true;
        if start {
            r.done = 0;
        }
        start
    });
    show_progress(lens);
    if start {
        spawn_local(run(lens));
    }
}

/// "2 of 5 analysed": the file in hand counts as not yet done.
fn show_progress(lens: Lens) {
    let (done, total) = READING.with_borrow(|r| (r.done, r.done + r.queue.len() + usize::from(r.in_hand)));
    lens.progress.set(Some((done, total)));
}

async fn run(lens: Lens) {
    let run = RUN.get();
    loop {
        let Some(p) = READING.with_borrow_mut(|r| {
            r.in_hand = true;
            r.queue.pop_front()
        }) else {
            break;
        };
        show_progress(lens);
        yield_to_browser().await;
        let read = read_one(lens, &p).await;
        if RUN.get() != run {
            return; // cancelled: Cancel has reset the queue and the progress
        }
        match read {
            Ok((text, notes)) => match engine::analyse(job_key(), p.name.clone(), text.clone()).await {
                Outcome::Done(report) => {
                    lens.add_report(&p.name, text, *report, notes, true);
                }
                Outcome::Stopped => {
                    if RUN.get() != run {
                        return;
                    }
                }
                Outcome::Failed(e) => lens.notices.update(|n| n.push(format!("{}: {e}.", p.name))),
            },
            Err(e) => lens.notices.update(|n| n.push(format!("{}: {e}.", p.name))),
        }
        READING.with_borrow_mut(|r| {
            r.done += 1;
            r.in_hand = false;
        });
    }
    let total = READING.with_borrow_mut(|r| {
        r.active = false;
        r.in_hand = false;
        r.done
    });
    lens.progress.set(Some((total, total)));
    yield_to_browser().await;
    if !READING.with_borrow(|r| r.active) {
        lens.progress.set(None);
    }
    lens.view.set(super::View::Document);
}

/// Cancel: stop the PDF being read, the analysis running (typing's too) and the files waiting.
pub fn cancel(lens: Lens) {
    RUN.set(RUN.get() + 1);
    let waiting = READING.with_borrow_mut(|r| {
        if let Some(a) = r.abort.take() {
            a.abort();
        }
        let waiting: Vec<String> = r.queue.drain(..).map(|p| p.name).collect();
        r.active = false;
        r.in_hand = false;
        r.done = 0;
        waiting
    });
    let running = lens.busy.with_untracked(|b| b.name.clone());
    engine::cancel_all();
    lens.progress.set(None);
    lens.pages.set(None);
    let what = running.map(|n| format!("Cancelled: {n} was not analysed")).unwrap_or_else(|| "Cancelled".into());
    let more = match waiting.len() {
        0 => String::new(),
        n => {
            format!("; {} waiting {} not opened", crate::analysis::format::plural(n, "file", "files"), if n == 1 { "was" } else { "were" })
        }
    };
    lens.notices.update(|n| n.push(format!("{what}{more}.")));
}

/// Drag files over the page to see a drop target; drop them anywhere.
pub fn listen_for_drops(lens: Lens) {
    let drag = move |on: bool| {
        if lens.dragging.get_untracked() != on {
            lens.dragging.set(on);
        }
    };
    let over = move |ev: web_sys::DragEvent| {
        let has_files = ev.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")));
        if has_files {
            ev.prevent_default();
            drag(true);
        }
    };
    let _ = window_event_listener(leptos::ev::dragover, over);
    let _ = window_event_listener(leptos::ev::dragenter, over);
    let _ = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        // Leaving the window (no related target) ends the drag.
        if ev.related_target().is_none() {
            drag(false);
        }
    });
    let _ = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drag(false);
        read_files(lens, files_of(ev.data_transfer().and_then(|d| d.files())));
    });
}

#[component]
pub fn DropOverlay() -> impl IntoView {
    let d = use_lens().dragging;
    view! {
        <div class="drop-overlay" class:active=move || d.get() data-testid="drop-overlay" aria-hidden="true">
            <p>"Drop files to analyse them — .pdf, .docx, .txt, .md, .html. Nothing is uploaded."</p>
        </div>
    }
}

#[component]
pub fn Buttons(textarea: NodeRef<Textarea>) -> impl IntoView {
    let lens = use_lens();
    let picker = NodeRef::<Input>::new();
    view! {
        <div class="buttons">
            <button type="button" data-testid="new-document" on:click=move |_| {
                lens.add(super::PASTED, String::new());
                lens.view.set(super::View::Document);
                if let Some(el) = textarea.get() { let _ = el.focus(); }
            }>"New"</button>
            <button type="button" data-testid="open-files" on:click=move |_| {
                if let Some(el) = picker.get() { el.click(); }
            }>"Open files…"</button>
            <button type="button" data-testid="load-example" on:click=move |_| {
                lens.add(EXAMPLE_NAME, EXAMPLE.to_string());
                lens.view.set(super::View::Document);
            }>"Load example"</button>
            <button type="button" data-testid="clear" on:click=move |_| {
                if let Some(id) = lens.selected.get_untracked() {
                    lens.clear_text(id);
                }
                if let Some(el) = textarea.get() { let _ = el.focus(); }
            }>"Clear"</button>
            <input type="file" multiple class="visually-hidden" node_ref=picker data-testid="file-input" tabindex="-1"
                aria-label="Open files"
                accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,application/pdf,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    read_files(lens, files_of(input.files()));
                    input.set_value("");
                }/>
        </div>
    }
}

/// Progress while reading and analysing (with Cancel), and the files that could not be read.
#[component]
pub fn Notices() -> impl IntoView {
    let lens = use_lens();
    view! {
        {move || lens.busy.get().name.map(|name| {
            let b = lens.busy.get_untracked();
            view! {
                <div class="card progress analysing" role="status" data-testid="analysing"
                    data-where=if b.on_page { "page" } else { "worker" } data-phase=if b.reading { "reading" } else { "analysing" }>
                    <p>
                        {if b.reading { format!("Analysed {name}; showing the results…") } else { format!("Analysing {name}…") }}
                        {(b.waiting > 0).then(|| format!(" ({} waiting)", b.waiting))}
                        <progress></progress>
                    </p>
                    {b.on_page.then(|| view! {
                        <p class="hint" data-testid="on-page-note">"This copy analyses on the page itself (a file opened from disk cannot start a background worker), so a very large document holds the page until it is done."</p>
                    })}
                </div>
            }
        })}
        {move || (lens.busy.with(|b| b.name.is_some()) || lens.progress.with(Option::is_some) || lens.pages.with(Option::is_some)).then(|| view! {
            <p class="cancel-row">
                <button type="button" class="small" data-testid="cancel" on:click=move |_| cancel(lens)>"Cancel"</button>
            </p>
        })}
        {move || lens.pages.get().map(|(name, i, n)| view! {
            <p class="card progress" role="status" data-testid="pdf-progress">
                {format!("Reading {name}: page {i} of {n}")}
                <progress max=n.to_string() value=i.to_string()></progress>
            </p>
        })}
        {move || lens.progress.get().map(|(done, total)| view! {
            <p class="card progress" role="status" data-testid="progress">
                {format!("{done} of {total} analysed")}
                <progress max=total.to_string() value=done.to_string()></progress>
            </p>
        })}
        {move || {
            let notes = lens.notices.get();
            let heading = if notes.iter().all(|n| n.starts_with("Cancelled")) { "Analysis stopped" } else { "Some files could not be read" };
            (!notes.is_empty()).then(|| view! {
                <div class="card warnings" role="alert" data-testid="file-errors">
                    <h3>{heading}</h3>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| lens.notices.set(Vec::new())>"Dismiss"</button>
                </div>
            })
        }}
    }
}
