//! Time per `classify` call for a short (20-char) and a long (300-char) description.
//! `cargo run --release --example bench_classify`

use std::hint::black_box;
use std::time::Instant;

use exam_incident::classify::{classify, ClassifyInput};

/// Microseconds per call of `classify` on `text`: the best of 20 batches of `iterations / 20`
/// calls, so that a busy machine shows the cost of the code rather than of its neighbours.
pub fn time_classify(plan: &exam_incident::Plan, text: &str, iterations: u32) -> f64 {
    let input = ClassifyInput { text: Some(text.to_string()), facts: None };
    let _ = classify(plan, &input); // builds the term index once
    let batch = (iterations / 20).max(1);
    (0..20)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(classify(plan, black_box(&input)).ok());
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let plan = exam_incident::plan::default_plan().expect("default plan");
    let short = "3号考场突然停电，预计20分钟恢复。两个考场秩序混乱";
    let unit = "考试期间3号考场突然停电，预计二十分钟恢复；5号、6号考场秩序混乱，出现大面积作弊，另有一名考生晕倒已送医，试卷未泄密。";
    let long: String = unit.chars().cycle().take(300).collect();
    let short: String = short.chars().take(20).collect();
    let plain: String = "今天天气很好大家都在认真答题没有任何问题".chars().cycle().take(300).collect();
    let which: Vec<String> = std::env::args().skip(1).collect();
    for (name, text) in [("20 chars", short.as_str()), ("300 chars", long.as_str()), ("300 chars, no incident", plain.as_str())] {
        if !which.is_empty() && !which.iter().any(|w| name.starts_with(w.as_str())) {
            continue;
        }
        println!("classify {name}: {:.2} µs/call", time_classify(&plan, text, 20_000));
    }
}
