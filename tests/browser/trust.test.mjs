// Trust (issue 11): every sentence, date and figure the reader sees is true for their own
// scenario. A share link (or an embed's `input`) that cannot be read is said so, not
// silently replaced; a link's missing fields take the form's defaults (one path with the
// embed); the rule-unverified notes fold into one line and no 根拠 is empty; no raw code
// reaches the reader; ticking the auひかり block keeps the last result while its start date
// is missing; one English date format, Japanese dates on one line; a hint where a chart
// scrolls sideways; the printout lists the input; the page's Japanese has no stray spaces
// and one word per concept. Every figure expected is the same wasm build's answer in node.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, linkFor, settled, yen, coreInNode, ROOT, WWW } from "./helpers.mjs";

let srv, browser, core, host;
const readCase = (name) => JSON.parse(readFileSync(join(ROOT, "tests/cases", name), "utf8"));
const hashInput = (url) => JSON.parse(decodeURIComponent(new URL(url).hash.replace(/^#input=/, "")));
const field = (page, path) => page.locator(`.field[data-path="${path}"]`);
const TODAY = "2026-12-04";
const page0 = () => `${srv.url}index.html?today=${TODAY}`;

before(async () => {
  [srv, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
  host = await serve(undefined, { pages: { "index.html": `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>A blog</title><link rel="icon" href="data:,"></head><body>
<norikae-calculator id="cut" input='{"x'></norikae-calculator>
<norikae-calculator id="list" lang="en" input='[1,2,3]'></norikae-calculator>
<norikae-calculator id="docs" input='{"lang":"ja"}'></norikae-calculator>
<script type="module" src="${srv.url}embed.js"></script>
</body></html>` } });
});
after(async () => {
  await browser?.close();
  await srv?.close();
  await host?.close();
});

async function fresh(width = 390, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  return { context, ...(await openPage(context)) };
}
const boxOf = (loc) => loc.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { x: r.x, y: r.y + scrollY, w: r.width, h: r.height };
});

// ---------------------------------------------------------------- item 5: broken links

const BROKEN = [
  ["%7B%22x", /途中で切れている/, "truncated JSON"],
  ["%E0%A4%A", /「%」/, "a bad %-escape"],
  ["[1,2,3]", /入力の形/, "JSON that is not an object"],
];

test("a share link that cannot be read is said so with its reason; the address stays until the reader acts", async () => {
  for (const [raw, reason, what] of BROKEN) {
    const { context, page, problems } = await fresh();
    await page.goto(`${page0()}#input=${raw}`);
    const banner = page.getByTestId("link-error");
    await banner.waitFor();
    const hash = await page.evaluate(() => location.hash);
    assert.ok(hash.startsWith("#input="), what);
    assert.match(await banner.textContent(), /このリンクは読み取れません/, what);
    assert.match(await banner.textContent(), reason, what);
    assert.match(await banner.textContent(), /既定の値/, `${what}: what happens`);
    // Nothing moves once it shows: the message and the form are where they first were.
    const first = [await boxOf(banner), await boxOf(page.locator(".nk-form"))];
    await page.waitForFunction(() => document.querySelector(".nk-result .notice")?.textContent.includes("計算していません"));
    await page.waitForTimeout(400);
    assert.deepEqual([await boxOf(banner), await boxOf(page.locator(".nk-form"))], first, `${what}: no layout shift`);
    assert.equal(await banner.evaluate((b) => b.getBoundingClientRect().top < innerHeight), true, `${what}: seen without scrolling`);
    // No result for an input the reader never gave, and the address is the link they opened.
    assert.equal(await page.getByTestId("net-total").count(), 0, what);
    assert.equal(await page.evaluate(() => location.hash), hash, `${what}: the address is kept`);
    // The button starts from the defaults: a result, and the address holds it.
    await page.getByRole("button", { name: "既定の値から始める" }).click();
    await page.getByTestId("net-total").waitFor();
    await page.waitForFunction((h) => location.hash !== h, hash);
    assert.equal(hashInput(page.url()).applicationDate, TODAY, what);
    assert.equal(await banner.isVisible(), false, what);
    assert.deepEqual(problems, [], what);
    await context.close();
  }
});

test("editing a field after a broken link calculates and writes the address; the message is in English too", async () => {
  const { context, page, problems } = await fresh(1280);
  await page.goto(`${page0()}#input=[1,2,3]`);
  await page.getByTestId("link-error").waitFor();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Day you apply to leave").waitFor();
  assert.match(await page.getByTestId("link-error").textContent(), /This link cannot be read.*does not hold a calculator input/s);
  assert.equal(await page.getByRole("button", { name: "Start from defaults" }).count(), 1);
  assert.equal(await page.evaluate(() => location.hash), "#input=[1,2,3]", "a language switch is no edit");
  await page.getByLabel("Monthly fee").fill("5000");
  await page.getByTestId("net-total").waitFor();
  await page.waitForFunction(() => location.hash.includes("5000"));
  const inHash = hashInput(page.url());
  assert.equal(yen(await page.getByTestId("net-total").textContent()), core.calculate(inHash).totals.net);
  assert.equal(await page.getByTestId("link-error").isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an embed whose input attribute is not a JSON object says so inside its shadow root", async () => {
  const { context, page, problems } = await fresh(1280);
  await page.goto(host.url);
  const cut = page.locator("#cut");
  await cut.getByTestId("link-error").waitFor();
  assert.match(await cut.getByTestId("link-error").textContent(), /読み取れません/);
  assert.equal(await cut.getByTestId("net-total").count(), 0);
  const list = page.locator("#list");
  await list.getByTestId("link-error").waitFor();
  assert.match(await list.getByTestId("link-error").textContent(), /cannot be read/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="link-error"]').length), 0, "inside the shadow roots only");
  await cut.getByRole("button", { name: "既定の値から始める" }).click();
  await cut.getByTestId("net-total").waitFor();
  assert.equal(await cut.getByTestId("link-error").isVisible(), false);
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 6: defaults

test("the docs' iframe address (#input={\"lang\":\"ja\"}) gets the form's defaults, as the embed's input attribute does", async () => {
  const { context, page, problems } = await fresh();
  const docs = readFileSync(join(ROOT, "docs/embedding.md"), "utf8");
  const hash = /src="[^"]*index\.html(#input=[^"]+)"/.exec(docs)[1];
  assert.equal(decodeURIComponent(hash), '#input={"lang":"ja"}');
  await page.goto(`${page0()}${hash}`);
  await settled(page);
  assert.equal(await page.getByTestId("errors").count(), 0, "no 必須の項目です");
  assert.equal(await page.getByLabel("退会を申し込む日").inputValue(), TODAY);
  const input = hashInput(page.url());
  assert.equal(input.current.provider, "so-net-hikari-plus");
  const net = core.calculate(input).totals.net;
  assert.equal(yen(await page.getByTestId("net-total").textContent()), net);
  // The embed with the same input, on the same day: the same defaults, the same result.
  const embed = await context.newPage();
  await embed.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  await embed.goto(host.url);
  await embed.locator("#docs").getByTestId("net-total").waitFor();
  assert.equal(await embed.locator("#docs").getByTestId("errors").count(), 0);
  assert.equal(await embed.locator("#docs").getByLabel("退会を申し込む日").inputValue(), TODAY);
  assert.equal(yen(await embed.locator("#docs").getByTestId("net-total").textContent()), net);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8a: unverified, 根拠

test("the rule-unverified notes are one line that opens (keyboard too), and no 根拠 is empty", async () => {
  const { context, page, problems } = await fresh();
  const input = readCase("36-conflicting-biglobe-cap-is-unverified.json").input;
  const res = core.calculate(input);
  const n = res.warnings.filter((w) => w.code === "rule-unverified").length;
  assert.ok(n >= 5, `${n} notes`);
  await page.goto(linkFor(page0(), input));
  await settled(page);
  const fold = page.getByTestId("unverified");
  assert.equal(await fold.count(), 1);
  assert.equal(await fold.evaluate((d) => d.tagName), "DETAILS");
  assert.equal(await fold.locator(":scope > summary").textContent(), `⚠ 未確認の値を${n}件使っています`);
  assert.equal(await fold.evaluate((d) => d.open), false, "closed: one line");
  assert.equal(await fold.locator('.warn[data-code="rule-unverified"]').count(), n, "every note is inside");
  assert.equal(await page.locator('.warn[data-code="rule-unverified"]:visible').count(), 0);
  const summary = fold.locator(":scope > summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await fold.evaluate((d) => d.open), true);
  assert.equal(await page.locator('.warn[data-code="rule-unverified"]:visible').count(), n);
  // Closed again, a 未確認 badge opens the fold and goes to its note.
  await page.keyboard.press("Enter");
  assert.equal(await fold.evaluate((d) => d.open), false);
  const badge = page.locator('table.refunds tr[data-kind="fee-refund-cash"] .unv');
  await badge.click();
  assert.equal(await fold.evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement.closest(".warn")?.dataset.code), "rule-unverified");
  // Every 根拠 has something in it beyond its rule ids.
  for (const c of ["16-actions-for-a-switch-to-au-hikari.json", "06-corporate-paper-after-the-20th.json", "36-conflicting-biglobe-cap-is-unverified.json"]) {
    await page.goto("about:blank");
    await page.goto(linkFor(page0(), readCase(c).input));
    await settled(page);
    const empty = await page.locator("details.why").evaluateAll((ds) => ds.filter((d) => {
      const body = [...d.children].filter((k) => k.tagName !== "SUMMARY").map((k) => k.textContent.replace(/\b(SN|AU)-\d+\b/g, "").trim()).join("");
      return body === "";
    }).map((d) => d.dataset.key));
    assert.deepEqual(empty, [], c);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8b: raw codes

/** Raw codes of the form's option lists that the text shows: ja any, en those no English word can be. */
async function rawCodes(page, lang) {
  return page.evaluate((lang) => {
    const codes = new Set([...document.querySelectorAll(".nk-form option, .nk-form input[type=radio]")].map((o) => o.value).filter((v) => v && !/^(true|false)$/.test(v)));
    const text = [...document.querySelectorAll(".nk-result, .nk-link-error, .nk-form .err")].map((e) => e.textContent).join("\n");
    const found = [];
    const at = (c, i) => `${c}: …${text.slice(Math.max(0, i - 30), i + c.length + 30)}…`;
    for (const c of codes) {
      const any = lang === "ja" || c.includes("-") || /^(biglobe|nifty|tcom|dti|cedyna|usen|ntt|mypage)$/.test(c);
      const m = (any ? new RegExp(`(?<![A-Za-z0-9@./-])${c}(?![A-Za-z0-9/-]|\\.\\w)`) : new RegExp(`["“「]${c}["”」]`)).exec(text);
      if (m) found.push(at(c, m.index));
    }
    // In English a plain word is a code when it stands in a list of codes ("phone, web, chat").
    for (const m of text.matchAll(/(?<![\w-])[a-z][a-z0-9-]*(?:, [a-z][a-z0-9-]*)+/g)) {
      if (m[0].split(", ").every((c) => codes.has(c))) found.push(at(m[0], m.index));
    }
    return found;
  }, lang);
}

test("no raw code from the form's option lists reaches the reader, in Japanese or English", async () => {
  const { context, page, problems } = await fresh(1280);
  const base = { applicationDate: "2019-10-21", current: { provider: "so-net-hikari-plus", serviceStart: "2018-01-10" } };
  const inputs = [
    readCase("36-conflicting-biglobe-cap-is-unverified.json").input,
    readCase("09-au-mansion-cash-and-monthly.json").input,
    readCase("04-convenience-store-slips.json").input,
    { ...readCase("16-actions-for-a-switch-to-au-hikari.json").input, current: { ...readCase("16-actions-for-a-switch-to-au-hikari.json").input.current, payment: "bank-debit", statement: "request" } },
    { ...base, current: { ...base.current, channel: "paper" } }, // an individual's paper form: the core's error
    { ...base, current: { ...base.current, customer: "corporate", channel: "web" } },
    { ...base, current: { ...base.current, payment: "cedyna" } },
  ];
  for (const input of inputs) {
    for (const lang of ["ja", "en"]) {
      await page.goto("about:blank");
      await page.goto(linkFor(page0(), { ...input, lang }));
      await settled(page);
      for (const d of await page.locator(".nk-result details").all()) await d.evaluate((x) => (x.open = true));
      assert.deepEqual(await rawCodes(page, lang), [], `${lang} ${JSON.stringify(input.current)}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the paper form is offered to corporate customers only (or when a link already chose it)", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(linkFor(page0(), readCase("03-fee-outside-window-bank-debit.json").input));
  await settled(page);
  const paper = page.locator('[data-path="current.channel"] option[value="paper"]');
  assert.deepEqual(await paper.evaluate((o) => [o.hidden, o.disabled]), [true, true], "an individual");
  await page.getByLabel("法人").check();
  await page.waitForFunction(() => !document.querySelector('[data-path="current.channel"] option[value="paper"]').hidden);
  assert.equal(await paper.evaluate((o) => o.disabled), false);
  await page.getByLabel("退会の申し込み方法").selectOption("paper");
  await page.getByLabel("個人").check();
  await page.getByTestId("errors").waitFor();
  assert.equal(await paper.evaluate((o) => o.hidden), false, "still shown while chosen, beside the core's error");
  assert.match(await field(page, "current.channel").locator(".err").textContent(), /書面/);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8c: the auひかり block

test("ticking the auひかり block marks its empty start date and keeps the last result", async () => {
  const { context, page, problems } = await fresh();
  const input = readCase("03-fee-outside-window-bank-debit.json").input;
  await page.goto(linkFor(page0(), input));
  await settled(page);
  const before = await page.getByTestId("net-total").textContent();
  const h = await page.evaluate(() => location.hash);
  await page.getByLabel("auひかりに乗り換える").check();
  await page.waitForFunction((x) => location.hash !== x, h);
  const err = field(page, "destination.startDate").locator(".err");
  await err.waitFor();
  assert.equal(await page.getByLabel("auひかりの開通日").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator(".nk-form .err:visible").count(), 1, "only the one missing field");
  assert.equal(await page.getByTestId("errors").count(), 0, "no error box in place of the result");
  assert.equal(await page.getByTestId("net-total").textContent(), before, "the last good result stays");
  assert.match(await page.getByTestId("stale").textContent(), /auひかりの開通日/);
  // Filling it in gives the result for the new input, and the marks go.
  await page.getByLabel("auひかりの開通日").fill("2026-09-25");
  await page.waitForFunction(() => !document.querySelector('[data-testid="stale"]'));
  const res = core.calculate(hashInput(page.url()));
  assert.equal(res.ok, true);
  assert.equal(yen(await page.getByTestId("net-total").textContent()), res.totals.net);
  assert.equal(await err.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8d: dates

/** Each date in the result's text, and whether it sits on one line. */
const dateLines = (page) => page.evaluate(() => {
  for (const b of document.querySelectorAll(".blk")) b.style.contentVisibility = "visible";
  for (const d of document.querySelectorAll(".nk-result details")) d.open = true;
  const re = /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{2}(?:-\d{2})?/g;
  const out = [];
  const walk = document.createTreeWalker(document.querySelector(".nk-result"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.parentElement.closest("svg, [hidden], .blk-inputs")) continue;
    for (const m of n.data.matchAll(re)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      out.push({ date: m[0], lines: tops.size });
    }
  }
  return out;
});

test("Japanese dates never break at 390 px; English dates are YYYY-MM-DD everywhere", async () => {
  const { context, page, problems } = await fresh(390);
  for (const c of ["16-actions-for-a-switch-to-au-hikari.json", "09-au-mansion-cash-and-monthly.json", "04-convenience-store-slips.json"]) {
    await page.goto("about:blank");
    await page.goto(linkFor(page0(), readCase(c).input));
    await settled(page);
    const dates = await dateLines(page);
    assert.ok(dates.length > 10, `${c}: ${dates.length} dates`);
    assert.deepEqual(dates.filter((d) => d.lines !== 1), [], c);
  }
  const input = readCase("16-actions-for-a-switch-to-au-hikari.json").input;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("about:blank");
    await page.goto(linkFor(page0(), { ...input, lang: "en" }));
    await settled(page);
    for (const d of await page.locator(".nk-result details").all()) await d.evaluate((x) => (x.open = true));
    const text = await page.locator(".nk-result").textContent();
    assert.doesNotMatch(text, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/, "no month names: one format");
    assert.match(text, /2019-03-31/);
    assert.equal(await page.getByTestId("exit-month").textContent(), "2019-03");
    assert.match(await page.locator(".todo-today").textContent(), new RegExp(TODAY));
    assert.deepEqual((await dateLines(page)).filter((d) => d.lines !== 1), [], `${width} en`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8e: sideways

test("a chart or table that scrolls sideways says so, and only then", async () => {
  const input = readCase("11-compare-exit-months-waits-for-renewal.json").input;
  for (const width of [390, 1280]) {
    const { context, page, problems } = await fresh(width);
    await page.goto(linkFor(page0(), input));
    await settled(page);
    await page.getByText("すべての月を表で見る").click();
    const boxes = page.locator(".nk-result .chart-wrap, .nk-result .tbl-wrap");
    let wide = 0;
    const n = await boxes.count();
    assert.ok(n >= 3);
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i);
      await box.scrollIntoViewIfNeeded();
      const over = await box.evaluate((b) => b.scrollWidth > b.clientWidth + 1);
      const hint = box.locator("xpath=following-sibling::*[1]");
      assert.equal(await hint.evaluate((h) => h.classList.contains("scroll-hint")), true);
      await page.waitForFunction(([b, o]) => document.querySelectorAll(".nk-result .chart-wrap, .nk-result .tbl-wrap")[b].nextElementSibling.hidden === !o, [i, over]);
      if (over) {
        wide++;
        assert.equal(await hint.textContent(), "← 横にスクロールできます →");
        assert.equal(await hint.isVisible(), true);
      }
    }
    if (width === 390) assert.ok(wide >= 1, "the 20-month comparison is wider than a phone");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// ---------------------------------------------------------------- item 8f: print

test("the printout lists the input the result assumed, in the page's words", async () => {
  const { context, page, problems } = await fresh(1280);
  const c = readCase("16-actions-for-a-switch-to-au-hikari.json").input;
  await page.goto(linkFor(page0(), { ...c, current: { ...c.current, payment: "bank-debit" } }));
  await settled(page);
  const list = page.getByTestId("print-inputs");
  assert.equal(await list.isVisible(), false, "not on screen");
  await page.emulateMedia({ media: "print" });
  assert.equal(await list.isVisible(), true);
  const rows = await list.locator("dl > div").evaluateAll((ds) => ds.map((d) => `${d.querySelector("dt").textContent}: ${d.querySelector("dd").textContent}`));
  for (const want of ["退会を申し込む日: 2019年3月12日", "利用開始日: 2017年6月5日", "支払い方法: 口座振替", "退会の申し込み方法: 電話", "毎月の利用料金: 5,000円",
    "建物: 戸建", "契約者: 個人", "auひかりの開通日: 2019年3月20日", "プロバイダ: BIGLOBE"]) {
    assert.ok(rows.includes(want), `${want} in ${rows}`);
  }
  assert.equal(await page.locator(".nk-form").isVisible(), false);
  const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  assert.ok(pages <= 2, `${pages} pages`);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---------------------------------------------------------------- item 8g: wording

test("the page's Japanese has no stray spaces before particles and one word per concept", async () => {
  const { strings } = await import(join(WWW, "i18n.js"));
  const ja = strings.ja;
  const texts = [];
  const walk = (v, path) => {
    if (typeof v === "string") texts.push([path, v]);
    else if (typeof v === "function") {
      const r = v(...Array.from({ length: v.length }, (_, i) => ["2026年9月25日", "3", "1,000"][i % 3]).map((x, i) => (path.endsWith("outWindow") && i === 0 ? ["2027年1月", "2027年2月"] : x)));
      if (typeof r === "string") texts.push([path, r]);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(ja, "ja");
  assert.ok(texts.length > 100);
  // "25日 までに", "2026年9月 に", "1,000円 安く": a number or date, a space, a particle or a verb.
  const stray = texts.filter(([, s]) => /[0-9０-９年月日円] +[ぁ-ゖ]/.test(s) || /[ぁ-ゖ] +[0-9]/.test(s));
  assert.deepEqual(stray, []);
  // One term per concept: 契約解除料 (違約金 named once, as the everyday word), the common form, the au WALLET charge.
  // The glossary (ja.gl) is where the other names are explained, so it may name them.
  const gl = texts.filter(([p]) => p.startsWith("ja.gl."));
  assert.ok(gl.some(([, s]) => s.includes("違約金")) && gl.some(([, s]) => s.includes("解約金")), "the glossary explains the other names");
  const body = texts.filter(([p]) => !p.startsWith("ja.gl."));
  assert.deepEqual(body.filter(([, s]) => /解約金/.test(s.replace(/契約解除料/g, ""))), []);
  assert.equal(body.filter(([, s]) => s.includes("違約金")).length, 1, "違約金 once");
  assert.match(body.find(([, s]) => s.includes("違約金"))[1], /契約解除料/);
  assert.deepEqual(texts.filter(([, s]) => /申込書|(?<!共通)申請書/.test(s)), []);
  assert.deepEqual(texts.filter(([, s]) => /現金/.test(s)), []);
  assert.equal(ja.o["au-wallet"], "au WALLET へのチャージ");
  // And on the page: the recommendation (the core's sentence) has no stray space either.
  const { context, page, problems } = await fresh();
  await page.goto(linkFor(page0(), readCase("11-compare-exit-months-waits-for-renewal.json").input));
  await settled(page);
  const rec = await page.getByTestId("recommendation").textContent();
  assert.match(rec, /2020年3月末に退会/);
  assert.doesNotMatch(rec, /[0-9年月日円] +[ぁ-ゖ]/);
  assert.deepEqual(problems, []);
  await context.close();
});
