//! Numbers as reports write them: "24.64%", "£256,608,000", "£1.4M", "£2.3 million",
//! "3,590", "12.5 days", "2 - 4 weeks", durations in words ("four months"); years and year
//! ranges ("2023/24") are told apart.

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    Percent,
    Gbp,
    Count,
    Days,
    Weeks,
    Months,
    Year,
}

impl Quantity {
    /// The unit of a figure of this quantity; a year is not a figure.
    pub fn unit(self) -> super::Unit {
        match self {
            Quantity::Percent => super::Unit::Percent,
            Quantity::Gbp => super::Unit::Gbp,
            Quantity::Count | Quantity::Year => super::Unit::Count,
            Quantity::Days => super::Unit::Days,
            Quantity::Weeks => super::Unit::Weeks,
            Quantity::Months => super::Unit::Months,
        }
    }
}

/// A number found in text: byte range (including "£" and "%"), value and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub unit: Quantity,
}

/// Every number in `s`, in order.
pub fn numbers(s: &str) -> Vec<Num> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // A duration written in words: "wait up to four months", "a three-week delay".
        if matches!(b[i].to_ascii_lowercase(), b'o' | b't' | b'f' | b's' | b'e' | b'n') && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            if let Some((value, unit, end)) = word_duration(s, i) {
                out.push(Num { start: i, end, value, unit });
                i = end;
                continue;
            }
        }
        let pound = b[i..].starts_with("£".as_bytes());
        let digit_start = if pound { i + "£".len() } else { i };
        let starts = digit_start < b.len() && b[digit_start].is_ascii_digit();
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b',');
        if !(starts && boundary) {
            i += 1;
            continue;
        }
        let (digits, j) = digits(b, digit_start);
        let text = digits.as_str();
        let Ok(value) = text.parse::<f64>() else {
            i = j.max(i + 1);
            continue;
        };
        let (unit, value, end) = quantity(s, text, value, digit_start, j, pound);
        // Too many digits to be a figure (it would be infinite), or not a quantity at all.
        if !value.is_finite() || (unit == Quantity::Count && !a_quantity(s, end)) {
            i = end.max(i + 1);
            continue;
        }
        out.push(Num { start: i, end, value, unit });
        i = end.max(i + 1);
    }
    out
}

/// Numbers reports write in words before a unit of time.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("eighteen", 18.0),
    ("twenty", 20.0),
];

/// A whole number written as a word ("four" → 4), one to twenty as [`NUMBER_WORDS`] lists them.
pub fn word_number(word: &str) -> Option<u32> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v as u32)
}

/// A number word at `i` followed by days, weeks or months ("four months", "three-week", "ten
/// working days"): its value, its quantity and where the word ends. "One day" is left alone
/// (more often "one day a week" or a day of the visit than a wait).
fn word_duration(s: &str, i: usize) -> Option<(f64, Quantity, usize)> {
    let b = s.as_bytes();
    NUMBER_WORDS.iter().find_map(|(word, value)| {
        let end = i + word.len();
        if !b.get(i..end).is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes())) {
            return None;
        }
        let rest = b.get(end..(end + 14).min(b.len())).unwrap_or(&[]);
        let starts = |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        let unit = if starts(" day") || starts("-day") || starts(" working day") {
            Quantity::Days
        } else if starts(" week") || starts("-week") {
            Quantity::Weeks
        } else if (starts(" month") || starts("-month")) && !starts(" monthly") && !starts("-monthly") {
            Quantity::Months
        } else {
            return None;
        };
        (!(*value == 1.0 && unit == Quantity::Days)).then_some((*value, unit, end))
    })
}

/// The most digits a figure is read with; a longer run is no figure (it is skipped whole).
const MAX_DIGITS: usize = 40;

/// The digits from `start`, with thousands commas dropped and one decimal point kept (in a
/// buffer on the stack: this runs for every number), and where they end. A run longer than
/// [`MAX_DIGITS`] gives no digits.
fn digits(b: &[u8], start: usize) -> (Digits, usize) {
    let mut j = start;
    let mut d = Digits { buf: [0; MAX_DIGITS], len: 0, overflow: false };
    let mut point = false;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            d.push(c);
            j += 1;
        } else if c == b','
            && j + 3 < b.len() + 1
            && b.get(j + 1..j + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            j += 1;
        } else if c == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit) && !point {
            point = true;
            d.push(b'.');
            j += 1;
        } else {
            break;
        }
    }
    (d, j)
}

struct Digits {
    buf: [u8; MAX_DIGITS],
    len: usize,
    overflow: bool,
}

impl Digits {
    fn push(&mut self, c: u8) {
        if self.len < MAX_DIGITS {
            self.buf[self.len] = c;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    fn as_str(&self) -> &str {
        if self.overflow {
            return "";
        }
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// What the number `text` (`s[digit_start..j]`, value `value`) is, from what follows it: its
/// quantity, its value (times "m", "bn", "k" for money) and where it ends.
fn quantity(s: &str, text: &str, value: f64, digit_start: usize, j: usize, pound: bool) -> (Quantity, f64, usize) {
    let rest = &s[j..];
    // The next 12 characters, lower-cased, without allocating (this runs for every number).
    let mut buf = [0u8; 48];
    let mut take = rest.char_indices().nth(12).map_or(rest.len(), |(k, _)| k).min(buf.len());
    while !rest.is_char_boundary(take) {
        take -= 1;
    }
    buf[..take].copy_from_slice(&rest.as_bytes()[..take]);
    buf[..take].make_ascii_lowercase();
    let lower_rest = std::str::from_utf8(&buf[..take]).unwrap_or("");
    if pound {
        for (suffix, mult) in [(" million", 1e6), (" billion", 1e9), ("million", 1e6), ("bn", 1e9), ("m", 1e6), ("k", 1e3)] {
            if lower_rest.starts_with(suffix) && !lower_rest[suffix.len()..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                return (Quantity::Gbp, value * mult, j + suffix.len());
            }
        }
        (Quantity::Gbp, value, j)
    } else if rest.starts_with('%') {
        (Quantity::Percent, value, j + 1)
    } else if lower_rest.starts_with(" per cent") || lower_rest.starts_with(" percent") {
        (Quantity::Percent, value, j + if lower_rest.starts_with(" per cent") { 9 } else { 8 })
    } else if text.len() == 4 && !text.contains('.') && (1990.0..=2100.0).contains(&value) && !s[digit_start..j].contains(',') {
        // "2023/24", "2023-2024": one period.
        let r = rest.as_bytes();
        let mut end = j;
        if r.len() >= 3 && (r[0] == b'/' || r[0] == b'-') && r[1].is_ascii_digit() && r[2].is_ascii_digit() {
            end = j + 1 + r[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
        (Quantity::Year, value, end)
    } else if lower_rest.starts_with(" day") || lower_rest.starts_with("-day") || lower_rest.starts_with(" working day") {
        (Quantity::Days, value, j)
    } else if lower_rest.starts_with(" week") || lower_rest.starts_with("-week") {
        (Quantity::Weeks, value, j)
    } else if (lower_rest.starts_with(" month") || lower_rest.starts_with("-month")) && !lower_rest[1..].starts_with("monthly") {
        (Quantity::Months, value, j)
    } else {
        (Quantity::Count, value, j)
    }
}

/// Is a plain number ending at `end` a quantity? "65+" is an age, "2nd" an ordinal, "10am"
/// and "24hours" glued units we do not read.
fn a_quantity(s: &str, end: usize) -> bool {
    let after = s[end..].chars().next();
    let ordinal =
        ["st", "nd", "rd", "th"].iter().any(|o| s[end..].starts_with(o) && !s[end + 2..].starts_with(|c: char| c.is_alphabetic()));
    let glued = after.is_some_and(|c| c.is_alphabetic());
    !(after == Some('+') || ordinal || glued)
}

/// A financial year as reports write it, normalised to "2023/24".
pub fn fin_year(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(6) {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let y = &b[i..i + 4];
        if !y.iter().all(u8::is_ascii_digit) || !(b[i + 4] == b'/' || b[i + 4] == b'-') {
            continue;
        }
        let tail: Vec<u8> = b[i + 5..].iter().take_while(|c| c.is_ascii_digit()).copied().collect();
        let (Ok(y1), Ok(y2)) =
            (std::str::from_utf8(y).unwrap_or("").parse::<u32>(), std::str::from_utf8(&tail).unwrap_or("").parse::<u32>())
        else {
            continue;
        };
        let y2 = match tail.len() {
            2 => y2,
            4 => y2 % 100,
            _ => continue,
        };
        if (1990..=2100).contains(&y1) && (y1 + 1) % 100 == y2 {
            return Some(format!("{y1}/{y2:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<(f64, Quantity)> {
        numbers(s).into_iter().map(|n| (n.value, n.unit)).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(vals("24.64% of £256,608,000"), [(24.64, Quantity::Percent), (256_608_000.0, Quantity::Gbp)]);
        assert_eq!(
            vals("£1.4M and £2.3 million, 3,590 people"),
            [(1_400_000.0, Quantity::Gbp), (2_300_000.0, Quantity::Gbp), (3590.0, Quantity::Count)]
        );
        assert_eq!(vals("in 2023/24 and 2023/2024"), [(2023.0, Quantity::Year), (2023.0, Quantity::Year)]);
        assert_eq!(vals("12.5 days, 4 weeks, 65+ and the 14th"), [(12.5, Quantity::Days), (4.0, Quantity::Weeks)]);
        assert_eq!(
            vals("a 28-day target, a 6-week wait, 10 working days"),
            [(28.0, Quantity::Days), (6.0, Quantity::Weeks), (10.0, Quantity::Days)]
        );
        assert_eq!(vals("62.72 (Adult Social Care Survey, December 2024)"), [(62.72, Quantity::Count), (2024.0, Quantity::Year)]);
        assert_eq!(vals("4.30%. Next"), [(4.3, Quantity::Percent)]);
        assert_eq!(
            vals("children wait up to four months, a three-week delay, Ten working days, one day a week, sixty days"),
            [(4.0, Quantity::Months), (3.0, Quantity::Weeks), (10.0, Quantity::Days)]
        );
        // Not inside other words ("often weeks"), not without a unit ("six of them").
        assert_eq!(vals("often weeks, six of them, seventy months"), []);
        let n = &numbers("at 2.59%, compared")[0];
        assert_eq!((n.start, n.end), (3, 8));
    }

    #[test]
    fn financial_years() {
        assert_eq!(fin_year("In 2023/2024 its budget").as_deref(), Some("2023/24"));
        assert_eq!(fin_year("in the 2022/23 period").as_deref(), Some("2022/23"));
        assert_eq!(fin_year("2023-24"), Some("2023/24".into()));
        assert_eq!(fin_year("2021-2025"), None);
    }
}
