// The Node boundary scripts in tests/node/ each fake a browser window (localStorage that fills up,
// timers), so each runs in a process of its own; a script fails by exiting non-zero.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const dir = new URL("../node/", import.meta.url);
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()) {
  test(`tests/node/${name}`, () => {
    const r = spawnSync(process.execPath, [new URL(name, dir).pathname], { encoding: "utf8", timeout: 120_000 });
    const failures = (r.stdout + r.stderr).split("\n").filter((l) => /^FAIL|Error/.test(l));
    assert.equal(r.status, 0, `exit ${r.status}\n${failures.join("\n")}\n${r.stderr.slice(-2000)}`);
    assert.ok(/^ok /m.test(r.stdout), "the script checked something");
  });
}
