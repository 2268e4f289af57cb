// The readiness check (应急保障) before an exam: the plan's items, and the readiness_check form
// filled in, validated and handed to the portal like any report.
import { h, localInput } from "./dom.js";
import { t, tx } from "./i18n.js";
import { FormEditor } from "./forms-view.js";
import { basisMark } from "./basis.js";

export function readinessView(ctx) {
  const L = ctx.lang;
  const root = h("section", { class: "readiness-view" }, h("h2", {}, t("readiness", L)));
  const items = ctx.planDoc?.readiness || [];
  if (items.length) {
    root.append(h("ul", { class: "readiness-items" }, items.map((i) => h("li", { data: { item: i.id } }, tx(i.text, L), " ", h("small", { class: "clause" }, `〔${i.clause}〕`), basisMark(i, L)))));
  }
  let data = ctx.getFormData("readiness_check", "readiness");
  if (!data) data = { site: ctx.site || "", exam_date: localInput().slice(0, 10), on_duty_staff: [{}], leader_contacts: [{}] };
  const editor = new FormEditor(ctx, "readiness_check", data, {
    onChange: (d) => ctx.setFormData("readiness_check", d, "readiness"),
    onSubmit: (d) => ctx.reportReady("readiness_check", d),
  });
  root.append(editor.root);
  return root;
}
