//! The pipeline: text → reading layer → extractors → `Report`, in one pass.
//!
//! The reading layer is made once: `text::Doc` (the input's lines, each a slice with its byte
//! offset) and `blocks::Reading` over it (blocks with page furniture dropped and wrapped lines
//! joined, the outline of `Heading`s, and every sentence with its lower-cased text and numbers).
//! Extractors only read it: `kind`, `meta` and `cqc` read lines (their rules count lines: "a
//! score within four lines of its statement"), `ofsted` and `papers` both, `metrics` and `gaps`
//! blocks and sentences. None reads another's output except `gaps::derived`, which turns scores,
//! judgements and figures into gaps.

use super::types::*;
use super::{area, blocks, cqc, framework, gaps, kind, meta, metrics, ofsted, papers, priorities, provider, text};

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
    let cqc = if matches!(detected.kind, Kind::CqcLaAssessment | Kind::Unknown) { cqc::read(&doc) } else { cqc::CqcRead::default() };
    warnings.extend(cqc.warnings);
    // Two reports in one text: the first is read (see below).
    let second = if detected.kind == Kind::OfstedIlacs { framework::second_report(&doc) } else { None };
    let first_ends = second.as_ref().map_or(input.len(), |(at, _)| *at);
    let ofsted = if detected.kind == Kind::OfstedIlacs { ofsted::read(&doc, &reading, first_ends) } else { ofsted::OfstedRead::default() };
    warnings.extend(ofsted.warnings);
    let area = match detected.kind {
        Kind::AreaSend => area::read_send(&doc, &reading),
        Kind::Jtai => area::read_jtai(&doc),
        _ => area::AreaRead::default(),
    };
    let provider =
        if detected.kind == Kind::ProviderInspection { provider::read(&doc, &reading, input) } else { provider::ProviderRead::default() };
    warnings.extend(provider.warnings);
    let (meeting, authority) = if detected.kind == Kind::CommitteePapers {
        (Some(papers::read(&doc, &reading)), meta.authority.or_else(|| papers::council(&doc)))
    } else {
        (None, meta.authority.or(area.area))
    };
    let indicative = cqc.overall.as_ref().is_some_and(|o| o.indicative) || cqc.scores.iter().any(|s| s.indicative);
    let title = framework::title(&doc);
    let facts = framework::Facts {
        title: &title,
        kind: detected.kind,
        indicative,
        visit: ofsted.visit_type,
        judgements: &ofsted.judgements,
        period: meta.period.as_deref(),
        reinspection: framework::says_reinspection(&reading),
        area: area.framework,
        provider: provider.framework,
    };
    let framework = framework::detect(&facts);
    let mut judgements = ofsted.judgements;
    if detected.kind == Kind::AreaSend && area.judgements.is_empty() {
        warnings.push(area::no_outcome(framework).to_string());
    }
    judgements.extend(area.judgements);
    judgements.extend(provider.judgements);
    if matches!(framework, Some(Framework::Sif | Framework::SifReinspection | Framework::LscbReview)) {
        ofsted::sif_structure(&mut judgements, &reading);
    }
    if detected.kind == Kind::OfstedIlacs && !judgements.is_empty() {
        warnings.extend(ofsted::check_against_body(&mut judgements, &reading, first_ends));
    }
    if judgements.iter().any(|j| !j.is_lscb()) {
        warnings.extend(framework::missing_judgements(framework, &judgements));
    }
    if detected.kind == Kind::OfstedIlacs {
        warnings.extend(framework::missing_lscb(&title, &judgements));
    }
    let mut figures = metrics::read(&reading);
    let (mut stated, mut skips) = gaps::stated_and_skips(&reading);
    if detected.kind == Kind::AreaSend {
        // Area SEND lists are tables printed as runs of sentences: read by `area`.
        let send = area::send_lists(&reading);
        if !send.is_empty() {
            let titles: Vec<&str> = send.iter().filter_map(|i| i.section.as_deref()).collect();
            stated.retain(|i| !i.section.as_deref().is_some_and(|s| titles.iter().any(|t| s.eq_ignore_ascii_case(t))));
            stated.extend(send);
        }
    }
    if matches!(detected.kind, Kind::AreaSend | Kind::Jtai) {
        // An item addressed by name to one partner ("West Midlands Police need to …") when no
        // table column or introduction said who must act.
        for item in stated.iter_mut().filter(|i| i.agency.is_none()) {
            item.agency = area::named_addressee(&item.text);
        }
        for title in area::unread_lists(&reading, &stated) {
            warnings.push(format!(
                "The report has a list \u{201c}{title}\u{201d}, but none of its items could be read from this text \
                 (its items may sit under each agency's heading): read that part of the report itself."
            ));
        }
    }
    let mut findings = gaps::findings(&reading, detected.kind);
    // Two reports in one text: the first is read, and the warning says where the second starts.
    if let Some((at, title)) = second {
        {
            figures.metrics.retain(|m| m.span.0 < at);
            stated.retain(|i| i.span.0 < at);
            skips.retain(|(s, _)| *s < at);
            findings.retain(|f| f.span.0 < at);
            warnings.push(format!(
                "A second report follows in this text (\u{201c}{title}\u{201d}, {}% of the way through): only the first was read. \
                 Open the second on its own to read it.",
                at * 100 / input.len().max(1)
            ));
        }
    }
    let derived = gaps::derived(&cqc.scores, cqc.computed.as_ref(), &judgements, &figures.metrics, figures.financial.as_ref());
    let (gap_items, strengths) = gaps::assemble(stated, derived, &findings);
    // At most a few: a long text of numbered lists that skip is not a report's list.
    warnings.extend(skips.into_iter().take(5).map(|(_, w)| w));
    if findings.len() >= gaps::MAX_FINDINGS {
        warnings.push(format!(
            "This text has more than {} finding sentences (several documents run together, perhaps): the first {} were classed; \
             gaps and strengths come from those.",
            gaps::MAX_FINDINGS,
            gaps::MAX_FINDINGS
        ));
    }
    if figures.capped {
        warnings.push(format!(
            "This text has more than {} figures (a table or generated data, perhaps): the first {} were read and the rest left out.",
            metrics::MAX_FIGURES,
            metrics::MAX_FIGURES
        ));
    }
    if reading.cut_sentences > 0 {
        warnings.push(format!(
            "{} passage{} ran on for more than {} characters without a full stop (a table or list run together, perhaps); \
             {} read in pieces cut at a comma or semicolon, so a figure and its comparator in different pieces are not paired.",
            reading.cut_sentences,
            if reading.cut_sentences == 1 { "" } else { "s" },
            blocks::MAX_SENTENCE,
            if reading.cut_sentences == 1 { "it was" } else { "they were" },
        ));
    }
    if detected.kind == Kind::CqcLaAssessment && cqc.scores.is_empty() {
        warnings.push(
            "No quality statement scores were found in this text: CQC scores each of its nine quality statements from 1 to 4. \
             Paste or open the part of the report that lists them (\u{201c}Quality statement scores\u{201d}) to see them here."
                .to_string(),
        );
    }
    if authority.is_none() && matches!(detected.kind, Kind::CqcLaAssessment | Kind::OfstedIlacs | Kind::AreaSend | Kind::Jtai) {
        warnings.push(
            "The council or area this report is about was not found in its opening lines, so it is shown without a name \
             and Since last time cannot pair it with the council's other reports."
                .to_string(),
        );
    }
    if detected.kind == Kind::Unknown && !input.trim().is_empty() {
        warnings.push(
            "This does not look like a CQC assessment, an Ofsted inspection, a care provider's inspection or committee papers; \
             only general reading was done."
                .to_string(),
        );
    }

    let mut report = Report {
        source: source.to_string(),
        kind: detected.kind,
        kind_confidence: detected.confidence,
        kind_reason: detected.reason,
        framework,
        authority,
        published: meta.published.or(provider.published),
        period: meta.period.or(area.period).or(provider.period),
        previous_period: area.previous_period,
        theme: area.theme,
        agencies: area.agencies,
        overall: cqc.overall.or(provider.overall),
        scores: cqc.scores,
        computed_rating: cqc.computed,
        judgements,
        visit_type: ofsted.visit_type,
        lead_inspector: ofsted.lead_inspector,
        previous_grade: ofsted.previous.or(provider.previous),
        provider: provider.provider,
        meeting,
        sections: sections(&reading),
        financial: figures.financial,
        population: figures.population,
        metrics: figures.metrics,
        gaps: gap_items,
        strengths,
        findings,
        priorities: Vec::new(),
        warnings,
    };
    report.priorities = priorities::priorities(&report);
    report
}

/// The outline as the report gives it, each section spanning its heading.
fn sections(reading: &blocks::Reading) -> Vec<Section> {
    reading
        .outline
        .iter()
        .map(|s| Section {
            title: s.title.clone(),
            level: s.level,
            parent: s.parent,
            span: reading.blocks.get(s.block).map(|b| b.whole_span()).unwrap_or((0, 0)),
        })
        .collect()
}
