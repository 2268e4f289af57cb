//! Time to load and check the default plan, and to answer a first `classify` with it (which
//! includes anything built per plan on first use).
//! `cargo run --release --example bench_plan_load`

use std::hint::black_box;
use std::time::Instant;

use exam_incident::classify::{classify, ClassifyInput};
use exam_incident::plan::{default_plan_json, Plan};

/// Best of `runs` timings of `f`, in milliseconds: the cost of the code, not of the neighbours.
fn best_ms(runs: u32, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let json = default_plan_json();
    let input = ClassifyInput { text: Some("3号考场突然停电".into()), facts: None };
    let load = best_ms(50, || {
        black_box(Plan::from_json(black_box(&json)).ok());
    });
    let first = best_ms(50, || {
        if let Ok(plan) = Plan::from_json(black_box(&json)) {
            black_box(classify(&plan, &input).ok());
        }
    });
    println!("plan load (from JSON text): {load:.3} ms");
    println!("plan load + first classify: {first:.3} ms");
}
