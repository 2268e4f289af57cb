//! Merges the parts of the embedded default plan (`plans/sd101/*.json`, split for reviewers)
//! into one minified JSON document in `OUT_DIR`: a third fewer bytes in the wasm and one parse
//! at start instead of four. Parts merge deeply: an object given by two parts gets the members
//! of both, a list given by two parts is the first part's items then the second's (the
//! classifier's hand-written examples, then the bank `examples.json` written from the
//! development corpora by `scripts/corpus-examples.py`). A part that is not a JSON object, or a
//! value given by two parts that are not both objects or both lists, fails the build with the
//! part's name and the path.
//!
//! The model's weights (`classifier.model.weights`, base64 in the plan) are stored apart, as
//! their raw bytes (`default_model.bin`), with the text before and after them
//! (`default_plan_head.json`, `default_plan_tail.json`): base64 text compresses to ~4 KB more
//! than the bytes it carries. `plan::default_plan_json` writes the same text back.
//!
//! It also writes the classifier's homophone table (`sounds.rs`): pinyin input and voice input
//! type 做弊 for 作弊 and 晕到 for 晕倒, so the classifier matches the plan's Chinese terms by
//! sound as well. The table is generated from the `pinyin` crate rather than typed, and kept
//! small: only the characters of the default plan's terms, and the characters that sound exactly
//! like one of them (same syllable and tone) and are common (GB 2312). Each gets a sound class, its syllable with the tone;
//! a term character's other readings match too (露 is also lòu, so 泄漏 meets 泄露).
//!
//! And the table of traditional characters (`variants.rs`): a phone's input method left on 繁體
//! types 考場停電 for 考场停电, so the classifier reads each traditional character as its
//! simplified one. Generated from the `zhconv` crate (MediaWiki's conversion tables), kept to the
//! characters outside GB 2312 that stand for one inside it (a character of both scripts, 乾 or 著,
//! is left as typed) and that the default plan or its examples bank writes.

use std::collections::BTreeSet;

use base64::Engine;
use std::path::Path;

use pinyin::{ToPinyin, ToPinyinMulti};

const PARTS: &[&str] = &["plan.json", "kinds.json", "classifier.json", "model.json", "forms.json"];

fn main() {
    let mut merged = serde_json::Map::new();
    for part in PARTS {
        let path = Path::new("plans/sd101").join(part);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let serde_json::Value::Object(members) = value else { panic!("{}: a plan part must be a JSON object", path.display()) };
        merge(&mut merged, members, "", &path);
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let sounds = sound_table(merged.get("classifier"));
    std::fs::write(Path::new(&out_dir).join("sounds.rs"), sounds).unwrap_or_else(|e| panic!("sounds.rs: {e}"));
    let weights = merged.get("classifier").and_then(|c| c.get("model")).and_then(|m| m.get("weights")).and_then(|w| w.as_str());
    let weights = weights.expect("plans/sd101: classifier.model.weights is a string").to_string();
    let text = serde_json::Value::Object(merged).to_string();
    let bank = Path::new("plans/sd101/examples.json");
    println!("cargo:rerun-if-changed={}", bank.display());
    let bank = std::fs::read_to_string(bank).unwrap_or_else(|e| panic!("{}: {e}", bank.display()));
    let known: BTreeSet<char> = text.chars().chain(bank.chars()).collect();
    std::fs::write(Path::new(&out_dir).join("variants.rs"), variant_table(&known)).unwrap_or_else(|e| panic!("variants.rs: {e}"));
    let b64 = base64::engine::general_purpose::STANDARD;
    let bytes = b64.decode(&weights).expect("plans/sd101: classifier.model.weights is base64");
    assert_eq!(b64.encode(&bytes), weights, "plans/sd101: classifier.model.weights is canonical base64");
    let quoted = format!("\"{weights}\"");
    let at = text.find(&quoted).expect("the weights are in the merged plan") + 1;
    assert_eq!(text.matches(&quoted).count(), 1, "the weights' text appears once in the merged plan");
    let write = |name: &str, data: &[u8]| {
        let out = Path::new(&out_dir).join(name);
        std::fs::write(&out, data).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    };
    write("default_plan_head.json", &text.as_bytes()[..at]);
    write("default_model.bin", &bytes);
    write("default_plan_tail.json", &text.as_bytes()[at + weights.len()..]);
}

fn merge(into: &mut serde_json::Map<String, serde_json::Value>, from: serde_json::Map<String, serde_json::Value>, at: &str, part: &Path) {
    use serde_json::Value;
    for (key, v) in from {
        let here = format!("{at}/{key}");
        match (into.get_mut(&key), v) {
            (None, v) => {
                into.insert(key, v);
            }
            (Some(Value::Object(a)), Value::Object(b)) => merge(a, b, &here, part),
            (Some(Value::Array(a)), Value::Array(b)) => a.extend(b),
            _ => panic!("{}: `{here}` is already given by another part", part.display()),
        }
    }
}

/// The Chinese words the classifier matches by sound: every `zh_terms` list of the classifier
/// section except its number and negation words (一 is not 衣, 无 is not 五), and without the
/// one-character negators wherever they stand.
fn term_chars(classifier: Option<&serde_json::Value>, negators: &BTreeSet<char>) -> BTreeSet<char> {
    fn walk(v: &serde_json::Value, key: &str, out: &mut BTreeSet<char>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k != "numbers" && k != "negation" && k != "examples" {
                        walk(v, k, out);
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for v in a {
                    walk(v, key, out);
                }
            }
            serde_json::Value::String(s) if key == "zh_terms" => out.extend(s.chars().filter(|c| c.to_pinyin().is_some())),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Some(c) = classifier {
        walk(c, "", &mut out);
    }
    out.retain(|c| !negators.contains(c));
    out
}

/// The one-character negators (没, 无, 未): inside a term (没了, 无声) they are matched as
/// written, and no other character is read as one: 周末了, 默默了 (mò) and 三枚了 (méi, as 霉)
/// beside a paper are no 没了.
fn negator_chars(classifier: Option<&serde_json::Value>) -> BTreeSet<char> {
    let negators = classifier.and_then(|c| c.get("negation")).and_then(|n| n.get("negators")).and_then(|n| n.as_array());
    let mut out = BTreeSet::new();
    for n in negators.into_iter().flatten().filter_map(|n| n.as_str()) {
        let mut chars = n.chars();
        if let (Some(one), None) = (chars.next(), chars.next()) {
            out.insert(one);
        }
    }
    out
}

/// Whether `c` is one of GB 2312's 6,763 characters (its two-byte form is in rows 16–87).
fn is_common(c: char) -> bool {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
    !unmappable && bytes.len() == 2 && (0xB0..=0xF7).contains(&bytes[0]) && (0xA1..=0xFE).contains(&bytes[1])
}

/// `known`: the characters the default plan writes (its terms and texts, and the examples bank its
/// model learnt from); a traditional character is read only as one of them, the rest of the
/// table would teach the classifier nothing it could use.
fn variant_table(known: &BTreeSet<char>) -> String {
    let ranges = ['\u{3400}'..='\u{4DBF}', '\u{4E00}'..='\u{9FFF}'];
    let mut simplified_of: Vec<u16> = Vec::new();
    // One bit per character of U+3400..=U+9FFF, set for a traditional one: most characters of a
    // text are not, and the bit tells so without a search; the simplified characters follow in
    // the order of the bits, found by counting the bits before.
    let mut bits = vec![0u64; (0xA000 - 0x3400) / 64];
    for c in ranges.into_iter().flatten() {
        if is_common(c) {
            continue;
        }
        let simplified = zhconv::zhconv(c.encode_utf8(&mut [0; 4]), zhconv::Variant::ZhHans);
        let mut chars = simplified.chars();
        if let (Some(s), None) = (chars.next(), chars.next()) {
            if s != c && is_common(s) && known.contains(&s) {
                simplified_of.push(u16::try_from(s as u32).expect("a GB 2312 character is in the BMP"));
                let i = c as usize - 0x3400;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
    }
    let mut before = Vec::with_capacity(bits.len());
    let mut count = 0u32;
    for w in &bits {
        before.push(count);
        count += w.count_ones();
    }
    let list = |v: &mut dyn Iterator<Item = String>| v.collect::<Vec<_>>().join(",");
    format!(
        "// Generated by build.rs from the zhconv crate: traditional characters outside GB 2312 and the\n\
         // common simplified character each stands for.\n\
         /// Bit `i` (of word `i / 64`) is set when U+3400 + `i` is a traditional character.\n\
         pub static IS_TRADITIONAL: &[u64; {}] = &[{}];\n\
         /// How many bits are set in the words before each word.\n\
         pub static BITS_BEFORE: &[u16; {}] = &[{}];\n\
         /// The simplified character of each traditional one, in the order of their bits.\n\
         pub static SIMPLIFIED: &[u16] = &[{}];\n",
        bits.len(),
        list(&mut bits.iter().map(u64::to_string)),
        before.len(),
        list(&mut before.iter().map(u32::to_string)),
        list(&mut simplified_of.iter().map(u16::to_string))
    )
}

/// A syllable as raw pinyin is typed: no tone, ü as v.
fn plain(syllable: &str) -> String {
    syllable.replace(|c: char| c.is_ascii_digit(), "").replace('ü', "v")
}

fn sound_table(classifier: Option<&serde_json::Value>) -> String {
    let negators = negator_chars(classifier);
    let terms = term_chars(classifier, &negators);
    // Classes are syllables with their tone (少 shǎo is not 烧 shāo); a term character's other
    // readings are alternatives (倒 is also dào, so 晕到 meets 晕倒).
    let mut syllables: BTreeSet<&'static str> = BTreeSet::new();
    let mut toned: BTreeSet<&'static str> = BTreeSet::new();
    for c in &terms {
        for p in c.to_pinyin_multi().into_iter().flatten() {
            syllables.insert(p.with_tone_num());
        }
        if let Some(p) = c.to_pinyin() {
            toned.insert(p.with_tone_num());
        }
    }
    let class_of = |s: &str| syllables.iter().position(|x| *x == s).map(|i| i + 1);
    let mut table: Vec<(u32, usize)> = Vec::new();
    let mut alts: Vec<(u32, usize)> = Vec::new();
    for c in '\u{4E00}'..='\u{9FA5}' {
        let Some(p) = c.to_pinyin() else { continue };
        // Another character only when it sounds exactly like a term character (its usual
        // reading, tone included) and is a common one: IMEs and voice input offer the GB 2312
        // characters, and the rare two thirds of the homophones were a third of the table.
        if terms.contains(&c) || (toned.contains(p.with_tone_num()) && is_common(c) && !negators.contains(&c)) {
            if let Some(class) = class_of(p.with_tone_num()) {
                table.push((c as u32, class));
            }
        }
        if terms.contains(&c) {
            for other in c.to_pinyin_multi().into_iter().flatten().skip(1) {
                if let Some(class) = class_of(other.with_tone_num()).filter(|k| Some(*k) != class_of(p.with_tone_num())) {
                    alts.push((c as u32, class));
                }
            }
        }
    }
    alts.dedup();
    // Chars as the gaps between them, one byte each (255: the gap follows in two bytes).
    let mut gaps: Vec<String> = Vec::new();
    let mut last = 0x4E00 - 1;
    for (c, _) in &table {
        let gap = c - last;
        if gap < 255 {
            gaps.push(gap.to_string());
        } else {
            gaps.extend(["255".to_string(), (gap >> 8).to_string(), (gap & 255).to_string()]);
        }
        last = *c;
    }
    let list = |v: &mut dyn Iterator<Item = String>| v.collect::<Vec<_>>().join(",");
    format!(
        "// Generated by build.rs from the pinyin crate: the sound classes of the classifier's Chinese\n\
         // term characters and of the characters that sound exactly like one of them.\n\
         /// The characters with a class, from U+4DFF on, as gaps (255: a two-byte gap follows).\n\
         pub static SOUND_GAPS: &[u8] = &[{}];\n\
         /// The class of each character (a syllable with its tone; 0 is none).\n\
         pub static SOUND_CLASSES: &[u16] = &[{}];\n\
         /// Other readings of term characters: (character, class).\n\
         pub static SOUND_ALTS: &[(char, u16)] = &[{}];\n\
         /// Each class's syllable as typed in raw pinyin, without its tone (class 1 first), one space\n\
         /// after each.\n\
         pub static SOUND_SYLLABLES: &str = \"{}\";\n\
         /// The one-character negators, which have no class, as typed in raw pinyin (没 mei).\n\
         pub static NEGATOR_SYLLABLES: &[(char, &str)] = &[{}];\n",
        gaps.join(","),
        list(&mut table.iter().map(|e| e.1.to_string())),
        list(&mut alts.iter().map(|(c, k)| format!("('\\u{{{c:x}}}',{k})"))),
        syllables.iter().map(|s| plain(s) + " ").collect::<String>(),
        list(&mut negators.iter().filter_map(|c| c.to_pinyin().map(|p| format!("({c:?},{:?})", plain(p.with_tone_num())))))
    )
}
