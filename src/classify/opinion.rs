//! The learnt model's reading of a text no rule settles, as uncertain candidates: its kinds by
//! probability (a major one first when it is nearly as likely), each with the nearest example of
//! that kind as evidence.

use super::lexicon::Prepared;
use super::{similar, Candidate};
use crate::plan::{Plan, Severity};

/// What the model makes of a text.
pub enum Reading {
    /// The text shares nothing with the examples: the model has no opinion.
    Nothing,
    /// "No incident" is the likeliest, or nearly as likely as the best kind
    /// (`similarity.model_no_incident_share`).
    NoIncident,
    /// Its kinds, best first.
    Kinds(Vec<Candidate>),
}

/// How far the model doubts the rules' kind.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    None,
    /// The model ranks the rule's kind below its `model_doubt_rank` best, at less than
    /// `model_doubt_share` of its best: ask the proctor, the model's kinds first.
    Asks,
    /// As `Asks`, and the kind is not even the model's second and under `model_reject_share` of
    /// its best: its "no incident" may clear a general kind.
    Rejects,
}

/// Whether the model doubts the rules' kind: a rule is certain of `kind`, but the model ranks it
/// less likely than its best (`model_doubt_share`) and not among its `model_doubt_rank` best.
/// Measured on the development corpora (docs/classify.md): asking the proctor then, with the
/// model's kinds first, gained several points of kind accuracy; the rules read the words the plan
/// names, the model how proctors put them. A major kind is doubted only for another major one:
/// the seed puts a major reading first under doubt, and the model's general or "no incident"
/// reading of 考生休克 or "papers leaked online" is not a reason to ask — unless its "no incident"
/// is near certain (`model_major_reject_share`).
/// `negates`: the text has a negator word (whether or not it governs a term).
pub fn doubts(plan: &Plan, ranked: &Ranked, kind: &str, asked: &[&str], negates: bool) -> Doubt {
    let spec = &plan.doc().classifier;
    let Some(share) = spec.similarity.model_doubt_share else { return Doubt::None };
    let Some(top) = ranked.first() else { return Doubt::None };
    if top.0.as_deref().is_some_and(|k| asked.contains(&k)) {
        return Doubt::None;
    }
    let mine = ranked.iter().find(|r| r.0.as_deref() == Some(kind)).map_or(0.0, |r| r.1);
    if is_major(plan, Some(kind)) && !is_major(plan, top.0.as_deref()) {
        // Unless the model is all but sure of routine, in a text that negates nothing (a training
        // notice listing 泄密 and 火灾, 刚才那个可疑包裹…是家长落下的饭盒): "not a fever — he went rigid"
        // is where its negator features mislead it.
        return match spec.similarity.model_major_reject_share {
            Some(share) if top.0.is_none() && !negates && mine < share * top.1 => Doubt::Rejects,
            _ => Doubt::None,
        };
    }
    let among = |n: usize| ranked.iter().take(n).any(|r| r.0.as_deref() == Some(kind));
    let reject = spec.similarity.model_reject_share.unwrap_or(share);
    if mine >= share * top.1 || among(spec.similarity.model_doubt_rank.max(1)) {
        Doubt::None
    } else if among(2) || mine >= reject * top.1 {
        Doubt::Asks
    } else {
        Doubt::Rejects
    }
}

/// The model's classes for a text, best first (empty without a model, or when the text shares
/// nothing with what it kept): computed once per text, for [`doubts`] and [`read`].
pub type Ranked<'a> = Vec<(&'a Option<String>, f64)>;

/// `read_as`: the text with its raw-pinyin terms in characters (the model learnt from
/// characters; `yundao` means nothing to it), read instead of the text when given.
pub fn rank<'a>(plan: &'a Plan, p: &Prepared, negators: &[(usize, usize)], read_as: Option<&str>) -> Ranked<'a> {
    let spec = &plan.doc().classifier;
    let model = spec.model();
    if model.is_empty() {
        return Vec::new();
    }
    if let Some(text) = read_as {
        let q = Prepared::new(text);
        let index = spec.index();
        let negators = super::features::negators(&index.scan(&q.chars), index.longest);
        return model.rank(&q, &negators, spec.negation.scope_chars);
    }
    model.rank(p, negators, spec.negation.scope_chars)
}

/// `strict`: the rules read the text's words and rejected them (something negated); the model's
/// "no incident" then wins at `model_negated_no_incident_share`.
pub fn read(plan: &Plan, p: &Prepared, ranked: &Ranked, strict: bool) -> Reading {
    let spec = &plan.doc().classifier;
    let sim = &spec.similarity;
    let top = ranked.first().map_or(0.0, |r| r.1);
    let none = ranked.iter().find(|r| r.0.is_none()).map_or(0.0, |r| r.1);
    // "No incident" nearly as likely as the best kind: the text is more likely a report of
    // routine than an incident the rules missed (measured across the development corpora: fewer
    // false alarms, no major lost).
    let routine = match ranked.first() {
        None => return Reading::Nothing,
        Some((None, _)) => true,
        Some(_) => (if strict { sim.model_negated_no_incident_share } else { sim.model_no_incident_share })
            .is_some_and(|share| none >= share * top),
    };
    // A text the rules rejected keeps no major for the model's sake: the words said it did not happen.
    if strict && routine {
        return Reading::NoIncident;
    }
    // Unless a major kind is at least `model_major_keep_share` as likely as "no incident": that is
    // not dropped for it; the proctor is asked, the major reading first.
    let kept = if routine {
        match sim.model_major_keep_share.and_then(|share| ranked.iter().find(|r| is_major(plan, r.0.as_deref()) && r.1 >= share * none)) {
            Some(r) => r.0.as_deref(),
            None => return Reading::NoIncident,
        }
    } else {
        None
    };
    let mut found: Vec<Candidate> = Vec::new();
    for (label, probability) in ranked {
        let Some(kind) = label.as_deref().and_then(|k| plan.kind(k)) else { continue };
        // The first always; the others while they are a real alternative.
        let alternative = sim.model_alternative_share.is_some_and(|share| *probability >= share * top);
        if !found.is_empty() && (!alternative || found.len() >= sim.max_candidates.max(1)) {
            break;
        }
        found.push(Candidate {
            kind: kind.id.clone(),
            severity: kind.severity,
            score: (probability * 100.0).round() / 100.0,
            certain: false,
            evidence: similar::evidence_for(plan, p, &kind.id),
        });
    }
    if let Some(kind) = kept.and_then(|k| plan.kind(k)) {
        found.retain(|c| c.kind != kind.id);
        let probability = ranked.iter().find(|r| r.0.as_deref() == Some(kind.id.as_str())).map_or(0.0, |r| r.1);
        found.insert(
            0,
            Candidate {
                kind: kind.id.clone(),
                severity: kind.severity,
                score: (probability * 100.0).round() / 100.0,
                certain: false,
                evidence: similar::evidence_for(plan, p, &kind.id),
            },
        );
        return Reading::Kinds(found);
    }
    // Under doubt the major reading ranks first, when it is nearly as likely.
    if let Some(i) = found.iter().position(|c| c.severity == Severity::Major && c.score >= top * sim.major_margin) {
        let c = found.remove(i);
        found.insert(0, c);
    }
    Reading::Kinds(found)
}

/// Whether a label names one of the plan's major kinds ("no incident" is none).
fn is_major(plan: &Plan, kind: Option<&str>) -> bool {
    kind.and_then(|k| plan.kind(k)).is_some_and(|k| k.severity == Severity::Major)
}
