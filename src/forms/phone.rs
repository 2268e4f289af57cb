//! A small hand-written matcher for mainland China phone numbers (no regex crate: the whole
//! wasm must stay small). Its shapes are plan data (`forms.phone`).
//!
//! Mobile: `1[3-9]` + 9 digits, spaces or hyphens allowed between groups.
//! Landline: area code with its `0` and a local number not starting with `0` or `1`:
//! `0531-88888888`, `053188888888`, `(0531) 88888888`, the local number also in groups
//! (`0531-8888-8888`, `021 6234 5678`), optionally an extension after `-` or a marker (`转`,
//! `分机`, `ext`, `x`, `#`, in any case). An international `+86`/`(+86)`/`0086` prefix may drop the area
//! code's `0` or keep it; a bare `86` is read before a mobile only.
//! Service numbers: `400`/`800` + 7 digits, in any grouping (`400-810-8888`).
//! What a Chinese input method types is read as its ASCII form first: full-width digits,
//! brackets, hyphens, plus and hash signs, and the ideographic space.

use super::spec::{PhoneKind, PhoneSpec};

/// Longest text looked at, in characters; no phone number comes near it.
const MAX_CHARS: usize = 40;

/// Whether `s` is a phone number of the kind asked for.
pub fn is_phone(s: &str, spec: &PhoneSpec, kind: PhoneKind) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().nth(MAX_CHARS).is_some() {
        return false;
    }
    let s = ascii_forms(s);
    let (rest, international) = strip_country(&s, spec);
    if is_mobile(rest, spec) {
        return true;
    }
    // A bare 86 (no `+`, as address books copy it) only before a mobile: 86 is no area code.
    if spec.allow_country_code
        && !international
        && rest.strip_prefix("86").is_some_and(|m| is_mobile(m.trim_start_matches([' ', '-']), spec))
    {
        return true;
    }
    if kind == PhoneKind::Mobile {
        return false;
    }
    let Some((main, ext)) = split_extension(rest, spec) else { return false };
    if is_service(main, spec) {
        return true;
    }
    if international && !main.starts_with('0') && !main.starts_with('(') {
        // +86 531 88888888: the area code is written without its 0.
        return is_landline(&format!("0{main}"), ext, spec);
    }
    is_landline(main, ext, spec)
}

/// Full-width ASCII forms as ASCII (`１３８`, `（0531）`, `－`, `＋86`), the ideographic space as a
/// space, and the dashes people type for a hyphen as `-`.
fn ascii_forms(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

fn strip_country<'a>(s: &'a str, spec: &PhoneSpec) -> (&'a str, bool) {
    if !spec.allow_country_code {
        return (s, false);
    }
    for prefix in ["+86", "(+86)", "0086"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return (rest.trim_start_matches([' ', '-']), true);
        }
    }
    (s, false)
}

fn is_mobile(s: &str, spec: &PhoneSpec) -> bool {
    let Some(digits) = digits_of(s) else { return false };
    let b = digits.as_bytes();
    b.len() == spec.mobile_digits && b.first() == Some(&b'1') && b.get(1).is_some_and(|d| spec.mobile_second.as_bytes().contains(d))
}

/// The digits of `s` when it has nothing but digits, spaces and hyphens.
fn digits_of(s: &str) -> Option<String> {
    let mut digits = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' => {}
            _ => return None,
        }
    }
    Some(digits)
}

/// `400-810-8888`: a service prefix and as many digits as the plan says, in any grouping.
fn is_service(s: &str, spec: &PhoneSpec) -> bool {
    let Some(digits) = digits_of(s) else { return false };
    digits.len() == spec.service_digits && spec.service_prefixes.iter().any(|p| !p.is_empty() && digits.starts_with(p.as_str()))
}

/// Splits off an extension after one of the plan's markers (`转123`, `分机123`, `Ext 123`,
/// `x123`, `#123`; ASCII case ignored); `None` if it is malformed.
fn split_extension<'a>(s: &'a str, spec: &PhoneSpec) -> Option<(&'a str, Option<&'a str>)> {
    let lower = s.to_ascii_lowercase();
    for marker in spec.extension_markers.iter().filter(|m| !m.is_empty()) {
        // ASCII lower-casing keeps every byte where it was, so positions carry over to `s`.
        if let Some(at) = lower.find(&marker.to_ascii_lowercase()) {
            let (main, ext) = (&s[..at], s[at + marker.len()..].trim());
            let ok = !ext.is_empty() && ext.len() <= spec.max_extension_digits && ext.bytes().all(|b| b.is_ascii_digit());
            return ok.then_some((main.trim(), Some(ext)));
        }
    }
    Some((s, None))
}

fn is_landline(s: &str, ext: Option<&str>, spec: &PhoneSpec) -> bool {
    // `(0531)88888888` reads as `0531-88888888`.
    let main = s.replacen('(', "", 1).replacen(')', "-", 1);
    let groups: Vec<&str> = main.split(['-', ' ']).filter(|g| !g.is_empty()).collect();
    if groups.is_empty() || groups.iter().any(|g| !g.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    // The groups after the local number: none, or one extension when no marker gave one.
    let tail_ok = |tail: &[&str]| match tail {
        [] => true,
        [extension] => ext.is_none() && extension.len() <= spec.max_extension_digits,
        _ => false,
    };
    let first = groups[0];
    // The area code and the local number in one group (`053188888888`).
    if (1..first.len()).any(|cut| area_and_local(&first[..cut], &first[cut..], spec)) && tail_ok(&groups[1..]) {
        return true;
    }
    // The area code alone, then the local number in one group or more (`0531-8888-8888`).
    let mut local = String::new();
    for (k, g) in groups.iter().enumerate().skip(1) {
        local.push_str(g);
        if local.len() > spec.local_digits.iter().copied().max().unwrap_or(0) {
            break;
        }
        if area_and_local(first, &local, spec) && tail_ok(&groups[k + 1..]) {
            return true;
        }
    }
    false
}

fn area_and_local(area: &str, local: &str, spec: &PhoneSpec) -> bool {
    let a = area.as_bytes();
    let l = local.as_bytes();
    spec.area_digits.contains(&a.len())
        && a.first() == Some(&b'0')
        && a.get(1).is_some_and(|d| *d != b'0')
        && spec.local_digits.contains(&l.len())
        && !matches!(l.first(), Some(b'0' | b'1'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_numbers() {
        let spec = PhoneSpec::default();
        for ok in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 13800138000",
            "0531-88888888",
            "053188888888",
            "(0531) 88888888",
            "010-12345678".replace("1234", "6234").as_str(),
            "0531-88888888-123",
            "0531-88888888转8001",
            "0531 8888888",
            "+86 531 88888888",
            "020-87654321 ext 12",
            // Issue: real numbers the first matcher refused (the readiness check was blocked).
            "400-810-8888",
            "4008108888",
            "800 820 8820",
            "（0531）88886666",
            "0531－88886666",
            "１３８０５３１６６８８",
            "0531-88886666分机8001",
            "0531-8888-6666",
            "021 6234 5678",
            "+86 531 8888 6666",
            "+86 0531 88886666",
            "8613805316688",
            "020-87654321 Ext 8001",
            "020-87654321 EXT. 8001",
            "＋86 138 0531 6688",
            "(+86)13805316688",
            "（+86）0531-88886666",
            "0531\u{3000}88886666",
        ] {
            assert!(is_phone(ok, &spec, PhoneKind::Any), "{ok}");
        }
        assert!(is_phone("15912345678", &spec, PhoneKind::Mobile));
    }

    #[test]
    fn rejects_non_numbers() {
        let spec = PhoneSpec::default();
        for bad in [
            "",
            "12345678901",
            "1380013800",
            "138001380001",
            "88888888",
            "531-88888888",
            "0531-08888888",
            "0031-88888888",
            "0531-888888",
            "0531-888888888",
            "phone",
            "0531-88888888-1234567",
            "0531--",
            "0531-88888888转",
            "12345",
            "0531-888866",
            "88886666",
            "138 0531 668",
            "12805316688",
            "400-810-888",
            "500-810-8888",
            "86 531 88886666",
            "0531-8888-6666-1234567",
            "0531-88886666分机",
            "１２３４５",
            "13800138000abc",
            "+86 +86 13800138000",
        ] {
            assert!(!is_phone(bad, &spec, PhoneKind::Any), "{bad}");
        }
        assert!(!is_phone("0531-88888888", &spec, PhoneKind::Mobile));
        assert!(!is_phone("400-810-8888", &spec, PhoneKind::Mobile));
        assert!(is_phone("8613805316688", &spec, PhoneKind::Mobile));
        assert!(is_phone("１３８０５３１６６８８", &spec, PhoneKind::Mobile));
    }
}
