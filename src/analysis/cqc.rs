//! CQC local authority assessments: the stated overall rating, the nine quality-statement
//! scores (canonical names, whatever the wording), and the rating recomputed from them.

use super::text::{find_span, norm, words, Doc, Line};
use super::{ComputedRating, Grade, Overall, Score, Span, ToNext, ToPrevious};

/// The four themes and their statements, in the framework's order, with the wordings
/// reports use (compared as `words`, so punctuation and case don't matter).
const STATEMENTS: &[(&str, &str, &[&str])] = &[
    ("How the local authority works with people", "Assessing needs", &["assessing needs"]),
    (
        "How the local authority works with people",
        "Supporting people to live healthier lives",
        &["supporting people to live healthier lives", "supporting people to lead healthier lives"],
    ),
    (
        "How the local authority works with people",
        "Equity in experience and outcomes",
        &["equity in experience and outcomes", "equity in experiences and outcomes"],
    ),
    ("Providing support", "Care provision, integration and continuity", &["care provision integration and continuity"]),
    ("Providing support", "Partnerships and communities", &["partnerships and communities"]),
    (
        "How the local authority ensures safety within the system",
        "Safe pathways, systems and transitions",
        &["safe pathways systems and transitions", "safe systems pathways and transitions"],
    ),
    ("How the local authority ensures safety within the system", "Safeguarding", &["safeguarding"]),
    ("Leadership", "Governance, management and sustainability", &["governance management and sustainability"]),
    ("Leadership", "Learning, improvement and innovation", &["learning improvement and innovation"]),
];

/// The four themes in order.
pub const THEMES: [&str; 4] = [
    "How the local authority works with people",
    "Providing support",
    "How the local authority ensures safety within the system",
    "Leadership",
];

/// Canonical statement names in the framework's order.
pub fn statement_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    STATEMENTS.iter().map(|(t, s, _)| (*t, *s))
}

/// The meaning of a score 1–4.
pub fn score_label(score: u8) -> &'static str {
    match score {
        1 => "Evidence shows significant shortfalls",
        2 => "Evidence shows some shortfalls",
        3 => "Evidence shows a good standard",
        _ => "Evidence shows an exceptional standard",
    }
}

const RATINGS: [Grade; 4] = [Grade::Inadequate, Grade::RequiresImprovement, Grade::Good, Grade::Outstanding];

/// Where a percentage falls in CQC's published bands.
#[derive(Clone, Debug, PartialEq)]
pub enum Band {
    In(Grade),
    /// Between two published bands (e.g. 38.9% is above 38 and below 39).
    Between(Grade, Grade),
}

/// The bands in words, for people.
pub const BANDS_TEXT: &str =
    "CQC bands: 25–38% Inadequate · 39–62% Requires improvement · 63–87% Good · 88%+ Outstanding; scores 1–4 count 25/50/75/100%.";

/// CQC bands: 25–38 Inadequate, 39–62 Requires improvement, 63–87 Good, 88+ Outstanding.
/// The gaps between bands (38 < p < 39 …) are reported as such, not rounded.
pub fn band_for_percent(p: f64) -> Band {
    const LIMITS: [(f64, f64); 3] = [(38.0, 39.0), (62.0, 63.0), (87.0, 88.0)];
    for (i, (top, next)) in LIMITS.iter().enumerate() {
        if p <= *top {
            return Band::In(RATINGS[i]);
        }
        if p < *next {
            return Band::Between(RATINGS[i], RATINGS[i + 1]);
        }
    }
    Band::In(RATINGS[3])
}

/// The lowest percentage that is clearly inside each band above Inadequate.
const BAND_FLOORS: [(f64, Grade); 3] = [(39.0, Grade::RequiresImprovement), (63.0, Grade::Good), (88.0, Grade::Outstanding)];

/// Recompute the rating from scores (each 1–4).
pub fn rating_for_scores(scores: &[u8]) -> Option<ComputedRating> {
    if scores.is_empty() || scores.iter().any(|s| !(1..=4).contains(s)) {
        return None;
    }
    let n = scores.len() as u32;
    let total: u32 = scores.iter().map(|&s| s as u32).sum();
    let max = 4 * n;
    let exact = 100.0 * total as f64 / max as f64;
    let band = band_for_percent(exact);
    let (rating, between) = match band {
        Band::In(r) => (Some(r), None),
        Band::Between(a, b) => (None, Some((a, b))),
    };
    // The next band up: the first floor above the current percentage.
    let to_next = BAND_FLOORS.iter().find(|(floor, name)| exact < *floor && band != Band::In(*name)).map(|(floor, name)| {
        let needed = (floor * max as f64 / 100.0 - 1e-9).ceil() as u32;
        ToNext { rating: *name, statements_up: needed.saturating_sub(total) }
    });
    // The band below: the fewest falls that leave the total clearly inside it.
    const BAND_TOPS: [(f64, Grade); 3] = [(38.0, Grade::Inadequate), (62.0, Grade::RequiresImprovement), (87.0, Grade::Good)];
    let to_previous = BAND_TOPS.iter().rev().find(|(top, _)| exact > *top).and_then(|(top, name)| {
        let within = (top * max as f64 / 100.0 + 1e-9).floor() as u32;
        (within >= n && within < total).then(|| ToPrevious { rating: *name, statements_down: total - within })
    });
    Some(ComputedRating { percent: (exact * 10.0).round() / 10.0, rating, between, total, max, to_next, to_previous })
}

#[derive(Default)]
pub struct CqcRead {
    pub overall: Option<Overall>,
    pub scores: Vec<Score>,
    pub computed: Option<ComputedRating>,
    pub warnings: Vec<String>,
}

/// A cheap first look (it runs on every line): does the line's first word open a statement's
/// wording or a "Quality statement" / "QS" prefix?
fn may_name_a_statement(line: &str) -> bool {
    static FIRST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let first_words = FIRST.get_or_init(|| {
        let mut v: Vec<&str> = STATEMENTS.iter().flat_map(|(_, _, names)| names.iter().filter_map(|n| n.split(' ').next())).collect();
        v.extend(["quality", "qs"]);
        v.sort_unstable();
        v.dedup();
        v
    });
    let first = line.trim_start_matches(|c: char| !c.is_alphanumeric()).split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // "QS1:" — a prefix glued to its number.
    let first = first.trim_end_matches(|c: char| c.is_ascii_digit());
    first_words.iter().any(|w| w.eq_ignore_ascii_case(first))
}

/// Which statement a line names, if the whole line (less a "Quality statement 1:" style
/// prefix) is a statement's wording. Returns its index and the rest of the line after it.
fn statement_of(line: &str) -> Option<(usize, String)> {
    // Statement headings, alone or with a score or a "Quality statement 1:" prefix, are short.
    if line.len() > 120 || !may_name_a_statement(line) {
        return None;
    }
    let mut w = words(line);
    for prefix in ["quality statement", "qs"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            let rest = rest.trim_start();
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
            let rest = ["one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine "]
                .iter()
                .find_map(|n| rest.strip_prefix(n))
                .unwrap_or(rest);
            w = rest.to_string();
        }
    }
    STATEMENTS.iter().enumerate().find_map(|(i, (_, _, names))| {
        names.iter().find_map(|name| {
            let rest = w.strip_prefix(name)?;
            (rest.is_empty() || rest.starts_with(' ')).then(|| (i, rest.trim().to_string()))
        })
    })
}

/// A score stated on a line: "Score: 3", "Score 3", "## Score: 2", "Indicative score: 3",
/// "Score: 3 - Evidence shows a good standard", "Score 3/4". `Some(None)` for a bare
/// "Score:" whose number is on the next line.
fn score_on(line: &str) -> Option<(Option<u8>, bool)> {
    let n = norm(line);
    let (n, indicative) = match n.strip_prefix("indicative ") {
        Some(r) => (r, true),
        None => (n.as_str(), false),
    };
    let n = n.strip_prefix("quality statement ").unwrap_or(n);
    let rest = n.strip_prefix("score")?;
    let rest = rest.trim_start_matches([':', ' ', '-', '=']);
    if rest.is_empty() {
        return Some((None, indicative));
    }
    leading_score(rest).map(|s| (Some(s), indicative))
}

/// A digit 1–4 that stands alone at the start of `s` ("3", "3 - Evidence…", "3/4").
fn leading_score(s: &str) -> Option<u8> {
    let mut chars = s.chars();
    let d = chars.next()?.to_digit(10)? as u8;
    let after = chars.next();
    let ok = match after {
        None => true,
        Some(c) => !c.is_ascii_digit() && c != '.' && c != '%' && c != ',',
    };
    (ok && (1..=4).contains(&d)).then_some(d)
}

/// "2 - Evidence shows some shortfalls" / "2: Evidence shows…": the digit, if the line is a
/// score meaning.
fn label_line(line: &str) -> Option<u8> {
    let n = norm(line);
    let d = leading_score(&n)?;
    let rest = n.get(1..)?.trim_start_matches([' ', '-', ':', '=']);
    rest.starts_with("evidence shows").then_some(d)
}

/// The score a meaning names, for lines that give only the words ("Evidence shows a good
/// standard").
fn score_for_meaning(line: &str) -> Option<u8> {
    let n = norm(line);
    let i = n.find("evidence shows")?;
    let m = &n[i..];
    (1..=4u8).find(|&s| m.starts_with(&score_label(s).to_lowercase()))
}

/// The rating a line begins with ("Good", "Requires Improvement", "Good: Evidence shows…").
fn rating_on(line: &Line) -> Option<(Grade, Span)> {
    let n = norm(line.content);
    RATINGS.iter().rev().find_map(|r| {
        let rl = r.as_str().to_lowercase();
        let rest = n.strip_prefix(&rl)?;
        let ok = rest.is_empty() || rest.starts_with([':', ' ', '-', '(', '.', ',']);
        // "Good practice was seen" is prose, not a rating.
        let prose = rest.split_whitespace().next().is_some_and(|w| w.chars().all(char::is_alphabetic) && w.len() > 2)
            && !rest.trim_start_matches([':', ' ', '-']).starts_with("evidence shows");
        (ok && !prose).then(|| (*r, find_span(line.content, line.start, r.as_str())))
    })
}

fn is_rating_heading(n: &str) -> Option<bool> {
    let heads = [
        ("local authority rating and score", false),
        ("local authority rating", false),
        ("local authority indicative rating", true),
        ("indicative rating", true),
        ("overall indicative rating", true),
        ("overall rating", false),
    ];
    heads.iter().find(|(h, _)| n.starts_with(h)).map(|(_, ind)| *ind)
}

fn overall(doc: &Doc) -> Option<Overall> {
    for (i, l) in doc.lines.iter().enumerate() {
        // Every rating heading says "rating" (a cheap first look at every line).
        if !super::text::contains_ci(l.content, "rating") {
            continue;
        }
        let n = norm(l.content);
        let Some(indicative) = is_rating_heading(&n) else { continue };
        // "Overall rating: Good" on one line.
        if let Some(c) = l.content.find(':') {
            let rest_start = c + 1;
            if let Some(rest) = l.content.get(rest_start..) {
                let trimmed = rest.trim_start();
                let sub = Line { start: l.start + rest_start + (rest.len() - trimmed.len()), content: trimmed, ..Line::default() };
                if let Some((r, span)) = rating_on(&sub) {
                    return Some(Overall { rating: r, indicative, span });
                }
            }
        }
        // The rating a few lines below the heading (after the council's name).
        for j in doc.next_content(i, 4) {
            if let Some((r, span)) = rating_on(&doc.lines[j]) {
                return Some(Overall { rating: r, indicative, span });
            }
            if statement_of(doc.lines[j].content).is_some() {
                break;
            }
        }
    }
    None
}

/// How far below a statement's heading its score may be, in non-blank lines.
const SCORE_REACH: usize = 4;

struct Found {
    statement: usize,
    score: u8,
    indicative: bool,
    span: Span,
    /// The meaning line written under the score, when its digit or words name another
    /// score ("2 - Evidence shows a good standard" under "Score: 3").
    odd_label: Option<(u8, String)>,
}

/// A score read for a statement: its value, whether indicative, and where its evidence ends.
#[derive(Clone, Copy)]
struct ScoreAt {
    score: u8,
    indicative: bool,
    end: usize,
}

/// What a statement's heading line holds after the statement's wording.
enum HeadingLine {
    /// Nothing more: the score is below.
    Bare,
    /// A score: "Assessing needs: Score 2", "Assessing needs | 2".
    Scored(ScoreAt),
    /// Something else: the line is prose that starts with the wording, not a heading.
    Prose,
}

fn heading_line(rest: &str, l: &Line) -> HeadingLine {
    let rest = rest.trim_start_matches(['|', '-', ':', ' ']);
    if rest.is_empty() {
        return HeadingLine::Bare;
    }
    if let Some((Some(s), ind)) = score_on(rest) {
        HeadingLine::Scored(ScoreAt { score: s, indicative: ind, end: l.end() })
    } else if let Some(s) = leading_score(rest).filter(|_| rest.len() <= 2) {
        HeadingLine::Scored(ScoreAt { score: s, indicative: false, end: l.end() })
    } else {
        HeadingLine::Prose
    }
}

/// The lines under a statement's heading, read until its score is settled.
#[derive(Default)]
struct UnderHeading<'a> {
    /// A score written as one: "Score: 3", "Score 3", "Indicative score:" and the number below.
    explicit: Option<ScoreAt>,
    /// The first line holding a score's digit or meaning, with that digit.
    label: Option<(u8, &'a str)>,
    /// A meaning line standing in for a score ("3 - Evidence shows…", or the words alone).
    meaning: Option<(u8, usize)>,
    /// "Score:" with its number on the next line; whether it was indicative.
    pending_bare: Option<bool>,
}

impl<'a> UnderHeading<'a> {
    /// Read one line below the heading; false when the statement's lines are over.
    fn line(&mut self, lj: &Line<'a>) -> bool {
        let c = lj.content;
        if statement_of(c).is_some() {
            return false;
        }
        let end = lj.end();
        if let Some(ind) = self.pending_bare.take() {
            if let Some(s) = leading_score(&norm(c)) {
                self.explicit.get_or_insert(ScoreAt { score: s, indicative: ind, end });
                if let Some(d) = label_line(c) {
                    self.label.get_or_insert((d, c));
                }
                return true;
            }
        }
        if let Some((s, ind)) = score_on(c) {
            match s {
                Some(s) if self.explicit.is_none() => self.explicit = Some(ScoreAt { score: s, indicative: ind, end }),
                Some(_) => return false, // a second score belongs to something else
                None => self.pending_bare = Some(ind),
            }
            if let Some(d) = score_for_meaning(c) {
                self.label.get_or_insert((d, c));
            }
            return true;
        }
        if let Some(d) = label_line(c) {
            if self.explicit.is_none() {
                self.meaning.get_or_insert((d, end));
            }
            self.label.get_or_insert((d, c));
            return true;
        }
        if self.explicit.is_none() {
            if let Some(d) = score_for_meaning(c) {
                if norm(c).len() < 60 {
                    self.meaning.get_or_insert((d, end));
                }
            }
        }
        self.explicit.is_none()
    }

    /// The statement's score: an explicit score wins, else a meaning line.
    fn found(self, statement: usize, head_start: usize) -> Option<Found> {
        let at = match (self.explicit, self.meaning) {
            (Some(e), _) => e,
            (None, Some((d, end))) => ScoreAt { score: d, indicative: false, end },
            _ => return None,
        };
        // Every label line holds a digit or meaning; note it when it disagrees with the score.
        let odd_label = self
            .label
            .filter(|(d, text)| *d != at.score || score_for_meaning(text).is_some_and(|m| m != at.score))
            .map(|(d, t)| (d, t.to_string()));
        Some(Found { statement, score: at.score, indicative: at.indicative, span: (head_start, at.end), odd_label })
    }
}

fn find_scores(doc: &Doc) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, l) in doc.lines.iter().enumerate() {
        let Some((st, rest)) = statement_of(l.content) else { continue };
        let explicit = match heading_line(&rest, l) {
            HeadingLine::Bare => None,
            HeadingLine::Scored(at) => Some(at),
            HeadingLine::Prose => continue,
        };
        let mut under = UnderHeading { explicit, ..UnderHeading::default() };
        for j in doc.next_content(i, SCORE_REACH) {
            if !under.line(&doc.lines[j]) {
                break;
            }
        }
        out.extend(under.found(st, l.start));
    }
    out
}

/// The short names CQC's press releases give the nine statements, in the framework's order
/// ("1. how the local authority works with people – 2" is the first statement's score).
/// Since 2025 they use the statements' names (read from `STATEMENTS`), some a little reworded
/// ("Assessing people's needs", "Care provision, integration and continuity of care").
const PRESS_NAMES: [&[&str]; 9] = [
    &["how the local authority works with people", "assessing people s needs"],
    &[],
    &[],
    &[
        "providing support care provision integration and continuity",
        "providing support",
        "care provision integration and continuity of care",
    ],
    &["partnership and communities"],
    &["how the local authority ensures safety in the system", "how the local authority ensures safety within the system"],
    &[],
    &["leadership management and sustainability", "leadership"],
    &[],
];

/// The statement a press release's line names: by the statements' own wordings or the
/// releases' short names.
fn press_statement(name: &str) -> Option<usize> {
    (0..STATEMENTS.len()).find(|&i| STATEMENTS[i].2.contains(&name) || PRESS_NAMES.get(i).is_some_and(|n| n.contains(&name)))
}

/// A press release's list, one statement a line: "1. how the local authority works with people
/// – 2", "- safeguarding – indicative score of three", "1. assessing people's needs: 2". Taken
/// only when at least five of the nine are listed, so a stray "safeguarding – 2" in prose is
/// not a score.
fn press_list(doc: &Doc) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for l in doc.lines.iter().filter(|l| l.content.len() < 140) {
        let split =
            [" \u{2013} ", " - ", " \u{2014} ", ": "].iter().filter_map(|sep| l.content.rsplit_once(sep)).max_by_key(|(a, _)| a.len());
        let Some((left, right)) = split else { continue };
        let name = words(left);
        let name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let Some(statement) = press_statement(name) else { continue };
        let value = norm(right);
        let (value, indicative) = match value.strip_prefix("indicative score of ") {
            Some(v) => (v, true),
            None => (value.strip_prefix("score of ").unwrap_or(&value), false),
        };
        let value = value.trim_end_matches('.');
        let score = leading_score(value).or_else(|| super::numbers::word_number(value).filter(|n| (1..=4).contains(n)).map(|n| n as u8));
        if let Some(score) = score.filter(|_| !out.iter().any(|f| f.statement == statement)) {
            out.push(Found { statement, score, indicative, span: (l.start, l.end()), odd_label: None });
        }
    }
    if out.len() >= 5 {
        out
    } else {
        Vec::new()
    }
}

/// A press release's rating: "… in order to create their good rating", "… their indicative
/// requires improvement rating".
fn press_rating(doc: &Doc) -> Option<Overall> {
    doc.lines.iter().take(60).find_map(|l| {
        let lower = l.content.to_ascii_lowercase();
        let at = lower.find("to create their ")? + "to create their ".len();
        let rest = &lower[at..];
        let (rest, indicative, at) = match rest.strip_prefix("indicative ") {
            Some(r) => (r, true, at + "indicative ".len()),
            None => (rest, false, at),
        };
        RATINGS.iter().rev().find_map(|r| {
            let name = r.as_str().to_ascii_lowercase();
            rest.strip_prefix(&name)?.starts_with(" rating").then(|| Overall {
                rating: *r,
                indicative,
                span: (l.start + at, l.start + at + name.len()),
            })
        })
    })
}

pub fn read(doc: &Doc) -> CqcRead {
    let mut warnings = Vec::new();
    let mut found = find_scores(doc);
    // A press release's list: those its lines name in the statements' own words are found
    // above already; the rest are its short names.
    if found.len() < STATEMENTS.len() {
        for f in press_list(doc) {
            if !found.iter().any(|g| g.statement == f.statement) {
                found.push(f);
            }
        }
    }
    found.sort_by_key(|f| f.statement);
    let mut scores: Vec<Score> = Vec::new();
    let mut first: [Option<&Found>; 9] = [None; 9];
    for f in &found {
        match first[f.statement] {
            None => first[f.statement] = Some(f),
            Some(prev) if prev.score != f.score => warnings.push(format!(
                "\"{}\" is scored {} in one place and {} in another; the first ({}) is used.",
                STATEMENTS[f.statement].1, prev.score, f.score, prev.score
            )),
            Some(_) => {}
        }
        if let Some((_, text)) = &f.odd_label {
            warnings.push(format!(
                "\"{}\" has score {} but the line under it reads \"{}\"; the score is used.",
                STATEMENTS[f.statement].1, f.score, text
            ));
        }
    }
    for (i, f) in first.iter().enumerate() {
        if let Some(f) = f {
            let (theme, statement, _) = STATEMENTS[i];
            scores.push(Score {
                theme: theme.to_string(),
                statement: statement.to_string(),
                score: f.score,
                label: score_label(f.score).to_string(),
                indicative: f.indicative,
                span: f.span,
            });
        }
    }

    let overall = overall(doc).or_else(|| press_rating(doc));
    let computed =
        if scores.len() == STATEMENTS.len() { rating_for_scores(&scores.iter().map(|s| s.score).collect::<Vec<_>>()) } else { None };
    if !scores.is_empty() && scores.len() < STATEMENTS.len() {
        let missing: Vec<&str> = STATEMENTS.iter().enumerate().filter(|(i, _)| first[*i].is_none()).map(|(_, s)| s.1).collect();
        warnings.push(format!(
            "Only {} of the 9 quality statements have a score in this text (missing: {}), so the rating cannot be recomputed.",
            scores.len(),
            missing.join(", ")
        ));
    }
    if let (Some(o), Some(c)) = (&overall, &computed) {
        match (&c.rating, &c.between) {
            (Some(r), _) if *r != o.rating => warnings.push(format!(
                "The report states \"{}\" but the nine scores ({}%) fall in the \"{}\" band.",
                o.rating, c.percent, r
            )),
            (None, Some((a, b))) => warnings.push(format!(
                "The nine scores give {}%, between the published bands for \"{a}\" and \"{b}\"; CQC does not say how it rounds, so the recomputed rating is ambiguous (the report states \"{}\").",
                c.percent, o.rating
            )),
            _ => {}
        }
    }
    CqcRead { overall, scores, computed, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_published_thresholds() {
        assert_eq!(band_for_percent(25.0), Band::In(Grade::Inadequate));
        assert_eq!(band_for_percent(38.0), Band::In(Grade::Inadequate));
        assert_eq!(band_for_percent(38.9), Band::Between(Grade::Inadequate, Grade::RequiresImprovement));
        assert_eq!(band_for_percent(39.0), Band::In(Grade::RequiresImprovement));
        assert_eq!(band_for_percent(61.1), Band::In(Grade::RequiresImprovement));
        assert_eq!(band_for_percent(63.9), Band::In(Grade::Good));
        assert_eq!(band_for_percent(87.0), Band::In(Grade::Good));
        assert_eq!(band_for_percent(88.0), Band::In(Grade::Outstanding));
    }

    #[test]
    fn computed_rating_and_distance_to_next_band() {
        let c = rating_for_scores(&[2, 3, 2, 2, 3, 3, 3, 2, 2]).unwrap();
        assert_eq!((c.percent, c.rating), (61.1, Some(Grade::RequiresImprovement)));
        assert_eq!(c.to_next, Some(ToNext { rating: Grade::Good, statements_up: 1 }));
        assert_eq!(c.to_previous, Some(ToPrevious { rating: Grade::Inadequate, statements_down: 9 }));
        let c = rating_for_scores(&[2, 3, 2, 3, 3, 2, 3, 3, 2]).unwrap();
        assert_eq!((c.percent, c.rating), (63.9, Some(Grade::Good)));
        assert_eq!(c.to_next.unwrap().statements_up, 9);
        // Stockton: one statement from falling to Requires improvement.
        assert_eq!(c.to_previous, Some(ToPrevious { rating: Grade::RequiresImprovement, statements_down: 1 }));
        let c = rating_for_scores(&[4; 9]).unwrap();
        assert_eq!(c.rating, Some(Grade::Outstanding));
        assert_eq!(c.to_next, None);
        // 9/36 = 25%: 14/36 (38.9%) is between bands, so 15/36 is the first sure step.
        let c = rating_for_scores(&[1; 9]).unwrap();
        assert_eq!((c.percent, c.to_next.unwrap().statements_up), (25.0, 6));
    }

    #[test]
    fn between_bands_is_ambiguous_not_guessed() {
        // 14/36 = 38.9%
        let c = rating_for_scores(&[2, 2, 2, 2, 2, 1, 1, 1, 1]).unwrap();
        assert_eq!(c.percent, 38.9);
        assert_eq!(c.rating, None);
        assert_eq!(c.between, Some((Grade::Inadequate, Grade::RequiresImprovement)));
        assert_eq!(c.to_next, Some(ToNext { rating: Grade::RequiresImprovement, statements_up: 1 }));
    }

    #[test]
    fn statement_wordings() {
        assert_eq!(statement_of("Supporting people to lead healthier lives").map(|s| s.0), Some(1));
        assert_eq!(statement_of("Safe systems, pathways and transitions").map(|s| s.0), Some(5));
        assert_eq!(statement_of("Quality statement 7: Safeguarding").map(|s| s.0), Some(6));
        assert_eq!(statement_of("Safeguarding adults is everyone's business").map(|s| s.0), Some(6));
        assert_eq!(statement_of("Safeguardingx"), None);
        assert_eq!(statement_of("QS1: Assessing needs").map(|s| s.0), Some(0));
        assert_eq!(statement_of("**Assessing needs**").map(|s| s.0), Some(0));
        assert_eq!(statement_of("We looked at assessing needs."), None);
    }

    #[test]
    fn a_press_release_list_and_rating() {
        // CQC's press releases (Surrey 2024; the 2023 pilots wrote "indicative score of three").
        let t = "CQC looked at nine areas spread across four themes to assess how well the authority is meeting their responsibilities in order to create their good rating.\n\
                 1. how the local authority works with people \u{2013} 2\n2. supporting people to lead healthier lives \u{2013} 3\n\
                 3. equity in experience and outcomes \u{2013} 3\n4. providing support (care provision, integration and continuity) \u{2013} 3\n\
                 5. partnerships and communities \u{2013} 4\n6. how the local authority ensures safety in the system \u{2013} 3\n\
                 7. safeguarding \u{2013} 2\n8. leadership (management and sustainability) \u{2013} 3\n9. learning, improvement and innovation \u{2013} 3\n";
        let r = read(&Doc::new(t));
        let got: Vec<(&str, u8)> = r.scores.iter().map(|s| (s.statement.as_str(), s.score)).collect();
        assert_eq!(
            got,
            [
                ("Assessing needs", 2),
                ("Supporting people to live healthier lives", 3),
                ("Equity in experience and outcomes", 3),
                ("Care provision, integration and continuity", 3),
                ("Partnerships and communities", 4),
                ("Safe pathways, systems and transitions", 3),
                ("Safeguarding", 2),
                ("Governance, management and sustainability", 3),
                ("Learning, improvement and innovation", 3),
            ]
        );
        assert_eq!(r.overall.map(|o| (o.rating, o.indicative)), Some((Grade::Good, false)));
        let pilot = "CQC looked at nine areas in order to create their indicative requires improvement rating.\n- safeguarding \u{2013} indicative score of three\n- leadership \u{2013} indicative score of two\n\
                     - equity in experience and outcomes \u{2013} indicative score of two\n- partnership and communities \u{2013} indicative score of two\n\
                     - how the local authority works with people \u{2013} indicative score of two\n";
        let r = read(&Doc::new(pilot));
        assert_eq!(r.scores.len(), 5);
        assert!(r.scores.iter().all(|s| s.indicative));
        assert_eq!(r.overall.map(|o| (o.rating, o.indicative)), Some((Grade::RequiresImprovement, true)));
        // A line or two in prose is not a list.
        assert!(read(&Doc::new("leadership \u{2013} 3\nhow the local authority works with people \u{2013} 2\n")).scores.is_empty());
    }

    #[test]
    fn score_lines() {
        assert_eq!(score_on("Score: 3"), Some((Some(3), false)));
        assert_eq!(score_on("Score 3"), Some((Some(3), false)));
        assert_eq!(score_on("Indicative score: 2"), Some((Some(2), true)));
        assert_eq!(score_on("Score:"), Some((None, false)));
        assert_eq!(score_on("Score: 30%"), None);
        assert_eq!(score_on("Scores were high"), None);
        assert_eq!(label_line("3 – Evidence shows a good standard"), Some(3));
        assert_eq!(label_line("3 people were seen"), None);
    }
}
