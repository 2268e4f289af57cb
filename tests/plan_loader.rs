//! Every class of broken plan gives its located problem, and all problems come at once.

use exam_incident::plan::{default_plan_json, Plan, PlanProblem};
use serde_json::{json, Value};

fn default_doc() -> Value {
    serde_json::from_str(&default_plan_json()).unwrap()
}

fn problems_of(doc: &Value) -> Vec<PlanProblem> {
    let err = Plan::from_value(doc).expect_err("the plan should not load");
    assert_eq!(err.code(), "plan_invalid");
    err.problems().to_vec()
}

fn has(problems: &[PlanProblem], path: &str, code: &str) -> bool {
    problems.iter().any(|p| p.path == path && p.code == code)
}

fn assert_problem(doc: &Value, path: &str, code: &str) {
    let problems = problems_of(doc);
    assert!(has(&problems, path, code), "expected {code} at {path}, got {problems:#?}");
}

fn kind_index(doc: &Value, id: &str) -> usize {
    doc["kinds"].as_array().unwrap().iter().position(|k| k["id"] == id).unwrap()
}

fn step_index(doc: &Value, kind: usize, id: &str) -> usize {
    doc["kinds"][kind]["steps"].as_array().unwrap().iter().position(|s| s["id"] == id).unwrap()
}

#[test]
fn the_default_plan_loads() {
    Plan::from_json(&default_plan_json()).expect("default plan is valid");
}

#[test]
fn syntax_error_is_located_by_line_and_column() {
    let err = Plan::from_json("{\n  \"id\": ").unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.code, "syntax");
    assert!(p.message.en.contains("line 2"), "{}", p.message.en);
    assert_eq!(Plan::from_json("").unwrap_err().problems()[0].code, "syntax");
}

#[test]
fn non_object_and_unsupported_format() {
    assert_problem(&json!([1, 2]), "", "shape");
    let mut doc = default_doc();
    doc["format"] = json!(2);
    assert_problem(&doc, "format", "unsupported_format");
}

#[test]
fn unknown_actor_role_is_located_in_the_step() {
    let mut doc = default_doc();
    doc["kinds"][4]["steps"][2]["actor"] = json!("janitor");
    let problems = problems_of(&doc);
    let p = problems.iter().find(|p| p.path == "kinds[4].steps[2].actor").expect("located");
    assert_eq!(p.code, "unknown_reference");
    assert!(p.message.en.contains("unknown role \"janitor\""), "{}", p.message.en);
    assert!(p.to_string().starts_with("kinds[4].steps[2].actor: unknown role"), "{p}");
}

#[test]
fn duplicate_ids_of_roles_kinds_and_steps() {
    let mut doc = default_doc();
    doc["roles"][2]["id"] = doc["roles"][0]["id"].clone();
    doc["kinds"][5]["id"] = doc["kinds"][4]["id"].clone();
    let k = kind_index(&doc, "paper_leak");
    doc["kinds"][k]["steps"][1]["id"] = doc["kinds"][k]["steps"][0]["id"].clone();
    let problems = problems_of(&doc);
    assert!(has(&problems, "roles[2].id", "duplicate_id"), "{problems:#?}");
    assert!(has(&problems, "kinds[5].id", "duplicate_id"), "{problems:#?}");
    assert!(has(&problems, &format!("kinds[{k}].steps[1].id"), "duplicate_id"), "{problems:#?}");
}

#[test]
fn option_leading_to_a_missing_step() {
    let mut doc = default_doc();
    let k = kind_index(&doc, "power_or_equipment_failure");
    let s = step_index(&doc, k, "outage_decision");
    doc["kinds"][k]["steps"][s]["options"][0]["next"] = json!(["nowhere"]);
    assert_problem(&doc, &format!("kinds[{k}].steps[{s}].options[0].next[0]"), "unknown_reference");
}

#[test]
fn decision_graph_that_loops_back() {
    let mut doc = default_doc();
    let k = kind_index(&doc, "power_or_equipment_failure");
    let outer = step_index(&doc, k, "outage_decision");
    let inner = step_index(&doc, k, "superior_instruction");
    doc["kinds"][k]["steps"][inner]["options"][0]["next"] = json!(["outage_decision"]);
    let problems = problems_of(&doc);
    assert!(problems.iter().any(|p| p.code == "decision_cycle"), "{problems:#?}");
    assert!(
        has(&problems, &format!("kinds[{k}].steps[{outer}].options"), "decision_cycle")
            || has(&problems, &format!("kinds[{k}].steps[{inner}].options"), "decision_cycle"),
        "{problems:#?}"
    );
}

#[test]
fn kind_without_steps() {
    let mut doc = default_doc();
    doc["kinds"][0]["steps"] = json!([]);
    assert_problem(&doc, "kinds[0].steps", "no_steps");
}

#[test]
fn blank_text_in_either_language() {
    let mut doc = default_doc();
    doc["kinds"][1]["title"]["en"] = json!("  ");
    doc["roles"][0]["title"]["zh"] = json!("");
    let problems = problems_of(&doc);
    assert!(has(&problems, "kinds[1].title", "blank_text"), "{problems:#?}");
    assert!(has(&problems, "roles[0].title", "blank_text"), "{problems:#?}");
}

#[test]
fn thresholds_must_be_positive_and_references_must_resolve() {
    let mut doc = default_doc();
    doc["thresholds"]["initial_report_minutes"]["value"] = json!(0);
    doc["thresholds"]["outage_restore_minutes"]["value"] = json!(-30);
    let problems = problems_of(&doc);
    assert!(has(&problems, "thresholds.initial_report_minutes.value", "not_positive"), "{problems:#?}");
    assert!(has(&problems, "thresholds.outage_restore_minutes.value", "not_positive"), "{problems:#?}");

    let mut doc = default_doc();
    let k = kind_index(&doc, "power_or_equipment_failure");
    let s = step_index(&doc, k, "outage_decision");
    doc["kinds"][k]["steps"][s]["due"] = json!({ "from": "outage_started", "threshold": "no_such" });
    assert_problem(&doc, &format!("kinds[{k}].steps[{s}].due.threshold"), "unknown_reference");
    doc["kinds"][k]["steps"][s]["due"] = json!({ "from": "lunch", "minutes": 5 });
    assert_problem(&doc, &format!("kinds[{k}].steps[{s}].due.from"), "unknown_reference");
    doc["kinds"][k]["steps"][s]["due"] = json!({ "from": "discovered" });
    assert_problem(&doc, &format!("kinds[{k}].steps[{s}].due"), "bad_due");
}

#[test]
fn bad_time_zone_and_unknown_group_and_form() {
    let mut doc = default_doc();
    doc["timezone"] = json!("Asia/Shanghai");
    doc["kinds"][0]["before"] = json!(["no_group"]);
    doc["kinds"][0]["steps"][0]["form"] = json!("tax_return");
    let problems = problems_of(&doc);
    assert!(has(&problems, "timezone", "bad_timezone"), "{problems:#?}");
    assert!(has(&problems, "kinds[0].before[0]", "unknown_reference"), "{problems:#?}");
    assert!(has(&problems, "kinds[0].steps[0].form", "unknown_reference"), "{problems:#?}");
}

#[test]
fn structural_problems_in_several_kinds_are_all_reported() {
    let mut doc = default_doc();
    doc["kinds"][2]["severity"] = json!("catastrophic");
    doc["kinds"][7]["steps"][0].as_object_mut().unwrap().remove("actor");
    doc["kinds"][9]["steps"][0]["colour"] = json!("red");
    doc["surprise"] = json!(1);
    let problems = problems_of(&doc);
    assert!(has(&problems, "kinds[2].severity", "shape"), "{problems:#?}");
    assert!(problems.iter().any(|p| p.path.starts_with("kinds[7].steps[0]") && p.code == "shape"), "{problems:#?}");
    assert!(problems.iter().any(|p| p.path.starts_with("kinds[9].steps[0]") && p.code == "shape"), "{problems:#?}");
    assert!(has(&problems, "surprise", "shape"), "{problems:#?}");
}

#[test]
fn oversized_document_is_refused_without_parsing() {
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    assert_eq!(Plan::from_json(&huge).unwrap_err().problems()[0].code, "shape");
}

/// A broken plan is reported where it is broken, and nowhere else: its standing rules (an
/// optional section) are not called an unknown field.
#[test]
fn a_broken_plan_with_standing_rules_reports_only_the_break() {
    let mut doc = exam_incident::plan::default_plan_value().unwrap();
    assert!(doc.get("standing").is_some(), "the default plan has standing rules");
    doc["kinds"][0]["severity"] = serde_json::json!("catastrophic");
    let err = exam_incident::plan::Plan::from_value(&doc).unwrap_err();
    let paths: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert!(paths.iter().all(|p| p.starts_with("kinds[0]")), "{paths:?}");
}
