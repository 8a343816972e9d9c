// The calendar button: the core's .ics (RFC 5545) downloads from the page and parses.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { serve, launch, openPage, linkFor, readCase, settled, coreInNode } from "./helpers.mjs";

let srv, browser, core;
before(async () => {
  [srv, browser, core] = await Promise.all([serve(), launch(), coreInNode()]);
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const input = readCase("16-actions-for-a-switch-to-au-hikari.json").input;

test("the calendar button downloads an .ics with every deadline, which ical.js parses", async () => {
  assert.equal(typeof core.exportCalendar, "function", "the core exports exportCalendar");
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, problems } = await openPage(context);
  await page.goto(linkFor(srv.url, input));
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /カレンダー/ }).click()]);
  assert.match(download.suggestedFilename(), /\.ics$/);
  const text = readFileSync(await download.path(), "utf8");

  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\n"), "starts with BEGIN:VCALENDAR and CRLF");
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);

  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents("vevent");
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.ok(e.getFirstPropertyValue("uid"), "UID");
    assert.ok(e.getFirstPropertyValue("dtstamp"), "DTSTAMP");
    assert.equal(e.getFirstPropertyValue("dtstart").isDate, true, "all-day");
  }
  const days = new Set(events.map((e) => e.getFirstPropertyValue("dtstart").toString()));
  for (const d of core.calculate(input).deadlines) assert.ok(days.has(d.date), `${d.kind} ${d.date} is in the calendar`);
  assert.deepEqual(problems, []);
  await context.close();
});
