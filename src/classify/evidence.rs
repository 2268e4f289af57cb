//! Why a kind was proposed: for each rule that holds, the words of the text or the given facts
//! its conditions rest on. Found as positions first and made into strings once, without
//! duplicates: the same word meets several conditions, and most candidates were built only to be
//! dropped as duplicates.

use super::facts::FactKey;
use super::known::{Known, Provenance, Src};
use super::lexicon::Prepared;
use super::rules::Proposal;
use super::spec::{ClassifierSpec, Cond, Rule};
use super::{span, Evidence, Source};

/// One piece of evidence before it is written out: the rule (index into the plan's rules), and
/// where in the text, or the fact as `name=value`.
#[derive(PartialEq)]
enum Found {
    Text { rule: usize, start: usize, end: usize },
    Facts { rule: usize, matched: String },
}

/// The words and facts behind each rule that proposed the kind, in text order, facts last.
pub fn evidence(spec: &ClassifierSpec, pr: &Proposal, known: &Known, prov: &Provenance, p: &Prepared) -> Vec<Evidence> {
    let mut found: Vec<Found> = Vec::with_capacity(prov.signals.len() + prov.cues.len() + prov.facts.len());
    // Rule ids are unique in a checked plan; comparing the id and clause too keeps two rules
    // that read the same as one, as the written evidence would.
    let same_rule =
        |a: usize, b: usize| a == b || spec.rules.get(a).zip(spec.rules.get(b)).is_some_and(|(x, y)| x.id == y.id && x.clause == y.clause);
    let is_new = |found: &[Found], f: &Found| {
        !found.iter().any(|g| match (g, f) {
            (Found::Text { rule: r1, start: s1, end: e1 }, Found::Text { rule: r2, start: s2, end: e2 }) => {
                s1 == s2 && e1 == e2 && same_rule(*r1, *r2)
            }
            (Found::Facts { rule: r1, matched: m1 }, Found::Facts { rule: r2, matched: m2 }) => m1 == m2 && same_rule(*r1, *r2),
            _ => false,
        })
    };
    for (ri, _) in &pr.rules {
        let Some(rule) = spec.rules.get(*ri) else { continue };
        let mut push = |src: Src, fact_text: &dyn Fn() -> String| {
            let f = match src {
                Src::Text { start, end } => Found::Text { rule: *ri, start, end },
                Src::Facts => Found::Facts { rule: *ri, matched: fact_text() },
            };
            if is_new(&found, &f) {
                found.push(f);
            }
        };
        let mut conds: Vec<&Cond> = rule.when.iter().collect();
        while let Some(c) = conds.pop() {
            if let Some(any) = &c.any {
                conds.extend(any.iter());
            }
            for s in c.signals_any.iter().flatten().filter(|s| known.has(**s)) {
                for (_, src) in prov.signals.iter().filter(|(x, _)| x == s) {
                    push(*src, &|| format!("signals: {}", s.as_str()));
                }
            }
            for name in c.cues_any.iter().flatten() {
                let Some(i) = spec.index().cue_names.iter().position(|n| n == name) else { continue };
                for (_, src) in prov.cues.iter().filter(|(x, _)| usize::from(*x) == i) {
                    push(*src, &|| name.clone());
                }
            }
            if let Some(f) = c.fact {
                if let Some(src) = prov.fact(f) {
                    push(src, &|| format!("{}={}", f.as_str(), fact_value(known, f)));
                }
            }
        }
    }
    // Char positions order as their UTF-16 offsets do; stable, as the written evidence was sorted.
    crate::sort::sort_by_key(&mut found, |f| match f {
        Found::Text { start, .. } => (false, Some(*start)),
        Found::Facts { .. } => (true, None),
    });
    found.into_iter().filter_map(|f| write(spec, p, f)).collect()
}

fn write(spec: &ClassifierSpec, p: &Prepared, f: Found) -> Option<Evidence> {
    let rule = |ri: usize| spec.rules.get(ri);
    let named = |r: &Rule, source: Source, matched: String, start: Option<u32>, end: Option<u32>| Evidence {
        source,
        rule: r.id.clone(),
        clause: r.clause.clone(),
        matched,
        start,
        end,
        example: None,
    };
    Some(match f {
        Found::Text { rule: ri, start, end } => {
            let s = span(p, start, end);
            named(rule(ri)?, Source::Text, s.matched, Some(s.start), Some(s.end))
        }
        Found::Facts { rule: ri, matched } => named(rule(ri)?, Source::Facts, matched, None, None),
    })
}

fn fact_value(known: &Known, f: FactKey) -> String {
    if f == FactKey::Phase {
        return known.phase.map_or("?", |p| p.as_str()).to_string();
    }
    if let Some(b) = known.flag(f) {
        return b.to_string();
    }
    known.num(f).map_or_else(|| "?".to_string(), |n| crate::text::number(n.value))
}
