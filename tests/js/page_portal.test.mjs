// The element in a portal-shaped host page (tests/js/page/hosts/portal.html): served under a
// sub-path (/admin/static/exam-incident/…, nothing at /), a fixed 84 px header, an
// `overflow:hidden` layout wrapper, aggressive global CSS on *, button and input, and a router
// that removes and re-creates the element on every visit — with the README's portal recipe pasted
// in verbatim. The whole flow (classify → start → complete → report form → report-ready) runs
// keyboard-only at 1366×768 and by tap at 390×844; focus never falls to <body>, a focused control
// is never under the header, and no style leaks in or out. Screenshots: docs/portal-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, WWW } from "./page/server.mjs";
import { launch, watchedPage, ARGS } from "./page/browser.mjs";
import { T, localTime, expectValid } from "./page/helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const readme = fs.readFileSync(path.join(here, "../../README.md"), "utf8");
const recipe = /<!-- the portal recipe[^\n]*\n```html\n([\s\S]*?)```/.exec(readme)[1];
const element = /<exam-incident-panel[\s\S]*?<\/exam-incident-panel>/.exec(recipe)[0];
const once = recipe.slice(recipe.indexOf(element) + element.length);
const HOST = fs.readFileSync(path.join(here, "page/hosts/portal.html"), "utf8")
  .replace("<!--RECIPE-ELEMENT-->", element).replace("<!--RECIPE-SCRIPT-->", once);
const HEADER = 84;
const docs = (name) => path.join(here, "../../docs", name);

let srv;
before(async () => {
  srv = await startServer({
    root: path.join(here, "page/no-such-dir"), // nothing at the origin's root: absolute paths 404
    pages: { "/admin/": HOST },
    mounts: { "/admin/static/exam-incident/": WWW },
  });
});
after(async () => { await srv?.close(); });

/** A fresh page on the portal's dashboard, storage empty, the report POST caught. */
async function openPortal(t, context) {
  const page = await watchedPage(context, srv.origin);
  page.setDefaultTimeout(T);
  t.after(() => page.close());
  page.posted = [];
  await page.route(`${srv.origin}/admin/api/incident-reports`, async (route) => {
    page.posted.push(JSON.parse(route.request().postData()));
    await route.fulfill({ status: 201, body: "{}", contentType: "application/json" });
  });
  await page.goto(`${srv.origin}/admin/#/dashboard`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

/** What has focus, looking through shadow roots. */
function active(page) {
  return page.evaluate((header) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const r = a?.getBoundingClientRect();
    return {
      body: !a || a === document.body || a === document.documentElement,
      inPanel: !!a && a.getRootNode() !== document,
      tag: a?.tagName, text: (a?.textContent || "").trim().slice(0, 40), path: a?.dataset?.path,
      hidden: !!r && a.getRootNode() !== document && (r.top < header - 1 || r.bottom > innerHeight + 1),
    };
  }, HEADER);
}

async function focusOk(page, label) {
  const a = await active(page);
  assert.equal(a.body, false, `${label}: focus fell to <body>`);
  return a;
}

/** Presses Tab (Shift+Tab with `back`) until the focused element (through shadow roots) matches `sel`. */
async function tabTo(page, sel, label = sel, max = 120, back = false) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const hit = await page.evaluate((s) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return !!a && a.matches(s);
    }, sel);
    if (hit) {
      await page.waitForTimeout(50); // the panel's reveal() runs on focusin
      const a = await focusOk(page, label);
      assert.equal(a.hidden, false, `${label}: the focused control is under the fixed header or off screen`);
      return i + 1;
    }
  }
  assert.fail(`${label}: not reached with ${max} Tabs (at ${JSON.stringify(await active(page))})`);
}

const panel = (page, sel) => page.locator(`exam-incident-panel ${sel}`);

/** Keyboard: types into the focused field (empty in this flow: the storage starts empty). */
async function typeHere(page, text) {
  await page.keyboard.type(text);
}

/** Keyboard: arrows through a focused <select> until it shows `value`. */
async function arrowTo(page, value, key = "ArrowDown") {
  for (let i = 0; i < 40; i++) {
    const v = await page.evaluate(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a.value; });
    if (v === value) return;
    await page.keyboard.press(key);
  }
  assert.fail(`select did not reach ${value}`);
}

/** Computed styles of the portal's own controls: what the element must not change. */
function hostStyles(page) {
  return page.evaluate(() => ["#portal-logout", "#portal-search", ".navbar", "body"].map((s) => {
    const cs = getComputedStyle(document.querySelector(s));
    return [s, cs.fontFamily, cs.fontSize, cs.color, cs.backgroundColor, cs.height, cs.padding, cs.borderRadius, cs.letterSpacing, cs.textTransform].join(" | ");
  }));
}

/** The panel's styles under the portal's aggressive CSS: none of it must reach inside. */
async function assertNoLeakIn(page) {
  const s = await page.evaluate(() => {
    const root = document.querySelector("exam-incident-panel").shadowRoot;
    const cs = (el) => getComputedStyle(el);
    const wrap = cs(root.querySelector(".wrap"));
    const btn = cs(root.querySelector("[role=tab]"));
    const ta = cs(root.querySelector("textarea, input[type=text]"));
    return { font: wrap.fontSize, spacing: wrap.letterSpacing, transform: wrap.textTransform, family: wrap.fontFamily,
      tabRadius: btn.borderTopLeftRadius, tabHeight: parseFloat(btn.height), tabTransform: btn.textTransform,
      inputBorder: ta.borderTopStyle, inputSizing: ta.boxSizing };
  });
  assert.equal(s.font, "16px");
  assert.equal(s.spacing, "normal");
  assert.equal(s.transform, "none");
  assert.doesNotMatch(s.family, /DejaVu Serif/);
  assert.notEqual(s.tabRadius, "20px");
  assert.ok(s.tabHeight >= 44, `tab height ${s.tabHeight}`);
  assert.equal(s.tabTransform, "none");
  assert.equal(s.inputBorder, "solid");
  assert.equal(s.inputSizing, "border-box");
}

/** Tap targets under 44 px among the panel's visible controls (a checkbox or radio counts with its label). */
function smallTargets(page) {
  return page.evaluate(() => {
    const root = document.querySelector("exam-incident-panel").shadowRoot;
    const out = [];
    for (const el of root.querySelectorAll("button, input, select, textarea, a[href], [tabindex='0']")) {
      let r = el.getBoundingClientRect();
      if (!r.width && !r.height) continue; // not shown
      if (/checkbox|radio/.test(el.type) && el.labels?.[0]) {
        const l = el.labels[0].getBoundingClientRect();
        r = { width: Math.max(r.width, l.right - r.left), height: Math.max(r.height, l.height) };
      }
      if (r.height < 43.5 || r.width < 43.5) out.push(`${el.tagName}.${el.className}[${(el.textContent || el.name || el.type).trim().slice(0, 20)}] ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

async function noHorizontalScroll(page, label) {
  const w = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, view: innerWidth,
    panel: [...document.querySelector("exam-incident-panel").shadowRoot.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && getComputedStyle(el).position !== "fixed")
      .map((el) => `${el.tagName}.${el.className}`).slice(0, 5),
  }));
  assert.ok(w.doc <= w.view, `${label}: page scrolls sideways (${w.doc} > ${w.view})`);
  assert.deepEqual(w.panel, [], `${label}: panel elements past the right edge`);
}

test("keyboard only at 1366×768: README recipe under /admin/, fixed header, overflow:hidden, router re-creates the element", { timeout: 300_000 }, async (t) => {
  const browser = await launch({ args: [...ARGS, "--lang=en-US"] }); // a known order of date segments
  t.after(() => browser.close());
  const page = await openPortal(t, browser.context);
  const before = await hostStyles(page);
  // the router: dashboard → incidents → dashboard → incidents, by keyboard
  await tabTo(page, "#nav-incidents");
  await page.keyboard.press("Enter");
  await panel(page, "[role=tablist]").waitFor();
  await tabTo(page, "#nav-dashboard");
  await page.keyboard.press("Enter");
  await page.locator(".dashboard").waitFor();
  assert.equal(await page.locator("exam-incident-panel").count(), 0);
  await tabTo(page, "#nav-incidents");
  await page.keyboard.press("Enter");
  await panel(page, "[role=tablist]").waitFor();
  assert.deepEqual(await hostStyles(page), before, "the element changed the portal's own styles");
  await assertNoLeakIn(page);

  // classify
  await tabTo(page, "textarea", "description");
  await page.keyboard.type("3号考场突然停电");
  await panel(page, '.kind-title[data-kind="power_or_equipment_failure"]').waitFor();
  await tabTo(page, '[data-fact="outage_minutes"]', "outage minutes");
  await typeHere(page, "20");
  await panel(page, ".classification .badge.general").waitFor();
  // start
  await tabTo(page, ".start-form input[name=name]", "your name");
  await typeHere(page, "王老师");
  await tabTo(page, ".start-form button[type=submit]", "start");
  await page.keyboard.press("Enter");
  await panel(page, ".response-view .next").waitFor();
  await focusOk(page, "after start");
  // complete from the next-action card: focus stays on the card's button, now the next step
  const firstStep = await panel(page, ".next button.big").getAttribute("data-next-step");
  assert.equal(firstStep, "initial_report", "the 10-minute initial report is the most urgent step");
  await tabTo(page, ".next button.big", "next action");
  await page.keyboard.press("Enter");
  await panel(page, '[data-step="initial_report"][data-status="done"]').waitFor();
  const after = await focusOk(page, "after 标记完成");
  assert.equal(after.inPanel, true);
  assert.notEqual(await panel(page, ".next button.big").getAttribute("data-next-step"), "initial_report");
  // a re-render keeps focus: the role filter re-renders the response
  await tabTo(page, "select[data-key=role-filter]", "role filter");
  await arrowTo(page, "site_staff");
  await page.waitForTimeout(200);
  assert.equal((await active(page)).tag, "SELECT", "focus stays on the role filter after it re-renders the list");
  await arrowTo(page, "", "ArrowUp");
  // report form: the initial report, prefilled from the response
  await tabTo(page, '[data-step="initial_report"] button', "fill in the initial report");
  await page.keyboard.press("Enter");
  await panel(page, ".form-editor").waitFor();
  await focusOk(page, "after opening the form");
  // the submit bar is in view inside the overflow:hidden wrapper
  const bar = await panel(page, ".form-editor .actions").boundingBox();
  assert.ok(bar.y + bar.height <= 768 + 1 && bar.y >= HEADER, `submit bar at y=${bar.y}`);
  // a select at the top reshapes the form (the kind's details): the form re-renders, focus stays
  const kindSel = '.form-editor select[data-path="/incident_kind"]';
  await tabTo(page, kindSel, "incident kind");
  const kindWas = await panel(page, kindSel).inputValue();
  const scrollWas = await page.evaluate(() => scrollY);
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  assert.equal((await active(page)).path, "/incident_kind", "focus stays on the kind after the form re-renders");
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scrollWas) <= 2, "the re-render keeps the scroll position");
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(300);
  assert.equal((await active(page)).path, "/incident_kind");
  assert.equal(await panel(page, kindSel).inputValue(), kindWas);
  await fillInitialByKeyboard(page);
  await expectValid(page, "initial report (keyboard)");
  await tabTo(page, ".form-editor button[type=submit]", "submit");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__events.some((e) => e.name === "report-ready"), null, { timeout: T });
  await focusOk(page, "after submit");
  await waitPosted(page);
  assert.equal(page.posted[0].form, "initial_report");
  assert.match(JSON.stringify(page.posted[0].data), /3号考场/);
  assert.equal(typeof page.posted[0].log?.head, "string", "the report carries the log's anchor");
  // The recipe acknowledges a report the portal took: it leaves the panel's outbox.
  await page.waitForFunction(() => document.querySelector("exam-incident-panel").outbox.length === 0, null, { timeout: T });
  // 添加一项 on the readiness check: focus goes to the new item's first field
  await tabTo(page, "[role=tab][aria-selected=true]", "the selected tab", 200, true);
  await page.keyboard.press("ArrowRight");
  await panel(page, "[role=tab][data-tab=readiness][aria-selected=true]").waitFor();
  await tabTo(page, 'fieldset[data-path="/on_duty_staff"] > button:last-of-type', "add an on-duty person");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  const added = await focusOk(page, "after 添加一项");
  assert.match(added.path || "", /^\/on_duty_staff\/1\//, `focus after 添加一项: ${JSON.stringify(added)}`);
  // after scrolling, the tab bar stays under the header
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(300);
  const tabs = await panel(page, "[role=tablist]").boundingBox();
  assert.ok(Math.abs(tabs.y - HEADER) <= 2, `tab bar at y=${tabs.y} after scrolling (want ${HEADER})`);
  assert.deepEqual(await hostStyles(page), before, "the element changed the portal's own styles");
  // the screenshot: the response with its next-action card (back to it with the arrow keys)
  await tabTo(page, "[role=tab][aria-selected=true]", "the selected tab", 200, true);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await panel(page, "[role=tab][data-tab=response][aria-selected=true]").waitFor();
  await focusOk(page, "after the arrow keys");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: docs("portal-1366.png") });
  assert.deepEqual(page.problems(), []);
});

test("by tap at 390×844 (isMobile, hasTouch): ≥ 44 px targets, no sideways scroll at 360 px, the same flow", { timeout: 300_000 }, async (t) => {
  const browser = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  t.after(() => browser.close());
  const page = await openPortal(t, browser.context);
  const before = await hostStyles(page);
  await page.locator("#nav-incidents").tap();
  await panel(page, "[role=tablist]").waitFor();
  await assertNoLeakIn(page);
  assert.deepEqual(await smallTargets(page), [], "small tap targets on the incident tab");
  await panel(page, "textarea").first().tap();
  await page.keyboard.type("5号和6号两个考场秩序混乱，出现大面积集体舞弊");
  await panel(page, '.kind-title[data-kind="mass_cheating"]').waitFor();
  await panel(page, ".start-form input[name=name]").tap();
  await page.keyboard.type("赵主考");
  await panel(page, ".start-form button[type=submit]").tap();
  await panel(page, ".response-view .next").waitFor();
  await focusOk(page, "after start");
  assert.deepEqual(await smallTargets(page), [], "small tap targets on the response tab");
  await noHorizontalScroll(page, "390 px");
  // the card: the most urgent step, one large button
  const card = await panel(page, ".next button.big").boundingBox();
  assert.ok(card.height >= 44 && card.width >= 300, `card button ${card.width}×${card.height}`);
  const step = await panel(page, ".next button.big").getAttribute("data-next-step");
  assert.equal(step, "initial_report");
  await panel(page, ".next button.big").tap();
  await panel(page, '[data-step="initial_report"][data-status="done"]').waitFor();
  await focusOk(page, "after 标记完成");
  // the list filtered by role
  const all = await panel(page, ".steps > li").count();
  await panel(page, "select[data-key=role-filter]").selectOption("site_leader");
  await panel(page, ".shown").waitFor();
  const mine = await panel(page, ".steps > li").count();
  assert.ok(mine > 0 && mine < all, `filter: ${mine} of ${all}`);
  assert.deepEqual(await panel(page, ".steps > li").evaluateAll((els) => [...new Set(els.map((e) => e.querySelector(".actor").textContent))]), ["考点负责人"]);
  await panel(page, "select[data-key=role-filter]").selectOption("");
  // report form
  await panel(page, '[data-step="initial_report"] button').filter({ hasText: /初次报告/ }).tap();
  await panel(page, ".form-editor").waitFor();
  assert.deepEqual(await smallTargets(page), [], "small tap targets on the form");
  const bar = await panel(page, ".form-editor .actions").boundingBox();
  assert.ok(bar.y + bar.height <= 844 + 1, `submit bar at y=${bar.y} (docked in view)`);
  await fillInitialByTap(page);
  await expectValid(page, "initial report (tap)");
  await panel(page, ".form-editor button[type=submit]").tap();
  await page.waitForFunction(() => window.__events.some((e) => e.name === "report-ready"), null, { timeout: T });
  await waitPosted(page);
  assert.equal(page.posted[0].form, "initial_report");
  await page.evaluate(() => window.scrollTo(0, 0));
  await panel(page, "[role=tab][data-tab=response]").tap();
  await panel(page, ".next").waitFor();
  await page.screenshot({ path: docs("portal-390.png") });
  assert.deepEqual(await hostStyles(page), before, "the element changed the portal's own styles");
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForTimeout(200);
  await noHorizontalScroll(page, "360 px");
  for (const name of ["incident", "forms", "readiness", "saved"]) {
    await panel(page, `[role=tab][data-tab=${name}]`).tap();
    await panel(page, `[role=tab][data-tab=${name}][aria-selected=true]`).waitFor();
    await noHorizontalScroll(page, `360 px, ${name}`);
    assert.deepEqual(await smallTargets(page), [], `small tap targets on ${name} at 360 px`);
  }
  assert.deepEqual(page.problems(), []);
});

test("a missing package shows a bilingual error naming the URL that failed", async (t) => {
  const bare = await startServer({ root: path.join(here, "page/no-such-dir"), pages: { "/admin/": HOST },
    mounts: { "/admin/static/exam-incident/pkg/": path.join(here, "page/no-such-dir"), "/admin/static/exam-incident/": WWW } });
  t.after(() => bare.close());
  const browser = await launch();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  await page.goto(`${bare.origin}/admin/#/incidents`);
  const err = panel(page, ".load-error");
  await err.waitFor({ timeout: T });
  const text = await err.textContent();
  assert.match(text, /组件加载失败/);
  assert.match(text, /failed to load/);
  assert.match(text, /\/admin\/static\/exam-incident\/pkg\/exam_incident\.js/);
});

async function waitPosted(page) {
  for (let i = 0; i < 100 && !page.posted.length; i++) await page.waitForTimeout(100);
  assert.equal(page.posted.length, 1, "the recipe's listener on document posted the report");
}

// ---- the initial report's fields the response does not prefill ----

async function missingPaths(page) {
  await page.waitForFunction(() => !document.querySelector("exam-incident-panel").shadowRoot.querySelector(".form-editor[data-pending]"));
  return page.evaluate(() => [...document.querySelector("exam-incident-panel").shadowRoot.querySelectorAll(".form-editor .finding.error")].map((e) => e.dataset.path));
}

async function fillInitialByKeyboard(page) {
  const todo = await missingPaths(page);
  for (const p of todo) {
    const sel = `.form-editor [data-path="${p}"]:is(input, select, textarea)`;
    if (!(await panel(page, sel).count())) continue;
    await tabTo(page, sel, p);
    const kind = await panel(page, sel).evaluate((el) => `${el.tagName}:${el.type}`);
    if (kind.startsWith("SELECT")) await arrowTo(page, await firstOption(page, sel));
    else if (kind === "INPUT:checkbox") await page.keyboard.press("Space");
    else if (kind === "INPUT:datetime-local") {
      // segment by segment, as a person types, in the browser's (en-US) order: mm dd yyyy, →
      // (the year takes up to six digits), hh mm, A/P
      const d = await localDigits(page, -1);
      const hh = Number(d.slice(8, 10));
      await page.keyboard.type(d.slice(4, 8) + d.slice(0, 4));
      await page.keyboard.press("ArrowRight");
      const seconds = (await panel(page, sel).getAttribute("step")) === "1"; // a seconds segment too
      await page.keyboard.type(String(hh % 12 || 12).padStart(2, "0") + d.slice(10, 12) + (seconds ? "00" : "") + (hh < 12 ? "A" : "P"));
      assert.match(await panel(page, sel).inputValue(), new RegExp(`^${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(8, 10)}:${d.slice(10, 12)}`));
    }
    else await typeHere(page, VALUES[p] || "3号考场停电，已报告");
    await focusOk(page, `after ${p}`);
  }
}

async function fillInitialByTap(page) {
  // mass cheating: the rooms, one item each, added with the list's own button
  const rooms = panel(page, 'fieldset[data-path="/details/rooms"]');
  if (await rooms.count()) {
    for (const [i, room] of ["5号考场", "6号考场"].entries()) {
      const item = panel(page, `.form-editor input[data-path="/details/rooms/${i}"]`);
      if (!(await item.count())) await rooms.locator(":scope > button").last().tap();
      await item.tap();
      await page.keyboard.type(room);
    }
  }
  for (const p of await missingPaths(page)) {
    const f = panel(page, `.form-editor [data-path="${p}"]:is(input, select, textarea)`);
    if (!(await f.count())) continue;
    const kind = await f.evaluate((el) => `${el.tagName}:${el.type}`);
    if (kind.startsWith("SELECT")) await f.selectOption(await firstOption(page, `.form-editor select[data-path="${p}"]`));
    else if (kind === "INPUT:checkbox") await f.tap();
    else if (kind === "INPUT:datetime-local") await f.fill(await localTime(page, -1)); // the phone's date picker
    else { await f.tap(); await page.keyboard.type(VALUES[p] || "5号、6号考场集体舞弊"); }
  }
}

const VALUES = { "/summary": "3号考场突然停电，20分钟后恢复供电", "/location/site": "第一考点", "/reporter/name": "王老师" };

function firstOption(page, sel) {
  return panel(page, sel).evaluate((el) => [...el.options].find((o) => o.value)?.value || "");
}

/** "YYYYMMDDHHmm" of the page's local time, `minutes` from now: keys for a datetime-local input. */
function localDigits(page, minutes) {
  return localTime(page, minutes).then((s) => s.replace(/\D/g, ""));
}
