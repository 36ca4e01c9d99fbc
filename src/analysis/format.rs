//! How figures, money, dates and words are written for people: one place, used by the derived
//! gaps, the exports and every view of the page, so the same figure reads the same everywhere.

use super::Unit;

/// Month names, January first.
pub const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The same in lower case, for finding them in lower-cased text.
pub const MONTHS_LOWER: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The month a word names: "March", "mar", "Sept.", case-insensitive; 1 = January.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS_LOWER.iter().position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() == m.len() || w == "sept")).map(|i| i as u32 + 1)
}

/// The month `m` (1 = January) by name, if it is one.
pub fn month_name(m: u32) -> Option<&'static str> {
    MONTHS.get((m as usize).checked_sub(1)?).copied()
}

/// "2025-02-21" as "21 February 2025"; anything else as it is.
pub fn long_date(iso: &str) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [y, m, d] => month_name(m).map_or_else(|| iso.to_string(), |name| format!("{d} {name} {y}")),
        _ => iso.to_string(),
    }
}

/// Digits in groups of three: 1234567 as "1,234,567".
pub fn group(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A plain number: whole numbers grouped ("3,590"), others as written ("12.5").
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    if v.fract() == 0.0 && v.abs() < 9e15 {
        group(v as i64)
    } else {
        format!("{v}")
    }
}

/// A sum of money as a reader writes it: "£256.61m", "£404k", "£950"; a minus sign for
/// negatives.
pub fn money(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}£{:.2}m", a / 1e6)
    } else if a >= 1e3 {
        format!("{sign}£{:.0}k", a / 1e3)
    } else {
        format!("{sign}£{a:.0}")
    }
}

/// A difference of money with its sign always shown: "+£3.83m", "−£404k".
pub fn signed_money(v: f64) -> String {
    if v > 0.0 {
        format!("+{}", money(v))
    } else {
        money(v)
    }
}

/// A figure with its unit: "68.4%", "£3.83m", "12 days", "3,590".
pub fn figure(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(v)),
        Unit::Gbp => money(v),
        Unit::Days => format!("{} days", number(v)),
        Unit::Weeks => format!("{} weeks", number(v)),
        Unit::Months => format!("{} months", number(v)),
        Unit::Count | Unit::Score | Unit::Rate | Unit::Rank => number(v),
    }
}

/// The first letter in upper case: "people waiting" as "People waiting".
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// Words other than the first that title case leaves small.
const SMALL_WORDS: &[&str] = &["and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "or"];

/// "CHILDREN AND YOUNG PEOPLE'S SOCIAL CARE" as "Children and Young People's Social Care".
pub fn title_case(s: &str) -> String {
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                lower
            } else {
                capitalise(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "1 statement", "2 statements".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text reduced to its lower-case words, for telling repeats apart from different items
/// ("Plans are weak." and "plans are weak" are one).
pub fn words_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_key_ignores_case_and_punctuation() {
        assert_eq!(words_key("Plans are weak."), words_key("plans  are WEAK"));
        assert_ne!(words_key("Plans are weak."), words_key("Plans are strong."));
    }

    #[test]
    fn money_reads_the_same_at_every_size() {
        assert_eq!(money(3_830_000.0), "£3.83m");
        assert_eq!(money(404_000.0), "£404k");
        assert_eq!(money(950.0), "£950");
        assert_eq!(money(-1_500_000.0), "−£1.50m");
        assert_eq!(signed_money(3_830_000.0), "+£3.83m");
        assert_eq!(signed_money(-404_000.0), "−£404k");
        assert_eq!(money(f64::INFINITY), "—");
    }

    #[test]
    fn figures_carry_their_unit() {
        assert_eq!(figure(12_000_000.0, Unit::Gbp), "£12.00m");
        assert_eq!(figure(68.42, Unit::Percent), "68.42%");
        assert_eq!(figure(3590.0, Unit::Count), "3,590");
        assert_eq!(figure(12.5, Unit::Days), "12.5 days");
        assert_eq!(group(-1234567), "-1,234,567");
        assert_eq!(group(i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn dates_and_months() {
        assert_eq!(long_date("2025-02-21"), "21 February 2025");
        assert_eq!(long_date("2025-13-01"), "2025-13-01");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("mar"), Some(3));
        assert_eq!(month_number("ma"), None);
        assert_eq!(month_name(0), None);
    }

    #[test]
    fn words() {
        assert_eq!(capitalise("people waiting"), "People waiting");
        assert_eq!(capitalise(""), "");
        assert_eq!(title_case("CHILDREN AND YOUNG PEOPLE'S SOCIAL CARE"), "Children and Young People's Social Care");
        assert_eq!(plural(1, "figure", "figures"), "1 figure");
        assert_eq!(plural(3, "figure", "figures"), "3 figures");
    }
}
