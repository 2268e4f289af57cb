//! Times as the forms hold them: full times (RFC 3339 or local in the plan's zone) and clock
//! times (`HH:MM`, the record sheet). Comparing a full time with a clock time compares the full
//! time's wall clock in the plan's zone, which is what a proctor writing `09:40` means.

use std::cmp::Ordering;

use chrono::{FixedOffset, NaiveTime, Timelike};
use serde_json::Value;

use crate::time::{parse_clock, parse_time, Instant};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_parse_time() {
        let tz = crate::time::parse_offset("+08:00").unwrap();
        for s in ["2026-06-13T09:32", "2026-06-13 09:32:15", "2026-02-30T09:00", "2026-06-13T24:00", "2026-06-13T09:3x", "2026-06-13T09:32:60"] {
            // Where the fast path answers it agrees; where it does not, parse_time decides.
            if let Some(f) = local_fast(s, tz) {
                assert_eq!(Some(f), parse_time(s, tz), "{s}");
            }
            assert_eq!(instant(&Value::from(s), tz), parse_time(s, tz), "{s}");
        }
    }
}

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
    local_fast(s, tz).or_else(|| parse_time(s, tz))
}

/// The common case, `YYYY-MM-DDTHH:MM[:SS]` without offset (an HTML `datetime-local`), read
/// by hand: chrono's format-string parser costs several µs a try, and a form has dozens.
/// Anything else goes to [`parse_time`], which accepts the same and more.
fn local_fast(s: &str, tz: FixedOffset) -> Option<Instant> {
    let b = s.as_bytes();
    if !(b.len() == 16 || b.len() == 19) || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b' ') || b[13] != b':' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
    };
    let sec = if b.len() == 19 {
        if b[16] != b':' {
            return None;
        }
        n(17..19)?
    } else {
        0
    };
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(n(0..4)?).ok()?, n(5..7)?, n(8..10)?)?;
    let time = NaiveTime::from_hms_opt(n(11..13)?, n(14..16)?, sec)?;
    use chrono::TimeZone;
    tz.from_local_datetime(&date.and_time(time)).single()
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
