//! The data source a sentence names ("Adult Social Care Survey", "SALT") and the date written
//! with it.

use super::super::format::MONTHS;
use super::super::numbers::{fin_year, numbers, Quantity};
use super::{find_word, prefix};

const SOURCES: &[(&str, &[&str])] = &[
    ("Survey of Adult Carers in England", &["survey of adult carers", "sace"]),
    ("Adult Social Care Survey", &["adult social care survey", "ascs"]),
    ("Adult Social Care Outcomes Framework", &["adult social care outcomes framework", "ascof"]),
    ("Short and Long Term Support", &["short and long term support", "salt"]),
    ("Skills for Care", &["skills for care"]),
    ("Safeguarding Adults Collection", &["safeguarding adults collection", "sac"]),
    (
        "Data provided by the local authority",
        &["data provided by the local authority", "local authority data", "local authority's data", "local authority provided"],
    ),
];

/// A named data source and the date written with it.
#[derive(Clone, Debug)]
pub(super) struct Source {
    pub name: String,
    pub date: Option<String>,
}

/// The data source a text names, and the date written with it; `lower` is the text
/// lower-cased (ASCII only, so offsets match).
pub(super) fn source(text: &str, lower: &str) -> Option<Source> {
    let (name, at) = SOURCES.iter().find_map(|(name, aliases)| aliases.iter().find_map(|a| find_word(lower, a).map(|i| (*name, i))))?;
    Some(Source { name: name.to_string(), date: date_near(text.get(at..)?) })
}

/// "June 2024", "2023-2024", "2023/24" in the first 70 bytes of `s`.
pub(super) fn date_near(s: &str) -> Option<String> {
    let w = prefix(s, 70);
    for m in MONTHS {
        if let Some(i) = w.find(m) {
            let rest = &w[i + m.len()..];
            let year: String = rest.trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
            if year.len() == 4 {
                return Some(format!("{m} {year}"));
            }
        }
    }
    if let Some(y) = fin_year(w) {
        return Some(y);
    }
    numbers(w).into_iter().find(|n| n.unit == Quantity::Year).map(|n| format!("{}", n.value as u32))
}
