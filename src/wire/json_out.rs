//! Writes the answer as JSON text by hand: one string crosses into JS and `JSON.parse`
//! builds the object. Replaces serde's Serialize derive and serde_json in the wasm
//! (measured: several KB smaller); tests parse this text back with serde_json, so
//! every answer is checked to be valid JSON.

use crate::calendar::Month;
use chrono::{Datelike, NaiveDate};

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    fn to_json(&self) -> String {
        let mut s = String::with_capacity(16 * 1024);
        self.write_json(&mut s);
        s
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        // Only ASCII needs escaping, so unescaped runs (Japanese text included) are
        // copied whole; every cut is at an ASCII byte, so on a character boundary. Most
        // strings have nothing to escape: one scan, one copy.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.reserve(self.len() + 2);
        out.push('"');
        let b = self.as_bytes();
        let mut start = 0;
        while let Some(off) =
            b.get(start..).and_then(|r| r.iter().position(|&c| c < 0x20 || c == b'"' || c == b'\\'))
        {
            let i = start + off;
            out.push_str(self.get(start..i).unwrap_or(""));
            let c = b.get(i).copied().unwrap_or(0);
            match c {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => {
                    out.push_str("\\u00");
                    out.push(HEX[usize::from(c >> 4)] as char);
                    out.push(HEX[usize::from(c & 15)] as char);
                }
            }
            start = i + 1;
        }
        out.push_str(self.get(start..).unwrap_or(""));
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out)
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out)
    }
}

macro_rules! int_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let v = i64::from(*self);
                if v < 0 {
                    out.push('-');
                }
                crate::text::push_num(out, v.unsigned_abs(), 1);
            }
        }
    )*};
}
int_json!(i64, i32, u32);

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        crate::text::push_num(out, *self as u64, 1);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out)
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out)
    }
}

/// `"YYYY-MM-DD"` or `"YYYY-MM"`, quotes included.
fn write_ymd(out: &mut String, y: i32, m: u32, d: Option<u32>) {
    out.push('"');
    crate::text::push_ymd(out, y, m, d);
    out.push('"');
}

impl ToJson for NaiveDate {
    fn write_json(&self, out: &mut String) {
        write_ymd(out, self.year(), self.month(), Some(self.day()));
    }
}

impl ToJson for Month {
    fn write_json(&self, out: &mut String) {
        write_ymd(out, self.year(), self.month(), None);
    }
}

/// Writes one JSON object, field by field.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// A field, always written (`None` as null).
    pub fn f<T: ToJson + ?Sized>(&mut self, key: &str, v: &T) -> &mut Self {
        self.out.push_str(if self.first { "\"" } else { ",\"" });
        self.first = false;
        self.out.push_str(key);
        self.out.push_str("\":");
        v.write_json(self.out);
        self
    }

    /// A field written only when present.
    pub fn opt<T: ToJson>(&mut self, key: &str, v: &Option<T>) -> &mut Self {
        if let Some(v) = v {
            self.f(key, v);
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!("a\"b\\c\nd\u{1}e 乗り換え".to_json(), "\"a\\\"b\\\\c\\nd\\u0001e 乗り換え\"");
        assert_eq!("\t\r\u{1f}\"".to_json(), "\"\\t\\r\\u001f\\\"\"");
        assert_eq!("".to_json(), "\"\"");
        assert_eq!("乗り換え".to_json(), "\"乗り換え\"");
    }

    #[test]
    fn dates_months_options_and_lists() {
        let d = NaiveDate::from_ymd_opt(2019, 3, 5).unwrap_or_default();
        assert_eq!(d.to_json(), "\"2019-03-05\"");
        assert_eq!(Month::new(2019, 3).map(|m| m.to_json()), Some("\"2019-03\"".to_string()));
        assert_eq!(Some(-5i64).to_json(), "-5");
        assert_eq!(None::<i64>.to_json(), "null");
        assert_eq!(vec![1i32, 2].to_json(), "[1,2]");
        let mut s = String::new();
        Obj::new(&mut s).f("a", &1i64).opt("b", &None::<i64>).opt("c", &Some(true)).end();
        assert_eq!(s, "{\"a\":1,\"c\":true}");
    }
}
