// The page: the calculator in the document, its input kept in the address (#input=…)
// and in localStorage, and a service worker so that it works offline.
import { mount, inputFromHash, hashOf } from "./ui.js";

const KEY = "norikae:input";
const stored = () => {
  try {
    const v = JSON.parse(localStorage.getItem(KEY));
    return v && typeof v === "object" ? v : null;
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

const ui = mount(document.getElementById("app"), {
  input: inputFromHash(location.hash) || stored(),
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
  const input = inputFromHash(location.hash);
  if (input) ui.setInput(input, true);
});

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch(() => {
    /* offline use is a bonus; the page works without it */
  });
}
