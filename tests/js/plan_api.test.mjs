// The plan exports as a portal calls them from Node: ids and severities of docs/plan.md, guide for
// every kind, errors with codes, and the instance alive after every error.
import test from "node:test";
import assert from "node:assert/strict";
import ei from "./load.mjs";

const MAJOR = ["paper_leak", "paper_damaged", "papers_not_arrived", "candidates_not_arrived", "mass_cheating",
  "terror_attack", "critical_illness", "epidemic", "natural_disaster", "other_major"];
const GENERAL = ["paper_defect", "question_error", "power_or_equipment_failure", "computer_exam_failure",
  "paper_missing_after_exam", "other_general"];

test("planInfo lists exactly the 16 kinds of docs/plan.md with their severities", () => {
  const info = ei.planInfo();
  assert.deepEqual(info.kinds.map((k) => k.id), [...MAJOR, ...GENERAL]);
  for (const k of info.kinds) assert.equal(k.severity, MAJOR.includes(k.id) ? "major" : "general", k.id);
  // PLAN.md's 15 and the three bodies the seed keeps distinct (issue 16; docs/plan.md#roles).
  assert.equal(info.roles.length, 18);
  for (const id of ["local_leading_group", "city_site_leading_group", "dispatched_working_group"]) {
    assert.ok(info.roles.some((r) => r.id === id), id);
  }
  // Rules that hold at all times, each cited.
  assert.ok(info.standing.length > 0 && info.standing.every((r) => r.clause && r.basis === "seed"));
});

test("guide gives cited bilingual steps by known roles for every kind", () => {
  const roles = new Set(ei.planInfo().roles.map((r) => r.id));
  for (const id of [...MAJOR, ...GENERAL]) {
    const g = ei.guide(id);
    assert.ok(g.steps.length > 0, id);
    for (const s of g.steps) {
      assert.ok(s.clause.length > 0, `${id}.${s.id} clause`);
      assert.ok(s.text.zh.length > 0 && s.text.en.length > 0, `${id}.${s.id} text`);
      assert.ok(roles.has(s.actor), `${id}.${s.id} actor ${s.actor}`);
    }
  }
});

test('loadPlan("{") and guide("nope") throw Errors with codes; the next call works', () => {
  assert.throws(() => ei.loadPlan("{"), (e) => e instanceof Error && e.code === "plan_invalid" && e.problems[0].code === "syntax");
  assert.equal(ei.planInfo().kinds.length, 16);
  assert.throws(() => ei.guide("nope"), (e) => e instanceof Error && e.code === "unknown_kind" && /nope/.test(e.message));
  assert.equal(ei.guide("paper_leak").kind, "paper_leak");
});

test("a site's own plan loads from an object and resetPlan goes back", () => {
  const doc = JSON.parse(ei.planJson());
  doc.id = "jinan-7";
  doc.thresholds.initial_report_minutes.value = 5;
  assert.equal(ei.loadPlan(doc).id, "jinan-7");
  const initial = ei.guide("paper_defect").steps.find((s) => s.form === "initial_report");
  assert.equal(initial.due.minutes, 5);
  assert.equal(ei.resetPlan().id, "sd101");
});

test("a broken site plan lists every problem with its path", () => {
  const doc = JSON.parse(ei.planJson());
  doc.kinds[4].steps[2].actor = "janitor";
  doc.kinds[0].title.en = "";
  try {
    ei.loadPlan(doc);
    assert.fail("should throw");
  } catch (e) {
    assert.equal(e.code, "plan_invalid");
    const paths = e.problems.map((p) => p.path);
    assert.ok(paths.includes("kinds[4].steps[2].actor"), paths.join());
    assert.ok(paths.includes("kinds[0].title"), paths.join());
    assert.ok(e.text.zh.length > 0 && e.text.en.length > 0);
  }
  assert.equal(ei.planInfo().id, "sd101");
});
