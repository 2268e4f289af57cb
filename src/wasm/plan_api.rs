//! `planInfo`, `loadPlan`, `resetPlan`, `planJson`, `guide`: the module's default plan, as
//! before `Plan` objects existed. Each is a thin wrapper over what a `Plan` does (`plan_class`).

use std::rc::Rc;

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::convert::{js_error, json_of, opt_string, out};
use super::state::{active_plan, embedded_plan, set_active_plan};
use crate::error::Error;
use crate::guide::{self, Guidance, PlanInfo};
use crate::plan::{decode::MAX_PLAN_BYTES, Plan};

/// Summary of the module's plan: id, version, name, time zone, kinds and roles.
#[wasm_bindgen(js_name = planInfo)]
pub fn plan_info() -> Result<Ts<PlanInfo>, JsValue> {
    let plan = active_plan().map_err(|e| js_error(&e))?;
    info_of(&plan)
}

/// Replaces the module's plan (the one the free functions and `new IncidentResponse` use) with
/// a site's own (JSON text or an object); `Plan` objects are not affected. Throws
/// `plan_invalid` with `problems` listing every problem found, each with its path; the
/// previous plan stays then.
#[wasm_bindgen(js_name = loadPlan)]
pub fn load_plan(#[wasm_bindgen(unchecked_param_type = "string | PlanDocument")] plan: JsValue) -> Result<Ts<PlanInfo>, JsValue> {
    let plan = plan_from_js(&plan).map_err(|e| js_error(&e))?;
    info_of(&set_active_plan(Rc::new(plan)))
}

/// Makes the embedded default plan the module's plan again.
#[wasm_bindgen(js_name = resetPlan)]
pub fn reset_plan() -> Result<Ts<PlanInfo>, JsValue> {
    let plan = embedded_plan().map_err(|e| js_error(&e))?;
    info_of(&set_active_plan(plan))
}

/// The embedded default plan as JSON text: what a site starts from to write its own.
#[wasm_bindgen(js_name = planJson)]
pub fn plan_json() -> String {
    crate::plan::default_plan_json()
}

/// The kind's ordered steps, decisions, deadlines and forms under the module's plan. Throws
/// `unknown_kind`.
#[wasm_bindgen]
pub fn guide(#[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue) -> Result<Ts<Guidance>, JsValue> {
    let plan = active_plan().map_err(|e| js_error(&e))?;
    guide_in(&plan, &kind)
}

/// A plan document given as JSON text or as an object, loaded and fully checked.
pub(crate) fn plan_from_js(doc: &JsValue) -> Result<Plan, Error> {
    plan_and_text(doc).map(|(plan, _)| plan)
}

/// The plan and its document as JSON text: a `Plan` object gives the text back from
/// `planJson()` rather than serialising the model, whose `Serialize` code the wasm would
/// otherwise carry only for that (~40 KB).
pub(crate) fn plan_and_text(doc: &JsValue) -> Result<(Plan, String), Error> {
    match opt_string(doc, "plan", MAX_PLAN_BYTES) {
        Ok(Some(text)) => Plan::from_json(&text).map(|p| (p, text)),
        Ok(None) => Err(Error::bad_argument("plan", "预案文档（JSON 文本或对象）", "a plan document (JSON text or object)")),
        Err(_) => json_of(doc, "plan", MAX_PLAN_BYTES).and_then(|v| Plan::from_value(&v).map(|p| (p, crate::json::to_string(&v)))),
    }
}

pub(crate) fn info_of(plan: &Plan) -> Result<Ts<PlanInfo>, JsValue> {
    out(Ok(guide::plan_info(plan))).map(Ts::new_unchecked)
}

pub(crate) fn guide_in(plan: &Plan, kind: &JsValue) -> Result<Ts<Guidance>, JsValue> {
    let r = opt_string(kind, "kind", 200)
        .and_then(|k| k.ok_or_else(|| Error::bad_argument("kind", "事件类型标识字符串", "a kind id string")))
        .and_then(|k| guide::guide(plan, &k));
    out(r).map(Ts::new_unchecked)
}
