//! The pure core: `analyse(&str) -> Report`.
//!
//! Public types come first; the work is done in private modules by concern:
//! - `text`: lines with byte offsets into the original input, matching helpers, dates;
//! - `kind`: which kind of document this is, with a confidence and a reason;
//! - `meta`: authority, publication date, period;
//! - `cqc`: CQC overall rating, quality-statement scores and the recomputed rating;
//! - `decode`: bytes to text (UTF-8, UTF-16 with BOM, Windows-1252 fallback);
//! - `export`: CSV and Markdown renderings of a `Report` (JSON is serde).
//!
//! Invariants: nothing here does I/O or panics on any input; every `span` is
//! `[start, end)` in UTF-8 byte offsets into the text exactly as given, on char boundaries;
//! a value absent from the text is `None` / absent, never guessed.

use serde::{Deserialize, Serialize};

mod blocks;
mod cqc;
mod decode;
mod docx;
mod export;
mod gaps;
mod kind;
mod meta;
mod metrics;
mod numbers;
mod ofsted;
mod papers;
mod text;

pub use cqc::{band_for_percent, rating_for_scores, score_label, statement_names, Band, THEMES};
pub use gaps::classify;
pub use decode::{decode, file_to_text, Decoded, DecodeError, MAX_INPUT_BYTES};
pub use docx::{docx_to_text, looks_like_docx};
pub use export::{to_action_plan_csv, to_csv, to_markdown};

/// A byte range `[start, end)` into the original input.
pub type Span = (usize, usize);

/// What kind of document a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    CqcLaAssessment,
    OfstedIlacs,
    CommitteePapers,
    Unknown,
}

impl Kind {
    /// A short name for people.
    pub fn title(self) -> &'static str {
        match self {
            Kind::CqcLaAssessment => "CQC local authority assessment",
            Kind::OfstedIlacs => "Ofsted children's services inspection",
            Kind::CommitteePapers => "Committee papers",
            Kind::Unknown => "Unknown document",
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
    pub authority: Option<String>,
    /// ISO date (`YYYY-MM-DD`) the report was published.
    pub published: Option<String>,
    /// Inspection dates or meeting date, as written.
    pub period: Option<String>,
    pub overall: Option<Overall>,
    pub scores: Vec<Score>,
    pub computed_rating: Option<ComputedRating>,
    pub judgements: Vec<Judgement>,
    /// Ofsted: "full" inspection, "focused visit", "monitoring visit", …
    pub visit_type: Option<String>,
    pub lead_inspector: Option<String>,
    /// The grade the report says the last inspection gave.
    pub previous_grade: Option<PreviousGrade>,
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
    pub warnings: Vec<String>,
}

/// A stated overall rating (CQC) with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    pub rating: String,
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
    pub rating: Option<String>,
    /// The two bands a between-bands percentage sits between.
    pub between: Option<(String, String)>,
    pub total: u32,
    pub max: u32,
    pub to_next: Option<ToNext>,
    /// The fewest one-point falls that would drop the rating to the band below.
    pub to_previous: Option<ToPrevious>,
}

/// The fewest one-point falls in statement scores that reach the band below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToPrevious {
    pub rating: String,
    pub statements_down: u32,
}

/// The fewest one-point rises in statement scores that reach the next band up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ToNext {
    pub rating: String,
    pub statements_up: u32,
}

/// An Ofsted judgement, with the area as the report words it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub area: String,
    pub grade: String,
    pub span: Span,
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

/// "judged inadequate in 2019".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousGrade {
    pub grade: String,
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
    pub unit: String,
    pub as_of: Option<String>,
    pub comparator: Option<Comparator>,
    pub previous: Option<Previous>,
    pub direction: Option<String>,
    pub judgement: Option<String>,
    /// How strongly the report words its verdict: "slightly", "significantly", …
    pub degree: Option<String>,
    pub source: Option<String>,
    /// comparison | trend | waiting | count
    pub kind: String,
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
    pub origin: String,
    pub text: String,
    pub section: Option<String>,
    /// For items from findings: the word or phrase that classed the sentence.
    pub cue: Option<String>,
    pub span: Span,
}

/// One finding sentence, classed strength / gap / neutral.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub class: String,
    /// The word or phrase that decided the class.
    pub cue: Option<String>,
    pub section: Option<String>,
    pub span: Span,
}

impl Report {
    /// Every evidence span the report holds, for checks that they slice the input.
    pub fn spans(&self) -> Vec<Span> {
        let mut v: Vec<Span> = self.scores.iter().map(|s| s.span).collect();
        v.extend(self.overall.iter().map(|o| o.span));
        v.extend(self.judgements.iter().map(|j| j.span));
        v.extend(self.metrics.iter().map(|m| m.span));
        v.extend(self.gaps.iter().chain(&self.strengths).map(|g| g.span));
        v.extend(self.findings.iter().map(|f| f.span));
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
        self.judgement.as_deref() == Some("worse")
            || (self.comparator.as_ref().is_some_and(|c| c.label == "target") && self.direction.as_deref() == Some("higher"))
    }

    /// The figure is measured against a target.
    pub fn has_target(&self) -> bool {
        self.comparator.as_ref().is_some_and(|c| c.label == "target")
    }
}

/// Analyse text whose source is "pasted text".
pub fn analyse(input: &str) -> Report {
    analyse_named("pasted text", input)
}

/// Analyse `input`, recording `source` (a file name) in the report.
pub fn analyse_named(source: &str, input: &str) -> Report {
    let doc = text::Doc::new(input);
    let reading = blocks::read(&doc, input);
    let mut warnings = Vec::new();
    if input.trim().is_empty() {
        warnings.push("The text is empty: there is nothing to analyse.".to_string());
    }

    let detected = kind::detect(&doc);
    let meta = meta::read(&doc, detected.kind);

    let mut overall = None;
    let mut scores = Vec::new();
    let mut computed_rating = None;
    if detected.kind == Kind::CqcLaAssessment || detected.kind == Kind::Unknown {
        let cqc = cqc::read(&doc);
        overall = cqc.overall;
        scores = cqc.scores;
        computed_rating = cqc.computed;
        warnings.extend(cqc.warnings);
    }
    let (mut judgements, mut visit_type, mut lead_inspector, mut previous_grade) = (Vec::new(), None, None, None);
    if detected.kind == Kind::OfstedIlacs {
        let o = ofsted::read(&doc, &reading);
        judgements = o.judgements;
        visit_type = o.visit_type;
        lead_inspector = o.lead_inspector;
        previous_grade = o.previous;
        warnings.extend(o.warnings);
    }
    let mut meeting = None;
    let mut authority = meta.authority;
    if detected.kind == Kind::CommitteePapers {
        meeting = Some(papers::read(&doc, &reading));
        authority = authority.or_else(|| papers::council(&doc));
    }
    let figures = metrics::read(&reading);
    let stated = gaps::stated(&reading);
    let findings = gaps::findings(&reading, detected.kind);
    let derived = gaps::derived(&scores, computed_rating.as_ref(), &judgements, &figures.metrics, figures.financial.as_ref());
    let (gap_items, strengths) = gaps::assemble(stated, derived, &findings);
    let sections = reading
        .outline
        .iter()
        .map(|s| Section {
            title: s.title.clone(),
            level: s.level,
            parent: s.parent,
            span: reading.blocks.get(s.block).map(|b| b.whole_span()).unwrap_or((0, 0)),
        })
        .collect();
    if detected.kind == Kind::Unknown && !input.trim().is_empty() {
        warnings.push(
            "This does not look like a CQC assessment, an Ofsted inspection or committee papers; \
             only general reading was done."
                .to_string(),
        );
    }

    Report {
        source: source.to_string(),
        kind: detected.kind,
        kind_confidence: detected.confidence,
        kind_reason: detected.reason,
        authority,
        published: meta.published,
        period: meta.period,
        overall,
        scores,
        computed_rating,
        judgements,
        visit_type,
        lead_inspector,
        previous_grade,
        meeting,
        sections,
        financial: figures.financial,
        population: figures.population,
        metrics: figures.metrics,
        gaps: gap_items,
        strengths,
        findings,
        warnings,
    }
}
