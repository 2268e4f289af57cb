//! `bad_argument` in Chinese is Chinese: every one the core can throw (one call per way, in each
//! file that throws it natively: src/classify/input.rs, src/forms/validate.rs,
//! src/response/check.rs, src/response/input.rs) has a zh message whose only ASCII words are its
//! field, the ids and the JSON/JS literals it quotes. The binding's own are walked through the JS
//! API in tests/js/bad_argument_zh.test.mjs, with the same rule.

mod common;

use std::rc::Rc;

use common::*;
use exam_incident::classify::facts::FACT_FIELDS;
use exam_incident::classify::{classify_value, Phase, Signal};
use exam_incident::error::Param;
use exam_incident::forms::{validate_report, ValidateOptions};
use exam_incident::response::store::{self, MemoryStore};
use exam_incident::response::{Act, Init, Person, Response};
use exam_incident::Error;
use serde_json::{json, Value};

/// ASCII words a Chinese phrase may quote: literals of JSON and JS, type names of the API, the
/// fields of `ClassifyInput`, and a standard's name. No English word of prose ("a", "an", "of",
/// "or", "string", "object", "only", "field") may ever be added here.
const LITERALS: &[&str] = &["true", "false", "null", "JSON", "BigInt", "Facts", "FormId", "ResponseInit", "RFC", "text", "facts"];

/// The ids a phrase may list: the fields of `Facts`, signals and phases (the API's), and the
/// plan's anchors, kinds and roles.
fn plan_ids() -> Vec<String> {
    let doc: Value = serde_json::from_str(&exam_incident::plan::default_plan_json()).unwrap();
    let mut ids: Vec<String> = FACT_FIELDS.iter().map(|s| s.to_string()).collect();
    ids.extend(Signal::ALL.iter().map(|s| s.as_str().to_string()));
    ids.extend(Phase::ALL.iter().map(|s| s.as_str().to_string()));
    for section in ["anchors", "kinds", "roles"] {
        for item in doc[section].as_array().into_iter().flatten() {
            ids.extend(item["id"].as_str().map(str::to_string));
        }
    }
    ids
}

/// The words of `s` outside `{…}` (a JS object literal, quoted whole) that are made of ASCII
/// letters (with digits, `_`, `.`): what a reader of Chinese would have to read as English.
fn ascii_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut word) = (0usize, String::new());
    for c in s.chars().chain([' ']) {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && (c.is_ascii_alphanumeric() || c == '_' || (c == '.' && !word.is_empty())) {
            word.push(c);
            continue;
        }
        let w = word.trim_end_matches('.').to_string();
        if w.bytes().any(|b| b.is_ascii_alphabetic()) {
            out.push(w);
        }
        word.clear();
    }
    out
}

fn param(e: &Error, name: &str) -> Option<String> {
    e.params().into_iter().find(|(k, _)| *k == name).and_then(|(_, v)| match v {
        Param::Text(t) => Some(t),
        _ => None,
    })
}

/// Checks one error: a `bad_argument` whose zh message is `参数 <field> 有误：应为<phrase>`, the
/// phrase `expected_zh`, and no English word in it but the ids and literals allowed.
fn check(e: &Error, ids: &[String]) -> Result<(), String> {
    if e.code() != "bad_argument" {
        return Err(format!("not a bad_argument: {e}"));
    }
    let zh = e.message().zh;
    let field = param(e, "field").ok_or("no field")?;
    let expected_zh = param(e, "expected_zh").ok_or("no expected_zh")?;
    let expected = param(e, "expected").ok_or("no expected")?;
    let head = format!("参数 {field} 有误：应为");
    let phrase = zh.strip_prefix(&head).ok_or_else(|| format!("{zh:?} does not start with {head:?}"))?;
    if phrase.trim_start() != expected_zh {
        return Err(format!("{zh:?}: the phrase is not params.expected_zh {expected_zh:?}"));
    }
    if !e.message().en.contains(&expected) {
        return Err(format!("{:?} does not hold params.expected {expected:?}", e.message().en));
    }
    let english: Vec<String> = ascii_words(phrase).into_iter().filter(|w| !LITERALS.contains(&w.as_str()) && !ids.contains(w)).collect();
    if english.is_empty() {
        Ok(())
    } else {
        Err(format!("{zh:?} has English words {english:?}"))
    }
}

/// The check is one that fails: on the message this replaced, on English around a literal, on
/// a phrase missing from params, on an English word hiding among ids.
#[test]
fn the_check_refuses_english() {
    let ids = plan_ids();
    let old = |field: &str, en: &str| Error::bad_argument(field, en, en);
    assert!(check(&old("text", "a string"), &ids).is_err());
    assert!(check(&old("input", "an object { text?, facts? }"), &ids).is_err());
    assert!(check(&old("init", "a ResponseInit object"), &ids).is_err());
    assert!(check(&Error::bad_argument("facts.phase", "transport、storage 或 other", "x"), &ids).is_err());
    assert!(check(&Error::bad_argument("x", "字符串（a string）", "a string"), &ids).is_err());
    assert!(check(&Error::bad_argument("text", "字符串", "a string"), &ids).is_ok());
    assert!(check(&Error::bad_argument("input", "{ text?, facts? } 形式的对象", "an object"), &ids).is_ok());
    assert!(check(&Error::too_large("text", 5), &ids).is_err());
}

fn classify_err(input: Value) -> Error {
    classify_value(&plan(), &input).expect_err("an error")
}

#[test]
fn every_bad_argument_of_classify_is_chinese_in_chinese() {
    let ids = plan_ids();
    let mut inputs =
        vec![json!("停电"), json!({ "txt": "停电" }), json!({ "text": 5 }), json!({ "facts": [1] }), json!({ "facts": { "bogus": 1 } })];
    for facts in [
        json!({ "phase": "later" }),
        json!({ "phase": 5 }),
        json!({ "signals": "cheating" }),
        json!({ "signals": ["cheating", "aliens"] }),
        json!({ "rooms_affected": -1 }),
        json!({ "candidates_affected": "many" }),
        json!({ "outage_minutes": -5 }),
        json!({ "outage_minutes": "long" }),
        json!({ "candidates_fraction": 3 }),
        json!({ "restored": "yes" }),
        json!({ "regional": 1 }),
        json!({ "candidates_large": "no" }),
        json!({ "rooms": "301" }),
    ] {
        inputs.push(json!({ "facts": facts }));
    }
    let mut fields = Vec::new();
    for input in inputs {
        let e = classify_err(input.clone());
        check(&e, &ids).unwrap_or_else(|m| panic!("{input}: {m}"));
        fields.push(param(&e, "field").unwrap());
    }
    // Each way in was reached (the field names it), not one error sixteen times.
    fields.sort();
    fields.dedup();
    assert!(fields.len() >= 15, "{fields:?}");
}

#[test]
fn a_form_that_is_no_object_is_said_in_chinese() {
    let clock = day_end();
    for data in [json!([]), json!("表"), json!(5)] {
        let e = validate_report(&plan(), "initial_report", &data, &ValidateOptions::default(), &clock).unwrap_err();
        check(&e, &plan_ids()).unwrap();
    }
}

#[test]
fn every_bad_argument_of_a_response_is_chinese_in_chinese() {
    let ids = plan_ids();
    let p: Rc<_> = plan();
    let clock = day_end();
    let init = |people: Vec<Person>, id: Option<&str>| Init {
        kind: "power_or_equipment_failure".into(),
        discovered_at: t(30),
        people,
        id: id.map(str::to_string),
        ..Init::default()
    };
    let mut errors = vec![
        // src/response/input.rs: a person without a name, a role the plan lacks, a malformed id.
        Response::open(p.clone(), init(vec![Person::new(" ", "proctor")], None), &clock).unwrap_err(),
        Response::open(p.clone(), init(vec![Person::new("王敏", "janitor")], None), &clock).unwrap_err(),
        Response::open(p.clone(), init(Vec::new(), Some("a/b")), &clock).unwrap_err(),
        store::load(&MemoryStore::new(), p.clone(), "../etc").unwrap_err(),
    ];
    let mut r = open("power_or_equipment_failure", &t(30));
    errors.extend([
        r.complete("initial_report", Act::at(t(31)).approved_by("", "site_leader"), &clock).unwrap_err(),
        r.complete("initial_report", Act::at(t(31)).by("李强", "janitor"), &clock).unwrap_err(),
        // src/response/check.rs: a note without text, an anchor the plan lacks, the same kind.
        r.note(Act::at(t(31)), &clock).unwrap_err(),
        r.note(Act::at(t(31)).note("  "), &clock).unwrap_err(),
        r.set_anchor("lunch", Act::at(t(31)), &clock).unwrap_err(),
        r.reclassify("power_or_equipment_failure", Act::at(t(31)), &clock).unwrap_err(),
    ]);
    let fields: Vec<String> = errors.iter().map(|e| param(e, "field").unwrap_or_default()).collect();
    for e in &errors {
        check(e, &ids).unwrap_or_else(|m| panic!("{m}"));
    }
    for want in ["people[0].name", "people[0].role", "id", "approvedBy.name", "by.role", "note", "anchor", "kind"] {
        assert!(fields.iter().any(|f| f == want), "{want} not reached: {fields:?}");
    }
    // The anchor's phrase lists the plan's anchor ids, in Chinese with Chinese commas.
    let anchor = errors.iter().find(|e| param(e, "field").as_deref() == Some("anchor")).unwrap();
    assert!(anchor.message().zh.contains("outage_started"), "{}", anchor.message().zh);
}

/// `params.expected` is still the English phrase a portal may read; `expected_zh` is new.
#[test]
fn params_keep_the_english_phrase_and_add_the_chinese_one() {
    let e = classify_err(json!({ "text": 5 }));
    assert_eq!(param(&e, "field").as_deref(), Some("text"));
    assert_eq!(param(&e, "expected").as_deref(), Some("a string"));
    assert_eq!(param(&e, "expected_zh").as_deref(), Some("字符串"));
    assert_eq!(e.message().zh, "参数 text 有误：应为字符串");
    assert_eq!(e.message().en, "bad argument text: expected a string");
}
