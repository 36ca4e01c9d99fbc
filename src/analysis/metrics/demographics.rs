//! Age, ethnicity and deprivation figures: no better direction, so kept apart from comparisons.

use super::super::blocks::Reading;
use super::super::numbers::{Num, Quantity};
use super::super::{Metric, MetricKind, Span, Unit};
use super::label::label;
use super::Sent;

/// Age, ethnicity and deprivation figures in a "Demographics"/"About" section that were not
/// already read as comparisons; deprivation deciles and ranks anywhere.
/// At most `budget` of them.
pub(super) fn read(reading: &Reading, sents: &[Sent], taken: &[Span], budget: usize) -> Vec<Metric> {
    let mut out = Vec::new();
    for s in sents {
        if out.len() >= budget {
            break;
        }
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
            if let Some((rank, of)) = ordinal_rank(l) {
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
            // "among the 10% most deprived wards": the edge of a group, not a share.
            let after = l.get(n.end..).unwrap_or("");
            if after.starts_with(" most ") || after.starts_with(" least ") {
                continue;
            }
            let span = s.num_span(n);
            if taken.iter().any(|t| t.0 <= span.0 && span.1 <= t.1 && (t.1 - t.0) < 2000 && span_inside_metric(t, span)) {
                continue;
            }
            let lbl = demographic_label(text, n, ns);
            if lbl.split_whitespace().count() >= 1 && !lbl.is_empty() {
                out.push(Metric { span: s.span(), ..plain(s, &lbl, n.value, Unit::Percent) });
            }
        }
    }
    out.truncate(budget);
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
