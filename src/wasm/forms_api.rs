//! `validateReport` and `reportSchema`: convert, call the core (`crate::forms`), convert back.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::clock::BrowserClock;
use super::convert::{json_of, json_of_lossy, opt_string, out};
use super::state::active_plan;
use crate::error::Error;
use crate::forms::{report_schema, validate_report, Report, ValidateOptions};
use crate::plan::Plan;

/// Largest form accepted across the boundary (the plan's own `limits.max_bytes` applies after).
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

fn form_id(form: &JsValue) -> Result<String, Error> {
    opt_string(form, "form", 100)?.ok_or_else(|| Error::bad_argument("form", "表单标识字符串（FormId）", "a FormId string"))
}

fn options(opts: &JsValue) -> Result<ValidateOptions, Error> {
    let v = json_of(opts, "opts", 4096)?;
    if v.is_null() {
        return Ok(ValidateOptions::default());
    }
    let obj = v.as_object().ok_or_else(|| Error::bad_argument("opts", "{ now?: string } 形式的对象", "an object { now?: string }"))?;
    let now = match obj.get("now") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(Error::bad_argument("opts.now", "RFC 3339 格式的时间字符串", "an RFC 3339 time string")),
    };
    Ok(ValidateOptions { now })
}

/// Checks a report form before the portal submits it. Returns every finding at once:
/// `errors` block submission, `warnings` advise (a late initial report is a warning).
/// Each finding has a JSON Pointer `path` to the offending field, a stable `code`, a
/// bilingual `message` and its `params`. Times are judged against `opts.now`, or, when it is
/// left out, against the browser's clock ("not in the future"). A text holding half an emoji
/// (a lone UTF-16 surrogate) is a `bad_character` finding at its field, not an exception.
///
/// Throws (`Error` with `code`): `unknown_form`, `bad_argument` (data not an object, bad
/// `opts`), `bad_time` (malformed `opts.now`), `too_large`.
#[wasm_bindgen(js_name = validateReport)]
pub fn validate_report_js(
    #[wasm_bindgen(unchecked_param_type = "FormId")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] data: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] opts: Option<JsValue>,
) -> Result<Ts<Report>, JsValue> {
    let plan = active_plan().map_err(|e| super::convert::js_error(&e))?;
    validate_in(&plan, &form, &data, &opts.unwrap_or(JsValue::UNDEFINED))
}

/// `validateReport` under the given plan (the module's or a `Plan` object's).
pub(crate) fn validate_in(plan: &Plan, form: &JsValue, data: &JsValue, opts: &JsValue) -> Result<Ts<Report>, JsValue> {
    let r = (|| {
        let form = form_id(form)?;
        let opts = options(opts)?;
        let data = json_of_lossy(data, "data", MAX_FORM_BYTES)?;
        validate_report(plan, &form, &data, &opts, &BrowserClock(plan.timezone()))
    })();
    out(r).map(Ts::new_unchecked)
}

/// The JSON Schema (draft 2020-12) of a form under the active plan: structural rules only
/// (cross-field rules are `validateReport`'s). `title` is Chinese, `description` English.
/// Throws `unknown_form`.
#[wasm_bindgen(js_name = reportSchema, unchecked_return_type = "Record<string, unknown>")]
pub fn report_schema_js(#[wasm_bindgen(unchecked_param_type = "FormId")] form: JsValue) -> Result<JsValue, JsValue> {
    let plan = active_plan().map_err(|e| super::convert::js_error(&e))?;
    schema_in(&plan, &form)
}

/// `reportSchema` under the given plan.
pub(crate) fn schema_in(plan: &Plan, form: &JsValue) -> Result<JsValue, JsValue> {
    out(form_id(form).and_then(|form| report_schema(plan, &form)))
}

#[wasm_bindgen(typescript_custom_section)]
const FORM_ID_TS: &'static str = r#"
/** The report forms of the plan. */
export type FormId = "initial_report" | "staged_report" | "room_record" | "disposal_report" | "readiness_check";
"#;
