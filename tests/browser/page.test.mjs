// The page (www/index.html) in Chromium: share links, editing, errors, language,
// storage, accessibility, print, CSP, size. Every expected figure is either a public
// case's expectation or what the same wasm build returns in node for the same input.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { serve, launch, openPage, linkFor, readCase, caseNames, settled, yen, coreInNode, seriousAxeFindings, WWW } from "./helpers.mjs";

let srv, browser, core;
before(async () => {
  [srv, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function fresh(options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  return { context, ...(await openPage(context)) };
}
const hashInput = (url) => JSON.parse(decodeURIComponent(new URL(url).hash.replace(/^#input=/, "")));
const field = (page, path) => page.locator(`.field[data-path="${path}"]`);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("the default page shows a result, holds a share link, and asks no one else for anything", async () => {
  const { context, page, problems, origins } = await fresh();
  await page.goto(srv.url);
  await settled(page);
  assert.match(await page.getByTestId("exit-month").textContent(), /^\d{4}年\d{1,2}月$/);
  assert.match(await page.getByTestId("net-total").textContent(), /^-?[\d,]+$/);
  const input = hashInput(page.url());
  assert.equal(input.applicationDate, today(), "today is the default application date");
  assert.equal(await page.getByTestId("net-total").textContent(), core.calculate(input).totals.net.toLocaleString("en-US"));
  assert.deepEqual([...origins], [new URL(srv.url).origin]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a share link renders the exit month and net total of every public case", async () => {
  const { context, page, problems } = await fresh();
  let checked = 0;
  for (const name of caseNames()) {
    const c = readCase(name);
    if ((c.fn || "calculate") !== "calculate" || !c.expect.ok) continue;
    await page.goto("about:blank");
    await page.goto(linkFor(srv.url, c.input));
    await settled(page);
    if (c.expect.totals?.net !== undefined) {
      assert.equal(yen(await page.getByTestId("net-total").textContent()), c.expect.totals.net, name);
      checked++;
    }
    if (c.expect.exit?.month) assert.equal(await page.getByTestId("exit-month").getAttribute("datetime"), c.expect.exit.month, name);
    for (const lang of ["ja", "en"]) {
      if (lang === "en") {
        await page.getByRole("button", { name: "English" }).click();
        await page.getByLabel("Day you apply to leave").waitFor();
        await settled(page);
      }
      assert.doesNotMatch(await page.locator(".nk").textContent(), /\bnull\b|\bundefined\b|NaN|\[object /, `${name} ${lang}: no placeholder text`);
    }
  }
  assert.ok(checked >= 3, `cases with a net total: ${checked}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("share links to cases 03 and 08 show 28,720 and 0", async () => {
  const { context, page, problems } = await fresh();
  for (const [name, net] of [["03-fee-outside-window-bank-debit.json", "28,720"], ["08-au-home-start-support.json", "0"]]) {
    await page.goto("about:blank");
    await page.goto(linkFor(srv.url, readCase(name).input));
    await settled(page);
    assert.equal(await page.getByTestId("net-total").textContent(), net, name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the next renewal months are listed with the separator of the page's language", async () => {
  const { context, page, problems } = await fresh();
  const c = readCase("03-fee-outside-window-bank-debit.json");
  const [m1, m2] = c.expect.exit.nextRenewalWindow;
  const ja = (m) => `${+m.slice(0, 4)}年${+m.slice(5)}月`;
  await page.goto(linkFor(srv.url, c.input));
  await settled(page);
  const facts = page.locator(".facts");
  assert.match(await facts.textContent(), new RegExp(`次の更新月は${ja(m1)}、${ja(m2)}`));
  await page.getByRole("button", { name: "English" }).click();
  await settled(page);
  assert.match(await facts.textContent(), /Next renewal months: .+, .+/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("editing a field updates the result and the hash", async () => {
  const { context, page, problems } = await fresh();
  const input = readCase("03-fee-outside-window-bank-debit.json").input;
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  assert.equal(await page.getByTestId("net-total").textContent(), "28,720");
  await page.getByLabel("毎月の利用料金").fill("6000");
  const want = core.calculate({ ...input, current: { ...input.current, monthlyFee: 6000 } }).totals.net;
  await page.waitForFunction((w) => document.querySelector('[data-testid="net-total"]')?.textContent === w, want.toLocaleString("en-US"));
  const inHash = hashInput(page.url());
  assert.equal(inHash.current.monthlyFee, 6000);
  assert.equal(core.calculate(inHash).totals.net, want, "the hash alone reproduces the result");
  // A select, too: the payment method changes how a charge is paid.
  await page.getByLabel("支払い方法").selectOption("convenience-store");
  await page.waitForFunction(() => location.hash.includes("convenience-store"));
  assert.match(await page.locator("table.charges").textContent(), /コンビニ/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("only the fields that matter are shown", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(srv.url);
  await settled(page);
  await field(page, "current.switchDate").waitFor({ state: "hidden" });
  await page.getByLabel("退会の申し込み方法").selectOption("provider-switch");
  await field(page, "current.switchDate").waitFor({ state: "visible" });
  await field(page, "current.removal").waitFor({ state: "hidden" });
  await page.getByLabel("退会の申し込み方法").selectOption("phone");
  // Cedyna and USEN are for corporate customers only.
  const cedyna = page.locator('[data-path="current.payment"] option[value="cedyna"]');
  assert.equal(await cedyna.evaluate((o) => o.hidden), true);
  await page.getByLabel("法人").check();
  await page.waitForFunction(() => !document.querySelector('[data-path="current.payment"] option[value="cedyna"]').hidden);
  // Campaign fields only with a destination, the ISP only with a campaign.
  await field(page, "destination.isp").waitFor({ state: "hidden" });
  await page.getByLabel("auひかりに乗り換える").check();
  await field(page, "destination.isp").waitFor({ state: "visible" });
  await page.getByLabel("キャンペーン", { exact: true }).selectOption("none");
  await field(page, "destination.isp").waitFor({ state: "hidden" });
  await page.waitForFunction(() => location.hash.includes(encodeURIComponent(`"campaign":"none"`)));
  assert.equal(hashInput(page.url()).destination.isp, undefined, "a hidden field is not part of the input");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad date in a share link shows the core's error next to its field", async () => {
  const { context, page, problems } = await fresh();
  const c = readCase("10-invalid-date-is-reported.json");
  await page.goto(linkFor(srv.url, c.input));
  await page.getByTestId("errors").waitFor();
  const err = field(page, "current.serviceStart").locator(".err");
  assert.equal(await err.isVisible(), true);
  const message = core.calculate(c.input).errors.find((e) => e.field === "current.serviceStart").message;
  assert.ok(message.includes(await err.textContent()), `${await err.textContent()} ⊂ ${message}`);
  assert.equal(await page.getByLabel("利用開始日").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByTestId("errors").locator('li[data-field="current.serviceStart"][data-code="invalid-date"]').count(), 1);
  assert.equal(await page.getByTestId("net-total").count(), 0, "no stale result beside an error");
  // The impossible date stays visible, to be corrected in place.
  const box = page.getByLabel("利用開始日");
  assert.equal(await box.inputValue(), "2019-02-30");
  await box.fill("2019-02-28");
  await page.getByTestId("net-total").waitFor();
  assert.equal(await err.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a date typed out of range shows its error next to the field, and fixing it clears it", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(linkFor(srv.url, readCase("03-fee-outside-window-bank-debit.json").input));
  await settled(page);
  const date = page.getByLabel("退会を申し込む日");
  await date.fill("1999-09-10");
  const err = field(page, "applicationDate").locator(".err");
  await err.waitFor();
  assert.match(await err.textContent(), /1999/);
  assert.equal(await date.getAttribute("aria-invalid"), "true");
  await page.getByTestId("errors").waitFor();
  await date.fill("2026-09-10");
  await page.getByTestId("net-total").waitFor();
  assert.equal(await err.isVisible(), false);
  assert.equal(await date.getAttribute("aria-invalid"), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the English switch turns the labels and the core's messages into English", async () => {
  const { context, page, problems } = await fresh();
  const input = readCase("16-actions-for-a-switch-to-au-hikari.json").input;
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Day you apply to leave").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.equal(hashInput(page.url()).lang, "en");
  assert.equal(await page.getByTestId("exit-month").textContent(), "2019-03");
  const en = core.calculate({ ...input, lang: "en" });
  assert.equal(await page.locator(".warn p").first().textContent(), "⚠" + en.warnings[0].message);
  assert.equal(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the last input comes back from localStorage, and the reset button clears it", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(srv.url);
  await settled(page);
  await page.getByLabel("毎月の利用料金").fill("4321");
  await page.waitForFunction(() => location.hash.includes("4321"));
  await page.goto(srv.url); // no hash: the stored input
  await settled(page);
  assert.equal(await page.getByLabel("毎月の利用料金").inputValue(), "4321");
  assert.ok(page.url().includes("4321"), "the restored input is in the address again");
  await page.getByRole("button", { name: "最初から" }).click();
  await page.waitForFunction(() => !location.hash.includes("4321"));
  assert.equal(await page.getByLabel("毎月の利用料金").inputValue(), "");
  assert.equal(await page.getByLabel("退会を申し込む日").inputValue(), today());
  assert.deepEqual(problems, []);
  await context.close();
});

test("the copy-link button puts the share link on the clipboard", async () => {
  const { context, page, problems } = await fresh();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(srv.url).origin });
  await page.goto(linkFor(srv.url, readCase("08-au-home-start-support.json").input));
  await settled(page);
  await page.getByRole("button", { name: "リンクをコピー" }).click();
  await page.getByRole("status").filter({ hasText: "コピーしました" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.deepEqual(problems, []);
  await context.close();
});

test("the cheapest exit month is marked, with a one-line recommendation", async () => {
  const { context, page, problems } = await fresh();
  const c = readCase("11-compare-exit-months-waits-for-renewal.json");
  await page.goto(linkFor(srv.url, c.input));
  await settled(page);
  assert.match(await page.getByTestId("recommendation").textContent(), /2020年3月/);
  await page.getByText("すべての月を表で見る").click();
  assert.match(await page.locator("table.cmp tr.best").textContent(), /2020年3月.*20,000/);
  assert.equal(await page.locator(".blk-compare svg .marked").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every figure has its 根拠 (rule and explanation) one click away", async () => {
  const { context, page, problems } = await fresh();
  const input = readCase("03-fee-outside-window-bank-debit.json").input;
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  const row = page.locator('table.charges tr[data-kind="cancellation-fee"]');
  await row.locator("summary").click();
  const text = core.calculate(input).explanations.find((e) => e.rule === "SN-7").text;
  assert.ok((await row.locator("details").textContent()).includes(text));
  const without = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].filter((e) => !e.querySelector("details.why")).map((e) => e.textContent), sel);
  for (const sel of ["table.charges tbody tr", "table.refunds tbody tr", ".timeline > li", ".warn", ".headline"]) assert.deepEqual(await without(sel), [], sel);
  // A step whose rule the core does not explain has no 根拠 (an empty one would say nothing).
  const explained = new Set(core.calculate(input).explanations.map((e) => e.rule));
  const steps = core.calculate(input).actions.filter((a) => [a.rule].flat().some((r) => explained.has(r))).map((a) => a.kind);
  assert.deepEqual(await page.locator(".todo > li:has(details.why)").evaluateAll((lis) => lis.map((li) => li.dataset.kind)), steps);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds nothing serious or critical (result, English, errors, desktop)", async () => {
  const rich = readCase("16-actions-for-a-switch-to-au-hikari.json").input;
  const views = [
    [390, rich],
    [1280, { ...rich, lang: "en" }],
    [390, readCase("10-invalid-date-is-reported.json").input],
  ];
  for (const [width, input] of views) {
    const { context, page, problems } = await fresh({ viewport: { width, height: 900 } });
    await page.goto(linkFor(srv.url, input));
    await settled(page);
    for (const s of await page.locator("details").all()) await s.evaluate((d) => (d.open = true));
    assert.deepEqual(await seriousAxeFindings(page), [], `${width}px ${input.lang || "ja"}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${width}px: nothing wider than the screen`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the print view fits the result on one or two A4 pages", async () => {
  const { context, page, problems } = await fresh({ viewport: { width: 1280, height: 900 } });
  await page.goto(linkFor(srv.url, { ...readCase("16-actions-for-a-switch-to-au-hikari.json").input, current: { ...readCase("16-actions-for-a-switch-to-au-hikari.json").input.current, payment: "bank-debit" } }));
  await settled(page);
  const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".nk-form").isVisible(), false, "the form is not printed");
  assert.equal(await page.getByTestId("net-total").isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test("CSP: strict policy, no inline code, no violations at run time", async () => {
  const html = readFileSync(join(WWW, "index.html"), "utf8");
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, "index.html sets a CSP");
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i, "no inline style or handler");
  for (const f of readdirSync(WWW).filter((f) => f.endsWith(".js"))) {
    const src = readFileSync(join(WWW, f), "utf8");
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|\.style\.|setAttribute\("style"/, f);
  }
  const { context, page, problems } = await fresh();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(linkFor(srv.url, readCase("09-au-mansion-cash-and-monthly.json").input));
  await settled(page);
  for (const s of await page.locator("details").all()) await s.evaluate((d) => (d.open = true));
  await page.getByRole("button", { name: "English" }).click();
  await page.getByTestId("net-total").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("user text never becomes markup", async () => {
  const { context, page, problems } = await fresh();
  const evil = "<img src=x onerror=alert(1)>";
  await page.goto(linkFor(srv.url, { applicationDate: evil, current: { provider: evil, serviceStart: "2017-01-01", payment: evil } }));
  await page.getByTestId("errors").waitFor();
  assert.equal(await page.locator(".nk img").count(), 0);
  assert.ok((await page.getByTestId("errors").textContent()).length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("size and speed: everything the page loads, gzip, and the time to the first result", async (t) => {
  const { context, page, problems } = await fresh({ serviceWorkers: "block" });
  const loaded = [];
  page.on("response", async (r) => loaded.push(r));
  await page.goto(linkFor(srv.url, readCase("16-actions-for-a-switch-to-au-hikari.json").input));
  await settled(page);
  const firstResult = await page.evaluate(() => performance.getEntriesByName("norikae:first-result")[0]?.startTime);
  await page.waitForLoadState("networkidle");
  let own = 0, pkg = 0;
  const rows = [];
  for (const r of loaded) {
    const body = await r.body();
    const gz = gzipSync(body, { level: 9 }).length;
    const path = new URL(r.url()).pathname;
    rows.push(`${path} ${gz}`);
    if (path.startsWith("/pkg/")) pkg += gz;
    else own += gz;
  }
  // The worker and the manifest are fetched by the browser on its own (blocked here).
  for (const f of ["sw.js", "manifest.webmanifest"]) {
    const gz = gzipSync(readFileSync(join(WWW, f)), { level: 9 }).length;
    rows.push(`/${f} ${gz}`);
    own += gz;
  }
  t.diagnostic(`gzip bytes: ${rows.join(", ")}; page ${own}, core ${pkg}, total ${own + pkg}`);
  t.diagnostic(`navigation to first result: ${Math.round(firstResult)} ms`);
  // Issue 12 split ui.js (1,329 lines) into ui, input, form, result, todo and dom.js, and
  // moved i18n.js's formatters to dom.js: the same code, +4,589 B gzip (39,874 → 44,463 by
  // this test), because each module is compressed on its own and starts with a header
  // comment. Both guards moved by 4,600, keeping the room they had before. codes.js (the
  // codes and defaults the build writes from the core's tables, 662 B) moved this one to
  // 45,600; a bundle for dist/ (issues 14, 15) is where the split's cost comes back.
  assert.ok(own <= 45_600, `the page's own files: ${own} bytes gzip`);
  // A guard against growth, not the target: issue 15 owns bringing the first visit back to
  // 110,000 (make bench keeps that budget). Issue 11 made every sentence true for the
  // reader's scenario — plain-language messages in both languages in the wasm (+8.6 KB) and
  // the page's link errors, glossary hooks, folded notes and print inputs (+8 KB) — which
  // left the first visit at about 122,000; this guard leaves room for ordinary work.
  assert.ok(own + pkg <= 129_600, `everything the page loads: ${own + pkg} bytes gzip (guard 129,600; target 110,000 in make bench)`);
  assert.ok(firstResult < 5000, `first result after ${firstResult} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: the language switch, a field and a 根拠 work, with a visible focus ring", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(linkFor(srv.url, readCase("03-fee-outside-window-bank-debit.json").input));
  await settled(page);
  // Tab from the top reaches the language buttons first.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "English");
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid");
  await page.keyboard.press("Enter");
  await page.getByLabel("Day you apply to leave").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "English", "focus stays on the switch");
  // A 根拠 opens with the keyboard.
  const summary = page.locator('table.charges tr[data-kind="cancellation-fee"] summary');
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await summary.evaluate((s) => s.parentElement.open), true);
  assert.deepEqual(problems, []);
  await context.close();
});
