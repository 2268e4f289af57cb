// Icons as inline SVG drawn with currentColor: exam-site PCs often have no emoji font, where
// ⏱ and 🔒 render as empty boxes. Built with createElementNS (no markup parsing), hidden from
// screen readers (the text beside each icon says the same).
const NS = "http://www.w3.org/2000/svg";
const PATHS = {
  clock: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z", "M12 7v5l3 3"],
  lock: ["M6 11h12v9H6z", "M8.5 11V8a3.5 3.5 0 0 1 7 0v3"],
  warn: ["M12 3l10 18H2z", "M12 10v5", "M12 17.5v.5"],
  check: ["M4 12.5l5 5L20 6.5"],
  cross: ["M6 6l12 12", "M18 6L6 18"],
  bell: ["M6 17V11a6 6 0 0 1 12 0v6l2 2H4z", "M10 21h4"],
};

/** An <svg class="icon"> for `name` (one of clock, lock, warn, check, cross, bell). */
export function icon(name) {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", `icon icon-${name}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of PATHS[name] || []) {
    const p = document.createElementNS(NS, "path");
    p.setAttribute("d", d);
    svg.append(p);
  }
  return svg;
}
