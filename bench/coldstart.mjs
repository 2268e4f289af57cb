// Cold start of the proctor console as a proctor's phone sees it: Chromium with the DevTools
// "Slow 4G" profile (1.6 Mbps down, 750 kbps up, 150 ms round trip) and a 4× CPU slowdown, an
// empty cache, files gzipped by the server. Prints the time from navigation to a usable panel (the
// incident description box is on screen and the wasm answered) and the bytes moved, for a first
// visit (new browser context) and a repeat visit (same context, HTTP cache and any service worker).
// Figures, not assertions: this machine is shared and noisy.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { launchChromium } from "./chromium.mjs";
import { ws } from "playwright-core/lib/utilsBundle";
import { summary, line } from "./stats.mjs";

const www = path.resolve(new URL("../www", import.meta.url).pathname);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json", ".wasm": "application/wasm", ".png": "image/png", ".svg": "image/svg+xml",
};
const gzipped = new Map();
function body(file) {
  if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzipped.get(file);
}
const server = http.createServer((req, res) => {
  let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (rel.endsWith("/")) rel += "index.html";
  const file = path.join(www, path.normalize(rel));
  if (!file.startsWith(www + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "content-type": types[path.extname(file)] ?? "application/octet-stream",
    "content-encoding": "gzip",
    "cache-control": "max-age=3600",
  });
  res.end(body(fs.realpathSync(file)));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// A free port for the second DevTools client below.
const DEBUG_PORT = await new Promise((resolve) => {
  const probe = http.createServer().listen(0, "127.0.0.1", () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});
const browser = await launchChromium([`--remote-debugging-port=${DEBUG_PORT}`]);

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// A service worker's requests are its own target's, which the page's emulation does not reach:
// unthrottled, a page whose worker downloads everything again would look faster, not slower. A
// second DevTools client (Playwright's own sessions cannot address a worker's) attaches to every
// worker as it starts, holds it until it is throttled alike, and counts what it downloads.
let workerBytes = 0;
{
  const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`)).json();
  const cdp = new ws(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { cdp.once("open", resolve); cdp.once("error", reject); });
  let id = 0;
  const send = (method, params = {}, sessionId) => cdp.send(JSON.stringify({ id: ++id, method, params, sessionId }));
  const workers = new Set();
  cdp.on("message", (data) => {
    const m = JSON.parse(data.toString());
    if (m.method === "Target.attachedToTarget") {
      const { sessionId, targetInfo } = m.params;
      if (targetInfo.type === "service_worker") {
        workers.add(sessionId);
        send("Network.enable", {}, sessionId);
        send("Network.emulateNetworkConditions", SLOW_4G, sessionId);
      }
      send("Runtime.runIfWaitingForDebugger", {}, sessionId);
    } else if (m.method === "Network.loadingFinished" && workers.has(m.sessionId)) {
      workerBytes += m.params.encodedDataLength;
    }
  });
  send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
}

/** Navigates `page` to the console; ms to a usable panel and bytes received on the wire. */
async function visit(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let bytes = 0;
  const t0 = Date.now();
  // COLDSTART_WATERFALL=1: each request's start and end (ms from navigation) and its KB on the wire.
  const reqs = new Map();
  cdp.on("Network.requestWillBeSent", (e) => reqs.set(e.requestId, { url: e.request.url.replace(origin, ""), start: Date.now() - t0 }));
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { end: Date.now() - t0, kb: e.encodedDataLength / 1024 });
  });
  await page.goto(`${origin}/`, { waitUntil: "commit" });
  await page.waitForFunction(() => {
    const root = document.querySelector("exam-incident-panel")?.shadowRoot;
    return !!root && !!root.querySelector("textarea");
  }, null, { polling: "raf", timeout: 60_000 });
  const ms = Date.now() - t0;
  if (process.env.COLDSTART_WATERFALL) {
    console.log(`  waterfall (ready at ${ms} ms):`);
    for (const r of reqs.values()) console.log(`  ${String(r.start).padStart(6)} ${String(r.end ?? "…").padStart(6)} ${(r.kb ?? 0).toFixed(1).padStart(7)} KB  ${r.url}`);
  }
  await cdp.detach();
  return { ms, bytes };
}

const RUNS = Number(process.env.COLDSTART_RUNS || 5);
const first = [], firstBytes = [], repeat = [], repeatBytes = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  workerBytes = 0;
  const a = await visit(page);
  first.push(a.ms);
  // Let a service worker (if the page registers one) finish installing before the repeat visit;
  // what it downloaded meanwhile is part of the first visit's cost.
  await page.waitForTimeout(500);
  firstBytes.push(a.bytes + workerBytes);
  workerBytes = 0;
  const again = await context.newPage();
  const b = await visit(again);
  repeat.push(b.ms);
  repeatBytes.push(b.bytes + workerBytes);
  await context.close();
}
console.log(line("cold start, Slow 4G + 4× CPU, first visit", summary(first), "ms", 1500));
console.log(line("  bytes moved, first visit (+ its worker)", summary(firstBytes.map((b) => b / 1024)), "KB"));
console.log(line("repeat visit (cache / service worker)", summary(repeat), "ms", 300));
console.log(line("  bytes moved, repeat visit (+ its worker)", summary(repeatBytes.map((b) => b / 1024)), "KB"));
await browser.close();
server.close();
