// The JSON Schemas of reportSchema() against validateReport(), through the built package:
// ajv compiles all five (strict mode, union types allowed) and accepts every form the
// validator accepts in tests/data/form_cases.json; structurally broken forms are rejected by
// both. Run: node --test tests/js/   (after building pkg/ and `npm install ajv`).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import init, * as ei from "../../pkg/exam_incident.js";

await init({ module_or_path: fs.readFileSync(new URL("../../pkg/exam_incident_bg.wasm", import.meta.url)) });

const FORMS = ["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"];
const file = JSON.parse(fs.readFileSync(new URL("../data/form_cases.json", import.meta.url), "utf8"));

// The same case builder as tests/form_cases.rs: merge patch, set, remove, repeat, with_plan.
function merge(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return structuredClone(patch);
  const out = target && typeof target === "object" && !Array.isArray(target) ? target : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}
const unescape = (t) => t.replaceAll("~1", "/").replaceAll("~0", "~");
function parentOf(root, pointer) {
  const parts = pointer.split("/").slice(1).map(unescape);
  const last = parts.pop();
  let node = root;
  for (const p of parts) node = node[p];
  return [node, last];
}
function build(c) {
  const d = buildData(c);
  if (c.with_plan) d.plan = { id: ei.planInfo().id, version: ei.planInfo().version };
  return d;
}
function buildData(c) {
  if ("data" in c) return structuredClone(c.data);
  let d = structuredClone(file.bases[c.base]);
  if (c.patch) d = merge(d, c.patch);
  for (const [p, v] of Object.entries(c.set ?? {})) {
    const [node, k] = parentOf(d, p);
    node[k] = structuredClone(v);
  }
  for (const p of c.remove ?? []) {
    const [node, k] = parentOf(d, p);
    if (Array.isArray(node)) node.splice(Number(k), 1);
    else delete node[k];
  }
  for (const r of c.repeat ?? []) {
    const [node, k] = parentOf(d, r.at);
    node[k] = "text" in r ? r.text.repeat(r.times) : Array.from({ length: r.times }, () => structuredClone(r.item));
  }
  return d;
}

// Strict mode on (unknown keywords are errors: the schemas use only standard ones, Chinese
// `title`, English `description`); union types such as ["string", "null"] allowed.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const validators = {};

test("all five schemas are draft 2020-12 with bilingual titles and compile in ajv", () => {
  for (const form of FORMS) {
    const schema = ei.reportSchema(form);
    assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
    assert.ok(schema.title && schema.description, form);
    validators[form] = ajv.compile(schema);
  }
});

test("reportSchema throws unknown_form with a code", () => {
  assert.throws(() => ei.reportSchema("exit_report"), (e) => e.code === "unknown_form");
});

test("every form the validator accepts, the schema accepts", () => {
  let n = 0;
  for (const c of file.cases) {
    if (c.expect.error || !c.expect.ok) continue;
    const data = build(c);
    const r = ei.validateReport(c.form, data, { now: c.now ?? file.clock });
    assert.equal(r.ok, true, `${c.name}: validator`);
    const v = validators[c.form];
    assert.ok(v(data), `${c.name}: schema says ${ajv.errorsText(v.errors)}`);
    n++;
  }
  assert.ok(n >= 20, `${n} valid cases`);
});

test("the validator's verdict agrees with the native run on every case", () => {
  for (const c of file.cases) {
    const data = build(c);
    // A case without `now` is judged at the file's `clock`, as tests/form_cases.rs does.
    const opts = { now: c.now ?? file.clock };
    if (c.expect.error) {
      assert.throws(() => ei.validateReport(c.form, data, opts), (e) => e.code === c.expect.error, c.name);
      continue;
    }
    const r = ei.validateReport(c.form, data, opts);
    assert.equal(r.ok, c.expect.ok, c.name);
    for (const f of [...r.errors, ...r.warnings]) {
      assert.ok(f.message.zh && f.message.en, `${c.name}: ${f.code} has both languages`);
    }
  }
});

test("structurally broken forms are rejected by both", () => {
  const broken = [
    "missing incident_kind", "unknown incident_kind", "severity not a severity", "reporter of wrong type",
    "unknown report_form", "summary too long", "mass cheating in one room only", "mass cheating without details",
    "missing paper: item not paper or answer sheet", "power: regional not a boolean", "staged: no entries",
    "staged: entry type not in the list", "record: no proctor signed", "record: fractional count", "record: count as text",
    "disposal: social impact missing", "readiness: evacuation plan as text", "readiness: nobody on duty",
    "readiness: too many on duty", "readiness: empty form", "record: absent id repeated",
  ];
  for (const name of broken) {
    const c = file.cases.find((x) => x.name === name);
    assert.ok(c, `case ${name}`);
    const data = build(c);
    assert.equal(ei.validateReport(c.form, data, { now: file.clock }).ok, false, `${name}: validator`);
    assert.equal(validators[c.form](data), false, `${name}: schema`);
  }
});

test("misuse throws coded errors and the instance keeps working", () => {
  assert.throws(() => ei.validateReport("nope", {}), (e) => e.code === "unknown_form");
  assert.throws(() => ei.validateReport("initial_report", [1]), (e) => e.code === "bad_argument");
  assert.throws(() => ei.validateReport("initial_report", "x"), (e) => e.code === "bad_argument");
  assert.throws(() => ei.validateReport("initial_report", {}, { now: "soon" }), (e) => e.code === "bad_time");
  assert.throws(() => ei.validateReport(42, {}), (e) => e.code === "bad_argument");
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => ei.validateReport("initial_report", cyclic), (e) => e.code === "bad_argument");
  let deep = {};
  for (let i = 0; i < 1000; i++) deep = { d: deep };
  assert.throws(() => ei.validateReport("initial_report", deep), (e) => typeof e.code === "string");
  const r = ei.validateReport("readiness_check", {});
  assert.equal(r.ok, false);
  assert.equal(r.errors.find((f) => f.path === "/site").code, "required");
});

test("a late initial report: warning with filled message", () => {
  const data = { ...file.bases.initial_report, reported_at: "2026-06-13T09:44" };
  const r = ei.validateReport("initial_report", data, { now: "2026-06-13T10:00" });
  assert.equal(r.ok, true);
  const w = r.warnings.find((f) => f.code === "initial_report_late");
  assert.equal(w.path, "/reported_at");
  assert.deepEqual(w.params, { minutes: 14, limit: 10 });
});
