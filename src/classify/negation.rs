//! Which terms count, and which are negated.
//!
//! A term inside a longer term of the same layer does not count on its own (迟到 inside 试卷迟到).
//! A negator (未, 没有, no, …) governs the first signal or flag that starts within a few
//! characters after it in the same clause, and every further one joined to it only by connectors
//! (没有停电和断网). A negator that is part of a counted term (无声音, 未到) or of a non-negating
//! word (非常, 无法, 未经) negates nothing. Hedges (预计) work the same way but make a flag unknown.

use super::lexicon::{Hit, Hits, Prepared, What};
use super::spec::Negation;

/// A term that counts, and what governs it.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    pub hit: Hit,
    pub negated: bool,
    pub hedged: bool,
}

/// The signals, cues and flags of `hits` that count, in text order, with their negation.
pub fn resolve(p: &Prepared, hits: &Hits, framed: &[Hit], longest: usize, scope: &Negation) -> Vec<Term> {
    let layer = |w: What| match w {
        What::Signal(_) | What::Cue(_) => Some(0u8),
        What::Flag { .. } => Some(1),
        _ => None,
    };
    let contained_in_longer = |h: &Hit, same: &dyn Fn(What) -> bool| {
        hits.starting_in(h.start.saturating_sub(longest), h.start)
            .iter()
            .any(|o| same(o.what) && h.end <= o.end && (o.end - o.start) > (h.end - h.start))
    };
    // One pass per layer: hits come by start, longest first, so a hit is inside a longer one
    // exactly when the farthest-reaching earlier hit of its layer reaches past it.
    let mut reach: [Option<(usize, usize)>; 2] = [None, None];
    let mut terms: Vec<Term> = Vec::new();
    // The frames' hits join the text's in order (by start, longest first).
    let mut extra = framed.iter().peekable();
    let mut merged: Vec<Hit> = Vec::new();
    let all: &[Hit] = if framed.is_empty() {
        hits.all()
    } else {
        for h in hits.all() {
            while let Some(x) = extra.next_if(|x| x.start < h.start || (x.start == h.start && x.end >= h.end)) {
                merged.push(*x);
            }
            merged.push(*h);
        }
        merged.extend(extra);
        &merged
    };
    for h in all {
        let Some(l) = layer(h.what) else { continue };
        let Some(best) = reach.get_mut(usize::from(l)) else { continue };
        let inside = best.is_some_and(|(start, end)| end >= h.end && (end > h.end || start < h.start));
        if !inside {
            terms.push(Term { hit: *h, negated: false, hedged: false });
        }
        if best.is_none_or(|(_, end)| h.end > end) {
            *best = Some((h.start, h.end));
        }
    }
    // Break and connector words, by position. Punctuation and spaces are tested only where a
    // gap is looked at: testing every char of the text cost more than all the negators.
    let mut covered = vec![0u8; p.chars.len()];
    for h in hits.all() {
        let bit = match h.what {
            What::Break => STOPS,
            What::Connector | What::ListSep => JOINS,
            _ => continue,
        };
        for slot in covered.iter_mut().take(h.end).skip(h.start) {
            *slot |= bit;
        }
    }
    let has = |i: usize, bit: u8| covered.get(i).is_some_and(|b| b & bit != 0);
    let stops = |i: usize| has(i, STOPS) || p.is_clause_end(i);
    let joins = |i: usize| has(i, JOINS) || p.chars.get(i).is_some_and(|c| c.is_whitespace());
    // 没发现夹带、手机、交头接耳: an enumeration carries the negator past an item that is no
    // term, when connectors part every item and none is longer than a word or two; and to an
    // item whose term a word or two opens (未发生试卷泄密、考生突发疾病、停电).
    let connects = |i: usize| has(i, JOINS) && !p.chars.get(i).is_some_and(|c| c.is_whitespace());
    let listed = |from: usize, to: usize| {
        if from >= to || !connects(from) {
            return false;
        }
        let mut run = 0;
        for i in from..to {
            if stops(i) {
                return false;
            }
            run = if joins(i) { 0 } else { run + 1 };
            if run > LIST_ITEM_CHARS {
                return false;
            }
        }
        true
    };
    // Terms come by start; the first term starting at or after `pos`.
    let from = |terms: &[Term], pos: usize| terms.partition_point(|t| t.hit.start < pos);
    let overlaps = |a: &Hit, b: &Hit| a.start < b.end && b.start < a.end;
    for g in hits.all().iter().filter(|h| matches!(h.what, What::Negator | What::Hedge)) {
        // A term overlapping `g` starts less than the longest term before it.
        let near = terms.get(from(&terms, g.start.saturating_sub(longest))..from(&terms, g.end)).unwrap_or_default();
        let silenced = near.iter().any(|t| overlaps(&t.hit, g))
            || hits
                .starting_in(g.start.saturating_sub(longest), g.end)
                .iter()
                .any(|o| matches!(o.what, What::NotNegator) && overlaps(o, g))
            // (Negator and Hedge carry nothing: their kind is all there is to compare, and the
            // derived equality was a call per hit nearby.)
            || contained_in_longer(g, &|w| std::mem::discriminant(&w) == std::mem::discriminant(&g.what));
        if silenced {
            continue;
        }
        // The first term after `g`: a later one is further away, past the same gap.
        let mut i = from(&terms, g.end);
        let in_scope = terms.get(i).is_some_and(|t| {
            within(p, g.end, t.hit.start, scope) && !(g.end..t.hit.start).any(stops) && !spaced_clause(p, g.end, t.hit.start)
        });
        if !in_scope {
            continue;
        }
        loop {
            let negate = matches!(g.what, What::Negator);
            let Some(cur) = terms.get(i).map(|t| t.hit) else { break };
            // Negated once, however many negators reach it (没有停电也没有作弊: the second
            // negator does not undo what the first carried on to). The same words may be two
            // terms (闹事: disorder and a serious event): both are negated.
            for t in terms.iter_mut().skip(i).take_while(|t| t.hit.start == cur.start).filter(|t| t.hit.end == cur.end) {
                if negate {
                    t.negated = true;
                } else {
                    t.hedged = true;
                }
            }
            let j = i + 1 + from(terms.get(i + 1..).unwrap_or_default(), cur.end);
            match terms.get(j) {
                Some(t) if (cur.end..t.hit.start).all(joins) || listed(cur.end, t.hit.start) => i = j,
                _ => break,
            }
        }
    }
    echo_denied(p, &mut terms, &scope.echo_answers);
    terms
}

/// A question echoed and answered no (心梗？没有没有，我说的是…): the terms of the question's
/// clause are negated. Only a bare answer counts (the word, repeated or not, then the clause's
/// end); a Chinese answer may also end at a space, which chat uses for a comma.
fn echo_denied(p: &Prepared, terms: &mut [Term], answers: &[String]) {
    if answers.is_empty() || !(p.holds('?') || p.holds('？')) {
        return;
    }
    let n = p.chars.len();
    let space = |i: usize| p.chars.get(i).is_some_and(|c| c.is_whitespace());
    for q in p.chars.iter().enumerate().filter(|(_, c)| matches!(c, '?' | '？')).map(|(i, _)| i) {
        let mut a = q + 1;
        while space(a) {
            a += 1;
        }
        let answered = answers.iter().any(|w| {
            let len = w.chars().count();
            let mut end = a;
            // 没有没有, no no.
            while len > 0 && p.spells(end, end + len, w) {
                end += len;
                let mut next = end;
                while space(next) {
                    next += 1;
                }
                if p.spells(next, next + len, w) {
                    end = next;
                }
            }
            // An English answer may stand before a dash (Aftershock? No - it was the fan).
            let latin = w.chars().any(|c| c.is_ascii_alphabetic());
            let mut after = end;
            while latin && space(after) {
                after += 1;
            }
            let dash = latin && p.chars.get(after).is_some_and(|c| matches!(c, '-' | '–' | '—'));
            end > a && (after >= n || p.is_clause_end(after) || dash || (!latin && space(end)))
        });
        if !answered {
            continue;
        }
        let start = (0..q).rev().find(|&i| p.is_clause_end(i)).map_or(0, |i| i + 1);
        for t in terms.iter_mut().filter(|t| t.hit.start >= start && t.hit.end <= q) {
            t.negated = true;
        }
    }
}

/// Whether a term starting at `to` is near enough a negator ending at `from`: within
/// `scope_chars` characters, or, where the gap holds Latin-script words, within `scope_words`
/// words (English words are five characters long, Chinese ones one or two).
fn within(p: &Prepared, from: usize, to: usize, scope: &Negation) -> bool {
    let gap = p.chars.get(from..to).unwrap_or_default();
    match scope.scope_words {
        Some(words) if gap.iter().any(char::is_ascii_alphabetic) => {
            let mut units = 0;
            let mut in_word = false;
            for c in gap {
                let latin = c.is_ascii_alphanumeric() || *c == '\'';
                if latin && !in_word {
                    units += 1;
                }
                if !latin && !c.is_whitespace() {
                    units += 1;
                }
                in_word = latin;
            }
            units <= words
        }
        _ => gap.len() <= scope.scope_chars,
    }
}

/// Whether a Chinese gap holds a space after words of the negator's own (车后门没关严 两箱卷子全泡了):
/// typed fast, that space is a comma. A space right after the negator is voice input's spacing
/// of words (没有 停电), and English is spaced throughout.
fn spaced_clause(p: &Prepared, from: usize, to: usize) -> bool {
    let gap = p.chars.get(from..to).unwrap_or_default();
    !gap.iter().any(char::is_ascii_alphabetic) && gap.iter().skip_while(|c| c.is_whitespace()).any(|c| c.is_whitespace())
}

/// The longest item of an enumeration the negator carries past (手机 in 夹带、手机、交头接耳).
const LIST_ITEM_CHARS: usize = 4;

/// Marks of [`resolve`]'s positions: covered by a break word, by a connector.
const STOPS: u8 = 1;
const JOINS: u8 = 2;
