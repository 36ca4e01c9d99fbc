//! Waits (median, longest, average) against a target in or beside the sentence, converted to
//! the wait's unit; shares seen within a timescale; counts of people, enquiries, assessments.

use super::super::numbers::{Num, Quantity};
use super::super::{Comparator, Direction, Metric, MetricKind, Span, Unit};
use super::Sent;

const COUNT_NOUNS: &[(&str, &str)] = &[
    ("section 42 enquiries", "Section 42 enquiries"),
    ("safeguarding concerns", "safeguarding concerns"),
    ("safeguarding enquiries", "safeguarding enquiries"),
    ("dols applications", "DoLS applications"),
    ("deprivation of liberty safeguards applications", "DoLS applications"),
    ("assessments", "assessments"),
    ("appeals", "appeals"),
    ("referrals", "referrals"),
    ("contacts", "contacts"),
    ("reviews", "reviews"),
];

/// At most `budget` of them.
pub(super) fn read(sents: &[Sent], earlier_values: &[(Span, f64)], budget: usize) -> Vec<Metric> {
    let mut out = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        if out.len() >= budget {
            break;
        }
        let has_wait = s.lower.contains("wait");
        let target_here = target_in(s);
        let same_block = |i: usize| sents.get(i).filter(|p| p.same_block(s));
        let target = target_here
            .or_else(|| si.checked_sub(1).and_then(same_block).and_then(target_in))
            .or_else(|| same_block(si + 1).and_then(target_in));
        // The sentences before in the same paragraph, nearest first (at most three).
        let paragraph_before = || -> Vec<&Sent> { (1..=3).map_while(|k| si.checked_sub(k).and_then(same_block)).collect() };
        let span = s.span();
        // Numbers of this sentence that a trend took as its earlier value (`earlier_values` is in
        // sentence order, as the trends were read: found by halving, not by a scan per sentence).
        let from = earlier_values.partition_point(|(sp, _)| sp.0 < span.0);
        let earlier_here: Vec<f64> = earlier_values[from..].iter().take_while(|(sp, _)| *sp == span).map(|(_, v)| *v).collect();
        for n in &s.nums {
            if earlier_here.contains(&n.value) {
                continue;
            }
            if matches!(n.unit, Quantity::Days | Quantity::Weeks)
                && has_wait
                && Some(*n) != target_here
                && !is_excess(s, n)
                && !not_a_wait(s, n)
            {
                out.push(wait(s, n, target, &paragraph_before()));
            } else if n.unit == Quantity::Months && has_wait && months_wait(s, n) {
                out.push(wait(s, n, None, &paragraph_before()));
            } else if let Some(m) = within_timescale(s, n).or_else(|| count(s, n)) {
                out.push(m);
            }
        }
    }
    out.truncate(budget);
    out
}

/// A target in the sentence: "a target of 28 days", "the target was 2 - 4 weeks", or the
/// figure just before the word, "a 28-day target", "the 10 working day target". Not "the
/// target was exceeded by 1 day": that figure is by how much.
fn target_in(t: &Sent) -> Option<Num> {
    let k = t.lower.find("target")?;
    let time = |n: &Num| matches!(n.unit, Quantity::Days | Quantity::Weeks);
    let before = t.nums.iter().copied().rfind(|n| {
        time(n)
            && n.end <= k
            && t.lower.get(n.end..k).is_some_and(|gap| {
                gap.split([' ', '-'])
                    .filter(|w| !w.is_empty())
                    .all(|w| ["day", "days", "week", "weeks", "working", "calendar"].contains(&w))
            })
    });
    before.or_else(|| {
        t.nums.iter().copied().rfind(|n| {
            time(n) && n.start > k && n.start < k + 30 && t.lower.get(k..n.start).is_some_and(|between| !between.contains(" by "))
        })
    })
}

/// A time that is not how long someone waited: a threshold that defines a group ("52% of
/// people waited 28 days or less"), a difference from a target ("17 days (10 days higher than
/// the target)"), a rule ("rather than the statutory requirement of 20 days") or a frequency
/// ("2 weekly huddles", "every four weeks"), or a period ("in the first three weeks").
fn not_a_wait(t: &Sent, n: &Num) -> bool {
    let raw = t.lower.get(n.end..).unwrap_or("");
    // After the figure's unit word, if the figure does not include it.
    let after = ["-day", "-week", " working days", " calendar days", " days", " day", " weeks", " week"]
        .iter()
        .find_map(|u| raw.strip_prefix(u))
        .unwrap_or(raw);
    let before = t.lower.get(..n.start).unwrap_or("").trim_end();
    let own = t.lower.get(n.start..n.end).unwrap_or("");
    [" or less", " or fewer", " or more", " or under", " or over", " or longer"].iter().any(|p| after.starts_with(p))
        || ([" higher than", " longer than", " more than", " less than", " lower than", " shorter than"]
            .iter()
            .any(|p| after.starts_with(p))
            && after.get(..50.min(after.len())).is_some_and(|a| a.contains("target")))
        || [" over the target", " above the target", " below the target", " under the target", " beyond the target"]
            .iter()
            .any(|p| after.starts_with(p))
        || ["requirement of", "statutory", "legal requirement of", "timescale of", "expected timescale of"]
            .iter()
            .any(|p| before.ends_with(p))
        // A frequency or a period, not a wait: "monitored every four weeks", "after the first
        // three weeks", "in the past six weeks".
        || before.rsplit(' ').next().is_some_and(|w| matches!(w, "every" | "first" | "past" | "last" | "next"))
        || own.ends_with("weekly")
        || raw.starts_with(" weekly")
        || raw.starts_with("-weekly")
        || after.starts_with("ly ")
}

/// Words that may stand between "wait" and a wait in months: "wait up to 15 months", "waiting
/// times of up to 18 months", "wait on average six months".
const MONTHS_LINK: &[&str] = &[
    "s",
    "ed",
    "ing",
    "time",
    "times",
    "list",
    "lists",
    "of",
    "for",
    "is",
    "are",
    "was",
    "were",
    "on",
    "average",
    "up",
    "to",
    "as",
    "much",
    "long",
    "over",
    "more",
    "than",
    "around",
    "about",
    "approximately",
    "can",
    "be",
    "take",
];

/// A time in months that is how long someone waits: only straight after a wait ("wait up to
/// 15 months", "waiting lists are up to 18 months") or before one ("a 13-month wait"), so that
/// "in the last 12 months" and "within six months" in a sentence about waits are not waits.
fn months_wait(t: &Sent, n: &Num) -> bool {
    let l = t.lower.as_str();
    let before = l.get(n.start.saturating_sub(48)..n.start).unwrap_or("");
    let after_wait = before.rfind("wait").is_some_and(|k| {
        before[k + 4..].split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).all(|w| MONTHS_LINK.contains(&w))
    });
    let raw = l.get(n.end..).unwrap_or("");
    let after = raw.trim_start_matches(['-', ' ']);
    let after =
        after.strip_prefix("months'").or_else(|| after.strip_prefix("months")).or_else(|| after.strip_prefix("month")).unwrap_or(after);
    let wait_after = after.trim_start().starts_with("wait");
    after_wait || wait_after
}

/// A figure that says by how much something was over: "exceeded by 1 day", "missed by two weeks".
fn is_excess(t: &Sent, n: &Num) -> bool {
    let before = t.lower.get(..n.start).unwrap_or("").trim_end();
    ["exceeded by", "missed by", "over by", "overran by", "breached by"].iter().any(|p| before.ends_with(p))
}

/// A wait of `n` days or weeks, against `target` (in or beside the sentence) when there is one.
fn wait(s: &Sent, n: &Num, target: Option<Num>, earlier: &[&Sent]) -> Metric {
    let l = &s.lower;
    // "median wait", "longest wait": just before the figure, or before the word "wait" it
    // belongs to ("their median waiting time for an assessment was 11 weeks").
    let kind = match wait_kind(&l[..n.start]) {
        "wait" => l[..n.start].rfind("wait").filter(|w| n.start - w < 120).map_or("wait", |w| wait_kind(&l[..w + 4])),
        k => k,
    };
    // What the wait is for: said just after the figure ("47 days for nursing home support"),
    // before it ("the longest wait for a financial assessment was 367 days"), or by the sentence
    // before in the same paragraph, up to three back ("The waiting list for occupational
    // therapy … The median wait was 17 days"; "… 148 individuals were waiting for assessment
    // … . The local authority had identified this … . In October 2024, this had reduced to 131
    // individuals on the waiting list with … a maximum waiting time of 218 days").
    let after = s.letters().get(n.end..).unwrap_or("");
    let subject = wait_for(after)
        .filter(|w| !w.is_empty())
        .or_else(|| wait_for_before(s, n.start))
        .or_else(|| opening_for(s))
        .or_else(|| earlier.iter().find_map(|e| wait_for_before(e, e.lower.len())));
    let label = match (subject, wait_until(after)) {
        (Some(w), _) => format!("{kind} for {w}"),
        (None, Some(until)) => format!("{kind} {until}"),
        (None, None) => kind.to_string(),
    };
    let unit = if matches!(n.unit, Quantity::Days | Quantity::Months) { n.unit } else { Quantity::Weeks };
    // The target in this wait's unit: "2 - 4 weeks" against days is 28 days.
    let target = target.map(|t| match (t.unit, unit) {
        (Quantity::Weeks, Quantity::Days) => t.value * 7.0,
        (Quantity::Days, Quantity::Weeks) => t.value / 7.0,
        _ => t.value,
    });
    let direction = target.map(|t| {
        if n.value > t {
            Direction::Higher
        } else if n.value < t {
            Direction::Lower
        } else {
            Direction::Similar
        }
    });
    Metric {
        label,
        value: n.value,
        unit: unit.unit(),
        as_of: None,
        comparator: target.map(|t| Comparator { label: "target".into(), value: (t * 100.0).round() / 100.0 }),
        previous: None,
        direction,
        judgement: None,
        degree: None,
        source: s.source_name(),
        kind: MetricKind::Waiting,
        span: s.span(),
    }
}

/// The nearest qualifier in the 40 bytes `before` a wait: "median wait", "longest wait", …
fn wait_kind(before: &str) -> &'static str {
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let near = &before[from..];
    let near = near.get(near.find(' ').unwrap_or(0)..).unwrap_or(near);
    [
        ("median", "median wait"),
        ("maximum", "longest wait"),
        ("longest", "longest wait"),
        ("longer than", "longest wait"),
        ("average", "average wait"),
    ]
    .iter()
    .filter_map(|(w, k)| near.rfind(w).map(|i| (i, *k)))
    .max_by_key(|(i, _)| *i)
    .map(|(_, k)| k)
    .unwrap_or("wait")
}

/// What a wait is for, said in `s` before byte `end`: "(the longest) wait(ing time) for a
/// financial assessment (was)", "waiting lists for Care Act assessments … with a median
/// waiting time of", "the occupational therapy waiting list", "OT assessments had a waiting
/// list". The words as written (capitals kept), up to the verb or a figure; at most seven.
fn wait_for_before(s: &Sent, end: usize) -> Option<String> {
    let l = s.lower.get(..end)?;
    let src = s.letters();
    // "wait… for X", the nearest before `end` that has its "for".
    let mut at = l.len();
    while let Some(w) = l[..at].rfind("wait") {
        at = w;
        if let Some(k) = l[w..].find(" for ").map(|k| w + k).filter(|k| k - w <= 16) {
            if let Some(words) = phrase(src.get(k + 5..end)?) {
                return Some(words);
            }
        }
    }
    // "(the) X waiting list", "X had a waiting list".
    let k = l.find("waiting list")?;
    let before = src.get(..k)?.trim_end();
    let before = before.strip_suffix(" had a").or_else(|| before.strip_suffix(" has a")).unwrap_or(before);
    let words: Vec<&str> = before.split_whitespace().collect();
    let from = words
        .iter()
        .rposition(|w| ["the", "its", "their", "a", "showed", "with", "of"].contains(&w.to_ascii_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    let noun = &words[from..];
    (!noun.is_empty() && noun.len() <= 4 && noun.iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))).then(|| noun.join(" "))
}

/// A sentence that opens with what it is about: "For an occupational therapist assessment,
/// requiring major intervention, the median waiting time was 8 weeks."
fn opening_for(s: &Sent) -> Option<String> {
    let src = s.letters();
    let rest = src.strip_prefix("For ").or_else(|| src.strip_prefix("for "))?;
    phrase(rest.split(',').next()?)
}

/// The noun phrase a wait is for, from the words after "for": up to a verb, a preposition that
/// starts something else, a figure, or a full stop; a comma ends it once it has two words.
fn phrase(rest: &str) -> Option<String> {
    const STOP: &[&str] = &[
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "stood",
        "remained",
        "reduced",
        "increased",
        "fell",
        "rose",
        "of",
        "at",
        "with",
        "from",
        "in",
        "to",
        "over",
        "over the",
        "since",
        "by",
        "up",
    ];
    let mut words = Vec::new();
    for word in rest.split_whitespace() {
        let bare = word.trim_end_matches([',', ';', ':', '.', ')']);
        let lower = bare.to_ascii_lowercase();
        if STOP.contains(&lower.as_str())
            || bare.starts_with(|c: char| c.is_ascii_digit() || c == '(')
            || words.len() == 7
            || (words.len() >= 2 && ["and", "for", "where", "which", "that"].contains(&lower.as_str()))
        {
            break;
        }
        words.push(bare);
        let stop = word[bare.len()..].chars().next();
        if matches!(stop, Some('.' | ';' | ':' | ')')) || (stop == Some(',') && words.len() >= 2) {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// What a wait is for, from the text `rest` after it: "for a residential financial
/// assessment", "for assessment".
fn wait_for(rest: &str) -> Option<String> {
    let k = rest.find(" for ").filter(|&k| k < 12)?;
    let clause = rest[k + 5..].split([',', '.', ';']).next().unwrap_or("");
    // "a 13-month wait for children and young people to access an appointment for medication":
    // who waits is not what they wait for; what follows "to access" is.
    let clause = ["to access ", "to receive ", "to get ", "to see ", "to start "]
        .iter()
        .find_map(|v| clause.find(v).filter(|&at| at <= 40).map(|at| &clause[at + v.len()..]))
        .unwrap_or(clause);
    Some(clause.split_whitespace().take(5).collect::<Vec<_>>().join(" "))
}

/// What a wait lasts until, from the text after its figure: "four months to be seen" → "to be
/// seen", "6 weeks to be allocated a social worker" → "to be allocated".
fn wait_until(rest: &str) -> Option<String> {
    let mut words = rest.split_whitespace().skip(1);
    let (to, be, what) = (words.next()?, words.next()?, words.next()?);
    let what = what.trim_end_matches(|c: char| !c.is_alphabetic());
    (to == "to" && be == "be" && what.len() > 2 && what.ends_with(['d', 'n'])).then(|| format!("to be {what}"))
}

/// "85% of assessments were completed within 28 days": a share seen within a timescale.
fn within_timescale(s: &Sent, n: &Num) -> Option<Metric> {
    let rest = &s.lower[n.end..];
    if n.unit != Quantity::Percent
        || !(rest.contains(" within ") || rest.contains("timescale"))
        || rest.find(" within ").is_some_and(|k| k >= 80)
    {
        return None;
    }
    let text = s.text();
    let what: String = text[n.end..]
        .trim_start_matches(" of ")
        .split([',', ';', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take(10)
        .collect::<Vec<_>>()
        .join(" ");
    let what = what.trim_end_matches('.');
    (!what.is_empty()).then(|| Metric { kind: MetricKind::Waiting, unit: Unit::Percent, ..count_metric(s, what, n) })
}

/// A count of people or things: "supported 3,590 people", "148 individuals were waiting",
/// "1,441 DoLS applications".
fn count(s: &Sent, n: &Num) -> Option<Metric> {
    if n.unit != Quantity::Count || n.value < 1.0 {
        return None;
    }
    let text = s.text();
    let (rest, before) = (&s.lower[n.end..], &s.lower[..n.start]);
    if rest.starts_with(" people") && (before.ends_with("supported ") || before.ends_with("support to ") || before.ends_with("supporting "))
    {
        return Some(count_metric(s, "people supported", n));
    }
    let next: String = rest.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    if ["people", "individuals", "adults", "carers", "children"].iter().any(|w| next.starts_with(w))
        && (next.contains("waiting") || next.contains("on the waiting list"))
    {
        let label =
            match waiting_team(&text[n.end..]).or_else(|| noun_object(s, n.end, "waiting").filter(|(p, _)| *p == "for").map(|(_, w)| w)) {
                Some(t) if t.starts_with("in ") => format!("people waiting {t}"),
                Some(t) => format!("people waiting for {t}"),
                None => "people waiting".to_string(),
            };
        return Some(count_metric(s, &label, n));
    }
    COUNT_NOUNS.iter().find(|(w, _)| next.starts_with(w)).map(|(w, name)| {
        // "9 appeals to financial assessment decisions", "14 referrals for young carers".
        let label = match noun_object(s, n.end, w) {
            Some((prep, what)) => format!("{name} {prep} {what}"),
            None => (*name).to_string(),
        };
        count_metric(s, &label, n)
    })
}

/// A counted noun's object: "appeals to financial assessment decisions", "referrals for young
/// carers", "reviews of care plans": the preposition and the phrase after it.
fn noun_object(s: &Sent, from: usize, noun: &str) -> Option<(&'static str, String)> {
    let l = s.lower.get(from..)?;
    let k = from + l.find(noun)? + noun.len();
    let rest = s.lower.get(k..)?;
    let src = s.letters();
    ["for", "to", "against", "of", "about"].iter().find_map(|p| {
        let lead = format!(" {p} ");
        rest.starts_with(&lead).then(|| phrase(src.get(k + lead.len()..)?).map(|w| (*p, w))).flatten()
    })
}

/// "… waiting in the hospital team": the team named in the clause after a count of people waiting.
fn waiting_team(after: &str) -> Option<String> {
    after.split(['.', ',', ';', '(']).next().and_then(|clause| clause.find(" in the ").map(|k| &clause[k + 1..])).and_then(|t| {
        let ws: Vec<&str> = t.split_whitespace().collect();
        let end = ws.iter().position(|w| w.to_ascii_lowercase().starts_with("team"))?;
        (end < 6).then(|| ws[..=end].join(" "))
    })
}

fn count_metric(s: &Sent, label: &str, n: &Num) -> Metric {
    s.plain_figure(label, n.value, Unit::Count)
}
