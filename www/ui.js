// The calculator's user interface, shared by the page (index.html → app.js) and the
// embed (<norikae-calculator>, embed.js). It builds the form from FIELDS, turns the form
// into a CONTRACT input, and shows what the core returns. It never computes a date or
// an amount of its own: every figure on screen is a value from the core (the one sum it
// does is the to-do list's "days left", today's distance to a date from the core).
// Text from anywhere (core messages, input values) is only ever set as text nodes.

import { strings } from "./i18n.js";
import { fmtDate, fmtYen, DATE_RE, holdable, dayNumber, dayOr } from "./dom.js";
import { FIELDS, CODES, get, put, defaultInput, hashOf } from "./input.js";
import { barChart, monthCats } from "./chart.js";

export { defaultInput, withDefaults, parseInput, inputFromLink, langOfLink, hashOf } from "./input.js";

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

// The glossary's explanations (glossary.js): loaded the first time a "?" is opened.
let glossary;
let G = null;
const loadGlossary = () => (glossary ??= import("./glossary.js").then((m) => (G = m), (e) => {
  glossary = null; // offline on a first visit: the next click tries again
  throw e;
}));

// ---------------------------------------------------------------------------- the form

// The glossary terms of the result's charges (by kind) and warnings (by code).
const CHARGE_GL = { "cancellation-fee": "fee", "construction-remainder": "remainder" };
const WARN_GL = { "source-not-eligible": "smartValue", "number-lost": "analog", "number-cannot-be-kept": "analog" };
// Codes that are no English word: in an English text they can only be codes.
const notAWord = (c) => c.includes("-") || /^(biglobe|nifty|tcom|dti|cedyna|usen|ntt|mypage)$/.test(c);
const CODE = String.raw`(?<![\w@./-])[a-z][a-z0-9-]*(?![\w/-]|\.\w)`;
const LIST = new RegExp(`${CODE}(?:, ${CODE})+`, "g");
const QUOTED = /([「"“])([a-z][a-z0-9-]*)([」"”])/g;
const SINGLE = new RegExp(CODE, "g");

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

// ---------------------------------------------------------------------------- DOM helpers

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k);
  return e;
}

/**
 * Puts every date in the text of `root` (as fmtDate or the core writes it) in a
 * <span class="d">, which the stylesheet keeps on one line: "2019年9月30日" never breaks
 * after "9月" on a phone. Charts (SVG) and <time> elements are left as they are.
 */
const SPLIT = new RegExp(`(${DATE_RE.source})`);
function nowrapDates(root) {
  const texts = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!n.parentNode.closest("svg, time, .d") && SPLIT.test(n.data)) texts.push(n);
  for (const n of texts) n.replaceWith(...n.data.split(SPLIT).map((s, i) => (i % 2 ? el("span", { class: "d", text: s }) : s)).filter((s) => s !== ""));
  return root;
}

/** An optional block shows its fields only while its checkbox is ticked. */
function showBody({ box, toggle, inner }) {
  box.classList.toggle("off", !toggle.checked);
  inner.hidden = !toggle.checked;
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
  let input = opts.input || defaultInput(opts.lang, today());
  let lang = input.lang === "en" ? "en" : "ja";
  let t = strings[lang];
  const open = new Set(); // keys of the 根拠 disclosures the user opened
  const glOpen = new Set(); // places of the glossary explanations the user opened
  const idOf = (p) => `${uid}-${p.replaceAll(".", "-")}`;
  /** The form's word for option v of field f. */
  const optName = (f, v) => t.o[`${f.p}:${v}`] ?? t.o[v] ?? v;
  const controls = new Map(); // field path → { f, wrap, inputs, err, hint }
  const groups = new Map(); // optional block's path → { g, box, toggle, inner, err }
  let preset = null; // the core's construction preset (issue 8), offered, never applied unasked
  let presetBox;

  const status = el("p", { class: "vh", "aria-live": "polite", "aria-atomic": "true" });
  const formBox = el("form", { class: "nk-form", novalidate: true, "aria-label": t.title });
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
    if (b) toggleGloss(b);
  });
  // Escape in an open explanation (or on its button) closes it and returns to the button.
  nk.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const p = e.target.closest?.(".gl-panel");
    const b = p ? nk.querySelector(`[aria-controls="${p.id}"]`) : e.target.closest?.(".gl-btn");
    if (b?.getAttribute("aria-expanded") === "true") {
      toggleGloss(b);
      b.focus();
    }
  });
  banner.addEventListener("click", (e) => {
    if (!e.target.closest("button")) return;
    setInput(opts.resetInput?.() || defaultInput(lang, today()));
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
    const tg = focus && target(focus);
    if (tg) {
      (tg.wrap || tg.inputs[0]).scrollIntoView({ block: "center" });
      tg.inputs[0].focus({ preventScroll: true });
    }
    const sw = e.target.closest("[data-act=switch-campaign]")?.dataset.campaign;
    if (sw) return setInput({ ...read(), destination: { ...read().destination, campaign: sw } }, true);
    act(e.target.closest("[data-act]")?.dataset.act);
  });
  resultBox.addEventListener("toggle", (e) => {
    const k = e.target.dataset?.key;
    if (k) e.target.open ? open.add(k) : open.delete(k);
  }, true);

  // -- the glossary --
  // A "?" button beside a word that the form or the result uses; it shows or hides the
  // word's explanation right below (aria-expanded, aria-controls). Closed, the explanation
  // is `hidden`: only the button takes room. The text is filled in on first opening.

  /**
   * [button, explanation] for term k at place `at` (one per place in this calculator).
   * wide: the button shows the term's name (where no label beside it names it);
   * tag: the explanation's element (a dd in the exit facts).
   */
  function gloss(k, at, { wide = false, tag = "div" } = {}) {
    const what = t.gl.more + t.gl[k][0];
    const id = `${uid}-gl-${at.replace(/[^\w-]/g, "-")}`;
    const on = glOpen.has(at);
    const p = el(tag, { class: "gl-panel", id, "data-term": k, hidden: !on });
    if (on) fillGloss(p);
    return [el("button", { type: "button", class: wide ? "gl-btn wide" : "gl-btn", title: wide ? null : what, "aria-expanded": String(on), "aria-controls": id, "data-term": k, "data-at": at },
      el("span", { "aria-hidden": "true", text: "?" }), el("span", { class: wide ? null : "vh", text: what })), p];
  }

  function toggleGloss(b) {
    const on = b.getAttribute("aria-expanded") !== "true";
    const p = nk.querySelector(`[id="${b.getAttribute("aria-controls")}"]`);
    b.setAttribute("aria-expanded", String(on));
    p.hidden = !on;
    on ? glOpen.add(b.dataset.at) : glOpen.delete(b.dataset.at);
    if (on) fillGloss(p);
  }

  /** Japanese words inside English text, marked as Japanese (for speech). */
  const jaRuns = (s) => (lang === "en" ? s.split(/([\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+)/).map((x, i) => (i % 2 ? el("span", { lang: "ja", text: x }) : x)) : [s]);

  /** The explanation's text and sources, once (after loading glossary.js the first time). */
  function fillGloss(p) {
    if (p.childElementCount) return;
    if (!G) {
      loadGlossary().then(() => nk.querySelectorAll(".gl-panel:not([hidden])").forEach(fillGloss),
        () => p.childElementCount || p.append(el("p", { class: "err", text: t.gl.failed })));
      return;
    }
    const k = p.dataset.term;
    const [name, also] = t.gl[k];
    const x = G.explain(k, lang);
    const [o, c, colon] = lang === "en" ? [" (", ")", ": "] : ["（", "）", "："];
    p.append(
      el("p", {}, el("dfn", { text: name }), also ? [o, ...jaRuns(also), c] : null, colon, ...jaRuns(x.text)),
      el("ul", { class: "sources", "aria-label": t.source }, x.sources.map((s) => el("li", {},
        s.url ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title }) : s.title,
        s.kind ? ` (${s.kind})` : ""))));
  }

  // -- building the form (again on a language switch) --
  function buildForm() {
    controls.clear();
    groups.clear();
    const langs = el("div", { class: "langs", role: "group", "aria-label": "表示言語 / Language" },
      ...[["ja", "日本語"], ["en", "English"]].map(([l, name]) =>
        el("button", { type: "button", lang: l, "aria-pressed": String(l === lang), "data-lang": l, text: name })));
    langs.addEventListener("click", (e) => {
      const l = e.target.closest("button")?.dataset.lang;
      if (l && l !== lang) setLang(l);
    });
    formBox.replaceChildren(
      el("header", { class: "nk-head" }, el("h2", { text: t.title }), langs),
      el("p", { class: "intro", text: t.intro }),
      ...FIELDS.map(buildGroup),
    );
    formBox.setAttribute("aria-label", t.title);
  }

  function buildGroup(g) {
    const legend = el("legend");
    const box = el("fieldset", { class: `grp grp-${g.g}`, "data-path": g.p || null }, legend);
    const inner = g.p ? el("div", { class: "grp-body", id: `${uid}-${g.g}-body` }) : box;
    if (g.p) {
      // An optional block: a checkbox in the legend says whether the input has it.
      const cb = el("input", { type: "checkbox", id: `${uid}-${g.g}`, "aria-controls": inner.id });
      const [gb, gp] = g.gl ? gloss(g.gl, `g-${g.g}`) : [];
      legend.append(el("span", { class: "check" }, cb, el("label", { for: cb.id, text: t.fs[g.g] }), gb));
      if (gp) box.append(gp);
      if (g.g === "construction") {
        presetBox = el("div", { class: "preset", hidden: true });
        presetBox.addEventListener("click", (e) => e.target.closest("button") && usePreset());
        box.append(presetBox);
      }
      box.append(inner, el("p", { class: "err", id: `${uid}-${g.g}-err`, hidden: true }));
      const grp = { g, box, toggle: cb, inner, err: box.lastChild };
      cb.addEventListener("change", () => showBody(grp));
      groups.set(g.p, grp);
    } else legend.textContent = t.fs[g.g];
    for (const f of g.fields) inner.append(f.g ? buildGroup(f) : buildField(f));
    return box;
  }

  function buildField(f) {
    const id = idOf(f.p);
    const [label, hint] = t.f[f.p] || [f.p];
    const hintEl = hint ? el("p", { class: "hint", id: `${id}-hint`, text: hint }) : null;
    const err = el("p", { class: "err", id: `${id}-err`, hidden: true });
    const wrap = el("div", { class: `field f-${f.t}`, "data-path": f.p });
    const [gb, gp = ""] = f.gl ? gloss(f.gl, `f-${f.p}`) : [];
    let inputs;
    const opt = (v) => optName(f, v);
    if (f.t === "radio") {
      inputs = f.o.map((v, i) => el("input", { type: "radio", name: id, id: `${id}-${i}`, value: v }));
      wrap.append(el("fieldset", { class: "radios", "aria-describedby": hintEl ? hintEl.id : null },
        el("legend", { text: label }),
        el("div", { class: "opts" }, f.o.map((v, i) => el("span", { class: "opt" }, inputs[i], el("label", { for: inputs[i].id, text: opt(v) })))),
        hintEl, err));
    } else if (f.t === "check") {
      inputs = [el("input", { type: "checkbox", id })];
      wrap.append(el("span", { class: "check" }, inputs[0], el("label", { for: id, text: label }), gb), gp, hintEl || "", err);
    } else {
      let c;
      if (f.t === "select") {
        c = el("select", { id }, f.o.map((v) => el("option", { value: v, text: opt(v) })));
      } else if (f.t === "yen" || f.t === "count") {
        c = el("input", { id, type: "number", inputmode: "numeric", min: 0, step: 1 });
      } else {
        c = el("input", { id, type: f.t, placeholder: f.t === "month" ? "2026-09" : "2026-09-10", pattern: f.t === "month" ? "\\d{4}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2}" });
      }
      if (f.req) c.setAttribute("aria-required", "true");
      inputs = [c];
      const unit = f.t === "yen" ? t.yen : f.unit ? t[f.unit] : "";
      const lab = el("label", { for: id }, label, f.req || f.t === "select" ? null : el("span", { class: "opt-tag", text: ` (${t.optional})` }));
      wrap.append(
        gb ? el("div", { class: "lrow" }, lab, gb) : lab,
        gp,
        unit ? el("span", { class: "with-unit" }, c, el("span", { class: "unit", text: unit })) : c,
        hintEl || "", err);
    }
    if (hintEl && f.t !== "radio") inputs[0].setAttribute("aria-describedby", hintEl.id);
    controls.set(f.p, { f, wrap, inputs, err, hint: hintEl });
    return wrap;
  }

  // -- form ⇄ input --
  function fill(inp) {
    for (const [p, grp] of groups) {
      const v = get(inp, p);
      grp.toggle.checked = !!v && typeof v === "object" && (!grp.g.flag || !!v[grp.g.flag]);
      showBody(grp);
    }
    for (const [p, { f, inputs }] of controls) {
      let v = get(inp, p);
      if (f.bool && typeof v === "boolean") v = String(v);
      if (f.t === "check") inputs[0].checked = typeof v === "boolean" ? v : f.d;
      else if (f.t === "radio") {
        const want = v ?? f.o[0];
        for (const r of inputs) r.checked = r.value === want;
      } else if (f.t === "select") {
        const c = inputs[0];
        const want = v === undefined || v === null ? f.o[0] : String(v);
        if (![...c.options].some((o) => o.value === want)) c.append(el("option", { value: want, text: want }));
        c.value = want;
      } else if (f.t === "date" || f.t === "month") {
        // A value the date picker cannot hold (2019-02-30 from a link) stays visible as
        // text beside the core's error, so the reader sees what to correct.
        const raw = typeof v === "string" ? v : v === undefined || v === null ? "" : JSON.stringify(v);
        inputs[0].type = raw && !holdable(f.t, raw) ? "text" : f.t;
        inputs[0].value = raw;
      } else inputs[0].value = typeof v === "number" ? String(v) : "";
    }
    relevance();
  }

  function readAll() {
    const out = {};
    for (const [p, grp] of groups) if (grp.toggle.checked) put(out, p, grp.g.flag ? { [grp.g.flag]: true } : {});
    for (const [p, { f, inputs }] of controls) {
      const grpPath = p.slice(0, p.lastIndexOf("."));
      if (groups.has(grpPath) && !groups.get(grpPath).toggle.checked) continue;
      let v;
      if (f.t === "check") v = inputs[0].checked;
      else if (f.t === "radio") v = inputs.find((r) => r.checked)?.value;
      else if (f.t === "yen" || f.t === "count") v = inputs[0].value === "" ? undefined : Number(inputs[0].value);
      else v = inputs[0].value.trim() || undefined;
      if (f.bool && v !== undefined) v = v === "true";
      if (v !== undefined) put(out, p, v);
    }
    return out;
  }

  /** The CONTRACT input the form holds: fields that do not matter for it are left out. */
  function read() {
    const all = readAll();
    const out = {};
    for (const [p, grp] of groups) if (get(all, p) && visible(grp.g, all)) put(out, p, grp.g.flag ? { [grp.g.flag]: true } : {});
    for (const [p, { f }] of controls) {
      const v = get(all, p);
      const grpPath = p.slice(0, p.lastIndexOf("."));
      if (v === undefined || (groups.has(grpPath) && get(out, grpPath) === undefined)) continue;
      if (visible(f, all)) put(out, p, v);
    }
    out.lang = lang;
    return out;
  }

  const visible = (f, all) => !f.show || f.show(all);

  /** Shows only the fields that matter, and the options that apply. */
  function relevance(errPaths = new Set()) {
    const all = readAll();
    for (const [, grp] of groups) grp.box.hidden = !visible(grp.g, all) && !errPaths.has(grp.g.p);
    for (const [p, { f, wrap, inputs }] of controls) {
      wrap.hidden = !visible(f, all) && !errPaths.has(p);
      if (f.only) for (const o of inputs[0].options) {
        const cond = f.only[o.value];
        o.hidden = o.disabled = !!cond && !cond(all) && o.value !== inputs[0].value;
      }
    }
  }

  /** Fills the construction block with the core's preset (the reader clicked its button). */
  function usePreset() {
    const grp = groups.get("current.construction");
    grp.toggle.checked = true;
    showBody(grp);
    for (const [k, v] of Object.entries(preset.construction)) {
      const c = controls.get(`current.construction.${k}`);
      if (c) c.inputs[0].value = String(v);
    }
    controls.get("current.construction.monthlyInstallment").inputs[0].focus();
    changed();
  }

  function offerPreset(res) {
    const cur = input.current?.construction || {};
    preset = (res.presets || []).find((p) => p.kind === "construction" && p.construction) || null;
    const show = !!preset && Object.entries(preset.construction).some(([k, v]) => cur[k] !== v);
    presetBox.hidden = !show;
    presetBox.replaceChildren(...(show ? [el("p", { text: words(preset.label) }), el("button", { type: "button", text: t.buttons.preset })] : []));
  }

  // -- running the core --
  let pending = 0;
  function changed(e) {
    if (e?.target?.closest?.(".langs")) return;
    release();
    input = read();
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => { relevance(); run(true); });
  }

  async function run(user) {
    let m;
    try {
      m = await loadCore();
    } catch {
      showMessage(t.loadFailed);
      return;
    }
    let res, cmp;
    try {
      res = m.calculate(input);
      cmp = res?.ok && typeof m.compareExitMonths === "function" ? m.compareExitMonths(input) : null;
    } catch {
      showMessage(t.crashed);
      return;
    }
    if (!res || typeof res !== "object") showMessage(t.noCore);
    else if (res.ok) showResult(res, cmp, typeof m.exportCalendar === "function");
    else if (unfilled(res.errors || [])) showUnfilled(res.errors);
    else showErrors(res.errors || []);
    if (user || opts.reportInitial) opts.onChange?.(input, user);
    if (!performance.getEntriesByName("norikae:first-result").length) performance.mark("norikae:first-result");
  }

  function setBar(...summary) {
    bar.replaceChildren(el("p", { "aria-hidden": "true" }, summary), el("button", { type: "button", text: t.buttons.toResult }));
  }

  function showMessage(text) {
    clearErrors();
    resultBox.replaceChildren(el("h2", { id: `${uid}-rh`, text: t.h.result }), el("p", { class: "notice", text }));
    bar.replaceChildren();
  }

  // -- errors --
  function clearErrors() {
    for (const { inputs, err, hint } of controls.values()) {
      err.hidden = true;
      err.textContent = "";
      for (const i of inputs) {
        i.removeAttribute("aria-invalid");
        if (hint && i.type !== "radio") i.setAttribute("aria-describedby", hint.id);
        else i.removeAttribute("aria-describedby");
      }
    }
    for (const g of groups.values()) { g.err.hidden = true; g.err.textContent = ""; }
    presetBox.hidden = true;
  }

  /** The field (or enclosing optional block) an error path belongs to. */
  function target(path) {
    for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
      if (controls.has(p)) return { ...controls.get(p), p };
      if (groups.has(p)) return { err: groups.get(p).err, inputs: [groups.get(p).toggle], p };
      // A block without a control of its own (current.terms): its first field.
      const first = p === path && [...controls.keys()].find((k) => k.startsWith(`${p}.`));
      if (first) return { ...controls.get(first), p: first };
    }
    return null;
  }

  /**
   * Whether the errors only say that a block the reader just turned on is not filled in
   * yet (every one `missing`, on an empty field inside a ticked optional block) while a
   * result is on screen: then that result stays, and only those fields are marked.
   */
  function unfilled(errors) {
    if (!errors.length || !resultBox.querySelector('[data-testid="net-total"]')) return false;
    return errors.every((er) => {
      const p = String(er.field ?? "");
      const c = controls.get(p);
      const grp = [...groups.keys()].find((g) => p.startsWith(`${g}.`));
      return er.code === "missing" && c && grp && groups.get(grp).toggle.checked && !c.wrap.hidden && c.inputs.every((i) => i.type === "radio" || i.type === "checkbox" || !i.value);
    });
  }

  function showUnfilled(errors) {
    clearErrors();
    const { paths } = mark(errors);
    relevance(paths);
    const names = [...paths].map((p) => t.quote((t.f[p] || [p])[0]));
    let note = resultBox.querySelector(".stale");
    if (!note) {
      note = el("p", { class: "stale", "data-testid": "stale" });
      resultBox.querySelector("h2").after(note);
    }
    note.textContent = t.stale(names.join(lang === "en" ? ", " : "、"));
    say(note.textContent);
  }

  /** Puts each error's message next to its field; the list items for the error box. */
  function mark(errors) {
    const paths = new Set();
    const items = errors.map((er) => {
      const tg = target(String(er.field ?? ""));
      // The core may start a message with the field's path; next to the field that is noise.
      const msg = words(String(er.message || er.code || "").replace(`${er.field}: `, ""), er.field);
      if (tg) {
        paths.add(tg.p);
        tg.err.hidden = false;
        tg.err.textContent = tg.err.textContent ? `${tg.err.textContent} ${msg}` : msg;
        for (const i of tg.inputs) {
          i.setAttribute("aria-invalid", "true");
          i.setAttribute("aria-describedby", [tg.hint?.id, tg.err.id].filter(Boolean).join(" "));
        }
      }
      const name = tg && controls.has(tg.p) ? (t.f[tg.p] || [tg.p])[0] : er.field;
      const li = el("li", { "data-field": er.field ?? "", "data-code": er.code ?? "" });
      if (tg) li.append(el("button", { type: "button", class: "linkish", "data-path": tg.p, text: name }), `: ${msg}`);
      else li.append(name ? `${name}: ${msg}` : msg);
      return li;
    });
    return { paths, items };
  }

  function showErrors(errors) {
    clearErrors();
    const { paths, items } = mark(errors);
    relevance(paths);
    const list = el("ul", {}, items);
    list.addEventListener("click", (e) => {
      const p = e.target.closest("button")?.dataset.path;
      const tg = p && target(p);
      tg?.inputs[0]?.focus();
    });
    resultBox.replaceChildren(
      el("h2", { id: `${uid}-rh`, text: t.h.result }),
      nowrapDates(el("div", { class: "errors", "data-testid": "errors" }, el("h3", { text: t.h.errors }), list)));
    setBar(el("span", { text: t.summaryErr(errors.length) }));
    say(t.summaryErr(errors.length));
  }

  /**
   * A text from the core with the codes of the form's option lists in it ("「paper」で…
   * 使える方法: phone, web", "(home, biglobe)") turned into the form's words for them: no
   * raw value reaches the reader. In English only where it cannot be an English word
   * (quoted, a list of codes, a hyphenated or brand code).
   */
  function words(s) {
    const name = (c) => t.o[c] ?? c;
    return String(s ?? "")
      .replace(LIST, (m) => (m.split(", ").every((c) => CODES.has(c)) ? m.split(", ").map(name).join(t.listSep) : m))
      .replace(QUOTED, (m, a, c, b) => (CODES.has(c) ? a + name(c) + b : m))
      .replace(SINGLE, (c) => (CODES.has(c) && (lang === "ja" || notAWord(c)) ? name(c) : c));
  }

  // -- the result --
  const D = (s) => fmtDate(s, lang);
  const Y = (n) => (lang === "en" ? `${fmtYen(n)} yen` : `${fmtYen(n)}円`);
  // The core's own words for an item (`label`, or `name` on charges).
  const kindName = (x) => words([x.label, x.name].find((s) => typeof s === "string" && s && !/^\d{4}-\d{2}$/.test(s)) || t.o[x.kind] || x.kind);

  /** The 根拠 of a figure: the core's explanations of its rules; none when it has none. */
  function why(res, rules, key) {
    const ex = (res.explanations || []).filter((e) => typeof e.text === "string" && e.text);
    rules = [...new Set([rules].flat().filter(Boolean))].filter((r) => ex.some((e) => e.rule === r));
    if (!rules.length) return null;
    const d = el("details", { class: "why", "data-key": key, open: open.has(key) },
      el("summary", {}, el("span", { text: t.h.why }), el("span", { class: "rule", text: ` ${rules.join(", ")}` })));
    for (const r of rules) {
      for (const e of ex.filter((x) => x.rule === r)) {
        d.append(el("p", {}, el("strong", { text: r }), " ", words(e.text)));
        // Explanations cite sources by id; each source is listed once in res.sources.
        const byId = new Map((res.sources || []).map((s) => [s.id, s]));
        const srcs = (e.sources || []).map((s) => (typeof s === "string" ? byId.get(s) : s)).filter(Boolean).map((s) => {
          const title = String(s.title || s.url || "");
          const kind = t.kindOfSource[s.kind] || s.kind;
          const link = /^https?:\/\//.test(s.url || "")
            ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: title })
            : document.createTextNode(title);
          return el("li", {}, link, kind ? ` (${kind})` : "");
        });
        if (srcs.length) d.append(el("ul", { class: "sources", "aria-label": t.source }, srcs));
      }
    }
    return d;
  }

  /**
   * "未確認" beside a figure that rests on an unverified value: described by the
   * rule-unverified warnings of its rule (all of them when none is its own), and a
   * click goes to the first.
   */
  function unv(res, x) {
    if (x?.unverified !== true) return null;
    const ws = (res.warnings || []).map((w, i) => [w, `${uid}-w${i}`]).filter(([w]) => w.code === "rule-unverified");
    const ids = (ws.some(([w]) => w.rule === x.rule) ? ws.filter(([w]) => w.rule === x.rule) : ws).map(([, id]) => id);
    return el("button", { type: "button", class: "unv", "data-go": ids[0], "aria-describedby": ids.join(" ") || null, title: t.unvTip, text: t.unv });
  }

  /** Makes a like b, changing only what differs (less to lay out); the to-do list (listeners) is b's. */
  function morph(a, b) {
    if (a.isEqualNode(b)) return;
    if (a.nodeName !== b.nodeName || a.matches?.(".blk-actions")) return a.replaceWith(b);
    if (a.nodeType === 3) {
      a.data = b.data;
      return;
    }
    for (const k of b.getAttributeNames()) a.getAttribute(k) !== b.getAttribute(k) && a.setAttribute(k, b.getAttribute(k));
    for (const k of a.getAttributeNames()) b.hasAttribute(k) || a.removeAttribute(k);
    morphKids(a, [...b.childNodes]);
  }
  function morphKids(a, kids) {
    const n = a.childNodes;
    kids.forEach((k, i) => {
      if (n[i]) morph(n[i], k);
      else a.append(k);
    });
    while (n.length > kids.length) a.lastChild.remove();
  }

  /**
   * A box that scrolls sideways (a chart, a wide table), with a hint under it that shows
   * while its content is wider than the box (see fitHints).
   */
  function scroller(box) {
    return [box, el("p", { class: "scroll-hint", hidden: true, text: t.scrollHint })];
  }
  const fits = new ResizeObserver((es) => {
    for (const e of es) fitHint(e.target);
  });
  function fitHint(box) {
    const hint = box.nextElementSibling;
    const over = box.scrollWidth > box.clientWidth + 1;
    if (hint?.classList.contains("scroll-hint")) hint.hidden = !over;
    // A table that scrolls is reachable by keyboard, named for its section.
    if (box.classList.contains("tbl-wrap")) {
      if (over) {
        box.tabIndex = 0;
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", box.closest("section")?.querySelector("h3")?.textContent || t.h.result);
      } else for (const k of ["tabindex", "role", "aria-label"]) box.removeAttribute(k);
    }
  }
  function fitHints() {
    fits.disconnect();
    for (const box of resultBox.querySelectorAll(".chart-wrap, .tbl-wrap")) {
      fitHint(box);
      fits.observe(box);
    }
  }

  /**
   * The form's input as label: value, in the page's words (print only: a printout says
   * what the result assumed). The fields the form shows with a value; an empty optional
   * field is the default its hint describes.
   */
  function inputsList() {
    const shown = read(); // as the form shows it: a link's missing choices are the defaults
    const rows = [];
    const Ys = (n) => (typeof n === "number" ? Y(n) : String(n));
    const walk = (list) => {
      for (const f of list) {
        if (f.fields) {
          if (f.p && get(shown, f.p) === undefined) continue;
          if (f.p) rows.push([t.fs[f.g], t.yes]);
          walk(f.fields);
          continue;
        }
        let v = get(shown, f.p);
        if (v === undefined || v === null || v === "") continue;
        if (f.bool) v = String(v);
        const text = f.t === "date" || f.t === "month" ? D(String(v))
          : f.t === "yen" ? Ys(v)
          : f.t === "count" ? `${v}${f.unit ? (lang === "en" ? " " : "") + t[f.unit] : ""}`
          : f.t === "check" ? (v === true ? t.yes : t.no)
          : optName(f, String(v));
        rows.push([(t.f[f.p] || [f.p])[0], text]);
      }
    };
    walk(FIELDS);
    const box = section("inputs", t.h.inputs, el("dl", { class: "inputs" }, rows.map(([k, v]) => el("div", {}, el("dt", { text: k }), el("dd", { text: v })))));
    box.setAttribute("data-testid", "print-inputs");
    return box;
  }

  function section(key, title, ...body) {
    return el("section", { class: `blk blk-${key}`, "aria-labelledby": `${uid}-h-${key}` },
      el("h3", { id: `${uid}-h-${key}`, text: title }), ...body);
  }

  function showResult(res, cmp, canExport) {
    clearErrors();
    relevance();
    offerPreset(res);
    const x = res.exit || {};
    const tot = res.totals || {};
    const exitRules = x.rules || x.rule || (res.explanations || []).map((e) => e.rule).filter((r) => /^SN-[1-6]$/.test(r));
    const netRules = res.totals?.rule || ((res.explanations || []).some((e) => e.rule === "AU-11") ? ["AU-11"] : []);
    const exitText = D(x.month);
    const head = el("div", { class: "headline" },
      el("div", { class: "fig" },
        el("p", { class: "k", text: t.h.exitMonth }),
        el("p", { class: "v" }, el("time", { datetime: x.month, "data-testid": "exit-month", text: exitText }))),
      el("div", { class: "fig" },
        el("p", { class: "k", text: t.h.net }),
        el("p", { class: "v" }, el("span", { "data-testid": "net-total", text: fmtYen(tot.net) }), el("span", { class: "u", text: lang === "en" ? " yen" : "円" })),
        el("p", { class: "note", text: t.h.netNote(fmtYen(tot.charges), fmtYen(tot.refunds)) })),
      why(res, [...exitRules, ...netRules], "headline"));

    // The to-do list comes right under the headline, with the calendar button (the .ics
    // carries its steps); without a list the button stays in the toolbar.
    const todo = actions(res, canExport);
    const tools = el("div", { class: "tools" },
      el("button", { type: "button", "data-act": "copy", text: t.buttons.copy }),
      canExport && !todo ? el("button", { type: "button", "data-act": "ics", text: t.buttons.ics }) : null,
      opts.embedded ? null : el("button", { type: "button", "data-act": "print", text: t.buttons.print }),
      el("button", { type: "button", "data-act": "reset", class: "quiet", text: t.buttons.reset }));

    // The rule-unverified notes (often 5 to 7 of them) fold into one line that opens.
    const warn = (w, i) => el("li", { class: "warn", "data-code": w.code },
      el("p", { id: `${uid}-w${i}`, tabindex: -1 }, el("span", { class: "icon", "aria-hidden": "true", text: "⚠" }), words(w.message || w.code)),
      warnActions(res, w), warnGloss(w, i), why(res, w.rule, `w-${w.code}-${i}`));
    const all = (res.warnings || []).map((w, i) => [w, i]);
    const unverified = all.filter(([w]) => w.code === "rule-unverified");
    const warnings = all.length
      ? section("warnings", t.h.warnings,
        el("ul", { class: "warnings" }, all.filter(([w]) => w.code !== "rule-unverified").map(([w, i]) => warn(w, i))),
        unverified.length ? el("details", { class: "unv-all", "data-key": "unv-all", "data-testid": "unverified", open: open.has("unv-all") },
          el("summary", {}, el("span", { class: "icon", "aria-hidden": "true", text: "⚠ " }), t.unvCount(unverified.length)),
          el("ul", { class: "warnings" }, unverified.map(([w, i]) => warn(w, i)))) : null)
      : null;

    const dl = el("dl", { class: "facts" });
    const fact = (k, v, g) => {
      if (v === undefined || v === null || v === "") return;
      // The explanation is a dd of its own (a dl holds only dt and dd), across the row.
      const [gb, gp] = g ? gloss(g, `x-${g}`, { tag: "dd" }) : [];
      dl.append(el("div", {}, el("dt", {}, k, gb), el("dd", { text: v }), gp));
    };
    fact(t.exit.lastServiceDay, x.lastServiceDay && D(x.lastServiceDay));
    fact(t.exit.completionDate, x.completionDate && D(x.completionDate));
    if (typeof x.contractMonth === "number") fact(t.exit.contractMonth, t.contractMonth(x.contractMonth));
    if (typeof x.inRenewalWindow === "boolean") fact(t.exit.renewal, x.inRenewalWindow ? t.inWindow : t.outWindow([...new Set(x.nextRenewalWindow || [])].map(D)), "renewal");
    if (x.earliestMonth) fact(t.exit.window, t.range(D(x.earliestMonth), D(x.latestMonth || x.earliestMonth)));
    if (x.shiftedBy) fact(t.exit.shifted, t.extraMonths(t.shiftedBy[x.shiftedBy] || x.shiftedBy, x.extraMonths));
    fact(t.exit.removalDate, x.removalDate && D(x.removalDate));
    fact(t.exit.earliestRemovalDate, x.earliestRemovalDate && D(x.earliestRemovalDate));
    fact(t.exit.mypageUntil, x.mypageUntil && D(x.mypageUntil));

    morphKids(resultBox, [
      el("h2", { id: `${uid}-rh`, text: t.h.result }),
      head, todo, tools, warnings,
      section("timeline", t.h.timeline, timeline(res)),
      section("exit", t.h.exit, dl),
      section("charges", t.h.charges, chargesTable(res)),
      (res.refunds || []).length || res.campaign || res.refundNote ? section("refunds", t.h.refunds, campaignLine(res.campaign), refundNote(res), (res.refunds || []).length ? refundsTable(res) : null) : null,
      cashflow(res),
      compare(cmp),
      // Each rule set used, with the day its data was last checked (issue 5).
      Array.isArray(res.rules) && res.rules.length ? el("ul", { class: "asof", "data-testid": "rules-as-of" },
        res.rules.map((r) => el("li", { "data-rule": r.id }, `${words(r.name)}: ${t.asOf(D(r.checked))}`))) : null,
      inputsList(),
    ].filter(Boolean).map(nowrapDates));
    fitHints();
    setBar(el("span", { text: `${t.h.exitMonth} ${exitText}` }), el("strong", { text: `${t.h.net} ${Y(tot.net)}` }));
    say(t.summary(exitText, fmtYen(tot.net)));
  }

  /**
   * What the reader can do about a warning, as the core names it: go to the field that
   * changes it (`field`), or switch to the campaign in force on that date (`campaignInForce`).
   */
  function warnActions(res, w) {
    const c = w.code === "campaign-version-ended" ? res.campaignInForce : null;
    const go = c ? null : goField(w.field);
    if (!c && !go) return null;
    return el("p", { class: "warn-acts" },
      c ? el("button", { type: "button", "data-act": "switch-campaign", "data-campaign": c.campaign, "data-testid": "switch-campaign", text: t.switchTo(String(c.name)) }) : go);
  }

  /** The "0円（対象外）" line of a campaign that pays no fee refund, with the core's reason. */
  function refundNote(res) {
    const n = res.refundNote;
    if (!n) return null;
    return el("p", { class: "refund-note", "data-testid": "refund-note" }, words(String(n.text || "")), " ", goField(n.field));
  }

  /** A link-like button that focuses the form field `path` names (null when it has none). */
  function goField(path) {
    if (!path || !target(path)?.inputs?.length) return null;
    return el("button", { type: "button", class: "linkish", "data-focus": path, "data-testid": "go-field", text: t.goField((t.f[path] || [path])[0]) });
  }

  /** The campaign version used, with its dates (issue 8). */
  function campaignLine(c) {
    return c?.name ? el("p", { class: "camp", "data-testid": "campaign" }, t.applies(words(c.name), t.range(D(c.since), c.until ? D(c.until) : "").trim())) : null;
  }

  function timeline(res) {
    // Its deadlines and refunds are the core's: same label, same day.
    const unvAt = new Map([...(res.deadlines || []).map((d) => [d, d.date]), ...(res.refunds || []).map((r) => [r, r.earliest])]
      .filter(([x]) => x.unverified).map(([x, d]) => [`${kindName(x)}@${d}`, x]));
    return el("ol", { class: "timeline" }, (res.timeline || []).map((e, i) =>
      el("li", { "data-kind": e.kind || null },
        el("time", { datetime: e.date, text: D(e.date) }),
        el("span", { class: "what", text: kindName(e) }),
        typeof e.amount === "number" ? el("span", { class: "amt", text: `${lang === "en" ? ": " : "："}${Y(e.amount)}` }) : null,
        unv(res, unvAt.get(`${kindName(e)}@${e.date}`)),
        why(res, e.rule, `t-${e.kind}-${e.date}-${i}`))));
  }

  function payText(c) {
    const pay = input.current?.payment || "credit-card";
    const parts = [];
    if (c.slipArrives) parts.push(t.slip(D(c.slipArrives)));
    if (c.due) parts.push(pay === "bank-debit" ? t.dueDebit(D(c.due)) : pay === "convenience-store" ? t.dueSlip(D(c.due)) : t.due(D(c.due)));
    const usen = c.usenLabel || (typeof c.label === "string" && /^\d{4}-\d{2}$/.test(c.label) ? c.label : null);
    if (usen) parts.push(t.usenLabel(D(usen)));
    if (!parts.length && pay === "credit-card") parts.push(t.cardNote);
    if (!parts.length && pay === "ntt") parts.push(t.nttNote);
    if (!parts.length) parts.push(t.o[pay] || pay);
    return parts.join(" / ");
  }

  function table(cls, heads, rows, total) {
    return scroller(el("div", { class: "tbl-wrap" }, el("table", { class: cls },
      el("thead", {}, el("tr", {}, heads.map((h, i) => el("th", { scope: "col", class: i === heads.length - 1 ? "num" : null, text: h })))),
      el("tbody", {}, rows),
      total ? el("tfoot", {}, el("tr", {}, el("th", { scope: "row", colspan: heads.length - 1, text: t.col.total }), el("td", { class: "num", text: Y(total) }))) : null)));
  }

  /** A warning's glossary term: its button (with the term's name) and explanation. */
  function warnGloss(w, i) {
    const k = WARN_GL[w.code];
    if (!k) return null;
    const [b, p] = gloss(k, `w-${w.code}-${i}`, { wide: true });
    return [el("p", { class: "gl-line" }, b), p];
  }

  function chargesTable(res) {
    const rows = (res.charges || []).map((c, i) => {
      const [gb, gp] = CHARGE_GL[c.kind] ? gloss(CHARGE_GL[c.kind], `c-${c.kind}-${i}`) : [];
      return el("tr", { "data-kind": c.kind },
        el("td", {}, el("span", { class: "item" }, kindName(c), unv(res, c), gb), gp,
          el("span", { class: "sub", text: [c.month && `${t.col.month} ${D(c.month)}`, c.billedMonth && `${t.col.billed} ${D(c.billedMonth)}`].filter(Boolean).join(" · ") }),
          el("span", { class: "sub", text: payText(c) }),
          why(res, c.rule, `c-${c.kind}-${c.month}-${i}`)),
        el("td", { class: "num", text: Y(c.amount) }));
    });
    return table("charges", [t.col.item, t.col.amount], rows, res.totals?.charges);
  }

  function refundsTable(res) {
    const rows = (res.refunds || []).map((r, i) => {
      let when = "";
      if (r.earliest) when = t.range(D(r.earliest), D(r.latest || r.earliest));
      else if (r.firstMonth) when = r.months ? t.monthly(r.months, D(r.firstMonth), D(r.latestFirstMonth || r.firstMonth)) : D(r.firstMonth);
      const method = r.method ? t.o[r.method] || r.method : "";
      return el("tr", { "data-kind": r.kind },
        el("td", {}, el("span", { class: "item" }, kindName(r), unv(res, r)),
          el("span", { class: "sub", text: [method, when].filter(Boolean).join(" · ") }),
          why(res, r.rule, `r-${r.kind}-${i}`)),
        el("td", { class: "num", text: Y(r.amount) }));
    });
    return table("refunds", [t.col.item, t.col.amount], rows, res.totals?.refunds);
  }

  function cashflow(res) {
    const rows = Array.isArray(res.cashflow) ? res.cashflow : [];
    if (!rows.length) return null;
    const chart = barChart({
      cats: monthCats(rows.map((r) => r.month), lang),
      series: [
        { name: t.cfOut, cls: "out", values: rows.map((r) => r.out || 0) },
        { name: t.cfIn, cls: "in", values: rows.map((r) => r.in || 0) },
      ],
      label: t.cfLabel,
      fmt: fmtYen,
      tip: (c, s, v) => `${D(c.key)} ${s.name} ${Y(v)}`,
    });
    return section("cashflow", t.h.cashflow,
      el("p", { class: "legend" }, el("span", { class: "sw out" }), t.cfOut, " ", el("span", { class: "sw in" }), t.cfIn),
      scroller(el("div", { class: "chart-wrap", tabindex: 0, role: "group", "aria-label": t.h.cashflow }, chart)));
  }

  function compare(cmp) {
    if (!cmp?.ok || !Array.isArray(cmp.rows) || !cmp.rows.length) return null;
    const rows = cmp.rows;
    // The core's own recommendation: a month the reader can still reach, and how.
    const bi = rows.findIndex((r) => r.month === (cmp.recommended || cmp.best));
    const line = [String(cmp.recommendation || "")];
    const chart = barChart({
      cats: monthCats(rows.map((r) => r.month), lang),
      series: [{ name: t.col.net, cls: "net", values: rows.map((r) => r.net) }],
      marked: bi,
      markText: "★",
      label: t.cmpLabel,
      fmt: fmtYen,
      tip: (c, s, v) => `${D(c.key)} ${s.name} ${Y(v)}`,
    });
    const trs = rows.map((r, i) => el("tr", { class: i === bi ? "best" : null },
      el("th", { scope: "row" }, D(r.month), i === bi ? el("strong", { class: "badge", text: ` ★ ${t.best}` }) : null),
      el("td", { class: "apply", text: r.reachable === false ? t.unreachable : r.applyBy ? t.range(D(r.applyFrom), D(r.applyBy)) : "" }),
      el("td", { class: "num", text: String(r.monthsPaidSinceEarliest ?? "") }),
      el("td", { class: "num", text: fmtYen(r.charges) }),
      el("td", { class: "num", text: fmtYen(r.refunds) }),
      el("td", { class: "num", text: fmtYen(r.net) })));
    return section("compare", t.h.compare,
      el("p", { class: "recommend", "data-testid": "recommendation", text: line.join(" ") }),
      scroller(el("div", { class: "chart-wrap", tabindex: 0, role: "group", "aria-label": t.h.compare }, chart)),
      el("details", { class: "more", "data-key": "cmp-table", open: open.has("cmp-table") },
        el("summary", { text: t.cmpTable }),
        scroller(el("div", { class: "tbl-wrap" }, el("table", { class: "cmp" },
          el("thead", {}, el("tr", {}, [t.h.exitMonth, t.col.apply, t.col.paid, t.col.charges, t.col.refunds, t.col.net].map((h, i) => el("th", { scope: "col", class: i ? "num" : null, text: h })))),
          el("tbody", {}, trs))))));
  }

  // -- the to-do list --
  // Every step, its date or window and its contact come from the core (`actions`). The
  // page adds only what depends on the reader's day and device: how many days are left
  // (day arithmetic against today(), not a rule) and the ticks, which are kept per
  // scenario (scenarioKey of the form's input) and per step (stepKeys).

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
  function stepStatus(a, done) {
    const now = dayNumber(today());
    const diff = (d) => (dayNumber(d) === null || now === null ? null : dayNumber(d) - now);
    const due = diff(a.by || a.date); // the day it must be done by (a fixed date: that day)
    const opens = a.from ? diff(a.from) : null;
    const T = t.todo;
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

  function paintStep(li, a, done) {
    const s = stepStatus(a, done);
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

  function actions(res, canExport) {
    const list = Array.isArray(res.actions) ? res.actions : [];
    if (!list.length) return null;
    const scenario = scenarioKey(read());
    const keys = stepKeys(list);
    const ticked = new Set(ticks.load(scenario));
    const progress = el("p", { class: "todo-progress", "aria-live": "polite" });
    const count = () => {
      const n = keys.filter((k) => ticked.has(k)).length;
      progress.textContent = t.todo.progress(n, keys.length);
    };
    const ol = el("ol", { class: "todo", "data-testid": "todo", "data-scenario": scenario }, list.map((a, i) => {
      const id = `${uid}-step-${i}`;
      const when = a.date
        ? t.actionWhen.date(D(a.date), a.by && a.by !== a.date ? D(a.by) : null)
        : [a.from && t.actionWhen.from(D(a.from)), a.by && t.actionWhen.by(D(a.by))].filter(Boolean).join(t.actionWhen.join);
      const c = a.contact;
      const contact = c ? el("p", { class: "contact" },
        c.name ? el("span", { class: "who", text: words(c.name) }) : null,
        c.phone ? el("a", { href: `tel:${String(c.phone).replace(/[^0-9+]/g, "")}`, text: String(c.phone) }) : null,
        ...[["menu", c.menu], ["hours", c.hours], ["closed", c.closed]].filter(([, v]) => v)
          .map(([k, v]) => el("span", { class: `c-${k}` }, el("span", { class: "k", text: t.todo.contact[k] }), words(v)))) : null;
      const box = el("input", { type: "checkbox", id, "aria-describedby": `${id}-when`, checked: ticked.has(keys[i]) });
      const li = el("li", { "data-kind": a.kind, "data-key": keys[i] },
        el("span", { class: "n", "aria-hidden": "true", text: `${i + 1}.` }),
        box,
        el("div", { class: "step" },
          el("p", { class: "when", id: `${id}-when` }, when ? el("span", { class: "date", text: when }) : null, el("span", { class: "rel" })),
          el("label", { for: id, class: "what", text: words(a.text || a.kind) }),
          contact, why(res, a.rule, `a-${a.kind}-${i}`)));
      box.addEventListener("change", () => {
        box.checked ? ticked.add(keys[i]) : ticked.delete(keys[i]);
        ticks.save(scenario, keys.filter((k) => ticked.has(k)));
        paintStep(li, a, box.checked);
        count();
      });
      paintStep(li, a, box.checked);
      return li;
    }));
    count();
    const head = el("div", { class: "todo-head" },
      el("div", {}, el("p", { class: "todo-today", text: t.todo.todayIs(D(today())) }), progress),
      canExport ? el("button", { type: "button", "data-act": "ics", text: t.buttons.ics }) : null);
    return section("actions", t.h.actions, head, ol);
  }

  // -- toolbar actions --
  async function act(what) {
    if (what === "copy") {
      const url = opts.linkBase ? new URL(hashOf(input), opts.linkBase).href : location.href;
      try {
        await navigator.clipboard.writeText(url);
        flash(t.buttons.copied);
      } catch {
        flash(t.buttons.copyFailed);
      }
    } else if (what === "ics") {
      const m = await loadCore();
      const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      let r;
      try {
        r = m.exportCalendar(input, now);
      } catch {
        r = null;
      }
      if (!r?.ok || typeof r.ics !== "string") return flash(t.crashed);
      const url = URL.createObjectURL(new Blob([r.ics], { type: "text/calendar;charset=utf-8" }));
      const a = el("a", { href: url, download: r.filename || "norikae.ics", hidden: true });
      nk.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      flash(t.buttons.icsDone);
    } else if (what === "print") {
      window.print();
    } else if (what === "reset") {
      opts.onReset?.();
      setInput(opts.resetInput?.() || defaultInput(lang, today()));
      flash(t.buttons.resetDone);
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
    lang = l;
    t = strings[lang];
    nk.lang = lang;
    buildForm();
    opts.onLang?.(lang, t);
    if (onSwitch) formBox.querySelector(`[data-lang="${lang}"]`).focus();
  }

  function setLang(l) {
    l = l === "en" ? "en" : "ja";
    if (l === lang) return;
    input = { ...read(), lang: l };
    relabel(l);
    fill(input);
    if (held) {
      paintLinkError();
      showMessage(t.linkError.held);
    } else run(true);
  }

  function setInput(inp, user = false) {
    release();
    input = inp && typeof inp === "object" ? inp : defaultInput(lang, today());
    const l = input.lang === "en" ? "en" : "ja";
    if (l !== lang) relabel(l);
    fill(input);
    run(user);
  }

  /** The given input could not be read: say so and why, show the defaults, calculate nothing. */
  let linkErr = null;
  function linkError(err) {
    linkErr = err;
    held = true;
    input = defaultInput(lang, today());
    fill(input);
    clearErrors();
    paintLinkError();
    showMessage(t.linkError.held);
  }
  function paintLinkError() {
    if (!held || !linkErr) return;
    const L = t.linkError;
    banner.replaceChildren(
      el("p", { class: "le-title" }, el("span", { class: "icon", "aria-hidden": "true", text: "⚠ " }), L.title[linkErr.source] || L.title.link),
      el("p", { text: L.why[linkErr.reason] || L.why.json }),
      el("p", { text: L.what[linkErr.source] || L.what.link }),
      el("button", { type: "button", text: t.buttons.defaults }));
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

  buildForm();
  opts.onLang?.(lang, t);
  fill(input);
  resultBox.replaceChildren(el("h2", { id: `${uid}-rh`, text: t.h.result }), el("p", { class: "notice", text: t.loading }));
  if (opts.linkError) linkError(opts.linkError);
  else run(false);
  return { setInput, setLang, linkError, get input() { return input; }, get lang() { return lang; } };
}
