//! Whether an action may be carried out now: the rules of the plan's steps, decisions and
//! approvals, applied to the state the log has built. The same checks run when a saved log is
//! replayed, so a restored response obeys the rules its actions were taken under.

use crate::error::{Error, ErrorKind, Result};
use crate::plan::{KindFlow, Plan, Step, StepOrder};
use crate::text::Text;
use crate::time::Instant;

use super::flow::{activity, parents, Activity};
use super::model::{Action, LogEntry, Person, Warning};
use super::state::State;

/// Checks `e` (time `at`) against the plan and the state; returns the warnings it earns.
pub fn check(plan: &Plan, state: &State, e: &LogEntry, at: Instant) -> Result<Vec<Warning>> {
    let before = |field: &str| {
        if at < state.discovered {
            Err(Error::new(ErrorKind::BeforeDiscovery { field: field.to_string(), value: e.at.clone() }))
        } else {
            Ok(())
        }
    };
    match e.action {
        Action::Open => Err(Error::new(ErrorKind::BadState("an open entry after the first".into()))),
        Action::Note => {
            before("at")?;
            if e.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Err(Error::bad_argument("note", "非空的备注", "a non-empty note"));
            }
            Ok(Vec::new())
        }
        Action::SetAnchor => {
            let id = e.anchor.as_deref().unwrap_or_default();
            if !plan.doc().anchors.iter().any(|a| a.id == id) {
                let ids: Vec<&str> = plan.doc().anchors.iter().map(|a| a.id.as_str()).collect();
                return Err(Error::bad_argument(
                    "anchor",
                    format!("预案中的时间起点标识（{}）", ids.join("、")),
                    format!("an anchor id of the plan ({})", ids.join(", ")),
                ));
            }
            Ok(Vec::new())
        }
        Action::Reclassify => {
            before("at")?;
            let k = plan.kind_or_err(e.kind.as_deref().unwrap_or_default())?;
            if k.id == state.kind {
                return Err(Error::bad_argument("kind", "与当前不同的事件类型", "a kind other than the current one"));
            }
            Ok(Vec::new())
        }
        Action::Complete | Action::Decide | Action::RequestApproval | Action::Skip => {
            let flow = plan.flow(&state.kind).ok_or_else(|| Error::new(ErrorKind::UnknownKind(state.kind.clone())))?;
            let id = e.step.as_deref().unwrap_or_default();
            let (index, step) = flow.step(id).ok_or_else(|| Error::new(ErrorKind::UnknownStep(crate::error::clip_to(id, 60))))?;
            before("at")?;
            step_action(flow, state, e, index, step)
        }
    }
}

fn step_action(flow: &KindFlow, state: &State, e: &LogEntry, index: usize, step: &Step) -> Result<Vec<Warning>> {
    let decision = !step.options.is_empty();
    match e.action {
        Action::Complete if decision => return Err(Error::new(ErrorKind::DecisionRequired(step.id.clone()))),
        Action::Decide if !decision => return Err(Error::new(ErrorKind::NotADecision(step.id.clone()))),
        Action::Decide => {
            let option = e.option.as_deref().unwrap_or_default();
            if !step.options.iter().any(|o| o.id == option) {
                return Err(Error::new(ErrorKind::UnknownOption { step: step.id.clone(), option: crate::error::clip_to(option, 60) }));
            }
        }
        Action::Skip if !step.optional => return Err(Error::new(ErrorKind::StepNotOptional(step.id.clone()))),
        Action::RequestApproval if step.requires_approval.is_none() => {
            return Err(Error::new(ErrorKind::ApprovalNotRequired(step.id.clone())))
        }
        _ => {}
    }
    if state.record(&step.id).is_some_and(|r| r.settled()) {
        return Err(Error::new(ErrorKind::AlreadyDone(step.id.clone())));
    }
    let par = parents(flow);
    let act = activity(flow, &par, &state.records);
    match act.get(index) {
        Some(Activity::Waiting(d)) | Some(Activity::Off(d)) => {
            return Err(Error::new(ErrorKind::StepNotActive { step: step.id.clone(), decision: d.clone() }))
        }
        _ => {}
    }
    if matches!(e.action, Action::Complete | Action::Decide) {
        if let Some(role) = &step.requires_approval {
            let has = |p: &Option<Person>| p.as_ref().is_some_and(|p| &p.role == role);
            if !has(&e.approved_by) && !has(&e.by) {
                return Err(Error::new(ErrorKind::ApprovalRequired { step: step.id.clone(), role: role.clone() }));
            }
        }
    }
    Ok(out_of_order(flow, state, &act, index).into_iter().collect())
}

/// Earlier required steps still open when a step is settled: allowed, but worth saying. Only an
/// `in_turn` step is ever out of order, and an open `any_time` step (reporting, which runs beside
/// the action) never makes another one so: the plan must not invent an order the seed lacks.
fn out_of_order(flow: &KindFlow, state: &State, act: &[Activity], index: usize) -> Option<Warning> {
    let step = flow.steps.get(index)?;
    if step.order != StepOrder::InTurn {
        return None;
    }
    let open: Vec<String> = flow
        .steps
        .iter()
        .take(index)
        .enumerate()
        .filter(|(i, s)| {
            !s.optional
                && s.order != StepOrder::AnyTime
                && act.get(*i) == Some(&Activity::Active)
                && !state.record(&s.id).is_some_and(|r| r.settled())
        })
        .map(|(_, s)| s.id.clone())
        .collect();
    (!open.is_empty()).then(|| Warning {
        code: "out_of_order".into(),
        step: step.id.clone(),
        message: Text::new(
            format!("先于前面尚未完成的步骤执行：{}", open.join("、")),
            format!("done before earlier steps that are still open: {}", open.join(", ")),
        ),
        steps: open,
    })
}
