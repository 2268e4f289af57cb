//! Helpers shared by the response tests.
#![allow(dead_code)]

use std::rc::Rc;

use exam_incident::plan::{default_plan, Plan};
use exam_incident::response::{Act, Init, Person, Response, Status, StepState};
use exam_incident::time::{parse_time, FixedClock};

pub fn plan() -> Rc<Plan> {
    Rc::new(default_plan().expect("default plan loads"))
}

pub fn open(kind: &str, discovered: &str) -> Response {
    let init = Init {
        kind: kind.into(),
        discovered_at: discovered.into(),
        site: Some("山东职业学院实训楼考点".into()),
        room: Some("301".into()),
        people: vec![
            Person::new("王敏", "site_leader"),
            Person::new("李强", "proctor"),
            Person::new("赵静", "proctor"),
            Person::new("孙伟", "patrol_inspector"),
            Person::new("周丽", "info_reporter"),
        ],
        ..Init::default()
    };
    Response::open(plan(), init, &day_end()).expect("opens")
}

/// A clock at the end of the exam day (2026-06-14 00:00 in the plan's zone): after every time
/// these tests act at, so only tests about future times meet `future_time`.
pub fn day_end() -> FixedClock {
    FixedClock(parse_time("2026-06-14T00:00", plan().timezone()).expect("a time"))
}

/// 09:00 + `m` minutes on the exam day, local time.
pub fn t(m: u32) -> String {
    format!("2026-06-13T{:02}:{:02}", 9 + m / 60, m % 60)
}

pub fn status(r: &Response, now: &str, id: &str) -> Status {
    step(r, now, id).status
}

pub fn step(r: &Response, now: &str, id: &str) -> StepState {
    r.steps(now).unwrap().into_iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no step {id}"))
}

/// The actor of the step acting, named after their role.
pub fn by(r: &Response, id: &str, at: &str) -> Act {
    let s = step(r, at, id);
    Act::at(at).by(format!("{}的人", s.actor), s.actor)
}

/// Completes every open, active, non-decision, non-optional step in order; optional ones are
/// skipped; approval-gated ones are approved by someone of the required role.
pub fn finish_rest(r: &mut Response, at: &str) {
    loop {
        let steps = r.steps(at).unwrap();
        let Some(s) = steps.iter().find(|s| s.active && !matches!(s.status, Status::Done | Status::Skipped)) else { break };
        assert!(s.options.is_none(), "open decision left: {}", s.id);
        let mut act = by(r, &s.id, at);
        if s.optional {
            r.skip(&s.id, act.note("不需要"), &day_end()).unwrap();
            continue;
        }
        if let Some(role) = &s.requires_approval {
            act = act.approved_by("审批人", role.clone());
        }
        r.complete(&s.id, act, &day_end()).unwrap();
    }
}
