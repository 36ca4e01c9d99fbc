//! Committee papers (agenda packs, minutes, reports to scrutiny): the body, the meeting's
//! date and venue, who was present and who sent apologies, agenda items with page ranges,
//! decisions ("AGREED that …") and the documents the pack holds.

use std::collections::HashMap;

use super::blocks::{BlockKind, Reading};
use super::format::title_case;
use super::text::{norm, parse_date, Doc};
use super::{AgendaItem, Decision, Meeting, PackDocument};

fn mostly_upper(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 8
}

const BODY_WORDS: &[&str] = &["panel", "committee", "board", "cabinet", "council", "executive", "forum", "partnership"];

/// The meeting body: the capitalised title lines before the date or agenda.
fn body(doc: &Doc) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for l in doc.lines.iter().filter(|l| !l.is_blank()).take(12) {
        let n = norm(l.content);
        if n.starts_with("date") || n.starts_with("agenda") || n.starts_with("time") || n.starts_with("venue") {
            break;
        }
        if mostly_upper(l.content) || (!parts.is_empty() && l.content.split_whitespace().count() <= 3) {
            parts.push(l.content);
        } else if !parts.is_empty() {
            break;
        }
    }
    let names_body = |s: &str| {
        let lower = s.to_lowercase();
        BODY_WORDS.iter().any(|w| lower.split_whitespace().any(|x| x.trim_matches(|c: char| !c.is_alphabetic()) == *w))
    };
    let joined = parts.join(" ");
    if names_body(&joined) {
        return Some(title_case(&joined.replace('\u{2019}', "'")));
    }
    // A single report's heading in ordinary case: "Report to Cabinet", "Health and Wellbeing
    // Board" — a short line naming a body, before any label ("Report of: …").
    doc.lines.iter().filter(|l| !l.is_blank()).take(4).find_map(|l| {
        let c = l.content.trim();
        let c = c.strip_prefix("Report to ").or_else(|| c.strip_prefix("Report to the ")).unwrap_or(c);
        (!c.contains(':') && c.split_whitespace().count() <= 8 && names_body(c)).then(|| c.trim_end_matches('.').to_string())
    })
}

/// The council most often named ("Middlesbrough Council", "Anyshire County Council").
pub fn council(doc: &Doc) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in doc.lines.iter().filter(|l| l.content.contains("Council")) {
        let words: Vec<&str> = l.content.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if w.trim_end_matches(|c: char| !c.is_alphabetic()) != "Council" {
                continue;
            }
            // Up to three capitalised words before it: "Stockton-on-Tees Borough Council".
            let mut start = i;
            while start > 0 && i - start < 3 {
                let prev = words[start - 1];
                let capitalised = prev.chars().next().is_some_and(char::is_uppercase)
                    && prev.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !(prev.len() > 1 && prev.chars().all(char::is_uppercase))
                    && !["The", "This", "Our", "Full", "Town", "A"].contains(&prev);
                if !capitalised {
                    break;
                }
                start -= 1;
            }
            if start < i {
                *counts.entry(words[start..=i].join(" ").trim_end_matches(|c: char| !c.is_alphabetic()).to_string()).or_default() += 1;
            }
        }
    }
    counts.into_iter().filter(|(_, n)| *n >= 2).max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(k, _)| k)
}

/// The value after "Label:" on a line, or on the next content line.
fn labelled(doc: &Doc, label: &str) -> Option<(String, usize)> {
    for (i, l) in doc.lines.iter().enumerate().take(200) {
        let n = norm(l.content);
        if let Some(rest) = n.strip_prefix(label) {
            if !rest.starts_with(':') {
                continue;
            }
            let v = l.content.split_once(':').map(|x| x.1.trim()).unwrap_or("");
            if !v.is_empty() {
                return Some((v.to_string(), i));
            }
            let j = doc.next_content(i, 1).next()?;
            return Some((doc.lines[j].content.to_string(), j));
        }
    }
    None
}

/// "3 - 10": a page range standing alone.
fn page_range(s: &str) -> Option<String> {
    let (a, b) = s.split_once('-')?;
    let ok = |x: &str| !x.trim().is_empty() && x.trim().len() <= 4 && x.trim().bytes().all(|c| c.is_ascii_digit());
    (ok(a) && ok(b)).then(|| format!("{}–{}", a.trim(), b.trim()))
}

fn agenda(doc: &Doc) -> Vec<AgendaItem> {
    let lines = &doc.lines;
    let Some(a) = lines.iter().take(300).position(|l| norm(l.content) == "agenda") else { return Vec::new() };
    let mut items: Vec<AgendaItem> = Vec::new();
    let mut expect = 1u32;
    let mut i = a + 1;
    let mut since_item = 0;
    while i < lines.len() {
        let c = lines[i].content;
        let num = c.split_once('.').and_then(|(n, rest)| (n.len() <= 2 && rest.starts_with(' ')).then(|| n.parse::<u32>().ok()).flatten());
        if num == Some(expect) {
            // The title: this line and its wrapped continuation, up to a blank line.
            let rest = c.split_once('.').map(|x| x.1.trim()).unwrap_or("");
            let mut title = rest.to_string();
            let mut end = lines[i].start + c.len();
            let mut j = i + 1;
            while j < lines.len() && !lines[j].is_blank() && page_range(lines[j].content).is_none() {
                title.push(' ');
                title.push_str(lines[j].content);
                end = lines[j].start + lines[j].content.len();
                j += 1;
            }
            items.push(AgendaItem { number: expect.to_string(), title, pages: None, span: (lines[i].start, end) });
            expect += 1;
            since_item = 0;
            i = j;
            continue;
        }
        if let (Some(p), Some(last)) = (page_range(c), items.last_mut()) {
            if last.pages.is_none() {
                last.pages = Some(p);
            }
        }
        if !lines[i].is_blank() {
            since_item += 1;
        }
        if since_item > 12 && !items.is_empty() {
            break;
        }
        i += 1;
    }
    items
}

fn present_and_apologies(doc: &Doc) -> (Option<String>, Option<String>) {
    let lines = &doc.lines;
    let mut present = None;
    let mut apologies = None;
    for (i, l) in lines.iter().enumerate() {
        let n = norm(l.content);
        if present.is_none() && (n.starts_with("present:") || n.starts_with("members present:") || n == "present") {
            let mut text = l.content.split_once(':').map(|x| x.1.trim().to_string()).unwrap_or_default();
            for j in doc.next_content(i, 3) {
                let c = lines[j].content;
                let nc = norm(c);
                if nc.contains(':') && mostly_upper(c.split(':').next().unwrap_or("")) || nc.starts_with("apologies") || text.ends_with('.')
                {
                    break;
                }
                text.push(' ');
                text.push_str(c);
            }
            present = Some(text.trim().trim_end_matches('.').to_string());
        }
        if apologies.is_none() && n.starts_with("apologies for absence") {
            // "APOLOGIES FOR ABSENCE were submitted on behalf of Councillors A, B and C."
            let mut text = l.content.to_string();
            for j in doc.next_content(i, 2) {
                if text.trim_end().ends_with('.') {
                    break;
                }
                text.push(' ');
                text.push_str(lines[j].content);
            }
            let lower = text.to_lowercase();
            let who = lower.find("on behalf of").and_then(|k| text.get(k + "on behalf of".len()..)).map(|w| w.trim().to_string());
            if let Some(w) = who {
                let w = w.split('.').next().unwrap_or("").trim().to_string();
                if !w.is_empty() {
                    apologies = Some(w);
                }
            }
        }
    }
    (present, apologies)
}

fn decisions(reading: &Reading) -> Vec<Decision> {
    reading
        .blocks
        .iter()
        .filter(|b| {
            let n = b.text.trim_start();
            ["AGREED", "RESOLVED", "ORDERED", "DECIDED"].iter().any(|w| n.starts_with(w))
        })
        .map(|b| Decision { text: b.text.clone(), section: reading.section_title(b.section).map(str::to_string), span: b.whole_span() })
        .collect()
}

const DOC_WORDS: &[&str] = &["report", "review", "letter", "update", "minutes", "briefing", "summary", "plan", "strategy"];

/// Headings that start a document of their own inside the pack.
fn documents(reading: &Reading, body: Option<&str>) -> Vec<PackDocument> {
    let body_n = body.map(norm);
    reading
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading || (b.kind == BlockKind::Paragraph && b.text.len() < 100 && mostly_upper(&b.text)))
        .filter(|b| {
            let n = norm(&b.text);
            let words = n.split_whitespace().count();
            // A lead-in to a list ("… we said:") is not a title.
            if b.text.trim_end().ends_with([':', '-']) {
                return false;
            }
            let repeats_body = body_n.as_ref().is_some_and(|bn| {
                let prefix: String = bn.chars().take(30).collect();
                n.replace('&', "and").starts_with(&prefix)
            });
            let titled = DOC_WORDS.iter().any(|w| n.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w)) && (3..=16).contains(&words);
            repeats_body || (titled && (mostly_upper(&b.text) || b.text.contains(':')))
        })
        .map(|b| PackDocument { title: b.text.clone(), span: b.whole_span() })
        .collect()
}

pub fn read(doc: &Doc, reading: &Reading) -> Meeting {
    let body = body(doc);
    let date = ["date", "date of meeting", "meeting date"].iter().find_map(|label| labelled(doc, label).and_then(|(v, _)| parse_date(&v)));
    let venue = labelled(doc, "venue").map(|(v, _)| v.trim_end_matches('.').to_string());
    let (present, apologies) = present_and_apologies(doc);
    Meeting {
        documents: documents(reading, body.as_deref()),
        body,
        date,
        venue,
        present,
        apologies,
        items: agenda(doc),
        decisions: decisions(reading),
    }
}

#[cfg(test)]
mod tests {
    use super::super::blocks;
    use super::*;

    const PACK: &str = "HEALTH AND WELLBEING SCRUTINY\n\nPANEL\n\nDate: Monday 4th October, 2021\nTime: 2.00 pm\nVenue: Town Hall\n\nAGENDA\n\n1.   Apologies for Absence\n\n2.   Minutes of the Previous Meeting held on 6\nSeptember 2021\n\n 3 - 8\n\n3.   Update on Adult Social Care\n\nThe Director will report.\n\n 9 - 20\n\nA meeting of the Health and Wellbeing Scrutiny Panel was held on 6 September 2021.\n\nPRESENT:  Councillor Brown (Chair), Councillors Green and\n\nWhite.\n\nOFFICERS:  A Officer.\n\nAPOLOGIES FOR ABSENCE were submitted on behalf of Councillors Grey and J\nBlack.\n\nAGREED that the information be noted.\n\nNorthtown Council staff attended. Northtown Council will report back.\n";

    #[test]
    fn agenda_pack() {
        let doc = Doc::new(PACK);
        let r = blocks::read(&doc, PACK);
        let m = read(&doc, &r);
        assert_eq!(m.body.as_deref(), Some("Health and Wellbeing Scrutiny Panel"));
        assert_eq!(m.date.as_deref(), Some("2021-10-04"));
        assert_eq!(m.venue.as_deref(), Some("Town Hall"));
        let items: Vec<(&str, &str, Option<&str>)> =
            m.items.iter().map(|i| (i.number.as_str(), i.title.as_str(), i.pages.as_deref())).collect();
        assert_eq!(
            items,
            [
                ("1", "Apologies for Absence", None),
                ("2", "Minutes of the Previous Meeting held on 6 September 2021", Some("3–8")),
                ("3", "Update on Adult Social Care", Some("9–20")),
            ]
        );
        assert_eq!(m.present.as_deref(), Some("Councillor Brown (Chair), Councillors Green and White"));
        assert_eq!(m.apologies.as_deref(), Some("Councillors Grey and J Black"));
        assert_eq!(m.decisions.len(), 1);
        assert!(m.decisions[0].text.starts_with("AGREED that the information be noted."));
        assert_eq!(council(&doc).as_deref(), Some("Northtown Council"));
    }

    #[test]
    fn title_case_keeps_small_words_small() {
        assert_eq!(title_case("CHILDREN AND YOUNG PEOPLE'S SOCIAL CARE"), "Children and Young People's Social Care");
    }
}
