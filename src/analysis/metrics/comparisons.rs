//! Figures set against a comparator. For each sentence: find the comparators (a phrase such as
//! "England average of" or "(A% compared to B%"), then for each one the local figure (the
//! nearest before it in the clause, else in a neighbouring sentence), the report's own verdict
//! and the data source.

use super::super::numbers::{Num, Quantity};
use super::super::{Comparator, Direction, Metric, MetricKind, Span};
use super::label::{fallback_label, label};
use super::source::Source;
use super::verdict::{verdict, Judged};
use super::Sent;

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
    ("in the country as a whole", "country as a whole", false),
    ("national level", "national level", true),
    ("national figure", "national figure", true),
];

/// Words that may stand between a comparator phrase and its figure: "average of 4.30%",
/// "average (62.48%)", "average, at 5%", "average was 9%".
const BETWEEN_PHRASE_AND_FIGURE: &[&str] = &["of", "at", "was", "is", "which", "around", "about", "approximately", "figure", "rate"];

/// A sentence opening that points back to the sentence before ("This was better than …").
const ANAPHORS: &[&str] = &["this", "it", "which", "these", "that", "the figure", "this figure"];

/// A comparator's figure in a sentence.
#[derive(Clone, Copy, Debug)]
struct ComparatorAt {
    /// Index into the sentence's numbers.
    num: usize,
    /// Where the phrase naming it starts (or the figure, for "compared to B%").
    phrase_at: usize,
    label: &'static str,
}

/// "A% compared to B%": the local figure and its comparator, as indices into the numbers.
struct ComparedTo {
    local: usize,
    comparator: usize,
}

/// Where a comparison's local figure was found.
enum LocalAt<'s, 'a> {
    /// In the comparator's own clause: the index into the sentence's numbers.
    Clause(usize),
    /// In the sentence before or after.
    Neighbour(&'s Sent<'a>),
}

struct LocalFigure<'s, 'a> {
    num: Num,
    span: Span,
    at: LocalAt<'s, 'a>,
}

/// What the comparators of one sentence have taken so far.
#[derive(Default)]
struct Taken {
    /// Indices into the sentence's numbers already used as a comparator or a local figure.
    used: Vec<usize>,
    /// The end of the last comparator with a local figure: the next clause starts after it.
    prev_end: usize,
}

/// At most `budget` of them.
pub(super) fn read(sents: &[Sent], budget: usize) -> Vec<Metric> {
    (0..sents.len()).flat_map(|si| in_sentence(sents, si)).take(budget).collect()
}

/// The comparisons of sentence `si`.
fn in_sentence(sents: &[Sent], si: usize) -> Vec<Metric> {
    let s = &sents[si];
    let ns = &s.nums;
    let found = find_comparators(&s.lower, ns);
    let all: Vec<usize> = found.iter().map(|f| f.num).collect();
    let mut taken = Taken::default();
    let mut out = Vec::new();
    for c in &found {
        let comp = ns[c.num];
        taken.used.push(c.num);
        let Some(local) = local_figure(sents, si, c, &all, &taken) else { continue };
        let window_start = match local.at {
            LocalAt::Clause(i) => {
                taken.used.push(i);
                taken.prev_end.min(ns[i].start)
            }
            LocalAt::Neighbour(_) => 0,
        };
        let own = own_verdict(s.text(), window_start, &comp);
        taken.prev_end = comp.end;
        let neighbour = match local.at {
            LocalAt::Neighbour(n) => Some(n),
            LocalAt::Clause(_) => None,
        };
        let src = find_source(sents, si, neighbour);
        out.push(metric(s, c, &comp, &local, own, src));
    }
    out
}

/// The comparators in a sentence (lower-cased `l`, numbers `ns`), in the order of their figures.
fn find_comparators(l: &str, ns: &[Num]) -> Vec<ComparatorAt> {
    let mut found = named_comparators(l, ns);
    for pair in compared_to(l, ns) {
        found.retain(|f| f.num != pair.local);
        if !found.iter().any(|f| f.num == pair.comparator) {
            let comp = &ns[pair.comparator];
            found.push(ComparatorAt { num: pair.comparator, phrase_at: comp.start, label: compared_to_label(l, comp) });
        }
    }
    found.sort_by_key(|f| ns[f.num].start);
    found
}

/// Figures named by a comparator phrase: after it ("England average of 4.30%") or before it
/// ("18.61% in the rest of England"). Each figure once.
fn named_comparators(l: &str, ns: &[Num]) -> Vec<ComparatorAt> {
    let mut found: Vec<ComparatorAt> = Vec::new();
    // Every phrase holds one of these words: most sentences need no further search.
    const KEYS: [&str; 6] = ["england", "national", "regional", "neighbour", "comparator", "country"];
    if ns.is_empty() || !KEYS.iter().any(|k| l.contains(k)) {
        return found;
    }
    for (phrase, label, after) in COMPARATORS {
        let mut from = 0;
        while let Some(k) = l.get(from..).and_then(|r| r.find(phrase)) {
            let at = from + k;
            from = at + phrase.len();
            let idx = if *after { figure_after(l, ns, at + phrase.len()) } else { figure_just_before(ns, at) };
            if let Some(i) = idx {
                if !found.iter().any(|f| f.num == i) {
                    found.push(ComparatorAt { num: i, phrase_at: at, label });
                }
            }
        }
    }
    found
}

/// The figure within 20 bytes after `at` with only linking words between.
fn figure_after(l: &str, ns: &[Num], at: usize) -> Option<usize> {
    ns.iter().position(|n| n.start >= at && n.start <= at + 20 && n.unit != Quantity::Year).filter(|&i| {
        let gap = &l[at..ns[i].start];
        gap.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ':')
            .filter(|w| !w.is_empty())
            .all(|w| BETWEEN_PHRASE_AND_FIGURE.contains(&w))
    })
}

/// The figure ending at most three bytes before `at`.
fn figure_just_before(ns: &[Num], at: usize) -> Option<usize> {
    ns.iter().rposition(|n| n.end <= at && at - n.end <= 3 && n.unit != Quantity::Year)
}

/// "(47.83% compared to 36.83%, …)": the figure after "compared to/with" is the comparator,
/// the one just before it the local value, when the sentence is about a national or England
/// figure.
fn compared_to(l: &str, ns: &[Num]) -> Vec<ComparedTo> {
    let national = ["england", "national", "average"].iter().any(|w| l.contains(w));
    let mut pairs = Vec::new();
    if !national {
        return pairs;
    }
    for phrase in ["compared to ", "compared with "] {
        let mut from = 0;
        while let Some(k) = l.get(from..).and_then(|r| r.find(phrase)) {
            let at = from + k;
            from = at + phrase.len();
            let after =
                ns.iter().position(|n| n.start >= at + phrase.len() && n.start <= at + phrase.len() + 1 && n.unit != Quantity::Year);
            if let (Some(comparator), Some(local)) = (after, figure_just_before(ns, at)) {
                pairs.push(ComparedTo { local, comparator });
            }
        }
    }
    pairs
}

/// The comparator's name for "compared to B%": the phrase after it, else what the sentence names.
fn compared_to_label(l: &str, comp: &Num) -> &'static str {
    let tail = &l[comp.end..];
    if tail.starts_with(" in the rest of england") || tail.starts_with(" for the rest of england") {
        "rest of England"
    } else if l.contains("england average") {
        "England average"
    } else if l.contains("national average") {
        "national average"
    } else {
        "England"
    }
}

/// The local figure for comparator `c` of sentence `si`: the nearest usable figure before it
/// in this clause, else one in a neighbouring sentence.
fn local_figure<'s, 'a>(
    sents: &'s [Sent<'a>],
    si: usize,
    c: &ComparatorAt,
    comparators: &[usize],
    taken: &Taken,
) -> Option<LocalFigure<'s, 'a>> {
    let s = &sents[si];
    let ns = &s.nums;
    let comp = ns[c.num];
    let usable = |n: &Num| usable_against(n, &comp);
    let first_at = c.phrase_at.min(comp.start);
    let in_clause = (0..ns.len()).rfind(|&i| {
        !comparators.contains(&i) && !taken.used.contains(&i) && ns[i].end <= first_at && ns[i].start >= taken.prev_end && usable(&ns[i])
    });
    if let Some(i) = in_clause {
        return Some(LocalFigure { num: ns[i], span: s.num_span(&ns[i]), at: LocalAt::Clause(i) });
    }
    let (n, from) = neighbour_figure(sents, si, &comp)?;
    Some(LocalFigure { num: n, span: from.num_span(&n), at: LocalAt::Neighbour(from) })
}

/// Can `n` be compared with `comp`? Percentages always; otherwise the same unit.
fn usable_against(n: &Num, comp: &Num) -> bool {
    n.unit == Quantity::Percent || (comp.unit != Quantity::Percent && n.unit == comp.unit)
}

/// The local figure in the sentence before ("This was better than …": its last usable figure
/// that is not itself a comparator) or after ("Data … showed 29.3%": its first).
fn neighbour_figure<'s, 'a>(sents: &'s [Sent<'a>], si: usize, comp: &Num) -> Option<(Num, &'s Sent<'a>)> {
    let s = &sents[si];
    let usable = |n: &Num| usable_against(n, comp);
    let prev = (si > 0 && starts_with_any(&s.lower, ANAPHORS))
        .then(|| &sents[si - 1])
        .filter(|p| p.same_block(s) || p.block.lines.1 + 3 >= s.block.lines.0);
    let next = sents.get(si + 1).filter(|n| {
        n.same_block(s) && (n.lower.starts_with("data") || n.lower.starts_with("national data") || n.lower.starts_with("figures"))
    });
    prev.and_then(|p| {
        let is_comp = |n: &Num| {
            COMPARATORS
                .iter()
                .any(|(ph, _, _)| p.lower[..n.start].ends_with(&format!("{ph} of ")) || p.lower[..n.start].ends_with(&format!("{ph} (")))
        };
        p.nums.iter().copied().rfind(|n| usable(n) && !is_comp(n)).map(|n| (n, p))
    })
    .or_else(|| next.and_then(|nx| nx.nums.iter().copied().find(|n| usable(n)).map(|n| (n, nx))))
}

fn starts_with_any(l: &str, words: &[&str]) -> bool {
    words.iter().any(|w| l.starts_with(w) && l[w.len()..].starts_with([' ', ',']))
}

/// The report's verdict on a comparison: the nearest verdict word in `text[window_start..]` up
/// to the comparator, or one right after it ("… of 4.30%, which was worse").
fn own_verdict(text: &str, window_start: usize, comp: &Num) -> Option<Judged> {
    let window = &text[window_start..(comp.end).min(text.len())];
    verdict(window).or_else(|| {
        let after = &text[comp.end.min(text.len())..];
        let after = after.trim_start_matches([',', ')', ' ']);
        (after.starts_with("which") || after.starts_with("and this") || after.starts_with("this"))
            .then(|| {
                let end = after.find(['.', ';', ',']).unwrap_or(after.len());
                verdict(&after[..end])
            })
            .flatten()
    })
}

/// The source: this sentence's, the local figure's (when in a neighbour), a short sentence
/// after's, or one of the paragraph's three sentences before.
fn find_source(sents: &[Sent], si: usize, neighbour: Option<&Sent>) -> Option<Source> {
    let s = &sents[si];
    s.source()
        .or_else(|| neighbour.and_then(|n| n.source()))
        .or_else(|| sents.get(si + 1).filter(|n| n.text().len() < 80).and_then(|n| n.source()))
        .or_else(|| (1..=3).filter_map(|d| si.checked_sub(d)).map(|i| &sents[i]).take_while(|p| p.same_block(s)).find_map(|p| p.source()))
        .cloned()
}

fn metric(s: &Sent, c: &ComparatorAt, comp: &Num, local: &LocalFigure, own: Option<Judged>, src: Option<Source>) -> Metric {
    let text = s.text();
    let label_text = match local.at {
        LocalAt::Clause(_) => label(text, &local.num, comp.start),
        LocalAt::Neighbour(from) => label(from.text(), &local.num, from.text().len()),
    };
    let label_text = if label_text.split_whitespace().count() < 2 { fallback_label(text) } else { label_text };
    let direction = if (local.num.value - comp.value).abs() < 1e-9 {
        Direction::Similar
    } else if local.num.value > comp.value {
        Direction::Higher
    } else {
        Direction::Lower
    };
    let (judgement, degree) = match own {
        Some(j) => (Some(j.verdict), j.degree),
        None => (None, None),
    };
    let (source, as_of) = match src {
        Some(x) => (Some(x.name), x.date),
        None => (None, None),
    };
    Metric {
        label: label_text,
        value: local.num.value,
        unit: local.num.unit.unit(),
        as_of,
        comparator: Some(Comparator { label: c.label.to_string(), value: comp.value }),
        previous: None,
        direction: Some(direction),
        judgement,
        degree,
        source,
        kind: MetricKind::Comparison,
        span: (local.span.0.min(s.span().0), local.span.1.max(s.span().1)),
    }
}
