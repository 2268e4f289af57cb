//! The log (阶段性报告: every decision and procedure recorded as it happens): hash chain, tamper
//! detection, exact round trip, corrupt and unknown-version input.

mod common;

use common::*;
use exam_incident::response::{verify_chain, Act, Response, Saved, Status};
use serde_json::{json, Value};

fn walked() -> Response {
    let mut r = open("power_or_equipment_failure", &t(32));
    r.set_anchor("outage_started", Act::at(t(30)), &day_end()).unwrap();
    r.complete("initial_report", Act::at(t(38)).by("李强", "site_staff").note("电话报告"), &day_end()).unwrap();
    r.note(Act::at(t(40)).by("周丽", "info_reporter").note("考生情绪稳定"), &day_end()).unwrap();
    r.decide("outage_decision", "not_restored_or_regional", Act::at(t(75)).by("王敏", "site_leader"), &day_end()).unwrap();
    r.request_approval("superior_instruction", Act::at(t(80)).by("组长", "leading_group"), &day_end()).unwrap();
    r.decide("superior_instruction", "reschedule", Act::at(t(90)).by("组长", "leading_group").approved_by("上级", "superior"), &day_end())
        .unwrap();
    r
}

fn saved(r: &Response) -> Saved {
    r.to_saved()
}

fn restore(s: &Saved) -> Result<Response, exam_incident::Error> {
    Response::from_value(plan(), serde_json::to_value(s).unwrap())
}

#[test]
fn every_action_is_logged_with_time_actor_and_note() {
    let r = walked();
    let actions: Vec<&str> = r.log().iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["open", "set_anchor", "complete", "note", "decide", "request_approval", "decide"]);
    let e = &r.log()[2];
    assert_eq!(e.at, "2026-06-13T09:38:00+08:00");
    assert_eq!(e.by.as_ref().unwrap().name, "李强");
    assert_eq!(e.note.as_deref(), Some("电话报告"));
    assert_eq!(r.log()[0].open.as_ref().unwrap().plan.id, "sd101");
    assert!(r.log().iter().all(|e| e.hash.len() == 64));
    assert!(r.verify_log());
}

#[test]
fn times_in_other_zones_are_written_in_the_plans_zone() {
    let mut r = open("other_general", &t(0));
    r.complete("initial_report", Act::at("2026-06-13T01:05:00Z"), &day_end()).unwrap();
    assert_eq!(r.log()[1].at, "2026-06-13T09:05:00+08:00");
}

#[test]
fn edited_entry_is_detected() {
    let mut s = saved(&walked());
    s.log[2].note = Some("改过的备注".into());
    assert_eq!(verify_chain(&s.log), Err(2));
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
    let mut s = saved(&walked());
    s.log[4].option = Some("restored_within_limit".into());
    assert_eq!(verify_chain(&s.log), Err(4));
    let mut s = saved(&walked());
    s.log[6].approved_by.as_mut().unwrap().role = "station".into();
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
}

#[test]
fn removed_entry_is_detected() {
    let mut s = saved(&walked());
    s.log.remove(3);
    assert!(verify_chain(&s.log).is_err());
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
    // Cutting the end keeps the chain but not the head.
    let mut s = saved(&walked());
    s.log.pop();
    assert!(verify_chain(&s.log).is_ok());
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
}

#[test]
fn inserted_entry_is_detected() {
    let mut s = saved(&walked());
    let copy = s.log[3].clone();
    s.log.insert(4, copy);
    assert!(verify_chain(&s.log).is_err());
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
}

#[test]
fn reordered_entries_are_detected() {
    let mut s = saved(&walked());
    s.log.swap(2, 3);
    assert!(verify_chain(&s.log).is_err());
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
    // Even with seq renumbered.
    let mut s = saved(&walked());
    s.log.swap(2, 3);
    s.log[2].seq = 2;
    s.log[3].seq = 3;
    assert!(verify_chain(&s.log).is_err());
}

#[test]
fn envelope_edits_are_detected() {
    let mut s = saved(&walked());
    s.kind = "mass_cheating".into();
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
    let mut s = saved(&walked());
    s.id = "other".into();
    assert_eq!(restore(&s).unwrap_err().code(), "log_tampered");
}

#[test]
fn a_rehashed_log_must_still_obey_the_plan() {
    // Someone recomputes every hash after approving without the superior: the replay catches it.
    let mut s = saved(&walked());
    s.log[6].approved_by = None;
    let mut prev = exam_incident::response::GENESIS.to_string();
    for e in &mut s.log {
        e.prev = prev.clone();
        e.hash = exam_incident::response::entry_hash(e);
        prev = e.hash.clone();
    }
    s.head = prev;
    let e = restore(&s).unwrap_err();
    assert_eq!(e.code(), "bad_state");
    assert!(e.to_string().contains("approval_required"), "{e}");
}

#[test]
fn round_trip_is_byte_exact() {
    let r = walked();
    let text = r.to_json();
    let back = Response::from_json(plan(), &text).unwrap();
    assert_eq!(back.to_json(), text);
    assert_eq!(back.steps(&t(100)).unwrap(), r.steps(&t(100)).unwrap());
    // Through a generic JSON value (what JS's JSON.parse gives), too.
    let v: Value = serde_json::from_str(&text).unwrap();
    let again = Response::from_value(plan(), v).unwrap();
    assert_eq!(again.to_json(), text);
    // And a restored response carries on.
    let mut back = back;
    back.complete("confirm_restore_time", Act::at(t(95)), &day_end()).unwrap();
    assert_eq!(status(&back, &t(95), "confirm_restore_time"), Status::Done);
    assert!(back.verify_log());
}

/// A log written before hashing and saving were rewritten for speed (every action, escapes in
/// notes and places, numbers in details): the hash format is the same, so it still verifies,
/// restores and is written back byte for byte.
#[test]
fn a_log_saved_by_an_earlier_version_still_verifies() {
    let text = include_str!("data/response_saved_v1.json").trim_end();
    let r = Response::from_json(plan(), text).unwrap();
    assert!(r.verify_log());
    assert_eq!(r.log().len(), 8);
    assert_eq!(r.to_json(), text);
    let edited = text.replacen("考生情绪稳定", "考生情绪不稳", 1);
    assert_eq!(Response::from_json(plan(), &edited).unwrap_err().code(), "log_tampered");
}

/// `to_json` writes the response in place; it must give what the owned saved form gives.
#[test]
fn to_json_is_the_saved_form_as_json() {
    let r = walked();
    assert_eq!(r.to_json(), serde_json::to_string(&r.to_saved()).unwrap());
}

#[test]
fn round_trip_keeps_details_numbers() {
    let mut init = exam_incident::response::Init {
        kind: "mass_cheating".into(),
        discovered_at: t(0),
        details: json!({ "rooms": ["301", "302", "303"], "count": 3.0, "share": 0.25 }).as_object().cloned(),
        ..Default::default()
    };
    init.id = Some("cheat-1".into());
    let r = Response::open(plan(), init, &day_end()).unwrap();
    let text = r.to_json();
    // JavaScript writes 3.0 as 3; the stored value already is 3.
    let via_js = text.replace("3.0", "3");
    assert_eq!(Response::from_json(plan(), &via_js).unwrap().to_json(), text);
}

#[test]
fn corrupt_input_is_an_error_with_a_code() {
    let p = plan();
    let code = |text: &str| Response::from_json(p.clone(), text).unwrap_err().code();
    assert_eq!(code("not json"), "bad_state");
    assert_eq!(code("[]"), "bad_state");
    assert_eq!(code("{}"), "bad_state");
    assert_eq!(code(r#"{"format":"something-else","version":1}"#), "bad_state");
    let good: Value = serde_json::from_str(&walked().to_json()).unwrap();
    let mut v = good.clone();
    v["version"] = json!(2);
    assert_eq!(code(&v.to_string()), "unsupported_version");
    let mut v = good.clone();
    v["version"] = json!("1");
    assert_eq!(code(&v.to_string()), "unsupported_version");
    let mut v = good.clone();
    v["log"] = json!([]);
    assert_eq!(code(&v.to_string()), "bad_state");
    let mut v = good.clone();
    v["log"][1]["surprise"] = json!(true);
    assert_eq!(code(&v.to_string()), "bad_state");
    let mut v = good.clone();
    v["log"][2]["at"] = json!(12);
    assert_eq!(code(&v.to_string()), "bad_state");
    let mut v = good.clone();
    v["plan"]["version"] = json!("1999.1");
    v["log"][0]["open"]["plan"]["version"] = json!("1999.1");
    assert_eq!(code(&v.to_string()), "log_tampered");
    assert_eq!(code(&"[".repeat(10_000)), "bad_state");
    assert_eq!(code(&" ".repeat(5 * 1024 * 1024)), "too_large");
}

#[test]
fn a_response_made_under_another_plan_version_is_refused() {
    let r = walked();
    let mut doc: Value = serde_json::from_str(&exam_incident::plan::default_plan_json()).unwrap();
    doc["version"] = json!("2027.1");
    let other = std::rc::Rc::new(exam_incident::Plan::from_value(&doc).unwrap());
    let e = Response::from_json(other, &r.to_json()).unwrap_err();
    assert_eq!(e.code(), "plan_mismatch");
}
