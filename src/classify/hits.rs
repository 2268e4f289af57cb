//! The occurrences of the plan's terms in one text, ordered by start (longest first at a start),
//! with a table from each char position to its first hit: the later stages ask "what starts
//! here?" many times per number and negator, and a lookup beats a binary search each time.

use super::lexicon::What;

/// One occurrence of a term: chars `start..end` of the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub what: What,
}

#[derive(Clone, Debug, Default)]
pub struct Hits {
    list: Vec<Hit>,
    /// The terms typed in raw pinyin: (start, end, index into the index's spelled terms).
    pub spelled: Vec<(usize, usize, u32)>,
    /// For each char position `0..=len`: the index of the first hit starting there or later.
    first_at: Vec<usize>,
}

impl Hits {
    /// Collects hits for a text of `len` chars; positions must be fed in increasing order.
    pub fn with_len(len: usize) -> Hits {
        Hits { list: Vec::with_capacity(len / 2), first_at: Vec::with_capacity(len + 1), spelled: Vec::new() }
    }

    /// Marks the start of position `pos`: every hit pushed from now on starts at `pos` or later.
    #[inline]
    pub fn open(&mut self, pos: usize) {
        while self.first_at.len() <= pos {
            self.first_at.push(self.list.len());
        }
    }

    #[inline]
    pub fn push(&mut self, hit: Hit) {
        self.list.push(hit);
    }

    /// Takes back the raw-pinyin readings for which `unread(start, end)` holds: their hits stay,
    /// as the spelling (`What::SpelledOf`) that no later stage reads.
    pub fn unread_spelled(&mut self, unread: impl Fn(usize, usize) -> bool) {
        let list = &mut self.list;
        self.spelled.retain(|&(start, end, id)| {
            if !unread(start, end) {
                return true;
            }
            for h in list.iter_mut().filter(|h| h.start == start && h.end == end) {
                h.what = What::SpelledOf(id);
            }
            false
        });
    }

    /// Closes the table at `len`, the length of the text.
    pub fn close(&mut self, len: usize) {
        self.open(len);
    }

    #[inline]
    pub fn all(&self) -> &[Hit] {
        &self.list
    }

    /// Index of the first hit that starts at `pos` or later.
    #[inline]
    fn from(&self, pos: usize) -> usize {
        self.first_at.get(pos).copied().unwrap_or(self.list.len())
    }

    /// The hits that start at `pos`, longest first.
    #[inline]
    pub fn at(&self, pos: usize) -> &[Hit] {
        self.starting_in(pos, pos)
    }

    /// The hits that start in `from..=to`.
    #[inline]
    pub fn starting_in(&self, from: usize, to: usize) -> &[Hit] {
        let (a, b) = (self.from(from), self.from(to.saturating_add(1)));
        self.list.get(a..b).unwrap_or_default()
    }
}
