//! Ofsted children's services inspections: the judgement table (ILACS, 2018 on; plain,
//! tab-separated and `pdftotext -layout` shapes), the older single inspection framework's
//! numbered judgement lists (2013–2017), section headings that restate a grade, the kind of
//! visit, the lead inspector and the previous grade.

use super::blocks::{number_alone, BlockKind, Reading};
use super::text::{norm, Doc, Line};
use super::{Grade, Judgement, PreviousGrade, Scope, Span, VisitType};

#[derive(Default)]
pub struct OfstedRead {
    pub judgements: Vec<Judgement>,
    pub visit_type: Option<VisitType>,
    pub lead_inspector: Option<String>,
    pub previous: Option<PreviousGrade>,
    pub warnings: Vec<String>,
}

/// Grade wordings, longest first, with the canonical grade each stands for.
const GRADES: &[(&str, Grade)] = &[
    ("requires improvement to be good", Grade::RequiresImprovementToBeGood),
    ("require improvement to be good", Grade::RequiresImprovementToBeGood),
    ("requires improvement", Grade::RequiresImprovement),
    ("require improvement", Grade::RequiresImprovement),
    ("outstanding", Grade::Outstanding),
    ("inadequate", Grade::Inadequate),
    ("good", Grade::Good),
];

/// The grade `s` is, if the whole of it (less trailing punctuation) is one.
fn whole_grade(s: &str) -> Option<Grade> {
    let n = norm(s);
    GRADES.iter().find(|(w, _)| n == *w).map(|(_, g)| *g)
}

/// The grade `s` ends with, and the byte length of the text before it.
fn trailing_grade(s: &str) -> Option<(Grade, usize)> {
    let lower = s.trim_end().trim_end_matches(['.', ':']).to_lowercase();
    if lower.len() != s.trim_end().trim_end_matches(['.', ':']).len() {
        return None; // lower-casing changed lengths: offsets would not match
    }
    GRADES.iter().find_map(|(w, g)| {
        let before = lower.strip_suffix(w)?;
        (before.is_empty() || before.ends_with([' ', ':', '\t', '-'])).then_some((*g, before.len()))
    })
}

/// The visit a letter or report describes, from its opening lines.
fn visit_type(doc: &Doc) -> Option<VisitType> {
    let opening: String = doc.lines.iter().filter(|l| !l.is_blank()).take(8).map(|l| norm(l.content)).collect::<Vec<_>>().join(" ");
    let kinds = [
        ("monitoring visit", VisitType::MonitoringVisit),
        ("focused visit", VisitType::FocusedVisit),
        ("joint targeted area inspection", VisitType::JointTargetedAreaInspection),
        ("inspection of", VisitType::Full),
    ];
    kinds.iter().find(|(cue, _)| opening.contains(cue)).map(|(_, k)| *k)
}

fn lead_inspector(doc: &Doc) -> Option<String> {
    doc.lines.iter().take(60).find_map(|l| {
        let n = norm(l.content);
        if !n.starts_with("lead inspector") {
            return None;
        }
        let v = l.content.split_once(':')?.1.trim();
        let name = v.split(',').next()?.trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

/// Split a `pdftotext -layout` line at its widest run of 2+ spaces: (left, right, right's offset).
fn layout_cells(c: &str) -> Option<(&str, &str, usize)> {
    let i = c.find("  ")?;
    let left = c[..i].trim_end();
    let rest = &c[i..];
    let right = rest.trim_start();
    let off = c.len() - right.len();
    (!left.is_empty() && !right.is_empty()).then_some((left, right, off))
}

struct Row {
    area: String,
    area_start: usize,
    grade: Grade,
    end: usize,
    /// The grade shared a line with the area's first words (-layout); more area may follow.
    open: bool,
    /// The grade stood alone between the lines of a wrapped area (-layout centres it): a
    /// following line in lower case ("and families") ends the area.
    continues: bool,
}

/// The line (in the first 200) that heads the ILACS table: "Judgement", "Judgement Grade".
fn table_header(lines: &[Line]) -> Option<usize> {
    lines.iter().take(200).position(|l| {
        let n = norm(l.content);
        n == "judgement"
            || n == "judgements"
            || n.starts_with("judgement grade")
            || n.starts_with("judgement\tgrade")
            || (n.starts_with("judgement") && n.ends_with("grade") && n.len() < 60)
    })
}

/// The ILACS table under a "Judgement / Grade" header.
fn table(doc: &Doc) -> Vec<Row> {
    let lines = &doc.lines;
    let Some(h) = table_header(lines) else { return Vec::new() };
    let mut table = Table::default();
    let mut seen_content = 0;
    for l in lines.iter().skip(h + 1) {
        if l.is_blank() || l.is_rule {
            if let Some(r) = table.rows.last_mut() {
                r.open = false;
                r.continues = false;
            }
            continue;
        }
        seen_content += 1;
        if seen_content > 60 || !table.line(l) {
            break;
        }
    }
    let mut rows = table.rows;
    rows.retain(|r| r.area.chars().any(char::is_alphabetic) && r.area.len() < 200);
    rows
}

/// The judgement table being read: its rows, and the lines of an area whose grade is still to come.
#[derive(Default)]
struct Table<'d, 'a> {
    rows: Vec<Row>,
    pending: Vec<&'d Line<'a>>,
}

impl<'d, 'a> Table<'d, 'a> {
    /// Read one content line; false when it ends the table.
    fn line(&mut self, l: &'d Line<'a>) -> bool {
        let c = l.content;
        if norm(c) == "grade" {
            return true;
        }
        // "Requires improvement" / "to be good": a grade wrapped onto a second line of its cell.
        if norm(c) == "to be good" && self.pending.is_empty() {
            if let Some(r) = self.rows.last_mut().filter(|r| r.grade == Grade::RequiresImprovement) {
                r.grade = Grade::RequiresImprovementToBeGood;
                r.end = l.start + c.len();
                return true;
            }
        }
        // Tab-separated: "Area\tGrade".
        if let Some((area, grade)) = c.rsplit_once('\t') {
            if let Some(g) = whole_grade(grade) {
                let area = area.trim();
                self.rows.push(Row {
                    area: area.to_string(),
                    area_start: l.start,
                    grade: g,
                    end: l.start + c.len(),
                    open: false,
                    continues: false,
                });
                return true;
            }
        }
        // A grade alone on its line ends the area in the lines before it.
        if let Some(g) = whole_grade(c) {
            if self.pending.is_empty() {
                return false;
            }
            let (area, area_start) = self.area(None, l);
            self.rows.push(Row { area, area_start, grade: g, end: l.start + c.len(), open: false, continues: true });
            return true;
        }
        // `-layout`: the grade beside the area's first (or last) words.
        if let Some((left, right, off)) = layout_cells(c) {
            if let Some(g) = whole_grade(right) {
                let (area, area_start) = self.area(Some(left), l);
                self.rows.push(Row { area, area_start, grade: g, end: l.start + off + right.len(), open: true, continues: false });
                return true;
            }
        }
        if self.same_line_row(l) {
            return true;
        }
        // More of an area: after a -layout row it continues that row.
        if let Some(r) = self.rows.last_mut().filter(|r| r.open || (r.continues && c.starts_with(char::is_lowercase))) {
            // "and families        to be good": the area's last words beside the grade's.
            let (more, to_be_good) = match layout_cells(c) {
                Some((left, right, off)) if norm(right) == "to be good" && r.grade == Grade::RequiresImprovement => {
                    r.end = l.start + off + right.len();
                    (left, true)
                }
                _ => (c, false),
            };
            if to_be_good {
                r.grade = Grade::RequiresImprovementToBeGood;
            }
            r.area = format!("{} {}", r.area.trim_end(), more.trim());
            return true;
        }
        // Prose (a sentence, or a long line) ends the table.
        if c.ends_with('.') || c.chars().count() > 120 || self.pending.len() >= 4 {
            return false;
        }
        self.pending.push(l);
        true
    }

    /// "Overall effectiveness Good": area and grade on one line with a single space. The grade
    /// is capitalised as a table cell is ("Good"), unlike prose ("judged good").
    fn same_line_row(&mut self, l: &'d Line<'a>) -> bool {
        let c = l.content;
        let Some((g, before)) = trailing_grade(c).filter(|(_, b)| *b > 0 && *b <= 120) else { return false };
        let left = c.get(..before).unwrap_or("").trim_end();
        let cell = c.get(before..).unwrap_or("").trim_start().starts_with(char::is_uppercase);
        if !cell || left.ends_with('.') || left.split_whitespace().count() > 14 {
            return false;
        }
        let (area, area_start) = self.area(Some(left), l);
        self.rows.push(Row { area, area_start, grade: g, end: l.start + c.len(), open: false, continues: false });
        true
    }

    /// The pending lines and `last` (part of line `l`) as one area, with its start; clears the pending lines.
    fn area(&mut self, last: Option<&str>, l: &Line) -> (String, usize) {
        let mut area: Vec<&str> = self.pending.iter().map(|p| p.content).collect();
        area.extend(last);
        let start = self.pending.first().map(|p| p.start).unwrap_or(l.start);
        self.pending.clear();
        (area.join(" "), start)
    }
}

/// Older reports: "1. Children who need help and protection Requires improvement 2. …",
/// on one run-on line or wrapped with each grade on its own line.
fn numbered_list(doc: &Doc) -> Vec<Row> {
    let lines = &doc.lines;
    const FIRST: &str = "children who need help and protection";
    let next_content = |i: usize| lines.iter().skip(i + 1).find(|l| !l.is_blank()).map(|l| norm(l.content));
    let Some(first) = lines.iter().take(250).enumerate().position(|(i, l)| {
        let n = norm(l.content);
        n.starts_with(&format!("1. {FIRST}"))
            || n.starts_with(&format!("1 {FIRST}"))
            // "1." on a line of its own, the area on the next (pdftotext of 2015–17 reports).
            || (number_alone(l.content) && n.starts_with('1') && next_content(i).is_some_and(|x| x.starts_with(FIRST)))
    }) else {
        return Vec::new();
    };
    // A grade's first word printed above the first area (-layout) belongs to the list.
    let first = lines[..first]
        .iter()
        .rposition(|l| !l.is_blank())
        .filter(|&p| matches!(norm(lines[p].content).as_str(), "requires" | "require"))
        .unwrap_or(first);
    let joined = Joined::new(&grades_in_order(list_region(&lines[first..])));
    let text = &joined.text;
    let starts = item_starts(text);
    let mut rows = Vec::new();
    for (k, &(s, body)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|x| x.0).unwrap_or(text.len());
        let item = text[body..end].trim_end();
        if let Some((g, before)) = trailing_grade(item) {
            let area = item.get(..before).unwrap_or("").trim_end_matches([' ', ':', '-']).trim();
            if !area.is_empty() && area.len() < 150 {
                let a0 = body + (item.len() - item.trim_start().len());
                rows.push(Row {
                    area: area.to_string(),
                    area_start: joined.orig(a0.min(s)),
                    grade: g,
                    end: joined.orig(body + item.len()),
                    open: false,
                    continues: false,
                });
            }
        }
    }
    rows
}

/// In -layout text a two-word grade is printed either side of its area's line ("requires" /
/// "1. Children who need help and protection" / "improvement"): put its first word back
/// beside its second, after the area.
fn grades_in_order<'d, 'a>(mut region: Vec<&'d Line<'a>>) -> Vec<&'d Line<'a>> {
    let mut k = 0;
    while k + 2 < region.len() {
        let first = norm(region[k].content);
        let third = norm(region[k + 2].content);
        if (first == "requires" || first == "require") && third.starts_with("improvement") {
            region.swap(k, k + 1);
            k += 3;
        } else {
            k += 1;
        }
    }
    region
}

/// The list's lines: from its first while lines look like list items, continuations or grades.
fn list_region<'d, 'a>(lines: &'d [Line<'a>]) -> Vec<&'d Line<'a>> {
    let mut region: Vec<&Line> = Vec::new();
    let mut after_number = false;
    for l in lines {
        if l.is_blank() {
            continue;
        }
        let numbered = l.content.starts_with(|c: char| c.is_ascii_digit());
        let continuation = l.content.starts_with(char::is_lowercase);
        // An area on the line after its number, when the number stands alone ("1." / "Children who…").
        if !(numbered || continuation || after_number || whole_grade(l.content).is_some()) {
            break;
        }
        after_number = number_alone(l.content);
        region.push(l);
        if region.len() > 24 {
            break;
        }
    }
    region
}

/// Lines joined with spaces, keeping each line's offset in the original.
struct Joined {
    text: String,
    /// (offset in `text`, offset in the original) per line.
    offsets: Vec<(usize, usize)>,
}

impl Joined {
    fn new(lines: &[&Line]) -> Self {
        let mut text = String::new();
        let mut offsets = Vec::new();
        for l in lines {
            if !text.is_empty() {
                text.push(' ');
            }
            offsets.push((text.len(), l.start));
            text.push_str(l.content);
        }
        Joined { text, offsets }
    }

    /// The original offset of `text[t]`.
    fn orig(&self, t: usize) -> usize {
        let i = self.offsets.partition_point(|(at, _)| *at <= t).saturating_sub(1);
        self.offsets.get(i).map(|(at, o)| o + (t - at)).unwrap_or(0)
    }
}

/// Item starts in `text`: a number like "2." or "2.1" at a word start, as (number start, body start).
fn item_starts(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let at_word = i == 0 || bytes[i - 1] == b' ';
        if at_word && bytes[i].is_ascii_digit() {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
                j += 1;
            }
            let num = &text[i..j];
            if j < bytes.len() && bytes[j] == b' ' && num.len() <= 4 && (num.contains('.')) {
                starts.push((i, j + 1));
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    starts
}

/// Line-level judgements in older reports' openings: "Children's services in X require
/// improvement to be good"; "The Local Safeguarding Children Board is good".
fn opening_lines(doc: &Doc) -> Vec<Judgement> {
    let mut out = Vec::new();
    for l in doc.lines.iter().filter(|l| !l.is_blank()).take(60) {
        let c = l.content;
        let n = norm(c);
        if c.len() > 200 {
            continue;
        }
        // "Children's services in X are good"; 2014: "The overall judgement is requires improvement".
        let lscb = n.contains("local safeguarding children board") || n.starts_with("the lscb") || n.contains("of the lscb");
        if !(lscb || n.starts_with("children's services in") || n.contains("overall judgement is")) {
            continue;
        }
        let subject = "Overall effectiveness";
        let verb = [" are ", " is ", " require ", " requires "].iter().filter_map(|v| n.find(v).map(|i| (i, *v))).min();
        let Some((vi, v)) = verb else { continue };
        let after = if v.contains("require") { vi + 1 } else { vi + v.len() };
        let Some((g, before)) = n.get(after..).and_then(trailing_grade) else { continue };
        let scope = lscb.then_some(Scope::Lscb);
        if before > 0 || out.iter().any(|j: &Judgement| j.area == subject && j.scope == scope) {
            continue;
        }
        out.push(Judgement { scope, ..Judgement::new(subject, g, (l.start, l.start + c.len())) });
    }
    out
}

/// "The experiences and progress of children in care: good" headings.
fn restated(reading: &Reading) -> Vec<(String, Grade, Span)> {
    let mut out = Vec::new();
    for b in &reading.blocks {
        if !matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) || b.text.len() > 200 {
            continue;
        }
        let Some((area, grade)) = b.text.rsplit_once(": ") else { continue };
        let Some(g) = whole_grade(grade) else { continue };
        if area.split_whitespace().count() >= 2 && area.chars().next().is_some_and(char::is_uppercase) {
            out.push((area.to_string(), g, b.whole_span()));
        }
    }
    out
}

fn same_area(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    a == b || (a.len() > 12 && b.len() > 12 && (a.contains(&b) || b.contains(&a)))
}

/// "judged inadequate in 2019", "Following the last inspection in 2018, when the local
/// authority was judged good overall".
fn previous(reading: &Reading) -> Option<PreviousGrade> {
    for s in reading.sentences.iter().take_while(|s| s.block < 40) {
        let sent = reading.text(s);
        // Offsets found in the lower-cased text are used in the sentence: skip a sentence
        // whose Unicode lower case changes its length (the reading layer's is ASCII only).
        let unicode;
        let lower: &str = if sent.is_ascii() {
            &s.lower
        } else {
            unicode = sent.to_lowercase();
            &unicode
        };
        if lower.len() != sent.len()
            || !(lower.contains("last inspection") || lower.contains("previous inspection") || lower.contains("judged"))
        {
            continue;
        }
        let Some(j) = lower.find("judged ") else { continue };
        let Some(after) = sent.get(j + 7..) else { continue };
        let Some(g) = GRADES.iter().find(|(w, _)| after.to_lowercase().starts_with(w)).map(|(_, g)| *g) else { continue };
        let year = lower
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u32>().ok())
            .find(|y| (2005..=2100).contains(y));
        return Some(PreviousGrade { grade: g, year, span: reading.span(s) });
    }
    None
}

/// The single inspection framework's structure: "2.1 Adoption performance" and "2.2
/// Experiences and progress of care leavers" sit under "2. Children looked after and achieving
/// permanence"; the Local Safeguarding Children Board's own judgement ("The Local Safeguarding
/// Children Board is good", "The effectiveness of the LSCB is good") is kept apart from the
/// council's, with the scope `lscb`.
pub fn sif_structure(judgements: &mut Vec<Judgement>, reading: &Reading) {
    let parent = judgements.iter().find(|j| norm(&j.area).contains("achieving permanence")).map(|j| j.area.clone());
    let parent = parent.unwrap_or_else(|| "Children looked after and achieving permanence".to_string());
    for j in judgements.iter_mut() {
        let n = norm(&j.area);
        if n.contains("adoption performance") || (n.contains("care leavers") && !n.contains("children looked after")) {
            j.parent = Some(parent.clone());
        }
    }
    if !judgements.iter().any(Judgement::is_lscb) {
        judgements.extend(lscb_judgement(reading));
    }
}

/// "The Local Safeguarding Children Board (LSCB) is good", "The effectiveness of the LSCB
/// requires improvement", "The judgement for the effectiveness of the Local Safeguarding
/// Children Board (LSCB) is requires improvement" — the first such sentence, in the present
/// tense (so "the LSCB was judged adequate" in an account of an earlier inspection is not it).
fn lscb_judgement(reading: &Reading) -> Option<Judgement> {
    const SUBJECTS: &[&str] = &[
        "the judgement for the effectiveness of the local safeguarding children board",
        "the judgement for the effectiveness of the lscb",
        "the effectiveness of the local safeguarding children board",
        "the effectiveness of the lscb",
        "the local safeguarding children board",
        "the lscb",
    ];
    reading.sentences.iter().find_map(|sen| {
        let l = &sen.lower;
        let rest = SUBJECTS.iter().find_map(|p| l.strip_prefix(p))?;
        let rest = rest.trim_start().strip_prefix("(lscb)").unwrap_or(rest).trim_start();
        // "… is good", "… is requires improvement", "… requires improvement".
        let rest = rest.strip_prefix("is ").unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix("judged to be ").or_else(|| rest.strip_prefix("judged ")).unwrap_or(rest);
        let (_, grade) = GRADES.iter().find(|(w, _)| rest.starts_with(w))?;
        Some(Judgement { scope: Some(Scope::Lscb), ..Judgement::new("Overall effectiveness", *grade, reading.span(sen)) })
    })
}

pub fn read(doc: &Doc, reading: &Reading) -> OfstedRead {
    let mut warnings = Vec::new();
    let visit = visit_type(doc);
    let is_letter = visit.is_some_and(VisitType::is_letter);
    let mut rows = table(doc);
    if rows.is_empty() && !is_letter {
        rows = numbered_list(doc);
    }
    let mut judgements: Vec<Judgement> =
        rows.into_iter().map(|r| Judgement::new(r.area, r.grade, (r.area_start, r.end.max(r.area_start)))).collect();
    if !is_letter {
        for j in opening_lines(doc) {
            if !judgements.iter().any(|k| k.scope == j.scope && same_area(&k.area, &j.area)) {
                judgements.push(j);
            }
        }
    }
    let heads = if is_letter { Vec::new() } else { restated(reading) };
    for (area, grade, span) in heads {
        match judgements.iter().find(|j| !j.is_lscb() && same_area(&j.area, &area)) {
            Some(j) if j.grade != grade => {
                warnings.push(format!("The judgement table grades \"{}\" as {} but its section heading says {}.", j.area, j.grade, grade))
            }
            Some(_) => {}
            None if judgements.len() < 6 => judgements.push(Judgement::new(area, grade, span)),
            None => {}
        }
    }
    if is_letter && judgements.is_empty() {
        // Nothing to add: letters carry no grades.
    } else if judgements.is_empty() {
        warnings.push("No Ofsted judgements were found in this text.".to_string());
    }
    OfstedRead { judgements, visit_type: visit, lead_inspector: lead_inspector(doc), previous: previous(reading), warnings }
}

#[cfg(test)]
mod tests {
    use super::super::blocks;
    use super::*;

    fn run(s: &str) -> OfstedRead {
        let doc = Doc::new(s);
        let r = blocks::read(&doc, s);
        read(&doc, &r)
    }

    fn pairs(o: &OfstedRead) -> Vec<(String, String)> {
        o.judgements.iter().map(|j| (j.area.clone(), j.grade.to_string())).collect()
    }

    #[test]
    fn grades() {
        assert_eq!(whole_grade("Requires Improvement to be good"), Some(Grade::RequiresImprovementToBeGood));
        assert_eq!(whole_grade("require improvement to be good."), Some(Grade::RequiresImprovementToBeGood));
        assert_eq!(whole_grade("Good practice"), None);
        assert_eq!(trailing_grade("Adoption performance Good"), Some((Grade::Good, 21)));
    }

    #[test]
    fn layout_table_with_wrapped_areas() {
        let s = "Inspection of Anytown local authority\nchildren's services\n\n Judgement                                  Grade\n\n The impact of leaders on social work       Good\n practice with children and families\n\n The experiences and progress of            Requires improvement to be good\n children who need help and protection\n\n Overall effectiveness                      Good\n\nFollowing the last inspection in 2018, when the local authority was judged good\noverall, things changed.\n";
        let o = run(s);
        assert_eq!(
            pairs(&o),
            [
                ("The impact of leaders on social work practice with children and families".into(), "Good".into()),
                ("The experiences and progress of children who need help and protection".into(), "Requires improvement to be good".into()),
                ("Overall effectiveness".into(), "Good".into()),
            ]
        );
        let p = o.previous.unwrap();
        assert_eq!((p.grade.as_str(), p.year), ("Good", Some(2018)));
        let (a, b) = o.judgements[0].span;
        assert!(s[a..b].starts_with("The impact") && s[a..b].ends_with("Good"));
    }
}
