//! Report forms: their ids (part of the JS contract), validation and JSON Schemas.
//!
//! The rules are plan data (`forms` and `messages` of the plan, see `spec.rs`); this module holds
//! the mechanisms: a structural walker (`fields.rs`), cross-field rules (`rules.rs`,
//! `rules_kind.rs`, `rules_count.rs`), a phone-number matcher (`phone.rs`) and the schema
//! generator (`schema.rs`), which reads the same specs so the two cannot drift apart.

/// The five report forms of the plan, as `FormId` in the JS API.
pub const FORM_IDS: &[&str] = &["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"];

mod check;
mod fields;
pub mod finding;
mod moment;
pub mod phone;
mod pointer;
mod rules;
mod rules_count;
mod rules_kind;
pub mod schema;
pub mod spec;
pub mod templates;
mod validate;

pub use finding::{Finding, Report};
pub use schema::report_schema;
pub use validate::{validate_report, ValidateOptions};
