//! Since the last inspection: two or more reports of one council, lined up in time.
//!
//! - `series` groups reports that belong together (same council, same kind, different dates);
//! - `since` lines a series up: grades over time (judgement areas matched across frameworks by
//!   [`JudgementTheme`], CQC statements by their canonical name), the follow-through of the
//!   earlier report's stated gaps in the later one, the later report's new stated gaps, what the
//!   later report says about the last inspection, and the figures both state.
//!
//! **Follow-through by meaning of the wording.** Every earlier stated item and every later
//! sentence (stated items and classed findings) becomes a bag of *terms*: words lower-cased, a
//! domain synonym list folding the report's many names for one matter onto one term ("looked
//! after" / "in care" → `care`; "go missing" / "missing episodes" → `missing`; "plo" /
//! "pre-proceedings" → `proceedings`), a light stemmer ("assessments", "assessed" → `assess`),
//! and stop words dropped. Terms are weighted by their rarity across the two reports' sentences
//! (inverse document frequency: "children" and "social work" say little, "homeless" a lot) and
//! two bags are compared by cosine similarity. How close the later stated items, gap findings
//! and strength findings come to an earlier item ([`Closeness`]) decides its status through a
//! small logistic regression fitted to the statuses readers gave the development series
//! ([`DECISION`], [`decide`]): **recurs** when the later list states it again or close findings
//! still describe a shortfall, **improved** when what the later report says of the matter is on
//! the side of strengths, **not mentioned** when nothing later is close enough to tell. The
//! similarity and the shared terms of the sentence shown are kept. No pairs are made by hand.

use serde::{Deserialize, Serialize};

use super::text::{parse_date, FastMap};
use super::types::*;

/// What became of an earlier stated gap in the later report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The later report states a similar gap, or its findings still describe the shortfall.
    Recurs,
    /// The later report describes the same matter positively.
    Improved,
    /// Nothing in the later report is close enough to tell.
    NotMentioned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Recurs => "recurs",
            Status::Improved => "improved",
            Status::NotMentioned => "not_mentioned",
        }
    }

    /// For people: "Recurs", "Improved", "Not mentioned".
    pub fn label(self) -> &'static str {
        match self {
            Status::Recurs => "Recurs",
            Status::Improved => "Improved",
            Status::NotMentioned => "Not mentioned",
        }
    }
}

/// How a grade moved from one report to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Up,
    Down,
    Same,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
            Change::Same => "same",
        }
    }

    /// An arrow for tables: ▲ ▼ =.
    pub fn arrow(self) -> &'static str {
        match self {
            Change::Up => "\u{25b2}",
            Change::Down => "\u{25bc}",
            Change::Same => "=",
        }
    }

    pub(crate) fn of(before: u8, after: u8) -> Change {
        match after.cmp(&before) {
            std::cmp::Ordering::Greater => Change::Up,
            std::cmp::Ordering::Less => Change::Down,
            std::cmp::Ordering::Equal => Change::Same,
        }
    }
}

/// One report of the series, as the view heads its column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesDoc {
    /// Its position in the list `since` was given (the caller's order).
    pub index: usize,
    pub source: String,
    /// ISO date: the report's publication date, else the last date of its inspection.
    pub date: Option<String>,
    pub published: Option<String>,
    pub period: Option<String>,
    pub framework: Option<String>,
}

/// A grade or score in one report of the series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// "Good", "Requires improvement to be good", or a CQC score "3".
    pub text: String,
    /// 1 (worst) to 4 (best), for colour and change.
    pub rank: u8,
    /// The area as this report words it.
    pub area: String,
    pub span: Span,
}

/// One row of grades over time: a judgement area (across frameworks) or a CQC statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeRow {
    pub area: String,
    /// One per report, in date order; `None` where the report has no grade for it.
    pub cells: Vec<Option<Cell>>,
    /// From the last report before the latest that has one to the latest.
    pub change: Option<Change>,
}

/// Where a matching sentence sits in the later report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Match {
    pub text: String,
    pub span: Span,
    /// `stated_list` for the later report's own list, `finding` for a classed sentence.
    pub origin: Origin,
    /// The finding's class, for findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<Class>,
    /// Cosine similarity of the two wordings' terms, 0–1.
    pub similarity: f32,
    /// The terms both share, most telling first.
    pub shared: Vec<String>,
}

/// An earlier stated gap and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowThrough {
    pub text: String,
    pub section: Option<String>,
    /// In the earlier report.
    pub span: Span,
    pub status: Status,
    /// The later sentence that decided it (absent when not mentioned, unless a weak one exists).
    pub evidence: Option<Match>,
    /// The next closest of the later report's own items, shortfalls and strengths (at most
    /// [`ALSO`], closest first, each at least [`NOTHING_CLOSE`]): where a reader checking the
    /// status looks next. The sentence a careful reader chose is more often among these than
    /// first (README, "Since last time").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Match>,
    /// The status a reader gave after checking, when they changed it in the page; exports and
    /// counts use it in place of `status` (see [`FollowThrough::given`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Status>,
    /// How close the later report's sentences of each kind came (for benchmarks; not exported).
    #[serde(skip)]
    pub closeness: Closeness,
}

/// How close an earlier item came to the later report's sentences: the measures its status is
/// decided from (see [`decide`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Closeness {
    /// The closest later stated item.
    pub stated: f32,
    /// The closest later shortfall and strength.
    pub gap: f32,
    pub strength: f32,
    /// The mean of the three closest of each.
    pub gap3: f32,
    pub strength3: f32,
    /// Addressed to a Local Safeguarding Children Board.
    pub board: bool,
}

impl Closeness {
    /// The measures in the order of a row of [`DECISION`].
    pub fn features(&self) -> [f32; DECISION_FEATURES] {
        [self.stated, self.gap, self.strength, self.gap3, self.strength3, f32::from(u8::from(self.board))]
    }
}

/// A figure both reports state, and how it moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricChange {
    pub label: String,
    pub unit: Unit,
    pub earlier: f64,
    pub later: f64,
    pub change: f64,
    /// Whether the move is for the better, when the measure has a known better direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better: Option<bool>,
    pub earlier_span: Span,
    pub later_span: Span,
}

/// A later report's own sentence about the last inspection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub span: Span,
}

/// A series lined up: see the module docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Since {
    pub council: Option<String>,
    pub kind: Kind,
    /// The reports in date order (oldest first).
    pub docs: Vec<SeriesDoc>,
    pub grades: Vec<GradeRow>,
    /// The earlier report's stated gaps (the one before the latest), followed through to the latest.
    pub follow_through: Vec<FollowThrough>,
    /// The latest report's stated gaps that no earlier stated gap matches.
    pub new_gaps: Vec<Item>,
    pub about_last: Vec<Quote>,
    pub metrics: Vec<MetricChange>,
    pub warnings: Vec<String>,
}

impl FollowThrough {
    /// The status to report: the reader's when they checked and changed it, else the analyser's.
    pub fn given(&self) -> Status {
        self.checked.unwrap_or(self.status)
    }
}

impl Since {
    /// How many earlier items have each status as given (a reader's check first): (recurs,
    /// improved, not mentioned).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |s: Status| self.follow_through.iter().filter(|f| f.given() == s).count();
        (n(Status::Recurs), n(Status::Improved), n(Status::NotMentioned))
    }

    /// How many statuses a reader changed.
    pub fn checked(&self) -> usize {
        self.follow_through.iter().filter(|f| f.checked.is_some()).count()
    }

    /// Set (or with `None` clear) the reader's status of earlier item `k`; a status equal to the
    /// analyser's clears it. Out of range does nothing.
    pub fn check(&mut self, k: usize, status: Option<Status>) {
        if let Some(f) = self.follow_through.get_mut(k) {
            f.checked = status.filter(|s| *s != f.status);
        }
    }
}

/// A council's name reduced to what tells councils apart: "Middlesbrough Borough Council",
/// "Middlesbrough Council" and "MIDDLESBROUGH" are one; "Bristol, City of" and "Bristol City
/// Council" are one. The same key the official record is matched by (`context::name_key`).
pub fn council_key(name: &str) -> String {
    super::context::name_key(name)
}

/// A report's date for ordering: its publication date, else the last date of its period.
pub fn report_date(r: &Report) -> Option<String> {
    if let Some(p) = &r.published {
        return Some(p.clone());
    }
    let period = r.period.as_deref()?;
    // "25 November 2019 to 6 December 2019", "1/06/2015 – 25/06/2015": the last date written.
    let mut last = None;
    let mut rest = period;
    while let Some(d) = parse_date(rest) {
        last = Some(d);
        let cut = rest.find([' ', '\u{2013}', '-']).map(|i| i + 1).unwrap_or(rest.len());
        rest = rest.get(cut..).unwrap_or("");
        if rest.is_empty() {
            break;
        }
    }
    last
}

/// Groups of reports that belong together: the same council (by [`council_key`]), the same
/// kind, at least two different dates. Each group lists positions in `reports`, oldest first.
/// Committee papers and documents of unknown kind or council are never grouped.
pub fn series(reports: &[&Report]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(String, Kind, Vec<usize>)> = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        if matches!(r.kind, Kind::Unknown | Kind::CommitteePapers) {
            continue;
        }
        // A council's reports by its name; a care provider's by its service's.
        let Some(key) = r.subject().map(council_key).filter(|k| !k.is_empty()) else { continue };
        match groups.iter_mut().find(|(k, kind, _)| *k == key && *kind == r.kind) {
            Some(g) => g.2.push(i),
            None => groups.push((key, r.kind, vec![i])),
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, _, mut members)| {
            members.sort_by_key(|&i| report_date(reports[i]));
            let mut dates: Vec<Option<String>> = members.iter().map(|&i| report_date(reports[i])).collect();
            dates.dedup();
            (dates.len() >= 2 && dates.iter().all(Option::is_some)).then_some(members)
        })
        .collect()
}

/// Line up `reports` (any order; they should be one council's, of one kind): see the module docs.
pub fn since(reports: &[&Report]) -> Since {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by_key(|&i| report_date(reports[i]));
    let sorted: Vec<&Report> = order.iter().map(|&i| reports[i]).collect();
    let mut warnings = Vec::new();
    let kind = sorted.last().map(|r| r.kind).unwrap_or(Kind::Unknown);
    let council = sorted.last().and_then(|r| r.subject().map(str::to_string));
    let keys: Vec<String> = sorted.iter().filter_map(|r| r.subject().map(council_key)).collect();
    if keys.windows(2).any(|w| w[0] != w[1]) {
        warnings.push("These reports name different councils; lined up as asked, but they may not be one council's series.".into());
    }
    if sorted.iter().any(|r| r.kind != kind) {
        warnings.push("These reports are of different kinds; grades are lined up only where their areas match.".into());
    }
    if sorted.iter().any(|r| report_date(r).is_none()) {
        warnings.push("A report's date could not be read, so the order of the reports may be wrong.".into());
    }
    let docs = order
        .iter()
        .map(|&i| {
            let r = reports[i];
            SeriesDoc {
                index: i,
                source: r.source.clone(),
                date: report_date(r),
                published: r.published.clone(),
                period: r.period.clone(),
                framework: r.framework.map(|f| f.as_str().to_string()),
            }
        })
        .collect();
    let grades = grade_rows(&sorted);
    let (follow_through, new_gaps, about_last, metrics) = match sorted.as_slice() {
        [.., earlier, later] => {
            let (follow, new) = follow_through(earlier, later);
            if earlier.gaps.iter().all(|g| g.origin != Origin::StatedList) {
                warnings.push(
                    "The earlier report has no list of what needs to improve that could be read, so there is nothing to follow through."
                        .into(),
                );
            }
            (follow, new, about_last(later), metric_changes(earlier, later))
        }
        _ => {
            warnings.push("Since last time needs two reports of one council.".into());
            (Vec::new(), Vec::new(), Vec::new(), Vec::new())
        }
    };
    Since { council, kind, docs, grades, follow_through, new_gaps, about_last, metrics, warnings }
}

/// The row a grade belongs to: a judgement theme's title, a CQC statement, or the area as worded.
fn row_key(j: &Judgement) -> String {
    JudgementTheme::of(&j.area).map(|t| t.title().to_string()).unwrap_or_else(|| j.area.clone())
}

fn grade_rows(sorted: &[&Report]) -> Vec<GradeRow> {
    let mut rows: Vec<(Option<JudgementTheme>, String, Vec<Option<Cell>>)> = Vec::new();
    let n = sorted.len();
    let mut put = |theme: Option<JudgementTheme>, key: String, k: usize, cell: Cell| {
        let at = match rows.iter().position(|(_, r, _)| *r == key) {
            Some(at) => at,
            None => {
                rows.push((theme, key, vec![None; n]));
                rows.len() - 1
            }
        };
        if rows[at].2[k].is_none() {
            rows[at].2[k] = Some(cell);
        }
    };
    for (k, r) in sorted.iter().enumerate() {
        if let Some(o) = &r.overall {
            put(
                Some(JudgementTheme::Overall),
                JudgementTheme::Overall.title().into(),
                k,
                Cell { text: o.rating.as_str().into(), rank: o.rating.rank(), area: "Overall rating".into(), span: o.span },
            );
        }
        for j in r.judgements.iter().filter(|j| j.scope.is_none()) {
            put(
                JudgementTheme::of(&j.area),
                row_key(j),
                k,
                Cell { text: j.grade.as_str().into(), rank: j.grade.rank(), area: j.area.clone(), span: j.span },
            );
        }
        for s in &r.scores {
            put(
                None,
                s.statement.clone(),
                k,
                Cell { text: s.score.to_string(), rank: s.score.clamp(1, 4), area: s.statement.clone(), span: s.span },
            );
        }
    }
    // Judgement themes in their table order, then statements as the first report gave them.
    rows.sort_by_key(|(t, _, _)| t.map_or(u8::MAX, |t| t as u8));
    rows.into_iter()
        .map(|(theme, area, cells)| {
            // The overall row as every report words it when they agree (CQC's "Overall rating",
            // Ofsted's "Overall experiences and progress of children and young people" for a
            // children's home), else the theme's name.
            let mut worded = cells.iter().flatten().map(|c| c.area.as_str());
            let first = worded.next();
            let area = match first {
                Some(w) if theme == Some(JudgementTheme::Overall) && worded.all(|x| x == w) => w.to_string(),
                _ => area,
            };
            let ranks: Vec<u8> = cells.iter().flatten().map(|c| c.rank).collect();
            let change = match (cells.last(), ranks.len()) {
                (Some(Some(last)), 2..) => Some(Change::of(ranks[ranks.len() - 2], last.rank)),
                _ => None,
            };
            GradeRow { area, cells, change }
        })
        .collect()
}

// ---- wording to terms ------------------------------------------------------------------------

/// The report's many names for one matter, folded onto one term (phrases before words).
const SYNONYMS: &[(&str, &str)] = &[
    ("looked after", "care"),
    ("in care", "care"),
    ("children in care", "care"),
    ("care experienced", "leaver"),
    ("care leavers", "leaver"),
    ("care leaver", "leaver"),
    ("leaving care", "leaver"),
    ("care-experienced", "leaver"),
    ("go missing", "missing"),
    ("going missing", "missing"),
    ("missing from home", "missing"),
    ("return home interviews", "missing"),
    ("return home interview", "missing"),
    ("pre-proceedings", "proceedings"),
    ("public law outline", "proceedings"),
    ("plo", "proceedings"),
    ("court", "proceedings"),
    ("life-story", "lifestory"),
    ("life story", "lifestory"),
    ("later life letters", "lifestory"),
    ("mental health", "emotional"),
    ("emotional wellbeing", "emotional"),
    ("emotional health", "emotional"),
    ("camhs", "emotional"),
    ("employment education or training", "eet"),
    ("education employment or training", "eet"),
    ("education employment and training", "eet"),
    ("employment education and training", "eet"),
    ("neet", "eet"),
    ("early permanence", "permanence"),
    ("permanency", "permanence"),
    ("child sexual exploitation", "exploitation"),
    ("criminal exploitation", "exploitation"),
    ("extra-familial", "exploitation"),
    ("cse", "exploitation"),
    ("cce", "exploitation"),
    ("homes", "sufficiency"),
    ("placements", "sufficiency"),
    ("placement", "sufficiency"),
    ("sufficiency", "sufficiency"),
    ("accommodation", "housing"),
    ("homeless", "housing"),
    ("homelessness", "housing"),
    ("designated officer", "allegation"),
    ("lado", "allegation"),
    ("allegations", "allegation"),
    ("independent reviewing officers", "iro"),
    ("independent reviewing officer", "iro"),
    ("child protection chairs", "iro"),
    ("child protection conference chairs", "iro"),
    ("supervision", "oversight"),
    ("management oversight", "oversight"),
    ("managerial oversight", "oversight"),
    ("quality assurance", "audit"),
    ("audits", "audit"),
    ("auditing", "audit"),
    ("caseloads", "caseload"),
    ("workloads", "caseload"),
    ("recruitment", "workforce"),
    ("retention", "workforce"),
    ("agency staff", "workforce"),
    ("staff turnover", "workforce"),
    ("disabled children", "disab"),
    ("disabilities", "disab"),
    ("disability", "disab"),
    ("disabled", "disab"),
    ("pathway plans", "pathway"),
    ("pathway planning", "pathway"),
    ("private fostering", "privatefostering"),
    ("privately fostered", "privatefostering"),
    ("strategy meetings", "strategy"),
    ("strategy discussions", "strategy"),
    ("section 47", "enquiry"),
    ("child protection enquiries", "enquiry"),
    ("front door", "referral"),
    ("mash", "referral"),
    ("contacts", "referral"),
    ("early help", "earlyhelp"),
    ("16- and 17-year-olds", "housing"),
    ("16 and 17 year olds", "housing"),
    ("delay", "timely"),
    ("drift", "timely"),
    ("timeliness", "timely"),
    ("timely", "timely"),
    ("timescales", "timely"),
    ("partner agencies", "partner"),
    ("partnership", "partner"),
    ("partners", "partner"),
    ("multi-agency", "partner"),
    ("education", "education"),
    ("school", "education"),
    ("virtual school", "education"),
    ("personal education plans", "education"),
    ("personal education plan", "education"),
    ("peps", "education"),
    ("pep", "education"),
    ("iros", "iro"),
    ("mach", "referral"),
    ("diversity", "identity"),
    ("culture", "identity"),
    ("cultural", "identity"),
    ("ethnicity", "identity"),
    ("identities", "identity"),
];

/// Words too common in these reports to tell matters apart (IDF does the rest).
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "and",
    "or",
    "for",
    "with",
    "by",
    "at",
    "from",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "be",
    "been",
    "being",
    "was",
    "were",
    "has",
    "have",
    "had",
    "their",
    "they",
    "them",
    "it",
    "its",
    "which",
    "who",
    "whom",
    "so",
    "as",
    "all",
    "any",
    "some",
    "more",
    "most",
    "than",
    "there",
    "where",
    "when",
    "what",
    "how",
    "into",
    "such",
    "other",
    "including",
    "include",
    "particularly",
    "ensure",
    "ensuring",
    "improve",
    "improving",
    "improvement",
    "improved",
    "need",
    "needs",
    "should",
    "must",
    "also",
    "not",
    "no",
    "can",
    "will",
    "would",
    "well",
    "levels",
    "level",
    "through",
    "both",
    "each",
    // Words of verdict and of practice in general: they say how a matter stands, not which
    // matter it is, so they must not make two sentences about different matters look alike.
    "children",
    "child",
    "young",
    "people",
    "person",
    "families",
    "family",
    "social",
    "work",
    "workers",
    "worker",
    "practice",
    "practitioners",
    "quality",
    "effective",
    "effectiveness",
    "effectively",
    "good",
    "better",
    "strong",
    "weak",
    "consistent",
    "consistently",
    "inconsistent",
    "clear",
    "clearly",
    "appropriate",
    "appropriately",
    "timely",
    "understand",
    "understanding",
    "understood",
    "support",
    "supported",
    "supports",
    "supporting",
    "response",
    "respond",
    "responds",
    "responses",
    "ensure",
    "ensures",
    "ensured",
    "outcome",
    "outcomes",
    "meet",
    "meeting",
    "meets",
    "needs",
    "need",
    "make",
    "makes",
    "made",
    "use",
    "used",
    "all",
    "many",
    "most",
    "few",
    "some",
    "always",
    "sufficient",
    "sufficiently",
    "suitable",
    "high",
    "well",
    "local",
    "authority",
    "leaders",
    "managers",
    "staff",
    "service",
    "services",
    "provide",
    "provided",
    "provides",
    "receive",
    "receives",
    "received",
    "help",
    "helps",
    "helped",
    "access",
    "standard",
    "standards",
    "range",
    "now",
    "yet",
    "still",
    "further",
    "continue",
    "continues",
    "progress",
    "identified",
    "identify",
    "this",
    "there",
    "they",
    "their",
    "our",
    "whether",
    "because",
    "why",
    "take",
    "taken",
    "takes",
    "way",
    "ways",
    "account",
];

/// A light stemmer: enough that "assessments", "assessed" and "assessing" meet.
fn stem(w: &str) -> String {
    let mut s = w.to_string();
    for suffix in ["ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ly", "ed", "es", "s"] {
        if s.len() > suffix.len() + 3 && s.ends_with(suffix) {
            s.truncate(s.len() - suffix.len());
            if suffix == "ies" || suffix == "ied" {
                s.push('y');
            }
            // "planning" → "plan", "referred" → "refer" (not "assess", "skill").
            let b = s.as_bytes();
            if matches!(suffix, "ing" | "ings" | "ed")
                && b.len() > 3
                && b[b.len() - 1] == b[b.len() - 2]
                && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
            {
                s.pop();
            }
            break;
        }
    }
    if s.len() > 4 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// A wording's terms, in order (repeats kept).
pub fn terms(text: &str) -> Vec<String> {
    let mut t = format!(" {} ", super::text::norm(text).replace(['(', ')', ',', ';', ':', '.', '\'', '"'], " "));
    t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t = format!(" {t} ");
    let mut out = Vec::new();
    for (phrase, term) in SYNONYMS.iter().filter(|(p, _)| p.contains(' ') || p.contains('-')) {
        let needle = format!(" {phrase} ");
        while let Some(at) = t.find(&needle) {
            out.push((*term).to_string());
            t.replace_range(at..at + needle.len(), " ");
        }
    }
    for w in t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| w.len() > 1) {
        let w = w.trim_matches('-');
        if w.is_empty() || STOP.contains(&w) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        match SYNONYMS.iter().find(|(p, _)| *p == w) {
            Some((_, term)) => out.push((*term).to_string()),
            None => out.push(stem(w)),
        }
    }
    out
}

/// Sentences as weighted term vectors, with the rarity of each term across them all.
struct Space {
    idf: FastMap<String, f32>,
}

impl Space {
    fn new(docs: &[Vec<String>]) -> Space {
        let mut df: FastMap<String, usize> = FastMap::default();
        for d in docs {
            let mut seen: Vec<&String> = d.iter().collect();
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t.clone()).or_default() += 1;
            }
        }
        let n = docs.len().max(1) as f32;
        Space { idf: df.into_iter().map(|(t, d)| (t, (1.0 + n / d as f32).ln())).collect() }
    }

    fn vector(&self, terms: &[String]) -> FastMap<String, f32> {
        let mut v: FastMap<String, f32> = FastMap::default();
        for t in terms {
            *v.entry(t.clone()).or_default() += 1.0;
        }
        for (t, w) in v.iter_mut() {
            *w = (1.0 + w.ln()) * self.idf.get(t).copied().unwrap_or(1.0);
        }
        v
    }

    /// Cosine similarity and the shared terms, heaviest first.
    fn compare(a: &FastMap<String, f32>, b: &FastMap<String, f32>) -> (f32, Vec<String>) {
        let norm = |v: &FastMap<String, f32>| v.values().map(|x| x * x).sum::<f32>().sqrt();
        let (na, nb) = (norm(a), norm(b));
        if na == 0.0 || nb == 0.0 {
            return (0.0, Vec::new());
        }
        let mut shared: Vec<(&String, f32)> = a.iter().filter_map(|(t, x)| b.get(t).map(|y| (t, x * y))).collect();
        let dot: f32 = shared.iter().map(|(_, p)| p).sum();
        shared.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(y.0)));
        (dot / (na * nb), shared.into_iter().map(|(t, _)| t.clone()).collect())
    }
}

/// What a reader of the statuses should know, said beside them in the page and the Markdown
/// export: how they are made and how far they agree with a careful reader (README, "Measured":
/// 61.8% on the held-out series, 68.1% on the development series left out one at a time).
pub const HOW_READ: &str = "Matched by the meaning of the wording (shared words, stems and social-care synonyms, rarer \
words counting more): how close the later report's shortfalls, strengths and own list come decides. A first reading to \
check against the later report's words, not an inspector's: on reports it was not built from, about six statuses in ten \
agree with a careful reader.";

/// A later stated item this close to an earlier one is the same gap stated again (it is not
/// listed among the later report's new gaps).
const SAME_GAP: f32 = 0.30;

/// How many measures [`Closeness::features`] gives.
pub const DECISION_FEATURES: usize = 6;

/// The decision: one row per status (recurs, improved, not mentioned), a weight per measure of
/// [`Closeness::features`] and a bias last. A multinomial logistic regression fitted to the
/// statuses a reader gave 320 earlier items of 19 development series
/// (`cargo run --release --example since -- train` rewrites this file; `-- cv` scores it leaving
/// one series out at a time).
#[path = "since_decision.rs"]
mod decision;
pub use decision::DECISION;

/// Below this nothing later speaks of the item: the decision was fitted on items whose closest
/// later sentence came at least 0.11 close, and says nothing about less.
const NOTHING_CLOSE: f32 = 0.10;

/// How many more close later sentences an item lists beside its evidence.
pub const ALSO: usize = 4;

/// The status the decision gives an item of this closeness.
pub fn decide(c: &Closeness) -> Status {
    decide_with(&DECISION, c)
}

/// The same with other weights (for training and cross-validation).
pub fn decide_with(w: &[[f32; DECISION_FEATURES + 1]; 3], c: &Closeness) -> Status {
    if c.stated.max(c.gap).max(c.strength) < NOTHING_CLOSE {
        return Status::NotMentioned;
    }
    let x = c.features();
    let score = |row: &[f32; DECISION_FEATURES + 1]| row[DECISION_FEATURES] + x.iter().zip(row).map(|(a, b)| a * b).sum::<f32>();
    let s = w.map(|row| score(&row));
    let k = (0..3).fold(0, |best, k| if s[k] > s[best] { k } else { best });
    [Status::Recurs, Status::Improved, Status::NotMentioned][k]
}

struct Candidate<'r> {
    text: &'r str,
    span: Span,
    origin: Origin,
    class: Option<Class>,
    vector: FastMap<String, f32>,
}

fn follow_through(earlier: &Report, later: &Report) -> (Vec<FollowThrough>, Vec<Item>) {
    let stated = |r: &Report| -> Vec<Item> { r.gaps.iter().filter(|g| g.origin == Origin::StatedList).cloned().collect() };
    let (before, after) = (stated(earlier), stated(later));
    let mut all: Vec<Vec<String>> = before.iter().map(|g| terms(&g.text)).collect();
    let later_sentences: Vec<(&str, Span, Origin, Option<Class>)> = after
        .iter()
        .map(|g| (g.text.as_str(), g.span, Origin::StatedList, None))
        .chain(later.findings.iter().map(|f| (f.text.as_str(), f.span, Origin::Finding, Some(f.class))))
        .collect();
    let later_terms: Vec<Vec<String>> = later_sentences.iter().map(|(t, ..)| terms(t)).collect();
    all.extend(later_terms.iter().cloned());
    let space = Space::new(&all);
    let candidates: Vec<Candidate> = later_sentences
        .iter()
        .zip(&later_terms)
        .map(|((text, span, origin, class), t)| Candidate { text, span: *span, origin: *origin, class: *class, vector: space.vector(t) })
        .collect();
    let matched = |c: &Candidate, similarity: f32, shared: Vec<String>| Match {
        text: c.text.to_string(),
        span: c.span,
        origin: c.origin,
        class: c.class,
        similarity: (similarity * 1000.0).round() / 1000.0,
        shared: shared.into_iter().take(6).collect(),
    };
    let mut later_matched = vec![false; after.len()];
    let follow = before
        .iter()
        .map(|g| {
            // An item of several sentences ("Ensure … Identify why … Determine …") is as close
            // to a later sentence as its closest sentence is.
            let parts: Vec<FastMap<String, f32>> = item_sentences(&g.text).iter().map(|p| space.vector(&terms(p))).collect();
            let scored: Vec<(usize, f32, Vec<String>)> = candidates
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let (s, shared) =
                        parts.iter().map(|v| Space::compare(v, &c.vector)).max_by(|a, b| a.0.total_cmp(&b.0)).unwrap_or((0.0, Vec::new()));
                    (k, s, shared)
                })
                .collect();
            let best = |keep: &dyn Fn(&Candidate) -> bool| {
                scored.iter().filter(|(k, ..)| keep(&candidates[*k])).max_by(|a, b| a.1.total_cmp(&b.1)).cloned()
            };
            let stated_best = best(&|c| c.origin == Origin::StatedList);
            let gap_best = best(&|c| c.class == Some(Class::Gap));
            let strength_best = best(&|c| c.class == Some(Class::Strength));
            if let Some((k, s, _)) = &stated_best {
                if *s >= SAME_GAP {
                    later_matched[*k] = true;
                }
            }
            // The three later findings of each side closest to the item: a reader weighs what
            // the report says about the matter, not one sentence.
            let top3 = |c: Class| {
                let mut v: Vec<f32> = scored.iter().filter(|(k, ..)| candidates[*k].class == Some(c)).map(|x| x.1).collect();
                v.sort_by(|a, b| b.total_cmp(a));
                v.iter().take(3).sum::<f32>() / 3.0
            };
            let closeness = Closeness {
                stated: stated_best.as_ref().map_or(0.0, |x| x.1),
                gap: gap_best.as_ref().map_or(0.0, |x| x.1),
                strength: strength_best.as_ref().map_or(0.0, |x| x.1),
                gap3: top3(Class::Gap),
                strength3: top3(Class::Strength),
                board: g.scope.is_some(),
            };
            let status = decide(&closeness);
            // The words shown beside the status: the later list's own item when it states the gap
            // again (`SAME_GAP`) or comes at least as close as any later shortfall, else the
            // closest later sentence on the status's side.
            let shown = match status {
                Status::Recurs if closeness.stated >= SAME_GAP || closeness.stated >= closeness.gap => stated_best,
                Status::Recurs => gap_best,
                Status::Improved => strength_best,
                Status::NotMentioned => None,
            };
            let shown_at = shown.as_ref().map(|x| x.0);
            let evidence = shown.map(|(k, s, shared)| matched(&candidates[k], s, shared));
            // The next closest later items, shortfalls and strengths (neutral findings say
            // nothing of how the matter stands).
            let mut near: Vec<&(usize, f32, Vec<String>)> = scored
                .iter()
                .filter(|(k, s, _)| {
                    let c = &candidates[*k];
                    Some(*k) != shown_at
                        && *s >= NOTHING_CLOSE
                        && (c.origin == Origin::StatedList || matches!(c.class, Some(Class::Gap | Class::Strength)))
                })
                .collect();
            near.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let also = near.into_iter().take(ALSO).map(|(k, s, shared)| matched(&candidates[*k], *s, shared.clone())).collect();
            FollowThrough {
                text: g.text.clone(),
                section: g.section.clone(),
                span: g.span,
                status,
                evidence,
                also,
                checked: None,
                closeness,
            }
        })
        .collect();
    let new = after.into_iter().zip(later_matched).filter(|(_, m)| !m).map(|(g, _)| g).collect();
    (follow, new)
}

/// An item's sentences, without its references to the report's paragraphs ("(paragraphs 18,
/// 28, 130)"), which say where, not what.
fn item_sentences(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("(paragraph") {
        plain.push_str(&rest[..at]);
        rest = rest[at..].find(')').and_then(|e| rest.get(at + e + 1..)).unwrap_or("");
    }
    plain.push_str(rest);
    let mut out: Vec<String> = Vec::new();
    let mut start = 0;
    let b = plain.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.' && b.get(i + 1) == Some(&b' ') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            out.push(plain[start..=i].to_string());
            start = i + 2;
        }
    }
    out.push(plain[start.min(plain.len())..].to_string());
    out.retain(|s| !s.trim().is_empty());
    if out.is_empty() {
        out.push(text.to_string());
    }
    out
}

/// The later report's sentences about the last inspection ("Since the last inspection in 2019…").
fn about_last(later: &Report) -> Vec<Quote> {
    const SAYS: &[&str] = &[
        "since the last inspection",
        "since the previous inspection",
        "at the last inspection",
        "at the previous inspection",
        "the last inspection",
        "the previous inspection",
        "last inspected",
        "since the last ilacs",
        "since the last standard inspection",
        "the last standard inspection",
        "since the focused visit",
        "the previous judgement",
    ];
    let mut out: Vec<Quote> = Vec::new();
    for f in &later.findings {
        let n = super::text::norm(&f.text);
        if SAYS.iter().any(|s| n.contains(s)) && !out.iter().any(|q| q.span == f.span) {
            out.push(Quote { text: f.text.clone(), span: f.span });
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

fn metric_changes(earlier: &Report, later: &Report) -> Vec<MetricChange> {
    let key = |m: &Metric| terms(&m.label).join(" ");
    let mut out = Vec::new();
    for m in &later.metrics {
        let k = key(m);
        if k.is_empty() {
            continue;
        }
        if let Some(e) = earlier.metrics.iter().find(|e| e.unit == m.unit && key(e) == k) {
            let change = m.value - e.value;
            let better = super::gaps::better_direction(&m.label).and_then(|d| match d {
                _ if change == 0.0 => None,
                Direction::Higher => Some(change > 0.0),
                Direction::Lower => Some(change < 0.0),
                Direction::Similar => None,
            });
            if !out.iter().any(|c: &MetricChange| c.label == m.label) {
                out.push(MetricChange {
                    label: m.label.clone(),
                    unit: m.unit,
                    earlier: e.value,
                    later: m.value,
                    change,
                    better,
                    earlier_span: e.span,
                    later_span: m.span,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_names_reduce_to_one_key() {
        assert_eq!(council_key("Middlesbrough Borough Council"), council_key("Middlesbrough Council"));
        assert_eq!(council_key("Bristol, City of"), council_key("Bristol City Council"));
        assert_eq!(council_key("London Borough of Merton"), "merton");
        assert_ne!(council_key("North Somerset Council"), council_key("Somerset Council"));
        // An Area SEND partnership and the area a 2016–22 letter names are one.
        assert_eq!(council_key("Hartlepool Local Area Partnership"), council_key("Hartlepool"));
    }

    /// A care provider's reports pair by the service's name, and their ratings line up by key
    /// question; another service's report stays apart.
    #[test]
    fn a_care_provider_s_reports_over_time() {
        let page = |name: &str, date: &str, overall: &str, safe: &str| {
            format!(
                "{name}\nInspection report\nDate of inspection visit:\n{date}\nRatings\nOverall rating for this service {overall}\n\
                 Is the service safe? {safe}\nIs the service well-led? Good\n"
            )
        };
        let a = crate::analysis::analyse(&page("Oakfield House", "3 May 2019", "Good", "Good"));
        let b = crate::analysis::analyse(&page("Oakfield House", "14 March 2023", "Requires Improvement", "Inadequate"));
        let c = crate::analysis::analyse(&page("Elm Lodge", "1 June 2022", "Good", "Good"));
        assert_eq!(series(&[&b, &c, &a]), vec![vec![2, 0]]);
        let s = since(&[&b, &a]);
        assert_eq!(s.council.as_deref(), Some("Oakfield House"));
        let row = |area: &str| s.grades.iter().find(|g| g.area == area).map(|g| g.change);
        assert_eq!(row("Safe"), Some(Some(Change::Down)), "{:?}", s.grades.iter().map(|g| &g.area).collect::<Vec<_>>());
        assert_eq!(row("Well-led"), Some(Some(Change::Same)));
        assert_eq!(row("Overall rating"), Some(Some(Change::Down)));
        assert!(!s.warnings.iter().any(|w| w.contains("different")), "{:?}", s.warnings);
    }

    #[test]
    fn wordings_of_one_matter_share_terms() {
        let a = terms("The response to children who go missing from home, care and education.");
        let b = terms("Return home interviews are not offered to all children who are missing.");
        assert!(a.contains(&"missing".to_string()) && b.contains(&"missing".to_string()), "{a:?} {b:?}");
        assert!(terms("The quality of assessments").contains(&"assess".to_string()));
        assert!(terms("children looked after").contains(&"care".to_string()));
        // Doubled consonants and a final "e" go with the ending; acronyms meet their names.
        assert_eq!(
            terms("planning plans referred increase increasing assessing"),
            ["plan", "plan", "refer", "increas", "increas", "assess"]
        );
        assert_eq!(terms("IROs’ caseloads"), terms("independent reviewing officers caseloads"));
        assert_eq!(terms("PEPs"), terms("personal education plans"));
    }

    #[test]
    fn the_decision_follows_the_closeness() {
        let c = |stated, gap, strength| Closeness { stated, gap, strength, gap3: gap * 0.8, strength3: strength * 0.8, board: false };
        // The later report's list states it again; its findings speak of it only in praise; nothing
        // later is close.
        assert_eq!(decide(&c(0.6, 0.3, 0.2)), Status::Recurs);
        assert_eq!(decide(&c(0.0, 0.1, 0.5)), Status::Improved);
        assert_eq!(decide(&c(0.0, 0.05, 0.05)), Status::NotMentioned);
        // A recommendation to a safeguarding board that later findings touch only in passing.
        assert_eq!(decide(&Closeness { board: true, ..c(0.0, 0.2, 0.2) }), Status::NotMentioned);
    }

    #[test]
    fn items_split_into_sentences_without_paragraph_references() {
        assert_eq!(
            item_sentences("Ensure plans are clear (paragraph 32). Identify why contacts are high (paragraphs 18, 28)."),
            ["Ensure plans are clear .", "Identify why contacts are high ."]
        );
        assert_eq!(item_sentences("One matter only."), ["One matter only."]);
        assert_eq!(item_sentences("(paragraph 1"), ["(paragraph 1"]);
    }

    #[test]
    fn period_gives_the_last_date() {
        let r = Report { period: Some("25 November 2019 to 6 December 2019".into()), ..crate::analysis::analyse("") };
        assert_eq!(report_date(&r).as_deref(), Some("2019-12-06"));
    }
}
