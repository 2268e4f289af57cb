//! Where saved responses live, behind a small trait: the browser binding implements it over
//! `localStorage`, tests use [`MemoryStore`]. The rules (keys, quarantine of corrupt entries,
//! what a failure means, when a save would lose someone else's entries) are here, so they are
//! tested natively.
//!
//! Layout: each log entry under its own key (`exam-incident/v2/entry/<id>/<seq>`, written once)
//! and a small index per response (`exam-incident/v2/response/<id>`: head, count, what a list
//! shows), written last as the commit point. Appending writes one entry and the index, not the
//! whole log. Responses saved whole by earlier builds (`exam-incident/v1/response/<id>`) are
//! checked and moved to this layout when listed or loaded.
//!
//! An entry that cannot be read is set aside under [`QUARANTINE`], its text untouched, and why
//! is written beside it under [`QUARANTINE_REASON`] (same suffix): every later listing names it
//! with its reason, whichever call or page set it aside.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::map::VecMap;
use crate::plan::Plan;

use crate::json::{FromJson, ToJson};

use super::model::{LogEntry, PlanRef};
use super::saved::{decode, verify, SavedResponse, SAVED_FORMAT, SAVED_VERSION};
use super::{Rebased, Response};

/// Key prefix of a saved response's index: `exam-incident/v2/response/<id>`.
pub const PREFIX: &str = "exam-incident/v2/response/";
/// Key prefix of a saved response's entries: `exam-incident/v2/entry/<id>/<seq>`.
pub const ENTRY_PREFIX: &str = "exam-incident/v2/entry/";
/// Key prefix of responses saved whole by earlier builds (read and migrated).
pub const V1_PREFIX: &str = "exam-incident/v1/response/";
/// Key prefix of entries set aside as corrupt: `exam-incident/v1/quarantine/response/<id>[~n]`.
pub const QUARANTINE: &str = "exam-incident/v1/quarantine/response/";
/// Key prefix of why an entry was set aside: `exam-incident/v1/quarantine/reason/<id>[~n]`,
/// `{ id, code }` beside the entry of the same suffix. A key of its own rather than a wrapper
/// round the entry, so the text set aside is kept exactly as it was found.
pub const QUARANTINE_REASON: &str = "exam-incident/v1/quarantine/reason/";
/// The code listed for an entry set aside with no reason beside it (by builds before reasons
/// were kept, or when the reason could not be written): it could not be read.
pub const UNKNOWN_REASON: &str = "bad_state";

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Quota exceeded.
    Full,
    /// Storage is off (private mode, policy, no `localStorage`).
    Disabled,
    /// The stored copy has entries this one lacks (`stored` of them in all).
    Conflict {
        stored: usize,
    },
    Other(String),
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Full => "storage_full",
            StoreError::Disabled => "storage_disabled",
            StoreError::Conflict { .. } => "conflict",
            StoreError::Other(_) => "storage_error",
        }
    }

    pub fn to_error(&self) -> Error {
        if let StoreError::Conflict { stored } = self {
            return Error::new(ErrorKind::Conflict { stored: *stored });
        }
        let detail = match self {
            StoreError::Full => "quota exceeded".to_string(),
            StoreError::Disabled => "storage is not available".to_string(),
            StoreError::Other(s) => s.clone(),
            StoreError::Conflict { .. } => String::new(),
        };
        Error::new(ErrorKind::Storage { code: self.code(), detail })
    }
}

/// A string key–value store (`localStorage`'s shape).
pub trait Store {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store with a byte quota and a switch to play "disabled": the native stand-in
/// for `localStorage`.
#[derive(Debug, Default)]
pub struct MemoryStore {
    pub items: RefCell<VecMap<String, String>>,
    /// Total bytes of keys and values allowed; `None` for no limit.
    pub quota: Cell<Option<usize>>,
    pub disabled: Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    pub fn with_quota(bytes: usize) -> Self {
        let s = MemoryStore::default();
        s.quota.set(Some(bytes));
        s
    }

    fn used_without(&self, key: &str) -> usize {
        self.items.borrow().iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.disabled.get() {
            return Err(StoreError::Disabled);
        }
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if self.disabled.get() {
            return Err(StoreError::Disabled);
        }
        if let Some(q) = self.quota.get() {
            if self.used_without(key) + key.len() + value.len() > q {
                return Err(StoreError::Full);
            }
        }
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        if self.disabled.get() {
            return Err(StoreError::Disabled);
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if self.disabled.get() {
            return Err(StoreError::Disabled);
        }
        Ok(self.items.borrow().keys().cloned().collect())
    }
}

/// The key of a response's index: what `storageStatus().key` names and other tabs watch.
pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// The key of one log entry of a response.
pub fn entry_key(id: &str, seq: usize) -> String {
    format!("{ENTRY_PREFIX}{id}/{seq}")
}

/// What a response's index holds: enough to list it and to tell whether a save would lose
/// entries (`head` at `count`), without reading its log.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Index {
    format: String,
    version: u32,
    id: String,
    plan: PlanRef,
    kind: String,
    head: String,
    count: usize,
    discovered_at: String,
    last_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    room: Option<String>,
}

const INDEX_FORMAT: &str = "exam-incident/response-index";
const INDEX_VERSION: u32 = 2;

impl Index {
    fn of(r: &Response) -> Index {
        Index::of_log(r.id(), r.kind(), r.log())
    }

    fn of_log(id: &str, kind: &str, log: &[LogEntry]) -> Index {
        let first = log.first();
        let open = first.and_then(|e| e.open.as_ref());
        Index {
            format: INDEX_FORMAT.into(),
            version: INDEX_VERSION,
            id: id.to_string(),
            plan: open.map_or_else(|| PlanRef { id: String::new(), version: String::new() }, |o| o.plan.clone()),
            kind: kind.to_string(),
            head: log.last().map(|e| e.hash.clone()).unwrap_or_default(),
            count: log.len(),
            discovered_at: first.map(|e| e.at.clone()).unwrap_or_default(),
            last_at: log.iter().map(|e| e.at.as_str()).max().unwrap_or_default().to_string(),
            site: open.and_then(|o| o.site.clone()),
            room: open.and_then(|o| o.room.clone()),
        }
    }

    fn read(text: &str) -> Result<Index> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| bad("index: not JSON"))?;
        if value.get("format").and_then(serde_json::Value::as_str) != Some(INDEX_FORMAT) {
            return Err(bad("index: wrong format"));
        }
        let ix = crate::json::decode::<Index>(&value).map_err(|e| bad(&format!("index: {}", e.path)))?;
        if ix.version != INDEX_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedVersion(ix.version.to_string())));
        }
        if ix.count == 0 || ix.count > super::input::MAX_LOG {
            return Err(bad("index: count"));
        }
        Ok(ix)
    }

    fn info(self, key: String) -> SavedInfo {
        SavedInfo {
            id: self.id,
            key,
            kind: self.kind,
            plan: self.plan,
            discovered_at: self.discovered_at,
            last_at: self.last_at,
            entries: self.count,
            head: self.head,
            site: self.site,
            room: self.room,
        }
    }
}

fn bad(detail: &str) -> Error {
    Error::new(ErrorKind::BadState(detail.to_string()))
}

/// The stored index of `id`, if any. An index that cannot be read is an error.
fn stored_index(store: &dyn Store, id: &str) -> Result<Option<Index>, StoreError> {
    parse_index(store.get(&key_of(id))?.as_deref())
}

fn parse_index(text: Option<&str>) -> Result<Option<Index>, StoreError> {
    match text {
        None => Ok(None),
        Some(text) => Index::read(text).map(Some).map_err(|e| StoreError::Other(format!("{}: index unreadable", e.code()))),
    }
}

/// True when the stored copy (`head` after `count` entries) is where `log` was at `count`
/// entries: then `log` only adds to it. The chain makes equal hashes mean equal prefixes.
fn extends(log: &[LogEntry], count: usize, head: &str) -> bool {
    count >= 1 && log.get(count - 1).is_some_and(|e| e.hash == head)
}

/// Whether saving `r` over the stored index `stored` (the text under [`key_of`]) would lose
/// nothing: `Err(Conflict)` when the stored copy has entries `r` does not (another tab or
/// window saved them). Pure, so the binding can call it with no storage
/// call made while the response is borrowed.
///
/// # Errors
/// `StoreError::Conflict`.
pub fn fresh(stored: Option<&str>, r: &Response) -> Result<(), StoreError> {
    match parse_index(stored) {
        Ok(Some(ix)) if !extends(r.log(), ix.count, &ix.head) => Err(StoreError::Conflict { stored: ix.count }),
        // An unreadable index is not another tab's work: the action goes ahead in memory and
        // the save that follows refuses to write over it (reported as a storage failure).
        _ => Ok(()),
    }
}

/// As [`fresh`], reading the store.
///
/// # Errors
/// `StoreError::Conflict`, or the store's failure to read.
pub fn check_fresh(store: &dyn Store, r: &Response) -> Result<(), StoreError> {
    fresh(store.get(&key_of(r.id()))?.as_deref(), r)
}

/// What saving `r` over the stored index `stored` writes, in order: the entries after the
/// stored ones, then the index (the commit point: a save cut short leaves the previous copy
/// whole). Nothing when the store already holds `r`. Refused with `Conflict` when the stored
/// copy is not a prefix of `r` — nothing stored is ever overwritten.
///
/// # Errors
/// `StoreError::Conflict`.
pub fn writes(stored: Option<&str>, r: &Response) -> Result<Vec<(String, String)>, StoreError> {
    let from = match parse_index(stored) {
        Ok(None) => 0,
        Ok(Some(ix)) if extends(r.log(), ix.count, &ix.head) => {
            if ix == Index::of(r) {
                return Ok(Vec::new());
            }
            ix.count
        }
        Ok(Some(ix)) => return Err(StoreError::Conflict { stored: ix.count }),
        // Never written over: restoring (or listing) moves it to quarantine first.
        Err(e) => return Err(e),
    };
    to_write(&Index::of(r), r.log(), from)
}

/// Writes `writes` in order, stopping at the first failure.
///
/// # Errors
/// The store's failure.
pub fn apply(store: &dyn Store, writes: &[(String, String)]) -> Result<(), StoreError> {
    writes.iter().try_for_each(|(k, v)| store.set(k, v))
}

/// Saves `r`: see [`writes`].
///
/// # Errors
/// `Conflict`, or the store's failure; the response itself is unaffected.
pub fn save(store: &dyn Store, r: &Response) -> Result<(), StoreError> {
    let stored = store.get(&key_of(r.id()))?;
    apply(store, &writes(stored.as_deref(), r)?)
}

fn to_write(index: &Index, log: &[LogEntry], from: usize) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::with_capacity(log.len().saturating_sub(from) + 1);
    for (seq, e) in log.iter().enumerate().skip(from) {
        out.push((entry_key(&index.id, seq), crate::json::to_string(e)));
    }
    out.push((key_of(&index.id), crate::json::to_string(index)));
    Ok(out)
}

fn write(store: &dyn Store, index: &Index, log: &[LogEntry], from: usize) -> Result<(), StoreError> {
    apply(store, &to_write(index, log, from)?)
}

/// A saved response as listed (read from its envelope, chain checked, not replayed).
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SavedInfo {
    pub id: String,
    pub key: String,
    pub kind: String,
    pub plan: PlanRef,
    pub discovered_at: String,
    /// Time of the last log entry.
    pub last_at: String,
    pub entries: usize,
    /// Hash of the last entry: with `entries`, an anchor for `verifyLog({ head, count })`.
    pub head: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub site: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub room: Option<String>,
}

/// A saved entry that could not be read and was moved aside.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Quarantined {
    pub id: String,
    /// Where the entry was kept (`exam-incident/v1/quarantine/response/…`); empty if moving failed.
    pub key: String,
    /// Why: `bad_state`, `log_tampered`, `unsupported_version`, `conflict` (an old whole copy that
    /// diverged from the saved one), or a storage code if moving failed. `bad_state` too for an
    /// entry set aside with no reason recorded (by an earlier build).
    pub code: String,
}

/// What is written beside a quarantined entry: which response it was, and why it was set aside.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson, FromJson)]
#[serde(deny_unknown_fields)]
struct Reason {
    id: String,
    code: String,
}

/// Everything saved, with the entries set aside on the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SavedList {
    pub responses: Vec<SavedInfo>,
    pub quarantined: Vec<Quarantined>,
}

/// Lists saved responses, newest discovery first, from their indexes (logs are not read).
/// Responses saved whole by earlier builds are migrated first; corrupt entries are moved to
/// quarantine (kept, never deleted). `quarantined` lists every entry in quarantine, whenever and
/// by whichever call it was set aside, with its reason, and after them those that could not be
/// moved this time (no key, a storage code; they stay in place and are tried again).
///
/// # Errors
/// The store's failure to list keys.
pub fn list(store: &dyn Store) -> Result<SavedList, StoreError> {
    let mut out = SavedList::default();
    let mut unmoved = Vec::new();
    for key in store.keys()? {
        if let Some(id) = key.strip_prefix(V1_PREFIX) {
            unmoved.extend(migrate(store, id)?.filter(|q| q.key.is_empty()));
        }
    }
    for key in store.keys()? {
        let Some(id) = key.strip_prefix(PREFIX) else { continue };
        let Some(text) = store.get(&key)? else { continue };
        let q = match Index::read(&text) {
            Ok(ix) if ix.id == id => {
                out.responses.push(ix.info(key.clone()));
                continue;
            }
            Ok(_) => quarantine(store, &key, id, &text, "bad_state"),
            Err(e) => quarantine(store, &key, id, &text, e.code()),
        };
        if q.key.is_empty() {
            unmoved.push(q);
        }
    }
    crate::sort::sort_by(&mut out.responses, |a, b| b.discovered_at.cmp(&a.discovered_at).then(a.id.cmp(&b.id)));
    out.quarantined = in_quarantine(store)?;
    out.quarantined.extend(unmoved);
    Ok(out)
}

/// Every entry under [`QUARANTINE`], by key, with the reason written beside it; one without a
/// readable reason is [`UNKNOWN_REASON`], its id read from its key.
fn in_quarantine(store: &dyn Store) -> Result<Vec<Quarantined>, StoreError> {
    let mut out = Vec::new();
    for key in store.keys()? {
        let Some(suffix) = key.strip_prefix(QUARANTINE) else { continue };
        let reason = store.get(&format!("{QUARANTINE_REASON}{suffix}")).ok().flatten().and_then(|t| read_reason(&t, suffix));
        let (id, code) = reason.unwrap_or_else(|| (id_of_suffix(suffix).to_string(), UNKNOWN_REASON.to_string()));
        out.push(Quarantined { id, key, code });
    }
    crate::sort::sort_by(&mut out, |a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// A reason as written by [`quarantine`], if it is one and belongs to the entry at `suffix`: a
/// hand-edited or stray one is ignored rather than shown.
fn read_reason(text: &str, suffix: &str) -> Option<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let r = Reason::from_json(&value).ok()?;
    let code_ok =
        !r.code.is_empty() && r.code.len() <= 40 && r.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    (code_ok && (id_of_suffix(suffix) == r.id || suffix == r.id)).then_some((r.id, r.code))
}

/// The response id in a quarantine key's suffix `<id>` or `<id>~<n>` (a second copy of one id).
fn id_of_suffix(suffix: &str) -> &str {
    match suffix.rsplit_once('~') {
        Some((id, n)) if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => suffix,
    }
}

/// Saved responses that look like the incident `kind` in `room` discovered at `discovered_at`
/// (a time already in the plan's form, as `Response::discovered_at` writes it): what a start
/// form offers to continue instead of opening a second response.
///
/// # Errors
/// The store's failure to list keys.
pub fn similar(store: &dyn Store, kind: &str, room: Option<&str>, discovered_at: &str) -> Result<Vec<SavedInfo>, StoreError> {
    let room = room.map(str::trim).filter(|r| !r.is_empty());
    let mut found = list(store)?.responses;
    found.retain(|s| {
        s.kind == kind && s.discovered_at == discovered_at && s.room.as_deref().map(str::trim).filter(|r| !r.is_empty()) == room
    });
    Ok(found)
}

/// Moves a response saved whole by an earlier build to the current layout; `Some` when it had
/// to be quarantined instead. The old key is removed only once the new copy is written.
fn migrate(store: &dyn Store, id: &str) -> Result<Option<Quarantined>, StoreError> {
    let old = format!("{V1_PREFIX}{id}");
    let Some(text) = store.get(&old)? else { return Ok(None) };
    let saved = match read_whole(&text, id) {
        Ok(s) => s,
        Err(e) => return Ok(Some(quarantine(store, &old, id, &text, e.code()))),
    };
    let index = Index::of_log(&saved.id, &saved.kind, &saved.log);
    let from = match stored_index(store, id) {
        Ok(None) => 0,
        // Both copies exist (an older build saved again after a migration): keep whichever
        // holds the other; set the old one aside when they diverge.
        Ok(Some(ix)) if extends(&saved.log, ix.count, &ix.head) => ix.count,
        Ok(Some(ix)) if holds(store, &ix, &saved) => saved.log.len(),
        Ok(Some(_)) | Err(StoreError::Other(_)) => return Ok(Some(quarantine(store, &old, id, &text, "conflict"))),
        Err(e) => return Err(e),
    };
    if from < saved.log.len() {
        if let Err(e) = write(store, &index, &saved.log, from) {
            return Ok(Some(Quarantined { id: id.to_string(), key: String::new(), code: e.code().to_string() }));
        }
    }
    store.remove(&old)?;
    Ok(None)
}

/// The stored copy already holds all of `saved`: its entry at `saved`'s last position is
/// `saved`'s last entry (one read; the chain makes equal hashes mean equal prefixes).
fn holds(store: &dyn Store, ix: &Index, saved: &SavedResponse) -> bool {
    let n = saved.log.len();
    let Some(last) = saved.log.last() else { return false };
    ix.count >= n
        && matches!(store.get(&entry_key(&ix.id, n - 1)), Ok(Some(text))
            if serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| v.get("hash").and_then(|h| h.as_str()).map(|h| h == last.hash)) == Some(true))
}

/// A whole saved response (the v1 key's value), chain and envelope checked.
fn read_whole(text: &str, id: &str) -> Result<SavedResponse> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| bad("not JSON"))?;
    let saved = decode(value)?;
    verify(&saved)?;
    if saved.id != id {
        return Err(bad("id differs from its key"));
    }
    Ok(saved)
}

/// Loads a saved response, replaying and re-checking its log. A corrupt one has its index
/// moved to quarantine (its entries stay under their keys) and its error returned; one made
/// under another plan stays where it is (`plan_mismatch`: load that plan, then restore).
///
/// # Errors
/// `not_saved`, `bad_state`, `log_tampered`, `unsupported_version`, `plan_mismatch`, storage codes.
pub fn load(store: &dyn Store, plan: Rc<Plan>, id: &str) -> Result<Response> {
    super::input::response_id(id)?;
    let key = key_of(id);
    let mut text = store.get(&key).map_err(|e| e.to_error())?;
    if text.is_none() {
        if let Some(q) = migrate(store, id).map_err(|e| e.to_error())? {
            return Err(quarantined_error(&q));
        }
        text = store.get(&key).map_err(|e| e.to_error())?;
    }
    let text = text.ok_or_else(|| Error::new(ErrorKind::NotSaved(id.to_string())))?;
    let result = Index::read(&text).and_then(|ix| {
        if ix.id != id {
            return Err(bad("index: id differs from its key"));
        }
        let saved = read_entries(store, ix)?;
        Response::from_saved(plan, saved)
    });
    match result {
        Ok(r) => Ok(r),
        Err(e) if matches!(e.code(), "plan_mismatch" | "storage_full" | "storage_disabled" | "storage_error") => Err(e),
        Err(e) => {
            quarantine(store, &key, id, &text, e.code());
            Err(e)
        }
    }
}

fn quarantined_error(q: &Quarantined) -> Error {
    match q.code.as_str() {
        "log_tampered" => Error::new(ErrorKind::LogTampered { index: 0 }),
        "unsupported_version" => Error::new(ErrorKind::UnsupportedVersion("?".into())),
        "conflict" => Error::new(ErrorKind::Conflict { stored: 0 }),
        code if code.starts_with("storage") => StoreError::Other(code.to_string()).to_error(),
        _ => bad("the saved copy cannot be read"),
    }
}

/// The index's entries, as the saved form `from_saved` checks (chain, head, envelope, replay).
fn read_entries(store: &dyn Store, ix: Index) -> Result<SavedResponse> {
    let mut log = Vec::with_capacity(ix.count);
    for seq in 0..ix.count {
        let text = store.get(&entry_key(&ix.id, seq)).map_err(|e| e.to_error())?.ok_or_else(|| bad(&format!("entry {seq} is missing")))?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|_| bad(&format!("entry {seq}: not JSON")))?;
        log.push(LogEntry::from_json(&value).map_err(|e| bad(&format!("entry {seq}: {}", e.path)))?);
    }
    Ok(SavedResponse { format: SAVED_FORMAT.into(), version: SAVED_VERSION, id: ix.id, plan: ix.plan, kind: ix.kind, head: ix.head, log })
}

/// Reloads the stored copy of `r` and re-applies on top of it the entries of `r` that it lacks
/// (made here while another tab saved, or while storage failed). Each goes through the same
/// checks as when it was made; one that no longer fits (the other tab did the same step) is
/// dropped and reported. Nothing is written: the caller saves.
///
/// # Errors
/// As [`load`]; `conflict` when the stored copy is another response under the same id.
pub fn reload(store: &dyn Store, plan: Rc<Plan>, r: &Response) -> Result<(Response, Rebased)> {
    rebase_onto(load(store, plan, r.id())?, r)
}

/// The pure half of [`reload`]: `r`'s entries that `stored` lacks, re-applied on top of it.
///
/// # Errors
/// `conflict` when `stored` is another response under the same id.
pub fn rebase_onto(mut stored: Response, r: &Response) -> Result<(Response, Rebased)> {
    let common = stored.log().iter().zip(r.log()).take_while(|(a, b)| a.hash == b.hash).count();
    if common == 0 {
        return Err(Error::new(ErrorKind::Conflict { stored: stored.log().len() }));
    }
    let rebased = stored.rebase(&r.log()[common..]);
    Ok((stored, rebased))
}

/// The entries another tab or window appended to the stored copy of `r`, when that copy is `r`
/// plus those entries (checked: each links to the one before, the last is the stored head):
/// what catching up costs instead of a full reload. `None` when the stored copy is not such an
/// extension (it diverges, is shorter, or cannot be read): then [`reload`].
///
/// # Errors
/// The store's failure to read.
pub fn newer_entries(store: &dyn Store, id: &str, count: usize, head: &str) -> Result<Option<Vec<LogEntry>>, StoreError> {
    let Ok(Some(ix)) = stored_index(store, id) else { return Ok(None) };
    if ix.count < count || (ix.count == count && ix.head != head) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(ix.count - count);
    let mut prev = head.to_string();
    for seq in count..ix.count {
        let Some(text) = store.get(&entry_key(id, seq))? else { return Ok(None) };
        let Some(e) = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| LogEntry::from_json(&v).ok()) else {
            return Ok(None);
        };
        if e.prev != prev {
            return Ok(None);
        }
        prev = e.hash.clone();
        out.push(e);
    }
    Ok((prev == ix.head).then_some(out))
}

/// Whether `copy` may be saved over what is stored under its id: only if the stored copy is
/// a prefix of it (the same or newer). An older or diverging copy never replaces the saved one.
///
/// # Errors
/// `stale_copy`, or a storage code when the store cannot be read.
pub fn check_import(store: &dyn Store, copy: &Response) -> Result<()> {
    match stored_index(store, copy.id()) {
        Ok(None) => Ok(()),
        Ok(Some(ix)) if extends(copy.log(), ix.count, &ix.head) => Ok(()),
        Ok(Some(ix)) => Err(Error::new(ErrorKind::StaleCopy { saved: ix.count, copy: copy.log().len() })),
        Err(StoreError::Other(_)) => Err(Error::new(ErrorKind::StaleCopy { saved: 0, copy: copy.log().len() })),
        Err(e) => Err(e.to_error()),
    }
}

/// Removes a saved response: its index first (so it leaves every list at once), then its
/// entries. Quarantined copies stay.
///
/// # Errors
/// `bad_argument` for a malformed id, storage codes.
pub fn remove(store: &dyn Store, id: &str) -> Result<()> {
    super::input::response_id(id)?;
    let count = stored_index(store, id).ok().flatten().map(|ix| ix.count);
    let err = |e: StoreError| e.to_error();
    store.remove(&key_of(id)).map_err(err)?;
    store.remove(&format!("{V1_PREFIX}{id}")).map_err(err)?;
    match count {
        Some(n) => (0..n).try_for_each(|seq| store.remove(&entry_key(id, seq))).map_err(err),
        None => {
            let prefix = format!("{ENTRY_PREFIX}{id}/");
            store.keys().map_err(err)?.iter().filter(|k| k.starts_with(&prefix)).try_for_each(|k| store.remove(k)).map_err(err)
        }
    }
}

/// Moves `key` aside: copied to a free quarantine key first, removed from its place only once
/// the copy is written, so nothing is lost if storage fails half-way. Why (`code`) is written
/// beside the copy, for every later listing.
fn quarantine(store: &dyn Store, key: &str, id: &str, text: &str, code: &str) -> Quarantined {
    let base = format!("{QUARANTINE}{id}");
    let free = (0..100u32).map(|n| if n == 0 { base.clone() } else { format!("{base}~{n}") }).find(|k| matches!(store.get(k), Ok(None)));
    let Some(target) = free else {
        return Quarantined { id: id.to_string(), key: String::new(), code: "storage_error".into() };
    };
    if let Err(e) = store.set(&target, text) {
        return Quarantined { id: id.to_string(), key: String::new(), code: e.code().to_string() };
    }
    // Written after the copy (a reason never names an entry that is not there). Should it fail,
    // the entry is still set aside and later listed as UNKNOWN_REASON: its text is what matters.
    let reason = Reason { id: id.to_string(), code: code.to_string() };
    let _ =
        store.set(&format!("{QUARANTINE_REASON}{}", target.strip_prefix(QUARANTINE).unwrap_or(&target)), &crate::json::to_string(&reason));
    match store.remove(key) {
        Ok(()) => Quarantined { id: id.to_string(), key: target, code: code.to_string() },
        Err(e) => Quarantined { id: id.to_string(), key: String::new(), code: e.code().to_string() },
    }
}
