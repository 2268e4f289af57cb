// Saved incidents. IncidentResponse saves itself to localStorage at every change; this module
// lists, restores and deletes what is there through the package's functions.
import { ei } from "./engine.js";

/** { responses: SavedInfo[], quarantined: [] }, newest discovery first. */
export function listSaved() {
  return ei.savedResponses();
}

/** The saved response with this id, as an IncidentResponse under `plan` (the panel's own;
 * a response saved under another plan is refused with `plan_mismatch`). */
export function restoreSaved(plan, id) {
  return plan.restoreResponse(id);
}

export function removeSaved(id) {
  return ei.removeSavedResponse(id);
}

/** Saves now (the class also saves on every change). Throws a storage error with a code. */
export function save(r) {
  return r.save();
}

export function idOf(r) {
  return typeof r.id === "function" ? r.id() : r.id;
}
