//! `classify` on bad input: errors with codes naming the field, never a panic; and the plan
//! checker on a broken classifier section: located problems.

use exam_incident::classify::{classify_value, MAX_TEXT_CHARS};
use exam_incident::plan::{default_plan, default_plan_json, Plan};
use serde_json::{json, Value};

fn err(input: Value) -> (String, String) {
    let plan = default_plan().unwrap();
    let e = classify_value(&plan, &input).expect_err("an error");
    (e.code().to_string(), e.to_string())
}

#[test]
fn text_beyond_the_limit_is_too_large() {
    let text: String = "停".repeat(MAX_TEXT_CHARS + 1);
    let (code, msg) = err(json!({ "text": text }));
    assert_eq!(code, "too_large");
    assert!(msg.contains("text"), "{msg}");
    let plan = default_plan().unwrap();
    let at_limit: String = "停".repeat(MAX_TEXT_CHARS);
    assert!(classify_value(&plan, &json!({ "text": at_limit })).is_ok());
}

#[test]
fn bad_facts_name_the_field() {
    for (facts, field) in [
        (json!({ "signals": ["cheating", "fire", "aliens"] }), "facts.signals[2]"),
        (json!({ "signals": "cheating" }), "facts.signals"),
        (json!({ "rooms_affected": "two" }), "facts.rooms_affected"),
        (json!({ "rooms_affected": -1 }), "facts.rooms_affected"),
        (json!({ "rooms_affected": 2.5 }), "facts.rooms_affected"),
        (json!({ "phase": "later" }), "facts.phase"),
        (json!({ "outage_minutes": -5 }), "facts.outage_minutes"),
        (json!({ "restored": "yes" }), "facts.restored"),
        (json!({ "candidates_fraction": 3 }), "facts.candidates_fraction"),
        (json!({ "bogus": 1 }), "facts.bogus"),
    ] {
        let (code, msg) = err(json!({ "facts": facts }));
        assert_eq!(code, "bad_argument", "{field}");
        assert!(msg.contains(&format!("{field} ")) || msg.contains(&format!("{field}：")), "{field}: {msg}");
    }
}

#[test]
fn bad_shapes_name_the_input() {
    assert_eq!(err(json!("停电")).0, "bad_argument");
    assert!(err(json!({ "text": 5 })).1.contains("text"));
    assert!(err(json!({ "facts": [1] })).1.contains("facts"));
    assert!(err(json!({ "txt": "停电" })).1.contains("input.txt"));
    let plan = default_plan().unwrap();
    assert_eq!(classify_value(&plan, &Value::Null).unwrap().kind, None);
}

#[test]
fn odd_text_never_panics() {
    let plan = default_plan().unwrap();
    let odd = [
        "号号号考场",
        "分之分之",
        "第",
        "、、、号考场",
        "1.",
        ".5小时",
        "３号、５号考场作弊",
        "一万万万万万万万万万万分钟停电",
        "9999999999999999999999999999999999999999个考场作弊",
        "停电0分钟",
        "零分之一的考生迟到",
        "百分之",
        "%%%",
        "半半半小时",
        "\u{0}\u{0}停电",
        "𠀀𠀁停电😀3号考场",
        "no no no not never",
        "没有没有没有",
        "rooms and and 3",
        "个个个考场",
        "停电\n\n\r\n",
        "三分之零的考生迟到",
        "0%的考生迟到",
        "二〇二六年停电",
        "1小时1小时1小时",
        "超过",
        "以上",
        "号",
    ];
    for t in odd {
        let r = classify_value(&plan, &json!({ "text": t }));
        assert!(r.is_ok(), "{t}");
    }
    // A pseudo-random walk over characters the classifier cares about.
    let alphabet: Vec<char> =
        "停电考场号、和3５二十半分钟小时没有未不是个名考生作弊大量一半三分之第 ,.no rooms%超过以上内已恢复预计区域😀\u{0}"
            .chars()
            .collect();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        let c = classify_value(&plan, &json!({ "text": s })).expect("no error on any text");
        let units = s.encode_utf16().count() as u32;
        for e in c.candidates.iter().flat_map(|c| &c.evidence) {
            assert!(e.start.unwrap_or(0) <= e.end.unwrap_or(0) && e.end.unwrap_or(0) <= units, "{s}");
        }
    }
}

fn broken(edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut v: Value = serde_json::from_str(&default_plan_json()).unwrap();
    edit(&mut v);
    let e = Plan::from_value(&v).expect_err("plan rejected");
    e.problems().iter().map(|p| (p.path.clone(), p.code.to_string())).collect()
}

#[test]
fn classifier_problems_are_located() {
    let p = broken(|v| v["classifier"]["rules"][3]["kind"] = json!("x"));
    assert!(p.contains(&("classifier.rules[3].kind".into(), "unknown_reference".into())), "{p:?}");
    // The late-candidates rule, found by id: its place moves as rules are added.
    let plan: Value = serde_json::from_str(&default_plan_json()).unwrap();
    let late = plan["classifier"]["rules"].as_array().unwrap().iter().position(|r| r["id"] == "candidates_late_in_numbers").unwrap();
    let p = broken(|v| v["classifier"]["rules"][late]["when"][1]["any"][0]["min"] = json!("no_such_threshold"));
    assert!(p.contains(&(format!("classifier.rules[{late}].when[1].any[0].min"), "unknown_reference".into())), "{p:?}");
    let p = broken(|v| v["classifier"]["rules"][0]["when"][0]["signals_any"][0] = json!("aliens"));
    assert!(p.iter().any(|(path, code)| path.starts_with("classifier.rules[0].when[0].signals_any") && code == "shape"), "{p:?}");
    let p = broken(|v| {
        v["classifier"]["lexicon"].as_object_mut().unwrap().remove("paper_taken_away");
    });
    assert!(p.contains(&("classifier.lexicon.paper_taken_away".into(), "missing".into())), "{p:?}");
    let p = broken(|v| v["classifier"]["rules"][0]["severity"] = json!("general"));
    assert!(p.contains(&("classifier.rules[0].severity".into(), "shape".into())), "{p:?}");
    let p = broken(|v| v["classifier"]["questions"][0]["probe"][0] = json!("nope"));
    assert!(p.contains(&("classifier.questions[0].probe[0]".into(), "unknown_reference".into())), "{p:?}");
    let p = broken(|v| v["classifier"]["rules"][0]["when"][0]["fact"] = json!("phase"));
    assert!(p.contains(&("classifier.rules[0].when[0]".into(), "shape".into())), "{p:?}");
    let p = broken(|v| v["classifier"]["rules"][0]["rules_out"] = json!(["paper_leak", "leakage"]));
    assert!(p.contains(&("classifier.rules[0].rules_out[1]".into(), "unknown_reference".into())), "{p:?}");
    let own = plan["classifier"]["rules"][0]["kind"].clone();
    let p = broken(|v| v["classifier"]["rules"][0]["rules_out"] = json!([own]));
    assert!(p.contains(&("classifier.rules[0].rules_out[0]".into(), "shape".into())), "{p:?}");
}

/// The clause ids of `plans/README.md`, with its ranges (`一般(1)`…`一般(6)`) spelt out.
fn clause_ids() -> Vec<String> {
    let readme = include_str!("../plans/README.md");
    let mut ids = Vec::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cell = line.split(" | ").next().unwrap_or("").trim_start_matches("| ");
        let names: Vec<&str> = cell.split('`').skip(1).step_by(2).collect();
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>().parse::<u32>().ok();
        if let (true, [a, b]) = (cell.contains('…'), names.as_slice()) {
            let stem = a.trim_end_matches(|c: char| c.is_ascii_digit() || c == ')');
            let close = if a.ends_with(')') { ")" } else { "" };
            for n in digits(a).unwrap_or(1)..=digits(b).unwrap_or(0) {
                ids.push(format!("{stem}{n}{close}"));
            }
            ids.extend([a.to_string(), b.to_string()]);
        } else {
            ids.extend(names.iter().map(|n| n.to_string()));
        }
    }
    ids
}

#[test]
fn every_rule_and_question_cites_a_clause_of_the_seed() {
    let plan = default_plan().unwrap();
    let ids = clause_ids();
    let c = &plan.doc().classifier;
    let cited = c.rules.iter().map(|r| (&r.id, &r.clause)).chain(c.questions.iter().map(|q| (&q.id, &q.clause)));
    for (id, clauses) in cited {
        for clause in clauses.split(", ") {
            assert!(ids.iter().any(|k| k == clause), "{id}: {clause}");
        }
    }
}
