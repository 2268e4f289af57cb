// Init time in headless Chromium, on a fresh page each time.
//
// The budget covers what the component itself costs: compile + instantiate + loading the plan.
// Fetching the files is the network's share and is timed apart (`fetch`), as is the glue
// module's import. Two settings:
// - first visit: a new browser context each time (empty HTTP and code caches);
// - repeat visit: one context, files served with `Cache-Control`, so Chromium may reuse the
//   compiled code it cached on the earlier visits (as a portal's returning user would).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "./chromium.mjs";
import { summary, line } from "./stats.mjs";

const root = path.resolve(new URL("..", import.meta.url).pathname);
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const page = `<!doctype html><script type="module">
const t0 = performance.now();
const m = await import("/pkg/exam_incident.js");
const t1 = performance.now();
// Streaming compilation is what lets Chromium cache the compiled code; its time then holds the
// (cached, local) fetch too. Otherwise the bytes are fetched first and compiled apart.
const streaming = location.search === "?streaming";
let module, t2;
if (streaming) {
  t2 = performance.now();
  module = await WebAssembly.compileStreaming(fetch("/pkg/exam_incident_bg.wasm"));
} else {
  const bytes = await (await fetch("/pkg/exam_incident_bg.wasm")).arrayBuffer();
  t2 = performance.now();
  module = await WebAssembly.compile(bytes);
}
const t3 = performance.now();
m.initSync({ module });
const t4 = performance.now();
m.planInfo();
const t5 = performance.now();
m.resetPlan();
m.planInfo();
const t6 = performance.now();
window.parts = { glue: t1 - t0, fetch: t2 - t1, compile: t3 - t2, instantiate: t4 - t3, plan: t5 - t4, planAgain: t6 - t5 };
</script>`;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/") { res.writeHead(200, { "content-type": "text/html" }); return res.end(page); }
  const file = path.join(root, path.normalize(url.pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, {
    "content-type": types[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "max-age=3600",
    "last-modified": fs.statSync(file).mtime.toUTCString(),
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
// playwright gives every launch a fresh profile directory of its own.
const browser = await launchChromium();

async function visit(ctx, query = "") {
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:${server.address().port}/${query}`);
  await p.waitForFunction(() => window.parts !== undefined, null, { timeout: 30000 });
  const parts = await p.evaluate(() => window.parts);
  await p.close();
  return { ...parts, init: parts.compile + parts.instantiate + parts.plan };
}

function report(title, runs) {
  console.log(line(`chromium init, ${title}`, summary(runs.map((r) => r.init)), "ms", 15));
  for (const k of ["compile", "instantiate", "plan"]) console.log(line(`  of which ${k}`, summary(runs.map((r) => r[k])), "ms"));
  console.log(line("  plan loaded again (code warm)", summary(runs.map((r) => r.planAgain)), "ms"));
  console.log(line("  not counted: glue import", summary(runs.map((r) => r.glue)), "ms"));
  console.log(line("  not counted: fetch of the wasm", summary(runs.map((r) => r.fetch)), "ms"));
}

try {
  const first = [];
  for (let i = 0; i < 9; i++) {
    const ctx = await browser.newContext();
    first.push(await visit(ctx));
    await ctx.close();
  }
  report("first visit", first);
  const ctx = await browser.newContext();
  const repeat = [];
  for (let i = 0; i < 9; i++) {
    repeat.push(await visit(ctx, "?streaming"));
    // Chromium caches compiled wasm code in the background after a visit.
    await new Promise((r) => setTimeout(r, 500));
  }
  await ctx.close();
  report("repeat visit, streaming compile", repeat.slice(1));
} finally {
  await browser.close();
  server.close();
}
