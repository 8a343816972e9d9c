// The glossary (issue 11, item 9): each of its seven words has a "?" beside a field or
// figure that uses it, in Japanese and English; the keyboard opens it (Enter or Space)
// and Escape closes it; open, it shows the explanation and its sources, with a link;
// closed, only the button takes room. It also works inside the embed's shadow root, loads
// only when first opened, survives the result's re-rendering while the reader types, and
// axe finds nothing with explanations open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, linkFor, readCase, settled, ROOT } from "./helpers.mjs";
import { strings } from "../../www/i18n.js";
import { explain, TERM_KEYS } from "../../www/glossary.js";

let srv, browser;
before(async () => {
  [srv, browser] = await Promise.all([serve(), launch()]);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

// Case 03 (cancellation fee, construction remainder, bank debit) switching to auひかり
// with a campaign: So-net is an auスマートバリュー service, so the source-not-eligible
// warning shows too. Every word of the glossary is used somewhere on this page.
const INPUT = {
  ...readCase("03-fee-outside-window-bank-debit.json").input,
  destination: { carrier: "au-hikari", campaign: "start-support", building: "home", plan: "zutto-giga-toku", isp: "so-net", startDate: "2026-09-20" },
};
// Where each word is used on that page: the glossary's "?" must be in every one of these.
const PLACES = (t) => ({
  renewal: [`.blk-exit .facts > div:has(> dt:has-text("${t.exit.renewal}"))`],
  fee: ['table.charges tr[data-kind="cancellation-fee"]'],
  remainder: ['table.charges tr[data-kind="construction-remainder"]', "fieldset.grp-construction:has(> legend .gl-btn)"],
  switch: ['.field[data-path="current.channel"]'],
  analog: ["fieldset.grp-phone:has(> legend .gl-btn)"],
  smartValue: ['.field[data-path="destination.sourceExcluded"]', '.field[data-path="destination.smartValue"]', '.warn[data-code="source-not-eligible"]'],
  debitDay: ['.field[data-path="current.payment"]'],
});
// Another provider's terms use three of the words in fields of their own.
const CUSTOM = {
  ...INPUT,
  current: { ...INPUT.current, provider: "custom", terms: { termMonths: 24, renewalMonths: 2, cancellationFee: 9500 } },
};
const CUSTOM_PLACES = {
  renewal: ['.field[data-path="current.terms.renewalMonths"]'],
  fee: ['.field[data-path="current.terms.cancellationFee"]'],
  debitDay: ['.field[data-path="current.terms.bankDebitDay"]'],
};

async function fresh(width = 390) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const p = await openPage(context);
  const requested = [];
  p.page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  return { context, requested, ...p };
}
const height = (loc) => loc.evaluate((e) => e.getBoundingClientRect().height);
const panelOf = async (page, button) => page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);

/**
 * The word k's "?" in `place` (within `scope`, the page or an embed): there, labelled for screen readers, closed and taking no
 * room; focus and `key` open it with the explanation and its sources; Escape closes it
 * and leaves everything where it was.
 */
async function checkTerm(page, scope, lang, k, place, key) {
  const t = strings[lang];
  const what = `${lang} ${k} in ${place}`;
  const host = scope.locator(place).first();
  await host.scrollIntoViewIfNeeded();
  const button = host.locator(`.gl-btn[data-term="${k}"]`);
  assert.equal(await button.count(), 1, `${what}: one "?"`);
  assert.equal(await button.isVisible(), true, what);
  // For screen readers: a button named for the word, that says whether it is open.
  assert.equal(await button.evaluate((b) => b.tagName), "BUTTON");
  assert.match(await button.textContent(), new RegExp(`${t.gl.more}${t.gl[k][0]}`), what);
  assert.equal(await button.getAttribute("aria-expanded"), "false", what);
  // Closed: the explanation has no box, and the place is as tall with it as without it.
  const panel = await panelOf(scope, button);
  assert.equal(await panel.count(), 1, `${what}: aria-controls names the explanation`);
  assert.equal(await panel.boundingBox(), null, `${what}: closed, no box`);
  const closedHeight = await height(host);
  const withoutPanel = await panel.evaluate((p, h) => {
    const next = p.nextSibling;
    const parent = p.parentNode;
    p.remove();
    const out = h.getBoundingClientRect().height;
    parent.insertBefore(p, next);
    return out;
  }, await host.elementHandle());
  assert.equal(closedHeight, withoutPanel, `${what}: closed, the explanation takes no room`);
  assert.ok((await button.boundingBox()).height <= 26, `${what}: a small control`);

  // The keyboard opens it.
  await button.focus();
  await page.keyboard.press(key);
  assert.equal(await button.getAttribute("aria-expanded"), "true", what);
  await panel.locator("a").first().waitFor();
  assert.equal(await panel.isVisible(), true, what);
  const x = explain(k, lang);
  const text = await panel.textContent();
  assert.ok(text.includes(t.gl[k][0]), `${what}: names the word`);
  assert.ok(text.includes(x.text), `${what}: the explanation`);
  // Its sources: every one listed, the web ones as links, the source article by its title
  // (a file path means nothing to a reader; rules/ keeps the path).
  assert.equal(await panel.locator(".sources li").count(), x.sources.length, what);
  const links = await panel.locator("a").evaluateAll((as) => as.map((a) => a.href));
  assert.ok(links.length >= 1 && links.every((h) => h.startsWith("https://")), `${what}: links ${links}`);
  for (const s of x.sources.filter((s) => s.path)) {
    assert.ok(text.includes(s.title), `${what}: cites ${s.title}`);
    assert.ok(!text.includes(s.path), `${what}: shows the file path ${s.path}`);
  }
  assert.ok(await height(host) > closedHeight, `${what}: open, it shows below`);

  // Escape closes it, focus stays on the button, and the place is as it was.
  await page.keyboard.press("Escape");
  assert.equal(await button.getAttribute("aria-expanded"), "false", what);
  assert.equal(await panel.boundingBox(), null, what);
  assert.equal(await button.evaluate((b) => b.getRootNode().activeElement === b), true, `${what}: focus stays`);
  assert.equal(await height(host), closedHeight, `${what}: closed again, nothing moved`);
}

for (const lang of ["ja", "en"]) {
  test(`${lang}: each of the seven words has a "?" where it is used, opened by keyboard, with its text and sources`, async () => {
    const { context, page, problems } = await fresh();
    await page.goto(linkFor(srv.url, { ...INPUT, lang }));
    await settled(page);
    const places = PLACES(strings[lang]);
    assert.deepEqual(Object.keys(places).sort(), [...TERM_KEYS].sort());
    // The result's sections render lazily off screen; show them all for measuring.
    await page.evaluate(() => document.querySelectorAll(".blk").forEach((b) => b.scrollIntoView()));
    for (const [k, where] of Object.entries(places)) {
      for (const place of where) await checkTerm(page, page, lang, k, place, lang === "ja" ? "Enter" : " ");
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("another provider's renewal months, cancellation fee and bank debit day fields have their words too", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(linkFor(srv.url, CUSTOM));
  await settled(page);
  for (const lang of ["ja", "en"]) {
    if (lang === "en") {
      await page.getByRole("button", { name: "English" }).click();
      await page.getByLabel("Day you apply to leave").waitFor();
    }
    for (const [k, places] of Object.entries(CUSTOM_PLACES)) await checkTerm(page, page, lang, k, places[0], "Enter");
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the glossary loads on the first opening only, and stays open while the reader types", async () => {
  const { context, page, problems, requested } = await fresh();
  await page.goto(linkFor(srv.url, INPUT));
  await settled(page);
  assert.ok(!requested.includes("/glossary.js"), "not loaded before it is needed");
  const formButton = page.locator('.field[data-path="current.payment"] .gl-btn');
  const formHandle = await formButton.elementHandle();
  const fee = page.locator('table.charges tr[data-kind="cancellation-fee"] .gl-btn');
  await fee.click();
  await (await panelOf(page, fee)).locator("a").first().waitFor();
  assert.ok(requested.includes("/glossary.js"));
  // Typing re-runs the core: the form's "?" is the same node (built once per language),
  // and the open explanation in the result stays open with its text.
  const net = await page.getByTestId("net-total").textContent();
  await page.getByLabel("毎月の利用料金").pressSequentially("61", { delay: 20 });
  await page.waitForFunction((n) => document.querySelector('[data-testid="net-total"]').textContent !== n, net);
  assert.equal(await formHandle.evaluate((b) => b.isConnected), true, "the form's button was not rebuilt");
  assert.equal(await fee.getAttribute("aria-expanded"), "true");
  assert.ok((await (await panelOf(page, fee)).textContent()).includes(explain("fee", "ja").text));
  // A language switch keeps it open, now in English.
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Day you apply to leave").waitFor();
  await page.waitForFunction(() => document.querySelector(".gl-panel:not([hidden])")?.textContent.includes("cancellation fee"));
  assert.ok((await (await panelOf(page, fee)).textContent()).includes(explain("fee", "en").text));
  assert.deepEqual(problems, []);
  await context.close();
});

test("no provider's own figure is written into a glossary text", () => {
  for (const k of TERM_KEYS) {
    for (const lang of ["ja", "en"]) {
      const { text } = explain(k, lang);
      assert.doesNotMatch(text, /\d{1,3},\d{3}|\d+ ?円|\byen\b|3[78]|2[37]日|75|\b2[37](th)?\b/, `${k} ${lang}`);
    }
  }
});

test("inside the embed's shadow root, the keyboard opens a word and axe finds nothing", async () => {
  const app = srv;
  const host = await serve(undefined, { pages: { "index.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"></head><body>
<main><norikae-calculator id="one" input='${JSON.stringify(INPUT).replace(/'/g, "&#39;")}'></norikae-calculator></main>
<script type="module" src="${app.url}embed.js"></script>
</body></html>` } });
  const { context, page, problems } = await fresh(1280);
  await page.goto(host.url);
  const one = page.locator("#one");
  await settled(one);
  await checkTerm(page, one, "ja", "switch", '.field[data-path="current.channel"]', "Enter");
  await checkTerm(page, one, "ja", "fee", 'table.charges tr[data-kind="cancellation-fee"]', " ");
  for (const b of await one.locator(".gl-btn").all()) if (await b.isVisible()) await b.click();
  await one.locator(".gl-panel:not([hidden]) a").first().waitFor();
  assert.deepEqual(await axeFindings(page, [["#one"]]), []);
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});

/**
 * Every axe finding, of any impact, in `include` (default the document). One page-level
 * rule is left out: page-has-heading-one, since the calculator's title is an h2 (the same
 * markup goes into the embed, inside the host's own headings) — not the glossary's doing.
 */
async function axeFindings(page, include) {
  await page.evaluate(readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  const r = await page.evaluate((inc) => window.axe.run(inc ? { include: inc } : document,
    { resultTypes: ["violations"], rules: { "page-has-heading-one": { enabled: false } } }), include ?? null);
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const [width, lang] of [[390, "ja"], [1280, "en"]]) {
  test(`axe-core: no violations with the glossary's explanations open (${width} px, ${lang})`, async () => {
    const { context, page, problems } = await fresh(width);
    await page.goto(linkFor(srv.url, { ...INPUT, lang }));
    await settled(page);
    await page.evaluate(() => document.querySelectorAll(".blk").forEach((b) => b.scrollIntoView()));
    for (const b of await page.locator(".gl-btn").all()) if (await b.isVisible()) await b.click();
    await page.locator(".gl-panel:not([hidden]) a").first().waitFor();
    assert.ok(await page.locator(".gl-panel:not([hidden])").count() >= 10);
    assert.deepEqual(await axeFindings(page), [], `${width}px ${lang}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "nothing wider than the screen");
    assert.deepEqual(problems, []);
    await context.close();
  });
}
