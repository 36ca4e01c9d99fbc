//! The cue lexicon and the first round's rule classifier. The rules' verdict is one feature
//! of the model (`super::model`), not the answer: on sentences from reports it was not written
//! from it agreed with a reader on about 61%.

use super::super::text::FastMap as HashMap;
use super::super::Class;
use std::sync::OnceLock;

/// Words and phrases that mark a shortfall. Checked on lower-cased text with word edges.
const GAP_CUES: &[&str] = &[
    "not",
    "no defined",
    "no clear",
    "no ",
    "lack of",
    "lacked",
    "lacking",
    "gaps",
    "gap",
    "delay",
    "delays",
    "delayed",
    "waiting",
    "waits",
    "inconsistent",
    "inconsistency",
    "inconsistencies",
    "too long",
    "too many",
    "not yet",
    "needed improvement",
    "need for",
    "needed",
    "was required",
    "were required",
    "required improvement",
    "area of improvement",
    "area for improvement",
    "areas for improvement",
    "improvement was needed",
    "shortfall",
    "shortfalls",
    "concerns",
    "concern",
    "challenges",
    "challenge",
    "poor",
    "poorly",
    "negative",
    "limited",
    "insufficient",
    "reliant",
    "mixed",
    "variable",
    "variability",
    "understaffed",
    "backlog",
    "backlogs",
    "weak",
    "weaker",
    "difficult",
    "difficulty",
    "difficulties",
    "unable",
    "fewer",
    "worse",
    "lower than",
    "below",
    "long waits",
    "long waiting",
    "not always",
    "did not",
    "does not",
    "could not",
    "were not",
    "was not",
    "had not",
    "has not",
    "have not",
    "risk",
    "risks",
    "issue",
    "issues",
    "struggled",
    "barrier",
    "barriers",
    "frustrat",
    "unclear",
    "lack",
    "absence",
    "overspend",
    "pressure",
    "pressures",
    "fragil",
    "declin",
    "deteriorat",
    "less",
    "only",
    "nothing",
    "just not there",
    "yet to",
    "more work",
    "further work",
    "should",
    "must",
];

/// Words and phrases that mark a strength.
const STRENGTH_CUES: &[&str] = &[
    "good",
    "effective",
    "effectively",
    "robust",
    "timely",
    "well",
    "positive",
    "positively",
    "strength",
    "strengths",
    "strong",
    "valued",
    "supported",
    "supportive",
    "clear understanding",
    "passionate",
    "ambitious",
    "committed",
    "commitment",
    "successful",
    "successfully",
    "improved",
    "improving",
    "starting to improve",
    "safe",
    "focused on",
    "invested",
    "listened",
    "emphasis on",
    "knew itself",
    "aware of",
    "motivated",
    "visible",
    "approachable",
    "better",
    "high quality",
    "excellent",
    "outstanding",
    "impressive",
    "innovative",
    "proactive",
    "responsive",
    "collaborat",
    "partnership approach",
    "working well",
    "worked well",
    "benefit",
    "empower",
    "person-centred",
    "strength-based",
    "recognition of",
    "understood",
    "understanding of",
    "satisfied",
    "happy",
    "praised",
    "opportunit",
    "promoting independence",
    "promote independence",
    "independence",
    "worked together",
    "work together",
    "shared learning",
    "best practice",
];

/// Shortfall nouns that are only the object of understanding when a strength comes first
/// ("a good understanding of the challenges", "listened to staff concerns").
const SOFT_GAPS: &[&str] = &["challenges", "challenge", "issues", "issue", "concerns", "concern", "risks", "risk", "pressures", "pressure"];

/// Phrases whose shortfall words are not shortfalls ("not only", "no longer require support").
/// Shortfalls that "no" cancels ("no delays", "no one waiting").
const NEGATIVE_NOUNS: &[&str] = &[
    "delay",
    "delays",
    "waiting",
    "wait",
    "waits",
    "concerns",
    "concern",
    "complaints",
    "backlog",
    "backlogs",
    "embargoes",
    "issues",
    "gaps",
    "risks",
    "one",
    "people",
];

const NOT_GAPS: &[&str] = &[
    "nothing to suggest",
    "nothing to indicate",
    "risk management",
    "risk assessment",
    "risk-based",
    "managing risk",
    "risk-assessed",
    "not only",
    "no longer require",
    "no longer needed",
    "no further",
    "no one waiting",
    "no waiting",
    "no delays",
    "no concerns",
    "not waiting",
    "minimal waiting",
    "reduce risk",
    "manage risk",
    "managed risk",
    "risk-assessed",
    "risk assess",
    "mitigate",
];

const STEMS: &[&str] = &["frustrat", "collaborat", "fragil", "declin", "deteriorat", "empower", "opportunit"];

/// Cues split into words, indexed by their first word, so a sentence is classed in one pass
/// over its words whatever the number of cues.
struct CueIndex {
    by_first: HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>,
    stems: Vec<&'static str>,
}

impl CueIndex {
    fn new(cues: &[&'static str]) -> Self {
        let mut by_first: HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>> = HashMap::default();
        let mut stems = Vec::new();
        for &c in cues {
            if STEMS.contains(&c) {
                stems.push(c);
                continue;
            }
            let ws: Vec<&'static str> = c.split(|ch: char| !ch.is_alphanumeric() && ch != '-').filter(|w| !w.is_empty()).collect();
            if let Some(first) = ws.first() {
                by_first.entry(first).or_default().push((c, ws));
            }
        }
        CueIndex { by_first, stems }
    }

    /// Every cue in `words` with the index of the word it starts at.
    fn hits(&self, words: &[&str]) -> Vec<(usize, &'static str)> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(cands) = self.by_first.get(w) {
                for (cue, ws) in cands {
                    if words.len() >= i + ws.len() && ws.iter().zip(&words[i..]).all(|(a, b)| a == b) {
                        out.push((i, *cue));
                    }
                }
            }
            for stem in &self.stems {
                if w.starts_with(stem) {
                    out.push((i, *stem));
                }
            }
        }
        out
    }
}

fn indexes() -> &'static (CueIndex, CueIndex) {
    static INDEX: OnceLock<(CueIndex, CueIndex)> = OnceLock::new();
    INDEX.get_or_init(|| (CueIndex::new(GAP_CUES), CueIndex::new(STRENGTH_CUES)))
}

/// Class a sentence, with the cue that decided it.
///
/// Rules, in order:
/// 1. A concessive clause ("Despite …,", "Although …,", "While …,") is set aside: the main
///    clause decides.
/// 2. Phrases that only look like shortfalls ("no longer require support") are set aside.
/// 3. A shortfall cue anywhere decides "gap": reports put the weight of a contrast
///    ("…, but gaps in …", "However, …", "…, but not a clear strategy") on the shortfall —
///    unless every shortfall word is a soft noun ("challenges", "concerns", "issues")
///    governed by an earlier strength ("a good understanding of the challenges").
/// 4. Otherwise a strength cue decides "strength"; otherwise the sentence only describes.
pub fn rule_class(sentence: &str) -> (Class, Option<String>) {
    let mut l = sentence.to_ascii_lowercase();
    // Concessive and conditional openings ("Despite …,", "If the person did not …,") are set aside.
    for lead in ["despite ", "although ", "while ", "whilst ", "notwithstanding ", "if ", "where ", "unless "] {
        if l.starts_with(lead) {
            if let Some(k) = l.find(", ") {
                l = l[k + 2..].to_string();
            }
        }
    }
    for p in NOT_GAPS {
        if l.contains(p) {
            l = l.replace(p, " ");
        }
    }
    let words: Vec<&str> = l.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let (gap_index, strength_index) = indexes();
    let mut gaps = gap_index.hits(&words);
    // "no delays", "no people waiting", "no concerns": a negated shortfall is not a shortfall.
    let negated: Vec<usize> = gaps
        .iter()
        .filter(|(i, c)| {
            c.trim() == "no"
                && words.get(i + 1..(i + 3).min(words.len())).is_some_and(|next| next.iter().any(|w| NEGATIVE_NOUNS.contains(w)))
        })
        .map(|(i, _)| *i)
        .collect();
    gaps.retain(|(i, _)| !negated.iter().any(|n| *i >= *n && *i <= n + 2));
    // "only" marks a shortfall before a figure ("only 26.7% of staff"), not in "would only do this".
    // "could only have one review" is a restriction too.
    gaps.retain(|(i, c)| {
        *c != "only"
            || words.get(i + 1).is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()))
            || i.checked_sub(1).and_then(|p| words.get(p)).is_some_and(|w| *w == "could" || *w == "can")
    });
    let strength = strength_index.hits(&words).into_iter().min_by_key(|(i, _)| *i);
    if let Some(&(gi, gc)) = gaps.iter().min_by_key(|(i, _)| *i) {
        // Every shortfall in the sentence is a soft noun that a strength governs.
        let only_soft = gaps.iter().all(|(_, c)| SOFT_GAPS.contains(c));
        return match strength {
            Some((si, sc)) if only_soft && si < gi => (Class::Strength, Some(sc.trim().to_string())),
            _ => (Class::Gap, Some(gc.trim().to_string())),
        };
    }
    match strength {
        Some((_, c)) => (Class::Strength, Some(c.trim().to_string())),
        None => (Class::Neutral, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifier_rules() {
        assert_eq!(rule_class("There was no defined plan around coproduction.").0, Class::Gap);
        assert_eq!(rule_class("Staff felt supported in their roles.").0, Class::Strength);
        assert_eq!(
            rule_class("There was recognition of unpaid carers, but gaps in areas such as communication were highlighted.").0,
            Class::Gap
        );
        assert_eq!(rule_class("However, this had led to a lack of assurances.").0, Class::Gap);
        assert_eq!(rule_class("Despite staffing challenges, teams worked well together.").0, Class::Strength);
        assert_eq!(rule_class("91% of people who received short term support no longer require support.").0, Class::Neutral);
        assert_eq!(rule_class("The local authority is a unitary authority.").0, Class::Neutral);
        assert_eq!(rule_class("The local authority had no people waiting for home care.").0, Class::Neutral);
        assert_eq!(rule_class("There were no delays and support was timely.").0, Class::Strength);
        assert_eq!(
            rule_class("If the person did not have an allocated worker, the safeguarding staff would do the whole enquiry.").0,
            Class::Neutral
        );
        assert_eq!(rule_class("There were risk management and escalation arrangements within the directorate.").0, Class::Neutral);
        assert_eq!(rule_class("Staff would only do this with the consent of the person.").0, Class::Neutral);
        assert_eq!(rule_class("A carer was told they could only have one review each year.").0, Class::Gap);
        assert_eq!(rule_class("However, only 26.7% of eligible staff had completed the Care Certificate.").0, Class::Gap);
        assert_eq!(rule_class("Waiting times were too long.").1.as_deref(), Some("waiting"));
        assert_eq!(rule_class("The assessment was not timely.").1.as_deref(), Some("was not"));
    }
}
