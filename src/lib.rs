//! Assessment Lens: reads English social-care inspection reports and shows their scores,
//! metrics and gaps.
//!
//! [`analysis`] is the pure core (`analyse(&str) -> Report`): no I/O, no panics, usable from
//! the native CLI (`src/bin/lens.rs`) and from the browser. `app` holds the Leptos
//! components and exists only when compiled to WebAssembly.

pub mod analysis;

#[cfg(target_arch = "wasm32")]
pub mod app;

pub use analysis::{analyse, analyse_named, Report};
