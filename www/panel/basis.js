// Where a plan item comes from, as the console shows it: a site default (本考点默认) or an
// inference of the plan where the seed is silent (本预案推定, its reason on hover). Items the seed
// itself says carry no mark.
import { h } from "./dom.js";
import { t, tx } from "./i18n.js";

export function basisMark(item, L) {
  if (item?.basis === "site_default") return [" ", h("small", { class: "basis", data: { basis: "site_default" } }, t("siteDefault", L))];
  if (item?.basis === "inferred") {
    return [" ", h("small", { class: "basis inferred", data: { basis: "inferred" }, title: item.reason ? tx(item.reason, L) : "" }, t("inferredByPlan", L))];
  }
  return null;
}
