//! `planInfo`, `loadPlan`, `resetPlan`, `planJson`, `guide`.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::convert::{js_error, json_of, opt_string, out};
use super::state::{active_plan, set_active_plan};
use crate::guide::{self, Guidance, PlanInfo};
use crate::plan::{decode::MAX_PLAN_BYTES, default_plan, Plan};

/// Summary of the active plan: id, version, name, time zone, kinds and roles.
#[wasm_bindgen(js_name = planInfo)]
pub fn plan_info() -> Result<Ts<PlanInfo>, JsValue> {
    let r = active_plan().map(|p| guide::plan_info(&p));
    out(r).map(Ts::new_unchecked)
}

/// Replaces the active plan with a site's own (JSON text or an object). Throws `plan_invalid`
/// with `problems` listing every problem found, each with its path; the previous plan stays
/// active then.
#[wasm_bindgen(js_name = loadPlan)]
pub fn load_plan(#[wasm_bindgen(unchecked_param_type = "string | PlanDocument")] plan: JsValue) -> Result<Ts<PlanInfo>, JsValue> {
    let loaded = match opt_string(&plan, "plan", MAX_PLAN_BYTES) {
        Ok(Some(text)) => Plan::from_json(&text),
        Ok(None) => Err(crate::Error::bad_argument("plan", "a plan document (JSON text or object)")),
        Err(_) => json_of(&plan, "plan", MAX_PLAN_BYTES).and_then(|v| Plan::from_value(&v)),
    };
    let plan = loaded.map_err(|e| js_error(&e))?;
    let active = set_active_plan(plan);
    out(Ok(guide::plan_info(&active))).map(Ts::new_unchecked)
}

/// Goes back to the embedded default plan.
#[wasm_bindgen(js_name = resetPlan)]
pub fn reset_plan() -> Result<Ts<PlanInfo>, JsValue> {
    let plan = default_plan().map_err(|e| js_error(&e))?;
    let active = set_active_plan(plan);
    out(Ok(guide::plan_info(&active))).map(Ts::new_unchecked)
}

/// The embedded default plan as JSON text: what a site starts from to write its own.
#[wasm_bindgen(js_name = planJson)]
pub fn plan_json() -> String {
    crate::plan::default_plan_json()
}

/// The kind's ordered steps, decisions, deadlines and forms. Throws `unknown_kind`.
#[wasm_bindgen]
pub fn guide(#[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue) -> Result<Ts<Guidance>, JsValue> {
    let r = opt_string(&kind, "kind", 200)
        .and_then(|k| k.ok_or_else(|| crate::Error::bad_argument("kind", "a kind id string")))
        .and_then(|k| active_plan().and_then(|p| guide::guide(&p, &k)));
    out(r).map(Ts::new_unchecked)
}
