//! JSON Pointers (RFC 6901): building them for findings and resolving the rule paths of the plan.

use serde_json::Value;

/// One reference token, escaped: `~` → `~0`, `/` → `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `base` + one key.
pub fn child(base: &str, key: &str) -> String {
    format!("{base}/{}", escape(key))
}

/// `base` + one array index.
pub fn index(base: &str, i: usize) -> String {
    format!("{base}/{i}")
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

/// The value at `pointer`, if the data has one.
pub fn get<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    root.pointer(pointer)
}

/// The value at `pointer` if it is given: not missing, not `null`, not `""`.
pub fn given<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    get(root, pointer).filter(|v| is_given(v))
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
        assert_eq!(child("/a", "x/y~z"), "/a/x~1y~0z");
        let v = serde_json::json!({"x/y~z": 1});
        assert_eq!(get(&v, &child("", "x/y~z")), Some(&serde_json::json!(1)));
        assert_eq!(resolve("/entries/2", "approval/by_role"), "/entries/2/approval/by_role");
        assert_eq!(resolve("/entries/2", "/period_to"), "/period_to");
        assert_eq!(resolve("", "/a"), "/a");
    }
}
