//! Calendar facts the rules stand on: months as values (`YYYY-MM`), "+ n months" that
//! keeps the day or takes the month's last day (AU-6, AU-7), bank business days
//! (SN-12: not Saturday, Sunday, a national holiday, or December 31 – January 3) and
//! the corporate desk's open days (SN-3: not Saturday, Sunday or a national holiday).
//!
//! National holidays themselves live in [`crate::calendar::holidays`]. Every function returns
//! `Option` instead of panicking at the edges of chrono's range.

pub mod holidays;

use crate::calendar::holidays::is_national_holiday;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt;

/// A calendar month, counted as `year * 12 + (month - 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12)
            .contains(&month)
            .then(|| Month(year.saturating_mul(12).saturating_add(month as i32 - 1)))
    }

    pub fn of(d: NaiveDate) -> Month {
        Month(d.year().saturating_mul(12).saturating_add(d.month0() as i32))
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// This month plus `n` months (negative goes back).
    pub fn plus(self, n: i32) -> Month {
        Month(self.0.saturating_add(n))
    }

    /// Months from `earlier` to `self` (`2020-03` since `2020-01` is 2).
    pub fn since(self, earlier: Month) -> i32 {
        self.0.saturating_sub(earlier.0)
    }

    pub fn day(self, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year(), self.month(), day)
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        self.day(1)
    }

    pub fn last_day(self) -> Option<NaiveDate> {
        self.plus(1).first_day()?.pred_opt()
    }

    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let b = s.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit())
        {
            return None;
        }
        use crate::text::digits_value as n;
        Month::new(n(s.get(0..4)?)? as i32, n(s.get(5..7)?)?)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(7);
        crate::text::push_ymd(&mut s, self.year(), self.month(), None);
        f.write_str(&s)
    }
}

/// Parses `YYYY-MM-DD` strictly (no other forms; February 30 is `None`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    use crate::text::digits_value as n;
    NaiveDate::from_ymd_opt(n(s.get(0..4)?)? as i32, n(s.get(5..7)?)?, n(s.get(8..10)?)?)
}

/// `d` + `n` months, same day of month or the month's last day (January 31 + 1 = February 28/29).
pub fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// `d` + `n` days (negative goes back).
pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// SN-12: banks are closed on weekends, national holidays and December 31 – January 3.
pub fn is_bank_business_day(d: NaiveDate) -> bool {
    let year_end = (d.month() == 12 && d.day() == 31) || (d.month() == 1 && d.day() <= 3);
    !is_weekend(d) && !year_end && !is_national_holiday(d)
}

/// SN-12: `d` itself when banks are open, else the next bank business day.
pub fn next_bank_business_day(d: NaiveDate) -> Option<NaiveDate> {
    let mut x = d;
    // At most 3 year-end days + a weekend + holidays: 10 is a safe bound; 31 is generous.
    for _ in 0..31 {
        if is_bank_business_day(x) {
            return Some(x);
        }
        x = x.succ_opt()?;
    }
    None
}

/// SN-3: the corporate desk is open on weekdays that are not national holidays.
pub fn is_desk_open_day(d: NaiveDate) -> bool {
    !is_weekend(d) && !is_national_holiday(d)
}

/// SN-3: `d` itself when the desk is open, else its next open day.
pub fn next_desk_open_day(d: NaiveDate) -> Option<NaiveDate> {
    let mut x = d;
    for _ in 0..31 {
        if is_desk_open_day(x) {
            return Some(x);
        }
        x = x.succ_opt()?;
    }
    None
}

/// SN-3: the last open desk day of a month (for a corporate phone request).
pub fn last_desk_open_day(m: Month) -> Option<NaiveDate> {
    let mut x = m.last_day()?;
    for _ in 0..31 {
        if is_desk_open_day(x) {
            return Some(x);
        }
        x = x.pred_opt()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn au6_plus_one_month_takes_the_last_day_of_a_short_month() {
        assert_eq!(add_months(d("2019-01-31"), 1), Some(d("2019-02-28")));
        assert_eq!(add_months(d("2020-01-31"), 1), Some(d("2020-02-29")), "leap year");
        assert_eq!(add_months(d("2018-08-31"), 1), Some(d("2018-09-30")));
        assert_eq!(add_months(d("2019-03-31"), -1), Some(d("2019-02-28")));
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let m = Month::parse("2019-12").unwrap();
        assert_eq!(m.plus(1).to_string(), "2020-01");
        assert_eq!(m.plus(-12).to_string(), "2018-12");
        assert_eq!(Month::parse("2020-03").unwrap().since(m), 3);
        assert_eq!(Month::parse("2020-02").unwrap().last_day(), Some(d("2020-02-29")));
        assert_eq!(
            Month::parse("2100-02").unwrap().last_day(),
            Some(d("2100-02-28")),
            "2100 is not a leap year"
        );
        assert_eq!(Month::parse("2000-02").unwrap().last_day(), Some(d("2000-02-29")), "2000 is");
    }

    #[test]
    fn strict_parsing() {
        assert_eq!(parse_date("2019-02-30"), None);
        assert_eq!(parse_date("2019-2-3"), None);
        assert_eq!(parse_date("+019-02-03"), None);
        assert_eq!(parse_date("2024-02-29"), Some(d("2024-02-29")));
        assert_eq!(Month::parse("2019-13"), None);
        assert_eq!(Month::parse("2019-00"), None);
        assert_eq!(Month::parse("2019-1x"), None);
    }

    #[test]
    fn sn12_bank_closed_at_year_end() {
        for s in ["2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"] {
            assert!(!is_bank_business_day(d(s)), "{s}");
        }
        assert_eq!(next_bank_business_day(d("2026-12-31")), Some(d("2027-01-04")));
    }

    #[test]
    fn sn12_debit_moves_past_golden_week_2019() {
        // 2019-04-27 Sat … 2019-05-06 (substitute holiday): ten closed days in a row.
        assert_eq!(next_bank_business_day(d("2019-04-27")), Some(d("2019-05-07")));
    }

    #[test]
    fn sn3_corporate_desk_last_open_day() {
        // 2019-06-30 is a Sunday, the 29th a Saturday.
        assert_eq!(last_desk_open_day(Month::parse("2019-06").unwrap()), Some(d("2019-06-28")));
        // 2026-09-21/22/23 are 敬老の日, 国民の休日, 秋分の日.
        assert_eq!(next_desk_open_day(d("2026-09-19")), Some(d("2026-09-24")));
    }
}
