//! Text → facts: the signals and cues that are said and not negated, yes/no flags, the phase,
//! counts and the outage length.

use super::facts::FactKey;
use super::known::{Answer, Known, Provenance, Src};
use super::lexicon::{Prepared, What};
use super::spec::ClassifierSpec;
use super::{negation, numerals};

pub fn read(spec: &ClassifierSpec, p: &Prepared) -> (Known, Provenance) {
    let index = spec.index();
    let hits = index.scan(&p.chars);
    let terms = negation::resolve(p, &hits, index.longest, spec.negation.scope_chars);
    let mut known = Known::default();
    let mut prov = Provenance::default();
    for t in &terms {
        let src = Src::Text { start: t.hit.start, end: t.hit.end };
        match t.hit.what {
            _ if t.negated && t.hit.what.is_signal_like() => prov.negated.push((t.hit.start, t.hit.end)),
            What::Signal(s) => {
                known.signals |= 1 << s.index();
                prov.signals.push((s, src));
            }
            What::Cue(c) => {
                known.cues |= 1u64.checked_shl(u32::from(c)).unwrap_or(0);
                prov.cues.push((c, src));
            }
            // A hedged flag (预计…恢复) is not yet a fact; a later plain statement wins.
            What::Flag { fact, value } if !t.hedged => {
                known.set(fact, Answer::Bool(value != t.negated));
                prov.facts.push((fact, src));
                if t.negated {
                    prov.negated.push((t.hit.start, t.hit.end));
                }
            }
            _ => {}
        }
    }
    // The phase cue nearest to something said about the papers or the exam.
    let signal_spans: Vec<(usize, usize)> =
        prov.signals.iter().filter_map(|(_, s)| if let Src::Text { start, end } = s { Some((*start, *end)) } else { None }).collect();
    let distance = |a: usize, b: usize| {
        signal_spans.iter().map(|(s, e)| if b <= *s { s - b } else { a.saturating_sub(*e) }).min().unwrap_or(0)
    };
    // The first of the nearest. A plain loop: the iterator chain kept its state in the stack,
    // and one pass over the hits cost more than the rest of this function.
    let mut phase = None;
    let mut nearest = usize::MAX;
    for h in hits.all() {
        let What::Phase(ph) = h.what else { continue };
        let d = distance(h.start, h.end);
        if phase.is_none() || d < nearest {
            (phase, nearest) = (Some((ph, h.start, h.end)), d);
        }
    }
    if let Some((ph, start, end)) = phase {
        known.phase = Some(ph);
        prov.facts.push((FactKey::Phase, Src::Text { start, end }));
    }
    let counts = numerals::read(p, &hits, index, &spec.numbers);
    let mut put = |f: FactKey, r: Option<numerals::Reading>, known: &mut Known| {
        if let Some(r) = r {
            match f {
                FactKey::RoomsAffected => known.rooms = Some(r.num),
                FactKey::CandidatesAffected => known.candidates = Some(r.num),
                FactKey::OutageMinutes => known.outage = Some(r.num),
                _ => known.fraction = Some(r.num),
            }
            prov.facts.push((f, Src::Text { start: r.start, end: r.end }));
        }
    };
    put(FactKey::RoomsAffected, counts.rooms, &mut known);
    prov.rooms.clone_from(&counts.room_names);
    put(FactKey::CandidatesAffected, counts.candidates, &mut known);
    put(FactKey::CandidatesFraction, counts.fraction, &mut known);
    // A duration is the outage's length only when an outage is what the text is about.
    if spec.outage_signals.iter().any(|s| known.has(*s)) {
        put(FactKey::OutageMinutes, counts.minutes, &mut known);
    }
    if let Some((start, end)) = counts.large {
        if known.large.is_none() {
            known.large = Some(true);
            prov.facts.push((FactKey::CandidatesLarge, Src::Text { start, end }));
        }
    }
    (known, prov)
}
