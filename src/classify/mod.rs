//! Classification of an incident from a proctor's words and/or structured facts.
//!
//! Text → facts ([`text_facts`]: lexicon, negation, numerals, phase cues), facts → kinds
//! ([`rules`]: the plan's decision table), and the questions whose answers would change the
//! result ([`questions`]). Every word list, rule and question is plan data (`classifier`).

mod evidence;
pub mod facts;
mod hits;
mod input;
mod known;
pub mod lexicon;
mod negation;
mod numerals;
mod prepared;
mod questions;
mod rules;
pub mod spec;
mod text_facts;
mod trie;

pub(crate) use rules::Table;

use serde::Serialize;

use crate::json::FromJson;

pub use facts::{Bound, FactKey, Facts, Phase, Signal};
pub use input::{decode_input, too_long, MAX_TEXT_CHARS};

use crate::error::Error;
use crate::plan::{Plan, Severity};
use crate::text::Text;
use lexicon::Prepared;

/// What `classify` takes: free text (Chinese first, English too) and/or ticked facts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    /// At most 10,000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub text: Option<String>,
    /// Facts win over what the text suggests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub facts: Option<Facts>,
}

/// The result of `classify`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Classification {
    /// The best kind, `null` when nothing in the plan matches.
    pub kind: Option<String>,
    /// Its severity; may be above the kind's own where the plan escalates (a power cut not
    /// restored within 30 minutes), never below.
    pub severity: Option<Severity>,
    /// Every kind the facts point to, ordered by severity, then certainty, then score.
    pub candidates: Vec<Candidate>,
    /// What to ask next: each question's answer could change the kind or the severity.
    pub questions: Vec<QuestionOut>,
    /// What was understood, from the text and the given facts.
    pub facts: Facts,
    /// Words the text negated (未泄密, no leak), with their offsets, so a page can show them struck out.
    pub negated: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Candidate {
    pub kind: String,
    pub severity: Severity,
    /// 0–1: the best rule's priority, halved when the rule holds only possibly (a fact it tests
    /// is unknown).
    pub score: f64,
    /// Some rule for this kind holds for certain.
    pub certain: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Text,
    Facts,
}

/// Why a kind was proposed: a rule of the plan, and the words or facts it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Evidence {
    pub source: Source,
    /// Id of the plan rule.
    pub rule: String,
    /// Seed clause the rule implements.
    pub clause: String,
    /// The words as typed (source `text`), or `fact=value` (source `facts`).
    pub matched: String,
    /// Offset of `matched` in the text, in UTF-16 code units (JS string indexes), for `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub start: Option<u32>,
    /// End offset (exclusive), in UTF-16 code units.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub end: Option<u32>,
}

/// Words of the text, with UTF-16 offsets (`text.slice(start, end)` in JS).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Span {
    pub matched: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct QuestionOut {
    pub id: String,
    pub text: Text,
    /// The fact the answer gives (pass it back in `facts`).
    pub fact: FactKey,
    pub clause: String,
}

/// Classifies an incident by the plan's classifier.
///
/// # Errors
/// `too_large` naming `text` beyond [`MAX_TEXT_CHARS`] characters.
///
/// # Example
/// ```
/// use exam_incident::classify::{classify, ClassifyInput};
/// let plan = exam_incident::plan::default_plan().unwrap();
/// let input = ClassifyInput { text: Some("两个考场秩序混乱，出现大面积作弊".into()), facts: None };
/// let c = classify(&plan, &input).unwrap();
/// assert_eq!(c.kind.as_deref(), Some("mass_cheating"));
/// ```
pub fn classify(plan: &Plan, input: &ClassifyInput) -> Result<Classification, Error> {
    let text = input.text.as_deref().unwrap_or("");
    if too_long(text) {
        return Err(Error::too_large("text", MAX_TEXT_CHARS));
    }
    let spec = &plan.doc().classifier;
    let p = Prepared::new(text);
    let (mut known, mut prov) = text_facts::read(spec, &p);
    if let Some(given) = &input.facts {
        input::check_facts(given)?;
        known.apply(given, &mut prov);
    }
    let proposals = plan.table().propose(&known);
    let best = proposals.first().map(|p| (p.kind, p.severity));
    let kinds = &plan.doc().kinds;
    let candidates = proposals
        .iter()
        .map(|pr| Candidate {
            kind: kinds.get(pr.kind).map(|k| k.id.clone()).unwrap_or_default(),
            severity: pr.severity,
            score: (f64::from(pr.priority.min(100)) / if pr.certain { 100.0 } else { 200.0 } * 100.0).round() / 100.0,
            certain: pr.certain,
            evidence: evidence::evidence(spec, pr, &known, &prov, &p),
        })
        .collect();
    let questions = questions::ask(plan, spec, &known, best)
        .into_iter()
        .map(|q| QuestionOut { id: q.id.clone(), text: q.text.clone(), fact: q.fact, clause: q.clause.clone() })
        .collect();
    let negated = prov.negated.iter().map(|&(s, e)| span(&p, s, e)).collect();
    Ok(Classification {
        kind: best.and_then(|(k, _)| kinds.get(k)).map(|k| k.id.clone()),
        severity: best.map(|b| b.1),
        candidates,
        questions,
        facts: known.to_facts(),
        negated,
    })
}

/// Classifies a JSON input (`{ text?, facts? }`), naming the bad field of a malformed one.
///
/// # Errors
/// `bad_argument` naming the field (`facts.signals[2]`), `too_large` naming `text`.
pub fn classify_value(plan: &Plan, input: &serde_json::Value) -> Result<Classification, Error> {
    classify(plan, &decode_input(input)?)
}

fn span(p: &Prepared, start: usize, end: usize) -> Span {
    Span { matched: p.original(start, end).to_string(), start: p.utf16(start), end: p.utf16(end) }
}

