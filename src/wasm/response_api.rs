//! `IncidentResponse`: the response engine as a JS class. Every method converts and checks its
//! JS arguments first, then borrows the core briefly, then (with no borrow held) autosaves,
//! re-arms reminders and calls JS callbacks — so a throwing callback or argument can never
//! leave the object borrowed.

use std::cell::RefCell;
use std::rc::Rc;

use crate::json::{FromJson, ToJson};
use serde::Serialize;
use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::clock::BrowserClock;
use super::convert::{js_error, json_of, opt_string, out, to_js};
use super::reminders::Reminders;
use super::state::active_plan;
use super::storage::{random_nonce, LocalStore};
use crate::error::{Error, ErrorKind, Result};
use crate::plan::Plan;
use crate::response::store::{self, Store, StoreError};
use crate::response::{
    Act, LogAnchor, LogSeal, Person, Rebased, Reminder, Response, ResponseInit, SavedResponse, Summary, MAX_SAVED_BYTES,
};
use crate::text::Text;
use crate::time::{format_time, Clock, FixedClock};

const MAX_INIT_BYTES: usize = 64 * 1024;
const MAX_NOTE: usize = 2000;

/// How the last autosave went.
#[derive(Clone, Debug, Default, Serialize, ToJson, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct StorageStatus {
    /// True when the last save succeeded.
    pub ok: bool,
    /// The `localStorage` key of this response.
    pub key: String,
    /// `storage_full`, `storage_disabled`, `storage_error` or `conflict` after a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub message: Option<Text>,
    /// When the last successful save happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub saved_at: Option<String>,
}

pub struct Inner {
    pub core: RefCell<Response>,
    store: Rc<dyn Store>,
    storage: RefCell<StorageStatus>,
    on_storage_error: RefCell<Option<js_sys::Function>>,
    /// True while `onStorageError`'s handler runs: a handler that changes the response (whose
    /// autosave fails again) is not called again from inside itself, which would recurse
    /// until the JS stack overflows.
    in_storage_handler: std::cell::Cell<bool>,
    pub reminders: Reminders,
}

/// One incident being handled, step by step: what to do next, who does it, by when, with whose
/// consent; every action logged with a hash chain and autosaved to `localStorage` (one key per
/// entry, `exam-incident/v2/entry/<id>/<seq>`, and an index, `exam-incident/v2/response/<id>`).
/// A save never overwrites entries another tab or window stored: the action is refused with
/// `conflict` and `reload()` brings this instance up to date.
#[wasm_bindgen]
pub struct IncidentResponse {
    inner: Rc<Inner>,
}

pub use super::clock::now_instant;

fn throw(e: Error) -> JsValue {
    js_error(&e)
}

/// Decodes `value`; a mismatch is `bad_argument` at the path found, saying what was expected
/// (`zh`, `en`). The decoder's own account (English) goes into the English message only.
fn decode<T: FromJson>(value: serde_json::Value, field: &str, zh: &str, en: &str) -> Result<T> {
    crate::json::decode::<T>(&value).map_err(|e| {
        let at = if e.path.is_empty() { field.to_string() } else { format!("{field}.{}", e.path) };
        Error::bad_argument(at, zh, format!("{en} ({})", crate::error::clip_to(&e.message, 120)))
    })
}

fn person(value: &JsValue, field: &str) -> Result<Option<Person>> {
    let v = json_of(value, field, 4096)?;
    if v.is_null() {
        return Ok(None);
    }
    decode(v, field, "{ name, role }", "{ name, role }").map(Some)
}

fn required(value: &JsValue, field: &str, max: usize) -> Result<String> {
    opt_string(value, field, max)?.ok_or_else(|| Error::bad_argument(field, "字符串", "a string"))
}

fn act(at: &JsValue, by: &Option<JsValue>, approved_by: &Option<JsValue>, note: &Option<JsValue>) -> Result<Act> {
    Ok(Act {
        at: required(at, "at", 64)?,
        by: person(&undef(by), "by")?,
        approved_by: person(&undef(approved_by), "approvedBy")?,
        note: opt_string(&undef(note), "note", MAX_NOTE)?,
    })
}

/// An optional argument as a value (`undefined` when left out).
fn undef(v: &Option<JsValue>) -> JsValue {
    v.clone().unwrap_or(JsValue::UNDEFINED)
}

/// `leadMinutes`: absent means 0. Taken as a JsValue, not `Option<f64>`, because the glue's own
/// number coercion of an arbitrary value (a 20,000-deep array) overflows the JS stack.
fn lead(value: &JsValue) -> Result<f64> {
    if value.is_undefined() || value.is_null() {
        return Ok(0.0);
    }
    match value.as_f64() {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(Error::bad_argument("leadMinutes", "不小于 0 的分钟数", "a number of minutes ≥ 0")),
    }
}

impl IncidentResponse {
    fn wrap(core: Response) -> IncidentResponse {
        let key = store::key_of(core.id());
        let inner = Inner {
            core: RefCell::new(core),
            store: Rc::new(LocalStore),
            storage: RefCell::new(StorageStatus { key, ..StorageStatus::default() }),
            on_storage_error: RefCell::new(None),
            in_storage_handler: std::cell::Cell::new(false),
            reminders: Reminders::default(),
        };
        IncidentResponse { inner: Rc::new(inner) }
    }

    /// Opens a response under `plan` and saves it: `new IncidentResponse` (the module's plan)
    /// and `Plan.startResponse` (its own).
    pub(crate) fn open_under(plan: Rc<Plan>, init: &JsValue) -> std::result::Result<IncidentResponse, JsValue> {
        let init: ResponseInit = json_of(init, "init", MAX_INIT_BYTES)
            .and_then(|v| {
                if v.is_object() {
                    decode(v, "init", "ResponseInit 对象", "a ResponseInit object")
                } else {
                    Err(Error::bad_argument("init", "{ kind, discoveredAt, … } 形式的对象", "an object { kind, discoveredAt, … }"))
                }
            })
            .map_err(throw)?;
        let init = with_nonce(init);
        let clock = BrowserClock(plan.timezone());
        let me = IncidentResponse::wrap(Response::open(plan, init, &clock).map_err(throw)?);
        me.autosave();
        Ok(me)
    }

    /// `fromJSON` under `plan`; a response made under another plan is refused (`plan_mismatch`).
    /// A copy older than, or diverging from, the saved one throws `stale_copy` unless
    /// `options.newId` (see `fromJSON`).
    pub(crate) fn from_json_under(plan: Rc<Plan>, saved: &JsValue, options: &JsValue) -> std::result::Result<IncidentResponse, JsValue> {
        let new_id = new_id_asked(options);
        let r = match opt_string(saved, "saved", MAX_SAVED_BYTES) {
            Ok(Some(text)) => Response::from_json(plan, &text),
            Ok(None) => Err(Error::new(ErrorKind::BadState("nothing to restore".into()))),
            Err(e) if e.code() == "too_large" => Err(e),
            Err(_) => json_of(saved, "saved", MAX_SAVED_BYTES).and_then(|v| Response::from_value(plan, v)),
        }
        .map_err(throw)?;
        let r = accept_import(r, new_id)?;
        let me = IncidentResponse::wrap(r);
        me.autosave();
        Ok(me)
    }

    /// `restore` under `plan`; a response saved under another plan is refused (`plan_mismatch`)
    /// and stays where it is.
    pub(crate) fn restore_under(plan: Rc<Plan>, id: &JsValue) -> std::result::Result<IncidentResponse, JsValue> {
        let id = required(id, "id", 64).map_err(throw)?;
        let r = store::load(&LocalStore, plan, &id).map_err(throw)?;
        let me = IncidentResponse::wrap(r);
        me.autosave();
        Ok(me)
    }

    fn read<T>(&self, f: impl FnOnce(&Response) -> Result<T>) -> std::result::Result<T, JsValue> {
        let core = self.inner.core.try_borrow().map_err(|_| throw(busy()))?;
        f(&core).map_err(throw)
    }

    /// Runs a change on the core, then autosaves and re-arms reminders with no borrow held.
    /// First, when the stored copy holds entries this instance lacks (another tab saved), the
    /// change is refused with `conflict` and nothing changes: `reload()`, then act again.
    fn change<T>(&self, f: impl FnOnce(&mut Response) -> Result<T>) -> std::result::Result<T, JsValue> {
        let key = self.read(|c| Ok(store::key_of(c.id())))?;
        if let Ok(stored) = self.inner.store.get(&key) {
            let fresh = self.read(|c| Ok(store::fresh(stored.as_deref(), c)))?;
            if let Err(e @ StoreError::Conflict { .. }) = fresh {
                return Err(throw(e.to_error()));
            }
        }
        let result = {
            let mut core = self.inner.core.try_borrow_mut().map_err(|_| throw(busy()))?;
            f(&mut core)
        };
        let value = result.map_err(throw)?;
        self.autosave();
        Reminders::refresh(&self.inner);
        Ok(value)
    }

    /// Saves; a failure is recorded in `storageStatus()` and passed to `onStorageError`, and
    /// the response carries on in memory.
    fn autosave(&self) -> bool {
        let Ok(core) = self.inner.core.try_borrow() else { return false };
        let key = store::key_of(core.id());
        let tz = core.plan().timezone();
        drop(core);
        // Storage is read and written with no borrow held; only the pure planning borrows.
        let result = self.inner.store.get(&key).and_then(|stored| {
            let writes = match self.inner.core.try_borrow() {
                Ok(core) => store::writes(stored.as_deref(), &core),
                Err(_) => Err(StoreError::Other("busy".into())),
            }?;
            store::apply(&*self.inner.store, &writes)
        });
        let callback = {
            let Ok(mut st) = self.inner.storage.try_borrow_mut() else { return result.is_ok() };
            st.key = key;
            match &result {
                Ok(()) => {
                    st.ok = true;
                    st.code = None;
                    st.message = None;
                    st.saved_at = Some(format_time(&now_instant(tz)));
                    None
                }
                Err(e) => {
                    let err = e.to_error();
                    st.ok = false;
                    st.code = Some(err.code().to_string());
                    st.message = Some(err.message());
                    self.inner.on_storage_error.try_borrow().ok().and_then(|c| c.clone()).map(|c| (c, err))
                }
            }
        };
        if let Some((cb, err)) = callback {
            if !self.inner.in_storage_handler.replace(true) {
                // The failure is already recorded in storageStatus(); a throwing handler changes nothing.
                let _ = cb.call1(&JsValue::NULL, &js_error(&err));
                self.inner.in_storage_handler.set(false);
            }
        }
        result.is_ok()
    }

    /// The browser's clock, read before the core is borrowed (`Date.now` is JS, and a page may
    /// have replaced it with something that calls back into this object): what an action's time
    /// is held to (`future_time`).
    fn clock(&self) -> std::result::Result<FixedClock, JsValue> {
        let tz = self.read(|c| Ok(c.plan().timezone()))?;
        Ok(FixedClock(BrowserClock(tz).now()))
    }

    fn ts<T: ToJson>(&self, f: impl FnOnce(&Response) -> Result<T>) -> std::result::Result<JsValue, JsValue> {
        let v = self.read(f)?;
        to_js(&v)
    }

    fn now_or(&self, now: &Option<JsValue>) -> std::result::Result<String, JsValue> {
        let given = opt_string(&undef(now), "now", 64).map_err(throw)?;
        match given {
            Some(s) => Ok(s),
            None => self.read(|c| Ok(format_time(&now_instant(c.plan().timezone())))),
        }
    }
}

/// Every start a new response: a random nonce goes into the id unless the caller gave an id
/// or a nonce of its own.
fn with_nonce(mut init: ResponseInit) -> ResponseInit {
    if init.nonce.is_none() && init.id.is_none() {
        init.nonce = Some(random_nonce());
    }
    init
}

/// `fromJSON`'s `{ newId: true }`.
fn new_id_asked(options: &JsValue) -> bool {
    options.is_object() && js_sys::Reflect::get(options, &JsValue::from_str("newId")).is_ok_and(|v| v.is_truthy())
}

/// An imported copy may be saved only over a stored copy it extends (`stale_copy` otherwise),
/// or, when asked, under a new id beside it. Storage that cannot be read is no reason to refuse.
fn accept_import(r: Response, new_id: bool) -> std::result::Result<Response, JsValue> {
    if new_id {
        return r.renamed(&random_nonce()).map_err(throw);
    }
    match store::check_import(&LocalStore, &r) {
        Err(e) if !e.code().starts_with("storage") => Err(throw(e)),
        _ => Ok(r),
    }
}

fn busy() -> Error {
    Error::new(ErrorKind::BadState("the response is in use by a call still running".into()))
}

#[wasm_bindgen]
impl IncidentResponse {
    /// Opens a response for a classified incident under the module's plan (see `loadPlan`;
    /// `plan.startResponse(init)` opens one under a `Plan` object) and saves it. A discovery or
    /// anchor later than the browser's clock (beyond the plan's tolerance) is `future_time`.
    /// Throws `unknown_kind`, `bad_time`, `future_time`, `bad_argument`, `too_large`.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "ResponseInit")] init: JsValue) -> std::result::Result<IncidentResponse, JsValue> {
        IncidentResponse::open_under(active_plan().map_err(throw)?, &init)
    }

    /// Restores a response from `toJSON()` output (object or JSON text), checking its hash chain
    /// and replaying its log; then saves it. A copy older than, or diverging from, the one saved
    /// under its id never replaces it: that throws `stale_copy`, unless `options.newId` is true,
    /// which keeps the copy beside the saved one under a new id (its log re-sealed, so anchors
    /// recorded for the old id do not apply). Throws `bad_state`, `unsupported_version`,
    /// `log_tampered`, `plan_mismatch`, `too_large`, `stale_copy`.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "SavedResponse | string")] saved: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ newId?: boolean }")] options: JsValue,
    ) -> std::result::Result<IncidentResponse, JsValue> {
        IncidentResponse::from_json_under(active_plan().map_err(throw)?, &saved, &options)
    }

    /// Restores the response saved in this browser under `id` (see `savedResponses()`). A
    /// corrupt entry is moved to quarantine and its error thrown. Throws `not_saved`,
    /// `bad_state`, `log_tampered`, `unsupported_version`, `plan_mismatch`, storage codes.
    pub fn restore(#[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> std::result::Result<IncidentResponse, JsValue> {
        IncidentResponse::restore_under(active_plan().map_err(throw)?, &id)
    }

    /// The response's id (its index is saved under `exam-incident/v2/response/<id>`).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.core.try_borrow().map(|c| c.id().to_string()).unwrap_or_default()
    }

    /// The current kind (after any reclassification).
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        self.inner.core.try_borrow().map(|c| c.kind().to_string()).unwrap_or_default()
    }

    /// The steps in order with their status at `now` (default: the browser's clock).
    #[wasm_bindgen(unchecked_return_type = "StepState[]")]
    pub fn steps(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] now: Option<JsValue>,
    ) -> std::result::Result<JsValue, JsValue> {
        let now = self.now_or(&now)?;
        self.ts(|c| c.steps(&now))
    }

    /// Completes a step. Approval-gated steps need `approvedBy` (or `by`) of the required role.
    /// Returns warnings (e.g. `out_of_order`), also recorded in the log. As every action, `at`
    /// later than the browser's clock by more than the threshold the plan's `log.future_tolerance`
    /// names is refused (`future_time`). Throws `approval_required`, `step_not_active`, `already_done`,
    /// `decision_required`, `unknown_step`, `future_time`, …
    #[wasm_bindgen(unchecked_return_type = "Warning[]")]
    pub fn complete(
        &self,
        #[wasm_bindgen(js_name = stepId, unchecked_param_type = "string")] step_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
        #[wasm_bindgen(js_name = approvedBy, unchecked_optional_param_type = "Person")] approved_by: Option<JsValue>,
    ) -> std::result::Result<JsValue, JsValue> {
        let step = required(&step_id, "stepId", 200).map_err(throw)?;
        let act = act(&at, &by, &approved_by, &note).map_err(throw)?;
        let clock = self.clock()?;
        let w = self.change(|c| c.complete(&step, act, &clock))?;
        to_js(&w)
    }

    /// Settles a decision step with one of its options; that option's steps become active, the
    /// others skipped. Throws `approval_required`, `unknown_option`, `not_a_decision`, …
    #[wasm_bindgen(unchecked_return_type = "Warning[]")]
    pub fn decide(
        &self,
        #[wasm_bindgen(js_name = stepId, unchecked_param_type = "string")] step_id: JsValue,
        #[wasm_bindgen(js_name = optionId, unchecked_param_type = "string")] option_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(js_name = approvedBy, unchecked_optional_param_type = "Person")] approved_by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
    ) -> std::result::Result<JsValue, JsValue> {
        let step = required(&step_id, "stepId", 200).map_err(throw)?;
        let option = required(&option_id, "optionId", 200).map_err(throw)?;
        let act = act(&at, &by, &approved_by, &note).map_err(throw)?;
        let clock = self.clock()?;
        let w = self.change(|c| c.decide(&step, &option, act, &clock))?;
        to_js(&w)
    }

    /// Logs that a step's approval was asked for; it reads `awaiting_approval` until settled.
    #[wasm_bindgen(js_name = requestApproval)]
    pub fn request_approval(
        &self,
        #[wasm_bindgen(js_name = stepId, unchecked_param_type = "string")] step_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
    ) -> std::result::Result<(), JsValue> {
        let step = required(&step_id, "stepId", 200).map_err(throw)?;
        let act = act(&at, &by, &None, &note).map_err(throw)?;
        let clock = self.clock()?;
        self.change(|c| c.request_approval(&step, act, &clock))
    }

    /// Leaves out an optional step. Throws `step_not_optional`, …
    pub fn skip(
        &self,
        #[wasm_bindgen(js_name = stepId, unchecked_param_type = "string")] step_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
    ) -> std::result::Result<(), JsValue> {
        let step = required(&step_id, "stepId", 200).map_err(throw)?;
        let act = act(&at, &by, &None, &note).map_err(throw)?;
        let clock = self.clock()?;
        self.change(|c| c.skip(&step, act, &clock))
    }

    /// Sets the time a deadline counts from (e.g. `outage_started`).
    #[wasm_bindgen(js_name = setAnchor)]
    pub fn set_anchor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
    ) -> std::result::Result<(), JsValue> {
        let anchor = required(&id, "id", 200).map_err(throw)?;
        let act = act(&at, &by, &None, &note).map_err(throw)?;
        let clock = self.clock()?;
        self.change(|c| c.set_anchor(&anchor, act, &clock))
    }

    /// The incident is of another kind: the log and the steps done stay, the rest is re-planned.
    pub fn reclassify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] note: Option<JsValue>,
    ) -> std::result::Result<(), JsValue> {
        let kind = required(&kind, "kind", 200).map_err(throw)?;
        let act = act(&at, &by, &None, &note).map_err(throw)?;
        let clock = self.clock()?;
        self.change(|c| c.reclassify(&kind, act, &clock))
    }

    /// Records an observation in the log.
    #[wasm_bindgen(js_name = addNote)]
    pub fn add_note(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] by: Option<JsValue>,
    ) -> std::result::Result<(), JsValue> {
        let act = act(&at, &by, &None, &Some(text)).map_err(throw)?;
        let clock = self.clock()?;
        self.change(|c| c.note(act, &clock))
    }

    /// The append-only log, each entry hash-chained to the previous one.
    #[wasm_bindgen(unchecked_return_type = "LogEntry[]")]
    pub fn log(&self) -> std::result::Result<JsValue, JsValue> {
        self.ts(|c| Ok(c.log().to_vec()))
    }

    /// `verifyLog()`: true when every entry fits the hash chain — this catches accidental
    /// damage and edits made without recomputing hashes, nothing more (the chain has no secret).
    /// `verifyLog({ head, count })`: also true only when the log still has, after `count`
    /// entries, the `head` recorded then outside the browser (on a report, or its check code on
    /// paper) — catching truncation and any rewriting before that point.
    #[wasm_bindgen(js_name = verifyLog)]
    pub fn verify_log(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LogAnchor")] anchor: JsValue,
    ) -> std::result::Result<bool, JsValue> {
        if anchor.is_undefined() || anchor.is_null() {
            return Ok(self.inner.core.try_borrow().is_ok_and(|c| c.verify_log()));
        }
        let anchor: LogAnchor =
            json_of(&anchor, "anchor", 1024).and_then(|v| decode(v, "anchor", "{ head, count }", "{ head, count }")).map_err(throw)?;
        Ok(self.inner.core.try_borrow().is_ok_and(|c| c.verify_anchor(&anchor)))
    }

    /// The log's head hash and entry count now, with the short check code (`9C58-669B`) to
    /// write on a paper record: what `verifyLog({ head, count })` checks against later.
    pub fn anchor(&self) -> std::result::Result<Ts<LogSeal>, JsValue> {
        self.ts(|c| Ok(c.anchor())).map(Ts::new_unchecked)
    }

    /// Reads the stored copy again (after a `conflict`, or when another tab changed it) and
    /// re-applies on top of it the entries this instance made that it lacks; returns
    /// `{ reapplied, dropped }` (an entry that no longer fits, e.g. a step the other tab
    /// completed, is dropped with its code). Then saves. Throws `not_saved`, `conflict`, …
    pub fn reload(&self) -> std::result::Result<Ts<Rebased>, JsValue> {
        let (plan, id, count, head) = self.read(|c| Ok((c.plan_rc(), c.id().to_string(), c.log().len(), c.head().to_string())))?;
        // Usually the other tab only appended: read and check just its new entries.
        if let Ok(Some(newer)) = store::newer_entries(&LocalStore, &id, count, &head) {
            // A failure half-way leaves a valid prefix of the stored copy; the full reload below
            // replaces it.
            let appended = newer.is_empty() || self.inner.core.try_borrow_mut().map_err(|_| throw(busy()))?.append_saved(newer).is_ok();
            if appended {
                Reminders::refresh(&self.inner);
                return out(Ok(Rebased::default())).map(Ts::new_unchecked);
            }
        }
        let stored = store::load(&LocalStore, plan, &id).map_err(throw)?;
        let (fresh, rebased) = self.read(|c| store::rebase_onto(stored, c))?;
        *self.inner.core.try_borrow_mut().map_err(|_| throw(busy()))? = fresh;
        self.autosave();
        Reminders::refresh(&self.inner);
        out(Ok(rebased)).map(Ts::new_unchecked)
    }

    /// True when every required step on the chosen branches is done.
    #[wasm_bindgen(js_name = isClosed)]
    pub fn is_closed(&self) -> bool {
        self.inner.core.try_borrow().is_ok_and(|c| c.is_closed())
    }

    /// Counts, closure and the next reminder at `now` (`leadMinutes` early).
    pub fn summary(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] now: Option<JsValue>,
        #[wasm_bindgen(js_name = leadMinutes, unchecked_optional_param_type = "number")] lead_minutes: JsValue,
    ) -> std::result::Result<Ts<Summary>, JsValue> {
        let now = self.now_or(&now)?;
        self.ts(|c| c.summary(&now, lead(&lead_minutes)?)).map(Ts::new_unchecked)
    }

    /// The next reminder after `now`, or `undefined`.
    #[wasm_bindgen(js_name = nextReminder, unchecked_return_type = "Reminder | undefined")]
    pub fn next_reminder(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] now: Option<JsValue>,
        #[wasm_bindgen(js_name = leadMinutes, unchecked_optional_param_type = "number")] lead_minutes: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let now = self.now_or(&now)?;
        let r: Option<Reminder> = self.read(|c| {
            let t = crate::time::parse_time(&now, c.plan().timezone())
                .ok_or_else(|| Error::new(ErrorKind::BadTime { field: "now".into(), value: now.clone() }))?;
            Ok(c.next_reminder(t, lead(&lead_minutes)?))
        })?;
        match r {
            Some(r) => to_js(&r),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Calls `callback(reminder)` when a step falls due (`due_soon`, `leadMinutes` before its
    /// deadline, if given) and when it becomes overdue; steps already overdue are announced
    /// right away. Returns an id for `offReminder`.
    #[wasm_bindgen(js_name = onReminder)]
    pub fn on_reminder(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(reminder: Reminder) => void")] callback: JsValue,
        #[wasm_bindgen(js_name = leadMinutes, unchecked_optional_param_type = "number")] lead_minutes: JsValue,
    ) -> std::result::Result<u32, JsValue> {
        if !callback.is_function() {
            return Err(throw(Error::bad_argument("callback", "函数", "a function")));
        }
        let lead = lead(&lead_minutes).map_err(throw)?;
        Ok(Reminders::subscribe(&self.inner, callback.into(), lead))
    }

    /// Stops a reminder subscription; false if the id is unknown.
    #[wasm_bindgen(js_name = offReminder)]
    pub fn off_reminder(&self, #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue) -> bool {
        // Not `u32`: the glue's `>>> 0` coercion of an arbitrary value can throw or overflow.
        match id.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => self.inner.reminders.unsubscribe(n as u32),
            _ => false,
        }
    }

    /// A form prefilled from what the response knows. Throws `unknown_form`.
    #[wasm_bindgen(js_name = draftReport, unchecked_return_type = "Record<string, unknown>")]
    pub fn draft_report(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "\"initial_report\" | \"staged_report\" | \"room_record\" | \"disposal_report\" | \"readiness_check\""
        )]
        form: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let form = required(&form, "form", 100).map_err(throw)?;
        self.ts(|c| c.draft_report(&form))
    }

    /// The initial report as a short text to read out (口头、电话报告), in both languages.
    #[wasm_bindgen(js_name = phoneScript)]
    pub fn phone_script(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] now: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "Person")] caller: Option<JsValue>,
    ) -> std::result::Result<Ts<Text>, JsValue> {
        let now = self.now_or(&now)?;
        let caller = person(&undef(&caller), "caller").map_err(throw)?;
        self.ts(|c| c.phone_script(&now, caller.as_ref())).map(Ts::new_unchecked)
    }

    /// The saved form: `fromJSON(toJSON())` restores it, and writing it again gives the same JSON.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> std::result::Result<Ts<SavedResponse>, JsValue> {
        // The text the core writes from the log in place; `to_saved` would copy the whole log
        // first, only to write the same text.
        let text = self.read(|c| Ok(c.to_json()))?;
        super::convert::parse_in_js(text)
            .map(Ts::new_unchecked)
            .map_err(|_| js_error(&Error::bad_argument("result", "可序列化的数据", "serialisable data")))
    }

    /// How the last autosave went.
    #[wasm_bindgen(js_name = storageStatus)]
    pub fn storage_status(&self) -> std::result::Result<Ts<StorageStatus>, JsValue> {
        let st = self.inner.storage.try_borrow().map(|s| s.clone()).map_err(|_| throw(busy()))?;
        out(Ok(st)).map(Ts::new_unchecked)
    }

    /// Called with the `Error` (code `storage_full`, `storage_disabled`, `storage_error`) when
    /// an autosave fails; `null` to stop.
    #[wasm_bindgen(js_name = onStorageError)]
    pub fn on_storage_error(
        &self,
        #[wasm_bindgen(unchecked_param_type = "((error: Error) => void) | null")] callback: JsValue,
    ) -> std::result::Result<(), JsValue> {
        let cb = if callback.is_function() {
            Some(js_sys::Function::from(callback))
        } else if callback.is_null() || callback.is_undefined() {
            None
        } else {
            return Err(throw(Error::bad_argument("callback", "函数或 null", "a function or null")));
        };
        *self.inner.on_storage_error.try_borrow_mut().map_err(|_| throw(busy()))? = cb;
        Ok(())
    }

    /// Saves now (e.g. after space was freed); returns whether it worked (see `storageStatus()`).
    pub fn save(&self) -> bool {
        self.autosave()
    }

    /// Stops reminders (also done by `free()`).
    pub fn dispose(&self) {
        self.inner.reminders.clear();
    }
}

impl Drop for IncidentResponse {
    fn drop(&mut self) {
        self.inner.reminders.clear();
    }
}
