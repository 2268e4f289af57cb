//! Training of the learnt model: a one-vs-rest linear support vector machine (L2-regularised,
//! squared hinge loss) over the hashed character n-grams of the labelled example phrasings,
//! solved by dual coordinate descent (Hsieh et al. 2008, the solver of liblinear and of
//! scikit-learn's `LinearSVC`). Across the development corpora it beat the Complement Naive Bayes
//! it replaces by 3–7 points of kind accuracy on unseen texts (docs/classify.md).
//!
//! The default plan ships the result (`classifier.model`, written by `cargo run --release
//! --example train_model`), so nothing is trained when the console starts and the examples it was
//! trained on need not travel with it. A site plan without a model is trained from its own
//! examples on the first text no rule settles.
//!
//! The result is small: only the `keep_weights` largest weights survive, each quantised to a
//! signed byte against one scale (measured: the kept 20,000 of ~200,000 lose less than a point; the
//! default plan keeps 25,000 since its bank outgrew them, docs/classify.md, sixteenth round).

use sha2::{Digest, Sha256};

use super::spec::{Learning, Negation};

/// A trained model: per class a bias, and the kept weights (bucket, class, quantised weight),
/// sorted by bucket then class; a weight is `q × scale`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trained {
    pub labels: Vec<Option<String>>,
    pub bias: Vec<f64>,
    pub scale: f64,
    pub weights: Vec<(u32, u8, i8)>,
}

/// The bucket of a feature hash: its top `log2` bits (at most 31).
pub fn bucket(feature: u64, log2: u32) -> u32 {
    let log2 = log2.clamp(1, 31);
    (feature >> (64 - log2)) as u32
}

/// What each feature of a text with `n` distinct buckets counts: 1/√n, over every bucket it has
/// (those the model dropped too), so a text reads the same to a pruned model.
pub fn norm(n: usize) -> f64 {
    1.0 / (n.max(1) as f64).sqrt()
}

/// A set of buckets for one text: open addressing over a table twice the text's n-grams, so the
/// reader counts distinct buckets and looks each up once without sorting them (a sort was most of
/// the model's cost on a long text).
pub struct BucketSet {
    /// Bucket + 1 (0 is free); buckets have at most 31 bits (`buckets_log2` ≤ 31).
    slots: Vec<u32>,
    pub len: usize,
}

impl BucketSet {
    pub fn with_room(n: usize) -> BucketSet {
        BucketSet { slots: vec![0; (n * 2).next_power_of_two().max(16)], len: 0 }
    }

    /// Adds `b`; whether it was new.
    pub fn insert(&mut self, b: u32) -> bool {
        let key = b.wrapping_add(1).max(1);
        let mask = self.slots.len() - 1;
        let mut i = (u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        loop {
            match self.slots.get_mut(i) {
                Some(k) if *k == 0 => {
                    *k = key;
                    self.len += 1;
                    return true;
                }
                Some(k) if *k == key => return false,
                Some(_) => i = (i + 1) & mask,
                None => return false,
            }
        }
    }
}

/// The distinct buckets of a text's features, sorted.
pub fn buckets(features: &[u64], log2: u32) -> Vec<u32> {
    let mut b: Vec<u32> = features.iter().map(|&f| bucket(f, log2)).collect();
    b.sort_unstable();
    b.dedup();
    b
}

/// Trains on `examples` (label, feature hashes).
pub fn train(examples: &[(Option<String>, Vec<u64>)], s: &Learning) -> Trained {
    let mut labels: Vec<Option<String>> = Vec::new();
    for (l, _) in examples {
        if !labels.contains(l) {
            labels.push(l.clone());
        }
    }
    let texts: Vec<(usize, Vec<u32>)> =
        examples.iter().map(|(l, f)| (labels.iter().position(|x| x == l).unwrap_or(0), buckets(f, s.buckets_log2))).collect();
    // The vocabulary: buckets seen in at least `min_examples` examples.
    let mut all: Vec<u32> = texts.iter().flat_map(|t| t.1.iter().copied()).collect();
    all.sort_unstable();
    let mut vocab: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let j = all[i..].iter().position(|&b| b != all[i]).map_or(all.len(), |n| i + n);
        if j - i >= s.min_examples.max(1) {
            vocab.push(all[i]);
        }
        i = j;
    }
    let bias_column = vocab.len();
    // Each text as (columns, value): binary features scaled to unit length, then the bias column.
    let rows: Vec<(usize, Vec<usize>, f64)> = texts
        .iter()
        .map(|(class, b)| {
            let cols = b.iter().filter_map(|x| vocab.binary_search(x).ok()).collect();
            (*class, cols, norm(b.len()))
        })
        .collect();
    let mut per_class: Vec<Vec<f64>> = Vec::with_capacity(labels.len());
    for class in 0..labels.len() {
        per_class.push(one_vs_rest(&rows, class, bias_column, s));
    }
    quantise(&labels, &vocab, &per_class, bias_column, s.keep_weights, s.weight_levels)
}

/// Dual coordinate descent for the squared-hinge L2 SVM of one class against the rest.
fn one_vs_rest(rows: &[(usize, Vec<usize>, f64)], class: usize, bias_column: usize, s: &Learning) -> Vec<f64> {
    let diag = 0.5 / s.c.max(1e-9);
    let mut w = vec![0f64; bias_column + 1];
    let mut alpha = vec![0f64; rows.len()];
    let y: Vec<f64> = rows.iter().map(|r| if r.0 == class { 1.0 } else { -1.0 }).collect();
    let qd: Vec<f64> = rows.iter().map(|r| r.1.len() as f64 * r.2 * r.2 + 1.0 + diag).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // A fixed seed: the same examples give the same model on every machine.
    let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ class as u64;
    for _ in 0..s.max_passes {
        shuffle(&mut order, &mut seed);
        let (mut pg_max, mut pg_min) = (f64::NEG_INFINITY, f64::INFINITY);
        for &i in &order {
            let (_, cols, v) = &rows[i];
            let dot = cols.iter().map(|&c| w[c]).sum::<f64>() * v + w[bias_column];
            let g = y[i] * dot - 1.0 + diag * alpha[i];
            let pg = if alpha[i] == 0.0 { g.min(0.0) } else { g };
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let old = alpha[i];
                alpha[i] = (old - g / qd[i]).max(0.0);
                let d = (alpha[i] - old) * y[i];
                for &c in cols {
                    w[c] += d * v;
                }
                w[bias_column] += d;
            }
        }
        if pg_max - pg_min <= s.tolerance {
            break;
        }
    }
    w
}

fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Keeps the `keep` largest weights, each as a signed byte of one shared scale.
fn quantise(labels: &[Option<String>], vocab: &[u32], per_class: &[Vec<f64>], bias_column: usize, keep: usize, levels: u8) -> Trained {
    let levels = f64::from(levels.clamp(1, 127));
    let bias = per_class.iter().map(|w| w.get(bias_column).copied().unwrap_or(0.0)).collect();
    let mut all: Vec<(f64, u32, u8)> = Vec::new();
    for (col, &b) in vocab.iter().enumerate() {
        for (class, w) in per_class.iter().enumerate() {
            if let Some(&x) = w.get(col).filter(|x| **x != 0.0) {
                all.push((x, b, u8::try_from(class).unwrap_or(u8::MAX)));
            }
        }
    }
    if all.len() > keep {
        // Largest first; ties by bucket and class, so the cut is the same on every machine.
        crate::sort::sort_by(&mut all, |a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        all.truncate(keep);
    }
    let largest = all.iter().map(|w| w.0.abs()).fold(0.0, f64::max);
    let scale = if largest > 0.0 { largest / levels } else { 1.0 };
    // As `clamp(-levels, levels)`, whose panic for bounds out of order (impossible here) would
    // link `f64`'s `Debug` and with it all of core::fmt's float code.
    let bound = |q: f64| {
        if q < -levels {
            -levels
        } else if q > levels {
            levels
        } else {
            q
        }
    };
    let mut weights: Vec<(u32, u8, i8)> =
        all.iter().map(|&(x, b, c)| (b, c, bound((x / scale).round()) as i8)).filter(|w| w.2 != 0).collect();
    // (Keys are unique. The crate's sort: `sort_unstable` was 6 KB of wasm for this one type.)
    crate::sort::sort_by(&mut weights, |a, b| a.cmp(b));
    Trained { labels: labels.to_vec(), bias, scale, weights }
}

/// The weights as bytes: per bucket in order, the gap from the previous bucket (LEB128), the
/// number of its weights, then (class, weight) pairs.
pub fn encode(weights: &[(u32, u8, i8)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(weights.len() * 3);
    let mut prev = 0u32;
    let mut i = 0;
    while i < weights.len() {
        let b = weights[i].0;
        let run = weights[i..].iter().take_while(|w| w.0 == b).count().min(255);
        let mut gap = b - prev;
        prev = b;
        loop {
            let byte = (gap & 0x7f) as u8;
            gap >>= 7;
            out.push(if gap > 0 { byte | 0x80 } else { byte });
            if gap == 0 {
                break;
            }
        }
        out.push(run as u8);
        for w in &weights[i..i + run] {
            out.push(w.1);
            out.push(w.2 as u8);
        }
        i += run;
    }
    out
}

/// The inverse of [`encode`], refusing bytes that end early, a bucket beyond `log2` bits or a
/// class beyond `classes`.
pub fn decode(bytes: &[u8], log2: u32, classes: usize) -> Result<Vec<(u32, u8, i8)>, &'static str> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let mut at = 0;
    let mut bucket = 0u64;
    let limit = 1u64 << log2.clamp(1, 31);
    while at < bytes.len() {
        let mut gap = 0u64;
        let mut shift = 0;
        loop {
            let byte = *bytes.get(at).ok_or("the weights end inside a bucket")?;
            at += 1;
            gap |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
            if shift > 35 {
                return Err("a bucket gap is too long");
            }
        }
        bucket += gap;
        if bucket >= limit {
            return Err("a bucket is beyond the model's buckets");
        }
        let run = usize::from(*bytes.get(at).ok_or("the weights end inside a bucket")?);
        at += 1;
        for _ in 0..run {
            let (Some(&class), Some(&w)) = (bytes.get(at), bytes.get(at + 1)) else { return Err("the weights end inside a bucket") };
            at += 2;
            if usize::from(class) >= classes {
                return Err("a weight names a class beyond the labels");
            }
            out.push((bucket as u32, class, w as i8));
        }
    }
    Ok(out)
}

/// What a model was trained on: the settings, the negation and plain words its features mark and every
/// example, so a test can tell that the plan's model is older than what it was trained from.
pub fn fingerprint<'a>(
    examples: impl IntoIterator<Item = (Option<&'a str>, &'a str)>,
    s: &Learning,
    negation: &Negation,
    plain_words: &[String],
) -> String {
    // The version names the features (`features.rs`): v3 added whole English words and pairs.
    let mut h = Sha256::new_with_prefix(b"exam-incident/model/v3\n");
    let (b, c, m, k, l, p, t) = (s.buckets_log2, s.c, s.min_examples, s.keep_weights, s.weight_levels, s.max_passes, s.tolerance);
    let (c, t) = (crate::text::number(c), crate::text::number(t));
    h.update(format!("{b} {c} {m} {k} {l} {p} {t} {}\n", negation.scope_chars).as_bytes());
    // Plain words block negators inside them (没有错), so they shape the features too.
    for words in [&negation.negators, &negation.not_negators, plain_words] {
        h.update(words.join("\t").as_bytes());
        h.update(b"\n");
    }
    for (kind, text) in examples {
        h.update(kind.unwrap_or("-").as_bytes());
        h.update(b"\t");
        h.update(text.as_bytes());
        h.update(b"\n");
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Learning {
        Learning { min_examples: 1, ..Learning::default() }
    }

    #[test]
    fn a_bucket_set_counts_each_bucket_once() {
        let count = |buckets: &[u32]| {
            let mut set = BucketSet::with_room(buckets.len());
            let new = buckets.iter().filter(|&&b| set.insert(b)).count();
            assert_eq!(new, set.len);
            set.len
        };
        assert_eq!(count(&[5, 0, 5, 7, 0, (1 << 31) - 1]), 4);
        assert_eq!(count(&[]), 0);
        let many: Vec<u32> = (0..1000).map(|i| i % 317).collect();
        assert_eq!(count(&many), 317);
    }

    #[test]
    fn weights_survive_the_round_trip() {
        let w = vec![(0, 0, 5), (0, 2, -7), (300, 1, 127), (1 << 19, 0, -127)];
        assert_eq!(decode(&encode(&w), 20, 3), Ok(w));
    }

    #[test]
    fn bad_bytes_are_refused() {
        assert!(decode(&[0x80], 20, 3).is_err());
        assert!(decode(&[1, 1, 5], 20, 3).is_err());
        assert!(decode(&[1, 1, 0], 20, 3).is_err());
        assert!(decode(&[0xff, 0xff, 0xff, 0x7f, 0], 20, 3).is_err());
    }

    #[test]
    fn learns_to_tell_two_classes_apart() {
        let ex = |k: &str, f: &[u64]| (Some(k.to_string()), f.iter().map(|x| x << 50).collect::<Vec<_>>());
        let examples = vec![ex("a", &[1, 2]), ex("a", &[1, 3]), ex("b", &[4, 5]), ex("b", &[4, 6])];
        let t = train(&examples, &settings());
        let score = |class: u8, f: u64| {
            let b = bucket(f << 50, 20);
            t.weights.iter().filter(|w| w.0 == b && w.1 == class).map(|w| f64::from(w.2) * t.scale).sum::<f64>()
        };
        assert!(score(0, 1) > 0.0 && score(1, 1) < 0.0);
        assert!(score(1, 4) > 0.0 && score(0, 4) < 0.0);
    }

    #[test]
    fn the_same_examples_give_the_same_model() {
        let ex = |k: &str, f: &[u64]| (Some(k.to_string()), f.iter().map(|x| x << 50).collect::<Vec<_>>());
        let examples = vec![ex("a", &[1, 2]), ex("b", &[2, 3]), ex("c", &[3, 4]), ex("a", &[1, 5])];
        assert_eq!(train(&examples, &settings()), train(&examples, &settings()));
    }

    #[test]
    fn keeps_only_the_largest_weights() {
        let ex = |k: &str, f: &[u64]| (Some(k.to_string()), f.iter().map(|x| x << 50).collect::<Vec<_>>());
        let examples = vec![ex("a", &[1, 2, 3]), ex("b", &[4, 5, 6]), ex("c", &[7, 8, 9])];
        let t = train(&examples, &Learning { keep_weights: 5, ..settings() });
        assert!(t.weights.len() <= 5, "{}", t.weights.len());
    }
}
