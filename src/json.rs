//! The one way the crate turns JSON into typed data: `FromJson`, decoding from a parsed
//! `serde_json::Value`.
//!
//! serde's derived decoders cost kilobytes of wasm per type (a visitor, a field enum and a map
//! loop, generic over the deserializer); `#[derive(FromJson)]` (crate `exam-incident-derive`)
//! writes each type as calls to the small generic helpers below, which are shared by every
//! struct with a field of the same type. Errors carry the exact path inside the value
//! (`steps[2].actor`), built on the way out so that a success costs nothing.
//!
//! The derive reads serde's attributes (see `exam-incident-derive`) and refuses those it does not
//! implement. It compiles with the ones it knows (the derived code calls `crate::json`, hence the
//! `mod json` of these examples):
//!
//! ```
//! mod json { pub use exam_incident::json::*; }
//! use exam_incident::json::FromJson;
//! #[derive(FromJson)]
//! #[serde(deny_unknown_fields)]
//! struct A { #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")] a: Option<u32> }
//! fn main() {
//!     assert_eq!(A::from_json(&serde_json::json!({ "b": 1 })).unwrap().a, Some(1));
//! }
//! ```
//!
//! and the same type with one serde key it does not implement (`alias`) does not:
//!
//! ```compile_fail
//! mod json { pub use exam_incident::json::*; }
//! use exam_incident::json::FromJson;
//! #[derive(FromJson)]
//! #[serde(deny_unknown_fields)]
//! struct A { #[serde(rename = "b", default, alias = "c")] a: Option<u32> }
//! fn main() {
//!     assert_eq!(A::from_json(&serde_json::json!({ "b": 1 })).unwrap().a, Some(1));
//! }
//! ```

use serde_json::{Map, Value};

use crate::map::VecMap;

pub use exam_incident_derive::{FromJson, ToJson};

/// A type that can be read from a JSON value.
pub trait FromJson: Sized {
    /// Decodes `value`.
    ///
    /// # Errors
    /// What is wrong, and where inside `value`.
    fn from_json(value: &Value) -> Result<Self, DecodeError>;

    /// What a missing field of this type reads as (`None` for an `Option`; otherwise the field
    /// is required unless it has a `#[serde(default)]`).
    fn absent() -> Option<Self> {
        None
    }
}

/// Why a value did not decode, and where inside it (`steps[2].actor`, `""` for the value itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub path: String,
    pub message: String,
}

impl DecodeError {
    fn new(message: String) -> DecodeError {
        DecodeError { path: String::new(), message }
    }

    /// `value` is not `expected`.
    pub fn invalid_type(value: &Value, expected: &str) -> DecodeError {
        DecodeError::new(format!("invalid type: {}, expected {expected}", describe(value)))
    }

    pub fn unknown_variant(found: &str, expected: &[&str]) -> DecodeError {
        DecodeError::new(format!("unknown variant `{}`, expected {}", crate::error::clip(found), one_of(expected)))
    }

    /// The error happened inside the member `key` of the object it is reported for.
    #[must_use]
    pub fn at_key(mut self, key: &str) -> DecodeError {
        self.path = match (self.path.is_empty(), self.path.starts_with('[')) {
            (true, _) => key.to_string(),
            (false, true) => format!("{key}{}", self.path),
            (false, false) => format!("{key}.{}", self.path),
        };
        self
    }

    /// The error happened inside item `index` of the array it is reported for.
    #[must_use]
    pub fn at_index(mut self, index: usize) -> DecodeError {
        self.path = match (self.path.is_empty(), self.path.starts_with('[')) {
            (true, _) => format!("[{index}]"),
            (false, true) => format!("[{index}]{}", self.path),
            (false, false) => format!("[{index}].{}", self.path),
        };
        self
    }
}

/// Decodes `T` from `value`.
///
/// # Errors
/// The first problem found, with its place inside `value`.
pub fn decode<T: FromJson>(value: &Value) -> Result<T, DecodeError> {
    T::from_json(value)
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {:?}", crate::error::clip(s)),
        Value::Array(_) => "array".into(),
        Value::Object(_) => "object".into(),
    }
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".into(),
        [one] => format!("`{one}`"),
        _ => format!("one of {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// JSON text with every non-ASCII character written as a `\\uXXXX` escape (UTF-16 units), which
/// is the same JSON. Outputs cross to JavaScript this way: an ASCII string is copied out of wasm
/// memory without UTF-8 decoding and `JSON.parse` reads it as one-byte text, together about
/// 15 µs less per call for a classification of 300 Chinese characters.
pub fn ascii_escaped(json: String) -> String {
    if json.is_ascii() {
        return json;
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out: Vec<u8> = Vec::with_capacity(json.len() * 2);
    let mut rest = json.as_str();
    // Runs of ASCII are copied whole; the first byte of 0x80 or more starts a character.
    while let Some(i) = rest.bytes().position(|b| b >= 0x80) {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        let tail = &rest[i..];
        let Some(c) = tail.chars().next() else { break };
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            let u = usize::from(*u);
            out.extend_from_slice(&[b'\\', b'u', HEX[u >> 12], HEX[(u >> 8) & 0xf], HEX[(u >> 4) & 0xf], HEX[u & 0xf]]);
        }
        rest = &tail[c.len_utf8()..];
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8(out).unwrap_or_default()
}

/// JSON text with every lone UTF-16 surrogate escape (`\ud83d` with no low half after it, or a
/// low half alone) replaced by `\ufffd`, the replacement character; `None` when there is none.
/// `JSON.stringify` writes half an emoji, cut off by a length limit counting UTF-16 units, that
/// way, and `serde_json` refuses it; with it replaced, the text reads, and the place of the
/// broken character can be told (see [`path_of_char`]).
pub fn replace_lone_surrogates(json: &str) -> Option<String> {
    let b = json.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        let hex = b.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut out: Option<String> = None;
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let lone = match unit(i) {
            Some(0xD800..=0xDBFF) if unit(i + 6).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u)) => {
                i += 12;
                continue;
            }
            Some(0xD800..=0xDFFF) => true,
            Some(_) => false,
            // Any other escape is two bytes: `\\` must not be read as the start of another.
            None => {
                i += 2;
                continue;
            }
        };
        if lone {
            let o = out.get_or_insert_with(|| String::with_capacity(json.len()));
            o.push_str(&json[copied..i]);
            o.push_str("\\ufffd");
            copied = i + 6;
        }
        i += 6;
    }
    out.map(|mut o| {
        o.push_str(&json[copied..]);
        o
    })
}

/// Where in `v` the first string (or key) holding `c` is, as an argument path is written
/// (`.measures_taken`, `.people[1].name`); `None` when there is none.
pub fn path_of_char(v: &Value, c: char) -> Option<String> {
    match v {
        Value::String(s) => s.contains(c).then(String::new),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, x)| path_of_char(x, c).map(|p| format!("[{i}]{p}"))),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            if k.contains(c) {
                return Some(format!(".{k}"));
            }
            path_of_char(x, c).map(|p| format!(".{k}{p}"))
        }),
        _ => None,
    }
}

// Helpers called by the derived code.

/// The value as an object.
///
/// # Errors
/// When it is not one.
pub fn object(value: &Value) -> Result<&Map<String, Value>, DecodeError> {
    value.as_object().ok_or_else(|| DecodeError::invalid_type(value, "an object"))
}

/// A field that must be there unless its type has an `absent` reading.
///
/// # Errors
/// When it is missing or does not decode.
#[inline]
pub fn field<T: FromJson>(object: &Map<String, Value>, key: &str) -> Result<T, DecodeError> {
    member(object, key, None)
}

/// `field` and `field_or` in one body per type (a type read both ways gets one copy).
#[inline(never)]
fn member<T: FromJson>(object: &Map<String, Value>, key: &str, default: Option<fn() -> T>) -> Result<T, DecodeError> {
    match object.get(key) {
        Some(v) => T::from_json(v).map_err(|e| e.at_key(key)),
        None => match default {
            Some(d) => Ok(d()),
            None => T::absent().ok_or_else(|| missing(key)),
        },
    }
}

/// Written once rather than in each `field::<T>`.
#[cold]
#[inline(never)]
fn missing(key: &str) -> DecodeError {
    DecodeError::new(format!("missing field `{key}`"))
}

/// A field that reads as `default()` when missing.
///
/// # Errors
/// When it is there and does not decode.
#[inline]
pub fn field_or<T: FromJson>(object: &Map<String, Value>, key: &str, default: fn() -> T) -> Result<T, DecodeError> {
    member(object, key, Some(default))
}

/// Refuses members not in `known`.
///
/// # Errors
/// The first unknown member, located at itself.
pub fn deny_unknown(object: &Map<String, Value>, known: &[&str]) -> Result<(), DecodeError> {
    // Keys are unique, so when as many known names are present as there are keys, none is
    // unknown: a lookup per known name instead of a scan of the names per key.
    if known.iter().filter(|k| object.contains_key(**k)).count() == object.len() {
        return Ok(());
    }
    match object.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(DecodeError::new(format!("unknown field `{}`, expected {}", crate::error::clip(k), one_of(known))).at_key(k)),
        None => Ok(()),
    }
}

/// The only member of an object (an externally tagged enum variant).
pub fn single_entry(value: &Value) -> Option<(&str, &Value)> {
    let o = value.as_object()?;
    let mut it = o.iter();
    match (it.next(), it.next()) {
        (Some((k, v)), None) => Some((k.as_str(), v)),
        _ => None,
    }
}

// The types the data is made of.

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        value.as_str().map(str::to_string).ok_or_else(|| DecodeError::invalid_type(value, "a string"))
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        value.as_bool().ok_or_else(|| DecodeError::invalid_type(value, "a boolean"))
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        value.as_f64().ok_or_else(|| DecodeError::invalid_type(value, "a number"))
    }
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(value: &Value) -> Result<Self, DecodeError> {
                let n = match value {
                    Value::Number(n) => n,
                    _ => return Err(DecodeError::invalid_type(value, stringify!($t))),
                };
                n.as_u64().and_then(|u| <$t>::try_from(u).ok())
                    .or_else(|| n.as_i64().and_then(|i| <$t>::try_from(i).ok()))
                    .ok_or_else(|| DecodeError::new(format!("invalid value: {}, expected {}", describe(value), stringify!($t))))
            }
        }
    )*};
}
integer!(u8, u16, u32, u64, usize, i32, i64);

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        Ok(value.clone())
    }
}

impl FromJson for Map<String, Value> {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        object(value).cloned()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        match value {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        // The loop and the error's index are written once (`each_item`); per item type there is
        // only the closure. A `collect` into a `Result` was an adapter chain per item type.
        let mut out = Vec::new();
        each_item(value, &mut |v| {
            out.push(T::from_json(v)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Calls `f` on each item of the array `value`, locating its error at the item's index.
#[inline(never)]
fn each_item(value: &Value, f: &mut dyn FnMut(&Value) -> Result<(), DecodeError>) -> Result<(), DecodeError> {
    let items = value.as_array().ok_or_else(|| DecodeError::invalid_type(value, "an array"))?;
    for (i, v) in items.iter().enumerate() {
        f(v).map_err(|e| e.at_index(i))?;
    }
    Ok(())
}

/// A type an object key can be read as: a `String`, or an enum of names (derived).
pub trait FromKey: Sized {
    /// # Errors
    /// When `key` is not one of the type's names.
    fn from_key(key: &str) -> Result<Self, DecodeError>;
}

impl FromKey for String {
    fn from_key(key: &str) -> Result<Self, DecodeError> {
        Ok(key.to_string())
    }
}

impl<K: FromKey + Ord, T: FromJson> FromJson for VecMap<K, T> {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        // Inserted one by one: `collect` into a map sorts first, and that sort's code was
        // generated anew for every map type (tens of kilobytes of wasm).
        let mut map = VecMap::new();
        each_member(value, &mut |k, v| {
            map.insert(K::from_key(k)?, T::from_json(v)?);
            Ok(())
        })?;
        Ok(map)
    }
}

/// Calls `f` on each member of the object `value`, locating its error at the member's key.
#[inline(never)]
fn each_member(value: &Value, f: &mut dyn FnMut(&str, &Value) -> Result<(), DecodeError>) -> Result<(), DecodeError> {
    for (k, v) in object(value)? {
        f(k, v).map_err(|e| e.at_key(k))?;
    }
    Ok(())
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value) -> Result<Self, DecodeError> {
        match value.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((A::from_json(a).map_err(|e| e.at_index(0))?, B::from_json(b).map_err(|e| e.at_index(1))?)),
            _ => Err(DecodeError::invalid_type(value, "an array of two")),
        }
    }
}

// Writing: `ToJson`, the other direction.

/// A type written as JSON text, byte for byte as serde_json writes its `Serialize` (compact).
///
/// serde's derived `Serialize` is generic over the serializer, and serde_json's map and sequence
/// code was instantiated per (type, field type) pair: ~42 KB of wasm before `wasm-opt`.
/// `#[derive(ToJson)]` writes each type as calls to [`Obj::field`], one per field type, shared
/// by every struct; the types keep `Serialize` for native callers and for the tests that hold
/// the two writers to the same bytes (`tests/to_json.rs`).
pub trait ToJson {
    /// Appends the value's JSON to `out`.
    fn to_json(&self, out: &mut String);
}

/// The value's JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.to_json(&mut out);
    out
}

/// Appends text that is already JSON.
#[inline(never)]
pub fn raw(out: &mut String, s: &str) {
    out.push_str(s);
}

/// An object being written: `begin`, one `field` per member, `end`.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub fn begin(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, first: true }
    }

    /// Writes the separator and `key` (a literal `"name":`); returns where the value goes.
    #[inline(never)]
    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push_str(key);
        self.out
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        value.to_json(self.key(key));
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// A JSON string with serde_json's escapes (`\"`, `\\`, `\b\f\n\r\t`, `\u00XX` for the other
/// control characters; everything else as it is).
pub fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl ToJson for str {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn to_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn to_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl ToJson for $t {
            fn to_json(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}
integers!(u8 u16 u32 u64 usize i32 i64);

impl ToJson for f64 {
    /// Shortest round-trip digits as serde_json writes them; `null` for NaN and infinities.
    fn to_json(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl ToJson for Value {
    fn to_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.to_json(out),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    u.to_json(out);
                } else if let Some(i) = n.as_i64() {
                    i.to_json(out);
                } else {
                    n.as_f64().unwrap_or(f64::NAN).to_json(out);
                }
            }
            Value::String(s) => write_str(out, s),
            Value::Array(a) => a.to_json(out),
            Value::Object(m) => m.to_json(out),
        }
    }
}

impl ToJson for Map<String, Value> {
    fn to_json(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, k);
            out.push(':');
            v.to_json(out);
        }
        out.push('}');
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for std::rc::Rc<T> {
    fn to_json(&self, out: &mut String) {
        (**self).to_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, out: &mut String) {
        match self {
            Some(v) => v.to_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.to_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, out: &mut String) {
        self.as_slice().to_json(out);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        self.0.to_json(out);
        out.push(',');
        self.1.to_json(out);
        out.push(']');
    }
}

/// A type written as an object key: a string, or an enum of names (derived).
pub trait ToKey {
    /// Appends the key as a JSON string.
    fn to_key(&self, out: &mut String);
}

impl ToKey for String {
    fn to_key(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl<K: ToKey, V: ToJson> ToJson for VecMap<K, V> {
    fn to_json(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.into_iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            k.to_key(out);
            out.push(':');
            v.to_json(out);
        }
        out.push('}');
    }
}

#[cfg(test)]
mod surrogate_tests {
    use super::*;

    #[test]
    fn lone_surrogates_are_replaced_and_found() {
        // "考生情绪稳定👍".slice(0, 7) as JSON.stringify writes it, inside a form.
        let text = r#"{"a":"ok","measures_taken":"考生情绪稳定\ud83d"}"#;
        assert!(serde_json::from_str::<Value>(text).is_err());
        let fixed = replace_lone_surrogates(text).expect("one lone surrogate");
        let v: Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(v["measures_taken"], "考生情绪稳定\u{FFFD}");
        assert_eq!(path_of_char(&v, '\u{FFFD}').as_deref(), Some(".measures_taken"));
        // Pairs stay, escaped backslashes are no escapes, a low half alone is lone too.
        assert_eq!(replace_lone_surrogates(r#"["\ud83d\udc4d","\\ud83d","\u00e9"]"#), None);
        let fixed = replace_lone_surrogates(r#"["\udc4dx",{"k":["\ud800\ud800"]}]"#).unwrap();
        assert_eq!(fixed, r#"["\ufffdx",{"k":["\ufffd\ufffd"]}]"#);
        let v: Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(path_of_char(&v, '\u{FFFD}').as_deref(), Some("[0]"));
        assert_eq!(path_of_char(&json_value(r#"{"a":[1,{"b":"\u00e9\ufffd"}]}"#), '\u{FFFD}').as_deref(), Some(".a[1].b"));
        // A truncated escape at the very end is left for the parser to refuse.
        assert_eq!(replace_lone_surrogates(r#""\ud8"#), None);
    }

    fn json_value(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(FromJson, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Step {
        id: String,
        actor: String,
        #[serde(default)]
        severity: Option<Sev>,
        #[serde(rename = "in", default = "seven")]
        within: u32,
    }

    fn seven() -> u32 {
        7
    }

    #[derive(FromJson, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Sev {
        Major,
        AtLeast,
    }

    #[derive(FromJson, Debug)]
    #[allow(dead_code)]
    struct Kind {
        steps: Vec<Step>,
    }

    #[derive(FromJson, Debug, PartialEq)]
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    enum Check {
        Required {
            field: String,
        },
        Same {
            #[serde(rename = "as")]
            other: String,
        },
    }

    #[derive(FromJson, Debug, PartialEq)]
    #[serde(untagged)]
    enum NumRef {
        Value(f64),
        Name(String),
    }

    #[test]
    fn locates_unknown_fields_variants_and_missing_fields() {
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b"}, {"id": "c", "actor": "d", "colour": 1}]})).unwrap_err();
        assert_eq!(e.path, "steps[1].colour");
        assert!(e.message.starts_with("unknown field `colour`"), "{}", e.message);
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b", "severity": "huge"}]})).unwrap_err();
        assert_eq!(e.path, "steps[0].severity");
        let e = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b"}, {"id": "c"}]})).unwrap_err();
        assert_eq!((e.path.as_str(), e.message.as_str()), ("steps[1]", "missing field `actor`"));
        let e = decode::<Vec<(u32, u32)>>(&json!([[1, 2], [3, -4]])).unwrap_err();
        assert_eq!(e.path, "[1][1]");
        let e = decode::<Kind>(&json!({"steps": 5})).unwrap_err();
        assert_eq!(e.message, "invalid type: integer `5`, expected an array");
    }

    #[test]
    fn ascii_escaped_json_is_the_same_json() {
        let v = json!({"t": "停电 \u{1F600} é \\ \"q\"", "n": [1, "二"]});
        let text = ascii_escaped(v.to_string());
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains("\\u505c\\u7535") && text.contains("\\ud83d\\ude00"), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        assert_eq!(ascii_escaped("{\"a\":1}".into()), "{\"a\":1}");
    }

    #[test]
    fn reads_serde_attributes_as_serde_does() {
        let k = decode::<Kind>(&json!({"steps": [{"id": "a", "actor": "b", "severity": "at_least", "in": 3}, {"id": "c", "actor": "d"}]}))
            .unwrap();
        assert_eq!((k.steps[0].severity.as_ref(), k.steps[0].within), (Some(&Sev::AtLeast), 3));
        assert_eq!((k.steps[1].severity.as_ref(), k.steps[1].within), (None, 7));
        assert_eq!(decode::<Check>(&json!({"same": {"as": "x"}})).unwrap(), Check::Same { other: "x".into() });
        assert_eq!(decode::<Check>(&json!({"same": {"other": "x"}})).unwrap_err().path, "same.other");
        assert_eq!(
            decode::<Check>(&json!({"nope": {}})).unwrap_err().message,
            "unknown variant `nope`, expected one of `required`, `same`"
        );
        assert_eq!(decode::<NumRef>(&json!(2)).unwrap(), NumRef::Value(2.0));
        assert_eq!(decode::<NumRef>(&json!("x")).unwrap(), NumRef::Name("x".into()));
        assert!(decode::<NumRef>(&json!([])).is_err());
        assert!(decode::<u32>(&json!(1.5)).is_err());
        assert!(decode::<u8>(&json!(300)).is_err());
    }
}
