//! Which framework a report follows, from its title and what else it holds, and whether its
//! judgement table was read whole.
//!
//! The titles, as the regulators have written them (checked across the wide corpus, 2012–2025):
//! - "Inspection of safeguarding and looked after children services" — 2012 and before;
//! - "Inspection of local authority arrangements for the protection of children" — 2012–13;
//! - "Inspection of looked after children services" — 2012–13 (Ofsted alone);
//! - "(Re-)inspection of services for children in need of help and protection, children
//!   looked after and care leavers" — the single inspection framework, 2013–18, usually with a
//!   "Review of the effectiveness of the Local Safeguarding Children Board"; a review alone is
//!   an LSCB review;
//! - "Inspection of children's social care services" (2018–20) and "Inspection of X local
//!   authority children's services" (2021 on) — ILACS, whose edition is told by its table (a
//!   combined children in care and care leavers row until 2022, a care leavers row from 2023, no
//!   overall effectiveness from April 2026) or, failing that, the inspection's year;
//! - focused and monitoring visit letters.

use super::blocks::Reading;
use super::text::{head, norm, Doc, TITLE_BYTES};
use super::{Framework, Judgement, Kind, VisitType};

/// How many opening lines hold the title.
const TITLE_LINES: usize = 14;

/// The title: the opening lines, normalised and joined (so a wrapped title reads whole).
pub fn title(doc: &Doc) -> String {
    doc.lines.iter().filter(|l| !l.is_blank()).take(TITLE_LINES).map(|l| norm(head(l.content, TITLE_BYTES))).collect::<Vec<_>>().join(" ")
}

/// The year of the period the report covers ("11 to 15 September 2023"), if written.
fn year_of(period: Option<&str>) -> Option<u32> {
    period?
        .split(|c: char| !c.is_ascii_digit())
        .rev()
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (2000..2100).contains(y))
}

/// What the report in hand says about itself, for telling its framework.
pub struct Facts<'a> {
    /// From [`title`].
    pub title: &'a str,
    pub kind: Kind,
    pub indicative: bool,
    pub visit: Option<VisitType>,
    pub judgements: &'a [Judgement],
    pub period: Option<&'a str>,
    /// The opening says the report is a re-inspection ([`says_reinspection`]).
    pub reinspection: bool,
    /// An area SEND report's framework as its reader told it (`area::read_send`).
    pub area: Option<Framework>,
    /// A provider's inspection's framework as its reader told it (`provider::read`).
    pub provider: Option<Framework>,
}

/// Where a second report starts in the same text (two reports saved as one PDF, or pasted
/// one after the other): after the first report's opening, a line that opens an Ofsted title
/// ("Inspection of …", "Review of the effectiveness of …") with its "Inspection date(s)" within
/// the next six lines. Its byte offset and its title line.
pub fn second_report(doc: &Doc) -> Option<(usize, String)> {
    const OPENINGS: &[&str] = &["inspection of ", "re-inspection of ", "reinspection of ", "review of the effectiveness"];
    let content: Vec<usize> = (0..doc.lines.len()).filter(|&i| !doc.lines[i].is_blank()).collect();
    // Each "Inspection date(s)" line, then the nearest title opening above it (a running footer
    // of the first report may stand just before the second's title).
    content.iter().enumerate().skip(TITLE_LINES + 20).find_map(|(k, &i)| {
        if !norm(head(doc.lines[i].content, 40)).starts_with("inspection date") {
            return None;
        }
        content[k.saturating_sub(6)..k].iter().rev().find_map(|&j| {
            let line = &doc.lines[j];
            let n = norm(head(line.content, TITLE_BYTES));
            (n.len() <= 150 && OPENINGS.iter().any(|o| n.starts_with(o))).then(|| (line.start, line.content.trim().to_string()))
        })
    })
}

/// How many of the first sentences may say "This is a re-inspection".
const OPENING_SENTENCES: usize = 80;

/// Whether the report's opening calls it a re-inspection: "This is a re-inspection of
/// children's services in Lambeth, after they were judged to be inadequate in 2015."
pub fn says_reinspection(reading: &Reading) -> bool {
    reading.sentences.iter().take(OPENING_SENTENCES).any(|s| {
        let l = s.lower.replace(['\u{2010}', '\u{2011}'], "-");
        ["this is a re-inspection", "this re-inspection", "this reinspection", "this is a reinspection"].iter().any(|p| l.contains(p))
    })
}

pub fn detect(f: &Facts) -> Option<Framework> {
    match f.kind {
        Kind::CqcLaAssessment => Some(if f.indicative { Framework::Cqc2023Pilot } else { Framework::Cqc2024 }),
        Kind::OfstedIlacs => ofsted(f),
        // The 2023 framework's, or a 2016–22 letter or revisit, as its reader told it.
        Kind::AreaSend => Some(f.area.unwrap_or(Framework::AreaSend2023)),
        Kind::Jtai => Some(Framework::Jtai),
        // Told by `provider::read`.
        Kind::ProviderInspection => f.provider,
        Kind::CommitteePapers | Kind::Unknown => None,
    }
}

fn ofsted(f: &Facts) -> Option<Framework> {
    match f.visit {
        Some(VisitType::FocusedVisit) => return Some(Framework::IlacsFocusedVisit),
        Some(VisitType::MonitoringVisit) => return Some(Framework::IlacsMonitoringVisit),
        _ => {}
    }
    let has = |p: &str| f.title.contains(p);
    if has("re-inspection of services for children") || has("reinspection of services for children") {
        return Some(Framework::SifReinspection);
    }
    if has("inspection of services for children in need of help and protection") {
        // Some re-inspections kept the first inspection's title and say so in their opening.
        return Some(if f.reinspection { Framework::SifReinspection } else { Framework::Sif });
    }
    if has("inspection of safeguarding and looked after children") {
        return Some(Framework::SafeguardingLac2012);
    }
    if has("arrangements for the protection of children") {
        return Some(Framework::ChildProtection2012);
    }
    if has("inspection of looked after children services") || has("inspection of looked after children") {
        return Some(Framework::LookedAfterChildren2013);
    }
    if has("review of the effectiveness of the local safeguarding children board") && !has("inspection of") {
        return Some(Framework::LscbReview);
    }
    Some(ilacs_edition(f))
}

/// ILACS 2018, 2023 or 2026, by the rows of its table, else by the inspection's year.
fn ilacs_edition(f: &Facts) -> Framework {
    let areas: Vec<String> = f.judgements.iter().map(|j| norm(&j.area)).collect();
    let combined = areas.iter().any(|a| a.contains("children in care and care leavers") || a.contains("children in care and leaving care"));
    let leavers_apart = areas.iter().any(|a| a.contains("care leavers") && !a.contains("children in care"));
    let overall = areas.iter().any(|a| a.contains("overall effectiveness"));
    let year = year_of(f.period);
    if combined {
        Framework::Ilacs2018
    } else if leavers_apart && !overall && year.is_some_and(|y| y >= 2026) {
        Framework::Ilacs2026
    } else if leavers_apart {
        Framework::Ilacs2023
    } else if year.is_some_and(|y| y <= 2022) {
        Framework::Ilacs2018
    } else if year.is_some_and(|y| y >= 2026) && !overall && !f.judgements.is_empty() {
        Framework::Ilacs2026
    } else {
        Framework::Ilacs2023
    }
}

/// A warning when a report says it reviewed the Local Safeguarding Children Board but the
/// board's judgement was not read.
pub fn missing_lscb(title: &str, judgements: &[Judgement]) -> Option<String> {
    let reviewed = title.contains("review of the effectiveness of the local safeguarding children board");
    (reviewed && !judgements.iter().any(Judgement::is_lscb)).then(|| {
        "This report includes a review of the Local Safeguarding Children Board, but the board's own judgement was not found \
         in the text; check the report's summary."
            .to_string()
    })
}

/// A warning when a report of a known framework has fewer of the council's judgements than
/// the framework gives, naming what is missing.
pub fn missing_judgements(framework: Option<Framework>, judgements: &[Judgement]) -> Option<String> {
    let framework = framework?;
    let Some(expected) = framework.expected_judgements() else {
        // A graded framework whose full table this version does not know (the 2012–13
        // safeguarding and child protection inspections): say so, rather than let a partial
        // table pass as whole.
        return matches!(framework, Framework::SafeguardingLac2012 | Framework::ChildProtection2012).then(|| {
            format!(
                "This report follows the {} inspection framework, whose full list of judgements this version does not know: \
                 {} {} read here. Check them against the report's record of main findings.",
                framework.as_str(),
                judgements.iter().filter(|j| !j.is_lscb()).count(),
                if judgements.iter().filter(|j| !j.is_lscb()).count() == 1 { "judgement was" } else { "judgements were" },
            )
        });
    };
    let areas: Vec<String> = judgements.iter().filter(|j| !j.is_lscb()).map(|j| norm(&j.area)).collect();
    let missing: Vec<&str> =
        expected.iter().filter(|(_, words)| !areas.iter().any(|a| words.iter().any(|w| a.contains(w)))).map(|(name, _)| *name).collect();
    if missing.is_empty() {
        return None;
    }
    let found = expected.len() - missing.len();
    Some(format!(
        "This report follows {}, which grades {} judgements; {} of them {} read here. Not found: {}. \
         Check the report's summary of judgements before relying on this list.",
        framework.as_str(),
        expected.len(),
        found,
        if found == 1 { "was" } else { "were" },
        missing.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Grade;

    fn j(area: &str) -> Judgement {
        Judgement::new(area, Grade::Good, (0, 0))
    }

    fn detect_in(text: &str, judgements: &[Judgement], period: Option<&str>) -> Option<Framework> {
        let title = title(&Doc::new(text));
        detect(&Facts {
            title: &title,
            kind: Kind::OfstedIlacs,
            indicative: false,
            visit: None,
            judgements,
            period,
            reinspection: false,
            area: None,
            provider: None,
        })
    }

    #[test]
    fn a_framework_whose_table_is_not_known_says_so() {
        let w = missing_judgements(Some(Framework::ChildProtection2012), &[j("Overall effectiveness"), j("Quality of practice")]);
        assert_eq!(
            w.as_deref(),
            Some(
                "This report follows the Child protection 2012 inspection framework, whose full list of judgements this version \
                 does not know: 2 judgements were read here. Check them against the report's record of main findings."
            )
        );
        assert_eq!(missing_judgements(Some(Framework::IlacsFocusedVisit), &[j("Overall effectiveness")]), None);
    }

    #[test]
    fn titles_tell_the_older_frameworks() {
        let sif = "Swindon Borough Council\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\n";
        assert_eq!(detect_in(sif, &[], None), Some(Framework::Sif));
        let re =
            "Birmingham\nRe-inspection of services for children in need of help and\nprotection, children looked after and care leavers\n";
        assert_eq!(detect_in(re, &[], None), Some(Framework::SifReinspection));
        let lac = "Inspection of looked after children\nservices\nNorfolk County Council\n";
        assert_eq!(detect_in(lac, &[], None), Some(Framework::LookedAfterChildren2013));
    }

    #[test]
    fn ilacs_editions_by_table_then_year() {
        let t = "London Borough of Bexley\nInspection of children's social care services\n";
        let y2018 = [j("The experiences and progress of children in care and care leavers")];
        assert_eq!(detect_in(t, &y2018, Some("9 July 2018 to 20 July 2018")), Some(Framework::Ilacs2018));
        let y2023 = [j("The experiences and progress of care leavers"), j("Overall effectiveness")];
        assert_eq!(detect_in(t, &y2023, Some("11 to 15 September 2023")), Some(Framework::Ilacs2023));
        assert_eq!(detect_in(t, &[], Some("7 to 18 November 2022")), Some(Framework::Ilacs2018));
        let y2026 = [j("The experiences and progress of care leavers")];
        assert_eq!(detect_in(t, &y2026, Some("4 to 15 May 2026")), Some(Framework::Ilacs2026));
    }

    #[test]
    fn a_short_table_is_said_to_be_short() {
        let w =
            missing_judgements(Some(Framework::Sif), &[j("Overall effectiveness"), j("Children who need help and protection")]).unwrap();
        assert!(w.contains("6 judgements") && w.contains("2 of them were read") && w.contains("Adoption performance"), "{w}");
        let full =
            [j("Overall effectiveness"), j("help and protection"), j("children in care and care leavers"), j("The impact of leaders")];
        assert_eq!(missing_judgements(Some(Framework::Ilacs2018), &full), None);
        assert_eq!(missing_judgements(Some(Framework::IlacsFocusedVisit), &[]), None);
    }
}
