//! Getting documents in: buttons, the file picker, dropping files anywhere on the page, and
//! turning file bytes into text through the core's one intake path (`sniff`, then
//! `file_to_text` for text, HTML and .docx; PDFs read by pdf.js in `js/pdf-text.js`).
//! Files are read one after another, with progress and a pause between them so the page
//! keeps painting.

use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

use wasm_bindgen::prelude::*;

use super::{use_lens, Lens, EXAMPLE, EXAMPLE_NAME};
use crate::analysis::{file_to_text, pdf_problem, pdf_text, sniff, DecodeError, Decoded, Format, MAX_INPUT_BYTES};

#[wasm_bindgen(module = "/js/pdf-text.js")]
extern "C" {
    /// js/pdf-text.js: pdf.js (shipped beside the app, parsing in its own worker) reads the
    /// PDF page by page; `on_page(i, n)` reports progress.
    #[wasm_bindgen(catch, js_name = pdfToTextInBrowser)]
    async fn pdf_to_text_in_browser(data: js_sys::Uint8Array, on_page: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// A PDF's text through pdf.js, with a notice of the page being read; the core holds the
/// result to the limits of any document and words any problem.
async fn read_pdf(lens: Lens, name: &str, bytes: Vec<u8>) -> Result<Decoded, String> {
    let who = name.to_string();
    let on_page = Closure::<dyn Fn(u32, u32)>::new(move |i: u32, n: u32| lens.pages.set(Some((who.clone(), i as usize, n as usize))));
    let data = js_sys::Uint8Array::from(bytes.as_slice());
    let result = pdf_to_text_in_browser(data, on_page.as_ref().unchecked_ref()).await;
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
    let buf = wasm_bindgen_futures::JsFuture::from(p.file.array_buffer()).await.map_err(|_| "the file could not be read".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
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

/// Read files one after another, adding each as a document; bad files get a notice naming them.
fn read_files(lens: Lens, files: Vec<Picked>) {
    if files.is_empty() {
        return;
    }
    lens.notices.set(Vec::new());
    // Shown at once, so the page says it is busy before the first file is read.
    lens.progress.set(Some((0, files.len())));
    spawn_local(async move {
        let total = files.len();
        for (i, p) in files.iter().enumerate() {
            lens.progress.set(Some((i, total)));
            yield_to_browser().await;
            match read_one(lens, p).await {
                Ok((text, notes)) => {
                    lens.add(&p.name, text, notes);
                }
                Err(e) => lens.notices.update(|n| n.push(format!("{}: {e}.", p.name))),
            }
        }
        lens.progress.set(Some((total, total)));
        yield_to_browser().await;
        lens.progress.set(None);
        lens.view.set(super::View::Document);
    });
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
                lens.add("pasted text", String::new(), Vec::new());
                lens.view.set(super::View::Document);
                if let Some(el) = textarea.get() { let _ = el.focus(); }
            }>"New"</button>
            <button type="button" data-testid="open-files" on:click=move |_| {
                if let Some(el) = picker.get() { el.click(); }
            }>"Open files…"</button>
            <button type="button" data-testid="load-example" on:click=move |_| {
                lens.add(EXAMPLE_NAME, EXAMPLE.to_string(), Vec::new());
                lens.view.set(super::View::Document);
            }>"Load example"</button>
            <button type="button" data-testid="clear" on:click=move |_| {
                if let Some(id) = lens.selected.get_untracked() {
                    lens.set_text(id, String::new());
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

/// Progress while reading files, and the files that could not be read.
#[component]
pub fn Notices() -> impl IntoView {
    let lens = use_lens();
    view! {
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
            (!notes.is_empty()).then(|| view! {
                <div class="card warnings" role="alert" data-testid="file-errors">
                    <h3>"Some files could not be read"</h3>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| lens.notices.set(Vec::new())>"Dismiss"</button>
                </div>
            })
        }}
    }
}
