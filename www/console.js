// Minimal console: lists the plan's kinds and shows guide() for the chosen one.
// All text goes in through textContent: nothing the plan or a user wrote is parsed as HTML.
import init, * as ei from "./pkg/exam_incident.js";

await init();
const info = ei.planInfo();
document.getElementById("plan-name").textContent = `${info.name.zh}（${info.version}）`;
const select = document.getElementById("kind");
for (const sev of ["major", "general"]) {
  const group = document.createElement("optgroup");
  group.label = sev === "major" ? "重大事件 / major" : "一般事件 / general";
  for (const k of info.kinds.filter((k) => k.severity === sev)) {
    const o = document.createElement("option");
    o.value = k.id;
    o.textContent = `${k.title.zh} / ${k.title.en}`;
    group.append(o);
  }
  select.append(group);
}
const roles = Object.fromEntries(info.roles.map((r) => [r.id, r.title]));
function show() {
  const list = document.getElementById("steps");
  list.replaceChildren();
  for (const s of ei.guide(select.value).steps) {
    const li = document.createElement("li");
    const who = document.createElement("strong");
    who.textContent = roles[s.actor].zh;
    const what = document.createElement("span");
    what.textContent = ` ${s.text.zh}`;
    const cite = document.createElement("small");
    cite.textContent = ` 〔${s.clause}〕${s.due ? ` ⏱ ${s.due.minutes} 分钟` : ""}${s.requiresApproval ? ` ✔ 需${roles[s.requiresApproval].zh}批准` : ""}`;
    li.append(who, what, cite);
    list.append(li);
  }
}
select.addEventListener("change", show);
show();
