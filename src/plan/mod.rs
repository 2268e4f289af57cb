//! The plan: its data model, the loader that checks it, and the checked [`Plan`] the rest of the
//! core reads. Plan content lives in `plans/`; this module holds only the mechanisms.

mod check;
pub mod decode;
mod default;
pub mod model;
mod problem;
pub mod thresholds;

use std::sync::OnceLock;

use chrono::FixedOffset;

pub use default::{default_plan, default_plan_json, default_plan_value};
pub use model::*;
pub use problem::{PlanProblem, ProblemKind, Problems};

use crate::error::{Error, ErrorKind};

/// Where a branch step hangs: the decision step and the option that leads to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BranchOf {
    pub decision: String,
    pub option: String,
}

/// A kind's steps as they run: its `immediate` steps, then the `before` groups, the kind's own
/// steps and the `after` groups.
#[derive(Clone, Debug)]
pub struct KindFlow {
    pub steps: Vec<Step>,
    /// Parallel to `steps`: the decision option a step belongs to, `None` for main-line steps.
    pub branch_of: Vec<Option<BranchOf>>,
}

impl KindFlow {
    pub fn step(&self, id: &str) -> Option<(usize, &Step)> {
        self.steps.iter().enumerate().find(|(_, s)| s.id == id)
    }
}

/// A plan that has been loaded and checked: every reference in it resolves.
#[derive(Clone, Debug)]
pub struct Plan {
    doc: PlanDocument,
    tz: FixedOffset,
    /// Parallel to `doc.kinds`: each kind's expanded steps, built the first time they are asked
    /// for (building all sixteen at load was a third of the start-up time).
    flows: Vec<OnceLock<KindFlow>>,
    /// `messages`, split once for filling in per finding.
    templates: crate::forms::templates::Templates,
    /// The classifier's decision table, compiled once here rather than on every call.
    table: crate::classify::Table,
}

impl Plan {
    /// Loads a plan from JSON text, checking everything; the error lists every problem found.
    ///
    /// # Errors
    /// `plan_invalid` with the problems, each located by its path in the document.
    pub fn from_json(text: &str) -> Result<Plan, Error> {
        let mut problems = Problems::default();
        let value = decode::parse_json(text, &mut problems).ok_or_else(|| invalid(&mut problems))?;
        Plan::from_owned(value)
    }

    /// Loads a plan from an already parsed JSON value.
    ///
    /// # Errors
    /// `plan_invalid` with every problem found.
    pub fn from_value(value: &serde_json::Value) -> Result<Plan, Error> {
        Plan::from_owned(value.clone())
    }

    fn from_owned(mut value: serde_json::Value) -> Result<Plan, Error> {
        let mut problems = Problems::default();
        // Before decoding, so that the document the checks and the engine read says the values.
        thresholds::fill(&mut value, &mut problems);
        let value = &value;
        let doc = decode::decode_document(value, &mut problems);
        let Some(doc) = doc else { return Err(invalid(&mut problems)) };
        // The classifier's term index, so that no call pays for it; built before the checks while
        // the words just decoded are still in the cache, which halves its cost (~0.2 ms, against
        // ~0.4 ms once the checks have run). It reads any decoded section without fail.
        doc.classifier.index();
        check::check_document(&doc, &mut problems);
        check::check_texts(value, "", &mut problems);
        if !problems.is_empty() {
            return Err(invalid(&mut problems));
        }
        Plan::assemble(doc, &mut problems)
    }

    /// Loads the embedded default plan without the cross-reference check: the data is fixed at
    /// build time and `tests/plan_default.rs` runs the full check on it, so repeating that check
    /// at every start would only cost time (it was most of the load in wasm).
    ///
    /// # Errors
    /// `plan_invalid` when the value does not even decode (ruled out by the tests).
    pub(crate) fn from_checked_value(mut value: serde_json::Value) -> Result<Plan, Error> {
        let mut problems = Problems::default();
        thresholds::fill(&mut value, &mut problems);
        let doc = decode::decode_document(&value, &mut problems).ok_or_else(|| invalid(&mut problems))?;
        Plan::assemble(doc, &mut problems)
    }

    fn assemble(doc: PlanDocument, problems: &mut Problems) -> Result<Plan, Error> {
        let tz = crate::time::parse_offset(&doc.timezone).ok_or_else(|| invalid(problems))?;
        let flows = doc.kinds.iter().map(|_| OnceLock::new()).collect();
        let templates = crate::forms::templates::compile(&doc.messages);
        let table = crate::classify::Table::build(&doc);
        Ok(Plan { doc, tz, flows, templates, table })
    }

    pub fn doc(&self) -> &PlanDocument {
        &self.doc
    }

    pub fn templates(&self) -> &crate::forms::templates::Templates {
        &self.templates
    }

    pub(crate) fn table(&self) -> &crate::classify::Table {
        &self.table
    }

    pub fn timezone(&self) -> FixedOffset {
        self.tz
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.doc.kinds.iter().find(|k| k.id == id)
    }

    /// The kind, or the `unknown_kind` error.
    pub fn kind_or_err(&self, id: &str) -> Result<&Kind, Error> {
        self.kind(id).ok_or_else(|| Error::new(ErrorKind::UnknownKind(crate::error::clip_to(id, 60))))
    }

    pub fn flow(&self, kind: &str) -> Option<&KindFlow> {
        let i = self.doc.kinds.iter().position(|k| k.id == kind)?;
        Some(self.flows.get(i)?.get_or_init(|| flow_of(&self.doc, &self.doc.kinds[i])))
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.doc.roles.iter().find(|r| r.id == id)
    }

    pub fn threshold(&self, name: &str) -> Option<f64> {
        self.doc.thresholds.get(name).map(|t| t.value)
    }

    /// The roles `from` reports to by the reporting chain, for an incident of `severity` (links
    /// marked for one severity count only for it; with no severity known, every link counts).
    pub fn reports_to(&self, from: &str, severity: Option<Severity>) -> Vec<&str> {
        let links = self.doc.reporting.chain.iter();
        links
            .filter(|l| l.from == from && (l.severity.is_none() || severity.is_none() || l.severity == severity))
            .map(|l| l.to.as_str())
            .collect()
    }

    /// Minutes of a step's deadline, resolving a threshold name.
    pub fn due_minutes(&self, due: &Due) -> Option<f64> {
        due.minutes.or_else(|| due.threshold.as_deref().and_then(|t| self.threshold(t)))
    }
}

fn invalid(problems: &mut Problems) -> Error {
    Error::new(ErrorKind::PlanInvalid(std::mem::take(&mut problems.0)))
}

fn flow_of(doc: &PlanDocument, kind: &Kind) -> KindFlow {
    let group = |id: &String| doc.step_groups.iter().find(|g| &g.id == id);
    let mut steps: Vec<Step> = Vec::new();
    for g in kind.before.iter().filter_map(group) {
        steps.extend(g.steps.iter().cloned());
    }
    steps.extend(kind.steps.iter().cloned());
    for g in kind.after.iter().filter_map(group) {
        steps.extend(g.steps.iter().cloned());
    }
    // What the seed says to do 立即 / 先 (call the police, first aid, secure people and papers)
    // comes before the reporting chain, whichever part of the plan lists it.
    let (mut first, rest): (Vec<Step>, Vec<Step>) = steps.into_iter().partition(|s| s.order == StepOrder::Immediate);
    first.extend(rest);
    let steps = first;
    let mut branch_of: Vec<Option<BranchOf>> = vec![None; steps.len()];
    for s in &steps {
        for o in &s.options {
            for next in &o.next {
                if let Some(i) = steps.iter().position(|t| &t.id == next) {
                    if branch_of[i].is_none() {
                        branch_of[i] = Some(BranchOf { decision: s.id.clone(), option: o.id.clone() });
                    }
                }
            }
        }
    }
    KindFlow { steps, branch_of }
}
