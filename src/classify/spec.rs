//! The classifier's section of the plan (`classifier` in `plans/sd101/classifier.json`):
//! lexicon, negators, numerals, phase cues, the decision table and the questions. Plan content;
//! the mechanisms are in the sibling modules.

use std::sync::OnceLock;

use serde::Serialize;

use crate::json::{FromJson, ToJson};
use crate::map::{VecMap, VecSet};

use super::facts::{Bound, FactKey, Phase, Signal};
use super::lexicon::Index;
use crate::plan::{PlanDocument, ProblemKind, Problems, Severity};
use crate::text::Text;

#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct ClassifierSpec {
    /// Words for every signal of the API (Chinese with common synonyms, and English).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<Signal, Terms>"))]
    pub lexicon: VecMap<Signal, Terms>,
    /// Plan-defined cues that are not API signals (e.g. 踩踏 for `other_major`); rules test them
    /// with `cues_any`.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, Terms>"))]
    pub cues: VecMap<String, Terms>,
    /// Words that set a yes/no fact (已恢复 → restored, 区域停电 → regional).
    pub flags: Vec<FlagTerms>,
    /// Phase cues (押运 → transport, 保密室 → storage, …).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<Phase, Terms>"))]
    pub phases: VecMap<Phase, Terms>,
    pub negation: Negation,
    pub numbers: Numbers,
    /// Signals whose text durations are the outage length (`outage_minutes`).
    pub outage_signals: Vec<Signal>,
    /// The decision table: facts → kinds, each rule citing its clause.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "ClassifierRule[]"))]
    pub rules: Vec<Rule>,
    /// What to ask when one answer would change the kind, the severity or the escalation.
    pub questions: Vec<Question>,
    /// Object + predicate frames: a signal said by a predicate attached to its object within a
    /// clause (试卷…被拍照), where neither word alone says it.
    #[serde(default)]
    pub frames: Vec<Frame>,
    /// How far apart (in characters) an object and its predicate may be in one clause.
    #[serde(default = "frame_window")]
    pub frame_window_chars: usize,
    /// What a spaced (English) word counts for in that window, in characters: "the seal of the
    /// paper packet is torn" is as near as 试卷袋封条被撕开 (0: each letter counts, as in Chinese).
    #[serde(default)]
    pub frame_word_chars: usize,
    /// Common words that hold or sound like a shorter term and never stand for it (味道 is not
    /// 未到, 湿度计 is not 湿): no term is found inside them, as written or by sound, and no term
    /// heard by sound takes the first half of one (好多人至少 holds no 人质) or starts inside one
    /// (数据在 holds no 聚在).
    #[serde(default)]
    pub plain_words: Vec<String>,
    /// Characters that carry no word of their own (了, 着, 过 …): a term whose other characters
    /// are one matches as written, like a one-character term, since by sound that one character
    /// meets every common character of its syllable (塌了 is not 他了, 湿了 is not 老师了).
    #[serde(default)]
    pub sound_particles: String,
    /// Signals that give way where their words are another's: a term of `signal` sharing words
    /// with a term of one of `to` says nothing of its own (少了一份 in 试卷少了一份 is the papers
    /// short, "missing" in "papers are missing pages" is the pages).
    #[serde(default)]
    pub yields: Vec<Yield>,
    /// Changes of handling beside the kind's severity (a long or regional outage goes to the
    /// superiors): never a change of severity.
    #[serde(default)]
    pub escalations: Vec<Escalation>,
    /// Labelled example phrasings: the safety net when no rule is certain.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// How the safety net ranks by similarity to the examples.
    #[serde(default)]
    pub similarity: Similarity,
    /// How the learnt model is trained and read.
    #[serde(default)]
    pub learning: Learning,
    /// The learnt model, trained ahead from the examples (and a bank of proctors' phrasings kept
    /// beside the plan): absent, it is trained from `examples` on first use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model: Option<LearntModel>,
    /// The term index, built once per plan when it is loaded (on first use for a section read
    /// on its own).
    #[serde(skip)]
    index: OnceLock<Index>,
    /// The learnt model, read (or trained) on the first text no rule settles.
    #[serde(skip)]
    learnt: OnceLock<super::model::Model>,
}

impl ClassifierSpec {
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(self))
    }

    pub fn model(&self) -> &super::model::Model {
        self.learnt.get_or_init(|| super::model::Model::build(self, self.index()))
    }
}

/// Words in both languages. Matching ignores ASCII case and full-width/half-width forms.
/// (Not `zh`/`en`: an object of exactly those keys is a bilingual text to the plan checker.)
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Terms {
    #[serde(rename = "zh_terms")]
    pub zh: Vec<String>,
    #[serde(default, rename = "en_terms")]
    pub en: Vec<String>,
}

impl Terms {
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.zh.iter().chain(&self.en)
    }
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct FlagTerms {
    /// A yes/no fact: `restored`, `regional` or `candidates_large`.
    pub fact: FactKey,
    pub value: bool,
    pub terms: Terms,
}

#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Negation {
    /// Words that cancel what follows them (未, 没有, 无, 并未, 不是, 非, no, not, never).
    pub negators: Vec<String>,
    /// Words that contain a negator but do not negate (非常, 无法, 未经).
    pub not_negators: Vec<String>,
    /// Words that make a following yes/no fact unknown rather than true (预计…恢复).
    pub hedges: Vec<String>,
    /// Words that end a negator's scope (但是, 而是, but); punctuation always does.
    pub breaks: Vec<String>,
    /// Words that carry a negation on to the next term (和, 或, 也, and, or).
    pub connectors: Vec<String>,
    /// How far (in characters) after a negator its first term may start.
    pub scope_chars: usize,
    /// How far (in words) after a negator its first term may start when the words between are
    /// Latin-script ("no one was caught cheating"); absent: counted in characters too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub scope_words: Option<usize>,
    /// Words that make a sentence say nothing happened here: a drill, a hypothetical, the news,
    /// a question about the procedure (演练, 如果, 新闻, 请问, drill, if).
    #[serde(default)]
    pub unreal: Vec<String>,
    /// Words of a threat (扬言, threatened): a threat is made now whatever its condition, so a
    /// sentence with one stays real beside an unreal word (炸掉考点如果…, blow it up if …).
    #[serde(default)]
    pub threats: Vec<String>,
    /// Words that turn a sentence (但是, 不过, but): an unreal word's reach stops at them.
    #[serde(default)]
    pub unreal_breaks: Vec<String>,
    /// Words of saying before a quote (喊, 说, shouted): the quote is speech relayed, a report,
    /// where a quoted word alone is only named (the “bomb”).
    #[serde(default)]
    pub speech_markers: Vec<String>,
    /// Question words (能不能, 要不要, 还是, 对吧): in a clause that ends with a question mark and
    /// has no word of `perfectives`, the events named are asked about, not reported
    /// (发烧的考生还能不能进场？; but 考生晕倒了要不要叫120？ reports the faint).
    #[serde(default)]
    pub question_words: Vec<String>,
    /// Aspect words that say something has happened (了): a question clause with one reports it.
    #[serde(default)]
    pub perfectives: Vec<String>,
    /// Words that open a question in English (is, does, has, what): a clause that opens with one
    /// and ends with a question mark asks about the events it names (Is one room with three
    /// cheaters a major incident?); the same word inside a clause asks nothing (the candidate is
    /// bleeding?).
    #[serde(default)]
    pub question_openers: Vec<String>,
    /// Words that open an alternative to a question (or): such a clause continues the question
    /// of the clause before it, so both ask (Does a 20-minute power cut mean we add 20 minutes,
    /// or does the centre decide?).
    #[serde(default)]
    pub question_alternatives: Vec<String>,
    /// Words that say the case just asked or supposed is happening here and now (我们现在就是这样,
    /// 今天三考场就是这个情况, 现在门口就有一个, 已经, that's what we have right now): a question or an
    /// unreal sentence that ends with a question mark before one reports, not asks
    /// (问一下，考生37.8能不能进场？现在门口就有一个); so does a spoken question without a mark, an
    /// unreal word then a question word then one of these (请问一下备用卷不够怎么办我们这个考场…).
    #[serde(default)]
    pub actualisers: Vec<String>,
    /// Words that report a claim made earlier (刚才说, 之前报的, earlier I said): the clause after
    /// one is that claim, taken back when a word of `corrections` follows it.
    #[serde(default)]
    pub earlier_claims: Vec<String>,
    /// Words that take an earlier claim back (其实, 搞错了, 看错了, actually, turns out): right after
    /// the claim they negate its words, and the rest of the message is the corrected report.
    #[serde(default)]
    pub corrections: Vec<String>,
    /// Values that say a field of a status report is empty (0, 无, 正常, none): right after an
    /// event's word, with at most a colon or spaces between and a field's end after them
    /// (违纪0人，作弊：无, cheating: none), they say the event did not happen.
    #[serde(default)]
    pub nil_values: Vec<String>,
    /// Unreal words that, in a sentence of little more than themselves (Drill only. 只是演练。), make
    /// the whole message unreal. Not every unreal word: 哈哈。after 考生晕倒了 is nerves, not a joke.
    #[serde(default)]
    pub whole_message: Vec<String>,
    /// Words that say what follows is the exam's own content (题目里, 考题要求, the practical
    /// task): the fire or the power cut a question asks about is no event, up to the clause's
    /// end (a colon goes on: 一道题问：…火灾), except the signals about the paper itself
    /// (`content_spares`: 题目里有错别字 is still a question error).
    #[serde(default)]
    pub content: Vec<String>,
    #[serde(default)]
    pub content_spares: Vec<Signal>,
    /// Words naming someone who is not at the exam (同事家孩子, 在家没来, off sick): what their
    /// clause says happened happened to them (张老师孩子发烧住院了), not at the site.
    #[serde(default)]
    pub bystanders: Vec<String>,
    /// Family words (孩子, 女儿, my kid) that are bystanders only in a text that also asks for
    /// leave or cover (`staff_leave`: 请假, 顶一下, cover room): a proctor's sick child at home.
    /// Alone they are not: a parent phones about their child the candidate, and a candidate's
    /// child at home with hand-foot-and-mouth is an exposure.
    #[serde(default)]
    pub family: Vec<String>,
    #[serde(default)]
    pub staff_leave: Vec<String>,
    /// Words that, anywhere in the text, take back some signals and cues: 考试照常 a disaster (重大(7)
    /// is one that "影响考试正常进行"), a normal temperature re-measured a fever.
    #[serde(default)]
    pub clearings: Vec<Clearing>,
    /// Signals whose denial anywhere in the text takes back every mention (冒烟…不是着火, the
    /// smoke … no fire): said only of signals whose weaker words (smoke) are often explained away.
    #[serde(default)]
    pub denials: Vec<Signal>,
    /// Words that answer no to a question just asked (卷子湿了？没有没有，…; Fire? No, …): right
    /// after a question mark, and nothing else before the clause ends, they take back the terms
    /// of the question's clause. 停电了？没有人通知吗 goes on past the word: no answer.
    #[serde(default)]
    pub echo_answers: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// Chinese digits, one character each (一 → 1, 两 → 2, 〇 → 0).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, number>"))]
    pub digits: VecMap<String, f64>,
    /// Chinese multipliers, one character each (十 → 10, 百 → 100, 千 → 1000).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, number>"))]
    pub units: VecMap<String, f64>,
    /// Number words (one → 1, twenty → 20, a/an → 1).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, number>"))]
    pub words: VecMap<String, f64>,
    /// 分之 in 三分之一.
    pub fraction_infix: Vec<String>,
    /// Words that make the count after them one of several alike (一楼二楼各一个考场, two rooms
    /// each with 3 cheating): the whole is at least twice it.
    #[serde(default)]
    pub each_markers: Vec<String>,
    /// % and percent.
    pub percent: Vec<String>,
    /// 个 in 一个半小时, 两个多小时.
    pub classifier: Vec<String>,
    /// 半 in 一个半小时.
    pub half: Vec<String>,
    /// Words that join a quantity to its noun (的, of, of the).
    pub linkers: Vec<String>,
    /// Counted nouns and time units.
    pub measures: Vec<Measure>,
    /// Room nouns after a room number (3号考场, room 3).
    pub room_nouns: Vec<String>,
    /// 号 in 3号考场; 第 in 第3考场.
    pub ordinals: Vec<String>,
    pub ordinal_prefixes: Vec<String>,
    /// Separators in a list of room numbers (、 和 and).
    pub list_separators: Vec<String>,
    /// Separators that continue a list only once it is one of room numbers (rooms 5, 6 and 8;
    /// 301+302): a comma elsewhere ends a clause, and negation does not cross it.
    #[serde(default)]
    pub room_list_separators: Vec<String>,
    /// Separators of a range of room numbers once a room is named (rooms 10-12, 考场3至5号):
    /// every room from the first to the last.
    #[serde(default)]
    pub room_range_separators: Vec<String>,
    /// Numerals that only count (两, 俩): glued to a room noun they count rooms (两考场), where
    /// another numeral names one (三考场 is room 3; 三个考场 are three).
    #[serde(default)]
    pub cardinals: Vec<String>,
    /// 以上, 超过, 以内, within …
    pub bounds: Vec<BoundWords>,
    /// Words that stand for a count or a share (多个, 几个, 大量, 一半, several).
    pub quantities: Vec<Quantity>,
    /// Fixed durations (半小时, 一刻钟, half an hour).
    pub durations: Vec<FixedDuration>,
    /// Words that start like a number but are none (十分 "very", 一般, 一起).
    pub not_numbers: Vec<String>,
    /// Words that mark a count as the session's whole (共30人, 本场30名, of 30): the other counts
    /// are then a share of it.
    #[serde(default)]
    pub total_markers: Vec<String>,
    /// The same said after the figure (40 registered). Chinese puts its markers first (应到45), and
    /// one after a figure starts the next count (4 & 5 一共 60).
    #[serde(default)]
    pub total_suffixes: Vec<String>,
    /// Words that mark a count as those present (只来了12个, 14 have arrived): the affected are
    /// then the session's count less it.
    #[serde(default)]
    pub present_markers: Vec<String>,
    /// Words right before a present marker that deny it (不来了, 不得入场): no negators in
    /// general, but they do say these are not present.
    #[serde(default)]
    pub present_blockers: Vec<String>,
    /// Words right after a present marker, or just before it, that say those present came in
    /// late (4 of 25 turned up after the start, 开考后才进场的有7个): the count is of late
    /// arrivals who are there, not of those present with the rest still away.
    #[serde(default)]
    pub present_late: Vec<String>,
    /// Words right before a count that say it is missing from the session's whole (差8个, 缺了16个,
    /// short 5): beside a total, candidates are missing even when no event word says so.
    #[serde(default)]
    pub short_markers: Vec<String>,
    /// Words that say the event is in one room only (别的考场没事, only this room, the other rooms
    /// are fine): the rooms affected are then at least one, not unknown.
    #[serde(default)]
    pub one_room_words: Vec<String>,
    /// Nouns a number after which names a thing, not a count (lab 3, page 6, seat 14, bus 2):
    /// "seat 14 candidate fainted" is one candidate; or counts things, not candidates (a report's
    /// 答题卡28 and 收卷28 beside 缺考2).
    #[serde(default)]
    pub id_nouns: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Rooms,
    Candidates,
    Minutes,
    /// People who are not candidates (两个监考, two proctors, 监考两个人): a count of them is no
    /// count of candidates.
    Staff,
    /// Things counted, not people (试卷12袋, 40台, five packets): a count of them is no count of
    /// candidates either (应到试卷12袋 已到8袋 is four bags short, not four candidates).
    Items,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub target: Target,
    /// Minutes per unit for time units (小时 → 60); 1 for counts.
    #[serde(default = "one")]
    pub factor: f64,
    pub terms: Vec<String>,
}

fn frame_window() -> usize {
    16
}

/// A signal said as an object and a predicate in one clause, in either order.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub id: String,
    /// The signal the frame says (exactly one of `signal` and `cue`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<Signal>,
    /// Or a plan cue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub clause: String,
    pub objects: Terms,
    pub predicates: Terms,
}

/// A change of handling: when the best kind is one of `kinds` and every condition holds for
/// certain, the result names who the matter goes to and why.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    pub id: String,
    pub kinds: Vec<String>,
    /// Role id.
    pub to: String,
    /// May name thresholds as `{threshold_id}`.
    pub reason: Text,
    pub clause: String,
    /// Any one of these condition lists holds (each list: all of its conditions).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "ClassifierCond[][]"))]
    pub when_any: Vec<Vec<Cond>>,
}

/// One labelled phrasing: `kind` null for a text that describes no incident.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub kind: Option<String>,
    pub text: String,
    pub clause: String,
}

/// The most passes a plan may ask the trainer for (the default plan's model converges in far fewer).
const MAX_PASSES: usize = 1000;

/// How the learnt model is trained (`src/classify/train.rs`) and read. The defaults were measured
/// across the development corpora (docs/classify.md).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Learning {
    /// Features are hashed into 2^`buckets_log2` buckets.
    #[serde(default = "Learning::default_buckets_log2")]
    pub buckets_log2: u32,
    /// The SVM's C: how closely it fits the examples.
    #[serde(default = "Learning::default_c")]
    pub c: f64,
    /// A feature counts when at least this many examples have it.
    #[serde(default = "Learning::default_min_examples")]
    pub min_examples: usize,
    /// How many weights the model keeps (the largest).
    #[serde(default = "Learning::default_keep_weights")]
    pub keep_weights: usize,
    /// Each kept weight is one of ±`weight_levels` steps of one scale (at most 127: a byte).
    #[serde(default = "Learning::default_weight_levels")]
    pub weight_levels: u8,
    /// Passes over the examples at most, and the solver's stopping tolerance.
    #[serde(default = "Learning::default_max_passes")]
    pub max_passes: usize,
    #[serde(default = "Learning::default_tolerance")]
    pub tolerance: f64,
    /// Scores become shares of likelihood as `exp(temperature × score)`.
    #[serde(default = "Learning::default_temperature")]
    pub temperature: f64,
}

impl Learning {
    fn default_buckets_log2() -> u32 {
        20
    }
    fn default_c() -> f64 {
        1.0
    }
    fn default_min_examples() -> usize {
        2
    }
    fn default_keep_weights() -> usize {
        20_000
    }
    fn default_weight_levels() -> u8 {
        127
    }
    fn default_max_passes() -> usize {
        200
    }
    fn default_tolerance() -> f64 {
        0.1
    }
    fn default_temperature() -> f64 {
        4.0
    }
}

impl Default for Learning {
    fn default() -> Self {
        Learning {
            buckets_log2: Learning::default_buckets_log2(),
            c: Learning::default_c(),
            min_examples: Learning::default_min_examples(),
            keep_weights: Learning::default_keep_weights(),
            weight_levels: Learning::default_weight_levels(),
            max_passes: Learning::default_max_passes(),
            tolerance: Learning::default_tolerance(),
            temperature: Learning::default_temperature(),
        }
    }
}

/// A trained linear model (`cargo run --release --example train_model` writes it).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct LearntModel {
    /// The clause the examples' labels follow.
    pub clause: String,
    /// What it was trained on (settings and examples), to tell when it is out of date.
    pub trained_on: String,
    pub buckets_log2: u32,
    /// A kind id per class, `null` for "no incident".
    pub labels: Vec<Option<String>>,
    pub bias: Vec<f64>,
    pub scale: f64,
    /// The weights, base64 (`train::encode`).
    pub weights: String,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Similarity {
    /// The least similarity (0–1) at which an example counts.
    pub min_score: f64,
    /// How many candidates the safety net proposes at most.
    pub max_candidates: usize,
    /// A major candidate at least this share of the best one's similarity ranks first.
    pub major_margin: f64,
    /// The learnt model proposes another kind beside its best when that kind is at least this
    /// share as likely (absent: the best kind alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_alternative_share: Option<f64>,
    /// The learnt model reads "no incident" when that is at least this share as likely as its best
    /// kind (absent: only when it is the likeliest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_no_incident_share: Option<f64>,
    /// A text whose words the rules read and rejected (something negated, nothing unreal) goes to
    /// the learnt model too, which reads an incident in it only when "no incident" is below this
    /// share of its best kind (absent: such a text is no incident).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_negated_no_incident_share: Option<f64>,
    /// The learnt model doubts a rule's certain kind when it ranks that kind below its
    /// `model_doubt_rank` best and at less than this share of its best (absent: it never doubts
    /// a rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_doubt_share: Option<f64>,
    /// Under doubt, the model's "no incident" clears a rule's general kind only when that kind
    /// is below this share of its best (absent: `model_doubt_share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_reject_share: Option<f64>,
    /// A major kind at least this share as likely as "no incident" keeps the model from reading
    /// "no incident": the text is returned as that kind, uncertain (absent: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_major_keep_share: Option<f64>,
    /// The learnt model's "no incident" clears even a rule's major kind when that kind is under
    /// this share of it and the text has no negator (absent: a major reading is never cleared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_major_reject_share: Option<f64>,
    /// How many of the model's best kinds a rule's kind may be among and not be doubted (1: the
    /// model's best only; default 2).
    #[serde(default = "Similarity::default_doubt_rank")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub model_doubt_rank: usize,
    /// English words too common to tell kinds apart (the, was, …).
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// The question that asks the proctor to confirm the kind.
    pub confirm: Text,
    pub confirm_clause: String,
}

impl Similarity {
    fn default_doubt_rank() -> usize {
        2
    }
}

impl Default for Similarity {
    fn default() -> Self {
        Similarity {
            min_score: 0.2,
            max_candidates: 3,
            major_margin: 0.8,
            model_alternative_share: None,
            model_no_incident_share: None,
            model_negated_no_incident_share: None,
            model_doubt_share: None,
            model_reject_share: None,
            model_major_keep_share: None,
            model_major_reject_share: None,
            model_doubt_rank: Similarity::default_doubt_rank(),
            stop_words: Vec::new(),
            confirm: Text::default(),
            confirm_clause: String::new(),
        }
    }
}

fn one() -> f64 {
    1.0
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct BoundWords {
    pub bound: Bound,
    /// Before the number (超过30分钟, within 30 minutes).
    #[serde(default)]
    pub prefix: Vec<String>,
    /// After the number or its unit (30分钟以上, 20多分钟, 30分钟内).
    #[serde(default)]
    pub suffix: Vec<String>,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub terms: Vec<String>,
    /// The count it stands for, with `bound` (多个 → at least 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    #[serde(default = "exact")]
    pub bound: Bound,
    /// The share it stands for (一半 → 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<f64>,
    /// "Large numbers" without a figure (大量, 大批).
    #[serde(default)]
    pub large: bool,
    /// The word names whom it counts (就他一个, only him): its count is of candidates with no
    /// noun after it, where 有个 before 问题 counts no one.
    #[serde(default)]
    pub people: bool,
    /// What it may count; empty: anything.
    #[serde(default)]
    pub applies_to: Vec<Target>,
}

fn exact() -> Bound {
    Bound::Exact
}

/// A signal that gives way to others where their terms share words (`ClassifierSpec::yields`).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Yield {
    pub signal: Signal,
    pub to: Vec<Signal>,
    pub clause: String,
}

/// Words that clear what they name: any of `words` in a text takes back its `signals` and `cues`.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Clearing {
    pub id: String,
    pub clause: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub signals: Vec<Signal>,
    #[serde(default)]
    pub cues: Vec<String>,
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct FixedDuration {
    pub minutes: f64,
    pub terms: Vec<String>,
}

/// One row of the decision table. A rule holds when all its conditions hold; it may hold only
/// possibly, when a fact it tests is unknown (then it still proposes its kind, and the question
/// about that fact is asked).
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(rename = "ClassifierRule"))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub kind: String,
    /// Escalates the kind's own severity where the plan says so (never lowers it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Higher wins among rules of equal severity and certainty (0–100).
    pub priority: u32,
    pub clause: String,
    /// Only proposed when no other rule proposes anything.
    #[serde(default)]
    pub fallback: bool,
    /// Never more than possible: the kind is proposed with `certain: false` and the questions
    /// ask what would settle it (发烧 alone, disorder in two rooms without cheating said).
    #[serde(default)]
    pub uncertain: bool,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "ClassifierCond[]"))]
    pub when: Vec<Cond>,
    /// Kinds this rule rules out when it holds for certain, even graver ones: a paper a candidate
    /// took home after the exam is 一般(5), whatever they did with it then (a photo posted is no
    /// leak in transport or storage, 重大(1)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub rules_out: Vec<String>,
}

/// One condition: exactly one of `signals_any`, `cues_any`, `any`, or a `fact` with one test.
#[derive(Clone, Debug, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(rename = "ClassifierCond"))]
#[serde(deny_unknown_fields)]
pub struct Cond {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signals_any: Option<Vec<Signal>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cues_any: Option<Vec<String>>,
    /// Holds when any of the conditions holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "ClassifierCond[]"))]
    pub any: Option<Vec<Cond>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactKey>,
    /// fact ≥ value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<NumRef>,
    /// fact ≤ value ("within 30 minutes" includes 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<NumRef>,
    /// fact > value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<NumRef>,
    /// A yes/no fact equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<bool>,
    /// The phase is one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_phases: Option<Vec<Phase>>,
    /// What an unknown fact makes of the condition: `doubt` (default: possibly; ask), `pass`, `fail`.
    #[serde(default)]
    pub if_unknown: IfUnknown,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum IfUnknown {
    #[default]
    Doubt,
    Pass,
    Fail,
}

/// A number, or the name of a plan threshold.
#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum NumRef {
    Value(f64),
    Threshold(String),
}

#[derive(Clone, Debug, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The fact the answer gives.
    pub fact: FactKey,
    pub text: Text,
    pub clause: String,
    /// For a number: the boundaries to try (each, one below and one above).
    #[serde(default)]
    pub probe: Vec<NumRef>,
    /// For `fact: "signals"`: the signal whose presence the question asks about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<Signal>,
}

/// Checks the section against the rest of the plan: kinds, thresholds, signals, cues, facts.
pub fn check(doc: &PlanDocument, problems: &mut Problems) {
    let c = &doc.classifier;
    for s in Signal::ALL {
        match c.lexicon.get(s) {
            None => problems.push(format!("classifier.lexicon.{}", s.as_str()), ProblemKind::Missing("signal terms")),
            Some(t) if t.zh.is_empty() || t.en.is_empty() => {
                problems.push(format!("classifier.lexicon.{}", s.as_str()), ProblemKind::Missing("Chinese and English terms"))
            }
            _ => {}
        }
    }
    for (name, t) in c.lexicon.iter().map(|(s, t)| (s.as_str().to_string(), t)).chain(c.cues.iter().map(|(k, t)| (k.clone(), t))) {
        if t.all().any(|w| w.trim().is_empty()) {
            problems.push(format!("classifier.lexicon.{name}"), ProblemKind::BlankText);
        }
    }
    if c.cues.len() > 64 {
        problems.push("classifier.cues", ProblemKind::Shape("at most 64 cues".into()));
    }
    for (i, f) in c.flags.iter().enumerate() {
        if !f.fact.is_bool() {
            problems.push(format!("classifier.flags[{i}].fact"), ProblemKind::Shape(format!("{} is not a yes/no fact", f.fact.as_str())));
        }
    }
    for (name, map) in [("digits", &c.numbers.digits), ("units", &c.numbers.units)] {
        for k in map.keys() {
            if k.chars().count() != 1 {
                problems.push(format!("classifier.numbers.{name}.{k}"), ProblemKind::Shape("a single character".into()));
            }
        }
    }
    if c.negation.negators.is_empty() {
        problems.push("classifier.negation.negators", ProblemKind::Missing("negators"));
    }
    let mut kinds: VecMap<&str, Severity> = VecMap::new();
    for k in &doc.kinds {
        kinds.insert(k.id.as_str(), k.severity);
    }
    let mut cues: VecSet<&str> = VecSet::new();
    for name in c.cues.keys() {
        cues.insert(name.as_str());
    }
    let mut ids = VecSet::new();
    for (i, rule) in c.rules.iter().enumerate() {
        let at = format!("classifier.rules[{i}]");
        if !ids.insert(rule.id.as_str()) {
            problems.push(format!("{at}.id"), ProblemKind::DuplicateId(rule.id.clone()));
        }
        match kinds.get(rule.kind.as_str()) {
            None => problems.push(format!("{at}.kind"), ProblemKind::UnknownRef { what: "kind", id: rule.kind.clone() }),
            Some(&sev) if rule.severity.is_some_and(|s| s < sev) => {
                problems.push(format!("{at}.severity"), ProblemKind::Shape("a rule may raise a kind's severity, never lower it".into()))
            }
            _ => {}
        }
        for (j, out) in rule.rules_out.iter().enumerate() {
            if !kinds.contains_key(out.as_str()) {
                problems.push(format!("{at}.rules_out[{j}]"), ProblemKind::UnknownRef { what: "kind", id: out.clone() });
            } else if *out == rule.kind {
                problems.push(format!("{at}.rules_out[{j}]"), ProblemKind::Shape("a rule does not rule out its own kind".into()));
            }
        }
        if rule.clause.trim().is_empty() {
            problems.push(format!("{at}.clause"), ProblemKind::BlankText);
        }
        if rule.when.is_empty() {
            problems.push(format!("{at}.when"), ProblemKind::Missing("conditions"));
        }
        for (j, cond) in rule.when.iter().enumerate() {
            check_cond(cond, &format!("{at}.when[{j}]"), doc, &cues, problems);
        }
    }
    for (i, f) in c.frames.iter().enumerate() {
        let at = format!("classifier.frames[{i}]");
        if f.signal.is_some() == f.cue.is_some() {
            problems.push(at.clone(), ProblemKind::Shape("a frame says exactly one of signal and cue".into()));
        }
        if let Some(cue) = &f.cue {
            if !cues.contains(cue.as_str()) {
                problems.push(format!("{at}.cue"), ProblemKind::UnknownRef { what: "signal", id: cue.clone() });
            }
        }
        if f.objects.zh.is_empty() || f.predicates.zh.is_empty() {
            problems.push(at, ProblemKind::Missing("objects and predicates"));
        }
    }
    for (i, e) in c.escalations.iter().enumerate() {
        let at = format!("classifier.escalations[{i}]");
        for (j, k) in e.kinds.iter().enumerate() {
            if !kinds.contains_key(k.as_str()) {
                problems.push(format!("{at}.kinds[{j}]"), ProblemKind::UnknownRef { what: "kind", id: k.clone() });
            }
        }
        if !doc.roles.iter().any(|r| r.id == e.to) {
            problems.push(format!("{at}.to"), ProblemKind::UnknownRef { what: "role", id: e.to.clone() });
        }
        if e.reason.is_blank() {
            problems.push(format!("{at}.reason"), ProblemKind::BlankText);
        }
        for (j, list) in e.when_any.iter().enumerate() {
            for (m, cond) in list.iter().enumerate() {
                check_cond(cond, &format!("{at}.when_any[{j}][{m}]"), doc, &cues, problems);
            }
        }
    }
    for (i, e) in c.examples.iter().enumerate() {
        if let Some(k) = &e.kind {
            if !kinds.contains_key(k.as_str()) {
                problems.push(format!("classifier.examples[{i}].kind"), ProblemKind::UnknownRef { what: "kind", id: k.clone() });
            }
        }
        if e.text.trim().is_empty() {
            problems.push(format!("classifier.examples[{i}].text"), ProblemKind::BlankText);
        }
    }
    // A site plan without a model is trained on first use: its settings must let that end soon.
    let l = &c.learning;
    for (name, v) in [("c", l.c), ("tolerance", l.tolerance), ("temperature", l.temperature)] {
        if !(v.is_finite() && v > 0.0) {
            problems.push(format!("classifier.learning.{name}"), ProblemKind::NotPositive(v));
        }
    }
    if l.max_passes == 0 || l.max_passes > MAX_PASSES {
        problems.push("classifier.learning.max_passes", ProblemKind::Shape(format!("between 1 and {MAX_PASSES}")));
    }
    if !(1..=31).contains(&l.buckets_log2) {
        problems.push("classifier.learning.buckets_log2", ProblemKind::Shape("between 1 and 31".into()));
    }
    if let Some(m) = &c.model {
        for (i, k) in m.labels.iter().enumerate() {
            if let Some(k) = k {
                if !kinds.contains_key(k.as_str()) {
                    problems.push(format!("classifier.model.labels[{i}]"), ProblemKind::UnknownRef { what: "kind", id: k.clone() });
                }
            }
        }
        if let Err(why) = super::model::read_weights(m) {
            problems.push("classifier.model", ProblemKind::Shape(why.into()));
        }
    }
    if (!c.examples.is_empty() || c.model.is_some()) && c.similarity.confirm.is_blank() {
        problems.push("classifier.similarity.confirm", ProblemKind::BlankText);
    }
    let mut qids = VecSet::new();
    for (i, q) in c.questions.iter().enumerate() {
        let at = format!("classifier.questions[{i}]");
        if !qids.insert(q.id.as_str()) {
            problems.push(format!("{at}.id"), ProblemKind::DuplicateId(q.id.clone()));
        }
        for (j, p) in q.probe.iter().enumerate() {
            check_num(p, &format!("{at}.probe[{j}]"), doc, problems);
        }
        if (q.fact == FactKey::Signals) != q.signal.is_some() {
            problems.push(format!("{at}.signal"), ProblemKind::Shape("a question on signals names one signal".into()));
        }
        if q.fact.is_number() && q.probe.is_empty() {
            problems.push(format!("{at}.probe"), ProblemKind::Missing("probe values for a number"));
        }
    }
}

fn check_cond(cond: &Cond, at: &str, doc: &PlanDocument, cues: &VecSet<&str>, problems: &mut Problems) {
    let tests = [cond.min.is_some(), cond.max.is_some(), cond.above.is_some(), cond.is.is_some(), cond.in_phases.is_some()];
    let n_tests = tests.iter().filter(|t| **t).count();
    let kinds_of = usize::from(cond.signals_any.is_some())
        + usize::from(cond.cues_any.is_some())
        + usize::from(cond.any.is_some())
        + usize::from(cond.fact.is_some());
    if kinds_of != 1 || (cond.fact.is_some() != (n_tests == 1)) || (cond.fact.is_none() && n_tests > 0) {
        problems.push(at, ProblemKind::Shape("a condition has exactly one of signals_any, cues_any, any, or fact with one test".into()));
        return;
    }
    if let Some(list) = &cond.cues_any {
        for (i, cue) in list.iter().enumerate() {
            if !cues.contains(cue.as_str()) {
                problems.push(format!("{at}.cues_any[{i}]"), ProblemKind::UnknownRef { what: "signal", id: cue.clone() });
            }
        }
    }
    if let Some(list) = &cond.any {
        for (i, c) in list.iter().enumerate() {
            check_cond(c, &format!("{at}.any[{i}]"), doc, cues, problems);
        }
    }
    if let Some(fact) = cond.fact {
        let fits = match () {
            _ if cond.is.is_some() => fact.is_bool(),
            _ if cond.in_phases.is_some() => fact == FactKey::Phase,
            _ => fact.is_number(),
        };
        if !fits {
            problems.push(format!("{at}.fact"), ProblemKind::Shape(format!("this test does not apply to {}", fact.as_str())));
        }
        for (name, n) in [("min", &cond.min), ("max", &cond.max), ("above", &cond.above)] {
            if let Some(n) = n {
                check_num(n, &format!("{at}.{name}"), doc, problems);
            }
        }
    }
}

fn check_num(n: &NumRef, at: &str, doc: &PlanDocument, problems: &mut Problems) {
    if let NumRef::Threshold(name) = n {
        if !doc.thresholds.contains_key(name) {
            problems.push(at, ProblemKind::UnknownRef { what: "threshold", id: name.clone() });
        }
    }
}
