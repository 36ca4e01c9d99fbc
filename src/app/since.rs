//! "Since last time": two or more reports of one council, lined up in time (the core's
//! [`since`](crate::analysis::since)). Offered when the loaded documents hold such a series; each
//! item is one click from its words in the report it came from.

use std::sync::Arc;

use leptos::prelude::*;

use super::{download, use_lens, Document, Lens, View};
use crate::analysis::format::plural;
use crate::analysis::since::{series, since, Since, Status, HOW_READ};
use crate::analysis::{since_to_csv, since_to_markdown, Span};

/// The loaded documents' series (each oldest first), as document lists.
pub fn series_of(docs: &[Arc<Document>]) -> Vec<Vec<Arc<Document>>> {
    let reports: Vec<&crate::analysis::Report> = docs.iter().map(|d| &d.report).collect();
    series(&reports).into_iter().map(|g| g.into_iter().filter_map(|i| docs.get(i).cloned()).collect()).collect()
}

/// A text's key for the reader's checks: FNV-1a over its bytes, the same in every session and
/// build (a check made on these two reports finds them again after a reload).
pub fn text_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// A series' name for a button or a heading: "Middlesbrough (Ofsted, 3 reports)".
pub fn series_name(docs: &[Arc<Document>]) -> String {
    let who = docs.last().and_then(|d| d.report.subject().map(str::to_string)).unwrap_or_else(|| "one council".into());
    let kind = docs.last().map(|d| d.report.kind.short()).unwrap_or_default();
    format!("{who} ({kind}, {})", plural(docs.len(), "report", "reports"))
}

/// Show `span` of document `id`: select it, then show the words (beside the results on a wide
/// screen; on a narrow one the document's Source view).
fn show_in(lens: Lens, id: u32, span: Span) {
    if lens.selected.get_untracked() != Some(id) {
        lens.selected.set(Some(id));
    }
    super::evidence::show(lens, span);
    if !lens.beside.get_untracked() {
        lens.view.set(View::Document);
    }
}

#[component]
pub fn SinceView() -> impl IntoView {
    let lens = use_lens();
    // Not a memo: comparing documents would compare their texts; lining up is cheap.
    let chosen = RwSignal::new(0usize);
    view! {
        <div data-testid="since-view">
            {move || lens.docs.with(|d| {
                let groups = series_of(d);
                if groups.is_empty() {
                    return view! {
                        <p class="card" data-testid="since-empty">
                            "Since last time needs two or more reports of one council of one kind (for example its 2020 and 2023 Ofsted inspections). Load them and this view lines them up."
                        </p>
                    }.into_any();
                }
                let pick = (groups.len() > 1).then(|| {
                    let options = groups.iter().enumerate().map(|(k, g)| view! { <option value=k.to_string()>{series_name(g)}</option> }).collect_view();
                    view! {
                        <label class="since-pick">"Council: "
                            <select data-testid="since-pick" prop:value=move || chosen.get().to_string()
                                on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>{options}</select>
                        </label>
                    }
                });
                let docs = groups.get(chosen.get().min(groups.len() - 1)).cloned().unwrap_or_default();
                drop(groups);
                view! { {pick} <Lined docs=docs/> }.into_any()
            })}
        </div>
    }
}

/// One series lined up.
#[component]
fn Lined(docs: Vec<Arc<Document>>) -> impl IntoView {
    let lens = use_lens();
    let reports: Vec<&crate::analysis::Report> = docs.iter().map(|d| &d.report).collect();
    let s: Arc<Since> = Arc::new(since(&reports));
    // The series' documents in the order `since` put them (date order).
    let ids: Vec<u32> = s.docs.iter().filter_map(|d| docs.get(d.index).map(|x| x.id)).collect();
    let (earlier_id, later_id) = (ids.len().checked_sub(2).and_then(|k| ids.get(k).copied()), ids.last().copied());
    let title = format!("Since last time: {}", series_name(&docs));
    let stem = download::safe_file_stem(&format!("since {}", s.council.as_deref().unwrap_or("last time")));
    // The reader's checks of this pair of reports, applied to a copy for the exports (made
    // only when one is asked for).
    let text_of = |id: Option<u32>| docs.iter().find(|d| Some(d.id) == id).map(|d| text_key(&d.text)).unwrap_or(0);
    let pair = (text_of(earlier_id), text_of(later_id));
    let checked = {
        let s = s.clone();
        move || {
            let mut x = (*s).clone();
            lens.since_checks.with_untracked(|m| {
                for k in 0..x.follow_through.len() {
                    x.check(k, m.get(&(pair.0, pair.1, k)).copied());
                }
            });
            x
        }
    };
    let (csv, md) = (checked.clone(), checked);
    let (stem_csv, stem_md) = (stem.clone(), stem);
    let go = move |id: Option<u32>, span: Span| {
        if let Some(id) = id {
            show_in(lens, id, span);
        }
    };
    let given = move |k: usize, analyser: Status| lens.since_checks.with(|m| m.get(&(pair.0, pair.1, k)).copied()).unwrap_or(analyser);
    let statuses: Vec<Status> = s.follow_through.iter().map(|f| f.status).collect();
    let counts = move || {
        let n = |want: Status| statuses.iter().enumerate().filter(|(k, st)| given(*k, **st) == want).count();
        let changed = lens.since_checks.with(|m| m.keys().filter(|(e, l, _)| (*e, *l) == pair).count());
        let checked = if changed > 0 { format!(" ({changed} checked by you)") } else { String::new() };
        format!("{} recur, {} improved, {} not mentioned{checked}", n(Status::Recurs), n(Status::Improved), n(Status::NotMentioned))
    };
    view! {
        <h2 class="compare-title" data-testid="since-title">{title}</h2>
        {s.warnings.iter().map(|w| view! { <p class="warning" data-testid="since-warning">{w.clone()}</p> }).collect_view()}
        <p class="buttons">
            <button type="button" class="small" data-testid="since-csv"
                on:click=move |_| download::text_file(&format!("{stem_csv}.csv"), "text/csv;charset=utf-8", &since_to_csv(&csv()))>"Since last time (CSV)"</button>
            <button type="button" class="small" data-testid="since-md"
                on:click=move |_| download::text_file(&format!("{stem_md}.md"), "text/markdown;charset=utf-8", &since_to_markdown(&md()))>"Since last time (Markdown)"</button>
        </p>
        {official_record(&s)}
        {grades(&s, &ids)}
        {(!s.about_last.is_empty()).then(|| view! {
            <div class="card" data-testid="since-about-last">
                <h3>"What the latest report says about the last inspection"</h3>
                <ul class="items">
                    {s.about_last.iter().map(|q| {
                        let span = q.span;
                        view! { <li><button type="button" class="link" on:click=move |_| go(later_id, span)>{q.text.clone()}</button></li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
        <div class="card" data-testid="since-follow">
            <h3 data-testid="since-counts">"The earlier report's gaps: " {counts}</h3>
            <p class="hint" data-testid="since-how">{HOW_READ}</p>
            <p class="hint">"Checked a status against the later report's words? Change it: the counts and the exports take yours (marked as checked). They are kept on this device only when you keep your documents."</p>
            <ol class="since-list">
                {s.follow_through.iter().enumerate().map(|(k, f)| {
                    let span = f.span;
                    let analyser = f.status;
                    let now = move || given(k, analyser);
                    let badge = move || match now() {
                        Status::Recurs => ("Recurs", "badge recurs"),
                        Status::Improved => ("Improved", "badge improved"),
                        Status::NotMentioned => ("Not mentioned", "badge unknown"),
                    };
                    let set = move |ev: leptos::ev::Event| {
                        let want = match event_target_value(&ev).as_str() {
                            "recurs" => Status::Recurs,
                            "improved" => Status::Improved,
                            _ => Status::NotMentioned,
                        };
                        lens.since_checks.update(|m| {
                            if want == analyser {
                                m.remove(&(pair.0, pair.1, k));
                            } else {
                                m.insert((pair.0, pair.1, k), want);
                            }
                        });
                    };
                    let options = [Status::Recurs, Status::Improved, Status::NotMentioned]
                        .map(|st| view! { <option value=st.as_str() selected=move || now() == st>{st.label()}</option> });
                    let by = move || if now() != analyser { format!(" checked (the analyser said {})", analyser.label().to_lowercase()) } else { String::new() };
                    let also = (!f.also.is_empty()).then(|| {
                        let rows = f.also.iter().map(|m| {
                            let span = m.span;
                            let side = match (m.origin, m.class) {
                                (crate::analysis::Origin::StatedList, _) => "its own list",
                                (_, Some(crate::analysis::Class::Gap)) => "shortfall",
                                (_, Some(crate::analysis::Class::Strength)) => "strength",
                                _ => "finding",
                            };
                            view! {
                                <li><span class="hint">{format!("{side}, {:.2}: ", m.similarity)}</span>
                                    <button type="button" class="link" data-testid="since-also-item" on:click=move |_| go(later_id, span)>{m.text.clone()}</button></li>
                            }
                        }).collect_view();
                        view! {
                            <details class="since-also" data-testid="since-also">
                                <summary>{format!("Next closest in the later report ({})", f.also.len())}</summary>
                                <ul class="items">{rows}</ul>
                            </details>
                        }
                    });
                    let later = f.evidence.as_ref().map(|m| {
                        let (span, why) = (m.span, format!("similarity {:.2}; shared: {}", m.similarity, m.shared.join(", ")));
                        view! {
                            <p class="since-later">"Later: "
                                <button type="button" class="link" data-testid="since-later" on:click=move |_| go(later_id, span)>{m.text.clone()}</button>
                                <span class="hint">" (" {why} ")"</span>
                            </p>
                        }
                    });
                    view! {
                        <li data-testid="since-item" data-status=move || now().as_str() data-analyser=analyser.as_str()>
                            <span class=move || badge().1>{move || badge().0}</span> " "
                            <button type="button" class="link" data-testid="since-earlier" on:click=move |_| go(earlier_id, span)>{f.text.clone()}</button>
                            {later}
                            {also}
                            <label class="since-check hint">"Status: "
                                <select data-testid="since-check" on:change=set>{options}</select>
                                <span data-testid="since-checked">{by}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
        {(!s.new_gaps.is_empty()).then(|| view! {
            <div class="card" data-testid="since-new">
                <h3>{format!("New in the latest report ({})", s.new_gaps.len())}</h3>
                <ul class="items">
                    {s.new_gaps.iter().map(|g| {
                        let span = g.span;
                        view! { <li><button type="button" class="link" on:click=move |_| go(later_id, span)>{g.text.clone()}</button></li> }
                    }).collect_view()}
                </ul>
            </div>
        })}
        {(!s.metrics.is_empty()).then(|| view! {
            <div class="card table-wrap" data-testid="since-metrics">
                <h3>"Figures in both"</h3>
                <table class="grades">
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"Earlier"</th><th scope="col">"Later"</th><th scope="col">"Change"</th></tr></thead>
                    <tbody>
                        {s.metrics.iter().map(|m| {
                            let better = match m.better { Some(true) => " (better)", Some(false) => " (worse)", None => "" };
                            view! { <tr><th scope="row">{m.label.clone()}</th><td>{m.earlier}</td><td>{m.later}</td><td>{format!("{:+}{better}", m.change)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

/// Grades over time: one row per area, one column per report, the change marked.
fn grades(s: &Since, ids: &[u32]) -> impl IntoView {
    let lens = use_lens();
    let heads = s.docs.iter().map(|d| view! { <th scope="col">{d.date.clone().unwrap_or_else(|| d.source.clone())}<span class="hint">{d.framework.clone().unwrap_or_default()}</span></th> }).collect_view();
    let rows = s
        .grades
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .enumerate()
                .map(|(k, c)| match (c, ids.get(k).copied()) {
                    (Some(c), Some(id)) => {
                        let span = c.span;
                        view! {
                            <td class=format!("cell s{}", c.rank) title=c.area.clone()>
                                <button type="button" class="link" on:click=move |_| show_in(lens, id, span)>{c.text.clone()}</button>
                            </td>
                        }
                        .into_any()
                    }
                    _ => view! { <td>"\u{2014}"</td> }.into_any(),
                })
                .collect_view();
            let change = row.change.map(|c| format!("{} {}", c.arrow(), c.as_str())).unwrap_or_default();
            view! { <tr data-testid="since-grade-row"><th scope="row">{row.area.clone()}</th>{cells}<td data-testid="since-change">{change}</td></tr> }
        })
        .collect_view();
    (!s.grades.is_empty()).then(|| {
        view! {
            <div class="card table-wrap" data-testid="since-grades" tabindex="0" role="region" aria-label="Grades over time">
                <h3>"Grades over time"</h3>
                <table class="grades compare-table">
                    <thead><tr><th scope="col">"Area"</th>{heads}<th scope="col">"Change"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    })
}

/// The council's ILACS inspections in the official record, beside the reports loaded.
fn official_record(s: &Since) -> Option<impl IntoView> {
    if s.kind != crate::analysis::Kind::OfstedIlacs {
        return None;
    }
    let c = crate::analysis::context::council(s.council.as_deref()?)?;
    let list: Vec<String> = c
        .history
        .iter()
        .map(|h| format!("inspected {} ({})", h.inspected, h.overall().map(|g| g.as_str()).unwrap_or("no overall grade")))
        .collect();
    let text = if list.is_empty() { "no ILACS inspection".to_string() } else { list.join("; ") };
    Some(view! {
        <p class="hint" data-testid="since-official">
            {format!("Official record for {}, as at {} (Ofsted official statistics): {text}.", c.name, crate::analysis::context::AS_AT)}
        </p>
    })
}
