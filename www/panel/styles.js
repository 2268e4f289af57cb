// The panel's styles as a constructable stylesheet: adopted by the shadow root, so no inline
// <style> element or style attribute is needed and a strict CSP (style-src 'self') holds.
// What a host may change: the custom properties on :host below (docs/console.md) and the ::part
// names set in host-fit.js. Everything else is set on .wrap, so a host's rules on `*`, `button` or
// `input` (which reach the host element itself) do not flow in by inheritance.
const css = `
:host {
  display: block;
  --ei-sticky-top: 0px;
  --ei-font: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --ei-font-size: 16px;
  --ei-fg: #1a1a1a;
  --ei-bg: #fff;
  --ei-accent: #1d4f91;
  --ei-accent-fg: #fff;
  --ei-danger: #a4161a;
  --ei-focus: #e07b00;
  --ei-tap: 44px;
}
* { box-sizing: border-box; }
.wrap { max-width: 72em; margin: 0 auto; padding: 0.5em 0.75em 2em; font-family: var(--ei-font); font-size: var(--ei-font-size); font-weight: normal; font-style: normal; line-height: 1.5; letter-spacing: normal; text-align: start; text-transform: none; color: var(--ei-fg); background: var(--ei-bg); }
.wrap * { scroll-margin-top: calc(var(--ei-sticky-top) + 4em); scroll-margin-bottom: 4.5em; }
.icon { width: 1.1em; height: 1.1em; vertical-align: -0.18em; fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; flex: none; }
header .title { font-size: 1.35em; margin: 0.25em 0; }
header .plan { margin: 0 0 0.5em; color: #444; font-size: 0.9em; }
h2 { font-size: 1.2em; margin: 0.75em 0 0.5em; }
h3 { font-size: 1.05em; margin: 0.75em 0 0.4em; }
.tabs { display: flex; flex-wrap: wrap; gap: 0.25em; border-bottom: 2px solid var(--ei-accent); position: sticky; top: var(--ei-sticky-top); background: var(--ei-bg); z-index: 2; padding-top: 0.25em; }
.tabs.docked { position: fixed; top: var(--ei-sticky-top); z-index: 20; }
.actions.docked { position: fixed; bottom: 0; z-index: 20; margin: 0; padding: 0.4em 0.5em; box-shadow: 0 -2px 6px rgba(0, 0, 0, 0.15); }
.tabs button { border: 1px solid var(--ei-accent); border-bottom: none; border-radius: 0.4em 0.4em 0 0; background: #eef3fa; color: var(--ei-accent); padding: 0.45em 0.9em; font-size: 1em; cursor: pointer; min-height: 44px; }
.tabs button[aria-selected=true] { background: var(--ei-accent); color: var(--ei-accent-fg); font-weight: 600; }
button, input, select, textarea { font: inherit; letter-spacing: inherit; text-transform: none; margin: 0; box-shadow: none; }
button { min-height: 40px; padding: 0.35em 0.8em; border: 1px solid #555; border-radius: 0.35em; background: #f4f4f4; color: #1a1a1a; cursor: pointer; }
button.primary { background: var(--ei-accent); border-color: var(--ei-accent); color: var(--ei-accent-fg); font-weight: 600; }
button.danger { border-color: #a4161a; color: #a4161a; background: #fff; }
button.small { min-height: 36px; font-size: 0.92em; }
button.link { border: none; background: none; color: var(--ei-accent); text-decoration: underline; padding: 0.1em 0.2em; min-height: 0; }
:focus-visible { outline: 3px solid var(--ei-focus); outline-offset: 2px; }
input[type=text], input[type=tel], input[type=number], input[type=date], input[type=time], input[type=datetime-local], select, textarea { width: 100%; padding: 0.4em 0.5em; border: 1px solid #767676; border-radius: 0.3em; background: #fff; color: #1a1a1a; min-height: 40px; }
textarea { resize: vertical; }
[aria-invalid=true] { border-color: #a4161a !important; box-shadow: 0 0 0 1px #a4161a; }
label { display: block; font-weight: 500; margin-bottom: 0.15em; }
.hint { color: #555; font-weight: normal; }
fieldset { border: 1px solid #c8c8c8; border-radius: 0.4em; margin: 0.5em 0; padding: 0.5em 0.75em; min-width: 0; }
legend { font-weight: 600; padding: 0 0.3em; }
.field { margin: 0.4em 0; }
.field.check { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
.field.check label { display: inline; margin: 0; }
.field.check .msgs { flex-basis: 100%; }
.field.inline { display: flex; align-items: center; gap: 0.5em; max-width: 28em; }
.field.inline label { white-space: nowrap; margin: 0; }
input[type=checkbox], input[type=radio] { width: 1.25em; height: 1.25em; margin: 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0 1em; }
.row { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; margin: 0.4em 0; }
.row label { margin: 0; }
.row select { width: auto; max-width: 100%; }
.badge { display: inline-block; padding: 0.05em 0.5em; border-radius: 1em; font-size: 0.85em; font-weight: 600; }
.badge.major { background: #a4161a; color: #fff; }
.badge.general { background: #8a5a00; color: #fff; }
.badge.current { background: var(--ei-accent); color: var(--ei-accent-fg); margin-left: 0.4em; }
.mirror { white-space: pre-wrap; background: #f7f7f7; border-left: 4px solid var(--ei-accent); padding: 0.4em 0.6em; margin: 0.4em 0; overflow-wrap: anywhere; }
mark { background: #ffe066; color: #1a1a1a; padding: 0 0.1em; border-radius: 0.15em; }
.verdict { font-size: 1.1em; margin: 0.5em 0 0.2em; }
.kinds { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1em; }
.kinds > legend { grid-column: 1 / -1; }
.kind-option { display: flex; align-items: flex-start; gap: 0.5em; padding: 0.2em 0; }
.kind-option label { font-weight: normal; margin: 0; }
.kind-option input { margin-top: 0.2em; flex: none; }
.start-form { border: 2px solid var(--ei-accent); border-radius: 0.5em; padding: 0.5em 0.75em; margin: 0.75em 0; background: #f5f8fc; }
.notice { background: #fff8e1; border-left: 4px solid #8a5a00; padding: 0.4em 0.6em; }
.msgs:empty { display: none; }
.finding { margin: 0.15em 0; font-size: 0.92em; }
.finding.error { color: var(--ei-danger); }
.finding.warning { color: #6b4400; background: #fff8e1; padding: 0 0.3em; }
.form-summary .ok { color: #1e6b30; font-weight: 600; }
.form-summary .bad { color: #a4161a; font-weight: 600; }
.announce:empty { display: none; }
.announce { padding: 0.3em 0.6em; border-radius: 0.3em; }
.announce.ok { background: #e7f4ea; color: #1e6b30; }
.announce.error { background: #fdecec; color: #a4161a; }
.req { color: #a4161a; }
.steps { padding-left: 1.5em; }
.step { margin: 0.5em 0; padding: 0.4em 0.6em; border: 1px solid #d0d0d0; border-radius: 0.4em; }
.step.overdue { border-color: #a4161a; background: #fdf3f3; }
.step.done, .step.skipped { background: #f3f8f4; }
.step.inactive { background: #fafafa; border-style: dashed; }
.step-text { margin: 0.2em 0; }
.status { font-size: 0.8em; padding: 0.05em 0.45em; border-radius: 0.8em; background: #e0e0e0; color: #1a1a1a; }
.status.done { background: #1e6b30; color: #fff; }
.status.overdue { background: #a4161a; color: #fff; }
.status.awaiting_approval { background: #8a5a00; color: #fff; }
.countdown { font-variant-numeric: tabular-nums; font-weight: 600; color: var(--ei-accent); }
.countdown.late { color: #a4161a; }
.clause, .muted, .meta { color: #555; }
.seal.ok { color: #1e6b30; }
.seal.bad { color: #a4161a; }
.log-entries { font-size: 0.9em; padding-left: 1.5em; }
.log-entries .hash { color: #555; }
.phone .script { white-space: pre-wrap; background: #f7f7f7; padding: 0.5em; }
.saved-list { list-style: none; padding: 0; }
.saved-list li { border: 1px solid #d0d0d0; border-radius: 0.4em; padding: 0.4em 0.6em; margin: 0.4em 0; }
.item { border-left: 3px solid #c8c8c8; padding-left: 0.5em; margin: 0.3em 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0.75em 0; position: sticky; bottom: 0; background: var(--ei-bg); padding: 0.4em 0; z-index: 2; }
.next { border: 2px solid var(--ei-accent); border-radius: 0.5em; padding: 0.5em 0.75em; margin: 0.75em 0; background: #f5f8fc; }
.next h3 { margin-top: 0; }
.next .next-text { font-size: 1.1em; margin: 0.3em 0 0.6em; }
.next .countdown { font-size: 1.1em; }
button.big { width: 100%; min-height: 56px; font-size: 1.15em; }
.who-row { display: flex; flex-wrap: wrap; gap: 0 1em; }
.who-row .field { flex: 1 1 14em; max-width: 28em; }
.escalation-note { border-left: 4px solid #8a5a00; background: #fff8e6; padding: 0.4em 0.6em; margin: 0.5em 0; }
.choices { border: 2px solid var(--ei-accent); border-radius: 0.5em; padding: 0.5em 0.75em; margin: 0.75em 0; background: #f5f8fc; }
.choices .notice { margin-top: 0; }
button.choice { display: block; width: 100%; text-align: left; min-height: var(--ei-tap); margin: 0.35em 0; font-size: 1.05em; background: #fff; }
.basis { display: inline-block; margin-left: 0.3em; padding: 0 0.4em; border: 1px solid #8a5a00; border-radius: 0.6em; color: #6b4400; font-size: 0.8em; }
.load-error { border: 2px solid var(--ei-danger); border-radius: 0.4em; padding: 0.4em 0.75em; overflow-wrap: anywhere; }
.wrap, .panel, .steps, .step, .step-text, .meta { overflow-wrap: anywhere; min-width: 0; }
.print-title { display: none; }
.print-frame { position: fixed; width: 0; height: 0; border: 0; visibility: hidden; }
progress { width: 100%; height: 1em; }
@media (max-width: 600px), (pointer: coarse) {
  button, button.small, button.link, select, input[type=text], input[type=tel], input[type=number], input[type=date], input[type=time], input[type=datetime-local] { min-height: var(--ei-tap); }
  button { min-width: var(--ei-tap); }
  input[type=checkbox], input[type=radio] { width: 1.6em; height: 1.6em; }
  .kind-option, .field.check { min-height: var(--ei-tap); align-items: center; }
  .kind-option label, .field.check label { display: flex; align-items: center; min-height: var(--ei-tap); flex: 1; }
  .kind-option input { margin-top: 0; }
}
@media (max-width: 600px) {
  .wrap { padding: 0.25em 0.4em 2em; }
  .steps { padding-left: 1.1em; }
  .actions button { flex: 1 1 auto; }
  .kinds { grid-template-columns: 1fr; }
  .tabs button { padding: 0.4em 0.55em; flex: 1 1 auto; }
  .field.inline { display: block; }
}
@media print {
  :host { font-size: 11pt; }
  .tabs, .no-print, .announce, header .plan, .start, .log .hash, button { display: none !important; }
  .print-title { display: block; }
  input, select, textarea { border: none; border-bottom: 1px solid #000; border-radius: 0; box-shadow: none; }
  fieldset, .step { break-inside: avoid; }
  .msgs .finding.warning { background: none; }
}
`;

export const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
