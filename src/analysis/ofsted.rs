//! Ofsted children's services inspections: the judgement table (ILACS, 2018 on; plain,
//! tab-separated and `pdftotext -layout` shapes), the older single inspection framework's
//! numbered judgement lists (2013–2017), section headings that restate a grade, the kind of
//! visit, the lead inspector and the previous grade.

use super::blocks::{number_alone, Block, BlockKind, Reading};
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
pub(super) const GRADES: &[(&str, Grade)] = &[
    ("requires improvement to be good", Grade::RequiresImprovementToBeGood),
    ("require improvement to be good", Grade::RequiresImprovementToBeGood),
    ("requires improvement", Grade::RequiresImprovement),
    ("require improvement", Grade::RequiresImprovement),
    ("outstanding", Grade::Outstanding),
    ("inadequate", Grade::Inadequate),
    // The 2012–13 frameworks' third grade.
    ("adequate", Grade::Adequate),
    ("good", Grade::Good),
];

/// The grade `s` is, if the whole of it (less trailing punctuation) is one.
fn whole_grade(s: &str) -> Option<Grade> {
    let n = norm(s);
    GRADES.iter().find(|(w, _)| n == *w).map(|(_, g)| *g)
}

/// `s` is the first words of a grade wrapped over lines: "Requires", "Requires improvement to".
fn grade_start(s: &str) -> bool {
    let n = norm(s);
    !n.is_empty() && GRADES.iter().any(|(w, _)| w.strip_prefix(n.as_str()).is_some_and(|rest| rest.starts_with(' ')))
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
        // 2012–13 reports: "Reporting inspector Pauline Turner HMI", with or without a colon.
        let label = ["lead inspector", "reporting inspector"].iter().find(|p| n.starts_with(*p))?;
        let v = match l.content.split_once(':') {
            Some((_, v)) => v.trim(),
            // Without a colon only a short line whose label is a whole word: not "Lead inspectors met …".
            None if l.content.len() < 80 => l.content.get(label.len()..).filter(|r| r.starts_with(' '))?.trim(),
            None => return None,
        };
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
/// The "Record of main findings" that ends a 2012–13 inspection report: the last such line
/// whose next line is not a page number (the contents list names it too).
fn main_findings_header(lines: &[Line]) -> Option<usize> {
    lines.iter().enumerate().rev().find_map(|(i, l)| {
        let next = lines[i + 1..].iter().find(|n| !n.is_blank())?;
        (norm(l.content) == "record of main findings" && !next.content.bytes().all(|b| b.is_ascii_digit())).then_some(i)
    })
}

fn table(doc: &Doc) -> Vec<Row> {
    let lines = &doc.lines;
    let Some(h) = table_header(lines).or_else(|| main_findings_header(lines)) else { return Vec::new() };
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
    /// A grade alone with no area waiting: its area is on the next line (and its start).
    above: Option<(Grade, usize)>,
}

impl<'d, 'a> Table<'d, 'a> {
    /// Read one content line; false when it ends the table.
    fn line(&mut self, l: &'d Line<'a>) -> bool {
        let c = l.content;
        let n = norm(c);
        // A column head, or a group label of the 2012–13 tables ("Services for looked after children").
        if n == "grade" || (self.pending.is_empty() && (n.starts_with("services for ") || n == "safeguarding services")) {
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
                // -layout prints a two-line grade's first line above a one-line area:
                // "Requires improvement" / "Overall effectiveness" / "to be good".
                if self.above.is_none() {
                    self.above = Some((g, l.start));
                    return true;
                }
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
        if let Some((g, grade_start)) = self.above.take() {
            self.rows.push(Row {
                area: c.to_string(),
                area_start: grade_start,
                grade: g,
                end: l.start + c.len(),
                open: false,
                continues: true,
            });
            return true;
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
        return run_in_list(lines);
    };
    // A grade's first word printed above the first area (-layout) belongs to the list.
    let first = lines[..first]
        .iter()
        .rposition(|l| !l.is_blank())
        .filter(|&p| matches!(norm(lines[p].content).as_str(), "requires" | "require"))
        .unwrap_or(first);
    let joined = Joined::new(&grades_in_order(list_region(&lines[first..])));
    pair_areas_and_grades(&joined)
}

/// Text copied with its line breaks lost: the list runs on inside a long line ("… contribute to
/// overall effectiveness are: 1. Children who need help and protection Good 2. …"). Read from
/// its first item to the first sentence's end after it.
fn run_in_list(lines: &[Line]) -> Vec<Row> {
    const FIRST: &str = "1. children who need help and protection";
    let Some((l, at)) = lines.iter().take(250).find_map(|l| {
        // ASCII lower-casing keeps byte offsets.
        let at = l.content.to_ascii_lowercase().find(FIRST)?;
        (at > 0).then_some((l, at))
    }) else {
        return Vec::new();
    };
    let rest = &l.content[at..];
    // A sentence's end: a full stop after a word, not an item number's ("2.1", "3.").
    let end = rest
        .char_indices()
        .find(|&(i, c)| c == '.' && rest[..i].chars().next_back().is_some_and(char::is_alphabetic))
        .map_or(rest.len(), |(i, _)| i);
    let tail = Line { start: l.start + at, content: &rest[..end], ..l.clone() };
    pair_areas_and_grades(&Joined::new(&[&tail]))
}

/// One piece of the list's joined text.
#[derive(Debug, PartialEq)]
enum Piece {
    /// An item number, "2." or "2.1", and where it starts.
    Number(usize),
    /// Words between numbers and grades: an area's name (text range).
    Words(usize, usize),
    /// A grade (text range).
    Grade(Grade, usize, usize),
}

/// The list's text as numbers, words and grades, in order.
fn pieces(text: &str) -> Vec<Piece> {
    let bytes = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut words: Option<usize> = None;
    let mut i = 0;
    let close = |out: &mut Vec<Piece>, words: &mut Option<usize>, end: usize| {
        if let Some(w) = words.take() {
            let t = text[w..end].trim_end();
            if t.chars().any(char::is_alphabetic) {
                out.push(Piece::Words(w, w + t.len()));
            }
        }
    };
    while i < bytes.len() {
        // Words are apart by spaces or tabs (pdf.js puts a tab between an area and its grade).
        let at_word = i == 0 || bytes[i - 1].is_ascii_whitespace();
        if !at_word || bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let word_end = text[i..].find(|c: char| c.is_ascii_whitespace()).map_or(text.len(), |k| i + k);
        let num = &text[i..word_end];
        if num.len() <= 4
            && num.contains('.')
            && num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && num.starts_with(|c: char| c.is_ascii_digit())
        {
            close(&mut out, &mut words, i);
            out.push(Piece::Number(i));
            i = word_end;
            continue;
        }
        let grade = GRADES
            .iter()
            .find(|(w, _)| lower[i..].starts_with(w) && lower[i + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
        if let Some((w, g)) = grade {
            close(&mut out, &mut words, i);
            out.push(Piece::Grade(*g, i, i + w.len()));
            i += w.len();
            continue;
        }
        words.get_or_insert(i);
        i = word_end;
    }
    close(&mut out, &mut words, text.len());
    out
}

/// Areas and grades paired in reading order. pdftotext prints a two-column table in either
/// order: each area then its grade; several areas then their grades ("2.1 Adoption
/// performance" / "2.2 …" / "3. Leadership…" / "requires improvement" ×3); or a number whose
/// area comes later ("3." / "2.1 …" / … / "Leadership…"). Each grade goes to the earliest area
/// still waiting for one.
fn pair_areas_and_grades(joined: &Joined) -> Vec<Row> {
    let text = &joined.text;
    let mut waiting: std::collections::VecDeque<(usize, usize, usize)> = Default::default();
    let mut rows: Vec<Row> = Vec::new();
    let mut after_grade = false;
    // The item number just read, when the area follows it: the row's span starts there.
    let mut number: Option<usize> = None;
    let mut pieces = pieces(text).into_iter().peekable();
    while let Some(piece) = pieces.next() {
        let was_after_grade = std::mem::replace(&mut after_grade, matches!(piece, Piece::Grade(..)));
        let number_before = std::mem::take(&mut number);
        match piece {
            Piece::Number(at) => number = Some(at),
            // -layout centres a grade beside a wrapped area: "2. Children looked after and
            // achieving" / "Requires improvement" / "permanence" — the area's last words. The
            // grade may wrap too, its last words after the area's ("Requires improvement to" /
            // "be good" beside "achieving" / "permanence"): "to permanence be" + "good".
            Piece::Words(a, b) if was_after_grade && waiting.is_empty() && text[a..].starts_with(char::is_lowercase) => {
                let Some(r) = rows.last_mut() else { continue };
                let mut more = text[a..b].trim_end_matches([' ', ':', '-']);
                // "to be" alone: the grade's words apart by a tab or line, no area words between.
                let between = if more == "to be" { Some("") } else { more.strip_prefix("to ").and_then(|m| m.strip_suffix(" be")) };
                if let (Grade::RequiresImprovement, Some(mid), Some(&Piece::Grade(Grade::Good, _, end))) = (r.grade, between, pieces.peek())
                {
                    pieces.next();
                    r.grade = Grade::RequiresImprovementToBeGood;
                    r.end = joined.orig(end);
                    more = mid.trim();
                }
                for w in more.split_whitespace() {
                    r.area = format!("{} {w}", r.area);
                }
            }
            Piece::Words(a, b) => {
                let area = text[a..b].trim_end_matches([' ', ':', '-']);
                // A footnote's number after the area's words: "governance 1".
                let area = match area.rsplit_once(' ') {
                    Some((words, n)) if n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => words.trim_end(),
                    _ => area,
                };
                if area.len() < 150 {
                    waiting.push_back((number_before.unwrap_or(a), a, a + area.len()));
                }
            }
            Piece::Grade(g, _, end) => {
                let Some((from, a, b)) = waiting.pop_front() else { continue };
                rows.push(Row {
                    area: text[a..b].trim().to_string(),
                    area_start: joined.orig(from),
                    grade: g,
                    end: joined.orig(end),
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
    // Numbers that stood alone and were followed by another item, not their area: pdftotext
    // prints such an area later ("3." / "2.1 Adoption…" / … / "Leadership, management…").
    let mut orphans = 0;
    for l in lines {
        // A footnote or page number alone ("1"): list items are numbered "1." or "2.1".
        if l.is_blank() || (!region.is_empty() && l.content.bytes().all(|b| b.is_ascii_digit())) {
            continue;
        }
        let numbered = l.content.starts_with(|c: char| c.is_ascii_digit());
        let continuation = l.content.starts_with(char::is_lowercase);
        // A grade's first word ends the line before: "Requires" / "Improvement" (capitalised in
        // some conversions of the table) finishes it, whatever its case.
        let grade_rest = region.last().is_some_and(|p| {
            let both = format!("{} {}", p.content.trim(), l.content.trim());
            grade_start(p.content) && (whole_grade(&both).is_some() || grade_start(&both))
        });
        let grade = whole_grade(l.content).is_some() || grade_start(l.content) || grade_rest;
        if after_number && numbered {
            orphans += 1;
        }
        let late_area =
            !(numbered || continuation || grade || after_number) && orphans > 0 && l.content.len() < 100 && !l.content.ends_with('.');
        if late_area {
            orphans -= 1;
        }
        // An area on the line after its number, when the number stands alone ("1." / "Children who…");
        // a grade, or its first words when it wraps ("Requires" / "improvement").
        if !(numbered || continuation || after_number || grade || late_area) {
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

/// Line-level judgements in older reports' openings: "Children's services in X require
/// improvement to be good"; "The Local Safeguarding Children Board is good".
fn opening_lines(doc: &Doc) -> Vec<Judgement> {
    let mut out = Vec::new();
    let lines: Vec<&Line> = doc.lines.iter().filter(|l| !l.is_blank()).take(60).collect();
    for (i, l) in lines.iter().enumerate() {
        if !judgement_subject(&norm(l.content)) {
            continue;
        }
        // The sentence may wrap: "Children's services in Darlington Borough Council are" /
        // "inadequate". Try the line alone, then with the next one or two.
        for take in 1..=3 {
            let Some(last) = lines.get(i + take - 1) else { break };
            let end = last.start + last.content.len();
            let Some(c) = doc_text(doc, l.start, end) else { break };
            if c.len() > 250 {
                break;
            }
            if let Some(j) = opening_judgement(&c, (l.start, end), &out) {
                out.push(j);
                break;
            }
        }
    }
    if !out.iter().any(|j| j.scope.is_none()) {
        out.extend(run_on_overall(&lines));
    }
    out
}

/// Text copied with its line breaks lost: "… Report published: 20 March 2015 The overall
/// judgement is that children's services are inadequate There are widespread …" — the grade
/// straight after the first "are" or "is", a whole word.
fn run_on_overall(lines: &[&Line]) -> Option<Judgement> {
    const LEAD: &str = "the overall judgement is that children";
    lines.iter().filter(|l| l.content.len() > 250).find_map(|l| {
        // ASCII lower-casing keeps byte offsets.
        let lower = l.content.to_ascii_lowercase();
        let p = lower.find(LEAD)?;
        let rest = &lower[p..];
        let window = rest.get(..160).unwrap_or(rest);
        let verb = [" are ", " is "].iter().filter_map(|v| window[LEAD.len()..].find(v).map(|k| LEAD.len() + k + v.len())).min()?;
        let after = &rest[verb..];
        let (w, g) = GRADES.iter().find(|(w, _)| after.starts_with(w) && !after[w.len()..].starts_with(char::is_alphanumeric))?;
        Some(Judgement::new("Overall effectiveness", *g, (l.start + p, l.start + p + verb + w.len())))
    })
}

fn is_lscb(n: &str) -> bool {
    n.contains("local safeguarding children board") || n.starts_with("the lscb") || n.contains("of the lscb")
}

/// A line that opens an overall judgement's sentence (normalised).
fn judgement_subject(n: &str) -> bool {
    is_lscb(n) || n.starts_with("children's services in") || n.contains("overall judgement is")
}

/// The text of lines from byte `start` to `end`, joined by single spaces.
fn doc_text(doc: &Doc, start: usize, end: usize) -> Option<String> {
    let parts: Vec<&str> =
        doc.lines.iter().filter(|l| l.start >= start && l.start + l.content.len() <= end && !l.is_blank()).map(|l| l.content).collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// "Children's services in X are good"; 2014: "The overall judgement is requires improvement";
/// "The Local Safeguarding Children Board is good" — unless already read.
fn opening_judgement(c: &str, span: Span, out: &[Judgement]) -> Option<Judgement> {
    let n = norm(c);
    if !judgement_subject(&n) {
        return None;
    }
    let lscb = is_lscb(&n);
    let subject = "Overall effectiveness";
    // A footnote marker after the full stop: "inadequate.2".
    let n = match n.trim_end_matches(|c: char| c.is_ascii_digit()) {
        t if t.len() < n.len() && t.ends_with('.') => t.trim_end_matches('.'),
        _ => n.as_str(),
    };
    // The grade ends the sentence, straight after its verb ("… are inadequate", "… is good",
    // "… that children's services are inadequate"), or is the verb ("… requires improvement").
    let (g, before) = trailing_grade(n)?;
    let head = n[..before].trim_end();
    let verb =
        [" are", " is"].iter().any(|v| head.ends_with(v)) || matches!(g, Grade::RequiresImprovement | Grade::RequiresImprovementToBeGood);
    let scope = lscb.then_some(Scope::Lscb);
    if !verb || head.ends_with(" not") || out.iter().any(|j: &Judgement| j.area == subject && j.scope == scope) {
        return None;
    }
    Some(Judgement { scope, ..Judgement::new(subject, g, span) })
}

/// "The experiences and progress of children in care: good" headings.
fn restated(reading: &Reading) -> Vec<(String, Grade, Span)> {
    let mut out = Vec::new();
    // Whether the block before was a lead-in ("The judgements for the local authority were:")
    // or a grade of such a list: a list of an earlier inspection's grades, not a heading.
    let mut in_list = false;
    for b in &reading.blocks {
        let after_list = std::mem::replace(&mut in_list, b.text.trim_end().ends_with(':'));
        if b.text.len() > 200 {
            continue;
        }
        let Some((area, grade)) = b.text.rsplit_once(": ") else { continue };
        let Some(g) = whole_grade(grade) else { continue };
        in_list = true;
        if after_list || !matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) {
            continue;
        }
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
            || !(lower.contains("last inspection")
                || lower.contains("previous inspection")
                || lower.contains("judged")
                || lower.contains("judgement of"))
        {
            continue;
        }
        // The safeguarding board's earlier grade is not the council's.
        if lower.contains("lscb") || lower.contains("safeguarding children board") {
            continue;
        }
        // "judged inadequate"; about an earlier inspection also "judged to be inadequate", "a
        // judgement of inadequate" ("This is a re-inspection …, following a judgement of
        // inadequate for overall effectiveness in 2014").
        let earlier = ["last inspection", "previous inspection", "re-inspection", "reinspection"].iter().any(|p| lower.contains(p));
        let cues: &[&str] = if earlier { &["judged to be ", "judged as ", "judged ", "a judgement of "] } else { &["judged "] };
        let Some(after) = cues.iter().find_map(|c| lower.find(c).and_then(|j| sent.get(j + c.len()..))) else { continue };
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

/// How a sentence names the whole board.
const LSCB_SUBJECTS: &[&str] = &[
    "the judgement for the effectiveness of the local safeguarding children board",
    "the judgement for the effectiveness of the lscb",
    "the effectiveness of the local safeguarding children board",
    "the effectiveness of the lscb",
    "the local safeguarding children board",
    "the lscb",
];

/// "The Local Safeguarding Children Board (LSCB) is good", "The effectiveness of the LSCB
/// requires improvement", "The judgement for the effectiveness of the Local Safeguarding
/// Children Board (LSCB) is requires improvement" — the first such sentence, in the present
/// tense (so "the LSCB was judged adequate" in an account of an earlier inspection is not it).
fn lscb_judgement(reading: &Reading) -> Option<Judgement> {
    const SUBJECTS: &[&str] = LSCB_SUBJECTS;
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

/// Words that frame an area's name rather than tell it apart: "The graded judgement for
/// adoption performance", "The experiences and progress of children looked after and achieving
/// permanence" (SIF bodies) name the table's "Adoption performance" and "Children looked after
/// and achieving permanence".
const FRAMING: &[&str] = &[
    "the",
    "of",
    "and",
    "a",
    "an",
    "for",
    "with",
    "in",
    "to",
    "on",
    "about",
    "s",
    "experience",
    "progress",
    "graded",
    "judgement",
    "judgment",
    "overall",
    "key",
    "inspection",
    "grade",
];

/// An area's name as a set of telling words, stemmed (a trailing "s" dropped), sorted.
fn area_key(n: &str) -> Vec<String> {
    let mut key: Vec<String> = n
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FRAMING.contains(w))
        .map(|w| if w.len() > 3 && !w.ends_with("ss") { w.strip_suffix('s').unwrap_or(w) } else { w })
        .filter(|w| !FRAMING.contains(w))
        .map(str::to_string)
        .collect();
    key.sort_unstable();
    key.dedup();
    key
}

/// A sentence of the body that states a judgement's grade in the present tense: its subject
/// (normalised) and grade. "The graded judgement for adoption performance is that it requires
/// improvement", "Leadership, management and governance are good", "The effectiveness of the
/// LSCB is good".
fn body_statement(sentence: &str) -> Option<(String, Grade)> {
    if sentence.len() > 300 {
        return None;
    }
    let n = norm(sentence);
    // A footnote marker after the full stop ("inadequate.2"), or the next paragraph's number
    // where the statement has no full stop ("… is inadequate 64.").
    let n = match n.trim_end_matches(|c: char| c.is_ascii_digit()) {
        t if t.len() < n.len() && t.ends_with('.') => t,
        _ => match n.trim_end_matches('.').trim_end_matches(|c: char| c.is_ascii_digit()) {
            t if t.len() + 1 < n.len() && t.ends_with(' ') => t,
            _ => n.as_str(),
        },
    };
    let (g, before) = trailing_grade(n)?;
    let head = n[..before].trim_end();
    const VERBS: &[&str] =
        &[" is that it is", " is that it", " is judged to be", " are judged to be", " is judged", " are judged", " is", " are"];
    let subject = match VERBS.iter().find_map(|v| head.strip_suffix(v)) {
        Some(subject) => subject,
        // "… requires improvement": the grade is the verb (not "…: requires improvement", a
        // heading or a list of grades, read elsewhere).
        None if matches!(g, Grade::RequiresImprovement | Grade::RequiresImprovementToBeGood) && !head.ends_with([':', '-', '\u{2013}']) => {
            head
        }
        None => return None,
    };
    let subject = subject.trim_end();
    (!subject.is_empty() && !subject.ends_with(" not") && subject.split(' ').count() <= 20).then(|| (subject.to_string(), g))
}

/// Checks the judgements read from the table against the body's own statements of them:
/// each one the body restates with the same grade gets `restated` (the table read right); one
/// the body grades differently is a warning, in words. Sentences after byte `ends` (a second
/// report) are not read.
pub fn check_against_body(judgements: &mut [Judgement], reading: &Reading, ends: usize) -> Vec<String> {
    let keys: Vec<Vec<String>> = judgements.iter().map(|j| area_key(&norm(&j.area))).collect();
    let mut check = Check { judgements, keys, told: Vec::new(), warnings: Vec::new() };
    // Sections headed by an area with its grade beside it, in up to four short blocks: "The
    // experiences and progress of children who need help and protection" / "Good" (SIF
    // 2016–18), the grade between a wrapped heading's lines (pdftotext), or a box "Key
    // Judgement" / the area / "Inspection Grade" / the grade (2014).
    let blocks = &reading.blocks;
    let short = |b: &Block| matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph | BlockKind::TableRow) && b.text.len() <= 200;
    for i in 0..blocks.len() {
        let start = blocks[i].whole_span().0;
        if start >= ends {
            break;
        }
        if !short(&blocks[i]) || about_another_inspection(reading, i) {
            continue;
        }
        let mut text = String::new();
        for b in blocks[i..].iter().take(4).take_while(|b| short(b)) {
            text.push_str(&b.text);
            text.push(' ');
            let Some((g, at, len)) = grade_within(&text) else { continue };
            // "Area: Grade" is a section heading (read with the table) or a list of grades
            // (an earlier inspection's).
            if text[..at].trim_end().ends_with(':') {
                break;
            }
            let key = area_key(&norm(&format!("{}{}", &text[..at], &text[at + len..])));
            let span = (start, b.whole_span().1);
            check.against(|_, k| !k.is_empty() && *k == key, g, span, text.trim_end(), false);
            break;
        }
    }
    for sen in &reading.sentences {
        let span = reading.span(sen);
        if span.0 >= ends {
            break;
        }
        if about_another_inspection(reading, sen.block) {
            continue;
        }
        // A cheap first look: the sentence ends with a grade word.
        let l = sen.lower.trim_end_matches(|c: char| c == '.' || c.is_ascii_digit() || c.is_whitespace());
        if !["good", "outstanding", "inadequate", "adequate", "improvement"].iter().any(|w| l.ends_with(w)) {
            continue;
        }
        let Some((subject, grade)) = body_statement(reading.text(sen)) else { continue };
        let lscb = is_lscb(&subject);
        if lscb || judgement_subject(&subject) {
            // Only the whole board or the whole service: "the LSCB is good", not "the LSCB's
            // training is good".
            let whole = !lscb || LSCB_SUBJECTS.contains(&subject.trim_end_matches(" (lscb)"));
            check.against(|j, _| whole && norm(&j.area).contains("overall"), grade, span, reading.text(sen), lscb);
        } else {
            let key = area_key(&subject);
            check.against(|_, k| !key.is_empty() && *k == key, grade, span, reading.text(sen), false);
        }
    }
    check.warnings
}

/// The grade written as a label (capitalised, whole words: "Good", "Requires improvement")
/// in `text`, with its byte offset and length.
fn grade_within(text: &str) -> Option<(Grade, usize, usize)> {
    const LABELS: &[(&str, Grade)] = &[
        ("Requires improvement to be good", Grade::RequiresImprovementToBeGood),
        ("Requires Improvement to be Good", Grade::RequiresImprovementToBeGood),
        ("Requires improvement", Grade::RequiresImprovement),
        ("Requires Improvement", Grade::RequiresImprovement),
        ("Outstanding", Grade::Outstanding),
        ("Inadequate", Grade::Inadequate),
        ("Adequate", Grade::Adequate),
        ("Good", Grade::Good),
    ];
    LABELS.iter().find_map(|(w, g)| {
        text.match_indices(w).find_map(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + w.len()..].chars().next();
            (!before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)).then_some((*g, at, w.len()))
        })
    })
}

/// Block `i` is in a section about an earlier inspection ("Previous Ofsted inspections"), whose
/// grades are not this report's.
fn about_another_inspection(reading: &Reading, i: usize) -> bool {
    let Some(sec) = reading.blocks.get(i).and_then(|b| b.section) else { return false };
    reading.outline.get(sec).is_some_and(|h| h.norm.contains("previous") || h.norm.contains("last inspection"))
}

/// The judgements being checked against the body, and what was found.
struct Check<'a> {
    judgements: &'a mut [Judgement],
    keys: Vec<Vec<String>>,
    /// Judgements already warned about (one warning each).
    told: Vec<usize>,
    warnings: Vec<String>,
}

impl Check<'_> {
    /// The body's `text` at `span` grades the judgement that `names` (of the board's when `lscb`)
    /// as `grade`: mark it restated, or warn when the grades differ. Words that overlap any
    /// judgement's own (the table, the opening line) are not a restatement.
    fn against(&mut self, names: impl Fn(&Judgement, &Vec<String>) -> bool, grade: Grade, span: Span, text: &str, lscb: bool) {
        if self.judgements.iter().any(|j| span.0 < j.span.1 && j.span.0 < span.1) {
            return;
        }
        let found = (0..self.judgements.len()).find(|&i| {
            let j = &self.judgements[i];
            j.is_lscb() == lscb && names(j, &self.keys[i])
        });
        let Some(i) = found else { return };
        let j = &mut self.judgements[i];
        if j.grade.rank() == grade.rank() {
            j.restated.get_or_insert(span);
        } else if !self.told.contains(&i) {
            self.told.push(i);
            let whose = if j.is_lscb() { "the LSCB's " } else { "" };
            self.warnings.push(format!(
                "The judgement table grades {whose}\"{}\" as {}, but the report's text says {}: \"{}\". Check the report.",
                j.area, j.grade, grade, text
            ));
        }
    }
}

/// The Ofsted reading of `doc`, its text before byte `ends` (where a second report starts).
pub fn read(doc: &Doc, reading: &Reading, ends: usize) -> OfstedRead {
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
    let mut heads = if is_letter { Vec::new() } else { restated(reading) };
    heads.retain(|(_, _, span)| span.0 < ends);
    for (area, grade, span) in heads {
        let few = judgements.len() < 6;
        match judgements.iter_mut().find(|j| !j.is_lscb() && same_area(&j.area, &area)) {
            // "Requires improvement" and "requires improvement to be good" are one grade, worded
            // two ways (2017 sub-judgements, 2018 headings).
            Some(j) if j.grade.rank() != grade.rank() => {
                warnings.push(format!("The judgement table grades \"{}\" as {} but its section heading says {}.", j.area, j.grade, grade))
            }
            Some(j) => {
                j.restated.get_or_insert(span);
            }
            None if few => judgements.push(Judgement::new(area, grade, span)),
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
        read(&doc, &r, s.len())
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

    fn sif(table: &str) -> Vec<(String, String)> {
        let head =
            "Anytown Council\nInspection of services for children in need of help and protection, children looked after and care leavers\n";
        pairs(&run(&format!("{head}{table}")))
    }

    fn p(a: &str, g: &str) -> (String, String) {
        (a.into(), g.into())
    }

    #[test]
    fn sif_grades_wrapped_over_two_lines_and_a_footnote_after_the_last() {
        let t = "1. Children who need help and protection\n\nRequires\nimprovement\n\n2.1 Adoption performance\n\nGood\n\n\
                 3. Leadership, management and governance\n\nGood\n\n1\n\nOfsted produces this report under its power.\n";
        assert_eq!(
            sif(t),
            [
                p("Children who need help and protection", "Requires improvement"),
                p("Adoption performance", "Good"),
                p("Leadership, management and governance", "Good")
            ]
        );
    }

    #[test]
    fn lead_or_reporting_inspector() {
        let o = run("Inspection of safeguarding and looked after children services\nCumbria County Council\nReporting inspector Pauline Turner HMI\n");
        assert_eq!(o.lead_inspector.as_deref(), Some("Pauline Turner HMI"));
        let o = run("Inspection of Anytown local authority children's services\nLead inspector: Jo Bloggs, His Majesty's Inspector\n");
        assert_eq!(o.lead_inspector.as_deref(), Some("Jo Bloggs"));
        let o = run("Inspection of Anytown local authority children's services\nLead inspectors met leaders\n");
        assert_eq!(o.lead_inspector, None);
    }

    #[test]
    fn previous_grade_in_the_wordings_of_re_inspections() {
        // Across the wide corpus: Manchester 2017, Lambeth 2018, Bromley 2019, Merton 2017.
        for (sentence, grade, year) in [
            ("This is a re-inspection of children's services in Manchester, following a judgement of inadequate for overall effectiveness in 2014.", "Inadequate", 2014),
            ("This is a re-inspection of children's services in Lambeth, after they were judged to be inadequate in 2015.", "Inadequate", 2015),
            ("Since the last inspection in 2016, when children's services were judged to be requires improvement to be good, leaders have acted.", "Requires improvement to be good", 2016),
            ("Improvements have been achieved since the last inspection in 2012, when all services were judged as good.", "Good", 2012),
        ] {
            let o = run(&format!("Anytown City Council\nInspection of services for children in need of help and protection\n\n{sentence}\n"));
            let p = o.previous.unwrap_or_else(|| panic!("no previous grade in {sentence}"));
            assert_eq!((p.grade.as_str(), p.year), (grade, Some(year)), "{sentence}");
        }
        // Without a word of an earlier inspection, "judged to be" is this report's own grade.
        let o = run("Anytown City Council\nInspection of services for children in need of help and protection\n\nServices are judged to be good in 2016.\n");
        assert!(o.previous.is_none());
    }

    #[test]
    fn overall_judgement_run_on_inside_a_long_line() {
        let t = format!(
            "Leicester City Inspection of services for children in need of help and protection Report published: 20 March 2015 The overall judgement is that children\u{2019}s services are inadequate There are widespread or serious failures. {}\n",
            "Leaders are working to improve. ".repeat(8)
        );
        let o = run(&t);
        let j = o.judgements.iter().find(|j| j.area == "Overall effectiveness").expect("overall");
        assert_eq!(j.grade, Grade::Inadequate);
        assert!(t[j.span.0..j.span.1].ends_with("are inadequate"));
    }

    #[test]
    fn sif_list_run_on_inside_a_long_line() {
        // Line breaks lost (Leeds 2015 as copied from a document-sharing site): a footnote's "1"
        // after the last area, and a sentence with "good" in it after the list.
        let t = "Report published: 27 March 2015 The overall judgement is that children's services are good The judgements on areas of the service that contribute to overall effectiveness are: 1. Children who need help and protection Good 2. Children looked after and achieving permanence Good 2.1 Adoption performance Good 2.2 Experiences and progress of care leavers Requires improvement 3. Leadership, management and governance 1 Outstanding Ofsted produces this report under its power. It is a good report.\n";
        assert_eq!(
            sif(t),
            vec![
                p("Children who need help and protection", "Good"),
                p("Children looked after and achieving permanence", "Good"),
                p("Adoption performance", "Good"),
                p("Experiences and progress of care leavers", "Requires improvement"),
                p("Leadership, management and governance", "Outstanding"),
                p("Overall effectiveness", "Good"),
            ]
        );
    }

    #[test]
    fn sif_grade_wrapped_with_a_capital_on_its_second_line() {
        // A converted table: "Requires" / "Improvement" for every area (Windsor and Maidenhead 2015).
        let t = "1. Children who need help and protection\nRequires\nImprovement\n2. Children looked after and achieving\npermanence\nRequires\nImprovement\n2.1 Adoption performance\nGood\n2.2 Experiences and progress of care leavers\nRequires\nImprovement to be Good\n3. Leadership, management and governance\nRequires\nImprovement\n";
        assert_eq!(
            sif(t),
            vec![
                p("Children who need help and protection", "Requires improvement"),
                p("Children looked after and achieving permanence", "Requires improvement"),
                p("Adoption performance", "Good"),
                p("Experiences and progress of care leavers", "Requires improvement to be good"),
                p("Leadership, management and governance", "Requires improvement"),
            ]
        );
    }

    #[test]
    fn sif_grades_printed_after_several_areas_go_to_them_in_order() {
        let t =
            "1. Children who need help and protection\n\nGood\n\n2.1 Adoption performance\n2.2 Experiences and progress of care leavers\n\
                 3. Leadership, management and governance\n\nrequires\nimprovement\ngood\ninadequate\n\nThe report follows.\n";
        assert_eq!(
            sif(t),
            [
                p("Children who need help and protection", "Good"),
                p("Adoption performance", "Requires improvement"),
                p("Experiences and progress of care leavers", "Good"),
                p("Leadership, management and governance", "Inadequate")
            ]
        );
    }

    #[test]
    fn a_wrapped_grade_with_no_area_words_between_does_not_crash() {
        // "Requires improvement to be" / tab / "Good": nothing of the area between the grade's parts
        // (this sliced "to be" from byte 3 to byte 2 before).
        let t = "1. Children who need help and protection Requires improvement to be\tGood\n\nOfsted produces this report.\n";
        assert_eq!(sif(t), [p("Children who need help and protection", "Requires improvement to be good")]);
    }

    #[test]
    fn sif_area_and_grade_apart_by_a_tab() {
        // pdf.js text: a tab between the area and its grade.
        let t = "1. Children who need help and protection\tRequires improvement\n\n2.1 Adoption performance\tGood\n\nOfsted produces this report.\n";
        assert_eq!(sif(t), [p("Children who need help and protection", "Requires improvement"), p("Adoption performance", "Good")]);
    }

    #[test]
    fn sif_number_whose_area_comes_later() {
        // pdftotext put "3." before the sub-judgements and its area after them.
        let t = "1.\n\nChildren who need help and protection\n\nInadequate\n\n3.\n\n2.1 Adoption performance\n\nRequires improvement\n\n\
                 Leadership, management and governance\n\nInadequate\n\nOfsted produces this report.\n";
        assert_eq!(
            sif(t),
            [
                p("Children who need help and protection", "Inadequate"),
                p("Adoption performance", "Requires improvement"),
                p("Leadership, management and governance", "Inadequate")
            ]
        );
    }

    #[test]
    fn sif_layout_grade_wrapped_beside_a_wrapped_area() {
        let t = "    1. Children who need help and protection                            Good\n\n\
                 \x20   2. Children looked after and achieving                              Requires improvement to\n\
                 \x20      permanence                                                       be good\n\n\
                 \x20   3. Leadership, management and governance                            Good\n\nOfsted produces this report.\n";
        assert_eq!(
            sif(t),
            [
                p("Children who need help and protection", "Good"),
                p("Children looked after and achieving permanence", "Requires improvement to be good"),
                p("Leadership, management and governance", "Good")
            ]
        );
    }

    #[test]
    fn the_overall_sentence_wrapped_or_with_a_footnote() {
        let wrapped = "Children\u{2019}s services in Darlington Borough Council are\ninadequate\nThere are widespread failures.\n";
        assert_eq!(sif(wrapped), [p("Overall effectiveness", "Inadequate")]);
        let that = "The overall judgement is that children\u{2019}s services are\ninadequate.2\nThe authority is not yet delivering.\n";
        assert_eq!(sif(that), [p("Overall effectiveness", "Inadequate")]);
        let not = "Children\u{2019}s services in Anytown are not good\n";
        assert_eq!(sif(not), Vec::<(String, String)>::new());
    }

    #[test]
    fn layout_grade_above_its_one_line_area() {
        let s = "Inspection of children's social care services\n\n Judgement                                                     Grade\n\n\
                 \x20The impact of leaders on social work practice with children\n                                                               Good\n and families\n\n\
                 \x20                                                              Requires improvement\n Overall effectiveness\n                                                               to be good\n\n\
                 \x20Since the last inspection, services have improved.\n";
        assert_eq!(
            pairs(&run(s)),
            [
                p("The impact of leaders on social work practice with children and families", "Good"),
                p("Overall effectiveness", "Requires improvement to be good")
            ]
        );
    }

    #[test]
    fn record_of_main_findings_of_2013_with_adequate() {
        let s = "Inspection of looked after children\nservices\nSandwell Council\n\nContents\nRecord of main findings\n\n21\n\n\
                 The previous inspection judged services adequate.\n\nRecord of main findings\nServices for looked after children\n\
                 Overall effectiveness\n\nInadequate\n\nCapacity to improve\n\nAdequate\n\nOutcomes for looked after children and\n\
                 young people\n\nAdequate\n\nQuality of provision\n\nInadequate\n\n";
        assert_eq!(
            pairs(&run(s)),
            [
                p("Overall effectiveness", "Inadequate"),
                p("Capacity to improve", "Adequate"),
                p("Outcomes for looked after children and young people", "Adequate"),
                p("Quality of provision", "Inadequate")
            ]
        );
    }

    /// The judgements read from `s`, checked against its text: (area, restated?) and warnings.
    fn checked(s: &str) -> (Vec<(String, bool)>, Vec<String>) {
        let doc = Doc::new(s);
        let r = blocks::read(&doc, s);
        let mut o = read(&doc, &r, s.len());
        let mut w = o.warnings.clone();
        w.extend(check_against_body(&mut o.judgements, &r, s.len()));
        (o.judgements.iter().map(|j| (j.area.clone(), j.restated.is_some())).collect(), w)
    }

    const SIF_TABLE: &str =
        "Anytown Council\nInspection of services for children in need of help and protection, children looked after and care leavers\n\n\
        1. Children who need help and protection Requires improvement\n2. Children looked after and achieving permanence Good\n\
        2.1 Adoption performance Good\n2.2 Experiences and progress of care leavers Inadequate\n\n";

    #[test]
    fn the_body_restates_the_table_in_every_shape() {
        let body = "The experiences and progress of children who need help and protection\n\nRequires improvement\n\n\
            Summary\n\nChildren are seen quickly.\n\n\
            The experiences and progress of\nGood\nchildren looked after and achieving permanence\n\nSummary\n\nPlans are good.\n\n\
            The graded judgement for adoption performance is that it is good\n64. Adopters are well supported.\n\n\
            The graded judgement about the experience and progress of care leavers is that it is inadequate.\n";
        let (j, w) = checked(&format!("{SIF_TABLE}{body}"));
        assert_eq!(w, Vec::<String>::new());
        assert!(j.iter().all(|(_, r)| *r), "{j:?}");
    }

    #[test]
    fn a_body_that_grades_otherwise_is_a_warning_and_earlier_grades_are_not_read() {
        let body = "Previous Ofsted inspections\n\nThe judgements for the local authority were:\n\u{2022} Children who need help and protection: Inadequate\n\
            \u{2022} Children looked after and achieving permanence: Inadequate\n\nChildren who need help and protection: Inadequate\n\n\
            Key Judgement\n\nThe experiences and progress of children who need help and protection\n\nInspection Grade\n\nGood\n\nFindings\n\nMore.\n";
        let (_, w) = checked(&format!("{SIF_TABLE}{body}"));
        assert_eq!(
            w,
            ["The judgement table grades \"Children who need help and protection\" as Requires improvement, but the report's text says Good: \"Key Judgement The experiences and progress of children who need help and protection Inspection Grade Good\". Check the report."],
            "the previous inspection's section is not read; a box grading otherwise is"
        );
        // A sentence in the body, once the section about the last inspection has ended.
        let (_, w) = checked(&format!("{SIF_TABLE}Findings\n\nChildren looked after and achieving permanence are inadequate.\n"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("\"Children looked after and achieving permanence\" as Good, but the report's text says Inadequate"),
            "{w:?}"
        );
    }

    #[test]
    fn restatements_name_the_same_area_not_a_part_of_it() {
        // "The LSCB's training is good" is not the board's judgement; "care leavers" is not
        // "children in care and care leavers".
        assert_eq!(area_key("the experiences and progress of children in care and care leavers"), ["care", "children", "leaver"]);
        assert_eq!(area_key("experiences and progress of care leavers"), ["care", "leaver"]);
        assert_eq!(
            body_statement("The graded judgement for adoption performance is that it requires improvement 83."),
            Some(("the graded judgement for adoption performance".into(), Grade::RequiresImprovement))
        );
        assert_eq!(body_statement("Leadership, management and governance are not good."), None);
        assert_eq!(body_statement("Adoption performance: Requires improvement"), None);
    }
}
