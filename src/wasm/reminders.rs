//! Reminder subscriptions: a gloo-timers timeout per subscriber, armed for the next moment the
//! core says a step falls due (`Response::next_reminder`) and delivering what has come due
//! since (`Response::reminders_due`), each reminder once. Callbacks run with no borrow held.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;

use super::convert::to_js;
use super::response_api::{now_instant, Inner};
use crate::map::VecSet;

/// The longest single wait; a later deadline is reached by waiting again (setTimeout overflows
/// past 2^31 ms and would fire at once).
const MAX_WAIT_MS: i64 = 6 * 60 * 60 * 1000;
/// Fire a little after the deadline so that the step reads `overdue` when the callback asks.
const SLACK_MS: i64 = 250;

struct Sub {
    id: u32,
    callback: js_sys::Function,
    lead: f64,
    delivered: VecSet<String>,
    timer: Option<Timeout>,
}

#[derive(Default)]
pub struct Reminders {
    subs: RefCell<Vec<Sub>>,
    next_id: Cell<u32>,
}

impl Reminders {
    /// Adds a subscriber; what is already due is delivered on the next turn of the event loop.
    pub fn subscribe(inner: &Rc<Inner>, callback: js_sys::Function, lead: f64) -> u32 {
        let r = &inner.reminders;
        let id = r.next_id.get().wrapping_add(1);
        r.next_id.set(id);
        if let Ok(mut subs) = r.subs.try_borrow_mut() {
            subs.push(Sub { id, callback, lead, delivered: VecSet::new(), timer: None });
        }
        arm(inner, id, 0);
        id
    }

    /// Cancels a subscription; false if there was none with that id.
    pub fn unsubscribe(&self, id: u32) -> bool {
        let Ok(mut subs) = self.subs.try_borrow_mut() else { return false };
        let before = subs.len();
        subs.retain(|s| s.id != id);
        subs.len() != before
    }

    /// After any change of the response: look again at once.
    pub fn refresh(inner: &Rc<Inner>) {
        let ids: Vec<u32> = inner.reminders.subs.try_borrow().map(|s| s.iter().map(|s| s.id).collect()).unwrap_or_default();
        for id in ids {
            arm(inner, id, 0);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut subs) = self.subs.try_borrow_mut() {
            subs.clear();
        }
    }
}

fn arm(inner: &Rc<Inner>, id: u32, delay_ms: i64) {
    let weak: Weak<Inner> = Rc::downgrade(inner);
    let ms = u32::try_from(delay_ms.clamp(0, MAX_WAIT_MS)).unwrap_or(0);
    let timer = Timeout::new(ms, move || fire(&weak, id));
    if let Ok(mut subs) = inner.reminders.subs.try_borrow_mut() {
        if let Some(s) = subs.iter_mut().find(|s| s.id == id) {
            // Replacing the handle cancels the previous timeout.
            s.timer = Some(timer);
        }
    }
}

fn fire(weak: &Weak<Inner>, id: u32) {
    let Some(inner) = weak.upgrade() else { return };
    let Some(lead) = inner.reminders.subs.try_borrow().ok().and_then(|s| s.iter().find(|s| s.id == id).map(|s| s.lead)) else {
        return;
    };
    let Ok(core) = inner.core.try_borrow() else {
        arm(&inner, id, SLACK_MS);
        return;
    };
    let now = now_instant(core.plan().timezone());
    let due = core.reminders_due(now, lead);
    let next = core.next_reminder(now, lead).and_then(|r| crate::time::parse_time(&r.at, core.plan().timezone()));
    drop(core);
    let (callback, fresh) = {
        let Ok(mut subs) = inner.reminders.subs.try_borrow_mut() else { return };
        let Some(sub) = subs.iter_mut().find(|s| s.id == id) else { return };
        let fresh: Vec<_> = due.into_iter().filter(|r| sub.delivered.insert(format!("{}|{:?}|{}", r.step, r.kind, r.due_at))).collect();
        (sub.callback.clone(), fresh)
    };
    if let Some(next) = next {
        arm(&inner, id, (next - now).num_milliseconds() + SLACK_MS);
    }
    for r in fresh {
        if let Ok(v) = to_js(&r) {
            // A throwing callback must not stop the others; the reminder counts as delivered.
            let _ = callback.call1(&JsValue::NULL, &v);
        }
    }
}
