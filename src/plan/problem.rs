//! What can be wrong with a plan document, each problem located by its path in the document.

use std::fmt;

use serde::Serialize;

use crate::json::ToJson;

use crate::text::Text;

/// One problem found in a plan document, at `path` (`kinds[3].steps[2].actor`).
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PlanProblem {
    pub path: String,
    pub code: &'static str,
    pub message: Text,
}

/// The classes of plan problem; all their message text is here.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Not JSON at all.
    Syntax(String),
    /// JSON, but not of the plan's shape (missing field, wrong type, unknown field).
    Shape(String),
    UnsupportedFormat(u32),
    DuplicateId(String),
    /// A reference (`what` is role, step, kind, group, threshold, anchor, form, signal, …) to an
    /// id the plan does not define.
    UnknownRef {
        what: &'static str,
        id: String,
    },
    /// Following decision options from this step leads back to it.
    DecisionCycle(String),
    NoSteps,
    BlankText,
    NotPositive(f64),
    BadTimezone(String),
    /// A deadline must name exactly one of `minutes` and `threshold`.
    BadDue,
    /// A decision option's branch step is claimed by two decisions.
    BranchTwice(String),
    /// A plan must hold what the code's mechanisms depend on (e.g. the initial-report threshold).
    Missing(&'static str),
    /// An id or field name outside the one pattern names follow (`NAME_PATTERN`), or one a page's
    /// objects reserve (`RESERVED_NAMES`).
    BadName(String),
}

/// The pattern every plan id and form field name follows: it becomes a property name, a CSS or
/// DOM token and a key of saved state on the portal's page.
pub const NAME_PATTERN: &str = "[a-z][a-z0-9_]*";

/// Names that match the pattern yet are properties every JavaScript object inherits.
pub const RESERVED_NAMES: &[&str] = &["__proto__", "constructor", "prototype"];

/// Whether `name` is a name a plan may use: `NAME_PATTERN`, not one of `RESERVED_NAMES`.
pub fn is_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !RESERVED_NAMES.contains(&name)
}

impl ProblemKind {
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Syntax(_) => "syntax",
            ProblemKind::Shape(_) => "shape",
            ProblemKind::UnsupportedFormat(_) => "unsupported_format",
            ProblemKind::DuplicateId(_) => "duplicate_id",
            ProblemKind::UnknownRef { .. } => "unknown_reference",
            ProblemKind::DecisionCycle(_) => "decision_cycle",
            ProblemKind::NoSteps => "no_steps",
            ProblemKind::BlankText => "blank_text",
            ProblemKind::NotPositive(_) => "not_positive",
            ProblemKind::BadTimezone(_) => "bad_timezone",
            ProblemKind::BadDue => "bad_due",
            ProblemKind::BranchTwice(_) => "branch_twice",
            ProblemKind::Missing(_) => "missing",
            ProblemKind::BadName(_) => "bad_name",
        }
    }

    pub fn message(&self) -> Text {
        match self {
            ProblemKind::Syntax(m) => Text::new(format!("不是有效的 JSON：{m}"), format!("not valid JSON: {m}")),
            ProblemKind::Shape(m) => Text::new(format!("结构不符合预案格式：{m}"), format!("not of the plan's shape: {m}")),
            ProblemKind::UnsupportedFormat(f) => Text::new(
                format!("不支持的预案格式版本 {f}（本组件读取版本 1）"),
                format!("unsupported plan format {f} (this build reads format 1)"),
            ),
            ProblemKind::DuplicateId(id) => Text::new(format!("标识 \"{id}\" 重复"), format!("duplicate id \"{id}\"")),
            ProblemKind::UnknownRef { what, id } => {
                Text::new(format!("未定义的{} \"{id}\"", ref_zh(what)), format!("unknown {what} \"{id}\""))
            }
            ProblemKind::DecisionCycle(id) => Text::new(
                format!("决策分支从步骤 \"{id}\" 出发又回到自身，流程无法结束"),
                format!("decision branches lead from step \"{id}\" back to itself; the flow would never end"),
            ),
            ProblemKind::NoSteps => Text::new("事件类型没有任何处置步骤", "the kind has no steps"),
            ProblemKind::BlankText => Text::new("中文和英文文本都不能为空", "both the Chinese and the English text must be non-empty"),
            ProblemKind::NotPositive(v) => {
                let v = crate::text::number(*v);
                Text::new(format!("阈值必须为正数，而不是 {v}"), format!("a threshold must be positive, not {v}"))
            }
            ProblemKind::BadTimezone(v) => Text::new(
                format!("时区应为 +08:00 这样的 UTC 偏移，而不是 \"{v}\""),
                format!("the time zone must be a UTC offset such as +08:00, not \"{v}\""),
            ),
            ProblemKind::BadDue => {
                Text::new("时限须且只须给出 minutes 或 threshold 之一", "a deadline must give exactly one of minutes and threshold")
            }
            ProblemKind::BranchTwice(id) => {
                Text::new(format!("步骤 \"{id}\" 同时属于两个决策的分支"), format!("step \"{id}\" is a branch of two decisions"))
            }
            ProblemKind::Missing(what) => Text::new(format!("预案缺少必需的 {what}"), format!("the plan lacks the required {what}")),
            ProblemKind::BadName(n) if RESERVED_NAMES.contains(&n.as_str()) => Text::new(
                format!("名称 \"{n}\" 是网页对象保留的属性名，不能使用"),
                format!("the name \"{n}\" is reserved by the page's objects and cannot be used"),
            ),
            ProblemKind::BadName(n) => Text::new(
                format!("名称 \"{n}\" 不符合 {NAME_PATTERN}（小写字母开头，只含小写字母、数字和下划线）"),
                format!(
                    "the name \"{n}\" does not match {NAME_PATTERN} (a lowercase letter, then lowercase letters, digits and underscores)"
                ),
            ),
        }
    }
}

fn ref_zh(what: &str) -> &'static str {
    match what {
        "role" => "角色",
        "step" => "步骤",
        "kind" => "事件类型",
        "group" => "步骤组",
        "threshold" => "阈值",
        "anchor" => "时间起点",
        "form" => "表单",
        "subject" => "报告内容",
        "signal" => "信号",
        "question" => "问题",
        "message" => "提示文本",
        _ => "引用",
    }
}

impl PlanProblem {
    /// The path and the message are clipped: both can echo a key or an id of the document, and a
    /// huge one (a model's weights pasted as a field name) must not become a huge error.
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        use crate::error::clip_to;
        let path = path.into();
        let m = kind.message();
        PlanProblem {
            path: if path.chars().nth(MAX_PATH_CHARS).is_some() { clip_to(&path, MAX_PATH_CHARS) } else { path },
            code: kind.code(),
            message: Text::new(clip_to(&m.zh, MAX_MESSAGE_CHARS), clip_to(&m.en, MAX_MESSAGE_CHARS)),
        }
    }
}

impl fmt::Display for PlanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message.en)
        } else {
            write!(f, "{}: {}", self.path, self.message.en)
        }
    }
}

/// The longest path and message a problem carries.
const MAX_PATH_CHARS: usize = 200;
const MAX_MESSAGE_CHARS: usize = 600;

/// Collects problems while a plan is checked, so that all of them are reported, not the first.
#[derive(Default, Debug)]
pub struct Problems(pub Vec<PlanProblem>);

impl Problems {
    pub fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.0.push(PlanProblem::new(path, kind));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Refuses `name` at `path` unless it is a name a plan may use (`is_name`).
    pub fn name(&mut self, path: impl Into<String>, name: &str) {
        if !is_name(name) {
            self.push(path, ProblemKind::BadName(crate::error::clip_to(name, 60)));
        }
    }
}
