//! Cross-field rules: which rule runs where (`each`, `when`) and the time rules. The kind- and
//! count-related mechanisms are in `rules_kind.rs` and `rules_count.rs`. A rule whose inputs are
//! missing or malformed stays silent: the structural walk has already reported them at their
//! own paths, and one mistake should give one finding.

use chrono::TimeZone;
use serde_json::Value;

use super::fields::{self, Ctx};
use super::finding::{num, text};
use super::moment::{self, compare, Moment};
use super::pointer::{self, index, is_given, resolve};
use super::spec::{Check, Cond, FormSpec, Rule};
use crate::time::{parse_date, seconds_between, Instant};

/// One rule applied at one place: the data, `now`, and the item `base` of an `each` rule.
pub struct At<'r, 'd> {
    pub rule: &'r Rule,
    pub data: &'d Value,
    /// The value at `base`, so that relative paths do not walk to it again each time.
    pub item: &'d Value,
    /// `opts.now`, else the clock's time.
    pub now: Instant,
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
    pub fn push<'k, P: Into<super::finding::Param>>(&self, ctx: &mut Ctx, p: &str, params: impl IntoIterator<Item = (&'k str, P)>) {
        ctx.out.push(self.rule.level, &self.path(p), &self.rule.code, params);
    }
}

/// Runs every rule of the form.
pub fn run<'d>(ctx: &mut Ctx<'_, '_, 'd>, form: &FormSpec, data: &'d Value, now: Instant) {
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
                at.push(ctx, field, super::finding::NO_PARAMS);
            }
        }
        Check::Order { first, then, at: target, date } => {
            let (Some(a), Some(b)) = (at.value(first), at.value(then)) else { return };
            let (Some(ma), Some(mb)) = (moment(ctx, a, tz), moment(ctx, b, tz)) else { return };
            // On a known date a clock time is a moment of that day: a full time on another day
            // then compares as the moment it is, not by its time of day alone.
            let day = date.as_deref().and_then(|d| at.str(d)).and_then(parse_date);
            let on_day = |m: Moment| match (m, day) {
                (Moment::Clock(c), Some(d)) => tz.from_local_datetime(&d.and_time(c)).single().map_or(m, Moment::At),
                _ => m,
            };
            if compare(on_day(ma), on_day(mb), tz).is_gt() {
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
        Check::NotFuture { field, tolerance } => {
            let Some(t) = instant(ctx, at, field, tz) else { return };
            let secs = seconds_between(&at.now, &t);
            let allowed = tolerance.as_deref().and_then(|t| ctx.plan.threshold(t)).unwrap_or(0.0) * 60.0;
            if secs as f64 > allowed {
                at.push(ctx, field, [("minutes", num(ceil_minutes(secs)))]);
            }
        }
        Check::OnDate { field, date } => {
            let (Some(s), Some(d)) = (at.str(field), at.str(date)) else { return };
            let (Some(day), Some(Moment::At(t))) = (parse_date(d), ctx.times.moment(s, tz)) else { return };
            if t.with_timezone(&tz).date_naive() != day {
                at.push(ctx, field, [("value", text(s)), ("date", text(d))]);
            }
        }
        Check::SamePlan { field } => {
            let Some(given) = at.value(field).and_then(Value::as_object) else { return };
            let (Some(id), Some(version)) = (given.get("id").and_then(Value::as_str), given.get("version").and_then(Value::as_str)) else {
                return;
            };
            let doc = ctx.plan.doc();
            if id != doc.id || version != doc.version {
                let active = format!("{} {}", doc.id, doc.version);
                at.push(ctx, field, [("given", text(&format!("{id} {version}"))), ("active", text(&active))]);
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
                at.push(ctx, field, super::finding::NO_PARAMS);
            }
        }
        Check::Variant { selector, field, cases } => {
            let Some(case) = at.str(selector).and_then(|k| cases.get(k)) else { return };
            let mut path = at.path(field);
            let value = pointer::get(at.data, &path);
            if case.required && value.is_none_or(|v| !is_given(v)) {
                at.push(ctx, field, [("kind", super::finding::kind(at.str(selector).unwrap_or_default()))]);
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
