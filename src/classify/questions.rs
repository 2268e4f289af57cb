//! Which questions to ask: a question is asked when its fact is unknown and some answer to it
//! would change the best kind or its severity. Answers are tried, not guessed: each probe value
//! of the plan (and one either side of it), yes and no, or every phase.

use super::facts::{FactKey, Phase};
use super::known::{Answer, Known};
use super::spec::{ClassifierSpec, NumRef, Question};
use crate::plan::{Plan, Severity};

pub fn ask<'s>(plan: &Plan, spec: &'s ClassifierSpec, known: &Known, best: Option<(usize, Severity)>) -> Vec<&'s Question> {
    if known.signals == 0 && known.cues == 0 {
        return Vec::new();
    }
    let live = plan.table().live(known);
    spec.questions
        .iter()
        .filter(|q| !known.is_known(q.fact))
        .filter(|q| {
            answers(plan, q).into_iter().any(|a| {
                let mut k = *known;
                k.set(q.fact, a);
                plan.table().top(&k, &live) != best
            })
        })
        .collect()
}

fn answers(plan: &Plan, q: &Question) -> Vec<Answer> {
    match q.fact {
        FactKey::Phase => Phase::ALL.iter().map(|p| Answer::Phase(*p)).collect(),
        f if f.is_bool() => vec![Answer::Bool(true), Answer::Bool(false)],
        _ => q
            .probe
            .iter()
            .filter_map(|p| match p {
                NumRef::Value(v) => Some(*v),
                NumRef::Threshold(t) => plan.threshold(t),
            })
            .flat_map(|v| {
                // A count steps by one; a share by a hundredth.
                let step = if v < 1.0 { 0.01 } else { 1.0 };
                [(v - step).max(0.0), v, v + step]
            })
            .map(Answer::Num)
            .collect(),
    }
}
