//! Priorities: the short list a director acts on, drawn from what the report already holds.
//!
//! In order: the report's own stated list (Ofsted "What needs to improve?", SEND "Areas for
//! priority action", committee recommendations), whole; then quality statements scored 1–2 and
//! judgements below Good; then a few figures worse than their comparator or over target (the
//! report's own verdict first); then the finding gaps the classifier is surest of (summary
//! sentences first), until about ten. Each keeps its theme — the list, quality-statement theme,
//! judgement or section it belongs to — and the span of its words. Near-duplicates are merged.

use super::classify::CONFIDENT;
use super::text::{norm, FastMap, FastSet};
use super::{Class, Origin, Priority, Report, Scope, Verdict};

/// How many priorities beyond the report's own stated list.
pub const MAX_DERIVED: usize = 10;

/// How many figures at most: figures support the list, they do not make it.
const MAX_FIGURES: usize = 3;

/// A priority with no confidence or body of its own.
fn priority(theme: String, origin: Origin, text: String, span: super::Span) -> Priority {
    Priority { theme, origin, text, span, confidence: None, agency: None }
}

/// The priorities of a report (see the module docs).
pub fn priorities(r: &Report) -> Vec<Priority> {
    let mut out: Vec<Priority> = Vec::new();
    let mut seen: FastSet<String> = FastSet::default();
    let mut push = |out: &mut Vec<Priority>, p: Priority| {
        if seen.insert(norm(&p.text).chars().take(60).collect()) {
            out.push(p);
        }
    };
    // 1. The report's own list, the council's before the board's.
    let stated = r.gaps.iter().filter(|g| g.origin == Origin::StatedList);
    for g in stated.clone().filter(|g| g.scope != Some(Scope::Lscb)).chain(stated.filter(|g| g.scope == Some(Scope::Lscb))) {
        let theme = g.place().unwrap_or_else(|| "The report's own list".into());
        push(&mut out, Priority { agency: g.agency.clone(), ..priority(theme, Origin::StatedList, g.text.clone(), g.span) });
    }
    let from = out.len();
    // 2. Scores of 1–2 and judgements below Good.
    for s in r.scores.iter().filter(|s| s.score < 3) {
        let text = format!("{} scored {} — {}.", s.statement, s.score, s.label);
        push(&mut out, priority(s.theme.clone(), Origin::Score, text, s.span));
    }
    for j in r.judgements.iter().filter(|j| j.grade.below_good() && j.parent.is_none()) {
        let whose = if j.is_lscb() { "Local Safeguarding Children Board — " } else { "" };
        let text = format!("{whose}{}: {}.", j.area, j.grade);
        push(&mut out, priority(j.group().into(), Origin::Judgement, text, j.span));
    }
    // 3. A few figures: the report's own "worse" first, then waits over target, then the rest.
    let figure_rank = |g: &&super::Item| {
        let by_words = r.metrics.iter().any(|m| m.span == g.span && m.judgement == Some(Verdict::Worse));
        match (g.origin, by_words) {
            (Origin::Comparison, true) => 0,
            (Origin::Waiting, _) => 1,
            _ => 2,
        }
    };
    let mut figures: Vec<&super::Item> =
        r.gaps.iter().filter(|g| matches!(g.origin, Origin::Comparison | Origin::Waiting | Origin::Finance)).collect();
    figures.sort_by_key(figure_rank);
    for g in figures.into_iter().take(MAX_FIGURES) {
        push(&mut out, priority("Figures".into(), g.origin, g.text.clone(), g.span));
    }
    // 4. The surest finding gaps, summary sentences first, until about ten.
    let in_summary = |s: &Option<String>| s.as_deref().is_some_and(|s| s.to_lowercase().contains("summary"));
    let mut findings: Vec<_> = r.findings.iter().filter(|f| f.class == Class::Gap && f.confidence >= CONFIDENT).collect();
    findings.sort_by(|a, b| in_summary(&b.section).cmp(&in_summary(&a.section)).then(b.confidence.total_cmp(&a.confidence)));
    for f in findings {
        if out.len() - from >= MAX_DERIVED {
            break;
        }
        let theme = f.section.clone().unwrap_or_else(|| "Findings".into());
        push(&mut out, Priority { confidence: Some(f.confidence), ..priority(theme, Origin::Finding, f.text.clone(), f.span) });
    }
    // Each theme's items together, themes in the order they first appear: the card and the
    // action plan number them the same way.
    let mut first: FastMap<String, usize> = FastMap::default();
    for (k, p) in out.iter().enumerate() {
        first.entry(p.theme.clone()).or_insert(k);
    }
    // Stable: within a theme, the order they were found.
    out.sort_by_key(|p| first.get(&p.theme).copied().unwrap_or(0));
    out
}

/// Priorities in groups by theme, in the order each theme first appears (as `priorities`
/// returns them, each group is a run).
pub fn by_theme(items: &[Priority]) -> Vec<(&str, Vec<&Priority>)> {
    let mut groups: Vec<(&str, Vec<&Priority>)> = Vec::new();
    for p in items {
        match groups.iter_mut().find(|(t, _)| *t == p.theme) {
            Some((_, v)) => v.push(p),
            None => groups.push((p.theme.as_str(), vec![p])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::super::analyse;
    use super::*;

    #[test]
    fn the_stated_list_comes_first_whole_then_judgements_then_findings() {
        let text = "Inspection of Anytown local authority children's services\n\n\
                    Judgement\tGrade\n\
                    The impact of leaders on social work practice with children and families\tRequires improvement to be good\n\
                    Overall effectiveness\tRequires improvement to be good\n\n\
                    What needs to improve?\n\n\
                    - The timeliness of assessments for children in need.\n\
                    - The quality of plans for care leavers.\n\n\
                    The experiences and progress of children who need help and protection\n\n\
                    Too many children wait too long for an assessment, and managers do not track the delays.\n\
                    Social workers visit children regularly and know them well.\n";
        let r = analyse(text);
        let p = priorities(&r);
        let origins: Vec<Origin> = p.iter().map(|p| p.origin).collect();
        assert_eq!(&origins[..2], [Origin::StatedList, Origin::StatedList], "{p:#?}");
        assert_eq!(p[0].text, "The timeliness of assessments for children in need.");
        assert!(origins.contains(&Origin::Judgement), "{p:#?}");
        assert!(p.iter().all(|p| !p.text.contains("visit children regularly")), "a strength is no priority: {p:#?}");
        let groups = by_theme(&p);
        assert_eq!(groups[0].0, "What needs to improve?");
        assert_eq!(groups[0].1.len(), 2);
        // Each theme's items are together, so numbering them in order numbers them by group.
        let themes: Vec<&str> = p.iter().map(|p| p.theme.as_str()).collect();
        let mut runs = themes.clone();
        runs.dedup();
        assert_eq!(runs.len(), groups.len(), "{themes:?}");
    }

    #[test]
    fn nothing_in_the_report_gives_no_priorities() {
        assert!(priorities(&analyse("")).is_empty());
        assert!(priorities(&analyse("The committee met on Tuesday.")).is_empty());
    }
}
