// The proctor console: the <exam-incident-panel> element plus what a portal would add — a
// language switch and a listener for finished reports (here listed, since there is no backend).
// All text goes in through textContent.
import "./exam-incident-panel.js";

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

panel.addEventListener("report-ready", (e) => {
  const { form, data } = e.detail;
  const li = document.createElement("li");
  li.textContent = `${new Date().toLocaleTimeString()} · ${form} · ${JSON.stringify(data).length} B`;
  document.getElementById("reports").append(li);
  document.getElementById("handed").hidden = false;
});
