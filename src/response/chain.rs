//! The log's hash chain. Each entry's hash is SHA-256 over a domain tag and the entry's canonical
//! JSON: the fields in their fixed declaration order, absent options left out, `hash` empty. The
//! canonical form is always produced from the decoded entry, never taken from input text, so two
//! spellings of the same entry hash alike while any change of value does not.
//!
//! The chain has no secret: it detects edits, removals, insertions and reorderings made by hand or
//! by a bug, not by someone who recomputes every hash. Removing entries from the end is caught by
//! the saved state's `head`, not by the chain alone.

use sha2::{Digest, Sha256};

use super::canonical;
use super::model::LogEntry;

/// `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN: &[u8] = b"exam-incident/response-log/v1\n";

/// Hashes entries one after another through one buffer, so that a log of thousands costs no
/// allocation per entry (a clone of each entry and serde's generic writer used to cost more
/// than the SHA-256 itself).
#[derive(Default)]
pub struct EntryHasher {
    buf: Vec<u8>,
}

impl EntryHasher {
    /// The entry's digest, and the length of its JSON as saved (with its own `hash`).
    pub fn digest(&mut self, entry: &LogEntry) -> ([u8; 32], usize) {
        self.buf.clear();
        canonical::write_entry(&mut self.buf, entry, "");
        let canonical_len = self.buf.len();
        let mut h = Sha256::new_with_prefix(DOMAIN);
        h.update(&self.buf);
        // The saved form differs only in the value of `hash`, written the same way.
        self.buf.clear();
        canonical::write_str(&mut self.buf, &entry.hash);
        let saved = canonical_len - 2 + self.buf.len();
        (finish(h), saved)
    }
}

fn finish(h: Sha256) -> [u8; 32] {
    h.finalize().into()
}

/// The hash an entry must carry, given its `prev`.
pub fn entry_hash(entry: &LogEntry) -> String {
    hex(&EntryHasher::default().digest(entry).0)
}

/// Fills `seq`, `prev` and `hash` of an entry to be appended after `log`.
pub fn seal(log: &[LogEntry], mut entry: LogEntry) -> LogEntry {
    entry.seq = u32::try_from(log.len()).unwrap_or(u32::MAX);
    entry.prev = log.last().map_or_else(|| GENESIS.to_string(), |e| e.hash.clone());
    entry.hash = entry_hash(&entry);
    entry
}

/// A response id made from a hash and a nonce: `r-` and 16 hex digits.
pub fn made_id(hash: &str, nonce: &str) -> String {
    let mut h = Sha256::new_with_prefix(b"exam-incident/response-id/v1\n");
    h.update(hash.as_bytes());
    h.update(b"\n");
    h.update(nonce.as_bytes());
    format!("r-{}", &hex(&finish(h))[..16])
}

/// The head's first 8 hex digits, upper case, in two groups (`9C58-669B`): short enough to
/// write on a paper record and read out on the phone, long enough that a forged log matching
/// it by chance is a one-in-four-billion event.
pub fn check_code(hash: &str) -> String {
    let up = hash.get(..8).unwrap_or(hash).to_ascii_uppercase();
    match (up.get(..4), up.get(4..)) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => up,
    }
}

/// Checks the chain; `Err(i)` names the first entry that does not fit.
pub fn verify_chain(log: &[LogEntry]) -> Result<(), usize> {
    verify_sized(log).map(drop)
}

/// Checks entries `from..` of a log whose first `from` entries are known to fit.
pub fn verify_from(log: &[LogEntry], from: usize) -> Result<(), usize> {
    let mut hasher = EntryHasher::default();
    let mut prev = if from == 0 { GENESIS } else { log.get(from - 1).map_or(GENESIS, |e| e.hash.as_str()) };
    for (i, e) in log.iter().enumerate().skip(from) {
        if usize::try_from(e.seq).ok() != Some(i) || e.prev != prev || !hex_eq(&hasher.digest(e).0, e.hash.as_bytes()) {
            return Err(i);
        }
        prev = &e.hash;
    }
    Ok(())
}

/// Checks the chain and returns the bytes of the entries' JSON as saved, commas left out.
pub fn verify_sized(log: &[LogEntry]) -> Result<usize, usize> {
    let mut hasher = EntryHasher::default();
    let mut prev = GENESIS;
    let mut bytes = 0;
    for (i, e) in log.iter().enumerate() {
        if usize::try_from(e.seq).ok() != Some(i) || e.prev != prev {
            return Err(i);
        }
        let (digest, saved) = hasher.digest(e);
        if !hex_eq(&digest, e.hash.as_bytes()) {
            return Err(i);
        }
        bytes += saved;
        prev = &e.hash;
    }
    Ok(bytes)
}

const DIGITS: &[u8; 16] = b"0123456789abcdef";

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Whether `text` is `bytes` in lower-case hex, as `hex` writes it.
fn hex_eq(bytes: &[u8], text: &[u8]) -> bool {
    text.len() == bytes.len() * 2
        && bytes.iter().zip(text.chunks_exact(2)).all(|(b, t)| t[0] == DIGITS[usize::from(b >> 4)] && t[1] == DIGITS[usize::from(b & 15)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::model::{Action, OpenInfo, Person, PlanRef};

    fn entry(hash: &str) -> LogEntry {
        LogEntry {
            seq: 3,
            at: "2026-06-13T09:32:00+08:00".into(),
            action: Action::Decide,
            step: Some("s\"1\\".into()),
            option: Some("o\n\u{1}".into()),
            kind: Some("k".into()),
            anchor: Some("a".into()),
            by: Some(Person::new("王老师", "site_staff")),
            approved_by: Some(Person::new("x", "y")),
            note: Some("记录 \"hash\":\"\"}".into()),
            warnings: vec!["out_of_order".into()],
            open: Some(OpenInfo {
                id: "r-1".into(),
                plan: PlanRef { id: "sd101".into(), version: "1".into() },
                kind: "k".into(),
                site: None,
                room: Some("301".into()),
                people: vec![Person::new("a", "b")],
                exam: None,
                details: serde_json::json!({"rooms": [3, 5], "n": 1.5, "s": "\u{7f}"}).as_object().cloned(),
            }),
            prev: GENESIS.into(),
            hash: hash.into(),
        }
    }

    /// The definition: the canonical JSON of a copy with `hash` emptied.
    fn slow_digest(entry: &LogEntry) -> [u8; 32] {
        let mut canonical = entry.clone();
        canonical.hash = String::new();
        let json = serde_json::to_vec(&canonical).unwrap_or_default();
        let mut h = Sha256::new_with_prefix(DOMAIN);
        h.update(&json);
        finish(h)
    }

    /// The hand-written canonical form must give the definition's digest whatever the entry
    /// holds, escapes included; the struct literal names every field, so a new one fails here.
    #[test]
    fn fast_digest_is_the_canonical_one() {
        let mut hasher = EntryHasher::default();
        for hash in ["", "abc", "\"hash\":\"\"}", "\u{0}\t\\\"}", "考"] {
            let e = entry(hash);
            let (digest, saved) = hasher.digest(&e);
            assert_eq!(digest, slow_digest(&e), "{hash:?}");
            assert_eq!(saved, serde_json::to_string(&e).unwrap().len());
        }
        let bare = LogEntry {
            step: None,
            option: None,
            kind: None,
            anchor: None,
            by: None,
            approved_by: None,
            note: None,
            warnings: vec![],
            open: None,
            ..entry("")
        };
        for action in [
            Action::Open,
            Action::Complete,
            Action::Decide,
            Action::RequestApproval,
            Action::Skip,
            Action::SetAnchor,
            Action::Reclassify,
            Action::Note,
        ] {
            for seq in [0, 9, 10, 4_294_967_295] {
                let e = LogEntry { action, seq, ..bare.clone() };
                assert_eq!(hasher.digest(&e).0, slow_digest(&e), "{action:?} {seq}");
            }
        }
        let e = seal(&[], entry(""));
        assert!(hex_eq(&hasher.digest(&e).0, e.hash.as_bytes()));
        assert!(!hex_eq(&hasher.digest(&e).0, e.hash.to_uppercase().as_bytes()));
    }
}
