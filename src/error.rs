//! The one error type of the public API: misuse of the component (as opposed to findings, which
//! are returned). Each error has a stable snake_case `code` and a bilingual message; all message
//! text is in this file.

use std::fmt;

use crate::plan::PlanProblem;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// A plan document failed to load; every problem found is listed.
    PlanInvalid(Vec<PlanProblem>),
    UnknownKind(String),
    UnknownForm(String),
    UnknownStep(String),
    UnknownOption { step: String, option: String },
    /// An argument is of the wrong type or shape; `field` names it (`facts.rooms_affected`).
    BadArgument { field: String, expected: String },
    /// A time that is neither RFC 3339 nor a local `YYYY-MM-DDTHH:MM[:SS]`.
    BadTime { field: String, value: String },
    /// An argument beyond the size the component accepts.
    TooLarge { field: String, limit: usize },
}

impl Error {
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn bad_argument(field: impl Into<String>, expected: impl Into<String>) -> Self {
        Error::new(ErrorKind::BadArgument { field: field.into(), expected: expected.into() })
    }

    pub fn too_large(field: impl Into<String>, limit: usize) -> Self {
        Error::new(ErrorKind::TooLarge { field: field.into(), limit })
    }

    /// The plan problems, when the error is a plan that failed to load.
    pub fn problems(&self) -> &[PlanProblem] {
        match &self.kind {
            ErrorKind::PlanInvalid(p) => p,
            _ => &[],
        }
    }

    pub fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::PlanInvalid(_) => "plan_invalid",
            ErrorKind::UnknownKind(_) => "unknown_kind",
            ErrorKind::UnknownForm(_) => "unknown_form",
            ErrorKind::UnknownStep(_) => "unknown_step",
            ErrorKind::UnknownOption { .. } => "unknown_option",
            ErrorKind::BadArgument { .. } => "bad_argument",
            ErrorKind::BadTime { .. } => "bad_time",
            ErrorKind::TooLarge { .. } => "too_large",
        }
    }

    pub fn message(&self) -> Text {
        match &self.kind {
            ErrorKind::PlanInvalid(problems) => {
                let first = problems.first().map(|p| p.to_string()).unwrap_or_default();
                Text::new(
                    format!("预案无法载入：发现 {} 处问题（第一处：{first}）", problems.len()),
                    format!("the plan cannot be loaded: {} problem(s) found (first: {first})", problems.len()),
                )
            }
            ErrorKind::UnknownKind(id) => Text::new(format!("预案中没有事件类型 \"{id}\""), format!("the plan has no incident kind \"{id}\"")),
            ErrorKind::UnknownForm(id) => Text::new(
                format!("没有表单 \"{id}\"（可用：initial_report、staged_report、room_record、disposal_report、readiness_check）"),
                format!("no form \"{id}\" (use initial_report, staged_report, room_record, disposal_report or readiness_check)"),
            ),
            ErrorKind::UnknownStep(id) => Text::new(format!("本次处置没有步骤 \"{id}\""), format!("this response has no step \"{id}\"")),
            ErrorKind::UnknownOption { step, option } => Text::new(
                format!("步骤 \"{step}\" 没有选项 \"{option}\""),
                format!("step \"{step}\" has no option \"{option}\""),
            ),
            ErrorKind::BadArgument { field, expected } => Text::new(
                format!("参数 {field} 有误：应为 {expected}"),
                format!("bad argument {field}: expected {expected}"),
            ),
            ErrorKind::BadTime { field, value } => Text::new(
                format!("{field} 的时间 \"{}\" 无法识别：请用 2026-06-13T09:32 或 RFC 3339 格式", clip(value)),
                format!("{field}: \"{}\" is not a time; use 2026-06-13T09:32 or RFC 3339", clip(value)),
            ),
            ErrorKind::TooLarge { field, limit } => Text::new(
                format!("{field} 过大（上限 {limit}）"),
                format!("{field} is too large (limit {limit})"),
            ),
        }
    }
}

/// Echoes at most 40 characters of a bad value back, so a huge input does not become a huge message.
pub(crate) fn clip(value: &str) -> String {
    clip_to(value, 40)
}

/// The first `max` characters of `value`, with `…` where it was cut.
pub(crate) fn clip_to(value: &str, max: usize) -> String {
    let mut out: String = value.chars().take(max).collect();
    if value.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.message();
        write!(f, "[{}] {} / {}", self.code(), m.zh, m.en)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
