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
        assert_eq!(
            row["net"].as_i64(),
            Some(row["charges"].as_i64().unwrap_or(0) - row["refunds"].as_i64().unwrap_or(0))
        );
        assert_eq!(row["monthsPaidSinceEarliest"], json!(i));
    }
}

#[test]
fn compare_inside_a_renewal_window_ends_with_that_window() {
    // Earliest month 2020-03 is month 37 itself: rows 2020-03 and 2020-04 only.
    let r = compare(input("2020-03-10", "2017-03-15"));
    assert_matches(
        &r,
        json!({ "rows": [{ "month": "2020-03", "net": 5000 }, { "month": "2020-04", "net": 10000 }], "best": "2020-03" }),
    );
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
    let r = compare(
        json!({ "applicationDate": "2020-03-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15" } }),
    );
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
        assert_eq!(
            row["charges"].as_i64(),
            c["totals"]["charges"].as_i64().map(|x| x + before),
            "{}",
            row["month"]
        );
        assert_eq!(row["refunds"], c["totals"]["refunds"], "{}", row["month"]);
    }
}

#[test]
fn compare_late_rows_lose_the_refund_after_the_application_deadline() {
    // auひかり from 2018-06-20: deadline 2019-01-20; an exit in 2018-12 or later has its
    // statements billed from 2019-02, too late.
    let r = compare(
        json!({ "applicationDate": "2018-06-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" },
        "destination": { "isp": "so-net", "startDate": "2018-06-20", "sourceExcluded": false } }),
    );
    assert_matches(
        &r,
        json!({ "rows": [{ "month": "2018-06", "refunds": 20000, "net": 0 }, { "month": "2018-11", "refunds": 20000 }, { "month": "2018-12", "refunds": 0 }] }),
    );
}

fn day_after(d: &str, n: i64) -> String {
    let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
    (d + chrono::Duration::days(n)).format("%Y-%m-%d").to_string()
}

/// SN-2/SN-3/SN-5 read backwards: each row's `applyFrom` and `applyBy` are exactly the
/// application dates that reach its month without a shift. Checked by asking `calculate`
/// itself: on both bounds the month can be chosen with no shift; a day after `applyBy` it
/// cannot (refused, or shifted by removal).
#[test]
fn sn2_sn3_sn5_each_row_says_the_application_dates_that_reach_it() {
    let scenarios = [
        json!({ "customer": "individual", "channel": "web" }),
        json!({ "customer": "corporate", "channel": "paper" }),
        json!({ "customer": "corporate", "channel": "phone" }),
        json!({ "customer": "individual", "channel": "phone", "removal": "requested", "region": "west" }),
    ];
    for extra in scenarios {
        let mut i = input("2027-01-10", "2021-03-15");
        for (k, v) in extra.as_object().unwrap() {
            i["current"][k] = v.clone();
        }
        let r = compare(i.clone());
        for row in r["rows"].as_array().unwrap() {
            let m = row["month"].as_str().unwrap();
            let (from, by) = (row["applyFrom"].as_str().unwrap(), row["applyBy"].as_str().unwrap());
            assert!(
                from >= "2027-01-10",
                "{extra} {m}: applyFrom {from} before the application date"
            );
            let at = |a: &str| {
                let mut x = i.clone();
                x["applicationDate"] = json!(a);
                x["current"]["exitMonth"] = json!(m);
                calc(x)
            };
            if row["reachable"] == json!(false) {
                assert!(by < from, "{extra} {m}");
                continue;
            }
            for a in [from, by] {
                let c = at(a);
                assert_eq!(c["ok"], json!(true), "{extra} {m} applying {a}: {c}");
                assert_eq!(c["exit"]["month"], json!(m), "{extra} {m} applying {a}");
            }
            let late = at(&day_after(by, 1));
            assert!(
                late["ok"] == json!(false) || late["exit"]["month"] != json!(m),
                "{extra} {m}: a day after {by} still reaches it"
            );
        }
    }
}

/// The recommendation names a month the reader can reach and how: the case, a
/// 2021 contract applied for on 2027-01-10 (window 1–2月), whose cheapest month is 3月.
#[test]
fn the_recommendation_says_how_to_reach_the_cheapest_month() {
    let r = compare(input("2027-01-10", "2021-03-15"));
    assert_matches(
        &r,
        json!({ "best": "2027-03", "recommended": "2027-03", "rows": [{ "month": "2027-01", "applyFrom": "2027-01-10", "applyBy": "2027-01-31" }, {}, { "month": "2027-03", "applyFrom": "2027-02-01", "applyBy": "2027-03-31" }] }),
    );
    let text = r["recommendation"].as_str().unwrap();
    assert!(text.contains("2027年2月1日以降") && text.contains("2027年3月末に退会でき"), "{text}");
    // Removal in the west applied on the 25th: January can no longer be reached; the
    // recommendation never names an unreachable month as the one to choose.
    let mut i = input("2027-01-25", "2021-03-15");
    i["current"]["removal"] = json!("requested");
    i["current"]["region"] = json!("west");
    i["current"]["serviceStart"] = json!("2021-01-15");
    let r = compare(i);
    assert_matches(&r, json!({ "rows": [{ "month": "2027-01", "reachable": false }] }));
    assert_ne!(r["recommended"], json!("2027-01"), "{r}");
}

/// A recommendation to wait, with no monthly fee entered, says the waiting months were
/// counted at 0 yen (a blank optional fee must not make waiting look free).
#[test]
fn waiting_without_a_monthly_fee_says_the_months_count_as_zero() {
    let mut i = input("2027-01-10", "2021-03-15");
    i["current"].as_object_mut().map(|o| o.remove("monthlyFee"));
    let text = compare(i)["recommendation"].as_str().unwrap().to_string();
    assert!(text.contains("月額料金を0円として比べています"), "{text}");
    let text =
        compare(input("2027-01-10", "2021-03-15"))["recommendation"].as_str().unwrap().to_string();
    assert!(!text.contains("0円として"), "{text}");
}
