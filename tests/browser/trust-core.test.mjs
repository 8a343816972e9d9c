// Issue 11, items 1, 2 and 4 as the reader sees them: what the page says must be true for
// the reader's own scenario. Every expected figure and sentence is the core's (the same
// wasm build in node), so the page is checked for showing it, not for computing it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, linkFor, readCase, settled, coreInNode } from "./helpers.mjs";

let srv, browser, core;
before(async () => {
  [srv, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function fresh(width = 390) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return { context, ...(await openPage(context)) };
}
const hashInput = (url) => JSON.parse(decodeURIComponent(new URL(url).hash.replace(/^#input=/, "")));

// Item 1. An ended campaign shows no profit, says so, and offers the campaign in force.
for (const lang of ["ja", "en"]) {
  test(`item 1 (${lang}): an ended campaign pays nothing, and one button switches to the campaign in force`, async () => {
    const { context, page, problems } = await fresh(lang === "ja" ? 390 : 1280);
    const input = { ...readCase("18-ended-plus-campaign-pays-nothing.json").input, lang };
    await page.goto(linkFor(srv.url, input));
    await settled(page);
    const expected = core.calculate(input);
    assert.equal(await page.getByTestId("net-total").textContent(), expected.totals.net.toLocaleString("en-US"));
    assert.ok(expected.totals.net > 0, "no gain from an ended campaign");
    const warn = page.locator('.warn[data-code="campaign-version-ended"]');
    assert.equal(await warn.count(), 1);
    assert.match(await page.getByTestId("refund-note").textContent(), lang === "ja" ? /0円/ : /0 yen/);
    const button = page.getByTestId("switch-campaign");
    assert.match(await button.textContent(), lang === "ja" ? /乗りかえスタートサポート/ : /Norikae Start Support/);
    await button.click();
    await page.locator('.warn[data-code="campaign-version-ended"]').waitFor({ state: "detached" });
    assert.equal(hashInput(page.url()).destination.campaign, "start-support");
    const after = core.calculate(hashInput(page.url()));
    assert.equal(await page.getByTestId("net-total").textContent(), after.totals.net.toLocaleString("en-US"));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Item 2. The recommendation is the core's: a reachable month, and how to reach it.
test("item 2: the cheapest month comes with the application dates that reach it", async () => {
  const { context, page, problems } = await fresh();
  const input = { applicationDate: "2027-01-10", current: { provider: "so-net-hikari-plus", serviceStart: "2021-03-15", monthlyFee: 5720 } };
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  const cmp = core.compareExitMonths(input);
  const text = await page.getByTestId("recommendation").textContent();
  assert.equal(text.trim(), cmp.recommendation);
  assert.match(text, /2027年2月1日以降/);
  assert.match(text, /2027年3月末に退会でき/);
  await page.getByText("すべての月を表で見る").click();
  assert.match(await page.locator("table.cmp tr.best").textContent(), /2027年3月.*2027年2月1日〜2027年3月31日/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Item 4. The exclusion in words, a link to the field that overrides it, a 0円 line, and no
// auひかり deadline on the timeline when nothing is paid.
for (const lang of ["ja", "en"]) {
  test(`item 4 (${lang}): the default exclusion is in plain words, links to its field, and shows a 0 line`, async () => {
    const { context, page, problems } = await fresh(lang === "ja" ? 390 : 1280);
    const input = { ...readCase("14-sonet-is-an-excluded-au-source.json").input, lang };
    await page.goto(linkFor(srv.url, input));
    await settled(page);
    const warn = page.locator('.warn[data-code="source-not-eligible"]');
    const words = await warn.textContent();
    for (const code of ["au-smart-value-ftth", "kddi-catv", "wimax"]) assert.ok(!words.includes(code), `${code} in ${words}`);
    assert.match(words, /WiMAX/);
    await warn.getByTestId("go-field").click();
    const focused = await page.evaluate(() => document.activeElement?.closest(".field")?.dataset.path);
    assert.equal(focused, "destination.sourceExcluded");
    assert.match(await page.getByTestId("refund-note").textContent(), lang === "ja" ? /0円（対象外）/ : /0 yen \(not eligible\)/);
    const expected = core.calculate(input);
    assert.equal(expected.refunds.length, 0);
    assert.ok(expected.deadlines.some((d) => d.kind === "au-application"), "the answer keeps its deadline (CONTRACT)");
    const timeline = await page.locator(".blk-timeline").textContent();
    const label = expected.deadlines.find((d) => d.kind === "au-application").label;
    assert.ok(!timeline.includes(label), `the timeline shows "${label}" although nothing is paid`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Item 3. A step never promises a month that a shift has made unreachable.
test("item 3: with removal in the west applied on 9/25, step 1 names the October exit, not September", async () => {
  const { context, page, problems } = await fresh();
  const input = { applicationDate: "2027-09-25", current: { provider: "so-net-hikari-plus", serviceStart: "2021-03-15", removal: "requested", region: "west" } };
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  assert.match(await page.getByTestId("exit-month").textContent(), /2027年10月/);
  const todo = await page.locator(".blk-actions").textContent();
  assert.ok(!todo.includes("2027年9月末で退会するための期限"), todo);
  assert.match(todo, /2027年10月末になります/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Item 7. Another provider is told nothing that only So-net's rule set says.
test("item 7: another provider's page shows none of So-net's numbers, fees or procedures", async () => {
  const { context, page, problems } = await fresh(1280);
  const input = { applicationDate: "2027-01-10", lang: "ja", current: { provider: "custom", serviceStart: "2024-03-15", statement: "request", monthlyFee: 5307,
    terms: { termMonths: 24, cancellationFee: 10457 } }, destination: { isp: "biglobe", startDate: "2027-01-25", sourceExcluded: false } };
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  const text = await page.locator(".nk-result").textContent();
  for (const fact of ["3,300", "0120-80-7761", "0120-45-2522", "ユーザーID", "So-net光プラス", "違約金明細書"]) assert.ok(!text.includes(fact), `"${fact}" on another provider's page`);
  assert.deepEqual(problems, []);
  await context.close();
});

// Item 8: the first visit's defaults raise no warning of their own (only the always-present
// one), and NTT billing says whose bill it follows.
test("item 8: first-visit defaults warn only what is always warned; NTT billing names NTT Finance", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(`${srv.url}?today=2026-12-04`);
  await settled(page);
  const codes = await page.locator(".warn").evaluateAll((ws) => ws.map((w) => w.dataset.code));
  assert.deepEqual(codes, ["uninstall-security-software"]);
  assert.equal(await page.getByTestId("unverified").count(), 0);
  await page.locator('.field[data-path="current.payment"] select').selectOption("ntt");
  await page.locator(".blk-charges").getByText(/NTTファイナンス/).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
