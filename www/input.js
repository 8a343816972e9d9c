// The input: the fields the form asks for (FIELDS) and the input it starts with, and an
// input from a link's #input= or the embed's `input` attribute read over those defaults.
// Data and text, no DOM. Not here: the form built from FIELDS (form.js), and any list of
// codes or CONTRACT default: those come from codes.js, which the build writes from the
// core's own tables and rule data.

import { choices, defaults, providers } from "./codes.js";
import { dayOr } from "./dom.js";

const sw = (i) => i.current?.channel === "provider-switch";
const removal = (i) => !sw(i) && (i.current?.removal ?? defaults["current.removal"]) !== "none";
const campaignOf = (i) => i.destination?.campaign ?? defaults["destination.campaign"];
const campaign = (i) => campaignOf(i) !== "none";
const custom = (i) => providers[i.current?.provider]?.userTerms === true;
/** The codes a provider's rule data allows this customer (null: every code). */
const allowedBy = (kind) => (i) =>
  providers[i.current?.provider]?.[kind]?.[i.current?.customer ?? defaults["current.customer"]] ?? null;
/** The provider picker: the rule sets by id, those whose terms the reader enters last. */
const PROVIDERS = Object.keys(providers).sort((a, b) => providers[a].userTerms - providers[b].userTerms);
/** A field's codes, with "" first where the blank choice follows another field. */
const codes = (p, blank) => (blank ? ["", ...choices[p]] : choices[p]);

// t: date | month | yen | count | select | radio | check. o: the codes offered. d: what
// the form shows when the input has no value (else codes.js's CONTRACT default, else the
// first code). show(i): the field matters for input i. allowed(i): the codes the
// provider's data allows for input i (others hidden unless already chosen). gl: the
// glossary term (glossary.js) whose "?" sits beside the field's label.
export const FIELDS = [
  { g: "general", fields: [{ p: "applicationDate", t: "date", req: 1 }] },
  { g: "current", fields: [
    { p: "current.provider", t: "select", o: PROVIDERS, req: 1 },
    // Another provider (issue 5): its contract terms, as the user reads them on the contract.
    { p: "current.terms.termMonths", t: "count", unit: "months", req: 1, show: custom },
    { p: "current.terms.renewalMonths", t: "count", unit: "months", show: custom, gl: "renewal" },
    { p: "current.terms.cancellationFee", t: "yen", req: 1, show: custom, gl: "fee" },
    { p: "current.terms.prorated", t: "check", d: false, show: custom },
    { p: "current.serviceStart", t: "date", req: 1 },
    { p: "current.contractDate", t: "date", show: (i) => !custom(i) },
    { p: "current.building", t: "radio", o: codes("current.building") },
    { p: "current.customer", t: "radio", o: codes("current.customer") },
    { p: "current.channel", t: "select", o: codes("current.channel"), gl: "switch", allowed: allowedBy("channels") },
    { p: "current.switchDate", t: "date", req: 1, show: sw },
    { p: "current.exitMonth", t: "month", show: (i) => !sw(i) },
    { p: "current.exitDate", t: "date", show: (i) => custom(i) && i.current.terms?.prorated === true },
    { p: "current.removal", t: "select", o: codes("current.removal"), show: (i) => !sw(i) },
    { p: "current.region", t: "radio", o: codes("current.region"), show: removal },
    { p: "current.removalDate", t: "date", show: removal },
    { p: "current.monthlyFee", t: "yen" },
    { p: "current.payment", t: "select", o: codes("current.payment"), allowed: allowedBy("payments"), gl: "debitDay" },
    { p: "current.terms.bankDebitDay", t: "count", show: (i) => custom(i) && i.current.payment === "bank-debit", gl: "debitDay" },
    { p: "current.statement", t: "radio", o: codes("current.statement") },
    { g: "construction", p: "current.construction", gl: "remainder", fields: [
      { p: "current.construction.monthlyInstallment", t: "yen", req: 1 },
      { p: "current.construction.installments", t: "count", req: 1 },
      { p: "current.construction.firstInstallment", t: "yen" },
      { p: "current.construction.firstMonth", t: "month" },
    ] },
    { g: "cashback", p: "current.cashback", fields: [
      { p: "current.cashback.amount", t: "yen", req: 1 },
      { p: "current.cashback.minimumMonths", t: "count", unit: "months", req: 1 },
    ] },
    { g: "phone", p: "current.phone", flag: "keepNumber", show: (i) => !sw(i), gl: "analog", fields: [
      { p: "current.phone.fromNttAnalog", t: "check", d: true },
      { p: "current.phone.analogReturnDate", t: "date" },
    ] },
  ] },
  { g: "destination", p: "destination", fields: [
    { p: "destination.carrier", t: "select", o: codes("destination.carrier"), req: 1 },
    { p: "destination.campaign", t: "select", o: codes("destination.campaign"), req: 1 },
    { p: "destination.startDate", t: "date", req: 1 },
    { p: "destination.applicationDate", t: "date", show: campaign },
    { p: "destination.building", t: "select", o: codes("destination.building", true), show: campaign },
    { p: "destination.plan", t: "select", o: codes("destination.plan", true), show: campaign },
    { p: "destination.isp", t: "select", o: codes("destination.isp"), d: "so-net", req: 1, show: campaign },
    { p: "destination.withPhoneOptions", t: "check", d: true, show: campaign },
    { p: "destination.sourceExcluded", t: "select", o: ["", "true", "false"], bool: 1, show: campaign, gl: "smartValue" },
    { p: "destination.smartValue", t: "check", d: false, show: campaign, gl: "smartValue" },
    { p: "destination.refundMethod", t: "radio", o: codes("destination.refundMethod"), show: campaign },
    { p: "destination.acceptanceDate", t: "date", show: campaign },
    { p: "destination.numberPortabilityFee", t: "yen", show: campaign },
    { p: "destination.nttLineConstructionFee", t: "yen", show: campaign },
    { p: "destination.otherCoveredFees", t: "yen", show: campaign },
    { p: "destination.mobileLines", t: "count", show: (i) => campaignOf(i) === "start-support" },
  ] },
];

// The codes of the form's option lists ("paper", "bank-debit", "biglobe" …), for words() (form.js).
export const CODES = new Set();
(function collect(list) {
  for (const f of list) {
    if (f.fields) collect(f.fields);
    if (!f.bool) for (const o of f.o || []) if (o) CODES.add(o);
  }
})(FIELDS);

export const get = (o, path) => path.split(".").reduce((v, k) => (v && typeof v === "object" ? v[k] : undefined), o);
export function put(o, path, v) {
  const ks = path.split(".");
  const last = ks.pop();
  for (const k of ks) {
    if (!o[k] || typeof o[k] !== "object") o[k] = {};
    o = o[k];
  }
  o[last] = v;
}

/** What the form starts with: today as the application date, a contract started two years ago. */
export function defaultInput(lang = "ja", today) {
  return {
    applicationDate: dayOr(today),
    // A contract from before 2022-07 and before So-net光プラス closed (2024-02): defaults
    // that raise no warning of their own (no product-closed, no unverified renewal months).
    current: { provider: "so-net-hikari-plus", serviceStart: "2021-04-01" },
    lang,
  };
}

/**
 * An input over the form's defaults: every field the input leaves out takes the value the
 * form starts with (today as the application date, So-net光プラス, a contract started two
 * years ago). The one path for a link's `#input=` and for the embed's `input` attribute.
 * `lang` ("ja" | "en") wins over the input's own.
 */
export function withDefaults(v, lang, today) {
  const l = lang === "en" || lang === "ja" ? lang : v.lang === "en" ? "en" : "ja";
  const d = defaultInput(l, today);
  const own = (x) => x && typeof x === "object" && !Array.isArray(x);
  return { ...d, ...v, current: own(v.current) ? { ...d.current, ...v.current } : d.current, lang: l };
}

/**
 * Reads an input from JSON text (the embed's `input` attribute, a link's decoded part):
 * { input } over the defaults, or { error } saying why not: "json" (not JSON, e.g. cut
 * off), "shape" (JSON, but not an object). Empty text is no input: null.
 */
export function parseInput(text, lang, today) {
  if (text === null || text === undefined || String(text).trim() === "") return null;
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return { error: "json" };
  }
  return v && typeof v === "object" && !Array.isArray(v) ? { input: withDefaults(v, lang, today) } : { error: "shape" };
}

/**
 * Reads a link's `#input=` part: null when the address has none, else as parseInput,
 * with the error "escape" for a broken %-escape (e.g. a link cut inside "%E3%81").
 */
export function inputFromLink(hash, today) {
  const m = /^#input=(.*)$/s.exec(hash || "");
  if (!m) return null;
  let text;
  try {
    text = decodeURIComponent(m[1]);
  } catch {
    return { error: "escape" };
  }
  return parseInput(text, undefined, today) || { error: "json" };
}

/** The language a broken link was probably in ("lang":"en" somewhere in it), else null. */
export const langOfLink = (hash) => (/lang(%22|")(%3A|:)(%22|")en/i.test(hash || "") ? "en" : null);

export const hashOf = (input) => `#input=${encodeURIComponent(JSON.stringify(input))}`;
