//! The saved form of a response (`toJSON` / `fromJSON`): a format tag and version, the id, the
//! plan it was made under, the current kind, the head hash and the log. Everything but the log
//! is derived and cross-checked on restore, so an edit anywhere is caught. Field order is fixed
//! by the struct, so writing what was read gives the same bytes.

use std::rc::Rc;

use serde::Serialize;

use crate::json::{FromJson, ToJson};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::plan::Plan;

use super::chain::{verify_sized, GENESIS};
use super::input;
use super::model::{Action, LogEntry, PlanRef};
use super::state::State;
use super::Response;

/// The value of `format` in a saved response.
pub const SAVED_FORMAT: &str = "exam-incident/response";
/// The version of the saved form this build writes and reads.
pub const SAVED_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, ToJson, FromJson)]
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

/// [`SavedResponse`] borrowed from a response: `to_json` writes this rather than a copy of the
/// whole log. The fields and their order must stay those of `SavedResponse` (a test holds the
/// two to the same bytes).
#[derive(Serialize, ToJson)]
struct SavedView<'a> {
    format: &'a str,
    version: u32,
    id: &'a str,
    plan: &'a PlanRef,
    kind: &'a str,
    head: &'a str,
    log: &'a [LogEntry],
}

pub fn to_json(r: &Response) -> String {
    let view = SavedView {
        format: SAVED_FORMAT,
        version: SAVED_VERSION,
        id: r.id(),
        plan: &r.state.open.plan,
        kind: &r.state.kind,
        head: r.log.last().map_or(GENESIS, |e| e.hash.as_str()),
        log: &r.log,
    };
    crate::json::to_string(&view)
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
        Some(v) => return Err(Error::new(ErrorKind::UnsupportedVersion(crate::json::to_string(v)))),
        None => return Err(bad("missing `version`".into())),
    }
    crate::json::decode::<SavedResponse>(&value).map_err(|e| bad(format!("{}: {}", e.path, crate::error::clip_to(&e.message, 120))))
}

/// Checks the chain and the derived envelope fields without replaying (no plan needed).
pub fn verify(saved: &SavedResponse) -> Result<()> {
    verify_envelope(saved).map(drop)
}

/// As `verify`, returning the bytes of the log's entries as saved (what hashing wrote anyway).
fn verify_envelope(saved: &SavedResponse) -> Result<usize> {
    if saved.log.is_empty() || saved.log.len() > input::MAX_LOG {
        return Err(bad("the log must hold 1 to 5000 entries".into()));
    }
    let entry_bytes = verify_sized(&saved.log).map_err(|index| Error::new(ErrorKind::LogTampered { index }))?;
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
    Ok(entry_bytes)
}

pub fn from_value(plan: Rc<Plan>, value: Value) -> Result<Response> {
    from_saved(plan, decode(value)?)
}

pub fn from_saved(plan: Rc<Plan>, saved: SavedResponse) -> Result<Response> {
    let entry_bytes = verify_envelope(&saved)?;
    // What `to_json` of the restored response will measure: once replayed, its envelope is the
    // saved one (each field is checked against the log below), so only the log's bytes vary.
    let saved_bytes = envelope_bytes(&saved) + entry_bytes + saved.log.len() - 1;
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
    let mut entries = Vec::with_capacity(log.len() + 1);
    entries.push(first);
    let mut r = Response { plan, log: entries, state: State::new(open, discovered), saved_bytes: 0, verified: std::cell::Cell::new(0) };
    for e in log {
        let seq = e.seq;
        r.replay(e).map_err(|err| bad(format!("log[{seq}]: {} ({})", err.code(), err.message().en)))?;
    }
    if r.state.kind != saved.kind {
        return Err(Error::new(ErrorKind::LogTampered { index: r.log.len() }));
    }
    debug_assert_eq!(saved_bytes, r.to_json().len(), "saved size computed while hashing");
    r.saved_bytes = saved_bytes;
    Ok(r)
}

/// Bytes of the saved form with an empty log.
fn envelope_bytes(saved: &SavedResponse) -> usize {
    let view = SavedView {
        format: &saved.format,
        version: saved.version,
        id: &saved.id,
        plan: &saved.plan,
        kind: &saved.kind,
        head: &saved.head,
        log: &[],
    };
    crate::json::to_string(&view).len()
}

fn bad(detail: String) -> Error {
    Error::new(ErrorKind::BadState(detail))
}

/// Short name used in Rust code and tests.
pub type Saved = SavedResponse;
