//! Findings: what is wrong with a form, where (a JSON Pointer), under which stable code, in both
//! languages. The text comes from the plan's `messages`, filled with the finding's parameters.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use super::spec::{Level, Messages};
use crate::text::Text;

/// One problem of a submitted form.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, string | number>"))]
    pub params: BTreeMap<String, Value>,
}

/// The result of `validateReport`: `ok` when there is no error (warnings do not block).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Report {
    pub ok: bool,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

/// Collects findings: each (path, code) once, at most `max` in all, so that a huge broken
/// form costs bounded time and gives a readable answer.
pub struct Findings<'a> {
    messages: &'a Messages,
    max: usize,
    seen: BTreeSet<(String, String)>,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
    dropped: usize,
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
    pub fn new(messages: &'a Messages, max: usize) -> Self {
        Findings { messages, max, seen: BTreeSet::new(), errors: Vec::new(), warnings: Vec::new(), dropped: 0 }
    }

    pub fn full(&self) -> bool {
        self.errors.len() + self.warnings.len() >= self.max
    }

    pub fn push(&mut self, level: Level, path: &str, code: &str, params: Vec<(&str, Value)>) {
        if !self.seen.insert((path.to_string(), code.to_string())) {
            return;
        }
        if self.full() {
            self.dropped += 1;
            return;
        }
        let params: BTreeMap<String, Value> = params.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let message = self.message(code, &params);
        let f = Finding { path: path.to_string(), code: code.to_string(), message, params };
        match level {
            Level::Error => self.errors.push(f),
            Level::Warning => self.warnings.push(f),
        }
    }

    fn message(&self, code: &str, params: &BTreeMap<String, Value>) -> Text {
        let strings: Vec<(&str, String)> = params
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect();
        // A plan that passed its check has every code; the fallback only keeps a text non-empty.
        self.messages.get(code).map_or_else(|| Text::new(code, code), |t| t.fill(&strings))
    }

    pub fn finish(mut self) -> Report {
        if self.dropped > 0 {
            let params = BTreeMap::from([("count".to_string(), num(self.dropped as f64))]);
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
