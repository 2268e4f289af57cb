//! Which questions to ask: a question is asked when its fact is unknown and some answer to it
//! would change the best kind or its severity. Answers are tried, not guessed: each probe value
//! of the plan (and one either side of it), yes and no, or every phase.

use super::facts::{Bound, FactKey, Num, Phase};
use super::known::{Answer, Known};
use super::spec::{ClassifierSpec, NumRef, Question};
use crate::plan::{Plan, Severity};

pub fn ask<'s>(plan: &Plan, spec: &'s ClassifierSpec, known: &Known, best: Option<(usize, Severity, bool)>) -> Vec<&'s Question> {
    if known.signals == 0 && known.cues == 0 {
        return Vec::new();
    }
    let table = plan.table();
    // A signal a question may add is not said yet, so no rule testing it is live: the rules are
    // screened with every asked-about signal present.
    let mut screen = *known;
    for q in &spec.questions {
        if let Some(s) = q.signal {
            screen.signals |= 1 << s.index();
        }
    }
    let live = table.live(&screen);
    let outcome = |k: &Known| {
        let top = table.top(k, &live);
        (top, top.and_then(|(kind, _, _)| table.escalate(k, kind)))
    };
    let now = (best, best.and_then(|(kind, _, _)| table.escalate(known, kind)));
    spec.questions
        .iter()
        .filter(|q| match q.signal {
            Some(s) => !known.has(s),
            // A number the text gives only as a bound (10分钟了，还没来电: at least 10) is asked
            // too, with the answers the bound allows.
            None => !known.is_known(q.fact) || known.num(q.fact).is_some_and(|n| n.bound != Bound::Exact),
        })
        // A signal question only settles an uncertain kind.
        .filter(|q| q.signal.is_none() || matches!(best, Some((_, _, false))))
        .filter(|q| {
            let bound = known.num(q.fact);
            answers(plan, q).into_iter().filter(|a| allowed(bound, a)).any(|a| {
                let mut k = *known;
                match (q.signal, a) {
                    // Asked only to settle an uncertain kind: seeing the signal makes it certain.
                    (Some(s), Answer::Bool(true)) => {
                        k.signals |= 1 << s.index();
                        let top = table.top(&k, &live);
                        return matches!((best, top), (Some((b, _, false)), Some((t, _, true))) if b == t);
                    }
                    (Some(_), _) => return false,
                    (None, a) => k.set(q.fact, a),
                }
                outcome(&k) != now
            })
        })
        .collect()
}

/// Whether an answer agrees with what the text already says of the number.
fn allowed(said: Option<Num>, a: &Answer) -> bool {
    let (Some(n), Answer::Num(v)) = (said, a) else { return true };
    match n.bound {
        Bound::Exact => false,
        Bound::AtLeast => *v >= n.value,
        Bound::MoreThan => *v > n.value,
        Bound::AtMost => *v <= n.value,
        Bound::LessThan => *v < n.value,
    }
}

fn answers(plan: &Plan, q: &Question) -> Vec<Answer> {
    match q.fact {
        FactKey::Phase => Phase::ALL.iter().map(|p| Answer::Phase(*p)).collect(),
        f if f.is_bool() || q.signal.is_some() => vec![Answer::Bool(true), Answer::Bool(false)],
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
