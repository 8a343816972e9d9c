//! Prints every national holiday `norikae::calendar::holidays` gives between two years (inclusive),
//! one `YYYY-MM-DD<TAB>name` per line, for tests/holidays/check_holidays.py.
//!
//! Usage: `cargo run --quiet --example holidays -- 2001 2099`
use chrono::NaiveDate;
use norikae::calendar::holidays::holiday_name;
use std::io::{BufWriter, Write};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let years: Vec<i32> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let (Some(&from), Some(&to), 2) = (years.first(), years.get(1), args.len()) else {
        eprintln!("usage: holidays FROM_YEAR TO_YEAR");
        std::process::exit(2);
    };
    let (Some(mut date), Some(end)) =
        (NaiveDate::from_ymd_opt(from, 1, 1), NaiveDate::from_ymd_opt(to, 12, 31))
    else {
        eprintln!("year out of range");
        std::process::exit(2);
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    while date <= end {
        if let Some((ja, en)) = holiday_name(date) {
            if writeln!(out, "{date}\t{ja}\t{en}").is_err() {
                std::process::exit(1);
            }
        }
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    if out.flush().is_err() {
        std::process::exit(1);
    }
}
