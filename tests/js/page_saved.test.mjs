// Saved incidents lose nothing (issue 13), in headless Chromium: each item of the issue
// reproduced as a careless or hostile user would, at the API and in the console. Two pages of
// one browser context share localStorage, as two tabs do.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "./page/server.mjs";
import { launch, ARGS } from "./page/browser.mjs";
import { T, panelReady, tab, offerInitialReport } from "./page/helpers.mjs";

const V1 = fs.readFileSync(new URL("../data/response_saved_v1.json", import.meta.url), "utf8").trim();

// A portal that does not acknowledge reports (its server is unreachable).
const NO_ACK_HOST = `<!doctype html><meta charset="utf-8"><title>host</title>
<exam-incident-panel lang="zh" site="第一考点" room="301"></exam-incident-panel>
<script type="module" src="/exam-incident-panel.js"></script>`;

let browser, server;
before(async () => { browser = await launch(); server = await startServer({ pages: { "/hosts/noack.html": NO_ACK_HOST } }); });
after(async () => { await browser?.close(); await server?.close(); });

async function loadPkg(page) {
  await page.evaluate(async () => {
    window.ei = await import("/pkg/exam_incident.js");
    await window.ei.default();
  });
}

/** A page of the shared context (a tab), with events recorded, on `path`. */
async function tabPage(t, path = "/hosts/empty.html", context = browser.context) {
  const page = await context.newPage();
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ["report-ready", "storage-error", "incident-step"]) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: JSON.parse(JSON.stringify(e.detail ?? null)), ack: typeof e.detail?.ack }));
    }
  });
  await page.goto(server.origin + path);
  return page;
}

async function freshApi(t) {
  const page = await tabPage(t);
  await page.evaluate(() => localStorage.clear());
  await loadPkg(page);
  return page;
}

const shadow = (page, fn, arg) => page.evaluate(([f, a]) => (0, eval)(f)(document.querySelector("exam-incident-panel").shadowRoot, a), [fn.toString(), arg]);

/** Describes an outage in the console and waits for the start form. */
async function describeOutage(page) {
  await page.locator("exam-incident-panel textarea").first().fill("3号考场突然停电，预计20分钟恢复");
  await page.locator("exam-incident-panel .start-form").waitFor();
}

// ---- 1. a new id per start ------------------------------------------------------------------

test("1. starting the same incident twice gives two responses; the console offers to continue the first", { timeout: 120_000 }, async (t) => {
  const page = await freshApi(t);
  const api = await page.evaluate(() => {
    const init = { kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", room: "301", anchors: { outage_started: "2026-06-13T09:30" } };
    const a = new ei.IncidentResponse(init);
    a.complete("initial_report", "2026-06-13T09:38", { name: "李强", role: "site_staff" });
    a.addNote("2026-06-13T09:39", "已通知电工");
    const before = a.log().length;
    const b = new ei.IncidentResponse(init);
    const again = ei.IncidentResponse.restore(a.id);
    return { a: a.id, b: b.id, before, after: again.log().length, listed: ei.savedResponses().responses.length, similar: ei.findSimilarSaved(init).map((s) => s.id).sort() };
  });
  assert.notEqual(api.a, api.b);
  assert.equal(api.after, api.before, "the first start's log is intact");
  assert.equal(api.listed, 2);
  assert.deepEqual(api.similar, [api.a, api.b].sort());

  // In the console: start, go back to the start form, press start again.
  await page.evaluate(() => localStorage.clear());
  await page.goto(server.origin + "/");
  await panelReady(page);
  await describeOutage(page);
  await page.locator("exam-incident-panel .start-form input[name=room]").fill("3号考场");
  const when = await page.locator("exam-incident-panel .start-form input[name=discoveredAt]").inputValue();
  await page.locator("exam-incident-panel .start-form button[type=submit]").click();
  await page.locator("exam-incident-panel .response-view").waitFor();
  const first = await page.evaluate(() => document.querySelector("exam-incident-panel").incident.id);
  await tab(page, "incident");
  await page.locator("exam-incident-panel .start-form").waitFor();
  await page.locator("exam-incident-panel .start-form input[name=discoveredAt]").fill(when);
  await page.locator("exam-incident-panel .start-form input[name=room]").fill("3号考场");
  await page.locator("exam-incident-panel .start-form button[type=submit]").click();
  const offer = page.locator("exam-incident-panel .similar");
  await offer.waitFor({ state: "visible" });
  await offer.locator("button[data-act=continue]").click();
  await page.locator("exam-incident-panel .response-view").waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").incident.id), first, "continued the saved one");
  const count = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("exam-incident/v2/response/")).length);
  assert.equal(count, 1, "no second response");
  // "Start a new one" is still possible, and is a new id.
  await tab(page, "incident");
  await page.locator("exam-incident-panel .start-form input[name=discoveredAt]").fill(when);
  await page.locator("exam-incident-panel .start-form input[name=room]").fill("3号考场");
  await page.locator("exam-incident-panel .start-form button[type=submit]").click();
  await offer.locator("button[data-act=new]").click();
  await page.locator("exam-incident-panel .response-view").waitFor();
  assert.notEqual(await page.evaluate(() => document.querySelector("exam-incident-panel").incident.id), first);
});

// ---- 2. no silent overwrite across tabs or imports ------------------------------------------

test("2a. two tabs on one response: a save that would lose the other tab's entry is refused with conflict; reload re-applies", { timeout: 120_000 }, async (t) => {
  const a = await freshApi(t);
  const b = await tabPage(t);
  await loadPkg(b);
  const id = await a.evaluate(() => {
    window.r = new ei.IncidentResponse({ kind: "mass_cheating", discoveredAt: "2026-06-13T09:40", room: "301" });
    return window.r.id;
  });
  await b.evaluate((id) => { window.r = ei.IncidentResponse.restore(id); window.seen = localStorage.getItem(`exam-incident/v2/response/${id}`); }, id);
  await a.evaluate(() => r.complete("initial_report", "2026-06-13T09:45", { name: "王敏", role: "site_leader" }));
  // Pages share localStorage, but a write reaches another page's renderer asynchronously: wait
  // until tab B can see tab A's save, as it would a moment later in real use.
  await b.waitForFunction((id) => localStorage.getItem(`exam-incident/v2/response/${id}`) !== window.seen, id, { timeout: 30_000 });
  const out = await b.evaluate(() => {
    let code = null;
    try { r.addNote("2026-06-13T09:46", "另一位监考员的记录"); } catch (e) { code = e.code; }
    const entriesAfterRefusal = r.log().length;
    const rebased = r.reload();
    r.addNote("2026-06-13T09:46", "另一位监考员的记录");
    return { code, entriesAfterRefusal, rebased, status: r.storageStatus() };
  });
  assert.equal(out.code, "conflict");
  assert.equal(out.entriesAfterRefusal, 1, "nothing changed in the refusing tab");
  assert.deepEqual(out.rebased, { reapplied: 0, dropped: [] });
  assert.equal(out.status.ok, true);
  // Tab B's write reaches tab A's renderer asynchronously too (under load it was not there yet).
  await a.waitForFunction((id) => ei.IncidentResponse.restore(id).log().length >= 3, id, { timeout: 30_000 }).catch(() => {});
  const stored = await a.evaluate((id) => ei.IncidentResponse.restore(id).log().map((e) => e.action + (e.step ? `:${e.step}` : "")), id);
  assert.deepEqual(stored, ["open", "complete:initial_report", "note"], "both tabs' entries kept");
});

test("2b. two console tabs: each learns of the other's steps through the storage event and nothing is lost", { timeout: 180_000 }, async (t) => {
  const a = await tabPage(t, "/");
  await a.evaluate(() => localStorage.clear());
  await a.reload();
  await panelReady(a);
  await describeOutage(a);
  await a.locator("exam-incident-panel .start-form input[name=name]").fill("甲");
  await a.locator("exam-incident-panel .start-form button[type=submit]").click();
  await a.locator("exam-incident-panel .response-view").waitFor();
  const id = await a.evaluate(() => document.querySelector("exam-incident-panel").incident.id);
  // The second tab opens the console: it restores the same response (the shared UI key).
  const b = await tabPage(t, "/");
  await panelReady(b);
  await b.locator("exam-incident-panel .response-view").waitFor();
  assert.equal(await b.evaluate(() => document.querySelector("exam-incident-panel").incident.id), id);
  // Tab A completes the first step; tab B shows it without a reload.
  const stepA = a.locator('exam-incident-panel .steps > li[data-step="initial_report"]');
  await stepA.getByRole("button", { name: "标记完成" }).click();
  await b.waitForFunction(() => document.querySelector("exam-incident-panel").incident.log().some((e) => e.step === "initial_report"), null, { timeout: T });
  // Tab B acts next; both entries end up stored.
  await b.evaluate(() => {
    const p = document.querySelector("exam-incident-panel");
    p.incident.addNote(p.incident.log().at(-1).at, "乙的记录");
  });
  await a.waitForFunction(() => document.querySelector("exam-incident-panel").incident.log().some((e) => e.note === "乙的记录"), null, { timeout: T });
  // Tab B's panel re-rendered with A's step done.
  await b.locator('exam-incident-panel .steps > li[data-step="initial_report"] .done-info').waitFor();
  const stored = await a.evaluate(async (id) => {
    const m = await import("/pkg/exam_incident.js");
    return m.IncidentResponse.restore(id).log().map((e) => e.action);
  }, id);
  assert.deepEqual(stored.slice(-2), ["complete", "note"], stored.join());
});

test("2c. fromJSON of an older or diverging export throws stale_copy; { newId: true } keeps it beside the saved one", { timeout: 120_000 }, async (t) => {
  const page = await freshApi(t);
  const out = await page.evaluate(() => {
    const r = new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:40" });
    const old = JSON.stringify(r.toJSON());
    r.complete("initial_report", "2026-06-13T09:45", { name: "李强", role: "site_staff" });
    r.addNote("2026-06-13T09:46", "x");
    const codes = [];
    try { ei.IncidentResponse.fromJSON(old); } catch (e) { codes.push(e.code); }
    const copy = ei.IncidentResponse.fromJSON(old, { newId: true });
    const same = ei.IncidentResponse.fromJSON(JSON.stringify(r.toJSON()));
    return { codes, saved: ei.IncidentResponse.restore(r.id).log().length, copyId: copy.id, id: r.id, copyLen: copy.log().length, copyOk: copy.verifyLog(), sameId: same.id };
  });
  assert.deepEqual(out.codes, ["stale_copy"]);
  assert.equal(out.saved, 3, "the newer saved copy is intact");
  assert.notEqual(out.copyId, out.id);
  assert.equal(out.copyLen, 1);
  assert.equal(out.copyOk, true);
  assert.equal(out.sameId, out.id, "the same copy restores as itself");
});

// ---- 3. storage proportional to the change, old format migrated -----------------------------

test("3. with a long log an action writes one entry and the index, not the log; the old saved format is migrated", { timeout: 180_000 }, async (t) => {
  const page = await freshApi(t);
  const out = await page.evaluate((v1) => {
    const r = new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32" });
    for (let i = 0; i < 1999; i++) r.addNote("2026-06-13T09:33", `记录 ${i}`);
    const set = Storage.prototype.setItem;
    let writes = 0, bytes = 0;
    Storage.prototype.setItem = function (k, v) { writes++; bytes += String(v).length; return set.call(this, k, v); };
    r.addNote("2026-06-13T09:34", "one more");
    Storage.prototype.setItem = set;
    const whole = JSON.stringify(r.toJSON()).length;
    localStorage.setItem("exam-incident/v1/response/r-9c58669b0fbd1d4c", v1);
    const listed = ei.savedResponses();
    const migrated = ei.IncidentResponse.restore("r-9c58669b0fbd1d4c");
    return { writes, bytes, whole, entries: r.log().length, listed: listed.responses.map((x) => x.id), quarantined: listed.quarantined, v1Left: localStorage.getItem("exam-incident/v1/response/r-9c58669b0fbd1d4c"), migrated: JSON.stringify(migrated.toJSON()) };
  }, V1);
  assert.equal(out.entries, 2001);
  assert.equal(out.writes, 2, "one entry and the index");
  assert.ok(out.bytes < 1500 && out.whole > 200_000, `${out.bytes} bytes written, log ${out.whole}`);
  assert.ok(out.listed.includes("r-9c58669b0fbd1d4c"));
  assert.deepEqual(out.quarantined, []);
  assert.equal(out.v1Left, null);
  assert.equal(out.migrated, V1);
});

// ---- 5. tamper evidence that says what it does ---------------------------------------------

test("5. truncation and recomputed hashes pass verifyLog() but not verifyLog({ head, count }); reports and print carry the anchor", { timeout: 120_000 }, async (t) => {
  const page = await freshApi(t);
  const out = await page.evaluate(async () => {
    const r = new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30" });
    r.complete("initial_report", "2026-06-13T09:38", { name: "李强", role: "site_staff" });
    r.addNote("2026-06-13T09:40", "a");
    const anchor = r.anchor();
    // Cut the tail and copy the new last hash into head: no hashing needed.
    const cut = r.toJSON();
    cut.log.pop();
    cut.head = cut.log.at(-1).hash;
    // Recompute plain SHA-256 over an edited log (the initial report moved from 09:38 to 09:33).
    const forged = r.toJSON();
    forged.log[1].at = "2026-06-13T09:33:00+08:00";
    const enc = new TextEncoder();
    const canon = (e) => { const o = {}; for (const [k, v] of Object.entries(e)) if (k !== "hash") o[k] = v; o.hash = ""; return JSON.stringify(o); };
    let prev = "0".repeat(64);
    for (const e of forged.log) {
      e.prev = prev;
      const buf = new Uint8Array([...enc.encode("exam-incident/response-log/v1\n"), ...enc.encode(canon(e))]);
      e.hash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", buf))].map((b) => b.toString(16).padStart(2, "0")).join("");
      prev = e.hash;
    }
    forged.head = prev;
    return { anchor, cut, forged };
  });
  // Checked in a clean storage (the originals are saved under the same id).
  await page.evaluate(() => localStorage.clear());
  const checks = await page.evaluate(({ anchor, cut, forged }) => {
    const res = {};
    for (const [name, doc] of [["cut", cut], ["forged", forged]]) {
      localStorage.clear();
      try {
        const x = ei.IncidentResponse.fromJSON(doc);
        res[name] = { chain: x.verifyLog(), full: x.verifyLog({ head: anchor.head, count: anchor.count }), code: x.verifyLog({ head: anchor.checkCode, count: anchor.count }) };
      } catch (e) { res[name] = { error: e.code }; }
    }
    return res;
  }, out);
  assert.equal(out.anchor.count, 3);
  assert.match(out.anchor.checkCode, /^[0-9A-F]{4}-[0-9A-F]{4}$/);
  assert.deepEqual(checks.cut, { chain: true, full: false, code: false }, JSON.stringify(checks));
  assert.deepEqual(checks.forged, { chain: true, full: false, code: false }, "the forgery passes the chain, not the anchor");

  // In the console: the log shows the check code and says what the chain shows; a print view carries it.
  await page.goto(server.origin + "/hosts/noack.html");
  await panelReady(page);
  await page.evaluate(() => document.querySelector("exam-incident-panel").startResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30", room: "301" }));
  await page.locator("exam-incident-panel .response-view").waitFor();
  const logText = await shadow(page, (root) => `${root.querySelector(".seal").textContent} | ${root.querySelector(".check-code")?.textContent}`);
  assert.match(logText, /未发现意外损坏或未重算校验值的改动/);
  assert.match(logText, /记录校验码 [0-9A-F]{4}-[0-9A-F]{4}（1 条记录）/);
  await tab(page, "forms");
  await page.locator("exam-incident-panel .forms-view .check-code").waitFor();
  // report-ready carries the log's head and count.
  await offerInitialReport(page, "x");
  const ev = await page.evaluate(() => window.__events.filter((e) => e.name === "report-ready").at(-1));
  const anchorNow = await page.evaluate(() => document.querySelector("exam-incident-panel").incident.anchor());
  assert.deepEqual(ev.detail.log, anchorNow);
  assert.equal(ev.ack, "function");
});

// ---- 6. sturdy UI state -----------------------------------------------------------------

test("6. any value under the UI key is ignored and replaced; storage-error has {code, message:{zh,en}}; an error stays until dismissed", { timeout: 180_000 }, async (t) => {
  const page = await tabPage(t);
  // The console's panel keeps its UI state under its own key (by its attributes).
  await page.goto(server.origin + "/");
  await panelReady(page);
  const key = await page.evaluate(() => document.querySelector("exam-incident-panel").uiKey);
  for (const bad of ["123", "\"abc\"", "abc", "[1,2]", "null", "{\"tab\":42,\"forms\":\"x\",\"responseId\":\"../x\"}", "x".repeat(600_000)]) {
    await page.goto(server.origin + "/hosts/empty.html");
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [key, bad]);
    await page.goto(server.origin + "/");
    await panelReady(page);
    const ui = await page.evaluate((k) => localStorage.getItem(k), key);
    const parsed = JSON.parse(ui);
    assert.ok(parsed && typeof parsed === "object" && !Array.isArray(parsed), `${bad.slice(0, 20)} → ${ui.slice(0, 40)}`);
    assert.ok(ui.length < 1000);
  }
  // A save that fails: the event's message is bilingual text, not "[object Object]".
  await page.evaluate(() => document.querySelector("exam-incident-panel").startResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30" }));
  await page.locator("exam-incident-panel .response-view").waitFor();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    document.querySelector("exam-incident-panel").incident.addNote("2026-06-13T09:31", "x");
  });
  const ev = await page.evaluate(() => window.__events.filter((e) => e.name === "storage-error").at(-1));
  assert.equal(ev.detail.code, "storage_full");
  assert.equal(typeof ev.detail.message.zh, "string");
  assert.equal(typeof ev.detail.message.en, "string");
  assert.ok(!/object Object/.test(JSON.stringify(ev.detail)));
  const line = page.locator("exam-incident-panel .storage-error");
  await line.waitFor({ state: "visible" });
  // A reminder (the status line) does not overwrite it.
  await page.evaluate(() => document.querySelector("exam-incident-panel").announce("⏰ 提醒", false));
  assert.match(await line.textContent(), /storage_full|存储/);
  assert.ok(await line.isVisible());
  await line.locator("button[data-act=dismiss]").click();
  assert.equal(await line.isVisible(), false);
});

// ---- 8 (issue 9). years -----------------------------------------------------------------

test("9. a discovery whose deadline would be in year 10000 is refused with bad_time", { timeout: 60_000 }, async (t) => {
  const page = await freshApi(t);
  const out = await page.evaluate(() => {
    const codes = [];
    for (const at of ["9999-12-31T23:59", "0001-01-01T00:00"]) {
      try { new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: at }); codes.push("opened"); } catch (e) { codes.push(e.code); }
    }
    // The latest year accepted is a time in the future today (future_time); on a clock that
    // has reached it, it opens, and every deadline it gives is read back.
    try { new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "9979-06-01T09:00" }); codes.push("opened"); } catch (e) { codes.push(e.code); }
    const realNow = Date.now;
    Date.now = () => Date.parse("9979-06-01T09:05:00+08:00");
    let r;
    try { r = new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "9979-06-01T09:00" }); } finally { Date.now = realNow; }
    const dues = r.steps("9979-06-01T09:05").map((s) => s.dueAt).filter(Boolean);
    const readBack = dues.every((d) => { try { r.steps(d); return true; } catch { return false; } });
    return { codes, dues: dues.length, readBack };
  });
  assert.deepEqual(out.codes, ["bad_time", "bad_time", "future_time"]);
  assert.ok(out.dues > 0);
  assert.equal(out.readBack, true, "every deadline is a time the component accepts");
});

// ---- 4. one clock, the plan's zone --------------------------------------------------------

for (const timezoneId of ["UTC", "America/New_York"]) {
  test(`4. in ${timezoneId} the console writes and reads every time in the plan's zone`, { timeout: 180_000 }, async (t) => {
    const b = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
    t.after(() => b.close());
    const context = await b.newContext({ timezoneId, locale: "zh-CN" });
    const page = await tabPage(t, "/", context);
    await panelReady(page);
    await describeOutage(page);
    const shown = await page.locator("exam-incident-panel .start-form input[name=discoveredAt]").inputValue();
    const planNow = await page.evaluate(() => {
      const d = new Date(Date.now() + 8 * 3600e3);
      return d.toISOString().slice(0, 16);
    });
    const diff = Math.abs(Date.parse(`${shown}:00Z`) - Date.parse(`${planNow}:00Z`));
    assert.ok(diff <= 120_000, `start form shows ${shown}, plan zone now is ${planNow}`);
    await page.locator("exam-incident-panel .start-form button[type=submit]").click();
    await page.locator("exam-incident-panel .response-view").waitFor();
    const state = await page.evaluate(() => {
      const r = document.querySelector("exam-incident-panel").incident;
      const first = r.steps().find((s) => s.id === "initial_report");
      return { status: first.status, due: first.dueAt, opened: r.log()[0].at };
    });
    assert.notEqual(state.status, "overdue", JSON.stringify(state));
    assert.ok(Math.abs(Date.parse(state.opened) - Date.now()) < 5 * 60_000, `opened ${state.opened}`);
    // Completing a step now logs it in order, in the plan's zone, with no warning.
    await page.locator('exam-incident-panel .steps > li[data-step="initial_report"]').getByRole("button", { name: "标记完成" }).click();
    await page.locator('exam-incident-panel .steps > li[data-step="initial_report"] .done-info').waitFor();
    const log = await page.evaluate(() => document.querySelector("exam-incident-panel").incident.log());
    const done = log.find((e) => e.step === "initial_report");
    assert.match(done.at, /\+08:00$/);
    assert.deepEqual(done.warnings ?? [], []);
    assert.ok(Date.parse(done.at) >= Date.parse(log[0].at), `${log[0].at} → ${done.at}`);
  });
}
