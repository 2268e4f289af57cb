//! The response's state, derived from its log and nothing else: replaying the log rebuilds it,
//! so the saved form is the log alone and the hash chain covers everything.

use crate::map::VecMap;
use crate::time::Instant;

use super::model::{Action, LogEntry, OpenInfo, Person};

/// One settled fact about a step: when, by whom, with whose consent.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub at: Instant,
    pub by: Option<Person>,
    pub approved_by: Option<Person>,
    pub seq: u32,
}

/// What the log says about one step id (kept across reclassification).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepRecord {
    /// Completed, or decided (then `chosen` is set).
    pub done: Option<Mark>,
    pub chosen: Option<String>,
    pub skipped: Option<Mark>,
    pub requested: Option<Mark>,
}

impl StepRecord {
    pub fn settled(&self) -> bool {
        self.done.is_some() || self.skipped.is_some()
    }
}

#[derive(Clone, Debug)]
pub struct State {
    pub open: OpenInfo,
    pub kind: String,
    pub discovered: Instant,
    pub anchors: VecMap<String, Instant>,
    pub records: VecMap<String, StepRecord>,
}

impl State {
    pub fn new(open: OpenInfo, discovered: Instant) -> State {
        State { kind: open.kind.clone(), open, discovered, anchors: VecMap::new(), records: VecMap::new() }
    }

    pub fn record(&self, step: &str) -> Option<&StepRecord> {
        self.records.get(step)
    }

    /// Applies an entry already checked against the plan; `at` is the entry's time, parsed.
    pub fn apply(&mut self, e: &LogEntry, at: Instant) {
        let mark = || Mark { at, by: e.by.clone(), approved_by: e.approved_by.clone(), seq: e.seq };
        let step = e.step.clone().unwrap_or_default();
        match e.action {
            Action::Open | Action::Note => {}
            Action::Complete => self.records.entry(step).or_default().done = Some(mark()),
            Action::Decide => {
                let r = self.records.entry(step).or_default();
                r.done = Some(mark());
                r.chosen = e.option.clone();
            }
            Action::Skip => self.records.entry(step).or_default().skipped = Some(mark()),
            Action::RequestApproval => self.records.entry(step).or_default().requested = Some(mark()),
            Action::SetAnchor => {
                if let Some(a) = &e.anchor {
                    self.anchors.insert(a.clone(), at);
                }
            }
            Action::Reclassify => {
                if let Some(k) = &e.kind {
                    self.kind = k.clone();
                }
            }
        }
    }
}
