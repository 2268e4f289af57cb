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
        Template::new(self).fill(|name, out| params.iter().find(|(k, _)| *k == name).map(|(_, v)| out.push_str(v)).is_some())
    }

    pub fn is_blank(&self) -> bool {
        self.zh.trim().is_empty() || self.en.trim().is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Literal(String),
    Param(String),
}

/// A text split into its literal runs and `{placeholders}`, both languages: what `Text::fill`
/// reads, and what a plan keeps of texts it fills often (its finding messages) so that filling
/// one in is copying, not scanning. A `{` never closed is literal text.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    zh: Vec<Piece>,
    en: Vec<Piece>,
    /// Bytes of the literal text, plus room for the values as a rule.
    zh_room: usize,
    en_room: usize,
}

impl Template {
    pub fn new(text: &Text) -> Template {
        Template { zh: split(&text.zh), en: split(&text.en), zh_room: text.zh.len() + 32, en_room: text.en.len() + 32 }
    }

    /// The text with its placeholders filled by `value`, which writes a value and says whether
    /// it knows the name; an unknown one stays as it is.
    pub fn fill(&self, mut value: impl FnMut(&str, &mut String) -> bool) -> Text {
        Text { zh: fill(&self.zh, self.zh_room, &mut value), en: fill(&self.en, self.en_room, &mut value) }
    }
}

fn split(template: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        if open > 0 {
            pieces.push(Piece::Literal(rest[..open].to_string()));
        }
        pieces.push(Piece::Param(after[..close].to_string()));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Literal(rest.to_string()));
    }
    pieces
}

fn fill(pieces: &[Piece], room: usize, value: &mut impl FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(room);
    for p in pieces {
        match p {
            Piece::Literal(s) => out.push_str(s),
            Piece::Param(name) => {
                if !value(name, &mut out) {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
    }
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

    /// Every shape of braces, filled the way the scanning `fill` of the first build filled them.
    #[test]
    fn fills_every_shape_of_braces() {
        let params = [("a", "1".to_string()), ("minutes", "14".to_string())];
        let cases = [
            ("", ""),
            ("plain", "plain"),
            ("{a}", "1"),
            ("x {a} y {b} z", "x 1 y {b} z"),
            ("{minutes}{a}", "141"),
            ("{a} {b", "1 {b"),
            ("x{", "x{"),
            ("}{a}{", "}1{"),
            ("{{a}}", "{{a}}"),
            ("晚了 {minutes} 分钟", "晚了 14 分钟"),
            ("{}", "{}"),
        ];
        for (t, expected) in cases {
            assert_eq!(Text::new(t, t).fill(&params), Text::new(expected, expected), "{t}");
        }
    }

    #[test]
    fn leaves_unknown_and_unclosed_placeholders() {
        let t = Text::new("{a} {b", "x{");
        let f = t.fill(&[]);
        assert_eq!(f.zh, "{a} {b");
        assert_eq!(f.en, "x{");
    }
}
