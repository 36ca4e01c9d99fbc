//! Comparing the documents the user picks (all, until some are left out): councils as rows —
//! a heatmap of quality-statement scores (colour and number) and the Ofsted judgements lined up
//! across frameworks, both sortable by any column — area inspections (Area SEND
//! outcome, JTAI theme, inspectorates, how much each must improve) side by side, financial
//! facts side by side, and the figures the documents share (the same England comparator).

use std::sync::Arc;

use leptos::prelude::*;

use super::{use_lens, Document};
use crate::analysis::format::{figure, group, money, plural};
use crate::analysis::{
    statement_names, ComputedRating, Financial, Grade, JudgementTheme, Kind, Metric, Origin, Regulator, Unit, CQC_KEY_QUESTIONS,
};

fn short_name(d: &Document) -> String {
    d.report.subject().map_or_else(|| d.name.clone(), str::to_string)
}

/// A value or a dash when the document does not state it.
fn or_dash<T>(v: Option<T>, show: impl Fn(T) -> String) -> String {
    v.map(show).unwrap_or_else(|| "—".into())
}

fn percent(p: f64) -> String {
    figure(p, Unit::Percent)
}

fn people(n: u64) -> String {
    group(n as i64)
}

/// "61.1% Requires improvement", or "38.9% between Inadequate and Requires improvement".
fn recomputed(c: &ComputedRating) -> String {
    let percent = figure(c.percent, Unit::Percent);
    match (c.rating, c.between) {
        (Some(r), _) => format!("{percent} {r}"),
        (None, Some((a, b))) => format!("{percent} between {a} and {b}"),
        (None, None) => percent,
    }
}

/// A statement's name as a column heading: short, with the full name beside it for a tooltip.
fn statement_short(st: &str) -> &'static str {
    match st {
        "Assessing needs" => "Assessing needs",
        "Supporting people to live healthier lives" => "Healthier lives",
        "Equity in experience and outcomes" => "Equity",
        "Care provision, integration and continuity" => "Care provision",
        "Partnerships and communities" => "Partnerships",
        "Safe pathways, systems and transitions" => "Safe pathways",
        "Safeguarding" => "Safeguarding",
        "Governance, management and sustainability" => "Governance",
        _ => "Learning",
    }
}

/// A grade's cell colour, from its place on the scale.
fn grade_class(g: Grade) -> String {
    format!("cell s{}", g.rank())
}

#[component]
pub fn CompareView() -> impl IntoView {
    let lens = use_lens();
    // The documents left out of the comparison (new ones are in until left out).
    let left_out = RwSignal::new(std::collections::HashSet::<u32>::new());
    let picked =
        Memo::new(move |_| left_out.with(|out| lens.docs.with(|d| d.iter().filter(|x| !out.contains(&x.id)).cloned().collect::<Vec<_>>())));
    let total = move || lens.docs.with(Vec::len);
    view! {
        <div data-testid="compare-view">
            <h2 class="compare-title">{move || {
                let (n, all) = (picked.with(Vec::len), total());
                if n == all { format!("Comparing {}", plural(n, "document", "documents")) } else { format!("Comparing {n} of {all} documents") }
            }}</h2>
            <details class="card compare-pick" data-testid="compare-pick">
                <summary>"Choose the documents to compare"</summary>
                <p class="buttons">
                    <button type="button" class="small" data-testid="compare-all" on:click=move |_| left_out.set(Default::default())>"All"</button>
                    <button type="button" class="small" data-testid="compare-none"
                        on:click=move |_| left_out.set(lens.docs.with_untracked(|d| d.iter().map(|x| x.id).collect()))>"None"</button>
                </p>
                <ul class="pick-list">
                    <For each=move || lens.docs.get() key=|d| (d.id, Arc::as_ptr(d) as usize) let:doc>
                        {
                            let id = doc.id;
                            let label = format!("{} \u{2014} {}", short_name(&doc), doc.name);
                            view! {
                                <li><label>
                                    <input type="checkbox" data-testid="compare-choice" prop:checked=move || left_out.with(|o| !o.contains(&id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            left_out.update(|o| { if on { o.remove(&id); } else { o.insert(id); } });
                                        }/>
                                    " " {label}
                                </label></li>
                            }
                        }
                    </For>
                </ul>
            </details>
            {move || lens.neighbours_of.get().map(|code| view! {
                <super::results::england::NeighboursCompared code=code docs=picked.get()/>
            })}
            {move || picked.with(|docs| comparison(docs))}
        </div>
    }
}

fn comparison(docs: &[Arc<Document>]) -> impl IntoView {
    // Like with like: each table holds only the documents of its kind.
    let cqc: Vec<Arc<Document>> = docs.iter().filter(|d| !d.report.scores.is_empty()).cloned().collect();
    let ofsted: Vec<Arc<Document>> =
        docs.iter().filter(|d| d.report.kind == Kind::OfstedIlacs && !d.report.judgements.is_empty()).cloned().collect();
    let fin: Vec<Arc<Document>> = docs.iter().filter(|d| d.report.financial.is_some()).cloned().collect();
    let areas: Vec<Arc<Document>> = docs.iter().filter(|d| matches!(d.report.kind, Kind::AreaSend | Kind::Jtai)).cloned().collect();
    let by = |r: Regulator| -> Vec<Arc<Document>> {
        docs.iter().filter(|d| d.report.provider.as_ref().is_some_and(|p| p.regulator == r)).cloned().collect()
    };
    let (cqc_providers, ofsted_providers) = (by(Regulator::Cqc), by(Regulator::Ofsted));
    view! {
        {docs.is_empty().then(|| view! { <p class="card" data-testid="compare-empty">"No documents chosen: tick some above."</p> })}
        {(!cqc.is_empty()).then(|| heatmap(&cqc))}
        {(!ofsted.is_empty()).then(|| grades(&ofsted))}
        {(!areas.is_empty()).then(|| area_inspections(&areas))}
        {(!cqc_providers.is_empty()).then(|| providers(&cqc_providers, Regulator::Cqc))}
        {(!ofsted_providers.is_empty()).then(|| providers(&ofsted_providers, Regulator::Ofsted))}
        {(!fin.is_empty()).then(|| finance(&fin))}
        {shared(docs)}
    }
}

/// One column of a sortable table: its heading (and a longer title), and each row's cell:
/// the text, its colour class, and the key it sorts by (higher first).
struct Column {
    head: String,
    title: String,
    cell: CellOf,
}

/// A row's cell in a column: its text, its colour class and its sort key.
type CellOf = Arc<dyn Fn(&Document) -> (String, String, i32) + Send + Sync>;

/// Documents as rows (council, date), `columns` as columns; a click on a heading sorts the
/// rows by it (again: the other way).
fn sortable(
    docs: &[Arc<Document>],
    columns: Vec<Column>,
    testid: &'static str,
    row_testid: &'static str,
    label: &'static str,
    note: Option<fn(&Document) -> Option<String>>,
) -> impl IntoView {
    let docs = StoredValue::new(docs.to_vec());
    let columns = StoredValue::new(columns);
    let sort = RwSignal::new(None::<(usize, bool)>);
    let order = move || {
        let mut idx: Vec<usize> = (0..docs.with_value(Vec::len)).collect();
        if let Some((c, desc)) = sort.get() {
            columns.with_value(|cols| {
                docs.with_value(|ds| {
                    idx.sort_by_key(|&i| {
                        let k = (cols[c].cell)(&ds[i]).2;
                        if desc {
                            -k
                        } else {
                            k
                        }
                    })
                })
            });
        }
        idx
    };
    let heads = columns.with_value(|cols| {
        cols.iter()
            .enumerate()
            .map(|(c, col)| {
                let (head, title) = (col.head.clone(), col.title.clone());
                view! {
                    <th scope="col" aria-sort=move || match sort.get() { Some((k, true)) if k == c => "descending", Some((k, false)) if k == c => "ascending", _ => "none" }>
                        <button type="button" class="sort" title=title data-testid="compare-sort"
                            on:click=move |_| sort.update(|s| *s = Some((c, !matches!(*s, Some((k, true)) if k == c))))>{head}</button>
                    </th>
                }
            })
            .collect_view()
    });
    view! {
        <div class="card table-wrap" data-testid=testid tabindex="0" role="region" aria-label=label>
            <h3>{label}</h3>
            <table class="grades compare-table">
                <thead><tr><th scope="col">"Document"</th>{heads}</tr></thead>
                <tbody>
                    {move || order().into_iter().map(|i| docs.with_value(|ds| {
                        let d = ds[i].clone();
                        let when = d.report.published.clone().or_else(|| d.report.period.clone()).unwrap_or_default();
                        view! {
                            <tr data-testid=row_testid>
                                <th scope="row">{short_name(&d)}<span class="hint">{when}</span>
                                    {note.and_then(|f| f(&d)).map(|n| view! { <span class="hint" data-testid="official-latest">{n}</span> })}</th>
                                {columns.with_value(|cols| cols.iter().map(|col| {
                                    let (text, class, _) = (col.cell)(&d);
                                    view! { <td class=class>{text}</td> }
                                }).collect_view())}
                            </tr>
                        }
                    })).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn heatmap(docs: &[Arc<Document>]) -> impl IntoView {
    let mut columns: Vec<Column> = statement_names()
        .map(|(_, st)| Column {
            head: statement_short(st).to_string(),
            title: st.to_string(),
            cell: Arc::new(move |d: &Document| match d.report.scores.iter().find(|s| s.statement == st) {
                Some(s) => (s.score.to_string(), format!("cell s{}", s.score), i32::from(s.score)),
                None => ("\u{2014}".into(), "cell".into(), 0),
            }),
        })
        .collect();
    columns.push(Column {
        head: "Recomputed".into(),
        title: "The rating recomputed from the scores".into(),
        cell: Arc::new(|d: &Document| {
            let c = d.report.computed_rating.as_ref();
            (or_dash(c, recomputed), String::new(), c.map_or(0, |c| (c.percent * 10.0) as i32))
        }),
    });
    columns.push(Column {
        head: "Stated rating".into(),
        title: "The overall rating the report states".into(),
        cell: Arc::new(|d: &Document| {
            let o = d.report.overall.as_ref();
            (
                or_dash(o, |o| o.rating.to_string()),
                o.map_or(String::new(), |o| grade_class(o.rating)),
                o.map_or(0, |o| i32::from(o.rating.rank())),
            )
        }),
    });
    view! {
        {sortable(docs, columns, "heatmap", "heatmap-row", "Quality statement scores", None)}
        <p class="hint">"1 significant shortfalls · 2 some shortfalls · 3 good standard · 4 exceptional standard. A heading sorts by its column."</p>
    }
}

fn grades(docs: &[Arc<Document>]) -> impl IntoView {
    // The judgement areas, lined up across frameworks by what they judge.
    let mut themes: Vec<JudgementTheme> = Vec::new();
    for d in docs {
        for j in d.report.judgements.iter().filter(|j| j.scope.is_none()) {
            if let Some(t) = JudgementTheme::of(&j.area) {
                if !themes.contains(&t) {
                    themes.push(t);
                }
            }
        }
    }
    themes.sort();
    let columns: Vec<Column> = themes
        .into_iter()
        .map(|t| Column {
            head: t.short().to_string(),
            title: t.title().to_string(),
            cell: Arc::new(move |d: &Document| {
                match d.report.judgements.iter().find(|j| j.scope.is_none() && JudgementTheme::of(&j.area) == Some(t)) {
                    Some(j) => (j.grade.to_string(), grade_class(j.grade), i32::from(j.grade.rank())),
                    None => ("\u{2014}".into(), String::new(), 0),
                }
            }),
        })
        .collect();
    view! {
        {sortable(docs, columns, "compare-grades", "grades-row", "Ofsted judgements", Some(official))}
    }
}

/// Care providers side by side: CQC's overall rating and five key questions, or Ofsted's three
/// judgements (found by the words each is worded with, whatever the era's wording).
fn providers(docs: &[Arc<Document>], regulator: Regulator) -> impl IntoView {
    let grade_cell = |g: Option<Grade>| match g {
        Some(g) => (g.to_string(), grade_class(g), i32::from(g.rank())),
        None => ("\u{2014}".into(), String::new(), 0),
    };
    let mut columns: Vec<Column> = Vec::new();
    let (label, testid) = if regulator == Regulator::Cqc {
        columns.push(Column {
            head: "Overall".into(),
            title: "The overall rating".into(),
            cell: Arc::new(move |d: &Document| grade_cell(d.report.overall.as_ref().map(|o| o.rating))),
        });
        for q in CQC_KEY_QUESTIONS {
            columns.push(Column {
                head: (*q).into(),
                title: format!("Is the service {}?", q.to_lowercase()),
                cell: Arc::new(move |d: &Document| grade_cell(d.report.judgements.iter().find(|j| j.area == *q).map(|j| j.grade))),
            });
        }
        ("Care providers: CQC ratings", "compare-cqc-providers")
    } else {
        for (head, words) in [
            ("Experiences and progress", "experiences and progress"),
            ("Helped and protected", "helped and protected"),
            ("Leaders and managers", "leaders and managers"),
        ] {
            columns.push(Column {
                head: head.into(),
                title: head.into(),
                cell: Arc::new(move |d: &Document| {
                    grade_cell(d.report.judgements.iter().find(|j| j.area.to_lowercase().contains(words)).map(|j| j.grade))
                }),
            });
        }
        ("Care providers: Ofsted judgements", "compare-ofsted-providers")
    };
    sortable(docs, columns, testid, "provider-row", label, None)
}

/// How many of the report's own what-must-improve items sit under a list whose title starts
/// with `list` ("areas for priority action", "areas for improvement" / "what needs to improve").
fn stated_count(d: &Document, lists: &[&str]) -> usize {
    d.report
        .gaps
        .iter()
        .filter(|g| g.origin == Origin::StatedList)
        .filter(|g| g.section.as_deref().is_some_and(|s| lists.iter().any(|l| s.to_ascii_lowercase().starts_with(l))))
        .count()
}

/// Area SEND reports and JTAI letters side by side: what each is, its outcome or theme, who
/// inspected, and how many items each list of what must improve holds.
fn area_inspections(docs: &[Arc<Document>]) -> impl IntoView {
    type Get = fn(&Document) -> String;
    let rows: [(&str, Get); 7] = [
        ("Inspection", |d| if d.report.kind == Kind::AreaSend { "Area SEND".into() } else { "JTAI".into() }),
        ("Dates", |d| or_dash(d.report.period.as_deref(), str::to_string)),
        ("Outcome", |d| or_dash(d.report.judgements.iter().find(|j| j.is_area_outcome()), |j| j.grade.to_string())),
        ("Theme", |d| or_dash(d.report.theme.as_deref(), str::to_string)),
        ("Inspectorates", |d| if d.report.agencies.is_empty() { "—".into() } else { d.report.agencies.join(", ") }),
        ("Areas for priority action", |d| stated_count(d, &["areas for priority action", "area for priority action"]).to_string()),
        ("Areas for improvement", |d| stated_count(d, &["areas for improvement", "what needs to improve"]).to_string()),
    ];
    view! {
        <div class="card table-wrap" data-testid="compare-area" tabindex="0" role="region" aria-label="Area inspections">
            <h3>"Area inspections"</h3>
            <table class="grades">
                <thead><tr><th scope="col">""</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, get)| view! {
                        <tr data-testid="compare-area-row">
                            <th scope="row">{name}</th>
                            {docs.iter().map(|d| view! { <td>{get(d)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">"Area SEND outcomes: positive / inconsistent experiences and outcomes, or widespread and/or systemic failings (2023 on); a written statement of action required, or at a revisit sufficient progress on the significant weaknesses (2016\u{2013}22). JTAI letters carry no grade."</p>
        </div>
    }
}

fn finance(docs: &[Arc<Document>]) -> impl IntoView {
    type Get = fn(&Financial) -> String;
    let rows: [(&str, Get); 8] = [
        ("Total budget, estimated", |f| or_dash(f.total_budget_estimated, money)),
        ("Total budget, actual", |f| or_dash(f.total_budget_actual, money)),
        ("Adult social care, estimated", |f| or_dash(f.asc_budget_estimated, money)),
        ("Adult social care, actual", |f| or_dash(f.asc_spend_actual, money)),
        ("Share spent on adult social care", |f| or_dash(f.asc_share_percent, percent)),
        ("Adult social care precept", |f| or_dash(f.precept_percent, percent)),
        ("People in long-term support", |f| or_dash(f.long_term_support_people, people)),
        ("People in short-term support", |f| or_dash(f.short_term_support_people, people)),
    ];
    view! {
        <div class="card table-wrap" data-testid="compare-financial" tabindex="0" role="region" aria-label="Financial facts">
            <h3>"Financial facts"</h3>
            <table class="money">
                <thead><tr><th scope="col">""</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(label, get)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            {docs.iter().map(|d| view! { <td>{d.report.financial.as_ref().map(get).unwrap_or_default()}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A shared figure's cell: the figure and the report's verdict on it (or its direction).
fn shared_cell(m: &Metric) -> String {
    let cell = figure(m.value, m.unit);
    match (m.judgement, m.direction) {
        (Some(v), _) => format!("{cell} ({v})"),
        (None, Some(d)) => format!("{cell} ({d})"),
        (None, None) => cell,
    }
}

/// One measure across the documents: its label, the England figure and unit, and a cell per document.
struct SharedRow {
    label: String,
    england: f64,
    unit: Unit,
    cells: Vec<Option<String>>,
}

/// Figures compared with the same England figure in two or more documents.
fn shared(docs: &[Arc<Document>]) -> impl IntoView {
    let mut rows: Vec<SharedRow> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for m in &d.report.metrics {
            let Some(c) = m.comparator.as_ref().filter(|_| !m.has_target()) else { continue };
            let i = rows.iter().position(|r| (r.england - c.value).abs() < 1e-9).unwrap_or_else(|| {
                rows.push(SharedRow { label: m.label.clone(), england: c.value, unit: m.unit, cells: vec![None; docs.len()] });
                rows.len() - 1
            });
            rows[i].cells[di].get_or_insert_with(|| shared_cell(m));
        }
    }
    rows.retain(|r| r.cells.iter().filter(|c| c.is_some()).count() >= 2);
    (!rows.is_empty()).then(|| view! {
        <div class="card table-wrap" data-testid="compare-shared" tabindex="0" role="region" aria-label="Figures the documents share">
            <h3>"Figures the documents share"</h3>
            <p class="hint">"Figures set against the same England figure in two or more documents."</p>
            <table class="metrics-table">
                <thead><tr><th scope="col">"Measure"</th><th scope="col">"England"</th>{docs.iter().map(|d| view! { <th scope="col">{short_name(d)}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-testid="shared-row">
                            <th scope="row">{r.label}</th>
                            <td>{figure(r.england, r.unit)}</td>
                            {r.cells.into_iter().map(|c| view! { <td>{c.unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    })
}

/// A loaded Ofsted report's council in the official record: "Official (Ofsted, as at 31 March 2025): Good".
fn official(d: &Document) -> Option<String> {
    let c = crate::analysis::context::council(d.report.authority.as_deref()?)?;
    let g = c.latest.as_ref().and_then(|l| l.overall())?;
    Some(format!("Official (Ofsted, as at {}): {g}", crate::analysis::context::AS_AT))
}
