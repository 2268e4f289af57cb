// A response with a 5,000-entry log (the most one may hold) in headless Chromium: how long each
// action blocks the main thread, at the API (the call, its autosave included) and in the
// console (a click, its re-render included, as Chromium's long-task observer and the click's
// own span see it). Budget: 50 ms per action. Also what an append writes to localStorage.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { launchChromium } from "./chromium.mjs";
import { summary, line } from "./stats.mjs";

const www = path.resolve(new URL("../www", import.meta.url).pathname);
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".css": "text/css" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(www, path.normalize(rel));
  if (!file.startsWith(www) || !fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const ENTRIES = 5000;
const BUDGET = 50;

try {
  const ctx = await browser.newContext({ timezoneId: "Asia/Shanghai", serviceWorkers: "block" });
  const page = await ctx.newPage();
  await page.goto(`${origin}/`);
  await page.locator("exam-incident-panel [role=tablist]").waitFor({ timeout: 60000 });
  // Build the log through the API (every append autosaved as it goes).
  const built = await page.evaluate(async (n) => {
    const ei = await import("/pkg/exam_incident.js");
    localStorage.clear();
    const r = new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", room: "301" });
    const t0 = performance.now();
    for (let i = r.log().length; i < n - 10; i++) r.addNote(`2026-06-13T${String(10 + Math.floor(i / 600)).padStart(2, "0")}:${String(Math.floor(i / 10) % 60).padStart(2, "0")}`, `巡查记录 ${i}`);
    const ms = performance.now() - t0;
    // The console resumes the response its own UI state names (the key is per panel: site, room, id).
    localStorage.setItem(document.querySelector("exam-incident-panel").uiKey, JSON.stringify({ tab: "response", responseId: r.id }));
    return { id: r.id, ms, entries: r.log().length, bytes: JSON.stringify(r.toJSON()).length };
  }, ENTRIES);
  console.log(`built a ${built.entries}-entry log (${(built.bytes / 1e6).toFixed(2)} MB as JSON) in ${(built.ms / 1000).toFixed(1)} s, ${(built.ms / built.entries).toFixed(2)} ms per append`);

  // API: each call timed alone, on the restored response.
  const api = await page.evaluate(async (id) => {
    const ei = await import("/pkg/exam_incident.js");
    const time = (fn, n = 15) => { const out = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); fn(i); out.push(performance.now() - t0); } return out; };
    const restore = time(() => ei.IncidentResponse.restore(id).free(), 5);
    const r = ei.IncidentResponse.restore(id);
    const set = Storage.prototype.setItem;
    let bytes = 0, writes = 0;
    Storage.prototype.setItem = function (k, v) { writes++; bytes += k.length + String(v).length; return set.call(this, k, v); };
    const append = time(() => r.addNote("2026-06-13T18:00", "追加记录"), 1);
    Storage.prototype.setItem = set;
    return {
      restore, append, writes, bytes,
      steps: time(() => r.steps("2026-06-13T18:00")),
      summary: time(() => r.summary("2026-06-13T18:00")),
      verifyLog: time(() => r.verifyLog(), 5),
      log: time(() => r.log(), 5),
      savedResponses: time(() => ei.savedResponses()),
    };
  }, built.id);
  console.log(`one append writes ${api.writes} keys, ${api.bytes} bytes (the whole log would be ${(built.bytes / 1e6).toFixed(2)} MB)`);
  console.log(line(`append + autosave, ${ENTRIES}-entry log`, summary(api.append), "ms", BUDGET));
  for (const k of ["steps", "summary", "savedResponses", "log", "verifyLog"]) console.log(line(`  ${k}()`, summary(api[k]), "ms", k === "log" || k === "verifyLog" ? undefined : BUDGET));
  console.log(line(`restore (boot), ${ENTRIES}-entry log`, summary(api.restore), "ms"));

  // The console: reload (boot restores the response), then click through actions.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });
  });
  const t0 = Date.now();
  await page.reload();
  await page.locator("exam-incident-panel .response-view").waitFor({ timeout: 60000 });
  const bootMs = Date.now() - t0;
  // A second tab on the same response: what the storage event costs it when the first acts.
  const other = await ctx.newPage();
  await other.goto(`${origin}/`);
  await other.locator("exam-incident-panel .response-view").waitFor({ timeout: 60000 });
  await other.evaluate(() => {
    const p = document.querySelector("exam-incident-panel");
    const f = p.storageChanged.bind(p);
    window.__sync = [];
    p.storageChanged = (e) => { const t = performance.now(); f(e); if (e.key?.startsWith("exam-incident/v2/response/")) window.__sync.push(performance.now() - t); };
  });
  const clicks = [];
  const longest = [];
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask" });
    });
    const span = await page.evaluate(() => new Promise((resolve) => {
      const root = document.querySelector("exam-incident-panel").shadowRoot;
      const done = [...root.querySelectorAll(".steps > li")].find((li) => li.querySelector("button.small") && !li.querySelector(".done-info"));
      const button = [...(done?.querySelectorAll("button.small") || [])].find((b) => /标记完成|略过/.test(b.textContent));
      const t = performance.now();
      if (button) button.click(); else document.querySelector("exam-incident-panel").incident.addNote("2026-06-13T18:30", "x");
      resolve([performance.now() - t, button ? button.textContent + (done?.dataset.step || "") : "api"]);
    }));
    await page.waitForTimeout(300);
    clicks.push(span[0]);
    if (process.env.BENCH_VERBOSE) console.log(span);
    longest.push(Math.max(0, ...(await page.evaluate(() => window.__long))));
  }
  const rerender = await page.evaluate(() => {
    const p = document.querySelector("exam-incident-panel");
    const out = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); p.renderPanel(); out.push(performance.now() - t); }
    return out;
  });
  console.log(line(`console click (action + save + re-render)`, summary(clicks), "ms", BUDGET));
  console.log(line(`  longest long task around a click`, summary(longest), "ms", BUDGET));
  console.log(line(`console re-render (every 30 s)`, summary(rerender), "ms", BUDGET));
  const sync = await other.evaluate(() => window.__sync);
  if (sync.length) console.log(line(`other tab: storage event (catch up + re-render)`, summary(sync), "ms", BUDGET));
  console.log(`console boot with a ${ENTRIES}-entry response: ${bootMs} ms to the response view (not an action; restore replays and re-checks every entry)`);
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}
