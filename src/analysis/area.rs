//! Area inspections: Area SEND inspections of a local area partnership, and joint targeted
//! area inspection (JTAI) letters to a safeguarding partnership.
//!
//! Conventions read (from the 65 reports of `../shared/corpus/area-inspections/`):
//! - Area SEND (2023 on): the title "Area SEND inspection of X Local Area Partnership" (often
//!   wrapped over two lines), "Inspection dates:", "Dates of previous inspection:", and an
//!   "Inspection outcome" section whose first sentence gives one of three outcomes, in words
//!   that name it: "typically lead to positive experiences and outcomes", "lead to inconsistent
//!   experiences and outcomes", "widespread and/or systemic failings".
//! - JTAI letters, two shapes. To 2020 the title carries the theme and the area — "Joint
//!   targeted area inspection of the multi-agency response to abuse and neglect in Hampshire" —
//!   and the dates follow: "Between 5 and 9 December 2016, Ofsted, the Care Quality Commission
//!   …". From 2021 the title names the area ("Joint targeted area inspection of Barnsley"), and
//!   "This letter summarises the findings of the joint targeted area inspection (JTAI) of the
//!   multi-agency response to … in Barnsley. This inspection took place from 23 to 27 May
//!   2022. It was carried out by inspectors from Ofsted, …". No grades: none is invented.
//! - Local area SEND letters of the 2016–22 framework (no copy is in the corpus: read from
//!   the framework's letter template as the regulators' guidance and the letters reprinted on
//!   councils', health bodies' and parents' forums' pages word it). The title "Joint local area
//!   SEND inspection in X"; "Between 1 October 2018 and 5 October 2018, Ofsted and the Care
//!   Quality Commission (CQC) conducted a joint inspection of the local area of X to judge the
//!   effectiveness of the area in implementing the disability and special educational needs
//!   reforms …". No grade: the one outcome is that "HMCI has determined that a Written
//!   Statement of Action is required because of significant areas of weakness", and then the
//!   letter ends with the list of those weaknesses. Revisits of such areas ("Joint local area
//!   SEND revisit in X"; "… revisited the local area of X to decide whether sufficient progress
//!   has been made in addressing each of the areas of significant weakness detailed in the
//!   written statement of action …") conclude "The area has made sufficient progress in
//!   addressing two of the five significant weaknesses …".

use super::blocks::{BlockKind, Reading};
use super::text::{head, Doc, TITLE_BYTES};
use super::{Framework, Grade, Item, Judgement, Origin};

/// What an area inspection's opening and outcome say.
#[derive(Default)]
pub struct AreaRead {
    pub area: Option<String>,
    pub period: Option<String>,
    pub previous_period: Option<String>,
    pub theme: Option<String>,
    pub agencies: Vec<String>,
    pub judgements: Vec<Judgement>,
    /// An area SEND report's framework, told by its wording (the 2023 framework's, the
    /// 2016–22 letters' or their revisits').
    pub framework: Option<Framework>,
}

/// How much of the opening is read for titles and dates (bytes of joined lines).
const OPENING: usize = 6000;

/// The opening lines joined with spaces, so wrapped titles and sentences read whole.
fn opening(doc: &Doc) -> String {
    let mut s = String::new();
    for l in doc.lines.iter().filter(|l| !l.is_blank()) {
        if s.len() > OPENING {
            break;
        }
        s.push_str(head(l.content, TITLE_BYTES).trim());
        s.push(' ');
    }
    s.replace(['\u{2019}', '\u{2018}'], "'")
}

/// `s` from byte `at` (lower-case offsets are the same: the opening is ASCII-cased by
/// `to_ascii_lowercase`, which keeps every byte where it is).
fn after<'s>(s: &'s str, lower: &str, phrase: &str) -> Option<&'s str> {
    let at = lower.find(phrase)? + phrase.len();
    s.get(at..)
}

/// Up to (not including) the first of `ends` (case-insensitive), trimmed; the whole when none.
fn until<'s>(s: &'s str, ends: &[&str]) -> &'s str {
    let lower = s.to_ascii_lowercase();
    let cut = ends.iter().filter_map(|e| lower.find(e)).min().unwrap_or(s.len());
    s.get(..cut).unwrap_or(s).trim().trim_end_matches([',', '.', ':']).trim()
}

/// A value only when it reads as one: not empty, not a paragraph.
fn value(s: &str, most: usize) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= most).then(|| s.to_string())
}

/// Split "the multi-agency response to abuse and neglect in Hampshire" at its last " in ".
fn theme_and_area(s: &str) -> (Option<String>, Option<String>) {
    match s.rfind(" in ") {
        Some(k) => (value(&s[..k], 240), value(&s[k + 4..], 120)),
        None => (value(s, 240), None),
    }
}

/// The inspectorates named in the opening, in the reports' usual order.
fn agencies(open: &str) -> Vec<String> {
    let l = open.to_ascii_lowercase();
    let mut out = vec!["Ofsted".to_string()];
    if l.contains("care quality commission") || l.contains("(cqc)") {
        out.push("CQC".into());
    }
    if l.contains("hmicfrs") || l.contains("fire & rescue") || l.contains("fire and rescue") {
        out.push("HMICFRS".into());
    } else if l.contains("hmic") || l.contains("inspectorate of constabulary") || l.contains("hmi constabulary") {
        out.push("HMIC".into());
    }
    if l.contains("probation") {
        out.push("HMI Probation".into());
    }
    out
}

/// Read an Area SEND report's title, dates and outcome.
pub fn read_send(doc: &Doc, reading: &Reading) -> AreaRead {
    let open = opening(doc);
    let lower = open.to_ascii_lowercase();
    let outcome = send_outcome(reading);
    let framework = send_framework(&lower, outcome.is_some());
    let area = after(&open, &lower, "area send inspection of ")
        .map(|s| until(s, &["inspection dates", "inspection date", "dates of previous", "inspection outcome"]))
        .and_then(|s| value(s, 120))
        .or_else(|| local_area_2016(&open, &lower));
    let previous_period = after(&open, &lower, "dates of previous inspection:")
        .map(|s| until(s, &["inspection outcome", " the ", "  "]))
        .and_then(|s| value(s, 80));
    // Ofsted and CQC inspect together; most reports name CQC in the opening, some only later.
    let named_cqc = doc.lines.iter().any(|l| l.content.contains("Care Quality Commission") || l.content.contains("CQC"));
    let mut agencies = agencies(head(&open, 3000));
    if named_cqc && !agencies.iter().any(|a| a == "CQC") {
        agencies.insert(1, "CQC".into());
    }
    let judgements: Vec<Judgement> = match framework {
        Framework::LocalAreaSend2016 => wsoa_required(reading).into_iter().collect(),
        Framework::LocalAreaSendRevisit => revisit_outcome(reading).into_iter().collect(),
        _ => outcome.into_iter().collect(),
    };
    let period = (framework != Framework::AreaSend2023).then(|| between(&open, &lower)).flatten();
    AreaRead { area, period, previous_period, theme: None, agencies, judgements, framework: Some(framework) }
}

/// Which framework an Area SEND report follows: the 2023 framework's title or outcome, else a
/// 2016–22 letter's wording (a revisit's first), else the 2023 framework's.
fn send_framework(lower: &str, has_2023_outcome: bool) -> Framework {
    let l = lower.replace("re-visit", "revisit");
    if has_2023_outcome || l.contains("area send inspection of") || l.contains("local area partnership") {
        Framework::AreaSend2023
    } else if ["send revisit", "revisited the local area", "revisited the area", "joint revisit"].iter().any(|p| l.contains(p)) {
        Framework::LocalAreaSendRevisit
    } else if l.contains("local area send inspection")
        || l.contains("area send inspection in")
        || l.contains("reforms as set out in the children and families act")
        || l.contains("special educational needs reforms")
        || l.contains("written statement of action")
    {
        Framework::LocalAreaSend2016
    } else {
        Framework::AreaSend2023
    }
}

/// The area a 2016–22 letter names: "… a joint inspection of the local area of X to judge …",
/// "… revisited the local area of X to decide …", or its title "Joint local area SEND
/// inspection in X" / "revisit in X".
fn local_area_2016(open: &str, lower: &str) -> Option<String> {
    let body = [
        "inspection of the local area of ",
        "revisited the local area of ",
        "revisited the area of ",
        "joint inspection in ",
        "joint inspection of ",
    ]
    .iter()
    .find_map(|p| after(open, lower, p))
    .map(|s| until(s, &[" to judge", " to decide", " between ", " held ", ",", ". "]));
    let title = || {
        ["send inspection in ", "send revisit in ", "send re-visit in "]
            .iter()
            .find_map(|p| after(open, lower, p))
            .map(|s| until(s, &[" between ", " held ", " dear ", " from ", " (", ". ", "  "]))
    };
    body.and_then(|s| value(s, 80)).or_else(|| title().and_then(|s| value(s, 80)))
}

/// The inspection's dates as a letter's first sentence gives them: "Between 19 and 21 May
/// 2021, Ofsted and …" (a date: "between now and April" is not).
fn between(open: &str, lower: &str) -> Option<String> {
    let s = after(open, lower, " between ").map(|s| until(s, &[", ofsted", " ofsted", ". "]))?;
    s.starts_with(|c: char| c.is_ascii_digit()).then(|| value(s, 60)).flatten()
}

/// How many sentences from the start a letter's outcome is looked for in.
const OUTCOME_SENTENCES: usize = 120;

/// A 2016–22 letter's one outcome: "HMCI has determined that a Written Statement of Action is
/// required because of significant areas of weakness …", the letter's closing "The local area is
/// required to produce and submit a Written Statement of Action …", or a council's retelling ("a
/// written statement of action (an action plan) was required", "the local area was required to
/// develop a Written Statement of Action"): a sentence that names the statement and that it was
/// required, not negated.
fn wsoa_required(reading: &Reading) -> Option<Judgement> {
    reading.sentences.iter().take(OUTCOME_SENTENCES).find_map(|s| {
        let l = &s.lower;
        let names = l.contains("written statement of action") || l.contains("wsoa");
        let required = l.contains(" required") || l.contains(" requires ");
        let negated = ["not required", "no written statement", "not be required", "not need"].iter().any(|p| l.contains(p));
        (names && required && !negated).then(|| Judgement::new("Inspection outcome", Grade::WsoaRequired, reading.span(s)))
    })
}

/// A count as revisit letters write it, in figures or words ("two of the five significant weaknesses").
fn count(w: &str) -> Option<u32> {
    w.parse().ok().or_else(|| super::numbers::word_number(w))
}

/// A revisit's conclusion, from its first sentence that gives one: "The area has made
/// sufficient progress in addressing all/each of …", "… in addressing two of the five
/// significant weaknesses …", "The area has not made sufficient progress in addressing any of
/// the …". The body's sentence on each weakness ("… this significant weakness") is not it.
fn revisit_outcome(reading: &Reading) -> Option<Judgement> {
    reading.sentences.iter().take(OUTCOME_SENTENCES).find_map(|s| {
        let l = &s.lower;
        // "… sufficient progress in addressing …", or as councils retell it "… in five of the eight areas".
        let at = l.find("sufficient progress in ")?;
        let rest = &l[at + "sufficient progress in ".len()..];
        let rest = rest.strip_prefix("addressing ").unwrap_or(rest);
        if rest.starts_with("this ") || rest.starts_with("that ") || l[..at].contains("whether") {
            return None;
        }
        // "has not made sufficient …", or "insufficient progress", whose "sufficient" was found.
        let negative = l[..at].contains(" not ") || l[..at].ends_with("in");
        let words: Vec<&str> = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(4).collect();
        // "X of the Y …": progress on X of Y weaknesses (or, when not made, on Y − X).
        let part = match words.as_slice() {
            [x, "of", "the", y, ..] | [x, "of", y, ..] => count(x).zip(count(y)),
            _ => None,
        };
        // "… four of the significant weaknesses …" (a count without the total: not all of
        // them), and "has not made sufficient progress in addressing one significant weakness"
        // (progress on the others).
        let some_of = matches!(words.as_slice(), [x, "of", ..] if count(x).is_some())
            || (negative && words.first().is_some_and(|x| count(x).is_some()));
        let grade = match (part, words.first().copied()) {
            (Some((x, y)), _) if x < y => Grade::ProgressOnSome,
            (None, _) if some_of => Grade::ProgressOnSome,
            (Some(_), _) | (None, Some("all" | "each" | "every" | "both" | "the")) => {
                if negative {
                    Grade::ProgressOnNone
                } else {
                    Grade::ProgressOnAll
                }
            }
            (None, Some("any" | "none")) if negative => Grade::ProgressOnNone,
            _ => return None,
        };
        Some(Judgement::new("Revisit outcome", grade, reading.span(s)))
    })
}

/// What an Area SEND report without a read outcome is told, by its framework.
pub fn no_outcome(framework: Option<Framework>) -> &'static str {
    match framework {
        Some(Framework::LocalAreaSend2016) => {
            "This is a local area SEND inspection letter of the 2016\u{2013}22 framework, which gave no grade: its one outcome is \
             whether a written statement of action was required, and this text does not say that one was. Letters that \
             required none do not mention one; if this text is only part of the letter, check the letter itself."
        }
        Some(Framework::LocalAreaSendRevisit) => {
            "This is a revisit of a local area that had to write a statement of action (2016\u{2013}22 framework), but its \
             conclusion (sufficient progress, or not, on the significant weaknesses) could not be read from the text: \
             see the letter's opening paragraphs."
        }
        _ => {
            "This is an Area SEND inspection, but its outcome (positive / inconsistent experiences and outcomes, or \
             widespread and/or systemic failings) could not be read from the text: see its \u{201c}Inspection outcome\u{201d} section."
        }
    }
}

/// The words that name each Area SEND outcome, as reports write them.
const OUTCOMES: &[(&str, Grade)] = &[
    ("typically lead to positive experiences and outcomes", Grade::PositiveExperiences),
    ("lead to positive experiences and outcomes", Grade::PositiveExperiences),
    ("lead to inconsistent experiences and outcomes", Grade::InconsistentExperiences),
    ("widespread and/or systemic failings", Grade::WidespreadFailings),
    ("widespread and systemic failings", Grade::WidespreadFailings),
];

/// The outcome, from the first sentence that states one (the "Inspection outcome" section
/// comes first; later sentences that quote the outcome words are not read).
fn send_outcome(reading: &Reading) -> Option<Judgement> {
    reading.sentences.iter().take(120).find_map(|s| {
        let l = s.lower.replace(['\u{2019}', '\u{2018}'], "'");
        // "… might lead to …" or a definition list of the three outcomes is not this report's.
        if l.contains("one of three") || l.contains("could be") {
            return None;
        }
        OUTCOMES.iter().find(|(p, _)| l.contains(p)).map(|(_, g)| Judgement::new("Inspection outcome", *g, reading.span(s)))
    })
}

/// Read a JTAI letter's area, theme, dates and inspectorates.
pub fn read_jtai(doc: &Doc) -> AreaRead {
    let open = opening(doc);
    let lower = open.to_ascii_lowercase();
    let mut r = AreaRead { agencies: agencies(head(&open, 4000)), ..AreaRead::default() };
    // From 2021: "… summarises the findings of the joint targeted area inspection (JTAI) of THEME in AREA."
    if let Some(s) = after(&open, &lower, "area inspection (jtai) of ") {
        let (theme, area) = theme_and_area(until(s, &[". "]));
        r.theme = theme;
        r.area = area;
    }
    if let Some(s) = after(&open, &lower, "joint targeted area inspection of ") {
        let title = until(s, &["this letter", "between ", "dear ", ". "]);
        if title.to_ascii_lowercase().starts_with("the multi-agency") {
            // To 2020: the title holds the theme and the area.
            let (theme, area) = theme_and_area(title);
            r.theme = r.theme.take().or(theme);
            r.area = r.area.take().or(area);
        } else if let Some(a) = value(title, 80) {
            r.area = Some(a);
        }
    }
    r.period = after(&open, &lower, "inspection took place from ")
        .or_else(|| after(&open, &lower, "inspection took place between "))
        .map(|s| until(s, &[". "]))
        .and_then(|s| value(s, 60))
        .or_else(|| between(&open, &lower));
    r
}

/// The titles of an Area SEND report's two lists of what must improve.
const SEND_LISTS: &[(&str, &str)] =
    &[("areas for priority action", "Areas for priority action"), ("areas for improvement", "Areas for improvement")];

/// Words that open an Area SEND recommendation addressed to the partnership or a partner:
/// "Leaders across the partnership should …", "The local area partnership must …".
const ITEM_OPENINGS: &[&str] = &[
    "leaders across",
    "leaders from",
    "leaders in ",
    "leaders at ",
    "leaders of ",
    "leaders, ",
    "area leaders",
    "health leaders",
    "partnership leaders",
    "senior leaders",
    "strategic leaders",
    "the local area partnership",
    "local area partnership",
    "the lap ",
    "commissioners",
    "health commissioners",
    "nhs ",
    "the integrated care board",
    "the icb ",
];

/// Does this sentence open a new item: a recommendation with its own full subject, or with
/// the subject the list's first item opened with (a list whose every item says "Leaders
/// should …" — in others that is how an item goes on)?
fn opens_item(lower: &str, first: Option<&str>, after_bullets: bool) -> bool {
    // After an item's bullets, the subject's head word ("leaders should" after "leaders across
    // the partnership need to …: • … • …"); before them "Leaders should further embed …" goes
    // on with the item.
    recommends(lower)
        && !adds_to_the_item_before(lower)
        && (ITEM_OPENINGS.iter().any(|o| lower.starts_with(o))
            || first.is_some_and(|f| lower.starts_with(f))
            || after_bullets && same_subject(lower, first)
            || lower.split(' ').nth(1).is_some_and(|w| w == "council" || w == "city"))
}

/// Does this sentence open with the subject the list's items share, the first item's head
/// word when it names who acts ("leaders …"), not "the", "this", "they"?
fn same_subject(lower: &str, first: Option<&str>) -> bool {
    first
        .and_then(|f| f.split(' ').next())
        .filter(|w| !["the", "a", "an", "this", "these", "they", "it", "their", "there"].contains(w))
        .is_some_and(|w| lower.strip_prefix(w).is_some_and(|rest| rest.starts_with(' ')))
}

/// A recommendation that says it adds to the one before ("Leaders across the partnership
/// should also ensure that …", after that item's bullets): part of the same row.
fn adds_to_the_item_before(lower: &str) -> bool {
    let head: String = lower.split(' ').take(8).collect::<Vec<_>>().join(" ");
    [" should also ", " must also ", " also need", " also must ", " also should "].iter().any(|w| head.contains(w))
}

/// A recommendation: "should", "must", "needs to".
/// The verbs of a recommendation.
const MODALS: &[&str] = &[" should ", " must ", " needs to ", " need to "];

fn recommends(lower: &str) -> bool {
    // "Leaders need to …", not "Leaders have identified the need to …".
    MODALS.iter().any(|w| {
        lower.match_indices(w).any(|(k, _)| *w != " need to " || !lower.get(..k).is_some_and(|b| b.ends_with(" the") || b.ends_with(" a")))
    })
}

/// The first two words of a sentence ("leaders should "), the subject a list's items share.
fn opening_words(lower: &str) -> Option<String> {
    let mut w = lower.split(' ');
    Some(format!("{} {} ", w.next()?, w.next()?))
}

/// An Area SEND report's "Areas for priority action" and "Areas for improvement": rows of a
/// table that every text shape prints as one run of sentences. An item starts at a
/// recommendation with its own subject ("Leaders across the partnership should …"); the
/// sentences after it ("They should publish …", "This should focus on …") and its bullets
/// are its own. The list ends at the next part of the report.
pub fn send_lists(reading: &Reading) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut consumed = 0;
    for h in &reading.outline {
        let Some(&(key, title)) = SEND_LISTS.iter().find(|(n, _)| h.norm.trim_end_matches([' ', ':']) == *n) else { continue };
        if h.block < consumed {
            continue;
        }
        let mut list = ListReader {
            title,
            first: None,
            open: None,
            pending: None,
            finding_first: None,
            open_recommends: false,
            after_bullets: false,
            cell_going: false,
            in_row: false,
            column: None,
            out: &mut out,
        };
        let mut end = reading.blocks.len();
        let mut after_row = false;
        for (bi, b) in reading.blocks.iter().enumerate().skip(h.block + 1) {
            let n = super::text::norm(&b.text);
            // A heading ends the list; so does the next part's title when the text shape did
            // not make it a heading (a short line, no full stop: "Local area partnership details").
            let titled = b.kind == BlockKind::Heading || (n.len() < 100 && !b.text.trim_end().ends_with('.'));
            if titled && ends_list(&n, key) {
                end = bi;
                break;
            }
            // The table's headers, printed again over its rows or on the next page.
            if n.trim_end_matches([' ', ':']) == key || n.starts_with("responsible body") && n.len() < 60 {
                continue;
            }
            // A row of the table with its columns side by side (`pdftotext -layout`): the
            // body's cell on the left, the item's words on the right.
            if let Some((left, right)) = body_and_item(bi, b) {
                list.row(reading, left, &right);
                after_row = true;
                continue;
            }
            // A line of the body's cell alone, where the item's words ended first.
            if after_row && is_name_part(&b.text) {
                list.cell(&b.text);
                continue;
            }
            after_row = false;
            // A bullet's block may run on into the next item's words where no blank line or
            // indent parted them ("• … across education, health and care. Leaders across the
            // partnership need to …"): only its first sentence is the bullet.
            for (k, sent) in reading.sentences_of(bi).iter().enumerate() {
                list.sentence(reading, sent, b.kind == BlockKind::ListItem && k == 0);
            }
        }
        list.flush();
        consumed = end;
    }
    out
}

/// The titles of what-must-improve lists in an area inspection's outline that gave no item
/// ("Areas for improvement" over text grouped by agency, say): each needs a warning, since a
/// list read as empty would be a silent partial answer.
pub fn unread_lists(reading: &Reading, stated: &[Item]) -> Vec<String> {
    const LISTS: &[&str] = &["areas for improvement", "areas for priority action", "area for priority action", "what needs to improve"];
    let mut out: Vec<String> = Vec::new();
    for h in &reading.outline {
        let Some(key) = LISTS.iter().find(|k| h.norm.starts_with(*k)) else { continue };
        let read = stated.iter().any(|i| i.section.as_deref().is_some_and(|s| super::text::norm(s).starts_with(key)));
        if !read && !out.iter().any(|t| super::text::norm(t) == h.norm) {
            out.push(h.title.clone());
        }
    }
    out
}

/// A table row of two cells whose first is (part of) a body's name: that name and the second
/// cell as a sentence of the row's block.
fn body_and_item(bi: usize, b: &super::blocks::Block) -> Option<(&str, super::blocks::Sentence)> {
    if b.kind != BlockKind::TableRow {
        return None;
    }
    let k = b.text.find(" | ")?;
    let (left, right) = (b.text.get(..k)?, b.text.get(k + 3..)?);
    if right.contains(" | ") || right.trim().is_empty() || !is_name_part(left) {
        return None;
    }
    // The item's own bullets keep their glyph in the cell: "▪ community paediatrics;".
    let words = right.trim_start_matches(|c: char| c.is_whitespace() || "\u{25aa}\u{2022}\u{25fc}\u{25cf}\u{b7}".contains(c));
    if words.trim().is_empty() {
        return None;
    }
    let start = k + 3 + (right.len() - words.len());
    let end = k + 3 + right.trim_end().len();
    let text = b.text.get(start..end)?;
    if text.len() > super::blocks::MAX_SENTENCE {
        return None;
    }
    Some((left.trim(), super::blocks::Sentence { block: bi, start, end, lower: text.to_ascii_lowercase(), nums: Vec::new() }))
}

/// Part of a body's name as a table's cell prints it, a line at a time: "Bury Metropolitan
/// Borough", "Council and NHS Greater", "Manchester ICB", "Council".
fn is_name_part(s: &str) -> bool {
    (1..=8).contains(&s.split_whitespace().count()) && capitalised_name(s, true)
}

/// Where an Area SEND list ends: the other list, or the report's next part.
fn ends_list(norm: &str, key: &str) -> bool {
    const PARTS: &[&str] = &[
        "local area partnership details",
        "what is it like",
        "what is the area partnership",
        "information about",
        "inspection outcome",
        "next steps",
    ];
    PARTS.iter().any(|p| norm.starts_with(p)) || SEND_LISTS.iter().any(|(n, _)| *n != key && norm.starts_with(n))
}

/// Sentences of one Area SEND list into items.
struct ListReader<'o> {
    title: &'static str,
    /// The opening words of the list's first recommendation.
    first: Option<String>,
    /// The item being read: its text, span and the body it is addressed to.
    open: Option<(String, super::Span, Option<String>)>,
    /// The responsible body printed beside the next item (a table's first column).
    pending: Option<String>,
    /// Whether the list's items open with a finding and then say what should be done ("Too few
    /// families receive an antenatal visit. … Leaders across the partnership should …"): set
    /// by the list's first sentence.
    finding_first: Option<bool>,
    /// Whether the open item has said what should be done yet.
    open_recommends: bool,
    /// Whether the sentence before was one of the item's bullets.
    after_bullets: bool,
    /// Whether the sentence before was the open item's body's name going on after a page
    /// break (see `cell_run_on`).
    cell_going: bool,
    /// One body printed over and over in a column apart from the items: the body of each
    /// item that has none of its own.
    column: Option<String>,
    /// Whether the sentence being read is the item's cell of a row with its columns side by
    /// side (see `row`).
    in_row: bool,
    out: &'o mut Vec<Item>,
}

/// Words that carry a sentence on from the one before: never an item's first words.
const GOES_ON: &[&str] =
    &["this ", "these ", "that ", "it ", "they ", "their ", "in particular", "including ", "as a result", "for example"];

impl ListReader<'_> {
    fn flush(&mut self) {
        if let Some((text, span, agency)) = self.open.take() {
            self.out.push(Item {
                origin: Origin::StatedList,
                text,
                section: Some(self.title.to_string()),
                cue: None,
                confidence: None,
                span,
                scope: None,
                agency,
            });
        }
    }

    /// When the open item's body is cut off ("… and NHS Nottingham and") and its sentence too,
    /// the words that open this text up to its first lower-case word ("Nottinghamshire
    /// Integrated" / "Care Board with SEND.") are the rest of the body's name: they are added
    /// to it, and where the rest of the text starts is returned (its end when all of it is
    /// the name's).
    fn cell_run_on(&mut self, text: &str) -> Option<usize> {
        if !self.open_recommends || self.in_row {
            return None;
        }
        let going = std::mem::take(&mut self.cell_going);
        let (item, _, agency) = self.open.as_mut()?;
        let body = agency.as_mut()?;
        let last = body.rsplit(' ').next()?;
        let cut = going || NAME_JOINS.contains(&last) || body.ends_with(',');
        if !cut || item.trim_end().ends_with(['.', '?', '!', ':', ';']) {
            return None;
        }
        if !text.trim_start().starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let mut end = 0;
        for (k, w) in text.split_whitespace().enumerate() {
            let at = end + text.get(end..)?.find(w)?;
            if !w.starts_with(|c: char| c.is_uppercase()) && !NAME_JOINS.contains(&w) {
                if k == 0 || !w.starts_with(|c: char| c.is_lowercase()) {
                    return None;
                }
                let words = text.get(..end)?.trim();
                add_to_name(agency, words);
                return Some(at);
            }
            end = at + w.len();
        }
        // All of it is the name's, which may go on in the next line.
        add_to_name(agency, text.trim());
        self.cell_going = true;
        Some(text.len())
    }

    /// A row of the table printed with its columns side by side: `cell` is a line of the
    /// body's name, `sent` a line of the item. The cell belongs to the item the row opens, or
    /// else to the open item.
    fn row(&mut self, reading: &Reading, cell: &str, sent: &super::blocks::Sentence) {
        // A line of the item, which may end at its verb ("Leaders, including commissioners
        // and providers, should").
        let lower = format!("{} ", sent.lower);
        let opens = self.open.is_none() || opens_item(&lower, self.first.as_deref(), self.after_bullets);
        if opens {
            self.flush();
        }
        self.cell(cell);
        self.in_row = true;
        self.sentence(reading, sent, false);
        self.in_row = false;
    }

    /// A line of a body's cell of a table printed with its columns side by side: part of the
    /// open item's body, or of the next item's when none is open.
    fn cell(&mut self, cell: &str) {
        let cell = cell.trim().trim_end_matches('.');
        let to = match self.open.as_mut() {
            Some((_, _, agency)) => agency,
            None => &mut self.pending,
        };
        add_to_name(to, cell);
    }

    fn sentence(&mut self, reading: &Reading, sent: &super::blocks::Sentence, bullet: bool) {
        let text = reading.text(sent);
        // "Bury Metropolitan Borough Council and NHS Greater Manchester ICB Leaders across the
        // partnership should …": the responsible body's cell runs into the item's first words.
        let mut candidates: Vec<usize> = ITEM_OPENINGS
            .iter()
            .copied()
            .chain(self.first.as_deref())
            .flat_map(|o| sent.lower.match_indices(&format!(" {o}")).map(|(k, _)| k + 1).collect::<Vec<_>>())
            .collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        let split = candidates.into_iter().find(|&k| text.is_char_boundary(k) && names_a_body(&text[..k]) && recommends(&sent.lower[k..]));
        let (body, text, lower, start) = match split {
            Some(k) => (Some(text[..k].trim().to_string()), &text[k..], &sent.lower[k..], k),
            None => (None, text, sent.lower.as_str(), 0),
        };
        // A two-column table broken by a page: the body's cell goes on at the top of the next
        // page, printed before the rest of the item's cut sentence ("… children and young
        // people" / "Nottinghamshire Integrated Care Board with SEND. This includes …"). The
        // cell's words finish the open item's body; the rest finishes its sentence.
        let (text, lower, start) = match self.cell_run_on(text).and_then(|k| Some((text.get(k..)?, lower.get(k..)?, start + k))) {
            Some((rest, _, _)) if rest.trim().is_empty() => return,
            Some(rest) => rest,
            None => (text, lower, start),
        };
        let one_word_more = self.pending.is_some() && text.split_whitespace().count() == 1 && text.starts_with(|c: char| c.is_uppercase());
        if body.is_none() && !recommends(lower) && (names_a_body(text) || one_word_more) {
            // A body's cell, often a line at a time: it belongs to the next item.
            self.flush();
            add_to_name(&mut self.pending, text.trim().trim_end_matches('.'));
            return;
        }
        let span = reading.blocks.get(sent.block).map(|b| b.span(sent.start + start, sent.end)).unwrap_or((0, 0));
        // Decided by the list's first full sentence (a body's cell run into it is not one).
        if self.finding_first.is_none() && (recommends(lower) || text.trim_end().ends_with('.') && text.split_whitespace().count() >= 6) {
            self.finding_first = Some(!recommends(lower));
        }
        let finding_first = self.finding_first.unwrap_or(false);
        let after_bullets = std::mem::replace(&mut self.after_bullets, bullet);
        let goes_on = match self.open {
            None => false,
            Some(_) if body.is_some() => false,
            Some(_) if bullet => true,
            // Finding first: a finding after the item's recommendation opens the next item; the
            // item's own recommendation, however it opens, goes on with it.
            Some(_) if finding_first => {
                if recommends(lower) {
                    !self.open_recommends || !opens_item(lower, self.first.as_deref(), after_bullets)
                } else {
                    !self.open_recommends || GOES_ON.iter().any(|w| lower.starts_with(w))
                }
            }
            // A finding with the items' own subject after a whole item opens the next one
            // ("Leaders have identified the need to improve the learning disability pathway.
            // They should …" after "Leaders should … in the local area.").
            Some((ref t, _, _))
                if !recommends(lower)
                    && self.open_recommends
                    && t.trim_end().ends_with('.')
                    && same_subject(lower, self.first.as_deref()) =>
            {
                false
            }
            Some(_) => !opens_item(lower, self.first.as_deref(), after_bullets),
        };
        // The list's first recommendation gives the subject its items share; its subject may
        // have begun on a line before ("Leaders, NHS Nottingham and Nottinghamshire" /
        // "Integrated Care Board and … should cooperate …").
        if self.first.is_none() && recommends(lower) {
            self.first = match &self.open {
                Some((t, _, _)) if goes_on => opening_words(&t.to_ascii_lowercase()),
                _ => opening_words(lower),
            };
        }
        match self.open.as_mut() {
            Some((t, sp, _)) if goes_on => {
                // One bullet after another, their glyphs gone: parted by "; " so the item reads
                // as its list ("… waiting for a speech and language therapy assessment; children
                // waiting for a community paediatric assessment").
                if bullet && after_bullets && !t.trim_end().ends_with(['.', ',', ';', ':', '?', '!']) {
                    t.push(';');
                }
                t.push(' ');
                t.push_str(text);
                sp.1 = span.1;
                self.open_recommends |= recommends(lower);
            }
            _ => {
                self.flush();
                let agency = match (self.pending.take(), body) {
                    (Some(a), Some(b)) => Some(format!("{a} {b}")),
                    (a, b) => a.or(b),
                };
                // The column of bodies printed apart, before the items (plain `pdftotext`):
                // when every cell names the same body, it is every item's on that page.
                let agency = match agency {
                    Some(a) => {
                        let one = once(&a);
                        self.column = (one.split_whitespace().count() < a.split_whitespace().count()).then(|| one.clone());
                        Some(one)
                    }
                    None => self.column.clone(),
                };
                self.open = Some((text.to_string(), span, agency));
                self.open_recommends = recommends(lower);
            }
        }
    }
}

/// The longest body's name kept, in bytes: a column of cells that never ends (generated text)
/// stops growing there, so adding to a name stays cheap.
const MAX_NAME: usize = 400;

/// `words` added to a body's name read a line at a time.
fn add_to_name(name: &mut Option<String>, words: &str) {
    match name {
        Some(a) if a.len() >= MAX_NAME => {}
        Some(a) => {
            a.push(' ');
            a.push_str(words);
        }
        None => *name = Some(words.to_string()),
    }
}

/// A name printed several times over (the cells of a column run together in plain text) once:
/// "X and Y X and Y X and Y" → "X and Y".
fn once(s: &str) -> String {
    let w: Vec<&str> = s.split_whitespace().collect();
    for p in 1..w.len() {
        if w.len() % p == 0 && w.chunks(p).all(|c| c == &w[..p]) {
            return w[..p].join(" ");
        }
    }
    w.join(" ")
}

/// The body a recommendation names as its subject, when it names one of the partners rather
/// than the partnership: "NHS North East London ICB should …", "West Midlands Police need to
/// …", "Leaders at NHS South West London ICB should …", "Plymouth City Council leaders should
/// …", "Leaders from the local authority need to …". Not "Leaders across the partnership",
/// "The LAP", "Leaders of the LSCP", nor a sector ("Health leaders", "Leaders in health").
pub fn named_addressee(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = MODALS.iter().filter_map(|w| lower.find(w)).min()?;
    let subject = text.get(..at)?.trim();
    if subject.split_whitespace().count() > 12 {
        return None;
    }
    let mut name = subject;
    for lead in
        ["Leaders from ", "Leaders at ", "Leaders in ", "Leaders of ", "Senior leaders from ", "Senior leaders at ", "Senior leaders in "]
    {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest;
        }
    }
    for tail in [" senior leaders", " leaders"] {
        if let Some(rest) = name.strip_suffix(tail) {
            name = rest;
        }
    }
    let norm = name.to_ascii_lowercase();
    if norm == "the local authority" {
        return Some("the local authority".to_string());
    }
    // The partnership as a whole, or its safeguarding board: not one of its partners.
    const WHOLE: &[&str] = &["partnership", "partnerships", "lap", "lscp", "lscb", "safeguarding", "leaders", "partners"];
    let whole = norm.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| WHOLE.contains(&w));
    let body = name.strip_prefix("The ").unwrap_or(name);
    (!whole && names_a_body(body)).then(|| body.to_string())
}

/// Does this read as the name of a body (a council, an ICB), not a sentence: capitalised
/// words, with "and", "of", "the", "for" between them?
fn names_a_body(s: &str) -> bool {
    (2..=16).contains(&s.split_whitespace().count()) && capitalised_name(s, false)
}

/// Words that join the capitalised words of a body's name.
const NAME_JOINS: &[&str] = &["and", "of", "the", "for", "&"];

/// Capitalised words joined by `NAME_JOINS`, not ending with a full stop. A place's lower-case
/// word may sit inside the name, between capitalised words ("Kingston upon Hull City Council",
/// "NHS Norfolk and Waveney area ICB"), or anywhere in a `fragment` of it (a line of a cell:
/// "NHS Norfolk and Waveney area"). "Leaders, NHS Nottingham and Nottinghamshire" is an item's
/// subject, not a body's name.
fn capitalised_name(s: &str, fragment: bool) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    words.iter().enumerate().all(|(k, w)| {
        capital(w) || NAME_JOINS.contains(w) || ["area", "upon"].contains(w) && (fragment || k > 0 && words.get(k + 1).is_some_and(capital))
    }) && !s.trim_end().ends_with('.')
        && !words.iter().any(|w| ["Leaders", "Leaders,", "Commissioners", "Commissioners,"].contains(w))
}

#[cfg(test)]
mod tests {
    use super::super::{blocks, text::Doc};
    use super::*;

    fn send(s: &str) -> AreaRead {
        let doc = Doc::new(s);
        let reading = blocks::read(&doc, s);
        read_send(&doc, &reading)
    }

    #[test]
    fn an_area_send_report_gives_its_partnership_previous_dates_and_outcome() {
        let r = send(
            "Local area partnership report\n\nArea SEND inspection of Barking and\nDagenham Local Area Partnership\n\
             Inspection dates: 8 to 12 July 2024\nDates of previous inspection: 27 to 31 March 2017\n\nInspection outcome\n\
             The local area partnership's arrangements lead to inconsistent experiences and\noutcomes for children and young people with special educational needs and/or\ndisabilities (SEND). The local area partnership must work jointly to make improvements.\n",
        );
        assert_eq!(r.area.as_deref(), Some("Barking and Dagenham Local Area Partnership"));
        assert_eq!(r.previous_period.as_deref(), Some("27 to 31 March 2017"));
        assert_eq!(r.judgements.len(), 1);
        assert_eq!((r.judgements[0].area.as_str(), r.judgements[0].grade), ("Inspection outcome", Grade::InconsistentExperiences));
        assert_eq!(r.agencies, ["Ofsted"]);
    }

    #[test]
    fn an_area_send_list_is_split_at_each_recommendation_with_its_own_subject() {
        // As pdftotext prints the table: its title, then the column's header, then the rows.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\nLeaders know the area well.\n\nAreas for improvement\nAreas for improvement\n\
                    Leaders across the partnership should improve communication to parents. The\npartnership should ensure that the local offer is updated.\n\
                    Leaders across the partnership should continue to develop the range of AP. Leaders should further embed\nthe oversight of AP. They should publish the policy.\n\
                    The local area partnership must work together to plan transitions. This should focus on training.\n\n\
                    Local area partnership details\n\nLocal Authority\n";
        let doc = Doc::new(text);
        let reading = blocks::read(&doc, text);
        let items: Vec<String> = send_lists(&reading).into_iter().map(|i| i.text).collect();
        assert_eq!(
            items,
            [
                "Leaders across the partnership should improve communication to parents. The partnership should ensure that the local offer is updated.",
                "Leaders across the partnership should continue to develop the range of AP. Leaders should further embed the oversight of AP. They should publish the policy.",
                "The local area partnership must work together to plan transitions. This should focus on training.",
            ]
        );
    }

    #[test]
    fn the_partnership_details_end_the_list_when_they_are_not_read_as_a_heading() {
        // As pdftotext prints the end of the list: a bullet glyph alone, a page break, then the
        // details' title run on with the table's first cells (read as the glyph's list item),
        // then names and addresses.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\n{}\n\n\
                    Areas for improvement\nAreas for improvement\n\
                    Leaders across the partnership should put in place the appropriate governance\n\
                    arrangements to deliver their SEND plans both individually and across the wider\npartnership.\n\u{25aa}\n\n\
                    \u{c}Local area partnership details\nLocal Authority\nAnytown County Council\n\n\
                    Jo Smith, Executive lead for\nSEND\n\nwww.anytown.gov.uk\n\nCounty Hall\nHigh Road\nAnytown\nAT2 7QP\n"
            .replace("{}", &"Leaders know the area well and have a clear and shared understanding of its needs\n".repeat(12));
        let text = text.as_str();
        let doc = Doc::new(text);
        let reading = blocks::read(&doc, text);
        let items: Vec<String> = send_lists(&reading).into_iter().map(|i| i.text).collect();
        assert_eq!(
            items,
            ["Leaders across the partnership should put in place the appropriate governance arrangements to deliver their SEND plans both individually and across the wider partnership."]
        );
    }

    #[test]
    fn a_body_named_over_again_is_named_once() {
        assert_eq!(once("Bury Council and NHS ICB Bury Council and NHS ICB"), "Bury Council and NHS ICB");
        assert_eq!(once("Bury Council and NHS ICB"), "Bury Council and NHS ICB");
    }

    fn items_and_bodies(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let reading = blocks::read(&doc, text);
        send_lists(&reading).into_iter().map(|i| (i.text, i.agency)).collect()
    }

    #[test]
    fn a_recommendation_that_says_also_goes_on_with_the_item_before() {
        // The item's bullets, then "should also": the same row of the table.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\nLeaders know the area well.\n\n\
                    Areas for priority action\n\nLeaders across the partnership should improve support while children wait. This includes:\n\
                    \u{2022} children waiting for a speech and language therapy assessment\n\
                    \u{2022} children waiting for a community paediatric assessment.\n\n\
                    Leaders across the partnership should also ensure that young people have a diagnostic pathway.\n\n\
                    Leaders across the partnership should improve preparation for adulthood.\n\nLocal area partnership details\n";
        let items: Vec<String> = items_and_bodies(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[0].ends_with("should also ensure that young people have a diagnostic pathway."), "{}", items[0]);
    }

    #[test]
    fn the_next_item_run_into_a_bullet_s_block_opens_an_item_of_its_own() {
        // As pdf.js prints it: no blank line or indent between a bullet and the next item.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\nLeaders know the area well.\n\n\
                    Areas for improvement\n\
                    Leaders across the partnership need to develop a strategy. This should particularly focus on:\n\
                    \u{2022} developing co-production\n\
                    \u{2022} hearing children's voices across education, health and care.\n\
                    Leaders across the partnership need to accelerate their work on EHC plans. This includes:\n\
                    \u{2022} prioritising out-of-date plans.\n\
                    Leaders should develop more coherent strategies.\n\nLocal area partnership details\n";
        let items: Vec<String> = items_and_bodies(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            items,
            [
                "Leaders across the partnership need to develop a strategy. This should particularly focus on: developing co-production; hearing children's voices across education, health and care.",
                "Leaders across the partnership need to accelerate their work on EHC plans. This includes: prioritising out-of-date plans.",
                "Leaders should develop more coherent strategies.",
            ]
        );
    }

    #[test]
    fn one_body_printed_down_a_column_apart_is_each_item_s() {
        // As plain pdftotext prints the table: the column of bodies, then the column of items.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\n{}\n\nAreas for priority action\n\nResponsible body\n\
                    Anytown Borough\nCouncil and NHS Shire ICB\n\nAnytown Borough\nCouncil and NHS Shire ICB\n\n\
                    Areas for priority action\nLeaders across the partnership should ensure that the SEND strategy is implemented.\n\
                    Leaders across the partnership should improve plans.\n\nAreas for improvement\n\nLeaders across the partnership should train staff.\n"
            .replace("{}", &"Leaders know the area well and have a clear and shared understanding of its needs\n".repeat(12));
        let bodies: Vec<Option<String>> = items_and_bodies(&text).into_iter().map(|(_, b)| b).collect();
        let one = Some("Anytown Borough Council and NHS Shire ICB".to_string());
        assert_eq!(bodies, [one.clone(), one, None]);
    }

    #[test]
    fn a_finding_with_the_items_subject_after_a_whole_item_opens_the_next() {
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\n{}\n\n\
                    Areas for improvement\n\
                    Leaders should continue to implement their strategy to reduce suspensions. They should further collaborate with schools.\n\
                    Leaders have identified the need to improve the learning disability pathway. They should strengthen the systems.\n\
                    Leaders should continue to strengthen EHC plans. Leaders know that more needs to be done to improve them.\n\n\
                    Local area partnership details\n"
            .replace("{}", &"Leaders know the area well and have a clear and shared understanding of its needs\n".repeat(12));
        let items: Vec<String> = items_and_bodies(&text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(
            items,
            [
                "Leaders should continue to implement their strategy to reduce suspensions. They should further collaborate with schools.",
                "Leaders have identified the need to improve the learning disability pathway. They should strengthen the systems.",
                // A recommendation's own finding ("more needs to be done") goes on with it.
                "Leaders should continue to strengthen EHC plans. Leaders know that more needs to be done to improve them.",
            ]
        );
    }

    #[test]
    fn a_body_cut_by_a_page_goes_on_before_the_rest_of_its_item() {
        // As pdf.js prints a two-column table broken by a page: the cell's last lines come
        // before the rest of the item's cut sentence.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\n{}\n\n\
                    Areas for priority action\n\nResponsible body Areas for priority action\nAnytown County\nCouncil and NHS\nAnytown and\n\n\
                    Leaders, NHS Anytown and Shire\nIntegrated Care Board and care providers should cooperate to identify the needs of children\n\n\u{c}\
                    Shire Integrated\nCare Board\nwith SEND. This includes timely plans.\n\nAreas for improvement\n\n\
                    Leaders across the partnership should train staff.\n"
            .replace("{}", &"Leaders know the area well and have a clear and shared understanding of its needs\n".repeat(12));
        let items = items_and_bodies(&text);
        assert_eq!(
            items[0],
            (
                "Leaders, NHS Anytown and Shire Integrated Care Board and care providers should cooperate to identify the needs of children with SEND. This includes timely plans."
                    .to_string(),
                Some("Anytown County Council and NHS Anytown and Shire Integrated Care Board".to_string())
            )
        );
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn a_table_printed_with_its_columns_side_by_side_gives_each_item_its_body() {
        // As `pdftotext -layout` prints it: the body's cell on the left, a line at a time.
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\nLeaders know the area well.\n\n\
                    Areas for priority action\n\n Responsible body                 Areas for priority action\n\
                    \x20Anytown Borough                  Leaders across the partnership should ensure that the\n\
                    \x20Council and NHS Greater          SEND strategy is implemented to improve the lives\n\
                    \x20Anytown ICB                      of children with SEND.\n\
                    \x20                                 This should be overseen by the board.\n\
                    \x20Anytown County                   The local area partnership should urgently address the\n\
                    \x20Council, Anytown                 long waiting times for:\n\
                    \x20Children\u{2019}s Trust\n\
                    \x20Shire ICB                            \u{25aa} community paediatrics.\n\n\
                    Areas for improvement\n\nLeaders across the partnership should train staff.\n";
        assert_eq!(
            items_and_bodies(text),
            [
                (
                    "Leaders across the partnership should ensure that the SEND strategy is implemented to improve the lives of children with SEND. This should be overseen by the board."
                        .to_string(),
                    Some("Anytown Borough Council and NHS Greater Anytown ICB".to_string())
                ),
                (
                    "The local area partnership should urgently address the long waiting times for: community paediatrics.".to_string(),
                    Some("Anytown County Council, Anytown Children's Trust Shire ICB".to_string())
                ),
                ("Leaders across the partnership should train staff.".to_string(), None),
            ]
        );
    }

    #[test]
    fn a_recommendation_addressed_by_name_to_one_partner_gives_that_body() {
        for (item, body) in [
            ("West Midlands Police need to take urgent action to improve their response.", Some("West Midlands Police")),
            ("East Cheshire NHS Trust should improve wider safeguarding practice.", Some("East Cheshire NHS Trust")),
            ("Leaders at NHS South West London ICB should ensure that waits fall.", Some("NHS South West London ICB")),
            ("Leaders from the local authority need to strengthen their oversight.", Some("the local authority")),
            ("Plymouth City Council leaders should ensure that children attend.", Some("Plymouth City Council")),
            ("The Integrated Care Board must commission more therapists.", Some("Integrated Care Board")),
            ("Leaders across the partnership should improve plans.", None),
            ("The LAP should work more collaboratively.", None),
            ("Leaders of the LSCP should address the strategic weaknesses.", None),
            ("Health leaders should further address gaps.", None),
            ("Leaders in health should continue to take action.", None),
            ("Local area partnership leaders should cooperate.", None),
            ("Too few families receive an antenatal visit.", None),
        ] {
            assert_eq!(named_addressee(item).as_deref(), body, "{item}");
        }
    }

    #[test]
    fn a_name_may_hold_a_place_s_lower_case_word_but_not_end_with_one() {
        assert!(names_a_body("NHS Norfolk and Waveney area ICB"));
        assert!(names_a_body("Kingston upon Hull City Council"));
        assert!(!names_a_body("Waveney ICB Local area"));
        assert!(!names_a_body("Leaders, NHS Anytown and Shire"));
    }

    #[test]
    fn the_responsible_body_beside_a_priority_action_is_kept() {
        let text = "Area SEND inspection of Anytown Local Area Partnership\n\nLeaders know the area well.\n\n\
                    Areas for priority action\n\nResponsible body Areas for priority action\nAnytown Borough\nCouncil and NHS Anytown ICB\n\n\
                    Leaders across the partnership should ensure that the\nSEND strategy is implemented.\nAnytown Borough\nCouncil\n\n\
                    Leaders across the partnership should improve plans.\n\nAreas for improvement\n\nLeaders across the partnership should train staff.\n";
        let doc = Doc::new(text);
        let reading = blocks::read(&doc, text);
        let items: Vec<(String, Option<String>)> = send_lists(&reading).into_iter().map(|i| (i.text, i.agency)).collect();
        assert_eq!(
            items,
            [
                (
                    "Leaders across the partnership should ensure that the SEND strategy is implemented.".to_string(),
                    Some("Anytown Borough Council and NHS Anytown ICB".to_string())
                ),
                ("Leaders across the partnership should improve plans.".to_string(), Some("Anytown Borough Council".to_string())),
                ("Leaders across the partnership should train staff.".to_string(), None),
            ]
        );
    }

    /// A 2016–22 letter in the framework's template (names and dates made up).
    const LETTER_2016: &str = "12 May 2018\n\nMrs A Person\nDirector of Children's Services\nAnytown Council\n\nDear Mrs Person\n\n\
        Joint local area SEND inspection in Anytown\n\n\
        Between 12 March 2018 and 16 March 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local\n\
        area of Anytown to judge the effectiveness of the area in implementing the disability and special educational needs reforms\n\
        as set out in the Children and Families Act 2014.\n\n\
        As a result of the findings of this inspection and in accordance with the Children Act 2004 (Joint Area Reviews) Regulations\n\
        2015, Her Majesty's Chief Inspector (HMCI) has determined that a Written Statement of Action is required because of\n\
        significant areas of weakness in the local area's practice.\n\n\
        Main findings\n\n\u{2022} Leaders know the area well.\n\n\
        The local area is required to produce and submit a Written Statement of Action to Ofsted that explains how the local area\n\
        will tackle the following areas of significant weakness:\n\n\
        \u{2022} the lack of a joint commissioning strategy\n\u{2022} the poor quality of EHC plans\n\nYours sincerely\n\nA Inspector\n";

    #[test]
    fn a_2016_letter_gives_its_area_dates_and_written_statement_of_action() {
        let r = send(LETTER_2016);
        assert_eq!(r.framework, Some(Framework::LocalAreaSend2016));
        assert_eq!(r.area.as_deref(), Some("Anytown"));
        assert_eq!(r.period.as_deref(), Some("12 March 2018 and 16 March 2018"));
        let j: Vec<(&str, Grade)> = r.judgements.iter().map(|j| (j.area.as_str(), j.grade)).collect();
        assert_eq!(j, [("Inspection outcome", Grade::WsoaRequired)]);
        // The whole report: its kind, its framework, and the closing list as the report's own gaps.
        let report = super::super::analyse(LETTER_2016);
        assert_eq!((report.kind, report.framework), (super::super::Kind::AreaSend, Some(Framework::LocalAreaSend2016)));
        let listed: Vec<&str> = report.gaps.iter().filter(|g| g.origin == Origin::StatedList).map(|g| g.text.as_str()).collect();
        assert_eq!(listed, ["the lack of a joint commissioning strategy", "the poor quality of EHC plans"]);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        // The sign-off ends the list, also when nothing follows it.
        let cut = &LETTER_2016[..LETTER_2016.find("A Inspector").unwrap_or(LETTER_2016.len())];
        let report = super::super::analyse(cut);
        let last = report.gaps.iter().rfind(|g| g.origin == Origin::StatedList).map(|g| g.text.as_str());
        assert_eq!(last, Some("the poor quality of EHC plans"));
    }

    #[test]
    fn a_2016_letter_without_a_statement_of_action_gets_no_grade_and_says_why() {
        let text = LETTER_2016
            .replace("has determined that a Written Statement of Action is required because of", "noted")
            .replace("is required to produce and submit a Written Statement of Action to Ofsted that explains", "was told");
        let report = super::super::analyse(&text);
        assert_eq!(report.framework, Some(Framework::LocalAreaSend2016));
        assert!(report.judgements.is_empty());
        assert!(report.warnings.iter().any(|w| w.contains("Letters that required none do not mention one")), "{:?}", report.warnings);
    }

    #[test]
    fn a_council_retelling_the_outcome_is_read_and_a_statement_not_required_is_not() {
        let opening = "Between 12 November 2018 and 16 November 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint \
                       inspection of the local area of Anytown to judge the effectiveness of the area in implementing the disability and \
                       special educational needs reforms, as set out in the Children and Families Act 2014.\n\n";
        for (said, required) in [
            ("The inspection determined that a written statement of action (an action plan) was required because of significant areas of weakness.", true),
            ("As a result of the inspection the local area was required to develop a Written Statement of Action.", true),
            ("No written statement of action was required.", false),
            ("Sheffield's written statement of action describes how improvements will be made.", false),
        ] {
            let r = send(&format!("{opening}{said}\n"));
            assert_eq!(r.framework, Some(Framework::LocalAreaSend2016));
            assert_eq!(r.judgements.iter().any(|j| j.grade == Grade::WsoaRequired), required, "{said}");
        }
    }

    #[test]
    fn a_revisit_gives_its_conclusion_on_the_significant_weaknesses() {
        let opening = "Joint local area SEND revisit in Anytown\n\nBetween 19 and 21 May 2021, Ofsted and the Care Quality Commission \
                       (CQC) revisited the local area of Anytown to decide whether sufficient progress has been made in addressing each \
                       of the areas of significant weakness detailed in the written statement of action (WSOA) issued on 1 May 2018.\n\n";
        for (conclusion, grade) in [
            ("The area has made sufficient progress in addressing all of the significant weaknesses.", Grade::ProgressOnAll),
            ("The area has made sufficient progress in addressing the three areas of significant weakness.", Grade::ProgressOnAll),
            ("The area has made sufficient progress in addressing two of the five significant weaknesses.", Grade::ProgressOnSome),
            ("The area has made sufficient progress in addressing 1 of the 4 areas of significant weakness.", Grade::ProgressOnSome),
            ("The area has not made sufficient progress in addressing any of the four significant weaknesses.", Grade::ProgressOnNone),
            ("The area has made insufficient progress in addressing the significant weaknesses.", Grade::ProgressOnNone),
            ("The area has made sufficient progress in addressing four of the significant weaknesses.", Grade::ProgressOnSome),
            ("The area has not made sufficient progress in addressing one significant weakness.", Grade::ProgressOnSome),
            ("Inspectors found that Anytown has made sufficient progress in five of the eight areas.", Grade::ProgressOnSome),
        ] {
            // The body's sentence on one weakness comes after, and is not the conclusion.
            let text = format!("{opening}{conclusion}\n\nThe area has made sufficient progress in addressing this significant weakness.\n");
            let r = send(&text);
            assert_eq!(r.framework, Some(Framework::LocalAreaSendRevisit), "{conclusion}");
            assert_eq!(r.area.as_deref(), Some("Anytown"));
            let j: Vec<(&str, Grade)> = r.judgements.iter().map(|j| (j.area.as_str(), j.grade)).collect();
            assert_eq!(j, [("Revisit outcome", grade)], "{conclusion}");
        }
        // No conclusion: none invented, and the warning says what is missing.
        let r = send(opening);
        assert!(r.judgements.is_empty());
        assert!(no_outcome(r.framework).contains("sufficient progress, or not"));
    }

    #[test]
    fn without_an_outcome_sentence_no_outcome_is_invented() {
        assert!(send("Area SEND inspection of Anytown Local Area Partnership\nInspection dates: 1 to 5 May 2024\n").judgements.is_empty());
    }

    #[test]
    fn a_jtai_letter_of_either_shape_gives_area_theme_dates_and_inspectorates() {
        let new = "18 July 2022\nDear Barnsley Safeguarding Children Partnership\nJoint targeted area inspection of Barnsley\n\
                   This letter summarises the findings of the joint targeted area inspection (JTAI) of the\nmulti-agency response to identification of initial need and risk in Barnsley.\n\
                   This inspection took place from 23 to 27 May 2022. It was carried out by inspectors\nfrom Ofsted, the Care Quality Commission (CQC) and Her Majesty's Inspectorate of\nConstabulary and Fire & Rescue Services (HMICFRS).\n";
        let r = read_jtai(&Doc::new(new));
        assert_eq!(r.area.as_deref(), Some("Barnsley"));
        assert_eq!(r.theme.as_deref(), Some("the multi-agency response to identification of initial need and risk"));
        assert_eq!(r.period.as_deref(), Some("23 to 27 May 2022"));
        assert_eq!(r.agencies, ["Ofsted", "CQC", "HMICFRS"]);
        let old = "Dear local partnership\nJoint targeted area inspection of the multi-agency response to sexual abuse in\nthe family in Shropshire\n\
                   Between 19 November 2018 and 23 November 2018, Ofsted, the Care Quality Commission (CQC), HMI Constabulary and Fire & Rescue services (HMICFRS) and HMI Probation (HMI Prob) undertook a joint inspection.\n";
        let r = read_jtai(&Doc::new(old));
        assert_eq!(r.area.as_deref(), Some("Shropshire"));
        assert_eq!(r.theme.as_deref(), Some("the multi-agency response to sexual abuse in the family"));
        assert_eq!(r.period.as_deref(), Some("19 November 2018 and 23 November 2018"));
        assert_eq!(r.agencies, ["Ofsted", "CQC", "HMICFRS", "HMI Probation"]);
    }
}
