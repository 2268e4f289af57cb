//! `localStorage` as a [`Store`], and the module functions over saved responses:
//! `savedResponses()`, `removeSavedResponse(id)`, `findSimilarSaved(init)`.
//!
//! Through web-sys's fallible calls: `window()` is `None` outside a window (a worker, Node),
//! `local_storage()` returns the `SecurityError` some privacy modes throw as an `Err`, and every
//! `Storage` method catches what it throws. (gloo-storage's `raw()` throws instead, and a JS
//! throw unwinds past Rust without running destructors; it is no longer used.)

use js_sys::Reflect;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::convert::{js_error, json_of, opt_string, out};
use super::state::active_plan;
use crate::error::Error;
use crate::response::store::{self, SavedInfo, SavedList, Store, StoreError};
use crate::response::ResponseInit;
use crate::time::format_time;

/// The browser's `localStorage`.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Disabled)?;
    window.local_storage().map_err(failure)?.ok_or(StoreError::Disabled)
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
        storage()?.get_item(key).map_err(failure)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(failure)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let raw = storage()?;
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

/// Responses saved in this browser (newest discovery first), read from their indexes. Entries
/// that cannot be read are moved to `exam-incident/v1/quarantine/response/<id>` (kept, not
/// deleted); `quarantined` lists every entry in quarantine, whenever it was set aside, with why.
/// Throws `storage_disabled` / `storage_error` when storage cannot be read.
#[wasm_bindgen(js_name = savedResponses)]
pub fn saved_responses() -> Result<Ts<SavedList>, JsValue> {
    let r = store::list(&LocalStore).map_err(|e| e.to_error());
    out(r).map(Ts::new_unchecked)
}

/// Saved responses that look like the incident `init` would start: the same kind, room and
/// discovery time. A start form offers to continue one of these instead of opening another.
/// Throws `bad_argument`, `bad_time`, storage codes.
#[wasm_bindgen(js_name = findSimilarSaved, unchecked_return_type = "SavedInfo[]")]
pub fn find_similar_saved(#[wasm_bindgen(unchecked_param_type = "ResponseInit")] init: JsValue) -> Result<JsValue, JsValue> {
    let found = (|| -> Result<Vec<SavedInfo>, Error> {
        let value = json_of(&init, "init", 64 * 1024)?;
        if !value.is_object() {
            return Err(Error::bad_argument("init", "{ kind, discoveredAt, room } 形式的对象", "an object { kind, discoveredAt, room }"));
        }
        let init: ResponseInit = crate::json::decode(&value)
            .map_err(|e| Error::bad_argument(format!("init.{}", e.path), "ResponseInit 对象", "a ResponseInit object"))?;
        let plan = active_plan()?;
        let at = crate::time::parse_time(&init.discovered_at, plan.timezone()).filter(crate::time::in_range).ok_or_else(|| {
            Error::new(crate::error::ErrorKind::BadTime { field: "discoveredAt".into(), value: init.discovered_at.clone() })
        })?;
        let at = format_time(&at.with_timezone(&plan.timezone()));
        store::similar(&LocalStore, &init.kind, init.room.as_deref(), &at).map_err(|e| e.to_error())
    })();
    out(found)
}

/// Removes a saved response (quarantined copies stay). Throws `bad_argument` or a storage code.
#[wasm_bindgen(js_name = removeSavedResponse)]
pub fn remove_saved_response(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<(), JsValue> {
    let id = opt_string(&id, "id", 64)
        .and_then(|i| i.ok_or_else(|| crate::Error::bad_argument("id", "处置记录的标识", "a response id")))
        .map_err(|e| js_error(&e))?;
    store::remove(&LocalStore, &id).map_err(|e| js_error(&e))
}

/// 128 random bits as hex from `crypto.getRandomValues` (the time and `Math.random` where
/// there is no `crypto`): the nonce that makes each start a new response id.
pub fn random_nonce() -> String {
    let bytes = js_sys::Uint8Array::new_with_length(16);
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok().filter(JsValue::is_object);
    let filled = crypto.and_then(|c| {
        let f = Reflect::get(&c, &JsValue::from_str("getRandomValues")).ok()?.dyn_into::<js_sys::Function>().ok()?;
        f.call1(&c, &bytes).ok()
    });
    if filled.is_none() {
        for i in 0..16 {
            bytes.set_index(i, (js_sys::Math::random() * 256.0) as u8 ^ (js_sys::Date::now() as u64 >> (i % 8)) as u8);
        }
    }
    bytes.to_vec().iter().map(|b| format!("{b:02x}")).collect()
}
