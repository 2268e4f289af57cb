//! `Plan` objects across the JS boundary, shared by the Node and the Chromium suites: plans held
//! side by side, each with its own thresholds (初次报告: 10 minutes by default), the module's plan
//! swapped by `loadPlan` without touching them, and errors with `params`.

use exam_incident::wasm::plan_api::{load_plan, plan_json, reset_plan};
use exam_incident::wasm::plan_class::PlanObject;
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The default plan with another id and initial-report limit.
fn site_plan(id: &str, minutes: f64) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(&plan_json()).unwrap();
    doc["id"] = id.into();
    doc["thresholds"]["initial_report_minutes"]["value"] = minutes.into();
    doc.to_string()
}

fn initial_due(plan: &PlanObject, kind: &str) -> f64 {
    let g: JsValue = plan.guide(JsValue::from_str(kind)).unwrap().into();
    let steps = Array::from(&get(&g, "steps"));
    let step = steps.iter().find(|s| get(s, "form").as_string().as_deref() == Some("initial_report")).expect("an initial_report step");
    get(&get(&step, "due"), "minutes").as_f64().unwrap()
}

fn default_minutes() -> f64 {
    let doc: serde_json::Value = serde_json::from_str(&plan_json()).unwrap();
    doc["thresholds"]["initial_report_minutes"]["value"].as_f64().unwrap()
}

#[wasm_bindgen_test]
fn two_plans_keep_their_own_thresholds_and_load_plan_touches_neither() {
    let base = PlanObject::embedded().unwrap();
    let site = PlanObject::from_json(JsValue::from_str(&site_plan("jinan-site-7", 30.0))).unwrap();
    assert_eq!(site.id(), "jinan-site-7");
    assert_eq!(initial_due(&base, "paper_defect"), default_minutes());
    assert_eq!(initial_due(&site, "paper_defect"), 30.0);
    load_plan(JsValue::from_str(&site_plan("other", 5.0))).unwrap();
    assert_eq!(initial_due(&base, "paper_defect"), default_minutes());
    assert_eq!(initial_due(&site, "paper_defect"), 30.0);
    assert_eq!(PlanObject::embedded().unwrap().id(), "sd101");
    reset_plan().unwrap();
}

#[wasm_bindgen_test]
fn a_broken_plan_throws_plan_invalid_with_located_problems_and_a_count() {
    let mut doc: serde_json::Value = serde_json::from_str(&plan_json()).unwrap();
    doc["kinds"][3]["steps"][0]["actor"] = "janitor".into();
    let err = PlanObject::from_json(JsValue::from_str(&doc.to_string())).err().expect("refused");
    assert_eq!(get(&err, "code").as_string().unwrap(), "plan_invalid");
    let problems = Array::from(&get(&err, "problems"));
    assert!(problems.iter().any(|p| get(&p, "path").as_string().as_deref() == Some("kinds[3].steps[0].actor")));
    assert_eq!(get(&get(&err, "params"), "count").as_f64(), Some(f64::from(problems.length())));
}

#[wasm_bindgen_test]
fn every_thrown_error_has_params_naming_its_values() {
    let plan = PlanObject::embedded().unwrap();
    let err = plan.guide(JsValue::from_str("nope")).unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "unknown_kind");
    assert_eq!(get(&get(&err, "params"), "kind").as_string().as_deref(), Some("nope"));
    let err = plan.report_schema(JsValue::from_f64(1.0)).unwrap_err();
    assert_eq!(get(&get(&err, "params"), "field").as_string().as_deref(), Some("form"));
}

#[wasm_bindgen_test]
fn a_response_of_one_plan_is_refused_under_another_with_plan_mismatch() {
    let base = PlanObject::embedded().unwrap();
    let site = PlanObject::from_json(JsValue::from_str(&site_plan("jinan-site-7", 30.0))).unwrap();
    let init = js_sys::JSON::parse(r#"{"kind":"paper_defect","discoveredAt":"2026-06-13T09:30"}"#).unwrap();
    let r = site.start_response(init).unwrap();
    let saved: JsValue = r.to_json().unwrap().into();
    let err = base.response_from_json(saved.clone(), JsValue::UNDEFINED).err().expect("refused");
    assert_eq!(get(&err, "code").as_string().unwrap(), "plan_mismatch");
    let params = get(&err, "params");
    assert!(get(&params, "saved").as_string().unwrap().starts_with("jinan-site-7 "));
    assert!(get(&params, "active").as_string().unwrap().starts_with("sd101 "));
    assert!(site.response_from_json(saved, JsValue::UNDEFINED).is_ok());
}
