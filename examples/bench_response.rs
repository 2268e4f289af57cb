//! ms per `to_json`, `from_json` and `verify_log` of a response with 1,000 log entries on the
//! default plan, built as `bench/node-calls.mjs` builds it (an open entry, then notes).
//! Run: `cargo run --release --example bench_response`.

use std::hint::black_box;
use std::rc::Rc;
use std::time::Instant;

use exam_incident::plan::default_plan;
use exam_incident::response::{Act, Init, Response};
use exam_incident::time::{parse_time, FixedClock};

const ENTRIES: usize = 1000;

fn main() {
    let plan = Rc::new(default_plan().expect("default plan"));
    let init =
        Init { kind: "mass_cheating".into(), discovered_at: "2026-06-13T09:00".into(), id: Some("bench-1000".into()), ..Init::default() };
    // After every entry's time: no entry is refused as in the future.
    let clock = FixedClock(parse_time("2026-06-14T00:00", plan.timezone()).expect("a time"));
    let start = Instant::now();
    let mut r = Response::open(plan.clone(), init, &clock).expect("opens");
    let mut i = 0;
    while r.log().len() < ENTRIES {
        let m = 1 + i / 60;
        let at = format!("2026-06-13T{:02}:{:02}", 9 + m / 60, m % 60);
        r.note(Act::at(at).note(format!("记录 {i}")), &clock).expect("note");
        i += 1;
    }
    let build = start.elapsed().as_secs_f64() * 1e3;
    let saved = r.to_json();
    assert!(r.verify_log());
    assert_eq!(Response::from_json(plan.clone(), &saved).expect("restores").to_json(), saved);

    println!("response with {ENTRIES} entries ({} KB saved)", saved.len() / 1024);
    println!("{:<12} {:>10}", "call", "ms");
    println!("{:<12} {:>10.3}", "build", build);
    println!("{:<12} {:>10.3}", "to_json", time(|| r.to_json().len()));
    println!("{:<12} {:>10.3}", "from_json", time(|| Response::from_json(plan.clone(), black_box(&saved)).map_or(0, |r| r.log().len())));
    println!("{:<12} {:>10.3}", "verify", time(|| usize::from(r.verify_log())));
}

/// Milliseconds per call: the best of 30 calls after 3 warm-up calls, so that a busy machine
/// (builds run alongside) shows the cost of the code rather than of its neighbours.
fn time(mut f: impl FnMut() -> usize) -> f64 {
    for _ in 0..3 {
        black_box(f());
    }
    (0..30)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}
