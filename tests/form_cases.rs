//! The form-validation cases of `tests/data/form_cases.json`, run against the default plan.
//!
//! A case names a form and either gives `data` or builds it from a valid `base` with, in this
//! order: `patch` (JSON merge patch, RFC 7396: `null` removes), `set` (JSON Pointer → value),
//! `remove` (pointers), `repeat` (a long string or a long array at a pointer). It expects either
//! `{ok, errors, warnings}` — each a list of `{path, code}`, compared exactly, order aside — or
//! `{error: code}` for misuse. Message text is never asserted (only that it is filled in).

use std::collections::BTreeSet;

use exam_incident::forms::{validate_report, Finding, ValidateOptions};
use exam_incident::plan::default_plan;
use serde_json::{Map, Value};

fn merge(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(t), Some(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

fn split(pointer: &str) -> (&str, String) {
    let (parent, last) = pointer.rsplit_once('/').expect("pointer");
    (parent, last.replace("~1", "/").replace("~0", "~"))
}

fn set(root: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = split(pointer);
    match root.pointer_mut(parent).unwrap_or_else(|| panic!("no parent for {pointer}")) {
        Value::Object(m) => {
            m.insert(key, value);
        }
        Value::Array(a) => {
            let i: usize = key.parse().unwrap();
            a[i] = value;
        }
        _ => panic!("{pointer}: parent is not a container"),
    }
}

fn remove(root: &mut Value, pointer: &str) {
    let (parent, key) = split(pointer);
    match root.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.remove(&key).unwrap_or_else(|| panic!("nothing at {pointer}"));
        }
        Some(Value::Array(a)) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}: no container"),
    }
}

/// Builds a case's data from its base and modifications.
pub fn build(case: &Value, bases: &Map<String, Value>) -> Value {
    if let Some(d) = case.get("data") {
        return d.clone();
    }
    let base = case["base"].as_str().expect("base or data");
    let mut data = bases.get(base).unwrap_or_else(|| panic!("no base {base}")).clone();
    if let Some(p) = case.get("patch") {
        merge(&mut data, p);
    }
    for (k, v) in case.get("set").and_then(Value::as_object).into_iter().flatten() {
        set(&mut data, k, v.clone());
    }
    for p in case.get("remove").and_then(Value::as_array).into_iter().flatten() {
        remove(&mut data, p.as_str().unwrap());
    }
    for r in case.get("repeat").and_then(Value::as_array).into_iter().flatten() {
        let times = r["times"].as_u64().unwrap() as usize;
        let value = match (r.get("text"), r.get("item")) {
            (Some(t), _) => Value::String(t.as_str().unwrap().repeat(times)),
            (_, Some(item)) => Value::Array(vec![item.clone(); times]),
            _ => panic!("repeat needs text or item"),
        };
        set(&mut data, r["at"].as_str().unwrap(), value);
    }
    data
}

fn pairs(list: &Value) -> BTreeSet<(String, String)> {
    list.as_array()
        .map(|a| a.iter().map(|f| (f["path"].as_str().unwrap().to_string(), f["code"].as_str().unwrap().to_string())).collect())
        .unwrap_or_default()
}

fn got(list: &[Finding]) -> BTreeSet<(String, String)> {
    list.iter().map(|f| (f.path.clone(), f.code.clone())).collect()
}

pub fn load() -> Value {
    serde_json::from_str(include_str!("data/form_cases.json")).expect("form_cases.json is JSON")
}

#[test]
fn form_cases() {
    let plan = default_plan().unwrap();
    let file = load();
    let bases = file["bases"].as_object().unwrap();
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut failures = Vec::new();
    let mut seen_codes: BTreeSet<String> = BTreeSet::new();
    for (i, case) in cases.iter().enumerate() {
        let name = format!("#{i} {}", case["name"].as_str().unwrap_or("?"));
        let data = build(case, bases);
        let opts = ValidateOptions { now: case.get("now").and_then(Value::as_str).map(str::to_string) };
        let form = case["form"].as_str().unwrap();
        let expect = &case["expect"];
        match (validate_report(&plan, form, &data, &opts), expect.get("error")) {
            (Err(e), Some(code)) => {
                if e.code() != code.as_str().unwrap() {
                    failures.push(format!("{name}: error {} instead of {code}", e.code()));
                }
                seen_codes.insert(e.code().to_string());
            }
            (Err(e), None) => failures.push(format!("{name}: unexpected error {e}")),
            (Ok(_), Some(code)) => failures.push(format!("{name}: expected error {code}")),
            (Ok(r), None) => {
                for f in r.errors.iter().chain(&r.warnings) {
                    seen_codes.insert(f.code.clone());
                    let m = &f.message;
                    if m.is_blank() || m.zh.contains('{') || m.en.contains('{') {
                        failures.push(format!("{name}: message of {} not filled: {m:?}", f.code));
                    }
                }
                if r.ok != expect["ok"].as_bool().unwrap() {
                    failures.push(format!("{name}: ok = {}", r.ok));
                }
                // `partial`: only for the finding cap, where listing 200 findings is pointless.
                let partial = expect.get("partial").and_then(Value::as_bool).unwrap_or(false);
                for (label, want, have) in
                    [("errors", &expect["errors"], got(&r.errors)), ("warnings", &expect["warnings"], got(&r.warnings))]
                {
                    let want = pairs(want);
                    let ok = if partial { want.is_subset(&have) } else { want == have };
                    if !ok {
                        failures.push(format!("{name}: {label}\n   want {want:?}\n   got  {have:?}"));
                    }
                }
                if let Some(n) = expect.get("error_count").and_then(Value::as_u64) {
                    if r.errors.len() as u64 != n {
                        failures.push(format!("{name}: {} errors, want {n}", r.errors.len()));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    // Every finding code the default plan can produce is exercised by some case.
    let unused: Vec<&String> =
        plan.doc().messages.keys().filter(|c| !seen_codes.contains(*c) && !NEVER_IN_DEFAULT_PLAN.contains(&c.as_str())).collect();
    assert!(unused.is_empty(), "codes with no case: {unused:?}");
}

/// Codes the mechanisms have but the default plan gives no field the occasion for.
const NEVER_IN_DEFAULT_PLAN: &[&str] = &["above_max"];
