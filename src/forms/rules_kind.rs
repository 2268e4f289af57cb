//! Rules that read the plan's kinds and roles: severity matching the kind, the reporting chain,
//! the power-outage escalation (一般处理3) and the approvals a major incident needs.


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
                at.push(ctx, decision, [("minutes", m), ("limit", num(limit)), ("regional", Value::from(if is_regional { "yes" } else { "no" }))]);
            }
        }
        Check::KindApprovals { kind, approvals, role } => {
            let Some(k) = at.str(kind).and_then(|k| plan.kind(k)) else { return };
            let Some(flow) = plan.flow(&k.id) else { return };
            let Some(items) = at.value(approvals).and_then(Value::as_array).filter(|a| !a.is_empty()) else { return };
            // An approval that names its decision step (as drafts do) must come from the role
            // that step requires; a decision that needed none asks nothing.
            let gated = |id: &str| flow.step(id).map(|(_, s)| s.requires_approval.as_deref());
            let mut named = false;
            for (i, item) in items.iter().enumerate() {
                let Some(needed) = item.get("decision").and_then(Value::as_str).and_then(gated) else { continue };
                named = true;
                let Some(needed) = needed else { continue };
                if item.get(role).and_then(Value::as_str) != Some(needed) {
                    let path = format!("{approvals}/{i}/{role}");
                    at.push(ctx, &path, [("kind", text(&k.id)), ("roles", Value::from(needed))]);
                }
            }
            if named {
                return;
            }
            // Free-text decisions: at least one approval by a role some step of the kind needs.
            let needed: Vec<&str> = flow.steps.iter().filter_map(|s| s.requires_approval.as_deref()).collect();
            if needed.is_empty() {
                return;
            }
            let has = items.iter().any(|i| i.get(role).and_then(Value::as_str).is_some_and(|r| needed.contains(&r)));
            if !has {
                let list = needed.into_iter().collect::<Vec<_>>().join(", ");
                at.push(ctx, approvals, [("kind", text(&k.id)), ("roles", Value::from(list))]);
            }
        }
        _ => {}
    }
}
