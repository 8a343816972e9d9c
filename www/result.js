// The result: headline, toolbar, warnings, timeline, exit facts, charges and refunds (with
// their 根拠), the comparison of exit months and its recommendation, the printed inputs;
// or the error list or a message. Not here: the to-do list (todo.js), the charts
// (chart.js), errors beside the fields (form.js), what the toolbar does (ui.js).

import { el, nowrapDates, morphKids, scroller, fitHints, section, gloss, goField, fmtDate, fmtYen, yenText } from "./dom.js";
import { FIELDS, get } from "./input.js";
import { cashflow, compareChart } from "./chart.js";
import { actions } from "./todo.js";

// The glossary terms of the result's charges (by kind) and warnings (by code).
const CHARGE_GL = { "cancellation-fee": "fee", "construction-remainder": "remainder" };
const WARN_GL = { "source-not-eligible": "smartValue", "number-lost": "analog", "number-cannot-be-kept": "analog" };

/** The result of calculator `c` (mount's context): what it adds to `c`. */
export function result(c) {
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
