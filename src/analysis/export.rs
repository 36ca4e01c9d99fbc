//! Renderings of reports for people and spreadsheets. JSON is the serde form of `Report`.

use super::context::England;
use super::since::{Match, Since};
use super::text::head;
use super::{Class, Direction, Grade, Kind, Origin, Report, Span, Verdict};

/// The item CSV's columns: the document (source file, council, kind, framework, date), then one
/// item: what it is, its label, its value as a number where it is one (with its unit apart), what
/// it is compared with (the comparator's label, and its value as a number), the verdict, the
/// section and the words it came from.
const CSV_HEADER: [&str; 14] = [
    "source",
    "council",
    "report_kind",
    "framework",
    "date",
    "item",
    "label",
    "value",
    "unit",
    "comparator",
    "comparator_value",
    "verdict",
    "section",
    "evidence",
];

/// A byte-order mark opens every CSV: without it Excel reads UTF-8 as Windows-1252 ("£" shows
/// as "Â£"); spreadsheets and CSV readers that know UTF-8 skip it.
pub const BOM: &str = "\u{feff}";

/// A number as a spreadsheet reads it: "68.42", "3590", "-2.5"; empty when not finite.
fn csv_number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// The cells every CSV row of a document opens with: source, council, kind, framework.
fn doc_cells(r: &Report) -> [String; 4] {
    [
        r.source.clone(),
        r.subject().unwrap_or_default().to_string(),
        r.kind.as_str().to_string(),
        r.framework.map(|f| f.as_str().to_string()).unwrap_or_default(),
    ]
}

/// The document's date for a spreadsheet: when published (ISO), else its period as written.
fn report_date(r: &Report) -> String {
    r.published.clone().or_else(|| r.period.clone()).unwrap_or_default()
}

/// CSV text: a byte-order mark, the header, then the rows.
fn csv_text<R: AsRef<[String]>>(header: &[&str], rows: impl IntoIterator<Item = R>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&header.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
    out.push('\n');
    for r in rows {
        out.push_str(&r.as_ref().iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

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
    let mut rows: Vec<[String; 14]> = Vec::new();
    for (r, input) in reports {
        let cap = evidence_cap(r, input);
        let [source, council, kind, framework] = doc_cells(r);
        let doc = [source, council, kind, framework, report_date(r)];
        // A row of the document: the item, its label, value, unit, comparator and its value,
        // verdict, section and evidence.
        let mut row = |cells: [&str; 8], span: Option<Span>| {
            let [item, label, value, unit, comparator, comparator_value, verdict, section] = cells;
            let [a, b, c, d, e] = doc.clone();
            rows.push([
                a,
                b,
                c,
                d,
                e,
                item.to_string(),
                label.to_string(),
                value.to_string(),
                unit.to_string(),
                comparator.to_string(),
                comparator_value.to_string(),
                verdict.to_string(),
                section.to_string(),
                span.map(|s| evidence_line(input, s, cap)).unwrap_or_default(),
            ]);
        };
        if let Some(o) = &r.overall {
            row(["overall_rating", "Overall rating", o.rating.as_str(), "", "", "", "", ""], Some(o.span));
        }
        // An area inspection's theme and inspectorates (Area SEND, JTAI).
        if let Some(t) = &r.theme {
            row(["theme", "Theme", t, "", "", "", "", ""], None);
        }
        if let Some(a) = inspectorates(r) {
            row(["inspectorates", "Inspectorates", &a, "", "", "", "", ""], None);
        }
        for sc in &r.scores {
            row(["score", &sc.statement, &sc.score.to_string(), "score", "", "", &sc.label, &sc.theme], Some(sc.span));
        }
        if let Some(c) = &r.computed_rating {
            let rating = c.rating.map_or_else(|| "between bands".into(), |g| g.to_string());
            row(["computed_rating", "Rating recomputed from scores", &csv_number(c.percent), "percent", "", "", &rating, ""], None);
        }
        for j in &r.judgements {
            row(["judgement", &j.area, j.grade.as_str(), "", "", "", "", ""], Some(j.span));
        }
        for m in &r.metrics {
            let (comp, comp_value) =
                m.comparator.as_ref().map_or((String::new(), String::new()), |c| (c.label.clone(), csv_number(c.value)));
            let verdict = m.judgement.map(Verdict::as_str).or(m.direction.map(Direction::as_str)).unwrap_or_default();
            row(["metric", &m.label, &csv_number(m.value), m.unit.as_str(), &comp, &comp_value, verdict, ""], Some(m.span));
        }
        for (item, list) in [("gap", &r.gaps), ("strength", &r.strengths)] {
            for g in list {
                // The body an area inspection's item is addressed to, beside its list.
                let section = match (g.place(), &g.agency) {
                    (Some(p), Some(a)) => format!("{p} ({a})"),
                    (p, a) => p.or_else(|| a.clone()).unwrap_or_default(),
                };
                row([item, g.origin.as_str(), &g.text, "", "", "", "", &section], Some(g.span));
            }
        }
        for w in &r.warnings {
            row(["warning", "", w, "", "", "", "", ""], None);
        }
    }
    csv_text(&CSV_HEADER, rows)
}

/// An area inspection's inspectorates ("Ofsted, CQC, HMICFRS"); `None` for other kinds.
fn inspectorates(r: &Report) -> Option<String> {
    (matches!(r.kind, Kind::AreaSend | Kind::Jtai) && !r.agencies.is_empty()).then(|| r.agencies.join(", "))
}

/// A readable summary of one report.
pub fn to_markdown(r: &Report) -> String {
    let mut s = markdown_head(r);
    if !r.gaps.is_empty() {
        s.push_str("\n## Gaps\n\n");
        for g in &r.gaps {
            s.push_str(&format!("- {}\n", md(&g.text)));
        }
    }
    markdown_warnings(r, &mut s, usize::MAX);
    s
}

/// The short summary a user pastes into an e-mail or a paper ("Copy summary"): the document,
/// its ratings, scores and judgements, the priorities, how many gaps, strengths and figures
/// the page holds beside them, and the first warnings.
pub fn to_summary_markdown(r: &Report) -> String {
    let mut s = markdown_head(r);
    let counts = [
        super::format::plural(r.gaps.len(), "gap", "gaps"),
        super::format::plural(r.strengths.len(), "strength", "strengths"),
        super::format::plural(r.metrics.len(), "figure", "figures"),
    ];
    s.push_str(&format!("\nIn full: {} (Assessment Lens, from {}).\n", counts.join(", "), md(&r.source)));
    markdown_warnings(r, &mut s, 3);
    s
}

/// The report's warnings as a list, the first `most` of them and how many more.
fn markdown_warnings(r: &Report, s: &mut String, most: usize) {
    if r.warnings.is_empty() {
        return;
    }
    s.push_str("\n## Warnings\n\n");
    for w in r.warnings.iter().take(most) {
        s.push_str(&format!("- {}\n", md(w)));
    }
    if r.warnings.len() > most {
        s.push_str(&format!("- … and {} more\n", r.warnings.len() - most));
    }
}

/// The Markdown both renderings open with: the document, ratings, scores, judgements and
/// the priorities.
fn markdown_head(r: &Report) -> String {
    let mut s = String::new();
    let title = r.subject().map_or_else(|| r.source.clone(), str::to_string);
    s.push_str(&format!("# {}\n\n", md(&title)));
    s.push_str(&format!("- Document: {} ({})\n", r.kind.title(), md(&r.source)));
    if let Some(p) = &r.published {
        s.push_str(&format!("- Published: {p}\n"));
    }
    if let Some(p) = &r.period {
        s.push_str(&format!("- Period: {}\n", md(p)));
    }
    if let Some(j) = r.judgements.iter().find(|j| j.is_area_outcome()) {
        s.push_str(&format!("- {}: **{}**\n", j.area, j.grade));
    }
    if let Some(p) = &r.provider {
        let what = [p.service_type.clone(), p.registered_provider.as_ref().map(|v| format!("run by {v}")), p.reference.clone()];
        let what: Vec<String> = what.into_iter().flatten().collect();
        s.push_str(&format!(
            "- Inspected by: {}{}\n",
            p.regulator.as_str(),
            if what.is_empty() { String::new() } else { format!(" ({})", md(&what.join(", "))) }
        ));
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
            let score = j.score.map(|n| format!(" (scored {n} of 100)")).unwrap_or_default();
            s.push_str(&format!("| {} | {}{score} |\n", md(&j.area), j.grade));
        }
    }
    if !r.priorities.is_empty() {
        s.push_str("\n## Priorities\n");
        let mut n = 0;
        for (theme, items) in super::priorities::by_theme(&r.priorities) {
            s.push_str(&format!("\n**{}**\n\n", md(theme)));
            for p in items {
                n += 1;
                let whose = p.agency.as_ref().map(|a| format!(" *(for {})*", md(a))).unwrap_or_default();
                s.push_str(&format!("{n}. {}{whose}\n", md(&p.text)));
            }
        }
    }
    s
}

/// The priorities as an action plan for a spreadsheet: number, theme, gap, origin, the body
/// the report says must act (area inspections), evidence, and empty owner / due date / status
/// columns.
pub fn to_action_plan_csv(r: &Report, input: &str) -> String {
    let rows = r.priorities.iter().enumerate().map(|(k, p)| {
        let ev = evidence_line(input, p.span, EVIDENCE_CHARS);
        [
            (k + 1).to_string(),
            p.theme.clone(),
            p.text.clone(),
            p.origin.as_str().to_string(),
            p.agency.clone().unwrap_or_default(),
            ev,
            String::new(),
            String::new(),
            String::new(),
        ]
    });
    csv_text(&["priority", "theme", "gap", "origin", "addressed to", "evidence", "owner", "due date", "status"], rows)
}

/// One row per report, for a researcher batching a folder: the document (source, council,
/// kind, framework, visit, date, period), its overall rating, a column per quality statement
/// and per judgement area (every one any of the reports has, in the order first met; a report
/// without it leaves the cell empty), then how many gaps, strengths, figures, priorities and
/// warnings it has.
pub fn to_summary_csv(reports: &[&Report]) -> String {
    let mut statements: Vec<&str> = Vec::new();
    let mut areas: Vec<&str> = Vec::new();
    for r in reports {
        for sc in &r.scores {
            if !statements.contains(&sc.statement.as_str()) {
                statements.push(&sc.statement);
            }
        }
        for j in &r.judgements {
            if !areas.contains(&j.area.as_str()) {
                areas.push(&j.area);
            }
        }
    }
    let mut header: Vec<String> =
        ["source", "council", "report_kind", "framework", "visit", "date", "period", "overall_rating"].map(String::from).to_vec();
    header.extend(statements.iter().map(|s| format!("score: {s}")));
    header.extend(areas.iter().map(|a| format!("judgement: {a}")));
    header.extend(["gaps", "strengths", "figures", "priorities", "warnings"].map(String::from));
    let rows = reports.iter().map(|r| {
        let mut row = doc_cells(r).to_vec();
        row.extend([
            r.visit_type.map(|v| v.as_str().to_string()).unwrap_or_default(),
            r.published.clone().unwrap_or_default(),
            r.period.clone().unwrap_or_default(),
            r.overall.as_ref().map(|o| o.rating.as_str().to_string()).unwrap_or_default(),
        ]);
        row.extend(
            statements.iter().map(|st| r.scores.iter().find(|sc| sc.statement == *st).map(|sc| sc.score.to_string()).unwrap_or_default()),
        );
        row.extend(
            areas.iter().map(|a| r.judgements.iter().find(|j| j.area == *a).map(|j| j.grade.as_str().to_string()).unwrap_or_default()),
        );
        row.extend([r.gaps.len(), r.strengths.len(), r.metrics.len(), r.priorities.len(), r.warnings.len()].map(|n| n.to_string()));
        row
    });
    csv_text(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows)
}

/// "Since last time" as the contract's JSON (`docs/CONTRACT.md`, "Since last time"): the
/// latest report against the one before it, with the whole series and the figures added.
pub fn since_to_json(s: &Since) -> serde_json::Value {
    use serde_json::json;
    let n = s.docs.len();
    let (e, l) = (n.checked_sub(2), n.checked_sub(1));
    let doc = |k: Option<usize>| {
        k.and_then(|k| s.docs.get(k)).map(|d| {
            json!({ "source": d.source, "kind": s.kind.as_str(), "framework": d.framework, "published": d.published,
                    "date": d.date, "period": d.period })
        })
    };
    let grades: Vec<serde_json::Value> = s
        .grades
        .iter()
        .map(|row| {
            let cell = |k: Option<usize>| k.and_then(|k| row.cells.get(k)).and_then(|c| c.as_ref());
            let (a, b) = (cell(e), cell(l));
            let change = match (a, b) {
                (Some(a), Some(b)) => Some(super::since::Change::of(a.rank, b.rank).as_str()),
                _ => None,
            };
            json!({ "area": row.area, "earlier_area": a.map(|c| &c.area), "earlier_grade": a.map(|c| &c.text),
                    "later_area": b.map(|c| &c.area), "later_grade": b.map(|c| &c.text), "change": change })
        })
        .collect();
    let items: Vec<serde_json::Value> = s
        .follow_through
        .iter()
        .map(|f| {
            let ev = f.evidence.as_ref();
            json!({ "text": f.text, "section": f.section, "earlier_span": [f.span.0, f.span.1], "status": f.status.as_str(),
                    "later_evidence": ev.map(|m| json!({ "text": m.text, "span": [m.span.0, m.span.1], "kind": evidence_kind(m) })),
                    "similarity": ev.map(|m| m.similarity), "shared_words": ev.map(|m| m.shared.clone()).unwrap_or_default(),
                    "also_close": f.also.iter().map(|m| json!({ "text": m.text, "span": [m.span.0, m.span.1], "kind": evidence_kind(m), "similarity": m.similarity })).collect::<Vec<_>>() })
        })
        .collect();
    json!({
        "authority": s.council,
        "earlier": doc(e),
        "later": doc(l),
        "grades": grades,
        "items": items,
        "new_gaps": s.new_gaps.iter().map(|g| json!({ "text": g.text, "section": g.section, "span": [g.span.0, g.span.1] })).collect::<Vec<_>>(),
        "on_last_inspection": s.about_last.iter().map(|q| json!({ "text": q.text, "span": [q.span.0, q.span.1] })).collect::<Vec<_>>(),
        "metrics": s.metrics,
        "reports": s.docs,
        "grades_over_time": s.grades,
        "warnings": s.warnings,
    })
}

/// "Since last time" as CSV: one row per earlier stated gap (its text, status, the similarity
/// and shared words that decided it, the later report's words), then one row per new stated gap
/// of the later report — to paste into a scrutiny paper.
pub fn since_to_csv(s: &Since) -> String {
    let name = |k: usize| s.docs.get(k).map(|d| d.source.clone()).unwrap_or_default();
    let (earlier, later) = (name(s.docs.len().saturating_sub(2)), name(s.docs.len().saturating_sub(1)));
    let council = s.council.clone().unwrap_or_default();
    let header = [
        "council",
        "earlier_report",
        "later_report",
        "row",
        "section",
        "earlier_gap",
        "status",
        "similarity",
        "shared_words",
        "later_evidence",
        "later_evidence_kind",
        "status_by",
        "analyser_status",
        "also_close",
    ];
    let follow = s.follow_through.iter().map(|f| {
        let ev = f.evidence.as_ref();
        vec![
            council.clone(),
            earlier.clone(),
            later.clone(),
            "earlier gap".into(),
            f.section.clone().unwrap_or_default(),
            head(&f.text, EVIDENCE_CHARS).to_string(),
            f.given().label().into(),
            ev.map(|m| format!("{:.2}", m.similarity)).unwrap_or_default(),
            ev.map(|m| m.shared.join(" ")).unwrap_or_default(),
            ev.map(|m| head(&m.text, EVIDENCE_CHARS).to_string()).unwrap_or_default(),
            ev.map(|m| evidence_kind(m).to_string()).unwrap_or_default(),
            if f.checked.is_some() { "reader" } else { "analyser" }.into(),
            f.status.label().into(),
            f.also.iter().map(|m| format!("{} ({})", head(&m.text, EVIDENCE_CHARS), evidence_kind(m))).collect::<Vec<_>>().join(" | "),
        ]
    });
    let new = s.new_gaps.iter().map(|g| {
        vec![
            council.clone(),
            earlier.clone(),
            later.clone(),
            "new gap".into(),
            g.section.clone().unwrap_or_default(),
            String::new(),
            "New".into(),
            String::new(),
            String::new(),
            head(&g.text, EVIDENCE_CHARS).to_string(),
            "stated list".into(),
            String::new(),
            String::new(),
            String::new(),
        ]
    });
    csv_text(&header, follow.chain(new).collect::<Vec<_>>())
}

fn evidence_kind(m: &Match) -> &'static str {
    match (m.origin, m.class) {
        (Origin::StatedList, _) => "stated list",
        (_, Some(Class::Gap)) => "finding (gap)",
        (_, Some(Class::Strength)) => "finding (strength)",
        _ => "finding",
    }
}

/// "Since last time" as Markdown: grades over time, what the later report says of the last
/// inspection, the follow-through table, new gaps and the figures both state.
pub fn since_to_markdown(s: &Since) -> String {
    let cell = |t: &str| t.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("# Since last time: {}\n\n", s.council.as_deref().unwrap_or("one council"));
    for w in &s.warnings {
        out += &format!("> {w}\n");
    }
    if !s.warnings.is_empty() {
        out.push('\n');
    }
    let heads: Vec<String> = s.docs.iter().map(|d| cell(d.date.as_deref().unwrap_or(&d.source))).collect();
    if !s.grades.is_empty() {
        out += &format!("## Grades over time\n\n| Area | {} | Change |\n|---|{}---|\n", heads.join(" | "), "---|".repeat(heads.len()));
        for row in &s.grades {
            let cells: Vec<String> = row.cells.iter().map(|c| c.as_ref().map(|c| cell(&c.text)).unwrap_or_else(|| "—".into())).collect();
            let change = row.change.map(|c| format!("{} {}", c.arrow(), c.as_str())).unwrap_or_default();
            out += &format!("| {} | {} | {} |\n", cell(&row.area), cells.join(" | "), change);
        }
        out.push('\n');
    }
    if !s.about_last.is_empty() {
        out += "## What the later report says about the last inspection\n\n";
        for q in &s.about_last {
            out += &format!("- {}\n", cell(&q.text));
        }
        out.push('\n');
    }
    let (r, i, n) = s.counts();
    let checked = match s.checked() {
        0 => String::new(),
        k => format!(" A reader checked the statuses and changed {k}; those are marked \"checked\"."),
    };
    out += &format!("## The earlier report's gaps\n\n{r} recur, {i} improved, {n} not mentioned.{checked} {}\n\n", super::since::HOW_READ);
    if !s.follow_through.is_empty() {
        out += "| Earlier gap | Status | Later report's words | Similarity (shared words) |\n|---|---|---|---|\n";
        for f in &s.follow_through {
            let (words, sim) = match &f.evidence {
                Some(m) => (cell(head(&m.text, EVIDENCE_CHARS)), format!("{:.2} ({})", m.similarity, m.shared.join(", "))),
                None => ("—".into(), "—".into()),
            };
            let status = match f.checked {
                Some(c) => format!("{} (checked; the analyser said {})", c.label(), f.status.label().to_lowercase()),
                None => f.status.label().to_string(),
            };
            out += &format!("| {} | {status} | {} | {} |\n", cell(&f.text), words, sim);
        }
        out.push('\n');
    }
    if !s.new_gaps.is_empty() {
        out += "## New in the later report\n\n";
        for g in &s.new_gaps {
            out += &format!("- {}\n", cell(&g.text));
        }
        out.push('\n');
    }
    if !s.metrics.is_empty() {
        out += "## Figures in both\n\n| Figure | Earlier | Later | Change |\n|---|---|---|---|\n";
        for m in &s.metrics {
            let better = match m.better {
                Some(true) => " (better)",
                Some(false) => " (worse)",
                None => "",
            };
            out += &format!("| {} | {} | {} | {:+}{better} |\n", cell(&m.label), m.earlier, m.later, m.change);
        }
    }
    out
}

/// A council in England (the official record) as Markdown: the national distribution, the
/// council's ILACS history and its statistical neighbours, each dated and sourced.
pub fn england_to_markdown(e: &England) -> String {
    let word = |g: Option<Grade>| g.map(|g| g.as_str().to_string()).unwrap_or_else(|| "—".into());
    let dated = format!("as at {} (Ofsted official statistics)", e.as_at);
    let mut out = format!("# {} in England\n\n", e.council.name);
    out += &format!("{}\n\n", e.note);
    out += &format!("## Latest overall effectiveness of every council, {dated}\n\n| Grade | Councils |\n|---|---|\n");
    for (g, n) in e.distribution {
        let this = if e.council.latest.as_ref().and_then(|l| l.overall()) == Some(g) { " (this council)" } else { "" };
        out += &format!("| {} | {n}{this} |\n", g.as_str());
    }
    if e.without_grade > 0 {
        out += &format!("| No grade | {} |\n", e.without_grade);
    }
    out += &format!("\n## {}'s ILACS inspections since 2018, {dated}\n\n| Inspected | Type | Overall |\n|---|---|---|\n", e.council.name);
    for h in &e.council.history {
        out += &format!("| {} | {} | {} |\n", h.inspected, h.kind, word(h.overall()));
    }
    for v in e.council.visits.iter().filter(|v| v.theme.is_some()) {
        out += &format!("| {} | {} ({}) | — |\n", v.inspected, v.kind, v.theme.as_deref().unwrap_or_default());
    }
    out += &format!(
        "\n## Statistical neighbours (DfE 2025), latest grades {dated}\n\n| Statistical neighbour | Closeness | Inspected | Overall | Leaders | Help and protection | Children in care | Care leavers |\n|---|---|---|---|---|---|---|---|\n"
    );
    for n in &e.neighbours {
        let l = n.council.latest.as_ref();
        let g = |k: usize| word(l.and_then(|l| l.grades[k]));
        out += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            n.council.name,
            n.closeness,
            l.map(|l| l.inspected.as_str()).unwrap_or("—"),
            g(0),
            g(1),
            g(2),
            g(3),
            g(4)
        );
    }
    out += &format!("\nSource: {}. Crown copyright, Open Government Licence v3.0.\n", e.source);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_json_names() {
        use crate::analysis::Kind;
        for k in [
            Kind::CqcLaAssessment,
            Kind::OfstedIlacs,
            Kind::AreaSend,
            Kind::Jtai,
            Kind::ProviderInspection,
            Kind::CommitteePapers,
            Kind::Unknown,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn csv_numbers_are_numbers() {
        assert_eq!(csv_number(68.42), "68.42");
        assert_eq!(csv_number(3590.0), "3590");
        assert_eq!(csv_number(-2.5), "-2.5");
        assert_eq!(csv_number(f64::NAN), "");
    }

    #[test]
    fn the_short_summary_leaves_the_long_lists_out() {
        let input = "Overall effectiveness: inadequate\n\nWhat needs to improve?\n\n- Stability of the workforce.\n\nPlans are poor. Visits are late. Leaders are weak.\n";
        let r = crate::analysis::analyse(input);
        let short = to_summary_markdown(&r);
        let full = to_markdown(&r);
        assert!(short.contains("## Priorities"), "{short}");
        assert!(!short.contains("## Gaps"));
        assert!(full.contains("## Gaps"));
        assert!(short.contains(&format!("In full: {} gap", r.gaps.len())), "{short}");
    }

    #[test]
    fn action_plan_has_one_row_per_priority_and_empty_owner_columns() {
        let input = "What needs to improve?\n\n- Stability of the workforce, for children.\n";
        let r = crate::analysis::analyse(input);
        let csv = to_action_plan_csv(&r, input);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "\u{feff}priority,theme,gap,origin,addressed to,evidence,owner,due date,status");
        assert_eq!(lines[1], "1,What needs to improve?,\"Stability of the workforce, for children.\",stated_list,,\"Stability of the workforce, for children.\",,,");
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
    fn an_area_inspections_priorities_say_who_must_act_in_the_markdown_and_the_action_plan() {
        let input = "Joint targeted area inspection of the multi-agency response to children at risk in Anytown\n\n\
                     What needs to improve?\n\n\u{25fc} West Midlands Police need to take urgent action to improve their response.\n\
                     \u{25fc} The quality of referrals to the MASH.\n";
        let r = crate::analysis::analyse(input);
        let md = to_markdown(&r);
        assert!(md.contains("1. West Midlands Police need to take urgent action to improve their response. *(for West Midlands Police)*\n2. The quality of referrals to the MASH.\n"), "{md}");
        let plan = to_action_plan_csv(&r, input);
        let rows: Vec<&str> = plan.lines().collect();
        assert!(rows[1].contains(",stated_list,West Midlands Police,"), "{}", rows[1]);
        assert!(rows[2].contains(",stated_list,,"), "{}", rows[2]);
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
        assert!(
            csv.contains("\npasted text,Bury Local Area Partnership,area_send,Area SEND 2023,12 to 16 February 2024,inspectorates,Inspectorates,\"Ofsted, CQC\","),
            "{csv}"
        );
        assert!(csv.contains(",Inspection outcome,"), "{csv}");
        assert!(csv.contains(",Areas for priority action (Bury Metropolitan Borough Council and NHS Greater Manchester ICB),"), "{csv}");
    }
}
