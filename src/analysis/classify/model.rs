//! A multinomial logistic regression over the sentence features: its weights, read from the
//! TSV embedded in the core, and the training that writes them (run offline by
//! `cargo run --release --example findings -- train`; deterministic, so the same labelled set
//! gives the same file).

use super::super::text::FastMap as HashMap;
use super::super::Class;
use super::features::features_in;

/// The classes in the order of a weight row.
pub const CLASSES: [Class; 3] = [Class::Strength, Class::Gap, Class::Neutral];

fn index(c: Class) -> usize {
    match c {
        Class::Strength => 0,
        Class::Gap => 1,
        Class::Neutral => 2,
    }
}

/// Weights per feature, one per class.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: HashMap<String, [f32; 3]>,
}

/// How training runs.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// AdaGrad's step.
    pub rate: f32,
    /// L2 penalty per example step.
    pub l2: f32,
    /// Features seen in fewer examples than this are dropped.
    pub min_count: usize,
    /// Features whose weights all lie within this of zero are dropped after training and the
    /// rest fitted again (they barely move a sentence, and the page carries every weight).
    pub prune: f32,
    /// How much an example of each class (strength, gap, neutral) counts in training.
    pub class_weight: [f32; 3],
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 20, rate: 0.03, l2: 1e-4, min_count: 20, prune: 0.15, class_weight: [1.0, 1.0, 1.0] }
    }
}

fn softmax(s: [f32; 3]) -> [f32; 3] {
    let m = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e = s.map(|x| (x - m).exp());
    let z: f32 = e.iter().sum();
    e.map(|x| x / z)
}

impl Model {
    /// Read the TSV (`feature \t strength \t gap \t neutral`; `#` lines are comments). Lines
    /// that do not parse are skipped: a damaged file gives a weaker model, never a panic.
    pub fn from_tsv(tsv: &str) -> Model {
        let mut weights = HashMap::default();
        for line in tsv.lines() {
            if line.starts_with("# ") || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(f) = cols.next() else { continue };
            let w: Vec<f32> = cols.filter_map(|c| c.parse().ok()).collect();
            if let [a, b, c] = w[..] {
                weights.insert(f.to_string(), [a, b, c]);
            }
        }
        Model { weights }
    }

    /// The TSV of the weights, features sorted, weights to two decimals.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut rows: Vec<(&String, &[f32; 3])> = self.weights.iter().filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.0005)).collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        for (f, w) in rows {
            out.push_str(&format!("{f}\t{:.2}\t{:.2}\t{:.2}\n", w[0], w[1], w[2]));
        }
        out
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Each class's probability for a sentence's features.
    pub fn probabilities(&self, feats: &[String]) -> [f32; 3] {
        let mut s = [0f32; 3];
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for k in 0..3 {
                    s[k] += w[k];
                }
            }
        }
        softmax(s)
    }

    /// The features that pushed hardest towards `class`, strongest first.
    pub fn reasons<'f>(&self, feats: &'f [String], class: Class) -> Vec<(&'f str, f32)> {
        let k = index(class);
        let mut r: Vec<(&str, f32)> = feats
            .iter()
            .filter_map(|f| {
                let w = self.weights.get(f)?;
                let others = (w.iter().sum::<f32>() - w[k]) / 2.0;
                Some((f.as_str(), w[k] - others))
            })
            .filter(|(_, margin)| *margin > 0.0)
            .collect();
        r.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        r.dedup_by(|a, b| a.0 == b.0);
        r
    }

    /// Train on `(sentence, class)` pairs. Deterministic: a fixed shuffle per epoch. Features
    /// seen in fewer than `min_count` sentences are left out; then the features whose weights
    /// all lie within `prune` of zero are dropped and the rest fitted again without them (so
    /// the weights that stay make up for the ones that went).
    pub fn train(examples: &[(&str, Class)], opts: TrainOptions) -> Model {
        let with: Vec<(&str, Option<&str>, Class)> = examples.iter().map(|(s, c)| (*s, None, *c)).collect();
        Model::train_in(&with, opts)
    }

    /// Train on `(sentence, its section heading, class)` triples, as [`Model::train`].
    pub fn train_in(examples: &[(&str, Option<&str>, Class)], opts: TrainOptions) -> Model {
        let feats: Vec<Vec<String>> = examples.iter().map(|(s, h, _)| features_in(s, *h)).collect();
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for fs in &feats {
            let mut uniq: Vec<&str> = fs.iter().map(String::as_str).collect();
            uniq.sort_unstable();
            uniq.dedup();
            for f in uniq {
                *seen.entry(f).or_default() += 1;
            }
        }
        let mut vocab: Vec<&str> = seen.iter().filter(|(_, n)| **n >= opts.min_count).map(|(f, _)| *f).collect();
        vocab.sort_unstable();
        let labels: Vec<usize> = examples.iter().map(|(_, _, c)| index(*c)).collect();
        let w = fit(&vocab, &feats, &labels, opts);
        if opts.prune > 0.0 {
            let kept: Vec<&str> = vocab.iter().zip(&w).filter(|(_, w)| w.iter().any(|x| x.abs() > opts.prune)).map(|(f, _)| *f).collect();
            let w = fit(&kept, &feats, &labels, opts);
            return Model { weights: kept.iter().zip(w).map(|(f, w)| (f.to_string(), w)).collect() };
        }
        Model { weights: vocab.iter().zip(w).map(|(f, w)| (f.to_string(), w)).collect() }
    }
}

/// Multinomial logistic regression by AdaGrad over `vocab` (sorted), the examples' features
/// outside it ignored: the weights, one row per feature of `vocab`.
fn fit(vocab: &[&str], feats: &[Vec<String>], labels: &[usize], opts: TrainOptions) -> Vec<[f32; 3]> {
    let id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let xs: Vec<Vec<usize>> = feats.iter().map(|fs| fs.iter().filter_map(|f| id.get(f.as_str()).copied()).collect()).collect();
    let mut w = vec![[0f32; 3]; vocab.len()];
    let mut g2 = vec![[1e-6f32; 3]; vocab.len()];
    let mut order: Vec<usize> = (0..labels.len()).collect();
    let mut seed: u64 = 0x2026_1206;
    for _ in 0..opts.epochs {
        // Fisher–Yates with a fixed linear congruential generator.
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &e in &order {
            let x = &xs[e];
            let mut s = [0f32; 3];
            for &f in x {
                for k in 0..3 {
                    s[k] += w[f][k];
                }
            }
            let p = softmax(s);
            let y = labels[e];
            for &f in x {
                for k in 0..3 {
                    let g = opts.class_weight[y] * (p[k] - if k == y { 1.0 } else { 0.0 }) + opts.l2 * w[f][k];
                    g2[f][k] += g * g;
                    w[f][k] -= opts.rate * g / g2[f][k].sqrt();
                }
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::super::features::features;
    use super::*;

    #[test]
    fn training_learns_a_separable_toy_set_and_the_tsv_round_trips() {
        let ex = [
            ("Visits are timely and effective.", Class::Strength),
            ("Plans are effective and timely.", Class::Strength),
            ("Visits are not timely.", Class::Gap),
            ("Plans are not effective.", Class::Gap),
            ("The council runs two teams.", Class::Neutral),
            ("The council has two teams.", Class::Neutral),
        ];
        let m = Model::train(&ex, TrainOptions { min_count: 1, ..TrainOptions::default() });
        for (s, c) in ex {
            let p = m.probabilities(&features(s));
            assert_eq!(CLASSES[(0..3).max_by(|a, b| p[*a].total_cmp(&p[*b])).unwrap_or(0)], c, "{s}: {p:?}");
        }
        let again = Model::from_tsv(&m.to_tsv("toy"));
        let (a, b) = (m.probabilities(&features("Visits are not timely.")), again.probabilities(&features("Visits are not timely.")));
        assert!((a[1] - b[1]).abs() < 0.01, "{a:?} {b:?}");
        assert!(Model::from_tsv("garbage\tx\n\t\t\n").is_empty());
    }
}
