//! Accuracy of the classifier on `tests/data/classify_cases.json`, per expected kind.
//! `cargo run --example classify_accuracy`

use std::collections::BTreeMap;

use exam_incident::classify::classify_value;

fn main() {
    let plan = exam_incident::plan::default_plan().expect("default plan");
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../tests/data/classify_cases.json")).expect("cases parse");
    let mut per_kind: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut misses = Vec::new();
    for c in &cases {
        let mut input = serde_json::Map::new();
        for key in ["text", "facts"] {
            if let Some(v) = c.get(key) {
                input.insert(key.into(), v.clone());
            }
        }
        let want_kind = c.get("kind").and_then(|k| k.as_str()).map(str::to_string);
        let want_sev = c.get("severity").and_then(|k| k.as_str()).map(str::to_string);
        let ok = match classify_value(&plan, &serde_json::Value::Object(input)) {
            Ok(got) => got.kind == want_kind && got.severity.map(|s| s.as_str().to_string()) == want_sev,
            Err(_) => false,
        };
        let slot = per_kind.entry(want_kind.clone().unwrap_or_else(|| "(none)".into())).or_default();
        slot.1 += 1;
        if ok {
            slot.0 += 1;
        } else {
            misses.push(c.to_string());
        }
    }
    let (mut right, mut all) = (0, 0);
    println!("{:<28} {:>5} {:>5} {:>8}", "kind", "right", "cases", "accuracy");
    for (k, (r, n)) in &per_kind {
        right += r;
        all += n;
        println!("{k:<28} {r:>5} {n:>5} {:>7.1}%", f64::from(*r) * 100.0 / f64::from(*n));
    }
    println!("{:<28} {right:>5} {all:>5} {:>7.1}%", "all", f64::from(right) * 100.0 / f64::from(all.max(1)));
    for m in misses {
        println!("miss: {m}");
    }
}
