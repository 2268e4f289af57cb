//! A small hand-written matcher for mainland China phone numbers (no regex crate: the whole
//! wasm must stay small). Its shapes are plan data (`forms.phone`).
//!
//! Mobile: `1[3-9]` + 9 digits, spaces or hyphens allowed between groups.
//! Landline: area code with its `0` and a local number not starting with `0` or `1`:
//! `0531-88888888`, `053188888888`, `(0531) 88888888`, optionally an extension after `-`,
//! `转`, `ext`, `x` or `#`. An international `+86`/`0086` prefix drops the area code's `0`.

use super::spec::{PhoneKind, PhoneSpec};

/// Whether `s` is a phone number of the kind asked for.
pub fn is_phone(s: &str, spec: &PhoneSpec, kind: PhoneKind) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 40 {
        return false;
    }
    let (s, international) = strip_country(s, spec);
    if is_mobile(s, spec) {
        return true;
    }
    if kind == PhoneKind::Mobile {
        return false;
    }
    if international {
        // +86 531 88888888: the area code is written without its 0.
        return is_landline(&format!("0{s}"), spec);
    }
    is_landline(s, spec)
}

fn strip_country<'a>(s: &'a str, spec: &PhoneSpec) -> (&'a str, bool) {
    if !spec.allow_country_code {
        return (s, false);
    }
    for prefix in ["+86", "0086"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return (rest.trim_start_matches([' ', '-']), true);
        }
    }
    (s, false)
}

fn is_mobile(s: &str, spec: &PhoneSpec) -> bool {
    let mut digits = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' => {}
            _ => return false,
        }
    }
    let b = digits.as_bytes();
    b.len() == spec.mobile_digits && b.first() == Some(&b'1') && b.get(1).is_some_and(|d| spec.mobile_second.as_bytes().contains(d))
}

/// Splits off an extension (`转123`, `ext 123`, `x123`, `#123`); `None` if it is malformed.
fn split_extension<'a>(s: &'a str, spec: &PhoneSpec) -> Option<(&'a str, Option<&'a str>)> {
    for marker in ["转", "ext.", "ext", "EXT", "x", "X", "#"] {
        if let Some((main, ext)) = s.split_once(marker) {
            let ext = ext.trim();
            let ok = !ext.is_empty() && ext.len() <= spec.max_extension_digits && ext.bytes().all(|b| b.is_ascii_digit());
            return ok.then_some((main.trim(), Some(ext)));
        }
    }
    Some((s, None))
}

fn is_landline(s: &str, spec: &PhoneSpec) -> bool {
    let Some((main, ext)) = split_extension(s, spec) else { return false };
    // `(0531)88888888` reads as `0531-88888888`.
    let main = main.replacen('(', "", 1).replacen(')', "-", 1);
    let groups: Vec<&str> = main.split(['-', ' ']).filter(|g| !g.is_empty()).collect();
    if groups.iter().any(|g| !g.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    match groups.as_slice() {
        [all] => (1..all.len()).any(|cut| area_and_local(&all[..cut], &all[cut..], spec)),
        [area, local] => area_and_local(area, local, spec),
        [area, local, extension] if ext.is_none() => area_and_local(area, local, spec) && extension.len() <= spec.max_extension_digits,
        _ => false,
    }
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
            "１３８００１３８０００",
            "0531-88888888转",
        ] {
            assert!(!is_phone(bad, &spec, PhoneKind::Any), "{bad}");
        }
        assert!(!is_phone("0531-88888888", &spec, PhoneKind::Mobile));
    }
}
