//! `validateReport` across the JS boundary, shared by the Node and the Chromium suites: without
//! `opts.now` the browser's clock is "now" (the core is handed it as a `Clock`), and a text with
//! half an emoji in it (a lone UTF-16 surrogate) is a finding at its field, not an exception.

use exam_incident::wasm::forms_api::validate_report_js;
use exam_incident::wasm::plan_class::PlanObject;
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// `(path, code)` of every finding in `list` (`errors` or `warnings` of a report).
fn findings(report: &JsValue, list: &str) -> Vec<(String, String)> {
    Array::from(&get(report, list)).iter().map(|f| (get(&f, "path").as_string().unwrap(), get(&f, "code").as_string().unwrap())).collect()
}

/// A valid initial report, discovered `ago` minutes before the browser's clock says now and
/// reported 5 minutes later (`ago` may be negative: in the future).
fn initial_report(ago: f64) -> JsValue {
    let at = |minutes: f64| {
        let t = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() - minutes * 60_000.0));
        t.to_iso_string().as_string().unwrap()
    };
    let text = format!(
        r#"{{"incident_kind":"paper_defect","severity":"general","discovered_at":"{}","reported_at":"{}",
        "reporter":{{"name":"王明","role":"site_staff"}},"reported_to":{{"role":"site_leader"}},"report_form":"phone",
        "subject":"exam_room","location":{{"site":"山东职业学院考点"}},"summary":"启封后发现试卷少装2份"}}"#,
        at(ago),
        at(ago - 5.0)
    );
    js_sys::JSON::parse(&text).unwrap()
}

fn validate(data: &JsValue, opts: Option<JsValue>) -> JsValue {
    validate_report_js(JsValue::from_str("initial_report"), data.clone(), opts).unwrap().into()
}

#[wasm_bindgen_test]
fn without_now_times_are_judged_against_the_browsers_clock() {
    let past = validate(&initial_report(60.0), None);
    assert_eq!(get(&past, "ok"), JsValue::TRUE, "{:?}", findings(&past, "errors"));
    let future = validate(&initial_report(-60.0), None);
    assert_eq!(findings(&future, "errors"), [("/reported_at".into(), "in_future".into()), ("/discovered_at".into(), "in_future".into())]);
    // `opts.now` still wins, with `undefined` and `{}` meaning "left out", the same for a `Plan`.
    let later = js_sys::JSON::parse(&format!(r#"{{"now":"{}"}}"#, "9999-01-01T00:00")).unwrap();
    assert_eq!(get(&validate(&initial_report(-60.0), Some(later)), "ok"), JsValue::TRUE);
    assert_eq!(get(&validate(&initial_report(-60.0), Some(js_sys::Object::new().into())), "ok"), JsValue::FALSE);
    let plan = PlanObject::embedded().unwrap();
    let r: JsValue = plan.validate_report(JsValue::from_str("initial_report"), initial_report(-60.0), None).unwrap().into();
    assert_eq!(findings(&r, "errors").len(), 2);
}

#[wasm_bindgen_test]
fn half_an_emoji_in_a_text_is_a_finding_at_its_field() {
    // "考生情绪稳定👍".slice(0, 7): a portal's length limit cut the emoji in half.
    let data = initial_report(60.0);
    let cut = js_sys::JsString::from("考生情绪稳定👍").slice(0, 7);
    Reflect::set(&data, &JsValue::from_str("measures_taken"), &cut).unwrap();
    let r = validate(&data, None);
    assert_eq!(findings(&r, "errors"), [("/measures_taken".into(), "bad_character".into())]);
    let f = Array::from(&get(&r, "errors")).get(0);
    let message = get(&f, "message");
    assert!(!get(&message, "zh").as_string().unwrap().is_empty() && !get(&message, "en").as_string().unwrap().is_empty());
    // The same text where an argument is no form: a bad_argument naming where it is.
    let init = js_sys::JSON::parse(r#"{"kind":"paper_defect","discoveredAt":"2026-06-13T09:30"}"#).unwrap();
    Reflect::set(&init, &JsValue::from_str("site"), &cut).unwrap();
    let err = PlanObject::embedded().unwrap().start_response(init).err().expect("refused");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("bad_argument"));
    assert_eq!(get(&get(&err, "params"), "field").as_string().as_deref(), Some("init.site"));
    // And the next call works.
    assert_eq!(get(&validate(&initial_report(60.0), None), "ok"), JsValue::TRUE);
}
