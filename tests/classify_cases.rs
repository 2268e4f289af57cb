//! The classifier against `tests/data/classify_cases.json`: each case's kind, severity and (where
//! given) questions; plus properties every case must have.

use exam_incident::classify::{classify_value, Classification};
use exam_incident::plan::{default_plan, Plan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: Option<String>,
    facts: Option<serde_json::Value>,
    kind: Option<String>,
    severity: Option<String>,
    questions: Option<Vec<String>>,
    note: Option<String>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/classify_cases.json")).expect("cases parse")
}

fn run(plan: &Plan, c: &Case) -> Classification {
    let mut input = serde_json::Map::new();
    if let Some(t) = &c.text {
        input.insert("text".into(), t.clone().into());
    }
    if let Some(f) = &c.facts {
        input.insert("facts".into(), f.clone());
    }
    classify_value(plan, &serde_json::Value::Object(input)).expect("classify")
}

#[test]
fn every_case_classifies_as_expected() {
    let plan = default_plan().unwrap();
    let cases = cases();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let got = run(&plan, c);
        let sev = got.severity.map(|s| s.as_str().to_string());
        let qs: Vec<String> = got.questions.iter().map(|q| q.id.clone()).collect();
        let mut wrong = got.kind != c.kind || sev != c.severity;
        if let Some(want) = &c.questions {
            wrong |= &qs != want;
        }
        if wrong {
            failures.push(format!(
                "{:?} {:?}: want {:?}/{:?} q{:?}, got {:?}/{:?} q{:?} ({})",
                c.text.as_deref().unwrap_or(""),
                c.facts,
                c.kind,
                c.severity,
                c.questions,
                got.kind,
                sev,
                qs,
                c.note.as_deref().unwrap_or("")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn severity_is_never_below_the_plan() {
    let plan = default_plan().unwrap();
    for c in &cases() {
        let got = run(&plan, c);
        for cand in &got.candidates {
            let k = plan.kind(&cand.kind).expect("known kind");
            assert!(cand.severity >= k.severity, "{:?}: {} {:?}", c.text, cand.kind, cand.severity);
        }
        if let (Some(kind), Some(sev)) = (&got.kind, got.severity) {
            assert!(sev >= plan.kind(kind).unwrap().severity, "{:?}", c.text);
        }
    }
}

#[test]
fn each_kind_has_six_phrasings_and_every_boundary_both_sides() {
    let cases = cases();
    let plan = default_plan().unwrap();
    for k in &plan.doc().kinds {
        let n = cases.iter().filter(|c| c.kind.as_deref() == Some(&k.id) && c.text.is_some()).count();
        assert!(n >= 6, "{}: {n} phrasings", k.id);
    }
    assert!(cases.iter().filter(|c| c.kind.is_none()).count() >= 20);
}

#[test]
fn evidence_offsets_are_utf16_and_point_at_the_words() {
    let plan = default_plan().unwrap();
    for c in cases().iter().filter(|c| c.text.is_some()) {
        let text = c.text.as_deref().unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let got = run(&plan, c);
        for e in got.candidates.iter().flat_map(|c| &c.evidence) {
            if let (Some(s), Some(end)) = (e.start, e.end) {
                let slice = String::from_utf16(&utf16[s as usize..end as usize]).unwrap();
                assert_eq!(slice, e.matched, "{text}");
            }
        }
        for n in &got.negated {
            assert_eq!(String::from_utf16(&utf16[n.start as usize..n.end as usize]).unwrap(), n.matched);
        }
    }
}
