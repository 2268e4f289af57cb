// Report forms: a form editor generated from reportSchema(form), validated live with
// validateReport, each finding shown under its field (errors and warnings apart), exported as
// JSON, printed on paper, and handed to the portal (report-ready) only when valid.
import { h, clear, nextId, debounce, download, timeLabel, withZone } from "./dom.js";
import { t, tx } from "./i18n.js";
import { ei, has, errorText } from "./engine.js";

export const FORM_IDS = ["initial_report", "staged_report", "room_record", "disposal_report", "readiness_check"];

// Field order as the paper forms list them (docs/api.md, Forms); fields not named here follow.
const ORDER = {
  initial_report: ["incident_kind", "severity", "discovered_at", "reported_at", "reporter", "reported_to", "report_form", "subject", "location", "exam", "summary", "measures_taken", "details"],
  staged_report: ["incident_ref", "tracker", "period_from", "period_to", "entries", "status"],
  room_record: ["station_name", "site", "room", "occupation", "level", "subject", "exam_date", "start_time", "end_time", "expected_count", "present_count", "absent_count", "absent_candidate_ids", "violations", "incidents", "proctors", "patrol_inspector"],
  disposal_report: ["incident_ref", "incident_kind", "severity", "cause", "process", "result", "social_impact", "submitted_by", "submitted_at", "approvals", "evaluation", "accountability"],
  readiness_check: ["site", "exam_date", "evacuation_plan_posted", "hotline_staffed", "hotline_number", "on_duty_staff", "leader_contacts", "spare_papers_available", "training_done", "drill_done"],
  "": ["name", "role", "site", "room", "occupation", "level", "subject", "session", "rooms", "candidate_ids", "missing_item", "outage_started_at", "restored_at", "regional", "compensated_minutes"],
};
const LONG = new Set(["summary", "measures_taken", "cause", "process", "result", "social_impact", "text", "description", "handling", "lessons", "improvements", "action", "decision"]);
const ENUM_LABELS = {
  ongoing: ["处理中", "ongoing"], resolved: ["已处理完毕", "resolved"],
  decision: ["决定", "decision"], action: ["措施", "action"], observation: ["情况", "observation"],
  major: ["重大事件", "major"], general: ["一般事件", "general"],
  paper: ["试卷", "paper"], answer_sheet: ["答题卡", "answer sheet"],
};

function typeOf(s) {
  const ty = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (ty) return ty;
  if (s.enum) return "enum";
  if (s.properties) return "object";
  return "string";
}
const isOptional = (s) => (Array.isArray(s.type) && s.type.includes("null")) || (s.enum && s.enum.includes(null));

/** Which input a string field gets, by its name (the schema says "string" for times). */
function timeKind(name, parentIsIncidents) {
  if (parentIsIncidents && name === "at") return "clock_or_time";
  if (/_at$|^at$|^period_(from|to)$/.test(name)) return "datetime";
  if (/_date$/.test(name)) return "date";
  if (/^(start|end)_time$/.test(name)) return "time";
  if (/phone|number$/.test(name)) return "tel";
  return null;
}

/** RFC 3339 in the plan's zone → a datetime-local value (or null if it cannot be shown there). */
function toLocalInput(v, tz) {
  if (typeof v !== "string" || v === "") return "";
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(Z|[+-]\d\d:\d\d)?$/.exec(v);
  if (!m) return null;
  if (m[2] && m[2] !== tz && !(m[2] === "Z" && tz === "+00:00")) return null;
  return m[1];
}

// Names come from the plan. The plan refuses `__proto__`, `constructor` and the like at load,
// and this code does not rely on it: it reads own properties only and writes by defining them,
// so no name reaches an object's prototype (an assignment to `o.__proto__` would replace it).
const own = (o, k) => (o != null && typeof o === "object" && Object.hasOwn(o, k) ? o[k] : undefined);
const put = (o, k, v) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });

function get(obj, path) {
  let o = obj;
  for (const k of path) o = own(o, k);
  return o;
}
function set(obj, path, value) {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (own(o, k) == null || typeof own(o, k) !== "object") put(o, k, typeof path[i + 1] === "number" ? [] : {});
    o = own(o, k);
  }
  const last = path[path.length - 1];
  if (value === undefined) { if (Array.isArray(o)) put(o, last, undefined); else if (Object.hasOwn(o, last)) delete o[last]; } else put(o, last, value);
}
const pointer = (path) => path.map((k) => "/" + String(k).replaceAll("~", "~0").replaceAll("/", "~1")).join("");

/**
 * One form being filled in. `ctx` gives lang, plan info and terms; `onChange(data, result)` is
 * told after every edit (to save the draft); `onSubmit(data)` runs only when validation passes.
 */
export class FormEditor {
  constructor(ctx, form, data, { onChange, onSubmit, title } = {}) {
    this.ctx = ctx;
    this.form = form;
    this.data = data && typeof data === "object" ? structuredClone(data) : {};
    this.onChange = onChange;
    this.onSubmit = onSubmit;
    this.title = title;
    // Errors show under a field once it was touched, or everywhere for a prefilled form and
    // after a submit attempt; warnings always show.
    this.showAll = Object.keys(this.data).length > 2;
    this.touched = new Set();
    this.msgs = new Map();
    this.controls = new Map();
    this.root = h("div", { class: "form-editor", data: { form } });
    this.validateSoon = debounce(() => this.validate(), 200);
    try {
      this.schema = ctx.plan.reportSchema(form);
    } catch (e) {
      this.schema = null;
      this.schemaError = e;
    }
    this.render();
  }

  get lang() { return this.ctx.lang; }

  render() {
    const L = this.lang;
    clear(this.root);
    this.msgs.clear();
    this.controls.clear();
    if (!this.schema) {
      this.root.append(h("p", { class: "notice", role: "status" }, this.schemaError ? errorText(this.schemaError, L) : t("missing", L) + "reportSchema"));
      return;
    }
    const formTitle = tx({ zh: this.schema.title, en: this.schema.description }, L);
    this.summary = h("div", { class: "form-summary", role: "status", "aria-live": "polite" });
    const rootMsg = h("div", { class: "msgs", id: nextId("m") });
    this.msgs.set("", rootMsg);
    const el = h("form", { class: "report", novalidate: true, "aria-label": formTitle, onsubmit: (e) => { e.preventDefault(); this.submit(); } });
    el.append(h("h3", { class: "print-title" }, formTitle, " ", h("small", {}, this.ctx.planLabel || "")));
    // The log's check code on the paper copy: an anchor kept outside the browser (verifyLog({ head, count })).
    const code = this.ctx.anchorLabel?.();
    if (code) el.append(h("p", { class: "check-code" }, code));
    el.append(rootMsg);
    this.renderObject(el, this.schema, [], this.form);
    const actions = h("div", { class: "actions no-print" },
      h("button", { type: "submit", class: "primary", onclick: (e) => { e.preventDefault(); this.submit(); } }, t("submit", L)),
      h("button", { type: "button", onclick: () => download(`${this.form}.json`, this.data) }, t("exportJson", L)),
      h("button", { type: "button", onclick: () => this.print() }, t("print", L)),
    );
    this.root.append(this.summary, el, actions);
    this.validate();
  }

  /** Prints the report alone — not the host page around it (its menu, header, chat widget) —
   * from a hidden frame holding a read-only copy: labels and values, no findings, no buttons. */
  print() {
    const L = this.lang;
    const shadow = this.ctx.host.shadowRoot;
    shadow.querySelector("iframe.print-frame")?.remove();
    const frame = h("iframe", { class: "print-frame", title: t("print", L), tabindex: "-1", aria: { hidden: "true" } });
    shadow.append(frame);
    const doc = frame.contentDocument;
    const win = frame.contentWindow;
    if (!doc || !win) return;
    doc.documentElement.lang = L === "en" ? "en" : "zh-CN";
    doc.title = tx({ zh: this.schema?.title, en: this.schema?.description }, L) || this.form;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    doc.adoptedStyleSheets = [sheet];
    const form = this.root.querySelector("form.report");
    doc.body.replaceChildren(form ? printable(form, L) : h("p", {}, doc.title));
    win.focus();
    win.print();
  }

  variantFor(path) {
    // `details` has a shape per incident kind (allOf of if/then on incident_kind).
    if (path.length !== 1 || !Array.isArray(this.schema.allOf)) return null;
    for (const v of this.schema.allOf) {
      const cond = v.if?.properties;
      if (!cond) continue;
      const [sel] = Object.keys(cond);
      const shape = own(v.then?.properties, path[0]);
      if (own(cond, sel)?.const !== undefined && own(this.data, sel) === cond[sel].const && shape) return shape;
    }
    return null;
  }

  renderObject(parent, schema, path, orderKey) {
    const props = schema.properties || {};
    const order = own(ORDER, orderKey) || ORDER[""];
    const names = Object.keys(props).sort((a, b) => {
      const ia = order.indexOf(a), ib = order.indexOf(b);
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
    });
    const required = new Set(schema.required || []);
    for (const name of names) {
      const p = [...path, name];
      const s = this.variantFor(p) || own(props, name);
      parent.append(this.renderField(s, p, name, required.has(name)));
    }
  }

  labelOf(s, name) {
    const L = this.lang;
    return s.title ? tx({ zh: s.title, en: s.description || s.title }, L) : name;
  }

  msgBox(path) {
    const m = h("div", { class: "msgs", id: nextId("m"), data: { path: pointer(path) } });
    this.msgs.set(pointer(path), m);
    return m;
  }

  renderField(s, path, name, required, labelOverride) {
    const L = this.lang;
    const ty = typeOf(s);
    const label = labelOverride || this.labelOf(s, name);
    const req = required ? h("span", { class: "req", title: t("required", L) }, " *") : null;
    if (ty === "object") {
      const val = get(this.data, path);
      // An open object with no shape and nothing in it (a kind without kind-specific details):
      // nothing to fill in, so no raw JSON box in front of the proctor.
      const shaped = s.properties && Object.keys(s.properties).length;
      if (!shaped && !required && (val == null || (typeof val === "object" && !Object.keys(val).length))) return document.createDocumentFragment();
      const fs = h("fieldset", { class: "group", data: { path: pointer(path) } }, h("legend", {}, label, req));
      fs.append(this.msgBox(path));
      if (s.properties && Object.keys(s.properties).length) this.renderObject(fs, s, path, name);
      else {
        // An open object with no shape: edit it as JSON text.
        const ta = h("textarea", { id: nextId(), rows: 3, props: { value: val ? JSON.stringify(val) : "" } });
        ta.addEventListener("input", () => {
          try { set(this.data, path, ta.value.trim() ? JSON.parse(ta.value) : undefined); ta.removeAttribute("aria-invalid"); } catch { ta.setAttribute("aria-invalid", "true"); }
          this.changed();
        });
        fs.append(h("label", { for: ta.id }, label, " (JSON)"), ta);
      }
      return fs;
    }
    if (ty === "array") {
      const fs = h("fieldset", { class: "group list", data: { path: pointer(path) } }, h("legend", {}, label, req));
      fs.append(this.msgBox(path));
      const items = get(this.data, path);
      const list = Array.isArray(items) ? items : [];
      const itemSchema = s.items || { type: "string" };
      list.forEach((_, i) => {
        const ip = [...path, i];
        const row = h("div", { class: "item" });
        const itemLabel = `${label} · ${t("item", L, { n: i + 1 })}`;
        row.append(this.renderField(itemSchema, ip, name, true, itemLabel));
        row.append(h("button", { type: "button", class: "small no-print", aria: { label: `${t("removeItem", L)}: ${itemLabel}` }, onclick: () => {
          list.splice(i, 1);
          set(this.data, path, list);
          this.render();
          this.changed();
        } }, t("removeItem", L)));
        fs.append(row);
      });
      fs.append(h("button", { type: "button", class: "small no-print", aria: { label: `${t("addItem", L)}: ${label}` }, onclick: () => {
        const blank = typeOf(itemSchema) === "object" ? {} : "";
        set(this.data, path, [...list, blank]);
        this.render();
        this.changed();
        // Found by comparing paths, not by a selector built from them: a name is not CSS.
        const added = pointer([...path, list.length]);
        const first = [...this.root.querySelectorAll("input, select, textarea")].find((el) => el.dataset.path === added || el.dataset.path?.startsWith(added + "/"));
        first?.focus();
      } }, t("addItem", L)));
      return fs;
    }
    const id = nextId();
    let control;
    let timeField = false;
    const val = get(this.data, path);
    const optional = !required || isOptional(s);
    if (s.enum) {
      control = h("select", { id });
      control.append(h("option", { value: "" }, t("selectNone", L)));
      for (const v of s.enum) {
        if (v === null || v === "") continue;
        control.append(h("option", { value: String(v) }, this.enumLabel(v)));
      }
      control.value = val == null ? "" : String(val);
      control.addEventListener("change", () => {
        set(this.data, path, control.value === "" ? (optional ? undefined : "") : control.value);
        this.changed();
        if (path.length === 1 && this.schema.allOf) this.render(); // the details shape follows the kind
      });
    } else if (ty === "boolean") {
      if (required) {
        control = h("input", { id, type: "checkbox", props: { checked: val === true } });
        if (val === undefined) set(this.data, path, false);
        control.addEventListener("change", () => { set(this.data, path, control.checked); this.changed(); });
      } else {
        control = h("select", { id },
          h("option", { value: "" }, t("selectNone", L)),
          h("option", { value: "true" }, t("yes", L)),
          h("option", { value: "false" }, t("no", L)));
        control.value = val === true ? "true" : val === false ? "false" : "";
        control.addEventListener("change", () => { set(this.data, path, control.value === "" ? undefined : control.value === "true"); this.changed(); });
      }
    } else if (ty === "integer" || ty === "number") {
      control = h("input", { id, type: "number", inputmode: ty === "integer" ? "numeric" : "decimal", step: ty === "integer" ? "1" : "any", props: { value: val == null ? "" : String(val) } });
      control.addEventListener("input", () => {
        const raw = control.value.trim();
        set(this.data, path, raw === "" ? undefined : Number(raw));
        this.changed();
      });
    } else {
      const last = path[path.length - 1];
      const tk = timeKind(typeof last === "string" ? last : String(name), path.includes("incidents"));
      const tz = this.ctx.info?.timezone || "+08:00";
      let local = tk === "datetime" ? toLocalInput(val, tz) : null;
      if (tk === "datetime" && local !== null) {
        control = h("input", { id, type: "datetime-local", step: "1", props: { value: local } });
        // A zone-less time kept from before: the same time, written with the plan's offset.
        if (local && val !== withZone(local) && !/(Z|[+-]\d\d:\d\d)$/.test(val)) set(this.data, path, withZone(local));
      } else if (tk === "date") {
        control = h("input", { id, type: "date", props: { value: val ?? "" } });
      } else if (tk === "time") {
        control = h("input", { id, type: "time", props: { value: val ?? "" } });
      } else if (LONG.has(String(last)) || (s.maxLength && s.maxLength > 2000)) {
        control = h("textarea", { id, rows: 3, props: { value: val ?? "" } });
      } else {
        control = h("input", { id, type: tk === "tel" ? "tel" : "text", autocomplete: "off", props: { value: val == null ? "" : String(val) } });
        if (tk === "datetime" || tk === "clock_or_time") control.placeholder = tk === "datetime" ? "2026-06-13T09:32" : "09:30";
      }
      if (s.maxLength) control.maxLength = s.maxLength;
      // A picked time is the plan's wall clock: it goes out with the plan's offset, like the
      // times the response prefills ("2026-06-13T09:32:00+08:00"), never zone-less.
      const isTime = control.type === "datetime-local";
      if (isTime) timeField = true;
      control.addEventListener("input", () => {
        set(this.data, path, control.value === "" && optional ? undefined : isTime ? withZone(control.value) : control.value);
        this.changed();
      });
    }
    control.dataset.path = pointer(path);
    control.addEventListener("change", () => { this.touched.add(pointer(path)); this.validateSoon(); });
    control.addEventListener("blur", () => { if (!this.touched.has(pointer(path))) { this.touched.add(pointer(path)); this.validateSoon(); } });
    const msg = this.msgBox(path);
    control.setAttribute("aria-describedby", msg.id);
    if (required) control.setAttribute("aria-required", "true");
    this.controls.set(pointer(path), control);
    const wrap = h("div", { class: `field${ty === "boolean" && required ? " check" : ""}` });
    const lab = h("label", { for: id }, timeField ? timeLabel(String(label), L) : String(label), req);
    if (ty === "boolean" && required) wrap.append(control, lab, msg);
    else wrap.append(lab, control, msg);
    return wrap;
  }

  enumLabel(v) {
    const L = this.lang;
    const c = this.ctx;
    for (const titles of [c.kindTitles, c.roleTitles, c.terms, c.optionTitles]) if (own(titles, v)) return tx(titles[v], L);
    if (own(ENUM_LABELS, v)) return L === "en" ? ENUM_LABELS[v][1] : ENUM_LABELS[v][0];
    return String(v);
  }

  changed() {
    this.root.dataset.pending = "1";
    // Kept at once (validation waits for a pause in typing; saving must not).
    this.onChange?.(this.data, null);
    this.validateSoon();
  }

  /** Runs validateReport and places every finding under its field. */
  validate() {
    delete this.root.dataset.pending;
    const L = this.lang;
    for (const m of this.msgs.values()) clear(m);
    for (const c of this.controls.values()) c.removeAttribute("aria-invalid");
    if (!has("validateReport")) {
      this.result = null;
      clear(this.summary).append(h("p", { class: "notice" }, t("missing", L) + "validateReport"));
      this.onChange?.(this.data, null);
      return null;
    }
    let r;
    try {
      // `now` from the panel's clock, in the plan's zone: a time later than now is an error.
      r = this.ctx.plan.validateReport(this.form, this.data, { now: this.ctx.now() });
    } catch (e) {
      clear(this.summary).append(h("p", { class: "finding error" }, errorText(e, L)));
      this.result = { ok: false, errors: [], warnings: [] };
      return this.result;
    }
    this.result = r;
    const visible = (f) => this.showAll || [...this.touched].some((t) => f.path === t || f.path.startsWith(t + "/") || t.startsWith(f.path + "/"));
    const place = (f, level) => {
      if (level === "error" && !visible(f)) return;
      let p = f.path || "";
      while (!this.msgs.has(p) && p !== "") p = p.slice(0, p.lastIndexOf("/"));
      const box = this.msgs.get(p) || this.msgs.get("");
      box.append(h("p", { class: `finding ${level}`, data: { code: f.code, path: f.path } }, level === "error" ? "✖ " : "⚠ ", tx(f.message, L)));
      const c = this.controls.get(f.path);
      if (c && level === "error") c.setAttribute("aria-invalid", "true");
    };
    r.errors.forEach((f) => place(f, "error"));
    r.warnings.forEach((f) => place(f, "warning"));
    clear(this.summary).append(h("p", { class: r.ok ? "ok" : "bad" },
      r.ok ? `✔ ${t("validOk", L)}` : `✖ ${r.errors.length}${t("errorsN", L)}`,
      r.warnings.length ? ` · ⚠ ${r.warnings.length}${t("warningsN", L)}` : ""));
    this.onChange?.(this.data, r);
    return r;
  }

  submit() {
    this.showAll = true;
    this.validateSoon.cancel();
    const r = this.validate();
    if (r && r.ok) {
      this.onSubmit?.(structuredClone(this.data));
      return true;
    }
    const first = this.root.querySelector("[aria-invalid=true]") || this.root.querySelector(".finding.error");
    first?.focus?.();
    return false;
  }
}

const blank = (v) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);

/** `data` with the draft's values where `data` has none; `kept`: how many typed values differ from the draft. */
function mergeDraft(data, draft) {
  let kept = 0;
  const walk = (a, b) => {
    if (blank(a)) return structuredClone(b);
    if (blank(b)) return a;
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      const out = {};
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const v = walk(own(a, k), own(b, k));
        if (v !== undefined) put(out, k, v);
      }
      return out;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) kept += 1;
    return a;
  };
  return { merged: walk(data, draft) || {}, kept };
}

const PRINT_CSS = `
@page { margin: 15mm; }
body { font: 11pt/1.45 "Noto Sans CJK SC", "Microsoft YaHei", "SimSun", sans-serif; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 0.3em; }
h1 small { font-size: 9pt; font-weight: normal; }
h2 { font-size: 11.5pt; margin: 0.8em 0 0.2em; }
section { border-top: 1px solid #000; padding-left: 0.6em; break-inside: avoid; }
.row { display: grid; grid-template-columns: 34% 1fr; gap: 0.6em; padding: 0.15em 0; border-bottom: 1px dotted #999; break-inside: avoid; }
.k { font-weight: 600; }
.v { white-space: pre-wrap; overflow-wrap: anywhere; }
.none { color: #555; }
.code { font-family: monospace; }
`;

/** A read-only copy of a report form for printing: its title, check code, and every field as
 * "label: value" (a select by its option's text, a checkbox as yes/no), groups as sections. */
function printable(form, L) {
  const out = h("main", {});
  const text = (el) => (el?.textContent || "").replace(/\s*\*\s*$/, "").trim();
  const valueOf = (c) => {
    if (c.type === "checkbox") return t(c.checked ? "yes" : "no", L);
    if (c.tagName === "SELECT") return c.value === "" ? "" : c.selectedOptions[0]?.textContent || c.value;
    if (c.type === "datetime-local") return c.value.replace("T", " ");
    return c.value;
  };
  const row = (label, c, into) => {
    const v = valueOf(c);
    into.append(h("div", { class: "row" }, h("span", { class: "k" }, label), v === "" ? h("span", { class: "v none" }, t("none", L)) : h("span", { class: "v" }, v)));
  };
  const walk = (node, into) => {
    for (const el of node.children) {
      if (el.matches(".msgs, .no-print, button, legend")) continue;
      if (el.matches(".print-title")) into.append(h("h1", {}, el.firstChild?.textContent || "", " ", h("small", {}, el.querySelector("small")?.textContent || "")));
      else if (el.matches(".check-code")) into.append(h("p", { class: "code" }, el.textContent));
      else if (el.matches("fieldset")) {
        const sec = h("section", {}, h("h2", {}, text(el.querySelector(":scope > legend"))));
        walk(el, sec);
        into.append(sec);
      } else if (el.matches(".field")) {
        const c = el.querySelector("input, select, textarea");
        if (c) row(text(el.querySelector("label")), c, into);
      } else if (el.matches("label") && el.nextElementSibling?.matches("input, select, textarea")) {
        if (el.nextElementSibling.value) row(text(el), el.nextElementSibling, into);
      } else walk(el, into);
    }
  };
  walk(form, out);
  return out;
}

/** The forms tab: pick a form, prefill it from the response, edit, validate, submit. */
export function formsView(ctx) {
  const L = ctx.lang;
  const root = h("section", { class: "forms-view" });
  const r = ctx.response;
  const forms = r ? ctx.guideForms(r) : FORM_IDS.filter((f) => f !== "readiness_check");
  const current = forms.includes(ctx.ui.form) ? ctx.ui.form : forms[0];
  const sel = h("select", { id: nextId() });
  for (const f of FORM_IDS.filter((f) => f !== "readiness_check")) sel.append(h("option", { value: f }, ctx.formTitle(f)));
  sel.value = current;
  sel.addEventListener("change", () => { ctx.ui.form = sel.value; ctx.saveUi(); ctx.refresh("forms"); });
  const bar = h("div", { class: "row no-print" }, h("label", { for: sel.id }, t("form", L)), sel);
  let note = null;
  if (r && has("IncidentResponse")) {
    // Prefilling fills what is empty and keeps what the proctor typed; where the two differ it
    // asks before overwriting (a second button), never silently.
    bar.append(h("button", { type: "button", data: { act: "prefill" }, onclick: () => {
      const d = ctx.draft(current);
      if (!d) return;
      const { merged, kept } = mergeDraft(ctx.getFormData(current) || {}, d);
      ctx.setFormData(current, merged);
      ctx.host.prefillNote = kept ? { form: current, draft: d, kept } : null;
      ctx.refresh("forms");
    } }, t("draft", L)));
    const pending = ctx.host.prefillNote;
    if (pending && pending.form === current) {
      ctx.host.prefillNote = null;
      note = h("p", { class: "notice prefill-note", role: "status" }, t("prefillKept", L, { n: pending.kept }), " ",
        h("button", { type: "button", class: "small", data: { act: "prefill-overwrite" }, onclick: () => { ctx.setFormData(current, pending.draft); ctx.refresh("forms"); } }, t("prefillOverwrite", L)));
    }
  }
  root.append(h("h2", {}, t("forms", L)), bar, note);
  if (!has("reportSchema") || !has("validateReport")) {
    root.append(h("p", { class: "notice", role: "status" }, t("missing", L) + ["reportSchema", "validateReport"].filter((n) => !has(n)).join(", ")));
  }
  let data = ctx.getFormData(current);
  if (!data && r) data = ctx.draft(current);
  const editor = new FormEditor(ctx, current, data || {}, {
    onChange: (d) => ctx.setFormData(current, d),
    onSubmit: (d) => ctx.reportReady(current, d),
  });
  root.append(editor.root);
  ctx.editor = editor;
  return root;
}
