//! Rules that read the plan's kinds and roles: severity matching the kind, the reporting chain,
//! the power-outage escalation (一般处理3) and the approvals the plan's decisions need.

use serde_json::Value;

use super::fields::Ctx;
use super::finding::{kind, num, role, roles, severity, yes_no};
use super::rules::{ceil_minutes, instant, At};
use super::spec::Check;
use crate::plan::{KindFlow, Step};
use crate::time::seconds_between;

pub fn apply<'d>(ctx: &mut Ctx<'_, '_, 'd>, at: &At<'_, 'd>) {
    let plan = ctx.plan;
    match &at.rule.check {
        Check::KindSeverity { kind: kind_at, severity: severity_at } => {
            let (Some(k), Some(s)) = (at.str(kind_at).and_then(|k| plan.kind(k)), at.str(severity_at)) else { return };
            // The severity is the kind's, both ways: a major kind is never reported as general,
            // and a general one never as major (a power cut stays general in every branch; what
            // escalates is its handling, reported beside the severity).
            if s != k.severity.as_str() {
                at.push(ctx, severity_at, [("kind", kind(&k.id)), ("expected", severity(k.severity.as_str())), ("value", severity(s))]);
            }
        }
        Check::Chain { from, to, kind: kind_at } => {
            let (Some(f), Some(t)) = (at.str(from), at.str(to)) else { return };
            if plan.role(f).is_none() || plan.role(t).is_none() {
                return;
            }
            // Links for one severity only apply to incidents of it; with no known kind, all do.
            let sev = at.str(kind_at).and_then(|k| plan.kind(k)).map(|k| k.severity);
            let allowed = plan.reports_to(f, sev);
            if !allowed.contains(&t) {
                at.push(ctx, to, [("from", role(f)), ("to", role(t)), ("allowed", roles(allowed))]);
            }
        }
        Check::Escalation { started, restored_at, until, regional, decision, threshold } => {
            if at.value(decision).is_some() {
                return;
            }
            let tz = plan.timezone();
            let Some(limit) = plan.threshold(threshold) else { return };
            let is_regional = at.value(regional) == Some(&Value::Bool(true));
            // The outage lasted until it was restored; if it is not (or the time given for it is
            // still to come, an expected time typed in), it lasts until now, and at least until
            // the report that says it is still out.
            let restored = instant(ctx, at, restored_at, tz).filter(|r| *r <= at.now);
            let end = restored.unwrap_or_else(|| instant(ctx, at, until, tz).map_or(at.now, |u| u.max(at.now)));
            let minutes = instant(ctx, at, started, tz).map(|s| seconds_between(&s, &end));
            let too_long = minutes.is_some_and(|secs| secs as f64 > limit * 60.0);
            if is_regional || too_long {
                let m = minutes.map_or(Value::from("?"), |s| num(ceil_minutes(s.max(0))));
                at.push(ctx, decision, [("minutes", m.into()), ("limit", num(limit).into()), ("regional", yes_no(is_regional))]);
            }
        }
        Check::KindApprovals { kind: kind_at, approvals, role: role_field } => {
            let Some(k) = at.str(kind_at).and_then(|k| plan.kind(k)) else { return };
            let Some(flow) = plan.flow(&k.id) else { return };
            let Some(items) = at.value(approvals).and_then(Value::as_array) else { return };
            // An approval that names its decision step (as drafts do) must come from a role that
            // may approve that step; one in free text cannot be matched to a step and is left be.
            for (i, item) in items.iter().enumerate() {
                let Some(step) = gated_step(flow, item) else { continue };
                let given = item.get(role_field).and_then(Value::as_str);
                // An unknown or mistyped role has its own finding at its own path.
                if given.is_some_and(|r| !step.approvers().any(|a| a == r) && plan.role(r).is_some()) {
                    let path = format!("{approvals}/{i}/{role_field}");
                    at.push(ctx, &path, [("kind", kind(&k.id)), ("roles", roles(step.approvers()))]);
                }
            }
        }
        Check::ApprovalsRecorded { kind: kind_at, approvals, role: role_field } => {
            let Some(k) = at.str(kind_at).and_then(|k| plan.kind(k)) else { return };
            let Some(flow) = plan.flow(&k.id) else { return };
            let mut needed: Vec<&str> = flow.steps.iter().filter_map(|s| s.requires_approval.as_deref()).collect();
            crate::sort::sort_by(&mut needed, |a, b| a.cmp(b));
            needed.dedup();
            if needed.is_empty() {
                return;
            }
            let items = at.value(approvals).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            // What counts: an approval-gated step of the kind approved by a role that may approve
            // it; or, in free text (no step of the kind named), an approval by one of the roles
            // the kind's decisions need. An item naming an ordinary step (the initial report, a
            // decision that needs no consent) records no approval.
            let records = |i: &Value| {
                let by = i.get(role_field).and_then(Value::as_str);
                let named = i.get("decision").and_then(Value::as_str).and_then(|d| flow.step(d));
                match named {
                    Some((_, step)) => by.is_some_and(|r| step.approvers().any(|a| a == r)),
                    None => by.is_some_and(|r| needed.contains(&r)),
                }
            };
            if !items.iter().any(records) {
                at.push(ctx, approvals, [("kind", kind(&k.id)), ("roles", roles(needed.iter().copied()))]);
            }
        }
        Check::Approver { field } => {
            let Some(r) = at.str(field).filter(|r| plan.role(r).is_some()) else { return };
            let approvers = approvers(plan);
            if !approvers.contains(&r) {
                at.push(ctx, field, [("value", role(r)), ("roles", roles(approvers.iter().copied()))]);
            }
        }
        _ => {}
    }
}

/// The step of `flow` an approval item names by its `decision` id, where that step needs an
/// approval.
fn gated_step<'f>(flow: &'f KindFlow, item: &Value) -> Option<&'f Step> {
    let (_, step) = flow.step(item.get("decision").and_then(Value::as_str)?)?;
    step.requires_approval.is_some().then_some(step)
}

/// The roles the plan lets approve some decision, sorted and each once.
fn approvers(plan: &crate::plan::Plan) -> Vec<&str> {
    let doc = plan.doc();
    let steps = doc.kinds.iter().flat_map(|k| &k.steps).chain(doc.step_groups.iter().flat_map(|g| &g.steps));
    let mut roles: Vec<&str> = steps.flat_map(Step::approvers).collect();
    crate::sort::sort_by(&mut roles, |a, b| a.cmp(b));
    roles.dedup();
    roles
}
