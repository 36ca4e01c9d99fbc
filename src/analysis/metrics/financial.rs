//! CQC financial facts: the blocks after "Financial facts", read by what each says (total
//! budget, spend on adult social care, share, precept, people in long/short-term support);
//! "less than estimated" is a negative variance.

use super::super::blocks::{Block, BlockKind, Reading};
use super::super::numbers::{fin_year, numbers, Quantity};
use super::super::text::norm;
use super::super::{Financial, Span};

pub(super) fn read(reading: &Reading) -> Option<Financial> {
    let start = reading.blocks.iter().position(|b| {
        b.text.len() < 40 && super::super::text::contains_ci(&b.text, "financial facts") && norm(&b.text) == "financial facts"
    })?;
    let mut f = Financial::default();
    let mut first_span: Option<Span> = None;
    let mut last_span: Option<Span> = None;
    for b in reading.blocks.iter().skip(start + 1).take(14) {
        let l = b.text.to_ascii_lowercase();
        if b.kind == BlockKind::Heading && !l.contains("financial facts") && !l.contains("adult social care") {
            break;
        }
        if read_fact(&mut f, b, &l) {
            first_span.get_or_insert(b.whole_span());
            last_span = Some(b.whole_span());
        }
    }
    let found = first_span.is_some();
    f.span = first_span.zip(last_span).map(|(a, b)| (a.0, b.1));
    found.then_some(f)
}

/// Read the fact block `b` (lower-cased `l`) says into `f`; false when it says none.
fn read_fact(f: &mut Financial, b: &Block, l: &str) -> bool {
    let ns = numbers(&b.text);
    let money: Vec<f64> = ns.iter().filter(|n| n.unit == Quantity::Gbp).map(|n| n.value).collect();
    let pct: Vec<f64> = ns.iter().filter(|n| n.unit == Quantity::Percent).map(|n| n.value).collect();
    let of_total = l.contains("of its total budget") || l.contains("of the total budget");
    if l.contains("total budget") && !of_total && money.len() >= 2 {
        f.total_budget_estimated = Some(money[0]);
        f.total_budget_actual = Some(money[1]);
        f.total_variance = signed(l, money.get(2));
    } else if l.contains("adult social care") && of_total && money.len() >= 2 {
        f.asc_budget_estimated = Some(money[0]);
        f.asc_spend_actual = Some(money[1]);
        f.asc_variance = signed(l, money.get(2));
        if let Some(p) = pct.first() {
            f.asc_share_percent = Some(*p);
        }
    } else if l.contains("of the budget was spent on adult social care") || l.contains("of the total budget was spent") {
        f.asc_share_percent = pct.first().copied().or(f.asc_share_percent);
    } else if l.contains("precept") {
        f.precept_percent = pct.first().copied();
    } else if l.contains("long-term") && l.contains("short-term") {
        let before = |kw: &str| -> Option<u64> {
            let k = l.find(kw)?;
            ns.iter().rfind(|n| n.unit == Quantity::Count && n.end <= k).map(|n| n.value as u64)
        };
        f.long_term_support_people = before("long-term");
        f.short_term_support_people = before("short-term");
        f.support_period = fin_year(&b.text);
    } else {
        return false;
    }
    true
}

/// A variance, negative when the text says the spend was under budget.
fn signed(l: &str, amount: Option<&f64>) -> Option<f64> {
    let a = *amount?;
    if l.contains("less than estimated") || l.contains("under budget") || l.contains("underspend") {
        Some(-a)
    } else {
        Some(a)
    }
}
