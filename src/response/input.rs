//! Checks on what callers hand in: times, people, free text, ids. Limits keep one response
//! within what browser storage holds; they are mechanism, not plan content.

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::plan::Plan;
use crate::time::{format_time, in_range, parse_time, seconds_between, Clock, Instant};

use super::model::Person;

pub const MAX_NAME: usize = 100;
pub const MAX_NOTE: usize = 2000;
pub const MAX_ID: usize = 200;
pub const MAX_PLACE: usize = 200;
pub const MAX_PEOPLE: usize = 100;
pub const MAX_DETAILS_BYTES: usize = 16 * 1024;
/// Entries one response may hold (a busy incident has a few dozen).
pub const MAX_LOG: usize = 5000;
/// The largest saved response accepted by `fromJSON`, in bytes of JSON.
pub const MAX_SAVED_BYTES: usize = 4 * 1024 * 1024;

/// A time in the plan's zone, written back in that zone; refused when so near year 0001 or
/// 9999 that a deadline made from it would fall outside (`time::in_range`).
pub fn time(plan: &Plan, field: &str, s: &str) -> Result<Instant> {
    let tz = plan.timezone();
    parse_time(s, tz)
        .filter(in_range)
        .map(|t| t.with_timezone(&tz))
        .ok_or_else(|| Error::new(ErrorKind::BadTime { field: field.to_string(), value: s.to_string() }))
}

/// As [`time`], and refused (`future_time`) when later than `clock`'s now by more than the
/// threshold the plan's `log.future_tolerance` names (none named: no time ahead of now): one
/// entry typed hours ahead (19:38 for 09:38) would put every later real entry out of order. For
/// times handed in now only; a saved log is judged by its chain, and the clock it was made by may
/// have differed from this one.
pub fn past_time(plan: &Plan, field: &str, s: &str, clock: &dyn Clock) -> Result<Instant> {
    let t = time(plan, field, s)?;
    let now = clock.now().with_timezone(&plan.timezone());
    let tolerance = plan.doc().log.future_tolerance.as_deref().and_then(|t| plan.threshold(t)).unwrap_or(0.0);
    if seconds_between(&now, &t) as f64 > tolerance * 60.0 {
        return Err(Error::new(ErrorKind::FutureTime {
            field: field.to_string(),
            value: s.to_string(),
            now: format_time(&now),
            tolerance,
        }));
    }
    Ok(t)
}

pub fn person(plan: &Plan, field: &str, p: &Person) -> Result<()> {
    text(&format!("{field}.name"), &p.name, MAX_NAME)?;
    if p.name.trim().is_empty() {
        return Err(Error::bad_argument(format!("{field}.name"), "姓名", "a name"));
    }
    if plan.role(&p.role).is_none() {
        return Err(Error::bad_argument(format!("{field}.role"), "预案中的角色标识", "a role id of the plan"));
    }
    Ok(())
}

pub fn opt_person(plan: &Plan, field: &str, p: Option<&Person>) -> Result<()> {
    p.map_or(Ok(()), |p| person(plan, field, p))
}

pub fn text(field: &str, s: &str, max: usize) -> Result<()> {
    if s.chars().count() > max {
        return Err(Error::too_large(field, max));
    }
    Ok(())
}

pub fn opt_text(field: &str, s: Option<&str>, max: usize) -> Result<()> {
    s.map_or(Ok(()), |s| text(field, s, max))
}

/// A response id doubles as a storage key: letters, digits, `-`, `_`, `.`, at most 64.
pub fn response_id(id: &str) -> Result<()> {
    let ok = !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::bad_argument("id", "1–64 个字母、数字或 '-'、'_'、'.'", "1–64 letters, digits, '-', '_' or '.'"))
    }
}

/// Kind-specific details: a small JSON object. Whole floats become integers so that the value
/// survives a trip through JavaScript unchanged (its hash depends on that).
pub fn details(d: Option<Map<String, Value>>) -> Result<Option<Map<String, Value>>> {
    let Some(d) = d else { return Ok(None) };
    let size = crate::json::to_string(&d).len();
    if size > MAX_DETAILS_BYTES {
        return Err(Error::too_large("details", MAX_DETAILS_BYTES));
    }
    let mut d = d;
    d.values_mut().for_each(normalise);
    Ok(Some(d))
}

// In place: collecting into a map would sort its entries again (and bring a sort into the wasm).
fn normalise(v: &mut Value) {
    match v {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15 => *v = Value::from(f as i64),
            _ => {}
        },
        Value::Array(a) => a.iter_mut().for_each(normalise),
        Value::Object(o) => o.values_mut().for_each(normalise),
        _ => {}
    }
}
