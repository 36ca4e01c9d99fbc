//! Which kind of document this is: weighted cues for each kind, the strongest wins, and
//! the reason is the list of cues that were found.

use super::text::{norm, Doc};
use super::Kind;

pub struct Detected {
    pub kind: Kind,
    pub confidence: f64,
    pub reason: String,
}

/// A cue: a phrase looked for in the normalised text, its weight, and how it reads to people.
struct Cue {
    kind: Kind,
    phrase: &'static str,
    weight: u32,
    /// Only counts in the document's opening (its title page).
    opening_only: bool,
}

const CUES: &[Cue] = &[
    Cue { kind: Kind::CqcLaAssessment, phrase: "local authority assessment", weight: 4, opening_only: true },
    Cue { kind: Kind::CqcLaAssessment, phrase: "assessment published", weight: 2, opening_only: true },
    Cue { kind: Kind::CqcLaAssessment, phrase: "quality statement", weight: 2, opening_only: false },
    Cue { kind: Kind::CqcLaAssessment, phrase: "local authority rating", weight: 3, opening_only: false },
    Cue { kind: Kind::CqcLaAssessment, phrase: "indicative rating", weight: 3, opening_only: false },
    Cue { kind: Kind::CqcLaAssessment, phrase: "evidence shows", weight: 1, opening_only: false },
    Cue { kind: Kind::CqcLaAssessment, phrase: "care act", weight: 1, opening_only: false },
    // CQC's press releases on an assessment: "CQC looked at nine areas … has given each of these
    // nine areas a score out of four".
    Cue { kind: Kind::CqcLaAssessment, phrase: "cqc looked at nine areas", weight: 4, opening_only: false },
    Cue { kind: Kind::CqcLaAssessment, phrase: "each of these nine areas", weight: 2, opening_only: false },
    // The pages of CQC's website, the 2023 pilots' among them ("Lincolnshire County Council assessment").
    Cue { kind: Kind::CqcLaAssessment, phrase: "how we assess local authorities", weight: 3, opening_only: true },
    Cue { kind: Kind::CqcLaAssessment, phrase: "assessment start date", weight: 2, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "local authority children's services", weight: 4, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "inspection dates", weight: 2, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "lead inspector", weight: 2, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "overall effectiveness", weight: 1, opening_only: false },
    Cue { kind: Kind::OfstedIlacs, phrase: "his majesty's inspector", weight: 1, opening_only: false },
    Cue { kind: Kind::OfstedIlacs, phrase: "her majesty's inspector", weight: 1, opening_only: false },
    Cue { kind: Kind::OfstedIlacs, phrase: "focused visit", weight: 3, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "monitoring visit", weight: 3, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "inspection of services for children in need", weight: 4, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "local safeguarding children board", weight: 2, opening_only: true },
    // The 2012–13 frameworks' titles, and their "Reporting inspector".
    Cue { kind: Kind::OfstedIlacs, phrase: "inspection of safeguarding and looked after children", weight: 4, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "arrangements for the protection of children", weight: 4, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "inspection of looked after children", weight: 4, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "reporting inspector", weight: 2, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "children's services", weight: 1, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "director of children's services", weight: 1, opening_only: true },
    Cue { kind: Kind::OfstedIlacs, phrase: "ofsted", weight: 1, opening_only: false },
    // Title forms ("… inspection of X"): an ILACS report's prose about "the 2018 joint targeted
    // area inspection" is not a title.
    Cue { kind: Kind::AreaSend, phrase: "area send inspection of", weight: 6, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "local area partnership", weight: 3, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "inspection outcome", weight: 2, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "special educational needs and/or disabilities", weight: 1, opening_only: false },
    // The 2016–22 framework's letters and revisits: "Joint local area SEND inspection in X",
    // "… implementing the disability and special educational needs reforms …", "… a Written
    // Statement of Action is required …", "… revisited the local area of X to decide whether
    // sufficient progress has been made …".
    // Papers on the statement of action name the inspection too, so the title weighs less than
    // the letter's first sentence.
    // From 2021 the title is "Joint area SEND inspection in X" and the reforms are "the special
    // educational needs and/or disabilities (SEND) reforms as set out in …".
    Cue { kind: Kind::AreaSend, phrase: "joint local area send inspection in", weight: 4, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "joint area send inspection in", weight: 4, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "area send revisit", weight: 4, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "local area send inspection", weight: 1, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "reforms as set out in the children and families act", weight: 4, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "special educational needs reforms", weight: 4, opening_only: true },
    Cue { kind: Kind::AreaSend, phrase: "written statement of action", weight: 2, opening_only: false },
    Cue { kind: Kind::AreaSend, phrase: "sufficient progress has been made in addressing", weight: 3, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "joint targeted area inspection of", weight: 6, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "this letter summarises", weight: 3, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "area inspection (jtai)", weight: 3, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "safeguarding children partnership", weight: 2, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "dear local partnership", weight: 3, opening_only: true },
    Cue { kind: Kind::Jtai, phrase: "hmicfrs", weight: 1, opening_only: false },
    // A care provider's inspection. CQC: the website's page ("Provided and run by", "Overall:
    // Good read more about inspection ratings", "During a routine inspection"), the report's
    // table and sections ("Overall rating for this service", "Is the service safe?", "Safe – this
    // means we looked for evidence that …"), a 2008–10 key inspection report. Ofsted: a
    // children's home's or agency's report ("Inspected under the social care common inspection
    // framework", "Information about this children's home", "Unique reference number SC…").
    Cue { kind: Kind::ProviderInspection, phrase: "provided and run by", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "read more about inspection ratings", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "overall rating for this service", weight: 5, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "date of inspection visit", weight: 3, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "during a routine inspection", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "during an inspection looking at part of the service", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "during an assessment under our new approach", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "people's experience of using this service", weight: 3, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "is the service safe?", weight: 3, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "is the service well-led?", weight: 2, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "this means we looked for evidence that", weight: 4, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "health and social care act 2008", weight: 2, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "registered manager", weight: 1, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "overall summary & rating", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "date of assessment", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "dates of assessment", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "key inspection report", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "school and residential report", weight: 5, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "overall effectiveness of the residential experience", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "the quality rating for this care home", weight: 4, opening_only: false },
    Cue { kind: Kind::ProviderInspection, phrase: "social care common inspection framework", weight: 5, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "information about this children's home", weight: 5, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "information about this independent fostering agency", weight: 5, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "inspection report for children's home", weight: 5, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "children's home inspection", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "children's homes inspection", weight: 4, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "provision subtype", weight: 3, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "registered provider", weight: 2, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "enforcement action since last inspection", weight: 3, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "overall judgement at last inspection", weight: 3, opening_only: true },
    Cue { kind: Kind::ProviderInspection, phrase: "overall experiences and progress of children", weight: 4, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "agenda", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "apologies for absence", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "declarations of interest", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "minutes", weight: 1, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "scrutiny panel", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "scrutiny committee", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "members present", weight: 2, opening_only: false },
    // The form of a council's report to a meeting, whatever it is about: papers that discuss an
    // Ofsted or CQC inspection share its topic words, not this form.
    Cue { kind: Kind::CommitteePapers, phrase: "date of meeting", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "meeting date", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "minutes of the meeting", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "purpose of the report", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "purpose of report", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "wards affected", weight: 3, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "key decision", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "report author", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "title of report", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "is asked to note", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "are asked to note", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "is recommended to", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "financial implications", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "legal implications", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "background papers", weight: 2, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "resolved", weight: 1, opening_only: false },
    // The wording of council minutes: "submitted a report (previously circulated) to update
    // Members on …", "Discussion ensued", "RESOLVED – That …".
    Cue { kind: Kind::CommitteePapers, phrase: "previously circulated", weight: 3, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "discussion ensued", weight: 3, opening_only: false },
    Cue { kind: Kind::CommitteePapers, phrase: "submitted a report", weight: 2, opening_only: true },
    Cue { kind: Kind::CommitteePapers, phrase: "resolved - that", weight: 2, opening_only: false },
];

/// How much of the document's start counts as its opening, in bytes of normalised text.
const OPENING: usize = 2500;
/// The least evidence that names a kind.
const MIN_WEIGHT: u32 = 4;

/// How much of a document (bytes of its lines) is read for its kind: a report says what it is
/// long before this, and a 20 MB text of many documents is not read twice over for it.
const KIND_READ: usize = 2_000_000;

pub fn detect(doc: &Doc) -> Detected {
    let mut all = String::new();
    for l in doc.lines.iter().take_while(|l| l.start < KIND_READ) {
        if !l.is_blank() {
            all.push_str(&norm(super::text::head(l.content, KIND_READ)));
            all.push(' ');
        }
    }
    let mut cut = OPENING.min(all.len());
    while !all.is_char_boundary(cut) {
        cut -= 1;
    }
    let opening = &all[..cut];

    let kinds = [Kind::CqcLaAssessment, Kind::OfstedIlacs, Kind::AreaSend, Kind::Jtai, Kind::ProviderInspection, Kind::CommitteePapers];
    let mut totals = [0u32; 6];
    let mut found: [Vec<&str>; 6] = Default::default();
    for cue in CUES {
        let Some(k) = kinds.iter().position(|&k| k == cue.kind) else { continue };
        let hay = if cue.opening_only { opening } else { all.as_str() };
        if hay.contains(cue.phrase) {
            totals[k] += cue.weight;
            found[k].push(cue.phrase);
        }
    }
    let sum: u32 = totals.iter().sum();
    let (best, &weight) = totals.iter().enumerate().max_by_key(|(_, w)| **w).unwrap_or((0, &0));
    if weight < MIN_WEIGHT {
        let reason = if sum == 0 {
            "none of the wording of a CQC assessment, an Ofsted inspection or committee papers was found".to_string()
        } else {
            format!(
                "too little to go on (found only: {})",
                found.iter().flatten().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ")
            )
        };
        return Detected { kind: Kind::Unknown, confidence: 0.0, reason };
    }
    let confidence = (weight as f64 / sum as f64) * (weight.min(10) as f64 / 10.0);
    let reason =
        format!("{}: found {}", kinds[best].title(), found[best].iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", "));
    Detected { kind: kinds[best], confidence: (confidence * 100.0).round() / 100.0, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(s: &str) -> Kind {
        detect(&Doc::new(s)).kind
    }

    #[test]
    fn each_kind_from_its_opening() {
        assert_eq!(kind_of("# Anytown Council: local authority assessment\n\nAssessment published: 1 May 2025\n"), Kind::CqcLaAssessment);
        assert_eq!(
            kind_of(
                "Inspection of Anytown local authority\nchildren's services\nInspection dates: 1 to 5 May 2023\nLead inspector: A Person\n"
            ),
            Kind::OfstedIlacs
        );
        assert_eq!(
            kind_of("HEALTH SCRUTINY PANEL\n\nAGENDA\n\n1. Apologies for Absence\n2. Declarations of Interest\n"),
            Kind::CommitteePapers
        );
    }

    #[test]
    fn area_send_and_jtai_by_their_titles_not_by_prose_about_them() {
        assert_eq!(
            kind_of("Local area partnership report\nArea SEND inspection of Anytown Local Area Partnership\nInspection dates: 1 to 5 July 2024\nInspection outcome\n"),
            Kind::AreaSend
        );
        assert_eq!(
            kind_of("Dear Anytown Safeguarding Children Partnership\nJoint targeted area inspection of Anytown\nThis letter summarises the findings of the joint targeted area inspection (JTAI) of the response to neglect in Anytown.\n"),
            Kind::Jtai
        );
        // An ILACS report that mentions the last JTAI is an ILACS report.
        assert_eq!(
            kind_of(
                "Inspection of Anytown local authority children's services\nInspection dates: 1 to 5 May 2019\nLead inspector: A Person\n\
                     Leaders have addressed the priority actions identified in the 2018 joint targeted area inspection.\n"
            ),
            Kind::OfstedIlacs
        );
        // So are committee papers about an Area SEND inspection.
        assert_eq!(
            kind_of("CHILDREN'S SCRUTINY PANEL\nAGENDA\n1. Apologies for Absence\n2. Declarations of Interest\n3. The outcome of the Area SEND inspection of the local area partnership\n"),
            Kind::CommitteePapers
        );
        // A 2016–22 letter and revisit by their titles and first sentences; papers on the
        // statement of action they led to are papers.
        assert_eq!(
            kind_of("Dear Mrs Person\nJoint local area SEND inspection in Anytown\nBetween 1 and 5 May 2017, Ofsted and the Care Quality Commission (CQC) conducted a joint inspection of the local area of Anytown to judge the effectiveness of the area in implementing the disability and special educational needs reforms as set out in the Children and Families Act 2014.\n"),
            Kind::AreaSend
        );
        assert_eq!(
            kind_of("Between 19 and 21 May 2021, Ofsted and the Care Quality Commission (CQC) revisited the local area of Anytown to decide whether sufficient progress has been made in addressing each of the areas of significant weakness detailed in the written statement of action issued on 1 May 2018.\n"),
            Kind::AreaSend
        );
        assert_eq!(
            kind_of("CHILDREN'S SCRUTINY PANEL\nAGENDA\n1. Apologies for Absence\n2. Declarations of Interest\n3. Local area SEND inspection: progress on the Written Statement of Action\n"),
            Kind::CommitteePapers
        );
        assert_eq!(
            kind_of("Report to Children's Scrutiny Committee\nDate of meeting: 4 June 2019\nPurpose of the report: to update members on the written statement of action that followed the joint local area SEND inspection in Anytown in 2018.\n"),
            Kind::CommitteePapers
        );
    }

    /// Shapes found outside the corpus: a CQC pilot's page without its scores, a 2012 title page
    /// without its grades, minutes of a meeting about an inspection (Darlington, 2022).
    #[test]
    fn pages_from_outside_the_corpus() {
        let rows: &[(&str, Kind)] = &[
            ("Anyshire County Council assessment\n\nDownloads\n\nHow we assess local authorities\n\nAssessment start date: 11 May 2023\n\nAssessment published: 17 November 2023\n", Kind::CqcLaAssessment),
            ("Inspection of safeguarding and looked after children services\nCumbria County Council\nInspection dates: April 2012\nReporting inspector Pauline Turner HMI\nAge group: All\nPublished: 29 May 2012\n", Kind::OfstedIlacs),
            ("Report of the Assistant Director of Children's Services\nThe Assistant Director of Children's Services submitted a report (previously circulated) to update Members on the Ofsted Inspection of Local Authority Children's Services (ILACS).\nIt was reported that Good ratings were received for overall effectiveness.\nDiscussion ensued on the report.\nRESOLVED \u{2013} That the contents of the report be noted.\n", Kind::CommitteePapers),
        ];
        for (text, kind) in rows {
            assert_eq!(kind_of(text), *kind, "{text}");
        }
    }

    /// Care providers' reports by CQC's and Ofsted's wording; a council's report that speaks of
    /// its children's homes and their registered managers stays the council's.
    #[test]
    fn care_providers_reports_and_councils_reports_about_providers() {
        let rows: &[(&str, Kind)] = &[
            ("Oakfield House\nInspection report\nDate of inspection visit:\n14 March 2023\nRatings\nOverall rating for this service Good\nIs the service safe? Good\n", Kind::ProviderInspection),
            ("\u{2022} Care home\nAcorn Nursing Home\nOverall: Requires improvement read more about inspection ratings\nProvided and run by:\nRegency Healthcare Limited\n", Kind::ProviderInspection),
            ("SC024808 Registered provider: Keys Education Limited Full inspection Inspected under the social care common inspection framework Information about this children\u{2019}s home\n", Kind::ProviderInspection),
            ("Inspection of Anytown local authority children's services\nInspection dates: 1 to 5 May 2023\nLead inspector: A Person\n\
              The council's two children's homes are judged good, and their registered managers are stable.\n", Kind::OfstedIlacs),
        ];
        for (text, kind) in rows {
            assert_eq!(kind_of(text), *kind, "{text}");
        }
    }

    #[test]
    fn unknown_says_why() {
        let d = detect(&Doc::new("A shopping list.\nEggs\nMilk\n"));
        assert_eq!(d.kind, Kind::Unknown);
        assert!(d.reason.contains("none of the wording"));
        assert_eq!(detect(&Doc::new("")).kind, Kind::Unknown);
    }

    #[test]
    fn an_ofsted_letter_inside_an_agenda_pack_is_still_papers() {
        let s = "CHILDREN'S SCRUTINY PANEL\nAGENDA\n1. Apologies for Absence\n2. Declarations of Interest\n\n\
                 Ofsted letter\nOverall effectiveness\n";
        assert_eq!(kind_of(s), Kind::CommitteePapers);
    }
}
