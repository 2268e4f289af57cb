//! The vocabulary of classification that is part of the JS contract (`docs/api.md`): signals, phases,
//! and the `Facts` a portal may give and the classifier gives back. Ids here are the contract; the
//! words that express them are plan data (`classifier.lexicon`).

use serde::Serialize;

use crate::json::{FromJson, ToJson};

/// A closed set of snake_case ids with their names and dense indexes (for bit sets).
macro_rules! id_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToJson, FromJson)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum $name { $($(#[$vm])* #[serde(rename = $s)] $v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

id_enum! {
    /// Something a proctor observed. The ids are fixed by the API; the words for them are plan data.
    Signal {
        PaperStolen = "paper_stolen", PaperLost = "paper_lost", PaperSealBroken = "paper_seal_broken",
        PaperLeaked = "paper_leaked", PaperWaterDamage = "paper_water_damage", PaperFireDamage = "paper_fire_damage",
        PapersDelayed = "papers_delayed", CandidatesDelayed = "candidates_delayed", RoomDisorder = "room_disorder",
        Cheating = "cheating", Terror = "terror", CriticalIllness = "critical_illness",
        InfectiousDisease = "infectious_disease", Earthquake = "earthquake", Fire = "fire", Flood = "flood",
        Disaster = "disaster", WrongSubjectPaper = "wrong_subject_paper", PapersShort = "papers_short",
        PagesMissing = "pages_missing", MediaNoDisplay = "media_no_display", MediaNoSound = "media_no_sound",
        QuestionError = "question_error", PowerOutage = "power_outage", EquipmentFailure = "equipment_failure",
        Virus = "virus", SoftwareFailure = "software_failure", NetworkFailure = "network_failure",
        PaperMissing = "paper_missing", AnswerSheetMissing = "answer_sheet_missing", PaperTakenAway = "paper_taken_away",
    }
}

id_enum! {
    /// Where in the life of the papers and the exam the event happened.
    Phase {
        Transport = "transport", Storage = "storage", BeforeExam = "before_exam", DuringExam = "during_exam",
        AfterExam = "after_exam",
    }
}

id_enum! {
    /// The facts the rules and the questions can test (field names of [`Facts`] besides `signals`).
    FactKey {
        Phase = "phase", RoomsAffected = "rooms_affected", CandidatesAffected = "candidates_affected",
        OutageMinutes = "outage_minutes", Restored = "restored", Regional = "regional",
        CandidatesFraction = "candidates_fraction", CandidatesLarge = "candidates_large",
        Signals = "signals", Kind = "kind",
    }
}

impl FactKey {
    /// Facts that hold a number (the others hold a boolean, or a phase).
    pub fn is_number(self) -> bool {
        matches!(self, FactKey::RoomsAffected | FactKey::CandidatesAffected | FactKey::OutageMinutes | FactKey::CandidatesFraction)
    }
    pub fn is_bool(self) -> bool {
        matches!(self, FactKey::Restored | FactKey::Regional | FactKey::CandidatesLarge)
    }
}

/// What is known about an incident. As input: what the proctor ticked (it wins over the text).
/// As output: everything understood, from the text and the given facts together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Facts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub signals: Vec<Signal>,
    /// Exam rooms affected. From text this may be a lower bound: 多个考场 / several rooms → 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub rooms_affected: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub candidates_affected: Option<u32>,
    /// Length of the power cut or equipment failure, in minutes (so far, when `restored` is false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub outage_minutes: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub restored: Option<bool>,
    /// A regional, large-area outage (区域大面积停电).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub regional: Option<bool>,
    /// Extension: the share of the session's candidates affected, 0–1 (一半 → 0.5, 三分之一 → 0.33).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub candidates_fraction: Option<f64>,
    /// Extension: "large numbers" of candidates without a figure (大量, 大批, many).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub candidates_large: Option<bool>,
    /// Extension, output only: the rooms the text names, as typed (第二考场, 3号考场, room 5), to
    /// prefill a form; ignored as input.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub rooms: Vec<String>,
}

/// Field names of [`Facts`], for naming a bad one in an error.
pub const FACT_FIELDS: &[&str] = &[
    "phase",
    "signals",
    "rooms_affected",
    "candidates_affected",
    "outage_minutes",
    "restored",
    "regional",
    "candidates_fraction",
    "candidates_large",
    "rooms",
];

/// How exact a number read from text is: 两个考场 is exact, 两个以上考场 at least 2, 超过30分钟
/// more than 30, 30分钟内 at most 30, 不到10个 less than 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

/// A number with how exact it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    pub value: f64,
    pub bound: Bound,
}

impl Num {
    pub fn exact(value: f64) -> Num {
        Num { value, bound: Bound::Exact }
    }
}
