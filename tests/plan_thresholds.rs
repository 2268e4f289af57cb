//! Thresholds in texts are placeholders (issue 12 item 5): a text that states a threshold writes
//! `{<threshold id>}`, filled from `thresholds` at load, so a site that changes a threshold gets
//! texts that say the new figure. See `src/plan/thresholds.rs` for how run-time placeholders are
//! told apart.

use exam_incident::plan::{default_plan_value, thresholds::RUNTIME_SECTIONS};
use exam_incident::Plan;
use serde_json::{json, Value};

/// Every bilingual text of `v` as (JSON pointer, zh, en).
fn texts(v: &Value, at: &str, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::Object(m) if m.len() == 2 && m.get("zh").is_some_and(Value::is_string) && m.get("en").is_some_and(Value::is_string) => {
            out.push((at.to_string(), m["zh"].as_str().unwrap().to_string(), m["en"].as_str().unwrap().to_string()));
        }
        Value::Object(m) => m.iter().for_each(|(k, x)| texts(x, &format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| texts(x, &format!("{at}/{i}"), out)),
        _ => {}
    }
}

fn loaded(doc: &Value) -> Value {
    let plan = Plan::from_value(doc).unwrap_or_else(|e| panic!("{:#?}", e.problems()));
    serde_json::to_value(plan.doc()).unwrap()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[test]
fn every_text_that_names_a_threshold_follows_it() {
    let base = default_plan_value().unwrap();
    let ids: Vec<String> = base["thresholds"].as_object().unwrap().keys().cloned().collect();
    let mut raw = Vec::new();
    texts(&base, "", &mut raw);
    for id in &ids {
        let placeholder = format!("{{{id}}}");
        let mentions: Vec<&(String, String, String)> =
            raw.iter().filter(|(_, zh, en)| zh.contains(&placeholder) || en.contains(&placeholder)).collect();
        // At least the threshold's own text states it.
        assert!(mentions.iter().any(|(p, _, _)| p == &format!("/thresholds/{id}/text")), "{id}: its own text does not name it");
        let old = base["thresholds"][id]["value"].as_f64().unwrap();
        let new = if base["thresholds"][id]["unit"] == "fraction" { 0.35 } else { old * 3.0 + 1.0 };
        let mut doc = base.clone();
        doc["thresholds"][id]["value"] = json!(new);
        let after = loaded(&doc);
        for (pointer, zh, en) in mentions {
            let got = after.pointer(pointer).unwrap_or_else(|| panic!("{pointer} not in the loaded plan"));
            for (lang, template) in [("zh", zh), ("en", en)] {
                let want = fill_all(template, &doc);
                assert_eq!(got[lang].as_str().unwrap(), want, "{id} at {pointer}.{lang}");
                if template.contains(&placeholder) {
                    assert!(want.contains(&number(new)), "{id} at {pointer}.{lang}: {want}");
                }
            }
        }
    }
}

/// `template` with every threshold of `doc` filled in, the way a reader would do it by hand.
fn fill_all(template: &str, doc: &Value) -> String {
    let mut s = template.to_string();
    for (id, t) in doc["thresholds"].as_object().unwrap() {
        s = s.replace(&format!("{{{id}}}"), &number(t["value"].as_f64().unwrap()));
    }
    s
}

/// No text outside the run-time templates still types a threshold's figure beside its unit:
/// the number would not follow a site's change.
#[test]
fn no_text_types_a_minutes_threshold_as_a_number() {
    let base = default_plan_value().unwrap();
    let mut raw = Vec::new();
    for (k, v) in base.as_object().unwrap() {
        if !RUNTIME_SECTIONS.contains(&k.as_str()) {
            texts(v, &format!("/{k}"), &mut raw);
        }
    }
    for (id, t) in base["thresholds"].as_object().unwrap() {
        if t["unit"] != "minutes" {
            continue;
        }
        let n = number(t["value"].as_f64().unwrap());
        for (p, zh, en) in &raw {
            assert!(!zh.contains(&format!("{n}分钟")) && !en.contains(&format!("{n} minutes")), "{id}: {p} types {n}");
        }
    }
}

#[test]
fn an_unknown_threshold_placeholder_is_refused_where_it_is() {
    let mut doc = default_plan_value().unwrap();
    doc["kinds"][0]["steps"][0]["text"]["zh"] = json!("在{initial_report_minute}分钟内报告");
    let err = Plan::from_value(&doc).unwrap_err();
    let p = err.problems().iter().find(|p| p.path == "kinds[0].steps[0].text.zh").unwrap_or_else(|| panic!("{:#?}", err.problems()));
    assert_eq!(p.code, "unknown_reference");
    assert!(p.message.en.contains("unknown threshold \"initial_report_minute\""), "{}", p.message.en);
}

#[test]
fn runtime_placeholders_stay_for_run_time() {
    let doc = default_plan_value().unwrap();
    let after = loaded(&doc);
    assert!(after["phone_script"]["room"]["zh"].as_str().unwrap().contains("{room}"));
    // A run-time section may still name a threshold: it is filled at load.
    let mut doc = doc;
    doc["phone_script"]["no_measures"]["zh"] = json!("{initial_report_minutes}分钟内未采取措施；{room}");
    let after = loaded(&doc);
    assert_eq!(after["phone_script"]["no_measures"]["zh"], "10分钟内未采取措施；{room}");
}
