// Loads the built package (pkg/) in Node, the way a portal's Node tooling would.
import fs from "node:fs";
import init, * as ei from "../../pkg/exam_incident.js";

await init({ module_or_path: fs.readFileSync(new URL("../../pkg/exam_incident_bg.wasm", import.meta.url)) });

export default ei;
