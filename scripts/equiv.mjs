#!/usr/bin/env node
// Byte-identity check for a behaviour-preserving change (issue 12): records what a build
// answers for N varied inputs, then compares another build's answers with the record.
//
//   node scripts/equiv.mjs record  [--pkg www/pkg/norikae.js] [--count 4000] [--seed N] > before.jsonl
//   node scripts/equiv.mjs compare before.jsonl [--pkg www/pkg/norikae.js] [--allow REGEX]
//   node scripts/equiv.mjs inputs [--count N] [--seed N]   (the inputs, one JSON per line)
//   bash scripts/equiv.sh BEFORE [AFTER]  (builds each in a worktree, records, compares)
//
// Input number I depends only on the seed and I: a valid scenario drawn over the whole
// input space (So-net or custom terms, dates 2016–2027, every channel, payment, removal,
// phone and destination option), and one in ten with a field broken so error answers are
// compared too. Each input goes through calculate, compareExitMonths and exportCalendar in
// ja and en: 6 answers per input, one JSON line each. `compare` prints how many answers
// differ per function and, for the first few, the JSON paths that differ; exits 1 if any.
// --allow REGEX: an answer whose every differing path (".sources.3.title") matches is
// counted apart as an expected difference (a change listed in the closing note), not a
// failure.
import { readFileSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const mode = args.shift();
let pkg = join(repo, "www/pkg/norikae.js");
let count = 4000;
let seed = 20261204;
let record = null;
let show = 5;
let allow = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--pkg") pkg = resolve(args[++i]);
  else if (a === "--count") count = Number(args[++i]);
  else if (a === "--seed") seed = Number(args[++i]);
  else if (a === "--show") show = Number(args[++i]);
  else if (a === "--allow") allow = new RegExp(args[++i]);
  else if (mode === "compare" && record === null) record = a;
  else usage();
}
if (!["record", "compare", "inputs"].includes(mode) || (mode === "compare" && !record)) usage();
function usage() {
  console.error("usage: equiv.mjs record [--pkg P] [--count N] [--seed N] | compare FILE [--pkg P] [--show N] | inputs [--count N]");
  process.exit(2);
}

const mod = mode === "inputs" ? null : await import(pathToFileURL(pkg).href);
mod?.initSync({ module: readFileSync(pkg.replace(/\.js$/, "_bg.wasm")) });

// ---------------------------------------------------------------- the inputs
function rng(s) {
  // mulberry32: small, seeded, the same in every Node.
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n) => String(n).padStart(2, "0");
const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ym = (d) => ymd(d).slice(0, 7);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
const addMonths = (d, n) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, Math.min(d.getUTCDate(), 28)));

export function scenario(i) {
  const r = rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) | 0);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

  const app = new Date(Date.UTC(2016, 0, 1) + int(0, 12 * 365) * 86400000);
  const start = addDays(addMonths(app, -int(0, 80)), -int(0, 27));
  const custom = chance(0.3);
  const current = {
    provider: custom ? "custom" : "so-net-hikari-plus",
    serviceStart: ymd(start),
  };
  if (chance(0.3)) current.contractDate = ymd(addDays(start, -int(0, 40)));
  if (chance(0.6)) current.building = pick(["home", "mansion"]);
  if (chance(0.5)) current.customer = chance(0.85) ? "individual" : "corporate";
  if (chance(0.7)) current.channel = chance(0.7) ? pick(["phone", "web"]) : pick(["chat", "line", "paper", "provider-switch"]);
  if (current.channel === "provider-switch" || chance(0.05)) current.switchDate = ymd(addDays(app, int(3, 60)));
  if (chance(0.4)) current.exitMonth = ym(addMonths(app, chance(0.9) ? int(0, 2) : int(3, 6)));
  if (chance(0.5)) current.region = pick(["east", "west"]);
  if (chance(0.3)) current.removal = pick(["none", "requested", "landlord"]);
  if (chance(0.15)) current.removalDate = ymd(addDays(app, int(0, 70)));
  if (chance(0.7)) current.monthlyFee = pick([0, 4000, 5720, 6270, int(1, 12000)]);
  if (chance(0.3)) {
    current.construction = { monthlyInstallment: pick([500, 1000, 1250]), installments: pick([24, 30, 60, 72]) };
    if (chance(0.5)) current.construction.firstMonth = ym(addMonths(start, int(0, 2)));
  }
  if (chance(0.2)) current.cashback = { amount: pick([5000, 10000, 30000]), minimumMonths: pick([12, 24, 36]) };
  if (chance(0.8)) current.payment = chance(0.8)
      ? pick(["credit-card", "bank-debit"])
      : pick(["convenience-store", "ntt", "cedyna", "usen"]);
  if (chance(0.4)) {
    current.phone = { keepNumber: chance(0.6), fromNttAnalog: chance(0.5) };
    if (chance(0.4)) current.phone.analogReturnDate = ymd(addDays(app, int(-5, 60)));
  }
  if (chance(0.3)) current.statement = pick(["mypage", "request"]);
  if (custom) {
    current.terms = { termMonths: pick([12, 24, 36, int(1, 60)]), cancellationFee: pick([0, 4000, 9500, 11000, 20000]) };
    if (chance(0.7)) current.terms.renewalMonths = int(1, 3);
    if (chance(0.4)) current.terms.bankDebitDay = int(1, 31);
    if (chance(0.4)) current.terms.prorated = chance(0.5);
    if (current.terms.prorated && chance(0.5)) current.exitDate = ymd(addDays(app, int(0, 90)));
  }
  const input = { applicationDate: ymd(app), current };
  if (chance(0.85)) {
    const d = { startDate: ymd(addDays(app, int(-10, 70))) };
    if (chance(0.5)) d.campaign = pick(["start-support", "start-support-plus", "none"]);
    if (chance(0.3)) d.building = pick(["home", "mansion"]);
    if (chance(0.3)) d.plan = pick(["zutto-giga-toku", "standard", "otoku-a"]);
    if (chance(0.95)) d.isp = pick(["nifty", "tcom", "au-one-net", "biglobe", "so-net", "asahi-net", "dti"]);
    if (chance(0.3)) d.withPhoneOptions = chance(0.7);
    if (chance(0.4)) d.sourceExcluded = chance(0.5);
    if (chance(0.3)) d.smartValue = chance(0.5);
    if (chance(0.3)) d.refundMethod = pick(["au-wallet", "postal-money-order"]);
    if (chance(0.2)) d.acceptanceDate = ymd(addDays(app, int(20, 200)));
    if (chance(0.2)) d.otherCoveredFees = pick([0, 3000, int(1, 60000)]);
    if (chance(0.2)) d.mobileLines = int(0, 4);
    input.destination = d;
  }
  if (chance(0.1)) {
    // One field broken: errors are answers too.
    const breakers = [
      () => { input.applicationDate = "2026-02-30"; },
      () => { current.serviceStart = 20200101; },
      () => { current.provider = "nope"; },
      () => { current.monthlyFee = -1; },
      () => { current.channel = "fax"; },
      () => { delete current.serviceStart; },
      () => { if (input.destination) input.destination.isp = "x"; else current.exitMonth = "2026-13"; },
      () => { current.terms = { termMonths: 0 }; },
    ];
    pick(breakers)();
  }
  return input;
}

const NOW = "20261204T000000Z";
function* answers() {
  for (let i = 0; i < count; i++) {
    const base = scenario(i);
    for (const lang of ["ja", "en"]) {
      const input = { ...base, lang };
      yield { i, lang, fn: "calculate", out: JSON.stringify(mod.calculate(input)) };
      yield { i, lang, fn: "compareExitMonths", out: JSON.stringify(mod.compareExitMonths(input)) };
      yield { i, lang, fn: "exportCalendar", out: JSON.stringify(mod.exportCalendar(input, NOW)) };
    }
  }
}

if (mode === "inputs") {
  for (let i = 0; i < count; i++) process.stdout.write(`${JSON.stringify(scenario(i))}\n`);
} else if (mode === "record") {
  const meta = { count, seed };
  process.stdout.write(`${JSON.stringify(meta)}\n`);
  for (const a of answers()) process.stdout.write(`${JSON.stringify(a)}\n`);
} else {
  const lines = readFileSync(record, "utf8").trimEnd().split("\n");
  const meta = JSON.parse(lines.shift());
  count = meta.count;
  seed = meta.seed;
  const before = lines.map((l) => JSON.parse(l));
  const diff = {};
  const okCount = { calculate: 0, compareExitMonths: 0, exportCalendar: 0 };
  let n = 0;
  let shown = 0;
  let allowed = 0;
  for (const a of answers()) {
    const b = before[n++];
    if (b.i !== a.i || b.fn !== a.fn || b.lang !== a.lang) throw new Error(`record out of step at line ${n}`);
    if (JSON.parse(a.out).ok) okCount[a.fn]++;
    if (b.out === a.out) continue;
    const paths = [];
    walk(JSON.parse(b.out), JSON.parse(a.out), "", paths);
    if (allow && paths.every((p) => allow.test(p.slice(0, p.indexOf(": "))))) {
      allowed++;
      continue;
    }
    diff[a.fn] = (diff[a.fn] ?? 0) + 1;
    if (shown++ < show) console.log(`input ${a.i} ${a.lang} ${a.fn}: ${paths.slice(0, 6).join("; ")}`);
  }
  const total = n;
  const differing = Object.values(diff).reduce((s, x) => s + x, 0);
  console.log(`${count} inputs × 3 functions × 2 languages = ${total} answers; ok answers: ${JSON.stringify(okCount)}`);
  if (allow) console.log(`${allowed} differ only where --allow ${allow.source} matches`);
  const same = allow ? "all others byte-identical" : "all byte-identical";
  console.log(differing === 0 ? same : `${differing} differ: ${JSON.stringify(diff)}`);
  process.exit(differing === 0 ? 0 : 1);
}

function walk(a, b, path, out) {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], `${path}.${k}`, out);
    return;
  }
  const s = (v) => (v === undefined ? "∅" : JSON.stringify(v).slice(0, 90));
  out.push(`${path || "."}: ${s(a)} → ${s(b)}`);
}
