//! Every clause of the seed's handling, reporting, aftermath and assurance sections is cited by
//! at least one plan item (plans/README.md explains the ids).

use std::collections::BTreeSet;

use exam_incident::plan::default_plan_json;
use serde_json::Value;

const SEED_CLAUSES: &[&str] = &[
    "组织领导1",
    "组织领导2",
    "主要职责(1)",
    "主要职责(2)",
    "主要职责(3)",
    "主要职责(4)",
    "具体职责(1)",
    "具体职责(2)",
    "具体职责(3)",
    "具体职责(4)",
    "具体职责(5)",
    "应急处理原则",
    "报告形式",
    "报告内容",
    "初次报告",
    "阶段性报告",
    "保密要求",
    "事件确认1",
    "重大(1)",
    "重大(2)",
    "重大(3)",
    "重大(4)",
    "重大(5)",
    "重大(6)",
    "重大(7)",
    "重大(8)",
    "一般(1)",
    "一般(2)",
    "一般(3)",
    "一般(4)",
    "一般(5)",
    "一般(6)",
    "重大处理总则",
    "处理1",
    "处理1¶2",
    "处理1¶3",
    "处理2",
    "处理3",
    "处理3¶2",
    "处理4",
    "处理5",
    "处理6",
    "处理7",
    "处理7¶2",
    "处理8",
    "一般处理总则",
    "一般处理1",
    "一般处理2",
    "一般处理3",
    "一般处理4",
    "一般处理5",
    "一般处理6",
    "处理程序1",
    "处理程序2",
    "处理程序3",
    "善后(一)",
    "善后(二)",
    "善后(三)",
    "善后(四)",
    "善后(五)",
    "保障(一)",
    "保障(二)",
    "保障(二)¶2",
    "保障(三)",
    "保障(三)¶2",
    "附则(一)",
    "附则(二)",
    "附则(三)",
];

fn collect(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if k == "clause" {
                    if let Some(s) = v.as_str() {
                        out.extend(s.split(", ").map(|c| c.trim().to_string()));
                    }
                } else {
                    collect(v, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

#[test]
fn every_seed_clause_is_cited() {
    let doc: Value = serde_json::from_str(&default_plan_json()).unwrap();
    let mut cited = BTreeSet::new();
    collect(&doc, &mut cited);
    let missing: Vec<&&str> = SEED_CLAUSES.iter().filter(|c| !cited.contains(**c)).collect();
    assert!(missing.is_empty(), "clauses cited by no plan item: {missing:?}");
}

#[test]
fn every_citation_names_a_seed_clause() {
    let doc: Value = serde_json::from_str(&default_plan_json()).unwrap();
    let mut cited = BTreeSet::new();
    collect(&doc, &mut cited);
    let unknown: Vec<&String> = cited.iter().filter(|c| !SEED_CLAUSES.contains(&c.as_str())).collect();
    assert!(unknown.is_empty(), "citations of no seed clause: {unknown:?}");
}
