//! Times as the plan reads them: RFC 3339, or local (`2026-06-13T09:32`, what an HTML
//! `datetime-local` input gives) in the plan's time zone. The core never reads the clock: whatever
//! depends on "now" is handed it, through [`Clock`] or as a value.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// A point in time with the offset it was given in.
pub type Instant = DateTime<FixedOffset>;

/// Where "now" comes from: the browser's clock in the binding, a fixed time in tests.
pub trait Clock {
    fn now(&self) -> Instant;
}

/// A clock that always says the same time: for tests and for replaying a log.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub Instant);

impl Clock for FixedClock {
    fn now(&self) -> Instant {
        self.0
    }
}

/// Reads `+08:00`, `-05:30`, `Z` or `UTC`.
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s == "Z" || s.eq_ignore_ascii_case("utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Reads an RFC 3339 time, or a local one (seconds optional, `T` or a space between date and
/// time) in `tz`. Returns `None` for anything else; callers turn that into a located error.
pub fn parse_time(s: &str, tz: FixedOffset) -> Option<Instant> {
    let s = s.trim();
    if s.len() < 16 || s.len() > 40 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let normalized: String = s.replacen(' ', "T", 1);
    // RFC 3339 requires seconds; portals often send `2026-06-13T09:32+08:00`.
    if let Some(t) = with_offset_without_seconds(&normalized) {
        return Some(t);
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(&normalized, fmt) {
            return tz.from_local_datetime(&naive).single();
        }
    }
    None
}

fn with_offset_without_seconds(s: &str) -> Option<Instant> {
    // `get` rather than `split_at`: byte 16 may fall inside a multi-byte character.
    let (Some(head), Some(tail)) = (s.get(..16), s.get(16..)) else { return None };
    if tail.is_empty() {
        return None;
    }
    if !(tail.starts_with('+') || tail.starts_with('-') || tail == "Z") {
        return None;
    }
    DateTime::parse_from_rfc3339(&format!("{head}:00{tail}")).ok()
}

/// Writes a time as RFC 3339 with seconds and its offset: `2026-06-13T09:32:00+08:00`.
pub fn format_time(t: &Instant) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// Reads a calendar date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Reads a wall-clock time `HH:MM` (or `HH:MM:SS`).
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    match s.len() {
        5 => NaiveTime::parse_from_str(s, "%H:%M").ok(),
        8 => NaiveTime::parse_from_str(s, "%H:%M:%S").ok(),
        _ => None,
    }
}

/// Whole minutes from `a` to `b`, rounded down; negative when `b` is before `a`.
pub fn minutes_between(a: &Instant, b: &Instant) -> i64 {
    (*b - *a).num_seconds().div_euclid(60)
}

/// Seconds from `a` to `b`.
pub fn seconds_between(a: &Instant, b: &Instant) -> i64 {
    (*b - *a).num_seconds()
}

/// `t` plus `minutes` (fractions allowed); `None` if it would leave chrono's range.
pub fn add_minutes(t: &Instant, minutes: f64) -> Option<Instant> {
    if !minutes.is_finite() || minutes.abs() > 1.0e7 {
        return None;
    }
    let secs = (minutes * 60.0).round() as i64;
    t.checked_add_signed(chrono::Duration::seconds(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst() -> FixedOffset {
        parse_offset("+08:00").unwrap()
    }

    #[test]
    fn reads_local_times_in_the_plan_zone() {
        let t = parse_time("2026-06-13T09:32", cst()).unwrap();
        assert_eq!(format_time(&t), "2026-06-13T09:32:00+08:00");
        let t = parse_time("2026-06-13 09:32:15", cst()).unwrap();
        assert_eq!(format_time(&t), "2026-06-13T09:32:15+08:00");
    }

    #[test]
    fn reads_rfc3339_with_and_without_seconds() {
        let t = parse_time("2026-06-13T01:32:00Z", cst()).unwrap();
        assert_eq!(minutes_between(&t, &parse_time("2026-06-13T09:42", cst()).unwrap()), 10);
        assert!(parse_time("2026-06-13T09:32+08:00", cst()).is_some());
    }

    /// Fuzzing found it: a multi-byte character across byte 16 panicked in `split_at`.
    #[test]
    fn a_multibyte_character_at_byte_sixteen_is_not_a_time() {
        assert_eq!(parse_time("2026-06-13T1一千万亿个考场5:00", cst()), None);
        assert_eq!(parse_time("2026-06-13T09:3考+08:00", cst()), None);
        assert_eq!(parse_time("2026-06-13T09:30考", cst()), None);
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in ["", "09:32", "2026-13-01T09:00", "2026-06-13T25:00", "yesterday at nine", "2026-06-13T09:32:00+8"] {
            assert!(parse_time(bad, cst()).is_none(), "{bad}");
        }
        assert!(parse_time(&"9".repeat(10_000), cst()).is_none());
    }

    #[test]
    fn reads_offsets_dates_and_clock_times() {
        assert_eq!(parse_offset("+08:00").unwrap().local_minus_utc(), 8 * 3600);
        assert_eq!(parse_offset("-05:30").unwrap().local_minus_utc(), -(5 * 3600 + 1800));
        assert!(parse_offset("08:00").is_none());
        assert!(parse_offset("+24:00").is_none());
        assert!(parse_date("2026-06-13").is_some());
        assert!(parse_date("2026-6-13").is_none());
        assert!(parse_clock("09:30").is_some());
        assert!(parse_clock("9:30").is_none());
    }
}
