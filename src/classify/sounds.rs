//! Homophones: pinyin input and voice input write 做弊 for 作弊, 晕到 for 晕倒, 泄漏 for 泄露. Each
//! Chinese character of the plan's terms, and each character that sounds exactly like one, has a
//! sound class (its syllable and tone); the classifier also matches terms by these classes. The table
//! is generated at build time from the `pinyin` crate (see `build.rs`), for the default plan's
//! terms: a site's new terms match by sound only where their characters are in it.

use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/sounds.rs"));

const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FA5;
/// Sound classes are written as chars of a private-use plane, which no text or term uses.
const BASE: u32 = 0xF0000;

/// The class of every char of `FIRST..=LAST` (0: none), unpacked once from the gaps.
fn dense() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u16; (LAST - FIRST + 1) as usize];
        let mut c = FIRST - 1;
        let mut gaps = SOUND_GAPS.iter();
        for class in SOUND_CLASSES {
            let gap = match gaps.next() {
                Some(255) => {
                    let hi = u32::from(*gaps.next().unwrap_or(&0));
                    let lo = u32::from(*gaps.next().unwrap_or(&0));
                    hi << 8 | lo
                }
                Some(g) => u32::from(*g),
                None => break,
            };
            c += gap;
            if let Some(slot) = c.checked_sub(FIRST).and_then(|i| t.get_mut(i as usize)) {
                *slot = *class;
            }
        }
        t
    })
}

/// The char standing for `c`'s sound class, if it has one.
#[inline]
pub fn class(table: &[u16], c: char) -> Option<char> {
    let i = (c as u32).checked_sub(FIRST)?;
    match table.get(i as usize) {
        Some(&k) if k > 0 => char::from_u32(BASE + u32::from(k)),
        _ => None,
    }
}

/// The table, for [`class`].
pub fn table() -> &'static [u16] {
    dense()
}

/// The sound forms of a term: each char by its class, a term char also by its other readings
/// (at most `cap` forms). Empty when the term has no char with a class.
pub fn forms(table: &[u16], term: &[char], cap: usize) -> Vec<Vec<char>> {
    if !term.iter().any(|c| class(table, *c).is_some()) {
        return Vec::new();
    }
    let mut out: Vec<Vec<char>> = vec![Vec::with_capacity(term.len())];
    for c in term {
        let first = class(table, *c).unwrap_or(*c);
        let others: Vec<char> =
            SOUND_ALTS.iter().filter(|(a, _)| a == c).filter_map(|(_, k)| char::from_u32(BASE + u32::from(*k))).collect();
        let mut next = Vec::new();
        for form in &out {
            for k in std::iter::once(first).chain(others.iter().copied()) {
                if next.len() < cap {
                    let mut f = form.clone();
                    f.push(k);
                    next.push(f);
                }
            }
        }
        out = next;
    }
    out
}

/// Each class's syllable without its tone (class 1 first), split once from the generated text.
fn syllables() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| SOUND_SYLLABLES.split_terminator(' ').collect())
}

/// The shortest raw-pinyin spelling read as a term, in letters: shorter ones are English words
/// (shao, men, die).
pub const MIN_SPELLING_LETTERS: usize = 5;

/// How a term is typed in raw pinyin when the input method's candidate is not picked (卷子 →
/// `juanzi` and `juan zi`): each char by its usual syllable without the tone, the syllables run
/// together and apart. Only the usual reading: the rare ones (失 yì, 被 pī) spelled common words
/// (yi qie, 一切). Empty unless every char has a syllable, the term has two or more, and the
/// spelling has at least [`MIN_SPELLING_LETTERS`] letters.
pub fn spellings(table: &[u16], term: &[char]) -> Vec<String> {
    if term.len() < 2 {
        return Vec::new();
    }
    let names = syllables();
    let syllable = |k: char| u32::from(k).checked_sub(BASE + 1).and_then(|i| names.get(i as usize)).copied();
    let read = |c: &char| class(table, *c).and_then(syllable).or_else(|| NEGATOR_SYLLABLES.iter().find(|(n, _)| n == c).map(|(_, s)| *s));
    let Some(syllables) = term.iter().map(read).collect::<Option<Vec<&str>>>() else {
        return Vec::new();
    };
    let joined = syllables.concat();
    if joined.len() < MIN_SPELLING_LETTERS {
        return Vec::new();
    }
    vec![syllables.join(" "), joined]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(term: &str) -> Vec<String> {
        spellings(table(), &term.chars().collect::<Vec<_>>())
    }

    #[test]
    fn a_term_is_spelled_by_its_usual_syllables_together_and_apart() {
        assert_eq!(spelled("考生"), ["kao sheng", "kaosheng"]);
        // The one-character negators have no sound class, and are spelled all the same.
        assert_eq!(spelled("还没到"), ["hai mei dao", "haimeidao"]);
        // Not by a rare reading: 失 is also yì, and 失窃 must not be 一切 typed as yi qie.
        assert_eq!(spelled("失窃"), ["shi qie", "shiqie"]);
    }

    #[test]
    fn short_spellings_single_chars_and_chars_without_a_syllable_are_not_spelled() {
        assert!(spelled("停").is_empty());
        assert!(spelled("发A").is_empty());
        // Four letters: English has words this short; five are kept.
        assert_eq!(spelled("丢了"), ["diu le", "diule"]);
        assert!(spelled("发了").is_empty());
    }
}
