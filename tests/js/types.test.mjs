// The published TypeScript types: real types for the API of docs/api.md, no `any` anywhere.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";

const dts = fs.readFileSync(new URL("../../pkg/exam_incident.d.ts", import.meta.url), "utf8");
const code = dts.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "").replace(/"[^"\n]*"/g, '""');

test("the .d.ts has no `any` type", () => {
  const hits = code.split("\n").filter((l) => /(:|<|\||=>)\s*any\b|\bany\[\]/.test(l));
  assert.deepEqual(hits, []);
});

test("the .d.ts declares the functions and classes of docs/api.md", () => {
  for (const name of ["planInfo", "loadPlan", "resetPlan", "classify", "guide", "validateReport", "reportSchema"]) {
    assert.match(dts, new RegExp(`export function ${name}\\(`), name);
  }
  assert.match(dts, /export class IncidentResponse/);
  for (const m of ["steps", "complete", "decide", "log", "verifyLog", "draftReport", "toJSON"]) {
    assert.match(dts, new RegExp(`\\n\\s+${m}\\(`), m);
  }
  assert.match(dts, /static fromJSON\(/);
  assert.match(dts, /export class Plan \{/);
  for (const m of ["static default(): Plan", "static fromJSON(doc: string | PlanDocument): Plan", "startResponse(init: ResponseInit): IncidentResponse", "restoreResponse(id: string): IncidentResponse"]) {
    assert.ok(dts.includes(m), m);
  }
  assert.match(dts, /export interface ExamIncidentError extends Error \{[^}]*params: Record<string, string \| number>;/);
});
