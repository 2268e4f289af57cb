//! Cross-field rules: which rule runs where (`each`, `when`) and the time rules. The kind- and
//! count-related mechanisms are in `rules_kind.rs` and `rules_count.rs`. A rule whose inputs are
//! missing or malformed stays silent: the structural walk has already reported them at their
//! own paths, and one mistake should give one finding.

use serde_json::Value;

use super::fields::{self, Ctx};
use super::finding::{num, text};
use super::moment::{self, compare};
use super::pointer::{self, given, index, resolve};
use super::spec::{Check, Cond, FormSpec, Rule};
use crate::time::{seconds_between, Instant};

/// One rule applied at one place: the data, `now`, and the item `base` of an `each` rule.
pub struct At<'r, 'd> {
    pub rule: &'r Rule,
    pub data: &'d Value,
    pub now: Option<Instant>,
    pub base: String,
}

impl<'d> At<'_, 'd> {
    pub fn path(&self, p: &str) -> String {
        resolve(&self.base, p)
    }
    pub fn value(&self, p: &str) -> Option<&'d Value> {
        given(self.data, &self.path(p))
    }
    pub fn str(&self, p: &str) -> Option<&'d str> {
        self.value(p).and_then(Value::as_str)
    }
    pub fn number(&self, p: &str) -> Option<f64> {
        self.value(p).and_then(Value::as_f64).filter(|n| n.is_finite())
    }
    pub fn push(&self, ctx: &mut Ctx, p: &str, params: Vec<(&str, Value)>) {
        ctx.out.push(self.rule.level, &self.path(p), &self.rule.code, params);
    }
}

/// Runs every rule of the form.
pub fn run(ctx: &mut Ctx, form: &FormSpec, data: &Value, now: Option<Instant>) {
    for rule in &form.rules {
        let bases: Vec<String> = match &rule.each {
            None => vec![String::new()],
            Some(each) => {
                let n = pointer::get(data, each).and_then(Value::as_array).map_or(0, Vec::len);
                (0..n.min(ctx.spec().limits.max_items)).map(|i| index(each, i)).collect()
            }
        };
        for base in bases {
            if ctx.out.full() {
                return;
            }
            let at = At { rule, data, now, base };
            if rule.when.as_ref().is_none_or(|c| holds(&at, c)) {
                apply(ctx, &at);
            }
        }
    }
}

fn holds(at: &At, c: &Cond) -> bool {
    match (at.value(&c.path), &c.is) {
        (None, _) => false,
        (Some(v), None) => !v.as_array().is_some_and(Vec::is_empty),
        (Some(v), Some(want)) => v == want,
    }
}

fn apply(ctx: &mut Ctx, at: &At) {
    let tz = ctx.plan.timezone();
    match &at.rule.check {
        Check::Required { field } => {
            let empty = at.value(field).is_none_or(|v| v.as_array().is_some_and(Vec::is_empty));
            if empty {
                at.push(ctx, field, vec![]);
            }
        }
        Check::Order { first, then, at: target } => {
            let (Some(a), Some(b)) = (at.value(first), at.value(then)) else { return };
            let (Some(ma), Some(mb)) = (moment::moment(a, tz), moment::moment(b, tz)) else { return };
            if compare(ma, mb, tz).is_gt() {
                let s = |v: &Value| text(v.as_str().unwrap_or_default());
                at.push(ctx, target, vec![("first", s(a)), ("then", s(b))]);
            }
        }
        Check::Within { from, to, threshold } => {
            let (Some(a), Some(b)) = (instant(at, from, tz), instant(at, to, tz)) else { return };
            let Some(limit) = ctx.plan.threshold(threshold) else { return };
            let secs = seconds_between(&a, &b);
            if secs as f64 > limit * 60.0 {
                at.push(ctx, to, vec![("minutes", num(ceil_minutes(secs))), ("limit", num(limit))]);
            }
        }
        Check::NotLonger { field, from, to } => {
            let Some(value) = at.number(field) else { return };
            let (Some(a), Some(b)) = (instant(at, from, tz), instant(at, to, tz)) else { return };
            let length = seconds_between(&a, &b) as f64 / 60.0;
            if length >= 0.0 && value > length {
                at.push(ctx, field, vec![("value", num(value)), ("length", num(length))]);
            }
        }
        Check::NotFuture { field } => {
            let (Some(now), Some(t)) = (at.now, instant(at, field, tz)) else { return };
            let secs = seconds_between(&now, &t);
            if secs > 0 {
                at.push(ctx, field, vec![("minutes", num(ceil_minutes(secs)))]);
            }
        }
        Check::Same { field, other } => {
            let (Some(a), Some(b)) = (at.value(field), at.value(other)) else { return };
            if a != b {
                let s = |v: &Value| text(v.as_str().map_or_else(|| v.to_string(), str::to_string).as_str());
                at.push(ctx, field, vec![("value", s(a)), ("expected", s(b))]);
            }
        }
        Check::ExpectTrue { field } => {
            if at.value(field) == Some(&Value::Bool(false)) {
                at.push(ctx, field, vec![]);
            }
        }
        Check::Variant { selector, field, cases } => {
            let Some(case) = at.str(selector).and_then(|k| cases.get(k)) else { return };
            let path = at.path(field);
            let value = pointer::get(at.data, &path);
            if case.required && value.is_none_or(|v| !pointer::is_given(v)) {
                at.push(ctx, field, vec![("kind", text(at.str(selector).unwrap_or_default()))]);
            } else {
                fields::check(ctx, case, value, &path);
            }
        }
        Check::KindSeverity { .. } | Check::Chain { .. } | Check::Escalation { .. } | Check::KindApprovals { .. } => {
            super::rules_kind::apply(ctx, at);
        }
        Check::Sum { .. } | Check::CountOf { .. } | Check::Ascending { .. } => super::rules_count::apply(ctx, at),
    }
}

pub fn instant(at: &At, p: &str, tz: chrono::FixedOffset) -> Option<Instant> {
    at.value(p).and_then(|v| moment::instant(v, tz))
}

/// Whole minutes, counting a started minute: 10 min 30 s late reads "11 minutes", not "10".
pub fn ceil_minutes(secs: i64) -> f64 {
    (secs as f64 / 60.0).ceil()
}
