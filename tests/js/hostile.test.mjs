// Hostile values at every export and method (the table and runner are shared with the Chromium
// run, tests/js/page_hostile.test.mjs): each call returns or throws an Error with a code, a
// normal call still works after every one, and the SAME object still works (no wasm trap, no
// poisoned state, no object left borrowed). Then re-entrancy from the object's own callbacks.
import test from "node:test";
import assert from "node:assert/strict";
import ei from "./load.mjs";
import { runHostile, runReentrancy } from "./page/hosts/hostile.mjs";

test("every export, constructor and method survives every hostile value, alone and inside valid arguments", async () => {
  const { calls, failures } = await runHostile(ei);
  assert.ok(calls > 5000, `only ${calls} calls`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});

test("methods called from inside the object's reminder and storage-error callbacks work (no 'recursive use')", async () => {
  const { failures, seen } = await runReentrancy(ei);
  assert.deepEqual(failures, []);
  assert.ok(seen.reminder >= 1 && seen.storage >= 1, JSON.stringify(seen));
});
