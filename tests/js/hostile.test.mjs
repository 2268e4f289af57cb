// Hostile values at every export and method: each call returns or throws an Error with a code,
// and a normal call still works after every one (no wasm trap, no poisoned state).
import test from "node:test";
import assert from "node:assert/strict";
import ei from "./load.mjs";

function deep(n) {
  let v = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}
const cyclic = { a: 1 };
cyclic.self = cyclic;
const throwing = new Proxy({}, {
  get() { throw new Error("getter boom"); },
  ownKeys() { throw new Error("ownKeys boom"); },
  getOwnPropertyDescriptor() { throw new Error("descriptor boom"); },
});
const badToJSON = { toJSON() { throw new Error("toJSON boom"); } };

const HOSTILE = {
  undefined: undefined, null: null, NaN: NaN, Infinity: -Infinity, negZero: -0, true: true,
  emptyString: "", hugeString: "考".repeat(2_000_000), nul: "\u0000\uffff\ud800",
  number: 12345678901234567890, array: [1, "x", null], arrayOfObjects: [{}, {}],
  emptyObject: {}, deep: deep(20_000), deepObject: JSON.parse("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)),
  symbol: Symbol("s"), bigint: 10n, cyclic, fn: () => 1, throwing, badToJSON,
  date: new Date(NaN), map: new Map([["a", 1]]), typed: new Uint8Array(4),
  wrongTypes: { kind: 5, text: 7, facts: "x", discoveredAt: {}, at: [], form: null, signals: "fire" },
};

const VALID_INSTANCES = {
  IncidentResponse: () => new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:30", site: "A", room: "3" }),
};

function sane() {
  assert.equal(ei.planInfo().kinds.length, 16);
  assert.equal(ei.guide("paper_leak").kind, "paper_leak");
}

function check(label, call) {
  let threw;
  try {
    call();
  } catch (e) {
    threw = e;
  }
  if (threw !== undefined) {
    assert.ok(threw instanceof Error, `${label}: threw a non-Error ${String(threw)}`);
    assert.equal(typeof threw.code, "string", `${label}: Error without code: ${threw.message}`);
    assert.match(threw.code, /^[a-z][a-z0-9_]*$/, label);
  }
  sane();
}

const functions = Object.entries(ei).filter(
  ([name, f]) => typeof f === "function" && !/^[A-Z]/.test(name) && !["default", "initSync"].includes(name),
);

test("every exported function survives every hostile value in every position", () => {
  assert.ok(functions.length >= 5, functions.map(([n]) => n).join());
  for (const [name, f] of functions) {
    if (name === "resetPlan" || name === "planJson" || name === "planInfo") continue; // take no arguments
    const arity = Math.max(f.length, 1);
    for (const [vname, v] of Object.entries(HOSTILE)) {
      for (let pos = 0; pos < arity; pos++) {
        const args = Array.from({ length: arity }, (_, i) => (i === pos ? v : undefined));
        check(`${name}(${vname} at ${pos})`, () => f(...args));
      }
    }
    ei.resetPlan();
  }
});

const classes = Object.entries(ei).filter(([name, f]) => typeof f === "function" && /^[A-Z]/.test(name));

test("every class constructor and method survives every hostile value", () => {
  for (const [name, C] of classes) {
    for (const [vname, v] of Object.entries(HOSTILE)) check(`new ${name}(${vname})`, () => new C(v));
    const factory = VALID_INSTANCES[name];
    if (!factory) continue;
    const isMethod = (o, m) => typeof Object.getOwnPropertyDescriptor(o, m)?.value === "function";
    const methods = Object.getOwnPropertyNames(C.prototype).filter((m) => !["constructor", "free", "dispose"].includes(m) && !m.startsWith("__") && isMethod(C.prototype, m));
    for (const m of methods) {
      const obj = factory();
      const arity = Math.max(Object.getOwnPropertyDescriptor(C.prototype, m).value.length, 1);
      for (const [vname, v] of Object.entries(HOSTILE)) {
        for (let pos = 0; pos < arity; pos++) {
          const args = Array.from({ length: arity }, (_, i) => (i === pos ? v : undefined));
          check(`${name}#${m}(${vname} at ${pos})`, () => obj[m](...args));
        }
      }
      // The object itself still answers after all that.
      if (typeof obj.verifyLog === "function") assert.equal(obj.verifyLog(), true, `${name}#${m} left the log broken`);
      if (typeof obj.steps === "function") assert.ok(Array.isArray(obj.steps("2026-06-13T10:00:00+08:00")));
      obj.free?.();
    }
    const statics = Object.getOwnPropertyNames(C).filter((m) => !["length", "name", "prototype"].includes(m) && !m.startsWith("__") && isMethod(C, m));
    for (const m of statics) {
      for (const [vname, v] of Object.entries(HOSTILE)) check(`${name}.${m}(${vname})`, () => C[m](v));
    }
  }
});
