//! Characterisation tests of the findings classifier, `analysis::classify`: what it does TODAY
//! with each sentence (class and the cue that decided it), hard cases included — not what it
//! should do. Where a careful reader disagrees (issue 14's cases), a comment
//! says what the reader would answer.
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
    check("There was no defined plan for the transition to adult services.", expect!["gap [no defined]"]);
}

#[test]
fn a_sentence_without_cues_is_neutral() {
    check("The report was presented to the panel in September.", expect!["neutral [-]"]);
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
    check("If the person did not engage, staff followed up promptly.", expect!["neutral [-]"]);
}

#[test]
fn a_shortfall_after_but_outweighs_the_strength_before_it() {
    check("Partnership working was strong, but gaps in data sharing remain.", expect!["gap [gaps]"]);
}

#[test]
fn soft_nouns_governed_by_an_earlier_strength_are_not_gaps() {
    check("Leaders have a good understanding of the challenges they face.", expect!["strength [good]"]);
}

#[test]
fn a_negated_shortfall_is_not_a_shortfall() {
    check("There were no delays in completing assessments.", expect!["neutral [-]"]);
}

#[test]
fn only_before_a_figure_is_a_shortfall() {
    check("Only 26.7% of eligible staff had completed the Care Certificate.", expect!["gap [only]"]);
}

#[test]
fn only_as_a_restriction_of_action_is_not() {
    check("Staff would only do this when the person agreed.", expect!["neutral [-]"]);
}

#[test]
fn could_be_improved_is_a_gap() {
    // A careful reader: gap.
    check("Communication with some communities could be improved.", expect!["strength [improved]"]);
}

// ---- issue 14: topic words of social care read as verdicts -------------------------------

#[test]
fn risk_as_a_topic() {
    // A careful reader: strength.
    check("Enquiries are thorough and risks are clearly set out.", expect!["gap [risks]"]);
}

#[test]
fn challenge_as_a_verb_of_good_practice() {
    // A careful reader: strength.
    check("Reviewing officers challenge plans effectively.", expect!["gap [challenge]"]);
}

#[test]
fn needed_as_a_topic() {
    // A careful reader: strength.
    check("Young people learn the skills needed to live on their own.", expect!["gap [needed]"]);
}

#[test]
fn concerns_responded_to() {
    // A careful reader: strength.
    check("Concerns are responded to quickly.", expect!["gap [concerns]"]);
}

// ---- issue 14: negated and reduced negatives ---------------------------------------------

#[test]
fn without_delay() {
    // A careful reader: strength.
    check("Children at risk of harm are seen without delay.", expect!["gap [risk]"]);
}

#[test]
fn no_child_is_missing() {
    // A careful reader: strength.
    check("No child is missing from education.", expect!["gap [no]"]);
}

#[test]
fn fewer_not_in_work() {
    // A careful reader: strength.
    check("Fewer young people are not in work or training.", expect!["gap [fewer]"]);
}

#[test]
fn less_isolated() {
    // A careful reader: strength.
    check("Carers feel less isolated.", expect!["gap [less]"]);
}

// ---- issue 14: aims, self-knowledge, names and conditions, contrast ----------------------

#[test]
fn an_aim_read_as_an_achievement() {
    // A careful reader: gap.
    check("Leaders know there is more to do to improve the quality of plans.", expect!["neutral [-]"]);
}

#[test]
fn accurate_self_evaluation_naming_its_areas_for_improvement() {
    // A careful reader: strength.
    check("Their self-evaluation is accurate and they already knew their areas for improvement.", expect!["gap [areas for improvement]"]);
}

#[test]
fn a_programme_name() {
    // A careful reader: neutral.
    check("Newly qualified social workers complete the Assessed and Supported Year in Employment.", expect!["strength [supported]"]);
}

#[test]
fn a_condition_mid_sentence() {
    check("If anyone was waiting, they were reviewed weekly.", expect!["neutral [-]"]);
}

#[test]
fn whereas_carries_the_verdict() {
    // A careful reader: gap.
    check("Some described a positive impact, whereas others felt let down.", expect!["strength [positive]"]);
}

// ---- issue 14: praise vocabulary -----------------------------------------------------------

#[test]
fn rapidly_and_robustly() {
    // A careful reader: strength.
    check("Managers responded rapidly and robustly to the findings.", expect!["neutral [-]"]);
}

#[test]
fn thorough_comprehensive_sensitive() {
    // A careful reader: strength.
    check("Assessments are thorough, comprehensive and sensitive to children's needs.", expect!["neutral [-]"]);
}

#[test]
fn appropriately_and_purposeful() {
    // A careful reader: strength.
    check("Visits are purposeful and plans are updated appropriately.", expect!["neutral [-]"]);
}

#[test]
fn targets_consistently_met() {
    // A careful reader: strength.
    check("Performance targets are consistently met.", expect!["neutral [-]"]);
}

#[test]
fn low_vacancy_and_turnover() {
    // A careful reader: strength.
    check("The service has low vacancy and turnover rates.", expect!["neutral [-]"]);
}

// ---- issue 14: shortfalls without a cue word ------------------------------------------------

#[test]
fn too_early_to_see() {
    // A careful reader: gap.
    check("It is too early to see the difference this makes.", expect!["neutral [-]"]);
}

#[test]
fn a_number_that_has_fallen() {
    // A careful reader: gap.
    check("The number of foster carers has fallen.", expect!["neutral [-]"]);
}

#[test]
fn struggled_to_reach() {
    check("People struggled to reach staff by telephone.", expect!["gap [struggled]"]);
}

#[test]
fn never_carried_out() {
    // A careful reader: gap.
    check("The plan was never carried out.", expect!["neutral [-]"]);
}
