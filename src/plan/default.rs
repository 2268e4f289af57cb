//! The embedded default plan (`plans/sd101/`), merged from its parts and minified by `build.rs`.

use base64::Engine;
use serde_json::Value;

use super::{Plan, ProblemKind, Problems};
use crate::error::{Error, ErrorKind};

// The plan's text around its model's weights, and the weights as raw bytes (see `build.rs`):
// base64 text in the wasm compressed to ~4 KB more than the bytes.
const HEAD: &str = include_str!(concat!(env!("OUT_DIR"), "/default_plan_head.json"));
const WEIGHTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default_model.bin"));
const TAIL: &str = include_str!(concat!(env!("OUT_DIR"), "/default_plan_tail.json"));

/// The default plan as one JSON value (what a site starts from to write its own).
///
/// # Errors
/// Only if the embedded text does not parse, which the build rules out.
pub fn default_plan_value() -> Result<Value, Error> {
    serde_json::from_str(&default_plan_json()).map_err(|e| {
        let mut problems = Problems::default();
        problems.push("", ProblemKind::Syntax(e.to_string()));
        Error::new(ErrorKind::PlanInvalid(problems.0))
    })
}

/// The default plan as JSON text.
pub fn default_plan_json() -> String {
    let mut text = String::with_capacity(HEAD.len() + WEIGHTS.len().div_ceil(3) * 4 + TAIL.len());
    text.push_str(HEAD);
    base64::engine::general_purpose::STANDARD.encode_string(WEIGHTS, &mut text);
    text.push_str(TAIL);
    text
}

/// Loads the embedded default plan (checked by the test suite, not at every start).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn default_plan() -> Result<Plan, Error> {
    Plan::from_checked_value(default_plan_value()?)
}
