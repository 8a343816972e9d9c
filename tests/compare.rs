//! compareExitMonths (CONTRACT): one row per exit month from the earliest allowed month
//! to the second month of the next renewal window, each as if requested in time.
mod common;
use common::{assert_matches, calc, compare};
use serde_json::{json, Value};

fn input(a: &str, start: &str) -> Value {
    json!({ "applicationDate": a, "current": { "provider": "so-net-hikari-plus", "serviceStart": start, "monthlyFee": 5000 } })
}

#[test]
fn compare_rows_are_consecutive_and_end_with_the_renewal_window() {
    // Start 2017-03: earliest 2019-12 is month 34; the window is 2020-03/04.
    let r = compare(input("2019-12-10", "2017-03-15"));
    let rows = r["rows"].as_array().expect("rows");
    let months: Vec<&str> = rows.iter().filter_map(|x| x["month"].as_str()).collect();
    assert_eq!(months, ["2019-12", "2020-01", "2020-02", "2020-03", "2020-04"]);
    assert_eq!(r["best"], "2020-03");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["net"].as_i64(), Some(row["charges"].as_i64().unwrap_or(0) - row["refunds"].as_i64().unwrap_or(0)));
        assert_eq!(row["monthsPaidSinceEarliest"], json!(i));
    }
}

#[test]
fn compare_inside_a_renewal_window_ends_with_that_window() {
    // Earliest month 2020-03 is month 37 itself: rows 2020-03 and 2020-04 only.
    let r = compare(input("2020-03-10", "2017-03-15"));
    assert_matches(&r, json!({ "rows": [{ "month": "2020-03", "net": 5000 }, { "month": "2020-04", "net": 10000 }], "best": "2020-03" }));
    assert_eq!(r["rows"].as_array().map(Vec::len), Some(2));
}

#[test]
fn compare_just_after_a_window_runs_to_the_next_one_36_rows() {
    // Earliest 2020-05 is month 39: rows to month 74 (2023-04), 36 rows.
    let r = compare(input("2020-05-10", "2017-03-15"));
    let rows = r["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 36);
    assert_eq!(rows.last().map(|x| x["month"].clone()), Some(json!("2023-04")));
}

#[test]
fn compare_a_tie_picks_the_earliest_month() {
    // No monthly fee and month 37 onwards free: 2020-03 and 2020-04 both net 0.
    let r = compare(json!({ "applicationDate": "2020-03-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15" } }));
    assert_eq!(r["best"], "2020-03");
}

#[test]
fn compare_best_row_agrees_with_calculate_for_that_month() {
    let base = json!({ "applicationDate": "2018-06-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20", "monthlyFee": 4000,
        "construction": { "monthlyInstallment": 500, "installments": 39 } },
        "destination": { "isp": "biglobe", "startDate": "2018-06-20", "sourceExcluded": false, "building": "mansion", "plan": "standard" } });
    let r = compare(base.clone());
    for row in r["rows"].as_array().expect("rows").iter().take(2) {
        let mut one = base.clone();
        one["current"]["exitMonth"] = row["month"].clone();
        let c = calc(one);
        // The row also pays the months before it (monthsPaidSinceEarliest × fee), which
        // calculate does not list as exit costs (SN-11 reading).
        let before = 4000 * row["monthsPaidSinceEarliest"].as_i64().unwrap_or(0);
        assert_eq!(row["charges"].as_i64(), c["totals"]["charges"].as_i64().map(|x| x + before), "{}", row["month"]);
        assert_eq!(row["refunds"], c["totals"]["refunds"], "{}", row["month"]);
    }
}

#[test]
fn compare_late_rows_lose_the_refund_after_the_application_deadline() {
    // auひかり from 2018-06-20: deadline 2019-01-20; an exit in 2018-12 or later has its
    // statements billed from 2019-02, too late.
    let r = compare(json!({ "applicationDate": "2018-06-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" },
        "destination": { "isp": "so-net", "startDate": "2018-06-20", "sourceExcluded": false } }));
    assert_matches(&r, json!({ "rows": [{ "month": "2018-06", "refunds": 20000, "net": 0 }, { "month": "2018-11", "refunds": 20000 }, { "month": "2018-12", "refunds": 0 }] }));
}
