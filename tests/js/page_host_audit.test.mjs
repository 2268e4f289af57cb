// The host-page audit (its defects, one test each): what a proctor typed survives re-renders, moves
// and reloads; reports are offered once per page by the panel that made them; and the rest of the
// list, each reproduced in a strict-CSP page the way a portal (an SPA that moves, re-creates or
// detaches the element) would cause it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer, WWW } from "./page/server.mjs";
import { launch, watchedPage } from "./page/browser.mjs";
import { T, CSP, fillReadiness } from "./page/helpers.mjs";

const HOST = (body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>
<script type="module" src="/exam-incident-panel.js"></script></head><body>
<main id="a">${body}</main><aside id="b"></aside>
</body></html>`;
const ONE = HOST(`<exam-incident-panel lang="zh" site="第一考点" room="3号考场"></exam-incident-panel>`);
const EMPTY = HOST("");
const ENGLISH = HOST(`<exam-incident-panel id="inherit"></exam-incident-panel>
<exam-incident-panel id="us" lang="en-US"></exam-incident-panel><exam-incident-panel id="gb" lang="en_GB"></exam-incident-panel>
<exam-incident-panel id="caps" lang="EN"></exam-incident-panel><div lang="zh-CN"><exam-incident-panel id="zh"></exam-incident-panel></div>`).replace('<html lang="zh-CN">', '<html lang="en">');
const TWO = HOST(`<exam-incident-panel lang="zh" site="第一考点" room="3号考场"></exam-incident-panel>
<exam-incident-panel lang="zh" site="第一考点" room="5号考场"></exam-incident-panel>`);

let browser;
let srv;
before(async () => {
  browser = await launch();
  srv = await startServer({ headers: { "content-security-policy": CSP }, pages: { "/one.html": ONE, "/two.html": TWO, "/late.html": EMPTY, "/english.html": ENGLISH } });
});
after(async () => { await browser?.close(); await srv?.close(); });

/** A fresh page (storage cleared) on `path`, panels ready. */
async function fresh(t, path = "/one.html", { init } = {}) {
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  if (init) await page.addInitScript(init);
  await page.goto(`${srv.origin}/hosts/empty.html`);
  await page.evaluate(() => { try { localStorage.clear(); } catch { /* storage off */ } });
  await page.goto(srv.origin + path);
  await ready(page);
  return page;
}

async function ready(page, sel = "exam-incident-panel") {
  await page.waitForFunction((s) => {
    const els = [...document.querySelectorAll(s)];
    return els.length && els.every((e) => e.shadowRoot?.querySelector("[role=tablist]"));
  }, sel, { timeout: T });
}

const P = (page, s, o) => page.locator(`exam-incident-panel ${s}`, o);

/** Moves the panel to the other container (a list re-sorted, a layout switch). */
async function move(page) {
  await page.evaluate(() => {
    const el = document.querySelector("exam-incident-panel");
    (el.parentElement.id === "a" ? document.getElementById("b") : document.getElementById("a")).append(el);
  });
  await ready(page);
}

/** report-ready as the portal sees it: which panel (its room) offered which outbox item. */
const recordOffers = () => {
  window.__offers = [];
  document.addEventListener("report-ready", (e) => window.__offers.push({ room: e.target.getAttribute("room"), id: e.detail.outboxId, form: e.detail.form }));
};
const offers = (page) => page.evaluate(() => window.__offers);

/** Fills and submits the readiness check in the panel matched by `sel` (a valid report). */
async function submitReadiness(page, sel = "exam-incident-panel") {
  const Q = (s) => page.locator(`${sel} ${s}`);
  await Q("[role=tab][data-tab=readiness]").click();
  await fillReadiness(page, sel);
  await Q(".form-editor button[type=submit]").click();
}

async function startOutage(page, sel = "exam-incident-panel") {
  const Q = (s) => page.locator(`${sel} ${s}`);
  await Q("[role=tab][data-tab=incident]").click();
  await Q('input[type=radio][name=kind][value="power_or_equipment_failure"]').check();
  await Q(".start-form input[name=name]").fill("李强");
  await Q(".start-form button[type=submit]").click();
  await Q(".response-view .steps").waitFor();
}

/** Starts an outage, decides "not restored", and half-fills the superior's instruction. */
async function halfFilledApproval(page) {
  await startOutage(page);
  const od = P(page, '.steps [data-step="outage_decision"]');
  await od.locator('input[type=radio][value="not_restored_or_regional"]').check();
  await od.locator("button.primary").click();
  const sup = P(page, '.steps [data-step="superior_instruction"]');
  await sup.locator('input[type=radio][value="cancel_fee_waived"]').check();
  await sup.locator(".approval input[type=text]").fill("王处长");
}

async function approvalState(page) {
  const s = P(page, '.steps [data-step="superior_instruction"]');
  return { approver: await s.locator(".approval input[type=text]").inputValue(), option: await s.locator('input[type=radio][value="cancel_fee_waived"]').isChecked() };
}

test("1. a half-filled decision and approval survive another step done, a move, a reload and another tab acting", { timeout: 180_000 }, async (t) => {
  const page = await fresh(t);
  await halfFilledApproval(page);
  const want = { approver: "王处长", option: true };
  assert.deepEqual(await approvalState(page), want);

  await P(page, '.steps [data-step="make_record"] .row button', { hasText: "标记完成" }).click();
  await P(page, '.steps [data-step="make_record"][data-status="done"]').waitFor();
  assert.deepEqual(await approvalState(page), want, "after another step was marked done");

  await move(page);
  await P(page, '.steps [data-step="superior_instruction"]').waitFor();
  assert.deepEqual(await approvalState(page), want, "after the element was moved");

  await page.reload();
  await ready(page);
  await P(page, '.steps [data-step="superior_instruction"]').waitFor();
  assert.deepEqual(await approvalState(page), want, "after a reload");

  // Another tab of the portal acts while this one types the approver's name: the name is whole.
  const other = await browser.context.newPage();
  t.after(() => other.close());
  await other.goto(`${srv.origin}/one.html`);
  await ready(other);
  await other.locator("exam-incident-panel .steps").waitFor();
  const box = P(page, '.steps [data-step="superior_instruction"] .approval input[type=text]');
  await box.fill("");
  await box.click();
  await page.keyboard.type("赵处");
  await other.locator('exam-incident-panel .steps [data-step="set_aside_papers"] .row button, exam-incident-panel .steps li[data-status="pending"]:not([data-step="superior_instruction"]) .row button').first().click();
  await page.waitForTimeout(600);
  await page.keyboard.type("长");
  assert.equal(await box.inputValue(), "赵处长");
  assert.equal(await P(page, '.steps [data-step="superior_instruction"] input[type=radio][value="cancel_fee_waived"]').isChecked(), true);
  assert.deepEqual(page.problems(), []);
});

test("2. a report is offered once per page, by the panel that made it: not again on a move, a re-created element or a second panel", { timeout: 180_000 }, async (t) => {
  const page = await fresh(t, "/two.html", { init: recordOffers });
  const room3 = 'exam-incident-panel[room="3号考场"]';
  await submitReadiness(page, room3);
  await page.waitForFunction(() => window.__offers.length === 1, null, { timeout: T });
  const [made] = await offers(page);
  assert.equal(made.room, "3号考场");

  // The SPA moves the element, then re-creates it (route away and back): nothing offered again.
  await page.evaluate((s) => document.getElementById("b").append(document.querySelector(s)), room3);
  await ready(page);
  await page.evaluate((s) => {
    const old = document.querySelector(s);
    const again = document.createElement("exam-incident-panel");
    for (const a of old.attributes) again.setAttribute(a.name, a.value);
    old.replaceWith(again);
  }, room3);
  await ready(page);
  await page.waitForTimeout(800);
  assert.deepEqual(await offers(page), [made]);

  // A reload: offered once more (the portal never acknowledged it), by room 3's panel only.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => window.__offers.length > 0, null, { timeout: T });
  await page.waitForTimeout(800);
  assert.deepEqual(await offers(page), [made]);
  assert.deepEqual(page.problems(), []);
});

/** The wall clock at +08:00 (the plan's zone), "YYYY-MM-DDTHH:MM", `minutes` from now. */
const beijing = (minutes = 0) => new Date(Date.now() + 8 * 3600e3 + minutes * 60e3).toISOString().slice(0, 16);

test("3. times are the plan's (Beijing time, labelled), future times are refused, and every time goes out with an offset", { timeout: 180_000 }, async (t) => {
  // A proctor whose device is set to Auckland (5 hours ahead of Beijing).
  const nz = await launch({ timezoneId: "Pacific/Auckland" });
  t.after(() => nz.close());
  const page = await watchedPage(nz.context, srv.origin);
  page.setDefaultTimeout(T);
  await page.goto(`${srv.origin}/one.html`);
  await ready(page);
  await P(page, 'input[type=radio][name=kind][value="paper_defect"]').check();
  const disc = P(page, ".start-form input[name=discoveredAt]");
  assert.match(await P(page, `.start-form label[for="${await disc.getAttribute("id")}"]`).textContent(), /北京时间 UTC\+8/);
  const shown = await disc.inputValue();
  assert.ok(Math.abs(Date.parse(`${shown}:00+08:00`) - Date.parse(`${beijing()}:00+08:00`)) <= 60e3, `prefilled ${shown}, Beijing now ${beijing()}`);

  // The time off the device's own clock is five hours ahead of Beijing: refused, and said why.
  const device = await page.evaluate(() => { const d = new Date(); const p = (n) => String(n).padStart(2, "0"); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; });
  await disc.fill(device);
  await P(page, ".start-form input[name=name]").fill("李强");
  await P(page, ".start-form button[type=submit]").click();
  await P(page, ".start-form .start-problem:not([hidden])").waitFor();
  // The core refused it (future_time, the plan's tolerance): said at the form, which keeps it.
  assert.match(await P(page, ".start-form .start-problem").textContent(), /发现时间不能晚于现在（北京时间 UTC\+8/);
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").incident), null);
  assert.equal(await disc.inputValue(), device);
  assert.equal(await disc.getAttribute("aria-invalid"), "true");

  // Sixteen hours behind (a device still on Los Angeles time): asked to check, then accepted.
  await disc.fill(beijing(-16 * 60));
  await P(page, ".start-form button[type=submit]").click();
  await page.waitForFunction(() => /早 1[56] 小时/.test(document.querySelector("exam-incident-panel").shadowRoot.querySelector(".start-problem").textContent));
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").incident), null);

  await disc.fill(beijing(-5));
  await P(page, ".start-form button[type=submit]").click();
  await P(page, ".response-view .steps").waitFor();
  assert.match(await P(page, ".response-view .meta").textContent(), /北京时间/);
  // The initial report is due 10 minutes after discovery: 5 minutes left, not hours.
  const cd = await P(page, '.steps [data-step="initial_report"] .countdown').textContent();
  assert.match(cd, /剩余 [4-5]:\d\d/);

  // The report form: reported_at off the device clock is an error (validated with now).
  await P(page, "[role=tab][data-tab=forms]").click();
  const f = (p) => P(page, `.form-editor [data-path="${p}"]:is(input, select, textarea)`);
  assert.match(await P(page, `.form-editor label[for="${await f("/reported_at").getAttribute("id")}"]`).textContent(), /北京时间 UTC\+8/);
  await f("/reported_at").fill(`${device}:00`);
  await f("/reporter/name").fill("李强");
  await f("/report_form").selectOption("phone");
  await f("/location/site").fill("第一考点");
  await P(page, '.form-editor .finding.error[data-code="in_future"]').waitFor();
  await f("/reported_at").fill(`${beijing(-1)}:00`);
  await P(page, ".form-summary .ok").waitFor();
  await page.evaluate(() => { window.__sent = null; document.addEventListener("report-ready", (e) => { window.__sent = e.detail; }, { once: true }); });
  await P(page, ".form-editor button[type=submit]").click();
  await page.waitForFunction(() => window.__sent, null, { timeout: T });
  const sent = await page.evaluate(() => window.__sent);
  for (const k of ["discovered_at", "reported_at"]) assert.match(sent.data[k], /T\d\d:\d\d:\d\d\+08:00$/, `${k}: ${sent.data[k]}`);
  assert.match(sent.queuedAt, /\+08:00$/);

  // The Saved tab shows the queued time in Beijing time too.
  await P(page, "[role=tab][data-tab=saved]").click();
  const meta = await P(page, ".outbox-list .meta").first().textContent();
  assert.ok(meta.includes(beijing().slice(0, 10)) && meta.includes("北京时间") && !/Z\b/.test(meta), meta);
  assert.deepEqual(page.problems(), []);
});

test("4. a report the portal has not acknowledged is not called submitted, and is offered again when the network is back", { timeout: 180_000 }, async (t) => {
  const page = await fresh(t, "/one.html", { init: recordOffers });
  t.after(() => browser.context.setOffline(false));
  await submitReadiness(page);
  await page.waitForFunction(() => window.__offers.length === 1, null, { timeout: T });
  const status = P(page, ".announce[role=status]");
  assert.doesNotMatch(await status.textContent(), /已提交/);
  assert.match(await status.textContent(), /等待门户确认接收/);

  await browser.context.setOffline(true);
  await browser.context.setOffline(false);
  await page.waitForFunction(() => window.__offers.length === 2, null, { timeout: T });
  const [a, b] = await offers(page);
  assert.equal(b.id, a.id, "the same report, offered again");

  // The portal takes it: now the status says so, and it leaves the outbox.
  await page.evaluate(() => document.querySelector("exam-incident-panel").acknowledge(document.querySelector("exam-incident-panel").outbox[0].outboxId));
  assert.match(await status.textContent(), /门户已确认接收/);
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").outbox.length), 0);
  await browser.context.setOffline(true);
  await browser.context.setOffline(false);
  await page.waitForTimeout(500);
  assert.equal((await offers(page)).length, 2);
  assert.deepEqual(page.problems(), []);
});

test("5. with storage off, a detached and re-attached panel (KeepAlive) keeps its response in memory", { timeout: 180_000 }, async (t) => {
  const noStorage = () => Object.defineProperty(window, "localStorage", { configurable: true, get() { throw new DOMException("The user has disabled storage", "SecurityError"); } });
  const page = await fresh(t, "/one.html", { init: noStorage });
  await startOutage(page);
  await P(page, '.steps [data-step="initial_report"] .row button', { hasText: "标记完成" }).click();
  await P(page, '.steps [data-step="initial_report"][data-status="done"]').waitFor();
  const entries = await P(page, ".log-entries li").count();
  await page.evaluate(() => { window.__kept = document.querySelector("exam-incident-panel"); window.__kept.remove(); });
  await page.waitForTimeout(300);
  await page.evaluate(() => document.getElementById("b").append(window.__kept));
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await P(page, "[role=tab][aria-selected=true]").getAttribute("data-tab"), "response");
  await P(page, '.steps [data-step="initial_report"][data-status="done"]').waitFor();
  assert.equal(await P(page, ".log-entries li").count(), entries);
  assert.ok(await page.evaluate(() => document.querySelector("exam-incident-panel").incident !== null));
  assert.deepEqual(page.problems().filter((p) => !/storage/i.test(p)), []);
});

test("6. text typed just before a move or a reload is kept (the description, a report field), and so is focus", { timeout: 180_000 }, async (t) => {
  const page = await fresh(t);
  const ta = P(page, ".classify-view textarea");
  await ta.click();
  await page.keyboard.type("3号考场突然停电了");
  await move(page);
  assert.equal(await P(page, ".classify-view textarea").inputValue(), "3号考场突然停电了");
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").shadowRoot.activeElement?.tagName), "TEXTAREA");
  await page.keyboard.type("，");
  assert.equal(await P(page, ".classify-view textarea").inputValue(), "3号考场突然停电了，");
  await page.reload();
  await ready(page);
  assert.equal(await P(page, ".classify-view textarea").inputValue(), "3号考场突然停电了，");

  await startOutage(page);
  await P(page, "[role=tab][data-tab=forms]").click();
  const summary = P(page, '.form-editor [data-path="/summary"]:is(input, textarea)');
  await summary.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("3号考场停电，已通知电工");
  await move(page);
  assert.equal(await P(page, '.form-editor [data-path="/summary"]:is(input, textarea)').inputValue(), "3号考场停电，已通知电工");
  await page.keyboard.type("。");
  await page.reload();
  await ready(page);
  assert.equal(await P(page, '.form-editor [data-path="/summary"]:is(input, textarea)').inputValue(), "3号考场停电，已通知电工。");
  assert.deepEqual(page.problems(), []);
});

test("7. attributes set after insertion (jQuery, Angular) or changed on a re-used element switch the panel to that room's own state", { timeout: 180_000 }, async (t) => {
  // The host inserts the elements first and sets their attributes afterwards, at every load.
  const late = () => document.addEventListener("DOMContentLoaded", () => {
    if (!document.getElementById("a")) return;
    for (const room of ["3号考场", "5号考场"]) {
      const el = document.createElement("exam-incident-panel");
      document.getElementById("a").append(el);
      el.setAttribute("lang", "zh");
      el.setAttribute("site", "第一考点");
      el.setAttribute("room", room);
    }
  });
  const page = await fresh(t, "/late.html", { init: late });
  const room3 = 'exam-incident-panel[room="3号考场"]';
  const room5 = 'exam-incident-panel[room="5号考场"]';
  await page.locator(`${room3} .classify-view textarea`).fill("3号考场突然停电");
  await page.locator(`${room5} .classify-view textarea`).fill("5号考场发现考生作弊");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("exam-incident-panel/v1/ui")).sort());
  assert.equal(keys.length, 2, keys.join());
  await page.reload();
  await ready(page);
  assert.equal(await page.locator(`${room3} .classify-view textarea`).inputValue(), "3号考场突然停电");
  assert.equal(await page.locator(`${room5} .classify-view textarea`).inputValue(), "5号考场发现考生作弊");

  // A router re-uses room 3's element for room 5 of another site (React/Vue patching attributes).
  await startOutage(page, room3);
  await page.evaluate((s) => { const el = document.querySelector(s); el.setAttribute("site", "第二考点"); el.setAttribute("room", "5号考场"); }, room3);
  const reused = 'exam-incident-panel[site="第二考点"]';
  await page.locator(`${reused} [role=tab][data-tab=incident][aria-selected=true]`).waitFor();
  assert.equal(await page.evaluate((s) => document.querySelector(s).incident, reused), null);
  assert.equal(await page.locator(`${reused} .classify-view textarea`).inputValue(), "");
  await page.locator(`${reused} input[type=radio][name=kind][value="paper_defect"]`).check();
  assert.equal(await page.locator(`${reused} .start-form input[name=room]`).inputValue(), "5号考场");
  assert.equal(await page.locator(`${reused} .start-form input[name=site]`).inputValue(), "第二考点");
  // And back: room 3's response is there again.
  await page.evaluate((s) => { const el = document.querySelector(s); el.setAttribute("site", "第一考点"); el.setAttribute("room", "3号考场"); }, reused);
  await page.locator(`${room3} .response-view .steps`).waitFor();
  assert.deepEqual(page.problems(), []);
});

test("8. an answer the classifier cannot take is refused at the field, and damaged saved answers are dropped with a notice", { timeout: 180_000 }, async (t) => {
  const page = await fresh(t);
  await P(page, ".classify-view textarea").fill("3号考场突然停电");
  const q = P(page, '.questions input[data-fact="outage_minutes"]');
  await q.click();
  await page.keyboard.type("-5");
  await P(page, ".questions .finding.error:not([hidden])").waitFor();
  assert.match(await P(page, ".questions .finding.error:not([hidden])").textContent(), /请输入分钟数/);
  assert.equal(await q.getAttribute("aria-invalid"), "true");
  await page.reload();
  await ready(page);
  await P(page, '.kind-title[data-kind="power_or_equipment_failure"]').waitFor();
  await P(page, ".start-form").waitFor();
  assert.equal(await P(page, ".classification .finding.error").count(), 0);

  // Damaged answers under the UI key (an older build, a hand edit): dropped, the text kept.
  await page.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith("exam-incident-panel/v1/ui"));
    localStorage.setItem(k, JSON.stringify({ tab: "incident", text: "3号考场突然停电", answers: { outage_minutes: { x: 1 }, regional: "maybe" }, signals: { no_such_signal: true } }));
  });
  await page.reload();
  await ready(page);
  await P(page, '.kind-title[data-kind="power_or_equipment_failure"]').waitFor();
  await P(page, ".answers-dropped:not([hidden])").waitFor();
  assert.equal(await P(page, ".classify-view textarea").inputValue(), "3号考场突然停电");
  await P(page, ".start-form").waitFor();
  assert.deepEqual(page.problems(), []);
});

test("9. a yes/no signal answer survives a reload", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  await P(page, ".classify-view textarea").fill("考生发烧咳嗽");
  const sel = P(page, '.questions select[data-signal="infectious_disease"]');
  await sel.selectOption("true");
  await page.reload();
  await ready(page);
  assert.equal(await P(page, '.questions select[data-signal="infectious_disease"]').inputValue(), "true");
  assert.deepEqual(page.problems(), []);
});

test("10. a damaged saved response is set aside and stays visible on the Saved tab, with a message that says so", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  const id = await page.evaluate(async () => {
    const ei = await import("/pkg/exam_incident.js");
    await ei.default();
    const r = ei.Plan.default().startResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:32", room: "3号考场" });
    r.complete("initial_report", "2026-06-13T09:38");
    const entryKey = Object.keys(localStorage).find((x) => x.startsWith(`exam-incident/v2/entry/${r.id}/`) && x.endsWith("/1"));
    localStorage.setItem(entryKey, localStorage.getItem(entryKey).replace("09:38", "09:39"));
    return r.id;
  });
  await page.reload();
  await ready(page);
  await P(page, "[role=tab][data-tab=saved]").click();
  await P(page, `.saved-list li[data-id="${id}"] button`).first().click();
  const line = P(page, ".storage-error");
  await line.waitFor();
  assert.match(await line.textContent(), /损坏或被改动/);
  assert.doesNotMatch(await line.textContent(), /无法保存到本机/);
  await P(page, "[role=tab][data-tab=saved]").click();
  const item = P(page, `.quarantine-list li[data-quarantined="${id}"]`);
  await item.waitFor();
  assert.match(await item.textContent(), /停电|2026-06-13 09:32/);
  assert.equal(await item.locator("button").count(), 1, "it can be exported");
  assert.deepEqual(page.problems(), []);
});

test("11. 按处置记录预填 keeps what was typed in the report and asks before overwriting it", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  await startOutage(page);
  await P(page, "[role=tab][data-tab=forms]").click();
  const summary = P(page, '.form-editor [data-path="/summary"]:is(input, textarea)');
  const drafted = await summary.inputValue();
  await summary.fill("我自己写的摘要：3号考场停电，已启用应急照明");
  await P(page, ".forms-view button[data-act=prefill]").click();
  await P(page, ".prefill-note").waitFor();
  assert.equal(await summary.inputValue(), "我自己写的摘要：3号考场停电，已启用应急照明");
  await P(page, ".prefill-note button[data-act=prefill-overwrite]").click();
  await P(page, ".prefill-note").waitFor({ state: "detached" });
  assert.equal(await summary.inputValue(), drafted);
  assert.deepEqual(page.problems(), []);
});

test("12. a decision is logged at the second 决定 was clicked, not the minute the list was drawn", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  await startOutage(page);
  await page.waitForTimeout(1500);
  // Away from a minute boundary, so that a time rounded down to the minute would show.
  await page.waitForFunction(() => new Date().getSeconds() >= 5 && new Date().getSeconds() <= 50, null, { timeout: 60_000, polling: 200 });
  const od = P(page, '.steps [data-step="outage_decision"]');
  await od.locator('input[type=radio][value="not_restored_or_regional"]').check();
  // A time typed in the future (another clock, or 19:38 for 09:38) is refused by the core
  // (future_time), said under the time field, and what was typed stays there — also after the
  // panel redraws the list (the twice-a-minute refresh).
  const atInput = od.locator('input[type="datetime-local"]');
  await atInput.fill(new Date(Date.now() + 8 * 3600e3 + 2 * 3600e3).toISOString().slice(0, 19));
  const typed = await atInput.inputValue();
  const entries = await page.evaluate(() => document.querySelector("exam-incident-panel").incident.log().length);
  await od.locator("button.primary").click();
  const said = od.locator('.field .finding.error[data-code="future_time"]', { hasText: "不能晚于现在" });
  await said.waitFor();
  assert.match(await said.textContent(), /北京时间 UTC\+8/);
  assert.equal(await od.getAttribute("data-status"), "pending");
  assert.equal(await atInput.inputValue(), typed);
  assert.equal(await atInput.getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").incident.log().length), entries, "nothing logged");
  await page.evaluate(() => document.querySelector("exam-incident-panel").renderPanel());
  assert.equal(await od.locator('input[type="datetime-local"]').inputValue(), typed);
  await atInput.fill("");
  const clicked = Date.now();
  await od.locator("button.primary").click();
  await P(page, '.steps [data-step="outage_decision"][data-status="done"]').waitFor();
  const log = await page.evaluate(() => document.querySelector("exam-incident-panel").incident.log().map((e) => e.at));
  const at = Date.parse(log.at(-1));
  assert.ok(Math.abs(at - clicked) < 3000, `logged ${log.at(-1)}, clicked ${new Date(clicked).toISOString()}`);
  assert.ok(at >= Date.parse(log.at(-2)), `not before the entry before it: ${log.join(" ")}`);
  assert.deepEqual(page.problems(), []);
});

test("13. outbox entries are validated again before they go out: a hand-edited one is not offered, and is listed as such", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t, "/one.html", { init: recordOffers });
  await page.evaluate(() => localStorage.setItem("exam-incident-panel/v1/outbox", JSON.stringify([
    { outboxId: "o-forged", form: "initial_report", data: { summary: "<img src=x onerror=alert(1)>", severity: "general", incident_kind: "mass_cheating" } },
    { outboxId: "o-junk", form: "no_such_form", data: "x", log: "zzz", queuedAt: { a: 1 } },
  ])));
  await page.reload();
  await ready(page);
  await page.waitForTimeout(800);
  assert.deepEqual(await offers(page), []);
  await P(page, "[role=tab][data-tab=saved]").click();
  await P(page, '.outbox-list li.invalid[data-outbox="o-forged"]').waitFor();
  await P(page, '.outbox-list li.invalid[data-outbox="o-junk"]').waitFor();
  assert.equal(await P(page, "img").count(), 0);
  // Deleting one takes it out of the outbox.
  page.once("dialog", (d) => d.accept());
  await P(page, '.outbox-list li[data-outbox="o-junk"] button[data-act=outbox-remove]').click();
  await P(page, '.outbox-list li[data-outbox="o-junk"]').waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => document.querySelector("exam-incident-panel").outbox.map((x) => x.outboxId)), ["o-forged"]);
  assert.deepEqual(page.problems(), []);
});

test("14. 打印 prints the report alone, from a frame of its own, not the host page", { timeout: 120_000 }, async (t) => {
  const spy = () => { window.__topPrints = 0; window.print = () => { window.__topPrints += 1; }; };
  const page = await fresh(t, "/one.html", { init: spy });
  await startOutage(page);
  await P(page, "[role=tab][data-tab=forms]").click();
  await P(page, '.form-editor [data-path="/summary"]:is(input, textarea)').fill("3号考场停电，已启用应急照明");
  await P(page, ".form-editor .actions button", { hasText: "打印" }).click();
  const printed = await page.evaluate(() => {
    const f = document.querySelector("exam-incident-panel").shadowRoot.querySelector("iframe.print-frame");
    return { top: window.__topPrints, body: f?.contentDocument.body.innerText, buttons: f?.contentDocument.querySelectorAll("button, input, textarea").length };
  });
  assert.equal(printed.top, 0, "the host page itself is not printed");
  assert.match(printed.body, /初次报告/);
  assert.match(printed.body, /3号考场停电，已启用应急照明/);
  assert.doesNotMatch(printed.body, /✖|处错误|\(JSON\)|考务|提交报告/);
  assert.equal(printed.buttons, 0);
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").hasAttribute("data-print")), false);
  assert.deepEqual(page.problems(), []);
});

test("15. the Chinese UI names options, log actions and report choices in words, not internal ids; no raw JSON box", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  await startOutage(page);
  const od = P(page, '.steps [data-step="outage_decision"]');
  await od.locator('input[type=radio][value="not_restored_or_regional"]').check();
  await od.locator("button.primary").click();
  await P(page, '.log-entries li[data-action="decide"]').waitFor();
  const log = await P(page, ".log-entries").innerText();
  assert.doesNotMatch(log, /\b(open|complete|decide|set_anchor|not_restored_or_regional)\b/, log);
  assert.match(await P(page, '.log-entries li[data-action="decide"]').innerText(), /决定.*→ 属于区域大面积停电/);
  assert.match(await P(page, '.log-entries li[data-action="open"]').innerText(), /开始处置/);

  await P(page, "[role=tab][data-tab=forms]").click();
  const options = await P(page, '.form-editor select[data-path="/details/escalation_decision"] option').allInnerTexts();
  assert.ok(options.includes("该次考试延时"), options.join("|"));
  assert.ok(!options.some((o) => /extend|reschedule|cancel_fee_waived/.test(o)), options.join("|"));

  // A kind without kind-specific details: no "分类详情 (JSON)" box.
  await P(page, "[role=tab][data-tab=incident]").click();
  await P(page, 'input[type=radio][name=kind][value="paper_defect"]').check();
  await P(page, ".start-form button[type=submit]").click();
  await P(page, ".response-view .steps").waitFor();
  await P(page, "[role=tab][data-tab=forms]").click();
  await P(page, ".form-editor form.report").waitFor();
  assert.doesNotMatch(await P(page, ".form-editor form.report").innerText(), /\(JSON\)/);
  assert.deepEqual(page.problems(), []);
});

test("16. lang is matched by its primary subtag in any case, and inherited from the nearest [lang] ancestor or the document", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t, "/english.html");
  const tabText = (id) => page.locator(`#${id} [role=tab][data-tab=incident]`).textContent();
  for (const id of ["inherit", "us", "gb", "caps"]) assert.equal(await tabText(id), "Incident", id);
  assert.equal(await tabText("zh"), "事件");
  assert.deepEqual(page.problems(), []);
});

test("17. start-form inputs carry the library's length limits, and a too-long value is named in words", { timeout: 120_000 }, async (t) => {
  const page = await fresh(t);
  await P(page, 'input[type=radio][name=kind][value="paper_defect"]').check();
  const name = P(page, ".start-form input[name=name]");
  await name.fill("王".repeat(150));
  assert.equal((await name.inputValue()).length, 100);
  assert.equal(await P(page, ".start-form input[name=site]").getAttribute("maxlength"), "200");
  assert.equal(await P(page, ".start-form input[name=room]").getAttribute("maxlength"), "200");
  // Past the inputs (a portal calling startResponse itself): the message names the field.
  await page.evaluate(() => document.querySelector("exam-incident-panel").startResponse({ kind: "paper_defect", discoveredAt: "2026-06-13T09:30", by: { name: "王".repeat(101), role: "site_staff" } }, true));
  const status = await P(page, ".announce[role=status]").textContent();
  assert.match(status, /您的姓名过长（最多 100 个字）/);
  assert.doesNotMatch(status, /by\.name/);
  await P(page, ".start-form button[type=submit]").click();
  await P(page, ".response-view .steps").waitFor();
  assert.deepEqual(page.problems(), []);
});

test("18. the README recipe, offline: the failed POST is caught (no unhandled rejection) and the report waits in the outbox", { timeout: 120_000 }, async (t) => {
  const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const recipe = /<!-- the portal recipe[^\n]*\n```html\n([\s\S]*?)```/.exec(readme)[1];
  const page0 = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title></head><body>\n${recipe}</body></html>`;
  const portal = await startServer({ pages: { "/portal.html": page0 }, mounts: { "/static/exam-incident/": WWW } });
  t.after(() => portal.close());
  const page = await watchedPage(browser.context, portal.origin);
  t.after(() => page.close());
  page.setDefaultTimeout(T);
  await page.route(`${portal.origin}/api/incident-reports`, (route) => route.abort("internetdisconnected"));
  await page.goto(`${portal.origin}/hosts/empty.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${portal.origin}/portal.html`);
  await ready(page);
  await submitReadiness(page);
  await page.waitForFunction(() => window.__events.some((e) => e.name === "report-ready"), null, { timeout: T });
  await page.waitForTimeout(500);
  assert.deepEqual(page.problems().filter((p) => !/incident-reports|ERR_INTERNET_DISCONNECTED/.test(p)), []);
  assert.equal(await page.evaluate(() => document.querySelector("exam-incident-panel").outbox.length), 1);
});
