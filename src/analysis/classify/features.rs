//! The features of a finding sentence: its words (lightly stemmed, with negation scope), word
//! pairs, the words of the clause that carries the verdict when the sentence contrasts two
//! ("…, but …", "Although …, …"), and the rule classifier's verdicts on the whole and on that
//! clause. The model weighs them; nothing here decides.

use super::lexicon;
use super::rules::rule_class;

/// Words that negate the next few words of their clause.
const NEGATORS: &[&str] =
    &["not", "no", "never", "without", "cannot", "nor", "none", "neither", "lack", "lacks", "lacking", "nobody", "nothing"];

/// How many words after a negator it reaches (unless the clause ends first).
const NEGATION_REACH: usize = 3;

/// Words that open a concessive clause at the start of a sentence: the main clause after its
/// comma carries the verdict.
const CONCESSIVE: &[&str] = &["although", "though", "while", "whilst", "despite", "notwithstanding"];

/// Words that open a contrasting clause within a sentence: the clause after the last one
/// carries the verdict ("Some described a positive impact, whereas others felt let down").
const CONTRAST: &[&str] = &["but", "however", "whereas", "although", "though", "albeit", "nevertheless", "nonetheless"];

/// Words ending in "s" that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "always",
    "whereas",
    "perhaps",
    "sometimes",
    "does",
    "towards",
    "afterwards",
    "besides",
    "news",
    "means",
    "series",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "was",
    "has",
    "lens",
    "unless",
    "nevertheless",
    "regardless",
    "progress",
    "across",
];

/// A clause boundary in the token stream.
const STOP: &str = "|";

/// A word as the model sees it: lower case, figures as `#n` / `#pct`, plurals and `'s` off.
fn normalise(w: &str) -> String {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return if w.ends_with('%') { "#pct".into() } else { "#n".into() };
    }
    let w = w.trim_matches(|c: char| c == '\'' || c == '-').to_lowercase();
    let w = w.strip_suffix("'s").unwrap_or(&w);
    if NOT_PLURAL.contains(&w) {
        return w.to_string();
    }
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The words of `sentence` with clause boundaries (`|`) where punctuation breaks it.
pub fn tokens(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            let n = normalise(word);
            if !n.is_empty() {
                out.push(n);
            }
            word.clear();
        }
    };
    for c in sentence.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{2013}' | '\u{2014}' => ',',
            c => c,
        };
        if c.is_alphanumeric()
            || c == '\''
            || c == '-'
            || (c == '%' && !word.is_empty())
            || (c == '.' && word.ends_with(|d: char| d.is_ascii_digit()))
        {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            if matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '?' | '!') && out.last().is_some_and(|t| t != STOP) {
                out.push(STOP.into());
            }
        }
    }
    flush(&mut word, &mut out);
    if out.last().is_some_and(|t| t == STOP) {
        out.pop();
    }
    out
}

fn is_negator(w: &str) -> bool {
    NEGATORS.contains(&w) || w.ends_with("n't")
}

/// Mark the words a negator reaches with `~` ("not timely" → `not ~timely`).
fn negate(tokens: &mut [String]) {
    let mut reach = 0;
    for t in tokens.iter_mut() {
        if t == STOP {
            reach = 0;
        } else if is_negator(t) {
            reach = NEGATION_REACH;
        } else if reach > 0 {
            reach -= 1;
            t.insert(0, '~');
        }
    }
}

/// Where the clause that carries the verdict starts, when the sentence contrasts two.
fn decisive_start(tokens: &[String]) -> Option<usize> {
    let first = tokens.first()?;
    if CONCESSIVE.contains(&first.as_str()) || (first == "even" && tokens.get(1).is_some_and(|t| t == "though")) {
        return tokens.iter().position(|t| t == STOP).map(|k| k + 1).filter(|&k| k < tokens.len());
    }
    let k = tokens.iter().rposition(|t| CONTRAST.contains(&t.as_str())).filter(|&k| k > 0)?;
    Some(k + 1).filter(|&k| k < tokens.len())
}

fn rule_feature(prefix: &str, text: &str) -> String {
    let (class, _) = rule_class(text);
    format!("{prefix}:{}", class.as_str())
}

/// Grades a section heading may carry ("The experiences and progress of children in care: good"),
/// most severe first, with their feature.
const HEADING_GRADES: &[(&str, &str)] =
    &[("inadequate", "h:inadequate"), ("requires improvement", "h:ri"), ("outstanding", "h:outstanding"), ("good", "h:good")];

/// Words of a section heading that say what its sentences are likely to be ("Key strengths",
/// "Areas for improvement", "What does the area partnership need to do better?").
const HEADING_CUES: &[(&str, &str)] = &[
    ("strength", "h:strength"),
    ("improve", "h:improve"),
    ("better", "h:improve"),
    ("priority", "h:improve"),
    ("development", "h:improve"),
    ("weakness", "h:weakness"),
    ("failure", "h:weakness"),
    ("concern", "h:weakness"),
    ("effective", "h:effective"),
    ("recommend", "h:recommend"),
    ("summary", "h:summary"),
    ("finding", "h:finding"),
];

/// The features of a sentence's section heading: the grade it names and the words that say
/// what the section holds. A description of practice under "…: inadequate" leans one way,
/// under "Key strengths" the other; the words still decide when they speak.
fn heading_features(heading: &str, out: &mut Vec<String>) {
    let h = heading.to_lowercase();
    let has = |w: &str| h.match_indices(w).any(|(i, _)| !h[..i].ends_with(|c: char| c.is_alphanumeric()));
    if let Some((_, f)) = HEADING_GRADES.iter().find(|(w, _)| has(w)) {
        out.push((*f).to_string());
    }
    let mut cues: Vec<&str> = Vec::new();
    for (w, f) in HEADING_CUES {
        if h.contains(w) && !cues.contains(f) {
            cues.push(f);
        }
    }
    // "Summary of strengths, areas for development and next steps": both sides, neither leans.
    let strength = cues.contains(&"h:strength");
    if strength && cues.iter().any(|c| matches!(*c, "h:improve" | "h:weakness")) {
        cues.retain(|c| !matches!(*c, "h:strength" | "h:improve" | "h:weakness"));
        cues.push("h:mixed");
    }
    out.extend(cues.into_iter().map(str::to_string));
}

/// The features of one sentence (repeats allowed: they count).
pub fn features(sentence: &str) -> Vec<String> {
    features_in(sentence, None)
}

/// The features of one sentence under its section heading, when it has one.
pub fn features_in(sentence: &str, heading: Option<&str>) -> Vec<String> {
    let mut toks = tokens(sentence);
    let plain = toks.iter().filter(|t| *t != STOP).cloned().collect::<Vec<_>>().join(" ");
    negate(&mut toks);
    let mut out = vec!["#bias".to_string(), rule_feature("r", sentence)];
    for (k, t) in toks.iter().enumerate() {
        if t == STOP {
            continue;
        }
        out.push(t.clone());
        if let Some(next) = toks.get(k + 1).filter(|n| *n != STOP) {
            out.push(format!("{t} {next}"));
        }
    }
    // The opening words: recommendations open with a verb ("Ensure that…", "Undertake…"),
    // minutes with their formula ("AGREED that…", "The Panel was informed…").
    let mut opening = plain.split(' ').filter(|w| !w.is_empty());
    if let Some(first) = opening.next() {
        out.push(format!("s:{first}"));
        if let Some(second) = opening.next() {
            out.push(format!("s:{first} {second}"));
        }
    }
    let words: Vec<&str> = toks.iter().map(String::as_str).filter(|t| *t != STOP).collect();
    let before = out.len();
    lexicon::classes(&words, &mut out, "");
    let (pos, neg) =
        (out[before..].iter().any(|f| f == "L:pos"), out[before..].iter().any(|f| f == "L:neg" || f == "L:~pos" || f == "L:oblige"));
    out.push(match (pos, neg) {
        (false, false) => "#no_verdict".into(),
        (true, false) => "#only_pos".into(),
        (false, true) => "#only_neg".into(),
        (true, true) => "#both".into(),
    });
    if let Some(start) = decisive_start(&toks) {
        out.push("#contrast".into());
        let clause: Vec<&String> = toks[start..].iter().filter(|t| *t != STOP).collect();
        out.extend(clause.iter().map(|t| format!("c:{t}")));
        let clause_words: Vec<&str> = clause.iter().map(|t| t.as_str()).collect();
        lexicon::classes(&clause_words, &mut out, "c:");
        let text = clause.iter().map(|t| t.trim_start_matches('~')).collect::<Vec<_>>().join(" ");
        out.push(rule_feature("rc", &text));
    }
    if let Some(h) = heading {
        heading_features(h, &mut out);
    }
    if plain.is_empty() {
        out.truncate(1);
    }
    out
}

/// Words too common to explain a class.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "are", "was", "were", "has", "have", "had", "be", "been", "for", "with",
    "by", "at", "as", "that", "this", "their", "they", "it", "its", "from", "who", "which", "there", "these", "those", "#n", "#pct",
];

/// A feature of `sentence` as the words a reader sees: `L:~pos` → "not … timely", `c:delay` →
/// "delay", `r:gap` → the rule's cue; `None` for features that are not the sentence's words (the
/// bias, the contrast flag, the heading's) and for pairs of common words.
pub fn readable(feature: &str, sentence: &str) -> Option<String> {
    if feature.starts_with('#') || feature.starts_with("h:") {
        return None;
    }
    let (clause, f) = match feature.strip_prefix("c:") {
        Some(f) => (true, f),
        None => (false, feature),
    };
    if f.starts_with("L:") {
        let mut toks = tokens(sentence);
        negate(&mut toks);
        let from = if clause { decisive_start(&toks).unwrap_or(0) } else { 0 };
        let words: Vec<&str> = toks[from.min(toks.len())..].iter().map(String::as_str).filter(|t| *t != STOP).collect();
        return lexicon::word_for(f, &words);
    }
    if let Some(class) = f.strip_prefix("r:").or_else(|| feature.strip_prefix("rc:")) {
        let (c, cue) = rule_class(sentence);
        return cue.filter(|_| c.as_str() == class);
    }
    let f = f.strip_prefix("s:").unwrap_or(f);
    let words: Vec<&str> = f.split(' ').collect();
    if words.iter().all(|w| STOPWORDS.contains(&w.trim_start_matches('~'))) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| if let Some(n) = w.strip_prefix('~') { format!("not … {n}") } else { (*w).to_string() })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_break_at_punctuation_and_normalise_words() {
        assert_eq!(
            tokens("Children’s plans, 45% of them, are reviewed."),
            ["children", "plan", "|", "#pct", "of", "them", "|", "are", "reviewed"]
        );
    }

    #[test]
    fn negation_reaches_three_words_within_its_clause() {
        let mut t = tokens("Visits are not always timely enough for children, and plans are clear.");
        negate(&mut t);
        assert_eq!(t.join(" "), "visit are not ~always ~timely ~enough for children | and plan are clear");
    }

    #[test]
    fn the_clause_after_the_last_contrast_or_a_leading_concession_decides() {
        let f = features("Some described a positive impact, whereas others felt let down.");
        assert!(
            f.contains(&"#contrast".to_string()) && f.contains(&"c:felt".to_string()) && !f.contains(&"c:positive".to_string()),
            "{f:?}"
        );
        let f = features("Despite delays, proceedings are timely.");
        assert!(f.contains(&"c:timely".to_string()) && !f.contains(&"c:delay".to_string()), "{f:?}");
        assert!(!features("Plans are clear.").contains(&"#contrast".to_string()));
    }

    #[test]
    fn empty_and_odd_input_give_only_the_bias() {
        assert_eq!(features(""), ["#bias"]);
        assert_eq!(features("..., ;"), ["#bias"]);
    }
}
