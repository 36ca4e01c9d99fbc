//! The web page's entry point: it only mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(assessment_lens::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("assessment-lens is the web page; build it with `trunk build --release`, or use the `lens` CLI.");
    std::process::exit(2);
}
