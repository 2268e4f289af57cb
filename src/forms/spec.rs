//! The forms' section of the plan (`forms` and `messages` in `plans/sd101/forms.json`): form
//! rules as data and the bilingual texts of findings. Plan content; the mechanisms are elsewhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::{PlanDocument, Problems};
use crate::text::Text;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct FormsSpec {}

/// Bilingual finding texts by code, with `{param}` placeholders.
pub type Messages = BTreeMap<String, Text>;

/// Checks the section against the rest of the plan.
pub fn check(_doc: &PlanDocument, _problems: &mut Problems) {}
