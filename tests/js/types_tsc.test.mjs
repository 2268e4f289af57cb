// The published types compile (issue 12, item 7): the README's examples, written as TypeScript in
// tests/ts/readme.ts, pass `tsc --strict --noEmit` against pkg/exam_incident.d.ts with the
// declaration file itself checked (no skipLibCheck), and a wrong call is caught, so the names the
// examples use are real types, not `any`.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const tsc = path.join(root, "node_modules/typescript/bin/tsc");
const FLAGS = ["--strict", "--noEmit", "--target", "es2022", "--lib", "es2022,dom,esnext.disposable",
  "--module", "esnext", "--moduleResolution", "bundler", "--pretty", "false"];

function compile(file) {
  const r = spawnSync(process.execPath, [tsc, ...FLAGS, file], { cwd: root, encoding: "utf8" });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test("typescript, a devDependency, is installed", () => {
  assert.ok(fs.existsSync(tsc), "node_modules/typescript is missing: run `npm ci` (package-lock.json lists it)");
});

test("the README's examples compile under tsc --strict with the .d.ts checked", { skip: !fs.existsSync(tsc) && "typescript is not installed" }, () => {
  assert.doesNotMatch(FLAGS.join(" "), /skipLibCheck/);
  const r = compile("tests/ts/readme.ts");
  assert.equal(r.out.trim(), "", r.out);
  assert.equal(r.status, 0);
});

test("a call that does not match the types is an error (the types are checked, not any)", { skip: !fs.existsSync(tsc) && "typescript is not installed" }, () => {
  const dir = fs.mkdtempSync(path.join(root, "tests/ts/.tmp-"));
  try {
    const file = path.join(dir, "wrong.ts");
    fs.writeFileSync(file, [
      'import * as ei from "../../../pkg/exam_incident.js";',
      "const plan = ei.Plan.default();",
      "const n: number = plan.info().id;",
      'plan.validateReport("no_such_form", {});',
      'const r = plan.startResponse({ kind: "paper_leak", discoveredAt: "2026-06-13T09:30", anchors: new Map() });',
      "const c: ei.FormCond = { path: 3 };",
      "export { n, r, c };",
    ].join("\n"));
    const r = compile(path.relative(root, file));
    assert.notEqual(r.status, 0);
    for (const line of [3, 4, 5, 6]) assert.match(r.out, new RegExp(`wrong\\.ts\\(${line},`), `line ${line} flagged:\n${r.out}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("every type the .d.ts names is declared exactly once", () => {
  const dts = fs.readFileSync(new URL("../../pkg/exam_incident.d.ts", import.meta.url), "utf8");
  const declared = [...dts.matchAll(/^export (?:interface|type|class|declare class|enum) (\w+)/gm)].map((m) => m[1]);
  const seen = new Map();
  for (const n of declared) seen.set(n, (seen.get(n) || 0) + 1);
  assert.deepEqual([...seen].filter(([, c]) => c > 1), []);
  for (const n of ["Role", "Anchor", "Messages", "FormCond", "ClassifierCond", "FormRule", "ClassifierRule", "Plan", "ExamIncidentError"]) {
    assert.ok(seen.has(n), `${n} is declared`);
  }
});
