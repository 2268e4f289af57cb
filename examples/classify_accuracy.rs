//! Accuracy of the classifier on labelled cases: per file, kind and severity accuracy, majors
//! returned as general or null, false alarms on non-incidents, accuracy per kind and per pattern,
//! a confusion matrix, and the misses.
//!
//! `cargo run --release --example classify_accuracy -- tests/data/corpus/dev.json [more files]`
//! (default: `tests/data/classify_cases.json`). A case is `{text?, facts?, kind, severity,
//! patterns?}` (the corpus format of `tests/data/corpus/README.md`, or the older cases file).
//!
//! `--examples BANK.json` classifies with the hand-written examples of `plans/sd101/classifier.json`
//! plus BANK's `classifier.examples`, the learnt model trained on them instead of the shipped one: cross-corpus evaluation builds
//! BANK from one corpus with `scripts/corpus-examples.py --from … --out …` and tests the other.

use std::collections::BTreeMap;

use exam_incident::classify::classify_value;

#[derive(Default)]
struct Tally {
    right: u32,
    all: u32,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.all += 1;
        self.right += u32::from(ok);
    }
    fn pct(&self) -> f64 {
        f64::from(self.right) * 100.0 / f64::from(self.all.max(1))
    }
}

fn main() {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let quiet = files.iter().any(|f| f == "--quiet");
    files.retain(|f| f != "--quiet");
    let bank = files.iter().position(|f| f == "--examples").map(|i| {
        files.remove(i);
        files.remove(i)
    });
    let plan = match &bank {
        None => exam_incident::plan::default_plan().expect("default plan"),
        Some(bank) => with_examples(bank),
    };
    // EI_DUMP=FILE writes each case's full result as a JSON line (for studying how layers combine).
    let dump = std::env::var("EI_DUMP").ok().map(|f| std::cell::RefCell::new(std::fs::File::create(f).expect("EI_DUMP")));
    if files.is_empty() {
        files.push("tests/data/classify_cases.json".into());
    }
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let (mut kind_ok, mut sev_ok) = (Tally::default(), Tally::default());
        let (mut majors, mut majors_low, mut non, mut alarms) = (0u32, 0u32, 0u32, 0u32);
        let mut per_kind: BTreeMap<String, Tally> = BTreeMap::new();
        let mut per_pattern: BTreeMap<String, Tally> = BTreeMap::new();
        let mut confusion: BTreeMap<(String, String), u32> = BTreeMap::new();
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
            let got = classify_value(&plan, &serde_json::Value::Object(input)).ok();
            if let Some(dump) = &dump {
                use std::io::Write;
                let line = serde_json::json!({"id": c.get("id"), "got": got});
                writeln!(dump.borrow_mut(), "{line}").expect("dump");
            }
            let got_kind = got.as_ref().and_then(|g| g.kind.clone());
            let got_sev = got.as_ref().and_then(|g| g.severity.map(|s| s.as_str().to_string()));
            let k_ok = got_kind == want_kind;
            let s_ok = got_sev == want_sev;
            kind_ok.add(k_ok);
            sev_ok.add(s_ok);
            if want_sev.as_deref() == Some("major") {
                majors += 1;
                majors_low += u32::from(got_sev.as_deref() != Some("major"));
            }
            if want_kind.is_none() {
                non += 1;
                alarms += u32::from(got_kind.is_some());
            }
            let name = |k: &Option<String>| k.clone().unwrap_or_else(|| "(none)".into());
            per_kind.entry(name(&want_kind)).or_default().add(k_ok && s_ok);
            for p in c.get("patterns").and_then(|p| p.as_array()).into_iter().flatten().filter_map(|p| p.as_str()) {
                per_pattern.entry(p.to_string()).or_default().add(k_ok && s_ok);
            }
            *confusion.entry((name(&want_kind), name(&got_kind))).or_default() += 1;
            if !(k_ok && s_ok) {
                let certain = got.as_ref().is_some_and(|g| g.certain);
                misses.push(format!(
                    "{} want {}/{} got {}/{}{}: {}",
                    c.get("id").and_then(|i| i.as_str()).unwrap_or("-"),
                    name(&want_kind),
                    want_sev.as_deref().unwrap_or("-"),
                    name(&got_kind),
                    got_sev.as_deref().unwrap_or("-"),
                    if certain { "" } else { " (uncertain)" },
                    c.get("text").and_then(|t| t.as_str()).unwrap_or("")
                ));
            }
        }
        println!("== {file}: {} cases", cases.len());
        println!("kind right       {:>4}/{:<4} {:>6.1}%", kind_ok.right, kind_ok.all, kind_ok.pct());
        println!("severity right   {:>4}/{:<4} {:>6.1}%", sev_ok.right, sev_ok.all, sev_ok.pct());
        println!("majors as general or null: {majors_low} of {majors}");
        println!("false alarms on non-incidents: {alarms} of {non}");
        println!("\n{:<28} {:>5} {:>5} {:>8}", "kind (kind and severity right)", "right", "cases", "accuracy");
        for (k, t) in &per_kind {
            println!("{k:<28} {:>5} {:>5} {:>7.1}%", t.right, t.all, t.pct());
        }
        println!("\n{:<28} {:>5} {:>5} {:>8}", "pattern", "right", "cases", "accuracy");
        for (k, t) in &per_pattern {
            println!("{k:<28} {:>5} {:>5} {:>7.1}%", t.right, t.all, t.pct());
        }
        println!("\nconfusion (want → got: count), off the diagonal:");
        for ((w, g), n) in &confusion {
            if w != g {
                println!("  {w} → {g}: {n}");
            }
        }
        if !quiet {
            println!();
            for m in &misses {
                println!("miss {m}");
            }
        }
        println!();
    }
}

/// The default plan with the hand-written examples and `bank`'s in place of the embedded bank.
fn with_examples(bank: &str) -> exam_incident::Plan {
    let read = |path: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let examples = |v: &serde_json::Value| v["classifier"]["examples"].as_array().cloned().unwrap_or_default();
    let mut all = examples(&read("plans/sd101/classifier.json"));
    all.extend(examples(&read(bank)));
    let mut plan = exam_incident::plan::default_plan_value().expect("default plan");
    plan["classifier"]["examples"] = serde_json::Value::Array(all);
    // Without the shipped model, the model is trained from these examples on first use.
    if let Some(c) = plan["classifier"].as_object_mut() {
        c.remove("model");
    }
    exam_incident::Plan::from_value(&plan).expect("plan with the bank")
}
