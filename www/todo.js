// The to-do list: the core's steps with their dates, contacts and 根拠, a tick box and the
// days left (today's distance to the core's date, not a rule); ticks kept per scenario
// (scenarioKey) and step. Not here: where ticks are stored (app.js), the rest of the result.

import { el, section, fmtDate, dayNumber } from "./dom.js";

/**
 * A scenario's identity for the to-do ticks: FNV-1a of the input's canonical JSON (keys
 * sorted, null and `lang` left out: the same scenario in English keeps its ticks).
 */
export function scenarioKey(input) {
  const canon = (v) => v && typeof v === "object"
    ? Array.isArray(v) ? `[${v.map(canon)}]`
      : `{${Object.keys(v).sort().filter((k) => v[k] != null).map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)}}`
    : JSON.stringify(v);
  let h = 0x811c9dc5;
  for (const c of canon({ ...input, lang: null })) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return (h >>> 0).toString(36);
}

/** The steps' keys: kind and first date, and a count when a kind repeats on a day (pay-slip). */
function stepKeys(list) {
  const seen = new Map();
  return list.map((a) => {
    const k = `${a.kind}@${a.date || a.from || a.by || ""}`;
    const n = seen.get(k) || 0;
    seen.set(k, n + 1);
    return n ? `${k}#${n}` : k;
  });
}

/** Where a step stands today: its state and the words for it. */
function stepStatus(c, a, done) {
  const now = dayNumber(c.today());
  const diff = (d) => (dayNumber(d) === null || now === null ? null : dayNumber(d) - now);
  const due = diff(a.by || a.date); // the day it must be done by (a fixed date: that day)
  const opens = a.from ? diff(a.from) : null;
  const T = c.t.todo;
  if (done) return { state: "done", text: T.done };
  if (due !== null) {
    const note = opens !== null && opens > 0 ? T.opensNote(opens) : null;
    if (due < 0) return { state: "overdue", text: T.over(-due) };
    if (due === 0) return { state: "today", text: T.today, note };
    return { state: due <= 7 ? "soon" : "due", text: T.left(due), note };
  }
  if (opens !== null) return opens > 0 ? { state: "later", text: T.opensIn(opens) } : { state: "open", text: T.openNow };
  return { state: "none", text: "" };
}

function paintStep(c, li, a, done) {
  const s = stepStatus(c, a, done);
  li.dataset.state = s.state;
  li.classList.toggle("overdue", s.state === "overdue");
  li.classList.toggle("done", done);
  const rel = li.querySelector(".rel");
  // Overdue and done say so in words and with an icon, not by colour alone.
  const icon = { overdue: "⚠ ", done: "✓ " }[s.state];
  rel.replaceChildren(...[
    s.text ? el("span", { class: "days" }, icon ? el("span", { "aria-hidden": "true", text: icon }) : null, s.text) : null,
    s.note ? el("span", { class: "note", text: s.note }) : null,
  ].filter(Boolean));
}

/** The to-do section of calculator `c` (mount's context) for result `res`; null without steps. */
export function actions(c, res, canExport) {
  const list = Array.isArray(res.actions) ? res.actions : [];
  if (!list.length) return null;
  const { t, uid, ticks, words } = c;
  const D = (s) => fmtDate(s, c.lang);
  const scenario = scenarioKey(c.read());
  const keys = stepKeys(list);
  const ticked = new Set(ticks.load(scenario));
  const progress = el("p", { class: "todo-progress", "aria-live": "polite" });
  const count = () => {
    const n = keys.filter((k) => ticked.has(k)).length;
    progress.textContent = c.t.todo.progress(n, keys.length);
  };
  const ol = el("ol", { class: "todo", "data-testid": "todo", "data-scenario": scenario }, list.map((a, i) => {
    const id = `${uid}-step-${i}`;
    const when = a.date
      ? t.actionWhen.date(D(a.date), a.by && a.by !== a.date ? D(a.by) : null)
      : [a.from && t.actionWhen.from(D(a.from)), a.by && t.actionWhen.by(D(a.by))].filter(Boolean).join(t.actionWhen.join);
    const k = a.contact;
    const contact = k ? el("p", { class: "contact" },
      k.name ? el("span", { class: "who", text: words(k.name) }) : null,
      k.phone ? el("a", { href: `tel:${String(k.phone).replace(/[^0-9+]/g, "")}`, text: String(k.phone) }) : null,
      ...[["menu", k.menu], ["hours", k.hours], ["closed", k.closed]].filter(([, v]) => v)
        .map(([n, v]) => el("span", { class: `c-${n}` }, el("span", { class: "k", text: t.todo.contact[n] }), words(v)))) : null;
    const box = el("input", { type: "checkbox", id, "aria-describedby": `${id}-when`, checked: ticked.has(keys[i]) });
    const li = el("li", { "data-kind": a.kind, "data-key": keys[i] },
      el("span", { class: "n", "aria-hidden": "true", text: `${i + 1}.` }),
      box,
      el("div", { class: "step" },
        el("p", { class: "when", id: `${id}-when` }, when ? el("span", { class: "date", text: when }) : null, el("span", { class: "rel" })),
        el("label", { for: id, class: "what", text: words(a.text || a.kind) }),
        contact, c.why(res, a.rule, `a-${a.kind}-${i}`)));
    box.addEventListener("change", () => {
      box.checked ? ticked.add(keys[i]) : ticked.delete(keys[i]);
      ticks.save(scenario, keys.filter((x) => ticked.has(x)));
      paintStep(c, li, a, box.checked);
      count();
    });
    paintStep(c, li, a, box.checked);
    return li;
  }));
  count();
  const head = el("div", { class: "todo-head" },
    el("div", {}, el("p", { class: "todo-today", text: t.todo.todayIs(D(c.today())) }), progress),
    canExport ? el("button", { type: "button", "data-act": "ics", text: t.buttons.ics }) : null);
  return section(c, "actions", t.h.actions, head, ol);
}
