//! The public types of a `Report`: what the analyser read from one document. Their JSON form
//! (serde, snake_case) is the contract in `docs/CONTRACT.md`: fields may be added, none renamed.
//! Closed sets of values are enums whose serde names are the contract's strings.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the original input.
pub type Span = (usize, usize);

/// What kind of document a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    CqcLaAssessment,
    OfstedIlacs,
    /// An Area SEND inspection of a local area partnership (Ofsted with CQC).
    AreaSend,
    /// A joint targeted area inspection letter (Ofsted, CQC, HMICFRS, HMI Probation).
    Jtai,
    /// An inspection of one registered care provider: a CQC report on a care home, home care
    /// agency or other adult social care service, or an Ofsted report on a children's home,
    /// fostering or adoption agency or other children's social care provider.
    ProviderInspection,
    CommitteePapers,
    Unknown,
}

impl Kind {
    /// The contract's name ("cqc_la_assessment"), as the JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CqcLaAssessment => "cqc_la_assessment",
            Kind::OfstedIlacs => "ofsted_ilacs",
            Kind::AreaSend => "area_send",
            Kind::Jtai => "jtai",
            Kind::ProviderInspection => "provider_inspection",
            Kind::CommitteePapers => "committee_papers",
            Kind::Unknown => "unknown",
        }
    }

    /// The shortest name, for a badge or a document's name ("Ofsted", "SEND").
    pub fn short(self) -> &'static str {
        match self {
            Kind::CqcLaAssessment => "CQC",
            Kind::OfstedIlacs => "Ofsted",
            Kind::AreaSend => "SEND",
            Kind::Jtai => "JTAI",
            Kind::ProviderInspection => "Provider",
            Kind::CommitteePapers => "Papers",
            Kind::Unknown => "Other",
        }
    }

    /// A short name for people.
    pub fn title(self) -> &'static str {
        match self {
            Kind::CqcLaAssessment => "CQC local authority assessment",
            Kind::OfstedIlacs => "Ofsted children's services inspection",
            Kind::AreaSend => "Area SEND inspection",
            Kind::Jtai => "Joint targeted area inspection",
            Kind::ProviderInspection => "Inspection of a care provider",
            Kind::CommitteePapers => "Committee papers",
            Kind::Unknown => "Unknown document",
        }
    }
}

/// A grade or rating on the four-point scales the regulators use, in its canonical wording.
/// CQC ratings use `RequiresImprovement`; Ofsted's ILACS and SIF grades use
/// `RequiresImprovementToBeGood` (early SIF reports write "Requires improvement"); the 2012–13
/// frameworks had `Adequate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Grade {
    Outstanding,
    Good,
    #[serde(rename = "Requires improvement to be good")]
    RequiresImprovementToBeGood,
    #[serde(rename = "Requires improvement")]
    RequiresImprovement,
    Adequate,
    Inadequate,
    /// Area SEND (2023 on): the partnership's arrangements "typically lead to positive
    /// experiences and outcomes".
    #[serde(rename = "Positive experiences and outcomes")]
    PositiveExperiences,
    /// Area SEND: "lead to inconsistent experiences and outcomes".
    #[serde(rename = "Inconsistent experiences and outcomes")]
    InconsistentExperiences,
    /// Area SEND: "widespread and/or systemic failings leading to significant concerns".
    #[serde(rename = "Widespread and/or systemic failings")]
    WidespreadFailings,
    /// Local area SEND, 2016–22: "HMCI has determined that a Written Statement of Action is
    /// required because of significant areas of weakness in the local area's practice". That
    /// framework gave no grade; this was its one outcome.
    #[serde(rename = "Written statement of action required")]
    WsoaRequired,
    /// A 2016–22 revisit: "The area has made sufficient progress in addressing all of the
    /// significant weaknesses …".
    #[serde(rename = "Sufficient progress on every significant weakness")]
    ProgressOnAll,
    /// A revisit: sufficient progress in addressing some of the significant weaknesses, not all.
    #[serde(rename = "Sufficient progress on some significant weaknesses")]
    ProgressOnSome,
    /// A revisit: sufficient progress in addressing none of them.
    #[serde(rename = "Insufficient progress on every significant weakness")]
    ProgressOnNone,
}

impl Grade {
    /// The canonical wording, as the JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovementToBeGood => "Requires improvement to be good",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Adequate => "Adequate",
            Grade::Inadequate => "Inadequate",
            Grade::PositiveExperiences => "Positive experiences and outcomes",
            Grade::InconsistentExperiences => "Inconsistent experiences and outcomes",
            Grade::WidespreadFailings => "Widespread and/or systemic failings",
            Grade::WsoaRequired => "Written statement of action required",
            Grade::ProgressOnAll => "Sufficient progress on every significant weakness",
            Grade::ProgressOnSome => "Sufficient progress on some significant weaknesses",
            Grade::ProgressOnNone => "Insufficient progress on every significant weakness",
        }
    }

    /// 4 for the best grade down to 1 for the worst, for colouring and sorting.
    pub fn rank(self) -> u8 {
        match self {
            Grade::Outstanding => 4,
            Grade::Good | Grade::PositiveExperiences | Grade::ProgressOnAll => 3,
            Grade::RequiresImprovementToBeGood
            | Grade::RequiresImprovement
            | Grade::Adequate
            | Grade::InconsistentExperiences
            | Grade::ProgressOnSome => 2,
            Grade::Inadequate | Grade::WidespreadFailings | Grade::WsoaRequired | Grade::ProgressOnNone => 1,
        }
    }

    /// Below Good: a gap to close.
    pub fn below_good(self) -> bool {
        self.rank() < 3
    }
}

/// Each closed set displays as its contract string.
macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_str!(Grade, Framework, VisitType, Unit, Direction, Verdict, MetricKind, Origin, Class);

/// Which framework, or edition of a framework, a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Framework {
    /// CQC local authority assessments, 2024 on.
    #[serde(rename = "CQC 2024")]
    Cqc2024,
    /// The five CQC pilot assessments of 2023, with "indicative" ratings.
    #[serde(rename = "CQC 2023 pilot")]
    Cqc2023Pilot,
    /// Inspections of safeguarding and looked after children services (Ofsted with CQC), to 2012.
    #[serde(rename = "Safeguarding and LAC 2012")]
    SafeguardingLac2012,
    /// Inspections of local authority arrangements for the protection of children, 2012–13.
    #[serde(rename = "Child protection 2012")]
    ChildProtection2012,
    /// Ofsted inspections of looked after children services, 2012–13.
    #[serde(rename = "Looked after children 2013")]
    LookedAfterChildren2013,
    /// The single inspection framework, late 2013 – 2018.
    #[serde(rename = "SIF")]
    Sif,
    /// A re-inspection under the single inspection framework.
    #[serde(rename = "SIF re-inspection")]
    SifReinspection,
    /// A review of a Local Safeguarding Children Board alone.
    #[serde(rename = "LSCB review")]
    LscbReview,
    /// ILACS 2018–22: four judgements, children in care and care leavers in one.
    #[serde(rename = "ILACS 2018")]
    Ilacs2018,
    /// ILACS from 2023: five judgements, care leavers apart.
    #[serde(rename = "ILACS 2023")]
    Ilacs2023,
    /// ILACS from April 2026: four judgements, no overall effectiveness.
    #[serde(rename = "ILACS 2026")]
    Ilacs2026,
    /// An ILACS focused visit letter (no grades).
    #[serde(rename = "ILACS focused visit")]
    IlacsFocusedVisit,
    /// An ILACS monitoring visit letter (no grades).
    #[serde(rename = "ILACS monitoring visit")]
    IlacsMonitoringVisit,
    /// Area SEND inspections from 2023: one of three outcomes.
    #[serde(rename = "Area SEND 2023")]
    AreaSend2023,
    /// Joint local area SEND inspection letters, 2016–22: no grade; a written statement of
    /// action required or not.
    #[serde(rename = "Local area SEND 2016")]
    LocalAreaSend2016,
    /// A 2016–22 revisit of an area that had to write a statement of action: sufficient
    /// progress, or not, on each of its significant weaknesses.
    #[serde(rename = "Local area SEND revisit")]
    LocalAreaSendRevisit,
    /// Joint targeted area inspection letters (no grades).
    #[serde(rename = "JTAI")]
    Jtai,
    /// CQC's inspection of a care provider, October 2014 on: an overall rating and one for each
    /// of five key questions.
    #[serde(rename = "CQC provider 2014")]
    CqcProvider,
    /// CQC's assessment of a care provider under its single assessment framework, 2024 on: the
    /// same ratings, each key question scored out of 100.
    #[serde(rename = "CQC provider 2024")]
    CqcProviderAssessment,
    /// A key inspection report of 2008–10 (CSCI, then CQC): a star rating.
    #[serde(rename = "CQC provider 2008")]
    CqcProviderStars,
    /// Ofsted's inspection of a children's social care provider under the social care common
    /// inspection framework, 2015 on: three judgements.
    #[serde(rename = "SCCIF")]
    OfstedSccif,
    /// Ofsted's inspection of a children's social care provider before 2015.
    #[serde(rename = "Ofsted provider")]
    OfstedProvider,
}

impl Framework {
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Cqc2024 => "CQC 2024",
            Framework::Cqc2023Pilot => "CQC 2023 pilot",
            Framework::SafeguardingLac2012 => "Safeguarding and LAC 2012",
            Framework::ChildProtection2012 => "Child protection 2012",
            Framework::LookedAfterChildren2013 => "Looked after children 2013",
            Framework::Sif => "SIF",
            Framework::SifReinspection => "SIF re-inspection",
            Framework::LscbReview => "LSCB review",
            Framework::Ilacs2018 => "ILACS 2018",
            Framework::Ilacs2023 => "ILACS 2023",
            Framework::Ilacs2026 => "ILACS 2026",
            Framework::IlacsFocusedVisit => "ILACS focused visit",
            Framework::IlacsMonitoringVisit => "ILACS monitoring visit",
            Framework::AreaSend2023 => "Area SEND 2023",
            Framework::LocalAreaSend2016 => "Local area SEND 2016",
            Framework::LocalAreaSendRevisit => "Local area SEND revisit",
            Framework::Jtai => "JTAI",
            Framework::CqcProvider => "CQC provider 2014",
            Framework::CqcProviderAssessment => "CQC provider 2024",
            Framework::CqcProviderStars => "CQC provider 2008",
            Framework::OfstedSccif => "SCCIF",
            Framework::OfstedProvider => "Ofsted provider",
        }
    }

    /// The council's judgements a report of this framework has, by the words that name each
    /// (any one of them, lower case); `None` where the framework's table is not known here.
    pub fn expected_judgements(self) -> Option<&'static [(&'static str, &'static [&'static str])]> {
        const OVERALL: (&str, &[&str]) = ("Overall effectiveness", &["overall effectiveness"]);
        const LEADERS: (&str, &[&str]) = ("The impact of leaders", &["impact of leaders", "leadership, management", "leadership"]);
        const HELP: (&str, &[&str]) = ("Children who need help and protection", &["help and protection"]);
        match self {
            Framework::Sif | Framework::SifReinspection => Some(&[
                OVERALL,
                HELP,
                ("Children looked after and achieving permanence", &["achieving permanence"]),
                ("Adoption performance", &["adoption performance"]),
                ("Experiences and progress of care leavers", &["care leavers"]),
                ("Leadership, management and governance", &["leadership, management", "leadership"]),
            ]),
            // The "Record of main findings" table of 2012–13 looked after children inspections.
            Framework::LookedAfterChildren2013 => Some(&[
                OVERALL,
                ("Capacity to improve", &["capacity to improve", "capacity for improvement"]),
                ("Outcomes for looked after children and young people", &["outcomes for"]),
                ("Quality of provision", &["quality of provision"]),
                ("Leadership and management", &["leadership and management"]),
            ]),
            Framework::Ilacs2018 => Some(&[LEADERS, HELP, ("Children in care and care leavers", &["children in care"]), OVERALL]),
            Framework::Ilacs2023 => {
                Some(&[LEADERS, HELP, ("Children in care", &["children in care"]), ("Care leavers", &["care leavers"]), OVERALL])
            }
            Framework::Ilacs2026 => {
                Some(&[LEADERS, HELP, ("Children in care", &["children in care"]), ("Care leavers", &["care leavers"])])
            }
            _ => None,
        }
    }
}

/// The kind of Ofsted visit a report or letter describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VisitType {
    #[serde(rename = "full")]
    Full,
    #[serde(rename = "focused visit")]
    FocusedVisit,
    #[serde(rename = "monitoring visit")]
    MonitoringVisit,
    #[serde(rename = "joint targeted area inspection")]
    JointTargetedAreaInspection,
}

impl VisitType {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitType::Full => "full",
            VisitType::FocusedVisit => "focused visit",
            VisitType::MonitoringVisit => "monitoring visit",
            VisitType::JointTargetedAreaInspection => "joint targeted area inspection",
        }
    }

    /// A letter without grades.
    pub fn is_letter(self) -> bool {
        matches!(self, VisitType::FocusedVisit | VisitType::MonitoringVisit)
    }
}

/// The unit of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    Gbp,
    Count,
    Days,
    Weeks,
    Months,
    Score,
    Rate,
    Rank,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Gbp => "gbp",
            Unit::Count => "count",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Score => "score",
            Unit::Rate => "rate",
            Unit::Rank => "rank",
        }
    }
}

/// Which way a figure lies from its comparator or its previous value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
    Similar,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
            Direction::Similar => "similar",
        }
    }
}

/// The report's own verdict on a figure, from its words ("better than", "worse than", "in line with").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Better,
    Worse,
    Similar,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Better => "better",
            Verdict::Worse => "worse",
            Verdict::Similar => "similar",
        }
    }
}

/// What sort of figure a metric is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Against a comparator: England, the region, neighbours.
    Comparison,
    /// Against an earlier value of the same measure.
    Trend,
    /// A wait, or a share seen within a timescale; may have a target.
    Waiting,
    /// A number of people, cases or things.
    Count,
    /// Age structure, ethnicity, deprivation: no better direction.
    Demographic,
}

impl MetricKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Comparison => "comparison",
            MetricKind::Trend => "trend",
            MetricKind::Waiting => "waiting",
            MetricKind::Count => "count",
            MetricKind::Demographic => "demographic",
        }
    }
}

/// Where a gap or strength came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The report's own list ("What needs to improve?", "Areas for development").
    StatedList,
    /// A quality-statement score, or the rating recomputed from the scores.
    Score,
    /// An Ofsted judgement below Good.
    Judgement,
    /// A figure the report judges worse than its comparator.
    Comparison,
    /// Spend over budget.
    Finance,
    /// A wait over its target.
    Waiting,
    /// A finding sentence the classifier classed.
    Finding,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::StatedList => "stated_list",
            Origin::Score => "score",
            Origin::Judgement => "judgement",
            Origin::Comparison => "comparison",
            Origin::Finance => "finance",
            Origin::Waiting => "waiting",
            Origin::Finding => "finding",
        }
    }
}

/// The class of a finding sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Strength,
    Gap,
    Neutral,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Strength => "strength",
            Class::Gap => "gap",
            Class::Neutral => "neutral",
        }
    }
}

/// Everything the analyser read from one document. Field names are a public contract
/// (see `CONTRACT.md`); fields may be added, none renamed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: String,
    pub kind: Kind,
    /// How sure the kind detection is, 0–1.
    pub kind_confidence: f64,
    /// Why this kind was chosen, in words.
    pub kind_reason: String,
    /// Which framework or edition the report follows; `None` when it can't be told.
    pub framework: Option<Framework>,
    pub authority: Option<String>,
    /// ISO date (`YYYY-MM-DD`) the report was published.
    pub published: Option<String>,
    /// Inspection dates or meeting date, as written.
    pub period: Option<String>,
    /// Area SEND: the dates of the previous inspection, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_period: Option<String>,
    /// JTAI: the theme of the inspection ("the multi-agency response to abuse and neglect").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Area SEND and JTAI: the inspectorates that inspected (Ofsted, CQC, HMICFRS, HMI Probation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<String>,
    pub overall: Option<Overall>,
    pub scores: Vec<Score>,
    pub computed_rating: Option<ComputedRating>,
    pub judgements: Vec<Judgement>,
    /// Ofsted: a full inspection, a focused visit, a monitoring visit.
    pub visit_type: Option<VisitType>,
    pub lead_inspector: Option<String>,
    /// The grade the report says the last inspection gave.
    pub previous_grade: Option<PreviousGrade>,
    /// A provider's inspection: which service, run by whom, inspected by which regulator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provider>,
    /// Committee papers: the meeting, its agenda, decisions and documents.
    pub meeting: Option<Meeting>,
    /// The document's outline: its headings, in order.
    pub sections: Vec<Section>,
    pub financial: Option<Financial>,
    pub population: Option<u64>,
    pub metrics: Vec<Metric>,
    pub gaps: Vec<Item>,
    pub strengths: Vec<Item>,
    pub findings: Vec<Finding>,
    /// The short list to act on: the report's own list, then low scores and judgements, a few
    /// figures, and the surest finding gaps (see `priorities`).
    #[serde(default)]
    pub priorities: Vec<Priority>,
    pub warnings: Vec<String>,
}

/// One priority: what to fix, the theme it belongs to (the report's list, a quality-statement
/// theme, "Ofsted judgements", "Figures", a section), where it came from, and its words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub theme: String,
    pub origin: Origin,
    pub text: String,
    pub span: Span,
    /// For finding gaps: how sure the classifier is (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// For an area inspection's stated item: the body the report says must act (see
    /// `Item::agency`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// A stated overall rating (CQC) with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    pub rating: Grade,
    /// True for 2023 pilot reports, whose ratings were "indicative".
    pub indicative: bool,
    pub span: Span,
}

/// One CQC quality-statement score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub theme: String,
    /// Canonical statement name, whatever the report's wording.
    pub statement: String,
    pub score: u8,
    /// The score's meaning, e.g. "Evidence shows some shortfalls".
    pub label: String,
    pub indicative: bool,
    pub span: Span,
}

/// The rating recomputed from the nine statement scores with CQC's published bands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComputedRating {
    /// Mean of the scores as 25/50/75/100 %, to one decimal place.
    pub percent: f64,
    /// `None` only when the percentage falls between two published bands (e.g. 38.9%).
    pub rating: Option<Grade>,
    /// The two bands a between-bands percentage sits between.
    pub between: Option<(Grade, Grade)>,
    pub total: u32,
    pub max: u32,
    pub to_next: Option<ToNext>,
    /// The fewest one-point falls that would drop the rating to the band below.
    pub to_previous: Option<ToPrevious>,
}

/// The fewest one-point falls in statement scores that reach the band below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToPrevious {
    pub rating: Grade,
    pub statements_down: u32,
}

/// The fewest one-point rises in statement scores that reach the next band up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToNext {
    pub rating: Grade,
    pub statements_up: u32,
}

/// What an Ofsted judgement is about, the same across frameworks: SIF's "Children who need help
/// and protection" and ILACS's "The experiences and progress of children who need help and
/// protection" are both `HelpAndProtection`; ILACS 2018–22's combined "children in care and care
/// leavers" and SIF's "Children looked after and achieving permanence" are `ChildrenInCare`;
/// "Leadership, management and governance" and "The impact of leaders on social work practice…"
/// are `Leadership`. Ordered as a table shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JudgementTheme {
    Overall,
    HelpAndProtection,
    ChildrenInCare,
    CareLeavers,
    Adoption,
    Leadership,
    /// 2012–13 frameworks.
    QualityOfProvision,
    CapacityToImprove,
}

impl JudgementTheme {
    /// The theme of a judgement area as a report words it; `None` for an area it cannot place.
    pub fn of(area: &str) -> Option<JudgementTheme> {
        let a = area.to_lowercase();
        let has = |w: &str| a.contains(w);
        Some(if has("overall") {
            JudgementTheme::Overall
        } else if has("adoption") {
            JudgementTheme::Adoption
        } else if has("help and protection") {
            JudgementTheme::HelpAndProtection
        } else if has("children in care") || has("looked after") {
            JudgementTheme::ChildrenInCare
        } else if has("care leaver") {
            JudgementTheme::CareLeavers
        } else if has("leader") || has("leadership") {
            JudgementTheme::Leadership
        } else if has("quality of provision") {
            JudgementTheme::QualityOfProvision
        } else if has("capacity") {
            JudgementTheme::CapacityToImprove
        } else {
            return None;
        })
    }

    /// A column heading.
    pub fn short(self) -> &'static str {
        match self {
            JudgementTheme::Overall => "Overall",
            JudgementTheme::HelpAndProtection => "Help and protection",
            JudgementTheme::ChildrenInCare => "Children in care",
            JudgementTheme::CareLeavers => "Care leavers",
            JudgementTheme::Adoption => "Adoption",
            JudgementTheme::Leadership => "Leaders",
            JudgementTheme::QualityOfProvision => "Quality of provision",
            JudgementTheme::CapacityToImprove => "Capacity to improve",
        }
    }

    /// What the column holds, in full.
    pub fn title(self) -> &'static str {
        match self {
            JudgementTheme::Overall => "Overall effectiveness",
            JudgementTheme::HelpAndProtection => "Children who need help and protection (SIF, ILACS)",
            JudgementTheme::ChildrenInCare => {
                "Children in care (ILACS from 2023); children in care and care leavers (ILACS 2018–22); children looked after and achieving permanence (SIF)"
            }
            JudgementTheme::CareLeavers => "Care leavers (ILACS from 2023; SIF's sub-judgement)",
            JudgementTheme::Adoption => "Adoption performance (SIF)",
            JudgementTheme::Leadership => "The impact of leaders (ILACS); leadership, management and governance (SIF)",
            JudgementTheme::QualityOfProvision => "Quality of provision (2012–13)",
            JudgementTheme::CapacityToImprove => "Capacity to improve (2012–13)",
        }
    }
}

/// An Ofsted judgement, with the area as the report words it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub area: String,
    pub grade: Grade,
    /// A sub-judgement's parent area (SIF "Adoption performance" under "Children looked after
    /// and achieving permanence"); absent for top-level judgements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Whose judgement it is: absent for the council's, `lscb` for a Local Safeguarding
    /// Children Board review's own judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    pub span: Span,
    /// Where the report's own text says the same grade again ("The experiences and progress of
    /// children who need help and protection are good", a section heading "…: good"): the
    /// table read right. Absent when the body does not restate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restated: Option<Span>,
    /// CQC's score of a key question out of 100, which its assessments of a provider give from
    /// 2024 ("This service scored 75 (out of 100) for this area"); absent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// CQC's five key questions, as a provider's ratings name them.
pub const CQC_KEY_QUESTIONS: &[&str] = &["Safe", "Effective", "Caring", "Responsive", "Well-led"];

impl Judgement {
    /// An area SEND report's one outcome ("Inspection outcome", or a 2016–22 revisit's
    /// "Revisit outcome"), not one of Ofsted's judgement areas.
    pub fn is_area_outcome(&self) -> bool {
        matches!(self.area.as_str(), "Inspection outcome" | "Revisit outcome")
    }

    /// The group its gap and priority go under: an area SEND outcome is its own; a CQC key
    /// question's rating (a care provider's "Safe", "Well-led" …) is one of "CQC ratings"; the
    /// rest are "Ofsted judgements".
    pub fn group(&self) -> &str {
        if self.is_area_outcome() {
            &self.area
        } else if CQC_KEY_QUESTIONS.contains(&self.area.as_str()) {
            "CQC ratings"
        } else {
            "Ofsted judgements"
        }
    }

    /// A top-level judgement of the council's.
    pub fn new(area: impl Into<String>, grade: Grade, span: Span) -> Self {
        Judgement { area: area.into(), grade, parent: None, scope: None, span, restated: None, score: None }
    }

    /// The LSCB's own judgement, not the council's.
    pub fn is_lscb(&self) -> bool {
        self.scope == Some(Scope::Lscb)
    }
}

/// Whose judgement an Ofsted judgement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The council's services (the default, written only where it needs saying).
    Council,
    /// The Local Safeguarding Children Board's effectiveness (SIF reviews).
    Lscb,
}

/// A heading of the document's outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    /// 1 = top.
    pub level: u8,
    /// Index into `Report::sections` of the enclosing section.
    pub parent: Option<usize>,
    pub span: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// "Children and Young People's Social Care and Services Scrutiny Panel".
    pub body: Option<String>,
    /// ISO date of the meeting.
    pub date: Option<String>,
    pub venue: Option<String>,
    pub present: Option<String>,
    pub apologies: Option<String>,
    pub items: Vec<AgendaItem>,
    pub decisions: Vec<Decision>,
    /// Documents held in the pack (minutes, reports, letters), by their headings.
    pub documents: Vec<PackDocument>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub number: String,
    pub title: String,
    /// "3–10" when the agenda gives the pages.
    pub pages: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub text: String,
    pub section: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackDocument {
    pub title: String,
    pub span: Span,
}

/// Which regulator inspected a care provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Regulator {
    #[serde(rename = "CQC")]
    Cqc,
    Ofsted,
}

impl Regulator {
    pub fn as_str(self) -> &'static str {
        match self {
            Regulator::Cqc => "CQC",
            Regulator::Ofsted => "Ofsted",
        }
    }
}

/// The care provider a provider inspection is about, as the report names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub regulator: Regulator,
    /// The service ("Oakfield House"); for a children's home, whose name Ofsted withholds, its
    /// reference number ("Children's home SC045408").
    pub service: Option<String>,
    /// "Care home", "Home care agency", "Children's home", "Independent fostering agency" …
    pub service_type: Option<String>,
    /// "Provided and run by" / "Registered provider".
    pub registered_provider: Option<String>,
    /// Ofsted's unique reference number ("SC045408").
    pub reference: Option<String>,
}

/// "judged inadequate in 2019".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousGrade {
    pub grade: Grade,
    pub year: Option<u32>,
    pub span: Span,
}

/// CQC "Financial facts"; any field `None` when absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Financial {
    pub total_budget_estimated: Option<f64>,
    pub total_budget_actual: Option<f64>,
    pub asc_budget_estimated: Option<f64>,
    pub asc_spend_actual: Option<f64>,
    pub asc_share_percent: Option<f64>,
    pub precept_percent: Option<f64>,
    pub long_term_support_people: Option<u64>,
    pub short_term_support_people: Option<u64>,
    pub support_period: Option<String>,
    /// Actual minus estimated total spend, as the report states it (negative: under budget).
    pub total_variance: Option<f64>,
    /// Actual minus estimated adult social care spend (negative: under budget).
    pub asc_variance: Option<f64>,
    pub span: Option<Span>,
}

/// A figure a reader would want in a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub label: String,
    pub value: f64,
    pub unit: Unit,
    pub as_of: Option<String>,
    pub comparator: Option<Comparator>,
    pub previous: Option<Previous>,
    pub direction: Option<Direction>,
    /// The report's own verdict (named `judgement` in the JSON contract; not an Ofsted grade).
    pub judgement: Option<Verdict>,
    /// How strongly the report words its verdict: "slightly", "significantly", …
    pub degree: Option<String>,
    pub source: Option<String>,
    pub kind: MetricKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparator {
    pub label: String,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    pub value: f64,
    pub as_of: Option<String>,
}

/// A gap or a strength, with where it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub origin: Origin,
    pub text: String,
    pub section: Option<String>,
    /// For items from findings: the word or phrase that classed the sentence.
    pub cue: Option<String>,
    /// For items from findings: how sure the classifier is of the class (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    pub span: Span,
    /// Whose list a stated item is on: absent for the council's, `lscb` for a SIF report's
    /// recommendations to the Local Safeguarding Children Board.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Area SEND: the body a stated item is addressed to, when the report names one ("Bury
    /// Metropolitan Borough Council and NHS Greater Manchester ICB").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

impl Item {
    /// Where the item sits, in words: its section, named as the board's when it is on the Local
    /// Safeguarding Children Board's list ("Local Safeguarding Children Board: Recommendations"),
    /// so the council's and the board's lists of the same name stay apart.
    pub fn place(&self) -> Option<String> {
        match (self.scope, &self.section) {
            (Some(Scope::Lscb), Some(s)) => Some(format!("Local Safeguarding Children Board: {s}")),
            (Some(Scope::Lscb), None) => Some("Local Safeguarding Children Board".to_string()),
            (_, s) => s.clone(),
        }
    }
}

/// One finding sentence, classed strength / gap / neutral.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub class: Class,
    /// The word or phrase that decided the class.
    pub cue: Option<String>,
    /// How sure the classifier is of the class: its probability, 0–1.
    #[serde(default)]
    pub confidence: f32,
    pub section: Option<String>,
    pub span: Span,
}

impl Report {
    /// Whom the report is about: the council or area, or a provider's service.
    pub fn subject(&self) -> Option<&str> {
        self.authority.as_deref().or_else(|| self.provider.as_ref().and_then(|p| p.service.as_deref()))
    }

    /// Every evidence span the report holds, for checks that they slice the input.
    pub fn spans(&self) -> Vec<Span> {
        let mut v: Vec<Span> = self.scores.iter().map(|s| s.span).collect();
        v.extend(self.overall.iter().map(|o| o.span));
        v.extend(self.judgements.iter().map(|j| j.span));
        v.extend(self.metrics.iter().map(|m| m.span));
        v.extend(self.gaps.iter().chain(&self.strengths).map(|g| g.span));
        v.extend(self.findings.iter().map(|f| f.span));
        v.extend(self.priorities.iter().map(|p| p.span));
        v.extend(self.sections.iter().map(|s| s.span));
        v.extend(self.previous_grade.iter().map(|p| p.span));
        v.extend(self.financial.iter().filter_map(|f| f.span));
        if let Some(m) = &self.meeting {
            v.extend(m.items.iter().map(|i| i.span));
            v.extend(m.decisions.iter().map(|d| d.span));
            v.extend(m.documents.iter().map(|d| d.span));
        }
        v
    }
}

impl Metric {
    /// The report judges this figure worse than its comparator, or a wait exceeds its target.
    pub fn is_worse(&self) -> bool {
        self.judgement == Some(Verdict::Worse) || (self.has_target() && self.direction == Some(Direction::Higher))
    }

    /// The figure is measured against a target.
    pub fn has_target(&self) -> bool {
        self.comparator.as_ref().is_some_and(|c| c.label == "target")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgement_areas_of_every_framework_line_up_by_theme() {
        use JudgementTheme::*;
        for (area, theme) in [
            ("Overall effectiveness", Overall),
            ("The impact of leaders on social work practice with children and families", Leadership),
            ("The experiences and progress of children who need help and protection", HelpAndProtection),
            ("The experiences and progress of children in care and care leavers", ChildrenInCare),
            ("The experiences and progress of children in care", ChildrenInCare),
            ("The experiences and progress of care leavers", CareLeavers),
            ("Children who need help and protection", HelpAndProtection),
            ("Children looked after and achieving permanence", ChildrenInCare),
            ("Adoption performance", Adoption),
            ("Experiences and progress of Care Leavers", CareLeavers),
            ("Leadership, management and governance", Leadership),
            ("Outcomes for looked after children and young people", ChildrenInCare),
            ("Leadership and management", Leadership),
            ("Quality of provision", QualityOfProvision),
            ("Capacity to improve", CapacityToImprove),
        ] {
            assert_eq!(JudgementTheme::of(area), Some(theme), "{area}");
        }
        assert_eq!(JudgementTheme::of("Inspection outcome"), None);
    }
}
