//! Bilingual text: everything shown to people comes in Chinese and English.

use serde::Serialize;

use crate::json::{FromJson, ToJson};

/// `v` as `format!("{v}")` writes it: the shortest digits that read back as `v`, in plain
/// decimal notation (`20`, `0.25`, `-0`, `0.0000001`, `NaN`, `inf`). The digits come from `zmij`,
/// which `serde_json` links for its own numbers, so `core::fmt`'s float code (Grisu with a Dragon
/// fallback) is never linked.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let mut buffer = zmij::Buffer::new();
    // `zmij` writes `ddd.0`, `d.ddd` or `d.ddde±x`: read as digits `d` times 10^`q`.
    let written = buffer.format_finite(v.abs());
    let (mantissa, exponent) = match written.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (written, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut d = whole.bytes().chain(fraction.bytes()).fold(0u64, |d, b| d * 10 + u64::from(b - b'0'));
    let mut q = exponent - fraction.len() as i64;
    // Where `v` lies exactly halfway between two shortest candidates, `zmij` takes the even one
    // and `core::fmt` the one further from zero.
    if d != 0 && is_half_above(v.abs(), d, q) {
        d += 1;
    }
    while d != 0 && d % 10 == 0 {
        d /= 10;
        q += 1;
    }
    let digits = itoa::Buffer::new().format(d).to_string();
    let mut out = String::with_capacity(digits.len() + 24);
    if v.is_sign_negative() {
        out.push('-');
    }
    // The point stands after `point` of the digits (before them when it is not positive).
    let point = digits.len() as i64 + q;
    if d == 0 {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point >= digits.len() as i64 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - digits.len() as i64) as usize));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

/// Whether `x` (finite, not negative) is exactly `(d + 1/2) · 10^q`.
fn is_half_above(x: f64, d: u64, q: i64) -> bool {
    let bits = x.to_bits();
    let (biased, fraction) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (mut m, mut e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if m == 0 {
        return false;
    }
    let zeros = m.trailing_zeros();
    m >>= zeros;
    e += i64::from(zeros);
    // x = m · 2^e with m odd, and (d + 1/2) · 10^q = (2d + 1) · 5^q · 2^(q - 1) with 2d + 1 odd:
    // equal when the powers of two and the odd parts are.
    if e != q - 1 {
        return false;
    }
    let (odd, m) = (2 * u128::from(d) + 1, u128::from(m));
    let five = 5u128.checked_pow(u32::try_from(q.unsigned_abs()).unwrap_or(u32::MAX));
    if q >= 0 {
        five.and_then(|p| odd.checked_mul(p)) == Some(m)
    } else {
        five.and_then(|p| m.checked_mul(p)) == Some(odd)
    }
}

/// A text shown to people, in Chinese (`zh`, the plan's own language) and English (`en`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToJson, FromJson, Default)]
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

/// One of the two languages of a [`Text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
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
        self.fill_lang(|_, name, out| value(name, out))
    }

    /// As [`fill`](Self::fill), with the language being written (`Lang::Zh` first, then
    /// `Lang::En`), for values shown differently per language (a role's title, 是/否).
    pub fn fill_lang(&self, mut value: impl FnMut(Lang, &str, &mut String) -> bool) -> Text {
        let zh = fill(&self.zh, self.zh_room, &mut |name: &str, out: &mut String| value(Lang::Zh, name, out));
        let en = fill(&self.en, self.en_room, &mut |name: &str, out: &mut String| value(Lang::En, name, out));
        Text { zh, en }
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
    fn numbers_read_as_std_writes_them() {
        let mut cases = vec![
            0.0,
            -0.0,
            20.0,
            -5.0,
            0.2,
            0.25,
            1.5,
            1e-7,
            1.5e-7,
            123_456_789.125,
            1e15,
            1e16,
            1e21,
            1.7976931348623157e308,
            5e-324,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            0.1 + 0.2,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Every magnitude, and arbitrary bit patterns.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            cases.push(f64::from_bits(seed));
            cases.push((seed % 1_000_000) as f64 / 1000.0);
            // Where ties between two shortest candidates happen: large numbers with a binary
            // fraction, and multiples of big powers of five scaled by two.
            cases.push((seed >> 11) as f64 / 8.0 + (seed % 8) as f64 / 8.0);
            let five = 5f64.powi((seed % 23) as i32) * ((seed >> 40) % 64) as f64;
            cases.push(five * 2f64.powi((seed % 200) as i32 - 100));
        }
        let mut bad = Vec::new();
        for v in cases {
            if number(v) != format!("{v}") {
                bad.push(format!("{v:e} {} {v}", number(v)));
            }
        }
        assert!(bad.is_empty(), "{} {:#?}", bad.len(), &bad[..bad.len().min(30)]);
    }

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
