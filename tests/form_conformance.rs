//! Conformance with the forms contract (docs/forms.md, "The contract"): the field lists as
//! documented, transcribed in `tests/data/form_conformance.json`, against the plan's form specs,
//! and examples written from those lists alone — each valid as given, and broken one way at a
//! time with the exact findings expected.

use std::collections::{BTreeMap, BTreeSet};

use exam_incident::forms::spec::{Check, Field, FormsSpec};
use exam_incident::forms::{validate_report, Report, ValidateOptions, FORM_IDS};
use exam_incident::plan::{default_plan, Plan};
use exam_incident::time::{parse_time, FixedClock};
use serde_json::Value;

fn data() -> Value {
    serde_json::from_str(include_str!("data/form_conformance.json")).expect("form_conformance.json is JSON")
}

/// A field's own spec or the shared shape it names.
fn body<'s>(spec: &'s FormsSpec, f: &'s Field) -> &'s Field {
    f.shape.as_ref().map_or(f, |s| &spec.shapes[s])
}

/// The members of the object at `path` (`/reporter`, `/entries/*/approval`): name → required.
fn members(spec: &FormsSpec, form: &str, path: &str) -> BTreeMap<String, bool> {
    let mut fields = &spec.forms[form].fields;
    let mut field: Option<&Field> = None;
    for token in path.trim_start_matches('/').split('/') {
        let f = if token == "*" {
            body(spec, field.expect("`*` follows an array")).items.as_deref().unwrap_or_else(|| panic!("{form}{path}: not an array"))
        } else {
            fields.get(token).unwrap_or_else(|| panic!("{form}{path}: no field {token}"))
        };
        field = Some(f);
        fields = &body(spec, f).fields;
    }
    fields.iter().map(|(k, f)| (k.clone(), f.required)).collect()
}

fn documented(v: &Value) -> BTreeMap<String, bool> {
    v.as_object().unwrap().iter().map(|(k, r)| (k.clone(), r.as_bool().unwrap())).collect()
}

#[test]
fn every_form_has_the_documented_fields_and_no_other() {
    let plan = default_plan().unwrap();
    let spec = &plan.doc().forms;
    let file = data();
    let top = file["documented"].as_object().unwrap();
    assert_eq!(top.keys().collect::<BTreeSet<_>>(), FORM_IDS.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>().iter().collect());
    for (form, doc) in top {
        let have: BTreeMap<String, bool> = spec.forms[form].fields.iter().map(|(k, f)| (k.clone(), f.required)).collect();
        assert_eq!(have, documented(doc), "{form}: fields (name → required) differ from the contract");
    }
    for (form, paths) in file["documented_members"].as_object().unwrap() {
        for (path, doc) in paths.as_object().unwrap() {
            assert_eq!(members(spec, form, path), documented(doc), "{form}{path}: members differ from the contract");
        }
    }
}

/// Details are documented per kind ("e.g."): the documented ones are there, required as
/// documented, and nothing else is required — a rule that needs more derives it or makes it
/// optional.
#[test]
fn kind_details_require_only_what_the_contract_documents() {
    let plan = default_plan().unwrap();
    let spec = &plan.doc().forms;
    let cases = spec.forms["initial_report"]
        .rules
        .iter()
        .find_map(|r| match &r.check {
            Check::Variant { field, cases, .. } if field == "/details" => Some(cases),
            _ => None,
        })
        .expect("initial_report has per-kind details");
    let file = data();
    for (kind, doc) in file["documented_details"].as_object().unwrap() {
        let case = body(spec, &cases[kind]);
        let have: BTreeMap<String, bool> = case.fields.iter().map(|(k, f)| (k.clone(), f.required)).collect();
        for (name, required) in documented(doc) {
            assert_eq!(have.get(&name), Some(&required), "{kind}: details.{name} (required: {required})");
        }
        let extra: Vec<&String> = have.iter().filter(|(k, r)| **r && doc.get(k.as_str()).is_none()).map(|(k, _)| k).collect();
        assert!(extra.is_empty(), "{kind}: details require fields the contract does not have: {extra:?}");
    }
}

/// An example's data: a plan reference of version `$version` names the validating plan's.
fn example_data(plan: &Plan, e: &Value) -> Value {
    let mut d = e["data"].clone();
    if d.pointer("/plan/version").and_then(Value::as_str) == Some("$version") {
        d["plan"]["version"] = Value::from(plan.doc().version.as_str());
    }
    d
}

/// Validates `d` as the example `e`'s form, at its `now` or else at the file's `clock`.
fn validate(plan: &Plan, file: &Value, e: &Value, d: &Value) -> Report {
    let clock = FixedClock(parse_time(file["clock"].as_str().unwrap(), plan.timezone()).unwrap());
    let opts = ValidateOptions { now: e.get("now").and_then(Value::as_str).map(str::to_string) };
    validate_report(plan, e["form"].as_str().unwrap(), d, &opts, &clock).unwrap()
}

fn findings(list: &[exam_incident::forms::Finding]) -> BTreeSet<(String, String)> {
    list.iter().map(|f| (f.path.clone(), f.code.clone())).collect()
}

fn expected(v: &Value) -> BTreeSet<(String, String)> {
    v.as_array().unwrap().iter().map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string())).collect()
}

#[test]
fn documented_examples_are_valid_without_warnings() {
    let plan = default_plan().unwrap();
    let file = data();
    let examples = file["examples"].as_object().unwrap();
    let forms: BTreeSet<&str> = examples.values().map(|e| e["form"].as_str().unwrap()).collect();
    assert_eq!(forms, FORM_IDS.iter().copied().collect(), "one valid example per form at least");
    for (name, e) in examples {
        let r = validate(&plan, &file, e, &example_data(&plan, e));
        assert!(r.ok && r.warnings.is_empty(), "{name}: {:?} {:?}", findings(&r.errors), findings(&r.warnings));
    }
}

#[test]
fn documented_examples_broken_one_way_give_exactly_their_findings() {
    let plan = default_plan().unwrap();
    let file = data();
    let examples = file["examples"].as_object().unwrap();
    let mut per_form: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in file["invalid"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let e = &examples[case["example"].as_str().unwrap()];
        let form = e["form"].as_str().unwrap();
        let mut d = example_data(&plan, e);
        for (p, v) in case.get("set").and_then(Value::as_object).into_iter().flatten() {
            *d.pointer_mut(p).unwrap_or_else(|| set_new(name, p)) = v.clone();
        }
        for p in case.get("remove").and_then(Value::as_array).into_iter().flatten() {
            let p = p.as_str().unwrap();
            let (parent, key) = p.rsplit_once('/').unwrap();
            d.pointer_mut(parent)
                .and_then(Value::as_object_mut)
                .and_then(|o| o.remove(key))
                .unwrap_or_else(|| panic!("{name}: nothing at {p}"));
        }
        let r = validate(&plan, &file, e, &d);
        *per_form.entry(form.to_string()).or_default() += 1;
        let (want_e, want_w) = (expected(&case["errors"]), expected(&case["warnings"]));
        if findings(&r.errors) != want_e || findings(&r.warnings) != want_w || r.ok != want_e.is_empty() {
            failures.push(format!("{name}\n   want {want_e:?} {want_w:?}\n   got  {:?} {:?}", findings(&r.errors), findings(&r.warnings)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for form in FORM_IDS {
        assert!(per_form.get(*form).copied().unwrap_or(0) >= 3, "{form}: fewer than three invalid cases");
    }
}

fn set_new(name: &str, p: &str) -> ! {
    panic!("{name}: `set` replaces a value the example has; nothing at {p}")
}
