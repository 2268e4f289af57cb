//! Rules that read the plan's kinds and roles: severity matching the kind, the reporting chain,
//! the power-outage escalation (一般处理3) and the approvals the plan's decisions need.

use serde_json::Value;

use super::fields::Ctx;
use super::finding::{num, text};
use super::rules::{ceil_minutes, instant, At};
use super::spec::Check;
use crate::time::seconds_between;

pub fn apply<'d>(ctx: &mut Ctx<'_, '_, 'd>, at: &At<'_, 'd>) {
    let plan = ctx.plan;
    match &at.rule.check {
        Check::KindSeverity { kind, severity } => {
            let (Some(k), Some(s)) = (at.str(kind).and_then(|k| plan.kind(k)), at.str(severity)) else { return };
            // Never lower than the plan says; a general kind may be reported as major, which is how
            // an escalation (power not back within 30 minutes, a regional outage) reads.
            if s == "general" && k.severity == crate::plan::Severity::Major {
                at.push(ctx, severity, [("kind", text(&k.id)), ("expected", Value::from(k.severity.as_str())), ("value", text(s))]);
            }
        }
        Check::Chain { from, to, kind } => {
            let (Some(f), Some(t)) = (at.str(from), at.str(to)) else { return };
            if plan.role(f).is_none() || plan.role(t).is_none() {
                return;
            }
            // Links for one severity only apply to incidents of it; with no known kind, all do.
            let sev = at.str(kind).and_then(|k| plan.kind(k)).map(|k| k.severity);
            let allowed: Vec<&str> = plan
                .doc()
                .reporting
                .chain
                .iter()
                .filter(|l| l.from == f && (l.severity.is_none() || sev.is_none() || l.severity == sev))
                .map(|l| l.to.as_str())
                .collect();
            if !allowed.contains(&t) {
                let list = if allowed.is_empty() { "—".to_string() } else { allowed.join(", ") };
                at.push(ctx, to, [("from", text(f)), ("to", text(t)), ("allowed", Value::from(list))]);
            }
        }
        Check::Escalation { started, restored_at, until, regional, decision, threshold } => {
            if at.value(decision).is_some() {
                return;
            }
            let tz = plan.timezone();
            let Some(limit) = plan.threshold(threshold) else { return };
            let is_regional = at.value(regional) == Some(&Value::Bool(true));
            // The outage lasted until it was restored; if it is not, it lasts until now (or,
            // without `now`, at least until the report was made).
            let end = instant(ctx, at, restored_at, tz).or(at.now).or_else(|| instant(ctx, at, until, tz));
            let minutes = match (instant(ctx, at, started, tz), end) {
                (Some(s), Some(e)) => Some(seconds_between(&s, &e)),
                _ => None,
            };
            let too_long = minutes.is_some_and(|secs| secs as f64 > limit * 60.0);
            if is_regional || too_long {
                let m = minutes.map_or(Value::from("?"), |s| num(ceil_minutes(s.max(0))));
                at.push(
                    ctx,
                    decision,
                    [("minutes", m), ("limit", num(limit)), ("regional", Value::from(if is_regional { "yes" } else { "no" }))],
                );
            }
        }
        Check::KindApprovals { kind, approvals, role } => {
            let Some(k) = at.str(kind).and_then(|k| plan.kind(k)) else { return };
            let Some(flow) = plan.flow(&k.id) else { return };
            let Some(items) = at.value(approvals).and_then(Value::as_array) else { return };
            // An approval that names its decision step (as drafts do) must come from the role
            // that step requires; one in free text cannot be matched to a step and is left be.
            for (i, item) in items.iter().enumerate() {
                let step = item.get("decision").and_then(Value::as_str).and_then(|id| flow.step(id));
                let Some(needed) = step.and_then(|(_, s)| s.requires_approval.as_deref()) else { continue };
                let given = item.get(role).and_then(Value::as_str);
                // An unknown or mistyped role has its own finding at its own path.
                if given.is_some_and(|r| r != needed && plan.role(r).is_some()) {
                    let path = format!("{approvals}/{i}/{role}");
                    at.push(ctx, &path, [("kind", text(&k.id)), ("roles", Value::from(needed))]);
                }
            }
        }
        Check::ApprovalsRecorded { kind, approvals, role } => {
            let Some(k) = at.str(kind).and_then(|k| plan.kind(k)) else { return };
            let Some(flow) = plan.flow(&k.id) else { return };
            let mut needed: Vec<&str> = flow.steps.iter().filter_map(|s| s.requires_approval.as_deref()).collect();
            crate::sort::sort_by(&mut needed, |a, b| a.cmp(b));
            needed.dedup();
            if needed.is_empty() {
                return;
            }
            let items = at.value(approvals).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
            // An approval naming one of the kind's decision steps is checked by `kind_approvals`.
            let names_step = |i: &Value| i.get("decision").and_then(Value::as_str).is_some_and(|d| flow.step(d).is_some());
            let has = items.iter().any(|i| names_step(i) || i.get(role).and_then(Value::as_str).is_some_and(|r| needed.contains(&r)));
            if !has {
                at.push(ctx, approvals, [("kind", text(&k.id)), ("roles", Value::from(needed.join(", ")))]);
            }
        }
        Check::Approver { field } => {
            let Some(r) = at.str(field).filter(|r| plan.role(r).is_some()) else { return };
            let approvers = approvers(plan);
            if !approvers.contains(&r) {
                at.push(ctx, field, [("value", text(r)), ("roles", Value::from(approvers.join(", ")))]);
            }
        }
        _ => {}
    }
}

/// The roles the plan lets approve some decision, sorted and each once.
fn approvers(plan: &crate::plan::Plan) -> Vec<&str> {
    let doc = plan.doc();
    let steps = doc.kinds.iter().flat_map(|k| &k.steps).chain(doc.step_groups.iter().flat_map(|g| &g.steps));
    let mut roles: Vec<&str> = steps.filter_map(|s| s.requires_approval.as_deref()).collect();
    crate::sort::sort_by(&mut roles, |a, b| a.cmp(b));
    roles.dedup();
    roles
}
