//! The plan exports across the JS boundary: shared by the Node and the Chromium suites.

use exam_incident::wasm::plan_api::{guide, load_plan, plan_info, plan_json, reset_plan};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn code_of(err: JsValue) -> String {
    assert!(err.is_instance_of::<js_sys::Error>(), "thrown value is an Error");
    get(&err, "code").as_string().expect("error has a code")
}

#[wasm_bindgen_test]
fn plan_info_lists_sixteen_kinds_and_eighteen_roles() {
    let info: JsValue = plan_info().unwrap().into();
    assert_eq!(Array::from(&get(&info, "kinds")).length(), 16);
    // PLAN.md's 15 and the three bodies the seed keeps distinct (issue 16, docs/plan.md#roles).
    assert_eq!(Array::from(&get(&info, "roles")).length(), 18);
    assert_eq!(get(&info, "timezone").as_string().unwrap(), "+08:00");
    let first = Array::from(&get(&info, "kinds")).get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "paper_leak");
    assert_eq!(get(&first, "severity").as_string().unwrap(), "major");
}

#[wasm_bindgen_test]
fn guide_gives_cited_bilingual_steps() {
    let g: JsValue = guide(JsValue::from_str("power_or_equipment_failure")).unwrap().into();
    let steps = Array::from(&get(&g, "steps"));
    assert!(steps.length() > 5);
    for s in steps.iter() {
        assert!(!get(&s, "clause").as_string().unwrap().is_empty());
        let text = get(&s, "text");
        assert!(!get(&text, "zh").as_string().unwrap().is_empty());
        assert!(!get(&text, "en").as_string().unwrap().is_empty());
    }
}

#[wasm_bindgen_test]
fn unknown_kind_throws_with_a_code_and_the_next_call_works() {
    assert_eq!(code_of(guide(JsValue::from_str("nope")).unwrap_err()), "unknown_kind");
    assert_eq!(code_of(guide(JsValue::from_f64(3.0)).unwrap_err()), "bad_argument");
    assert_eq!(code_of(guide(JsValue::UNDEFINED).unwrap_err()), "bad_argument");
    assert!(guide(JsValue::from_str("paper_leak")).is_ok());
}

#[wasm_bindgen_test]
fn load_plan_reports_syntax_errors_with_a_code() {
    let err = load_plan(JsValue::from_str("{")).unwrap_err();
    let problems = Array::from(&get(&err, "problems"));
    assert_eq!(code_of(err), "plan_invalid");
    assert_eq!(get(&problems.get(0), "code").as_string().unwrap(), "syntax");
    assert!(plan_info().is_ok());
}

#[wasm_bindgen_test]
fn load_plan_locates_every_problem_and_keeps_the_previous_plan() {
    let mut doc: serde_json::Value = serde_json::from_str(&plan_json()).unwrap();
    doc["kinds"][3]["steps"][0]["actor"] = "janitor".into();
    doc["roles"][1]["id"] = "leading_group".into();
    let err = load_plan(JsValue::from_str(&doc.to_string())).unwrap_err();
    let problems = Array::from(&get(&err, "problems"));
    let paths: Vec<String> = problems.iter().map(|p| get(&p, "path").as_string().unwrap()).collect();
    assert!(paths.iter().any(|p| p == "kinds[3].steps[0].actor"), "{paths:?}");
    assert!(paths.iter().any(|p| p == "roles[1].id"), "{paths:?}");
    assert_eq!(code_of(err), "plan_invalid");
    let info: JsValue = plan_info().unwrap().into();
    assert_eq!(get(&info, "id").as_string().unwrap(), "sd101");
}

#[wasm_bindgen_test]
fn load_plan_accepts_an_object_and_reset_restores_the_default() {
    let mut doc: serde_json::Value = serde_json::from_str(&plan_json()).unwrap();
    doc["id"] = "jinan-site-7".into();
    let obj = js_sys::JSON::parse(&doc.to_string()).unwrap();
    let info: JsValue = load_plan(obj).unwrap().into();
    assert_eq!(get(&info, "id").as_string().unwrap(), "jinan-site-7");
    let info: JsValue = reset_plan().unwrap().into();
    assert_eq!(get(&info, "id").as_string().unwrap(), "sd101");
}

#[wasm_bindgen_test]
fn load_plan_rejects_hostile_values_without_trapping() {
    let cyclic = js_sys::Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    assert_eq!(code_of(load_plan(cyclic.into()).unwrap_err()), "bad_argument");
    assert_eq!(code_of(load_plan(JsValue::from(js_sys::BigInt::from(5))).unwrap_err()), "bad_argument");
    assert_eq!(code_of(load_plan(JsValue::NULL).unwrap_err()), "bad_argument");
    assert_eq!(code_of(load_plan(JsValue::from_f64(f64::NAN)).unwrap_err()), "plan_invalid");
    assert_eq!(code_of(load_plan(Array::new().into()).unwrap_err()), "plan_invalid");
    assert!(plan_info().is_ok());
}
