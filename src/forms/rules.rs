//! Cross-field rules: which rule runs where (`each`, `when`) and the time rules. The kind- and
//! count-related mechanisms are in `rules_kind.rs` and `rules_count.rs`. A rule whose inputs are
//! missing or malformed stays silent: the structural walk has already reported them at their
//! own paths, and one mistake should give one finding.

use serde_json::Value;

use super::fields::{self, Ctx};
use super::finding::{num, text};
use super::moment::{self, compare};
use super::pointer::{self, index, is_given, resolve};
use super::spec::{Check, Cond, FormSpec, Rule};
use crate::time::{seconds_between, Instant};

/// One rule applied at one place: the data, `now`, and the item `base` of an `each` rule.
pub struct At<'r, 'd> {
    pub rule: &'r Rule,
    pub data: &'d Value,
    /// The value at `base`, so that relative paths do not walk to it again each time.
    pub item: &'d Value,
    pub now: Option<Instant>,
    pub base: String,
}

impl<'d> At<'_, 'd> {
    pub fn path(&self, p: &str) -> String {
        resolve(&self.base, p)
    }
    pub fn value(&self, p: &str) -> Option<&'d Value> {
        pointer::get_from(self.data, self.item, p).filter(|v| is_given(v))
    }
    pub fn str(&self, p: &str) -> Option<&'d str> {
        self.value(p).and_then(Value::as_str)
    }
    pub fn number(&self, p: &str) -> Option<f64> {
        self.value(p).and_then(Value::as_f64).filter(|n| n.is_finite())
    }
    pub fn push<'k>(&self, ctx: &mut Ctx, p: &str, params: impl IntoIterator<Item = (&'k str, Value)>) {
        ctx.out.push(self.rule.level, &self.path(p), &self.rule.code, params);
    }
}

/// Runs every rule of the form.
pub fn run<'d>(ctx: &mut Ctx<'_, '_, 'd>, form: &FormSpec, data: &'d Value, now: Option<Instant>) {
    for rule in &form.rules {
        // Copied per rule, and only for a form with errors: a `variant` rule adds to them.
        let failed = ctx.out.failed().to_vec();
        let items: &'d [Value] = match &rule.each {
            None => std::slice::from_ref(data),
            Some(each) => pointer::get(data, each).and_then(Value::as_array).map_or(&[], Vec::as_slice),
        };
        let limit = if rule.each.is_some() { ctx.spec().limits.max_items } else { 1 };
        for (i, item) in items.iter().take(limit).enumerate() {
            if ctx.out.full() {
                return;
            }
            let base = rule.each.as_deref().map_or_else(String::new, |each| index(each, i));
            // A rule reading a value its field refused stays silent: one mistake, one finding.
            if !failed.is_empty() && inputs(rule).any(|p| failed.contains(&resolve(&base, p))) {
                continue;
            }
            let at = At { rule, data, item, now, base };
            if rule.when.as_ref().is_none_or(|c| holds(&at, c)) {
                apply(ctx, &at);
            }
        }
    }
}

/// The paths a rule reads: its check's and its condition's.
fn inputs(rule: &Rule) -> impl Iterator<Item = &str> {
    super::check::paths(&rule.check).into_iter().chain(rule.when.as_ref().map(|c| c.path.as_str()))
}

fn holds(at: &At, c: &Cond) -> bool {
    match (at.value(&c.path), &c.is) {
        (None, _) => false,
        (Some(v), None) => !v.as_array().is_some_and(Vec::is_empty),
        (Some(v), Some(want)) => v == want,
    }
}

fn apply<'d>(ctx: &mut Ctx<'_, '_, 'd>, at: &At<'_, 'd>) {
    let tz = ctx.plan.timezone();
    match &at.rule.check {
        Check::Required { field } => {
            let empty = at.value(field).is_none_or(|v| v.as_array().is_some_and(Vec::is_empty));
            if empty {
                at.push(ctx, field, []);
            }
        }
        Check::Order { first, then, at: target } => {
            let (Some(a), Some(b)) = (at.value(first), at.value(then)) else { return };
            let (Some(ma), Some(mb)) = (moment(ctx, a, tz), moment(ctx, b, tz)) else { return };
            if compare(ma, mb, tz).is_gt() {
                let s = |v: &Value| text(v.as_str().unwrap_or_default());
                at.push(ctx, target, [("first", s(a)), ("then", s(b))]);
            }
        }
        Check::Within { from, to, threshold } => {
            let (Some(a), Some(b)) = (instant(ctx, at, from, tz), instant(ctx, at, to, tz)) else { return };
            let Some(limit) = ctx.plan.threshold(threshold) else { return };
            let secs = seconds_between(&a, &b);
            if secs as f64 > limit * 60.0 {
                at.push(ctx, to, [("minutes", num(ceil_minutes(secs))), ("limit", num(limit))]);
            }
        }
        Check::NotLonger { field, from, to } => {
            let Some(value) = at.number(field) else { return };
            let (Some(a), Some(b)) = (instant(ctx, at, from, tz), instant(ctx, at, to, tz)) else { return };
            let length = seconds_between(&a, &b) as f64 / 60.0;
            if length >= 0.0 && value > length {
                at.push(ctx, field, [("value", num(value)), ("length", num(length))]);
            }
        }
        Check::NotFuture { field } => {
            let (Some(now), Some(t)) = (at.now, instant(ctx, at, field, tz)) else { return };
            let secs = seconds_between(&now, &t);
            if secs > 0 {
                at.push(ctx, field, [("minutes", num(ceil_minutes(secs)))]);
            }
        }
        Check::Same { field, other } => {
            let (Some(a), Some(b)) = (at.value(field), at.value(other)) else { return };
            if a != b {
                let s = |v: &Value| text(v.as_str().map_or_else(|| crate::json::to_string(v), str::to_string).as_str());
                at.push(ctx, field, [("value", s(a)), ("expected", s(b))]);
            }
        }
        Check::ExpectTrue { field } => {
            if at.value(field) == Some(&Value::Bool(false)) {
                at.push(ctx, field, []);
            }
        }
        Check::Variant { selector, field, cases } => {
            let Some(case) = at.str(selector).and_then(|k| cases.get(k)) else { return };
            let mut path = at.path(field);
            let value = pointer::get(at.data, &path);
            if case.required && value.is_none_or(|v| !is_given(v)) {
                at.push(ctx, field, [("kind", text(at.str(selector).unwrap_or_default()))]);
            } else {
                fields::check(ctx, case, value, &mut path);
            }
        }
        Check::KindSeverity { .. }
        | Check::Chain { .. }
        | Check::Escalation { .. }
        | Check::KindApprovals { .. }
        | Check::ApprovalsRecorded { .. }
        | Check::Approver { .. } => {
            super::rules_kind::apply(ctx, at);
        }
        Check::Sum { .. } | Check::CountOf { .. } | Check::Ascending { .. } => super::rules_count::apply(ctx, at),
    }
}

/// The full time at `p`, read once per validation (see `moment::Times`).
pub fn instant<'d>(ctx: &mut Ctx<'_, '_, 'd>, at: &At<'_, 'd>, p: &str, tz: chrono::FixedOffset) -> Option<Instant> {
    at.str(p).and_then(|s| ctx.times.instant(s, tz))
}

fn moment<'d>(ctx: &mut Ctx<'_, '_, 'd>, v: &'d Value, tz: chrono::FixedOffset) -> Option<moment::Moment> {
    v.as_str().and_then(|s| ctx.times.moment(s, tz))
}

/// Whole minutes, counting a started minute: 10 min 30 s late reads "11 minutes", not "10".
pub fn ceil_minutes(secs: i64) -> f64 {
    (secs as f64 / 60.0).ceil()
}
