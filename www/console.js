// The proctor console: the <exam-incident-panel> element plus what a portal would add — a
// language switch and a listener for finished reports (here listed, since there is no backend).
// All text goes in through textContent.
import "./exam-incident-panel.js";
import { nowIn } from "./panel/dom.js";

// Offline after the first visit (a jammed exam room): the console registers its own service
// worker. The element does not: a portal decides on its own service worker.
// Registered once the page has loaded (the preloaded .wasm included): installing precaches every
// file, and on a slow first visit that must not compete with the page's own downloads.
if ("serviceWorker" in navigator) {
  const register = () => navigator.serviceWorker.register("sw.js").catch((e) => console.warn("service worker:", e?.message || e));
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

const panel = document.querySelector("exam-incident-panel");
const lang = document.getElementById("lang");
const saved = localStorage.getItem("exam-incident-console/lang");
if (saved === "en" || saved === "zh") panel.setAttribute("lang", saved);
lang.value = panel.getAttribute("lang");
lang.addEventListener("change", () => {
  panel.setAttribute("lang", lang.value);
  document.documentElement.lang = lang.value === "en" ? "en" : "zh-CN";
  try { localStorage.setItem("exam-incident-console/lang", lang.value); } catch { /* storage off: fine */ }
});

// Here the "portal" is this list: a report is taken once it is shown, so it is acknowledged
// (a real portal acknowledges once its server has stored the report).
panel.addEventListener("report-ready", (e) => {
  const { form, data, log } = e.detail;
  const li = document.createElement("li");
  li.textContent = `${nowIn().slice(11, 19)} · ${form} · ${JSON.stringify(data).length} B${log ? ` · ${log.checkCode}` : ""}`;
  document.getElementById("reports").append(li);
  document.getElementById("handed").hidden = false;
  e.detail.ack?.();
});
