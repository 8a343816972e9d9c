#!/usr/bin/env node
// Static server for www/ (no dependencies).
//
//   node scripts/serve.mjs [PORT]        PORT defaults to $PORT, then 8000; 0 picks a free port
//   make serve                           builds first, then runs this
//
// In-process (browser tests):
//   import { serve } from "../../scripts/serve.mjs";
//   const server = await serve({ port: 0 });       // resolves once listening
//   const url = server.url;                        // "http://127.0.0.1:NNNNN/"
//   await server.close();
//
// Every response has Access-Control-Allow-Origin: * (the embed loads from other origins)
// and Cache-Control: no-cache (the service worker, not the HTTP cache, keeps files offline).
// .wasm is application/wasm, so WebAssembly.instantiateStreaming accepts it.
// Text and wasm go out gzip-compressed when the client accepts it, as any production
// host would serve them (a cold visit on a slow line: ~280 KB uncompressed, ~110 KB).
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { stat } from "node:fs/promises";
import { resolve, join, extname, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "www");

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".ics": "text/calendar",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".webmanifest", ".svg", ".ics", ".txt", ".xml"]);

const COMMON_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

// Maps a request path to a file under root, or null when it would leave root.
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\")) return null;
  const file = resolve(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(root, req, res) {
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...COMMON_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "*",
    });
    return res.end();
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(res, 405, "method not allowed\n", { Allow: "GET, HEAD, OPTIONS" });
  }
  const urlPath = new URL(req.url, "http://localhost").pathname;
  let file = fileFor(root, urlPath);
  if (!file) return send(res, 404, "not found\n");
  let st = await stat(file).catch(() => null);
  if (st?.isDirectory()) {
    if (!urlPath.endsWith("/")) {
      return send(res, 301, "moved\n", { Location: urlPath + "/" });
    }
    file = join(file, "index.html");
    st = await stat(file).catch(() => null);
  }
  if (!st?.isFile()) return send(res, 404, "not found\n");
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  if (COMPRESSIBLE.has(extname(file).toLowerCase()) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    const body = gzipSync(await readFile(file), { level: 9 });
    res.writeHead(200, {
      ...COMMON_HEADERS,
      "Content-Type": type,
      "Content-Encoding": "gzip",
      Vary: "Accept-Encoding",
      "Content-Length": body.length,
      "Last-Modified": st.mtime.toUTCString(),
    });
    return res.end(req.method === "HEAD" ? undefined : body);
  }
  res.writeHead(200, {
    ...COMMON_HEADERS,
    "Content-Type": type,
    Vary: "Accept-Encoding",
    "Content-Length": st.size,
    "Last-Modified": st.mtime.toUTCString(),
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Starts the server; resolves once it listens.
 * @param {{ port?: number, host?: string, root?: string, quiet?: boolean }} [options]
 *   port 0 (the default here) picks a free port; root defaults to the repo's www/.
 * @returns {Promise<import("node:http").Server & { url: string, port: number }>}
 */
export function serve({ port = 0, host = "127.0.0.1", root = DEFAULT_ROOT, quiet = true } = {}) {
  const rootDir = resolve(root);
  const server = createServer((req, res) => {
    handle(rootDir, req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, "internal error\n");
      else res.destroy();
      console.error(e);
    });
    if (!quiet) res.on("finish", () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      server.port = server.address().port;
      server.url = `http://${host}:${server.port}/`;
      const close = server.close.bind(server);
      // close() also ends kept-alive connections, and returns a promise.
      server.close = () =>
        new Promise((done) => {
          close(() => done());
          server.closeAllConnections?.();
        });
      resolvePromise(server);
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${process.argv[2] ?? process.env.PORT}`);
    process.exit(2);
  }
  const server = await serve({ port, quiet: !process.env.VERBOSE });
  console.log(`serving ${DEFAULT_ROOT} at ${server.url} (Ctrl-C to stop)`);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close().then(() => process.exit(0)));
}
