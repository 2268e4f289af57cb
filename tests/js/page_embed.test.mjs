// The element as portals embed it: a host page served with the strict CSP as an HTTP header,
// and the README snippet (docs/console.md) pasted into a blank page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer, WWW } from "./page/server.mjs";
import { launch, watchedPage } from "./page/browser.mjs";
import { T, CSP, panelReady, exportsOf, fillReadiness } from "./page/helpers.mjs";

const doc = fs.readFileSync(new URL("../../docs/console.md", import.meta.url), "utf8");
const snippet = /```html\n([\s\S]*?)```/.exec(doc)[1];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a portal page under `Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'` runs the element with no violation", async (t) => {
  const srv = await startServer({ headers: { "content-security-policy": CSP } });
  t.after(() => srv.close());
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  await page.goto(`${srv.origin}/hosts/csp.html`);
  await panelReady(page);
  const exp = await exportsOf(page);
  await page.locator("exam-incident-panel textarea").first().fill("5号考场突然停电");
  if (exp.includes("classify")) {
    await page.locator('exam-incident-panel .kind-title[data-kind="power_or_equipment_failure"]').waitFor({ timeout: T });
    const ev = await page.evaluate(() => window.__events.filter((e) => e.name === "incident-classified").length);
    assert.ok(ev >= 1, "incident-classified reaches the host document");
  }
  // the site and room attributes reach the start form
  await page.locator('exam-incident-panel input[type=radio][value="paper_defect"]').check();
  assert.equal(await page.locator("exam-incident-panel .start-form input[name=site]").inputValue(), "第二考点");
  assert.equal(await page.locator("exam-incident-panel .start-form input[name=room]").inputValue(), "5");
  // styles applied through the adopted stylesheet (no <style> element, no style attribute)
  const styled = await page.evaluate(() => {
    const root = document.querySelector("exam-incident-panel").shadowRoot;
    return { sheets: root.adoptedStyleSheets.length, styleEls: root.querySelectorAll("style, [style]").length };
  });
  assert.equal(styled.sheets, 1);
  assert.equal(styled.styleEls, 0);
  // lang="en" switches the texts
  await page.evaluate(() => document.querySelector("exam-incident-panel").setAttribute("lang", "en"));
  await page.getByRole("tab", { name: "Incident" }).waitFor({ timeout: T });
  assert.deepEqual(page.problems(), []);
});

test("the README snippet pasted into a blank page works, and report-ready reaches its listener", async (t) => {
  // verbatim: the element's files under the snippet's relative ./static/exam-incident/
  const blank = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head><body>\n${snippet}</body></html>`;
  const srv = await startServer({ pages: { "/snippet.html": blank }, mounts: { "/static/exam-incident/": WWW } });
  t.after(() => srv.close());
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  // the snippet POSTs to the portal's own backend: catch it at the same origin
  const posted = [];
  await page.route(`${srv.origin}/api/incident-reports`, async (route) => {
    posted.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 201, body: "{}", contentType: "application/json" });
  });
  await page.goto(`${srv.origin}/hosts/empty.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${srv.origin}/snippet.html`);
  await panelReady(page);
  assert.equal(await page.locator("exam-incident-panel [role=tab]").count(), 5);
  const exp = await exportsOf(page);
  if (!["reportSchema", "validateReport"].every((n) => exp.includes(n))) {
    return t.skip(`pkg lacks reportSchema/validateReport (not merged yet): the snippet loads, submission not tested`);
  }
  // the readiness check needs no incident: fill it in and submit
  await page.getByRole("tab", { name: "应急保障" }).click();
  await fillReadiness(page);
  await page.locator("exam-incident-panel .form-editor button[type=submit]").click();
  await page.waitForFunction(() => window.__events.some((e) => e.name === "report-ready"), null, { timeout: T });
  await expectPosted(posted);
  assert.equal(posted[0].form, "readiness_check");
  assert.equal(posted[0].data.hotline_number, "0531-88881234");
  assert.deepEqual(page.problems(), []);
});

async function expectPosted(posted) {
  for (let i = 0; i < 100 && !posted.length; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(posted.length, 1, "the snippet's listener posted the report");
}
