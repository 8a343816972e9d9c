// The form: built from FIELDS in the page's language, filled from an input and read back
// as the CONTRACT input it holds, showing only the fields that matter; the core's preset
// and errors beside their fields; words() for option codes in a core text. Not here: the
// fields themselves (input.js), the error list and the result (result.js).

import { el, gloss, holdable } from "./dom.js";
import { defaults } from "./codes.js";
import { FIELDS, CODES, get, put } from "./input.js";

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
export function form(c) {
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
    // {d} in a hint is the core's default for the field (codes.js), never typed in words.
    const hintText = hint?.replace("{d}", String(defaults[f.p]));
    const hintEl = hint ? el("p", { class: "hint", id: `${id}-hint`, text: hintText }) : null;
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
        const want = v ?? f.d ?? defaults[f.p] ?? f.o[0];
        for (const r of inputs) r.checked = r.value === want;
      } else if (f.t === "select") {
        const s = inputs[0];
        const want = v === undefined || v === null ? (f.d ?? defaults[f.p] ?? f.o[0]) : String(v);
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
      const allowed = f.allowed?.(all);
      if (allowed) for (const o of inputs[0].options) {
        o.hidden = o.disabled = !allowed.includes(o.value) && o.value !== inputs[0].value;
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
