// Debian's Chromium driven by playwright-core, as TOOLCHAIN.md says: fixed flags, a fresh
// profile directory, removed at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** `options` go to the context (a phone: { viewport, isMobile: true, hasTouch: true }). */
export async function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ei-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium", headless: true, args: ARGS,
    viewport: { width: 1366, height: 768 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records everything that should not happen: console errors, page errors,
 * CSP violations, requests leaving `origin`. `page.problems()` returns them.
 */
export async function watchedPage(context, origin) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin + "/") && !u.startsWith("blob:") && !u.startsWith("data:")) problems.push(`request off origin: ${u}`);
  });
  await page.exposeBinding("__reportCsp", (_src, v) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
    window.__events = [];
    for (const name of ["incident-classified", "incident-step", "report-ready", "storage-error"]) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: JSON.parse(JSON.stringify(e.detail ?? null)) }));
    }
  });
  page.problems = () => problems.slice();
  return page;
}

export function artifacts(name) {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../artifacts");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
