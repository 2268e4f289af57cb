//! Checks the plan's `forms` and `messages` sections against the rest of the plan: every form
//! present, every shape, threshold, kind and role named exists, every finding code a rule or
//! mechanism can produce has a bilingual message, and every readiness item's field is a field
//! of `readiness_check`. Problems are located by their path in the plan document.

use super::spec::{Basis, Check, Field, FieldType, FormsSpec};
use super::FORM_IDS;
use crate::map::VecSet;
use crate::plan::{PlanDocument, ProblemKind, Problems};
use crate::text::Text;

/// Codes the mechanisms themselves produce (`fields.rs`, `finding.rs`).
pub const BASE_CODES: &[&str] = &[
    "required",
    "wrong_type",
    "blank",
    "too_long",
    "too_many",
    "too_few",
    "duplicate",
    "below_min",
    "above_max",
    "bad_time",
    "bad_date",
    "bad_clock",
    "bad_phone",
    "bad_mobile",
    "not_allowed",
    "unknown_kind",
    "unknown_role",
    "unknown_report_form",
    "unknown_subject",
    "unknown_field",
    "too_many_findings",
    "bad_character",
];

struct Walk<'a> {
    doc: &'a PlanDocument,
    problems: &'a mut Problems,
    codes: VecSet<String>,
}

/// Checks the section against the rest of the plan.
pub fn check(doc: &PlanDocument, problems: &mut Problems) {
    let spec: &FormsSpec = &doc.forms;
    let mut codes = VecSet::new();
    for c in BASE_CODES {
        codes.insert(c.to_string());
    }
    let mut w = Walk { doc, problems, codes };
    let l = &spec.limits;
    for (name, v) in [("max_chars", l.max_chars), ("max_items", l.max_items), ("max_bytes", l.max_bytes), ("max_findings", l.max_findings)]
    {
        if v == 0 {
            w.problems.push(format!("forms.limits.{name}"), ProblemKind::NotPositive(0.0));
        }
    }
    if spec.phone.mobile_second.is_empty() || !spec.phone.mobile_second.bytes().all(|b| b.is_ascii_digit()) {
        w.problems.push("forms.phone.mobile_second", ProblemKind::Shape("digits expected".into()));
    }
    for (name, f) in &spec.shapes {
        w.problems.name(format!("forms.shapes.{name}"), name);
        w.field(f, &format!("forms.shapes.{name}"), true);
    }
    for id in FORM_IDS {
        if !spec.forms.contains_key(*id) {
            w.problems.push(format!("forms.forms.{id}"), ProblemKind::Missing("form"));
        }
    }
    for (id, form) in &spec.forms {
        let at = format!("forms.forms.{id}");
        if !FORM_IDS.contains(&id.as_str()) {
            w.problems.push(at.clone(), ProblemKind::UnknownRef { what: "form", id: id.clone() });
        }
        for (name, f) in &form.fields {
            w.problems.name(format!("{at}.fields.{name}"), name);
            w.field(f, &format!("{at}.fields.{name}"), false);
        }
        for (i, rule) in form.rules.iter().enumerate() {
            w.rule(rule, &format!("{at}.rules[{i}]"));
        }
    }
    if let Some(form) = spec.forms.get("readiness_check") {
        for (i, item) in doc.readiness.iter().enumerate() {
            if !form.fields.contains_key(&item.field) {
                w.problems.push(format!("readiness[{i}].field"), ProblemKind::UnknownRef { what: "field", id: item.field.clone() });
            }
        }
    }
    let words = &spec.words;
    for name in words.types.keys() {
        if !super::spec::JSON_TYPES.contains(&name.as_str()) {
            w.problems.push(format!("forms.words.types.{name}"), ProblemKind::UnknownRef { what: "JSON type", id: name.clone() });
        }
    }
    for name in words.severities.keys() {
        if !matches!(name.as_str(), "major" | "general") {
            w.problems.push(format!("forms.words.severities.{name}"), ProblemKind::UnknownRef { what: "severity", id: name.clone() });
        }
    }
    for code in doc.messages.keys() {
        w.problems.name(format!("messages.{code}"), code);
    }
    for code in &w.codes {
        if !doc.messages.contains_key(code) {
            w.problems.push(format!("messages.{code}"), ProblemKind::UnknownRef { what: "message", id: code.clone() });
        }
    }
}

impl Walk<'_> {
    fn field(&mut self, f: &Field, at: &str, in_shape: bool) {
        match (&f.shape, f.ty) {
            (Some(s), _) if in_shape => {
                self.problems.push(format!("{at}.shape"), ProblemKind::Shape(format!("a shared shape cannot use another shape (`{s}`)")))
            }
            (Some(s), None) => {
                if !self.doc.forms.shapes.contains_key(s) {
                    self.problems.push(format!("{at}.shape"), ProblemKind::UnknownRef { what: "shape", id: s.clone() });
                }
            }
            (Some(_), Some(_)) => self.problems.push(at.to_string(), ProblemKind::Shape("give `type` or `shape`, not both".into())),
            (None, None) => self.problems.push(format!("{at}.type"), ProblemKind::Shape("missing field `type`".into())),
            (None, Some(ty)) => self.typed(f, ty, at, in_shape),
        }
        self.codes.extend(f.codes.values().cloned());
    }

    fn typed(&mut self, f: &Field, ty: FieldType, at: &str, in_shape: bool) {
        if ty == FieldType::Enum && f.values.is_empty() {
            self.problems.push(format!("{at}.values"), ProblemKind::Missing("values"));
        }
        if ty == FieldType::Array && f.items.is_none() {
            self.problems.push(format!("{at}.items"), ProblemKind::Missing("items"));
        }
        if let Some(t) = &f.min_items_threshold {
            if !self.doc.thresholds.contains_key(t) {
                self.problems.push(format!("{at}.min_items_threshold"), ProblemKind::UnknownRef { what: "threshold", id: t.clone() });
            }
        }
        for (name, sub) in &f.fields {
            self.problems.name(format!("{at}.fields.{name}"), name);
            self.field(sub, &format!("{at}.fields.{name}"), in_shape);
        }
        if let Some(items) = &f.items {
            self.field(items, &format!("{at}.items"), in_shape);
        }
    }

    fn rule(&mut self, rule: &super::spec::Rule, at: &str) {
        self.codes.insert(rule.code.clone());
        let threshold = |w: &mut Self, t: &String| {
            if !w.doc.thresholds.contains_key(t) {
                w.problems.push(format!("{at}.threshold"), ProblemKind::UnknownRef { what: "threshold", id: t.clone() });
            }
        };
        match &rule.check {
            Check::Within { threshold: t, .. } | Check::Escalation { threshold: t, .. } => threshold(self, t),
            Check::NotFuture { tolerance: Some(t), .. } => threshold(self, t),
            Check::Variant { cases, .. } => {
                for (kind, case) in cases {
                    let case_at = format!("{at}.cases.{kind}");
                    if !self.doc.kinds.iter().any(|k| &k.id == kind) {
                        self.problems.push(case_at.clone(), ProblemKind::UnknownRef { what: "kind", id: kind.clone() });
                    }
                    self.field(case, &case_at, false);
                }
            }
            _ => {}
        }
        if rule.clause.trim().is_empty() {
            self.problems.push(format!("{at}.clause"), ProblemKind::BlankText);
        }
        // An inference says why in one line; the seed and site defaults say it by their clause.
        if rule.basis == Basis::Inferred && rule.reason.as_ref().is_none_or(Text::is_blank) {
            self.problems.push(format!("{at}.reason"), ProblemKind::Missing("reason (basis `inferred`)"));
        }
        let relative_ok = rule.each.is_some();
        let date = match &rule.check {
            Check::Order { date, .. } => date.as_deref(),
            _ => None,
        };
        for p in paths(&rule.check).into_iter().chain(date).chain(rule.when.as_ref().map(|c| c.path.as_str())) {
            if !relative_ok && !p.starts_with('/') {
                self.problems.push(
                    at.to_string(),
                    ProblemKind::Shape(format!("`{p}` must be a JSON Pointer starting with `/` (relative paths need `each`)")),
                );
            }
        }
    }
}

/// The data paths a check reads (not `each`, which the rule runs over).
pub(super) fn paths(c: &Check) -> Vec<&str> {
    match c {
        Check::Required { field }
        | Check::NotFuture { field, .. }
        | Check::ExpectTrue { field }
        | Check::Approver { field }
        | Check::SamePlan { field } => vec![field],
        // `date` only refines the comparison: a malformed date leaves the rule comparing times
        // of day, so it is not an input whose refusal silences the rule.
        Check::Order { first, then, at, .. } => vec![first, then, at],
        Check::OnDate { field, date } => vec![field, date],
        Check::Within { from, to, .. } => vec![from, to],
        Check::NotLonger { field, from, to } => vec![field, from, to],
        Check::KindSeverity { kind, severity } => vec![kind, severity],
        Check::Chain { from, to, kind } => vec![from, to, kind],
        Check::Variant { selector, field, .. } => vec![selector, field],
        Check::Escalation { started, restored_at, until, regional, decision, .. } => vec![started, restored_at, until, regional, decision],
        Check::Sum { total, parts } => std::iter::once(total).chain(parts.iter()).collect(),
        Check::CountOf { count, items } => vec![count, items],
        Check::Ascending { items, .. } => vec![items],
        Check::Same { field, other } => vec![field, other],
        Check::KindApprovals { kind, approvals, .. } | Check::ApprovalsRecorded { kind, approvals, .. } => vec![kind, approvals],
    }
    .into_iter()
    .map(|s: &String| s.as_str())
    .collect()
}
