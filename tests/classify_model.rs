//! The learnt second opinion (src/classify/model.rs, train.rs): for a text no rule of the plan
//! reads, the kind comes from the plan's labelled examples (事件确认1: confirm the kind with the
//! proctor), so a site that adds examples changes the answer without code; the rules' reading
//! still wins where they read the text. The default plan ships its model trained ahead.

use exam_incident::classify::{classify, ClassifyInput, Source};
use exam_incident::plan::{default_plan_value, Plan};
use serde_json::{json, Value};

/// The default plan with `examples` as its whole examples bank and no model trained ahead: the
/// model is trained from them on first use, counting every feature (a bank this small has none
/// twice).
fn plan_with(examples: Value) -> Plan {
    let mut plan = default_plan_value().expect("default plan");
    plan["classifier"]["examples"] = examples;
    plan["classifier"].as_object_mut().unwrap().remove("model");
    plan["classifier"]["learning"]["min_examples"] = json!(1);
    Plan::from_value(&plan).expect("plan with examples")
}

fn text(t: &str) -> ClassifyInput {
    ClassifyInput { text: Some(t.into()), facts: None }
}

// Wordings the plan's lexicon does not know (a tree across the road, a sinkhole, a tanker): only
// the examples can place them.
const ROAD: &str = "校门口那棵大树倒了，把进考点的路整个堵死";
const ROAD_AGAIN: &str = "大树倒下来把进考点的路堵死了";
const HOLE: &str = "操场中间塌出一个大坑";
const CALM: &str = "大家在走廊排队等着进场";

fn bank(road_kind: &str) -> Value {
    json!([
        {"kind": road_kind, "clause": "重大(8), 处理8", "text": ROAD},
        {"kind": "natural_disaster", "clause": "重大(7), 处理7", "text": HOLE},
        {"kind": null, "clause": "事件确认1", "text": CALM},
    ])
}

#[test]
fn an_unread_text_gets_the_kind_of_its_examples_uncertain_with_the_confirm_question() {
    let plan = plan_with(bank("other_major"));
    let none = plan_with(json!([]));
    // Without examples the rules alone read nothing here.
    assert_eq!(classify(&none, &text(ROAD_AGAIN)).unwrap().kind, None);
    let c = classify(&plan, &text(ROAD_AGAIN)).unwrap();
    assert_eq!(c.kind.as_deref(), Some("other_major"));
    assert_eq!(c.severity.map(|s| s.as_str()), Some("major"));
    assert!(!c.certain);
    let confirm = c.questions.first().expect("a question");
    assert_eq!(confirm.id, "confirm_kind");
    assert_eq!(confirm.kinds.first().map(String::as_str), Some("other_major"));
    let top = c.candidates.first().expect("a candidate");
    assert!(!top.certain);
    let ev = top.evidence.first().expect("evidence");
    assert_eq!(ev.source, Source::Example);
    assert_eq!(ev.example.as_deref(), Some(ROAD));
    assert_eq!(ev.clause, "重大(8), 处理8");
    // The shared words, as typed, at their UTF-16 offsets.
    let (s, e) = (ev.start.unwrap() as usize, ev.end.unwrap() as usize);
    let utf16: Vec<u16> = ROAD_AGAIN.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), ev.matched);
    assert!(!ev.matched.is_empty());
}

#[test]
fn a_site_relabels_its_examples_and_the_answer_follows() {
    let c = classify(&plan_with(bank("papers_not_arrived")), &text(ROAD_AGAIN)).unwrap();
    assert_eq!(c.kind.as_deref(), Some("papers_not_arrived"));
    let c = classify(&plan_with(bank("other_general")), &text(ROAD_AGAIN)).unwrap();
    assert_eq!(c.kind.as_deref(), Some("other_general"));
    assert_eq!(c.severity.map(|s| s.as_str()), Some("general"));
    assert!(!c.certain);
}

#[test]
fn a_text_nearest_the_no_incident_examples_stays_null() {
    let c = classify(&plan_with(bank("other_major")), &text("考生们在走廊排队等着进场")).unwrap();
    assert_eq!(c.kind, None);
    assert!(c.candidates.is_empty());
}

#[test]
fn what_the_rules_read_for_certain_the_examples_do_not_change() {
    // 重大(4): two rooms with widespread cheating, whatever an example says.
    let t = "两个考场秩序混乱，出现大面积作弊";
    let misleading = json!([{"kind": "question_error", "clause": "一般(2), 一般处理2", "text": t}]);
    let c = classify(&plan_with(misleading), &text(t)).unwrap();
    assert_eq!(c.kind.as_deref(), Some("mass_cheating"));
    assert!(c.certain);
    assert!(c.candidates.iter().all(|c| c.evidence.iter().all(|e| e.source != Source::Example)));
}

#[test]
fn a_count_below_the_threshold_read_by_the_rules_is_no_incident_whatever_the_examples() {
    // 重大(3)¶2 needs the plan's count or share of late candidates; one of thirty is neither.
    let t = "30个考生有1个迟到";
    let misleading = json!([{"kind": "candidates_not_arrived", "clause": "重大(3), 处理3¶2", "text": t}]);
    let c = classify(&plan_with(misleading), &text(t)).unwrap();
    assert_eq!(c.kind, None);
}

#[test]
fn the_embedded_plan_carries_the_hand_written_examples_and_the_model_not_the_bank() {
    let read = |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let root = env!("CARGO_MANIFEST_DIR");
    let hand = read(&format!("{root}/plans/sd101/classifier.json"))["classifier"]["examples"].as_array().unwrap().clone();
    let plan = default_plan_value().unwrap();
    assert_eq!(plan["classifier"]["examples"].as_array().unwrap(), &hand);
    assert!(plan["classifier"]["model"]["weights"].as_str().is_some_and(|w| w.len() > 1000));
    assert!(plan["classifier"]["rules"].as_array().is_some_and(|r| !r.is_empty()));
}

/// The shipped model was trained on today's examples and settings: after changing either, run
/// `cargo run --release --example train_model`.
#[test]
fn model_is_current() {
    let read = |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let root = env!("CARGO_MANIFEST_DIR");
    let mut examples = Vec::new();
    for part in ["classifier.json", "examples.json"] {
        let v = read(&format!("{root}/plans/sd101/{part}"));
        for e in v["classifier"]["examples"].as_array().unwrap() {
            examples.push((e["kind"].as_str().map(str::to_string), e["text"].as_str().unwrap().to_string()));
        }
    }
    let plan = exam_incident::plan::default_plan().unwrap();
    let spec = &plan.doc().classifier;
    let want = exam_incident::classify::train::fingerprint(
        examples.iter().map(|(k, t)| (k.as_deref(), t.as_str())),
        &spec.learning,
        &spec.negation,
        &spec.plain_words,
    );
    let got = spec.model.as_ref().map(|m| m.trained_on.clone()).unwrap_or_default();
    assert_eq!(got, want, "plans/sd101/model.json is older than its examples: run `cargo run --release --example train_model`");
}

/// The model's bytes as the plan checker sees them: a broken model is a plan problem, not a panic.
#[test]
fn a_broken_model_is_refused_at_load() {
    let mut plan = default_plan_value().unwrap();
    plan["classifier"]["model"]["weights"] = json!("not base64!");
    let Err(e) = Plan::from_value(&plan) else { panic!("a plan with broken weights loaded") };
    assert!(format!("{e:?}").contains("classifier.model"), "{e:?}");
    let mut plan = default_plan_value().unwrap();
    plan["classifier"]["model"]["labels"][0] = json!("no_such_kind");
    assert!(Plan::from_value(&plan).is_err());
    let mut plan = default_plan_value().unwrap();
    plan["classifier"]["model"]["bias"] = json!([1.0]);
    assert!(Plan::from_value(&plan).is_err());
}

/// A site plan is trained on first use from its settings: settings that would not let training
/// end soon (or at all) are refused when the plan loads.
#[test]
fn learning_settings_that_would_not_end_are_refused_at_load() {
    for (field, value) in [("max_passes", json!(1_000_000_000u64)), ("max_passes", json!(0)), ("tolerance", json!(0.0)), ("c", json!(-1.0))]
    {
        let mut plan = default_plan_value().unwrap();
        plan["classifier"]["learning"][field] = value.clone();
        let Err(e) = Plan::from_value(&plan) else { panic!("{field} = {value} loaded") };
        assert!(format!("{e:?}").contains(&format!("classifier.learning.{field}")), "{e:?}");
    }
}
