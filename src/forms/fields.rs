//! The structural walk: every field of the form against its spec (required, type, vocabulary,
//! size), each finding at the field itself. Arrays are walked up to their limit only, so the
//! time spent is bounded whatever the input.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::finding::{num, text, Findings};
use super::moment;
use super::phone::is_phone;
use super::pointer::{child, index, is_given};
use super::spec::{Field, FieldType, FormsSpec, Level, PhoneKind};
use crate::plan::Plan;
use crate::time::{parse_clock, parse_date};

/// What the walk reads and where it writes.
pub struct Ctx<'a, 'f> {
    pub plan: &'a Plan,
    pub out: &'a mut Findings<'f>,
}

impl Ctx<'_, '_> {
    pub fn spec(&self) -> &FormsSpec {
        &self.plan.doc().forms
    }
}

/// The field's body: the shared shape it names, or itself.
pub fn body<'s>(spec: &'s FormsSpec, f: &'s Field) -> &'s Field {
    f.shape.as_ref().and_then(|s| spec.shapes.get(s)).unwrap_or(f)
}

/// The finding code for `base` on this field: the field's override, its shape's, or `base`.
pub fn code_for<'s>(f: &'s Field, b: &'s Field, base: &'s str) -> &'s str {
    f.codes.get(base).or_else(|| b.codes.get(base)).map_or(base, String::as_str)
}

/// The fewest items an array must have: a literal or a plan threshold.
pub fn min_items(plan: &Plan, b: &Field) -> Option<usize> {
    let t = b.min_items_threshold.as_deref().and_then(|t| plan.threshold(t)).map(|v| v.ceil().max(0.0) as usize);
    match (b.min_items, t) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

pub fn max_items(spec: &FormsSpec, b: &Field) -> usize {
    b.max_items.unwrap_or(spec.limits.max_items)
}

/// Checks `value` (at `path`) against `f`.
pub fn check(ctx: &mut Ctx, f: &Field, value: Option<&Value>, path: &str) {
    let plan = ctx.plan;
    let b = body(&plan.doc().forms, f);
    let code = |base: &'static str| code_for(f, b, base).to_string();
    // `""` means "not filled in" only where a string belongs; for a number it is a wrong type.
    let absent = match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty() && b.ty.is_none_or(is_stringish),
        Some(_) => false,
    };
    let (Some(v), false) = (value, absent) else {
        if f.required {
            ctx.out.push(Level::Error, path, &code("required"), vec![]);
        }
        return;
    };
    let Some(ty) = b.ty else { return };
    let wrong = |ctx: &mut Ctx, expected: &str| {
        ctx.out.push(Level::Error, path, &code("wrong_type"), vec![("expected", Value::from(expected))]);
    };
    match ty {
        FieldType::Object => {
            let Some(obj) = v.as_object() else { return wrong(ctx, "object") };
            check_members(ctx, &b.fields, b.open, obj, path);
        }
        FieldType::Array => {
            let Some(items) = v.as_array() else { return wrong(ctx, "array") };
            let max = max_items(ctx.spec(), b);
            if items.len() > max {
                ctx.out.push(Level::Error, path, &code("too_many"), vec![("count", num(items.len() as f64)), ("max", num(max as f64))]);
            }
            if let Some(min) = min_items(plan, b) {
                if items.len() < min {
                    ctx.out.push(Level::Error, path, &code("too_few"), vec![("count", num(items.len() as f64)), ("min", num(min as f64))]);
                }
            }
            for (i, item) in items.iter().take(max).enumerate() {
                if ctx.out.full() {
                    break;
                }
                let at = index(path, i);
                if let Some(spec) = &b.items {
                    if is_given(item) {
                        check(ctx, spec, Some(item), &at);
                    } else {
                        // An empty slot in a list is never meant, whatever `required` says.
                        ctx.out.push(Level::Error, &at, "required", vec![]);
                    }
                }
                if b.unique && items[..i].contains(item) {
                    ctx.out.push(Level::Error, &at, &code("duplicate"), vec![("value", text(&item.to_string()))]);
                }
            }
        }
        FieldType::Integer | FieldType::Number => {
            let Some(n) = v.as_f64().filter(|n| n.is_finite()) else { return wrong(ctx, "number") };
            if ty == FieldType::Integer && n.fract() != 0.0 {
                return wrong(ctx, "integer");
            }
            if let Some(min) = b.min.filter(|m| n < *m) {
                ctx.out.push(Level::Error, path, &code("below_min"), vec![("value", num(n)), ("min", num(min))]);
            }
            if let Some(max) = b.max.filter(|m| n > *m) {
                ctx.out.push(Level::Error, path, &code("above_max"), vec![("value", num(n)), ("max", num(max))]);
            }
        }
        FieldType::Boolean => {
            if !v.is_boolean() {
                wrong(ctx, "boolean");
            }
        }
        _ => {
            let Some(s) = v.as_str() else { return wrong(ctx, "string") };
            check_string(ctx, f, b, ty, s, path);
        }
    }
}

/// Checks an object's declared members, and warns of undeclared ones unless it is `open`.
pub fn check_members(ctx: &mut Ctx, fields: &BTreeMap<String, Field>, open: bool, obj: &Map<String, Value>, path: &str) {
    for (name, sub) in fields {
        check(ctx, sub, obj.get(name), &child(path, name));
    }
    if !open {
        for key in obj.keys().filter(|k| !fields.contains_key(*k)) {
            if ctx.out.full() {
                break;
            }
            ctx.out.push(Level::Warning, &child(path, key), "unknown_field", vec![("field", text(key))]);
        }
    }
}

fn check_string(ctx: &mut Ctx, f: &Field, b: &Field, ty: FieldType, s: &str, path: &str) {
    let plan = ctx.plan;
    let code = |base: &'static str| code_for(f, b, base).to_string();
    let max = b.max_chars.unwrap_or(ctx.spec().limits.max_chars);
    // Count at most max + 1 characters: bounded work on a huge string.
    let len = s.chars().take(max + 1).count();
    if len > max {
        ctx.out.push(Level::Error, path, &code("too_long"), vec![("max", num(max as f64))]);
        return;
    }
    let doc = plan.doc();
    let tz = plan.timezone();
    let value = || vec![("value", text(s))];
    match ty {
        FieldType::String => {
            if s.trim().is_empty() {
                ctx.out.push(Level::Error, path, &code("blank"), vec![]);
            }
        }
        FieldType::Time => {
            if moment::instant(&Value::from(s), tz).is_none() {
                ctx.out.push(Level::Error, path, &code("bad_time"), value());
            }
        }
        FieldType::Date => {
            if parse_date(s).is_none() {
                ctx.out.push(Level::Error, path, &code("bad_date"), value());
            }
        }
        FieldType::Clock => {
            if parse_clock(s).is_none() {
                ctx.out.push(Level::Error, path, &code("bad_clock"), value());
            }
        }
        FieldType::ClockOrTime => {
            if moment::moment(&Value::from(s), tz).is_none() {
                ctx.out.push(Level::Error, path, &code("bad_time"), value());
            }
        }
        FieldType::Phone => {
            let kind = b.phone.unwrap_or(PhoneKind::Any);
            if !is_phone(s, &doc.forms.phone, kind) {
                let c = if kind == PhoneKind::Mobile { "bad_mobile" } else { "bad_phone" };
                ctx.out.push(Level::Error, path, &code(c), value());
            }
        }
        FieldType::Enum => {
            if !b.values.iter().any(|x| x == s) {
                let allowed = b.values.join(", ");
                ctx.out.push(Level::Error, path, &code("not_allowed"), vec![("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Kind => {
            if plan.kind(s).is_none() {
                ctx.out.push(Level::Error, path, &code("unknown_kind"), value());
            }
        }
        FieldType::Role => {
            if plan.role(s).is_none() {
                ctx.out.push(Level::Error, path, &code("unknown_role"), value());
            }
        }
        FieldType::ReportForm => {
            if !doc.reporting.forms.iter().any(|t| t.id == s) {
                let allowed = doc.reporting.forms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
                ctx.out.push(Level::Error, path, &code("unknown_report_form"), vec![("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Subject => {
            if !doc.reporting.subjects.iter().any(|t| t.id == s) {
                let allowed = doc.reporting.subjects.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
                ctx.out.push(Level::Error, path, &code("unknown_subject"), vec![("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Severity => {
            if !matches!(s, "major" | "general") {
                ctx.out.push(Level::Error, path, &code("not_allowed"), vec![("value", text(s)), ("allowed", Value::from("major, general"))]);
            }
        }
        FieldType::Integer | FieldType::Number | FieldType::Boolean | FieldType::Object | FieldType::Array => {}
    }
}

/// The JSON types a field's value may have, for `wrong_type` and the schema.
pub fn is_stringish(ty: FieldType) -> bool {
    !matches!(ty, FieldType::Integer | FieldType::Number | FieldType::Boolean | FieldType::Object | FieldType::Array)
}
