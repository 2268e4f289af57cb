// The response: at the top the proctor's next action (the most urgent pending step for the chosen
// role, its countdown and one large button), then the steps with actor, status and a due countdown
// (the 10-minute initial report first), filterable by role; decisions with their options and
// approval capture (who, role, when), progress, the hash-chained log with a seal showing whether
// it verifies, and the phone script.
import { h, clear, nextId, localInput, parseTime, clock, timeLabel, withZone, inZone } from "./dom.js";
import { t, tx } from "./i18n.js";
import { errorText, timeErrorText } from "./engine.js";
import { severityBadge } from "./classify-view.js";
import { icon } from "./icons.js";
import { basisMark } from "./basis.js";

const LIVE = new Set(["pending", "overdue", "awaiting_approval"]);
// Errors about the time typed: said at the time field, which keeps what was typed.
const TIME_ERRORS = new Set(["future_time", "bad_time", "before_discovery"]);


export function responseView(ctx) {
  const L = ctx.lang;
  const root = h("section", { class: "response-view" });
  const r = ctx.response;
  if (!r) {
    root.append(h("h2", {}, t("steps", L)), h("p", { class: "notice" }, t("noResponse", L)));
    return root;
  }
  const now = ctx.now();
  let steps = [];
  try {
    steps = r.steps(now);
  } catch (e) {
    root.append(h("p", { class: "finding error" }, errorText(e, L)));
    return root;
  }
  const info = ctx.responseInfo(r);
  const kind = ctx.info.kinds.find((k) => k.id === info.kind);
  root.append(h("h2", {}, t("steps", L), "：", severityBadge(kind?.severity, L), " ", tx(kind?.title, L)));
  root.append(h("p", { class: "meta" },
    `${timeLabel(t("discoveredAt", L), L)} ${fmt(info.discoveredAt)}`,
    info.site ? ` · ${t("site", L)} ${info.site}` : "",
    info.room ? ` · ${t("room", L)} ${info.room}` : "",
    info.id ? ` · ${info.id}` : ""));

  const required = steps.filter((s) => s.active !== false && !s.optional);
  const done = required.filter((s) => s.status === "done" || s.status === "skipped").length;
  const progId = nextId();
  root.append(h("div", { class: "progress" },
    h("label", { for: progId }, `${t("progress", L)} ${done}/${required.length}`),
    h("progress", { id: progId, max: String(required.length || 1), value: String(done) })));

  // Who is recording: name; the role defaults to the step's actor. The role filter picks whose
  // steps the card and the list show.
  const who = h("input", { type: "text", id: nextId(), autocomplete: "name", maxlength: "100", data: { key: "who" }, props: { value: ctx.ui.name || "" } });
  who.addEventListener("input", () => { ctx.ui.name = who.value; ctx.saveUi(); });
  const role = ctx.ui.stepRole && ctx.roleTitles[ctx.ui.stepRole] ? ctx.ui.stepRole : "";
  const filter = h("select", { id: nextId(), data: { key: "role-filter" } },
    h("option", { value: "" }, t("allRoles", L)),
    ctx.info.roles.filter((x) => steps.some((s) => s.actor === x.id)).map((x) => h("option", { value: x.id }, tx(x.title, L))));
  filter.value = role;
  filter.addEventListener("change", () => { ctx.ui.stepRole = filter.value; ctx.saveUi(); ctx.refresh("response"); });
  root.append(h("div", { class: "who-row" },
    h("div", { class: "field" }, h("label", { for: who.id }, t("you", L)), who),
    h("div", { class: "field" }, h("label", { for: filter.id }, t("forRole", L)), filter)));

  const mine = steps.filter((s) => !role || s.actor === role);
  root.append(nextCard(ctx, r, mine, who));

  const list = h("ol", { class: "steps" });
  for (const s of mine) list.append(stepItem(ctx, r, s, who));
  if (role) root.append(h("p", { class: "muted shown" }, t("shownOf", L, { n: mine.length, m: steps.length })));
  root.append(list);

  // Log with its seal.
  const logBox = h("section", { class: "log", aria: { label: t("log", L) } });
  let ok = false;
  let entries = [];
  try { ok = r.verifyLog(); entries = r.log(); } catch (e) { logBox.append(h("p", { class: "finding error" }, errorText(e, L))); }
  logBox.append(h("h3", {}, t("log", L), " ", h("span", { class: `seal ${ok ? "ok" : "bad"}`, role: "status", data: { verified: String(ok) } }, ok ? [icon("lock"), " ", t("sealOk", L)] : [icon("warn"), " ", t("sealBad", L)])));
  const ol = h("ol", { class: "log-entries" });
  const stepText = Object.fromEntries(steps.map((s) => [s.id, s.text]));
  // Options by step, as this response offers them; the plan's texts for the rest.
  const optText = (step, id) => tx(steps.find((s) => s.id === step)?.options?.find((o) => o.id === id)?.text, L) || tx(ctx.optionTitles?.[id], L) || id;
  for (const e of recent(ctx, entries, ol)) {
    const verb = t(`act_${e.action}`, L);
    ol.append(h("li", { data: { action: e.action } },
      h("time", { datetime: e.at }, fmt(e.at)), " ",
      h("strong", {}, verb.startsWith("act_") ? e.action : verb), " ",
      e.step ? tx(stepText[e.step], L) || e.step : "",
      e.anchor ? tx(ctx.anchorTitles?.[e.anchor], L) || e.anchor : "",
      e.kind && e.action === "reclassify" ? ` → ${tx(ctx.kindTitles[e.kind], L) || e.kind}` : "",
      e.option ? ` → ${optText(e.step, e.option)}` : "",
      e.by ? ` · ${e.by.name} (${ctx.roleTitle(e.by.role)})` : "",
      e.approvedBy ? ` · ${t("approval", L)}: ${e.approvedBy.name} (${ctx.roleTitle(e.approvedBy.role)})` : "",
      e.note ? h("span", { class: "note" }, ` · ${e.note}`) : "",
      h("code", { class: "hash", title: e.hash }, ` #${String(e.hash || "").slice(0, 8)}`)));
  }
  logBox.append(ol, ...logFooter(ctx, entries));
  root.append(logBox);

  // Phone script (what to say when phoning the report in).
  if (typeof r.phoneScript === "function") {
    let script = null;
    try { script = r.phoneScript(now, ctx.ui.name ? { name: ctx.ui.name, role: ctx.ui.role || "site_staff" } : undefined); } catch (e) { script = { zh: errorText(e, "zh"), en: errorText(e, "en") }; }
    if (script) root.append(h("section", { class: "phone" }, h("h3", {}, t("phone", L)), h("p", { class: "script" }, tx(script, L))));
  }
  ctx.countdownRoot = root;
  return root;
}

/** A time as the plan's wall clock (whatever offset it was written with). */
function fmt(at) {
  return inZone(at, true);
}

/** The most urgent live step: overdue first, then the nearest deadline, then plan order. */
export function mostUrgent(steps) {
  const live = steps.map((s, i) => [s, i]).filter(([s]) => LIVE.has(s.status) && s.active !== false);
  const due = (s) => { const ms = parseTime(s.dueAt); return Number.isNaN(ms) ? Infinity : ms; };
  live.sort(([a, i], [b, j]) => (a.status === "overdue" ? 0 : 1) - (b.status === "overdue" ? 0 : 1) || due(a) - due(b) || i - j);
  return live[0]?.[0] || null;
}

/** The next-action card: one step, its countdown and one large button. A plain step is marked
 * done from here; a decision or an approval-gated step takes the proctor to its controls. */
function nextCard(ctx, r, steps, who) {
  const L = ctx.lang;
  const s = mostUrgent(steps);
  const card = h("section", { class: "next", aria: { labelledby: "next-title" } }, h("h3", { id: "next-title" }, t("nextAction", L)));
  if (!s) {
    card.append(h("p", {}, t("nextNone", L)));
    return card;
  }
  card.append(h("p", { class: "step-head" },
    h("span", { class: `status ${s.status}` }, t(`status_${s.status}`, L)), " ",
    h("strong", { class: "actor" }, ctx.roleTitle(s.actor)), " ",
    s.dueAt ? countdown(s.dueAt, L) : null));
  card.append(h("p", { class: "next-text" }, tx(s.text, L), basisMark(s, L)));
  const simple = !s.options?.length && !s.requiresApproval;
  const by = () => (who.value.trim() ? { name: who.value.trim(), role: s.actor } : undefined);
  card.append(h("button", {
    type: "button", class: "primary big", data: { key: "next-act", nextStep: s.id },
    onclick: () => {
      if (!simple) {
        ctx.host.shadowRoot.querySelector(`.steps [data-step="${CSS.escape(s.id)}"] :is(input, select, textarea, button)`)?.focus();
        return;
      }
      try {
        ctx.afterAction(s, asList(r.complete(s.id, ctx.now(), by())), "card");
      } catch (e) {
        card.append(h("p", { class: "finding error", role: "alert" }, errorText(e, L)));
      }
    },
  }, simple ? t("markDone", L) : `${t("goToStep", L)}`));
  return card;
}

function asList(w) { return Array.isArray(w) ? w : []; }

/** A step's unsaved entries as stored: strings only, anything else dropped. */
function stepDraft(d) {
  const out = {};
  if (d && typeof d === "object") for (const k of ["option", "apName", "apRole", "at"]) if (typeof d[k] === "string" && d[k].length <= 1000) out[k] = d[k];
  return out;
}

function countdown(dueAt, L) {
  return h("span", { class: "countdown", data: { due: dueAt }, role: "timer" }, icon("clock"), " ", h("span", { class: "cd-text" }, countdownText(dueAt, L)));
}

function stepItem(ctx, r, s, who) {
  const L = ctx.lang;
  const live = LIVE.has(s.status) && s.active !== false;
  const li = h("li", { class: `step ${s.status}${s.active === false ? " inactive" : ""}`, data: { step: s.id, status: s.status } });
  li.append(h("div", { class: "step-head" },
    h("span", { class: `status ${s.status}` }, t(`status_${s.status}`, L)), " ",
    h("strong", { class: "actor" }, ctx.roleTitle(s.actor)), " ",
    s.dueAt && live ? countdown(s.dueAt, L) : null,
    s.active === false ? h("span", { class: "muted" }, t("inactive", L)) : null));
  li.append(h("p", { class: "step-text" }, tx(s.text, L), " ", h("small", { class: "clause" }, `〔${s.clause}〕`), basisMark(s, L)));
  if (s.requiresApproval) li.append(h("p", { class: "needs" }, t("needsApproval", L), ctx.roleTitle(s.requiresApproval)));
  if (s.doneAt) li.append(h("p", { class: "done-info" }, icon("check"), ` ${fmt(s.doneAt)}`, s.doneBy ? ` · ${s.doneBy.name}` : "", s.chosen ? ` → ${tx(s.options?.find((o) => o.id === s.chosen)?.text, L) || s.chosen}` : "", s.approvedBy ? ` · ${t("approval", L)}: ${s.approvedBy.name} (${ctx.roleTitle(s.approvedBy.role)})` : ""));
  const by = () => (who.value.trim() ? { name: who.value.trim(), role: s.actor } : undefined);
  // What the proctor has entered for this step but not acted on yet (an option, the approver's
  // name and role, a time) is kept in the UI state at every keystroke: a re-render (another step
  // done, the twice-a-minute refresh, another tab acting), a move of the element in the page or a
  // reload puts it back. It goes once the step is acted on.
  const draftKey = `${ctx.responseInfo(r).id}|${s.id}`;
  const drafts = (ctx.ui.stepDrafts ||= {});
  const draft = stepDraft(drafts[draftKey]);
  const keep = (patch) => { drafts[draftKey] = { ...stepDraft(drafts[draftKey]), ...patch }; ctx.saveUi(); };
  // `time`: the step's time input and its label, if it has one. The core refuses a time later
  // than now (`future_time`, the plan's tolerance) or before discovery: the message goes under
  // that input, which keeps the typed value (and the draft keeps it across a re-render).
  const act = (fn, time = null) => {
    for (const old of li.querySelectorAll(".finding.error")) old.remove();
    time?.input.removeAttribute("aria-invalid");
    try {
      const warnings = fn();
      delete drafts[draftKey];
      ctx.saveUi();
      ctx.afterAction(s, asList(warnings), "list");
    } catch (e) {
      if (time && TIME_ERRORS.has(e?.code)) {
        time.input.setAttribute("aria-invalid", "true");
        time.input.closest(".field").append(h("p", { class: "finding error field-error", role: "alert", data: { code: e.code } }, timeErrorText(e, time.label, L)));
        time.input.focus();
        return;
      }
      li.append(h("p", { class: "finding error", role: "alert" }, errorText(e, L)));
    }
  };
  // A time field left as prefilled means "now": the time of the click, to the second, not the
  // minute the list was drawn.
  const timeInput = () => {
    const at = h("input", { type: "datetime-local", id: nextId(), step: "1", data: { act: "at" }, props: { value: draft.at || localInput() } });
    at.addEventListener("input", () => keep({ at: at.value }));
    return at;
  };
  // A time read off another clock (the device's own zone) lands in the future: the core refuses
  // it (`future_time`) and `act` says so at the field.
  const when = () => {
    const at = stepDraft(drafts[draftKey]).at;
    return at ? withZone(at) : ctx.now();
  };
  const approverInputs = () => {
    const apName = h("input", { type: "text", id: nextId(), autocomplete: "off", maxlength: "100", data: { act: "approver-name" }, props: { value: draft.apName || "" } });
    apName.addEventListener("input", () => keep({ apName: apName.value }));
    const apRole = ctx.roleSelect(draft.apRole && ctx.roleTitles[draft.apRole] ? draft.apRole : s.requiresApproval);
    apRole.id = nextId();
    apRole.dataset.act = "approver-role";
    apRole.addEventListener("change", () => keep({ apRole: apRole.value }));
    return { apName, apRole };
  };
  if (s.form && s.active !== false) {
    li.append(h("button", { type: "button", class: "small", onclick: () => ctx.openForm(s.form) }, `${t("fillForm", L)}：${ctx.formTitle(s.form)}`));
  }
  if (!live) return li;
  if (s.options?.length) {
    const fs = h("fieldset", { class: "decision" }, h("legend", {}, t("decide", L)));
    const name = nextId("opt");
    const radios = s.options.map((o) => {
      const id = nextId();
      const rd = h("input", { type: "radio", name, id, value: o.id, data: { act: `option-${o.id}` }, props: { checked: draft.option === o.id } });
      rd.addEventListener("change", () => { if (rd.checked) keep({ option: o.id }); });
      return [o, rd];
    });
    for (const [o, rd] of radios) fs.append(h("div", { class: "kind-option" }, rd, h("label", { for: rd.id }, tx(o.text, L) || o.id)));
    let apName, apRole;
    const at = timeInput();
    if (s.requiresApproval) {
      ({ apName, apRole } = approverInputs());
      fs.append(h("div", { class: "grid approval" },
        h("div", { class: "field" }, h("label", { for: apName.id }, t("approverName", L)), apName),
        h("div", { class: "field" }, h("label", { for: apRole.id }, t("approverRole", L)), apRole),
        h("div", { class: "field" }, h("label", { for: at.id }, timeLabel(t("approvedAt", L), L)), at)));
    } else {
      fs.append(h("div", { class: "field" }, h("label", { for: at.id }, timeLabel(t("at", L), L)), at));
    }
    fs.append(h("button", { type: "button", class: "primary", data: { act: "decide" }, onclick: () => {
      const chosen = radios.find(([, rd]) => rd.checked);
      if (!chosen) { radios[0][1].focus(); return; }
      const approvedBy = s.requiresApproval && apName.value.trim() ? { name: apName.value.trim(), role: apRole.value } : undefined;
      act(() => r.decide(s.id, chosen[0].id, when(), approvedBy, undefined, by()), { input: at, label: t(s.requiresApproval ? "approvedAt" : "at", L) });
    } }, t("decide", L)));
    li.append(fs);
  } else {
    const row = h("div", { class: "row" });
    let approval = null;
    if (s.requiresApproval) {
      // An approval-gated step: who approved, in which role, when.
      const { apName, apRole } = approverInputs();
      const at = timeInput();
      approval = { apName, apRole, at };
      li.append(h("fieldset", { class: "grid approval" }, h("legend", {}, t("approval", L)),
        h("div", { class: "field" }, h("label", { for: apName.id }, t("approverName", L)), apName),
        h("div", { class: "field" }, h("label", { for: apRole.id }, t("approverRole", L)), apRole),
        h("div", { class: "field" }, h("label", { for: at.id }, timeLabel(t("approvedAt", L), L)), at)));
      if (typeof r.requestApproval === "function" && s.status !== "awaiting_approval") {
        row.append(h("button", { type: "button", class: "small", onclick: () => act(() => r.requestApproval(s.id, ctx.now(), by())) }, t("requestApproval", L)));
      }
    }
    row.append(h("button", { type: "button", class: "small", onclick: () => act(() => {
      const approvedBy = approval && approval.apName.value.trim() ? { name: approval.apName.value.trim(), role: approval.apRole.value } : undefined;
      return r.complete(s.id, approval ? when() : ctx.now(), by(), undefined, approvedBy);
    }, approval ? { input: approval.at, label: t("approvedAt", L) } : null) }, t("markDone", L)));
    if (s.optional && typeof r.skip === "function") row.append(h("button", { type: "button", class: "small", onclick: () => act(() => r.skip(s.id, ctx.now(), by())) }, t("skip", L)));
    li.append(row);
  }
  return li;
}

export function countdownText(dueAt, L) {
  const left = parseTime(dueAt) - Date.now();
  if (Number.isNaN(left)) return "";
  return left >= 0 ? `${t("due", L)} ${clock(left)}` : `${t("overdueBy", L)} ${clock(-left)}`;
}

/** Updates every countdown in `root` (called each second by the panel). */
export function tickCountdowns(root, L) {
  for (const el of root.querySelectorAll(".countdown")) {
    const text = el.querySelector(".cd-text") || el;
    text.textContent = countdownText(el.dataset.due, L);
    el.classList.toggle("late", parseTime(el.dataset.due) < Date.now());
  }
}

// A log of thousands of entries is not drawn whole at every re-render (that blocked the page
// for a third of a second at 5,000): the latest LOG_SHOWN, and more on request (500 at a time). The export and
// the saved copy always hold all of it.
const LOG_SHOWN = 50;

function recent(ctx, entries, ol) {
  const from = Math.max(0, entries.length - (ctx.host.logShown || LOG_SHOWN));
  if (from) ol.setAttribute("start", String(from + 1));
  return entries.slice(from);
}

function logFooter(ctx, entries) {
  const L = ctx.lang;
  const out = [];
  const hidden = Math.max(0, entries.length - (ctx.host.logShown || LOG_SHOWN));
  if (hidden) {
    out.push(h("p", { class: "log-more" }, L === "en" ? `${hidden} earlier entries not shown. ` : `前面还有 ${hidden} 条记录未显示。`,
      h("button", { type: "button", class: "small", onclick: () => { ctx.host.logShown = (ctx.host.logShown || LOG_SHOWN) + 500; ctx.refresh("response"); } }, L === "en" ? "Show 500 more" : "再显示 500 条")));
  }
  // The check code: the head as an anchor to keep outside the browser (verifyLog({ head, count })).
  const code = ctx.anchorLabel?.();
  if (code) out.push(h("p", { class: "check-code" }, code));
  return out;
}
