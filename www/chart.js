// Charts: a bar chart drawn as SVG (a group of bars per month, a bar per series) and the
// result's two, cash flow by month and the comparison of exit months. It draws only the
// numbers it is given, all from the core. Not here: the comparison's table (result.js).

import { el, scroller, section, fmtDate, fmtYen, yenText } from "./dom.js";

const NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * cats: [{ key: "2026-09", top: "9月", bottom: "2026" }]
 * series: [{ name, cls, values: [number] }]
 * marked: index of a category to highlight (or -1); markText: text above it
 * label: accessible name; fmt(n): amount formatter for tooltips; tip(cat, s, v): tooltip text
 */
export function barChart({ cats, series, marked = -1, markText = "", label, fmt, tip }) {
  const bar = series.length > 1 ? 14 : 22, gap = 12, group = series.length * bar + gap;
  const left = 56, right = 8, top = 22, plot = 160, bottom = 40;
  const width = left + cats.length * group + right, height = top + plot + bottom;
  const all = series.flatMap((s) => s.values);
  const max = Math.max(0, ...all), min = Math.min(0, ...all);
  const span = max - min || 1;
  const y = (v) => top + ((max - v) / span) * plot;

  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "chart" });
  root.append(svg("title", {}, label));

  // Axis: the top value and zero, with faint grid lines.
  for (const v of new Set([max, min, 0])) {
    root.append(svg("line", { x1: left - 4, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? "axis" : "grid" }));
    root.append(svg("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", class: "tick" }, fmt(v)));
  }

  cats.forEach((c, i) => {
    const x0 = left + i * group + gap / 2;
    const g = svg("g", { class: i === marked ? "cat marked" : "cat" });
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const r = svg("rect", { x: x0 + j * bar, y: Math.min(y(v), y(0)), width: bar - 2, height: Math.max(Math.abs(y(v) - y(0)), v ? 1 : 0), class: s.cls });
      r.append(svg("title", {}, tip(c, s, v)));
      g.append(r);
    });
    const cx = x0 + (series.length * bar) / 2 - 1;
    g.append(svg("text", { x: cx, y: top + plot + 16, "text-anchor": "middle", class: "cat-label" }, c.top));
    if (c.bottom) g.append(svg("text", { x: cx, y: top + plot + 32, "text-anchor": "middle", class: "cat-label sub" }, c.bottom));
    if (i === marked && markText) {
      const v = Math.max(0, ...series.map((s) => s.values[i] ?? 0));
      g.append(svg("text", { x: cx, y: y(v) - 6, "text-anchor": "middle", class: "mark" }, markText));
    }
    root.append(g);
  });
  return root;
}

/** Month categories: "9月" on top, the year under the first month and every January. */
export function monthCats(months, lang) {
  return months.map((m, i) => {
    const [yy, mm] = m.split("-");
    const top = lang === "en" ? mm : `${+mm}月`;
    return { key: m, top, bottom: i === 0 || mm === "01" ? yy : "" };
  });
}

/** The cash-flow section of calculator `c` (mount's context): money out and in by month. */
export function cashflow(c, res) {
  const rows = Array.isArray(res.cashflow) ? res.cashflow : [];
  if (!rows.length) return null;
  const { t, lang } = c;
  const chart = barChart({
    cats: monthCats(rows.map((r) => r.month), lang),
    series: [
      { name: t.cfOut, cls: "out", values: rows.map((r) => r.out || 0) },
      { name: t.cfIn, cls: "in", values: rows.map((r) => r.in || 0) },
    ],
    label: t.cfLabel,
    fmt: fmtYen,
    tip: (k, s, v) => `${fmtDate(k.key, lang)} ${s.name} ${yenText(v, lang)}`,
  });
  return section(c, "cashflow", t.h.cashflow,
    el("p", { class: "legend" }, el("span", { class: "sw out" }), t.cfOut, " ", el("span", { class: "sw in" }), t.cfIn),
    scroller(c, el("div", { class: "chart-wrap", tabindex: 0, role: "group", "aria-label": t.h.cashflow }, chart)));
}

/** The comparison's chart: the net total of each exit month, the recommended one (bi) starred. */
export function compareChart(c, rows, bi) {
  const { t, lang } = c;
  const chart = barChart({
    cats: monthCats(rows.map((r) => r.month), lang),
    series: [{ name: t.col.net, cls: "net", values: rows.map((r) => r.net) }],
    marked: bi,
    markText: "★",
    label: t.cmpLabel,
    fmt: fmtYen,
    tip: (k, s, v) => `${fmtDate(k.key, lang)} ${s.name} ${yenText(v, lang)}`,
  });
  return scroller(c, el("div", { class: "chart-wrap", tabindex: 0, role: "group", "aria-label": t.h.compare }, chart));
}
