//! The one error type of the public API: misuse of the component (as opposed to findings, which
//! are returned). Each error has a stable snake_case `code` and a bilingual message; all message
//! text is in this file, but for what a `bad_argument`'s caller says it expected: that phrase
//! belongs to the argument, so each call site gives it in both languages.

use std::fmt;

use crate::plan::PlanProblem;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    kind: ErrorKind,
}

/// A value an error's message is made of: a text (an id, a field, a clipped value), a count, or
/// a number of the plan (a threshold, which may have a fraction).
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Text(String),
    Count(usize),
    Number(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// A plan document failed to load; every problem found is listed.
    PlanInvalid(Vec<PlanProblem>),
    UnknownKind(String),
    UnknownForm(String),
    UnknownStep(String),
    UnknownOption {
        step: String,
        option: String,
    },
    /// An argument is of the wrong type or shape; `field` names it (`facts.rooms_affected`).
    /// `expected` says what it should be, in both languages: the Chinese message must not fall
    /// back on an English phrase.
    BadArgument {
        field: String,
        expected: Text,
    },
    /// A time that is neither RFC 3339 nor a local `YYYY-MM-DDTHH:MM[:SS]`.
    BadTime {
        field: String,
        value: String,
    },
    /// An argument beyond the size the component accepts.
    TooLarge {
        field: String,
        limit: usize,
    },
    /// The step needs the consent of `role` and no approver of that role was given.
    ApprovalRequired {
        step: String,
        role: String,
    },
    /// The step is a branch whose option was not (or not yet) chosen at `decision`.
    StepNotActive {
        step: String,
        decision: String,
    },
    /// The step was already completed, decided or skipped.
    AlreadyDone(String),
    /// `decide` on a step that has no options.
    NotADecision(String),
    /// `complete` on a decision step: it is settled with `decide`.
    DecisionRequired(String),
    /// `skip` on a step the plan does not mark optional.
    StepNotOptional(String),
    /// `requestApproval` on a step that needs nobody's consent.
    ApprovalNotRequired(String),
    /// A time before the incident was discovered.
    BeforeDiscovery {
        field: String,
        value: String,
    },
    /// A time later than `now` by more than the plan's tolerance (the threshold its
    /// `log.future_tolerance` names): a log records what has happened, and one entry in the
    /// future would make every later real entry look out of order.
    FutureTime {
        field: String,
        value: String,
        /// The current time, as the plan writes times.
        now: String,
        /// Minutes a time may be ahead of `now` (clocks differ a little).
        tolerance: f64,
    },
    /// Saved state that is not what this component writes; `detail` says where.
    BadState(String),
    /// Saved state of a format version this build does not read.
    UnsupportedVersion(String),
    /// The hash chain of the log is broken at entry `index`.
    LogTampered {
        index: usize,
    },
    /// The response was made under another plan (or plan version) than the active one.
    PlanMismatch {
        saved: String,
        active: String,
    },
    /// The log reached the number of entries one response may hold.
    LogFull(usize),
    /// No saved response with this id.
    NotSaved(String),
    /// Browser storage failed (`storage_full`, `storage_disabled`, `storage_error`).
    Storage {
        code: &'static str,
        detail: String,
    },
    /// The stored copy changed since this instance last read it (another tab or window saved
    /// entries this one does not have); nothing was written.
    Conflict {
        stored: usize,
    },
    /// A copy to restore is older than, or diverges from, the one saved under its id.
    StaleCopy {
        saved: usize,
        copy: usize,
    },
}

impl Error {
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// An argument of the wrong type or shape: `field` names it, `zh` and `en` say what it should
    /// be (「字符串」, "a string"). The Chinese phrase holds no English words, only the field names,
    /// ids and JS/JSON literals it must quote (`{ text?, facts? }`, `true`).
    pub fn bad_argument(field: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::new(ErrorKind::BadArgument { field: field.into(), expected: Text::new(zh, en) })
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
            ErrorKind::ApprovalRequired { .. } => "approval_required",
            ErrorKind::StepNotActive { .. } => "step_not_active",
            ErrorKind::AlreadyDone(_) => "already_done",
            ErrorKind::NotADecision(_) => "not_a_decision",
            ErrorKind::DecisionRequired(_) => "decision_required",
            ErrorKind::StepNotOptional(_) => "step_not_optional",
            ErrorKind::ApprovalNotRequired(_) => "approval_not_required",
            ErrorKind::BeforeDiscovery { .. } => "before_discovery",
            ErrorKind::FutureTime { .. } => "future_time",
            ErrorKind::BadState(_) => "bad_state",
            ErrorKind::UnsupportedVersion(_) => "unsupported_version",
            ErrorKind::LogTampered { .. } => "log_tampered",
            ErrorKind::PlanMismatch { .. } => "plan_mismatch",
            ErrorKind::LogFull(_) => "log_full",
            ErrorKind::NotSaved(_) => "not_saved",
            ErrorKind::Storage { code, .. } => code,
            ErrorKind::Conflict { .. } => "conflict",
            ErrorKind::StaleCopy { .. } => "stale_copy",
        }
    }

    /// The values the message is built from, by name, as findings carry them: a portal can word
    /// the error itself (`{step, role}` for `approval_required`). Values that came from the
    /// caller are clipped as in the message.
    /// A plain list rather than a JSON map: the binding writes it straight into a JS object, which
    /// costs the wasm far less than serialising a map of `Value`s.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        let s = |v: &str| Param::Text(v.to_string());
        let n = Param::Count;
        match &self.kind {
            ErrorKind::PlanInvalid(problems) => vec![("count", n(problems.len()))],
            ErrorKind::UnknownKind(id) => vec![("kind", s(id))],
            ErrorKind::UnknownForm(id) => vec![("form", s(&clip(id)))],
            ErrorKind::UnknownStep(id) => vec![("step", s(&clip(id)))],
            ErrorKind::UnknownOption { step, option } => vec![("step", s(&clip(step))), ("option", s(&clip(option)))],
            // `expected` stays the English phrase (what portals read before `expected_zh` existed).
            ErrorKind::BadArgument { field, expected } => {
                vec![("field", s(field)), ("expected", s(&expected.en)), ("expected_zh", s(&expected.zh))]
            }
            ErrorKind::BadTime { field, value } | ErrorKind::BeforeDiscovery { field, value } => {
                vec![("field", s(field)), ("value", s(&clip(value)))]
            }
            ErrorKind::FutureTime { field, value, now, tolerance } => {
                vec![("field", s(field)), ("value", s(&clip(value))), ("now", s(now)), ("tolerance", Param::Number(*tolerance))]
            }
            ErrorKind::TooLarge { field, limit } => vec![("field", s(field)), ("limit", n(*limit))],
            ErrorKind::ApprovalRequired { step, role } => vec![("step", s(step)), ("role", s(role))],
            ErrorKind::StepNotActive { step, decision } => vec![("step", s(step)), ("decision", s(decision))],
            ErrorKind::AlreadyDone(step)
            | ErrorKind::NotADecision(step)
            | ErrorKind::DecisionRequired(step)
            | ErrorKind::StepNotOptional(step)
            | ErrorKind::ApprovalNotRequired(step) => vec![("step", s(step))],
            ErrorKind::BadState(detail) => vec![("detail", s(&clip_to(detail, 200)))],
            ErrorKind::UnsupportedVersion(v) => vec![("version", s(&clip(v)))],
            ErrorKind::LogTampered { index } => vec![("index", n(*index))],
            ErrorKind::PlanMismatch { saved, active } => vec![("saved", s(saved)), ("active", s(active))],
            ErrorKind::LogFull(limit) => vec![("limit", n(*limit))],
            ErrorKind::NotSaved(id) => vec![("id", s(&clip(id)))],
            ErrorKind::Storage { detail, .. } => vec![("detail", s(&clip_to(detail, 120)))],
            ErrorKind::Conflict { stored } => vec![("stored", n(*stored))],
            ErrorKind::StaleCopy { saved, copy } => vec![("saved", n(*saved)), ("copy", n(*copy))],
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
            ErrorKind::BadArgument { field, expected } => {
                // A phrase that opens with a literal (`{ kind, … }`) is set off by a space.
                let gap = if expected.zh.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
                Text::new(format!("参数 {field} 有误：应为{gap}{}", expected.zh), format!("bad argument {field}: expected {}", expected.en))
            }
            ErrorKind::BadTime { field, value } => Text::new(
                format!("{field} 的时间 \"{}\" 无法识别：请用 2026-06-13T09:32 或 RFC 3339 格式", clip(value)),
                format!("{field}: \"{}\" is not a time; use 2026-06-13T09:32 or RFC 3339", clip(value)),
            ),
            ErrorKind::TooLarge { field, limit } => Text::new(
                format!("{field} 过大（上限 {limit}）"),
                format!("{field} is too large (limit {limit})"),
            ),
            ErrorKind::ApprovalRequired { step, role } => Text::new(
                format!("步骤 \"{step}\" 须经 {role} 批准：请提供该角色的批准人"),
                format!("step \"{step}\" needs the consent of {role}: give an approver of that role"),
            ),
            ErrorKind::StepNotActive { step, decision } => Text::new(
                format!("步骤 \"{step}\" 不在已选定的处理分支上（决定 \"{decision}\"）"),
                format!("step \"{step}\" is not on the branch chosen at decision \"{decision}\""),
            ),
            ErrorKind::AlreadyDone(step) => Text::new(format!("步骤 \"{step}\" 已完成"), format!("step \"{step}\" is already settled")),
            ErrorKind::NotADecision(step) => Text::new(
                format!("步骤 \"{step}\" 不是决定事项，请用 complete"),
                format!("step \"{step}\" is not a decision; use complete"),
            ),
            ErrorKind::DecisionRequired(step) => Text::new(
                format!("步骤 \"{step}\" 是决定事项，请用 decide 选择一个选项"),
                format!("step \"{step}\" is a decision; use decide with one of its options"),
            ),
            ErrorKind::StepNotOptional(step) => Text::new(
                format!("步骤 \"{step}\" 是必须执行的步骤，不能略过"),
                format!("step \"{step}\" is required and cannot be skipped"),
            ),
            ErrorKind::ApprovalNotRequired(step) => Text::new(
                format!("步骤 \"{step}\" 无须批准"),
                format!("step \"{step}\" needs nobody's approval"),
            ),
            ErrorKind::BeforeDiscovery { field, value } => Text::new(
                format!("{field} 的时间 {} 早于发现事件的时间", clip(value)),
                format!("{field}: {} is before the incident was discovered", clip(value)),
            ),
            ErrorKind::FutureTime { field, value, now, tolerance } => {
                let tol = crate::text::number(*tolerance);
                Text::new(
                    format!("{field} 的时间 {} 晚于现在（{now}）超过 {tol} 分钟：处置记录只记已发生的事，请核对所填时间", clip(value)),
                    format!("{field}: {} is more than {tol} minutes later than now ({now}); the log records what has happened: check the time", clip(value)),
                )
            }
            ErrorKind::BadState(detail) => Text::new(
                format!("保存的处置记录无法读取：{}", clip_to(detail, 200)),
                format!("the saved response cannot be read: {}", clip_to(detail, 200)),
            ),
            ErrorKind::UnsupportedVersion(v) => Text::new(
                format!("保存的处置记录格式版本 {} 不受支持", clip(v)),
                format!("the saved response is in format version {}, which this build does not read", clip(v)),
            ),
            ErrorKind::LogTampered { index } => Text::new(
                format!("处置记录已被改动：第 {index} 条记录的校验值不符"),
                format!("the response log has been altered: entry {index} does not match its hash chain"),
            ),
            ErrorKind::PlanMismatch { saved, active } => Text::new(
                format!("该处置记录依据预案 {saved} 制作，当前预案为 {active}：请先载入原预案"),
                format!("the response was made under plan {saved} but the active plan is {active}: load that plan first"),
            ),
            ErrorKind::LogFull(limit) => Text::new(
                format!("处置记录已达上限（{limit} 条）"),
                format!("the response log is full ({limit} entries)"),
            ),
            ErrorKind::NotSaved(id) => Text::new(
                format!("没有保存的处置记录 \"{}\"", clip(id)),
                format!("no saved response \"{}\"", clip(id)),
            ),
            ErrorKind::Storage { code, detail } => Text::new(
                format!("浏览器存储失败（{code}）：{}；处置记录仍保留在内存中", clip_to(detail, 120)),
                format!("browser storage failed ({code}): {}; the response is kept in memory", clip_to(detail, 120)),
            ),
            ErrorKind::Conflict { stored } => Text::new(
                format!("该处置记录已在另一窗口中更新（已保存 {stored} 条记录）：本次操作未执行，请重新载入后再操作"),
                format!("this response was changed in another tab or window ({stored} entries saved there): nothing was done; reload it and try again"),
            ),
            ErrorKind::StaleCopy { saved, copy } => Text::new(
                format!("导入的副本（{copy} 条记录）比本机保存的处置记录（{saved} 条）旧或与之不一致，未覆盖；可另存为新记录"),
                format!("the copy ({copy} entries) is older than, or diverges from, the response saved here ({saved} entries); nothing was replaced; it can be saved under a new id"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn param(e: &Error, name: &str) -> Option<Param> {
        e.params().into_iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    fn text(v: &str) -> Option<Param> {
        Some(Param::Text(v.to_string()))
    }

    /// Every value the message names is in `params`, so a portal's own wording says the same.
    #[test]
    fn params_carry_what_the_message_names() {
        let e = Error::new(ErrorKind::ApprovalRequired { step: "superior_instruction".into(), role: "superior".into() });
        assert_eq!(param(&e, "step"), text("superior_instruction"));
        assert_eq!(param(&e, "role"), text("superior"));
        assert!(e.message().en.contains("superior_instruction") && e.message().en.contains("superior"));
        let e = Error::new(ErrorKind::PlanMismatch { saved: "site-7 2".into(), active: "sd101 1".into() });
        assert_eq!((param(&e, "saved"), param(&e, "active")), (text("site-7 2"), text("sd101 1")));
        assert_eq!(param(&Error::too_large("text", 10_000), "limit"), Some(Param::Count(10_000)));
        let e = Error::new(ErrorKind::FutureTime {
            field: "at".into(),
            value: "2026-06-13T19:38".into(),
            now: "2026-06-13T09:40:00+08:00".into(),
            tolerance: 2.5,
        });
        assert_eq!((e.code(), param(&e, "tolerance")), ("future_time", Some(Param::Number(2.5))));
        for m in [e.message().zh, e.message().en] {
            assert!(m.contains("2026-06-13T19:38") && m.contains("2026-06-13T09:40:00+08:00") && m.contains("2.5"), "{m}");
        }
        let e = Error::bad_argument("text", "字符串", "a string");
        assert_eq!((param(&e, "expected"), param(&e, "expected_zh")), (text("a string"), text("字符串")));
        // A phrase that opens with a literal is set off from 应为 by a space; a Chinese one is not.
        assert_eq!(e.message().zh, "参数 text 有误：应为字符串");
        assert_eq!(
            Error::bad_argument("init", "{ kind } 形式的对象", "an object").message().zh,
            "参数 init 有误：应为 { kind } 形式的对象"
        );
    }

    #[test]
    fn params_clip_a_caller_value_as_the_message_does() {
        let e = Error::new(ErrorKind::NotSaved("x".repeat(5000)));
        let Some(Param::Text(id)) = param(&e, "id") else { panic!("id is a text") };
        assert_eq!(id.chars().count(), 41);
    }
}
