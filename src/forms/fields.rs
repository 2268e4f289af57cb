//! The structural walk: every field of the form against its spec (required, type, vocabulary,
//! size), each finding at the field itself. Arrays are walked up to their limit only, so the
//! time spent is bounded whatever the input.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::finding::{json_type, num, text, Findings, NO_PARAMS};
use super::moment::Times;
use super::phone::is_phone;
use super::pointer::{is_given, push_index, push_token};
use super::spec::{Field, FieldType, FormsSpec, Level, PhoneKind};
use crate::map::VecMap;
use crate::plan::Plan;
use crate::time::{parse_clock, parse_date};

/// What the walk reads and where it writes.
pub struct Ctx<'a, 'f, 'd> {
    pub plan: &'a Plan,
    pub out: &'a mut Findings<'f>,
    pub times: Times<'d>,
}

impl Ctx<'_, '_, '_> {
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

/// Checks `value` (at `path`) against `f`. `path` is one buffer for the whole walk, extended
/// and cut back per member, so that no pointer is built unless a finding needs it.
pub fn check<'d>(ctx: &mut Ctx<'_, '_, 'd>, f: &Field, value: Option<&'d Value>, path: &mut String) {
    let plan = ctx.plan;
    let b = body(&plan.doc().forms, f);
    let code = |base: &'static str| code_for(f, b, base);
    // `""` means "not filled in" only where a string belongs; for a number it is a wrong type.
    let absent = match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty() && b.ty.is_none_or(is_stringish),
        Some(_) => false,
    };
    let (Some(v), false) = (value, absent) else {
        if f.required {
            ctx.out.reject(path, code("required"), NO_PARAMS);
        }
        return;
    };
    let Some(ty) = b.ty else { return };
    let wrong = |ctx: &mut Ctx, path: &str, expected: &str| {
        ctx.out.reject(path, code("wrong_type"), [("expected", json_type(expected))]);
    };
    match ty {
        FieldType::Object => {
            let Some(obj) = v.as_object() else { return wrong(ctx, path, "object") };
            check_members(ctx, &b.fields, b.open, obj, path);
        }
        FieldType::Array => {
            let Some(items) = v.as_array() else { return wrong(ctx, path, "array") };
            let max = max_items(ctx.spec(), b);
            if items.len() > max {
                ctx.out.reject(path, code("too_many"), [("count", num(items.len() as f64)), ("max", num(max as f64))]);
            }
            if let Some(min) = min_items(plan, b) {
                if items.len() < min {
                    ctx.out.reject(path, code("too_few"), [("count", num(items.len() as f64)), ("min", num(min as f64))]);
                }
            }
            // Items compare as a reader compares them: a room typed twice, once with a trailing
            // space or full-width digits, is one room.
            let keys: Vec<Option<String>> =
                if b.unique { items.iter().take(max).map(|v| v.as_str().map(same_text_key)).collect() } else { Vec::new() };
            for (i, item) in items.iter().take(max).enumerate() {
                if ctx.out.full() {
                    break;
                }
                let len = path.len();
                push_index(path, i);
                if let Some(spec) = &b.items {
                    if is_given(item) {
                        check(ctx, spec, Some(item), path);
                    } else {
                        // An empty slot in a list is never meant, whatever `required` says.
                        ctx.out.reject(path, "required", NO_PARAMS);
                    }
                }
                let repeated = |j: usize| match (&keys[j], &keys[i]) {
                    (Some(a), Some(b)) => a == b,
                    _ => items[j] == *item,
                };
                if b.unique && (0..i).any(repeated) {
                    ctx.out.reject(path, code("duplicate"), [("value", text(&crate::json::to_string(item)))]);
                }
                path.truncate(len);
            }
        }
        FieldType::Integer | FieldType::Number => {
            let Some(n) = v.as_f64().filter(|n| n.is_finite()) else { return wrong(ctx, path, "number") };
            if ty == FieldType::Integer && n.fract() != 0.0 {
                return wrong(ctx, path, "integer");
            }
            if let Some(min) = b.min.filter(|m| n < *m) {
                ctx.out.reject(path, code("below_min"), [("value", num(n)), ("min", num(min))]);
            }
            if let Some(max) = b.max.filter(|m| n > *m) {
                ctx.out.reject(path, code("above_max"), [("value", num(n)), ("max", num(max))]);
            }
        }
        FieldType::Boolean => {
            if !v.is_boolean() {
                wrong(ctx, path, "boolean");
            }
        }
        _ => {
            let Some(s) = v.as_str() else { return wrong(ctx, path, "string") };
            check_string(ctx, f, b, ty, s, path);
        }
    }
}

/// Checks an object's declared members, and warns of undeclared ones unless it is `open`.
pub fn check_members<'d>(
    ctx: &mut Ctx<'_, '_, 'd>,
    fields: &VecMap<String, Field>,
    open: bool,
    obj: &'d Map<String, Value>,
    path: &mut String,
) {
    let len = path.len();
    let mut declared = 0;
    // Both maps iterate in key order, so one pass over the data's keys finds every field
    // (a lookup per field compared its name with half the keys, one `memcmp` each).
    let sorted = map_is_sorted();
    let mut entries = obj.iter().peekable();
    for (name, sub) in fields {
        let value = if sorted {
            while entries.next_if(|(k, _)| k.as_str() < name.as_str()).is_some() {}
            entries.next_if(|(k, _)| *k == name).map(|(_, v)| v)
        } else {
            obj.get(name)
        };
        declared += usize::from(value.is_some());
        push_token(path, name);
        check(ctx, sub, value, path);
        path.truncate(len);
    }
    // Keys are unique: when every key is a declared field there is nothing left to look up.
    if !open && declared < obj.len() {
        for key in obj.keys().filter(|k| !fields.contains_key(*k)) {
            if ctx.out.full() {
                break;
            }
            push_token(path, key);
            ctx.out.push(Level::Warning, path, "unknown_field", [("field", text(key))]);
            path.truncate(len);
        }
    }
}

/// Whether `serde_json::Map` iterates in key order: a `BTreeMap`, unless some dependency turns
/// on serde_json's `preserve_order`, which keeps insertion order instead.
fn map_is_sorted() -> bool {
    static SORTED: OnceLock<bool> = OnceLock::new();
    *SORTED.get_or_init(|| {
        let mut m = Map::new();
        m.insert("b".into(), Value::Null);
        m.insert("a".into(), Value::Null);
        m.keys().next().is_some_and(|k| k == "a")
    })
}

fn check_string<'d>(ctx: &mut Ctx<'_, '_, 'd>, f: &Field, b: &Field, ty: FieldType, s: &'d str, path: &str) {
    let plan = ctx.plan;
    let code = |base: &'static str| code_for(f, b, base);
    let max = b.max_chars.unwrap_or(ctx.spec().limits.max_chars);
    // Count at most max + 1 characters: bounded work on a huge string.
    let len = s.chars().take(max + 1).count();
    if len > max {
        ctx.out.reject(path, code("too_long"), [("max", num(max as f64))]);
        return;
    }
    let doc = plan.doc();
    let tz = plan.timezone();
    let value = || [("value", text(s))];
    match ty {
        FieldType::String => {
            if s.trim().is_empty() {
                ctx.out.reject(path, code("blank"), NO_PARAMS);
            } else if s.contains(char::REPLACEMENT_CHARACTER) {
                // What is left of a character that could not be read: half of an emoji cut off
                // by a length limit (a lone UTF-16 surrogate, replaced at the boundary), or text
                // decoded with the wrong encoding.
                ctx.out.reject(path, code("bad_character"), NO_PARAMS);
            }
        }
        FieldType::Time => {
            if ctx.times.instant(s, tz).is_none() {
                ctx.out.reject(path, code("bad_time"), value());
            }
        }
        FieldType::Date => {
            if parse_date(s).is_none() {
                ctx.out.reject(path, code("bad_date"), value());
            }
        }
        FieldType::Clock => {
            if parse_clock(s).is_none() {
                ctx.out.reject(path, code("bad_clock"), value());
            }
        }
        FieldType::ClockOrTime => {
            if ctx.times.moment(s, tz).is_none() {
                // Told to use the shape it looks meant as: a date in it, a full time; else a clock.
                let dated = s.contains('-') || s.contains('T');
                ctx.out.reject(path, code(if dated { "bad_time" } else { "bad_clock" }), value());
            }
        }
        FieldType::Phone => {
            let kind = b.phone.unwrap_or(PhoneKind::Any);
            if !is_phone(s, &doc.forms.phone, kind) {
                let c = if kind == PhoneKind::Mobile { "bad_mobile" } else { "bad_phone" };
                ctx.out.reject(path, code(c), value());
            }
        }
        FieldType::Enum => {
            if !b.values.iter().any(|x| x == s) {
                let allowed = b.values.join(", ");
                ctx.out.reject(path, code("not_allowed"), [("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Kind => {
            if plan.kind(s).is_none() {
                ctx.out.reject(path, code("unknown_kind"), value());
            }
        }
        FieldType::Role => {
            if plan.role(s).is_none() {
                ctx.out.reject(path, code("unknown_role"), value());
            }
        }
        FieldType::ReportForm => {
            if !doc.reporting.forms.iter().any(|t| t.id == s) {
                let allowed = doc.reporting.forms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
                ctx.out.reject(path, code("unknown_report_form"), [("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Subject => {
            if !doc.reporting.subjects.iter().any(|t| t.id == s) {
                let allowed = doc.reporting.subjects.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
                ctx.out.reject(path, code("unknown_subject"), [("value", text(s)), ("allowed", Value::from(allowed))]);
            }
        }
        FieldType::Severity => {
            if !matches!(s, "major" | "general") {
                ctx.out.reject(path, code("not_allowed"), [("value", text(s)), ("allowed", Value::from("major, general"))]);
            }
        }
        FieldType::Integer | FieldType::Number | FieldType::Boolean | FieldType::Object | FieldType::Array => {}
    }
}

/// The JSON types a field's value may have, for `wrong_type` and the schema.
pub fn is_stringish(ty: FieldType) -> bool {
    !matches!(ty, FieldType::Integer | FieldType::Number | FieldType::Boolean | FieldType::Object | FieldType::Array)
}

/// A text as items of a list are told apart: without white space (ASCII or ideographic),
/// full-width ASCII forms (typed with a Chinese input method) as ASCII, ASCII letters in lower
/// case. `第3考场 `, `第３考场` and `第 3 考场` are the same room.
pub fn same_text_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
