//! The browser's clock: the one place the crate reads the current time. The core is handed it as
//! a [`Clock`] (or as `now` values made from it) wherever a caller left `now` out.

use chrono::FixedOffset;

use crate::time::{Clock, Instant};

/// `Date.now()`, in a plan's time zone.
pub struct BrowserClock(pub FixedOffset);

impl Clock for BrowserClock {
    fn now(&self) -> Instant {
        now_instant(self.0)
    }
}

/// The current time, read in the binding only, in the plan's zone.
pub fn now_instant(tz: FixedOffset) -> Instant {
    let ms = js_sys::Date::now();
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default().with_timezone(&tz)
}
