// DOM helpers. Every string goes in as a text node or a property: nothing here parses HTML,
// so text a proctor typed or a plan supplied can never become markup.

let uid = 0;
/** A fresh id for label/for and aria-describedby pairs (unique in the shadow root). */
export function nextId(prefix = "f") {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * h("button", { class: "x", type: "button", onclick: fn, aria: { pressed: "true" } }, "text", node)
 * Attributes are set with setAttribute (never `style`: the CSP forbids inline styles), `on*`
 * keys add listeners, `props` sets DOM properties (value, checked).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "props") Object.assign(el, v);
    else if (k === "aria") for (const [a, av] of Object.entries(v)) { if (av !== undefined && av !== null) el.setAttribute(`aria-${a}`, String(av)); }
    else if (k === "data") for (const [a, av] of Object.entries(v)) el.dataset[a] = String(av);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null/undefined/false. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A <label> + control pair in a wrapper; returns { wrap, control, msg } with msg for findings. */
export function field(labelText, control, { hint } = {}) {
  if (!control.id) control.id = nextId();
  const label = h("label", { for: control.id }, labelText);
  const msg = h("div", { class: "msgs", id: nextId("m"), "aria-live": "polite" });
  control.setAttribute("aria-describedby", msg.id);
  const wrap = h("div", { class: "field" }, label, hint ? h("small", { class: "hint" }, hint) : null, control, msg);
  return { wrap, control, msg, label };
}

export function debounce(fn, ms) {
  let t;
  const d = (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  d.flush = (...a) => { clearTimeout(t); fn(...a); };
  d.cancel = () => clearTimeout(t);
  return d;
}

// One clock for the whole console: the plan's zone. The datetime inputs hold wall-clock time
// without a zone, and the core reads such a time in the plan's zone, so defaults must be
// written there too — never in the browser's own zone (a console in UTC or New York would
// otherwise start an incident 8 or 13 hours in the past).
let zone = "+08:00";

/** Sets the zone (the plan's `timezone`, "+08:00" or "Z") that every time below is written in. */
export function setZone(offset) {
  if (typeof offset === "string" && offsetMinutes(offset) !== null) zone = offset;
}

function offsetMinutes(offset) {
  if (offset === "Z" || offset === "UTC") return 0;
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** The wall clock in `offset` at `ms`: [year, month, day, hour, minute, second] as strings. */
function wall(ms, offset) {
  const d = new Date(ms + (offsetMinutes(offset) ?? 480) * 60000);
  const p = (n) => String(n).padStart(2, "0");
  return [String(d.getUTCFullYear()).padStart(4, "0"), p(d.getUTCMonth() + 1), p(d.getUTCDate()), p(d.getUTCHours()), p(d.getUTCMinutes()), p(d.getUTCSeconds())];
}

/** "YYYY-MM-DDTHH:MM" for a datetime-local input: now (or a Date / epoch ms) in the plan's zone. */
export function localInput(d = Date.now()) {
  const [y, mo, da, h, mi] = wall(d instanceof Date ? d.getTime() : d, zone);
  return `${y}-${mo}-${da}T${h}:${mi}`;
}

/** "now" as RFC 3339 in the given offset (default: the plan's zone), to the second. */
export function nowIn(offset = zone, ms = Date.now()) {
  const [y, mo, da, h, mi, s] = wall(ms, offset);
  return `${y}-${mo}-${da}T${h}:${mi}:${s}${offset === "UTC" ? "Z" : offset}`;
}

/** The zone as an RFC 3339 offset ("+08:00", "Z"). */
export function zoneOffset() {
  return zone === "UTC" ? "Z" : zone;
}

/** How the zone is named beside every time input: 北京时间 UTC+8 for the plan's +08:00. */
export function zoneLabel(lang) {
  const m = offsetMinutes(zone) ?? 480;
  const hh = Math.trunc(Math.abs(m) / 60);
  const mm = Math.abs(m) % 60;
  const utc = m === 0 ? "UTC" : `UTC${m < 0 ? "-" : "+"}${hh}${mm ? `:${String(mm).padStart(2, "0")}` : ""}`;
  if (m === 480) return lang === "en" ? `Beijing time, ${utc}` : `北京时间 ${utc}`;
  return lang === "en" ? `time in ${utc}` : `${utc} 时间`;
}

/** A time input's label with the zone its value is read in: 发现时间（北京时间 UTC+8）. */
export function timeLabel(text, lang) {
  return lang === "en" ? `${text} (${zoneLabel(lang)})` : `${text}（${zoneLabel(lang)}）`;
}

/** A datetime-local value ("YYYY-MM-DDTHH:MM[:SS]", the plan's wall clock) as RFC 3339 with the
 * plan's offset, to the second; anything else comes back as it is. Nothing leaves the panel zone-less. */
export function withZone(v) {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(:\d\d)?(\.\d+)?$/.exec(typeof v === "string" ? v : "");
  return m ? `${m[1]}${m[2] || ":00"}${zoneOffset()}` : v;
}

/** An RFC 3339 time shown as the plan's wall clock, "YYYY-MM-DD HH:MM[:SS]" (as given if unreadable). */
export function inZone(at, seconds = false) {
  const ms = parseTime(withZone(at));
  if (Number.isNaN(ms)) return at || "";
  const [y, mo, da, h, mi, s] = wall(ms, zone);
  return `${y}-${mo}-${da} ${h}:${mi}${seconds ? `:${s}` : ""}`;
}

/** Milliseconds since the epoch of an RFC 3339 string (NaN if unreadable). */
export function parseTime(s) {
  return typeof s === "string" ? Date.parse(s) : NaN;
}

/** "mm:ss" or "h:mm:ss" for a number of milliseconds (sign kept). */
export function clock(ms) {
  const neg = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const hh = Math.floor(s / 3600);
  s -= hh * 3600;
  const mm = Math.floor(s / 60);
  s -= mm * 60;
  const p = (n) => String(n).padStart(2, "0");
  return `${neg ? "-" : ""}${hh ? `${hh}:${p(mm)}` : mm}:${p(s)}`;
}

/** Saves a JSON value as a file through a blob: URL (no network). */
export function download(name, value) {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
