// The calculator's user interface, shared by the page (index.html → app.js) and the
// embed (<norikae-calculator>, embed.js). It never computes a date or an amount of its
// own: every figure on screen is a value from the core (the one sum it does is the to-do
// list's "days left", today's distance to a date from the core). Text from anywhere (core
// messages, input values) is only ever set as text nodes.
// This module: mount() (a calculator's context `c`, its events, running the core, the
// toolbar, the language switch, an unreadable link), the form and the result, and what
// app.js and embed.js import. Not here: the fields (input.js), to-do (todo.js).

import { strings } from "./i18n.js";
import { el, nowrapDates, morphKids, scroller, fitHints, section, gloss, goField, toggleGloss, fmtDate, fmtYen, yenText, holdable, dayOr } from "./dom.js";
import { FIELDS, CODES, get, put, defaultInput, hashOf } from "./input.js";
import { cashflow, compareChart } from "./chart.js";
import { actions } from "./todo.js";

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

// ---------------------------------------------------------------------------- the form

// Codes that are no English word: in an English text they can only be codes.
const notAWord = (c) => c.includes("-") || /^(biglobe|nifty|tcom|dti|cedyna|usen|ntt|mypage)$/.test(c);
const CODE = String.raw`(?<![\w@./-])[a-z][a-z0-9-]*(?![\w/-]|\.\w)`;
const LIST = new RegExp(`${CODE}(?:, ${CODE})+`, "g");
const QUOTED = /([「"“])([a-z][a-z0-9-]*)([」"”])/g;
const SINGLE = new RegExp(CODE, "g");

/** An optional block shows its fields only while its checkbox is ticked. */
function showBody({ box, toggle, inner }) {
  box.classList.toggle("off", !toggle.checked);
  inner.hidden = !toggle.checked;
}

const visible = (f, all) => !f.show || f.show(all);

/** The form of calculator `c` (mount's context): what it adds to `c`. */
function form(c) {
  // controls: field path → { f, wrap, inputs, err, hint }
  // groups: optional block's path → { g, box, toggle, inner, err }
  const { uid, controls, groups } = c;
  const idOf = (p) => `${uid}-${p.replaceAll(".", "-")}`;
  /** The form's word for option v of field f. */
  const optName = (f, v) => c.t.o[`${f.p}:${v}`] ?? c.t.o[v] ?? v;

  // -- building the form (again on a language switch) --
  function buildForm() {
    const { t, lang } = c;
    controls.clear();
    groups.clear();
    const langs = el("div", { class: "langs", role: "group", "aria-label": "表示言語 / Language" },
      ...[["ja", "日本語"], ["en", "English"]].map(([l, name]) =>
        el("button", { type: "button", lang: l, "aria-pressed": String(l === lang), "data-lang": l, text: name })));
    langs.addEventListener("click", (e) => {
      const l = e.target.closest("button")?.dataset.lang;
      if (l && l !== c.lang) c.setLang(l);
    });
    c.formBox.replaceChildren(
      el("header", { class: "nk-head" }, el("h2", { text: t.title }), langs),
      el("p", { class: "intro", text: t.intro }),
      ...FIELDS.map(buildGroup),
    );
    c.formBox.setAttribute("aria-label", t.title);
  }

  function buildGroup(g) {
    const legend = el("legend");
    const box = el("fieldset", { class: `grp grp-${g.g}`, "data-path": g.p || null }, legend);
    const inner = g.p ? el("div", { class: "grp-body", id: `${uid}-${g.g}-body` }) : box;
    if (g.p) {
      // An optional block: a checkbox in the legend says whether the input has it.
      const cb = el("input", { type: "checkbox", id: `${uid}-${g.g}`, "aria-controls": inner.id });
      const [gb, gp] = g.gl ? gloss(c, g.gl, `g-${g.g}`) : [];
      legend.append(el("span", { class: "check" }, cb, el("label", { for: cb.id, text: c.t.fs[g.g] }), gb));
      if (gp) box.append(gp);
      if (g.g === "construction") {
        c.presetBox = el("div", { class: "preset", hidden: true });
        c.presetBox.addEventListener("click", (e) => e.target.closest("button") && usePreset());
        box.append(c.presetBox);
      }
      box.append(inner, el("p", { class: "err", id: `${uid}-${g.g}-err`, hidden: true }));
      const grp = { g, box, toggle: cb, inner, err: box.lastChild };
      cb.addEventListener("change", () => showBody(grp));
      groups.set(g.p, grp);
    } else legend.textContent = c.t.fs[g.g];
    for (const f of g.fields) inner.append(f.g ? buildGroup(f) : buildField(f));
    return box;
  }

  function buildField(f) {
    const { t } = c;
    const id = idOf(f.p);
    const [label, hint] = t.f[f.p] || [f.p];
    const hintEl = hint ? el("p", { class: "hint", id: `${id}-hint`, text: hint }) : null;
    const err = el("p", { class: "err", id: `${id}-err`, hidden: true });
    const wrap = el("div", { class: `field f-${f.t}`, "data-path": f.p });
    const [gb, gp = ""] = f.gl ? gloss(c, f.gl, `f-${f.p}`) : [];
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
      let e;
      if (f.t === "select") {
        e = el("select", { id }, f.o.map((v) => el("option", { value: v, text: opt(v) })));
      } else if (f.t === "yen" || f.t === "count") {
        e = el("input", { id, type: "number", inputmode: "numeric", min: 0, step: 1 });
      } else {
        e = el("input", { id, type: f.t, placeholder: f.t === "month" ? "2026-09" : "2026-09-10", pattern: f.t === "month" ? "\\d{4}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2}" });
      }
      if (f.req) e.setAttribute("aria-required", "true");
      inputs = [e];
      const unit = f.t === "yen" ? t.yen : f.unit ? t[f.unit] : "";
      const lab = el("label", { for: id }, label, f.req || f.t === "select" ? null : el("span", { class: "opt-tag", text: ` (${t.optional})` }));
      wrap.append(
        gb ? el("div", { class: "lrow" }, lab, gb) : lab,
        gp,
        unit ? el("span", { class: "with-unit" }, e, el("span", { class: "unit", text: unit })) : e,
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
        const s = inputs[0];
        const want = v === undefined || v === null ? f.o[0] : String(v);
        if (![...s.options].some((o) => o.value === want)) s.append(el("option", { value: want, text: want }));
        s.value = want;
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
    out.lang = c.lang;
    return out;
  }

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
    for (const [k, v] of Object.entries(c.preset.construction)) {
      const x = controls.get(`current.construction.${k}`);
      if (x) x.inputs[0].value = String(v);
    }
    controls.get("current.construction.monthlyInstallment").inputs[0].focus();
    c.changed();
  }

  /** The core's construction preset (issue 8), offered, never applied unasked. */
  function offerPreset(res) {
    const cur = c.input.current?.construction || {};
    const preset = (res.presets || []).find((p) => p.kind === "construction" && p.construction) || null;
    c.preset = preset;
    const show = !!preset && Object.entries(preset.construction).some(([k, v]) => cur[k] !== v);
    c.presetBox.hidden = !show;
    c.presetBox.replaceChildren(...(show ? [el("p", { text: words(preset.label) }), el("button", { type: "button", text: c.t.buttons.preset })] : []));
  }

  // -- errors beside their fields --
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
    c.presetBox.hidden = true;
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

  /** Puts each error's message next to its field; the list items for the error box. */
  function mark(errors) {
    const { t } = c;
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

  /**
   * A text from the core with the codes of the form's option lists in it ("「paper」で…
   * 使える方法: phone, web", "(home, biglobe)") turned into the form's words for them: no
   * raw value reaches the reader. In English only where it cannot be an English word
   * (quoted, a list of codes, a hyphenated or brand code).
   */
  function words(s) {
    const name = (x) => c.t.o[x] ?? x;
    return String(s ?? "")
      .replace(LIST, (m) => (m.split(", ").every((x) => CODES.has(x)) ? m.split(", ").map(name).join(c.t.listSep) : m))
      .replace(QUOTED, (m, a, x, b) => (CODES.has(x) ? a + name(x) + b : m))
      .replace(SINGLE, (x) => (CODES.has(x) && (c.lang === "ja" || notAWord(x)) ? name(x) : x));
  }

  return { buildForm, fill, read, relevance, optName, offerPreset, clearErrors, target, mark, words };
}

// ---------------------------------------------------------------------------- the result

// The glossary terms of the result's charges (by kind) and warnings (by code).
const CHARGE_GL = { "cancellation-fee": "fee", "construction-remainder": "remainder" };
const WARN_GL = { "source-not-eligible": "smartValue", "number-lost": "analog", "number-cannot-be-kept": "analog" };

/** The result of calculator `c` (mount's context): what it adds to `c`. */
function result(c) {
  const { uid, open, resultBox, words } = c;
  const D = (s) => fmtDate(s, c.lang);
  const Y = (n) => yenText(n, c.lang);
  // The core's own words for an item (`label`, or `name` on charges).
  const kindName = (x) => words([x.label, x.name].find((s) => typeof s === "string" && s && !/^\d{4}-\d{2}$/.test(s)) || c.t.o[x.kind] || x.kind);

  function setBar(...summary) {
    c.bar.replaceChildren(el("p", { "aria-hidden": "true" }, summary), el("button", { type: "button", text: c.t.buttons.toResult }));
  }

  function showMessage(text) {
    c.clearErrors();
    resultBox.replaceChildren(el("h2", { id: `${uid}-rh`, text: c.t.h.result }), el("p", { class: "notice", text }));
    c.bar.replaceChildren();
  }

  // -- errors --
  /**
   * Whether the errors only say that a block the reader just turned on is not filled in
   * yet (every one `missing`, on an empty field inside a ticked optional block) while a
   * result is on screen: then that result stays, and only those fields are marked.
   */
  function unfilled(errors) {
    if (!errors.length || !resultBox.querySelector('[data-testid="net-total"]')) return false;
    const { controls, groups } = c;
    return errors.every((er) => {
      const p = String(er.field ?? "");
      const x = controls.get(p);
      const grp = [...groups.keys()].find((g) => p.startsWith(`${g}.`));
      return er.code === "missing" && x && grp && groups.get(grp).toggle.checked && !x.wrap.hidden && x.inputs.every((i) => i.type === "radio" || i.type === "checkbox" || !i.value);
    });
  }

  function showUnfilled(errors) {
    const { t } = c;
    c.clearErrors();
    const { paths } = c.mark(errors);
    c.relevance(paths);
    const names = [...paths].map((p) => t.quote((t.f[p] || [p])[0]));
    let note = resultBox.querySelector(".stale");
    if (!note) {
      note = el("p", { class: "stale", "data-testid": "stale" });
      resultBox.querySelector("h2").after(note);
    }
    note.textContent = t.stale(names.join(c.lang === "en" ? ", " : "、"));
    c.say(note.textContent);
  }

  function showErrors(errors) {
    const { t } = c;
    c.clearErrors();
    const { paths, items } = c.mark(errors);
    c.relevance(paths);
    const list = el("ul", {}, items);
    list.addEventListener("click", (e) => {
      const p = e.target.closest("button")?.dataset.path;
      const tg = p && c.target(p);
      tg?.inputs[0]?.focus();
    });
    resultBox.replaceChildren(
      el("h2", { id: `${uid}-rh`, text: t.h.result }),
      nowrapDates(el("div", { class: "errors", "data-testid": "errors" }, el("h3", { text: t.h.errors }), list)));
    setBar(el("span", { text: t.summaryErr(errors.length) }));
    c.say(t.summaryErr(errors.length));
  }

  // -- the result --
  /** The 根拠 of a figure: the core's explanations of its rules; none when it has none. */
  function why(res, rules, key) {
    const { t } = c;
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
    return el("button", { type: "button", class: "unv", "data-go": ids[0], "aria-describedby": ids.join(" ") || null, title: c.t.unvTip, text: c.t.unv });
  }

  /**
   * The form's input as label: value, in the page's words (print only: a printout says
   * what the result assumed). The fields the form shows with a value; an empty optional
   * field is the default its hint describes.
   */
  function inputsList() {
    const { t, lang } = c;
    const shown = c.read(); // as the form shows it: a link's missing choices are the defaults
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
          : c.optName(f, String(v));
        rows.push([(t.f[f.p] || [f.p])[0], text]);
      }
    };
    walk(FIELDS);
    const box = section(c, "inputs", t.h.inputs, el("dl", { class: "inputs" }, rows.map(([k, v]) => el("div", {}, el("dt", { text: k }), el("dd", { text: v })))));
    box.setAttribute("data-testid", "print-inputs");
    return box;
  }

  function showResult(res, cmp, canExport) {
    const { t, lang } = c;
    c.clearErrors();
    c.relevance();
    c.offerPreset(res);
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
    const todo = actions(c, res, canExport);
    const tools = el("div", { class: "tools" },
      el("button", { type: "button", "data-act": "copy", text: t.buttons.copy }),
      canExport && !todo ? el("button", { type: "button", "data-act": "ics", text: t.buttons.ics }) : null,
      c.opts.embedded ? null : el("button", { type: "button", "data-act": "print", text: t.buttons.print }),
      el("button", { type: "button", "data-act": "reset", class: "quiet", text: t.buttons.reset }));

    // The rule-unverified notes (often 5 to 7 of them) fold into one line that opens.
    const warn = (w, i) => el("li", { class: "warn", "data-code": w.code },
      el("p", { id: `${uid}-w${i}`, tabindex: -1 }, el("span", { class: "icon", "aria-hidden": "true", text: "⚠" }), words(w.message || w.code)),
      warnActions(res, w), warnGloss(w, i), why(res, w.rule, `w-${w.code}-${i}`));
    const all = (res.warnings || []).map((w, i) => [w, i]);
    const unverified = all.filter(([w]) => w.code === "rule-unverified");
    const warnings = all.length
      ? section(c, "warnings", t.h.warnings,
        el("ul", { class: "warnings" }, all.filter(([w]) => w.code !== "rule-unverified").map(([w, i]) => warn(w, i))),
        unverified.length ? el("details", { class: "unv-all", "data-key": "unv-all", "data-testid": "unverified", open: open.has("unv-all") },
          el("summary", {}, el("span", { class: "icon", "aria-hidden": "true", text: "⚠ " }), t.unvCount(unverified.length)),
          el("ul", { class: "warnings" }, unverified.map(([w, i]) => warn(w, i)))) : null)
      : null;

    const dl = el("dl", { class: "facts" });
    const fact = (k, v, g) => {
      if (v === undefined || v === null || v === "") return;
      // The explanation is a dd of its own (a dl holds only dt and dd), across the row.
      const [gb, gp] = g ? gloss(c, g, `x-${g}`, { tag: "dd" }) : [];
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
      section(c, "timeline", t.h.timeline, timeline(res)),
      section(c, "exit", t.h.exit, dl),
      section(c, "charges", t.h.charges, chargesTable(res)),
      (res.refunds || []).length || res.campaign || res.refundNote ? section(c, "refunds", t.h.refunds, campaignLine(res.campaign), refundNote(res), (res.refunds || []).length ? refundsTable(res) : null) : null,
      cashflow(c, res),
      compare(cmp),
      // Each rule set used, with the day its data was last checked (issue 5).
      Array.isArray(res.rules) && res.rules.length ? el("ul", { class: "asof", "data-testid": "rules-as-of" },
        res.rules.map((r) => el("li", { "data-rule": r.id }, `${words(r.name)}: ${t.asOf(D(r.checked))}`))) : null,
      inputsList(),
    ].filter(Boolean).map(nowrapDates));
    fitHints(c);
    setBar(el("span", { text: `${t.h.exitMonth} ${exitText}` }), el("strong", { text: `${t.h.net} ${Y(tot.net)}` }));
    c.say(t.summary(exitText, fmtYen(tot.net)));
  }

  /**
   * What the reader can do about a warning, as the core names it: go to the field that
   * changes it (`field`), or switch to the campaign in force on that date (`campaignInForce`).
   */
  function warnActions(res, w) {
    const ci = w.code === "campaign-version-ended" ? res.campaignInForce : null;
    const go = ci ? null : goField(c, w.field);
    if (!ci && !go) return null;
    return el("p", { class: "warn-acts" },
      ci ? el("button", { type: "button", "data-act": "switch-campaign", "data-campaign": ci.campaign, "data-testid": "switch-campaign", text: c.t.switchTo(String(ci.name)) }) : go);
  }

  /** The "0円（対象外）" line of a campaign that pays no fee refund, with the core's reason. */
  function refundNote(res) {
    const n = res.refundNote;
    if (!n) return null;
    return el("p", { class: "refund-note", "data-testid": "refund-note" }, words(String(n.text || "")), " ", goField(c, n.field));
  }

  /** The campaign version used, with its dates (issue 8). */
  function campaignLine(ca) {
    return ca?.name ? el("p", { class: "camp", "data-testid": "campaign" }, c.t.applies(words(ca.name), c.t.range(D(ca.since), ca.until ? D(ca.until) : "").trim())) : null;
  }

  function timeline(res) {
    // Its deadlines and refunds are the core's: same label, same day.
    const unvAt = new Map([...(res.deadlines || []).map((d) => [d, d.date]), ...(res.refunds || []).map((r) => [r, r.earliest])]
      .filter(([x]) => x.unverified).map(([x, d]) => [`${kindName(x)}@${d}`, x]));
    return el("ol", { class: "timeline" }, (res.timeline || []).map((e, i) =>
      el("li", { "data-kind": e.kind || null },
        el("time", { datetime: e.date, text: D(e.date) }),
        el("span", { class: "what", text: kindName(e) }),
        typeof e.amount === "number" ? el("span", { class: "amt", text: `${c.lang === "en" ? ": " : "："}${Y(e.amount)}` }) : null,
        unv(res, unvAt.get(`${kindName(e)}@${e.date}`)),
        why(res, e.rule, `t-${e.kind}-${e.date}-${i}`))));
  }

  function payText(ch) {
    const { t } = c;
    const pay = c.input.current?.payment || "credit-card";
    const parts = [];
    if (ch.slipArrives) parts.push(t.slip(D(ch.slipArrives)));
    if (ch.due) parts.push(pay === "bank-debit" ? t.dueDebit(D(ch.due)) : pay === "convenience-store" ? t.dueSlip(D(ch.due)) : t.due(D(ch.due)));
    const usen = ch.usenLabel || (typeof ch.label === "string" && /^\d{4}-\d{2}$/.test(ch.label) ? ch.label : null);
    if (usen) parts.push(t.usenLabel(D(usen)));
    if (!parts.length && pay === "credit-card") parts.push(t.cardNote);
    if (!parts.length && pay === "ntt") parts.push(t.nttNote);
    if (!parts.length) parts.push(t.o[pay] || pay);
    return parts.join(" / ");
  }

  function table(cls, heads, rows, total) {
    return scroller(c, el("div", { class: "tbl-wrap" }, el("table", { class: cls },
      el("thead", {}, el("tr", {}, heads.map((h, i) => el("th", { scope: "col", class: i === heads.length - 1 ? "num" : null, text: h })))),
      el("tbody", {}, rows),
      total ? el("tfoot", {}, el("tr", {}, el("th", { scope: "row", colspan: heads.length - 1, text: c.t.col.total }), el("td", { class: "num", text: Y(total) }))) : null)));
  }

  /** A warning's glossary term: its button (with the term's name) and explanation. */
  function warnGloss(w, i) {
    const k = WARN_GL[w.code];
    if (!k) return null;
    const [b, p] = gloss(c, k, `w-${w.code}-${i}`, { wide: true });
    return [el("p", { class: "gl-line" }, b), p];
  }

  function chargesTable(res) {
    const { t } = c;
    const rows = (res.charges || []).map((ch, i) => {
      const [gb, gp] = CHARGE_GL[ch.kind] ? gloss(c, CHARGE_GL[ch.kind], `c-${ch.kind}-${i}`) : [];
      return el("tr", { "data-kind": ch.kind },
        el("td", {}, el("span", { class: "item" }, kindName(ch), unv(res, ch), gb), gp,
          el("span", { class: "sub", text: [ch.month && `${t.col.month} ${D(ch.month)}`, ch.billedMonth && `${t.col.billed} ${D(ch.billedMonth)}`].filter(Boolean).join(" · ") }),
          el("span", { class: "sub", text: payText(ch) }),
          why(res, ch.rule, `c-${ch.kind}-${ch.month}-${i}`)),
        el("td", { class: "num", text: Y(ch.amount) }));
    });
    return table("charges", [t.col.item, t.col.amount], rows, res.totals?.charges);
  }

  function refundsTable(res) {
    const { t } = c;
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

  function compare(cmp) {
    if (!cmp?.ok || !Array.isArray(cmp.rows) || !cmp.rows.length) return null;
    const { t } = c;
    const rows = cmp.rows;
    // The core's own recommendation: a month the reader can still reach, and how.
    const bi = rows.findIndex((r) => r.month === (cmp.recommended || cmp.best));
    const line = [String(cmp.recommendation || "")];
    const trs = rows.map((r, i) => el("tr", { class: i === bi ? "best" : null },
      el("th", { scope: "row" }, D(r.month), i === bi ? el("strong", { class: "badge", text: ` ★ ${t.best}` }) : null),
      el("td", { class: "apply", text: r.reachable === false ? t.unreachable : r.applyBy ? t.range(D(r.applyFrom), D(r.applyBy)) : "" }),
      el("td", { class: "num", text: String(r.monthsPaidSinceEarliest ?? "") }),
      el("td", { class: "num", text: fmtYen(r.charges) }),
      el("td", { class: "num", text: fmtYen(r.refunds) }),
      el("td", { class: "num", text: fmtYen(r.net) })));
    return section(c, "compare", t.h.compare,
      el("p", { class: "recommend", "data-testid": "recommendation", text: line.join(" ") }),
      compareChart(c, rows, bi),
      el("details", { class: "more", "data-key": "cmp-table", open: open.has("cmp-table") },
        el("summary", { text: t.cmpTable }),
        scroller(c, el("div", { class: "tbl-wrap" }, el("table", { class: "cmp" },
          el("thead", {}, el("tr", {}, [t.h.exitMonth, t.col.apply, t.col.paid, t.col.charges, t.col.refunds, t.col.net].map((h, i) => el("th", { scope: "col", class: i ? "num" : null, text: h })))),
          el("tbody", {}, trs))))));
  }

  return { showMessage, showErrors, showUnfilled, showResult, unfilled, why };
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
  // The calculator's context: its state and parts, shared with form(), result(), todo.js,
  // chart.js and dom.js. `input`, `lang` and `t` (the words of `lang`) change over its life.
  const c = {
    uid, opts, today, ticks, input, lang, t: strings[lang],
    open: new Set(), // keys of the 根拠 disclosures the user opened
    glOpen: new Set(), // places of the glossary explanations the user opened
    controls: new Map(), // field path → { f, wrap, inputs, err, hint } (form())
    groups: new Map(), // optional block's path → { g, box, toggle, inner, err } (form())
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
