//! `localStorage` as a [`Store`] (through gloo-storage), and the module functions over saved
//! responses: `savedResponses()`, `removeSavedResponse(id)`.
//!
//! gloo's `raw()` throws when there is no window or storage is blocked; a JS throw unwinds past
//! Rust without running destructors, so availability is checked first and every failure comes
//! back as a [`StoreError`].

use gloo_storage::{LocalStorage, Storage};
use js_sys::Reflect;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::convert::{js_error, opt_string, out};
use crate::response::store::{self, SavedList, Store, StoreError};

/// The browser's `localStorage`.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// `Disabled` unless `LocalStorage::raw()` can be called without throwing.
fn check() -> Result<(), StoreError> {
    if available() {
        Ok(())
    } else {
        Err(StoreError::Disabled)
    }
}

/// True when `window.localStorage` can be touched: we are in a `Window` (what gloo's `raw()`
/// requires) and reading the property does not throw (it does in some privacy modes).
fn available() -> bool {
    let global = js_sys::global();
    let is_window = Reflect::get(&global, &JsValue::from_str("Window"))
        .ok()
        .filter(JsValue::is_function)
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("prototype")).ok())
        .and_then(|p| p.dyn_into::<js_sys::Object>().ok())
        .is_some_and(|proto| proto.is_prototype_of(&global));
    is_window && matches!(Reflect::get(&global, &JsValue::from_str("localStorage")), Ok(s) if s.is_object())
}

fn failure(e: JsValue) -> StoreError {
    let name = Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "SecurityError" => StoreError::Disabled,
        _ => StoreError::Other(name),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        check()?;
        LocalStorage::raw().get_item(key).map_err(failure)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        check()?;
        LocalStorage::raw().set_item(key, value).map_err(failure)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        check()?;
        LocalStorage::raw().remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        check()?;
        let raw = LocalStorage::raw();
        let n = raw.length().map_err(failure)?;
        let mut keys = Vec::new();
        for i in 0..n {
            if let Some(k) = raw.key(i).map_err(failure)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Responses saved in this browser (newest discovery first). Entries that cannot be read are
/// moved to `exam-incident/v1/quarantine/response/<id>` (kept, not deleted) and listed in
/// `quarantined`. Throws `storage_disabled` / `storage_error` when storage cannot be read.
#[wasm_bindgen(js_name = savedResponses)]
pub fn saved_responses() -> Result<Ts<SavedList>, JsValue> {
    let r = store::list(&LocalStore).map_err(|e| e.to_error());
    out(r).map(Ts::new_unchecked)
}

/// Removes a saved response (quarantined copies stay). Throws `bad_argument` or a storage code.
#[wasm_bindgen(js_name = removeSavedResponse)]
pub fn remove_saved_response(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<(), JsValue> {
    let id = opt_string(&id, "id", 64)
        .and_then(|i| i.ok_or_else(|| crate::Error::bad_argument("id", "a response id")))
        .map_err(|e| js_error(&e))?;
    store::remove(&LocalStore, &id).map_err(|e| js_error(&e))
}
