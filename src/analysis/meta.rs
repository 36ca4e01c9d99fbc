//! Who and when: the authority a report is about, its publication date, its period.

use super::text::{head, norm, parse_date, Doc, TITLE_BYTES};
use super::Kind;

pub struct Meta {
    pub authority: Option<String>,
    pub published: Option<String>,
    pub period: Option<String>,
}

/// How many opening lines are searched for the title.
const TITLE_LINES: usize = 12;

pub fn read(doc: &Doc, kind: Kind) -> Meta {
    Meta { authority: authority(doc, kind), published: published(doc), period: period(doc) }
}

/// The opening non-blank lines joined with spaces, so a title wrapped across lines reads whole.
fn opening(doc: &Doc) -> String {
    let mut s = String::new();
    for l in doc.lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES) {
        s.push_str(head(l.content, TITLE_BYTES));
        s.push(' ');
    }
    s
}

fn authority(doc: &Doc, kind: Kind) -> Option<String> {
    let open = opening(doc);
    let lower = open.to_lowercase();
    let clean = |s: &str| {
        let s = s.trim().trim_matches(|c: char| c == '*' || c == '#' || c.is_whitespace());
        (!s.is_empty() && s.len() < 120).then(|| s.to_string())
    };
    match kind {
        Kind::CqcLaAssessment | Kind::Unknown => {
            // "Middlesbrough Council: local authority assessment"
            for l in doc.lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES) {
                let n = head(l.content, TITLE_BYTES).to_lowercase();
                if let Some(i) = n.find("local authority assessment") {
                    if let Some(name) = l.content.get(..i) {
                        if let Some(a) = clean(name.trim_end().trim_end_matches([':', '-', '–', '—'])) {
                            return Some(a);
                        }
                    }
                }
            }
            // "About Middlesbrough Council"
            doc.lines.iter().find_map(|l| {
                let c = l.content;
                let about = c.get(..6)?;
                if about.eq_ignore_ascii_case("about ") && c.len() < 100 && !c.ends_with('.') {
                    clean(c.get(6..)?)
                } else {
                    None
                }
            })
        }
        Kind::OfstedIlacs => {
            // "Inspection of Barnsley local authority children's services"
            let named = || {
                let start = lower.find("inspection of ")? + "inspection of ".len();
                let end = lower.get(start..)?.find(" local authority")? + start;
                clean(open.get(start..end)?)
            };
            named().or_else(|| council_beside_title(doc))
        }
        // Read by `area` from their own titles.
        Kind::CommitteePapers | Kind::AreaSend | Kind::Jtai => None,
    }
}

/// Words that open an Ofsted report's title.
const TITLE_OPENINGS: &[&str] =
    &["inspection of ", "re-inspection of ", "reinspection of ", "review of ", "joint targeted area inspection"];

/// Does this line read as a council's name: short, capitalised, no figures, not a sentence?
fn looks_like_a_name(s: &str) -> bool {
    let t = s.trim();
    let n = norm(t);
    t.len() >= 3
        && t.len() <= 80
        && t.starts_with(|c: char| c.is_uppercase())
        && !t.ends_with(['.', ':', ','])
        && !t.chars().any(|c| c.is_ascii_digit())
        && !["inspection", "ofsted", "report", "judgement", "age group", "published", "lead inspector", "contents"]
            .iter()
            .any(|w| n.starts_with(w))
}

/// Before ILACS titles named the council, the council's name stood on a line of its own just
/// above the title ("Swindon Borough Council" / "Inspection of services for children in need
/// of help and protection…"), or — in 2012–13 reports — just below it.
fn council_beside_title(doc: &Doc) -> Option<String> {
    let lines: Vec<&str> =
        doc.lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES).map(|l| head(l.content, TITLE_BYTES).trim()).collect();
    let title = lines.iter().position(|l| {
        let n = norm(l);
        TITLE_OPENINGS.iter().any(|o| n.starts_with(o.trim_end()))
    })?;
    if let Some(before) = title.checked_sub(1).map(|i| lines[i]).filter(|l| looks_like_a_name(l)) {
        // A name wrapped over two lines: "London Borough of Barking and" / "Dagenham".
        // Or "Doncaster Metropolitan Borough" / "Council": the council word alone below.
        let lone_council_word =
            norm(before).split(' ').all(|w| ["council", "borough", "county", "city", "district", "metropolitan"].contains(&w));
        let wrapped = title.checked_sub(2).map(|i| lines[i]).filter(|l| {
            let n = norm(l);
            looks_like_a_name(l) && (lone_council_word || [" and", " of", " upon", " on", " the"].iter().any(|w| n.ends_with(w)))
        });
        return Some(wrapped.map_or_else(|| before.to_string(), |w| format!("{w} {before}")));
    }
    // Below the title (which may wrap over a line or two): a name with a council word in it.
    const COUNCIL_WORDS: &[&str] = &["council", "borough", "county", "city", "district", "corporation"];
    lines
        .iter()
        .skip(title + 1)
        .take(4)
        .find(|l| looks_like_a_name(l) && COUNCIL_WORDS.iter().any(|w| norm(l).contains(w)))
        .map(|l| l.to_string())
}

fn published(doc: &Doc) -> Option<String> {
    doc.lines.iter().find_map(|l| {
        let c = l.content.as_bytes();
        // Every label starts with one of these letters (a cheap first look at every line).
        if !matches!(c.first().map(u8::to_ascii_lowercase), Some(b'a' | b'r' | b'p' | b'd')) {
            return None;
        }
        let labelled = ["assessment published", "report published", "published", "date of publication", "publication date"]
            .iter()
            .any(|p| c.len() >= p.len() && c[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        if labelled {
            parse_date(l.content)
        } else {
            None
        }
    })
}

fn period(doc: &Doc) -> Option<String> {
    for (i, l) in doc.lines.iter().enumerate() {
        // Labels are at the start of short lines.
        if l.content.len() > 120
            || !l
                .content
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("date") || p.eq_ignore_ascii_case("insp") || p.eq_ignore_ascii_case("asse"))
        {
            continue;
        }
        let n = norm(l.content);
        for label in ["inspection dates", "inspection date", "dates of inspection", "assessment dates", "date of meeting", "date"] {
            if let Some(rest) = n.strip_prefix(label) {
                if !(rest.starts_with(':') || rest.is_empty()) {
                    continue;
                }
                let value = l.content.find(':').and_then(|c| l.content.get(c + 1..)).map(str::trim).unwrap_or("");
                let value =
                    if value.is_empty() { doc.next_content(i, 1).next().map(|j| doc.lines[j].content).unwrap_or("") } else { value };
                if parse_date(value).is_some() || value.chars().any(|c| c.is_ascii_digit()) && value.len() < 80 {
                    return Some(with_wrapped_year(doc, i, value).trim_end_matches('.').to_string());
                }
            }
        }
    }
    None
}

/// Dates that wrap before their month and year: "19 November-11 December 2013 and 28 – 30" /
/// "January 2014" — the next line joined when the value ends without a year and the next line
/// is a month and year.
fn with_wrapped_year(doc: &Doc, i: usize, value: &str) -> String {
    let ends_with_year = value.trim_end_matches('.').rsplit(|c: char| !c.is_ascii_digit()).next().is_some_and(|w| w.len() == 4);
    let next = doc.lines.get(i + 1).map(|l| l.content.trim()).unwrap_or("");
    let next_is_month_year = next.len() < 30
        && next.split_whitespace().next().is_some_and(|w| super::format::month_number(w).is_some())
        && next.rsplit(|c: char| !c.is_ascii_digit()).next().is_some_and(|w| w.len() == 4);
    if !ends_with_year && next_is_month_year {
        format!("{value} {next}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_wrapped_before_their_year_and_a_name_wrapped_before_council() {
        let d = Doc::new(
            "Doncaster Metropolitan Borough\nCouncil\nInspection of services for children in need of help and\n\
             protection, children looked after and care leavers\nInspection dates: 19 November-11 December 2013 and 28 \u{2013} 30\nJanuary 2014\n",
        );
        let m = read(&d, Kind::OfstedIlacs);
        assert_eq!(m.authority.as_deref(), Some("Doncaster Metropolitan Borough Council"));
        assert_eq!(m.period.as_deref(), Some("19 November-11 December 2013 and 28 \u{2013} 30 January 2014"));
    }

    #[test]
    fn cqc_title_and_date() {
        let d = Doc::new("\n# Anytown Borough Council: local authority assessment\n\nAssessment published: 3 June 2024\n");
        let m = read(&d, Kind::CqcLaAssessment);
        assert_eq!(m.authority.as_deref(), Some("Anytown Borough Council"));
        assert_eq!(m.published.as_deref(), Some("2024-06-03"));
    }

    #[test]
    fn ofsted_title_wrapped_over_two_lines() {
        let d = Doc::new("Inspection of Anytown local\nauthority children\u{2019}s services\nInspection dates: 11 to 15 September 2023\n");
        let m = read(&d, Kind::OfstedIlacs);
        assert_eq!(m.authority.as_deref(), Some("Anytown"));
        assert_eq!(m.period.as_deref(), Some("11 to 15 September 2023"));
    }

    #[test]
    fn about_heading_when_no_title() {
        let d = Doc::new("About Someshire County Council\n\nSomeshire is large.\n");
        assert_eq!(read(&d, Kind::Unknown).authority.as_deref(), Some("Someshire County Council"));
    }
}
