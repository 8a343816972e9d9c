// Dates and amounts as text: fmtDate, the pattern that finds such a date in a text
// (DATE_RE) and fmtYen; day arithmetic on "YYYY-MM-DD" texts. Not here: the page's words
// (i18n.js).

/**
 * "2026-09" → "2026年9月" / "2026-09"; "2026-09-10" → "2026年9月10日" / "2026-09-10".
 * English keeps the ISO form, the one the core's English messages use, so every date on
 * the page reads the same way.
 */
export function fmtDate(s, lang) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s || "");
  if (!m) return String(s ?? "");
  const [, y, mo, d] = m;
  if (lang === "en") return d ? `${y}-${mo}-${d}` : `${y}-${mo}`;
  return d ? `${y}年${+mo}月${+d}日` : `${y}年${+mo}月`;
}

/** A date as fmtDate writes it, to keep it on one line (see nowrapDates in ui.js). */
export const DATE_RE = /(?<!\d)\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?<![\d-])\d{4}-\d{2}(?:-\d{2})?(?![\d-])/;

/** Whole yen with thousands separators; a minus sign for negative amounts. */
const NF = Intl.NumberFormat("en-US").format;
export function fmtYen(n) {
  if (typeof n !== "number" || !Number.isFinite(n)) return "—";
  return (n < 0 ? "-" : "") + NF(Math.abs(n));
}

// -- days --

const pad = (n) => String(n).padStart(2, "0");
const isoDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Whether a date input can hold s (the browser empties it otherwise). A format check only. */
export function holdable(t, s) {
  if (t === "month") return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && new Date(Date.UTC(+m[1], m[2] - 1, +m[3])).getUTCDate() === +m[3];
}

/** A real calendar day "YYYY-MM-DD" as a day number (days since 1970-01-01), else null. */
export function dayNumber(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof s === "string" ? s : "");
  return m && holdable("date", s) ? Date.UTC(+m[1], m[2] - 1, +m[3]) / 86_400_000 : null;
}
/** `s` if it is a real calendar day, else today on this device. */
export const dayOr = (s) => (dayNumber(s) !== null ? s : isoDay(new Date()));
