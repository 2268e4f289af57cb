//! A log entry's JSON, written by hand exactly as serde_json writes the derived `Serialize` of
//! [`LogEntry`] (field order, camelCase names, absent options and empty lists left out). Hashing
//! a log is this writer plus SHA-256 per entry; serde's generic machinery cost as much as the
//! hash itself. The rare parts (the `open` block, strings that need escapes) go through
//! `crate::json::ToJson`, the crate's one writer (held to serde_json's bytes by its tests). `chain.rs` tests hold the two writers
//! to the same bytes for an entry with every field set.

use crate::json::ToJson;

use super::model::{LogEntry, Person};

/// Appends `entry` as JSON to `out`, with `hash` replaced by `hash`.
pub fn write_entry(out: &mut Vec<u8>, entry: &LogEntry, hash: &str) {
    out.extend_from_slice(b"{\"seq\":");
    write_u32(out, entry.seq);
    out.extend_from_slice(b",\"at\":");
    write_str(out, &entry.at);
    out.extend_from_slice(b",\"action\":\"");
    out.extend_from_slice(entry.action.as_str().as_bytes());
    out.push(b'"');
    opt_str(out, b",\"step\":", entry.step.as_deref());
    opt_str(out, b",\"option\":", entry.option.as_deref());
    opt_str(out, b",\"kind\":", entry.kind.as_deref());
    opt_str(out, b",\"anchor\":", entry.anchor.as_deref());
    opt_person(out, b",\"by\":", entry.by.as_ref());
    opt_person(out, b",\"approvedBy\":", entry.approved_by.as_ref());
    opt_str(out, b",\"note\":", entry.note.as_deref());
    if !entry.warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":[");
        for (i, w) in entry.warnings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_str(out, w);
        }
        out.push(b']');
    }
    if let Some(open) = &entry.open {
        out.extend_from_slice(b",\"open\":");
        serde_write(out, open);
    }
    out.extend_from_slice(b",\"prev\":");
    write_str(out, &entry.prev);
    out.extend_from_slice(b",\"hash\":");
    write_str(out, hash);
    out.push(b'}');
}

fn opt_str(out: &mut Vec<u8>, key: &[u8], s: Option<&str>) {
    if let Some(s) = s {
        out.extend_from_slice(key);
        write_str(out, s);
    }
}

fn opt_person(out: &mut Vec<u8>, key: &[u8], p: Option<&Person>) {
    if let Some(p) = p {
        out.extend_from_slice(key);
        out.extend_from_slice(b"{\"name\":");
        write_str(out, &p.name);
        out.extend_from_slice(b",\"role\":");
        write_str(out, &p.role);
        out.push(b'}');
    }
}

/// A JSON string. Log text rarely needs escapes; when it does, `ToJson` writes it.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        serde_write(out, s);
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

fn write_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn serde_write<T: ToJson + ?Sized>(out: &mut Vec<u8>, value: &T) {
    out.extend_from_slice(crate::json::to_string(value).as_bytes());
}
