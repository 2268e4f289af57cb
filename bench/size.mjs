// Size of what a portal downloads: pkg wasm + JS glue, raw and gzipped.
import fs from "node:fs";
import zlib from "node:zlib";
import { line } from "./stats.mjs";

const dir = new URL("../pkg/", import.meta.url);
const files = ["exam_incident_bg.wasm", "exam_incident.js"];
let raw = 0, gz = 0;
for (const f of files) {
  const bytes = fs.readFileSync(new URL(f, dir));
  const z = zlib.gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += z;
  console.log(line(`size ${f} (gzip)`, { median: z / 1024 }, "KB"));
}
console.log(line("size wasm + glue (raw)", { median: raw / 1024 }, "KB"));
// Issue 15: target ≤ 150 KB (goal ≤ 100 KB).
console.log(line("size wasm + glue (gzip)", { median: gz / 1024 }, "KB", 150));
