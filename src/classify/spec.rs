//! The classifier's section of the plan (`classifier` in `plans/sd101/classifier.json`):
//! lexicon, negators, numerals, rules and questions. Plan content; the mechanisms are elsewhere.

use serde::{Deserialize, Serialize};

use crate::plan::{PlanDocument, Problems};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ClassifierSpec {}

/// Checks the section against the rest of the plan (kinds, thresholds, clauses).
pub fn check(_doc: &PlanDocument, _problems: &mut Problems) {}
