// Saved incidents: restore, delete, export.
import { h, download } from "./dom.js";
import { t, tx } from "./i18n.js";
import { errorText, has } from "./engine.js";
import { listSaved, removeSaved, restoreSaved } from "./store.js";
import { outboxList } from "./outbox.js";
import { severityBadge } from "./classify-view.js";

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
      h("div", { class: "meta" }, s.discoveredAt || "", s.site ? ` · ${s.site}` : "", s.room ? ` · ${s.room}` : "", s.entries ? ` · ${s.entries}${t("entries", L)}` : ""),
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
  for (const q of list.quarantined || []) root.append(h("p", { class: "finding warning" }, `⚠ ${q.id}: ${q.code}`));
  root.append(outboxSection(ctx));
  return root;
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
    ul.append(h("li", { data: { outbox: it.outboxId } },
      h("strong", {}, ctx.formTitle(it.form)), " ",
      h("span", { class: "meta" }, `${it.queuedAt || ""}${it.responseId ? ` · ${it.responseId}` : ""}${it.log ? ` · ${it.log.checkCode}` : ""}`), " ",
      h("button", { type: "button", class: "small", onclick: () => ctx.host.offer(it) }, en ? "Offer again" : "再次提交")));
  }
  sec.append(ul);
  return sec;
}
