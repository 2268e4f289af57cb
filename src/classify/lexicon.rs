//! Finding the plan's words in a text: one index of every term (signals, cues, flags, phases,
//! negators, measure words, …), a trie entered by first character, and one pass over the text
//! that reports every occurrence, overlaps included. Later stages decide which overlapping hits
//! count.
//!
//! Positions are char indexes into the normalised text; [`Prepared`] maps them to UTF-16 offsets.

use super::facts::{Bound, FactKey, Phase, Signal};
pub use super::hits::{Hit, Hits};
pub use super::prepared::Prepared;
use super::spec::{ClassifierSpec, Target};
use super::trie::{Edge, Node, Trie, TrieBuilder};

/// What a term stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum What {
    Signal(Signal),
    Cue(u8),
    /// An object word of frame `i` (试卷 in 试卷…被拍照).
    FrameObject(u16),
    /// A predicate word of frame `i`.
    FramePredicate(u16),
    Flag {
        fact: FactKey,
        value: bool,
    },
    Phase(Phase),
    Negator,
    NotNegator,
    /// A word that makes its sentence unreal (演练, 如果).
    Unreal,
    /// A common word no shorter term is found in (味道 is not 未到, 湿度计 is not 湿); not itself
    /// a hit.
    PlainWord,
    /// A threat's word: its sentence stays real (扬言, threatened).
    Threat,
    /// A word that introduces the exam's own content (题目里, the practical task).
    Content,
    /// A word naming someone away from the exam (同事家孩子, 在家没来, off sick).
    Bystander,
    /// A family word (孩子, my kid): a bystander where the text asks for leave or cover.
    Family,
    /// A word asking for leave or cover (请假, cover room).
    StaffLeave,
    /// A word of clearing `i` (考试照常, 复测36.5).
    Clearing(u16),
    /// A turn in a sentence (但是, but) that an unreal word does not reach past.
    UnrealBreak,
    /// A word reporting a claim made earlier (刚才说, earlier I said).
    EarlierClaim,
    /// A word saying the case asked about is happening now (现在就是这样, 现在门口就有一个).
    Actualiser,
    /// A word taking an earlier claim back (其实, 搞错了, actually).
    Correction,
    /// A question word (能不能, 还是, 对吧): its clause, before a question mark, asks.
    QuestionWord,
    /// An aspect word saying something has happened (了): its question clause reports.
    Perfective,
    /// A word that opens an English question (is, does, has): its clauses, up to a question mark, ask.
    QuestionOpener,
    /// A word that opens an alternative to the question before it (or): it asks too.
    QuestionAlternative,
    /// A value saying a report's field is empty (0, 无, none) when it comes right after the field.
    NilValue,
    /// A word marking a count as those present (到了, have arrived).
    Present,
    /// A word marking the count after it as the session's whole (应到, registered:).
    Total,
    /// A word marking the count before it as the session's whole (40 registered).
    TotalSuffix,
    /// A word right before a present marker that denies it (不来了, 不得入场).
    PresentBlocker,
    /// A word next to a present marker saying those came in late (after the start, 开考后).
    PresentLate,
    /// A word right before a count that says it is missing (差8个, short 5).
    Short,
    /// Words that say one room only (别的考场没事, only this room).
    OneRoom,
    Hedge,
    Break,
    Connector,
    /// A number word (one, twenty, a).
    Word(f64),
    FractionInfix,
    /// A word that makes the next count one of several alike (各, each).
    Each,
    Percent,
    Classifier,
    Half,
    Linker,
    Measure {
        target: Target,
        factor: f64,
    },
    RoomNoun,
    /// A noun whose number names a thing (lab 3, seat 14): no count.
    IdNoun,
    Ordinal,
    OrdinalPrefix,
    ListSep,
    BoundPrefix(Bound),
    BoundSuffix(Bound),
    Quantity(u16),
    Duration(f64),
    NotNumber,
    /// A term heard by sound: index into the index's `sound_terms` (its spelling and what it
    /// stands for).
    SoundOf(u32),
    /// A term typed in raw pinyin (juanzi): index into the index's `spelled_terms`.
    SpelledOf(u32),
}

impl What {
    /// Signals and cues: what a kind is recognised by.
    pub fn is_signal_like(self) -> bool {
        matches!(self, What::Signal(_) | What::Cue(_))
    }
}

/// The longest term also matched by sound.
const MAX_SOUNDED_CHARS: usize = 16;

#[derive(Clone, Debug, Default)]
pub struct Index {
    /// The signal-like terms by sound (see [`super::sounds`]), entered by first class.
    sound_trie: Trie,
    sound_firsts: Vec<Edge>,
    /// The homophone table, when the plan has terms with sound forms.
    sounds: &'static [u16],
    /// The terms entered by sound: their normalised spelling and what they stand for.
    sound_terms: Vec<(Vec<char>, What)>,
    /// The terms entered in raw pinyin: their spelling in characters and what they stand for.
    spelled_terms: Vec<(Vec<char>, What)>,
    /// A trie of the normalised terms: a walk from each char of the text meets every term that
    /// starts there, where comparing each term of the first char's bucket cost ten times more.
    trie: Trie,
    /// First char → child of the root, as an open-addressing hash table (a power of two long,
    /// at most half full): one or two probes per char of the text, where a binary search took
    /// ten unpredictable branches.
    firsts: Vec<Edge>,
    /// Bits `c % 1024` of the Chinese numeral chars: all but a few chars are rejected without a
    /// search (64 bits let a quarter of Chinese text through to two binary searches).
    numeral_bits: [u64; 16],
    /// The first two characters of every plain word, hashed into 4,096 bits: a plain word can
    /// begin inside a term heard by sound only where such a pair stands. The test, made for every
    /// character of a heard term (a million times in `bench_classify 300`), is one bit; the trie
    /// is walked only on a hit.
    plain_pair_bits: Vec<u64>,
    digits: Vec<(char, f64)>,
    units: Vec<(char, f64)>,
    /// Cue names by index, for `cues_any`.
    pub cue_names: Vec<String>,
    /// The longest term, in chars: how far back a hit containing a position can start.
    pub longest: usize,
    /// The plan's example phrasings, for the safety net.
    pub examples: super::similar::Examples,
}

impl Index {
    pub fn build(spec: &ClassifierSpec) -> Index {
        let mut trie = TrieBuilder::default();
        let mut sound = TrieBuilder::default();
        let table = super::sounds::table();
        let mut longest = 0;
        let mut sound_terms: Vec<(Vec<char>, What)> = Vec::new();
        let mut spelled_terms: Vec<(Vec<char>, What)> = Vec::new();
        let mut particles: Vec<char> = spec.sound_particles.chars().map(normalise).collect();
        particles.sort_unstable();
        particles.dedup();
        // Signal, cue and frame terms of two or more chars also go in by sound.
        let mut add_sounding = |words: &mut dyn Iterator<Item = &String>,
                                what: What,
                                longest: &mut usize,
                                trie: &mut TrieBuilder,
                                spelled: &mut Vec<(Vec<char>, What)>| {
            for w in words {
                let chars: Vec<char> = w.chars().map(normalise).collect();
                // Only by sound where it has one (the exact spelling is one of its sound forms):
                // each term is walked once. A single char matches as written (湿 is not 师), and
                // so does one char with particles (湿了 is not 师了).
                // Nor a term longer than a phrase: its sound forms cost the square of its length
                // (a fuzzed plan had a 24,000-character term), and no typo is that long.
                let sounded = chars.iter().filter(|c| particles.binary_search(c).is_err()).count();
                if sounded >= 2 {
                    spell(table, &chars, what, longest, trie, spelled);
                }
                let forms =
                    if sounded >= 2 && chars.len() <= MAX_SOUNDED_CHARS { super::sounds::forms(table, &chars, 4) } else { Vec::new() };
                if forms.is_empty() {
                    *longest = (*longest).max(trie.insert(chars.iter().copied(), what));
                    continue;
                }
                let id = What::SoundOf(u32::try_from(sound_terms.len()).unwrap_or(u32::MAX));
                sound_terms.push((chars, what));
                for form in forms {
                    *longest = (*longest).max(sound.insert(form.into_iter(), id));
                }
            }
        };
        for (s, t) in &spec.lexicon {
            add_sounding(&mut t.zh.iter(), What::Signal(*s), &mut longest, &mut trie, &mut spelled_terms);
            add_sounding(&mut t.en.iter(), What::Signal(*s), &mut longest, &mut trie, &mut spelled_terms);
        }
        let cue_names: Vec<String> = spec.cues.keys().cloned().collect();
        for (i, t) in spec.cues.values().enumerate() {
            add_sounding(&mut t.all(), What::Cue(u8::try_from(i).unwrap_or(u8::MAX)), &mut longest, &mut trie, &mut spelled_terms);
        }

        for (i, f) in spec.frames.iter().enumerate() {
            let i = u16::try_from(i).unwrap_or(u16::MAX);
            // Objects are common nouns (试卷, 考生), seldom mistyped: as written, not by sound.
            for w in f.objects.all() {
                longest = longest.max(trie.insert(w.chars().map(normalise), What::FrameObject(i)));
                // Objects and phases are also entered in raw pinyin (juanzi, kao wan).
                spell(
                    table,
                    &w.chars().map(normalise).collect::<Vec<_>>(),
                    What::FrameObject(i),
                    &mut longest,
                    &mut trie,
                    &mut spelled_terms,
                );
            }
            add_sounding(&mut f.predicates.all(), What::FramePredicate(i), &mut longest, &mut trie, &mut spelled_terms);
        }
        for (p, t) in &spec.phases {
            for w in t.all() {
                spell(table, &w.chars().map(normalise).collect::<Vec<_>>(), What::Phase(*p), &mut longest, &mut trie, &mut spelled_terms);
            }
        }
        let (sound_trie, sound_roots) = sound.finish();
        let sound_firsts = hash_roots(sound_roots);
        let mut add = |words: &mut dyn Iterator<Item = &String>, what: What| {
            for w in words {
                longest = longest.max(trie.insert(w.chars().map(normalise), what));
            }
        };
        // Flags and phases match as written: they qualify a signal already found, and by sound
        // the short ones met common words (考试时 / 考试试).
        for f in &spec.flags {
            add(&mut f.terms.all(), What::Flag { fact: f.fact, value: f.value });
        }
        for (p, t) in &spec.phases {
            add(&mut t.all(), What::Phase(*p));
        }
        add(&mut spec.plain_words.iter(), What::PlainWord);
        let n = &spec.negation;
        add(&mut n.negators.iter(), What::Negator);
        add(&mut n.not_negators.iter(), What::NotNegator);
        add(&mut n.hedges.iter(), What::Hedge);
        add(&mut n.breaks.iter(), What::Break);
        add(&mut n.connectors.iter(), What::Connector);
        add(&mut n.unreal.iter(), What::Unreal);
        add(&mut n.threats.iter(), What::Threat);
        add(&mut n.content.iter(), What::Content);
        add(&mut n.bystanders.iter(), What::Bystander);
        add(&mut n.family.iter(), What::Family);
        add(&mut n.staff_leave.iter(), What::StaffLeave);
        for (i, c) in n.clearings.iter().enumerate() {
            add(&mut c.words.iter(), What::Clearing(u16::try_from(i).unwrap_or(u16::MAX)));
        }
        add(&mut n.unreal_breaks.iter(), What::UnrealBreak);
        add(&mut n.earlier_claims.iter(), What::EarlierClaim);
        add(&mut n.actualisers.iter(), What::Actualiser);
        add(&mut n.corrections.iter(), What::Correction);
        add(&mut n.question_words.iter(), What::QuestionWord);
        add(&mut n.perfectives.iter(), What::Perfective);
        add(&mut n.nil_values.iter(), What::NilValue);
        add(&mut n.question_openers.iter(), What::QuestionOpener);
        add(&mut n.question_alternatives.iter(), What::QuestionAlternative);
        add(&mut spec.numbers.present_markers.iter(), What::Present);
        add(&mut spec.numbers.total_markers.iter(), What::Total);
        add(&mut spec.numbers.total_suffixes.iter(), What::TotalSuffix);
        add(&mut spec.numbers.present_blockers.iter(), What::PresentBlocker);
        add(&mut spec.numbers.present_late.iter(), What::PresentLate);
        add(&mut spec.numbers.short_markers.iter(), What::Short);
        add(&mut spec.numbers.one_room_words.iter(), What::OneRoom);
        let m = &spec.numbers;
        for (w, v) in &m.words {
            add(&mut std::iter::once(w), What::Word(*v));
        }
        add(&mut m.fraction_infix.iter(), What::FractionInfix);
        add(&mut m.each_markers.iter(), What::Each);
        add(&mut m.percent.iter(), What::Percent);
        add(&mut m.classifier.iter(), What::Classifier);
        add(&mut m.half.iter(), What::Half);
        add(&mut m.linkers.iter(), What::Linker);
        for ms in &m.measures {
            add(&mut ms.terms.iter(), What::Measure { target: ms.target, factor: ms.factor });
        }
        add(&mut m.room_nouns.iter(), What::RoomNoun);
        add(&mut m.id_nouns.iter(), What::IdNoun);
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
        let (trie, roots) = trie.finish();
        let firsts = hash_roots(roots);
        let single = |map: &crate::map::VecMap<String, f64>| {
            let mut v: Vec<(char, f64)> = map.iter().filter_map(|(k, v)| k.chars().next().map(|c| (normalise(c), *v))).collect();
            crate::sort::sort_by_key(&mut v, |e| e.0);
            v
        };
        let (digits, units) = (single(&m.digits), single(&m.units));
        let mut numeral_bits = [0u64; 16];
        for (c, _) in digits.iter().chain(&units) {
            if let Some(word) = numeral_bits.get_mut(numeral_word(*c)) {
                *word |= 1 << (*c as u32 % 64);
            }
        }
        let mut plain_pair_bits = vec![0u64; 64];
        for w in &spec.plain_words {
            let mut cs = w.chars().map(normalise);
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                let bit = pair_bit(a, b);
                if let Some(word) = plain_pair_bits.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
        }
        let sounds: &[u16] = if sound_firsts.iter().any(|e| e.0 != EMPTY) { table } else { &[] };
        let mut index = Index {
            sound_trie,
            sound_firsts,
            sounds,
            sound_terms,
            spelled_terms,
            trie,
            firsts,
            numeral_bits,
            plain_pair_bits,
            digits,
            units,
            cue_names,
            longest,
            examples: Default::default(),
        };
        index.examples = super::similar::Examples::build(spec, &index);
        index
    }

    /// The text with each term typed in raw pinyin written in characters (kaosheng yundao le →
    /// 考生晕倒 le), for the learnt model, which learnt from characters; `None` when the text has
    /// no such term.
    pub fn transliterated(&self, text: &[char], hits: &Hits) -> Option<String> {
        if hits.spelled.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len() * 2);
        let mut at = 0;
        for &(start, end, id) in &hits.spelled {
            let Some((chars, _)) = self.spelled_terms.get(id as usize) else { continue };
            // Overlapping spellings (a term inside a longer one): the first, longest, is written.
            if start < at {
                continue;
            }
            out.extend(text.get(at..start).unwrap_or_default());
            out.extend(chars);
            at = end;
        }
        out.extend(text.get(at..).unwrap_or_default());
        Some(out)
    }

    /// The char that stands for `c`'s sound (homophones share one); `c` itself when the table
    /// has no entry.
    #[inline]
    pub fn sound(&self, c: char) -> char {
        super::sounds::class(super::sounds::table(), c).unwrap_or(c)
    }

    /// Every occurrence of every term in `text`, ordered by start, longest first at a start;
    /// signal-like Chinese terms also by sound (做弊 is 作弊).
    pub fn scan(&self, text: &[char]) -> Hits {
        let mut hits = Hits::with_len(text.len());
        let sound: Vec<char> = if self.sounds.is_empty() {
            Vec::new()
        } else {
            text.iter().map(|c| super::sounds::class(self.sounds, *c).unwrap_or(*c)).collect()
        };
        // The term ends met on the walks from one start: (end, what), longest first.
        let mut found: Vec<(usize, What)> = Vec::new();
        // The plain word met that reaches farthest: (start, end). No shorter term inside it.
        let mut plain = (0, 0);
        for (start, c) in text.iter().enumerate() {
            hits.open(start);
            found.clear();
            // A chat mention names whom the message is for (@所有人, @all, @张组长): 所有 there is
            // no count of candidates.
            let mentioned = start > 0 && text.get(start - 1) == Some(&'@');
            if let Some(node) = root_in(&self.firsts, &self.trie, *c) {
                walk(&self.trie, node, text, start, &mut found);
            }
            for (end, what) in &found {
                if matches!(*what, What::PlainWord) && *end > plain.1 {
                    plain = (start, *end);
                }
            }
            // A term heard from inside a plain word takes its second half for a typo (数据在 holds
            // no 聚在): the plain word was written as meant.
            let inside_plain_word = plain.0 < start && start < plain.1;
            if let Some(node) =
                sound.get(start).filter(|_| !inside_plain_word).and_then(|s| root_in(&self.sound_firsts, &self.sound_trie, *s))
            {
                let exact = found.len();
                walk(&self.sound_trie, node, &sound, start, &mut found);
                if found.len() > exact {
                    // Merge by end, longest first, without the hits the exact walk already made.
                    let extra: Vec<(usize, What)> = found.drain(exact..).collect();
                    for (end, heard) in extra {
                        // Heard inside a plain word, or as the plain word itself: not the term.
                        if end <= plain.1 {
                            continue;
                        }
                        // A typo garbles a character or two, it keeps one as written (做弊, 晕到);
                        // common words that only sound like a term change every one (到他 is
                        // not 倒塌, 到第 is not 倒地).
                        let What::SoundOf(id) = heard else { continue };
                        let Some((spelling, what)) = self.sound_terms.get(id as usize) else { continue };
                        let kept = text.get(start..end).is_some_and(|t| t.iter().zip(spelling).any(|(a, b)| a == b));
                        if !kept {
                            continue;
                        }
                        let e = (end, *what);
                        if !found.contains(&e) && !self.cuts_plain_word(text, start, end) {
                            let at = found.iter().position(|f| f.0 < e.0).unwrap_or(found.len());
                            found.insert(at, e);
                        }
                    }
                }
            }
            for (end, what) in &found {
                let inside_plain = *end <= plain.1 && (start, *end) != plain;
                if !matches!(what, What::PlainWord) && !inside_plain && !mentioned && at_word_edges(text, start, *end) {
                    let what = match *what {
                        What::SpelledOf(id) => {
                            let Some((_, what)) = self.spelled_terms.get(id as usize) else { continue };
                            hits.spelled.push((start, *end, id));
                            *what
                        }
                        w => w,
                    };
                    hits.push(Hit { start, end: *end, what });
                }
            }
        }
        hits.close(text.len());
        hits
    }

    /// Whether a plain word begins inside `start..end` and runs past it: heard there, the term
    /// would take half of a common word (好多人至少 holds no 人质). A term heard by sound is met
    /// a million times in `bench_classify 300`, so one bit per place decides first.
    fn cuts_plain_word(&self, text: &[char], start: usize, end: usize) -> bool {
        (start + 1..end).any(|p| {
            let bit = match (text.get(p), text.get(p + 1)) {
                (Some(a), Some(b)) => pair_bit(*a, *b),
                _ => return false,
            };
            self.plain_pair_bits.get(bit / 64).is_some_and(|w| w & (1 << (bit % 64)) != 0) && self.plain_word_runs_past(text, p, end)
        })
    }

    /// Whether a plain word starts at `p` and ends after `end`.
    #[cold]
    #[inline(never)]
    fn plain_word_runs_past(&self, text: &[char], p: usize, end: usize) -> bool {
        let mut found = Vec::new();
        if let Some(node) = text.get(p).and_then(|c| root_in(&self.firsts, &self.trie, *c)) {
            walk(&self.trie, node, text, p, &mut found);
        }
        found.iter().any(|(e, what)| *e > end && matches!(what, What::PlainWord))
    }

    /// Whether `c` is a Chinese digit or multiplier of the plan.
    #[inline]
    pub fn is_numeral(&self, c: char) -> bool {
        let maybe = self.numeral_bits.get(numeral_word(c)).is_some_and(|w| w & (1 << (c as u32 % 64)) != 0);
        maybe && (self.digit(c).is_some() || self.unit(c).is_some())
    }

    pub fn digit(&self, c: char) -> Option<f64> {
        lookup(&self.digits, c)
    }

    pub fn unit(&self, c: char) -> Option<f64> {
        lookup(&self.units, c)
    }
}

/// The walk from `node` (reached by `text[start]`): every term end met, longest first.
#[inline]
fn walk(trie: &Trie, mut node: Node, text: &[char], start: usize, found: &mut Vec<(usize, What)>) {
    let from = found.len();
    let mut end = start + 1;
    loop {
        if node.is_end() {
            found.splice(from..from, trie.outs(node).iter().map(|w| (end, *w)));
        }
        match text.get(end).and_then(|c| trie.child(node, *c)) {
            Some(next) => (node, end) = (next, end + 1),
            None => break,
        }
    }
}

/// The root's children as an open-addressing hash table by first char.
fn hash_roots(roots: Vec<Edge>) -> Vec<Edge> {
    let size = (roots.len() * 2).next_power_of_two().max(16);
    let mut firsts = vec![(EMPTY, 0u32); size];
    for root in roots {
        let mut slot = slot_of(root.0, size);
        while firsts.get(slot).is_some_and(|e| e.0 != EMPTY) {
            slot = (slot + 1) & (size - 1);
        }
        if let Some(e) = firsts.get_mut(slot) {
            *e = root;
        }
    }
    firsts
}

#[inline]
fn root_in(firsts: &[Edge], trie: &Trie, c: char) -> Option<Node> {
    let size = firsts.len();
    let mut slot = slot_of(c, size);
    for _ in 0..size {
        match firsts.get(slot) {
            Some(e) if e.0 == c => return trie.node(e.1),
            Some(e) if e.0 != EMPTY => slot = (slot + 1) & (size - 1),
            _ => return None,
        }
    }
    None
}

/// Marks a free slot of the hash table: no term starts with a NUL.
const EMPTY: char = '\0';

#[inline]
fn slot_of(c: char, size: usize) -> usize {
    (c as u32).wrapping_mul(0x9E37_79B1) as usize >> 7 & (size - 1)
}

/// The bit of `plain_pair_bits` (0..4096) that stands for two characters.
fn pair_bit(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32)).wrapping_mul(0x85EB_CA6B) as usize >> 20 & 4095
}

/// The word of `numeral_bits` that holds the bit of `c`.
fn numeral_word(c: char) -> usize {
    (c as usize / 64) % 16
}

fn lookup(table: &[(char, f64)], c: char) -> Option<f64> {
    table.binary_search_by(|e| e.0.cmp(&c)).ok().and_then(|i| table.get(i)).map(|e| e.1)
}

/// An English word must not start or end inside another word ("no" is not in "now").
#[inline]
fn at_word_edges(text: &[char], start: usize, end: usize) -> bool {
    let alnum = |i: usize| text.get(i).is_some_and(char::is_ascii_alphanumeric);
    let digit = |i: usize| text.get(i).is_some_and(char::is_ascii_digit);
    let first_alpha = text.get(start).is_some_and(char::is_ascii_alphabetic);
    // A figure is whole too: 120 is not inside 1207.
    let glued_before = start > 0 && ((first_alpha && alnum(start - 1)) || (digit(start) && digit(start - 1)));
    let glued_after = match end.checked_sub(1).and_then(|i| text.get(i)) {
        Some(c) if c.is_ascii_alphabetic() => alnum(end),
        Some(c) if c.is_ascii_digit() => digit(end),
        // 39. begins 39.2 degrees; before a space it ends a sentence (the count was 39.).
        Some('.') => end > 1 && digit(end - 2) && !digit(end),
        _ => false,
    };
    !glued_before && !glued_after
}

/// The longest raw-pinyin spelling entered, spaces included: a word or two typed without picking
/// the characters (shijuan bei tou le); longer ones would lengthen the longest term, which bounds
/// every look back for an overlapping hit, for phrases nobody types in raw pinyin.
const MAX_SPELLING_LETTERS: usize = 24;

/// Enters a term's raw-pinyin spellings (卷子 → juanzi, juan zi) as standing for it, remembered
/// in `spelled` so that [`Index::transliterated`] can write the term back for the learnt model.
fn spell(table: &[u16], chars: &[char], what: What, longest: &mut usize, trie: &mut TrieBuilder, spelled: &mut Vec<(Vec<char>, What)>) {
    if chars.len() > MAX_SOUNDED_CHARS {
        return;
    }
    let forms = super::sounds::spellings(table, chars);
    let short = |s: &&String| s.len() <= MAX_SPELLING_LETTERS;
    if !forms.iter().any(|s| short(&s)) {
        return;
    }
    let id = What::SpelledOf(u32::try_from(spelled.len()).unwrap_or(u32::MAX));
    spelled.push((chars.to_vec(), what));
    for s in forms.iter().filter(short) {
        *longest = (*longest).max(trie.insert(s.chars(), id));
    }
}

/// Full-width forms to ASCII (３ → 3, ，stays), ASCII to lower case, traditional characters to
/// simplified (場 → 场): proctors type all of them.
#[inline]
pub fn normalise(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' if !matches!(c, '，' | '；' | '：' | '！' | '？' | '（' | '）') => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        '\u{3400}'..='\u{9FFF}' => return super::variants::simplified(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}
