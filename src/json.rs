//! The one way the crate turns JSON into typed data.
//!
//! serde generates a decoder for every pair of (type, deserializer); in wasm each pair costs
//! kilobytes. Everything is therefore parsed to a `serde_json::Value` first and decoded from
//! `&Value` here, so each type's decoder exists once. Locating an error inside the value (which
//! a path-tracking deserializer would do at the price of a second decoder per type) is done
//! afterwards, from serde's message and the value itself.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why a value did not decode, and where inside it (`steps[2].actor`, `""` for the value itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    pub message: String,
}

/// Decodes `T` from `value`.
///
/// # Errors
/// The serde message, with the place inside `value` it most likely refers to.
pub fn decode<T: DeserializeOwned>(value: &Value) -> Result<T, DecodeError> {
    T::deserialize(value).map_err(|e| {
        let message = e.to_string();
        let path = locate(value, &message).unwrap_or_default();
        DecodeError { path, message }
    })
}

/// Finds what serde's message names: an unknown field by its key, an unknown variant or an
/// invalid string by its value, a missing field by the first object that lacks it.
fn locate(value: &Value, message: &str) -> Option<String> {
    let quoted = |prefix: &str| -> Option<&str> {
        let rest = &message[message.find(prefix)? + prefix.len()..];
        let end = rest.find('`')?;
        Some(&rest[..end])
    };
    if let Some(key) = quoted("unknown field `") {
        return find(value, String::new(), &|v| v.as_object().is_some_and(|o| o.contains_key(key)), Some(key));
    }
    if let Some(variant) = quoted("unknown variant `") {
        return find(value, String::new(), &|v| v.as_str() == Some(variant), None);
    }
    if let Some(field) = quoted("missing field `") {
        return lacking(value, field);
    }
    // `invalid value: integer `-3`, expected …`, `invalid type: floating point `1.5`, …`
    for prefix in ["integer `", "floating point `"] {
        if let Some(n) = quoted(prefix).and_then(|n| n.parse::<f64>().ok()) {
            return find(value, String::new(), &|v| v.as_f64() == Some(n), None);
        }
    }
    // `invalid type: string "x", expected …`
    let start = message.find(": string \"").map(|i| i + 10)?;
    let rest = &message[start..];
    let text = &rest[..rest.find("\", expected")?];
    find(value, String::new(), &|v| v.as_str() == Some(text), None)
}

/// The object that most likely should have had `field`: of those lacking it, the one whose keys
/// overlap most with an object of the same shape that has it.
fn lacking(value: &Value, field: &str) -> Option<String> {
    let mut objects: Vec<(String, &serde_json::Map<String, Value>)> = Vec::new();
    collect_objects(value, String::new(), &mut objects);
    let having: Vec<&serde_json::Map<String, Value>> = objects.iter().filter(|(_, o)| o.contains_key(field)).map(|(_, o)| *o).collect();
    let overlap = |a: &serde_json::Map<String, Value>| {
        having.iter().map(|b| a.keys().filter(|k| b.contains_key(*k)).count()).max().unwrap_or(0)
    };
    objects
        .iter()
        .filter(|(_, o)| !o.contains_key(field))
        .map(|(p, o)| (overlap(o), p))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, p)| p.clone())
}

fn collect_objects<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v serde_json::Map<String, Value>)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect_objects(v, join(&path, k), out);
            }
            out.push((path, map));
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_objects(v, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Depth-first search for the first node `hit` accepts; with `key`, the path goes on to that key.
fn find(value: &Value, path: String, hit: &dyn Fn(&Value) -> bool, key: Option<&str>) -> Option<String> {
    if hit(value) {
        return Some(match key {
            Some(k) => join(&path, k),
            None => path,
        });
    }
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| find(v, join(&path, k), hit, key)),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| find(v, format!("{path}[{i}]"), hit, key)),
        _ => None,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Step {
        id: String,
        actor: String,
        #[serde(default)]
        severity: Option<Sev>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Sev {
        Major,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Kind {
        steps: Vec<Step>,
    }

    #[test]
    fn locates_unknown_fields_variants_and_missing_fields() {
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b"}, {"id": "c", "actor": "d", "colour": 1}]})).unwrap_err();
        assert_eq!(e.path, "steps[1].colour");
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b", "severity": "huge"}]})).unwrap_err();
        assert_eq!(e.path, "steps[0].severity");
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b"}, {"id": "c"}]})).unwrap_err();
        assert_eq!(e.path, "steps[1]");
        let e = decode::<Vec<(u32, u32)>>(&json!([[1, 2], [3, -4]])).unwrap_err();
        assert_eq!(e.path, "[1][1]");
        let e = decode::<Kind>(&json!({"steps": 5})).unwrap_err();
        assert!(e.message.contains("invalid type"), "{}", e.message);
    }
}
