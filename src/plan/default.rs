//! The embedded default plan (`plans/sd101/`), assembled from its parts at start.

use serde_json::{Map, Value};

use super::Plan;
use crate::error::Error;

/// The parts of the default plan; each is a JSON object contributing its top-level keys.
const PARTS: &[(&str, &str)] = &[
    ("plan.json", include_str!("../../plans/sd101/plan.json")),
    ("kinds.json", include_str!("../../plans/sd101/kinds.json")),
    ("classifier.json", include_str!("../../plans/sd101/classifier.json")),
    ("forms.json", include_str!("../../plans/sd101/forms.json")),
];

/// The default plan as one JSON value (what a site starts from to write its own).
pub fn default_plan_value() -> Result<Value, Error> {
    let mut merged = Map::new();
    let mut problems = super::Problems::default();
    for (name, text) in PARTS {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(obj)) => {
                for (k, v) in obj {
                    if merged.insert(k.clone(), v).is_some() {
                        problems.push(format!("{name}:{k}"), super::ProblemKind::DuplicateId(k));
                    }
                }
            }
            Ok(_) => problems.push(*name, super::ProblemKind::Shape("a plan part must be a JSON object".into())),
            Err(e) => problems.push(*name, super::ProblemKind::Syntax(e.to_string())),
        }
    }
    if problems.is_empty() {
        Ok(Value::Object(merged))
    } else {
        Err(Error::new(crate::error::ErrorKind::PlanInvalid(problems.0)))
    }
}

/// The default plan as JSON text.
pub fn default_plan_json() -> String {
    default_plan_value().map(|v| v.to_string()).unwrap_or_default()
}

/// Loads the embedded default plan (checked by the test suite, not at every start).
///
/// # Errors
/// Only if the embedded data is broken, which the test suite rules out.
pub fn default_plan() -> Result<Plan, Error> {
    Plan::from_checked_value(&default_plan_value()?)
}
