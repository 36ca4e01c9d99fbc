//! Characterisation tests of the findings classifier, `analysis::classify` (a model trained on
//! the labelled sentences, see `src/analysis/classify/`): what it does TODAY with each sentence
//! (class and the words that decided it), hard cases included — not what it should do. Each of
//! issue 14's cases has a comment saying what a careful reader answers; where the class below
//! differs, the model still gets it wrong. Its agreement is measured by `./dev findings`, not here.
//!
//! After an intended change to the classifier, rewrite the expectations in place and review
//! the diff: `UPDATE_EXPECT=1 cargo test --test classifier`.
#![cfg(not(target_arch = "wasm32"))]

use assessment_lens::analysis::classify;
use expect_test::{expect, Expect};

/// `class [cue]`, `-` when no cue decided.
fn check(sentence: &str, expected: Expect) {
    let (class, cue) = classify(sentence);
    expected.assert_eq(&format!("{class} [{}]", cue.as_deref().unwrap_or("-")));
}

// ---- the documented rules ----------------------------------------------------------------

#[test]
fn a_strength_cue_decides_strength() {
    check("Staff worked effectively with partners to support people.", expect!["strength [effectively]"]);
}

#[test]
fn a_shortfall_cue_decides_gap() {
    check("There was no defined plan for the transition to adult services.", expect!["gap [no]"]);
}

#[test]
fn a_sentence_without_cues_is_neutral() {
    check("The report was presented to the panel in September.", expect!["neutral [the report]"]);
}

#[test]
fn empty_text_is_neutral() {
    check("", expect!["neutral [-]"]);
}

#[test]
fn a_concessive_opening_is_set_aside() {
    check("Despite challenges, staff were good at keeping people safe.", expect!["strength [good]"]);
}

#[test]
fn a_conditional_opening_is_set_aside() {
    check("If the person did not engage, staff followed up promptly.", expect!["strength [promptly]"]);
}

#[test]
fn a_shortfall_after_but_outweighs_the_strength_before_it() {
    check("Partnership working was strong, but gaps in data sharing remain.", expect!["gap [gap]"]);
}

#[test]
fn soft_nouns_governed_by_an_earlier_strength_are_not_gaps() {
    check("Leaders have a good understanding of the challenges they face.", expect!["strength [good]"]);
}

#[test]
fn a_negated_shortfall_is_not_a_shortfall() {
    check("There were no delays in completing assessments.", expect!["strength [not … delay]"]);
}

#[test]
fn only_before_a_figure_is_a_shortfall() {
    check("Only 26.7% of eligible staff had completed the Care Certificate.", expect!["gap [only]"]);
}

#[test]
fn only_as_a_restriction_of_action_is_not() {
    check("Staff would only do this when the person agreed.", expect!["gap [only]"]);
}

#[test]
fn could_be_improved_is_a_gap() {
    // A careful reader: gap.
    check("Communication with some communities could be improved.", expect!["gap [some]"]);
}

// ---- issue 14: topic words of social care read as verdicts -------------------------------

#[test]
fn risk_as_a_topic() {
    // A careful reader: strength.
    check("Enquiries are thorough and risks are clearly set out.", expect!["strength [thorough]"]);
}

#[test]
fn challenge_as_a_verb_of_good_practice() {
    // A careful reader: strength.
    check("Reviewing officers challenge plans effectively.", expect!["strength [effectively]"]);
}

#[test]
fn needed_as_a_topic() {
    // A careful reader: strength.
    check("Young people learn the skills needed to live on their own.", expect!["strength [the skill]"]);
}

#[test]
fn concerns_responded_to() {
    // A careful reader: strength.
    check("Concerns are responded to quickly.", expect!["strength [quickly]"]);
}

// ---- issue 14: negated and reduced negatives ---------------------------------------------

#[test]
fn without_delay() {
    // A careful reader: strength.
    check("Children at risk of harm are seen without delay.", expect!["strength [not … delay]"]);
}

#[test]
fn no_child_is_missing() {
    // A careful reader: strength.
    check("No child is missing from education.", expect!["strength [not … missing]"]);
}

#[test]
fn fewer_not_in_work() {
    // A careful reader: strength.
    check("Fewer young people are not in work or training.", expect!["gap [not]"]);
}

#[test]
fn less_isolated() {
    // A careful reader: strength.
    check("Carers feel less isolated.", expect!["gap [isolated]"]);
}

// ---- issue 14: aims, self-knowledge, names and conditions, contrast ----------------------

#[test]
fn an_aim_read_as_an_achievement() {
    // A careful reader: gap.
    check("Leaders know there is more to do to improve the quality of plans.", expect!["gap [more]"]);
}

#[test]
fn accurate_self_evaluation_naming_its_areas_for_improvement() {
    // A careful reader: strength.
    check("Their self-evaluation is accurate and they already knew their areas for improvement.", expect!["strength [accurate]"]);
}

#[test]
fn a_programme_name() {
    // A careful reader: neutral.
    check("Newly qualified social workers complete the Assessed and Supported Year in Employment.", expect!["strength [supported]"]);
}

#[test]
fn a_condition_mid_sentence() {
    check("If anyone was waiting, they were reviewed weekly.", expect!["strength [weekly]"]);
}

#[test]
fn whereas_carries_the_verdict() {
    // A careful reader: gap.
    check("Some described a positive impact, whereas others felt let down.", expect!["gap [let]"]);
}

// ---- issue 14: praise vocabulary -----------------------------------------------------------

#[test]
fn rapidly_and_robustly() {
    // A careful reader: strength.
    check("Managers responded rapidly and robustly to the findings.", expect!["strength [rapidly]"]);
}

#[test]
fn thorough_comprehensive_sensitive() {
    // A careful reader: strength.
    check("Assessments are thorough, comprehensive and sensitive to children's needs.", expect!["strength [thorough]"]);
}

#[test]
fn appropriately_and_purposeful() {
    // A careful reader: strength.
    check("Visits are purposeful and plans are updated appropriately.", expect!["strength [purposeful]"]);
}

#[test]
fn targets_consistently_met() {
    // A careful reader: strength.
    check("Performance targets are consistently met.", expect!["strength [consistently]"]);
}

#[test]
fn low_vacancy_and_turnover() {
    // A careful reader: strength.
    check("The service has low vacancy and turnover rates.", expect!["gap [vacancy]"]);
}

// ---- issue 14: shortfalls without a cue word ------------------------------------------------

#[test]
fn too_early_to_see() {
    // A careful reader: gap.
    check("It is too early to see the difference this makes.", expect!["gap [too]"]);
}

#[test]
fn a_number_that_has_fallen() {
    // A careful reader: gap.
    check("The number of foster carers has fallen.", expect!["strength [fallen]"]);
}

#[test]
fn struggled_to_reach() {
    check("People struggled to reach staff by telephone.", expect!["gap [struggled]"]);
}

#[test]
fn never_carried_out() {
    // A careful reader: gap.
    check("The plan was never carried out.", expect!["gap [never]"]);
}

// ---- the held-out labelled sentences: a floor under the benchmark's figure ----------------

/// Each labelled sentence's heading as the analyser reads it (`scripts/finding-headings.py`).
fn headings() -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/findings/headings.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(_, h)| !h.is_empty())
        .map(|(i, h)| (i.to_string(), h.to_string()))
        .collect()
}

/// Agreement and gap precision of the embedded model on the test documents' labelled sentences
/// (mixed sentences by their lean). `./dev findings` prints the full matrix; this fails when a
/// change drops the model well below what the README states (84.4%, gap precision 0.88, gap
/// recall 0.85). Each sentence is classed under its heading, as the page classes it.
#[test]
fn the_model_holds_its_figures_on_the_held_out_sentences() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/findings/labelled.jsonl")).unwrap();
    let heading = headings();
    let (mut n, mut agree, mut said_gap, mut right_gap) = (0, 0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["split"] != "test" {
            continue;
        }
        let label = if v["label"] == "mixed" { v["lean"].as_str().unwrap() } else { v["label"].as_str().unwrap() };
        let under = v["id"].as_str().and_then(|i| heading.get(i).map(String::as_str));
        let class = assessment_lens::analysis::classify::classify_scored_in(v["text"].as_str().unwrap(), under).class;
        n += 1;
        agree += usize::from(class.as_str() == label);
        if class.as_str() == "gap" {
            said_gap += 1;
            right_gap += usize::from(label == "gap");
        }
    }
    assert_eq!(n, 424, "the test part of the labelled set is fixed");
    assert!(agree * 100 >= n * 82, "agreement {agree}/{n}");
    assert!(right_gap * 100 >= said_gap * 85, "gap precision {right_gap}/{said_gap}");
}

/// The embedded weights are what `cargo run --release --example findings -- train` makes from
/// the labelled training and development sentences: nobody edited them by hand, and the
/// training is reproducible.
#[test]
fn the_embedded_weights_are_what_training_gives() {
    use assessment_lens::analysis::classify::{Model, TrainOptions};
    use assessment_lens::analysis::Class;
    // The first draw, then the later draws of training sentences, in the example's order.
    let mut rows: Vec<serde_json::Value> = Vec::new();
    for name in ["labelled.jsonl", "labelled-extra.jsonl", "labelled-extra2.jsonl", "labelled-extra3.jsonl", "labelled-extra4.jsonl"] {
        let text = std::fs::read_to_string(format!("{}/tests/fixtures/findings/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        rows.extend(text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()));
    }
    // Each sentence's heading as the analyser reads it (scripts/finding-headings.py).
    let heading = headings();
    let examples: Vec<(&str, Option<&str>, Class)> = rows
        .iter()
        .filter(|v| v["split"] == "train" || v["split"] == "dev")
        .map(|v| {
            let label = if v["label"] == "mixed" { v["lean"].as_str().unwrap() } else { v["label"].as_str().unwrap() };
            let class = match label {
                "strength" => Class::Strength,
                "gap" => Class::Gap,
                _ => Class::Neutral,
            };
            (v["text"].as_str().unwrap(), v["id"].as_str().and_then(|i| heading.get(i).map(String::as_str)), class)
        })
        .collect();
    let trained = Model::train_in(&examples, TrainOptions::default()).to_tsv("");
    let embedded = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/classify/weights.tsv")).unwrap();
    let rows_of = |t: &str| t.lines().filter(|l| !l.starts_with("# ")).map(str::to_string).collect::<Vec<_>>();
    let (a, b) = (rows_of(&trained), rows_of(&embedded));
    assert_eq!(a.len(), b.len(), "feature count");
    let differ = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    assert_eq!(differ, 0, "{differ} weight rows differ from a fresh training");
}
