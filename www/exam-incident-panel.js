// <exam-incident-panel lang="zh|en" site="…" room="…" plan="/site-plan.json">
// A drop-in proctor panel for exam-site incidents. Each panel holds its own plan (a `Plan`: the
// embedded default, or the site plan its `plan` attribute names) and keeps its UI state under its
// own key (its `storage-key`, else `id`, else its site/room/plan attributes, followed when they
// change), so panels on one page are independent. Shadow DOM, styles through a constructable
// stylesheet (no inline <style>, so a strict CSP holds), plain ES modules, no network of its own
// beyond the package's .wasm and an optional same-origin plan.
//
// Events (bubbling, composed): incident-classified {text, classification},
// incident-step {responseId, step, status, action}, report-ready {form, data, responseId, plan,
// log: {head, count, checkCode}, outboxId, queuedAt, ack()} (only when validateReport passes, checked
// again before every offer; the report stays in a persisted outbox, offered once per page by the
// panel that made it and again when the network comes back or after a reload, until the host
// calls `detail.ack()` or `panel.acknowledge(outboxId)`), storage-error {code, message: {zh, en}}.
import { load, ei, has, errorText } from "./panel/engine.js";
import { h, clear, nowIn, setZone, inZone, zoneLabel } from "./panel/dom.js";
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
import { outboxAdd, outboxAck, outboxList, OUTBOX_KEY } from "./panel/outbox.js";

const TABS = [
  ["incident", "tabIncident", classifyView],
  ["response", "tabResponse", responseView],
  ["forms", "tabForms", formsView],
  ["readiness", "tabReadiness", readinessView],
  ["saved", "tabSaved", savedView],
];
const UI_KEY = "exam-incident-panel/v1/ui";
const DAMAGED = new Set(["log_tampered", "bad_state", "unsupported_version"]);
const OPENED = new WeakMap();
// Reports offered (report-ready) in this page so far, and which panel took each that was made by
// none of them (an outbox written by an older build): a report goes out once per page, by the
// panel that made it — not again when the element is moved, re-created by a router or a second
// panel starts. It is offered again only when asked: the network came back (`online`), the
// proctor pressed 再次提交, or the next page load.
const OFFERED = new Set();
const CLAIMED = new Map();
const FORM_FALLBACK = { initial_report: ["初次报告", "Initial report"], staged_report: ["阶段性报告", "Staged report"], room_record: ["考场情况记录单", "Exam room record"], disposal_report: ["处置报告", "Disposal report"], readiness_check: ["应急保障检查", "Readiness check"] };

export class ExamIncidentPanel extends HTMLElement {
  static observedAttributes = ["lang", "site", "room", "plan", "id", "storage-key"];

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

  /** Where this panel's UI state lives: by `storage-key`, else `id`, else the attributes that set it apart. */
  get uiKey() {
    const named = this.getAttribute("storage-key");
    if (named) return `${UI_KEY}/=${named}`;
    if (this.id) return `${UI_KEY}/#${this.id}`;
    const attrs = ["site", "room", "plan"].map((a) => this.getAttribute(a) || "");
    return attrs.every((a) => !a) ? UI_KEY : `${UI_KEY}/${attrs.map(encodeURIComponent).join("|")}`;
  }

  saveUi(onError = (e) => this.storageError(e)) {
    writeUi(this.key ??= this.uiKey, this.ui, onError);
  }

  /** "en" or "zh": the `lang` attribute, else the nearest ancestor's, else the document's, by its
   * primary subtag in any case ("en-US", "en_GB", "EN" are English); anything else is Chinese. */
  get lang() {
    const v = this.getAttribute("lang") || this.parentElement?.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "";
    return v.trim().split(/[-_]/)[0].toLowerCase() === "en" ? "en" : "zh";
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.keeper.observe(this.shadowRoot, { childList: true, subtree: true });
    this.dock.connect();
    this.timer = setInterval(() => this.tick(), 1000);
    // Another tab or window saved: pick its entries up (and this tab's unsaved ones on top).
    this.onStorage = (e) => this.storageChanged(e);
    window.addEventListener("storage", this.onStorage);
    // The network is back: the reports the portal has not acknowledged are offered again.
    this.onOnline = () => { if (this.ready) this.offerOwn(true); };
    window.addEventListener("online", this.onOnline);
    if (this.ready && this.key === this.uiKey) {
      // Moved in the page or re-attached (a KeepAlive cache): the panel is as it was — its UI
      // state and response are in memory (with storage off, nowhere else), its shadow DOM holds
      // what the proctor was typing. Only the reminders, stopped on detach, start again, and
      // focus goes back where it was.
      this.watchResponse();
      this.tick();
      if (!this.shadowRoot.activeElement && this.focusWithin) findByKey(this.shadowRoot, this.lastFocus)?.focus({ preventScroll: true });
      return;
    }
    // Read here, not in the constructor: the attributes that make the key are set by now.
    // (Re-attached under another key: that key's state and response, not the previous one's.)
    if (this.response) { try { this.response.dispose?.(); } catch { /* gone */ } this.response = null; }
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
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    this.keeper.disconnect();
    this.dock.disconnect();
    window.removeEventListener("storage", this.onStorage);
    window.removeEventListener("online", this.onOnline);
    this.disconnectedCallbackResponse();
    this.started = false;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    // The attributes that make the storage key may be set after the element was inserted (a
    // framework binding, jQuery's .attr()) or changed when a router re-uses the element for
    // another room: the panel then shows that key's own state, not the previous one's.
    if (name === "plan") { if (this.ready) this.loadSitePlan().then(() => { if (!this.rekey()) this.render(); }); else this.rekey(); return; }
    if (this.rekey() || !this.ready) return;
    if (name !== "id" && name !== "storage-key") this.render();
  }

  /** Switches to the UI state (and response) kept under the current key; false if it is the same. */
  rekey() {
    const key = this.uiKey;
    if (!this.started || key === this.key) return false;
    this.key = key;
    this.ui = readUi(key);
    this.tab = this.ui.tab || "incident";
    this.lastFocus = null;
    if (!this.ready) return true; // boot() reads this.ui when the package is loaded
    let r = null;
    if (this.ui.responseId && has("IncidentResponse")) {
      try { r = restoreSaved(this.plan, this.ui.responseId); } catch (e) { this.storageError(e); this.ui.responseId = null; }
    }
    if (this.response && this.response !== r) { try { this.response.dispose?.(); } catch { /* gone */ } }
    this.response = r;
    this.watchResponse();
    this.hideNotice();
    this.render();
    this.offerOwn(false);
    return true;
  }

  async boot() {
    await load();
    await this.loadSitePlan();
    if (this.ui.responseId && has("IncidentResponse")) {
      try { this.response = restoreSaved(this.plan, this.ui.responseId); } catch (e) { this.storageError(e); this.ui.responseId = null; }
    }
    this.ready = true;
    this.render();
    // Reports the host has not acknowledged yet are offered again, once per page.
    this.offerOwn(false);
  }

  /** Is this outbox item this panel's to offer? Its own (made here), or an ownerless one it claimed. */
  owns(item) {
    if (item.owner) return item.owner === (this.key ??= this.uiKey);
    if (!CLAIMED.has(item.outboxId)) CLAIMED.set(item.outboxId, this);
    return CLAIMED.get(item.outboxId) === this || !CLAIMED.get(item.outboxId).isConnected;
  }

  /** Offers this panel's unacknowledged reports: those not offered in this page yet, or all (`again`). */
  offerOwn(again) {
    for (const item of outboxList()) if (this.owns(item) && (again || !OFFERED.has(item.outboxId))) this.offer(item);
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
    setZone(this.info.timezone);
    try { this.planDoc = JSON.parse(this.plan.planJson()); } catch { this.planDoc = null; }
  }

  /** What the views share: language, plan, state and actions. */
  ctx() {
    const L = this.lang;
    const info = this.info;
    const doc = this.planDoc || {};
    const terms = {};
    for (const term of [...(doc.reporting?.forms || []), ...(doc.reporting?.subjects || [])]) terms[term.id] = term.title;
    // The plan's decision options by id ("extend" → 该次考试延时): report fields and the log name
    // a chosen option by its id, the proctor reads its text.
    const optionTitles = Object.create(null);
    for (const k of doc.kinds || []) for (const s of k.steps || []) for (const o of s.options || []) if (typeof o.id === "string" && o.text && !optionTitles[o.id]) optionTitles[o.id] = o.text;
    const anchorTitles = Object.fromEntries((doc.anchors || []).map((a) => [a.id, a.title]));
    const c = {
      lang: L, host: this, plan: this.plan, info, planDoc: this.planDoc, ui: this.ui, response: this.response, classification: null,
      site: this.getAttribute("site") || "", room: this.getAttribute("room") || "",
      kindTitles: Object.fromEntries(info.kinds.map((k) => [k.id, k.title])),
      roleTitles: Object.fromEntries(info.roles.map((r) => [r.id, r.title])),
      terms, optionTitles, anchorTitles,
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
      startResponse: (init, fieldError) => this.startResponse(init, false, fieldError),
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
        let log = null;
        try { log = this.response?.anchor ? this.response.anchor() : null; } catch { log = null; }
        const item = { form, data, responseId: this.response ? idOf(this.response) : null, plan: { id: info.id, version: info.version }, log, owner: this.key ??= this.uiKey };
        try { outboxAdd(item); } catch (e) { this.storageError(e); }
        // Not "submitted": the portal has it once it calls ack() (acknowledge() says so then).
        this.announce(`${t("queued", L)}${c.formTitle(form)}`);
        this.offer(item);
      },
      anchorLabel: () => {
        try {
          const a = this.response?.anchor?.();
          return a ? (L === "en" ? `Log check code ${a.checkCode} (${a.count} entries)` : `记录校验码 ${a.checkCode}（${a.count} 条记录）`) : "";
        } catch { return ""; }
      },
      storageError: (e) => this.storageError(e),
    };
    return c;
  }

  responseInfo(r) {
    // What the response was opened with never changes: read from the log once per object (a
    // log of thousands of entries costs milliseconds to hand over); the kind is asked each time.
    let first = OPENED.get(r);
    if (!first) {
      const log = r.log();
      first = { open: log[0]?.open || {}, at: log[0]?.at };
      OPENED.set(r, first);
    }
    const { open, at } = first;
    return { id: open.id || idOf(r), kind: typeof r.kind === "string" && r.kind ? r.kind : open.kind, site: open.site, room: open.room, discoveredAt: at };
  }

  /** Opens a response; `fieldError(e)` may say an error at the start form's field (a time the
   * core refused) and return true, else it goes to the status line. */
  startResponse(init, anew = false, fieldError = null) {
    const L = this.lang;
    try {
      const clean = JSON.parse(JSON.stringify(init));
      // The same kind, room and discovery time as a saved response: offer to continue it
      // (pressing start twice must not open a second record of one incident).
      if (!anew && has("findSimilarSaved")) {
        let similar = [];
        try { similar = ei.findSimilarSaved(clean); } catch { similar = []; }
        if (similar.length) { this.offerContinue(similar[0], clean, fieldError); return; }
      }
      const r = this.plan.startResponse(clean);
      this.hideNotice();
      this.setResponse(r);
      this.ctx().emit("incident-step", { responseId: idOf(r), step: null, action: "open", kind: init.kind });
      this.go("response", true);
    } catch (e) {
      if (fieldError?.(e)) return;
      this.announce(errorText(e, L), true);
    }
  }

  offerContinue(saved, init, fieldError = null) {
    const L = this.lang;
    if (!this.notice) return;
    const en = L === "en";
    this.notice.replaceChildren(
      h("span", {}, en ? `A saved response looks like this incident (${inZone(saved.discoveredAt)} ${zoneLabel(L)}, ${saved.entries} entries). ` : `已有一条看来是同一事件的处置记录（${zoneLabel(L)} ${inZone(saved.discoveredAt)}，${saved.entries} 条记录）。`),
      h("button", { type: "button", class: "small primary", data: { act: "continue" }, onclick: () => {
        try { this.setResponse(restoreSaved(this.plan, saved.id)); this.hideNotice(); this.go("response", true); } catch (e) { this.storageError(e); }
      } }, en ? "Continue it" : "继续该处置"), " ",
      h("button", { type: "button", class: "small", data: { act: "new" }, onclick: () => { this.hideNotice(); this.startResponse(init, true, fieldError); } }, en ? "Start a new one" : "仍然新建"));
    this.notice.hidden = false;
    this.notice.querySelector("button")?.focus();
  }

  hideNotice() {
    if (this.notice) { this.notice.hidden = true; this.notice.replaceChildren(); }
  }

  setResponse(r) {
    if (this.response && this.response !== r) {
      try { this.response.dispose?.(); } catch { /* already gone */ }
    }
    this.response = r;
    this.ui.responseId = r ? idOf(r) : null;
    if (r) {
      this.watchResponse();
      const st = r.storageStatus?.();
      if (st && st.ok === false) this.storageError(st);
      else this.persist();
    }
    this.saveUi();
  }

  /** Storage failures and reminders of the response, told to this panel. */
  watchResponse() {
    const r = this.response;
    if (!r) return;
    // The class saves itself at every change; it reports failures here.
    r.onStorageError?.((e) => this.storageError(e));
    // Reminders (due soon, overdue) are announced in the status line.
    r.onReminder?.((rem) => this.announce(`${t("reminder", this.lang)}: ${tx(rem.text, this.lang)} (${this.ctx().roleTitle(rem.actor)})`, rem.kind === "overdue", "bell"), 2);
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

  /** Dispatches report-ready for an outbox item, with `ack()` to take it out of the outbox. */
  offer(item) {
    OFFERED.add(item.outboxId);
    // Whatever sits in the outbox (a hand edit, an older build, another plan) is checked again
    // before it goes out: only a report that validates now is handed to the portal. One that does
    // not stays listed on the Saved tab, marked, to export or delete.
    const problem = this.checkOutboxItem(item);
    if (problem) {
      this.announce(`${t("outboxInvalid", this.lang)}${problem[this.lang]}`, true);
      if (this.tab === "saved") this.renderPanel();
      return false;
    }
    const { owner, ...report } = item; // which panel made it stays inside the element
    const detail = { ...report, ack: () => this.acknowledge(item.outboxId) };
    this.dispatchEvent(new CustomEvent("report-ready", { detail, bubbles: true, composed: true }));
    if (this.tab === "saved") this.renderPanel();
    return true;
  }

  /** Why an outbox item may not be handed out ({zh, en}), or null when it validates. */
  checkOutboxItem(item) {
    const bad = (zh, en) => ({ zh, en });
    if (!item || typeof item.form !== "string" || !item.data || typeof item.data !== "object" || Array.isArray(item.data)) return bad("内容不完整", "incomplete entry");
    if (item.log != null && (typeof item.log !== "object" || typeof item.log.head !== "string" || !Number.isInteger(item.log.count))) return bad("记录锚点无效", "invalid log anchor");
    if (item.plan && (item.plan.id !== this.info?.id || item.plan.version !== this.info?.version)) return bad(`报告属于另一预案（${item.plan.id} ${item.plan.version}）`, `the report belongs to another plan (${item.plan.id} ${item.plan.version})`);
    if (!has("validateReport")) return null;
    try {
      const r = this.plan.validateReport(item.form, item.data, { now: nowIn(this.info.timezone) });
      if (!r.ok) return bad(`${r.errors.length} 处错误（${tx(r.errors[0].message, "zh")}）`, `${r.errors.length} error(s) (${tx(r.errors[0].message, "en")})`);
    } catch (e) {
      return bad(errorText(e, "zh"), errorText(e, "en"));
    }
    return null;
  }

  /** The host took the report: it leaves the outbox. Returns whether it was there. */
  acknowledge(outboxId) {
    let gone = false;
    const item = outboxList().find((x) => x.outboxId === outboxId);
    try { gone = outboxAck(outboxId); } catch (e) { this.storageError(e); }
    if (gone && item) this.announce(`${t("accepted", this.lang)}${this.ctx().formTitle(item.form)}`, false, "check");
    if (gone && this.tab === "saved") this.renderPanel();
    return gone;
  }

  /** Reports that passed validation and that the host has not acknowledged yet. */
  get outbox() { return outboxList(); }

  storageChanged(e) {
    if (!this.ready) return;
    if (e.key === OUTBOX_KEY) { if (this.tab === "saved") this.renderPanel(); return; }
    const r = this.response;
    const key = r?.storageStatus?.().key;
    if (r && (e.key === null || e.key === key) && typeof r.reload === "function") {
      try {
        const res = r.reload();
        if (res.dropped?.length) this.announce(res.dropped.map((d) => `${t("warning", this.lang)}${tx(d.message, this.lang)}`).join(" "), false);
      } catch (err) {
        if (err?.code !== "not_saved") this.storageError(err);
      }
      this.renderPanel();
    } else if (this.tab === "saved" && e.key?.startsWith("exam-incident/")) {
      this.renderPanel();
    }
  }

  storageError(e) {
    const detail = { code: e?.code || "storage_error", message: messageOf(e) };
    this.dispatchEvent(new CustomEvent("storage-error", { detail, bubbles: true, composed: true }));
    // A saved record found damaged or altered is not the browser refusing to save: it was set
    // aside (quarantined, listed on the Saved tab), and the message says so.
    const damaged = DAMAGED.has(detail.code);
    this.showError(`${t(damaged ? "damagedSaved" : "storageError", this.lang)}${detail.message[this.lang]}`);
  }

  /** An error stays on screen until dismissed: reminders and notices go to the status line. */
  showError(text) {
    this.shownError = text;
    if (!this.errorLine) return;
    this.errorLine.replaceChildren(h("span", {}, text), " ",
      h("button", { type: "button", class: "small", data: { act: "dismiss" }, onclick: () => { this.shownError = null; this.errorLine.hidden = true; this.errorLine.replaceChildren(); } }, this.lang === "en" ? "Dismiss" : "知道了"));
    this.errorLine.hidden = false;
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
    this.errorLine = h("p", { class: "announce error storage-error", role: "alert", hidden: true });
    this.notice = h("div", { class: "announce notice similar", role: "group", hidden: true });
    this.panel = h("div", { role: "tabpanel", id: "panel", class: "panel" });
    root.append(h("div", { class: "wrap", lang: L === "en" ? "en" : "zh-CN" }, header, holder, tablist, this.errorLine, this.notice, this.status, this.panel));
    if (this.shownError) this.showError(this.shownError);
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

// What the UI key may hold, field by field; anything else under it is ignored and replaced.
const UI_MAX_CHARS = 512 * 1024;
const UI_STRINGS = ["tab", "form", "kind", "name", "role", "room", "site", "text", "discoveredAt", "stepRole"];
const UI_OBJECTS = ["forms", "answers", "signals", "anchors", "stepDrafts"];

/** The console's UI state: whatever is stored — wrong type, garbage, huge — becomes a clean object. */
function readUi(key) {
  let raw = null;
  try { raw = localStorage.getItem(key); } catch { return {}; }
  if (raw === null) return {};
  let v = null;
  if (raw.length <= UI_MAX_CHARS) { try { v = JSON.parse(raw); } catch { v = null; } }
  const ui = {};
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const k of UI_STRINGS) if (typeof v[k] === "string" && v[k].length <= 10_000) ui[k] = v[k];
    for (const k of UI_OBJECTS) if (v[k] && typeof v[k] === "object" && !Array.isArray(v[k])) ui[k] = Object.assign(Object.create(null), v[k]);
    if (typeof v.picked === "boolean") ui.picked = v.picked;
    if (typeof v.responseId === "string" && /^[A-Za-z0-9._-]{1,64}$/.test(v.responseId)) ui.responseId = v.responseId;
    if (ui.tab && !TABS.some(([id]) => id === ui.tab)) delete ui.tab;
  }
  // Replace what was there with what was kept, so a bad value does not come back.
  try { if (JSON.stringify(ui) !== raw) localStorage.setItem(key, JSON.stringify(ui)); } catch { /* read-only storage: keep going */ }
  return ui;
}
function writeUi(key, ui, onError) {
  try { localStorage.setItem(key, JSON.stringify(ui)); } catch (e) { onError(Object.assign(new Error(e?.message || "storage"), { name: e?.name, code: e?.name === "QuotaExceededError" ? "storage_full" : "storage_disabled" })); }
}

/** `{ zh, en }` of any error: a core error's `text`, a storage status's `message`, or its text. */
function messageOf(e) {
  const m = e?.text || e?.message;
  if (m && typeof m === "object" && typeof m.zh === "string" && typeof m.en === "string") return { zh: m.zh, en: m.en };
  const s = typeof m === "string" && m ? m : String(e?.code || "storage_error");
  const [zh, en] = s.includes(" / ") ? s.split(" / ", 2) : [s, s];
  return { zh, en };
}

if (!customElements.get("exam-incident-panel")) customElements.define("exam-incident-panel", ExamIncidentPanel);
