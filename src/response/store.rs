//! Where saved responses live, behind a small trait: the browser binding implements it over
//! `localStorage`, tests use [`MemoryStore`]. The rules (keys, quarantine of corrupt entries,
//! what a failure means) are here, so they are tested natively.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::plan::Plan;

use super::model::PlanRef;
use super::saved::{decode, verify};
use super::Response;

/// Key prefix of saved responses: `exam-incident/v1/response/<id>`.
pub const PREFIX: &str = "exam-incident/v1/response/";
/// Key prefix of entries set aside as corrupt: `exam-incident/v1/quarantine/response/<id>[~n]`.
pub const QUARANTINE: &str = "exam-incident/v1/quarantine/response/";

/// Why storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Quota exceeded.
    Full,
    /// Storage is off (private mode, policy, no `localStorage`).
    Disabled,
    Other(String),
}

impl StoreError {
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Full => "storage_full",
            StoreError::Disabled => "storage_disabled",
            StoreError::Other(_) => "storage_error",
        }
    }

    pub fn to_error(&self) -> Error {
        let detail = match self {
            StoreError::Full => "quota exceeded".to_string(),
            StoreError::Disabled => "storage is not available".to_string(),
            StoreError::Other(s) => s.clone(),
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
    pub items: RefCell<BTreeMap<String, String>>,
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

pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// Writes the response under its key.
///
/// # Errors
/// The store's failure; the response itself is unaffected.
pub fn save(store: &dyn Store, r: &Response) -> Result<(), StoreError> {
    store.set(&key_of(r.id()), &r.to_json())
}

/// A saved response as listed (read from its envelope, chain checked, not replayed).
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub site: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub room: Option<String>,
}

/// A saved entry that could not be read and was moved aside.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Quarantined {
    pub id: String,
    /// Where the entry was kept (`exam-incident/v1/quarantine/response/…`); empty if moving failed.
    pub key: String,
    /// Why: `bad_state`, `log_tampered`, `unsupported_version`, or a storage code if moving failed.
    pub code: String,
}

/// Everything saved, with the entries set aside on the way.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct SavedList {
    pub responses: Vec<SavedInfo>,
    pub quarantined: Vec<Quarantined>,
}

/// Lists saved responses, newest discovery first. Corrupt entries are moved to quarantine
/// (kept, never deleted) and reported.
///
/// # Errors
/// The store's failure to list keys.
pub fn list(store: &dyn Store) -> Result<SavedList, StoreError> {
    let mut out = SavedList::default();
    for key in store.keys()? {
        let Some(id) = key.strip_prefix(PREFIX) else { continue };
        let Some(text) = store.get(&key)? else { continue };
        match read_envelope(&text) {
            Ok(info) => out.responses.push(SavedInfo { key: key.clone(), ..info }),
            Err(e) => out.quarantined.push(quarantine(store, id, &text, e.code())),
        }
    }
    crate::sort::sort_by(&mut out.responses, |a, b| b.discovered_at.cmp(&a.discovered_at).then(a.id.cmp(&b.id)));
    Ok(out)
}

fn read_envelope(text: &str) -> Result<SavedInfo> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| Error::new(ErrorKind::BadState("not JSON".into())))?;
    let saved = decode(value)?;
    verify(&saved)?;
    let first = saved.log.first();
    let open = first.and_then(|e| e.open.as_ref());
    Ok(SavedInfo {
        id: saved.id.clone(),
        key: String::new(),
        kind: saved.kind.clone(),
        plan: saved.plan.clone(),
        discovered_at: first.map(|e| e.at.clone()).unwrap_or_default(),
        last_at: saved.log.iter().map(|e| e.at.as_str()).max().unwrap_or_default().to_string(),
        entries: saved.log.len(),
        site: open.and_then(|o| o.site.clone()),
        room: open.and_then(|o| o.room.clone()),
    })
}

/// Loads a saved response. A corrupt entry is moved to quarantine and its error returned;
/// one made under another plan stays where it is (`plan_mismatch`: load that plan, then restore).
///
/// # Errors
/// `not_saved`, `bad_state`, `log_tampered`, `unsupported_version`, `plan_mismatch`, storage codes.
pub fn load(store: &dyn Store, plan: Rc<Plan>, id: &str) -> Result<Response> {
    super::input::response_id(id)?;
    let key = key_of(id);
    let text = store.get(&key).map_err(|e| e.to_error())?.ok_or_else(|| Error::new(ErrorKind::NotSaved(id.to_string())))?;
    match Response::from_json(plan, &text) {
        Ok(r) => Ok(r),
        Err(e) if e.code() == "plan_mismatch" => Err(e),
        Err(e) => {
            quarantine(store, id, &text, e.code());
            Err(e)
        }
    }
}

/// Removes a saved response (its quarantined copies stay).
///
/// # Errors
/// `bad_argument` for a malformed id, storage codes.
pub fn remove(store: &dyn Store, id: &str) -> Result<()> {
    super::input::response_id(id)?;
    store.remove(&key_of(id)).map_err(|e| e.to_error())
}

/// Moves an entry aside: copied to a free quarantine key first, removed from its place only
/// once the copy is written, so nothing is lost if storage fails half-way.
fn quarantine(store: &dyn Store, id: &str, text: &str, code: &str) -> Quarantined {
    let base = format!("{QUARANTINE}{id}");
    let free = (0..100u32)
        .map(|n| if n == 0 { base.clone() } else { format!("{base}~{n}") })
        .find(|k| matches!(store.get(k), Ok(None)));
    let Some(target) = free else {
        return Quarantined { id: id.to_string(), key: String::new(), code: "storage_error".into() };
    };
    match store.set(&target, text).and_then(|()| store.remove(&key_of(id))) {
        Ok(()) => Quarantined { id: id.to_string(), key: target, code: code.to_string() },
        Err(e) => Quarantined { id: id.to_string(), key: String::new(), code: e.code().to_string() },
    }
}
