//! The decision table at work: every rule of the plan is tested against the facts with
//! three-valued logic (a test on an unknown fact holds *possibly*, unless the rule says to pass
//! or fail it), and the kinds proposed are ranked: severity first — under doubt the major reading
//! leads, and of concurrent events the graver comes first — then certainty, then priority.

use super::facts::{Bound, FactKey, Num};
use super::known::Known;
use super::spec::{ClassifierSpec, Cond, IfUnknown, NumRef, Rule};
use crate::plan::{Plan, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tri {
    False,
    Unknown,
    True,
}

fn tri(b: bool) -> Tri {
    if b {
        Tri::True
    } else {
        Tri::False
    }
}

/// A kind proposed by one or more rules.
#[derive(Clone, Debug)]
pub struct Proposal {
    /// Index into the plan's kinds.
    pub kind: usize,
    pub severity: Severity,
    /// Some rule holds for certain (not only possibly).
    pub certain: bool,
    pub priority: u32,
    /// Indexes of the rules that hold (certainly or possibly), with how.
    pub rules: Vec<(usize, Tri)>,
}

/// All kinds the facts point to, best first.
pub fn propose(plan: &Plan, spec: &ClassifierSpec, known: &Known) -> Vec<Proposal> {
    let mut out = collect(plan, spec, known, false);
    if out.is_empty() {
        out = collect(plan, spec, known, true);
    }
    out.sort_by(|a, b| {
        b.severity.cmp(&a.severity).then(b.certain.cmp(&a.certain)).then(b.priority.cmp(&a.priority)).then(a.kind.cmp(&b.kind))
    });
    out
}

/// The best kind and its severity, if any.
pub fn top(plan: &Plan, spec: &ClassifierSpec, known: &Known) -> Option<(usize, Severity)> {
    propose(plan, spec, known).first().map(|p| (p.kind, p.severity))
}

fn collect(plan: &Plan, spec: &ClassifierSpec, known: &Known, fallback: bool) -> Vec<Proposal> {
    let kinds = &plan.doc().kinds;
    let mut out: Vec<Proposal> = Vec::new();
    for (ri, rule) in spec.rules.iter().enumerate().filter(|(_, r)| r.fallback == fallback) {
        let t = eval_rule(rule, known, plan, spec);
        if t == Tri::False {
            continue;
        }
        let Some(ki) = kinds.iter().position(|k| k.id == rule.kind) else { continue };
        let severity = rule.severity.unwrap_or(kinds.get(ki).map_or(Severity::Major, |k| k.severity)).max(
            kinds.get(ki).map_or(Severity::General, |k| k.severity),
        );
        let certain = t == Tri::True;
        match out.iter_mut().find(|p| p.kind == ki) {
            Some(p) => {
                p.severity = p.severity.max(severity);
                if certain && !p.certain {
                    p.priority = rule.priority;
                } else if certain == p.certain {
                    p.priority = p.priority.max(rule.priority);
                }
                p.certain |= certain;
                p.rules.push((ri, t));
            }
            None => out.push(Proposal { kind: ki, severity, certain, priority: rule.priority, rules: vec![(ri, t)] }),
        }
    }
    out
}

pub fn eval_rule(rule: &Rule, known: &Known, plan: &Plan, spec: &ClassifierSpec) -> Tri {
    rule.when.iter().map(|c| eval(c, known, plan, spec)).min().unwrap_or(Tri::False)
}

fn eval(c: &Cond, k: &Known, plan: &Plan, spec: &ClassifierSpec) -> Tri {
    if let Some(list) = &c.signals_any {
        return tri(list.iter().any(|s| k.has(*s)));
    }
    if let Some(list) = &c.cues_any {
        let names = &spec.index().cue_names;
        return tri(list.iter().any(|n| names.iter().position(|m| m == n).is_some_and(|i| k.cues & (1u64 << (i % 64)) != 0)));
    }
    if let Some(list) = &c.any {
        return list.iter().map(|c| eval(c, k, plan, spec)).max().unwrap_or(Tri::False);
    }
    let Some(f) = c.fact else { return Tri::False };
    let value = |r: &NumRef| match r {
        NumRef::Value(v) => *v,
        NumRef::Threshold(name) => plan.threshold(name).unwrap_or(f64::NAN),
    };
    let result = if let Some(phases) = &c.in_phases {
        k.phase.map(|p| tri(phases.contains(&p)))
    } else if let Some(want) = c.is {
        k.flag(f).map(|b| tri(b == want))
    } else if let Some(n) = k.num(f) {
        let (min, max, above) = (c.min.as_ref().map(value), c.max.as_ref().map(value), c.above.as_ref().map(value));
        Some(compare(n, min, max, above))
    } else if f == FactKey::Phase || f.is_number() || f.is_bool() {
        None
    } else {
        Some(Tri::False)
    };
    result.unwrap_or(match c.if_unknown {
        IfUnknown::Doubt => Tri::Unknown,
        IfUnknown::Pass => Tri::True,
        IfUnknown::Fail => Tri::False,
    })
}

/// `n` against `min` (≥), `max` (≤) and `above` (>), minding how exact `n` is.
fn compare(n: Num, min: Option<f64>, max: Option<f64>, above: Option<f64>) -> Tri {
    let v = n.value;
    let ge = |x: f64| match n.bound {
        Bound::Exact => tri(v >= x),
        Bound::AtLeast | Bound::MoreThan if v >= x => Tri::True,
        Bound::AtMost if v < x => Tri::False,
        _ => Tri::Unknown,
    };
    let gt = |x: f64| match n.bound {
        Bound::Exact => tri(v > x),
        Bound::AtLeast if v > x => Tri::True,
        Bound::MoreThan if v >= x => Tri::True,
        Bound::AtMost if v <= x => Tri::False,
        _ => Tri::Unknown,
    };
    let le = |x: f64| match gt(x) {
        Tri::True => Tri::False,
        Tri::False => Tri::True,
        Tri::Unknown => Tri::Unknown,
    };
    [min.map(ge), max.map(le), above.map(gt)].into_iter().flatten().min().unwrap_or(Tri::False)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_thirty_includes_thirty() {
        assert_eq!(compare(Num::exact(30.0), None, Some(30.0), None), Tri::True);
        assert_eq!(compare(Num::exact(31.0), None, Some(30.0), None), Tri::False);
        assert_eq!(compare(Num { value: 30.0, bound: Bound::AtMost }, None, Some(30.0), None), Tri::True);
        assert_eq!(compare(Num { value: 30.0, bound: Bound::MoreThan }, None, None, Some(30.0)), Tri::True);
        assert_eq!(compare(Num { value: 20.0, bound: Bound::AtLeast }, None, None, Some(30.0)), Tri::Unknown);
        assert_eq!(compare(Num { value: 2.0, bound: Bound::AtLeast }, Some(2.0), None, None), Tri::True);
    }
}
