//! JSON → plan document, reporting every structural problem with its place instead of the first.

use crate::json::FromJson;
use serde_json::{Map, Value};

use super::model::PlanDocument;
use super::problem::{ProblemKind, Problems};

/// The largest plan document accepted, in bytes of JSON.
pub const MAX_PLAN_BYTES: usize = 2 * 1024 * 1024;

/// The document format this build reads.
pub const FORMAT: u32 = 1;

/// Parses a JSON text into a raw value, or one located syntax problem.
pub fn parse_json(text: &str, problems: &mut Problems) -> Option<Value> {
    if text.len() > MAX_PLAN_BYTES {
        problems.push("", ProblemKind::Shape(format!("document of {} bytes exceeds the limit of {MAX_PLAN_BYTES}", text.len())));
        return None;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push("", ProblemKind::Syntax(format!("line {} column {}: {}", e.line(), e.column(), short(&e.to_string()))));
            None
        }
    }
}

/// Decodes a raw value into a plan document. On failure, decodes section by section and element
/// by element so that each broken kind, step group or role is reported once, with its path.
pub fn decode_document(value: &Value, problems: &mut Problems) -> Option<PlanDocument> {
    let Some(obj) = value.as_object() else {
        problems.push("", ProblemKind::Shape("the plan must be a JSON object".into()));
        return None;
    };
    if let Some(f) = obj.get("format") {
        match f.as_u64() {
            Some(n) if n == u64::from(FORMAT) => {}
            Some(n) => {
                problems.push("format", ProblemKind::UnsupportedFormat(u32::try_from(n).unwrap_or(u32::MAX)));
                return None;
            }
            None => {}
        }
    }
    match crate::json::decode::<PlanDocument>(value) {
        Ok(doc) => Some(doc),
        Err(_) => {
            locate_all(obj, problems);
            None
        }
    }
}

/// Decodes one value as `T`, reporting a failure at `prefix` + the path inside the value.
pub fn decode_at<T: FromJson>(value: &Value, prefix: &str, problems: &mut Problems) -> Option<T> {
    match crate::json::decode::<T>(value) {
        Ok(t) => Some(t),
        Err(e) => {
            report(&e, prefix, problems);
            None
        }
    }
}

/// The failure of `decode_at`, written once rather than per decoded type.
#[inline(never)]
fn report(e: &crate::json::DecodeError, prefix: &str, problems: &mut Problems) {
    problems.push(join_path(prefix, &e.path), ProblemKind::Shape(short(&e.message)));
}

fn decode_each<T: FromJson>(obj: &Map<String, Value>, key: &str, problems: &mut Problems) {
    match obj.get(key) {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let _ = decode_at::<T>(item, &item_path(key, i), problems);
            }
        }
        Some(other) => {
            let _ = decode_at::<Vec<T>>(other, key, problems);
        }
        None => {}
    }
}

#[inline(never)]
fn item_path(key: &str, i: usize) -> String {
    format!("{key}[{i}]")
}

fn locate_all(obj: &Map<String, Value>, problems: &mut Problems) {
    use super::model::*;
    let before = problems.0.len();
    // Missing and unknown top-level fields.
    for key in obj.keys() {
        if !PLAN_FIELDS.contains(&key.as_str()) {
            problems.push(key.clone(), ProblemKind::Shape(format!("unknown field `{key}`")));
        }
    }
    for key in PLAN_FIELDS.iter().filter(|k| !OPTIONAL_PLAN_FIELDS.contains(k)) {
        if !obj.contains_key(*key) {
            problems.push(*key, ProblemKind::Shape(format!("missing field `{key}`")));
        }
    }
    decode_each::<Role>(obj, "roles", problems);
    decode_each::<Anchor>(obj, "anchors", problems);
    decode_each::<StepGroup>(obj, "step_groups", problems);
    decode_each::<Kind>(obj, "kinds", problems);
    decode_each::<ReadinessItem>(obj, "readiness", problems);
    decode_each::<CitedText>(obj, "principles", problems);
    decode_each::<StandingRule>(obj, "standing", problems);
    for (key, value) in obj {
        match key.as_str() {
            "roles" | "anchors" | "step_groups" | "kinds" | "readiness" | "principles" | "standing" => {}
            "reporting" => {
                let _ = decode_at::<Reporting>(value, key, problems);
            }
            "thresholds" => {
                let _ = decode_at::<crate::map::VecMap<String, Threshold>>(value, key, problems);
            }
            "phone_script" => {
                let _ = decode_at::<PhoneScript>(value, key, problems);
            }
            "draft_texts" => {
                let _ = decode_at::<DraftTexts>(value, key, problems);
            }
            "log" => {
                let _ = decode_at::<LogRules>(value, key, problems);
            }
            "name" | "source" => {
                let _ = decode_at::<crate::text::Text>(value, key, problems);
            }
            "id" | "version" | "timezone" => {
                let _ = decode_at::<String>(value, key, problems);
            }
            "format" => {
                let _ = decode_at::<u32>(value, key, problems);
            }
            _ => decode_extension(key, value, problems),
        }
    }
    if problems.0.len() == before {
        // The whole failed but no part did: report the whole's own error.
        if let Err(e) = crate::json::decode::<PlanDocument>(&Value::Object(obj.clone())) {
            problems.push(e.path, ProblemKind::Shape(short(&e.message)));
        }
    }
}

/// Sections that other modules own: classifier, forms, messages.
fn decode_extension(key: &str, value: &Value, problems: &mut Problems) {
    match key {
        "classifier" => {
            let _ = decode_at::<crate::classify::spec::ClassifierSpec>(value, key, problems);
        }
        "forms" => {
            let _ = decode_at::<crate::forms::spec::FormsSpec>(value, key, problems);
        }
        "messages" => {
            let _ = decode_at::<crate::forms::spec::Messages>(value, key, problems);
        }
        _ => {}
    }
}

/// Every top-level field of a plan document.
pub const PLAN_FIELDS: &[&str] = &[
    "format",
    "id",
    "version",
    "name",
    "source",
    "timezone",
    "thresholds",
    "principles",
    "roles",
    "anchors",
    "reporting",
    "step_groups",
    "kinds",
    "readiness",
    "standing",
    "phone_script",
    "draft_texts",
    "log",
    "classifier",
    "forms",
    "messages",
];

/// The top-level fields a plan may leave out (the model gives them a default).
const OPTIONAL_PLAN_FIELDS: &[&str] = &["anchors", "standing", "log"];

/// `kinds[3]` + `steps[2].actor` → `kinds[3].steps[2].actor`.
pub fn join_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    }
}

fn short(s: &str) -> String {
    crate::error::clip_to(s, 200)
}
