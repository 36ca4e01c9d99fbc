//! A verdict lexicon of social-care inspection writing, by word class rather than by word, so
//! the model learns "praise word" once instead of each praise word from the few sentences that
//! happen to hold it. Entries match a token (lower case, plural off, see `features::tokens`)
//! exactly, or as a prefix when they end in `*`. Written from the rubric
//! (`docs/findings-rubric.md`) and the language of the frameworks, not from the test sentences.

use std::sync::OnceLock;

use super::super::text::FastMap;

/// Words of praise, achievement or good manner that are verdicts on their own.
const POSITIVE: &[&str] = &[
    "good",
    "effective*",
    "strong",
    "strongly",
    "strength",
    "timely",
    "prompt*",
    "swift*",
    "quick*",
    "rapid*",
    "robust*",
    "thorough*",
    "comprehensive*",
    "sensitive*",
    "sensitivity",
    "purposeful*",
    "appropriate",
    "appropriately",
    "clear",
    "clearly",
    "consistent",
    "consistently",
    "improved",
    "improving",
    "positive*",
    "beneficial",
    "helpful",
    "supportive",
    "securely",
    "stable",
    "stability",
    "skilled",
    "skilful*",
    "skillful*",
    "committed",
    "commitment",
    "passionate*",
    "ambitious",
    "creative*",
    "innovati*",
    "excellent",
    "outstanding",
    "impressive*",
    "high-quality",
    "enhanced",
    "strengthened",
    "valued",
    "trusted",
    "confident*",
    "proactive*",
    "embedded",
    "rigorous*",
    "tenacious*",
    "responsive",
    "knowledgeable",
    "experienced",
    "meaningful*",
    "success*",
    "achieved",
    "well-*",
    "careful*",
    "detailed",
    "child-centred",
    "person-centred",
    "attentive*",
    "caring",
    "warm",
    "nurtur*",
    "thoughtful*",
    "reflective",
    "insightful",
    "accurate*",
    "realistic",
    "sustained",
    "enjoy*",
    "happy",
    "thriv*",
    "flourish*",
    "celebrat*",
    "praise*",
    "valuable",
    "useful",
    "notable",
    "dedicated",
    "determined",
    "resilient",
    "bespoke",
    "tailored",
    "holistic",
    "seamless*",
    "cohesive",
    "approachable",
    "inclusive",
    "respectful*",
    "compassionate*",
    "empower*",
    "efficient*",
    "successfully",
    "readily",
    "well",
    "better",
    "best",
    "benefit*",
    "safely",
    "secure",
    "safe",
    "progress",
    "effectively",
    "focused",
    "evident",
    "visible",
];

/// Words that lean to praise in context ("all", "most", "support") but are not verdicts alone.
const POSITIVE_WEAK: &[&str] = &[
    "able",
    "listened",
    "understood",
    "significant",
    "fully",
    "always",
    "all",
    "every",
    "most",
    "majority",
    "regularly",
    "routinely",
    "wide",
    "range",
    "support",
    "supported",
    "help",
    "helped",
    "ensure*",
    "enable*",
    "increase*",
    "met",
    "informed",
    "available",
    "accessible",
    "collaborat*",
    "achieve*",
    "improve*",
];

/// Words of shortfall, delay or decline that are verdicts on their own.
const NEGATIVE: &[&str] = &[
    "poor*",
    "weak*",
    "inadequate*",
    "insufficient*",
    "ineffective*",
    "inconsistent*",
    "inconsistency",
    "variab*",
    "delay*",
    "drift",
    "lack*",
    "limited",
    "gap",
    "shortfall",
    "fail*",
    "backlog",
    "deteriorat*",
    "declin*",
    "worse*",
    "slow*",
    "overdue",
    "unclear",
    "unable",
    "struggl*",
    "difficult*",
    "instability",
    "unstable",
    "fragment*",
    "confus*",
    "disjointed",
    "patchy",
    "uneven*",
    "unmet",
    "unsafe",
    "frustrat*",
    "dissatisf*",
    "isolat*",
    "missed",
    "under-*",
    "over-reliance",
    "over-reliant",
    "lengthy",
    "hamper*",
    "hinder*",
    "undermin*",
    "compromis*",
    "superficial",
    "incomplete",
    "inaccurate",
    "out-of-date",
    "outdated",
    "harder",
    "negative*",
    "not",
    "no",
    "never",
    "without",
    "cannot",
    "too",
    "vacanc*",
    "barrier",
    "detriment*",
    "unnecessar*",
    "inexperienced",
    "disrupt*",
    "chaotic",
    "distress*",
    "let",
    "cease*",
    "underdevelop*",
    "under-develop*",
    "unsuitab*",
    "inappropriate*",
    "unsatisfactor*",
    "unacceptabl*",
    "shortage*",
    "unassessed",
    "unallocated",
    "unregistered",
    "unaware",
    "ineffectual",
    "protracted",
    "piecemeal",
];

/// Words that lean to shortfall in context ("some", "risk", "concern") but are not verdicts alone.
const NEGATIVE_WEAK: &[&str] = &[
    "variation",
    "fell",
    "fallen",
    "late",
    "absent",
    "absence",
    "uncertain*",
    "complain*",
    "critic*",
    "wait",
    "waiting",
    "waited",
    "concern",
    "concerned",
    "challenge",
    "challenging",
    "issue",
    "problem*",
    "risk",
    "harm",
    "missing",
    "mixed",
    "reliant",
    "reliance",
    "only",
    "few",
    "some",
    "little",
    "long",
    "longer",
    "high",
    "higher",
    "yet",
    "still",
    "remain*",
    "however",
    "but",
    "although",
    "whereas",
    "tend*",
    "exceed*",
    "lost",
    "loss",
    "pressure*",
    "increasing",
    "rising",
    "rose",
    "escalat*",
    "crisis",
    "sparse",
    "minimal",
    "narrow",
    "generic",
    "brief",
    "descriptive",
    "further",
    "more",
];

/// Obligation and need: "needs to", "should", "must", "is required" name a current shortfall.
const OBLIGATION: &[&str] = &["should", "must", "needed", "require", "required", "requires", "necessary", "improvement", "development"];

/// Aims and activity without a verdict: plans, intentions, work under way.
const AIM: &[&str] = &[
    "plan",
    "planned",
    "planning",
    "intend*",
    "aim",
    "aims",
    "aimed",
    "ambition",
    "will",
    "would",
    "developing",
    "being",
    "begun",
    "beginning",
    "recent*",
    "new",
    "newly",
    "early",
    "commission*",
    "pilot*",
    "review*",
    "introduc*",
    "launch*",
    "establish*",
    "proposed",
    "propose",
    "going",
    "future",
    "currently",
    "under",
    "way",
];

/// Words of decrease: with a bad noun ("fewer delays") a strength, with another a gap.
const DOWN: &[&str] = &["reduc*", "fewer", "less", "lower", "decreas*", "fall", "fell", "fallen", "declin*", "drop*", "minimis*"];

/// Words of increase: with a bad noun ("waiting lists grew") a gap.
const UP: &[&str] = &["increas*", "more", "rise", "rising", "rose", "grow*", "grew", "higher", "escalat*"];

/// Nouns whose decrease is good.
const BAD_NOUNS: &[&str] = &[
    "delay*",
    "wait*",
    "vacanc*",
    "turnover",
    "caseload",
    "exclusion",
    "absence",
    "missing",
    "backlog",
    "drift",
    "agency",
    "re-referral",
    "breakdown",
    "harm",
    "isolat*",
    "risk",
    "concern",
    "complaint",
    "offend*",
    "neet",
    "exploitation",
    "reliance",
    "spend",
    "overspend",
    "cost",
    "duplication",
    "escalation",
    "admission",
    "homelessness",
    "move",
    "placement",
    "change",
];

/// Each list's bit in a word's classes.
const LISTS: [&[&str]; 9] = [POSITIVE, POSITIVE_WEAK, NEGATIVE, NEGATIVE_WEAK, OBLIGATION, AIM, DOWN, UP, BAD_NOUNS];
const POS: u16 = 1;
const POS_WEAK: u16 = 1 << 1;
const NEG: u16 = 1 << 2;
const NEG_WEAK: u16 = 1 << 3;
const OBLIGE: u16 = 1 << 4;
const AIMS: u16 = 1 << 5;
const DOWNS: u16 = 1 << 6;
const UPS: u16 = 1 << 7;
const BAD: u16 = 1 << 8;

/// The lists as two maps, exact words and stems, each to the bits of the lists holding it:
/// a word's classes in a few lookups instead of a scan of every list.
struct Index {
    exact: FastMap<&'static str, u16>,
    stems: FastMap<&'static str, u16>,
    longest_stem: usize,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index { exact: FastMap::default(), stems: FastMap::default(), longest_stem: 0 };
        for (k, list) in LISTS.iter().enumerate() {
            for e in list.iter() {
                match e.strip_suffix('*') {
                    Some(stem) => {
                        *ix.stems.entry(stem).or_default() |= 1 << k;
                        ix.longest_stem = ix.longest_stem.max(stem.len());
                    }
                    None => *ix.exact.entry(e).or_default() |= 1 << k,
                }
            }
        }
        ix
    })
}

/// The bits of the lists a token is on (exactly, or by a stem it starts with).
fn classes_of(token: &str) -> u16 {
    let ix = index();
    let mut bits = ix.exact.get(token).copied().unwrap_or(0);
    for (end, _) in token.char_indices().skip(1).chain(std::iter::once((token.len(), ' '))) {
        if end > ix.longest_stem {
            break;
        }
        bits |= ix.stems.get(&token[..end]).copied().unwrap_or(0);
    }
    bits
}

fn has(token: &str, bit: u16) -> bool {
    classes_of(token) & bit != 0
}

/// The lexicon classes of a clause's tokens (negated tokens start with `~`), as features.
pub fn classes(tokens: &[&str], out: &mut Vec<String>, prefix: &str) {
    for (k, t) in tokens.iter().enumerate() {
        let (neg, w) = match t.strip_prefix('~') {
            Some(w) => (true, w),
            None => (false, *t),
        };
        let mark = if neg { "~" } else { "" };
        if has(w, POS) {
            out.push(format!("{prefix}L:{mark}pos"));
        } else if has(w, POS_WEAK) {
            out.push(format!("{prefix}L:{mark}pos_weak"));
        }
        if has(w, NEG) {
            out.push(format!("{prefix}L:{mark}neg"));
        } else if has(w, NEG_WEAK) {
            out.push(format!("{prefix}L:{mark}neg_weak"));
        }
        let next = tokens.get(k + 1).map(|n| n.trim_start_matches('~'));
        if has(w, OBLIGE) || (w == "need" && next == Some("to")) || (w == "area" && matches!(next, Some("for" | "of"))) {
            out.push(format!("{prefix}L:oblige"));
        }
        if has(w, AIMS) {
            out.push(format!("{prefix}L:aim"));
        }
        let near = || tokens[k.saturating_sub(3)..(k + 4).min(tokens.len())].iter().any(|n| has(n.trim_start_matches('~'), BAD));
        if has(w, DOWNS) {
            out.push(format!("{prefix}L:down_{}", if near() { "bad" } else { "other" }));
        }
        if has(w, UPS) && near() {
            out.push(format!("{prefix}L:up_bad"));
        }
    }
}

/// The first word of `tokens` that a lexicon feature (`L:pos`, `L:~neg`, `L:oblige` …, without
/// a clause prefix) stands for, as the reader should see it ("not … timely").
pub fn word_for(feature: &str, tokens: &[&str]) -> Option<String> {
    let class = feature.strip_prefix("L:")?;
    let (negated, class) = match class.strip_prefix('~') {
        Some(c) => (true, c),
        None => (false, class),
    };
    tokens.iter().find_map(|t| {
        let (neg, w) = match t.strip_prefix('~') {
            Some(w) => (true, w),
            None => (false, *t),
        };
        if neg != negated {
            return None;
        }
        let hit = match class {
            "pos" => has(w, POS),
            "pos_weak" => has(w, POS_WEAK),
            "neg" => has(w, NEG),
            "neg_weak" => has(w, NEG_WEAK),
            "oblige" => has(w, OBLIGE) || w == "need",
            "aim" => has(w, AIMS),
            "down_bad" | "down_other" => has(w, DOWNS),
            "up_bad" => has(w, UPS),
            _ => false,
        };
        hit.then(|| if neg { format!("not … {w}") } else { w.to_string() })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        classes(s, &mut out, "");
        out
    }

    #[test]
    fn words_become_their_class_and_negation_marks_it() {
        assert_eq!(of(&["visit", "are", "timely"]), ["L:pos"]);
        assert_eq!(of(&["visit", "are", "not", "~timely"]), ["L:neg", "L:~pos"]);
        assert_eq!(of(&["fewer", "delay"]), ["L:down_bad", "L:neg"]);
        assert_eq!(of(&["fewer", "foster", "carer"]), ["L:down_other"]);
        assert_eq!(of(&["leader", "plan", "to", "recruit"]), ["L:aim"]);
    }

    #[test]
    fn a_class_feature_is_explained_by_its_word() {
        assert_eq!(word_for("L:~pos", &["visit", "are", "not", "~timely"]).as_deref(), Some("not … timely"));
        assert_eq!(word_for("L:neg", &["visit", "are", "not", "~timely"]).as_deref(), Some("not"));
        assert_eq!(word_for("L:pos", &["visit", "are", "not", "~timely"]), None);
    }
}
