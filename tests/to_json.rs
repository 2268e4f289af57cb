//! `json::ToJson` (the crate's writer, which the wasm build uses for every output and for saved
//! state) writes the same bytes as serde_json with the types' derived `Serialize`: held here on
//! representative outputs of every kind (classifications of the dev corpus, guidance for every
//! kind, plan info, form reports and schemas, response steps, summaries and logs) and on values
//! with escapes, numbers and nesting.

mod common;

use std::path::Path;

use common::*;
use exam_incident::classify::classify_value;
use exam_incident::forms::{report_schema, validate_report, ValidateOptions};
use exam_incident::guide::{guide, plan_info};
use exam_incident::json::{self, ToJson};
use exam_incident::plan::default_plan;
use serde::Serialize;
use serde_json::{json, Value};

fn same<T: ToJson + Serialize + ?Sized>(what: &str, v: &T) {
    assert_eq!(json::to_string(v), serde_json::to_string(v).unwrap(), "{what}");
}

#[test]
fn values_with_escapes_numbers_and_nesting() {
    let all_controls: String = (0u8..0x20).map(char::from).collect();
    let v = json!({
        "s": format!("q\"b\\s/{all_controls}\u{7f}中文\u{2028}😀"),
        "n": [0, 1, -1, u64::MAX, i64::MIN, 1.5, -0.0, 0.1, 1e300, 1e-7, 123456789.125, f64::MAX, f64::MIN_POSITIVE],
        "o": { "": null, "b": true, "f": false, "a\"\n": [[], {}] },
    });
    same("value", &v);
    same("nan", &f64::NAN);
    same("inf", &f64::INFINITY);
    same("string", "\u{0}\u{1f} \"\\");
}

#[test]
fn classifications_guidance_and_plan_info() {
    let plan = default_plan().unwrap();
    same("plan info", &plan_info(&plan));
    for k in &plan_info(&plan).kinds {
        same(&k.id, &guide(&plan, &k.id).unwrap());
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus/dev-k.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() > 100);
    for c in &cases {
        let got = classify_value(&plan, &json!({ "text": c["text"] })).unwrap();
        same(c["text"].as_str().unwrap_or(""), &got);
    }
}

#[test]
fn form_reports_and_schemas() {
    let plan = default_plan().unwrap();
    let clock = exam_incident::time::FixedClock(exam_incident::time::parse_time("2026-06-14T18:00", plan.timezone()).unwrap());
    let file: Value = serde_json::from_str(include_str!("data/form_cases.json")).unwrap();
    let mut forms = 0;
    for (form, base) in file["bases"].as_object().unwrap() {
        // Some bases are variants of a form under another name.
        let Ok(schema) = report_schema(&plan, form) else { continue };
        forms += 1;
        same(form, &schema);
        let report = validate_report(&plan, form, base, &ValidateOptions::default(), &clock).unwrap();
        same(form, &report);
        let mut broken = base.clone();
        if let Some(o) = broken.as_object_mut() {
            let first = o.keys().next().cloned().unwrap();
            o.insert(first, json!([1, "\u{1}"]));
            o.insert("unknown\"field".into(), json!(2.5));
        }
        same(form, &validate_report(&plan, form, &broken, &ValidateOptions::default(), &clock).unwrap());
    }
    assert!(forms >= 2, "{forms} forms");
}

#[test]
fn response_steps_summary_and_log() {
    let mut r = open("power_or_equipment_failure", &t(30));
    same("steps", &r.steps(&t(31)).unwrap());
    r.complete("initial_report", exam_incident::response::Act::at(t(38)).by("李强", "site_staff").note("a\"b\n"), &day_end()).unwrap();
    same("steps", &r.steps(&t(40)).unwrap());
    same("summary", &r.summary(&t(40), 5.0).unwrap());
    same("log", r.log());
    same("opened", r.opened());
}
