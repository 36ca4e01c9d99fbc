//! In-browser tests: mount the app in headless Chromium and check the DOM it renders.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

use assessment_lens::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts a fresh app in its own container and returns the container.
fn mount() -> HtmlElement {
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    // Keep the app mounted for the rest of the test run.
    std::mem::forget(handle);
    host
}

fn all(host: &Element, testid: &str) -> Vec<String> {
    let list = host.query_selector_all(&format!("[data-testid='{testid}']")).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.text_content().unwrap_or_default()).collect()
}

/// The first element with this test id, as the given type.
fn el<T: JsCast>(host: &Element, testid: &str) -> T {
    host.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .unchecked_into()
}

fn click(host: &Element, testid: &str) {
    el::<HtmlElement>(host, testid).click();
}

fn one(host: &Element, testid: &str) -> String {
    all(host, testid).into_iter().next().unwrap_or_else(|| panic!("no [data-testid={testid}]"))
}

async fn paste(host: &Element, text: &str) {
    let area: HtmlTextAreaElement = el(host, "report-text");
    area.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    // Past the debounce.
    sleep(600).await;
}

#[wasm_bindgen_test]
async fn example_is_analysed_on_first_load() {
    let host = mount();
    sleep(50).await;
    assert_eq!(one(&host, "authority"), "Middlesbrough Council");
    assert_eq!(one(&host, "overall-rating"), "Requires improvement");
    assert_eq!(one(&host, "published"), "21 February 2025");
    let rows = all(&host, "statement");
    assert_eq!(rows.len(), 9, "{rows:?}");
    assert!(rows.contains(&"Supporting people to live healthier lives".to_string()));
    let meanings = all(&host, "score-meaning");
    assert_eq!(meanings[0], "2 — Evidence shows some shortfalls");
    assert_eq!(one(&host, "computed-percent"), "61.1%");
    assert_eq!(one(&host, "computed-rating"), "Requires improvement");
    assert!(one(&host, "to-next").starts_with("1 statement score would have to rise by one to reach Good"));
}

#[wasm_bindgen_test]
async fn pasting_a_report_updates_the_scores() {
    let host = mount();
    paste(&host, include_str!("fixtures/reports/cqc-stockton-on-tees-2025.txt")).await;
    assert_eq!(one(&host, "authority"), "Stockton-on-Tees Borough Council");
    assert_eq!(one(&host, "overall-rating"), "Good");
    assert_eq!(one(&host, "computed-percent"), "63.9%");
    assert_eq!(all(&host, "score-row").len(), 9);
    // Stockton's Safeguarding score line is followed by a contradictory meaning line.
    assert!(one(&host, "warnings").contains("Safeguarding"));
}

#[wasm_bindgen_test]
async fn partial_and_mismatched_reports_are_explained() {
    let host = mount();
    paste(&host, include_str!("fixtures/variants/partial-four-statements.txt")).await;
    assert_eq!(all(&host, "score-row").len(), 4);
    assert!(one(&host, "warnings").contains("Only 4 of the 9 quality statements"));
    assert!(one(&host, "computed").contains("only 4 of the 9"));

    paste(&host, include_str!("fixtures/variants/stated-differs-from-scores.txt")).await;
    assert!(one(&host, "warnings").contains("states \"Good\""));
    assert!(one(&host, "computed").contains("differs from the stated rating"));
}

#[wasm_bindgen_test]
async fn clicking_a_statement_shows_its_words() {
    let host = mount();
    sleep(50).await;
    click(&host, "statement");
    sleep(50).await;
    // Beside the list on a wide window, in the Source view on a narrow one: either way marked.
    let marks: Vec<String> = ["pane-evidence", "active-evidence"].iter().flat_map(|t| all(&host, t)).collect();
    let shown = marks.first().cloned().unwrap_or_default();
    assert!(shown.starts_with("Assessing needs"), "{marks:?}");
    assert!(shown.ends_with("Score: 2"), "{shown:?}");
    // The text box keeps its text.
    let area: HtmlTextAreaElement = el(&host, "report-text");
    assert!(area.value().contains("Middlesbrough"));
}

#[wasm_bindgen_test]
async fn clearing_shows_the_empty_state() {
    let host = mount();
    click(&host, "clear");
    sleep(50).await;
    assert!(one(&host, "empty").contains("Paste a report"));
    assert!(all(&host, "score-row").is_empty());
}

#[wasm_bindgen_test]
async fn ofsted_grades_show_as_a_table_with_words() {
    let host = mount();
    paste(&host, include_str!("fixtures/reports/ofsted-barnsley-2023.txt")).await;
    assert_eq!(one(&host, "kind"), "Ofsted children's services inspection");
    assert_eq!(one(&host, "authority"), "Barnsley");
    assert_eq!(all(&host, "judgement-row").len(), 5);
    let grades = all(&host, "grade");
    assert_eq!(grades[1], "Requires improvement to be good");
    assert_eq!(grades[4], "Good");
    assert!(all(&host, "judgement-row")[4].starts_with("Overall effectiveness"));
    assert_eq!(one(&host, "previous-grade"), "Good (2018)");
}

#[wasm_bindgen_test]
async fn a_focused_visit_says_it_has_no_grades() {
    let host = mount();
    paste(&host, include_str!("fixtures/variants/ofsted-focused-visit.txt")).await;
    assert_eq!(one(&host, "visit-type"), "Focused visit");
    assert!(one(&host, "judgements-none").contains("give no grades"));
}

#[wasm_bindgen_test]
async fn committee_papers_show_the_meeting_outline() {
    let host = mount();
    paste(&host, include_str!("fixtures/reports/scrutiny-middlesbrough-children-2021-09.txt")).await;
    assert_eq!(one(&host, "kind"), "Committee papers");
    assert_eq!(one(&host, "meeting-body"), "Children and Young People's Social Care and Services Scrutiny Panel");
    assert_eq!(one(&host, "meeting-date"), "21 September 2021");
    let items = all(&host, "agenda-item");
    assert_eq!(items.len(), 10);
    assert!(items[3].contains("Minutes of the Previous Meeting") && items[3].contains("pages 3–10"), "{}", items[3]);
    assert!(all(&host, "decision").iter().all(|d| d.starts_with("AGREED")));
    assert!(all(&host, "decision").len() >= 4);
}

fn select(host: &Element, testid: &str, value: &str) {
    let sel: web_sys::HtmlSelectElement = el(host, testid);
    sel.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    sel.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn financial_facts_and_figures_table() {
    let host = mount();
    sleep(50).await;
    // A tab's content is made when it is first chosen.
    click(&host, "tab-figures");
    sleep(50).await;
    // Middlesbrough's financial facts: £18.95m over on the total, £3.83m over on adult social care.
    assert!(one(&host, "fin-total").contains("£256.61m"));
    assert!(one(&host, "fin-total").contains("+£18.95m over budget"));
    assert!(one(&host, "fin-asc").contains("+£3.83m over budget"));
    let rows = all(&host, "metric-row");
    assert!(rows.len() >= 13, "{}", rows.len());
    assert!(rows
        .iter()
        .any(|r| r.contains("accessing training") && r.contains("2.59%") && r.contains("England average 4.3%") && r.contains("worse")));

    select(&host, "metrics-filter", "worse");
    sleep(50).await;
    let worse = all(&host, "metric-verdict");
    assert!(!worse.is_empty() && worse.iter().all(|v| v.contains('▼')), "{worse:?}");
    assert_eq!(one(&host, "metrics-count"), format!("{} shown", worse.len()));

    select(&host, "metrics-filter", "all");
    select(&host, "metrics-source", "Skills for Care");
    sleep(50).await;
    let skills = all(&host, "metric-row");
    assert!(!skills.is_empty() && skills.iter().all(|r| r.contains("Skills for Care")), "{skills:?}");
}

/// Each element's value of an attribute, for the elements with this test id.
fn attrs(host: &Element, testid: &str, attr: &str) -> Vec<String> {
    let list = host.query_selector_all(&format!("[data-testid='{testid}']")).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into::<Element>().get_attribute(attr).unwrap_or_else(|| panic!("[data-testid={testid}] has no {attr}")))
        .collect()
}

#[wasm_bindgen_test]
async fn sorting_by_value_puts_the_largest_first() {
    let host = mount();
    sleep(50).await;
    click(&host, "tab-figures");
    sleep(50).await;
    click(&host, "sort-value");
    sleep(50).await;
    let values: Vec<f64> = attrs(&host, "metric-value", "data-value").iter().map(|v| v.parse().unwrap()).collect();
    assert!(values.len() >= 13, "{values:?}");
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
}

#[wasm_bindgen_test]
async fn gaps_view_groups_stated_and_derived_gaps() {
    let host = mount();
    paste(&host, include_str!("fixtures/reports/ofsted-middlesbrough-2023.txt")).await;
    click(&host, "tab-gaps");
    sleep(50).await;
    let panel = host.query_selector("#panel-gaps").unwrap().unwrap();
    assert!(!panel.has_attribute("hidden"));
    let gaps = all(&host, "gap");
    assert!(
        gaps.iter().any(|g| g.contains("Stated in the report")
            && g.contains("Stability of the workforce to minimise the number of allocated workers for children.")),
        "{gaps:?}"
    );
    assert!(gaps.iter().any(|g| g.starts_with("Judgement") && g.contains("Overall effectiveness: Requires improvement to be good")));
    select(&host, "gaps-filter", "stated_list");
    sleep(50).await;
    assert_eq!(all(&host, "gap").len(), 6);
    click(&host, "tab-strengths");
    sleep(50).await;
    assert!(!all(&host, "strength").is_empty());
}

/// The element with this test id inside the `i`th document entry.
fn in_entry(host: &Element, i: u32, testid: &str) -> HtmlElement {
    let entry: Element = host.query_selector_all("[data-testid='doc-entry']").unwrap().item(i).unwrap().unchecked_into();
    el(&entry, testid)
}

#[wasm_bindgen_test]
async fn renaming_or_removing_another_document_keeps_the_current_view() {
    let host = mount();
    sleep(50).await;
    click(&host, "new-document");
    sleep(50).await;
    // Back to the example, filtered to what is worse.
    host.query_selector_all("[data-testid='doc-entry'] .doc-select").unwrap().item(0).unwrap().unchecked_into::<HtmlElement>().click();
    sleep(50).await;
    click(&host, "tab-figures");
    sleep(50).await;
    select(&host, "metrics-filter", "worse");
    sleep(50).await;
    let table: Element = el(&host, "metrics");
    let worse = all(&host, "metric-row").len();
    assert!(worse > 0 && worse < 13, "{worse} rows worse");
    let unchanged = |what: &str| {
        assert_eq!(el::<web_sys::HtmlSelectElement>(&host, "metrics-filter").value(), "worse", "{what} reset the filter");
        assert!(el::<Element>(&host, "metrics").is_same_node(Some(&table)), "{what} rendered the report view again");
        assert_eq!(all(&host, "metric-row").len(), worse, "{what}");
        assert!(el::<Element>(&host, "tab-figures").get_attribute("aria-selected").as_deref() == Some("true"), "{what}");
    };

    in_entry(&host, 1, "rename").click();
    sleep(50).await;
    let input: web_sys::HtmlInputElement = el(&host, "rename-input");
    input.set_value("The other one");
    input.dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
    sleep(50).await;
    assert_eq!(all(&host, "doc-name"), ["Example: Middlesbrough CQC assessment (2025)", "The other one"]);
    unchanged("renaming another document");

    in_entry(&host, 1, "remove").click();
    sleep(50).await;
    assert_eq!(all(&host, "doc-name").len(), 1);
    unchanged("removing another document");
}

#[wasm_bindgen_test]
async fn the_comparison_follows_the_documents() {
    let host = mount();
    sleep(50).await;
    click(&host, "load-example");
    click(&host, "load-example");
    sleep(50).await;
    click(&host, "compare");
    sleep(50).await;
    let title = || el::<Element>(&host, "compare-view").query_selector("h2").unwrap().unwrap().text_content().unwrap();
    assert_eq!(title(), "Comparing 3 documents");
    in_entry(&host, 2, "remove").click();
    sleep(50).await;
    assert_eq!(title(), "Comparing 2 documents");
}

#[wasm_bindgen_test]
fn a_report_crosses_from_the_worker_intact() {
    // The worker sends its report as a JS value; the page must read back exactly that report.
    let report = assessment_lens::analyse_named("m.txt", assessment_lens::app::EXAMPLE);
    assert!(!report.metrics.is_empty() && !report.scores.is_empty());
    let back = assessment_lens::app::decode_report(assessment_lens::app::encode_report(&report)).unwrap();
    assert_eq!(back, report);
    let ofsted = assessment_lens::analyse(include_str!("fixtures/reports/ofsted-barnsley-2023.txt"));
    assert_eq!(assessment_lens::app::decode_report(assessment_lens::app::encode_report(&ofsted)).unwrap(), ofsted);
    assert!(assessment_lens::app::decode_report(wasm_bindgen::JsValue::from_str("not a report")).is_err());
}

#[wasm_bindgen_test]
async fn a_tab_is_rendered_when_first_chosen_and_kept() {
    let host = mount();
    sleep(50).await;
    // Hidden tabs hold nothing until chosen (a huge report's lists are not built for nothing).
    assert!(all(&host, "metric-row").is_empty() && all(&host, "strength").is_empty());
    click(&host, "tab-figures");
    sleep(50).await;
    select(&host, "metrics-filter", "worse");
    sleep(50).await;
    let worse = all(&host, "metric-row").len();
    assert!(worse > 0);
    // Away and back: the same rows, the filter kept.
    click(&host, "tab-gaps");
    sleep(50).await;
    click(&host, "tab-figures");
    sleep(50).await;
    assert_eq!(all(&host, "metric-row").len(), worse);
}

#[wasm_bindgen_test]
fn file_names_are_made_safe() {
    use assessment_lens::app::safe_file_stem;
    assert_eq!(safe_file_stem("Barnsley Metropolitan Borough Council"), "barnsley-metropolitan-borough-council");
    assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
    assert_eq!(safe_file_stem("a\\b:c*d?e\"f<g>h|i"), "a-b-c-d-e-f-g-h-i");
    assert_eq!(safe_file_stem("  .hidden  "), "hidden");
    assert_eq!(safe_file_stem("CON"), "report");
    assert_eq!(safe_file_stem("\u{202e}txt.exe\u{0}"), "txt-exe");
    assert_eq!(safe_file_stem("Hôpital—Saint"), "h-pital-saint");
    assert_eq!(safe_file_stem(""), "report");
    assert!(safe_file_stem(&"x".repeat(500)).len() <= 60);
}

#[wasm_bindgen_test]
async fn newer_typing_supersedes_an_analysis_under_way() {
    let host = mount();
    sleep(50).await;
    let area: HtmlTextAreaElement = el(&host, "report-text");
    let input = |text: &str| {
        area.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    };
    input(include_str!("fixtures/reports/ofsted-barnsley-2023.txt"));
    // Past the debounce: Barnsley's analysis is under way when the next text arrives.
    sleep(260).await;
    assert_eq!(all(&host, "analysing").len(), 1, "the analysis shows while it runs");
    input(include_str!("fixtures/reports/cqc-stockton-on-tees-2025.txt"));
    sleep(700).await;
    assert_eq!(one(&host, "authority"), "Stockton-on-Tees Borough Council");
    assert!(area.value().starts_with(&include_str!("fixtures/reports/cqc-stockton-on-tees-2025.txt")[..200]));
    assert!(all(&host, "analysing").is_empty());
}

#[wasm_bindgen_test]
async fn cancel_stops_the_analysis_and_keeps_the_last_report() {
    let host = mount();
    sleep(50).await;
    let area: HtmlTextAreaElement = el(&host, "report-text");
    area.set_value(include_str!("fixtures/reports/ofsted-barnsley-2023.txt"));
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    sleep(260).await;
    click(&host, "cancel");
    sleep(600).await;
    assert_eq!(one(&host, "authority"), "Middlesbrough Council", "the report shown is the last one analysed");
    assert!(one(&host, "file-errors").contains("Cancelled"));
    assert!(all(&host, "analysing").is_empty() && all(&host, "cancel").is_empty());
    assert_eq!(el::<HtmlElement>(&host, "results").get_attribute("aria-busy").as_deref(), Some("false"));
}

fn storage_event(key: &str, new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(key));
    init.set_new_value(new_value);
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn kept_documents_follow_other_tabs_and_forget_all_stays_forgotten() {
    let store = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    store.clear().unwrap();
    let host = mount();
    sleep(50).await;
    let keep: web_sys::HtmlInputElement = el(&host, "keep");
    keep.click();
    sleep(50).await;
    assert!(store.get_item("assessment-lens:documents").unwrap().unwrap().contains("Middlesbrough"));

    // Another tab keeps a different list: this tab follows it.
    let other =
        serde_json::json!([{ "name": "barnsley.txt", "text": include_str!("fixtures/reports/ofsted-barnsley-2023.txt") }]).to_string();
    store.set_item("assessment-lens:documents", &other).unwrap();
    storage_event("assessment-lens:documents", Some(&other));
    sleep(400).await;
    assert_eq!(all(&host, "doc-name"), vec!["barnsley.txt".to_string()]);
    // In step: nothing is written back.
    assert_eq!(store.get_item("assessment-lens:documents").unwrap().as_deref(), Some(other.as_str()));

    // "Forget all" in the other tab: keeping stops here, and a change here writes nothing back.
    store.remove_item("assessment-lens:documents").unwrap();
    storage_event("assessment-lens:documents", None);
    store.remove_item("assessment-lens:keep").unwrap();
    storage_event("assessment-lens:keep", None);
    sleep(50).await;
    assert!(!keep.checked());
    assert!(one(&host, "keep-status").contains("Forgotten in another tab"));
    click(&host, "load-example");
    sleep(100).await;
    assert_eq!(all(&host, "doc-name").len(), 2, "open documents stay open");
    assert_eq!(store.get_item("assessment-lens:documents").unwrap(), None);
    assert_eq!(store.get_item("assessment-lens:keep").unwrap(), None);
    store.clear().unwrap();
}
