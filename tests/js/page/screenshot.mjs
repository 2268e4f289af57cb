// Makes docs/console.png, the README's screenshot: the console at 1366×768 after typing
// 「3号考场突然停电」. Usage: node tests/js/page/screenshot.mjs  (after make pkg)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";
import { launch } from "./browser.mjs";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/console.png");
const srv = await startServer();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(`${srv.origin}/hosts/empty.html`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${srv.origin}/`);
  await page.locator("exam-incident-panel textarea").first().fill("3号考场突然停电，已经过了五分钟还没有来电");
  await page.locator("exam-incident-panel .classification .kind-title").waitFor({ timeout: 30_000 });
  await page.locator("exam-incident-panel .start-form input[name=room]").fill("3号考场");
  await page.locator("exam-incident-panel .start-form input[name=room]").blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await srv.close();
}
