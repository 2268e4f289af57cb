//! JSON Pointers (RFC 6901): building them for findings and resolving the rule paths of the plan.
//!
//! Resolution walks the pointer in place instead of going through `Value::pointer`, which
//! allocates a `String` per token; a form is looked up dozens of times per validation.

use serde_json::Value;

/// Appends `/` and the token, escaped (`~` → `~0`, `/` → `~1`), to a pointer being built.
pub fn push_token(path: &mut String, token: &str) {
    path.push('/');
    // A byte scan: `str::contains` with a char set decodes UTF-8 and showed in profiles.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        path.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// Appends `/` and an array index to a pointer being built (`itoa`: `write!` costs several
/// times as much, once per list item walked).
pub fn push_index(path: &mut String, i: usize) {
    path.push('/');
    path.push_str(itoa::Buffer::new().format(i));
}

/// `base` + one array index.
pub fn index(base: &str, i: usize) -> String {
    let mut s = String::with_capacity(base.len() + 4);
    s.push_str(base);
    push_index(&mut s, i);
    s
}

/// A rule path read against the item at `base`: absolute when it starts with `/`, otherwise
/// relative to `base` (the item of an `each` rule); `""` is `base` itself.
pub fn resolve(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        path.to_string()
    } else if path.is_empty() {
        base.to_string()
    } else {
        format!("{base}/{path}")
    }
}

/// The value at `pointer`, if the data has one (as `Value::pointer`).
pub fn get<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    match pointer.strip_prefix('/') {
        _ if pointer.is_empty() => Some(root),
        Some(rest) => tokens(root, rest),
        None => None,
    }
}

/// `path` read against `item`, the value at the rule's base: from the root when absolute.
pub fn get_from<'a>(root: &'a Value, item: &'a Value, path: &str) -> Option<&'a Value> {
    if path.starts_with('/') {
        get(root, path)
    } else if path.is_empty() {
        Some(item)
    } else {
        tokens(item, path)
    }
}

/// Follows the `/`-separated, still escaped tokens of `rest` from `v`.
fn tokens<'a>(mut v: &'a Value, mut rest: &str) -> Option<&'a Value> {
    loop {
        let (raw, next) = match rest.find('/') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        v = token(v, raw)?;
        match next {
            Some(n) => rest = n,
            None => return Some(v),
        }
    }
}

fn token<'a>(v: &'a Value, raw: &str) -> Option<&'a Value> {
    // Escapes are rare in practice; only then is the unescaped token allocated.
    let owned;
    let token = if raw.as_bytes().contains(&b'~') {
        owned = raw.replace("~1", "/").replace("~0", "~");
        owned.as_str()
    } else {
        raw
    };
    match v {
        Value::Object(map) => map.get(token),
        Value::Array(list) => parse_index(token).and_then(|i| list.get(i)),
        _ => None,
    }
}

/// An array index as RFC 6901 spells it: no sign, no leading zeros (as serde_json reads it).
fn parse_index(s: &str) -> Option<usize> {
    if s.starts_with('+') || (s.starts_with('0') && s.len() != 1) {
        return None;
    }
    s.parse().ok()
}

/// Absent, `null` and the empty string all mean "not filled in" (an empty HTML input gives `""`).
pub fn is_given(v: &Value) -> bool {
    !matches!(v, Value::Null) && v.as_str() != Some("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_resolves() {
        let mut p = "/a".to_string();
        push_token(&mut p, "x/y~z");
        assert_eq!(p, "/a/x~1y~0z");
        let v = serde_json::json!({"x/y~z": 1});
        assert_eq!(get(&v, &p[2..]), Some(&serde_json::json!(1)));
        assert_eq!(resolve("/entries/2", "approval/by_role"), "/entries/2/approval/by_role");
        assert_eq!(resolve("/entries/2", "/period_to"), "/period_to");
        assert_eq!(resolve("", "/a"), "/a");
    }

    #[test]
    fn writes_indices() {
        for i in [0, 7, 10, 99, 200, usize::MAX] {
            let mut p = "/a".to_string();
            push_index(&mut p, i);
            assert_eq!(p, format!("/a/{i}"));
        }
    }

    #[test]
    fn walks_like_serde_json() {
        let v = serde_json::json!({"a": [{"b": 1}, {"c~/": 2}], "": {"": 3}, "01": 4, "~1": 5});
        let pointers =
            ["", "/", "//", "/a", "/a/0", "/a/0/b", "/a/1/c~0~1", "/a/01", "/a/+1", "/a/9", "/a/x", "a", "/01", "/~01", "/a/0/b/c"];
        for p in pointers {
            assert_eq!(get(&v, p), v.pointer(p), "{p}");
        }
        for (base, p) in [("/a/0", "b"), ("/a/1", "c~0~1"), ("/a/0", ""), ("", "/a/0/b"), ("/a/0", "/01"), ("", ""), ("", "a")] {
            let item = v.pointer(base).unwrap();
            assert_eq!(get_from(&v, item, p), v.pointer(&resolve(base, p)), "{base} {p}");
        }
    }
}
