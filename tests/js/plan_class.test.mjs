// Plans held as values (issue 12, item 1; docs/api.md "Plans"): two plans live side by side, each
// guiding, classifying, validating and running responses under its own thresholds; the free
// functions keep using the module's plan, which loadPlan swaps without touching Plan objects.
// The seed's 初次报告 clause sets the initial report at 10 minutes; a site plan sets its own.
import test from "node:test";
import assert from "node:assert/strict";
import ei from "./load.mjs";

const DEFAULT_MINUTES = JSON.parse(ei.planJson()).thresholds.initial_report_minutes.value;

function sitePlan(id, minutes) {
  const doc = JSON.parse(ei.planJson());
  doc.id = id;
  doc.version = "2";
  doc.thresholds.initial_report_minutes.value = minutes;
  return doc;
}

const initialDue = (plan, kind) => plan.guide(kind).steps.find((s) => s.form === "initial_report").due.minutes;
const minutesBetween = (a, b) => (Date.parse(b) - Date.parse(a)) / 60000;

test("Plan.default() is the embedded plan and answers as the free functions do", () => {
  const plan = ei.Plan.default();
  assert.equal(plan.id, "sd101");
  assert.deepEqual(plan.info(), ei.planInfo());
  assert.deepEqual(plan.guide("paper_leak"), ei.guide("paper_leak"));
  const text = "3号考场突然停电，预计20分钟恢复";
  assert.deepEqual(plan.classify({ text }), ei.classify({ text }));
  assert.deepEqual(plan.reportSchema("staged_report"), ei.reportSchema("staged_report"));
  assert.deepEqual(plan.validateReport("initial_report", {}), ei.validateReport("initial_report", {}));
  assert.equal(plan.planJson(), ei.planJson());
});

test("two plans at once: each guides and times its responses by its own threshold", () => {
  const base = ei.Plan.default();
  const site = ei.Plan.fromJSON(sitePlan("jinan-site-7", 30));
  assert.equal(initialDue(base, "power_or_equipment_failure"), DEFAULT_MINUTES);
  assert.equal(initialDue(site, "power_or_equipment_failure"), 30);
  const init = { kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", site: "实训楼考点", room: "301" };
  const a = base.startResponse({ ...init, room: "302" });
  const b = site.startResponse(init);
  const dueA = a.steps("2026-06-13T09:35").find((s) => s.id === "initial_report").dueAt;
  const dueB = b.steps("2026-06-13T09:35").find((s) => s.id === "initial_report").dueAt;
  assert.equal(minutesBetween("2026-06-13T09:32:00+08:00", dueA), DEFAULT_MINUTES);
  assert.equal(minutesBetween("2026-06-13T09:32:00+08:00", dueB), 30);
  // Each response records the plan it was started under.
  assert.deepEqual(a.toJSON().plan, { id: "sd101", version: base.version });
  assert.deepEqual(b.toJSON().plan, { id: "jinan-site-7", version: "2" });
  // At 09:45 the default plan's report is overdue, the site plan's is not.
  assert.equal(a.steps("2026-06-13T09:45").find((s) => s.id === "initial_report").status, "overdue");
  assert.equal(b.steps("2026-06-13T09:45").find((s) => s.id === "initial_report").status, "pending");
  a.free(); b.free();
});

test("loadPlan swaps the module's plan only: Plan objects and Plan.default() keep theirs", () => {
  const site = ei.Plan.fromJSON(JSON.stringify(sitePlan("jinan-site-7", 25)));
  try {
    assert.equal(ei.loadPlan(sitePlan("other-site", 5)).id, "other-site");
    assert.equal(initialDue({ guide: ei.guide }, "paper_defect"), 5);
    assert.equal(initialDue(site, "paper_defect"), 25);
    assert.equal(initialDue(ei.Plan.default(), "paper_defect"), DEFAULT_MINUTES);
    assert.equal(ei.Plan.default().info().id, "sd101");
    // new IncidentResponse keeps using the module's plan.
    const r = new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30" });
    assert.equal(r.toJSON().plan.id, "other-site");
    r.free();
  } finally {
    ei.resetPlan();
  }
  assert.equal(ei.planInfo().id, "sd101");
});

test("Plan.fromJSON refuses a broken plan with plan_invalid, every problem located, and params", () => {
  const doc = sitePlan("broken", 10);
  doc.kinds[4].steps[2].actor = "janitor";
  doc.roles[1].id = doc.roles[0].id;
  assert.throws(() => ei.Plan.fromJSON(doc), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.code, "plan_invalid");
    const paths = e.problems.map((p) => p.path);
    assert.ok(paths.includes("kinds[4].steps[2].actor"), paths.join());
    assert.ok(paths.includes("roles[1].id"), paths.join());
    assert.equal(e.params.count, e.problems.length);
    return true;
  });
  assert.throws(() => ei.Plan.fromJSON("{"), (e) => e.code === "plan_invalid" && e.problems[0].code === "syntax");
  assert.throws(() => ei.Plan.fromJSON(42), (e) => e.code === "plan_invalid" && e.problems[0].code === "shape");
  assert.throws(() => ei.Plan.fromJSON(undefined), (e) => e.code === "bad_argument" && e.params.field === "plan");
  assert.equal(ei.planInfo().id, "sd101");
});

test("a plan's document round-trips: planJson() and toJSON() give back what fromJSON read", () => {
  const doc = sitePlan("jinan-site-7", 12);
  const site = ei.Plan.fromJSON(doc);
  assert.deepEqual(JSON.parse(site.planJson()), doc);
  assert.deepEqual(site.toJSON(), doc);
  assert.deepEqual(JSON.parse(JSON.stringify(site)), doc);
  const again = ei.Plan.fromJSON(site.planJson());
  assert.deepEqual(again.info(), site.info());
});

test("a response is restored only under the plan it was made under: plan_mismatch names both", () => {
  const base = ei.Plan.default();
  const site = ei.Plan.fromJSON(sitePlan("jinan-site-7", 30));
  const r = site.startResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30" });
  r.complete("initial_report", "2026-06-13T09:35", { name: "李强", role: "site_staff" });
  const saved = r.toJSON();
  assert.throws(() => base.responseFromJSON(saved), (e) => {
    assert.equal(e.code, "plan_mismatch");
    assert.deepEqual(e.params, { saved: "jinan-site-7 2", active: `sd101 ${base.version}` });
    return true;
  });
  assert.throws(() => ei.IncidentResponse.fromJSON(saved), (e) => e.code === "plan_mismatch");
  const back = site.responseFromJSON(JSON.stringify(saved));
  assert.deepEqual(back.toJSON(), saved);
  assert.equal(back.steps("2026-06-13T09:36").find((s) => s.id === "initial_report").status, "done");
  r.free(); back.free();
});

test("every thrown error carries params, an object, as findings do", () => {
  const plan = ei.Plan.default();
  const cases = [
    [() => plan.guide("nope"), "unknown_kind", { kind: "nope" }],
    [() => plan.validateReport("no_form", {}), "unknown_form", { form: "no_form" }],
    [() => plan.classify({ text: 5 }), "bad_argument", null],
    [() => plan.startResponse({ kind: "paper_leak", discoveredAt: "yesterday" }), "bad_time", { field: "discoveredAt", value: "yesterday" }],
    [() => ei.guide(undefined), "bad_argument", { field: "kind" }],
  ];
  for (const [call, code, params] of cases) {
    assert.throws(call, (e) => {
      assert.equal(e.code, code);
      assert.equal(typeof e.params, "object");
      assert.notEqual(e.params, null);
      for (const [k, v] of Object.entries(params || {})) assert.equal(e.params[k], v, `${code}.${k}`);
      return true;
    });
  }
  const r = plan.startResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32" });
  r.decide("outage_decision", "not_restored_or_regional", "2026-06-13T10:05");
  assert.throws(() => r.decide("superior_instruction", "reschedule", "2026-06-13T10:40"), (e) => {
    assert.equal(e.code, "approval_required");
    assert.equal(e.params.step, "superior_instruction");
    assert.ok(e.text.en.includes(e.params.role), "the text names the role the params give");
    return true;
  });
  r.free();
});

test("every Plan method survives every hostile value: a result or an Error with a code, and the plan still answers", async () => {
  const { hostileValues } = await import("./page/hosts/hostile.mjs");
  const H = hostileValues();
  const plan = ei.Plan.fromJSON(sitePlan("jinan-site-7", 30));
  const VALID = {
    classify: [{ text: "3号考场停电" }], guide: ["paper_leak"], validateReport: ["initial_report", { summary: "s" }, { now: "2026-06-13T10:00" }],
    reportSchema: ["initial_report"], startResponse: [{ kind: "paper_defect", discoveredAt: "2026-06-13T09:30" }],
    responseFromJSON: [null], restoreResponse: ["r-0"],
  };
  const failures = [];
  let calls = 0;
  const call = (label, f) => {
    calls++;
    try {
      f()?.free?.();
    } catch (e) {
      if (!(e instanceof Error) || !/^[a-z_]+$/.test(e.code ?? "") || typeof e.params !== "object") failures.push(`${label}: ${e?.code} ${e?.message}`);
    }
  };
  for (const [name, base] of Object.entries(VALID)) {
    for (const [vname, v] of Object.entries(H)) {
      for (let pos = 0; pos < base.length; pos++) call(`${name}(${vname} at ${pos})`, () => plan[name](...base.map((b, i) => (i === pos ? v : b))));
    }
  }
  for (const [vname, v] of Object.entries(H)) {
    call(`Plan.fromJSON(${vname})`, () => ei.Plan.fromJSON(v));
    call(`new Plan(${vname})`, () => new ei.Plan(v));
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${calls} calls failed`);
  assert.equal(initialDue(plan, "paper_defect"), 30);
  assert.equal(ei.planInfo().id, "sd101");
});
