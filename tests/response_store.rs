//! Saved responses over the in-memory store: autosave, list, restore, remove; full, disabled and
//! corrupt storage.

mod common;

use common::*;
use exam_incident::response::store::{self, MemoryStore, Store, StoreError, PREFIX, QUARANTINE, V1_PREFIX};
use exam_incident::response::{Act, Response};

#[test]
fn saves_lists_restores_and_removes() {
    let s = MemoryStore::new();
    let mut r = open("paper_defect", &t(5));
    store::save(&s, &r).unwrap();
    r.complete("initial_report", Act::at(t(9))).unwrap();
    store::save(&s, &r).unwrap();
    let other = open("mass_cheating", &t(50));
    store::save(&s, &other).unwrap();
    let list = store::list(&s).unwrap();
    assert!(list.quarantined.is_empty());
    let ids: Vec<&str> = list.responses.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, [other.id(), r.id()], "newest discovery first");
    assert_eq!(list.responses[1].entries, 2);
    assert_eq!(list.responses[1].key, format!("{PREFIX}{}", r.id()));
    let back = store::load(&s, plan(), r.id()).unwrap();
    assert_eq!(back.to_json(), r.to_json());
    store::remove(&s, r.id()).unwrap();
    assert_eq!(store::load(&s, plan(), r.id()).unwrap_err().code(), "not_saved");
    assert_eq!(store::list(&s).unwrap().responses.len(), 1);
}

#[test]
fn full_storage_is_reported_and_the_response_keeps_working() {
    let s = MemoryStore::with_quota(3000);
    let mut r = open("power_or_equipment_failure", &t(32));
    store::save(&s, &r).unwrap();
    let mut failed = None;
    for i in 0..30 {
        r.note(Act::at(t(33 + i)).note("记录".repeat(20))).unwrap();
        if let Err(e) = store::save(&s, &r) {
            failed = Some(e);
            break;
        }
    }
    let e = failed.expect("the quota is reached");
    assert_eq!(e, StoreError::Full);
    assert_eq!(e.code(), "storage_full");
    assert_eq!(e.to_error().code(), "storage_full");
    // In memory everything is still there, and the last good save is intact.
    assert!(r.verify_log());
    assert!(store::load(&s, plan(), r.id()).is_ok());
}

#[test]
fn disabled_storage_is_reported() {
    let s = MemoryStore::new();
    s.disabled.set(true);
    let r = open("other_general", &t(0));
    assert_eq!(store::save(&s, &r).unwrap_err().code(), "storage_disabled");
    assert_eq!(store::list(&s).unwrap_err().code(), "storage_disabled");
    assert_eq!(store::load(&s, plan(), r.id()).unwrap_err().code(), "storage_disabled");
}

#[test]
fn corrupt_entries_are_quarantined_not_deleted() {
    let s = MemoryStore::new();
    let good = open("other_general", &t(0));
    store::save(&s, &good).unwrap();
    s.set(&format!("{PREFIX}broken"), "{ not json").unwrap();
    let mut tampered: serde_json::Value = serde_json::from_str(&open("epidemic", &t(1)).to_json()).unwrap();
    tampered["log"][0]["open"]["site"] = serde_json::json!("别处");
    let tid = tampered["id"].as_str().unwrap().to_string();
    // A whole saved response is what earlier builds wrote (under the v1 key); an index does
    // not hold a log, so tampering is found when the old copy is checked for migration.
    s.set(&format!("{V1_PREFIX}{tid}"), &tampered.to_string()).unwrap();

    let list = store::list(&s).unwrap();
    assert_eq!(list.responses.len(), 1);
    let mut q: Vec<(String, String)> = list.quarantined.iter().map(|q| (q.id.clone(), q.code.clone())).collect();
    q.sort();
    let mut want = vec![("broken".to_string(), "bad_state".to_string()), (tid.clone(), "log_tampered".to_string())];
    want.sort();
    assert_eq!(q, want);
    // Kept under the quarantine prefix, gone from the list of responses.
    assert_eq!(s.get(&format!("{QUARANTINE}broken")).unwrap().as_deref(), Some("{ not json"));
    assert!(s.get(&format!("{PREFIX}broken")).unwrap().is_none());
    // A second corrupt copy under the same id does not overwrite the first.
    s.set(&format!("{PREFIX}broken"), "[]").unwrap();
    let e = store::load(&s, plan(), "broken").unwrap_err();
    assert_eq!(e.code(), "bad_state");
    assert_eq!(s.get(&format!("{QUARANTINE}broken~1")).unwrap().as_deref(), Some("[]"));
    assert_eq!(s.get(&format!("{QUARANTINE}broken")).unwrap().as_deref(), Some("{ not json"));
}

#[test]
fn quarantine_failing_is_reported_and_the_entry_stays() {
    let s = MemoryStore::with_quota(60);
    s.items.borrow_mut().insert(format!("{PREFIX}x"), "garbage".into());
    let list = store::list(&s).unwrap();
    assert_eq!(list.quarantined[0].code, "storage_full");
    assert!(list.quarantined[0].key.is_empty());
    assert!(s.get(&format!("{PREFIX}x")).unwrap().is_some(), "not deleted");
}

#[test]
fn bad_ids_are_refused() {
    let s = MemoryStore::new();
    assert_eq!(store::load(&s, plan(), "../etc").unwrap_err().code(), "bad_argument");
    assert_eq!(store::remove(&s, "").unwrap_err().code(), "bad_argument");
    let _ = Response::open;
}
