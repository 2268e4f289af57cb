//! The forms section of a plan is checked when the plan loads: bad references are located
//! problems, not surprises at validation time.

use exam_incident::plan::{default_plan_json, Plan};
use serde_json::{json, Value};

fn problems_after(change: impl FnOnce(&mut Value)) -> Vec<(String, &'static str)> {
    let mut doc: Value = serde_json::from_str(&default_plan_json()).unwrap();
    change(&mut doc);
    match Plan::from_value(&doc) {
        Ok(_) => vec![],
        Err(e) => e.problems().iter().map(|p| (p.path.clone(), p.code)).collect(),
    }
}

fn rules<'a>(doc: &'a mut Value, form: &str) -> &'a mut Vec<Value> {
    doc["forms"]["forms"][form]["rules"].as_array_mut().unwrap()
}

#[test]
fn the_default_forms_section_loads() {
    assert!(problems_after(|_| {}).is_empty());
}

#[test]
fn unknown_kind_threshold_and_shape_are_located() {
    let p = problems_after(|d| {
        let r = rules(d, "initial_report");
        let variant = r.iter_mut().find(|r| r["check"].get("variant").is_some()).unwrap();
        variant["check"]["variant"]["cases"]["alien_invasion"] = json!({"type": "object"});
        let within = r.iter_mut().find(|r| r["check"].get("within").is_some()).unwrap();
        within["check"]["within"]["threshold"] = json!("initial_report_hours");
        d["forms"]["forms"]["disposal_report"]["fields"]["submitted_by"]["shape"] = json!("persona");
    });
    let has = |path: &str, code: &str| p.iter().any(|(a, b)| a.ends_with(path) && *b == code);
    assert!(has("rules[6].cases.alien_invasion", "unknown_reference"), "{p:?}");
    assert!(has("initial_report.rules[1].threshold", "unknown_reference"), "{p:?}");
    assert!(has("disposal_report.fields.submitted_by.shape", "unknown_reference"), "{p:?}");
}

#[test]
fn a_code_without_message_is_located() {
    let p = problems_after(|d| {
        d["messages"].as_object_mut().unwrap().remove("initial_report_late");
        rules(d, "room_record")[0]["code"] = json!("no_such_message");
    });
    assert!(p.contains(&("messages.initial_report_late".into(), "unknown_reference")), "{p:?}");
    assert!(p.contains(&("messages.no_such_message".into(), "unknown_reference")), "{p:?}");
}

#[test]
fn a_missing_form_an_unknown_rule_and_a_typo_are_located() {
    let p = problems_after(|d| {
        d["forms"]["forms"].as_object_mut().unwrap().remove("readiness_check");
    });
    assert!(p.iter().any(|(a, c)| a == "forms.forms.readiness_check" && *c == "missing"), "{p:?}");
    let p = problems_after(|d| rules(d, "room_record")[0]["check"] = json!({"telepathy": {}}));
    assert!(p.iter().any(|(a, c)| a.starts_with("forms") && *c == "shape"), "{p:?}");
    let p = problems_after(|d| rules(d, "room_record")[0]["check"]["order"]["frist"] = json!("/start_time"));
    assert!(p.iter().any(|(a, c)| a.starts_with("forms") && *c == "shape"), "{p:?}");
}

#[test]
fn readiness_items_must_name_fields_of_the_readiness_check() {
    let p = problems_after(|d| d["readiness"][0]["field"] = json!("evacuation_plan_pinned"));
    assert!(p.contains(&("readiness[0].field".into(), "unknown_reference")), "{p:?}");
}
