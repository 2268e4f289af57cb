//! µs to load the embedded default plan natively, by phase: parse the embedded JSON into a value,
//! decode it into the plan document, and the whole load (decode + check + flows).
//! Run: `cargo run --release --example bench_plan`.

use std::hint::black_box;
use std::time::Instant;

use exam_incident::plan::{decode, default_plan, Plan, Problems};

fn main() {
    let value = exam_incident::plan::default_plan_value().expect("default plan parts");
    let parse = time(|| exam_incident::plan::default_plan_value().is_ok());
    let dec =
        time(|| decode::decode_document(black_box(&value), &mut Problems::default()).is_some());
    let load = time(|| Plan::from_value(black_box(&value)).is_ok());
    let all = time(|| default_plan().is_ok());
    println!("parse text → value       {parse:>8.0} µs");
    println!("decode value → document  {dec:>8.0} µs");
    println!("load value (decode+check){load:>8.0} µs");
    println!("default_plan() in all    {all:>8.0} µs");
}

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
