//! Finding sentences classed strength / gap / neutral.
//!
//! A multinomial logistic regression (`model`) over features a reader can follow
//! (`features`): the sentence's words with negation scope, word pairs, the clause that carries
//! the verdict when two contrast, and the first round's cue rules (`rules`) as two more
//! features. Its weights were trained offline on the labelled sentences of
//! `tests/fixtures/findings/labelled.jsonl` (training and development documents only) by
//! `cargo run --release --example findings -- train`, and are embedded here as `weights.tsv`.
//! Each class comes with the words that decided it and the model's confidence.

mod features;
mod lexicon;
mod model;
mod rules;

use std::sync::OnceLock;

use super::Class;
pub use features::{features, features_in};
pub use model::{Model, TrainOptions, CLASSES};

/// The confidence at which the page lists a finding first; findings below it sit behind "show
/// more". Chosen on the training documents by five-fold cross-validation, where gaps listed at
/// 0.6 or above were 84% right against 80% for all.
pub const CONFIDENT: f32 = 0.6;

/// The trained weights (see the module docs for how they are made).
const WEIGHTS: &str = include_str!("weights.tsv");

/// A sentence's class, the words that decided it, and how sure the model is (0–1).
#[derive(Clone, Debug, PartialEq)]
pub struct Classed {
    pub class: Class,
    pub cue: Option<String>,
    pub confidence: f32,
}

/// The embedded model.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_tsv(WEIGHTS))
}

/// Class a sentence with `model`.
pub fn classify_with(model: &Model, sentence: &str) -> Classed {
    classify_under(model, sentence, None)
}

/// Class a sentence that sits under `heading` (its section's title) with `model`.
pub fn classify_under(model: &Model, sentence: &str, heading: Option<&str>) -> Classed {
    let feats = features_in(sentence, heading);
    // Nothing to read (no words): nothing to say about the service.
    if feats.len() <= 1 {
        return Classed { class: Class::Neutral, cue: None, confidence: 1.0 };
    }
    let p = model.probabilities(&feats);
    let k = (0..3).fold(0, |best, k| if p[k] > p[best] { k } else { best });
    let class = CLASSES[k];
    // The cue a reader is shown: the strongest verdict word (the lexicon's classes, the rules'
    // cues) that pushed towards the class, else the strongest of its words.
    let reasons = model.reasons(&feats, class);
    let verdict = |f: &str| ["L:", "c:L:", "r:", "rc:"].iter().any(|p| f.starts_with(p));
    let cue = reasons
        .iter()
        .filter(|(f, _)| verdict(f))
        .chain(reasons.iter().filter(|(f, _)| !verdict(f)))
        .find_map(|(f, _)| features::readable(f, sentence));
    Classed { class, cue, confidence: p[k] }
}

/// Class a sentence with the embedded model, with the words that decided it.
pub fn classify_scored(sentence: &str) -> Classed {
    classify_with(model(), sentence)
}

/// Class a sentence under its section heading with the embedded model.
pub fn classify_scored_in(sentence: &str, heading: Option<&str>) -> Classed {
    classify_under(model(), sentence, heading)
}

/// Class a sentence, with the words that decided it.
pub fn classify(sentence: &str) -> (Class, Option<String>) {
    let c = classify_scored(sentence);
    (c.class, c.cue)
}
