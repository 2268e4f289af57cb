//! Times as the forms hold them: full times (RFC 3339 or local in the plan's zone) and clock
//! times (`HH:MM`, the record sheet). Comparing a full time with a clock time compares the full
//! time's wall clock in the plan's zone, which is what a proctor writing `09:40` means.

use std::cmp::Ordering;

use chrono::{FixedOffset, NaiveTime, Timelike};

use crate::time::{parse_clock, parse_time, Instant};

#[derive(Clone, Copy, Debug)]
pub enum Moment {
    At(Instant),
    Clock(NaiveTime),
}

/// Reads a full time only.
pub fn instant_str(s: &str, tz: FixedOffset) -> Option<Instant> {
    if s.len() > 64 {
        return None;
    }
    parse_time(s, tz)
}

/// Times read during one validation, by the place of their text in the data: a time field is
/// read by the walk and again by every rule that names it, and parsing dominated the rules.
/// Holding `&'d str` ties each entry to the data, so an address cannot be reused meanwhile.
#[derive(Default)]
pub struct Times<'d> {
    read: Vec<(&'d str, Option<Instant>)>,
}

/// Distinct time texts remembered; a form has a dozen or two, a huge one stays bounded.
const REMEMBERED: usize = 64;

impl<'d> Times<'d> {
    /// As [`instant_str`].
    pub fn instant(&mut self, s: &'d str, tz: FixedOffset) -> Option<Instant> {
        if let Some((_, t)) = self.read.iter().find(|(r, _)| std::ptr::eq(*r, s)) {
            return *t;
        }
        let t = instant_str(s, tz);
        if self.read.len() < REMEMBERED {
            self.read.push((s, t));
        }
        t
    }

    /// A full time or, failing that, a clock time.
    pub fn moment(&mut self, s: &'d str, tz: FixedOffset) -> Option<Moment> {
        if s.len() > 64 {
            return None;
        }
        self.instant(s, tz).map(Moment::At).or_else(|| parse_clock(s.trim()).map(Moment::Clock))
    }
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
