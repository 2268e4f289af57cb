//! Thresholds named in texts (issue 12 item 5): a text that states a threshold writes it as
//! `{<threshold id>}`, filled with the threshold's value when the plan is loaded, so that a site
//! that changes a threshold gets texts that say the same.
//!
//! Texts also hold placeholders filled at run time (`{room}`, `{count}`, …). The two are told
//! apart by where the text sits: the sections in [`RUNTIME_SECTIONS`] are templates filled per
//! call, and there a name that is a threshold id is filled at load and any other name is left for
//! run time; everywhere else a text has no run-time values, so every `{name}` in it must be a
//! threshold id, and one that is not is refused with its path. Run-time names must therefore
//! never be threshold ids.

use serde_json::Value;

use super::problem::{ProblemKind, Problems};
use crate::text::{Template, Text};

/// Top-level sections whose texts are filled again at run time.
pub const RUNTIME_SECTIONS: &[&str] = &["phone_script", "messages", "forms"];

/// Fills threshold placeholders in every bilingual text of `doc`, in place, and reports a
/// placeholder outside the run-time sections that names no threshold.
pub fn fill(doc: &mut Value, problems: &mut Problems) {
    let values = values(doc);
    let Value::Object(map) = doc else { return };
    for (key, section) in map.iter_mut() {
        let runtime = RUNTIME_SECTIONS.contains(&key.as_str());
        walk(section, key, runtime, &values, problems);
    }
}

/// Each threshold id with its value as texts write it (`10`, `0.2`).
fn values(doc: &Value) -> Vec<(String, String)> {
    let Some(Value::Object(ts)) = doc.get("thresholds") else { return Vec::new() };
    ts.iter().filter_map(|(id, t)| Some((id.clone(), number(t.get("value")?.as_f64()?)))).collect()
}

fn number(v: f64) -> String {
    // Whole numbers read without a decimal point; the cast is exact below 2^53.
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        crate::text::number(v)
    }
}

fn walk(value: &mut Value, path: &str, runtime: bool, values: &[(String, String)], problems: &mut Problems) {
    match value {
        Value::Object(map) if is_text(map) => {
            for lang in ["zh", "en"] {
                if let Some(Value::String(s)) = map.get_mut(lang) {
                    if s.contains('{') {
                        *s = fill_one(s, &format!("{path}.{lang}"), runtime, values, problems);
                    }
                }
            }
        }
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                walk(v, &super::decode::join_path(path, k), runtime, values, problems);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                walk(v, &format!("{path}[{i}]"), runtime, values, problems);
            }
        }
        _ => {}
    }
}

fn is_text(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 2 && map.get("zh").is_some_and(Value::is_string) && map.get("en").is_some_and(Value::is_string)
}

fn fill_one(s: &str, path: &str, runtime: bool, values: &[(String, String)], problems: &mut Problems) -> String {
    let template = Template::new(&Text::new(s, ""));
    let filled = template.fill(|name, out| match values.iter().find(|(id, _)| id == name) {
        Some((_, v)) => {
            out.push_str(v);
            true
        }
        None => {
            if !runtime {
                problems.push(path.to_string(), ProblemKind::UnknownRef { what: "threshold", id: name.to_string() });
            }
            false
        }
    });
    filled.zh
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fills_thresholds_and_leaves_runtime_names_in_runtime_sections() {
        let mut doc = json!({
            "thresholds": { "a_minutes": { "value": 30.0 }, "f": { "value": 0.2 } },
            "kinds": [{ "text": { "zh": "{a_minutes}分钟，{f}", "en": "{a_minutes} minutes" } }],
            "messages": { "m": { "zh": "{count}/{a_minutes}", "en": "{count}" } }
        });
        let mut problems = Problems::default();
        fill(&mut doc, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc["kinds"][0]["text"]["zh"], "30分钟，0.2");
        assert_eq!(doc["messages"]["m"]["zh"], "{count}/30");
    }

    #[test]
    fn refuses_an_unknown_name_outside_runtime_sections() {
        let mut doc = json!({ "thresholds": {}, "roles": [{ "title": { "zh": "{nope}", "en": "x" } }] });
        let mut problems = Problems::default();
        fill(&mut doc, &mut problems);
        assert_eq!(problems.0.len(), 1);
        assert_eq!(problems.0[0].path, "roles[0].title.zh");
        assert_eq!(problems.0[0].code, "unknown_reference");
    }
}
