//! The read-aloud initial report (口头、电话报告): the plan's sentence templates filled from what
//! the response knows, one sentence a line, so the caller reads instead of composing.

use crate::plan::Severity;
use crate::text::Text;
use crate::time::Instant;

use super::model::{Person, Status};
use super::Response;

pub fn script(r: &Response, now: Instant, caller: Option<&Person>) -> Text {
    let plan = r.plan();
    let ps = &plan.doc().phone_script;
    let open = r.opened();
    let steps = r.steps_at(now);
    let report = steps.iter().find(|s| s.form.as_deref() == Some("initial_report"));
    let role_title = |id: &str| plan.role(id).map(|x| x.title.clone()).unwrap_or_else(|| ps.unknown.clone());
    // Who speaks: the caller, else whoever made the report, else the first person of the role.
    let reporter = caller
        .cloned()
        .or_else(|| report.and_then(|s| s.done_by.clone().or_else(|| open.people.iter().find(|p| p.role == s.actor).cloned())));
    let reporter_role = match (&reporter, report) {
        (Some(p), _) => role_title(&p.role),
        (None, Some(s)) => role_title(&s.actor),
        (None, None) => ps.unknown.clone(),
    };
    let reporter_name = reporter.map_or_else(|| ps.unknown.clone(), |p| Text::new(p.name.clone(), p.name));
    let reported_to = report.and_then(|s| s.report_to.as_deref()).map_or_else(|| ps.unknown.clone(), role_title);
    let kind = plan.kind(r.kind());
    let title = kind.map_or_else(|| ps.unknown.clone(), |k| k.title.clone());
    let severity = match kind.map(|k| k.severity) {
        Some(Severity::Major) => ps.major.clone(),
        Some(Severity::General) => ps.general.clone(),
        None => ps.unknown.clone(),
    };
    let site = open.site.clone().map_or_else(|| ps.unknown.clone(), |s| Text::new(s.clone(), s));
    let room = open
        .room
        .as_deref()
        .map_or_else(Text::default, |room| Text::new(affixed(&ps.room.zh, "room", room), affixed(&ps.room.en, "room", room)));
    let done: Vec<&Text> = steps
        .iter()
        .filter(|s| s.status == Status::Done && s.form.as_deref() != Some("initial_report") && s.options.is_none())
        .map(|s| &s.text)
        .collect();
    let join =
        |pick: fn(&Text) -> &String| -> String { done.iter().map(|t| pick(t).as_str()).collect::<Vec<_>>().join(pick(&ps.separator)) };
    let measures = if done.is_empty() {
        ps.no_measures.clone()
    } else {
        ps.measures.fill(&[]).fill_each(&[("measures", (join(|t| &t.zh), join(|t| &t.en)))])
    };
    let discovered = format!("{} {}", crate::time::format_date(&r.state().discovered), crate::time::format_clock(&r.state().discovered));
    let now_s = crate::time::format_clock(&now);
    let lines = [
        ps.opening.fill_each(&[
            ("site", (site.zh.clone(), site.en.clone())),
            ("room", (room.zh.clone(), room.en.clone())),
            ("reporter_role", (reporter_role.zh.clone(), reporter_role.en.clone())),
            ("reporter_name", (reporter_name.zh.clone(), reporter_name.en.clone())),
        ]),
        ps.event.fill_each(&[
            ("discovered_at", (discovered.clone(), discovered)),
            ("kind", (title.zh.clone(), title.en.clone())),
            ("severity", (severity.zh.clone(), severity.en.clone())),
        ]),
        measures,
        ps.closing.fill_each(&[("reported_to", (reported_to.zh.clone(), reported_to.en.clone())), ("now", (now_s.clone(), now_s))]),
    ];
    Text::new(
        lines.iter().map(|t| t.zh.as_str()).collect::<Vec<_>>().join("\n"),
        lines.iter().map(|t| t.en.as_str()).collect::<Vec<_>>().join("\n"),
    )
}

/// Fills `{key}` in `template` once, leaving out the literal text around it that the value already
/// carries: a room typed as 「第二考场」 into 「{room}考场」 reads 「第二考场」, not 「第二考场考场」,
/// while 「301」 still reads 「301考场」 (and 「二」 under 「第{room}考场」 reads 「第二考场」).
fn affixed(template: &str, key: &str, value: &str) -> String {
    let mark = format!("{{{key}}}");
    let Some(at) = template.find(&mark) else { return Text::new(template, template).fill(&[(key, value.to_string())]).zh };
    let (before, after) = (&template[..at], &template[at + mark.len()..]);
    let prefix = if value.starts_with(before) { "" } else { before };
    let suffix = if value.ends_with(after) { "" } else { after };
    format!("{prefix}{value}{suffix}")
}

trait FillEach {
    fn fill_each(&self, params: &[(&str, (String, String))]) -> Text;
}

impl FillEach for Text {
    /// Fills placeholders with a value per language.
    fn fill_each(&self, params: &[(&str, (String, String))]) -> Text {
        let zh: Vec<(&str, String)> = params.iter().map(|(k, (z, _))| (*k, z.clone())).collect();
        let en: Vec<(&str, String)> = params.iter().map(|(k, (_, e))| (*k, e.clone())).collect();
        Text::new(self.fill(&zh).zh, self.fill(&en).en)
    }
}
