//! The forms' section of the plan (`forms` and `messages` in `plans/sd101/forms.json`): form
//! rules as data and the bilingual texts of findings. Plan content; the mechanisms are elsewhere
//! (`fields.rs` walks field specs, `rules*.rs` run the cross-field rules, `schema.rs` turns the
//! same specs into JSON Schemas).

use serde::Serialize;

use crate::json::{FromJson, ToJson};
use crate::map::VecMap;
use serde_json::Value;

use crate::text::Text;

/// The `forms` section: limits, phone-number shapes, shared shapes and the five forms.
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct FormsSpec {
    #[serde(default)]
    pub limits: Limits,
    /// What a mainland phone number looks like (保障(二)¶2: hotline and mobile phones).
    #[serde(default)]
    pub phone: PhoneSpec,
    /// Field shapes shared by several forms (`person`, …), referred to by `"shape"`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Field>"))]
    pub shapes: VecMap<String, Field>,
    /// The forms by id; the ids are `FORM_IDS`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, FormSpec>"))]
    pub forms: VecMap<String, FormSpec>,
    /// Words the findings' messages show for values that are not text of their own: yes/no,
    /// severities, JSON types, the separator of a list. Left out, messages show the ids.
    #[serde(default)]
    pub words: Words,
}

/// How a finding's message shows a value, per language; the finding's `params` keep the ids.
/// Kinds and roles are shown by their titles in the plan; what has no title is here.
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// A `true` (是 / yes).
    pub yes: Text,
    /// A `false` (否 / no).
    pub no: Text,
    /// Between the items of a list (、 / , ).
    pub list_separator: Text,
    /// An empty list of roles (the reporting chain names no one).
    pub nobody: Text,
    /// `major`, `general` (重大 / 一般).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Text>"))]
    pub severities: VecMap<String, Text>,
    /// The JSON types a `wrong_type` finding expects (`object`, `array`, `string`, `number`,
    /// `integer`, `boolean`).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Text>"))]
    pub types: VecMap<String, Text>,
}

/// The JSON types `wrong_type` names, the keys of [`Words::types`].
pub const JSON_TYPES: &[&str] = &["object", "array", "string", "number", "integer", "boolean"];

/// Sizes beyond which input is refused (bounded time on any input).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Characters of a string field unless the field says otherwise.
    pub max_chars: usize,
    /// Items of an array field unless the field says otherwise.
    pub max_items: usize,
    /// Bytes of the whole form as JSON; beyond it validation throws `too_large`.
    pub max_bytes: usize,
    /// Findings reported at most; the rest are summed up in one `too_many_findings`.
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_chars: 2000, max_items: 200, max_bytes: 512 * 1024, max_findings: 200 }
    }
}

/// Mainland China numbers: mobiles `1[3-9]` + 9 digits; landlines with an area code
/// (`0531-88888888`, `053188888888`, `0531-8888-8888`), optionally an extension; national
/// service numbers (`400-810-8888`). Full-width digits and punctuation (typed with a Chinese
/// input method) read as their ASCII forms.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct PhoneSpec {
    /// Digits a mobile number has in all (11).
    pub mobile_digits: usize,
    /// The second digits a mobile number may have after its leading `1` (`"3456789"`).
    pub mobile_second: String,
    /// Digits of the area code including its leading `0` (3 or 4).
    pub area_digits: Vec<usize>,
    /// Digits of the local number (7 or 8); it may not start with `0` or `1`.
    pub local_digits: Vec<usize>,
    /// Most digits of an extension (after `-` or one of `extension_markers`).
    pub max_extension_digits: usize,
    /// Words or signs before an extension (`转`, `分机`, `ext`, `#`), matched ignoring ASCII case.
    #[serde(default = "default_extension_markers")]
    pub extension_markers: Vec<String>,
    /// An international `+86` / `0086` prefix may come first (and, before a mobile, a bare `86`
    /// as address books copy it); the area code's `0` may be kept after it or left out.
    pub allow_country_code: bool,
    /// Leading digits of national service numbers (`400`, `800`), which have no area code.
    #[serde(default = "default_service_prefixes")]
    pub service_prefixes: Vec<String>,
    /// Digits a service number has in all (10).
    #[serde(default = "default_service_digits")]
    pub service_digits: usize,
    pub clause: String,
}

fn default_extension_markers() -> Vec<String> {
    ["转", "分机", "ext.", "ext", "x", "#"].map(String::from).to_vec()
}

fn default_service_prefixes() -> Vec<String> {
    vec!["400".into(), "800".into()]
}

fn default_service_digits() -> usize {
    10
}

impl Default for PhoneSpec {
    fn default() -> Self {
        PhoneSpec {
            mobile_digits: 11,
            mobile_second: "3456789".into(),
            area_digits: vec![3, 4],
            local_digits: vec![7, 8],
            max_extension_digits: 6,
            extension_markers: default_extension_markers(),
            allow_country_code: true,
            service_prefixes: default_service_prefixes(),
            service_digits: default_service_digits(),
            clause: String::new(),
        }
    }
}

/// One report form: its title, its fields and its cross-field rules.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct FormSpec {
    pub title: Text,
    pub clause: String,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Field>"))]
    pub fields: VecMap<String, Field>,
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "FormRule[]"))]
    pub rules: Vec<Rule>,
}

/// What a field holds. Vocabulary types (`kind`, `role`, `report_form`, `subject`, `severity`)
/// take their values from the plan itself, so a site's own plan changes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    /// RFC 3339, or local `YYYY-MM-DDTHH:MM[:SS]` in the plan's time zone.
    Time,
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM` (or `HH:MM:SS`).
    Clock,
    /// A clock time or a full time (the record sheet's incident times).
    ClockOrTime,
    Phone,
    /// One of `values`.
    Enum,
    Kind,
    Role,
    ReportForm,
    Subject,
    Severity,
    Object,
    Array,
}

/// Which numbers a `phone` field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum PhoneKind {
    #[default]
    Any,
    Mobile,
}

/// A field's spec. Absent, `null` and `""` all count as "not given".
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The type; may be left out when `shape` names a shared shape.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub ty: Option<FieldType>,
    /// A shared shape from `forms.shapes` this field has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// Values of an `enum` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Fields of an `object`.
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Field>"))]
    pub fields: VecMap<String, Field>,
    /// An `object` whose other keys are the portal's business (no `unknown_field`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Items of an `array`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Field>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<usize>,
    /// Fewest items as a plan threshold (`mass_cheating_rooms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items_threshold: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<usize>,
    /// Least value of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Items of an array must differ.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneKind>,
    /// Finding codes to use instead of the generic ones (`too_few` → `no_proctor_signed`).
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, string>"))]
    pub codes: VecMap<String, String>,
}

/// Blocks submission (`error`) or advises (`warning`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Error,
    Warning,
}

/// Where a form rule comes from: the same `basis` (and `reason`) as the plan's steps.
pub use crate::plan::Basis;

/// A condition on the data: the value at `path` is given (no `is`), or equals `is`.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(rename = "FormCond"))]
#[serde(deny_unknown_fields)]
pub struct Cond {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | number | boolean"))]
    pub is: Option<Value>,
}

/// A cross-field rule. Paths are JSON Pointers into the form; with `each` (an array's pointer)
/// the rule runs once per item and paths without a leading `/` are relative to the item.
/// `check` names the mechanism as `{ "order": { "first": …, "then": …, "at": … } }` (an
/// externally tagged enum: serde's internally tagged and flattened forms buffer through its
/// `Content` type, which costs tens of KB of wasm).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(rename = "FormRule"))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub check: Check,
    /// The finding code (a key of `messages`).
    pub code: String,
    #[serde(default)]
    pub level: Level,
    pub clause: String,
    /// Where the rule comes from: the seed's clause, a site default, or an inference.
    pub basis: Basis,
    /// Why an `inferred` rule holds, in one line; required for `inferred`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// The rule applies only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "FormCond"))]
    pub when: Option<Cond>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<String>,
}

/// The mechanisms a rule can use.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// `field` must be given.
    Required { field: String },
    /// The time (or clock) at `first` is not after the one at `then`; the finding goes to `at`.
    /// With `date` (a date field), clock times are read as on that date, so that a full time
    /// on another day compares as the moment it is, not as its time of day.
    Order {
        first: String,
        then: String,
        at: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        date: Option<String>,
    },
    /// `to` is at most `threshold` minutes after `from`; the finding goes to `to`.
    Within { from: String, to: String, threshold: String },
    /// The number of minutes at `field` is at most the minutes from `from` to `to`.
    NotLonger { field: String, from: String, to: String },
    /// The time at `field` is not after now (`opts.now`, else the clock), by more than the
    /// threshold `tolerance` in minutes where one is named (a time input has whole minutes, and
    /// two devices' clocks differ a little).
    NotFuture {
        field: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        tolerance: Option<String>,
    },
    /// A full time at `field` falls on the date at `date` in the plan's zone (a clock time
    /// always does).
    OnDate { field: String, date: String },
    /// The plan reference at `field` (`{id, version}`) names the plan validating the form.
    SamePlan { field: String },
    /// The severity at `severity` is the plan's severity of the kind at `kind`.
    KindSeverity { kind: String, severity: String },
    /// The role at `to` is one the role at `from` reports to in `reporting.chain` (for the
    /// severity of the kind at `kind`).
    Chain { from: String, to: String, kind: String },
    /// The field at `field` must be of the shape `cases[value at selector]`, where there is one.
    Variant {
        selector: String,
        field: String,
        #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Field>"))]
        cases: VecMap<String, Field>,
    },
    /// An outage longer than `threshold` minutes (until it was restored, or, still out, until
    /// now and at least until `until`), or a regional one, needs the decision at `decision`.
    Escalation { started: String, restored_at: String, until: String, regional: String, decision: String, threshold: String },
    /// The integer at `total` equals the sum of those at `parts`.
    Sum { total: String, parts: Vec<String> },
    /// The array at `items` has as many items as the integer at `count`; finding at `items`.
    CountOf { count: String, items: String },
    /// Times at `items`/*/`at` do not go backwards.
    Ascending { items: String, at: String },
    /// The value at `field` equals the value at `as`.
    Same {
        field: String,
        #[serde(rename = "as")]
        other: String,
    },
    /// Each approval at `approvals` that names a step of the kind at `kind` needing an approval
    /// (by its `decision` id) comes from a role that may give it: the step's
    /// `requires_approval` or one of its `also_approved_by` (`role` is the item's role field).
    KindApprovals { kind: String, approvals: String, role: String },
    /// The kind at `kind` has decisions that need an approval, yet no approval at `approvals`
    /// records one: an item naming such a step by a role that may approve it, or an item in free
    /// text by one of those roles (the form cannot tell whether such a decision was taken).
    ApprovalsRecorded { kind: String, approvals: String, role: String },
    /// The role at `field` is one the plan lets approve some decision (a step's
    /// `requires_approval`).
    Approver { field: String },
    /// The boolean at `field` is `true`.
    ExpectTrue { field: String },
}

/// Bilingual finding texts by code, with `{param}` placeholders.
pub type Messages = VecMap<String, Text>;

pub use super::check::check;
