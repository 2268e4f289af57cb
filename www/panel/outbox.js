// Reports that passed validation wait here, in localStorage, until the host acknowledges them
// (`detail.ack()` on report-ready): in an exam room where the network is jammed the portal may
// not be able to take a report at once, and a reload must not lose it.
import { nowIn } from "./dom.js";

export const OUTBOX_KEY = "exam-incident-panel/v1/outbox";

function read() {
  let v = null;
  try { v = JSON.parse(localStorage.getItem(OUTBOX_KEY) || "[]"); } catch { v = null; }
  return Array.isArray(v) ? v.filter((x) => x && typeof x === "object" && typeof x.outboxId === "string" && typeof x.form === "string") : [];
}

function write(items) {
  try {
    if (items.length) localStorage.setItem(OUTBOX_KEY, JSON.stringify(items));
    else localStorage.removeItem(OUTBOX_KEY);
  } catch (e) {
    throw Object.assign(new Error(e?.message || "storage"), { code: e?.name === "QuotaExceededError" ? "storage_full" : "storage_disabled" });
  }
}

function newId() {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return `o-${[...b].map((x) => x.toString(16).padStart(2, "0")).join("")}`;
}

/** Keeps a validated report; sets `item.outboxId` and `item.queuedAt`. Throws a storage error. */
export function outboxAdd(item) {
  item.outboxId = newId();
  item.queuedAt = nowIn(); // the plan's zone, with its offset, like every other time
  write([...read(), item]);
  return item;
}

/** Takes a report out of the outbox; false if it was not there. */
export function outboxAck(outboxId) {
  const items = read();
  const left = items.filter((x) => x.outboxId !== outboxId);
  if (left.length === items.length) return false;
  write(left);
  return true;
}

/** The reports not acknowledged yet, oldest first. */
export function outboxList() {
  return read();
}
