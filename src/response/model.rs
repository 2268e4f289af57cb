//! The response's data: what a portal passes in (`Init`, `Person`), what the log stores
//! (`LogEntry`), and what `steps()` and friends hand back (`StepState`, `Warning`, `Reminder`).
//! Field names are camelCase because these cross to JavaScript unchanged.

use serde::Serialize;

use crate::json::{FromJson, ToJson};
use crate::map::VecMap;
use serde_json::{Map, Value};

use crate::plan::Severity;
use crate::text::Text;

/// Someone who acts or approves: a name and a role id of the plan (`site_leader`, `superior`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    /// Role id of the plan.
    pub role: String,
}

impl Person {
    pub fn new(name: impl Into<String>, role: impl Into<String>) -> Self {
        Person { name: name.into(), role: role.into() }
    }
}

/// What the exam was, where known (the `exam` block of the initial report and the room record).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ExamInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub occupation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub session: Option<String>,
}

/// What a response is created from: the classified kind and the discovery time, plus whatever
/// else is known at the start.
#[derive(Clone, Debug, Default, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResponseInit {
    /// Kind id of the plan (`power_or_equipment_failure`, …).
    pub kind: String,
    /// When the incident was discovered: the initial report is due from here.
    pub discovered_at: String,
    /// The response's id (storage key); when left out, made from the first log entry's hash
    /// and `nonce`, so that each start is a new response.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub id: Option<String>,
    /// Random text that makes the made id unique (the browser binding supplies one from
    /// `crypto.getRandomValues` when left out; the core itself stays deterministic).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub nonce: Option<String>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub site: Option<String>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub room: Option<String>,
    /// People involved, by role: the drafts take reporters, trackers and proctors from here.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub people: Vec<Person>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub exam: Option<ExamInfo>,
    /// Times deadlines count from, by anchor id of the plan (`{ outage_started: "…" }`).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, string>"))]
    pub anchors: VecMap<String, String>,
    /// Kind-specific facts for the initial report's `details` (`rooms`, `candidate_ids`, …).
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
    pub details: Option<Map<String, Value>>,
    /// Who opens the response.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub by: Option<Person>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub note: Option<String>,
}

/// Short name used in Rust code and tests.
pub type Init = ResponseInit;

/// The plan a response was made under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct PlanRef {
    pub id: String,
    pub version: String,
}

/// What the first log entry records about the incident.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OpenInfo {
    pub id: String,
    pub plan: PlanRef,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub room: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub exam: Option<ExamInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
    pub details: Option<Map<String, Value>>,
}

/// What a log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The response was opened (always and only the first entry).
    Open,
    Complete,
    Decide,
    RequestApproval,
    /// An optional step left out.
    Skip,
    /// A time a deadline counts from (`anchor`), given as the entry's `at`.
    SetAnchor,
    /// The incident was found to be of another kind (`kind`).
    Reclassify,
    /// An observation.
    Note,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Open => "open",
            Action::Complete => "complete",
            Action::Decide => "decide",
            Action::RequestApproval => "request_approval",
            Action::Skip => "skip",
            Action::SetAnchor => "set_anchor",
            Action::Reclassify => "reclassify",
            Action::Note => "note",
        }
    }
}

/// One entry of the append-only log (阶段性报告: every decision and procedure as it happens).
/// `hash` is SHA-256 over the entry's canonical JSON (with `hash` empty), which includes `prev`,
/// the previous entry's hash: changing, removing, inserting or reordering entries breaks the chain.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogEntry {
    /// Position in the log, from 0.
    pub seq: u32,
    /// When it happened (RFC 3339, in the plan's time zone).
    pub at: String,
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub step: Option<String>,
    /// The option chosen (`decide`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub option: Option<String>,
    /// The new kind (`reclassify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<String>,
    /// The anchor id (`set_anchor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub anchor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub by: Option<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub approved_by: Option<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub note: Option<String>,
    /// Warning codes recorded with the action (`out_of_order`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub warnings: Vec<String>,
    /// Only on the first entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub open: Option<OpenInfo>,
    /// Hash of the previous entry (64 zeros for the first).
    pub prev: String,
    pub hash: String,
}

/// Where a step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Done,
    Skipped,
    Overdue,
    AwaitingApproval,
}

/// An option of a decision step.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct StepOptionState {
    pub id: String,
    pub text: Text,
    /// Where the option comes from: its own basis, else its step's.
    pub basis: crate::plan::Basis,
}

/// For a branch step: the decision and the option(s) that lead to it.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct BranchState {
    pub decision: String,
    pub options: Vec<String>,
}

/// A deadline as the plan states it: minutes after `discovered` or an anchor.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct DueRule {
    pub from: String,
    pub minutes: f64,
}

/// A step of the response as it stands at `now`.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StepState {
    pub id: String,
    /// Role id of who does it.
    pub actor: String,
    pub text: Text,
    /// Seed clause(s) the step comes from.
    pub clause: String,
    /// `seed`, `site_default` (本考点默认: the site may set it otherwise) or `inferred`.
    pub basis: crate::plan::Basis,
    /// Why, where the basis is not the seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reason: Option<Text>,
    /// `immediate` (the seed says 立即 / 先), `any_time` (no order), or `in_turn`.
    pub order: crate::plan::StepOrder,
    pub status: Status,
    /// Deadline (RFC 3339), where the plan sets one and its starting point is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub due_at: Option<String>,
    /// The plan's deadline rule; with `dueAt` absent it says which anchor still has to be set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub due: Option<DueRule>,
    /// Role id whose consent the step needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub requires_approval: Option<String>,
    /// Present on decision steps: `decide(step.id, option.id, …)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub options: Option<Vec<StepOptionState>>,
    /// The option chosen, once decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub chosen: Option<String>,
    /// For branch steps: the decision that turns them on or off.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub branch: Option<BranchState>,
    /// False while the step waits for its decision, and once its branch is off.
    pub active: bool,
    /// Role id the step reports to, where it is a report.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub report_to: Option<String>,
    /// The form the step produces (`draftReport(form)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub form: Option<String>,
    pub optional: bool,
    /// When it was completed, decided or skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub done_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub done_by: Option<Person>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub approved_by: Option<Person>,
    /// When approval was requested (status `awaiting_approval` until it is settled).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub approval_requested_at: Option<String>,
}

/// Advice attached to an action that was carried out anyway (and recorded in the log).
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Warning {
    /// `out_of_order`: earlier required steps are still open.
    pub code: String,
    pub step: String,
    /// The earlier steps still open.
    pub steps: Vec<String>,
    pub message: Text,
}

/// What a reminder announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// The deadline is `lead` minutes away.
    DueSoon,
    /// The deadline has come: the step is overdue from now on.
    Overdue,
}

/// A moment at which someone should be reminded of a step.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub step: String,
    pub kind: ReminderKind,
    /// When the reminder is due.
    pub at: String,
    pub due_at: String,
    pub actor: String,
    pub text: Text,
}

/// The response at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    pub title: Text,
    pub discovered_at: String,
    pub plan: PlanRef,
    /// Every required step on the chosen branches is done.
    pub closed: bool,
    pub pending: usize,
    pub overdue: usize,
    pub awaiting_approval: usize,
    /// The next reminder after `now`, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub next_reminder: Option<Reminder>,
}

/// What re-applying this instance's unsaved entries onto a reloaded copy did
/// (`IncidentResponse.reload()`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Rebased {
    /// Entries of this instance that the stored copy lacked and that were appended again.
    pub reapplied: usize,
    /// Entries that no longer fit (e.g. the other tab completed the same step), with why.
    pub dropped: Vec<Dropped>,
}

/// An entry left out on reload.
#[derive(Clone, Debug, PartialEq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Dropped {
    pub action: Action,
    pub at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub step: Option<String>,
    pub code: String,
    pub message: Text,
}

/// A point of the log recorded outside the browser (on a report, on paper): the head hash (or
/// at least its first 8 hex digits, the check code) after `count` entries.
#[derive(Clone, Debug, PartialEq, Eq, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct LogAnchor {
    pub head: String,
    pub count: usize,
}

/// The log's head and entry count as a report or a paper record carries them (`anchor()`): what
/// `verifyLog({ head, count })` is later checked against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LogSeal {
    pub head: String,
    pub count: usize,
    /// The head's first 8 hex digits (`9C58-669B`), for paper.
    pub check_code: String,
}
