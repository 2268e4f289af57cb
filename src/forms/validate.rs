//! `validateReport`: the structural walk and the cross-field rules of one form, every finding
//! at once. Misuse (unknown form, data that is not an object, a malformed `now`, oversized data)
//! is an [`Error`]; everything wrong inside the data is a finding.

use crate::json::FromJson;
use serde_json::Value;

use super::fields::{self, Ctx};
use super::finding::{Findings, Report};
use super::moment::Times;
use super::spec::FormSpec;
use super::{rules, FORM_IDS};
use crate::error::{Error, ErrorKind};
use crate::plan::Plan;
use crate::time::Clock;

/// Options of `validateReport`.
#[derive(Clone, Debug, Default, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ValidateOptions {
    /// What "now" is for "not in the future" (RFC 3339 or local time). Left out: the browser's
    /// clock (natively, the `Clock` handed to `validate_report`).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub now: Option<String>,
}

/// The form's spec, or `unknown_form`.
pub fn form_spec<'p>(plan: &'p Plan, form: &str) -> Result<&'p FormSpec, Error> {
    let unknown = || Error::new(ErrorKind::UnknownForm(crate::error::clip_to(form, 60)));
    if !FORM_IDS.contains(&form) {
        return Err(unknown());
    }
    plan.doc().forms.forms.get(form).ok_or_else(unknown)
}

/// Validates `data` as the form `form` of `plan`. Times are judged against `opts.now`, or
/// when it is left out against `clock` (the core never reads the clock itself: the binding
/// hands it the browser's, a test a [`FixedClock`](crate::time::FixedClock)).
///
/// # Errors
/// `unknown_form`, `bad_argument` (data not an object), `bad_time` (`opts.now`), `too_large`.
///
/// # Example
/// ```
/// use exam_incident::forms::{validate_report, ValidateOptions};
/// use exam_incident::time::{parse_time, FixedClock};
/// let plan = exam_incident::plan::default_plan().unwrap();
/// let clock = FixedClock(parse_time("2026-06-13T10:00", plan.timezone()).unwrap());
/// let r = validate_report(&plan, "readiness_check", &serde_json::json!({}), &ValidateOptions::default(), &clock).unwrap();
/// assert!(!r.ok);
/// assert!(r.errors.iter().any(|f| f.path == "/site" && f.code == "required"));
/// ```
pub fn validate_report(plan: &Plan, form: &str, data: &Value, opts: &ValidateOptions, clock: &dyn Clock) -> Result<Report, Error> {
    let spec = form_spec(plan, form)?;
    let now = match opts.now.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => clock.now(),
        Some(s) => crate::time::parse_time(s, plan.timezone())
            .ok_or_else(|| Error::new(ErrorKind::BadTime { field: "opts.now".into(), value: crate::error::clip(s) }))?,
    };
    let Some(obj) = data.as_object() else {
        return Err(Error::bad_argument("data", "表单对象", "a form object"));
    };
    let limits = &plan.doc().forms.limits;
    if json_size(data, limits.max_bytes) > limits.max_bytes {
        return Err(Error::too_large("data", limits.max_bytes));
    }
    let mut out = Findings::new(plan, limits.max_findings);
    let mut ctx = Ctx { plan, out: &mut out, times: Times::default() };
    fields::check_members(&mut ctx, &spec.fields, false, obj, &mut String::new());
    rules::run(&mut ctx, spec, data, now);
    Ok(out.finish())
}

/// The size of `v` as JSON, roughly, counting no further than `budget` past the limit.
fn json_size(v: &Value, budget: usize) -> usize {
    let mut total = 0usize;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        total += match v {
            Value::Null | Value::Bool(_) => 5,
            Value::Number(_) => 12,
            Value::String(s) => s.len() + 2,
            Value::Array(a) => {
                stack.extend(a.iter());
                a.len() + 2
            }
            Value::Object(o) => {
                stack.extend(o.values());
                o.keys().map(|k| k.len() + 4).sum::<usize>() + 2
            }
        };
        if total > budget {
            break;
        }
    }
    total
}
