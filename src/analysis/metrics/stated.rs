//! Figures stated plainly, with no comparator, trend or wait around them: counts of children,
//! young people, families, cases and staff ("498 children are looked after", "225 children and
//! young people were the subject of a child protection plan"), shares of a group ("30% of the
//! local authority's children are living in poverty", "161 (or 32%) live outside the local
//! authority area") and rates per 10,000 ("a rate of 69 per 10,000 children"). The "information
//! about this local authority area" of SIF reports is made of them, and bodies of every era
//! state them. Each is labelled by the group counted and what the sentence says of it.
//!
//! Not figures: dates and ages, years, paragraph and section numbers, the inspectors' own
//! samples ("in four of the 25 cases seen"), numbers inside names; a number another extractor
//! has already read is left to it.

use super::super::format::{capitalise, MONTHS_LOWER};
use super::super::numbers::{Num, Quantity};
use super::super::text::FastMap;
use super::super::{Metric, Span, Unit};
use super::Sent;

/// The nouns a count of the council's work counts (singular stems; plurals match).
const COUNTED: &[&str] = &[
    "child",
    "children",
    "young people",
    "young person",
    "care leaver",
    "family",
    "families",
    "adopter",
    "foster carer",
    "fostering household",
    "household",
    "carer",
    "social worker",
    "staff",
    "worker",
    "manager",
    "case",
    "referral",
    "contact",
    "assessment",
    "plan",
    "adoption order",
    "adoption",
    "apprentice",
    "police sergeant",
    "sergeant",
    "adoptive household",
    "approved adopter",
    "care ambassador",
    "special guardianship order",
    "order",
    "notification",
    "serious case review",
    "pupil",
    "student",
    "mother",
    "parent",
    "adult",
    "people",
    "person",
    "episode",
    "placement",
    "home",
    "enquiry",
    "enquiries",
    "conference",
    "review",
    "visit",
    "interview",
];

/// Words after which a number is not a figure of the council's: ages, school years, sections,
/// paragraphs, key stages, pages, the inspectors' samples.
const NOT_AFTER: &[&str] = &[
    "aged",
    "age",
    "ages",
    "year",
    "years",
    "section",
    "paragraph",
    "paragraphs",
    "stage",
    "page",
    "phase",
    "tier",
    "level",
    "under",
    "over the age of",
    "article",
    "schedule",
    "regulation",
    "standard",
    "to",
    "rule",
    "chapter",
    "band",
    "grade",
    "priority",
    "step",
    "key stage",
    "between",
];

/// The inspectors' own sample, not a figure of the council's.
fn inspectors_sample(lower: &str) -> bool {
    let sampled = [
        "sampled",
        "seen by inspectors",
        "tracked",
        "audited by inspectors",
        "looked at",
        "considered by inspectors",
        "reviewed by inspectors",
        "cases seen",
        "cases reviewed",
        "cases examined",
        "inspectors saw",
        "inspectors found",
        "inspectors reviewed",
        "inspectors examined",
        "spoke with inspectors",
        "spoke to inspectors",
        "met inspectors",
        "met with inspectors",
        "told inspectors",
        "exact number suppressed",
    ];
    sampled.iter().any(|w| lower.contains(w))
}

/// At most `budget` of them; `taken` are the sentences (spans) and values other extractors read.
pub(super) fn read(sents: &[Sent], taken: &[(Span, f64)], budget: usize) -> Vec<Metric> {
    let mut out = Vec::new();
    // Looked up once per number: a set, not a scan (a 20 MB run of figures has millions).
    // A figure read from two sentences (a comparator in the next) has their joint span: a
    // number is taken when a figure of its value covers any of its sentence.
    let mut by_value: FastMap<u64, Vec<Span>> = FastMap::default();
    for (sp, v) in taken {
        by_value.entry(v.to_bits()).or_default().push(*sp);
    }
    let is_taken = |span: Span, v: f64| by_value.get(&v.to_bits()).is_some_and(|spans| spans.iter().any(|t| t.0 < span.1 && span.0 < t.1));
    for s in sents {
        if out.len() >= budget {
            break;
        }
        let l = s.lower.as_str();
        if inspectors_sample(l) {
            continue;
        }
        let span = s.span();
        // Counts written in words ("six police sergeants", "Fifty new adoptive households"),
        // only before a counted noun.
        for n in word_numbers(l) {
            if is_taken(span, n.value) {
                continue;
            }
            if let Some(m) = count(s, &n, None).filter(|m| m.label.split_whitespace().count() >= 2) {
                out.push(m);
                if out.len() >= budget {
                    return out;
                }
            }
        }
        for (k, n) in s.nums.iter().enumerate() {
            if is_taken(span, n.value) {
                continue;
            }
            let m = match n.unit {
                Quantity::Percent => share(s, n),
                Quantity::Count => rate(s, n).or_else(|| count(s, n, s.nums.get(k + 1))),
                _ => None,
            };
            if let Some(m) = m {
                out.push(m);
                if out.len() >= budget {
                    return out;
                }
            }
        }
    }
    out.truncate(budget);
    out
}

/// How far back from a figure its clause is looked for: a clause, not a document (a run of
/// figures with no stops must cost the same per figure).
const REACH: usize = 400;

/// `l[..at]`, at most its last `REACH` bytes (on a char boundary), and where that starts.
fn before_at(l: &str, at: usize) -> (usize, &str) {
    let mut from = at.saturating_sub(REACH);
    while from < at && !l.is_char_boundary(from) {
        from += 1;
    }
    (from, l.get(from..at).unwrap_or(""))
}

/// `l[at..]`, at most `REACH` bytes of it (on a char boundary).
fn after_at(l: &str, at: usize) -> &str {
    let mut to = (at + REACH).min(l.len());
    while to > at && !l.is_char_boundary(to) {
        to -= 1;
    }
    l.get(at..to).unwrap_or("")
}

fn word_before(l: &str, at: usize) -> &str {
    before_at(l, at).1.trim_end().rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("")
}

/// A number that is part of a date, an age, a name, a reference.
fn not_a_figure(l: &str, n: &Num) -> bool {
    let before = before_at(l, n.start).1.trim_end();
    let after = after_at(l, n.end).trim_start();
    let prev = word_before(l, n.start).trim_matches(|c: char| !c.is_alphanumeric());
    let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // "aged over 60", "aged 65+": an age; "reduced by 277 people": a difference.
    let aged = before.rsplit(' ').take(3).any(|w| w == "aged" || w == "age");
    aged || before.ends_with(" by")
        || MONTHS_LOWER.contains(&next)
        || MONTHS_LOWER.contains(&prev)
        || NOT_AFTER
            .iter()
            .any(|w| before.ends_with(w) && before[..before.len() - w.len()].ends_with(|c: char| !c.is_alphanumeric()) || before == *w)
        || after.starts_with("years")
        || after.starts_with("year-old")
        || after.starts_with("to ") && after[3..].starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with('-')
        || after.starts_with("th ")
        || after.starts_with("st ")
        || after.starts_with("nd ")
        || after.starts_with("rd ")
        || after.starts_with("+")
        || l.get(n.start..n.end).is_some_and(|t| t.contains('.') && !t.ends_with('%'))
            && !after.starts_with("per ")
            && !before.ends_with("rate of")
}

/// "a rate of 69 per 10,000 children", "75.8 per 10,000".
fn rate(s: &Sent, n: &Num) -> Option<Metric> {
    let l = s.lower.as_str();
    let after = after_at(l, n.end);
    let (per, base) = [(" per 10,000", "10,000"), (" per 10000", "10,000"), (" per 100,000", "100,000"), (" per 100000", "100,000")]
        .iter()
        .find_map(|(p, b)| after.strip_prefix(p).map(|r| (r, *b)))?;
    // "This is an increase from 1,103 (39 per 10,000 children)": an earlier value, not a figure.
    if Some(before_at(l, n.start).1).is_some_and(|b| {
        b.contains(" from ")
            && (b.contains("increase") || b.contains("reduction") || b.contains("decrease") || b.contains("fall") || b.contains("rise"))
    }) {
        return None;
    }
    let group: String = per.split([')', ',', '.', ';']).next().unwrap_or("").trim().to_string();
    // The measure: the clause's counted group before the figure ("… the subject of a child
    // protection plan (a rate of …").
    let subject = subject_before(s, n.start).unwrap_or_else(|| group.clone());
    let group = if group.is_empty() { "children" } else { group.as_str() };
    let (from, _) = before_at(l, n.start);
    let subject = if subject.trim().is_empty() {
        tidy(s.letters().get(from..n.start).unwrap_or("").rsplit([',', '(', ';']).next().unwrap_or(""))
    } else {
        subject
    };
    let label = format!("{subject} per {base} {group}");
    Some(metric(s, &label, n.value, Unit::Rate))
}

/// The counted group and what is said of it in the clause that holds `at`, for a rate or share
/// given in brackets after a count: "225 children … were the subject of a child protection plan
/// (a rate of 69 …)" → "children the subject of a child protection plan".
fn subject_before(s: &Sent, at: usize) -> Option<String> {
    let l = s.lower.as_str();
    let (from, head) = before_at(l, at);
    let open = from + head.rfind('(').unwrap_or(head.len());
    let first = s.nums.iter().find(|m| m.start >= from && m.end <= open && m.unit == Quantity::Count && !not_a_figure(l, m))?;
    let label = clause_label(s, first.end, open)?;
    Some(label)
}

/// A share: "30% of the local authority's children are living in poverty" (the "of" group and
/// what follows), "161 (or 32%) live outside the local authority area" (the count's clause),
/// "the proportion of children … is 12.5%" (the subject before).
fn share(s: &Sent, n: &Num) -> Option<Metric> {
    let l = s.lower.as_str();
    // Cheap tests first: most numbers in a run of figures are none of these shapes.
    let after = after_at(l, n.end);
    let last = word_before(l, n.start);
    let shaped = after.starts_with(" of ")
        || ["whom", "which", "(or", "or", "", "is", "was", "are", "were", "at", "to", "of"].contains(&last)
        || after.get(..30).is_some_and(|a| a.contains("the proportion of") || a.contains("the percentage of"));
    if !shaped || not_a_figure(l, n) {
        return None;
    }
    // "Children from minority ethnic groups account for 4.2% of all children living in the
    // area": the share is of the subject, not of the "of" group.
    let (from, before) = before_at(l, n.start);
    if let Some(verb) = ["accounting for", "accounts for", "account for", "accounted for", "making up", "make up", "makes up"]
        .iter()
        .find(|v| before.trim_end().ends_with(*v))
    {
        let verb_at = from + before.trim_end().len() - verb.len();
        let clause_start = l.get(from..verb_at)?.rfind([',', ';', ':', '(']).map_or(from, |k| from + k + 1);
        let subject = tidy(s.letters().get(clause_start..verb_at)?);
        return (subject.split_whitespace().count() >= 2).then(|| metric(s, &subject, n.value, Unit::Percent));
    }
    if after.starts_with(" of ") {
        let label = clause_label(s, n.end + 4, l.len())?;
        return Some(metric(s, &label, n.value, Unit::Percent));
    }
    let before = before.trim_end();
    // "86 live in residential children's homes, of whom 47.7% live out of the authority area":
    // the share of the count's group.
    if before.ends_with("of whom") || before.ends_with("of which") {
        let share_clause = clause_label(s, n.end, l.len())?;
        let count = s.nums.iter().rfind(|m| m.start >= from && m.end <= n.start && m.unit == Quantity::Count)?;
        let group = group_clause(s, count).map(|g| children_who(&g)).unwrap_or_else(|| "Children".into());
        return Some(metric(s, &format!("{group} who {}", lower_first(&share_clause)), n.value, Unit::Percent));
    }
    // "At 63.8%, the proportion of care leavers in EET is good": the proportion named after.
    if let Some(k) = after.find("the proportion of ").or_else(|| after.find("the percentage of ")).filter(|k| *k < 12) {
        let from = n.end + k + after[k..].find(" of ")? + 4;
        let label = clause_label(s, from, l.len())?;
        return Some(metric(s, &label, n.value, Unit::Percent));
    }
    // "161 (or 32%) live outside …": the clause after the bracket.
    if before.ends_with("(or") || before.ends_with('(') || before.ends_with("( or") {
        let close = n.end + after.find(')')? + 1;
        let label = children_who(&clause_label(s, close, l.len())?);
        return Some(metric(s, &label, n.value, Unit::Percent));
    }
    // "… is 12.5%", "… stands at 5%": the subject before the verb just before the figure.
    if !["is", "was", "are", "were", "at", "to", "of"].contains(&last) {
        return None;
    }
    let clause_start = before.rfind([',', ';', ':', '(']).map(|k| k + 1).unwrap_or(0);
    let clause = before.get(clause_start..)?;
    let clause_start = from + clause_start;
    // Back past the verb ("stands at", "stood at": two words).
    let mut verb_at = clause.trim_end().len().checked_sub(last.len())?;
    let head = clause.get(..verb_at)?.trim_end();
    if last == "at" && (head.ends_with("stands") || head.ends_with("stood")) {
        verb_at = head.rfind(' ').map(|k| k + 1).unwrap_or(0);
    }
    let subject = tidy(s.letters().get(clause_start..clause_start + verb_at)?);
    (subject.split_whitespace().count() >= 2).then(|| metric(s, &subject, n.value, Unit::Percent))
}

/// A count: "498 children are being looked after", "225 children and young people were the
/// subject of a child protection plan", "15 adoption orders have been granted".
fn count(s: &Sent, n: &Num, next: Option<&Num>) -> Option<Metric> {
    let l = s.lower.as_str();
    if n.value < 1.0 || n.value.fract() != 0.0 || not_a_figure(l, n) {
        return None;
    }
    // "161 (or 32%) live outside": the count's own clause, its group from the sentence's lead.
    let after = after_at(l, n.end);
    let noun_at = after.trim_start_matches([' ', '(']);
    let skip = after.len() - noun_at.len();
    // Adjectives before the noun: "15 newly qualified social workers", "37 unaccompanied children".
    let words: Vec<&str> = noun_at.split_whitespace().take(5).collect();
    // The group counted: a counted noun straight after the figure or after up to two adjectives.
    // (Word starts found without allocating: this runs for every number.)
    let mut found = None;
    let mut off = 0;
    for (lead, w) in words.iter().enumerate().take(3) {
        let Some(k) = noun_at.get(off..).and_then(|r| r.find(w)) else { break };
        let rest = &noun_at[off + k..];
        off += k + w.len();
        if let Some(noun) = COUNTED.iter().filter(|c| rest.starts_with(*c)).max_by_key(|c| c.len()) {
            let tail = &rest[noun.len()..];
            if tail.is_empty() || tail.starts_with([' ', 's', ',', '.', ')', ';']) {
                found = Some(lead);
                break;
            }
        }
        // Only adjectives may come before the noun: no verbs, no numbers.
        if w.chars().any(|c| c.is_ascii_digit()) || ["are", "were", "is", "was", "have", "has", "of", "in", "per"].contains(w) {
            break;
        }
    }
    // "a two stage process", "three times": not a count of anything.
    if words.first().is_some_and(|w| {
        ["stage", "stages", "tier", "year", "years", "week", "weeks", "day", "days", "month", "months", "hour", "hours", "times", "fold"]
            .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
    }) {
        return None;
    }
    // "833 live with foster families", "309 (or 27%) live outside the local authority area": a
    // count of the children the list is about, its verb straight after it.
    if found.is_none() {
        let verb = words.iter().find(|w| !["or", "(or"].contains(*w) && !w.ends_with("%)") && !w.starts_with('(')).copied().unwrap_or("");
        let verb_at = words.iter().position(|w| *w == verb).unwrap_or(0);
        let place =
            words.get(verb_at + 1).is_some_and(|w| ["in", "with", "outside", "out", "at", "away", "within", "more", "less"].contains(w));
        if ["live", "lived", "living"].contains(&verb) && place && n.value >= 1.0 {
            let label = group_clause(s, n)?;
            return Some(metric(s, &children_who(&label), n.value, Unit::Count));
        }
        return None;
    }
    // "55 of 400 unemployed adults returning to work": the 400 is the group, not a figure.
    if Some(before_at(l, n.start).1).is_some_and(|b| {
        let b = b.trim_end();
        (b.ends_with(" of") || b.ends_with(" of the") || b.ends_with(" out of"))
            && b.rsplit(' ')
                .nth(if b.ends_with(" the") { 2 } else { 1 })
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == ',') || !word_numbers(w).is_empty())
    }) {
        return None;
    }
    let _ = next;
    // "78 live with parents": where they live is said of the children the list counts.
    let label = children_who(&clause_label(s, n.end + skip, l.len())?);
    Some(metric(s, &label, n.value, Unit::Count))
}

/// The clause after a count, as its group: "86 live in residential children's homes" → "live
/// in residential children's homes".
fn group_clause(s: &Sent, n: &Num) -> Option<String> {
    let l = s.lower.as_str();
    let after = after_at(l, n.end);
    let start = n.end + (after.len() - after.trim_start_matches([' ']).len());
    // Past "(or 27%)".
    let start = if l.get(start..).is_some_and(|r| r.starts_with('(')) { start + l.get(start..)?.find(')')? + 1 } else { start };
    clause_label(s, start, l.len())
}

/// A clause that starts with where children live is about children: "live outside the local
/// authority area" → "Children who live outside the local authority area".
fn children_who(clause: &str) -> String {
    let first = clause.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if ["live", "lived", "living"].contains(&first.as_str()) {
        format!("Children who {}", lower_first(clause))
    } else {
        clause.to_string()
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The label from `from` to the clause's end (or `to`): the group and what is said of it,
/// without auxiliaries ("are being looked after" → "looked after"), figures or bracketed asides.
fn clause_label(s: &Sent, from: usize, to: usize) -> Option<String> {
    let letters = s.letters();
    // A clause, not the rest of a sentence that never stops.
    let mut to = to.min(letters.len()).min(from + REACH);
    while to > from && !letters.is_char_boundary(to) {
        to -= 1;
    }
    let text = letters.get(from..to)?;
    let clause = text.split([',', ';', ':', '(', '.']).next().unwrap_or("");
    const STOP: &[&str] = &[
        "which",
        "compared",
        "and this",
        "this",
        "whereas",
        "while",
        "although",
        "but",
        "against",
        "than",
        "from",
        "since",
        "at the time",
    ];
    const AUX: &[&str] = &["are", "were", "is", "was", "be", "being", "been", "have", "has", "had", "currently", "now", "also", "will"];
    let mut out: Vec<&str> = Vec::new();
    let words: Vec<&str> = clause.split_whitespace().take(24).collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        // A time that defines the group stays in it: "waited 28 days or less for …".
        let time =
            words.get(k + 1).is_some_and(|n| ["days", "weeks", "months", "hours", "working"].contains(&n.to_ascii_lowercase().as_str()));
        if STOP.contains(&bare.as_str()) || bare.chars().next().is_some_and(|c| c.is_ascii_digit()) && !time {
            break;
        }
        // "ceased to be looked after": an auxiliary after "to" is the verb itself.
        let after_to = k > 0 && words[k - 1].eq_ignore_ascii_case("to");
        if AUX.contains(&bare.as_str()) && !after_to {
            continue;
        }
        out.push(*w);
        if out.len() >= 12 {
            break;
        }
    }
    let label = tidy(&out.join(" "));
    (label.split_whitespace().count() >= 2).then_some(label)
}

fn tidy(s: &str) -> String {
    let mut w: Vec<&str> = s.split_whitespace().collect();
    while w.first().is_some_and(|x| {
        ["the", "a", "an", "of", "and", "that", "there", "approximately", "around", "about", "some", "over", "almost", "nearly", "just"]
            .contains(&x.to_ascii_lowercase().as_str())
    }) {
        w.remove(0);
    }
    while w.last().is_some_and(|x| {
        [
            "the",
            "a",
            "an",
            "of",
            "and",
            "in",
            "at",
            "to",
            "by",
            "with",
            "for",
            "on",
            "who",
            "that",
            "across",
            "between",
            "per",
            "according",
            "aged",
            "or",
        ]
        .contains(&x.to_ascii_lowercase().as_str())
    }) {
        w.pop();
    }
    let out = w.join(" ");
    capitalise(out.trim_matches(|c: char| !c.is_alphanumeric() && c != ')'))
}

fn metric(s: &Sent, label: &str, value: f64, unit: Unit) -> Metric {
    s.plain_figure(label, value, unit)
}

/// Numbers written in words, two to ninety-nine ("one" is too often not a count).
fn word_numbers(l: &str) -> Vec<Num> {
    const UNITS: [&str; 20] = [
        "",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let mut out = Vec::new();
    let mut at = 0;
    for w in l.split(' ') {
        let start = at;
        at += w.len() + 1;
        let word = w.trim_start_matches('(');
        let start = start + (w.len() - word.len());
        let (head, tail) = word.split_once('-').unwrap_or((word, ""));
        let value = match (TENS.iter().position(|t| !t.is_empty() && *t == head), UNITS.iter().position(|u| !u.is_empty() && *u == tail)) {
            (Some(t), Some(u)) if !tail.is_empty() => Some(t * 10 + u),
            (Some(t), None) if tail.is_empty() => Some(t * 10),
            _ if tail.is_empty() => UNITS.iter().position(|u| !u.is_empty() && *u == head).filter(|v| *v >= 2),
            _ => None,
        };
        if let Some(v) = value {
            out.push(Num { start, end: start + word.len(), value: v as f64, unit: Quantity::Count });
        }
    }
    out
}
