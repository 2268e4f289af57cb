//! docs/plan.md describes the plan that is embedded: it names every kind and role, lists every
//! addition (`site_default` / `inferred` item), and has a row for every clause the plan cites.

use std::collections::BTreeSet;

use exam_incident::plan::{default_plan, Basis};

fn doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan.md")).unwrap()
}

#[test]
fn names_every_kind_and_role() {
    let plan = default_plan().unwrap();
    let md = doc();
    for k in &plan.doc().kinds {
        assert!(md.contains(&format!("| `{}` |", k.id)), "kind {} is not in the kinds table", k.id);
    }
    for r in &plan.doc().roles {
        assert!(md.contains(&format!("| `{}` |", r.id)), "role {} is not in the roles table", r.id);
    }
}

#[test]
fn lists_every_addition() {
    let plan = default_plan().unwrap();
    let additions = plan.doc().plan_additions();
    assert!(!additions.is_empty());
    let md = doc_section(&doc(), "## Additions");
    for a in additions {
        assert!(md.contains(&a), "docs/plan.md's additions lack {a}");
    }
}

#[test]
fn has_a_row_for_every_cited_clause() {
    let plan = default_plan().unwrap();
    let value: serde_json::Value = serde_json::to_value(plan.doc()).unwrap();
    let mut cited = BTreeSet::new();
    collect(&value, &mut cited);
    let md = doc_section(&doc(), "## Clause");
    for c in cited {
        assert!(md.contains(&format!("\n| {c} |")), "no row for clause {c}");
    }
}

/// The text of the section that starts with `heading`, up to the next `## `.
fn doc_section(md: &str, heading: &str) -> String {
    let start = md.find(heading).unwrap_or_else(|| panic!("no section {heading}"));
    let rest = &md[start + heading.len()..];
    rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
}

fn collect(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                if k == "clause" {
                    if let Some(s) = v.as_str() {
                        out.extend(s.split(", ").map(str::to_string));
                    }
                } else if k != "classifier" && k != "forms" {
                    collect(v, out);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// Every item whose basis is not the seed, named as docs/plan.md's additions table names it.
trait Additions {
    fn plan_additions(&self) -> Vec<String>;
}

impl Additions for exam_incident::plan::PlanDocument {
    fn plan_additions(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (id, t) in &self.thresholds {
            if t.basis != Basis::Seed {
                out.push(format!("threshold `{id}`"));
            }
        }
        let groups = self.step_groups.iter().map(|g| (&g.id, &g.steps));
        for (owner, steps) in groups.chain(self.kinds.iter().map(|k| (&k.id, &k.steps))) {
            for s in steps {
                if s.basis != Basis::Seed {
                    out.push(format!("step `{owner}.{}`", s.id));
                }
                for o in &s.options {
                    if o.basis.is_some_and(|b| b != Basis::Seed) {
                        out.push(format!("option `{owner}.{}`/`{}`", s.id, o.id));
                    }
                }
            }
        }
        for r in &self.readiness {
            if r.basis != Basis::Seed {
                out.push(format!("readiness `{}`", r.id));
            }
        }
        for r in &self.standing {
            if r.basis != Basis::Seed {
                out.push(format!("standing `{}`", r.id));
            }
        }
        out
    }
}
