//! `Plan`: a checked plan held as a value. Two portal modules, or two panels on one page, each
//! hold their own and never see the other's; the free functions use the module's plan
//! (`state.rs`), which `loadPlan` swaps.

use std::rc::Rc;

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::classify_api::classify_in;
use super::convert::{js_error, parse_in_js};
use super::forms_api::{schema_in, validate_in};
use super::plan_api::{guide_in, info_of, plan_and_text};
use super::response_api::IncidentResponse;
use super::state::embedded_plan;
use crate::classify::Classification;
use crate::forms::Report;
use crate::guide::{Guidance, PlanInfo};
use crate::plan::Plan;

/// An emergency plan, loaded and checked: the embedded default (`Plan.default()`) or a site's
/// own (`Plan.fromJSON(doc)`). Everything it does uses this plan only.
#[wasm_bindgen(js_name = Plan)]
pub struct PlanObject {
    plan: Rc<Plan>,
    /// The document as given (the embedded text for the default), for `planJson`/`toJSON`.
    text: Rc<str>,
}

#[wasm_bindgen(js_class = Plan)]
impl PlanObject {
    /// `new Plan(doc)` is `Plan.fromJSON(doc)`.
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "string | PlanDocument")] doc: JsValue) -> Result<PlanObject, JsValue> {
        PlanObject::from_json(doc)
    }

    /// The embedded default plan (sd101). `loadPlan` does not change it.
    #[wasm_bindgen(js_name = default)]
    pub fn embedded() -> Result<PlanObject, JsValue> {
        let plan = embedded_plan().map_err(|e| js_error(&e))?;
        Ok(PlanObject { plan, text: crate::plan::default_plan_json().into() })
    }

    /// A site's own plan from a document (JSON text or an object), fully checked. Throws
    /// `plan_invalid` with `problems` listing every problem found, each with its path; `too_large`
    /// past 2 MiB.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(#[wasm_bindgen(unchecked_param_type = "string | PlanDocument")] doc: JsValue) -> Result<PlanObject, JsValue> {
        let (plan, text) = plan_and_text(&doc).map_err(|e| js_error(&e))?;
        Ok(PlanObject { plan: Rc::new(plan), text: text.into() })
    }

    /// The plan's id (`sd101`).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.plan.doc().id.clone()
    }

    /// The plan's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.plan.doc().version.clone()
    }

    /// Summary: id, version, name, time zone, kinds and roles.
    pub fn info(&self) -> Result<Ts<PlanInfo>, JsValue> {
        info_of(&self.plan)
    }

    /// `classify` under this plan.
    pub fn classify(&self, #[wasm_bindgen(unchecked_param_type = "ClassifyInput")] input: JsValue) -> Result<Ts<Classification>, JsValue> {
        classify_in(&self.plan, &input)
    }

    /// `guide` under this plan. Throws `unknown_kind`.
    pub fn guide(&self, #[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue) -> Result<Ts<Guidance>, JsValue> {
        guide_in(&self.plan, &kind)
    }

    /// `validateReport` under this plan.
    #[wasm_bindgen(js_name = validateReport)]
    pub fn validate_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FormId")] form: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] data: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] opts: Option<JsValue>,
    ) -> Result<Ts<Report>, JsValue> {
        validate_in(&self.plan, &form, &data, &opts.unwrap_or(JsValue::UNDEFINED))
    }

    /// `reportSchema` under this plan.
    #[wasm_bindgen(js_name = reportSchema, unchecked_return_type = "Record<string, unknown>")]
    pub fn report_schema(&self, #[wasm_bindgen(unchecked_param_type = "FormId")] form: JsValue) -> Result<JsValue, JsValue> {
        schema_in(&self.plan, &form)
    }

    /// This plan's document as JSON text, as it was given (`Plan.fromJSON` reads it back).
    #[wasm_bindgen(js_name = planJson)]
    pub fn plan_json(&self) -> String {
        self.text.to_string()
    }

    /// This plan's document as an object, so `JSON.stringify(plan)` writes it.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PlanDocument")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        parse_in_js(self.text.to_string()).map_err(|_| js_error(&crate::Error::bad_argument("plan", "JSON 文档", "a JSON document")))
    }

    /// Opens a response under this plan and saves it (as `new IncidentResponse(init)` does under
    /// the module's plan).
    #[wasm_bindgen(js_name = startResponse)]
    pub fn start_response(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ResponseInit")] init: JsValue,
    ) -> Result<IncidentResponse, JsValue> {
        IncidentResponse::open_under(self.plan.clone(), &init)
    }

    /// Restores the response saved in this browser under `id`. A response saved under another
    /// plan (id or version) is refused with `plan_mismatch` (`params: {saved, active}`) and
    /// stays saved: restore it with the plan it names.
    #[wasm_bindgen(js_name = restoreResponse)]
    pub fn restore_response(&self, #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue) -> Result<IncidentResponse, JsValue> {
        IncidentResponse::restore_under(self.plan.clone(), &id)
    }

    /// Restores a response from `toJSON()` output under this plan; `plan_mismatch` as above,
    /// `stale_copy` (or a new id with `options.newId`) as `IncidentResponse.fromJSON`.
    #[wasm_bindgen(js_name = responseFromJSON)]
    pub fn response_from_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SavedResponse | string")] saved: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "{ newId?: boolean }")] options: JsValue,
    ) -> Result<IncidentResponse, JsValue> {
        IncidentResponse::from_json_under(self.plan.clone(), &saved, &options)
    }
}
