//! `classify`.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::convert::{json_of, out};
use super::state::active_plan;
use crate::classify::{classify_value, Classification, MAX_TEXT_CHARS};
use crate::plan::Plan;

/// The largest input accepted as JSON: the text at its limit, escaped, plus facts.
const MAX_INPUT_BYTES: usize = MAX_TEXT_CHARS * 6 + 64 * 1024;

/// Classifies an incident from a proctor's words (`text`, Chinese or English, at most 10,000
/// characters) and/or ticked `facts` (which win over the text). Returns the best kind and
/// severity, every candidate kind with its evidence (offsets in UTF-16 code units, as JS strings
/// index), the facts understood, and the questions whose answers would change the result.
/// Throws `bad_argument` naming the field (`facts.signals[2]`) or `too_large` naming `text`.
#[wasm_bindgen]
pub fn classify(#[wasm_bindgen(unchecked_param_type = "ClassifyInput")] input: JsValue) -> Result<Ts<Classification>, JsValue> {
    let plan = active_plan().map_err(|e| super::convert::js_error(&e))?;
    classify_in(&plan, &input)
}

/// `classify` under the given plan (the module's or a `Plan` object's).
pub(crate) fn classify_in(plan: &Plan, input: &JsValue) -> Result<Ts<Classification>, JsValue> {
    let r = json_of(input, "input", MAX_INPUT_BYTES).and_then(|v| classify_value(plan, &v));
    out(r).map(Ts::new_unchecked)
}
