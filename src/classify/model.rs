//! The learnt second opinion, as it is read: a linear model over the hashed character n-grams of
//! a text ([`features`](super::features)), trained from labelled phrasings of proctors
//! ([`train`](super::train)). The rules read what the plan's words say; the model reads how
//! proctors write (paraphrase, typos, English), and the classification asks it about a text the
//! rules do not read, or whose reading it doubts.

use base64::Engine;

use super::features::{features, negators};
use super::lexicon::{Index, Prepared};
use super::spec::{ClassifierSpec, LearntModel};
use super::train::{self, Trained};

/// The model ready to score: per bucket of the text, one or two probes into a table, then its
/// few (class, weight) pairs.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Open-addressing table (a power of two long, at most half full): bucket → 1 + its row (0
    /// is free).
    slots: Vec<(u32, u32)>,
    /// Row `r`'s weights are `weights[offsets[r]..offsets[r + 1]]`.
    offsets: Vec<u32>,
    weights: Vec<(u8, i8)>,
    bias: Vec<f32>,
    scale: f32,
    buckets_log2: u32,
    temperature: f64,
    /// The classes: a kind id, or `None` for "no incident".
    pub labels: Vec<Option<String>>,
}

/// The weights of a plan's model, checked (the plan checker reports what is wrong).
pub fn read_weights(m: &LearntModel) -> Result<Vec<(u32, u8, i8)>, &'static str> {
    if m.labels.is_empty() || m.labels.len() > 255 || m.bias.len() != m.labels.len() {
        return Err("a model has one bias per label, and 1 to 255 labels");
    }
    if !(1..=31).contains(&m.buckets_log2) || !m.scale.is_finite() || m.scale <= 0.0 || m.bias.iter().any(|b| !b.is_finite()) {
        return Err("a model's buckets_log2 is 1 to 31, its scale and biases finite numbers, the scale above 0");
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(m.weights.as_bytes()).map_err(|_| "a model's weights are not base64")?;
    train::decode(&bytes, m.buckets_log2, m.labels.len())
}

impl Model {
    /// The plan's model, or else one trained from its examples (none without examples).
    pub fn build(spec: &ClassifierSpec, index: &Index) -> Model {
        let temperature = spec.learning.temperature;
        if let Some(m) = &spec.model {
            // The plan checker has read these weights already; a plan that skipped it gets no model.
            let Ok(weights) = read_weights(m) else { return Model::default() };
            let t = Trained { labels: m.labels.clone(), bias: m.bias.clone(), scale: m.scale, weights };
            return Model::from_trained(&t, m.buckets_log2, temperature);
        }
        if spec.examples.is_empty() {
            return Model::default();
        }
        let examples: Vec<(Option<String>, Vec<u64>)> =
            spec.examples.iter().map(|e| (e.kind.clone(), text_features(spec, index, &e.text))).collect();
        Model::from_trained(&train::train(&examples, &spec.learning), spec.learning.buckets_log2, temperature)
    }

    pub fn from_trained(t: &Trained, buckets_log2: u32, temperature: f64) -> Model {
        let rows = t.weights.iter().enumerate().filter(|(i, w)| *i == 0 || t.weights.get(i - 1).is_none_or(|p| p.0 != w.0)).count();
        let size = (rows * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); size];
        let mut offsets = Vec::with_capacity(rows + 1);
        let mut weights = Vec::with_capacity(t.weights.len());
        let mut prev = None;
        for &(b, class, w) in &t.weights {
            if prev != Some(b) {
                prev = Some(b);
                let row = u32::try_from(offsets.len() + 1).unwrap_or(u32::MAX);
                offsets.push(u32::try_from(weights.len()).unwrap_or(u32::MAX));
                let mut i = slot(b, size - 1);
                while slots.get(i).is_some_and(|s| s.1 != 0) {
                    i = (i + 1) & (size - 1);
                }
                if let Some(s) = slots.get_mut(i) {
                    *s = (b, row);
                }
            }
            weights.push((class, w));
        }
        offsets.push(u32::try_from(weights.len()).unwrap_or(u32::MAX));
        Model {
            slots,
            offsets,
            weights,
            bias: t.bias.iter().map(|&b| b as f32).collect(),
            scale: t.scale as f32,
            buckets_log2,
            temperature,
            labels: t.labels.clone(),
        }
    }

    /// The row of bucket `b`.
    fn find(&self, b: u32) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = slot(b, mask);
        loop {
            match self.slots.get(i) {
                Some(&(_, 0)) | None => return None,
                Some(&(k, r)) if k == b => return Some(r as usize - 1),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// Whether the model learnt anything (a plan without examples or model has none).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The classes by the model's share of likelihood for the text, best first; empty when the
    /// text shares no feature with what the model kept.
    /// `negators` are the text's negator words (char spans), as [`negators`] finds them.
    pub fn rank(&self, p: &Prepared, negators: &[(usize, usize)], scope_chars: usize) -> Vec<(&Option<String>, f64)> {
        let features = features(p, negators, scope_chars);
        let mut sum = vec![0i32; self.labels.len()];
        // Each bucket once (binary features), counted for the norm as it goes.
        let mut set = train::BucketSet::with_room(features.len());
        let mut known = false;
        for &f in &features {
            let b = train::bucket(f, self.buckets_log2);
            if !set.insert(b) {
                continue;
            }
            let Some(r) = self.find(b) else { continue };
            known = true;
            let (Some(&start), Some(&end)) = (self.offsets.get(r), self.offsets.get(r + 1)) else { continue };
            for &(class, w) in self.weights.get(start as usize..end as usize).unwrap_or_default() {
                if let Some(s) = sum.get_mut(usize::from(class)) {
                    *s += i32::from(w);
                }
            }
        }
        if !known {
            return Vec::new();
        }
        // Binary features of unit length, over every distinct bucket of the text (as in training).
        let unit = f64::from(self.scale) * train::norm(set.len);
        let score: Vec<f64> = sum.iter().zip(&self.bias).map(|(&s, &b)| f64::from(s) * unit + f64::from(b)).collect();
        let top = score.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = score.iter().map(|v| ((v - top) * self.temperature).exp()).sum();
        let mut ranked: Vec<(&Option<String>, f64)> =
            self.labels.iter().zip(&score).map(|(l, v)| (l, ((v - top) * self.temperature).exp() / total)).collect();
        crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
        ranked
    }
}

/// The features of an example or a text as the model is trained on them.
pub fn text_features(spec: &ClassifierSpec, index: &Index, text: &str) -> Vec<u64> {
    let p = Prepared::new(text);
    features(&p, &negators(&index.scan(&p.chars), index.longest), spec.negation.scope_chars)
}

fn slot(b: u32, mask: usize) -> usize {
    (u64::from(b).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}
