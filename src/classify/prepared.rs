//! The text as the matcher sees it: normalised chars (full-width to ASCII, ASCII lower case), and
//! the way back from a char position to the words as typed and to a UTF-16 offset (JS string
//! index) for the spans of the result.

use std::cell::OnceCell;

use super::lexicon::normalise;

/// A text ready for matching.
pub struct Prepared<'t> {
    pub chars: Vec<char>,
    text: &'t str,
    /// Char positions of the chars outside the BMP, which take two UTF-16 units (emoji); most
    /// texts have none, so a char position is its UTF-16 offset.
    astral: Vec<usize>,
    /// Byte offset of each char position `0..=len`, made on the first `original`: a text that
    /// says nothing of note never needs it.
    bytes: OnceCell<Vec<usize>>,
}

impl<'t> Prepared<'t> {
    pub fn new(text: &'t str) -> Prepared<'t> {
        // A char takes at least a byte: no growing.
        let mut chars = Vec::with_capacity(text.len());
        let mut astral = Vec::new();
        for c in text.chars() {
            if c.len_utf16() > 1 {
                astral.push(chars.len());
            }
            chars.push(normalise(c));
        }
        Prepared { chars, text, astral, bytes: OnceCell::new() }
    }

    /// The original words at chars `start..end`.
    pub fn original(&self, start: usize, end: usize) -> &'t str {
        let bytes = self.bytes.get_or_init(|| {
            let mut b = Vec::with_capacity(self.chars.len() + 1);
            b.extend(self.text.char_indices().map(|(i, _)| i));
            b.push(self.text.len());
            b
        });
        match (bytes.get(start), bytes.get(end)) {
            (Some(&a), Some(&b)) => self.text.get(a..b).unwrap_or_default(),
            _ => "",
        }
    }

    /// Whether chars `start..end` are `word` as the matcher sees it (normalised).
    pub fn spells(&self, start: usize, end: usize, word: &str) -> bool {
        self.chars.get(start..end).is_some_and(|s| s.iter().copied().eq(word.chars().map(normalise)))
    }

    /// UTF-16 offset of char position `i` (JS string index); the end of the text past it.
    pub fn utf16(&self, i: usize) -> u32 {
        let i = i.min(self.chars.len());
        u32::try_from(i + self.astral.partition_point(|a| *a < i)).unwrap_or(u32::MAX)
    }

    /// Whether the text as typed holds `c` anywhere: a byte search, for a rare mark whose absence
    /// spares a pass over the chars.
    pub fn holds(&self, c: char) -> bool {
        self.text.contains(c)
    }

    /// Whether the char at `i` ends a clause (punctuation, line break).
    #[inline]
    pub fn is_clause_end(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(|c| Self::is_clause_end_char(*c))
    }

    /// Whether the char at `i` ends a clause other than by a colon: a colon joins a field's name
    /// or a marker to its value (实到：29, 缺考：1, room 4: 2 late).
    #[inline]
    pub fn is_clause_end_past_colon(&self, i: usize) -> bool {
        self.is_clause_end(i) && !matches!(self.chars.get(i), Some(':' | '：'))
    }

    /// Whether `c` parts the fields of a report laid out on one line (应到：30 / 实到：29, 作弊：无、停电：无).
    pub fn is_field_mark_char(c: char) -> bool {
        matches!(c, '/' | '|' | '、')
    }

    /// Whether `c` opens a quote or may (a straight quote): a claim or a question starts after it.
    pub fn is_open_quote_char(c: char) -> bool {
        matches!(c, '“' | '‘' | '「' | '『' | '"' | '\'')
    }

    /// Whether `c` ends a clause (punctuation, line break).
    pub fn is_clause_end_char(c: char) -> bool {
        matches!(c, '，' | '。' | '；' | '！' | '？' | ',' | '.' | ';' | '!' | '?' | '\n' | '\r' | '：' | ':' | '（' | '）' | '(' | ')')
    }
}
