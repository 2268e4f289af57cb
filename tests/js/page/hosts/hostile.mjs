// The hostile-value table and its runner, shared by tests/js/hostile.test.mjs (Node) and
// tests/js/page_hostile.test.mjs (headless Chromium, served as /hosts/hostile.mjs). Plain ES,
// no Node APIs. `runHostile(ei)` throws every hostile value at every export, constructor and
// method — alone and inside otherwise valid arguments — and checks that each call returns or
// throws an `Error` with a snake_case `code`, that the module still answers a normal call, and
// that the SAME object still works afterwards (no trap, no object left borrowed).
// It returns { calls, failures }: failures is a list of readable strings, empty when all is well.

const NOW = "2026-06-13T10:00:00+08:00";
const PERSON = { name: "王敏", role: "site_leader" };

function deep(n) {
  let v = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

function throwingProxy(label) {
  return new Proxy({}, {
    get(_, k) { if (k === Symbol.toPrimitive || k === "toJSON") return undefined; throw new Error(`${label} get boom`); },
    has() { throw new Error(`${label} has boom`); },
    ownKeys() { throw new Error(`${label} ownKeys boom`); },
    getOwnPropertyDescriptor() { throw new Error(`${label} descriptor boom`); },
    getPrototypeOf() { throw new Error(`${label} proto boom`); },
  });
}

/** name → value. Built fresh per run (some are big). */
export function hostileValues() {
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const nullProto = Object.create(null);
  nullProto.kind = "paper_leak";
  return {
    undefined: undefined, null: null, NaN: NaN, Infinity: -Infinity, negZero: -0, true: true,
    emptyString: "", hugeString: "考".repeat(2_000_000), nul: "\u0000\uffff",
    loneSurrogates: "\ud800考\udc00\udbff", surrogatesOnly: "\udc00".repeat(1000),
    number: 12345678901234567890, maxSafe: Number.MAX_SAFE_INTEGER + 2, tiny: 5e-324,
    array: [1, "x", null], arrayOfObjects: [{}, {}], holes, hugeArray: new Array(1_000_000).fill(0),
    emptyObject: {}, nullProto, deep: deep(20_000),
    deepObject: JSON.parse("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)),
    symbol: Symbol("s"), bigint: 10n, bigintInside: { kind: "paper_leak", n: 10n }, cyclic,
    fn: () => 1, throwing: throwingProxy("top"), revoked: revocable.proxy,
    badToJSON: { toJSON() { throw new Error("toJSON boom"); } },
    toJSONHuge: { toJSON() { return "x".repeat(20_000_000); } },
    toJSONCyclic: { toJSON() { return cyclic; } },
    toJSONSelf: { toJSON() { return this; } },
    getterThrows: { get kind() { throw new Error("kind getter boom"); }, discoveredAt: NOW },
    date: new Date(NaN), map: new Map([["a", 1]]), typed: new Uint8Array(4), stringObject: new String("paper_leak"),
    wrongTypes: { kind: 5, text: 7, facts: "x", discoveredAt: {}, at: [], form: null, signals: "fire" },
  };
}

/** Valid arguments per function; each position is replaced by each hostile value in turn. */
const FUNCTION_ARGS = {
  classify: [{ text: "3号考场停电", facts: { rooms_affected: 1 } }],
  guide: ["paper_leak"],
  validateReport: ["readiness_check", { site: "A" }, { now: NOW }],
  reportSchema: ["initial_report"],
  loadPlan: [null], // replaced below by the default plan text
  restoreSaved: ["r-0000000000000000"],
  removeSavedResponse: ["r-0000000000000000"],
};

const VALID_INIT = () => ({
  kind: "power_or_equipment_failure", discoveredAt: "2026-06-13T09:30", site: "A", room: "3",
  people: [PERSON, { name: "李强", role: "proctor" }], exam: { occupation: "电工", level: "四级" },
  anchors: { outage_started: "2026-06-13T09:28" }, note: "n",
});

const METHOD_ARGS = {
  steps: [NOW],
  complete: ["initial_report", "2026-06-13T09:38", { name: "李强", role: "site_staff" }, "note", undefined],
  decide: ["outage_decision", "restored_within_limit", "2026-06-13T09:50", undefined, "note", PERSON],
  requestApproval: ["superior_instruction", "2026-06-13T09:50", PERSON, "note"],
  skip: ["make_up_time", "2026-06-13T09:51", PERSON, "note"],
  setAnchor: ["outage_started", "2026-06-13T09:29", PERSON, "note"],
  reclassify: ["power_or_equipment_failure", "2026-06-13T09:52", PERSON, "note"],
  addNote: ["2026-06-13T09:41", "现场秩序正常", PERSON],
  summary: [NOW, 5],
  nextReminder: [NOW, 5],
  onReminder: [() => {}, 5],
  offReminder: [1],
  draftReport: ["initial_report"],
  phoneScript: [NOW, PERSON],
  onStorageError: [null],
};

export async function runHostile(ei, { log = () => {} } = {}) {
  const failures = [];
  let calls = 0;
  const H = hostileValues();
  const planText = ei.planJson();

  const sane = (label) => {
    try {
      if (ei.planInfo().kinds.length !== 16) failures.push(`${label}: planInfo changed`);
      if (ei.guide("paper_leak").kind !== "paper_leak") failures.push(`${label}: guide broken`);
    } catch (e) {
      failures.push(`${label}: a normal call failed afterwards: ${e?.code} ${e?.message}`);
    }
  };
  const check = (label, call) => {
    calls++;
    let threw;
    let result;
    try {
      result = call();
    } catch (e) {
      threw = { e };
    }
    if (threw) {
      const { e } = threw;
      if (!(e instanceof Error)) failures.push(`${label}: threw a non-Error ${String(e)}`);
      else if (typeof e.code !== "string" || !/^[a-z][a-z0-9_]*$/.test(e.code)) failures.push(`${label}: Error without code: ${e.message.slice(0, 200)}`);
      else if (/recursive use|borrowed|unreachable|RuntimeError/i.test(e.message)) failures.push(`${label}: ${e.message}`);
    }
    return { result, error: threw?.e };
  };
  // The same object must still answer; its log must still verify.
  const stillWorks = (label, obj) => {
    try {
      if (!Array.isArray(obj.steps(NOW))) failures.push(`${label}: steps() not an array afterwards`);
      if (obj.verifyLog() !== true) failures.push(`${label}: the log no longer verifies`);
      const saved = obj.toJSON();
      if (!Array.isArray(saved.log)) failures.push(`${label}: toJSON() broken afterwards`);
      obj.addNote(NOW, "still here");
    } catch (e) {
      failures.push(`${label}: the same object failed afterwards: ${e?.code} ${e?.message}`);
    }
  };

  // 1. Every exported function, every hostile value alone and in every position of valid args.
  const functions = Object.entries(ei).filter(([n, f]) => typeof f === "function" && !/^[A-Z]/.test(n) && !["default", "initSync"].includes(n));
  if (functions.length < 5) failures.push(`only ${functions.length} exports found`);
  for (const [name, f] of functions) {
    const base = name === "loadPlan" ? [planText] : FUNCTION_ARGS[name] ?? Array.from({ length: Math.max(f.length, 1) }, () => undefined);
    const arity = Math.max(base.length, f.length, 1);
    for (const [vname, v] of Object.entries(H)) {
      for (let pos = 0; pos < arity; pos++) {
        const alone = Array.from({ length: arity }, (_, i) => (i === pos ? v : undefined));
        check(`${name}(${vname} alone at ${pos})`, () => f(...alone));
        const inValid = base.map((b, i) => (i === pos ? v : b));
        check(`${name}(${vname} at ${pos} of valid args)`, () => f(...inValid));
      }
    }
    ei.resetPlan();
    sane(`after ${name}`);
    log(`${name}: done`);
  }
  // Hostile values inside otherwise valid arguments.
  for (const [vname, v] of Object.entries(H)) {
    check(`classify({text: ${vname}})`, () => ei.classify({ text: v }));
    check(`classify({facts: {signals: [${vname}]}})`, () => ei.classify({ facts: { signals: ["fire", v] } }));
    check(`validateReport(initial_report, {reporter: ${vname}})`, () => ei.validateReport("initial_report", { summary: "s", reporter: v }));
  }
  sane("after nested values");

  // 2. The class: constructor with each init field hostile, then every method of ONE object.
  const classes = Object.entries(ei).filter(([n, f]) => typeof f === "function" && /^[A-Z]/.test(n));
  for (const [name, C] of classes) {
    for (const [vname, v] of Object.entries(H)) {
      check(`new ${name}(${vname})`, () => new C(v));
      for (const key of Object.keys(VALID_INIT())) {
        const init = VALID_INIT();
        init[key] = v;
        const { result } = check(`new ${name}({${key}: ${vname}})`, () => new C(init));
        result?.free?.();
      }
    }
    // people as a proxy whose getters throw, and a person inside it
    for (const people of [throwingProxy("people"), [PERSON, throwingProxy("person")], new Proxy([PERSON], { get(t, k) { if (k === "0") throw new Error("index boom"); return Reflect.get(t, k); } })]) {
      const { result } = check(`new ${name}({people: proxy})`, () => new C({ ...VALID_INIT(), people }));
      result?.free?.();
    }
    if (name !== "IncidentResponse") continue;
    const obj = new C(VALID_INIT());
    const isMethod = (o, m) => typeof Object.getOwnPropertyDescriptor(o, m)?.value === "function";
    const methods = Object.getOwnPropertyNames(C.prototype).filter((m) => !["constructor", "free", "dispose"].includes(m) && !m.startsWith("__") && isMethod(C.prototype, m));
    for (const m of methods) {
      const base = METHOD_ARGS[m] ?? [];
      const arity = Math.max(base.length, C.prototype[m].length, 1);
      for (const [vname, v] of Object.entries(H)) {
        for (let pos = 0; pos < arity; pos++) {
          const alone = Array.from({ length: arity }, (_, i) => (i === pos ? v : undefined));
          check(`${name}#${m}(${vname} alone at ${pos})`, () => obj[m](...alone));
          const inValid = base.map((b, i) => (i === pos ? v : b));
          if (base.length) check(`${name}#${m}(${vname} at ${pos} of valid args)`, () => obj[m](...inValid));
        }
        if (m === "onReminder") obj.dispose();
      }
      stillWorks(`${name}#${m}`, obj);
      log(`${name}#${m}: done`);
    }
    // Errors in a tight loop, then a normal call on the same object.
    for (let i = 0; i < 2000; i++) {
      check(`tight loop ${i}`, () => obj.complete("no_such_step", "bad time", H.throwing));
      check(`tight loop b ${i}`, () => obj.addNote(H.cyclic, H.symbol));
    }
    stillWorks(`${name} after 4000 errors`, obj);
    const statics = Object.getOwnPropertyNames(C).filter((m) => !["length", "name", "prototype"].includes(m) && !m.startsWith("__") && isMethod(C, m));
    for (const m of statics) {
      for (const [vname, v] of Object.entries(H)) {
        const { result } = check(`${name}.${m}(${vname})`, () => C[m](v));
        result?.free?.();
      }
    }
    // fromJSON of the object's own saved form with hostile values spliced in.
    const saved = obj.toJSON();
    for (const [vname, v] of Object.entries(H)) {
      for (const key of ["log", "head", "version", "plan"]) {
        const { result } = check(`${name}.fromJSON({${key}: ${vname}})`, () => C.fromJSON({ ...saved, [key]: v }));
        result?.free?.();
      }
    }
    const back = check(`${name}.fromJSON(toJSON())`, () => C.fromJSON(saved)).result;
    if (!back || JSON.stringify(back.toJSON()) !== JSON.stringify(saved)) failures.push(`${name}: fromJSON(toJSON()) does not round-trip after the hostile run`);
    back?.free?.();
    obj.free();
  }
  sane("at the end");
  return { calls, failures };
}

/**
 * Re-entrancy: methods of the same object called from inside its own reminder and storage-error
 * callbacks. `storageFails` says whether saving fails where this runs (Node: no localStorage).
 */
export async function runReentrancy(ei) {
  const failures = [];
  const seen = { reminder: 0, storage: 0 };
  const NOW = new Date().toISOString(); // this test runs on the real clock (reminders)
  const inside = (label, r) => {
    try {
      r.steps(NOW);
      r.log();
      r.toJSON();
      r.summary(NOW, 5);
      r.storageStatus();
      r.addNote(NOW, `from ${label}`);
      r.verifyLog() || failures.push(`${label}: log broken`);
    } catch (e) {
      failures.push(`${label}: ${e?.code ?? "no code"} ${e?.message}`);
    }
  };
  // discovered an hour ago: the initial report is overdue, announced on the next turn
  const t = new Date(Date.now() - 3600_000);
  const r = new ei.IncidentResponse({ kind: "power_or_equipment_failure", discoveredAt: t.toISOString(), site: "A" });
  r.onStorageError((err) => {
    seen.storage++;
    if (!(err instanceof Error) || typeof err.code !== "string") failures.push(`storage handler got ${String(err)}`);
    inside("storage-error handler", r); // changes the response again: its autosave fails again
  });
  r.onReminder((rem) => {
    seen.reminder++;
    inside("reminder callback", r);
    try {
      r.complete("initial_report", NOW, { name: "李强", role: "site_staff" });
    } catch (e) {
      if (typeof e?.code !== "string" || /recursive/.test(e.message)) failures.push(`complete in reminder: ${e?.message}`);
    }
    throw new Error("a throwing reminder callback");
  });
  r.onReminder(() => { throw new Error("second subscriber throws too"); });
  await new Promise((res) => setTimeout(res, 600));
  if (seen.reminder < 1) failures.push("no reminder delivered");
  inside("after callbacks", r);
  r.dispose();
  r.free();
  return { failures, seen };
}
