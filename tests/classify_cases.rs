//! The classifier against `tests/data/classify_cases.json`: each case's kind, severity and (where
//! given) questions; plus properties every case must have.

use exam_incident::classify::{classify_value, Classification};
use exam_incident::plan::{default_plan, Plan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: Option<String>,
    facts: Option<serde_json::Value>,
    kind: Option<String>,
    severity: Option<String>,
    questions: Option<Vec<String>>,
    /// The role a change of handling goes to; absent: none.
    escalation: Option<String>,
    /// Whether a rule settles the kind; absent: not checked.
    certain: Option<bool>,
    note: Option<String>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/classify_cases.json")).expect("cases parse")
}

fn run(plan: &Plan, c: &Case) -> Classification {
    let mut input = serde_json::Map::new();
    if let Some(t) = &c.text {
        input.insert("text".into(), t.clone().into());
    }
    if let Some(f) = &c.facts {
        input.insert("facts".into(), f.clone());
    }
    classify_value(plan, &serde_json::Value::Object(input)).expect("classify")
}

#[test]
fn every_case_classifies_as_expected() {
    let plan = default_plan().unwrap();
    let cases = cases();
    assert!(cases.len() >= 150, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let got = run(&plan, c);
        let sev = got.severity.map(|s| s.as_str().to_string());
        let qs: Vec<String> = got.questions.iter().map(|q| q.id.clone()).collect();
        let esc = got.escalation.as_ref().map(|e| e.to.clone());
        let mut wrong = got.kind != c.kind || sev != c.severity || esc != c.escalation || c.certain.is_some_and(|w| w != got.certain);
        if let Some(want) = &c.questions {
            wrong |= &qs != want;
        }
        if wrong {
            failures.push(format!(
                "{:?} {:?}: want {:?}/{:?} q{:?} e{:?}, got {:?}/{:?} q{:?} e{:?} ({})",
                c.text.as_deref().unwrap_or(""),
                c.facts,
                c.kind,
                c.severity,
                c.questions,
                c.escalation,
                got.kind,
                sev,
                qs,
                esc,
                c.note.as_deref().unwrap_or("")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn severity_is_never_below_the_plan() {
    let plan = default_plan().unwrap();
    for c in &cases() {
        let got = run(&plan, c);
        for cand in &got.candidates {
            let k = plan.kind(&cand.kind).expect("known kind");
            assert!(cand.severity >= k.severity, "{:?}: {} {:?}", c.text, cand.kind, cand.severity);
        }
        if let (Some(kind), Some(sev)) = (&got.kind, got.severity) {
            assert!(sev >= plan.kind(kind).unwrap().severity, "{:?}", c.text);
        }
    }
}

#[test]
fn each_kind_has_six_phrasings_and_every_boundary_both_sides() {
    let cases = cases();
    let plan = default_plan().unwrap();
    for k in &plan.doc().kinds {
        let n = cases.iter().filter(|c| c.kind.as_deref() == Some(&k.id) && c.text.is_some()).count();
        assert!(n >= 6, "{}: {n} phrasings", k.id);
    }
    assert!(cases.iter().filter(|c| c.kind.is_none()).count() >= 20);
}

#[test]
fn evidence_offsets_are_utf16_and_point_at_the_words() {
    let plan = default_plan().unwrap();
    for c in cases().iter().filter(|c| c.text.is_some()) {
        let text = c.text.as_deref().unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let got = run(&plan, c);
        for e in got.candidates.iter().flat_map(|c| &c.evidence) {
            if let (Some(s), Some(end)) = (e.start, e.end) {
                let slice = String::from_utf16(&utf16[s as usize..end as usize]).unwrap();
                assert_eq!(slice, e.matched, "{text}");
            }
        }
        for n in &got.negated {
            assert_eq!(String::from_utf16(&utf16[n.start as usize..n.end as usize]).unwrap(), n.matched);
        }
    }
}

#[test]
fn numerals_durations_counts_and_phases_are_read() {
    let plan = default_plan().unwrap();
    let facts = |text: &str| {
        run(
            &plan,
            &Case {
                text: Some(text.into()),
                facts: None,
                kind: None,
                severity: None,
                questions: None,
                escalation: None,
                certain: None,
                note: None,
            },
        )
        .facts
    };
    for (text, minutes) in [
        ("停电1小时20分", 80.0),
        ("停电一个半小时", 90.0),
        ("停电半小时", 30.0),
        ("power cut, 90 minutes", 90.0),
        ("停电四十分钟", 40.0),
        ("停电两个半小时", 150.0),
        ("停电1.5小时", 90.0),
        ("停电 1 hour 20 minutes", 80.0),
        ("停电二十五分钟", 25.0),
        ("停电十分钟", 10.0),
        ("停电３０分钟", 30.0),
        ("an hour and a half without power (power cut)", 90.0),
    ] {
        assert_eq!(facts(text).outage_minutes, Some(minutes), "{text}");
    }
    for (text, rooms) in [
        ("3号、5号考场作弊", 2),
        ("两个考场作弊", 2),
        ("3个考场作弊", 3),
        ("多个考场作弊", 2),
        ("3号考场作弊", 1),
        ("3、5、7号考场作弊", 3),
        ("第2考场和第4考场作弊", 2),
        ("cheating in two rooms", 2),
        ("cheating in rooms 3 and 5", 2),
        ("两个以上考场作弊", 2),
        ("３号考场和５号考场作弊", 2),
    ] {
        assert_eq!(facts(text).rooms_affected, Some(rooms), "{text}");
    }
    assert_eq!(facts("一半考生迟到").candidates_fraction, Some(0.5));
    assert_eq!(facts("三分之一的考生迟到").candidates_fraction, Some(0.333));
    assert_eq!(facts("百分之三十的考生迟到").candidates_fraction, Some(0.3));
    assert_eq!(facts("大批考生迟到").candidates_large, Some(true));
    assert_eq!(facts("十二名考生迟到").candidates_affected, Some(12));
    // Seventh round: counts said of the event, rooms by letter and in a row, presence denied,
    // present markers a few English words on.
    for (text, candidates) in [
        ("迟到了四个 其他都到了", 4),
        ("Room 4: 1 late.", 1),
        ("3 late candidates", 3),
        ("22 forklift candidates are stuck in traffic", 22),
        ("电工实操这场30个人 迟到了2个 已经按规定不让进了", 2),
        ("本场考生25人 迟到4人 已超过开考15分钟不得入场", 4),
        ("有3个考生没来 报名的时候就说不来了 本场共60人 其他都到了", 3),
        ("Only 3 of the 12 candidates for the pastry exam have arrived", 9),
        ("两个考场各有三个考生作弊", 6),
        ("有俩考生堵车迟到了 其他都到了", 2),
    ] {
        assert_eq!(facts(text).candidates_affected, Some(candidates), "{text}");
    }
    for (text, rooms) in [
        ("考场A和考场B都乱了", 2),
        ("Room A and Room B lost power", 2),
        ("考场101 102 103 考生作弊", 3),
        ("Room 101 102 and 103 lost power", 3),
        ("3号楼和4号楼各有一个考场乱了", 2),
        // Letters listed after a plural room noun, and two neighbouring digits before a room
        // noun: rooms, not a range read by its upper end.
        ("Rooms A and B: half the candidates are passing answers around", 2),
        ("一二考场考生起哄 不少人互相抄", 2),
        ("三四号考场停电了", 2),
        ("第五六考场有人作弊", 2),
    ] {
        assert_eq!(facts(text).rooms_affected, Some(rooms), "{text}");
    }
    // A thing's number is no count (numbers.id_nouns): lab 3, page 6, seat 14, bus 2.
    for (text, candidates) in [
        ("Candidate in lab 3 collapsed", None),
        ("page 6 missing from the welding paper", None),
        ("seat 14 candidate fainted", None),
        ("bus 2 broke down with 40 candidates on it", Some(40)),
    ] {
        assert_eq!(facts(text).candidates_affected, candidates, "{text}");
    }
    // Two neighbouring digits say a range, read as its upper end; a bound before a classifier
    // ends the number (二十多个人), it is no "a few" (几个), but 305有个考生 is one candidate.
    for (text, candidates) in [
        ("七八个考生迟到了", Some(8)),
        ("三四十个考生没到", Some(40)),
        ("两三个考生没到", Some(3)),
        ("二十多个人没到", Some(20)),
        ("考生走错路了 大概 二十几个人", Some(20)),
        ("305有个考生用手机作弊被抓", Some(1)),
    ] {
        assert_eq!(facts(text).candidates_affected, candidates, "{text}");
    }
    // A share with "of" and nothing else counted after it is of the candidates (3 of 40 missing);
    // all three is three, not "all"; half an hour is a duration, no share.
    for (text, candidates, fraction) in [
        ("3 of 40 missing at start; all three texted they're stuck in traffic.", Some(3), Some(0.075)),
        ("考生 2 of 45 迟到，已按规定入场", Some(2), Some(0.044)),
        ("Four of our 60 tea art candidates missed the bus; they'll be about half an hour late.", Some(4), Some(0.067)),
    ] {
        let f = facts(text);
        assert_eq!(f.candidates_affected, candidates, "{text}");
        assert_eq!(f.candidates_fraction.map(|x| (x * 1000.0).round() / 1000.0), fraction, "{text}");
        assert_ne!(f.candidates_large, Some(true), "{text}");
    }
    // A range of rooms names every room in it (numbers.room_range_separators); a count after a
    // dash is no range.
    for (text, rooms) in
        [("Dozens caught with crib sheets across rooms 10-12", 3), ("考场3-5号 大面积作弊", 3), ("room 3 to 5 lost power", 3)]
    {
        assert_eq!(facts(text).rooms_affected, Some(rooms), "{text}");
    }
    // A Chinese numeral glued to a room noun names the room (三考场 is room 3) unless it only
    // counts (两考场, numbers.cardinals) or has a classifier (三个考场).
    for (text, rooms) in [("三考场有人作弊", 1), ("五考场和六考场都有人作弊", 2), ("两考场都有人用手机作弊", 2), ("三个考场有人作弊", 3)]
    {
        assert_eq!(facts(text).rooms_affected, Some(rooms), "{text}");
    }
    assert_eq!(facts("A couple of candidates overslept and turned up late").candidates_affected, Some(2));
    assert_eq!(facts("Room 5 - 12 candidates still missing").candidates_affected, Some(12));
    assert_eq!(facts("Room 5 - 12 candidates still missing").rooms_affected, Some(1));
    // A cue that ends in a frame's predicate says what broke: not the candidates' bus.
    assert!(!facts("空调坏了 考生说热").signals.iter().any(|s| s.as_str() == "candidates_delayed"));
    // A count right after the event is those it happened to: a present marker later says they
    // have come in since (5 of 30 late, not 25 absent).
    assert_eq!(facts("本场30人 迟到5人 都在开考15分钟内进场了").candidates_affected, Some(5));
    assert_eq!(facts("本场30人 迟到8人 都在开考15分钟内进场了").candidates_affected, Some(8));
    // An exact share outweighs a vague "all" elsewhere.
    let f = facts("8 of 60 late because of the rain, they're all in now");
    assert_eq!((f.candidates_affected, f.candidates_large), (Some(8), None));
    // 120 is the emergency number only when it is called or comes: 120人 is a head count.
    let illness = |text: &str| facts(text).signals.iter().any(|s| s.as_str() == "critical_illness");
    assert!(!illness("本场考生120人 缺了9个"), "a head count of 120");
    assert!(illness("有个考生倒在地上 已经打了120"), "120 called");
    assert_eq!(facts("停电已恢复").restored, Some(true));
    assert_eq!(facts("停电尚未恢复").restored, Some(false));
    assert_eq!(facts("停电，预计20分钟恢复").restored, None);
    assert_eq!(facts("区域性停电").regional, Some(true));
    assert_eq!(facts("不是区域停电").regional, Some(false));
    for (text, phase) in [
        ("押运途中试卷被盗", "transport"),
        ("保密室试卷被盗", "storage"),
        ("开考前试卷被盗", "before_exam"),
        ("考试期间试卷丢失", "during_exam"),
        ("收卷后试卷丢失", "after_exam"),
        ("考试结束后答题卡丢失", "after_exam"),
    ] {
        assert_eq!(facts(text).phase.map(|p| p.as_str()), Some(phase), "{text}");
    }
    // Twenty-ninth round: an ordinal names one candidate, a depth is no share of them.
    assert_eq!(facts("发到第28个考生时发现试卷不够").candidates_affected, None);
    assert_eq!(facts("监考说第28个考生迟到了十分钟").candidates_affected, None);
    assert_eq!(facts("the yard is under half a metre of water, two forklifts stranded").candidates_fraction, None);
    assert_eq!(facts("half of the candidates are stuck in the flood").candidates_fraction, Some(0.5));
    // Thirtieth round: digits glued to a letter or two are a code (a level, a sheet size), and
    // the distribution room keeps the papers.
    assert_eq!(facts("Candidates for the Customer Service L4 session haven't arrived").candidates_affected, None);
    assert_eq!(facts("the Q12 candidates are late").candidates_affected, None);
    assert_eq!(facts("room2 has 6 candidates late").candidates_affected, Some(6));
    assert_eq!(facts("分发室里两袋试卷烧了").phase.map(|p| p.as_str()), Some("storage"));
    // Thirty-first round: a field of none is no second count (late: 1, cheating: 0); a share of those signed in leaves
    // the rest away; papers put back in the strongroom once collected are found short after the exam.
    assert_eq!(facts("late: 1, cheating: 0").candidates_affected, Some(1));
    assert_eq!(facts("签到的考生不到三分之一").candidates_fraction, Some(0.667));
    assert_eq!(facts("卷子收完送到保密室 一清点少了一份").phase.map(|p| p.as_str()), Some("after_exam"));
    assert_eq!(facts("保密室里试卷少了一份").phase.map(|p| p.as_str()), Some("storage"));
}
