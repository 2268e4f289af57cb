//! Trains the classifier's learnt model from the plan's labelled phrasings and writes it into the
//! plan (`plans/sd101/model.json`, merged into the embedded plan by build.rs):
//!
//! `cargo run --release --example train_model` (after changing `plans/sd101/classifier.json`'s
//! examples, its `learning` settings, or the bank `plans/sd101/examples.json` that
//! `scripts/corpus-examples.py` writes from the development corpora).
//!
//! `--bank FILE` trains on another bank and `--out FILE` writes elsewhere (cross-corpus checks).
//! The test `model_is_current` (tests/classify_model.rs) fails while the model is older than its
//! examples.

use exam_incident::classify::model::text_features;
use exam_incident::classify::train;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut bank, mut out) = ("plans/sd101/examples.json".to_string(), "plans/sd101/model.json".to_string());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bank" => bank = args.next().expect("--bank FILE"),
            "--out" => out = args.next().expect("--out FILE"),
            other => panic!("unknown argument {other}"),
        }
    }
    let plan = exam_incident::plan::default_plan().expect("default plan");
    let spec = &plan.doc().classifier;
    let examples = training_examples(&bank);
    let features: Vec<(Option<String>, Vec<u64>)> =
        examples.iter().map(|(k, t)| (k.clone(), text_features(spec, spec.index(), t))).collect();
    let started = std::time::Instant::now();
    let t = train::train(&features, &spec.learning);
    let took = started.elapsed();
    let trained_on =
        train::fingerprint(examples.iter().map(|(k, t)| (k.as_deref(), t.as_str())), &spec.learning, &spec.negation, &spec.plain_words);
    use base64::Engine;
    let weights = base64::engine::general_purpose::STANDARD.encode(train::encode(&t.weights));
    let round = |x: f64| (x * 1e6).round() / 1e6;
    let model = serde_json::json!({
        "clause": spec.similarity.confirm_clause,
        "trained_on": trained_on,
        "buckets_log2": spec.learning.buckets_log2,
        "labels": t.labels,
        "bias": t.bias.iter().map(|&b| round(b)).collect::<Vec<_>>(),
        "scale": t.scale,
        "weights": weights,
    });
    let text = format!("{{\"classifier\": {{\"model\": {}}}}}\n", serde_json::to_string_pretty(&model).expect("json"));
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!(
        "{out}: {} examples, {} classes, {} weights kept ({} bytes, base64 {}), trained in {:.1} s",
        examples.len(),
        t.labels.len(),
        t.weights.len(),
        train::encode(&t.weights).len(),
        weights.len(),
        took.as_secs_f64()
    );
}

/// The plan's hand-written examples, then the bank's: (kind, text).
pub fn training_examples(bank: &str) -> Vec<(Option<String>, String)> {
    let read = |path: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut out = Vec::new();
    for v in [read("plans/sd101/classifier.json"), read(bank)] {
        for e in v["classifier"]["examples"].as_array().into_iter().flatten() {
            out.push((e["kind"].as_str().map(str::to_string), e["text"].as_str().unwrap_or_default().to_string()));
        }
    }
    out
}
