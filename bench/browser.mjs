// Init time in headless Chromium: fetch + compile + instantiate + plan load, on a fresh page each time.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { summary, line } from "./stats.mjs";

const root = path.resolve(new URL("..", import.meta.url).pathname);
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const page = `<!doctype html><script type="module">
const t0 = performance.now();
const m = await import("/pkg/exam_incident.js");
const t1 = performance.now();
await m.default();
const t2 = performance.now();
m.planInfo();
const t3 = performance.now();
window.initMs = t3 - t0;
window.parts = { glue: t1 - t0, instantiate: t2 - t1, plan: t3 - t2 };
</script>`;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/") { res.writeHead(200, { "content-type": "text/html" }); return res.end(page); }
  const file = path.join(root, path.normalize(url.pathname));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
// playwright gives every launch a fresh profile directory of its own.
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const times = [];
const parts = [];
try {
  for (let i = 0; i < 12; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(`http://127.0.0.1:${server.address().port}/`);
    await p.waitForFunction(() => window.initMs !== undefined, null, { timeout: 30000 });
    times.push(await p.evaluate(() => window.initMs));
    parts.push(await p.evaluate(() => window.parts));
    await ctx.close();
  }
} finally {
  await browser.close();
  server.close();
}
// The first load also compiles from scratch with a cold cache; report both.
console.log(line("chromium init, first load", { median: times[0] }, "ms"));
console.log(line("chromium init (fetch+compile+plan)", summary(times.slice(1)), "ms", 15));
for (const k of ["glue", "instantiate", "plan"]) console.log(line(`  of which ${k}`, summary(parts.slice(1).map((p) => p[k])), "ms"));
