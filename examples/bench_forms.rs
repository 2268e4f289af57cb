//! µs per `validate_report` for each form, valid and invalid, on the default plan; and per
//! `report_schema`; and ms per load of the default plan. Run: `cargo run --release --example bench_forms`.

use std::hint::black_box;
use std::time::Instant;

use exam_incident::forms::{report_schema, validate_report, ValidateOptions, FORM_IDS};
use exam_incident::plan::default_plan;
use serde_json::{json, Value};

fn main() {
    let plan = default_plan().expect("default plan");
    let cases: Value = serde_json::from_str(include_str!("../tests/data/form_cases.json")).unwrap();
    let bases = &cases["bases"];
    let opts = ValidateOptions { now: Some("2026-06-14T18:00".into()) };
    // Never asked: `opts.now` is given.
    let clock = exam_incident::time::FixedClock(exam_incident::time::parse_time("2026-06-14T18:00", plan.timezone()).unwrap());
    let valid = [
        ("initial_report", &bases["initial_power"]),
        ("staged_report", &bases["staged_report"]),
        ("room_record", &bases["room_record"]),
        ("disposal_report", &bases["disposal_report"]),
        ("readiness_check", &bases["readiness_check"]),
    ];
    println!("{:<18} {:>12} {:>12} {:>12}", "form", "valid µs", "invalid µs", "schema µs");
    for (form, base) in valid {
        // Invalid: every top-level field of the wrong type, which touches every rule.
        let broken: Value = base.as_object().unwrap().keys().map(|k| (k.clone(), json!(12.5))).collect::<serde_json::Map<_, _>>().into();
        let v = time(|| validate_report(&plan, form, black_box(base), &opts, &clock).unwrap().ok);
        let i = time(|| validate_report(&plan, form, black_box(&broken), &opts, &clock).unwrap().ok);
        let s = time(|| report_schema(&plan, form).is_ok());
        println!("{form:<18} {v:>12.1} {i:>12.1} {s:>12.1}");
    }
    assert_eq!(FORM_IDS.len(), 5);
}

/// µs per call: the best of 100 batches of 20 calls after 50 warm-up calls. Short batches and
/// the best of many, so that a busy machine (builds run alongside) shows the cost of the code
/// rather than of its neighbours.
fn time(mut f: impl FnMut() -> bool) -> f64 {
    for _ in 0..50 {
        black_box(f());
    }
    let n = 20;
    (0..100)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..n {
                black_box(f());
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        })
        .fold(f64::INFINITY, f64::min)
}
