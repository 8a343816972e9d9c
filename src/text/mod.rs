//! Words for people: the language of every message (`lang` in the input; Japanese first,
//! English available), Japanese dates and spacing, yen with thousands separators, and
//! small string helpers written without `core::fmt` (wasm size).
//!
//! Holds no rule and no provider fact: texts take their figures from the engine and their
//! provider words from [`crate::rules`].

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The Japanese or the English text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Like [`Lang::pick`], for formatted text (Japanese gets Japanese dates).
    pub fn say(self, ja: String, en: String) -> String {
        match self {
            Lang::Ja => ja_dates(&ja),
            Lang::En => en,
        }
    }

    /// Text already in this language, with Japanese dates when Japanese.
    pub fn dates(self, text: &str) -> String {
        match self {
            Lang::Ja => ja_dates(text),
            Lang::En => text.to_string(),
        }
    }

    /// Like [`Lang::pick`], for stored text that may hold dates.
    pub fn text(self, ja: &str, en: &str) -> String {
        match self {
            Lang::Ja => ja_dates(ja),
            Lang::En => en.to_string(),
        }
    }
}

/// Appends `n` in decimal, zero-padded to `width` digits. No `core::fmt`: messages and
/// answers write thousands of digits, and the formatter's padding path is slow in wasm.
pub fn push_num(out: &mut String, n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len().saturating_sub(width));
    // ASCII digits, pushed as chars: no UTF-8 check (`str::from_utf8` would add one).
    for &c in buf.get(start..).unwrap_or(&[]) {
        out.push(char::from(c));
    }
}

/// Appends `YYYY-MM-DD`, or `YYYY-MM` without a day (years 0–9999).
pub fn push_ymd(out: &mut String, y: i32, m: u32, d: Option<u32>) {
    push_num(out, y.clamp(0, 9999) as u64, 4);
    out.push('-');
    push_num(out, u64::from(m), 2);
    if let Some(d) = d {
        out.push('-');
        push_num(out, u64::from(d), 2);
    }
}

/// Appends `1234567` as `1,234,567`.
pub fn push_yen(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let v = n.unsigned_abs();
    let mut groups = [0u16; 7];
    let mut k = 0;
    let mut rest = v;
    while rest >= 1000 && k < groups.len() {
        groups[k] = (rest % 1000) as u16;
        rest /= 1000;
        k += 1;
    }
    push_num(out, rest, 1);
    for g in groups.iter().take(k).rev() {
        out.push(',');
        push_num(out, u64::from(*g), 3);
    }
}

/// `1234567` → `1,234,567`.
pub fn yen(n: i64) -> String {
    let mut out = String::with_capacity(16);
    push_yen(&mut out, n);
    out
}

/// The value of a run of 1–9 ASCII digits (`"0042"` → 42); `None` for anything else.
/// Smaller in the wasm than `str::parse`, which also takes signs and reports why it failed.
pub fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0u32, |v, c| c.is_ascii_digit().then(|| v * 10 + u32::from(c - b'0')))
}

/// The number of characters (Unicode scalar values) in `s`: its bytes that do not
/// continue a UTF-8 sequence. (`chars().count()` brings a larger counting routine.)
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// `a, b, c`: the items with `sep` between them. `[&str]::join` does the same through a
/// generic copy routine whose length checks bring panic messages into the wasm.
pub fn join(items: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(x);
    }
    out
}

/// A stable insertion sort for the short lists of a result (actions, timeline,
/// explanations: tens of items). The standard library's sort is instantiated per element
/// type at about 4 KB of wasm each; this is a few hundred bytes.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Japanese text shows dates as 2019年3月12日 and months as 2019年3月: rewrites every
/// `YYYY-MM-DD` / `YYYY-MM` (years 2000–2199, real month numbers) in `s`. Phone numbers
/// such as 0120-80-7761 and days that do not exist (2026-02-30) are left alone. Then
/// [`ja_spacing`]: the messages put spaces around dates and amounts for English, and
/// Japanese has none.
pub fn ja_dates(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone()).is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(digits_value).unwrap_or(0);
    let mut last = 0;
    while i + 7 <= b.len() {
        // Jump to the next '2' (every year here starts with 20 or 21).
        match b.get(i..).and_then(|r| r.iter().position(|&c| c == b'2')) {
            Some(off) => i += off,
            None => break,
        }
        if i + 7 > b.len() {
            break;
        }
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if boundary
            && (b[i] == b'2')
            && (b[i + 1] == b'0' || b[i + 1] == b'1')
            && digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
        {
            let (y, m) = (num(i..i + 4), num(i + 5..i + 7));
            if (1..=12).contains(&m) {
                let has_day = b.get(i + 7) == Some(&b'-')
                    && digits(i + 8..i + 10)
                    && !b.get(i + 10).is_some_and(u8::is_ascii_digit)
                    && chrono::NaiveDate::from_ymd_opt(y as i32, m, num(i + 8..i + 10)).is_some();
                let month_only = !b.get(i + 7).is_some_and(|c| c.is_ascii_digit() || *c == b'-');
                if has_day || month_only {
                    out.push_str(s.get(last..i).unwrap_or(""));
                    push_num(&mut out, u64::from(y), 1);
                    out.push('年');
                    push_num(&mut out, u64::from(m), 1);
                    out.push('月');
                    if has_day {
                        push_num(&mut out, u64::from(num(i + 8..i + 10)), 1);
                        out.push('日');
                        i += 10;
                    } else {
                        i += 7;
                    }
                    last = i;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.push_str(s.get(last..).unwrap_or(""));
    ja_spacing(&out)
}

/// Kana, kanji and full-width forms: the characters Japanese sets without spaces.
fn cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Drops a space between Japanese and Japanese or a digit ("契約解除料 10,000円 安く" →
/// "契約解除料10,000円安く"); spaces next to Latin words ("au WALLET") and symbols stay.
pub fn ja_spacing(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == ' ' {
            if let (Some(p), Some(&n)) = (prev, it.peek()) {
                if (cjk(p) && (cjk(n) || n.is_ascii_digit())) || (p.is_ascii_digit() && cjk(n)) {
                    continue;
                }
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_text_shows_japanese_dates() {
        assert_eq!(ja_dates("2019-03-12 から 2019-03 末まで"), "2019年3月12日から2019年3月末まで");
        assert_eq!(ja_dates("0120-80-7761 と 2026-11"), "0120-80-7761と2026年11月");
        assert_eq!(ja_dates("2026-02-30 はありません"), "2026-02-30はありません");
        assert_eq!(
            ja_dates("契約解除料 10,000円 安く、3 → 2 → 3"),
            "契約解除料10,000円安く、3 → 2 → 3"
        );
        assert_eq!(ja_dates("申込日 2027-01-10 には"), "申込日2027年1月10日には");
        assert_eq!(ja_dates("au WALLET 2027-01 x"), "au WALLET 2027年1月 x");
        assert_eq!(ja_dates("x2019-03-12"), "x2019年3月12日");
        assert_eq!(ja_dates("12019-03 2019-13 2019-03-123"), "12019-03 2019-13 2019-03-123");
        assert_eq!(ja_dates("（2020-02-29）"), "（2020年2月29日）");
    }

    #[test]
    fn numbers_and_yen_without_the_formatter() {
        let mut s = String::new();
        push_num(&mut s, 7, 4);
        push_num(&mut s, 2019, 2);
        push_num(&mut s, 0, 1);
        push_num(&mut s, u64::MAX, 1);
        assert_eq!(s, format!("00072019{}{}", 0, u64::MAX));
        for (n, t) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (-20000, "-20,000"),
            (1_234_567, "1,234,567"),
            (10_000_000, "10,000,000"),
            (1_000_001, "1,000,001"),
        ] {
            assert_eq!(yen(n), t);
        }
        assert_eq!(join(&["a", "b", "c"], " | "), "a | b | c");
        for (t, v) in [
            ("0", Some(0)),
            ("0042", Some(42)),
            ("2100", Some(2100)),
            ("999999999", Some(999_999_999)),
            ("", None),
            ("+1", None),
            ("-1", None),
            ("1a", None),
            ("1234567890", None),
            ("１", None),
        ] {
            assert_eq!(digits_value(t), v, "{t}");
        }
        for t in ["", "abc", "乗り換え", "é", "🙂x", "a\u{0}b"] {
            assert_eq!(char_count(t), t.chars().count(), "{t}");
        }
        assert_eq!(join(&[], ", "), "");
        assert_eq!(yen(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(yen(i64::MAX), "9,223,372,036,854,775,807");
    }

    #[test]
    fn sort_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
