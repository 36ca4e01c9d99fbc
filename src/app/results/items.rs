//! The Gaps and Strengths tabs: items grouped by the section they come from, each with its
//! origin and one click to its words; gaps can be filtered by origin and saved as an action plan.

use std::sync::Arc;

use leptos::prelude::*;

use crate::analysis::{Item, Origin, Span};
use crate::app::choice::{Choice, Choosable};
use crate::app::{action_plan, download, Document};

/// Where an item came from, for people.
fn origin_label(origin: Origin) -> &'static str {
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
    let who = doc.report.authority.as_deref().unwrap_or("report");
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
            <button type="button" data-testid="export-action-plan" on:click=save>"Download action plan (CSV)"</button>
        </div>
        {shown}
    }
}

/// Items in groups by their section (or, without one, their origin), in first-seen order.
fn grouped(items: Vec<Item>) -> Vec<(String, Vec<Item>)> {
    let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
    for it in items {
        let key = it.place().unwrap_or_else(|| origin_label(it.origin).to_string());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(it),
            None => groups.push((key, vec![it])),
        }
    }
    groups
}

/// How many items a list shows at first, and how many more each "Show more" adds: a real
/// report's list is shorter; thousands of items at once would hold the page while they are laid out.
pub const ITEMS_PER_PAGE: usize = 300;

/// Items grouped by their section, each with its origin and one click to its words; the first
/// [`ITEMS_PER_PAGE`], then more on request.
#[component]
pub fn ItemsByGroup(items: Vec<Item>, testid: &'static str, empty: &'static str, on_evidence: Callback<Span>) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="card">{empty}</p> }.into_any();
    }
    let total = items.len();
    let items = StoredValue::new(items);
    let (limit, set_limit) = signal(ITEMS_PER_PAGE);
    let group = move |(title, items): (String, Vec<Item>)| {
        view! {
            <section class="card group">
                <h4>{title}</h4>
                <ul class="items">{items.into_iter().map(|it| item(it, testid, on_evidence)).collect_view()}</ul>
            </section>
        }
    };
    let shown =
        move || items.with_value(|all| grouped(all.iter().take(limit.get()).cloned().collect()).into_iter().map(group).collect_view());
    let shown_count = Signal::derive(move || limit.get().min(total));
    view! { <div class="groups">{shown}</div><ShowMore shown=shown_count total=Signal::derive(move || total) set_limit=set_limit testid=format!("{testid}-more")/> }.into_any()
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
            {it.cue.map(|c| view! { <span class="cue">" — cue: “" {c} "”"</span> })}
        </li>
    }
}
