//! Findings: what is wrong with a form, where (a JSON Pointer), under which stable code, in both
//! languages. The text comes from the plan's `messages`, filled with the finding's parameters:
//! `params` keep ids and values as the data has them, and the message shows each as a reader
//! reads it (a kind or role by its title in the plan, a boolean as 是/否, a JSON type in words;
//! see [`Show`]).

use std::fmt::Write;

use serde::Serialize;

use crate::json::ToJson;
use serde_json::Value;

use super::spec::Level;
use super::templates::Templates;
use crate::map::{VecMap, VecSet};
use crate::plan::Plan;
use crate::text::{Lang, Template, Text};

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
    plan: &'a Plan,
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

/// No parameters (a finding whose message needs none).
pub const NO_PARAMS: [(&str, Value); 0] = [];

/// How a message shows a parameter; the finding's `params` hold the value as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// As it is (numbers, times, what the user typed).
    Plain,
    /// A kind id, by the kind's title.
    Kind,
    /// A role id, by the role's title.
    Role,
    /// Role ids joined by `, `, by their titles joined by the plan's list separator; none is
    /// shown as `words.nobody`.
    Roles,
    /// `major` / `general`, by `words.severities`.
    Severity,
    /// `yes` / `no`, by `words.yes` / `words.no`.
    YesNo,
    /// A JSON type name, by `words.types`.
    Type,
}

/// A finding's parameter: its value in `params` and how the message shows it.
pub struct Param {
    value: Value,
    show: Show,
}

impl From<Value> for Param {
    fn from(value: Value) -> Self {
        Param { value, show: Show::Plain }
    }
}

fn shown(value: Value, show: Show) -> Param {
    Param { value, show }
}

/// A kind id, shown by its title.
pub fn kind(id: &str) -> Param {
    shown(text(id), Show::Kind)
}

/// A role id, shown by its title.
pub fn role(id: &str) -> Param {
    shown(text(id), Show::Role)
}

/// Role ids (`params`: joined by `, `), shown by their titles.
pub fn roles<'r>(ids: impl IntoIterator<Item = &'r str>) -> Param {
    let ids: Vec<&str> = ids.into_iter().collect();
    shown(Value::from(ids.join(", ")), Show::Roles)
}

/// A severity id, shown in words.
pub fn severity(s: &str) -> Param {
    shown(text(s), Show::Severity)
}

/// A boolean (`params`: `yes` / `no`), shown in words.
pub fn yes_no(b: bool) -> Param {
    shown(Value::from(if b { "yes" } else { "no" }), Show::YesNo)
}

/// A JSON type name, shown in words.
pub fn json_type(t: &str) -> Param {
    shown(Value::from(t), Show::Type)
}

impl<'a> Findings<'a> {
    pub fn new(plan: &'a Plan, max: usize) -> Self {
        let messages = plan.templates();
        Findings { plan, messages, max, errors: Vec::new(), warnings: Vec::new(), dropped: VecSet::new(), failed: Vec::new(), last: None }
    }

    pub fn full(&self) -> bool {
        self.errors.len() + self.warnings.len() >= self.max
    }

    /// Adds an error of the structural walk: the value at `path` is not what its field holds.
    pub fn reject<'k, P: Into<Param>>(&mut self, path: &str, code: &str, params: impl IntoIterator<Item = (&'k str, P)>) {
        if !self.failed.iter().any(|p| p == path) {
            self.failed.push(path.to_string());
        }
        self.push(Level::Error, path, code, params);
    }

    /// The paths `reject` was given so far.
    pub fn failed(&self) -> &[String] {
        &self.failed
    }

    /// Adds a finding; `params` is any list (an array at the call sites: no `Vec` per call) of
    /// plain values or [`Param`]s. Only the filling of the parameters is written per list type;
    /// the rest is shared.
    pub fn push<'k, P: Into<Param>>(&mut self, level: Level, path: &str, code: &str, params: impl IntoIterator<Item = (&'k str, P)>) {
        if !self.wanted(path, code) {
            return;
        }
        let mut map = VecMap::new();
        let mut shows: Vec<(&'k str, Show)> = Vec::new();
        for (k, p) in params {
            let p = p.into();
            if p.show != Show::Plain {
                shows.push((k, p.show));
            }
            map.insert(k.to_string(), p.value);
        }
        self.add(level, path, code, map, &shows);
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

    fn add(&mut self, level: Level, path: &str, code: &str, params: VecMap<String, Value>, shows: &[(&str, Show)]) {
        let message = self.message(code, &params, shows);
        let f = Finding { path: path.to_string(), code: code.to_string(), message, params };
        match level {
            Level::Error => self.errors.push(f),
            Level::Warning => self.warnings.push(f),
        }
    }

    fn message(&mut self, code: &str, params: &VecMap<String, Value>, shows: &[(&str, Show)]) -> Text {
        let template = match self.last {
            Some((c, t)) if c == code => t,
            _ => {
                // A plan that passed its check has every code; the fallback only keeps a text non-empty.
                let Some((c, t)) = self.messages.get_key_value(code) else { return Text::new(code, code) };
                self.last = Some((c.as_str(), t));
                t
            }
        };
        let plan = self.plan;
        template.fill_lang(|lang, name, out| {
            let show = shows.iter().find(|(k, _)| *k == name).map_or(Show::Plain, |(_, s)| *s);
            match params.get(name) {
                Some(Value::String(s)) if show != Show::Plain => {
                    show_in(plan, show, s, lang, out);
                    true
                }
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
            }
        })
    }

    pub fn finish(mut self) -> Report {
        if !self.dropped.is_empty() {
            let params = VecMap::from([("count".to_string(), num(self.dropped.len() as f64))]);
            let message = self.message("too_many_findings", &params, &[]);
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

/// Writes `value` as `show` says, in `lang`; an id the plan has no words for shows as it is.
fn show_in<'p>(plan: &'p Plan, show: Show, value: &'p str, lang: Lang, out: &mut String) {
    let words = &plan.doc().forms.words;
    fn word(t: Option<&Text>, lang: Lang) -> Option<&str> {
        t.map(|t| t.get(lang)).filter(|w| !w.trim().is_empty())
    }
    let role_title = |id: &'p str| -> &'p str { plan.role(id).map_or(id, |r| r.title.get(lang)) };
    let w = match show {
        Show::Plain => None,
        Show::Kind => plan.kind(value).map(|k| k.title.get(lang)),
        Show::Role => Some(role_title(value)),
        Show::Roles => {
            if value.is_empty() {
                out.push_str(word(Some(&words.nobody), lang).unwrap_or("—"));
            } else {
                let separator = word(Some(&words.list_separator), lang).unwrap_or(", ");
                for (i, id) in value.split(", ").enumerate() {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    out.push_str(role_title(id));
                }
            }
            return;
        }
        Show::Severity => word(words.severities.get(value), lang),
        Show::YesNo => word(Some(if value == "yes" { &words.yes } else { &words.no }), lang),
        Show::Type => word(words.types.get(value), lang),
    };
    out.push_str(w.unwrap_or(value));
}
