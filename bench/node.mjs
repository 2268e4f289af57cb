// Speed in Node: init (compile + instantiate + plan load) and µs per call of every export.
import fs from "node:fs";
import { measure, summary, line } from "./stats.mjs";

const wasm = fs.readFileSync(new URL("../pkg/exam_incident_bg.wasm", import.meta.url));

// init: a fresh module instance each time (a new import URL), then the first call loads the plan.
const inits = [];
for (let i = 0; i < 12; i++) {
  const mod = await import(`../pkg/exam_incident.js?i=${i}`);
  const t0 = performance.now();
  await mod.default({ module_or_path: wasm });
  mod.planInfo();
  inits.push(performance.now() - t0);
}
console.log(line("node init (compile+instantiate+plan)", summary(inits), "ms"));

const ei = await import("../pkg/exam_incident.js");
await ei.default({ module_or_path: wasm });
const extra = await import("./node-calls.mjs").catch(() => null);
console.log(line("planInfo()", measure(() => ei.planInfo()), "µs"));
console.log(line("guide(power_or_equipment_failure)", measure(() => ei.guide("power_or_equipment_failure")), "µs"));
if (extra) await extra.default(ei, { measure, line });
