// The one place that talks to the wasm package. Each capability is looked up by name, so the
// panel still works (with a clear message) when a build lacks an export.
import init, * as ei from "../pkg/exam_incident.js";

let ready;
/** Initialises the wasm module once (fetches exam_incident_bg.wasm next to the glue). */
export function load() {
  ready ??= init({ module_or_path: new URL("../pkg/exam_incident_bg.wasm", import.meta.url) }).then(() => ei);
  return ready;
}

export { ei };

/** True when the package exports `name` (a function or class). */
export function has(name) {
  return typeof ei[name] === "function";
}

/** The error's bilingual text, whatever shape it came in. */
export function errorText(e, lang) {
  if (e && e.text && typeof e.text === "object") return e.text[lang] || e.text.zh || String(e.message);
  if (e && e.message) return String(e.message);
  if (e && e.code) return String(e.code);
  return String(e);
}
