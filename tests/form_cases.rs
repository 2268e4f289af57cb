//! The form-validation cases of `tests/data/form_cases.json`, run against the default plan.
//!
//! A case names a form and either gives `data` or builds it from a valid `base` with, in this
//! order: `patch` (JSON merge patch, RFC 7396: `null` removes), `set` (JSON Pointer → value),
//! `remove` (pointers), `repeat` (a long string or a long array at a pointer), `with_plan` (the
//! validating plan's `{id, version}` at `/plan`). It expects either
//! `{ok, errors, warnings}` — each a list of `{path, code}`, compared exactly, order aside — or
//! `{error: code}` for misuse. Message text is never asserted (only that it is filled in).
//! A case without `now` is judged against a clock that says the file's `clock`, as the binding
//! judges a call without `opts.now` against the browser's clock.

use std::collections::BTreeSet;

use exam_incident::forms::{validate_report, Finding, ValidateOptions};
use exam_incident::plan::{default_plan, Plan};
use exam_incident::time::{parse_time, FixedClock};
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

/// Builds a case's data from its base and modifications; `with_plan` names the plan validating
/// it (`plan: {id, version}`, as drafts do), so that the file need not spell out its version.
pub fn build(case: &Value, bases: &Map<String, Value>, plan: &Plan) -> Value {
    let mut data = build_data(case, bases);
    if case.get("with_plan").and_then(Value::as_bool) == Some(true) {
        data["plan"] = serde_json::json!({ "id": plan.doc().id, "version": plan.doc().version });
    }
    data
}

fn build_data(case: &Value, bases: &Map<String, Value>) -> Value {
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
    let clock = FixedClock(parse_time(file["clock"].as_str().expect("a clock"), plan.timezone()).expect("the clock is a time"));
    let mut failures = Vec::new();
    let mut seen_codes: BTreeSet<String> = BTreeSet::new();
    for (i, case) in cases.iter().enumerate() {
        let name = format!("#{i} {}", case["name"].as_str().unwrap_or("?"));
        let data = build(case, bases, &plan);
        let opts = ValidateOptions { now: case.get("now").and_then(Value::as_str).map(str::to_string) };
        let form = case["form"].as_str().unwrap();
        let expect = &case["expect"];
        match (validate_report(&plan, form, &data, &opts, &clock), expect.get("error")) {
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

/// Messages show what a reader reads, never the plan's ids: a kind or role by its title, a
/// severity, a boolean or a JSON type in words (`params` keep the ids). Over every case: a
/// Chinese message, once the values shown as given (what the user typed, the values to type,
/// times, numbers) are taken out, has no id of the plan left in it; an English one, no
/// snake_case id.
#[test]
fn messages_show_titles_and_words_not_ids() {
    let plan = default_plan().unwrap();
    let file = load();
    let bases = file["bases"].as_object().unwrap();
    let clock = FixedClock(parse_time(file["clock"].as_str().unwrap(), plan.timezone()).unwrap());
    let doc = plan.doc();
    let mut ids: BTreeSet<String> = doc.kinds.iter().map(|k| k.id.clone()).chain(doc.roles.iter().map(|r| r.id.clone())).collect();
    ids.extend(["major", "general", "yes", "no", "object", "array", "string", "number", "integer", "boolean"].map(String::from));
    let is_ids = |v: &str| v.split(", ").all(|x| ids.contains(x));
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in file["cases"].as_array().unwrap() {
        let data = build(case, bases, &plan);
        let opts = ValidateOptions { now: case.get("now").and_then(Value::as_str).map(str::to_string) };
        let Ok(r) = validate_report(&plan, case["form"].as_str().unwrap(), &data, &opts, &clock) else { continue };
        for f in r.errors.iter().chain(&r.warnings) {
            checked += 1;
            let (mut zh, en) = (f.message.zh.clone(), f.message.en.clone());
            // The values to type (a vocabulary's `allowed`) are shown as they must be typed.
            let typed = |k: &str| k == "allowed" && f.code != "not_in_chain";
            for (k, v) in &f.params {
                if let Some(v) = v.as_str().filter(|v| typed(k) || !is_ids(v)) {
                    zh = zh.replace(v, "");
                }
            }
            let words = |s: &str| -> Vec<String> {
                s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_string).collect()
            };
            let left: Vec<String> = words(&zh).into_iter().filter(|w| ids.contains(w)).collect();
            let left_en: Vec<String> = words(&en).into_iter().filter(|w| w.contains('_') && ids.contains(w)).collect();
            if !left.is_empty() || !left_en.is_empty() {
                failures.push(format!("{}: {} shows {left:?} {left_en:?}: {:?}", case["name"], f.code, f.message));
            }
        }
    }
    assert!(checked > 150, "{checked} findings");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A text that states a threshold takes it from the plan: under a site plan where mass cheating
/// takes three rooms, the message says three, in both languages.
#[test]
fn a_site_plans_threshold_shows_in_its_messages() {
    let base = default_plan().unwrap();
    let mut doc = exam_incident::plan::default_plan_value().unwrap();
    doc["thresholds"]["mass_cheating_rooms"]["value"] = serde_json::json!(3);
    let site = Plan::from_value(&doc).unwrap();
    let file = load();
    let mut data = file["bases"]["initial_mass_cheating"].clone();
    data["details"]["rooms"] = serde_json::json!(["第3考场", "第5考场"]);
    let clock = FixedClock(parse_time(file["clock"].as_str().unwrap(), site.timezone()).unwrap());
    let r = validate_report(&site, "initial_report", &data, &ValidateOptions::default(), &clock).unwrap();
    let f = r.errors.iter().find(|f| f.code == "too_few_rooms").expect("two rooms are too few under the site plan");
    assert_eq!(f.params["min"], serde_json::json!(3));
    for text in [&f.message.zh, &f.message.en] {
        assert!(text.contains('3'), "{text}");
    }
    assert!(!f.message.zh.contains('两'), "{}", f.message.zh);
    assert!(validate_report(&base, "initial_report", &data, &ValidateOptions::default(), &clock).unwrap().ok);
}

/// Where the reporting chain names no one for the reporter's role, the message says so in the
/// plan's words rather than listing nobody as `—`; a boolean shows as the plan's 是/否.
#[test]
fn messages_say_nobody_and_yes_or_no_in_the_plans_words() {
    let plan = default_plan().unwrap();
    let words = &plan.doc().forms.words;
    let file = load();
    let clock = FixedClock(parse_time(file["clock"].as_str().unwrap(), plan.timezone()).unwrap());
    let mut data = file["bases"]["initial_report"].clone();
    data["reporter"]["role"] = "medical_staff".into();
    let r = validate_report(&plan, "initial_report", &data, &ValidateOptions::default(), &clock).unwrap();
    let f = r.warnings.iter().find(|f| f.code == "not_in_chain").expect("medical staff have no link in the chain");
    assert_eq!(f.params["allowed"], "");
    assert!(f.message.zh.contains(&words.nobody.zh) && f.message.en.contains(&words.nobody.en), "{:?}", f.message);
    assert!(!f.message.zh.contains('—'));

    let mut power = file["bases"]["initial_power"].clone();
    power["details"]["restored_at"] = "2026-06-13T10:30".into();
    power["details"]["compensated_minutes"] = Value::Null;
    let r = validate_report(&plan, "initial_report", &power, &ValidateOptions::default(), &clock).unwrap();
    let f = r.warnings.iter().find(|f| f.code == "escalation_decision_missing").expect("an hour's outage");
    assert_eq!(f.params["regional"], "no");
    assert!(f.message.zh.contains(&words.no.zh) && f.message.en.contains(&words.no.en), "{:?}", f.message);
}
