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

/// The decimal digits of `n`, written into `buf` by hand: `write!`/`format!` cost several times
/// as much in wasm, and these run once per list item walked or log entry hashed.
pub fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        // `n % 10` is below 10, so the cast keeps every bit.
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_decimal_digits() {
        let mut buf = [0u8; 20];
        for n in [0, 7, 10, 4096, u64::MAX] {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

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

