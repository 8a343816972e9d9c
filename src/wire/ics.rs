//! Calendar export (RFC 5545): every deadline, payment and refund date and every to-do
//! step of a calculation as all-day events, so a person's calendar reminds them.
//!
//! Hand-written rather than a crate: the subset needed (VEVENT with DATE values, VALARM,
//! TEXT escaping, line folding) is small, and the `icalendar` crate would bring a clock
//! and UUID generation into the wasm. UIDs are stable: a hash of the scenario plus the
//! event's kind and position, so exporting the same scenario twice updates a calendar
//! instead of duplicating it.

use crate::engine::output::Calculation;
use crate::wire::json::Json;
use chrono::NaiveDate;

/// FNV-1a over a canonical form of the input (object keys sorted, `lang` left out).
pub fn scenario_hash(input: &Json) -> u64 {
    fn feed(h: &mut u64, bytes: &[u8]) {
        for b in bytes {
            *h ^= u64::from(*b);
            *h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn walk(h: &mut u64, v: &Json, top: bool) {
        match v {
            Json::Null => feed(h, b"n"),
            Json::Bool(b) => feed(h, if *b { b"t" } else { b"f" }),
            Json::Num(n) => feed(h, &n.to_bits().to_le_bytes()),
            Json::Str(s) => {
                feed(h, b"\"");
                feed(h, s.as_bytes());
            }
            Json::Arr(a) => {
                feed(h, b"[");
                a.iter().for_each(|x| walk(h, x, false));
            }
            Json::Obj(kv) => {
                let mut keys: Vec<&(String, Json)> =
                    kv.iter().filter(|(k, _)| !(top && k == "lang")).collect();
                crate::text::sort_by_key(&mut keys, |x| x.0.clone());
                feed(h, b"{");
                for (k, x) in keys {
                    feed(h, k.as_bytes());
                    walk(h, x, false);
                }
            }
            Json::TooBig => feed(h, b"?"),
        }
    }
    let mut h = 0xcbf2_9ce4_8422_2325;
    walk(&mut h, input, true);
    h
}

/// The text up to its first full stop (。 or ". "), for an event's summary.
fn first_sentence(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(i, c)| *c == '。' || (*c == '.' && s.get(i + 1..i + 2).map_or(true, |n| n == " ")))
        .map(|(i, _)| i);
    end.and_then(|i| s.get(..i)).unwrap_or(s)
}

/// RFC 5545 §3.3.11 TEXT escaping.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + space, never
/// splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn date(d: NaiveDate) -> String {
    // By hand: chrono's strftime machinery costs kilobytes of wasm for one pattern.
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

struct Event {
    kind: String,
    day: NaiveDate,
    summary: String,
    description: String,
    alarm: bool,
}

/// The calendar for a calculation. `now` is the DTSTAMP (`YYYYMMDDTHHMMSSZ`), given by
/// the caller because the core has no clock.
pub fn calendar(c: &Calculation, hash: u64, now: &str, ja: bool) -> (String, usize) {
    let mut ev: Vec<Event> = Vec::new();
    let t = |j: &str, e: &str| if ja { j.to_string() } else { e.to_string() };
    for a in &c.actions {
        let day = a.date.or(a.by).or(a.from);
        let Some(day) = day else { continue };
        let mut d = a.text.clone();
        if let (Some(f), Some(_)) = (a.from, a.by) {
            d.push_str(&format!("\n{}{}", t("開始: ", "From: "), f));
        }
        if let Some(k) = &a.contact {
            d.push_str(&format!("\n{}{}", t("連絡先: ", "Contact: "), k.name));
            for x in [&k.phone, &k.menu, &k.hours, &k.closed].into_iter().flatten() {
                d.push_str(&format!(" / {x}"));
            }
        }
        d.push_str(&format!("\n{}{}", t("根拠: ", "Rule: "), a.rule));
        let summary = format!("{} {}", t("【やること】", "[To do]"), first_sentence(&a.text));
        ev.push(Event {
            kind: a.kind.to_string(),
            day,
            summary,
            description: d,
            alarm: a.date.is_none() && a.by.is_some(),
        });
    }
    for dl in &c.deadlines {
        ev.push(Event {
            kind: dl.kind.to_string(),
            day: dl.date,
            summary: format!("{} {}", t("【期限】", "[Deadline]"), dl.label),
            description: format!("{}{}", t("根拠: ", "Rule: "), dl.rule),
            alarm: true,
        });
    }
    for ch in &c.charges {
        if let Some(due) = ch.due {
            ev.push(Event {
                kind: format!("due-{}-{}", ch.kind, ch.month),
                day: due,
                summary: format!(
                    "{} {} {}{}",
                    t("【支払】", "[Payment]"),
                    ch.name,
                    crate::text::yen(ch.amount),
                    t("円", " yen")
                ),
                description: format!("{}{}", t("根拠: ", "Rule: "), "SN-12"),
                alarm: false,
            });
        }
    }
    for r in &c.refunds {
        if let Some(e) = r.earliest {
            ev.push(Event {
                kind: format!("refund-{}", r.kind),
                day: e,
                summary: format!(
                    "{} {} {}{}",
                    t("【入金】", "[Refund]"),
                    r.label,
                    crate::text::yen(r.amount),
                    t("円", " yen")
                ),
                description: format!("{}{}", t("根拠: ", "Rule: "), r.rule),
                alarm: false,
            });
        }
    }
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//norikae//calculator//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(l, &mut out);
    }
    fold(
        &format!(
            "X-WR-CALNAME:{}",
            escape(&t("乗り換えの予定 (norikae)", "Switching plan (norikae)"))
        ),
        &mut out,
    );
    for (i, e) in ev.iter().enumerate() {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}-{i}-{:016x}@norikae", e.kind, hash), &mut out);
        fold(&format!("DTSTAMP:{now}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", date(e.day)), &mut out);
        if let Some(next) = e.day.succ_opt() {
            fold(&format!("DTEND;VALUE=DATE:{}", date(next)), &mut out);
        }
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        fold(&format!("DESCRIPTION:{}", escape(&e.description)), &mut out);
        fold("TRANSP:TRANSPARENT", &mut out);
        if e.alarm {
            fold("BEGIN:VALARM", &mut out);
            fold("ACTION:DISPLAY", &mut out);
            fold(&format!("DESCRIPTION:{}", escape(&e.summary)), &mut out);
            fold("TRIGGER:-P3D", &mut out);
            fold("END:VALARM", &mut out);
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    (out, ev.len())
}

/// A DTSTAMP must look like `20261125T093000Z`.
pub fn valid_stamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b.iter().enumerate().all(|(i, c)| i == 8 || i == 15 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "乗り換え".repeat(20)), &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "乗り換え".repeat(20)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn the_hash_ignores_key_order_and_lang() {
        let a = Json::Obj(vec![
            ("x".into(), Json::Num(1.0)),
            ("y".into(), Json::Str("z".into())),
            ("lang".into(), Json::Str("en".into())),
        ]);
        let b = Json::Obj(vec![("y".into(), Json::Str("z".into())), ("x".into(), Json::Num(1.0))]);
        assert_eq!(scenario_hash(&a), scenario_hash(&b));
        let c = Json::Obj(vec![("y".into(), Json::Str("z".into())), ("x".into(), Json::Num(2.0))]);
        assert_ne!(scenario_hash(&a), scenario_hash(&c));
    }

    #[test]
    fn stamps_are_checked() {
        assert!(valid_stamp("20261125T093000Z"));
        assert!(!valid_stamp("2026-11-25T09:30:00Z"));
    }
}
