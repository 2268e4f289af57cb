//! The plan as data: the shape of a plan document (`plans/sd101/*.json` is the embedded default).
//!
//! Every item that comes from the seed carries `clause`, the seed clause it implements, so that a
//! reviewer can hold the data against the original line by line. Field names are snake_case in
//! the document and in Rust alike.

use serde::Serialize;

use crate::json::{FromJson, ToJson};
use crate::map::VecMap;

use crate::text::Text;

/// Which of the plan's two grades an incident belongs to (事件确认).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 一般事件: some impact, the exam can go on after proper handling.
    General,
    /// 重大事件: the exam cannot go on normally.
    Major,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Major => "major",
            Severity::General => "general",
        }
    }
}

/// Where a plan item comes from (issue 16): the seed itself, a figure or rule the site may
/// change, or an inference the plan makes where the seed is silent (then with a `reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The item says what its clause says.
    Seed,
    /// A figure or rule of this plan that a site may set otherwise (本考点默认).
    SiteDefault,
    /// Not written in the seed; the plan infers it, and says why in `reason`.
    Inferred,
}

/// When a step may be carried out relative to the steps listed before it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum StepOrder {
    /// After the earlier steps: settling it while one is open earns `out_of_order`.
    #[default]
    InTurn,
    /// The seed says 立即 / 先: the flow lists it first, and it is never out of order.
    Immediate,
    /// The seed sets no order (reporting runs beside the action): never out of order, and an open
    /// one never makes a later step out of order.
    AnyTime,
}

/// A whole plan document.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// Version of the document format this plan is written in (this build reads 1).
    pub format: u32,
    pub id: String,
    pub version: String,
    pub name: Text,
    /// The document this plan implements (title of the seed).
    pub source: Text,
    /// The plan's time zone as a fixed UTC offset, `+08:00`; local times are read in it.
    pub timezone: String,
    /// Named numbers the rules use (minutes, counts, fractions), each with its clause.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Threshold>"))]
    pub thresholds: VecMap<String, Threshold>,
    /// 应急处理原则.
    pub principles: Vec<CitedText>,
    pub roles: Vec<Role>,
    /// Points in time a deadline can count from, besides `discovered`.
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    /// 报告形式 and 报告内容: the vocabularies of the report forms.
    pub reporting: Reporting,
    /// Step sequences shared by several kinds (reporting chain, 处理程序, 善后), by id.
    pub step_groups: Vec<StepGroup>,
    pub kinds: Vec<Kind>,
    /// 应急保障: what must be in place before an exam.
    pub readiness: Vec<ReadinessItem>,
    /// Standing rules that are no step of a response: the organisation (组织领导), information
    /// assurance (保障), the press rule during the exam, the supplementary articles (附则).
    #[serde(default)]
    pub standing: Vec<StandingRule>,
    /// Sentence templates of the read-aloud initial report (口头、电话报告).
    pub phone_script: PhoneScript,
    /// Words the staged-report draft puts before log entries (阶段性报告).
    pub draft_texts: DraftTexts,
    /// Rules of the incident log itself (which threshold bounds a time ahead of now).
    #[serde(default)]
    pub log: LogRules,
    /// Lexicon, negation, numerals, rules and questions of the classifier.
    pub classifier: crate::classify::spec::ClassifierSpec,
    /// Form rules.
    pub forms: crate::forms::spec::FormsSpec,
    /// Bilingual texts of validation findings, by code.
    pub messages: crate::forms::spec::Messages,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub value: f64,
    /// `minutes`, `candidates`, `rooms`, `fraction`, `characters`.
    pub unit: String,
    pub text: Text,
    pub clause: String,
    pub basis: Basis,
    /// Why, where `basis` is not `seed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct CitedText {
    pub text: Text,
    pub clause: String,
}

/// A role (who acts, who reports to whom): an id with its title and the clause that names it.
#[cfg_attr(target_arch = "wasm32", tsify::declare)]
pub type Role = Term;

/// A point in time a deadline can count from (besides `discovered`).
#[cfg_attr(target_arch = "wasm32", tsify::declare)]
pub type Anchor = Term;

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// 报告形式: oral, phone, fax, written.
    pub forms: Vec<Term>,
    /// 报告内容: transport_handover, storage, exam_room, other.
    pub subjects: Vec<Term>,
    /// Who reports to whom (报告程序): each link says a role reports to another.
    pub chain: Vec<ReportLink>,
}

/// An id with its bilingual name and clause: roles, anchors, report forms and subjects share
/// this shape (and so one decoder in the wasm).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub title: Text,
    pub clause: String,
}

/// One link of the reporting chain: `from` reports to `to` (for incidents of `severity`, or all).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ReportLink {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub severity: Option<Severity>,
    pub clause: String,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct StepGroup {
    pub id: String,
    pub title: Text,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub severity: Severity,
    pub title: Text,
    pub description: Text,
    /// The clauses that define the kind and its handling, e.g. `重大(4)` and `处理4`.
    pub clause: String,
    /// The 报告内容 term a report of this kind usually has (`exam_room`, `storage`, …).
    pub report_subject: String,
    /// Step groups run before the kind's own steps (the reporting chain).
    #[serde(default)]
    pub before: Vec<String>,
    pub steps: Vec<Step>,
    /// Step groups run after the kind's own steps (处理程序, 善后).
    #[serde(default)]
    pub after: Vec<String>,
}

/// One thing somebody does. A step with `options` is a decision; the steps named in an option's
/// `next` are that branch and only become active when the option is chosen.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    /// Role id of who does it.
    pub actor: String,
    /// Role id the step reports to, where the step is a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_to: Option<String>,
    pub text: Text,
    pub clause: String,
    pub basis: Basis,
    /// Why, where `basis` is not `seed` (required for `inferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// `immediate` for what the seed says to do 立即 / 先, `any_time` where it sets no order.
    #[serde(default)]
    pub order: StepOrder,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Due>,
    /// Role id whose consent the step needs before it is carried out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_approval: Option<String>,
    /// Further roles whose consent the seed ties to the same decision (处理1¶2: 经上级批准，…
    /// 报请职业技能鉴定所同意后宣布…考试无效): a report may record the step's approval by any of
    /// them besides `requires_approval`. The response engine asks for `requires_approval`'s.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub also_approved_by: Vec<String>,
    /// The form this step produces, where it produces one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// May be left out when it does not apply (optional steps are never overdue blockers).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<StepOption>,
}

impl Step {
    /// The roles whose approval of this step a report may record: `requires_approval`, then
    /// `also_approved_by`; none for a step that needs no approval.
    pub fn approvers(&self) -> impl Iterator<Item = &str> {
        self.requires_approval
            .iter()
            .chain(self.requires_approval.is_some().then_some(&self.also_approved_by).into_iter().flatten())
            .map(String::as_str)
    }
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct StepOption {
    pub id: String,
    pub text: Text,
    /// Steps (of the same kind) that this choice leads to.
    #[serde(default)]
    pub next: Vec<String>,
    /// What choosing this option records in the initial report's `details` (e.g. `restored`,
    /// `escalation_decision`); a string value `{at}` stands for the time of the decision.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
    pub details: serde_json::Map<String, serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// Where the option comes from, if not from its step's basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// A deadline relative to a point in time: `from` is `discovered` or a declared anchor id; the
/// length is a literal `minutes` or the name of a threshold.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Due {
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
}

/// One thing the readiness check (应急保障) verifies, tied to a field of `readiness_check`.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ReadinessItem {
    pub id: String,
    pub field: String,
    pub text: Text,
    pub clause: String,
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The seed makes it compulsory (须); a missing compulsory item is an error, not a warning.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compulsory: bool,
}

/// A rule of the plan that holds at all times rather than being carried out in a response.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct StandingRule {
    pub id: String,
    pub clause: String,
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    pub text: Text,
}

/// Sentence templates of the read-aloud initial report. Placeholders in `{braces}` are filled by
/// the response engine (`site`, `room`, `reporter_role`, `reporter_name`, `discovered_at`, `kind`,
/// `severity`, `measures`, `reported_to`, `now`); unknown values read as `unknown`.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct PhoneScript {
    pub clause: String,
    pub opening: Text,
    /// How the room is spoken after the site, `{room}` filled in; left out when the room is unknown.
    pub room: Text,
    pub event: Text,
    pub measures: Text,
    pub no_measures: Text,
    pub closing: Text,
    pub major: Text,
    pub general: Text,
    pub unknown: Text,
    /// Joins the list of measures.
    pub separator: Text,
}

/// Rules of the incident log (阶段性报告: 跟踪、记录). Optional: a plan without it allows no
/// action time ahead of now.
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct LogRules {
    pub clause: String,
    /// The threshold (minutes) by which a time handed in may be later than now; a time input has
    /// whole minutes and two devices' clocks differ a little.
    #[serde(default)]
    pub future_tolerance: Option<String>,
}

/// Words of the staged-report draft that turn log actions into sentences.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct DraftTexts {
    pub clause: String,
    pub opened: Text,
    pub approval_requested: Text,
    pub skipped: Text,
    pub reclassified: Text,
    pub note: Text,
}
