//! Saving text the page made (exports) as a file, without any server: a Blob and a
//! temporary object URL on a link the page clicks.

use wasm_bindgen::JsCast;

pub fn text_file(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = doc.create_element("a") {
            let a: web_sys::HtmlAnchorElement = a.unchecked_into();
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A safe file-name stem from any words: lower-case ASCII letters and digits joined by single
/// hyphens, at most 60 characters, never empty, never a hidden or reserved name
/// ("Ofsted: ../..\\Barnsley <Council>" → "ofsted-barnsley-council").
pub fn safe_file_stem(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if out.len() >= 60 {
                break;
            }
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    const RESERVED: &[&str] = &["con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3"];
    if out.is_empty() || RESERVED.contains(&out) {
        "report".to_string()
    } else {
        out.to_string()
    }
}
