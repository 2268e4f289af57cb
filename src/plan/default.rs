//! The embedded default plan (`plans/sd101/`), merged from its parts and minified by `build.rs`.

use serde_json::Value;

use super::{Plan, ProblemKind, Problems};
use crate::error::{Error, ErrorKind};

const DEFAULT_PLAN: &str = include_str!(concat!(env!("OUT_DIR"), "/default_plan.json"));

/// The default plan as one JSON value (what a site starts from to write its own).
///
/// # Errors
/// Only if the embedded text does not parse, which the build rules out.
pub fn default_plan_value() -> Result<Value, Error> {
    serde_json::from_str(DEFAULT_PLAN).map_err(|e| {
        let mut problems = Problems::default();
        problems.push("", ProblemKind::Syntax(e.to_string()));
        Error::new(ErrorKind::PlanInvalid(problems.0))
    })
}

/// The default plan as JSON text.
pub fn default_plan_json() -> String {
    DEFAULT_PLAN.to_string()
}

/// Loads the embedded default plan (checked by the test suite, not at every start).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn default_plan() -> Result<Plan, Error> {
    Plan::from_checked_value(default_plan_value()?)
}
