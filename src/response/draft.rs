//! Report drafts: each of the five forms prefilled from what the response knows (kind, severity,
//! times, people, the log, the decisions), with the API's field names. Fields only a person can
//! fill (counts, cause, social impact, phone numbers, …) are left out for them to add.
//!
//! Form texts are Chinese, the language the reports are filed in. Every draft names the plan it
//! was made under (`plan: {id, version}`, 附则: every report records its plan and version).

use serde_json::{json, Map, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::forms::FORM_IDS;
use crate::plan::{Plan, Step};
use crate::time::{format_time, Instant};

use super::model::{Action, LogEntry, Person, Status, StepState};
use super::Response;

/// A form prefilled from what the response knows; fields only a person can fill are left out.
pub fn draft(r: &Response, form: &str) -> Result<Value> {
    if !FORM_IDS.contains(&form) {
        return Err(Error::new(ErrorKind::UnknownForm(crate::error::clip_to(form, 60))));
    }
    let d = Drafter::new(r);
    let mut m = match form {
        "initial_report" => d.initial_report(),
        "staged_report" => d.staged_report(),
        "room_record" => d.room_record(),
        "disposal_report" => d.disposal_report(),
        _ => d.readiness_check(),
    };
    let doc = r.plan().doc();
    m.insert("plan".into(), json!({ "id": doc.id, "version": doc.version }));
    Ok(Value::Object(m))
}

struct Drafter<'a> {
    r: &'a Response,
    plan: &'a Plan,
    steps: Vec<StepState>,
    last: Instant,
}

impl<'a> Drafter<'a> {
    fn new(r: &'a Response) -> Self {
        let plan = r.plan();
        let tz = plan.timezone();
        let last = r.log().iter().filter_map(|e| crate::time::parse_time(&e.at, tz)).max().unwrap_or(r.state().discovered);
        Drafter { r, plan, steps: r.steps_at(last), last }
    }

    fn kind_fields(&self, m: &mut Map<String, Value>) {
        m.insert("incident_kind".into(), json!(self.r.kind()));
        if let Some(k) = self.plan.kind(self.r.kind()) {
            m.insert("severity".into(), json!(k.severity.as_str()));
        }
    }

    /// Someone of `role`: who did the step, else the first such person named at the start.
    fn person_for(&self, role: &str, did: Option<&Person>) -> Value {
        let p = did.filter(|p| p.role == role).or_else(|| self.r.opened().people.iter().find(|p| p.role == role));
        match p.or(did) {
            Some(p) => json!({ "name": p.name, "role": p.role }),
            None => json!({ "role": role }),
        }
    }

    fn step_with_form(&self, form: &str) -> Option<&StepState> {
        self.steps.iter().find(|s| s.form.as_deref() == Some(form))
    }

    fn measures(&self) -> Vec<String> {
        self.steps
            .iter()
            .filter(|s| s.status == Status::Done && s.options.is_none() && s.form.as_deref() != Some("initial_report"))
            .map(|s| s.text.zh.clone())
            .collect()
    }

    fn initial_report(&self) -> Map<String, Value> {
        let open = self.r.opened();
        let mut m = Map::new();
        self.kind_fields(&mut m);
        m.insert("discovered_at".into(), json!(self.r.discovered_at()));
        let step = self.step_with_form("initial_report");
        if let Some(s) = step {
            if let Some(at) = &s.done_at {
                m.insert("reported_at".into(), json!(at));
            }
            let reporter = self.person_for(&s.actor, s.done_by.as_ref());
            // The step names whom its actor reports to; someone else who made the report (a
            // chief examiner reporting mass cheating) reports as the chain says for their role.
            let severity = self.plan.kind(self.r.kind()).map(|k| k.severity);
            let chain = reporter.get("role").and_then(Value::as_str).map(|role| self.plan.reports_to(role, severity)).unwrap_or_default();
            let to = match s.report_to.as_deref() {
                Some(to) if chain.is_empty() || chain.contains(&to) => Some(to),
                _ => chain.first().copied().or(s.report_to.as_deref()),
            };
            m.insert("reporter".into(), reporter);
            if let Some(to) = to {
                m.insert("reported_to".into(), self.person_for(to, None));
            }
        }
        if let Some(k) = self.plan.kind(self.r.kind()) {
            m.insert("subject".into(), json!(k.report_subject));
            m.insert("summary".into(), json!(format!("{}：{}", k.title.zh, k.description.zh)));
        }
        let mut loc = Map::new();
        if let Some(s) = &open.site {
            loc.insert("site".into(), json!(s));
        }
        if let Some(s) = &open.room {
            loc.insert("room".into(), json!(s));
        }
        m.insert("location".into(), Value::Object(loc));
        if let Some(e) = &open.exam {
            m.insert("exam".into(), serde_json::from_str(&crate::json::to_string(e)).unwrap_or(Value::Null));
        }
        let measures = self.measures();
        if !measures.is_empty() {
            m.insert("measures_taken".into(), json!(measures.join("；")));
        }
        // Kind-specific details: what the portal gave, plus every anchor as `<anchor>_at`.
        let mut details = open.details.clone().unwrap_or_default();
        for (id, at) in &self.r.state().anchors {
            details.entry(format!("{id}_at")).or_insert_with(|| json!(format_time(at)));
        }
        for e in self.r.log().iter().filter(|e| e.action == Action::Decide) {
            let option = e
                .step
                .as_deref()
                .and_then(|id| self.find_step(id))
                .and_then(|s| s.options.iter().find(|o| Some(&o.id) == e.option.as_ref()));
            for (k, v) in option.map(|o| &o.details).into_iter().flatten() {
                let v = if v == "{at}" { json!(e.at) } else { v.clone() };
                details.entry(k.clone()).or_insert(v);
            }
        }
        if !details.is_empty() {
            m.insert("details".into(), Value::Object(details));
        }
        m
    }

    fn staged_report(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("incident_ref".into(), json!(self.r.id()));
        if let Some(s) = self.step_with_form("staged_report") {
            m.insert("tracker".into(), self.person_for(&s.actor, s.done_by.as_ref()));
        }
        let timed = self.in_time_order();
        let first = timed.iter().filter_map(|(t, _)| *t).min().map_or_else(|| self.r.discovered_at(), |t| format_time(&t));
        m.insert("period_from".into(), json!(first));
        m.insert("period_to".into(), json!(format_time(&self.last)));
        let entries: Vec<Value> = timed.into_iter().map(|(_, (_, v))| v).collect();
        m.insert("entries".into(), Value::Array(entries));
        m.insert("status".into(), json!(if self.r.is_closed() { "resolved" } else { "ongoing" }));
        m
    }

    /// The log's entries as staged-report entries, each with its entry, in the order things
    /// happened: the log is in the order they were recorded (an outage start entered after the
    /// discovery happened before it). The sort is stable: entries at one time keep log order.
    fn in_time_order(&self) -> Vec<(Option<Instant>, (&'a LogEntry, Value))> {
        let tz = self.plan.timezone();
        let mut timed: Vec<(Option<Instant>, (&LogEntry, Value))> =
            self.r.log().iter().map(|e| (crate::time::parse_time(&e.at, tz), (e, self.entry(e)))).collect();
        crate::sort::sort_by_key(&mut timed, |(t, _)| *t);
        timed
    }

    /// A log entry as a staged-report entry.
    fn entry(&self, e: &LogEntry) -> Value {
        let words = &self.plan.doc().draft_texts;
        let step = e.step.as_deref().and_then(|id| self.find_step(id));
        let step_text = step.map_or_else(|| e.step.clone().unwrap_or_default(), |s| s.text.zh.clone());
        let (kind, text) = match e.action {
            Action::Open => ("observation", format!("{}：{}", words.opened.zh, self.kind_title(e.open.as_ref().map(|o| o.kind.as_str())))),
            Action::Complete => ("action", step_text),
            Action::Decide => {
                let option = step
                    .and_then(|s| s.options.iter().find(|o| Some(&o.id) == e.option.as_ref()))
                    .map_or_else(|| e.option.clone().unwrap_or_default(), |o| o.text.zh.clone());
                ("decision", format!("{step_text}：{option}"))
            }
            Action::RequestApproval => ("action", format!("{}：{step_text}", words.approval_requested.zh)),
            Action::Skip => ("action", format!("{}：{step_text}", words.skipped.zh)),
            Action::SetAnchor => {
                let title = self.plan.doc().anchors.iter().find(|a| Some(&a.id) == e.anchor.as_ref()).map(|a| a.title.zh.clone());
                ("observation", format!("{}：{}", title.unwrap_or_default(), e.at))
            }
            Action::Reclassify => ("decision", format!("{}：{}", words.reclassified.zh, self.kind_title(e.kind.as_deref()))),
            Action::Note => ("observation", String::new()),
        };
        let text = match (&e.note, text.is_empty()) {
            (Some(n), true) => n.clone(),
            (Some(n), false) => format!("{text}（{}：{n}）", words.note.zh),
            (None, _) => text,
        };
        let mut m = Map::new();
        m.insert("at".into(), json!(e.at));
        m.insert("type".into(), json!(kind));
        m.insert("text".into(), json!(text));
        if let Some(by) = &e.by {
            m.insert("by".into(), json!({ "name": by.name, "role": by.role }));
        }
        if let Some(step) = step.filter(|s| s.requires_approval.is_some()) {
            m.insert("requires_approval".into(), json!(true));
            if matches!(e.action, Action::Complete | Action::Decide) {
                if let Some(by_role) = step.approvers().find_map(|role| approver_role(e, role)) {
                    m.insert("approval".into(), json!({ "by_role": by_role, "at": e.at }));
                }
            }
        }
        Value::Object(m)
    }

    fn kind_title(&self, kind: Option<&str>) -> String {
        kind.and_then(|k| self.plan.kind(k)).map_or_else(|| kind.unwrap_or_default().to_string(), |k| k.title.zh.clone())
    }

    /// A step by id in the current flow, else in any kind's flow (a step done before reclassifying).
    fn find_step(&self, id: &str) -> Option<&'a Step> {
        let plan: &'a Plan = self.plan;
        plan.flow(self.r.kind())
            .and_then(|f| f.step(id))
            .map(|(_, s)| s)
            .or_else(|| plan.doc().kinds.iter().find_map(|k| plan.flow(&k.id).and_then(|f| f.step(id)).map(|(_, s)| s)))
    }

    fn room_record(&self) -> Map<String, Value> {
        let open = self.r.opened();
        let mut m = Map::new();
        if let Some(s) = &open.site {
            m.insert("site".into(), json!(s));
        }
        if let Some(s) = &open.room {
            m.insert("room".into(), json!(s));
        }
        if let Some(e) = &open.exam {
            for (k, v) in [("occupation", &e.occupation), ("level", &e.level), ("subject", &e.subject)] {
                if let Some(v) = v {
                    m.insert(k.into(), json!(v));
                }
            }
        }
        m.insert("exam_date".into(), json!(crate::time::format_date(&self.r.state().discovered)));
        m.insert("absent_candidate_ids".into(), json!([]));
        m.insert("violations".into(), json!([]));
        let handling = self.measures().join("；");
        m.insert(
            "incidents".into(),
            json!([{ "at": self.r.discovered_at(), "description": self.kind_title(Some(self.r.kind())), "handling": handling }]),
        );
        let proctors: Vec<Value> = self.people("proctor").map(|p| json!({ "name": p.name })).collect();
        m.insert("proctors".into(), Value::Array(proctors));
        if let Some(p) = self.people("patrol_inspector").next() {
            m.insert("patrol_inspector".into(), json!(p.name));
        }
        m
    }

    fn people<'b>(&'b self, role: &'b str) -> impl Iterator<Item = &'b Person> + 'b {
        self.r.opened().people.iter().filter(move |p| p.role == role)
    }

    fn disposal_report(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("incident_ref".into(), json!(self.r.id()));
        self.kind_fields(&mut m);
        let process: Vec<String> = self
            .in_time_order()
            .into_iter()
            .map(|(_, (e, v))| format!("{} {}", e.at, v.get("text").and_then(Value::as_str).unwrap_or_default()))
            .collect();
        m.insert("process".into(), json!(process.join("\n")));
        let results: Vec<String> = self
            .steps
            .iter()
            .filter_map(|s| {
                let c = s.chosen.as_ref()?;
                let o = s.options.as_ref()?.iter().find(|o| &o.id == c)?;
                Some(format!("{}：{}", s.text.zh, o.text.zh))
            })
            .collect();
        if !results.is_empty() {
            m.insert("result".into(), json!(results.join("；")));
        }
        if let Some(s) = self.step_with_form("disposal_report") {
            m.insert("submitted_by".into(), self.person_for(&s.actor, s.done_by.as_ref()));
            if let Some(at) = &s.done_at {
                m.insert("submitted_at".into(), json!(at));
            }
        }
        // Only what was approved: a step that needs an approval, done or decided with the consent
        // of a role that may give it. An ordinary decision is no approval, and listing one would
        // hide that an approval-gated decision is still pending.
        let approvals: Vec<Value> = self
            .r
            .log()
            .iter()
            .filter(|e| matches!(e.action, Action::Complete | Action::Decide))
            .filter_map(|e| {
                let step = self.find_step(e.step.as_deref()?)?;
                let by_role = step.approvers().find_map(|role| approver_role(e, role))?;
                Some(json!({ "decision": step.id, "by_role": by_role, "at": e.at }))
            })
            .collect();
        m.insert("approvals".into(), Value::Array(approvals));
        m
    }

    fn readiness_check(&self) -> Map<String, Value> {
        let mut m = Map::new();
        if let Some(s) = &self.r.opened().site {
            m.insert("site".into(), json!(s));
        }
        m.insert("exam_date".into(), json!(crate::time::format_date(&self.r.state().discovered)));
        m
    }
}

/// The role that consented, where the entry carries an approver of the required role.
fn approver_role(e: &LogEntry, role: &str) -> Option<String> {
    [&e.approved_by, &e.by].into_iter().flatten().find(|p| p.role == role).map(|p| p.role.clone())
}
