//! A JavaScript API for other pages and scripts: `window.assessmentLens.analyse(text)`
//! returns the report as a plain object (the contract's JSON shape).

use wasm_bindgen::prelude::*;

fn analyse_js(text: JsValue) -> JsValue {
    let text = text.as_string().unwrap_or_default();
    let report = crate::analysis::analyse(&text);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer).unwrap_or(JsValue::NULL)
}

pub fn install() {
    let Some(window) = web_sys::window() else { return };
    let api = js_sys::Object::new();
    let f = Closure::<dyn Fn(JsValue) -> JsValue>::new(analyse_js);
    let _ = js_sys::Reflect::set(&api, &JsValue::from_str("analyse"), f.as_ref());
    let _ = js_sys::Reflect::set(&api, &JsValue::from_str("version"), &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    f.forget();
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("assessmentLens"), &api);
}
