//! The decision table at work: every rule of the plan is tested against the facts with
//! three-valued logic (a test on an unknown fact holds *possibly*, unless the rule says to pass
//! or fail it), and the kinds proposed are ranked: severity first — under doubt the major reading
//! leads, and of concurrent events the graver comes first — then certainty, then priority.

use super::facts::{Bound, FactKey, Num, Phase};
use super::known::Known;
use super::spec::{Cond, IfUnknown, NumRef};
use crate::plan::{PlanDocument, Severity};

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

/// The decision table compiled once per plan: kinds, thresholds and cue names resolved to
/// indexes, numbers and bit masks. The questions test the table a dozen times per call, and
/// looking names up by string each time cost more than all the rest of a short text.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Parallel to the plan's rules.
    rules: Vec<Compiled>,
    /// The rules of each kind that has any, in plan order: `[ordinary, fallback]`.
    groups: [Vec<(usize, Vec<usize>)>; 2],
    /// Parallel to the plan's escalations: the kinds they apply to, and their condition lists.
    escalations: Vec<(Vec<usize>, Vec<Vec<Test>>)>,
    /// The rules that rule kinds out, and those kinds (few rules have any).
    ruling_out: Vec<(usize, Vec<usize>)>,
}

#[derive(Clone, Debug)]
struct Compiled {
    /// Index into the plan's kinds; `None` when the kind is not in the plan.
    kind: Option<usize>,
    /// The kind's severity, raised by the rule's own.
    severity: Severity,
    priority: u32,
    fallback: bool,
    uncertain: bool,
    when: Vec<Test>,
}

/// One condition, compiled.
#[derive(Clone, Debug)]
enum Test {
    Signals(u64),
    Cues(u64),
    Any(Vec<Test>),
    Phase { phases: Vec<Phase>, unknown: Tri },
    Flag { fact: FactKey, want: bool, unknown: Tri },
    Num { fact: FactKey, min: Option<f64>, max: Option<f64>, above: Option<f64>, unknown: Tri },
    Never,
}

impl Table {
    pub fn build(doc: &PlanDocument) -> Table {
        let spec = &doc.classifier;
        let cue_names: Vec<&String> = spec.cues.keys().collect();
        let value = |r: &NumRef| match r {
            NumRef::Value(v) => *v,
            NumRef::Threshold(name) => doc.thresholds.get(name).map_or(f64::NAN, |t| t.value),
        };
        let rules: Vec<Compiled> = spec
            .rules
            .iter()
            .map(|rule| {
                let kind = doc.kinds.iter().position(|k| k.id == rule.kind);
                let own = kind.and_then(|k| doc.kinds.get(k)).map(|k| k.severity);
                let severity = rule.severity.unwrap_or(own.unwrap_or(Severity::Major)).max(own.unwrap_or(Severity::General));
                let when = rule.when.iter().map(|c| compile(c, &cue_names, &value)).collect();
                Compiled { kind, severity, priority: rule.priority, fallback: rule.fallback, uncertain: rule.uncertain, when }
            })
            .collect();
        let ruling_out = spec
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.rules_out.is_empty())
            .map(|(ri, r)| (ri, r.rules_out.iter().filter_map(|k| doc.kinds.iter().position(|d| d.id == *k)).collect()))
            .collect();
        let mut groups: [Vec<(usize, Vec<usize>)>; 2] = Default::default();
        for (ri, r) in rules.iter().enumerate() {
            let (Some(kind), Some(pass)) = (r.kind, groups.get_mut(usize::from(r.fallback))) else { continue };
            match pass.iter_mut().find(|g| g.0 == kind) {
                Some(g) => g.1.push(ri),
                None => pass.push((kind, vec![ri])),
            }
        }
        let escalations = spec
            .escalations
            .iter()
            .map(|e| {
                let kinds = e.kinds.iter().filter_map(|k| doc.kinds.iter().position(|d| d.id == *k)).collect();
                let lists = e.when_any.iter().map(|l| l.iter().map(|c| compile(c, &cue_names, &value)).collect()).collect();
                (kinds, lists)
            })
            .collect();
        Table { rules, groups, escalations, ruling_out }
    }

    /// The first escalation of the plan that holds for certain for `kind` (index into the plan's
    /// escalations).
    pub fn escalate(&self, known: &Known, kind: usize) -> Option<usize> {
        self.escalations
            .iter()
            .position(|(kinds, lists)| kinds.contains(&kind) && lists.iter().any(|l| l.iter().all(|t| t.eval(known) == Tri::True)))
    }

    /// All kinds the facts point to, best first.
    pub fn propose(&self, known: &Known) -> Vec<Proposal> {
        let mut out = self.collect(known, false);
        if out.is_empty() {
            out = self.collect(known, true);
        }
        crate::sort::sort_by(&mut out, |a, b| {
            b.severity.cmp(&a.severity).then(b.certain.cmp(&a.certain)).then(b.priority.cmp(&a.priority)).then(a.kind.cmp(&b.kind))
        });
        out
    }

    /// The best kind and its severity, if any: the first of [`Table::propose`], without building
    /// the proposals. Only the rules `live` marks are tested (see [`Table::live`]).
    pub fn top(&self, known: &Known, live: &[bool]) -> Option<(usize, Severity, bool)> {
        self.best(known, false, live).or_else(|| self.best(known, true, live))
    }

    /// Which rules can hold with these signals and cues, whatever the other facts: the questions
    /// try a dozen answers, none of which changes a signal, and most rules fail on theirs.
    pub fn live(&self, known: &Known) -> Vec<bool> {
        let said = |t: &Test| !matches!(t, Test::Signals(_) | Test::Cues(_)) || t.eval(known) != Tri::False;
        self.rules.iter().map(|r| r.when.iter().all(said)).collect()
    }

    /// Whether a rule's signals were said but a number the text gives falls short of the plan's
    /// (迟到3人，共45人: late, below 10 and a fifth): the plan's threshold, not silence, keeps the
    /// kind out, as a negation would. The kinds so held back.
    pub fn held_back(&self, known: &Known) -> Vec<usize> {
        // No signal said, no rule's signals hold (most routine texts).
        if known.signals == 0 {
            return Vec::new();
        }
        let short = |r: &&Compiled| {
            let mut short = false;
            for t in &r.when {
                match t.eval(known) {
                    Tri::True => {}
                    Tri::False if t.short_of(known) => short = true,
                    _ => return false,
                }
            }
            short
        };
        self.rules
            .iter()
            .filter(|r| !r.fallback && r.when.iter().any(|t| matches!(t, Test::Signals(_))))
            .filter(short)
            .filter_map(|r| r.kind)
            .collect()
    }

    /// The kinds that a rule holding for certain rules out.
    fn ruled_out(&self, known: &Known) -> Vec<usize> {
        let holds = |ri: &usize| self.rules.get(*ri).is_some_and(|r| r.eval(known) == Tri::True);
        self.ruling_out.iter().filter(|(ri, _)| holds(ri)).flat_map(|(_, kinds)| kinds.iter().copied()).collect()
    }

    fn collect(&self, known: &Known, fallback: bool) -> Vec<Proposal> {
        let mut out: Vec<Proposal> = Vec::new();
        let ruled_out = self.ruled_out(known);
        for (ri, rule) in self.rules.iter().enumerate().filter(|(_, r)| r.fallback == fallback) {
            let Some(ki) = rule.kind.filter(|k| !ruled_out.contains(k)) else { continue };
            let t = rule.eval(known);
            if t == Tri::False {
                continue;
            }
            let certain = t == Tri::True;
            match out.iter_mut().find(|p| p.kind == ki) {
                Some(p) => {
                    p.severity = p.severity.max(rule.severity);
                    p.priority = merged_priority(p.certain, p.priority, certain, rule.priority);
                    p.certain |= certain;
                    p.rules.push((ri, t));
                }
                None => out.push(Proposal { kind: ki, severity: rule.severity, certain, priority: rule.priority, rules: vec![(ri, t)] }),
            }
        }
        out
    }

    /// The best kind of one pass, by the order of [`Table::propose`].
    fn best(&self, known: &Known, fallback: bool, live: &[bool]) -> Option<(usize, Severity, bool)> {
        let mut best: Option<(Severity, bool, u32, usize)> = None;
        let ruled_out = self.ruled_out(known);
        for (kind, rules) in self.groups.get(usize::from(fallback)).into_iter().flatten().filter(|(k, _)| !ruled_out.contains(k)) {
            let mut merged: Option<(Severity, bool, u32)> = None;
            for rule in rules.iter().filter(|ri| live.get(**ri) != Some(&false)).filter_map(|ri| self.rules.get(*ri)) {
                let t = rule.eval(known);
                if t == Tri::False {
                    continue;
                }
                let certain = t == Tri::True;
                merged = Some(match merged {
                    None => (rule.severity, certain, rule.priority),
                    Some((s, c, p)) => (s.max(rule.severity), c || certain, merged_priority(c, p, certain, rule.priority)),
                });
            }
            let Some((s, c, p)) = merged else { continue };
            let better = best.is_none_or(|(bs, bc, bp, bk)| (s, c, p).cmp(&(bs, bc, bp)).then(bk.cmp(kind)).is_gt());
            if better {
                best = Some((s, c, p, *kind));
            }
        }
        best.map(|(s, c, _, k)| (k, s, c))
    }
}

/// A kind's priority once one more rule holds: a certain rule outranks every possible one.
fn merged_priority(certain: bool, priority: u32, rule_certain: bool, rule_priority: u32) -> u32 {
    if rule_certain && !certain {
        rule_priority
    } else if rule_certain == certain {
        priority.max(rule_priority)
    } else {
        priority
    }
}

fn compile(c: &Cond, cue_names: &[&String], value: &dyn Fn(&NumRef) -> f64) -> Test {
    if let Some(list) = &c.signals_any {
        return Test::Signals(list.iter().fold(0, |m, s| m | 1 << s.index()));
    }
    if let Some(list) = &c.cues_any {
        let bits = list.iter().filter_map(|n| cue_names.iter().position(|m| *m == n)).fold(0, |m, i| m | 1u64 << (i % 64));
        return Test::Cues(bits);
    }
    if let Some(list) = &c.any {
        return Test::Any(list.iter().map(|c| compile(c, cue_names, value)).collect());
    }
    let Some(fact) = c.fact else { return Test::Never };
    let unknown = match c.if_unknown {
        IfUnknown::Doubt => Tri::Unknown,
        IfUnknown::Pass => Tri::True,
        IfUnknown::Fail => Tri::False,
    };
    if let Some(phases) = &c.in_phases {
        Test::Phase { phases: phases.clone(), unknown }
    } else if let Some(want) = c.is {
        Test::Flag { fact, want, unknown }
    } else {
        Test::Num { fact, min: c.min.as_ref().map(value), max: c.max.as_ref().map(value), above: c.above.as_ref().map(value), unknown }
    }
}

impl Compiled {
    /// The least of its conditions; stops at the first that fails (most rules fail on their
    /// first, the signals).
    fn eval(&self, known: &Known) -> Tri {
        let mut least = None;
        for t in &self.when {
            let v = t.eval(known);
            if v == Tri::False {
                return v;
            }
            least = Some(least.map_or(v, |l: Tri| l.min(v)));
        }
        let t = least.unwrap_or(Tri::False);
        if self.uncertain {
            t.min(Tri::Unknown)
        } else {
            t
        }
    }
}

impl Test {
    /// Fails on a number the facts hold (not on one they lack), or on a list of which one does.
    fn short_of(&self, k: &Known) -> bool {
        match self {
            Test::Num { fact, .. } => k.num(*fact).is_some() && self.eval(k) == Tri::False,
            Test::Any(list) => self.eval(k) == Tri::False && list.iter().any(|t| t.short_of(k)),
            _ => false,
        }
    }

    fn eval(&self, k: &Known) -> Tri {
        let (result, unknown) = match self {
            Test::Signals(mask) => return tri(k.signals & mask != 0),
            Test::Cues(mask) => return tri(k.cues & mask != 0),
            // The most of its conditions; stops at the first that holds.
            Test::Any(list) => {
                let most = list.iter().map(|t| t.eval(k)).try_fold(Tri::False, |m, v| if v == Tri::True { Err(v) } else { Ok(m.max(v)) });
                return most.unwrap_or_else(|v| v);
            }
            Test::Never => return Tri::False,
            Test::Phase { phases, unknown } => (k.phase.map(|p| tri(phases.contains(&p))), *unknown),
            Test::Flag { fact, want, unknown } => (k.flag(*fact).map(|b| tri(b == *want)), *unknown),
            Test::Num { fact, min, max, above, unknown } => {
                let result = match k.num(*fact) {
                    Some(n) => Some(compare(n, *min, *max, *above)),
                    None if *fact == FactKey::Phase || fact.is_number() || fact.is_bool() => None,
                    None => Some(Tri::False),
                };
                (result, *unknown)
            }
        };
        result.unwrap_or(unknown)
    }
}

/// `n` against `min` (≥), `max` (≤) and `above` (>), minding how exact `n` is.
fn compare(n: Num, min: Option<f64>, max: Option<f64>, above: Option<f64>) -> Tri {
    let v = n.value;
    let ge = |x: f64| match n.bound {
        Bound::Exact => tri(v >= x),
        Bound::AtLeast | Bound::MoreThan if v >= x => Tri::True,
        Bound::AtMost if v < x => Tri::False,
        Bound::LessThan if v <= x => Tri::False,
        _ => Tri::Unknown,
    };
    let gt = |x: f64| match n.bound {
        Bound::Exact => tri(v > x),
        Bound::AtLeast if v > x => Tri::True,
        Bound::MoreThan if v >= x => Tri::True,
        Bound::AtMost | Bound::LessThan if v <= x => Tri::False,
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

    #[test]
    fn less_than_the_threshold_falls_short_of_it() {
        // 不到五分之一, fewer than 10: below a threshold of that figure; at most it may reach it.
        assert_eq!(compare(Num { value: 0.2, bound: Bound::LessThan }, Some(0.2), None, None), Tri::False);
        assert_eq!(compare(Num { value: 0.2, bound: Bound::AtMost }, Some(0.2), None, None), Tri::Unknown);
        assert_eq!(compare(Num { value: 31.0, bound: Bound::LessThan }, Some(30.0), None, None), Tri::Unknown);
        assert_eq!(compare(Num { value: 30.0, bound: Bound::LessThan }, None, Some(30.0), None), Tri::True);
    }
}
