//! Finding texts made ready once per plan: each message of the plan split into its literal
//! text and `{placeholders}` at load, so that filling one in per finding is copying, not
//! scanning (the scan and the lookup among some fifty codes cost as much as the rest of a
//! finding). Filling follows `Text::fill`: unknown placeholders and a `{` never closed stay as
//! they are.

use std::collections::BTreeMap;

use super::spec::Messages;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Literal(String),
    Param(String),
}

/// One message, both languages, split.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    zh: Vec<Piece>,
    en: Vec<Piece>,
    /// Bytes of the literal text, plus room for the values as a rule.
    zh_room: usize,
    en_room: usize,
}

/// The plan's messages by code, split.
pub type Templates = BTreeMap<String, Template>;

pub fn compile(messages: &Messages) -> Templates {
    let mut out = Templates::new();
    for (code, text) in messages {
        out.insert(code.clone(), Template::new(text));
    }
    out
}

impl Template {
    fn new(text: &Text) -> Template {
        Template { zh: split(&text.zh), en: split(&text.en), zh_room: text.zh.len() + 32, en_room: text.en.len() + 32 }
    }

    /// The text with its placeholders filled by `value`, which writes a value and says whether
    /// it knows the name.
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

    /// Filling a split template gives what `Text::fill` gives on the text itself.
    #[test]
    fn fills_as_text_fill_does() {
        let params = [("a", "1".to_string()), ("minutes", "14".to_string())];
        for t in ["", "plain", "{a}", "x {a} y {b} z", "{minutes}{a}", "{a} {b", "x{", "}{a}{", "{{a}}", "晚了 {minutes} 分钟", "{}"] {
            let text = Text::new(t, format!("en {t}"));
            let by_template = Template::new(&text).fill(|name, out| params.iter().find(|(k, _)| *k == name).map(|(_, v)| out.push_str(v)).is_some());
            assert_eq!(by_template, text.fill(&params), "{t}");
        }
    }
}
