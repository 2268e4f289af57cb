// Shared steps of the page tests: waiting for the panel, reading its state, filling forms.
import assert from "node:assert/strict";

export const T = 30_000; // generous: a slow shared 2-core machine
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

export async function panelReady(page) {
  await page.locator("exam-incident-panel [role=tablist]").waitFor({ timeout: T });
}

/** Which exports the page's package has (the flow tests need the real ones). */
export async function exportsOf(page) {
  return page.evaluate(async () => {
    const ei = await import("/pkg/exam_incident.js");
    return Object.keys(ei).filter((k) => typeof ei[k] === "function");
  });
}

export async function tab(page, name) {
  const labels = { incident: /事件|Incident/, response: /处置|Response/, forms: /报告|Reports/, readiness: /应急保障|Readiness/, saved: /已保存|Saved/ };
  await page.getByRole("tab", { name: labels[name], exact: false }).first().click();
  await page.locator(`exam-incident-panel [role=tab][data-tab=${name}][aria-selected=true]`).waitFor({ timeout: T });
}

/** Local time in the page, "YYYY-MM-DDTHH:MM" (":SS" too with `seconds`), offset by `minutes`. */
export async function localTime(page, minutes = 0, seconds = false) {
  return page.evaluate(([m, withSeconds]) => {
    const d = new Date(Date.now() + m * 60000);
    const p = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}${withSeconds ? `:${p(d.getSeconds())}` : ""}`;
  }, [minutes, seconds]);
}

export const field = (page, path) => page.locator(`exam-incident-panel .form-editor [data-path="${path}"]:is(input, select, textarea)`);

export async function fill(page, path, value) {
  const f = field(page, path);
  await f.waitFor({ timeout: T });
  const tag = await f.evaluate((el) => `${el.tagName}:${el.type}`);
  if (tag.startsWith("SELECT")) await f.selectOption(String(value));
  else if (tag === "INPUT:checkbox") await f.setChecked(value === true || value === "true");
  else await f.fill(String(value));
}

/** Fills a valid readiness check in the form editor of the panel matched by `sel` (its readiness
 * tab open) and waits until the form says it is valid. */
export async function fillReadiness(page, sel = "exam-incident-panel") {
  const f = (p) => page.locator(`${sel} .form-editor [data-path="${p}"]:is(input, select, textarea)`);
  await f("/site").fill("第一考点");
  await f("/hotline_number").fill("0531-88881234");
  for (const p of ["/evacuation_plan_posted", "/hotline_staffed", "/spare_papers_available", "/training_done", "/drill_done"]) await f(p).check();
  await f("/on_duty_staff/0/name").fill("周老师");
  await f("/on_duty_staff/0/phone").fill("13912345678");
  await f("/leader_contacts/0/name").fill("吴所长");
  await f("/leader_contacts/0/role").selectOption("leading_group");
  await f("/leader_contacts/0/phone").fill("13812345678");
  await page.locator(`${sel} .form-summary .ok`).waitFor({ timeout: T });
}

/** Offers a valid initial report of the first panel's response, as a form view does once
 * validateReport passes (what sits in the outbox is validated again before it goes out). */
export async function offerInitialReport(page, summary) {
  await page.evaluate((summary) => {
    const panel = document.querySelector("exam-incident-panel");
    const d = panel.incident.draftReport("initial_report");
    Object.assign(d, { report_form: "phone", reported_at: d.discovered_at, summary });
    d.reporter.name = "李强";
    d.location.site = "第一考点";
    panel.ctx().reportReady("initial_report", d);
  }, summary);
}

/** Waits for the live validation to settle and returns the form's findings as shown. */
export async function findings(page) {
  await page.waitForTimeout(0);
  await page.waitForFunction(() => {
    const p = document.querySelector("exam-incident-panel").shadowRoot;
    return p.querySelector(".form-summary p");
  }, null, { timeout: T });
  await page.waitForFunction(() => !document.querySelector("exam-incident-panel").shadowRoot.querySelector(".form-editor[data-pending]"), null, { timeout: T });
  return page.evaluate(() => {
    const p = document.querySelector("exam-incident-panel").shadowRoot;
    const list = (sel) => [...p.querySelectorAll(sel)].map((e) => ({ code: e.dataset.code, path: e.dataset.path, text: e.textContent }));
    return { ok: !!p.querySelector(".form-summary .ok"), errors: list(".form-editor .finding.error"), warnings: list(".form-editor .finding.warning") };
  });
}

export async function expectValid(page, label) {
  // the editor marks itself data-pending while a debounced validation is due
  await page.waitForFunction(() => {
    const root = document.querySelector("exam-incident-panel").shadowRoot;
    return !root.querySelector(".form-editor[data-pending]") && root.querySelector(".form-summary .ok");
  }, null, { timeout: T })
    .catch(async () => assert.fail(`${label}: form not valid: ${JSON.stringify(await findings(page))}`));
}

export async function events(page, name) {
  return page.evaluate((n) => window.__events.filter((e) => e.name === n), name);
}

/** Submits the current form and returns the report-ready event it fires. */
export async function submit(page, form) {
  const before = (await events(page, "report-ready")).length;
  await page.locator("exam-incident-panel .form-editor button[type=submit]").click();
  await page.waitForFunction((n) => window.__events.filter((e) => e.name === "report-ready").length > n, before, { timeout: T })
    .catch(async () => assert.fail(`${form}: no report-ready; findings ${JSON.stringify(await findings(page))}`));
  const ev = (await events(page, "report-ready")).at(-1);
  assert.equal(ev.detail.form, form);
  return ev.detail;
}

/** Runs axe-core in the page and returns serious/critical violations. */
export async function axe(page, source) {
  await page.evaluate(source);
  const res = await page.evaluate(async () => window.axe.run(document, { resultTypes: ["violations"] }));
  return res.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}
