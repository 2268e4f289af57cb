// docs/api.md is the JS contract inside the project (issue 12, item 4). This keeps it true: the
// exports, class members and types it documents are exactly those of pkg/exam_incident.d.ts, its
// error codes exactly those src/error.rs can throw, its form fields exactly those each form's
// reportSchema has, and the kind-specific details it names are fields the plan reads.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import ei from "./load.mjs";

const read = (p) => fs.readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");
const doc = read("docs/api.md");
const dts = read("pkg/exam_incident.d.ts");
const sorted = (xs) => [...new Set(xs)].sort();

/** The text of the `## title` section (up to the next `## `). */
function section(title) {
  const start = doc.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `docs/api.md has a "## ${title}" section`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** First-column names of the markdown table rows in `text`: "| `name` |". */
const tableNames = (text) => [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);

// ---- what the package has ----
function published() {
  const functions = [...dts.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  if (/export default function __wbg_init/.test(dts)) functions.push("init");
  const members = [];
  for (const m of dts.matchAll(/^export class (\w+) \{([\s\S]*?)^\}/gm)) {
    const body = m[2].replace(/\/\*\*[\s\S]*?\*\//g, "");
    for (const line of body.split("\n")) {
      const l = line.trim();
      if (!l || l.startsWith("[Symbol.")) continue;
      if (l.startsWith("constructor(")) { members.push(`new ${m[1]}`); continue; }
      const s = l.match(/^static (\w+)\(/);
      if (s) { members.push(`${m[1]}.${s[1]}`); continue; }
      const i = l.match(/^(?:readonly )?(\w+)[(:]/);
      if (i) members.push(`${m[1]}#${i[1]}`);
    }
  }
  const classes = [...dts.matchAll(/^export class (\w+)/gm)].map((m) => m[1]);
  const types = [...dts.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  return { functions: sorted(functions), members: sorted(members), types: sorted([...types, ...classes]) };
}

// ---- what the page documents ----
function documented() {
  const functions = [];
  const members = [];
  for (const m of doc.matchAll(/^### `([^`]+)`/gm)) {
    const h = m[1];
    let x;
    if ((x = h.match(/^new (\w+)\(/))) members.push(`new ${x[1]}`);
    else if ((x = h.match(/^([A-Z]\w*)\.(\w+)\(/))) members.push(`${x[1]}.${x[2]}`);
    else if ((x = h.match(/^([A-Z]\w*)#(\w+)/))) members.push(`${x[1]}#${x[2]}`);
    else if ((x = h.match(/^(\w+)\(/))) functions.push(x[1]);
  }
  return { functions: sorted(functions), members: sorted(members), types: sorted(tableNames(section("Types"))) };
}

test("every export of the package is documented, and nothing that does not exist", () => {
  const has = published();
  const says = documented();
  assert.ok(has.functions.includes("classify") && has.members.includes("Plan#startResponse"), "the .d.ts was read");
  assert.deepEqual(says.functions, has.functions, "module functions");
  assert.deepEqual(says.members, has.members, "class constructors, static and instance members");
});

test("every type of the .d.ts is in the Types table, and nothing else", () => {
  const has = published();
  const says = documented();
  assert.ok(has.types.length > 50, `${has.types.length} types read`);
  assert.deepEqual(says.types, has.types);
});

/** Every code `Error::code()` can return: its literals, and the storage codes it passes through. */
function errorCodes() {
  const src = read("src/error.rs");
  const body = src.slice(src.indexOf("pub fn code(&self)"), src.indexOf("pub fn message(&self)"));
  const codes = [...body.matchAll(/=> "([a-z_]+)"/g)].map((m) => m[1]);
  const store = read("src/response/store.rs");
  codes.push(...[...store.matchAll(/"(storage_[a-z_]+)"/g)].map((m) => m[1]));
  return sorted(codes);
}

test("the Error codes table lists exactly the codes the component throws, and Throws… names only those", () => {
  const codes = errorCodes();
  assert.ok(codes.includes("plan_mismatch") && codes.includes("storage_full"), codes.join());
  assert.deepEqual(sorted(tableNames(section("Error codes"))), codes);
  // Codes are snake_case with at least one underscore; argument names in the same sentences are not.
  const named = [...doc.matchAll(/Throws([^.]*)\./g)].flatMap((m) => [...m[1].matchAll(/`([a-z]+_[a-z_]+)`/g)].map((x) => x[1]));
  assert.ok(named.length > 20, `${named.length} codes named after "Throws"`);
  assert.deepEqual(named.filter((c) => !codes.includes(c)), []);
});

/** `a`, `a.b`, `a[].b`: every property of the schema, nested objects and array items included. */
function schemaFields(schema, prefix = "", out = []) {
  for (const [k, v] of Object.entries(schema.properties || {})) {
    const name = prefix ? `${prefix}.${k}` : k;
    out.push(name);
    schemaFields(v, name, out);
    if (v.items) schemaFields(v.items, `${name}[]`, out);
  }
  return out;
}

const FORMS = ["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"];

test("each form's field table is exactly the fields of its reportSchema", () => {
  const forms = section("Forms");
  for (const form of FORMS) {
    const start = forms.indexOf(`\n### \`${form}\`\n`);
    assert.ok(start >= 0, `### \`${form}\``);
    const next = forms.slice(start + 1).search(/\n#{3,4} /);
    const table = forms.slice(start, next < 0 ? undefined : start + 1 + next);
    assert.deepEqual(sorted(tableNames(table)), sorted(schemaFields(ei.reportSchema(form))), form);
  }
});

test("the kind-specific details named for initial_report are fields the plan's forms read", () => {
  const forms = section("Forms");
  const start = forms.indexOf("#### `details` by kind");
  assert.ok(start >= 0);
  const block = forms.slice(start, forms.indexOf("\n### ", start));
  const rows = block.split("\n").filter((l) => /^\| `[a-z_]+` \|/.test(l));
  assert.ok(rows.length >= 3);
  const plan = JSON.parse(ei.planJson());
  const variant = plan.forms.forms.initial_report.rules.map((r) => r.check.variant).find((v) => v && v.field === "/details");
  for (const row of rows) {
    const [kind, fields] = row.split("|").slice(1, 3);
    const id = kind.trim().replace(/`/g, "");
    const known = Object.keys(variant.cases[id]?.fields || {});
    assert.ok(known.length, `the plan has details for ${id}`);
    const named = [...fields.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]).filter((f) => !["paper", "answer_sheet"].includes(f));
    assert.deepEqual(named.filter((f) => !known.includes(f)), [], id);
  }
});
