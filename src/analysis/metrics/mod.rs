//! Figures a reader would put in a table: CQC financial facts, population, every figure set
//! against a comparator (England average, rest of England, national average, a target) with
//! the report's own verdict, trends ("from 702 in August 2020 to 531 in July 2021"), waits
//! and counts. Each carries its evidence span.
//!
//! Every extractor reads the reading layer's sentences through [`Sent`]:
//! - `financial`: the CQC "Financial facts" blocks;
//! - `population`: "a population of N", "home to N residents";
//! - `comparisons`: a figure against a comparator, with the report's verdict and source;
//! - `trends`: "from N … to M";
//! - `waits`: waits against a target, shares within a timescale, counts;
//! - `stated`: counts, shares and rates stated plainly (SIF area statistics and bodies);
//! - `demographics`: age, ethnicity and deprivation;
//! - `label`: the label a figure gets from the words around it; `subject`: a label with no
//!   subject ("in secondary schools") completed with the measure named before it;
//! - `source`: the data source a sentence names and its date; `verdict`: the report's own verdict.

mod comparisons;
mod demographics;
mod financial;
mod label;
mod population;
mod source;
mod stated;
mod subject;
mod trends;
mod verdict;
mod waits;

use super::blocks::{Block, BlockKind, Reading, Sentence};
use super::numbers::Num;
use super::{Financial, Metric, Span};

pub struct MetricsRead {
    pub financial: Option<Financial>,
    pub population: Option<u64>,
    pub metrics: Vec<Metric>,
    /// [`MAX_FIGURES`] were read and reading stopped there.
    pub capped: bool,
}

/// One of the reading layer's sentences with its block, for text and spans. Derefs to the
/// [`Sentence`]: `lower` and `nums` were computed once by the reading layer.
struct Sent<'a> {
    block: &'a Block,
    sentence: &'a Sentence,
    /// The data source the sentence names, found once when first asked for.
    source: std::cell::OnceCell<Option<source::Source>>,
}

impl std::ops::Deref for Sent<'_> {
    type Target = Sentence;
    fn deref(&self) -> &Sentence {
        self.sentence
    }
}

impl<'a> Sent<'a> {
    fn text(&self) -> &'a str {
        &self.block.text[self.sentence.start..self.sentence.end]
    }
    fn span(&self) -> Span {
        self.block.span(self.start, self.end)
    }
    /// The original span of a number found in this sentence.
    fn num_span(&self, n: &Num) -> Span {
        self.block.span(self.start + n.start, self.start + n.end)
    }
    /// The data source this sentence names, and its date (looked for once).
    fn source(&self) -> Option<&source::Source> {
        self.source.get_or_init(|| source::source(self.text(), &self.lower)).as_ref()
    }
    /// The name of the data source this sentence names.
    fn source_name(&self) -> Option<String> {
        self.source().map(|s| s.name.clone())
    }
    /// The sentence as written where its lower-case copy lines up with it byte for byte (so an
    /// offset found in `lower` slices it), else the lower-case copy: for labels in the report's
    /// own capitals ("Care Act assessments").
    fn letters(&self) -> &str {
        let text = self.text();
        if text.len() == self.lower.len() {
            text
        } else {
            self.lower.as_str()
        }
    }
    /// A figure of this sentence with no comparator, trend or verdict: a count or share, dated
    /// and sourced as the sentence says.
    fn plain_figure(&self, label: &str, value: f64, unit: super::Unit) -> Metric {
        Metric {
            label: label.to_string(),
            value,
            unit,
            as_of: source::date_near(self.text()),
            comparator: None,
            previous: None,
            direction: None,
            judgement: None,
            degree: None,
            source: self.source_name(),
            kind: super::MetricKind::Count,
            span: self.span(),
        }
    }
    /// Is `other` in the same block?
    fn same_block(&self, other: &Sent) -> bool {
        std::ptr::eq(self.block, other.block)
    }
}

/// The sentences figures are read from: every block's but headings'.
fn all_sentences(reading: &Reading) -> Vec<Sent<'_>> {
    reading
        .sentences
        .iter()
        .filter_map(|sentence| reading.blocks.get(sentence.block).map(|block| Sent { block, sentence, source: Default::default() }))
        .filter(|s| s.block.kind != BlockKind::Heading)
        .collect()
}

/// Is `w` at `l[i..]` a whole word?
fn word_at(l: &str, i: usize, w: &str) -> bool {
    let before = l[..i].chars().next_back();
    let after = l[i + w.len()..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// The first whole-word occurrence of `w` in `l`.
fn find_word(l: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = l.get(from..).and_then(|r| r.find(w)) {
        let i = from + k;
        if word_at(l, i, w) {
            return Some(i);
        }
        from = i + w.len();
    }
    None
}

/// `s` cut to at most `max` bytes, on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The most figures read from one document. Real reports have tens to a few hundred; a text
/// with more is a table or generated data run together, and reading on would only make a list
/// no one reads (and, at 20 MB, millions of items and gigabytes of output).
pub const MAX_FIGURES: usize = 5_000;

pub fn read(reading: &Reading) -> MetricsRead {
    let sents = all_sentences(reading);
    let left = |m: &Vec<Metric>| MAX_FIGURES.saturating_sub(m.len());
    let mut metrics = comparisons::read(&sents, MAX_FIGURES);
    let taken: Vec<Span> = metrics.iter().map(|m| m.span).collect();
    metrics.extend(demographics::read(reading, &sents, &taken, left(&metrics)));
    metrics.extend(trends::read(&sents, left(&metrics)));
    // A trend's earlier value is not a figure of its own ("down from 22 days to 18 days": the
    // wait now is 18 days).
    let earlier: Vec<(Span, f64)> = metrics
        .iter()
        .filter(|m| m.kind == super::MetricKind::Trend)
        .filter_map(|m| m.previous.as_ref().map(|p| (m.span, p.value)))
        .collect();
    let mut earlier = earlier;
    earlier.sort_by(|a, b| a.0 .0.cmp(&b.0 .0).then(a.0 .1.cmp(&b.0 .1)));
    metrics.extend(waits::read(&sents, &earlier, left(&metrics)));
    // Every number another extractor read, as a figure or its comparator or earlier value.
    let read: Vec<(Span, f64)> = metrics
        .iter()
        .flat_map(|m| {
            [Some(m.value), m.comparator.as_ref().map(|c| c.value), m.previous.as_ref().map(|p| p.value)]
                .into_iter()
                .flatten()
                .map(|v| (m.span, v))
        })
        .collect();
    metrics.extend(stated::read(&sents, &read, left(&metrics)));
    subject::complete(&mut metrics, reading);
    let capped = metrics.len() >= MAX_FIGURES;
    MetricsRead { financial: financial::read(reading), population: population::read(&sents), metrics, capped }
}

#[cfg(test)]
mod tests {
    use super::super::{blocks, text::Doc, Verdict};
    use super::*;

    fn metrics_of(s: &str) -> Vec<Metric> {
        let doc = Doc::new(s);
        read(&blocks::read(&doc, s)).metrics
    }

    #[test]
    fn wait_qualifier_near_multibyte_text_does_not_split_chars() {
        // 40 bytes before the figure fall inside a two-byte character.
        let s = "Leaders said é’é’é’é’é’é’é’é’é’é’é’é’é’ the median waiting time of 150 days was too long.\n";
        let m = metrics_of(s);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].label.as_str(), m[0].value), ("median wait", 150.0));
    }

    #[test]
    fn comparator_figures_and_the_local_figure_before_them() {
        let m = metrics_of("Only 2.59% of carers accessed training, compared to the England average of 4.30%, which was worse.\n");
        assert_eq!(m[0].value, 2.59);
        assert_eq!(m[0].comparator.as_ref().map(|c| c.value), Some(4.3));
        assert_eq!(m[0].judgement, Some(Verdict::Worse));
    }
}
