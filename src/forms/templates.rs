//! Finding texts made ready once per plan: each message of the plan split into its literal text
//! and `{placeholders}` at load (`text::Template`), so that filling one in per finding is
//! copying, not scanning (the scan and the lookup among some fifty codes cost as much as the rest
//! of a finding).

use super::spec::Messages;
use crate::map::VecMap;
use crate::text::Template;

/// The plan's messages by code, split.
pub type Templates = VecMap<String, Template>;

pub fn compile(messages: &Messages) -> Templates {
    let mut out = Templates::new();
    for (code, text) in messages {
        out.insert(code.clone(), Template::new(text));
    }
    out
}
