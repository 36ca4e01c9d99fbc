//! Figures a reader would put in a table: CQC financial facts, population, every figure set
//! against a comparator (England average, rest of England, national average, a target) with
//! the report's own verdict, trends ("from 702 in August 2020 to 531 in July 2021"), waits
//! and counts. Each carries its evidence span.

use super::blocks::{sentences, Block, BlockKind, Reading};
use super::numbers::{fin_year, numbers, Num, Quantity};
use super::text::norm;
use super::{Comparator, Direction, Financial, Metric, MetricKind, Previous, Span, Unit, Verdict};

pub struct MetricsRead {
    pub financial: Option<Financial>,
    pub population: Option<u64>,
    pub metrics: Vec<Metric>,
}

/// One sentence with its block, for spans.
struct Sent<'a> {
    block: &'a Block,
    start: usize,
    end: usize,
    /// The sentence lower-cased (ASCII, so offsets match) and its numbers, computed once.
    lower: String,
    nums: Vec<Num>,
}

impl<'a> Sent<'a> {
    fn text(&self) -> &'a str {
        &self.block.text[self.start..self.end]
    }
    fn span(&self) -> Span {
        self.block.span(self.start, self.end)
    }
}

fn all_sentences(reading: &Reading) -> Vec<Sent<'_>> {
    let mut out = Vec::new();
    for b in &reading.blocks {
        if b.kind == BlockKind::Heading {
            continue;
        }
        for (s, e) in sentences(&b.text) {
            let text = &b.text[s..e];
            out.push(Sent { block: b, start: s, end: e, lower: text.to_ascii_lowercase(), nums: numbers(text) });
        }
    }
    out
}

// ---------------------------------------------------------------- financial facts

fn financial(reading: &Reading) -> Option<Financial> {
    let start = reading.blocks.iter().position(|b| b.text.len() < 40 && norm(&b.text) == "financial facts")?;
    let mut f = Financial::default();
    let mut first_span: Option<Span> = None;
    let mut last_span: Option<Span> = None;
    let mut found = false;
    for b in reading.blocks.iter().skip(start + 1).take(14) {
        let l = b.text.to_ascii_lowercase();
        if b.kind == BlockKind::Heading && !l.contains("financial facts") && !l.contains("adult social care") {
            break;
        }
        let ns = numbers(&b.text);
        let money: Vec<f64> = ns.iter().filter(|n| n.unit == Quantity::Gbp).map(|n| n.value).collect();
        let pct: Vec<f64> = ns.iter().filter(|n| n.unit == Quantity::Percent).map(|n| n.value).collect();
        let mut used = false;
        let signed = |l: &str, amount: Option<&f64>| -> Option<f64> {
            let a = *amount?;
            if l.contains("less than estimated") || l.contains("under budget") || l.contains("underspend") {
                Some(-a)
            } else {
                Some(a)
            }
        };
        if l.contains("total budget") && !l.contains("of its total budget") && !l.contains("of the total budget") && money.len() >= 2 {
            f.total_budget_estimated = Some(money[0]);
            f.total_budget_actual = Some(money[1]);
            f.total_variance = signed(&l, money.get(2));
            used = true;
        } else if l.contains("adult social care")
            && (l.contains("of its total budget") || l.contains("of the total budget"))
            && money.len() >= 2
        {
            f.asc_budget_estimated = Some(money[0]);
            f.asc_spend_actual = Some(money[1]);
            f.asc_variance = signed(&l, money.get(2));
            if let Some(p) = pct.first() {
                f.asc_share_percent = Some(*p);
            }
            used = true;
        } else if l.contains("of the budget was spent on adult social care") || l.contains("of the total budget was spent") {
            f.asc_share_percent = pct.first().copied().or(f.asc_share_percent);
            used = true;
        } else if l.contains("precept") {
            f.precept_percent = pct.first().copied();
            used = true;
        } else if l.contains("long-term") && l.contains("short-term") {
            let before = |kw: &str| -> Option<u64> {
                let k = l.find(kw)?;
                ns.iter().filter(|n| n.unit == Quantity::Count && n.end <= k).last().map(|n| n.value as u64)
            };
            f.long_term_support_people = before("long-term");
            f.short_term_support_people = before("short-term");
            f.support_period = fin_year(&b.text);
            used = true;
        }
        if used {
            found = true;
            first_span.get_or_insert(b.whole_span());
            last_span = Some(b.whole_span());
        }
    }
    f.span = first_span.zip(last_span).map(|(a, b)| (a.0, b.1));
    found.then_some(f)
}

// ---------------------------------------------------------------- population

fn population(sents: &[Sent]) -> Option<u64> {
    for s in sents.iter().take(60) {
        let (l, ns) = (&s.lower, &s.nums);
        if ["predicted", "projected", "expected to", "forecast", "will reach", "will rise"].iter().any(|w| l.contains(w)) {
            continue;
        }
        // "a population of 148,285", "population of approximately 95,366", "home to 202,415 residents".
        if let Some(k) = l.find("population of") {
            if let Some(n) = ns.iter().find(|n| n.start >= k && n.start <= k + 40 && n.unit == Quantity::Count && n.value >= 1000.0) {
                return Some(n.value as u64);
            }
        }
        for kw in [" residents", " people live", " inhabitants"] {
            if let Some(k) = l.find(kw) {
                if let Some(n) = ns.iter().filter(|n| n.end <= k && k - n.end <= 3 && n.unit == Quantity::Count && n.value >= 1000.0).last()
                {
                    return Some(n.value as u64);
                }
            }
        }
    }
    None
}

// ---------------------------------------------------------------- comparisons

/// Phrases that name a comparator. `after`: the comparator's figure follows the phrase;
/// otherwise it stands just before it ("18.61% in the rest of England").
const COMPARATORS: &[(&str, &str, bool)] = &[
    ("england average", "England average", true),
    ("national average", "national average", true),
    ("average for england", "England average", true),
    ("regional average", "regional average", true),
    ("average of neighbouring", "neighbouring authorities' average", true),
    ("neighbouring boroughs", "neighbouring boroughs", true),
    ("neighbouring authorities", "neighbouring authorities", true),
    ("neighbouring councils", "neighbouring councils", true),
    ("statistical neighbours", "statistical neighbours", true),
    ("comparator authorities", "comparator authorities", true),
    ("in the rest of england", "rest of England", false),
    ("for the rest of england", "rest of England", false),
    ("in england", "England", false),
    ("for england", "England", false),
    ("nationally", "national figure", false),
];

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

fn word_at(l: &str, i: usize, w: &str) -> bool {
    let before = l[..i].chars().next_back();
    let after = l[i + w.len()..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

fn find_word(l: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = l.get(from..).and_then(|r| r.find(w)) {
        let i = from + k;
        if word_at(l, i, w) {
            return Some(i);
        }
        from = i + w.len();
    }
    None
}

/// The data source a text names, and the date written with it.
fn source(text: &str) -> Option<(String, Option<String>)> {
    let l = text.to_ascii_lowercase();
    let (name, at) = SOURCES.iter().find_map(|(name, aliases)| aliases.iter().find_map(|a| find_word(&l, a).map(|i| (*name, i))))?;
    Some((name.to_string(), date_near(&text[at..])))
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// "June 2024", "2023-2024", "2023/24" in the first 60 bytes of `s`.
fn date_near(s: &str) -> Option<String> {
    let mut end = s.len().min(70);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let w = &s[..end];
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

const VERDICTS: &[(&str, Verdict)] = &[
    ("positive variation", Verdict::Better),
    ("more positive", Verdict::Better),
    ("more negative", Verdict::Worse),
    ("in line with", Verdict::Similar),
    ("similar to", Verdict::Similar),
    ("the same as", Verdict::Similar),
    ("comparable", Verdict::Similar),
    ("better", Verdict::Better),
    ("worse", Verdict::Worse),
    ("poorer", Verdict::Worse),
    ("negative", Verdict::Worse),
    ("positive", Verdict::Better),
];

const DEGREES: &[&str] =
    &["slightly", "somewhat", "significantly", "much", "considerably", "marginally", "far", "substantially", "broadly"];

/// The report's own verdict in `window` (the nearest to its end), with its degree.
fn verdict(window: &str) -> Option<(Verdict, Option<String>)> {
    let l = window.to_ascii_lowercase();
    let (at, v) =
        VERDICTS.iter().filter_map(|(w, v)| l.rfind(w).filter(|&i| word_at(&l, i, w)).map(|i| (i, *v))).max_by_key(|(i, _)| *i)?;
    let before: Vec<&str> = l[..at].split_whitespace().rev().take(2).collect();
    let degree = before.iter().find(|w| DEGREES.contains(w)).map(|w| w.to_string());
    Some((v, degree))
}

const ANAPHORS: &[&str] = &["this", "it", "which", "these", "that", "the figure", "this figure"];

fn starts_with_any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| l.starts_with(w) && l[w.len()..].starts_with([' ', ',']))
}

/// A short label for a measure, from the words around its figure.
fn label(sentence: &str, local: &Num, comp_at: usize) -> String {
    const STOP: &[&str] = &["which", "compared", "this", "than", "against", "and", "but", "although", "while", "whereas", "according"];
    let after = &sentence[local.end..];
    let of_phrase: Option<Vec<&str>> = after.strip_prefix(" of ").map(|rest| {
        rest.split_whitespace()
            .take_while(|w| !STOP.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase().as_str()))
            .take(12)
            .collect()
    });
    // "making up 16.76% of the population": the subject is before the figure.
    let generic = of_phrase.as_ref().is_some_and(|w| {
        let j = w.join(" ").to_ascii_lowercase();
        j.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with("population") || w.len() < 2
    });
    // "had an 8.32% adult social care job vacancy rate, which …": an article before the
    // figure means the measure is named after it.
    let article_before =
        sentence[..local.start].split_whitespace().last().is_some_and(|w| ["a", "an", "the"].contains(&w.to_ascii_lowercase().as_str()));
    let named_after: Vec<&str> = after
        .split([',', ';', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !STOP.contains(&w.to_ascii_lowercase().as_str()))
        .take(8)
        .collect();
    let words: Vec<&str> = if article_before && of_phrase.is_none() && named_after.len() >= 2 {
        named_after
    } else if let (Some(w), false) = (of_phrase, generic) {
        w
    } else {
        // Words before the figure, back to the clause's verb.
        let mut before = &sentence[..local.start.min(comp_at)];
        // "… than the England average (47.83% compared to …": the measure is before "than".
        if before.trim_end().ends_with('(') {
            if let Some(k) = before.rfind(" than ") {
                before = &before[..k];
            }
        }
        let before = before.trim_end_matches(|c: char| c == '(' || c.is_whitespace());
        let ws: Vec<&str> = before.split_whitespace().collect();
        let cut = ws.iter().rposition(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
            [
                "showed",
                "indicated",
                "that",
                "was",
                "were",
                "is",
                "had",
                "reported",
                "evident",
                "for",
                "with",
                "making",
                "made",
                "make",
                "makes",
                "comprising",
                "comprise",
                "accounting",
            ]
            .contains(&w.as_str())
        });
        // With "making up 16.76%", keep the subject before the verb instead.
        let cut = match cut {
            Some(c)
                if c + 1 >= ws.len()
                    || ["making", "made", "make", "makes", "comprising", "accounting"].contains(&ws[c].to_ascii_lowercase().as_str()) =>
            {
                let start =
                    ws[..c].iter().rposition(|w| w.ends_with(',') || ["with", "showed", "that"].contains(&w.to_ascii_lowercase().as_str()));
                let v: Vec<&str> = ws[start.map(|s| s + 1).unwrap_or(0)..c].to_vec();
                if !v.is_empty() {
                    return tidy_label(v);
                }
                Some(c)
            }
            other => other,
        };
        let from = cut.map(|c| c + 1).unwrap_or(ws.len().saturating_sub(8));
        let mut v: Vec<&str> = ws[from..].to_vec();
        if v.is_empty() && from > 0 {
            v = ws[from.saturating_sub(6)..from].to_vec();
        }
        while v.last().is_some_and(|w| ["at", "of", "was", "were", "by", "to", "with"].contains(&w.to_ascii_lowercase().as_str())) {
            v.pop();
        }
        v
    };
    tidy_label(words)
}

/// Drop place phrases ("in Middlesbrough"), leading articles and trailing punctuation.
fn tidy_label(words: Vec<&str>) -> String {
    // "in Middlesbrough", "across Stockton-on-Tees": a place phrase goes, preposition and all.
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let place = (w == "in" || w == "across") && words.get(i + 1).is_some_and(|n| n.starts_with(char::is_uppercase));
        if place {
            i += 1;
            while words.get(i).is_some_and(|n| n.starts_with(char::is_uppercase)) {
                i += 1;
            }
            continue;
        }
        out.push(w);
        i += 1;
    }
    while out.last().is_some_and(|w| ["in", "across", "the", "of", "at"].contains(w)) {
        out.pop();
    }
    while out.first().is_some_and(|w| ["the", "their", "its", "of", "and", "however,", "only"].contains(&w.to_ascii_lowercase().as_str())) {
        out.remove(0);
    }
    let s = out.join(" ");
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '+').to_string()
}

fn comparisons(sents: &[Sent]) -> Vec<Metric> {
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let text = s.text();
        let (l, ns) = (&s.lower, &s.nums);
        let mut used: Vec<usize> = Vec::new(); // indices into ns already taken
        let mut prev_end = 0;
        let mut found: Vec<(usize, usize, &str)> = Vec::new(); // (comparator num idx, phrase start, label)
        for (phrase, label, after) in COMPARATORS {
            let mut from = 0;
            while let Some(k) = l.get(from..).and_then(|r| r.find(phrase)) {
                let at = from + k;
                from = at + phrase.len();
                let idx = if *after {
                    // Only "… average of 4.30%", "average (62.48%)", "average, at 5%", "average was 9%".
                    ns.iter()
                        .position(|n| n.start >= at + phrase.len() && n.start <= at + phrase.len() + 20 && n.unit != Quantity::Year)
                        .filter(|&i| {
                            let gap = &l[at + phrase.len()..ns[i].start];
                            gap.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ':').filter(|w| !w.is_empty()).all(|w| {
                                ["of", "at", "was", "is", "which", "around", "about", "approximately", "figure", "rate", "at"].contains(&w)
                            })
                        })
                } else {
                    ns.iter().rposition(|n| n.end <= at && at - n.end <= 3 && n.unit != Quantity::Year)
                };
                if let Some(i) = idx {
                    if !found.iter().any(|f| f.0 == i) {
                        found.push((i, at, label));
                    }
                }
            }
        }
        // "(47.83% compared to 36.83%, …)": the figure after "compared to/with" is the
        // comparator, the one just before it the local value, when the sentence is about a
        // national or England figure.
        let national = ["england", "national", "average"].iter().any(|w| l.contains(w));
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for phrase in ["compared to ", "compared with "] {
            let mut from = 0;
            while let Some(k) = l.get(from..).and_then(|r| r.find(phrase)) {
                let at = from + k;
                from = at + phrase.len();
                let after =
                    ns.iter().position(|n| n.start >= at + phrase.len() && n.start <= at + phrase.len() + 1 && n.unit != Quantity::Year);
                let before = ns.iter().rposition(|n| n.end <= at && at - n.end <= 3 && n.unit != Quantity::Year);
                if let (Some(a), Some(b), true) = (after, before, national) {
                    pairs.push((b, a));
                }
            }
        }
        for &(local_i, comp_i) in &pairs {
            found.retain(|f| f.0 != local_i);
            if !found.iter().any(|f| f.0 == comp_i) {
                let tail = &l[ns[comp_i].end..];
                let label = if tail.starts_with(" in the rest of england") || tail.starts_with(" for the rest of england") {
                    "rest of England"
                } else if l.contains("england average") {
                    "England average"
                } else if l.contains("national average") {
                    "national average"
                } else {
                    "England"
                };
                found.push((comp_i, ns[comp_i].start, label));
            }
        }
        found.sort_by_key(|f| ns[f.0].start);
        for &(ci, phrase_at, comp_label) in &found {
            let comp = ns[ci];
            used.push(ci);
            let comparators: Vec<usize> = found.iter().map(|f| f.0).collect();
            let usable = |n: &Num| n.unit == Quantity::Percent || (comp.unit != Quantity::Percent && n.unit == comp.unit);
            let first_at = phrase_at.min(comp.start);
            let mut other_label: Option<String> = None;
            let mut other_source: Option<(String, Option<String>)> = None;
            // The local figure: the nearest one before the comparator in this clause…
            let local_i = (0..ns.len())
                .filter(|&i| {
                    !comparators.contains(&i) && !used.contains(&i) && ns[i].end <= first_at && ns[i].start >= prev_end && usable(&ns[i])
                })
                .last();
            let (local, local_span, local_sent) = if let Some(i) = local_i {
                used.push(i);
                (ns[i], s.block.span(s.start + ns[i].start, s.start + ns[i].end), Some(i))
            } else {
                // …or in the sentence before ("This was better than …") or after ("Data … showed 29.3%").
                let prev = (si > 0 && starts_with_any(&l, ANAPHORS))
                    .then(|| &sents[si - 1])
                    .filter(|p| std::ptr::eq(p.block, s.block) || p.block.lines.1 + 3 >= s.block.lines.0);
                let next = sents.get(si + 1).filter(|n| {
                    std::ptr::eq(n.block, s.block)
                        && (n.lower.starts_with("data") || n.lower.starts_with("national data") || n.lower.starts_with("figures"))
                });
                let pick = prev
                    .and_then(|p| {
                        let is_comp = |n: &Num| {
                            COMPARATORS.iter().any(|(ph, _, _)| {
                                p.lower[..n.start].ends_with(&format!("{ph} of ")) || p.lower[..n.start].ends_with(&format!("{ph} ("))
                            })
                        };
                        p.nums.iter().copied().filter(|n| usable(n) && !is_comp(n)).last().map(|n| (n, p))
                    })
                    .or_else(|| next.and_then(|nx| nx.nums.iter().copied().find(|n| usable(n)).map(|n| (n, nx))));
                match pick {
                    Some((n, from)) => {
                        other_label = Some(label(from.text(), &n, from.text().len()));
                        other_source = source(from.text());
                        (n, from.block.span(from.start + n.start, from.start + n.end), None)
                    }
                    None => continue,
                }
            };
            let window_start = local_sent.map(|i| prev_end.min(ns[i].start)).unwrap_or(0);
            let window = &text[window_start..(comp.end).min(text.len())];
            // "… of 4.30%, which was worse": a verdict right after the comparator counts too.
            let own = verdict(window).or_else(|| {
                let after = &text[comp.end.min(text.len())..];
                let after = after.trim_start_matches([',', ')', ' ']);
                (after.starts_with("which") || after.starts_with("and this") || after.starts_with("this"))
                    .then(|| {
                        let end = after.find(['.', ';', ',']).unwrap_or(after.len());
                        verdict(&after[..end])
                    })
                    .flatten()
            });
            prev_end = comp.end;
            let direction = if (local.value - comp.value).abs() < 1e-9 {
                Direction::Similar
            } else if local.value > comp.value {
                Direction::Higher
            } else {
                Direction::Lower
            };
            // The source: this sentence, the local figure's, a short one after, or the paragraph's earlier sentences.
            let src = source(text)
                .or(other_source)
                .or_else(|| sents.get(si + 1).filter(|n| n.text().len() < 80).and_then(|n| source(n.text())))
                .or_else(|| {
                    (1..=3)
                        .filter_map(|d| si.checked_sub(d))
                        .map(|i| &sents[i])
                        .take_while(|p| std::ptr::eq(p.block, s.block))
                        .find_map(|p| source(p.text()))
                });
            let label_text = if local_sent.is_some() { label(text, &local, comp.start) } else { other_label.unwrap_or_default() };
            let label_text = if label_text.split_whitespace().count() < 2 { fallback_label(text) } else { label_text };
            let span_start = local_span.0.min(s.span().0);
            let span_end = local_span.1.max(s.span().1);
            out.push(Metric {
                label: label_text,
                value: local.value,
                unit: local.unit.unit(),
                as_of: src.as_ref().and_then(|x| x.1.clone()),
                comparator: Some(Comparator { label: comp_label.to_string(), value: comp.value }),
                previous: None,
                direction: Some(direction),
                judgement: own.as_ref().map(|v| v.0),
                degree: own.and_then(|v| v.1),
                source: src.map(|x| x.0),
                kind: MetricKind::Comparison,
                span: (span_start, span_end),
            });
        }
    }
    out
}

/// A label from a sentence's subject when no phrase sits next to the figure.
fn fallback_label(sentence: &str) -> String {
    let ws: Vec<&str> =
        sentence.split_whitespace().filter(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '£')).take(8).collect();
    ws.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

// ---------------------------------------------------------------- trends

const MONTH_WORDS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// A date written just after a figure: "in August 2020", "(August 2020)", "in 2020", "a month in 2020".
fn date_after(s: &str) -> Option<String> {
    let mut end = s.len().min(40);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let w = &s[..end];
    let l = w.to_ascii_lowercase();
    let stop = l.find(" to ").unwrap_or(l.len());
    let l = &l[..stop];
    for (mi, m) in MONTH_WORDS.iter().enumerate() {
        if let Some(i) = l.find(m) {
            let year: String = l[i + m.len()..].trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
            if year.len() == 4 {
                return Some(format!("{} {year}", MONTHS[mi]));
            }
        }
    }
    numbers(&w[..stop]).into_iter().find(|n| n.unit == Quantity::Year).map(|n| w[n.start..n.end].to_string())
}

fn trends(sents: &[Sent]) -> Vec<Metric> {
    let mut out = Vec::new();
    for s in sents {
        let text = s.text();
        let (l, ns) = (&s.lower, &s.nums);
        let mut from = 0;
        while let Some(k) = l.get(from..).and_then(|r| r.find("from ")) {
            let at = from + k;
            from = at + 5;
            // "from (a peak of|around|about) N … to (around|over) M"
            let Some(a) = ns.iter().find(|n| n.start >= at + 5 && n.start <= at + 25 && n.unit != Quantity::Year) else { continue };
            let gap = &l[at + 5..a.start];
            if gap.split_whitespace().count() > 3 {
                continue;
            }
            let Some(to_k) = l.get(a.end..).and_then(|r| r.find(" to ")).map(|x| a.end + x) else { continue };
            if to_k - a.end > 45 {
                continue;
            }
            let Some(b) = ns.iter().find(|n| n.start > to_k && n.start <= to_k + 20 && n.unit != Quantity::Year) else { continue };
            if a.unit != b.unit && !(a.unit == Quantity::Count || b.unit == Quantity::Count) {
                continue;
            }
            let before = &l[..at];
            if before.trim_end().ends_with("aged") || before.trim_end().ends_with("ages") || a.value == b.value {
                continue;
            }
            let from_date = date_after(&text[a.end..]);
            let to_date = date_after(&text[b.end..]);
            // The subject: words before "from", less the verb.
            let ws: Vec<&str> = text[..at].split_whitespace().collect();
            let verbs = [
                "had",
                "has",
                "have",
                "was",
                "were",
                "is",
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
                "down",
                "up",
                "an",
                "a",
                "increase",
                "reduction",
                "decrease",
            ];
            let mut subject: Vec<&str> = ws.iter().rev().take(10).rev().copied().collect();
            while subject.last().is_some_and(|w| {
                verbs.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase().as_str())
                    || w.chars().all(|c| !c.is_alphanumeric())
                    || DEGREES.contains(&w.to_ascii_lowercase().as_str())
            }) {
                subject.pop();
            }
            if let Some(c) = subject.iter().rposition(|w| w.ends_with(',') || w.ends_with(';') || w.ends_with(':')) {
                subject.drain(..=c);
            }
            let label = subject.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            let direction = if b.value > a.value { Direction::Higher } else { Direction::Lower };
            out.push(Metric {
                label: if label.is_empty() { "change".into() } else { label },
                value: b.value,
                unit: b.unit.unit(),
                as_of: to_date,
                comparator: None,
                previous: Some(Previous { value: a.value, as_of: from_date }),
                direction: Some(direction),
                judgement: None,
                degree: None,
                source: source(text).map(|x| x.0),
                kind: MetricKind::Trend,
                span: s.span(),
            });
        }
    }
    out
}

// ---------------------------------------------------------------- waits and counts

const COUNT_NOUNS: &[(&str, &str)] = &[
    ("section 42 enquiries", "Section 42 enquiries"),
    ("safeguarding concerns", "safeguarding concerns"),
    ("safeguarding enquiries", "safeguarding enquiries"),
    ("dols applications", "DoLS applications"),
    ("deprivation of liberty safeguards applications", "DoLS applications"),
    ("assessments", "assessments"),
    ("appeals", "appeals"),
    ("referrals", "referrals"),
    ("contacts", "contacts"),
    ("reviews", "reviews"),
];

fn waits_and_counts(sents: &[Sent]) -> Vec<Metric> {
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let text = s.text();
        let (l, ns) = (&s.lower, &s.nums);
        let has_wait = l.contains("wait");
        // A target in the sentence: "a target of 28 days", "the target was 2 - 4 weeks".
        let target_in = |t: &Sent| -> Option<Num> {
            let k = t.lower.find("target")?;
            t.nums.iter().copied().filter(|n| n.start > k && n.start < k + 30 && matches!(n.unit, Quantity::Days | Quantity::Weeks)).last()
        };
        let target_here = target_in(s);
        let same_block = |i: usize| sents.get(i).filter(|p| std::ptr::eq(p.block, s.block));
        let target = target_here
            .or_else(|| si.checked_sub(1).and_then(same_block).and_then(target_in))
            .or_else(|| same_block(si + 1).and_then(target_in));
        for n in ns {
            let rest = &l[n.end..];
            let before = &l[..n.start];
            if matches!(n.unit, Quantity::Days | Quantity::Weeks) && has_wait && Some(*n) != target_here {
                // The nearest qualifier before the figure.
                let mut from = before.len().saturating_sub(40);
                while !before.is_char_boundary(from) {
                    from += 1;
                }
                let near = &before[from..];
                let near = near.get(near.find(' ').unwrap_or(0)..).unwrap_or(near);
                let kind = [
                    ("median", "median wait"),
                    ("maximum", "longest wait"),
                    ("longest", "longest wait"),
                    ("longer than", "longest wait"),
                    ("average", "average wait"),
                ]
                .iter()
                .filter_map(|(w, k)| near.rfind(w).map(|i| (i, *k)))
                .max_by_key(|(i, _)| *i)
                .map(|(_, k)| k)
                .unwrap_or("wait");
                // What the wait is for: "for a residential financial assessment", "for assessment".
                let what = rest.find(" for ").filter(|&k| k < 12).map(|k| {
                    rest[k + 5..].split([',', '.', ';']).next().unwrap_or("").split_whitespace().take(5).collect::<Vec<_>>().join(" ")
                });
                let label = match what {
                    Some(w) if !w.is_empty() => format!("{kind} for {w}"),
                    _ => kind.to_string(),
                };
                let unit = if n.unit == Quantity::Days { Quantity::Days } else { Quantity::Weeks };
                // The target in this wait's unit: "2 - 4 weeks" against days is 28 days.
                let target = target.map(|t| match (t.unit, unit) {
                    (Quantity::Weeks, Quantity::Days) => t.value * 7.0,
                    (Quantity::Days, Quantity::Weeks) => t.value / 7.0,
                    _ => t.value,
                });
                let direction = target.map(|t| {
                    if n.value > t {
                        Direction::Higher
                    } else if n.value < t {
                        Direction::Lower
                    } else {
                        Direction::Similar
                    }
                });
                out.push(Metric {
                    label,
                    value: n.value,
                    unit: unit.unit(),
                    as_of: None,
                    comparator: target.map(|t| Comparator { label: "target".into(), value: (t * 100.0).round() / 100.0 }),
                    previous: None,
                    direction,
                    judgement: None,
                    degree: None,
                    source: source(text).map(|x| x.0),
                    kind: MetricKind::Waiting,
                    span: s.span(),
                });
                continue;
            }
            // "85% of assessments were completed within 28 days".
            if n.unit == Quantity::Percent
                && (rest.contains(" within ") || rest.contains("timescale"))
                && rest.find(" within ").is_none_or(|k| k < 80)
            {
                let what: String = text[n.end..]
                    .trim_start_matches(" of ")
                    .split([',', ';', '('])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(" ");
                let what = what.trim_end_matches('.').to_string();
                if !what.is_empty() {
                    out.push(Metric { kind: MetricKind::Waiting, unit: Unit::Percent, ..count_metric(s, &what, n, text) });
                    continue;
                }
            }
            if n.unit != Quantity::Count || n.value < 1.0 {
                continue;
            }
            if rest.starts_with(" people")
                && (before.ends_with("supported ") || before.ends_with("support to ") || before.ends_with("supporting "))
            {
                out.push(count_metric(s, "people supported", n, text));
                continue;
            }
            // "148 individuals were waiting", "1,441 DoLS applications", "66 admissions".
            let next: String = rest.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
            if ["people", "individuals", "adults", "carers", "children"].iter().any(|w| next.starts_with(w))
                && (next.contains("waiting") || next.contains("on the waiting list"))
            {
                // "… waiting in the hospital team": name the team.
                let team = text[n.end..]
                    .split(['.', ',', ';', '('])
                    .next()
                    .and_then(|clause| clause.find(" in the ").map(|k| &clause[k + 1..]))
                    .and_then(|t| {
                        let ws: Vec<&str> = t.split_whitespace().collect();
                        let end = ws.iter().position(|w| w.to_ascii_lowercase().starts_with("team"))?;
                        (end < 6).then(|| ws[..=end].join(" "))
                    });
                let label = match team {
                    Some(t) => format!("people waiting {t}"),
                    None => "people waiting".to_string(),
                };
                out.push(count_metric(s, &label, n, text));
                continue;
            }
            if let Some((_, name)) = COUNT_NOUNS.iter().find(|(w, _)| next.starts_with(w)) {
                out.push(count_metric(s, name, n, text));
            }
        }
    }
    out
}

fn count_metric(s: &Sent, label: &str, n: &Num, text: &str) -> Metric {
    Metric {
        label: label.to_string(),
        value: n.value,
        unit: Unit::Count,
        as_of: date_near(text),
        comparator: None,
        previous: None,
        direction: None,
        judgement: None,
        degree: None,
        source: source(text).map(|x| x.0),
        kind: MetricKind::Count,
        span: s.span(),
    }
}

// ---------------------------------------------------------------- demographics

/// Age, ethnicity and deprivation figures in a "Demographics"/"About" section that were not
/// already read as comparisons; deprivation deciles and ranks anywhere.
fn demographics(reading: &Reading, sents: &[Sent], taken: &[Span]) -> Vec<Metric> {
    let mut out = Vec::new();
    for s in sents {
        let title = s.block.section.and_then(|i| reading.outline.get(i)).map(|sec| sec.norm.as_str()).unwrap_or("");
        let in_about = title.contains("demographic") || title.starts_with("about") || title.contains("population");
        let text = s.text();
        let (l, ns) = (&s.lower, &s.nums);
        // "index of multiple deprivation score of 6", "ranked the 14th most deprived", "77th out of 153".
        if l.contains("deprivation") || l.contains("deprived") {
            if let Some(k) = l.find("deprivation score of").or_else(|| l.find("deprivation decile of")) {
                if let Some(n) = ns.iter().find(|n| n.start > k && n.start < k + 30 && n.value <= 10.0) {
                    out.push(plain(s, "index of multiple deprivation decile (10 = most deprived)", n.value, Unit::Score));
                }
            }
            if let Some((rank, of)) = ordinal_rank(&l) {
                let label = match of {
                    Some(o) => format!("deprivation rank (of {o} local authorities)"),
                    None => "deprivation rank (1 = most deprived)".to_string(),
                };
                out.push(plain(s, &label, rank, Unit::Rank));
            }
        }
        if !in_about {
            continue;
        }
        for n in ns.iter().filter(|n| n.unit == Quantity::Percent) {
            let span = s.block.span(s.start + n.start, s.start + n.end);
            if taken.iter().any(|t| t.0 <= span.0 && span.1 <= t.1 && (t.1 - t.0) < 2000 && span_inside_metric(t, span)) {
                continue;
            }
            let lbl = demographic_label(text, n, &ns);
            if lbl.split_whitespace().count() >= 1 && !lbl.is_empty() {
                out.push(Metric { span: s.span(), ..plain(s, &lbl, n.value, Unit::Percent) });
            }
        }
    }
    out
}

/// "21.78% aged 0 to 17 years, 19.42% …" → "aged 0 to 17 years"; "1.12% were Black, Black
/// British, Caribbean or African" → "Black, Black British, Caribbean or African".
fn demographic_label(text: &str, n: &Num, ns: &[Num]) -> String {
    let next = ns.iter().find(|m| m.start > n.end && m.unit == Quantity::Percent).map(|m| m.start).unwrap_or(text.len());
    let mut rest = text[n.end..next].trim();
    for cut in [";", "(", " which ", " compared", " than ", ", with", ", while", ", meaning", "."] {
        if let Some(k) = rest.find(cut) {
            rest = &rest[..k];
        }
    }
    let mut r = rest.trim().trim_end_matches(|c: char| !c.is_alphanumeric()).trim_end_matches(" and").trim_end_matches(',');
    for lead in [
        "of the population",
        "of the",
        "of",
        "were",
        "was",
        "are",
        "identified themselves as",
        "identified as",
        "identified themselves under",
        "making up",
    ] {
        if let Some(x) = r.strip_prefix(lead) {
            r = x.trim_start();
        }
    }
    let generic =
        r.is_empty() || r.ends_with("population") || ["between", "since", "in ", "from", "population"].iter().any(|w| r.starts_with(w));
    if generic {
        // The words before the figure: "identified as White, making up 92.04%" → "White".
        let mut before = text[..n.start].trim_end();
        for filler in ["making up", "made up", "comprise", "comprised", "at", "by", "of", "to"] {
            if let Some(b) = before.strip_suffix(filler) {
                before = b.trim_end();
            }
        }
        let before = before.trim_end_matches([',', ' ']);
        let from = [" as ", " were ", " was ", ": ", ". "].iter().filter_map(|w| before.rfind(w).map(|k| k + w.len())).max().unwrap_or(0);
        let words: Vec<&str> = before[from..].split_whitespace().collect();
        let words = &words[words.len().saturating_sub(8)..];
        let out = words.join(" ");
        if out.is_empty() {
            label(text, n, text.len())
        } else {
            out
        }
    } else {
        r.split_whitespace().take(10).collect::<Vec<_>>().join(" ").trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')').to_string()
    }
}

fn span_inside_metric(metric: &Span, figure: Span) -> bool {
    metric.0 <= figure.0 && figure.1 <= metric.1
}

/// "14th most deprived" → (14, None); "77th out of 153" → (77, Some(153)).
fn ordinal_rank(l: &str) -> Option<(f64, Option<u32>)> {
    for suffix in ["st", "nd", "rd", "th"] {
        let mut from = 0;
        while let Some(k) = l.get(from..).and_then(|r| r.find(suffix)) {
            let at = from + k;
            from = at + 2;
            let digits: String = l[..at].chars().rev().take_while(|c| c.is_ascii_digit()).collect::<Vec<_>>().into_iter().rev().collect();
            if digits.is_empty() || digits.len() > 3 {
                continue;
            }
            let rest = &l[at + 2..];
            if rest.starts_with(" most deprived") || rest.starts_with(" out of") {
                let of = rest.strip_prefix(" out of ").and_then(|r| r.split_whitespace().next()).and_then(|w| w.parse().ok());
                return digits.parse().ok().map(|v| (v, of));
            }
        }
    }
    None
}

fn plain(s: &Sent, label: &str, value: f64, unit: Unit) -> Metric {
    Metric {
        label: label.to_string(),
        value,
        unit,
        as_of: None,
        comparator: None,
        previous: None,
        direction: None,
        judgement: None,
        degree: None,
        source: None,
        kind: MetricKind::Demographic,
        span: s.span(),
    }
}

pub fn read(reading: &Reading) -> MetricsRead {
    let sents = all_sentences(reading);
    let mut metrics = comparisons(&sents);
    let taken: Vec<Span> = metrics.iter().map(|m| m.span).collect();
    metrics.extend(demographics(reading, &sents, &taken));
    metrics.extend(trends(&sents));
    metrics.extend(waits_and_counts(&sents));
    MetricsRead { financial: financial(reading), population: population(&sents), metrics }
}

#[cfg(test)]
mod tests {
    use super::super::{blocks, text::Doc};
    use super::*;

    fn metrics_of(s: &str) -> Vec<Metric> {
        let doc = Doc::new(s);
        read(&blocks::read(&doc, s)).metrics
    }

    #[test]
    fn wait_qualifier_near_multibyte_text_does_not_split_chars() {
        // 40 bytes before the figure fall inside a two-byte character.
        let s = "Leaders said é’é’é’é’é’é’é’é’é’é’é’é’é’ the median waiting time of 150 days was too long.\n";
        let m = metrics_of(s);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].label.as_str(), m[0].value), ("median wait", 150.0));
    }

    #[test]
    fn comparator_figures_and_the_local_figure_before_them() {
        let m = metrics_of("Only 2.59% of carers accessed training, compared to the England average of 4.30%, which was worse.\n");
        assert_eq!(m[0].value, 2.59);
        assert_eq!(m[0].comparator.as_ref().map(|c| c.value), Some(4.3));
        assert_eq!(m[0].judgement, Some(Verdict::Worse));
    }
}
