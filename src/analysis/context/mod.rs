//! Where a council stands in England: Ofsted's official ILACS outcomes (as at 31 March 2025) and
//! the DfE's statistical neighbours (2025), carried in the page (`england.tsv`, made from the
//! CSVs in `data/children-social-care/` by `scripts/make-context-data.py`, never by hand).
//!
//! - [`council`] finds a council by any of the ways reports and files spell it ("Bristol, City
//!   of", "Bristol City Council", "City of Bristol"; "Middlesbrough Borough Council"), by its
//!   E-code or its old three-digit code;
//! - [`context_for`] gives a report's council, the national distribution of latest overall
//!   grades, the council's ILACS history, its neighbours and a note on how the report in hand
//!   relates to the official record.
//!
//! Distributions and neighbours, not rankings: nothing here orders councils by grade.

use std::sync::OnceLock;

use serde::Serialize;

use super::since::report_date;
use super::{Grade, Kind, Report};

/// The date the official figures describe, and where they are from, as the page says it.
pub const AS_AT: &str = "31 March 2025";
pub const SOURCE: &str = "Ofsted official statistics (local authority inspection outcomes); DfE statistical neighbours 2025";

const DATA: &str = include_str!("england.tsv");

/// One ILACS inspection or visit in the official record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Inspection {
    /// ISO date.
    pub inspected: String,
    /// "ILACS Standard Inspection", "ILACS Focused Visit", …; "Latest" for the as-at sheet.
    pub kind: String,
    /// Overall effectiveness, then leaders, help and protection, children in care, care leavers.
    pub grades: [Option<Grade>; 5],
    /// 2024-25 focused visits: the theme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
}

impl Inspection {
    pub fn overall(&self) -> Option<Grade> {
        self.grades[0]
    }
}

/// The names of the five judgement columns, in `Inspection::grades` order.
pub const AREAS: [&str; 5] = ["Overall effectiveness", "Leaders", "Help and protection", "Children in care", "Care leavers"];

/// An English council with children's services, as the official files record it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Council {
    /// ONS area code (E06…, E08…, E09…, E10…).
    pub code: String,
    /// The DfE's three-digit local authority code.
    pub old_code: String,
    pub name: String,
    pub region: String,
    /// The latest ILACS inspection as at 31 March 2025.
    pub latest: Option<Inspection>,
    /// Every ILACS inspection since 2018, oldest first.
    pub history: Vec<Inspection>,
    /// Inspections and visits of 2024-25.
    pub visits: Vec<Inspection>,
    /// Ten statistical neighbours: their old codes and how close ("Very close", "Close", …).
    pub neighbours: Vec<(String, String)>,
}

fn grade(s: &str) -> Option<Grade> {
    match s {
        "O" => Some(Grade::Outstanding),
        "G" => Some(Grade::Good),
        "R" => Some(Grade::RequiresImprovementToBeGood),
        "I" => Some(Grade::Inadequate),
        _ => None,
    }
}

fn grades(cells: &[&str]) -> [Option<Grade>; 5] {
    let mut g = [None; 5];
    for (k, c) in cells.iter().take(5).enumerate() {
        g[k] = grade(c);
    }
    g
}

fn closeness(c: &str) -> &'static str {
    match c {
        "E" => "Extremely close",
        "V" => "Very close",
        "C" => "Close",
        "S" => "Somewhat close",
        "N" => "Not close",
        _ => "—",
    }
}

/// Every council of the files (153), parsed once. Lines that do not parse are skipped.
pub fn councils() -> &'static [Council] {
    static ALL: OnceLock<Vec<Council>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<Council> = Vec::new();
        let at = |all: &mut Vec<Council>, code: &str| all.iter().position(|c| c.code == code);
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["C", code, old, name, region] => all.push(Council {
                    code: code.to_string(),
                    old_code: old.to_string(),
                    name: name.to_string(),
                    region: region.to_string(),
                    latest: None,
                    history: Vec::new(),
                    visits: Vec::new(),
                    neighbours: Vec::new(),
                }),
                ["L", code, insp, rest @ ..] => {
                    if let Some(k) = at(&mut all, code) {
                        all[k].latest =
                            Some(Inspection { inspected: insp.to_string(), kind: "Latest".into(), grades: grades(rest), theme: None });
                    }
                }
                ["H", code, insp, kind, rest @ ..] => {
                    if let Some(k) = at(&mut all, code) {
                        all[k].history.push(Inspection {
                            inspected: insp.to_string(),
                            kind: kind.to_string(),
                            grades: grades(rest),
                            theme: None,
                        });
                    }
                }
                ["V", code, insp, kind, overall, theme] => {
                    if let Some(k) = at(&mut all, code) {
                        all[k].visits.push(Inspection {
                            inspected: insp.to_string(),
                            kind: kind.to_string(),
                            grades: [grade(overall), None, None, None, None],
                            theme: (!theme.is_empty()).then(|| theme.to_string()),
                        });
                    }
                }
                ["N", code, pairs @ ..] => {
                    if let Some(k) = at(&mut all, code) {
                        all[k].neighbours = pairs
                            .iter()
                            .filter_map(|p| p.split_once(':'))
                            .map(|(o, c)| (o.to_string(), closeness(c).to_string()))
                            .collect();
                    }
                }
                _ => {}
            }
        }
        for c in &mut all {
            c.history.sort_by(|a, b| a.inspected.cmp(&b.inspected));
        }
        all
    })
}

/// A council's name reduced to what tells councils apart in these files and in reports:
/// lower case, "&" as "and", and without "City of", "Council", "Borough", "County", "upon", …
pub fn name_key(name: &str) -> String {
    const DROP: &[&str] = &[
        "city",
        "of",
        "the",
        "county",
        "council",
        "borough",
        "and",
        "upon",
        "on",
        "metropolitan",
        "district",
        "royal",
        "local",
        // An Area SEND report names its "X Local Area Partnership"; a 2016–22 letter, the area.
        "area",
        "partnership",
        "authority",
        "authority's",
        "children's",
        "services",
        "mbc",
        "cc",
    ];
    /// Other names of one council, as reports write them.
    const ALIASES: &[(&str, &str)] = &[
        ("hull", "kingston hull"),
        ("bcp", "bournemouth christchurch poole"),
        ("london corporation", "london"),
        ("corporation", "london"),
    ];
    let lower = name.to_lowercase().replace('&', " and ");
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty() && !DROP.contains(w))
        .collect();
    // "London Borough of Merton" is Merton; "City of London" is London.
    if words.len() > 1 {
        words.retain(|w| *w != "london");
        if words.is_empty() {
            words.push("london");
        }
    }
    let key = words.join(" ");
    ALIASES.iter().find(|(a, _)| *a == key).map(|(_, k)| k.to_string()).unwrap_or(key)
}

/// The council a name or code means: an E-code, an old three-digit code, or a name as any file
/// or report spells it. `None` when none matches exactly (no guessing between councils).
pub fn council(name_or_code: &str) -> Option<&'static Council> {
    let q = name_or_code.trim();
    let all = councils();
    if let Some(c) = all.iter().find(|c| c.code.eq_ignore_ascii_case(q) || c.old_code == q) {
        return Some(c);
    }
    let key = name_key(q);
    if key.is_empty() {
        return None;
    }
    all.iter().find(|c| name_key(&c.name) == key)
}

/// The council with this old three-digit code.
pub fn by_old_code(code: &str) -> Option<&'static Council> {
    councils().iter().find(|c| c.old_code == code)
}

/// How many councils' latest overall effectiveness is each grade: Outstanding, Good, Requires
/// improvement to be good, Inadequate (and how many have none).
pub fn distribution() -> ([(Grade, usize); 4], usize) {
    let order = [Grade::Outstanding, Grade::Good, Grade::RequiresImprovementToBeGood, Grade::Inadequate];
    let all = councils();
    let count = |g: Grade| all.iter().filter(|c| c.latest.as_ref().and_then(Inspection::overall) == Some(g)).count();
    let none = all.iter().filter(|c| c.latest.as_ref().and_then(Inspection::overall).is_none()).count();
    (order.map(|g| (g, count(g))), none)
}

/// A neighbour, with how close the model puts it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Neighbour {
    pub council: &'static Council,
    pub closeness: String,
}

/// How the report in hand relates to the official record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The record holds this inspection, with the same overall grade.
    InRecord,
    /// The record holds an inspection at this report's dates with another overall grade.
    Disagrees,
    /// Later than every inspection in the record.
    Newer,
    /// Before the ILACS record (an earlier framework), or otherwise not in it.
    Older,
    /// The report's date could not be read.
    Undated,
}

/// A report's council in England: see the module docs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct England {
    pub as_at: &'static str,
    pub source: &'static str,
    pub council: &'static Council,
    /// The report's own overall grade, if it states one.
    pub report_grade: Option<Grade>,
    pub distribution: [(Grade, usize); 4],
    pub without_grade: usize,
    pub neighbours: Vec<Neighbour>,
    pub relation: Relation,
    /// The relation said plainly.
    pub note: String,
}

/// The official record's context for a report: for Ofsted reports of children's services
/// (any era) whose council the files know; `None` otherwise.
pub fn context_for(report: &Report) -> Option<England> {
    if report.kind != Kind::OfstedIlacs {
        return None;
    }
    england(report.authority.as_deref()?, Some(report))
}

/// Why an Ofsted report of a council's children's services is not set beside the official
/// record, when it is not (so the page can say so rather than leave the card out silently):
/// its council could not be read, or is not one of the councils in the record (one since merged
/// or renamed, or a name the matcher does not know). `None` for other kinds and for reports
/// that are set beside it.
pub fn missing_note(report: &Report) -> Option<String> {
    if report.kind != Kind::OfstedIlacs || context_for(report).is_some() {
        return None;
    }
    Some(match report.authority.as_deref() {
        None => "The council this report is about could not be read, so it is not set beside Ofsted's official figures for English councils.".to_string(),
        Some(name) => format!(
            "\u{201c}{name}\u{201d} is not one of the councils in Ofsted's official figures (as at {AS_AT}), so this report is not set beside them: the council may since have merged or been renamed."
        ),
    })
}

/// The official record's context for a council, with a report of it when there is one.
pub fn england(name: &str, report: Option<&Report>) -> Option<England> {
    let council = council(name)?;
    let report_grade =
        report.and_then(|r| r.judgements.iter().find(|j| j.scope.is_none() && j.area.to_lowercase().contains("overall")).map(|j| j.grade));
    let (distribution, without_grade) = distribution();
    let neighbours = council
        .neighbours
        .iter()
        .filter_map(|(code, c)| by_old_code(code).map(|n| Neighbour { council: n, closeness: c.clone() }))
        .collect();
    let (relation, note) = relate(council, report, report_grade);
    Some(England { as_at: AS_AT, source: SOURCE, council, report_grade, distribution, without_grade, neighbours, relation, note })
}

/// Days between two ISO dates (roughly: 30-day months; enough to tell one inspection from another).
fn days(a: &str, b: &str) -> Option<i64> {
    let p = |s: &str| -> Option<i64> {
        let mut it = s.split('-').map(|x| x.parse::<i64>().ok());
        Some(it.next()?? * 365 + it.next()?? * 30 + it.next()??)
    };
    Some(p(b)? - p(a)?)
}

fn relate(council: &Council, report: Option<&Report>, grade: Option<Grade>) -> (Relation, String) {
    let Some(report) = report else {
        return (Relation::Undated, format!("No report of {} loaded: the official record only.", council.name));
    };
    let Some(date) = report_date(report) else {
        return (Relation::Undated, "The report's date could not be read, so it is not placed against the official record.".into());
    };
    let word = |g: Option<Grade>| g.map(|g| g.as_str().to_string()).unwrap_or_else(|| "no overall grade".into());
    // The record's inspection at this report's dates: inspected before the report's date,
    // within a few months of it.
    let same = council.history.iter().find(|h| days(&h.inspected, &date).is_some_and(|d| (0..=150).contains(&d)));
    if let Some(h) = same {
        // By place on the scale: SIF's "Requires improvement" is ILACS's "… to be good".
        return if h.overall().map(Grade::rank) == grade.map(Grade::rank) || grade.is_none() {
            (Relation::InRecord, format!("This inspection is in the official record (inspected {}, {}).", h.inspected, word(h.overall())))
        } else {
            (
                Relation::Disagrees,
                format!(
                    "The official record has this inspection (inspected {}) as {}, but this report reads as {}: check the report.",
                    h.inspected,
                    word(h.overall()),
                    word(grade)
                ),
            )
        };
    }
    let last = council.history.last().map(|h| h.inspected.clone());
    match last {
        Some(l) if date > l => (
            Relation::Newer,
            format!("This report is newer than the official record as at {AS_AT} (its latest inspection of {}: {l}).", council.name),
        ),
        Some(l) => (
            Relation::Older,
            format!("This report is older than the ILACS record (2018 on); the latest official inspection of {} is {l}.", council.name),
        ),
        None => (Relation::Older, format!("The official record holds no ILACS inspection of {}.", council.name)),
    }
}

#[cfg(test)]
mod tests;
