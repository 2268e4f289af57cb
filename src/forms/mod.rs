//! Report forms: their ids (part of the JS contract), validation and schemas.

/// The five report forms of the plan, as `FormId` in the JS API.
pub const FORM_IDS: &[&str] = &["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"];

pub mod spec;
