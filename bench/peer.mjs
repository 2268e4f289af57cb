// The peer a portal team would otherwise hand-build, measured beside ours in the same run:
// - one form (initial_report) checked by ajv + ajv-formats (the documented fields as JSON Schema)
//   and hand-written JS for the cross-field rules (times in order, the 10-minute limit, severity
//   matching the kind, mass cheating's rooms, the reporting chain);
// - the facts rules of a few kinds in json-rules-engine, against classify({facts}).
// The peer is deliberately smaller than what we check (no bilingual messages, no pointer paths on
// cross-field findings, five kinds' facts rules): the ratio is a floor of what we cost over it.
import fs from "node:fs";
import Ajv from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Engine } from "json-rules-engine";
import { measure, summary, line } from "./stats.mjs";

const ei = await import("../pkg/exam_incident.js");
await ei.default({ module_or_path: fs.readFileSync(new URL("../pkg/exam_incident_bg.wasm", import.meta.url)) });

const person = { type: "object", required: ["role"], properties: { name: { type: "string", minLength: 1, maxLength: 100 }, role: { type: "string" } } };
const schema = {
  type: "object",
  required: ["incident_kind", "severity", "discovered_at", "reported_at", "reporter", "reported_to", "report_form", "subject", "location", "summary"],
  properties: {
    incident_kind: { type: "string" }, severity: { enum: ["major", "general"] },
    discovered_at: { type: "string", format: "plan-time" }, reported_at: { type: "string", format: "plan-time" },
    reporter: { ...person, required: ["name", "role"] }, reported_to: person,
    report_form: { enum: ["oral", "phone", "fax", "written"] }, subject: { enum: ["transport_handover", "storage", "exam_room", "other"] },
    location: { type: "object", required: ["site"], properties: { site: { type: "string", minLength: 1 }, room: { type: "string" } } },
    summary: { type: "string", minLength: 1, maxLength: 2000 }, measures_taken: { type: "string" }, details: { type: "object" },
  },
};
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// The contract's times: RFC 3339, seconds and offset optional (what datetime-local gives).
ajv.addFormat("plan-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([zZ]|[+-]\d\d:\d\d)?$/);
const check = ajv.compile(schema);
const MAJOR = new Set(ei.planInfo().kinds.filter((k) => k.severity === "major").map((k) => k.id));
const CHAIN = { site_staff: ["site_leader"], site_leader: ["leading_group", "patrol_inspector"], patrol_inspector: ["leading_group"], proctor: ["site_leader", "exam_affairs_manager"] };
// The RFC 3339 form with an optional offset (read as +08:00), as the contract allows.
const at = (s) => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}+08:00`);

function peerValidate(d) {
  const errors = [], warnings = [];
  if (!check(d)) for (const e of check.errors) errors.push({ path: e.instancePath, code: e.keyword });
  if (typeof d.discovered_at === "string" && typeof d.reported_at === "string") {
    const a = at(d.discovered_at), b = at(d.reported_at);
    if (b < a) errors.push({ path: "/reported_at", code: "before_discovery" });
    else if (b - a > 10 * 60_000) warnings.push({ path: "/reported_at", code: "initial_report_late" });
  }
  if (MAJOR.has(d.incident_kind) && d.severity === "general") errors.push({ path: "/severity", code: "severity_mismatch" });
  if (d.incident_kind === "mass_cheating" && !(Array.isArray(d.details?.rooms) && d.details.rooms.length >= 2)) {
    errors.push({ path: "/details/rooms", code: "too_few_rooms" });
  }
  const allowed = CHAIN[d.reporter?.role];
  if (allowed && d.reported_to?.role && !allowed.includes(d.reported_to.role)) warnings.push({ path: "/reported_to/role", code: "not_in_chain" });
  return { ok: errors.length === 0, errors, warnings };
}

const cases = JSON.parse(fs.readFileSync(new URL("../tests/data/form_cases.json", import.meta.url), "utf8"));
const valid = cases.bases.initial_report;
const invalid = { ...valid, severity: "general", incident_kind: "mass_cheating", reported_at: "2026-06-13T11:00", details: { rooms: ["1"] } };
if (!peerValidate(valid).ok) console.log("note: the peer refuses the valid base form:", JSON.stringify(peerValidate(valid).errors));

const rows = [];
for (const [name, form] of [["valid", valid], ["invalid", invalid]]) {
  // Interleaved batches, so both sides see the same machine load.
  const ours = [], peer = [];
  for (let round = 0; round < 9; round++) {
    ours.push(measure(() => ei.validateReport("initial_report", form), { batches: 1, perBatch: 400, warmup: 100 }).median);
    peer.push(measure(() => peerValidate(form), { batches: 1, perBatch: 400, warmup: 100 }).median);
  }
  const o = summary(ours), p = summary(peer);
  console.log(line(`validateReport(initial_report, ${name}), ours`, o, "µs"));
  console.log(line(`  ajv + hand-written JS, same form`, p, "µs"));
  rows.push(o.median / p.median);
  console.log(`  ratio ours / peer: ${(o.median / p.median).toFixed(2)}×  (target ≤ 1.5×, goal ≤ 1×)`);
}

// Facts rules: json-rules-engine against classify({facts}).
const engine = new Engine([], { allowUndefinedFacts: true });
const rule = (kind, all) => engine.addRule({ conditions: { all }, event: { type: kind } });
rule("mass_cheating", [{ fact: "signals", operator: "contains", value: "cheating" }, { fact: "rooms_affected", operator: "greaterThanInclusive", value: 2 }]);
rule("power_or_equipment_failure", [{ fact: "signals", operator: "contains", value: "power_outage" }]);
rule("paper_leak", [{ fact: "signals", operator: "contains", value: "paper_leaked" }]);
rule("candidates_not_arrived", [{ fact: "signals", operator: "contains", value: "candidates_delayed" }, { fact: "candidates_affected", operator: "greaterThanInclusive", value: 10 }]);
rule("terror_attack", [{ fact: "signals", operator: "contains", value: "terror" }]);
const facts = { signals: ["cheating", "room_disorder"], rooms_affected: 3 };
const peerRuns = [], ourRuns = [];
for (let round = 0; round < 9; round++) {
  let t0 = performance.now();
  for (let i = 0; i < 200; i++) await engine.run(facts);
  peerRuns.push(((performance.now() - t0) * 1000) / 200);
  t0 = performance.now();
  for (let i = 0; i < 200; i++) ei.classify({ facts });
  ourRuns.push(((performance.now() - t0) * 1000) / 200);
}
console.log(line("classify({facts}), ours", summary(ourRuns), "µs"));
console.log(line("  json-rules-engine, five kinds' rules", summary(peerRuns), "µs"));
