//! Input validation (CONTRACT "Limits and types", "Output (ok: false)"): every problem at
//! once, each with its field path, a stable code and a message in the chosen language.
mod common;
use common::{assert_matches, calc, compare};
use norikae::wire::json::Json;
use serde_json::{json, Value};

fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = json!({ "applicationDate": "2019-03-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15" } });
    f(&mut v);
    calc(v)
}

fn err(r: &Value, field: &str, code: &str) {
    assert_matches(r, json!({ "ok": false, "errors": [{ "field": field, "code": code }] }));
}

#[test]
fn input_required_fields_are_missing() {
    let r = calc(json!({}));
    err(&r, "applicationDate", "missing");
    err(&r, "current", "missing");
    let r = calc(json!({ "applicationDate": "2019-03-10", "current": {} }));
    err(&r, "current.provider", "missing");
    err(&r, "current.serviceStart", "missing");
    err(&calc(json!(null)), "", "missing");
    err(&calc(json!([1, 2])), "", "missing");
}

#[test]
fn input_dates_must_be_real_and_within_2000_2100() {
    err(
        &with(|v| v["current"]["serviceStart"] = json!("2019-02-29")),
        "current.serviceStart",
        "invalid-date",
    );
    err(
        &with(|v| v["current"]["serviceStart"] = json!(20190210)),
        "current.serviceStart",
        "invalid-date",
    );
    err(
        &with(|v| v["current"]["serviceStart"] = json!("2019/02/10")),
        "current.serviceStart",
        "invalid-date",
    );
    err(&with(|v| v["applicationDate"] = json!("2101-01-01")), "applicationDate", "out-of-range");
    err(
        &with(|v| v["current"]["serviceStart"] = json!("1999-12-31")),
        "current.serviceStart",
        "out-of-range",
    );
    assert_matches(
        &with(|v| v["current"]["serviceStart"] = json!("2000-01-01")),
        json!({ "ok": true }),
    );
}

#[test]
fn input_months_must_be_yyyy_mm() {
    err(
        &with(|v| v["current"]["exitMonth"] = json!("2019-13")),
        "current.exitMonth",
        "invalid-month",
    );
    err(&with(|v| v["current"]["exitMonth"] = json!(201903)), "current.exitMonth", "invalid-month");
    err(
        &with(|v| {
            v["current"]["construction"] =
                json!({ "monthlyInstallment": 1, "installments": 2, "firstMonth": "2019-3" })
        }),
        "current.construction.firstMonth",
        "invalid-month",
    );
}

#[test]
fn input_codes_and_booleans_of_the_wrong_kind_are_unknown_values() {
    err(
        &with(|v| v["current"]["provider"] = json!("nuro-hikari")),
        "current.provider",
        "unknown-value",
    );
    err(&with(|v| v["current"]["building"] = json!("castle")), "current.building", "unknown-value");
    err(&with(|v| v["current"]["building"] = json!(3)), "current.building", "unknown-value");
    err(
        &with(|v| v["current"]["phone"] = json!({ "keepNumber": "yes" })),
        "current.phone.keepNumber",
        "unknown-value",
    );
    err(&with(|v| v["lang"] = json!("fr")), "lang", "unknown-value");
    // A campaign rule set is not a provider.
    err(
        &with(|v| v["current"]["provider"] = json!("au-start-support")),
        "current.provider",
        "unknown-value",
    );
}

#[test]
fn input_amounts_are_whole_yen_from_0_to_10_million() {
    for bad in [json!(-1), json!(1.5), json!("5000"), json!(10_000_001), json!(true)] {
        err(
            &with(|v| v["current"]["monthlyFee"] = bad.clone()),
            "current.monthlyFee",
            "out-of-range",
        );
    }
    assert_matches(
        &with(|v| v["current"]["monthlyFee"] = json!(10_000_000)),
        json!({ "ok": true }),
    );
    err(
        &with(|v| {
            v["current"]["construction"] = json!({ "monthlyInstallment": 500, "installments": 601 })
        }),
        "current.construction.installments",
        "out-of-range",
    );
    err(
        &with(|v| v["current"]["cashback"] = json!({ "amount": 500, "minimumMonths": 0 })),
        "current.cashback.minimumMonths",
        "out-of-range",
    );
    err(
        &with(|v| {
            v["destination"] =
                json!({ "isp": "so-net", "startDate": "2019-03-20", "mobileLines": 101 })
        }),
        "destination.mobileLines",
        "out-of-range",
    );
}

#[test]
fn input_inner_fields_of_construction_and_cashback_are_required() {
    let r = with(|v| {
        v["current"]["construction"] = json!({ "monthlyInstallment": 500 });
        v["current"]["cashback"] = json!({});
    });
    err(&r, "current.construction.installments", "missing");
    err(&r, "current.cashback.amount", "missing");
    err(&r, "current.cashback.minimumMonths", "missing");
}

#[test]
fn input_strings_longer_than_100_characters_are_out_of_range() {
    let long = "x".repeat(101);
    err(&with(|v| v["current"]["provider"] = json!(long)), "current.provider", "out-of-range");
    err(
        &with(|v| v["current"]["serviceStart"] = json!("2".repeat(5000))),
        "current.serviceStart",
        "out-of-range",
    );
}

#[test]
fn input_every_problem_is_listed_at_once() {
    let r = calc(
        json!({ "applicationDate": "2019-02-30", "current": { "provider": "so-net-hikari-plus", "serviceStart": "x", "monthlyFee": -5, "region": "north" },
        "destination": { "isp": "nifty2", "startDate": null } }),
    );
    for (f, c) in [
        ("applicationDate", "invalid-date"),
        ("current.serviceStart", "invalid-date"),
        ("current.monthlyFee", "out-of-range"),
        ("current.region", "unknown-value"),
        ("destination.isp", "unknown-value"),
        ("destination.startDate", "missing"),
    ] {
        err(&r, f, c);
    }
}

#[test]
fn input_isp_is_required_unless_the_campaign_is_none_and_start_date_always() {
    err(
        &with(|v| v["destination"] = json!({ "startDate": "2019-03-20" })),
        "destination.isp",
        "missing",
    );
    assert_matches(
        &with(|v| v["destination"] = json!({ "campaign": "none", "startDate": "2019-03-20" })),
        json!({ "ok": true }),
    );
    err(
        &with(|v| v["destination"] = json!({ "campaign": "none" })),
        "destination.startDate",
        "missing",
    );
    // mobileLines is validated even with Plus, where it is otherwise ignored.
    err(
        &with(
            |v| v["destination"] = json!({ "campaign": "start-support-plus", "isp": "so-net", "startDate": "2019-03-20", "mobileLines": -1 }),
        ),
        "destination.mobileLines",
        "out-of-range",
    );
}

#[test]
fn input_service_start_after_the_application_is_inconsistent() {
    err(
        &with(|v| v["current"]["serviceStart"] = json!("2019-03-11")),
        "current.serviceStart",
        "inconsistent",
    );
    err(
        &with(|v| v["current"]["contractDate"] = json!("2017-03-16")),
        "current.contractDate",
        "inconsistent",
    );
}

#[test]
fn input_messages_follow_lang() {
    let r = with(|v| {
        v["lang"] = json!("en");
        v["current"]["serviceStart"] = json!("2019-02-30");
    });
    let m = r["errors"][0]["message"].as_str().unwrap_or("");
    assert!(m.contains("not a real date") && m.is_ascii(), "{m}");
    let r = with(|v| v["current"]["serviceStart"] = json!("2019-02-30"));
    assert!(r["errors"][0]["message"].as_str().unwrap_or("").contains("実在する日付"));
}

#[test]
fn input_null_counts_as_absent() {
    assert_matches(
        &with(|v| {
            v["current"]["monthlyFee"] = json!(null);
            v["current"]["exitMonth"] = json!(null);
            v["destination"] = json!(null);
        }),
        json!({ "ok": true }),
    );
}

#[test]
fn input_too_deep_or_too_big_is_out_of_range_not_a_crash() {
    let mut deep = Json::Null;
    for _ in 0..50 {
        deep = Json::Obj(vec![("a".into(), deep)]);
    }
    let input = Json::Obj(vec![
        ("applicationDate".into(), Json::Str("2019-03-10".into())),
        ("current".into(), Json::TooBig),
        ("destination".into(), deep),
    ]);
    match norikae::engine::calculate::calculate(&input) {
        norikae::Answer::Err(f) => assert!(
            f.errors.iter().any(|e| e.field == "current" && e.code == "out-of-range"),
            "{f:?}"
        ),
        norikae::Answer::Ok(_) => panic!("accepted"),
    }
    // JSON text nested 100,000 deep is read without overflowing the stack.
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut de = serde_json::Deserializer::from_str(&text);
    let _ = norikae::wire::json::read(&mut de);
}

#[test]
fn compare_validates_like_calculate() {
    let r = compare(
        json!({ "applicationDate": "2019-03-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15", "exitMonth": "2019-06" } }),
    );
    err(&r, "current.exitMonth", "inconsistent");
}

#[test]
fn input_a_late_service_start_is_one_error_not_two() {
    let r = with(|v| v["current"]["serviceStart"] = json!("2019-03-11"));
    assert_eq!(r["errors"].as_array().map(Vec::len), Some(1), "{r}");
}

#[test]
fn input_text_past_the_limits_marks_that_field_not_the_whole_input() {
    // From the fuzzing review: 20 levels deep under one key, and 3,000 values.
    let deep = format!("{}1{}", "[".repeat(20), "]".repeat(20));
    let text = format!(
        r#"{{"applicationDate":"2026-09-10","current":{{"provider":"so-net-hikari-plus","serviceStart":"2021-03-15"}},"x":{deep}}}"#
    );
    let mut de = serde_json::Deserializer::from_str(&text);
    let json = norikae::wire::json::read(&mut de).expect("read, not rejected");
    assert!(
        matches!(norikae::engine::calculate::calculate(&json), norikae::Answer::Ok(_)),
        "an unknown deep field is ignored"
    );
    let text =
        format!(r#"{{"applicationDate":"2026-09-10","current":[{}{{}}]}}"#, "{},".repeat(3000));
    let mut de = serde_json::Deserializer::from_str(&text);
    let json = norikae::wire::json::read(&mut de).expect("read, not rejected");
    match norikae::engine::calculate::calculate(&json) {
        // Over the node limit the input as a whole is too large: out-of-range, not the
        // "missing" a half-read text used to give.
        norikae::Answer::Err(f) => {
            assert!(
                f.errors
                    .iter()
                    .any(|e| (e.field == "current" || e.field.is_empty())
                        && e.code == "out-of-range"),
                "{f:?}"
            )
        }
        norikae::Answer::Ok(_) => panic!("accepted"),
    }
}

/// Issue 11 item 8: error messages in Japanese say amounts and values in Japanese, with no
/// English word or stray space, and a day that does not exist is not written as a date.
#[test]
fn japanese_errors_are_japanese() {
    let r = calc(
        json!({ "applicationDate": "2026-02-30", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2021-03-15", "monthlyFee": 5720.5 } }),
    );
    let msgs: Vec<String> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap().to_string())
        .collect();
    let fee = msgs.iter().find(|m| m.contains("整数")).expect("fee error");
    assert_eq!(fee, "0〜10,000,000の整数で入力してください（入力: 小数）。");
    let day = msgs.iter().find(|m| m.contains("2026-02-30")).expect("date error");
    assert!(!day.contains("2026年2月30日") && !day.contains("YYYY"), "{day}");
}
