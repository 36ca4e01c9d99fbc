//! The label a figure gets from the words around it: the "of …" phrase after it, the measure
//! named after an article ("an 8.32% vacancy rate"), or the words before it back to the
//! clause's verb; place phrases and leading articles are dropped.

use super::super::numbers::Num;

/// Words that end a label read after the figure.
const STOP: &[&str] = &["which", "compared", "this", "than", "against", "and", "but", "although", "while", "whereas", "according"];

/// Verbs (and linking words) a label read before the figure starts after.
const VERBS: &[&str] = &[
    "showed",
    "indicated",
    "that",
    "was",
    "were",
    "is",
    "had",
    "reported",
    "evident",
    "for",
    "with",
    "making",
    "made",
    "make",
    "makes",
    "comprising",
    "comprise",
    "accounting",
];

/// Verbs that report a figure: what it measures is said after it, not before.
const REPORTING: &[&str] = &["showed", "shows", "indicated", "indicates", "reported", "found", "that"];

/// Auxiliaries left out of a label ("people were satisfied" → "people satisfied").
const AUXILIARIES: &[&str] = &["were", "was", "are", "is", "been", "being", "had", "have", "has"];

/// Openings that frame a figure rather than name it: "Data was positive for people who …",
/// "However, the data was negative for people 65+ who …".
const FRAMES: &[&str] = &["data was positive for", "data was negative for", "data were positive for", "data were negative for"];

/// Verbs whose subject names the measure: "older people, making up 16.76%", "children from
/// minority ethnic groups account for 29% of all children".
const SUBJECT_VERBS: &[&str] = &["making", "made", "make", "makes", "comprising", "accounting", "account", "accounts", "accounted"];

/// Does `before` (the text before a figure) end with a verb whose subject names the measure
/// ("… account for", "… making up")?
fn ends_with_subject_verb(before: &str) -> bool {
    let ws: Vec<String> = before.split_whitespace().rev().take(2).map(|w| w.to_ascii_lowercase()).collect();
    match ws.as_slice() {
        [last, verb, ..] if last == "for" || last == "up" => SUBJECT_VERBS.contains(&verb.as_str()),
        [last, ..] => SUBJECT_VERBS.contains(&last.as_str()),
        [] => false,
    }
}

/// A short label for a measure, from the words around its figure: the measure named after an
/// article ("an 8.32% … vacancy rate"), else the "of …" phrase after the figure, else the words
/// before it (up to `comp_at`, where the comparator starts).
pub(super) fn label(sentence: &str, local: &Num, comp_at: usize) -> String {
    let after = &sentence[local.end..];
    let of_phrase = of_phrase(after);
    // "making up 16.76% of the population": the subject is before the figure.
    let generic = of_phrase.as_ref().is_some_and(|w| {
        let j = w.join(" ").to_ascii_lowercase();
        j.trim_end_matches(|c: char| !c.is_alphanumeric()).ends_with("population") || w.len() < 2
    }) || ends_with_subject_verb(&sentence[..local.start]);
    // "had an 8.32% adult social care job vacancy rate, which …": an article before the
    // figure means the measure is named after it.
    let article_before =
        sentence[..local.start].split_whitespace().last().is_some_and(|w| ["a", "an", "the"].contains(&w.to_ascii_lowercase().as_str()));
    let named_after = named_after(after);
    if article_before && of_phrase.is_none() && named_after.len() >= 2 {
        return tidy_label(named_after);
    }
    // "National data … showed 68.42% people were satisfied with their care": a reporting verb
    // before the figure, the group and what is said of it after.
    let reported = sentence[..local.start]
        .split_whitespace()
        .last()
        .is_some_and(|w| REPORTING.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase().as_str()));
    if reported && of_phrase.is_none() && named_after.len() >= 2 {
        let words: Vec<&str> = named_after.into_iter().filter(|w| !AUXILIARIES.contains(&w.to_ascii_lowercase().as_str())).collect();
        return tidy_label(words);
    }
    // "96.31% of people in Middlesbrough": an "of" group that is only "people" once its place
    // goes says less than the words before the figure.
    match (of_phrase.map(tidy_label).filter(|t| t.split_whitespace().count() >= 2), generic) {
        (Some(t), false) => t,
        _ => words_before(&sentence[..local.start.min(comp_at)]),
    }
}

/// "of carers accessing training, which …" after the figure: the words up to a stop word.
fn of_phrase(after: &str) -> Option<Vec<&str>> {
    after.strip_prefix(" of ").map(|rest| {
        rest.split_whitespace()
            .take_while(|w| !STOP.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase().as_str()))
            .take(12)
            .collect()
    })
}

/// The words after the figure up to the clause's end or a stop word.
fn named_after(after: &str) -> Vec<&str> {
    after
        .split([',', ';', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !STOP.contains(&w.to_ascii_lowercase().as_str()))
        .take(8)
        .collect()
}

/// The label from the words `before` the figure, back to the clause's verb; with "making up",
/// the subject before the verb instead.
fn words_before(before: &str) -> String {
    let mut before = before;
    // "… than the England average (47.83% compared to …": the measure is before "than".
    if before.trim_end().ends_with('(') {
        if let Some(k) = before.rfind(" than ") {
            before = &before[..k];
        }
    }
    let before = before.trim_end_matches(|c: char| c == '(' || c.is_whitespace());
    // "… is 27% (the national average is 17%) in secondary schools is 23%": a bracketed figure
    // before ends the clause of the one before it.
    let before = match before.rfind(')') {
        Some(k) if before[..k].rfind('(').is_some_and(|o| before[o..k].contains(|c: char| c.is_ascii_digit())) => &before[k + 1..],
        _ => before,
    };
    let ws: Vec<&str> = before.split_whitespace().collect();
    let plain = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    let mut cut = ws.iter().rposition(|w| VERBS.contains(&plain(w).as_str()));
    // "accounting for 11%", "account for 29%": the verb is the word before "for".
    if let Some(c) = cut.filter(|&c| c > 0 && plain(ws[c]) == "for" && SUBJECT_VERBS.contains(&plain(ws[c - 1]).as_str())) {
        cut = Some(c - 1);
    }
    // With "making up 16.76%", keep the subject before the verb instead.
    if let Some(c) = cut {
        if c + 1 >= ws.len() || SUBJECT_VERBS.contains(&plain(ws[c]).as_str()) {
            let start =
                ws[..c].iter().rposition(|w| w.ends_with(',') || ["with", "showed", "that"].contains(&w.to_ascii_lowercase().as_str()));
            let v: Vec<&str> = ws[start.map(|s| s + 1).unwrap_or(0)..c].to_vec();
            if !v.is_empty() {
                return tidy_label(v);
            }
        }
    }
    let from = cut.map(|c| c + 1).unwrap_or(ws.len().saturating_sub(8));
    let mut v: Vec<&str> = ws[from..].to_vec();
    if v.is_empty() && from > 0 {
        v = ws[from.saturating_sub(6)..from].to_vec();
    }
    while v.last().is_some_and(|w| ["at", "of", "was", "were", "by", "to", "with"].contains(&w.to_ascii_lowercase().as_str())) {
        v.pop();
    }
    tidy_label(v)
}

/// Drop place phrases ("in Middlesbrough"), a framing opening ("Data was positive for"),
/// leading articles and trailing punctuation.
fn tidy_label(words: Vec<&str>) -> String {
    let joined = words.join(" ").to_ascii_lowercase();
    let words = match FRAMES.iter().find_map(|f| joined.find(f).filter(|k| *k <= 20).map(|k| k + f.len())) {
        // The words after the frame (`joined` is the words joined by single spaces).
        Some(end) => {
            let skip = joined[..end].split_whitespace().count();
            words.into_iter().skip(skip).collect()
        }
        None => words,
    };
    // "in Middlesbrough", "across Stockton-on-Tees": a place phrase goes, preposition and all.
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let place = (w == "in" || w == "across") && words.get(i + 1).is_some_and(|n| n.starts_with(char::is_uppercase));
        if place {
            i += 1;
            while words.get(i).is_some_and(|n| n.starts_with(char::is_uppercase)) {
                i += 1;
            }
            continue;
        }
        out.push(w);
        i += 1;
    }
    while out.last().is_some_and(|w| ["in", "across", "the", "of", "at"].contains(w)) {
        out.pop();
    }
    while out.first().is_some_and(|w| ["the", "their", "its", "of", "and", "however,", "only"].contains(&w.to_ascii_lowercase().as_str())) {
        out.remove(0);
    }
    let s = out.join(" ");
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '+').to_string()
}

/// A label from a sentence's subject when no phrase sits next to the figure.
pub(super) fn fallback_label(sentence: &str) -> String {
    let ws: Vec<&str> =
        sentence.split_whitespace().filter(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '£')).take(8).collect();
    ws.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Data-driven checks: the label a sentence's first figure (years aside) gets as a
/// comparison's local figure, the next figure being its comparator — `label`, or
/// `fallback_label` when that gives under two words, as `comparisons` does.
/// `UPDATE_EXPECT=1 cargo test --lib label` rewrites them.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod checks {
    use expect_test::{expect, Expect};

    use super::super::super::numbers::{numbers, Quantity};
    use super::*;

    fn check(sentence: &str, expected: Expect) {
        let ns: Vec<Num> = numbers(sentence).into_iter().filter(|n| n.unit != Quantity::Year).collect();
        let out = match ns.first() {
            None => "(no figure)".to_string(),
            Some(n) => {
                let comp_at = ns.get(1).map_or(sentence.len(), |c| c.start);
                let got = label(sentence, n, comp_at);
                let shown = if got.split_whitespace().count() < 2 {
                    format!("{:?} (fallback)", fallback_label(sentence))
                } else {
                    format!("{got:?}")
                };
                format!("{} → {shown}", &sentence[n.start..n.end])
            }
        };
        expected.assert_eq(&out);
    }

    #[test]
    fn the_of_phrase_after_the_figure() {
        check(
            "Only 2.59% of carers accessed training, compared to the England average of 4.30%.",
            expect![[r#"2.59% → "carers accessed training""#]],
        );
    }

    #[test]
    fn a_measure_named_after_an_article() {
        check(
            "The local authority had an 8.32% adult social care job vacancy rate, which was better than the England average of 9.7%.",
            expect![[r#"8.32% → "adult social care job vacancy rate""#]],
        );
    }

    #[test]
    fn words_before_the_figure_back_to_the_verb() {
        check(
            "The proportion of people who felt safe was 70.2%, compared to the England average of 69.7%.",
            expect![[r#"70.2% → "proportion of people who felt safe""#]],
        );
        check("Skills for Care data showed that 5.3% of posts were vacant.", expect![[r#"5.3% → "posts were vacant""#]]);
    }

    #[test]
    fn making_and_make_up_before_the_figure() {
        check(
            "Older people, making 16.76% of the population, compared with 18.61% in the rest of England.",
            expect![[r#"16.76% → "Older people, making""#]],
        );
        check(
            "Carers make up 9.6% of the population, compared with 8.9% across England.",
            expect![[r#"9.6% → "Carers make up of the population, compared with" (fallback)"#]],
        );
    }

    #[test]
    fn before_than_when_the_figures_are_bracketed() {
        check(
            "More carers were satisfied with support they received than the England average (47.83% compared to 36.83%).",
            expect![[r#"47.83% → "support they received""#]],
        );
    }

    #[test]
    fn place_phrases_go_with_their_preposition() {
        check(
            "The proportion of people who used services in Stockton-on-Tees who felt safe was 71.3%.",
            expect![[r#"71.3% → "proportion of people who used services who felt safe""#]],
        );
        check(
            "People who used services across North East Lincolnshire reported 45.1% satisfaction.",
            expect![[r#"45.1% → "People who used services""#]],
        );
    }

    #[test]
    fn leading_however_and_only_go() {
        check(
            "However, only 31.2% of people were satisfied with their care and support, against 26% nationally.",
            expect![[r#"31.2% → "people were satisfied with their care""#]],
        );
    }

    #[test]
    fn trailing_prepositions_go_and_an_empty_label_falls_back() {
        check(
            "Satisfaction with social care services was reported at 64.4%.",
            expect![[r#"64.4% → "Satisfaction with social care services was reported at" (fallback)"#]],
        );
        check(
            "Carers' quality of life was measured by the survey at 7.1, compared to 7.3 nationally.",
            expect![[r#"7.1 → "measured by the survey""#]],
        );
    }

    #[test]
    fn a_figure_with_no_words_around_it_falls_back_to_the_subject() {
        check("This was 45%.", expect![[r#"45% → "This was" (fallback)"#]]);
        check("At 12% it is lower than the 15% in England.", expect![[r#"12% → "At it is lower than the in England" (fallback)"#]]);
    }

    #[test]
    fn money_and_counts() {
        check(
            "Spend on adult social care was £12.4m against the England average of £10m.",
            expect![[r#"£12.4m → "Spend on adult social care""#]],
        );
        check(
            "There were 1,441 DoLS applications awaiting assessment, compared to 900 nationally.",
            expect![[r#"1,441 → "There were DoLS applications awaiting assessment, compared to" (fallback)"#]],
        );
    }

    #[test]
    fn no_figure() {
        check("Waiting lists were long in 2023.", expect!["(no figure)"]);
    }

    #[test]
    fn multibyte_text_around_the_figure() {
        check("Résidents’ satisfaction — with “café” services — was 55.5%, é.", expect![[r#"55.5% → "café” services""#]]);
    }
}
