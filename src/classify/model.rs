//! A learned second opinion: a Complement Naive Bayes over the characters of the plan's labelled
//! example phrasings (`classifier.examples`). The rules read what the plan's words say; the model
//! reads how proctors write (paraphrase, typos, English), for the texts no rule settles.
//!
//! Features are binary: which character 1-, 2- and 3-grams a text has, within its words (a word
//! runs between spaces, padded with a space on each side, as scikit-learn's `char_wb`), over the
//! normalised characters (full-width forms, case). Matching by sound (the homophone table of the
//! rules) was measured and left out: it cost the combination 0.6–0.9 points of kind accuracy across
//! the development corpora, as the model learns common typos from the examples themselves. Complement NB scores a
//! class by how unlike the *other* classes the text is, which holds up with a few dozen examples
//! per class where plain NB leans to the larger classes. Training is one counting pass, so the
//! model is built from the plan on first use and a site extends it by adding examples.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::lexicon::{Hits, Index, Prepared, What};
use super::spec::ClassifierSpec;

/// Smoothing added to every count (scikit-learn's `alpha`), measured across the two development
/// corpora: 0.3 did at least as well as 0.1 and 1.0 on every figure.
const ALPHA: f64 = 0.3;

/// The trained model: per feature, the classes that saw it and how much that favours each.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Open-addressing table of the features (a power of two long, at most half full): feature
    /// hash → 1 + its number (0 is free). One probe or two per n-gram of the text.
    slots: Vec<(u64, u32)>,
    /// Feature `i`'s weights are `weights[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    /// (class, weight) runs, a class being an index into `labels`.
    weights: Vec<(u16, f32)>,
    /// Per class, the log of its complement's total count (what each feature of a text adds).
    per_feature: Vec<f32>,
    /// The classes: a kind id, or `None` for "no incident", in the order the examples give them.
    pub labels: Vec<Option<String>>,
}

impl Model {
    pub fn build(spec: &ClassifierSpec, index: &Index) -> Model {
        let mut labels: Vec<Option<String>> = Vec::new();
        for e in &spec.examples {
            if !labels.contains(&e.kind) {
                labels.push(e.kind.clone());
            }
        }
        let classes = labels.len();
        // (feature, class) once per example: binary counts.
        let mut counts: HashMap<u64, Vec<u32>, BuildHasherDefault<Mix>> = HashMap::default();
        for e in &spec.examples {
            let Some(class) = labels.iter().position(|l| *l == e.kind) else { continue };
            let p = Prepared::new(&e.text);
            let mut feats = features(&p, &negators(&index.scan(&p.chars), index.longest), spec.negation.scope_chars);
            feats.sort_unstable();
            feats.dedup();
            for f in feats {
                let row = counts.entry(f).or_insert_with(|| vec![0; classes]);
                if let Some(c) = row.get_mut(class) {
                    *c += 1;
                }
            }
        }
        // Complement NB: class c's weight for feature f is -ln((all_f + α − n_cf) / Σ_f(…)).
        // The part every class shares (-ln(all_f + α)) cannot change a ranking and is left out,
        // so a feature keeps a weight only for the classes that saw it.
        let vocabulary = counts.len() as f64;
        let all_total: f64 = counts.values().flat_map(|r| r.iter()).map(|&n| f64::from(n)).sum();
        let mut class_total = vec![0f64; classes];
        for row in counts.values() {
            for (t, n) in class_total.iter_mut().zip(row) {
                *t += f64::from(*n);
            }
        }
        let per_feature = class_total.iter().map(|t| (all_total + ALPHA * vocabulary - t).max(f64::MIN_POSITIVE).ln() as f32).collect();
        let size = (counts.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u64, 0u32); size];
        let mut weights = Vec::new();
        let mut offsets = vec![0u32];
        let mut keys: Vec<u64> = counts.keys().copied().collect();
        keys.sort_unstable();
        for (number, f) in keys.into_iter().enumerate() {
            let Some(row) = counts.get(&f) else { continue };
            let all = row.iter().map(|&n| f64::from(n)).sum::<f64>() + ALPHA;
            for (class, &n) in row.iter().enumerate() {
                if n > 0 {
                    let w = all.ln() - (all - f64::from(n)).max(ALPHA).ln();
                    weights.push((u16::try_from(class).unwrap_or(u16::MAX), w as f32));
                }
            }
            offsets.push(u32::try_from(weights.len()).unwrap_or(u32::MAX));
            let mut i = slot(f, size - 1);
            while slots.get(i).is_some_and(|s| s.1 != 0) {
                i = (i + 1) & (size - 1);
            }
            if let Some(s) = slots.get_mut(i) {
                *s = (f, u32::try_from(number + 1).unwrap_or(u32::MAX));
            }
        }
        Model { slots, offsets, weights, per_feature, labels }
    }

    /// The number of feature `f`.
    fn find(&self, f: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = slot(f, mask);
        loop {
            match self.slots.get(i) {
                Some(&(_, 0)) | None => return None,
                Some(&(k, n)) if k == f => return Some(n as usize - 1),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }

    /// Whether the model learnt anything (a plan without examples has none).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The classes by the model's probability for the text, best first; empty when the text
    /// shares no feature with the examples.
    /// `negators` are the text's negator words (char spans), as [`negators`] finds them.
    pub fn rank(&self, p: &Prepared, negators: &[(usize, usize)], scope_chars: usize) -> Vec<(&Option<String>, f64)> {
        // Each feature once (binary).
        let mut seen = vec![0u64; self.offsets.len() / 64 + 1];
        let mut score = vec![0f64; self.per_feature.len()];
        let mut known = 0u32;
        for f in features(p, negators, scope_chars) {
            let Some(n) = self.find(f) else { continue };
            match seen.get_mut(n / 64) {
                Some(bits) if *bits & (1 << (n % 64)) == 0 => *bits |= 1 << (n % 64),
                _ => continue,
            }
            known += 1;
            let (Some(&start), Some(&end)) = (self.offsets.get(n), self.offsets.get(n + 1)) else { continue };
            for &(class, w) in self.weights.get(start as usize..end as usize).unwrap_or_default() {
                if let Some(s) = score.get_mut(usize::from(class)) {
                    *s += f64::from(w);
                }
            }
        }
        if known == 0 {
            return Vec::new();
        }
        for (s, pf) in score.iter_mut().zip(&self.per_feature) {
            *s += f64::from(known) * f64::from(*pf);
        }
        // Softmax: the scores are log-likelihoods up to a shared constant.
        let top = score.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sum: f64 = score.iter().map(|v| (v - top).exp()).sum();
        let mut ranked: Vec<(&Option<String>, f64)> = self.labels.iter().zip(&score).map(|(l, v)| (l, (v - top).exp() / sum)).collect();
        crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
        ranked
    }
}

fn features(p: &Prepared, negators: &[(usize, usize)], scope_chars: usize) -> Vec<u64> {
    let mut negated = vec![false; p.chars.len()];
    for &(_, end) in negators {
        for i in end..(end + scope_chars).min(p.chars.len()) {
            if p.is_clause_end(i) {
                break;
            }
            if let Some(n) = negated.get_mut(i) {
                *n = true;
            }
        }
    }
    features_of(&p.chars, &negated)
}

/// The negator words of a scanned text (not those inside a non-negating word: 无法, 非常). The
/// chars up to `scope_chars` after one, in its clause, are in its scope: their n-grams are other
/// features than the same words said plainly ("no leak" is not "leak"), as the rules' negation
/// cannot reach words the lexicon does not know.
pub fn negators(hits: &Hits, longest: usize) -> Vec<(usize, usize)> {
    hits.all()
        .iter()
        .filter(|g| g.what == What::Negator)
        .filter(|g| {
            !hits
                .starting_in(g.start.saturating_sub(longest), g.end)
                .iter()
                .any(|o| o.what == What::NotNegator && o.start < g.end && g.start < o.end)
        })
        .map(|g| (g.start, g.end))
        .collect()
}

/// The 1-, 2- and 3-grams of each space-separated word padded with a space; an n-gram that
/// starts in a negator's scope is marked.
fn features_of(chars: &[char], negated: &[bool]) -> Vec<u64> {
    const PLAIN: u64 = 0xcbf2_9ce4_8422_2325;
    const NEGATED: u64 = 0x6c62_272e_07bb_0142;
    let mut out = Vec::with_capacity(chars.len() * 3 + 6);
    let mut word: Vec<(char, bool)> = Vec::with_capacity(32);
    let flush = |word: &mut Vec<(char, bool)>, out: &mut Vec<u64>| {
        if word.len() <= 1 {
            word.clear();
            return;
        }
        word.push((' ', false));
        for i in 0..word.len() {
            let mut h = if word.get(i).is_some_and(|w| w.1) { NEGATED } else { PLAIN };
            for (c, _) in word.iter().skip(i).take(3) {
                h = (h ^ u64::from(*c as u32)).wrapping_mul(0x0100_0000_01b3);
                out.push(h);
            }
        }
        word.clear();
    };
    word.push((' ', false));
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            word.push((' ', false));
        } else {
            word.push((c, negated.get(i).copied().unwrap_or(false)));
        }
    }
    flush(&mut word, &mut out);
    out
}

fn slot(f: u64, mask: usize) -> usize {
    (f.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// A hasher for keys that are already hashes: one multiply spreads them over the table.
#[derive(Default)]
pub struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
