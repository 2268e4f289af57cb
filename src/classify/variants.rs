//! Traditional characters: a phone's input method left on 繁體 types 考場停電 for 考场停电, 試卷 for
//! 试卷. The matcher reads each traditional character as the simplified one it stands for, so the
//! plan's terms, numbers (兩, 萬) and the model's features meet it. The table is generated at build
//! time from the `zhconv` crate (see `build.rs`); a character both scripts use is left as typed.

include!(concat!(env!("OUT_DIR"), "/variants.rs"));

/// The simplified character `c` stands for, or `c`.
#[inline]
pub fn simplified(c: char) -> char {
    let Some(i) = u32::from(c).checked_sub(0x3400) else { return c };
    let (word, bit) = ((i / 64) as usize, i % 64);
    match IS_TRADITIONAL.get(word) {
        Some(w) if w >> bit & 1 == 1 => nth_simplified(*w, word, bit).unwrap_or(c),
        _ => c,
    }
}

/// The simplified character of the traditional one at `bit` of word `word` (whose bits are `w`).
#[cold]
fn nth_simplified(w: u64, word: usize, bit: u32) -> Option<char> {
    let below = (w & ((1u64 << bit) - 1)).count_ones() as usize;
    let at = usize::from(*BITS_BEFORE.get(word)?) + below;
    char::from_u32(u32::from(*SIMPLIFIED.get(at)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_read_as_simplified() {
        let read = |s: &str| s.chars().map(simplified).collect::<String>();
        assert_eq!(read("考場停電"), "考场停电");
        assert_eq!(read("試卷洩露 兩個考生發燒暈倒"), "试卷泄露 两个考生发烧晕倒");
        // Characters both scripts use, and simplified text, stay as typed.
        assert_eq!(read("乾著急 试卷 ABC"), "乾著急 试卷 ABC");
        let marked: u32 = IS_TRADITIONAL.iter().map(|w| w.count_ones()).sum();
        assert_eq!(marked as usize, SIMPLIFIED.len());
    }
}
