//! Inspections of one registered care provider (kind `provider_inspection`): CQC's reports on a
//! care home, home care agency or other adult social care service, and Ofsted's on a children's
//! home, fostering or adoption agency or residential special school.
//!
//! The conventions, as 52 CQC and 16 Ofsted texts of 2008–2025 show them (pages of CQC's
//! website, reports as PDFs and as copied text, news and providers' pages that retell them):
//! - **CQC, 2014 on**: a ratings table ("Overall rating for this service Good", "Is the service
//!   safe? Requires Improvement" …), or the website's "Overall: Good read more about inspection
//!   ratings"; each key question's section restates its rating ("Safe – this means we looked
//!   for evidence that … At this inspection the rating has changed to good"); the summary says
//!   what became of the overall rating ("Following this assessment the service remains rated
//!   good") and what it was ("The last rating for this service was requires improvement
//!   (published 28 June 2022)"). From 2024 the same ratings come from an "assessment under our
//!   new approach", each key question scored out of 100.
//! - **CQC, 2010–14**: essential standards, met or not: no rating.
//! - **CSCI and CQC, 2008–10**: "The quality rating for this care home is: two star good
//!   service": stars, not today's four-point scale.
//! - **Ofsted, from 2015 (the social care common inspection framework)**: three judgements whose
//!   table is printed in every shape — one run-on paragraph ("Overall experiences and progress
//!   of children and young people, taking into account requires improvement to be good How
//!   well …"), or the grade inside the wrapped heading ("How well children and / young people
//!   are helped / Good / and protected"); "Overall judgement at last inspection: good".
//! - **Ofsted, before 2015**: "The overall effectiveness is judged to be outstanding", or a
//!   table of lines "Overall effectiveness Outstanding".
//!
//! So a heading is found as its words in order with grade words allowed between them, and its
//! grade is the one inside it or just after it, before any full stop.

use super::blocks::Reading;
use super::ofsted::GRADES;
use super::text::{norm, parse_date, Doc};
use super::{Framework, Grade, Judgement, Overall, PreviousGrade, Provider, Regulator, Span};

#[derive(Default)]
pub struct ProviderRead {
    pub provider: Option<Provider>,
    pub framework: Option<Framework>,
    pub overall: Option<Overall>,
    pub judgements: Vec<Judgement>,
    pub previous: Option<PreviousGrade>,
    pub published: Option<String>,
    pub period: Option<String>,
    pub warnings: Vec<String>,
}

/// How much of the text's start holds its ratings table and title page.
const OPENING_BYTES: usize = 20_000;
/// How many words may stand between a heading's end and its grade ("… young people, taking into
/// account requires improvement to be good").
const AFTER_HEADING: usize = 7;

/// CQC's five key questions (`CQC_KEY_QUESTIONS`), with the words of their table rows.
const KEY_QUESTIONS: &[(&str, &str)] = &[
    ("Safe", "is the service safe"),
    ("Effective", "is the service effective"),
    ("Caring", "is the service caring"),
    ("Responsive", "is the service responsive"),
    ("Well-led", "is the service well-led"),
];

/// Ofsted's judgements of a provider, as the JSON names them, with the words that find each.
const OFSTED_JUDGEMENTS: &[(&str, &str)] = &[
    ("Overall experiences and progress of children and young people", "experiences and progress of children"),
    ("How well children and young people are helped and protected", "how well children and young people are helped and protected"),
    ("The effectiveness of leaders and managers", "effectiveness of leaders and managers"),
    // Before 2015, and residential special schools' reports.
    ("Overall effectiveness of the residential experience", "overall effectiveness of the residential experience"),
    ("Overall effectiveness", "overall effectiveness"),
    ("Outcomes for children and young people", "outcomes for children and young people"),
    ("Quality of care", "quality of care"),
    ("Safeguarding children and young people", "safeguarding children and young people"),
    ("Leadership and management", "leadership and management"),
    // A residential special school's report judges the school too.
    ("Effectiveness of leadership and management", "effectiveness of leadership and management"),
    ("Pupils' achievement", "pupils' achievement"),
    ("Pupils' behaviour and personal development", "pupils' behaviour and personal development"),
    ("Quality of teaching", "quality of teaching"),
    ("Quality of curriculum", "quality of curriculum"),
    ("Pupils' welfare, health and safety", "pupils' welfare health and safety"),
    ("Personal development, behaviour and welfare", "personal development behaviour and welfare"),
    ("Outcomes for pupils", "outcomes for pupils"),
];

/// One word of the opening, with its byte range in the input.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(input: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in input.char_indices() {
        let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '\u{2019}' | '-'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i, text: &input[s..i] });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: input.len(), text: &input[s..] });
    }
    out
}

/// The grade that starts at word `i`, and how many words it takes.
/// The same word, whichever apostrophe it is written with.
fn same_word(word: &str, want: &str) -> bool {
    word.len() == want.len() && word.eq_ignore_ascii_case(want) || word.replace('\u{2019}', "'").eq_ignore_ascii_case(want)
}

fn grade_at(ws: &[Word], i: usize) -> Option<(Grade, usize)> {
    GRADES.iter().find_map(|(g, grade)| {
        let fits = g.split(' ').enumerate().all(|(k, w)| ws.get(i + k).is_some_and(|x| x.text.eq_ignore_ascii_case(w)));
        fits.then(|| (*grade, g.split(' ').count()))
    })
}

/// A grade found among the words: the grade, the index of its first word, how many words.
type Found = (Grade, usize, usize);

/// `heading` (lower-case words) starting at word `i`, grade words allowed between its words:
/// the index of its last word, and a grade found between them.
fn heading_at(ws: &[Word], heading: &[&str], i: usize) -> Option<(usize, Option<Found>)> {
    if !same_word(ws.get(i)?.text, heading.first()?) {
        return None;
    }
    let (mut j, mut k, mut inside) = (i + 1, 1, None);
    while k < heading.len() {
        let w = ws.get(j)?;
        if same_word(w.text, heading[k]) {
            k += 1;
            j += 1;
        } else if let Some((g, n)) = grade_at(ws, j).filter(|_| inside.is_none()) {
            inside = Some((g, j, n));
            j += n;
        } else {
            return None;
        }
    }
    Some((j - 1, inside))
}

/// Where `heading` first occurs from word `from`: its first and last word, and a grade inside.
fn find_heading(ws: &[Word], heading: &[&str], from: usize) -> Option<(usize, usize, Option<Found>)> {
    (from..ws.len()).find_map(|i| heading_at(ws, heading, i).map(|(b, inside)| (i, b, inside)))
}

/// A judgement table's rows: each heading's first occurrence that has a grade inside it or
/// within a few words after it, before a full stop and before the next heading.
fn table_rows(input: &str, ws: &[Word], rows: &[(&'static str, &str)], after: usize) -> Vec<(&'static str, Grade, Span)> {
    let mut out: Vec<(&'static str, Grade, Span)> = Vec::new();
    let starts: Vec<Vec<&str>> = rows.iter().map(|(_, h)| h.split(' ').collect()).collect();
    for (r, (name, _)) in rows.iter().enumerate() {
        let heading = &starts[r];
        let mut from = 0;
        // A later heading that holds this one ("overall effectiveness of the residential
        // experience" holds "overall effectiveness") is not this one.
        let longer: Vec<&Vec<&str>> = starts.iter().filter(|s| s.len() > heading.len() && s.starts_with(heading)).collect();
        while let Some((a, b, inside)) = find_heading(ws, heading, from) {
            from = b + 1;
            if longer.iter().any(|l| heading_at(ws, l, a).is_some()) {
                continue;
            }
            let grade = inside.or_else(|| {
                (b + 1..(b + 1 + after).min(ws.len())).find_map(|j| {
                    // Another heading starts here, a sentence ended or a negation stands
                    // between ("… was not good enough"): no grade of this one.
                    let gap = input.get(ws[b].end..ws[j].start).unwrap_or(".");
                    let negated =
                        ws[b + 1..j].iter().any(|w| ["not", "no", "never", "nor", "than"].iter().any(|n| w.text.eq_ignore_ascii_case(n)));
                    if gap.contains(['.', ';']) || negated || starts.iter().any(|s| heading_at(ws, s, j).is_some()) {
                        return Some(None);
                    }
                    grade_at(ws, j).map(|(g, n)| Some((g, j, n)))
                })?
            });
            if let Some((g, j, n)) = grade {
                let end = ws[j + n - 1].end.max(ws[b].end);
                out.push((name, g, (ws[a].start, end)));
                break;
            }
        }
    }
    out.sort_by_key(|(_, _, s)| s.0);
    out
}

/// Which regulator's report this is, from its wording.
fn regulator(lower: &str) -> Regulator {
    const OFSTED: &[&str] = &[
        "ofsted",
        "children's home",
        "fostering agency",
        "adoption",
        "social care common inspection",
        "unique reference number",
        "residential special school",
        "children and young people",
    ];
    const CQC: &[&str] = &[
        "care quality commission",
        "cqc",
        "csci",
        "is the service",
        "provided and run by",
        "care home",
        "people who use",
        "people using the service",
        "health and social care act",
    ];
    let count = |ps: &[&str]| ps.iter().filter(|p| lower.contains(*p)).count();
    if count(OFSTED) > count(CQC) {
        Regulator::Ofsted
    } else {
        Regulator::Cqc
    }
}

pub fn read(doc: &Doc, reading: &Reading, input: &str) -> ProviderRead {
    let mut cut = OPENING_BYTES.min(input.len());
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let opening = &input[..cut];
    let lower = norm(opening);
    let ws = words(opening);
    let regulator = regulator(&lower);
    let mut out = ProviderRead::default();
    match regulator {
        Regulator::Cqc => read_cqc(doc, reading, opening, &ws, &mut out),
        Regulator::Ofsted => read_ofsted(reading, opening, &ws, &mut out),
    }
    out.previous = previous(reading);
    out.published = published(doc);
    out.period = period(doc, opening);
    out.framework = Some(framework(regulator, &lower));
    let (service, reference) = service(doc, regulator, &lower);
    out.provider = Some(Provider {
        regulator,
        service,
        service_type: service_type(&lower, regulator),
        registered_provider: registered_provider(doc),
        reference,
    });
    out.warnings.extend(unread(&out, &lower));
    out
}

fn framework(regulator: Regulator, lower: &str) -> Framework {
    match regulator {
        Regulator::Ofsted
            if lower.contains("social care common inspection framework") || lower.contains("experiences and progress of children") =>
        {
            Framework::OfstedSccif
        }
        Regulator::Ofsted => Framework::OfstedProvider,
        Regulator::Cqc
            if lower.contains("quality rating for this care home")
                || lower.contains("star good service")
                || lower.contains("star excellent service")
                || lower.contains("star adequate service")
                || lower.contains("star poor service")
                || lower.contains("csci found") =>
        {
            Framework::CqcProviderStars
        }
        Regulator::Cqc
            if lower.contains("assessment under our new approach")
                || lower.contains("date of assessment")
                || lower.contains("(out of 100)") =>
        {
            Framework::CqcProviderAssessment
        }
        Regulator::Cqc => Framework::CqcProvider,
    }
}

fn read_cqc(doc: &Doc, reading: &Reading, opening: &str, ws: &[Word], out: &mut ProviderRead) {
    let rows: Vec<(&str, &str)> =
        std::iter::once(("Overall", "overall rating for this service")).chain(KEY_QUESTIONS.iter().copied()).collect();
    for (name, grade, span) in table_rows(opening, ws, &rows, 2) {
        set(out, name, grade, span);
    }
    // Lines: "Overall: Good read more about inspection ratings"; "Safe: Good", or "Safe" with
    // its grade alone on the next line.
    let lines: Vec<usize> = (0..doc.lines.len()).filter(|&i| !doc.lines[i].is_blank()).take(200).collect();
    for (k, &i) in lines.iter().enumerate() {
        let line = &doc.lines[i];
        let n = norm(line.content);
        let names = std::iter::once("Overall").chain(KEY_QUESTIONS.iter().map(|(q, _)| *q));
        for name in names {
            let key = name.to_ascii_lowercase();
            let Some(rest) = n.strip_prefix(&key) else { continue };
            // "Overall summary & rating" / "Requires improvement" (the website, to 2021).
            let rest = if name == "Overall" {
                rest.trim_start().trim_start_matches("summary & rating").trim_start_matches("rating")
            } else {
                rest
            };
            if !(rest.is_empty() || rest.starts_with([':', ' '])) {
                continue;
            }
            let rest = rest.trim_start_matches(':').trim_start();
            let stated = if rest.is_empty() {
                lines
                    .get(k + 1)
                    .and_then(|&j| whole_grade(doc.lines[j].content).map(|g| (g, doc.lines[j].start + doc.lines[j].content.len())))
            } else {
                let grade = GRADES.iter().find(|(g, _)| {
                    rest.strip_prefix(g).is_some_and(|after| after.is_empty() || (name == "Overall" && after.starts_with(" read more")))
                });
                grade.map(|(_, g)| (*g, line.start + line.content.len()))
            };
            if let Some((g, end)) = stated {
                if name == "Overall" && out.overall.is_none() || name != "Overall" && !out.judgements.iter().any(|j| j.area == name) {
                    set(out, name, g, (line.start, end));
                }
            }
        }
    }
    sentences_cqc(reading, out);
}

fn whole_grade(s: &str) -> Option<Grade> {
    let n = norm(s);
    let n = n.trim_end_matches(['.', ' ']);
    GRADES.iter().find(|(g, _)| *g == n).map(|(_, g)| *g)
}

fn set(out: &mut ProviderRead, name: &str, grade: Grade, span: Span) {
    if name == "Overall" {
        if out.overall.is_none() {
            out.overall = Some(Overall { rating: cqc_scale(grade), indicative: false, span });
        }
    } else if !out.judgements.iter().any(|j| j.area == name) {
        out.judgements.push(Judgement::new(name, cqc_scale(grade), span));
    }
}

/// CQC's scale has "Requires improvement", never "… to be good".
fn cqc_scale(g: Grade) -> Grade {
    if g == Grade::RequiresImprovementToBeGood {
        Grade::RequiresImprovement
    } else {
        g
    }
}

/// The grade the words at the start of `s` state ("requires improvement.", "good (published …").
fn grade_opening(s: &str) -> Option<Grade> {
    let s = s.trim_start().trim_start_matches("as ").trim_start_matches(['\'', '"', '\u{2018}', '\u{201c}']);
    GRADES.iter().find_map(|(g, grade)| {
        let after = s.strip_prefix(g)?;
        (after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric())).then_some(*grade)
    })
}

/// What follows the first `cue` in `s`.
fn after<'a>(s: &'a str, cue: &str) -> Option<&'a str> {
    s.find(cue).and_then(|at| s.get(at + cue.len()..))
}

/// The grade after the first of `cues` in `lower`.
fn grade_after(lower: &str, cues: &[&str]) -> Option<Grade> {
    cues.iter().find_map(|c| after(lower, c).and_then(grade_opening))
}

/// Sentences that state a rating: each key question's section ("Safe – this means we looked
/// for evidence that … At this inspection the rating has changed to good") and the summary's
/// ("Following this assessment the service remains rated good"). A rating the table gave is
/// marked as said again; one the table lacks is taken from here.
fn sentences_cqc(reading: &Reading, out: &mut ProviderRead) {
    let mut current: Option<&str> = None;
    let mut last_stated: Option<Grade> = None;
    // Each key question's score out of 100, given to its rating once all are read.
    let mut scores: Vec<(&str, u8)> = Vec::new();
    for s in &reading.sentences {
        let l = s.lower.replace(['\u{2013}', '\u{2014}'], "-");
        for (q, row) in KEY_QUESTIONS {
            let key = q.to_ascii_lowercase();
            if l.starts_with(&format!("{key} - this means"))
                || l.starts_with(&format!("{key} -this means"))
                || l.starts_with(row)
                || l == key
            {
                current = Some(q);
                last_stated = None;
            }
        }
        let about_the_past =
            l.contains("last inspection") || l.contains("last assessment") || l.contains("previously") || l.contains("last rating");
        if about_the_past {
            last_stated = grade_after(&l, &["rated this key question ", "this key question was rated ", "key question was rated as "])
                .or(last_stated);
            continue;
        }
        let span = reading.span(s);
        // "This service scored 75 (out of 100) for this area" (2024 on).
        if let (Some(q), Some(rest)) = (current, after(&l, "scored ")) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let (Ok(n @ 0..=100), true) = (digits.parse::<u8>(), rest.contains("out of 100")) {
                scores.push((q, n));
            }
        }
        let kq = grade_after(
            &l,
            &[
                "the rating has changed to ",
                "the rating has remained ",
                "the rating has improved to ",
                "the rating has deteriorated to ",
                "this key question has improved to ",
                "this key question has deteriorated to ",
                "this key question has changed to ",
                "this key question has remained ",
                "this key question is now rated ",
                "this key question is rated ",
            ],
        )
        .or_else(|| (l.contains("has remained the same") || l.contains("has stayed the same")).then_some(last_stated).flatten());
        if let (Some(q), Some(g)) = (current, kq) {
            restate_or_set(out, q, g, span);
            continue;
        }
        let overall = grade_after(
            &l,
            &["the overall rating for the service has changed from ", "the overall rating for this service has changed from "],
        )
        .and(after(&l, " to ").and_then(grade_opening))
        .or_else(|| {
            grade_after(
                &l,
                &[
                    "the overall rating for the service has remained ",
                    "the overall rating for this service has remained ",
                    "the service remains rated ",
                    "this service remains rated ",
                    "the service has been rated ",
                    "this service has been rated ",
                    "the service is now rated ",
                    "this service is now rated ",
                    "the service is rated ",
                    "this service is rated ",
                    "the rating for this service is ",
                ],
            )
        });
        if let Some(g) = overall {
            restate_or_set(out, "Overall", g, span);
        }
        // "We could not improve the rating for well-led from requires improvement because to do
        // so requires consistent good practice over time."
        for (q, _) in KEY_QUESTIONS {
            let cue = [
                format!("could not improve the rating of {} from ", q.to_ascii_lowercase()),
                format!("could not improve the rating for {} from ", q.to_ascii_lowercase()),
            ];
            if let Some(g) = cue.iter().find_map(|c| after(&l, c).and_then(grade_opening)) {
                restate_or_set(out, q, g, span);
            }
        }
    }
    for (q, n) in scores {
        if let Some(j) = out.judgements.iter_mut().find(|j| j.area == q) {
            j.score.get_or_insert(n);
        }
    }
}

fn restate_or_set(out: &mut ProviderRead, name: &str, g: Grade, span: Span) {
    let g = cqc_scale(g);
    if name == "Overall" {
        match &out.overall {
            None => out.overall = Some(Overall { rating: g, indicative: false, span }),
            Some(o) if o.rating != g => out.warnings.push(format!(
                "The ratings table gives the overall rating as {}, but the report's text says {} (the table was read): check the report.",
                o.rating, g
            )),
            Some(_) => {}
        }
        return;
    }
    match out.judgements.iter_mut().find(|j| j.area == name) {
        None => out.judgements.push(Judgement::new(name, g, span)),
        Some(j) if j.grade == g => {
            if j.restated.is_none() && j.span != span {
                j.restated = Some(span);
            }
        }
        Some(j) => out.warnings.push(format!(
            "The ratings table gives {} as {}, but its section says {} (the table was read): check the report.",
            j.area, j.grade, g
        )),
    }
}

fn read_ofsted(reading: &Reading, opening: &str, ws: &[Word], out: &mut ProviderRead) {
    for (name, grade, span) in table_rows(opening, ws, OFSTED_JUDGEMENTS, AFTER_HEADING) {
        // "The impact and effectiveness of leaders and managers" (2015–17) as the report words it.
        let name = if name == "The effectiveness of leaders and managers"
            && opening.get(span.0.saturating_sub(12)..span.0).is_some_and(|b| b.to_ascii_lowercase().contains("impact and"))
        {
            "The impact and effectiveness of leaders and managers"
        } else {
            name
        };
        if !out.judgements.iter().any(|j| j.area == name) {
            out.judgements.push(Judgement::new(name, grade, span));
        }
    }
    // "The overall effectiveness is judged to be outstanding."
    for s in &reading.sentences {
        let l = &s.lower;
        if let Some(g) = after(l, "overall effectiveness is judged to be ").and_then(grade_opening) {
            if !out.judgements.iter().any(|j| j.area == "Overall effectiveness") {
                out.judgements.push(Judgement::new("Overall effectiveness", g, reading.span(s)));
            }
        }
    }
}

/// The rating or judgement at the last inspection: "The last rating for this service was
/// requires improvement (published 28 June 2022)", "Overall judgement at last inspection: good",
/// "The service was last inspected in July 2017 and was rated as Good".
fn previous(reading: &Reading) -> Option<PreviousGrade> {
    const CUES: &[&str] = &[
        "the last rating for this service was ",
        "overall judgement at last inspection: ",
        "overall judgement at last inspection ",
        "previous inspection judgement ",
        "previous inspection judgement: ",
        "this service was rated ",
        "the service was rated ",
        "and was rated ",
        "we rated the service ",
        "previously rated the service as ",
        "previously rated the service ",
    ];
    reading.sentences.iter().take(400).find_map(|s| {
        let l = &s.lower;
        let past = l.contains("last") || l.contains("previous");
        if !past {
            return None;
        }
        let grade = grade_after(l, CUES)?;
        let year = l
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse().ok())
            .find(|y| (2000..2100).contains(y));
        Some(PreviousGrade { grade, year, span: reading.span(s) })
    })
}

/// A label's value: on its line after the label, or alone on the next line.
fn labelled<'a>(doc: &Doc<'a>, labels: &[&str]) -> Option<&'a str> {
    let lines: Vec<usize> = (0..doc.lines.len()).filter(|&i| !doc.lines[i].is_blank()).take(300).collect();
    lines.iter().enumerate().find_map(|(k, &i)| {
        let c = doc.lines[i].content;
        let n = norm(c);
        // At the line's start, or with its colon inside a run-on line ("SC024808 Registered
        // provider: Keys Education Limited Full inspection …").
        let (label, at) = labels.iter().find_map(|l| {
            if n.starts_with(*l) {
                return Some((*l, 0));
            }
            let with_colon = format!("{l}:");
            let at = c.to_ascii_lowercase().find(with_colon.trim_end_matches("::"))?;
            Some((*l, at))
        })?;
        let c = c.get(at..)?;
        // The label's words end at the same byte in the line when it is one space apart.
        let value = c.find(':').and_then(|at| c.get(at + 1..)).or_else(|| c.get(label.len()..)).map(str::trim).unwrap_or("");
        if value.is_empty() {
            lines.get(k + 1).map(|&j| doc.lines[j].content.trim())
        } else {
            Some(value)
        }
    })
}

fn published(doc: &Doc) -> Option<String> {
    labelled(doc, &["date of publication", "report publication date", "publication date"]).and_then(parse_date)
}

fn period(doc: &Doc, opening: &str) -> Option<String> {
    if let Some(v) = labelled(
        doc,
        &["date of inspection visit", "dates of inspection visit", "inspection dates", "inspection date", "date of assessment"],
    ) {
        if v.chars().any(|c| c.is_ascii_digit()) && v.len() < 80 {
            return Some(up_to_year(v.trim_end_matches('.')).to_string());
        }
    }
    // The website: a date alone on its line above "During a routine inspection" or "During an
    // assessment under our new approach" (not "During a monthly review of our data", which is
    // no inspection).
    let lines: Vec<usize> = (0..doc.lines.len()).filter(|&i| !doc.lines[i].is_blank()).take(300).collect();
    // Only the page's first inspection: a later entry is an earlier one (and the first may be
    // undated, "During an assessment under our new approach", which gives no date).
    let first = lines.windows(2).find(|w| {
        let next = norm(doc.lines[w[1]].content);
        next.starts_with("during a") && (next.contains("inspection") || next.contains("assessment"))
    });
    let on_site = first.map(|w| doc.lines[w[0]].content.trim()).filter(|d| parse_date(d).is_some() && d.len() < 40);
    // From 2024: "Report from 13 February 2025 assessment".
    let on_site = on_site.or_else(|| {
        lines.iter().take(20).find_map(|&i| {
            let c = doc.lines[i].content.trim();
            let d = c.strip_prefix("Report from ")?.strip_suffix(" assessment")?;
            parse_date(d).is_some().then_some(d)
        })
    });
    // In a summary: "Date of assessment; 29 October 2024 to 5 November 2024.", "Dates of
    // assessment were from 5 December 2024 to 17 December 2024."
    on_site.map(str::to_string).or_else(|| {
        let lower = opening.to_ascii_lowercase();
        let at = lower.find("date of assessment").or_else(|| lower.find("dates of assessment"))?;
        let mut rest = opening.get(at..)?.split_once("assessment")?.1;
        for skip in ["s", ":", ";", " ", "were", "was", " ", "from", " "] {
            rest = rest.strip_prefix(skip).unwrap_or(rest);
        }
        super::meta::date_run(rest.trim_start()).map(str::to_string)
    })
}

/// A value up to its last year: "18–20 March 2014 1" (a page number after it) is "18–20 March
/// 2014"; a value that goes on in words after its year is kept whole.
fn up_to_year(v: &str) -> &str {
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = v.split_whitespace().collect();
    let Some(y) = words.iter().rposition(|w| w.len() == 4 && digits(w)) else { return v };
    if !words[y + 1..].iter().all(|w| digits(w)) {
        return v;
    }
    v.rfind(words[y]).and_then(|at| v.get(..at + words[y].len())).unwrap_or(v)
}

/// The service's name and, for a children's home (whose name Ofsted withholds), its unique
/// reference number.
fn service(doc: &Doc, regulator: Regulator, lower: &str) -> (Option<String>, Option<String>) {
    let reference = urn(lower);
    let lines: Vec<&str> = doc.lines.iter().filter(|l| !l.is_blank()).take(60).map(|l| l.content.trim()).collect();
    let clean = |s: &str| {
        let s = s.trim().trim_start_matches("Archived:").trim().trim_matches(|c: char| c == '*' || c == '#').trim();
        (s.len() >= 3 && s.len() <= 90 && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && !s.ends_with(['.', ':', ',']))
            .then(|| s.to_string())
    };
    let named = match regulator {
        // The website: the line above "Overall: …"; a report: the line above "Inspection report".
        Regulator::Cqc => lines.windows(2).find_map(|w| {
            let next = norm(w[1]);
            let title = next.starts_with("overall:") || next == "inspection report" || next.starts_with("inspection report ");
            // The website from 2024: "Three Sisters" / "Report from 13 February 2025 assessment".
            let assessment = next.starts_with("report from ") && next.ends_with(" assessment");
            // The website to 2021: "Horizonz Care Ltd Requires improvement" / "Inspection Summary".
            if next == "inspection summary" {
                let n = norm(w[0]);
                let grade = GRADES.iter().map(|(g, _)| *g).find(|g| n.ends_with(&format!(" {g}")))?;
                return clean(w[0].get(..w[0].len().checked_sub(grade.len() + 1)?)?);
            }
            (title || assessment).then(|| clean(w[0])).flatten()
        }),
        // "Inspection report for independent fostering agency: Orange Grove Fostercare London and Essex 1"
        Regulator::Ofsted => lines
            .iter()
            .find_map(|l| {
                let n = norm(l);
                let at = n.find("inspection report for ")?;
                let colon = l.get(at..)?.find(':')? + at;
                clean(l.get(colon + 1..)?.trim().trim_end_matches(|c: char| c.is_ascii_digit()).trim())
            })
            // "School and residential report" / "Wilds Lodge School".
            .or_else(|| lines.windows(2).find_map(|w| (norm(w[0]) == "school and residential report").then(|| clean(w[1])).flatten())),
    };
    // "Name: Address: Rotherlea Dawtrey Road …" (2008–10) cannot be split from its address; the
    // summary's first sentence names the service: "Acorn Nursing Home is a residential care home …".
    let named = named.or_else(|| {
        doc.lines.iter().take(400).find_map(|l| {
            let c = l.content.trim();
            let at = [
                " is a residential",
                " is a care home",
                " is a nursing home",
                " is a 'care home'",
                " is a \u{2018}care home\u{2019}",
                " is a domiciliary",
                " is a home care",
                " is a supported living",
                " is an extra care",
                " is a children's home",
                " is a children\u{2019}s home",
            ]
            .iter()
            .filter_map(|p| c.find(p))
            .min()?;
            let name = c.get(..at)?;
            (name.split_whitespace().count() <= 8).then(|| clean(name)).flatten()
        })
    });
    // 2008–10: "Name: Address: Aaron View Care Home 285 Lane End …" — the name is the words
    // before the house number (none found, no name); a page of the archive: "Inspection on
    // 14/10/08 for Rotherlea".
    let named = named.or_else(|| {
        lines.iter().find_map(|l| {
            let at = l.find("Name: Address:")? + "Name: Address:".len();
            let rest: Vec<&str> = l.get(at..)?.split_whitespace().take(10).collect();
            let number = rest.iter().position(|w| w.chars().all(|c| c.is_ascii_digit()))?;
            clean(&rest.get(..number)?.join(" "))
        })
    });
    let named = named.or_else(|| {
        lines.iter().take(5).find_map(|l| {
            let rest = l.strip_prefix("Inspection on ")?;
            let at = rest.find(" for ")?;
            parse_date(rest.get(..at)?).or_else(|| rest.get(..at).filter(|d| d.contains('/')).map(str::to_string))?;
            clean(rest.get(at + 5..)?)
        })
    });
    let named = named.or_else(|| {
        reference
            .as_ref()
            .filter(|_| regulator == Regulator::Ofsted && lower.contains("children's home"))
            .map(|r| format!("Children's home {r}"))
    });
    (named, reference)
}

/// Ofsted's unique reference number: "SC045408" (social care), after "Unique reference number"
/// or heading the report.
fn urn(lower: &str) -> Option<String> {
    let at = lower.find("unique reference number").map(|a| a + "unique reference number".len()).unwrap_or(0);
    let rest = lower.get(at..)?;
    let sc = rest.find("sc")?;
    let code: String = rest.get(sc..)?.chars().take(8).collect();
    (code.len() == 8 && code.get(2..).is_some_and(|d| d.chars().all(|c| c.is_ascii_digit())) && (at > 0 || sc < 40))
        .then(|| code.to_ascii_uppercase())
}

fn registered_provider(doc: &Doc) -> Option<String> {
    let v = labelled(doc, &["provided and run by", "registered provider:", "registered provider"])?;
    // A run-on text goes straight on: "Registered provider: Keys Education Limited Full inspection …".
    let stops = [" Full inspection", " Interim inspection", " Inspected under", " Registered provider address", " Responsible individual"];
    let end = stops.iter().filter_map(|s| v.find(s)).min().unwrap_or(v.len());
    let v = v.get(..end)?.trim();
    (v.len() >= 3 && v.len() <= 90 && !norm(v).starts_with("address")).then(|| v.to_string())
}

fn service_type(lower: &str, regulator: Regulator) -> Option<String> {
    let types: &[(&str, &str)] = match regulator {
        Regulator::Ofsted => &[
            ("secure children's home", "Secure children's home"),
            ("independent fostering agency", "Independent fostering agency"),
            ("fostering agency", "Fostering agency"),
            ("adoption support agency", "Adoption support agency"),
            ("adoption agency", "Adoption agency"),
            ("residential special school", "Residential special school"),
            ("residential family centre", "Residential family centre"),
            ("children's home", "Children's home"),
        ],
        Regulator::Cqc => &[
            ("nursing home", "Nursing home"),
            ("domiciliary care", "Home care agency"),
            ("home care", "Home care agency"),
            ("supported living", "Supported living"),
            ("extra care", "Extra care housing"),
            ("care home", "Care home"),
        ],
    };
    types.iter().filter_map(|(p, name)| lower.find(p).map(|at| (at, *name))).min_by_key(|(at, _)| *at).map(|(_, n)| n.to_string())
}

/// Warnings for what a provider's report should hold but this text did not give.
fn unread(out: &ProviderRead, lower: &str) -> Vec<String> {
    let mut w = Vec::new();
    let who = match out.provider.as_ref().map(|p| p.regulator) {
        Some(Regulator::Ofsted) => "Ofsted",
        _ => "CQC",
    };
    match out.framework {
        Some(Framework::CqcProviderStars) => w.push(
            "This is a 2008\u{2013}10 key inspection report, which gave a star rating (0 to 3 stars, poor to excellent) that has no place \
             on today's four-point scale: its rating is not shown as one. Its findings are read as in any report."
                .to_string(),
        ),
        Some(Framework::CqcProvider | Framework::CqcProviderAssessment) if out.overall.is_none() && out.judgements.is_empty() => {
            if lower.contains("essential standard") || lower.contains("met this standard") || lower.contains("outcomes we inspected") {
                w.push("This is a 2010\u{2013}14 CQC inspection against the essential standards, which were met or not met: such inspections gave no rating. Its findings are read as in any report.".to_string());
            } else {
                w.push(format!(
                    "This looks like a {who} inspection report on a care provider, but its ratings were not found in this text: \
                     copy the report's first page (\u{201c}Overall rating for this service\u{201d} and the five key questions) too, or read them there."
                ));
            }
        }
        Some(Framework::CqcProvider | Framework::CqcProviderAssessment) => {
            let missing: Vec<&str> = KEY_QUESTIONS
                .iter()
                .filter(|(q, row)| !out.judgements.iter().any(|j| j.area == *q) && lower.contains(row))
                .map(|(q, _)| *q)
                .collect();
            if out.overall.is_none() {
                w.push("The overall rating of this service was not found in this text: read it in the report itself.".to_string());
            }
            if !missing.is_empty() {
                w.push(format!(
                    "The report has the key question{} {} but {} rating could not be read from this text: read {} in the report itself.",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    if missing.len() == 1 { "its" } else { "their" },
                    if missing.len() == 1 { "it" } else { "them" }
                ));
            }
        }
        Some(Framework::OfstedSccif | Framework::OfstedProvider) if out.judgements.is_empty() => w.push(format!(
            "This looks like an {who} inspection report on a children's social care provider, but its judgements were not found in \
             this text: copy the report's first pages (the judgements under \u{201c}Inspection dates\u{201d}) too, or read them there."
        )),
        Some(Framework::OfstedSccif) => {
            let missing: Vec<&str> = OFSTED_JUDGEMENTS
                .iter()
                .take(3)
                .filter(|(_, key)| lower.contains(key) && !out.judgements.iter().any(|j| j.area.to_lowercase().contains(key)))
                .map(|(n, _)| *n)
                .collect();
            if !missing.is_empty() {
                w.push(format!("The report names the judgement{} \u{201c}{}\u{201d} but no grade could be read for {} from this text: read {} in the report itself.", if missing.len() == 1 { "" } else { "s" }, missing.join("\u{201d}, \u{201c}"), if missing.len() == 1 { "it" } else { "them" }, if missing.len() == 1 { "it" } else { "them" }));
            }
        }
        _ => {}
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::blocks;

    fn run(s: &str) -> ProviderRead {
        let doc = Doc::new(s);
        let reading = blocks::read(&doc, s);
        read(&doc, &reading, s)
    }

    fn grades(r: &ProviderRead) -> Vec<(String, &'static str)> {
        r.overall
            .iter()
            .map(|o| ("Overall".to_string(), o.rating.as_str()))
            .chain(r.judgements.iter().map(|j| (j.area.clone(), j.grade.as_str())))
            .collect()
    }

    #[test]
    fn the_key_questions_are_the_contract_s() {
        assert_eq!(KEY_QUESTIONS.iter().map(|(q, _)| *q).collect::<Vec<_>>(), crate::analysis::CQC_KEY_QUESTIONS);
    }

    #[test]
    fn cqc_ratings_table_and_restatements() {
        let s = "Oakfield House\nInspection report\n12 Station Road, Anytown AB1 2CD\nDate of inspection visit:\n14 March 2023\nDate of publication:\n20 April 2023\nRatings\n\
                 Overall rating for this service Requires Improvement\nIs the service safe? Requires Improvement\nIs the service effective? Good\n\
                 Is the service caring? Good\nIs the service responsive? Good\nIs the service well-led? Requires Improvement\n\n\
                 Summary of findings\nAbout the service\nOakfield House is a residential care home providing personal care to up to 30 people.\n\n\
                 Rating at last inspection\nThe last rating for this service was good (published 3 May 2019).\n\n\
                 Is the service safe?\nOur findings\nSafe \u{2013} this means we looked for evidence that people were protected from abuse and avoidable harm. \
                 At the last inspection this key question was rated as good. At this inspection this key question has deteriorated to requires improvement.\n";
        let r = run(s);
        assert_eq!(
            grades(&r),
            [
                ("Overall", "Requires improvement"),
                ("Safe", "Requires improvement"),
                ("Effective", "Good"),
                ("Caring", "Good"),
                ("Responsive", "Good"),
                ("Well-led", "Requires improvement")
            ]
            .map(|(a, g)| (a.to_string(), g))
        );
        assert!(r.judgements[0].restated.is_some(), "the Safe section says it again");
        let p = r.provider.unwrap();
        assert_eq!(
            (p.regulator, p.service.as_deref(), p.service_type.as_deref()),
            (Regulator::Cqc, Some("Oakfield House"), Some("Care home"))
        );
        assert_eq!(r.published.as_deref(), Some("2023-04-20"));
        assert_eq!(r.period.as_deref(), Some("14 March 2023"));
        assert_eq!(r.previous.map(|p| (p.grade, p.year)), Some((Grade::Good, Some(2019))));
        assert_eq!(r.framework, Some(Framework::CqcProvider));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn cqc_website_page_and_its_sentences() {
        let s = "\u{2022} Care Home\n  \u{2022} Care home\n\nArchived: The Beach\n\nOverall: Requires improvement read more about inspection ratings\n\n\
                 Alexandra Road, Newquay, Cornwall, TR7 3NB\n\nProvided and run by:\nSpectrum Trust\n\nAll Inspections\n\n5 August 2022\n\n\
                 During an inspection looking at part of the service\n\nAbout the service\nThe Beach is a residential care home providing personal care to 6 people.\n\n\
                 Safe \u{2013} this means we looked for evidence that people were protected from abuse and avoidable harm. At our last inspection we rated this key question requires improvement. At this inspection the rating has changed to good. \
                 This service scored 75 (out of 100) for this area.\n";
        let r = run(s);
        assert_eq!(grades(&r), [("Overall".to_string(), "Requires improvement"), ("Safe".to_string(), "Good")]);
        assert_eq!(r.judgements[0].score, Some(75));
        let p = r.provider.unwrap();
        assert_eq!(p.service.as_deref(), Some("The Beach"));
        assert_eq!(p.registered_provider.as_deref(), Some("Spectrum Trust"));
        assert_eq!(r.period.as_deref(), Some("5 August 2022"));
    }

    /// The website lists every inspection, newest first, and reviews of data that are none.
    #[test]
    fn dates_of_the_inspection_the_page_is_about() {
        let page =
            |entries: &str| run(&format!("Oakfield House\nOverall: Good read more about inspection ratings\nAll Inspections\n\n{entries}"));
        let r = page(
            "6 July 2023\n\nDuring a monthly review of our data\n\nNo change.\n\n1 October 2019\n\nDuring a routine inspection\n\nText.\n",
        );
        assert_eq!(r.period.as_deref(), Some("1 October 2019"));
        // The newest entry has no date: none, rather than an older inspection's.
        let r = page("During an assessment under our new approach\n\nText.\n\n23 February 2023\n\nDuring an inspection looking at part of the service\n");
        assert_eq!(r.period, None);
        let r = run(
            "Updated 4 December 2024\nDates of assessment were from 5 December 2024 to 17 December 2024. The service is a care home.\n",
        );
        assert_eq!(r.period.as_deref(), Some("5 December 2024 to 17 December 2024"));
        let r = run("School and residential report\nWilds Lodge School\nInspection dates 18\u{2013}20 March 2014 1\n");
        assert_eq!(r.period.as_deref(), Some("18\u{2013}20 March 2014"));
    }

    #[test]
    fn ofsted_judgements_in_every_shape() {
        // One run-on paragraph, grades between and after the headings.
        let run_on = "SC024808 Registered provider: Keys Education Limited Full inspection Inspected under the social care common inspection framework \
                      Information about this children\u{2019}s home This children\u{2019}s home is registered for four young people. Inspection dates: 13 to 14 June 2017 \
                      Overall experiences and progress of children and young people, taking into account requires improvement to be good How well children and young people are helped and protected good \
                      The effectiveness of leaders and managers inadequate The children\u{2019}s home is not yet delivering good help and care. \
                      Date of last inspection: 3 January 2017 Overall judgement at last inspection: good Enforcement action since last inspection None\n";
        let r = run(run_on);
        assert_eq!(
            grades(&r),
            [
                ("Overall experiences and progress of children and young people", "Requires improvement to be good"),
                ("How well children and young people are helped and protected", "Good"),
                ("The effectiveness of leaders and managers", "Inadequate")
            ]
            .map(|(a, g)| (a.to_string(), g))
        );
        let p = r.provider.as_ref().unwrap();
        assert_eq!(
            (p.regulator, p.reference.as_deref(), p.service.as_deref()),
            (Regulator::Ofsted, Some("SC024808"), Some("Children's home SC024808"))
        );
        assert_eq!(p.registered_provider.as_deref(), Some("Keys Education Limited"));
        assert_eq!(r.framework, Some(Framework::OfstedSccif));
        assert_eq!(r.previous.as_ref().map(|p| p.grade), Some(Grade::Good));
        // The grade inside a wrapped heading, a table of lines.
        let wrapped = "Children\u{2019}s home inspection \u{2013} Full\nUnique reference number\nSC045408\nThis inspection\nThe overall experiences and\nprogress of children and\nGood\nyoung people living in the\nhome are\n\
                       The children\u{2019}s home provides effective services that meet the requirements for\ngood.\nHow well children and\nyoung people are helped\nGood\nand protected\n\
                       The impact and\neffectiveness of leaders and Requires improvement\nmanagers\n";
        let r = run(wrapped);
        assert_eq!(
            grades(&r),
            [
                ("Overall experiences and progress of children and young people", "Good"),
                ("How well children and young people are helped and protected", "Good"),
                ("The impact and effectiveness of leaders and managers", "Requires improvement")
            ]
            .map(|(a, g)| (a.to_string(), g))
        );
        // Before 2015.
        let old = "Inspection report for children's home\nUnique reference number SC405470\nOverall effectiveness\nThe overall effectiveness is judged to be outstanding.\n";
        assert_eq!(grades(&run(old)), [("Overall effectiveness".to_string(), "Outstanding")]);
    }

    #[test]
    fn a_heading_in_prose_takes_no_grade_from_the_next_sentence() {
        let s = "Inspected under the social care common inspection framework\nInformation about this children's home\n\
                 Inspectors considered how well children and young people are helped and protected. Good relationships help children. \
                 The effectiveness of leaders and managers was not good enough.\n";
        let r = run(s);
        assert!(r.judgements.is_empty(), "{:?}", grades(&r));
        assert!(r.warnings.iter().any(|w| w.contains("judgements were not found")), "{:?}", r.warnings);
    }

    #[test]
    fn unread_ratings_and_old_schemes_are_said() {
        let r = run("14 May 2018\nDuring a routine inspection\nPeople told us staff were kind. Is the service safe?\nThe registered manager was new.\n");
        assert!(r.warnings.iter().any(|w| w.contains("ratings were not found")), "{:?}", r.warnings);
        let r = run("Inspecting for better lives\nKey inspection report\nCare homes for older people\nThe quality rating for this care home is:\ntwo star good service\n");
        assert_eq!(r.framework, Some(Framework::CqcProviderStars));
        assert!(r.overall.is_none());
        assert!(r.warnings.iter().any(|w| w.contains("star rating")), "{:?}", r.warnings);
    }
}
