// The page: the calculator in the document, its input kept in the address (#input=…)
// and in localStorage, and a service worker so that it works offline.
import { mount, inputFromLink, langOfLink, withDefaults, hashOf } from "./ui.js";

const KEY = "norikae:input";
const stored = () => {
  try {
    const v = JSON.parse(localStorage.getItem(KEY));
    return v && typeof v === "object" && !Array.isArray(v) ? withDefaults(v, undefined, today()) : null;
  } catch {
    return null;
  }
};
// The address always holds the input; storage only what the reader typed (an untouched
// default would otherwise bring back a stale "today" on the next visit).
const keep = (input, typed) => {
  history.replaceState(null, "", hashOf(input));
  if (!typed) return;
  try {
    localStorage.setItem(KEY, JSON.stringify(input));
  } catch {
    /* private browsing: the link still holds the input */
  }
};

// The to-do ticks, per scenario: { [scenarioKey]: { k: [stepKey, …], at: ms } }. Only
// the KEEP most recently ticked scenarios stay; a scenario with no ticks is dropped.
const TICKS = "norikae:ticks";
const KEEP = 20;
const allTicks = () => {
  try {
    const v = JSON.parse(localStorage.getItem(TICKS));
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
};
const ticks = {
  load(id) {
    const k = allTicks()[id]?.k;
    return Array.isArray(k) ? k.filter((x) => typeof x === "string") : [];
  },
  save(id, keys) {
    const all = allTicks();
    delete all[id];
    if (keys.length) all[id] = { k: keys, at: Date.now() };
    const kept = Object.entries(all).sort(([, a], [, b]) => (b?.at || 0) - (a?.at || 0)).slice(0, KEEP);
    try {
      localStorage.setItem(TICKS, JSON.stringify(Object.fromEntries(kept)));
    } catch {
      /* private browsing: ticks last until the page is closed */
    }
  },
};

// "Today" for the to-do list's day counts and the default application date: the
// device's date, or `?today=YYYY-MM-DD` in the address (for tests and for checking
// a plan against another day; the service worker serves the page for any query).
const today = () => new URLSearchParams(location.search).get("today") || undefined;

// The input in the address, over the form's defaults; a link that cannot be read is said
// so (and the address kept as it is until the reader edits or starts from the defaults).
const link = inputFromLink(location.hash, today());

const ui = mount(document.getElementById("app"), {
  input: link ? link.input : stored(),
  lang: langOfLink(location.hash) || undefined,
  linkError: link?.error ? { reason: link.error, source: "link" } : null,
  today,
  ticks,
  reportInitial: true,
  onChange: keep,
  onReset: () => {
    try {
      localStorage.removeItem(KEY);
    } catch {
      /* nothing stored */
    }
  },
  onLang: (lang, t) => {
    document.documentElement.lang = lang;
    document.title = t.title;
  },
});

// A link pasted into the address bar of an open page.
addEventListener("hashchange", () => {
  const r = inputFromLink(location.hash, today());
  if (r?.input) ui.setInput(r.input, true);
  else if (r?.error) ui.linkError({ reason: r.error, source: "link" });
});

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch(() => {
    /* offline use is a bonus; the page works without it */
  });
}
