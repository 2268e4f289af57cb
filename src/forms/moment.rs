//! Times as the forms hold them: full times (RFC 3339 or local in the plan's zone) and clock
//! times (`HH:MM`, the record sheet). Comparing a full time with a clock time compares the full
//! time's wall clock in the plan's zone, which is what a proctor writing `09:40` means.

use std::cmp::Ordering;

use chrono::{FixedOffset, NaiveTime, Timelike};
use serde_json::Value;

use crate::time::{parse_clock, parse_time, Instant};

#[derive(Clone, Copy, Debug)]
pub enum Moment {
    At(Instant),
    Clock(NaiveTime),
}

/// Reads a full time or, failing that, a clock time.
pub fn moment(v: &Value, tz: FixedOffset) -> Option<Moment> {
    let s = v.as_str()?;
    if s.len() > 64 {
        return None;
    }
    instant(v, tz).map(Moment::At).or_else(|| parse_clock(s.trim()).map(Moment::Clock))
}

/// Reads a full time only.
pub fn instant(v: &Value, tz: FixedOffset) -> Option<Instant> {
    let s = v.as_str()?;
    if s.len() > 64 {
        return None;
    }
    parse_time(s, tz)
}

fn clock_of(t: &Instant, tz: FixedOffset) -> NaiveTime {
    let local = t.with_timezone(&tz);
    NaiveTime::from_hms_opt(local.hour(), local.minute(), local.second()).unwrap_or_default()
}

pub fn compare(a: Moment, b: Moment, tz: FixedOffset) -> Ordering {
    match (a, b) {
        (Moment::At(x), Moment::At(y)) => x.cmp(&y),
        (Moment::Clock(x), Moment::Clock(y)) => x.cmp(&y),
        (Moment::At(x), Moment::Clock(y)) => clock_of(&x, tz).cmp(&y),
        (Moment::Clock(x), Moment::At(y)) => x.cmp(&clock_of(&y, tz)),
    }
}
