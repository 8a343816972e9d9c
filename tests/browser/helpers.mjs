// Shared set-up for the browser tests: a static server for www/ (and for host pages on
// another port), Debian's Chromium through playwright-core, and the public cases.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = join(ROOT, "www");
export const CASES = existsSync(join(ROOT, "../shared/cases")) ? join(ROOT, "../shared/cases") : join(ROOT, "tests/cases");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
};

/**
 * Serves `dir` on 127.0.0.1 (a free port) with the wasm MIME type and CORS, like
 * `make serve`. `pages` maps a path to extra content (host pages for the embed test);
 * `override(path, body)` changes a file's bytes for later requests (a "new build").
 */
export async function serve(dir = WWW, pages = {}) {
  const overrides = new Map(Object.entries(pages));
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" };
    try {
      let body;
      if (overrides.has(path)) body = overrides.get(path);
      else {
        const file = normalize(join(dir, path));
        if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error("not found");
        body = await readFile(file);
      }
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(path)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    override: (path, body) => overrides.set(path, body),
    close: () => new Promise((ok) => server.close(ok)),
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
