//! Renderings of reports for people and spreadsheets. JSON is the serde form of `Report`.

use super::{Direction, Kind, Report, Span, Verdict};

const CSV_HEADER: [&str; 8] = ["source", "item", "label", "value", "comparator", "verdict", "section", "evidence"];

fn csv_field(s: &str) -> String {
    // A leading = + - @ (or a tab or carriage return before one) would be a formula in a
    // spreadsheet: quote it as text.
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    // Quote on ';' too: spreadsheets in semicolon locales split there, and a cell after it may start a formula.
    if s.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The most characters of evidence an export row carries: a paragraph, not a document.
const EVIDENCE_CHARS: usize = 600;

fn evidence(input: &str, span: Span) -> &str {
    input.get(span.0..span.1).unwrap_or("")
}

/// Evidence on one line, cut at `cap` characters with an ellipsis when longer.
fn evidence_line(input: &str, span: Span, cap: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for (i, w) in evidence(input, span).split_whitespace().enumerate() {
        chars += w.chars().count() + 1;
        if chars > cap + 1 {
            out.push_str(" …");
            break;
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// User text made inert in Markdown: markup characters escaped, so a report's words can't
/// become links, images or HTML in another tool.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// How much evidence each row of a report's CSV may carry: `EVIDENCE_CHARS`, less when a
/// report has so many items that the CSV would grow past a few times its input (a text that
/// repeats one shape thousands of times), but never under a short clause.
fn evidence_cap(r: &Report, input: &str) -> usize {
    let rows = 2 + r.scores.len() + r.judgements.len() + r.metrics.len() + r.gaps.len() + r.strengths.len() + r.warnings.len();
    (3 * input.len() / rows).clamp(20, EVIDENCE_CHARS)
}

/// One row per extracted item. `input` is the text the report was made from, for evidence.
/// Evidence is cut (see `evidence_cap`), so the CSV stays within about ten times its input.
pub fn to_csv(reports: &[(&Report, &str)]) -> String {
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (r, input) in reports {
        let cap = evidence_cap(r, input);
        let row = |item: &str, label: &str, value: String, comparator: String, verdict: String, section: String, span: Option<Span>| {
            [
                r.source.clone(),
                item.to_string(),
                label.to_string(),
                value,
                comparator,
                verdict,
                section,
                span.map(|s| evidence_line(input, s, cap)).unwrap_or_default(),
            ]
        };
        if let Some(o) = &r.overall {
            rows.push(row(
                "overall_rating",
                "Overall rating",
                o.rating.to_string(),
                String::new(),
                String::new(),
                String::new(),
                Some(o.span),
            ));
        }
        // An area inspection's theme and inspectorates (Area SEND, JTAI).
        if let Some(t) = &r.theme {
            rows.push(row("theme", "Theme", t.clone(), String::new(), String::new(), String::new(), None));
        }
        if let Some(a) = inspectorates(r) {
            rows.push(row("inspectorates", "Inspectorates", a, String::new(), String::new(), String::new(), None));
        }
        for s in &r.scores {
            rows.push(row("score", &s.statement, s.score.to_string(), String::new(), s.label.clone(), s.theme.clone(), Some(s.span)));
        }
        if let Some(c) = &r.computed_rating {
            let rating = c.rating.map_or_else(|| "between bands".into(), |g| g.to_string());
            rows.push(row(
                "computed_rating",
                "Rating recomputed from scores",
                format!("{}%", c.percent),
                String::new(),
                rating,
                String::new(),
                None,
            ));
        }
        for j in &r.judgements {
            rows.push(row("judgement", &j.area, j.grade.to_string(), String::new(), String::new(), String::new(), Some(j.span)));
        }
        for m in &r.metrics {
            let comp = m.comparator.as_ref().map(|c| format!("{} {}", c.label, c.value)).unwrap_or_default();
            let verdict = m.judgement.map(Verdict::as_str).or(m.direction.map(Direction::as_str)).unwrap_or_default().to_string();
            rows.push(row("metric", &m.label, format!("{} {}", m.value, m.unit.as_str()), comp, verdict, String::new(), Some(m.span)));
        }
        for (item, list) in [("gap", &r.gaps), ("strength", &r.strengths)] {
            for g in list {
                // The body an area inspection's item is addressed to, beside its list.
                let section = match (g.place(), &g.agency) {
                    (Some(p), Some(a)) => format!("{p} ({a})"),
                    (p, a) => p.or_else(|| a.clone()).unwrap_or_default(),
                };
                rows.push(row(item, g.origin.as_str(), g.text.clone(), String::new(), String::new(), section, Some(g.span)));
            }
        }
        for w in &r.warnings {
            rows.push(row("warning", "", w.clone(), String::new(), String::new(), String::new(), None));
        }
    }
    let mut out = CSV_HEADER.join(",");
    out.push('\n');
    for r in rows {
        out.push_str(&r.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// An area inspection's inspectorates ("Ofsted, CQC, HMICFRS"); `None` for other kinds.
fn inspectorates(r: &Report) -> Option<String> {
    (matches!(r.kind, Kind::AreaSend | Kind::Jtai) && !r.agencies.is_empty()).then(|| r.agencies.join(", "))
}

/// A readable summary of one report.
pub fn to_markdown(r: &Report) -> String {
    let mut s = String::new();
    let title = r.authority.clone().unwrap_or_else(|| r.source.clone());
    s.push_str(&format!("# {}\n\n", md(&title)));
    s.push_str(&format!("- Document: {} ({})\n", r.kind.title(), md(&r.source)));
    if let Some(p) = &r.published {
        s.push_str(&format!("- Published: {p}\n"));
    }
    if let Some(p) = &r.period {
        s.push_str(&format!("- Period: {}\n", md(p)));
    }
    if let Some(j) = r.judgements.iter().find(|j| j.area == "Inspection outcome") {
        s.push_str(&format!("- Inspection outcome: **{}**\n", j.grade));
    }
    if let Some(t) = &r.theme {
        s.push_str(&format!("- Theme: {}\n", md(t)));
    }
    if let Some(a) = inspectorates(r) {
        s.push_str(&format!("- Inspectorates: {}\n", md(&a)));
    }
    if let Some(o) = &r.overall {
        s.push_str(&format!("- Overall rating: **{}**{}\n", o.rating, if o.indicative { " (indicative)" } else { "" }));
    }
    if let Some(c) = &r.computed_rating {
        let rating = match (&c.rating, &c.between) {
            (Some(r), _) => r.to_string(),
            (None, Some((a, b))) => format!("between {a} and {b}"),
            _ => "unknown".into(),
        };
        s.push_str(&format!("- Recomputed from the scores: {}% ({rating})", c.percent));
        if let Some(n) = &c.to_next {
            s.push_str(&format!("; {} statement score rise(s) of one would reach {}", n.statements_up, n.rating));
        }
        s.push('\n');
    }
    if !r.scores.is_empty() {
        s.push_str("\n## Quality statement scores\n\n| Theme | Statement | Score | Meaning |\n|---|---|---|---|\n");
        for sc in &r.scores {
            s.push_str(&format!("| {} | {} | {} | {} |\n", sc.theme, sc.statement, sc.score, sc.label));
        }
    }
    if !r.judgements.is_empty() {
        s.push_str("\n## Judgements\n\n| Area | Grade |\n|---|---|\n");
        for j in &r.judgements {
            s.push_str(&format!("| {} | {} |\n", md(&j.area), j.grade));
        }
    }
    if !r.priorities.is_empty() {
        s.push_str("\n## Priorities\n");
        let mut n = 0;
        for (theme, items) in super::priorities::by_theme(&r.priorities) {
            s.push_str(&format!("\n**{}**\n\n", md(theme)));
            for p in items {
                n += 1;
                s.push_str(&format!("{n}. {}\n", md(&p.text)));
            }
        }
    }
    if !r.gaps.is_empty() {
        s.push_str("\n## Gaps\n\n");
        for g in &r.gaps {
            s.push_str(&format!("- {}\n", md(&g.text)));
        }
    }
    if !r.warnings.is_empty() {
        s.push_str("\n## Warnings\n\n");
        for w in &r.warnings {
            s.push_str(&format!("- {}\n", md(w)));
        }
    }
    s
}

/// The priorities as an action plan for a spreadsheet: number, theme, gap, origin, evidence,
/// and empty owner / due date / status columns.
pub fn to_action_plan_csv(r: &Report, input: &str) -> String {
    let mut out = String::from("priority,theme,gap,origin,evidence,owner,due date,status\n");
    for (k, p) in r.priorities.iter().enumerate() {
        let ev = evidence_line(input, p.span, EVIDENCE_CHARS);
        let n = (k + 1).to_string();
        let fields = [n.as_str(), p.theme.as_str(), p.text.as_str(), p.origin.as_str(), ev.as_str(), "", "", ""];
        out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_plan_has_one_row_per_priority_and_empty_owner_columns() {
        let input = "What needs to improve?\n\n- Stability of the workforce, for children.\n";
        let r = crate::analysis::analyse(input);
        let csv = to_action_plan_csv(&r, input);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "priority,theme,gap,origin,evidence,owner,due date,status");
        assert_eq!(lines[1], "1,What needs to improve?,\"Stability of the workforce, for children.\",stated_list,\"Stability of the workforce, for children.\",,,");
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn markdown_numbers_the_priorities_through_their_themes() {
        let input = "What needs to improve?\n\n- Stability of the workforce.\n- The quality of plans.\n";
        let md = to_markdown(&crate::analysis::analyse(input));
        assert!(
            md.contains("## Priorities\n\n**What needs to improve?**\n\n1. Stability of the workforce.\n2. The quality of plans.\n"),
            "{md}"
        );
    }

    #[test]
    fn the_boards_list_is_named_apart_from_the_councils_of_the_same_name() {
        let input = "Recommendations\n\n- Ensure that case files include chronologies.\n\n\
                     The Local Safeguarding Children Board (LSCB)\n\nRecommendations\n\n- Ensure the board analyses its data.\n";
        let r = crate::analysis::analyse(input);
        let plan = to_action_plan_csv(&r, input);
        let sections: Vec<&str> = plan.lines().skip(1).map(|l| l.split(',').nth(1).unwrap_or("")).collect();
        // The board's list after the council's, each under its own name.
        assert_eq!(sections, ["Recommendations", "Local Safeguarding Children Board: Recommendations"]);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn exports_are_inert_in_other_tools() {
        assert_eq!(csv_field("a;=1+1"), "\"a;=1+1\"");
        assert_eq!(csv_field("\t=cmd"), "'\t=cmd");
        assert_eq!(md("<img src=x onerror=alert(1)> [a](b) | *x*"), "&lt;img src=x onerror=alert(1)&gt; \\[a\\](b) \\| \\*x\\*");
        let long = "word ".repeat(1000);
        let e = evidence_line(&long, (0, long.len()), EVIDENCE_CHARS);
        assert!(e.chars().count() <= EVIDENCE_CHARS + 2 && e.ends_with('…'), "{}", e.len());
    }

    #[test]
    fn an_area_send_report_exports_its_outcome_inspectorates_and_each_items_body() {
        let input = include_str!("../../tests/fixtures/wide/area-text/send-bury-2024.txt");
        let r = crate::analysis::analyse(input);
        let md = to_markdown(&r);
        assert!(md.contains("- Inspection outcome: **Widespread and/or systemic failings**\n"), "{md}");
        assert!(md.contains("- Inspectorates: Ofsted, CQC\n"), "{md}");
        let csv = to_csv(&[(&r, input)]);
        assert!(csv.contains("\npasted text,inspectorates,Inspectorates,\"Ofsted, CQC\","), "{csv}");
        assert!(csv.contains(",Inspection outcome,"), "{csv}");
        assert!(csv.contains(",Areas for priority action (Bury Metropolitan Borough Council and NHS Greater Manchester ICB),"), "{csv}");
    }
}
