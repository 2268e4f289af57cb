//! `IncidentResponse` across the JS boundary, shared by the Node and the Chromium suites: the
//! binding hands the core the browser's clock, so an action or a discovery later than `Date.now()`
//! (beyond the plan's `future_tolerance_minutes`) is `future_time`, and nothing is logged.

use exam_incident::wasm::plan_class::PlanObject;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The browser's clock `minutes` from now, as RFC 3339 (UTC).
fn from_now(minutes: f64) -> String {
    js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() + minutes * 60_000.0)).to_iso_string().as_string().unwrap()
}

fn code(e: &JsValue) -> String {
    get(e, "code").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn times_later_than_the_browsers_clock_are_future_time() {
    let plan = PlanObject::embedded().unwrap();
    let init = |at: &str| js_sys::JSON::parse(&format!(r#"{{"kind":"paper_defect","discoveredAt":"{at}"}}"#)).unwrap();
    let err = plan.start_response(init(&from_now(60.0))).err().expect("refused");
    assert_eq!(code(&err), "future_time");
    assert_eq!(get(&get(&err, "params"), "field").as_string().as_deref(), Some("discoveredAt"));
    assert_eq!(get(&get(&err, "params"), "tolerance").as_f64(), Some(2.0));

    let r = plan.start_response(init(&from_now(-30.0))).unwrap();
    let step = JsValue::from_str("initial_report");
    let err = r.complete(step.clone(), JsValue::from_str(&from_now(60.0)), None, None, None).expect_err("refused");
    assert_eq!(code(&err), "future_time");
    // `now` in the error is the browser's clock, in the plan's zone, to the second.
    let now = get(&get(&err, "params"), "now").as_string().unwrap();
    let said = js_sys::Date::parse(&now);
    assert!((said - js_sys::Date::now()).abs() < 5_000.0, "{now}");
    assert!(now.ends_with("+08:00"), "{now}");
    assert_eq!(js_sys::Array::from(&r.log().unwrap()).length(), 1, "nothing logged");
    // Within the tolerance (a minute ahead: another device's clock) and in the past: logged.
    r.complete(step, JsValue::from_str(&from_now(1.0)), None, None, None).unwrap();
    r.add_note(JsValue::from_str(&from_now(-1.0)), JsValue::from_str("现场秩序正常"), None).unwrap();
    assert_eq!(js_sys::Array::from(&r.log().unwrap()).length(), 3);
}
