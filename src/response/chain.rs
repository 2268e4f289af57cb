//! The log's hash chain. Each entry's hash is SHA-256 over a domain tag and the entry's canonical
//! JSON: the fields in their fixed declaration order, absent options left out, `hash` empty. The
//! canonical form is always produced from the decoded entry, never taken from input text, so two
//! spellings of the same entry hash alike while any change of value does not.
//!
//! The chain has no secret: it detects edits, removals, insertions and reorderings made by hand or
//! by a bug, not by someone who recomputes every hash. Removing entries from the end is caught by
//! the saved state's `head`, not by the chain alone.

use sha2::{Digest, Sha256};

use super::model::LogEntry;

/// `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN: &[u8] = b"exam-incident/response-log/v1\n";

/// The hash an entry must carry, given its `prev`.
pub fn entry_hash(entry: &LogEntry) -> String {
    let mut canonical = entry.clone();
    canonical.hash = String::new();
    // Serialising a plain struct of strings, numbers and string-keyed maps cannot fail.
    let json = serde_json::to_vec(&canonical).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(DOMAIN);
    h.update(&json);
    hex(&h.finalize())
}

/// Fills `seq`, `prev` and `hash` of an entry to be appended after `log`.
pub fn seal(log: &[LogEntry], mut entry: LogEntry) -> LogEntry {
    entry.seq = u32::try_from(log.len()).unwrap_or(u32::MAX);
    entry.prev = log.last().map_or_else(|| GENESIS.to_string(), |e| e.hash.clone());
    entry.hash = entry_hash(&entry);
    entry
}

/// Checks the chain; `Err(i)` names the first entry that does not fit.
pub fn verify_chain(log: &[LogEntry]) -> Result<(), usize> {
    let mut prev = GENESIS;
    for (i, e) in log.iter().enumerate() {
        if usize::try_from(e.seq).ok() != Some(i) || e.prev != prev || e.hash != entry_hash(e) {
            return Err(i);
        }
        prev = &e.hash;
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}
