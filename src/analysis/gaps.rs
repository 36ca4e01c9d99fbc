//! Gaps and strengths: the lists reports state ("What needs to improve?", "areas for
//! improvement", "recommendations", "next steps"), gaps derived from scores, judgements,
//! comparisons, spend and waits, and every finding sentence classed strength / gap /
//! neutral (`super::classify`).

use super::text::FastMap as HashMap;

use super::blocks::{Block, BlockKind, Reading};
use super::classify::classify_scored_in;
use super::format::{capitalise, figure, money};
use super::text::{norm, words};
use super::{Class, ComputedRating, Direction, Financial, Finding, Item, Judgement, Kind, Metric, Origin, Scope, Score, Span, Verdict};

/// Lead-ins that open a stated list of gaps (matched at the start of a heading or paragraph,
/// or anywhere in a short lead-in ending with ':').
const LIST_HEADS: &[&str] = &[
    "what needs to improve",
    "areas for improvement",
    "areas for development",
    "areas of improvement",
    "areas for priority action",
    "area for priority action",
    "priority action",
    "priority and immediate action",
    "immediate action",
    "recommendations",
    "next steps",
    "the panel recommends",
    "identified the following areas for improvement",
    "the following areas for improvement",
    "the following recommendations",
    "areas for further development",
    // A 2016–22 local area SEND letter's closing list: "… explains how the local area will
    // tackle the following areas of significant weakness:".
    "areas of significant weakness",
];

fn opens_list(b: &Block) -> bool {
    // A council report's numbered paragraph can lead in too: "3.3 Ofsted identified the
    // following areas for improvement:".
    let numbered_lead_in = b.kind == BlockKind::Numbered && b.text.trim_end().ends_with(':');
    if !(matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) || numbered_lead_in) || b.text.len() > 240 {
        return false;
    }
    let heading_like = b.kind == BlockKind::Heading || b.text.trim_end().ends_with([':', '-', '?']);
    // A cheap first look: every lead-in has one of these words.
    if !heading_like
        || !["improve", "development", "priority", "recommend", "next steps", "immediate action", "weakness"]
            .iter()
            .any(|w| super::text::contains_ci(&b.text, w))
    {
        return false;
    }
    let n = norm(&b.text);
    let n = n.trim_end_matches([':', '-', '?', ' ']);
    LIST_HEADS.iter().any(|h| n.starts_with(h) || (n.contains(h) && b.text.trim_end().ends_with([':', '-'])))
}

/// A letter's closing words: "Yours sincerely", "Yours faithfully".
fn is_sign_off(text: &str) -> bool {
    let t = text.trim_start().as_bytes();
    t.len() >= 6 && t[..6].eq_ignore_ascii_case(b"yours ")
}

/// The items of every stated list.
#[cfg(test)]
pub fn stated(reading: &Reading) -> Vec<Item> {
    stated_and_skips(reading).0
}

/// The items of every stated list, and each place where a numbered list skips a number ("9.",
/// "10.", "12."): an item the reading missed, said in a warning at the skip's byte offset.
pub fn stated_and_skips(reading: &Reading) -> (Vec<Item>, Vec<(usize, String)>) {
    let mut skips: Vec<(usize, String)> = Vec::new();
    let mut out: Vec<Item> = Vec::new();
    // Each item once, however often it is stated ("Areas for improvement" repeated per page).
    let mut seen: super::text::FastSet<&str> = Default::default();
    let blocks = &reading.blocks;
    // Whether the text is in a SIF report's part on the Local Safeguarding Children Board.
    let mut board = false;
    // The blocks an earlier list took in: a lead-in among them ("Implement the following areas for
    // improvement …:") is one of its items, not a list of its own.
    let mut taken_to = 0;
    for (i, b) in blocks.iter().enumerate() {
        board = part_of(b).unwrap_or(board);
        if !opens_list(b) || i < taken_to {
            continue;
        }
        let heading = b.text.trim_end_matches([':', '-', ' ']).to_string();
        let mut last_number: Option<u32> = None;
        let first_out = out.len();
        // A footnote printed inside the list at a page's foot: its number alone, then its text.
        let mut footnote = false;
        // The body the list is addressed to, when its introduction names one.
        let mut addressed: Option<String> = None;
        // The item read last was numbered and leads in to parts of its own; how many it has.
        let mut parts_follow = false;
        let mut parts = 0;
        for (k, item) in blocks[i + 1..].iter().enumerate().take(80) {
            let next = blocks.get(i + 2 + k);
            // The item read last from this list, if any.
            let last_item = out[first_out..].last().map(|it| it.text.as_str());
            match item.kind {
                BlockKind::Paragraph if last_item.is_some() && is_mark(&item.text) => {
                    footnote = true;
                    continue;
                }
                BlockKind::Paragraph if std::mem::take(&mut footnote) && !item.text.starts_with(|c: char| c.is_lowercase()) => continue,
                // A footnote between an unfinished item and the rest of it on the next page.
                BlockKind::Paragraph
                    if last_item.is_some_and(is_open)
                        && item
                            .text
                            .trim_start_matches(|c: char| c.is_ascii_digit())
                            .trim_start()
                            .starts_with(|c: char| c.is_uppercase())
                        && next.is_some_and(|n| n.kind == BlockKind::Paragraph && n.text.starts_with(|c: char| c.is_lowercase())) =>
                {
                    continue
                }
                // Led in by a numbered paragraph ("3.3 … the following areas for improvement:"),
                // the list is its bullets: the report's next numbered paragraph ends it.
                BlockKind::Numbered if b.kind == BlockKind::Numbered => break,
                BlockKind::ListItem | BlockKind::Numbered => {}
                // The rest of the item before, run on over a page break: the item had no full
                // stop and this goes on in lower case or with the item's next words (JTAI
                // letters: "… in the Emergency Department of the Clinical" / "Commissioning
                // Group and the partnership cannot be assured …"); or the item's second
                // paragraph ("However, action to improve …"), the list going on after it with
                // another item or a theme of its own.
                // A letter's sign-off ends its closing list ("… of EHC plans" / "Yours sincerely").
                BlockKind::Paragraph if is_sign_off(&item.text) => break,
                BlockKind::Paragraph
                    if last_item.is_some()
                        && !is_sub_heading(item, next, last_number)
                        && (last_item.is_some_and(|t| runs_on(t, &item.text, next))
                            || item.text.len() < 800
                                && next.is_some_and(|n| {
                                    n.kind == BlockKind::ListItem || is_sub_heading(n, blocks.get(i + 3 + k), last_number)
                                })) =>
                {
                    if let Some(it) = out.last_mut() {
                        // The footnote's mark the item ended with ("… shared with the 5").
                        let head = it.text.trim_end();
                        let head = match head.rsplit_once(' ') {
                            Some((h, mark)) if is_open(head) && is_mark(mark) => h,
                            _ => head,
                        };
                        it.text = format!("{head} {}", item.text.trim_start());
                        it.span = (it.span.0, item.whole_span().1.max(it.span.1));
                    }
                    continue;
                }
                // A sentence or two that introduce the bullets, straight after the heading ("In
                // all cases seen, risk has been identified … However, …"): not an item.
                BlockKind::Paragraph
                    if k == 0
                        && item.text.len() < 600
                        && next.is_some_and(|n| n.kind == BlockKind::ListItem || is_sub_heading(n, blocks.get(i + 3), None)) =>
                {
                    addressed = addressee(&item.text);
                    continue;
                }
                // PDF text that lost its bullet glyphs: indented paragraphs under the lead-in.
                BlockKind::Paragraph if item.indent > b.indent && item.text.len() < 600 => {}
                // A themed sub-heading inside the list ("Workforce", "Quality of practice"):
                // passed over when the numbering carries on after it.
                // The report's own section headings end it, although bullets or the report's
                // running paragraph numbers follow ("Summary for children and young people",
                // "Inspection findings – the LSCB").
                _ if is_sub_heading(item, next, last_number) && !is_section_heading(&norm(&item.text)) => continue,
                _ => break,
            }
            taken_to = taken_to.max(i + 1 + k);
            // A numbered item that leads in to bullets of its own ("1. Put into place an
            // effective performance management framework; this to include" / "• comprehensive and
            // reliable performance data"; "17. Improve the quality of pathway planning by:"): the
            // bullets are its parts, and the item is all of them.
            if item.kind == BlockKind::ListItem && parts_follow {
                if let Some(it) = out[first_out..].last_mut() {
                    let part = item.text.trim().trim_end_matches([';', '.', ',']);
                    it.text = format!("{}{} {part}", it.text.trim_end(), if parts > 0 { ";" } else { "" });
                    parts += 1;
                    it.span = (it.span.0, item.whole_span().1.max(it.span.1));
                    continue;
                }
            }
            parts_follow = item.kind == BlockKind::Numbered && leads_in(&item.text);
            parts = 0;
            let number = item.number.as_deref().and_then(item_number);
            if let (Some(last), Some(n)) = (last_number, number) {
                if n > last + 1 && n <= last + 5 {
                    let missing = if n == last + 2 { format!("item {}", last + 1) } else { format!("items {}–{}", last + 1, n - 1) };
                    skips.push((
                        item.whole_span().0,
                        format!(
                            "The list \u{201c}{heading}\u{201d} goes from item {last} to item {n}: {missing} could not be read from this text. \
                             Check the report."
                        ),
                    ));
                }
            }
            last_number = number.or(last_number);
            if item.text.split_whitespace().count() < 2 || is_list_intro(&item.text) || says_none(&item.text) {
                continue;
            }
            if !seen.insert(&item.text) {
                continue;
            }
            out.push(Item {
                origin: Origin::StatedList,
                text: item.text.clone(),
                section: Some(heading.clone()),
                cue: None,
                confidence: None,
                span: item.whole_span(),
                scope: board.then_some(Scope::Lscb),
                agency: addressed.clone(),
            });
        }
    }
    (out, skips)
}

/// An item that leads in to parts listed after it: it ends with a colon or with the words that
/// introduce a list ("…; this to include", "… by", "… the following").
fn leads_in(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let last = t.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_lowercase();
    matches!(last.as_str(), "include" | "including" | "includes" | "by" | "following" | "to")
}

/// A heading (normalised) that opens a part of an Ofsted report, never a theme inside a list.
fn is_section_heading(n: &str) -> bool {
    const OPENS: &[&str] = &[
        "summary",
        "executive summary",
        "inspection findings",
        "inspection judg",
        "information about",
        "what the inspection judg",
        "section ",
    ];
    // "The local authority's strengths", "Key strengths and weaknesses of the LSCB".
    OPENS.iter().any(|o| n.starts_with(o)) || n.contains("strengths")
}

/// Which part of a SIF report a heading opens: `Some(true)` the Local Safeguarding Children
/// Board's ("The Local Safeguarding Children Board (LSCB)", "Section 2: The effectiveness of the
/// LSCB", "Inspection findings – the Local Safeguarding Children Board", "The effectiveness of
/// the Swindon Safeguarding Children Board (SSCB) is…"), `Some(false)` the council's ("Section 1:
/// the local authority", a council judgement's heading), `None` neither.
fn part_of(b: &Block) -> Option<bool> {
    if !matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) || b.text.len() > 160 {
        return None;
    }
    let n = norm(&b.text);
    // A sentence is not a heading, unless a "Section 2: …" heading ran into it.
    if b.text.ends_with('.') && !n.starts_with("section ") {
        return None;
    }
    // "local safeguarding": a heading wrapped before "children board".
    let board = n.contains("safeguarding children board")
        || n.ends_with("local safeguarding")
        || n.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w.len() <= 5 && w.ends_with("scb"));
    if board {
        return Some(true);
    }
    const COUNCIL: &[&str] = &[
        "the local authority",
        "children who need help and protection",
        "children looked after",
        "leadership, management",
        "care leavers",
        "adoption performance",
        "children's services",
    ];
    COUNCIL.iter().any(|c| n.contains(c)).then_some(false)
}

/// Does `para` carry on list item `item` (cut by a page break): the item stops without closing
/// punctuation and the paragraph is followed by the list's next item or the list's end?
fn runs_on(item: &str, para: &str, next: Option<&Block>) -> bool {
    let open = is_open(item);
    let lower = para.trim_start().starts_with(|c: char| c.is_lowercase());
    let then_item = next.is_none_or(|n| matches!(n.kind, BlockKind::ListItem | BlockKind::Heading));
    open && para.len() < 800 && (lower || then_item)
}

/// The body a list's introduction addresses: "Urgent action is required by the Torbay and
/// South Devon NHS Foundation Trust to assure themselves …" → "Torbay and South Devon NHS
/// Foundation Trust".
fn addressee(intro: &str) -> Option<String> {
    let at = intro.find(" required by ")? + " required by ".len();
    let rest = &intro[at..];
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let name = rest.split(" to ").next()?.trim().trim_end_matches(['.', ',']);
    let words = name.split_whitespace().count();
    (name.starts_with(|c: char| c.is_uppercase()) && (1..=10).contains(&words)).then(|| name.to_string())
}

/// A footnote's mark: one or two digits ("5", "12").
fn is_mark(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// An item that stops without closing punctuation: its sentence goes on somewhere.
fn is_open(item: &str) -> bool {
    !item.trim_end().ends_with(['.', '?', '!', ':', ';', ')', '\u{201d}', '"'])
}

/// A list's introduction, numbered like its items in older reports: "15. In order to improve
/// …, the local authority should take the following action."
fn is_list_intro(text: &str) -> bool {
    let t = text.trim_end().to_ascii_lowercase();
    t.ends_with("the following action.") || t.ends_with("the following actions.") || t.ends_with("the following:")
}

/// A list that says it is empty: "There are no areas for priority action.", "The inspection did
/// not find any areas for priority and immediate action."
fn says_none(text: &str) -> bool {
    let t = text.trim_end().to_ascii_lowercase();
    t.len() < 160
        && (t.starts_with("there are no ")
            || t.starts_with("there were no ")
            || t.contains("did not find any")
            || t == "none"
            || t == "none.")
}

/// The number of a list item ("17", "17.", "17)").
fn item_number(n: &str) -> Option<u32> {
    n.trim_end_matches(['.', ')']).parse().ok()
}

/// A short heading inside a stated list: followed by the next item of the list (the first,
/// or the one numbered after `last`), and not itself the start of another list.
fn is_sub_heading(b: &Block, next: Option<&Block>, last: Option<u32>) -> bool {
    // "Workforce", "Quality of practice"; or a timescale ending in a colon: "Immediately:",
    // "Within three months:".
    let words = b.text.split_whitespace().count();
    let colon = b.text.trim_end().ends_with(':');
    let Some(next) = next.filter(|n| matches!(n.kind, BlockKind::Numbered | BlockKind::ListItem)) else { return false };
    // Before bullets a theme may be longer (JTAI letters: "Identifying and managing risk of
    // harm at the 'front door'", "Leadership and management and the Local Safeguarding
    // Children Board"); before numbered paragraphs a long line is the report's next section.
    let most = if next.kind == BlockKind::ListItem { 14 } else { 8 };
    let short = matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph)
        && (words <= most && !b.text.trim_end().ends_with(['.', ':']) || colon && words <= 4)
        && !opens_list(b);
    let continues = match (last, next.number.as_deref().and_then(item_number)) {
        (Some(l), Some(n)) => n == l + 1,
        (None, _) => true,
        (Some(_), None) => next.kind == BlockKind::ListItem,
    };
    short && continues
}

/// Sections whose sentences are findings; boilerplate and figures sections are not.
fn is_findings_section(titles: &[&str], kind: Kind) -> bool {
    const SKIP: &[&str] = &[
        "what people expect",
        "the local authority commitment",
        "financial facts",
        "about ",
        "demographics",
        "how we assess",
        "quality statement scores",
        "local authority rating",
        "this theme includes",
        "the financial facts",
        "agenda",
        "membership",
        "assistance in accessing",
    ];
    if titles.iter().any(|t| SKIP.iter().any(|s| t.starts_with(s))) {
        return false;
    }
    match kind {
        Kind::CqcLaAssessment => {
            titles.iter().any(|t| t.starts_with("summary of") || t.contains("key findings") || t.starts_with("theme ")) || titles.len() >= 2
        }
        _ => true,
    }
}

const BOILERPLATE: &[&str] = &[
    "the office for standards in education",
    "if you would like a copy of this document",
    "you may reuse this information",
    "this report is available at",
    "interested in our work",
    "© crown copyright",
    "we may not always review",
    "this data is reproduced at the request",
    "please note that the amount raised",
];

/// A title page's labels and values run together into one block ("Inspection date" /
/// "31/10/2016" / "Unique reference number" / "SC463558" / …): five lines or more, each short
/// on average. Prose wraps at 40 characters or more even in two columns.
fn is_form(b: &Block) -> bool {
    let lines = b.lines.1.saturating_sub(b.lines.0) + 1;
    lines >= 5 && b.text.len() < lines * FORM_LINE
}

/// The longest average line of a form's block, in bytes.
const FORM_LINE: usize = 28;

/// The most finding sentences classed in one document. Real reports have a few hundred to
/// two thousand; past this a text is many documents run together, and the lists (and the
/// report the page reads back from its worker) would only grow.
pub const MAX_FINDINGS: usize = 5_000;

/// Every finding sentence, classed, up to [`MAX_FINDINGS`].
pub fn findings(reading: &Reading, kind: Kind) -> Vec<Finding> {
    let mut out = Vec::new();
    for (bi, b) in reading.blocks.iter().enumerate() {
        if out.len() >= MAX_FINDINGS {
            break;
        }
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::Numbered | BlockKind::ListItem) {
            continue;
        }
        let mut titles: Vec<&str> = Vec::new();
        let mut sec = b.section;
        while let Some(i) = sec {
            let Some(s) = reading.outline.get(i) else { break };
            titles.push(&s.norm);
            sec = s.parent;
        }
        if kind == Kind::CqcLaAssessment && titles.is_empty() {
            continue;
        }
        if !is_findings_section(&titles, kind) {
            continue;
        }
        let boilerplate = |p: &&str| b.text.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p));
        if BOILERPLATE.iter().any(boilerplate) || b.text.len() < 20 || is_form(b) {
            continue;
        }
        for s in reading.sentences_of(bi) {
            let text = reading.text(s);
            if text.split_whitespace().take(4).count() < 4 {
                continue;
            }
            if out.len() >= MAX_FINDINGS {
                break;
            }
            let section = reading.section_title(b.section);
            let c = classify_scored_in(text, section);
            out.push(Finding {
                text: text.to_string(),
                class: c.class,
                cue: c.cue,
                confidence: c.confidence,
                section: section.map(str::to_string),
                span: reading.span(s),
            });
        }
    }
    out
}

// ---------------------------------------------------------------- derived gaps

fn item(origin: Origin, text: String, section: Option<String>, span: Span) -> Item {
    Item { origin, text, section, cue: None, confidence: None, span, scope: None, agency: None }
}

/// Gaps that follow from what the report scored, graded and measured.
pub fn derived(
    scores: &[Score],
    computed: Option<&ComputedRating>,
    judgements: &[Judgement],
    metrics: &[Metric],
    financial: Option<&Financial>,
) -> Vec<Item> {
    let mut out = Vec::new();
    for s in scores.iter().filter(|s| s.score < 3) {
        out.push(item(Origin::Score, format!("{} scored {} — {}.", s.statement, s.score, s.label), Some(s.theme.clone()), s.span));
    }
    if let (Some(c), Some(first)) = (computed, scores.first()) {
        out.extend(band_gaps(c, first.span));
    }
    for j in judgements.iter().filter(|j| j.grade.below_good()) {
        let whose = if j.is_lscb() { "Local Safeguarding Children Board — " } else { "" };
        out.push(item(Origin::Judgement, format!("{whose}{}: {}.", j.area, j.grade), Some(j.group().into()), j.span));
    }
    out.extend(metrics.iter().filter_map(metric_gap));
    if let Some(f) = financial {
        out.extend(overspends(f));
    }
    out
}

/// How near the recomputed rating is to the bands either side.
fn band_gaps(c: &ComputedRating, span: Span) -> Vec<Item> {
    let band_gap = |count: u32, moving: &str, to: String| {
        let text = format!(
            "The scores give {}%: {count} statement score{} {moving} by one would {to}.",
            c.percent,
            if count == 1 { "" } else { "s" }
        );
        item(Origin::Score, text, Some("Rating recomputed from the scores".into()), span)
    };
    let mut out = Vec::new();
    if let Some(n) = &c.to_next {
        out.push(band_gap(n.statements_up, "rising", format!("reach {}", n.rating)));
    }
    if let Some(p) = c.to_previous.as_ref().filter(|p| p.statements_down <= 2) {
        out.push(band_gap(p.statements_down, "falling", format!("drop the rating to {}", p.rating)));
    }
    out
}

/// A wait over its target, or a figure worse than its comparator (by the report's words, or by
/// the direction that is better for the measure).
fn metric_gap(m: &Metric) -> Option<Item> {
    let c = m.comparator.as_ref()?;
    if m.has_target() {
        return (m.direction == Some(Direction::Higher)).then(|| {
            let text =
                format!("{} of {} is over the target of {}.", capitalise(&m.label), figure(m.value, m.unit), figure(c.value, m.unit));
            item(Origin::Waiting, text, None, m.span)
        });
    }
    let worse_by_words = m.judgement == Some(Verdict::Worse);
    let worse_by_direction = m.judgement.is_none()
        && better_direction(&m.label).is_some_and(|better| Some(better) != m.direction && m.direction != Some(Direction::Similar));
    if !(worse_by_words || worse_by_direction) {
        return None;
    }
    let how = if worse_by_words {
        "worse than"
    } else if m.direction == Some(Direction::Higher) {
        "above"
    } else {
        "below"
    };
    let text = format!("{}: {} — {how} the {} of {}.", capitalise(&m.label), figure(m.value, m.unit), c.label, figure(c.value, m.unit));
    Some(item(Origin::Comparison, text, None, m.span))
}

/// Spend over its estimate.
fn overspends(f: &Financial) -> Vec<Item> {
    let span = f.span.unwrap_or((0, 0));
    let overs =
        [(f.asc_variance, "Adult social care spend was", "its estimate"), (f.total_variance, "Total spend was", "the estimated budget")];
    overs
        .into_iter()
        .filter_map(|(v, what, against)| {
            let v = v.filter(|v| *v > 0.0)?;
            Some(item(Origin::Finance, format!("{what} {} over {against}.", money(v)), Some("Financial facts".into()), span))
        })
        .collect()
}

/// Which direction is better for measures reports quote (frameworks.md): "lower" for
/// waits, vacancies, turnover, admissions to care homes and carers out of work.
pub(crate) fn better_direction(label: &str) -> Option<Direction> {
    let l = label.to_ascii_lowercase();
    const LOWER: &[&str] = &[
        "vacanc",
        "turnover",
        "sickness",
        "waiting",
        "wait",
        "admission",
        "not in paid employment",
        "could not maintain paid employment",
        "not maintain paid",
        "unable to maintain",
    ];
    const HIGHER: &[&str] = &[
        "satisfied",
        "control over",
        "social contact",
        "feel safe",
        "felt safe",
        "easy to find",
        "easy to access",
        "choice",
        "no longer require",
        "still at home",
        "reablement",
        "direct payment",
        "reviewed",
        "involved",
        "consulted",
        "helpful",
        "spend time doing",
        "support group",
        "someone to talk",
        "training",
        "break",
        "care certificate",
        "advocate",
        "think and feel better",
    ];
    if LOWER.iter().any(|w| l.contains(w)) {
        Some(Direction::Lower)
    } else if HIGHER.iter().any(|w| l.contains(w)) {
        Some(Direction::Higher)
    } else {
        None
    }
}

// ---------------------------------------------------------------- putting it together

/// Two texts say the same thing when most of the smaller one's words longer than three
/// letters are shared (70%, rounded up).
#[cfg(test)]
fn same_thing(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    let mut vocab = Vocab::default();
    let (sa, sb) = (vocab.set(&wa), vocab.set(&wb));
    similar(&sa, &sb)
}

/// Word sets as sorted, de-duplicated ids.
#[derive(Default)]
struct Vocab<'w> {
    ids: HashMap<&'w str, u32>,
    names: Vec<&'w str>,
}

impl<'w> Vocab<'w> {
    /// The set of meaning words (longer than three letters) of `words`, the output of [`words`].
    fn set(&mut self, words: &'w str) -> Vec<u32> {
        let mut set: Vec<u32> = words
            .split(' ')
            .filter(|w| w.len() > 3)
            .map(|w| {
                let next = self.names.len() as u32;
                *self.ids.entry(w).or_insert_with(|| {
                    self.names.push(w);
                    next
                })
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }
}

/// Whether two sets share at least the overlap the smaller needs.
fn similar(a: &[u32], b: &[u32]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared >= overlap_needed(a.len().min(b.len()))
}

/// The shared words two sets need, the smaller holding `n`: 70% of it, rounded up.
fn overlap_needed(n: usize) -> usize {
    (n * 7).div_ceil(10)
}

/// The stated items, indexed so that a finding is compared only with the items it could
/// match (prefix filtering, exact): words are ranked rarest first; two sets sharing at least
/// `t` words share one among the first `len - t + 1` of either. An item is listed under the
/// prefix its own threshold gives (`short`: found by any word of a finding at least as large)
/// and under all its words (`all`: found by a smaller finding's own prefix), so the work per
/// finding follows the rare words' lists, not the number of items — one pass over a 20 MB
/// paste of many reports instead of every finding against every item.
struct StatedIndex {
    sets: Vec<Vec<u32>>,
    rank: Vec<u32>,
    short: Vec<Vec<u32>>,
    all: Vec<Vec<u32>>,
}

impl StatedIndex {
    fn new(sets: Vec<Vec<u32>>, probes: &[Vec<u32>], vocab: &Vocab) -> Self {
        let n = vocab.names.len();
        let mut freq = vec![0usize; n];
        for &w in sets.iter().chain(probes).flatten() {
            freq[w as usize] += 1;
        }
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| freq[a as usize].cmp(&freq[b as usize]).then(vocab.names[a as usize].cmp(vocab.names[b as usize])));
        let mut rank = vec![0u32; n];
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
        }
        let (mut short, mut all) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (i, set) in sets.iter().enumerate() {
            for &w in set {
                all[w as usize].push(i as u32);
            }
            for w in prefix(set, &rank) {
                short[w as usize].push(i as u32);
            }
        }
        StatedIndex { sets, rank, short, all }
    }

    /// Whether any stated item says the same thing as the finding whose words are `b`.
    fn any_similar(&self, b: &[u32]) -> bool {
        if b.is_empty() {
            return false;
        }
        let item = |i: &u32| &self.sets[*i as usize];
        let smaller = b.iter().flat_map(|&w| &self.short[w as usize]).filter(|i| item(i).len() <= b.len());
        let larger = prefix(b, &self.rank).into_iter().flat_map(|w| &self.all[w as usize]).filter(|i| item(i).len() > b.len());
        smaller.chain(larger).any(|i| similar(item(i), b))
    }
}

/// A set's rarest `len - t + 1` words, `t` the overlap it needs against a set no larger.
fn prefix(set: &[u32], rank: &[u32]) -> Vec<u32> {
    let mut ws = set.to_vec();
    ws.sort_unstable_by_key(|&w| rank[w as usize]);
    ws.truncate(set.len() + 1 - overlap_needed(set.len()).max(1));
    ws
}

/// The gaps list: stated items, derived gaps, then finding sentences classed "gap" that no
/// stated item already says; and the strengths list.
pub fn assemble(stated: Vec<Item>, derived: Vec<Item>, findings: &[Finding]) -> (Vec<Item>, Vec<Item>) {
    let mut gaps = stated;
    gaps.extend(derived);
    let as_item = |f: &Finding| Item {
        origin: Origin::Finding,
        text: f.text.clone(),
        section: f.section.clone(),
        cue: f.cue.clone(),
        confidence: Some(f.confidence),
        span: f.span,
        scope: None,
        agency: None,
    };
    let gap_findings: Vec<&Finding> = findings.iter().filter(|f| f.class == Class::Gap).collect();
    let stated_words: Vec<String> = gaps.iter().filter(|g| g.origin == Origin::StatedList).map(|g| words(&g.text)).collect();
    // Without stated items there is nothing to compare with (and no words to read).
    let finding_words: Vec<String> =
        if stated_words.is_empty() { Vec::new() } else { gap_findings.iter().map(|f| words(&f.text)).collect() };
    let mut vocab = Vocab::default();
    let stated_sets: Vec<Vec<u32>> = stated_words.iter().map(|w| vocab.set(w)).collect();
    let probes: Vec<Vec<u32>> = finding_words.iter().map(|w| vocab.set(w)).collect();
    let index = StatedIndex::new(stated_sets, &probes, &vocab);
    let mut spans: super::text::FastSet<Span> = gaps.iter().map(|g| g.span).collect();
    let mut extra = Vec::new();
    for (k, f) in gap_findings.into_iter().enumerate() {
        if spans.contains(&f.span) || probes.get(k).is_some_and(|b| index.any_similar(b)) {
            continue;
        }
        spans.insert(f.span);
        extra.push(as_item(f));
    }
    gaps.extend(extra);
    let strengths = findings.iter().filter(|f| f.class == Class::Strength).map(as_item).collect();
    (gaps, strengths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated_of(s: &str) -> Vec<(String, String)> {
        let doc = super::super::text::Doc::new(s);
        let r = super::super::blocks::read(&doc, s);
        stated(&r).into_iter().map(|i| (i.section.unwrap_or_default(), i.text)).collect()
    }

    #[test]
    fn a_title_page_run_together_is_not_a_finding_but_narrow_prose_is() {
        let findings_of = |s: &str| {
            let doc = super::super::text::Doc::new(s);
            let r = super::super::blocks::read(&doc, s);
            findings(&r, Kind::ProviderInspection).into_iter().map(|f| f.text).collect::<Vec<_>>()
        };
        let form = "Summary\n\nInspection date\n31/10/2016\nUnique reference number\nSC463558\nType of inspection\nFull\n\
                    Registered manager\nVacant\nEnforcement action since last\ninspection\nNone\n";
        assert!(findings_of(form).is_empty(), "{:?}", findings_of(form));
        // Two columns of a report, wrapped at about 45 characters.
        let prose = "Summary\n\nStudents of all ages make outstanding progress\nwith their learning as a result of the\n\
                     outstanding teaching and care which they\nreceive. Staff do not always record the\nreasons for restraint in enough detail.\n";
        assert_eq!(findings_of(prose).len(), 2, "{:?}", findings_of(prose));
    }

    #[test]
    fn a_numbered_list_that_skips_a_number_says_which_item_was_not_read() {
        let s = "Areas for improvement\n\n140. Ensure that data are analysed.\n142. Ensure that training is evaluated.\n\
                 143. Ensure that audits are completed.\n\nRecommendations\n\n1. Improve plans.\n2. Improve visits.\n";
        let doc = super::super::text::Doc::new(s);
        let (items, skips) = stated_and_skips(&super::super::blocks::read(&doc, s));
        assert_eq!(items.len(), 5);
        let w: Vec<&str> = skips.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(
            w,
            ["The list \u{201c}Areas for improvement\u{201d} goes from item 140 to item 142: item 141 could not be read from this text. Check the report."]
        );
    }

    #[test]
    fn a_list_ends_at_the_reports_next_part_and_the_boards_list_is_the_boards() {
        // SIF: the council's list, then a section whose bullets or running paragraph numbers
        // follow; then the board's part and its own list; a list that says it is empty.
        let sif =
            "Recommendations\n\n10. Ensure that case files include chronologies.\n11. Improve support to privately fostered children.\n\n\
                   Summary for children and young people\n\u{2022} Senior managers have worked hard to help children.\n\n\
                   The Local Authority's strengths\n12. The local authority has an efficient duty service.\n\n\
                   Priority and immediate action\n\nThere are no areas for priority action.\n\n\
                   Section 2: The effectiveness of the local safeguarding\nchildren board\n\nAreas for improvement\n\n\
                   140. The board should ensure that its data are analysed.\n\nInspection judgement about the LSCB\n\
                   141. The board is properly constituted.\n";
        let doc = super::super::text::Doc::new(sif);
        let r = super::super::blocks::read(&doc, sif);
        let got: Vec<(String, Option<Scope>)> = stated(&r).into_iter().map(|i| (i.text, i.scope)).collect();
        assert_eq!(
            got,
            [
                ("Ensure that case files include chronologies.".to_string(), None),
                ("Improve support to privately fostered children.".to_string(), None),
                ("The board should ensure that its data are analysed.".to_string(), Some(Scope::Lscb)),
            ]
        );
    }

    #[test]
    fn stated_lists_with_themed_sub_headings_timescales_and_lone_bullets() {
        // Sub-headings inside a numbered list (2014 SIF), the numbering carrying on after them.
        let sif = "Priority and immediate action\n\nWorkforce\n11. Review the number of cases held by staff.\n\n\
                   Quality of practice\n12. Ensure robust management oversight of assessments.\n\nSummary for children\n\nThe end.\n";
        let got: Vec<String> = stated_of(sif).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["Review the number of cases held by staff.", "Ensure robust management oversight of assessments."]);
        // An introduction numbered like an item, timescales ending in a colon, bullet glyphs alone.
        let lac = "Areas for improvement\n15. In order to improve services, the local authority should take the\nfollowing action.\n\n\
                   Immediately:\n\u{f0a7}\n\nensure all elected members understand their duties\n\n\
                   Within three months:\n\u{f0a7}\n\nensure all children have a care plan\n";
        let got: Vec<String> = stated_of(lac).into_iter().map(|(_, t)| t).collect();
        assert_eq!(got, ["ensure all elected members understand their duties", "ensure all children have a care plan"]);
    }

    #[test]
    fn a_numbered_item_that_leads_in_to_bullets_is_one_item_with_its_parts() {
        // SIF 2014–15 (Leicester, West Berkshire): the lead-in ends "…; this to include" or with a
        // colon; its bullets are its parts, and the lead-in opens no list of its own.
        let sif = "Priority and immediate action\n\n1. Put into place an effective framework; this to include\n                   \u{2022} comprehensive and reliable performance data\n\u{2022} clear monitoring arrangements.\n\n                   2. Implement the following areas for improvement from the previous inspection:\n                   \u{2022} Legal advice is sought when necessary.\n\u{2022} Management oversight is reflective.\n\n                   3. Ensure that all staff receive regular supervision.\n\nSummary for children\n\nThe end.\n";
        let got: Vec<String> = stated_of(sif).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            got,
            [
                "Put into place an effective framework; this to include comprehensive and reliable performance data; clear monitoring arrangements",
                "Implement the following areas for improvement from the previous inspection: Legal advice is sought when necessary; Management oversight is reflective",
                "Ensure that all staff receive regular supervision.",
            ]
        );
        // An item with a colon among bullets is not a lead-in: only a numbered item leads in.
        let ilacs =
            "What needs to improve\n\n\u{2022} The quality of plans: they are too long.\n\u{2022} The timeliness of visits.\n\nThe end.\n";
        assert_eq!(stated_of(ilacs).len(), 2);
    }

    #[test]
    fn jtai_lists_with_long_themes_an_introduction_second_paragraphs_page_breaks_and_footnotes() {
        // The shapes of 2016–18 JTAI letters (pdftotext): a theme longer than eight words before
        // bullets; an introduction before the first bullet; an item's second paragraph; an item
        // cut by a page break, the rest in lower case after a footnote printed at the page's foot.
        let jtai = "Areas for improvement\n\n\
                    In all cases seen, risk has been identified. However, some practice needs to improve.\n\n\
                    Identifying and managing risk of harm at the \u{2018}front door\u{2019}\n\n\
                    \u{2022} Referrals are not always timely.\n\n\
                    \u{2022} Police decisions about risk are made alone and\nare not shared with the\n\n5\n\n\
                    Operation Encompass is a project whereby schools are told of incidents.\n6\n\
                    The police assess the risk at each incident.\n\u{c}partners who need them.\n\n\
                    Leadership and management and the Local Safeguarding Children Board\n\n\
                    \u{2022} The board does not set targets.\n\n\
                    However, action to improve has not been expedited.\n\n\
                    \u{2022} Audits are not used well.\n\n\
                    Case study: area for improvement\n\nA long story about one family.\n";
        let got: Vec<String> = stated_of(jtai).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            got,
            [
                "Referrals are not always timely.",
                "Police decisions about risk are made alone and are not shared with the partners who need them.",
                "The board does not set targets. However, action to improve has not been expedited.",
                "Audits are not used well.",
            ]
        );
    }

    #[test]
    fn a_list_whose_introduction_names_the_body_it_is_addressed_to_gives_each_item_that_agency() {
        let s = "Area for priority action\n\nUrgent action is required by the Anytown NHS Foundation Trust to\nassure themselves \
                 of the quality of their practice. Too many children remain at risk. Priority action\nshould be taken to address the \
                 following areas:\n\u{25fc} The oversight of professional curiosity.\n\
                 \u{25fc} The quality of supervision by health staff.\n\nWhat needs to improve?\n\n\u{25fc} Communication between agencies.\n";
        let doc = super::super::text::Doc::new(s);
        let got: Vec<(String, Option<String>)> =
            stated(&super::super::blocks::read(&doc, s)).into_iter().map(|i| (i.text, i.agency)).collect();
        let trust = Some("Anytown NHS Foundation Trust".to_string());
        assert_eq!(
            got,
            [
                ("The oversight of professional curiosity.".to_string(), trust.clone()),
                ("The quality of supervision by health staff.".to_string(), trust),
                ("Communication between agencies.".to_string(), None),
            ]
        );
    }

    #[test]
    fn a_finding_restating_a_stated_item_is_not_listed_twice_whichever_is_longer() {
        let stated = |text: &str, at: usize| Item {
            origin: Origin::StatedList,
            text: text.into(),
            section: None,
            cue: None,
            confidence: None,
            span: (at, at + 1),
            scope: None,
            agency: None,
        };
        let gap = |text: &str, at: usize| Finding {
            text: text.into(),
            class: Class::Gap,
            cue: None,
            confidence: 1.0,
            section: None,
            span: (at, at + 1),
        };
        let items = vec![
            stated("Stability of the workforce to minimise the number of allocated workers.", 0),
            stated("The timeliness and quality of return home interviews for children who go missing from home or care, and how the information is used.", 10),
        ];
        let findings = vec![
            // Longer than its stated item: found through the item's own rare words.
            gap("The stability of the workforce to minimise the number of workers allocated to children was weak.", 100),
            // Shorter than its stated item: found through the finding's rare words.
            gap("Return home interviews for children who go missing are not timely.", 200),
            gap("Private fostering arrangements are not understood well enough by partners.", 300),
            // The same sentence as a stated item's span is not added again.
            gap("Something else entirely that is not said in any list.", 0),
        ];
        let (gaps, _) = assemble(items, Vec::new(), &findings);
        let texts: Vec<&str> = gaps.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[2], "Private fostering arrangements are not understood well enough by partners.");
    }

    #[test]
    fn same_thing_by_shared_words() {
        assert!(same_thing(
            "Stability of the workforce to minimise the number of allocated workers.",
            "The stability of the workforce to minimise the number of workers allocated to children was weak."
        ));
        assert!(!same_thing("Private fostering arrangements.", "Care leavers over 21."));
    }

    #[test]
    fn a_comparison_in_pounds_reads_as_money() {
        let m = Metric {
            label: "council spent".into(),
            value: 12_000_000.0,
            unit: super::super::Unit::Gbp,
            as_of: None,
            comparator: Some(super::super::Comparator { label: "England average".into(), value: 10_000_000.0 }),
            previous: None,
            direction: Some(Direction::Higher),
            judgement: Some(Verdict::Worse),
            degree: None,
            source: None,
            kind: super::super::MetricKind::Comparison,
            span: (0, 1),
        };
        let g = metric_gap(&m).expect("a gap");
        assert_eq!(g.text, "Council spent: £12.00m — worse than the England average of £10.00m.");
        assert_eq!(g.origin, Origin::Comparison);
    }
}
