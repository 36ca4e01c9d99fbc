//! The Gaps and Strengths tabs: items grouped by the section they come from (groups fold, with
//! counts; repeats merged), each with its origin and one click to its words; finding sentences
//! surest first, those the classifier is unsure of behind a button; gaps can be filtered by
//! origin, and the priorities saved as an action plan.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::classify::CONFIDENT;
use crate::analysis::format::plural;
use crate::analysis::{Item, Origin, Span};
use crate::app::choice::{Choice, Choosable};
use crate::app::{action_plan, download, Document};

/// Where an item came from, for people.
pub(super) fn origin_label(origin: Origin) -> &'static str {
    match origin {
        Origin::StatedList => "Stated in the report",
        Origin::Score => "Score",
        Origin::Judgement => "Judgement",
        Origin::Comparison => "Comparison",
        Origin::Finance => "Finance",
        Origin::Waiting => "Waiting",
        Origin::Finding => "Finding",
    }
}

/// Which gaps the Gaps tab shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum GapFilter {
    All,
    From(Origin),
}

impl GapFilter {
    const CHOICES: [GapFilter; 8] = [
        GapFilter::All,
        GapFilter::From(Origin::StatedList),
        GapFilter::From(Origin::Score),
        GapFilter::From(Origin::Judgement),
        GapFilter::From(Origin::Comparison),
        GapFilter::From(Origin::Finance),
        GapFilter::From(Origin::Waiting),
        GapFilter::From(Origin::Finding),
    ];

    fn keeps(self, item: &Item) -> bool {
        match self {
            GapFilter::All => true,
            GapFilter::From(o) => item.origin == o,
        }
    }
}

impl Choosable for GapFilter {
    fn value(&self) -> String {
        match self {
            GapFilter::All => "all".into(),
            GapFilter::From(o) => o.as_str().into(),
        }
    }

    fn label(&self) -> String {
        let words = match self {
            GapFilter::All => "all gaps",
            GapFilter::From(Origin::StatedList) => "stated in the report",
            GapFilter::From(Origin::Score) => "from scores",
            GapFilter::From(Origin::Judgement) => "from judgements",
            GapFilter::From(Origin::Comparison) => "from comparisons",
            GapFilter::From(Origin::Finance) => "from spending",
            GapFilter::From(Origin::Waiting) => "from waits",
            GapFilter::From(Origin::Finding) => "from findings",
        };
        words.into()
    }
}

/// "barnsley-action-plan.csv": the council (or "report") as a safe file name.
fn action_plan_name(doc: &Document) -> String {
    let who = doc.report.subject().unwrap_or("report");
    format!("{}-action-plan.csv", crate::app::safe_file_stem(who))
}

#[component]
pub fn GapsView(doc: Arc<Document>, on_evidence: Callback<Span>) -> impl IntoView {
    let (filter, set_filter) = signal(GapFilter::All);
    let save = {
        let doc = doc.clone();
        move |_| download::text_file(&action_plan_name(&doc), "text/csv", &action_plan(&doc))
    };
    let shown = move || {
        let f = filter.get();
        let items: Vec<Item> = doc.report.gaps.iter().filter(|i| f.keeps(i)).cloned().collect();
        view! { <ItemsByGroup items=items testid="gap" empty="No gaps of this kind." on_evidence=on_evidence/> }
    };
    view! {
        <div class="controls">
            <Choice label="Show " testid="gaps-filter" options=GapFilter::CHOICES.to_vec() set=set_filter/>
            <button type="button" data-testid="export-action-plan" on:click=save>"Download action plan of the priorities (CSV)"</button>
        </div>
        {shown}
    }
}

/// Items in groups by their section (or, without one, their origin), in first-seen order;
/// within a group the report's own and derived items keep their order and finding sentences
/// follow, surest first.
fn grouped(items: Vec<Item>) -> Vec<(String, Vec<Item>)> {
    grouped_by(items, |it| it)
}

/// [`grouped`] over anything that holds an item.
fn grouped_by<T>(items: Vec<T>, item: impl Fn(&T) -> &Item) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for t in items {
        let it = item(&t);
        let key = it.place().unwrap_or_else(|| origin_label(it.origin).to_string());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(t),
            None => groups.push((key, vec![t])),
        }
    }
    let confidence = |t: &T| item(t).confidence.unwrap_or(2.0);
    for (_, v) in groups.iter_mut() {
        // Stable: stated and derived items (no confidence) first, in the report's order.
        v.sort_by(|a, b| confidence(b).total_cmp(&confidence(a)));
    }
    groups
}

/// Is this a finding the classifier is unsure of (listed behind "show less certain")?
fn unsure(it: &Item) -> bool {
    it.origin == Origin::Finding && it.confidence.is_some_and(|c| c < CONFIDENT)
}

/// How many items a list shows at first, and how many more each "Show more" adds: a real
/// report's list is shorter; thousands of items at once would hold the page while they are laid
/// out (300 list items took 0.1 s to lay out here, twice that on a slower machine).
pub const ITEMS_PER_PAGE: usize = 100;

/// Items grouped by their section, each group folding with its count, each item with its
/// origin and one click to its words: the sure ones first (up to [`ITEMS_PER_PAGE`], then more
/// on request), the findings the classifier is unsure of behind a button. "Show more" only adds
/// the new items (keyed lists): the ones shown are not laid out again.
#[component]
pub fn ItemsByGroup(items: Vec<Item>, testid: &'static str, empty: &'static str, on_evidence: Callback<Span>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="card">{empty}</p> }.into_any();
    }
    // An item whose words repeat an earlier one's is merged into it (a report pasted twice).
    let mut seen = std::collections::HashSet::new();
    let items = items.into_iter().filter(|i| seen.insert(crate::analysis::format::words_key(&i.text)));
    let (sure, less): (Vec<Item>, Vec<Item>) = items.partition(|i| !unsure(i));
    let total = sure.len();
    let n_less = less.len();
    // The groups of all the sure items, each item with its place in the list: the first
    // `limit` of the list, grouped, are the items placed before `limit` (grouping keeps
    // first-seen order and sorts stably, so both give the same groups in the same order).
    let placed: Vec<(usize, Item)> = sure.into_iter().enumerate().collect();
    let groups = StoredValue::new(grouped_by(placed, |(_, it)| it));
    let less = StoredValue::new(less);
    let (limit, set_limit) = signal(ITEMS_PER_PAGE);
    let (show_less, set_show_less) = signal(false);
    let first_place = move |g: usize| groups.with_value(|gs| gs[g].1.first().map_or(usize::MAX, |(k, _)| *k));
    let visible_in = move |g: usize| groups.with_value(|gs| gs[g].1.iter().filter(|(k, _)| *k < limit.get()).count());
    let sure_group = move |g: usize| {
        let title = groups.with_value(|gs| gs[g].0.clone());
        // The group's items shown, by their index in the group.
        let places = move || {
            let limit = limit.get();
            groups.with_value(|gs| gs[g].1.iter().enumerate().filter(|(_, (k, _))| *k < limit).map(|(j, _)| j).collect::<Vec<_>>())
        };
        let place_item = move |j: usize| groups.with_value(|gs| item(gs[g].1[j].1.clone(), testid, on_evidence));
        view! {
            <details class="card group" open data-testid=format!("{testid}-group")>
                <summary><h4>{title}</h4><span class="count" data-testid=format!("{testid}-group-count")>{move || visible_in(g)}</span></summary>
                <ul class="items">
                    <For each=places key=|j| *j children=place_item/>
                </ul>
            </details>
        }
    };
    let n_groups = groups.with_value(Vec::len);
    let shown_groups = move || (0..n_groups).filter(|g| first_place(*g) < limit.get()).collect::<Vec<_>>();
    let shown_count = Signal::derive(move || limit.get().min(total));
    let less_group = move |(title, items): (String, Vec<Item>)| {
        let n = items.len();
        view! {
            <details class="card group" open data-testid=format!("{testid}-group")>
                <summary><h4>{title}</h4><span class="count" data-testid=format!("{testid}-group-count")>{n}</span></summary>
                <ul class="items">{items.into_iter().map(|it| item(it, testid, on_evidence)).collect_view()}</ul>
            </details>
        }
    };
    let less_view = move || {
        if n_less == 0 {
            return None;
        }
        Some(if show_less.get() {
            view! {
                <h3 class="less-title">{format!("Less certain findings ({n_less})")}</h3>
                <div class="groups less">{less.with_value(|l| grouped(l.clone()).into_iter().map(less_group).collect_view())}</div>
            }
            .into_any()
        } else {
            view! {
                <p class="more">
                    <button type="button" data-testid=format!("{testid}-show-less-certain") on:click=move |_| set_show_less.set(true)>
                        {format!("Show {} the classifier is less sure of", plural(n_less, "finding", "findings"))}
                    </button>
                </p>
            }
            .into_any()
        })
    };
    view! {
        <div class="groups">
            <For each=shown_groups key=|g| *g children=sure_group/>
        </div>
        <ShowMore shown=shown_count total=Signal::derive(move || total) set_limit=set_limit testid=format!("{testid}-more")/>
        {less_view}
    }
    .into_any()
}

/// "Showing 300 of 1,690. Show 300 more": under a list or table cut at [`ITEMS_PER_PAGE`] rows.
#[component]
pub fn ShowMore(shown: Signal<usize>, total: Signal<usize>, set_limit: WriteSignal<usize>, testid: String) -> impl IntoView {
    move || {
        let (n, total) = (shown.get(), total.get());
        let testid = testid.clone();
        (n < total).then(|| {
            view! {
                <p class="more">
                    {format!("Showing {n} of {total}. ")}
                    <button type="button" data-testid=testid on:click=move |_| set_limit.update(|l| *l += ITEMS_PER_PAGE)>
                        {format!("Show {} more", ITEMS_PER_PAGE.min(total - n))}
                    </button>
                </p>
            }
        })
    }
}

fn item(it: Item, testid: &'static str, on_evidence: Callback<Span>) -> impl IntoView {
    let span = it.span;
    view! {
        <li data-testid=testid data-origin=it.origin.as_str()>
            <span class=format!("origin o-{}", it.origin)>{origin_label(it.origin)}</span>
            <button type="button" class="link item-text" title="Show these words in the text" on:click=move |_| on_evidence.run(span)>{it.text}</button>
            {it.agency.map(|a| view! { <span class="cue" data-testid="agency">" — for " {a}</span> })}
            {it.cue.map(|c| view! { <span class="cue">" — cue: “" {c} "”"</span> })}
        </li>
    }
}
