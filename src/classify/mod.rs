//! Classification of an incident from a proctor's words and/or structured facts.

pub mod spec;
