// The hostile table of tests/js/hostile.test.mjs, run inside headless Chromium against the
// built package (served from www/pkg), where localStorage is real: the same runner, the same
// checks, plus re-entrancy with a storage that fails (setItem throws QuotaExceededError).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./page/server.mjs";
import { launch, watchedPage } from "./page/browser.mjs";

let browser;
let srv;
before(async () => { browser = await launch(); srv = await startServer(); });
after(async () => { await browser?.close(); await srv?.close(); });

test("in Chromium: every export and method survives the hostile table", { timeout: 600_000 }, async (t) => {
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  await page.goto(`${srv.origin}/hosts/empty.html`);
  const out = await page.evaluate(async () => {
    const { default: init, ...ei } = await import("/pkg/exam_incident.js");
    await init();
    const { runHostile } = await import("/hosts/hostile.mjs");
    const r = await runHostile(ei);
    localStorage.clear();
    return r;
  });
  assert.ok(out.calls > 5000, `only ${out.calls} calls`);
  assert.deepEqual(out.failures.slice(0, 20), [], `${out.failures.length} failures`);
  assert.deepEqual(page.problems().filter((p) => !/getter boom|toJSON boom/.test(p)), []);
});

test("in Chromium: re-entrant calls from reminder and storage-error callbacks, with storage failing", { timeout: 120_000 }, async (t) => {
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  await page.goto(`${srv.origin}/hosts/empty.html`);
  const out = await page.evaluate(async () => {
    const { default: init, ...ei } = await import("/pkg/exam_incident.js");
    await init();
    const { runReentrancy } = await import("/hosts/hostile.mjs");
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    try {
      return await runReentrancy(ei);
    } finally {
      Storage.prototype.setItem = setItem;
      localStorage.clear();
    }
  });
  assert.deepEqual(out.failures, []);
  assert.ok(out.seen.reminder >= 1 && out.seen.storage >= 1, JSON.stringify(out.seen));
});
