//! Bilingual text: everything shown to people comes in Chinese and English.

use serde::Serialize;

use crate::json::FromJson;

/// A text shown to people, in Chinese (`zh`, the plan's own language) and English (`en`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromJson, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text { zh: zh.into(), en: en.into() }
    }

    /// Fills `{name}` placeholders in both languages from `params`.
    /// Unknown placeholders are left as they are, so a missing parameter shows rather than vanishes.
    pub fn fill(&self, params: &[(&str, String)]) -> Text {
        Text { zh: fill_template(&self.zh, params), en: fill_template(&self.en, params) }
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() || self.en.trim().is_empty()
    }
}

fn fill_template(template: &str, params: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match params.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_in_both_languages() {
        let t = Text::new("晚了 {minutes} 分钟", "{minutes} minutes late");
        let f = t.fill(&[("minutes", "14".into())]);
        assert_eq!(f, Text::new("晚了 14 分钟", "14 minutes late"));
    }

    #[test]
    fn leaves_unknown_and_unclosed_placeholders() {
        let t = Text::new("{a} {b", "x{");
        let f = t.fill(&[]);
        assert_eq!(f.zh, "{a} {b");
        assert_eq!(f.en, "x{");
    }
}
