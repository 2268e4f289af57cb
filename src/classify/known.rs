//! The facts as the rules see them: signal bit sets, numbers with their bounds, and where each
//! came from (for the evidence). Built from the text, then overridden by the given facts.

use super::facts::{Bound, FactKey, Facts, Num, Phase, Signal};

/// Where a fact came from: chars `start..end` of the text, or the given facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Src {
    Text { start: usize, end: usize },
    Facts,
}

/// Values only: cheap to copy when the questions try answers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Known {
    pub signals: u64,
    pub cues: u64,
    pub phase: Option<Phase>,
    pub rooms: Option<Num>,
    pub candidates: Option<Num>,
    pub outage: Option<Num>,
    pub fraction: Option<Num>,
    pub restored: Option<bool>,
    pub regional: Option<bool>,
    pub large: Option<bool>,
}

/// A probe answer for one fact.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    Num(f64),
    Bool(bool),
    Phase(Phase),
}

impl Known {
    pub fn has(&self, s: Signal) -> bool {
        self.signals & (1 << s.index()) != 0
    }

    pub fn num(&self, f: FactKey) -> Option<Num> {
        match f {
            FactKey::RoomsAffected => self.rooms,
            FactKey::CandidatesAffected => self.candidates,
            FactKey::CandidatesFraction => self.fraction,
            // An outage not yet over has lasted at least as long as said so far.
            FactKey::OutageMinutes => self.outage.map(|n| match (self.restored, n.bound) {
                (Some(false), Bound::Exact | Bound::AtMost | Bound::LessThan) => Num { value: n.value, bound: Bound::AtLeast },
                _ => n,
            }),
            _ => None,
        }
    }

    pub fn flag(&self, f: FactKey) -> Option<bool> {
        match f {
            FactKey::Restored => self.restored,
            FactKey::Regional => self.regional,
            FactKey::CandidatesLarge => self.large,
            _ => None,
        }
    }

    pub fn is_known(&self, f: FactKey) -> bool {
        match f {
            FactKey::Phase => self.phase.is_some(),
            _ if f.is_number() => self.num(f).is_some(),
            _ => self.flag(f).is_some(),
        }
    }

    pub fn set(&mut self, f: FactKey, a: Answer) {
        match (f, a) {
            (FactKey::Phase, Answer::Phase(p)) => self.phase = Some(p),
            (FactKey::RoomsAffected, Answer::Num(v)) => self.rooms = Some(Num::exact(v)),
            (FactKey::CandidatesAffected, Answer::Num(v)) => self.candidates = Some(Num::exact(v)),
            (FactKey::OutageMinutes, Answer::Num(v)) => self.outage = Some(Num::exact(v)),
            (FactKey::CandidatesFraction, Answer::Num(v)) => self.fraction = Some(Num::exact(v)),
            (FactKey::Restored, Answer::Bool(b)) => self.restored = Some(b),
            (FactKey::Regional, Answer::Bool(b)) => self.regional = Some(b),
            (FactKey::CandidatesLarge, Answer::Bool(b)) => self.large = Some(b),
            _ => {}
        }
    }

    /// The given facts override what the text said (signals add to it).
    pub fn apply(&mut self, given: &Facts, prov: &mut Provenance) {
        for s in &given.signals {
            self.signals |= 1 << s.index();
            prov.signals.push((*s, Src::Facts));
        }
        let mut put = |f: FactKey, a: Option<Answer>, known: &mut Known| {
            if let Some(a) = a {
                known.set(f, a);
                prov.facts.retain(|(k, _)| *k != f);
                prov.facts.push((f, Src::Facts));
            }
        };
        put(FactKey::Phase, given.phase.map(Answer::Phase), self);
        put(FactKey::RoomsAffected, given.rooms_affected.map(|v| Answer::Num(f64::from(v))), self);
        put(FactKey::CandidatesAffected, given.candidates_affected.map(|v| Answer::Num(f64::from(v))), self);
        put(FactKey::OutageMinutes, given.outage_minutes.map(Answer::Num), self);
        put(FactKey::CandidatesFraction, given.candidates_fraction.map(Answer::Num), self);
        put(FactKey::Restored, given.restored.map(Answer::Bool), self);
        put(FactKey::Regional, given.regional.map(Answer::Bool), self);
        put(FactKey::CandidatesLarge, given.candidates_large.map(Answer::Bool), self);
    }

    /// The facts as the API shows them.
    pub fn to_facts(self) -> Facts {
        let count = |n: Option<Num>| n.map(|n| n.value.round().clamp(0.0, f64::from(u32::MAX)) as u32);
        Facts {
            phase: self.phase,
            signals: Signal::ALL.iter().copied().filter(|s| self.has(*s)).collect(),
            rooms_affected: count(self.rooms),
            candidates_affected: count(self.candidates),
            outage_minutes: self.outage.map(|n| n.value),
            restored: self.restored,
            regional: self.regional,
            candidates_fraction: self.fraction.map(|n| (n.value * 1000.0).round() / 1000.0),
            candidates_large: self.large,
            rooms: Vec::new(),
        }
    }
}

/// Where the signals and facts came from, and what the text negated.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    pub signals: Vec<(Signal, Src)>,
    pub cues: Vec<(u8, Src)>,
    pub facts: Vec<(FactKey, Src)>,
    pub negated: Vec<(usize, usize)>,
    /// Every negator of the text, whether or not it governs a term (for the learnt model).
    pub negators: Vec<(usize, usize)>,
    /// Room names in the text (char spans).
    pub rooms: Vec<(usize, usize)>,
    /// The text has a word that takes a sentence out of the real (a drill, a hypothetical, the
    /// news) or makes it exam content.
    pub unreal: bool,
    /// The text with its terms typed in raw pinyin written in characters, when it has any: what
    /// the learnt model reads.
    pub read_as: Option<String>,
    /// Something is negated, and fewer than `MIN_UNREAD_AFTER_REJECTION` letters, digits or
    /// characters of the text are outside the words the rules read: the text is only its
    /// rejected report, and leaves the learnt model nothing else to read.
    pub only_negated: bool,
}

impl Provenance {
    pub fn fact(&self, f: FactKey) -> Option<Src> {
        self.facts.iter().rev().find(|(k, _)| *k == f).map(|(_, s)| *s)
    }
}
