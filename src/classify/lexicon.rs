//! Finding the plan's words in a text: one index of every term (signals, cues, flags, phases,
//! negators, measure words, …) keyed by first character, and one pass over the text that reports
//! every occurrence, overlaps included. Later stages decide which overlapping hits count.
//!
//! Positions are char indexes into the normalised text; [`Prepared`] maps them to UTF-16 offsets.

use super::facts::{Bound, FactKey, Phase, Signal};
use super::spec::{ClassifierSpec, Target};

/// What a term stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum What {
    Signal(Signal),
    Cue(u8),
    Flag { fact: FactKey, value: bool },
    Phase(Phase),
    Negator,
    NotNegator,
    Hedge,
    Break,
    Connector,
    /// A number word (one, twenty, a).
    Word(f64),
    FractionInfix,
    Percent,
    Classifier,
    Half,
    Linker,
    Measure { target: Target, factor: f64 },
    RoomNoun,
    Ordinal,
    OrdinalPrefix,
    ListSep,
    BoundPrefix(Bound),
    BoundSuffix(Bound),
    Quantity(u16),
    Duration(f64),
    NotNumber,
}

impl What {
    /// Signals and cues: what a kind is recognised by.
    pub fn is_signal_like(self) -> bool {
        matches!(self, What::Signal(_) | What::Cue(_))
    }
}

/// One occurrence of a term: chars `start..end` of the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub what: What,
}

#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Terms sorted by first char, longest first within it.
    terms: Vec<(Box<[char]>, What)>,
    /// First char → range of `terms`.
    firsts: Vec<(char, usize, usize)>,
    digits: Vec<(char, f64)>,
    units: Vec<(char, f64)>,
    /// Cue names by index, for `cues_any`.
    pub cue_names: Vec<String>,
}

impl Index {
    pub fn build(spec: &ClassifierSpec) -> Index {
        let mut terms: Vec<(Box<[char]>, What)> = Vec::new();
        let mut add = |words: &mut dyn Iterator<Item = &String>, what: What| {
            for w in words {
                let t: Box<[char]> = w.chars().map(normalise).collect();
                if !t.is_empty() {
                    terms.push((t, what));
                }
            }
        };
        for (s, t) in &spec.lexicon {
            add(&mut t.all(), What::Signal(*s));
        }
        let cue_names: Vec<String> = spec.cues.keys().cloned().collect();
        for (i, t) in spec.cues.values().enumerate() {
            add(&mut t.all(), What::Cue(u8::try_from(i).unwrap_or(u8::MAX)));
        }
        for f in &spec.flags {
            add(&mut f.terms.all(), What::Flag { fact: f.fact, value: f.value });
        }
        for (p, t) in &spec.phases {
            add(&mut t.all(), What::Phase(*p));
        }
        let n = &spec.negation;
        add(&mut n.negators.iter(), What::Negator);
        add(&mut n.not_negators.iter(), What::NotNegator);
        add(&mut n.hedges.iter(), What::Hedge);
        add(&mut n.breaks.iter(), What::Break);
        add(&mut n.connectors.iter(), What::Connector);
        let m = &spec.numbers;
        for (w, v) in &m.words {
            add(&mut std::iter::once(w), What::Word(*v));
        }
        add(&mut m.fraction_infix.iter(), What::FractionInfix);
        add(&mut m.percent.iter(), What::Percent);
        add(&mut m.classifier.iter(), What::Classifier);
        add(&mut m.half.iter(), What::Half);
        add(&mut m.linkers.iter(), What::Linker);
        for ms in &m.measures {
            add(&mut ms.terms.iter(), What::Measure { target: ms.target, factor: ms.factor });
        }
        add(&mut m.room_nouns.iter(), What::RoomNoun);
        add(&mut m.ordinals.iter(), What::Ordinal);
        add(&mut m.ordinal_prefixes.iter(), What::OrdinalPrefix);
        add(&mut m.list_separators.iter(), What::ListSep);
        for b in &m.bounds {
            add(&mut b.prefix.iter(), What::BoundPrefix(b.bound));
            add(&mut b.suffix.iter(), What::BoundSuffix(b.bound));
        }
        for (i, q) in m.quantities.iter().enumerate() {
            add(&mut q.terms.iter(), What::Quantity(u16::try_from(i).unwrap_or(u16::MAX)));
        }
        add(&mut m.not_numbers.iter(), What::NotNumber);
        for d in &m.durations {
            add(&mut d.terms.iter(), What::Duration(d.minutes));
        }
        terms.sort_by(|a, b| a.0[0].cmp(&b.0[0]).then(b.0.len().cmp(&a.0.len())));
        let mut firsts: Vec<(char, usize, usize)> = Vec::new();
        for (i, (t, _)) in terms.iter().enumerate() {
            match firsts.last_mut() {
                Some(last) if last.0 == t[0] => last.2 = i + 1,
                _ => firsts.push((t[0], i, i + 1)),
            }
        }
        let single = |map: &std::collections::BTreeMap<String, f64>| {
            let mut v: Vec<(char, f64)> = map.iter().filter_map(|(k, v)| k.chars().next().map(|c| (normalise(c), *v))).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        Index { terms, firsts, digits: single(&m.digits), units: single(&m.units), cue_names }
    }

    /// Every occurrence of every term in `text`, ordered by start.
    pub fn scan(&self, text: &[char]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (start, c) in text.iter().enumerate() {
            let Ok(f) = self.firsts.binary_search_by(|e| e.0.cmp(c)) else { continue };
            let Some(&(_, from, to)) = self.firsts.get(f) else { continue };
            for (term, what) in self.terms.get(from..to).unwrap_or_default() {
                let end = start + term.len();
                if text.get(start..end) == Some(&term[..]) && at_word_edges(text, start, end) {
                    hits.push(Hit { start, end, what: *what });
                }
            }
        }
        hits
    }

    /// The hits that start at `pos`, longest first (hits are ordered by start, then length).
    pub fn at<'h>(hits: &'h [Hit], pos: usize) -> impl Iterator<Item = &'h Hit> {
        let from = hits.partition_point(|h| h.start < pos);
        hits.get(from..).unwrap_or_default().iter().take_while(move |h| h.start == pos)
    }

    pub fn digit(&self, c: char) -> Option<f64> {
        lookup(&self.digits, c)
    }

    pub fn unit(&self, c: char) -> Option<f64> {
        lookup(&self.units, c)
    }
}

fn lookup(table: &[(char, f64)], c: char) -> Option<f64> {
    table.binary_search_by(|e| e.0.cmp(&c)).ok().and_then(|i| table.get(i)).map(|e| e.1)
}

/// An English word must not start or end inside another word ("no" is not in "now").
fn at_word_edges(text: &[char], start: usize, end: usize) -> bool {
    let alnum = |i: usize| text.get(i).is_some_and(char::is_ascii_alphanumeric);
    let first_alpha = text.get(start).is_some_and(char::is_ascii_alphabetic);
    let last_alpha = end > 0 && text.get(end - 1).is_some_and(char::is_ascii_alphabetic);
    !(first_alpha && start > 0 && alnum(start - 1)) && !(last_alpha && alnum(end))
}

/// Full-width forms to ASCII (３ → 3, ，stays), ASCII to lower case: proctors type both.
pub fn normalise(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' if !matches!(c, '，' | '；' | '：' | '！' | '？' | '（' | '）') => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// A text ready for matching: normalised chars and the UTF-16 offset of each char position.
pub struct Prepared<'t> {
    pub chars: Vec<char>,
    text: &'t str,
    utf16: Vec<u32>,
    bytes: Vec<usize>,
}

impl<'t> Prepared<'t> {
    pub fn new(text: &'t str) -> Prepared<'t> {
        let mut chars = Vec::with_capacity(text.len() / 2);
        let mut utf16 = Vec::with_capacity(text.len() / 2 + 1);
        let mut bytes = Vec::with_capacity(text.len() / 2 + 1);
        let mut at = 0u32;
        for (b, c) in text.char_indices() {
            utf16.push(at);
            bytes.push(b);
            at += c.len_utf16() as u32;
            chars.push(normalise(c));
        }
        utf16.push(at);
        bytes.push(text.len());
        Prepared { chars, text, utf16, bytes }
    }

    /// The original words at chars `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'t str {
        match (self.bytes.get(start), self.bytes.get(end)) {
            (Some(&a), Some(&b)) => self.text.get(a..b).unwrap_or_default(),
            _ => "",
        }
    }

    /// UTF-16 offset of char position `i` (JS string index).
    pub fn utf16(&self, i: usize) -> u32 {
        self.utf16.get(i).or(self.utf16.last()).copied().unwrap_or(0)
    }

    /// Whether the char at `i` ends a clause (punctuation, line break).
    pub fn is_clause_end(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(|c| {
            matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | '.' | ';' | '!' | '?' | '\n' | '\r' | '：' | ':' | '（' | '）' | '(' | ')')
        })
    }
}
