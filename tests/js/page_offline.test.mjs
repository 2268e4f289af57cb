// A jammed exam room (issue 13, item 8): after one visit the console opens with the network
// down (its service worker precached the page, the element's modules and pkg/), and validated
// reports that the portal could not take stay in the outbox, offered again after a reload,
// until the host acknowledges them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./page/server.mjs";
import { launch } from "./page/browser.mjs";
import { T, panelReady, tab, offerInitialReport } from "./page/helpers.mjs";

// A portal whose server is unreachable: it records report-ready and acknowledges only when told.
const HOST = `<!doctype html><meta charset="utf-8"><title>portal</title>
<exam-incident-panel lang="zh" site="第一考点" room="301"></exam-incident-panel>
<script type="module">
window.__offers = [];
document.addEventListener("report-ready", (e) => { window.__offers.push(e.detail); });
await import("/exam-incident-panel.js");
</script>`;

let browser, server;
before(async () => {
  browser = await launch();
  server = await startServer({ pages: { "/hosts/portal.html": HOST } });
});
after(async () => { await browser?.close(); await server?.close(); });

test("after one visit the console reloads with the network down", { timeout: 180_000 }, async (t) => {
  const page = await browser.context.newPage();
  t.after(async () => { await browser.context.setOffline(false); await page.close(); });
  page.setDefaultTimeout(T);
  await page.goto(`${server.origin}/`);
  await panelReady(page);
  // The service worker is active and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: T }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: T });
  });
  const cached = await page.evaluate(async () => {
    const c = await caches.open("exam-incident-console-v1");
    return (await c.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const p of ["/", "/exam-incident-panel.js", "/panel/engine.js", "/pkg/exam_incident.js", "/pkg/exam_incident_bg.wasm"]) assert.ok(cached.includes(p), `${p} precached: ${cached.join(" ")}`);

  await browser.context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await page.reload();
  await panelReady(page);
  // The console works offline: classify and start a response.
  await page.locator("exam-incident-panel textarea").first().fill("3号考场突然停电");
  await page.locator("exam-incident-panel .start-form").waitFor();
  await page.locator("exam-incident-panel .start-form button[type=submit]").click();
  await page.locator("exam-incident-panel .response-view").waitFor();
  await browser.context.setOffline(false);
});

test("a validated report the portal did not acknowledge survives a reload and is offered again until ack()", { timeout: 180_000 }, async (t) => {
  const page = await browser.context.newPage();
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  await page.goto(`${server.origin}/hosts/empty.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${server.origin}/hosts/portal.html`);
  await panelReady(page);
  await page.evaluate(() => document.querySelector("exam-incident-panel").startResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30", room: "301" }));
  await page.locator("exam-incident-panel .response-view").waitFor();
  await offerInitialReport(page, "试卷印刷错误");
  const first = await page.evaluate(() => window.__offers.map((d) => ({ form: d.form, id: d.outboxId, ack: typeof d.ack, log: d.log })));
  assert.equal(first.length, 1);
  assert.equal(first[0].ack, "function");
  assert.equal(first[0].log.count, 1);

  // The portal could not take it; the page reloads: offered again, and listed in the console.
  await page.reload();
  await panelReady(page);
  await page.waitForFunction(() => window.__offers.length > 0, null, { timeout: T });
  const again = await page.evaluate(() => window.__offers.map((d) => d.outboxId));
  assert.deepEqual(again, [first[0].id]);
  await tab(page, "saved");
  const listed = page.locator(`exam-incident-panel .outbox-list li[data-outbox="${first[0].id}"]`);
  await listed.waitFor();

  // Acknowledged: gone from the outbox, not offered after the next reload.
  assert.equal(await page.evaluate(() => { window.__offers[0].ack(); return document.querySelector("exam-incident-panel").outbox.length; }), 0);
  await listed.waitFor({ state: "detached" });
  await page.reload();
  await panelReady(page);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__offers.length), 0);
});
