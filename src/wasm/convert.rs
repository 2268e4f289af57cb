//! Crossing the boundary: JS values in as JSON (so that cyclic objects, throwing getters, BigInt
//! and deep nesting become errors, not traps), Rust values out as plain JS objects, and core
//! errors out as JS `Error`s with a `code`.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{Error, Param};
use crate::json::ToJson;

/// Reads any JS value as JSON. `JSON.stringify` runs inside a `catch`, so whatever it throws on
/// (cycles, BigInt, a proxy's getter) comes back as a `bad_argument` error naming `field`.
/// `undefined` (and functions, symbols) read as JSON `null`.
///
/// A string holding a lone UTF-16 surrogate (half an emoji, cut off by a length limit that counts
/// UTF-16 units) is `bad_argument` naming where it is (`init.site`).
pub fn json_of(value: &JsValue, field: &str, max_bytes: usize) -> Result<serde_json::Value, Error> {
    json_in(value, field, max_bytes, false)
}

/// As [`json_of`], but a lone surrogate is read as U+FFFD (the replacement character), so that
/// what is around it still reads: for a form, whose validation then names the field with the
/// broken character (`bad_character`) rather than refusing the whole form.
pub fn json_of_lossy(value: &JsValue, field: &str, max_bytes: usize) -> Result<serde_json::Value, Error> {
    json_in(value, field, max_bytes, true)
}

fn json_in(value: &JsValue, field: &str, max_bytes: usize, lossy: bool) -> Result<serde_json::Value, Error> {
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Ok(serde_json::Value::Null);
    }
    let text = js_sys::JSON::stringify(value).map_err(|_| {
        Error::bad_argument(
            field,
            "可转为 JSON 的普通数据（不能有循环引用或 BigInt，读取属性时不能抛出异常）",
            "plain JSON data (no cycles, BigInt or throwing getters)",
        )
    })?;
    let Some(text) = text.as_string() else { return Ok(serde_json::Value::Null) };
    if text.len() > max_bytes {
        return Err(Error::too_large(field, max_bytes));
    }
    if let Ok(v) = serde_json::from_str(&text) {
        return Ok(v);
    }
    // `JSON.stringify` writes only valid JSON: what serde_json refuses is a lone surrogate, or
    // nesting deeper than its limit.
    if let Some(fixed) = crate::json::replace_lone_surrogates(&text) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&fixed) {
            if lossy {
                return Ok(v);
            }
            let at = crate::json::path_of_char(&v, char::REPLACEMENT_CHARACTER).unwrap_or_default();
            return Err(Error::bad_argument(
                format!("{field}{at}"),
                "不含半个表情符号（孤立代理项）的文本",
                "text without a lone UTF-16 surrogate (half of an emoji cut off)",
            ));
        }
    }
    Err(Error::bad_argument(field, "嵌套少于 128 层的 JSON 数据", "JSON data nested less than 128 levels deep"))
}

/// Reads a JS value that must be a string (or absent).
pub fn opt_string(value: &JsValue, field: &str, max_chars: usize) -> Result<Option<String>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let s = value.as_string().ok_or_else(|| Error::bad_argument(field, "字符串", "a string"))?;
    if s.chars().count() > max_chars {
        return Err(Error::too_large(field, max_chars));
    }
    Ok(Some(s))
}

/// Writes a Rust value as a plain JS object (maps as objects, no `Map`s).
///
/// Through JSON text (`ToJson`, the crate's one writer) and `JSON.parse` (wasm size).
pub fn to_js<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    to_js_text(crate::json::to_string(value))
}

/// The part of `to_js` that is the same for every type (written once, not per type).
#[inline(never)]
fn to_js_text(text: String) -> Result<JsValue, JsValue> {
    plain_of(text).map_err(|e| js_error(&Error::bad_argument("result", "可序列化的数据", format!("serialisable data ({e})"))))
}

/// A core error as a JS `Error`: `message` in both languages, `code`, `text: {zh, en}`,
/// `params` (the values the text is made of, as findings carry them; `{}` when none), and
/// `problems` for a plan that failed to load.
pub fn js_error(e: &Error) -> JsValue {
    let text = e.message();
    let err = js_sys::Error::new(&format!("{} / {}", text.zh, text.en));
    let obj: &Object = err.unchecked_ref();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(obj, &JsValue::from_str(k), v);
    };
    set("code", &JsValue::from_str(e.code()));
    if let Ok(t) = to_js_plain(&text) {
        set("text", &t);
    }
    let params = Object::new();
    for (k, v) in e.params() {
        let v = match v {
            Param::Text(t) => JsValue::from_str(&t),
            Param::Count(n) => JsValue::from_f64(n as f64),
            Param::Number(n) => JsValue::from_f64(n),
        };
        let _ = Reflect::set(&params, &JsValue::from_str(k), &v);
    }
    set("params", &params);
    if !e.problems().is_empty() {
        if let Ok(p) = to_js_plain(e.problems()) {
            set("problems", &p);
        }
    }
    err.into()
}

fn to_js_plain<T: ToJson + ?Sized>(value: &T) -> Result<JsValue, String> {
    plain_of(crate::json::to_string(value))
}

#[inline(never)]
fn plain_of(text: String) -> Result<JsValue, String> {
    parse_in_js(text).map_err(|_| "JSON.parse refused the result".to_string())
}

/// JSON text made into a JS value by `JSON.parse`, crossing as ASCII (see `json::ascii_escaped`).
pub fn parse_in_js(json: String) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::json::ascii_escaped(json))
}

/// Turns a core result into what a `#[wasm_bindgen]` function returns.
pub fn out<T: ToJson>(r: Result<T, Error>) -> Result<JsValue, JsValue> {
    match r {
        Ok(v) => to_js(&v),
        Err(e) => Err(js_error(&e)),
    }
}
