//! Trends: "from 702 in August 2020 to 531 in July 2021", with the dates written beside each
//! figure and the subject before "from".

use super::super::format::{month_number, MONTHS, MONTHS_LOWER};
use super::super::numbers::{numbers, Num, Quantity};
use super::super::{Direction, Metric, MetricKind, Previous};
use super::verdict::DEGREES;
use super::{prefix, Sent};

/// A date written just after a figure: "in August 2020", "(August 2020)", "in 2020", "a month in 2020".
fn date_after(s: &str) -> Option<String> {
    let w = prefix(s, 40);
    let l = w.to_ascii_lowercase();
    let stop = l.find(" to ").unwrap_or(l.len());
    let l = &l[..stop];
    for (mi, m) in MONTHS_LOWER.iter().enumerate() {
        if let Some(i) = l.find(m) {
            let year: String = l[i + m.len()..].trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
            if year.len() == 4 {
                return Some(format!("{} {year}", MONTHS[mi]));
            }
        }
    }
    numbers(&w[..stop]).into_iter().find(|n| n.unit == Quantity::Year).map(|n| w[n.start..n.end].to_string())
}

/// Verbs a trend's subject stands before ("The number of referrals has reduced from …"): they
/// end the subject opening a clause, and are dropped from the end of the words before "from".
const VERBS: &[&str] = &[
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "reduced",
    "increased",
    "fell",
    "rose",
    "went",
    "dropped",
    "grew",
    "decreased",
    "improved",
    "declined",
    "remained",
    "remains",
    "continued",
    "continues",
];

/// Words besides verbs that may stand between a trend's subject and its "from" ("down from",
/// "an increase from").
const PARTICLES: &[&str] = &["down", "up", "an", "a", "increase", "reduction", "decrease"];

/// At most `budget` of them.
pub(super) fn read(sents: &[Sent], budget: usize) -> Vec<Metric> {
    let mut out = Vec::new();
    for s in sents {
        if out.len() >= budget {
            break;
        }
        let mut from = 0;
        while let Some(k) = s.lower.get(from..).and_then(|r| r.find("from ")) {
            let at = from + k;
            from = at + 5;
            out.extend(trend_at(s, at));
        }
    }
    out.truncate(budget);
    out
}

/// The two figures of "from (a peak of|around|about) N … to (around|over) M", "from" being at `at`.
fn figures_from(s: &Sent, at: usize) -> Option<(Num, Num)> {
    let (l, ns) = (&s.lower, &s.nums);
    let a = *ns.iter().find(|n| n.start >= at + 5 && n.start <= at + 25 && n.unit != Quantity::Year)?;
    let gap = &l[at + 5..a.start];
    if gap.split_whitespace().count() > 3 {
        return None;
    }
    let to_k = l.get(a.end..).and_then(|r| r.find(" to ")).map(|x| a.end + x)?;
    if to_k - a.end > 45 {
        return None;
    }
    let b = *ns.iter().find(|n| n.start > to_k && n.start <= to_k + 20 && n.unit != Quantity::Year)?;
    if a.unit != b.unit && !(a.unit == Quantity::Count || b.unit == Quantity::Count) {
        return None;
    }
    let before = &l[..at];
    if before.trim_end().ends_with("aged") || before.trim_end().ends_with("ages") || a.value == b.value {
        return None;
    }
    // "from 15 to 26 January 2024", "from 3 March to 14 April": days of a date range, not a change.
    // (Both figures are days of a month; "down from 210 Sept 2020 to 119" is a change.)
    let month_after = |n: &Num| l.get(n.end..).and_then(|r| r.split_whitespace().next()).is_some_and(|w| month_number(w).is_some());
    let day = |n: &Num| n.unit == Quantity::Count && n.value.fract() == 0.0 && (1.0..=31.0).contains(&n.value);
    if day(&a) && day(&b) && month_after(&b) {
        return None;
    }
    Some((a, b))
}

/// The trend whose "from" is at `at`, if the words there make one.
fn trend_at(s: &Sent, at: usize) -> Option<Metric> {
    let (a, b) = figures_from(s, at)?;
    let text = s.text();
    let before = tail(&text[..at], 400);
    let mut label = subject(before);
    if names_nothing(&label) {
        label = opening_subject(before).unwrap_or(label);
    }
    // "The average waiting time" → "average waiting time", as other figures are labelled.
    if let Some(rest) = label.strip_prefix("The ").or_else(|| label.strip_prefix("the ")).filter(|r| r.contains(' ')) {
        label = rest.to_string();
    }
    let direction = if b.value > a.value { Direction::Higher } else { Direction::Lower };
    Some(Metric {
        label: if label.is_empty() { "change".into() } else { label },
        value: b.value,
        unit: b.unit.unit(),
        as_of: date_after(&text[b.end..]),
        comparator: None,
        previous: Some(Previous { value: a.value, as_of: date_after(&text[a.end..]) }),
        direction: Some(direction),
        judgement: None,
        degree: None,
        source: s.source_name(),
        kind: MetricKind::Trend,
        span: s.span(),
    })
}

/// Words that name no measure on their own ("numbers were increasing again, from 181 to 203").
const GENERIC: &[&str] =
    &["", "numbers", "number", "this", "it", "these", "they", "which", "figures", "that", "there", "this figure", "the figure"];

/// Does a trend's label name nothing a reader could put in a table?
fn names_nothing(label: &str) -> bool {
    GENERIC.contains(&label.to_ascii_lowercase().as_str())
}

/// The subject of the clause a trend sits in, or of its sentence, when the words next to its
/// "from" name nothing: the words before the first verb, after a reporting verb ("Local
/// authority data showed that the occupational therapy waiting list had reduced … , from 112
/// to 77" → "occupational therapy waiting list"; "The number of people waiting for a Care Act
/// review had reduced …, but numbers were increasing again …, from 181 to 203" → "people
/// waiting for a Care Act review").
fn opening_subject(before: &str) -> Option<String> {
    let clause_at = [", but ", "; ", " whereas "].iter().filter_map(|c| before.rfind(c).map(|k| k + c.len())).max().unwrap_or(0);
    [&before[clause_at..], before].into_iter().find_map(|part| {
        let ws: Vec<&str> = part.split_whitespace().collect();
        let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        let verb = ws.iter().position(|w| VERBS.contains(&plain(w).as_str()))?;
        let start = ws[..verb]
            .iter()
            .rposition(|w| ["that", "showed", "shows", "show", "indicated"].contains(&plain(w).as_str()))
            .map_or(0, |k| k + 1);
        let mut words = &ws[start..verb];
        for lead in [&["the", "number", "of"][..], &["the", "numbers", "of"], &["numbers", "of"], &["the"]] {
            if words.len() > lead.len() && words.iter().zip(lead).all(|(w, l)| plain(w) == *l) {
                words = &words[lead.len()..];
                break;
            }
        }
        let label = words.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        (words.len() <= 12 && !names_nothing(&label) && !words.iter().any(|w| w.ends_with(','))).then_some(label)
    })
}

/// The end of `s`: at most about `max` bytes, starting at a word.
fn tail(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut from = s.len() - max;
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let t = &s[from..];
    t.find(char::is_whitespace).map_or(t, |k| &t[k..])
}

/// The subject of a trend: the last ten words `before` "from", less the verb, back to a clause break.
fn subject(before: &str) -> String {
    let ws: Vec<&str> = before.split_whitespace().collect();
    let mut subject: Vec<&str> = ws.iter().rev().take(10).rev().copied().collect();
    while subject.last().is_some_and(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        VERBS.contains(&bare.as_str())
            || PARTICLES.contains(&bare.as_str())
            || w.chars().all(|c| !c.is_alphanumeric())
            || DEGREES.contains(&w.to_ascii_lowercase().as_str())
    }) {
        subject.pop();
    }
    if let Some(c) = subject.iter().rposition(|w| w.ends_with(',') || w.ends_with(';') || w.ends_with(':')) {
        subject.drain(..=c);
    }
    // "… from 22 days to 18 days and the maximum waiting time from 87 …": the earlier trend's
    // figures and the "and" after them are not this one's subject.
    if let Some(c) = subject.iter().rposition(|w| w.chars().any(|c| c.is_ascii_digit())) {
        if let Some(and) = subject[c..].iter().position(|w| *w == "and") {
            subject.drain(..=c + and);
        }
    }
    subject.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}
