// Shared set-up for the browser tests: the static server of `make serve` for www/ (and for
// host pages on another port), Debian's Chromium through playwright-core, the public cases.
import { readFileSync, existsSync, readdirSync, mkdtempSync, cpSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve as serveDir } from "../../scripts/serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = join(ROOT, "www");
export const CASES = existsSync(join(ROOT, "../shared/cases")) ? join(ROOT, "../shared/cases") : join(ROOT, "tests/cases");

/**
 * Serves a folder with scripts/serve.mjs (the server of `make serve`: wasm MIME type,
 * CORS) on a free port. `pages` ({ "index.html": "<!doctype html>…" }) serves those
 * files from a temporary folder instead (a host page for the embed); `copy: true`
 * serves a temporary copy of `dir` whose files a test may change (a "new build").
 */
export async function serve(dir = WWW, { pages, copy = false } = {}) {
  let root = dir;
  let temp = null;
  if (pages || copy) {
    temp = root = mkdtempSync(join(tmpdir(), "norikae-test-"));
    if (copy) cpSync(dir, root, { recursive: true });
    for (const [name, body] of Object.entries(pages || {})) writeFileSync(join(root, name), body);
  }
  const server = await serveDir({ root });
  return {
    url: server.url,
    root,
    close: async () => {
      await server.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * A page that records console errors, uncaught exceptions, failed requests and every
 * request's origin, so a test can assert "no console errors, no third-party requests".
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  const origins = new Set();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith("http")) origins.add(u.origin);
  });
  return { page, problems, origins };
}

/** The URL of the page with an input in its hash (CONTRACT's share-link form). */
export const linkFor = (base, input) => `${base}#input=${encodeURIComponent(JSON.stringify(input))}`;

export const readCase = (name) => JSON.parse(readFileSync(join(CASES, name), "utf8"));
export const caseNames = () => readdirSync(CASES).filter((f) => f.endsWith(".json")).sort();

/** Waits until the result shows (the net total) or the error list does. */
export async function settled(scope) {
  await scope.locator('[data-testid="net-total"], [data-testid="errors"]').first().waitFor();
}

/** "28,720" / "-5,000" → 28720 / -5000 */
export const yen = (s) => Number(String(s).replace(/[^0-9-]/g, ""));

/** The same wasm build, loaded in node: what the page must show for a given input. */
export async function coreInNode() {
  const mod = await import(join(WWW, "pkg/norikae.js"));
  mod.initSync({ module: readFileSync(join(WWW, "pkg/norikae_bg.wasm")) });
  return mod;
}

/** axe-core's serious and critical findings in `include` (selectors; default the document). */
export async function seriousAxeFindings(page, include) {
  await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  const r = await page.evaluate((inc) => window.axe.run(inc ? { include: inc } : document, { resultTypes: ["violations"] }), include ?? null);
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
