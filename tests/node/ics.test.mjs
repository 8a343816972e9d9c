// The calendar export parsed by an independent parser (ical.js): one event per action and
// per deadline (plus payment and refund dates), all-day, stable UIDs, alarms on windows.
// Issue 7 / CONTRACT "actions"; RFC 5545.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const mod = await import(new URL("../../www/pkg/norikae.js", import.meta.url));
mod.initSync({ module: readFileSync(new URL("../../www/pkg/norikae_bg.wasm", import.meta.url)) });

const input = {
  applicationDate: "2019-03-12",
  current: { provider: "so-net-hikari-plus", serviceStart: "2017-06-05", channel: "phone", monthlyFee: 5000,
             payment: "bank-debit", phone: { keepNumber: true } },
  destination: { isp: "biglobe", startDate: "2019-03-20", sourceExcluded: false },
};

test("the .ics parses and carries every action and deadline", () => {
  const calc = mod.calculate(input);
  const out = mod.exportCalendar(input, "20261125T093000Z");
  assert.equal(out.ok, true);
  assert.ok(!/[^\r]\n/.test(out.ics), "every line ends with CRLF");
  for (const line of out.ics.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  const comp = new ICAL.Component(ICAL.parse(out.ics));
  const events = comp.getAllSubcomponents("vevent");
  const dated = calc.charges.filter((c) => c.due).length + calc.refunds.filter((r) => r.earliest).length;
  assert.equal(events.length, calc.actions.length + calc.deadlines.length + dated);
  assert.equal(out.events, events.length);
  for (const e of events) {
    const ev = new ICAL.Event(e);
    assert.ok(ev.startDate.isDate, "all-day");
    assert.ok(ev.uid.endsWith("@norikae"));
    assert.equal(e.getFirstPropertyValue("dtstamp").toString(), "2026-11-25T09:30:00Z");
  }
  // The analog-return window is an event on its `by` day with a three-day alarm.
  const analog = events.map((e) => new ICAL.Event(e)).find((ev) => ev.uid.startsWith("analog-return-"));
  const act = calc.actions.find((a) => a.kind === "analog-return");
  assert.ok(analog && act);
  assert.equal(analog.startDate.toString(), act.by);
  assert.match(analog.description, /0120-116-116/);
  assert.match(analog.description, /SN-6/);
  const alarm = analog.component.getFirstSubcomponent("valarm");
  assert.equal(alarm.getFirstPropertyValue("trigger").toString(), "-P3D");
  // Every step with a last day (`by`, no fixed `date`) warns three days ahead, whether or
  // not it has a first day (keep-login has only `by`); so does every deadline. Fixed-date
  // steps, from-only steps, payments and refunds carry no alarm.
  const byOnly = calc.actions.filter((a) => !a.date && a.by && !a.from);
  assert.ok(byOnly.length > 0, "the case has steps with only a last day");
  const alarmed = events.filter((e) => e.getFirstSubcomponent("valarm"));
  assert.equal(alarmed.length, calc.actions.filter((a) => !a.date && a.by).length + calc.deadlines.length);
  for (const e of alarmed) assert.equal(e.getFirstSubcomponent("valarm").getFirstPropertyValue("trigger").toString(), "-P3D");
  for (const a of byOnly) {
    const ev = events.map((e) => new ICAL.Event(e)).find((x) => x.uid.startsWith(`${a.kind}-`));
    assert.ok(ev?.component.getFirstSubcomponent("valarm"), `${a.kind} (by ${a.by}) has an alarm`);
  }
});

test("the same scenario exported twice has the same UIDs, another scenario others", () => {
  const uids = (x) => [...mod.exportCalendar(x, "20261125T093000Z").ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1].trim());
  const a = uids(input);
  assert.deepEqual(uids({ ...input, lang: "en" }), a, "language does not change identity");
  assert.deepEqual(uids(JSON.parse(JSON.stringify(input))), a);
  const other = uids({ ...input, applicationDate: "2019-03-13" });
  assert.equal(other.filter((u) => a.includes(u)).length, 0);
});

test("a bad time stamp or a bad input is an error answer, not an exception", () => {
  assert.equal(mod.exportCalendar(input, "yesterday").ok, false);
  assert.equal(mod.exportCalendar({}, "20261125T093000Z").ok, false);
  assert.equal(mod.exportCalendar(input, undefined).ok, false);
});
