// Saved incidents. The response class saves itself to localStorage (autosave); this module
// lists, restores, deletes and exports what is there, through the package's own functions
// where it has them and through toJSON/fromJSON under the package's key prefix otherwise.
import { ei } from "./engine.js";

export const PREFIX = "exam-incident/v1/response/";
const Cls = () => ei.IncidentResponse;

function storage() {
  try { return window.localStorage; } catch { return null; }
}

/** [{id, kind, discoveredAt, site?, room?, entries?}] newest first; quarantined entries apart. */
export function listSaved() {
  const C = Cls();
  for (const name of ["listSaved", "saved", "list"]) {
    if (typeof C?.[name] === "function") {
      const out = C[name]();
      return Array.isArray(out) ? { responses: out, quarantined: [] } : { responses: out.responses || [], quarantined: out.quarantined || [] };
    }
  }
  const ls = storage();
  if (!ls) throw Object.assign(new Error("storage is not available"), { code: "storage_disabled" });
  const responses = [];
  for (let i = 0; i < ls.length; i++) {
    const key = ls.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const o = JSON.parse(ls.getItem(key));
      const log = o.log || [];
      const open = log[0]?.open || {};
      responses.push({ id: key.slice(PREFIX.length), key, kind: open.kind, discoveredAt: log[0]?.at, site: open.site, room: open.room, entries: log.length, lastAt: log[log.length - 1]?.at });
    } catch { /* unreadable: leave it for the package to quarantine */ }
  }
  responses.sort((a, b) => String(b.discoveredAt).localeCompare(String(a.discoveredAt)));
  return { responses, quarantined: [] };
}

/** The saved response with this id, as an IncidentResponse. */
export function restoreSaved(id) {
  const C = Cls();
  for (const name of ["restore", "load", "open"]) if (typeof C?.[name] === "function") return C[name](id);
  const text = storage()?.getItem(PREFIX + id);
  if (text == null) throw Object.assign(new Error(`no saved response ${id}`), { code: "not_found" });
  return C.fromJSON(JSON.parse(text));
}

export function removeSaved(id) {
  const C = Cls();
  for (const name of ["remove", "delete", "removeSaved", "deleteSaved"]) if (typeof C?.[name] === "function") return C[name](id);
  storage()?.removeItem(PREFIX + id);
}

/** Saves now, unless the class saves itself. Throws a storage error with a code. */
export function save(r) {
  if (typeof r.save === "function") return r.save();
  if (r.autosave === true || typeof Cls()?.restore === "function") return undefined;
  const id = typeof r.id === "function" ? r.id() : r.id ?? r.toJSON()?.log?.[0]?.open?.id;
  try {
    storage().setItem(PREFIX + id, JSON.stringify(r.toJSON()));
  } catch (e) {
    throw Object.assign(new Error(String(e?.message || e)), { code: e?.name === "QuotaExceededError" ? "storage_full" : "storage_error" });
  }
  return undefined;
}

/** The response's id, from whatever the class offers. */
export function idOf(r) {
  if (typeof r.id === "function") return r.id();
  if (typeof r.id === "string") return r.id;
  return r.toJSON()?.log?.[0]?.open?.id;
}
