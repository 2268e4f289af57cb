// Issue 12 item 3 in Chromium: names from a plan cannot hurt the page. A site plan naming a
// form field `__proto__` is refused at load; and the Reports tab's form code, even when handed
// such names directly (a schema past the plan check), writes only own properties and builds no
// selector from a name: typing, choosing, adding and removing items never touch
// `Object.prototype`, and a field named `a"b` does not throw.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import ei from "./load.mjs";
import { startServer } from "./page/server.mjs";
import { launch, watchedPage } from "./page/browser.mjs";
import { T, panelReady, tab } from "./page/helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Defines `obj[name]` as an own property: `obj.__proto__ = v` would set the prototype instead. */
const define = (obj, name, value) => Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });

/** The default plan with hostile names in its forms (own `__proto__` keys survive JSON.stringify). */
function hostilePlan() {
  const doc = JSON.parse(ei.planJson());
  doc.id = "hostile";
  define(doc.forms.forms.readiness_check.fields, "__proto__", { type: "object", title: { zh: "原型", en: "proto" }, fields: { polluted: { type: "string" } } });
  define(doc.forms.forms.staged_report.fields.entries.items.fields, "constructor", { type: "string" });
  define(doc.forms.forms.disposal_report.fields, 'a"b', { type: "array", items: { type: "string" } });
  return JSON.stringify(doc);
}

/** Every own property name of Object.prototype and Array.prototype, to compare before and after. */
const protoKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(","));

/** Fills every text input, picks the second option of every select, ticks every checkbox, and
 *  presses every add-item button once, on whatever form the Reports tab shows. */
async function workTheForm(page) {
  await page.evaluate(async () => {
    const root = document.querySelector("exam-incident-panel").shadowRoot;
    const editor = root.querySelector(".form-editor");
    for (const b of [...editor.querySelectorAll("button.small")].filter((b) => /添加|Add/.test(b.textContent))) b.click();
    for (const el of root.querySelectorAll(".form-editor input, .form-editor select, .form-editor textarea")) {
      if (el.type === "checkbox") el.click();
      else if (el.tagName === "SELECT") { el.selectedIndex = Math.min(1, el.options.length - 1); el.dispatchEvent(new Event("change")); }
      else if (el.type === "number") { el.value = "1"; el.dispatchEvent(new Event("input")); }
      else if (el.type !== "datetime-local" && el.type !== "date" && el.type !== "time") { el.value = "polluted"; el.dispatchEvent(new Event("input")); }
      el.dispatchEvent(new Event("change"));
    }
    await new Promise((r) => setTimeout(r, 300));
  });
}

test("a site plan naming a form field __proto__ is refused, and no action on the Reports tab changes Object.prototype", { timeout: 120_000 }, async (t) => {
  const host = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>site</title></head><body>
<exam-incident-panel lang="zh" plan="/hosts/hostile-plan.json"></exam-incident-panel>
<script type="module" src="/exam-incident-panel.js"></script></body></html>`;
  const srv = await startServer({ pages: { "/hosts/site.html": host, "/hosts/hostile-plan.json": hostilePlan() } });
  t.after(() => srv.close());
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  await page.goto(`${srv.origin}/hosts/site.html`);
  const before = await page.evaluate(protoKeys);
  await panelReady(page);
  // Refused with its located problems; the panel goes on with the default plan.
  const alert = page.locator("exam-incident-panel header [role=alert]");
  await alert.waitFor({ timeout: T });
  const refusal = await page.evaluate(async () => {
    const ei = await import("/pkg/exam_incident.js");
    const doc = await (await fetch("/hosts/hostile-plan.json")).text();
    try { ei.loadPlan(doc); return { loaded: true }; } catch (e) { return { code: e.code, paths: (e.problems || []).filter((p) => p.code === "bad_name").map((p) => p.path), id: ei.planInfo().id }; }
  });
  assert.equal(refusal.code, "plan_invalid");
  assert.deepEqual(refusal.paths.sort(), [
    "forms.forms.disposal_report.fields.a\"b",
    "forms.forms.readiness_check.fields.__proto__",
    "forms.forms.staged_report.fields.entries.items.fields.constructor",
  ]);
  assert.equal(refusal.id, "sd101");
  await tab(page, "forms");
  for (const form of ["initial_report", "staged_report", "room_record", "disposal_report"]) {
    await page.locator("exam-incident-panel .forms-view select").first().selectOption(form);
    await page.locator(`exam-incident-panel .form-editor[data-form=${form}]`).waitFor({ timeout: T });
    await workTheForm(page);
    await page.locator("exam-incident-panel .form-editor button[type=submit]").click();
  }
  await tab(page, "readiness");
  await page.locator("exam-incident-panel .form-editor").first().waitFor({ timeout: T });
  await workTheForm(page);
  assert.deepEqual(await page.evaluate(protoKeys), before);
  assert.equal(await page.evaluate(() => ({}).polluted), undefined);
  assert.deepEqual(page.problems(), []);
});

test("the form editor handed hostile names writes own properties only and does not throw", { timeout: 120_000 }, async (t) => {
  const srv = await startServer();
  t.after(() => srv.close());
  const page = await watchedPage(browser.context, srv.origin);
  t.after(() => page.close());
  await page.goto(`${srv.origin}/hosts/empty.html`);
  const out = await page.evaluate(async () => {
    const before = [Object.prototype, Array.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(","));
    const { load } = await import("/panel/engine.js");
    await load();
    const { FormEditor } = await import("/panel/forms-view.js");
    const ctx = { lang: "zh", info: { timezone: "+08:00" }, host: document.body, kindTitles: {}, roleTitles: {}, terms: {} };
    const editor = new FormEditor(ctx, "readiness_check", {}, {});
    document.body.append(editor.root);
    // A schema past the plan check: JSON.parse makes `__proto__` an own key, as a plan would.
    editor.schema = JSON.parse(`{
      "type": "object", "title": "t", "description": "t",
      "properties": {
        "__proto__": { "type": "object", "properties": { "polluted": { "type": "string" } } },
        "constructor": { "type": "object", "properties": { "prototype": { "type": "string" } } },
        "a\\"b": { "type": "array", "items": { "type": "object", "properties": { "x\\"y": { "type": "string" }, "__proto__": { "type": "string" } } } },
        "toString": { "type": "string", "enum": ["constructor", "__proto__", "hasOwnProperty"] }
      }
    }`);
    const errors = [];
    const guard = (f) => { try { f(); } catch (e) { errors.push(String(e)); } };
    guard(() => editor.render());
    const add = () => [...editor.root.querySelectorAll("button.small")].find((b) => b.dataset.path === undefined && /添加|Add/.test(b.textContent));
    guard(() => add()?.click());
    guard(() => add()?.click());
    for (const el of editor.root.querySelectorAll("input, select, textarea")) {
      guard(() => {
        if (el.tagName === "SELECT") { el.selectedIndex = el.options.length - 1; el.dispatchEvent(new Event("change")); }
        else { el.value = "polluted"; el.dispatchEvent(new Event("input")); }
      });
    }
    const removeButtons = [...editor.root.querySelectorAll("button.small")].filter((b) => /删除|Remove/.test(b.textContent));
    guard(() => removeButtons[0]?.click());
    const data = editor.data;
    const after = [Object.prototype, Array.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(","));
    return {
      errors,
      same: JSON.stringify(before) === JSON.stringify(after),
      polluted: ({}).polluted,
      dataProto: Object.getPrototypeOf(data) === Object.prototype,
      ownProto: Object.hasOwn(data, "__proto__") && data.__proto__?.polluted,
      ownCtor: typeof data.constructor === "object" && data.constructor.prototype,
      list: Array.isArray(data['a"b']) && data['a"b'].length,
      item: data['a"b']?.[0]?.['x"y'],
      enumValue: data.toString,
      fields: editor.root.querySelectorAll("input, select, textarea").length,
    };
  });
  assert.deepEqual(out.errors, []);
  assert.equal(out.same, true, "no property added to Object.prototype or Array.prototype");
  assert.equal(out.polluted, undefined);
  assert.equal(out.dataProto, true, "the data object keeps its prototype");
  assert.equal(out.ownProto, "polluted", "`__proto__` is an own property holding what was typed");
  assert.equal(out.ownCtor, "polluted");
  assert.equal(out.list, 1, "two items added, one removed");
  assert.equal(out.item, "polluted");
  assert.equal(out.enumValue, "hasOwnProperty");
  assert.ok(out.fields >= 5, `${out.fields} fields rendered`);
  assert.deepEqual(page.problems(), []);
});
