//! Labels without a subject get the one the report gave them. Area statistics list one measure
//! for two groups under a lead-in ("The proportion of children entitled to free school meals:"
//! then "in primary schools is 27% (the national average is 17%)", "in secondary schools is
//! 23% …"), or in one sentence ("… in primary schools is 21% (…), and in secondary schools is
//! 18% …"): the figure's own words are then only "in secondary schools". Such a label is
//! completed with the measure named before it — the earlier figure's of the same sentence, else
//! the lead-in line ending with a colon just above — and left alone when neither is there.

use super::super::blocks::Reading;
use super::super::{Metric, Span};

/// Words a label can open with that show it has no subject of its own.
const PREPOSITIONS: &[&str] = &["in", "at", "among", "amongst", "within", "for"];

/// How far back (bytes) a lead-in may stand from the figure's sentence.
const LEAD_IN_REACH: usize = 600;

/// How many figures back an earlier figure of the same sentence is looked for (a sentence's
/// figures are read together; a bound keeps a run of thousands of figures linear).
const SAME_SENTENCE_REACH: usize = 12;

/// The most words a lead-in may have to serve as a subject.
const MAX_SUBJECT_WORDS: usize = 16;

/// A label that opens with a preposition ("in secondary schools", "and in secondary schools"):
/// the part from the preposition on.
fn fragment(label: &str) -> Option<&str> {
    let l = label.trim();
    let l = l.strip_prefix("and ").unwrap_or(l);
    let first = l.split_whitespace().next()?;
    PREPOSITIONS.contains(&first.to_ascii_lowercase().as_str()).then_some(l)
}

/// The measure of a label that names one and a group ("proportion of children entitled to free
/// school meals in primary schools" → "proportion of children entitled to free school meals").
fn measure_of(label: &str) -> Option<&str> {
    if fragment(label).is_some() {
        return None;
    }
    let k = label.rfind(" in ")?;
    Some(label[..k].trim()).filter(|m| m.split_whitespace().count() >= 2)
}

/// A lead-in line's measure: "The proportion of children entitled to free school meals5:" →
/// "proportion of children entitled to free school meals"; `None` unless it ends with a colon
/// (a footnote number either side of it allowed) and is short enough to be a subject.
fn lead_in(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(|c: char| c.is_ascii_digit());
    let t = t.strip_suffix(':')?.trim_end_matches(|c: char| c.is_ascii_digit()).trim();
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_SUBJECT_WORDS || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let skip = usize::from(words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")));
    Some(words[skip..].join(" "))
}

/// The text of every sentence of `reading`, headings included, with its span, in order.
fn sentences(reading: &Reading) -> Vec<(Span, &str)> {
    reading
        .sentences
        .iter()
        .filter_map(|s| {
            let b = reading.blocks.get(s.block)?;
            Some((b.span(s.start, s.end), b.text.get(s.start..s.end)?))
        })
        .collect()
}

/// Complete the labels of `metrics` that have no subject (see the module docs).
pub(super) fn complete(metrics: &mut [Metric], reading: &Reading) {
    if !metrics.iter().any(|m| fragment(&m.label).is_some()) {
        return;
    }
    let sents = sentences(reading);
    for i in 0..metrics.len() {
        let Some(rest) = fragment(&metrics[i].label) else { continue };
        let span = metrics[i].span;
        // An earlier figure of the same sentence that names the measure.
        let same =
            metrics[i.saturating_sub(SAME_SENTENCE_REACH)..i].iter().rev().filter(|m| m.span == span).find_map(|m| measure_of(&m.label));
        let subject = match same {
            Some(s) => Some(s.to_string()),
            None => lead_in_before(&sents, span),
        };
        if let Some(s) = subject {
            metrics[i].label = format!("{s} {rest}");
        }
    }
}

/// The lead-in ending with a colon within [`LEAD_IN_REACH`] bytes before `span`, passing only
/// sentences that are figures of the same list (subject-less themselves).
fn lead_in_before(sents: &[(Span, &str)], span: Span) -> Option<String> {
    let at = sents.partition_point(|(s, _)| s.0 < span.0);
    for (s, text) in sents[..at].iter().rev() {
        if span.0.saturating_sub(s.1) > LEAD_IN_REACH {
            return None;
        }
        if let Some(l) = lead_in(text) {
            return Some(l);
        }
        // Another item of the same list ("in primary schools is 27% …"): keep looking above it.
        let first = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        fragment(first)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_measures_and_lead_ins() {
        assert_eq!(fragment("and in secondary schools"), Some("in secondary schools"));
        assert_eq!(fragment("children in care"), None);
        assert_eq!(
            measure_of("proportion of children entitled to free school meals in primary schools"),
            Some("proportion of children entitled to free school meals")
        );
        assert_eq!(measure_of("in primary schools"), None);
        assert_eq!(
            lead_in(" The proportion of children entitled to free school meals5:").as_deref(),
            Some("proportion of children entitled to free school meals")
        );
        assert_eq!(lead_in("language:8"), None);
        assert_eq!(lead_in("The figures are 5 and 6:"), None);
        assert_eq!(lead_in("The proportion of children"), None);
    }
}
