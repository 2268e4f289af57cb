// Boundary test of IncidentResponse in Node (no browser): build the package first, e.g.
//   cargo build --release --target wasm32-unknown-unknown
//   wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/exam_incident.wasm
//   node tests/node/response_storage.mjs            (EI_PKG=/other/dir to use another build)
import path from "node:path";
import { pathToFileURL } from "node:url";
const PKG = process.env.EI_PKG || path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../pkg");
import fs from "node:fs";
// A fake browser window with a localStorage that can fill up.
class Window {}
Object.setPrototypeOf(globalThis, Object.create(Window.prototype, Object.getOwnPropertyDescriptors(Object.getPrototypeOf(globalThis))));
globalThis.Window = Window;
globalThis.window = globalThis;
const data = new Map(); let quota = Infinity;
globalThis.localStorage = {
  getItem: (k) => (data.has(k) ? data.get(k) : null),
  setItem: (k, v) => { let used = 0; for (const [a, b] of data) if (a !== k) used += a.length + b.length;
    if (used + k.length + String(v).length > quota) { const e = new Error("full"); e.name = "QuotaExceededError"; throw e; }
    data.set(k, String(v)); },
  removeItem: (k) => { data.delete(k); },
  key: (i) => [...data.keys()][i] ?? null,
  get length() { return data.size; },
};
const { default: init, ...ei } = await import(pathToFileURL(path.join(PKG, "exam_incident.js")).href);
await init({ module_or_path: fs.readFileSync(path.join(PKG, "exam_incident_bg.wasm")) });
const assert = (c, m) => { if (!c) { console.error("FAIL", m); process.exitCode = 1; } else console.log("ok", m); };
const code = (f) => { try { f(); return null; } catch (e) { return e.code; } };

const r = new ei.IncidentResponse({ kind: "mass_cheating", discoveredAt: "2026-06-13T09:40", id: "cheat-301" });
assert(r.storageStatus().ok === true, "saved on construction " + JSON.stringify(r.storageStatus()));
assert(data.has("exam-incident/v2/response/cheat-301") && data.has("exam-incident/v2/entry/cheat-301/0"), "under the namespaced keys (an index, an entry each)");
r.complete("initial_report", "2026-06-13T09:45", { name: "王敏", role: "site_leader" });
const saved = JSON.stringify(r);
assert(JSON.parse(data.get("exam-incident/v2/entry/cheat-301/1")).hash === r.log()[1].hash && JSON.parse(data.get("exam-incident/v2/response/cheat-301")).count === 2, "autosaved after every change");
// "Reload": drop the object, restore by id.
r.free();
const list = ei.savedResponses();
assert(list.responses.length === 1 && list.responses[0].id === "cheat-301" && list.responses[0].entries === 2, "listed " + JSON.stringify(list));
const back = ei.IncidentResponse.restore("cheat-301");
assert(JSON.stringify(back) === saved, "restored exactly");
assert(back.steps("2026-06-13T09:46").find((s) => s.id === "initial_report").status === "done", "state restored");
// Full storage: keeps working in memory, error reported.
quota = [...data].reduce((n, [k, v]) => n + k.length + v.length, 0) + 100;
let err = null; back.onStorageError((e) => { err = e; });
back.addNote("2026-06-13T09:50", "x".repeat(500));
assert(err && err.code === "storage_full", "storage_full reported");
assert(back.storageStatus().code === "storage_full" && back.log().length === 3, "status and memory");
quota = Infinity;
assert(back.save() === true && back.storageStatus().ok, "save again once there is room");
// Corrupt entry: quarantined, kept.
data.set("exam-incident/v2/response/broken", "{oops");
const l2 = ei.savedResponses();
assert(l2.quarantined.length === 1 && l2.quarantined[0].code === "bad_state", "quarantined " + JSON.stringify(l2.quarantined));
assert(data.get("exam-incident/v1/quarantine/response/broken") === "{oops" && !data.has("exam-incident/v2/response/broken"), "moved aside, kept");
// A whole copy as earlier builds saved it, of a version this build does not read.
data.set("exam-incident/v1/response/bad2", JSON.stringify({ ...JSON.parse(saved), id: "bad2", version: 7 }));
assert(code(() => ei.IncidentResponse.restore("bad2")) === "unsupported_version", "restore of unknown version throws");
assert(data.has("exam-incident/v1/quarantine/response/bad2"), "and is quarantined");
assert(code(() => ei.IncidentResponse.restore("nothing")) === "not_saved", "not saved");
ei.removeSavedResponse("cheat-301");
assert(!data.has("exam-incident/v2/response/cheat-301") && ![...data.keys()].some((k) => k.startsWith("exam-incident/v2/entry/cheat-301/")), "removed, entries too");
console.log(process.exitCode ? "SOME FAILED" : "ALL OK");
