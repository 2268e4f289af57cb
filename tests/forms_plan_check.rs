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

/// Issue 12 item 3: a name reaches the page as a property, a DOM token, a saved-state key; the
/// plan refuses any outside `[a-z][a-z0-9_]*` and the three every JavaScript object inherits.
#[test]
fn names_outside_the_pattern_or_reserved_are_located() {
    let p = problems_after(|d| {
        let fields = d["forms"]["forms"]["readiness_check"]["fields"].as_object_mut().unwrap();
        fields.insert("__proto__".into(), json!({"type": "string"}));
        fields.insert("a\"b".into(), json!({"type": "string"}));
        let entry = &mut d["forms"]["forms"]["staged_report"]["fields"]["entries"]["items"]["fields"];
        entry["constructor"] = json!({"type": "boolean"});
        d["forms"]["shapes"]["Person"] = json!({"type": "object"});
        let any = d["thresholds"].as_object().unwrap().values().next().unwrap().clone();
        d["thresholds"]["prototype"] = any;
    });
    let has = |path: &str| p.iter().any(|(a, c)| a == path && *c == "bad_name");
    assert!(has("forms.forms.readiness_check.fields.__proto__"), "{p:?}");
    assert!(has("forms.forms.readiness_check.fields.a\"b"), "{p:?}");
    assert!(has("forms.forms.staged_report.fields.entries.items.fields.constructor"), "{p:?}");
    assert!(has("forms.shapes.Person"), "{p:?}");
    assert!(has("thresholds.prototype"), "{p:?}");
}

#[test]
fn plan_ids_outside_the_pattern_are_located() {
    let p = problems_after(|d| {
        d["roles"][0]["id"] = json!("constructor");
        d["kinds"][0]["steps"][0]["id"] = json!("Step-1");
    });
    assert!(p.contains(&("roles[0].id".into(), "bad_name")), "{p:?}");
    assert!(p.contains(&("kinds[0].steps[0].id".into(), "bad_name")), "{p:?}");
    // The default plan's names all follow the pattern.
    assert!(problems_after(|_| {}).is_empty());
}

/// Issue 16 item 5: every form rule says where it comes from; an inference says why.
#[test]
fn every_rule_has_a_basis_and_an_inference_a_reason() {
    let p = problems_after(|d| {
        rules(d, "room_record")[0].as_object_mut().unwrap().remove("basis");
    });
    assert!(p.iter().any(|(a, c)| a.starts_with("forms.forms.room_record.rules[0]") && *c == "shape"), "{p:?}");
    let p = problems_after(|d| {
        let r = &mut rules(d, "room_record")[0];
        r["basis"] = json!("inferred");
        r.as_object_mut().unwrap().remove("reason");
    });
    assert!(p.contains(&("forms.forms.room_record.rules[0].reason".into(), "missing")), "{p:?}");
    let p = problems_after(|d| rules(d, "room_record")[0]["basis"] = json!("hunch"));
    assert!(p.iter().any(|(a, c)| a.starts_with("forms.forms.room_record.rules[0]") && *c == "shape"), "{p:?}");
}

/// What the form fixes added to the plan is checked as the rest: the tolerance of `not_future`
/// is a threshold, `also_approved_by` names roles (and adds to a `requires_approval`), the
/// words name JSON types and severities, and an `order`'s `date` is a pointer like its times.
#[test]
fn tolerances_further_approvers_words_and_dates_are_located() {
    let p = problems_after(|d| {
        let r = rules(d, "initial_report");
        let nf = r.iter_mut().find(|r| r["check"].get("not_future").is_some()).unwrap();
        nf["check"]["not_future"]["tolerance"] = json!("clock_skew_hours");
        d["forms"]["words"]["types"]["date"] = json!({"zh": "日期", "en": "a date"});
        d["forms"]["words"]["severities"]["critical"] = json!({"zh": "特大", "en": "critical"});
        let order = rules(d, "room_record").iter_mut().find(|r| r["check"].get("order").is_some()).unwrap();
        order["check"]["order"]["date"] = json!("exam_date");
        let leak = d["kinds"].as_array_mut().unwrap().iter_mut().find(|k| k["id"] == "paper_leak").unwrap();
        let steps = leak["steps"].as_array_mut().unwrap();
        let void = steps.iter_mut().find(|s| s["id"] == "void_within_range").unwrap();
        void["also_approved_by"] = json!(["station", "king"]);
        let protect = steps.iter_mut().find(|s| s["id"] == "protect_scene").unwrap();
        protect["also_approved_by"] = json!(["station"]);
    });
    let has = |path: &str, code: &str| p.iter().any(|(a, b)| a.ends_with(path) && *b == code);
    assert!(has("initial_report.rules[2].threshold", "unknown_reference"), "{p:?}");
    assert!(has("forms.words.types.date", "unknown_reference"), "{p:?}");
    assert!(has("forms.words.severities.critical", "unknown_reference"), "{p:?}");
    assert!(p.iter().any(|(a, c)| a.starts_with("forms.forms.room_record.rules") && *c == "shape"), "{p:?}");
    assert!(has("also_approved_by[1]", "unknown_reference"), "{p:?}");
    assert!(has("also_approved_by", "shape"), "{p:?}");
}

/// A site plan written before the fixes (no `words`, no phone markers or service numbers, no
/// `plan` field, no tolerance) still loads: messages then show ids, and the phone shapes are the
/// defaults.
#[test]
fn a_plan_without_the_new_sections_still_loads() {
    let p = problems_after(|d| {
        d["forms"].as_object_mut().unwrap().remove("words");
        for k in ["extension_markers", "service_prefixes", "service_digits"] {
            d["forms"]["phone"].as_object_mut().unwrap().remove(k);
        }
    });
    assert!(p.is_empty(), "{p:?}");
}
