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

/// The opening non-blank lines, where a title is looked for.
fn title_lines<'d, 'a>(doc: &'d Doc<'a>) -> impl Iterator<Item = &'d super::text::Line<'a>> {
    doc.lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES)
}

/// The opening non-blank lines joined with spaces, so a title wrapped across lines reads whole.
fn opening(doc: &Doc) -> String {
    let mut s = String::new();
    for l in title_lines(doc) {
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
            for l in title_lines(doc) {
                let n = head(l.content, TITLE_BYTES).to_lowercase();
                if let Some(i) = n.find("local authority assessment") {
                    if let Some(name) = l.content.get(..i) {
                        if let Some(a) = clean(name.trim_end().trim_end_matches([':', '-', '–', '—'])) {
                            return Some(a);
                        }
                    }
                }
            }
            // The 2023 pilots' pages: "Birmingham City Council assessment".
            for l in title_lines(doc) {
                let t = l.content.trim();
                if let Some(name) = t.strip_suffix(" assessment").filter(|n| looks_like_a_name(n) && names_a_council(n)) {
                    return clean(name);
                }
            }
            // A press release: "CQC rates Surrey County Council's adult social care provision as
            // good", "The Care Quality Commission (CQC), has rated Surrey County Council as good".
            for l in title_lines(doc) {
                let t = head(l.content, TITLE_BYTES);
                let lower = t.to_ascii_lowercase();
                for (opening, close) in
                    [("cqc rates ", "\u{2019}s adult social care"), ("cqc rates ", "'s adult social care"), ("has rated ", " as ")]
                {
                    let Some(start) = lower.find(opening).map(|a| a + opening.len()) else { continue };
                    let Some(end) = lower[start..].find(close).map(|e| e + start) else { continue };
                    if let Some(name) = t.get(start..end).filter(|n| looks_like_a_name(n) && names_a_council(n)) {
                        return clean(name);
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
            // And the letters: "Focused visit to Anytown local authority children's services",
            // "Monitoring visit to Anytown children's services".
            let named = || {
                ["inspection of ", "visit to ", "visit of "].iter().find_map(|opening| {
                    let start = lower.find(opening)? + opening.len();
                    let rest = lower.get(start..)?;
                    // An inspection's title names the council before "local authority"; a visit's
                    // may go straight on to "children's services".
                    let ends: &[&str] = if *opening == "inspection of " {
                        &[" local authority"]
                    } else {
                        &[" local authority", " children's services", " children\u{2019}s services"]
                    };
                    let end = ends.iter().filter_map(|e| rest.find(e)).min()? + start;
                    // The name, not its possessive ("monitoring visit of BCP Council's children's
                    // services"). An inspection's may start lower-case ("Inspection of the Isle of
                    // Wight local authority…"); a visit's must look like a name (a letter may say
                    // "visit to help consolidate…").
                    let name = open.get(start..end)?;
                    let name = name.strip_suffix("'s").or_else(|| name.strip_suffix("\u{2019}s")).unwrap_or(name);
                    Some(name).filter(|n| *opening == "inspection of " || looks_like_a_name(n)).and_then(clean)
                })
            };
            named().or_else(|| council_beside_title(doc))
        }
        // Read by `area` from their own titles.
        // A provider's inspection is about a service, not a council: read by `provider`.
        Kind::CommitteePapers | Kind::AreaSend | Kind::Jtai | Kind::ProviderInspection => None,
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
    let lines: Vec<&str> = title_lines(doc).map(|l| head(l.content, TITLE_BYTES).trim()).collect();
    let title = lines.iter().position(|l| {
        let n = norm(l);
        TITLE_OPENINGS.iter().any(|o| n.starts_with(o.trim_end()))
    });
    let Some(title) = title else {
        // The name and the title on one line: "Manchester City Council Re-inspection of services…".
        return lines.iter().find_map(|l| {
            let lower = l.to_lowercase();
            TITLE_OPENINGS.iter().find_map(|o| {
                let at = lower.find(&format!(" {o}"))?;
                let name = l.get(..at)?;
                (looks_like_a_name(name) && names_a_council(name)).then(|| name.trim().to_string())
            })
        });
    };
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
    // Below the title (which may wrap over a line or two): a name with a council word in it,
    // or a short one just above the inspection dates ("Kent" / "Inspection dates 11-22 October 2010").
    let below: Vec<&str> = lines.iter().skip(title + 1).take(5).copied().collect();
    below.iter().take(4).find(|l| looks_like_a_name(l) && names_a_council(l)).map(|l| l.to_string()).or_else(|| {
        below.windows(2).find_map(|w| {
            let short = w[0].split_whitespace().count() <= 4;
            (short && looks_like_a_name(w[0]) && norm(w[1]).starts_with("inspection date")).then(|| w[0].to_string())
        })
    })
}

/// Words a council's name holds ("Leeds City Council", "London Borough of Camden").
const COUNCIL_WORDS: &[&str] = &["council", "borough", "county", "city", "district", "corporation"];

fn names_a_council(s: &str) -> bool {
    norm(s).split(' ').any(|w| COUNCIL_WORDS.contains(&w))
}

fn published(doc: &Doc) -> Option<String> {
    at_line_start(doc).or_else(|| run_in_label(doc, &["report published:", "assessment published:"]).and_then(parse_date))
}

/// Text copied with its line breaks lost: a label inside the opening's long line ("… Inspection
/// date: 20 January 2015 – 11 February 2015 Report published: 27 March 2015 …"). The dates
/// after it: day, month and year words, dashes, "to" and "and", ending with a year.
fn run_in_label<'a>(doc: &Doc<'a>, labels: &[&str]) -> Option<&'a str> {
    doc.lines.iter().filter(|l| l.content.len() > 200).take(TITLE_LINES).find_map(|l| {
        // ASCII lower-casing keeps byte offsets.
        let lower = l.content.to_ascii_lowercase();
        let (at, label) = labels.iter().find_map(|p| lower.find(p).map(|at| (at, p)))?;
        date_run(&l.content[at + label.len()..])
    })
}

/// The dates at the start of `rest`, up to their last year: "7 and 8 June 2022", "28 – 30
/// January 2014"; none when no year comes before a word that is not part of a date.
pub(super) fn date_run(rest: &str) -> Option<&str> {
    let mut end = None;
    let mut pos = 0;
    for w in rest.split(' ') {
        let t = w.trim_end_matches([',', '.']);
        let year = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
        let date_word = year
            || (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            || super::format::month_number(t).is_some()
            || ["", "–", "-", "—", "to", "and"].contains(&t);
        if !date_word {
            break;
        }
        pos += w.len() + 1;
        if year {
            // The year's last digit, not the stop or comma after it.
            end = Some(pos - 1 - (w.len() - t.len()));
        }
    }
    end.and_then(|e| rest.get(..e)).map(str::trim)
}

/// A visit letter's dates, which its first sentence gives: "This letter summarises the
/// findings of the monitoring visit to X children's services on 7 and 8 June 2022." (Ofsted's
/// focused and monitoring visit letters have no "Inspection dates" line.)
fn visit_dates(doc: &Doc) -> Option<String> {
    let mut s = String::new();
    for l in doc.lines.iter().filter(|l| !l.is_blank()).take(40) {
        s.push_str(head(l.content, 600).trim());
        s.push(' ');
    }
    let lower = s.to_ascii_lowercase();
    let at = lower.find("summarises the findings of the ")?;
    let mut end = (at + 400).min(lower.len());
    while !lower.is_char_boundary(end) {
        end -= 1;
    }
    let window = &lower[at..end];
    if !window.contains("monitoring visit") && !window.contains("focused visit") {
        return None;
    }
    // The first "on" that dates follow: "… children's services on 7 and 8 June 2022", or the
    // next sentence's "The visit was carried out … on 1 and 2 October 2024".
    window.match_indices(" on ").find_map(|(k, _)| date_run(s.get(at + k + 4..)?)).map(str::to_string)
}

fn at_line_start(doc: &Doc) -> Option<String> {
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
    run_in_label(doc, &["inspection dates:", "inspection date:"]).map(str::to_string).or_else(|| visit_dates(doc))
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
    fn a_visit_letter_dates_its_visit_in_its_first_sentence() {
        for (text, want) in [
            (
                "Dear Ms Person\n\nMonitoring visit to Anytown children\u{2019}s services\n\nThis letter summarises the findings of the \
                 monitoring visit to Anytown children\u{2019}s services on 7 and 8 June 2022. This was the first monitoring visit since \
                 the local authority was judged inadequate in December 2021.\n",
                Some("7 and 8 June 2022"),
            ),
            (
                "Focused visit to Anytown children's services\n\nThis letter summarises the findings of the focused visit to Anytown \
                 children's services on 30 September and 1 October 2020.\n",
                Some("30 September and 1 October 2020"),
            ),
            // A later sentence that dates the visit.
            (
                "This letter summarises the findings of the third monitoring visit to Anytown children's services since the local \
                 authority was judged inadequate in 2023. The visit was carried out by His Majesty's Inspectors on 1 and 2 October 2024.\n",
                Some("1 and 2 October 2024"),
            ),
            // Not a visit letter: its "on" dates nothing of a visit.
            ("This letter summarises the findings of the joint targeted area inspection on 1 May 2024.\n", None),
        ] {
            assert_eq!(period(&Doc::new(text)).as_deref(), want, "{text}");
        }
    }

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

    /// The council each opening names (or none), as the shapes of real reports and their copies
    /// word it: one row an opening.
    #[test]
    fn the_council_of_each_opening() {
        use Kind::{CqcLaAssessment as Cqc, OfstedIlacs as Ofsted};
        let rows: &[(Kind, &str, Option<&str>)] = &[
            // 2010: the name alone above the dates (Kent).
            (Ofsted, "Inspection of safeguarding and\nlooked after children services\nKent\nInspection dates 11-22 October 2010\nReporting inspector Stephen Hart HMI\n", Some("Kent")),
            // Visit letters, and a visit's council without its possessive.
            (Ofsted, "Focused visit to Easttown local authority children's services\n\nInspection dates: 3 and 4 July 2024\n", Some("Easttown")),
            (Ofsted, "Monitoring visit to Westtown children\u{2019}s services\n\nDear Director\n", Some("Westtown")),
            (Ofsted, "The letter on the second monitoring visit of BCP Council's children's services has been published.\n", Some("BCP Council")),
            // The title run on after the name (Manchester 2017, Leeds 2015); not a name without a council word.
            (Ofsted, "Manchester City Council Re-inspection of services for children in need of help and\nprotection, children looked after and care leavers\n", Some("Manchester City Council")),
            (Ofsted, "Anytown Inspection of services for children in need of help and protection\n", None),
            // CQC press releases and the 2023 pilots' pages.
            (Cqc, "CQC rates Surrey County Council\u{2019}s adult social care provision as good\n\nPublished: 20 November 2024\n", Some("Surrey County Council")),
            (Cqc, "The Care Quality Commission (CQC), has rated Hertfordshire County Council as good, in how well they meet their duties.\n", Some("Hertfordshire County Council")),
            (Cqc, "Birmingham City Council assessment\n\nLocal authority indicative rating\n", Some("Birmingham City Council")),
            (Cqc, "How we assess local authorities\nThe assessment\n", None),
        ];
        for (kind, opening, council) in rows {
            assert_eq!(read(&Doc::new(opening), *kind).authority.as_deref(), *council, "{opening}");
        }
    }

    #[test]
    fn dates_in_a_run_on_opening() {
        let long = "The local authority leads effective services that meet the requirements for good. ".repeat(3);
        let t = format!("Leeds City Council Inspection of services for children in need of help and protection Inspection date: 20 January 2015 \u{2013} 11 February 2015 Report published: 27 March 2015 {long}\n");
        let m = read(&Doc::new(&t), Kind::OfstedIlacs);
        assert_eq!(m.period.as_deref(), Some("20 January 2015 \u{2013} 11 February 2015"));
        assert_eq!(m.published.as_deref(), Some("2015-03-27"));
        assert_eq!(m.authority.as_deref(), Some("Leeds City Council"));
    }

    #[test]
    fn about_heading_when_no_title() {
        let d = Doc::new("About Someshire County Council\n\nSomeshire is large.\n");
        assert_eq!(read(&d, Kind::Unknown).authority.as_deref(), Some("Someshire County Council"));
    }
}
