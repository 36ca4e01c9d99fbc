//! Showing a span's exact words in the text area: select them and scroll them into view.

use crate::analysis::Span;

/// UTF-16 offset of a byte offset (the text area counts UTF-16 code units).
fn utf16_offset(text: &str, byte: usize) -> u32 {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].encode_utf16().count() as u32
}

pub fn select(el: &web_sys::HtmlTextAreaElement, text: &str, span: Span) {
    // The text area may have been edited since the analysis; only select if it still matches.
    if el.value() != text {
        return;
    }
    let (s, e) = (utf16_offset(text, span.0), utf16_offset(text, span.1));
    let _ = el.focus();
    let _ = el.set_selection_range(s, e);
    // Scroll so the selection sits a third of the way down.
    let lines_before = text.get(..span.0).map(|t| t.matches('\n').count()).unwrap_or(0) as f64;
    let lines = (text.matches('\n').count() + 1) as f64;
    let target = el.scroll_height() as f64 * lines_before / lines - el.client_height() as f64 / 3.0;
    el.set_scroll_top(target.max(0.0) as i32);
}
