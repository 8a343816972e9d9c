// DOM and text helpers: the element builder, dates and amounts as text (and dates kept on
// one line), the patcher of the live result (morph), sideways-scrolling boxes, a result
// section, the glossary's "?", the button to a form field, day arithmetic. `c` is mount's
// context (ui.js). Not here: any part of the form (form.js) or of the result (result.js).

export function el(tag, attrs, ...kids) {
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
 * "2026-09" → "2026年9月" / "2026-09"; "2026-09-10" → "2026年9月10日" / "2026-09-10".
 * English keeps the ISO form, the one the core's English messages use, so every date on
 * the page reads the same way.
 */
export function fmtDate(s, lang) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s || "");
  if (!m) return String(s ?? "");
  const [, y, mo, d] = m;
  if (lang === "en") return d ? `${y}-${mo}-${d}` : `${y}-${mo}`;
  return d ? `${y}年${+mo}月${+d}日` : `${y}年${+mo}月`;
}

/** A date as fmtDate writes it, to keep it on one line (see nowrapDates). */
export const DATE_RE = /(?<!\d)\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d-])/;

/** Whole yen with thousands separators; a minus sign for negative amounts. */
const NF = Intl.NumberFormat("en-US").format;
export function fmtYen(n) {
  if (typeof n !== "number" || !Number.isFinite(n)) return "—";
  return (n < 0 ? "-" : "") + NF(Math.abs(n));
}

/** An amount with its unit in the page's language: "1,000円" / "1,000 yen". */
export const yenText = (n, lang) => (lang === "en" ? `${fmtYen(n)} yen` : `${fmtYen(n)}円`);

/**
 * Puts every date in the text of `root` (as fmtDate or the core writes it) in a
 * <span class="d">, which the stylesheet keeps on one line: "2019年9月30日" never breaks
 * after "9月" on a phone. Charts (SVG) and <time> elements are left as they are.
 */
const SPLIT = new RegExp(`(${DATE_RE.source})`);
export function nowrapDates(root) {
  const texts = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) if (!n.parentNode.closest("svg, time, .d") && SPLIT.test(n.data)) texts.push(n);
  for (const n of texts) n.replaceWith(...n.data.split(SPLIT).map((s, i) => (i % 2 ? el("span", { class: "d", text: s }) : s)).filter((s) => s !== ""));
  return root;
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
export function morphKids(a, kids) {
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
export function scroller(c, box) {
  return [box, el("p", { class: "scroll-hint", hidden: true, text: c.t.scrollHint })];
}
function fitHint(c, box) {
  const hint = box.nextElementSibling;
  const over = box.scrollWidth > box.clientWidth + 1;
  if (hint?.classList.contains("scroll-hint")) hint.hidden = !over;
  // A table that scrolls is reachable by keyboard, named for its section.
  if (box.classList.contains("tbl-wrap")) {
    if (over) {
      box.tabIndex = 0;
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", box.closest("section")?.querySelector("h3")?.textContent || c.t.h.result);
    } else for (const k of ["tabindex", "role", "aria-label"]) box.removeAttribute(k);
  }
}
/** Watches the result's scrolling boxes (one observer per calculator). */
export function fitHints(c) {
  c.fits ??= new ResizeObserver((es) => {
    for (const e of es) fitHint(c, e.target);
  });
  c.fits.disconnect();
  for (const box of c.resultBox.querySelectorAll(".chart-wrap, .tbl-wrap")) {
    fitHint(c, box);
    c.fits.observe(box);
  }
}

export function section(c, key, title, ...body) {
  return el("section", { class: `blk blk-${key}`, "aria-labelledby": `${c.uid}-h-${key}` },
    el("h3", { id: `${c.uid}-h-${key}`, text: title }), ...body);
}

/** A link-like button that focuses the form field `path` names (null when it has none). */
export function goField(c, path) {
  if (!path || !c.target(path)?.inputs?.length) return null;
  const { t } = c;
  return el("button", { type: "button", class: "linkish", "data-focus": path, "data-testid": "go-field", text: t.goField((t.f[path] || [path])[0]) });
}

// -- the glossary --
// A "?" button beside a word that the form or the result uses; it shows or hides the
// word's explanation right below (aria-expanded, aria-controls). Closed, the explanation
// is `hidden`: only the button takes room. The text is filled in on first opening.

// The glossary's explanations (glossary.js): loaded the first time a "?" is opened.
let glossary;
let G = null;
const loadGlossary = () => (glossary ??= import("./glossary.js").then((m) => (G = m), (e) => {
  glossary = null; // offline on a first visit: the next click tries again
  throw e;
}));

/**
 * [button, explanation] for term k at place `at` (one per place in this calculator).
 * wide: the button shows the term's name (where no label beside it names it);
 * tag: the explanation's element (a dd in the exit facts).
 */
export function gloss(c, k, at, { wide = false, tag = "div" } = {}) {
  const what = c.t.gl.more + c.t.gl[k][0];
  const id = `${c.uid}-gl-${at.replace(/[^\w-]/g, "-")}`;
  const on = c.glOpen.has(at);
  const p = el(tag, { class: "gl-panel", id, "data-term": k, hidden: !on });
  if (on) fillGloss(c, p);
  return [el("button", { type: "button", class: wide ? "gl-btn wide" : "gl-btn", title: wide ? null : what, "aria-expanded": String(on), "aria-controls": id, "data-term": k, "data-at": at },
    el("span", { "aria-hidden": "true", text: "?" }), el("span", { class: wide ? null : "vh", text: what })), p];
}

export function toggleGloss(c, b) {
  const on = b.getAttribute("aria-expanded") !== "true";
  const p = c.nk.querySelector(`[id="${b.getAttribute("aria-controls")}"]`);
  b.setAttribute("aria-expanded", String(on));
  p.hidden = !on;
  on ? c.glOpen.add(b.dataset.at) : c.glOpen.delete(b.dataset.at);
  if (on) fillGloss(c, p);
}

/** Japanese words inside English text, marked as Japanese (for speech). */
const jaRuns = (c, s) => (c.lang === "en" ? s.split(/([\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+)/).map((x, i) => (i % 2 ? el("span", { lang: "ja", text: x }) : x)) : [s]);

/** The explanation's text and sources, once (after loading glossary.js the first time). */
function fillGloss(c, p) {
  if (p.childElementCount) return;
  const { t, lang } = c;
  if (!G) {
    const fillOpen = () => {
      for (const q of c.nk.querySelectorAll(".gl-panel:not([hidden])")) fillGloss(c, q);
    };
    loadGlossary().then(fillOpen, () => p.childElementCount || p.append(el("p", { class: "err", text: c.t.gl.failed })));
    return;
  }
  const k = p.dataset.term;
  const [name, also] = t.gl[k];
  const x = G.explain(k, lang);
  const [o, cl, colon] = lang === "en" ? [" (", ")", ": "] : ["（", "）", "："];
  p.append(
    el("p", {}, el("dfn", { text: name }), also ? [o, ...jaRuns(c, also), cl] : null, colon, ...jaRuns(c, x.text)),
    el("ul", { class: "sources", "aria-label": t.source }, x.sources.map((s) => el("li", {},
      s.url ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title }) : s.title,
      s.kind ? ` (${s.kind})` : ""))));
}

// -- days --

const pad = (n) => String(n).padStart(2, "0");
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Whether a date input can hold s (the browser empties it otherwise). A format check only. */
export function holdable(t, s) {
  if (t === "month") return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && new Date(Date.UTC(+m[1], m[2] - 1, +m[3])).getUTCDate() === +m[3];
}

/** A real calendar day "YYYY-MM-DD" as a day number (days since 1970-01-01), else null. */
export function dayNumber(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof s === "string" ? s : "");
  return m && holdable("date", s) ? Date.UTC(+m[1], m[2] - 1, +m[3]) / 86_400_000 : null;
}
/** `s` if it is a real calendar day, else today on this device. */
export const dayOr = (s) => (dayNumber(s) !== null ? s : isoDay(new Date()));
