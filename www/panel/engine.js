// The one place that talks to the wasm package. The package is found from this module's own URL
// (../pkg/ beside panel/), so the element works from any base path; a part that fails to load is
// named in the error, so the portal's integrator sees which URL to fix. Each capability is looked
// up by name, so the panel still works (with a clear message) when a build lacks an export.
import { t } from "./i18n.js";
import { zoneLabel, inZone } from "./dom.js";

export const GLUE_URL = new URL("../pkg/exam_incident.js", import.meta.url).href;
export const WASM_URL = new URL("../pkg/exam_incident_bg.wasm", import.meta.url).href;

/** The package's exports once load() has resolved (a live binding: importers see the update). */
export let ei = {};

// Both requests start when this module is first evaluated, side by side, not when the first panel
// connects and not one after the other: on a 150 ms-round-trip phone network each level of the
// module → glue → wasm chain is a round trip, and the .wasm is most of the bytes. A page that
// preloads the .wasm (`<link rel="preload" as="fetch" crossorigin>`) has this fetch served from
// that preload. Failures are only reported when load() is called.
const glue = import(GLUE_URL);
const wasm = fetch(WASM_URL, { credentials: "same-origin" });
glue.catch(() => {});
wasm.catch(() => {});

let ready;
/** Loads the glue and initialises the wasm module once. Rejects with {code: "load_failed", url}. */
export function load() {
  ready ??= (async () => {
    let mod;
    try {
      mod = await glue;
    } catch (e) {
      throw loadFailed(GLUE_URL, e?.message);
    }
    let res;
    try {
      res = await wasm;
    } catch (e) {
      throw loadFailed(WASM_URL, e?.message);
    }
    if (!res.ok) throw loadFailed(WASM_URL, `HTTP ${res.status}`);
    try {
      // A Response: the glue compiles it while it streams in (needs `application/wasm`).
      await mod.default({ module_or_path: res });
    } catch (e) {
      throw loadFailed(WASM_URL, e?.message);
    }
    ei = mod;
    return mod;
  })();
  return ready;
}

function loadFailed(url, why) {
  const e = new Error(`${url}: ${why || "failed"}`);
  e.code = "load_failed";
  e.url = url;
  e.text = { zh: `无法加载 ${url}（${why || "失败"}）`, en: `could not load ${url} (${why || "failed"})` };
  return e;
}

/** True when the package exports `name` (a function or class). */
export function has(name) {
  return typeof ei[name] === "function";
}

// Fields a `too_large` error names by their path, said in words (the limits are the library's).
const FIELD_WORDS = {
  "by.name": ["您的姓名", "Your name"], "approvedBy.name": ["批准人姓名", "The approver's name"],
  site: ["考点", "The exam site"], room: ["考场", "The exam room"], note: ["事件描述", "The description"],
};

/** The error's bilingual text, whatever shape it came in. */
export function errorText(e, lang) {
  const words = e?.code === "too_large" && Object.hasOwn(FIELD_WORDS, e.params?.field || "") ? FIELD_WORDS[e.params.field] : null;
  if (words) return lang === "en" ? `${words[1]} is too long (at most ${e.params.limit} characters)` : `${words[0]}过长（最多 ${e.params.limit} 个字）`;
  if (e && e.text && typeof e.text === "object") return e.text[lang] || e.text.zh || String(e.message);
  if (e && e.message) return String(e.message);
  if (e && e.code) return String(e.code);
  return String(e);
}

/** A time the core refused, in the panel's words where it has them: `future_time` names the
 * field by its label and says what time it is in the plan's zone. */
export function timeErrorText(e, label, lang) {
  if (e?.code === "future_time" && typeof e.params?.now === "string") return t("futureTime", lang, { field: label, zone: zoneLabel(lang), now: inZone(e.params.now) });
  return errorText(e, lang);
}
