//! Bodies of the fuzz targets, shared by the cargo-fuzz targets in `fuzz/` (nightly, libFuzzer)
//! and the stable replay test `tests/fuzz_replay.rs` (seed corpus plus deterministic mutations).
//! Not part of the API: compiled natively only, never into the wasm.
//!
//! Each target takes arbitrary bytes and drives one entry point of the core. A target passes when
//! the call returns: `Ok` with a result that holds its invariants, or an [`Error`] with a
//! snake_case code and a bounded bilingual message. Any panic is a finding.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Map, Value};

use crate::classify::classify_value;
use crate::error::Error;
use crate::forms::{validate_report, ValidateOptions, FORM_IDS};
use crate::plan::{default_plan, default_plan_json, Plan};
use crate::response::{entry_hash, Act, Init, LogEntry, Person, Response, Status, GENESIS};
use crate::time::{parse_time, FixedClock};

/// A target: arbitrary bytes in, a panic on a finding.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/` call them.
pub const TARGETS: &[(&str, Target)] = &[
    ("plan_load", plan_load),
    ("classify_text", classify_text),
    ("validate_form", validate_form),
    ("response_from_json", response_from_json),
    ("response_mutate", response_mutate),
];

/// The longest message an error may carry: errors echo at most a clipped piece of the input.
const MAX_MESSAGE_CHARS: usize = 4096;

/// A fixed `now` for everything that asks for one.
const NOW: &str = "2026-06-13T10:30:00+08:00";

thread_local! {
    static PLAN: Rc<Plan> = Rc::new(default_plan().expect("the embedded plan loads"));
    static SAMPLES: RefCell<Option<Rc<Vec<String>>>> = const { RefCell::new(None) };
    static WORDS: RefCell<Option<Rc<Vec<String>>>> = const { RefCell::new(None) };
}

/// The embedded default plan, loaded once per thread.
pub fn plan() -> Rc<Plan> {
    PLAN.with(Rc::clone)
}

/// Asserts what every error must be: a stable code and a bounded, non-empty message.
pub fn check_error(e: &Error) {
    let code = e.code();
    assert!(!code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "bad error code {code:?}");
    let m = e.message();
    assert!(!m.zh.is_empty() && !m.en.is_empty(), "empty message for {code}");
    let (zh, en) = (m.zh.chars().count(), m.en.chars().count());
    assert!(zh <= MAX_MESSAGE_CHARS && en <= MAX_MESSAGE_CHARS, "{code}: message of {zh}/{en} chars");
    for p in e.problems() {
        assert!(!p.code.is_empty());
    }
}

fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Arbitrary bytes as a plan document: `Plan::from_json`; a plan that loads must then answer
/// `planInfo`, `guide` for every kind, a classification and a schema of every form.
pub fn plan_load(data: &[u8]) {
    let text = text_of(data);
    match Plan::from_json(&text) {
        Err(e) => {
            check_error(&e);
            assert_eq!(e.code(), "plan_invalid", "{e}");
            assert!(!e.problems().is_empty(), "plan_invalid without problems");
        }
        Ok(p) => exercise_plan(&p),
    }
}

fn exercise_plan(p: &Plan) {
    let info = crate::guide::plan_info(p);
    for k in &info.kinds {
        if let Err(e) = crate::guide::guide(p, &k.id) {
            check_error(&e);
        }
    }
    for text in ["3号考场停电40分钟", "paper leaked", ""] {
        match classify_value(p, &json!({ "text": text })) {
            Ok(c) => check_classification(text, &c),
            Err(e) => check_error(&e),
        }
    }
    for form in FORM_IDS {
        if let Err(e) = crate::forms::report_schema(p, form) {
            check_error(&e);
        }
        match validate_report(p, form, &json!({}), &ValidateOptions::default(), &clock(p)) {
            Ok(r) => check_report(&r),
            Err(e) => check_error(&e),
        }
    }
}

/// Bytes up to the first NUL are the text (lossy UTF-8), the rest, if JSON, the facts. The
/// whole input, if JSON, is also classified as it stands.
pub fn classify_text(data: &[u8]) {
    let p = plan();
    let (text, rest) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let text = text_of(text).into_owned();
    let mut input = Map::new();
    input.insert("text".into(), Value::String(text.clone()));
    if let Some(facts) = rest.and_then(|r| serde_json::from_slice::<Value>(r).ok()) {
        input.insert("facts".into(), facts);
    }
    match classify_value(&p, &Value::Object(input)) {
        Ok(c) => check_classification(&text, &c),
        Err(e) => check_error(&e),
    }
    if let Ok(v) = serde_json::from_slice::<Value>(data) {
        let text = v.get("text").and_then(Value::as_str).unwrap_or("").to_string();
        match classify_value(&p, &v) {
            Ok(c) => check_classification(&text, &c),
            Err(e) => check_error(&e),
        }
    }
}

fn check_classification(text: &str, c: &crate::classify::Classification) {
    let units = text.encode_utf16().count();
    assert_eq!(c.kind.is_some(), c.severity.is_some(), "kind and severity come together");
    if c.kind.is_some() {
        assert_eq!(c.candidates.first().map(|x| &x.kind), c.kind.as_ref(), "the best candidate is the kind");
    }
    for cand in &c.candidates {
        assert!(cand.score.is_finite(), "score {}", cand.score);
        for ev in &cand.evidence {
            if let (Some(s), Some(e)) = (ev.start, ev.end) {
                assert!(s <= e && (e as usize) <= units, "evidence {s}..{e} outside a text of {units} units");
            }
        }
    }
    for s in &c.negated {
        assert!(s.start <= s.end && (s.end as usize) <= units, "negated {}..{} of {units}", s.start, s.end);
    }
    serde_json::to_string(c).expect("a classification serialises");
}

/// The clock of the targets: always [`NOW`].
fn clock(p: &Plan) -> crate::time::FixedClock {
    crate::time::FixedClock(crate::time::parse_time(NOW, p.timezone()).expect("NOW is a time"))
}

/// The first byte picks the form (or all five) and whether `now` is given (else the clock,
/// an hour later, answers); the rest, if JSON, is the form's data.
pub fn validate_form(data: &[u8]) {
    let Some((&head, rest)) = data.split_first() else { return };
    let Ok(value) = serde_json::from_slice::<Value>(rest) else { return };
    validate_all(head, &value);
}

/// Validates `value` as the form(s) `head` picks; shared with the size tests.
pub fn validate_all(head: u8, value: &Value) {
    let p = plan();
    let opts = ValidateOptions { now: (head & 0x80 != 0).then(|| NOW.to_string()) };
    let later = crate::time::FixedClock(crate::time::add_minutes(&clock(&p).0, 60.0).expect("in range"));
    let pick = usize::from(head & 0x7f) % (FORM_IDS.len() + 1);
    let forms: &[&str] = if pick == FORM_IDS.len() { FORM_IDS } else { &FORM_IDS[pick..=pick] };
    for form in forms {
        match validate_report(&p, form, value, &opts, &later) {
            Ok(r) => check_report(&r),
            Err(e) => check_error(&e),
        }
    }
}

fn check_report(r: &crate::forms::Report) {
    assert_eq!(r.ok, r.errors.is_empty(), "ok is exactly 'no errors'");
    for f in r.errors.iter().chain(&r.warnings) {
        assert!(f.path.is_empty() || f.path.starts_with('/'), "finding path {:?}", f.path);
        assert!(!f.code.is_empty() && !f.message.en.is_empty());
    }
}

/// Arbitrary bytes as a saved response: `Response::from_json`; one that restores must round-trip
/// byte for byte and answer every read.
pub fn response_from_json(data: &[u8]) {
    let text = text_of(data);
    match Response::from_json(plan(), &text) {
        Ok(r) => exercise_response(&r),
        Err(e) => check_error(&e),
    }
}

fn exercise_response(r: &Response) {
    let saved = r.to_json();
    let again = Response::from_json(plan(), &saved).expect("what toJSON writes, fromJSON reads");
    assert_eq!(again.to_json(), saved, "fromJSON(toJSON()) round trip");
    assert!(r.verify_log());
    let _ = r.is_closed();
    match r.steps(NOW) {
        Ok(steps) => assert!(!steps.is_empty()),
        Err(e) => check_error(&e),
    }
    if let Err(e) = r.summary(NOW, 5.0) {
        check_error(&e);
    }
    if let Err(e) = r.phone_script(NOW, None) {
        check_error(&e);
    }
    for form in FORM_IDS {
        match r.draft_report(form) {
            Ok(d) => validate_all(FORM_IDS.iter().position(|f| f == form).unwrap_or(0) as u8 | 0x80, &d),
            Err(e) => check_error(&e),
        }
    }
}

/// Structured mutations of a real saved response. The first byte picks the sample; then every
/// three bytes are one edit (what, where, with what) of its JSON. The log's hash chain and head
/// are then re-sealed, so that the edits reach the replay checks instead of stopping at
/// `log_tampered`. Without re-sealing (odd first byte) the chain check itself is exercised.
pub fn response_mutate(data: &[u8]) {
    let Some((&head, ops)) = data.split_first() else { return };
    let samples = samples();
    let words = words();
    let Some(text) = samples.get(usize::from(head >> 1) % samples.len().max(1)) else { return };
    let Ok(mut v) = serde_json::from_str::<Value>(text) else { return };
    for op in ops.chunks(3) {
        let [what, at, with] = [op[0], *op.get(1).unwrap_or(&0), *op.get(2).unwrap_or(&0)];
        mutate(&mut v, what, at, with, &words);
    }
    if head & 1 == 0 {
        reseal(&mut v);
    }
    match Response::from_value(plan(), v) {
        Ok(r) => exercise_response(&r),
        Err(e) => check_error(&e),
    }
}

/// Replaces, removes or duplicates one node (the `at`-th in pre-order, counting modulo the size).
pub fn mutate(v: &mut Value, what: u8, at: u8, with: u8, words: &[String]) {
    let count = count_nodes(v);
    let target = usize::from(at) * 7 % count.max(1);
    let mut i = 0;
    visit(v, target, &mut i, &mut |node| {
        let word = || Value::String(words[usize::from(with) % words.len()].clone());
        *node = match what % 12 {
            0..=2 => word(),
            3 => Value::Null,
            4 => json!(i64::from(with) - 64),
            5 => json!(f64::from(with) * 1e300),
            6 => Value::Bool(with & 1 == 1),
            7 => json!(format!("2026-06-13T{:02}:{:02}", with % 30, with % 60)),
            8 => match node.take() {
                Value::Array(mut a) if !a.is_empty() => {
                    let k = usize::from(with) % a.len();
                    a.push(a[k].clone());
                    Value::Array(a)
                }
                Value::Array(mut a) => {
                    a.push(word());
                    Value::Array(a)
                }
                Value::Object(mut o) => {
                    o.insert(words[usize::from(with) % words.len()].clone(), word());
                    Value::Object(o)
                }
                other => other,
            },
            9 => match node.take() {
                Value::Array(mut a) if !a.is_empty() => {
                    a.remove(usize::from(with) % a.len());
                    Value::Array(a)
                }
                Value::Object(mut o) if !o.is_empty() => {
                    let k = o.keys().nth(usize::from(with) % o.len()).cloned().unwrap_or_default();
                    o.remove(&k);
                    Value::Object(o)
                }
                other => other,
            },
            10 => match node.take() {
                Value::Array(mut a) if a.len() > 1 => {
                    let k = usize::from(with) % a.len();
                    let len = a.len();
                    a.swap(k, (k + 1) % len);
                    Value::Array(a)
                }
                other => other,
            },
            _ => json!("考".repeat(usize::from(with) * 40)),
        };
    });
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn visit(v: &mut Value, target: usize, i: &mut usize, f: &mut dyn FnMut(&mut Value)) -> bool {
    if *i == target {
        f(v);
        return true;
    }
    *i += 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|c| visit(c, target, i, f)),
        Value::Object(o) => o.values_mut().any(|c| visit(c, target, i, f)),
        _ => false,
    }
}

/// Recomputes `prev`, `hash` and `head` of a saved response whose log still decodes.
pub fn reseal(v: &mut Value) {
    let Some(log) = v.get("log").cloned() else { return };
    let Ok(mut entries) = crate::json::decode::<Vec<LogEntry>>(&log) else { return };
    let mut prev = GENESIS.to_string();
    for e in &mut entries {
        e.prev = prev;
        e.hash = entry_hash(e);
        prev = e.hash.clone();
    }
    if let (Some(o), Ok(log)) = (v.as_object_mut(), serde_json::to_value(&entries)) {
        o.insert("log".into(), log);
        o.insert("head".into(), Value::String(prev));
    }
}

/// Short ids of the plan (kinds, steps, options, roles, anchors, …): what edits substitute.
pub fn words() -> Rc<Vec<String>> {
    WORDS.with(|w| {
        w.borrow_mut()
            .get_or_insert_with(|| {
                let mut out = std::collections::BTreeSet::new();
                let doc: Value = serde_json::from_str(&default_plan_json()).unwrap_or(Value::Null);
                let mut stack = vec![&doc];
                while let Some(v) = stack.pop() {
                    match v {
                        Value::String(s) if (2..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') => {
                            out.insert(s.clone());
                        }
                        Value::Array(a) => stack.extend(a),
                        Value::Object(o) => {
                            out.extend(o.keys().filter(|k| k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).cloned());
                            stack.extend(o.values());
                        }
                        _ => {}
                    }
                }
                let mut v: Vec<String> = out.into_iter().collect();
                v.extend(
                    ["", "open", "complete", "decide", "skip", "note", "reclassify", "set_anchor", "request_approval"].map(String::from),
                );
                Rc::new(v)
            })
            .clone()
    })
}

/// Real saved responses: every kind of the default plan opened and worked through, saved at
/// the start, half-way and at the end.
pub fn samples() -> Rc<Vec<String>> {
    SAMPLES.with(|s| s.borrow_mut().get_or_insert_with(|| Rc::new(make_samples(&plan()))).clone())
}

fn minutes(m: u32) -> String {
    format!("2026-06-13T{:02}:{:02}", 9 + m / 60, m % 60)
}

fn make_samples(p: &Rc<Plan>) -> Vec<String> {
    let mut out = Vec::new();
    // Every sample time is before NOW, so the clock refuses none of them.
    let Some(now) = parse_time(NOW, p.timezone()) else { return out };
    let clock = FixedClock(now);
    for (n, k) in p.doc().kinds.iter().enumerate() {
        let init = Init {
            kind: k.id.clone(),
            discovered_at: minutes(2),
            site: Some("山东职业学院实训楼考点".into()),
            room: Some("301".into()),
            people: vec![Person::new("王敏", "site_leader")],
            ..Init::default()
        };
        let Ok(mut r) = Response::open(p.clone(), init, &clock) else { continue };
        out.push(r.to_json());
        let mut m = 3;
        for round in 0..40 {
            let at = minutes(m);
            m += 2;
            let Ok(steps) = r.steps(&at) else { break };
            let Some(s) = steps.iter().find(|s| s.active && !matches!(s.status, Status::Done | Status::Skipped)) else { break };
            let mut act = Act::at(at.clone()).by(format!("{}的人", s.actor), s.actor.clone()).note("记录");
            if let Some(role) = &s.requires_approval {
                act = act.approved_by("审批人", role.clone());
            }
            let done = if let Some(opts) = &s.options {
                let o = &opts[(n + round) % opts.len()];
                r.decide(&s.id, &o.id, act, &clock).is_ok()
            } else if s.optional && round % 2 == 0 {
                r.skip(&s.id, act, &clock).is_ok()
            } else {
                r.complete(&s.id, act, &clock).is_ok()
            };
            if !done {
                break;
            }
            if round == 3 {
                let _ = r.note(Act::at(minutes(m)).note("现场秩序正常"), &clock);
                out.push(r.to_json());
            }
        }
        out.push(r.to_json());
    }
    out
}

/// Seed inputs for `target` built from the real data: the default plan, the classifier and
/// form cases in `tests/data/`, saved responses. `fuzz/corpus/<target>/` holds them as files.
pub fn seeds(target: &str, classify_cases: &str, form_cases: &str) -> Vec<Vec<u8>> {
    match target {
        "plan_load" => {
            let plan = default_plan_json();
            let mut v: Value = serde_json::from_str(&plan).unwrap_or(Value::Null);
            let mut out = vec![plan.clone().into_bytes()];
            if let Some(o) = v.as_object_mut() {
                // A small plan: the default one without most of its kinds (fuzzes faster).
                if let Some(Value::Array(k)) = o.get_mut("kinds") {
                    k.truncate(2);
                }
                out.push(serde_json::to_vec(&v).unwrap_or_default());
            }
            out
        }
        "classify_text" => {
            let cases: Value = serde_json::from_str(classify_cases).unwrap_or(Value::Null);
            let mut out = Vec::new();
            for c in cases.as_array().into_iter().flatten() {
                let mut bytes = c.get("text").and_then(Value::as_str).unwrap_or("").as_bytes().to_vec();
                if let Some(f) = c.get("facts") {
                    bytes.push(0);
                    bytes.extend(serde_json::to_vec(f).unwrap_or_default());
                }
                out.push(bytes);
            }
            out
        }
        "validate_form" => {
            let cases: Value = serde_json::from_str(form_cases).unwrap_or(Value::Null);
            let mut out = Vec::new();
            if let Some(bases) = cases.get("bases").and_then(Value::as_object) {
                for (name, base) in bases {
                    // Bases are named after their form (`initial_mass_cheating` is an initial report).
                    let first = |s: &str| s.split('_').next().unwrap_or("").to_string();
                    let form = FORM_IDS.iter().position(|f| first(f) == first(name)).unwrap_or(FORM_IDS.len());
                    let mut bytes = vec![0x80 | form as u8];
                    bytes.extend(serde_json::to_vec(base).unwrap_or_default());
                    out.push(bytes);
                }
            }
            out
        }
        "response_from_json" => samples().iter().map(|s| s.as_bytes().to_vec()).collect(),
        "response_mutate" => (0..samples().len() as u8).map(|i| vec![i << 1, 0, 0, 0]).collect(),
        _ => Vec::new(),
    }
}
