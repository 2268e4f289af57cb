//! A finished response's drafts pass validation once the fields only a human can fill are
//! filled: the response engine and the form rules agree on every form, for every kind.

mod common;

use common::{by, open, t};
use exam_incident::forms::{validate_report, ValidateOptions};
use exam_incident::response::{Act, Response, Status};
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
        let report = validate_report(r.plan(), form, &d, &ValidateOptions { now: Some(t(180)) }).unwrap();
        assert!(report.ok, "{label}: draft {form} has errors {:#?}\n{d:#}", report.errors);
    }
}

#[test]
fn drafts_of_every_kind_pass_validation_once_human_fields_are_filled() {
    let plan = common::plan();
    for kind in plan.doc().kinds.iter().map(|k| k.id.clone()) {
        for option in [0, 1] {
            let mut r = open(&kind, &t(32));
            r.set_anchor("outage_started", Act::at(t(31))).unwrap();
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
            Some(o) => r.decide(&s.id, &o[pick.min(o.len() - 1)].id, act).map(drop).unwrap(),
            None if s.optional => r.skip(&s.id, act).unwrap(),
            None => r.complete(&s.id, act).map(drop).unwrap(),
        }
    }
}
