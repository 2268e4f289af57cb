// IncidentResponse in headless Chromium, at the API level: autosaved to localStorage, a reload
// mid-response restores the same state (byte-identical toJSON), storage refusal is reported with a
// code while the response keeps working, and a corrupt saved entry is set aside, not deleted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./page/server.mjs";
import { launch } from "./page/browser.mjs";
import { T } from "./page/helpers.mjs";

const PAGE = "/hosts/empty.html";

let browser;
let server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

async function loadPkg(page) {
  await page.evaluate(async () => {
    window.ei = await import("/pkg/exam_incident.js");
    await window.ei.default();
  });
}

/** A blank page of the test origin with the package loaded as `window.ei`. */
async function emptyPage(t) {
  const page = await browser.context.newPage();
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  await page.goto(server.origin + PAGE);
  await loadPkg(page);
  return page;
}

test("a reload mid-response restores the same response from localStorage", { timeout: 120_000 }, async (t) => {
  const page = await emptyPage(t);
  const saved = await page.evaluate(() => {
    localStorage.clear();
    const r = new ei.IncidentResponse({ kind: "mass_cheating", discoveredAt: "2026-06-13T09:40", site: "实训楼考点", room: "301" });
    r.complete("initial_report", "2026-06-13T09:45", { name: "王敏", role: "site_leader" }, "电话报告");
    r.complete("report_to_leading_group", "2026-06-13T09:47", { name: "孙伟", role: "patrol_inspector" });
    return { id: r.id, json: JSON.stringify(r.toJSON()), status: r.storageStatus(), steps: r.steps("2026-06-13T10:00").map((s) => `${s.id}:${s.status}`) };
  });
  assert.equal(saved.status.ok, true, JSON.stringify(saved.status));

  await page.reload();
  await loadPkg(page);
  const restored = await page.evaluate((id) => {
    const list = ei.savedResponses();
    const r = ei.IncidentResponse.restore(id);
    return { ids: list.responses.map((x) => x.id), json: JSON.stringify(r.toJSON()), verifies: r.verifyLog(), steps: r.steps("2026-06-13T10:00").map((s) => `${s.id}:${s.status}`) };
  }, saved.id);
  assert.ok(restored.ids.includes(saved.id));
  assert.equal(restored.json, saved.json, "byte-identical state after the reload");
  assert.deepEqual(restored.steps, saved.steps);
  assert.equal(restored.verifies, true);
});

test("full storage is reported with a code and a corrupt entry is quarantined", { timeout: 120_000 }, async (t) => {
  const page = await emptyPage(t);
  const out = await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem("exam-incident/v1/response/broken", "{not json");
    const listed = ei.savedResponses();
    const keys = Object.keys(localStorage);
    // Fill the storage so that the next save fails.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    const errors = [];
    const r = new ei.IncidentResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:40" });
    r.onStorageError((e) => errors.push(e.code));
    r.complete("initial_report", "2026-06-13T09:45", { name: "李强", role: "site_staff" });
    const status = r.storageStatus();
    const stillWorks = r.steps("2026-06-13T09:50").length > 0 && r.verifyLog();
    Storage.prototype.setItem = setItem;
    return { quarantined: listed.quarantined, keys, status, errors, stillWorks };
  });
  assert.equal(out.quarantined.length, 1, JSON.stringify(out.quarantined));
  assert.ok(out.keys.some((k) => k.startsWith("exam-incident/v1/quarantine/")), out.keys.join());
  assert.ok(!out.keys.includes("exam-incident/v1/response/broken"));
  assert.equal(out.status.ok, false);
  assert.equal(out.status.code, "storage_full");
  assert.ok(out.errors.includes("storage_full"), out.errors.join());
  assert.equal(out.stillWorks, true);
});

test("every entry in quarantine is listed by every later savedResponses(), on later pages too, with why it was set aside", { timeout: 120_000 }, async (t) => {
  const page = await emptyPage(t);
  const first = await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem("exam-incident/v2/response/broken", "{not json");
    // Set aside by a build that kept no reason: listed as bad_state, its text untouched.
    localStorage.setItem("exam-incident/v1/quarantine/response/r-old~1", "[1,2]");
    // A saved entry edited afterwards: set aside by restore, not by a listing.
    const r = new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", room: "3号考场" });
    r.complete("initial_report", "2026-06-13T09:38");
    const entryKey = `exam-incident/v2/entry/${r.id}/1`;
    localStorage.setItem(entryKey, localStorage.getItem(entryKey).replace("09:38", "09:39"));
    let code = null;
    try { ei.IncidentResponse.restore(r.id); } catch (e) { code = e.code; }
    const lists = [ei.savedResponses().quarantined, ei.savedResponses().quarantined];
    return { id: r.id, code, lists };
  });
  assert.equal(first.code, "log_tampered");
  const want = [
    { id: "broken", key: "exam-incident/v1/quarantine/response/broken", code: "bad_state" },
    { id: "r-old", key: "exam-incident/v1/quarantine/response/r-old~1", code: "bad_state" },
    { id: first.id, key: `exam-incident/v1/quarantine/response/${first.id}`, code: "log_tampered" },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
  assert.deepEqual(first.lists[0], want, "the first listing names the one set aside by restore");
  assert.deepEqual(first.lists[1], want, "the second listing names them all again");

  await page.reload();
  await loadPkg(page);
  const later = await page.evaluate(() => ({
    listed: ei.savedResponses().quarantined,
    texts: ["broken", "r-old~1"].map((k) => localStorage.getItem(`exam-incident/v1/quarantine/response/${k}`)),
  }));
  assert.deepEqual(later.listed, want, "a later page names them all, with their reasons");
  assert.deepEqual(later.texts, ["{not json", "[1,2]"], "kept as found");
});
