//! Saved responses over the in-memory store: autosave, list, restore, remove; full, disabled and
//! corrupt storage.

mod common;

use common::*;
use exam_incident::response::store::{self, MemoryStore, Store, StoreError, PREFIX, QUARANTINE, QUARANTINE_REASON, V1_PREFIX};
use exam_incident::response::{Act, Response};

#[test]
fn saves_lists_restores_and_removes() {
    let s = MemoryStore::new();
    let mut r = open("paper_defect", &t(5));
    store::save(&s, &r).unwrap();
    r.complete("initial_report", Act::at(t(9)), &day_end()).unwrap();
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
        r.note(Act::at(t(33 + i)).note("记录".repeat(20)), &day_end()).unwrap();
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

fn listed(s: &MemoryStore) -> Vec<(String, String, String)> {
    store::list(s).unwrap().quarantined.into_iter().map(|q| (q.id, q.key, q.code)).collect()
}

/// A site leader who opens the list a second time, or on another page, still learns that a
/// record was damaged: every entry in quarantine is listed, with why it was set aside.
#[test]
fn every_later_listing_names_every_quarantined_entry_with_its_reason() {
    let s = MemoryStore::new();
    store::save(&s, &open("other_general", &t(0))).unwrap();
    s.set(&format!("{PREFIX}broken"), "{ not json").unwrap();
    let mut tampered: serde_json::Value = serde_json::from_str(&open("epidemic", &t(1)).to_json()).unwrap();
    tampered["log"][0]["open"]["site"] = serde_json::json!("别处");
    let tid = tampered["id"].as_str().unwrap().to_string();
    s.set(&format!("{V1_PREFIX}{tid}"), &tampered.to_string()).unwrap();
    // A response whose entry was edited after it was saved: set aside by a restore, not a list.
    let mut r = open("power_or_equipment_failure", &t(2));
    r.complete("initial_report", Act::at(t(8)), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let entry = store::entry_key(r.id(), 1);
    let edited = s.get(&entry).unwrap().unwrap().replace("09:08", "09:09");
    s.set(&entry, &edited).unwrap();
    assert_eq!(store::load(&s, plan(), r.id()).unwrap_err().code(), "log_tampered");

    let mut want = vec![
        ("broken".to_string(), format!("{QUARANTINE}broken"), "bad_state".to_string()),
        (r.id().to_string(), format!("{QUARANTINE}{}", r.id()), "log_tampered".to_string()),
        (tid.clone(), format!("{QUARANTINE}{tid}"), "log_tampered".to_string()),
    ];
    want.sort_by(|a, b| a.1.cmp(&b.1));
    let texts = |s: &MemoryStore| want.iter().map(|w| s.get(&w.1).unwrap()).collect::<Vec<_>>();
    assert_eq!(listed(&s), want, "the first listing");
    let kept = texts(&s);
    assert_eq!(listed(&s), want, "the second listing: nothing moved now, all still named");
    assert_eq!(listed(&s), want, "and the third");
    // The entries set aside are kept as they were found, byte for byte.
    assert_eq!(texts(&s), kept);
    assert_eq!(kept[want.iter().position(|w| w.0 == "broken").unwrap()].as_deref(), Some("{ not json"));
    // Removing a response leaves its quarantined copy listed.
    store::remove(&s, r.id()).unwrap();
    assert_eq!(listed(&s), want);
}

/// Entries quarantined by builds that kept no reason are listed too, as `bad_state`, their id
/// read from the key (`<id>` or `<id>~<n>`); their text is not touched.
#[test]
fn entries_set_aside_before_reasons_were_kept_are_listed_as_bad_state() {
    let s = MemoryStore::new();
    s.set(&format!("{QUARANTINE}r-old"), "{\"format\":\"x\"}").unwrap();
    s.set(&format!("{QUARANTINE}r-old~1"), "[]").unwrap();
    s.set(&format!("{QUARANTINE}a~b"), "garbage").unwrap();
    let want = vec![
        ("a~b".to_string(), format!("{QUARANTINE}a~b"), "bad_state".to_string()),
        ("r-old".to_string(), format!("{QUARANTINE}r-old"), "bad_state".to_string()),
        ("r-old".to_string(), format!("{QUARANTINE}r-old~1"), "bad_state".to_string()),
    ];
    assert_eq!(listed(&s), want);
    assert_eq!(s.get(&format!("{QUARANTINE}r-old~1")).unwrap().as_deref(), Some("[]"));
    assert_eq!(s.get(&format!("{QUARANTINE}a~b")).unwrap().as_deref(), Some("garbage"));
    // A later corrupt copy under the same id goes to the next free key, with its own reason.
    s.set(&format!("{PREFIX}r-old"), "{}").unwrap();
    let q = listed(&s);
    assert!(q.contains(&("r-old".to_string(), format!("{QUARANTINE}r-old~2"), "bad_state".to_string())), "{q:?}");
    assert_eq!(q.len(), 4);
}

/// A reason key that is not one this component wrote (hand-edited, another id, a code that is
/// no code) is not shown: the entry is listed as `bad_state`.
#[test]
fn a_reason_that_is_not_ours_is_ignored() {
    let s = MemoryStore::new();
    for (id, reason) in [
        ("x1", "not json"),
        ("x2", r#"{"id":"other","code":"log_tampered"}"#),
        ("x3", r#"{"id":"x3","code":"<b>owned</b>"}"#),
        ("x4", r#"{"id":"x4","code":"log_tampered","extra":1}"#),
    ] {
        s.set(&format!("{QUARANTINE}{id}"), "{}").unwrap();
        s.set(&format!("{QUARANTINE_REASON}{id}"), reason).unwrap();
    }
    s.set(&format!("{QUARANTINE}x5"), "{}").unwrap();
    s.set(&format!("{QUARANTINE_REASON}x5"), r#"{"id":"x5","code":"log_tampered"}"#).unwrap();
    let codes: Vec<(String, String)> = store::list(&s).unwrap().quarantined.into_iter().map(|q| (q.id, q.code)).collect();
    let want: Vec<(String, String)> = ["x1", "x2", "x3", "x4"]
        .iter()
        .map(|id| (id.to_string(), "bad_state".to_string()))
        .chain([("x5".into(), "log_tampered".into())])
        .collect();
    assert_eq!(codes, want);
}
