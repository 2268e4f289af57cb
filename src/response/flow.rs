//! Which steps of a kind's flow are live: a branch step is on when its decision chose an option
//! leading to it, off when another option was chosen (or its decision is itself off), and
//! waiting while the decision is open. Pure mechanism over the plan's `options[].next`.

use crate::map::VecMap;
use crate::plan::KindFlow;

use super::state::StepRecord;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activity {
    Active,
    /// Waiting for the named decision.
    Waiting(String),
    /// Turned off by the named decision.
    Off(String),
}

/// The decision a step hangs from and the options of it that lead there.
#[derive(Clone, Debug)]
pub struct Parent {
    pub decision: usize,
    pub options: Vec<String>,
}

/// Each step's parent decision, if it is a branch step. The plan check guarantees that only one
/// decision claims a step and that decisions do not cycle.
pub fn parents(flow: &KindFlow) -> Vec<Option<Parent>> {
    flow.steps
        .iter()
        .map(|step| {
            flow.steps.iter().enumerate().find_map(|(d, s)| {
                let options: Vec<String> = s.options.iter().filter(|o| o.next.contains(&step.id)).map(|o| o.id.clone()).collect();
                (!options.is_empty()).then_some(Parent { decision: d, options })
            })
        })
        .collect()
}

/// The option a decision currently stands at, if it names an option the step still has
/// (a reclassification can bring a step with fewer options).
pub fn chosen<'a>(flow: &KindFlow, index: usize, records: &'a VecMap<String, StepRecord>) -> Option<&'a str> {
    let step = flow.steps.get(index)?;
    let c = records.get(&step.id)?.chosen.as_deref()?;
    step.options.iter().any(|o| o.id == c).then_some(c)
}

pub fn activity(flow: &KindFlow, parents: &[Option<Parent>], records: &VecMap<String, StepRecord>) -> Vec<Activity> {
    let mut memo: Vec<Option<Activity>> = vec![None; flow.steps.len()];
    (0..flow.steps.len()).map(|i| resolve(flow, parents, records, i, &mut memo, 0)).collect()
}

fn resolve(
    flow: &KindFlow,
    parents: &[Option<Parent>],
    records: &VecMap<String, StepRecord>,
    i: usize,
    memo: &mut Vec<Option<Activity>>,
    depth: usize,
) -> Activity {
    if let Some(Some(a)) = memo.get(i) {
        return a.clone();
    }
    let a = match parents.get(i).and_then(Option::as_ref) {
        None => Activity::Active,
        // Depth beyond the number of steps can only mean a cycle, which the plan check rules out.
        Some(_) if depth > flow.steps.len() => Activity::Active,
        Some(p) => {
            let decision_id = flow.steps.get(p.decision).map(|s| s.id.clone()).unwrap_or_default();
            match resolve(flow, parents, records, p.decision, memo, depth + 1) {
                Activity::Off(_) => Activity::Off(decision_id),
                Activity::Waiting(_) => Activity::Waiting(decision_id),
                Activity::Active => match chosen(flow, p.decision, records) {
                    None => Activity::Waiting(decision_id),
                    Some(c) if p.options.iter().any(|o| o == c) => Activity::Active,
                    Some(_) => Activity::Off(decision_id),
                },
            }
        }
    };
    if let Some(slot) = memo.get_mut(i) {
        *slot = Some(a.clone());
    }
    a
}
