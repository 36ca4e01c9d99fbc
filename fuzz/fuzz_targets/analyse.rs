//! Fuzz `decode` and `analyse`: no input may panic, and every span must slice the input on
//! char boundaries. Run: `cargo +nightly fuzz run analyse` (from the repository root).
#![no_main]

use assessment_lens::analysis::{analyse, decode};
use libfuzzer_sys::fuzz_target;


fuzz_target!(|data: &[u8]| {
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => match decode(data) {
            Ok(d) => d.text,
            Err(_) => return,
        },
    };
    let r = analyse(&text);
    for (s, e) in r.spans() {
        assert!(s <= e && e <= text.len(), "span {s}..{e} outside the input");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} splits a char");
    }
});
