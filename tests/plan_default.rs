//! The embedded default plan against the seed: kinds, severities, roles, thresholds, decisions.

use exam_incident::guide::{guide, plan_info};
use exam_incident::plan::{default_plan, Severity};

const MAJOR: &[&str] = &[
    "paper_leak",
    "paper_damaged",
    "papers_not_arrived",
    "candidates_not_arrived",
    "mass_cheating",
    "terror_attack",
    "critical_illness",
    "epidemic",
    "natural_disaster",
    "other_major",
];
const GENERAL: &[&str] =
    &["paper_defect", "question_error", "power_or_equipment_failure", "computer_exam_failure", "paper_missing_after_exam", "other_general"];
const ROLES: &[&str] = &[
    "leading_group",
    "station",
    "assessment_center",
    "city_center",
    "site_leader",
    "chief_examiner",
    "patrol_inspector",
    "proctor",
    "exam_affairs_manager",
    "site_staff",
    "site_working_group",
    "local_leading_group",
    "city_site_leading_group",
    "dispatched_working_group",
    "medical_staff",
    "info_reporter",
    "police",
    "superior",
];

/// `default_plan()` skips the cross-reference check at start because this test runs it.
#[test]
fn embedded_plan_passes_the_full_check() {
    let value = exam_incident::plan::default_plan_value().expect("the parts parse");
    if let Err(e) = exam_incident::Plan::from_value(&value) {
        panic!("the embedded plan fails the check: {:#?}", e.problems());
    }
}

#[test]
fn has_exactly_the_sixteen_kinds_with_their_severities() {
    let plan = default_plan().expect("default plan loads");
    let info = plan_info(&plan);
    let ids: Vec<&str> = info.kinds.iter().map(|k| k.id.as_str()).collect();
    let expected: Vec<&str> = MAJOR.iter().chain(GENERAL).copied().collect();
    assert_eq!(ids, expected);
    for k in &info.kinds {
        let want = if MAJOR.contains(&k.id.as_str()) { Severity::Major } else { Severity::General };
        assert_eq!(k.severity, want, "{}", k.id);
    }
}

#[test]
fn has_exactly_the_roles_of_the_plan() {
    let plan = default_plan().unwrap();
    let ids: Vec<&str> = plan.doc().roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ROLES);
}

#[test]
fn initial_report_is_due_ten_minutes_after_discovery() {
    // 初次报告：发现突发事件10分钟内
    let plan = default_plan().unwrap();
    assert_eq!(plan.threshold("initial_report_minutes"), Some(10.0));
    for k in MAJOR.iter().chain(GENERAL) {
        let g = guide(&plan, k).unwrap();
        let first_due = g.steps.iter().find(|s| s.form.as_deref() == Some("initial_report")).expect("initial report step");
        let due = first_due.due.as_ref().expect("initial report has a deadline");
        assert_eq!((due.from.as_str(), due.minutes), ("discovered", 10.0), "{k}");
    }
}

#[test]
fn power_decision_is_due_thirty_minutes_after_the_outage() {
    // 一般处理3：停电或设备故障在30分钟内恢复或排除
    let plan = default_plan().unwrap();
    assert_eq!(plan.threshold("outage_restore_minutes"), Some(30.0));
    let g = guide(&plan, "power_or_equipment_failure").unwrap();
    let d = g.steps.iter().find(|s| s.id == "outage_decision").unwrap();
    let due = d.due.as_ref().unwrap();
    assert_eq!((due.from.as_str(), due.minutes), ("outage_started", 30.0));
    let opts: Vec<&str> = d.options.as_ref().unwrap().iter().map(|o| o.id.as_str()).collect();
    assert_eq!(opts, ["restored_within_limit", "not_restored_or_regional"]);
    let instr = g.steps.iter().find(|s| s.id == "superior_instruction").unwrap();
    assert_eq!(instr.requires_approval.as_deref(), Some("superior"));
    let opts: Vec<&str> = instr.options.as_ref().unwrap().iter().map(|o| o.id.as_str()).collect();
    assert_eq!(opts, ["extend", "reschedule", "cancel_fee_waived"]);
}

#[test]
fn approvals_follow_the_seed() {
    let plan = default_plan().unwrap();
    let approval = |kind: &str, step: &str| {
        let g = guide(&plan, kind).unwrap();
        g.steps.iter().find(|s| s.id == step).unwrap_or_else(|| panic!("{kind}.{step}")).requires_approval.clone()
    };
    // 处理1¶2：经上级批准，考试仍可以如期进行
    assert_eq!(approval("paper_leak", "proceed_as_scheduled").as_deref(), Some("superior"));
    // 处理3¶2：报职业技能鉴定所，经同意后做出决定
    assert_eq!(approval("candidates_not_arrived", "station_decision").as_deref(), Some("station"));
    // 处理4：向职业技能鉴定所请示，将该考场试卷全部作废
    assert_eq!(approval("mass_cheating", "void_room_papers").as_deref(), Some("station"));
    // 一般处理1：经现场巡考人员审核同意可启用备用试卷
    assert_eq!(approval("paper_defect", "use_spare_papers").as_deref(), Some("patrol_inspector"));
    // 处理4：only voiding the room's papers is a 请示; the rules for identical papers need nobody's consent
    assert_eq!(approval("mass_cheating", "identical_papers"), None);
    // 处理5/6：市及考点领导小组向应急处理领导小组汇报，经批准 — the body reported to approves, the same
    // for the same-shaped clauses (issue 16 item 5: illness and epidemic had `superior`)
    assert_eq!(approval("terror_attack", "continue_or_postpone").as_deref(), Some("leading_group"));
    for k in ["critical_illness", "epidemic"] {
        assert_eq!(approval(k, "exam_decision").as_deref(), Some("leading_group"), "{k}");
    }
    // 处理7：后向上级请示，经批准
    assert_eq!(approval("natural_disaster", "exam_decision").as_deref(), Some("superior"));
}

#[test]
fn every_step_is_cited_bilingual_and_acted_by_a_known_role() {
    let plan = default_plan().unwrap();
    for k in &plan.doc().kinds {
        let g = guide(&plan, &k.id).unwrap();
        assert!(!g.steps.is_empty());
        for s in &g.steps {
            assert!(!s.clause.trim().is_empty(), "{}.{}", k.id, s.id);
            assert!(!s.text.zh.trim().is_empty() && !s.text.en.trim().is_empty(), "{}.{}", k.id, s.id);
            assert!(plan.role(&s.actor).is_some(), "{}.{} actor {}", k.id, s.id, s.actor);
        }
    }
}

#[test]
fn major_kinds_report_through_the_patrol_inspector() {
    // 重大处理总则：考点应立即向考点巡考人员报告，由巡考人员向应急处理领导小组报告
    let plan = default_plan().unwrap();
    for k in MAJOR {
        let g = guide(&plan, k).unwrap();
        assert!(g.steps.iter().any(|s| s.report_to.as_deref() == Some("patrol_inspector")), "{k}");
        assert!(g.steps.iter().any(|s| s.actor == "patrol_inspector" && s.report_to.as_deref() == Some("leading_group")), "{k}");
    }
}

#[test]
fn every_kind_ends_with_a_disposal_report() {
    // 善后(二)：处置报告
    let plan = default_plan().unwrap();
    for k in MAJOR.iter().chain(GENERAL) {
        let g = guide(&plan, k).unwrap();
        assert!(g.forms.iter().any(|f| f == "disposal_report"), "{k}");
        assert!(g.forms.iter().any(|f| f == "staged_report"), "{k}");
    }
}

#[test]
fn unknown_kind_is_an_error_with_a_code() {
    let plan = default_plan().unwrap();
    assert_eq!(guide(&plan, "nope").unwrap_err().code(), "unknown_kind");
}
