// Boundary test of IncidentResponse in Node (no browser): build the package first, e.g.
//   cargo build --release --target wasm32-unknown-unknown
//   wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/exam_incident.wasm
//   node tests/node/response_smoke.mjs            (EI_PKG=/other/dir to use another build)
import path from "node:path";
import { pathToFileURL } from "node:url";
const PKG = process.env.EI_PKG || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../pkg");
import fs from "node:fs";
const { default: init, ...ei } = await import(pathToFileURL(path.join(PKG, "exam_incident.js")).href);
await init({ module_or_path: fs.readFileSync(path.join(PKG, "exam_incident_bg.wasm")) });
const assert = (c, m) => { if (!c) { console.error("FAIL", m); process.exitCode = 1; } else console.log("ok", m); };
const code = (f) => { try { f(); return null; } catch (e) { return e.code; } };

const r = new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", site: "考点", room: "301", anchors: { outage_started: "2026-06-13T09:30" } });
assert(r.id.startsWith("r-"), "id " + r.id);
const st = r.steps("2026-06-13T09:45");
assert(st[0].id === "initial_report" && st[0].status === "overdue" && st[0].dueAt === "2026-06-13T09:42:00+08:00", "initial report overdue");
assert(r.steps().length === st.length, "steps() with the browser clock");
assert(code(() => r.complete("initial_report", 42)) === "bad_argument", "at must be a string");
assert(code(() => r.complete("initial_report", "2026-06-13T09:38", { name: 1 })) === "bad_argument", "bad person");
const cyc = {}; cyc.self = cyc;
assert(code(() => r.complete("initial_report", "2026-06-13T09:38", cyc)) === "bad_argument", "cyclic person");
assert(code(() => new ei.IncidentResponse(null)) === "bad_argument", "null init");
assert(code(() => new ei.IncidentResponse({ kind: "nope", discoveredAt: "2026-06-13T09:32" })) === "unknown_kind", "unknown kind");
assert(code(() => new ei.IncidentResponse({ kind: "epidemic", discoveredAt: "2026-06-13T09:32", bogus: 1 })) === "bad_argument", "unknown init field");
const w = r.complete("initial_report", "2026-06-13T09:38", { name: "李强", role: "site_staff" }, "电话报告");
assert(Array.isArray(w) && w.length === 0, "complete returns no warnings in order");
r.decide("outage_decision", "not_restored_or_regional", "2026-06-13T10:15");
assert(code(() => r.decide("superior_instruction", "extend", "2026-06-13T10:20")) === "approval_required", "approval required");
r.requestApproval("superior_instruction", "2026-06-13T10:20", { name: "组长", role: "leading_group" });
assert(r.steps("2026-06-13T10:21").find(s => s.id === "superior_instruction").status === "awaiting_approval", "awaiting approval");
r.decide("superior_instruction", "extend", "2026-06-13T10:30", { name: "上级", role: "superior" });
assert(r.verifyLog(), "verifyLog");
const text = JSON.stringify(r);
const back = ei.IncidentResponse.fromJSON(JSON.parse(text));
assert(JSON.stringify(back) === text, "byte-exact round trip via JSON.stringify");
assert(JSON.stringify(ei.IncidentResponse.fromJSON(text)) === text, "fromJSON of text");
const t = JSON.parse(text); t.log[2].note = "改";
assert(code(() => ei.IncidentResponse.fromJSON(t)) === "log_tampered", "tampered");
const v = JSON.parse(text); v.version = 9;
assert(code(() => ei.IncidentResponse.fromJSON(v)) === "unsupported_version", "unknown version");
assert(code(() => ei.IncidentResponse.fromJSON("garbage")) === "bad_state", "garbage");
assert(code(() => ei.IncidentResponse.fromJSON(12)) === "bad_state", "number");
assert(r.log().length === 6, "log length");
assert(r.draftReport("staged_report").entries.length === 6, "staged draft");
assert(code(() => r.draftReport("x")) === "unknown_form", "unknown form");
const ps = r.phoneScript("2026-06-13T09:40", { name: "王敏", role: "site_leader" });
assert(ps.zh.includes("王敏") && ps.en.includes("room 301"), "phone script");
// Storage: Node has no window/localStorage → disabled, reported, response keeps working.
const s = r.storageStatus();
assert(s.ok === false && s.code === "storage_disabled" && s.key === "exam-incident/v2/response/" + r.id, "storage disabled " + JSON.stringify(s));
let got = null;
r.onStorageError((e) => { got = e.code; throw new Error("handler throws"); });
r.addNote("2026-06-13T10:31", "考生已离场");
assert(got === "storage_disabled", "onStorageError called");
assert(r.log().length === 7, "still works after a throwing handler");
assert(code(() => ei.savedResponses()) === "storage_disabled", "savedResponses disabled");
assert(code(() => ei.IncidentResponse.restore("x")) === "storage_disabled", "restore disabled");
// Reminders.
const q = new ei.IncidentResponse({ kind: "other_general", discoveredAt: new Date(Date.now() - 20 * 60000).toISOString() });
const seen = [];
const id = q.onReminder((rem) => { seen.push(rem); throw new Error("callback throws"); });
await new Promise((ok) => setTimeout(ok, 100));
assert(seen.length === 1 && seen[0].step === "initial_report" && seen[0].kind === "overdue", "overdue announced at once " + JSON.stringify(seen));
assert(q.steps().length > 0, "works after a throwing reminder callback");
const q2 = new ei.IncidentResponse({ kind: "other_general", discoveredAt: new Date(Date.now() - 10 * 60000 + 300).toISOString() });
const seen2 = [];
q2.onReminder((rem) => seen2.push(rem.kind));
await new Promise((ok) => setTimeout(ok, 1200));
assert(JSON.stringify(seen2) === '["overdue"]', "overdue fires when the deadline passes " + JSON.stringify(seen2));
assert(q.offReminder(id) === true && q.offReminder(id) === false, "offReminder");
q.free(); q2.free();
console.log(process.exitCode ? "SOME FAILED" : "ALL OK");
