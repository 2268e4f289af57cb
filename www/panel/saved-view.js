// Saved incidents: restore, delete, export.
import { h, download, inZone, zoneLabel } from "./dom.js";
import { t, tx } from "./i18n.js";
import { errorText, has } from "./engine.js";
import { listSaved, removeSaved, restoreSaved } from "./store.js";
import { outboxList, outboxAck } from "./outbox.js";
import { severityBadge } from "./classify-view.js";
import { icon } from "./icons.js";

export function savedView(ctx) {
  const L = ctx.lang;
  const root = h("section", { class: "saved-view" }, h("h2", {}, t("saved", L)));
  if (!has("IncidentResponse") || !has("savedResponses")) {
    root.append(h("p", { class: "notice" }, t("missing", L) + "IncidentResponse, savedResponses"));
    return root;
  }
  let list;
  try {
    list = listSaved();
  } catch (e) {
    ctx.storageError(e);
    root.append(h("p", { class: "finding error" }, t("storageError", L), errorText(e, L)));
    return root;
  }
  if (!list.responses.length) root.append(h("p", {}, t("noSaved", L)));
  const ul = h("ul", { class: "saved-list" });
  const currentId = ctx.response ? ctx.responseInfo(ctx.response).id : null;
  for (const s of list.responses) {
    const kind = ctx.info.kinds.find((k) => k.id === s.kind);
    const label = `${tx(kind?.title, L) || s.kind} ${s.discoveredAt || ""}`;
    ul.append(h("li", { data: { id: s.id } },
      h("div", {}, severityBadge(kind?.severity, L), " ", h("strong", {}, tx(kind?.title, L) || s.kind),
        s.id === currentId ? h("span", { class: "badge current" }, t("active", L)) : null),
      h("div", { class: "meta" }, s.discoveredAt ? `${inZone(s.discoveredAt)} (${zoneLabel(L)})` : "", s.site ? ` · ${s.site}` : "", s.room ? ` · ${s.room}` : "", s.entries ? ` · ${s.entries}${t("entries", L)}` : ""),
      h("div", { class: "row" },
        h("button", { type: "button", class: "small", aria: { label: `${t("restore", L)}: ${label}` }, onclick: () => {
          try { ctx.setResponse(restoreSaved(ctx.plan, s.id)); ctx.go("response"); } catch (e) { ctx.storageError(e); ctx.refresh("saved"); }
        } }, t("restore", L)),
        h("button", { type: "button", class: "small", aria: { label: `${t("export", L)}: ${label}` }, onclick: () => {
          try { download(`incident-${s.id}.json`, restoreSaved(ctx.plan, s.id).toJSON()); } catch (e) { ctx.storageError(e); }
        } }, t("export", L)),
        h("button", { type: "button", class: "small danger", aria: { label: `${t("remove", L)}: ${label}` }, onclick: () => {
          if (!window.confirm(t("confirmRemove", L))) return;
          try {
            removeSaved(s.id);
            if (s.id === currentId) ctx.setResponse(null);
          } catch (e) { ctx.storageError(e); }
          ctx.refresh("saved");
        } }, t("remove", L)))));
  }
  root.append(ul);
  root.append(quarantineSection(ctx, list.quarantined || []));
  root.append(outboxSection(ctx));
  return root;
}

/** Saved entries set aside as damaged or altered, each with why: savedResponses() lists every
 * one in storage, whichever listing, restore or page set it aside. */
function quarantineSection(ctx, listed) {
  const L = ctx.lang;
  const found = new Map();
  for (const q of listed) found.set(q.key || `${q.id}|${q.code}`, { id: q.id, key: q.key, code: q.code });
  const sec = h("section", { class: "quarantine", aria: { label: t("quarantined", L) } });
  if (!found.size) return sec;
  sec.append(h("h3", {}, t("quarantined", L), ` (${found.size})`));
  const ul = h("ul", { class: "quarantine-list" });
  for (const q of found.values()) {
    let raw = null;
    try { raw = q.key ? localStorage.getItem(q.key) : null; } catch { raw = null; }
    let doc = null;
    try { doc = raw ? JSON.parse(raw) : null; } catch { doc = null; }
    const kind = typeof doc?.kind === "string" ? ctx.info.kinds.find((k) => k.id === doc.kind) : null;
    const at = doc?.log?.[0]?.at || doc?.discoveredAt;
    const why = q.code ? (t(`q_${q.code}`, L) !== `q_${q.code}` ? t(`q_${q.code}`, L) : q.code) : "";
    ul.append(h("li", { data: { quarantined: q.id } },
      h("span", { class: "finding warning" }, icon("warn"), " ", h("strong", {}, kind ? tx(kind.title, L) : q.id)),
      h("span", { class: "meta" }, `${typeof at === "string" ? ` · ${inZone(at)} (${zoneLabel(L)})` : ""} · ${q.id}${why ? ` · ${why}` : ""}`), " ",
      raw !== null ? h("button", { type: "button", class: "small", aria: { label: `${t("export", L)}: ${q.id}` }, onclick: () => download(`quarantined-${q.id}.json`, doc ?? raw) }, t("export", L)) : null));
  }
  sec.append(ul);
  return sec;
}

/** Validated reports the portal has not acknowledged yet: visible, and offered again on demand. */
function outboxSection(ctx) {
  const L = ctx.lang;
  const en = L === "en";
  const items = outboxList();
  const sec = h("section", { class: "outbox", aria: { label: en ? "Reports waiting for the portal" : "待门户接收的报告" } },
    h("h3", {}, en ? "Reports waiting for the portal" : "待门户接收的报告", ` (${items.length})`));
  if (!items.length) {
    sec.append(h("p", {}, en ? "None: the portal has taken every report." : "无：门户已接收全部报告。"));
    return sec;
  }
  const ul = h("ul", { class: "outbox-list" });
  for (const it of items) {
    const problem = ctx.host.checkOutboxItem(it);
    ul.append(h("li", { data: { outbox: it.outboxId }, class: problem ? "invalid" : null },
      h("strong", {}, ctx.formTitle(String(it.form))), " ",
      problem ? h("span", { class: "finding error" }, `${en ? "Did not validate, not handed to the portal" : "未通过校验，未交给门户"}：${problem[L === "en" ? "en" : "zh"]} `) : null,
      h("span", { class: "meta" }, `${typeof it.queuedAt === "string" ? `${inZone(it.queuedAt, true)} (${zoneLabel(L)})` : ""}${typeof it.responseId === "string" ? ` · ${it.responseId}` : ""}${typeof it.log?.checkCode === "string" ? ` · ${it.log.checkCode}` : ""}`), " ",
      problem
        ? h("button", { type: "button", class: "small danger", data: { act: "outbox-remove" }, onclick: () => { if (window.confirm(en ? "Delete this report that did not validate?" : "删除这份未通过校验的报告？")) { try { outboxAck(it.outboxId); } catch (e) { ctx.storageError(e); } } ctx.refresh("saved"); } }, t("remove", L))
        : h("button", { type: "button", class: "small", onclick: () => ctx.host.offer(it) }, en ? "Offer again" : "再次提交")));
  }
  sec.append(ul);
  return sec;
}
