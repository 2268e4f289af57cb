//! A response records what has happened: a time later than now (beyond the plan's
//! `future_tolerance_minutes`) is refused with `future_time`, at every action and at opening,
//! against the clock handed in. A saved log is replayed without a clock.

mod common;

use std::rc::Rc;

use common::*;
use exam_incident::error::Param;
use exam_incident::plan::{default_plan_json, Plan};
use exam_incident::response::store::{self, MemoryStore};
use exam_incident::response::{Act, Init, Response};
use exam_incident::time::{parse_time, FixedClock};
use exam_incident::Error;

/// The plan's clock reading `at` (local, the plan's zone).
fn clock_at(at: &str) -> FixedClock {
    FixedClock(parse_time(at, plan().timezone()).unwrap())
}

fn params(e: &Error) -> Vec<(&'static str, Param)> {
    e.params()
}

/// 10:00 now, a tolerance of 2 minutes: 10:02:00 is now, 10:02:01 is the future.
#[test]
fn every_action_refuses_a_time_beyond_the_tolerance_and_logs_nothing() {
    let now = clock_at("2026-06-13T10:00:00");
    let late = "2026-06-13T10:02:01";
    let mut r = open("power_or_equipment_failure", &t(30));
    let before = r.to_json();
    let errors = [
        r.complete("initial_report", Act::at(late), &now).unwrap_err(),
        r.decide("outage_decision", "restored_within_limit", Act::at(late), &now).unwrap_err(),
        r.request_approval("superior_instruction", Act::at(late), &now).unwrap_err(),
        r.skip("make_up_time", Act::at(late), &now).unwrap_err(),
        r.set_anchor("outage_started", Act::at(late), &now).unwrap_err(),
        r.reclassify("epidemic", Act::at(late), &now).unwrap_err(),
        r.note(Act::at(late).note("现场秩序正常"), &now).unwrap_err(),
    ];
    for e in &errors {
        assert_eq!(e.code(), "future_time", "{e}");
        assert_eq!(
            params(e),
            vec![
                ("field", Param::Text("at".into())),
                ("value", Param::Text(late.into())),
                ("now", Param::Text("2026-06-13T10:00:00+08:00".into())),
                ("tolerance", Param::Number(2.0)),
            ]
        );
    }
    assert_eq!(r.to_json(), before, "nothing was logged");
    // At the edge of the tolerance the action goes in.
    r.complete("initial_report", Act::at("2026-06-13T10:02:00"), &now).unwrap();
    r.note(Act::at("2026-06-13T09:59").note("现场秩序正常"), &now).unwrap();
    assert_eq!(r.log().len(), 3);
}

/// The proctor types 19:38 for 09:38: refused, said in both languages, and the record is not
/// stuck — the real time goes in right after.
#[test]
fn a_typo_hours_ahead_is_refused_and_the_record_goes_on() {
    let now = clock_at("2026-06-13T09:40");
    let mut r = open("power_or_equipment_failure", &t(32));
    let e = r.complete("initial_report", Act::at("2026-06-13T19:38").by("李强", "site_staff"), &now).unwrap_err();
    assert_eq!(e.code(), "future_time");
    let m = e.message();
    assert!(m.zh.contains("2026-06-13T19:38") && m.zh.contains("晚于现在") && m.zh.contains("2026-06-13T09:40:00+08:00"), "{}", m.zh);
    assert!(m.en.contains("later than now") && m.en.contains("2 minutes"), "{}", m.en);
    r.complete("initial_report", Act::at("2026-06-13T09:38").by("李强", "site_staff"), &now).unwrap();
    r.note(Act::at("2026-06-13T09:39").note("已电话报告考点负责人"), &now).unwrap();
    assert!(r.verify_log());
}

#[test]
fn opening_refuses_a_discovery_or_an_anchor_in_the_future() {
    let now = clock_at("2026-06-13T09:30");
    let init = |discovered: &str, anchor: Option<&str>| Init {
        kind: "power_or_equipment_failure".into(),
        discovered_at: discovered.into(),
        anchors: anchor.map(|a| [("outage_started".to_string(), a.to_string())].into()).unwrap_or_default(),
        ..Init::default()
    };
    let e = Response::open(plan(), init("2026-06-13T19:30", None), &now).unwrap_err();
    assert_eq!((e.code(), e.params()[0].clone()), ("future_time", ("field", Param::Text("discoveredAt".into()))));
    let e = Response::open(plan(), init("2026-06-13T09:30", Some("2026-06-13T09:45")), &now).unwrap_err();
    assert_eq!((e.code(), e.params()[0].clone()), ("future_time", ("field", Param::Text("anchors.outage_started".into()))));
    // A malformed or out-of-range time is still bad_time, whatever the clock says.
    assert_eq!(Response::open(plan(), init("9999-12-31T23:59", None), &now).unwrap_err().code(), "bad_time");
    assert_eq!(Response::open(plan(), init("19:30", None), &now).unwrap_err().code(), "bad_time");
    let r = Response::open(plan(), init("2026-06-13T09:32", Some("2026-06-13T09:28")), &now).unwrap();
    assert_eq!(r.log().len(), 2);
}

/// Times in other offsets are compared as instants: 02:10Z is 10:10 in Beijing.
#[test]
fn the_rule_compares_instants_not_wall_clocks() {
    let now = clock_at("2026-06-13T10:00");
    let mut r = open("paper_defect", &t(30));
    assert_eq!(r.note(Act::at("2026-06-13T02:10:00Z").note("x"), &now).unwrap_err().code(), "future_time");
    r.note(Act::at("2026-06-13T01:59:00Z").note("x"), &now).unwrap();
    // The same wall clock in a zone ahead of the plan's is hours earlier: accepted.
    r.note(Act::at("2026-06-13T13:50:00+12:00").note("x"), &now).unwrap();
}

/// The tolerance is the plan's: a site that allows 10 minutes gets 10.
#[test]
fn the_tolerance_is_the_plans_threshold() {
    let mut doc: serde_json::Value = serde_json::from_str(&default_plan_json()).unwrap();
    doc["id"] = "site-10".into();
    doc["thresholds"]["future_tolerance_minutes"]["value"] = 10.0.into();
    let site = Rc::new(Plan::from_json(&doc.to_string()).unwrap());
    let now = clock_at("2026-06-13T10:00");
    let init = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:09".into(), ..Init::default() };
    let mut r = Response::open(site.clone(), init, &now).unwrap();
    r.note(Act::at("2026-06-13T10:10").note("x"), &now).unwrap();
    let e = r.note(Act::at("2026-06-13T10:10:01").note("x"), &now).unwrap_err();
    assert_eq!(e.params()[3], ("tolerance", Param::Number(10.0)));
    // The default plan allows 2.
    let init = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:09".into(), ..Init::default() };
    assert_eq!(Response::open(plan(), init, &now).unwrap_err().code(), "future_time");
}

/// The log's tolerance is the threshold the plan's `log.future_tolerance` names, not a name in
/// code: a site that names its own threshold gets it, and a site that names none allows no time
/// ahead of now.
#[test]
fn the_log_names_its_tolerance_in_the_plan() {
    let now = clock_at("2026-06-13T10:00");
    let mut doc: serde_json::Value = serde_json::from_str(&default_plan_json()).unwrap();
    doc["id"] = "site-own".into();
    doc["thresholds"]["clock_skew_minutes"] = doc["thresholds"]["future_tolerance_minutes"].clone();
    doc["thresholds"]["clock_skew_minutes"]["value"] = 5.0.into();
    doc["log"]["future_tolerance"] = "clock_skew_minutes".into();
    let site = Rc::new(Plan::from_json(&doc.to_string()).unwrap());
    let init = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:05".into(), ..Init::default() };
    Response::open(site.clone(), init, &now).unwrap();
    let late = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:05:01".into(), ..Init::default() };
    let e = Response::open(site, late, &now).unwrap_err();
    assert_eq!(e.code(), "future_time");
    assert_eq!(e.params()[3], ("tolerance", Param::Number(5.0)));

    // No log section: nothing ahead of now, though the threshold is still in the plan.
    let mut bare: serde_json::Value = serde_json::from_str(&default_plan_json()).unwrap();
    bare["id"] = "site-bare".into();
    bare.as_object_mut().unwrap().remove("log");
    let site = Rc::new(Plan::from_json(&bare.to_string()).unwrap());
    let ahead = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:00:01".into(), ..Init::default() };
    assert_eq!(Response::open(site.clone(), ahead, &now).unwrap_err().code(), "future_time");
    let on_time = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T10:00".into(), ..Init::default() };
    Response::open(site, on_time, &now).unwrap();

    // A name that is no threshold is a plan problem, found at load and located.
    doc["log"]["future_tolerance"] = "no_such_minutes".into();
    let e = Plan::from_json(&doc.to_string()).unwrap_err();
    assert_eq!(e.code(), "plan_invalid");
    assert!(e.problems().iter().any(|p| p.path == "log.future_tolerance" && p.code == "unknown_reference"), "{:?}", e.problems());
}

/// A saved log is judged by its chain and the plan, not by this clock: restoring, loading and
/// re-applying entries made under a clock that read later all work.
#[test]
fn replaying_a_saved_log_asks_no_clock() {
    let then = clock_at("2026-06-13T18:00");
    let init = Init { kind: "paper_defect".into(), discovered_at: "2026-06-13T17:00".into(), id: Some("late".into()), ..Init::default() };
    let mut r = Response::open(plan(), init, &then).unwrap();
    r.complete("initial_report", Act::at("2026-06-13T17:55"), &then).unwrap();
    let saved = r.to_json();
    // Here the clock reads 09:00: every entry of the log is "in the future", and it restores.
    let back = Response::from_json(plan(), &saved).unwrap();
    assert_eq!(back.to_json(), saved);
    let s = MemoryStore::new();
    store::save(&s, &r).unwrap();
    assert_eq!(store::load(&s, plan(), "late").unwrap().to_json(), saved);
    // Another copy's entry, re-applied on top of the stored one (reload after a conflict).
    let mut other = back.clone();
    other.note(Act::at("2026-06-13T17:58").note("补记"), &then).unwrap();
    let (merged, rebased) = store::rebase_onto(store::load(&s, plan(), "late").unwrap(), &other).unwrap();
    assert_eq!((rebased.reapplied, rebased.dropped.len(), merged.log().len()), (1, 0, 3));
}
