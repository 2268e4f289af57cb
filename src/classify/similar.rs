//! The safety net: when no rule of the plan settles the kind, the text is compared with the
//! plan's labelled example phrasings, and the kinds of the nearest ones become uncertain
//! candidates, each with the example and the fragments both share as evidence. An example
//! labelled "no incident" that is nearer than any incident keeps `kind: null`.
//!
//! Similarity is a cosine over weighted features: pairs of adjacent Chinese characters (by sound,
//! so 做弊 meets 作弊) and English words; a feature shared by many examples weighs little.

use super::lexicon::{Index, Prepared};
use super::spec::ClassifierSpec;
use super::{Candidate, Evidence, Source};
use crate::plan::Plan;

/// The examples' features, built once per plan with the term index.
#[derive(Clone, Debug, Default)]
pub struct Examples {
    /// Feature → the examples that have it, sorted by feature.
    features: Vec<(u64, Vec<u16>)>,
    /// Weight of each feature (parallel to `features`): the log of its rarity.
    weight: Vec<f32>,
    /// Length of each example's feature vector.
    norm: Vec<f32>,
    /// Open-addressing table of `features` by feature (1 + index; 0 is free), a power of two
    /// long: one probe or two per feature of the text, where a binary search took a dozen.
    slots: Vec<u32>,
}

impl Examples {
    fn find(&self, f: u64) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = slot(f, mask);
        loop {
            match self.slots.get(i).copied() {
                Some(0) | None => return None,
                Some(k) if self.features.get(k as usize - 1).is_some_and(|e| e.0 == f) => return Some(k as usize - 1),
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
}

impl Examples {
    /// The weighted overlap of the text's features with each example, and the square of the
    /// text's own vector length (each feature counted once; features no example has weigh nothing).
    fn dots(&self, feats: &[(u64, usize, usize)]) -> (Vec<f32>, f32) {
        let mut dot = vec![0f32; self.norm.len()];
        let mut text_norm = 0f32;
        let mut seen = vec![false; self.features.len()];
        for (f, _, _) in feats {
            let Some(at) = self.find(*f) else { continue };
            match seen.get_mut(at) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let (Some((_, list)), Some(w)) = (self.features.get(at), self.weight.get(at)) else { continue };
            text_norm += w * w;
            for e in list {
                if let Some(d) = dot.get_mut(usize::from(*e)) {
                    *d += w * w;
                }
            }
        }
        (dot, text_norm)
    }
}

fn slot(f: u64, mask: usize) -> usize {
    (f.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

/// Marks an English word's feature (Chinese pairs never set the top bit).
const WORD: u64 = 1 << 63;

impl Examples {
    pub fn build(spec: &ClassifierSpec, index: &Index) -> Examples {
        let mut all: Vec<(u64, u16)> = Vec::new();
        for (i, e) in spec.examples.iter().enumerate() {
            let chars: Vec<char> = e.text.chars().map(super::lexicon::normalise).collect();
            for (f, _, _) in features(&chars, index, &spec.similarity.stop_words) {
                all.push((f, u16::try_from(i).unwrap_or(u16::MAX)));
            }
        }
        // The bank has tens of thousands of pairs: the crate's index merge sort took milliseconds.
        all.sort_unstable();
        all.dedup();
        let mut features: Vec<(u64, Vec<u16>)> = Vec::new();
        for (f, e) in all {
            match features.last_mut() {
                Some(last) if last.0 == f => last.1.push(e),
                _ => features.push((f, vec![e])),
            }
        }
        let n = spec.examples.len().max(1) as f32;
        let weight: Vec<f32> = features.iter().map(|(_, ex)| (1.0 + n / ex.len() as f32).ln()).collect();
        let mut norm = vec![0f32; spec.examples.len()];
        for ((_, ex), w) in features.iter().zip(&weight) {
            for e in ex {
                if let Some(slot) = norm.get_mut(usize::from(*e)) {
                    *slot += w * w;
                }
            }
        }
        for v in &mut norm {
            *v = v.sqrt();
        }
        let size = (features.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![0u32; size];
        for (k, (f, _)) in features.iter().enumerate() {
            let mut i = slot(*f, size - 1);
            while slots.get(i).is_some_and(|s| *s != 0) {
                i = (i + 1) & (size - 1);
            }
            if let Some(s) = slots.get_mut(i) {
                *s = u32::try_from(k + 1).unwrap_or(0);
            }
        }
        Examples { features, weight, norm, slots }
    }
}

/// The features of a text with where each is: (feature, start, end) in chars.
fn features(chars: &[char], index: &Index, stop: &[String]) -> Vec<(u64, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_ascii_alphabetic() {
            let start = i;
            while chars.get(i).is_some_and(char::is_ascii_alphabetic) {
                i += 1;
            }
            let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
            let stem = stem(&word);
            if stem.len() >= 3 && !stop.iter().any(|s| s == &word) {
                out.push((WORD | fnv(stem.as_bytes()), start, i));
            }
            continue;
        }
        if let Some(&d) = chars.get(i + 1) {
            if is_han(c) && is_han(d) {
                let (a, b) = (index.sound(c), index.sound(d));
                out.push(((u64::from(a as u32) << 32) | u64::from(b as u32), i, i + 2));
            }
        }
        i += 1;
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9FFF}').contains(&c)
}

/// Plural and tense endings off (failed → fail, leaks → leak, fainting → faint).
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if word.len() > suffix.len() + 3 {
            if let Some(s) = word.strip_suffix(suffix) {
                return s;
            }
        }
    }
    word
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)) >> 1
}

/// Adds the kinds of the nearest examples to `candidates` (after those the rules proposed), unless
/// an example of no incident is nearer.
pub fn extend(plan: &Plan, p: &Prepared, candidates: &mut Vec<Candidate>) {
    let spec = &plan.doc().classifier;
    let index = spec.index();
    let ex = &index.examples;
    if ex.norm.is_empty() {
        return;
    }
    let feats = features(&p.chars, index, &spec.similarity.stop_words);
    let (dot, text_norm) = ex.dots(&feats);
    if text_norm == 0.0 {
        return;
    }
    let text_norm = text_norm.sqrt();
    let kinds = &plan.doc().kinds;
    // The best example of each kind (None: no incident).
    let mut best: Vec<(Option<usize>, usize, f32)> = Vec::new();
    for (i, (e, d)) in spec.examples.iter().zip(&dot).enumerate() {
        let norm = ex.norm.get(i).copied().unwrap_or(1.0).max(f32::EPSILON);
        let score = d / (text_norm * norm);
        if score <= 0.0 {
            continue;
        }
        let kind = e.kind.as_ref().and_then(|k| kinds.iter().position(|x| x.id == *k));
        if e.kind.is_some() && kind.is_none() {
            continue;
        }
        match best.iter_mut().find(|b| b.0 == kind) {
            Some(b) if b.2 < score => (b.1, b.2) = (i, score),
            Some(_) => {}
            None => best.push((kind, i, score)),
        }
    }
    crate::sort::sort_by(&mut best, |a, b| b.2.total_cmp(&a.2));
    let sim = &spec.similarity;
    let none = best.iter().find(|b| b.0.is_none()).map_or(0.0, |b| b.2);
    let mut found: Vec<Candidate> = Vec::new();
    for (kind, ei, score) in best.iter().filter_map(|b| b.0.map(|k| (k, b.1, b.2))) {
        if f64::from(score) < sim.min_score || score <= none {
            continue;
        }
        let Some(k) = kinds.get(kind) else { continue };
        if candidates.iter().chain(&found).any(|c| c.kind == k.id) {
            continue;
        }
        let Some(example) = spec.examples.get(ei) else { continue };
        found.push(Candidate {
            kind: k.id.clone(),
            severity: k.severity,
            score: (f64::from(score) * 100.0).round() / 100.0,
            certain: false,
            evidence: shared(p, index, example, &feats, &spec.similarity.stop_words),
        });
        if found.len() >= sim.max_candidates.max(1) {
            break;
        }
    }
    // Under doubt the major reading ranks first, when it is nearly as near.
    let top = found.first().map_or(0.0, |c| c.score);
    if let Some(i) = found.iter().position(|c| c.severity == crate::plan::Severity::Major && c.score >= top * sim.major_margin) {
        let c = found.remove(i);
        found.insert(0, c);
    }
    candidates.extend(found);
}

/// The fragments of the text that the example shares, longest first (at most three).
fn shared(p: &Prepared, index: &Index, example: &super::spec::Example, feats: &[(u64, usize, usize)], stop: &[String]) -> Vec<Evidence> {
    let chars: Vec<char> = example.text.chars().map(super::lexicon::normalise).collect();
    let mut theirs: Vec<u64> = features(&chars, index, stop).into_iter().map(|f| f.0).collect();
    crate::sort::sort_by(&mut theirs, |a, b| a.cmp(b));
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (f, s, e) in feats {
        if theirs.binary_search(f).is_err() {
            continue;
        }
        match spans.last_mut() {
            Some(last) if *s <= last.1 => last.1 = last.1.max(*e),
            _ => spans.push((*s, *e)),
        }
    }
    crate::sort::sort_by(&mut spans, |a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
    spans.truncate(3);
    crate::sort::sort_by(&mut spans, |a, b| a.0.cmp(&b.0));
    spans
        .into_iter()
        .map(|(s, e)| {
            let sp = super::span(p, s, e);
            Evidence {
                source: Source::Example,
                rule: "similar_example".into(),
                clause: example.clause.clone(),
                matched: sp.matched,
                start: Some(sp.start),
                end: Some(sp.end),
                example: Some(example.text.clone()),
            }
        })
        .collect()
}

/// The evidence for `kind` when the learnt model proposes it: the example of that kind nearest to
/// the text, with the fragments both share (the example alone when they share none).
pub fn evidence_for(plan: &Plan, p: &Prepared, kind: &str) -> Vec<Evidence> {
    let spec = &plan.doc().classifier;
    let index = spec.index();
    let ex = &index.examples;
    let feats = features(&p.chars, index, &spec.similarity.stop_words);
    let (dot, _) = ex.dots(&feats);
    let nearest = spec
        .examples
        .iter()
        .zip(&dot)
        .zip(&ex.norm)
        .filter(|((e, _), _)| e.kind.as_deref() == Some(kind))
        .map(|((e, d), n)| (e, d / n.max(f32::EPSILON)))
        .fold(None::<(&super::spec::Example, f32)>, |best, (e, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((e, s)),
        });
    let Some((example, _)) = nearest else { return Vec::new() };
    let shared = shared(p, index, example, &feats, &spec.similarity.stop_words);
    if !shared.is_empty() {
        return shared;
    }
    vec![Evidence {
        source: Source::Example,
        rule: "similar_example".into(),
        clause: example.clause.clone(),
        matched: String::new(),
        start: None,
        end: None,
        example: Some(example.text.clone()),
    }]
}
