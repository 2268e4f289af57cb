//! The saved form of a response (`toJSON` / `fromJSON`): a format tag and version, the id, the
//! plan it was made under, the current kind, the head hash and the log. Everything but the log
//! is derived and cross-checked on restore, so an edit anywhere is caught. Field order is fixed
//! by the struct, so writing what was read gives the same bytes.

use std::rc::Rc;

use serde::Serialize;

use crate::json::FromJson;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::plan::Plan;

use super::chain::{verify_chain, GENESIS};
use super::input;
use super::model::{Action, LogEntry, PlanRef};
use super::state::State;
use super::Response;

/// The value of `format` in a saved response.
pub const SAVED_FORMAT: &str = "exam-incident/response";
/// The version of the saved form this build writes and reads.
pub const SAVED_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct SavedResponse {
    /// Always `exam-incident/response`.
    pub format: String,
    pub version: u32,
    pub id: String,
    /// The plan id and version the response was made under.
    pub plan: PlanRef,
    /// The current kind.
    pub kind: String,
    /// Hash of the last log entry (catches entries cut off the end).
    pub head: String,
    pub log: Vec<LogEntry>,
}

pub fn to_saved(r: &Response) -> SavedResponse {
    SavedResponse {
        format: SAVED_FORMAT.to_string(),
        version: SAVED_VERSION,
        id: r.id().to_string(),
        plan: r.state.open.plan.clone(),
        kind: r.state.kind.clone(),
        head: r.log.last().map_or_else(|| GENESIS.to_string(), |e| e.hash.clone()),
        log: r.log.clone(),
    }
}

pub fn from_json(plan: Rc<Plan>, text: &str) -> Result<Response> {
    if text.len() > input::MAX_SAVED_BYTES {
        return Err(Error::too_large("saved response", input::MAX_SAVED_BYTES));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| bad(format!("not JSON: line {} column {}", e.line(), e.column())))?;
    from_value(plan, value)
}

/// Reads the envelope only (format, version, shape) — what listing saved responses needs.
pub fn decode(value: Value) -> Result<SavedResponse> {
    let obj = value.as_object().ok_or_else(|| bad("not a JSON object".into()))?;
    if obj.get("format").and_then(Value::as_str) != Some(SAVED_FORMAT) {
        return Err(bad(format!("`format` is not \"{SAVED_FORMAT}\"")));
    }
    match obj.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(SAVED_VERSION)) => {}
        Some(v) => return Err(Error::new(ErrorKind::UnsupportedVersion(v.to_string()))),
        None => return Err(bad("missing `version`".into())),
    }
    crate::json::decode::<SavedResponse>(&value).map_err(|e| bad(format!("{}: {}", e.path, crate::error::clip_to(&e.message, 120))))
}

/// Checks the chain and the derived envelope fields without replaying (no plan needed).
pub fn verify(saved: &SavedResponse) -> Result<()> {
    if saved.log.is_empty() || saved.log.len() > input::MAX_LOG {
        return Err(bad("the log must hold 1 to 5000 entries".into()));
    }
    verify_chain(&saved.log).map_err(|index| Error::new(ErrorKind::LogTampered { index }))?;
    let last = saved.log.len() - 1;
    let head_ok = saved.log.last().is_some_and(|e| e.hash == saved.head);
    let first = saved.log.first().and_then(|e| (e.action == Action::Open).then_some(e.open.as_ref()).flatten());
    let Some(open) = first else { return Err(Error::new(ErrorKind::LogTampered { index: 0 })) };
    if !head_ok {
        return Err(Error::new(ErrorKind::LogTampered { index: last + 1 }));
    }
    if open.id != saved.id || open.plan != saved.plan {
        return Err(Error::new(ErrorKind::LogTampered { index: 0 }));
    }
    Ok(())
}

pub fn from_value(plan: Rc<Plan>, value: Value) -> Result<Response> {
    let saved = decode(value)?;
    verify(&saved)?;
    let doc = plan.doc();
    if saved.plan.id != doc.id || saved.plan.version != doc.version {
        return Err(Error::new(ErrorKind::PlanMismatch {
            saved: format!("{} {}", saved.plan.id, saved.plan.version),
            active: format!("{} {}", doc.id, doc.version),
        }));
    }
    let mut log = saved.log.into_iter();
    let first = log.next().ok_or_else(|| bad("empty log".into()))?;
    let open = first.open.clone().ok_or_else(|| bad("log[0] is not an open entry".into()))?;
    input::response_id(&open.id).map_err(|_| bad("log[0]: bad response id".into()))?;
    plan.kind_or_err(&open.kind).map_err(|e| bad(format!("log[0]: {}", e.code())))?;
    let discovered = input::time(&plan, "at", &first.at).map_err(|_| bad("log[0].at: not a time".into()))?;
    let mut r = Response { plan, log: vec![first], state: State::new(open, discovered), saved_bytes: 0 };
    for e in log {
        let seq = e.seq;
        r.replay(e).map_err(|err| bad(format!("log[{seq}]: {} ({})", err.code(), err.message().en)))?;
    }
    if r.state.kind != saved.kind {
        return Err(Error::new(ErrorKind::LogTampered { index: r.log.len() }));
    }
    r.saved_bytes = r.to_json().len();
    Ok(r)
}

fn bad(detail: String) -> Error {
    Error::new(ErrorKind::BadState(detail))
}

/// Short name used in Rust code and tests.
pub type Saved = SavedResponse;
