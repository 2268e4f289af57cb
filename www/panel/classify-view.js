// Describe or pick the incident: live classification (debounced) of what the proctor types,
// the matched words highlighted with <mark> elements built from text nodes, a severity badge,
// when the classifier is not certain its top candidates as one-tap choices, a change of handling
// (escalation) as a note — never as a badge —, the clarifying questions as inputs, every kind
// grouped major/general, and the start form (prefilled with the room the text names).
import { h, clear, nextId, debounce, localInput, timeLabel, withZone, zoneLabel, inZone, nowIn } from "./dom.js";
import { t, tx } from "./i18n.js";
import { ei, has, errorText, timeErrorText } from "./engine.js";

// Questions whose id names a fact get a typed input; the answer goes back as `facts`.
const NUMBER_FACTS = new Set(["rooms_affected", "candidates_affected", "outage_minutes"]);
const BOOL_FACTS = new Set(["restored", "regional"]);
const WHOLE_FACTS = new Set(["rooms_affected", "candidates_affected"]);

/** Whether a saved or typed answer is one the classifier takes ("" is "not answered"). */
function validAnswer(fact, v) {
  if (v === "" || v == null) return true;
  if (NUMBER_FACTS.has(fact)) return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1e7 && (!WHOLE_FACTS.has(fact) || Number.isInteger(v));
  if (fact === "phase") return PHASES.includes(v);
  return typeof v === "boolean";
}

/** Drops saved answers (and signal answers) the classifier would refuse; returns how many went. */
function dropInvalidAnswers(ui) {
  let dropped = 0;
  for (const [k, v] of Object.entries(ui.answers)) if (!validAnswer(k, v)) { delete ui.answers[k]; dropped += 1; }
  if (ui.signals && typeof ui.signals === "object") {
    for (const [k, v] of Object.entries(ui.signals)) if (v !== "" && typeof v !== "boolean") { delete ui.signals[k]; dropped += 1; }
  }
  return dropped;
}
const PHASES = ["transport", "storage", "before_exam", "during_exam", "after_exam"];
const PHASE_LABELS = { transport: ["运送途中", "in transport"], storage: ["保管期间", "in storage"], before_exam: ["考前", "before the exam"], during_exam: ["考试中", "during the exam"], after_exam: ["考后", "after the exam"] };

/** [start, end) UTF-16 ranges of the text evidence in `text`. */
export function evidenceRanges(text, cls) {
  const out = [];
  const chars = Array.from(text);
  const u16 = (ci) => chars.slice(0, ci).join("").length;
  for (const c of (cls?.candidates || []).slice(0, 1)) {
    for (const e of c.evidence || []) {
      if ((e.source !== "text" && e.source !== "example") || !e.matched) continue;
      const s = e.start ?? e.offset ?? e.span?.[0];
      const en = e.end ?? (s != null ? s + Array.from(e.matched).length : undefined) ?? e.span?.[1];
      if (Number.isInteger(s) && Number.isInteger(en)) {
        if (text.slice(s, en) === e.matched) { out.push([s, en]); continue; }
        const a = u16(s), b = u16(en);
        if (text.slice(a, b) === e.matched) { out.push([a, b]); continue; }
      }
      const i = text.indexOf(e.matched);
      if (i >= 0) out.push([i, i + e.matched.length]);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The text with the ranges wrapped in <mark>: text nodes only. */
export function highlight(text, ranges) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) frag.append(document.createTextNode(text.slice(at, s)));
    frag.append(h("mark", {}, text.slice(s, e)));
    at = e;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

export function severityBadge(sev, L) {
  if (!sev) return null;
  return h("span", { class: `badge ${sev}` }, sev === "major" ? t("major", L) : t("general", L));
}

export function classifyView(ctx) {
  const L = ctx.lang;
  const ui = ctx.ui;
  ui.answers ||= {};
  const root = h("section", { class: "classify-view" });
  // Saved answers the classifier cannot take (damaged storage, an older build) are dropped, the
  // description kept, and the proctor told: they must not lock the classifier for good.
  const notice = h("p", { class: "finding warning answers-dropped", role: "status", hidden: true });
  const dropped = () => { notice.textContent = t("answersDropped", L); notice.hidden = false; ctx.saveUi(); };
  if (dropInvalidAnswers(ui)) dropped();
  const taId = nextId();
  // Limits as the library's (the description is also the response's opening note).
  const ta = h("textarea", { id: taId, rows: 3, maxlength: "2000", placeholder: t("describeHint", L), props: { value: ui.text || "" } });
  const result = h("div", { class: "classification", role: "status", "aria-live": "polite" });
  const questions = h("div", { class: "questions" });
  const picker = h("fieldset", { class: "kinds" }, h("legend", {}, t("pickKind", L)));
  const start = h("div", { class: "start" });
  root.append(
    h("h2", {}, t("describe", L)),
    h("label", { for: taId }, t("describe", L), h("small", { class: "hint" }, ` ${t("describeHint", L)}`)),
    ta, notice, result, questions, start, picker,
  );

  let cls = null;
  const run = () => {
    ui.text = ta.value;
    ctx.saveUi();
    if (!has("classify")) {
      clear(result).append(h("p", { class: "notice" }, t("missing", L) + "classify"));
      return;
    }
    const facts = {};
    for (const [k, v] of Object.entries(ui.answers)) if (v !== "" && v != null) facts[k] = v;
    // Questions about a signal (widespread cheating? infectious?): a yes adds it to the facts.
    const signals = Object.entries(ui.signals || {}).filter(([, v]) => v === true).map(([s]) => s);
    if (signals.length) facts.signals = signals;
    if (!ta.value.trim() && !Object.keys(facts).length) { cls = null; clear(result); clear(questions); renderStart(); return; }
    try {
      cls = ctx.plan.classify({ text: ta.value, facts });
    } catch (e) {
      // An answer refused anyway (a signal this plan does not know): classify the text alone,
      // drop the answers and say so, rather than show the error for good.
      let plain = null;
      if (Object.keys(facts).length) { try { plain = ctx.plan.classify({ text: ta.value, facts: {} }); } catch { plain = null; } }
      if (!plain) { clear(result).append(h("p", { class: "finding error" }, errorText(e, L))); return; }
      ui.answers = {};
      ui.signals = {};
      shownQuestions = "";
      asked.clear();
      dropped();
      cls = plain;
    }
    ctx.classification = cls;
    if (cls.kind && !ui.picked) ui.kind = cls.kind;
    renderResult();
    renderQuestions();
    syncPicker();
    renderStart();
    ctx.emit("incident-classified", { text: ta.value, classification: cls });
  };
  const soon = debounce(run, 300);
  // What was typed is kept at once, not when the classifier next runs: a move of the element or a
  // reload 100 ms after the last key loses nothing.
  ta.addEventListener("input", () => { ui.picked = false; ui.text = ta.value; ctx.saveUi(); soon(); });

  function renderResult() {
    clear(result);
    const text = ta.value;
    const mirror = h("p", { class: "mirror", aria: { label: t("matched", L) } });
    mirror.append(highlight(text, evidenceRanges(text, cls)));
    if (!cls.kind) { result.append(h("p", { class: "notice" }, t("noMatch", L)), mirror); return; }
    const top = cls.candidates[0];
    const certain = cls.certain !== false;
    result.append(
      h("p", { class: "verdict" }, h("strong", {}, t("understood", L), "："), " ", severityBadge(cls.severity, L), " ",
        h("span", { class: "kind-title", data: { kind: cls.kind } }, tx(ctx.kindTitles[cls.kind], L))),
      mirror,
    );
    if (cls.escalation) {
      // A change of handling, beside the severity: a note, not a badge.
      result.append(h("p", { class: "escalation-note", role: "note", data: { to: cls.escalation.to } },
        h("strong", {}, t("escalationNote", L), "："), tx(cls.escalation.reason, L)));
    }
    const words = [...new Set((top?.evidence || []).filter((e) => e.source === "text" || e.source === "example").map((e) => e.matched).filter(Boolean))];
    if (words.length) result.append(h("p", { class: "evidence" }, `${t("matched", L)}：`, words.map((w, i) => [i ? "、" : "", h("q", {}, w)])));
    const example = (top?.evidence || []).find((e) => e.source === "example" && e.example);
    if (example) result.append(h("p", { class: "example" }, `${t("nearestExample", L)}：`, h("q", {}, example.example)));
    if (!certain) {
      // The top candidates as one-tap choices, above the full list of kinds.
      const confirm = cls.questions?.find((q) => q.fact === "kind");
      const kinds = confirm?.kinds?.length ? confirm.kinds : cls.candidates.slice(0, 3).map((c) => c.kind);
      const sevOf = (k) => cls.candidates.find((c) => c.kind === k)?.severity;
      result.append(h("div", { class: "choices", role: "group", aria: { label: t("notCertain", L) } },
        h("p", { class: "notice" }, confirm ? tx(confirm.text, L) : t("notCertain", L)),
        kinds.map((k) => h("button", { type: "button", class: "choice", data: { kind: k }, onclick: () => pick(k) },
          severityBadge(sevOf(k), L), " ", tx(ctx.kindTitles[k], L)))));
      return;
    }
    const alts = cls.candidates.slice(1, 4);
    if (alts.length) {
      result.append(h("p", { class: "alts" }, `${t("alternatives", L)}：`, alts.map((c, i) => [i ? "；" : "",
        h("button", { type: "button", class: "link", onclick: () => pick(c.kind) }, severityBadge(c.severity, L), " ", tx(ctx.kindTitles[c.kind], L))])));
    }
  }

  // Every question asked so far, in the order first asked. An answered question stays on screen
  // though the classifier, now knowing the answer, no longer asks it: the proctor typing "20"
  // must not see the field vanish after the "2" (and their next keys land elsewhere).
  const asked = new Map();
  const qKey = (q) => (q.fact === "signals" && q.signal ? `signal:${q.signal}` : q.fact || q.id);
  const answered = (q) => {
    if (q.fact === "signals" && q.signal) return ui.signals?.[q.signal] === true || ui.signals?.[q.signal] === false;
    const v = ui.answers[q.fact || q.id];
    return v !== undefined && v !== null && v !== "";
  };
  let shownQuestions = "";

  function renderQuestions() {
    const now = new Set();
    for (const q of cls?.questions || []) {
      // The kind is confirmed by the choices above.
      if (q.fact === "kind") continue;
      asked.set(qKey(q), q);
      now.add(qKey(q));
    }
    const list = [...asked].filter(([k, q]) => now.has(k) || answered(q)).map(([, q]) => q);
    // The same questions: the controls already hold their answers; rebuilding them would only
    // take the focus from under the proctor's fingers.
    const sig = JSON.stringify(list.map((q) => [qKey(q), q.text]));
    if (sig === shownQuestions && questions.firstChild) return;
    shownQuestions = sig;
    clear(questions);
    if (!list.length) return;
    const fs = h("fieldset", {}, h("legend", {}, t("questions", L)));
    for (const q0 of list) {
      // A signal question adds its signal.
      if (q0.fact === "signals" && q0.signal) {
        const id = nextId();
        const cur = ui.signals?.[q0.signal];
        const control = h("select", { id }, h("option", { value: "" }, t("unknown", L)), h("option", { value: "true" }, t("yes", L)), h("option", { value: "false" }, t("no", L)));
        control.value = cur === true ? "true" : cur === false ? "false" : "";
        control.addEventListener("change", () => { ui.signals ||= {}; ui.signals[q0.signal] = control.value === "" ? "" : control.value === "true"; ctx.saveUi(); soon(); });
        control.dataset.signal = q0.signal;
        fs.append(h("div", { class: "field" }, h("label", { for: id }, tx(q0.text, L)), control));
        continue;
      }
      // A question names the fact its answer sets (`fact`, else its id).
      const q = { ...q0, id: q0.fact || q0.id };
      const id = nextId();
      let control;
      const cur = ui.answers[q.id];
      if (NUMBER_FACTS.has(q.id)) {
        const whole = WHOLE_FACTS.has(q.id);
        control = h("input", { id, type: "number", min: "0", step: whole ? "1" : "any", inputmode: whole ? "numeric" : "decimal", props: { value: cur ?? "" } });
        // A value the classifier would refuse (-5, 1.5 rooms, "e") is said at the field and not
        // used; the answer stays unanswered until it is one.
        const bad = h("p", { class: "finding error", id: nextId("m"), role: "alert", hidden: true }, t(whole ? "answerWhole" : "answerMinutes", L));
        control.setAttribute("aria-describedby", bad.id);
        control.addEventListener("input", () => {
          const n = control.value === "" ? "" : Number(control.value);
          const ok = control.validity.valid && validAnswer(q.id, n) && !(control.value === "" && control.validity.badInput);
          bad.hidden = ok;
          if (ok) control.removeAttribute("aria-invalid"); else control.setAttribute("aria-invalid", "true");
          ui.answers[q.id] = ok ? n : "";
          ctx.saveUi();
          soon();
        });
        control.dataset.fact = q.id;
        fs.append(h("div", { class: "field" }, h("label", { for: id }, tx(q.text, L)), control, bad));
        continue;
      } else if (q.id === "phase") {
        control = h("select", { id }, h("option", { value: "" }, t("unknown", L)), PHASES.map((p) => h("option", { value: p }, L === "en" ? PHASE_LABELS[p][1] : PHASE_LABELS[p][0])));
        control.value = cur ?? "";
        control.addEventListener("change", () => { ui.answers[q.id] = control.value; ctx.saveUi(); soon(); });
      } else {
        // Yes/no questions (restored, regional, …) and any other id: a three-way choice.
        control = h("select", { id }, h("option", { value: "" }, t("unknown", L)), h("option", { value: "true" }, t("yes", L)), h("option", { value: "false" }, t("no", L)));
        control.value = cur === true ? "true" : cur === false ? "false" : "";
        control.addEventListener("change", () => { ui.answers[q.id] = control.value === "" ? "" : control.value === "true"; ctx.saveUi(); soon(); });
        if (!BOOL_FACTS.has(q.id)) control.dataset.question = q.id;
      }
      control.dataset.fact = q.id;
      fs.append(h("div", { class: "field" }, h("label", { for: id }, tx(q.text, L)), control));
    }
    questions.append(fs);
  }

  // Every kind of the plan, grouped major / general, as radio buttons.
  const radios = new Map();
  for (const sev of ["major", "general"]) {
    const group = h("fieldset", { class: `kind-group ${sev}` }, h("legend", {}, severityBadge(sev, L)));
    for (const k of ctx.info.kinds.filter((k) => k.severity === sev)) {
      const id = nextId();
      const r = h("input", { type: "radio", name: "kind", id, value: k.id });
      r.addEventListener("change", () => pick(k.id));
      radios.set(k.id, r);
      group.append(h("div", { class: "kind-option" }, r, h("label", { for: id }, tx(k.title, L))));
    }
    picker.append(group);
  }
  function syncPicker() {
    for (const [id, r] of radios) r.checked = id === ui.kind;
  }
  function pick(kind) {
    ui.kind = kind;
    ui.picked = true;
    ctx.saveUi();
    syncPicker();
    renderStart();
  }

  let startFor = null;
  function renderStart() {
    const kind = ui.kind ? ctx.info.kinds.find((k) => k.id === ui.kind) : null;
    // The same kind: keep the form the proctor may be typing in; only a room the description
    // names now fills an empty room field nobody has typed in.
    if (kind && startFor === kind.id && start.firstChild) {
      const room = start.querySelector("input[name=room]");
      const named = ctx.classification?.facts?.rooms?.[0];
      if (room && ui.room === undefined && !ctx.room && named && !room.value) room.value = named;
      return;
    }
    clear(start);
    startFor = kind?.id ?? null;
    if (!kind) return;
    const form = h("form", { class: "start-form", "aria-label": t("startTitle", L) });
    const f = (label, control) => {
      control.id ||= nextId();
      return h("div", { class: "field" }, h("label", { for: control.id }, label), control);
    };
    const disc = h("input", { type: "datetime-local", name: "discoveredAt", required: true, props: { value: ui.discoveredAt || localInput() } });
    const site = h("input", { type: "text", name: "site", autocomplete: "off", maxlength: "200", props: { value: ui.site ?? ctx.site ?? "" } });
    // The room the description names prefills the form where the host set none (what the proctor
    // typed there, then the element's room attribute, win).
    const named = ctx.classification?.facts?.rooms?.[0];
    const room = h("input", { type: "text", name: "room", autocomplete: "off", maxlength: "200", props: { value: ui.room ?? (ctx.room || named || "") } });
    const name = h("input", { type: "text", name: "name", autocomplete: "name", maxlength: "100", props: { value: ui.name ?? "" } });
    const role = ctx.roleSelect(ui.role || "site_staff");
    role.name = "role";
    // Deadlines counted from a time other than discovery (the outage start) ask for that time.
    const anchors = ctx.anchorsFor(kind.id);
    const anchorInputs = anchors.map((a) => [a, h("input", { type: "datetime-local", name: `anchor-${a.id}`, props: { value: ui.anchors?.[a.id] || "" } })]);
    const problem = h("p", { class: "finding error start-problem", role: "alert", hidden: true });
    let confirmedPast = null;
    form.append(
      h("h3", {}, t("startTitle", L), "：", severityBadge(kind.severity, L), " ", tx(kind.title, L)),
      h("div", { class: "grid" },
        f(timeLabel(t("discoveredAt", L), L), disc),
        anchorInputs.map(([a, inp]) => f(timeLabel(tx(a.title, L), L), inp)),
        f(t("site", L), site), f(t("room", L), room), f(t("you", L), name), f(t("yourRole", L), role)),
      problem,
      h("button", { type: "submit", class: "primary" }, t("start", L)),
    );
    form.addEventListener("input", () => {
      Object.assign(ui, { discoveredAt: disc.value, site: site.value, room: room.value, name: name.value, role: role.value });
      ui.anchors = Object.fromEntries(anchorInputs.map(([a, inp]) => [a.id, inp.value]));
      ctx.saveUi();
    });
    // The time fields by the name the core gives them in an error (`params.field`).
    const timeFields = new Map([["discoveredAt", [t("discoveredAt", L), disc]], ...anchorInputs.map(([a, inp]) => [`anchors.${a.id}`, [tx(a.title, L), inp]])]);
    // A time the core refuses — later than now (`future_time`: read off another clock, the
    // device's own zone; the plan's tolerance decides), or not a time — is said here, at its
    // field, saying which zone the field is in and what time it is there; the form keeps it.
    const timeError = (err) => {
      const [label, inp] = timeFields.get(err?.params?.field) || [];
      if (!inp || !["future_time", "bad_time"].includes(err.code)) return false;
      problem.textContent = timeErrorText(err, label, L);
      problem.hidden = false;
      inp.setAttribute("aria-invalid", "true");
      inp.focus();
      return true;
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      for (const [, inp] of timeFields.values()) inp.removeAttribute("aria-invalid");
      // Many hours ago is most often the device's own clock in a zone behind the plan's (a
      // laptop left on another zone): said once; pressing start again with it confirms it.
      const ago = (Date.now() - Date.parse(withZone(disc.value || localInput()))) / 3600e3;
      if (ago >= 6 && confirmedPast !== disc.value) {
        confirmedPast = disc.value;
        problem.textContent = t("longAgo", L, { hours: Math.floor(ago), zone: zoneLabel(L), now: inZone(nowIn()) });
        problem.hidden = false;
        disc.focus();
        return;
      }
      problem.hidden = true;
      const anchorsVal = {};
      for (const [a, inp] of anchorInputs) if (inp.value) anchorsVal[a.id] = withZone(inp.value);
      ctx.startResponse({
        kind: kind.id,
        discoveredAt: withZone(disc.value || localInput()),
        site: site.value || undefined,
        room: room.value || undefined,
        by: name.value ? { name: name.value, role: role.value } : undefined,
        anchors: Object.keys(anchorsVal).length ? anchorsVal : undefined,
        note: ta.value || undefined,
      }, timeError);
    });
    if (!has("IncidentResponse")) form.append(h("p", { class: "notice" }, t("missing", L) + "IncidentResponse"));
    start.append(form);
  }

  syncPicker();
  // After a reload the questions already answered are asked no more: the text alone says which
  // they were, so they are shown again with their saved answers (and can still be changed).
  const hasAnswers = Object.values(ui.answers).some((v) => v !== "" && v != null) || Object.values(ui.signals || {}).some((v) => typeof v === "boolean");
  if (hasAnswers && ta.value.trim() && has("classify")) {
    try { for (const q of ctx.plan.classify({ text: ta.value, facts: {} }).questions || []) if (q.fact !== "kind") asked.set(qKey(q), q); } catch { /* run() says why */ }
  }
  if (ta.value || Object.keys(ui.answers).length) run();
  else renderStart();
  ctx.focusTarget = ta;
  return root;
}
