//! Times as the plan reads them: RFC 3339, or local (`2026-06-13T09:32`, what an HTML
//! `datetime-local` input gives) in the plan's time zone. The core never reads the clock: whatever
//! depends on "now" is handed it, through [`Clock`] or as a value.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};

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
///
/// Read by hand rather than through chrono's format strings: a form holds dozens of times, and
/// the format-string machinery costs microseconds a call and tens of kilobytes of wasm.
pub fn parse_time(s: &str, tz: FixedOffset) -> Option<Instant> {
    let b = s.trim().as_bytes();
    if b.len() < 16 || b.len() > 40 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return None;
    }
    let date = parse_date_bytes(&b[..10])?;
    let (hour, minute) = (digits(&b[11..13])?, digits(&b[14..16])?);
    let mut rest = &b[16..];
    let mut second = 0;
    let mut nanos = 0;
    if let [b':', s1, s2, tail @ ..] = rest {
        second = digits(&[*s1, *s2])?;
        rest = tail;
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 || n > 9 {
                return None;
            }
            let frac = digits(&tail[..n])?;
            nanos = frac * 10u32.pow(9 - n as u32);
            rest = &tail[n..];
        }
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = date.and_time(time);
    match rest {
        [] => tz.from_local_datetime(&local).single(),
        [b'Z' | b'z'] => Some(FixedOffset::east_opt(0)?.from_utc_datetime(&local)),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i32::try_from(h * 3600 + m * 60).ok()?;
            let offset = FixedOffset::east_opt(if *sign == b'-' { -secs } else { secs })?;
            offset.from_local_datetime(&local).single()
        }
        _ => None,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() {
        return None;
    }
    b.iter().try_fold(0u32, |acc, d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
}

fn parse_date_bytes(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(digits(&b[..4])?).ok()?, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// Writes a time as RFC 3339 with seconds and its offset: `2026-06-13T09:32:00+08:00`.
pub fn format_time(t: &Instant) -> String {
    let off = t.offset().local_minus_utc();
    let (sign, off) = if off < 0 { ('-', -off) } else { ('+', off) };
    format!("{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}", format_date(t), t.hour(), t.minute(), t.second(), off / 3600, off % 3600 / 60)
}

/// The calendar date of `t` where it was given: `2026-06-13`.
pub fn format_date(t: &Instant) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

/// The wall-clock time of `t` where it was given: `09:32`.
pub fn format_clock(t: &Instant) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Reads a calendar date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    parse_date_bytes(s.as_bytes())
}

/// Reads a wall-clock time `HH:MM` (or `HH:MM:SS`).
pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    match b {
        [h1, h2, b':', m1, m2] => NaiveTime::from_hms_opt(digits(&[*h1, *h2])?, digits(&[*m1, *m2])?, 0),
        [h1, h2, b':', m1, m2, b':', s1, s2] => NaiveTime::from_hms_opt(digits(&[*h1, *h2])?, digits(&[*m1, *m2])?, digits(&[*s1, *s2])?),
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

/// The largest shift `add_minutes` makes (about 19 years): the margin kept between an accepted
/// input time and the ends of the years that RFC 3339 writes (0001–9999).
pub const MAX_SHIFT_MINUTES: f64 = 1.0e7;

/// True when `t` is far enough inside years 0001–9999 that any deadline or reminder made from it
/// (at most [`MAX_SHIFT_MINUTES`] away) is still a time the component writes and reads back.
/// Input times outside are refused (`bad_time`) rather than giving a deadline in year 10000.
pub fn in_range(t: &Instant) -> bool {
    let margin = chrono::Duration::minutes(MAX_SHIFT_MINUTES as i64 + 24 * 60);
    let utc = t.naive_utc();
    let first = NaiveDate::from_ymd_opt(1, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 59));
    match (first.and_then(|f| f.checked_add_signed(margin)), last.and_then(|l| l.checked_sub_signed(margin))) {
        (Some(lo), Some(hi)) => utc >= lo && utc <= hi,
        _ => false,
    }
}

/// `t` plus `minutes` (fractions allowed); `None` if it would leave chrono's range.
pub fn add_minutes(t: &Instant, minutes: f64) -> Option<Instant> {
    if !minutes.is_finite() || minutes.abs() > MAX_SHIFT_MINUTES {
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
        let t = parse_time("2026-06-13T09:32:15.250-05:30", cst()).unwrap();
        assert_eq!(format_time(&t), "2026-06-13T09:32:15-05:30");
        assert_eq!(format_date(&t), "2026-06-13");
        assert_eq!(format_clock(&t), "09:32");
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
        for bad in [
            "",
            "09:32",
            "2026-13-01T09:00",
            "2026-06-13T25:00",
            "yesterday at nine",
            "2026-06-13T09:32:00+8",
            "2026-02-30T09:00",
            "2026-06-13T09:3x",
            "2026-06-13T09:32:60",
            "2026-06-13T09:32:00.+08:00",
            "2026-06-13T09:32:00+08:00x",
            "２０２６-06-13T09:32",
        ] {
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
