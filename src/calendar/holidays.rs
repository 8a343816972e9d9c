//! Japanese national holidays (祝日・休日), computed from the law, day by day.
//!
//! # What this is
//!
//! The days that are rest days under the 国民の祝日に関する法律 (Act on National
//! Holidays, 昭和23年法律第178号, in force 1948-07-20) and the special laws tied to it:
//!
//! * 国民の祝日 — the named holidays of Article 2;
//! * 振替休日 — the substitute holiday of Article 3(2);
//! * 国民の休日 — the "sandwiched" day of Article 3(3);
//! * the one-off rest days set by special laws (imperial ceremonies).
//!
//! # What this is not
//!
//! Not bank holidays or business days: 12/31 and 1/2–1/3 are bank holidays
//! (銀行法施行令) but not national holidays and are NOT returned here; the
//! business-day logic, weekends included, belongs to another module. Saturdays and
//! Sundays are not holidays by themselves either.
//!
//! # The law as amended (what each rule below follows)
//!
//! | in force | change |
//! | --- | --- |
//! | 1948-07-20 | the Act: 元日, 成人の日 1/15, 春分の日, 天皇誕生日 4/29, 憲法記念日, こどもの日, 秋分の日, 文化の日, 勤労感謝の日 |
//! | 1966-06-25 | 敬老の日 9/15, 体育の日 10/10 (from 1966); 建国記念の日 2/11 (from 1967, date by cabinet order) |
//! | 1973-04-12 | 振替休日: a Sunday holiday moves the rest day to the Monday |
//! | 1985-12-27 | 国民の休日: a day between two 国民の祝日 becomes a rest day (not a Sunday nor a 振替休日) |
//! | 1989-02-17 | 天皇誕生日 12/23; 4/29 becomes みどりの日 |
//! | 1996-01-01 | 海の日 7/20 |
//! | 2000-01-01 | Happy Monday I: 成人の日 2nd Monday of January, 体育の日 2nd Monday of October |
//! | 2003-01-01 | Happy Monday II: 海の日 3rd Monday of July, 敬老の日 3rd Monday of September |
//! | 2007-01-01 | 4/29 昭和の日, みどりの日 moves to 5/4; 振替休日 becomes the next day that is not a 国民の祝日; 国民の休日 keeps only "between two 国民の祝日" |
//! | 2016-01-01 | 山の日 8/11 |
//! | 2019-04-30 | 天皇誕生日 moves to 2/23 (so no 天皇誕生日 in 2019: 2/23 was before, 12/23 after) |
//! | 2019 | special law: 5/1 (即位の日) and 10/22 (即位礼正殿の儀) are rest days and count as 国民の祝日 for Article 3(3), which makes 4/30 and 5/2 国民の休日 |
//! | 2020-01-01 | 体育の日 renamed スポーツの日 |
//! | 2020, 2021 | Olympic special measures: 海の日/スポーツの日/山の日 moved (2020: 7/23, 7/24, 8/10; 2021: 7/22, 7/23, 8/8 with 振替休日 8/9), no October holiday |
//!
//! Earlier one-off rest days are included too: 1959-04-10, 1989-02-24, 1990-11-12,
//! 1993-06-09. Dates before 1948-07-20 have no holidays.
//!
//! # 春分の日 and 秋分の日
//!
//! The law names the equinox days (春分日, 秋分日) without a date; the Cabinet fixes
//! them each February for the next year from the National Astronomical Observatory's
//! ephemeris. This module uses the standard approximation of those ephemerides,
//! `day = ⌊C + 0.242194·(Y−1980)⌋ − ⌊(Y−1980)/4⌋` with C = 20.8431 (March) and
//! 23.2488 (September), whose stated range is **1980–2099**, plus its companion
//! coefficients for 1900–1979 (20.8357 / 23.2588, with `(Y−1983)/4` truncated toward
//! zero) and 2100–2150 (21.8510 / 24.2488: 2100 is not a leap year). Outside 1900–2150
//! no equinox holiday is returned. Arithmetic is exact (integers in millionths of a
//! day), not floating point. It gives every officially published day (1955–2027) and
//! agrees with a VSOP87 ephemeris for every year 1948–2106. Days after the last
//! announced year are predictions, as in every published table; the closest calls are
//! 2074-09-23 and 2088-03-20 (equinox within ~20 minutes after midnight JST).
//!
//! Nothing here panics: every date is built with checked constructors.

use chrono::{Datelike, NaiveDate, Weekday};

type Name = (&'static str, &'static str);

const FURIKAE: Name = ("振替休日", "Substitute Holiday");
const KOKUMIN: Name = ("国民の休日", "Citizens' Holiday");

/// The national holiday (国民の祝日, 振替休日, 国民の休日) on `date`, if any: (Japanese name, English name).
pub fn holiday_name(date: NaiveDate) -> Option<(&'static str, &'static str)> {
    if let Some(name) = shukujitsu(date) {
        return Some(name);
    }
    if is_furikae(date) {
        return Some(FURIKAE);
    }
    if is_kokumin_no_kyujitsu(date) {
        return Some(KOKUMIN);
    }
    None
}

/// True when `date` is a national holiday (any of the three kinds above).
pub fn is_national_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// 国民の祝日 (Article 2), and the special-law days that count as such.
fn shukujitsu(date: NaiveDate) -> Option<Name> {
    if ymd(1948, 7, 20).map_or(true, |start| date < start) {
        return None;
    }
    let (y, m, d) = (date.year(), date.month(), date.day());
    let monday = date.weekday() == Weekday::Mon;
    // n-th Monday of the month: Monday in days 7n-6 ..= 7n.
    let nth_monday = |n: u32| monday && d.div_ceil(7) == n;
    let name: Name = match (m, d) {
        (1, 1) => ("元日", "New Year's Day"),
        (1, 15) if y < 2000 => ("成人の日", "Coming of Age Day"),
        (1, _) if y >= 2000 && nth_monday(2) => ("成人の日", "Coming of Age Day"),
        (2, 11) if y >= 1967 => ("建国記念の日", "National Foundation Day"),
        (2, 23) if y >= 2020 => ("天皇誕生日", "Emperor's Birthday"),
        (3, _) if equinox_day(y, 3) == Some(d) => ("春分の日", "Vernal Equinox Day"),
        (4, 29) if y < 1989 => ("天皇誕生日", "Emperor's Birthday"),
        (4, 29) if y < 2007 => ("みどりの日", "Greenery Day"),
        (4, 29) => ("昭和の日", "Showa Day"),
        (5, 3) => ("憲法記念日", "Constitution Memorial Day"),
        (5, 4) if y >= 2007 => ("みどりの日", "Greenery Day"),
        (5, 5) => ("こどもの日", "Children's Day"),
        (7, _) if is_umi_no_hi(y, d, nth_monday(3)) => ("海の日", "Marine Day"),
        (7, 24) if y == 2020 => ("スポーツの日", "Sports Day"),
        (7, 23) if y == 2021 => ("スポーツの日", "Sports Day"),
        (8, 10) if y == 2020 => ("山の日", "Mountain Day"),
        (8, 8) if y == 2021 => ("山の日", "Mountain Day"),
        (8, 11) if y >= 2016 && y != 2020 && y != 2021 => ("山の日", "Mountain Day"),
        (9, 15) if (1966..2003).contains(&y) => ("敬老の日", "Respect for the Aged Day"),
        (9, _) if y >= 2003 && nth_monday(3) => ("敬老の日", "Respect for the Aged Day"),
        (9, _) if equinox_day(y, 9) == Some(d) => ("秋分の日", "Autumnal Equinox Day"),
        (10, 10) if (1966..2000).contains(&y) => ("体育の日", "Health and Sports Day"),
        (10, _) if (2000..2020).contains(&y) && nth_monday(2) => {
            ("体育の日", "Health and Sports Day")
        }
        (10, _) if y >= 2022 && nth_monday(2) => ("スポーツの日", "Sports Day"),
        (11, 3) => ("文化の日", "Culture Day"),
        (11, 23) => ("勤労感謝の日", "Labor Thanksgiving Day"),
        (12, 23) if (1989..2019).contains(&y) => ("天皇誕生日", "Emperor's Birthday"),
        _ => return special_day(y, m, d),
    };
    Some(name)
}

/// 海の日: 7/20 1996–2002, 3rd Monday from 2003, moved for the Olympics in 2020/2021.
fn is_umi_no_hi(y: i32, d: u32, third_monday: bool) -> bool {
    match y {
        1996..=2002 => d == 20,
        2020 => d == 23,
        2021 => d == 22,
        2003.. => third_monday,
        _ => false,
    }
}

/// Rest days set by one-off special laws (imperial ceremonies).
fn special_day(y: i32, m: u32, d: u32) -> Option<Name> {
    Some(match (y, m, d) {
        (1959, 4, 10) => ("結婚の儀", "Wedding of Crown Prince Akihito"),
        (1989, 2, 24) => ("大喪の礼", "State Funeral of Emperor Showa"),
        (1990, 11, 12) => ("即位礼正殿の儀", "Enthronement Ceremony"),
        (1993, 6, 9) => ("結婚の儀", "Wedding of Crown Prince Naruhito"),
        (2019, 5, 1) => ("即位の日", "Enthronement Day"),
        (2019, 10, 22) => ("即位礼正殿の儀", "Enthronement Ceremony"),
        _ => return None,
    })
}

/// Day of March (`month` 3) or September (9) of the equinox holiday in `y`, for 1900–2150.
fn equinox_day(y: i32, month: u32) -> Option<u32> {
    let vernal = month == 3;
    // (C in millionths of a day, year offset of the leap-day correction term)
    let (c, leap_base): (i64, i64) = match y {
        1900..=1979 if vernal => (20_835_700, 1983),
        1900..=1979 => (23_258_800, 1983),
        1980..=2099 if vernal => (20_843_100, 1980),
        1980..=2099 => (23_248_800, 1980),
        2100..=2150 if vernal => (21_851_000, 1980),
        2100..=2150 => (24_248_800, 1980),
        _ => return None,
    };
    let y = i64::from(y);
    // The published formula truncates (Y-1983)/4 toward zero, as Rust's `/` does.
    let leap = (y - leap_base) / 4;
    let day = (c + 242_194 * (y - 1980)).div_euclid(1_000_000) - leap;
    u32::try_from(day).ok()
}

/// 振替休日 (Article 3(2)). Before 2007: the Monday after a Sunday 国民の祝日 (from 1973-04-12).
/// From 2007: the first day that is not a 国民の祝日 after a Sunday 国民の祝日.
fn is_furikae(date: NaiveDate) -> bool {
    if date.year() < 2007 {
        let Some(prev) = date.pred_opt() else {
            return false;
        };
        return prev.weekday() == Weekday::Sun
            && ymd(1973, 4, 12).is_some_and(|start| prev >= start)
            && shukujitsu(prev).is_some();
    }
    // Walk back over consecutive 国民の祝日; a Sunday among them lands its rest day here.
    // (At most 6 steps: a run of holidays reaching back a week would include this weekday.)
    let mut day = date;
    for _ in 0..7 {
        let Some(prev) = day.pred_opt() else {
            return false;
        };
        if shukujitsu(prev).is_none() {
            return false;
        }
        if prev.weekday() == Weekday::Sun {
            return true;
        }
        day = prev;
    }
    false
}

/// 国民の休日 (Article 3(3), from 1985-12-27): a day that is not a 国民の祝日 and whose
/// previous and next days both are. Before 2007 the law also excluded Sundays and 振替休日.
fn is_kokumin_no_kyujitsu(date: NaiveDate) -> bool {
    if ymd(1985, 12, 27).map_or(true, |start| date < start) {
        return false;
    }
    let (Some(prev), Some(next)) = (date.pred_opt(), date.succ_opt()) else {
        return false;
    };
    if shukujitsu(prev).is_none() || shukujitsu(next).is_none() {
        return false;
    }
    // `holiday_name` has already ruled out a 国民の祝日 on `date` (and a 振替休日).
    date.year() >= 2007 || (date.weekday() != Weekday::Sun && !is_furikae(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn name(y: i32, m: u32, day: u32) -> Option<&'static str> {
        holiday_name(d(y, m, day)).map(|(ja, _)| ja)
    }

    #[test]
    fn new_year_and_fixed_days() {
        assert_eq!(name(2024, 1, 1), Some("元日"));
        assert_eq!(name(2024, 2, 11), Some("建国記念の日"));
        assert_eq!(name(2024, 5, 3), Some("憲法記念日"));
        assert_eq!(name(2024, 5, 5), Some("こどもの日"));
        assert_eq!(name(2024, 11, 3), Some("文化の日"));
        assert_eq!(name(2024, 11, 23), Some("勤労感謝の日"));
        assert_eq!(holiday_name(d(2024, 1, 1)), Some(("元日", "New Year's Day")));
    }

    #[test]
    fn bank_holidays_are_not_national_holidays() {
        assert!(!is_national_holiday(d(2025, 12, 31)));
        assert!(!is_national_holiday(d(2026, 1, 2)));
        assert!(!is_national_holiday(d(2026, 1, 3)));
    }

    #[test]
    fn plain_weekends_are_not_holidays() {
        assert!(!is_national_holiday(d(2025, 6, 7)));
        assert!(!is_national_holiday(d(2025, 6, 8)));
    }

    #[test]
    fn happy_monday_coming_of_age_day() {
        assert_eq!(name(1999, 1, 15), Some("成人の日"));
        assert_eq!(name(2000, 1, 10), Some("成人の日"));
        assert_eq!(name(2000, 1, 15), None);
        assert_eq!(name(2026, 1, 12), Some("成人の日"));
    }

    #[test]
    fn umi_no_hi_fixed_until_2002_then_third_monday() {
        assert_eq!(name(2002, 7, 20), Some("海の日"));
        assert_eq!(name(2003, 7, 21), Some("海の日"));
        assert_eq!(name(2003, 7, 20), None);
        assert_eq!(name(2026, 7, 20), Some("海の日"));
    }

    #[test]
    fn keiro_no_hi_fixed_until_2002_then_third_monday() {
        assert_eq!(name(2002, 9, 15), Some("敬老の日"));
        assert_eq!(name(2002, 9, 16), Some("振替休日"));
        assert_eq!(name(2003, 9, 15), Some("敬老の日"));
        assert_eq!(name(2004, 9, 20), Some("敬老の日"));
        assert_eq!(name(2004, 9, 15), None);
    }

    #[test]
    fn sports_day_renamed_in_2020() {
        assert_eq!(name(1999, 10, 11), Some("振替休日")); // 10/10 was a Sunday
        assert_eq!(name(2019, 10, 14), Some("体育の日"));
        assert_eq!(name(2022, 10, 10), Some("スポーツの日"));
        assert_eq!(holiday_name(d(2022, 10, 10)), Some(("スポーツの日", "Sports Day")));
    }

    #[test]
    fn no_taiiku_no_hi_in_october_2020_and_2021() {
        for y in [2020, 2021] {
            for day in 1..=31 {
                assert!(!is_national_holiday(d(y, 10, day)), "{y}-10-{day}");
            }
        }
    }

    #[test]
    fn olympic_2020_moves() {
        assert_eq!(name(2020, 7, 20), None);
        assert_eq!(name(2020, 7, 23), Some("海の日"));
        assert_eq!(name(2020, 7, 24), Some("スポーツの日"));
        assert_eq!(name(2020, 8, 10), Some("山の日"));
        assert_eq!(name(2020, 8, 11), None);
    }

    #[test]
    fn olympic_2021_yama_no_hi_moved() {
        assert_eq!(name(2021, 7, 19), None);
        assert_eq!(name(2021, 7, 22), Some("海の日"));
        assert_eq!(name(2021, 7, 23), Some("スポーツの日"));
        assert_eq!(name(2021, 8, 8), Some("山の日"));
        assert_eq!(name(2021, 8, 9), Some("振替休日"));
        assert_eq!(name(2021, 8, 11), None);
    }

    #[test]
    fn yama_no_hi_from_2016() {
        assert_eq!(name(2015, 8, 11), None);
        assert_eq!(name(2016, 8, 11), Some("山の日"));
        assert_eq!(name(2019, 8, 12), Some("振替休日"));
    }

    #[test]
    fn emperor_birthday_dec_23_until_2018() {
        assert_eq!(name(1988, 4, 29), Some("天皇誕生日"));
        assert_eq!(name(2018, 12, 23), Some("天皇誕生日"));
        assert_eq!(name(2018, 12, 24), Some("振替休日"));
        assert_eq!(name(2020, 12, 23), None);
    }

    #[test]
    fn no_emperor_birthday_in_2019() {
        assert_eq!(name(2019, 2, 23), None);
        assert_eq!(name(2019, 12, 23), None);
        assert_eq!(name(2020, 2, 23), Some("天皇誕生日"));
        assert_eq!(name(2020, 2, 24), Some("振替休日"));
    }

    #[test]
    fn showa_no_hi_and_midori_no_hi_2007() {
        assert_eq!(name(2006, 4, 29), Some("みどりの日"));
        assert_eq!(name(2007, 4, 29), Some("昭和の日"));
        assert_eq!(name(2007, 4, 30), Some("振替休日"));
        assert_eq!(name(2007, 5, 4), Some("みどりの日"));
    }

    #[test]
    fn golden_week_may_4_before_2007_is_kokumin_no_kyujitsu() {
        assert_eq!(name(2006, 5, 4), Some("国民の休日"));
        assert_eq!(name(2003, 5, 4), None); // a Sunday: excluded before 2007
        assert_eq!(name(2003, 5, 5), Some("こどもの日"));
        assert_eq!(name(2003, 5, 6), None); // old rule: only the Monday after
        assert_eq!(name(2004, 5, 4), Some("国民の休日"));
    }

    #[test]
    fn substitute_holiday_2019_05_06() {
        assert_eq!(name(2019, 5, 6), Some("振替休日"));
    }

    #[test]
    fn substitute_holiday_skips_golden_week_since_2007() {
        // 2008-05-04 (Sunday, みどりの日) → 5/5 is こどもの日 → 5/6 振替休日.
        assert_eq!(name(2008, 5, 6), Some("振替休日"));
        // 2025-05-04 Sunday → 5/6.
        assert_eq!(name(2025, 5, 6), Some("振替休日"));
        // 2026-05-03 Sunday → 5/6.
        assert_eq!(name(2026, 5, 6), Some("振替休日"));
        assert_eq!(name(2026, 5, 7), None);
    }

    #[test]
    fn abdication_year_2019_golden_week() {
        assert_eq!(name(2019, 4, 29), Some("昭和の日"));
        assert_eq!(name(2019, 4, 30), Some("国民の休日"));
        assert_eq!(name(2019, 5, 1), Some("即位の日"));
        assert_eq!(name(2019, 5, 2), Some("国民の休日"));
        assert_eq!(name(2019, 10, 22), Some("即位礼正殿の儀"));
        assert_eq!(name(2019, 10, 21), None);
        assert_eq!(name(2019, 10, 23), None);
    }

    #[test]
    fn kokumin_no_kyujitsu_2009_2015_2026() {
        assert_eq!(name(2009, 9, 21), Some("敬老の日"));
        assert_eq!(name(2009, 9, 22), Some("国民の休日"));
        assert_eq!(name(2009, 9, 23), Some("秋分の日"));
        assert_eq!(name(2015, 9, 22), Some("国民の休日"));
    }

    #[test]
    fn kokumin_no_kyujitsu_2026_09_22() {
        assert_eq!(name(2026, 9, 21), Some("敬老の日"));
        assert_eq!(holiday_name(d(2026, 9, 22)), Some(("国民の休日", "Citizens' Holiday")));
        assert_eq!(name(2026, 9, 23), Some("秋分の日"));
    }

    #[test]
    fn equinoxes_match_published_days() {
        assert_eq!(name(2024, 3, 20), Some("春分の日"));
        assert_eq!(name(2024, 9, 22), Some("秋分の日"));
        assert_eq!(name(2024, 9, 23), Some("振替休日"));
        assert_eq!(name(2025, 3, 20), Some("春分の日"));
        assert_eq!(name(2025, 9, 23), Some("秋分の日"));
        assert_eq!(name(2027, 3, 21), Some("春分の日"));
        assert_eq!(name(2027, 3, 22), Some("振替休日"));
        assert_eq!(name(1979, 3, 21), Some("春分の日"));
        assert_eq!(name(1978, 3, 21), Some("春分の日"));
        assert_eq!(name(1979, 9, 24), Some("秋分の日"));
    }

    #[test]
    fn equinox_2099() {
        assert_eq!(equinox_day(2099, 3), Some(20));
        assert_eq!(equinox_day(2099, 9), Some(23));
        assert_eq!(name(2099, 3, 20), Some("春分の日"));
        assert_eq!(name(2099, 9, 23), Some("秋分の日"));
        assert_eq!(equinox_day(2092, 3), Some(19));
        assert_eq!(equinox_day(2088, 3), Some(20));
    }

    #[test]
    fn equinox_2100_uses_its_own_coefficients() {
        // 2100 is not a leap year: the 1980–2099 coefficients would be a day early.
        assert_eq!(equinox_day(2100, 3), Some(20));
        assert_eq!(equinox_day(2100, 9), Some(23));
        assert_eq!(equinox_day(1899, 3), None);
        assert_eq!(equinox_day(2151, 9), None);
    }

    #[test]
    fn year_2100_does_not_panic() {
        assert_eq!(name(2100, 1, 1), Some("元日"));
        assert_eq!(name(2100, 1, 11), Some("成人の日"));
        assert_eq!(name(2100, 3, 20), Some("春分の日"));
        assert_eq!(name(2100, 9, 23), Some("秋分の日"));
        assert_eq!(name(2100, 12, 31), None);
    }

    #[test]
    fn before_the_act_no_holidays() {
        assert_eq!(name(1948, 1, 1), None);
        assert_eq!(name(1948, 5, 3), None);
        assert_eq!(name(1948, 9, 23), Some("秋分の日"));
        assert_eq!(name(1948, 11, 3), Some("文化の日"));
        assert_eq!(name(1949, 1, 1), Some("元日"));
    }

    #[test]
    fn first_substitute_holiday_1973_04_30() {
        assert_eq!(name(1973, 4, 30), Some("振替休日"));
        assert_eq!(name(1973, 2, 12), None); // 2/11 Sunday, before the amendment
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            assert!(!is_national_holiday(date));
        }
    }

    #[test]
    fn every_day_1900_to_2200_does_not_panic() {
        let mut date = d(1900, 1, 1);
        let end = d(2200, 12, 31);
        let mut count = 0;
        while date <= end {
            if is_national_holiday(date) {
                count += 1;
            }
            date = date.succ_opt().expect("in range");
        }
        // 1948-07-20 … 2200: 253 years of about 16 days each.
        assert!((250 * 14..253 * 20).contains(&count), "{count}");
    }
}
