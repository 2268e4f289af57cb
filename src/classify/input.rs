//! Reading `classify`'s input from JSON, naming the bad field of a malformed one. Decoding stops
//! at the first bad field: the caller fixes it and calls again.

use serde_json::Value;

use super::facts::{Facts, FACT_FIELDS};
use super::ClassifyInput;
use crate::error::Error;

/// The longest text `classify` reads, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Whether `text` has more than [`MAX_TEXT_CHARS`] characters (a short text in bytes is not
/// counted at all).
pub fn too_long(text: &str) -> bool {
    text.len() > MAX_TEXT_CHARS && text.chars().nth(MAX_TEXT_CHARS).is_some()
}

/// `{ text?, facts? }` from JSON.
///
/// # Errors
/// `bad_argument` naming the field (`input`, `text`, `facts.rooms_affected`, `facts.signals[2]`);
/// `too_large` naming `text`.
pub fn decode_input(value: &Value) -> Result<ClassifyInput, Error> {
    let obj = match value {
        Value::Null => return Ok(ClassifyInput::default()),
        Value::Object(o) => o,
        _ => return Err(Error::bad_argument("input", "an object { text?, facts? }")),
    };
    if let Some(k) = obj.keys().find(|k| !matches!(k.as_str(), "text" | "facts")) {
        return Err(Error::bad_argument(format!("input.{}", crate::error::clip(k)), "only text and facts"));
    }
    let text = match obj.get("text") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            if too_long(s) {
                return Err(Error::too_large("text", MAX_TEXT_CHARS));
            }
            Some(s.clone())
        }
        Some(_) => return Err(Error::bad_argument("text", "a string")),
    };
    let facts = match obj.get("facts") {
        None | Some(Value::Null) => None,
        Some(Value::Object(f)) => {
            if let Some(k) = f.keys().find(|k| !FACT_FIELDS.contains(&k.as_str())) {
                return Err(Error::bad_argument(format!("facts.{}", crate::error::clip(k)), "a field of Facts (phase, signals, rooms_affected, candidates_affected, outage_minutes, restored, regional, candidates_fraction, candidates_large)"));
            }
            let facts: Facts = crate::json::decode(obj.get("facts").unwrap_or(&Value::Null)).map_err(|e| {
                let top = e.path.split(['.', '[']).next().unwrap_or("").to_string();
                let top = if top.is_empty() { bad_fact_field(f) } else { top };
                let path = if e.path.is_empty() { top.clone() } else { e.path };
                Error::bad_argument(format!("facts.{path}"), expected(&top))
            })?;
            check_facts(&facts)?;
            Some(facts)
        }
        Some(_) => return Err(Error::bad_argument("facts", "an object (Facts)")),
    };
    Ok(ClassifyInput { text, facts })
}

/// Ranges serde cannot express.
pub fn check_facts(f: &Facts) -> Result<(), Error> {
    if f.outage_minutes.is_some_and(|m| !(m.is_finite() && m >= 0.0)) {
        return Err(Error::bad_argument("facts.outage_minutes", expected("outage_minutes")));
    }
    if f.candidates_fraction.is_some_and(|m| !(0.0..=1.0).contains(&m)) {
        return Err(Error::bad_argument("facts.candidates_fraction", expected("candidates_fraction")));
    }
    Ok(())
}

/// The field of `facts` a type error is in, when serde's message does not say: the first field
/// whose value is not of the JSON type Facts gives it.
fn bad_fact_field(f: &serde_json::Map<String, Value>) -> String {
    let wrong = |k: &str, v: &Value| match k {
        "phase" => !v.is_string() && !v.is_null(),
        "signals" => !v.is_array() && !v.is_null(),
        "restored" | "regional" | "candidates_large" => !v.is_boolean() && !v.is_null(),
        "rooms" => !v.is_array() && !v.is_null(),
        _ => !v.is_number() && !v.is_null(),
    };
    f.iter().find(|(k, v)| wrong(k, v)).map(|(k, _)| k.clone()).unwrap_or_default()
}

fn expected(field: &str) -> &'static str {
    match field {
        "phase" => "one of transport, storage, before_exam, during_exam, after_exam",
        "signals" => "an array of signal ids (paper_stolen, paper_lost, …, paper_taken_away)",
        "rooms_affected" | "candidates_affected" => "a whole number ≥ 0",
        "outage_minutes" => "a number of minutes ≥ 0",
        "candidates_fraction" => "a number from 0 to 1",
        "restored" | "regional" | "candidates_large" => "true or false",
        "rooms" => "an array of room names",
        _ => "Facts",
    }
}
