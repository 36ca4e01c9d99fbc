//! The pipeline: text → reading layer → extractors → `Report`. Each extractor only reads what
//! the reading layer made; none reads another's output except `gaps::derived`, which turns
//! scores, judgements and figures into gaps.

use super::types::*;
use super::{blocks, cqc, gaps, kind, meta, metrics, ofsted, papers, text};

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
