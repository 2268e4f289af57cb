//! A finished response's drafts pass validation once the fields only a human can fill are
//! filled: the response engine and the form rules agree on every form, for every kind.

mod common;

use common::{by, day_end, open, t};
use exam_incident::forms::{validate_report, ValidateOptions};
use exam_incident::response::{Act, Response, Status};
use exam_incident::time::{parse_time, FixedClock};
use serde_json::{json, Value};

/// What only a person can write: the narrative fields and the exam's own particulars.
fn fill_human_fields(form: &str, d: &mut Value) {
    let set_if_blank = |d: &mut Value, key: &str, v: Value| {
        let blank = match d.get(key) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            _ => false,
        };
        if blank {
            d[key] = v;
        }
    };
    match form {
        "initial_report" => {
            set_if_blank(d, "summary", json!("考场发生突发事件，已按预案处置"));
            set_if_blank(d, "report_form", json!("phone"));
            // Per-kind particulars the proctor knows and the engine cannot.
            let details = d["details"].as_object_mut().map(std::mem::take).unwrap_or_default();
            let mut details = Value::Object(details);
            match d["incident_kind"].as_str() {
                Some("mass_cheating") => set_if_blank(&mut details, "rooms", json!(["301", "302"])),
                Some("paper_missing_after_exam") => {
                    set_if_blank(&mut details, "candidate_ids", json!(["2026061301"]));
                    set_if_blank(&mut details, "missing_item", json!("answer_sheet"));
                }
                Some("power_or_equipment_failure") => {
                    set_if_blank(&mut details, "regional", json!(false));
                }
                _ => {}
            }
            d["details"] = details;
        }
        "disposal_report" => {
            for k in ["cause", "process", "result", "social_impact"] {
                set_if_blank(d, k, json!("已如实记录"));
            }
            set_if_blank(d, "evaluation", json!({ "lessons": "加强考前检查", "improvements": "修订预案" }));
            // A major incident whose path needed no consent still records who approved the measures.
            let at = d["submitted_at"].clone();
            set_if_blank(d, "approvals", json!([{ "decision": "处置措施", "by_role": "leading_group", "at": at }]));
        }
        "room_record" => {
            for (k, v) in [
                ("station_name", json!("山东省第101国家职业技能鉴定所")),
                ("occupation", json!("电工")),
                ("level", json!("四级")),
                ("subject", json!("理论知识")),
                ("exam_date", json!("2026-06-13")),
                ("start_time", json!("09:00")),
                ("end_time", json!("11:00")),
                ("expected_count", json!(30)),
                ("present_count", json!(30)),
                ("absent_count", json!(0)),
            ] {
                set_if_blank(d, k, v);
            }
            set_if_blank(d, "proctors", json!([{ "name": "李强" }]));
        }
        "readiness_check" => {
            for (k, v) in [
                ("exam_date", json!("2026-06-13")),
                ("evacuation_plan_posted", json!(true)),
                ("hotline_staffed", json!(true)),
                ("hotline_number", json!("0531-88888888")),
                ("on_duty_staff", json!([{ "name": "周丽", "phone": "13912345678" }])),
                ("leader_contacts", json!([{ "name": "王敏", "role": "site_leader", "phone": "13812345678" }])),
                ("spare_papers_available", json!(true)),
                ("training_done", json!(true)),
                ("drill_done", json!(true)),
            ] {
                set_if_blank(d, k, v);
            }
        }
        _ => {}
    }
}

fn assert_drafts_valid(r: &Response, label: &str) {
    for form in exam_incident::forms::FORM_IDS {
        let mut d = r.draft_report(form).unwrap();
        fill_human_fields(form, &mut d);
        let report = validate_report(r.plan(), form, &d, &ValidateOptions { now: Some(t(180)) }, &clock(r)).unwrap();
        assert!(report.ok, "{label}: draft {form} has errors {:#?}\n{d:#}", report.errors);
    }
}

#[test]
fn drafts_of_every_kind_pass_validation_once_human_fields_are_filled() {
    let plan = common::plan();
    for kind in plan.doc().kinds.iter().map(|k| k.id.clone()) {
        for option in [0, 1] {
            let mut r = open(&kind, &t(32));
            r.set_anchor("outage_started", Act::at(t(31)), &day_end()).unwrap();
            walk_to_closure(&mut r, option);
            assert_drafts_valid(&r, &format!("{kind} (option {option})"));
        }
    }
}

/// Works through every step; at each decision takes option `pick` (or the last one there is),
/// with an approver of the required role.
fn walk_to_closure(r: &mut Response, pick: usize) {
    let mut minute = 33;
    while !r.is_closed() {
        minute += 1;
        assert!(minute < 170, "{} does not close", r.kind());
        let at = t(minute);
        let steps = r.steps(&at).unwrap();
        let s = steps.iter().find(|s| s.active && !matches!(s.status, Status::Done | Status::Skipped)).unwrap().clone();
        let mut act = by(r, &s.id, &at);
        if let Some(role) = &s.requires_approval {
            act = act.approved_by("批准人", role.clone());
        }
        match &s.options {
            Some(o) => r.decide(&s.id, &o[pick.min(o.len() - 1)].id, act, &day_end()).map(drop).unwrap(),
            None if s.optional => r.skip(&s.id, act, &day_end()).unwrap(),
            None => r.complete(&s.id, act, &day_end()).map(drop).unwrap(),
        }
    }
}

/// The clock of the tests: the exam day at 12:00 (three hours after the responses begin).
fn clock(r: &Response) -> FixedClock {
    FixedClock(parse_time(&t(180), r.plan().timezone()).unwrap())
}

fn validated(r: &Response, form: &str, d: &Value) -> exam_incident::forms::Report {
    validate_report(r.plan(), form, d, &ValidateOptions { now: Some(t(180)) }, &clock(r)).unwrap()
}

fn codes(list: &[exam_incident::forms::Finding]) -> Vec<(String, String)> {
    list.iter().map(|f| (f.path.clone(), f.code.clone())).collect()
}

/// 附则: every report records the plan and version it was made under. Every draft names the
/// response's plan, and the validator, under that plan, has nothing to say about it.
#[test]
fn every_draft_names_the_plan_it_was_made_under() {
    let mut r = open("paper_defect", &t(32));
    walk_to_closure(&mut r, 0);
    let doc = r.plan().doc();
    for form in exam_incident::forms::FORM_IDS {
        let mut d = r.draft_report(form).unwrap();
        assert_eq!(d["plan"], json!({ "id": doc.id, "version": doc.version }), "{form}");
        fill_human_fields(form, &mut d);
        let report = validated(&r, form, &d);
        assert!(!report.warnings.iter().any(|f| f.path.starts_with("/plan")), "{form}: {:?}", codes(&report.warnings));
    }
}

/// A draft disposal report lists as approvals only approval-gated steps, each with a role that
/// may approve it: an ordinary decision (whether power came back) is no approval, and listing
/// it hid that the superior's instruction was still to come.
#[test]
fn draft_approvals_are_approval_gated_decisions_by_their_approvers() {
    let mut r = open("power_or_equipment_failure", &t(32));
    r.set_anchor("outage_started", Act::at(t(30)), &day_end()).unwrap();
    r.decide("outage_decision", "not_restored_or_regional", Act::at(t(65)).by("王敏", "site_leader"), &day_end()).unwrap();
    let mut d = r.draft_report("disposal_report").unwrap();
    assert_eq!(d["approvals"], json!([]), "an ordinary decision is listed as an approval");
    fill_human_fields("disposal_report", &mut d);
    d["approvals"] = json!([]);
    assert_eq!(codes(&validated(&r, "disposal_report", &d).warnings), [("/approvals".to_string(), "approvals_missing".to_string())]);
    r.decide(
        "superior_instruction",
        "reschedule",
        Act::at(t(100)).by("赵所长", "leading_group").approved_by("上级", "superior"),
        &day_end(),
    )
    .unwrap();
    let d = r.draft_report("disposal_report").unwrap();
    assert_eq!(d["approvals"], json!([{ "decision": "superior_instruction", "by_role": "superior", "at": "2026-06-13T10:40:00+08:00" }]));

    // Every kind, every branch: what a draft lists is an approval the plan knows of.
    let plan = common::plan();
    for kind in plan.doc().kinds.iter().map(|k| k.id.clone()) {
        for option in [0, 1] {
            let mut r = open(&kind, &t(32));
            walk_to_closure(&mut r, option);
            let d = r.draft_report("disposal_report").unwrap();
            let flow = plan.flow(&kind).unwrap();
            for a in d["approvals"].as_array().unwrap() {
                let (_, step) = flow.step(a["decision"].as_str().unwrap()).expect("a step of the kind");
                let by = a["by_role"].as_str().unwrap();
                assert!(step.approvers().any(|x| x == by), "{kind}: {a} is not an approval of its step");
            }
        }
    }
}

/// The draft's `process` reads in the order things happened: an outage start entered after the
/// discovery (log order) comes first.
#[test]
fn draft_process_runs_in_time_order() {
    let mut r = open("power_or_equipment_failure", &t(32));
    r.set_anchor("outage_started", Act::at(t(30)), &day_end()).unwrap();
    r.complete("initial_report", Act::at(t(38)).by("孙伟", "site_staff"), &day_end()).unwrap();
    let d = r.draft_report("disposal_report").unwrap();
    let times: Vec<&str> = d["process"].as_str().unwrap().lines().map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(times.first(), Some(&"2026-06-13T09:30:00+08:00"), "{times:?}");
    let mut sorted = times.clone();
    sorted.sort_unstable();
    assert_eq!(times, sorted);
}

/// The initial report's recipient follows the reporting chain of whoever made the report: mass
/// cheating reported by the chief examiner goes to the leading group (处理4), and the draft does
/// not earn its own `not_in_chain` warning.
#[test]
fn the_initial_report_draft_is_addressed_by_the_chain() {
    let mut r = open("mass_cheating", &t(32));
    r.complete("initial_report", Act::at(t(36)).by("刘志强", "chief_examiner"), &day_end()).unwrap();
    let mut d = r.draft_report("initial_report").unwrap();
    assert_eq!(d["reporter"]["role"], "chief_examiner");
    assert_eq!(d["reported_to"]["role"], "leading_group");
    fill_human_fields("initial_report", &mut d);
    let report = validated(&r, "initial_report", &d);
    assert!(report.ok && report.warnings.is_empty(), "{:?} {:?}", codes(&report.errors), codes(&report.warnings));

    // Every kind, the report made by the step's own actor: never off the chain.
    let plan = common::plan();
    for kind in plan.doc().kinds.iter().map(|k| k.id.clone()) {
        let mut r = open(&kind, &t(32));
        walk_to_closure(&mut r, 0);
        let mut d = r.draft_report("initial_report").unwrap();
        fill_human_fields("initial_report", &mut d);
        let warnings = codes(&validated(&r, "initial_report", &d).warnings);
        assert!(!warnings.iter().any(|(_, c)| c == "not_in_chain"), "{kind}: {warnings:?}");
    }
}
