// The calculator's user interface, shared by the page (index.html → app.js) and the
// embed (<norikae-calculator>, embed.js). It never computes a date or an amount of its
// own: every figure on screen is a value from the core (the one sum it does is the to-do
// list's "days left", today's distance to a date from the core). Text from anywhere (core
// messages, input values) is only ever set as text nodes.
// This module: mount() (a calculator's context `c`, its events, running the core, the
// toolbar, the language switch, an unreadable link) and what app.js and embed.js import.
// Not here: the fields (input.js), form (form.js), result (result.js), to-do (todo.js).

import { strings } from "./i18n.js";
import { el, dayOr, toggleGloss } from "./dom.js";
import { defaultInput, hashOf } from "./input.js";
import { form } from "./form.js";
import { result } from "./result.js";

export { defaultInput, withDefaults, parseInput, inputFromLink, langOfLink, hashOf } from "./input.js";
export { scenarioKey } from "./todo.js";

// ---------------------------------------------------------------------------- the core

const PKG = new URL("./pkg/", import.meta.url);
let core;
/** Loads the wasm module once per page (shared by every calculator on it). */
export function loadCore() {
  core ??= import(new URL("norikae.js", PKG).href).then(async (m) => {
    await m.default({ module_or_path: new URL("norikae_bg.wasm", PKG) });
    return m;
  });
  return core;
}

// ---------------------------------------------------------------------------- mount

/**
 * Builds the calculator inside `root` (an element, or a container in a shadow root).
 * opts: input        the input to start with (default: defaultInput(lang))
 *       lang         language when `input` has none
 *       onChange(input, typed)  after each result; typed: the reader changed the form
 *       reportInitial           call onChange for the first result too
 *       onLang(lang, strings)   after a language switch
 *       onReset() / resetInput()  what "start over" clears / starts from
 *       linkBase     URL of index.html for copied links (default: this page's address)
 *       embedded     no print button
 *       today        "YYYY-MM-DD" (or a function giving it): the day the to-do list counts
 *                    from and the default application date; default the device's date
 *       ticks        { load(scenarioKey) → [stepKey], save(scenarioKey, [stepKey]) }: where
 *                    the to-do ticks live (default: in memory)
 *       linkError    { reason: "escape" | "json" | "shape", source: "link" | "attribute" }: the
 *                    input given could not be read; the form holds the defaults, and nothing
 *                    is calculated (nor onChange called) until the reader edits a field or
 *                    starts from the defaults
 */
export function mount(root, opts = {}) {
  const uid = `nk${Math.random().toString(36).slice(2, 7)}`;
  const today = () => dayOr(typeof opts.today === "function" ? opts.today() : opts.today);
  const mem = new Map(); // ticks without opts.ticks (the embed's): while the calculator lives
  const ticks = opts.ticks || { load: (id) => mem.get(id) || [], save: (id, keys) => mem.set(id, keys) };
  const input = opts.input || defaultInput(opts.lang, today());
  const lang = input.lang === "en" ? "en" : "ja";
  // The calculator's context: its state and parts, shared with form.js, result.js, todo.js,
  // chart.js and dom.js. `input`, `lang` and `t` (the words of `lang`) change over its life.
  const c = {
    uid, opts, today, ticks, input, lang, t: strings[lang],
    open: new Set(), // keys of the 根拠 disclosures the user opened
    glOpen: new Set(), // places of the glossary explanations the user opened
    controls: new Map(), // field path → { f, wrap, inputs, err, hint } (form.js)
    groups: new Map(), // optional block's path → { g, box, toggle, inner, err } (form.js)
    preset: null, // the core's construction preset (issue 8), offered, never applied unasked
    presetBox: null,
  };

  const status = el("p", { class: "vh", "aria-live": "polite", "aria-atomic": "true" });
  const formBox = el("form", { class: "nk-form", novalidate: true, "aria-label": c.t.title });
  const resultBox = el("section", { class: "nk-result", "aria-labelledby": `${uid}-rh` });
  const toast = el("p", { class: "toast", role: "status" });
  // A link (or `input` attribute) that cannot be read: said at the top, before the form,
  // from the first paint on, so nothing moves when it shows.
  const banner = el("div", { class: "nk-link-error", "data-testid": "link-error", role: "alert", hidden: true });
  let held = false; // nothing calculated yet: the given input could not be read
  // On a phone, while the result is off screen below the form, a bar shows its headline
  // and a button that goes there.
  const bar = el("div", { class: "nk-bar" });
  root.replaceChildren(el("div", { class: "nk", lang }, banner, formBox, el("div", { class: "nk-out" }, resultBox), bar, status, toast));
  const nk = root.firstChild;
  Object.assign(c, { nk, formBox, resultBox, bar, changed, setLang, say });
  Object.assign(c, form(c));
  Object.assign(c, result(c));

  new IntersectionObserver(([e]) => nk.classList.toggle("result-in-view", e.isIntersecting)).observe(resultBox);
  bar.addEventListener("click", (e) => {
    if (!e.target.closest("button")) return;
    const h = resultBox.querySelector("h2");
    h.tabIndex = -1;
    h.scrollIntoView({ block: "start" });
    h.focus({ preventScroll: true });
  });
  nk.addEventListener("click", (e) => {
    const b = e.target.closest?.(".gl-btn");
    if (b) toggleGloss(c, b);
  });
  // Escape in an open explanation (or on its button) closes it and returns to the button.
  nk.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const p = e.target.closest?.(".gl-panel");
    const b = p ? nk.querySelector(`[aria-controls="${p.id}"]`) : e.target.closest?.(".gl-btn");
    if (b?.getAttribute("aria-expanded") === "true") {
      toggleGloss(c, b);
      b.focus();
    }
  });
  banner.addEventListener("click", (e) => {
    if (!e.target.closest("button")) return;
    setInput(opts.resetInput?.() || defaultInput(c.lang, today()));
    formBox.querySelector("input, select")?.focus({ preventScroll: true });
  });
  formBox.addEventListener("submit", (e) => e.preventDefault());
  formBox.addEventListener("input", changed);
  formBox.addEventListener("change", changed);
  resultBox.addEventListener("click", (e) => {
    const go = e.target.closest(".unv")?.dataset.go;
    const w = go && resultBox.querySelector(`[id="${go}"]`);
    if (w) {
      const fold = w.closest("details");
      if (fold) fold.open = true;
      w.scrollIntoView({ block: "center" });
      w.focus({ preventScroll: true });
    }
    const focus = e.target.closest("[data-focus]")?.dataset.focus;
    const tg = focus && c.target(focus);
    if (tg) {
      (tg.wrap || tg.inputs[0]).scrollIntoView({ block: "center" });
      tg.inputs[0].focus({ preventScroll: true });
    }
    const sw = e.target.closest("[data-act=switch-campaign]")?.dataset.campaign;
    if (sw) return setInput({ ...c.read(), destination: { ...c.read().destination, campaign: sw } }, true);
    act(e.target.closest("[data-act]")?.dataset.act);
  });
  resultBox.addEventListener("toggle", (e) => {
    const k = e.target.dataset?.key;
    if (k) e.target.open ? c.open.add(k) : c.open.delete(k);
  }, true);

  // -- running the core --
  let pending = 0;
  function changed(e) {
    if (e?.target?.closest?.(".langs")) return;
    release();
    c.input = c.read();
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => { c.relevance(); run(true); });
  }

  async function run(user) {
    let m;
    try {
      m = await loadCore();
    } catch {
      c.showMessage(c.t.loadFailed);
      return;
    }
    const { input, t } = c;
    let res, cmp;
    try {
      res = m.calculate(input);
      cmp = res?.ok && typeof m.compareExitMonths === "function" ? m.compareExitMonths(input) : null;
    } catch {
      c.showMessage(t.crashed);
      return;
    }
    if (!res || typeof res !== "object") c.showMessage(t.noCore);
    else if (res.ok) c.showResult(res, cmp, typeof m.exportCalendar === "function");
    else if (c.unfilled(res.errors || [])) c.showUnfilled(res.errors);
    else c.showErrors(res.errors || []);
    if (user || opts.reportInitial) opts.onChange?.(input, user);
    if (!performance.getEntriesByName("norikae:first-result").length) performance.mark("norikae:first-result");
  }

  // -- toolbar actions --
  async function act(what) {
    if (what === "copy") {
      const url = opts.linkBase ? new URL(hashOf(c.input), opts.linkBase).href : location.href;
      try {
        await navigator.clipboard.writeText(url);
        flash(c.t.buttons.copied);
      } catch {
        flash(c.t.buttons.copyFailed);
      }
    } else if (what === "ics") {
      const m = await loadCore();
      const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      let r;
      try {
        r = m.exportCalendar(c.input, now);
      } catch {
        r = null;
      }
      if (!r?.ok || typeof r.ics !== "string") return flash(c.t.crashed);
      const url = URL.createObjectURL(new Blob([r.ics], { type: "text/calendar;charset=utf-8" }));
      const a = el("a", { href: url, download: r.filename || "norikae.ics", hidden: true });
      nk.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      flash(c.t.buttons.icsDone);
    } else if (what === "print") {
      window.print();
    } else if (what === "reset") {
      opts.onReset?.();
      setInput(opts.resetInput?.() || defaultInput(c.lang, today()));
      flash(c.t.buttons.resetDone);
    }
  }

  let toastTimer;
  function flash(text) {
    toast.textContent = text;
    toast.classList.add("on");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => toast.classList.remove("on"), 2500);
  }
  let sayTimer;
  function say(text) {
    clearTimeout(sayTimer);
    sayTimer = setTimeout(() => (status.textContent = text), 700);
  }

  // -- public --
  /** Rebuilds the form in language l; a focused language button stays focused. */
  function relabel(l) {
    const onSwitch = !!nk.getRootNode().activeElement?.closest?.(".langs");
    c.lang = l;
    c.t = strings[l];
    nk.lang = l;
    c.buildForm();
    opts.onLang?.(l, c.t);
    if (onSwitch) formBox.querySelector(`[data-lang="${l}"]`).focus();
  }

  function setLang(l) {
    l = l === "en" ? "en" : "ja";
    if (l === c.lang) return;
    c.input = { ...c.read(), lang: l };
    relabel(l);
    c.fill(c.input);
    if (held) {
      paintLinkError();
      c.showMessage(c.t.linkError.held);
    } else run(true);
  }

  function setInput(inp, user = false) {
    release();
    c.input = inp && typeof inp === "object" ? inp : defaultInput(c.lang, today());
    const l = c.input.lang === "en" ? "en" : "ja";
    if (l !== c.lang) relabel(l);
    c.fill(c.input);
    run(user);
  }

  /** The given input could not be read: say so and why, show the defaults, calculate nothing. */
  let linkErr = null;
  function linkError(err) {
    linkErr = err;
    held = true;
    c.input = defaultInput(c.lang, today());
    c.fill(c.input);
    c.clearErrors();
    paintLinkError();
    c.showMessage(c.t.linkError.held);
  }
  function paintLinkError() {
    if (!held || !linkErr) return;
    const L = c.t.linkError;
    banner.replaceChildren(
      el("p", { class: "le-title" }, el("span", { class: "icon", "aria-hidden": "true", text: "⚠ " }), L.title[linkErr.source] || L.title.link),
      el("p", { text: L.why[linkErr.reason] || L.why.json }),
      el("p", { text: L.what[linkErr.source] || L.what.link }),
      el("button", { type: "button", text: c.t.buttons.defaults }));
    banner.hidden = false;
  }
  /** An edit or a new input ends the hold. */
  function release() {
    if (!held) return;
    held = false;
    linkErr = null;
    banner.hidden = true;
    banner.replaceChildren();
  }

  c.buildForm();
  opts.onLang?.(c.lang, c.t);
  c.fill(c.input);
  resultBox.replaceChildren(el("h2", { id: `${uid}-rh`, text: c.t.h.result }), el("p", { class: "notice", text: c.t.loading }));
  if (opts.linkError) linkError(opts.linkError);
  else run(false);
  return { setInput, setLang, linkError, get input() { return c.input; }, get lang() { return c.lang; } };
}
