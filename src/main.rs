//! The web page's entry point: it mounts the app. The same module is loaded by the
//! analysis worker (`analysis-worker.js`, see `src/app/engine.rs`), where there is no window:
//! there it mounts nothing and only answers `analyseInWorker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return;
    }
    leptos::mount::mount_to_body(assessment_lens::app::App);
}

/// The worker's one call: the core's `analyse_named`, the report as a JS value.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = analyseInWorker)]
pub fn analyse_in_worker(name: &str, text: &str) -> wasm_bindgen::JsValue {
    assessment_lens::app::analyse_in_worker(name, text)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("assessment-lens is the web page; build it with `trunk build --release`, or use the `lens` CLI.");
    std::process::exit(2);
}
