//! Findings: what is wrong with a form, where (a JSON Pointer), under which stable code, in both
//! languages. The text comes from the plan's `messages`, filled with the finding's parameters.

use std::fmt::Write;

use serde::Serialize;

use crate::json::ToJson;
use serde_json::Value;

use super::spec::Level;
use super::templates::Templates;
use crate::map::{VecMap, VecSet};
use crate::text::Template;
use crate::text::Text;

/// One problem of a submitted form.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Finding {
    /// JSON Pointer (RFC 6901) to the offending field: `/reporter/role`, `/entries/2/at`;
    /// `""` for the whole form.
    pub path: String,
    /// Stable snake_case id of the finding, e.g. `initial_report_late`.
    pub code: String,
    /// What is wrong, with the parameters filled in.
    pub message: Text,
    /// The values the message was filled with (minutes, limits, ids).
    #[serde(skip_serializing_if = "VecMap::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, string | number>"))]
    pub params: VecMap<String, Value>,
}

/// The result of `validateReport`: `ok` when there is no error (warnings do not block).
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Report {
    pub ok: bool,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// Collects findings: each (path, code) once, at most `max` in all, so that a huge broken
/// form costs bounded time and gives a readable answer.
pub struct Findings<'a> {
    messages: &'a Templates,
    max: usize,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
    /// (path, code) of the findings past `max`, each counted once. Those kept are told apart
    /// by looking through them: at most `max`, and no key to allocate per finding.
    dropped: VecSet<(String, String)>,
    /// Paths whose value failed its structural check (type, vocabulary, size): rules read no
    /// value from them, so a finding is never built from a value already found wrong.
    failed: Vec<String>,
    /// The message looked up last: a broken form tends to give one code many times over.
    last: Option<(&'a str, &'a Template)>,
}

/// A parameter value: a number or a (clipped) string.
pub fn num(n: impl Into<f64>) -> Value {
    let n: f64 = n.into();
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::from(n as i64)
    } else {
        serde_json::Number::from_f64((n * 100.0).round() / 100.0).map_or(Value::Null, Value::Number)
    }
}

pub fn text(s: &str) -> Value {
    Value::String(crate::error::clip(s))
}

impl<'a> Findings<'a> {
    pub fn new(messages: &'a Templates, max: usize) -> Self {
        Findings { messages, max, errors: Vec::new(), warnings: Vec::new(), dropped: VecSet::new(), failed: Vec::new(), last: None }
    }

    pub fn full(&self) -> bool {
        self.errors.len() + self.warnings.len() >= self.max
    }

    /// Adds an error of the structural walk: the value at `path` is not what its field holds.
    pub fn reject<'k>(&mut self, path: &str, code: &str, params: impl IntoIterator<Item = (&'k str, Value)>) {
        if !self.failed.iter().any(|p| p == path) {
            self.failed.push(path.to_string());
        }
        self.push(Level::Error, path, code, params);
    }

    /// The paths `reject` was given so far.
    pub fn failed(&self) -> &[String] {
        &self.failed
    }

    /// Adds a finding; `params` is any list (an array at the call sites: no `Vec` per call).
    /// Only the filling of the parameters is written per list type; the rest is shared.
    pub fn push<'k>(&mut self, level: Level, path: &str, code: &str, params: impl IntoIterator<Item = (&'k str, Value)>) {
        if !self.wanted(path, code) {
            return;
        }
        let mut map = VecMap::new();
        for (k, v) in params {
            map.insert(k.to_string(), v);
        }
        self.add(level, path, code, map);
    }

    /// Whether a finding at `path` with `code` is new and fits; one past `max` is counted.
    fn wanted(&mut self, path: &str, code: &str) -> bool {
        // Paths tell findings apart sooner than codes, which repeat.
        let same = |f: &Finding| f.path == path && f.code == code;
        if self.errors.iter().any(same) || self.warnings.iter().any(same) {
            return false;
        }
        if self.full() {
            self.dropped.insert((path.to_string(), code.to_string()));
            return false;
        }
        true
    }

    fn add(&mut self, level: Level, path: &str, code: &str, params: VecMap<String, Value>) {
        let message = self.message(code, &params);
        let f = Finding { path: path.to_string(), code: code.to_string(), message, params };
        match level {
            Level::Error => self.errors.push(f),
            Level::Warning => self.warnings.push(f),
        }
    }

    fn message(&mut self, code: &str, params: &VecMap<String, Value>) -> Text {
        let template = match self.last {
            Some((c, t)) if c == code => t,
            _ => {
                // A plan that passed its check has every code; the fallback only keeps a text non-empty.
                let Some((c, t)) = self.messages.get_key_value(code) else { return Text::new(code, code) };
                self.last = Some((c.as_str(), t));
                t
            }
        };
        template.fill(|name, out| match params.get(name) {
            Some(Value::String(s)) => {
                out.push_str(s);
                true
            }
            Some(v) => {
                // Numbers as JSON writes them; writing to a String cannot fail.
                let _ = write!(out, "{v}");
                true
            }
            None => false,
        })
    }

    pub fn finish(mut self) -> Report {
        if !self.dropped.is_empty() {
            let params = VecMap::from([("count".to_string(), num(self.dropped.len() as f64))]);
            let message = self.message("too_many_findings", &params);
            let f = Finding { path: String::new(), code: "too_many_findings".into(), message, params };
            if self.errors.is_empty() {
                self.warnings.push(f);
            } else {
                self.errors.push(f);
            }
        }
        Report { ok: self.errors.is_empty(), errors: self.errors, warnings: self.warnings }
    }
}
