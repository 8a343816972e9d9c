//! Any provider (issue 5, rule file rules/custom.toml, "CU-1": the user's contract terms
//! replace the keys the file lists under `user-terms`; everything else is data).
mod common;
use common::{assert_matches, calc, compare};
use serde_json::{json, Value};

fn custom(a: &str, start: &str, terms: Value, f: impl FnOnce(&mut Value)) -> Value {
    let mut v = json!({ "applicationDate": a, "current": { "provider": "custom", "serviceStart": start, "monthlyFee": 5000, "terms": terms } });
    f(&mut v);
    calc(v)
}

#[test]
fn cu1_the_custom_provider_needs_its_terms() {
    let r = calc(
        json!({ "applicationDate": "2025-04-15", "current": { "provider": "custom", "serviceStart": "2023-04-10" } }),
    );
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.terms", "code": "missing" }] }),
    );
    let r = custom(
        "2025-04-15",
        "2023-04-10",
        json!({ "renewalMonths": 4, "bankDebitDay": 32 }),
        |_| {},
    );
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.terms.termMonths", "code": "missing" }, { "field": "current.terms.cancellationFee", "code": "missing" },
        { "field": "current.terms.renewalMonths", "code": "out-of-range" }, { "field": "current.terms.bankDebitDay", "code": "out-of-range" }] }),
    );
}

#[test]
fn cu1_entered_terms_do_not_change_so_net() {
    // So-net's file lists no user-terms: its own 36/37-38/20,000 stand.
    let r = calc(
        json!({ "applicationDate": "2020-02-05", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15",
        "terms": { "termMonths": 12, "cancellationFee": 1 } } }),
    );
    assert_matches(
        &r,
        json!({ "exit": { "contractMonth": 36, "inRenewalWindow": false }, "charges": [{ "kind": "cancellation-fee", "amount": 20000 }] }),
    );
}

#[test]
fn cu1_the_fee_explanation_cites_the_users_input() {
    let r = custom(
        "2025-02-03",
        "2022-01-10",
        json!({ "termMonths": 36, "cancellationFee": 11000 }),
        |_| {},
    );
    let sn7 = r["explanations"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["rule"] == "SN-7"))
        .cloned()
        .unwrap_or_default();
    assert!(sn7["text"].as_str().unwrap_or("").contains("入力された契約条件"), "{sn7}");
    assert!(sn7["sources"].as_array().is_some_and(|s| s.contains(&json!("user"))), "{sn7}");
}

#[test]
fn cu1_the_unknown_mypage_period_is_flagged_unverified() {
    let r = custom(
        "2025-02-03",
        "2022-01-10",
        json!({ "termMonths": 36, "cancellationFee": 11000 }),
        |_| {},
    );
    assert_matches(
        &r,
        json!({ "warnings": [{ "code": "rule-unverified", "rule": "SN-13" }], "exit": { "mypageUntil": "2025-05-31" } }),
    );
}

#[test]
fn cu1_renewal_windows_repeat_every_term() {
    // 24 + 2: months 25–26, 49–50, 73–74 are free.
    for (a, k, free) in [
        ("2025-04-15", 25, true),
        ("2025-05-15", 26, true),
        ("2025-06-15", 27, false),
        ("2027-04-15", 49, true),
        ("2027-06-15", 51, false),
    ] {
        let r = custom(
            a,
            "2023-04-10",
            json!({ "termMonths": 24, "renewalMonths": 2, "cancellationFee": 9000 }),
            |_| {},
        );
        assert_eq!(r["exit"]["contractMonth"], json!(k));
        assert_eq!(r["exit"]["inRenewalWindow"], json!(free), "month {k}");
    }
}

#[test]
fn cu1_prorating_needs_the_prorated_flag_and_a_day_in_the_window() {
    // Without `prorated`, exitDate is ignored and the month is charged in full.
    let r = custom(
        "2025-06-02",
        "2023-02-10",
        json!({ "termMonths": 24, "cancellationFee": 0 }),
        |v| v["current"]["exitDate"] = json!("2025-06-10"),
    );
    assert_matches(
        &r,
        json!({ "exit": { "lastServiceDay": "2025-06-30" }, "charges": [{ "kind": "monthly-fee", "amount": 5000 }] }),
    );
    let p = json!({ "termMonths": 24, "cancellationFee": 0, "prorated": true });
    let r = custom("2025-06-12", "2023-02-10", p.clone(), |v| {
        v["current"]["exitDate"] = json!("2025-06-10")
    });
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.exitDate", "code": "inconsistent" }] }),
    );
    let r = custom("2025-06-12", "2023-02-10", p.clone(), |v| {
        v["current"]["exitDate"] = json!("2025-08-01")
    });
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.exitDate", "code": "inconsistent" }] }),
    );
    // February of a leap year: 29 days; 10 used → 5000 × 10 / 29 = 1724 (rounded down).
    let r = custom("2024-02-01", "2022-02-10", p.clone(), |v| {
        v["current"]["exitDate"] = json!("2024-02-10")
    });
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "amount": 1724 }], "exit": { "completionDate": "2024-02-11" } }),
    );
    // The last day of the month is a full month.
    let r =
        custom("2024-02-01", "2022-02-10", p, |v| v["current"]["exitDate"] = json!("2024-02-29"));
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "amount": 5000 }], "exit": { "completionDate": "2024-03-01" } }),
    );
}

#[test]
fn cu1_a_debit_day_past_the_months_end_takes_its_last_day() {
    // Day 31, debited in 2025-02 (28 days) → 2025-02-28 (a Friday).
    let r = custom(
        "2024-12-05",
        "2023-03-01",
        json!({ "termMonths": 24, "cancellationFee": 0, "bankDebitDay": 31 }),
        |v| v["current"]["payment"] = json!("bank-debit"),
    );
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2025-01", "due": "2025-02-28" }] }),
    );
}

#[test]
fn cu1_another_provider_gets_the_au_refund() {
    let r = custom(
        "2025-02-03",
        "2022-01-10",
        json!({ "termMonths": 36, "cancellationFee": 11000 }),
        |v| {
            v["destination"] = json!({ "isp": "so-net", "startDate": "2025-02-20" });
        },
    );
    assert_matches(
        &r,
        json!({ "refunds": [{ "kind": "fee-refund-cash", "amount": 11000 }], "warnings": { "$none": { "code": "source-not-eligible" } } }),
    );
}

#[test]
fn cu1_compare_finds_the_renewal_month() {
    let r = compare(
        json!({ "applicationDate": "2025-01-10", "current": { "provider": "custom", "serviceStart": "2023-04-10", "monthlyFee": 5000,
        "terms": { "termMonths": 24, "renewalMonths": 2, "cancellationFee": 16000 } } }),
    );
    // 2025-01: 5,000 + 16,000; 2025-04 (month 25, free): 4 × 5,000.
    assert_matches(
        &r,
        json!({ "best": "2025-04", "rows": [{ "month": "2025-01", "net": 21000 }, { "month": "2025-04", "net": 20000 }, { "month": "2025-05", "net": 25000 }] }),
    );
}

#[test]
fn cu1_texts_name_the_provider_as_your_provider_not_so_net() {
    let r = custom(
        "2025-02-03",
        "2022-01-10",
        json!({ "termMonths": 36, "renewalMonths": 1, "cancellationFee": 11000 }),
        |v| v["lang"] = json!("en"),
    );
    let all = r.to_string();
    assert!(!all.contains("So-net"), "{all}");
    assert!(all.contains("your provider's security software"));
    // One renewal month is named once.
    let sn7 = r["explanations"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["rule"] == "SN-7"))
        .cloned()
        .unwrap_or_default();
    assert!(sn7["text"].as_str().unwrap_or("").contains("(2028-01)"), "{sn7}");
}

/// Issue 11 item 7: what a custom provider's data lacks makes a sentence or charge silent,
/// never a fault; a fault of the calculator would be `internal`, not `out-of-range` with
/// an empty field.
#[test]
fn cu1_what_the_custom_data_lacks_is_silent_not_an_error() {
    let terms = json!({ "termMonths": 24, "cancellationFee": 10450 });
    // A requested statement: no fee known, so none is charged, and it says so.
    let r = custom("2025-04-15", "2023-04-10", terms.clone(), |v| {
        v["current"]["statement"] = json!("request")
    });
    assert_matches(&r, json!({ "ok": true, "charges": { "$none": { "kind": "statement-fee" } } }));
    // A corporate phone request: no desk closures in the data, no shift, no error.
    let r = custom("2025-05-03", "2023-04-10", terms.clone(), |v| {
        v["current"]["customer"] = json!("corporate");
        v["current"]["channel"] = json!("phone");
    });
    assert_matches(
        &r,
        json!({ "ok": true, "exit": { "earliestMonth": "2025-05" }, "warnings": { "$none": { "code": "corporate-desk-closed" } } }),
    );
    // A prorated exit day does not hide a wished month outside the window.
    let r = custom(
        "2025-04-15",
        "2023-04-10",
        json!({ "termMonths": 24, "cancellationFee": 10450, "prorated": true }),
        |v| {
            v["current"]["exitMonth"] = json!("2025-09");
            v["current"]["exitDate"] = json!("2025-05-10");
        },
    );
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.exitMonth", "code": "inconsistent" }] }),
    );
    // So-net with a terms block: nothing in it is required (its own terms stand).
    let r = calc(
        json!({ "applicationDate": "2025-04-15", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2021-04-10", "terms": { "termMonths": 24 } } }),
    );
    assert_matches(&r, json!({ "ok": true }));
}
