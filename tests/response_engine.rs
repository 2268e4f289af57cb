//! Engine rules that are not tied to one kind: deadlines, reminders, misuse, drafts, phone script.

mod common;

use common::*;
use exam_incident::response::{Act, Init, Person, ReminderKind, Response, Status};
use exam_incident::time::parse_time;

fn at(s: &str) -> exam_incident::time::Instant {
    parse_time(s, plan().timezone()).unwrap()
}

/// 初次报告：发现突发事件10分钟内.
#[test]
fn reminders_come_before_and_at_the_deadline() {
    let r = open("power_or_equipment_failure", &t(32));
    let next = r.next_reminder(at(&t(32)), 2.0).unwrap();
    assert_eq!((next.step.as_str(), next.kind, next.at.as_str()), ("initial_report", ReminderKind::DueSoon, "2026-06-13T09:40:00+08:00"));
    let next = r.next_reminder(at(&t(40)), 2.0).unwrap();
    assert_eq!((next.kind, next.at.as_str()), (ReminderKind::Overdue, "2026-06-13T09:42:00+08:00"));
    assert!(r.next_reminder(at(&t(42)), 2.0).is_none(), "nothing else has a deadline yet");
    let fired = r.reminders_between(at(&t(35)), at(&t(50)), 2.0);
    assert_eq!(fired.len(), 2);
    assert_eq!(r.overdue_at(at(&t(50))).len(), 1);
    // Setting the outage start brings the power decision's reminder.
    let mut r = r;
    r.complete("initial_report", Act::at(t(38)), &day_end()).unwrap();
    r.set_anchor("outage_started", Act::at(t(30)), &day_end()).unwrap();
    let next = r.next_reminder(at(&t(40)), 0.0).unwrap();
    assert_eq!((next.step.as_str(), next.at.as_str()), ("outage_decision", "2026-06-13T10:00:00+08:00"));
    let sum = r.summary(&t(61), 5.0).unwrap();
    assert_eq!((sum.overdue, sum.closed), (1, false));
}

#[test]
fn misuse_is_an_error_with_a_code() {
    let p = plan();
    let init = |kind: &str, at: &str| Init { kind: kind.into(), discovered_at: at.into(), ..Init::default() };
    assert_eq!(Response::open(p.clone(), init("nope", &t(0)), &day_end()).unwrap_err().code(), "unknown_kind");
    assert_eq!(Response::open(p.clone(), init("epidemic", "yesterday"), &day_end()).unwrap_err().code(), "bad_time");
    let bad_person = Init { people: vec![Person::new("x", "janitor")], ..init("epidemic", &t(0)) };
    assert_eq!(Response::open(p.clone(), bad_person, &day_end()).unwrap_err().code(), "bad_argument");
    let bad_id = Init { id: Some("a/b".into()), ..init("epidemic", &t(0)) };
    assert_eq!(Response::open(p.clone(), bad_id, &day_end()).unwrap_err().code(), "bad_argument");
    let bad_anchor = Init { anchors: [("lunch".to_string(), t(0))].into(), ..init("epidemic", &t(0)) };
    assert_eq!(Response::open(p.clone(), bad_anchor, &day_end()).unwrap_err().code(), "bad_argument");

    let mut r = open("paper_missing_after_exam", &t(30));
    let code = |e: exam_incident::Error| e.code();
    assert_eq!(code(r.complete("nope", Act::at(t(31)), &day_end()).unwrap_err()), "unknown_step");
    assert_eq!(code(r.complete("candidate_response", Act::at(t(31)), &day_end()).unwrap_err()), "decision_required");
    assert_eq!(code(r.decide("contact_candidate", "x", Act::at(t(31)), &day_end()).unwrap_err()), "not_a_decision");
    assert_eq!(code(r.decide("candidate_response", "x", Act::at(t(31)), &day_end()).unwrap_err()), "unknown_option");
    assert_eq!(code(r.complete("contact_candidate", Act::at(t(29)), &day_end()).unwrap_err()), "before_discovery");
    assert_eq!(code(r.complete("contact_candidate", Act::at("13/06/2026"), &day_end()).unwrap_err()), "bad_time");
    assert_eq!(code(r.complete("report_to_police", Act::at(t(31)), &day_end()).unwrap_err()), "step_not_active");
    assert_eq!(code(r.request_approval("contact_candidate", Act::at(t(31)), &day_end()).unwrap_err()), "approval_not_required");
    assert_eq!(code(r.complete("contact_candidate", Act::at(t(31)).note("x".repeat(3000)), &day_end()).unwrap_err()), "too_large");
    assert_eq!(code(r.complete("contact_candidate", Act::at(t(31)).by("", "proctor"), &day_end()).unwrap_err()), "bad_argument");
    assert_eq!(code(r.note(Act::at(t(31)), &day_end()).unwrap_err()), "bad_argument");
    assert_eq!(code(r.reclassify("paper_missing_after_exam", Act::at(t(31)), &day_end()).unwrap_err()), "bad_argument");
    assert_eq!(code(r.reclassify("nope", Act::at(t(31)), &day_end()).unwrap_err()), "unknown_kind");
    r.complete("contact_candidate", Act::at(t(31)), &day_end()).unwrap();
    assert_eq!(code(r.complete("contact_candidate", Act::at(t(32)), &day_end()).unwrap_err()), "already_done");
    // Failed actions leave no trace.
    assert_eq!(r.log().len(), 2);
    assert!(r.verify_log());
}

#[test]
fn every_error_code_has_both_languages() {
    let mut r = open("paper_leak", &t(0));
    let errors = [
        r.complete("proceed_as_scheduled", Act::at(t(1)), &day_end()).unwrap_err(),
        r.complete("nope", Act::at(t(1)), &day_end()).unwrap_err(),
        Response::from_json(plan(), "{}").unwrap_err(),
    ];
    for e in errors {
        let m = e.message();
        assert!(!m.zh.is_empty() && !m.en.is_empty(), "{}", e.code());
    }
}

#[test]
fn drafts_carry_what_the_response_knows() {
    let mut r = Response::open(
        plan(),
        Init {
            kind: "mass_cheating".into(),
            discovered_at: t(40),
            site: Some("实训楼考点".into()),
            room: Some("301".into()),
            people: vec![
                Person::new("王敏", "site_leader"),
                Person::new("李强", "proctor"),
                Person::new("孙伟", "patrol_inspector"),
                Person::new("周丽", "info_reporter"),
            ],
            exam: Some(exam_incident::response::ExamInfo {
                occupation: Some("电工".into()),
                level: Some("四级".into()),
                subject: Some("理论知识".into()),
                session: None,
            }),
            details: serde_json::json!({ "rooms": ["301", "302", "303"] }).as_object().cloned(),
            ..Init::default()
        },
        &day_end(),
    )
    .unwrap();
    // 初次报告：由事件发生地工作人员向本考点负责人报告 — for a major event too (issue 16 item 2; the
    // draft used to address the site leader's later report to the patrol inspector).
    r.complete("initial_report", Act::at(t(45)).by("李强", "site_staff"), &day_end()).unwrap();
    let d = r.draft_report("initial_report").unwrap();
    assert_eq!(d["incident_kind"], "mass_cheating");
    assert_eq!(d["severity"], "major");
    assert_eq!(d["discovered_at"], "2026-06-13T09:40:00+08:00");
    assert_eq!(d["reported_at"], "2026-06-13T09:45:00+08:00");
    assert_eq!(d["reporter"], serde_json::json!({ "name": "李强", "role": "site_staff" }));
    assert_eq!(d["reported_to"]["role"], "site_leader");
    assert_eq!(d["reported_to"]["name"], "王敏");
    assert_eq!(d["subject"], "exam_room");
    assert_eq!(d["location"], serde_json::json!({ "site": "实训楼考点", "room": "301" }));
    assert_eq!(d["exam"]["occupation"], "电工");
    assert_eq!(d["details"]["rooms"].as_array().unwrap().len(), 3);
    let s = r.draft_report("staged_report").unwrap();
    assert_eq!(s["tracker"], serde_json::json!({ "name": "周丽", "role": "info_reporter" }));
    assert_eq!(s["status"], "ongoing");
    assert_eq!(s["entries"][1]["type"], "action");
    let rr = r.draft_report("room_record").unwrap();
    assert_eq!(rr["proctors"], serde_json::json!([{ "name": "李强" }]));
    assert_eq!(rr["patrol_inspector"], "孙伟");
    assert_eq!(rr["exam_date"], "2026-06-13");
    let dr = r.draft_report("disposal_report").unwrap();
    assert_eq!(dr["incident_ref"], r.id());
    assert_eq!(r.draft_report("readiness_check").unwrap()["site"], "实训楼考点");
    assert_eq!(r.draft_report("nope").unwrap_err().code(), "unknown_form");
}

/// 报告形式：口头报告、电话报告 — the caller reads, not composes.
#[test]
fn phone_script_in_both_languages() {
    let mut r = open("power_or_equipment_failure", &t(32));
    r.complete("initial_report", Act::at(t(38)).by("李强", "site_staff"), &day_end()).unwrap();
    r.complete("make_record", Act::at(t(39)), &day_end()).unwrap();
    let s = r.phone_script(&t(40), Some(&Person::new("王敏", "site_leader"))).unwrap();
    assert!(s.zh.contains("王敏") && s.zh.contains("考点负责人") && s.zh.contains("301考场"), "{}", s.zh);
    assert!(s.zh.contains("停电") && s.zh.contains("一般事件") && s.zh.contains("09:40"), "{}", s.zh);
    assert!(s.zh.contains("做好情况记录"), "{}", s.zh);
    assert!(s.en.contains("general event") && s.en.contains("room 301"), "{}", s.en);
    assert!(!s.zh.contains('{') && !s.en.contains('{'));
    let anon = open("epidemic", &t(0)).phone_script(&t(1), None).unwrap();
    assert!(anon.zh.contains("重大事件"));
}

/// A room named in full (「第二考场」, 「3号考场」) is read as it is, not with the template's 「考场」
/// a second time; a bare number still gets it (issue 14, item 7).
#[test]
fn phone_script_does_not_repeat_what_the_room_name_says() {
    let p = plan();
    let suffix = p.doc().phone_script.room.zh.split("{room}").nth(1).unwrap().to_string();
    assert!(!suffix.is_empty(), "the plan's room template adds a word after the name");
    for (room, reads) in
        [("第二考场".to_string(), "第二考场".to_string()), ("3号考场".into(), "3号考场".into()), ("301".into(), format!("301{suffix}"))]
    {
        let init = Init {
            kind: "epidemic".into(),
            discovered_at: t(0),
            room: Some(room.clone()),
            site: Some("第一考点".into()),
            ..Init::default()
        };
        let s = Response::open(p.clone(), init, &day_end()).unwrap().phone_script(&t(1), None).unwrap();
        assert!(s.zh.contains(&reads), "{room}: {}", s.zh);
        assert!(!s.zh.contains(&format!("{suffix}{suffix}")) && !s.zh.contains("第第"), "{room}: {}", s.zh);
        assert!(s.zh.contains("第一考点") && !s.zh.contains("考点考点"), "{}", s.zh);
    }
}

#[test]
fn approval_requested_shows_until_settled() {
    let mut r = open("candidates_not_arrived", &t(0));
    r.request_approval("station_decision", Act::at(t(5)).by("组长", "leading_group"), &day_end()).unwrap();
    let s = step(&r, &t(6), "station_decision");
    assert_eq!(s.status, Status::AwaitingApproval);
    assert_eq!(s.approval_requested_at.as_deref(), Some("2026-06-13T09:05:00+08:00"));
    r.decide("station_decision", "reschedule", Act::at(t(30)).approved_by("所长", "station"), &day_end()).unwrap();
    assert_eq!(status(&r, &t(31), "station_decision"), Status::Done);
}
