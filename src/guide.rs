//! What the plan says, as portals read it: `planInfo()` and `guide(kind)`.

use serde::Serialize;

use crate::json::ToJson;

use crate::error::{Error, ErrorKind};
use crate::plan::{Basis, Plan, Severity, Step, StepOrder};
use crate::text::Text;

/// Summary of the active plan.
#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PlanInfo {
    pub id: String,
    pub version: String,
    pub name: Text,
    /// UTC offset local times are read in, e.g. `+08:00`.
    pub timezone: String,
    pub kinds: Vec<KindInfo>,
    pub roles: Vec<RoleInfo>,
    /// Rules that hold at all times (组织领导, 保障, 附则), each with its clause and basis.
    pub standing: Vec<crate::plan::StandingRule>,
}

#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct KindInfo {
    pub id: String,
    pub severity: Severity,
    pub title: Text,
}

#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RoleInfo {
    pub id: String,
    pub title: Text,
}

pub fn plan_info(plan: &Plan) -> PlanInfo {
    let doc = plan.doc();
    PlanInfo {
        id: doc.id.clone(),
        version: doc.version.clone(),
        name: doc.name.clone(),
        timezone: doc.timezone.clone(),
        kinds: doc.kinds.iter().map(|k| KindInfo { id: k.id.clone(), severity: k.severity, title: k.title.clone() }).collect(),
        roles: doc.roles.iter().map(|r| RoleInfo { id: r.id.clone(), title: r.title.clone() }).collect(),
        standing: doc.standing.clone(),
    }
}

/// How to handle one kind of incident: its ordered steps, decisions, deadlines and forms.
#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Guidance {
    pub kind: String,
    pub severity: Severity,
    pub title: Text,
    pub description: Text,
    pub clause: String,
    /// The 报告内容 a report of this kind usually has.
    pub report_subject: String,
    pub steps: Vec<GuideStep>,
    /// The forms the steps produce, in the order they first appear.
    pub forms: Vec<String>,
}

/// A step as the plan states it (a `StepState` without status and absolute times).
#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GuideStep {
    pub id: String,
    /// Role id of who does it.
    pub actor: String,
    pub text: Text,
    /// Seed clause(s) the step comes from.
    pub clause: String,
    /// `seed`, `site_default` (本考点默认: the site may set it otherwise) or `inferred`.
    pub basis: Basis,
    /// Why, where the basis is not the seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reason: Option<Text>,
    /// `immediate` (the seed says 立即 / 先), `any_time` (no order), or `in_turn`.
    pub order: StepOrder,
    /// Role id the step reports to, where it is a report.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub report_to: Option<String>,
    /// Deadline relative to a point in time (`discovered` or an anchor such as `outage_started`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub due: Option<RelativeDue>,
    /// Role id whose consent the step needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub requires_approval: Option<String>,
    /// Present on decision steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub options: Option<Vec<OptionInfo>>,
    /// For a branch step: the decision and option that lead to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub branch: Option<BranchInfo>,
    /// The form the step produces.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub form: Option<String>,
    pub optional: bool,
}

#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct RelativeDue {
    pub from: String,
    pub minutes: f64,
}

#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct OptionInfo {
    pub id: String,
    pub text: Text,
    /// Where the option comes from: its own basis, else its step's.
    pub basis: Basis,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reason: Option<Text>,
    /// Step ids this choice makes active.
    pub next: Vec<String>,
}

#[derive(Clone, Debug, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BranchInfo {
    pub decision: String,
    pub option: String,
}

/// The guidance for `kind`.
///
/// # Errors
/// `unknown_kind` when the active plan has no such kind.
pub fn guide(plan: &Plan, kind: &str) -> Result<Guidance, Error> {
    let k = plan.kind_or_err(kind)?;
    // Not `kind_or_err("").unwrap_err()`: that linked the `Debug` of `Kind` and of all it holds.
    let flow = plan.flow(&k.id).ok_or_else(|| Error::new(ErrorKind::UnknownKind(String::new())))?;
    let steps: Vec<GuideStep> = flow
        .steps
        .iter()
        .zip(&flow.branch_of)
        .map(|(s, b)| guide_step(plan, s, b.as_ref().map(|b| BranchInfo { decision: b.decision.clone(), option: b.option.clone() })))
        .collect();
    let mut forms: Vec<String> = Vec::new();
    for f in steps.iter().filter_map(|s| s.form.as_ref()) {
        if !forms.contains(f) {
            forms.push(f.clone());
        }
    }
    Ok(Guidance {
        kind: k.id.clone(),
        severity: k.severity,
        title: k.title.clone(),
        description: k.description.clone(),
        clause: k.clause.clone(),
        report_subject: k.report_subject.clone(),
        steps,
        forms,
    })
}

fn guide_step(plan: &Plan, s: &Step, branch: Option<BranchInfo>) -> GuideStep {
    GuideStep {
        id: s.id.clone(),
        actor: s.actor.clone(),
        text: s.text.clone(),
        clause: s.clause.clone(),
        basis: s.basis,
        reason: s.reason.clone(),
        order: s.order,
        report_to: s.report_to.clone(),
        due: s.due.as_ref().and_then(|d| plan.due_minutes(d).map(|m| RelativeDue { from: d.from.clone(), minutes: m })),
        requires_approval: s.requires_approval.clone(),
        options: (!s.options.is_empty()).then(|| {
            s.options
                .iter()
                .map(|o| OptionInfo {
                    id: o.id.clone(),
                    text: o.text.clone(),
                    basis: o.basis.unwrap_or(s.basis),
                    reason: o.reason.clone(),
                    next: o.next.clone(),
                })
                .collect()
        }),
        branch,
        form: s.form.clone(),
        optional: s.optional,
    }
}
