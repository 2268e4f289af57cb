//! Checks a decoded plan document: ids, references, decision graphs, texts, thresholds.
//! Every problem is collected with its path.

use serde_json::Value;

use super::model::*;
use super::problem::{ProblemKind, Problems};
use crate::forms::FORM_IDS;
use crate::map::{VecMap, VecSet};

/// Where a step sits in the document, for located messages.
struct StepAt<'a> {
    step: &'a Step,
    path: String,
}

pub fn check_document(doc: &PlanDocument, problems: &mut Problems) {
    if doc.id.trim().is_empty() {
        problems.push("id", ProblemKind::BlankText);
    }
    if doc.version.trim().is_empty() {
        problems.push("version", ProblemKind::BlankText);
    }
    if crate::time::parse_offset(&doc.timezone).is_none() {
        problems.push("timezone", ProblemKind::BadTimezone(doc.timezone.clone()));
    }
    for (name, t) in &doc.thresholds {
        if !(t.value.is_finite() && t.value > 0.0) {
            problems.push(format!("thresholds.{name}.value"), ProblemKind::NotPositive(t.value));
        }
        check_basis(t.basis, t.reason.as_ref(), &format!("thresholds.{name}"), problems);
    }
    if let Some(t) = &doc.log.future_tolerance {
        if !doc.thresholds.contains_key(t) {
            problems.push("log.future_tolerance", ProblemKind::UnknownRef { what: "threshold", id: t.clone() });
        }
    }
    for (i, r) in doc.readiness.iter().enumerate() {
        check_basis(r.basis, r.reason.as_ref(), &format!("readiness[{i}]"), problems);
    }
    unique_ids(doc.standing.iter().map(|r| r.id.as_str()), "standing", problems);
    for (i, r) in doc.standing.iter().enumerate() {
        check_basis(r.basis, r.reason.as_ref(), &format!("standing[{i}]"), problems);
    }
    let roles = unique_ids(doc.roles.iter().map(|r| r.id.as_str()), "roles", problems);
    let anchors = unique_ids(doc.anchors.iter().map(|a| a.id.as_str()), "anchors", problems);
    unique_ids(doc.reporting.forms.iter().map(|t| t.id.as_str()), "reporting.forms", problems);
    let subjects = unique_ids(doc.reporting.subjects.iter().map(|t| t.id.as_str()), "reporting.subjects", problems);
    for (i, link) in doc.reporting.chain.iter().enumerate() {
        known(&roles, &link.from, "role", format!("reporting.chain[{i}].from"), problems);
        known(&roles, &link.to, "role", format!("reporting.chain[{i}].to"), problems);
    }
    unique_ids(doc.readiness.iter().map(|r| r.id.as_str()), "readiness", problems);
    let groups = unique_ids(doc.step_groups.iter().map(|g| g.id.as_str()), "step_groups", problems);
    let refs = Refs { roles: &roles, anchors: &anchors, thresholds: &doc.thresholds };
    for (gi, group) in doc.step_groups.iter().enumerate() {
        for (si, step) in group.steps.iter().enumerate() {
            check_step(step, &format!("step_groups[{gi}].steps[{si}]"), &refs, problems);
        }
    }
    unique_ids(doc.kinds.iter().map(|k| k.id.as_str()), "kinds", problems);
    for (ki, kind) in doc.kinds.iter().enumerate() {
        let at = format!("kinds[{ki}]");
        known(&subjects, &kind.report_subject, "subject", format!("{at}.report_subject"), problems);
        if kind.steps.is_empty() {
            problems.push(format!("{at}.steps"), ProblemKind::NoSteps);
        }
        for (si, step) in kind.steps.iter().enumerate() {
            check_step(step, &format!("{at}.steps[{si}]"), &refs, problems);
        }
        for (list, name) in [(&kind.before, "before"), (&kind.after, "after")] {
            for (i, g) in list.iter().enumerate() {
                known(&groups, g, "group", format!("{at}.{name}[{i}]"), problems);
            }
        }
        check_kind_flow(doc, kind, &at, problems);
    }
    crate::classify::spec::check(doc, problems);
    crate::forms::spec::check(doc, problems);
    check_names(doc, problems);
}

/// Every id the plan defines follows the one name pattern (`problem::NAME_PATTERN`); the forms'
/// field names are checked with the forms section. The plan's own `id` is a label, not a name.
fn check_names(doc: &PlanDocument, problems: &mut Problems) {
    let mut list = |at: &str, ids: &mut dyn Iterator<Item = &String>| {
        for (i, id) in ids.enumerate() {
            problems.name(format!("{at}[{i}].id"), id);
        }
    };
    list("roles", &mut doc.roles.iter().map(|r| &r.id));
    list("anchors", &mut doc.anchors.iter().map(|a| &a.id));
    list("reporting.forms", &mut doc.reporting.forms.iter().map(|t| &t.id));
    list("reporting.subjects", &mut doc.reporting.subjects.iter().map(|t| &t.id));
    list("readiness", &mut doc.readiness.iter().map(|r| &r.id));
    list("step_groups", &mut doc.step_groups.iter().map(|g| &g.id));
    list("kinds", &mut doc.kinds.iter().map(|k| &k.id));
    list("classifier.rules", &mut doc.classifier.rules.iter().map(|r| &r.id));
    list("classifier.questions", &mut doc.classifier.questions.iter().map(|q| &q.id));
    for name in doc.thresholds.keys() {
        problems.name(format!("thresholds.{name}"), name);
    }
    for name in doc.classifier.cues.keys() {
        problems.name(format!("classifier.cues.{name}"), name);
    }
    let groups = doc.step_groups.iter().enumerate().map(|(i, g)| (format!("step_groups[{i}]"), &g.steps));
    let kinds = doc.kinds.iter().enumerate().map(|(i, k)| (format!("kinds[{i}]"), &k.steps));
    for (at, steps) in groups.chain(kinds) {
        for (si, step) in steps.iter().enumerate() {
            problems.name(format!("{at}.steps[{si}].id"), &step.id);
            for (oi, o) in step.options.iter().enumerate() {
                problems.name(format!("{at}.steps[{si}].options[{oi}].id"), &o.id);
            }
        }
    }
}

struct Refs<'a> {
    roles: &'a VecSet<&'a str>,
    anchors: &'a VecSet<&'a str>,
    thresholds: &'a VecMap<String, Threshold>,
}

fn check_step(step: &Step, at: &str, refs: &Refs, problems: &mut Problems) {
    if step.id.trim().is_empty() {
        problems.push(format!("{at}.id"), ProblemKind::BlankText);
    }
    known(refs.roles, &step.actor, "role", format!("{at}.actor"), problems);
    if let Some(r) = &step.report_to {
        known(refs.roles, r, "role", format!("{at}.report_to"), problems);
    }
    if let Some(r) = &step.requires_approval {
        known(refs.roles, r, "role", format!("{at}.requires_approval"), problems);
    }
    for (i, r) in step.also_approved_by.iter().enumerate() {
        known(refs.roles, r, "role", format!("{at}.also_approved_by[{i}]"), problems);
    }
    if !step.also_approved_by.is_empty() && step.requires_approval.is_none() {
        problems.push(format!("{at}.also_approved_by"), ProblemKind::Shape("`also_approved_by` needs `requires_approval`".into()));
    }
    if let Some(f) = &step.form {
        if !FORM_IDS.contains(&f.as_str()) {
            problems.push(format!("{at}.form"), ProblemKind::UnknownRef { what: "form", id: f.clone() });
        }
    }
    if let Some(due) = &step.due {
        if due.from != "discovered" {
            known(refs.anchors, &due.from, "anchor", format!("{at}.due.from"), problems);
        }
        match (&due.minutes, &due.threshold) {
            (Some(m), None) => {
                if !(m.is_finite() && *m > 0.0) {
                    problems.push(format!("{at}.due.minutes"), ProblemKind::NotPositive(*m));
                }
            }
            (None, Some(t)) => {
                if !refs.thresholds.contains_key(t) {
                    problems.push(format!("{at}.due.threshold"), ProblemKind::UnknownRef { what: "threshold", id: t.clone() });
                }
            }
            _ => problems.push(format!("{at}.due"), ProblemKind::BadDue),
        }
    }
    unique_ids(step.options.iter().map(|o| o.id.as_str()), &format!("{at}.options"), problems);
    check_basis(step.basis, step.reason.as_ref(), at, problems);
    for (oi, o) in step.options.iter().enumerate() {
        if let Some(b) = o.basis {
            check_basis(b, o.reason.as_ref(), &format!("{at}.options[{oi}]"), problems);
        }
    }
}

/// An item the plan infers must say why (issue 16: every addition says where it comes from).
fn check_basis(basis: Basis, reason: Option<&crate::text::Text>, at: &str, problems: &mut Problems) {
    if basis == Basis::Inferred && reason.is_none() {
        problems.push(format!("{at}.reason"), ProblemKind::Missing("reason"));
    }
}

/// The kind's steps as run: `before` groups, its own steps, `after` groups; each with its path.
fn expanded<'a>(doc: &'a PlanDocument, kind: &'a Kind, at: &str) -> Vec<StepAt<'a>> {
    let mut out = Vec::new();
    let group = |id: &String| doc.step_groups.iter().enumerate().find(|(_, g)| &g.id == id);
    for id in &kind.before {
        if let Some((gi, g)) = group(id) {
            out.extend(g.steps.iter().enumerate().map(|(si, s)| StepAt { step: s, path: format!("step_groups[{gi}].steps[{si}]") }));
        }
    }
    out.extend(kind.steps.iter().enumerate().map(|(si, s)| StepAt { step: s, path: format!("{at}.steps[{si}]") }));
    for id in &kind.after {
        if let Some((gi, g)) = group(id) {
            out.extend(g.steps.iter().enumerate().map(|(si, s)| StepAt { step: s, path: format!("step_groups[{gi}].steps[{si}]") }));
        }
    }
    out
}

fn check_kind_flow(doc: &PlanDocument, kind: &Kind, at: &str, problems: &mut Problems) {
    let steps = expanded(doc, kind, at);
    let mut index: VecMap<&str, usize> = VecMap::new();
    for (i, s) in steps.iter().enumerate() {
        if index.insert(s.step.id.as_str(), i).is_some() {
            problems.push(format!("{}.id", s.path), ProblemKind::DuplicateId(format!("{}:{}", kind.id, s.step.id)));
        }
    }
    let mut claimed: VecSet<&str> = VecSet::new();
    for s in &steps {
        for (oi, opt) in s.step.options.iter().enumerate() {
            for (ni, next) in opt.next.iter().enumerate() {
                let path = format!("{}.options[{oi}].next[{ni}]", s.path);
                if !index.contains_key(next.as_str()) {
                    problems.push(path, ProblemKind::UnknownRef { what: "step", id: next.clone() });
                } else if !claimed.insert(next.as_str()) && !s.step.options.iter().take(oi).any(|o| o.next.contains(next)) {
                    // Two options of the same decision may share a step; two decisions may not.
                    problems.push(path, ProblemKind::BranchTwice(next.clone()));
                }
            }
        }
    }
    // A decision graph must terminate: no step may reach itself through options.
    let mut reported: VecSet<&str> = VecSet::new();
    for s in &steps {
        if s.step.options.is_empty() || reported.contains(s.step.id.as_str()) {
            continue;
        }
        let mut stack: Vec<&str> = s.step.options.iter().flat_map(|o| o.next.iter().map(String::as_str)).collect();
        let mut seen: VecSet<&str> = VecSet::new();
        while let Some(id) = stack.pop() {
            if id == s.step.id {
                reported.insert(s.step.id.as_str());
                problems.push(format!("{}.options", s.path), ProblemKind::DecisionCycle(s.step.id.clone()));
                break;
            }
            if !seen.insert(id) {
                continue;
            }
            if let Some(&i) = index.get(id) {
                stack.extend(steps[i].step.options.iter().flat_map(|o| o.next.iter().map(String::as_str)));
            }
        }
    }
}

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, at: &str, problems: &mut Problems) -> VecSet<&'a str> {
    let mut set = VecSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            problems.push(format!("{at}[{i}].id"), ProblemKind::BlankText);
        } else if !set.insert(id) {
            problems.push(format!("{at}[{i}].id"), ProblemKind::DuplicateId(id.to_string()));
        }
    }
    set
}

pub(crate) fn known(set: &VecSet<&str>, id: &str, what: &'static str, path: String, problems: &mut Problems) {
    if !set.contains(id) {
        problems.push(path, ProblemKind::UnknownRef { what, id: id.to_string() });
    }
}

/// Every bilingual text (an object of exactly `zh` and `en`) anywhere in the document must have
/// both languages filled in.
pub fn check_texts(value: &Value, path: &str, problems: &mut Problems) {
    match value {
        Value::Object(map) => {
            if map.len() == 2 && map.contains_key("zh") && map.contains_key("en") {
                let blank = |k: &str| map.get(k).and_then(Value::as_str).is_none_or(|s| s.trim().is_empty());
                if blank("zh") || blank("en") {
                    problems.push(path.to_string(), ProblemKind::BlankText);
                }
                return;
            }
            for (k, v) in map {
                check_texts(v, &super::decode::join_path(path, k), problems);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_texts(v, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}
