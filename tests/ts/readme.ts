// The README's examples as TypeScript: `tests/js/types_tsc.test.mjs` compiles this file with
// `tsc --strict --noEmit` against pkg/exam_incident.d.ts (no skipLibCheck). Keep it in step with
// README.md; it is compiled, not run.
import init, * as ei from "../../pkg/exam_incident.js";

export async function embed(sitePlanText: string): Promise<void> {
  await init();
  const plan = ei.Plan.default();                              // the embedded plan (sd101)
  const site = ei.Plan.fromJSON(sitePlanText);                 // a site's own, checked
  const info: ei.PlanInfo = plan.info();
  console.log(info.id, info.version, info.timezone, info.kinds.length, site.id, site.version);
  const g = plan.guide("power_or_equipment_failure");
  for (const s of g.steps) console.log(s.actor, s.text.zh, s.due ?? "");
  try {
    plan.guide("nope");
  } catch (err) {
    const e = err as ei.ExamIncidentError;
    console.log(e.code, e.params.kind, e.text.en);             // "unknown_kind", "nope"
  }
}

export function node(bytes: Uint8Array): Promise<ei.InitOutput> {
  return init({ module_or_path: bytes });
}

export function classify(plan: ei.Plan): ei.Classification {
  const c = plan.classify({ text: "3号考场突然停电，预计20分钟恢复" });
  const best: string | undefined = c.kind ?? undefined;
  for (const cand of c.candidates) for (const ev of cand.evidence) console.log(best, ev.matched, ev.start, ev.end, ev.clause);
  for (const q of c.questions) console.log(q.id, q.text.zh);
  return c;
}

export function respond(plan: ei.Plan): string {
  const r: ei.IncidentResponse = plan.startResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32",
    site: "实训楼考点", room: "301", anchors: { outage_started: "2026-06-13T09:30" } });
  const steps: ei.StepState[] = r.steps("2026-06-13T09:35");
  console.log(steps[0]?.id, steps[0]?.status, steps[0]?.dueAt);
  r.complete("initial_report", "2026-06-13T09:38", { name: "李强", role: "site_staff" }, "电话报告");
  r.decide("outage_decision", "not_restored_or_regional", "2026-06-13T10:05");
  r.decide("superior_instruction", "reschedule", "2026-06-13T10:40", { name: "上级", role: "superior" });
  const script: ei.Text = r.phoneScript();
  const draft: Record<string, unknown> = r.draftReport("disposal_report");
  console.log(script.zh, draft, r.verifyLog());
  const again = plan.restoreResponse(r.id);                    // after a reload
  const copy = plan.responseFromJSON(JSON.stringify(r));       // an export
  const saved: ei.SavedList = ei.savedResponses();
  return `${again.id} ${copy.id} ${saved.responses.length}`;
}

export function validate(plan: ei.Plan): boolean {
  const v: ei.Report = plan.validateReport("initial_report", { incident_kind: "mass_cheating", severity: "general",
    discovered_at: "2026-06-13T09:30", reported_at: "2026-06-13T09:44", reporter: { name: "王明", role: "site_staff" },
    reported_to: { role: "station" }, report_form: "phone", subject: "exam_room", location: { site: "山东职业学院考点" },
    summary: "两个考场秩序混乱", details: { rooms: ["第3考场"] } }, { now: "2026-06-13T10:00" });
  for (const f of [...v.errors, ...v.warnings]) console.log(f.path, f.code, f.message.zh, f.params);
  const schema: Record<string, unknown> = plan.reportSchema("staged_report");
  return v.ok && schema !== null;
}

export function sitePlan(): ei.PlanInfo {
  const doc = JSON.parse(ei.Plan.default().planJson()) as ei.PlanDocument;  // start from the default
  doc.id = "jinan-site-7";
  const late = doc.thresholds["late_candidates_count"];
  if (late) late.value = 15;
  const site = ei.Plan.fromJSON(doc);                          // throws {code: "plan_invalid", problems}
  ei.loadPlan(doc);                                            // or: make it the module's plan
  ei.resetPlan();
  return site.info();
}
