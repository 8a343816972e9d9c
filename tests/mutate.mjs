#!/usr/bin/env node
// Mutation test of the wasm build: bad input must give { ok: false, errors }, never a throw.
//
//   node tests/mutate.mjs [--seed N] [--count N] [--pkg www/pkg/norikae.js] [--show I]
//
// Takes the input of every case in tests/cases/*.json and ../shared/cases/*.json (plus the
// example input of shared/CONTRACT.md), and makes --count (default 5,000) mutated inputs
// from them with a seeded PRNG: a field dropped, set to null, to a value of the wrong type,
// to a huge / negative / fractional number, to a 10,000-character string, to an invalid date
// or month, to an object nested 10,000 deep, to a huge array, to a value of another field,
// to a random enum string, ... Mutated input number I depends only on the seed and I, so
// `--show I` prints it (shortened) to reproduce a failure.
//
// Both calculate and compareExitMonths get every mutated input. Each call must return, not
// throw, an object with ok === true or ok === false; when false, `errors` is a non-empty
// array of { field, code, message } strings with a code from the CONTRACT list; when true,
// totals.net === totals.charges - totals.refunds (compareExitMonths: the same for every
// row, and `best` is the first row with the lowest net). A mutated input passes when both
// calls pass. Ends with "N passed, N failed"; exits 1 on any failure.
// MUTATE_TIMES=1 also prints every call slower than 50 ms.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { resolve, join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
let seed = Number(process.env.MUTATE_SEED ?? 20260910);
let count = 5000;
let pkg = join(repo, "www/pkg/norikae.js");
let show = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--seed") seed = Number(args[++i]);
  else if (a === "--count") count = Number(args[++i]);
  else if (a === "--pkg") pkg = resolve(args[++i]);
  else if (a === "--show") show = Number(args[++i]);
  else {
    console.error("usage: mutate.mjs [--seed N] [--count N] [--pkg www/pkg/norikae.js] [--show I]");
    process.exit(2);
  }
}
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(count) || count < 0) {
  console.error("mutate: --seed and --count take integers");
  process.exit(2);
}

// ---------------------------------------------------------------- the contract
const ERROR_CODES = new Set([
  "missing", "invalid-date", "invalid-month", "unknown-value", "out-of-range", "not-allowed", "inconsistent",
]);

const CONTRACT_EXAMPLE = {
  applicationDate: "2026-09-10",
  current: {
    provider: "so-net-hikari-plus", serviceStart: "2021-03-15", contractDate: "2021-02-20",
    building: "home", customer: "individual", channel: "web", exitMonth: "2026-09",
    switchDate: "2026-10-05", region: "east", removal: "none", removalDate: "2026-09-20",
    monthlyFee: 5720, construction: { monthlyInstallment: 500, installments: 72, firstMonth: "2021-04" },
    cashback: { amount: 10000, minimumMonths: 24 }, payment: "bank-debit",
    phone: { keepNumber: true, fromNttAnalog: true, analogReturnDate: "2026-09-28" }, statement: "mypage",
  },
  destination: {
    carrier: "au-hikari", campaign: "start-support", building: "home", plan: "zutto-giga-toku", isp: "so-net",
    startDate: "2026-09-25", withPhoneOptions: true, sourceExcluded: false, smartValue: false,
    refundMethod: "au-wallet", acceptanceDate: "2026-12-03", otherCoveredFees: 0, mobileLines: 0,
  },
  lang: "ja",
};

const ENUMS = {
  "current.provider": ["so-net-hikari-plus"],
  "current.building": ["home", "mansion"],
  "current.customer": ["individual", "corporate"],
  "current.channel": ["phone", "web", "chat", "line", "paper", "provider-switch"],
  "current.region": ["east", "west"],
  "current.removal": ["none", "requested", "landlord"],
  "current.payment": ["credit-card", "bank-debit", "convenience-store", "ntt", "cedyna", "usen"],
  "current.statement": ["mypage", "request"],
  "destination.carrier": ["au-hikari"],
  "destination.campaign": ["start-support", "start-support-plus", "none"],
  "destination.building": ["home", "mansion"],
  "destination.plan": ["zutto-giga-toku", "standard", "otoku-a"],
  "destination.isp": ["nifty", "tcom", "au-one-net", "biglobe", "so-net", "asahi-net", "dti"],
  "destination.refundMethod": ["au-wallet", "postal-money-order"],
  lang: ["ja", "en"],
};
const ALL_ENUM_VALUES = [...new Set(Object.values(ENUMS).flat())];
const DATE_FIELDS = [
  "applicationDate", "current.serviceStart", "current.contractDate", "current.switchDate", "current.removalDate",
  "current.phone.analogReturnDate", "destination.startDate", "destination.acceptanceDate",
];
const MONTH_FIELDS = ["current.exitMonth", "current.construction.firstMonth"];
const NUMBER_FIELDS = [
  "current.monthlyFee", "current.construction.monthlyInstallment", "current.construction.installments",
  "current.cashback.amount", "current.cashback.minimumMonths", "destination.otherCoveredFees", "destination.mobileLines",
];
const BOOL_FIELDS = [
  "current.phone.keepNumber", "current.phone.fromNttAnalog", "destination.withPhoneOptions",
  "destination.sourceExcluded", "destination.smartValue",
];
const OBJECT_FIELDS = ["current", "destination", "current.construction", "current.cashback", "current.phone"];
const CONTRACT_FIELDS = [
  ...Object.keys(ENUMS), ...DATE_FIELDS, ...MONTH_FIELDS, ...NUMBER_FIELDS, ...BOOL_FIELDS, ...OBJECT_FIELDS,
];

// ---------------------------------------------------------------- inputs to mutate
function caseInputs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => {
      try {
        const c = JSON.parse(readFileSync(join(dir, f), "utf8"));
        return c && typeof c === "object" && c.input !== undefined ? [{ from: join(dir, f), input: c.input }] : [];
      } catch {
        return []; // run-cases.mjs reports broken case files
      }
    });
}
const bases = [
  { from: "CONTRACT.md example", input: CONTRACT_EXAMPLE },
  ...caseInputs(join(repo, "tests/cases")),
  ...caseInputs(resolve(repo, "../shared/cases")),
];

// ---------------------------------------------------------------- seeded PRNG
// mulberry32, seeded per mutated input from (seed, index): input I never depends on others.
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function rngFor(index) {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return mulberry32(h);
}

// ---------------------------------------------------------------- value pools
function deepObject(depth) {
  let v = { leaf: true };
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function deepArray(depth) {
  let v = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
const LONG = "x".repeat(10_000);
const LONG_JA = "乗".repeat(10_000);
const BAD_DATES = [
  "2019-02-30", "2101-01-01", "1999-12-31", "2023-02-29", "2026-13-01", "2026-00-10", "2026-09-00", "2026-09-31",
  "2026-9-1", "20260910", "2026/09/10", "2026-09-10T00:00:00Z", " 2026-09-10", "2026-09-10 ", "", "0000-01-01",
  "9999-12-31", "+02026-09-10", "-2026-09-10", "２０２６-０９-１０", "2026-09", "yesterday", "2026-09-1x",
  // valid edge dates, to exercise the boundaries as well
  "2000-01-01", "2100-12-31", "2024-02-29", "2026-12-31",
];
const BAD_MONTHS = [
  "2026-13", "2026-00", "2101-01", "1999-12", "2026-1", "202609", "2026-09-01", "2026/09", "", "２０２６-０９",
  "2000-01", "2100-12",
];
const NUMBERS = [
  1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 32, 2 ** 64, 1e21,
  10_000_000, 10_000_001, 1e9, -1, -1e9, -0, 0, 0.5, 123.456, 5720.0001, 1e-300, 600, 601, 100, 101, 1,
  NaN, Infinity, -Infinity,
];
const ENUM_NOISE = [
  "", " ", "HOME", "Home", "home ", "mansion\u0000", "東日本", "so-net-hikari", "au_hikari", "provider_switch",
  "__proto__", "constructor", "toString", "null", "undefined", "true", "0",
];

// A value of the wrong type (compared with `current`).
function wrongType(rng, current) {
  const pool = [true, false, 0, 42, "x", "42", [], [1, 2], {}, { a: 1 }, undefined, 10n, Symbol("s"), () => 1];
  const different = pool.filter((v) => typeof v !== typeof current || Array.isArray(v) !== Array.isArray(current));
  return pick(rng, different);
}
function pick(rng, list) {
  return list[Math.floor(rng() * list.length)];
}

// ---------------------------------------------------------------- paths
function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
// The input's field paths, down to the contract's depth (3), not into mutated deep values.
function existingPaths(obj, prefix = "", depth = 1) {
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    out.push(p);
    if (isPlainObject(v) && depth < 3) out.push(...existingPaths(v, p, depth + 1));
  }
  return out;
}
function getPath(obj, path) {
  let v = obj;
  for (const k of path.split(".")) {
    if (!isPlainObject(v)) return undefined;
    v = v[k];
  }
  return v;
}
// Sets obj.path = value, making missing parent objects; false when a parent isn't an object.
function setPath(obj, path, value) {
  const keys = path.split(".");
  let v = obj;
  for (const k of keys.slice(0, -1)) {
    if (v[k] === undefined) v[k] = {};
    if (!isPlainObject(v[k])) return false;
    v = v[k];
  }
  v[keys.at(-1)] = value;
  return true;
}
function dropPath(obj, path) {
  const keys = path.split(".");
  const parent = keys.length === 1 ? obj : getPath(obj, keys.slice(0, -1).join("."));
  if (!isPlainObject(parent) || !(keys.at(-1) in parent)) return false;
  delete parent[keys.at(-1)];
  return true;
}

// ---------------------------------------------------------------- mutations
// Each returns a short description of what it did, or null when it didn't apply.
const MUTATIONS = {
  drop(rng, input, path) {
    if (getPath(input, path) === undefined) path = pick(rng, existingPaths(input));
    return path !== undefined && dropPath(input, path) ? `drop ${path}` : null;
  },
  null(rng, input, path) {
    return setPath(input, path, null) ? `${path}=null` : null;
  },
  wrongType(rng, input, path) {
    const v = wrongType(rng, getPath(input, path));
    return setPath(input, path, v) ? `${path}=${describe(v)}` : null;
  },
  number(rng, input, path) {
    const v = pick(rng, NUMBERS);
    return setPath(input, path, v) ? `${path}=${describe(v)}` : null;
  },
  longString(rng, input, path) {
    const v = pick(rng, [LONG, LONG_JA, "2026-09-10" + LONG]);
    return setPath(input, path, v) ? `${path}=<${v.length}-char string>` : null;
  },
  badDate(rng, input, path) {
    const v = pick(rng, rng() < 0.7 ? BAD_DATES : BAD_MONTHS);
    return setPath(input, path, v) ? `${path}=${JSON.stringify(v)}` : null;
  },
  deepObject(rng, input, path) {
    const v = rng() < 0.7 ? deepObject(10_000) : deepArray(10_000);
    return setPath(input, path, v) ? `${path}=<${Array.isArray(v) ? "array" : "object"} nested 10000 deep>` : null;
  },
  hugeArray(rng, input, path) {
    const n = pick(rng, [10_000, 100_000]);
    const fill = pick(rng, [0, "2026-09-10", null, { a: 1 }]);
    return setPath(input, path, new Array(n).fill(fill)) ? `${path}=<array of ${n} ${describe(fill)}>` : null;
  },
  swap(rng, input, path) {
    const other = pick(rng, CONTRACT_FIELDS);
    if (other === path) return null;
    const a = getPath(input, path);
    const b = getPath(input, other);
    if (!setPath(input, path, b) || !setPath(input, other, a)) return null;
    return `swap ${path} <-> ${other}`;
  },
  enumString(rng, input, path) {
    const v = rng() < 0.6 ? pick(rng, ALL_ENUM_VALUES) : pick(rng, ENUM_NOISE);
    return setPath(input, path, v) ? `${path}=${JSON.stringify(v)}` : null;
  },
  extraField(rng, input, path) {
    const key = pick(rng, ["unknown", "__proto__", "constructor", "ok", "errors", LONG.slice(0, 200)]);
    const parent = pick(rng, ["", ...OBJECT_FIELDS]);
    const target = parent ? getPath(input, parent) : input;
    if (!isPlainObject(target)) return null;
    Object.defineProperty(target, key, { value: pick(rng, [1, "x", null, {}]), enumerable: true, configurable: true, writable: true });
    return `add ${parent ? parent + "." : ""}${key.length > 20 ? "<long key>" : key}`;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

// Targeted values for fields of a known kind, so that dates get bad dates more often, etc.
function mutationFor(rng, path) {
  if (rng() < 0.5) {
    if (DATE_FIELDS.includes(path) || MONTH_FIELDS.includes(path)) return "badDate";
    if (NUMBER_FIELDS.includes(path)) return "number";
    if (path in ENUMS) return "enumString";
  }
  return pick(rng, MUTATION_NAMES);
}

function describe(v) {
  if (typeof v === "string") return v.length > 40 ? `<${v.length}-char string>` : JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol" || typeof v === "function" || v === undefined) return String(v);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 57) + "..." : s;
  } catch {
    return Array.isArray(v) ? "<array>" : "<object>";
  }
}

// Mutated input number `index`: { input, base, steps }.
function mutated(index) {
  const rng = rngFor(index);
  const base = bases[Math.floor(rng() * bases.length)];
  // 2% of inputs are not an object at all.
  if (rng() < 0.02) {
    const v = pick(rng, [null, undefined, 0, "", "{}", [], [base.input], true, 10n, deepObject(10_000), LONG]);
    return { input: v, base: base.from, steps: [`whole input=${describe(v)}`] };
  }
  const input = structuredClone(base.input);
  const steps = [];
  const wanted = 1 + Math.floor(rng() * 3);
  for (let tries = 0; steps.length < wanted && tries < 20; tries++) {
    const paths = [...new Set([...existingPaths(input), ...CONTRACT_FIELDS])];
    const path = pick(rng, paths);
    const step = MUTATIONS[mutationFor(rng, path)](rng, input, path);
    if (step) steps.push(step);
  }
  return { input, base: base.from, steps };
}

// ---------------------------------------------------------------- checking a result
function checkResult(fn, r) {
  if (!isPlainObject(r)) return `returned ${describe(r)}, not an object`;
  if (r.ok === false) {
    if (!Array.isArray(r.errors) || r.errors.length === 0) return `ok: false with errors ${describe(r.errors)}`;
    for (const e of r.errors) {
      if (!isPlainObject(e)) return `error ${describe(e)} is not an object`;
      if (typeof e.field !== "string") return `error field ${describe(e.field)} is not a string`;
      if (!ERROR_CODES.has(e.code)) return `error code ${describe(e.code)} is not in the contract (field ${e.field})`;
      if (typeof e.message !== "string" || e.message === "") return `error message ${describe(e.message)} (field ${e.field})`;
    }
    return null;
  }
  if (r.ok !== true) return `ok is ${describe(r.ok)}, not true or false`;
  const sums = (o, what) => {
    if (!isPlainObject(o)) return `${what} is ${describe(o)}`;
    const { charges, refunds, net } = o;
    if (![charges, refunds, net].every(Number.isInteger)) return `${what} ${describe(o)} are not whole yen`;
    if (net !== charges - refunds) return `${what}.net ${net} !== charges ${charges} - refunds ${refunds}`;
    return null;
  };
  if (fn === "calculate") return sums(r.totals, "totals");
  if (!Array.isArray(r.rows) || r.rows.length === 0 || r.rows.length > 40) return `rows is ${describe(r.rows)}`;
  for (const [i, row] of r.rows.entries()) {
    const m = sums(row, `rows[${i}]`);
    if (m) return m;
  }
  const best = r.rows.reduce((b, row) => (row.net < b.net ? row : b));
  if (r.best !== best.month) return `best is ${describe(r.best)}, the first lowest net is ${best.month}`;
  return null;
}

// ---------------------------------------------------------------- running
if (show !== null) {
  const m = mutated(show);
  console.log(`seed ${seed}, input #${show} from ${m.base}: ${m.steps.join("; ")}`);
  console.log(describeDeep(m.input));
  process.exit(0);
}
function describeDeep(v) {
  const shorten = (k, x) =>
    typeof x === "string" && x.length > 60 ? `<${x.length}-char string>`
    : typeof x === "bigint" ? `${x}n`
    : Array.isArray(x) && x.length > 20 ? `<array of ${x.length}>`
    : x;
  try {
    const s = JSON.stringify(v, shorten, 2);
    return s === undefined ? String(v) : s.length > 4000 ? s.slice(0, 4000) + "\n..." : s;
  } catch {
    return "(too deep to print)";
  }
}

if (!existsSync(pkg) || !existsSync(pkg.replace(/\.js$/, "_bg.wasm"))) {
  console.log(`FAIL no wasm package at ${pkg} (run make build)`);
  console.log(`0 passed, ${count} failed`);
  process.exit(1);
}
const wasmModule = new WebAssembly.Module(readFileSync(pkg.replace(/\.js$/, "_bg.wasm")));
let loads = 0;
const MAX_LOADS = 50;
// A fresh instance of the package: a panic (wasm trap) may leave the old one unusable.
async function load() {
  const mod = await import(`${pathToFileURL(pkg).href}?instance=${loads++}`);
  mod.initSync({ module: wasmModule });
  return mod;
}
let mod = await load();
for (const fn of ["calculate", "compareExitMonths"]) {
  if (typeof mod[fn] !== "function") {
    console.log(`FAIL the package exports no function ${fn}`);
    console.log(`0 passed, ${count} failed`);
    process.exit(1);
  }
}

console.log(`mutate: seed ${seed} (MUTATE_SEED or --seed to change), ${count} mutated inputs from ${bases.length} base inputs`);
const stats = {
  calculate: { ok: 0, errors: 0, failed: 0, threw: 0 },
  compareExitMonths: { ok: 0, errors: 0, failed: 0, threw: 0 },
};
const errorCodesSeen = {};
let passed = 0;
let failed = 0;
let printed = 0;
let slowest = { ms: 0, index: -1, fn: "" };
for (let i = 0; i < count; i++) {
  const m = mutated(i);
  let ok = true;
  for (const fn of ["calculate", "compareExitMonths"]) {
    let problem;
    const t0 = performance.now();
    try {
      const r = mod[fn](m.input);
      problem = checkResult(fn, r);
      if (!problem) {
        stats[fn][r.ok ? "ok" : "errors"]++;
        if (!r.ok) for (const e of r.errors) errorCodesSeen[e.code] = (errorCodesSeen[e.code] ?? 0) + 1;
      }
    } catch (e) {
      problem = `threw ${e?.message ?? describe(e)}`;
      stats[fn].threw++;
      if (loads < MAX_LOADS) mod = await load();
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, index: i, fn };
    if (process.env.MUTATE_TIMES && ms > 50) console.log(`slow ${ms.toFixed(0)} ms #${i} ${fn}: ${m.steps.join("; ")}`);
    if (problem) {
      ok = false;
      stats[fn].failed++;
      if (printed++ < 30) console.log(`FAIL #${i} ${fn} (${m.steps.join("; ")}; from ${m.base}): ${problem}`);
    }
  }
  if (ok) passed++;
  else failed++;
}
if (printed > 30) console.log(`... ${printed - 30} more failures not shown`);
for (const [fn, s] of Object.entries(stats)) {
  console.log(`${fn}: ${s.ok} ok:true, ${s.errors} ok:false, ${s.failed} failed (${s.threw} threw)`);
}
console.log(`error codes returned: ${Object.entries(errorCodesSeen).map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
console.log(`slowest call: ${slowest.fn} #${slowest.index}, ${slowest.ms.toFixed(1)} ms`);
if (failed) console.log(`reproduce one: node tests/mutate.mjs --seed ${seed} --show I`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
