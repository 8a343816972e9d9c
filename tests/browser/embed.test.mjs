// <norikae-calculator> on a blog page from another origin: it renders, takes `input`
// and `lang`, and neither side's styles or globals reach the other.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, readCase, coreInNode, seriousAxeFindings } from "./helpers.mjs";

let app, host, browser, core;
const case03 = readCase("03-fee-outside-window-bank-debit.json").input;
const case08 = readCase("08-au-home-start-support.json").input;
const attr = (v) => JSON.stringify(v).replace(/&/g, "&amp;").replace(/'/g, "&#39;");

before(async () => {
  [app, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
  // The host: loud global styles, a global of its own, and two calculators.
  host = await serve(undefined, { pages: { "index.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,">
<style>
  h2 { color: rgb(255, 0, 0); }
  body { font-family: serif; color: rgb(128, 0, 128); font-size: 20px; line-height: 3; }
  button { background: rgb(0, 255, 0); }
  label, .field, .nk { color: rgb(0, 0, 255) !important; }
</style>
<script>window.calculate = "the host's own"; var lang = "host";</script>
</head><body>
<h2 id="host-h2">Host heading</h2><p id="host-p">Host text</p><button id="host-btn">Host button</button>
<norikae-calculator id="one" input='${attr(case03)}'></norikae-calculator>
<norikae-calculator id="two" lang="en" input='${attr(case08)}'></norikae-calculator>
<script type="module" src="${app.url}embed.js"></script>
</body></html>` } });
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

async function hostPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await openPage(context);
  await p.page.addInitScript(() => {
    window.__before = Object.getOwnPropertyNames(window);
  });
  await p.page.goto(host.url);
  await p.page.locator("#one").getByTestId("net-total").waitFor();
  await p.page.locator("#two").getByTestId("net-total").waitFor();
  return { context, ...p };
}

const style = (loc, prop) => loc.evaluate((e, p) => getComputedStyle(e)[p], prop);

test("the embed renders the input attribute's result inside its shadow root, from another origin", async () => {
  const { context, page, problems, origins } = await hostPage();
  assert.notEqual(new URL(app.url).origin, new URL(host.url).origin);
  assert.equal(await page.locator("#one").getByTestId("net-total").textContent(), "28,720");
  assert.equal(await page.locator("#one").getByTestId("exit-month").getAttribute("datetime"), "2026-09");
  assert.equal(await page.locator("#two").getByTestId("net-total").textContent(), "0");
  // The hooks are in the shadow root, not in the host's document.
  assert.equal(await page.evaluate(() => document.querySelectorAll("[data-testid]").length), 0);
  assert.equal(await page.evaluate(() => document.querySelector("#one").shadowRoot.querySelectorAll('[data-testid="net-total"]').length), 1);
  assert.deepEqual([...origins].sort(), [new URL(app.url).origin, new URL(host.url).origin].sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test("no styles leak either way", async () => {
  const { context, page, problems } = await hostPage();
  // The host keeps its look.
  assert.equal(await style(page.locator("#host-h2"), "color"), "rgb(255, 0, 0)");
  assert.equal(await style(page.locator("#host-p"), "fontFamily"), "serif");
  assert.equal(await style(page.locator("#host-p"), "color"), "rgb(128, 0, 128)");
  assert.equal(await style(page.locator("#host-btn"), "backgroundColor"), "rgb(0, 255, 0)");
  assert.notEqual(await style(page.locator("#host-btn"), "minHeight"), "44px");
  // The calculator keeps its own.
  const one = page.locator("#one");
  const h2 = one.locator("h2").first();
  assert.notEqual(await style(h2, "color"), "rgb(255, 0, 0)");
  assert.doesNotMatch(await style(h2, "fontFamily"), /^serif$/);
  assert.equal(await style(one.locator(".nk"), "fontSize"), "16px");
  assert.notEqual(await style(one.locator(".nk"), "lineHeight"), "60px");
  assert.notEqual(await style(one.locator("label").first(), "color"), "rgb(0, 0, 255)");
  assert.notEqual(await style(one.locator(".tools button").first(), "backgroundColor"), "rgb(0, 255, 0)");
  assert.deepEqual(problems, []);
  await context.close();
});

test("no globals leak either way, and the host's address and storage are left alone", async () => {
  const { context, page, problems } = await hostPage();
  const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__before.includes(k)));
  assert.deepEqual(added.sort(), ["__before", "calculate", "lang"], "only the host's own globals");
  assert.equal(await page.evaluate(() => window.calculate), "the host's own");
  assert.equal(await page.evaluate(() => window.lang), "host");
  await page.locator("#one").getByLabel("毎月の利用料金").fill("6000");
  await page.waitForFunction(() => document.querySelector("#one").shadowRoot.querySelector('[data-testid="net-total"]').textContent === "29,000");
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the lang and input attributes choose the language and the input, also when changed later", async () => {
  const { context, page, problems } = await hostPage();
  const two = page.locator("#two");
  assert.equal(await two.getByLabel("Day you apply to leave").count(), 1);
  assert.equal(await page.locator("#one").getByLabel("退会を申し込む日").count(), 1);
  await page.evaluate((v) => document.querySelector("#two").setAttribute("input", v), JSON.stringify(case03));
  await page.waitForFunction(() => document.querySelector("#two").shadowRoot.querySelector('[data-testid="net-total"]')?.textContent === "28,720");
  await page.evaluate(() => document.querySelector("#two").setAttribute("lang", "ja"));
  await two.getByLabel("退会を申し込む日").waitFor();
  const en = core.calculate({ ...case03, lang: "ja" });
  assert.equal(await two.locator(".warn p").first().textContent(), "⚠" + en.warnings[0].message);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the embed's copy link opens the calculator's own page with the same input", async () => {
  const { context, page, problems } = await hostPage();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(host.url).origin });
  await page.locator("#one").getByRole("button", { name: "リンクをコピー" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${app.url}index.html#input=`), link);
  const opened = await context.newPage();
  await opened.goto(link);
  await opened.getByTestId("net-total").waitFor();
  assert.equal(await opened.getByTestId("net-total").textContent(), "28,720");
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds nothing serious or critical in a host page with the embed", async () => {
  const { context, page, problems } = await hostPage();
  assert.deepEqual(await seriousAxeFindings(page, [["#one"], ["#two"]]), []);
  assert.deepEqual(problems, []);
  await context.close();
});
