//! Steps as they stand at a given moment, and the deadlines and reminders that follow from them.

use crate::plan::{KindFlow, Plan, Step};
use crate::time::{add_minutes, format_time, Instant};

use super::flow::{activity, chosen, parents, Activity};
use super::model::{BranchState, DueRule, Reminder, ReminderKind, Status, StepOptionState, StepState};
use super::state::State;

/// A step's deadline: the plan's minutes after `discovered` or after an anchor once it is set.
pub fn due_at(plan: &Plan, state: &State, step: &Step) -> Option<Instant> {
    let due = step.due.as_ref()?;
    let minutes = plan.due_minutes(due)?;
    let from = if due.from == "discovered" { state.discovered } else { *state.anchors.get(&due.from)? };
    add_minutes(&from, minutes)
}

pub fn steps(plan: &Plan, flow: &KindFlow, state: &State, now: Instant) -> Vec<StepState> {
    let par = parents(flow);
    let act = activity(flow, &par, &state.records);
    flow.steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let rec = state.record(&s.id);
            let due = due_at(plan, state, s);
            let active = act.get(i) == Some(&Activity::Active);
            let status = match rec {
                Some(r) if r.done.is_some() => Status::Done,
                Some(r) if r.skipped.is_some() => Status::Skipped,
                _ if matches!(act.get(i), Some(Activity::Off(_))) => Status::Skipped,
                _ if !active => Status::Pending,
                Some(r) if r.requested.is_some() => Status::AwaitingApproval,
                _ if !s.optional && due.is_some_and(|d| now > d) => Status::Overdue,
                _ => Status::Pending,
            };
            let settled = rec.and_then(|r| r.done.as_ref().or(r.skipped.as_ref()));
            StepState {
                id: s.id.clone(),
                actor: s.actor.clone(),
                text: s.text.clone(),
                clause: s.clause.clone(),
                basis: s.basis,
                reason: s.reason.clone(),
                order: s.order,
                status,
                due_at: due.as_ref().map(format_time),
                due: s.due.as_ref().and_then(|d| plan.due_minutes(d).map(|m| DueRule { from: d.from.clone(), minutes: m })),
                requires_approval: s.requires_approval.clone(),
                options: (!s.options.is_empty()).then(|| {
                    s.options
                        .iter()
                        .map(|o| StepOptionState { id: o.id.clone(), text: o.text.clone(), basis: o.basis.unwrap_or(s.basis) })
                        .collect()
                }),
                chosen: chosen(flow, i, &state.records).map(str::to_string),
                branch: par.get(i).and_then(Option::as_ref).map(|p| BranchState {
                    decision: flow.steps.get(p.decision).map(|d| d.id.clone()).unwrap_or_default(),
                    options: p.options.clone(),
                }),
                active,
                report_to: s.report_to.clone(),
                form: s.form.clone(),
                optional: s.optional,
                done_at: settled.map(|m| format_time(&m.at)),
                done_by: settled.and_then(|m| m.by.clone()),
                approved_by: settled.and_then(|m| m.approved_by.clone()),
                approval_requested_at: rec.and_then(|r| r.requested.as_ref()).map(|m| format_time(&m.at)),
            }
        })
        .collect()
}

/// Every reminder the open steps with deadlines will call for: `due_soon` `lead` minutes before
/// the deadline (when `lead` > 0) and `overdue` at the deadline. Sorted by time.
pub fn reminders(plan: &Plan, flow: &KindFlow, state: &State, lead_minutes: f64) -> Vec<(Instant, Reminder)> {
    let par = parents(flow);
    let act = activity(flow, &par, &state.records);
    let mut out = Vec::new();
    for (i, s) in flow.steps.iter().enumerate() {
        if s.optional || act.get(i) != Some(&Activity::Active) || state.record(&s.id).is_some_and(|r| r.settled()) {
            continue;
        }
        let Some(due) = due_at(plan, state, s) else { continue };
        let make = |at: Instant, kind| {
            (
                at,
                Reminder {
                    step: s.id.clone(),
                    kind,
                    at: format_time(&at),
                    due_at: format_time(&due),
                    actor: s.actor.clone(),
                    text: s.text.clone(),
                },
            )
        };
        if lead_minutes > 0.0 {
            if let Some(soon) = add_minutes(&due, -lead_minutes) {
                out.push(make(soon, ReminderKind::DueSoon));
            }
        }
        out.push(make(due, ReminderKind::Overdue));
    }
    crate::sort::sort_by_key(&mut out, |a| a.0);
    out
}
