//! µs to load a plan natively, by phase. The embedded default plan: parse its JSON into a value,
//! decode that into the plan document, and `default_plan()` whole (no start-up check). A site's
//! plan: the full load from JSON text with every check, and that load plus a first `classify`
//! (anything the classifier builds per plan on first use).
//! Run: `cargo run --release --example bench_plan`.

use std::hint::black_box;
use std::time::Instant;

use exam_incident::classify::{classify, ClassifyInput};
use exam_incident::plan::{decode, default_plan, default_plan_json, default_plan_value, Plan, Problems};

fn main() {
    let value = default_plan_value().expect("default plan");
    let json = default_plan_json();
    let input = ClassifyInput { text: Some("3号考场突然停电".into()), facts: None };
    let parse = time(|| default_plan_value().is_ok());
    let dec = time(|| decode::decode_document(black_box(&value), &mut Problems::default()).is_some());
    let all = time(|| default_plan().is_ok());
    let checked = time(|| Plan::from_json(black_box(&json)).is_ok());
    let first = time(|| Plan::from_json(black_box(&json)).is_ok_and(|plan| classify(&plan, &input).is_ok()));
    println!("default plan: parse text → value        {parse:>8.0} µs");
    println!("default plan: decode value → document   {dec:>8.0} µs");
    println!("default plan: default_plan() in all     {all:>8.0} µs");
    println!("site plan: from JSON text, all checks   {checked:>8.0} µs");
    println!("site plan: that + first classify        {first:>8.0} µs");
}

/// µs per call: the best of 25 batches of 10, so that a busy machine shows the cost of the code.
fn time(mut f: impl FnMut() -> bool) -> f64 {
    for _ in 0..3 {
        assert!(f());
    }
    let mut best = f64::MAX;
    for _ in 0..25 {
        let t = Instant::now();
        for _ in 0..10 {
            black_box(f());
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / 10.0);
    }
    best
}
