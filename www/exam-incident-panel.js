// <exam-incident-panel lang="zh|en" site="…" room="…" plan="/site-plan.json">
// A drop-in proctor panel for exam-site incidents. Each panel holds its own plan (a `Plan`: the
// embedded default, or the site plan its `plan` attribute names) and keeps its UI state under its
// own key (its `id`, else its site/room/plan attributes), so panels on one page are independent. Shadow DOM, styles through a constructable
// stylesheet (no inline <style>, so a strict CSP holds), plain ES modules, no network of its own
// beyond the package's .wasm and an optional same-origin plan.
//
// Events (bubbling, composed): incident-classified {text, classification},
// incident-step {responseId, step, status, action}, report-ready {form, data, responseId} (only
// when validateReport passes), storage-error {code, message}.
import { load, ei, has, errorText } from "./panel/engine.js";
import { h, clear, nowIn } from "./panel/dom.js";
import { t, tx } from "./panel/i18n.js";
import { sheet } from "./panel/styles.js";
import { classifyView } from "./panel/classify-view.js";
import { responseView, tickCountdowns } from "./panel/response-view.js";
import { formsView } from "./panel/forms-view.js";
import { readinessView } from "./panel/readiness-view.js";
import { savedView } from "./panel/saved-view.js";
import { save, restoreSaved, idOf } from "./panel/store.js";
import { icon } from "./panel/icons.js";
import { decorate, focusKey, findByKey, Dock, reveal } from "./panel/host-fit.js";

const TABS = [
  ["incident", "tabIncident", classifyView],
  ["response", "tabResponse", responseView],
  ["forms", "tabForms", formsView],
  ["readiness", "tabReadiness", readinessView],
  ["saved", "tabSaved", savedView],
];
const UI_KEY = "exam-incident-panel/v1/ui";
const FORM_FALLBACK = { initial_report: ["初次报告", "Initial report"], staged_report: ["阶段性报告", "Staged report"], room_record: ["考场情况记录单", "Exam room record"], disposal_report: ["处置报告", "Disposal report"], readiness_check: ["应急保障检查", "Readiness check"] };

export class ExamIncidentPanel extends HTMLElement {
  static observedAttributes = ["lang", "site", "room", "plan"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.shadowRoot.adoptedStyleSheets = [sheet];
    this.ui = {};
    this.response = null;
    this.tab = "incident";
    this.dock = new Dock(this);
    // Focus survives any re-render, the panel's or a view's own: the last focused control is
    // remembered by a stable key and found again when focus would otherwise fall to <body>.
    this.shadowRoot.addEventListener("focusin", (e) => {
      this.lastFocus = focusKey(e.target) || this.lastFocus;
      reveal(this, e.target);
    });
    this.shadowRoot.addEventListener("focusout", (e) => {
      // Focus leaving for the host page, not lost to a re-render (the control would be gone by
      // the next task): let it go.
      const from = e.target;
      if (e.relatedTarget && this.shadowRoot.contains(e.relatedTarget)) return;
      setTimeout(() => { if (from.isConnected && !this.shadowRoot.activeElement) this.lastFocus = null; }, 0);
    });
    this.keeper = new MutationObserver((records) => {
      // The countdowns change every second and need none of this.
      if (records.every((r) => r.target.parentElement?.closest(".countdown"))) return;
      decorate(this.shadowRoot);
      this.dock.schedule();
      if (!this.shadowRoot.activeElement && this.focusWithin) findByKey(this.shadowRoot, this.lastFocus)?.focus({ preventScroll: true });
    });
  }

  /** True when focus was inside the panel last time anyone looked (it is lost on removal). */
  get focusWithin() {
    return this.lastFocus && (document.activeElement === this || document.activeElement === document.body || document.activeElement === null);
  }

  /** Where this panel's UI state lives: by `id`, else by the attributes that set it apart. */
  get uiKey() {
    if (this.id) return `${UI_KEY}/#${this.id}`;
    const attrs = ["site", "room", "plan"].map((a) => this.getAttribute(a) || "");
    return attrs.every((a) => !a) ? UI_KEY : `${UI_KEY}/${attrs.map(encodeURIComponent).join("|")}`;
  }

  saveUi(onError = (e) => this.storageError(e)) {
    writeUi(this.key ??= this.uiKey, this.ui, onError);
  }

  get lang() { return this.getAttribute("lang") === "en" ? "en" : "zh"; }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    // Read here, not in the constructor: the attributes that make the key are set by now.
    this.key = this.uiKey;
    this.ui = readUi(this.key);
    this.tab = this.ui.tab || "incident";
    clear(this.shadowRoot).append(h("div", { class: "wrap" }, h("p", { class: "loading", role: "status" }, t("loading", this.lang))));
    this.boot().catch((e) => {
      // Both languages: whoever integrates the element may not read the proctors' one.
      clear(this.shadowRoot).append(h("div", { class: "wrap" }, h("div", { class: "load-error", role: "alert", data: { url: e?.url || "" } },
        h("p", { class: "finding error", lang: "zh-CN" }, icon("warn"), ` ${t("loadFailed", "zh")}：${errorText(e, "zh")}`),
        h("p", { class: "finding error", lang: "en" }, `${t("loadFailed", "en")}: ${errorText(e, "en")}`))));
      decorate(this.shadowRoot);
    });
    this.keeper.observe(this.shadowRoot, { childList: true, subtree: true });
    this.dock.connect();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    this.keeper.disconnect();
    this.dock.disconnect();
    this.disconnectedCallbackResponse();
    this.started = false;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.ready || old === value) return;
    if (name === "plan") this.loadSitePlan().then(() => this.render());
    else this.render();
  }

  async boot() {
    await load();
    await this.loadSitePlan();
    if (this.ui.responseId && has("IncidentResponse")) {
      try { this.response = restoreSaved(this.plan, this.ui.responseId); } catch (e) { this.storageError(e); this.ui.responseId = null; }
    }
    this.ready = true;
    this.render();
  }

  async loadSitePlan() {
    const url = this.getAttribute("plan");
    this.planProblem = null;
    // This panel's own plan: another panel's plan, or the module's (loadPlan), never leaks in.
    this.plan ??= ei.Plan.default();
    try {
      if (url) {
        const href = new URL(url, document.baseURI).href;
        const res = await fetch(href, { credentials: "same-origin" }).catch((e) => { throw planFailed(href, e?.message); });
        if (!res.ok) throw planFailed(href, `HTTP ${res.status}`);
        this.plan = ei.Plan.fromJSON(await res.text());
      } else {
        this.plan = ei.Plan.default();
      }
    } catch (e) {
      this.planProblem = e;
    }
    this.info = this.plan.info();
    try { this.planDoc = JSON.parse(this.plan.planJson()); } catch { this.planDoc = null; }
  }

  /** What the views share: language, plan, state and actions. */
  ctx() {
    const L = this.lang;
    const info = this.info;
    const doc = this.planDoc || {};
    const terms = {};
    for (const term of [...(doc.reporting?.forms || []), ...(doc.reporting?.subjects || [])]) terms[term.id] = term.title;
    const c = {
      lang: L, host: this, plan: this.plan, info, planDoc: this.planDoc, ui: this.ui, response: this.response, classification: null,
      site: this.getAttribute("site") || "", room: this.getAttribute("room") || "",
      kindTitles: Object.fromEntries(info.kinds.map((k) => [k.id, k.title])),
      roleTitles: Object.fromEntries(info.roles.map((r) => [r.id, r.title])),
      terms,
      planLabel: `${tx(info.name, L)} · ${info.id} ${info.version}`,
      now: () => nowIn(info.timezone),
      saveUi: () => this.saveUi(),
      emit: (name, detail) => this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true })),
      go: (tab) => this.go(tab, true),
      refresh: (tab) => { if (!tab || tab === this.tab) this.renderPanel(); },
      roleTitle: (id) => tx(c.roleTitles[id], L) || id,
      roleSelect: (selected) => {
        const s = h("select", {}, info.roles.map((r) => h("option", { value: r.id }, tx(r.title, L))));
        s.value = selected;
        return s;
      },
      formTitle: (f) => {
        try { if (has("reportSchema")) { const s = this.plan.reportSchema(f); return L === "en" ? s.description || s.title : s.title; } } catch { /* fall through */ }
        return (FORM_FALLBACK[f] || [f, f])[L === "en" ? 1 : 0];
      },
      anchorsFor: (kind) => {
        const ids = new Set(this.plan.guide(kind).steps.map((s) => s.due?.from).filter((f) => f && f !== "discovered"));
        return (doc.anchors || []).filter((a) => ids.has(a.id));
      },
      guideForms: (r) => this.plan.guide(this.responseInfo(r).kind).forms,
      responseInfo: (r) => this.responseInfo(r),
      startResponse: (init) => this.startResponse(init),
      afterAction: (step, warnings, origin) => this.afterAction(step, warnings, origin),
      setResponse: (r) => this.setResponse(r),
      openForm: (form) => { this.ui.form = form; this.go("forms", true); },
      draft: (form) => {
        if (!this.response) return null;
        try { return this.response.draftReport(form); } catch (e) { console.warn(e); return null; }
      },
      formKey: (form, scope) => `${scope || (this.response ? idOf(this.response) : "none")}|${form}`,
      getFormData: (form, scope) => this.ui.forms?.[c.formKey(form, scope)],
      setFormData: (form, data, scope) => { (this.ui.forms ||= {})[c.formKey(form, scope)] = data; c.saveUi(); },
      reportReady: (form, data) => {
        c.emit("report-ready", { form, data, responseId: this.response ? idOf(this.response) : null, plan: { id: info.id, version: info.version } });
        this.announce(`${t("submitted", L)}${c.formTitle(form)}`);
      },
      storageError: (e) => this.storageError(e),
    };
    return c;
  }

  responseInfo(r) {
    const log = r.log();
    const open = log[0]?.open || {};
    let kind = open.kind;
    for (const e of log) if (e.action === "reclassify" && e.kind) kind = e.kind;
    return { id: open.id || idOf(r), kind, site: open.site, room: open.room, discoveredAt: log[0]?.at };
  }

  startResponse(init) {
    const L = this.lang;
    try {
      const clean = JSON.parse(JSON.stringify(init));
      const r = this.plan.startResponse(clean);
      this.setResponse(r);
      this.ctx().emit("incident-step", { responseId: idOf(r), step: null, action: "open", kind: init.kind });
      this.go("response", true);
    } catch (e) {
      this.announce(errorText(e, L), true);
    }
  }

  setResponse(r) {
    if (this.response && this.response !== r) {
      try { this.response.dispose?.(); } catch { /* already gone */ }
    }
    this.response = r;
    this.ui.responseId = r ? idOf(r) : null;
    if (r) {
      // The class saves itself at every change; it reports failures here.
      r.onStorageError?.((e) => this.storageError(e));
      // Reminders (due soon, overdue) are announced in the status line.
      r.onReminder?.((rem) => this.announce(`${t("reminder", this.lang)}: ${tx(rem.text, this.lang)} (${this.ctx().roleTitle(rem.actor)})`, rem.kind === "overdue", "bell"), 2);
      const st = r.storageStatus?.();
      if (st && st.ok === false) this.storageError(st);
      else this.persist();
    }
    this.saveUi();
  }

  persist() {
    try { save(this.response); } catch (e) { this.storageError(e); }
  }

  disconnectedCallbackResponse() {
    try { this.response?.dispose?.(); } catch { /* gone */ }
  }

  afterAction(step, warnings = [], origin = "list") {
    const now = this.ctx().now();
    const s = this.response.steps(now).find((x) => x.id === step.id);
    this.ctx().emit("incident-step", { responseId: idOf(this.response), step: step.id, status: s?.status, chosen: s?.chosen });
    this.renderPanel({ step: step.id, origin });
    if (warnings.length) this.announce(warnings.map((w) => `${t("warning", this.lang)}${tx(w.message, this.lang)}`).join(" "), false);
  }

  storageError(e) {
    const detail = { code: e?.code || "storage_error", message: errorText(e, this.lang) };
    this.dispatchEvent(new CustomEvent("storage-error", { detail, bubbles: true, composed: true }));
    this.announce(`${t("storageError", this.lang)}${detail.message}`, true);
  }

  announce(text, error, iconName) {
    if (!this.status) return;
    this.status.replaceChildren(...(iconName ? [icon(iconName), " "] : []), text);
    this.status.className = `announce ${error ? "error" : "ok"}`;
  }

  go(tab, focus) {
    this.tab = tab;
    this.ui.tab = tab;
    this.saveUi(() => {});
    for (const b of this.tabButtons || []) {
      const on = b.dataset.tab === tab;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
    }
    this.renderPanel();
    if (focus) this.panel.querySelector("h2")?.focus();
    else if (!this.shadowRoot.activeElement && this.focusWithin) findByKey(this.shadowRoot, this.lastFocus)?.focus({ preventScroll: true });
  }

  render() {
    const L = this.lang;
    const root = this.shadowRoot;
    clear(root);
    const header = h("header", {},
      h("h1", { class: "title" }, t("title", L)),
      h("p", { class: "plan" }, `${t("planLoaded", L)}：${tx(this.info.name, L)}（${this.info.id} ${this.info.version}）`));
    if (this.planProblem) header.append(h("p", { class: "finding error", role: "alert" }, errorText(this.planProblem, L)));
    const tablist = h("div", { role: "tablist", class: "tabs no-print", aria: { label: t("title", L) } });
    this.tabButtons = TABS.map(([id, key]) => h("button", {
      type: "button", role: "tab", id: `tab-${id}`, "aria-controls": "panel", data: { tab: id },
      onclick: () => this.go(id, false),
      onkeydown: (e) => {
        const i = TABS.findIndex(([x]) => x === id);
        const j = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : null;
        if (j === null) return;
        e.preventDefault();
        const n = TABS[(j + TABS.length) % TABS.length][0];
        this.go(n, false);
        this.tabButtons.find((b) => b.dataset.tab === n).focus();
      },
    }, t(key, L)));
    tablist.append(...this.tabButtons);
    // Where the tab bar was, while it is docked by hand (host-fit.js).
    const holder = h("div", { class: "tabs-holder", aria: { hidden: "true" } });
    this.status = h("p", { class: "announce", role: "status", "aria-live": "polite" });
    this.panel = h("div", { role: "tabpanel", id: "panel", class: "panel" });
    root.append(h("div", { class: "wrap", lang: L === "en" ? "en" : "zh-CN" }, header, holder, tablist, this.status, this.panel));
    this.go(this.tab, false);
  }

  /** focus: after an action, { step, origin } — focus then goes to the next thing to do. */
  renderPanel(focus) {
    if (!this.panel) return;
    const entry = TABS.find(([id]) => id === this.tab) || TABS[0];
    this.panel.setAttribute("aria-labelledby", `tab-${entry[0]}`);
    const c = this.ctx();
    let view;
    try {
      view = entry[2](c);
    } catch (e) {
      console.error(e);
      view = h("p", { class: "finding error", role: "alert" }, errorText(e, this.lang));
    }
    view.querySelector("h2")?.setAttribute("tabindex", "-1");
    clear(this.panel).append(view);
    decorate(this.shadowRoot);
    if (focus) this.focusNext(focus);
  }

  /** After an action: the card's button when it was used from the card (it now shows the next
   * step); else the same step's first control if it is still open, else the next open step's. */
  focusNext({ step, origin }) {
    const p = this.panel;
    const first = (li) => li?.querySelector("input:not([type=hidden]), select, textarea, button");
    let target = null;
    if (origin === "card") target = p.querySelector(".next button.big");
    if (!target) {
      const items = [...p.querySelectorAll(".steps > li")];
      const i = items.findIndex((li) => li.dataset.step === step);
      const open = (li) => /pending|overdue|awaiting_approval/.test(li.dataset.status) && first(li);
      const next = (i >= 0 && open(items[i]) ? items[i] : null) || items.slice(i + 1).find(open) || items.find(open);
      target = first(next) || p.querySelector(".next button.big") || p.querySelector("h2");
    }
    target?.focus();
  }

  tick() {
    if (!this.ready || !this.panel) return;
    if (this.tab === "response") {
      tickCountdowns(this.panel, this.lang);
      // Statuses change when deadlines pass: re-render twice a minute unless someone is typing.
      this.ticks = (this.ticks || 0) + 1;
      const active = this.shadowRoot.activeElement;
      if (this.ticks % 30 === 0 && !(active && /INPUT|TEXTAREA|SELECT/.test(active.tagName))) this.renderPanel();
    }
  }

  /** For portals and tests: the current response (an IncidentResponse) or null. */
  get incident() { return this.response; }
}

/** The site plan could not be fetched: said in both languages, with the URL. */
function planFailed(url, why) {
  const e = new Error(`${url}: ${why}`);
  e.code = "plan_load_failed";
  e.text = { zh: `无法加载考点预案 ${url}（${why}），使用内置预案`, en: `could not load the site plan ${url} (${why}); using the built-in plan` };
  return e;
}

function readUi(key) {
  try { return JSON.parse(localStorage.getItem(key)) || {}; } catch { return {}; }
}
function writeUi(key, ui, onError) {
  try { localStorage.setItem(key, JSON.stringify(ui)); } catch (e) { onError(Object.assign(e, { code: e?.name === "QuotaExceededError" ? "storage_full" : "storage_disabled" })); }
}

if (!customElements.get("exam-incident-panel")) customElements.define("exam-incident-panel", ExamIncidentPanel);
