// Two <exam-incident-panel> elements with different plans on one page (issue 12, item 1): the
// default plan (初次报告: the initial report within 10 minutes) and a site plan that allows 30.
// Each is worked through a response; each response runs under its own panel's plan, with its own
// deadlines; each panel keeps its UI state under its own key, so typing in one and acting in the
// other erases nothing, and after a reload both come back as they were.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer } from "./page/server.mjs";
import { launch, watchedPage } from "./page/browser.mjs";
import { T, CSP, fill, field } from "./page/helpers.mjs";
import ei from "./load.mjs";

const DEFAULT = JSON.parse(ei.planJson());
const SITE = structuredClone(DEFAULT);
SITE.id = "site-30";
SITE.version = "7";
SITE.thresholds.initial_report_minutes.value = DEFAULT.thresholds.initial_report_minutes.value + 20;

const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>two panels</title>
<script type="module" src="/exam-incident-panel.js"></script></head><body>
<exam-incident-panel id="hall-a" lang="zh" site="第一考点" room="1号考场"></exam-incident-panel>
<exam-incident-panel id="hall-b" lang="zh" site="第二考点" room="2号考场" plan="/site-plan.json"></exam-incident-panel>
</body></html>`;

let browser;
let srv;
before(async () => {
  browser = await launch();
  srv = await startServer({ headers: { "content-security-policy": CSP }, pages: { "/two.html": HTML, "/site-plan.json": JSON.stringify(SITE) } });
});
after(async () => { await browser?.close(); await srv?.close(); });

const inPanel = (page, id, sel) => page.locator(`#${id} ${sel}`);

async function ready(page, id) {
  await inPanel(page, id, "[role=tablist]").waitFor({ timeout: T });
}

/** Describes the incident, starts the response and marks the initial report done. */
async function workThrough(page, id) {
  await inPanel(page, id, "[role=tab][data-tab=incident]").click();
  await inPanel(page, id, "textarea").first().fill("3号考场突然停电");
  await inPanel(page, id, '.kind-title[data-kind="power_or_equipment_failure"]').waitFor({ timeout: T });
  await inPanel(page, id, ".start-form input[name=name]").fill(id === "hall-a" ? "王老师" : "李老师");
  await inPanel(page, id, ".start-form button[type=submit]").click();
  await inPanel(page, id, ".response-view .steps").waitFor({ timeout: T });
  const before = await responseOf(page, id);
  await inPanel(page, id, '[data-step="initial_report"] button').filter({ hasText: /标记完成/ }).click();
  await inPanel(page, id, '[data-step="initial_report"][data-status="done"]').waitFor({ timeout: T });
  return before;
}

/** What the panel's response says: its plan, discovery time and the initial report's deadline. */
function responseOf(page, id) {
  return page.evaluate((id) => {
    const r = document.getElementById(id).incident;
    if (!r) return null;
    const saved = r.toJSON();
    const step = r.steps(saved.log[0].at).find((s) => s.id === "initial_report");
    return { id: r.id, plan: saved.plan, discoveredAt: saved.log[0].at, dueAt: step.dueAt, status: step.status };
  }, id);
}

const minutes = (a, b) => (Date.parse(b) - Date.parse(a)) / 60000;

test("two panels, two plans: each response runs under its own panel's plan and deadlines; UI state stays apart", { timeout: 180_000 }, async (t) => {
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  await page.goto(`${srv.origin}/hosts/empty.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${srv.origin}/two.html`);
  await ready(page, "hall-a");
  await ready(page, "hall-b");
  assert.match(await inPanel(page, "hall-a", "header .plan").textContent(), /sd101/);
  assert.match(await inPanel(page, "hall-b", "header .plan").textContent(), /site-30 7/);

  const a = await workThrough(page, "hall-a");
  // Half-typed in A's Reports tab, then B works through a whole response.
  await inPanel(page, "hall-a", "[role=tab][data-tab=forms]").click();
  const summaryA = inPanel(page, "hall-a", '.form-editor [data-path="/summary"]:is(input, textarea)');
  await summaryA.fill("一号考场停电，正在抢修");
  const b = await workThrough(page, "hall-b");

  assert.deepEqual(a.plan, { id: DEFAULT.id, version: DEFAULT.version });
  assert.deepEqual(b.plan, { id: "site-30", version: "7" });
  assert.equal(minutes(a.discoveredAt, a.dueAt), DEFAULT.thresholds.initial_report_minutes.value);
  assert.equal(minutes(b.discoveredAt, b.dueAt), SITE.thresholds.initial_report_minutes.value);
  assert.notEqual(a.id, b.id);

  // The panels see their own plan: B's Incident tab classifies under B's plan, A still under A's.
  const labels = await page.evaluate(() => ["hall-a", "hall-b"].map((id) => document.getElementById(id).shadowRoot.querySelector("header .plan").textContent));
  assert.match(labels[0], /sd101/);
  assert.match(labels[1], /site-30/);

  // Two UI keys, each with its own panel's state; A's half-typed summary survived B's saves.
  const ui = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("exam-incident-panel/")).map((k) => [k, JSON.parse(localStorage.getItem(k))])));
  const keys = Object.keys(ui);
  assert.equal(keys.length, 2, keys.join());
  const uiA = ui[keys.find((k) => k.endsWith("#hall-a"))];
  const uiB = ui[keys.find((k) => k.endsWith("#hall-b"))];
  assert.equal(uiA.responseId, a.id);
  assert.equal(uiB.responseId, b.id);
  assert.ok(JSON.stringify(uiA.forms ?? {}).includes("一号考场停电，正在抢修"), JSON.stringify(uiA));
  assert.ok(!JSON.stringify(uiB).includes("一号考场停电"));

  // After a reload each panel restores its own response under its own plan, and A's form is back.
  await page.reload();
  await ready(page, "hall-a");
  await ready(page, "hall-b");
  await page.waitForFunction(() => document.getElementById("hall-a").incident && document.getElementById("hall-b").incident, null, { timeout: T });
  const a2 = await responseOf(page, "hall-a");
  const b2 = await responseOf(page, "hall-b");
  assert.deepEqual([a2.id, a2.plan.id, a2.dueAt], [a.id, a.plan.id, a.dueAt]);
  assert.deepEqual([b2.id, b2.plan.id, b2.dueAt], [b.id, b.plan.id, b.dueAt]);
  assert.equal(await inPanel(page, "hall-a", "[role=tab][data-tab=forms]").getAttribute("aria-selected"), "true");
  assert.equal(await inPanel(page, "hall-a", '.form-editor [data-path="/summary"]:is(input, textarea)').inputValue(), "一号考场停电，正在抢修");

  // A response saved under B's plan is not restored under A's: plan_mismatch, named.
  const refused = await page.evaluate((id) => {
    try { document.getElementById("hall-a").plan.restoreResponse(id); return null; } catch (e) { return { code: e.code, params: e.params }; }
  }, b.id);
  assert.equal(refused.code, "plan_mismatch");
  assert.equal(refused.params.saved, "site-30 7");
  assert.deepEqual(page.problems(), []);
});
