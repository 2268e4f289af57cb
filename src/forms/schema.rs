//! `reportSchema`: a JSON Schema (draft 2020-12) of each form, generated from the same plan
//! data the validator reads, so the two cannot drift. Structural rules only (types, required,
//! vocabularies, sizes, per-kind `details` via `if`/`then`); cross-field rules stay in the
//! validator. The schema accepts every form the validator accepts (`ok: true`).
//!
//! Titles: `title` is Chinese (the plan's language) and `description` English, so that ajv's
//! strict mode accepts the schema with no custom keywords; `$comment` names the seed clause.
//! Union types (`["string", "null"]` for optional fields) need ajv's `allowUnionTypes`.

use serde_json::{json, Map, Value};

use super::fields::{body, is_stringish, max_items, min_items};
use super::spec::{Check, Field, FieldType, FormSpec};
use super::validate::form_spec;
use crate::error::Error;
use crate::plan::Plan;
use crate::text::Text;

pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema of `form` under `plan`.
///
/// # Errors
/// `unknown_form`.
pub fn report_schema(plan: &Plan, form: &str) -> Result<Value, Error> {
    let spec = form_spec(plan, form)?;
    let mut root = Map::new();
    root.insert("$schema".into(), json!(DIALECT));
    root.insert("$id".into(), json!(format!("urn:exam-incident:{}:{}:{form}", plan.doc().id, plan.doc().version)));
    titles(&mut root, Some(&spec.title), Some(&spec.clause));
    let object = object_schema(plan, &spec.fields);
    root.extend(object);
    let variants = variants(plan, spec);
    if !variants.is_empty() {
        root.insert("allOf".into(), Value::Array(variants));
    }
    Ok(Value::Object(root))
}

fn titles(m: &mut Map<String, Value>, title: Option<&Text>, clause: Option<&String>) {
    if let Some(t) = title {
        m.insert("title".into(), json!(t.zh));
        m.insert("description".into(), json!(t.en));
    }
    if let Some(c) = clause.filter(|c| !c.is_empty()) {
        m.insert("$comment".into(), json!(format!("clause: {c}")));
    }
}

fn object_schema(plan: &Plan, fields: &crate::map::VecMap<String, Field>) -> Map<String, Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    for (name, f) in fields {
        props.insert(name.clone(), field_schema(plan, f));
        if f.required {
            required.push(json!(name));
        }
    }
    let mut m = Map::new();
    m.insert("type".into(), json!("object"));
    m.insert("properties".into(), Value::Object(props));
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
    m
}

/// The schema of one field. An optional field may also be `null` (and, where a string
/// belongs, `""`), which the validator reads as "not given".
fn field_schema(plan: &Plan, f: &Field) -> Value {
    let spec = &plan.doc().forms;
    let b = body(spec, f);
    let mut m = Map::new();
    titles(&mut m, f.title.as_ref().or(b.title.as_ref()), f.clause.as_ref().or(b.clause.as_ref()));
    let Some(ty) = b.ty else { return Value::Object(m) };
    let optional = !f.required;
    let doc = plan.doc();
    let vocab: Option<Vec<String>> = match ty {
        FieldType::Enum => Some(b.values.clone()),
        FieldType::Kind => Some(doc.kinds.iter().map(|k| k.id.clone()).collect()),
        FieldType::Role => Some(doc.roles.iter().map(|r| r.id.clone()).collect()),
        FieldType::ReportForm => Some(doc.reporting.forms.iter().map(|t| t.id.clone()).collect()),
        FieldType::Subject => Some(doc.reporting.subjects.iter().map(|t| t.id.clone()).collect()),
        FieldType::Severity => Some(vec!["major".into(), "general".into()]),
        _ => None,
    };
    if let Some(values) = vocab {
        let mut values: Vec<Value> = values.into_iter().map(Value::from).collect();
        if optional {
            values.push(Value::Null);
            values.push(json!(""));
        }
        m.insert("enum".into(), Value::Array(values));
        return Value::Object(m);
    }
    let json_type = match ty {
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Object => "object",
        FieldType::Array => "array",
        _ => "string",
    };
    m.insert("type".into(), if optional { json!([json_type, "null"]) } else { json!(json_type) });
    match ty {
        FieldType::Object => {
            let mut o = object_schema(plan, &b.fields);
            o.remove("type");
            m.extend(o);
        }
        FieldType::Array => {
            if let Some(items) = &b.items {
                // A list slot is never optional (the validator reports empty slots).
                let mut item = items.as_ref().clone();
                item.required = true;
                m.insert("items".into(), field_schema(plan, &item));
            }
            if let Some(min) = min_items(plan, b) {
                m.insert("minItems".into(), json!(min));
            }
            m.insert("maxItems".into(), json!(max_items(spec, b)));
            if b.unique {
                m.insert("uniqueItems".into(), json!(true));
            }
        }
        FieldType::Integer | FieldType::Number => {
            if let Some(min) = b.min {
                m.insert("minimum".into(), json!(min));
            }
            if let Some(max) = b.max {
                m.insert("maximum".into(), json!(max));
            }
        }
        FieldType::Boolean => {}
        _ if is_stringish(ty) => {
            if !optional {
                m.insert("minLength".into(), json!(1));
            }
            let max = if ty == FieldType::String { b.max_chars.unwrap_or(spec.limits.max_chars) } else { 64 };
            m.insert("maxLength".into(), json!(max));
        }
        _ => {}
    }
    Value::Object(m)
}

/// Per-kind shapes (`variant` rules on top-level fields) as `if`/`then`.
fn variants(plan: &Plan, spec: &FormSpec) -> Vec<Value> {
    let mut out = Vec::new();
    for rule in spec.rules.iter().filter(|r| r.each.is_none() && r.when.is_none()) {
        let Check::Variant { selector, field, cases } = &rule.check else { continue };
        let (Some(sel), Some(name)) = (top_level(selector), top_level(field)) else { continue };
        for (value, case) in cases {
            let mut then = Map::new();
            then.insert("type".into(), json!("object"));
            let mut properties = Map::new();
            properties.insert(name.to_string(), field_schema(plan, case));
            then.insert("properties".into(), Value::Object(properties));
            if case.required {
                then.insert("required".into(), json!([name]));
            }
            // `then` goes in by hand: `json!` would convert a `Value` through serde's value
            // serializer, code the wasm otherwise does without.
            let mut branch = json!({
                "if": { "type": "object", "properties": { sel: { "const": value } }, "required": [sel] },
            });
            if let Some(o) = branch.as_object_mut() {
                o.insert("then".into(), Value::Object(then));
            }
            out.push(branch);
        }
    }
    out
}

/// `/details` → `details`; nested or relative pointers are not expressed in the schema.
fn top_level(p: &str) -> Option<&str> {
    let rest = p.strip_prefix('/')?;
    (!rest.is_empty() && !rest.contains('/') && !rest.contains('~')).then_some(rest)
}
