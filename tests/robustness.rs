//! Bounded answers to oversized and hostile input: each call at (or past) its limit answers with
//! a result or a coded error. Outcomes are asserted; the elapsed times are printed
//! (`cargo test --release --test robustness -- --nocapture`) for docs/robustness.md.

mod common;

use std::time::Instant;

use common::*;
use exam_incident::classify::{classify_value, MAX_TEXT_CHARS};
use exam_incident::forms::{validate_report, ValidateOptions, FORM_IDS};
use exam_incident::plan::decode::MAX_PLAN_BYTES;
use exam_incident::plan::{default_plan_json, Plan};
use exam_incident::response::{Act, Response, MAX_LOG, MAX_SAVED_BYTES};
use serde_json::{json, Value};

fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    eprintln!("{label}: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    out
}

/// 10,000 characters of incident talk: numerals, durations, negations, rooms, mixed scripts.
fn long_text(chars: usize) -> String {
    let piece = "3号考场突然停电，已经过了四十分钟没有来电，并未发现试卷泄露；两个考场秩序混乱 paper not leaked 1小时20分 ";
    piece.chars().cycle().take(chars).collect()
}

#[test]
fn classify_at_the_text_limit_answers_and_past_it_is_too_large() {
    let p = plan();
    let c = timed("classify 10,000 chars", || classify_value(&p, &json!({ "text": long_text(MAX_TEXT_CHARS) }))).unwrap();
    assert!(c.kind.is_some());
    let e = classify_value(&p, &json!({ "text": long_text(MAX_TEXT_CHARS + 1) })).unwrap_err();
    assert_eq!(e.code(), "too_large");
    // Worst cases for the scanners: one repeated negation, one long number, no spaces at all.
    for text in
        ["未".repeat(MAX_TEXT_CHARS), "9".repeat(MAX_TEXT_CHARS), "一".repeat(MAX_TEXT_CHARS), "没有不是".repeat(MAX_TEXT_CHARS / 4)]
    {
        let r = timed("classify 10,000 chars of one pattern", || classify_value(&p, &json!({ "text": text })));
        assert!(r.is_ok(), "{r:?}");
    }
}

#[test]
fn a_half_megabyte_form_answers_and_a_bigger_one_is_too_large() {
    let p = plan();
    let limit = p.doc().forms.limits.max_bytes;
    // Just under the limit: many long entries and strings; findings are capped.
    let entry = json!({ "at": "2026-06-13T09:40", "type": "action", "text": "考".repeat(300) });
    let n = limit / 1000;
    let form = json!({ "incident_ref": "r-1", "tracker": { "name": "王", "role": "site_leader" },
        "period_from": "2026-06-13T09:30", "period_to": "2026-06-13T12:00", "status": "ongoing",
        "entries": vec![entry; n] });
    let size = serde_json::to_string(&form).unwrap().len();
    assert!(size > limit * 9 / 10 && size < limit, "{size}");
    for f in FORM_IDS {
        match timed(&format!("validate {f} with {size} bytes"), || validate_report(&p, f, &form, &ValidateOptions::default(), &clock(&p))) {
            Ok(r) => assert!(r.errors.len() + r.warnings.len() <= p.doc().forms.limits.max_findings + 1),
            Err(e) => assert_eq!(e.code(), "too_large"),
        }
    }
    let big = json!({ "summary": "x".repeat(limit + 1) });
    assert_eq!(validate_report(&p, "initial_report", &big, &ValidateOptions::default(), &clock(&p)).unwrap_err().code(), "too_large");
    // Wide: one object with 20,000 unknown keys.
    let wide: serde_json::Map<String, Value> = (0..20_000).map(|i| (format!("k{i}"), json!(i))).collect();
    let r = timed("validate 20,000 unknown keys", || {
        validate_report(&p, "initial_report", &Value::Object(wide), &ValidateOptions::default(), &clock(&p))
    })
    .unwrap();
    assert!(!r.ok);
}

#[test]
fn a_two_megabyte_plan_answers_and_a_bigger_one_is_refused() {
    let doc = default_plan_json();
    let mut v: Value = serde_json::from_str(&doc).unwrap();
    // Padding in a place the plan allows text: the name. Grow the document to just under 2 MiB.
    let pad = MAX_PLAN_BYTES - doc.len() - 1024;
    v["name"]["en"] = json!("n".repeat(pad));
    let text = serde_json::to_string(&v).unwrap();
    assert!(text.len() <= MAX_PLAN_BYTES);
    let r = timed("load a 2 MiB plan", || Plan::from_json(&text));
    if let Err(e) = &r {
        // Too long a name is a plan problem, reported, not a panic.
        assert_eq!(e.code(), "plan_invalid", "{e}");
    }
    let over = format!("{text}{}", " ".repeat(MAX_PLAN_BYTES));
    let e = timed("refuse a 4 MiB plan", || Plan::from_json(&over)).unwrap_err();
    assert_eq!(e.code(), "plan_invalid");
    assert_eq!(e.problems()[0].code, "shape");
    // 2 MiB of one array of kinds, all broken: problems are listed, boundedly.
    let kinds: Vec<Value> = (0..20_000).map(|i| json!({ "id": format!("k{i}") })).collect();
    v["kinds"] = Value::Array(kinds);
    v["name"]["en"] = json!("n");
    let text = serde_json::to_string(&v).unwrap();
    let e = timed("load a plan with 20,000 broken kinds", || Plan::from_json(&text)).unwrap_err();
    assert_eq!(e.code(), "plan_invalid");
    assert!(e.message().en.chars().count() < 4096);
}

#[test]
fn a_full_log_answers_round_trips_and_refuses_one_more_entry() {
    let mut r = open("power_or_equipment_failure", &t(0));
    let t0 = Instant::now();
    while r.log().len() < MAX_LOG {
        let n = r.log().len();
        r.note(Act::at(t((n % 600) as u32 + 1)).by("李强", "proctor").note(format!("第{n}条记录")), &day_end()).unwrap();
    }
    eprintln!("append {MAX_LOG} entries: {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
    let e = r.note(Act::at(t(700)).note("one more"), &day_end()).unwrap_err();
    assert_eq!(e.code(), "log_full");
    let text = timed("toJSON of 5,000 entries", || r.to_json());
    assert!(text.len() < MAX_SAVED_BYTES, "{} bytes", text.len());
    let back = timed("fromJSON of 5,000 entries", || Response::from_json(plan(), &text)).unwrap();
    assert_eq!(back.to_json(), text);
    assert!(timed("verifyLog of 5,000 entries", || back.verify_log()));
    let steps = timed("steps over 5,000 entries", || back.steps(&t(700))).unwrap();
    assert!(!steps.is_empty());
    timed("summary over 5,000 entries", || back.summary(&t(700), 5.0)).unwrap();
    for f in FORM_IDS {
        let _ = timed(&format!("draft {f} from 5,000 entries"), || back.draft_report(f));
    }
}

/// Every entry at its largest: the saved form must still be readable back (or the entry refused).
#[test]
fn a_log_of_long_notes_never_saves_what_it_cannot_read_back() {
    let mut r = open("power_or_equipment_failure", &t(0));
    let note = "考".repeat(2000);
    let mut refused = None;
    for i in 0..MAX_LOG {
        if let Err(e) = r.note(Act::at(t((i % 600) as u32 + 1)).by("李强", "proctor").note(note.clone()), &day_end()) {
            refused = Some(e);
            break;
        }
    }
    assert_eq!(refused.as_ref().map(|e| e.code()), Some("too_large"), "4 MiB of notes is refused before the saved form outgrows fromJSON");
    let text = r.to_json();
    match Response::from_json(plan(), &text) {
        Ok(back) => assert_eq!(back.to_json(), text),
        Err(e) => panic!("saved {} bytes that fromJSON refuses ({}); last refusal {refused:?}", text.len(), e.code()),
    }
}

/// A clock for validation: the exam day, late in the evening.
fn clock(p: &exam_incident::plan::Plan) -> exam_incident::time::FixedClock {
    exam_incident::time::FixedClock(exam_incident::time::parse_time("2026-06-13T22:00", p.timezone()).unwrap())
}
