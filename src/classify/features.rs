//! What the learnt model sees of a text: its character 1-, 2- and 3-grams within words (a word
//! runs between spaces, padded with a space on each side, as scikit-learn's `char_wb`), over the
//! normalised characters (full-width forms, case), and its whole words and pairs of neighbouring
//! words where it is spaced (English), each as a 64-bit hash. An n-gram that starts in
//! a negator's scope is another feature than the same words said plainly ("no leak" is not
//! "leak"), as the rules' negation cannot reach words the lexicon does not know.
//!
//! Matching by sound (the homophone table of the rules) was measured and left out: it cost the
//! combination 0.6–0.9 points of kind accuracy across the development corpora, as the model learns
//! common typos from the examples themselves.

use super::lexicon::{Hits, Prepared, What};

pub fn features(p: &Prepared, negators: &[(usize, usize)], scope_chars: usize) -> Vec<u64> {
    let mut negated = vec![false; p.chars.len()];
    for &(_, end) in negators {
        for i in end..(end + scope_chars).min(p.chars.len()) {
            if p.is_clause_end(i) {
                break;
            }
            if let Some(n) = negated.get_mut(i) {
                *n = true;
            }
        }
    }
    features_of(&p.chars, &negated)
}

/// The negator words of a scanned text (not those inside a non-negating word: 无法, 非常). The
/// chars up to `scope_chars` after one, in its clause, are in its scope: their n-grams are other
/// features than the same words said plainly ("no leak" is not "leak"), as the rules' negation
/// cannot reach words the lexicon does not know.
pub fn negators(hits: &Hits, longest: usize) -> Vec<(usize, usize)> {
    hits.all()
        .iter()
        .filter(|g| matches!(g.what, What::Negator))
        .filter(|g| {
            !hits
                .starting_in(g.start.saturating_sub(longest), g.end)
                .iter()
                .any(|o| matches!(o.what, What::NotNegator) && o.start < g.end && g.start < o.end)
        })
        .map(|g| (g.start, g.end))
        .collect()
}

/// The 1-, 2- and 3-grams of each space-separated word padded with a space; an n-gram that
/// starts in a negator's scope is marked.
fn features_of(chars: &[char], negated: &[bool]) -> Vec<u64> {
    const PLAIN: u64 = 0xcbf2_9ce4_8422_2325;
    const NEGATED: u64 = 0x6c62_272e_07bb_0142;
    let mut out = Vec::with_capacity(chars.len() * 3 + 6);
    // A Chinese text without spaces is one long word.
    let mut word: Vec<(char, bool)> = Vec::with_capacity(chars.len() + 2);
    let flush = |word: &mut Vec<(char, bool)>, out: &mut Vec<u64>| {
        if word.len() <= 1 {
            word.clear();
            return;
        }
        word.push((' ', false));
        for i in 0..word.len() {
            let mut h = if word.get(i).is_some_and(|w| w.1) { NEGATED } else { PLAIN };
            for (c, _) in word.iter().skip(i).take(3) {
                h = (h ^ u64::from(*c as u32)).wrapping_mul(0x0100_0000_01b3);
                out.push(h);
            }
        }
        word.clear();
    };
    word.push((' ', false));
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            word.push((' ', false));
        } else {
            word.push((c, negated.get(i).copied().unwrap_or(false)));
        }
    }
    flush(&mut word, &mut out);
    words_of(chars, negated, &mut out);
    out
}

/// Whole words, and pairs of neighbouring words, of the letters and digits of a text (English):
/// "not affected", "false alarm" and "no one" say what their letters' n-grams do not (measured
/// across the development corpora: +1 point of kind accuracy, a tenth fewer false alarms). A
/// word in a negator's scope is another feature; a pair does not reach over punctuation or a
/// Chinese character.
fn words_of(chars: &[char], negated: &[bool], out: &mut Vec<u64>) {
    const WORD: u64 = 0x8422_2325_cbf2_9ce4;
    const NEGATED_WORD: u64 = 0x2325_8422_9ce4_cbf2;
    const PAIR: u64 = 0x07bb_0142_6c62_272e;
    let mut prev: Option<u64> = None;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !c.is_ascii_alphanumeric() {
            if c != ' ' {
                prev = None;
            }
            i += 1;
            continue;
        }
        let mut h = if negated.get(i).copied().unwrap_or(false) { NEGATED_WORD } else { WORD };
        // don't, candidate's: one word.
        while let Some(&c) = chars.get(i).filter(|c| c.is_ascii_alphanumeric() || **c == '\'') {
            h = (h ^ u64::from(c as u32)).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        out.push(h);
        if let Some(q) = prev {
            out.push((PAIR ^ q.rotate_left(17) ^ h).wrapping_mul(0x0100_0000_01b3));
        }
        prev = Some(h);
    }
}
