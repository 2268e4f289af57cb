//! Saved incidents lose nothing (issue 13): a new id per start, no silent overwrite by another
//! copy (tab, import), storage that grows with the change, anchors that catch a rewritten log,
//! and times kept inside the years the component writes.

mod common;

use std::cell::{Cell, RefCell};

use common::*;
use exam_incident::response::store::{self, MemoryStore, Store, StoreError, ENTRY_PREFIX, PREFIX, V1_PREFIX};
use exam_incident::response::{entry_hash, Act, Init, LogAnchor, Response, GENESIS};
use exam_incident::time::{parse_time, FixedClock};

fn init(nonce: Option<&str>) -> Init {
    Init {
        kind: "power_or_equipment_failure".into(),
        discovered_at: t(32),
        room: Some("301".into()),
        nonce: nonce.map(str::to_string),
        ..Init::default()
    }
}

// ---- 1. ids --------------------------------------------------------------------------------

#[test]
fn each_start_with_its_own_nonce_is_a_new_response_and_overwrites_nothing() {
    let s = MemoryStore::new();
    let mut first = Response::open(plan(), init(Some("a1")), &day_end()).unwrap();
    for (i, step) in ["initial_report"].iter().enumerate() {
        first.complete(step, Act::at(t(35 + i as u32)).by("李强", "site_staff"), &day_end()).unwrap();
    }
    first.note(Act::at(t(40)).note("停电"), &day_end()).unwrap();
    store::save(&s, &first).unwrap();
    // The same incident started again from the start form.
    let second = Response::open(plan(), init(Some("b2")), &day_end()).unwrap();
    assert_ne!(first.id(), second.id());
    store::save(&s, &second).unwrap();
    assert_eq!(store::load(&s, plan(), first.id()).unwrap().to_json(), first.to_json(), "the first log is intact");
    assert_eq!(store::list(&s).unwrap().responses.len(), 2);
    // The core stays deterministic: the same nonce gives the same id.
    assert_eq!(Response::open(plan(), init(Some("a1")), &day_end()).unwrap().id(), first.id());
}

#[test]
fn a_start_that_looks_like_a_saved_incident_finds_it() {
    let s = MemoryStore::new();
    let r = Response::open(plan(), init(Some("a1")), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let discovered = r.discovered_at();
    let found = store::similar(&s, "power_or_equipment_failure", Some("301"), &discovered).unwrap();
    assert_eq!(found.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), [r.id()]);
    assert!(store::similar(&s, "power_or_equipment_failure", Some("302"), &discovered).unwrap().is_empty(), "another room");
    assert!(store::similar(&s, "epidemic", Some("301"), &discovered).unwrap().is_empty(), "another kind");
    let later = parse_time(&t(33), plan().timezone()).map(|t| exam_incident::time::format_time(&t)).unwrap();
    assert!(store::similar(&s, "power_or_equipment_failure", Some("301"), &later).unwrap().is_empty(), "another time");
}

// ---- 2. no silent overwrite ----------------------------------------------------------------

#[test]
fn a_second_copy_cannot_overwrite_entries_it_does_not_have() {
    let s = MemoryStore::new();
    let r = Response::open(plan(), init(Some("x")), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    // Two tabs restore the same response.
    let mut a = store::load(&s, plan(), r.id()).unwrap();
    let mut b = store::load(&s, plan(), r.id()).unwrap();
    a.complete("initial_report", Act::at(t(35)).by("李强", "site_staff"), &day_end()).unwrap();
    store::save(&s, &a).unwrap();
    assert_eq!(store::check_fresh(&s, &b), Err(StoreError::Conflict { stored: 2 }));
    b.note(Act::at(t(36)).note("另一位监考员的记录"), &day_end()).unwrap();
    let e = store::save(&s, &b).unwrap_err();
    assert_eq!(e, StoreError::Conflict { stored: 2 });
    assert_eq!(e.to_error().code(), "conflict");
    assert_eq!(store::load(&s, plan(), r.id()).unwrap().to_json(), a.to_json(), "nothing stored lost");
    // B reloads and its own entry is re-applied on top of A's.
    let (b2, rebased) = store::reload(&s, plan(), &b).unwrap();
    assert_eq!((rebased.reapplied, rebased.dropped.len()), (1, 0));
    store::save(&s, &b2).unwrap();
    let stored = store::load(&s, plan(), r.id()).unwrap();
    assert_eq!(stored.log().len(), 3);
    assert_eq!(stored.log()[1].step.as_deref(), Some("initial_report"));
    assert_eq!(stored.log()[2].note.as_deref(), Some("另一位监考员的记录"));
    // Two other tabs: an anchor set in one, a reclassification and back in the other.
    let mut c = store::load(&s, plan(), r.id()).unwrap();
    let mut d = store::load(&s, plan(), r.id()).unwrap();
    c.set_anchor("outage_started", Act::at(t(30)), &day_end()).unwrap();
    store::save(&s, &c).unwrap();
    d.reclassify("epidemic", Act::at(t(39)), &day_end()).unwrap();
    d.reclassify("power_or_equipment_failure", Act::at(t(40)), &day_end()).unwrap();
    let (d2, rebased) = store::reload(&s, plan(), &d).unwrap();
    assert_eq!(rebased.reapplied, 2);
    assert_eq!(d2.log().len(), c.log().len() + 2);
}

#[test]
fn a_reload_reports_entries_that_no_longer_fit() {
    let s = MemoryStore::new();
    let r = Response::open(plan(), init(Some("y")), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let mut a = store::load(&s, plan(), r.id()).unwrap();
    let mut b = store::load(&s, plan(), r.id()).unwrap();
    a.complete("initial_report", Act::at(t(35)).by("李强", "site_staff"), &day_end()).unwrap();
    store::save(&s, &a).unwrap();
    b.complete("initial_report", Act::at(t(36)).by("赵静", "site_staff"), &day_end()).unwrap();
    let (b2, rebased) = store::reload(&s, plan(), &b).unwrap();
    assert_eq!(rebased.reapplied, 0);
    assert_eq!(rebased.dropped.len(), 1);
    assert_eq!(rebased.dropped[0].code, "already_done");
    assert_eq!(b2.to_json(), a.to_json());
}

#[test]
fn an_older_or_diverging_copy_is_stale_and_can_be_kept_under_a_new_id() {
    let s = MemoryStore::new();
    let mut r = Response::open(plan(), init(Some("z")), &day_end()).unwrap();
    let old = r.to_json();
    r.complete("initial_report", Act::at(t(35)).by("李强", "site_staff"), &day_end()).unwrap();
    r.note(Act::at(t(36)).note("x"), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let older = Response::from_json(plan(), &old).unwrap();
    assert_eq!(store::check_import(&s, &older).unwrap_err().code(), "stale_copy");
    let mut diverging = Response::from_json(plan(), &old).unwrap();
    diverging.note(Act::at(t(34)).note("别的记录"), &day_end()).unwrap();
    assert_eq!(store::check_import(&s, &diverging).unwrap_err().code(), "stale_copy");
    // The same or a newer copy is fine.
    let mut newer = Response::from_json(plan(), &r.to_json()).unwrap();
    store::check_import(&s, &newer).unwrap();
    newer.note(Act::at(t(40)).note("y"), &day_end()).unwrap();
    store::check_import(&s, &newer).unwrap();
    // Asked to, the stale copy is kept under a new id; the saved one is untouched.
    let copy = diverging.renamed("n1").unwrap();
    assert_ne!(copy.id(), r.id());
    assert!(copy.verify_log());
    assert_eq!(copy.log().len(), diverging.log().len());
    store::check_import(&s, &copy).unwrap();
    store::save(&s, &copy).unwrap();
    assert_eq!(store::load(&s, plan(), r.id()).unwrap().to_json(), r.to_json());
    assert_eq!(store::load(&s, plan(), copy.id()).unwrap().to_json(), copy.to_json());
}

// ---- 3. storage proportional to the change -------------------------------------------------

/// A store that counts what is written.
#[derive(Default)]
struct Counting {
    inner: MemoryStore,
    sets: Cell<usize>,
    bytes: Cell<usize>,
    keys: RefCell<Vec<String>>,
}

impl Store for Counting {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.sets.set(self.sets.get() + 1);
        self.bytes.set(self.bytes.get() + value.len());
        self.keys.borrow_mut().push(key.to_string());
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn appending_writes_one_entry_and_the_index_not_the_log() {
    let s = Counting::default();
    let mut r = Response::open(plan(), init(Some("p")), &day_end()).unwrap();
    for i in 0..2000u32 {
        r.note(Act::at(t(33 + i / 60)).note(format!("记录 {i}")), &day_end()).unwrap();
    }
    store::save(&s, &r).unwrap();
    let whole = r.to_json().len();
    s.sets.set(0);
    s.bytes.set(0);
    s.keys.borrow_mut().clear();
    r.note(Act::at(t(80)).note("one more"), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    assert_eq!(s.sets.get(), 2, "{:?}", s.keys.borrow());
    assert_eq!(s.keys.borrow()[0], format!("{ENTRY_PREFIX}{}/2001", r.id()));
    assert_eq!(s.keys.borrow()[1], format!("{PREFIX}{}", r.id()));
    assert!(s.bytes.get() < 1500, "{} bytes written for one entry (whole log: {whole})", s.bytes.get());
    assert!(whole > 300_000);
    assert_eq!(store::load(&s, plan(), r.id()).unwrap().to_json(), r.to_json());
}

#[test]
fn a_response_saved_whole_by_an_earlier_build_is_migrated() {
    let text = include_str!("data/response_saved_v1.json").trim_end();
    let want = Response::from_json(plan(), text).unwrap();
    let s = MemoryStore::new();
    s.set(&format!("{V1_PREFIX}{}", want.id()), text).unwrap();
    let list = store::list(&s).unwrap();
    assert!(list.quarantined.is_empty(), "{:?}", list.quarantined);
    assert_eq!(list.responses.len(), 1);
    assert_eq!(list.responses[0].entries, want.log().len());
    assert_eq!(list.responses[0].head, want.head());
    assert!(s.get(&format!("{V1_PREFIX}{}", want.id())).unwrap().is_none(), "the old key goes once copied");
    assert_eq!(store::load(&s, plan(), want.id()).unwrap().to_json(), text);
    // Loaded directly (without a list first) it migrates too.
    let s = MemoryStore::new();
    s.set(&format!("{V1_PREFIX}{}", want.id()), text).unwrap();
    assert_eq!(store::load(&s, plan(), want.id()).unwrap().to_json(), text);
}

#[test]
fn a_missing_or_edited_entry_is_caught_on_load_and_quarantined() {
    let s = MemoryStore::new();
    let mut r = Response::open(plan(), init(Some("q")), &day_end()).unwrap();
    r.complete("initial_report", Act::at(t(35)).by("李强", "site_staff"), &day_end()).unwrap();
    r.note(Act::at(t(36)).note("x"), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let key = format!("{ENTRY_PREFIX}{}/1", r.id());
    let edited = s.get(&key).unwrap().unwrap().replace("09:35:00", "09:33:00");
    s.set(&key, &edited).unwrap();
    assert_eq!(store::load(&s, plan(), r.id()).unwrap_err().code(), "log_tampered");
    assert!(store::list(&s).unwrap().responses.is_empty());
    assert!(s.get(&key).unwrap().is_some(), "entries are kept");
}

// ---- 5. anchors ----------------------------------------------------------------------------

fn walked() -> Response {
    let mut r = Response::open(plan(), init(Some("w")), &day_end()).unwrap();
    r.complete("initial_report", Act::at(t(38)).by("李强", "site_staff"), &day_end()).unwrap();
    r.note(Act::at(t(39)).note("a"), &day_end()).unwrap();
    r.note(Act::at(t(40)).note("b"), &day_end()).unwrap();
    r
}

/// Re-seals every entry from `from` on, as someone who knows the scheme would.
fn rehash(log: &mut [exam_incident::response::LogEntry]) {
    let mut prev = GENESIS.to_string();
    for e in log.iter_mut() {
        e.prev = prev;
        e.hash = String::new();
        e.hash = entry_hash(e);
        prev = e.hash.clone();
    }
}

#[test]
fn an_anchor_catches_truncation_and_a_rewrite_with_recomputed_hashes() {
    let r = walked();
    let anchor = r.anchor();
    assert_eq!(anchor.count, 4);
    assert_eq!(anchor.check_code.len(), 9);
    let full = LogAnchor { head: anchor.head.clone(), count: anchor.count };
    let code = LogAnchor { head: anchor.check_code.to_lowercase(), count: anchor.count };
    assert!(r.verify_anchor(&full));
    assert!(r.verify_anchor(&code));
    assert!(!r.verify_anchor(&LogAnchor { head: anchor.head[..7].into(), count: 4 }), "7 digits are too few");

    // Truncated, head copied into the envelope: the chain alone passes, the anchor does not.
    let mut cut = r.to_saved();
    cut.log.truncate(3);
    cut.head = cut.log[2].hash.clone();
    let cut = Response::from_saved(plan(), cut).unwrap();
    assert!(cut.verify_log());
    assert!(!cut.verify_anchor(&full));

    // A late initial report moved earlier and every hash recomputed: passes the chain, not the anchor.
    let mut forged = r.to_saved();
    forged.log[1].at = "2026-06-13T09:33:00+08:00".into();
    rehash(&mut forged.log);
    forged.head = forged.log.last().unwrap().hash.clone();
    let forged = Response::from_saved(plan(), forged).unwrap();
    assert!(forged.verify_log());
    assert!(!forged.verify_anchor(&full));
    assert!(!forged.verify_anchor(&code));

    // Later entries do not disturb an earlier anchor.
    let mut more = r.clone();
    more.note(Act::at(t(50)).note("c"), &day_end()).unwrap();
    assert!(more.verify_anchor(&full));
}

// ---- 8. years ------------------------------------------------------------------------------

#[test]
fn times_whose_deadlines_would_leave_the_years_written_are_refused() {
    for bad in ["9999-12-31T23:59", "9999-01-01T00:00", "0001-01-01T00:00", "0005-06-01T00:00"] {
        let e = Response::open(plan(), Init { discovered_at: bad.into(), ..init(Some("y")) }, &day_end()).unwrap_err();
        assert_eq!(e.code(), "bad_time", "{bad}");
    }
    // The latest accepted discovery still gives deadlines the component reads back (on a clock
    // that has reached it: before, it would be a time in the future).
    let then = FixedClock(parse_time("9979-06-01T09:05", plan().timezone()).unwrap());
    let r = Response::open(plan(), Init { discovered_at: "9979-06-01T09:00".into(), ..init(Some("y")) }, &then).unwrap();
    let steps = r.steps("9979-06-01T09:05").unwrap();
    let tz = plan().timezone();
    let dues: Vec<&String> = steps.iter().filter_map(|s| s.due_at.as_ref()).collect();
    assert!(!dues.is_empty());
    for d in dues {
        assert!(parse_time(d, tz).is_some(), "{d}");
    }
    assert_eq!(r.steps("9999-12-31T23:59").unwrap_err().code(), "bad_time");
}

#[test]
fn a_tab_catches_up_with_only_the_entries_another_tab_appended() {
    let s = MemoryStore::new();
    let r = Response::open(plan(), init(Some("c")), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    let mut a = store::load(&s, plan(), r.id()).unwrap();
    let mut b = store::load(&s, plan(), r.id()).unwrap();
    a.complete("initial_report", Act::at(t(35)).by("李强", "site_staff"), &day_end()).unwrap();
    a.note(Act::at(t(36)).note("x"), &day_end()).unwrap();
    store::save(&s, &a).unwrap();
    let newer = store::newer_entries(&s, b.id(), b.log().len(), b.head()).unwrap().expect("an extension");
    assert_eq!(newer.len(), 2);
    b.append_saved(newer).unwrap();
    assert_eq!(b.to_json(), a.to_json());
    assert_eq!(store::newer_entries(&s, b.id(), b.log().len(), b.head()).unwrap(), Some(vec![]));
    // A tab with an entry of its own is not an extension: it reloads whole.
    b.note(Act::at(t(37)).note("b"), &day_end()).unwrap();
    a.note(Act::at(t(37)).note("a"), &day_end()).unwrap();
    store::save(&s, &a).unwrap();
    assert_eq!(store::newer_entries(&s, b.id(), b.log().len(), b.head()).unwrap(), None);
    // An appended entry that does not fit the chain is refused.
    let mut c = store::load(&s, plan(), r.id()).unwrap();
    let mut forged = a.log().last().unwrap().clone();
    forged.seq += 1;
    forged.prev = a.head().to_string();
    forged.note = Some("forged".into());
    assert_eq!(c.append_saved(vec![forged]).unwrap_err().code(), "log_tampered");
    c.note(Act::at(t(38)).note("still works"), &day_end()).unwrap();
}

#[test]
fn an_unreadable_index_does_not_block_actions_but_is_never_written_over() {
    let s = MemoryStore::new();
    let mut r = Response::open(plan(), init(Some("u")), &day_end()).unwrap();
    store::save(&s, &r).unwrap();
    s.set(&format!("{PREFIX}{}", r.id()), "{ garbage").unwrap();
    store::check_fresh(&s, &r).unwrap();
    r.note(Act::at(t(40)).note("x"), &day_end()).unwrap();
    assert_eq!(store::save(&s, &r).unwrap_err().code(), "storage_error");
    assert_eq!(s.get(&format!("{PREFIX}{}", r.id())).unwrap().as_deref(), Some("{ garbage"));
    // Listing sets it aside (kept); then the response saves whole again.
    assert_eq!(store::list(&s).unwrap().quarantined.len(), 1);
    store::save(&s, &r).unwrap();
    assert_eq!(store::load(&s, plan(), r.id()).unwrap().to_json(), r.to_json());
}
