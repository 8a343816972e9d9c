// Service worker: keeps every file the page needs, so that it opens and calculates offline.
//
// The cache is named for the build it holds: "norikae-" + a SHA-256 of every file's bytes.
// Installing fetches all files afresh; each later visit checks (in the background, at
// most once a minute) whether any file changed, and if so stores the new build under its
// own name and deletes the old cache. All files are served from one cache, so a page
// never mixes the scripts of one build with the wasm of another.

const FILES = [
  "./",
  "index.html",
  "app.js",
  "ui.js",
  "input.js",
  "codes.js",
  "form.js",
  "result.js",
  "todo.js",
  "dom.js",
  "i18n.js",
  "glossary.js",
  "chart.js",
  "embed.js",
  "style.css",
  "manifest.webmanifest",
  "icon.svg",
  "pkg/norikae.js",
  "pkg/norikae_bg.wasm",
];
const PREFIX = "norikae-";
const urls = FILES.map((f) => new URL(f, self.registration.scope).href);

async function hashOf(buffers) {
  const total = buffers.reduce((n, b) => n + b.byteLength + 8, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const b of buffers) {
    new DataView(all.buffer).setFloat64(at, b.byteLength); // file boundaries count too
    all.set(new Uint8Array(b), at + 8);
    at += b.byteLength + 8;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return [...digest.slice(0, 8)].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** Fetches every file, stores the build under its hash, drops older builds. */
async function refresh() {
  const responses = await Promise.all(urls.map((u) => fetch(u, { cache: "no-cache" })));
  if (responses.some((r) => !r.ok)) throw new Error("incomplete build");
  const bodies = await Promise.all(responses.map((r) => r.clone().arrayBuffer()));
  const name = PREFIX + (await hashOf(bodies));
  if (!(await caches.has(name))) {
    const cache = await caches.open(name);
    await Promise.all(urls.map((u, i) => cache.put(u, responses[i])));
  }
  for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== name) await caches.delete(key);
  return name;
}

let lastCheck = 0;
function refreshSoon() {
  if (Date.now() - lastCheck < 60_000) return Promise.resolve();
  lastCheck = Date.now();
  return refresh().catch(() => {
    lastCheck = 0; // offline or mid-deploy: try again on the next visit
  });
}

self.addEventListener("install", (event) => {
  lastCheck = Date.now();
  event.waitUntil(refresh().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  const nav = req.mode === "navigate";
  if (nav) url.search = ""; // the page reads its input from the hash, never the query
  url.hash = "";
  if (!urls.includes(url.href)) return;
  event.respondWith((async () => {
    if (nav) event.waitUntil(refreshSoon());
    return (await caches.match(url.href)) || fetch(req);
  })());
});
