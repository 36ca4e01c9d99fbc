//! Checks shared by the native test files (`mod common;`).
#![allow(dead_code)]

use assessment_lens::analysis::{Report, Span};
use serde_json::Value;

/// Every span the report's JSON holds, wherever it sits (`"span": [start, end]`).
pub fn json_spans(v: &Value, out: &mut Vec<Span>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "span" {
                    if let Some([s, e]) = x.as_array().map(Vec::as_slice) {
                        out.push((s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize));
                        continue;
                    }
                }
                json_spans(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| json_spans(x, out)),
        _ => {}
    }
}

/// `Report::spans()` lists every span of the report, and each is `[start, end)` inside the
/// input on char boundaries. With `evidence`, each also selects some visible text.
pub fn check_spans(name: &str, input: &str, r: &Report, evidence: bool) {
    let mut listed = r.spans();
    let mut in_json = Vec::new();
    json_spans(&serde_json::to_value(r).expect("a report serialises"), &mut in_json);
    listed.sort_unstable();
    in_json.sort_unstable();
    assert_eq!(listed, in_json, "{name}: Report::spans() differs from the spans in the report's JSON");
    for (s, e) in listed {
        assert!(s <= e && e <= input.len(), "{name}: span {s}..{e} outside the input ({} bytes)", input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e), "{name}: span {s}..{e} splits a char");
        if evidence {
            assert!(!input[s..e].trim().is_empty(), "{name}: span {s}..{e} selects no text: {:?}", &input[s..e]);
        }
    }
}
