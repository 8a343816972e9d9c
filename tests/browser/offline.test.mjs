// The service worker: after one online visit the page opens and calculates offline, the
// cache holds every file the page needs, and a new build replaces the old cache.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, linkFor, readCase, settled, WWW } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const SW_FILES = JSON.parse(
  /const FILES = (\[[^\]]*\])/.exec(readFileSync(join(WWW, "sw.js"), "utf8"))[1].replace(/,\s*\]/, "]"),
);

test("the service worker's list names every file of www/ (and the core it needs)", () => {
  const own = readdirSync(WWW).filter((f) => /\.(html|js|css|webmanifest|svg|png)$/.test(f) && f !== "sw.js");
  for (const f of [...own, "pkg/norikae.js", "pkg/norikae_bg.wasm"]) assert.ok(SW_FILES.includes(f), `${f} is cached`);
  for (const f of SW_FILES.filter((f) => f !== "./")) assert.ok(readdirSync(join(WWW, f, "..")).includes(f.split("/").pop()), `${f} exists`);
});

/** Waits until the page is controlled and its build is cached; returns the cache names. */
async function cachedBuild(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith("norikae-"));
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname).sort() };
  });
}

test("after one online visit, a reload with the network off still shows the page and calculates", async () => {
  const srv = await serve();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await openPage(context);
  const c = readCase("03-fee-outside-window-bank-debit.json");
  await page.goto(linkFor(srv.url, c.input));
  await settled(page);
  const { names, urls } = await cachedBuild(page);
  assert.equal(names.length, 1);
  assert.deepEqual(urls, SW_FILES.map((f) => new URL(f, "http://x/").pathname).sort());

  await context.setOffline(true);
  await page.reload();
  await settled(page);
  assert.equal(await page.getByTestId("net-total").textContent(), "28,720");
  // It still calculates: a new input, offline.
  await page.getByLabel("毎月の利用料金").fill("6000");
  await page.waitForFunction(() => document.querySelector('[data-testid="net-total"]')?.textContent === "29,000");
  // And a fresh tab on another share link opens offline too.
  const other = await context.newPage();
  await other.goto(linkFor(srv.url, readCase("08-au-home-start-support.json").input));
  await settled(other);
  assert.equal(await other.getByTestId("net-total").textContent(), "0");
  assert.deepEqual(problems, []);
  await context.close();
  await srv.close();
});

test("a new build replaces the old cache", async () => {
  const srv = await serve(WWW, { copy: true });
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  await page.goto(srv.url);
  await settled(page);
  const before = (await cachedBuild(page)).names;

  // A new build: one file changes. The worker notices on a later visit (here after the
  // browser stopped it, as browsers do with idle workers) and swaps the cache.
  const app = readFileSync(join(srv.root, "app.js"), "utf8");
  writeFileSync(join(srv.root, "app.js"), app + "\n// build 2\n");
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await page.reload();
  await settled(page);
  await page.waitForFunction(async (old) => {
    const names = (await caches.keys()).filter((k) => k.startsWith("norikae-"));
    return names.length === 1 && names[0] !== old;
  }, before[0], { timeout: 15000, polling: 200 });

  await context.setOffline(true);
  await page.reload();
  await settled(page);
  assert.match(await page.evaluate(() => fetch("app.js").then((r) => r.text())), /build 2/);
  assert.deepEqual(problems, []);
  await context.close();
  await srv.close();
});
