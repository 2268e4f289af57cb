// `bad_argument` in Chinese is Chinese, through the JS API: every way in that throws one and can
// be reached from JS (each call below names the file that throws it; all ten call-site files but
// src/wasm/plan_class.rs, whose one — JSON.parse refusing the plan's own text — cannot happen)
// gives a zh message whose only ASCII words are its field, the ids and the JSON/JS literals it
// quotes, with `params.expected` (English, as before) and `params.expected_zh` (the zh phrase).
// The native walk of the core's own is tests/bad_argument_zh.rs; this is the same rule.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import ei from "./load.mjs";

/** Literals of JSON and JS, type names of the API, a standard's name. Never an English word of prose. */
const LITERALS = ["true", "false", "null", "JSON", "BigInt", "Facts", "FormId", "ResponseInit", "RFC", "text", "facts"];

/** The ids a phrase may list: signals, phases and Facts' fields (from the TypeScript types), the
 * plan's anchors, kinds and roles. */
function ids() {
  const dts = fs.readFileSync(new URL("../../pkg/exam_incident.d.ts", import.meta.url), "utf8");
  const union = (name) => [...dts.match(new RegExp(`export type ${name} = ([^;]+);`))[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  const facts = dts.slice(dts.indexOf("export interface Facts {"));
  const fields = [...facts.slice(0, facts.indexOf("\n}")).matchAll(/^\s+([a-z_]+)\??:/gm)].map((m) => m[1]);
  const doc = JSON.parse(ei.planJson());
  const plan = ["anchors", "kinds", "roles"].flatMap((k) => (doc[k] || []).map((x) => x.id));
  return new Set([...union("Signal"), ...union("Phase"), ...fields, ...plan]);
}
const IDS = ids();

/** ASCII words of `s` outside `{…}` (a JS object literal, quoted whole). */
function asciiWords(s) {
  let depth = 0;
  let out = "";
  for (const c of s) {
    if (c === "{") depth++;
    if (depth === 0) out += c;
    if (c === "}") depth = Math.max(0, depth - 1);
  }
  return (out.match(/[A-Za-z0-9_][A-Za-z0-9_.]*/g) || []).map((w) => w.replace(/\.+$/, "")).filter((w) => /[A-Za-z]/.test(w));
}

/** Why `e` is not a bad_argument said in Chinese in Chinese, or null. */
function problem(e) {
  if (e?.code !== "bad_argument") return `not a bad_argument: ${e?.code} ${e?.message}`;
  const { field, expected, expected_zh: zhPhrase } = e.params;
  if (typeof zhPhrase !== "string" || typeof expected !== "string") return `params ${JSON.stringify(e.params)}`;
  const head = `参数 ${field} 有误：应为`;
  if (!e.text.zh.startsWith(head)) return `${e.text.zh} does not start with ${head}`;
  const phrase = e.text.zh.slice(head.length);
  if (phrase.trimStart() !== zhPhrase) return `${e.text.zh}: the phrase is not params.expected_zh`;
  if (!e.text.en.includes(expected)) return `${e.text.en} does not hold params.expected`;
  const english = asciiWords(phrase).filter((w) => !LITERALS.includes(w) && !IDS.has(w));
  return english.length ? `${e.text.zh} has English words ${english.join(", ")}` : null;
}

function thrown(fn) {
  try { fn(); } catch (e) { return e; }
  return { code: "nothing thrown" };
}

test("the check fails on English: the old message, English beside a literal, an English word among ids", () => {
  const fake = (zh, en) => ({ code: "bad_argument", params: { field: "x", expected: en, expected_zh: zh.trimStart() }, text: { zh: `参数 x 有误：应为${zh}`, en: `bad argument x: expected ${en}` } });
  assert.ok(problem(fake(" a string", "a string")));
  assert.ok(problem(fake(" an object { text?, facts? }", "an object { text?, facts? }")));
  assert.ok(problem(fake("transport、storage 或 other", "one of")));
  assert.equal(problem(fake("字符串", "a string")), null);
  assert.equal(problem(fake(" { text?, facts? } 形式的对象", "an object")), null);
  assert.ok(problem({ code: "too_large" }));
});

test("every bad_argument the API throws says in Chinese what it expected, in Chinese", () => {
  const plan = ei.Plan.default();
  const r = plan.startResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:30", room: "3" });
  const cyclic = {};
  cyclic.self = cyclic;
  let deep = [];
  for (let i = 0; i < 200; i++) deep = [deep];
  const calls = [
    // src/classify/input.rs
    ["classify/input.rs", "input", () => ei.classify(5)],
    ["classify/input.rs", "input.txt", () => ei.classify({ txt: "停电" })],
    ["classify/input.rs", "text", () => ei.classify({ text: 5 })],
    ["classify/input.rs", "facts", () => ei.classify({ facts: [1] })],
    ["classify/input.rs", "facts.bogus", () => ei.classify({ facts: { bogus: 1 } })],
    ["classify/input.rs", "facts.phase", () => ei.classify({ facts: { phase: "later" } })],
    ["classify/input.rs", "facts.signals", () => ei.classify({ facts: { signals: "fire" } })],
    ["classify/input.rs", "facts.rooms_affected", () => ei.classify({ facts: { rooms_affected: -1 } })],
    ["classify/input.rs", "facts.outage_minutes", () => ei.classify({ facts: { outage_minutes: -5 } })],
    ["classify/input.rs", "facts.candidates_fraction", () => ei.classify({ facts: { candidates_fraction: 3 } })],
    ["classify/input.rs", "facts.restored", () => ei.classify({ facts: { restored: "yes" } })],
    ["classify/input.rs", "facts.rooms", () => ei.classify({ facts: { rooms: "301" } })],
    // src/forms/validate.rs
    ["forms/validate.rs", "data", () => ei.validateReport("initial_report", [])],
    // src/response/check.rs
    ["response/check.rs", "note", () => r.addNote("2026-06-13T09:35", "  ")],
    ["response/check.rs", "anchor", () => r.setAnchor("lunch", "2026-06-13T09:35")],
    ["response/check.rs", "kind", () => r.reclassify("power_or_equipment_failure", "2026-06-13T09:35")],
    // src/response/input.rs
    ["response/input.rs", "by.name", () => r.complete("initial_report", "2026-06-13T09:35", { name: " ", role: "site_staff" })],
    ["response/input.rs", "by.role", () => r.complete("initial_report", "2026-06-13T09:35", { name: "李强", role: "janitor" })],
    ["response/input.rs", "id", () => plan.startResponse({ kind: "epidemic", discoveredAt: "2026-06-13T09:30", id: "a/b" })],
    // src/wasm/convert.rs
    ["wasm/convert.rs", "init", () => plan.startResponse(cyclic)],
    ["wasm/convert.rs", "init.site", () => plan.startResponse({ kind: "epidemic", discoveredAt: "2026-06-13T09:30", site: "考点\uD83D" })],
    ["wasm/convert.rs", "input", () => ei.classify(deep)],
    ["wasm/convert.rs", "kind", () => ei.guide(5)],
    // src/wasm/forms_api.rs
    ["wasm/forms_api.rs", "form", () => ei.validateReport(undefined, {})],
    ["wasm/forms_api.rs", "opts", () => ei.validateReport("initial_report", {}, 5)],
    ["wasm/forms_api.rs", "opts.now", () => ei.validateReport("initial_report", {}, { now: 5 })],
    // src/wasm/plan_api.rs
    ["wasm/plan_api.rs", "plan", () => ei.loadPlan(undefined)],
    ["wasm/plan_api.rs", "kind", () => ei.guide(undefined)],
    // src/wasm/response_api.rs
    ["wasm/response_api.rs", "by.name", () => r.complete("initial_report", "2026-06-13T09:35", { name: 1, role: "site_staff" })],
    ["wasm/response_api.rs", "stepId", () => r.complete(undefined, "2026-06-13T09:35")],
    ["wasm/response_api.rs", "leadMinutes", () => r.summary("2026-06-13T09:35", -1)],
    ["wasm/response_api.rs", "init", () => plan.startResponse(5)],
    ["wasm/response_api.rs", "init.kind", () => plan.startResponse({ kind: 5, discoveredAt: "2026-06-13T09:30" })],
    ["wasm/response_api.rs", "callback", () => r.onReminder(5)],
    ["wasm/response_api.rs", "callback", () => r.onStorageError(5)],
    ["wasm/response_api.rs", "anchor.count", () => r.verifyLog({ head: "9c58669b", count: "x" })],
    // src/wasm/storage.rs
    ["wasm/storage.rs", "init", () => ei.findSimilarSaved(5)],
    ["wasm/storage.rs", "init.kind", () => ei.findSimilarSaved({ kind: 5, discoveredAt: "2026-06-13T09:30" })],
    ["wasm/storage.rs", "id", () => ei.removeSavedResponse(undefined)],
  ];
  const failures = [];
  for (const [file, field, fn] of calls) {
    const e = thrown(fn);
    const why = problem(e);
    if (why) failures.push(`${file} ${field}: ${why}`);
    else if (e.params.field !== field) failures.push(`${file}: field ${e.params.field}, not ${field}`);
  }
  assert.deepEqual(failures, []);
  const files = new Set(calls.map(([f]) => f));
  assert.equal(files.size, 9, [...files].join());
  // Nothing the walk did left a working object broken.
  assert.ok(r.steps("2026-06-13T09:40").length > 0);
});

test("params.expected stays the English phrase portals read; the message says the Chinese one", () => {
  const e = thrown(() => ei.classify({ text: 5 }));
  assert.deepEqual(e.params, { field: "text", expected: "a string", expected_zh: "字符串" });
  assert.equal(e.text.zh, "参数 text 有误：应为字符串");
  assert.equal(e.message, "参数 text 有误：应为字符串 / bad argument text: expected a string");
});
