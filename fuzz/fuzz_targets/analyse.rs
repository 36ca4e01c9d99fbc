//! Fuzz the intake and the analyser: no input may panic, and every span must slice the input
//! on char boundaries. Each input is also read as a .docx and as an HTML page through the
//! core's one intake path. Run: `./dev fuzz [SECONDS]` (inputs up to 200 KB; any input over
//! 2 s is a hang).
#![no_main]

use assessment_lens::analysis::{analyse, decode, file_to_text, html_to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = file_to_text("input.docx", data);
    let _ = file_to_text("input.html", data);
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => match decode(data) {
            Ok(d) => d.text,
            Err(_) => return,
        },
    };
    let _ = html_to_text(&text);
    let r = analyse(&text);
    for (s, e) in r.spans() {
        assert!(s <= e && e <= text.len(), "span {s}..{e} outside the input");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span {s}..{e} splits a char");
    }
});
