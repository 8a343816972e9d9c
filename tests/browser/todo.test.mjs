// The to-do list (issue 7, CONTRACT "actions"): a share link for a switch to auひかり
// that keeps the phone number shows every step in CONTRACT order with its dates, the
// days left against an injected today (?today=), contacts as tel: links, ticks that
// survive a reload (per scenario, capped), overdue steps marked in words and colour,
// the .ics with one event per action and per dated item, and no axe findings.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { serve, launch, openPage, linkFor, settled, coreInNode, seriousAxeFindings } from "./helpers.mjs";

let srv, browser, core;
before(async () => {
  [srv, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const input = {
  applicationDate: "2019-03-12",
  current: { provider: "so-net-hikari-plus", serviceStart: "2017-06-05", channel: "phone", monthlyFee: 5000, phone: { keepNumber: true } },
  destination: { isp: "biglobe", startDate: "2019-03-20", sourceExcluded: false },
};
const other = { ...input, current: { ...input.current, monthlyFee: 6000 } };

// What the core returns for `input` (checked against calculate below), and what the
// page shows for it in Japanese on 2019-03-20.
const STEPS = [
  ["apply-exit", { date: "2019-03-12", by: "2019-03-31" }, "2019年3月12日（2019年3月31日まで）", "あと11日"],
  ["tell-keep-number", { date: "2019-03-12", by: "2019-03-31" }, "2019年3月12日（2019年3月31日まで）", "あと11日"],
  ["analog-return", { from: "2019-03-12", by: "2019-05-26" }, "2019年3月12日から2019年5月26日まで", "あと67日"],
  ["register-contact-email", { by: "2019-03-31" }, "2019年3月31日まで", "あと11日"],
  ["uninstall-security-software", { by: "2019-03-31" }, "2019年3月31日まで", "あと11日"],
  ["print-statement", { from: "2019-05-01", by: "2019-09-30" }, "2019年5月1日から2019年9月30日まで", "あと194日（42日後から）"],
  ["get-au-pay-card", { by: "2019-05-01" }, "2019年5月1日まで", "あと42日"],
  ["mail-au-application", { from: "2019-05-01", by: "2019-10-20" }, "2019年5月1日から2019年10月20日まで", "あと214日（42日後から）"],
  ["drop-option-pack", { from: "2019-06-02" }, "2019年6月2日から", "74日後から"],
  ["keep-login", { by: "2019-09-30" }, "2019年9月30日まで", "あと194日"],
];
// CONTRACT's to-do table, in its order (the tie-break of the list's order).
const TABLE = ["request-switch-number", "apply-exit", "tell-keep-number", "analog-return", "removal-visit", "register-contact-email",
  "uninstall-security-software", "pay-slip", "print-statement", "keep-login", "get-au-pay-card", "mail-au-application", "claim-money-order", "drop-option-pack"];

const at = (today, inp = input) => linkFor(`${srv.url}?today=${today}`, inp);
const steps = (page) => page.locator('[data-testid="todo"] > li');

async function fresh(width = 390, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  return { context, ...(await openPage(context)) };
}

/** Each step as the page shows it: kind, state, date text, days text, ticked. */
const shown = (page) => steps(page).evaluateAll((lis) => lis.map((li) => ({
  kind: li.dataset.kind,
  state: li.dataset.state,
  when: li.querySelector(".when .date")?.textContent ?? "",
  rel: li.querySelector(".rel").textContent,
  ticked: li.querySelector("input[type=checkbox]").checked,
})));

test("the core's actions for this link are the expected steps and dates", () => {
  const res = core.calculate(input);
  assert.equal(res.ok, true);
  assert.deepEqual(res.actions.map((a) => [a.kind, { date: a.date ?? undefined, from: a.from ?? undefined, by: a.by ?? undefined }]),
    STEPS.map(([k, d]) => [k, { date: d.date, from: d.from, by: d.by }]));
});

test("a share link shows the steps under the headline, in CONTRACT order, with dates and days left against today", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(at("2019-03-20"));
  await settled(page);
  // Right under the headline.
  assert.equal(await page.locator(".nk-result .headline + .blk-actions").count(), 1);
  assert.equal(await page.locator(".blk-actions h3").textContent(), "やることリスト");
  const got = await shown(page);
  assert.deepEqual(got.map((s) => s.kind), STEPS.map(([k]) => k));
  // CONTRACT order: by the first of date, from, by; on a tie, the table's order.
  const first = (d) => d.date || d.from || d.by;
  for (let i = 1; i < STEPS.length; i++) {
    const [a, b] = [STEPS[i - 1], STEPS[i]];
    assert.ok(first(a[1]) < first(b[1]) || (first(a[1]) === first(b[1]) && TABLE.indexOf(a[0]) < TABLE.indexOf(b[0])), `${a[0]} before ${b[0]}`);
  }
  assert.deepEqual(got.map((s) => [s.kind, s.when, s.rel]), STEPS.map(([k, , when, rel]) => [k, when, rel]));
  assert.match(await page.locator(".todo-today").textContent(), /2019年3月20日/);
  assert.equal(await page.locator(".todo-progress").textContent(), "10件中0件完了");
  // The contact: a tel: link, with the menu (and hours where the rules give them).
  const exit = steps(page).first();
  assert.equal(await exit.getByRole("link", { name: "0120-80-7761" }).getAttribute("href"), "tel:0120807761");
  assert.match(await exit.locator(".contact").textContent(), /3 → 2 → 3/);
  assert.equal(await steps(page).nth(2).getByRole("link").getAttribute("href"), "tel:0120116116");
  // Each step's words are the core's, as the label of its checkbox.
  const res = core.calculate(input);
  for (const [i, a] of res.actions.entries()) assert.equal(await steps(page).nth(i).getByRole("checkbox", { name: a.text, exact: true }).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("days left: 今日 on the day, overdue after it, and English under the language switch", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(at("2019-03-31"));
  await settled(page);
  let got = await shown(page);
  assert.equal(got[0].rel, "今日");
  assert.equal(got[0].state, "today");
  assert.equal(got[1].rel, "今日");
  await page.goto(at("2019-04-01"));
  await settled(page);
  got = await shown(page);
  assert.equal(got[0].rel, "⚠ 1日過ぎています");
  assert.equal(got[0].state, "overdue");
  await page.goto(at("2019-06-10", { ...input, lang: "en" }));
  await settled(page);
  got = await shown(page);
  assert.equal(await page.locator(".blk-actions h3").textContent(), "To do");
  assert.equal(got[0].when, "2019-03-12 (by 2019-03-31)");
  assert.equal(got[0].rel, "⚠ 71 days overdue");
  assert.equal(got[2].when, "from 2019-03-12, by 2019-05-26");
  assert.equal(got[5].rel, "in 112 days");
  assert.equal(got[8].rel, "can be done now");
  assert.equal(got[9].when, "by 2019-09-30");
  await page.goto(at("2019-05-31", { ...input, lang: "en" }));
  await settled(page);
  got = await shown(page);
  assert.equal(got[8].rel, "starts in 2 days");
  assert.equal(got[7].rel, "in 142 days");
  assert.match(await page.locator(".todo-progress").textContent(), /^0 of 10 done$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("ticks survive a reload and a language switch; another scenario starts clean", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(at("2019-03-20"));
  await settled(page);
  // Keyboard: focus the second step's checkbox and press Space.
  await steps(page).nth(1).getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await steps(page).nth(5).getByText(core.calculate(input).actions[5].text).click(); // its label
  let got = await shown(page);
  assert.deepEqual(got.map((s) => s.ticked), [false, true, false, false, false, true, false, false, false, false]);
  assert.equal(got[1].state, "done");
  assert.equal(got[1].rel, "✓ 完了");
  assert.equal(await page.locator(".todo-progress").textContent(), "10件中2件完了");

  await page.reload();
  await settled(page);
  got = await shown(page);
  assert.deepEqual(got.map((s) => s.ticked), [false, true, false, false, false, true, false, false, false, false], "after a reload");

  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Day you apply to leave").waitFor();
  got = await shown(page);
  assert.equal(got[1].ticked && got[5].ticked, true, "the same scenario in English");
  assert.equal(got[1].rel, "✓ Done");

  await page.goto("about:blank");
  await page.goto(at("2019-03-20", other));
  await settled(page);
  got = await shown(page);
  assert.deepEqual(got.map((s) => s.ticked), Array(10).fill(false), "another scenario starts unticked");

  // The first link again, opened afresh: its ticks are back; unticking one is kept too.
  await page.goto("about:blank");
  await page.goto(at("2019-03-20"));
  await settled(page);
  await steps(page).nth(5).getByRole("checkbox").uncheck();
  await page.reload();
  await settled(page);
  got = await shown(page);
  assert.deepEqual(got.map((s) => s.ticked), [false, true, false, false, false, false, false, false, false, false]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("tick storage keeps the 20 most recently ticked scenarios", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(at("2019-03-20"));
  await settled(page);
  await page.evaluate(() => {
    const old = {};
    for (let i = 0; i < 30; i++) old[`old${i}`] = { k: ["apply-exit@2019-03-12"], at: 1000 + i };
    localStorage.setItem("norikae:ticks", JSON.stringify(old));
  });
  await steps(page).first().getByRole("checkbox").check();
  const kept = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("norikae:ticks"))));
  assert.equal(kept.length, 20);
  const scenario = await page.locator('[data-testid="todo"]').getAttribute("data-scenario");
  assert.ok(kept.includes(scenario), "the scenario just ticked is kept");
  assert.ok(!kept.includes("old0") && kept.includes("old29"), "the oldest go first");
  // Storage that is not ours (garbage) does not break the list.
  await page.evaluate(() => localStorage.setItem("norikae:ticks", "[not json"));
  await page.reload();
  await settled(page);
  assert.equal((await shown(page)).length, 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test("overdue steps that are not ticked stand out, with an icon and words, not colour alone", async () => {
  const { context, page, problems } = await fresh();
  await page.goto(at("2019-04-10"));
  await settled(page);
  const overdue = ["apply-exit", "tell-keep-number", "register-contact-email", "uninstall-security-software"];
  let got = await shown(page);
  assert.deepEqual(got.filter((s) => s.state === "overdue").map((s) => s.kind), overdue);
  for (const kind of overdue) {
    const li = page.locator(`[data-testid="todo"] > li[data-kind="${kind}"]`);
    assert.equal(await li.evaluate((e) => e.classList.contains("overdue")), true);
    assert.match(await li.locator(".rel").textContent(), /^⚠ \d+日過ぎています$/);
  }
  // The marker differs from an ordinary step in colour as well as words.
  const bg = (kind) => page.locator(`[data-testid="todo"] > li[data-kind="${kind}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(await bg("apply-exit"), await bg("analog-return"));
  // A ticked step is no longer overdue.
  await page.locator('[data-testid="todo"] > li[data-kind="apply-exit"]').getByRole("checkbox").check();
  got = await shown(page);
  assert.equal(got[0].state, "done");
  assert.equal(await page.locator('[data-testid="todo"] > li.overdue').count(), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the calendar file has one event per action and per deadline, payment and refund date", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, problems } = await openPage(context);
  const inp = { ...input, current: { ...input.current, payment: "bank-debit" } };
  await page.goto(at("2019-03-20", inp));
  await settled(page);
  const button = page.locator(".blk-actions").getByRole("button", { name: "カレンダーに追加" });
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const comp = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), "utf8")));
  const events = comp.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  const res = core.calculate(inp);
  const dated = res.charges.filter((c) => c.due).length + res.refunds.filter((r) => r.earliest).length;
  assert.ok(res.charges.some((c) => c.due), "bank debit gives payment dates");
  assert.equal(events.length, res.actions.length + res.deadlines.length + dated);
  assert.equal(new Set(events.map((e) => e.uid)).size, events.length, "unique UIDs");
  const days = (kind) => events.filter((e) => e.uid.startsWith(`${kind}-`)).map((e) => e.startDate.toString());
  // One event per action: a fixed date on its day, a window on its `by` day (issue 7).
  for (const a of res.actions) assert.ok(days(a.kind).includes(a.date || a.by || a.from), `${a.kind} in the calendar`);
  const all = new Set(events.map((e) => e.startDate.toString()));
  for (const d of res.deadlines) assert.ok(all.has(d.date), `deadline ${d.kind}`);
  for (const c of res.charges.filter((c) => c.due)) assert.ok(all.has(c.due), `payment ${c.kind}`);
  for (const r of res.refunds.filter((r) => r.earliest)) assert.ok(all.has(r.earliest), `refund ${r.kind}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core: nothing serious or critical in the list (overdue, ticked, English, desktop); 10. is not clipped", async () => {
  for (const [width, lang] of [[390, "ja"], [1280, "en"]]) {
    const { context, page, problems } = await fresh(width);
    await page.goto(at("2019-04-10", { ...input, lang }));
    await settled(page);
    await steps(page).nth(2).getByRole("checkbox").check();
    for (const s of await page.locator(".blk-actions details").all()) await s.evaluate((d) => (d.open = true));
    assert.deepEqual(await seriousAxeFindings(page, [[".blk-actions"]]), [], `${width}px ${lang}`);
    // The tenth number is whole and inside the result box (it was clipped to "0.").
    const n = steps(page).nth(9).locator(".n");
    assert.equal(await n.textContent(), "10.");
    const fits = await n.evaluate((e) => {
      const box = e.closest(".nk-result").getBoundingClientRect();
      const r = e.getBoundingClientRect();
      return e.scrollWidth <= e.clientWidth && r.left >= box.left && r.left >= 0;
    });
    assert.ok(fits, `${width}px: "10." fits its column`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${width}px: nothing wider than the screen`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the print view has the list, ticked steps ticked, without the calendar button", async () => {
  const { context, page, problems } = await fresh(1280);
  await page.goto(at("2019-04-10"));
  await settled(page);
  await steps(page).nth(1).getByRole("checkbox").check();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".blk-actions").isVisible(), true);
  assert.equal(await steps(page).count(), 10);
  assert.equal(await steps(page).nth(1).getByRole("checkbox").isChecked(), true);
  assert.equal(await steps(page).nth(1).getByRole("checkbox").isVisible(), true);
  assert.equal(await steps(page).nth(1).locator(".rel").textContent(), "✓ 完了");
  assert.equal(await page.locator(".blk-actions button").isVisible(), false, "the calendar button is not printed");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the embed shows the list and keeps ticks in memory only (the host's storage stays empty)", async () => {
  const attr = JSON.stringify(input).replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  const host = await serve(undefined, { pages: { "index.html": `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
<body><norikae-calculator input='${attr}'></norikae-calculator><script type="module" src="${srv.url}embed.js"></script></body></html>` } });
  try {
    const { context, page, problems } = await fresh(390);
    await page.goto(host.url);
    const calc = page.locator("norikae-calculator");
    await calc.getByTestId("net-total").waitFor();
    const todo = calc.getByTestId("todo");
    assert.deepEqual(await todo.locator("> li").evaluateAll((lis) => lis.map((li) => li.dataset.kind)), STEPS.map(([k]) => k));
    await todo.locator("> li").first().getByRole("checkbox").check();
    // A change elsewhere in the form re-renders the list; the tick stays for this scenario.
    await page.evaluate(() => document.querySelector("norikae-calculator").setAttribute("lang", "en"));
    await calc.getByLabel("Day you apply to leave").waitFor();
    assert.equal(await todo.locator("> li").first().getByRole("checkbox").isChecked(), true);
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await host.close();
  }
});
