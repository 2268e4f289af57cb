//! The response engine: one incident worked through the plan, step by step. It says what comes
//! next, who does it, by when and with whose consent, and keeps a hash-chained log of every
//! action (阶段性报告). All state is derived from the log; the clock is always handed in: every
//! action is given a [`Clock`], and a time later than its now (beyond the plan's
//! `future_tolerance_minutes`, the threshold its `log.future_tolerance` names) is refused with
//! `future_time`. Replaying a saved log asks no clock.
//!
//! # Example
//! ```
//! use std::rc::Rc;
//! use exam_incident::plan::default_plan;
//! use exam_incident::response::{Act, Init, Response, Status};
//! use exam_incident::time::{parse_time, FixedClock};
//!
//! let plan = Rc::new(default_plan().unwrap());
//! let clock = FixedClock(parse_time("2026-06-13T09:45", plan.timezone()).unwrap());
//! let init = Init { kind: "power_or_equipment_failure".into(), discovered_at: "2026-06-13T09:32".into(), ..Init::default() };
//! let mut r = Response::open(plan, init, &clock).unwrap();
//! let first = &r.steps("2026-06-13T09:45").unwrap()[0];
//! assert_eq!((first.id.as_str(), first.status), ("initial_report", Status::Overdue));
//! r.complete("initial_report", Act::at("2026-06-13T09:40").by("王老师", "site_staff"), &clock).unwrap();
//! assert!(r.verify_log());
//! // 19:38 typed for 09:38: hours ahead of the clock, refused, and nothing is logged.
//! let e = r.note(Act::at("2026-06-13T19:38").note("现场秩序正常"), &clock).unwrap_err();
//! assert_eq!(e.code(), "future_time");
//! assert_eq!(r.log().len(), 2);
//! ```

mod canonical;
mod chain;
mod check;
mod draft;
mod flow;
mod input;
pub mod model;
mod phone;
mod saved;
mod state;
mod status;
pub mod store;

use std::rc::Rc;

use crate::error::{Error, ErrorKind, Result};
use crate::plan::{KindFlow, Plan};
use crate::text::Text;
use crate::time::{format_time, Clock, Instant};

pub use chain::{entry_hash, verify_chain, GENESIS};
pub use input::{MAX_LOG, MAX_SAVED_BYTES};
pub use model::*;
pub use saved::{Saved, SavedResponse, SAVED_FORMAT, SAVED_VERSION};
use state::State;

/// Who did something, when, with whose consent and why: the common arguments of every action.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Act {
    pub at: String,
    pub by: Option<Person>,
    pub approved_by: Option<Person>,
    pub note: Option<String>,
}

impl Act {
    pub fn at(at: impl Into<String>) -> Act {
        Act { at: at.into(), ..Act::default() }
    }
    pub fn by(mut self, name: impl Into<String>, role: impl Into<String>) -> Act {
        self.by = Some(Person::new(name, role));
        self
    }
    pub fn approved_by(mut self, name: impl Into<String>, role: impl Into<String>) -> Act {
        self.approved_by = Some(Person::new(name, role));
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Act {
        self.note = Some(note.into());
        self
    }
}

/// One incident being handled.
#[derive(Clone, Debug)]
pub struct Response {
    plan: Rc<Plan>,
    log: Vec<LogEntry>,
    state: State,
    /// Bytes of the saved form (`to_json`), kept so that no entry makes it unreadable.
    saved_bytes: usize,
    /// Leading entries already found to fit the chain: the log only grows, so `verify_log`
    /// hashes only what was appended since (a console re-renders with it every 30 seconds).
    verified: std::cell::Cell<usize>,
}

impl Response {
    /// Opens a response for a classified incident. The first log entry records the plan id and
    /// version, the kind and what else `init` says; anchors given in `init` follow as entries.
    ///
    /// The discovery and the anchors are times that have happened: later than `clock`'s now
    /// (beyond the plan's tolerance) is refused.
    ///
    /// # Errors
    /// `unknown_kind`, `bad_time`, `future_time`, `bad_argument` (people, anchors, id), `too_large`.
    pub fn open(plan: Rc<Plan>, init: Init, clock: &dyn Clock) -> Result<Response> {
        plan.kind_or_err(&init.kind)?;
        let discovered = input::past_time(&plan, "discoveredAt", &init.discovered_at, clock)?;
        input::opt_text("site", init.site.as_deref(), input::MAX_PLACE)?;
        input::opt_text("room", init.room.as_deref(), input::MAX_PLACE)?;
        input::opt_text("note", init.note.as_deref(), input::MAX_NOTE)?;
        if init.people.len() > input::MAX_PEOPLE {
            return Err(Error::too_large("people", input::MAX_PEOPLE));
        }
        for (i, p) in init.people.iter().enumerate() {
            input::person(&plan, &format!("people[{i}]"), p)?;
        }
        input::opt_person(&plan, "by", init.by.as_ref())?;
        if let Some(exam) = &init.exam {
            for (f, v) in [("occupation", &exam.occupation), ("level", &exam.level), ("subject", &exam.subject), ("session", &exam.session)]
            {
                input::opt_text(&format!("exam.{f}"), v.as_deref(), input::MAX_PLACE)?;
            }
        }
        if let Some(id) = &init.id {
            input::response_id(id)?;
        }
        let mut anchors = Vec::new();
        for (id, at) in &init.anchors {
            anchors.push((id.clone(), input::past_time(&plan, &format!("anchors.{}", crate::error::clip_to(id, 40)), at, clock)?));
        }
        let doc = plan.doc();
        let open = OpenInfo {
            id: init.id.clone().unwrap_or_default(),
            plan: PlanRef { id: doc.id.clone(), version: doc.version.clone() },
            kind: init.kind.clone(),
            site: init.site.clone(),
            room: init.room.clone(),
            people: init.people.clone(),
            exam: init.exam.clone(),
            details: input::details(init.details.clone())?,
        };
        let mut first = entry(Action::Open, &discovered, init.by.clone(), None, init.note.clone());
        first.open = Some(open);
        if let Some(n) = &init.nonce {
            input::text("nonce", n, input::MAX_PLACE)?;
        }
        if init.id.is_none() {
            // The opening entry alone would give two starts of the same incident the same id
            // (and the second would overwrite the first): the nonce tells them apart.
            let hash = chain::seal(&[], first.clone()).hash;
            let made = match init.nonce.as_deref() {
                Some(nonce) => chain::made_id(&hash, nonce),
                None => format!("r-{}", &hash[..16]),
            };
            if let Some(o) = first.open.as_mut() {
                o.id = made;
            }
        }
        let first = chain::seal(&[], first);
        let open = first.open.clone().unwrap_or_else(unreachable_open);
        let mut r =
            Response { plan, log: vec![first], state: State::new(open, discovered), saved_bytes: 0, verified: std::cell::Cell::new(0) };
        r.saved_bytes = r.to_json().len();
        for (id, at) in anchors {
            let mut e = entry(Action::SetAnchor, &at, init.by.clone(), None, None);
            e.anchor = Some(id);
            r.commit(e)?;
        }
        Ok(r)
    }

    pub fn id(&self) -> &str {
        &self.state.open.id
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan, shared.
    pub fn plan_rc(&self) -> Rc<Plan> {
        self.plan.clone()
    }

    /// The current kind (after any reclassification).
    pub fn kind(&self) -> &str {
        &self.state.kind
    }

    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// What the response was opened with.
    pub fn opened(&self) -> &OpenInfo {
        &self.state.open
    }

    pub fn discovered_at(&self) -> String {
        format_time(&self.state.discovered)
    }

    /// True when every entry's hash fits the chain. This catches accidental damage and edits
    /// made without recomputing hashes; the chain has no secret, so whoever can edit storage can
    /// also recompute it. [`Response::verify_anchor`] checks against a head recorded elsewhere.
    pub fn verify_log(&self) -> bool {
        let from = self.verified.get().min(self.log.len());
        let ok = chain::verify_from(&self.log, from).is_ok();
        if ok {
            self.verified.set(self.log.len());
        }
        ok
    }

    /// True when the chain holds and the log still has, after `anchor.count` entries, the head
    /// recorded then (full hash, or its check code: at least 8 hex digits, `-` and case
    /// ignored). Catches truncation below the anchor and any rewriting before it, even with
    /// recomputed hashes — but only as far as the anchor was kept out of the attacker's reach.
    pub fn verify_anchor(&self, anchor: &LogAnchor) -> bool {
        let want: String = anchor.head.chars().filter(|c| *c != '-' && !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        let long_enough = want.len() >= 8 && want.len() <= 64 && want.bytes().all(|b| b.is_ascii_hexdigit());
        self.verify_log() && long_enough && anchor.count >= 1 && self.log.get(anchor.count - 1).is_some_and(|e| e.hash.starts_with(&want))
    }

    /// Hash of the last entry (the log's head).
    pub fn head(&self) -> &str {
        self.log.last().map_or(GENESIS, |e| e.hash.as_str())
    }

    /// The head and entry count now, with the short check code to write on a paper record.
    pub fn anchor(&self) -> LogSeal {
        LogSeal { head: self.head().to_string(), count: self.log.len(), check_code: chain::check_code(self.head()) }
    }

    /// Appends again, through the same checks as new entries, entries made on another copy of
    /// this response; those that no longer fit are reported, not appended.
    pub fn rebase(&mut self, entries: &[LogEntry]) -> Rebased {
        let mut out = Rebased::default();
        for e in entries {
            let result = if e.action == Action::Open {
                Err(Error::new(ErrorKind::BadState("a second opening entry".into())))
            } else {
                let mut n = LogEntry {
                    at: e.at.clone(),
                    ..entry(e.action, &self.state.discovered, e.by.clone(), e.approved_by.clone(), e.note.clone())
                };
                n.step = e.step.clone();
                n.option = e.option.clone();
                n.kind = e.kind.clone();
                n.anchor = e.anchor.clone();
                self.commit(n)
            };
            match result {
                Ok(_) => out.reapplied += 1,
                Err(err) => out.dropped.push(Dropped {
                    action: e.action,
                    at: e.at.clone(),
                    step: e.step.clone(),
                    code: err.code().to_string(),
                    message: err.message(),
                }),
            }
        }
        out
    }

    /// Appends entries saved elsewhere after this log's last one (`store::newer_entries`): each
    /// must fit the chain and pass the same checks as when it was made. Stops at the first that
    /// does not (the caller then reloads whole).
    ///
    /// # Errors
    /// `log_tampered`, `bad_state`, `too_large`.
    pub fn append_saved(&mut self, entries: Vec<LogEntry>) -> Result<()> {
        for e in entries {
            let i = self.log.len();
            if usize::try_from(e.seq).ok() != Some(i) || e.prev != self.head() || entry_hash(&e) != e.hash {
                return Err(Error::new(ErrorKind::LogTampered { index: i }));
            }
            if self.log.len() >= input::MAX_LOG {
                return Err(Error::new(ErrorKind::LogFull(input::MAX_LOG)));
            }
            let bytes = self.saved_bytes + crate::json::to_string(&e).len() + 1;
            if bytes > input::MAX_SAVED_BYTES {
                return Err(Error::too_large("log", input::MAX_SAVED_BYTES));
            }
            self.replay(e)?;
            self.saved_bytes = bytes;
        }
        Ok(())
    }

    /// The same log under a new id, re-sealed: a copy kept beside the saved one (`fromJSON` of a
    /// stale copy, when asked). Anchors of the old copy do not apply to it.
    ///
    /// # Errors
    /// As [`Response::from_saved`] (cannot happen for a response that was valid).
    pub fn renamed(&self, nonce: &str) -> Result<Response> {
        let id = chain::made_id(self.head(), nonce);
        let mut log: Vec<LogEntry> = Vec::with_capacity(self.log.len());
        for e in &self.log {
            let mut e = e.clone();
            if let Some(o) = e.open.as_mut() {
                o.id = id.clone();
            }
            log.push(chain::seal(&log, e));
        }
        let mut saved = self.to_saved();
        saved.id = id;
        saved.head = log.last().map_or_else(|| GENESIS.to_string(), |e| e.hash.clone());
        saved.log = log;
        Response::from_saved(self.plan.clone(), saved)
    }

    /// The steps as they stand at `now`.
    ///
    /// # Errors
    /// `bad_time` when `now` is not a time.
    pub fn steps(&self, now: &str) -> Result<Vec<StepState>> {
        let now = input::time(&self.plan, "now", now)?;
        Ok(self.steps_at(now))
    }

    pub fn steps_at(&self, now: Instant) -> Vec<StepState> {
        status::steps(&self.plan, self.flow(), &self.state, now)
    }

    /// Completes a step. Approval-gated steps need `approved_by` (or `by`) of the required role.
    /// Like every action, `act.at` may not be later than `clock`'s now (beyond the plan's
    /// tolerance).
    ///
    /// # Errors
    /// `unknown_step`, `decision_required`, `already_done`, `step_not_active`,
    /// `approval_required`, `before_discovery`, `bad_time`, `future_time`, `bad_argument`,
    /// `too_large`, `log_full`.
    pub fn complete(&mut self, step: &str, act: Act, clock: &dyn Clock) -> Result<Vec<Warning>> {
        let mut e = self.entry_of(Action::Complete, act, clock)?;
        e.step = Some(id_arg("stepId", step)?);
        self.commit(e)
    }

    /// Settles a decision step with one of its options: that option's steps become active, the
    /// other options' steps skipped.
    ///
    /// # Errors
    /// As `complete`, plus `not_a_decision` and `unknown_option`.
    pub fn decide(&mut self, step: &str, option: &str, act: Act, clock: &dyn Clock) -> Result<Vec<Warning>> {
        let mut e = self.entry_of(Action::Decide, act, clock)?;
        e.step = Some(id_arg("stepId", step)?);
        e.option = Some(id_arg("optionId", option)?);
        self.commit(e)
    }

    /// Records that a step's approval was asked for; it shows `awaiting_approval` until settled.
    ///
    /// # Errors
    /// `approval_not_required`, `unknown_step`, `already_done`, `step_not_active`, …
    pub fn request_approval(&mut self, step: &str, act: Act, clock: &dyn Clock) -> Result<()> {
        let mut e = self.entry_of(Action::RequestApproval, act, clock)?;
        e.step = Some(id_arg("stepId", step)?);
        self.commit(e).map(drop)
    }

    /// Leaves out an optional step (police not needed, no news release, …).
    ///
    /// # Errors
    /// `step_not_optional`, `unknown_step`, `already_done`, `step_not_active`, …
    pub fn skip(&mut self, step: &str, act: Act, clock: &dyn Clock) -> Result<()> {
        let mut e = self.entry_of(Action::Skip, act, clock)?;
        e.step = Some(id_arg("stepId", step)?);
        self.commit(e).map(drop)
    }

    /// Sets (or corrects) the time a deadline counts from; `act.at` is that time.
    ///
    /// # Errors
    /// `bad_argument` for an anchor the plan does not declare, `bad_time`, `future_time`.
    pub fn set_anchor(&mut self, anchor: &str, act: Act, clock: &dyn Clock) -> Result<()> {
        let mut e = self.entry_of(Action::SetAnchor, act, clock)?;
        e.anchor = Some(id_arg("anchor", anchor)?);
        self.commit(e).map(drop)
    }

    /// The incident turned out to be of another kind: the log and the steps already done (by
    /// step id) stay, the rest is planned anew from the new kind.
    ///
    /// # Errors
    /// `unknown_kind`, `bad_argument` (same kind), `before_discovery`, `bad_time`, `future_time`.
    pub fn reclassify(&mut self, kind: &str, act: Act, clock: &dyn Clock) -> Result<()> {
        let mut e = self.entry_of(Action::Reclassify, act, clock)?;
        e.kind = Some(id_arg("kind", kind)?);
        self.commit(e).map(drop)
    }

    /// Records an observation (`act.note`).
    ///
    /// # Errors
    /// `bad_argument` without a note, `bad_time`, `future_time`.
    pub fn note(&mut self, act: Act, clock: &dyn Clock) -> Result<()> {
        let e = self.entry_of(Action::Note, act, clock)?;
        self.commit(e).map(drop)
    }

    /// True when every required step on the chosen branches is settled.
    pub fn is_closed(&self) -> bool {
        let far = self.state.discovered;
        self.steps_at(far).iter().all(|s| s.optional || !s.active || matches!(s.status, Status::Done | Status::Skipped))
    }

    /// The response at a glance, at `now`, with the next reminder (`lead` minutes early).
    ///
    /// # Errors
    /// `bad_time`.
    pub fn summary(&self, now: &str, lead_minutes: f64) -> Result<Summary> {
        let now = input::time(&self.plan, "now", now)?;
        let steps = self.steps_at(now);
        let count = |st: Status| steps.iter().filter(|s| s.status == st).count();
        let kind = self.plan.kind_or_err(&self.state.kind)?;
        Ok(Summary {
            id: self.id().to_string(),
            kind: kind.id.clone(),
            severity: kind.severity,
            title: kind.title.clone(),
            discovered_at: self.discovered_at(),
            plan: self.state.open.plan.clone(),
            closed: self.is_closed(),
            pending: steps.iter().filter(|s| s.status == Status::Pending && s.active).count(),
            overdue: count(Status::Overdue),
            awaiting_approval: count(Status::AwaitingApproval),
            next_reminder: self.next_reminder(now, lead_minutes),
        })
    }

    /// The first reminder strictly after `now` (what a timer should wait for).
    pub fn next_reminder(&self, now: Instant, lead_minutes: f64) -> Option<Reminder> {
        self.reminders(lead_minutes).into_iter().find(|(t, _)| *t > now).map(|(_, r)| r)
    }

    /// The reminders that fell due in `(after, upto]`, in order.
    pub fn reminders_between(&self, after: Instant, upto: Instant, lead_minutes: f64) -> Vec<Reminder> {
        self.reminders(lead_minutes).into_iter().filter(|(t, _)| *t > after && *t <= upto).map(|(_, r)| r).collect()
    }

    /// An `overdue` reminder for every step overdue at `now` (what a new subscriber is told first).
    pub fn overdue_at(&self, now: Instant) -> Vec<Reminder> {
        self.reminders(0.0).into_iter().filter(|(t, _)| *t < now).map(|(_, r)| r).collect()
    }

    /// The reminders whose time has come by `now`, the latest per step only (an overdue step is
    /// not also "due soon"). A subscriber delivers those it has not delivered yet, so deadlines
    /// moved into the past (an anchor set late) are still announced once.
    pub fn reminders_due(&self, now: Instant, lead_minutes: f64) -> Vec<Reminder> {
        let mut due: Vec<Reminder> = Vec::new();
        for (_, r) in self.reminders(lead_minutes).into_iter().filter(|(t, _)| *t <= now) {
            due.retain(|d| d.step != r.step);
            due.push(r);
        }
        due
    }

    fn reminders(&self, lead_minutes: f64) -> Vec<(Instant, Reminder)> {
        let lead = if lead_minutes.is_finite() { lead_minutes.clamp(0.0, 24.0 * 60.0) } else { 0.0 };
        status::reminders(&self.plan, self.flow(), &self.state, lead)
    }

    /// A form prefilled from what the response knows (`initial_report`, `staged_report`,
    /// `room_record`, `disposal_report`, `readiness_check`).
    ///
    /// # Errors
    /// `unknown_form`.
    pub fn draft_report(&self, form: &str) -> Result<serde_json::Value> {
        draft::draft(self, form)
    }

    /// The initial report as a short text to read out on the phone at `now`, by `caller` (else
    /// by whoever the response knows for the reporting role).
    ///
    /// # Errors
    /// `bad_time`, `bad_argument` for a caller with an unknown role.
    pub fn phone_script(&self, now: &str, caller: Option<&Person>) -> Result<Text> {
        let now = input::time(&self.plan, "now", now)?;
        input::opt_person(&self.plan, "caller", caller)?;
        Ok(phone::script(self, now, caller))
    }

    /// The saved form (`toJSON`): format, version, id, plan, kind, head hash and the log.
    pub fn to_saved(&self) -> Saved {
        saved::to_saved(self)
    }

    /// The saved form as JSON text.
    pub fn to_json(&self) -> String {
        saved::to_json(self)
    }

    /// Restores a response from its saved JSON text, replaying and re-checking its log.
    ///
    /// # Errors
    /// `bad_state`, `unsupported_version`, `log_tampered`, `plan_mismatch`, `too_large`.
    pub fn from_json(plan: Rc<Plan>, text: &str) -> Result<Response> {
        saved::from_json(plan, text)
    }

    /// Restores a response from its saved form, already decoded.
    ///
    /// # Errors
    /// As [`Response::from_json`].
    pub fn from_saved(plan: Rc<Plan>, saved: SavedResponse) -> Result<Response> {
        saved::from_saved(plan, saved)
    }

    /// Restores a response from its saved form as a JSON value.
    ///
    /// # Errors
    /// As [`Response::from_json`].
    pub fn from_value(plan: Rc<Plan>, value: serde_json::Value) -> Result<Response> {
        saved::from_value(plan, value)
    }

    pub(crate) fn state(&self) -> &State {
        &self.state
    }

    pub(crate) fn flow(&self) -> &KindFlow {
        // The kind was checked on open and on every reclassification; a plan always has a flow per kind.
        self.plan.flow(&self.state.kind).unwrap_or_else(|| unreachable_flow())
    }

    /// A new entry from what a caller hands in now. Its time is held to `clock` here, not in
    /// [`Response::commit`]: entries re-applied (`rebase`) or replayed were judged when made.
    fn entry_of(&self, action: Action, act: Act, clock: &dyn Clock) -> Result<LogEntry> {
        let at = input::past_time(&self.plan, "at", &act.at, clock)?;
        input::opt_person(&self.plan, "by", act.by.as_ref())?;
        input::opt_person(&self.plan, "approvedBy", act.approved_by.as_ref())?;
        input::opt_text("note", act.note.as_deref(), input::MAX_NOTE)?;
        Ok(entry(action, &at, act.by, act.approved_by, act.note))
    }

    /// Checks and appends an entry; nothing changes when the check fails.
    fn commit(&mut self, mut e: LogEntry) -> Result<Vec<Warning>> {
        if self.log.len() >= input::MAX_LOG {
            return Err(Error::new(ErrorKind::LogFull(input::MAX_LOG)));
        }
        let at = input::time(&self.plan, "at", &e.at)?;
        let warnings = check::check(&self.plan, &self.state, &e, at)?;
        e.warnings = warnings.iter().map(|w| w.code.clone()).collect();
        let e = chain::seal(&self.log, e);
        // The saved form must stay within what `from_json` reads back: an entry past that is
        // refused (the caller keeps what they typed), never saved unreadable.
        let bytes = self.saved_bytes + crate::json::to_string(&e).len() + 1;
        if bytes > input::MAX_SAVED_BYTES {
            return Err(Error::too_large("log", input::MAX_SAVED_BYTES));
        }
        self.saved_bytes = bytes;
        self.state.apply(&e, at);
        self.log.push(e);
        Ok(warnings)
    }

    /// Replays one saved entry (hash already verified): the same checks as when it was made.
    fn replay(&mut self, e: LogEntry) -> Result<()> {
        let at = input::time(&self.plan, "at", &e.at)?;
        check::check(&self.plan, &self.state, &e, at)?;
        self.state.apply(&e, at);
        self.log.push(e);
        Ok(())
    }
}

fn entry(action: Action, at: &Instant, by: Option<Person>, approved_by: Option<Person>, note: Option<String>) -> LogEntry {
    LogEntry {
        seq: 0,
        at: format_time(at),
        action,
        step: None,
        option: None,
        kind: None,
        anchor: None,
        by,
        approved_by,
        note,
        warnings: Vec::new(),
        open: None,
        prev: String::new(),
        hash: String::new(),
    }
}

fn id_arg(field: &str, s: &str) -> Result<String> {
    input::text(field, s, input::MAX_ID)?;
    Ok(s.to_string())
}

// Both are impossible by construction; they exist so that no `unwrap` can panic in the core.
fn unreachable_open() -> OpenInfo {
    OpenInfo {
        id: String::new(),
        plan: PlanRef { id: String::new(), version: String::new() },
        kind: String::new(),
        site: None,
        room: None,
        people: Vec::new(),
        exam: None,
        details: None,
    }
}

fn unreachable_flow() -> &'static KindFlow {
    static EMPTY: std::sync::OnceLock<KindFlow> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| KindFlow { steps: Vec::new(), branch_of: Vec::new() })
}
