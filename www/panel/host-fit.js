// How the element fits a host page it does not control: ::part names on its main regions; focus
// kept across re-renders by a stable key (not element identity); focused controls kept clear of
// the host's fixed header; and the tab and submit bars docked by hand where an ancestor's overflow
// keeps position:sticky from sticking (a portal's `overflow:hidden` layout wrapper).

/** [selector, part name]: the regions a host may style through ::part (docs/console.md). */
const PARTS = [
  [".wrap > header", "header"], ["[role=tablist]", "tabs"], ["[role=tab]", "tab"], [".announce", "status"],
  ["[role=tabpanel]", "panel"], [".next", "next-action"], [".next button.big", "next-action-button"],
  [".steps", "steps"], [".log", "log"], [".phone", "phone-script"], [".start-form", "start-form"],
  [".form-editor", "form"], [".actions", "actions"], [".load-error", "error"],
];

export function decorate(root) {
  for (const [sel, part] of PARTS) for (const el of root.querySelectorAll(sel)) el.part.add(part);
}

// A control is keyed by its nearest element carrying a stable id (a step, a form path, a named
// control) and then by its own name where it has one (a start-form field, a question's fact, a
// submit button), else by its position among that element's controls: the same control after a
// re-render even when the controls before it changed (a question answered, an alternative gone).
const ANCHOR = "[data-key], [data-path], [data-step], [data-tab], [data-form], [data-kind]";
const FOCUSABLE = "button, input, select, textarea, [tabindex]";
const ANCHOR_KEYS = ["key", "path", "step", "tab", "form", "kind"];

/** A control's own name, stable across re-renders, or null (then its position keys it). */
function ownName(el) {
  const d = el.dataset || {};
  if (d.fact) return `fact=${d.fact}`;
  if (d.signal) return `signal=${d.signal}`;
  if (d.act) return `act=${d.act}`;
  const form = el.closest("form")?.classList[0] || "";
  if (el.name) return `name=${form}.${el.name}${el.type === "radio" ? `=${el.value}` : ""}`;
  if (el.type === "submit") return `submit=${form}`;
  return null;
}

export function focusKey(el) {
  if (!el || !el.matches?.(FOCUSABLE)) return null;
  const anchor = el.closest(ANCHOR);
  const id = anchor ? ANCHOR_KEYS.map((k) => (anchor.dataset[k] !== undefined ? `${k}=${anchor.dataset[k]};` : "")).join("") : "";
  const own = anchor === el ? null : ownName(el);
  if (own) return `${id}|${own}`;
  const scope = anchor || el.getRootNode();
  const list = [...scope.querySelectorAll(FOCUSABLE)];
  if (anchor?.matches(FOCUSABLE)) list.unshift(anchor);
  return `${id}|${list.indexOf(el)}`;
}

export function findByKey(root, key) {
  if (!key) return null;
  const cut = key.lastIndexOf("|"); // an own name holds no "|"
  const [id, rest] = [key.slice(0, cut), key.slice(cut + 1)];
  let scope = root;
  if (id) {
    const attrs = id.split(";").filter(Boolean).map((kv) => {
      const i = kv.indexOf("=");
      return `[data-${kv.slice(0, i)}="${CSS.escape(kv.slice(i + 1))}"]`;
    }).join("");
    scope = root.querySelector(attrs);
    if (!scope) return null;
  }
  const list = [...scope.querySelectorAll(FOCUSABLE)];
  if (scope !== root && scope.matches(FOCUSABLE)) list.unshift(scope);
  const el = /^\d+$/.test(rest) ? list[Math.min(Number(rest), list.length - 1)] : list.find((c) => c !== scope && ownName(c) === rest);
  return el && !el.disabled ? el : null;
}

/** The host's offset for its fixed header (--ei-sticky-top), in px. */
export function stickyTop(host) {
  const v = getComputedStyle(host).getPropertyValue("--ei-sticky-top").trim();
  const probe = parseFloat(v);
  return Number.isFinite(probe) ? probe * (v.endsWith("rem") || v.endsWith("em") ? 16 : 1) : 0;
}

/** True when an ancestor's overflow makes it the sticky bars' scroll box without scrolling. */
export function stickyBroken(host) {
  for (let n = up(host); n && n !== document.body && n !== document.documentElement; n = up(n)) {
    const oy = getComputedStyle(n).overflowY;
    if (oy === "visible" || oy === "clip") continue;
    return !(/(auto|scroll)/.test(oy) && n.scrollHeight > n.clientHeight + 1);
  }
  return false;
}

function up(n) {
  return n.parentElement || n.getRootNode()?.host || null;
}

/** Docks the tab bar at the top and the submit bar at the bottom of the viewport by hand. */
export class Dock {
  constructor(host) {
    this.host = host;
    this.sheet = new CSSStyleSheet();
    this.rules = "";
    this.schedule = () => {
      if (this.raf) return;
      this.raf = requestAnimationFrame(() => { this.raf = 0; this.update(); });
    };
  }

  connect() {
    addEventListener("scroll", this.schedule, { capture: true, passive: true });
    addEventListener("resize", this.schedule, { passive: true });
    this.schedule();
  }

  disconnect() {
    removeEventListener("scroll", this.schedule, { capture: true });
    removeEventListener("resize", this.schedule);
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  update() {
    const root = this.host.shadowRoot;
    const wrapEl = root.querySelector(".wrap");
    if (!wrapEl) return;
    const broken = stickyBroken(this.host);
    wrapEl.classList.toggle("dock", broken);
    const rules = [];
    const tabs = root.querySelector("[role=tablist]");
    const holder = root.querySelector(".tabs-holder");
    if (broken && tabs && holder) {
      const top = stickyTop(this.host);
      const wrap = wrapEl.getBoundingClientRect();
      const th = tabs.offsetHeight;
      const on = holder.getBoundingClientRect().top < top && wrap.bottom > top + th * 2;
      tabs.classList.toggle("docked", on);
      holder.classList.toggle("on", on);
      if (on) rules.push(`.tabs-holder.on { height: ${th}px; }`, `[role=tablist].docked { left: ${wrap.left}px; width: ${wrap.width}px; }`);
    } else {
      tabs?.classList.remove("docked");
      holder?.classList.remove("on");
    }
    for (const bar of root.querySelectorAll(".actions")) {
      let spot = bar.nextElementSibling;
      if (!spot?.classList.contains("actions-holder")) {
        spot = document.createElement("div");
        spot.className = "actions-holder";
        bar.after(spot);
      }
      const form = (bar.closest(".form-editor") || bar.parentElement).getBoundingClientRect();
      const bh = bar.offsetHeight;
      const vh = innerHeight;
      const on = broken && spot.getBoundingClientRect().top + (bar.classList.contains("docked") ? bh : 0) > vh && form.top < vh - bh * 3;
      bar.classList.toggle("docked", on);
      spot.classList.toggle("on", on);
      if (on) rules.push(`.actions-holder.on { height: ${bh}px; }`, `.actions.docked { left: ${form.left}px; width: ${form.width}px; }`);
    }
    const text = rules.join("\n");
    if (text !== this.rules) {
      this.rules = text;
      this.sheet.replaceSync(text);
    }
    const sheets = root.adoptedStyleSheets;
    if (broken && !sheets.includes(this.sheet)) root.adoptedStyleSheets = [...sheets, this.sheet];
  }
}

/** Scrolls a control focused from the keyboard out from under the host's fixed header, the
 * stuck tab bar or a docked submit bar. (A control focused by a pointer is where it was pressed:
 * scrolling it between press and release would lose the click.) */
export function reveal(host, el) {
  if (performance.now() - lastPointer < 800) return;
  const root = host.shadowRoot;
  const tabs = root.querySelector("[role=tablist]");
  if (tabs?.contains(el)) return;
  const r = el.getBoundingClientRect();
  const top = stickyTop(host);
  const t = tabs?.getBoundingClientRect();
  const topEdge = t && t.top <= top + 1 && t.bottom > top ? t.bottom : top;
  const bar = [...root.querySelectorAll(".actions.docked")].find((b) => !b.contains(el));
  const bottomEdge = bar ? bar.getBoundingClientRect().top : innerHeight;
  if (r.top < topEdge || r.bottom > bottomEdge) el.scrollIntoView({ block: "nearest" });
}

let lastPointer = -Infinity;
addEventListener("pointerdown", () => { lastPointer = performance.now(); }, { capture: true, passive: true });
