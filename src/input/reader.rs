//! The field reader: one method per kind of value (date, month, whole number within
//! bounds, yes/no, one of a list, object), each turning a bad value into an
//! [`InputError`] with the field's path, a code and a reason in Japanese and English, and
//! carrying on so every problem is reported at once.
//!
//! Holds no field names and no rule about which fields go together (that is the
//! `current` / `destination` readers and [`super::read`]).

use super::choices::Choice;
use super::types::{MAX_AMOUNT, MAX_STRING};
use crate::calendar::{parse_date, Month};
use crate::error::{ErrorCode as C, InputError};
use crate::wire::json::Json;
use chrono::{Datelike, NaiveDate};

/// Field-by-field reader collecting every problem.
pub(super) struct Reader {
    pub(super) errors: Vec<InputError>,
}

pub(super) fn describe(v: &Json) -> (String, String) {
    let two = |ja: &str, en: &str| (ja.to_string(), en.to_string());
    match v {
        Json::Str(s) => {
            let t = format!("\"{}\"", s.chars().take(20).collect::<String>());
            (t.clone(), t)
        }
        // Integers only: float formatting would cost kilobytes of wasm for a message.
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            let t = crate::text::yen(*n as i64);
            (t.clone(), t)
        }
        Json::Num(_) => two("小数", "a fraction"),
        Json::Bool(b) => two(if *b { "はい" } else { "いいえ" }, if *b { "true" } else { "false" }),
        Json::Null => two("空", "null"),
        Json::Arr(_) => two("リスト", "a list"),
        Json::Obj(_) => two("まとまり", "an object"),
        Json::TooBig => two("大きすぎる値", "a value too large to read"),
    }
}

impl Reader {
    pub(super) fn err(&mut self, field: &str, code: C, ja: String, en: String) {
        self.errors.push(InputError::new(field, code, ja, en));
    }

    pub(super) fn missing(&mut self, field: &str) {
        self.err(field, C::Missing, "必須の項目です。".into(), "this field is required.".into());
    }

    /// A string no longer than MAX_STRING, or an `out-of-range` error.
    pub(super) fn fits<'a>(&mut self, field: &str, s: &'a str) -> Option<&'a str> {
        if crate::text::char_count(s) > MAX_STRING {
            self.err(
                field,
                C::OutOfRange,
                format!("{MAX_STRING}文字を超えています。"),
                format!("longer than {MAX_STRING} characters."),
            );
            None
        } else {
            Some(s)
        }
    }

    /// Whether a date's or month's `year` is within 2000–2100 (CONTRACT "Limits and
    /// types"); if not, an `out-of-range` error quoting `s`.
    fn in_years(&mut self, field: &str, s: &str, year: i32) -> bool {
        let ok = (2000..=2100).contains(&year);
        if !ok {
            self.err(
                field,
                C::OutOfRange,
                format!("{s} は対象外の年です（2000〜2100年）。"),
                format!("{s} is outside the years 2000–2100."),
            );
        }
        ok
    }

    pub(super) fn date(
        &mut self,
        v: Option<&Json>,
        field: &str,
        required: bool,
    ) -> Option<NaiveDate> {
        match v {
            None | Some(Json::Null) => {
                if required {
                    self.missing(field)
                }
                None
            }
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                match parse_date(s) {
                    Some(d) => self.in_years(field, s, d.year()).then_some(d),
                    None => {
                        self.err(
                            field,
                            C::InvalidDate,
                            format!("「{s}」という日はありません（年-月-日で、実在する日付を入れてください）。"),
                            format!("{s} is not a real date in the form YYYY-MM-DD."),
                        );
                        None
                    }
                }
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::InvalidDate,
                    format!("日付（YYYY-MM-DD）ではありません: {dj}"),
                    format!("not a date (YYYY-MM-DD): {de}"),
                );
                None
            }
        }
    }

    pub(super) fn month(&mut self, v: Option<&Json>, field: &str) -> Option<Month> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                match Month::parse(s) {
                    Some(m) => self.in_years(field, s, m.year()).then_some(m),
                    None => {
                        self.err(
                            field,
                            C::InvalidMonth,
                            format!("{s} は YYYY-MM 形式の月ではありません。"),
                            format!("{s} is not a month in the form YYYY-MM."),
                        );
                        None
                    }
                }
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::InvalidMonth,
                    format!("月（YYYY-MM）ではありません: {dj}"),
                    format!("not a month (YYYY-MM): {de}"),
                );
                None
            }
        }
    }

    /// An integer in `lo..=hi`; `default` when absent.
    pub(super) fn int(
        &mut self,
        v: Option<&Json>,
        field: &str,
        lo: i64,
        hi: i64,
        default: Option<i64>,
    ) -> Option<i64> {
        match v {
            None | Some(Json::Null) => {
                if default.is_none() {
                    self.missing(field)
                }
                default
            }
            Some(Json::Num(n)) if n.fract() == 0.0 && *n >= lo as f64 && *n <= hi as f64 => {
                Some(*n as i64)
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::OutOfRange,
                    format!(
                        "{}〜{}の整数で入力してください（入力: {dj}）。",
                        crate::text::yen(lo),
                        crate::text::yen(hi)
                    ),
                    format!(
                        "must be a whole number from {} to {} (got {de}).",
                        crate::text::yen(lo),
                        crate::text::yen(hi)
                    ),
                );
                default
            }
        }
    }

    pub(super) fn amount(&mut self, v: Option<&Json>, field: &str) -> i64 {
        self.int(v, field, 0, MAX_AMOUNT, Some(0)).unwrap_or(0)
    }

    pub(super) fn boolean(&mut self, v: Option<&Json>, field: &str, default: bool) -> bool {
        match v {
            None | Some(Json::Null) => default,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::UnknownValue,
                    format!("true か false を指定してください（入力: {dj}）。"),
                    format!("must be true or false (got {de})."),
                );
                default
            }
        }
    }

    /// One of `choices`; `None` when absent.
    pub(super) fn choice<'c>(
        &mut self,
        v: Option<&Json>,
        field: &str,
        choices: &[&'c str],
    ) -> Option<&'c str> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                let hit = choices.iter().find(|c| **c == s).copied();
                if hit.is_none() {
                    let list = crate::text::join(choices, " | ");
                    self.err(
                        field,
                        C::UnknownValue,
                        format!("\"{s}\" は使えません。使える値: {list}"),
                        format!("\"{s}\" is not one of: {list}"),
                    );
                }
                hit
            }
            Some(other) => {
                let (dj, de) = describe(other);
                let list = crate::text::join(choices, " | ");
                self.err(
                    field,
                    C::UnknownValue,
                    format!("使える値: {list}（入力: {dj}）"),
                    format!("must be one of: {list} (got {de})."),
                );
                None
            }
        }
    }

    /// A value of the table `T` (one of its codes); `None` when absent or not one of them.
    pub(super) fn pick<T: Choice>(&mut self, v: Option<&Json>, field: &str) -> Option<T> {
        self.choice(v, field, T::CODES).and_then(T::from_code)
    }

    /// An object, or absent; anything else is an error.
    pub(super) fn object<'j>(&mut self, v: Option<&'j Json>, field: &str) -> Option<&'j Json> {
        match v {
            None | Some(Json::Null) => None,
            Some(o @ Json::Obj(_)) => Some(o),
            Some(Json::TooBig) => {
                self.err(
                    field,
                    C::OutOfRange,
                    "入れ子が深すぎるか大きすぎます。".into(),
                    "nested too deeply or too large.".into(),
                );
                None
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::UnknownValue,
                    format!("オブジェクト {{…}} ではありません（入力: {dj}）。"),
                    format!("must be an object {{…}} (got {de})."),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::input::Channel;

    fn reader() -> Reader {
        Reader { errors: Vec::new() }
    }
    fn s(text: &str) -> Json {
        Json::Str(text.into())
    }

    #[test]
    fn a_date_must_be_real_and_within_2000_to_2100() {
        let mut r = reader();
        assert_eq!(r.date(Some(&s("2024-02-29")), "f", true), parse_date("2024-02-29"));
        assert_eq!(r.date(Some(&s("2023-02-29")), "f", true), None);
        assert_eq!(r.date(Some(&s("1999-12-31")), "f", true), None);
        assert_eq!(r.date(None, "f", true), None);
        assert_eq!(r.date(None, "g", false), None);
        let codes: Vec<ErrorCode> = r.errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, [ErrorCode::InvalidDate, ErrorCode::OutOfRange, ErrorCode::Missing]);
    }

    #[test]
    fn a_whole_number_within_bounds_else_the_default_and_an_error() {
        let mut r = reader();
        assert_eq!(r.int(Some(&Json::Num(3.0)), "f", 1, 3, None), Some(3));
        assert_eq!(r.int(Some(&Json::Num(4.0)), "f", 1, 3, Some(1)), Some(1));
        assert_eq!(r.int(Some(&Json::Num(2.5)), "f", 1, 3, None), None);
        assert_eq!(r.int(None, "f", 1, 3, Some(2)), Some(2));
        assert_eq!(r.errors.len(), 2);
        assert!(r.errors.iter().all(|e| e.code == ErrorCode::OutOfRange));
    }

    #[test]
    fn a_string_longer_than_max_string_is_refused_before_it_is_read() {
        let mut r = reader();
        let long = "a".repeat(MAX_STRING + 1);
        assert_eq!(r.choice(Some(&s(&long)), "f", &["a"]), None);
        assert_eq!(r.errors[0].code, ErrorCode::OutOfRange);
    }

    #[test]
    fn pick_reads_a_table_code_and_lists_the_codes_when_wrong() {
        let mut r = reader();
        assert_eq!(r.pick::<Channel>(Some(&s("line")), "f"), Some(Channel::Line));
        assert_eq!(r.pick::<Channel>(Some(&s("fax")), "f"), None);
        assert_eq!(r.pick::<Channel>(None, "f"), None);
        assert_eq!(r.errors.len(), 1);
        assert!(r.errors[0].en.contains("phone | web | chat | line | paper | provider-switch"));
    }
}
