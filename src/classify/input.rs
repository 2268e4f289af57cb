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
        _ => return Err(Error::bad_argument("input", "{ text?, facts? } 形式的对象", "an object { text?, facts? }")),
    };
    if let Some(k) = obj.keys().find(|k| !matches!(k.as_str(), "text" | "facts")) {
        return Err(Error::bad_argument(format!("input.{}", crate::error::clip(k)), "只能有 text 和 facts 两项", "only text and facts"));
    }
    let text = match obj.get("text") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            if too_long(s) {
                return Err(Error::too_large("text", MAX_TEXT_CHARS));
            }
            Some(s.clone())
        }
        Some(_) => return Err(Error::bad_argument("text", "字符串", "a string")),
    };
    let facts = match obj.get("facts") {
        None | Some(Value::Null) => None,
        Some(Value::Object(f)) => {
            if let Some(k) = f.keys().find(|k| !FACT_FIELDS.contains(&k.as_str())) {
                return Err(Error::bad_argument(
                    format!("facts.{}", crate::error::clip(k)),
                    "Facts 的字段（phase、signals、rooms_affected、candidates_affected、outage_minutes、restored、regional、candidates_fraction、candidates_large）",
                    "a field of Facts (phase, signals, rooms_affected, candidates_affected, outage_minutes, restored, regional, candidates_fraction, candidates_large)",
                ));
            }
            let facts: Facts = crate::json::decode(obj.get("facts").unwrap_or(&Value::Null)).map_err(|e| {
                let top = e.path.split(['.', '[']).next().unwrap_or("").to_string();
                let top = if top.is_empty() { bad_fact_field(f) } else { top };
                let path = if e.path.is_empty() { top.clone() } else { e.path };
                let (zh, en) = expected(&top);
                Error::bad_argument(format!("facts.{path}"), zh, en)
            })?;
            check_facts(&facts)?;
            Some(facts)
        }
        Some(_) => return Err(Error::bad_argument("facts", "对象（Facts）", "an object (Facts)")),
    };
    Ok(ClassifyInput { text, facts })
}

/// Ranges serde cannot express.
pub fn check_facts(f: &Facts) -> Result<(), Error> {
    if f.outage_minutes.is_some_and(|m| !(m.is_finite() && m >= 0.0)) {
        let (zh, en) = expected("outage_minutes");
        return Err(Error::bad_argument("facts.outage_minutes", zh, en));
    }
    if f.candidates_fraction.is_some_and(|m| !(0.0..=1.0).contains(&m)) {
        let (zh, en) = expected("candidates_fraction");
        return Err(Error::bad_argument("facts.candidates_fraction", zh, en));
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

/// What a field of `facts` must hold, in Chinese and English.
fn expected(field: &str) -> (&'static str, &'static str) {
    match field {
        "phase" => (
            "transport、storage、before_exam、during_exam、after_exam 之一",
            "one of transport, storage, before_exam, during_exam, after_exam",
        ),
        "signals" => (
            "信号标识的数组（paper_stolen、paper_lost、…、paper_taken_away）",
            "an array of signal ids (paper_stolen, paper_lost, …, paper_taken_away)",
        ),
        "rooms_affected" | "candidates_affected" => ("不小于 0 的整数", "a whole number ≥ 0"),
        "outage_minutes" => ("不小于 0 的分钟数", "a number of minutes ≥ 0"),
        "candidates_fraction" => ("0 到 1 之间的数", "a number from 0 to 1"),
        "restored" | "regional" | "candidates_large" => ("true 或 false", "true or false"),
        "rooms" => ("考场名称的数组", "an array of room names"),
        _ => ("Facts 对象", "Facts"),
    }
}
